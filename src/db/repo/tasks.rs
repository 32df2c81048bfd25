//! Focus: the day's tasks.

use super::Repo;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, OptionalExtension, Row, params};
use crate::model::{Carry, Id, Priority, Task, TaskDraft, TaskStatus};
use chrono::{NaiveDate, NaiveDateTime};

const TASKS: Table = Table {
    name: "tasks",
    what: "task",
};

const SELECT: &str = "SELECT t.id, t.day, t.first_day, t.title, t.notes, t.status, t.priority,
        t.estimate_minutes, t.goal_id, t.position, t.carry_count, t.done_at,
        (SELECT a.id FROM action_items a WHERE a.task_id = t.id AND a.deleted_at IS NULL),
        t.created_at, t.updated_at, t.version
    FROM tasks t";

/// Which way to move a task in its day's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

fn from_row(r: &Row<'_>) -> crate::db::sql::Result<Task> {
    let priority: u8 = r.get(6)?;
    Ok(Task {
        id: r.get(0)?,
        day: get_day(r, 1)?,
        first_day: get_day(r, 2)?,
        title: r.get(3)?,
        notes: r.get(4)?,
        status: get_enum(r, 5, TaskStatus::parse)?,
        priority: Priority::new(priority).unwrap_or_default(),
        estimate_minutes: r.get(7)?,
        goal_id: r.get(8)?,
        position: r.get(9)?,
        carry_count: r.get(10)?,
        done_at: get_opt_at(r, 11)?,
        action_item_id: r.get(12)?,
        tags: Vec::new(),
        stamp: get_stamp(r, 13)?,
    })
}

fn validate(draft: &TaskDraft) -> Result<String> {
    let title = required("title", "task title", &draft.title)?;
    if let Some(m) = draft.estimate_minutes {
        in_range("estimate", "estimate (minutes)", i64::from(m), 1, 1440)?;
    }
    Ok(title)
}

pub(super) fn load(conn: &Connection, id: Id) -> Result<Task> {
    let mut task = found(
        conn.prepare_cached(&format!(
            "{SELECT} WHERE t.id = ?1 AND t.deleted_at IS NULL"
        ))?
        .query_row([id], from_row),
        "task",
        id,
    )?;
    task.tags = tags_of(conn, TASK_TAGS, id)?;
    Ok(task)
}

fn load_many(
    conn: &Connection,
    sql_where: &str,
    params: impl crate::db::sql::Params,
) -> Result<Vec<Task>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} {sql_where}"))?;
    let mut tasks = stmt
        .query_map(params, from_row)?
        .collect::<crate::db::sql::Result<Vec<Task>>>()?;
    let ids: Vec<Id> = tasks.iter().map(|t| t.id).collect();
    let mut tags = tags_of_many(conn, TASK_TAGS, &ids)?;
    for t in &mut tasks {
        t.tags = tags.remove(&t.id).unwrap_or_default();
    }
    Ok(tasks)
}

/// The next free position at the end of a day's list.
fn next_position(conn: &Connection, day: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT ifnull(max(position) + 1, 0) FROM tasks WHERE day = ?1")?
        .query_row([day], |r| r.get(0))?)
}

pub(super) fn ensure_goal(conn: &Connection, goal_id: Option<Id>) -> Result<()> {
    if let Some(g) = goal_id {
        let live: bool = conn
            .prepare_cached("SELECT count(*) FROM goals WHERE id = ?1 AND deleted_at IS NULL")?
            .query_row([g], |r| r.get(0))?;
        if !live {
            return Err(Error::invalid("goal", format!("goal {g} does not exist")));
        }
    }
    Ok(())
}

