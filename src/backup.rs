//! Verified backups of the database, their names, rotation, and restoring one.
//!
//! A backup is a consistent snapshot taken with `VACUUM INTO` (never a file copy, which can
//! tear against a writer) into a private temporary file inside `backups/`. The file is taken
//! out of WAL mode, synced, opened read-only and passed through `PRAGMA integrity_check`, and
//! only then renamed to its final name and the directory synced. Old backups are rotated only
//! after the new one is verified, and a failed backup deletes nothing and leaves no temporary
//! file behind.
//!
//! Names are `worklog-YYYY-MM-DDTHHMMSS-REASON.db` (local time from the injected clock), with
//! `-2`, `-3`, ... before `.db` if a name is already taken. Files whose names do not parse are
//! never touched.
//!
//! # Suspected loss ("shrink")
//!
//! Rotation alone would happily replace a month of good backups with a week of empty ones
//! (a truncated file, a down-migration, a bug). So every new backup's user rows (the snapshot
//! row counts, which leave the derived search index out) are compared with a reference: the
//! previous newest backup, or the accepted baseline (below) if there is one. Fewer than half
//! is a suspected loss, recorded as a marker file `backups/shrink.json` (a name that never
//! parses as a backup) naming the last good backup, its rows and the new rows. A down-
//! migration that drops tables holding rows records the same marker, naming its pre-migrate
//! backup. While the marker exists:
//! - rotation keeps every backup up to and including the last good one (a second shrink
//!   moves that point to the newer last good backup, never back);
//! - every launch warns (`crate::launch::Launched::warnings`), `worklog check` says so, and the
//!   TUI's status line shows it.
//!
//! The marker is cleared only by the user: `worklog backup --accept-shrink` ([`accept_shrink`]:
//! a backup taken as usual, with no comparison, after which the marker goes), or a restore
//! ([`clear_shrink`], which the restore calls once the copy is in place).
//!
//! # Accepted baseline
//!
//! After a restore the user chose, the database may well hold far fewer rows than the newest
//! backup (the pre-restore one): that is what they asked for, not a loss. [`clear_shrink`]
//! therefore also writes `backups/baseline.json` with the restored database's row count, and
//! the next backup compares against it instead of the previous backup. The next successful
//! backup consumes the baseline; from then on backups compare with each other again. Until
//! then the backup restored from (if it is in `backups/`) is the only copy of what the user
//! chose besides the live file, so the baseline names it and rotation keeps it.
//!
//! # What else is kept, and the space it needs
//!
//! `pre-migrate` and `pre-restore` backups are kept for at least [`KEEP_SAFETY_DAYS`] days,
//! whatever the daily and weekly rules say. A backup is skipped (an error, which a launch
//! shows as a warning) when it would leave less free space in `backups/` than the database
//! and its WAL take up plus [`SPACE_MARGIN`], so the user's next write still has room.
//!
//! # The daily backup
//!
//! Today's backup is taken by [`daily_if_missing`] (in-process: the app's background thread,
//! `check`, `import`) or by [`daily_detached`] (`worklog __daily-backup`, the detached process
//! quick commands start; see `crate::launch`). Both hold the [`DailyLock`] (`daily-backup.lock`
//! in the data directory, removed when done), so two never run at once: the detached one
//! leaves if it is taken, the others wait, and both look again for today's backup once they
//! hold it. Rotation afterwards runs under the launch lock, which a restore holds throughout.
//! The detached one has nobody to tell, so a failure or a warning goes into
//! `backups/daily-outcome.json`, which the next start reports once and removes
//! ([`take_daily_outcome`]).
//!
//! Temporary files are named `.worklog-tmp-PID-...`: a start removes those whose process is
//! gone (or, whatever the pid says, that are older than an hour), and a command-line run
//! interrupted by a signal removes its own (`crate::paths::remove_temps_on_signal`).

use crate::clock::Clock;
use crate::db::snapshot::{self, FileCheck};
use crate::paths::{self, DataDir, with_path};
use anyhow::{Context, Result, anyhow, bail};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// Rotation: the newest backup of each of this many most recent days that have one...
pub const KEEP_DAILY: usize = 7;
/// ...and of each of this many most recent ISO weeks that have one...
pub const KEEP_WEEKLY: usize = 4;
/// ...and this many newest backups whatever their dates.
pub const KEEP_LAST: usize = 3;

/// `pre-migrate` and `pre-restore` backups are kept at least this many days.
pub const KEEP_SAFETY_DAYS: i64 = 30;
/// Free space a backup must leave beyond the size of the database and its WAL.
pub const SPACE_MARGIN: u64 = 64 * 1024 * 1024;

/// The suspected-loss marker and the accepted baseline, in `backups/`.
const SHRINK_FILE: &str = "shrink.json";
const BASELINE_FILE: &str = "baseline.json";
/// What a detached daily backup left for the next command to report, in `backups/`.
const OUTCOME_FILE: &str = "daily-outcome.json";
const NAME_TIME: &str = "%Y-%m-%dT%H%M%S";

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The first start of the day.
    Daily,
    /// `worklog backup`.
    Manual,
    /// Before the schema is migrated.
    PreMigrate,
    /// Before `worklog restore` replaces the database.
    PreRestore,
}

impl Reason {
    pub const ALL: [Reason; 4] = [
        Reason::Daily,
        Reason::Manual,
        Reason::PreMigrate,
        Reason::PreRestore,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::Manual => "manual",
            Reason::PreMigrate => "pre-migrate",
            Reason::PreRestore => "pre-restore",
        }
    }

    pub fn parse(s: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a backup's file name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupName {
    pub at: NaiveDateTime,
    pub reason: Reason,
    /// 1 for the plain name, 2.. for `-2`, ... when the plain name was taken.
    pub seq: u32,
}

impl BackupName {
    /// `worklog-2026-11-22T093000-daily.db`, or `...-daily-2.db` for `seq` 2.
    pub fn file_name(&self) -> String {
        let at = self.at.format(NAME_TIME);
        if self.seq <= 1 {
            format!("worklog-{at}-{}.db", self.reason)
        } else {
            format!("worklog-{at}-{}-{}.db", self.reason, self.seq)
        }
    }

    /// Parses a name made by [`BackupName::file_name`]; anything else is `None`.
    pub fn parse(name: &str) -> Option<BackupName> {
        let rest = name.strip_prefix("worklog-")?.strip_suffix(".db")?;
        let (time, rest) = rest.split_at_checked(17)?;
        let at = NaiveDateTime::parse_from_str(time, NAME_TIME).ok()?;
        let rest = rest.strip_prefix('-')?;
        let (reason, seq) = match Reason::parse(rest) {
            Some(reason) => (reason, 1),
            None => {
                let (reason, seq) = rest.rsplit_once('-')?;
                let valid_seq = !seq.is_empty()
                    && seq.bytes().all(|b| b.is_ascii_digit())
                    && !seq.starts_with('0');
                let seq: u32 = if valid_seq { seq.parse().ok()? } else { 0 };
                if seq < 2 {
                    return None;
                }
                (Reason::parse(reason)?, seq)
            }
        };
        let parsed = BackupName { at, reason, seq };
        // Only the exact canonical spelling counts (chrono accepts some variations).
        (parsed.file_name() == name).then_some(parsed)
    }
}

