//! Migrations on real database files: fresh, re-run, down and up, a failed step, a newer
//! database, and `schema.sql` kept in step with what the migrations build.
// These tests read and poke the file with their own connection, independently of the
// repository, to check what is really on disk.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::disallowed_types,
    clippy::disallowed_methods
)]

mod common;
use common::*;
use rusqlite::Connection;
use std::sync::Arc;
use worklog::clock::FixedClock;
use worklog::db::migrate::{self, MIGRATIONS, Migration};
use worklog::db::{Error, Repo};
use worklog::model::{CheckinDraft, TaskDraft};

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(at("2026-11-22T09:30:00")))
}

fn raw(path: &std::path::Path) -> Connection {
    Connection::open(path).unwrap()
}

fn user_version(path: &std::path::Path) -> u32 {
    raw(path)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn populate(repo: &Repo) {
    let d = day("2026-11-20");
    repo.add_task(
        d,
        &TaskDraft {
            title: "keep me".into(),
            tags: vec!["x".into()],
            ..Default::default()
        },
    )
    .unwrap();
    repo.add_checkin(&CheckinDraft {
        at: at("2026-11-20T10:00:00"),
        level: 4,
        note: "ok".into(),
        tags: vec![],
    })
    .unwrap();
}

#[test]
fn fresh_database_is_at_the_latest_version() {
    let t = db();
    assert_eq!(t.repo.schema_version().unwrap(), migrate::latest());
    assert!(t.repo.integrity_problems().unwrap().is_empty());
    assert!(t.repo.foreign_key_problems().unwrap().is_empty());
}

#[test]
fn rerun_changes_nothing() {
    let t = db();
    populate(&t.repo);
    let before = t.repo.schema_sql().unwrap();
    let again = second_session(&t);
    assert_eq!(
        again.migrate_to(migrate::latest()).unwrap(),
        Vec::<u32>::new()
    );
    assert_eq!(again.schema_sql().unwrap(), before);
    assert_eq!(again.row_counts().unwrap(), t.repo.row_counts().unwrap());
}

#[test]
fn down_to_zero_then_up_rebuilds_the_same_schema() {
    let t = db();
    let fresh = t.repo.schema_sql().unwrap();
    let passed = t.repo.migrate_to(0).unwrap();
    assert_eq!(passed.last(), Some(&0));
    let left: i64 = raw(&t.dir.path().join("worklog.db"))
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0, "the down scripts leave nothing behind");
    t.repo.migrate_to(migrate::latest()).unwrap();
    assert_eq!(t.repo.schema_sql().unwrap(), fresh);
}

#[test]
fn every_step_down_and_up_keeps_foreign_keys_sound() {
    let t = db();
    for v in (0..migrate::latest()).rev() {
        t.repo.migrate_to(v).unwrap();
        assert_eq!(t.repo.schema_version().unwrap(), v);
    }
    for v in 1..=migrate::latest() {
        t.repo.migrate_to(v).unwrap();
        assert!(t.repo.foreign_key_problems().unwrap().is_empty());
    }
}

#[test]
fn a_failed_step_leaves_the_database_exactly_as_it_was() {
    let t = db();
    populate(&t.repo);
    let schema = t.repo.schema_sql().unwrap();
    let counts = t.repo.row_counts().unwrap();
    let mut list: Vec<Migration> = MIGRATIONS.to_vec();
    list.push(Migration {
        version: migrate::latest() + 1,
        name: "broken",
        // The first statements succeed; the last fails, so all of it must roll back.
        up: "CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT;
             UPDATE tasks SET title = 'clobbered';
             INSERT INTO no_such_table VALUES (1);",
        down: "DROP TABLE half_done;",
    });
    let err = t
        .repo
        .migrate_with(&list, migrate::latest() + 1)
        .unwrap_err();
    assert!(err.to_string().contains("no_such_table"), "{err}");
    assert_eq!(t.repo.schema_version().unwrap(), migrate::latest());
    assert_eq!(t.repo.schema_sql().unwrap(), schema);
    assert_eq!(t.repo.row_counts().unwrap(), counts);
    assert_eq!(
        t.repo.tasks_on(day("2026-11-20")).unwrap()[0].title,
        "keep me"
    );
    // Foreign keys are back on after the failure.
    assert!(t.repo.connection_settings().unwrap().foreign_keys);
}

