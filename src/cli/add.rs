//! `worklog add meeting|goal|skill|assessment|action-item`: the kinds quick capture did not
//! cover. Each checks what it was given before opening the database, writes in one
//! transaction (people named as attendees or owners are found, or added, in the same one),
//! and says what it added and which existing person or tag it used for a name typed
//! otherwise.

use super::capture::{existing_tags, joined, open, print_notes};
use crate::capture::find_goal;
use crate::clock::Clock;
use crate::dates::{Lean, parse_day};
use crate::db::Repo;
use crate::model::{
    ActionItemDraft, ActionSource, GoalDraft, Id, MeetingDraft, MeetingKind, Person, SkillDraft,
    skill_level_name,
};
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::{Result, anyhow, bail};
use chrono::{NaiveDate, NaiveTime, Timelike};
use std::io::Write;
use std::sync::Arc;

fn day(flag: &str, v: &Option<String>, today: NaiveDate, lean: Lean) -> Result<Option<NaiveDate>> {
    v.as_deref()
        .map(|v| parse_day(flag, v, today, lean).map_err(|e| anyhow!("--{e}")))
        .transpose()
}

/// The line saying which existing person a typed name found, when it is spelled otherwise.
fn person_note(found: &Person, typed: &str) -> Option<String> {
    (found.name != typed.trim()).then(|| {
        format!(
            "using the existing person {} for {:?}",
            sanitize(&found.name),
            sanitize(typed.trim()).as_ref()
        )
    })
}

/// What `worklog add meeting` was given.
#[derive(Debug, Clone, Default)]
pub struct MeetingArgs {
    pub title: Vec<String>,
    pub day: Option<String>,
    pub time: Option<String>,
    pub duration: Option<String>,
    pub kind: Option<String>,
    pub with: Vec<String>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
}

/// `worklog add meeting TITLE [--day D] [--time HH:MM] [--duration 45m] [--kind K]
/// [--with NAME]... [--notes N] [--tag T]...`.
pub fn add_meeting(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    args: &MeetingArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let title = joined(&args.title, "meeting title")?;
    let now = clock.now();
    // A meeting is planned: `fri` is the coming Friday.
    let on = day("day", &args.day, clock.today(), Lean::Future)?.unwrap_or(now.date());
    let time = match &args.time {
        Some(t) => NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| {
            anyhow!(
                "--time must be HH:MM (24-hour), got {:?}",
                sanitize(t.trim()).as_ref()
            )
        })?,
        None => now
            .time()
            .with_second(0)
            .unwrap_or(now.time())
            .with_nanosecond(0)
            .unwrap_or(now.time()),
    };
    let duration_minutes = match &args.duration {
        Some(d) => super::quick::minutes(d).map_err(|e| anyhow!("--duration {e}"))?,
        None => None,
    };
    let kind = match &args.kind {
        Some(k) => MeetingKind::parse(k).ok_or_else(|| {
            anyhow!(
                "--kind must be one of {}, got {:?}",
                MeetingKind::ALL
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join(", "),
                sanitize(k).as_ref()
            )
        })?,
        None => MeetingKind::Other,
    };
    let repo = open(dir, clock, err)?;
    let mut notes = existing_tags(&repo, &args.tags)?;
    let meeting = repo.in_transaction(|repo| {
        let mut ids = Vec::new();
        for name in &args.with {
            let p = repo.find_or_add_person(name)?;
            notes.extend(person_note(&p, name));
            if !ids.contains(&p.id) {
                ids.push(p.id);
            }
        }
        repo.add_meeting(&MeetingDraft {
            starts_at: on.and_time(time),
            duration_minutes,
            title,
            kind,
            notes: args.notes.clone().unwrap_or_default(),
            attendee_ids: ids,
            tags: args.tags.clone(),
        })
    })?;
    let with = if meeting.attendees.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = meeting
            .attendees
            .iter()
            .map(|p| sanitize(&p.name).into_owned())
            .collect();
        format!(" with {}", names.join(", "))
    };
    writeln!(
        out,
        "added meeting {} at {}{with}",
        meeting.id,
        meeting.starts_at.format("%Y-%m-%d %H:%M")
    )?;
    print_notes(&notes, out)
}

/// What `worklog add goal` was given.
#[derive(Debug, Clone, Default)]
pub struct GoalArgs {
    pub title: Vec<String>,
    pub parent: Option<String>,
    pub target: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
}

/// `worklog add goal TITLE [--parent G] [--target D] [--description TEXT] [--tag T]...`.
pub fn add_goal(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    args: &GoalArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let title = joined(&args.title, "goal title")?;
    // A target is ahead.
    let target_date = day("target", &args.target, clock.today(), Lean::Future)?;
    let repo = open(dir, clock, err)?;
    let parent_id = match &args.parent {
        Some(g) => Some(find_goal(&repo.goal_tree()?, g).map_err(|e| anyhow!("--parent: {e}"))?),
        None => None,
    };
    let notes = existing_tags(&repo, &args.tags)?;
    let goal = repo.add_goal(&GoalDraft {
        parent_id,
        organization_id: None,
        title,
        description: args.description.clone().unwrap_or_default(),
        target_date,
        tags: args.tags.clone(),
    })?;
    let mut line = format!("added goal {}", goal.id);
    if let Some(p) = goal.parent_id {
        line.push_str(&format!(" under goal {p}"));
    }
    if let Some(t) = goal.target_date {
        line.push_str(&format!(", target {t}"));
    }
    writeln!(out, "{line}")?;
    print_notes(&notes, out)
}

