//! `--out` of `export` and `report` never overwrites the live database, its -wal/-shm, a backup
//! or (without --force) any existing file, and writes whole files or nothing. Real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::worklog;
use std::fs;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-22T09:30:00";

/// A data directory with a task and today's backup, and its database's bytes.
fn data_dir(tmp: &Path) -> PathBuf {
    let data = tmp.join("data");
    worklog(&data, NOW, &["add", "task", "precious", "words"]).ok();
    assert!(data.join("worklog.db").exists());
    data
}

fn backups(data: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(data.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

/// Every way to ask for output, for one target path.
fn commands(target: &str) -> Vec<Vec<String>> {
    [
        vec!["report", "--week", "--out", target],
        vec!["export", "--format", "json", "--out", target],
        vec!["export", "--format", "sql", "--out", target],
    ]
    .into_iter()
    .map(|v| v.into_iter().map(String::from).collect())
    .collect()
}

fn run(data: &Path, args: &[String]) -> common::bin::Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    worklog(data, NOW, &args)
}

/// The database still opens and holds the task.
fn assert_intact(data: &Path) {
    let today = worklog(data, NOW, &["today"]).ok();
    assert!(today.stdout.contains("precious words"), "{}", today.stdout);
}

#[test]
fn the_live_database_its_wal_and_shm_and_backups_are_refused_even_with_force() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data_dir(tmp.path());
    let backup = backups(&data).into_iter().next().expect("today's backup");
    let backup_bytes = fs::read(&backup).unwrap();
    // Also by another spelling of the same path, through a symlink, and through a hard link.
    fs::create_dir(tmp.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(data.join("worklog.db"), tmp.path().join("link.db")).unwrap();
    std::os::unix::fs::symlink(&data, tmp.path().join("datalink")).unwrap();
    fs::hard_link(data.join("worklog.db"), tmp.path().join("hard.db")).unwrap();
    fs::hard_link(&backup, tmp.path().join("hard-backup.db")).unwrap();
    let targets = [
        data.join("worklog.db"),
        data.join("worklog.db-wal"),
        data.join("worklog.db-shm"),
        tmp.path().join("sub/../data/worklog.db"),
        tmp.path().join("datalink/worklog.db"),
        tmp.path().join("link.db"),
        tmp.path().join("hard.db"),
        backup.clone(),
        data.join("backups/new-file.md"),
        tmp.path().join("datalink/backups/x.json"),
        tmp.path().join("hard-backup.db"),
    ];
    for target in &targets {
        for mut args in commands(target.to_str().unwrap()) {
            for force in [false, true] {
                if force {
                    args.push("--force".into());
                }
                let line = run(&data, &args).one_line_error();
                assert!(
                    line.contains("refusing to write") || line.contains("already exists"),
                    "{args:?}: {line}"
                );
                if force {
                    assert!(line.contains("refusing to write"), "{args:?}: {line}");
                }
            }
        }
    }
    assert_intact(&data);
    assert_eq!(fs::read(&backup).unwrap(), backup_bytes);
    // csv into the data directory or the backups folder, even with --force.
    for target in [data.clone(), data.join("backups"), tmp.path().to_path_buf()] {
        let line = worklog(
            &data,
            NOW,
            &[
                "export",
                "--format",
                "csv",
                "--force",
                "--out",
                target.to_str().unwrap(),
            ],
        )
        .one_line_error();
        assert!(line.contains("refusing to write"), "{line}");
    }
    assert_intact(&data);
    assert_eq!(fs::read(&backup).unwrap(), backup_bytes);
}

#[test]
fn an_existing_file_or_non_empty_folder_needs_force() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data_dir(tmp.path());
    let file = tmp.path().join("mine.txt");
    for args in commands(file.to_str().unwrap()) {
        fs::write(&file, "my own notes").unwrap();
        let line = run(&data, &args).one_line_error();
        assert!(
            line.contains("already exists") && line.contains("--force"),
            "{line}"
        );
        assert_eq!(fs::read_to_string(&file).unwrap(), "my own notes");
        let mut forced = args.clone();
        forced.push("--force".into());
        run(&data, &forced).ok();
        assert_ne!(fs::read_to_string(&file).unwrap(), "my own notes");
    }

    // A new file needs no --force.
    let new = tmp.path().join("new.md");
    worklog(&data, NOW, &["report", "--out", new.to_str().unwrap()]).ok();
    assert!(fs::read_to_string(&new).unwrap().starts_with('#'));

    // csv: a missing or empty folder is fine, a non-empty one needs --force, which replaces it.
    let csv = tmp.path().join("csv");
    let csv_args = |force: bool| {
        let mut v = vec!["export", "--format", "csv", "--out", csv.to_str().unwrap()];
        if force {
            v.push("--force");
        }
        v
    };
    fs::create_dir(&csv).unwrap();
    worklog(&data, NOW, &csv_args(false)).ok();
    assert!(csv.join("tasks.csv").exists());
    fs::write(csv.join("stray.txt"), "x").unwrap();
    let line = worklog(&data, NOW, &csv_args(false)).one_line_error();
    assert!(
        line.contains("not empty") && line.contains("--force"),
        "{line}"
    );
    assert!(csv.join("stray.txt").exists());
    // --force replaces an earlier export, never a folder holding anything else.
    let line = worklog(&data, NOW, &csv_args(true)).one_line_error();
    assert!(line.contains("not a csv export"), "{line}");
    assert!(csv.join("stray.txt").exists());
    fs::remove_file(csv.join("stray.txt")).unwrap();
    fs::write(csv.join("tasks.csv"), "old").unwrap();
    fs::write(csv.join("gone.csv"), "old").unwrap();
    worklog(&data, NOW, &csv_args(true)).ok();
    assert!(
        fs::read_to_string(csv.join("tasks.csv"))
            .unwrap()
            .starts_with("id,")
    );
    assert!(
        !csv.join("gone.csv").exists(),
        "--force replaces the folder"
    );
    // Nothing temporary is left beside it.
    let names: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with('.')), "{names:?}");
}

