//! The daily backup handed to a detached process: the first command of the day answers at
//! once, the backup still happens by the same rules, two never run at once, a failure is told
//! once by the next command, and nothing is left behind. Real binary, pinned clock; the
//! detached backup is held at a fault point (`hold`, released by a file) so that "still
//! running" is a fact, not a race, and waits are bounded polls, never timing assertions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const DAY1: &str = "2026-11-21T09:00:00";
const DAY2: &str = "2026-11-22T09:30:00";
const DAY2_BACKUP: &str = "worklog-2026-11-22T093000-daily.db";

/// `worklog ARGS` on `data` at `now`, detached daily backup (the default), with `env` added.
fn worklog(data: &Path, now: &str, args: &[&str], env: &[(&str, &Path)]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.args(args)
        .env("WORKLOG_DATA_DIR", data)
        .env("WORKLOG_NOW", now)
        .env("TZ", "UTC")
        .env_remove("XDG_DATA_HOME")
        .env_remove("WORKLOG_DAILY_BACKUP")
        .env_remove("WORKLOG_FAULT")
        .env_remove("WORKLOG_FAULT_RELEASE")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

fn run(cmd: &mut Command) -> (Output, String, String) {
    let out = cmd.output().unwrap();
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "stdout: {o}\nstderr: {e}");
    (out, o, e)
}

/// A data directory with a database and yesterday's backup, taken in-process.
fn seeded() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (_, _, err) = run(
        worklog(&data, DAY1, &["add", "task", "seed"], &[]).env("WORKLOG_DAILY_BACKUP", "wait")
    );
    assert_eq!(err, "");
    assert!(
        data.join("backups/worklog-2026-11-21T090000-daily.db")
            .is_file()
    );
    (tmp, data)
}

