//! Journal: what was learned, tagged and linked to skills.

use super::Repo;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, OptionalExtension, Row, params};
use crate::model::{
    Id, Learning, LearningDraft, LearningFilter, LearningSummary, PageCount, PageDir, PageKey, Tag,
};
use chrono::NaiveDate;
use std::collections::HashMap;

const LEARNINGS: Table = Table {
    name: "learnings",
    what: "journal entry",
};

const SELECT: &str = "SELECT l.id, l.at, l.title, l.body, l.starred,
        l.created_at, l.updated_at, l.version
    FROM learnings l";

fn from_row(r: &Row<'_>) -> crate::db::sql::Result<Learning> {
    Ok(Learning {
        id: r.get(0)?,
        at: get_at(r, 1)?,
        title: r.get(2)?,
        body: r.get(3)?,
        starred: r.get(4)?,
        tags: Vec::new(),
        skill_ids: Vec::new(),
        stamp: get_stamp(r, 5)?,
    })
}

fn validate(draft: &LearningDraft) -> Result<String> {
    required("title", "journal title", &draft.title)
}

/// Refuses links to skills that do not exist (or are deleted).
fn ensure_skills(conn: &Connection, ids: &[Id]) -> Result<()> {
    let mut stmt =
        conn.prepare_cached("SELECT count(*) FROM skills WHERE id = ?1 AND deleted_at IS NULL")?;
    for &id in ids {
        let live: bool = stmt.query_row([id], |r| r.get(0))?;
        if !live {
            return Err(Error::invalid(
                "skills",
                format!("skill {id} does not exist"),
            ));
        }
    }
    Ok(())
}

/// Makes an entry's links to live skills exactly `ids`. Links to skills that are deleted are
/// left alone (the form never showed them), so restoring such a skill brings its links back.
fn set_skills(conn: &Connection, learning_id: Id, ids: &[Id]) -> Result<()> {
    conn.prepare_cached(
        "DELETE FROM learning_skills WHERE learning_id = ?1
           AND skill_id IN (SELECT id FROM skills WHERE deleted_at IS NULL)",
    )?
    .execute([learning_id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO learning_skills (learning_id, skill_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    for &skill in ids {
        stmt.execute(params![learning_id, skill])?;
    }
    Ok(())
}

/// The live skills linked to each of many entries (one query), by skill id.
fn skills_of_many(conn: &Connection, ids: &[Id]) -> Result<HashMap<Id, Vec<Id>>> {
    let mut map: HashMap<Id, Vec<Id>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    let json = serde_json::to_string(ids).map_err(|e| Error::Sqlite(e.to_string()))?;
    let mut stmt = conn.prepare_cached(
        "SELECT ls.learning_id, ls.skill_id FROM learning_skills ls
           JOIN skills s ON s.id = ls.skill_id AND s.deleted_at IS NULL
         WHERE ls.learning_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?1))
         ORDER BY ls.skill_id",
    )?;
    let rows = stmt.query_map([json], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?)))?;
    for row in rows {
        let (learning, skill) = row?;
        map.entry(learning).or_default().push(skill);
    }
    Ok(map)
}

/// Entries matching `sql_where` (which follows `FROM learnings l`), with tags and skills
/// loaded in one query each.
pub(super) fn load_many(
    conn: &Connection,
    sql_where: &str,
    params: impl crate::db::sql::Params,
) -> Result<Vec<Learning>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} {sql_where}"))?;
    let mut list = stmt
        .query_map(params, from_row)?
        .collect::<crate::db::sql::Result<Vec<Learning>>>()?;
    let ids: Vec<Id> = list.iter().map(|l| l.id).collect();
    let mut tags = tags_of_many(conn, LEARNING_TAGS, &ids)?;
    let mut skills = skills_of_many(conn, &ids)?;
    for l in &mut list {
        l.tags = tags.remove(&l.id).unwrap_or_default();
        l.skill_ids = skills.remove(&l.id).unwrap_or_default();
    }
    Ok(list)
}

fn load(conn: &Connection, id: Id) -> Result<Learning> {
    load_many(conn, "WHERE l.id = ?1 AND l.deleted_at IS NULL", [id])?
        .pop()
        .ok_or(Error::NotFound {
            what: LEARNINGS.what,
            id,
        })
}

/// The journal list's filter, binding ?1 text (title, text or a tag), ?2 tag, ?3 starred
/// only. Written so the partial index `learnings_live_at` serves the order and the counts,
/// and the tags matching the text are found once per statement (`IN`), not once per row.
/// `{TEXT}` stands for how the text is matched: see [`page_filter`].
const PAGE_FILTER: &str = "l.deleted_at IS NULL
    AND {TEXT}
    AND (CAST(?2 AS TEXT) IS NULL OR EXISTS (
         SELECT 1 FROM learning_tags lt JOIN tags t ON t.id = lt.tag_id
         WHERE lt.learning_id = l.id AND t.name = ?2))
    AND (?3 = 0 OR l.starred)";

