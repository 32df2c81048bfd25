//! Meetings and action items through the repository, on a real database file.
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

fn meeting(title: &str, starts: &str, attendees: Vec<Id>) -> MeetingDraft {
    MeetingDraft {
        starts_at: at(starts),
        duration_minutes: Some(30),
        title: title.into(),
        kind: MeetingKind::OneOnOne,
        notes: String::new(),
        attendee_ids: attendees,
        tags: Vec::new(),
    }
}

fn item(
    title: &str,
    source: ActionSource,
    owner: Option<Id>,
    due: Option<&str>,
) -> ActionItemDraft {
    ActionItemDraft {
        title: title.into(),
        source,
        owner_id: owner,
        due_date: due.map(day),
    }
}

fn item_titles(list: &[ActionItem]) -> Vec<&str> {
    list.iter().map(|a| a.title.as_str()).collect()
}

/// The meetings list read in pages of two, from the top and from a key, either way.
fn paged_titles(t: &TestDb, text: Option<&str>) -> Vec<String> {
    let mut out: Vec<Meeting> = Vec::new();
    loop {
        let from = out.last().map(|m| (m.starts_at, m.id));
        let dir = PageDir::Down { inclusive: false };
        let page = t.repo.meeting_page(text, from, dir, 2).unwrap();
        if page.is_empty() {
            break;
        }
        out.extend(page);
    }
    out.into_iter().map(|m| m.title).collect()
}

