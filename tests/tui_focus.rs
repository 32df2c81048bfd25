//! The Focus pane driven by keys against a real database file; results checked in the
//! database through a second connection.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;
use worklog::tui::panes::PaneId;

fn today() -> chrono::NaiveDate {
    day("2026-11-22")
}

/// An app switched to the Focus pane (it starts on Today).
fn focus() -> Tui {
    let mut u = Tui::new();
    u.keys(&["1"]);
    u
}

#[test]
fn adding_a_task_by_keys_saves_every_field() {
    let mut u = focus();
    assert_eq!(u.app.current(), PaneId::Focus);
    u.keys(&[
        "a",
        "text:Write the report",
        "Tab",
        "text:first line",
        "Enter",
        "text:second line",
        "Tab",
        "Up", // priority: normal -> high
        "Tab",
        "text:1h30",
        "Tab",
        "text:deep-work",
        "Enter", // create the tag
        "C-s",
    ]);
    assert!(!u.app.panes.focus.is_editing());
    let tasks = u.t.repo.tasks_on(today()).unwrap();
    assert_eq!(tasks.len(), 1);
    let t = &tasks[0];
    assert_eq!(t.title, "Write the report");
    assert_eq!(t.notes, "first line\nsecond line");
    assert_eq!(t.priority, Priority::HIGH);
    assert_eq!(t.estimate_minutes, Some(90));
    assert_eq!(t.tags, vec!["deep-work"]);
    assert!(u.screen(80, 24).contains("Write the report"));
}

#[test]
fn enter_in_the_title_saves_quickly() {
    let mut u = focus();
    u.keys(&["a", "text:Quick one", "Enter"]);
    assert_eq!(u.t.repo.tasks_on(today()).unwrap()[0].title, "Quick one");
}

#[test]
fn a_failed_save_keeps_the_text_and_shows_the_error_beside_the_field() {
    let mut u = focus();
    u.keys(&[
        "a",
        "Tab",
        "text:notes I typed",
        "Tab",
        "Tab",
        "text:soon",
        "C-s",
    ]);
    assert!(u.app.panes.focus.is_editing());
    let s = u.screen(80, 24);
    assert!(s.contains("estimate must be minutes"), "{s}");
    assert!(s.contains("notes I typed"));
    // Fix the estimate, save: now the title is the problem.
    u.keys(&[
        "Backspace",
        "Backspace",
        "Backspace",
        "Backspace",
        "text:45",
        "C-s",
    ]);
    let s = u.screen(80, 24);
    assert!(s.contains("task title must not be empty"), "{s}");
    assert!(u.t.repo.tasks_on(today()).unwrap().is_empty());
    assert_eq!(
        u.app.contexts()[0],
        Context::FormLine,
        "cursor moved to the title"
    );
    u.keys(&["text:Now with a title", "C-s"]);
    let t = &u.t.repo.tasks_on(today()).unwrap()[0];
    assert_eq!(
        (t.title.as_str(), t.notes.as_str(), t.estimate_minutes),
        ("Now with a title", "notes I typed", Some(45))
    );
}

#[test]
fn escape_asks_before_discarding_typed_text() {
    let mut u = focus();
    u.keys(&["a", "text:half", "Esc"]);
    assert_eq!(u.app.contexts()[0], Context::ConfirmDiscard);
    assert!(u.screen(80, 24).contains("Discard your changes?"));
    u.keys(&["n"]);
    assert!(u.app.panes.focus.is_editing());
    u.keys(&["Esc", "y"]);
    assert!(!u.app.panes.focus.is_editing());
    assert!(u.t.repo.tasks_on(today()).unwrap().is_empty());
    // An untouched form closes at once.
    u.keys(&["a", "Esc"]);
    assert!(!u.app.panes.focus.is_editing());
}

#[test]
fn space_toggles_done_and_s_cycles_status() {
    let mut u = focus();
    let id = u.t.repo.add_task(today(), &task("Ship it")).unwrap().id;
    u.app.tick();
    u.keys(&["Space"]);
    let t = u.t.repo.task(id).unwrap();
    assert_eq!(t.status, TaskStatus::Done);
    assert_eq!(t.done_at, Some(at("2026-11-22T09:30:00")));
    u.keys(&["Space"]);
    assert_eq!(u.t.repo.task(id).unwrap().status, TaskStatus::Todo);
    u.keys(&["s"]);
    assert_eq!(u.t.repo.task(id).unwrap().status, TaskStatus::Doing);
    u.keys(&["s", "s"]);
    assert_eq!(u.t.repo.task(id).unwrap().status, TaskStatus::Dropped);
    u.keys(&["s"]);
    assert_eq!(u.t.repo.task(id).unwrap().status, TaskStatus::Todo);
}

