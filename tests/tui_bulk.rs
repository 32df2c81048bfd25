//! Marking several rows (`V`, Space) and changing them together: done, tag, move, delete,
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
    u.keys(&["V", "Space", "j", "Space"]);
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
    u.keys(&["V", "*", "d"]);
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
        "V",
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
    u.keys(&["V", "g", "Space", "Space", "m", "C-s"]);
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
    u.keys(&["V", "x"]);
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
    u.keys(&["5", "V", "Space", "Space"]);
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
    u.keys(&["V", "*", "d"]);
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
    u.keys(&["2", "V", "Space", "Space"]);
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

// ---- Meetings, Feedback, Energy, action items: the same keys, the verbs their rows take ----

/// Draws at `w`×`h` for a snapshot.
fn draw(u: &mut Tui, w: u16, h: u16) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| u.app.draw(f)).unwrap();
    terminal
}

/// The marking screen pinned at the three sizes (60×16 is the compact layout).
fn pin(u: &mut Tui, name: &str) {
    for (w, h) in [(60, 16), (80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(u, w, h).backend());
    }
}

fn tagged(tags: &[String]) -> bool {
    tags.iter().any(|t| t == "review")
}

#[test]
fn marked_meetings_are_tagged_and_deleted_together_each_one_undo() {
    let u = Tui::new();
    let ada = u.t.repo.find_or_add_person("Ada").unwrap().id;
    let ids: Vec<Id> = [
        ("2026-11-20T10:00:00", "Planning"),
        ("2026-11-19T11:00:00", "Retro"),
        ("2026-11-18T09:00:00", "1:1 Ada"),
    ]
    .iter()
    .map(|(at, title)| {
        u.t.repo
            .add_meeting(&meeting(at, title, &[ada]))
            .unwrap()
            .id
    })
    .collect();
    let mut u = u;
    u.keys(&["4", "V", "Space", "Space"]);
    assert_eq!(u.app.panes.meetings.marked(), Some(vec![ids[0], ids[1]]));
    let s = u.screen(80, 24);
    assert!(s.contains("● 2 marked:"), "{s}");
    assert!(s.contains("t tag") && s.contains("d delete"), "{s}");
    assert!(!s.contains("x done"), "meetings are not done: {s}");
    pin(&mut u, "bulk_meetings");
    u.keys(&["t", "text:review", "Enter", "C-s"]);
    let tags = |u: &Tui, id| u.t.repo.meeting(id).unwrap().tags;
    assert!(tagged(&tags(&u, ids[0])) && tagged(&tags(&u, ids[1])));
    assert!(!tagged(&tags(&u, ids[2])));
    assert_eq!(
        u.app.panes.meetings.marked(),
        None,
        "marking ends with the change"
    );
    u.keys(&["u"]);
    assert!(
        ids.iter().all(|&id| !tagged(&tags(&u, id))),
        "one u untags both"
    );
    // x is not a meeting's verb: it says which verbs are.
    u.keys(&["V", "Space", "x"]);
    let s = u.screen(100, 30);
    assert!(
        s.contains("meetings marked together can be tagged (t), or deleted (d)"),
        "{s}"
    );
    u.keys(&["*", "d"]);
    assert_eq!(u.app.panes.meetings.shown().count(), 0);
    u.keys(&["u"]);
    assert_eq!(u.app.panes.meetings.shown().count(), 3);
    let s = u.screen(100, 30);
    assert!(s.contains("Undid: deleted 3 meetings"), "{s}");
}

