//! Foreign keys, cascades and CHECK constraints of the schema, proved on a real database file.
//!
//! Deleting for good and writing bad values are not things the app offers, so these tests
//! open the file with rusqlite directly to do them, as a hand edit or a buggy import would.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// A second, raw connection to the same file is the point of this file.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
use common::*;
use rusqlite::Connection;
use worklog::db::Error;
use worklog::model::*;

/// A raw connection to the test's database file, with foreign keys enforced as worklog does.
fn raw(t: &TestDb) -> Connection {
    let c = Connection::open(t.dir.path().join("worklog.db")).unwrap();
    c.pragma_update(None, "foreign_keys", true).unwrap();
    c.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    c
}

/// Runs a statement that must fail, returning worklog's sentence for the failure.
fn refused(c: &Connection, sql: &str) -> String {
    let err = c.execute_batch(sql).expect_err(sql);
    match Error::from(err) {
        Error::Constraint(msg) => msg,
        other => panic!("{sql}: expected a constraint error, got {other:?}"),
    }
}

fn count(c: &Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn person(t: &TestDb, name: &str) -> Person {
    t.repo
        .add_person(&PersonDraft {
            name: name.into(),
            ..PersonDraft::default()
        })
        .unwrap()
}

fn meeting(t: &TestDb, title: &str, attendees: Vec<Id>) -> Meeting {
    t.repo
        .add_meeting(&MeetingDraft {
            starts_at: at("2026-11-20T10:00:00"),
            duration_minutes: Some(45),
            title: title.into(),
            kind: MeetingKind::Team,
            notes: String::new(),
            attendee_ids: attendees,
            tags: vec!["sync".into()],
        })
        .unwrap()
}

fn feedback(t: &TestDb, person: Id, meeting: Option<Id>) -> Feedback {
    t.repo
        .add_feedback(&FeedbackDraft {
            direction: Direction::Received,
            person_id: person,
            day: day("2026-11-20"),
            kind: FeedbackKind::Praise,
            content: "Clear write-up".into(),
            meeting_id: meeting,
            tags: vec![],
        })
        .unwrap()
}

fn action(t: &TestDb, title: &str, source: ActionSource, owner: Option<Id>) -> ActionItem {
    t.repo
        .add_action_item(&ActionItemDraft {
            title: title.into(),
            source,
            owner_id: owner,
            due_date: None,
        })
        .unwrap()
}

#[test]
fn deleting_a_meeting_for_good_cascades_attendees_tags_and_action_items() {
    let t = db();
    let ann = person(&t, "Ann");
    let m = meeting(&t, "Planning", vec![ann.id]);
    let keep = meeting(&t, "Other", vec![ann.id]);
    let a = action(&t, "Follow up", ActionSource::Meeting(m.id), Some(ann.id));
    action(&t, "Unrelated", ActionSource::Meeting(keep.id), None);
    let task = t.repo.promote_action_item(a.id, day("2026-11-21")).unwrap();
    let f = feedback(&t, ann.id, Some(m.id));

    let c = raw(&t);
    c.execute("DELETE FROM meetings WHERE id = ?1", [m.id])
        .unwrap();
    let id = m.id;
    assert_eq!(
        count(
            &c,
            &format!("SELECT count(*) FROM meeting_attendees WHERE meeting_id = {id}")
        ),
        0
    );
    assert_eq!(
        count(
            &c,
            &format!("SELECT count(*) FROM meeting_tags WHERE meeting_id = {id}")
        ),
        0
    );
    assert_eq!(
        count(
            &c,
            &format!("SELECT count(*) FROM action_items WHERE meeting_id = {id}")
        ),
        0
    );
    assert_eq!(count(&c, "SELECT count(*) FROM action_items"), 1);
    // References that are not owned survive: the person, the feedback (now without a
    // meeting), and the task the item was promoted to (now without an item).
    assert_eq!(t.repo.person(ann.id).unwrap().name, "Ann");
    let f_now = t.repo.feedback_item(f.id).unwrap();
    assert_eq!(f_now.meeting_id, None);
    assert_eq!(
        count(
            &c,
            &format!(
                "SELECT count(*) FROM feedback WHERE id = {} AND meeting_id IS NULL",
                f.id
            )
        ),
        1
    );
    let task_now = t.repo.task(task.id).unwrap();
    assert_eq!(task_now.action_item_id, None);
    assert_eq!(t.repo.meetings_with(ann.id).unwrap().len(), 1);
    assert!(t.repo.foreign_key_problems().unwrap().is_empty());

    // Deleting feedback for good takes its action items with it too.
    action(&t, "From feedback", ActionSource::Feedback(f.id), None);
    c.execute("DELETE FROM feedback WHERE id = ?1", [f.id])
        .unwrap();
    assert_eq!(
        count(
            &c,
            "SELECT count(*) FROM action_items WHERE feedback_id IS NOT NULL"
        ),
        0
    );
}

#[test]
fn a_person_who_is_referenced_cannot_be_deleted_for_good() {
    let t = db();
    let ann = person(&t, "Ann");
    let bob = person(&t, "Bob");
    let cy = person(&t, "Cy");
    meeting(&t, "1:1", vec![ann.id]);
    feedback(&t, bob.id, None);
    action(&t, "Cy's item", ActionSource::None, Some(cy.id));

    // Through the app: refused with advice.
    for p in [&ann, &bob, &cy] {
        let err = t.repo.delete_person(p.id).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: "person",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            err.to_string().contains("merge them into someone instead"),
            "{err}"
        );
    }

    // By hand: the RESTRICT keys refuse, with worklog's sentence.
    let c = raw(&t);
    for p in [&ann, &bob] {
        let msg = refused(&c, &format!("DELETE FROM people WHERE id = {}", p.id));
        assert_eq!(
            msg,
            "that row is linked to others (or refers to one that does not exist)"
        );
    }
    assert_eq!(t.repo.people(None).unwrap().len(), 3);
    // An action item's owner is a SET NULL reference: the item stays, owned by the user.
    c.execute("DELETE FROM people WHERE id = ?1", [cy.id])
        .unwrap();
    let open = t.repo.open_action_items().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].owner, None);

    // A person nobody refers to can be deleted through the app.
    let dee = person(&t, "Dee");
    t.repo.delete_person(dee.id).unwrap();
    assert!(matches!(t.repo.person(dee.id), Err(Error::NotFound { .. })));
}

