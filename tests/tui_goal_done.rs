//! A done goal leaves Today's "Goals due" list, and a goal whose milestones are all done is
//! offered to be marked done (y/n), by keys on a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;

fn due_goal(u: &Tui, title: &str) -> Id {
    let g =
        u.t.repo
            .add_goal(&GoalDraft {
                target_date: Some(day("2026-11-27")),
                ..goal(title, None)
            })
            .unwrap()
            .id;
    u.t.repo.add_milestone(g, "Draft", None).unwrap();
    u.t.repo.add_milestone(g, "Publish", None).unwrap();
    g
}

/// The app notices the rows written beside it (as it does on its idle tick).
fn seen(u: &mut Tui) {
    u.app.tick();
}

fn due_section(u: &mut Tui) -> String {
    let s = u.screen(100, 40);
    s.lines()
        .skip_while(|l| !l.contains("Goals due in"))
        .take(4)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_last_milestone_done_offers_to_mark_the_goal_done_and_today_drops_it() {
    let mut u = Tui::new();
    let g = due_goal(&u, "Ship the blog");
    seen(&mut u);
    assert!(due_section(&mut u).contains("Ship the blog"));
    u.keys(&["5", "Enter", "Space", "j", "Space"]);
    let s = u.screen(100, 40);
    assert!(s.contains("mark the goal done? y/n"), "{s}");
    u.keys(&["y"]);
    assert_eq!(u.t.repo.goal(g).unwrap().status, GoalStatus::Done);
    u.keys(&["Esc", "0"]);
    let s = due_section(&mut u);
    assert!(!s.contains("Ship the blog"), "{s}");
    // The whole step undoes: the goal is active again, and due.
    u.keys(&["u"]);
    assert_eq!(u.t.repo.goal(g).unwrap().status, GoalStatus::Active);
}

#[test]
fn no_keeps_the_goal_open_and_asks_nothing_more() {
    let mut u = Tui::new();
    let g = due_goal(&u, "Ship the blog");
    seen(&mut u);
    u.keys(&["5", "Enter", "Space", "j", "Space"]);
    assert!(u.screen(100, 40).contains("mark the goal done? y/n"));
    u.keys(&["n"]);
    assert_eq!(u.t.repo.goal(g).unwrap().status, GoalStatus::Active);
    let s = u.screen(100, 40);
    assert!(!s.contains("mark the goal done? y/n"), "{s}");
    assert_eq!(u.t.repo.goal(g).unwrap().progress, 1.0);
}

#[test]
fn a_goal_marked_done_leaves_the_due_list() {
    let mut u = Tui::new();
    due_goal(&u, "Ship the blog");
    seen(&mut u);
    assert!(due_section(&mut u).contains("Ship the blog"));
    // s cycles active → paused → done.
    u.keys(&["5", "s", "s", "0"]);
    let s = due_section(&mut u);
    assert!(!s.contains("Ship the blog"), "{s}");
}
