//! Read-only commands on a read-only data directory (a read-only mount, made for real in a
//! private mount namespace) work, skipping the daily backup with a one-line note; write
//! commands fail with one clear line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::worklog;
use std::path::Path;
use std::process::Command;

const DAY1: &str = "2026-11-22T09:30:00";
/// The next day: today's backup is due, and cannot be taken.
const DAY2: &str = "2026-11-23T09:30:00";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `worklog ARGS` with `mount` bind-mounted read-only over itself (the data directory,
/// or only the database file), in a private user and mount namespace. `None` if this machine
/// does not allow that.
fn read_only(data: &Path, mount: &Path, now: &str, args: &[&str]) -> Option<Out> {
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c"])
        .arg(r#"mount --bind -o ro "$0" "$0" || exit 99; exec "$@""#)
        .arg(mount)
        .arg(env!("CARGO_BIN_EXE_worklog"))
        .args(args)
        .env("WORKLOG_DATA_DIR", data)
        .env("WORKLOG_DAILY_BACKUP", "wait")
        .env("WORKLOG_NOW", now)
        .env("TZ", "UTC")
        .env_remove("XDG_DATA_HOME")
        .output()
        .ok()?;
    if out.status.code() == Some(99)
        || (!out.status.success() && out.stdout.is_empty() && {
            let e = String::from_utf8_lossy(&out.stderr);
            e.contains("unshare") || e.contains("mount:")
        })
    {
        return None;
    }
    Some(Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    })
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walk(dir);
    v.sort();
    v
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        out.push(p.display().to_string());
        if p.is_dir() {
            out.extend(walk(&p));
        }
    }
    out
}

fn filled(tmp: &Path) -> std::path::PathBuf {
    let data = tmp.join("data");
    worklog(&data, DAY1, &["add", "task", "precious", "words"]).ok();
    worklog(&data, DAY1, &["add", "learning", "kept", "lesson"]).ok();
    data
}

/// Checks the read commands and a write command with `mount` read-only.
fn read_commands_work_and_writes_fail(data: &Path, mount: &Path) -> bool {
    let before = listing(data);
    let db_before = std::fs::read(data.join("worklog.db")).unwrap();
    let cases: [(&[&str], &str); 7] = [
        (&["today"], "Monday 2026-11-23"),
        (&["search", "precious"], "[precious] words"),
        (&["export", "--format", "json"], "\"precious words\""),
        (&["report", "--from", "2026-11-22"], "kept lesson"),
        (&["check"], "integrity: ok"),
        (&["list", "learnings"], "kept lesson"),
        (&["show", "task", "1", "--json"], "\"precious words\""),
    ];
    for (args, expect) in cases {
        let Some(run) = read_only(data, mount, DAY2, args) else {
            return false;
        };
        assert_eq!(run.code, 0, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains(expect), "{args:?}: {}", run.stdout);
        // One note: the backup was skipped. (check also warns that none is from today.)
        let notes: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.contains("read-only"))
            .collect();
        assert_eq!(notes.len(), 1, "{args:?}: {}", run.stderr);
        assert!(notes[0].contains("backup"), "{}", notes[0]);
        if args[0] != "check" {
            assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
        }
    }
    for args in [
        &["add", "task", "new"][..],
        &["done", "1"],
        &["import", "/dev/null"],
    ] {
        let run = read_only(data, mount, DAY2, args).unwrap();
        assert_ne!(run.code, 0, "{args:?}: {}", run.stdout);
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("worklog: ") && run.stderr.contains("read-only"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert_eq!(listing(data), before, "nothing was created or removed");
    assert_eq!(std::fs::read(data.join("worklog.db")).unwrap(), db_before);
    true
}

#[test]
fn read_commands_work_on_a_read_only_data_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let data = filled(tmp.path());
    if !read_commands_work_and_writes_fail(&data, &data) {
        eprintln!(
            "NOTE: unshare/mount is not allowed here, so the read-only mount was not tested; \
             the read-only open is still tested at the library level \
             (read_only_open_of_a_wal_database_leaves_nothing_beside_it)"
        );
        return;
    }
    // Only the database file read-only, the directory writable.
    let tmp = tempfile::tempdir().unwrap();
    let data = filled(tmp.path());
    assert!(read_commands_work_and_writes_fail(
        &data,
        &data.join("worklog.db")
    ));
}

/// A database needing a migration cannot be migrated read-only: a clear error, not a crash
/// and not a half-migrated file.
#[test]
fn a_pending_migration_on_a_read_only_database_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let data = filled(tmp.path());
    let latest = worklog::db::migrate::latest();
    worklog(&data, DAY1, &["migrate", "--to", &(latest - 1).to_string()]).ok();
    let Some(run) = read_only(&data, &data, DAY2, &["today"]) else {
        eprintln!("NOTE: unshare/mount is not allowed here; skipped");
        return;
    };
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("read-only") && run.stderr.contains("version"),
        "{}",
        run.stderr
    );
}

/// The library's read-only open: a WAL database in a directory it may not write to is read
/// `immutable`, so no -wal/-shm is needed or created. Run as root too (root may write
/// anywhere, so the directory is made read-only by the mode only for other users; the
/// immutable path is then taken on request).
#[test]
fn read_only_open_of_a_wal_database_leaves_nothing_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = filled(tmp.path());
    let db = data.join("worklog.db");
    let clock = std::sync::Arc::new(worklog::clock::FixedClock::new(common::at(DAY2)));
    let repo = worklog::db::Repo::open_read_only(&db, clock).unwrap();
    let hits = repo
        .search(&worklog::search::Query::parse("precious").unwrap(), 5)
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        repo.add_task(common::day("2026-11-23"), &Default::default())
            .is_err()
    );
    drop(repo);
    for side in ["worklog.db-wal", "worklog.db-shm"] {
        assert!(!data.join(side).exists(), "{side} was created");
    }
}
