//! Storage: the only module that speaks SQL or names rusqlite.
//!
//! [`Repo`] opens a database file with worklog's pragmas, keeps its schema current, and offers
//! methods named for what the user does. Everything else in the crate sees plain types from
//! [`crate::model`].
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod error;
pub mod identity;
pub mod migrate;
mod repo;
pub mod snapshot;
pub mod sql;

pub use error::{Error, Result};
pub use identity::Identity;
pub use repo::{BlobState, Candidate, RowsOf};
pub use repo::{
    COUNT_CAP, Change, ListFilter, ListPage, Move, ReadKind, Removed, Repo, Undone, exchange,
    history_table, history_when,
};
pub use repo::{
    CalendarExport, CalendarKnown, CalendarOccurrence, CalendarPerson, CalendarSource, CalendarTodo,
};
pub use sql::Backend;

use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// SQLite 3.51.3 fixed a WAL-reset corruption with concurrent writers; refuse anything older.
const MIN_SQLITE: i32 = 3_051_003;
const MIN_SQLITE_TEXT: &str = "3.51.3";

/// The SQLite library version in use.
pub fn sqlite_version() -> &'static str {
    rusqlite::version()
}

/// Opens (creating if needed, mode 0600) a database file and sets worklog's pragmas. Refuses
/// a database made by a newer worklog before anything writes to it (switching to WAL would).
/// Does not migrate.
pub(crate) fn connect(path: &Path, migrations: &[migrate::Migration]) -> Result<Connection> {
    if rusqlite::version_number() < MIN_SQLITE {
        return Err(Error::OldSqlite {
            found: rusqlite::version().to_string(),
            needed: MIN_SQLITE_TEXT,
        });
    }
    crate::paths::create_private_file(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_millis(5000))?;
    migrate::ensure_lite_not_newer(&conn, migrations)?;
    configure(&conn)?;
    Ok(conn)
}

/// Opens a file read-only (for verifying backups), with no pragmas that write.
pub(crate) fn connect_read_only(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "trusted_schema", false)?;
    Ok(conn)
}

/// The pragmas every connection runs with (see the README for why).
fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Sqlite(format!(
            "could not switch the database to WAL (got {mode})"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "cache_size", -64000)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.set_prepared_statement_cache_capacity(128);
    register_functions(conn)
}

/// SQL functions of worklog's own, on every connection that reads lists.
///
/// `contains_folded(haystack, needle)`: true when `needle`, which the caller has lower-cased
/// with `str::to_lowercase`, occurs in `haystack` lower-cased the same way. SQLite's LIKE
/// folds ASCII letters only, so "ZOË" would miss "zoë"; the list filters keep the rule they
/// had when they ran in memory. NULL never matches.
pub(crate) fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "contains_folded",
        2,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| {
            let (Some(hay), Some(needle)) = (
                ctx.get_raw(0).as_str_or_null()?,
                ctx.get_raw(1).as_str_or_null()?,
            ) else {
                return Ok(false);
            };
            Ok(contains_folded(hay, needle))
        },
    )?;
    // `fold_name(name)`: the key people and tags are matched by (`crate::text::name_key`),
    // for the migration that fills it and for rows that arrive without one.
    conn.create_scalar_function(
        "fold_name",
        1,
        FunctionFlags::SQLITE_UTF8
            | FunctionFlags::SQLITE_DETERMINISTIC
            | FunctionFlags::SQLITE_INNOCUOUS,
        |ctx| Ok(ctx.get_raw(0).as_str_or_null()?.map(crate::text::name_key)),
    )?;
    Ok(())
}

/// See [`register_functions`]. An ASCII needle (most filters) is compared without
/// allocating, even in text that is not all ASCII: a match of it in the lower-cased text is
/// a run of ASCII bytes, and only ASCII characters lower-case to ASCII, but for the two in
/// [`LOWER_TO_ASCII`] (a test checks every character), which send the text the long way.
fn contains_folded(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if needle.is_ascii() {
        let found = hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
        if found || hay.is_ascii() || !hay.contains(LOWER_TO_ASCII) {
            return found;
        }
    } else if hay.is_ascii() {
        // An ASCII haystack lower-cases to ASCII, so a needle with anything else cannot match.
        return false;
    }
    hay.to_lowercase().contains(needle)
}

/// The characters beyond ASCII whose lower case holds ASCII: 'İ' (to "i̇") and the Kelvin
/// sign (to "k").
const LOWER_TO_ASCII: [char; 2] = ['\u{130}', '\u{212A}'];

/// Opens the live database for reading only, when its directory or the file cannot be written
/// (a read-only mount, a read-only file): nothing is created, migrated or written, and
/// `query_only` makes sure of it. In WAL mode SQLite needs the -shm file: one that exists is
/// used (a reader builds its own index when it cannot write it); without one, and with no
/// WAL content to read, the file is opened `immutable`, which needs neither. Committed pages
/// left in a -wal without a -shm cannot be read without writing, so that is an error.
/// A database from a newer worklog is refused.
pub(crate) fn connect_read_only_live(path: &Path) -> Result<Connection> {
    if rusqlite::version_number() < MIN_SQLITE {
        return Err(Error::OldSqlite {
            found: rusqlite::version().to_string(),
            needed: MIN_SQLITE_TEXT,
        });
    }
    let side = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        std::path::PathBuf::from(p)
    };
    // Fails early, and clearly, on a missing or unreadable file.
    std::fs::File::open(path).map_err(|e| crate::paths::with_path(e, path))?;
    let wal_has_content = std::fs::metadata(side("-wal")).is_ok_and(|m| m.len() > 0);
    let conn = if side("-shm").exists() {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?
    } else if wal_has_content {
        return Err(Error::Io(format!(
            "{} holds changes that cannot be read without writing beside the database, which \
             is read-only; open it once where it can be written",
            side("-wal").display()
        )));
    } else {
        Connection::open_with_flags(
            format!("file:{}?immutable=1", snapshot::uri_path(path)),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?
    };
    conn.busy_timeout(std::time::Duration::from_millis(5000))?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.pragma_update(None, "query_only", true)?;
    migrate::ensure_lite_not_newer(&conn, migrate::MIGRATIONS)?;
    register_functions(&conn)?;
    Ok(conn)
}

#[cfg(test)]
mod tests {
    #[test]
    fn contains_folded_ignores_case_beyond_ascii() {
        use super::contains_folded as c;
        assert!(c("Met Zoë about the API", "zoë"));
        assert!(c("MET ZOË", "zoë"));
        assert!(c("Kubernetes", "kube"));
        assert!(!c("Kubernetes", "docker"));
        assert!(!c("plain ascii", "ë"));
        assert!(c("anything", ""));
        assert!(c("100% done_now", "% done_"));
        // ASCII needles in text beyond ASCII, without allocating, and the two exceptions.
        assert!(c("A 3× Improvement", "improvement"));
        assert!(!c("A 3× Improvement", "3x"));
        assert!(c("\u{212A}elvin", "kelvin"));
        assert!(c("İstanbul", "i"));
        assert!(!c("Ünïcode", "unicode"));
    }

    #[test]
    fn only_the_listed_characters_beyond_ascii_lower_case_to_ascii() {
        let found: Vec<char> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(found, super::LOWER_TO_ASCII);
    }
}