/// A backup file found in `backups/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub name: BackupName,
    pub size: u64,
}

impl BackupFile {
    pub fn file_name(&self) -> String {
        self.name.file_name()
    }
}

/// The result of taking a backup.
#[derive(Debug, Clone)]
pub struct BackupReport {
    pub path: PathBuf,
    pub size: u64,
    /// Rows in the backup, all tables together.
    pub rows: i64,
    pub duration: Duration,
    /// Things worth telling the user that did not stop the backup (it is much smaller than
    /// the previous one; an old backup could not be deleted).
    pub warnings: Vec<String>,
}

/// The backups in `backups/` whose names parse, newest first (ties: by name, descending).
/// A missing `backups/` has none.
pub fn list(dir: &DataDir) -> Result<Vec<BackupFile>> {
    let folder = dir.backups();
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(with_path(e, &folder).into()),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| with_path(e, &folder))?;
        let Some(name) = entry.file_name().to_str().and_then(BackupName::parse) else {
            continue;
        };
        let meta = match entry.metadata() {
            Ok(meta) if meta.is_file() => meta,
            _ => continue,
        };
        out.push(BackupFile {
            path: entry.path(),
            name,
            size: meta.len(),
        });
    }
    out.sort_by_key(|b| std::cmp::Reverse((b.name.at, b.file_name())));
    Ok(out)
}

/// Takes a verified backup now, then rotates old ones. On failure nothing is deleted and no
/// temporary file is left; the error says what went wrong.
pub fn take(dir: &DataDir, clock: &dyn Clock, reason: Reason) -> Result<BackupReport> {
    let mut report = take_unrotated(dir, clock, reason)?;
    report.warnings.extend(rotate(dir, clock.today()));
    Ok(report)
}

/// `worklog backup --accept-shrink`: takes a backup as usual but without the shrink
/// comparison, then clears the suspected-loss marker (and any baseline) and rotates. If the
/// backup fails, the marker stays.
pub fn accept_shrink(dir: &DataDir, clock: &dyn Clock) -> Result<BackupReport> {
    let db = dir.database();
    let mut report =
        take_inner(dir, &db, clock, Reason::Manual, Compare::No).with_context(|| {
            format!(
                "backup of {} failed; nothing was deleted",
                dir.database_shown()
            )
        })?;
    remove_state_file(dir, SHRINK_FILE)?;
    remove_state_file(dir, BASELINE_FILE)?;
    report.warnings.extend(rotate(dir, clock.today()));
    Ok(report)
}

/// Takes today's backup if there is no backup dated today by `clock`; runs rotation after
/// a new one. Opens its own connection, so it can run on a background thread while the
/// application uses the database. An `Err` is a failed backup: nothing was deleted, and the
/// application should show it as a warning and carry on.
///
/// Waits for a daily backup another process is taking (the [`DailyLock`]), then looks again,
/// so two are never taken at once and a day never gets two.
pub fn daily_if_missing(dir: &DataDir, clock: &dyn Clock) -> Result<Option<BackupReport>> {
    if has_todays(dir, clock.today()) {
        return Ok(None);
    }
    crate::fault::point("backup.daily-wait")?;
    let Some(_lock) = DailyLock::acquire(dir, true)? else {
        return Ok(None);
    };
    daily_under_lock(dir, clock)
}

/// True if `backups/` holds a backup dated `today` (any reason). Cheap: it lists file names.
pub fn has_todays(dir: &DataDir, today: NaiveDate) -> bool {
    list(dir).is_ok_and(|all| all.iter().any(|b| b.name.at.date() == today))
}

fn daily_under_lock(dir: &DataDir, clock: &dyn Clock) -> Result<Option<BackupReport>> {
    let today = clock.today();
    if list(dir)?.iter().any(|b| b.name.at.date() == today) {
        return Ok(None);
    }
    let mut report = take_unrotated(dir, clock, Reason::Daily)?;
    // Rotation under the launch lock: a restore holds it from start to end, so a daily
    // backup running beside it (in the background) never deletes the backup being restored.
    match crate::launch::lock(dir) {
        Ok(_guard) => report.warnings.extend(rotate(dir, today)),
        Err(e) => report
            .warnings
            .push(format!("old backups were not rotated: {e:#}")),
    }
    Ok(Some(report))
}

/// The body of `worklog __daily-backup`, the detached process a command hands today's backup
/// to so that it can answer at once. If another daily backup is running it simply returns.
/// Otherwise it takes the backup by the usual rules ([`daily_if_missing`]) and, if that failed
/// or left warnings, records them in the outcome file for the next command to report
/// ([`take_daily_outcome`]). Returns the lines recorded.
pub fn daily_detached(dir: &DataDir, clock: &dyn Clock) -> Result<Vec<String>> {
    let Some(lock) = DailyLock::acquire(dir, false)? else {
        return Ok(Vec::new());
    };
    let lines = match daily_under_lock(dir, clock) {
        Ok(Some(report)) => report.warnings,
        Ok(None) => Vec::new(),
        Err(e) => vec![format!("today's backup failed: {e:#}")],
    };
    if !lines.is_empty() {
        let outcome = DailyOutcome {
            at: clock.now(),
            lines: lines.clone(),
        };
        write_state(dir, OUTCOME_FILE, &outcome)?;
    }
    drop(lock);
    Ok(lines)
}

/// What a detached daily backup left for the next command to say.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DailyOutcome {
    at: NaiveDateTime,
    lines: Vec<String>,
}

/// The warnings a detached daily backup recorded (its failure, or what it found worth a look),
/// once: the file is claimed by renaming it to a temporary name first, so that of two commands
/// starting together only one reports it, and then removed. A file that cannot be read is
/// reported as such, and removed too.
pub fn take_daily_outcome(dir: &DataDir) -> Vec<String> {
    let path = dir.backups().join(OUTCOME_FILE);
    if !path.exists() {
        return Vec::new();
    }
    let claimed = dir
        .backups()
        .join(format!("{}outcome.json", paths::temp_prefix()));
    if fs::rename(&path, &claimed).is_err() {
        // Another command claimed it first (or it cannot be moved: it is left for later).
        return Vec::new();
    }
    let lines = match fs::read(&claimed)
        .map_err(anyhow::Error::from)
        .and_then(|b| serde_json::from_slice::<DailyOutcome>(&b).map_err(anyhow::Error::from))
    {
        Ok(outcome) => outcome
            .lines
            .into_iter()
            .map(|l| {
                format!(
                    "{l} (the daily backup of {})",
                    outcome.at.format("%Y-%m-%d %H:%M")
                )
            })
            .collect(),
        Err(e) => vec![format!(
            "the last daily backup's outcome ({}) cannot be read: {e:#}",
            path.display()
        )],
    };
    let _ = fs::remove_file(&claimed);
    lines
}

