//! `worklog restore` against what else is going on: writers running through it, sessions
//! open across it, and the files a damaged or missing database leaves behind.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// The tests read the files on disk with their own connections, independently of worklog.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::bin::worklog;
use common::{at, day};

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tempfile::TempDir;
use worklog::backup::{self, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::db::Repo;
use worklog::launch;
use worklog::model::TaskDraft;
use worklog::paths::DataDir;

const NOW: &str = "2026-11-22T09:30:00";

struct Env {
    _tmp: TempDir,
    dir: DataDir,
    clock: Arc<FixedClock>,
}

impl Env {
    fn new() -> Env {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(tmp.path().join("data"));
        Env {
            _tmp: tmp,
            dir,
            clock: Arc::new(FixedClock::new(at(NOW))),
        }
    }

    fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    fn open(&self) -> Repo {
        launch::open(&self.dir, self.clock()).unwrap()
    }
}

fn add_tasks(repo: &Repo, n: usize, prefix: &str) {
    repo.in_transaction(|r| {
        for i in 0..n {
            let draft = TaskDraft {
                title: format!("{prefix} {i}"),
                notes: "some notes to give the database some weight ".repeat(4),
                ..TaskDraft::default()
            };
            r.add_task(day("2026-11-22"), &draft)?;
        }
        Ok(())
    })
    .unwrap();
}

/// Task titles in a database file, read with a plain connection (from the table itself: an
/// index may be damaged).
fn titles(path: &Path) -> BTreeSet<String> {
    let c = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let mut stmt = c.prepare("SELECT title FROM tasks NOT INDEXED").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The issue's case 3: shell loops add tasks while restores run. Every add that said "added
/// task N" and exited 0 must be somewhere: in a pre-restore backup (it was made before that
/// restore) or in the live database (made after the last one).
#[test]
fn every_acknowledged_write_during_restores_is_in_a_pre_restore_backup_or_the_live_database() {
    let env = Env::new();
    add_tasks(&env.open(), 3000, "seed");
    let point = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    let data = env.dir.root().to_path_buf();
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let (data, stop) = (data.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut acked = Vec::new();
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    let title = format!("writer {w} add {i}");
                    let run = worklog(&data, NOW, &["add", "task", &title]);
                    if run.code == 0 && run.stdout.starts_with("added task ") {
                        acked.push(title);
                    }
                    i += 1;
                }
                acked
            })
        })
        .collect();
    let source = point.path.to_str().unwrap().to_string();
    // Two restores (rotation keeps the three newest backups: the point and both
    // pre-restore ones), each with writers before, during and after it.
    for _ in 0..2 {
        std::thread::sleep(std::time::Duration::from_millis(400));
        let run = worklog(&data, NOW, &["restore", &source]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    }
    std::thread::sleep(std::time::Duration::from_millis(400));
    stop.store(true, Ordering::Relaxed);
    let acked: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert!(
        acked.len() > 20,
        "too few writes went through: {}",
        acked.len()
    );

    let mut found = titles(&env.dir.database());
    let pre_restore: Vec<_> = backup::list(&env.dir)
        .unwrap()
        .into_iter()
        .filter(|b| b.name.reason == Reason::PreRestore)
        .collect();
    assert_eq!(pre_restore.len(), 2);
    for b in &pre_restore {
        found.extend(titles(&b.path));
    }
    let lost: Vec<&String> = acked.iter().filter(|t| !found.contains(*t)).collect();
    assert!(
        lost.is_empty(),
        "{} of {} acknowledged adds are lost: {lost:?}",
        lost.len(),
        acked.len()
    );
}

/// The state of a database whose last writes are only in its WAL, as a crash or a killed
/// session leaves it: the main file and its `-wal`, copied while the sessions that wrote
/// them were still open (closing the last one would fold the WAL in). The backup `point`
/// holds "before"; the WAL holds "only in the wal" too. With `damage`, the file also fails its
/// integrity check (an index whose definition no longer matches its entries) while its rows
/// still read.
struct Crashed {
    env: Env,
    point: PathBuf,
    db: Vec<u8>,
    wal: Vec<u8>,
}

