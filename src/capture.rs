//! Quick capture from the command line: what a typed day or goal means, and the day at a
//! glance (`worklog today`).

use crate::db::Repo;
use crate::model::{ActionItem, Checkin, Goal, Id, Meeting, Task, TaskStatus};
use chrono::NaiveDate;
use serde::Serialize;

/// Finds a goal (not deleted) by id, or by title: an exact title (ignoring case) first, else
/// the one goal whose title contains the text. Several matches is an error listing them.
pub fn find_goal(goals: &[Goal], spec: &str) -> Result<Id, String> {
    let spec = spec.trim();
    if spec.is_empty() {
        return Err("goal must not be empty".into());
    }
    if let Ok(id) = spec.parse::<Id>() {
        return goals
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.id)
            .ok_or_else(|| format!("goal {id} does not exist"));
    }
    let lower = spec.to_lowercase();
    let exact: Vec<&Goal> = goals
        .iter()
        .filter(|g| g.title.trim().to_lowercase() == lower)
        .collect();
    let matches = if exact.is_empty() {
        goals
            .iter()
            .filter(|g| g.title.to_lowercase().contains(&lower))
            .collect()
    } else {
        exact
    };
    match matches.as_slice() {
        [] => Err(format!("no goal matches {spec:?}")),
        [one] => Ok(one.id),
        many => Err(format!(
            "{spec:?} matches {} goals: {}; give the goal's id",
            many.len(),
            many.iter()
                .take(5)
                .map(|g| format!("{} ({})", g.title, g.id))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The day at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Today {
    pub day: NaiveDate,
    pub tasks: Vec<Task>,
    /// Tasks still open on earlier days (candidates for carrying forward).
    pub open_from_earlier: usize,
    /// Oldest first.
    pub checkins: Vec<Checkin>,
    pub meetings: Vec<Meeting>,
    /// The first [`TODAY_ACTIONS`] open action items, soonest due first.
    pub open_action_items: Vec<ActionItem>,
    /// How many action items are open in all.
    pub open_action_items_total: usize,
}

/// The open action items `today` lists at most: the day at a glance reads the same however
/// many items years of meetings left open (the total is counted, not loaded).
pub const TODAY_ACTIONS: usize = 50;

impl Today {
    pub fn load(repo: &Repo, day: NaiveDate) -> crate::db::Result<Today> {
        repo.snapshot(|repo| {
            let mut checkins = repo.checkins_between(day, day)?;
            checkins.reverse();
            let open = repo.today_open_action_items(day, TODAY_ACTIONS)?;
            Ok(Today {
                day,
                tasks: repo.tasks_on(day)?,
                open_from_earlier: repo.unfinished_count_before(day)?,
                checkins,
                meetings: repo.meetings_between(day, day)?,
                open_action_items: open.first,
                open_action_items_total: open.total,
            })
        })
    }

    pub fn done_count(&self) -> usize {
        self.tasks
            .iter()
            .filter(|t| t.status == TaskStatus::Done)
            .count()
    }
}