/// An exclusive lock on `daily-backup.lock` in the data directory, held while a daily backup
/// runs, so that two never run at once (a detached one, the app's, a command's). The file is
/// removed before the lock is let go, so nothing stays behind; whoever locks it checks that the
/// file it locked is still the one at the path (not one removed meanwhile), and tries again if
/// not.
pub struct DailyLock {
    file: File,
    path: PathBuf,
}

impl DailyLock {
    /// Takes the lock, waiting for it if `wait`; `None` if it is held and `wait` is false.
    pub fn acquire(dir: &DataDir, wait: bool) -> Result<Option<DailyLock>> {
        use std::os::unix::fs::MetadataExt;
        let path = dir.daily_lock_file();
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .mode(0o600)
                .open(&path)
                .map_err(|e| with_path(e, &path))?;
            if wait {
                file.lock().map_err(|e| with_path(e, &path))?;
            } else {
                match file.try_lock() {
                    Ok(()) => {}
                    Err(fs::TryLockError::WouldBlock) => return Ok(None),
                    Err(fs::TryLockError::Error(e)) => return Err(with_path(e, &path).into()),
                }
            }
            let held = file.metadata().map_err(|e| with_path(e, &path))?;
            match fs::metadata(&path) {
                Ok(now) if now.dev() == held.dev() && now.ino() == held.ino() => {
                    return Ok(Some(DailyLock { file, path }));
                }
                // Its holder finished and removed it while this one waited: lock the new one.
                _ => continue,
            }
        }
    }
}

impl Drop for DailyLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Takes a verified backup without rotating.
pub(crate) fn take_unrotated(
    dir: &DataDir,
    clock: &dyn Clock,
    reason: Reason,
) -> Result<BackupReport> {
    let db = dir.database();
    take_inner(dir, &db, clock, reason, Compare::Yes).with_context(|| {
        format!(
            "backup of {} failed; nothing was deleted",
            dir.database_shown()
        )
    })
}

/// A backup of a database on a PostgreSQL server: a SQLite file like any other backup, made by
/// copying every row into `dest` (empty) in one transaction, checked by the copy's counts and
/// checksum, then taken out of WAL mode. It opens offline with `--data-dir`.
/// The attachments' bytes go into the local store (`crate::attachments`), which the snapshot's
/// own `attachments` rows name: a restore puts them back on the server from there.
fn snapshot_server(dir: &DataDir, server: &paths::ServerAddress, dest: &Path) -> Result<()> {
    let clock: std::sync::Arc<dyn crate::clock::Clock> =
        std::sync::Arc::new(crate::clock::SystemClock);
    let source = crate::db::Repo::open_server(&server.url, server.schema.as_deref(), clock.clone())
        .map_err(|e| anyhow::anyhow!("cannot read the database on {server}: {e}"))?;
    // At the source's version (see `copy`): a backup taken before a migration is of the
    // schema before it.
    let target = crate::db::Repo::open(dest, clock)?;
    crate::copy::copy(&source, &target, &mut |_, _| {})?;
    drop(target);
    snapshot::make_self_contained(dest)?;
    crate::attachments::fetch_for_backup(dir, &source, dest)?;
    Ok(())
}

/// Whether a new backup is compared with the reference for a shrink.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compare {
    Yes,
    No,
}

/// What is at the database's path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbFile {
    Missing,
    /// 0 bytes, or too short or not starting with SQLite's header: nothing SQLite would read
    /// as the user's database, though it would happily start a new one in its place.
    EmptyOrForeign,
    /// Starts with SQLite's header.
    Sqlite,
}

/// Looks at the first bytes of the file at `path`.
pub fn db_file(path: &Path) -> DbFile {
    use std::io::Read;
    let mut head = [0u8; 16];
    match File::open(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => DbFile::Missing,
        // Unreadable: let SQLite report why.
        Err(_) => DbFile::Sqlite,
        Ok(mut f) => match f.read_exact(&mut head) {
            Ok(()) if &head == b"SQLite format 3\0" => DbFile::Sqlite,
            _ => DbFile::EmptyOrForeign,
        },
    }
}

fn take_inner(
    dir: &DataDir,
    db: &Path,
    clock: &dyn Clock,
    reason: Reason,
    compare: Compare,
) -> Result<BackupReport> {
    let started = Instant::now();
    if dir.server().is_none() {
        match db_file(db) {
            DbFile::Sqlite if db.is_file() => {}
            DbFile::EmptyOrForeign => {
                bail!(
                    "{} is empty or not a database; there is nothing to back up",
                    db.display()
                )
            }
            _ => bail!("there is no database file to back up"),
        }
    }
    let folder = dir.backups();
    if !folder.exists() {
        paths::create_private_dir(&folder)?;
    }
    let mut warnings = Vec::new();
    warnings.extend(paths::remove_stale_temps(&folder));
    if dir.server().is_none() {
        check_free_space(&folder, db)?;
    }
    let previous = list(dir)?.into_iter().next();

    let temp = TempFile::create(&folder)?;
    crate::fault::point("backup.temp").map_err(|e| with_path(e, temp.path()))?;
    match dir.server() {
        None => snapshot::snapshot_file(db, temp.path())?,
        Some(server) => snapshot_server(dir, server, temp.path())?,
    }
    crate::fault::point("backup.snapshot").map_err(|e| with_path(e, temp.path()))?;
    File::open(temp.path())
        .and_then(|f| f.sync_all())
        .map_err(|e| with_path(e, temp.path()))?;
    crate::fault::point("backup.synced").map_err(|e| with_path(e, temp.path()))?;
    let check = snapshot::check_file(temp.path())?;
    if let Some(first) = check.problems.first() {
        bail!("the new backup failed its integrity check: {first}");
    }
    if check.wal {
        bail!("the new backup is still in WAL mode");
    }
    let needs = crate::attachments::verify_new_backup_needs(dir, temp.path())?;
    fail_on_attachment_problems(&needs.problems, "the new backup")?;
    crate::fault::point("backup.verified").map_err(|e| with_path(e, temp.path()))?;

    let at = clock.now();
    crate::fault::point("backup.persist").map_err(|e| with_path(e, temp.path()))?;
    let path = temp.persist(&folder, at, reason)?;
    sync_dir(&folder)?;
    // What this verification hashed, for the next backup. Not written, the next one hashes
    // everything again: slower, never wrong, so not worth a warning.
    let _ = needs.hashed.save(dir);
    let size = fs::metadata(&path).map_err(|e| with_path(e, &path))?.len();
    let rows = check.counts.total();
    if compare == Compare::Yes {
        warnings.extend(judge_shrink(dir, &path, rows, previous.as_ref(), at));
    }
    Ok(BackupReport {
        path,
        size,
        rows,
        duration: started.elapsed(),
        warnings,
    })
}

