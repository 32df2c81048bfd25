//! Taskwarrior's `task export`: a JSON array of tasks, or (older versions) one task object
//! per line.
//!
//! How a Taskwarrior task becomes a worklog focus task:
//!
//! * **Which day.** A completed task lands on the day it was finished (`end`), with `done_at`
//!   set to that moment: that is its done history. Any other task lands on its `scheduled`
//!   day (when Taskwarrior says to start on it), else its `due` day, else the day it was
//!   entered. A day in the past simply shows up among the unfinished tasks worklog offers to
//!   carry forward. Taskwarrior's times are UTC; they are turned into local time first.
//! * **Status.** pending and waiting → todo (doing if started, i.e. it has `start`);
//!   completed → done; deleted → imported *soft-deleted* (status dropped, deleted at its
//!   `end`), so nothing is lost and it can be restored, but it stays out of sight. A
//!   recurring task's template (status recurring) is skipped: its instances, which are
//!   ordinary pending or completed tasks, are what get imported.
//! * **Projects** become goals: `work.api.v2` is the goal `v2` under `api` under `work`,
//!   each made once (a goal of that title already at that place in the tree is reused).
//! * **Tags** carry over; **annotations** go into the notes, one line each with their time;
//!   **priority** H/M/L becomes 1/2/3 (none is 2); `entry` and `modified` become the task's
//!   `created_at` and `updated_at`.
//! * The whole record, with every field worklog has no column for (urgency, depends, UDAs...),
//!   is kept as it was in `imports.original`, under its uuid. A uuid imported before is
//!   skipped, so importing the same export twice adds nothing.

use super::{Outcome, ToLocal};
use crate::db::Repo;
use crate::db::exchange::{ImportTarget, ImportedTask, Provenance};
use crate::model::{Id, ImportSource, Priority, TaskStatus};
use anyhow::{Result, anyhow, bail};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Taskwarrior's status of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Waiting,
    Completed,
    Deleted,
    Recurring,
}

/// One task as read and checked from the export.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 1-based position in the file (array index + 1, or line number).
    pub position: usize,
    pub uuid: String,
    pub description: String,
    pub status: Status,
    pub project: Vec<String>,
    pub tags: Vec<String>,
    pub priority: Priority,
    pub entry: Option<DateTime<Utc>>,
    pub modified: Option<DateTime<Utc>>,
    pub scheduled: Option<DateTime<Utc>>,
    pub due: Option<DateTime<Utc>>,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    pub annotations: Vec<(Option<DateTime<Utc>>, String)>,
    /// The record exactly as it was in the file.
    pub original: String,
}

impl Record {
    fn name(&self) -> String {
        format!("record {} (uuid {})", self.position, self.uuid)
    }
}

/// A record's name without its uuid, for "repeats record 2".
fn short_name(position: usize) -> String {
    format!("record {position}")
}

/// Parses Taskwarrior's date form `20261120T170000Z` (also ISO 8601 with a zone).
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(s, "%Y%m%dT%H%M%SZ")
        .map(|t| t.and_utc())
        .ok()
        .or_else(|| {
            DateTime::parse_from_rfc3339(s)
                .ok()
                .map(|t| t.with_timezone(&Utc))
        })
}

/// Splits the file into records: (1-based position, "record"/"line", raw JSON text).
fn split(text: &str) -> Result<Vec<(usize, &RawValue)>> {
    let t = text.trim_start();
    if t.starts_with('[') {
        let list: Vec<&RawValue> = serde_json::from_str(t)
            .map_err(|e| anyhow!("this is not a Taskwarrior export (bad JSON: {e})"))?;
        return Ok(list
            .into_iter()
            .enumerate()
            .map(|(i, r)| (i + 1, r))
            .collect());
    }
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_end_matches(',');
        if line.is_empty() {
            continue;
        }
        let raw: &RawValue = serde_json::from_str(line)
            .map_err(|e| anyhow!("line {}: not a JSON task object ({e})", i + 1))?;
        out.push((i + 1, raw));
    }
    Ok(out)
}

fn text_field<'a>(obj: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("{key} must be text, got {other}")),
    }
}

fn date_field(obj: &Map<String, Value>, key: &str) -> Result<Option<DateTime<Utc>>, String> {
    match text_field(obj, key)? {
        None => Ok(None),
        Some(s) => parse_date(s)
            .map(Some)
            .ok_or_else(|| format!("{key} is not a date like 20261120T170000Z, got {s:?}")),
    }
}

fn check_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

