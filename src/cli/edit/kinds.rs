//! Each kind of row as a document ([`load`]) and a document saved back ([`save`]).

use super::doc::{Doc, Read, labels, one_of, opt, tags, time};
use crate::cli::capture::priority_name;
use crate::dates::Lean;
use crate::db::{Error as DbError, Repo};
use crate::model::{
    ActionItemDraft, ActionSource, CheckinDraft, Deletable, FeedbackDraft, FeedbackKind, GoalDraft,
    GoalStatus, Id, LearningDraft, MeetingDraft, MeetingKind, Priority, SkillDraft, TaskDraft,
    TaskStatus,
};
use anyhow::{Result, bail};

/// The row as a document, and its version.
pub(super) fn load(repo: &Repo, kind: Deletable, id: Id) -> Result<(Doc, i64)> {
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
        Deletable::Attachment => {
            bail!("an attachment has nothing to edit: detach it and attach the file again")
        }
    };
    if let Some((key, _, _)) = d.0.fields.iter().find(|(_, v, _)| v.contains(['\n', '\r'])) {
        bail!(
            "{} {id}: its {key} holds a line break, which this format cannot show; edit it in the app",
            crate::cli::remove::noun(kind)
        );
    }
    Ok(d)
}

/// Why a save did not happen: a mistake in the document (shown in the editor), or something
/// that editing again cannot fix.
pub(super) enum Failed {
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
pub(super) fn save(
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
        Deletable::Attachment => Err(Failed::Stop(anyhow::anyhow!(
            "an attachment has nothing to edit"
        ))),
    }
}