/// Compares a new backup's rows with the baseline or the previous backup, records a marker
/// on a shrink, and consumes the baseline. Returns warnings.
fn judge_shrink(
    dir: &DataDir,
    new: &Path,
    rows: i64,
    previous: Option<&BackupFile>,
    at: NaiveDateTime,
) -> Vec<String> {
    let mut warnings = Vec::new();
    let baseline = match read_state::<Baseline>(dir, BASELINE_FILE) {
        Ok(b) => b,
        Err(e) => {
            warnings.push(format!("{e:#}"));
            None
        }
    };
    let reference = match (&baseline, previous) {
        (Some(b), _) => Some(b.rows),
        (None, Some(prev)) => match snapshot::file_row_counts(&prev.path) {
            Ok(counts) => Some(counts.total()),
            Err(e) => {
                warnings.push(format!(
                    "could not count the rows of {} to compare: {e}",
                    prev.file_name()
                ));
                None
            }
        },
        (None, None) => None,
    };
    if let (Some(reference), Some(prev)) = (reference, previous)
        && rows.saturating_mul(2) < reference
    {
        let newest = new
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let marker = Shrink {
            last_good: prev.file_name(),
            last_good_rows: reference,
            newest,
            newest_rows: rows,
            since: at,
        };
        match record_shrink(dir, marker) {
            Ok(recorded) => warnings.push(recorded.message(dir)),
            Err(e) => warnings.push(format!("{e:#}")),
        }
    }
    if baseline.is_some()
        && let Err(e) = remove_state_file(dir, BASELINE_FILE)
    {
        warnings.push(format!("{e:#}"));
    }
    warnings
}

/// The suspected-loss marker (`backups/shrink.json`); see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shrink {
    /// The newest backup from before the loss: it and every older backup are kept.
    pub last_good: String,
    /// The user rows it (or the accepted baseline it was compared with) held.
    pub last_good_rows: i64,
    /// The backup (or the event) that showed the loss.
    pub newest: String,
    pub newest_rows: i64,
    /// When the loss was first seen (local time).
    pub since: NaiveDateTime,
}

impl Shrink {
    /// One line for the user: what was seen, what is kept, and the two ways out.
    pub fn message(&self, dir: &DataDir) -> String {
        format!(
            "suspected data loss: {} holds {} rows where the backup {} held {}; every backup up \
             to that one is kept until you bring it back with `worklog restore {}` or \
             confirm the data as it is now with `worklog backup --accept-shrink`",
            self.newest,
            self.newest_rows,
            self.last_good,
            self.last_good_rows,
            restore_argument(dir, &self.last_good)
        )
    }
}

/// What to give `worklog restore` for the backup named `name`: its date when it is the newest
/// backup of that day (what a date means to restore), else its full path.
pub fn restore_argument(dir: &DataDir, name: &str) -> String {
    let path = dir.backups().join(name);
    match BackupName::parse(name) {
        Some(n)
            if newest_of_day(dir, n.at.date())
                .ok()
                .flatten()
                .is_some_and(|b| b.file_name() == name) =>
        {
            n.at.date().to_string()
        }
        _ => path.display().to_string(),
    }
}

/// The accepted baseline (`backups/baseline.json`); see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Baseline {
    rows: i64,
    /// The backup the database was restored from, when it is one of ours: rotation keeps it
    /// while the baseline stands, since until the next backup it is the only copy of what the
    /// user chose.
    #[serde(default)]
    restored_from: Option<String>,
}

/// The suspected-loss marker, if there is one. A marker that cannot be read is an error, so
/// that rotation deletes nothing rather than ignore it.
pub fn shrink(dir: &DataDir) -> Result<Option<Shrink>> {
    read_state(dir, SHRINK_FILE)
}

/// Records a suspected loss. If a marker exists, the one kept names the newer of the two last
/// good backups (so protection only ever grows) and the first `since`. Returns the marker now
/// in force.
pub fn record_shrink(dir: &DataDir, new: Shrink) -> Result<Shrink> {
    let marker = match shrink(dir) {
        Ok(Some(old)) => {
            let key = |name: &str| BackupName::parse(name).map(|n| (n.at, n.file_name()));
            let mut merged = if key(&new.last_good) >= key(&old.last_good) {
                new
            } else {
                Shrink {
                    newest: new.newest,
                    newest_rows: new.newest_rows,
                    ..old.clone()
                }
            };
            merged.since = old.since.min(merged.since);
            merged
        }
        Ok(None) => new,
        // An unreadable marker protects every backup (rotation stops): leave it for the user.
        Err(e) => return Err(e),
    };
    write_state(dir, SHRINK_FILE, &marker)?;
    Ok(marker)
}

/// For restore, once the chosen backup is in place: the user has said which data they want,
/// so the suspected-loss marker goes, and the restored database's row count becomes the
/// baseline that the next backup is compared with (so the restore is not itself taken for
/// a loss).
pub fn clear_shrink(dir: &DataDir, restored_from: &Path) -> Result<()> {
    let restored_from = list(dir)?
        .into_iter()
        .find(|b| same_file(&b.path, restored_from))
        .map(|b| b.file_name());
    match snapshot::file_row_counts(&dir.database()) {
        Ok(counts) => write_state(
            dir,
            BASELINE_FILE,
            &Baseline {
                rows: counts.total(),
                restored_from,
            },
        )?,
        // Without a count, the next backup compares with the previous one, as usual.
        Err(_) => remove_state_file(dir, BASELINE_FILE)?,
    }
    remove_state_file(dir, SHRINK_FILE)
}

fn read_state<T: serde::de::DeserializeOwned>(dir: &DataDir, name: &str) -> Result<Option<T>> {
    let path = dir.backups().join(name);
    match fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
            anyhow!(
                "{} cannot be read ({e}); remove it only if you are sure",
                path.display()
            )
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(with_path(e, &path).into()),
    }
}

fn write_state<T: Serialize>(dir: &DataDir, name: &str, value: &T) -> Result<()> {
    let folder = dir.backups();
    if !folder.exists() {
        paths::create_private_dir(&folder)?;
    }
    let path = folder.join(name);
    paths::write_private_file(&path, |out| -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
        io::Write::write_all(out, b"\n")
    })?;
    sync_dir(&folder)
}

