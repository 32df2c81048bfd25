//! Journal entries through the repository, on a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::Error;
use worklog::model::*;

fn entry(title: &str, body: &str) -> LearningDraft {
    LearningDraft {
        title: title.into(),
        body: body.into(),
        ..LearningDraft::default()
    }
}

fn titles(list: &[Learning]) -> Vec<&str> {
    list.iter().map(|l| l.title.as_str()).collect()
}

fn skill(t: &TestDb, name: &str) -> Skill {
    t.repo
        .add_skill(&SkillDraft {
            name: name.into(),
            ..SkillDraft::default()
        })
        .unwrap()
}

on_both_backends! {
    #[test]
    fn learning_round_trip_edit_and_stale_edit() {
        let t = db();
        let sql = skill(&t, "SQL");
        let mut draft = entry(
            "  Partial indexes  ",
            "WHERE deleted_at IS NULL\nkeeps it small",
        );
        draft.tags = vec!["#sqlite".into(), "db".into()];
        draft.skill_ids = vec![sql.id, sql.id];
        let added = t.repo.add_learning(&draft).unwrap();
        assert_eq!(added.title, "Partial indexes");
        assert_eq!(added.at, at("2026-11-22T09:30:00"), "no time means now");
        assert_eq!(added.body, "WHERE deleted_at IS NULL\nkeeps it small");
        assert_eq!(added.tags, vec!["db", "sqlite"]);
        assert_eq!(added.skill_ids, vec![sql.id]);
        assert!(!added.starred);
        assert_eq!(added.stamp.version, 1);
        assert_eq!(t.repo.learning(added.id).unwrap(), added);

        let mut edit = entry("Partial unique indexes", "");
        edit.at = Some(at("2026-11-21T17:00:00"));
        edit.starred = true;
        let saved = t.repo.update_learning(added.id, 1, &edit).unwrap();
        assert_eq!(saved.stamp.version, 2);
        assert_eq!(saved.at, at("2026-11-21T17:00:00"));
        assert!(saved.starred);
        assert!(saved.tags.is_empty() && saved.skill_ids.is_empty());
        assert_eq!(t.repo.learning(added.id).unwrap(), saved);

        // Without a time, an edit keeps the entry's time.
        let kept = t
            .repo
            .update_learning(added.id, 2, &entry("Partial unique indexes", "x"))
            .unwrap();
        assert_eq!(kept.at, at("2026-11-21T17:00:00"));

        // A second session saves first; our stale save is refused and changes nothing.
        let other = second_session(&t);
        other
            .update_learning(added.id, 3, &entry("Theirs", ""))
            .unwrap();
        let err = t
            .repo
            .update_learning(added.id, 3, &entry("Mine", ""))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Conflict {
                    yours: 3,
                    current: 4,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(t.repo.learning(added.id).unwrap().title, "Theirs");
    }

    #[test]
    fn empty_title_names_the_field_and_writes_nothing() {
        let t = db();
        let err = t.repo.add_learning(&entry("   ", "body")).unwrap_err();
        match err {
            Error::Invalid { field, message } => {
                assert_eq!(field, "title");
                assert_eq!(message, "journal title must not be empty");
            }
            other => panic!("{other:?}"),
        }
        let err = t
            .repo
            .add_learning(&LearningDraft {
                title: "x".into(),
                skill_ids: vec![99],
                ..LearningDraft::default()
            })
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: "skills",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(
            t.repo
                .learnings(&LearningFilter::default())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn filters_by_text_tag_star_and_skill_newest_first() {
        let t = db();
        let rust = skill(&t, "Rust");
        let add =
            |title: &str, body: &str, when: &str, tags: &[&str], starred: bool, skills: Vec<Id>| {
                t.repo
                    .add_learning(&LearningDraft {
                        at: Some(at(when)),
                        title: title.into(),
                        body: body.into(),
                        starred,
                        tags: tags.iter().map(|s| s.to_string()).collect(),
                        skill_ids: skills,
                    })
                    .unwrap()
            };
        add(
            "Borrow checker",
            "lifetimes",
            "2026-11-20T10:00:00",
            &["rust"],
            false,
            vec![rust.id],
        );
        add(
            "WAL mode",
            "readers never block",
            "2026-11-21T10:00:00",
            &["sqlite"],
            true,
            vec![],
        );
        add(
            "Discount",
            "50% off_peak",
            "2026-11-22T08:00:00",
            &[],
            false,
            vec![],
        );
        add(
            "Percent",
            "5000 offxpeak",
            "2026-11-22T08:30:00",
            &[],
            true,
            vec![],
        );

        let all = t.repo.learnings(&LearningFilter::default()).unwrap();
        assert_eq!(
            titles(&all),
            vec!["Percent", "Discount", "WAL mode", "Borrow checker"]
        );

        let by_text = |s: &str| {
            titles(
                &t.repo
                    .learnings(&LearningFilter {
                        text: Some(s.into()),
                        ..LearningFilter::default()
                    })
                    .unwrap(),
            )
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
        };
        assert_eq!(by_text("wal"), vec!["WAL mode"], "title, ignoring case");
        assert_eq!(by_text("NEVER"), vec!["WAL mode"], "body, ignoring case");
        // % and _ are literal: "50%" must not match "5000", "off_peak" must not match "offxpeak".
        assert_eq!(by_text("50%"), vec!["Discount"]);
        assert_eq!(by_text("off_peak"), vec!["Discount"]);
        assert_eq!(by_text("  "), by_text(""), "blank text does not filter");
        assert_eq!(by_text("').--"), Vec::<String>::new());

        let tagged = t
            .repo
            .learnings(&LearningFilter {
                tag: Some("#SQLite".into()),
                ..LearningFilter::default()
            })
            .unwrap();
        assert_eq!(titles(&tagged), vec!["WAL mode"]);

        let starred = t
            .repo
            .learnings(&LearningFilter {
                starred_only: true,
                ..LearningFilter::default()
            })
            .unwrap();
        assert_eq!(titles(&starred), vec!["Percent", "WAL mode"]);

        let for_skill = t
            .repo
            .learnings(&LearningFilter {
                skill_id: Some(rust.id),
                ..LearningFilter::default()
            })
            .unwrap();
        assert_eq!(titles(&for_skill), vec!["Borrow checker"]);
        assert_eq!(for_skill[0].skill_ids, vec![rust.id]);

        let combined = t
            .repo
            .learnings(&LearningFilter {
                text: Some("o".into()),
                starred_only: true,
                ..LearningFilter::default()
            })
            .unwrap();
        assert_eq!(titles(&combined), vec!["Percent", "WAL mode"]);
    }

    #[test]
    fn star_toggle_is_versioned() {
        let t = db();
        let l = t.repo.add_learning(&entry("Star me", "")).unwrap();
        let starred = t.repo.set_learning_starred(l.id, 1, true).unwrap();
        assert!(starred.starred);
        assert_eq!(starred.stamp.version, 2);
        let err = t.repo.set_learning_starred(l.id, 1, false).unwrap_err();
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        assert!(t.repo.learning(l.id).unwrap().starred);
    }

    #[test]
    fn between_is_inclusive_oldest_first_and_skips_deleted() {
        let t = db();
        for (title, when) in [
            ("before", "2026-11-15T23:59:59"),
            ("first day", "2026-11-16T00:00:00"),
            ("last day", "2026-11-22T23:59:59"),
            ("middle", "2026-11-18T12:00:00"),
            ("after", "2026-11-23T00:00:00"),
        ] {
            t.repo
                .add_learning(&LearningDraft {
                    at: Some(at(when)),
                    ..entry(title, "")
                })
                .unwrap();
        }
        let week = t
            .repo
            .learnings_between(day("2026-11-16"), day("2026-11-22"))
            .unwrap();
        assert_eq!(titles(&week), vec!["first day", "middle", "last day"]);

        t.repo.delete(Deletable::Learning, week[1].id).unwrap();
        let week = t
            .repo
            .learnings_between(day("2026-11-16"), day("2026-11-22"))
            .unwrap();
        assert_eq!(titles(&week), vec!["first day", "last day"]);
        assert_eq!(
            t.repo.learnings(&LearningFilter::default()).unwrap().len(),
            4
        );
    }

    #[test]
    fn a_deleted_skill_is_hidden_from_entries_but_its_link_survives_an_edit() {
        let t = db();
        let keep = skill(&t, "Writing");
        let gone = skill(&t, "Perl");
        let l = t
            .repo
            .add_learning(&LearningDraft {
                skill_ids: vec![keep.id, gone.id],
                ..entry("Regex", "")
            })
            .unwrap();
        t.repo.delete(Deletable::Skill, gone.id).unwrap();
        let shown = t.repo.learning(l.id).unwrap();
        assert_eq!(shown.skill_ids, vec![keep.id]);

        // The form saves what it showed; the hidden link is not dropped.
        let draft = LearningDraft {
            skill_ids: shown.skill_ids.clone(),
            ..entry("Regexes", "")
        };
        t.repo.update_learning(l.id, 1, &draft).unwrap();
        t.repo.restore(Deletable::Skill, gone.id).unwrap();
        assert_eq!(
            t.repo.learning(l.id).unwrap().skill_ids,
            vec![keep.id, gone.id]
        );
        // A deleted skill cannot be newly linked.
        let err = t
            .repo
            .update_learning(
                l.id,
                2,
                &LearningDraft {
                    skill_ids: vec![99],
                    ..entry("Regexes", "")
                },
            )
            .unwrap_err();
        assert!(matches!(
            err,
            Error::Invalid {
                field: "skills",
                ..
            }
        ));
    }

    #[test]
    fn deleted_entries_leave_every_list_and_come_back() {
        let t = db();
        let l = t.repo.add_learning(&entry("Gone", "")).unwrap();
        t.repo.delete(Deletable::Learning, l.id).unwrap();
        assert!(matches!(t.repo.learning(l.id), Err(Error::NotFound { .. })));
        assert!(
            t.repo
                .learnings(&LearningFilter::default())
                .unwrap()
                .is_empty()
        );
        let err = t
            .repo
            .update_learning(l.id, 2, &entry("x", ""))
            .unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
        t.repo.restore(Deletable::Learning, l.id).unwrap();
        assert_eq!(
            t.repo.learnings(&LearningFilter::default()).unwrap().len(),
            1
        );
    }

    #[test]
    fn learning_tags_count_live_entries_only() {
        let t = db();
        let r = &t.repo;
        let tagged = |title: &str, tags: &[&str]| {
            r.add_learning(&LearningDraft {
                tags: tags.iter().map(|s| s.to_string()).collect(),
                ..entry(title, "")
            })
            .unwrap()
        };
        tagged("a", &["rust", "db"]);
        tagged("b", &["rust"]);
        let gone = tagged("c", &["db", "gone"]);
        r.delete(Deletable::Learning, gone.id).unwrap();
        // A tag only a task carries is not a journal tag.
        r.add_task(
            day("2026-11-22"),
            &TaskDraft {
                title: "t".into(),
                tags: vec!["taskonly".into()],
                ..TaskDraft::default()
            },
        )
        .unwrap();
        let got: Vec<(String, i64)> = r
            .learning_tags()
            .unwrap()
            .into_iter()
            .map(|t| (t.name, t.uses))
            .collect();
        assert_eq!(got, vec![("db".to_string(), 1), ("rust".to_string(), 2)]);
        r.restore(Deletable::Learning, gone.id).unwrap();
        let names: Vec<String> = r
            .learning_tags()
            .unwrap()
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(names, ["db", "gone", "rust"]);
    }

    #[test]
    fn the_journal_list_pages_by_key_newest_first_and_filters_in_sql() {
        let t = db();
        let r = &t.repo;
        let add = |title: &str, when: &str, tags: &[&str], starred: bool| {
            r.add_learning(&LearningDraft {
                at: Some(at(when)),
                title: title.into(),
                body: format!("notes on {title}"),
                starred,
                tags: tags.iter().map(|s| s.to_string()).collect(),
                skill_ids: Vec::new(),
            })
            .unwrap()
        };
        add("old", "2026-10-01T09:00:00", &["sql"], false);
        let a = add("tie A", "2026-11-01T09:00:00", &[], true);
        add("tie B", "2026-11-01T09:00:00", &["rust"], false);
        add("new", "2026-11-20T09:00:00", &["rust"], false);
        let gone = add("deleted", "2026-11-10T09:00:00", &[], false);
        r.delete(Deletable::Learning, gone.id).unwrap();
        let all = LearningFilter::default();
        let mut seen = Vec::new();
        let mut from = None;
        loop {
            let dir = PageDir::Down { inclusive: false };
            let page = r.learning_page(&all, from, dir, 1).unwrap();
            let Some(l) = page.first() else { break };
            from = Some((l.at, l.id));
            seen.push(l.title.clone());
        }
        assert_eq!(seen, ["new", "tie B", "tie A", "old"]);
        assert_eq!(r.learning_count(&all).unwrap(), 4);
        let key = r.learning_key(a.id).unwrap().unwrap();
        assert_eq!(r.learning_rank(&all, key).unwrap(), 2);
        assert_eq!(r.learning_count_before(&all, Some(key)).unwrap(), (4, 2));
        assert_eq!(r.learning_count_before(&all, None).unwrap(), (4, 0));
        let up = r.learning_page(&all, Some(key), PageDir::Up, 9).unwrap();
        assert_eq!(
            up.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(),
            ["new", "tie B"]
        );
        assert_eq!(up[1].tags, ["rust"]);
        assert_eq!(r.learning_key(gone.id).unwrap(), None);
        // Text matches a title, a body or a tag; with the tag and starred filters on top.
        let f = |text: Option<&str>, tag: Option<&str>, starred_only: bool| LearningFilter {
            text: text.map(Into::into),
            tag: tag.map(Into::into),
            starred_only,
            skill_id: None,
        };
        for (filter, want) in [
            (f(Some("TIE"), None, false), 2),
            (f(Some("notes on old"), None, false), 1),
            (f(Some("rus"), None, false), 2),
            (f(None, Some("#rust"), false), 2),
            (f(Some("tie"), Some("rust"), false), 1),
            (f(None, None, true), 1),
            (f(Some("100%"), None, false), 0),
        ] {
            assert_eq!(r.learning_count(&filter).unwrap(), want, "{filter:?}");
            let page = r
                .learning_page(&filter, None, PageDir::Down { inclusive: true }, 9)
                .unwrap();
            assert_eq!(page.len(), want, "{filter:?}");
        }
    }

    /// The journal list's `/` filter goes through a trigram index for texts of three letters or
    /// more: after a bulk load (demo data), edits, a deletion and a new entry, it finds exactly
    /// the entries whose title, text or a tag contains the text ignoring case, newest first, as
    /// reading every entry does.
    #[test]
    fn the_list_filter_finds_through_its_index_what_reading_every_entry_finds() {
        let t = db();
        let today = worklog::clock::Clock::today(&*t.clock);
        worklog::demo::generate(&t.repo, 4_000, 7, today).unwrap();
        let r = &t.repo;
        let all = r.learnings(&LearningFilter::default()).unwrap();
        let (a, b) = (&all[0], &all[1]);
        let a1 = r
            .update_learning(a.id, a.stamp.version, &entry("Wombat diary", "first"))
            .unwrap();
        r.update_learning(
            a.id,
            a1.stamp.version,
            &entry("Quokka ÉTÉ notes", "100% done"),
        )
        .unwrap();
        r.delete(Deletable::Learning, b.id).unwrap();
        r.add_learning(&entry("Zebra", "Straße works")).unwrap();
        let all = r.learnings(&LearningFilter::default()).unwrap();
        for needle in [
            "quokka", "wombat", "été", "ÉTÉ", "review", "rev", "re", "e", "STRAẞE", "notes on", "til:",
            "100%", "zzz-none", "oncall", "hiring", "学习", "学",
        ] {
            let lower = needle.to_lowercase();
            let want: Vec<Id> = all
                .iter()
                .filter(|l| {
                    [&l.title, &l.body]
                        .into_iter()
                        .chain(&l.tags)
                        .any(|h| h.to_lowercase().contains(&lower))
                })
                .map(|l| l.id)
                .collect();
            let f = LearningFilter {
                text: Some(needle.into()),
                ..LearningFilter::default()
            };
            let got: Vec<Id> = r
                .learning_page(&f, None, PageDir::Down { inclusive: true }, 100_000)
                .unwrap()
                .iter()
                .map(|l| l.id)
                .collect();
            assert_eq!(got, want, "{needle}");
            assert_eq!(r.learning_count(&f).unwrap(), want.len(), "{needle}");
        }
        assert!(
            all.iter().any(|l| l.title == "Quokka ÉTÉ notes"),
            "the edit is listed"
        );
    }
    #[test]
    fn the_filter_finds_the_same_entries_however_it_is_planned() {
        // On PostgreSQL a text with a word after a space or punctuation is first narrowed
        // down by the search index's words (search_docs.tsv); what matches must not change.
        let t = db();
        let long_tail = format!("{}the end marker here", "lorem ipsum ".repeat(9_000));
        let entries = [
            ("Rust lifetimes", "borrows end early"),
            ("Trust the lifecycle", ""),
            ("rust-lang book", "chapter ten"),
            ("Café au lait", "with CAFÉ crème"),
            ("Long one", long_tail.as_str()),
            ("Kelvin", "a temperature in \u{212A}elvin"),
            ("Snake", "foo_bar baz"),
            ("Marks", "abc\u{E000}def gh"),
        ];
        for (i, (title, body)) in entries.iter().enumerate() {
            let mut draft = entry(title, body);
            draft.at = Some(at(&format!("2026-11-{:02}T09:00:00", i + 1)));
            if *title == "Snake" {
                draft.tags = vec!["lang-notes".into()];
            }
            t.repo.add_learning(&draft).unwrap();
        }
        let cases: &[(&str, &[&str])] = &[
            ("rust li", &["Rust lifetimes"]),
            ("t li", &["Rust lifetimes"]),
            ("the lifec", &["Trust the lifecycle"]),
            ("-lang book", &["rust-lang book"]),
            ("LANG BO", &["rust-lang book"]),
            ("au lait", &["Café au lait"]),
            ("fé au", &["Café au lait"]),
            ("with café", &["Café au lait"]),
            ("with cafe", &[]),
            ("end marker", &["Long one"]),
            ("n kelvin", &["Kelvin"]),
            ("o_bar baz", &["Snake"]),
            ("def gh", &["Marks"]),
            ("c def", &[]),
            ("lang", &["rust-lang book", "Snake"]),
            ("nothing here", &[]),
            ("r l", &[]),
            ("st l", &["Rust lifetimes"]),
        ];
        for (text, expected) in cases {
            let filter = LearningFilter {
                text: Some((*text).into()),
                ..LearningFilter::default()
            };
            let page = t
                .repo
                .learning_page(&filter, None, PageDir::Down { inclusive: true }, 50)
                .unwrap();
            let mut found: Vec<&str> = page.iter().map(|l| l.title.as_str()).collect();
            found.sort_unstable();
            let mut want = expected.to_vec();
            want.sort_unstable();
            assert_eq!(found, want, "{text:?}");
            assert_eq!(t.repo.learning_count(&filter).unwrap(), want.len(), "{text:?}");
        }
    }
}
