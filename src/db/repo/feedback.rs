//! Feedback given and received.

use super::Repo;
use super::meetings::{ensure_meeting, ensure_person};
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, OptionalExtension, Row, params};
use crate::model::{
    Direction, Feedback, FeedbackDraft, FeedbackFilter, FeedbackKind, Id, PageCount, PageDir,
    PageKey, PersonRef,
};
use chrono::NaiveDate;

const FEEDBACK: Table = Table {
    name: "feedback",
    what: "feedback",
};

/// `meeting_id` is shown only while the meeting is live.
const SELECT: &str = "SELECT f.id, f.direction, f.person_id, p.name, f.day, f.kind, f.content,
        (SELECT m.id FROM meetings m WHERE m.id = f.meeting_id AND m.deleted_at IS NULL),
        f.created_at, f.updated_at, f.version
    FROM feedback f JOIN people p ON p.id = f.person_id";

fn from_row(r: &Row<'_>) -> crate::db::sql::Result<Feedback> {
    Ok(Feedback {
        id: r.get(0)?,
        direction: get_enum(r, 1, Direction::parse)?,
        person: PersonRef {
            id: r.get(2)?,
            name: r.get(3)?,
        },
        day: get_day(r, 4)?,
        kind: get_enum(r, 5, FeedbackKind::parse)?,
        content: r.get(6)?,
        meeting_id: r.get(7)?,
        tags: Vec::new(),
        stamp: get_stamp(r, 8)?,
    })
}

/// Checks a draft's text, returning the trimmed content.
fn validate(draft: &FeedbackDraft) -> Result<String> {
    required("content", "feedback", &draft.content)
}

fn ensure_refs(conn: &Connection, draft: &FeedbackDraft) -> Result<()> {
    ensure_person(conn, "person", draft.person_id)?;
    if let Some(m) = draft.meeting_id {
        ensure_meeting(conn, "meeting", m)?;
    }
    Ok(())
}

fn load_many(
    conn: &Connection,
    sql_where: &str,
    params: impl crate::db::sql::Params,
) -> Result<Vec<Feedback>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE f.deleted_at IS NULL AND {sql_where}"
    ))?;
    let mut list = stmt
        .query_map(params, from_row)?
        .collect::<crate::db::sql::Result<Vec<Feedback>>>()?;
    let ids: Vec<Id> = list.iter().map(|f| f.id).collect();
    let mut tags = tags_of_many(conn, FEEDBACK_TAGS, &ids)?;
    for f in &mut list {
        f.tags = tags.remove(&f.id).unwrap_or_default();
    }
    Ok(list)
}

fn load(conn: &Connection, id: Id) -> Result<Feedback> {
    load_many(conn, "f.id = ?1", [id])?
        .pop()
        .ok_or(Error::NotFound {
            what: FEEDBACK.what,
            id,
        })
}

/// The Feedback pane's list, binding ?1 direction, ?2 person, ?3 text (lower-cased), ?6 the
/// kinds whose label contains the text (a JSON array). Written so the partial index
/// `feedback_live_day` serves the order, and the people and tags matching the text are found
/// once per statement (`IN`), not once per row.
const PAGE_FILTER: &str = "f.deleted_at IS NULL
    AND (CAST(?1 AS TEXT) IS NULL OR f.direction = ?1)
    AND (CAST(?2 AS BIGINT) IS NULL OR f.person_id = ?2)
    AND (CAST(?3 AS TEXT) IS NULL OR contains_folded(f.content, ?3)
         OR f.person_id IN (SELECT id FROM people WHERE contains_folded(name, ?3))
         OR f.kind IN (SELECT value FROM json_each(?6))
         OR f.id IN (SELECT ft.feedback_id FROM feedback_tags ft
                     WHERE ft.tag_id IN (SELECT id FROM tags WHERE contains_folded(name, ?3))))";

/// Stands for the key condition of a page read from the top or the bottom (?4 and ?5 are then
/// NULL and 0), so that with a key the planner sees a range on the index.
const NO_KEY: &str = "CAST(?4 AS TEXT) IS NULL AND ?5 = 0";

/// The parameters ?1, ?2, ?3 and ?6 of [`PAGE_FILTER`]. The text is matched as the pane
/// matched it in memory: lower-cased, not trimmed.
type FilterParams = (Option<&'static str>, Option<Id>, Option<String>, String);

fn page_params(filter: &FeedbackFilter) -> Result<FilterParams> {
    let text = filter
        .text
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase);
    let kinds: Vec<&str> = match &text {
        Some(t) => FeedbackKind::ALL
            .iter()
            .filter(|k| k.label().to_lowercase().contains(t.as_str()))
            .map(|k| k.as_str())
            .collect(),
        None => Vec::new(),
    };
    let kinds = serde_json::to_string(&kinds).map_err(|e| Error::Sqlite(e.to_string()))?;
    Ok((
        filter.direction.map(Direction::as_str),
        filter.person_id,
        text,
        kinds,
    ))
}

