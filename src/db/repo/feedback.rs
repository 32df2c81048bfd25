//! Feedback given and received.

use super::Repo;
use super::meetings::{ensure_meeting, ensure_person};
use super::util::*;
use crate::db::error::{Error, Result};
use crate::model::{Direction, Feedback, FeedbackDraft, FeedbackKind, Id, PersonRef};
use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};

const FEEDBACK: Table = Table {
    name: "feedback",
    what: "feedback",
};

/// `meeting_id` is shown only while the meeting is live.
const SELECT: &str = "SELECT f.id, f.direction, f.person_id, p.name, f.day, f.kind, f.content,
        (SELECT m.id FROM meetings m WHERE m.id = f.meeting_id AND m.deleted_at IS NULL),
        f.created_at, f.updated_at, f.version
    FROM feedback f JOIN people p ON p.id = f.person_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Feedback> {
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
    params: impl rusqlite::Params,
) -> Result<Vec<Feedback>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE f.deleted_at IS NULL AND {sql_where}"
    ))?;
    let mut list = stmt
        .query_map(params, from_row)?
        .collect::<rusqlite::Result<Vec<Feedback>>>()?;
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

impl Repo {
    pub fn add_feedback(&self, draft: &FeedbackDraft) -> Result<Feedback> {
        let content = validate(draft)?;
        self.write(|c| {
            ensure_refs(c, draft)?;
            c.prepare_cached(
                "INSERT INTO feedback (direction, person_id, day, kind, content, meeting_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                draft.direction.as_str(),
                draft.person_id,
                day_text(draft.day),
                draft.kind.as_str(),
                content,
                draft.meeting_id
            ])?;
            let id = c.last_insert_rowid();
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
                            WHEN ?6 IS NULL AND meeting_id IN
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
            "(?1 IS NULL OR f.direction = ?1) AND (?2 IS NULL OR f.person_id = ?2)
             ORDER BY f.day DESC, f.id DESC",
            params![direction.map(Direction::as_str), person_id],
        )
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