fn remove_state_file(dir: &DataDir, name: &str) -> Result<()> {
    let path = dir.backups().join(name);
    match fs::remove_file(&path) {
        Ok(()) => sync_dir(&dir.backups()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(with_path(e, &path).into()),
    }
}

/// Refuses a backup that would leave less free space in `folder` than the database and its
/// WAL take up plus [`SPACE_MARGIN`]. If the free space cannot be read, the backup goes ahead
/// (it fails cleanly if the disk fills).
fn check_free_space(folder: &Path, db: &Path) -> Result<()> {
    let size = |p: &Path| fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let needed = size(db) + size(Path::new(&wal));
    let free = match crate::fault::point("backup.free-space") {
        Err(e) if e.kind() == io::ErrorKind::StorageFull => Some(0),
        Err(_) => None,
        Ok(()) => nix::sys::statvfs::statvfs(folder)
            .ok()
            .map(|s| s.blocks_available().saturating_mul(s.fragment_size())),
    };
    let Some(free) = free else {
        return Ok(());
    };
    let want = needed.saturating_mul(2).saturating_add(SPACE_MARGIN);
    if free < want {
        bail!(
            "not enough free space: {} free in {}, and a backup ({}) must leave at least {} \
             for the database to grow; free some space",
            human_size(free),
            folder.display(),
            human_size(needed),
            human_size(needed + SPACE_MARGIN)
        );
    }
    Ok(())
}

/// Deletes the backups the rotation policy does not keep; returns warnings for any it could
/// not delete. Only names that parse are considered. While a suspected-loss marker exists,
/// every backup up to its last good one is kept; a marker that cannot be read stops rotation.
pub fn rotate(dir: &DataDir, today: NaiveDate) -> Vec<String> {
    let backups = match list(dir) {
        Ok(b) => b,
        Err(e) => return vec![format!("could not list backups to rotate them: {e:#}")],
    };
    let keep_through = match shrink(dir) {
        Ok(None) => None,
        Ok(Some(marker)) => Some(
            BackupName::parse(&marker.last_good)
                .map(|n| (n.at, n.file_name()))
                // A marker naming no backup protects them all.
                .unwrap_or((NaiveDateTime::MAX, String::new())),
        ),
        Err(e) => return vec![format!("{e:#}; no old backup was deleted")],
    };
    let candidates: Vec<Candidate> = backups
        .iter()
        .map(|b| Candidate {
            at: b.name.at,
            name: b.file_name(),
            reason: b.name.reason,
        })
        .collect();
    let mut doomed = to_delete(&candidates, today, keep_through.as_ref());
    let mut warnings = Vec::new();
    match read_state::<Baseline>(dir, BASELINE_FILE) {
        Ok(Some(Baseline {
            restored_from: Some(name),
            ..
        })) => {
            doomed.remove(&name);
        }
        Ok(_) => {}
        Err(e) => return vec![format!("{e:#}; no old backup was deleted")],
    }
    for b in backups.iter().filter(|b| doomed.contains(&b.file_name())) {
        let _ = crate::fault::point("backup.rotate");
        match fs::remove_file(&b.path) {
            Ok(()) => {}
            // Another worklog rotating at the same moment got there first.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => warnings.push(format!(
                "could not delete old backup: {}",
                with_path(e, &b.path)
            )),
        }
    }
    if !doomed.is_empty()
        && let Err(e) = sync_dir(&dir.backups())
    {
        warnings.push(format!("{e:#}"));
    }
    warnings
}

/// A backup as the rotation policy sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub at: NaiveDateTime,
    pub name: String,
    pub reason: Reason,
}

/// The rotation policy, as a pure function: given backups, today's date and, while a
/// suspected loss is recorded, the (time, name) of its last good backup, the names to delete.
///
/// * Backups dated after `today` (the clock was set back) are kept and take no part in the
///   rules below.
/// * The rest are walked newest first (equal times: by name, descending), and a backup is
///   kept if any rule keeps it:
///   - daily: it is the newest backup of one of the [`KEEP_DAILY`] most recent distinct
///     days that have a backup;
///   - weekly: it is the newest backup of one of the [`KEEP_WEEKLY`] most recent distinct
///     ISO weeks (of the local date) that have a backup;
///   - last: it is one of the [`KEEP_LAST`] newest backups;
///   - safety: it is a `pre-migrate` or `pre-restore` backup at most [`KEEP_SAFETY_DAYS`]
///     days old;
///   - shrink: it is `keep_through` or older (by time, then name).
///
///   (The daily and weekly rules are restic's `forget --keep-daily 7 --keep-weekly 4`.)
/// * Everything else is deleted.
pub fn to_delete(
    backups: &[Candidate],
    today: NaiveDate,
    keep_through: Option<&(NaiveDateTime, String)>,
) -> BTreeSet<String> {
    let mut walk: Vec<&Candidate> = backups.iter().filter(|c| c.at.date() <= today).collect();
    walk.sort_by(|a, b| (b.at, &b.name).cmp(&(a.at, &a.name)));
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    let mut doomed = BTreeSet::new();
    for (i, c) in walk.into_iter().enumerate() {
        let mut keep = i < KEEP_LAST;
        let day = c.at.date();
        if days.len() < KEEP_DAILY && days.insert(day) {
            keep = true;
        }
        let week = day.iso_week();
        if weeks.len() < KEEP_WEEKLY && weeks.insert((week.year(), week.week())) {
            keep = true;
        }
        if matches!(c.reason, Reason::PreMigrate | Reason::PreRestore)
            && (today - day).num_days() <= KEEP_SAFETY_DAYS
        {
            keep = true;
        }
        if keep_through.is_some_and(|(at, name)| (c.at, &c.name) <= (*at, name)) {
            keep = true;
        }
        if !keep {
            doomed.insert(c.name.clone());
        }
    }
    doomed
}

/// The newest backup dated `day`, if any.
pub fn newest_of_day(dir: &DataDir, day: NaiveDate) -> Result<Option<BackupFile>> {
    Ok(list(dir)?.into_iter().find(|b| b.name.at.date() == day))
}

/// The file `worklog restore ARG` means: `ARG` itself if such a file exists, else, for a date
/// `YYYY-MM-DD`, the newest backup of that day.
pub fn resolve_source(dir: &DataDir, arg: &str) -> Result<PathBuf> {
    let path = Path::new(arg);
    if path.exists() {
        return Ok(path.to_path_buf());
    }
    let day = (arg.len() == 10)
        .then(|| NaiveDate::parse_from_str(arg, "%Y-%m-%d").ok())
        .flatten();
    match day {
        Some(day) => match newest_of_day(dir, day)? {
            Some(b) => Ok(b.path),
            None => bail!(
                "there is no backup dated {day} in {}",
                dir.backups().display()
            ),
        },
        None => bail!("{arg}: no such file (give a backup file or a date YYYY-MM-DD)"),
    }
}

/// The state of the backups, for `worklog check`.
#[derive(Debug, Clone)]
pub struct BackupHealth {
    /// Backups whose names parse.
    pub count: usize,
    /// The newest backup that passed [`verify_worklog_file`] (newer ones that failed are in
    /// `warnings`).
    pub newest_verified: Option<BackupFile>,
    /// Days from the newest verified backup's date to `today` (negative if dated later).
    pub age_days: Option<i64>,
    pub warnings: Vec<String>,
}

/// Backups older than this many days make `check` warn.
pub const STALE_AFTER_DAYS: i64 = 2;

