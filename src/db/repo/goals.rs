//! Goals: a tree of goals and sub-goals, each with milestones, and their progress.

use super::Repo;
use super::util::*;
use crate::db::error::{Error, Result};
use crate::db::sql::{Connection, Row, params};
use crate::model::{Goal, GoalDraft, GoalStatus, Id, Milestone};
use chrono::NaiveDate;
use std::collections::HashMap;

const GOALS: Table = Table {
    name: "goals",
    what: "goal",
};

const MILESTONES: Table = Table {
    name: "goal_milestones",
    what: "milestone",
};

/// The ids of live goals: not deleted, and under no deleted goal. Deleting a goal hides its
/// whole subtree (with milestones); restoring it brings the subtree back.
const LIVE: &str = "WITH RECURSIVE live(id) AS (
        SELECT id FROM goals WHERE parent_id IS NULL AND deleted_at IS NULL
        UNION
        SELECT g.id FROM goals g JOIN live ON g.parent_id = live.id WHERE g.deleted_at IS NULL
    )";

const SELECT_GOAL: &str = "SELECT g.id, g.parent_id, g.organization_id, g.title, g.description,
        g.status, g.target_date, g.done_on, g.position, g.created_at, g.updated_at, g.version
    FROM goals g";

const SELECT_MILESTONE: &str = "SELECT ms.id, ms.goal_id, ms.title, ms.due_date, ms.done_on,
        ms.position, ms.version
    FROM goal_milestones ms";

fn goal_from_row(r: &Row<'_>) -> crate::db::sql::Result<Goal> {
    Ok(Goal {
        id: r.get(0)?,
        parent_id: r.get(1)?,
        organization_id: r.get(2)?,
        title: r.get(3)?,
        description: r.get(4)?,
        status: get_enum(r, 5, GoalStatus::parse)?,
        target_date: get_opt_day(r, 6)?,
        done_on: get_opt_day(r, 7)?,
        position: r.get(8)?,
        tags: Vec::new(),
        milestones: Vec::new(),
        progress: 0.0,
        stamp: get_stamp(r, 9)?,
    })
}

fn milestone_from_row(r: &Row<'_>) -> crate::db::sql::Result<Milestone> {
    Ok(Milestone {
        id: r.get(0)?,
        goal_id: r.get(1)?,
        title: r.get(2)?,
        due_date: get_opt_day(r, 3)?,
        done_on: get_opt_day(r, 4)?,
        position: r.get(5)?,
        version: r.get(6)?,
    })
}

/// Every live goal with its tags and milestones (three queries), parents before children and
/// siblings by position then id, with progress computed (see [`Repo::goal_tree`]).
fn load_tree(conn: &Connection) -> Result<Vec<Goal>> {
    let mut goals = conn
        .prepare_cached(&format!(
            "{LIVE} {SELECT_GOAL} WHERE g.id IN (SELECT id FROM live)"
        ))?
        .query_map([], goal_from_row)?
        .collect::<crate::db::sql::Result<Vec<Goal>>>()?;
    let mut milestones: HashMap<Id, Vec<Milestone>> = HashMap::new();
    let rows = conn
        .prepare_cached(&format!(
            "{LIVE} {SELECT_MILESTONE} WHERE ms.goal_id IN (SELECT id FROM live) ORDER BY ms.position, ms.id"
        ))?
        .query_map([], milestone_from_row)?
        .collect::<crate::db::sql::Result<Vec<Milestone>>>()?;
    for m in rows {
        milestones.entry(m.goal_id).or_default().push(m);
    }
    let ids: Vec<Id> = goals.iter().map(|g| g.id).collect();
    let mut tags = tags_of_many(conn, GOAL_TAGS, &ids)?;
    for g in &mut goals {
        g.tags = tags.remove(&g.id).unwrap_or_default();
        g.milestones = milestones.remove(&g.id).unwrap_or_default();
    }
    Ok(arrange(goals))
}

