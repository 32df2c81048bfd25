//! The Today pane driven by keys on a real database file: what it gathers, j/k across its
//! sections, Enter jumping to the item in its own pane (selected there), Space marking done,
//! the layout at 80×24 and 160×48, and the organization filter on its goals.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::panes::{PaneId, Target};

fn today() -> chrono::NaiveDate {
    day("2026-11-22")
}

struct Ids {
    tasks: Vec<Id>,
    checkins: Vec<Id>,
    meeting: Id,
    overdue_item: Id,
    goal_soon: Id,
    goal_org: Id,
    org: Id,
}

/// A day with something in every section; the clock reads 2026-11-22 09:30.
fn day_with_everything(u: &Tui) -> Ids {
    let r = &u.t.repo;
    let a = r
        .add_task(
            today(),
            &task_with("Write the report", Priority::HIGH, Some(60), &["writing"]),
        )
        .unwrap();
    let b = r.add_task(today(), &task("Review PR 42")).unwrap();
    let c = r.add_task(today(), &task("Call the bank")).unwrap();
    r.set_task_status(b.id, 1, TaskStatus::Done).unwrap();
    // Yesterday's task is not today's.
    r.add_task(day("2026-11-21"), &task("yesterday's task"))
        .unwrap();
    let c1 = r
        .add_checkin(&checkin("2026-11-22T08:00:00", 4, "coffee ☕", &[]))
        .unwrap();
    let c2 = r
        .add_checkin(&checkin("2026-11-22T09:15:00", 2, "after standup", &[]))
        .unwrap();
    for (i, d) in ["2026-11-15", "2026-11-17", "2026-11-20"]
        .iter()
        .enumerate()
    {
        r.add_checkin(&checkin(&format!("{d}T10:00:00"), 3 + i as u8 % 3, "", &[]))
            .unwrap();
    }
    let ana = r
        .add_person(&PersonDraft {
            name: "Ana".into(),
            ..PersonDraft::default()
        })
        .unwrap();
    let m = r
        .add_meeting(&MeetingDraft {
            starts_at: at("2026-11-22T14:00:00"),
            duration_minutes: Some(30),
            title: "1:1 with Ana".into(),
            kind: MeetingKind::OneOnOne,
            notes: String::new(),
            attendee_ids: vec![ana.id],
            tags: vec![],
        })
        .unwrap();
    let overdue = r
        .add_action_item(&ActionItemDraft {
            title: "Send the slides".into(),
            source: ActionSource::Meeting(m.id),
            owner_id: None,
            due_date: Some(day("2026-11-19")),
        })
        .unwrap();
    r.add_action_item(&ActionItemDraft {
        title: "Book the room".into(),
        source: ActionSource::None,
        owner_id: Some(ana.id),
        due_date: Some(day("2026-11-30")),
    })
    .unwrap();
    let org = r.add_organization("Acme").unwrap();
    let soon = r
        .add_goal(&GoalDraft {
            title: "Ship v2".into(),
            target_date: Some(day("2026-11-30")),
            ..GoalDraft::default()
        })
        .unwrap();
    let ms = r.add_milestone(soon.id, "beta", None).unwrap();
    r.add_milestone(soon.id, "launch", None).unwrap();
    r.set_milestone_done(ms.id, ms.version, true).unwrap();
    let goal_org = r
        .add_goal(&GoalDraft {
            title: "Acme certification".into(),
            organization_id: Some(org.id),
            target_date: Some(day("2026-12-01")),
            ..GoalDraft::default()
        })
        .unwrap();
    r.add_goal(&GoalDraft {
        title: "Far away goal".into(),
        target_date: Some(day("2027-03-01")),
        ..GoalDraft::default()
    })
    .unwrap();
    Ids {
        tasks: vec![a.id, b.id, c.id],
        checkins: vec![c1.id, c2.id],
        meeting: m.id,
        overdue_item: overdue.id,
        goal_soon: soon.id,
        goal_org: goal_org.id,
        org: org.id,
    }
}

