//! `--json` for the read commands that print prose: `check`, `backup --list`, `import` (with
//! or without `--dry-run`) and `report`. Each prints one JSON value (an object, or an array
//! for `backup --list`) with stable field names, dates as `YYYY-MM-DD` and local times as
//! `YYYY-MM-DDTHH:MM:SS`, made safe for a terminal like every other output. Warnings still
//! go to standard error as lines, and are in the object too where a script may want them.

use crate::db::Repo;
use crate::db::snapshot;
use crate::import::{Outcome, Tally};
use crate::model::{ActionSource, Direction};
use crate::paths::DataDir;
use crate::text::json_safe;
use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::io::Write;

/// Prints `value` pretty, made safe to print.
pub fn print(out: &mut dyn Write, value: &Value) -> Result<()> {
    writeln!(out, "{}", json_safe(serde_json::to_string_pretty(value)?))?;
    Ok(())
}

/// `backup --list --json`: every backup, newest first.
pub fn backups(dir: &DataDir) -> Result<Value> {
    let list = crate::backup::list(dir)?;
    let rows: Vec<Value> = list
        .iter()
        .map(|b| {
            let (rows, error) = match snapshot::file_row_counts(&b.path) {
                Ok(counts) => (json!(counts.total()), Value::Null),
                Err(e) => (Value::Null, json!(format!("{e:#}"))),
            };
            json!({
                "file": b.file_name(),
                "path": b.path.display().to_string(),
                "at": b.name.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                "reason": b.name.reason.as_str(),
                "size": b.size,
                "rows": rows,
                "unreadable": error,
            })
        })
        .collect();
    Ok(Value::Array(rows))
}

fn tally(t: &Tally) -> Value {
    Value::Object(
        t.0.iter()
            .map(|(k, n)| (k.trim_start_matches("table:").to_string(), json!(n)))
            .collect(),
    )
}

/// `import --json`: what was (or, with `--dry-run`, would be) added, found, skipped.
pub fn import(o: &Outcome) -> Value {
    json!({
        "source": o.source.as_str(),
        "dry_run": o.dry_run,
        "added": tally(&o.added),
        "added_total": o.added.total(),
        "updated": tally(&o.updated),
        "updated_total": o.updated.total(),
        "cancelled": tally(&o.cancelled),
        "cancelled_total": o.cancelled.total(),
        "already_there": tally(&o.present),
        "already_there_total": o.present.total(),
        "skipped": tally(&o.skipped),
        "skipped_total": o.skipped.total(),
        "repeated": o.repeated,
    })
}

fn average(levels: &[u8]) -> Option<f64> {
    (!levels.is_empty())
        .then(|| levels.iter().map(|&l| f64::from(l)).sum::<f64>() / levels.len() as f64)
        .map(|a| (a * 100.0).round() / 100.0)
}

/// `report --json`: what the Markdown review is made of, read in one snapshot.
pub fn report(repo: &Repo, from: NaiveDate, to: NaiveDate) -> Result<Value> {
    repo.snapshot(|repo| -> Result<Value> {
        let days = (to - from).num_days() + 1;
        let goals: std::collections::HashMap<_, _> = repo
            .goal_tree()?
            .into_iter()
            .map(|g| (g.id, g.title))
            .collect();
        let tasks: Vec<Value> = repo
            .tasks_done_between(from, to)?
            .into_iter()
            .map(|t| {
                json!({
                    "id": t.id, "day": t.day, "title": t.title, "done_at": t.done_at,
                    "goal_id": t.goal_id,
                    "goal": t.goal_id.and_then(|g| goals.get(&g)),
                    "tags": t.tags,
                })
            })
            .collect();
        let goals_reached: Vec<Value> = repo
            .goals_done_between(from, to)?
            .into_iter()
            .map(|g| json!({"id": g.id, "title": g.title, "done_on": g.done_on}))
            .collect();
        let milestones: Vec<Value> = repo
            .milestones_done_between(from, to)?
            .into_iter()
            .map(|(m, goal)| {
                json!({"id": m.id, "title": m.title, "goal_id": m.goal_id, "goal": goal,
                       "done_on": m.done_on})
            })
            .collect();
        let learnings: Vec<Value> = repo
            .learnings_between(from, to)?
            .into_iter()
            .map(|l| {
                json!({"id": l.id, "at": l.at, "title": l.title, "starred": l.starred,
                       "body": l.body, "tags": l.tags})
            })
            .collect();
        let skills: Vec<Value> = repo
            .skill_changes_between(from, to)?
            .into_iter()
            .map(|(s, before, after)| {
                json!({"id": s.id, "name": s.name, "before": before, "after": after})
            })
            .collect();
        let feedback: Vec<Value> = repo
            .feedback_between(from, to)?
            .into_iter()
            .map(|f| {
                json!({"id": f.id, "day": f.day,
                       "direction": match f.direction { Direction::Given => "given", Direction::Received => "received" },
                       "person": f.person.name, "kind": f.kind.as_str(), "content": f.content,
                       "tags": f.tags})
            })
            .collect();
        let meetings: Vec<Value> = repo
            .meetings_between(from, to)?
            .into_iter()
            .map(|m| {
                json!({"id": m.id, "starts_at": m.starts_at, "title": m.title,
                       "kind": m.kind.as_str(), "duration_minutes": m.duration_minutes,
                       "attendees": m.attendees.iter().map(|p| &p.name).collect::<Vec<_>>()})
            })
            .collect();
        let closed: Vec<Value> = repo
            .action_items_done_between(from, to)?
            .into_iter()
            .map(|a| {
                let (meeting, fb) = match a.source {
                    ActionSource::Meeting(m) => (Some(m), None),
                    ActionSource::Feedback(f) => (None, Some(f)),
                    ActionSource::None => (None, None),
                };
                json!({"id": a.id, "title": a.title, "owner": a.owner.map(|p| p.name),
                       "done_at": a.done_at, "meeting_id": meeting, "feedback_id": fb})
            })
            .collect();
        let levels: Vec<u8> = repo
            .checkins_between(from, to)?
            .into_iter()
            .map(|c| c.level)
            .collect();
        let before_to = from - chrono::Days::new(1);
        let before_from = from - chrono::Days::new(days.unsigned_abs());
        let before: Vec<u8> = repo
            .checkins_between(before_from, before_to)?
            .into_iter()
            .map(|c| c.level)
            .collect();
        Ok(json!({
            "from": from,
            "to": to,
            "days": days,
            "tasks_done": tasks,
            "goals_reached": goals_reached,
            "milestones_reached": milestones,
            "learnings": learnings,
            "skills_changed": skills,
            "feedback": feedback,
            "meetings": meetings,
            "action_items_closed": closed,
            "energy": {
                "checkins": levels.len(),
                "average": average(&levels),
                "previous": {"from": before_from, "to": before_to, "checkins": before.len(),
                             "average": average(&before)},
            },
        }))
    })
}