/// `worklog add skill NAME [--category C] [--target 0-5] [--description TEXT]`.
#[allow(clippy::too_many_arguments)]
pub fn add_skill(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    name: &[String],
    category: Option<&str>,
    target: Option<u8>,
    description: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let name = joined(name, "skill name")?;
    let repo = open(dir, clock, err)?;
    let skill = repo.add_skill(&SkillDraft {
        name,
        category: category.unwrap_or_default().to_string(),
        description: description.unwrap_or_default().to_string(),
        target_level: target,
        organization_id: None,
        tags: vec![],
    })?;
    writeln!(out, "added skill {}: {}", skill.id, sanitize(&skill.name))?;
    Ok(())
}

/// A live skill by id or by name: the exact name (accents and case aside) first, else the one
/// skill whose name contains the text.
fn find_skill(repo: &Repo, spec: &str) -> Result<(Id, String)> {
    let spec = spec.trim();
    let skills = repo.skill_names()?;
    if let Ok(id) = spec.parse::<Id>()
        && let Some(s) = skills.iter().find(|(i, _)| *i == id)
    {
        return Ok(s.clone());
    }
    let key = crate::text::name_key(spec);
    if let Some(s) = skills.iter().find(|(_, n)| crate::text::name_key(n) == key) {
        return Ok(s.clone());
    }
    let matches: Vec<&(Id, String)> = skills
        .iter()
        .filter(|(_, n)| crate::text::name_key(n).contains(&key))
        .collect();
    match matches.as_slice() {
        [] => bail!(
            "no skill matches {:?}; worklog add skill adds one",
            sanitize(spec).as_ref()
        ),
        [one] => Ok((*one).clone()),
        many => bail!(
            "{:?} matches {} skills: {}; give the skill's id",
            sanitize(spec).as_ref(),
            many.len(),
            many.iter()
                .take(5)
                .map(|(i, n)| format!("{} ({i})", sanitize(n)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `worklog add assessment SKILL LEVEL [--day D] [--note TEXT]`: a level recorded for a
/// skill, kept beside the earlier ones.
#[allow(clippy::too_many_arguments)]
pub fn add_assessment(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    skill: &str,
    level: &str,
    on: Option<String>,
    note: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let level: u8 = match level.trim().parse::<u8>() {
        Ok(l) if l <= 5 => l,
        _ => bail!(
            "skill level must be 0–5, got {:?}",
            sanitize(level.trim()).as_ref()
        ),
    };
    // An assessment has happened: `fri` is the last Friday.
    let on = day("day", &on, clock.today(), Lean::Past)?.unwrap_or(clock.today());
    let repo = open(dir, clock, err)?;
    let (skill_id, name) = find_skill(&repo, skill)?;
    let a = repo.record_skill_level(skill_id, level, on, note.unwrap_or_default())?;
    writeln!(
        out,
        "recorded {} at level {} ({}) on {} (assessment {})",
        sanitize(&name),
        a.level,
        skill_level_name(a.level),
        a.assessed_on,
        a.id
    )?;
    Ok(())
}

/// What `worklog add action-item` was given.
#[derive(Debug, Clone, Default)]
pub struct ActionArgs {
    pub title: Vec<String>,
    pub meeting: Option<Id>,
    pub feedback: Option<Id>,
    pub owner: Option<String>,
    pub due: Option<String>,
}

/// `worklog add action-item TITLE [--meeting ID | --feedback ID] [--owner NAME] [--due D]`.
pub fn add_action_item(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    args: &ActionArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let title = joined(&args.title, "action item title")?;
    // A due date is ahead.
    let due_date = day("due", &args.due, clock.today(), Lean::Future)?;
    let source = match (args.meeting, args.feedback) {
        (Some(m), _) => ActionSource::Meeting(m),
        (None, Some(f)) => ActionSource::Feedback(f),
        (None, None) => ActionSource::None,
    };
    let repo = open(dir, clock, err)?;
    let mut notes = Vec::new();
    let item = repo.in_transaction(|repo| {
        let owner_id = match &args.owner {
            Some(name) => {
                let p = repo.find_or_add_person(name)?;
                notes.extend(person_note(&p, name));
                Some(p.id)
            }
            None => None,
        };
        repo.add_action_item(&ActionItemDraft {
            title,
            source,
            owner_id,
            due_date,
        })
    })?;
    let mut line = format!("added action item {}", item.id);
    match item.source {
        ActionSource::Meeting(m) => line.push_str(&format!(" from meeting {m}")),
        ActionSource::Feedback(f) => line.push_str(&format!(" from feedback {f}")),
        ActionSource::None => {}
    }
    if let Some(o) = &item.owner {
        line.push_str(&format!(" for {}", sanitize(&o.name)));
    }
    if let Some(d) = item.due_date {
        line.push_str(&format!(", due {d}"));
    }
    writeln!(out, "{line}")?;
    print_notes(&notes, out)
}
