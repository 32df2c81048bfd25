//! Changes to several rows at once (what marking rows in the TUI does): tags added to
//! meetings, feedback, check-ins, journal entries and goals, and action items marked done.
//! Each is one transaction: a row missing refuses them all and nothing is written. On both
//! backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::Error;
use worklog::model::*;

fn meeting_at(at_: &str, title: &str) -> MeetingDraft {
    MeetingDraft {
        starts_at: at(at_),
        duration_minutes: Some(30),
        title: title.into(),
        kind: MeetingKind::Team,
        notes: String::new(),
        attendee_ids: Vec::new(),
        tags: vec!["team".into()],
    }
}

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

on_both_backends! {
    #[test]
    fn tags_are_added_to_several_rows_each_keeping_its_own() {
        let t = db();
        let r = &t.repo;
        let m1 = r.add_meeting(&meeting_at("2026-11-20T10:00:00", "Planning")).unwrap();
        let m2 = r.add_meeting(&meeting_at("2026-11-19T10:00:00", "Retro")).unwrap();
        assert_eq!(r.tag_meetings(&[m1.id, m2.id], &tags(&["review", "q4"])).unwrap(), 2);
        assert_eq!(r.meeting(m1.id).unwrap().tags, tags(&["q4", "review", "team"]));
        assert_eq!(r.meeting(m2.id).unwrap().stamp.version, m2.stamp.version + 1);

        let ada = r.find_or_add_person("Ada").unwrap().id;
        let f = r
            .add_feedback(&FeedbackDraft {
                direction: Direction::Received,
                person_id: ada,
                day: day("2026-11-20"),
                kind: FeedbackKind::Praise,
                content: "Clear talk".into(),
                meeting_id: None,
                tags: Vec::new(),
            })
            .unwrap();
        r.tag_feedback(&[f.id], &tags(&["review"])).unwrap();
        assert_eq!(r.feedback_item(f.id).unwrap().tags, tags(&["review"]));

        let c = r
            .add_checkin(&CheckinDraft {
                at: at("2026-11-20T09:00:00"),
                level: 3,
                note: String::new(),
                tags: tags(&["coffee"]),
            })
            .unwrap();
        r.tag_checkins(&[c.id], &tags(&["review"])).unwrap();
        let got = r.checkins_between(day("2026-11-20"), day("2026-11-20")).unwrap();
        assert_eq!(got[0].tags, tags(&["coffee", "review"]));

        let g = r
            .add_goal(&GoalDraft {
                title: "Ship it".into(),
                ..GoalDraft::default()
            })
            .unwrap();
        r.tag_goals(&[g.id], &tags(&["review"])).unwrap();
        assert_eq!(r.goal(g.id).unwrap().tags, tags(&["review"]));

        let l = r
            .add_learning(&LearningDraft {
                title: "WAL".into(),
                ..LearningDraft::default()
            })
            .unwrap();
        r.tag_learnings(&[l.id], &tags(&["review"])).unwrap();
        assert_eq!(r.learning(l.id).unwrap().tags, tags(&["review"]));
    }

    #[test]
    fn a_missing_row_refuses_the_whole_change() {
        let t = db();
        let r = &t.repo;
        let m1 = r.add_meeting(&meeting_at("2026-11-20T10:00:00", "Planning")).unwrap();
        let m2 = r.add_meeting(&meeting_at("2026-11-19T10:00:00", "Retro")).unwrap();
        r.delete(Deletable::Meeting, m2.id).unwrap();
        let e = r.tag_meetings(&[m1.id, m2.id], &tags(&["review"])).unwrap_err();
        assert!(matches!(e, Error::NotFound { what: "meeting", .. }), "{e}");
        assert_eq!(r.meeting(m1.id).unwrap(), m1, "the first was not tagged either");
        assert!(r.tag_meetings(&[m1.id], &tags(&["two words"])).is_err());
    }

    #[test]
    fn several_action_items_are_done_together_with_their_tasks() {
        let t = db();
        let r = &t.repo;
        let m = r.add_meeting(&meeting_at("2026-11-20T10:00:00", "Planning")).unwrap();
        let item = |title: &str| {
            r.add_action_item(&ActionItemDraft {
                title: title.into(),
                source: ActionSource::Meeting(m.id),
                owner_id: None,
                due_date: None,
            })
            .unwrap()
        };
        let (a, b, c) = (item("send notes"), item("book room"), item("ask Bob"));
        let task = r.promote_action_item(a.id, day("2026-11-22")).unwrap();
        let done_before = r.set_action_item_done(c.id, c.stamp.version, true).unwrap();
        assert_eq!(r.set_action_items_done(&[a.id, b.id, c.id]).unwrap(), 2, "c was done");
        assert!(r.action_item(a.id).unwrap().done_at.is_some());
        assert!(r.action_item(b.id).unwrap().done_at.is_some());
        assert_eq!(r.action_item(c.id).unwrap().done_at, done_before.done_at);
        assert_eq!(r.task(task.id).unwrap().status, TaskStatus::Done, "its task follows");

        let d = item("late one");
        r.delete(Deletable::ActionItem, b.id).unwrap();
        assert!(r.set_action_items_done(&[d.id, b.id]).is_err());
        assert!(r.action_item(d.id).unwrap().done_at.is_none(), "nothing was written");
    }
}