#[test]
fn shift_j_and_k_reorder_and_the_cursor_follows() {
    let mut u = focus();
    for t in ["one", "two", "three"] {
        u.t.repo.add_task(today(), &task(t)).unwrap();
    }
    u.app.tick();
    u.keys(&["J", "J"]);
    let order: Vec<String> =
        u.t.repo
            .tasks_on(today())
            .unwrap()
            .into_iter()
            .map(|t| t.title)
            .collect();
    assert_eq!(order, ["two", "three", "one"]);
    u.keys(&["k", "K"]);
    let order: Vec<String> =
        u.t.repo
            .tasks_on(today())
            .unwrap()
            .into_iter()
            .map(|t| t.title)
            .collect();
    assert_eq!(order, ["three", "two", "one"]);
}

#[test]
fn delete_then_u_undoes() {
    let mut u = focus();
    u.t.repo.add_task(today(), &task("keep me")).unwrap();
    u.app.tick();
    u.keys(&["d"]);
    assert!(u.t.repo.tasks_on(today()).unwrap().is_empty());
    assert!(u.screen(80, 24).contains("u to undo"));
    u.keys(&["u"]);
    assert_eq!(u.t.repo.tasks_on(today()).unwrap()[0].title, "keep me");
    assert!(u.screen(80, 24).contains("keep me"));
}

#[test]
fn editing_changes_the_task_and_keeps_its_id() {
    let mut u = focus();
    let id =
        u.t.repo
            .add_task(
                today(),
                &task_with("Draft", Priority::LOW, Some(30), &["writing"]),
            )
            .unwrap()
            .id;
    u.app.tick();
    u.keys(&[
        "e",
        "text: v2",
        "Tab",
        "Tab",
        "Tab",
        "Tab",
        "Backspace",
        "C-s",
    ]);
    let t = u.t.repo.task(id).unwrap();
    assert_eq!(t.title, "Draft v2");
    assert_eq!(t.priority, Priority::LOW);
    assert_eq!(t.estimate_minutes, Some(30));
    assert!(
        t.tags.is_empty(),
        "backspace in the empty tag query unpicks the last tag"
    );
}

#[test]
fn browsing_days_adds_to_the_day_shown() {
    let mut u = focus();
    u.keys(&["[", "a", "text:yesterday's", "Enter"]);
    assert_eq!(u.app.panes.focus.day(), day("2026-11-21"));
    assert_eq!(
        u.t.repo.tasks_on(day("2026-11-21")).unwrap()[0].title,
        "yesterday's"
    );
    u.keys(&["]", "]", "a", "text:tomorrow's", "Enter"]);
    assert_eq!(
        u.t.repo.tasks_on(day("2026-11-23")).unwrap()[0].title,
        "tomorrow's"
    );
    u.keys(&["t"]);
    assert_eq!(u.app.panes.focus.day(), today());
}

fn with_unfinished() -> (Tui, Vec<Id>) {
    let u = focus();
    let y = day("2026-11-21");
    let a = u.t.repo.add_task(y, &task("old one")).unwrap().id;
    let b = u.t.repo.add_task(y, &task("old two")).unwrap().id;
    let done = u.t.repo.add_task(y, &task("finished")).unwrap();
    u.t.repo
        .set_task_status(done.id, 1, TaskStatus::Done)
        .unwrap();
    (u, vec![a, b])
}

#[test]
fn carry_all_moves_unfinished_tasks_to_today_and_counts() {
    let (mut u, ids) = with_unfinished();
    u.app.tick();
    assert_eq!(u.app.panes.focus.offered(), 2);
    assert!(u.screen(80, 24).contains("2 unfinished tasks"));
    u.keys(&["c"]);
    for id in &ids {
        let t = u.t.repo.task(*id).unwrap();
        assert_eq!((t.day, t.carry_count), (today(), 1));
    }
    assert_eq!(u.app.panes.focus.offered(), 0);
    assert!(u.screen(80, 24).contains("↻1"));
}

#[test]
fn the_checklist_carries_only_ticked_tasks() {
    let (mut u, ids) = with_unfinished();
    u.app.tick();
    u.keys(&["C"]);
    assert_eq!(u.app.contexts()[0], Context::Checklist);
    u.keys(&["j", "Space", "Enter"]);
    assert_eq!(u.t.repo.task(ids[0]).unwrap().day, day("2026-11-21"));
    assert_eq!(u.t.repo.task(ids[1]).unwrap().day, today());
    assert_eq!(u.app.panes.focus.offered(), 1);
}

