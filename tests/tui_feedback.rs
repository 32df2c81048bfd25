//! The Feedback pane driven by keys against a real database file: the form (a new person
//! inline, the meeting it came from), the filters (direction, person, text), action items from
//! feedback (the same list as a meeting's), opening the meeting, delete and undo.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;
use worklog::tui::panes::PaneId;

fn contents(u: &Tui) -> Vec<String> {
    u.app
        .panes
        .feedback
        .shown()
        .map(|f| f.content.clone())
        .collect()
}

#[test]
fn feedback_by_keys_with_a_new_person_and_the_meeting_it_came_from() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let ada = r.find_or_add_person("Ada").unwrap().id;
    let m = r
        .add_meeting(&meeting("2026-11-21T15:00:00", "1:1 with Nia", &[ada]))
        .unwrap()
        .id;
    u.keys(&["6", "a"]);
    assert_eq!(u.app.contexts()[0], Context::Picker, "the person first");
    u.keys(&[
        "text:Nia 新",
        "Enter", // a new person
        "Tab",
        "Up", // received -> given
        "Tab",
        "Down", // praise -> constructive
        "Tab",
        "text:Slow down in demos.",
        "Enter",
        "text:Leave room for questions \u{1b}[31m.",
        "Tab",
    ]);
    for _ in 0..10 {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:yesterday", "Tab", "text:nia", "Enter", "C-s"]);
    assert!(!u.app.panes.feedback.is_editing(), "{}", u.screen(80, 24));
    let all = u.t.repo.feedback_list(None, None).unwrap();
    assert_eq!(all.len(), 1);
    let f = &all[0];
    assert_eq!(f.person.name, "Nia 新");
    assert_eq!(f.direction, Direction::Given);
    assert_eq!(f.kind, FeedbackKind::Constructive);
    assert_eq!(f.day, day("2026-11-21"));
    assert_eq!(f.meeting_id, Some(m));
    assert!(f.content.starts_with("Slow down in demos.\nLeave room"));
    let s = u.screen(80, 24);
    // At 80 columns the direction is its arrow alone: the text gets the room.
    assert!(s.contains("→ Nia 新"), "{s}");
    assert!(s.contains("Slow down in demos. …"), "{s}");
    assert!(u.screen(160, 40).contains("→ given"));
    assert!(!s.contains('\u{1b}'));
}

#[test]
fn a_person_is_required_and_the_form_keeps_what_was_typed() {
    let mut u = Tui::new();
    u.keys(&["6", "a", "Tab", "Tab", "Tab", "text:Nice work", "C-s"]);
    let s = u.screen(80, 24);
    assert!(s.contains("pick who the feedback is with"), "{s}");
    assert!(s.contains("Nice work"));
    assert_eq!(u.app.contexts()[0], Context::Picker, "cursor on the person");
    u.keys(&["text:Bo", "Enter", "C-s"]);
    assert_eq!(
        u.t.repo.feedback_list(None, None).unwrap()[0].person.name,
        "Bo"
    );
}

fn with_feedback() -> (Tui, Id, Id) {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let ada = r.find_or_add_person("Ada").unwrap().id;
    let bob = r.find_or_add_person("Bob").unwrap().id;
    for (who, dir, day_, text) in [
        (ada, Direction::Given, "2026-11-20", "ada given"),
        (ada, Direction::Received, "2026-11-19", "ada received 日本"),
        (bob, Direction::Given, "2026-11-18", "bob given"),
        (bob, Direction::Received, "2026-11-17", "bob received"),
    ] {
        let mut f = feedback(who, text);
        f.direction = dir;
        f.day = day(day_);
        r.add_feedback(&f).unwrap();
    }
    u.keys(&["6"]);
    (u, ada, bob)
}

#[test]
fn direction_person_and_text_filters() {
    let (mut u, ada, _) = with_feedback();
    assert_eq!(contents(&u).len(), 4);
    u.keys(&["v"]);
    assert_eq!(u.app.panes.feedback.direction(), Some(Direction::Given));
    assert_eq!(contents(&u), ["ada given", "bob given"]);
    assert!(u.screen(80, 24).contains("only given"));
    u.keys(&["v"]);
    assert_eq!(contents(&u), ["ada received 日本", "bob received"]);
    u.keys(&["v"]);
    assert_eq!(contents(&u).len(), 4, "and back to both");
    u.keys(&["@", "text:ad", "Enter"]);
    assert_eq!(u.app.panes.feedback.person(), Some(ada));
    assert_eq!(contents(&u), ["ada given", "ada received 日本"]);
    assert!(u.screen(80, 24).contains("with Ada"));
    u.keys(&["v", "v"]);
    assert_eq!(contents(&u), ["ada received 日本"], "both filters at once");
    u.keys(&["v", "/", "text:given", "Enter"]);
    assert_eq!(contents(&u), ["ada given"], "and the text filter on top");
    u.keys(&["Esc"]);
    assert_eq!(contents(&u).len(), 2);
    u.keys(&["@", "text:every", "Enter"]);
    assert_eq!(u.app.panes.feedback.person(), None);
    assert_eq!(contents(&u).len(), 4);
    // A new piece of feedback starts with the person and direction filtered on.
    u.keys(&["@", "text:bob", "Enter", "v", "a"]);
    let s = u.screen(80, 24);
    assert!(s.contains("Person    Bob"), "{s}");
    assert!(s.contains("Direction given"), "{s}");
}

