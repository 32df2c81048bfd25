//! Marking several rows (`v`, Space) and changing them together: done, tag, move, delete,
//! each one transaction and one step of undo. Driven by keys on a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;

fn today() -> chrono::NaiveDate {
    day("2026-11-22")
}

/// Focus with tasks A, B, C, D on today.
fn four() -> (Tui, Vec<Id>) {
    let u = Tui::new();
    let ids = ["A", "B", "C", "D"]
        .iter()
        .map(|t| u.t.repo.add_task(today(), &task(t)).unwrap().id)
        .collect();
    let mut u = u;
    u.keys(&["1"]);
    (u, ids)
}

fn status(u: &Tui, id: Id) -> TaskStatus {
    u.t.repo.task(id).unwrap().status
}

#[test]
fn marked_tasks_are_done_together_and_undone_as_one_step() {
    let (mut u, ids) = four();
    // v starts marking; Space marks a row and moves on; A and C.
    u.keys(&["v", "Space", "j", "Space"]);
    assert_eq!(u.app.panes.focus.marked(), Some(vec![ids[0], ids[2]]));
    let s = u.screen(80, 24);
    assert!(s.contains("● 2 marked:"), "the count shows: {s}");
    assert!(s.contains("x done"), "{s}");
    assert_eq!(
        s.lines().filter(|l| l.starts_with("● [ ]")).count(),
        2,
        "the marked rows show: {s}"
    );
    u.keys(&["x"]);
    let done: Vec<TaskStatus> = ids.iter().map(|&id| status(&u, id)).collect();
    assert_eq!(
        done,
        [
            TaskStatus::Done,
            TaskStatus::Todo,
            TaskStatus::Done,
            TaskStatus::Todo
        ]
    );
    assert_eq!(
        u.app.panes.focus.marked(),
        None,
        "marking ends with the change"
    );
    u.keys(&["u"]);
    assert!(ids.iter().all(|&id| status(&u, id) == TaskStatus::Todo));
    let s = u.screen(100, 30);
    assert!(s.contains("Undid: marked 2 tasks done"), "{s}");
}

#[test]
fn marked_tasks_are_deleted_together_and_come_back_with_one_u() {
    let (mut u, _) = four();
    u.keys(&["v", "*", "d"]);
    assert!(u.t.repo.tasks_on(today()).unwrap().is_empty());
    u.keys(&["u"]);
    assert_eq!(u.t.repo.tasks_on(today()).unwrap().len(), 4);
    let s = u.screen(100, 30);
    assert!(s.contains("Undid: deleted 4 tasks"), "{s}");
}

#[test]
fn marked_tasks_are_tagged_and_moved_together() {
    let (mut u, ids) = four();
    u.keys(&[
        "v",
        "j",
        "Space",
        "Space",
        "t",
        "text:review",
        "Enter",
        "C-s",
    ]);
    let tags = |u: &Tui, id| u.t.repo.task(id).unwrap().tags;
    assert_eq!(tags(&u, ids[1]), vec!["review"]);
    assert_eq!(tags(&u, ids[2]), vec!["review"]);
    assert!(tags(&u, ids[0]).is_empty());
    let s = u.screen(100, 30);
    assert!(s.contains("tagged 2 tasks #review"), "{s}");

    // m asks for the day (tomorrow by default) and moves them there.
    u.keys(&["v", "g", "Space", "Space", "m", "C-s"]);
    let left: Vec<String> =
        u.t.repo
            .tasks_on(today())
            .unwrap()
            .into_iter()
            .map(|t| t.title)
            .collect();
    assert_eq!(left, ["C", "D"]);
    assert_eq!(u.t.repo.tasks_on(day("2026-11-23")).unwrap().len(), 2);
    u.keys(&["u"]);
    assert_eq!(u.t.repo.tasks_on(today()).unwrap().len(), 4);
}

#[test]
fn esc_stops_marking_and_nothing_marked_says_how() {
    let (mut u, ids) = four();
    u.keys(&["v", "x"]);
    let s = u.screen(100, 30);
    assert!(s.contains("no task marked"), "{s}");
    u.keys(&["Space", "Esc"]);
    assert_eq!(u.app.panes.focus.marked(), None);
    // Space is done / not done again.
    u.keys(&["g", "Space"]);
    assert_eq!(status(&u, ids[0]), TaskStatus::Done);
}

#[test]
fn marked_goals_are_done_or_deleted_together() {
    let u = Tui::new();
    let ids: Vec<Id> = ["G1", "G2", "G3"]
        .iter()
        .map(|t| u.t.repo.add_goal(&goal(t, None)).unwrap().id)
        .collect();
    let mut u = u;
    u.keys(&["5", "v", "Space", "Space"]);
    assert_eq!(u.app.panes.goals.marked(), Some(vec![ids[0], ids[1]]));
    let s = u.screen(80, 24);
    assert!(s.contains("● 2 marked:"), "{s}");
    assert!(s.contains("●   G1"), "{s}");
    u.keys(&["x"]);
    let st = |u: &Tui, id| u.t.repo.goal(id).unwrap().status;
    assert_eq!(
        (st(&u, ids[0]), st(&u, ids[1]), st(&u, ids[2])),
        (GoalStatus::Done, GoalStatus::Done, GoalStatus::Active)
    );
    u.keys(&["u"]);
    assert_eq!(st(&u, ids[0]), GoalStatus::Active);
    u.keys(&["v", "*", "d"]);
    assert!(u.app.panes.goals.shown().next().is_none());
    u.keys(&["u"]);
    assert_eq!(u.app.panes.goals.shown().count(), 3);
}

#[test]
fn marked_journal_entries_are_deleted_together_and_come_back_with_one_u() {
    let u = Tui::new();
    for title in ["One", "Two", "Three"] {
        u.t.repo
            .add_learning(&LearningDraft {
                title: title.into(),
                ..LearningDraft::default()
            })
            .unwrap();
    }
    let mut u = u;
    u.app.tick();
    u.keys(&["2", "v", "Space", "Space"]);
    assert_eq!(u.app.panes.journal.marked().map(|m| m.len()), Some(2));
    let s = u.screen(80, 24);
    assert!(s.contains("● 2 marked:"), "{s}");
    u.keys(&["d"]);
    assert_eq!(u.app.panes.journal.shown().count(), 1);
    u.keys(&["u"]);
    assert_eq!(u.app.panes.journal.shown().count(), 3);
    let s = u.screen(100, 30);
    assert!(s.contains("Undid: deleted 2 journal entries"), "{s}");
}