#[test]
fn a_step_that_breaks_foreign_keys_is_refused() {
    let t = db();
    populate(&t.repo);
    let counts = t.repo.row_counts().unwrap();
    let mut list: Vec<Migration> = MIGRATIONS.to_vec();
    list.push(Migration {
        version: migrate::latest() + 1,
        name: "orphans",
        up: "INSERT INTO task_tags (task_id, tag_id) VALUES (999, 999);",
        down: "",
    });
    let err = t
        .repo
        .migrate_with(&list, migrate::latest() + 1)
        .unwrap_err();
    assert!(err.to_string().contains("foreign keys"), "{err}");
    assert_eq!(t.repo.schema_version().unwrap(), migrate::latest());
    assert_eq!(t.repo.row_counts().unwrap(), counts);
}

#[test]
fn a_newer_database_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("worklog.db");
    {
        let repo = Repo::open_migrated(&path, clock()).unwrap();
        populate(&repo);
    }
    {
        let c = raw(&path);
        c.pragma_update(None, "user_version", migrate::latest() + 5)
            .unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Repo::open(&path, clock()).err().expect("refused");
    assert!(matches!(err, Error::TooNew { .. }), "{err:?}");
    assert!(err.to_string().contains("newer"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("worklog.db-wal").exists());
    assert_eq!(user_version(&path), migrate::latest() + 5);
}

#[test]
fn pragmas_are_set_on_every_connection() {
    let t = db();
    // Read back through a raw connection what the repository's file looks like.
    let path = t.dir.path().join("worklog.db");
    let c = raw(&path);
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let v = worklog::db::sqlite_version();
    let parts: Vec<u32> = v.split('.').map(|p| p.parse().unwrap()).collect();
    assert!(parts >= vec![3, 51, 3], "SQLite {v}");
    let cfg = t.repo.connection_settings().unwrap();
    assert!(cfg.foreign_keys);
    assert_eq!(cfg.synchronous, 2, "FULL");
    assert!(cfg.busy_timeout_ms >= 5000);
    assert_eq!(cfg.cache_size, -64000);
    assert!(!cfg.trusted_schema);
}

#[test]
fn schema_sql_matches_what_the_migrations_build() {
    let t = db();
    let built = t.repo.schema_sql().unwrap();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.sql");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&file, &built).unwrap();
    }
    let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        on_disk == built,
        "schema.sql differs from what the migrations build; run \
         `UPDATE_SCHEMA=1 cargo test --test migrations` and review the diff"
    );
}

/// `schema.postgres.sql` is what the PostgreSQL migrations build, as `pg_dump` shows it.
#[test]
fn schema_postgres_sql_matches_what_the_postgres_migrations_build() {
    let Some(server) = common::pg::server() else {
        return;
    };
    let t = common::on_postgres::db();
    let (_, schema) = t.server.clone().unwrap();
    let built = format!(
        "-- worklog schema on PostgreSQL, version {}. Generated from src/db/migrations_pg/ by the\n\
         -- test tests/migrations.rs (UPDATE_SCHEMA=1 cargo test --test migrations rewrites it).\n\
         -- Read-only reference: change the schema by adding a migration.\n\n{}",
        t.repo.schema_version().unwrap(),
        server.dump_schema(&schema)
    );
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.postgres.sql");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&file, &built).unwrap();
    }
    let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        on_disk == built,
        "schema.postgres.sql differs from what the migrations build; run \
         `UPDATE_SCHEMA=1 cargo test --test migrations` and review the diff"
    );
}

/// Every PostgreSQL step goes down as well as up: from the latest version down to nothing
/// leaves the schema empty, and up again rebuilds it.
#[test]
fn postgres_migrations_go_down_to_nothing_and_up_again() {
    let Some(server) = common::pg::server() else {
        return;
    };
    let t = common::on_postgres::db();
    let (_, schema) = t.server.clone().unwrap();
    let latest = worklog::db::migrate::latest();
    assert_eq!(t.repo.schema_version().unwrap(), latest);
    t.repo.migrate_to(0).unwrap();
    assert_eq!(t.repo.schema_version().unwrap(), 0);
    assert_eq!(
        server.objects_in(&schema),
        0,
        "everything the migrations made is gone"
    );
    t.repo.migrate_to(latest).unwrap();
    assert_eq!(t.repo.schema_version().unwrap(), latest);
    assert!(server.objects_in(&schema) > 50);
}

