//! The keymap table drives dispatch: every key of every binding, pressed where its context is
//! in force, reaches that binding's action and is acted on (not ignored); the footer shows only
//! hints from the table.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::{ActionItemDraft, ActionSource};
use worklog::model::{LearningDraft, PersonDraft, SkillDraft};
use worklog::tui::keymap::{self, BINDINGS, Context};
use worklog::tui::panes::Outcome;

/// An app with the given context in force.
fn in_context(ctx: Context) -> Tui {
    let mut u = Tui::new();
    let today = day("2026-11-22");
    let yesterday = day("2026-11-21");
    u.t.repo.add_task(today, &task("alpha task")).unwrap();
    u.t.repo.add_task(today, &task("beta task")).unwrap();
    u.t.repo
        .add_checkin(&checkin("2026-11-22T08:00:00", 3, "note", &[]))
        .unwrap();
    if ctx == Context::CarryOffer || ctx == Context::Checklist {
        u.t.repo.add_task(yesterday, &task("left over")).unwrap();
    }
    // For the Journal, Skills and the people popup.
    let r = &u.t.repo;
    let acme = r.add_organization("Acme").unwrap();
    let skill = r
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            target_level: Some(4),
            organization_id: Some(acme.id),
            ..SkillDraft::default()
        })
        .unwrap();
    r.record_skill_level(skill.id, 2, day("2026-10-01"), "start")
        .unwrap();
    r.add_learning(&LearningDraft {
        title: "WAL checkpoints".into(),
        body: "what I learned".into(),
        tags: vec!["rust".into()],
        skill_ids: vec![skill.id],
        ..LearningDraft::default()
    })
    .unwrap();
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
    // Meetings, goals and feedback, each with what their keys act on.
    let ada = r.find_or_add_person("Ada").unwrap().id;
    let bob = r.find_or_add_person("Bob").unwrap().id;
    let m = r
        .add_meeting(&meeting("2026-11-22T09:00:00", "Planning", &[ada, bob]))
        .unwrap();
    r.add_action_item(&ActionItemDraft {
        title: "send the notes".into(),
        source: ActionSource::Meeting(m.id),
        owner_id: Some(ada),
        due_date: None,
    })
    .unwrap();
    let g = r.add_goal(&goal("Grow", None)).unwrap();
    let sub = r.add_goal(&goal("Learn Rust", Some(g.id))).unwrap();
    r.add_milestone(g.id, "first step", None).unwrap();
    r.add_milestone(sub.id, "read the book", None).unwrap();
    let mut fb = feedback(ada, "clear design doc");
    fb.meeting_id = Some(m.id);
    r.add_feedback(&fb).unwrap();
    if ctx == Context::AttachPick {
        let dir = worklog::paths::DataDir::new(u.t.dir.path().to_path_buf());
        for name in ["a.txt", "b.txt"] {
            let path = u.t.dir.path().join(name);
            std::fs::write(&path, name).unwrap();
            let new = worklog::attachments::prepare(&dir, &path, 1 << 20).unwrap();
            r.add_attachments(worklog::model::AttachOwner::Meeting, m.id, &[new])
                .unwrap();
        }
    }
    u.app.tick();
    match ctx {
        Context::Always | Context::Global | Context::Today => {}
        Context::Dated | Context::Focus | Context::CarryOffer => u.keys(&["1"]),
        Context::List => u.keys(&["1", "/", "text:task", "Enter"]),
        Context::Checklist => u.keys(&["1", "C"]),
        Context::Energy => u.keys(&["7"]),
        Context::CheckinLevel => u.keys(&["7", "c"]),
        Context::FilterInput => u.keys(&["1", "/"]),
        Context::DatePrompt => u.keys(&["1", ":"]),
        Context::Form | Context::FormLine => u.keys(&["1", "e"]),
        Context::Picker => u.keys(&["1", "e", "Tab", "Tab"]),
        Context::ConfirmDiscard => u.keys(&["1", "e", "text:x", "Esc"]),
        Context::Journal => u.keys(&["2"]),
        Context::JournalForm => u.keys(&["2", "e"]),
        Context::Skills => u.keys(&["3"]),
        Context::SkillDetail => u.keys(&["3", "Enter"]),
        Context::Manage => u.keys(&["P"]),
        Context::Confirm => u.keys(&["P", "j", "d"]),
        Context::Conflict => {
            u.keys(&["1", "e", "text: mine"]);
            let t = u.t.repo.tasks_on(today).unwrap().remove(0);
            u.t.repo.update_task(t.id, 1, &task("theirs")).unwrap();
            u.keys(&["C-s"]);
        }
        Context::Help => u.keys(&["?"]),
        Context::RowHistory => u.keys(&["1", "H"]),
        Context::Meetings => u.keys(&["4"]),
        Context::MeetingsWeek => u.keys(&["4", "w"]),
        Context::Year => u.keys(&["7", "y"]),
        Context::MeetingDetail | Context::ActionItems => u.keys(&["4", "Enter"]),
        Context::PersonView => u.keys(&["4", "@", "Enter"]),
        Context::Goals => u.keys(&["5"]),
        Context::GoalDetail => u.keys(&["5", "Enter"]),
        // No pane asks it any more (every delete is undone with u); it has no keys.
        Context::ConfirmDelete => {}
        Context::Selectable => u.keys(&["1"]),
        Context::Selecting => u.keys(&["1", "V"]),
        Context::Feedback => u.keys(&["6"]),
        Context::FeedbackDetail => u.keys(&["6", "Enter"]),
        // Search everything
        Context::SearchOverlay => u.keys(&["1", "C-f", "text:task"]),
        Context::SearchResults => u.keys(&["1", "C-f", "text:task", "Tab"]),
        // Attachments on a meeting's page
        Context::Attachments => u.keys(&["4", "Enter"]),
        Context::AttachPrompt => u.keys(&["4", "Enter", "A"]),
        Context::AttachPick => u.keys(&["4", "Enter", "F"]),
    }
    assert!(
        u.app.contexts().contains(&ctx),
        "{ctx:?} not in force: {:?}",
        u.app.contexts()
    );
    u
}

