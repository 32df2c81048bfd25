//! Quick capture from the command line: what a typed day or goal means, and the day at a
//! glance (`worklog today`).

use crate::db::Repo;
use crate::model::{ActionItem, Checkin, Goal, Id, Meeting, Task, TaskStatus};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

/// The forms `--day` accepts, for messages.
pub const DAY_FORMS: &str = "today, yesterday, tomorrow, mon…sun or YYYY-MM-DD";

/// Reads a day as typed, relative to `today`:
///
/// * `today`, `yesterday`, `tomorrow`;
/// * a weekday (`mon`…`sun`, or the full name, any case) means the most recent such day,
///   today included: on Wednesday 2026-11-18, `wed` is that day, `mon` is 2026-11-16 and
///   `thu` is 2026-11-12. A weekday never means a day ahead (capture records what is and
///   was; plan ahead with `tomorrow` or a date);
/// * a date `YYYY-MM-DD`.
pub fn parse_day(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let t = s.trim().to_ascii_lowercase();
    let weekday = match t.as_str() {
        "today" => return Ok(today),
        "yesterday" => return today.pred_opt().ok_or_else(|| bad_day(s)),
        "tomorrow" => return today.succ_opt().ok_or_else(|| bad_day(s)),
        "mon" | "monday" => Some(Weekday::Mon),
        "tue" | "tues" | "tuesday" => Some(Weekday::Tue),
        "wed" | "wednesday" => Some(Weekday::Wed),
        "thu" | "thur" | "thurs" | "thursday" => Some(Weekday::Thu),
        "fri" | "friday" => Some(Weekday::Fri),
        "sat" | "saturday" => Some(Weekday::Sat),
        "sun" | "sunday" => Some(Weekday::Sun),
        _ => None,
    };
    if let Some(w) = weekday {
        let back = (7 + today.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
        return today
            .checked_sub_days(Days::new(u64::from(back)))
            .ok_or_else(|| bad_day(s));
    }
    NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| bad_day(s))
}

fn bad_day(s: &str) -> String {
    format!("day must be {DAY_FORMS}, got {s:?}")
}

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
    /// Soonest due first.
    pub open_action_items: Vec<ActionItem>,
}

impl Today {
    pub fn load(repo: &Repo, day: NaiveDate) -> crate::db::Result<Today> {
        repo.snapshot(|repo| {
            let mut checkins = repo.checkins_between(day, day)?;
            checkins.reverse();
            Ok(Today {
                day,
                tasks: repo.tasks_on(day)?,
                open_from_earlier: repo.unfinished_before(day)?.len(),
                checkins,
                meetings: repo.meetings_between(day, day)?,
                open_action_items: repo.open_action_items()?,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn relative_days() {
        // 2026-11-18 is a Wednesday.
        let wed = d("2026-11-18");
        assert_eq!(parse_day("today", wed), Ok(wed));
        assert_eq!(parse_day("Yesterday", wed), Ok(d("2026-11-17")));
        assert_eq!(parse_day("tomorrow", wed), Ok(d("2026-11-19")));
        assert_eq!(parse_day("wed", wed), Ok(wed));
        assert_eq!(parse_day("mon", wed), Ok(d("2026-11-16")));
        assert_eq!(parse_day("tue", wed), Ok(d("2026-11-17")));
        assert_eq!(parse_day("thu", wed), Ok(d("2026-11-12")));
        assert_eq!(parse_day("sun", wed), Ok(d("2026-11-15")));
        assert_eq!(parse_day("Friday", wed), Ok(d("2026-11-13")));
        assert_eq!(parse_day("2026-02-28", wed), Ok(d("2026-02-28")));
        // On a Monday, `mon` is today and `sun` yesterday.
        assert_eq!(parse_day("mon", d("2026-11-16")), Ok(d("2026-11-16")));
        assert_eq!(parse_day("sun", d("2026-11-16")), Ok(d("2026-11-15")));
    }

    #[test]
    fn bad_days_say_what_is_accepted() {
        let wed = d("2026-11-18");
        for bad in ["someday", "2026-02-30", "18/11/2026", ""] {
            let e = parse_day(bad, wed).unwrap_err();
            assert!(e.starts_with("day must be today, yesterday"), "{e}");
            assert!(e.contains(&format!("{bad:?}")), "{e}");
        }
    }
}
