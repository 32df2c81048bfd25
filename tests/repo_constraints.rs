//! Foreign keys, cascades and CHECK constraints of the schema, proved on both backends.
//!
//! Deleting for good and writing bad values are not things the app offers, so these tests
//! write them with the repository's test-only hook for raw SQL (`raw_execute_for_tests`), as
//! a hand edit or a buggy import would, on SQLite and on PostgreSQL alike.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::{Error, Repo};
use worklog::model::*;

/// Raw SQL on the test's database, outside worklog's rules (foreign keys still enforced).
struct Raw<'a>(&'a Repo);

fn raw(t: &TestDb) -> Raw<'_> {
    Raw(&t.repo)
}

impl Raw<'_> {
    fn execute(&self, sql: &str) {
        self.0.raw_execute_for_tests(sql).expect(sql);
    }
}

/// Runs a statement that must fail, returning worklog's sentence for the failure.
fn refused(c: &Raw<'_>, sql: &str) -> String {
    match c.0.raw_execute_for_tests(sql) {
        Err(Error::Constraint(msg)) => msg,
        other => panic!("{sql}: expected a constraint error, got {other:?}"),
    }
}

fn count(c: &Raw<'_>, sql: &str) -> i64 {
    c.0.raw_count_for_tests(sql).expect(sql)
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

on_both_backends! {
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
    c.execute(&format!("DELETE FROM meetings WHERE id = {}", m.id));
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
    c.execute(&format!("DELETE FROM feedback WHERE id = {}", f.id));
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
    c.execute(&format!("DELETE FROM people WHERE id = {}", cy.id));
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
    c.execute(&format!("DELETE FROM goals WHERE id = {}", parent.id));
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
    let (m, f, s, g, tk) = (m.id, f.id, s.id, g.id, task.id);
    // A day SQLite's date() cannot read and PostgreSQL's date holds (its CHECK keeps days to
    // years 1–9999), and a moment with a fraction of a second (both keep whole seconds).
    let bad_day = "'10000-01-01'";
    let bad_moment = "'2026-11-22T10:00:00.5'";
    let ok_day = "'2026-11-22'";
    let ok_moment = "'2026-11-22T10:00:00'";
    let sha = "a".repeat(64);
    // Each named CHECK, broken alone: (its name, the statement, worklog's sentence).
    let cases: Vec<(&str, String, &str)> = vec![
        ("organization_name_empty", "INSERT INTO organizations (name) VALUES ('  ')".into(), "organization name must not be empty"),
        ("person_name_empty", "INSERT INTO people (name) VALUES (' ')".into(), "person name must not be empty"),
        ("tag_name_invalid", "INSERT INTO tags (name) VALUES ('two words')".into(), "tag name must be 1–64 characters with no spaces or commas"),
        ("goal_title_empty", "INSERT INTO goals (title) VALUES ('')".into(), "goal title must not be empty"),
        ("goal_status", "INSERT INTO goals (title, status) VALUES ('x', 'someday')".into(), "goal status must be active, paused, done or dropped"),
        ("goal_target_date", format!("INSERT INTO goals (title, target_date) VALUES ('x', {bad_day})"), "goal target date must be a date (YYYY-MM-DD)"),
        ("goal_done_on", format!("INSERT INTO goals (title, done_on) VALUES ('x', {bad_day})"), "goal done date must be a date (YYYY-MM-DD)"),
        ("goal_own_parent", format!("UPDATE goals SET parent_id = id WHERE id = {g}"), "a goal cannot be its own parent"),
        ("milestone_title_empty", format!("INSERT INTO goal_milestones (goal_id, title) VALUES ({g}, '  ')"), "milestone title must not be empty"),
        ("milestone_due_date", format!("INSERT INTO goal_milestones (goal_id, title, due_date) VALUES ({g}, 'x', {bad_day})"), "milestone due date must be a date (YYYY-MM-DD)"),
        ("milestone_done_on", format!("INSERT INTO goal_milestones (goal_id, title, done_on) VALUES ({g}, 'x', {bad_day})"), "milestone done date must be a date (YYYY-MM-DD)"),
        ("task_day", format!("INSERT INTO tasks (day, first_day, title) VALUES ({bad_day}, {ok_day}, 'x')"), "task day must be a date (YYYY-MM-DD)"),
        ("task_first_day", format!("INSERT INTO tasks (day, first_day, title) VALUES ({ok_day}, {bad_day}, 'x')"), "task first day must be a date (YYYY-MM-DD)"),
        ("task_title_empty", format!("INSERT INTO tasks (day, first_day, title) VALUES ({ok_day}, {ok_day}, ' ')"), "task title must not be empty"),
        ("task_status", format!("UPDATE tasks SET status = 'later' WHERE id = {tk}"), "task status must be todo, doing, done or dropped"),
        ("task_priority", format!("UPDATE tasks SET priority = 9 WHERE id = {tk}"), "task priority must be 1–3"),
        ("task_estimate", format!("UPDATE tasks SET estimate_minutes = 0 WHERE id = {tk}"), "task estimate must be 1–1440 minutes"),
        ("task_done_at_status", format!("UPDATE tasks SET status = 'done' WHERE id = {tk}"), "a task has a done time exactly when it is done"),
        ("task_done_at", format!("UPDATE tasks SET status = 'done', done_at = {bad_moment} WHERE id = {tk}"), "task done time must be YYYY-MM-DDTHH:MM:SS"),
        ("task_carry_count", format!("UPDATE tasks SET carry_count = -1 WHERE id = {tk}"), "task carry count cannot be negative"),
        ("carry_from_day", format!("INSERT INTO task_carries (task_id, from_day, to_day) VALUES ({tk}, {bad_day}, {ok_day})"), "carry day must be a date (YYYY-MM-DD)"),
        ("carry_to_day", format!("INSERT INTO task_carries (task_id, from_day, to_day) VALUES ({tk}, {ok_day}, {bad_day})"), "carry day must be a date (YYYY-MM-DD)"),
        ("learning_title_empty", format!("INSERT INTO learnings (at, title) VALUES ({ok_moment}, ' ')"), "journal title must not be empty"),
        ("learning_at", format!("INSERT INTO learnings (at, title) VALUES ({bad_moment}, 'x')"), "journal time must be YYYY-MM-DDTHH:MM:SS"),
        ("learning_starred", format!("INSERT INTO learnings (at, title, starred) VALUES ({ok_moment}, 'x', 2)"), "starred must be 0 or 1"),
        ("skill_name_empty", "INSERT INTO skills (name) VALUES (' ')".into(), "skill name must not be empty"),
        ("skill_target_level", "INSERT INTO skills (name, target_level) VALUES ('Go', 7)".into(), "skill target level must be 0–5"),
        ("skill_level", format!("INSERT INTO skill_progress (skill_id, level, assessed_on) VALUES ({s}, 9, {ok_day})"), "skill level must be 0–5"),
        ("skill_assessed_on", format!("INSERT INTO skill_progress (skill_id, level, assessed_on) VALUES ({s}, 3, {bad_day})"), "assessment date must be a date (YYYY-MM-DD)"),
        ("meeting_title_empty", format!("INSERT INTO meetings (starts_at, title) VALUES ({ok_moment}, ' ')"), "meeting title must not be empty"),
        ("meeting_kind", format!("INSERT INTO meetings (starts_at, title, kind) VALUES ({ok_moment}, 'x', 'standup')"), "meeting kind is not one worklog knows"),
        ("meeting_duration", format!("INSERT INTO meetings (starts_at, title, duration_minutes) VALUES ({ok_moment}, 'x', 0)"), "meeting duration must be 1–1440 minutes"),
        ("meeting_starts_at", format!("INSERT INTO meetings (starts_at, title) VALUES ({bad_moment}, 'x')"), "meeting start must be YYYY-MM-DDTHH:MM:SS"),
        ("feedback_direction", format!("INSERT INTO feedback (direction, person_id, day, content) VALUES ('sideways', {}, {ok_day}, 'x')", ann.id), "feedback direction must be given or received"),
        ("feedback_kind", format!("INSERT INTO feedback (direction, person_id, day, kind, content) VALUES ('given', {}, {ok_day}, 'rant', 'x')", ann.id), "feedback kind is not one worklog knows"),
        ("feedback_content_empty", format!("INSERT INTO feedback (direction, person_id, day, content) VALUES ('given', {}, {ok_day}, ' ')", ann.id), "feedback must not be empty"),
        ("feedback_day", format!("INSERT INTO feedback (direction, person_id, day, content) VALUES ('given', {}, {bad_day}, 'x')", ann.id), "feedback day must be a date (YYYY-MM-DD)"),
        ("action_item_title_empty", "INSERT INTO action_items (title) VALUES (' ')".into(), "action item title must not be empty"),
        ("action_item_one_source", format!("INSERT INTO action_items (title, meeting_id, feedback_id) VALUES ('x', {m}, {f})"), "an action item comes from a meeting or from feedback, not both"),
        ("action_item_due_date", format!("INSERT INTO action_items (title, due_date) VALUES ('x', {bad_day})"), "action item due date must be a date (YYYY-MM-DD)"),
        ("action_item_done_at", format!("INSERT INTO action_items (title, done_at) VALUES ('x', {bad_moment})"), "action item done time must be YYYY-MM-DDTHH:MM:SS"),
        ("energy_level", format!("INSERT INTO energy_checkins (at, level) VALUES ({ok_moment}, 6)"), "energy level must be 1–5"),
        ("checkin_at", format!("INSERT INTO energy_checkins (at, level) VALUES ({bad_moment}, 3)"), "check-in time must be YYYY-MM-DDTHH:MM:SS"),
        ("import_source", format!("INSERT INTO imports (source, external_id, task_id, original) VALUES ('todoist', 'a', {tk}, '{{}}')"), "import source must be worklog, taskwarrior or jrnl"),
        ("import_external_id_empty", format!("INSERT INTO imports (source, external_id, task_id, original) VALUES ('jrnl', '', {tk}, '{{}}')"), "an imported record needs its id in the source"),
        ("import_original_json", format!("INSERT INTO imports (source, external_id, task_id, original) VALUES ('jrnl', 'a', {tk}, '{{not json')"), "an imported record must be kept as valid JSON"),
        ("import_one_target", "INSERT INTO imports (source, external_id, original) VALUES ('jrnl', 'a', '{}')".into(), "an imported record becomes exactly one task, journal entry or goal"),
        ("calendar_source", format!("INSERT INTO calendar_events (meeting_id, source, uid, occurrence, fingerprint) VALUES ({m}, 'google', 'u', 'o', 'f')"), "a calendar event must come from an ics import"),
        ("calendar_uid_empty", format!("INSERT INTO calendar_events (meeting_id, uid, occurrence, fingerprint) VALUES ({m}, '', 'o', 'f')"), "a calendar event needs its UID"),
        ("calendar_recurring", format!("INSERT INTO calendar_events (meeting_id, uid, occurrence, fingerprint, recurring) VALUES ({m}, 'u', 'o', 'f', 2)"), "recurring must be 0 or 1"),
        ("calendar_status", format!("INSERT INTO calendar_events (meeting_id, uid, occurrence, fingerprint, status) VALUES ({m}, 'u', 'o', 'f', 'tentative')"), "a calendar event's status must be confirmed or cancelled"),
        ("attachment_name", format!("INSERT INTO attachments (task_id, name, size, media_type, sha256) VALUES ({tk}, 'a/b', 1, 'text/plain', '{sha}')"), "an attachment's name must be 1–255 characters without a /"),
        ("attachment_size", format!("INSERT INTO attachments (task_id, name, size, media_type, sha256) VALUES ({tk}, 'a', -1, 'text/plain', '{sha}')"), "an attachment's size cannot be negative"),
        ("attachment_media_type", format!("INSERT INTO attachments (task_id, name, size, media_type, sha256) VALUES ({tk}, 'a', 1, '', '{sha}')"), "an attachment needs a media type"),
        ("attachment_sha256", format!("INSERT INTO attachments (task_id, name, size, media_type, sha256) VALUES ({tk}, 'a', 1, 'text/plain', 'ABC')"), "an attachment's SHA-256 must be 64 lower-case hex digits"),
        ("attachment_owner", format!("INSERT INTO attachments (name, size, media_type, sha256) VALUES ('a', 1, 'text/plain', '{sha}')"), "an attachment belongs to exactly one item"),
    ];
    // PostgreSQL's flags are booleans: a 2 is not a value of the type at all, so their CHECKs
    // (kept for the same names) cannot fail there.
    let boolean_checks = ["learning_starred", "calendar_recurring"];
    for (name, sql, expected) in &cases {
        if t.server.is_some() && boolean_checks.contains(name) {
            continue;
        }
        assert_eq!(&refused(&c, sql), expected, "{name}: {sql}");
    }
    // Every named CHECK of the schema has its case (the one-row tables' own aside: the
    // profile, and the change the history has open; worklog alone writes them).
    let schema = include_str!("../schema.sql");
    for (i, _) in schema.match_indices("CONSTRAINT ") {
        let rest = &schema[i + "CONSTRAINT ".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let one_row = ["profile_single_row", "history_open_single_row"];
        if rest[name.len()..].trim_start().starts_with("CHECK") && !one_row.contains(&name.as_str()) {
            assert!(
                cases.iter().any(|(n, _, _)| *n == name),
                "no case for CHECK {name}"
            );
        }
    }

    // Unique natural keys, each with its sentence.
    c.execute("INSERT INTO organizations (name) VALUES ('Acme')");
    c.execute(&format!(
        "INSERT INTO imports (source, external_id, task_id, original) VALUES ('jrnl', 'a', {tk}, '{{}}')"
    ));
    c.execute(&format!(
        "INSERT INTO calendar_events (meeting_id, uid, occurrence, fingerprint) VALUES ({m}, 'u', 'o', 'f')"
    ));
    let other_meeting = meeting(&t, "other", vec![]).id;
    let unique: Vec<(String, &str)> = vec![
        ("INSERT INTO tags (name) VALUES ('SYNC')".into(), "a tag with that name already exists"),
        ("INSERT INTO skills (name) VALUES ('rust')".into(), "a skill with that name already exists"),
        ("INSERT INTO organizations (name) VALUES ('ACME')".into(), "an organization with that name already exists"),
        ("INSERT INTO people (name) VALUES ('ann')".into(), "a person with that name already exists in that organization"),
        (format!("INSERT INTO imports (source, external_id, task_id, original) VALUES ('jrnl', 'a', {tk}, '[]')"), "that would create a duplicate"),
        (format!("INSERT INTO calendar_events (meeting_id, uid, occurrence, fingerprint) VALUES ({other_meeting}, 'u', 'o', 'f')"), "that would create a duplicate"),
        (format!("INSERT INTO calendar_events (meeting_id, uid, occurrence, fingerprint) VALUES ({m}, 'v', 'o', 'f')"), "that would create a duplicate"),
    ];
    for (sql, expected) in &unique {
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

    // A reference to a row that does not exist, and a required value left out.
    assert_eq!(
        refused(
            &c,
            &format!("INSERT INTO tasks (day, first_day, title, goal_id) VALUES ({ok_day}, {ok_day}, 'x', 4242)")
        ),
        "that row is linked to others (or refers to one that does not exist)"
    );
    assert_eq!(
        refused(
            &c,
            &format!("INSERT INTO tasks (day, first_day) VALUES ({ok_day}, {ok_day})")
        ),
        "a required value is missing (tasks.title)"
    );

    // Nothing slipped in.
    assert_eq!(count(&c, "SELECT count(*) FROM meetings"), 2);
    assert_eq!(count(&c, "SELECT count(*) FROM skills"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM skill_progress"), 0);
    assert_eq!(
        count(&c, "SELECT count(*) FROM goals WHERE parent_id IS NOT NULL"),
        0
    );
    assert_eq!(count(&c, "SELECT count(*) FROM goals"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM goal_milestones"), 0);
    assert_eq!(count(&c, "SELECT count(*) FROM tasks"), 2);
    assert_eq!(count(&c, "SELECT count(*) FROM task_carries"), 0);
    assert_eq!(count(&c, "SELECT count(*) FROM feedback"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM learnings"), 0);
    assert_eq!(count(&c, "SELECT count(*) FROM energy_checkins"), 0);
    assert_eq!(count(&c, "SELECT count(*) FROM people"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM organizations"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM imports"), 1);
    assert_eq!(count(&c, "SELECT count(*) FROM calendar_events"), 1);
    assert_eq!(t.repo.task(task.id).unwrap().action_item_id, None);
}

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