#[test]
fn dismissing_the_offer_carries_nothing_and_past_days_never_offer() {
    let (mut u, ids) = with_unfinished();
    u.app.tick();
    u.keys(&["x"]);
    assert_eq!(u.app.panes.focus.offered(), 0);
    assert_eq!(u.t.repo.task(ids[0]).unwrap().day, day("2026-11-21"));
    u.keys(&["[", "[", "]", "]"]);
    assert_eq!(u.app.panes.focus.offered(), 0, "dismissed for the session");
    u.keys(&["[", "[", "[", "t"]);
    assert_eq!(u.app.panes.focus.day(), today());
    // A day before today never offers.
    let mut u2 = with_unfinished().0;
    u2.keys(&["[", "[", "]"]);
    assert_eq!(u2.app.panes.focus.day(), day("2026-11-21"));
    assert_eq!(u2.app.panes.focus.offered(), 0);
}

#[test]
fn filter_narrows_as_you_type_and_escape_clears() {
    let mut u = focus();
    for t in ["Write report", "Review PR", "Report expenses"] {
        u.t.repo.add_task(today(), &task(t)).unwrap();
    }
    u.app.tick();
    u.keys(&["/", "text:rep"]);
    assert_eq!(u.app.panes.focus.shown().count(), 2);
    u.keys(&["Backspace", "Backspace", "Backspace", "text:PR"]);
    assert_eq!(u.app.panes.focus.shown().count(), 1);
    u.keys(&["Enter"]);
    assert!(u.screen(80, 24).contains("1 of 3"));
    u.keys(&["Esc"]);
    assert_eq!(u.app.panes.focus.shown().count(), 3);
}

#[test]
fn a_stale_save_shows_both_versions_and_overwrite_uses_mine() {
    let mut u = focus();
    let id = u.t.repo.add_task(today(), &task("Plan")).unwrap().id;
    u.app.tick();
    u.keys(&["e", "text: (mine)"]);
    u.t.repo.update_task(id, 1, &task("Plan (theirs)")).unwrap();
    u.keys(&["C-s"]);
    assert_eq!(u.app.contexts(), vec![Context::Conflict, Context::Always]);
    let s = u.screen(100, 30);
    assert!(
        s.contains("Plan (mine)") && s.contains("Plan (theirs)"),
        "{s}"
    );
    assert_eq!(
        u.t.repo.task(id).unwrap().title,
        "Plan (theirs)",
        "nothing overwritten yet"
    );
    u.keys(&["b"]);
    assert_eq!(u.app.contexts()[0], Context::FormLine, "back to editing");
    u.keys(&["C-s", "o"]);
    let t = u.t.repo.task(id).unwrap();
    assert_eq!((t.title.as_str(), t.stamp.version), ("Plan (mine)", 3));
    assert!(!u.app.panes.focus.is_editing());
}

#[test]
fn overwrite_is_over_the_version_shown_so_a_later_change_is_shown_too() {
    let mut u = focus();
    let id = u.t.repo.add_task(today(), &task("Plan")).unwrap().id;
    u.app.tick();
    u.keys(&["e", "text: (mine)"]);
    u.t.repo.update_task(id, 1, &task("Plan (theirs)")).unwrap();
    u.keys(&["C-s"]);
    assert_eq!(u.app.contexts()[0], Context::Conflict);
    // While the user reads the two versions, the other session saves again.
    u.t.repo
        .update_task(id, 2, &task("Plan (theirs, again)"))
        .unwrap();
    u.keys(&["o"]);
    assert_eq!(
        u.t.repo.task(id).unwrap().title,
        "Plan (theirs, again)",
        "an overwrite never lands on a version the user was not shown"
    );
    assert_eq!(u.app.contexts()[0], Context::Conflict);
    assert!(u.screen(100, 30).contains("Plan (theirs, again)"));
    u.keys(&["o"]);
    let t = u.t.repo.task(id).unwrap();
    assert_eq!((t.title.as_str(), t.stamp.version), ("Plan (mine)", 4));
}

#[test]
fn a_stale_save_can_keep_theirs() {
    let mut u = focus();
    let id = u.t.repo.add_task(today(), &task("Plan")).unwrap().id;
    u.app.tick();
    u.keys(&["e", "text: (mine)"]);
    u.t.repo.update_task(id, 1, &task("Plan (theirs)")).unwrap();
    u.keys(&["C-s", "t"]);
    assert_eq!(u.t.repo.task(id).unwrap().title, "Plan (theirs)");
    assert!(!u.app.panes.focus.is_editing());
}

