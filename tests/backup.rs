//! Backups, rotation, restore and the launch routine, on real files in temporary directories.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Some tests open database files with rusqlite directly, to make files that worklog itself
// would never write (a newer schema, a foreign database) and to read what is really on disk.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::{at, day};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use tempfile::TempDir;
use worklog::backup::{self, BackupName, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::db::Repo;
use worklog::db::snapshot;
use worklog::launch;
use worklog::model::{CheckinDraft, TaskDraft};
use worklog::paths::DataDir;

struct Env {
    _tmp: TempDir,
    dir: DataDir,
    clock: Arc<FixedClock>,
}

impl Env {
    fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    fn open(&self) -> Repo {
        launch::open(&self.dir, self.clock()).unwrap()
    }

    fn names(&self) -> BTreeSet<String> {
        fs::read_dir(self.dir.backups())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect()
    }

    fn backup_times(&self) -> BTreeSet<NaiveDateTime> {
        backup::list(&self.dir)
            .unwrap()
            .into_iter()
            .map(|b| b.name.at)
            .collect()
    }
}

fn env_at(now: &str) -> Env {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(tmp.path().join("data"));
    Env {
        _tmp: tmp,
        dir,
        clock: Arc::new(FixedClock::new(at(now))),
    }
}

fn task(title: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        ..TaskDraft::default()
    }
}

