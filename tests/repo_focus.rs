//! Focus tasks and energy check-ins through the repository, on a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::Error;
use worklog::model::*;

fn draft(title: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        tags: vec!["#deep-work".into(), "Rust".into(), "rust".into()],
        ..TaskDraft::default()
    }
}

on_both_backends! {
    #[test]
    fn task_round_trip_with_tags_and_edit() {
        let t = db();
        let d = day("2026-11-22");
        let task = t.repo.add_task(d, &draft("Write the migration")).unwrap();
        assert_eq!(task.title, "Write the migration");
        assert_eq!(task.tags, vec!["deep-work", "Rust"]);
        assert_eq!(
            (task.day, task.first_day, task.status),
            (d, d, TaskStatus::Todo)
        );
        assert_eq!(task.stamp.version, 1);

        let mut edit = draft("Write the first migration");
        edit.priority = Priority::HIGH;
        edit.estimate_minutes = Some(90);
        edit.tags = vec!["sql".into()];
        let saved = t
            .repo
            .update_task(task.id, task.stamp.version, &edit)
            .unwrap();
        assert_eq!(saved.title, "Write the first migration");
        assert_eq!(saved.priority, Priority::HIGH);
        assert_eq!(saved.estimate_minutes, Some(90));
        assert_eq!(saved.tags, vec!["sql"]);
        assert_eq!(saved.stamp.version, 2);
        assert_eq!(t.repo.tasks_on(d).unwrap(), vec![saved]);
    }

    #[test]
    fn stale_save_is_a_conflict_and_changes_nothing() {
        let t = db();
        let other = second_session(&t);
        let task = t.repo.add_task(day("2026-11-22"), &draft("Plan")).unwrap();
        other
            .update_task(task.id, 1, &draft("Plan (theirs)"))
            .unwrap();
        let err = t
            .repo
            .update_task(task.id, 1, &draft("Plan (mine)"))
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
        assert_eq!(t.repo.task(task.id).unwrap().title, "Plan (theirs)");
    }

    #[test]
    fn done_stamps_time_and_reopening_clears_it() {
        let t = db();
        let task = t.repo.add_task(day("2026-11-22"), &draft("Ship")).unwrap();
        let done = t
            .repo
            .set_task_status(task.id, 1, TaskStatus::Done)
            .unwrap();
        assert_eq!(done.done_at, Some(at("2026-11-22T09:30:00")));
        let back = t
            .repo
            .set_task_status(task.id, 2, TaskStatus::Todo)
            .unwrap();
        assert_eq!(back.done_at, None);
    }

    #[test]
    fn carrying_moves_open_tasks_and_counts() {
        let t = db();
        let mon = day("2026-11-16");
        let a = t.repo.add_task(mon, &draft("Open")).unwrap();
        let b = t.repo.add_task(mon, &draft("Finished")).unwrap();
        t.repo.set_task_status(b.id, 1, TaskStatus::Done).unwrap();
        let today = day("2026-11-22");
        assert_eq!(
            t.repo
                .unfinished_before(today)
                .unwrap()
                .iter()
                .map(|t| t.id)
                .collect::<Vec<_>>(),
            vec![a.id]
        );
        assert_eq!(t.repo.carry_tasks(&[a.id, b.id], today).unwrap(), 1);
        let carried = t.repo.task(a.id).unwrap();
        assert_eq!(
            (carried.day, carried.first_day, carried.carry_count),
            (today, mon, 1)
        );
        assert_eq!(t.repo.task_carries(a.id).unwrap().len(), 1);
        assert!(t.repo.unfinished_before(today).unwrap().is_empty());
    }

    #[test]
    fn move_task_reorders_within_the_day() {
        let t = db();
        let d = day("2026-11-22");
        let ids: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|n| t.repo.add_task(d, &draft(n)).unwrap().id)
            .collect();
        assert!(t.repo.move_task(ids[2], worklog::db::Move::Up).unwrap());
        assert!(!t.repo.move_task(ids[0], worklog::db::Move::Up).unwrap());
        let order: Vec<_> = t
            .repo
            .tasks_on(d)
            .unwrap()
            .iter()
            .map(|t| t.title.clone())
            .collect();
        assert_eq!(order, ["a", "c", "b"]);
    }

    #[test]
    fn bad_energy_level_names_the_field() {
        let t = db();
        let err = t
            .repo
            .add_checkin(&CheckinDraft {
                at: at("2026-11-22T09:00:00"),
                level: 7,
                note: String::new(),
                tags: vec![],
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "energy level must be 1–5, got 7");
    }

    #[test]
    fn energy_averages_by_day_and_hour() {
        let t = db();
        for (when, level) in [
            ("2026-11-21T09:10:00", 4),
            ("2026-11-21T15:00:00", 2),
            ("2026-11-22T09:45:00", 5),
        ] {
            t.repo
                .add_checkin(&CheckinDraft {
                    at: at(when),
                    level,
                    note: "x".into(),
                    tags: vec!["am".into()],
                })
                .unwrap();
        }
        let daily = t
            .repo
            .daily_energy(day("2026-11-01"), day("2026-11-22"))
            .unwrap();
        assert_eq!(daily.len(), 2);
        assert_eq!((daily[0].average, daily[0].count), (3.0, 2));
        let hourly = t
            .repo
            .hourly_energy(day("2026-11-01"), day("2026-11-22"))
            .unwrap();
        assert_eq!(
            hourly
                .iter()
                .map(|h| (h.key, h.average))
                .collect::<Vec<_>>(),
            vec![(9, 4.5), (15, 2.0)]
        );
        let listed = t
            .repo
            .checkins_between(day("2026-11-22"), day("2026-11-22"))
            .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].tags, vec!["am"]);
    }

    #[test]
    fn soft_delete_and_restore() {
        let t = db();
        let d = day("2026-11-22");
        let task = t.repo.add_task(d, &draft("Oops")).unwrap();
        t.repo.delete(Deletable::Task, task.id).unwrap();
        assert!(t.repo.tasks_on(d).unwrap().is_empty());
        assert!(matches!(t.repo.task(task.id), Err(Error::NotFound { .. })));
        t.repo.restore(Deletable::Task, task.id).unwrap();
        assert_eq!(t.repo.tasks_on(d).unwrap().len(), 1);
    }

    /// Carrying many tasks at once (set-based in SQL) does for each exactly what carrying them one
    /// by one did: open tasks from earlier days move to the end of the day's list in the order
    /// given, each counts one carry and gets one history row; finished, dropped, later and
    /// repeated ones are left alone.
    #[test]
    fn carrying_many_tasks_at_once_treats_every_row_like_one() {
        let t = db();
        let today = day("2026-11-22");
        let already = t.repo.add_task(today, &draft("Already today")).unwrap();
        let later = t
            .repo
            .add_task(day("2026-11-23"), &draft("Tomorrow"))
            .unwrap();
        let mut open = Vec::new();
        let mut skipped = vec![later.id, already.id];
        for i in 0..120 {
            let d = day("2026-10-01") + chrono::Days::new(i % 40);
            let task = t.repo.add_task(d, &draft(&format!("task {i}"))).unwrap();
            match i % 6 {
                0 => {
                    t.repo
                        .set_task_status(task.id, 1, TaskStatus::Done)
                        .unwrap();
                    skipped.push(task.id);
                }
                1 => {
                    t.repo
                        .set_task_status(task.id, 1, TaskStatus::Dropped)
                        .unwrap();
                    skipped.push(task.id);
                }
                2 => {
                    t.repo
                        .set_task_status(task.id, 1, TaskStatus::Doing)
                        .unwrap();
                    open.push(t.repo.task(task.id).unwrap());
                }
                _ => open.push(task),
            }
        }
        // Carried once before, so the count goes from 1 to 2.
        let twice = open[3].clone();
        assert_eq!(
            t.repo.carry_tasks(&[twice.id], day("2026-11-01")).unwrap(),
            1
        );
        let twice_from = day("2026-11-01");

        // Ask in a scrambled order, with repeats and the ones to skip mixed in.
        let mut ask: Vec<i64> = open.iter().rev().map(|t| t.id).collect();
        ask.swap(0, 7);
        ask.insert(5, ask[2]);
        ask.extend(skipped.iter().copied());
        ask.push(ask[0]);
        let mut wanted_order: Vec<i64> = Vec::new();
        for id in &ask {
            if open.iter().any(|t| t.id == *id) && !wanted_order.contains(id) {
                wanted_order.push(*id);
            }
        }
        assert_eq!(t.repo.carry_tasks(&ask, today).unwrap(), open.len());

        let on_day = t.repo.tasks_on(today).unwrap();
        let ids: Vec<i64> = on_day.iter().map(|t| t.id).collect();
        let mut expected = vec![already.id];
        expected.extend(&wanted_order);
        assert_eq!(ids, expected);
        for (pos, task) in on_day.iter().enumerate() {
            assert_eq!(task.position, pos as i64, "task {}", task.id);
        }
        for before in &open {
            let after = t.repo.task(before.id).unwrap();
            let (count, from) = if before.id == twice.id {
                (2, twice_from)
            } else {
                (1, before.day)
            };
            assert_eq!(
                (after.day, after.first_day, after.status, after.carry_count),
                (today, before.first_day, before.status, count),
                "task {}",
                before.id
            );
            assert_eq!(
                after.stamp.version,
                before.stamp.version + i64::from(count),
                "task {}",
                before.id
            );
            let carries = t.repo.task_carries(before.id).unwrap();
            assert_eq!(carries.len() as u32, count, "task {}", before.id);
            let last = carries.last().unwrap();
            assert_eq!(
                (last.from_day, last.to_day),
                (from, today),
                "task {}",
                before.id
            );
        }
        for id in &skipped {
            let task = t.repo.task(*id).unwrap();
            assert_eq!(task.carry_count, 0, "task {id}");
            assert!(t.repo.task_carries(*id).unwrap().is_empty(), "task {id}");
        }
        assert_eq!(t.repo.task(later.id).unwrap().day, day("2026-11-23"));
        assert!(t.repo.unfinished_before(today).unwrap().is_empty());
    }

    /// A missing (or deleted) task among those asked for refuses the whole carry: nothing moves.
    #[test]
    fn carrying_with_a_missing_task_moves_nothing() {
        let t = db();
        let mon = day("2026-11-16");
        let a = t.repo.add_task(mon, &draft("Open")).unwrap();
        let b = t.repo.add_task(mon, &draft("Deleted")).unwrap();
        t.repo.delete(Deletable::Task, b.id).unwrap();
        let today = day("2026-11-22");
        let err = t.repo.carry_tasks(&[a.id, b.id], today).unwrap_err();
        assert!(
            matches!(err, Error::NotFound { what: "task", id } if id == b.id),
            "{err:?}"
        );
        let err = t.repo.carry_tasks(&[a.id, 999_999], today).unwrap_err();
        assert!(
            matches!(
                err,
                Error::NotFound {
                    what: "task",
                    id: 999_999
                }
            ),
            "{err:?}"
        );
        let a = t.repo.task(a.id).unwrap();
        assert_eq!((a.day, a.carry_count), (mon, 0));
        assert!(t.repo.task_carries(a.id).unwrap().is_empty());
    }

    /// The Energy year heatmap reads a year of daily means in one grouped query: one row per
    /// day with check-ins, the window's ends included, deleted check-ins left out.
    #[test]
    fn a_year_of_daily_energy_is_one_row_per_day_with_check_ins() {
        let t = db();
        let mut gone = None;
        for (when, level) in [
            ("2025-11-16T23:59:00", 1), // the day before the window
            ("2025-11-17T08:00:00", 2), // its first day
            ("2026-03-01T08:00:00", 5),
            ("2026-03-01T18:00:00", 2),
            ("2026-11-22T23:30:00", 4), // its last day
            ("2026-11-22T07:00:00", 1),
        ] {
            let c = t
                .repo
                .add_checkin(&CheckinDraft {
                    at: at(when),
                    level,
                    note: String::new(),
                    tags: vec![],
                })
                .unwrap();
            gone = Some(c.id);
        }
        // The 07:00 check-in of the last day is deleted: that day's mean is 4.
        t.repo.delete(Deletable::Checkin, gone.unwrap()).unwrap();
        let year = t
            .repo
            .daily_energy(day("2025-11-17"), day("2026-11-22"))
            .unwrap();
        let got: Vec<(chrono::NaiveDate, f64, u32)> =
            year.iter().map(|a| (a.key, a.average, a.count)).collect();
        assert_eq!(
            got,
            vec![
                (day("2025-11-17"), 2.0, 1),
                (day("2026-03-01"), 3.5, 2),
                (day("2026-11-22"), 4.0, 1),
            ]
        );
    }

    #[test]
    fn an_edit_with_a_new_day_is_saved_and_moved_together_or_not_at_all() {
        let t = db();
        let d = day("2026-11-22");
        let task = t.repo.add_task(d, &draft("Plan")).unwrap();
        let mut edit = draft("Plan the week");
        edit.tags = vec![];
        let moved = t
            .repo
            .update_task_on(task.id, task.stamp.version, &edit, day("2026-11-24"))
            .unwrap();
        assert_eq!(
            (moved.title.as_str(), moved.day),
            ("Plan the week", day("2026-11-24"))
        );
        assert_eq!(t.repo.task_carries(task.id).unwrap().len(), 1);

        // Backwards is refused, and the edit with it.
        let err = t
            .repo
            .update_task_on(moved.id, moved.stamp.version, &draft("Back"), d)
            .unwrap_err();
        assert!(
            matches!(err, Error::Invalid { field: "day", .. }),
            "{err:?}"
        );
        assert_eq!(t.repo.task(task.id).unwrap().title, "Plan the week");

        // A finished task does not move, and is not edited either.
        let done = t
            .repo
            .set_task_status(moved.id, moved.stamp.version, TaskStatus::Done)
            .unwrap();
        let err = t
            .repo
            .update_task_on(
                done.id,
                done.stamp.version,
                &draft("Done?"),
                day("2026-11-30"),
            )
            .unwrap_err();
        assert!(
            matches!(err, Error::Invalid { field: "day", .. }),
            "{err:?}"
        );
        let kept = t.repo.task(task.id).unwrap();
        assert_eq!(
            (kept.title.as_str(), kept.day),
            ("Plan the week", day("2026-11-24"))
        );
    }

    #[test]
    fn several_tasks_are_marked_done_and_tagged_in_one_go() {
        let t = db();
        let d = day("2026-11-22");
        let mut plain = draft("A");
        plain.tags = vec!["old".into()];
        let a = t.repo.add_task(d, &plain).unwrap();
        let b = t.repo.add_task(d, &draft("B")).unwrap();
        let c = t.repo.add_task(d, &draft("C")).unwrap();
        assert_eq!(
            t.repo
                .set_tasks_status(&[a.id, b.id], TaskStatus::Done)
                .unwrap(),
            2
        );
        let status = |id| t.repo.task(id).unwrap().status;
        assert_eq!(
            (status(a.id), status(b.id), status(c.id)),
            (TaskStatus::Done, TaskStatus::Done, TaskStatus::Todo)
        );
        // A missing task refuses the whole change.
        let err = t
            .repo
            .set_tasks_status(&[c.id, 9999], TaskStatus::Done)
            .unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
        assert_eq!(status(c.id), TaskStatus::Todo);

        t.repo
            .tag_tasks(&[a.id, c.id], &["#review".to_string()])
            .unwrap();
        assert_eq!(t.repo.task(a.id).unwrap().tags, vec!["old", "review"]);
        assert_eq!(
            t.repo.task(c.id).unwrap().tags,
            vec!["deep-work", "review", "Rust"]
        );
        assert_eq!(
            t.repo.task(b.id).unwrap().tags,
            vec!["deep-work", "Rust"],
            "b is not marked"
        );
        assert!(
            t.repo
                .tag_tasks(&[a.id], &["bad\u{7}".to_string()])
                .is_err()
        );
    }
}
