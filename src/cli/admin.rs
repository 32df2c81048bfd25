//! Administrative commands: `backup`, `backup --list`, `restore`, `check`, `migrate`.

use super::warn;
use crate::backup::{self, human_size};
use crate::clock::Clock;
use crate::db::snapshot;
use crate::launch;
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::{Result, bail};
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

pub(crate) fn warn_all(to: &mut dyn Write, warnings: &[String]) -> Result<()> {
    for w in warnings {
        warn(to, w)?;
    }
    Ok(())
}

/// `worklog backup [--accept-shrink]`: opens the database as every start does, then takes a
/// backup now. `accept_shrink` confirms the data as it is after a suspected loss: the backup
/// is not compared with the previous one, and the marker is cleared once it is taken.
pub fn backup_now(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    accept_shrink: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    // `start`: no daily backup, since this command takes one anyway.
    let launched = super::say::explained(dir, clock.clone(), launch::Daily::Wait, err, || {
        launch::start(dir, clock.clone())
    })?;
    drop(launched.repo);
    warn_all(err, &launched.warnings)?;
    let report = if accept_shrink {
        let before = backup::shrink(dir).ok().flatten();
        let report = backup::accept_shrink(dir, &*clock)?;
        if let Some(marker) = before {
            writeln!(
                out,
                "the suspected loss is accepted: backups up to {} now follow the usual rotation",
                sanitize(&marker.last_good)
            )?;
        }
        report
    } else {
        backup::take(dir, &*clock, backup::Reason::Manual)?
    };
    writeln!(out, "backed up to {}", shown(&report.path))?;
    writeln!(
        out,
        "{}, {} rows, verified, in {} ms",
        human_size(report.size),
        report.rows,
        report.duration.as_millis()
    )?;
    warn_all(err, &report.warnings)?;
    if !accept_shrink {
        let mut standing = Vec::new();
        launch::add_shrink_warning(dir, &mut standing);
        let fresh: Vec<String> = standing
            .into_iter()
            .filter(|w| !report.warnings.contains(w))
            .collect();
        warn_all(err, &fresh)?;
    }
    Ok(())
}

/// `worklog backup --list`: every backup, newest first, with its size and row total (counted,
/// not verified: `worklog check` verifies).
pub fn list_backups(dir: &DataDir, json: bool, out: &mut dyn Write) -> Result<()> {
    if json {
        return super::json::print(out, &super::json::backups(dir)?);
    }
    let backups = backup::list(dir)?;
    if backups.is_empty() {
        writeln!(out, "no backups in {}", shown(&dir.backups()))?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<19}  {:<11}  {:>9}  {:>9}  FILE",
        "DATE", "REASON", "SIZE", "ROWS"
    )?;
    for b in &backups {
        let (rows, note) = match snapshot::file_row_counts(&b.path) {
            Ok(counts) => (counts.total().to_string(), String::new()),
            Err(e) => ("?".to_string(), format!("  (unreadable: {e})")),
        };
        writeln!(
            out,
            "{:<19}  {:<11}  {:>9}  {:>9}  {}{}",
            b.name.at.format("%Y-%m-%d %H:%M:%S"),
            b.name.reason.as_str(),
            human_size(b.size),
            rows,
            sanitize(&b.file_name()),
            sanitize(&note)
        )?;
    }
    Ok(())
}

/// `worklog restore FILE|YYYY-MM-DD`.
pub fn restore(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    source: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let path = backup::resolve_source(dir, source)?;
    let report = backup::restore(dir, clock, &path)?;
    writeln!(
        out,
        "restored {} ({} rows, schema version {}) into {}",
        shown(&report.source),
        report.rows,
        report.schema_version,
        sanitize(&dir.database_shown()).into_owned()
    )?;
    match &report.saved {
        Some(saved) => writeln!(
            out,
            "the database as it was before is saved as {}",
            shown(&saved.path)
        )?,
        None if report.set_aside.is_empty() => {
            writeln!(out, "there was no data before, so nothing needed saving")?
        }
        None => {}
    }
    if !report.set_aside.is_empty() {
        let names: Vec<String> = report.set_aside.iter().map(|p| shown(p)).collect();
        writeln!(
            out,
            "what stood in the database's place could not be restored into, so it is kept as {}",
            names.join(", ")
        )?;
    }
    warn_all(err, &report.warnings)
}

