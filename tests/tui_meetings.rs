//! The Meetings pane driven by keys against a real database file: the meeting form (with a
//! person created inline), action items (done, promote to Focus, the link both ways), days,
//! the filter, delete and undo, and a person's page; results checked through the repository.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;
use worklog::tui::panes::PaneId;

fn item(title: &str, source: ActionSource, owner: Option<Id>) -> ActionItemDraft {
    ActionItemDraft {
        title: title.into(),
        source,
        owner_id: owner,
        due_date: None,
    }
}

fn names(m: &Meeting) -> Vec<&str> {
    m.attendees.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn a_meeting_by_keys_with_an_existing_and_a_new_person() {
    let mut u = Tui::new();
    let ada = u.t.repo.find_or_add_person("Ada Lovelace").unwrap().id;
    u.keys(&["4", "a"]);
    assert!(u.app.panes.meetings.is_editing());
    u.keys(&["text:Design review 🚀", "Tab"]);
    // When: replace the default (now) with a typed day and time.
    for _ in 0..20 {
        u.keys(&["Backspace"]);
    }
    u.keys(&[
        "text:tomorrow 14:30",
        "Tab",
        "Up", // kind: other -> external
        "Up", // -> planning
        "Tab",
        "Backspace",
        "Backspace",
        "Backspace",
        "text:1h15",
        "Tab",
        "text:ada",
        "Enter", // picks Ada Lovelace
        "text:Zoë 新人",
        "Enter", // creates Zoë 新人
        "Tab",
        "text:design",
        "Enter", // a new tag
        "Tab",
        "text:first line",
        "Enter",
        "text:second line",
        "C-s",
    ]);
    assert!(!u.app.panes.meetings.is_editing(), "{}", u.screen(80, 24));
    let all =
        u.t.repo
            .meetings_between(day("2026-11-01"), day("2026-11-30"))
            .unwrap();
    assert_eq!(all.len(), 1);
    let m = &all[0];
    assert_eq!(m.title, "Design review 🚀");
    assert_eq!(m.starts_at, at("2026-11-23T14:30:00"));
    assert_eq!(m.kind, MeetingKind::Planning);
    assert_eq!(m.duration_minutes, Some(75));
    assert_eq!(names(m), ["Ada Lovelace", "Zoë 新人"]);
    assert_eq!(m.attendees[0].id, ada);
    assert_eq!(m.tags, ["design"]);
    assert_eq!(m.notes, "first line\nsecond line");
    // The new person is a person like any other now.
    let people: Vec<String> =
        u.t.repo
            .people(None)
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
    assert_eq!(people, ["Ada Lovelace", "Zoë 新人"]);
    let s = u.screen(80, 24);
    assert!(s.contains("Design review 🚀"), "{s}");
    assert!(s.contains("Ada Lovelace +1"), "{s}");
    let s = u.screen(160, 30);
    assert!(s.contains("Ada Lovelace, Zoë"), "{s}");
}

#[test]
fn a_failed_save_keeps_the_form_and_adds_no_one() {
    let mut u = Tui::new();
    u.keys(&[
        "4",
        "a",
        "Tab",
        "Tab",
        "Tab",
        "Tab",
        "text:Newcomer",
        "Enter",
        "C-s",
    ]);
    assert!(u.app.panes.meetings.is_editing());
    let s = u.screen(80, 24);
    assert!(s.contains("meeting title must not be empty"), "{s}");
    assert!(s.contains("[Newcomer]"), "the picked person stays: {s}");
    assert!(
        u.t.repo.people(None).unwrap().is_empty(),
        "the new person is saved with the meeting or not at all"
    );
    assert_eq!(
        u.app.contexts()[0],
        Context::FormLine,
        "cursor on the title"
    );
    u.keys(&["text:Kick-off", "Tab", "text:x", "C-s"]);
    let s = u.screen(80, 24);
    assert!(s.contains("time must be"), "{s}");
    u.keys(&["Backspace", "Tab", "Tab", "text:zz", "C-s"]);
    let s = u.screen(80, 24);
    assert!(s.contains("duration must be minutes"), "{s}");
    u.keys(&["Backspace", "Backspace", "C-s"]);
    assert!(!u.app.panes.meetings.is_editing(), "{}", u.screen(80, 24));
    let m = u.app.panes.meetings.shown().next().unwrap().clone();
    assert_eq!(m.title, "Kick-off");
    assert_eq!(names(&m), ["Newcomer"]);
}

/// A meeting today with Ada and Bob, opened on its page.
fn with_meeting() -> (Tui, Id, Id, Id) {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let ada = r.find_or_add_person("Ada").unwrap().id;
    let bob = r.find_or_add_person("Bob").unwrap().id;
    let m = r
        .add_meeting(&meeting("2026-11-22T09:00:00", "Planning", &[ada, bob]))
        .unwrap()
        .id;
    u.keys(&["4", "Enter"]);
    assert_eq!(u.app.panes.meetings.open_meeting(), Some(m));
    (u, m, ada, bob)
}

#[test]
fn action_items_are_added_done_and_reopened_by_keys() {
    let (mut u, m, ada, _) = with_meeting();
    u.keys(&[
        "a",
        "text:Send the notes",
        "Tab",
        "text:ad",
        "Enter", // owner Ada
        "Tab",
        "text:tomorrow",
        "C-s",
    ]);
    let items = u.t.repo.action_items_for_meeting(m).unwrap();
    assert_eq!(items.len(), 1);
    let it = &items[0];
    assert_eq!(it.title, "Send the notes");
    assert_eq!(it.owner.as_ref().map(|o| o.id), Some(ada));
    assert_eq!(it.due_date, Some(day("2026-11-23")));
    assert_eq!(it.source, ActionSource::Meeting(m));
    let s = u.screen(80, 24);
    assert!(s.contains("@Ada"), "{s}");
    assert!(s.contains("due Mon 23 Nov"), "{s}");
    // An owner typed new is created with the item.
    u.keys(&["a", "text:Book a room", "Tab", "text:Carol", "Enter", "C-s"]);
    let carol = u.t.repo.find_or_add_person("Carol").unwrap();
    let items = u.t.repo.action_items_for_meeting(m).unwrap();
    assert!(
        items
            .iter()
            .any(|i| i.owner.as_ref().map(|o| o.id) == Some(carol.id))
    );
    // Space toggles done on the selected item (the one just saved).
    u.keys(&["Space"]);
    let room = |u: &Tui| {
        u.t.repo
            .action_items_for_meeting(m)
            .unwrap()
            .into_iter()
            .find(|i| i.title == "Book a room")
            .unwrap()
    };
    assert_eq!(room(&u).done_at, Some(at("2026-11-22T09:30:00")));
    assert!(u.screen(80, 24).contains("[✓] Book a room"));
    u.keys(&["g", "Space"]);
    // Open items come first: the selection follows the row, so find it by title again.
    let done: Vec<String> =
        u.t.repo
            .action_items_for_meeting(m)
            .unwrap()
            .into_iter()
            .filter(|i| i.done_at.is_some())
            .map(|i| i.title)
            .collect();
    assert_eq!(done.len(), 2, "{done:?}");
    // Delete and undo.
    u.keys(&["d"]);
    assert_eq!(u.t.repo.action_items_for_meeting(m).unwrap().len(), 1);
    assert!(u.screen(80, 24).contains("u to undo"));
    u.keys(&["u"]);
    assert_eq!(u.t.repo.action_items_for_meeting(m).unwrap().len(), 2);
}

#[test]
fn promoting_makes_a_linked_task_and_closing_either_closes_both() {
    let (mut u, m, _, _) = with_meeting();
    u.keys(&["a", "text:Write the summary", "C-s", "p"]);
    assert_eq!(u.app.contexts()[0], Context::FormLine, "the day prompt");
    assert!(u.screen(80, 24).contains("On day"));
    u.keys(&["Enter"]); // today
    let it = u.t.repo.action_items_for_meeting(m).unwrap().remove(0);
    let task_id = it.task_id.expect("promoted");
    let task = u.t.repo.task(task_id).unwrap();
    assert_eq!(task.day, day("2026-11-22"));
    assert_eq!(task.title, "Write the summary");
    assert_eq!(task.action_item_id, Some(it.id));
    let s = u.screen(100, 30);
    assert!(
        s.contains(&format!("→ task #{task_id} on 2026-11-22")),
        "the link is shown: {s}"
    );
    // Promoting again is refused with a message, and makes no second task.
    u.keys(&["p"]);
    assert!(u.screen(100, 30).contains("already a focus task"));
    assert_eq!(u.t.repo.tasks_on(day("2026-11-22")).unwrap().len(), 1);
    // Done here closes the task there.
    u.keys(&["Space"]);
    assert_eq!(u.t.repo.task(task_id).unwrap().status, TaskStatus::Done);
    assert!(u.screen(100, 30).contains("✓"));
    // Open again: the task reopens too.
    u.keys(&["Space"]);
    assert_eq!(u.t.repo.task(task_id).unwrap().status, TaskStatus::Todo);
    // Finishing the task in Focus closes the item.
    u.keys(&["1"]);
    assert_eq!(u.app.current(), PaneId::Focus);
    u.keys(&["Space"]);
    assert!(
        u.t.repo.action_item(it.id).unwrap().done_at.is_some(),
        "done in Focus closes the item"
    );
    u.keys(&["4"]);
    assert!(u.screen(100, 30).contains("[✓] Write the summary"));
}

#[test]
fn promoting_to_a_typed_day_and_a_bad_day_says_why() {
    let (mut u, m, _, _) = with_meeting();
    u.keys(&["a", "text:Call the vendor", "C-s", "p"]);
    for _ in 0..5 {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:someday", "Enter"]);
    let s = u.screen(80, 24);
    assert!(s.contains("day must be today, yesterday, tomorrow"), "{s}");
    assert!(
        u.t.repo.action_items_for_meeting(m).unwrap()[0]
            .task_id
            .is_none()
    );
    for _ in 0..7 {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:2026-11-25", "Enter"]);
    let it = u.t.repo.action_items_for_meeting(m).unwrap().remove(0);
    let task = u.t.repo.task(it.task_id.unwrap()).unwrap();
    assert_eq!(task.day, day("2026-11-25"));
    // A done item is not promoted.
    u.keys(&["a", "text:Already handled", "C-s", "Space", "p"]);
    assert!(u.screen(80, 24).contains("this action item is done"));
    assert_ne!(u.app.contexts()[0], Context::FormLine);
}

#[test]
fn days_move_with_brackets_and_t_jumps_to_today() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    for (at_, title) in [
        ("2026-11-24T10:00:00", "future"),
        ("2026-11-22T11:00:00", "today late"),
        ("2026-11-22T08:00:00", "today early"),
        ("2026-11-20T09:00:00", "friday"),
        ("2026-11-18T09:00:00", "wednesday"),
    ] {
        r.add_meeting(&meeting(at_, title, &[])).unwrap();
    }
    u.keys(&["4"]);
    let order: Vec<String> = u
        .app
        .panes
        .meetings
        .shown()
        .map(|m| m.title.clone())
        .collect();
    assert_eq!(
        order,
        ["future", "today early", "today late", "friday", "wednesday"],
        "days newest first, a day's meetings by time"
    );
    u.keys(&["t"]);
    u.keys(&["Enter"]);
    assert_eq!(
        u.app.panes.meetings.open_meeting(),
        u.app.panes.meetings.shown().nth(1).map(|m| m.id),
        "t goes to today's first meeting"
    );
    u.keys(&["Esc", "["]);
    u.keys(&["Enter"]);
    let friday = u.app.panes.meetings.shown().nth(3).map(|m| m.id);
    assert_eq!(
        u.app.panes.meetings.open_meeting(),
        friday,
        "[ goes a day back"
    );
    u.keys(&["Esc", "[", "[", "Enter"]);
    let wed = u.app.panes.meetings.shown().nth(4).map(|m| m.id);
    assert_eq!(
        u.app.panes.meetings.open_meeting(),
        wed,
        "and stops at the oldest"
    );
    u.keys(&["Esc", "]", "Enter"]);
    assert_eq!(
        u.app.panes.meetings.open_meeting(),
        friday,
        "] goes a day forward"
    );
    u.keys(&["Esc", "]", "Enter"]);
    let early = u.app.panes.meetings.shown().nth(1).map(|m| m.id);
    assert_eq!(
        u.app.panes.meetings.open_meeting(),
        early,
        "to the first meeting of the next day"
    );
}

#[test]
fn filter_delete_and_undo() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let ada = r.find_or_add_person("Ada").unwrap().id;
    r.add_meeting(&meeting("2026-11-21T10:00:00", "Retro", &[ada]))
        .unwrap();
    r.add_meeting(&meeting("2026-11-20T10:00:00", "Standup", &[]))
        .unwrap();
    u.keys(&["4", "/", "text:ada", "Enter"]);
    let shown: Vec<String> = u
        .app
        .panes
        .meetings
        .shown()
        .map(|m| m.title.clone())
        .collect();
    assert_eq!(shown, ["Retro"], "the filter looks at attendees");
    assert!(u.screen(80, 24).contains("1 of 2"));
    u.keys(&["Esc"]);
    assert_eq!(u.app.panes.meetings.shown().count(), 2);
    u.keys(&["d"]);
    assert_eq!(
        u.t.repo
            .meetings_between(day("2026-11-01"), day("2026-11-30"))
            .unwrap()
            .len(),
        1
    );
    u.keys(&["u"]);
    assert_eq!(u.app.panes.meetings.shown().count(), 2);
}

#[test]
fn a_persons_page_has_their_meetings_open_items_and_feedback() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let ada = r.find_or_add_person("Ada").unwrap().id;
    let bob = r.find_or_add_person("Bob").unwrap().id;
    let one = r
        .add_meeting(&meeting("2026-11-20T10:00:00", "1:1 Ada", &[ada]))
        .unwrap()
        .id;
    let team = r
        .add_meeting(&meeting("2026-11-18T10:00:00", "Team sync", &[ada, bob]))
        .unwrap()
        .id;
    r.add_meeting(&meeting("2026-11-17T10:00:00", "Bob only", &[bob]))
        .unwrap();
    r.add_action_item(&item(
        "Ada reviews the RFC",
        ActionSource::Meeting(team),
        Some(ada),
    ))
    .unwrap();
    r.add_action_item(&item(
        "I send Ada the slides",
        ActionSource::Meeting(one),
        None,
    ))
    .unwrap();
    let closed = r
        .add_action_item(&item(
            "Ada's old item",
            ActionSource::Meeting(one),
            Some(ada),
        ))
        .unwrap();
    r.set_action_item_done(closed.id, 1, true).unwrap();
    r.add_action_item(&item("Bob's item", ActionSource::Meeting(team), Some(bob)))
        .unwrap();
    let mut praise = feedback(ada, "Great talk 🎤");
    praise.direction = Direction::Given;
    let praise = r.add_feedback(&praise).unwrap().id;
    r.add_feedback(&feedback(ada, "Clear design doc")).unwrap();
    r.add_feedback(&feedback(bob, "Bob's feedback")).unwrap();

    u.keys(&["4", "@", "text:ad", "Enter"]);
    assert_eq!(u.app.panes.meetings.open_person(), Some(ada));
    assert_eq!(u.app.contexts()[0], Context::PersonView);
    let s = u.screen(100, 30);
    for want in [
        "Ada",
        "Open action items (2)",
        "Ada reviews the RFC",
        "I send Ada the slides",
        "Meetings (2)",
        "1:1 Ada",
        "Team sync",
        "Feedback (2)",
        "Great talk 🎤",
        "→ given",
        "Clear design doc",
        "← received",
    ] {
        assert!(s.contains(want), "{want:?} missing:\n{s}");
    }
    for not in ["Ada's old item", "Bob only", "Bob's item", "Bob's feedback"] {
        assert!(!s.contains(not), "{not:?} shown:\n{s}");
    }
    // Space closes an item from here too (the first row: Ada's RFC review).
    u.keys(&["Space"]);
    let open: Vec<String> =
        u.t.repo
            .action_items_for_person(ada)
            .unwrap()
            .into_iter()
            .filter(|i| i.done_at.is_none())
            .map(|i| i.title)
            .collect();
    assert_eq!(open, ["I send Ada the slides"]);
    assert!(u.screen(100, 30).contains("Open action items (1)"));
    // Enter on a meeting opens it; Esc comes back to the person.
    u.keys(&["j", "j", "Enter"]);
    assert!(u.app.panes.meetings.open_meeting().is_some());
    u.keys(&["Esc"]);
    assert_eq!(u.app.panes.meetings.open_person(), Some(ada));
    // Enter on feedback opens it in the Feedback pane (the last row: the oldest).
    u.keys(&["G", "Enter"]);
    assert_eq!(u.app.current(), PaneId::Feedback);
    assert_eq!(
        u.app.panes.feedback.open_feedback().map(|f| f.id),
        Some(praise)
    );
    // Back in Meetings the person's page is still open; Esc leaves it.
    u.keys(&["4"]);
    assert_eq!(u.app.panes.meetings.open_person(), Some(ada));
    u.keys(&["Esc"]);
    assert_eq!(u.app.panes.meetings.open_person(), None);
    assert_eq!(u.app.panes.meetings.open_meeting(), None);
}

