//! What every start does before the database is used (the TUI, and every command that opens
//! the database):
//!
//! 1. create the data directory and `backups/` (0700 when worklog creates them; an existing
//!    directory is never chmodded, only warned about if others can read or write it), and
//!    remove temporary files left by backups whose process is gone;
//! 2. take the data directory's lock (`worklog.lock`), so that two first launches of a new
//!    version cannot both back up and migrate: the second waits, then finds the schema
//!    already moved;
//! 3. refuse to start an empty database when the file is missing, empty (0 bytes) or not a
//!    database while backups exist, or when a leftover `-wal` could be replayed into it;
//! 4. open it (a database from a newer worklog is refused, untouched);
//! 5. if migrations are pending and the database holds data, take a verified `pre-migrate`
//!    backup (if that fails, nothing is migrated);
//! 6. migrate, and let go of the lock;
//! 7. take today's backup if there is none ([`crate::backup::daily_if_missing`]); a failure
//!    here is a warning, never a reason not to start.
//!
//! [`open`] does 1–6; the TUI runs step 7 on a background thread. [`launch`] does all seven,
//! for commands, and gathers the warnings every command prints: an open data directory, a
//! failed backup, and a suspected data loss (see `crate::backup`), on every launch until the
//! user restores or accepts it.
//!
//! # Who waits for the daily backup
//!
//! At a million rows the daily backup takes seconds, and the first command of the day is
//! often a one-line `worklog add task`. So with [`Daily::Detach`] (quick capture, `done`,
//! `today`, `search`, `export`, `report`) step 7 hands the backup to a detached process,
//! `worklog __daily-backup`, in its own session with its standard streams on /dev/null: the
//! command answers at once, and a closing terminal does not stop the backup. It takes the
//! backup by the same rules, under a lock that keeps two from running at once
//! ([`crate::backup::DailyLock`]), and records a failure or a warning for the next command,
//! which prints it once ([`crate::backup::take_daily_outcome`]). Commands where waiting is
//! right take it in-process ([`Daily::Wait`]): `check` (which then reports on the backups,
//! today's included), `import`, and the ones that back up anyway (`backup`, `restore`,
//! `migrate`). `WORKLOG_DAILY_BACKUP=wait` makes every command wait, for scripts that want
//! the backup done before they go on.

use crate::backup::{self, BackupReport, DbFile, Reason};
use crate::clock::Clock;
use crate::db::{Repo, migrate};
use crate::paths::{DataDir, with_path};
use anyhow::{Context, Result, anyhow, bail};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An opened, migrated database and how the daily backup went.
pub struct Launched {
    pub repo: Repo,
    /// Today's backup, if this start took it.
    pub backup: Option<BackupReport>,
    /// For the user, one line each: the data directory is open to others, the daily backup
    /// failed or found something worth a look, a suspected data loss is on record.
    pub warnings: Vec<String>,
}

/// How a command takes today's backup (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Daily {
    /// In this process, before the command goes on.
    Wait,
    /// In a detached `worklog __daily-backup` process; the command goes on at once.
    Detach,
}

impl Daily {
    /// `self`, unless `WORKLOG_DAILY_BACKUP=wait` asks every command to wait.
    fn chosen(self) -> Daily {
        match std::env::var("WORKLOG_DAILY_BACKUP") {
            Ok(v) if v == "wait" => Daily::Wait,
            _ => self,
        }
    }
}

/// The hidden subcommand that takes the daily backup in a detached process.
pub const DAILY_BACKUP_COMMAND: &str = "__daily-backup";