fn crashed(damage: bool) -> Crashed {
    let env = Env::new();
    let repo = env.open();
    add_tasks(&repo, 20, "before");
    let point = backup::take(&env.dir, &*env.clock, Reason::Manual)
        .unwrap()
        .path;
    let live = env.dir.database();
    // Fold what is there into the main file, so the WAL then holds only the new writes.
    let raw = rusqlite::Connection::open(&live).unwrap();
    raw.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    if damage {
        raw.execute_batch(
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = 'CREATE INDEX tasks_day ON tasks(title, position)'
              WHERE name = 'tasks_day';
             PRAGMA writable_schema = OFF;",
        )
        .unwrap();
    }
    add_tasks(&repo, 1, "only in the wal");
    let db = fs::read(&live).unwrap();
    let wal = fs::read(side(&live, "-wal")).unwrap();
    assert!(!wal.is_empty());
    drop(raw);
    drop(repo);
    Crashed {
        env,
        point,
        db,
        wal,
    }
}

impl Crashed {
    fn restore(&self) -> common::bin::Run {
        worklog(
            self.env.dir.root(),
            NOW,
            &["restore", self.point.to_str().unwrap()],
        )
    }

    /// The files restore set aside: name → bytes.
    fn set_aside(&self) -> std::collections::BTreeMap<String, Vec<u8>> {
        fs::read_dir(self.env.dir.root())
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| {
                e.file_name()
                    .to_str()
                    .unwrap()
                    .starts_with("worklog-replaced-")
            })
            .map(|e| {
                let mode = fs::metadata(e.path()).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{:?}", e.file_name());
                (
                    e.file_name().into_string().unwrap(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }

    /// The live database now holds the backup: "before", and not the WAL's task.
    fn assert_restored(&self) {
        let live = titles(&self.env.dir.database());
        assert_eq!(live.len(), 20, "{live:?}");
        assert!(live.iter().all(|t| t.starts_with("before")));
        let repo = Repo::open(&self.env.dir.database(), self.env.clock()).unwrap();
        assert!(repo.integrity_problems().unwrap().is_empty());
        assert_eq!(
            fs::metadata(self.env.dir.database())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
}

use std::os::unix::fs::PermissionsExt;

/// A damaged database with committed pages in its WAL: restore moves both aside, paired under
/// one name, so the moved database still opens with its WAL (the last task is there), and
/// restores; the output says where they went.
#[test]
fn a_damaged_database_and_its_wal_are_set_aside_together_and_the_restore_goes_on() {
    let c = crashed(true);
    let live = c.env.dir.database();
    fs::write(&live, &c.db).unwrap();
    fs::write(side(&live, "-wal"), &c.wal).unwrap();
    let _ = fs::remove_file(side(&live, "-shm"));

    let run = c.restore();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let aside = c.set_aside();
    let stem = "worklog-replaced-2026-11-22T093000.db";
    assert!(aside.get(stem) == Some(&c.db), "{:?}", aside.keys());
    assert!(aside.get(&format!("{stem}-wal")) == Some(&c.wal));
    assert!(run.stdout.contains(stem), "{}", run.stdout);
    c.assert_restored();
    // The pair opens as the database it was, WAL and all.
    let moved = c.env.dir.root().join(stem);
    assert!(titles(&moved).contains("only in the wal 0"));
}

/// A 0-byte database (a bad sync, a full disk) beside a WAL holding committed pages: both go
/// aside, the WAL byte for byte.
#[test]
fn an_empty_database_file_with_a_wal_is_set_aside_and_restored_over() {
    let c = crashed(false);
    let live = c.env.dir.database();
    fs::write(&live, b"").unwrap();
    fs::write(side(&live, "-wal"), &c.wal).unwrap();
    fs::write(side(&live, "-shm"), b"").unwrap();

    let run = c.restore();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let aside = c.set_aside();
    let stem = "worklog-replaced-2026-11-22T093000.db";
    assert!(aside.get(stem) == Some(&Vec::new()), "{:?}", aside.keys());
    assert!(aside.get(&format!("{stem}-wal")) == Some(&c.wal));
    assert!(aside.contains_key(&format!("{stem}-shm")));
    assert!(run.stdout.contains(stem), "{}", run.stdout);
    c.assert_restored();
}

/// A file without an SQLite header where the database should be.
#[test]
fn a_headerless_database_file_is_set_aside_and_restored_over() {
    let c = crashed(false);
    let live = c.env.dir.database();
    let text = b"this is not a database, but it is somebody's file\n".repeat(100);
    fs::write(&live, &text).unwrap();
    let _ = fs::remove_file(side(&live, "-wal"));

    let run = c.restore();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let aside = c.set_aside();
    assert!(aside.get("worklog-replaced-2026-11-22T093000.db") == Some(&text));
    assert_eq!(aside.len(), 1, "{:?}", aside.keys());
    c.assert_restored();
}

/// The database is gone but its WAL is not: the WAL is kept (opening a new database beside it
/// would replay it into the new file, and the restore would then overwrite those pages).
#[test]
fn a_leftover_wal_of_a_missing_database_is_kept() {
    let c = crashed(false);
    let live = c.env.dir.database();
    let _ = fs::remove_file(&live);
    fs::write(side(&live, "-wal"), &c.wal).unwrap();

    let run = c.restore();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let aside = c.set_aside();
    assert!(
        aside.get("worklog-replaced-2026-11-22T093000.db-wal") == Some(&c.wal),
        "{:?}",
        aside.keys()
    );
    assert!(
        run.stdout
            .contains("worklog-replaced-2026-11-22T093000.db-wal")
    );
    c.assert_restored();
    // A second restore in the same second picks a name of its own.
    fs::write(side(&live, "-wal"), &c.wal).unwrap();
    fs::remove_file(&live).unwrap();
    assert_eq!(c.restore().code, 0);
    assert!(
        c.set_aside()
            .contains_key("worklog-replaced-2026-11-22T093000-2.db-wal")
    );
}

/// A sound database is restored into in place: nothing is set aside.
#[test]
fn a_sound_database_is_restored_into_and_nothing_is_set_aside() {
    let c = crashed(false);
    let run = c.restore();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(c.set_aside().is_empty());
    assert!(run.stdout.contains("pre-restore"), "{}", run.stdout);
    c.assert_restored();
}

/// `worklog restore` with a fault injected at `point` (see src/fault.rs).
fn restore_with_fault(c: &Crashed, fault: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_worklog"))
        .env("WORKLOG_DAILY_BACKUP", "wait")
        .args(["restore", c.point.to_str().unwrap()])
        .env("WORKLOG_DATA_DIR", c.env.dir.root())
        .env("WORKLOG_NOW", NOW)
        .env("TZ", "UTC")
        .env("WORKLOG_FAULT", fault)
        .output()
        .unwrap()
}

/// A restore that fails or dies after the pre-restore backup, while it holds the lock, has
/// changed nothing: the copy was one transaction that never committed. The database is the
/// one it was (same rows, same identity, sound) and takes writes again at once.
#[test]
fn a_restore_that_fails_or_dies_during_the_copy_leaves_the_database_as_it_was() {
    for fault in ["restore.copy=eio", "restore.copy=abort"] {
        let c = crashed(false);
        let live = c.env.dir.database();
        let before = titles(&live);
        let identity = Repo::open(&live, c.env.clock()).unwrap().identity();
        let out = restore_with_fault(&c, fault);
        assert!(!out.status.success(), "{fault}");
        if fault.ends_with("eio") {
            let err = String::from_utf8(out.stderr).unwrap();
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains("Input/output error"), "{err}");
        }
        assert_eq!(titles(&live), before, "{fault}");
        let repo = Repo::open(&live, c.env.clock()).unwrap();
        assert_eq!(repo.identity(), identity, "{fault}");
        assert!(repo.integrity_problems().unwrap().is_empty());
        add_tasks(&repo, 1, "after the failed restore");
        assert!(c.set_aside().is_empty());
    }
}

/// Killed while setting a damaged database aside (after the new names are made, before the old
/// ones are removed), or just before it: the files are all still there, under one name or
/// both, and the next restore finishes the job.
#[test]
fn a_restore_killed_while_setting_files_aside_loses_nothing_and_the_next_one_finishes() {
    for fault in ["restore.prepared=abort", "restore.set_aside=abort"] {
        let c = crashed(true);
        let live = c.env.dir.database();
        fs::write(&live, &c.db).unwrap();
        fs::write(side(&live, "-wal"), &c.wal).unwrap();
        let _ = fs::remove_file(side(&live, "-shm"));

        assert!(!restore_with_fault(&c, fault).status.success());
        assert!(fs::read(&live).unwrap() == c.db, "{fault}");
        assert!(fs::read(side(&live, "-wal")).unwrap() == c.wal, "{fault}");

        let run = c.restore();
        assert_eq!(run.code, 0, "{fault}: {}{}", run.stdout, run.stderr);
        c.assert_restored();
        let aside = c.set_aside();
        let dbs: Vec<&String> = aside.keys().filter(|n| n.ends_with(".db")).collect();
        assert!(!dbs.is_empty(), "{fault}: {:?}", aside.keys());
        for name in dbs {
            assert!(aside[name] == c.db, "{fault}: {name}");
            assert!(aside[&format!("{name}-wal")] == c.wal, "{fault}: {name}");
        }
    }
}
