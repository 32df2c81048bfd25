//! Meetings and who attended them.

use super::Repo;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, OptionalExtension, Row, params};
use crate::model::{Id, Meeting, MeetingDraft, MeetingKind, PageDir, PageKey, PersonRef};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

const MEETINGS: Table = Table {
    name: "meetings",
    what: "meeting",
};

const SELECT: &str = "SELECT m.id, m.starts_at, m.duration_minutes, m.title, m.kind, m.notes,
        m.created_at, m.updated_at, m.version
    FROM meetings m";

fn from_row(r: &Row<'_>) -> crate::db::sql::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        starts_at: get_at(r, 1)?,
        duration_minutes: r.get(2)?,
        title: r.get(3)?,
        kind: get_enum(r, 4, MeetingKind::parse)?,
        notes: r.get(5)?,
        attendees: Vec::new(),
        tags: Vec::new(),
        stamp: get_stamp(r, 6)?,
    })
}

fn validate(draft: &MeetingDraft) -> Result<String> {
    let title = required("title", "meeting title", &draft.title)?;
    if let Some(m) = draft.duration_minutes {
        in_range(
            "duration",
            "meeting duration (minutes)",
            i64::from(m),
            1,
            1440,
        )?;
    }
    Ok(title)
}

/// Refuses a reference to a person who does not exist, naming the field.
pub(super) fn ensure_person(conn: &Connection, field: &'static str, id: Id) -> Result<()> {
    let n: i64 = conn
        .prepare_cached("SELECT count(*) FROM people WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    if n == 0 {
        return Err(Error::invalid(field, format!("person {id} does not exist")));
    }
    Ok(())
}

/// Refuses a reference to a meeting that does not exist or is deleted, naming the field.
pub(super) fn ensure_meeting(conn: &Connection, field: &'static str, id: Id) -> Result<()> {
    let live: bool = conn
        .prepare_cached("SELECT count(*) FROM meetings WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |r| r.get(0))?;
    if !live {
        return Err(Error::invalid(
            field,
            format!("meeting {id} does not exist"),
        ));
    }
    Ok(())
}

/// Makes a meeting's attendees exactly `people` (the caller's transaction covers it).
fn set_attendees(conn: &Connection, meeting_id: Id, people: &[Id]) -> Result<()> {
    for &p in people {
        ensure_person(conn, "attendees", p)?;
    }
    conn.prepare_cached("DELETE FROM meeting_attendees WHERE meeting_id = ?1")?
        .execute([meeting_id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO meeting_attendees (meeting_id, person_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    for &p in people {
        stmt.execute(params![meeting_id, p])?;
    }
    Ok(())
}

/// The attendees of many meetings (one query), each list by name.
fn attendees_of_many(conn: &Connection, ids: &[Id]) -> Result<HashMap<Id, Vec<PersonRef>>> {
    let mut map: HashMap<Id, Vec<PersonRef>> = HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    let json = serde_json::to_string(ids).map_err(|e| Error::Sqlite(e.to_string()))?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.meeting_id, p.id, p.name FROM meeting_attendees a
           JOIN people p ON p.id = a.person_id
         WHERE a.meeting_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?1))
         ORDER BY p.name COLLATE NOCASE, p.id",
    )?;
    let rows = stmt.query_map([json], |r| {
        Ok((
            r.get::<_, Id>(0)?,
            PersonRef {
                id: r.get(1)?,
                name: r.get(2)?,
            },
        ))
    })?;
    for row in rows {
        let (meeting, person) = row?;
        map.entry(meeting).or_default().push(person);
    }
    Ok(map)
}

fn load_many(
    conn: &Connection,
    sql_where: &str,
    params: impl crate::db::sql::Params,
) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} {sql_where}"))?;
    let mut list = stmt
        .query_map(params, from_row)?
        .collect::<crate::db::sql::Result<Vec<Meeting>>>()?;
    let ids: Vec<Id> = list.iter().map(|m| m.id).collect();
    let mut tags = tags_of_many(conn, MEETING_TAGS, &ids)?;
    let mut attendees = attendees_of_many(conn, &ids)?;
    for m in &mut list {
        m.tags = tags.remove(&m.id).unwrap_or_default();
        m.attendees = attendees.remove(&m.id).unwrap_or_default();
    }
    Ok(list)
}

