//! Skills and the levels recorded for them over time.

use super::Repo;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, OptionalExtension, Row, params};
use crate::model::{Assessment, Id, Learning, Skill, SkillDraft};
use chrono::NaiveDate;
use std::collections::HashMap;

const SKILLS: Table = Table {
    name: "skills",
    what: "skill",
};

const SELECT: &str = "SELECT s.id, s.name, s.category, s.description, s.target_level,
        s.organization_id, s.created_at, s.updated_at, s.version
    FROM skills s";

fn from_row(r: &Row<'_>) -> crate::db::sql::Result<Skill> {
    Ok(Skill {
        id: r.get(0)?,
        name: r.get(1)?,
        category: r.get(2)?,
        description: r.get(3)?,
        target_level: r.get(4)?,
        organization_id: r.get(5)?,
        current_level: None,
        last_assessed: None,
        history: Vec::new(),
        history_on: Vec::new(),
        tags: Vec::new(),
        stamp: get_stamp(r, 6)?,
    })
}

fn assessment_from_row(r: &Row<'_>) -> crate::db::sql::Result<Assessment> {
    Ok(Assessment {
        id: r.get(0)?,
        skill_id: r.get(1)?,
        level: r.get(2)?,
        assessed_on: get_day(r, 3)?,
        note: r.get(4)?,
    })
}

/// Checks a draft and returns its trimmed name.
fn validate(draft: &SkillDraft) -> Result<String> {
    let name = required("name", "skill name", &draft.name)?;
    if let Some(t) = draft.target_level {
        in_range("target_level", "skill target level", i64::from(t), 0, 5)?;
    }
    Ok(name)
}

/// Refuses a name another live skill already has (ignoring case), naming the field.
fn ensure_unique_name(conn: &Connection, name: &str, except: Option<Id>) -> Result<()> {
    let taken: bool = conn
        .prepare_cached(
            "SELECT count(*) FROM skills
             WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL AND id IS NOT ?2",
        )?
        .query_row(params![name, except], |r| r.get(0))?;
    if taken {
        return Err(Error::invalid(
            "name",
            format!("a skill named {name:?} already exists"),
        ));
    }
    Ok(())
}

/// Every assessment of many skills (one query), oldest first within each skill: by the day
/// it was assessed, then the order it was recorded.
fn assessments_of_many(conn: &Connection, ids: &[Id]) -> Result<HashMap<Id, Vec<Assessment>>> {
    let mut map: HashMap<Id, Vec<Assessment>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    let json = serde_json::to_string(ids).map_err(|e| Error::Sqlite(e.to_string()))?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, skill_id, level, assessed_on, note FROM skill_progress
         WHERE skill_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?1))
         ORDER BY skill_id, assessed_on, id",
    )?;
    for a in stmt.query_map([json], assessment_from_row)? {
        let a = a?;
        map.entry(a.skill_id).or_default().push(a);
    }
    Ok(map)
}

/// Skills matching `sql_where`, with tags and history loaded in one query each. Also returns
/// each skill's dated assessments, for callers that need more than the levels.
fn load_many_with_assessments(
    conn: &Connection,
    sql_where: &str,
    params: impl crate::db::sql::Params,
) -> Result<Vec<(Skill, Vec<Assessment>)>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} {sql_where}"))?;
    let skills = stmt
        .query_map(params, from_row)?
        .collect::<crate::db::sql::Result<Vec<Skill>>>()?;
    let ids: Vec<Id> = skills.iter().map(|s| s.id).collect();
    let mut tags = tags_of_many(conn, SKILL_TAGS, &ids)?;
    let mut history = assessments_of_many(conn, &ids)?;
    Ok(skills
        .into_iter()
        .map(|mut s| {
            s.tags = tags.remove(&s.id).unwrap_or_default();
            let assessments = history.remove(&s.id).unwrap_or_default();
            s.history = assessments.iter().map(|a| a.level).collect();
            s.history_on = assessments.iter().map(|a| a.assessed_on).collect();
            if let Some(last) = assessments.last() {
                s.current_level = Some(last.level);
                s.last_assessed = Some(last.assessed_on);
            }
            (s, assessments)
        })
        .collect())
}

