//! The people, tags and organizations popup (`P`) driven by keys on a real database file:
//! merging two tags or two people through it keeps every link, renaming, adding
//! organizations, the organization filter, deleting a person nobody is linked to.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;
use worklog::tui::manage::Section;
use worklog::tui::panes::PaneId;

fn today() -> chrono::NaiveDate {
    day("2026-11-22")
}

fn tag_names(u: &Tui) -> Vec<String> {
    u.t.repo
        .tags()
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect()
}

#[test]
fn p_opens_the_popup_from_any_pane_and_esc_closes_it() {
    let mut u = Tui::new();
    for pane in ["0", "1", "2", "3", "7"] {
        u.keys(&[pane, "P"]);
        assert!(u.app.manager().is_some(), "from {pane}");
        assert_eq!(u.app.contexts()[0], Context::Manage);
        assert!(u.screen(80, 24).contains("Organizations"));
        u.keys(&["Esc"]);
        assert!(u.app.manager().is_none());
    }
    // q closes the popup, it does not quit.
    u.keys(&["P", "q"]);
    assert!(u.app.manager().is_none() && !u.app.should_quit());
}

#[test]
fn merging_two_tags_keeps_every_link() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let task = r
        .add_task(today(), &task_with("t", Priority::NORMAL, None, &["rust"]))
        .unwrap();
    let c = r
        .add_checkin(&checkin("2026-11-22T08:00:00", 3, "", &["Rust-lang"]))
        .unwrap();
    let skill = r
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            tags: vec!["Rust-lang".into()],
            ..SkillDraft::default()
        })
        .unwrap();
    let both = r
        .add_learning(&LearningDraft {
            title: "both".into(),
            tags: vec!["rust".into(), "Rust-lang".into()],
            ..LearningDraft::default()
        })
        .unwrap();
    u.app.tick();
    u.keys(&["P", "Tab"]);
    assert_eq!(u.app.manager().unwrap().section(), Section::Tags);
    let s = u.screen(80, 24);
    assert!(s.contains("#Rust-lang") && s.contains("3 uses"), "{s}");
    // Tags sort by name ignoring case: rust, then Rust-lang. Merge Rust-lang into rust.
    u.keys(&["j", "m"]);
    assert!(u.screen(80, 24).contains("Merge “Rust-lang” into…"));
    u.keys(&["text:rust", "Enter"]);
    assert_eq!(u.app.contexts()[0], Context::Confirm);
    assert!(u.screen(80, 24).contains("Merge #Rust-lang into #rust"));
    u.keys(&["y"]);
    assert_eq!(tag_names(&u), vec!["rust"]);
    let r = &u.t.repo;
    assert_eq!(r.task(task.id).unwrap().tags, vec!["rust"]);
    assert_eq!(r.checkin(c.id).unwrap().tags, vec!["rust"]);
    assert_eq!(r.skill(skill.id).unwrap().tags, vec!["rust"]);
    assert_eq!(r.learning(both.id).unwrap().tags, vec!["rust"]);
    assert_eq!(r.tags().unwrap()[0].uses, 4);
    let s = u.screen(80, 24);
    assert!(s.contains("merged into #rust"), "{s}");
    assert!(s.contains("4 uses"), "the list shows it at once: {s}");
}

#[test]
fn saying_no_or_escaping_the_picker_merges_nothing() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    r.add_task(
        today(),
        &task_with("t", Priority::NORMAL, None, &["a", "b"]),
    )
    .unwrap();
    u.app.tick();
    u.keys(&["P", "Tab", "m", "Esc"]);
    assert_eq!(u.app.contexts()[0], Context::Manage);
    u.keys(&["m", "Enter", "n"]);
    assert_eq!(u.app.contexts()[0], Context::Manage);
    assert_eq!(tag_names(&u), vec!["a", "b"]);
}