/// A PostgreSQL schema from a newer worklog is refused when opened, and left as it was.
#[test]
fn a_newer_postgres_schema_is_refused_untouched() {
    let Some(server) = common::pg::server() else {
        return;
    };
    let t = common::on_postgres::db();
    let (url, schema) = t.server.clone().unwrap();
    drop(t.repo);
    server
        .admin_sql(&format!("UPDATE {schema}.worklog_version SET version = 99"))
        .unwrap();
    let before = server.dump_schema(&schema);
    let err = worklog::db::Repo::open_server(&url, Some(&schema), t.clock.clone())
        .err()
        .expect("refused");
    assert!(
        matches!(err, worklog::db::Error::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert_eq!(server.dump_schema(&schema), before);
    let version = server
        .admin_sql(&format!("SELECT version FROM {schema}.worklog_version"))
        .unwrap();
    assert_eq!(version.trim(), "99");
}

/// Loads the frozen version-1 database from `tests/fixtures`.
fn v1_fixture(path: &std::path::Path) {
    let sql = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-populated.sql"),
    )
    .unwrap();
    raw(path).execute_batch(&sql).unwrap();
}

#[test]
fn a_populated_version_1_database_upgrades_with_every_row_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("worklog.db");
    v1_fixture(&path);
    assert_eq!(user_version(&path), 1);
    let before: Vec<(String, i64)> = {
        let c = raw(&path);
        let tables: Vec<String> = c
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        tables
            .into_iter()
            .map(|t| {
                let n = c
                    .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                    .unwrap();
                (t, n)
            })
            .collect()
    };
    assert!(
        before.iter().all(|(_, n)| *n > 0),
        "fixture has rows in every table: {before:?}"
    );

    let repo = Repo::open_migrated(&path, clock()).unwrap();
    assert_eq!(repo.schema_version().unwrap(), migrate::latest());
    let after = repo.row_counts().unwrap();
    for (table, n) in &before {
        let now = after.0.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
        assert_eq!(now, Some(*n), "{table}");
    }
    assert!(repo.integrity_problems().unwrap().is_empty());
    assert!(repo.foreign_key_problems().unwrap().is_empty());
    // The repository reads the old rows back as domain values.
    assert!(!repo.tasks_on(day("2026-03-01")).unwrap().is_empty());
    assert!(!repo.goal_tree().unwrap().is_empty());
    assert!(!repo.skills().unwrap().is_empty());
}

