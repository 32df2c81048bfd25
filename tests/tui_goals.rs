//! The Goals pane driven by keys against a real database file: the tree (expand, collapse,
//! all), adding goals and sub-goals, moving (and the refusal of a cycle), status, milestones
//! and the progress they make, delete and undo, and the goal picker in the Focus task form.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;
use worklog::tui::panes::PaneId;

fn titles(u: &Tui) -> Vec<String> {
    u.app.panes.goals.shown().map(|g| g.title.clone()).collect()
}

/// Career › (Lead › Mentor), Rust — opened in the Goals pane.
fn tree() -> (Tui, Id, Id, Id, Id) {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let career = r.add_goal(&goal("Career", None)).unwrap().id;
    let lead = r.add_goal(&goal("Lead a team", Some(career))).unwrap().id;
    let mentor = r.add_goal(&goal("Mentor", Some(lead))).unwrap().id;
    let rust = r.add_goal(&goal("Rust 🦀", None)).unwrap().id;
    u.keys(&["5"]);
    (u, career, lead, mentor, rust)
}

#[test]
fn the_tree_expands_and_collapses() {
    let (mut u, ..) = tree();
    assert_eq!(titles(&u), ["Career", "Lead a team", "Mentor", "Rust 🦀"]);
    let s = u.screen(80, 24);
    assert!(s.contains("▾ Career"), "{s}");
    assert!(s.contains("    Mentor"), "indented by depth: {s}");
    u.keys(&["Left"]);
    assert_eq!(titles(&u), ["Career", "Rust 🦀"]);
    assert!(u.screen(80, 24).contains("▸ Career"));
    u.keys(&["l"]);
    assert_eq!(titles(&u), ["Career", "Lead a team", "Mentor", "Rust 🦀"]);
    // h on a goal with nothing to collapse goes to its parent.
    u.keys(&["j", "j", "h"]);
    u.keys(&["h"]); // now on "Lead a team": collapses it
    assert_eq!(titles(&u), ["Career", "Lead a team", "Rust 🦀"]);
    u.keys(&["z"]);
    assert_eq!(
        titles(&u),
        ["Career", "Lead a team", "Mentor", "Rust 🦀"],
        "z expands all"
    );
    u.keys(&["z"]);
    assert_eq!(titles(&u), ["Career", "Rust 🦀"], "then collapses all");
    u.keys(&["z"]);
    assert_eq!(titles(&u).len(), 4);
    // Enter on an expanded goal (or a leaf) opens it.
    u.keys(&["G", "Enter"]);
    assert_eq!(u.app.contexts()[0], Context::GoalDetail);
    assert_eq!(
        u.app.panes.goals.open_goal().map(|g| g.title.as_str()),
        Some("Rust 🦀")
    );
    u.keys(&["Esc"]);
    assert_eq!(u.app.contexts()[0], Context::Goals);
}

#[test]
fn milestones_make_progress_and_it_rolls_up() {
    let (mut u, career, lead, mentor, _) = tree();
    let r = &u.t.repo;
    r.add_milestone(mentor, "pick a mentee", None).unwrap();
    r.add_milestone(mentor, "first session", Some(day("2026-12-01")))
        .unwrap();
    u.app.tick();
    u.keys(&["j", "j", "Enter"]);
    assert_eq!(u.app.panes.goals.open_goal().map(|g| g.id), Some(mentor));
    let s = u.screen(80, 24);
    assert!(s.contains("Milestones · 0 of 2 done"), "{s}");
    assert!(s.contains("due Tue 1 Dec"), "{s}");
    u.keys(&["Space"]);
    let progress = |u: &Tui, id| u.t.repo.goal(id).unwrap().progress;
    assert!((progress(&u, mentor) - 0.5).abs() < 1e-9);
    assert!(
        (progress(&u, lead) - 0.5).abs() < 1e-9,
        "a lone child's progress rolls up"
    );
    assert!((progress(&u, career) - 0.5).abs() < 1e-9);
    let s = u.screen(80, 24);
    assert!(s.contains("Milestones · 1 of 2 done"), "{s}");
    assert!(s.contains("50%"), "{s}");
    assert!(s.contains("done Sun 22 Nov"), "{s}");
    u.keys(&["j", "Space"]);
    assert!((progress(&u, mentor) - 1.0).abs() < 1e-9);
    // The last one done offers to mark the goal done: no keeps it open.
    u.keys(&["n", "Esc"]);
    assert!(u.screen(80, 24).contains("100%"));
    // Undone again.
    u.keys(&["Enter", "Space"]);
    assert!((progress(&u, mentor) - 0.5).abs() < 1e-9);
}