fn load(conn: &Connection, id: Id) -> Result<Meeting> {
    load_many(conn, "WHERE m.id = ?1 AND m.deleted_at IS NULL", [id])?
        .pop()
        .ok_or(Error::NotFound {
            what: MEETINGS.what,
            id,
        })
}

/// The meetings list's filter: ?1 the lower-cased text (NULL: every meeting) found in the
/// title, the notes, an attendee's name or a tag, or ?2 a JSON list of the kinds whose label
/// matches. The people and tags matching are found once per statement (`IN`), not per row.
const PAGE_FILTER: &str = "m.deleted_at IS NULL
    AND (CAST(?1 AS TEXT) IS NULL OR contains_folded(m.title, ?1) OR contains_folded(m.notes, ?1)
         OR m.kind IN (SELECT value FROM json_each(?2))
         OR m.id IN (SELECT a.meeting_id FROM meeting_attendees a
                     WHERE a.person_id IN (SELECT id FROM people WHERE contains_folded(name, ?1)))
         OR m.id IN (SELECT mt.meeting_id FROM meeting_tags mt
                     WHERE mt.tag_id IN (SELECT id FROM tags WHERE contains_folded(name, ?1))))";

/// The list's order key, as the index `meetings_live_day` has it.
const DAY: &str = "substr(m.starts_at, 1, 10)";

/// ?1 and ?2 of [`PAGE_FILTER`] for a typed filter (blank: none).
fn page_params(text: Option<&str>) -> Result<(Option<String>, String)> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok((None, "[]".into()));
    };
    let needle = text.to_lowercase();
    let kinds: Vec<&str> = MeetingKind::ALL
        .iter()
        .filter(|k| k.label().to_lowercase().contains(&needle))
        .map(|k| k.as_str())
        .collect();
    let kinds = serde_json::to_string(&kinds).map_err(|e| Error::Sqlite(e.to_string()))?;
    Ok((Some(needle), kinds))
}