/// Puts goals in tree order (depth first; siblings by position, then id) and fills in each
/// one's progress. Every goal given must be reachable from a goal without a parent among them.
fn arrange(mut goals: Vec<Goal>) -> Vec<Goal> {
    goals.sort_by_key(|g| (g.position, g.id));
    let index: HashMap<Id, usize> = goals.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); goals.len()];
    let mut roots = Vec::new();
    for (i, g) in goals.iter().enumerate() {
        match g.parent_id.and_then(|p| index.get(&p)) {
            Some(&p) => children[p].push(i),
            None => roots.push(i),
        }
    }
    // Depth-first pre-order with an explicit stack (siblings pushed in reverse so the first
    // is visited first). `seen` guards against a cycle written into the file by hand.
    let mut order = Vec::with_capacity(goals.len());
    let mut seen = vec![false; goals.len()];
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        order.push(i);
        stack.extend(children[i].iter().rev());
    }
    // Children come after their parent in pre-order, so walking it backwards computes every
    // child before the goal above it.
    let mut progress = vec![0.0; goals.len()];
    for &i in order.iter().rev() {
        progress[i] = progress_of(
            &goals[i],
            children[i].iter().map(|&c| (&goals[c], progress[c])),
        );
    }
    let mut slots: Vec<Option<Goal>> = goals.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| {
            let mut g = slots[i].take()?;
            g.progress = progress[i];
            Some(g)
        })
        .collect()
}

/// A goal's progress from 0.0 to 1.0 (the rule documented on [`Repo::goal_tree`]), given its
/// child goals with their own progress.
fn progress_of<'a>(goal: &Goal, children: impl Iterator<Item = (&'a Goal, f64)>) -> f64 {
    if goal.status == GoalStatus::Done {
        return 1.0;
    }
    let mut sum = 0.0;
    let mut count = 0u32;
    for m in &goal.milestones {
        sum += if m.done_on.is_some() { 1.0 } else { 0.0 };
        count += 1;
    }
    for (child, p) in children {
        if child.status != GoalStatus::Dropped {
            sum += p;
            count += 1;
        }
    }
    if count == 0 {
        0.0
    } else {
        sum / f64::from(count)
    }
}

/// Common table expressions (for a `WITH RECURSIVE`) naming `chosen(id)`: the live goals among
/// the ids `candidates` (a SELECT) gives. A goal is live when neither it nor any goal above it
/// is deleted and the walk up ends at a top-level goal (one caught in a cycle written by hand
/// never does), as in [`LIVE`]; but only the goals above the candidates are read.
fn live_among(candidates: &str) -> String {
    format!(
        "up(start, id, parent_id, gone) AS (
            SELECT g.id, g.id, g.parent_id, CASE WHEN g.deleted_at IS NULL THEN 0 ELSE 1 END
            FROM goals g WHERE g.id IN ({candidates})
            UNION
            SELECT up.start, g.id, g.parent_id, CASE WHEN g.deleted_at IS NULL THEN 0 ELSE 1 END
            FROM goals g JOIN up ON g.id = up.parent_id
         ),
         chosen(id) AS (
            SELECT start FROM up GROUP BY start
            HAVING max(gone) = 0 AND max(CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END) = 1
         )"
    )
}

/// The live goals among those `filter` (a condition on `goals g`) picks, each with its tags,
/// milestones and progress, in no particular order. Reads only those goals, the goals above
/// them (to know they are live) and the subtrees below them (for progress): never the whole
/// tree, so one goal costs the same however many others there are.
fn load_where(
    conn: &Connection,
    filter: &str,
    params: impl crate::db::sql::Params,
) -> Result<Vec<Goal>> {
    let ids: Vec<Id> = conn
        .prepare_cached(&format!(
            "WITH RECURSIVE {} SELECT id FROM chosen",
            live_among(&format!("SELECT g.id FROM goals g WHERE {filter}"))
        ))?
        .query_map(params, |r| r.get(0))?
        .collect::<crate::db::sql::Result<_>>()?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let json = serde_json::to_string(&ids).map_err(|e| Error::Sqlite(e.to_string()))?;
    const SUBTREE: &str = "WITH RECURSIVE sub(id) AS (
            SELECT CAST(value AS BIGINT) FROM json_each(?1)
            UNION
            SELECT g.id FROM goals g JOIN sub ON g.parent_id = sub.id WHERE g.deleted_at IS NULL
        )";
    let goals = conn
        .prepare_cached(&format!(
            "{SUBTREE} {SELECT_GOAL} WHERE g.id IN (SELECT id FROM sub)"
        ))?
        .query_map([&json], goal_from_row)?
        .collect::<crate::db::sql::Result<Vec<Goal>>>()?;
    let mut milestones: HashMap<Id, Vec<Milestone>> = HashMap::new();
    let rows = conn
        .prepare_cached(&format!(
            "{SUBTREE} {SELECT_MILESTONE} WHERE ms.goal_id IN (SELECT id FROM sub) ORDER BY ms.position, ms.id"
        ))?
        .query_map([&json], milestone_from_row)?
        .collect::<crate::db::sql::Result<Vec<Milestone>>>()?;
    for m in rows {
        milestones.entry(m.goal_id).or_default().push(m);
    }
    let mut goals = goals;
    for g in &mut goals {
        g.milestones = milestones.remove(&g.id).unwrap_or_default();
    }
    // Progress rolls up the subtrees; then keep only the goals asked for.
    let wanted: std::collections::HashSet<Id> = ids.iter().copied().collect();
    let mut chosen: Vec<Goal> = arrange(goals)
        .into_iter()
        .filter(|g| wanted.contains(&g.id))
        .collect();
    let mut tags = tags_of_many(conn, GOAL_TAGS, &ids)?;
    for g in &mut chosen {
        g.tags = tags.remove(&g.id).unwrap_or_default();
    }
    Ok(chosen)
}

