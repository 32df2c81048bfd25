//! Consistent copies of a live database, checking that a copy is sound, and putting one back.
//!
//! The functions taking paths open their own connections, so the backup policy in
//! `crate::backup` never touches SQLite itself (and can run on a background thread).

use super::error::{Error, Result};
use super::migrate;
use crate::model::RowCounts;
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a restore waits for other sessions to let go of the database.
const RESTORE_BUSY_LIMIT: Duration = Duration::from_secs(10);

/// The page cache, in KiB, of the connections that take and check a backup (SQLite's own
/// default), whatever the database's size: see [`snapshot_file`].
const BACKUP_CACHE_KIB: i64 = 2000;

/// What a database file holds, as read through a read-only connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    /// `PRAGMA user_version`.
    pub schema_version: u32,
    /// `PRAGMA integrity_check` findings; empty when sound.
    pub problems: Vec<String>,
    /// Rows per table (every table in the file but the search index), by name.
    pub counts: RowCounts,
    /// True when the file's tables are exactly worklog's tables at `schema_version`
    /// (false for a version this binary does not know).
    pub is_worklog: bool,
    /// The file is in WAL mode (so it would need -wal/-shm files beside it).
    pub wal: bool,
}

/// Writes a consistent snapshot of the database at `db` into `dest` (absent or empty) through
/// a connection of its own, and leaves `dest` a self-contained single file in rollback-journal
/// mode, so it opens without -wal/-shm files. Does not sync `dest`: the caller does.
pub fn snapshot_file(db: &Path, dest: &Path) -> Result<()> {
    let conn = super::connect(db, migrate::MIGRATIONS)?;
    // A backup reads every page once, so a big cache buys nothing, and it bounds more than the
    // cache: VACUUM INTO gives the file it writes the same cache size, and its sorter (which
    // rebuilds every index) keeps up to that much in memory before spilling to a temp file.
    // With the 64 MB of ordinary connections a backup of a 228 MB database peaked at 150 MB.
    conn.pragma_update(None, "cache_size", -BACKUP_CACHE_KIB)?;
    vacuum_into(&conn, dest)?;
    drop(conn);
    make_self_contained(dest)
}

/// Switches a file that is in WAL mode to rollback-journal mode (folding any WAL into it).
/// A file already in rollback mode is left as it is.
pub fn make_self_contained(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "trusted_schema", false)?;
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    if mode.eq_ignore_ascii_case("wal") {
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(Error::Sqlite(format!(
                "could not take the backup out of WAL mode (got {mode})"
            )));
        }
    }
    Ok(())
}

/// Opens `path` read-only and reports its schema version, soundness and row counts.
/// Fails if the file cannot be read as a database at all.
pub fn check_file(path: &Path) -> Result<FileCheck> {
    let conn = open_file_read_only(path)?;
    let schema_version = migrate::lite_version(&conn)?;
    let problems = integrity_problems(&conn)?;
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    let is_worklog = problems.is_empty() && has_worklog_tables(&conn, schema_version)?;
    let counts = if problems.is_empty() {
        data_row_counts(&conn)?
    } else {
        RowCounts(Vec::new())
    };
    Ok(FileCheck {
        schema_version,
        problems,
        counts,
        is_worklog,
        wal: mode.eq_ignore_ascii_case("wal"),
    })
}

/// Rows per table of a database file, read-only and without the (slower) integrity check.
pub fn file_row_counts(path: &Path) -> Result<RowCounts> {
    data_row_counts(&open_file_read_only(path)?)
}

