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

#[test]
fn u_undoes_a_status_change_and_ctrl_r_redoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path(), 80, 24, &[]);
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

    let repo = Repo::open(
        &dir.path().join("worklog.db"),
        Arc::new(FixedClock::new(at("2026-11-22T09:30:00"))),
    )
    .unwrap();
    let tasks = repo.tasks_on(day("2026-11-22")).unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(
        (tasks[0].title.as_str(), tasks[0].status),
        ("Write report", TaskStatus::Todo)
    );
}