fn add_tasks(repo: &Repo, n: usize) {
    repo.in_transaction(|r| {
        for i in 0..n {
            r.add_task(day("2026-11-22"), &task(&format!("task number {i}")))?;
        }
        Ok(())
    })
    .unwrap();
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

// ---------------------------------------------------------------------------------------------
// Rotation against an independent model

/// The rules, written differently from `backup::to_delete`: group by day and by ISO week,
/// take the newest of each group, keep the most recent groups; plus the three newest; plus
/// everything dated after today.
fn model_keep(all: &BTreeSet<NaiveDateTime>, today: NaiveDate) -> BTreeSet<NaiveDateTime> {
    let mut keep: BTreeSet<NaiveDateTime> =
        all.iter().filter(|t| t.date() > today).copied().collect();
    let past: Vec<NaiveDateTime> = all.iter().filter(|t| t.date() <= today).copied().collect();
    keep.extend(past.iter().rev().take(3));
    let mut by_day: BTreeMap<NaiveDate, NaiveDateTime> = BTreeMap::new();
    let mut by_week: BTreeMap<(i32, u32), NaiveDateTime> = BTreeMap::new();
    for t in &past {
        let newest = by_day.entry(t.date()).or_insert(*t);
        *newest = (*newest).max(*t);
        let w = t.date().iso_week();
        let newest = by_week.entry((w.year(), w.week())).or_insert(*t);
        *newest = (*newest).max(*t);
    }
    keep.extend(by_day.values().rev().take(7));
    keep.extend(by_week.values().rev().take(4));
    keep
}

#[test]
fn rotation_matches_a_model_over_90_days_with_gaps_and_a_clock_set_back() {
    let env = env_at("2026-09-01T08:00:00");
    let repo = env.open();
    add_tasks(&repo, 3);
    // Files that are not backups are never touched.
    let strangers = [
        "notes.txt",
        "worklog-old.db",
        "worklog-2026-01-01T000000-weekly.db",
    ];
    for s in strangers {
        fs::write(env.dir.backups().join(s), "keep me").unwrap();
    }

    let start = day("2026-09-01");
    let mut model: BTreeSet<NaiveDateTime> = BTreeSet::new();
    let mut taken = 0;
    let mut deleted_at_some_point = false;
    for i in 0..90u64 {
        let today = start + Days::new(i);
        // Gaps: a week away, ten days away (across week boundaries), and odd days off.
        if (20..27).contains(&i) || (48..58).contains(&i) || i % 9 == 4 {
            continue;
        }
        let mut launches: Vec<NaiveDateTime> = (0..1 + i % 3)
            .map(|k| {
                today
                    .and_hms_opt(8 + 5 * k as u32, (7 * i % 60) as u32, 0)
                    .unwrap()
            })
            .collect();
        // The clock is set back by eight days for two launches on day 70, and by one day on
        // day 80 (a "future" backup for a while).
        if i == 70 {
            let back = today - Days::new(8);
            launches.push(back.and_hms_opt(12, 0, 1).unwrap());
            launches.push(back.and_hms_opt(19, 30, 0).unwrap());
        }
        if i == 80 {
            launches.insert(0, (today - Days::new(1)).and_hms_opt(23, 0, 0).unwrap());
        }
        for now in launches {
            env.clock.set(now);
            let report = backup::daily_if_missing(&env.dir, &*env.clock).unwrap();
            let today = now.date();
            if !model.iter().any(|t| t.date() == today) {
                model.insert(now);
                taken += 1;
                assert!(report.is_some(), "{now}: expected a backup");
            } else {
                assert!(report.is_none(), "{now}: expected no backup");
            }
            let kept = model_keep(&model, today);
            deleted_at_some_point |= kept.len() < model.len();
            model = kept;
            assert_eq!(env.backup_times(), model, "after the launch at {now}");
        }
        if i % 10 == 0 {
            add_tasks(&repo, 2);
        }
    }
    assert!(deleted_at_some_point && taken > 60, "taken {taken}");
    let names = env.names();
    for s in strangers {
        assert!(names.contains(s), "{s} was touched");
    }
    // 7 days + 4 weeks + 3 newest can overlap but never exceed 14 (nothing is dated later now).
    assert!(model.len() <= 14, "{} backups kept", model.len());
}

#[test]
fn backups_dated_after_today_survive_and_do_not_count() {
    let env = env_at("2026-11-30T09:00:00");
    drop(env.open());
    backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    // The clock goes back a month; daily backups for 20 days follow.
    for d in 0..20 {
        env.clock
            .set(at("2026-10-01T09:00:00") + chrono::Duration::days(d));
        backup::daily_if_missing(&env.dir, &*env.clock)
            .unwrap()
            .unwrap();
    }
    let times = env.backup_times();
    assert!(times.contains(&at("2026-11-30T09:00:00")));
    // Without the future one, the past ones are rotated as if it were not there: 7 daily
    // (Oct 14–20) plus the newest of the two earlier ISO weeks that have backups.
    let past: Vec<NaiveDate> = times
        .iter()
        .filter(|t| t.date() <= day("2026-10-20"))
        .map(|t| t.date())
        .collect();
    assert_eq!(
        past,
        vec![
            day("2026-10-04"),
            day("2026-10-11"),
            day("2026-10-14"),
            day("2026-10-15"),
            day("2026-10-16"),
            day("2026-10-17"),
            day("2026-10-18"),
            day("2026-10-19"),
            day("2026-10-20"),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Taking a backup

#[test]
fn a_backup_is_a_verified_self_contained_private_file() {
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    add_tasks(&repo, 25);
    let report = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    assert_eq!(
        report.path,
        env.dir
            .backups()
            .join("worklog-2026-11-22T093000-manual.db")
    );
    assert_eq!(report.rows, 25);
    assert_eq!(report.size, fs::metadata(&report.path).unwrap().len());
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(mode(&report.path), 0o600);
    // Rollback-journal mode in the header (bytes 18 and 19 are 1, not 2 for WAL), and no
    // side files: it opens on its own.
    let bytes = fs::read(&report.path).unwrap();
    assert_eq!((bytes[18], bytes[19]), (1, 1));
    for suffix in ["-wal", "-shm", "-journal"] {
        assert!(!side(&report.path, suffix).exists(), "{suffix}");
    }
    let check = snapshot::check_file(&report.path).unwrap();
    assert!(check.problems.is_empty() && check.is_worklog && !check.wal);
    let conn = rusqlite::Connection::open_with_flags(
        &report.path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let titles: i64 = conn
        .query_row(
            "SELECT count(*) FROM tasks WHERE title LIKE 'task number %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(titles, 25);
    // Only the backup is in the folder: no temporary file was left.
    assert_eq!(
        env.names(),
        BTreeSet::from(["worklog-2026-11-22T093000-manual.db".to_string()])
    );

    // A second one in the same second gets its own name.
    let again = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    assert!(
        again
            .path
            .ends_with("worklog-2026-11-22T093000-manual-2.db")
    );
    assert!(report.path.exists());
}

#[test]
fn daily_backup_is_taken_once_per_day_by_the_clock() {
    let env = env_at("2026-11-22T09:30:00");
    let launched = launch::launch(&env.dir, env.clock(), launch::Daily::Wait).unwrap();
    assert!(launched.backup.is_some() && launched.warnings.is_empty());
    env.clock.set(at("2026-11-22T23:59:59"));
    assert!(
        launch::launch(&env.dir, env.clock(), launch::Daily::Wait)
            .unwrap()
            .backup
            .is_none()
    );
    env.clock.set(at("2026-11-23T00:00:00"));
    let next = launch::launch(&env.dir, env.clock(), launch::Daily::Wait)
        .unwrap()
        .backup
        .unwrap();
    assert!(next.path.ends_with("worklog-2026-11-23T000000-daily.db"));
}

#[test]
fn backup_while_another_connection_writes_is_a_committed_state() {
    const BATCH: i64 = 7;
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    // A database big enough that a backup takes a while, written by one statement (20,000
    // tasks added one by one took most of a minute): the rows `add_tasks` writes, with notes
    // standing in for the history those writes kept.
    let notes = "a line of notes to give the database some bulk. ".repeat(8);
    let sql = format!(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999) \
         INSERT INTO tasks (day, first_day, title, notes, position) \
         SELECT '2026-11-22', '2026-11-22', 'task number ' || i, '{notes}', i FROM n"
    );
    assert_eq!(repo.raw_execute_for_tests(&sql).unwrap(), 20_000);
    drop(repo);

    let stop = Arc::new(AtomicBool::new(false));
    let committed = Arc::new(AtomicI64::new(0));
    let writer = {
        let (stop, committed) = (stop.clone(), committed.clone());
        let path = env.dir.database();
        let clock = env.clock();
        std::thread::spawn(move || {
            let repo = Repo::open_migrated(&path, clock).unwrap();
            while !stop.load(Ordering::SeqCst) {
                // Every transaction adds exactly BATCH check-ins: a torn copy would show a
                // count that is not a multiple of BATCH.
                repo.in_transaction(|r| {
                    for _ in 0..BATCH {
                        r.add_checkin(&CheckinDraft {
                            at: at("2026-11-22T10:00:00"),
                            level: 3,
                            note: "steady".into(),
                            tags: vec!["load".into()],
                        })?;
                    }
                    Ok(())
                })
                .unwrap();
                committed.fetch_add(BATCH, Ordering::SeqCst);
            }
        })
    };
    while committed.load(Ordering::SeqCst) < 10 * BATCH {
        std::thread::yield_now();
    }
    let mut moved_during = 0;
    let mut seen = Vec::new();
    for k in 0..5 {
        env.clock
            .set(at("2026-11-22T09:30:00") + chrono::Duration::seconds(k));
        let before = committed.load(Ordering::SeqCst);
        let report = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
        let after = committed.load(Ordering::SeqCst);
        if after > before {
            moved_during += 1;
        }
        let check = snapshot::check_file(&report.path).unwrap();
        assert!(check.problems.is_empty());
        let checkins = check
            .counts
            .0
            .iter()
            .find(|(t, _)| t == "energy_checkins")
            .unwrap()
            .1;
        let tagged = check
            .counts
            .0
            .iter()
            .find(|(t, _)| t == "checkin_tags")
            .unwrap()
            .1;
        assert_eq!(checkins % BATCH, 0, "torn snapshot: {checkins} check-ins");
        assert_eq!(
            tagged, checkins,
            "tags and check-ins from different moments"
        );
        // At least what had committed before it started; at most what committed by the end
        // (the writer's counter lags its commit by a moment, so allow one batch).
        assert!(
            checkins >= before && checkins <= after + BATCH,
            "{before} ≤ {checkins} ≤ {after}"
        );
        seen.push(checkins);
    }
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();
    assert!(moved_during > 0, "the writer never wrote during a backup");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
}

#[test]
fn a_much_smaller_backup_warns() {
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    add_tasks(&repo, 3000);
    drop(repo);
    backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    let conn = rusqlite::Connection::open(env.dir.database()).unwrap();
    conn.execute("DELETE FROM tasks", []).unwrap();
    drop(conn);
    env.clock.set(at("2026-11-22T10:00:00"));
    let report = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].contains("suspected data loss"));
    assert!(report.warnings[0].contains("worklog-2026-11-22T093000-manual.db"));
    let marker = backup::shrink(&env.dir).unwrap().unwrap();
    assert_eq!(marker.last_good, "worklog-2026-11-22T093000-manual.db");
    assert_eq!((marker.last_good_rows, marker.newest_rows), (3000, 0));
    // The marker is no backup: rotation and listing never see it.
    assert_eq!(backup::list(&env.dir).unwrap().len(), 2);
}

/// Old backups that rotation would delete if it ran: proof that a failed backup deletes
/// nothing.
fn plant_old_backups(env: &Env) -> BTreeSet<String> {
    let source = backup::take(&env.dir, &*env.clock, Reason::Manual)
        .unwrap()
        .path;
    for d in 1..=40 {
        let name = BackupName {
            at: env.clock.now() - chrono::Duration::days(d),
            reason: Reason::Daily,
            seq: 1,
        };
        fs::copy(&source, env.dir.backups().join(name.file_name())).unwrap();
    }
    fs::remove_file(source).unwrap();
    env.names()
}

#[test]
fn a_failed_backup_deletes_nothing_and_leaves_no_temporary_file() {
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    add_tasks(&repo, 2000);
    drop(repo);
    let before = plant_old_backups(&env);
    assert_eq!(before.len(), 40);

    // A damaged database: the snapshot or its verification fails after the temporary file
    // was created.
    // (From a sixth in: the history of the 2000 adds fills much of the file, and the tasks'
    // pages must be among the damaged ones.)
    let db = env.dir.database();
    let mut bytes = fs::read(&db).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len / 6..len - 4096] {
        *b = 0x5a;
    }
    fs::write(&db, &bytes).unwrap();
    let err = backup::daily_if_missing(&env.dir, &*env.clock).unwrap_err();
    let msg = format!("{err:#}");
    assert!(msg.contains("nothing was deleted"), "{msg}");
    assert_eq!(env.names(), before);

    // Starting on the damaged database fails in one line pointing at restore.
    let msg = format!(
        "{:#}",
        launch::launch(&env.dir, env.clock(), launch::Daily::Wait)
            .err()
            .unwrap()
    );
    assert!(
        msg.contains("damaged") && msg.contains("worklog restore"),
        "{msg}"
    );
    assert!(!msg.contains('\n'));
    assert_eq!(env.names(), before);
}

#[test]
fn a_backup_into_an_unusable_folder_fails_cleanly_and_the_launch_goes_on() {
    let env = env_at("2026-11-22T09:30:00");
    drop(env.open());
    // `backups` is a file: a bad path, whoever runs the test.
    fs::remove_dir(env.dir.backups()).unwrap();
    fs::write(env.dir.backups(), "not a folder").unwrap();
    let err = backup::daily_if_missing(&env.dir, &*env.clock).unwrap_err();
    assert!(format!("{err:#}").contains("backups"), "{err:#}");
    assert_eq!(fs::read(env.dir.backups()).unwrap(), b"not a folder");
}

#[test]
fn a_read_only_backups_folder_is_a_warning_not_a_stop() {
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    add_tasks(&repo, 10);
    drop(repo);
    let before = plant_old_backups(&env);
    let folder = env.dir.backups();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o500)).unwrap();
    let writable_anyway = fs::write(folder.join("probe"), "").is_ok();
    if writable_anyway {
        // Running as root: permissions do not stop writes, so this case cannot happen here.
        fs::remove_file(folder.join("probe")).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
        eprintln!("skipped: root ignores a read-only folder (the other failure tests cover it)");
        return;
    }
    let err = backup::daily_if_missing(&env.dir, &*env.clock).unwrap_err();
    assert!(format!("{err:#}").contains("ermission denied"), "{err:#}");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(env.names(), before);
}