fn ready() -> (Tui, Ids) {
    let mut u = Tui::new();
    let ids = day_with_everything(&u);
    u.app.tick();
    (u, ids)
}

#[test]
fn the_app_starts_on_today_and_shows_every_section() {
    let (mut u, _) = ready();
    assert_eq!(u.app.current(), PaneId::Today);
    // 3 tasks + 2 check-ins + 1 meeting + 2 action items + 2 goals due within 14 days.
    assert_eq!(u.app.panes.today.item_count(), 10);
    let s = u.screen(80, 24);
    for needle in [
        "Focus · Sun 22 Nov",
        "1/3 done",
        "Write the report",
        "Energy · 2 check-ins · average 3.0",
        "last 14 days",
        "coffee ☕",
        "Upcoming meetings · 1 more today · 0 tomorrow",
        "14:00",
        "1:1 with Ana",
        "Open action items · 2 · 1 overdue",
        "overdue 3d",
        "Ana · due Mon 30 Nov",
        "Goals due in 14 days · 2",
        "Ship v2",
        "50%",
    ] {
        assert!(s.contains(needle), "{needle:?} missing:\n{s}");
    }
    assert!(!s.contains("yesterday's task"));
    assert!(!s.contains("Far away goal"));
    // The 14-day sparkline: days without check-ins are dots, others bars.
    let spark = s
        .lines()
        .find(|l| l.contains("last 14 days"))
        .and_then(|l| l.split("last 14 days ").nth(1))
        .unwrap()
        .trim_end()
        .to_string();
    assert_eq!(spark.chars().count(), 14, "{spark:?}");
    assert_eq!(spark.chars().filter(|c| *c == '·').count(), 10, "{spark:?}");
}

#[test]
fn j_and_k_move_across_every_section_and_pgdn_jumps_to_the_next() {
    let (mut u, ids) = ready();
    let target = |u: &Tui| u.app.panes.today.selected_target().unwrap();
    assert_eq!(
        target(&u),
        Target::Task {
            id: ids.tasks[0],
            day: today()
        }
    );
    u.keys(&["j", "j", "j"]);
    assert!(matches!(target(&u), Target::Checkin { id, .. } if id == ids.checkins[0]));
    u.keys(&["j", "j"]);
    assert_eq!(target(&u), Target::Meeting { id: ids.meeting });
    u.keys(&["j"]);
    assert_eq!(
        target(&u),
        Target::ActionItem {
            id: ids.overdue_item,
            meeting_id: Some(ids.meeting)
        }
    );
    u.keys(&["G"]);
    assert!(matches!(target(&u), Target::Goal { .. }));
    u.keys(&["j"]);
    assert!(
        matches!(target(&u), Target::Goal { .. }),
        "stays on the last"
    );
    u.keys(&["g", "PgDn"]);
    assert!(matches!(target(&u), Target::Checkin { .. }));
    u.keys(&["PgDn", "PgDn", "PgUp"]);
    assert_eq!(target(&u), Target::Meeting { id: ids.meeting });
    u.keys(&["k"]);
    assert!(matches!(target(&u), Target::Checkin { id, .. } if id == ids.checkins[1]));
}

#[test]
fn enter_on_a_task_opens_focus_on_its_day_with_it_selected() {
    let (mut u, ids) = ready();
    // Leave Focus looking at another day, filtered, with the cursor elsewhere.
    u.keys(&["1", "[", "[", "/", "text:zzz", "Enter", "0"]);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-20"));
    u.keys(&["j", "j", "Enter"]);
    assert_eq!(u.app.current(), PaneId::Focus);
    assert_eq!(u.app.panes.focus.day(), today());
    assert_eq!(u.app.panes.focus.selected().unwrap().id, ids.tasks[2]);
    assert_eq!(
        u.app.panes.focus.shown().count(),
        3,
        "the filter was cleared"
    );
    // Focus follows today again afterwards (t is a no-op, ] goes to tomorrow).
    u.keys(&["]"]);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-23"));
    // What happens in Focus shows on Today: mark it done there.
    u.keys(&["[", "Space", "0"]);
    assert!(u.screen(80, 24).contains("2/3 done"));
}

