//! Consistent copies of a live database, and checking that a copy is sound.

use super::error::{Error, Result};
use crate::model::RowCounts;
use rusqlite::Connection;
use std::path::Path;

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