#[test]
fn marked_action_items_of_a_meeting_are_done_or_deleted_together() {
    let u = Tui::new();
    let m =
        u.t.repo
            .add_meeting(&meeting("2026-11-20T10:00:00", "Planning", &[]))
            .unwrap();
    let ids: Vec<Id> = ["send notes", "book room", "ask Bob"]
        .iter()
        .map(|t| {
            u.t.repo
                .add_action_item(&ActionItemDraft {
                    title: (*t).into(),
                    source: ActionSource::Meeting(m.id),
                    owner_id: None,
                    due_date: None,
                })
                .unwrap()
                .id
        })
        .collect();
    let mut u = u;
    u.keys(&["4", "Enter", "V", "Space", "Space"]);
    assert_eq!(
        u.app.panes.meetings.marked_items().map(|m| m.len()),
        Some(2)
    );
    let s = u.screen(80, 24);
    assert!(s.contains("● 2 marked:") && s.contains("x done"), "{s}");
    pin(&mut u, "bulk_meeting_items");
    u.keys(&["x"]);
    let done = |u: &Tui| {
        ids.iter()
            .filter(|&&id| u.t.repo.action_item(id).unwrap().done_at.is_some())
            .count()
    };
    assert_eq!(done(&u), 2);
    u.keys(&["u"]);
    assert_eq!(done(&u), 0, "one u reopens both");
    u.keys(&["V", "*", "d"]);
    assert!(u.app.panes.meetings.detail_items().is_empty());
    u.keys(&["u"]);
    assert_eq!(u.app.panes.meetings.detail_items().len(), 3);
    let s = u.screen(100, 30);
    assert!(s.contains("Undid: deleted 3 action items"), "{s}");
}

#[test]
fn marked_feedback_is_tagged_and_deleted_together() {
    let u = Tui::new();
    let ada = u.t.repo.find_or_add_person("Ada").unwrap().id;
    let ids: Vec<Id> = ["Clear talk", "Good review", "Late notes"]
        .iter()
        .map(|c| u.t.repo.add_feedback(&feedback(ada, c)).unwrap().id)
        .collect();
    let mut u = u;
    u.keys(&["6", "V", "*"]);
    assert_eq!(u.app.panes.feedback.marked().map(|m| m.len()), Some(3));
    let s = u.screen(80, 24);
    assert!(s.contains("● 3 marked:") && s.contains("t tag"), "{s}");
    pin(&mut u, "bulk_feedback");
    u.keys(&["t", "text:review", "Enter", "C-s"]);
    let tags = |u: &Tui, id| u.t.repo.feedback_item(id).unwrap().tags;
    assert!(ids.iter().all(|&id| tagged(&tags(&u, id))));
    let s = u.screen(100, 30);
    assert!(s.contains("tagged 3 feedback #review"), "{s}");
    u.keys(&["V", "Space", "d"]);
    assert_eq!(u.app.panes.feedback.shown().count(), 2);
    u.keys(&["u"]);
    assert_eq!(u.app.panes.feedback.shown().count(), 3);
}

#[test]
fn marked_checkins_are_tagged_and_deleted_together() {
    let u = Tui::new();
    for (at, level) in [
        ("2026-11-22T09:00:00", 4),
        ("2026-11-21T15:00:00", 2),
        ("2026-11-21T09:00:00", 3),
    ] {
        u.t.repo.add_checkin(&checkin(at, level, "", &[])).unwrap();
    }
    let mut u = u;
    u.keys(&["7", "V", "Space", "Space"]);
    assert_eq!(u.app.panes.energy.marked().map(|m| m.len()), Some(2));
    let s = u.screen(80, 24);
    assert!(s.contains("● 2 marked:") && s.contains("t tag"), "{s}");
    pin(&mut u, "bulk_energy");
    u.keys(&["t", "text:review", "Enter", "C-s"]);
    let all = |u: &Tui| {
        u.t.repo
            .checkins_between(day("2026-11-01"), today())
            .unwrap()
    };
    assert_eq!(all(&u).iter().filter(|c| tagged(&c.tags)).count(), 2);
    u.keys(&["u"]);
    assert_eq!(all(&u).iter().filter(|c| tagged(&c.tags)).count(), 0);
    u.keys(&["V", "*", "d"]);
    assert!(all(&u).is_empty());
    u.keys(&["u"]);
    assert_eq!(all(&u).len(), 3);
    let s = u.screen(100, 30);
    assert!(s.contains("Undid: deleted 3 check-ins"), "{s}");
}