#[test]
fn a_non_utf8_folder_is_refused_before_anything_is_created() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(tmp.path().join(std::ffi::OsStr::from_bytes(b"data-\xff")));
    let clock = Arc::new(FixedClock::new(at("2026-11-22T09:30:00")));
    // SQLite takes file names as UTF-8 text, so VACUUM INTO could never name a backup here.
    let msg = format!(
        "{:#}",
        launch::launch(&dir, clock, launch::Daily::Wait)
            .err()
            .unwrap()
    );
    assert!(msg.contains("not a valid UTF-8 path"), "{msg}");
    assert!(!dir.root().exists());
}

#[test]
fn stale_temporary_files_are_removed_and_fresh_ones_left() {
    let env = env_at("2026-11-22T09:30:00");
    drop(env.open());
    // Older than an hour: removed even though its pid (ours) is running, as pids are reused.
    let pid = std::process::id();
    let stale = env.dir.backups().join(format!(".worklog-tmp-{pid}-1-0.db"));
    let stale_side = env
        .dir
        .backups()
        .join(format!(".worklog-tmp-{pid}-1-0.db-journal"));
    // The test's own pid: a running process.
    let fresh = env
        .dir
        .backups()
        .join(format!(".worklog-tmp-{}-2-0.db", std::process::id()));
    for f in [&stale, &stale_side, &fresh] {
        fs::write(f, "half a backup").unwrap();
    }
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for f in [&stale, &stale_side] {
        fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
    }
    backup::daily_if_missing(&env.dir, &*env.clock)
        .unwrap()
        .unwrap();
    assert!(!stale.exists() && !stale_side.exists());
    // A young one of a running process may be another session's backup in progress.
    assert!(fresh.exists());
}