#[test]
fn every_binding_in_the_table_is_dispatched() {
    let mut checked = 0;
    for b in BINDINGS {
        for k in b.keys {
            let mut u = in_context(b.context);
            u.app.key(k.event());
            assert_eq!(
                u.app.last_action(),
                Some(b.action),
                "{} in {:?} resolved elsewhere",
                k.label(),
                b.context
            );
            assert_ne!(
                u.app.last_outcome(),
                Some(Outcome::Ignored),
                "{} ({:?}) in {:?} was not acted on",
                k.label(),
                b.action,
                b.context
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "{checked}");
}

#[test]
fn the_footer_on_screen_is_the_table_footer() {
    for ctx in [
        Context::Focus,
        Context::CarryOffer,
        Context::Energy,
        Context::FormLine,
        Context::DatePrompt,
        Context::Picker,
        Context::Conflict,
        Context::Help,
        Context::Checklist,
        Context::Today,
        Context::Journal,
        Context::JournalForm,
        Context::Skills,
        Context::SkillDetail,
        Context::Manage,
        Context::Confirm,
        Context::Meetings,
        Context::ActionItems,
        Context::PersonView,
        Context::Goals,
        Context::GoalDetail,
        Context::Selecting,
        Context::Feedback,
        Context::FeedbackDetail,
        Context::SearchOverlay,
        Context::SearchResults,
    ] {
        let mut u = in_context(ctx);
        let screen = u.screen(200, 40);
        let footer = screen.lines().nth(39).unwrap();
        // Marking rows: the keys for the marked rows are on the banner above the list, which
        // names only the verbs that pane's rows take; the footer leaves them to it.
        let hints: Vec<(String, &str)> = keymap::footer_by_context(&u.app.contexts())
            .into_iter()
            .filter(|(_, _, c)| *c != Context::Selecting)
            .map(|(k, h, _)| (k, h))
            .collect();
        if ctx == Context::Selecting {
            assert!(
                screen.contains("● ") && screen.contains("Space mark"),
                "{screen}"
            );
        }
        assert!(!hints.is_empty());
        for (keys, hint) in &hints {
            assert!(
                footer.contains(&format!("{keys} {hint}")),
                "{ctx:?}: {keys} {hint} missing from {footer:?}"
            );
        }
        // Nothing else: every word on the footer line belongs to some hint from the table.
        let mut rest = footer.to_string();
        for (keys, hint) in &hints {
            rest = rest.replacen(&format!("{keys} {hint}"), "", 1);
        }
        assert!(
            rest.trim().is_empty(),
            "{ctx:?}: stray footer text {rest:?}"
        );
    }
}
