//! `worklog demo` through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn worklog(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_worklog"))
        .env("WORKLOG_DAILY_BACKUP", "wait")
        .args(args)
        .env("WORKLOG_NOW", "2026-11-22T09:00:00")
        .env_remove("WORKLOG_DATA_DIR")
        .output()
        .unwrap()
}

#[test]
fn demo_fills_an_empty_directory_once_and_backs_it_up() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("wl");
    let d = d.to_str().unwrap();
    let first = worklog(&["--data-dir", d, "demo", "--rows", "1500", "--seed", "5"]);
    assert!(first.status.success(), "{first:?}");
    let text = String::from_utf8(first.stdout).unwrap();
    assert!(text.contains("rows of sample data"), "{text}");
    assert!(text.contains(&format!("worklog --data-dir {d}")), "{text}");
    let listed = worklog(&["--data-dir", d, "backup", "--list"]);
    assert!(String::from_utf8(listed.stdout).unwrap().contains("daily"));

    let again = worklog(&["--data-dir", d, "demo"]);
    assert_eq!(again.status.code(), Some(1));
    let err = String::from_utf8(again.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("already holds data"), "{err}");
}

#[test]
fn demo_without_a_directory_makes_a_new_one_and_says_where() {
    let out = worklog(&["demo", "--rows", "500"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let path = text
        .lines()
        .last()
        .unwrap()
        .trim_start_matches("open it with: worklog --data-dir ");
    let db = std::path::Path::new(path).join("worklog.db");
    assert!(db.exists(), "{text}");
    std::fs::remove_dir_all(path).unwrap();
}

#[test]
fn too_many_rows_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = worklog(&[
        "--data-dir",
        dir.path().to_str().unwrap(),
        "demo",
        "--rows",
        "2000000",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim(),
        "worklog: --rows must be at most 1000000, got 2000000"
    );
}

/// A demo made in the system's temporary folder is private like any data directory worklog
/// makes: it was left to the umask (755 here), and every command then warned about it.
#[test]
fn a_demo_directory_of_its_own_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_worklog"))
        .args(["demo", "--rows", "200"])
        .env("TMPDIR", tmp.path())
        .env("WORKLOG_NOW", "2026-11-22T09:30:00")
        .env_remove("WORKLOG_DATA_DIR")
        .env("XDG_CONFIG_HOME", "/nonexistent/worklog-tests/config")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let made: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("worklog-demo-")
        })
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    let mode = std::fs::metadata(&made[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "{mode:o}");
}
