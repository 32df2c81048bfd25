//! Undo and redo of any change (the app's history), through the repository on a real file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::{Change, Error};
use worklog::model::*;

fn task_draft(title: &str, tags: &[&str]) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..TaskDraft::default()
    }
}

/// Runs `f` with capturing on and hands back what it changed.
fn captured(t: &TestDb, f: impl FnOnce()) -> Change {
    t.repo.capture_changes(true);
    f();
    t.repo.capture_changes(false);
    t.repo.take_change().expect("a change was captured")
}

on_both_backends! {
    #[test]
    fn a_status_change_undoes_and_redoes() {
        let t = db();
        let task = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("Write report", &["work"]))
            .unwrap();
        let mut done_copy = None;
        let change = captured(&t, || {
            done_copy = Some(
                t.repo
                    .set_task_status(task.id, task.stamp.version, TaskStatus::Done)
                    .unwrap(),
            );
        });
        assert_eq!(change.describe(), "marked \"Write report\" done");

        let redo = t.repo.revert(&change).unwrap();
        let back = t.repo.task(task.id).unwrap();
        assert_eq!(back.status, TaskStatus::Todo);
        assert_eq!(back.tags, vec!["work"]);
        // Exactly as it was, so the change before this one can be undone too.
        assert_eq!(back.stamp, task.stamp);
        assert!(
            t.repo.take_change().is_none(),
            "the undo is not a new change"
        );

        // A copy read while it was done cannot be saved over the undo.
        let stale = done_copy.unwrap();
        let err = t
            .repo
            .update_task(task.id, stale.stamp.version, &task_draft("Stale", &[]))
            .unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        let again = t.repo.revert(&redo).unwrap();
        assert_eq!(t.repo.task(task.id).unwrap().status, TaskStatus::Done);
        // And the redo can itself be undone.
        t.repo.revert(&again).unwrap();
        assert_eq!(t.repo.task(task.id).unwrap().status, TaskStatus::Todo);
    }

    #[test]
    fn an_undo_never_clobbers_a_later_change_made_elsewhere() {
        let t = db();
        let task = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("Write report", &[]))
            .unwrap();
        let change = captured(&t, || {
            t.repo
                .update_task(
                    task.id,
                    task.stamp.version,
                    &task_draft("Write the report", &[]),
                )
                .unwrap();
        });
        assert_eq!(change.describe(), "edited task \"Write the report\"");
        let other = second_session(&t);
        let now = other.task(task.id).unwrap();
        other
            .update_task(now.id, now.stamp.version, &task_draft("Theirs", &["x"]))
            .unwrap();

        let err = t.repo.revert(&change).unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        let kept = t.repo.task(task.id).unwrap();
        assert_eq!(
            (kept.title.as_str(), kept.tags.clone()),
            ("Theirs", vec!["x".to_string()])
        );
    }

    #[test]
    fn an_added_task_undoes_to_nothing_and_redoes_with_its_id_and_tags() {
        let t = db();
        let mut id = 0;
        let change = captured(&t, || {
            id = t
                .repo
                .add_task(day("2026-11-22"), &task_draft("Plan", &["a", "b"]))
                .unwrap()
                .id;
        });
        assert_eq!(change.describe(), "added task \"Plan\"");
        let redo = t.repo.revert(&change).unwrap();
        assert!(t.repo.tasks_on(day("2026-11-22")).unwrap().is_empty());
        t.repo.revert(&redo).unwrap();
        let back = t.repo.task(id).unwrap();
        assert_eq!((back.title.as_str(), back.tags.len()), ("Plan", 2));
    }

    #[test]
    fn a_merge_of_people_undoes_exactly() {
        let t = db();
        let person = |name: &str| {
            t.repo
                .add_person(&PersonDraft {
                    name: name.into(),
                    ..PersonDraft::default()
                })
                .unwrap()
        };
        let (sam, samuel, kim) = (person("Sam"), person("Samuel"), person("Kim"));
        let meeting = |title: &str, who: Vec<Id>| {
            t.repo
                .add_meeting(&MeetingDraft {
                    starts_at: at("2026-11-20T10:00:00"),
                    duration_minutes: Some(30),
                    title: title.into(),
                    kind: MeetingKind::OneOnOne,
                    notes: String::new(),
                    attendee_ids: who,
                    tags: vec![],
                })
                .unwrap()
        };
        let both = meeting("Both", vec![sam.id, samuel.id, kim.id]);
        let only = meeting("Only Samuel", vec![samuel.id]);
        let change = captured(&t, || {
            t.repo.merge_people(sam.id, samuel.id).unwrap();
        });
        assert_eq!(change.describe(), "merged person \"Samuel\"");
        let names = |id| {
            let mut n: Vec<String> = t
                .repo
                .meeting(id)
                .unwrap()
                .attendees
                .into_iter()
                .map(|p| p.name)
                .collect();
            n.sort();
            n
        };
        assert_eq!(names(only.id), vec!["Sam"]);

        t.repo.revert(&change).unwrap();
        assert_eq!(t.repo.person(samuel.id).unwrap().name, "Samuel");
        assert_eq!(names(both.id), vec!["Kim", "Sam", "Samuel"]);
        assert_eq!(names(only.id), vec!["Samuel"]);
    }

    #[test]
    fn a_merge_of_tags_undoes_exactly() {
        let t = db();
        let a = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("A", &["rust", "rs"]))
            .unwrap();
        let b = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("B", &["rs"]))
            .unwrap();
        let tags = t.repo.tags().unwrap();
        let id = |name: &str| tags.iter().find(|g| g.name == name).unwrap().id;
        let change = captured(&t, || t.repo.merge_tags(id("rust"), id("rs")).unwrap());
        assert_eq!(change.describe(), "merged tag \"rs\"");
        assert_eq!(t.repo.task(b.id).unwrap().tags, vec!["rust"]);
        t.repo.revert(&change).unwrap();
        let mut ta = t.repo.task(a.id).unwrap().tags;
        ta.sort();
        assert_eq!(ta, vec!["rs", "rust"]);
        assert_eq!(t.repo.task(b.id).unwrap().tags, vec!["rs"]);
    }

    #[test]
    fn several_writes_in_one_action_are_one_change() {
        let t = db();
        let a = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("A", &[]))
            .unwrap();
        let b = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("B", &[]))
            .unwrap();
        let change = captured(&t, || {
            let a2 = t
                .repo
                .set_task_status(a.id, a.stamp.version, TaskStatus::Done)
                .unwrap();
            t.repo
                .set_task_status(b.id, b.stamp.version, TaskStatus::Done)
                .unwrap();
            // A second write to the same row in the same action.
            t.repo
                .update_task(a2.id, a2.stamp.version, &task_draft("A!", &[]))
                .unwrap();
        });
        assert_eq!(change.describe(), "marked 2 tasks done");
        t.repo.revert(&change).unwrap();
        let (a, b) = (t.repo.task(a.id).unwrap(), t.repo.task(b.id).unwrap());
        assert_eq!((a.title.as_str(), a.status), ("A", TaskStatus::Todo));
        assert_eq!(b.status, TaskStatus::Todo);
    }

    #[test]
    fn a_failed_undo_writes_nothing() {
        let t = db();
        let a = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("A", &[]))
            .unwrap();
        let b = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("B", &[]))
            .unwrap();
        let change = captured(&t, || {
            t.repo
                .set_task_status(a.id, a.stamp.version, TaskStatus::Done)
                .unwrap();
            t.repo
                .set_task_status(b.id, b.stamp.version, TaskStatus::Done)
                .unwrap();
        });
        // B changes elsewhere; A, undone first in the list's reverse order or not, stays done.
        let other = second_session(&t);
        let bb = other.task(b.id).unwrap();
        other
            .update_task(b.id, bb.stamp.version, &task_draft("B2", &[]))
            .unwrap();
        assert!(t.repo.revert(&change).is_err());
        assert_eq!(t.repo.task(a.id).unwrap().status, TaskStatus::Done);
        assert_eq!(t.repo.task(b.id).unwrap().title, "B2");
    }

    #[test]
    fn a_soft_delete_and_a_checkin_undo() {
        let t = db();
        let task = t
            .repo
            .add_task(day("2026-11-22"), &task_draft("Gone", &[]))
            .unwrap();
        let change = captured(&t, || t.repo.delete(Deletable::Task, task.id).unwrap());
        assert_eq!(change.describe(), "deleted task \"Gone\"");
        t.repo.revert(&change).unwrap();
        assert_eq!(t.repo.tasks_on(day("2026-11-22")).unwrap().len(), 1);

        let change = captured(&t, || {
            t.repo
                .add_checkin(&CheckinDraft {
                    at: at("2026-11-22T09:00:00"),
                    level: 4,
                    note: String::new(),
                    tags: vec![],
                })
                .unwrap();
        });
        assert_eq!(change.describe(), "recorded energy 4");
    }
}