// ---------------------------------------------------------------------------------------------
// Launch

#[test]
fn files_are_private() {
    let env = env_at("2026-11-22T09:30:00");
    // A directory worklog creates is private (an existing one is left alone: see
    // tests/backup_safety.rs).
    let launched = launch::launch(&env.dir, env.clock(), launch::Daily::Wait).unwrap();
    add_tasks(&launched.repo, 5);
    let db = env.dir.database();
    assert_eq!(mode(env.dir.root()), 0o700);
    assert_eq!(mode(&env.dir.backups()), 0o700);
    assert_eq!(mode(&db), 0o600);
    // While a session is open the WAL and shared-memory files exist, private too.
    assert_eq!(mode(&side(&db, "-wal")), 0o600);
    assert_eq!(mode(&side(&db, "-shm")), 0o600);
    let daily = launched.backup.unwrap().path;
    let manual = backup::take(&env.dir, &*env.clock, Reason::Manual)
        .unwrap()
        .path;
    assert_eq!(mode(&daily), 0o600);
    assert_eq!(mode(&manual), 0o600);
}

#[test]
fn a_missing_database_with_backups_is_an_error_pointing_at_restore() {
    let env = env_at("2026-11-22T09:30:00");
    let launched = launch::launch(&env.dir, env.clock(), launch::Daily::Wait).unwrap();
    add_tasks(&launched.repo, 4);
    drop(launched);
    env.clock.set(at("2026-11-23T08:00:00"));
    drop(launch::launch(&env.dir, env.clock(), launch::Daily::Wait).unwrap());
    for f in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(side(&env.dir.database(), f));
    }
    let err = launch::open(&env.dir, env.clock()).err().unwrap();
    let msg = format!("{err:#}");
    assert!(!msg.contains('\n'), "{msg}");
    assert!(msg.contains("missing"), "{msg}");
    assert!(msg.contains("worklog restore 2026-11-23"), "{msg}");
    assert!(
        !env.dir.database().exists(),
        "an empty database was started"
    );

    // Restoring by date brings it back.
    let restored = backup::restore(
        &env.dir,
        env.clock(),
        &backup::resolve_source(&env.dir, "2026-11-23").unwrap(),
    )
    .unwrap();
    assert!(restored.saved.is_none());
    let repo = env.open();
    assert_eq!(repo.tasks_on(day("2026-11-22")).unwrap().len(), 4);
}

