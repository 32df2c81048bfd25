//! Shared test helpers: a real database file in a temporary directory, on a fixed clock.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod bin;
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
    TestDb { dir, clock, repo }
}

pub fn db() -> TestDb {
    db_at("2026-11-22T09:30:00")
}

/// A second connection to the same file, as a second worklog session would have.
pub fn second_session(t: &TestDb) -> Repo {
    Repo::open_migrated(&t.dir.path().join("worklog.db"), t.clock.clone()).unwrap()
}