fn load_many(
    conn: &Connection,
    sql_where: &str,
    params: impl crate::db::sql::Params,
) -> Result<Vec<Skill>> {
    Ok(load_many_with_assessments(conn, sql_where, params)?
        .into_iter()
        .map(|(s, _)| s)
        .collect())
}

fn load(conn: &Connection, id: Id) -> Result<Skill> {
    load_many(conn, "WHERE s.id = ?1 AND s.deleted_at IS NULL", [id])?
        .pop()
        .ok_or(Error::NotFound {
            what: SKILLS.what,
            id,
        })
}

fn ensure_live(conn: &Connection, id: Id) -> Result<()> {
    let live: bool = conn
        .prepare_cached("SELECT count(*) FROM skills WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))?;
    if live {
        Ok(())
    } else {
        Err(Error::NotFound {
            what: SKILLS.what,
            id,
        })
    }
}

/// The live skills in display order: by category, then name.
const ORDER: &str = "ORDER BY s.category COLLATE NOCASE, s.name COLLATE NOCASE, s.id";

impl Repo {
    pub fn add_skill(&self, draft: &SkillDraft) -> Result<Skill> {
        let name = validate(draft)?;
        self.write(|c| {
            super::people::ensure_org(c, draft.organization_id)?;
            ensure_unique_name(c, &name, None)?;
            let id: Id = c.prepare_cached(
                "INSERT INTO skills (name, category, description, target_level, organization_id)
                 VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            )?
            .query_row(params![
                name,
                draft.category.trim(),
                draft.description,
                draft.target_level,
                draft.organization_id
            ], |r| r.get(0))?;
            set_tags(c, SKILL_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version` of the skill. Its recorded levels are untouched.
    pub fn update_skill(&self, id: Id, version: i64, draft: &SkillDraft) -> Result<Skill> {
        let name = validate(draft)?;
        self.write(|c| {
            super::people::ensure_org(c, draft.organization_id)?;
            ensure_unique_name(c, &name, Some(id))?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE skills SET name = ?1, category = ?2, description = ?3, target_level = ?4,
                        organization_id = ?5, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?6 AND version = ?7 AND deleted_at IS NULL"
                ))?
                .execute(params![
                    name,
                    draft.category.trim(),
                    draft.description,
                    draft.target_level,
                    draft.organization_id,
                    id,
                    version
                ])?;
            check_versioned_update(c, SKILLS, id, version, changed)?;
            set_tags(c, SKILL_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// One skill (not deleted), with its current level and history.
    pub fn skill(&self, id: Id) -> Result<Skill> {
        load(self.conn(), id)
    }

    /// Every live skill by category then name, each with its current level and full history
    /// (three queries in all, however many skills there are).
    pub fn skills(&self) -> Result<Vec<Skill>> {
        load_many(
            self.conn(),
            &format!("WHERE s.deleted_at IS NULL {ORDER}"),
            [],
        )
    }

    /// As [`Repo::skills`], but each skill's history holds only its latest `recent` levels
    /// (the current level and the last day assessed are the same): the Skills list draws a
    /// short sparkline, and reading every assessment of twenty years for it would cost the
    /// list more each year. One short query per skill, on the index of a skill's assessments.
    pub fn skills_recent(&self, recent: usize) -> Result<Vec<Skill>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached(&format!("{SELECT} WHERE s.deleted_at IS NULL {ORDER}"))?;
        let mut skills = stmt
            .query_map([], from_row)?
            .collect::<crate::db::sql::Result<Vec<Skill>>>()?;
        let ids: Vec<Id> = skills.iter().map(|s| s.id).collect();
        let mut tags = tags_of_many(conn, SKILL_TAGS, &ids)?;
        let mut latest = conn.prepare_cached(
            "SELECT level, assessed_on FROM skill_progress WHERE skill_id = ?1
             ORDER BY assessed_on DESC, id DESC LIMIT ?2",
        )?;
        for s in &mut skills {
            s.tags = tags.remove(&s.id).unwrap_or_default();
            let mut levels = latest
                .query_map(
                    params![s.id, i64::try_from(recent).unwrap_or(i64::MAX)],
                    |r| Ok((r.get::<_, u8>(0)?, get_day(r, 1)?)),
                )?
                .collect::<crate::db::sql::Result<Vec<(u8, NaiveDate)>>>()?;
            if let Some(&(level, day)) = levels.first() {
                s.current_level = Some(level);
                s.last_assessed = Some(day);
            }
            levels.reverse();
            s.history_on = levels.iter().map(|(_, d)| *d).collect();
            s.history = levels.into_iter().map(|(l, _)| l).collect();
        }
        Ok(skills)
    }

    /// The latest `limit` journal entries linked to a skill, newest first, and how many are
    /// linked in all.
    pub fn recent_learnings_for_skill(
        &self,
        skill_id: Id,
        limit: usize,
    ) -> Result<(Vec<Learning>, usize)> {
        let c = self.conn();
        ensure_live(c, skill_id)?;
        let list = super::journal::load_many(
            c,
            "WHERE l.deleted_at IS NULL AND l.id IN (
                SELECT ls.learning_id FROM learning_skills ls WHERE ls.skill_id = ?1)
             ORDER BY l.at DESC, l.id DESC LIMIT ?2",
            params![skill_id, i64::try_from(limit).unwrap_or(i64::MAX)],
        )?;
        let n: i64 = c
            .prepare_cached(
                "SELECT count(*) FROM learning_skills ls JOIN learnings l ON l.id = ls.learning_id
                 WHERE ls.skill_id = ?1 AND l.deleted_at IS NULL",
            )?
            .query_row([skill_id], |r| r.get(0))?;
        Ok((list, usize::try_from(n).unwrap_or(0)))
    }

    /// Every live skill as (id, name), in the order of [`Repo::skills`]: for pickers and
    /// labels, without levels or history.
    pub fn skill_names(&self) -> Result<Vec<(Id, String)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT s.id, s.name FROM skills s WHERE s.deleted_at IS NULL {ORDER}"
        ))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// The live skills a journal entry is linked to, as (id, name), by id.
    pub fn skill_names_for_learning(&self, learning_id: Id) -> Result<Vec<(Id, String)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.id, s.name FROM learning_skills ls
               JOIN skills s ON s.id = ls.skill_id AND s.deleted_at IS NULL
             WHERE ls.learning_id = ?1 ORDER BY s.id",
        )?;
        let rows = stmt
            .query_map([learning_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// Records a level for a skill on a day. Every assessment is kept: this appends, so the
    /// history shows how the skill grew.
    pub fn record_skill_level(
        &self,
        skill_id: Id,
        level: u8,
        assessed_on: NaiveDate,
        note: &str,
    ) -> Result<Assessment> {
        in_range("level", "skill level", i64::from(level), 0, 5)?;
        self.write(|c| {
            ensure_live(c, skill_id)?;
            let id: Id = c.prepare_cached(
                "INSERT INTO skill_progress (skill_id, level, assessed_on, note) VALUES (?1, ?2, ?3, ?4) RETURNING id",
            )?
            .query_row(params![skill_id, level, day_text(assessed_on), note.trim()], |r| r.get(0))?;
            Ok(c.prepare_cached(
                "SELECT id, skill_id, level, assessed_on, note FROM skill_progress WHERE id = ?1",
            )?
            .query_row([id], assessment_from_row)?)
        })
    }

    /// Changes an assessment read as `was` (level, day, evidence). Assessments carry no
    /// version: the row must still read as `was`, or the edit is refused as a conflict.
    pub fn update_assessment(
        &self,
        was: &Assessment,
        level: u8,
        assessed_on: NaiveDate,
        note: &str,
    ) -> Result<Assessment> {
        in_range("level", "skill level", i64::from(level), 0, 5)?;
        self.write(|c| {
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE skill_progress SET level = ?1, assessed_on = ?2, note = ?3,
                        updated_at = {NOW_UTC}
                     WHERE id = ?4 AND level = ?5 AND assessed_on = ?6 AND note = ?7"
                ))?
                .execute(params![
                    level,
                    day_text(assessed_on),
                    note.trim(),
                    was.id,
                    was.level,
                    day_text(was.assessed_on),
                    was.note
                ])?;
            let now = c
                .prepare_cached(
                    "SELECT id, skill_id, level, assessed_on, note FROM skill_progress WHERE id = ?1",
                )?
                .query_row([was.id], assessment_from_row)
                .optional()?;
            match now {
                None => Err(Error::NotFound {
                    what: "assessment",
                    id: was.id,
                }),
                Some(_) if changed == 0 => Err(Error::Conflict {
                    what: "assessment",
                    id: was.id,
                    yours: 0,
                    current: 0,
                }),
                Some(a) => Ok(a),
            }
        })
    }

    /// One assessment.
    pub fn assessment(&self, id: Id) -> Result<Assessment> {
        self.conn()
            .prepare_cached(
                "SELECT id, skill_id, level, assessed_on, note FROM skill_progress WHERE id = ?1",
            )?
            .query_row([id], assessment_from_row)
            .optional()?
            .ok_or(Error::NotFound {
                what: "assessment",
                id,
            })
    }

    /// Deletes an assessment for good (the app's undo brings it back).
    pub fn delete_assessment(&self, id: Id) -> Result<()> {
        self.write(|c| {
            let gone = c
                .prepare_cached("DELETE FROM skill_progress WHERE id = ?1")?
                .execute([id])?;
            if gone == 0 {
                return Err(Error::NotFound {
                    what: "assessment",
                    id,
                });
            }
            Ok(())
        })
    }

    /// Every level recorded for a skill, oldest first.
    pub fn skill_history(&self, skill_id: Id) -> Result<Vec<Assessment>> {
        let c = self.conn();
        ensure_live(c, skill_id)?;
        Ok(assessments_of_many(c, &[skill_id])?
            .remove(&skill_id)
            .unwrap_or_default())
    }

    /// Journal entries linked to a skill, newest first.
    pub fn learnings_for_skill(&self, skill_id: Id) -> Result<Vec<Learning>> {
        let c = self.conn();
        ensure_live(c, skill_id)?;
        super::journal::load_many(
            c,
            "WHERE l.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM learning_skills ls WHERE ls.learning_id = l.id AND ls.skill_id = ?1)
             ORDER BY l.at DESC, l.id DESC",
            [skill_id],
        )
    }

    /// Skills whose level changed from `from` to `to` (days, inclusive), for reports: each
    /// with the level it had before `from` (`None` if never assessed) and the last level
    /// recorded by `to`. A skill re-assessed at the level it already had is not a change.
    /// In skill order (category, then name).
    pub fn skill_changes_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Skill, Option<u8>, u8)>> {
        let skills = load_many_with_assessments(
            self.conn(),
            &format!("WHERE s.deleted_at IS NULL {ORDER}"),
            [],
        )?;
        let mut out = Vec::new();
        for (skill, assessments) in skills {
            let before = assessments
                .iter()
                .rfind(|a| a.assessed_on < from)
                .map(|a| a.level);
            let after = assessments
                .iter()
                .rfind(|a| a.assessed_on >= from && a.assessed_on <= to)
                .map(|a| a.level);
            if let Some(after) = after
                && before != Some(after)
            {
                out.push((skill, before, after));
            }
        }
        Ok(out)
    }
}