/// A database written by a future worklog (schema version 99), in rollback mode so that any
/// attempt to switch it to WAL would change its bytes.
fn make_newer(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; CREATE TABLE future (x); INSERT INTO future VALUES (1); \
         PRAGMA user_version = 99;",
    )
    .unwrap();
}

#[test]
fn a_newer_database_is_refused_and_left_byte_identical() {
    let env = env_at("2026-11-22T09:30:00");
    env.dir.create().unwrap();
    let db = env.dir.database();
    make_newer(&db);
    let bytes = fs::read(&db).unwrap();
    for attempt in [
        launch::open(&env.dir, env.clock()).err(),
        launch::launch(&env.dir, env.clock(), launch::Daily::Wait).err(),
        launch::migrate_to(&env.dir, env.clock(), 1).err(),
    ] {
        let msg = format!("{:#}", attempt.unwrap());
        assert!(msg.contains("newer than this worklog knows"), "{msg}");
        assert!(!msg.contains('\n'));
    }
    assert_eq!(fs::read(&db).unwrap(), bytes);
    assert!(!side(&db, "-wal").exists());
    assert_eq!(
        env.names(),
        BTreeSet::new(),
        "no backup of a database we refused"
    );
}

#[test]
fn migrating_a_database_with_data_backs_up_first() {
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    add_tasks(&repo, 3);
    drop(repo);
    let down = launch::migrate_to(&env.dir, env.clock(), 0).unwrap();
    let latest = worklog::db::migrate::latest();
    assert_eq!((down.from, down.to), (latest, 0));
    let saved = down.backup.unwrap();
    assert!(
        saved
            .path
            .ends_with("worklog-2026-11-22T093000-pre-migrate.db")
    );
    assert_eq!(saved.rows, 3);
    // Version 0 holds no data, so moving up again needs no backup.
    let up = launch::migrate_to(&env.dir, env.clock(), latest).unwrap();
    assert!(up.backup.is_none());
    // The same version: nothing to do.
    assert!(
        launch::migrate_to(&env.dir, env.clock(), latest)
            .unwrap()
            .backup
            .is_none()
    );
    assert!(launch::migrate_to(&env.dir, env.clock(), latest + 1).is_err());
}