fn load(conn: &Connection, id: Id) -> Result<Goal> {
    load_where(conn, "g.id = ?1", [id])?
        .into_iter()
        .next()
        .ok_or(Error::NotFound {
            what: GOALS.what,
            id,
        })
}

/// Whether a goal is live: it and every goal above it not deleted, up to a top-level goal.
/// Walks up from the goal only.
fn is_live(conn: &Connection, id: Id) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "WITH RECURSIVE up(id, parent_id, gone) AS (
                SELECT id, parent_id, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END FROM goals WHERE id = ?1
                UNION
                SELECT g.id, g.parent_id, CASE WHEN g.deleted_at IS NULL THEN 0 ELSE 1 END
                FROM goals g JOIN up ON g.id = up.parent_id
             )
             SELECT count(*) > 0 AND max(gone) = 0 AND max(CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END) = 1 FROM up",
        )?
        .query_row([id], |r| r.get::<_, Option<bool>>(0))?
        .unwrap_or(false))
}

/// Checks a draft's text, returning the trimmed title.
fn validate(draft: &GoalDraft) -> Result<String> {
    required("title", "goal title", &draft.title)
}

/// Checks the parent exists and, for an existing goal, is not the goal itself or below it.
fn ensure_parent(conn: &Connection, id: Option<Id>, parent: Option<Id>) -> Result<()> {
    let Some(parent) = parent else {
        return Ok(());
    };
    if id == Some(parent) {
        return Err(Error::invalid("parent", "a goal cannot be its own parent"));
    }
    if !is_live(conn, parent)? {
        return Err(Error::invalid(
            "parent",
            format!("goal {parent} does not exist"),
        ));
    }
    if let Some(id) = id {
        let below: bool = conn
            .prepare_cached(
                "WITH RECURSIVE up(id) AS (
                    SELECT CAST(?1 AS BIGINT)
                    UNION
                    SELECT g.parent_id FROM goals g JOIN up ON g.id = up.id
                    WHERE g.parent_id IS NOT NULL
                 )
                 SELECT count(*) FROM up WHERE id = ?2",
            )?
            .query_row(params![parent, id], |r| r.get(0))?;
        if below {
            return Err(Error::invalid(
                "parent",
                "a goal cannot sit under its own sub-goal",
            ));
        }
    }
    Ok(())
}

/// The next free position at the end of a parent's children (or of the top level).
fn next_position(conn: &Connection, parent: Option<Id>) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT ifnull(max(position) + 1, 0) FROM goals WHERE parent_id IS ?1")?
        .query_row([parent], |r| r.get(0))?)
}

fn load_milestone(conn: &Connection, id: Id) -> Result<Milestone> {
    let ms = found(
        conn.prepare_cached(&format!("{SELECT_MILESTONE} WHERE ms.id = ?1"))?
            .query_row([id], milestone_from_row),
        MILESTONES.what,
        id,
    )?;
    if !is_live(conn, ms.goal_id)? {
        return Err(Error::NotFound {
            what: MILESTONES.what,
            id,
        });
    }
    Ok(ms)
}

