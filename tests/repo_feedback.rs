//! Feedback through the repository, on a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::Error;
use worklog::model::*;

fn person(t: &TestDb, name: &str) -> Person {
    t.repo
        .add_person(&PersonDraft {
            name: name.into(),
            ..PersonDraft::default()
        })
        .unwrap()
}

fn fb(direction: Direction, person: Id, on: &str, content: &str) -> FeedbackDraft {
    FeedbackDraft {
        direction,
        person_id: person,
        day: day(on),
        kind: FeedbackKind::Praise,
        content: content.into(),
        meeting_id: None,
        tags: Vec::new(),
    }
}

fn contents(list: &[Feedback]) -> Vec<&str> {
    list.iter().map(|f| f.content.as_str()).collect()
}

on_both_backends! {
    #[test]
    fn feedback_round_trip_edit_and_stale_edit() {
        let t = db();
        let ann = person(&t, "Ann");
        let bob = person(&t, "Bob");
        let m = t
            .repo
            .add_meeting(&MeetingDraft {
                starts_at: at("2026-11-20T10:00:00"),
                duration_minutes: None,
                title: "Review".into(),
                kind: MeetingKind::Review,
                notes: String::new(),
                attendee_ids: vec![ann.id],
                tags: vec![],
            })
            .unwrap();
        let mut d = fb(
            Direction::Received,
            ann.id,
            "2026-11-20",
            "  Great demo; slow down on the diagrams.  ",
        );
        d.kind = FeedbackKind::Constructive;
        d.meeting_id = Some(m.id);
        d.tags = vec!["presenting".into()];
        let f = t.repo.add_feedback(&d).unwrap();
        assert_eq!(f.content, "Great demo; slow down on the diagrams.");
        assert_eq!(f.direction, Direction::Received);
        assert_eq!(
            f.person,
            PersonRef {
                id: ann.id,
                name: "Ann".into()
            }
        );
        assert_eq!(f.day, day("2026-11-20"));
        assert_eq!(f.kind, FeedbackKind::Constructive);
        assert_eq!(f.meeting_id, Some(m.id));
        assert_eq!(f.tags, vec!["presenting"]);
        assert_eq!(f.stamp.version, 1);
        assert_eq!(t.repo.feedback_item(f.id).unwrap(), f);

        let saved = t
            .repo
            .update_feedback(
                f.id,
                1,
                &fb(Direction::Given, bob.id, "2026-11-21", "Nice fix"),
            )
            .unwrap();
        assert_eq!(saved.stamp.version, 2);
        assert_eq!(
            (saved.direction, saved.person.id, saved.meeting_id),
            (Direction::Given, bob.id, None)
        );
        assert_eq!(t.repo.feedback_item(f.id).unwrap(), saved);

        let err = t
            .repo
            .update_feedback(
                f.id,
                1,
                &fb(Direction::Given, bob.id, "2026-11-21", "Stale"),
            )
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Conflict {
                    yours: 1,
                    current: 2,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(t.repo.feedback_item(f.id).unwrap(), saved);
    }

    #[test]
    fn invalid_feedback_names_the_field() {
        let t = db();
        let ann = person(&t, "Ann");
        match t
            .repo
            .add_feedback(&fb(Direction::Given, ann.id, "2026-11-22", " \n "))
            .unwrap_err()
        {
            Error::Invalid { field, message } => {
                assert_eq!(field, "content");
                assert_eq!(message, "feedback must not be empty");
            }
            other => panic!("{other:?}"),
        }
        let err = t
            .repo
            .add_feedback(&fb(Direction::Given, 404, "2026-11-22", "x"))
            .unwrap_err();
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
        let mut d = fb(Direction::Given, ann.id, "2026-11-22", "x");
        d.meeting_id = Some(404);
        let err = t.repo.add_feedback(&d).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: "meeting",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(t.repo.feedback_list(None, None).unwrap().is_empty());
    }

    #[test]
    fn list_filters_newest_first_and_between_oldest_first() {
        let t = db();
        let ann = person(&t, "Ann");
        let bob = person(&t, "Bob");
        t.repo
            .add_feedback(&fb(
                Direction::Received,
                ann.id,
                "2026-11-10",
                "ann to me, old",
            ))
            .unwrap();
        t.repo
            .add_feedback(&fb(Direction::Given, ann.id, "2026-11-18", "me to ann"))
            .unwrap();
        t.repo
            .add_feedback(&fb(Direction::Received, bob.id, "2026-11-20", "bob to me"))
            .unwrap();
        t.repo
            .add_feedback(&fb(
                Direction::Received,
                ann.id,
                "2026-11-22",
                "ann to me, new",
            ))
            .unwrap();
        let gone = t
            .repo
            .add_feedback(&fb(Direction::Received, ann.id, "2026-11-21", "deleted"))
            .unwrap();
        t.repo.delete(Deletable::Feedback, gone.id).unwrap();

        assert_eq!(
            contents(&t.repo.feedback_list(None, None).unwrap()),
            vec!["ann to me, new", "bob to me", "me to ann", "ann to me, old"]
        );
        assert_eq!(
            contents(
                &t.repo
                    .feedback_list(Some(Direction::Received), None)
                    .unwrap()
            ),
            vec!["ann to me, new", "bob to me", "ann to me, old"]
        );
        assert_eq!(
            contents(&t.repo.feedback_list(None, Some(bob.id)).unwrap()),
            vec!["bob to me"]
        );
        assert_eq!(
            contents(
                &t.repo
                    .feedback_list(Some(Direction::Given), Some(ann.id))
                    .unwrap()
            ),
            vec!["me to ann"]
        );
        assert_eq!(
            contents(
                &t.repo
                    .feedback_between(day("2026-11-18"), day("2026-11-22"))
                    .unwrap()
            ),
            vec!["me to ann", "bob to me", "ann to me, new"]
        );
        assert!(matches!(
            t.repo.feedback_item(gone.id),
            Err(Error::NotFound { .. })
        ));
        t.repo.restore(Deletable::Feedback, gone.id).unwrap();
        assert_eq!(t.repo.feedback_list(None, None).unwrap().len(), 5);
    }

    #[test]
    fn a_deleted_meeting_is_hidden_but_its_link_survives_an_edit() {
        let t = db();
        let ann = person(&t, "Ann");
        let m = t
            .repo
            .add_meeting(&MeetingDraft {
                starts_at: at("2026-11-20T10:00:00"),
                duration_minutes: None,
                title: "Retro".into(),
                kind: MeetingKind::Team,
                notes: String::new(),
                attendee_ids: vec![],
                tags: vec![],
            })
            .unwrap();
        let mut d = fb(Direction::Received, ann.id, "2026-11-20", "Good retro");
        d.meeting_id = Some(m.id);
        let f = t.repo.add_feedback(&d).unwrap();
        t.repo.delete(Deletable::Meeting, m.id).unwrap();
        let shown = t.repo.feedback_item(f.id).unwrap();
        assert_eq!(
            shown.meeting_id, None,
            "feedback stays; the deleted meeting is hidden"
        );
        // The form saves what it showed (no meeting): the hidden link is kept.
        let mut edit = fb(Direction::Received, ann.id, "2026-11-20", "Good retro!");
        edit.meeting_id = shown.meeting_id;
        t.repo.update_feedback(f.id, 1, &edit).unwrap();
        t.repo.restore(Deletable::Meeting, m.id).unwrap();
        let back = t.repo.feedback_item(f.id).unwrap();
        assert_eq!(
            (back.meeting_id, back.content.as_str()),
            (Some(m.id), "Good retro!")
        );
    }
}