// ---------------------------------------------------------------------------------------------
// Restore

#[test]
fn restore_brings_back_the_backup_and_keeps_the_state_it_replaced() {
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    repo.add_task(day("2026-11-22"), &task("before")).unwrap();
    let point = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    repo.add_task(day("2026-11-22"), &task("after 1")).unwrap();
    repo.add_task(day("2026-11-22"), &task("after 2")).unwrap();

    // Another session stays open through the restore.
    env.clock.set(at("2026-11-22T11:00:00"));
    let report = backup::restore(&env.dir, env.clock(), &point.path).unwrap();
    assert_eq!(report.rows, 1);
    let titles = |r: &Repo| -> Vec<String> {
        r.tasks_on(day("2026-11-22"))
            .unwrap()
            .into_iter()
            .map(|t| t.title)
            .collect()
    };
    assert_eq!(titles(&repo), vec!["before"]);
    let fresh = env.open();
    assert_eq!(titles(&fresh), vec!["before"]);
    assert!(fresh.integrity_problems().unwrap().is_empty());
    // The session open across the restore may not write until it has reloaded (it read
    // another database); then writing works from both sessions.
    assert!(matches!(
        repo.add_task(day("2026-11-22"), &task("blind")),
        Err(worklog::db::Error::Replaced)
    ));
    repo.acknowledge_identity().unwrap();
    repo.add_task(day("2026-11-22"), &task("new")).unwrap();
    assert_eq!(titles(&fresh), vec!["before", "new"]);

    let saved = report.saved.unwrap();
    assert!(
        saved
            .path
            .ends_with("worklog-2026-11-22T110000-pre-restore.db")
    );
    assert_eq!(saved.rows, 3);
    assert!(point.path.exists());
    assert_eq!(mode(&env.dir.database()), 0o600);
}

fn hash_of(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap()
}