/// A page key's day and id as bound to ?4 and ?5.
fn key_params(key: Option<PageKey>) -> (Option<String>, Id) {
    match key {
        Some((at, id)) => (Some(day_text(at.date())), id),
        None => (None, 0),
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

impl Repo {
    pub fn add_feedback(&self, draft: &FeedbackDraft) -> Result<Feedback> {
        let content = validate(draft)?;
        self.write(|c| {
            ensure_refs(c, draft)?;
            let id: Id = c
                .prepare_cached(
                    "INSERT INTO feedback (direction, person_id, day, kind, content, meeting_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                )?
                .query_row(
                    params![
                        draft.direction.as_str(),
                        draft.person_id,
                        day_text(draft.day),
                        draft.kind.as_str(),
                        content,
                        draft.meeting_id
                    ],
                    |r| r.get(0),
                )?;
            set_tags(c, FEEDBACK_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version`. A link to a meeting that is deleted (and so
    /// was not shown) is kept when the draft names no meeting, so restoring it brings it back.
    pub fn update_feedback(&self, id: Id, version: i64, draft: &FeedbackDraft) -> Result<Feedback> {
        let content = validate(draft)?;
        self.write(|c| {
            ensure_refs(c, draft)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE feedback SET direction = ?1, person_id = ?2, day = ?3, kind = ?4,
                        content = ?5,
                        meeting_id = CASE
                            WHEN CAST(?6 AS BIGINT) IS NULL AND meeting_id IN
                                (SELECT id FROM meetings WHERE deleted_at IS NOT NULL)
                            THEN meeting_id ELSE ?6 END,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?7 AND version = ?8 AND deleted_at IS NULL"
                ))?
                .execute(params![
                    draft.direction.as_str(),
                    draft.person_id,
                    day_text(draft.day),
                    draft.kind.as_str(),
                    content,
                    draft.meeting_id,
                    id,
                    version
                ])?;
            check_versioned_update(c, FEEDBACK, id, version, changed)?;
            set_tags(c, FEEDBACK_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// One piece of feedback (not deleted).
    pub fn feedback_item(&self, id: Id) -> Result<Feedback> {
        load(self.conn(), id)
    }

    /// Feedback, newest first; narrowed to one direction and/or one person when given.
    pub fn feedback_list(
        &self,
        direction: Option<Direction>,
        person_id: Option<Id>,
    ) -> Result<Vec<Feedback>> {
        load_many(
            self.conn(),
            "(CAST(?1 AS TEXT) IS NULL OR f.direction = ?1)
                   AND (CAST(?2 AS BIGINT) IS NULL OR f.person_id = ?2)
             ORDER BY f.day DESC, f.id DESC",
            params![direction.map(Direction::as_str), person_id],
        )
    }

    /// How much feedback the pane's list shows with `filter`, and how much of it comes before
    /// `key` (0 without one). With a text, the count reads the rows themselves and stops
    /// after `cap + 1` of them, newest first (see [`PageCount`]); without one it reads an
    /// index and is exact.
    pub fn feedback_count_before(
        &self,
        filter: &FeedbackFilter,
        key: Option<PageKey>,
        cap: usize,
    ) -> Result<PageCount> {
        let (direction, person, text, kinds) = page_params(filter)?;
        let (day, id) = key_params(key);
        let capped = text.is_some();
        let sql = if capped {
            format!(
                "SELECT count(*), count(CASE WHEN (day, id) > (?4, ?5) THEN 1 END) FROM
                   (SELECT f.day, f.id FROM feedback f WHERE {PAGE_FILTER}
                    ORDER BY f.day DESC, f.id DESC LIMIT ?7)"
            )
        } else {
            format!(
                "SELECT count(*), count(CASE WHEN (f.day, f.id) > (?4, ?5) THEN 1 END)
                 FROM feedback f WHERE {PAGE_FILTER} AND ?7 = ?7"
            )
        };
        let (total, before): (i64, i64) = self.conn().prepare_cached(&sql)?.query_row(
            params![
                direction,
                person,
                text,
                day,
                id,
                kinds,
                to_i64(cap.saturating_add(1))
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (total, before) = (to_usize(total), to_usize(before));
        Ok(PageCount {
            total,
            before,
            exact: !capped || total <= cap,
        })
    }

    /// How much feedback the pane's list shows (direction and person narrowing, no text),
    /// and how much of that was given: for its header, from an index.
    pub fn feedback_counts(&self, filter: &FeedbackFilter) -> Result<(usize, usize)> {
        let (all, given): (i64, i64) = self
            .conn()
            .prepare_cached(
                "SELECT count(*), count(CASE WHEN f.direction = 'given' THEN 1 END)
                 FROM feedback f WHERE f.deleted_at IS NULL
                   AND (CAST(?1 AS TEXT) IS NULL OR f.direction = ?1)
                   AND (CAST(?2 AS BIGINT) IS NULL OR f.person_id = ?2)",
            )?
            .query_row(
                params![filter.direction.map(Direction::as_str), filter.person_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
        Ok((to_usize(all), to_usize(given)))
    }

    /// How much feedback of the pane's list (newest first) comes before `key`.
    pub fn feedback_rank(&self, filter: &FeedbackFilter, key: PageKey) -> Result<usize> {
        let (direction, person, text, kinds) = page_params(filter)?;
        let (day, id) = key_params(Some(key));
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM feedback f WHERE {PAGE_FILTER}
                   AND f.day >= ?4 AND (f.day, f.id) > (?4, ?5)"
            ))?
            .query_row(params![direction, person, text, day, id, kinds], |r| {
                r.get(0)
            })?;
        Ok(to_usize(n))
    }

    /// Up to `n` pieces of feedback of the pane's list (newest first) from `from` in
    /// direction `dir`, in list order: one page, read through the index.
    pub fn feedback_page(
        &self,
        filter: &FeedbackFilter,
        from: Option<PageKey>,
        dir: PageDir,
        n: usize,
    ) -> Result<Vec<Feedback>> {
        let (direction, person, text, kinds) = page_params(filter)?;
        let (day, id) = key_params(from);
        let sql = match dir {
            PageDir::Down { inclusive } => format!(
                "{SELECT} WHERE {PAGE_FILTER} AND {}
                 ORDER BY f.day DESC, f.id DESC LIMIT ?7",
                match (from, inclusive) {
                    (None, _) => NO_KEY,
                    (Some(_), true) => "f.day <= ?4 AND (f.day, f.id) <= (?4, ?5)",
                    (Some(_), false) => "f.day <= ?4 AND (f.day, f.id) < (?4, ?5)",
                }
            ),
            PageDir::Up => format!(
                "{SELECT} WHERE {PAGE_FILTER} AND {} ORDER BY f.day, f.id LIMIT ?7",
                if from.is_some() {
                    "f.day >= ?4 AND (f.day, f.id) > (?4, ?5)"
                } else {
                    NO_KEY
                }
            ),
        };
        let conn = self.conn();
        let mut list = conn
            .prepare_cached(&sql)?
            .query_map(
                params![direction, person, text, day, id, kinds, to_i64(n)],
                from_row,
            )?
            .collect::<crate::db::sql::Result<Vec<Feedback>>>()?;
        if dir == PageDir::Up {
            list.reverse();
        }
        let ids: Vec<Id> = list.iter().map(|f| f.id).collect();
        let mut tags = tags_of_many(conn, FEEDBACK_TAGS, &ids)?;
        for f in &mut list {
            f.tags = tags.remove(&f.id).unwrap_or_default();
        }
        Ok(list)
    }

    /// Where live feedback `id` stands in the pane's list, or `None` if there is none.
    pub fn feedback_key(&self, id: Id) -> Result<Option<PageKey>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT day FROM feedback WHERE id = ?1 AND deleted_at IS NULL")?;
        let day = stmt.query_row([id], |r| get_day(r, 0)).optional()?;
        Ok(day.map(|d| (d.and_time(chrono::NaiveTime::MIN), id)))
    }

    /// Feedback from `from` to `to` (days, inclusive), oldest first (for reports).
    pub fn feedback_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Feedback>> {
        load_many(
            self.conn(),
            "f.day >= ?1 AND f.day <= ?2 ORDER BY f.day, f.id",
            params![day_text(from), day_text(to)],
        )
    }
}

impl Repo {
    /// Adds `tags` to several pieces of feedback (each keeps its own), in one transaction.
    pub fn tag_feedback(&self, ids: &[Id], tags: &[String]) -> Result<usize> {
        self.write(|c| add_tags(c, FEEDBACK_TAGS, ("feedback", "feedback"), ids, tags))
    }
}