#[test]
fn milestones_are_added_edited_and_deleted_at_once() {
    let (mut u, _, _, _, rust) = tree();
    u.keys(&[
        "G",
        "Enter",
        "a",
        "text:Read the book",
        "Tab",
        "text:2026-12-24",
        "Enter",
    ]);
    let ms = &u.t.repo.goal(rust).unwrap().milestones;
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].title, "Read the book");
    assert_eq!(ms[0].due_date, Some(day("2026-12-24")));
    u.keys(&["e", "text: twice", "Tab"]);
    for _ in 0..10 {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:next week?", "Enter"]);
    assert!(
        u.screen(80, 24).contains("due date must be"),
        "a bad date is refused beside the field"
    );
    for _ in 0..10 {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:+3", "Enter"]);
    let m = &u.t.repo.goal(rust).unwrap().milestones[0];
    assert_eq!(m.title, "Read the book twice");
    assert_eq!(m.due_date, Some(day("2026-11-25")));
    u.keys(&["d"]);
    assert!(u.t.repo.goal(rust).unwrap().milestones.is_empty());
    assert!(u.screen(80, 24).contains("u to undo"));
    assert_eq!(u.app.contexts()[0], Context::GoalDetail);
}

#[test]
fn goals_and_sub_goals_are_added_by_keys() {
    let mut u = Tui::new();
    u.keys(&[
        "5",
        "a",
        "text:Ship 2.0",
        "Tab",
        "text:The big release\nwith notes",
        "Tab",
        "text:2026-12-31",
        "C-s",
    ]);
    let g = u.t.repo.goal_tree().unwrap().remove(0);
    assert_eq!(g.title, "Ship 2.0");
    assert_eq!(g.target_date, Some(day("2026-12-31")));
    assert_eq!(g.parent_id, None);
    u.keys(&["A", "text:Write the changelog", "Enter"]);
    let sub =
        u.t.repo
            .goal_tree()
            .unwrap()
            .into_iter()
            .find(|x| x.title == "Write the changelog")
            .unwrap();
    assert_eq!(sub.parent_id, Some(g.id), "A adds under the selected goal");
    assert_eq!(titles(&u), ["Ship 2.0", "Write the changelog"]);
    // The parent field of the form moves it back to the top.
    u.keys(&["e", "Tab", "Tab", "Tab", "text:top", "Enter", "C-s"]);
    assert_eq!(u.t.repo.goal(sub.id).unwrap().parent_id, None);
}

#[test]
fn moving_under_its_own_sub_goal_is_refused_with_a_message() {
    let (mut u, career, lead, mentor, rust) = tree();
    u.keys(&["m"]);
    assert_eq!(u.app.contexts()[0], Context::Picker);
    u.keys(&["text:mentor", "Enter"]);
    let s = u.screen(80, 24);
    assert!(
        s.contains("a goal cannot sit under its own sub-goal"),
        "the refusal is shown: {s}"
    );
    assert_eq!(
        u.t.repo.goal(career).unwrap().parent_id,
        None,
        "nothing moved"
    );
    assert_eq!(u.t.repo.goal(mentor).unwrap().parent_id, Some(lead));
    // Escape leaves it; a move that is fine goes through.
    u.keys(&["Esc"]);
    assert_eq!(u.app.contexts()[0], Context::Goals);
    u.keys(&["G", "m", "text:lead", "Enter"]);
    assert_eq!(u.t.repo.goal(rust).unwrap().parent_id, Some(lead));
    assert_eq!(titles(&u), ["Career", "Lead a team", "Mentor", "Rust 🦀"]);
    assert!(u.screen(80, 24).contains("under “Lead a team”"));
    u.keys(&["m", "text:top", "Enter"]);
    assert_eq!(u.t.repo.goal(rust).unwrap().parent_id, None);
}

#[test]
fn s_cycles_the_status_and_d_deletes_the_subtree_until_undone() {
    let (mut u, career, lead, mentor, _) = tree();
    u.keys(&["s"]);
    assert_eq!(u.t.repo.goal(career).unwrap().status, GoalStatus::Paused);
    u.keys(&["s"]);
    let g = u.t.repo.goal(career).unwrap();
    assert_eq!(g.status, GoalStatus::Done);
    assert_eq!(g.done_on, Some(day("2026-11-22")));
    assert!((g.progress - 1.0).abs() < 1e-9);
    u.keys(&["s", "s"]);
    assert_eq!(u.t.repo.goal(career).unwrap().status, GoalStatus::Active);
    u.keys(&["d"]);
    assert!(u.screen(80, 24).contains("and its 2 sub-goals"));
    assert_eq!(titles(&u), ["Rust 🦀"]);
    assert!(u.t.repo.goal(mentor).is_err(), "hidden with its parent");
    u.keys(&["u"]);
    assert_eq!(titles(&u).len(), 4);
    assert!(u.t.repo.goal(lead).is_ok());
}

#[test]
fn the_filter_keeps_the_parents_of_what_matches() {
    let (mut u, ..) = tree();
    u.keys(&["Left", "/", "text:ment", "Enter"]);
    assert_eq!(
        titles(&u),
        ["Career", "Lead a team", "Mentor"],
        "matches show under their parents, collapsed or not"
    );
    u.keys(&["Esc"]);
    assert_eq!(
        titles(&u),
        ["Career", "Rust 🦀"],
        "collapsed again without the filter"
    );
}

#[test]
fn the_goal_picker_in_the_focus_form_links_the_task() {
    let (mut u, _, lead, _, rust) = tree();
    u.t.repo
        .set_goal_status(lead, 1, GoalStatus::Dropped)
        .unwrap();
    u.keys(&[
        "1",
        "a",
        "text:Read chapter 3",
        "Tab",
        "Tab",
        "Tab",
        "Tab",
        "Tab",
    ]);
    assert_eq!(u.app.contexts()[0], Context::Picker);
    let s = u.screen(80, 24);
    assert!(s.contains("Goal"), "{s}");
    u.keys(&["text:rust", "Enter", "C-s"]);
    let task = u.t.repo.tasks_on(day("2026-11-22")).unwrap().remove(0);
    assert_eq!(task.goal_id, Some(rust));
    assert_eq!(
        u.t.repo.tasks_for_goal(rust).unwrap()[0].id,
        task.id,
        "the link is in the database"
    );
    // The goal's page lists it.
    u.keys(&["5", "G", "Enter"]);
    assert_eq!(u.app.panes.goals.open_tasks().len(), 1);
    assert!(u.screen(80, 24).contains("Read chapter 3"));
    // Editing the task keeps the goal; picking "(none)" unlinks it.
    u.keys(&["1", "e", "text: again", "C-s"]);
    assert_eq!(u.t.repo.task(task.id).unwrap().goal_id, Some(rust));
    u.keys(&[
        "e",
        "Tab",
        "Tab",
        "Tab",
        "Tab",
        "Tab",
        "text:(none",
        "Enter",
        "C-s",
    ]);
    assert_eq!(u.t.repo.task(task.id).unwrap().goal_id, None);
    // A dropped goal is not offered for new links.
    u.keys(&["a", "Tab", "Tab", "Tab", "Tab", "Tab", "text:lead"]);
    let s = u.screen(80, 24);
    assert!(
        s.contains("Career › Lead a team › Mentor"),
        "its sub-goal still is: {s}"
    );
    assert!(
        !s.lines().any(|l| l
            .trim_end_matches([' ', '│'])
            .ends_with("Career › Lead a team")),
        "{s}"
    );
    assert_eq!(u.app.current(), PaneId::Focus);
}

#[test]
fn another_pane_can_open_a_goal() {
    let (mut u, _, _, mentor, _) = tree();
    u.keys(&["Left", "1"]);
    use worklog::tui::panes::Target;
    u.app.open(Target::Goal { id: mentor });
    assert_eq!(u.app.current(), PaneId::Goals);
    assert_eq!(u.app.panes.goals.open_goal().map(|g| g.id), Some(mentor));
    u.keys(&["Esc"]);
    assert!(
        titles(&u).contains(&"Mentor".to_string()),
        "its parents were expanded to show it"
    );
}

#[test]
fn unsaved_goal_and_milestone_forms_come_back_as_drafts() {
    let (mut u, _, _, _, rust) = tree();
    u.keys(&["G", "e", "text: and Go"]);
    assert_eq!(u.app.save_drafts().len(), 1);
    let mut next = u.reopen();
    press(&mut next, &["5", "G", "e"]);
    assert!(screen(&mut next, 80, 24).contains(" and Go"));
    press(&mut next, &["C-s"]);
    assert_eq!(u.t.repo.goal(rust).unwrap().title, "Rust 🦀 and Go");
    press(&mut next, &["Enter", "a", "text:half a step"]);
    assert!(next.save_drafts()[0].ends_with("drafts/goals.json"));
    let mut third = u.reopen();
    press(&mut third, &["5", "G", "Enter", "a"]);
    assert!(screen(&mut third, 80, 24).contains("half a step"));
    press(&mut third, &["Enter"]);
    assert_eq!(
        u.t.repo.goal(rust).unwrap().milestones[0].title,
        "half a step"
    );
}

#[test]
fn the_organization_filter_keeps_that_organizations_goals_and_the_tree_above_them() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let acme = r.add_organization("Acme").unwrap().id;
    let other = r.add_organization("Other").unwrap().id;
    let career = r.add_goal(&goal("Career", None)).unwrap().id;
    let mut billing = goal("Ship billing", Some(career));
    billing.organization_id = Some(acme);
    let billing = r.add_goal(&billing).unwrap().id;
    // No organization of its own: it belongs to its parent's.
    r.add_goal(&goal("Load test", Some(billing))).unwrap();
    let mut elsewhere = goal("Other work", None);
    elsewhere.organization_id = Some(other);
    r.add_goal(&elsewhere).unwrap();
    r.add_goal(&goal("Read more", None)).unwrap();
    u.keys(&["5"]);
    assert_eq!(titles(&u).len(), 5, "{:?}", titles(&u));
    u.keys(&["O"]); // Acme, the first organization by name
    let mut shown = titles(&u);
    shown.sort();
    assert_eq!(shown, ["Career", "Load test", "Ship billing"]);
    u.keys(&["O"]); // Other
    assert_eq!(titles(&u), ["Other work"]);
    u.keys(&["O"]); // all again
    assert_eq!(titles(&u).len(), 5);
}

