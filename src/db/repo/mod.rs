//! The repository: one method per thing the user does.

use super::error::{Error, Result};
use super::identity::{self, Identity};
use super::migrate;
use crate::clock::Clock;
use crate::db::sql::Connection;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An open worklog database.
pub struct Repo {
    conn: Connection,
    clock: Arc<dyn Clock>,
    path: PathBuf,
    /// The database's identity as this session last acknowledged it (when it opened, migrated,
    /// imported into an empty database, or reloaded after noticing a change). Every write
    /// checks it inside its transaction and is refused ([`Error::Replaced`]) if the database
    /// now has another: what the session read came from a database that is gone.
    identity: RefCell<Identity>,
    /// The history of changes: the change being written, and what the app's undo captured.
    history: RefCell<history::Recorder>,
}

impl Repo {
    /// Opens (creating if needed) the database at `path` without migrating it. A database
    /// from a newer worklog is refused here, before anything writes to it.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Repo> {
        let conn = Connection::Lite(super::connect(path, migrate::MIGRATIONS)?);
        let identity = RefCell::new(identity::read(&conn)?);
        Ok(Repo {
            conn,
            clock,
            path: path.to_path_buf(),
            identity,
            history: RefCell::new(history::Recorder::new()),
        })
    }

    /// Connects to a PostgreSQL server (`url` as libpq takes it; see
    /// [`crate::db::sql::pg::Target::parse`]), working in `schema` (else the URL's
    /// `search_path`, else "worklog"), without migrating. A schema from a newer worklog is
    /// refused here, untouched.
    pub fn open_server(url: &str, schema: Option<&str>, clock: Arc<dyn Clock>) -> Result<Repo> {
        let target = crate::db::sql::pg::Target::parse(url, schema)?;
        let session = target
            .connect()
            .map_err(|e| Error::Io(format!("could not connect to {}: {e}", target.shown())))?;
        let conn = Connection::Pg(Box::new(session));
        migrate::ensure_not_newer(&conn, migrate::PG_MIGRATIONS)?;
        let identity = RefCell::new(identity::read(&conn)?);
        Ok(Repo {
            conn,
            clock,
            path: PathBuf::from(target.shown()),
            identity,
            history: RefCell::new(history::Recorder::new()),
        })
    }

    /// Like [`Repo::open_server`], then brings the schema up to date.
    pub fn open_server_migrated(
        url: &str,
        schema: Option<&str>,
        clock: Arc<dyn Clock>,
    ) -> Result<Repo> {
        let repo = Repo::open_server(url, schema, clock)?;
        repo.migrate_to(migrate::latest())?;
        Ok(repo)
    }

    /// Which backend this database is on.
    pub fn backend(&self) -> crate::db::sql::Backend {
        self.conn.backend()
    }

    /// Opens and brings the schema up to date (no backup: see `launch` for the full routine).
    pub fn open_migrated(path: &Path, clock: Arc<dyn Clock>) -> Result<Repo> {
        let repo = Repo::open(path, clock)?;
        repo.migrate_to(migrate::latest())?;
        Ok(repo)
    }

    /// The database file; on PostgreSQL, the server's address without its password.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Counts, from now on, every row this connection's statements hand back (a count is
    /// one row): what a view reads, for tests that prove it does not grow with the history.
    pub fn count_rows_read(&mut self) -> Result<std::sync::Arc<std::sync::atomic::AtomicU64>> {
        use std::sync::atomic::{AtomicU64, Ordering};
        let rows = std::sync::Arc::new(AtomicU64::new(0));
        let counter = rows.clone();
        self.conn.lite_mut()?.trace_v2(
            rusqlite::trace::TraceEventCodes::SQLITE_TRACE_ROW,
            Some(move |_: rusqlite::trace::TraceEvent<'_>| {
                counter.fetch_add(1, Ordering::Relaxed);
            }),
        )?;
        Ok(rows)
    }

    /// Caps this connection's page cache at `kib` KiB (every connection starts at 64 MB).
    /// A long-lived session that reads a page of rows at a time keeps its working set in far
    /// less, and SQLite's cache only grows: a scan of a large table would otherwise stay in
    /// memory for the rest of the session.
    pub fn limit_page_cache(&self, kib: u32) -> Result<()> {
        if let Ok(conn) = self.conn.lite() {
            conn.pragma_update(None, "cache_size", -i64::from(kib))?;
        }
        Ok(())
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<u32> {
        migrate::current(&self.conn)
    }

    /// Moves the schema to `target`, up or down. Each step gives the database a new identity;
    /// this session acknowledges it (migrating is how a session starts, before it reads).
    pub fn migrate_to(&self, target: u32) -> Result<Vec<u32>> {
        self.migrated(migrate::migrate_to(
            &self.conn,
            migrate::for_backend(self.conn.backend()),
            target,
        ))
    }

    /// After migrating (or failing to: a failed step changed nothing), this session's identity
    /// is the database's.
    fn migrated(&self, passed: Result<Vec<u32>>) -> Result<Vec<u32>> {
        self.history.borrow_mut().schema_changed();
        let acknowledged = self.acknowledge_identity();
        let passed = passed?;
        acknowledged?;
        Ok(passed)
    }

    /// Like [`Repo::migrate_to`] over a given list of migrations: lets tests prove that a
    /// failing step rolls back. Not for application code.
    #[doc(hidden)]
    pub fn migrate_with(&self, migrations: &[migrate::Migration], target: u32) -> Result<Vec<u32>> {
        self.migrated(migrate::migrate_to(&self.conn, migrations, target))
    }

    /// The identity this session last acknowledged.
    pub fn identity(&self) -> Identity {
        self.identity.borrow().clone()
    }

    /// True if the database now has another identity than the one this session acknowledged:
    /// it was replaced, and what the session shows is from the old one.
    pub fn identity_changed(&self) -> Result<bool> {
        Ok(identity::read(&self.conn)? != *self.identity.borrow())
    }

    /// Takes the database's current identity as this session's: call it when everything shown
    /// is read afresh, so writes are allowed again. Returns it.
    pub fn acknowledge_identity(&self) -> Result<Identity> {
        let now = identity::read(&self.conn)?;
        *self.identity.borrow_mut() = now.clone();
        Ok(now)
    }

    /// Refuses a write if the database was replaced since this session acknowledged it. Call
    /// inside the write transaction, so nothing can replace it between the check and commit.
    pub(crate) fn check_identity(&self, conn: &Connection) -> Result<()> {
        if identity::read(conn)? == *self.identity.borrow() {
            Ok(())
        } else {
            Err(Error::Replaced)
        }
    }

    /// Gives the database a new identity inside the caller's write transaction; the caller
    /// remembers it with [`Repo::acknowledge_identity`] once that commits.
    pub(crate) fn renew_identity(&self, why: identity::Renewal) -> Result<()> {
        identity::renew(&self.conn, why)
    }

    /// The schema as SQL text: every table, index and trigger the migrations made, in the
    /// order they were made. `schema.sql` at the root is this text.
    pub fn schema_sql(&self) -> Result<String> {
        let mut stmt = self.conn.prepare(
            "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
        )?;
        let parts = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<crate::db::sql::Result<Vec<_>>>()?;
        let mut out = format!(
            "-- worklog schema, version {}. Generated from src/db/migrations/ by the test\n\
             -- tests/migrations.rs (UPDATE_SCHEMA=1 cargo test --test migrations rewrites it).\n\
             -- Read-only reference: change the schema by adding a migration.\n",
            self.schema_version()?
        );
        for p in parts {
            out.push('\n');
            out.push_str(&p);
            out.push_str(";\n");
        }
        Ok(out)
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
            let tx = self.conn.begin_write()?;
            self.check_identity(&tx)?;
            self.history_begin(&tx)?;
            let value = f(&tx)?;
            let made = self.history_collect(&tx)?;
            crate::fault::point("repo.commit")?;
            tx.commit()?;
            self.history_committed(made);
            Ok(value)
        } else {
            self.conn
                .prepare_cached("SAVEPOINT repo_write")?
                .execute([])?;
            match f(&self.conn) {
                Ok(value) => {
                    self.conn
                        .prepare_cached("RELEASE repo_write")?
                        .execute([])?;
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

mod action_items;
mod admin;
mod attachments;
pub use attachments::BlobState;
mod browse;
mod calendar;
pub use calendar::{
    CalendarExport, CalendarKnown, CalendarOccurrence, CalendarPerson, CalendarSource, CalendarTodo,
};
mod complete;
pub use browse::{COUNT_CAP, ListFilter, ListPage, ReadKind};
pub use complete::{Candidate, RowsOf};
mod energy;
pub mod exchange;
mod feedback;
mod goals;
mod history;
pub use history::{Change, table_of as history_table, when as history_when};
mod journal;
mod meetings;
mod people;
mod raw;
mod removal;
pub use removal::{Removed, Undone};
mod search;
mod skills;
mod tasks;
pub use tasks::Move;
mod util;
