//! A task edit that also changes the day is one transaction: in the real binary, with the
//! move made to fail (fault injection), nothing of the edit is written either.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::pty::Session;
use common::*;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::TaskDraft;

#[test]
fn an_edit_whose_move_fails_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let open = || {
        Repo::open_migrated(
            &dir.path().join("worklog.db"),
            Arc::new(FixedClock::new(at("2026-11-22T09:30:00"))),
        )
        .unwrap()
    };
    let id = open()
        .add_task(
            day("2026-11-22"),
            &TaskDraft {
                title: "edit me".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap()
        .id;
    let mut s = Session::start(dir.path(), 80, 24, &[("WORKLOG_FAULT", "tasks.carry=eio")]);
    s.wait_for("Open action items");
    s.send("1");
    s.wait_for("edit me");
    s.send("e");
    s.wait_for("Edit task");
    s.send(" (edited)");
    s.wait_for("edit me (edited)");
    s.send(&"\t".repeat(6));
    s.send(&"\x7f".repeat(10));
    s.send("+1\r");
    s.wait_for("injected at tasks.carry");
    s.send("\x03");
    s.wait_exit();
    s.assert_restored();

    let task = open().task(id).unwrap();
    assert_eq!(
        (task.title.as_str(), task.day),
        ("edit me", day("2026-11-22")),
        "the edit went with the failed move"
    );
}
