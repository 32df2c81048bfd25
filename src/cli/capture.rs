//! Quick capture without the app: `add task|learning|energy|feedback`, `done`, `today`.

use crate::capture::{Today, find_goal};
use crate::clock::Clock;
use crate::dates::{Lean, parse_day};
use crate::launch;
use crate::model::{
    CheckinDraft, Direction, FeedbackDraft, FeedbackKind, LearningDraft, Priority, TaskDraft,
    TaskStatus,
};
use crate::paths::DataDir;
use crate::text::{json_safe, sanitize};
use anyhow::{Context, Result, anyhow, bail};
use std::io::{Read, Write};
use std::sync::Arc;

/// Opens the database the way every command that writes does, passing on backup warnings;
/// a read-only data directory is refused in one line.
pub(super) fn open(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    err: &mut dyn Write,
) -> Result<crate::db::Repo> {
    super::refuse_read_only(dir)?;
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, false, err)?;
    Ok(launched.repo)
}

/// The lines saying which existing tags quick capture will use for tags typed otherwise
/// (`CAFE` for `café`): read before the write, printed after it succeeds.
pub(super) fn existing_tags(repo: &crate::db::Repo, tags: &[String]) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    for typed in tags {
        if let Some(stored) = repo.existing_tag_spelled_otherwise(typed)? {
            notes.push(format!(
                "using the existing tag {} for {:?}",
                sanitize(&stored),
                sanitize(typed).as_ref()
            ));
        }
    }
    Ok(notes)
}

pub(super) fn print_notes(notes: &[String], out: &mut dyn Write) -> Result<()> {
    for n in notes {
        writeln!(out, "{n}")?;
    }
    Ok(())
}

/// Opens the database for a command that only reads: read-only if it must be.
fn open_to_read(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    err: &mut dyn Write,
) -> Result<crate::db::Repo> {
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, true, err)?;
    Ok(launched.repo)
}

/// Words given on the command line as one text.
pub(super) fn joined(words: &[String], what: &str) -> Result<String> {
    let text = words.join(" ");
    if text.trim().is_empty() {
        bail!("{what} must not be empty");
    }
    Ok(text)
}

/// What `worklog add task` was given.
#[derive(Debug, Clone, Default)]
pub struct TaskArgs {
    pub text: Vec<String>,
    pub day: Option<String>,
    pub priority: Option<String>,
    pub tags: Vec<String>,
    pub goal: Option<String>,
    pub estimate: Option<String>,
    pub notes: Option<String>,
    /// Take the text as typed, without the quick syntax.
    pub literal: bool,
}

/// `worklog add task TEXT [--day D] [--priority P] [--tag T]... [--goal G] [--estimate E]
/// [--notes N]`, with the quick syntax in TEXT (see [`super::quick`]) unless `--literal`.
pub fn add_task(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    args: &TaskArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let text = joined(&args.text, "task text")?;
    let today = clock.today();
    let quick = if args.literal {
        super::quick::Quick {
            title: text.trim().to_string(),
            ..Default::default()
        }
    } else {
        super::quick::parse(&text, today, args.day.is_none())
    };
    if quick.title.trim().is_empty() {
        bail!(
            "task text must not be empty once its #tags, !priority and ~estimate are taken out (--literal keeps it as typed)"
        );
    }
    let day = match (&args.day, &quick.day) {
        // A task is planned: `fri` is the coming Friday.
        (Some(d), _) => parse_day("day", d, today, Lean::Future).map_err(|e| anyhow!("--{e}"))?,
        (None, Some((_, d))) => *d,
        (None, None) => today,
    };
    let priority = match (&args.priority, quick.priority) {
        (Some(_), Some(_)) => {
            bail!("the priority is given twice: --priority and !priority in the text")
        }
        (Some(p), None) => Priority::parse(p).map_err(|e| anyhow!("--{e}"))?,
        (None, Some(p)) => p,
        (None, None) => Priority::NORMAL,
    };
    let estimate_minutes = match (&args.estimate, quick.estimate) {
        (Some(_), Some(_)) => {
            bail!("the estimate is given twice: --estimate and ~estimate in the text")
        }
        (Some(e), None) => super::quick::minutes(e).map_err(|e| anyhow!("--estimate {e}"))?,
        (None, e) => e,
    };
    let mut tags = args.tags.clone();
    tags.extend(quick.tags.iter().cloned());
    let repo = open(dir, clock, err)?;
    let goal_id = match &args.goal {
        Some(g) => Some(find_goal(&repo.goal_tree()?, g).map_err(|e| anyhow!("--goal: {e}"))?),
        None => None,
    };
    let notes = existing_tags(&repo, &tags)?;
    let task = repo.add_task(
        day,
        &TaskDraft {
            title: quick.title.clone(),
            notes: args.notes.clone().unwrap_or_default(),
            priority,
            estimate_minutes,
            goal_id,
            tags,
        },
    )?;
    writeln!(out, "added task {} for {}", task.id, task.day)?;
    if quick.understood_anything() {
        let mut parts = vec![format!("title {:?}", sanitize(&task.title).as_ref())];
        if let Some((word, d)) = &quick.day {
            parts.push(format!(
                "day {} ({})",
                sanitize(word),
                d.format("%a %Y-%m-%d")
            ));
        }
        if let Some(p) = quick.priority {
            parts.push(format!("priority {}", priority_name(p)));
        }
        if let Some(m) = quick.estimate {
            parts.push(format!("estimate {m} min"));
        }
        for t in &quick.tags {
            parts.push(format!("tag #{}", sanitize(t)));
        }
        writeln!(out, "understood: {}", parts.join(", "))?;
    }
    print_notes(&notes, out)
}

