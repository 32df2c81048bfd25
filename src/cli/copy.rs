//! `worklog copy --to TARGET`: see [`crate::copy`].

use crate::clock::Clock;
use crate::db::Repo;
use crate::launch;
use crate::paths::DataDir;
use anyhow::{Result, bail};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Where a copy goes, as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A PostgreSQL server (`postgresql://`), in the schema of `WORKLOG_SCHEMA` or the URL.
    Server(String),
    /// A SQLite file: a `.db` path, or a data directory's `worklog.db`.
    File(PathBuf),
}

impl Target {
    pub fn parse(text: &str) -> Target {
        if crate::db::sql::pg::is_url(text) {
            return Target::Server(text.to_string());
        }
        let path = Path::new(text);
        if path.extension().is_some_and(|e| e == "db") {
            Target::File(path.to_path_buf())
        } else {
            Target::File(DataDir::new(path).database())
        }
    }
}

/// Opens the target, creating (a file, its folder) or migrating as needed.
fn open_target(target: &Target, clock: Arc<dyn Clock>) -> Result<Repo> {
    Ok(match target {
        Target::Server(url) => {
            let schema = std::env::var("WORKLOG_SCHEMA").ok();
            Repo::open_server_migrated(url, schema.as_deref(), clock)?
        }
        Target::File(path) => {
            if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                crate::paths::create_private_dir(folder)?;
            }
            Repo::open_migrated(path, clock)?
        }
    })
}

/// Rows copied of the total, on one line of standard error, at most ten times a second.
struct Progress {
    shown: Option<Instant>,
    on: bool,
}

impl Progress {
    fn show(&mut self, done: u64, total: u64) {
        if !self.on {
            return;
        }
        let due = self
            .shown
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
        if due || done == total {
            self.shown = Some(Instant::now());
            let percent = (done * 100).checked_div(total).unwrap_or(100);
            eprint!("\rworklog: copying: {done} of {total} rows ({percent}%)\x1b[K");
        }
    }
}

pub fn copy(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    to: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let target = Target::parse(to);
    if let Target::File(path) = &target
        && (path == &dir.database()
            || path.canonicalize().ok().is_some_and(|p| {
                dir.database()
                    .canonicalize()
                    .is_ok_and(|source| source == p)
            }))
    {
        bail!("the target is the database being copied");
    }
    let launched =
        super::say::launch_explained(dir, clock.clone(), launch::Daily::Wait, false, err)?;
    super::admin::warn_all(err, &launched.warnings)?;
    let source = launched.repo;
    let target_repo = open_target(&target, clock)?;
    if target_repo.has_data()? {
        bail!(
            "{} already holds data; copy goes only into an empty database",
            target_repo.path().display()
        );
    }
    // The attachments' files first, so that no row arrives without its file.
    let target_store = match &target {
        Target::Server(_) => None,
        Target::File(path) => Some(crate::attachments::Store::of(&DataDir::new(
            path.parent().unwrap_or(Path::new(".")),
        ))),
    };
    crate::attachments::copy_files(dir, &source, &target_repo, target_store.as_ref())?;
    let mut progress = Progress {
        shown: None,
        on: std::io::stderr().is_terminal(),
    };
    let copied = crate::copy::copy(&source, &target_repo, &mut |done, total| {
        progress.show(done, total)
    });
    if progress.on && progress.shown.is_some() {
        eprintln!();
    }
    let copied = copied?;
    writeln!(
        out,
        "copied {} rows in {} tables to {}",
        copied.rows(),
        copied.source.counts.len(),
        crate::text::sanitize(&target_repo.path().display().to_string())
    )?;
    writeln!(out, "{:<20} {:>10} {:>10}", "table", "source", "target")?;
    for ((table, here), (_, there)) in copied.source.counts.iter().zip(&copied.target.counts) {
        writeln!(out, "{table:<20} {here:>10} {there:>10}")?;
    }
    writeln!(out, "checksum source {}", copied.source.checksum)?;
    writeln!(out, "checksum target {}", copied.target.checksum)?;
    writeln!(
        out,
        "the copy is complete: row counts and checksums are equal"
    )?;
    Ok(())
}
