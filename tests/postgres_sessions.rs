//! What only PostgreSQL has: two machines on one server at once, a role per person, and the
//! address's password kept out of every message. Each test starts from the throwaway server of
//! `common::pg`, and returns at once without one (see `tests/postgres_available.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::*;
use worklog::db::Repo;
use worklog::model::*;

fn task(title: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        ..TaskDraft::default()
    }
}

/// Another session's commit shows in `data_version` (what the TUI polls, once a second), as
/// `PRAGMA data_version` does on SQLite; a session's own writes do not, nor another schema's.
#[test]
fn another_sessions_writes_are_heard_and_ones_own_are_not() {
    if pg::server().is_none() {
        return;
    }
    let t = on_postgres::db();
    let other = second_session(&t);
    let before = t.repo.data_version().unwrap();
    t.repo.add_task(day("2026-11-22"), &task("mine")).unwrap();
    other.add_task(day("2026-11-22"), &task("theirs")).unwrap();
    // The server delivers the news as soon as it can; the TUI asks once a second.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let heard = loop {
        let v = t.repo.data_version().unwrap();
        if v != before || std::time::Instant::now() > deadline {
            break v;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(
        heard,
        before + 1,
        "one write by another session, none of this one's"
    );
    // A rolled-back write is not heard.
    let failed = other.add_task(day("2026-11-22"), &task("  "));
    assert!(failed.is_err());
    assert_eq!(t.repo.data_version().unwrap(), heard);
    // Writes in another person's schema are not this log's.
    let elsewhere = on_postgres::db();
    elsewhere
        .repo
        .add_task(day("2026-11-22"), &task("elsewhere"))
        .unwrap();
    assert_eq!(t.repo.data_version().unwrap(), heard);
}

/// Two people on one server, each with a role that owns only their own schema: worklog runs
/// with no more than that (no superuser, no right to create schemas), and one person's role
/// cannot read the other's log.
#[test]
fn a_role_that_owns_its_schema_is_enough_and_cannot_read_anothers() {
    let Some(server) = pg::server() else {
        return;
    };
    let n = std::process::id();
    let (ann, bob) = (format!("ann_{n}"), format!("bob_{n}"));
    for who in [&ann, &bob] {
        server
            .admin_sql(&format!(
                "CREATE ROLE {who} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                 CREATE SCHEMA {who} AUTHORIZATION {who};"
            ))
            .unwrap();
    }
    let clock = std::sync::Arc::new(worklog::clock::FixedClock::new(at("2026-11-22T09:30:00")));
    let as_ann = server.url(&ann, "postgres");
    let repo = Repo::open_server_migrated(&as_ann, Some(&ann), clock.clone()).unwrap();
    repo.add_task(day("2026-11-22"), &task("Ann's own"))
        .unwrap();
    let as_bob = server.url(&bob, "postgres");
    let bobs = Repo::open_server_migrated(&as_bob, Some(&bob), clock.clone()).unwrap();
    bobs.add_task(day("2026-11-22"), &task("Bob's own"))
        .unwrap();

    // Ann's role asking for Bob's schema is refused.
    let err = Repo::open_server(&as_ann, Some(&bob), clock.clone())
        .and_then(|r| r.tasks_on(day("2026-11-22")))
        .expect_err("Ann cannot read Bob's log");
    assert!(err.to_string().contains("permission denied"), "{err}");
    // And she cannot make a schema of her own beside it.
    let err = Repo::open_server_migrated(&as_ann, Some(&format!("extra_{n}")), clock)
        .err()
        .expect("no right to create schemas");
    assert!(err.to_string().contains("permission denied"), "{err}");
    assert_eq!(repo.tasks_on(day("2026-11-22")).unwrap().len(), 1);
}

/// A password in the address never shows in an error.
#[test]
fn a_password_in_the_address_never_shows() {
    let Some(server) = pg::server() else {
        return;
    };
    let url = server
        .url(pg::ADMIN, "no_such_database")
        .replace("@/", ":s3cret-pw@/");
    let clock = std::sync::Arc::new(worklog::clock::FixedClock::new(at("2026-11-22T09:30:00")));
    let err = Repo::open_server(&url, None, clock)
        .err()
        .expect("no such database");
    let text = err.to_string();
    assert!(!text.contains("s3cret-pw"), "{text}");
    assert!(text.contains(":***@"), "{text}");
}

/// Nobody loses their safety net by moving to a server: each start takes the daily backup as
/// a SQLite snapshot in the local `backups/`, `restore` puts one back into the server (the
/// server's data saved first), and a snapshot opens offline, without the server.
#[test]
fn a_server_log_is_backed_up_locally_restored_into_the_server_and_opens_offline() {
    if pg::server().is_none() {
        return;
    }
    on_postgres::use_fresh_schema();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let now = "2026-11-22T09:30:00";
    for title in ["first", "second"] {
        let run = bin::worklog(data, now, &["add", "task", title]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.is_empty(), "{}", run.stderr);
    }
    let backup = bin::worklog(data, now, &["backup"]);
    assert_eq!(backup.code, 0, "{}", backup.stderr);
    let file = backup
        .stdout
        .split_whitespace()
        .find(|w| w.ends_with("-manual.db"))
        .unwrap()
        .to_string();
    assert!(std::path::Path::new(&file).starts_with(data.join("backups")));
    bin::worklog(data, now, &["add", "task", "third"]);

    let restore = bin::worklog(data, now, &["restore", &file]);
    assert_eq!(restore.code, 0, "{}", restore.stderr);
    assert!(restore.stdout.contains("(schema "), "{}", restore.stdout);
    assert!(
        !data.join("worklog.db").exists(),
        "nothing restored into a local file"
    );
    let titles = |run: bin::Run| -> Vec<String> {
        let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
        rows.iter()
            .map(|r| r["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        titles(bin::worklog(data, now, &["list", "tasks", "--json"])),
        ["first", "second"]
    );
    let list = bin::worklog(data, now, &["backup", "--list"]);
    assert!(list.stdout.contains("pre-restore"), "{}", list.stdout);

    // Offline: the same data directory without the server restores into a file of its own.
    on_postgres::forget();
    let offline = bin::worklog(data, now, &["restore", &file]);
    assert_eq!(offline.code, 0, "{}", offline.stderr);
    assert_eq!(
        titles(bin::worklog(data, now, &["list", "tasks", "--json"])),
        ["first", "second"]
    );
}

/// Another client writing to the tables (psql, with its own search_path) keeps the search
/// index right: the index's triggers find their functions and views in the log's schema.
#[test]
fn a_write_from_another_client_keeps_the_search_index() {
    let Some(server) = pg::server() else {
        return;
    };
    let t = on_postgres::db();
    let (_, schema) = t.server.clone().unwrap();
    server
        .admin_sql(&format!(
            "INSERT INTO {schema}.tasks (day, first_day, title, position)
             VALUES ('2026-11-22', '2026-11-22', 'Written by psql', 0)"
        ))
        .unwrap();
    let q = worklog::search::Query::parse("psql").unwrap();
    let hits = t.repo.search(&q, 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
}
