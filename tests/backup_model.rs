//! A model-based test of the backup safety net: a seeded random sequence of what a user (and
//! bad luck) does over many days on a fake clock, checked after every step against one rule:
//!
//! **Every row that any backup has ever held is still held by some backup or by the live
//! database, unless the user let it go.**
//!
//! Rows are compared by table and full content (every column, the id included; ids can be
//! reused, so a row is only "the same" if everything matches). "The user let it go" means,
//! exactly:
//! - `worklog backup --accept-shrink`: the user confirms the database as it is; every row
//!   it does not hold is released;
//! - a restore the user chose: the restored file's rows are what the user wants; every other
//!   row is released;
//! - a soft delete the user made: the row's earlier version (before `deleted_at` was set) is
//!   superseded by the user's own edit and released (the row itself stays).
//!
//! Nothing else releases a row: not emptying the file (`: > worklog.db`), not a confirmed
//! down-migration to version 0 (the safety net must protect the backups either way), not
//! rotation, not days passing.
//!
//! `WORKLOG_SOAK=N` runs N sequences instead of a few (and `WORKLOG_SEED=S` starts at seed S).
#![allow(clippy::unwrap_used, clippy::expect_used)]
// The model reads every row of a file directly, to compare what is really on disk.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::at;

use chrono::{Duration, NaiveDateTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::sync::Arc;
use worklog::backup::{self, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::db::Repo;
use worklog::launch;
use worklog::model::{Deletable, TaskDraft};
use worklog::paths::DataDir;

/// A row: its table and every column, rendered.
type Row = (String, String);

/// Every row of every user table in a database file (none if it cannot be read). The search
/// index is derived, and the database's identity is not the user's: both are left out.
fn rows_of(path: &Path) -> BTreeSet<Row> {
    let mut out = BTreeSet::new();
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return out;
    };
    let tables: Vec<String> = match conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE 'search%' AND name <> 'database_identity'",
    ) {
        Ok(mut stmt) => stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect(),
        Err(_) => return out,
    };
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut s = String::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push_str(&format!("{v:?}|"));
                }
                Ok(s)
            })
            .unwrap();
        for r in rows {
            out.insert((t.clone(), r.unwrap()));
        }
    }
    out
}

struct World {
    _tmp: tempfile::TempDir,
    dir: DataDir,
    clock: Arc<FixedClock>,
    rng: ChaCha8Rng,
    /// Rows some backup has held and the user has not let go.
    owed: BTreeSet<Row>,
    /// Rows the user let go: never owed again.
    released: BTreeSet<Row>,
    log: Vec<String>,
    cache: BTreeMap<(String, u64, Option<std::time::SystemTime>), BTreeSet<Row>>,
}

impl World {
    fn new(seed: u64) -> World {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(tmp.path().join("data"));
        World {
            _tmp: tmp,
            dir,
            clock: Arc::new(FixedClock::new(at("2026-01-05T09:00:00"))),
            rng: ChaCha8Rng::seed_from_u64(seed),
            owed: BTreeSet::new(),
            released: BTreeSet::new(),
            log: Vec::new(),
            cache: BTreeMap::new(),
        }
    }

    fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    /// What every command does first.
    fn launch(&self) -> Option<Repo> {
        launch::launch(&self.dir, self.clock(), launch::Daily::Wait)
            .ok()
            .map(|l| l.repo)
    }

    /// Everything the backups hold now. A backup never changes once made, so its rows are
    /// read once (keyed by name, size and time, in case a name is reused).
    fn backup_rows(&mut self) -> BTreeSet<Row> {
        let mut all = BTreeSet::new();
        for b in backup::list(&self.dir).unwrap() {
            let modified = fs::metadata(&b.path).and_then(|m| m.modified()).ok();
            let key = (b.file_name(), b.size, modified);
            let rows = self.cache.entry(key).or_insert_with(|| rows_of(&b.path));
            all.extend(rows.iter().cloned());
        }
        all
    }

    /// The user confirms `keep` as their data: everything else is let go.
    fn confirm(&mut self, keep: BTreeSet<Row>) {
        let mut everything = self.backup_rows();
        everything.extend(rows_of(&self.dir.database()));
        everything.extend(self.owed.iter().cloned());
        for r in everything {
            if !keep.contains(&r) {
                self.released.insert(r);
            }
        }
        for r in &keep {
            self.released.remove(r);
        }
        self.owed = keep;
    }