impl Repo {
    /// Adds a goal at the end of its parent's sub-goals (or of the top level).
    pub fn add_goal(&self, draft: &GoalDraft) -> Result<Goal> {
        let title = validate(draft)?;
        self.write(|c| {
            ensure_parent(c, None, draft.parent_id)?;
            super::people::ensure_org(c, draft.organization_id)?;
            let position = next_position(c, draft.parent_id)?;
            let id: Id = c.prepare_cached(
                "INSERT INTO goals (parent_id, organization_id, title, description, target_date, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            )?
            .query_row(params![
                draft.parent_id,
                draft.organization_id,
                title,
                draft.description,
                draft.target_date.map(day_text),
                position
            ], |r| r.get(0))?;
            set_tags(c, GOAL_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// Saves an edit made from version `version`. Moving a goal under another puts it last
    /// there; a parent below the goal itself is refused ("a goal cannot sit under its own
    /// sub-goal").
    pub fn update_goal(&self, id: Id, version: i64, draft: &GoalDraft) -> Result<Goal> {
        let title = validate(draft)?;
        self.write(|c| {
            let current = load(c, id)?;
            ensure_parent(c, Some(id), draft.parent_id)?;
            super::people::ensure_org(c, draft.organization_id)?;
            let position = if current.parent_id == draft.parent_id {
                current.position
            } else {
                next_position(c, draft.parent_id)?
            };
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE goals SET parent_id = ?1, organization_id = ?2, title = ?3,
                        description = ?4, target_date = ?5, position = ?6,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?7 AND version = ?8 AND deleted_at IS NULL"
                ))?
                .execute(params![
                    draft.parent_id,
                    draft.organization_id,
                    title,
                    draft.description,
                    draft.target_date.map(day_text),
                    position,
                    id,
                    version
                ])?;
            check_versioned_update(c, GOALS, id, version, changed)?;
            set_tags(c, GOAL_TAGS, id, &draft.tags)?;
            load(c, id)
        })
    }

    /// One live goal, with milestones and progress.
    pub fn goal(&self, id: Id) -> Result<Goal> {
        load(self.conn(), id)
    }

    /// Every live goal (a goal under a deleted goal is hidden with it), parents before their
    /// children, siblings by position then id, each with its milestones and progress.
    ///
    /// Progress runs from 0.0 to 1.0:
    /// * a goal whose status is done is 1.0;
    /// * otherwise it is the mean over its milestones (done counts 1, not done 0) and its
    ///   child goals that are not dropped (each counts its own progress, so a done child
    ///   counts 1.0 and a nested tree rolls up);
    /// * a goal with neither milestones nor counted children is 0.0.
    ///
    /// It is computed here from the loaded tree: three queries in all, none per goal.
    pub fn goal_tree(&self) -> Result<Vec<Goal>> {
        load_tree(self.conn())
    }

    /// Sets a goal's status. Done records the clock's today as `done_on` (kept if it was
    /// already done); any other status clears it.
    pub fn set_goal_status(&self, id: Id, version: i64, status: GoalStatus) -> Result<Goal> {
        let today = day_text(self.clock().today());
        self.write(|c| {
            load(c, id)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE goals SET status = ?1,
                        done_on = CASE WHEN ?1 <> 'done' THEN NULL
                                       WHEN status = 'done' THEN ifnull(done_on, ?2)
                                       ELSE ?2 END,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?3 AND version = ?4 AND deleted_at IS NULL"
                ))?
                .execute(params![status.as_str(), today, id, version])?;
            check_versioned_update(c, GOALS, id, version, changed)?;
            load(c, id)
        })
    }

    /// Adds a milestone at the end of a live goal's list.
    pub fn add_milestone(
        &self,
        goal_id: Id,
        title: &str,
        due: Option<NaiveDate>,
    ) -> Result<Milestone> {
        let title = required("title", "milestone title", title)?;
        self.write(|c| {
            if !is_live(c, goal_id)? {
                return Err(Error::NotFound {
                    what: GOALS.what,
                    id: goal_id,
                });
            }
            let id: Id = c.prepare_cached(
                "INSERT INTO goal_milestones (goal_id, title, due_date, position)
                 VALUES (?1, ?2, ?3,
                    (SELECT ifnull(max(position) + 1, 0) FROM goal_milestones WHERE goal_id = ?1)) RETURNING id",
            )?
            .query_row(params![goal_id, title, due.map(day_text)], |r| r.get(0))?;
            load_milestone(c, id)
        })
    }

    /// Saves an edit of a milestone's title and due date made from version `version`.
    pub fn update_milestone(
        &self,
        id: Id,
        version: i64,
        title: &str,
        due: Option<NaiveDate>,
    ) -> Result<Milestone> {
        let title = required("title", "milestone title", title)?;
        self.write(|c| {
            load_milestone(c, id)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE goal_milestones SET title = ?1, due_date = ?2,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?3 AND version = ?4"
                ))?
                .execute(params![title, due.map(day_text), id, version])?;
            check_versioned_update(c, MILESTONES, id, version, changed)?;
            load_milestone(c, id)
        })
    }

    /// Marks a milestone done on the clock's today (kept if already done), or not done.
    pub fn set_milestone_done(&self, id: Id, version: i64, done: bool) -> Result<Milestone> {
        self.set_milestone_done_on(id, version, done, self.clock().today())
    }

    /// As [`Repo::set_milestone_done`], reached on `day` rather than today: for sample data.
    pub fn set_milestone_done_on(
        &self,
        id: Id,
        version: i64,
        done: bool,
        day: NaiveDate,
    ) -> Result<Milestone> {
        let today = day_text(day);
        self.write(|c| {
            load_milestone(c, id)?;
            let changed = c
                .prepare_cached(&format!(
                    "UPDATE goal_milestones SET done_on = CASE WHEN ?1 THEN ifnull(done_on, ?2) END,
                        updated_at = {NOW_UTC}, version = version + 1
                     WHERE id = ?3 AND version = ?4"
                ))?
                .execute(params![done, today, id, version])?;
            check_versioned_update(c, MILESTONES, id, version, changed)?;
            load_milestone(c, id)
        })
    }

    /// Deletes a milestone for good (milestones have no soft delete in the schema).
    pub fn delete_milestone(&self, id: Id) -> Result<()> {
        self.write(|c| {
            load_milestone(c, id)?;
            c.prepare_cached("DELETE FROM goal_milestones WHERE id = ?1")?
                .execute([id])?;
            Ok(())
        })
    }

    /// Sets the status of several goals, in one transaction (a missing one refuses them all).
    /// Returns how many changed.
    pub fn set_goals_status(&self, ids: &[Id], status: GoalStatus) -> Result<usize> {
        self.write(|_| {
            let mut changed = 0;
            for &id in ids {
                let g = self.goal(id)?;
                if g.status != status {
                    self.set_goal_status(id, g.stamp.version, status)?;
                    changed += 1;
                }
            }
            Ok(changed)
        })
    }

    /// Active or paused goals with a target date from `from` to `to` (inclusive), soonest first.
    pub fn goals_due_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Goal>> {
        let mut goals = load_where(
            self.conn(),
            "g.target_date >= ?1 AND g.target_date <= ?2 AND g.status IN ('active', 'paused')",
            params![day_text(from), day_text(to)],
        )?;
        goals.sort_by_key(|g| (g.target_date, g.id));
        Ok(goals)
    }

    /// Goals finished from `from` to `to` (inclusive), in the order they were finished.
    pub fn goals_done_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Goal>> {
        let mut goals = load_where(
            self.conn(),
            "g.done_on >= ?1 AND g.done_on <= ?2 AND g.status = 'done'",
            params![day_text(from), day_text(to)],
        )?;
        goals.sort_by_key(|g| (g.done_on, g.id));
        Ok(goals)
    }

    /// Milestones of live goals finished from `from` to `to` (inclusive), each with its
    /// goal's title, in the order they were finished.
    pub fn milestones_done_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Milestone, String)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "WITH RECURSIVE {}
             SELECT ms.id, ms.goal_id, ms.title, ms.due_date, ms.done_on, ms.position,
                ms.version, g.title
             FROM goal_milestones ms JOIN goals g ON g.id = ms.goal_id
             WHERE ms.goal_id IN (SELECT id FROM chosen) AND ms.done_on >= ?1 AND ms.done_on <= ?2
             ORDER BY ms.done_on, ms.id",
            live_among("SELECT goal_id FROM goal_milestones WHERE done_on >= ?1 AND done_on <= ?2")
        ))?;
        let rows = stmt
            .query_map(params![day_text(from), day_text(to)], |r| {
                Ok((milestone_from_row(r)?, r.get::<_, String>(7)?))
            })?
            .collect::<crate::db::sql::Result<_>>()?;
        Ok(rows)
    }
}

impl Repo {
    /// Adds `tags` to several goals (each keeps its own), in one transaction.
    pub fn tag_goals(&self, ids: &[Id], tags: &[String]) -> Result<usize> {
        self.write(|c| add_tags(c, GOAL_TAGS, ("goals", "goal"), ids, tags))
    }
}
