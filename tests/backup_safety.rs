//! The safety net must not be a way to lose data (issue 9): emptied and missing databases,
//! suspected losses ("shrinks"), down-migrations, data directory modes, temporary files,
//! disk space, non-UTF-8 paths and two first launches at once. Mostly through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Some tests damage or inspect the database file with rusqlite directly, as a bad sync, a
// bug or a full disk would.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::{at, day};

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tempfile::TempDir;
use worklog::backup::{self, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::db::Repo;
use worklog::launch;
use worklog::model::TaskDraft;
use worklog::paths::DataDir;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn command(data: &Path, now: &str, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.env("WORKLOG_DAILY_BACKUP", "wait");
    cmd.args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("WORKLOG_DATA_DIR")
        .env_remove("WORKLOG_FAULT")
        .env("WORKLOG_NOW", now)
        .env("TZ", "UTC")
        .env_remove("XDG_DATA_HOME")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

fn run_env(data: &Path, now: &str, args: &[&str], env: &[(&str, &str)]) -> Out {
    let out = command(data, now, args, env).output().unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(data: &Path, now: &str, args: &[&str]) -> Out {
    run_env(data, now, args, &[])
}

impl Out {
    fn ok(self) -> Out {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    fn one_line_error(self) -> String {
        assert_ne!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(self.stderr.lines().count(), 1, "{:?}", self.stderr);
        assert!(self.stderr.starts_with("worklog: "), "{}", self.stderr);
        self.stderr
    }
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn names(dir: &Path) -> BTreeSet<String> {
    match fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => BTreeSet::new(),
    }
}

fn temps(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".worklog-tmp-"))
        .collect()
}

fn backup_names(data: &Path) -> BTreeSet<String> {
    names(&data.join("backups"))
        .into_iter()
        .filter(|n| backup::BackupName::parse(n).is_some())
        .collect()
}

/// A data directory under a fresh temp dir, with `tasks` tasks added on 2026-11-22 through
/// the binary (which also takes that day's backup).
fn populated(tasks: usize) -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let repo_dir = DataDir::new(&data);
    let clock = Arc::new(FixedClock::new(at("2026-11-22T08:00:00")));
    let launched = launch::launch(&repo_dir, clock, launch::Daily::Wait).unwrap();
    launched
        .repo
        .in_transaction(|r| {
            for i in 0..tasks {
                r.add_task(
                    day("2026-11-22"),
                    &TaskDraft {
                        title: format!("task number {i}"),
                        ..TaskDraft::default()
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
    drop(launched);
    run(&data, "2026-11-22T09:00:00", &["backup"]).ok();
    (tmp, data)
}

fn sql(path: &Path, batch: &str) {
    rusqlite::Connection::open(path)
        .unwrap()
        .execute_batch(batch)
        .unwrap();
}

fn count_tasks(path: &Path) -> i64 {
    rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap()
        .query_row("SELECT count(*) FROM tasks", [], |r| r.get(0))
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// 1. An emptied or header-less database is a missing one

#[test]
fn an_emptied_database_with_backups_is_refused_and_the_backups_survive() {
    let (_tmp, data) = populated(12);
    let db = data.join("worklog.db");
    let before = backup_names(&data);
    for (what, bytes) in [("0-byte", Vec::new()), ("header-less", vec![0u8; 8192])] {
        fs::write(&db, &bytes).unwrap();
        for (i, args) in [
            &["today"][..],
            &["backup"],
            &["backup"],
            &["backup"],
            &["check"],
        ]
        .into_iter()
        .enumerate()
        {
            let now = format!("2026-11-2{}T10:00:00", 3 + i);
            let msg = run(&data, &now, args).one_line_error();
            assert!(msg.contains("worklog restore 2026-11-22"), "{what}: {msg}");
            assert!(msg.contains("empty or not a database"), "{what}: {msg}");
        }
        assert_eq!(
            fs::read(&db).unwrap(),
            bytes,
            "{what}: the file was touched"
        );
        assert_eq!(backup_names(&data), before, "{what}");
    }
    // A brand-new empty file with no backups beside it is simply a new database.
    let fresh = tempfile::tempdir().unwrap();
    fs::write(fresh.path().join("worklog.db"), "").unwrap();
    run(fresh.path(), "2026-11-22T10:00:00", &["today"]).ok();
}

/// Makes `db` missing while leaving a `-wal` holding committed changes (and a `-shm`), as a
/// bad sync or a careless `rm worklog.db` would.
fn leave_wal_without_database(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; \
         UPDATE tasks SET title = 'only in the wal';",
    )
    .unwrap();
    let keep = db.with_extension("keep");
    fs::create_dir_all(&keep).unwrap();
    for s in ["-wal", "-shm"] {
        fs::copy(side(db, s), keep.join(s)).unwrap();
    }
    drop(c);
    for s in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(side(db, s));
    }
    for s in ["-wal", "-shm"] {
        fs::copy(keep.join(s), side(db, s)).unwrap();
    }
    fs::remove_dir_all(keep).unwrap();
    assert!(fs::metadata(side(db, "-wal")).unwrap().len() > 0);
}

#[test]
fn a_missing_database_names_its_leftover_wal_and_shm_and_never_starts_fresh_over_a_wal() {
    // With backups: the refusal points at restore and names the leftovers.
    let (_tmp, data) = populated(3);
    let db = data.join("worklog.db");
    leave_wal_without_database(&db);
    let msg = run(&data, "2026-11-23T10:00:00", &["today"]).one_line_error();
    assert!(msg.contains("worklog restore 2026-11-22"), "{msg}");
    assert!(
        msg.contains("worklog.db-wal") && msg.contains("worklog.db-shm"),
        "{msg}"
    );
    assert!(!db.exists());

    // Without backups, a non-empty -wal is still never replayed into a fresh database.
    fs::remove_dir_all(data.join("backups")).unwrap();
    let msg = run(&data, "2026-11-23T10:00:00", &["today"]).one_line_error();
    assert!(msg.contains("worklog.db-wal"), "{msg}");
    assert!(
        !db.exists(),
        "a fresh database was started over the stale WAL"
    );
    assert!(fs::metadata(side(&db, "-wal")).unwrap().len() > 0);
}

// ---------------------------------------------------------------------------------------------
// 2. Suspected loss

const SHRINK_WORDS: &str = "suspected data loss";

#[test]
fn a_shrink_keeps_every_older_backup_and_warns_until_accepted() {
    let (_tmp, data) = populated(40);
    let db = data.join("worklog.db");
    // Days of ordinary use, one backup a day.
    for d in 23..=29 {
        run(&data, &format!("2026-11-{d}T09:00:00"), &["today"]).ok();
    }
    let good = backup_names(&data);
    // Something loses most of the data (a bug, a bad sync); the next backup notices.
    sql(&db, "DELETE FROM tasks WHERE id > 5;");
    let out = run(&data, "2026-11-30T09:00:00", &["backup"]).ok();
    assert!(out.stderr.contains(SHRINK_WORDS), "{}", out.stderr);
    // Weeks of launches later, every backup from before the shrink is still there, and every
    // command says so.
    for d in 1..=40u64 {
        let now = (day("2026-11-30") + chrono::Days::new(d))
            .and_hms_opt(9, 0, 0)
            .unwrap()
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string();
        let out = run(&data, &now, &["today"]).ok();
        assert!(
            out.stderr.starts_with("worklog: warning: ") && out.stderr.contains(SHRINK_WORDS),
            "{now}: {}",
            out.stderr
        );
    }
    let kept = backup_names(&data);
    assert!(good.is_subset(&kept), "lost: {:?}", good.difference(&kept));
    let check = run(&data, "2027-01-09T10:00:00", &["check"]);
    assert!(check.stdout.contains(SHRINK_WORDS), "{}", check.stdout);
    assert!(check.stdout.contains("--accept-shrink"), "{}", check.stdout);
    // Said once, in the report: not repeated as a warning on standard error.
    assert!(!check.stderr.contains(SHRINK_WORDS), "{}", check.stderr);
    // The TUI's status line says it too, on every start.
    let worker = worklog::tui::backups::BackupWorker::new(
        DataDir::new(&data),
        Arc::new(FixedClock::new(at("2027-01-10T09:00:00"))),
    );
    match worker.newest_today() {
        worklog::tui::status::BackupNote::Warning(w) => assert!(w.contains(SHRINK_WORDS), "{w}"),
        other => panic!("no warning in the TUI: {other:?}"),
    }
    assert!(status_line(&data).contains(SHRINK_WORDS));

    // Were the file emptied now, the refusal would point at the last good backup, not at the
    // newest (which holds the loss).
    let bytes = fs::read(&db).unwrap();
    fs::write(&db, "").unwrap();
    let msg = run(&data, "2027-01-10T09:00:00", &["today"]).one_line_error();
    assert!(msg.contains("worklog restore 2026-11-29"), "{msg}");
    fs::write(&db, bytes).unwrap();

    // The user confirms: the warning goes, and the normal policy applies again.
    let out = run(&data, "2027-01-10T09:00:00", &["backup", "--accept-shrink"]).ok();
    assert!(!out.stderr.contains(SHRINK_WORDS), "{}", out.stderr);
    let out = run(&data, "2027-01-11T09:00:00", &["today"]).ok();
    assert_eq!(out.stderr, "");
    assert!(backup_names(&data).len() < kept.len());
}

/// The app's first frame on `data` (as the TUI starts it: launch, then the backup worker),
/// as text.
fn status_line(data: &Path) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    use worklog::tui::{app::App, backups::BackupWorker, theme::Theme};
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::new(at("2027-01-10T09:00:00")));
    let dir = DataDir::new(data);
    let repo = launch::open(&dir, clock.clone()).unwrap();
    let mut app = App::new(
        repo,
        Some(worklog::paths::DataDir::new(data)),
        Theme::monochrome(),
    )
    .with_backups(BackupWorker::new(dir, clock));
    let mut terminal = Terminal::new(TestBackend::new(140, 24)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buf = terminal.backend().buffer();
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    // The worker's background backup runs on: let it finish (its backup in place, its
    // connection closed, its lock gone) before the test goes on, or it could write the
    // database back behind a test that empties the file.
    let done = || {
        backup_names(data)
            .iter()
            .any(|n| n.starts_with("worklog-2027-01-10T"))
            && temps(&data.join("backups")).is_empty()
            && !data.join("daily-backup.lock").exists()
    };
    for _ in 0..500 {
        app.tick();
        if done() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(done(), "the app's daily backup did not finish");
    text
}

#[test]
fn a_restore_the_user_chose_does_not_raise_a_shrink() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(tmp.path().join("data"));
    let clock = Arc::new(FixedClock::new(at("2026-11-22T09:00:00")));
    let repo = launch::open(&dir, clock.clone()).unwrap();
    let add = |n: usize| {
        repo.in_transaction(|r| {
            for i in 0..n {
                r.add_task(
                    day("2026-11-22"),
                    &TaskDraft {
                        title: format!("t{i}"),
                        ..TaskDraft::default()
                    },
                )?;
            }
            Ok(())
        })
        .unwrap()
    };
    add(5);
    let small = backup::take(&dir, &*clock, Reason::Manual).unwrap();
    add(50);
    clock.set(at("2026-11-23T09:00:00"));
    backup::take(&dir, &*clock, Reason::Manual).unwrap();
    drop(repo);
    // The user brings back the small one on purpose.
    clock.set(at("2026-11-24T09:00:00"));
    backup::restore(&dir, clock.clone(), &small.path).unwrap();
    clock.set(at("2026-11-25T09:00:00"));
    let launched = launch::launch(&dir, clock.clone(), launch::Daily::Wait).unwrap();
    assert!(launched.backup.is_some());
    assert!(
        launched.warnings.iter().all(|w| !w.contains(SHRINK_WORDS)),
        "{:?}",
        launched.warnings
    );
    assert!(backup::shrink(&dir).unwrap().is_none());
}

// ---------------------------------------------------------------------------------------------
// 3. Pre-migrate and pre-restore backups are kept 30 days

#[test]
fn pre_migrate_and_pre_restore_backups_outlive_the_daily_policy_for_30_days() {
    let (_tmp, data) = populated(2);
    let dir = DataDir::new(&data);
    let source = backup::list(&dir).unwrap()[0].path.clone();
    let plant = |at_: &str, reason: Reason| {
        let name = backup::BackupName {
            at: at(at_),
            reason,
            seq: 1,
        }
        .file_name();
        fs::copy(&source, data.join("backups").join(&name)).unwrap();
        name
    };
    let migrate = plant("2026-10-01T07:00:00", Reason::PreMigrate);
    let restore = plant("2026-10-02T07:00:00", Reason::PreRestore);
    let old_migrate = plant("2026-09-01T07:00:00", Reason::PreMigrate);
    for d in 0..25 {
        let t = (day("2026-10-03") + chrono::Days::new(d))
            .and_hms_opt(7, 0, 0)
            .unwrap();
        plant(&t.format("%Y-%m-%dT%H:%M:%S").to_string(), Reason::Daily);
    }
    backup::rotate(&dir, day("2026-10-28"));
    let kept = backup_names(&data);
    assert!(
        kept.contains(&migrate) && kept.contains(&restore),
        "{kept:?}"
    );
    assert!(!kept.contains(&old_migrate), "older than 30 days: {kept:?}");
    backup::rotate(&dir, day("2026-11-02"));
    let kept = backup_names(&data);
    assert!(
        !kept.contains(&migrate) && !kept.contains(&restore),
        "{kept:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Down-migrations that drop data need a yes

#[test]
fn a_down_migration_dropping_rows_needs_yes_off_a_terminal() {
    let (_tmp, data) = populated(7);
    let db = data.join("worklog.db");
    let msg = run(&data, "2026-11-22T10:00:00", &["migrate", "--to", "0"]).one_line_error();
    assert!(msg.contains("--yes"), "{msg}");
    assert!(msg.contains("tasks"), "{msg}");
    assert_eq!(count_tasks(&db), 7);
    // The history of changes is data: dropping it needs --yes too.
    let msg = run(&data, "2026-11-22T10:00:00", &["migrate", "--to", "12"]).one_line_error();
    assert!(msg.contains("history_changes"), "{msg}");
    run(
        &data,
        "2026-11-22T10:00:00",
        &["migrate", "--to", "12", "--yes"],
    )
    .ok();
    // Dropping only the search index (derived) needs no confirmation.
    run(&data, "2026-11-22T10:00:00", &["migrate", "--to", "2"]).ok();
    run(
        &data,
        "2026-11-22T10:00:00",
        &["migrate", "--to", "0", "--yes"],
    )
    .ok();
    let v: u32 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 0);
}

#[test]
fn a_down_migration_asks_on_a_terminal_and_only_yes_goes_ahead() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let (_tmp, data) = populated(4);
    let db = data.join("worklog.db");
    for (answer, moved) in [("no\r", false), ("yes\r", true)] {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_worklog"));
        cmd.args(["migrate", "--to", "0", "--data-dir"]);
        cmd.arg(&data);
        cmd.env("WORKLOG_NOW", "2026-11-22T10:00:00");
        let mut child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let mut writer = pair.master.take_writer().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 1024];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut seen = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        while !String::from_utf8_lossy(&seen).contains("yes") {
            assert!(
                Instant::now() < deadline,
                "no prompt: {}",
                String::from_utf8_lossy(&seen)
            );
            if let Ok(chunk) = rx.recv_timeout(Duration::from_millis(100)) {
                seen.extend(chunk);
            }
        }
        let prompt = String::from_utf8_lossy(&seen).into_owned();
        assert!(prompt.contains("tasks") && prompt.contains('4'), "{prompt}");
        writer.write_all(answer.as_bytes()).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.success(), moved, "{answer:?}");
        let tasks = rusqlite::Connection::open(&db).unwrap().query_row(
            "SELECT count(*) FROM tasks",
            [],
            |r| r.get::<_, i64>(0),
        );
        assert_eq!(tasks.is_err(), moved, "{answer:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Data directory modes

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn an_existing_directory_keeps_its_mode_and_an_open_one_is_warned_about() {
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::new(at("2026-11-22T09:00:00")));
    for m in [0o1777, 0o755, 0o700] {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("shared");
        fs::create_dir(&root).unwrap();
        fs::set_permissions(&root, fs::Permissions::from_mode(m)).unwrap();
        // And through a symlink to it.
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&root, &link).unwrap();
        for path in [&root, &link] {
            let launched =
                launch::launch(&DataDir::new(path), clock.clone(), launch::Daily::Wait).unwrap();
            assert_eq!(mode(&root), m, "{m:o} was changed");
            let open: Vec<&String> = launched
                .warnings
                .iter()
                .filter(|w| w.contains("readable or writable by others"))
                .collect();
            if m == 0o700 {
                assert!(open.is_empty(), "{:?}", launched.warnings);
            } else {
                assert_eq!(open.len(), 1, "{m:o}: {:?}", launched.warnings);
                assert!(open[0].contains(&format!("{m:o}")), "{}", open[0]);
                assert!(!open[0].contains('\n'));
            }
        }
        // The backups folder worklog made itself is private.
        assert_eq!(mode(&root.join("backups")), 0o700);
    }
    // A directory worklog creates is private.
    let tmp = tempfile::tempdir().unwrap();
    let made = tmp.path().join("new/worklog");
    let launched = launch::launch(&DataDir::new(&made), clock, launch::Daily::Wait).unwrap();
    assert!(launched.warnings.is_empty(), "{:?}", launched.warnings);
    assert_eq!(mode(&made), 0o700);
}

// ---------------------------------------------------------------------------------------------
// 6. Temporary files

/// A pid that is certainly not running: a child that has exited and been reaped.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn a_start_removes_temporary_files_whose_process_is_gone() {
    let (_tmp, data) = populated(3);
    let folder = data.join("backups");
    let dead = folder.join(format!(".worklog-tmp-{}-1-0.db", dead_pid()));
    let dead_side = folder.join(format!(".worklog-tmp-{}-1-0.db-journal", dead_pid()));
    let alive = folder.join(format!(".worklog-tmp-{}-2-0.db", std::process::id()));
    for f in [&dead, &dead_side, &alive] {
        fs::write(f, "half a backup").unwrap();
    }
    // Not the first start of the day: no backup is taken, the clean-up still runs.
    run(&data, "2026-11-22T11:00:00", &["today"]).ok();
    assert!(!dead.exists() && !dead_side.exists());
    assert!(
        alive.exists(),
        "a live process's temporary file was removed"
    );
}

fn wait_for_line(child: &mut Child, needle: &str) -> String {
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = String::new();
    loop {
        assert!(
            Instant::now() < deadline,
            "never saw {needle:?}; stderr: {seen}"
        );
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(line) if line.contains(needle) => return seen,
            Ok(line) => seen.push_str(&line),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                if let Some(status) = child.try_wait().unwrap() {
                    panic!("exited ({status}) before {needle:?}; stderr: {seen}");
                }
            }
            Err(_) => panic!("stderr closed before {needle:?}: {seen}"),
        }
    }
}

