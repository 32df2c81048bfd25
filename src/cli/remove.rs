//! `worklog rm KIND ID…` and `worklog undo`: soft delete and restore, as `d` and `u` in the
//! app. See `db::repo::removal` for what "the last removal" is.

use crate::clock::Clock;
use crate::db::Removed;
use crate::launch;
use crate::model::{Deletable, Id};
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::Result;
use std::io::Write;
use std::sync::Arc;

/// KIND for `rm` (and `edit`): what can be deleted and restored, singular or plural.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RowKind {
    #[value(alias = "tasks")]
    Task,
    #[value(alias = "learnings", alias = "journal")]
    Learning,
    #[value(alias = "skills")]
    Skill,
    #[value(alias = "meetings")]
    Meeting,
    #[value(name = "action-item", alias = "action-items", alias = "action")]
    ActionItem,
    #[value(alias = "goals")]
    Goal,
    Feedback,
    #[value(alias = "checkins", alias = "energy")]
    Checkin,
}

impl From<RowKind> for Deletable {
    fn from(k: RowKind) -> Deletable {
        match k {
            RowKind::Task => Deletable::Task,
            RowKind::Learning => Deletable::Learning,
            RowKind::Skill => Deletable::Skill,
            RowKind::Meeting => Deletable::Meeting,
            RowKind::ActionItem => Deletable::ActionItem,
            RowKind::Goal => Deletable::Goal,
            RowKind::Feedback => Deletable::Feedback,
            RowKind::Checkin => Deletable::Checkin,
        }
    }
}

/// What one row of a kind is called in messages.
pub fn noun(kind: Deletable) -> &'static str {
    match kind {
        Deletable::Task => "task",
        Deletable::Learning => "learning",
        Deletable::Skill => "skill",
        Deletable::Meeting => "meeting",
        Deletable::ActionItem => "action item",
        Deletable::Goal => "goal",
        Deletable::Feedback => "feedback",
        Deletable::Checkin => "check-in",
        Deletable::Attachment => "attachment",
    }
}

fn line(verb: &str, r: &Removed) -> String {
    format!("{verb} {} {}: {}", noun(r.kind), r.id, sanitize(&r.name))
}

fn open(dir: &DataDir, clock: Arc<dyn Clock>, err: &mut dyn Write) -> Result<crate::db::Repo> {
    super::refuse_read_only(dir)?;
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, false, err)?;
    Ok(launched.repo)
}

/// `worklog rm KIND ID…`: all of them or, if one id is unknown, none.
pub fn rm(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    kind: RowKind,
    ids: &[Id],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let kind = Deletable::from(kind);
    let mut rows: Vec<(Deletable, Id)> = Vec::with_capacity(ids.len());
    for &id in ids {
        // The same id typed twice is removed once.
        if !rows.iter().any(|&(_, i)| i == id) {
            rows.push((kind, id));
        }
    }
    let repo = open(dir, clock, err)?;
    let removed = repo.delete_rows(&rows).map_err(|e| match e {
        crate::db::Error::NotFound { what, id } => anyhow::anyhow!(
            "{what} {id} does not exist (or is already deleted); nothing was removed"
        ),
        e => e.into(),
    })?;
    for r in &removed {
        writeln!(out, "{}", line("removed", r))?;
    }
    writeln!(
        out,
        "worklog undo brings {} back",
        if removed.len() == 1 { "it" } else { "them" }
    )?;
    Ok(())
}

/// `worklog undo`: restores the last removal (from `rm` or the app).
pub fn undo(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let repo = open(dir, clock, err)?;
    let Some(undone) = repo.undo_last_delete()? else {
        anyhow::bail!("nothing to undo: nothing is deleted");
    };
    for r in &undone.rows {
        writeln!(out, "{}", line("restored", r))?;
    }
    // Undo walks back one removal at a time: say which one this was.
    let when = chrono::DateTime::parse_from_rfc3339(&undone.deleted_at)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .unwrap_or_else(|_| sanitize(&undone.deleted_at).into_owned());
    writeln!(
        out,
        "(removed {when}; worklog undo again goes back one more)"
    )?;
    Ok(())
}