/// The entries carrying a tag whose name contains the text.
const TAGGED: &str = "SELECT lt.learning_id FROM learning_tags lt
    WHERE lt.tag_id IN (SELECT id FROM tags WHERE contains_folded(name, ?1))";

/// The trigram index's entries holding the text's letters in order, ignoring case (migration
/// 9); a superset of the entries whose title or text contains it.
const TRIGRAMS: &str = "SELECT rowid FROM search_learnings
    WHERE search_learnings MATCH '\"' || replace(?1, '\"', '\"\"') || '\"'";

/// How the text is matched, by how common it is.
#[derive(Clone, Copy)]
enum TextPlan {
    /// No text, a text too short for the trigram index (under three letters), or a common
    /// one: the entries are read in list order until enough match (a page, or the counting
    /// cap), which a common text soon does. Measured at a million rows, this beats asking
    /// the index for thousands of candidates first.
    Read,
    /// Rare: the trigram index's few candidates are read, checked and sorted, whatever the
    /// journal's length.
    Lookup,
}

/// Below this many trigram candidates, a text is rare (see [`TextPlan::Lookup`]).
const RARE: i64 = 2_000;

fn text_plan(conn: &Connection, text: Option<&str>) -> Result<TextPlan> {
    let Some(text) = text.filter(|t| t.chars().count() >= 3) else {
        return Ok(TextPlan::Read);
    };
    // The trigram index is SQLite's (FTS5); PostgreSQL reads in list order.
    if conn.backend() == crate::db::sql::Backend::Postgres {
        return Ok(TextPlan::Read);
    }
    let n: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM ({TRIGRAMS} LIMIT ?2)"))?
        .query_row(params![text, RARE], |r| r.get(0))?;
    Ok(if n < RARE {
        TextPlan::Lookup
    } else {
        TextPlan::Read
    })
}

/// [`PAGE_FILTER`] for the text `text`, matched by the plan that suits it. Whatever the plan,
/// what matches is `contains_folded` on the title or the text, or a tag's name: the trigram
/// index only narrows down which entries are read.
fn page_filter(conn: &Connection, text: Option<&str>) -> Result<String> {
    let matched = match text_plan(conn, text)? {
        TextPlan::Read => format!(
            "(CAST(?1 AS TEXT) IS NULL OR contains_folded(l.title, ?1) OR contains_folded(l.body, ?1)
              OR l.id IN ({TAGGED}))"
        ),
        TextPlan::Lookup => format!(
            "l.id IN ({TRIGRAMS} UNION {TAGGED})
             AND (contains_folded(l.title, ?1) OR contains_folded(l.body, ?1)
                  OR l.id IN ({TAGGED}))"
        ),
    };
    Ok(PAGE_FILTER.replace("{TEXT}", &matched))
}

/// The parameters ?1 to ?3 of [`PAGE_FILTER`].
fn page_params(filter: &LearningFilter) -> Result<(Option<String>, Option<String>, bool)> {
    let text = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase);
    let tag = match filter.tag.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Some(normalize_tag(t)?),
        _ => None,
    };
    Ok((text, tag, filter.starred_only))
}