#[test]
fn an_interrupted_backup_removes_its_temporary_file() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let (_tmp, data) = populated(200);
    let folder = data.join("backups");
    let before = names(&folder);
    for (signal, code) in [
        (Signal::SIGINT, 130),
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
    ] {
        let mut child = command(
            &data,
            "2026-11-22T12:00:00",
            &["backup"],
            &[("WORKLOG_FAULT", "backup.verified=hold")],
        )
        .spawn()
        .unwrap();
        wait_for_line(&mut child, "holding at backup.verified");
        assert_eq!(temps(&folder).len(), 1, "{signal}: {:?}", names(&folder));
        kill(Pid::from_raw(child.id() as i32), signal).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "{signal}");
        assert_eq!(
            names(&folder),
            before,
            "{signal}: something was left or lost"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 7 and 8. Disk space and a full disk

#[test]
fn too_little_free_space_skips_the_backup_with_a_warning() {
    let (_tmp, data) = populated(3);
    let before = names(&data.join("backups"));
    let low = [("WORKLOG_FAULT", "backup.free-space=enospc")];
    let out = run_env(&data, "2026-11-23T09:00:00", &["today"], &low).ok();
    assert!(
        out.stderr.starts_with("worklog: warning: "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("free"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    let msg = run_env(&data, "2026-11-23T09:00:00", &["backup"], &low).one_line_error();
    assert!(msg.contains("free"), "{msg}");
    assert_eq!(names(&data.join("backups")), before);
}

#[test]
fn a_full_disk_during_a_backup_deletes_nothing_and_leaves_no_temporary_file() {
    let (_tmp, data) = populated(30);
    let folder = data.join("backups");
    // Enough old backups that rotation would delete some after a successful backup.
    let source = folder.join(backup_names(&data).into_iter().next().unwrap());
    for d in 1..=40u64 {
        let t = (day("2026-11-21") - chrono::Days::new(d))
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let name = backup::BackupName {
            at: t,
            reason: Reason::Daily,
            seq: 1,
        }
        .file_name();
        fs::copy(&source, folder.join(name)).unwrap();
    }
    let before = names(&folder);
    for point in [
        "backup.temp",
        "backup.snapshot",
        "backup.synced",
        "backup.verified",
        "backup.persist",
    ] {
        let fault = format!("{point}=enospc");
        let msg = run_env(
            &data,
            "2026-11-23T09:00:00",
            &["backup"],
            &[("WORKLOG_FAULT", &fault)],
        )
        .one_line_error();
        assert!(
            msg.contains("No space left") && msg.contains("nothing was deleted"),
            "{point}: {msg}"
        );
        assert_eq!(names(&folder), before, "{point}");
        // The daily backup of a command fails the same way, as a warning.
        let out = run_env(
            &data,
            "2026-11-23T09:00:00",
            &["today"],
            &[("WORKLOG_FAULT", &fault)],
        )
        .ok();
        assert!(
            out.stderr.contains("No space left"),
            "{point}: {}",
            out.stderr
        );
        assert_eq!(names(&folder), before, "{point}");
    }
}

// ---------------------------------------------------------------------------------------------
// 9. Non-UTF-8 data directory

#[test]
fn a_non_utf8_data_directory_is_refused_in_one_line() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join(std::ffi::OsStr::from_bytes(b"data-\xff"));
    let raw = command(&data, "2026-11-22T09:00:00", &["today"], &[])
        .output()
        .unwrap();
    // The path is shown with the bad byte replaced, never raw.
    assert!(!raw.stderr.contains(&0xff));
    let msg = run(&data, "2026-11-22T09:00:00", &["today"]).one_line_error();
    assert!(
        msg.contains("not a valid UTF-8 path") && msg.contains("data-\u{fffd}"),
        "{msg}"
    );
    assert!(!data.exists(), "the directory was created");
    let err = DataDir::new(&data).create().unwrap_err();
    assert!(err.to_string().contains("UTF-8"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// 10. Two first launches of a new version at once

#[test]
fn two_first_launches_at_once_migrate_once_with_one_backup() {
    let sql_text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-populated.sql"),
    )
    .unwrap();
    for round in 0..6 {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        fs::create_dir(&data).unwrap();
        sql(&data.join("worklog.db"), &sql_text);
        let children: Vec<Child> = (0..2)
            .map(|_| {
                command(&data, "2026-11-22T09:00:00", &["today"], &[])
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let pre: Vec<String> = backup_names(&data)
            .into_iter()
            .filter(|n| n.contains("pre-migrate"))
            .collect();
        assert_eq!(pre.len(), 1, "round {round}: {pre:?}");
        let repo = Repo::open(
            &data.join("worklog.db"),
            Arc::new(FixedClock::new(at("2026-11-22T09:00:00"))),
        )
        .unwrap();
        assert_eq!(
            repo.schema_version().unwrap(),
            worklog::db::migrate::latest()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A restored backup stays until a newer backup holds what it brought back

#[test]
fn the_backup_restored_from_outlives_rotation_until_the_next_backup() {
    // A backup from November, then two months of daily backups: November's is past every rule.
    let (_tmp, data) = populated(3);
    let dir = DataDir::new(&data);
    let november = backup::list(&dir).unwrap()[0].clone();
    let mut day = at("2026-11-23T09:00:00");
    for _ in 0..60 {
        run(
            &data,
            &day.format("%Y-%m-%dT%H:%M:%S").to_string(),
            &["add", "task", "more"],
        )
        .ok();
        day += chrono::Duration::days(1);
    }
    let now = day.format("%Y-%m-%dT%H:%M:%S").to_string();
    assert!(
        !november.path.exists(),
        "rotation should have taken it by now"
    );

    // Bring back a backup from before every kept one (planted under an old daily name): the
    // rotation that follows the restore would delete it, yet until the next backup it is the
    // only copy of what the user chose.
    let source = backup::list(&dir).unwrap()[0].path.clone();
    let old = data.join("backups").join(
        backup::BackupName {
            at: at("2026-09-01T09:00:00"),
            reason: Reason::Daily,
            seq: 1,
        }
        .file_name(),
    );
    fs::copy(&source, &old).unwrap();
    let out = run(&data, &now, &["restore", "2026-09-01"]).ok();
    assert!(out.stdout.contains("restored"), "{}", out.stdout);
    assert!(
        old.exists(),
        "restore rotated away the backup it restored from"
    );

    // The file is emptied before any new backup: the restored rows survive in the source.
    fs::write(data.join("worklog.db"), b"").unwrap();
    let refused = run(&data, &now, &["today"]).one_line_error();
    assert!(refused.contains("worklog restore"), "{refused}");
    assert!(old.exists());
}