#[test]
fn deleting_a_goal_for_good_unlinks_tasks_and_lifts_its_children() {
    let t = db();
    let parent = t
        .repo
        .add_goal(&GoalDraft {
            title: "Parent".into(),
            ..GoalDraft::default()
        })
        .unwrap();
    let child = t
        .repo
        .add_goal(&GoalDraft {
            parent_id: Some(parent.id),
            title: "Child".into(),
            ..GoalDraft::default()
        })
        .unwrap();
    t.repo.add_milestone(parent.id, "step", None).unwrap();
    t.repo.add_milestone(child.id, "child step", None).unwrap();
    let task = t
        .repo
        .add_task(
            day("2026-11-22"),
            &TaskDraft {
                title: "Work on it".into(),
                goal_id: Some(parent.id),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    assert_eq!(task.goal_id, Some(parent.id));

    let c = raw(&t);
    c.execute("DELETE FROM goals WHERE id = ?1", [parent.id])
        .unwrap();
    assert_eq!(t.repo.task(task.id).unwrap().goal_id, None);
    let tree = t.repo.goal_tree().unwrap();
    assert_eq!(tree.len(), 1);
    assert_eq!((tree[0].id, tree[0].parent_id), (child.id, None));
    assert_eq!(tree[0].milestones.len(), 1);
    assert_eq!(
        count(
            &c,
            &format!(
                "SELECT count(*) FROM goal_milestones WHERE goal_id = {}",
                parent.id
            )
        ),
        0
    );
    assert!(t.repo.foreign_key_problems().unwrap().is_empty());
}

#[test]
fn checks_refuse_bad_values_written_by_hand_with_a_sentence() {
    let t = db();
    let ann = person(&t, "Ann");
    let m = meeting(&t, "m", vec![]);
    let f = feedback(&t, ann.id, None);
    let s = t
        .repo
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            ..SkillDraft::default()
        })
        .unwrap();
    let g = t
        .repo
        .add_goal(&GoalDraft {
            title: "g".into(),
            ..GoalDraft::default()
        })
        .unwrap();
    let task = t
        .repo
        .add_task(
            day("2026-11-22"),
            &TaskDraft {
                title: "t".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    let c = raw(&t);
    let cases: Vec<(String, &str)> = vec![
        (
            "INSERT INTO meetings (starts_at, title, kind) VALUES ('2026-11-22T10:00:00', 'x', 'standup')".into(),
            "meeting kind is not one worklog knows",
        ),
        (
            "INSERT INTO meetings (starts_at, title, duration_minutes) VALUES ('2026-11-22T10:00:00', 'x', 0)".into(),
            "meeting duration must be 1–1440 minutes",
        ),
        (
            "INSERT INTO meetings (starts_at, title) VALUES ('2026-11-22 10:00', 'x')".into(),
            "meeting start must be YYYY-MM-DDTHH:MM:SS",
        ),
        (
            format!("INSERT INTO skill_progress (skill_id, level, assessed_on) VALUES ({}, 9, '2026-11-22')", s.id),
            "skill level must be 0–5",
        ),
        (
            format!("INSERT INTO skill_progress (skill_id, level, assessed_on) VALUES ({}, 3, '22/11/2026')", s.id),
            "assessment date must be a date (YYYY-MM-DD)",
        ),
        (
            "INSERT INTO skills (name, target_level) VALUES ('Go', 7)".into(),
            "skill target level must be 0–5",
        ),
        (
            "INSERT INTO skills (name) VALUES ('rust')".into(),
            "a skill with that name already exists",
        ),
        (
            "INSERT INTO goals (title, status) VALUES ('x', 'someday')".into(),
            "goal status must be active, paused, done or dropped",
        ),
        (
            format!("UPDATE goals SET parent_id = id WHERE id = {}", g.id),
            "a goal cannot be its own parent",
        ),
        (
            format!("INSERT INTO goal_milestones (goal_id, title) VALUES ({}, '  ')", g.id),
            "milestone title must not be empty",
        ),
        (
            format!("INSERT INTO feedback (direction, person_id, day, content) VALUES ('sideways', {}, '2026-11-22', 'x')", ann.id),
            "feedback direction must be given or received",
        ),
        (
            format!("INSERT INTO feedback (direction, person_id, day, kind, content) VALUES ('given', {}, '2026-11-22', 'rant', 'x')", ann.id),
            "feedback kind is not one worklog knows",
        ),
        (
            format!("INSERT INTO action_items (title, meeting_id, feedback_id) VALUES ('x', {}, {})", m.id, f.id),
            "an action item comes from a meeting or from feedback, not both",
        ),
        (
            "INSERT INTO learnings (at, title, starred) VALUES ('2026-11-22T10:00:00', 'x', 2)".into(),
            "starred must be 0 or 1",
        ),
        (
            "INSERT INTO learnings (at, title) VALUES ('yesterday', 'x')".into(),
            "journal time must be YYYY-MM-DDTHH:MM:SS",
        ),
        (
            "INSERT INTO learnings (at, title) VALUES ('2026-11-22T10:00:00', ' ')".into(),
            "journal title must not be empty",
        ),
    ];
    for (sql, expected) in &cases {
        assert_eq!(&refused(&c, sql), expected, "{sql}");
    }

    // One task can back only one action item.
    let a = action(&t, "a", ActionSource::None, None);
    action(&t, "b", ActionSource::None, None);
    t.repo.promote_action_item(a.id, day("2026-11-22")).unwrap();
    let linked_task = t.repo.action_item(a.id).unwrap().task_id.unwrap();
    assert_eq!(
        refused(
            &c,
            &format!("UPDATE action_items SET task_id = {linked_task} WHERE title = 'b'")
        ),
        "that task is already linked to another action item"
    );

    // Nothing slipped in.
    assert_eq!(count(&c, "SELECT count(*) FROM meetings"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM skills"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM skill_progress"), 0);
    assert_eq!(
        count(&c, "SELECT count(*) FROM goals WHERE parent_id IS NOT NULL"),
        0
    );
    assert_eq!(count(&c, "SELECT count(*) FROM feedback"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM learnings"), 0);
    assert_eq!(t.repo.task(task.id).unwrap().action_item_id, None);
}

on_both_backends! {
    #[test]
    fn merging_people_keeps_every_meeting_feedback_and_action_item() {
        let t = db();
        let ann = person(&t, "Ann");
        let dup = person(&t, "Ann B.");
        let bob = person(&t, "Bob");
        let both = meeting(&t, "Both Anns", vec![ann.id, dup.id, bob.id]);
        let only_dup = meeting(&t, "Only the duplicate", vec![dup.id]);
        let f = feedback(&t, dup.id, Some(only_dup.id));
        let owned = action(&t, "Dup owns", ActionSource::Meeting(both.id), Some(dup.id));
        let owed = action(&t, "I owe dup", ActionSource::Meeting(only_dup.id), None);
        let from_fb = action(
            &t,
            "From dup's feedback",
            ActionSource::Feedback(f.id),
            None,
        );

        let kept = t.repo.merge_people(ann.id, dup.id).unwrap();
        assert_eq!(kept.name, "Ann");
        assert!(matches!(t.repo.person(dup.id), Err(Error::NotFound { .. })));

        let mut with_ann: Vec<Id> = t
            .repo
            .meetings_with(ann.id)
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect();
        with_ann.sort();
        assert_eq!(with_ann, vec![both.id, only_dup.id]);
        assert_eq!(
            t.repo
                .meeting(both.id)
                .unwrap()
                .attendees
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Ann", "Bob"],
            "one attendance each, no duplicate"
        );
        let f_now = t.repo.feedback_item(f.id).unwrap();
        assert_eq!(f_now.person.id, ann.id);
        assert_eq!(f_now.meeting_id, Some(only_dup.id));
        assert_eq!(
            t.repo.action_item(owned.id).unwrap().owner.map(|p| p.id),
            Some(ann.id)
        );
        let mut for_ann: Vec<Id> = t
            .repo
            .action_items_for_person(ann.id)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect();
        for_ann.sort();
        assert_eq!(for_ann, vec![owned.id, owed.id, from_fb.id]);
        assert_eq!(t.repo.feedback_list(None, Some(ann.id)).unwrap().len(), 1);
        assert!(t.repo.foreign_key_problems().unwrap().is_empty());
    }
}