    fn step(&mut self) {
        let roll = self.rng.random_range(0..100);
        let what = match roll {
            0..22 => {
                let n = self.rng.random_range(1..6);
                if let Some(repo) = self.launch() {
                    let today = self.now().date();
                    for _ in 0..n {
                        let title = format!("task {}", self.rng.random::<u64>());
                        repo.add_task(
                            today,
                            &TaskDraft {
                                title,
                                ..TaskDraft::default()
                            },
                        )
                        .unwrap();
                    }
                }
                format!("add {n}")
            }
            22..28 => {
                if let Some(repo) = self.launch() {
                    let db = self.dir.database();
                    let ids: Vec<i64> = repo
                        .tasks_on(self.now().date())
                        .unwrap_or_default()
                        .into_iter()
                        .map(|t| t.id)
                        .collect();
                    if !ids.is_empty() {
                        let id = ids[self.rng.random_range(0..ids.len())];
                        let before = rows_of(&db);
                        repo.delete(Deletable::Task, id).unwrap();
                        let after = rows_of(&db);
                        for old in before.difference(&after) {
                            self.owed.remove(old);
                            self.released.insert(old.clone());
                        }
                        format!("soft delete task {id}")
                    } else {
                        "soft delete (nothing today)".into()
                    }
                } else {
                    "soft delete (launch refused)".into()
                }
            }
            28..40 => {
                let ok = self.launch().is_some();
                format!("launch ({})", if ok { "ok" } else { "refused" })
            }
            40..48 => {
                let ok = launch::open(&self.dir, self.clock())
                    .map_err(|e| e.to_string())
                    .and_then(|repo| {
                        drop(repo);
                        backup::take(&self.dir, &*self.clock, Reason::Manual)
                            .map_err(|e| e.to_string())
                    });
                format!("backup ({})", if ok.is_ok() { "ok" } else { "refused" })
            }
            48..52 => {
                let db = self.dir.database();
                if db.exists() {
                    fs::write(&db, "").unwrap();
                }
                ": > worklog.db".into()
            }
            52..55 => {
                let r = launch::migrate_to(&self.dir, self.clock(), 0);
                format!(
                    "migrate --to 0 --yes ({})",
                    if r.is_ok() { "ok" } else { "refused" }
                )
            }
            55..57 => {
                let list = backup::list(&self.dir).unwrap();
                if list.is_empty() {
                    "restore (no backups)".into()
                } else {
                    let pick = list[self.rng.random_range(0..list.len())].clone();
                    let keep = rows_of(&pick.path);
                    match backup::restore(&self.dir, self.clock(), &pick.path) {
                        Ok(_) => {
                            self.confirm(keep);
                            format!("restore {}", pick.file_name())
                        }
                        Err(e) => format!("restore {} failed: {e:#}", pick.file_name()),
                    }
                }
            }
            57..59 => match accept_shrink(&self.dir, self.clock()) {
                Ok(path) => {
                    self.confirm(rows_of(&path));
                    "backup --accept-shrink".into()
                }
                Err(e) => format!("backup --accept-shrink refused: {e:#}"),
            },
            _ => {
                let hours = if self.rng.random_bool(0.8) {
                    24 * self.rng.random_range(1..4)
                } else {
                    self.rng.random_range(1..8)
                };
                self.clock.set(self.now() + Duration::hours(hours));
                format!("time passes: {hours} h")
            }
        };
        self.log.push(format!("{} {what}", self.now()));
    }

    /// The rule, then what the backups hold now becomes owed.
    fn check(&mut self) -> Result<(), String> {
        let mut held = self.backup_rows();
        held.extend(rows_of(&self.dir.database()));
        if let Some(lost) = self.owed.iter().find(|r| !held.contains(*r)) {
            return Err(format!(
                "lost {lost:?} ({} rows lost in all) after:\n{}",
                self.owed.difference(&held).count(),
                self.log.join("\n")
            ));
        }
        for r in self.backup_rows() {
            if !self.released.contains(&r) {
                self.owed.insert(r);
            }
        }
        Ok(())
    }
}

/// `worklog backup --accept-shrink`: the path of the backup taken.
fn accept_shrink(dir: &DataDir, clock: Arc<dyn Clock>) -> anyhow::Result<std::path::PathBuf> {
    drop(launch::open(dir, clock.clone())?);
    Ok(backup::accept_shrink(dir, &*clock)?.path)
}

/// Runs one sequence; returns its log, for the totals.
fn run(seed: u64, steps: usize) -> Vec<String> {
    let mut w = World::new(seed);
    for _ in 0..steps {
        w.step();
        if let Err(e) = w.check() {
            panic!("seed {seed}: {e}");
        }
        if backup::shrink(&w.dir).unwrap().is_some() {
            w.log.push("(suspected loss on record)".into());
        }
    }
    w.log
}

#[test]
fn no_backed_up_row_is_ever_lost_without_the_users_word() {
    let seed0: u64 = std::env::var("WORKLOG_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let runs: u64 = std::env::var("WORKLOG_SOAK")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    // The sequences are independent (each its own folder and clock), so they run side by
    // side, as many at once as there are cores (a soak's too). A failing one panics here.
    let next = std::sync::atomic::AtomicU64::new(seed0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u64);
    let log: Vec<String> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..cores.min(runs))
            .map(|_| {
                s.spawn(|| {
                    let mut log = Vec::new();
                    loop {
                        let seed = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if seed >= seed0 + runs {
                            return log;
                        }
                        log.extend(run(seed, 200));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    // The mix, so a soak can report what it went through (`--nocapture` shows it).
    let count = |what: &str| log.iter().filter(|l| l.contains(what)).count();
    eprintln!(
        "{runs} runs: {} steps, {} emptied files, {} down-migrations, {} restores, {} \
         accepted shrinks, {} steps with a suspected loss on record, nothing lost",
        log.len() - count("(suspected loss"),
        count(": > worklog.db"),
        count("migrate --to 0 --yes (ok)"),
        count(" restore worklog-"),
        count("backup --accept-shrink") - count("accept-shrink refused"),
        count("(suspected loss"),
    );
    assert!(count(": > worklog.db") > 0 && count(" restore worklog-") > 0);
}