#[test]
fn an_open_form_survives_the_session_as_a_draft() {
    let mut u = focus();
    u.keys(&[
        "a",
        "text:typed before the SSH drop",
        "Tab",
        "text:and notes",
    ]);
    let saved = u.app.save_drafts();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].ends_with("drafts/focus.json"));
    let mut next = u.reopen();
    assert!(screen(&mut next, 80, 24).contains("unsaved draft"));
    press(&mut next, &["1", "a"]);
    let s = screen(&mut next, 80, 24);
    assert!(s.contains("typed before the SSH drop"), "{s}");
    press(&mut next, &["C-s"]);
    let t = &u.t.repo.tasks_on(today()).unwrap()[0];
    assert_eq!(
        (t.title.as_str(), t.notes.as_str()),
        ("typed before the SSH drop", "and notes")
    );
    assert!(!saved[0].exists(), "the draft is used up");
}

#[test]
fn ctrl_c_keeps_the_form_as_a_draft_and_quits() {
    let mut u = focus();
    u.keys(&["a", "text:half a thought", "C-c"]);
    assert!(u.app.should_quit());
    assert!(u.t.dir.path().join("drafts/focus.json").exists());
}

#[test]
fn another_sessions_write_shows_up_on_the_next_tick() {
    let mut u = focus();
    assert!(!u.app.tick(), "nothing changed");
    u.t.repo.add_task(today(), &task("from elsewhere")).unwrap();
    assert!(u.app.tick());
    assert!(u.screen(80, 24).contains("from elsewhere"));
}

#[test]
fn at_midnight_today_moves_on() {
    let mut u = focus();
    u.t.repo.add_task(today(), &task("sunday task")).unwrap();
    u.app.tick();
    u.t.clock.set(at("2026-11-23T00:00:01"));
    assert!(u.app.tick());
    assert_eq!(u.app.panes.focus.day(), day("2026-11-23"));
    assert!(u.screen(80, 24).contains("Mon 23 Nov 2026 · today"));
    assert_eq!(
        u.app.panes.focus.offered(),
        1,
        "yesterday's task is offered"
    );
}

#[test]
fn pane_switching_by_digits_and_tab() {
    let mut u = Tui::new();
    u.keys(&["7"]);
    assert_eq!(u.app.current(), PaneId::Energy);
    u.keys(&["Tab"]);
    assert_eq!(u.app.current(), PaneId::Today);
    assert!(u.screen(80, 24).contains("Open action items"));
    u.keys(&["BackTab", "BackTab", "3"]);
    assert_eq!(u.app.current(), PaneId::Skills);
    u.keys(&["1", "?"]);
    assert!(u.app.help_open());
    let s = u.screen(80, 24);
    assert!(s.contains("Keys · Focus") && s.contains("mark done"), "{s}");
    u.keys(&["q"]);
    assert!(!u.app.help_open() && !u.app.should_quit());
    u.keys(&["q"]);
    assert!(u.app.should_quit());
}

#[test]
fn the_offer_stays_true_after_an_undo_and_another_sessions_write() {
    let mut u = focus();
    let y = day("2026-11-21");
    u.t.repo.add_task(y, &task("stale one")).unwrap();
    u.app.tick();
    assert_eq!(u.app.panes.focus.offered(), 1);
    // Delete it from its own day, come back to today: no offer; undo: offered again.
    u.keys(&["[", "d", "t"]);
    assert_eq!(u.app.panes.focus.offered(), 0);
    u.keys(&["u"]);
    assert_eq!(u.app.panes.focus.offered(), 1);
    // Another session adds an old unfinished task: the next tick offers it too.
    u.t.repo.add_task(y, &task("another")).unwrap();
    u.app.tick();
    assert_eq!(u.app.panes.focus.offered(), 2);
    // Toggling today's tasks keeps the offer as it is.
    u.keys(&["a", "text:today's", "Enter", "Space"]);
    assert_eq!(u.app.panes.focus.offered(), 2);
}