/// A write that fails half-way (an injected fault after the content is written) leaves
/// neither a half-written file nor a half-filled folder, and the old file as it was.
#[test]
fn an_interrupted_write_leaves_no_half_written_output() {
    let tmp = tempfile::tempdir().unwrap();
    let data = data_dir(tmp.path());
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    let file = out.join("export.json");
    for action in ["eio", "abort"] {
        for args in [
            vec![
                "export",
                "--format",
                "json",
                "--out",
                file.to_str().unwrap(),
            ],
            vec!["report", "--out", file.to_str().unwrap()],
        ] {
            let run = std::process::Command::new(env!("CARGO_BIN_EXE_worklog"))
                .env("WORKLOG_DAILY_BACKUP", "wait")
                .args(&args)
                .env("WORKLOG_DATA_DIR", &data)
                .env("WORKLOG_NOW", NOW)
                .env("WORKLOG_FAULT", format!("output.before_rename={action}"))
                .output()
                .unwrap();
            assert!(!run.status.success());
            assert!(!file.exists(), "{args:?} left {}", file.display());
        }
        let csv = out.join("csv");
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_worklog"))
            .env("WORKLOG_DAILY_BACKUP", "wait")
            .args(["export", "--format", "csv", "--out", csv.to_str().unwrap()])
            .env("WORKLOG_DATA_DIR", &data)
            .env("WORKLOG_NOW", NOW)
            .env(
                "WORKLOG_FAULT",
                format!("output.csv_before_rename={action}"),
            )
            .output()
            .unwrap();
        assert!(!run.status.success());
        assert!(!csv.exists(), "a half-filled csv folder was left");
        if action == "eio" {
            // After an error (rather than a crash) nothing temporary is left either.
            let left: Vec<_> = fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            assert!(left.is_empty(), "{left:?}");
        }
    }
    assert_intact(&data);
}