/// Verifies backups newest first until one passes, and judges how recent it is.
pub fn health(dir: &DataDir, today: NaiveDate) -> Result<BackupHealth> {
    let backups = list(dir)?;
    let mut warnings = Vec::new();
    let mut newest_verified = None;
    for b in &backups {
        match verify_worklog_file(&b.path) {
            Ok(_) => {
                newest_verified = Some(b.clone());
                break;
            }
            Err(e) => warnings.push(format!("backup failed verification: {e:#}")),
        }
    }
    let age_days = newest_verified
        .as_ref()
        .map(|b| (today - b.name.at.date()).num_days());
    match age_days {
        None if backups.is_empty() => warnings.push(format!(
            "there are no backups in {}",
            dir.backups().display()
        )),
        None => warnings.push("no backup passed verification".to_string()),
        Some(age) if age > STALE_AFTER_DAYS => {
            warnings.push(format!("the newest verified backup is {age} days old"))
        }
        Some(_) => {}
    }
    Ok(BackupHealth {
        count: backups.len(),
        newest_verified,
        age_days,
        warnings,
    })
}

/// Fails, with a message, when a backup's attachments are not all in the store, whole, every
/// file hashed (a restore; a new backup hashes less: `crate::attachments::verify_new_backup_needs`).
fn attachments_whole(dir: &DataDir, backup: &Path, what: &str) -> Result<()> {
    let problems = crate::attachments::verify_backup_needs(dir, backup)?;
    fail_on_attachment_problems(&problems, what)
}

fn fail_on_attachment_problems(problems: &[String], what: &str) -> Result<()> {
    if let Some(first) = problems.first() {
        bail!(
            "{what} failed verification: its attachments are missing or damaged: {first}{}",
            match problems.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            }
        );
    }
    Ok(())
}

/// Checks a database file read-only: it must be sound, and a worklog database no newer than
/// this binary. Returns what was found.
pub fn verify_worklog_file(path: &Path) -> Result<FileCheck> {
    let shown = path.display();
    if !path.is_file() {
        bail!("{shown} is not a file");
    }
    let check = snapshot::check_file(path)
        .map_err(|e| anyhow!("{shown} cannot be read as a worklog database: {e}"))?;
    if let Some(first) = check.problems.first() {
        bail!(
            "{shown} is damaged ({} problem{}; first: {first})",
            check.problems.len(),
            if check.problems.len() == 1 { "" } else { "s" }
        );
    }
    let latest = crate::db::migrate::latest();
    if check.schema_version > latest {
        bail!(
            "{shown} is at schema version {}, newer than this worklog knows ({latest}); \
             upgrade worklog",
            check.schema_version
        );
    }
    if !check.is_worklog {
        bail!("{shown} is not a worklog database");
    }
    Ok(check)
}

/// What `restore` did.
#[derive(Debug, Clone)]
pub struct RestoreReport {
    pub source: PathBuf,
    pub schema_version: u32,
    pub rows: i64,
    /// The backup of the database as it was before, if it held any data.
    pub saved: Option<BackupReport>,
    /// Files that stood where the database goes and could not be copied into (a damaged,
    /// empty or missing database, and its `-wal`/`-shm`), moved aside under these names.
    pub set_aside: Vec<PathBuf>,
    pub warnings: Vec<String>,
}

/// Replaces the live database with `source` (a file, or a backup).
///
/// * The source is verified first ([`verify_worklog_file`]); if it is not fit, nothing changes.
/// * What goes in is a verified copy of it at this worklog's schema with a new database
///   identity, so every session open on the old database refuses to write until it reloads
///   (`crate::db::Identity`).
/// * A live database that cannot be copied into (missing, empty, not an SQLite file, damaged)
///   is moved aside with its `-wal` and `-shm`, kept together under one new name in the data
///   directory, so a WAL holding committed pages is never lost and `sqlite3` still opens the
///   pair.
/// * Otherwise the copy holds the live database's write lock from before the pre-restore
///   backup until it commits: the backup (taken only if the database holds data; if it fails,
///   nothing changes) has every write made before, and every write after goes into the
///   restored database. The copy goes through SQLite's online backup API, so other sessions
///   and the WAL stay consistent.
/// * Rotation runs only afterwards, so it can never delete the source while it is needed.
pub fn restore(dir: &DataDir, clock: Arc<dyn Clock>, source: &Path) -> Result<RestoreReport> {
    // No start may check, back up or migrate while the database is being replaced.
    let _lock = crate::launch::lock(dir)?;
    if let Some(server) = dir.server() {
        return restore_into_server(dir, server, clock, source);
    }
    let live = dir.database();
    if live.exists() && same_file(source, &live) {
        bail!("{} is the live database itself", source.display());
    }
    let check = verify_worklog_file(source)?;
    attachments_whole(dir, source, &format!("{}", source.display()))
        .map_err(|e| anyhow!("{e:#}; nothing was restored"))?;
    let incoming = restore_copy(dir, source)?;
    crate::fault::point("restore.prepared").map_err(|e| with_path(e, incoming.path()))?;

    let set_aside = set_aside_unusable(dir, &*clock)?;
    let mut saved = None;
    // After a set-aside the file is new, but another session may have written to it since:
    // it is judged like any other.
    snapshot::restore_into(incoming.path(), &live, || -> Result<()> {
        saved = backup_before_restore(dir, &clock)
            .map_err(|e| anyhow!("{e:#}; the restore was not done"))?;
        Ok(())
    })
    .map_err(|e| match set_aside.first() {
        Some(moved) => anyhow!(
            "restoring {} failed: {e:#}; what stood in the database's place is kept as {}",
            source.display(),
            moved.display()
        ),
        None => e.context(format!("restoring {} failed", source.display())),
    })?;
    drop(incoming);
    crate::fault::point("restore.copied")?;
    paths::create_private_file(&live)?;
    let mut warnings = saved
        .as_ref()
        .map(|s| s.warnings.clone())
        .unwrap_or_default();
    // The user chose this state: a suspected loss is settled, and the next backup is compared
    // with what was restored rather than with what it replaced.
    if let Err(e) = clear_shrink(dir, source) {
        warnings.push(format!("{e:#}"));
    }
    warnings.extend(rotate(dir, clock.today()));
    Ok(RestoreReport {
        source: source.to_path_buf(),
        schema_version: check.schema_version,
        rows: check.counts.total(),
        saved,
        set_aside,
        warnings,
    })
}