/// The attachment files a database file needs: each distinct SHA-256 its `attachments` rows
/// name (detached ones included) with its size and one name it was attached as, read-only.
/// None for a file from before attachments (schema version 14).
pub fn attachment_files(path: &Path) -> Result<Vec<(String, u64, String)>> {
    let conn = open_file_read_only(path)?;
    let has: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'attachments'",
        [],
        |r| r.get(0),
    )?;
    if !has {
        return Ok(Vec::new());
    }
    let mut stmt =
        conn.prepare("SELECT sha256, max(size), min(name) FROM attachments GROUP BY sha256")?;
    let rows = stmt
        .query_map([], |r| {
            let size: i64 = r.get(1)?;
            Ok((
                r.get(0)?,
                u64::try_from(size).unwrap_or_default(),
                r.get(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Tables holding only what is rebuilt from the others (the search index of migration 3), and
/// the database's identity (migration 4): left out of row counts, which say how much of the
/// user's own data a file holds.
const DERIVED_TABLES: [&str; 12] = [
    "search",
    "search_docs",
    "search_data",
    "search_idx",
    "search_docsize",
    "search_config",
    "search_learnings",
    "search_learnings_data",
    "search_learnings_idx",
    "search_learnings_docsize",
    "search_learnings_config",
    super::identity::TABLE,
];

/// The history of changes (migration 13): kept and backed up with the data, but not counted
/// as it (as `Repo::row_counts` does not): a backup's rows say how much of the log it holds.
/// Moving the schema below 13 still asks before dropping it ([`tables_dropped`]).
const HISTORY_TABLES: [&str; 3] = ["history_changes", "history_rows", "history_open"];

/// Rows per table of every table in the file but the derived ones and the history.
fn data_row_counts(conn: &Connection) -> Result<RowCounts> {
    let tables = table_names(conn)?;
    let data: Vec<&str> = tables
        .iter()
        .map(String::as_str)
        .filter(|t| !DERIVED_TABLES.contains(t) && !HISTORY_TABLES.contains(t))
        .collect();
    row_counts(conn, &data)
}

/// Opens a database file that nobody is writing (a backup, a file to restore) read-only,
/// leaving nothing beside it. A WAL-flagged file with no WAL content (say, a copy of a live
/// database) would otherwise get -wal and -shm files created next to it and left behind, so
/// it is opened `immutable`; a file with a non-empty -wal is opened normally, to read it.
fn open_file_read_only(path: &Path) -> Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal_has_content = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    if wal_has_content || !has_wal_header(path) {
        return super::connect_read_only(path);
    }
    let uri = format!("file:{}?immutable=1", uri_path(path));
    let conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    conn.pragma_update(None, "trusted_schema", false)?;
    Ok(conn)
}

/// True if the file starts with an SQLite header whose read/write versions say WAL (2).
fn has_wal_header(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 20];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head.starts_with(b"SQLite format 3\0") && head[18] == 2 && head[19] == 2)
}

/// A path for an SQLite `file:` URI, every byte but unreserved ones percent-encoded.
pub(super) fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/._~-".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Compares the file's tables with those worklog's migrations create at `version`.
fn has_worklog_tables(conn: &Connection, version: u32) -> Result<bool> {
    if version == 0 || version > migrate::latest() {
        return Ok(false);
    }
    Ok(table_names(conn)? == tables_at(version)?)
}

/// The tables worklog's migrations build at `version`, read from an in-memory reference.
fn tables_at(version: u32) -> Result<Vec<String>> {
    let reference = super::sql::Connection::Lite(Connection::open_in_memory()?);
    migrate::migrate_to(&reference, migrate::MIGRATIONS, version)?;
    table_names(reference.lite()?)
}

/// The user-data tables (not the derived search index) that moving the schema from `from`
/// down to `to` drops, with the rows each holds in `conn`; only those holding rows. Moving
/// up, or to the same version, drops nothing.
pub fn tables_dropped(conn: &Connection, from: u32, to: u32) -> Result<Vec<(String, i64)>> {
    let gone = tables_gone(from, to)?;
    let names: Vec<&str> = gone.iter().map(String::as_str).collect();
    Ok(row_counts(conn, &names)?
        .0
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect())
}

/// The user-data tables that moving the schema from `from` down to `to` drops (the same on
/// both backends: their migrations build the same tables).
pub fn tables_gone(from: u32, to: u32) -> Result<Vec<String>> {
    if to >= from {
        return Ok(Vec::new());
    }
    let kept = tables_at(to)?;
    Ok(tables_at(from)?
        .into_iter()
        .filter(|t| !kept.contains(t) && !DERIVED_TABLES.contains(&t.as_str()))
        .collect())
}

fn table_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name",
    )?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// Makes `dest` (absent or empty) the database a restore puts in place: a self-contained
/// copy of the database file `source` (only read), brought to this worklog's schema, with a
/// new identity ([`super::identity`]). The identity is part of the copy, so it reaches the
/// live database in the same transaction as the restored rows. Does not sync `dest`.
pub fn prepare_restore(source: &Path, dest: &Path) -> Result<()> {
    let src = open_file_read_only(source)?;
    vacuum_into(&src, dest)?;
    drop(src);
    make_self_contained(dest)?;
    let conn = Connection::open_with_flags(
        dest,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "trusted_schema", false)?;
    let conn = super::sql::Connection::Lite(conn);
    // An older backup gets the migrations a launch would give it (each renews the identity);
    // then the restore renews it once more, so even a backup at this version comes back as a
    // database no open session has read.
    migrate::migrate_to(&conn, migrate::MIGRATIONS, migrate::latest())?;
    let tx = conn.begin_write()?;
    super::identity::renew(&tx, super::identity::Renewal::Restore)?;
    tx.commit()?;
    Ok(())
}

/// What a file where the live database should be holds, before a restore replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveState {
    /// No file.
    Missing,
    /// A file that is not an SQLite database: empty, or without the SQLite header.
    NotADatabase,
    /// An SQLite database that fails its integrity check or cannot be read; says why.
    Damaged(String),
    /// A sound database.
    Sound,
}