#[test]
fn every_table_is_strict_stamped_and_every_foreign_key_is_indexed() {
    let t = db();
    let c = raw(&t.dir.path().join("worklog.db"));
    let tables: Vec<(String, bool)> = c
        .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(tables.len() >= 25, "{tables:?}");
    for (table, strict) in &tables {
        // The search index is derived data: the FTS5 table and the shadow tables SQLite's
        // full-text module makes for it follow that module's rules, not ours.
        if table == "search" || table.starts_with("search_") && table != "search_docs" {
            continue;
        }
        assert!(strict, "{table} is not STRICT");
        let cols: Vec<String> = c
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        // search_docs mirrors the text of other rows for the search index; the stamps are on
        // those rows, the mirror is rewritten whenever they change. The history's tables are
        // the record of when: a change has its `at`, and neither it nor its rows are edited
        // after the transaction that wrote them.
        if table != "search_docs" && !table.starts_with("history_") {
            for stamp in ["created_at", "updated_at"] {
                assert!(cols.contains(&stamp.to_string()), "{table} has no {stamp}");
            }
        }
        // Every foreign-key column leads some index (or the primary key), so joins and
        // cascades never scan.
        let fks: Vec<String> = c
            .prepare(&format!(
                "SELECT \"from\" FROM pragma_foreign_key_list('{table}')"
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let leading: Vec<String> = c
            .prepare(&format!(
                "SELECT ii.name FROM pragma_index_list('{table}') il
                 JOIN pragma_index_info(il.name) ii WHERE ii.seqno = 0"
            ))
            .unwrap()
            .query_map([], |r| r.get::<_, Option<String>>(0))
            .unwrap()
            .filter_map(Result::unwrap)
            .collect();
        for fk in fks {
            assert!(leading.contains(&fk), "{table}.{fk} has no index");
        }
    }
}

#[test]
fn search_down_script_removes_the_index_and_up_rebuilds_it() {
    let t = db();
    populate(&t.repo);
    let find = |repo: &Repo, q: &str| {
        repo.search(&worklog::search::Query::parse(q).unwrap(), 10)
            .unwrap()
            .len()
    };
    assert_eq!(find(&t.repo, "keep"), 1);
    let before = t.repo.row_counts().unwrap();

    t.repo.migrate_to(2).unwrap();
    let path = t.dir.path().join("worklog.db");
    let left: Vec<String> = raw(&path)
        .prepare(
            "SELECT type || ' ' || name FROM sqlite_schema
             WHERE name LIKE '%search%' OR sql LIKE '%search%' OR sql LIKE '%fts5%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(left, Vec::<String>::new(), "nothing of the index is left");
    // Only the index went: the data is all there, and writes work without it. (Tables of
    // later migrations, such as calendar_events and attachments, went with them: they are empty here.)
    let later =
        |r: &&(String, i64)| !matches!(r.0.as_str(), "calendar_events" | "attachments") || r.1 > 0;
    let after = t.repo.row_counts().unwrap();
    assert_eq!(
        after.0.iter().filter(|r| later(r)).collect::<Vec<_>>(),
        before.0.iter().filter(|r| later(r)).collect::<Vec<_>>()
    );
    t.repo
        .add_task(
            day("2026-11-21"),
            &TaskDraft {
                title: "written while unindexed".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(t.repo.integrity_problems().unwrap().is_empty());

    // Back up: the migration indexes what is there, including what was written meanwhile.
    t.repo.migrate_to(3).unwrap();
    assert_eq!(find(&t.repo, "keep"), 1);
    assert_eq!(find(&t.repo, "unindexed"), 1);
    assert_eq!(find(&t.repo, "pane:energy"), 1);
}

/// Two first launches of a new version at once: each reads the version, then migrates. The
/// version is checked again inside each step's transaction, so the second waits for the first
/// step, sees it done, and moves on: neither fails ("table already exists") nor applies a step
/// twice. Many rounds, with both sessions released together, to make the race likely.
#[test]
fn two_sessions_migrating_at_once_both_succeed_and_apply_each_step_once() {
    for round in 0..30 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("worklog.db");
        // Both connections are open (and have read version 0) before either migrates.
        let a = Repo::open(&path, clock()).unwrap();
        let b = Repo::open(&path, clock()).unwrap();
        let gate = Arc::new(std::sync::Barrier::new(2));
        let run = |repo: Repo, gate: Arc<std::sync::Barrier>| {
            std::thread::spawn(move || {
                gate.wait();
                repo.migrate_to(migrate::latest()).map(|_| repo)
            })
        };
        let ta = run(a, gate.clone());
        let tb = run(b, gate);
        let (ra, rb) = (ta.join().unwrap(), tb.join().unwrap());
        let a = ra.unwrap_or_else(|e| panic!("round {round}: first session: {e}"));
        let b = rb.unwrap_or_else(|e| panic!("round {round}: second session: {e}"));
        assert_eq!(user_version(&path), migrate::latest(), "round {round}");
        assert!(a.integrity_problems().unwrap().is_empty());
        // Each step ran once: the profile row the first migration inserts is there once.
        assert_eq!(
            b.row_counts().unwrap(),
            Repo::open_migrated(&path, clock())
                .unwrap()
                .row_counts()
                .unwrap()
        );
        let profiles: i64 = raw(&path)
            .query_row("SELECT count(*) FROM profile", [], |r| r.get(0))
            .unwrap();
        assert!(profiles <= 1, "round {round}: {profiles} profile rows");
    }
}