/// [`restore`] into a PostgreSQL server: the backup is prepared as for a file (copied,
/// migrated, verified), the server's data is backed up (pre-restore), then in ONE transaction
/// on the server every table is emptied and filled from the prepared copy, and both are read
/// back and compared by the copy. A failure anywhere leaves the server as it was.
fn restore_into_server(
    dir: &DataDir,
    server: &paths::ServerAddress,
    clock: Arc<dyn Clock>,
    source: &Path,
) -> Result<RestoreReport> {
    let check = verify_worklog_file(source)?;
    attachments_whole(dir, source, &format!("{}", source.display()))
        .map_err(|e| anyhow!("{e:#}; nothing was restored"))?;
    let incoming = restore_copy(dir, source)?;
    crate::fault::point("restore.prepared").map_err(|e| with_path(e, incoming.path()))?;
    let live = crate::db::Repo::open_server(&server.url, server.schema.as_deref(), clock.clone())
        .map_err(|e| anyhow!("cannot open the database on {server}: {e}"))?;
    live.migrate_to(crate::db::migrate::latest())?;
    let saved = if live.has_data()? {
        Some(
            take_unrotated(dir, &*clock, Reason::PreRestore)
                .map_err(|e| anyhow!("{e:#}; the restore was not done"))?,
        )
    } else {
        None
    };
    let prepared = crate::db::Repo::open(incoming.path(), clock.clone())?;
    live.transaction(crate::db::exchange::Ending::Commit, |live| -> Result<()> {
        live.empty_for_restore()?;
        crate::copy::copy(&prepared, live, &mut |_, _| {})?;
        crate::attachments::push_for_restore(dir, live, incoming.path())?;
        crate::fault::point("restore.copied")?;
        Ok(())
    })
    .map_err(|e| {
        anyhow!(
            "restoring {} failed: {e:#}; the server is as it was",
            source.display()
        )
    })?;
    live.acknowledge_identity()?;
    drop(prepared);
    drop(incoming);
    let mut warnings = saved
        .as_ref()
        .map(|s| s.warnings.clone())
        .unwrap_or_default();
    if let Err(e) = clear_shrink(dir, source) {
        warnings.push(format!("{e:#}"));
    }
    warnings.extend(rotate(dir, clock.today()));
    Ok(RestoreReport {
        source: source.to_path_buf(),
        schema_version: check.schema_version,
        rows: check.counts.total(),
        saved,
        set_aside: Vec::new(),
        warnings,
    })
}

/// The database a restore puts in place, prepared from `source` in a private temporary file
/// in `backups/` (removed when dropped), synced and verified.
fn restore_copy(dir: &DataDir, source: &Path) -> Result<TempFile> {
    let folder = dir.backups();
    if !folder.exists() {
        paths::create_private_dir(&folder)?;
    }
    let temp = TempFile::create(&folder)?;
    snapshot::prepare_restore(source, temp.path())
        .with_context(|| format!("cannot prepare {} to be restored", source.display()))?;
    File::open(temp.path())
        .and_then(|f| f.sync_all())
        .map_err(|e| with_path(e, temp.path()))?;
    verify_worklog_file(temp.path())
        .with_context(|| format!("the copy of {} failed verification", source.display()))?;
    Ok(temp)
}

/// The pre-restore backup, taken while the restore holds the write lock: only if the live
/// database holds data.
fn backup_before_restore(dir: &DataDir, clock: &Arc<dyn Clock>) -> Result<Option<BackupReport>> {
    let live = dir.database();
    let has_data = crate::db::Repo::open(&live, clock.clone())
        .and_then(|repo| repo.has_data())
        .map_err(|e| anyhow!("cannot open {}: {e}", live.display()))?;
    if !has_data {
        return Ok(None);
    }
    take_unrotated(dir, &**clock, Reason::PreRestore).map(Some)
}

/// Moves aside whatever stands where the live database goes if a restore cannot copy into
/// it: a missing database's leftover `-wal`/`-shm`, or an empty, header-less or damaged
/// database with its `-wal`/`-shm`. Returns the new names (none if the database is sound).
fn set_aside_unusable(dir: &DataDir, clock: &dyn Clock) -> Result<Vec<PathBuf>> {
    let live = dir.database();
    let state = snapshot::live_state(&live).map_err(|e| {
        anyhow!(
            "cannot open {}: {e}; the restore was not done",
            live.display()
        )
    })?;
    let with_sides = |base: &Path| -> [PathBuf; 3] {
        [base.to_path_buf(), side(base, "-wal"), side(base, "-shm")]
    };
    let present: Vec<bool> = with_sides(&live).iter().map(|p| p.exists()).collect();
    match state {
        snapshot::LiveState::Sound => return Ok(Vec::new()),
        snapshot::LiveState::Missing if !present.contains(&true) => return Ok(Vec::new()),
        _ => {}
    }
    let from = with_sides(&live);
    let folder = dir.root();
    // The first stem under which none of the three names is taken.
    let stamp = clock.now().format(NAME_TIME).to_string();
    let to = (1..1000)
        .map(|n| {
            let stem = if n == 1 {
                format!("worklog-replaced-{stamp}.db")
            } else {
                format!("worklog-replaced-{stamp}-{n}.db")
            };
            with_sides(&folder.join(stem))
        })
        .find(|names| names.iter().all(|p| !p.exists()))
        .ok_or_else(|| anyhow!("too many replaced databases named for {stamp}"))?;
    // Link every file to its new name first, then remove the old names (the database first):
    // a crash in between leaves a file under both names, never under neither.
    let mut moved = Vec::new();
    for ((old, new), here) in from.iter().zip(&to).zip(&present) {
        if !here {
            continue;
        }
        if fs::hard_link(old, new).is_err() {
            fs::copy(old, new).map_err(|e| with_path(e, new))?;
        }
        fs::set_permissions(new, fs::Permissions::from_mode(0o600))
            .map_err(|e| with_path(e, new))?;
        moved.push(new.clone());
    }
    sync_dir(folder)?;
    crate::fault::point("restore.set_aside").map_err(|e| with_path(e, folder))?;
    for (old, here) in from.iter().zip(&present) {
        if *here {
            match fs::remove_file(old) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(with_path(e, old).into()),
            }
        }
    }
    sync_dir(folder)?;
    Ok(moved)
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// "12 KiB", "3.4 MiB".
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// Syncs a directory, so a rename or delete in it survives a crash.
fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| with_path(e, dir))?;
    Ok(())
}

/// Removes temporary files left by interrupted writers in the data directory, `backups/` and
/// `reports/`, on every start; returns warnings for any that could not be removed.
pub fn remove_leftover_temps(dir: &DataDir) -> Vec<String> {
    let mut warnings: Vec<String> = [dir.root().to_path_buf(), dir.backups(), dir.reports()]
        .iter()
        .flat_map(|folder| paths::remove_stale_temps(folder))
        .collect();
    warnings.extend(remove_stale_daily_lock(dir));
    warnings
}

/// Removes `daily-backup.lock` if nobody holds it: a process that ended in the middle of a
/// daily backup (the app quit while its backup thread ran) leaves the file, though the lock
/// itself went with the process. Taking the lock and letting it go removes it
/// ([`DailyLock`]'s drop); a holder's file is left alone. Safe against a daily backup starting
/// meanwhile: whoever locks the removed file sees it is no longer at the path and tries again.
fn remove_stale_daily_lock(dir: &DataDir) -> Option<String> {
    if !dir.daily_lock_file().exists() {
        return None;
    }
    match DailyLock::acquire(dir, false) {
        Ok(lock) => {
            drop(lock);
            None
        }
        Err(e) => Some(format!(
            "a leftover daily-backup lock cannot be removed: {e:#}"
        )),
    }
}

/// A private temporary file in `backups/` that removes itself (and any SQLite side files)
/// unless persisted.
struct TempFile {
    path: PathBuf,
    done: bool,
    /// Removes it on SIGINT/SIGTERM/SIGHUP in a command-line run.
    _live: paths::LiveTemp,
}

