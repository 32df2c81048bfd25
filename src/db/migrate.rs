//! Schema migrations: numbered SQL files embedded in the binary, applied in order and tracked
//! by `PRAGMA user_version`. Each step runs in its own transaction, so a failed step leaves
//! the database exactly as it was before that step. Files are append-only: never edit one
//! that has shipped; add the next number instead.

use super::error::{Error, Result};
use super::sql::{Backend, Connection};

/// One schema step, with the SQL that undoes it.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub up: &'static str,
    pub down: &'static str,
}

/// One list of steps per backend, from the files of one folder: `NNNN_name.up.sql` and
/// `NNNN_name.down.sql`.
macro_rules! steps {
    ($dir:literal; $($version:literal $name:literal $file:literal,)*) => {
        &[$(Migration {
            version: $version,
            name: $name,
            up: include_str!(concat!($dir, "/", $file, ".up.sql")),
            down: include_str!(concat!($dir, "/", $file, ".down.sql")),
        }),*]
    };
}

/// Every SQLite migration, in order. `version` must equal its position plus one.
pub const MIGRATIONS: &[Migration] = steps!("migrations";
    1 "init" "0001_init",
    2 "imports" "0002_imports",
    3 "search" "0003_search",
    4 "identity" "0004_identity",
    5 "paging" "0005_paging",
    6 "goal_windows" "0006_goal_windows",
    7 "name_keys" "0007_name_keys",
    8 "feedback_paging" "0008_feedback_paging",
    9 "journal_text" "0009_journal_text",
    10 "shell_lists" "0010_shell_lists",
    11 "calendar" "0011_calendar",
    12 "calendar_identity" "0012_calendar_identity",
    13 "history" "0013_history",
);

/// The same steps for PostgreSQL: the same numbers and names, in PostgreSQL's dialect
/// (`migrations_pg/README.md` says how the types map).
pub const PG_MIGRATIONS: &[Migration] = steps!("migrations_pg";
    1 "init" "0001_init",
    2 "imports" "0002_imports",
    3 "search" "0003_search",
    4 "identity" "0004_identity",
    5 "paging" "0005_paging",
    6 "goal_windows" "0006_goal_windows",
    7 "name_keys" "0007_name_keys",
    8 "feedback_paging" "0008_feedback_paging",
    9 "journal_text" "0009_journal_text",
    10 "shell_lists" "0010_shell_lists",
    11 "calendar" "0011_calendar",
    12 "calendar_identity" "0012_calendar_identity",
    13 "history" "0013_history",
);

/// The steps for a backend.
pub fn for_backend(backend: Backend) -> &'static [Migration] {
    match backend {
        Backend::Sqlite => MIGRATIONS,
        Backend::Postgres => PG_MIGRATIONS,
    }
}

/// The schema version this binary builds.
pub fn latest() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The schema version of a SQLite file.
pub(crate) fn lite_version(conn: &rusqlite::Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a SQLite file made by a newer worklog, before anything touches it.
pub(crate) fn ensure_lite_not_newer(
    conn: &rusqlite::Connection,
    migrations: &[Migration],
) -> Result<()> {
    not_newer(lite_version(conn)?, migrations)
}

fn not_newer(found: u32, migrations: &[Migration]) -> Result<()> {
    let supported = migrations.last().map_or(0, |m| m.version);
    if found > supported {
        return Err(Error::TooNew { found, supported });
    }
    Ok(())
}

/// The schema version the database is at.
pub fn current(conn: &Connection) -> Result<u32> {
    match conn {
        Connection::Lite(lite) => lite_version(lite),
        Connection::Pg(_) => {
            let has_table: bool = conn.query_row(
                "SELECT to_regclass('worklog_version') IS NOT NULL",
                [],
                |r| r.get(0),
            )?;
            if !has_table {
                return Ok(0);
            }
            Ok(conn.query_row("SELECT version FROM worklog_version", [], |r| r.get(0))?)
        }
    }
}

/// Refuses a database made by a newer worklog, before anything touches it.
pub fn ensure_not_newer(conn: &Connection, migrations: &[Migration]) -> Result<()> {
    not_newer(current(conn)?, migrations)
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
    let mut passed = Vec::new();
    let mut run = || -> Result<()> {
        while let Some(next) = run_next_step(conn, migrations, target)? {
            crate::fault::point("migrate.step")?;
            passed.push(next);
        }
        Ok(())
    };
    match conn {
        Connection::Lite(lite) => {
            super::register_functions(lite)?;
            // Foreign keys cannot be switched inside a transaction. They are off while steps
            // run, so a step may rebuild a table, and each step proves the keys still hold
            // before it commits.
            lite.pragma_update(None, "foreign_keys", false)?;
            let result = run();
            lite.pragma_update(None, "foreign_keys", true)?;
            result?;
        }
        // PostgreSQL checks foreign keys as each statement runs, DDL included.
        Connection::Pg(_) => run()?,
    }
    Ok(passed)
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
    let tx = conn.begin_write()?;
    let at = current(&tx)?;
    let supported = migrations.last().map_or(0, |m| m.version);
    if at > supported {
        return Err(Error::TooNew {
            found: at,
            supported,
        });
    }
    if at == target {
        // Nothing was written: ending without a commit tells no other session of a change.
        drop(tx);
        return Ok(None);
    }
    let (sql, next) = if at < target {
        (step(migrations, at + 1)?.up, at + 1)
    } else {
        (step(migrations, at)?.down, at - 1)
    };
    tx.execute_batch(sql)
        .map_err(|e| Error::Sqlite(format!("migration to version {next} failed: {e}")))?;
    if let Connection::Lite(lite) = conn {
        let broken: i64 =
            lite.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken > 0 {
            return Err(Error::Sqlite(format!(
                "migration to version {next} would leave {broken} broken foreign keys"
            )));
        }
    }
    // A migrated database is another database to a session that read it before: give it a
    // new identity in the same transaction (the schema version changes too, below).
    super::identity::renew(&tx, super::identity::Renewal::Migrate)?;
    match conn {
        Connection::Lite(lite) => lite.pragma_update(None, "user_version", next)?,
        // Each PostgreSQL step records its own version; a step that forgets is a bug.
        Connection::Pg(_) => {
            let now = current(&tx)?;
            if now != next {
                return Err(Error::Sqlite(format!(
                    "migration to version {next} left the version at {now}"
                )));
            }
        }
    }
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

    #[test]
    fn both_backends_have_the_same_steps() {
        let names = |l: &[Migration]| l.iter().map(|m| (m.version, m.name)).collect::<Vec<_>>();
        assert_eq!(names(MIGRATIONS), names(PG_MIGRATIONS));
        for m in PG_MIGRATIONS {
            assert!(
                !m.up.trim().is_empty() && !m.down.trim().is_empty(),
                "{}",
                m.name
            );
        }
    }
}
