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

use crate::clock::Clock;
use crate::db::snapshot::{self, FileCheck};
use crate::paths::{self, DataDir, with_path};
use anyhow::{Context, Result, anyhow, bail};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
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

/// A temporary file older than this is a leftover from a backup that was interrupted.
const STALE_TEMP: Duration = Duration::from_secs(60 * 60);
const TEMP_PREFIX: &str = ".worklog-tmp-";
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

/// Takes today's backup if there is no backup dated today by `clock`; runs rotation after
/// a new one. Opens its own connection, so it can run on a background thread while the
/// application uses the database. An `Err` is a failed backup: nothing was deleted, and the
/// application should show it as a warning and carry on.
pub fn daily_if_missing(dir: &DataDir, clock: &dyn Clock) -> Result<Option<BackupReport>> {
    let today = clock.today();
    if list(dir)?.iter().any(|b| b.name.at.date() == today) {
        return Ok(None);
    }
    take(dir, clock, Reason::Daily).map(Some)
}

/// Takes a verified backup without rotating.
pub(crate) fn take_unrotated(
    dir: &DataDir,
    clock: &dyn Clock,
    reason: Reason,
) -> Result<BackupReport> {
    let db = dir.database();
    take_inner(dir, &db, clock, reason)
        .with_context(|| format!("backup of {} failed; nothing was deleted", db.display()))
}

fn take_inner(dir: &DataDir, db: &Path, clock: &dyn Clock, reason: Reason) -> Result<BackupReport> {
    let started = Instant::now();
    if !db.is_file() {
        bail!("there is no database file to back up");
    }
    let folder = dir.backups();
    if !folder.exists() {
        paths::create_private_dir(&folder)?;
    }
    let mut warnings = Vec::new();
    remove_stale_temps(&folder, &mut warnings);
    let previous = list(dir)?.into_iter().next();

    let temp = TempFile::create(&folder)?;
    crate::fault::point("backup.temp").map_err(|e| with_path(e, temp.path()))?;
    snapshot::snapshot_file(db, temp.path())?;
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
    crate::fault::point("backup.verified").map_err(|e| with_path(e, temp.path()))?;

    let at = clock.now();
    crate::fault::point("backup.persist").map_err(|e| with_path(e, temp.path()))?;
    let path = temp.persist(&folder, at, reason)?;
    sync_dir(&folder)?;
    let size = fs::metadata(&path).map_err(|e| with_path(e, &path))?.len();
    if let Some(prev) = previous
        && size.saturating_mul(2) < prev.size
    {
        warnings.push(format!(
            "the new backup is {} but the previous one ({}) is {}: check that nothing was lost",
            human_size(size),
            prev.file_name(),
            human_size(prev.size)
        ));
    }
    Ok(BackupReport {
        path,
        size,
        rows: check.counts.total(),
        duration: started.elapsed(),
        warnings,
    })
}