impl TempFile {
    fn create(folder: &Path) -> Result<TempFile> {
        let stamp = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        for n in 0..100u32 {
            let path = folder.join(format!("{}{stamp}-{n}.db", paths::temp_prefix()));
            // create_new: never reuse (or follow a symlink to) an existing file; VACUUM INTO
            // needs it absent or empty.
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                Ok(_) => {
                    let live = paths::LiveTemp::register(path.clone());
                    return Ok(TempFile {
                        path,
                        done: false,
                        _live: live,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(with_path(e, folder).into()),
            }
        }
        bail!("could not create a temporary file in {}", folder.display())
    }

    fn path(&self) -> &Path {
        &self.path
    }

    /// Gives the file its final name without replacing an existing backup (a hard link fails
    /// if the name is taken; where links are not supported, a checked rename).
    fn persist(mut self, folder: &Path, at: NaiveDateTime, reason: Reason) -> Result<PathBuf> {
        fs::set_permissions(&self.path, fs::Permissions::from_mode(0o600))
            .map_err(|e| with_path(e, &self.path))?;
        for seq in 1..1000 {
            let target = folder.join(BackupName { at, reason, seq }.file_name());
            match fs::hard_link(&self.path, &target) {
                Ok(()) => {
                    // The backup is in place; if removing the temporary name fails it is
                    // cleaned up as a stale temp later.
                    let _ = fs::remove_file(&self.path);
                    self.done = true;
                    return Ok(target);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(_) if !target.exists() => {
                    fs::rename(&self.path, &target).map_err(|e| with_path(e, &target))?;
                    self.done = true;
                    return Ok(target);
                }
                Err(e) => return Err(with_path(e, &target).into()),
            }
        }
        bail!("too many backups named for {at} ({reason})")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let _ = fs::remove_file(&self.path);
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut side = self.path.clone().into_os_string();
            side.push(suffix);
            let _ = fs::remove_file(PathBuf::from(side));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn names_round_trip_and_strangers_do_not_parse() {
        let n = BackupName {
            at: at("2026-11-22T09:30:00"),
            reason: Reason::Daily,
            seq: 1,
        };
        assert_eq!(n.file_name(), "worklog-2026-11-22T093000-daily.db");
        assert_eq!(BackupName::parse(&n.file_name()), Some(n));
        let m = BackupName {
            reason: Reason::PreMigrate,
            seq: 3,
            ..n
        };
        assert_eq!(m.file_name(), "worklog-2026-11-22T093000-pre-migrate-3.db");
        assert_eq!(BackupName::parse(&m.file_name()), Some(m));
        for stranger in [
            "worklog.db",
            "notes.txt",
            "worklog-2026-11-22T093000-daily.db-journal",
            "worklog-2026-11-22T093000-weekly.db",
            "worklog-2026-11-22T093000-daily-1.db",
            "worklog-2026-11-22T093000-daily-02.db",
            "worklog-2026-11-22T093000-daily-.db",
            "worklog-2026-13-22T093000-daily.db",
            "worklog-2026-11-22T093000.db",
            "worklog-2026-11-22T0930-daily.db",
            ".worklog-tmp-1-2-0.db",
        ] {
            assert_eq!(BackupName::parse(stranger), None, "{stranger}");
        }
    }

    #[test]
    fn policy_keeps_days_weeks_last_three_and_the_future() {
        // One backup a day for 60 days up to 2026-11-22 (a Sunday), plus two extras today and
        // one dated next week.
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut all = Vec::new();
        for back in 0..60 {
            let d = today - chrono::Days::new(back);
            all.push((d.and_hms_opt(9, 0, 0).unwrap(), format!("d{back:02}")));
        }
        all.push((at("2026-11-22T10:00:00"), "today-10".into()));
        all.push((at("2026-11-22T11:00:00"), "today-11".into()));
        all.push((at("2026-11-29T09:00:00"), "future".into()));
        let all = daily(&all);
        let doomed = to_delete(&all, today, None);
        let kept: BTreeSet<String> = all
            .iter()
            .map(|c| c.name.clone())
            .filter(|n| !doomed.contains(n))
            .collect();
        // Last three: today-11, today-10, d00. Daily: today-11 (for the 22nd), d01..d06.
        // Weekly (Sundays end ISO weeks): today-11, d07 (Sun 15th), d14, d21.
        let expected: BTreeSet<String> = [
            "future", "today-11", "today-10", "d00", "d01", "d02", "d03", "d04", "d05", "d06",
            "d07", "d14", "d21",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        assert_eq!(kept, expected);
    }

    fn daily(all: &[(NaiveDateTime, String)]) -> Vec<Candidate> {
        all.iter()
            .map(|(at, name)| Candidate {
                at: *at,
                name: name.clone(),
                reason: Reason::Daily,
            })
            .collect()
    }

    fn kept(all: &[Candidate], doomed: &BTreeSet<String>) -> BTreeSet<String> {
        all.iter()
            .map(|c| c.name.clone())
            .filter(|n| !doomed.contains(n))
            .collect()
    }

    #[test]
    fn safety_backups_are_kept_30_days_whatever_the_daily_rules_say() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut all: Vec<Candidate> = (0..60)
            .map(|back| Candidate {
                at: (today - chrono::Days::new(back))
                    .and_hms_opt(9, 0, 0)
                    .unwrap(),
                name: format!("d{back:02}"),
                reason: Reason::Daily,
            })
            .collect();
        for (back, reason) in [
            (12, Reason::PreMigrate),
            (30, Reason::PreRestore),
            (31, Reason::PreMigrate),
            (45, Reason::PreRestore),
            (20, Reason::Manual),
        ] {
            all.push(Candidate {
                at: (today - chrono::Days::new(back))
                    .and_hms_opt(10, 0, 0)
                    .unwrap(),
                name: format!("{reason}-{back}"),
                reason,
            });
        }
        let kept = kept(&all, &to_delete(&all, today, None));
        assert!(kept.contains("pre-migrate-12") && kept.contains("pre-restore-30"));
        for gone in ["pre-migrate-31", "pre-restore-45", "manual-20"] {
            assert!(!kept.contains(gone), "{gone}");
        }
    }

    #[test]
    fn a_shrink_keeps_everything_up_to_the_last_good_backup() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut all = Vec::new();
        for back in 0..90 {
            let d = today - chrono::Days::new(back);
            all.push((d.and_hms_opt(9, 0, 0).unwrap(), format!("d{back:02}")));
        }
        let all = daily(&all);
        // The loss showed on the backup of 40 days ago; d41 was the last good one.
        let good = (all[41].at, all[41].name.clone());
        let kept = kept(&all, &to_delete(&all, today, Some(&good)));
        for c in &all[41..] {
            assert!(kept.contains(&c.name), "{}", c.name);
        }
        // After it, the usual rules: d40 and other late ones go.
        assert!(!kept.contains("d40") && !kept.contains("d30"));
        assert!(kept.contains("d00") && kept.contains("d06"));
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(20 * 1024 * 1024), "20 MiB");
    }
}