fn record(position: usize, raw: &RawValue) -> Result<Record, String> {
    let obj: Map<String, Value> =
        serde_json::from_str(raw.get()).map_err(|_| "not a JSON object".to_string())?;
    let uuid = text_field(&obj, "uuid")?
        .ok_or("it has no uuid")?
        .to_string();
    if !check_uuid(&uuid) {
        return Err(format!("uuid {uuid:?} is not a UUID"));
    }
    let fail = |msg: String| format!("(uuid {uuid}): {msg}");
    let inner = || -> Result<Record, String> {
        let description = text_field(&obj, "description")?.unwrap_or("").trim();
        if description.is_empty() {
            return Err("description must not be empty".into());
        }
        let status = match text_field(&obj, "status")?.unwrap_or("pending") {
            "pending" => Status::Pending,
            "waiting" => Status::Waiting,
            "completed" => Status::Completed,
            "deleted" => Status::Deleted,
            "recurring" => Status::Recurring,
            other => {
                return Err(format!(
                    "status must be pending, waiting, completed, deleted or recurring, got {other:?}"
                ));
            }
        };
        let project = match text_field(&obj, "project")? {
            None => Vec::new(),
            Some(p) => {
                let parts: Vec<String> = p.split('.').map(|s| s.trim().to_string()).collect();
                if parts.iter().any(String::is_empty) {
                    return Err(format!("project {p:?} has an empty part"));
                }
                parts
            }
        };
        let tags = match obj.get("tags") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list
                .iter()
                .map(|t| {
                    t.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| format!("tags must be text, got {t}"))
                })
                .collect::<Result<_, _>>()?,
            Some(other) => return Err(format!("tags must be a list, got {other}")),
        };
        let priority = match text_field(&obj, "priority")? {
            None | Some("") => Priority::NORMAL,
            Some("H") => Priority::HIGH,
            Some("M") => Priority::NORMAL,
            Some("L") => Priority::LOW,
            Some(other) => return Err(format!("priority must be H, M or L, got {other:?}")),
        };
        let annotations = match obj.get("annotations") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list
                .iter()
                .map(|a| {
                    let a = a
                        .as_object()
                        .ok_or_else(|| format!("an annotation must be an object, got {a}"))?;
                    let text = text_field(a, "description")?.unwrap_or("").to_string();
                    Ok((date_field(a, "entry")?, text))
                })
                .collect::<Result<_, String>>()?,
            Some(other) => return Err(format!("annotations must be a list, got {other}")),
        };
        let end = date_field(&obj, "end")?;
        if status == Status::Completed && end.is_none() {
            return Err("a completed task needs its end date".into());
        }
        Ok(Record {
            position,
            uuid: uuid.clone(),
            description: description.to_string(),
            status,
            project,
            tags,
            priority,
            entry: date_field(&obj, "entry")?,
            modified: date_field(&obj, "modified")?,
            scheduled: date_field(&obj, "scheduled")?,
            due: date_field(&obj, "due")?,
            start: date_field(&obj, "start")?,
            end,
            annotations,
            original: raw.get().to_string(),
        })
    };
    inner().map_err(fail)
}

/// Reads and checks every record; the first bad one is the error.
pub fn parse(text: &str) -> Result<Vec<Record>> {
    let mut out = Vec::new();
    for (position, raw) in split(text)? {
        match record(position, raw) {
            Ok(r) => out.push(r),
            Err(e) if e.starts_with('(') => bail!("record {position} {e}"),
            Err(e) => bail!("record {position}: {e}"),
        }
    }
    Ok(out)
}

/// The goal for a project path, made (and recorded) where missing; cached per path.
fn goal_for(
    repo: &Repo,
    path: &[String],
    cache: &mut HashMap<String, Option<Id>>,
    outcome: &mut Outcome,
) -> Result<Option<Id>> {
    let mut parent: Option<Id> = None;
    for depth in 1..=path.len() {
        let key = path[..depth].join(".");
        if let Some(known) = cache.get(&key) {
            parent = *known;
            continue;
        }
        let external = format!("project:{key}");
        let id = match repo.imported(ImportSource::Taskwarrior, &external)? {
            // A goal made by an earlier import, unless it has been deleted since.
            Some(ImportTarget::Goal(g)) if repo.goal(g).is_ok() => Some(g),
            Some(_) => None,
            None => match repo.goal_named(parent, &path[depth - 1])? {
                Some(g) => Some(g),
                None => {
                    let original = serde_json::json!({ "project": key }).to_string();
                    let id = repo.add_imported_goal(
                        Provenance {
                            source: ImportSource::Taskwarrior,
                            external_id: &external,
                            original: &original,
                        },
                        &path[depth - 1],
                        parent,
                    )?;
                    outcome.added.add("goal");
                    Some(id)
                }
            },
        };
        cache.insert(key, id);
        parent = id;
    }
    Ok(parent)
}

