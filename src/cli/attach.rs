//! `worklog attach KIND ID FILE…`, `worklog attachments [KIND ID]`, `worklog open ID` and
//! `worklog detach ID…`: files attached to items (see `crate::attachments`).

use crate::attachments;
use crate::backup::human_size;
use crate::clock::Clock;
use crate::db::Repo;
use crate::launch;
use crate::model::{AttachOwner, Attachment, Id};
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// KIND for `attach` and `attachments`: what a file can be attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OwnerKind {
    #[value(alias = "tasks")]
    Task,
    #[value(alias = "learnings", alias = "journal")]
    Learning,
    #[value(alias = "meetings")]
    Meeting,
    #[value(alias = "goals")]
    Goal,
    Feedback,
    #[value(alias = "assessments")]
    Assessment,
}

impl From<OwnerKind> for AttachOwner {
    fn from(k: OwnerKind) -> AttachOwner {
        match k {
            OwnerKind::Task => AttachOwner::Task,
            OwnerKind::Learning => AttachOwner::Learning,
            OwnerKind::Meeting => AttachOwner::Meeting,
            OwnerKind::Goal => AttachOwner::Goal,
            OwnerKind::Feedback => AttachOwner::Feedback,
            OwnerKind::Assessment => AttachOwner::Assessment,
        }
    }
}

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

fn not_found(e: crate::db::Error, what: &str) -> anyhow::Error {
    match e {
        crate::db::Error::NotFound { what: kind, id } => {
            anyhow::anyhow!("{kind} {id} does not exist (or is deleted); {what}")
        }
        e => e.into(),
    }
}

/// `worklog attach KIND ID FILE…`: every file is stored first (crash-safe), then all the rows
/// go in one transaction: all of them or none.
#[allow(clippy::too_many_arguments)]
pub fn attach(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    kind: OwnerKind,
    id: Id,
    files: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    super::refuse_read_only(dir)?;
    let owner = AttachOwner::from(kind);
    let max = crate::config::current().attachment_max_size;
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, false, err)?;
    let repo = launched.repo;
    // Refused before any file is copied when the item is not there (the insert checks
    // again, in its transaction).
    repo.attachable(owner, id)
        .map_err(|e| not_found(e, "nothing was attached"))?;
    // Every file is looked at before any is copied: one that is missing or too big stops the
    // command before it stores anything.
    for f in files {
        attachments::admissible(f, max)?;
    }
    let mut new = Vec::with_capacity(files.len());
    for f in files {
        new.push(attachments::prepare(dir, f, max)?);
    }
    let added = repo
        .add_attachments(owner, id, &new)
        .map_err(|e| not_found(e, "nothing was attached"))?;
    for a in &added {
        writeln!(
            out,
            "attached {} to {} {id} as attachment {} ({}, {})",
            sanitize(&a.name),
            owner.noun(),
            a.id,
            human_size(a.size),
            sanitize(&a.media_type)
        )?;
    }
    Ok(())
}

fn json_of(a: &Attachment) -> serde_json::Value {
    serde_json::json!({
        "id": a.id,
        "kind": a.owner.as_str(),
        "item_id": a.owner_id,
        "name": a.name,
        "size": a.size,
        "media_type": a.media_type,
        "sha256": a.sha256,
        "attached_at": a.attached_at,
    })
}

/// `worklog attachments [KIND ID] [--json]`: an item's attachments, or every one.
pub fn list(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    of: Option<(OwnerKind, Id)>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, true, err)?;
    let repo = launched.repo;
    let rows = match of {
        Some((kind, id)) => repo.attachments_of(kind.into(), id)?,
        None => repo.live_attachments()?,
    };
    if json {
        let value = serde_json::Value::Array(rows.iter().map(json_of).collect());
        return super::json::print(out, &value);
    }
    if rows.is_empty() {
        writeln!(out, "no attachments")?;
        return Ok(());
    }
    writeln!(
        out,
        "{:>5}  {:<20}  {:>9}  {:<24}  NAME",
        "ID", "ITEM", "SIZE", "TYPE"
    )?;
    for a in &rows {
        writeln!(
            out,
            "{:>5}  {:<20}  {:>9}  {:<24}  {}",
            a.id,
            format!("{} {}", a.owner.as_str(), a.owner_id),
            human_size(a.size),
            sanitize(&a.media_type),
            sanitize(&a.name)
        )?;
    }
    Ok(())
}

/// `worklog open ATTACHMENT-ID`: a verified copy under its own name in a private folder
/// (`open/` in the data directory; on PostgreSQL from the server), handed to `xdg-open` on a
/// desktop (`open` on macOS); over SSH or without a display, its path is printed
/// (see [`attachments::open`], which the TUI uses too).
pub fn open(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    id: Id,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, true, err)?;
    let repo: Repo = launched.repo;
    match attachments::open(dir, &repo, id)? {
        attachments::Opened::Launched(path) => writeln!(out, "opened {}", shown(&path))?,
        attachments::Opened::Path(path) => writeln!(out, "{}", shown(&path))?,
        attachments::Opened::LaunchFailed { path, why } => {
            super::warn(err, &why)?;
            writeln!(out, "{}", shown(&path))?;
        }
    }
    Ok(())
}

/// `worklog detach ID…`: a soft delete of each, together; `worklog undo` brings them back.
pub fn detach(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    ids: &[Id],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    super::refuse_read_only(dir)?;
    let launched = super::say::launch(dir, clock, launch::Daily::Detach, false, err)?;
    let mut rows = Vec::with_capacity(ids.len());
    for &id in ids {
        if !rows.iter().any(|&(_, i)| i == id) {
            rows.push((crate::model::Deletable::Attachment, id));
        }
    }
    let removed = launched.repo.delete_rows(&rows).map_err(|e| match e {
        crate::db::Error::NotFound { what, id } => anyhow::anyhow!(
            "{what} {id} does not exist (or is already detached); nothing was detached"
        ),
        e => e.into(),
    })?;
    for r in &removed {
        writeln!(out, "detached attachment {}: {}", r.id, sanitize(&r.name))?;
    }
    writeln!(
        out,
        "worklog undo brings {} back",
        if removed.len() == 1 { "it" } else { "them" }
    )?;
    Ok(())
}
