//! The real `worklog` binary: backup, backup --list, check, restore, migrate, and errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// One test breaks a foreign key on purpose, which worklog itself refuses to do.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::{at, day};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::model::TaskDraft;
use worklog::paths::DataDir;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn worklog(data_dir: &Path, now: &str, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.env("WORKLOG_DAILY_BACKUP", "wait");
    cmd.args(args)
        .env("WORKLOG_DATA_DIR", data_dir)
        .env("WORKLOG_NOW", now)
        .env_remove("XDG_DATA_HOME");
    finish(cmd.output().unwrap())
}

fn finish(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

impl Run {
    fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    /// A failure: non-zero, nothing on stdout, exactly one line on stderr.
    fn one_line_error(self) -> String {
        assert_ne!(self.code, 0, "stdout: {}", self.stdout);
        assert_eq!(self.stdout, "");
        assert_eq!(self.stderr.lines().count(), 1, "{:?}", self.stderr);
        assert!(self.stderr.starts_with("worklog: "), "{}", self.stderr);
        self.stderr
    }
}

fn add_tasks(data: &Path, now: &str, titles: &[&str]) {
    let clock = Arc::new(FixedClock::new(at(now)));
    let repo = worklog::launch::open(&DataDir::new(data), clock).unwrap();
    for t in titles {
        repo.add_task(
            day("2026-11-22"),
            &TaskDraft {
                title: (*t).into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    }
}

fn titles(data: &Path) -> Vec<String> {
    let clock = Arc::new(FixedClock::new(at("2026-11-22T12:00:00")));
    let repo = worklog::launch::open(&DataDir::new(data), clock).unwrap();
    repo.tasks_on(day("2026-11-22"))
        .unwrap()
        .into_iter()
        .map(|t| t.title)
        .collect()
}

#[test]
fn backup_list_restore_and_check() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    add_tasks(&data, "2026-11-22T09:00:00", &["one", "two", "three"]);

    let run = worklog(&data, "2026-11-22T09:30:00", &["backup"]).ok();
    let path = data
        .join("backups")
        .join("worklog-2026-11-22T093000-manual.db");
    assert!(
        run.stdout
            .contains(&format!("backed up to {}", path.display())),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(", 3 rows, verified"), "{}", run.stdout);
    assert!(path.is_file());
    assert_eq!(run.stderr, "");

    add_tasks(&data, "2026-11-22T10:00:00", &["four"]);
    let list = worklog(&data, "2026-11-22T10:30:00", &["backup", "--list"]).ok();
    let lines: Vec<&str> = list.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", list.stdout);
    assert!(lines[0].starts_with("DATE"));
    let row: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(row[0], "2026-11-22");
    assert_eq!(row[1], "09:30:00");
    assert_eq!(row[2], "manual");
    assert_eq!(row[5], "3", "{}", lines[1]);
    assert_eq!(row[6], "worklog-2026-11-22T093000-manual.db");

    let restore = worklog(&data, "2026-11-22T11:00:00", &["restore", "2026-11-22"]).ok();
    assert!(restore.stdout.contains("restored"), "{}", restore.stdout);
    assert!(
        restore
            .stdout
            .contains("worklog-2026-11-22T110000-pre-restore.db"),
        "{}",
        restore.stdout
    );
    assert_eq!(titles(&data), vec!["one", "two", "three"]);

    // Restoring the pre-restore backup by file name undoes the restore.
    let undo = data
        .join("backups")
        .join("worklog-2026-11-22T110000-pre-restore.db");
    worklog(
        &data,
        "2026-11-22T11:05:00",
        &["restore", undo.to_str().unwrap()],
    )
    .ok();
    assert_eq!(titles(&data), vec!["one", "two", "three", "four"]);

    let check = worklog(&data, "2026-11-23T08:00:00", &["check"]).ok();
    assert!(check.stdout.contains("integrity: ok"), "{}", check.stdout);
    assert!(check.stdout.contains("foreign keys: ok"));
    // The check opened the database on a new day, so it took that day's backup first.
    assert!(
        check
            .stdout
            .contains("newest verified 2026-11-23 08:00:00 (today)"),
        "{}",
        check.stdout
    );
    assert_eq!(check.stderr, "");
    assert!(
        data.join("backups")
            .join("worklog-2026-11-23T080000-daily.db")
            .is_file()
    );

    // A file that only looks like a backup is listed as unreadable, and the list goes on.
    fs::write(
        data.join("backups")
            .join("worklog-2026-11-20T080000-daily.db"),
        "not a database at all, but long enough to have a header ".repeat(4),
    )
    .unwrap();
    let list = worklog(&data, "2026-11-23T08:05:00", &["backup", "--list"]).ok();
    let bad = list
        .stdout
        .lines()
        .find(|l| l.contains("2026-11-20T080000"))
        .unwrap();
    assert!(bad.contains(" ? ") && bad.contains("unreadable"), "{bad}");
    assert_eq!(list.stdout.lines().count(), 5, "{}", list.stdout);
}

#[test]
fn errors_are_one_line_on_stderr_with_a_non_zero_exit() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    worklog(&data, "2026-11-22T09:30:00", &["backup"]).ok();

    let err = worklog(&data, "2026-11-22T09:31:00", &["restore", "1999-01-01"]).one_line_error();
    assert!(err.contains("no backup dated 1999-01-01"), "{err}");

    let err = worklog(&data, "2026-11-22T09:31:00", &["restore", "nowhere.db"]).one_line_error();
    assert!(err.contains("no such file"), "{err}");

    let run = worklog(&data, "2026-11-22T09:31:00", &["--no-such-flag"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    let err = run.stderr;
    assert!(err.starts_with("worklog: "), "{err}");
    assert!(err.contains("--no-such-flag"), "{err}");

    let latest = worklog::db::migrate::latest();
    let err = worklog(&data, "2026-11-22T09:31:00", &["migrate", "--to", "99"]).one_line_error();
    assert!(
        err.contains(&format!("schema version must be 0–{latest}, got 99")),
        "{err}"
    );

    // The database goes missing: every command that would open it refuses to start an
    // empty one and says how to restore.
    fs::remove_file(data.join("worklog.db")).unwrap();
    for args in [
        &["check"][..],
        &["backup"][..],
        &["migrate", "--to", "1"][..],
    ] {
        let err = worklog(&data, "2026-11-22T10:00:00", args).one_line_error();
        assert!(err.contains("worklog restore 2026-11-22"), "{err}");
    }
    assert!(!data.join("worklog.db").exists());
    worklog(&data, "2026-11-22T10:00:00", &["restore", "2026-11-22"]).ok();
    worklog(&data, "2026-11-22T10:00:00", &["check"]).ok();
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let err = worklog(
        &data,
        "2026-11-22T09:30:00",
        &["restore", "evil\x1b]0;owned\x07\x1b[2J.db"],
    )
    .one_line_error();
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    assert!(err.contains("evil␛]0;owned␇␛[2J.db"), "{err}");
}

#[test]
fn check_lists_database_problems_and_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    add_tasks(&data, "2026-11-22T09:00:00", &["linked"]);
    let conn = rusqlite::Connection::open(data.join("worklog.db")).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; UPDATE tasks SET goal_id = 4242;")
        .unwrap();
    drop(conn);
    let run = worklog(&data, "2026-11-22T09:30:00", &["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("integrity: ok"), "{}", run.stdout);
    assert!(
        run.stdout.contains("foreign keys: 1 problem(s)"),
        "{}",
        run.stdout
    );
    // The message names the row, the column and the missing key.
    assert!(
        run.stdout
            .contains("task 1 refers to goal 4242 (goal_id), which does not exist"),
        "{}",
        run.stdout
    );
    let last = run.stderr.lines().last().unwrap();
    assert!(
        last.contains("the database has 1 problem"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_warns_when_backups_fail_and_the_newest_is_old() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    worklog(&data, "2026-11-10T09:00:00", &["backup"]).ok();
    // Every backup fails (an injected I/O error in the snapshot step).
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_worklog"));
    cmd.env("WORKLOG_DAILY_BACKUP", "wait");
    cmd.args(["check"])
        .env("WORKLOG_DATA_DIR", &data)
        .env("WORKLOG_NOW", "2026-11-22T09:30:00")
        .env("WORKLOG_FAULT", "backup.snapshot=eio")
        .env_remove("XDG_DATA_HOME");
    let run = finish(cmd.output().unwrap()).ok();
    assert!(
        run.stdout
            .contains("newest verified 2026-11-10 09:00:00 (12 days old)"),
        "{}",
        run.stdout
    );
    let warnings: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(warnings.len(), 2, "{}", run.stderr);
    assert!(warnings[0].starts_with("worklog: warning: backup of "));
    assert!(
        warnings[0].contains("Input/output error"),
        "{}",
        warnings[0]
    );
    assert_eq!(
        warnings[1],
        "worklog: warning: the newest verified backup is 12 days old"
    );
}

#[test]
fn the_data_directory_comes_from_the_flag_the_environment_or_xdg() {
    let tmp = tempfile::tempdir().unwrap();
    let from_env = tmp.path().join("env");
    let from_flag = tmp.path().join("flag");
    let xdg = tmp.path().join("xdg");
    let run = |cmd: &mut Command| finish(cmd.output().unwrap()).ok();
    let bin = env!("CARGO_BIN_EXE_worklog");

    run(Command::new(bin)
        .args(["--data-dir", from_flag.to_str().unwrap(), "backup"])
        .env("WORKLOG_DATA_DIR", &from_env)
        .env("WORKLOG_NOW", "2026-11-22T09:30:00"));
    assert!(from_flag.join("worklog.db").is_file());
    assert!(!from_env.exists());

    run(Command::new(bin)
        .args(["check"])
        .env("WORKLOG_DATA_DIR", &from_env)
        .env("WORKLOG_NOW", "2026-11-22T09:30:00"));
    assert!(from_env.join("worklog.db").is_file());

    run(Command::new(bin)
        .args(["check"])
        .env_remove("WORKLOG_DATA_DIR")
        .env("XDG_DATA_HOME", &xdg)
        .env("WORKLOG_NOW", "2026-11-22T09:30:00"));
    let db: PathBuf = xdg.join("worklog").join("worklog.db");
    assert!(db.is_file());
}

#[test]
fn no_subcommand_without_a_terminal_is_a_one_line_error() {
    let tmp = tempfile::tempdir().unwrap();
    let run = worklog(tmp.path(), "2026-11-22T09:30:00", &[]);
    assert_eq!(run.code, 1);
    let err = run.one_line_error();
    assert!(err.contains("needs a terminal"), "{err}");
}

#[test]
fn migrate_moves_both_ways_with_a_backup_first() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    add_tasks(&data, "2026-11-22T09:00:00", &["kept in the backup"]);
    // Off a terminal, dropping tables that hold rows needs --yes.
    let refused = worklog(&data, "2026-11-22T09:30:00", &["migrate", "--to", "0"]);
    assert!(refused.one_line_error().contains("--yes"));
    let down = worklog(
        &data,
        "2026-11-22T09:30:00",
        &["migrate", "--to", "0", "--yes"],
    )
    .ok();
    assert!(
        down.stdout
            .contains("worklog-2026-11-22T093000-pre-migrate.db"),
        "{}",
        down.stdout
    );
    let latest = worklog::db::migrate::latest();
    assert!(
        down.stdout
            .contains(&format!("moved the schema from version {latest} to 0"))
    );
    let to = latest.to_string();
    let up = worklog(&data, "2026-11-22T09:31:00", &["migrate", "--to", &to]).ok();
    assert!(
        up.stdout
            .contains(&format!("moved the schema from version 0 to {latest}"))
    );
    assert!(!up.stdout.contains("backed up"), "{}", up.stdout);
    let same = worklog(&data, "2026-11-22T09:32:00", &["migrate", "--to", &to]).ok();
    assert!(
        same.stdout
            .contains(&format!("already at version {latest}"))
    );
}