/// Steps 1–7: opens and migrates, then takes today's backup if missing (or has it taken).
pub fn launch(dir: &DataDir, clock: Arc<dyn Clock>, daily: Daily) -> Result<Launched> {
    let mut launched = start(dir, clock.clone())?;
    let mut daily = daily.chosen();
    if daily == Daily::Detach
        && !backup::has_todays(dir, clock.today())
        && spawn_daily(dir).is_err()
    {
        // No background process (the binary was replaced meanwhile, no process left to
        // start): better a wait than a day without a backup.
        daily = Daily::Wait;
    }
    if daily == Daily::Wait {
        match backup::daily_if_missing(dir, &*clock) {
            Ok(Some(report)) => {
                launched.warnings.extend(report.warnings.iter().cloned());
                launched.backup = Some(report);
            }
            Ok(None) => {}
            Err(e) => launched.warnings.push(format!("{e:#}")),
        }
    }
    add_shrink_warning(dir, &mut launched.warnings);
    Ok(launched)
}

/// Starts `worklog __daily-backup` on `dir`, detached: standard streams on /dev/null, and it
/// makes its own session first thing ([`detach_session`]). Not waited for.
fn spawn_daily(dir: &DataDir) -> Result<()> {
    use std::process::{Command, Stdio};
    let exe = std::env::current_exe().context("cannot find the worklog binary")?;
    let mut command = Command::new(exe);
    if let Some(server) = dir.server() {
        // In the environment, where other users cannot read it, not in the arguments.
        command.env("WORKLOG_DATABASE", &server.url);
        if let Some(schema) = &server.schema {
            command.env("WORKLOG_SCHEMA", schema);
        }
    }
    let child = command
        .arg(DAILY_BACKUP_COMMAND)
        .arg("--data-dir")
        .arg(dir.root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("cannot start the background backup")?;
    // Not waited for: once this process exits, init reaps it.
    drop(child);
    Ok(())
}

/// `worklog __daily-backup`: leaves the caller's session (so a terminal closing does not
/// hang it up), then takes today's backup if nobody else is ([`backup::daily_detached`]).
pub fn daily_backup_detached(dir: &DataDir, clock: Arc<dyn Clock>) -> Result<()> {
    detach_session();
    dir.create()
        .with_context(|| format!("cannot create the data directory {}", dir.root().display()))?;
    backup::daily_detached(dir, &*clock)?;
    Ok(())
}

/// Makes this process the leader of a new session, without a controlling terminal. Fails
/// only if it already leads a process group, which a spawned child does not.
fn detach_session() {
    let _ = nix::unistd::setsid();
}

/// Steps 1–6 with the warnings of a launch, but no daily backup: for `worklog backup`, which
/// takes its own. The suspected-loss warning is left to the caller.
pub fn start(dir: &DataDir, clock: Arc<dyn Clock>) -> Result<Launched> {
    let repo = open(dir, clock)?;
    let mut warnings = dir.permission_warnings();
    warnings.extend(backup::remove_leftover_temps(dir));
    warnings.extend(backup::take_daily_outcome(dir));
    Ok(Launched {
        repo,
        backup: None,
        warnings,
    })
}

/// Adds the suspected-loss line, once.
pub fn add_shrink_warning(dir: &DataDir, warnings: &mut Vec<String>) {
    let line = match backup::shrink(dir) {
        Ok(Some(marker)) => marker.message(dir),
        Ok(None) => return,
        Err(e) => format!("{e:#}"),
    };
    if !warnings.contains(&line) {
        warnings.push(line);
    }
}

/// Steps 1–6: the database ready to use, at the latest schema version.
pub fn open(dir: &DataDir, clock: Arc<dyn Clock>) -> Result<Repo> {
    let guard = lock(dir)?;
    let repo = open_unmigrated(dir, clock.clone())?;
    let latest = migrate::latest();
    // Read under the lock: another start may have migrated while this one waited.
    let version = repo
        .schema_version()
        .map_err(|e| opening_failed(&dir.database(), e))?;
    if version < latest {
        move_schema(dir, &repo, &*clock, latest)?;
    }
    drop(guard);
    Ok(repo)
}

/// A table a down-migration drops, and the rows it holds.
pub type DroppedTable = (String, i64);

/// What [`migrate_to`] did.
#[derive(Debug)]
pub struct MigrateReport {
    pub from: u32,
    pub to: u32,
    /// The backup taken first, if the database held data and the version changed.
    pub backup: Option<BackupReport>,
    /// Tables holding rows that the move dropped, with their rows (after the user's yes).
    pub dropped: Vec<DroppedTable>,
}

/// `worklog migrate --to N` with no questions asked: see [`migrate_to_with`].
pub fn migrate_to(dir: &DataDir, clock: Arc<dyn Clock>, target: u32) -> Result<MigrateReport> {
    migrate_to_with(dir, clock, target, &mut |_| Ok(()))
}

/// `worklog migrate --to N`: moves the schema up or down to `target`, backing up first if the
/// database holds data. When the steps would drop tables that hold rows, `confirm` is shown
/// them first and may refuse (an `Err` stops here, nothing changed). Dropping rows records a
/// suspected loss naming the pre-migrate backup, so that rotation keeps it and the backups
/// before it until the user restores or accepts.
pub fn migrate_to_with(
    dir: &DataDir,
    clock: Arc<dyn Clock>,
    target: u32,
    confirm: &mut dyn FnMut(&[DroppedTable]) -> Result<()>,
) -> Result<MigrateReport> {
    let latest = migrate::latest();
    if target > latest {
        bail!("schema version must be 0–{latest}, got {target}");
    }
    let guard = lock(dir)?;
    let repo = open_unmigrated(dir, clock.clone())?;
    let from = repo.schema_version()?;
    let dropped = repo.tables_dropped_by(target)?;
    if !dropped.is_empty() {
        confirm(&dropped)?;
    }
    let backup = if from == target {
        None
    } else {
        move_schema(dir, &repo, &*clock, target)?
    };
    let to = repo.schema_version()?;
    if let Some(saved) = backup.as_ref().filter(|_| !dropped.is_empty()) {
        let left = repo.row_counts().map(|c| c.total()).unwrap_or(0);
        let name = saved
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        backup::record_shrink(
            dir,
            backup::Shrink {
                last_good: name,
                last_good_rows: saved.rows,
                newest: format!("the database moved down to schema version {to}"),
                newest_rows: left,
                since: clock.now(),
            },
        )?;
    }
    drop(guard);
    Ok(MigrateReport {
        from,
        to,
        backup,
        dropped,
    })
}

/// Steps 1–2: creates the data directory and takes its lock, held until the file is dropped.
/// Anything that replaces or reshapes the database (restore, migrate) holds it, so that it
/// never interleaves with another start's check-backup-migrate.
pub fn lock(dir: &DataDir) -> Result<File> {
    dir.create()
        .with_context(|| format!("cannot create the data directory {}", dir.root().display()))?;
    let path = dir.lock_file();
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&path)
        .map_err(|e| with_path(e, &path))?;
    file.lock().map_err(|e| with_path(e, &path))?;
    Ok(file)
}