#[test]
fn an_attendees_page_from_a_meeting() {
    let (mut u, _, ada, bob) = with_meeting();
    u.keys(&["@"]);
    assert_eq!(
        u.app.contexts()[0],
        Context::Picker,
        "two attendees: a picker"
    );
    u.keys(&["text:bo", "Enter"]);
    assert_eq!(u.app.panes.meetings.open_person(), Some(bob));
    u.keys(&["Esc"]);
    assert!(u.app.panes.meetings.open_meeting().is_some());
    // With one attendee, @ goes straight to their page.
    let m = u.app.panes.meetings.open_meeting().unwrap();
    let one = u.t.repo.meeting(m).unwrap();
    let mut d = meeting("2026-11-22T09:00:00", "Planning", &[ada]);
    d.kind = one.kind;
    u.t.repo.update_meeting(m, one.stamp.version, &d).unwrap();
    u.app.tick();
    u.keys(&["@"]);
    assert_eq!(u.app.panes.meetings.open_person(), Some(ada));
}

#[test]
fn an_unsaved_meeting_form_comes_back_as_a_draft() {
    let mut u = Tui::new();
    u.keys(&["4", "a", "text:Half-typed meeting"]);
    let saved = u.app.save_drafts();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].ends_with("drafts/meetings.json"));
    let mut next = u.reopen();
    press(&mut next, &["4", "a"]);
    let s = screen(&mut next, 80, 24);
    assert!(s.contains("Half-typed meeting"), "{s}");
    press(&mut next, &["C-s"]);
    assert_eq!(
        u.t.repo
            .meetings_between(day("2026-11-22"), day("2026-11-22"))
            .unwrap()[0]
            .title,
        "Half-typed meeting"
    );
}