#[test]
fn restore_refuses_a_bad_source_and_leaves_the_live_database_alone() {
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    add_tasks(&repo, 1500);
    let good = backup::take(&env.dir, &*env.clock, Reason::Manual)
        .unwrap()
        .path;
    drop(repo);
    let elsewhere = env.dir.root().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();

    let corrupt = elsewhere.join("corrupt.db");
    let mut bytes = fs::read(&good).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len / 2..len - 100] {
        *b = 0xa5;
    }
    fs::write(&corrupt, bytes).unwrap();

    let foreign = elsewhere.join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE tasks (x); PRAGMA user_version = 1;")
        .unwrap();
    let newer = elsewhere.join("newer.db");
    make_newer(&newer);
    let text = elsewhere.join("notes.txt");
    fs::write(
        &text,
        "just some text, long enough to not be empty ".repeat(200),
    )
    .unwrap();

    let live = env.dir.database();
    let live_bytes = hash_of(&live);
    let names = env.names();
    for (source, expect) in [
        (&corrupt, "damaged"),
        (&foreign, "not a worklog database"),
        (&newer, "newer than this worklog knows"),
        (&text, "cannot be read as a worklog database"),
        (&elsewhere, "is not a file"),
        (&live, "the live database itself"),
    ] {
        let err = backup::restore(&env.dir, env.clock(), source).unwrap_err();
        let msg = format!("{err:#}");
        assert!(msg.contains(expect), "{}: {msg}", source.display());
        assert!(!msg.contains('\n'), "{msg}");
        assert_eq!(hash_of(&live), live_bytes, "{}", source.display());
        assert_eq!(
            env.names(),
            names,
            "a backup was made for {}",
            source.display()
        );
    }
    assert!(backup::resolve_source(&env.dir, "2026-01-01").is_err());
}

#[test]
fn health_skips_a_damaged_newest_backup_and_judges_the_age_of_the_sound_one() {
    let env = env_at("2026-11-18T09:00:00");
    let repo = env.open();
    add_tasks(&repo, 1500);
    let sound = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    env.clock.set(at("2026-11-19T09:00:00"));
    let newer = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    let mut bytes = fs::read(&newer.path).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len / 2..len - 100] {
        *b = 0x33;
    }
    fs::write(&newer.path, bytes).unwrap();

    let fresh = backup::health(&env.dir, day("2026-11-20")).unwrap();
    assert_eq!(fresh.count, 2);
    assert_eq!(fresh.newest_verified.as_ref().unwrap().path, sound.path);
    assert_eq!(fresh.age_days, Some(2));
    assert_eq!(fresh.warnings.len(), 1, "{:?}", fresh.warnings);
    assert!(fresh.warnings[0].contains("failed verification"));

    let stale = backup::health(&env.dir, day("2026-11-21")).unwrap();
    assert_eq!(stale.age_days, Some(3));
    assert_eq!(
        stale.warnings.last().unwrap(),
        "the newest verified backup is 3 days old"
    );

    fs::remove_file(&sound.path).unwrap();
    let none = backup::health(&env.dir, day("2026-11-21")).unwrap();
    assert!(none.newest_verified.is_none());
    assert_eq!(
        none.warnings.last().unwrap(),
        "no backup passed verification"
    );
}

#[test]
fn restoring_a_copy_of_a_live_database_leaves_nothing_beside_it() {
    let env = env_at("2026-11-22T09:30:00");
    let repo = env.open();
    add_tasks(&repo, 2);
    drop(repo);
    // A plain copy of a closed live database: WAL-flagged, no -wal beside it, and a name
    // that needs escaping in a URI.
    let copy = env.dir.root().join("copy of #1 100%?.db");
    fs::copy(env.dir.database(), &copy).unwrap();
    assert_eq!(
        fs::read(&copy).unwrap()[18],
        2,
        "expected a WAL-flagged copy"
    );
    let bytes = fs::read(&copy).unwrap();
    let repo = env.open();
    add_tasks(&repo, 5);
    let report = backup::restore(&env.dir, env.clock(), &copy).unwrap();
    assert_eq!(report.rows, 2);
    assert_eq!(repo.tasks_on(day("2026-11-22")).unwrap().len(), 2);
    assert!(!side(&copy, "-wal").exists() && !side(&copy, "-shm").exists());
    assert_eq!(fs::read(&copy).unwrap(), bytes);
}
