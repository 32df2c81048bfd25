//! Schema migrations: numbered SQL files embedded in the binary, applied in order and tracked
//! by `PRAGMA user_version`. Each step runs in its own transaction, so a failed step leaves
//! the database exactly as it was before that step. Files are append-only: never edit one
//! that has shipped; add the next number instead.

use super::error::{Error, Result};
use rusqlite::{Connection, TransactionBehavior};

/// One schema step, with the SQL that undoes it.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub up: &'static str,
    pub down: &'static str,
}

/// Every migration, in order. `version` must equal its position plus one.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "init",
        up: include_str!("migrations/0001_init.up.sql"),
        down: include_str!("migrations/0001_init.down.sql"),
    },
    Migration {
        version: 2,
        name: "imports",
        up: include_str!("migrations/0002_imports.up.sql"),
        down: include_str!("migrations/0002_imports.down.sql"),
    },
    Migration {
        version: 3,
        name: "search",
        up: include_str!("migrations/0003_search.up.sql"),
        down: include_str!("migrations/0003_search.down.sql"),
    },
];

/// The schema version this binary builds.
pub fn latest() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The schema version the database is at.
pub fn current(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a database made by a newer worklog, before anything touches it.
pub fn ensure_not_newer(conn: &Connection, migrations: &[Migration]) -> Result<()> {
    let found = current(conn)?;
    let supported = migrations.last().map_or(0, |m| m.version);
    if found > supported {
        return Err(Error::TooNew { found, supported });
    }
    Ok(())
}

/// Moves the schema to `target`, up or down, one transaction per step. Returns the versions
/// passed through (the last is where it stopped).
pub fn migrate_to(conn: &Connection, migrations: &[Migration], target: u32) -> Result<Vec<u32>> {
    ensure_not_newer(conn, migrations)?;
    let supported = migrations.last().map_or(0, |m| m.version);
    if target > supported {
        return Err(Error::invalid(
            "version",
            format!("schema version must be 0–{supported}, got {target}"),
        ));
    }
    let mut passed = Vec::new();
    // Foreign keys cannot be switched inside a transaction. They are off while steps run, so a
    // step may rebuild a table, and each step proves the keys still hold before it commits.
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = (|| {
        loop {
            let at = current(conn)?;
            if at == target {
                return Ok(());
            }
            let (sql, next) = if at < target {
                let m = step(migrations, at + 1)?;
                (m.up, at + 1)
            } else {
                let m = step(migrations, at)?;
                (m.down, at - 1)
            };
            run_step(conn, sql, next)?;
            crate::fault::point("migrate.step")?;
            passed.push(next);
        }
    })();
    conn.pragma_update(None, "foreign_keys", true)?;
    result.map(|()| passed)
}

fn step(migrations: &[Migration], version: u32) -> Result<&Migration> {
    migrations
        .iter()
        .find(|m| m.version == version)
        .ok_or_else(|| Error::Sqlite(format!("no migration numbered {version}")))
}

fn run_step(conn: &Connection, sql: &str, new_version: u32) -> Result<()> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    tx.execute_batch(sql)
        .map_err(|e| Error::Sqlite(format!("migration to version {new_version} failed: {e}")))?;
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(Error::Sqlite(format!(
            "migration to version {new_version} would leave {broken} broken foreign keys"
        )));
    }
    tx.pragma_update(None, "user_version", new_version)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_numbered_in_order() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "migration {}", m.name);
        }
    }
}
