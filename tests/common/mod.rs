//! Shared test helpers: a real database file in a temporary directory, on a fixed clock.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod bin;
pub mod pg;
pub mod pty;

use chrono::{NaiveDate, NaiveDateTime};
use std::sync::Arc;
use tempfile::TempDir;
use worklog::clock::FixedClock;
use worklog::db::Repo;

pub struct TestDb {
    pub dir: TempDir,
    pub clock: Arc<FixedClock>,
    pub repo: Repo,
    /// On PostgreSQL: the server's URL and this test's schema.
    pub server: Option<(String, String)>,
}

pub fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
}

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A fresh, migrated database file whose clock reads `now`.
pub fn db_at(now: &str) -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(at(now)));
    let repo = Repo::open_migrated(&dir.path().join("worklog.db"), clock.clone()).unwrap();
    TestDb {
        dir,
        clock,
        repo,
        server: None,
    }
}

pub fn db() -> TestDb {
    db_at("2026-11-22T09:30:00")
}

/// A second connection to the same file, as a second worklog session would have.
pub fn second_session(t: &TestDb) -> Repo {
    match &t.server {
        Some((url, schema)) => {
            Repo::open_server_migrated(url, Some(schema), t.clock.clone()).unwrap()
        }
        None => Repo::open_migrated(&t.dir.path().join("worklog.db"), t.clock.clone()).unwrap(),
    }
}

/// The database the real binary uses in this test ([`bin::worklog`]): the data directory's
/// file, or on PostgreSQL this test's schema ([`on_postgres::use_fresh_schema`]), opened
/// (made and migrated if need be) on a clock reading `now`.
pub fn open_as_the_binary(data: &std::path::Path, now: &str) -> Repo {
    let clock = Arc::new(FixedClock::new(at(now)));
    match on_postgres::current() {
        Some((url, schema)) => Repo::open_server_migrated(&url, Some(&schema), clock).unwrap(),
        None => worklog::launch::open(&worklog::paths::DataDir::new(data), clock).unwrap(),
    }
}

/// The same database on PostgreSQL: a fresh schema on the throwaway server ([`pg`]).
pub mod on_postgres {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        /// The schema this test's commands run on (`bin::worklog` passes it on): the one made
        /// last on this thread.
        static CURRENT: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
    }

    /// The server and schema the real binary is to use in this test, if it runs on PostgreSQL.
    pub fn current() -> Option<(String, String)> {
        CURRENT.with(|c| c.borrow().clone())
    }

    /// From now on the real binary runs on the data directory's own file again.
    pub fn forget() {
        CURRENT.with(|c| *c.borrow_mut() = None);
    }

    /// A fresh schema, which the real binary then uses in this test.
    pub fn use_fresh_schema() -> (String, String) {
        let server = pg::server().expect("checked by the caller");
        let (url, schema) = server.fresh_schema();
        CURRENT.with(|c| *c.borrow_mut() = Some((url.clone(), schema.clone())));
        (url, schema)
    }

    pub fn db_at(now: &str) -> TestDb {
        let (url, schema) = use_fresh_schema();
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::new(at(now)));
        let repo = Repo::open_server_migrated(&url, Some(&schema), clock.clone()).unwrap();
        TestDb {
            dir,
            clock,
            repo,
            server: Some((url, schema)),
        }
    }

    pub fn db() -> TestDb {
        db_at("2026-11-22T09:30:00")
    }
}

/// Runs each `#[test] fn` given once on SQLite (`mod sqlite`) and once on PostgreSQL
/// (`mod postgres`, where `db()` and `db_at()` make a fresh schema on the throwaway server):
/// the repository's contract holds on both. Without PostgreSQL installed the second run
/// returns at once (see `pg`).
#[macro_export]
macro_rules! on_both_backends {
    ($($(#[$meta:meta])* fn $name:ident() $body:block)*) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $($(#[$meta])* fn $name() $body)*
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            #[allow(unused_imports)]
            use $crate::common::on_postgres::{db, db_at};
            $($(#[$meta])* fn $name() {
                if $crate::common::pg::server().is_none() {
                    return;
                }
                // Commands run with the real binary go to this test's own schema.
                $crate::common::on_postgres::use_fresh_schema();
                $body
            })*
        }
    };
}
