//! Action items: things to do that came out of a meeting or a piece of feedback, owned by the
//! user or by someone else, and promotable to a focus task.

use super::Repo;
use super::meetings::{ensure_meeting, ensure_person};
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, Row, params};
use crate::model::{ActionItem, ActionItemDraft, ActionSource, Id, PersonRef, Task, TaskDraft};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;

const ACTION_ITEMS: Table = Table {
    name: "action_items",
    what: "action item",
};

/// `task_id` is shown only while the task is live, as `Task::action_item_id` is.
const SELECT: &str = "SELECT a.id, a.title, a.meeting_id, a.feedback_id, a.owner_id, p.name,
        a.due_date, a.done_at,
        (SELECT t.id FROM tasks t WHERE t.id = a.task_id AND t.deleted_at IS NULL),
        a.created_at, a.updated_at, a.version
    FROM action_items a LEFT JOIN people p ON p.id = a.owner_id";

/// An item shows while neither it nor the meeting or feedback it came from is deleted.
const LIVE: &str = "a.deleted_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = a.meeting_id AND m.deleted_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.id = a.feedback_id AND f.deleted_at IS NOT NULL)";

fn from_row(r: &Row<'_>) -> crate::db::sql::Result<ActionItem> {
    let meeting: Option<Id> = r.get(2)?;
    let feedback: Option<Id> = r.get(3)?;
    let owner: Option<Id> = r.get(4)?;
    let owner_name: Option<String> = r.get(5)?;
    Ok(ActionItem {
        id: r.get(0)?,
        title: r.get(1)?,
        source: match (meeting, feedback) {
            (Some(m), _) => ActionSource::Meeting(m),
            (None, Some(f)) => ActionSource::Feedback(f),
            (None, None) => ActionSource::None,
        },
        owner: owner.map(|id| PersonRef {
            id,
            name: owner_name.unwrap_or_default(),
        }),
        due_date: get_opt_day(r, 6)?,
        done_at: get_opt_at(r, 7)?,
        task_id: r.get(8)?,
        stamp: get_stamp(r, 9)?,
    })
}

fn source_ids(source: ActionSource) -> (Option<Id>, Option<Id>) {
    match source {
        ActionSource::Meeting(m) => (Some(m), None),
        ActionSource::Feedback(f) => (None, Some(f)),
        ActionSource::None => (None, None),
    }
}

/// Checks a draft's text, returning the trimmed title.
fn validate(draft: &ActionItemDraft) -> Result<String> {
    required("title", "action item title", &draft.title)
}

/// Checks a draft's references against the database.
fn ensure_refs(conn: &Connection, draft: &ActionItemDraft) -> Result<()> {
    match draft.source {
        ActionSource::Meeting(m) => ensure_meeting(conn, "source", m)?,
        ActionSource::Feedback(f) => {
            let live: bool = conn
                .prepare_cached(
                    "SELECT count(*) FROM feedback WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .query_row([f], |r| r.get(0))?;
            if !live {
                return Err(Error::invalid(
                    "source",
                    format!("feedback {f} does not exist"),
                ));
            }
        }
        ActionSource::None => {}
    }
    if let Some(owner) = draft.owner_id {
        ensure_person(conn, "owner", owner)?;
    }
    Ok(())
}

fn load_many(
    conn: &Connection,
    sql_where: &str,
    params: impl crate::db::sql::Params,
) -> Result<Vec<ActionItem>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE {LIVE} AND {sql_where}"))?;
    let list = stmt
        .query_map(params, from_row)?
        .collect::<crate::db::sql::Result<Vec<ActionItem>>>()?;
    Ok(list)
}

fn load(conn: &Connection, id: Id) -> Result<ActionItem> {
    load_many(conn, "a.id = ?1", [id])?
        .pop()
        .ok_or(Error::NotFound {
            what: ACTION_ITEMS.what,
            id,
        })
}

/// Open items first, then by due date (items without one last).
const ORDER: &str = "ORDER BY a.done_at IS NOT NULL, a.due_date IS NULL, a.due_date, a.id";