#[test]
fn merging_two_people_keeps_every_link() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let person = |name: &str| {
        r.add_person(&PersonDraft {
            name: name.into(),
            ..PersonDraft::default()
        })
        .unwrap()
    };
    let ana = person("Ana");
    let dup = person("Ana S.");
    let bob = person("Bob");
    let meeting = |title: &str, who: Vec<Id>| {
        r.add_meeting(&MeetingDraft {
            starts_at: at("2026-11-20T10:00:00"),
            duration_minutes: Some(30),
            title: title.into(),
            kind: MeetingKind::Team,
            notes: String::new(),
            attendee_ids: who,
            tags: vec![],
        })
        .unwrap()
    };
    let m1 = meeting("dup only", vec![dup.id, bob.id]);
    let m2 = meeting("both", vec![ana.id, dup.id]);
    let fb = r
        .add_feedback(&FeedbackDraft {
            direction: Direction::Received,
            person_id: dup.id,
            day: day("2026-11-19"),
            kind: FeedbackKind::Praise,
            content: "great demo".into(),
            meeting_id: None,
            tags: vec![],
        })
        .unwrap();
    let item = r
        .add_action_item(&ActionItemDraft {
            title: "send notes".into(),
            source: ActionSource::Meeting(m1.id),
            owner_id: Some(dup.id),
            due_date: None,
        })
        .unwrap();
    u.app.tick();
    // People by name: Ana, Ana S., Bob. Merge "Ana S." into Ana.
    u.keys(&["P", "j", "m", "text:ana", "Enter"]);
    let s = u.screen(100, 30);
    assert!(s.contains("Merge “Ana S.” into “Ana”?"), "{s}");
    u.keys(&["y"]);
    let r = &u.t.repo;
    let people: Vec<String> = r
        .people(None)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(people, ["Ana", "Bob"]);
    let names = |id| -> Vec<String> {
        r.meeting(id)
            .unwrap()
            .attendees
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    assert_eq!(names(m1.id), ["Ana", "Bob"]);
    assert_eq!(names(m2.id), ["Ana"], "one attendance, not two");
    assert_eq!(r.feedback_item(fb.id).unwrap().person.id, ana.id);
    assert_eq!(r.action_item(item.id).unwrap().owner.unwrap().id, ana.id);
    assert!(u.screen(80, 24).contains("merged into Ana"));
}

#[test]
fn renaming_a_tag_and_refusing_a_name_that_exists() {
    let mut u = Tui::new();
    u.t.repo
        .add_task(
            today(),
            &task_with("t", Priority::NORMAL, None, &["perf", "sql"]),
        )
        .unwrap();
    u.app.tick();
    u.keys(&["P", "Tab", "e"]);
    for _ in 0..4 {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:SQL", "Enter"]);
    let s = u.screen(80, 24);
    assert!(
        s.contains("#sql exists already: Esc, then m merges into it"),
        "{s}"
    );
    u.keys(&[
        "Backspace",
        "Backspace",
        "Backspace",
        "text:performance",
        "Enter",
    ]);
    assert_eq!(tag_names(&u), vec!["performance", "sql"]);
    let t = &u.t.repo.tasks_on(today()).unwrap()[0];
    assert_eq!(t.tags, vec!["performance", "sql"]);
}

#[test]
fn organizations_are_added_renamed_and_filter_everything() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let acme = r.add_organization("Acme").unwrap();
    r.add_person(&PersonDraft {
        name: "Ana".into(),
        organization_id: Some(acme.id),
        ..PersonDraft::default()
    })
    .unwrap();
    r.add_person(&PersonDraft {
        name: "Bob".into(),
        ..PersonDraft::default()
    })
    .unwrap();
    u.app.tick();
    u.keys(&["P", "BackTab", "a", "text:Globex", "Enter"]);
    let orgs: Vec<String> =
        u.t.repo
            .organizations()
            .unwrap()
            .into_iter()
            .map(|o| o.name)
            .collect();
    assert_eq!(orgs, ["Acme", "Globex"]);
    // Rename Acme.
    u.keys(&["g", "e", "text: Corp", "Enter"]);
    assert_eq!(u.t.repo.organizations().unwrap()[0].name, "Acme Corp");
    // f shows only that organization, everywhere; people narrow to it.
    u.keys(&["f"]);
    assert_eq!(u.app.organization(), Some(acme.id));
    assert!(u.screen(80, 24).contains("org Acme Corp"));
    u.keys(&["Tab"]);
    assert_eq!(u.app.manager().unwrap().section(), Section::People);
    assert_eq!(u.app.manager().unwrap().shown(), ["Ana"]);
    // f on a person in it again shows all.
    u.keys(&["f"]);
    assert_eq!(u.app.organization(), None);
    assert_eq!(u.app.manager().unwrap().shown(), ["Ana", "Bob"]);
}