/// Deletes the backups the rotation policy does not keep; returns warnings for any it could
/// not delete. Only names that parse are considered.
pub fn rotate(dir: &DataDir, today: NaiveDate) -> Vec<String> {
    let backups = match list(dir) {
        Ok(b) => b,
        Err(e) => return vec![format!("could not list backups to rotate them: {e:#}")],
    };
    let dated: Vec<(NaiveDateTime, String)> =
        backups.iter().map(|b| (b.name.at, b.file_name())).collect();
    let doomed = to_delete(&dated, today);
    let mut warnings = Vec::new();
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

/// The rotation policy, as a pure function: given backups as (time, name) and today's date,
/// the names to delete.
///
/// * Backups dated after `today` (the clock was set back) are kept and take no part in the
///   rules below.
/// * The rest are walked newest first (equal times: by name, descending), and a backup is
///   kept if any rule keeps it:
///   - daily: it is the newest backup of one of the [`KEEP_DAILY`] most recent distinct
///     days that have a backup;
///   - weekly: it is the newest backup of one of the [`KEEP_WEEKLY`] most recent distinct
///     ISO weeks (of the local date) that have a backup;
///   - last: it is one of the [`KEEP_LAST`] newest backups.
///
///   (The daily and weekly rules are restic's `forget --keep-daily 7 --keep-weekly 4`.)
/// * Everything else is deleted.
pub fn to_delete(backups: &[(NaiveDateTime, String)], today: NaiveDate) -> BTreeSet<String> {
    let mut walk: Vec<&(NaiveDateTime, String)> = backups
        .iter()
        .filter(|(at, _)| at.date() <= today)
        .collect();
    walk.sort_by(|a, b| b.cmp(a));
    let mut days = HashSet::new();
    let mut weeks = HashSet::new();
    let mut doomed = BTreeSet::new();
    for (i, (at, name)) in walk.into_iter().enumerate() {
        let mut keep = i < KEEP_LAST;
        let day = at.date();
        if days.len() < KEEP_DAILY && days.insert(day) {
            keep = true;
        }
        let week = day.iso_week();
        if weeks.len() < KEEP_WEEKLY && weeks.insert((week.year(), week.week())) {
            keep = true;
        }
        if !keep {
            doomed.insert(name.clone());
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
    pub warnings: Vec<String>,
}

/// Replaces the live database with `source` (a file, or a backup).
///
/// The source is verified first ([`verify_worklog_file`]); if it is not fit, nothing changes.
/// Then the current database, if it holds data, is backed up with reason `pre-restore` (and
/// if that fails, nothing changes). The copy goes through SQLite's online backup API into the
/// live file, so other sessions and the WAL stay consistent. Rotation runs only afterwards,
/// so it can never delete the source while it is needed.
pub fn restore(dir: &DataDir, clock: Arc<dyn Clock>, source: &Path) -> Result<RestoreReport> {
    dir.create()?;
    let live = dir.database();
    if live.exists() && same_file(source, &live) {
        bail!("{} is the live database itself", source.display());
    }
    let check = verify_worklog_file(source)?;

    let mut saved = None;
    if live.exists() {
        let not_done = |e: anyhow::Error| {
            anyhow!(
                "{e:#}; the restore was not done (if the database is damaged, move {} aside \
                 and run restore again)",
                live.display()
            )
        };
        let has_data = crate::db::Repo::open(&live, clock.clone())
            .and_then(|repo| repo.has_data())
            .map_err(|e| not_done(anyhow!("cannot open {}: {e}", live.display())))?;
        if has_data {
            saved = Some(take_unrotated(dir, &*clock, Reason::PreRestore).map_err(not_done)?);
        }
    }

    snapshot::restore_into(source, &live)
        .with_context(|| format!("restoring {} failed", source.display()))?;
    crate::fault::point("restore.copied")?;
    paths::create_private_file(&live)?;
    let mut warnings = saved
        .as_ref()
        .map(|s| s.warnings.clone())
        .unwrap_or_default();
    warnings.extend(rotate(dir, clock.today()));
    Ok(RestoreReport {
        source: source.to_path_buf(),
        schema_version: check.schema_version,
        rows: check.counts.total(),
        saved,
        warnings,
    })
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

/// Removes temporary files left by interrupted backups. Young ones may belong to a backup
/// another worklog is taking right now, so only those older than [`STALE_TEMP`] go.
fn remove_stale_temps(folder: &Path, warnings: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let is_temp = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(TEMP_PREFIX));
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_TEMP);
        if is_temp
            && old
            && let Err(e) = fs::remove_file(entry.path())
            && e.kind() != io::ErrorKind::NotFound
        {
            warnings.push(format!(
                "could not remove a leftover temporary file: {}",
                with_path(e, &entry.path())
            ));
        }
    }
}

/// A private temporary file in `backups/` that removes itself (and any SQLite side files)
/// unless persisted.
struct TempFile {
    path: PathBuf,
    done: bool,
}

impl TempFile {
    fn create(folder: &Path) -> Result<TempFile> {
        let stamp = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        for n in 0..100u32 {
            let path = folder.join(format!(
                "{TEMP_PREFIX}{}-{stamp}-{n}.db",
                std::process::id()
            ));
            // create_new: never reuse (or follow a symlink to) an existing file; VACUUM INTO
            // needs it absent or empty.
            match OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                Ok(_) => return Ok(TempFile { path, done: false }),
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
        let doomed = to_delete(&all, today);
        let kept: BTreeSet<String> = all
            .iter()
            .map(|(_, n)| n.clone())
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

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(20 * 1024 * 1024), "20 MiB");
    }
}
