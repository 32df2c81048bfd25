//! Skills and their recorded levels through the repository, on a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::Error;
use worklog::model::*;

fn draft(name: &str, category: &str) -> SkillDraft {
    SkillDraft {
        name: name.into(),
        category: category.into(),
        ..SkillDraft::default()
    }
}

on_both_backends! {
    #[test]
    fn skill_round_trip_edit_and_stale_edit() {
        let t = db();
        let org = t.repo.add_organization("Acme").unwrap();
        let mut d = draft(" Rust ", "Languages");
        d.description = "systems programming".into();
        d.target_level = Some(4);
        d.organization_id = Some(org.id);
        d.tags = vec!["#core".into()];
        let s = t.repo.add_skill(&d).unwrap();
        assert_eq!(s.name, "Rust");
        assert_eq!(s.category, "Languages");
        assert_eq!(s.target_level, Some(4));
        assert_eq!(s.organization_id, Some(org.id));
        assert_eq!(s.tags, vec!["core"]);
        assert_eq!((s.current_level, s.last_assessed), (None, None));
        assert!(s.history.is_empty());
        assert_eq!(s.gap(), Some(4));
        assert_eq!(t.repo.skill(s.id).unwrap(), s);

        let mut e = draft("Rust", "Programming");
        e.target_level = Some(5);
        let saved = t.repo.update_skill(s.id, 1, &e).unwrap();
        assert_eq!(saved.stamp.version, 2);
        assert_eq!(
            (
                saved.category.as_str(),
                saved.target_level,
                saved.organization_id
            ),
            ("Programming", Some(5), None)
        );
        assert!(saved.tags.is_empty());
        assert_eq!(t.repo.skill(s.id).unwrap(), saved);

        let err = t
            .repo
            .update_skill(s.id, 1, &draft("Stale", ""))
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
        assert_eq!(t.repo.skill(s.id).unwrap(), saved);
    }

    #[test]
    fn bad_target_and_duplicate_names_are_refused_by_field() {
        let t = db();
        let mut d = draft("Go", "");
        d.target_level = Some(6);
        match t.repo.add_skill(&d).unwrap_err() {
            Error::Invalid { field, message } => {
                assert_eq!(field, "target_level");
                assert_eq!(message, "skill target level must be 0–5, got 6");
            }
            other => panic!("{other:?}"),
        }
        let go = t.repo.add_skill(&draft("Go", "")).unwrap();
        let err = t.repo.add_skill(&draft("GO", "")).unwrap_err();
        assert!(
            matches!(err, Error::Invalid { field: "name", .. }),
            "{err:?}"
        );
        // Renaming to its own name is fine; a deleted skill's name is free again.
        t.repo.update_skill(go.id, 1, &draft("go", "")).unwrap();
        t.repo.delete(Deletable::Skill, go.id).unwrap();
        t.repo.add_skill(&draft("Go", "")).unwrap();
        assert_eq!(t.repo.skills().unwrap().len(), 1);
    }

    #[test]
    fn recording_levels_appends_history_oldest_first() {
        let t = db();
        let s = t.repo.add_skill(&draft("SQL", "Data")).unwrap();
        let a1 = t
            .repo
            .record_skill_level(s.id, 1, day("2026-01-10"), "  first look ")
            .unwrap();
        assert_eq!(
            (a1.skill_id, a1.level, a1.assessed_on, a1.note.as_str()),
            (s.id, 1, day("2026-01-10"), "first look")
        );
        t.repo
            .record_skill_level(s.id, 3, day("2026-06-01"), "")
            .unwrap();
        // The same day again is another row, not an overwrite.
        t.repo
            .record_skill_level(s.id, 4, day("2026-06-01"), "later that day")
            .unwrap();
        // Backdated: joins the history in date order and does not become the current level.
        t.repo
            .record_skill_level(s.id, 2, day("2026-03-01"), "backfilled")
            .unwrap();

        let history = t.repo.skill_history(s.id).unwrap();
        assert_eq!(
            history
                .iter()
                .map(|a| (a.level, a.assessed_on))
                .collect::<Vec<_>>(),
            vec![
                (1, day("2026-01-10")),
                (2, day("2026-03-01")),
                (3, day("2026-06-01")),
                (4, day("2026-06-01")),
            ]
        );
        let s = t.repo.skill(s.id).unwrap();
        assert_eq!(s.history, vec![1, 2, 3, 4]);
        assert_eq!(s.current_level, Some(4));
        assert_eq!(s.last_assessed, Some(day("2026-06-01")));
        assert_eq!(
            s.stamp.version, 1,
            "recording a level is not an edit of the skill"
        );
    }

    #[test]
    fn level_out_of_range_names_the_field_and_records_nothing() {
        let t = db();
        let s = t.repo.add_skill(&draft("SQL", "")).unwrap();
        let err = t
            .repo
            .record_skill_level(s.id, 9, day("2026-11-22"), "")
            .unwrap_err();
        match &err {
            Error::Invalid { field, message } => {
                assert_eq!(*field, "level");
                assert_eq!(message, "skill level must be 0–5, got 9");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(err.to_string(), "skill level must be 0–5, got 9");
        assert!(t.repo.skill_history(s.id).unwrap().is_empty());
        let err = t
            .repo
            .record_skill_level(999, 2, day("2026-11-22"), "")
            .unwrap_err();
        assert!(matches!(
            err,
            Error::NotFound {
                what: "skill",
                id: 999
            }
        ));
    }

    #[test]
    fn skills_list_by_category_then_name_each_with_its_own_history() {
        let t = db();
        let go = t.repo.add_skill(&draft("go", "Languages")).unwrap();
        let writing = t
            .repo
            .add_skill(&draft("Writing", "Communication"))
            .unwrap();
        let c = t.repo.add_skill(&draft("C", "Languages")).unwrap();
        let gone = t.repo.add_skill(&draft("Cobol", "Languages")).unwrap();
        t.repo.delete(Deletable::Skill, gone.id).unwrap();
        t.repo
            .record_skill_level(go.id, 2, day("2026-01-01"), "")
            .unwrap();
        t.repo
            .record_skill_level(go.id, 3, day("2026-02-01"), "")
            .unwrap();
        t.repo
            .record_skill_level(c.id, 1, day("2026-01-01"), "")
            .unwrap();

        let list = t.repo.skills().unwrap();
        assert_eq!(
            list.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            vec!["Writing", "C", "go"]
        );
        assert_eq!(list[0].id, writing.id);
        assert_eq!(
            (list[0].current_level, list[0].history.clone()),
            (None, vec![])
        );
        assert_eq!(
            (list[1].current_level, list[1].history.clone()),
            (Some(1), vec![1])
        );
        assert_eq!(
            (
                list[2].current_level,
                list[2].last_assessed,
                list[2].history.clone()
            ),
            (Some(3), Some(day("2026-02-01")), vec![2, 3])
        );
        assert!(matches!(t.repo.skill(gone.id), Err(Error::NotFound { .. })));
    }

    #[test]
    fn changes_between_report_before_and_after() {
        let t = db();
        let rust = t.repo.add_skill(&draft("Rust", "A")).unwrap();
        let sql = t.repo.add_skill(&draft("SQL", "A")).unwrap();
        let new = t.repo.add_skill(&draft("Kubernetes", "B")).unwrap();
        let flat = t.repo.add_skill(&draft("Writing", "B")).unwrap();
        let later = t.repo.add_skill(&draft("Zig", "B")).unwrap();

        t.repo
            .record_skill_level(rust.id, 2, day("2026-10-01"), "")
            .unwrap();
        t.repo
            .record_skill_level(rust.id, 3, day("2026-11-17"), "")
            .unwrap();
        t.repo
            .record_skill_level(rust.id, 4, day("2026-11-20"), "")
            .unwrap();
        t.repo
            .record_skill_level(sql.id, 3, day("2026-09-01"), "")
            .unwrap(); // no change in range
        t.repo
            .record_skill_level(new.id, 1, day("2026-11-16"), "")
            .unwrap(); // first ever
        t.repo
            .record_skill_level(flat.id, 2, day("2026-10-01"), "")
            .unwrap();
        t.repo
            .record_skill_level(flat.id, 2, day("2026-11-18"), "")
            .unwrap(); // same level again
        t.repo
            .record_skill_level(later.id, 5, day("2026-11-23"), "")
            .unwrap(); // after the range

        let changes = t
            .repo
            .skill_changes_between(day("2026-11-16"), day("2026-11-22"))
            .unwrap();
        assert_eq!(
            changes
                .iter()
                .map(|(s, before, after)| (s.name.as_str(), *before, *after))
                .collect::<Vec<_>>(),
            vec![("Rust", Some(2), 4), ("Kubernetes", None, 1)]
        );
        // The skill returned is the current one, with full history.
        assert_eq!(changes[0].0.history, vec![2, 3, 4]);
    }

    #[test]
    fn learnings_for_skill_newest_first_without_deleted() {
        let t = db();
        let s = t.repo.add_skill(&draft("Rust", "")).unwrap();
        let other = t.repo.add_skill(&draft("SQL", "")).unwrap();
        let add = |title: &str, when: &str, skills: Vec<Id>| {
            t.repo
                .add_learning(&LearningDraft {
                    at: Some(at(when)),
                    title: title.into(),
                    skill_ids: skills,
                    ..LearningDraft::default()
                })
                .unwrap()
        };
        add("older", "2026-11-01T10:00:00", vec![s.id]);
        add("newer", "2026-11-02T10:00:00", vec![s.id, other.id]);
        add("unrelated", "2026-11-03T10:00:00", vec![other.id]);
        let gone = add("deleted", "2026-11-04T10:00:00", vec![s.id]);
        t.repo.delete(Deletable::Learning, gone.id).unwrap();
        let list = t.repo.learnings_for_skill(s.id).unwrap();
        assert_eq!(
            list.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(),
            vec!["newer", "older"]
        );
        assert_eq!(list[0].skill_ids, vec![s.id, other.id]);
    }

    #[test]
    fn an_assessment_is_edited_and_a_stale_edit_is_refused() {
        let t = db();
        let s = t.repo.add_skill(&draft("Rust", "")).unwrap();
        let a = t
            .repo
            .record_skill_level(s.id, 2, day("2026-11-01"), "first go")
            .unwrap();
        t.repo
            .record_skill_level(s.id, 3, day("2026-11-10"), "")
            .unwrap();
        let edited = t
            .repo
            .update_assessment(&a, 4, day("2026-11-20"), " shipped it ")
            .unwrap();
        assert_eq!(
            (edited.level, edited.assessed_on, edited.note.as_str()),
            (4, day("2026-11-20"), "shipped it")
        );
        // The history stays in date order, and the skill's level follows the newest.
        let h = t.repo.skill_history(s.id).unwrap();
        assert_eq!(h.iter().map(|a| a.level).collect::<Vec<_>>(), vec![3, 4]);
        assert_eq!(t.repo.skill(s.id).unwrap().current_level, Some(4));
        // A copy of the row as it was before is refused, and nothing changes.
        let err = t
            .repo
            .update_assessment(&a, 1, day("2026-11-02"), "")
            .unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        assert!(
            t.repo
                .update_assessment(&edited, 6, day("2026-11-02"), "")
                .is_err()
        );
        assert_eq!(t.repo.skill_history(s.id).unwrap()[1].level, 4);
    }

    #[test]
    fn an_assessment_is_deleted() {
        let t = db();
        let s = t.repo.add_skill(&draft("Rust", "")).unwrap();
        let a = t
            .repo
            .record_skill_level(s.id, 2, day("2026-11-01"), "")
            .unwrap();
        let b = t
            .repo
            .record_skill_level(s.id, 3, day("2026-11-10"), "")
            .unwrap();
        t.repo.delete_assessment(b.id).unwrap();
        assert_eq!(t.repo.skill_history(s.id).unwrap(), vec![a]);
        assert_eq!(t.repo.skill(s.id).unwrap().current_level, Some(2));
        let err = t.repo.delete_assessment(b.id).unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    }
}