/// Stands for the key condition of a page read from the top or the bottom (?4 and ?5 are
/// then NULL and 0). A separate statement, not `?4 IS NULL OR …`, so that with a key the
/// planner sees a range on the index.
const NO_KEY: &str = "CAST(?4 AS TEXT) IS NULL AND ?5 = 0";

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Repo {
    /// Adds a journal entry; without a time it is stamped with the clock's now.
    pub fn add_learning(&self, draft: &LearningDraft) -> Result<Learning> {
        let title = validate(draft)?;
        let at = at_text(draft.at.unwrap_or_else(|| self.clock().now()));
        self.write(|c| {
            ensure_skills(c, &draft.skill_ids)?;
            let id: Id = c.prepare_cached(
                "INSERT INTO learnings (at, title, body, starred) VALUES (?1, ?2, ?3, ?4) RETURNING id",
            )?
            .query_row(params![at, title, draft.body, draft.starred], |r| r.get(0))?;
            set_tags(c, LEARNING_TAGS, id, &draft.tags)?;
            set_skills(c, id, &draft.skill_ids)?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version` of the entry. Without a time the entry keeps
    /// the one it has.
    pub fn update_learning(&self, id: Id, version: i64, draft: &LearningDraft) -> Result<Learning> {
        let title = validate(draft)?;
        let at = draft.at.map(at_text);
        self.write(|c| {
            ensure_skills(c, &draft.skill_ids)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE learnings SET at = ifnull(?1, at), title = ?2, body = ?3, starred = ?4,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?5 AND version = ?6 AND deleted_at IS NULL"
                ))?
                .execute(params![at, title, draft.body, draft.starred, id, version])?;
            check_versioned_update(c, LEARNINGS, id, version, changed)?;
            set_tags(c, LEARNING_TAGS, id, &draft.tags)?;
            set_skills(c, id, &draft.skill_ids)?;
            load(c, id)
        })
    }

    /// One journal entry (not deleted).
    pub fn learning(&self, id: Id) -> Result<Learning> {
        load(self.conn(), id)
    }

    /// Journal entries matching `filter`, newest first.
    ///
    /// `text` matches the title or the body anywhere, ignoring case (any letters, not only
    /// ASCII: see `contains_folded` in `crate::db`); `%` and `_` in it are taken literally. `tag` matches a tag by name
    /// (ignoring case and a leading `#`).
    pub fn learnings(&self, filter: &LearningFilter) -> Result<Vec<Learning>> {
        let text = filter
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase);
        let tag = match filter.tag.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => Some(normalize_tag(t)?),
            _ => None,
        };
        load_many(
            self.conn(),
            "WHERE l.deleted_at IS NULL
               AND (CAST(?1 AS TEXT) IS NULL OR contains_folded(l.title, ?1) OR contains_folded(l.body, ?1))
               AND (CAST(?2 AS TEXT) IS NULL OR EXISTS (
                    SELECT 1 FROM learning_tags lt JOIN tags t ON t.id = lt.tag_id
                    WHERE lt.learning_id = l.id AND t.name = ?2))
               AND (?3 = 0 OR l.starred)
               AND (CAST(?4 AS BIGINT) IS NULL OR EXISTS (
                    SELECT 1 FROM learning_skills ls
                    WHERE ls.learning_id = l.id AND ls.skill_id = ?4))
             ORDER BY l.at DESC, l.id DESC",
            params![text, tag, filter.starred_only, filter.skill_id],
        )
    }

    /// Stars or unstars an entry (a versioned edit like any other).
    pub fn set_learning_starred(&self, id: Id, version: i64, starred: bool) -> Result<Learning> {
        self.write(|c| {
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE learnings SET starred = ?1, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?2 AND version = ?3 AND deleted_at IS NULL"
                ))?
                .execute(params![starred, id, version])?;
            check_versioned_update(c, LEARNINGS, id, version, changed)?;
            load(c, id)
        })
    }

    /// The tags journal entries carry, by name, each with how many live entries carry it
    /// (for choosing a tag to filter the journal by).
    pub fn learning_tags(&self) -> Result<Vec<Tag>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT t.id, t.name, count(*) FROM learning_tags lt
               JOIN tags t ON t.id = lt.tag_id
               JOIN learnings l ON l.id = lt.learning_id AND l.deleted_at IS NULL
             GROUP BY t.id ORDER BY t.name",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Tag {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    uses: r.get(2)?,
                })
            })?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// Entries written from `from` to `to` (days, inclusive), oldest first (for reports).
    pub fn learnings_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Learning>> {
        load_many(
            self.conn(),
            "WHERE l.deleted_at IS NULL AND l.at >= ?1 AND l.at < date(?2, '+1 day')
             ORDER BY l.at, l.id",
            params![day_text(from), day_text(to)],
        )
    }

    /// How many entries the journal list shows with `filter` (its `skill_id` is ignored).
    pub fn learning_count(&self, filter: &LearningFilter) -> Result<usize> {
        let (text, tag, starred) = page_params(filter)?;
        let sql_filter = page_filter(self.conn(), text.as_deref())?;
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM learnings l WHERE {sql_filter}"
            ))?
            .query_row(params![text, tag, starred], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// How many entries the journal list shows with `filter`, and how many of them come
    /// before `key` (0 without one): one pass. With a text, the count reads the entries
    /// themselves and stops after `cap + 1` of them, newest first (see [`PageCount`]);
    /// without one it reads the index and is exact.
    pub fn learning_count_capped(
        &self,
        filter: &LearningFilter,
        key: Option<PageKey>,
        cap: usize,
    ) -> Result<PageCount> {
        let (text, tag, starred) = page_params(filter)?;
        let sql_filter = page_filter(self.conn(), text.as_deref())?;
        let (at, id) = match key {
            Some((at, id)) => (Some(at_text(at)), id),
            None => (None, 0),
        };
        let capped = text.is_some();
        let sql = if capped {
            format!(
                "SELECT count(*), count(CASE WHEN (at, id) > (?4, ?5) THEN 1 END) FROM
                   (SELECT l.at, l.id FROM learnings l WHERE {sql_filter}
                    ORDER BY l.at DESC, l.id DESC LIMIT ?6)"
            )
        } else {
            format!(
                "SELECT count(*), count(CASE WHEN (l.at, l.id) > (?4, ?5) THEN 1 END)
                 FROM learnings l WHERE {sql_filter} AND ?6 = ?6"
            )
        };
        let (all, before): (i64, i64) = self.conn().prepare_cached(&sql)?.query_row(
            params![text, tag, starred, at, id, limit(cap.saturating_add(1))],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let total = usize::try_from(all).unwrap_or(0);
        Ok(PageCount {
            total,
            before: usize::try_from(before).unwrap_or(0),
            exact: !capped || total <= cap,
        })
    }

    /// How many entries the journal list shows with `filter`, and how many of them come
    /// before `key` (0 without one), counted exactly.
    pub fn learning_count_before(
        &self,
        filter: &LearningFilter,
        key: Option<PageKey>,
    ) -> Result<(usize, usize)> {
        let c = self.learning_count_capped(filter, key, usize::MAX)?;
        Ok((c.total, c.before))
    }

    /// How many entries of the journal list (newest first) come before `key`.
    pub fn learning_rank(&self, filter: &LearningFilter, key: PageKey) -> Result<usize> {
        let (text, tag, starred) = page_params(filter)?;
        let sql_filter = page_filter(self.conn(), text.as_deref())?;
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM learnings l WHERE {sql_filter}
                   AND l.at >= ?4 AND (l.at, l.id) > (?4, ?5)"
            ))?
            .query_row(params![text, tag, starred, at_text(key.0), key.1], |r| {
                r.get(0)
            })?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Up to `n` entries of the journal list (newest first) from `from` in direction `dir`,
    /// in list order: one page, read through the index, however long the journal.
    pub fn learning_page(
        &self,
        filter: &LearningFilter,
        from: Option<PageKey>,
        dir: PageDir,
        n: usize,
    ) -> Result<Vec<LearningSummary>> {
        let (text, tag, starred) = page_params(filter)?;
        let sql_filter = page_filter(self.conn(), text.as_deref())?;
        let (at, id) = match from {
            Some((at, id)) => (Some(at_text(at)), id),
            None => (None, 0),
        };
        let sql = match dir {
            PageDir::Down { inclusive } => format!(
                "SELECT l.id, l.at, l.title, l.starred FROM learnings l WHERE {sql_filter}
                   AND {} ORDER BY l.at DESC, l.id DESC LIMIT ?6",
                match (from, inclusive) {
                    (None, _) => NO_KEY,
                    (Some(_), true) => "l.at <= ?4 AND (l.at, l.id) <= (?4, ?5)",
                    (Some(_), false) => "l.at <= ?4 AND (l.at, l.id) < (?4, ?5)",
                }
            ),
            PageDir::Up => format!(
                "SELECT l.id, l.at, l.title, l.starred FROM learnings l WHERE {sql_filter}
                   AND {} ORDER BY l.at, l.id LIMIT ?6",
                if from.is_some() {
                    "l.at >= ?4 AND (l.at, l.id) > (?4, ?5)"
                } else {
                    NO_KEY
                }
            ),
        };
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut list = stmt
            .query_map(params![text, tag, starred, at, id, limit(n)], |r| {
                Ok(LearningSummary {
                    id: r.get(0)?,
                    at: get_at(r, 1)?,
                    title: r.get(2)?,
                    starred: r.get(3)?,
                    tags: Vec::new(),
                })
            })?
            .collect::<crate::db::sql::Result<Vec<_>>>()?;
        if dir == PageDir::Up {
            list.reverse();
        }
        let ids: Vec<Id> = list.iter().map(|l| l.id).collect();
        let mut tags = tags_of_many(conn, LEARNING_TAGS, &ids)?;
        for l in &mut list {
            l.tags = tags.remove(&l.id).unwrap_or_default();
        }
        Ok(list)
    }

    /// Where a live entry stands in the journal list, or `None` if there is no such entry.
    pub fn learning_key(&self, id: Id) -> Result<Option<PageKey>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT at FROM learnings WHERE id = ?1 AND deleted_at IS NULL")?;
        let at = stmt.query_row([id], |r| get_at(r, 0)).optional()?;
        Ok(at.map(|at| (at, id)))
    }
}

impl Repo {
    /// Adds `tags` to several journal entries (each keeps its own), in one transaction.
    pub fn tag_learnings(&self, ids: &[Id], tags: &[String]) -> Result<usize> {
        self.write(|c| add_tags(c, LEARNING_TAGS, ("learnings", "journal entry"), ids, tags))
    }
}
