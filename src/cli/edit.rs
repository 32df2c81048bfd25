//! `worklog edit KIND ID`: one row in `$VISUAL`/`$EDITOR` as a small text document.
//!
//! The format, as jrnl and git commit messages do it: comment lines (`#`) explaining it, then
//! one `field: value` line per field (the front matter), then a line `---` and the row's long
//! text (a task's notes, a learning's body, a meeting's notes…) as it is, `#` lines included.
//! Kinds without a long text have no `---`. Lists (tags, attendees) are comma-separated; an
//! empty value clears an optional field.
//!
//! On save the document is checked and written in one transaction. A mistake (an unknown
//! field, a bad date, a title left empty) reopens the editor with the problem as a comment at
//! the top; saving it unchanged again gives up. The save names the version the document was
//! made from, so a row another session changed meanwhile is not overwritten: the command says
//! so and keeps the edit in a file. Emptying the file, or saving it unchanged, cancels.

use super::capture::open;
use crate::clock::Clock;
use crate::dates::{Lean, parse_day};
use crate::db::{Error as DbError, Repo};
use crate::model::{
    ActionItemDraft, ActionSource, CheckinDraft, Deletable, FeedbackDraft, FeedbackKind, GoalDraft,
    GoalStatus, Id, LearningDraft, MeetingDraft, MeetingKind, Priority, SkillDraft, TaskDraft,
    TaskStatus,
};
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::{Context, Result, anyhow, bail};
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// The line between the fields and the long text.
const SEPARATOR: &str = "---";
/// How an error shown in the file starts, so it can be taken out again.
const ERROR_PREFIX: &str = "# error: ";
const ERROR_HINT: &str = "# Fix it and save, or empty the file to cancel.";