#[test]
fn todays_open_action_items_are_marked_and_done_together() {
    let u = Tui::new();
    let m =
        u.t.repo
            .add_meeting(&meeting("2026-11-20T10:00:00", "Planning", &[]))
            .unwrap();
    let ids: Vec<Id> = ["send notes", "book room"]
        .iter()
        .map(|t| {
            u.t.repo
                .add_action_item(&ActionItemDraft {
                    title: (*t).into(),
                    source: ActionSource::Meeting(m.id),
                    owner_id: None,
                    due_date: Some(today()),
                })
                .unwrap()
                .id
        })
        .collect();
    u.t.repo.add_task(today(), &task("Write report")).unwrap();
    let mut u = u;
    u.app.tick();
    // V begins on the action items, the rows it marks, past the task above them.
    u.keys(&["0", "V", "Space", "Space"]);
    assert_eq!(u.app.panes.today.marked().map(|m| m.len()), Some(2));
    // The task is not marked here, and the status line says so.
    u.keys(&["g", "Space"]);
    let s = u.screen(100, 30);
    assert!(s.contains("only action items are marked here"), "{s}");
    assert_eq!(u.app.panes.today.marked().map(|m| m.len()), Some(2));
    for (w, h) in [(60, 16), (80, 24), (120, 40)] {
        let s = u.screen(w, h);
        assert!(s.contains("● 2 marked:"), "the banner at {w}x{h}: {s}");
    }
    pin(&mut u, "bulk_today_items");
    u.keys(&["x"]);
    let open = |u: &Tui| {
        ids.iter()
            .filter(|&&id| u.t.repo.action_item(id).unwrap().done_at.is_none())
            .count()
    };
    assert_eq!(open(&u), 0);
    u.keys(&["u"]);
    assert_eq!(open(&u), 2, "one u reopens both");
}

#[test]
fn marked_action_items_of_a_piece_of_feedback_are_done_together() {
    let u = Tui::new();
    let ada = u.t.repo.find_or_add_person("Ada").unwrap().id;
    let f = u.t.repo.add_feedback(&feedback(ada, "Clear talk")).unwrap();
    let ids: Vec<Id> = ["thank Ada", "share the slides"]
        .iter()
        .map(|t| {
            u.t.repo
                .add_action_item(&ActionItemDraft {
                    title: (*t).into(),
                    source: ActionSource::Feedback(f.id),
                    owner_id: None,
                    due_date: None,
                })
                .unwrap()
                .id
        })
        .collect();
    let mut u = u;
    u.keys(&["6", "Enter", "V", "*"]);
    let s = u.screen(80, 24);
    assert!(s.contains("● 2 marked:") && s.contains("x done"), "{s}");
    u.keys(&["x"]);
    assert!(
        ids.iter()
            .all(|&id| u.t.repo.action_item(id).unwrap().done_at.is_some())
    );
    u.keys(&["u"]);
    assert!(
        ids.iter()
            .all(|&id| u.t.repo.action_item(id).unwrap().done_at.is_none())
    );
}

#[test]
fn marks_go_when_another_program_replaces_the_database() {
    use worklog::backup::{self, Reason};
    use worklog::paths::DataDir;
    let u = Tui::new();
    let dir = DataDir::new(u.t.dir.path().to_path_buf());
    let ada = u.t.repo.find_or_add_person("Ada").unwrap().id;
    u.t.repo
        .add_meeting(&meeting("2026-11-20T10:00:00", "Planning", &[ada]))
        .unwrap();
    let point = backup::take(&dir, &*u.t.clock, Reason::Manual).unwrap();
    let mut u = u;
    u.keys(&["4", "V", "Space"]);
    assert_eq!(u.app.panes.meetings.marked().map(|m| m.len()), Some(1));
    backup::restore(&dir, u.t.clock.clone(), &point.path).unwrap();
    assert!(u.app.tick(), "the replacement is noticed");
    // The mark named a row of the old database (its id may be another row's now): it goes,
    // and the status line says a question was dropped.
    assert_eq!(u.app.panes.meetings.marked(), None);
    let s = u.screen(100, 30);
    assert!(s.contains("was dropped"), "{s}");
}
