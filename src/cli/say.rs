//! How much a command says, and whether it colours: `-q`, `-v` and `--color`, set once by
//! `main` before the command runs and read wherever output is written.
//!
//! - `-q` silences confirmations ("added task 12", "backed up to …"): what cron would mail.
//!   Data a command was asked for (`list`, `today`, `export` to stdout…), warnings and errors
//!   are still written.
//! - `-v` explains on standard error what the launch routine did before the command: the
//!   database opened or created, a migration and the backup taken first, today's backup
//!   (taken, already there, or handed to the background process) and the old backups
//!   rotation deleted.
//! - `--color auto|always|never`: `auto` colours a terminal unless `NO_COLOR` is set (to
//!   anything but empty); `CLICOLOR_FORCE` (anything but empty or `0`) colours a pipe too.
//!   `always` and `never` win over both.

use super::warn;
use crate::backup;
use crate::clock::Clock;
use crate::launch::{self, Daily, Launched};
use crate::paths::DataDir;
use crate::text::sanitize;
use anyhow::Result;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// How much to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verbosity {
    Quiet,
    #[default]
    Normal,
    Verbose,
}

static COLOR: AtomicU8 = AtomicU8::new(0);
static VERBOSITY: AtomicU8 = AtomicU8::new(1);

/// Sets both for the rest of the process (`main`, once).
pub fn set(color: ColorChoice, verbosity: Verbosity) {
    COLOR.store(color as u8, Ordering::Relaxed);
    VERBOSITY.store(verbosity as u8, Ordering::Relaxed);
}

fn verbosity() -> Verbosity {
    match VERBOSITY.load(Ordering::Relaxed) {
        0 => Verbosity::Quiet,
        2 => Verbosity::Verbose,
        _ => Verbosity::Normal,
    }
}

pub fn quiet() -> bool {
    verbosity() == Verbosity::Quiet
}

pub fn verbose() -> bool {
    verbosity() == Verbosity::Verbose
}

/// Whether output to a stream (a terminal or not) is coloured.
pub fn colour(is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match COLOR.load(Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => false,
        _ => set("CLICOLOR_FORCE") || is_terminal,
    }
}

/// `--color` as typed anywhere on a command line, for a usage error, which comes before the
/// line is parsed. The last one counts; a bad value is clap's to report.
pub fn color_in_args(args: &[std::ffi::OsString]) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut iter = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = iter.next() {
        if a == "--" {
            break;
        }
        let value = if a == "--color" {
            iter.next().map(|v| v.into_owned())
        } else {
            a.strip_prefix("--color=").map(str::to_string)
        };
        match value.as_deref() {
            Some("always") => choice = ColorChoice::Always,
            Some("never") => choice = ColorChoice::Never,
            Some("auto") => choice = ColorChoice::Auto,
            _ => {}
        }
    }
    choice
}

/// What the data directory looked like before a launch, to say afterwards what it did.
struct Before {
    database: bool,
    version: Option<u32>,
    backups: Vec<String>,
    has_todays: bool,
}

fn before(dir: &DataDir, clock: &Arc<dyn Clock>) -> Before {
    let path = dir.database();
    let database = std::fs::metadata(&path).is_ok_and(|m| m.len() > 0);
    let version = database
        .then(|| crate::db::Repo::open_read_only(&path, clock.clone()).ok())
        .flatten()
        .and_then(|r| r.schema_version().ok());
    Before {
        database,
        version,
        backups: names(dir),
        has_todays: backup::has_todays(dir, clock.today()),
    }
}

fn names(dir: &DataDir) -> Vec<String> {
    backup::list(dir)
        .map(|l| l.iter().map(|b| b.file_name()).collect())
        .unwrap_or_default()
}

/// Opens the database as every command does: [`launch::launch`], or with `read_only`
/// [`launch::launch_read_only`]. Prints the launch's warnings, and with `-v` what it did.
pub fn launch(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    daily: Daily,
    read_only: bool,
    err: &mut dyn Write,
) -> Result<Launched> {
    let launched = launch_explained(dir, clock, daily, read_only, err)?;
    for w in &launched.warnings {
        warn(err, w)?;
    }
    Ok(launched)
}