/// One row as a document: its fields, with what each takes, and its long text.
struct Doc {
    /// (field, value, what it takes).
    fields: Vec<(&'static str, String, &'static str)>,
    /// Read-only facts shown as comments.
    facts: Vec<String>,
    /// The long text and what it is, for kinds that have one.
    body: Option<(&'static str, String)>,
}

impl Doc {
    fn render(&self, noun: &str, id: Id, version: i64) -> String {
        let mut s = format!(
            "# worklog: {noun} {id}, version {version}. Change the values after the colons{}, then\n\
             # save and quit. Lines starting with # {}are ignored. To cancel, empty the file or\n\
             # quit without changing it.\n",
            if let Some((what, _)) = &self.body {
                format!(" and the {what} below ---")
            } else {
                String::new()
            },
            if self.body.is_some() {
                "above --- "
            } else {
                ""
            },
        );
        for (key, _, help) in &self.fields {
            s.push_str(&format!("#   {key:<11} {help}\n"));
        }
        for f in &self.facts {
            s.push_str(&format!("# {f}\n"));
        }
        for (key, value, _) in &self.fields {
            if value.is_empty() {
                s.push_str(&format!("{key}:\n"));
            } else {
                s.push_str(&format!("{key}: {value}\n"));
            }
        }
        if let Some((_, body)) = &self.body {
            s.push_str(SEPARATOR);
            s.push('\n');
            s.push_str(body);
            if !body.is_empty() && !body.ends_with('\n') {
                s.push('\n');
            }
        }
        s
    }
}

/// A document as read back: every field given, checked against the kind's.
struct Read {
    fields: Vec<(String, String)>,
    body: Option<String>,
}

impl Read {
    fn parse(text: &str, doc: &Doc) -> Result<Read, String> {
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut body = None;
        let mut lines = text.split_inclusive('\n').enumerate();
        for (n, raw) in lines.by_ref() {
            let line = raw.trim_end_matches(['\n', '\r']);
            if line.trim() == SEPARATOR {
                let rest: String = text
                    .split_inclusive('\n')
                    .skip(n + 1)
                    .collect::<Vec<_>>()
                    .concat();
                body = Some(rest.trim_end().to_string());
                break;
            }
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                return Err(format!(
                    "line {}: expected `field: value`, got {:?}",
                    n + 1,
                    line
                ));
            };
            let key = key.trim().to_lowercase();
            if !doc.fields.iter().any(|(k, _, _)| *k == key) {
                return Err(format!(
                    "line {}: unknown field {key:?}; the fields are {}",
                    n + 1,
                    doc.fields
                        .iter()
                        .map(|(k, _, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(format!("line {}: {key} is given twice", n + 1));
            }
            fields.push((key, value.trim().to_string()));
        }
        if let Some((k, _, _)) = doc
            .fields
            .iter()
            .find(|(k, _, _)| !fields.iter().any(|(f, _)| f == k))
        {
            return Err(format!("the field {k} is missing"));
        }
        match (&doc.body, &body) {
            (Some((what, _)), None) => {
                return Err(format!(
                    "the --- line before the {what} is missing (keep it, even with no {what})"
                ));
            }
            (None, Some(_)) => return Err("this kind has no text below a --- line".into()),
            _ => {}
        }
        Ok(Read { fields, body })
    }

    fn get(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    fn body(&self) -> String {
        self.body.clone().unwrap_or_default()
    }

    fn required(&self, key: &str) -> Result<String, String> {
        let v = self.get(key);
        if v.is_empty() {
            Err(format!("{key} must not be empty"))
        } else {
            Ok(v.to_string())
        }
    }

    fn list(&self, key: &str) -> Vec<String> {
        self.get(key)
            .split(',')
            .map(|t| t.trim().trim_start_matches('#').trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    }

    fn id(&self, key: &str) -> Result<Option<Id>, String> {
        let v = self.get(key);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse::<Id>()
            .map(Some)
            .map_err(|_| format!("{key} must be an id (a number) or empty, got {v:?}"))
    }

    fn day(&self, key: &str, today: NaiveDate, lean: Lean) -> Result<Option<NaiveDate>, String> {
        let v = self.get(key);
        if v.is_empty() {
            return Ok(None);
        }
        parse_day(key, v, today, lean).map(Some)
    }

    /// A time `YYYY-MM-DD HH:MM`; the seconds of `was` are kept when the minute is unchanged.
    fn time(&self, key: &str, was: NaiveDateTime) -> Result<NaiveDateTime, String> {
        let v = self.get(key);
        let t = NaiveDateTime::parse_from_str(v, "%Y-%m-%d %H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M"))
            .map_err(|_| format!("{key} must be YYYY-MM-DD HH:MM, got {v:?}"))?;
        Ok(if t == was.with_second(0).unwrap_or(was) {
            was
        } else {
            t
        })
    }

    fn yes(&self, key: &str) -> Result<bool, String> {
        match self.get(key).to_lowercase().as_str() {
            "yes" | "y" | "true" => Ok(true),
            "no" | "n" | "false" | "" => Ok(false),
            v => Err(format!("{key} must be yes or no, got {v:?}")),
        }
    }

    fn minutes(&self, key: &str) -> Result<Option<u32>, String> {
        super::quick::minutes(self.get(key)).map_err(|e| format!("{key} {e}"))
    }

    fn level(&self, key: &str, low: u8) -> Result<Option<u8>, String> {
        let v = self.get(key);
        if v.is_empty() {
            return Ok(None);
        }
        match v.parse::<u8>() {
            Ok(l) if (low..=5).contains(&l) => Ok(Some(l)),
            _ => Err(format!("{key} must be {low} to 5, got {v:?}")),
        }
    }
}

fn one_of<T: Copy>(
    key: &str,
    v: &str,
    parse: impl Fn(&str) -> Option<T>,
    all: &[&str],
) -> Result<T, String> {
    parse(v).ok_or_else(|| format!("{key} must be one of {}, got {v:?}", all.join(", ")))
}

fn tags(t: &[String]) -> String {
    t.join(", ")
}

fn time(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn priority_name(p: Priority) -> &'static str {
    match p {
        Priority::HIGH => "high",
        Priority::LOW => "low",
        _ => "normal",
    }
}

fn labels<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| label(*v)).collect()
}

/// The row as a document, and its version.
fn load(repo: &Repo, kind: Deletable, id: Id) -> Result<(Doc, i64)> {
    let d = match kind {
        Deletable::Task => {
            let t = repo.task(id)?;
            let doc = Doc {
                fields: vec![
                    ("title", t.title, "text"),
                    (
                        "status",
                        t.status.as_str().into(),
                        "todo, doing, done or dropped",
                    ),
                    (
                        "priority",
                        priority_name(t.priority).into(),
                        "high, normal or low",
                    ),
                    (
                        "estimate",
                        opt(t.estimate_minutes),
                        "minutes, or like 1h30; empty for none",
                    ),
                    ("goal", opt(t.goal_id), "a goal's id; empty for none"),
                    ("tags", tags(&t.tags), "names, comma-separated"),
                ],
                facts: vec![format!(
                    "day: {} (carry it to another day in the app)",
                    t.day
                )],
                body: Some(("notes", t.notes)),
            };
            (doc, t.stamp.version)
        }
        Deletable::Learning => {
            let l = repo.learning(id)?;
            let doc = Doc {
                fields: vec![
                    ("title", l.title, "text"),
                    ("at", time(l.at), "YYYY-MM-DD HH:MM"),
                    (
                        "starred",
                        if l.starred { "yes" } else { "no" }.into(),
                        "yes or no",
                    ),
                    ("tags", tags(&l.tags), "names, comma-separated"),
                ],
                facts: vec![],
                body: Some(("body", l.body)),
            };
            (doc, l.stamp.version)
        }
        Deletable::Skill => {
            let s = repo.skill(id)?;
            let doc = Doc {
                fields: vec![
                    ("name", s.name, "text"),
                    ("category", s.category, "text; empty for none"),
                    (
                        "target",
                        opt(s.target_level),
                        "the level aimed for, 0 to 5; empty for none",
                    ),
                    ("tags", tags(&s.tags), "names, comma-separated"),
                ],
                facts: vec!["levels: worklog add assessment".into()],
                body: Some(("description", s.description)),
            };
            (doc, s.stamp.version)
        }
        Deletable::Meeting => {
            let m = repo.meeting(id)?;
            let doc = Doc {
                fields: vec![
                    ("title", m.title, "text"),
                    ("starts", time(m.starts_at), "YYYY-MM-DD HH:MM"),
                    (
                        "duration",
                        opt(m.duration_minutes),
                        "minutes, or like 1h30; empty for none",
                    ),
                    (
                        "kind",
                        m.kind.label().into(),
                        "1:1, team, interview, review, planning, external or other",
                    ),
                    (
                        "attendees",
                        m.attendees
                            .iter()
                            .map(|p| p.name.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                        "names, comma-separated; a new name adds the person",
                    ),
                    ("tags", tags(&m.tags), "names, comma-separated"),
                ],
                facts: vec![],
                body: Some(("notes", m.notes)),
            };
            (doc, m.stamp.version)
        }
        Deletable::ActionItem => {
            let a = repo.action_item(id)?;
            let from = match a.source {
                ActionSource::Meeting(m) => format!("from meeting {m}"),
                ActionSource::Feedback(f) => format!("from feedback {f}"),
                ActionSource::None => "on its own".into(),
            };
            let doc = Doc {
                fields: vec![
                    ("title", a.title, "text"),
                    (
                        "owner",
                        a.owner.map(|p| p.name).unwrap_or_default(),
                        "a name (a new one adds the person); empty for you",
                    ),
                    (
                        "due",
                        opt(a.due_date),
                        "YYYY-MM-DD (or tomorrow, fri…); empty for none",
                    ),
                    (
                        "done",
                        if a.done_at.is_some() { "yes" } else { "no" }.into(),
                        "yes or no",
                    ),
                ],
                facts: vec![from],
                body: None,
            };
            (doc, a.stamp.version)
        }
        Deletable::Goal => {
            let g = repo.goal(id)?;
            let doc = Doc {
                fields: vec![
                    ("title", g.title, "text"),
                    (
                        "status",
                        g.status.as_str().into(),
                        "active, paused, done or dropped",
                    ),
                    (
                        "parent",
                        opt(g.parent_id),
                        "the id of the goal it belongs under; empty for none",
                    ),
                    (
                        "target",
                        opt(g.target_date),
                        "YYYY-MM-DD (or a day as --day reads it); empty for none",
                    ),
                    ("tags", tags(&g.tags), "names, comma-separated"),
                ],
                facts: vec![],
                body: Some(("description", g.description)),
            };
            (doc, g.stamp.version)
        }
        Deletable::Feedback => {
            let f = repo.feedback_item(id)?;
            let doc = Doc {
                fields: vec![
                    (
                        "direction",
                        f.direction.as_str().into(),
                        "given or received",
                    ),
                    (
                        "person",
                        f.person.name,
                        "a name (a new one adds the person)",
                    ),
                    ("day", f.day.to_string(), "YYYY-MM-DD (or yesterday, mon…)"),
                    (
                        "kind",
                        f.kind.as_str().into(),
                        "praise, constructive, suggestion, recognition or other",
                    ),
                    (
                        "meeting",
                        opt(f.meeting_id),
                        "the id of the meeting it was given in; empty for none",
                    ),
                    ("tags", tags(&f.tags), "names, comma-separated"),
                ],
                facts: vec![],
                body: Some(("content", f.content)),
            };
            (doc, f.stamp.version)
        }
        Deletable::Checkin => {
            let c = repo.checkin(id)?;
            let doc = Doc {
                fields: vec![
                    ("at", time(c.at), "YYYY-MM-DD HH:MM"),
                    ("level", c.level.to_string(), "energy, 1 to 5"),
                    ("tags", tags(&c.tags), "names, comma-separated"),
                ],
                facts: vec![],
                body: Some(("note", c.note)),
            };
            (doc, c.stamp.version)
        }
    };
    if let Some((key, _, _)) = d.0.fields.iter().find(|(_, v, _)| v.contains(['\n', '\r'])) {
        bail!(
            "{} {id}: its {key} holds a line break, which this format cannot show; edit it in the app",
            super::remove::noun(kind)
        );
    }
    Ok(d)
}

/// Why a save did not happen: a mistake in the document (shown in the editor), or something
/// that editing again cannot fix.
enum Failed {
    Mistake(String),
    Stop(anyhow::Error),
}

impl From<DbError> for Failed {
    fn from(e: DbError) -> Failed {
        match e {
            DbError::Invalid { message, .. } => Failed::Mistake(message),
            DbError::Constraint(m) => Failed::Mistake(m),
            e => Failed::Stop(e.into()),
        }
    }
}

impl From<String> for Failed {
    fn from(m: String) -> Failed {
        Failed::Mistake(m)
    }
}

/// Checks the document and saves it from `version`, in one transaction; the new version.
fn save(
    repo: &Repo,
    kind: Deletable,
    id: Id,
    version: i64,
    doc: &Doc,
    r: &Read,
) -> Result<i64, Failed> {
    let today = repo.clock().today();
    let was = |key: &str| {
        doc.fields
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, v, _)| v.clone())
            .unwrap_or_default()
    };
    match kind {
        Deletable::Task => {
            let status = one_of(
                "status",
                r.get("status"),
                TaskStatus::parse,
                &["todo", "doing", "done", "dropped"],
            )?;
            let priority = Priority::parse(r.get("priority")).map_err(|e| e.to_string())?;
            let draft = TaskDraft {
                title: r.required("title")?,
                notes: r.body(),
                priority,
                estimate_minutes: r.minutes("estimate")?,
                goal_id: r.id("goal")?,
                tags: r.list("tags"),
            };
            Ok(repo.in_transaction(|repo| {
                let t = repo.update_task(id, version, &draft)?;
                if t.status == status {
                    return Ok(t.stamp.version);
                }
                Ok(repo
                    .set_task_status(id, t.stamp.version, status)?
                    .stamp
                    .version)
            })?)
        }
        Deletable::Learning => {
            let l = repo.learning(id)?;
            let draft = LearningDraft {
                at: Some(r.time("at", l.at)?),
                title: r.required("title")?,
                body: r.body(),
                starred: r.yes("starred")?,
                tags: r.list("tags"),
                skill_ids: l.skill_ids,
            };
            Ok(repo.update_learning(id, version, &draft)?.stamp.version)
        }
        Deletable::Skill => {
            let s = repo.skill(id)?;
            let draft = SkillDraft {
                name: r.required("name")?,
                category: r.get("category").to_string(),
                description: r.body(),
                target_level: r.level("target", 0)?,
                organization_id: s.organization_id,
                tags: r.list("tags"),
            };
            Ok(repo.update_skill(id, version, &draft)?.stamp.version)
        }
        Deletable::Meeting => {
            let m = repo.meeting(id)?;
            let kinds = labels(MeetingKind::ALL, MeetingKind::label);
            let kind = one_of("kind", r.get("kind"), MeetingKind::parse, &kinds)?;
            let title = r.required("title")?;
            let starts_at = r.time("starts", m.starts_at)?;
            let duration_minutes = r.minutes("duration")?;
            let names = r.list("attendees");
            Ok(repo.in_transaction(|repo| {
                let mut ids = Vec::new();
                for name in &names {
                    // A name left as it was keeps its person, even one spelled like another.
                    let id = match m.attendees.iter().find(|p| p.name == *name) {
                        Some(p) => p.id,
                        None => repo.find_or_add_person(name)?.id,
                    };
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                let draft = MeetingDraft {
                    starts_at,
                    duration_minutes,
                    title,
                    kind,
                    notes: r.body(),
                    attendee_ids: ids,
                    tags: r.list("tags"),
                };
                Ok(repo.update_meeting(id, version, &draft)?.stamp.version)
            })?)
        }
        Deletable::ActionItem => {
            let a = repo.action_item(id)?;
            let title = r.required("title")?;
            let due_date = r.day("due", today, Lean::Future)?;
            let done = r.yes("done")?;
            let owner = r.get("owner").to_string();
            Ok(repo.in_transaction(|repo| {
                let owner_id = match (&a.owner, owner.as_str()) {
                    (_, "") => None,
                    (Some(p), name) if p.name == name => Some(p.id),
                    (_, name) => Some(repo.find_or_add_person(name)?.id),
                };
                let draft = ActionItemDraft {
                    title,
                    source: a.source,
                    owner_id,
                    due_date,
                };
                let item = repo.update_action_item(id, version, &draft)?;
                if item.done_at.is_some() == done {
                    return Ok(item.stamp.version);
                }
                Ok(repo
                    .set_action_item_done(id, item.stamp.version, done)?
                    .stamp
                    .version)
            })?)
        }
        Deletable::Goal => {
            let g = repo.goal(id)?;
            let status = one_of(
                "status",
                r.get("status"),
                GoalStatus::parse,
                &["active", "paused", "done", "dropped"],
            )?;
            let draft = GoalDraft {
                parent_id: r.id("parent")?,
                organization_id: g.organization_id,
                title: r.required("title")?,
                description: r.body(),
                target_date: r.day("target", today, Lean::Future)?,
                tags: r.list("tags"),
            };
            Ok(repo.in_transaction(|repo| {
                let g = repo.update_goal(id, version, &draft)?;
                if g.status == status {
                    return Ok(g.stamp.version);
                }
                Ok(repo
                    .set_goal_status(id, g.stamp.version, status)?
                    .stamp
                    .version)
            })?)
        }
        Deletable::Feedback => {
            let f = repo.feedback_item(id)?;
            let direction = one_of(
                "direction",
                r.get("direction"),
                crate::model::Direction::parse,
                &["given", "received"],
            )?;
            let kind = one_of(
                "kind",
                r.get("kind"),
                FeedbackKind::parse,
                &[
                    "praise",
                    "constructive",
                    "suggestion",
                    "recognition",
                    "other",
                ],
            )?;
            let day = r
                .day("day", today, Lean::Past)?
                .ok_or_else(|| "day must not be empty".to_string())?;
            let person = r.required("person")?;
            let content = r.body();
            if content.trim().is_empty() {
                return Err(Failed::Mistake(
                    "the content below --- must not be empty".into(),
                ));
            }
            let meeting_id = r.id("meeting")?;
            Ok(repo.in_transaction(|repo| {
                let person_id = if person == was("person") {
                    f.person.id
                } else {
                    repo.find_or_add_person(&person)?.id
                };
                let draft = FeedbackDraft {
                    direction,
                    person_id,
                    day,
                    kind,
                    content,
                    meeting_id,
                    tags: r.list("tags"),
                };
                Ok(repo.update_feedback(id, version, &draft)?.stamp.version)
            })?)
        }
        Deletable::Checkin => {
            let c = repo.checkin(id)?;
            let level = r
                .level("level", 1)?
                .ok_or_else(|| "level must be 1 to 5".to_string())?;
            let draft = CheckinDraft {
                at: r.time("at", c.at)?,
                level,
                note: r.body(),
                tags: r.list("tags"),
            };
            Ok(repo.update_checkin(id, version, &draft)?.stamp.version)
        }
    }
}

/// The editor to run: `$VISUAL`, else `$EDITOR`, else `vi`.
fn editor() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// Runs the editor on `path` through the shell, as git does, so `EDITOR="code --wait"` works.
/// While it runs, Ctrl-C (and Ctrl-\) is the editor's: the terminal sends it to worklog too,
/// which would otherwise end and leave the editor running with the edit lost.
fn run_editor(editor: &str, path: &Path) -> Result<()> {
    use signal_hook::consts::{SIGINT, SIGQUIT};
    let ignored = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut held = Vec::new();
    for signal in [SIGINT, SIGQUIT] {
        held.push(
            signal_hook::flag::register(signal, ignored.clone())
                .context("cannot set aside Ctrl-C for the editor")?,
        );
    }
    let result = run_editor_process(editor, path);
    for id in held {
        signal_hook::low_level::unregister(id);
    }
    result
}

fn run_editor_process(editor: &str, path: &Path) -> Result<()> {
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(path)
        .status()
        .with_context(|| format!("cannot run the editor {:?}", sanitize(editor).as_ref()))?;
    if !status.success() {
        bail!(
            "the editor {:?} failed ({status})",
            sanitize(editor).as_ref()
        );
    }
    Ok(())
}

/// The text without the error comment a failed save put at its top.
fn without_error(text: &str) -> &str {
    let mut rest = text;
    while rest.starts_with(ERROR_PREFIX) || rest.starts_with(ERROR_HINT) {
        rest = rest.split_once('\n').map(|(_, r)| r).unwrap_or("");
    }
    rest
}

/// `worklog edit KIND ID`.
pub fn edit(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    kind: super::remove::RowKind,
    id: Id,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let kind = Deletable::from(kind);
    let noun = super::remove::noun(kind);
    let repo = open(dir, clock, err)?;
    let (doc, version) = load(&repo, kind, id)?;
    let original = doc.render(noun, id, version);
    let file = tempfile::Builder::new()
        .prefix(&format!("worklog-edit-{}-{id}-", noun.replace(' ', "-")))
        .suffix(".txt")
        .tempfile()
        .context("cannot make a file to edit in")?;
    let path = file.path().to_path_buf();
    std::fs::write(&path, &original).with_context(|| format!("cannot write {}", path.display()))?;
    let editor = editor();
    // What the file held when the editor was last opened on it.
    let mut shown = original.clone();
    let mut last_mistake = String::new();
    // Keeps the edit in its file and says where, for an ending that saved nothing.
    let keep = |file: tempfile::NamedTempFile, why: anyhow::Error| -> anyhow::Error {
        match file.keep() {
            Ok((_, p)) => anyhow!(
                "{why:#}; nothing was saved; your edit is kept in {}",
                p.display()
            ),
            Err(_) => anyhow!("{why:#}; nothing was saved"),
        }
    };
    loop {
        if let Err(e) = run_editor(&editor, &path) {
            return Err(keep(file, e));
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => return Err(keep(file, anyhow!("cannot read {}: {e}", path.display()))),
        };
        if text.trim().is_empty() {
            writeln!(out, "cancelled: the file was empty; nothing was saved")?;
            return Ok(());
        }
        let text_only = without_error(&text);
        if text_only == original {
            writeln!(out, "no change; nothing was saved")?;
            return Ok(());
        }
        if text == shown && !last_mistake.is_empty() {
            return Err(keep(
                file,
                anyhow!("{noun} {id} was not saved: {last_mistake}"),
            ));
        }
        let outcome = Read::parse(text_only, &doc)
            .map_err(Failed::Mistake)
            .and_then(|r| save(&repo, kind, id, version, &doc, &r));
        match outcome {
            Ok(new_version) => {
                writeln!(out, "saved {noun} {id} (version {new_version})")?;
                return Ok(());
            }
            Err(Failed::Mistake(m)) => {
                last_mistake = m.clone();
                let first = m.lines().next().unwrap_or_default().to_string();
                shown = format!("{ERROR_PREFIX}{first}\n{ERROR_HINT}\n{text_only}");
                std::fs::write(&path, &shown)
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            Err(Failed::Stop(e)) => {
                let why = match e.downcast_ref::<DbError>() {
                    Some(DbError::Conflict { .. }) => anyhow!(
                        "{e}: someone changed it while you edited; `worklog edit {} {id}` starts again from their version",
                        kind_word(kind)
                    ),
                    _ => e,
                };
                return Err(keep(file, why));
            }
        }
    }
}

/// The KIND word `edit` takes for a kind.
fn kind_word(kind: Deletable) -> &'static str {
    match kind {
        Deletable::ActionItem => "action-item",
        Deletable::Checkin => "checkin",
        other => super::remove::noun(other),
    }
}