#[test]
fn action_items_come_from_feedback_as_from_meetings() {
    let (mut u, _, _) = with_feedback();
    u.keys(&["Enter"]);
    let f = u.app.panes.feedback.open_feedback().unwrap().clone();
    assert_eq!(f.content, "ada given");
    assert_eq!(u.app.contexts()[0], Context::ActionItems);
    u.keys(&[
        "a",
        "text:Follow up with Ada",
        "Tab",
        "text:Ada",
        "Enter",
        "C-s",
    ]);
    let items = u.t.repo.action_items_for_feedback(f.id).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].source, ActionSource::Feedback(f.id));
    assert_eq!(
        items[0].owner.as_ref().map(|o| o.name.as_str()),
        Some("Ada")
    );
    u.keys(&["p", "Enter"]);
    let it = u.t.repo.action_item(items[0].id).unwrap();
    let task = u.t.repo.task(it.task_id.unwrap()).unwrap();
    assert_eq!(task.day, day("2026-11-22"));
    assert!(u.screen(100, 30).contains(&format!("→ task #{}", task.id)));
    u.keys(&["Space"]);
    assert_eq!(u.t.repo.task(task.id).unwrap().status, TaskStatus::Done);
    // The list shows how many are open.
    u.keys(&["a", "text:Another", "C-s", "Esc"]);
    assert!(u.screen(80, 24).contains("☐1"));
}

#[test]
fn o_opens_the_meeting_the_feedback_came_from() {
    let (mut u, ada, _) = with_feedback();
    let m =
        u.t.repo
            .add_meeting(&meeting("2026-11-20T10:00:00", "Retro", &[ada]))
            .unwrap()
            .id;
    let f = u.t.repo.feedback_list(None, None).unwrap().remove(0);
    let mut d = feedback(ada, &f.content);
    d.direction = f.direction;
    d.day = f.day;
    d.meeting_id = Some(m);
    u.t.repo.update_feedback(f.id, f.stamp.version, &d).unwrap();
    u.app.tick();
    u.keys(&["Enter"]);
    assert!(u.screen(80, 24).contains("from the meeting"));
    u.keys(&["o"]);
    assert_eq!(u.app.current(), PaneId::Meetings);
    assert_eq!(u.app.panes.meetings.open_meeting(), Some(m));
    // Without a meeting, o says so.
    u.keys(&["6", "Esc", "j", "Enter", "o"]);
    assert_eq!(u.app.current(), PaneId::Feedback);
    assert!(u.screen(80, 24).contains("names no meeting"));
}

#[test]
fn editing_delete_and_undo() {
    let (mut u, _, bob) = with_feedback();
    u.keys(&["G", "e", "Tab", "Tab", "Tab", "text: (edited)", "C-s"]);
    let all = u.t.repo.feedback_list(None, Some(bob)).unwrap();
    assert!(
        all.iter().any(|f| f.content == "bob received (edited)"),
        "{all:?}"
    );
    u.keys(&["d"]);
    assert_eq!(u.t.repo.feedback_list(None, None).unwrap().len(), 3);
    assert!(u.screen(80, 24).contains("u to undo"));
    u.keys(&["u"]);
    assert_eq!(contents(&u).len(), 4);
}

#[test]
fn an_unsaved_feedback_form_comes_back_as_a_draft() {
    let (mut u, _, _) = with_feedback();
    u.keys(&[
        "a",
        "text:Ada",
        "Enter",
        "Tab",
        "Tab",
        "Tab",
        "text:words worth keeping",
    ]);
    assert_eq!(u.app.save_drafts().len(), 1);
    let mut next = u.reopen();
    press(&mut next, &["6", "a"]);
    assert!(screen(&mut next, 80, 24).contains("words worth keeping"));
    press(&mut next, &["C-s"]);
    assert!(
        u.t.repo
            .feedback_list(None, None)
            .unwrap()
            .iter()
            .any(|f| f.content == "words worth keeping" && f.person.name == "Ada")
    );
}
