//! Names that differ only by accents or case are the same person or tag.
// The upgrade test writes a version-5 database by hand, as an older worklog left it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::disallowed_types,
    clippy::disallowed_methods
)]

mod common;
use common::bin::worklog;
use rusqlite::Connection;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::Repo;

const NOW: &str = "2026-11-25T10:00:00";

#[test]
fn the_key_folds_accents_case_and_spaces() {
    use worklog::text::name_key;
    assert_eq!(name_key("Inès Dubois"), "ines dubois");
    assert_eq!(name_key("  INÈS   dubois "), "ines dubois");
    assert_eq!(name_key("Ines Dubois"), name_key("inès DUBOIS"));
    assert_eq!(name_key("Zoë"), name_key("ZOE"));
    assert_eq!(name_key("Chen Wei 陈伟"), "chen wei 陈伟");
    assert_ne!(name_key("Ana"), name_key("Anna"));
}

#[test]
fn feedback_for_a_name_without_its_accent_goes_to_the_existing_person() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let first = worklog(
        data,
        NOW,
        &[
            "add",
            "feedback",
            "--given",
            "--person",
            "Inès Dubois",
            "Nice",
            "demo",
        ],
    )
    .ok();
    assert!(!first.stdout.contains("existing"), "{}", first.stdout);
    for typed in ["Ines Dubois", "INÈS DUBOIS", "ines  dubois"] {
        let run = worklog(
            data,
            NOW,
            &["add", "feedback", "--received", "--person", typed, "Thanks"],
        )
        .ok();
        assert!(run.stdout.contains("Inès Dubois"), "{}", run.stdout);
        // Says which existing person it used for what was typed.
        assert!(
            run.stdout.contains("existing person") && run.stdout.contains(typed),
            "{}",
            run.stdout
        );
    }
    let repo = Repo::open(
        &data.join("worklog.db"),
        Arc::new(FixedClock::new(common::at(NOW))),
    )
    .unwrap();
    let people = repo.people(None).unwrap();
    assert_eq!(people.len(), 1, "{people:?}");

    for query in ["person:INÈS", "person:ines", "person:Dubois"] {
        let run = worklog(data, NOW, &["search", query]).ok();
        assert!(run.stdout.contains("Thanks"), "{query}: {}", run.stdout);
    }
}

#[test]
fn tags_that_differ_by_accent_or_case_are_one_tag() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "task", "Espresso", "--tag", "café"]).ok();
    let run = worklog(data, NOW, &["add", "task", "Latte", "--tag", "CAFE"]).ok();
    assert!(
        run.stdout.contains("existing tag") && run.stdout.contains("café"),
        "{}",
        run.stdout
    );
    let repo = Repo::open(
        &data.join("worklog.db"),
        Arc::new(FixedClock::new(common::at(NOW))),
    )
    .unwrap();
    let tags: Vec<String> = repo.tags().unwrap().into_iter().map(|t| t.name).collect();
    assert_eq!(tags, ["café"]);
    let run = worklog(data, NOW, &["search", "tag:Cafe"]).ok();
    assert!(
        run.stdout.contains("Espresso") && run.stdout.contains("Latte"),
        "{}",
        run.stdout
    );
}

/// Existing rows get their key when the database is upgraded. Two people who collide after
/// folding are both kept (merging them is the user's call, in the People view), and quick
/// capture then uses the older one.
#[test]
fn an_upgrade_fills_the_key_and_keeps_colliding_people_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("worklog.db");
    let clock = Arc::new(FixedClock::new(common::at(NOW)));
    Repo::open(&path, clock.clone())
        .unwrap()
        .migrate_to(5)
        .unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO people (name) VALUES ('Inès Dubois'), ('Ines Dubois'), ('Ana Souza');
             INSERT INTO tags (name) VALUES ('café'), ('CAFÉ');",
        )
        .unwrap();
    }
    let repo = Repo::open_migrated(&path, clock).unwrap();
    let names: Vec<String> = repo
        .people(None)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(repo.tags().unwrap().len(), 2);
    let used = repo.find_or_add_person("INES DUBOIS").unwrap();
    assert_eq!(used.name, "Inès Dubois");
    assert_eq!(repo.people(None).unwrap().len(), 3);
    drop(repo);
    let conn = Connection::open(&path).unwrap();
    let keys: Vec<String> = conn
        .prepare("SELECT name_key FROM people ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(keys, ["ines dubois", "ines dubois", "ana souza"]);
    let missing: i64 = conn
        .query_row(
            "SELECT count(*) FROM tags WHERE name_key IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(missing, 0);
}