#[test]
fn enter_on_a_check_in_opens_energy_with_it_selected() {
    let (mut u, ids) = ready();
    u.keys(&["7", "[", "[", "[", "0"]);
    assert_eq!(u.app.panes.energy.day(), day("2026-11-19"));
    u.keys(&["j", "j", "j", "j", "Enter"]);
    assert_eq!(u.app.current(), PaneId::Energy);
    assert_eq!(u.app.panes.energy.day(), today());
    let sel = u.app.panes.energy.selected().unwrap();
    assert_eq!(sel.id, ids.checkins[1]);
    assert_eq!(sel.note, "after standup");
    // The first one too, from a fresh start.
    u.keys(&["0", "k", "Enter"]);
    assert_eq!(u.app.panes.energy.selected().unwrap().id, ids.checkins[0]);
}

#[test]
fn enter_on_a_meeting_an_action_item_or_a_goal_switches_to_its_pane() {
    let (mut u, _) = ready();
    u.keys(&["PgDn", "PgDn", "Enter"]);
    assert_eq!(u.app.current(), PaneId::Meetings);
    // The selection stayed on the meeting; the next section is the action items.
    u.keys(&["0", "PgDn", "Enter"]);
    assert_eq!(u.app.current(), PaneId::Meetings);
    u.keys(&["0", "G", "Enter"]);
    assert_eq!(u.app.current(), PaneId::Goals);
}

#[test]
fn space_marks_a_task_or_an_action_item_done() {
    let (mut u, ids) = ready();
    u.keys(&["Space"]);
    assert_eq!(
        u.t.repo.task(ids.tasks[0]).unwrap().status,
        TaskStatus::Done
    );
    u.keys(&["Space"]);
    assert_eq!(
        u.t.repo.task(ids.tasks[0]).unwrap().status,
        TaskStatus::Todo
    );
    u.keys(&["G", "PgUp", "Space"]);
    let item = u.t.repo.action_item(ids.overdue_item).unwrap();
    assert!(item.done_at.is_some());
    let s = u.screen(80, 24);
    assert!(s.contains("Open action items · 1"), "{s}");
    assert!(!s.contains("☐ Send the slides"), "{s}");
    assert!(s.contains("action item “Send the slides” done"), "{s}");
    // Space on a check-in says what it does instead of doing nothing silently.
    u.keys(&["g", "PgDn", "Space"]);
    assert!(
        u.screen(80, 24)
            .contains("Space marks tasks and action items done")
    );
}

#[test]
fn compact_at_80x24_two_columns_at_160x48() {
    let (mut u, _) = ready();
    // Many open action items: the compact layout still shows every section's header.
    for i in 0..30 {
        u.t.repo
            .add_action_item(&ActionItemDraft {
                title: format!("follow-up {i}"),
                source: ActionSource::None,
                owner_id: None,
                due_date: None,
            })
            .unwrap();
    }
    u.app.tick();
    let s = u.screen(80, 24);
    for h in [
        "Focus ·",
        "Energy ·",
        "Upcoming meetings ·",
        "Open action items ·",
        "Goals due",
    ] {
        assert!(s.contains(h), "{h} missing at 80×24:\n{s}");
    }
    assert!(
        s.contains("of 32"),
        "a cut section says how much there is:\n{s}"
    );
    // Walking into the action items scrolls them.
    u.keys(&[
        "PgDn", "PgDn", "PgDn", "j", "j", "j", "j", "j", "j", "j", "j", "j",
    ]);
    let s = u.screen(80, 24);
    assert!(s.contains("follow-up 7"), "{s}");
    let s = u.screen(160, 48);
    let row = |needle: &str| s.lines().position(|l| l.contains(needle)).unwrap();
    assert_eq!(
        row("Focus ·"),
        row("Open action items ·"),
        "two columns side by side:\n{s}"
    );
    assert!(s.contains("follow-up 25"), "more rows at 160×48:\n{s}");
}

