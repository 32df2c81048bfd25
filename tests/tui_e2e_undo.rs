//! Undo and redo in the real binary in a pseudo-terminal: a task marked done, `u`, Ctrl-R,
//! `u` again, then the database file checked after quitting.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::pty::Session;
use common::*;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::TaskStatus;

/// The keys of both tests: add a task, mark it done, undo, redo, undo twice, redo, quit.
fn drive(s: &mut Session) {
    s.wait_for("Open action items");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for("New task");
    s.send("Write report");
    s.wait_for("Write report");
    s.send("\r");
    s.wait_for("saved “Write report”");
    s.send(" ");
    s.wait_for("1/1 done");
    s.send("u");
    s.wait_for("Undid: marked \"Write report\" done");
    s.wait_for("0/1 done");
    s.send("\x12"); // Ctrl-R
    s.wait_for("Redid: marked \"Write report\" done");
    s.wait_for("1/1 done");
    s.send("u");
    s.wait_for("0/1 done");
    // The undo before that takes the task away altogether.
    s.send("u");
    s.wait_for("Undid: added task \"Write report\"");
    s.wait_for("No tasks for this day");
    s.send("\x12");
    s.wait_for("Redid: added task \"Write report\"");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

/// What `drive` leaves: the task, not done.
fn check(repo: &Repo) {
    let tasks = repo.tasks_on(day("2026-11-22")).unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(
        (tasks[0].title.as_str(), tasks[0].status),
        ("Write report", TaskStatus::Todo)
    );
}

#[test]
fn u_undoes_a_status_change_and_ctrl_r_redoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path(), 80, 24, &[]);
    drive(&mut s);
    let repo = Repo::open(
        &dir.path().join("worklog.db"),
        Arc::new(FixedClock::new(at("2026-11-22T09:30:00"))),
    )
    .unwrap();
    check(&repo);
}

#[test]
fn u_and_ctrl_r_work_on_postgresql_too() {
    if common::pg::server().is_none() {
        return;
    }
    let (url, schema) = common::on_postgres::use_fresh_schema();
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(
        dir.path(),
        80,
        24,
        &[("WORKLOG_DATABASE", &url), ("WORKLOG_SCHEMA", &schema)],
    );
    drive(&mut s);
    let repo = Repo::open_server(
        &url,
        Some(&schema),
        Arc::new(FixedClock::new(at("2026-11-22T09:30:00"))),
    )
    .unwrap();
    check(&repo);
    // Every step is in the history: the add, the mark, and the four undos and redos.
    let changes = repo.history(&Default::default()).unwrap();
    let ops: Vec<&str> = changes.iter().rev().map(|c| c.op.as_str()).collect();
    assert_eq!(
        ops,
        vec![
            "create", "update", "revert", "revert", "revert", "revert", "revert"
        ]
    );
}