/// Polls (every 20 ms, for at most a minute) until `done` holds.
fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(60);
    while !done() {
        assert!(Instant::now() < until, "gave up waiting: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn names(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn day2_backups(data: &Path) -> usize {
    names(&data.join("backups"))
        .iter()
        .filter(|n| n.starts_with("worklog-2026-11-22T"))
        .count()
}

/// No temporary file and no daily lock left in the data directory or `backups/`.
fn assert_nothing_left(data: &Path) {
    wait_until("the daily lock is removed", || {
        !data.join("daily-backup.lock").exists()
    });
    for folder in [data.to_path_buf(), data.join("backups")] {
        let left: Vec<String> = names(&folder)
            .into_iter()
            .filter(|n| {
                n.starts_with(".worklog-tmp-") || n.ends_with(".lock") && n != "worklog.lock"
            })
            .collect();
        assert!(left.is_empty(), "left in {}: {left:?}", folder.display());
    }
}

#[test]
fn the_first_command_of_the_day_answers_while_its_backup_is_still_running() {
    let (tmp, data) = seeded();
    let release = tmp.path().join("release");
    let held = [
        ("WORKLOG_FAULT", Path::new("backup.temp=hold")),
        ("WORKLOG_FAULT_RELEASE", release.as_path()),
    ];
    let (_, out, err) = run(&mut worklog(
        &data,
        DAY2,
        &["add", "task", "first", "thing"],
        &held,
    ));
    assert!(out.starts_with("added task 2 for 2026-11-22"), "{out}");
    assert_eq!(err, "");
    // The backup is held before its snapshot until released: the command answered first.
    assert_eq!(day2_backups(&data), 0, "{:?}", names(&data.join("backups")));
    let (_, out, _) = run(&mut worklog(&data, DAY2, &["today"], &held));
    assert!(out.contains("first thing"), "{out}");

    std::fs::write(&release, "").unwrap();
    let backup = data.join("backups").join(DAY2_BACKUP);
    wait_until("today's backup appears", || backup.is_file());
    assert_nothing_left(&data);
    assert_eq!(day2_backups(&data), 1);
    // Taken by the usual rules: verified, and holding what the day's first command wrote.
    let (_, out, err) = run(&mut worklog(&data, DAY2, &["check"], &[]));
    assert!(
        out.contains("newest verified 2026-11-22 09:30:00 (today)"),
        "{out}"
    );
    assert_eq!(err, "");
    let (_, out, _) = run(&mut worklog(&data, DAY2, &["backup", "--list"], &[]));
    let line = out.lines().find(|l| l.contains("2026-11-22")).unwrap();
    assert!(line.contains("daily"), "{line}");
    assert!(out.contains("2026-11-21"), "{out}");
}

#[test]
fn two_daily_backups_never_run_at_once() {
    let (tmp, data) = seeded();
    let release = tmp.path().join("release");
    let mut first = worklog(
        &data,
        DAY2,
        &["__daily-backup"],
        &[
            ("WORKLOG_FAULT", Path::new("backup.temp=hold")),
            ("WORKLOG_FAULT_RELEASE", release.as_path()),
        ],
    )
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    // Wait until the first holds the lock and is inside its backup.
    let mut lines = BufReader::new(first.stderr.take().unwrap()).lines();
    let holding = lines.next().unwrap().unwrap();
    assert_eq!(holding, "worklog: fault: holding at backup.temp");
    assert!(data.join("daily-backup.lock").exists());

    // A second finds the lock taken and leaves at once, having backed up nothing.
    let (_, out, err) = run(&mut worklog(&data, DAY2, &["__daily-backup"], &[]));
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    assert_eq!(day2_backups(&data), 0, "{:?}", names(&data.join("backups")));

    std::fs::write(&release, "").unwrap();
    assert!(first.wait().unwrap().success());
    assert_eq!(day2_backups(&data), 1, "{:?}", names(&data.join("backups")));
    assert!(data.join("backups").join(DAY2_BACKUP).is_file());
    assert_nothing_left(&data);

    // And once today's exists, another takes none.
    run(&mut worklog(&data, DAY2, &["__daily-backup"], &[]));
    assert_eq!(day2_backups(&data), 1);
    assert_nothing_left(&data);
}

#[test]
fn a_failed_detached_backup_is_reported_by_the_next_command_exactly_once() {
    let (_tmp, data) = seeded();
    let (_, out, err) = run(&mut worklog(
        &data,
        DAY2,
        &["add", "task", "x"],
        &[("WORKLOG_FAULT", Path::new("backup.verified=eio"))],
    ));
    assert!(out.starts_with("added task 2"), "{out}");
    assert_eq!(
        err, "",
        "the command does not wait for the backup, nor fail with it"
    );
    let outcome = data.join("backups/daily-outcome.json");
    wait_until("the failed backup records its outcome", || outcome.exists());
    assert_nothing_left(&data);
    assert_eq!(day2_backups(&data), 0);

    // The next command says so, once (and starts today's backup again, which succeeds).
    let (_, _, err) = run(&mut worklog(&data, DAY2, &["today"], &[]));
    let told: Vec<&str> = err.lines().collect();
    assert_eq!(told.len(), 1, "{err}");
    assert!(
        told[0].starts_with("worklog: warning: today's backup failed"),
        "{err}"
    );
    assert!(
        told[0].contains("Input/output error (injected at backup.verified)"),
        "{err}"
    );
    assert!(told[0].contains("nothing was deleted"), "{err}");
    let backup = data.join("backups").join(DAY2_BACKUP);
    wait_until("the retried backup appears", || backup.is_file());
    assert_nothing_left(&data);
    assert!(!outcome.exists());

    let (_, _, err) = run(&mut worklog(&data, DAY2, &["today"], &[]));
    assert_eq!(err, "", "told once only");
    let (_, _, err) = run(&mut worklog(&data, DAY2, &["search", "x"], &[]));
    assert_eq!(err, "");
}

#[test]
fn check_waits_for_a_running_daily_backup_and_reports_it_instead_of_taking_a_second() {
    let (tmp, data) = seeded();
    let release = tmp.path().join("release");
    let mut running = worklog(
        &data,
        DAY2,
        &["__daily-backup"],
        &[
            ("WORKLOG_FAULT", Path::new("backup.temp=hold")),
            ("WORKLOG_FAULT_RELEASE", release.as_path()),
        ],
    )
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut lines = BufReader::new(running.stderr.take().unwrap()).lines();
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "worklog: fault: holding at backup.temp"
    );

    // `check` takes today's backup in the foreground: here it must wait for the running one.
    // It says when it is about to take the daily lock (a hold released at once).
    let go = tmp.path().join("go");
    std::fs::write(&go, "").unwrap();
    let mut check = worklog(
        &data,
        DAY2,
        &["check"],
        &[
            ("WORKLOG_FAULT", Path::new("backup.daily-wait=hold")),
            ("WORKLOG_FAULT_RELEASE", go.as_path()),
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut check_err = BufReader::new(check.stderr.take().unwrap());
    let mut first = String::new();
    check_err.read_line(&mut first).unwrap();
    assert_eq!(first, "worklog: fault: holding at backup.daily-wait\n");
    std::fs::write(&release, "").unwrap();
    let out = check.wait_with_output().unwrap();
    let mut rest = String::new();
    check_err.read_to_string(&mut rest).unwrap();
    assert!(running.wait().unwrap().success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{rest}");
    assert_eq!(rest, "");
    assert!(
        stdout.contains("newest verified 2026-11-22 09:30:00 (today)"),
        "{stdout}"
    );
    assert_eq!(day2_backups(&data), 1, "{:?}", names(&data.join("backups")));
    assert_nothing_left(&data);
}

/// The app, in a pseudo-terminal wide enough for a long status line, until `needle` shows.
/// Returns the screen text then; the app is quit with `q`.
fn app_shows(data: &Path, now: &str, needle: &str) -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    let (rows, cols) = (24, 250);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.arg("--data-dir");
    cmd.arg(data);
    cmd.env("WORKLOG_NOW", now);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("WORKLOG_FAULT");
    cmd.env_remove("WORKLOG_DAILY_BACKUP");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let output = Arc::new(Mutex::new(Vec::new()));
    let sink = output.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let screen = || {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut p = vt100::Parser::new(size(rows), size(cols), 0);
        p.process(&output.lock().unwrap());
        p.screen().contents()
    };
    let mut text = String::new();
    wait_until(&format!("the app shows {needle:?}"), || {
        text = screen();
        text.contains(needle)
    });
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    wait_until("the app quits", || child.try_wait().unwrap().is_some());
    text
}

#[test]
fn the_app_reports_a_failed_detached_backup_once_on_its_status_line() {
    let (_tmp, data) = seeded();
    run(&mut worklog(
        &data,
        DAY2,
        &["today"],
        &[("WORKLOG_FAULT", Path::new("backup.snapshot=eio"))],
    ));
    let outcome = data.join("backups/daily-outcome.json");
    wait_until("the failed backup records its outcome", || outcome.exists());
    assert_nothing_left(&data);

    let text = app_shows(&data, DAY2, "today's backup failed");
    // (The line is cut to the terminal's width, at a place that depends on the temp name.)
    assert!(text.contains("failed; nothing was deleted"), "{text}");
    assert!(!outcome.exists());
    // Told once, by the app. (The app quit at once, so its own backup may not have finished:
    // this command starts one, which the test waits for.)
    let (_, _, err) = run(&mut worklog(&data, DAY2, &["today"], &[]));
    assert_eq!(err, "");
    let backup = data.join("backups").join(DAY2_BACKUP);
    wait_until("today's backup is in place", || backup.is_file());
    assert_nothing_left(&data);
}

/// The app quit (or was killed) in the middle of its daily backup: the lock went with the
/// process, the file stayed. The next command removes it, and leaves a held one alone.
#[test]
fn a_daily_lock_left_by_an_ended_process_is_removed_and_a_held_one_is_kept() {
    let (_tmp, data) = seeded();
    let lock = data.join("daily-backup.lock");
    std::fs::write(&lock, b"").unwrap();
    let (_, _, err) = run(&mut worklog(&data, DAY1, &["today"], &[]));
    assert_eq!(err, "");
    assert!(!lock.exists(), "the stale lock file is still there");

    let held = std::fs::File::create(&lock).unwrap();
    held.lock().unwrap();
    let (_, _, err) = run(&mut worklog(&data, DAY1, &["today"], &[]));
    assert_eq!(err, "");
    assert!(lock.exists(), "a lock someone holds was removed");
    drop(held);
}
