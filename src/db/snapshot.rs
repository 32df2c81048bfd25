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
    let schema_version = migrate::current(&conn)?;
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

/// Tables holding only what is rebuilt from the others (the search index of migration 3):
/// left out of row counts, which say how much of the user's own data a file holds.
const DERIVED_TABLES: [&str; 6] = [
    "search",
    "search_docs",
    "search_data",
    "search_idx",
    "search_docsize",
    "search_config",
];

/// Rows per table of every table in the file but the derived ones.
fn data_row_counts(conn: &Connection) -> Result<RowCounts> {
    let tables = table_names(conn)?;
    let data: Vec<&str> = tables
        .iter()
        .map(String::as_str)
        .filter(|t| !DERIVED_TABLES.contains(t))
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
fn uri_path(path: &Path) -> String {
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
    let reference = Connection::open_in_memory()?;
    migrate::migrate_to(&reference, migrate::MIGRATIONS, version)?;
    Ok(table_names(conn)? == table_names(&reference)?)
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

/// Replaces the contents of the live database at `live` with the database at `source`,
/// through SQLite's online backup API: the copy is written as a transaction on the live
/// database, so its WAL and shared-memory files stay consistent and other sessions see the
/// change as they would any other write. `source` is only read. The caller verifies
/// `source` first and keeps a backup of `live`.
pub fn restore_into(source: &Path, live: &Path) -> Result<()> {
    let src = open_file_read_only(source)?;
    let mut dst = super::connect(live, migrate::MIGRATIONS)?;
    {
        let backup = Backup::new(&src, &mut dst)?;
        crate::fault::point("restore.copy").map_err(Error::from)?;
        let started = Instant::now();
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                // Busy, Locked (and any future variant): wait for other sessions.
                _ => {
                    if started.elapsed() > RESTORE_BUSY_LIMIT {
                        return Err(Error::Busy);
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    }
    let problems = integrity_problems(&dst)?;
    if let Some(first) = problems.first() {
        return Err(Error::Sqlite(format!(
            "the restored database failed its integrity check: {first}"
        )));
    }
    Ok(())
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