impl Repo {
    /// Records a meeting with its attendees and tags.
    pub fn add_meeting(&self, draft: &MeetingDraft) -> Result<Meeting> {
        let title = validate(draft)?;
        self.write(|c| {
            let id: Id = c
                .prepare_cached(
                    "INSERT INTO meetings (starts_at, duration_minutes, title, kind, notes)
                 VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                )?
                .query_row(
                    params![
                        at_text(draft.starts_at),
                        draft.duration_minutes,
                        title,
                        draft.kind.as_str(),
                        draft.notes
                    ],
                    |r| r.get(0),
                )?;
            set_attendees(c, id, &draft.attendee_ids)?;
            set_tags(c, MEETING_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version`; the attendees become exactly the draft's,
    /// in the same transaction.
    pub fn update_meeting(&self, id: Id, version: i64, draft: &MeetingDraft) -> Result<Meeting> {
        let title = validate(draft)?;
        self.write(|c| {
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE meetings SET starts_at = ?1, duration_minutes = ?2, title = ?3, kind = ?4,
                        notes = ?5, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?6 AND version = ?7 AND deleted_at IS NULL"
                ))?
                .execute(params![
                    at_text(draft.starts_at),
                    draft.duration_minutes,
                    title,
                    draft.kind.as_str(),
                    draft.notes,
                    id,
                    version
                ])?;
            check_versioned_update(c, MEETINGS, id, version, changed)?;
            set_attendees(c, id, &draft.attendee_ids)?;
            set_tags(c, MEETING_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// One meeting (not deleted).
    pub fn meeting(&self, id: Id) -> Result<Meeting> {
        load(self.conn(), id)
    }

    /// Meetings starting from `from` to `to` (days, inclusive), in order of start.
    pub fn meetings_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Meeting>> {
        load_many(
            self.conn(),
            "WHERE m.deleted_at IS NULL AND m.starts_at >= ?1 AND m.starts_at < date(?2, '+1 day')
             ORDER BY m.starts_at, m.id",
            params![day_text(from), day_text(to)],
        )
    }

    /// How many meetings start on each day from `from` to `to` (inclusive), for the year
    /// heatmap: one grouped query, days without meetings left out, oldest first. A calendar
    /// occurrence marked cancelled did not happen and is not counted.
    pub fn meetings_per_day(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, u32)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT substr(m.starts_at, 1, 10), count(*) FROM meetings m
              WHERE m.deleted_at IS NULL AND m.starts_at >= ?1 AND m.starts_at < date(?2, '+1 day')
                AND NOT EXISTS (SELECT 1 FROM calendar_events e
                                 WHERE e.meeting_id = m.id AND e.status = 'cancelled')
              GROUP BY 1 ORDER BY 1",
        )?;
        let rows = stmt
            .query_map(params![day_text(from), day_text(to)], |r| {
                Ok((get_day(r, 0)?, r.get(1)?))
            })?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// The meetings still to come from `now` to the end of `to`, in order of start, leaving out
    /// cancelled calendar occurrences (Today's "upcoming meetings"). A meeting that started
    /// before `now` and has not ended yet is still shown.
    pub fn upcoming_meetings(&self, now: NaiveDateTime, to: NaiveDate) -> Result<Vec<Meeting>> {
        // From the start of today, through the index; whether one that started has ended is
        // decided here (a day's meetings are few, and time arithmetic differs between the
        // backends).
        let mut meetings = load_many(
            self.conn(),
            "WHERE m.deleted_at IS NULL AND m.starts_at < date(?2, '+1 day')
               AND m.starts_at >= ?1
               AND NOT EXISTS (SELECT 1 FROM calendar_events e
                                WHERE e.meeting_id = m.id AND e.status = 'cancelled')
             ORDER BY m.starts_at, m.id",
            params![day_text(now.date()), day_text(to)],
        )?;
        meetings.retain(|m| {
            let minutes = i64::from(m.duration_minutes.unwrap_or(0));
            m.starts_at + chrono::Duration::minutes(minutes) > now
        });
        Ok(meetings)
    }

    /// Meetings a person attended, newest first.
    pub fn meetings_with(&self, person_id: Id) -> Result<Vec<Meeting>> {
        load_many(
            self.conn(),
            "WHERE m.deleted_at IS NULL AND EXISTS (
                SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.person_id = ?1)
             ORDER BY m.starts_at DESC, m.id DESC",
            [person_id],
        )
    }

    /// The latest `limit` meetings person `person_id` attended, newest first, and how many
    /// they attended in all (a person's page reads the same after years of 1:1s).
    pub fn recent_meetings_with(
        &self,
        person_id: Id,
        limit: usize,
    ) -> Result<(Vec<Meeting>, usize)> {
        let list = load_many(
            self.conn(),
            "WHERE m.deleted_at IS NULL AND m.id IN (
                SELECT a.meeting_id FROM meeting_attendees a WHERE a.person_id = ?1)
             ORDER BY m.starts_at DESC, m.id DESC LIMIT ?2",
            params![person_id, i64::try_from(limit).unwrap_or(i64::MAX)],
        )?;
        let n: i64 = self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
                 WHERE a.person_id = ?1 AND m.deleted_at IS NULL",
            )?
            .query_row([person_id], |r| r.get(0))?;
        Ok((list, usize::try_from(n).unwrap_or(0)))
    }

    /// How many meetings the meetings list shows with the typed filter `text`.
    pub fn meeting_count(&self, text: Option<&str>) -> Result<usize> {
        let (like, kinds) = page_params(text)?;
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM meetings m WHERE {PAGE_FILTER}"
            ))?
            .query_row(params![like, kinds], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// How many meetings the meetings list shows with the typed filter `text`, and how many
    /// of them come before `key` (0 without one): one pass over the rows.
    pub fn meeting_count_before(
        &self,
        text: Option<&str>,
        key: Option<PageKey>,
    ) -> Result<(usize, usize)> {
        let (like, kinds) = page_params(text)?;
        let (at, id) = match key {
            Some((at, id)) => (Some(at_text(at)), id),
            None => (None, 0),
        };
        let day = key.map(|(at, _)| day_text(at.date()));
        // The key's day is a parameter of its own (?5): PostgreSQL gives each parameter one
        // type, and the time (?3) is compared as a time.
        let (all, before): (i64, i64) = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*), count(CASE WHEN {DAY} > ?5
                     OR ({DAY} = ?5 AND (m.starts_at, m.id) < (?3, ?4))
                   THEN 1 END)
                 FROM meetings m WHERE {PAGE_FILTER}"
            ))?
            .query_row(params![like, kinds, at, id, day], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok((
            usize::try_from(all).unwrap_or(0),
            usize::try_from(before).unwrap_or(0),
        ))
    }

    /// How many live meetings start on `day`.
    pub fn meeting_count_on(&self, day: NaiveDate) -> Result<usize> {
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM meetings m WHERE m.deleted_at IS NULL AND {DAY} = ?1"
            ))?
            .query_row([day_text(day)], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// How many meetings of the meetings list (days newest first, a day's meetings in order
    /// of time) come before `key`.
    pub fn meeting_rank(&self, text: Option<&str>, key: PageKey) -> Result<usize> {
        let (like, kinds) = page_params(text)?;
        let at = at_text(key.0);
        let day = day_text(key.0.date());
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM meetings m WHERE {PAGE_FILTER}
                   AND {DAY} >= ?5
                   AND NOT ({DAY} = ?5 AND (m.starts_at, m.id) >= (?3, ?4))"
            ))?
            .query_row(params![like, kinds, at, key.1, day], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Up to `n` meetings of the meetings list from `from` in direction `dir`, in list order:
    /// one page, read through the index, however many meetings there are.
    pub fn meeting_page(
        &self,
        text: Option<&str>,
        from: Option<PageKey>,
        dir: PageDir,
        n: usize,
    ) -> Result<Vec<Meeting>> {
        let (like, kinds) = page_params(text)?;
        let (at, id) = match from {
            Some((at, id)) => (Some(at_text(at)), id),
            None => (None, 0),
        };
        let day = from.map(|(at, _)| day_text(at.date()));
        let key = |cond: &str| match from {
            None => "CAST(?3 AS TEXT) IS NULL AND ?4 = 0 AND CAST(?6 AS TEXT) IS NULL".to_string(),
            Some(_) => cond.to_string(),
        };
        let sql = match dir {
            PageDir::Down { inclusive } => format!(
                "WHERE {PAGE_FILTER} AND {}
                 ORDER BY {DAY} DESC, m.starts_at, m.id LIMIT ?5",
                key(&format!(
                    "{DAY} <= ?6
                     AND NOT ({DAY} = ?6 AND (m.starts_at, m.id) {} (?3, ?4))",
                    if inclusive { "<" } else { "<=" }
                ))
            ),
            PageDir::Up => format!(
                "WHERE {PAGE_FILTER} AND {}
                 ORDER BY {DAY}, m.starts_at DESC, m.id DESC LIMIT ?5",
                key(&format!(
                    "{DAY} >= ?6
                     AND NOT ({DAY} = ?6 AND (m.starts_at, m.id) >= (?3, ?4))"
                ))
            ),
        };
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        let mut list = load_many(self.conn(), &sql, params![like, kinds, at, id, n, day])?;
        if dir == PageDir::Up {
            list.reverse();
        }
        Ok(list)
    }

    /// Where a live meeting stands in the meetings list, or `None` if there is no such one.
    pub fn meeting_key(&self, id: Id) -> Result<Option<PageKey>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT starts_at FROM meetings WHERE id = ?1 AND deleted_at IS NULL",
        )?;
        let at = stmt.query_row([id], |r| get_at(r, 0)).optional()?;
        Ok(at.map(|at| (at, id)))
    }
}

impl Repo {
    /// Adds `tags` to several meetings (each keeps its own), in one transaction.
    pub fn tag_meetings(&self, ids: &[Id], tags: &[String]) -> Result<usize> {
        self.write(|c| add_tags(c, MEETING_TAGS, ("meetings", "meeting"), ids, tags))
    }
}
