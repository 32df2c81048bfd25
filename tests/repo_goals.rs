//! Goals, milestones and progress through the repository, on a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use chrono::NaiveDate;
use common::*;
use worklog::db::Error;
use worklog::model::*;

fn goal(title: &str, parent: Option<Id>) -> GoalDraft {
    GoalDraft {
        parent_id: parent,
        title: title.into(),
        ..GoalDraft::default()
    }
}

fn add(t: &TestDb, title: &str, parent: Option<Id>) -> Goal {
    t.repo.add_goal(&goal(title, parent)).unwrap()
}

fn tree_titles(t: &TestDb) -> Vec<String> {
    t.repo
        .goal_tree()
        .unwrap()
        .into_iter()
        .map(|g| g.title)
        .collect()
}

fn progress(t: &TestDb, id: Id) -> f64 {
    t.repo.goal(id).unwrap().progress
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Goals caught in a cycle of parents (only possible by editing the file by hand) are not in
/// the tree; reading one goal, or a window, walks up from the goal and must hide them too,
/// and must stop.
#[test]
#[allow(clippy::disallowed_types, clippy::disallowed_methods)]
fn goals_in_a_cycle_of_parents_stay_hidden_and_reading_them_stops() {
    let t = db();
    let a = add(&t, "A", None);
    let b = add(&t, "B", Some(a.id));
    let c = add(&t, "C", None);
    let d = add(&t, "D", Some(c.id));
    let e = add(&t, "E", Some(d.id));
    let conn = rusqlite::Connection::open(t.dir.path().join("worklog.db")).unwrap();
    conn.execute("UPDATE goals SET target_date = '2026-11-23'", [])
        .unwrap();
    // C under E, which is under D, which is under C.
    conn.execute(
        "UPDATE goals SET parent_id = ?1 WHERE id = ?2",
        [e.id, c.id],
    )
    .unwrap();
    drop(conn);
    assert_eq!(tree_titles(&t), ["A", "B"]);
    for id in [c.id, d.id, e.id] {
        assert!(
            matches!(t.repo.goal(id), Err(Error::NotFound { .. })),
            "goal {id}"
        );
        assert!(t.repo.add_milestone(id, "step", None).is_err(), "goal {id}");
    }
    let due: Vec<String> = t
        .repo
        .goals_due_between(day("2026-11-22"), day("2026-11-30"))
        .unwrap()
        .into_iter()
        .map(|g| g.title)
        .collect();
    assert_eq!(due, ["A", "B"]);
    assert_eq!(t.repo.goal(b.id).unwrap().parent_id, Some(a.id));
}

on_both_backends! {
    #[test]
    fn goal_round_trip_edit_and_stale_edit() {
        let t = db();
        let org = t.repo.add_organization("Acme").unwrap();
        let parent = add(&t, "Grow as an engineer", None);
        let mut d = goal(" Ship the storage layer ", Some(parent.id));
        d.organization_id = Some(org.id);
        d.description = "schema, repo, tests".into();
        d.target_date = Some(day("2026-12-31"));
        d.tags = vec!["q4".into()];
        let g = t.repo.add_goal(&d).unwrap();
        assert_eq!(g.title, "Ship the storage layer");
        assert_eq!(g.parent_id, Some(parent.id));
        assert_eq!(g.organization_id, Some(org.id));
        assert_eq!(g.target_date, Some(day("2026-12-31")));
        assert_eq!(g.status, GoalStatus::Active);
        assert_eq!((g.done_on, g.progress), (None, 0.0));
        assert_eq!(g.tags, vec!["q4"]);
        assert!(g.milestones.is_empty());
        assert_eq!(t.repo.goal(g.id).unwrap(), g);

        let saved = t
            .repo
            .update_goal(g.id, 1, &goal("Ship storage", None))
            .unwrap();
        assert_eq!(saved.stamp.version, 2);
        assert_eq!(
            (saved.parent_id, saved.target_date, saved.organization_id),
            (None, None, None)
        );
        assert_eq!(t.repo.goal(g.id).unwrap(), saved);

        let err = t
            .repo
            .update_goal(g.id, 1, &goal("Stale", None))
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
        assert_eq!(t.repo.goal(g.id).unwrap(), saved);
    }

    #[test]
    fn a_goal_cannot_sit_under_itself_or_its_own_sub_goal() {
        let t = db();
        let a = add(&t, "A", None);
        let b = add(&t, "B", Some(a.id));
        let c = add(&t, "C", Some(b.id));
        for parent in [b.id, c.id] {
            match t
                .repo
                .update_goal(a.id, 1, &goal("A", Some(parent)))
                .unwrap_err()
            {
                Error::Invalid { field, message } => {
                    assert_eq!(field, "parent");
                    assert_eq!(message, "a goal cannot sit under its own sub-goal");
                }
                other => panic!("{other:?}"),
            }
        }
        let err = t
            .repo
            .update_goal(a.id, 1, &goal("A", Some(a.id)))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: "parent",
                    ..
                }
            ),
            "{err:?}"
        );
        let err = t.repo.add_goal(&goal("orphan", Some(404))).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: "parent",
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(tree_titles(&t), vec!["A", "B", "C"]);
        // Moving a sub-goal up the tree is fine.
        t.repo.update_goal(c.id, 1, &goal("C", Some(a.id))).unwrap();
        assert_eq!(t.repo.goal(c.id).unwrap().parent_id, Some(a.id));
    }

    #[test]
    fn tree_lists_parents_before_children_siblings_in_order() {
        let t = db();
        let work = add(&t, "Work", None);
        let health = add(&t, "Health", None);
        let w1 = add(&t, "Work 1", Some(work.id));
        add(&t, "Health 1", Some(health.id));
        add(&t, "Work 2", Some(work.id));
        add(&t, "Work 1a", Some(w1.id));
        let life = add(&t, "Life", None);
        assert_eq!(
            tree_titles(&t),
            vec![
                "Work", "Work 1", "Work 1a", "Work 2", "Health", "Health 1", "Life"
            ]
        );
        // Moving a goal under another puts it last among its new siblings.
        t.repo
            .update_goal(life.id, 1, &goal("Life", Some(work.id)))
            .unwrap();
        assert_eq!(
            tree_titles(&t),
            vec![
                "Work", "Work 1", "Work 1a", "Work 2", "Life", "Health", "Health 1"
            ]
        );
    }

    #[test]
    fn progress_rolls_up_from_milestones_and_child_goals() {
        let t = db();
        let top = add(&t, "Top", None);
        // Top has one milestone (done) and three children.
        let m = t.repo.add_milestone(top.id, "Kickoff", None).unwrap();
        t.repo.set_milestone_done(m.id, m.version, true).unwrap();

        // Child A: two milestones, one done -> 0.5.
        let a = add(&t, "A", Some(top.id));
        let a1 = t.repo.add_milestone(a.id, "a1", None).unwrap();
        t.repo.add_milestone(a.id, "a2", None).unwrap();
        t.repo.set_milestone_done(a1.id, 1, true).unwrap();

        // Child B: no milestones, two children: B1 (1 of 3 milestones) and B2 (done) -> (1/3 + 1) / 2.
        let b = add(&t, "B", Some(top.id));
        let b1 = add(&t, "B1", Some(b.id));
        let b1m = t.repo.add_milestone(b1.id, "b1 x", None).unwrap();
        t.repo.add_milestone(b1.id, "b1 y", None).unwrap();
        t.repo.add_milestone(b1.id, "b1 z", None).unwrap();
        t.repo.set_milestone_done(b1m.id, 1, true).unwrap();
        let b2 = add(&t, "B2", Some(b.id));
        t.repo.add_milestone(b2.id, "unfinished", None).unwrap();
        t.repo.set_goal_status(b2.id, 1, GoalStatus::Done).unwrap();

        // Child C: dropped, so not counted at all.
        let c = add(&t, "C", Some(top.id));
        t.repo
            .set_goal_status(c.id, 1, GoalStatus::Dropped)
            .unwrap();

        // An empty goal is 0.0; a done goal is 1.0 whatever its milestones say.
        let empty = add(&t, "Empty", None);
        assert_eq!(progress(&t, empty.id), 0.0);
        assert_eq!(progress(&t, b2.id), 1.0);
        assert!(close(progress(&t, b1.id), 1.0 / 3.0));
        assert!(close(progress(&t, a.id), 0.5));
        let b_expected = (1.0 / 3.0 + 1.0) / 2.0;
        assert!(close(progress(&t, b.id), b_expected));
        assert_eq!(
            progress(&t, c.id),
            0.0,
            "a dropped goal keeps its own progress"
        );
        let top_expected = (1.0 + 0.5 + b_expected) / 3.0;
        assert!(close(progress(&t, top.id), top_expected));

        // The tree carries the same numbers as single loads.
        let tree = t.repo.goal_tree().unwrap();
        let top_in_tree = tree.iter().find(|g| g.id == top.id).unwrap();
        assert!(close(top_in_tree.progress, top_expected));
        assert_eq!(top_in_tree.milestones.len(), 1);

        // Deleting a child takes it out of the parent's progress; restoring brings it back.
        t.repo.delete(Deletable::Goal, a.id).unwrap();
        assert!(close(progress(&t, top.id), (1.0 + b_expected) / 2.0));
        t.repo.restore(Deletable::Goal, a.id).unwrap();
        assert!(close(progress(&t, top.id), top_expected));

        // Finishing the top goal makes it 1.0.
        let top_now = t.repo.goal(top.id).unwrap();
        t.repo
            .set_goal_status(top.id, top_now.stamp.version, GoalStatus::Done)
            .unwrap();
        assert_eq!(progress(&t, top.id), 1.0);
    }

    #[test]
    fn status_done_records_today_and_other_statuses_clear_it() {
        let t = db();
        let g = add(&t, "Run a 10k", None);
        let done = t.repo.set_goal_status(g.id, 1, GoalStatus::Done).unwrap();
        assert_eq!(done.status, GoalStatus::Done);
        assert_eq!(done.done_on, Some(day("2026-11-22")));
        t.clock.set(at("2026-11-25T08:00:00"));
        let again = t.repo.set_goal_status(g.id, 2, GoalStatus::Done).unwrap();
        assert_eq!(
            again.done_on,
            Some(day("2026-11-22")),
            "kept when already done"
        );
        let paused = t.repo.set_goal_status(g.id, 3, GoalStatus::Paused).unwrap();
        assert_eq!((paused.status, paused.done_on), (GoalStatus::Paused, None));
        let err = t
            .repo
            .set_goal_status(g.id, 3, GoalStatus::Active)
            .unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        assert_eq!(t.repo.goal(g.id).unwrap().status, GoalStatus::Paused);
    }

    #[test]
    fn milestone_round_trip_done_and_delete() {
        let t = db();
        let g = add(&t, "Learn Rust", None);
        let m1 = t
            .repo
            .add_milestone(g.id, " Read the book ", Some(day("2026-12-01")))
            .unwrap();
        let m2 = t.repo.add_milestone(g.id, "Write a CLI", None).unwrap();
        assert_eq!(m1.title, "Read the book");
        assert_eq!(m1.due_date, Some(day("2026-12-01")));
        assert_eq!((m1.done_on, m1.version, m1.goal_id), (None, 1, g.id));
        assert!(m2.position > m1.position);
        assert_eq!(
            t.repo.goal(g.id).unwrap().milestones,
            vec![m1.clone(), m2.clone()]
        );

        let edited = t
            .repo
            .update_milestone(m1.id, 1, "Read the whole book", None)
            .unwrap();
        assert_eq!(
            (edited.title.as_str(), edited.due_date, edited.version),
            ("Read the whole book", None, 2)
        );
        let err = t
            .repo
            .update_milestone(m1.id, 1, "Stale", None)
            .unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        let err = t.repo.add_milestone(g.id, "  ", None).unwrap_err();
        assert!(
            matches!(err, Error::Invalid { field: "title", .. }),
            "{err:?}"
        );
        let err = t.repo.add_milestone(404, "x", None).unwrap_err();
        assert!(
            matches!(err, Error::NotFound { what: "goal", .. }),
            "{err:?}"
        );

        let done = t.repo.set_milestone_done(m1.id, 2, true).unwrap();
        assert_eq!(done.done_on, Some(day("2026-11-22")));
        assert!(close(progress(&t, g.id), 0.5));
        let undone = t.repo.set_milestone_done(m1.id, 3, false).unwrap();
        assert_eq!(undone.done_on, None);

        t.repo.delete_milestone(m2.id).unwrap();
        assert_eq!(t.repo.goal(g.id).unwrap().milestones, vec![undone]);
        assert!(matches!(
            t.repo.delete_milestone(m2.id),
            Err(Error::NotFound { .. })
        ));
    }

    #[test]
    fn report_queries_for_due_done_and_milestones() {
        let t = db();
        let due_in = add(&t, "due in range", None);
        let paused = add(&t, "paused, due in range", None);
        let due_out = add(&t, "due after", None);
        let done_g = add(&t, "finished", None);
        for (g, date) in [
            (&due_in, "2026-11-20"),
            (&paused, "2026-11-17"),
            (&due_out, "2026-11-30"),
            (&done_g, "2026-11-18"),
        ] {
            t.repo
                .update_goal(
                    g.id,
                    1,
                    &GoalDraft {
                        target_date: Some(day(date)),
                        ..goal(&g.title, None)
                    },
                )
                .unwrap();
        }
        t.repo
            .set_goal_status(paused.id, 2, GoalStatus::Paused)
            .unwrap();
        t.clock.set(at("2026-11-19T12:00:00"));
        t.repo
            .set_goal_status(done_g.id, 2, GoalStatus::Done)
            .unwrap();
        let m = t.repo.add_milestone(due_in.id, "first step", None).unwrap();
        t.repo.set_milestone_done(m.id, 1, true).unwrap();
        let sub = add(&t, "sub-goal", Some(done_g.id));
        let sm = t.repo.add_milestone(sub.id, "sub step", None).unwrap();
        t.repo.set_milestone_done(sm.id, 1, true).unwrap();

        let (from, to) = (day("2026-11-16"), day("2026-11-22"));
        let due: Vec<String> = t
            .repo
            .goals_due_between(from, to)
            .unwrap()
            .into_iter()
            .map(|g| g.title)
            .collect();
        assert_eq!(due, vec!["paused, due in range", "due in range"]);
        let done: Vec<(String, Option<NaiveDate>)> = t
            .repo
            .goals_done_between(from, to)
            .unwrap()
            .into_iter()
            .map(|g| (g.title, g.done_on))
            .collect();
        assert_eq!(
            done,
            vec![("finished".to_string(), Some(day("2026-11-19")))]
        );
        let steps: Vec<(String, String)> = t
            .repo
            .milestones_done_between(from, to)
            .unwrap()
            .into_iter()
            .map(|(m, goal)| (m.title, goal))
            .collect();
        assert_eq!(
            steps,
            vec![
                ("first step".to_string(), "due in range".to_string()),
                ("sub step".to_string(), "sub-goal".to_string()),
            ]
        );

        // Deleting a goal hides it, its sub-goals and their milestones from every report.
        t.repo.delete(Deletable::Goal, done_g.id).unwrap();
        assert!(t.repo.goals_done_between(from, to).unwrap().is_empty());
        assert_eq!(t.repo.milestones_done_between(from, to).unwrap().len(), 1);
        assert!(matches!(t.repo.goal(sub.id), Err(Error::NotFound { .. })));
        assert!(matches!(
            t.repo.set_milestone_done(sm.id, 2, false),
            Err(Error::NotFound { .. })
        ));
        assert!(!tree_titles(&t).contains(&"sub-goal".to_string()));
        t.repo.restore(Deletable::Goal, done_g.id).unwrap();
        assert_eq!(t.repo.milestones_done_between(from, to).unwrap().len(), 2);
        assert!(tree_titles(&t).contains(&"sub-goal".to_string()));
    }

    /// One goal, and the goals due or done in a window, are read without the whole tree; they must
    /// still equal what the whole tree says: the same goal, tags, milestones and rolled-up
    /// progress, and the same goals hidden under a deleted one.
    #[test]
    fn one_goal_and_report_windows_agree_with_the_whole_tree() {
        let t = db();
        let mut all = Vec::new();
        // Three levels: roots, children, grandchildren, with milestones, statuses and dates.
        for r in 0..3 {
            let root = add(&t, &format!("root {r}"), None);
            all.push(root.id);
            for c in 0..3 {
                let child = t
                    .repo
                    .add_goal(&GoalDraft {
                        tags: vec![format!("t{c}")],
                        target_date: Some(day("2026-11-16") + chrono::Days::new(c * 3)),
                        ..goal(&format!("child {r}.{c}"), Some(root.id))
                    })
                    .unwrap();
                all.push(child.id);
                for k in 0..2 {
                    let leaf = t
                        .repo
                        .add_goal(&GoalDraft {
                            target_date: Some(day("2026-11-17") + chrono::Days::new(k)),
                            ..goal(&format!("leaf {r}.{c}.{k}"), Some(child.id))
                        })
                        .unwrap();
                    all.push(leaf.id);
                    let m = t.repo.add_milestone(leaf.id, "step", None).unwrap();
                    t.repo.add_milestone(leaf.id, "next", None).unwrap();
                    if (r + c + k) % 2 == 0 {
                        t.repo.set_milestone_done(m.id, 1, true).unwrap();
                    }
                    match (r + c + k) % 4 {
                        1 => {
                            t.repo
                                .set_goal_status(leaf.id, 1, GoalStatus::Done)
                                .unwrap();
                        }
                        2 => {
                            t.repo
                                .set_goal_status(leaf.id, 1, GoalStatus::Dropped)
                                .unwrap();
                        }
                        3 => {
                            t.repo
                                .set_goal_status(leaf.id, 1, GoalStatus::Paused)
                                .unwrap();
                        }
                        _ => {}
                    }
                }
                if c == 1 {
                    t.repo
                        .set_goal_status(child.id, 1, GoalStatus::Done)
                        .unwrap();
                }
            }
        }
        // Hide one middle goal (and so its leaves), and one root (and so its whole subtree).
        let tree = t.repo.goal_tree().unwrap();
        let middle = tree.iter().find(|g| g.title == "child 0.2").unwrap().id;
        let root = tree.iter().find(|g| g.title == "root 2").unwrap().id;
        t.repo.delete(Deletable::Goal, middle).unwrap();
        t.repo.delete(Deletable::Goal, root).unwrap();

        let tree = t.repo.goal_tree().unwrap();
        assert_eq!(tree.len(), 30 - 10 - 3, "the live tree");
        for id in &all {
            match tree.iter().find(|g| g.id == *id) {
                Some(g) => assert_eq!(&t.repo.goal(*id).unwrap(), g),
                None => assert!(
                    matches!(t.repo.goal(*id), Err(Error::NotFound { .. })),
                    "goal {id} is hidden"
                ),
            }
        }
        let (from, to) = (day("2026-11-16"), day("2026-11-22"));
        let mut due: Vec<Goal> = tree
            .iter()
            .filter(|g| matches!(g.status, GoalStatus::Active | GoalStatus::Paused))
            .filter(|g| g.target_date.is_some_and(|d| d >= from && d <= to))
            .cloned()
            .collect();
        due.sort_by_key(|g| (g.target_date, g.id));
        assert!(due.len() > 4);
        assert_eq!(t.repo.goals_due_between(from, to).unwrap(), due);
        let mut done: Vec<Goal> = tree
            .iter()
            .filter(|g| g.status == GoalStatus::Done)
            .cloned()
            .collect();
        done.sort_by_key(|g| (g.done_on, g.id));
        assert!(done.len() > 2);
        assert_eq!(t.repo.goals_done_between(from, to).unwrap(), done);
        assert!(
            t.repo
                .goals_done_between(day("2026-11-23"), day("2026-12-31"))
                .unwrap()
                .is_empty()
        );
    }
}