#[test]
fn the_organization_filter_narrows_the_goals() {
    let (mut u, ids) = ready();
    u.keys(&["O"]);
    assert_eq!(u.app.organization(), Some(ids.org));
    let goals: Vec<Id> = u.app.panes.today.goals().iter().map(|g| g.id).collect();
    assert_eq!(goals, vec![ids.goal_org]);
    assert!(u.screen(80, 24).contains("org Acme"));
    u.keys(&["O"]);
    assert_eq!(u.app.organization(), None);
    let goals: Vec<Id> = u.app.panes.today.goals().iter().map(|g| g.id).collect();
    assert_eq!(goals, vec![ids.goal_soon, ids.goal_org]);
}

#[test]
fn an_empty_day_says_where_to_start() {
    let mut u = Tui::new();
    let s = u.screen(80, 24);
    assert!(s.contains("No tasks for today: 1 opens Focus"), "{s}");
    assert!(s.contains("No check-ins yet today"), "{s}");
    u.keys(&["Enter", "j", "Space"]);
    assert_eq!(u.app.current(), PaneId::Today);
    assert!(u.screen(80, 24).contains("nothing to open"));
}

#[test]
fn another_sessions_write_shows_on_today_at_the_next_tick() {
    let (mut u, _) = ready();
    u.t.repo
        .add_task(today(), &task("added elsewhere"))
        .unwrap();
    assert!(u.app.tick());
    assert!(u.screen(80, 24).contains("added elsewhere"));
}

#[test]
fn r_writes_last_weeks_review_and_says_where() {
    let mut u = Tui::new();
    day_with_everything(&u);
    u.keys(&["R"]);
    let path =
        u.t.dir
            .path()
            .join("reports/review-2026-11-16-2026-11-22.md");
    let text = std::fs::read_to_string(&path).unwrap();
    // The one task finished this week is in it; the open ones are not.
    assert!(text.contains("Review PR 42"), "{text}");
    assert!(!text.contains("Call the bank"), "{text}");
    let shown = u.screen(160, 48);
    assert!(
        shown.contains("review of the last 7 days written to"),
        "{shown}"
    );
    assert!(shown.contains("review-2026-11-16-2026-11-22.md"), "{shown}");
}

/// Today lists only the soonest-due open action items, but its header counts every open item
/// and every overdue one, however many there are.
#[test]
fn a_long_backlog_of_action_items_is_counted_whole_and_listed_soonest_first() {
    let (mut u, ids) = ready();
    for i in 0..70 {
        u.t.repo
            .add_action_item(&ActionItemDraft {
                title: format!("old follow-up {i}"),
                source: ActionSource::None,
                owner_id: None,
                due_date: Some(day("2025-01-01") + chrono::Days::new(i)),
            })
            .unwrap();
    }
    for i in 0..10 {
        u.t.repo
            .add_action_item(&ActionItemDraft {
                title: format!("someday {i}"),
                source: ActionSource::None,
                owner_id: None,
                due_date: None,
            })
            .unwrap();
    }
    u.app.tick();
    let s = u.screen(160, 48);
    // 2 from the day itself (one overdue) + 70 overdue + 10 without a date.
    assert!(s.contains("Open action items · 82 · 71 overdue"), "{s}");
    assert!(s.contains("of 82"), "{s}");
    assert!(s.contains("old follow-up 0"), "the soonest first:\n{s}");
    let open = u.t.repo.today_open_action_items(today(), 50).unwrap();
    assert_eq!((open.total, open.overdue, open.first.len()), (82, 71, 50));
    let all = u.t.repo.open_action_items().unwrap();
    assert_eq!(open.first, all[..50].to_vec());
    assert!(all.iter().any(|a| a.id == ids.overdue_item));
    // 3 tasks + 2 check-ins + 1 meeting + 50 listed action items + 2 goals.
    assert_eq!(u.app.panes.today.item_count(), 58);
}