#[test]
fn editing_a_person_moves_them_to_an_organization() {
    let mut u = Tui::new();
    let acme = u.t.repo.add_organization("Acme").unwrap();
    let p =
        u.t.repo
            .add_person(&PersonDraft {
                name: "Ana".into(),
                ..PersonDraft::default()
            })
            .unwrap();
    u.app.tick();
    u.keys(&[
        "P",
        "Enter",
        "text: Souza",
        "Tab",
        "Down",
        "Tab",
        "text:Engineering manager",
        "Tab",
        "text:ana@example.com",
        "C-s",
    ]);
    let p = u.t.repo.person(p.id).unwrap();
    assert_eq!(p.name, "Ana Souza");
    assert_eq!(p.organization_id, Some(acme.id));
    assert_eq!(p.role, "Engineering manager");
    assert_eq!(p.email, "ana@example.com");
    assert!(
        u.screen(100, 24)
            .contains("Engineering manager · ana@example.com")
    );
}

#[test]
fn deleting_a_person_asks_and_only_works_for_the_unlinked() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let ana = r
        .add_person(&PersonDraft {
            name: "Ana".into(),
            ..PersonDraft::default()
        })
        .unwrap();
    r.add_person(&PersonDraft {
        name: "Typo".into(),
        ..PersonDraft::default()
    })
    .unwrap();
    r.add_feedback(&FeedbackDraft {
        direction: Direction::Given,
        person_id: ana.id,
        day: today(),
        kind: FeedbackKind::Suggestion,
        content: "x".into(),
        meeting_id: None,
        tags: vec![],
    })
    .unwrap();
    u.app.tick();
    u.keys(&["P", "d", "y"]);
    assert!(
        u.screen(200, 24)
            .contains("merge them into someone instead")
    );
    assert_eq!(u.t.repo.people(None).unwrap().len(), 2);
    u.keys(&["j", "d", "y"]);
    let left: Vec<String> =
        u.t.repo
            .people(None)
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
    assert_eq!(left, ["Ana"]);
}

#[test]
fn a_person_form_survives_as_a_draft() {
    let mut u = Tui::new();
    u.keys(&[
        "P",
        "a",
        "text:New colleague",
        "Tab",
        "Tab",
        "text:half-typed role",
    ]);
    let saved = u.app.save_drafts();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].ends_with("drafts/people.json"));
    let mut next = u.reopen();
    assert!(screen(&mut next, 100, 24).contains("left unsaved"));
    press(&mut next, &["P", "a", "C-s"]);
    let p = &u.t.repo.people(None).unwrap()[0];
    assert_eq!(
        (p.name.as_str(), p.role.as_str()),
        ("New colleague", "half-typed role")
    );
}

#[test]
fn capital_o_cycles_through_organizations_then_all() {
    let mut u = Tui::new();
    let a = u.t.repo.add_organization("Acme").unwrap();
    let g = u.t.repo.add_organization("Globex").unwrap();
    u.keys(&["3"]);
    let mut seen = Vec::new();
    for _ in 0..3 {
        u.keys(&["O"]);
        seen.push(u.app.organization());
    }
    assert_eq!(seen, [Some(a.id), Some(g.id), None]);
    assert_eq!(u.app.current(), PaneId::Skills);
}