fn notes(r: &Record, to_local: ToLocal<'_>) -> String {
    r.annotations
        .iter()
        .map(|(at, text)| match at {
            Some(at) => format!("{}  {text}", to_local(*at).format("%Y-%m-%d %H:%M")),
            None => text.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the record becomes, or `None` for a record that is skipped (a recurrence template).
pub fn to_task(r: &Record, to_local: ToLocal<'_>, now: DateTime<Utc>) -> Option<ImportedTask> {
    let planned = r
        .scheduled
        .or(r.due)
        .or(r.entry)
        .map(|t| to_local(t).date())
        .unwrap_or_else(|| to_local(now).date());
    let (status, day, done_at, deleted_at) = match r.status {
        Status::Recurring => return None,
        Status::Pending | Status::Waiting if r.start.is_some() => {
            (TaskStatus::Doing, planned, None, None)
        }
        Status::Pending | Status::Waiting => (TaskStatus::Todo, planned, None, None),
        Status::Completed => {
            let end = to_local(r.end.unwrap_or(now));
            (TaskStatus::Done, end.date(), Some(end), None)
        }
        Status::Deleted => (
            TaskStatus::Dropped,
            planned,
            None,
            Some(r.end.or(r.modified).unwrap_or(now)),
        ),
    };
    Some(ImportedTask {
        day,
        title: r.description.clone(),
        notes: notes(r, to_local),
        status,
        priority: r.priority,
        goal_id: None,
        tags: r.tags.clone(),
        done_at,
        created_at: r.entry,
        updated_at: r.modified.or(r.entry),
        deleted_at,
    })
}

/// Imports the records (inside the caller's transaction).
pub fn apply(
    repo: &Repo,
    records: &[Record],
    to_local: ToLocal<'_>,
    outcome: &mut Outcome,
) -> Result<()> {
    let now = Utc::now();
    let mut goals: HashMap<String, Option<Id>> = HashMap::new();
    let mut seen = super::Seen::default();
    for r in records {
        if let Some(first) = seen.first(r.uuid.clone(), short_name(r.position), &r.original) {
            super::repeated(outcome, "repeated record", &r.name(), first)?;
            continue;
        }
        if r.status == Status::Recurring {
            outcome.skipped.add("recurrence template");
            continue;
        }
        if repo.imported(ImportSource::Taskwarrior, &r.uuid)?.is_some() {
            outcome.present.add("task");
            continue;
        }
        let Some(mut task) = to_task(r, to_local, now) else {
            continue;
        };
        task.goal_id = goal_for(repo, &r.project, &mut goals, outcome)
            .map_err(|e| anyhow!("{}: {e}", r.name()))?;
        repo.add_imported_task(
            Provenance {
                source: ImportSource::Taskwarrior,
                external_id: &r.uuid,
                original: &r.original,
            },
            &task,
        )
        .map_err(|e| anyhow!("{}: {e}", r.name()))?;
        outcome.added.add("task");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(t: DateTime<Utc>) -> NaiveDateTime {
        t.naive_utc()
    }

    #[test]
    fn dates_in_both_forms() {
        let a = parse_date("20261120T170000Z").unwrap();
        assert_eq!(a.to_rfc3339(), "2026-11-20T17:00:00+00:00");
        assert_eq!(parse_date("2026-11-20T17:00:00Z"), Some(a));
        assert_eq!(parse_date("tomorrow"), None);
    }

    #[test]
    fn bad_records_are_named() {
        let e = parse(
            r#"[{"uuid":"0a4c2d3e-1111-2222-3333-444455556666","description":"x","priority":"X"}]"#,
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "record 1 (uuid 0a4c2d3e-1111-2222-3333-444455556666): priority must be H, M or L, got \"X\""
        );
        let e = parse("[{\"description\":\"no id\"}]")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "record 1: it has no uuid");
        let e = parse("{\"uuid\":\"0a4c2d3e-1111-2222-3333-444455556666\",\"description\":\"ok\"}\nnot json\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("line 2: not a JSON task object"), "{e}");
    }

    #[test]
    fn day_rule() {
        let base = r#"{"uuid":"0a4c2d3e-1111-2222-3333-444455556666","description":"x","entry":"20261101T090000Z""#;
        let with = |extra: &str| {
            let r = &parse(&format!("[{base}{extra}}}]")).unwrap()[0];
            to_task(r, &utc, Utc::now()).unwrap()
        };
        assert_eq!(with("").day.to_string(), "2026-11-01");
        assert_eq!(
            with(r#","due":"20261120T170000Z""#).day.to_string(),
            "2026-11-20"
        );
        let t = with(r#","due":"20261120T170000Z","scheduled":"20261118T000000Z""#);
        assert_eq!(t.day.to_string(), "2026-11-18");
        let t = with(r#","status":"completed","end":"20261106T163000Z","due":"20261120T170000Z""#);
        assert_eq!(t.day.to_string(), "2026-11-06");
        assert_eq!(t.status, TaskStatus::Done);
        assert_eq!(t.done_at.unwrap().to_string(), "2026-11-06 16:30:00");
        let t = with(r#","start":"20261102T090000Z""#);
        assert_eq!(t.status, TaskStatus::Doing);
        let t = with(r#","status":"deleted","end":"20261103T090000Z""#);
        assert_eq!(t.status, TaskStatus::Dropped);
        assert!(t.deleted_at.is_some());
        let r = &parse(&format!("[{base},\"status\":\"recurring\"}}]")).unwrap()[0];
        assert!(to_task(r, &utc, Utc::now()).is_none());
    }
}