impl Repo {
    /// Adds a task at the end of a day's list.
    pub fn add_task(&self, day: NaiveDate, draft: &TaskDraft) -> Result<Task> {
        let title = validate(draft)?;
        self.write(|c| {
            ensure_goal(c, draft.goal_id)?;
            let day = day_text(day);
            let position = next_position(c, &day)?;
            let id: Id = c.prepare_cached(
                "INSERT INTO tasks (day, first_day, title, notes, priority, estimate_minutes, goal_id, position)
                 VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
            )?
            .query_row(params![
                day,
                title,
                draft.notes,
                draft.priority.get(),
                draft.estimate_minutes,
                draft.goal_id,
                position
            ], |r| r.get(0))?;
            set_tags(c, TASK_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version` of the task.
    pub fn update_task(&self, id: Id, version: i64, draft: &TaskDraft) -> Result<Task> {
        let title = validate(draft)?;
        self.write(|c| {
            ensure_goal(c, draft.goal_id)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE tasks SET title = ?1, notes = ?2, priority = ?3, estimate_minutes = ?4,
                        goal_id = ?5, updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?6 AND version = ?7 AND deleted_at IS NULL"
                ))?
                .execute(params![
                    title,
                    draft.notes,
                    draft.priority.get(),
                    draft.estimate_minutes,
                    draft.goal_id,
                    id,
                    version
                ])?;
            check_versioned_update(c, TASKS, id, version, changed)?;
            set_tags(c, TASK_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version` and moves the task to `to_day`, in one
    /// transaction: a move that cannot be made leaves the edit unwritten too. A task moves
    /// the way a carry moves it (remembering where it came from): only forward, and only
    /// while it is still to do or doing.
    pub fn update_task_on(
        &self,
        id: Id,
        version: i64,
        draft: &TaskDraft,
        to_day: NaiveDate,
    ) -> Result<Task> {
        self.write(|_| {
            let saved = self.update_task(id, version, draft)?;
            if to_day == saved.day {
                return Ok(saved);
            }
            if to_day < saved.day {
                return Err(Error::invalid(
                    "day",
                    format!(
                        "a task moves only to a later day than {}",
                        saved.day.format("%a %-d %b")
                    ),
                ));
            }
            if !matches!(saved.status, TaskStatus::Todo | TaskStatus::Doing) {
                return Err(Error::invalid(
                    "day",
                    "only a task still to do moves to another day",
                ));
            }
            self.carry_tasks(&[id], to_day)?;
            self.task(id)
        })
    }

    /// Sets the status of several tasks, in one transaction (a missing one refuses them
    /// all). Returns how many changed.
    pub fn set_tasks_status(&self, ids: &[Id], status: TaskStatus) -> Result<usize> {
        self.write(|_| {
            let mut changed = 0;
            for &id in ids {
                let t = self.task(id)?;
                if t.status != status {
                    self.set_task_status(id, t.stamp.version, status)?;
                    changed += 1;
                }
            }
            Ok(changed)
        })
    }

    /// Adds `tags` to several tasks (each keeps its own), in one transaction.
    pub fn tag_tasks(&self, ids: &[Id], tags: &[String]) -> Result<usize> {
        self.write(|c| add_tags(c, TASK_TAGS, ("tasks", "task"), ids, tags))
    }

    /// One task (not deleted).
    pub fn task(&self, id: Id) -> Result<Task> {
        load(self.conn(), id)
    }

    /// A day's tasks in the user's order, then by priority.
    pub fn tasks_on(&self, day: NaiveDate) -> Result<Vec<Task>> {
        load_many(
            self.conn(),
            "WHERE t.day = ?1 AND t.deleted_at IS NULL ORDER BY t.position, t.priority, t.id",
            [day_text(day)],
        )
    }

    /// Tasks from days before `day` still todo or doing: the ones to offer to carry over.
    pub fn unfinished_before(&self, day: NaiveDate) -> Result<Vec<Task>> {
        load_many(
            self.conn(),
            "WHERE t.day < ?1 AND t.status IN ('todo', 'doing') AND t.deleted_at IS NULL
             ORDER BY t.day, t.position, t.id",
            [day_text(day)],
        )
    }

    /// How many tasks are still open on days before `day` (a count, without loading them).
    pub fn unfinished_count_before(&self, day: NaiveDate) -> Result<usize> {
        let n: i64 = self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM tasks t
                 WHERE t.day < ?1 AND t.status IN ('todo', 'doing') AND t.deleted_at IS NULL",
            )?
            .query_row([day_text(day)], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Tasks finished between two days, inclusive (for reports).
    pub fn tasks_done_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Task>> {
        load_many(
            self.conn(),
            "WHERE t.status = 'done' AND t.deleted_at IS NULL
               AND t.done_at >= ?1 AND t.done_at < date(?2, '+1 day')
             ORDER BY t.done_at, t.id",
            params![day_text(from), day_text(to)],
        )
    }

    /// Sets a task's status. Done stamps the time; finishing a task promoted from an action
    /// item closes the item too (and reopening the task reopens it).
    pub fn set_task_status(&self, id: Id, version: i64, status: TaskStatus) -> Result<Task> {
        self.set_task_status_at(id, version, status, self.clock().now())
    }

    /// As [`Repo::set_task_status`], finished at `at` rather than now: for sample data, whose
    /// tasks were done on their own days.
    pub fn set_task_status_at(
        &self,
        id: Id,
        version: i64,
        status: TaskStatus,
        at: NaiveDateTime,
    ) -> Result<Task> {
        let now = at_text(at);
        self.write(|c| {
            let done_at = (status == TaskStatus::Done).then_some(now.as_str());
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE tasks SET status = ?1, done_at = CASE WHEN ?1 = 'done' THEN ifnull(done_at, ?2) END,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?3 AND version = ?4 AND deleted_at IS NULL"
                ))?
                .execute(params![status.as_str(), done_at, id, version])?;
            check_versioned_update(c, TASKS, id, version, changed)?;
            c.prepare_cached(&format!(
                "UPDATE action_items SET done_at = CASE WHEN ?1 = 'done' THEN ifnull(done_at, ?2) END,
                    updated_at = {NOW_UTC}, version = version + 1
                 WHERE task_id = ?3 AND (done_at IS NULL) = (?1 = 'done')"
            ))?
            .execute(params![status.as_str(), now, id])?;
            load(c, id)
        })
    }

    /// Moves a task one place up or down in its day's list. Returns false at either end.
    pub fn move_task(&self, id: Id, direction: Move) -> Result<bool> {
        self.write(|c| {
            let task = load(c, id)?;
            let day = day_text(task.day);
            let order: Vec<Id> = c
                .prepare_cached(
                    "SELECT id FROM tasks WHERE day = ?1 AND deleted_at IS NULL
                     ORDER BY position, priority, id",
                )?
                .query_map([&day], |r| r.get(0))?
                .collect::<crate::db::sql::Result<_>>()?;
            let Some(at) = order.iter().position(|&t| t == id) else {
                return Ok(false);
            };
            let other = match direction {
                Move::Up if at > 0 => at - 1,
                Move::Down if at + 1 < order.len() => at + 1,
                _ => return Ok(false),
            };
            let mut order = order;
            order.swap(at, other);
            let mut stmt = c.prepare_cached(&format!(
                "UPDATE tasks SET position = ?1, updated_at = {NOW_UTC}, version = version + 1
                 WHERE id = ?2 AND position <> ?1"
            ))?;
            for (pos, task_id) in order.iter().enumerate() {
                stmt.execute(params![pos as i64, task_id])?;
            }
            Ok(true)
        })
    }

    /// Carries open tasks to `to_day`, each to the end of that day's list in the order given,
    /// counting the carry and recording where it came from. Tasks already on or after
    /// `to_day`, or finished, are left alone (and so is a repeat of an id). A missing or
    /// deleted task refuses the whole carry. Returns how many moved.
    ///
    /// Three statements whatever the number of tasks (a check, the history rows, the move),
    /// in one transaction: carrying a long backlog costs no more round trips than one task.
    pub fn carry_tasks(&self, ids: &[Id], to_day: NaiveDate) -> Result<usize> {
        if ids.is_empty() {
            return Ok(0);
        }
        let to = day_text(to_day);
        let json = serde_json::to_string(ids).map_err(|e| Error::Sqlite(e.to_string()))?;
        self.write(|c| {
            crate::fault::point("tasks.carry")?;
            let missing: Option<Id> = c
                .prepare_cached(
                    "SELECT CAST(j.value AS BIGINT) FROM json_each(?1) j
                     WHERE NOT EXISTS (SELECT 1 FROM tasks t
                                       WHERE t.id = CAST(j.value AS BIGINT) AND t.deleted_at IS NULL)
                     ORDER BY j.key LIMIT 1",
                )?
                .query_row([&json], |r| r.get(0))
                .optional()?;
            if let Some(id) = missing {
                return Err(Error::NotFound { what: "task", id });
            }
            // The tasks to move, each once, ranked by where it first appears in `ids`. CROSS
            // JOIN keeps the ids asked for as the outer loop (each task found by its key):
            // left to itself the planner walks every open task before the day and scans the
            // ids for each, which grows with the backlog.
            const MOVING: &str = "WITH asked AS (
                    SELECT CAST(value AS BIGINT) AS id, min(key) AS first FROM json_each(?1)
                    GROUP BY CAST(value AS BIGINT)
                ),
                moving AS (
                    SELECT t.id, t.day, row_number() OVER (ORDER BY asked.first) - 1 AS rank
                    FROM asked CROSS JOIN tasks t ON t.id = asked.id
                    WHERE t.status IN ('todo', 'doing') AND t.day < ?2
                )";
            c.prepare_cached(&format!(
                "INSERT INTO task_carries (task_id, from_day, to_day)
                 {MOVING} SELECT id, day, ?2 FROM moving ORDER BY rank"
            ))?
            .execute(params![json, to])?;
            let moved = c
                .prepare_cached(&format!(
                    "{MOVING}, base AS (
                        SELECT ifnull(max(position) + 1, 0) AS position FROM tasks WHERE day = ?2
                     )
                     UPDATE tasks SET day = ?2, position = base.position + moving.rank,
                        carry_count = carry_count + 1,
                        updated_at = {NOW_UTC}, version = version + 1
                     FROM moving, base WHERE tasks.id = moving.id"
                ))?
                .execute(params![json, to])?;
            Ok(moved)
        })
    }

    /// Every carry of a task, oldest first.
    pub fn task_carries(&self, id: Id) -> Result<Vec<Carry>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT from_day, to_day, created_at FROM task_carries WHERE task_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(Carry {
                    from_day: get_day(r, 0)?,
                    to_day: get_day(r, 1)?,
                    at: get_utc(r, 2)?,
                })
            })?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }

    /// The live tasks among `ids`, in the order of `ids` (one query); ids of missing or
    /// deleted tasks are left out. For showing where promoted action items went.
    pub fn tasks_by_ids(&self, ids: &[Id]) -> Result<Vec<Task>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let json = serde_json::to_string(ids).map_err(|e| Error::Sqlite(e.to_string()))?;
        let mut tasks = load_many(
            self.conn(),
            "WHERE t.id IN (SELECT CAST(value AS BIGINT) FROM json_each(?1)) AND t.deleted_at IS NULL",
            [json],
        )?;
        let rank: std::collections::HashMap<Id, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i))
            .rev()
            .collect();
        tasks.sort_by_key(|t| rank.get(&t.id).copied().unwrap_or(usize::MAX));
        Ok(tasks)
    }

    /// The `limit` newest tasks linked to a goal (in the order of [`Repo::tasks_for_goal`]),
    /// and how many are linked in all: a goal's page shows what fits, and a goal worked on for
    /// years should not load every task it ever had.
    pub fn recent_tasks_for_goal(&self, goal_id: Id, limit: usize) -> Result<(Vec<Task>, usize)> {
        let tasks = load_many(
            self.conn(),
            "WHERE t.goal_id = ?1 AND t.deleted_at IS NULL ORDER BY t.day DESC, t.position
             LIMIT ?2",
            params![goal_id, i64::try_from(limit).unwrap_or(i64::MAX)],
        )?;
        let total: i64 = self
            .conn()
            .prepare_cached("SELECT count(*) FROM tasks WHERE goal_id = ?1 AND deleted_at IS NULL")?
            .query_row([goal_id], |r| r.get(0))?;
        Ok((tasks, usize::try_from(total).unwrap_or(0)))
    }

    /// Tasks linked to a goal, newest day first.
    pub fn tasks_for_goal(&self, goal_id: Id) -> Result<Vec<Task>> {
        load_many(
            self.conn(),
            "WHERE t.goal_id = ?1 AND t.deleted_at IS NULL ORDER BY t.day DESC, t.position",
            [goal_id],
        )
    }
}