/// `worklog check`: the live database's integrity and foreign keys, every attachment (there,
/// of its size, with its SHA-256), and the backups' state. Fails (non-zero exit) if the
/// database or an attachment has problems; backup trouble is a warning. Files nothing needs
/// are reported; with `repair` those over an hour old are removed.
pub fn check(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    json: bool,
    repair: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let launched =
        super::say::launch_explained(dir, clock.clone(), launch::Daily::Wait, true, err)?;
    let marker = backup::shrink(dir);
    // A suspected loss is part of the report below, on standard output: not twice.
    let reported = match &marker {
        Ok(Some(m)) => Some(m.message(dir)),
        _ => None,
    };
    let warnings: Vec<String> = launched
        .warnings
        .into_iter()
        .filter(|w| Some(w) != reported.as_ref())
        .collect();
    warn_all(err, &warnings)?;
    let repo = launched.repo;
    let integrity = repo.integrity_problems()?;
    let keys = repo.foreign_key_problems()?;
    let attached = crate::attachments::check(dir, &repo)?;
    let removed = if repair {
        Some(crate::attachments::repair(dir, &repo, &attached)?)
    } else {
        None
    };
    let health = backup::health(dir, clock.today())?;
    if json {
        let newest = health.newest_verified.as_ref().map(|b| {
            serde_json::json!({
                "file": b.file_name(),
                "at": b.name.at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                "age_days": health.age_days,
            })
        });
        let loss = match &marker {
            Ok(Some(m)) => serde_json::json!(m.message(dir)),
            Ok(None) => serde_json::Value::Null,
            Err(e) => serde_json::json!(format!("{e:#}")),
        };
        let value = serde_json::json!({
            "database": dir.database_shown(),
            "schema_version": repo.schema_version()?,
            "rows": repo.row_counts()?.total(),
            "ok": integrity.is_empty() && keys.is_empty(),
            "integrity": integrity,
            "foreign_keys": keys,
            "backups": {
                "folder": dir.backups().display().to_string(),
                "count": health.count,
                "newest_verified": newest,
                "warnings": health.warnings,
            },
            "suspected_loss": loss,
            "warnings": warnings,
            "attachments": {
                "ok": attached.problems.is_empty(),
                "rows": attached.rows,
                "contents": attached.contents,
                "problems": attached.problems.iter().map(|p| p.line()).collect::<Vec<_>>(),
                "backup_problems": attached.backup_problems,
                "orphans": attached.orphans.iter().map(|o| serde_json::json!({
                    "sha256": o.sha256,
                    "path": o.path.as_ref().map(|p| p.display().to_string()),
                    "size": o.size,
                    "young": o.young,
                })).collect::<Vec<_>>(),
                "removed": removed,
            },
        });
        super::json::print(out, &value)?;
    } else {
        check_text(dir, &repo, &integrity, &keys, &health, &marker, out)?;
        attachments_text(&attached, removed, out)?;
    }
    warn_all(err, &health.warnings)?;
    warn_all(err, &attached.backup_problems)?;
    let problems = integrity.len() + keys.len() + attached.problems.len();
    if integrity.is_empty() && keys.is_empty() && problems > 0 {
        bail!(
            "{problems} attachment{} missing or damaged (listed above); restore a backup with \
             `worklog restore YYYY-MM-DD`, or detach {} and attach the file again",
            if problems == 1 { " is" } else { "s are" },
            if problems == 1 { "it" } else { "them" }
        );
    }
    if problems > 0 {
        bail!(
            "the database has {problems} problem{} (listed above); restore a backup with `worklog restore YYYY-MM-DD`",
            if problems == 1 { "" } else { "s" }
        );
    }
    Ok(())
}

/// The text `check` prints on standard output.
fn check_text(
    dir: &DataDir,
    repo: &crate::db::Repo,
    integrity: &[String],
    keys: &[String],
    health: &backup::BackupHealth,
    marker: &Result<Option<backup::Shrink>>,
    out: &mut dyn Write,
) -> Result<()> {
    writeln!(
        out,
        "database: {} (schema version {}, {} rows)",
        sanitize(&dir.database_shown()).into_owned(),
        repo.schema_version()?,
        repo.row_counts()?.total()
    )?;
    report_problems(out, "integrity", integrity)?;
    report_problems(out, "foreign keys", keys)?;

    match (&health.newest_verified, health.age_days) {
        (Some(b), Some(age)) => writeln!(
            out,
            "backups: {} in {}, newest verified {} ({})",
            health.count,
            shown(&dir.backups()),
            b.name.at.format("%Y-%m-%d %H:%M:%S"),
            match age {
                0 => "today".to_string(),
                1 => "1 day old".to_string(),
                n if n < 0 => "dated in the future".to_string(),
                n => format!("{n} days old"),
            }
        )?,
        _ => writeln!(
            out,
            "backups: {} in {}, none verified",
            health.count,
            shown(&dir.backups())
        )?,
    }
    match marker {
        Ok(Some(marker)) => writeln!(out, "backups: {}", sanitize(&marker.message(dir)))?,
        Ok(None) => {}
        Err(e) => writeln!(out, "backups: {}", sanitize(&format!("{e:#}")))?,
    }

    Ok(())
}