/// As [`launch`], leaving the warnings to the caller (`check` reports some of them itself).
pub fn launch_explained(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    daily: Daily,
    read_only: bool,
    err: &mut dyn Write,
) -> Result<Launched> {
    explained(dir, clock.clone(), daily, err, || {
        if read_only {
            launch::launch_read_only(dir, clock, daily)
        } else {
            launch::launch(dir, clock, daily)
        }
    })
}

/// Runs `open` (one of the launch functions) and, with `-v`, says what it did.
pub fn explained(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    daily: Daily,
    err: &mut dyn Write,
    open: impl FnOnce() -> Result<Launched>,
) -> Result<Launched> {
    let was = verbose().then(|| before(dir, &clock));
    let launched = open()?;
    if let Some(was) = was {
        explain(dir, &clock, &was, &launched, daily, err)?;
    }
    Ok(launched)
}

fn explain(
    dir: &DataDir,
    clock: &Arc<dyn Clock>,
    was: &Before,
    launched: &Launched,
    daily: Daily,
    err: &mut dyn Write,
) -> Result<()> {
    let mut say = |line: String| writeln!(err, "worklog: {}", sanitize(&line));
    let path = dir.database().display().to_string();
    let now = launched.repo.schema_version()?;
    match (was.database, was.version) {
        (false, _) => say(format!(
            "created the database {path} (schema version {now})"
        ))?,
        (true, Some(v)) if v < now => say(format!(
            "opened {path}; migrated the schema from version {v} to {now}"
        ))?,
        (true, Some(_)) => say(format!(
            "opened {path} (schema version {now}); no migration needed"
        ))?,
        (true, None) => say(format!("opened {path} (schema version {now})"))?,
    }
    let after = names(dir);
    for new in after.iter().filter(|n| !was.backups.contains(n)) {
        let why = if new.contains("pre-migrate") {
            "before migrating"
        } else {
            "today's backup"
        };
        say(format!(
            "backed up ({why}) to {}",
            dir.backups().join(new).display()
        ))?;
    }
    if let Some(b) = &launched.backup {
        say(format!(
            "today's backup: {} rows, verified, in {} ms",
            b.rows,
            b.duration.as_millis()
        ))?;
    } else if was.has_todays {
        say("today's backup was already taken".into())?;
    } else if after.iter().any(|n| !was.backups.contains(n)) {
        say("that backup is today's: no other was needed".into())?;
    } else if !launch::is_writable(dir) {
        // The launch's own warning says that it was skipped.
    } else if backup::has_todays(dir, clock.today()) {
        say("today's backup was taken by another worklog meanwhile".into())?;
    } else if daily == Daily::Detach {
        say(
            "today's backup is being taken by a background process (worklog __daily-backup), \
             which rotates old backups after it; a failure is reported by the next command"
                .into(),
        )?;
    }
    let gone: Vec<&String> = was.backups.iter().filter(|n| !after.contains(n)).collect();
    if !gone.is_empty() {
        // The newest few by name; the rest counted.
        const NAMED: usize = 5;
        let mut list: Vec<&str> = gone.iter().take(NAMED).map(|s| s.as_str()).collect();
        let more = gone.len().saturating_sub(NAMED).to_string();
        if gone.len() > NAMED {
            list.push("and");
            list.push(&more);
            list.push("more");
        }
        say(format!(
            "rotated: deleted {} old backup{}: {}",
            gone.len(),
            if gone.len() == 1 { "" } else { "s" },
            list.join(", ")
                .replace(", and, ", ", and ")
                .replace(", more", " more")
        ))?;
    } else if after.iter().any(|n| !was.backups.contains(n)) {
        say("rotated: no old backup was due for deletion".into())?;
    }
    Ok(())
}
