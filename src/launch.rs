//! What every start does before the database is used (the TUI, and every command that opens
//! the database):
//!
//! 1. create the data directory (0700) and `backups/`;
//! 2. refuse to start an empty database when the file is missing but backups exist;
//! 3. open it (a database from a newer worklog is refused, untouched);
//! 4. if migrations are pending and the database holds data, take a verified `pre-migrate`
//!    backup (if that fails, nothing is migrated);
//! 5. migrate;
//! 6. take today's backup if there is none ([`crate::backup::daily_if_missing`]); a failure
//!    here is a warning, never a reason not to start.
//!
//! [`open`] does 1–5; the TUI runs step 6 on a background thread. [`launch`] does all six,
//! for commands.

use crate::backup::{self, BackupReport, Reason};
use crate::clock::Clock;
use crate::db::{Repo, migrate};
use crate::paths::DataDir;
use anyhow::{Context, Result, anyhow, bail};
use std::sync::Arc;

/// An opened, migrated database and how the daily backup went.
pub struct Launched {
    pub repo: Repo,
    /// Today's backup, if this start took it.
    pub backup: Option<BackupReport>,
    /// For the user: the daily backup failed, or succeeded with something worth a look.
    pub warnings: Vec<String>,
}

/// Steps 1–6: opens and migrates, then takes today's backup if missing.
pub fn launch(dir: &DataDir, clock: Arc<dyn Clock>) -> Result<Launched> {
    let repo = open(dir, clock.clone())?;
    let (backup, warnings) = match backup::daily_if_missing(dir, &*clock) {
        Ok(Some(report)) => {
            let warnings = report.warnings.clone();
            (Some(report), warnings)
        }
        Ok(None) => (None, Vec::new()),
        Err(e) => (None, vec![format!("{e:#}")]),
    };
    Ok(Launched {
        repo,
        backup,
        warnings,
    })
}

/// Steps 1–5: the database ready to use, at the latest schema version.
pub fn open(dir: &DataDir, clock: Arc<dyn Clock>) -> Result<Repo> {
    let repo = open_unmigrated(dir, clock.clone())?;
    let latest = migrate::latest();
    let version = repo
        .schema_version()
        .map_err(|e| opening_failed(&dir.database(), e))?;
    if version < latest {
        move_schema(dir, &repo, &*clock, latest)?;
    }
    Ok(repo)
}

/// What [`migrate_to`] did.
#[derive(Debug)]
pub struct MigrateReport {
    pub from: u32,
    pub to: u32,
    /// The backup taken first, if the database held data and the version changed.
    pub backup: Option<BackupReport>,
}

/// `worklog migrate --to N`: moves the schema up or down to `target`, backing up first if the
/// database holds data.
pub fn migrate_to(dir: &DataDir, clock: Arc<dyn Clock>, target: u32) -> Result<MigrateReport> {
    let latest = migrate::latest();
    if target > latest {
        bail!("schema version must be 0–{latest}, got {target}");
    }
    let repo = open_unmigrated(dir, clock.clone())?;
    let from = repo.schema_version()?;
    let backup = if from == target {
        None
    } else {
        move_schema(dir, &repo, &*clock, target)?
    };
    Ok(MigrateReport {
        from,
        to: repo.schema_version()?,
        backup,
    })
}

/// Steps 1–3.
fn open_unmigrated(dir: &DataDir, clock: Arc<dyn Clock>) -> Result<Repo> {
    dir.create()
        .with_context(|| format!("cannot create the data directory {}", dir.root().display()))?;
    refuse_missing_database(dir)?;
    let path = dir.database();
    Repo::open(&path, clock).map_err(|e| opening_failed(&path, e))
}

/// The one-line message for a database that cannot be opened or brought up to date; a damaged
/// one points at `worklog restore`.
fn opening_failed(path: &std::path::Path, e: crate::db::Error) -> anyhow::Error {
    match e {
        crate::db::Error::Corrupt(_) => anyhow!(
            "cannot open {}: {e}; bring back a backup with `worklog restore YYYY-MM-DD` \
             (see `worklog backup --list`)",
            path.display()
        ),
        e => anyhow!("cannot open {}: {e}", path.display()),
    }
}

/// Errors if the database file is missing while backups exist: starting an empty database
/// then would hide the user's data behind a fresh, empty one.
pub fn refuse_missing_database(dir: &DataDir) -> Result<()> {
    let db = dir.database();
    if db.exists() {
        return Ok(());
    }
    let backups = backup::list(dir)?;
    if let Some(newest) = backups.first() {
        bail!(
            "the database {} is missing but {} backup{} exist in {} (newest {}); \
             run `worklog restore {}` to bring it back",
            db.display(),
            backups.len(),
            if backups.len() == 1 { "" } else { "s" },
            dir.backups().display(),
            newest.file_name(),
            newest.name.at.date()
        );
    }
    Ok(())
}

/// Backs up (if there is data) and then migrates to `target`. If the backup fails, nothing is
/// migrated: the backup is what makes a failed or regretted migration recoverable.
fn move_schema(
    dir: &DataDir,
    repo: &Repo,
    clock: &dyn Clock,
    target: u32,
) -> Result<Option<BackupReport>> {
    let from = repo.schema_version()?;
    let has_data = repo
        .has_data()
        .map_err(|e| opening_failed(&dir.database(), e))?;
    let backup = if has_data {
        let report = backup::take(dir, clock, Reason::PreMigrate).map_err(|e| {
            anyhow!("{e:#}; the schema was not changed (still version {from}); free space or fix the backups directory and try again")
        })?;
        Some(report)
    } else {
        None
    };
    crate::fault::point("migrate.backed-up")?;
    repo.migrate_to(target).map_err(|e| {
        anyhow!(
            "moving the schema from version {from} to {target} failed: {e}{}",
            match &backup {
                Some(b) => format!("; a backup from before is at {}", b.path.display()),
                None => String::new(),
            }
        )
    })?;
    Ok(backup)
}
