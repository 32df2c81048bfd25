//! The repository: one method per thing the user does.

use super::error::Result;
use super::migrate;
use crate::clock::Clock;
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An open worklog database.
pub struct Repo {
    conn: Connection,
    clock: Arc<dyn Clock>,
    path: PathBuf,
}

impl Repo {
    /// Opens (creating if needed) the database at `path` without migrating it. A database
    /// from a newer worklog is refused here, before anything writes to it.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Repo> {
        let conn = super::connect(path, migrate::MIGRATIONS)?;
        Ok(Repo {
            conn,
            clock,
            path: path.to_path_buf(),
        })
    }

    /// Opens and brings the schema up to date (no backup: see `launch` for the full routine).
    pub fn open_migrated(path: &Path, clock: Arc<dyn Clock>) -> Result<Repo> {
        let repo = Repo::open(path, clock)?;
        repo.migrate_to(migrate::latest())?;
        Ok(repo)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<u32> {
        migrate::current(&self.conn)
    }

    /// Moves the schema to `target`, up or down.
    pub fn migrate_to(&self, target: u32) -> Result<Vec<u32>> {
        migrate::migrate_to(&self.conn, migrate::MIGRATIONS, target)
    }

    /// Runs `f` inside one transaction: for bulk work (import, demo data) that calls many
    /// repository methods. Nested writes become savepoints; an error rolls everything back.
    pub fn in_transaction<T>(&self, f: impl FnOnce(&Repo) -> Result<T>) -> Result<T> {
        self.write(|_| f(self))
    }

    /// Runs a write. Outside a transaction it begins one IMMEDIATE (so a second session waits
    /// for the lock instead of failing later with SQLITE_BUSY); inside one, a savepoint.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.conn.is_autocommit() {
            let tx =
                rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        } else {
            self.conn.execute_batch("SAVEPOINT repo_write")?;
            match f(&self.conn) {
                Ok(value) => {
                    self.conn.execute_batch("RELEASE repo_write")?;
                    Ok(value)
                }
                Err(e) => {
                    // If this fails the outer transaction rolls back when it drops, which still
                    // leaves nothing half-written; the original error is the one worth reporting.
                    let _ = self
                        .conn
                        .execute_batch("ROLLBACK TO repo_write; RELEASE repo_write");
                    Err(e)
                }
            }
        }
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

mod admin;
mod energy;
mod people;
mod tasks;
pub use tasks::Move;
mod util;
