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
    Migration {
        version: 4,
        name: "identity",
        up: include_str!("migrations/0004_identity.up.sql"),
        down: include_str!("migrations/0004_identity.down.sql"),
    },
    Migration {
        version: 5,
        name: "paging",
        up: include_str!("migrations/0005_paging.up.sql"),
        down: include_str!("migrations/0005_paging.down.sql"),
    },
    Migration {
        version: 6,
        name: "goal_windows",
        up: include_str!("migrations/0006_goal_windows.up.sql"),
        down: include_str!("migrations/0006_goal_windows.down.sql"),
    },
    Migration {
        version: 7,
        name: "name_keys",
        up: include_str!("migrations/0007_name_keys.up.sql"),
        down: include_str!("migrations/0007_name_keys.down.sql"),
    },
    Migration {
        version: 8,
        name: "feedback_paging",
        up: include_str!("migrations/0008_feedback_paging.up.sql"),
        down: include_str!("migrations/0008_feedback_paging.down.sql"),
    },
    Migration {
        version: 9,
        name: "journal_text",
        up: include_str!("migrations/0009_journal_text.up.sql"),
        down: include_str!("migrations/0009_journal_text.down.sql"),
    },
    Migration {
        version: 10,
        name: "shell_lists",
        up: include_str!("migrations/0010_shell_lists.up.sql"),
        down: include_str!("migrations/0010_shell_lists.down.sql"),
    },
    Migration {
        version: 11,
        name: "calendar",
        up: include_str!("migrations/0011_calendar.up.sql"),
        down: include_str!("migrations/0011_calendar.down.sql"),
    },
    Migration {
        version: 12,
        name: "calendar_identity",
        up: include_str!("migrations/0012_calendar_identity.up.sql"),
        down: include_str!("migrations/0012_calendar_identity.down.sql"),
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
    // Steps may call worklog's own SQL functions (6 fills keys with `fold_name`), whatever
    // connection runs them: a bare one checking a backup, or an in-memory reference.
    super::register_functions(conn)?;
    let mut passed = Vec::new();
    // Foreign keys cannot be switched inside a transaction. They are off while steps run, so a
    // step may rebuild a table, and each step proves the keys still hold before it commits.
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = (|| {
        while let Some(next) = run_next_step(conn, migrations, target)? {
            crate::fault::point("migrate.step")?;
            passed.push(next);
        }
        Ok(())
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

/// Takes one step toward `target` in its own IMMEDIATE transaction, and returns the version it
/// reached, or `None` if the database is already at `target`. The version is read inside the
/// transaction, after the write lock is taken: another session migrating the same file at the
/// same moment (two first launches of a new version) has either committed its step, which is
/// then seen and not applied again, or waits for this one.
fn run_next_step(conn: &Connection, migrations: &[Migration], target: u32) -> Result<Option<u32>> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let at = current(&tx)?;
    let supported = migrations.last().map_or(0, |m| m.version);
    if at > supported {
        return Err(Error::TooNew {
            found: at,
            supported,
        });
    }
    if at == target {
        tx.commit()?;
        return Ok(None);
    }
    let (sql, next) = if at < target {
        (step(migrations, at + 1)?.up, at + 1)
    } else {
        (step(migrations, at)?.down, at - 1)
    };
    tx.execute_batch(sql)
        .map_err(|e| Error::Sqlite(format!("migration to version {next} failed: {e}")))?;
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
        r.get(0)
    })?;
    if broken > 0 {
        return Err(Error::Sqlite(format!(
            "migration to version {next} would leave {broken} broken foreign keys"
        )));
    }
    // A migrated database is another database to a session that read it before: give it a
    // new identity in the same transaction (the schema version changes too, below).
    super::identity::renew(&tx, super::identity::Renewal::Migrate)?;
    tx.pragma_update(None, "user_version", next)?;
    tx.commit()?;
    Ok(Some(next))
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