/// A priority as the quick syntax and `edit` write it.
pub(super) fn priority_name(p: Priority) -> &'static str {
    match p {
        Priority::HIGH => "high",
        Priority::LOW => "low",
        _ => "normal",
    }
}

/// `worklog add learning TITLE [--body TEXT|-] [--tag T]... [--star]`; `--body -` reads the
/// body from `stdin`.
#[allow(clippy::too_many_arguments)]
pub fn add_learning(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    title: &[String],
    body: Option<&str>,
    tags: &[String],
    starred: bool,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let title = joined(title, "journal title")?;
    let body = match body {
        Some("-") => {
            let mut text = String::new();
            stdin
                .read_to_string(&mut text)
                .context("cannot read the body from standard input")?;
            text.trim_end().to_string()
        }
        Some(text) => text.to_string(),
        None => String::new(),
    };
    let repo = open(dir, clock, err)?;
    let notes = existing_tags(&repo, tags)?;
    let entry = repo.add_learning(&LearningDraft {
        title,
        body,
        starred,
        tags: tags.to_vec(),
        ..LearningDraft::default()
    })?;
    writeln!(
        out,
        "added journal entry {} at {}",
        entry.id,
        entry.at.format("%Y-%m-%d %H:%M")
    )?;
    print_notes(&notes, out)
}

/// `worklog add energy 1-5 [--note TEXT] [--tag T]...`.
pub fn add_energy(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    level: &str,
    note: Option<&str>,
    tags: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let level: u8 = match level.trim().parse::<u8>() {
        Ok(l) if (1..=5).contains(&l) => l,
        _ => bail!("energy level must be 1–5, got {level:?}"),
    };
    let at = clock.now();
    let repo = open(dir, clock, err)?;
    let notes = existing_tags(&repo, tags)?;
    let c = repo.add_checkin(&CheckinDraft {
        at,
        level,
        note: note.unwrap_or_default().to_string(),
        tags: tags.to_vec(),
    })?;
    writeln!(
        out,
        "added check-in {}: energy {} at {}",
        c.id,
        c.level,
        c.at.format("%Y-%m-%d %H:%M")
    )?;
    print_notes(&notes, out)
}

/// What `worklog add feedback` was given.
#[derive(Debug, Clone)]
pub struct FeedbackArgs {
    pub direction: Direction,
    pub person: String,
    pub text: Vec<String>,
    pub kind: Option<String>,
    pub day: Option<String>,
    pub tags: Vec<String>,
}

/// `worklog add feedback --given|--received --person P TEXT`: the person is found by name
/// (ignoring case) or created.
pub fn add_feedback(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    args: &FeedbackArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let content = joined(&args.text, "feedback")?;
    let day = match &args.day {
        // Feedback has happened: `fri` is the last Friday.
        Some(d) => parse_day("day", d, clock.today(), Lean::Past).map_err(|e| anyhow!("--{e}"))?,
        None => clock.today(),
    };
    let kind = match &args.kind {
        Some(k) => FeedbackKind::parse(k).ok_or_else(|| {
            anyhow!(
                "--kind must be praise, constructive, suggestion, recognition or other, got {k:?}"
            )
        })?,
        None => FeedbackKind::Other,
    };
    let repo = open(dir, clock, err)?;
    let mut notes = existing_tags(&repo, &args.tags)?;
    let f = repo.in_transaction(|repo| {
        let person = repo.find_or_add_person(&args.person)?;
        repo.add_feedback(&FeedbackDraft {
            direction: args.direction,
            person_id: person.id,
            day,
            kind,
            content,
            meeting_id: None,
            tags: args.tags.clone(),
        })
    })?;
    let (word, prep) = match f.direction {
        Direction::Given => ("given", "to"),
        Direction::Received => ("received", "from"),
    };
    writeln!(
        out,
        "added feedback {} ({word} {prep} {}) for {}",
        f.id,
        sanitize(&f.person.name),
        f.day
    )?;
    // The name matched someone spelled otherwise ("Ines Dubois" for "Inès Dubois").
    if f.person.name != args.person.trim() {
        notes.insert(
            0,
            format!(
                "using the existing person {} for {:?}",
                sanitize(&f.person.name),
                sanitize(args.person.trim()).as_ref()
            ),
        );
    }
    print_notes(&notes, out)
}