#[test]
fn a_stale_milestone_save_shows_the_other_sessions_text_and_can_overwrite_it() {
    let (mut u, _, _, _, rust) = tree();
    let m = u.t.repo.add_milestone(rust, "Read the book", None).unwrap();
    u.app.tick();
    u.keys(&["G", "Enter", "e", "text: (mine)"]);
    u.t.repo
        .update_milestone(m.id, m.version, "Read the book (theirs)", None)
        .unwrap();
    u.keys(&["Enter"]);
    assert_eq!(u.app.contexts()[0], Context::Conflict);
    let s = u.screen(100, 30);
    assert!(s.contains("Read the book (mine)"), "{s}");
    assert!(
        s.contains("Read the book (theirs)"),
        "theirs is the other session's text, not this pane's cached copy: {s}"
    );
    u.keys(&["o"]);
    assert_eq!(
        u.t.repo.goal(rust).unwrap().milestones[0].title,
        "Read the book (mine)"
    );
}

/// A goal worked on for years: its page loads only the newest linked tasks, but counts them
/// all.
#[test]
fn a_goals_page_counts_every_linked_task_and_loads_the_newest() {
    let (mut u, ..) = tree();
    let rust = u.t.repo.goal_tree().unwrap()[3].id;
    let first = day("2020-01-01");
    u.t.repo
        .in_transaction(|r| {
            for i in 0..130u64 {
                r.add_task(
                    first + chrono::Days::new(i * 7),
                    &TaskDraft {
                        title: format!("session {i}"),
                        goal_id: Some(rust),
                        ..TaskDraft::default()
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
    let gone = u.t.repo.tasks_for_goal(rust).unwrap()[0].id;
    u.t.repo.delete(Deletable::Task, gone).unwrap();
    u.keys(&["G", "Enter"]);
    let shown: Vec<String> = u
        .app
        .panes
        .goals
        .open_tasks()
        .iter()
        .map(|t| t.title.clone())
        .collect();
    let all: Vec<String> =
        u.t.repo
            .tasks_for_goal(rust)
            .unwrap()
            .into_iter()
            .map(|t| t.title)
            .collect();
    assert_eq!(all.len(), 129);
    assert_eq!(shown, all[..100].to_vec(), "the newest first");
    let s = u.screen(80, 40);
    assert!(s.contains("Linked focus tasks (129)"), "{s}");
    assert!(s.contains("session 128"), "{s}");
}