/// The attachments part of `check`'s text.
fn attachments_text(
    checked: &crate::attachments::Checked,
    removed: Option<usize>,
    out: &mut dyn Write,
) -> Result<()> {
    let problems: Vec<String> = checked.problems.iter().map(|p| p.line()).collect();
    if problems.is_empty() {
        writeln!(
            out,
            "attachments: ok ({} attachment{}, {} file{} verified)",
            checked.rows,
            if checked.rows == 1 { "" } else { "s" },
            checked.contents,
            if checked.contents == 1 { "" } else { "s" }
        )?;
    } else {
        report_problems(out, "attachments", &problems)?;
    }
    if !checked.orphans.is_empty() {
        let size: u64 = checked.orphans.iter().map(|o| o.size).sum();
        writeln!(
            out,
            "attachments: {} file{} nothing needs ({}){}",
            checked.orphans.len(),
            if checked.orphans.len() == 1 { "" } else { "s" },
            human_size(size),
            match removed {
                Some(n) => format!(", {n} removed"),
                None => "; `worklog check --repair` removes them".to_string(),
            }
        )?;
        for o in &checked.orphans {
            let at = match &o.path {
                Some(p) => shown(p),
                None => format!("{} on the server", o.sha256),
            };
            writeln!(
                out,
                "  {at} ({}){}",
                human_size(o.size),
                if o.young {
                    "  kept: under an hour old, an attach may be in progress"
                } else {
                    ""
                }
            )?;
        }
    }
    Ok(())
}

fn report_problems(out: &mut dyn Write, what: &str, problems: &[String]) -> Result<()> {
    if problems.is_empty() {
        writeln!(out, "{what}: ok")?;
    } else {
        writeln!(out, "{what}: {} problem(s)", problems.len())?;
        for p in problems {
            writeln!(out, "  {}", sanitize(p))?;
        }
    }
    Ok(())
}

/// `worklog migrate --to N [--yes]`. A move down that drops tables holding rows asks first
/// on a terminal (standard input and error both terminals: a typed `yes` goes ahead), and
/// otherwise needs `--yes`.
pub fn migrate(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    target: u32,
    yes: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    use std::io::IsTerminal;
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let mut confirm = |dropped: &[(String, i64)]| -> Result<()> {
        if yes {
            return Ok(());
        }
        let tables = dropped
            .iter()
            .map(|(t, n)| format!("{t} ({n} row{})", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(", ");
        if !interactive {
            bail!(
                "moving the schema down to version {target} would drop tables holding data: \
                 {tables}; run again with --yes to go ahead (a backup is taken first)"
            );
        }
        write!(
            err,
            "Moving the schema down to version {target} drops these tables and their rows:\n  \
             {tables}\nA backup is taken first, and kept. Type yes to go ahead: "
        )?;
        err.flush()?;
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if answer.trim() != "yes" {
            bail!("the schema was not changed");
        }
        Ok(())
    };
    let report = launch::migrate_to_with(dir, clock, target, &mut confirm)?;
    if let Some(b) = &report.backup {
        writeln!(out, "backed up first to {}", shown(&b.path))?;
        warn_all(err, &b.warnings)?;
    }
    if !report.dropped.is_empty()
        && let Some(b) = &report.backup
    {
        writeln!(
            out,
            "{} and every older backup are kept until you restore one or run \
             `worklog backup --accept-shrink`",
            shown(&b.path)
        )?;
    }
    if report.from == report.to {
        writeln!(out, "the schema is already at version {}", report.to)?;
    } else {
        writeln!(
            out,
            "moved the schema from version {} to {}",
            report.from, report.to
        )?;
    }
    Ok(())
}