/// While "terminal too small" shows, nothing the user cannot see may happen: `1` then `d`
/// (and `y`, Enter) at 30×5 leave the database alone, and `q` still quits.
#[test]
fn keys_do_nothing_but_quit_while_the_terminal_is_too_small() {
    let mut u = Tui::new();
    let t = u.t.repo.add_task(today(), &task("keep me")).unwrap();
    let screen = u.screen(30, 5);
    assert!(screen.contains("too small"), "{screen}");
    u.keys(&[
        "1",
        "d",
        "y",
        "Enter",
        "a",
        "text:typed",
        "C-s",
        "x",
        "Space",
    ]);
    let screen = u.screen(30, 5);
    assert!(screen.contains("too small"), "{screen}");
    let now = u.t.repo.tasks_on(today()).unwrap();
    assert_eq!(now.len(), 1);
    assert_eq!(now[0].id, t.id);
    assert_eq!(now[0], t);
    assert!(!u.app.should_quit());
    // Back at a usable size nothing happened behind the screen: still on Today, no form.
    let screen = u.screen(80, 24);
    assert_eq!(u.app.current(), PaneId::Today, "{screen}");
    u.screen(30, 5);
    u.keys(&["q"]);
    assert!(u.app.should_quit());
}

/// The conflict view compares only what the form edits: the task form has no status field,
/// so a status changed elsewhere is no difference on Theirs only.
#[test]
fn the_conflict_view_shows_only_what_the_form_edits() {
    let mut u = focus();
    let t = u.t.repo.add_task(today(), &task("mine")).unwrap();
    u.app.tick();
    u.keys(&["e", "text: (edited)"]);
    let t =
        u.t.repo
            .set_task_status(t.id, 1, TaskStatus::Doing)
            .unwrap();
    u.t.repo
        .update_task(t.id, t.stamp.version, &task("theirs"))
        .unwrap();
    u.keys(&["C-s"]);
    let s = u.screen(80, 24);
    assert!(s.contains("Theirs (saved)"), "{s}");
    assert!(s.contains("title: theirs"), "{s}");
    assert!(!s.contains("status:"), "no field the form lacks: {s}");
}

fn tomorrow() -> chrono::NaiveDate {
    day("2026-11-23")
}

/// `>` postpones the selected task to the day after the one shown (a carry, so the task
/// remembers where it came from); the key is in the help (the footer keeps edit and delete).
#[test]
fn greater_than_postpones_the_task_to_tomorrow() {
    let mut u = focus();
    u.t.repo.add_task(today(), &task("first")).unwrap();
    let later = u.t.repo.add_task(today(), &task("later")).unwrap();
    u.app.tick();
    u.keys(&["j", ">"]);
    let titles = |d| -> Vec<String> {
        u.t.repo
            .tasks_on(d)
            .unwrap()
            .into_iter()
            .map(|t| t.title)
            .collect()
    };
    assert_eq!(titles(today()), vec!["first"]);
    assert_eq!(titles(tomorrow()), vec!["later"]);
    let moved = u.t.repo.task(later.id).unwrap();
    assert_eq!((moved.first_day, moved.carry_count), (today(), 1));
    assert!(u.screen(80, 24).contains("“later” moved to Mon 23 Nov"));
    u.keys(&["?"]);
    let s = u.screen(120, 60);
    assert!(s.contains("move the task to the next day"), "{s}");
}

/// The task form has a day: a new task is planned for it, and an edit moves the task there.
#[test]
fn the_task_form_has_a_day_field() {
    let mut u = focus();
    let fields_to_day = ["Tab", "Tab", "Tab", "Tab", "Tab", "Tab"];
    u.keys(&["a", "text:planned ahead"]);
    u.keys(&fields_to_day);
    let s = u.screen(80, 24);
    assert!(s.contains("Day"), "{s}");
    for _ in 0.."2026-11-22".len() {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:tomorrow", "C-s"]);
    assert!(u.t.repo.tasks_on(today()).unwrap().is_empty());
    assert_eq!(
        u.t.repo.tasks_on(tomorrow()).unwrap()[0].title,
        "planned ahead"
    );

    let t = u.t.repo.add_task(today(), &task("edit me")).unwrap();
    u.app.tick();
    u.keys(&["e", "text: (edited)"]);
    u.keys(&fields_to_day);
    for _ in 0.."2026-11-22".len() {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:+1", "C-s"]);
    let moved = u.t.repo.task(t.id).unwrap();
    assert_eq!(moved.day, tomorrow());
    assert_eq!(moved.title, "edit me (edited)");

    // A day before the task's own cannot be reached by moving it: said on the field.
    let t = u.t.repo.add_task(today(), &task("stay")).unwrap();
    u.app.tick();
    u.keys(&["e"]);
    u.keys(&fields_to_day);
    for _ in 0.."2026-11-22".len() {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:yesterday", "C-s"]);
    let s = u.screen(80, 24);
    assert!(s.contains("only to a later day"), "{s}");
    assert_eq!(u.t.repo.task(t.id).unwrap().day, today());
}