/// Looks at the live database (reading any WAL beside it) to tell whether a restore can copy
/// into it or must first set it aside. Errors are what stops the look itself (a database
/// from a newer worklog, a busy lock, an unreadable file): the caller refuses then.
pub fn live_state(live: &Path) -> Result<LiveState> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let read = std::fs::File::open(live).and_then(|mut f| f.read_exact(&mut head));
    match read {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(LiveState::Missing),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Ok(LiveState::NotADatabase);
        }
        Err(e) => return Err(Error::Io(format!("{}: {e}", live.display()))),
        Ok(()) if &head != b"SQLite format 3\0" => return Ok(LiveState::NotADatabase),
        Ok(()) => {}
    }
    // A connection that changes nothing: no pragmas that write, and no checkpoint when it
    // closes (which would fold the WAL into a file that is about to be set aside, and delete
    // the WAL). Reading recovers the WAL into the shared-memory index only.
    let opened = (|| -> Result<Connection> {
        let conn = Connection::open_with_flags(
            live,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "trusted_schema", false)?;
        migrate::ensure_lite_not_newer(&conn, migrate::MIGRATIONS)?;
        Ok(conn)
    })();
    let conn = match opened {
        Ok(conn) => conn,
        Err(Error::Corrupt(why)) => return Ok(LiveState::Damaged(why)),
        Err(e) => return Err(e),
    };
    match integrity_problems(&conn) {
        Ok(problems) => Ok(match problems.first() {
            Some(first) => LiveState::Damaged(first.clone()),
            None => LiveState::Sound,
        }),
        Err(Error::Corrupt(why)) => Ok(LiveState::Damaged(why)),
        Err(e) => Err(e),
    }
}

/// Replaces the contents of the live database at `live` with the database at `source`,
/// through SQLite's online backup API: the copy is written as a transaction on the live
/// database, so its WAL and shared-memory files stay consistent and other sessions see the
/// change as they would any other write. `source` is only read; the caller verifies it first.
///
/// `under_lock` runs while this holds the live database's write lock, which it keeps until the
/// copy commits: the caller takes its backup of `live` there (through connections of its own:
/// readers are not blocked in WAL mode), and no other session can commit between that backup
/// and the copy. So every write another session made is either in that backup or was made
/// after the restore, into the restored database. If `under_lock` fails, nothing is copied.
///
/// How the lock is taken: the first step of an online backup begins a write transaction on the
/// destination and keeps it until the backup is done or dropped (SQLite's backup.c,
/// `bDestLocked`), so a first step of zero pages takes the lock and copies nothing.
pub fn restore_into<T, E: From<Error>>(
    source: &Path,
    live: &Path,
    under_lock: impl FnOnce() -> std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    let src = open_file_read_only(source)?;
    let mut dst = super::connect(live, migrate::MIGRATIONS)?;
    let value = {
        let backup = Backup::new(&src, &mut dst).map_err(Error::from)?;
        let started = Instant::now();
        let step = |pages: i32| -> Result<StepResult> {
            loop {
                match backup.step(pages)? {
                    StepResult::Busy | StepResult::Locked => {
                        if started.elapsed() > RESTORE_BUSY_LIMIT {
                            return Err(Error::Busy);
                        }
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    done_or_more => return Ok(done_or_more),
                }
            }
        };
        step(0)?;
        let value = under_lock()?;
        crate::fault::point("restore.copy").map_err(Error::from)?;
        while step(-1)? != StepResult::Done {}
        value
    };
    let problems = integrity_problems(&dst)?;
    if let Some(first) = problems.first() {
        return Err(Error::Sqlite(format!(
            "the restored database failed its integrity check: {first}"
        ))
        .into());
    }
    Ok(value)
}

/// Writes a consistent snapshot of `conn`'s database into `dest`, which must be absent or
/// empty. `VACUUM INTO` reads inside one transaction, so writers on other connections neither
/// block it nor tear it; the copy is also compacted.
pub fn vacuum_into(conn: &Connection, dest: &Path) -> Result<()> {
    let dest = dest
        .to_str()
        .ok_or_else(|| Error::Io(format!("{}: path is not UTF-8", dest.display())))?;
    conn.execute("VACUUM INTO ?1", [dest])?;
    Ok(())
}

/// `PRAGMA integrity_check` on an open connection: empty when sound.
pub fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(if rows.len() == 1 && rows[0] == "ok" {
        Vec::new()
    } else {
        rows
    })
}

/// Row counts of the named tables that exist in the database.
pub fn row_counts(conn: &Connection, tables: &[&str]) -> Result<RowCounts> {
    let mut out = Vec::new();
    for t in tables {
        let exists: bool = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [t],
            |r| r.get(0),
        )?;
        if exists {
            let n: i64 =
                conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))?;
            out.push(((*t).to_string(), n));
        }
    }
    Ok(RowCounts(out))
}
