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

mod doc;
mod kinds;

use super::capture::open;
use crate::clock::Clock;
use crate::db::Error as DbError;
use crate::model::{Deletable, Id};
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::{Context, Result, anyhow, bail};
use doc::Read;
use kinds::{Failed, load, save};
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// How an error shown in the file starts, so it can be taken out again.
const ERROR_PREFIX: &str = "# error: ";
const ERROR_HINT: &str = "# Fix it and save, or empty the file to cancel.";

/// The editor to run, as the app chooses it: `WORKLOG_EDITOR`, the config file's `editor`,
/// `$VISUAL`, `$EDITOR`, else `vi`.
fn editor() -> String {
    crate::config::editor_setting(crate::config::current()).0
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
            return Err(keep(file, anyhow!("{noun} {id}: {last_mistake}")));
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