on_both_backends! {
    #[test]
    fn meeting_round_trip_and_attendees_replaced_on_edit() {
        let t = db();
        let ann = person(&t, "Ann");
        let bob = person(&t, "Bob");
        let cy = person(&t, "Cy");
        let mut d = meeting(
            " Weekly 1:1 ",
            "2026-11-22T10:00:00",
            vec![bob.id, ann.id, ann.id],
        );
        d.notes = "talked about the roadmap".into();
        d.tags = vec!["1on1".into()];
        let m = t.repo.add_meeting(&d).unwrap();
        assert_eq!(m.title, "Weekly 1:1");
        assert_eq!(m.kind, MeetingKind::OneOnOne);
        assert_eq!(m.duration_minutes, Some(30));
        assert_eq!(m.notes, "talked about the roadmap");
        assert_eq!(m.tags, vec!["1on1"]);
        assert_eq!(
            m.attendees,
            vec![
                PersonRef {
                    id: ann.id,
                    name: "Ann".into()
                },
                PersonRef {
                    id: bob.id,
                    name: "Bob".into()
                },
            ]
        );
        assert_eq!(t.repo.meeting(m.id).unwrap(), m);

        let mut e = meeting("Team sync", "2026-11-22T11:00:00", vec![cy.id, bob.id]);
        e.kind = MeetingKind::Team;
        e.duration_minutes = None;
        let saved = t.repo.update_meeting(m.id, 1, &e).unwrap();
        assert_eq!(saved.stamp.version, 2);
        assert_eq!(saved.kind, MeetingKind::Team);
        assert_eq!(saved.duration_minutes, None);
        assert_eq!(
            saved.attendees.iter().map(|p| p.id).collect::<Vec<_>>(),
            vec![bob.id, cy.id]
        );
        assert!(saved.tags.is_empty());
        assert_eq!(t.repo.meeting(m.id).unwrap(), saved);
        assert!(t.repo.meetings_with(ann.id).unwrap().is_empty());

        // A stale save is refused and leaves title and attendees as they were.
        let err = t
            .repo
            .update_meeting(
                m.id,
                1,
                &meeting("Stale", "2026-11-22T10:00:00", vec![ann.id]),
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
        assert_eq!(t.repo.meeting(m.id).unwrap(), saved);
    }

    #[test]
    fn unknown_attendee_or_bad_duration_names_the_field_and_writes_nothing() {
        let t = db();
        let ann = person(&t, "Ann");
        let err = t
            .repo
            .add_meeting(&meeting("x", "2026-11-22T10:00:00", vec![ann.id, 404]))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: "attendees",
                    ..
                }
            ),
            "{err:?}"
        );
        let mut d = meeting("x", "2026-11-22T10:00:00", vec![]);
        d.duration_minutes = Some(0);
        match t.repo.add_meeting(&d).unwrap_err() {
            Error::Invalid { field, message } => {
                assert_eq!(field, "duration");
                assert_eq!(message, "meeting duration (minutes) must be 1–1440, got 0");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            t.repo
                .meetings_between(day("2026-01-01"), day("2026-12-31"))
                .unwrap()
                .is_empty()
        );

        // An edit that fails on an attendee keeps the old attendees (one transaction).
        let m = t
            .repo
            .add_meeting(&meeting("ok", "2026-11-22T10:00:00", vec![ann.id]))
            .unwrap();
        t.repo
            .update_meeting(m.id, 1, &meeting("ok", "2026-11-22T10:00:00", vec![404]))
            .unwrap_err();
        let after = t.repo.meeting(m.id).unwrap();
        assert_eq!(after.attendees.len(), 1);
        assert_eq!(after.stamp.version, 1);
    }

    #[test]
    fn meetings_between_in_start_order_and_with_a_person_newest_first() {
        let t = db();
        let ann = person(&t, "Ann");
        let bob = person(&t, "Bob");
        let a = t
            .repo
            .add_meeting(&meeting("late", "2026-11-22T16:00:00", vec![ann.id]))
            .unwrap();
        t.repo
            .add_meeting(&meeting(
                "early",
                "2026-11-16T08:00:00",
                vec![ann.id, bob.id],
            ))
            .unwrap();
        t.repo
            .add_meeting(&meeting("outside", "2026-11-23T00:00:00", vec![ann.id]))
            .unwrap();
        let gone = t
            .repo
            .add_meeting(&meeting("deleted", "2026-11-18T08:00:00", vec![ann.id]))
            .unwrap();
        t.repo.delete(Deletable::Meeting, gone.id).unwrap();

        let week = t
            .repo
            .meetings_between(day("2026-11-16"), day("2026-11-22"))
            .unwrap();
        assert_eq!(
            week.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(),
            vec!["early", "late"]
        );
        assert_eq!(week[1], t.repo.meeting(a.id).unwrap());
        let with_ann = t.repo.meetings_with(ann.id).unwrap();
        assert_eq!(
            with_ann
                .iter()
                .map(|m| m.title.as_str())
                .collect::<Vec<_>>(),
            vec!["outside", "late", "early"]
        );
        let with_bob = t.repo.meetings_with(bob.id).unwrap();
        assert_eq!(with_bob.len(), 1);
        assert_eq!(with_bob[0].attendees.len(), 2);
    }

    #[test]
    fn action_item_round_trip_and_stale_edit() {
        let t = db();
        let ann = person(&t, "Ann");
        let m = t
            .repo
            .add_meeting(&meeting("1:1", "2026-11-22T10:00:00", vec![ann.id]))
            .unwrap();
        let a = t
            .repo
            .add_action_item(&item(
                " Send the doc ",
                ActionSource::Meeting(m.id),
                Some(ann.id),
                Some("2026-11-25"),
            ))
            .unwrap();
        assert_eq!(a.title, "Send the doc");
        assert_eq!(a.source, ActionSource::Meeting(m.id));
        assert_eq!(
            a.owner,
            Some(PersonRef {
                id: ann.id,
                name: "Ann".into()
            })
        );
        assert_eq!(a.due_date, Some(day("2026-11-25")));
        assert_eq!((a.done_at, a.task_id), (None, None));
        assert_eq!(t.repo.action_item(a.id).unwrap(), a);

        let saved = t
            .repo
            .update_action_item(
                a.id,
                1,
                &item("Send the doc v2", ActionSource::None, None, None),
            )
            .unwrap();
        assert_eq!(saved.stamp.version, 2);
        assert_eq!(
            (saved.source, saved.owner.clone(), saved.due_date),
            (ActionSource::None, None, None)
        );
        assert_eq!(t.repo.action_item(a.id).unwrap(), saved);

        let err = t
            .repo
            .update_action_item(a.id, 1, &item("Stale", ActionSource::None, None, None))
            .unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        assert_eq!(t.repo.action_item(a.id).unwrap(), saved);

        let err = t
            .repo
            .add_action_item(&item("x", ActionSource::Meeting(404), None, None))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: "source",
                    ..
                }
            ),
            "{err:?}"
        );
        let err = t
            .repo
            .add_action_item(&item("x", ActionSource::None, Some(404), None))
            .unwrap_err();
        assert!(
            matches!(err, Error::Invalid { field: "owner", .. }),
            "{err:?}"
        );
        let err = t
            .repo
            .add_action_item(&item(" ", ActionSource::None, None, None))
            .unwrap_err();
        assert!(
            matches!(err, Error::Invalid { field: "title", .. }),
            "{err:?}"
        );
    }

    #[test]
    fn open_items_due_first_nulls_last_without_done_or_deleted() {
        let t = db();
        let m = t
            .repo
            .add_meeting(&meeting("planning", "2026-11-22T10:00:00", vec![]))
            .unwrap();
        let add = |title: &str, due: Option<&str>| {
            t.repo
                .add_action_item(&item(title, ActionSource::Meeting(m.id), None, due))
                .unwrap()
        };
        add("no date", None);
        add("later", Some("2026-12-01"));
        add("soon", Some("2026-11-23"));
        let done = add("done", Some("2026-11-20"));
        let deleted = add("deleted", Some("2026-11-21"));
        t.repo.set_action_item_done(done.id, 1, true).unwrap();
        t.repo.delete(Deletable::ActionItem, deleted.id).unwrap();

        assert_eq!(
            item_titles(&t.repo.open_action_items().unwrap()),
            vec!["soon", "later", "no date"]
        );
        // For the meeting: open ones first (in due order), then the done one.
        assert_eq!(
            item_titles(&t.repo.action_items_for_meeting(m.id).unwrap()),
            vec!["soon", "later", "no date", "done"]
        );

        // Items of a deleted meeting are hidden with it and come back on restore.
        t.repo.delete(Deletable::Meeting, m.id).unwrap();
        assert!(t.repo.open_action_items().unwrap().is_empty());
        assert!(t.repo.action_items_for_meeting(m.id).unwrap().is_empty());
        assert!(matches!(
            t.repo.action_item(done.id),
            Err(Error::NotFound { .. })
        ));
        t.repo.restore(Deletable::Meeting, m.id).unwrap();
        assert_eq!(t.repo.open_action_items().unwrap().len(), 3);
    }

    #[test]
    fn items_for_a_person_are_what_they_own_or_are_owed() {
        let t = db();
        let ann = person(&t, "Ann");
        let bob = person(&t, "Bob");
        let with_ann = t
            .repo
            .add_meeting(&meeting("1:1 Ann", "2026-11-20T10:00:00", vec![ann.id]))
            .unwrap();
        let with_bob = t
            .repo
            .add_meeting(&meeting("1:1 Bob", "2026-11-21T10:00:00", vec![bob.id]))
            .unwrap();
        let fb = t
            .repo
            .add_feedback(&FeedbackDraft {
                direction: Direction::Received,
                person_id: ann.id,
                day: day("2026-11-19"),
                kind: FeedbackKind::Suggestion,
                content: "Share plans earlier".into(),
                meeting_id: None,
                tags: vec![],
            })
            .unwrap();
        let add = |title: &str, source: ActionSource, owner: Option<Id>| {
            t.repo
                .add_action_item(&item(title, source, owner, None))
                .unwrap()
        };
        add(
            "Ann owns, from Bob's meeting",
            ActionSource::Meeting(with_bob.id),
            Some(ann.id),
        );
        add("Ann owns, no source", ActionSource::None, Some(ann.id));
        add("I owe Ann", ActionSource::Meeting(with_ann.id), None);
        add(
            "I owe Ann for her feedback",
            ActionSource::Feedback(fb.id),
            None,
        );
        let closed = add("I owed Ann, done", ActionSource::Meeting(with_ann.id), None);
        add(
            "Bob owns, from Ann's meeting",
            ActionSource::Meeting(with_ann.id),
            Some(bob.id),
        );
        add("I owe Bob", ActionSource::Meeting(with_bob.id), None);
        t.repo.set_action_item_done(closed.id, 1, true).unwrap();

        let mut for_ann = item_titles(&t.repo.action_items_for_person(ann.id).unwrap())
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
        for_ann.sort();
        assert_eq!(
            for_ann,
            vec![
                "Ann owns, from Bob's meeting",
                "Ann owns, no source",
                "I owe Ann",
                "I owe Ann for her feedback",
            ]
        );
        let mut for_bob = item_titles(&t.repo.action_items_for_person(bob.id).unwrap())
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
        for_bob.sort();
        assert_eq!(for_bob, vec!["Bob owns, from Ann's meeting", "I owe Bob"]);
        assert_eq!(
            item_titles(&t.repo.action_items_for_feedback(fb.id).unwrap()),
            vec!["I owe Ann for her feedback"]
        );
    }

    #[test]
    fn promote_to_task_and_finishing_the_task_closes_the_item() {
        let t = db();
        let a = t
            .repo
            .add_action_item(&item(
                "Write the RFC",
                ActionSource::None,
                None,
                Some("2026-11-30"),
            ))
            .unwrap();
        let task = t.repo.promote_action_item(a.id, day("2026-11-23")).unwrap();
        assert_eq!(task.title, "Write the RFC");
        assert_eq!(task.day, day("2026-11-23"));
        assert_eq!(task.status, TaskStatus::Todo);
        assert_eq!(task.action_item_id, Some(a.id));
        let linked = t.repo.action_item(a.id).unwrap();
        assert_eq!(linked.task_id, Some(task.id));
        assert_eq!(
            t.repo.tasks_on(day("2026-11-23")).unwrap(),
            vec![task.clone()]
        );

        // Promoting twice is refused with a clear message, and makes no second task.
        let err = t
            .repo
            .promote_action_item(a.id, day("2026-11-24"))
            .unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
        assert!(err.to_string().contains("already a focus task"), "{err}");
        assert!(t.repo.tasks_on(day("2026-11-24")).unwrap().is_empty());

        // Finishing the task closes the item; the link stays.
        t.clock.set(at("2026-11-23T15:00:00"));
        t.repo
            .set_task_status(task.id, task.stamp.version, TaskStatus::Done)
            .unwrap();
        let closed = t.repo.action_item(a.id).unwrap();
        assert_eq!(closed.done_at, Some(at("2026-11-23T15:00:00")));
        assert_eq!(closed.task_id, Some(task.id));
        assert!(t.repo.open_action_items().unwrap().is_empty());
        assert_eq!(t.repo.task(task.id).unwrap().action_item_id, Some(a.id));
    }

    #[test]
    fn closing_the_item_finishes_its_task_and_reopening_reopens_it() {
        let t = db();
        let a = t
            .repo
            .add_action_item(&item("Review PR", ActionSource::None, None, None))
            .unwrap();
        let task = t.repo.promote_action_item(a.id, day("2026-11-22")).unwrap();
        let a = t.repo.action_item(a.id).unwrap();
        let done = t
            .repo
            .set_action_item_done(a.id, a.stamp.version, true)
            .unwrap();
        assert_eq!(done.done_at, Some(at("2026-11-22T09:30:00")));
        let task_now = t.repo.task(task.id).unwrap();
        assert_eq!(task_now.status, TaskStatus::Done);
        assert_eq!(task_now.done_at, Some(at("2026-11-22T09:30:00")));

        let open = t
            .repo
            .set_action_item_done(a.id, done.stamp.version, false)
            .unwrap();
        assert_eq!(open.done_at, None);
        assert_eq!(t.repo.task(task.id).unwrap().status, TaskStatus::Todo);

        // A stale toggle is refused and touches neither row.
        let err = t
            .repo
            .set_action_item_done(a.id, done.stamp.version, true)
            .unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        assert_eq!(t.repo.action_item(a.id).unwrap().done_at, None);
        assert_eq!(t.repo.task(task.id).unwrap().status, TaskStatus::Todo);

        // A done item cannot be promoted.
        let b = t
            .repo
            .add_action_item(&item("Already handled", ActionSource::None, None, None))
            .unwrap();
        t.repo.set_action_item_done(b.id, 1, true).unwrap();
        let err = t
            .repo
            .promote_action_item(b.id, day("2026-11-22"))
            .unwrap_err();
        assert!(err.to_string().contains("already done"), "{err}");
        assert_eq!(t.repo.tasks_on(day("2026-11-22")).unwrap().len(), 1);
    }

    #[test]
    fn the_meetings_list_pages_by_key_days_newest_first_and_counts_in_sql() {
        let t = db();
        let ada = person(&t, "Ada");
        let r = &t.repo;
        let mut team = meeting("standup", "2026-11-20T09:00:00", vec![]);
        team.kind = MeetingKind::Team;
        team.tags = vec!["ops".into()];
        for d in [
            meeting("late on the 20th", "2026-11-20T16:00:00", vec![ada.id]),
            team,
            meeting("same minute A", "2026-11-19T10:00:00", vec![]),
            meeting("same minute B", "2026-11-19T10:00:00", vec![]),
            meeting("newest", "2026-11-21T08:00:00", vec![]),
            meeting("oldest", "2026-11-01T08:00:00", vec![]),
        ] {
            r.add_meeting(&d).unwrap();
        }
        let gone = r
            .add_meeting(&meeting("deleted", "2026-11-19T12:00:00", vec![]))
            .unwrap();
        r.delete(Deletable::Meeting, gone.id).unwrap();
        let order = [
            "newest",
            "standup",
            "late on the 20th",
            "same minute A",
            "same minute B",
            "oldest",
        ];
        assert_eq!(paged_titles(&t, None), order);
        assert_eq!(r.meeting_count(None).unwrap(), 6);
        // Up from a key gives the rows just before it, still in list order; no key: the last.
        let a = r
            .meeting_page(None, None, PageDir::Down { inclusive: true }, 9)
            .unwrap();
        let key = (a[3].starts_at, a[3].id);
        let up: Vec<String> = r
            .meeting_page(None, Some(key), PageDir::Up, 2)
            .unwrap()
            .into_iter()
            .map(|m| m.title)
            .collect();
        assert_eq!(up, ["standup", "late on the 20th"]);
        let last: Vec<String> = r
            .meeting_page(None, None, PageDir::Up, 2)
            .unwrap()
            .into_iter()
            .map(|m| m.title)
            .collect();
        assert_eq!(last, ["same minute B", "oldest"]);
        assert_eq!(r.meeting_rank(None, key).unwrap(), 3);
        assert_eq!(r.meeting_count_before(None, Some(key)).unwrap(), (6, 3));
        assert_eq!(
            r.meeting_count_before(Some("minute"), Some(key)).unwrap(),
            (2, 0)
        );
        assert_eq!(r.meeting_key(a[3].id).unwrap(), Some(key));
        assert_eq!(r.meeting_key(gone.id).unwrap(), None);
        // The filter: title, an attendee's name, a tag, a kind's label; in SQL, counted the same.
        for (text, want) in [
            ("MINUTE", vec!["same minute A", "same minute B"]),
            ("ada", vec!["late on the 20th"]),
            ("ops", vec!["standup"]),
            ("team", vec!["standup"]),
            (
                "1:1",
                vec![
                    "newest",
                    "late on the 20th",
                    "same minute A",
                    "same minute B",
                    "oldest",
                ],
            ),
            ("50%", vec![]),
        ] {
            assert_eq!(paged_titles(&t, Some(text)), want, "{text}");
            assert_eq!(r.meeting_count(Some(text)).unwrap(), want.len(), "{text}");
        }
        assert_eq!(r.meeting_count_on(day("2026-11-20")).unwrap(), 2);
        // Open action items: counted per meeting and in all, without loading them.
        let m = a[1].id;
        r.add_action_item(&item("one", ActionSource::Meeting(m), None, None))
            .unwrap();
        let done = r
            .add_action_item(&item("two", ActionSource::Meeting(m), None, None))
            .unwrap();
        r.set_action_item_done(done.id, done.stamp.version, true)
            .unwrap();
        r.add_action_item(&item("loose", ActionSource::None, None, None))
            .unwrap();
        let counts = r
            .open_action_item_counts_for_meetings(&[m, a[0].id])
            .unwrap();
        assert_eq!(counts.get(&m), Some(&1));
        assert_eq!(counts.get(&a[0].id), None);
        assert_eq!(r.open_meeting_action_item_count().unwrap(), 1);
    }

    #[test]
    fn meetings_per_day_counts_each_day_once_and_leaves_out_deleted_and_cancelled() {
        let t = db();
        for (title, starts) in [
            ("a", "2026-11-20T09:00:00"),
            ("b", "2026-11-20T15:00:00"),
            ("c", "2026-11-22T10:00:00"),
            ("before", "2025-11-01T10:00:00"),
            ("after", "2026-11-23T00:00:00"),
        ] {
            t.repo.add_meeting(&meeting(title, starts, vec![])).unwrap();
        }
        let gone = t
            .repo
            .add_meeting(&meeting("gone", "2026-11-22T11:00:00", vec![]))
            .unwrap();
        t.repo.delete(Deletable::Meeting, gone.id).unwrap();
        t.repo
            .add_calendar_meeting(&calendar_occurrence("x", "2026-11-21T10:00:00", true))
            .unwrap();
        t.repo
            .add_calendar_meeting(&calendar_occurrence("y", "2026-11-21T11:00:00", false))
            .unwrap();
        let per_day = t
            .repo
            .meetings_per_day(day("2025-11-23"), day("2026-11-22"))
            .unwrap();
        assert_eq!(
            per_day,
            vec![
                (day("2026-11-20"), 2),
                (day("2026-11-21"), 1),
                (day("2026-11-22"), 1)
            ]
        );
    }

    #[test]
    fn upcoming_meetings_are_the_rest_of_today_and_tomorrow_still_running_ones_included() {
        let t = db();
        for (title, starts) in [
            ("over", "2026-11-22T08:00:00"),    // 08:00–08:30, over at 09:30
            ("running", "2026-11-22T09:15:00"), // 09:15–09:45, still on at 09:30
            ("later", "2026-11-22T14:00:00"),
            ("tomorrow", "2026-11-23T10:00:00"),
            ("day after", "2026-11-24T10:00:00"),
        ] {
            t.repo.add_meeting(&meeting(title, starts, vec![])).unwrap();
        }
        t.repo
            .add_calendar_meeting(&calendar_occurrence("x", "2026-11-22T16:00:00", true))
            .unwrap();
        let up = t
            .repo
            .upcoming_meetings(at("2026-11-22T09:30:00"), day("2026-11-23"))
            .unwrap();
        let titles: Vec<&str> = up.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles, vec!["running", "later", "tomorrow"]);
    }

    #[test]
    fn a_meeting_says_which_calendar_it_came_from_and_when_it_was_synced() {
        let t = db();
        let own = t
            .repo
            .add_meeting(&meeting("typed in", "2026-11-22T10:00:00", vec![]))
            .unwrap();
        assert_eq!(t.repo.meeting_calendar(own.id).unwrap(), None);
        let before = chrono::Utc::now() - chrono::Duration::seconds(5);
        let id = t
            .repo
            .add_calendar_meeting(&calendar_occurrence("x", "2026-11-22T16:00:00", false))
            .unwrap();
        let src = t.repo.meeting_calendar(id).unwrap().unwrap();
        assert_eq!(src.source, "ics");
        assert!(src.recurring);
        assert_eq!(src.location, "Room 4");
        assert!(!src.cancelled);
        assert!(src.synced_at >= before, "{:?}", src.synced_at);
        t.repo.cancel_calendar_meeting(id).unwrap();
        assert!(t.repo.meeting_calendar(id).unwrap().unwrap().cancelled);
    }
}

fn calendar_occurrence(
    uid: &str,
    starts: &str,
    cancelled: bool,
) -> worklog::db::CalendarOccurrence {
    worklog::db::CalendarOccurrence {
        uid: uid.into(),
        occurrence: format!("{starts}Z"),
        recurring: true,
        starts_at: at(starts),
        duration_minutes: Some(30),
        title: format!("from the calendar {uid}"),
        kind: MeetingKind::External,
        notes: String::new(),
        location: "Room 4".into(),
        cancelled,
        attendees: Vec::new(),
        fingerprint: "f".into(),
    }
}