/// `worklog done TASK-ID...`: marks tasks done, all or none.
pub fn done(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    ids: &[i64],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let repo = open(dir, clock, err)?;
    let results = repo.in_transaction(|repo| {
        let mut results = Vec::new();
        for &id in ids {
            let task = repo.task(id)?;
            if task.status == TaskStatus::Done {
                results.push((task, false));
            } else {
                results.push((
                    repo.set_task_status(id, task.stamp.version, TaskStatus::Done)?,
                    true,
                ));
            }
        }
        Ok(results)
    })?;
    for (task, changed) in results {
        if changed {
            writeln!(out, "done: task {} {}", task.id, sanitize(&task.title))?;
        } else {
            writeln!(
                out,
                "task {} was already done: {}",
                task.id,
                sanitize(&task.title)
            )?;
        }
    }
    Ok(())
}

fn mark(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Todo => "[ ]",
        TaskStatus::Doing => "[~]",
        TaskStatus::Done => "[x]",
        TaskStatus::Dropped => "[-]",
    }
}

/// At most this many lines for each list, so the summary fits a login message.
const MAX_TASKS: usize = 12;
const MAX_MEETINGS: usize = 6;
const MAX_ACTIONS: usize = 5;

/// `worklog today [--json]`: the day at a glance.
pub fn today(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let day = clock.today();
    let repo = open_to_read(dir, clock, err)?;
    let t = Today::load(&repo, day)?;
    if json {
        let text = serde_json::to_string_pretty(&t)?;
        writeln!(out, "{}", json_safe(text))?;
        return Ok(());
    }
    writeln!(out, "{}", day.format("%A %Y-%m-%d"))?;
    if t.tasks.is_empty() {
        writeln!(out, "Focus: nothing planned")?;
    } else {
        writeln!(out, "Focus: {} of {} done", t.done_count(), t.tasks.len())?;
    }
    for task in t.tasks.iter().take(MAX_TASKS) {
        let mut line = format!(
            "  {} {:>4}  {}",
            mark(task.status),
            task.id,
            sanitize(&task.title)
        );
        if task.priority == Priority::HIGH {
            line.push_str("  !high");
        }
        for tag in &task.tags {
            line.push_str(&format!(" #{}", sanitize(tag)));
        }
        writeln!(out, "{line}")?;
    }
    if t.tasks.len() > MAX_TASKS {
        writeln!(out, "  … and {} more", t.tasks.len() - MAX_TASKS)?;
    }
    if t.open_from_earlier > 0 {
        writeln!(
            out,
            "  ({} still open from earlier days)",
            t.open_from_earlier
        )?;
    }
    if !t.checkins.is_empty() {
        let list: Vec<String> = t
            .checkins
            .iter()
            .map(|c| format!("{} at {}", c.level, c.at.format("%H:%M")))
            .collect();
        writeln!(out, "Energy: {}", list.join(", "))?;
    }
    if !t.meetings.is_empty() {
        writeln!(out, "Meetings:")?;
        for m in t.meetings.iter().take(MAX_MEETINGS) {
            let length = m
                .duration_minutes
                .map(|d| format!(" ({d} min)"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}  {}{length}",
                m.starts_at.format("%H:%M"),
                sanitize(&m.title)
            )?;
        }
        if t.meetings.len() > MAX_MEETINGS {
            writeln!(out, "  … and {} more", t.meetings.len() - MAX_MEETINGS)?;
        }
    }
    if !t.open_action_items.is_empty() {
        writeln!(out, "Open action items: {}", t.open_action_items_total)?;
        for a in t.open_action_items.iter().take(MAX_ACTIONS) {
            let due = match a.due_date {
                Some(d) if d < day => format!(" (overdue, due {d})"),
                Some(d) => format!(" (due {d})"),
                None => String::new(),
            };
            let owner = a
                .owner
                .as_ref()
                .map(|p| format!(" [{}]", sanitize(&p.name)))
                .unwrap_or_default();
            writeln!(out, "  {:>4}  {}{owner}{due}", a.id, sanitize(&a.title))?;
        }
        if t.open_action_items_total > MAX_ACTIONS {
            writeln!(
                out,
                "  … and {} more",
                t.open_action_items_total - MAX_ACTIONS
            )?;
        }
    }
    Ok(())
}