impl Repo {
    pub fn add_action_item(&self, draft: &ActionItemDraft) -> Result<ActionItem> {
        let title = validate(draft)?;
        let (meeting, feedback) = source_ids(draft.source);
        self.write(|c| {
            ensure_refs(c, draft)?;
            let id: Id = c
                .prepare_cached(
                    "INSERT INTO action_items (title, meeting_id, feedback_id, owner_id, due_date)
                 VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                )?
                .query_row(
                    params![
                        title,
                        meeting,
                        feedback,
                        draft.owner_id,
                        draft.due_date.map(day_text)
                    ],
                    |r| r.get(0),
                )?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version` (title, source, owner, due date; whether it
    /// is done is `set_action_item_done`).
    pub fn update_action_item(
        &self,
        id: Id,
        version: i64,
        draft: &ActionItemDraft,
    ) -> Result<ActionItem> {
        let title = validate(draft)?;
        let (meeting, feedback) = source_ids(draft.source);
        self.write(|c| {
            load(c, id)?;
            ensure_refs(c, draft)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE action_items SET title = ?1, meeting_id = ?2, feedback_id = ?3,
                        owner_id = ?4, due_date = ?5, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?6 AND version = ?7 AND deleted_at IS NULL"
                ))?
                .execute(params![
                    title,
                    meeting,
                    feedback,
                    draft.owner_id,
                    draft.due_date.map(day_text),
                    id,
                    version
                ])?;
            check_versioned_update(c, ACTION_ITEMS, id, version, changed)?;
            load(c, id)
        })
    }

    /// One action item (not deleted, nor from a deleted meeting or feedback).
    pub fn action_item(&self, id: Id) -> Result<ActionItem> {
        load(self.conn(), id)
    }

    /// The items that came out of a meeting: open first, then by due date.
    pub fn action_items_for_meeting(&self, meeting_id: Id) -> Result<Vec<ActionItem>> {
        load_many(
            self.conn(),
            &format!("a.meeting_id = ?1 {ORDER}"),
            [meeting_id],
        )
    }

    /// The items that came out of a piece of feedback: open first, then by due date.
    pub fn action_items_for_feedback(&self, feedback_id: Id) -> Result<Vec<ActionItem>> {
        load_many(
            self.conn(),
            &format!("a.feedback_id = ?1 {ORDER}"),
            [feedback_id],
        )
    }

    /// Every item not done, soonest due first (items without a due date last).
    pub fn open_action_items(&self) -> Result<Vec<ActionItem>> {
        load_many(self.conn(), &format!("a.done_at IS NULL {ORDER}"), [])
    }

    /// How many open items came out of a meeting (a count, without loading them).
    pub fn open_meeting_action_item_count(&self) -> Result<usize> {
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM action_items a
                 WHERE {LIVE} AND a.done_at IS NULL AND a.meeting_id IS NOT NULL"
            ))?
            .query_row([], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// How many open items each of the meetings `ids` has (meetings without any are absent).
    pub fn open_action_item_counts_for_meetings(&self, ids: &[Id]) -> Result<HashMap<Id, usize>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let json = serde_json::to_string(ids).map_err(|e| Error::Sqlite(e.to_string()))?;
        self.open_counts(
            "a.meeting_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?1)) GROUP BY a.meeting_id",
            "a.meeting_id",
            [json],
        )
    }

    /// How many open items each of the pieces of feedback `ids` has (feedback without any is
    /// absent).
    pub fn open_action_item_counts_for_feedback(&self, ids: &[Id]) -> Result<HashMap<Id, usize>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let json = serde_json::to_string(ids).map_err(|e| Error::Sqlite(e.to_string()))?;
        self.open_counts(
            "a.feedback_id IN (SELECT CAST(value AS BIGINT) FROM json_each(?1)) GROUP BY a.feedback_id",
            "a.feedback_id",
            [json],
        )
    }

    fn open_counts(
        &self,
        sql_where: &str,
        key: &str,
        params: impl crate::db::sql::Params,
    ) -> Result<HashMap<Id, usize>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {key}, count(*) FROM action_items a
             WHERE {LIVE} AND a.done_at IS NULL AND {sql_where}"
        ))?;
        let rows = stmt.query_map(params, |r| Ok((r.get::<_, Id>(0)?, r.get::<_, i64>(1)?)))?;
        let mut map = HashMap::new();
        for row in rows {
            let (id, n) = row?;
            map.insert(id, usize::try_from(n).unwrap_or(0));
        }
        Ok(map)
    }

    /// Items closed from `from` to `to` (days, inclusive), in the order they were closed (for
    /// reports).
    pub fn action_items_done_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<ActionItem>> {
        load_many(
            self.conn(),
            "a.done_at >= ?1 AND a.done_at < date(?2, '+1 day') ORDER BY a.done_at, a.id",
            params![day_text(from), day_text(to)],
        )
    }

    /// What is between the user and a person, for preparing a 1:1: every item the person
    /// owns, plus the open items the user owns that came out of a meeting the person attended
    /// or out of feedback with them (what they are owed). Open first, then by due date.
    pub fn action_items_for_person(&self, person_id: Id) -> Result<Vec<ActionItem>> {
        load_many(
            self.conn(),
            &format!(
                "(a.owner_id = ?1 OR (a.owner_id IS NULL AND a.done_at IS NULL AND (
                    a.meeting_id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?1)
                    OR a.feedback_id IN (SELECT id FROM feedback WHERE person_id = ?1))))
                 {ORDER}"
            ),
            [person_id],
        )
    }

    /// The first `limit` open items of [`Repo::action_items_for_person`] (soonest due first),
    /// and how many are open in all: the closed ones of years past are not read.
    pub fn open_action_items_for_person(
        &self,
        person_id: Id,
        limit: usize,
    ) -> Result<(Vec<ActionItem>, usize)> {
        const MINE: &str = "a.done_at IS NULL AND (a.owner_id = ?1 OR (a.owner_id IS NULL AND (
                a.meeting_id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?1)
                OR a.feedback_id IN (SELECT id FROM feedback WHERE person_id = ?1))))";
        let first = load_many(
            self.conn(),
            &format!("{MINE} {ORDER} LIMIT ?2"),
            params![person_id, i64::try_from(limit).unwrap_or(i64::MAX)],
        )?;
        let n: i64 = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM action_items a WHERE {LIVE} AND {MINE}"
            ))?
            .query_row([person_id], |r| r.get(0))?;
        Ok((first, usize::try_from(n).unwrap_or(0)))
    }

    /// Marks an item done (stamped with the clock's now) or open again. Closing it also
    /// finishes the focus task it was promoted to, if that is still open; reopening it reopens
    /// that task if it was done. Both in one transaction, mirroring `set_task_status`.
    pub fn set_action_item_done(&self, id: Id, version: i64, done: bool) -> Result<ActionItem> {
        self.set_action_item_done_at(id, version, done, self.clock().now())
    }

    /// As [`Repo::set_action_item_done`], closed at `at` rather than now: for sample data.
    pub fn set_action_item_done_at(
        &self,
        id: Id,
        version: i64,
        done: bool,
        at: NaiveDateTime,
    ) -> Result<ActionItem> {
        let now = at_text(at);
        self.write(|c| {
            load(c, id)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE action_items SET done_at = CASE WHEN ?1 THEN ifnull(done_at, ?2) END,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?3 AND version = ?4 AND deleted_at IS NULL"
                ))?
                .execute(params![done, now, id, version])?;
            check_versioned_update(c, ACTION_ITEMS, id, version, changed)?;
            if done {
                c.prepare_cached(&format!(
                    "UPDATE tasks SET status = 'done', done_at = ?1,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = (SELECT task_id FROM action_items WHERE id = ?2)
                       AND status IN ('todo', 'doing') AND deleted_at IS NULL"
                ))?
                .execute(params![now, id])?;
            } else {
                c.prepare_cached(&format!(
                    "UPDATE tasks SET status = 'todo', done_at = NULL,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = (SELECT task_id FROM action_items WHERE id = ?1)
                       AND status = 'done' AND deleted_at IS NULL"
                ))?
                .execute([id])?;
            }
            load(c, id)
        })
    }

    /// Turns an open action item into a focus task on `day`, titled like the item, and links
    /// the two: finishing the task then closes the item. Refuses an item that is done or
    /// already promoted (to a task that still exists).
    pub fn promote_action_item(&self, id: Id, day: NaiveDate) -> Result<Task> {
        self.write(|c| {
            let item = load(c, id)?;
            if item.done_at.is_some() {
                return Err(Error::invalid(
                    "action item",
                    "this action item is already done; reopen it to make a task of it",
                ));
            }
            if let Some(task) = item.task_id {
                return Err(Error::invalid(
                    "action item",
                    format!("this action item is already a focus task (task {task})"),
                ));
            }
            let task = self.add_task(
                day,
                &TaskDraft {
                    title: item.title.clone(),
                    ..TaskDraft::default()
                },
            )?;
            c.prepare_cached(&format!(
                "UPDATE action_items SET task_id = ?1, updated_at = {NOW_UTC}, version = version + 1
                 WHERE id = ?2"
            ))?
            .execute(params![task.id, id])?;
            self.task(task.id)
        })
    }
}

// Kept apart from the methods above: added for the Today pane (issue 10), beside the counts
// the Meetings and Feedback panes use.
impl Repo {
    /// The first `limit` open items in the order of [`Repo::open_action_items`], with how many
    /// are open in all and how many of them are overdue on `today`: two queries whose cost
    /// follows the open items, never the whole history of closed ones.
    pub fn today_open_action_items(
        &self,
        today: NaiveDate,
        limit: usize,
    ) -> Result<crate::model::OpenActionItems> {
        let first = load_many(
            self.conn(),
            &format!("a.done_at IS NULL {ORDER} LIMIT ?1"),
            [i64::try_from(limit).unwrap_or(i64::MAX)],
        )?;
        let (total, overdue): (i64, i64) = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*), count(*) FILTER (WHERE a.due_date < ?1)
                 FROM action_items a WHERE {LIVE} AND a.done_at IS NULL"
            ))?
            .query_row([day_text(today)], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(crate::model::OpenActionItems {
            first,
            total: usize::try_from(total).unwrap_or(0),
            overdue: usize::try_from(overdue).unwrap_or(0),
        })
    }
}

impl Repo {
    /// Marks several action items done (their focus tasks too, as
    /// [`Repo::set_action_item_done`] does), in one transaction: a missing one refuses them
    /// all. Returns how many changed (an item already done stays as it was).
    pub fn set_action_items_done(&self, ids: &[Id]) -> Result<usize> {
        let now = self.clock().now();
        self.write(|c| {
            let mut changed = 0;
            for &id in ids {
                let item = load(c, id)?;
                if item.done_at.is_none() {
                    self.set_action_item_done_at(id, item.stamp.version, true, now)?;
                    changed += 1;
                }
            }
            Ok(changed)
        })
    }
}