#[test]
fn a_stale_edit_shows_the_conflict_and_can_overwrite() {
    let (mut u, m, _, _) = with_meeting();
    u.keys(&["E", "text: (mine)"]);
    let theirs = u.t.repo.meeting(m).unwrap();
    let mut d = meeting("2026-11-22T09:00:00", "Planning (theirs)", &[]);
    d.notes = "their notes".into();
    u.t.repo
        .update_meeting(m, theirs.stamp.version, &d)
        .unwrap();
    u.keys(&["C-s"]);
    assert_eq!(u.app.contexts(), [Context::Conflict, Context::Always]);
    assert!(u.screen(100, 30).contains("Planning (theirs)"));
    u.keys(&["o"]);
    let now = u.t.repo.meeting(m).unwrap();
    assert_eq!(now.title, "Planning (mine)");
    assert_eq!(
        now.attendees.len(),
        2,
        "my attendees were saved over theirs"
    );
}

#[test]
fn an_unsaved_action_item_comes_back_as_a_draft_in_its_meeting() {
    let (mut u, m, _, _) = with_meeting();
    u.keys(&["a", "text:Half an item", "Tab", "text:Newbie", "Enter"]);
    let saved = u.app.save_drafts();
    assert_eq!(saved.len(), 1);
    let mut next = u.reopen();
    press(&mut next, &["4", "Enter", "a"]);
    let s = screen(&mut next, 80, 24);
    assert!(s.contains("Half an item"), "{s}");
    assert!(
        s.contains("Newbie"),
        "the person typed new is still picked: {s}"
    );
    press(&mut next, &["C-s"]);
    let items = u.t.repo.action_items_for_meeting(m).unwrap();
    assert_eq!(items[0].title, "Half an item");
    assert_eq!(
        items[0].owner.as_ref().map(|o| o.name.as_str()),
        Some("Newbie")
    );
}