/// Steps 3–4.
fn open_unmigrated(dir: &DataDir, clock: Arc<dyn Clock>) -> Result<Repo> {
    if let Some(server) = dir.server() {
        return Repo::open_server(&server.url, server.schema.as_deref(), clock)
            .map_err(|e| anyhow!("cannot open the database: {e}"));
    }
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

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Errors if starting would put an empty database in place of the user's data:
/// - the file is missing, empty (0 bytes) or not a database (no SQLite header) while backups
///   exist: the data is in the backups, and rotation would soon replace them with empty ones;
/// - the file is missing or empty while a non-empty `-wal` is beside it: SQLite would replay
///   that stale log into the new file.
///
/// The message names leftover `-wal`/`-shm` files, which belong to the lost database.
pub fn refuse_missing_database(dir: &DataDir) -> Result<()> {
    let db = dir.database();
    let state = backup::db_file(&db);
    if state == DbFile::Sqlite {
        return Ok(());
    }
    let what = match state {
        DbFile::Missing => "is missing".to_string(),
        _ => format!(
            "is empty or not a database ({})",
            backup::human_size(std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0))
        ),
    };
    let (wal, shm) = (side(&db, "-wal"), side(&db, "-shm"));
    let wal_len = std::fs::metadata(&wal).map(|m| m.len()).ok();
    let leftovers: Vec<String> = [
        wal_len.map(|n| format!("{} ({})", wal.display(), backup::human_size(n))),
        shm.exists().then(|| shm.display().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let leftover_note = if leftovers.is_empty() {
        String::new()
    } else {
        format!(
            "; leftover {} from the old database {} beside it: do not delete {}",
            leftovers.join(" and "),
            if leftovers.len() == 1 { "is" } else { "are" },
            if leftovers.len() == 1 { "it" } else { "them" },
        )
    };
    let backups = backup::list(dir)?;
    if let Some(newest) = backups.first() {
        // After a suspected loss the newest backup may be the empty one: point at the last
        // good backup instead.
        let (which, name) = match backup::shrink(dir) {
            Ok(Some(marker)) => ("last good", marker.last_good),
            _ => ("newest", newest.file_name()),
        };
        bail!(
            "the database {} {what} but {} backup{} exist in {} ({which} {name}){leftover_note}; \
             run `worklog restore {}` to bring it back",
            db.display(),
            backups.len(),
            if backups.len() == 1 { "" } else { "s" },
            dir.backups().display(),
            backup::restore_argument(dir, &name)
        );
    }
    if let Some(wal_len) = wal_len.filter(|n| *n > 0) {
        bail!(
            "the database {} {what} but its write-ahead log {} ({}) is still there and may \
             hold your latest changes; worklog will not start a new database over it: put the \
             database file back, or move {} and {} aside to start afresh",
            db.display(),
            wal.display(),
            backup::human_size(wal_len),
            wal.display(),
            shm.display()
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

/// For commands that only read (`today`, `search`, `export`, `report`, `check`): [`launch`]
/// when the data directory and the database can be written. When they cannot (a read-only
/// file system, a read-only database file), the database is opened read-only instead:
/// nothing is created, migrated or backed up, and a one-line note says that today's backup
/// was skipped. A database that needs a migration cannot be read this way: that is an error.
pub fn launch_read_only(dir: &DataDir, clock: Arc<dyn Clock>, daily: Daily) -> Result<Launched> {
    if is_writable(dir) {
        return launch(dir, clock, daily);
    }
    let path = dir.database();
    refuse_missing_database(dir)?;
    if !path.exists() {
        bail!(
            "the data directory {} is read-only and holds no database ({}): nothing to read",
            dir.root().display(),
            path.display()
        );
    }
    let repo = Repo::open_read_only(&path, clock.clone()).map_err(|e| opening_failed(&path, e))?;
    let version = repo
        .schema_version()
        .map_err(|e| opening_failed(&path, e))?;
    let latest = migrate::latest();
    if version < latest {
        bail!(
            "the database {} is at schema version {version} and this worklog needs version \
             {latest}, but it is read-only: let worklog write to it once to migrate it (it \
             takes a backup first)",
            path.display()
        );
    }
    let has_todays = backup::has_todays(dir, clock.today());
    let mut warnings = dir.permission_warnings();
    if !has_todays {
        warnings.push(format!(
            "the data directory {} is read-only: skipped today's backup",
            dir.root().display()
        ));
    }
    add_shrink_warning(dir, &mut warnings);
    Ok(Launched {
        repo,
        backup: None,
        warnings,
    })
}

/// True unless the data directory exists and cannot be written, or the database exists and
/// cannot be opened for writing. A directory not made yet counts as writable: making it is
/// the first step of [`launch`], which says why if that fails. Leaves nothing behind.
pub fn is_writable(dir: &DataDir) -> bool {
    let root = dir.root();
    if !root.exists() {
        return true;
    }
    let db = dir.database();
    let file_ok = !db.exists() || std::fs::OpenOptions::new().write(true).open(&db).is_ok();
    file_ok && tempfile::tempfile_in(root).is_ok()
}
