//! `-q`, `-v` and `--color` on the real binary: quiet silences confirmations and nothing
//! else, verbose explains what opening the database did (created, migrated and the backup
//! before it, today's backup, rotation), and colour follows --color, NO_COLOR and
//! CLICOLOR_FORCE.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::{worklog, worklog_with_env};

const NOW: &str = "2026-11-18T09:30:00";

#[test]
fn quiet_silences_confirmations_but_not_data_or_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    for args in [
        vec!["-q", "add", "task", "One !high"],
        vec!["add", "-q", "task", "Two"],
        vec!["--quiet", "done", "1"],
        vec!["-q", "rm", "task", "2"],
        vec!["-q", "undo"],
        vec!["-q", "backup"],
    ] {
        let run = worklog(data, NOW, &args).ok();
        assert_eq!(run.stdout, "", "{args:?}");
    }
    // Data asked for is still written.
    let run = worklog(data, NOW, &["-q", "list", "tasks"]).ok();
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    // Errors too.
    let err = worklog(data, NOW, &["-q", "rm", "task", "9"]).one_line_error();
    assert!(err.contains("task 9 does not exist"), "{err}");
    let err = worklog(data, NOW, &["-q", "-v", "today"]).usage_error();
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn verbose_says_the_database_was_created_and_backed_up() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let run = worklog(data, NOW, &["-v", "add", "task", "One"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "added task 1 for 2026-11-18\n");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "worklog: created the database {} (schema version {})",
            data.join("worklog.db").display(),
            worklog::db::migrate::latest()
        )
    );
    assert!(
        lines[1].starts_with("worklog: backed up (today's backup) to ")
            && lines[1].ends_with("worklog-2026-11-18T093000-daily.db"),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with("worklog: today's backup: 0 rows, verified"),
        "{lines:?}"
    );
    assert_eq!(
        lines[3],
        "worklog: rotated: no old backup was due for deletion"
    );
    let run = worklog(data, NOW, &["-v", "today"]);
    assert_eq!(
        run.stderr.lines().nth(1),
        Some("worklog: today's backup was already taken"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no migration needed"), "{}", run.stderr);
    // Without -v, none of it.
    assert_eq!(worklog(data, NOW, &["today"]).ok().stderr, "");
    // `backup` too, which takes its own backup rather than today's.
    let other = tmp.path().join("other");
    let run = worklog(&other, NOW, &["-v", "backup"]);
    assert_eq!(
        run.stderr,
        format!(
            "worklog: created the database {} (schema version {})\n",
            other.join("worklog.db").display(),
            worklog::db::migrate::latest()
        )
    );
}

#[test]
fn verbose_says_what_was_migrated_and_rotated() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "task", "One"]).ok();
    // No history to drop on the way down (that would be data lost, and keep every backup).
    worklog(data, NOW, &["history", "--prune", "--before", "tomorrow"]).ok();
    worklog(data, NOW, &["migrate", "--to", "6", "--yes"]).ok();
    // Old daily backups, one a day for two months: rotation keeps some of them.
    let backups = data.join("backups");
    let today = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("-daily.db"))
        .unwrap();
    let start = common::day("2026-09-15");
    for n in 0..60 {
        let d = start + chrono::Days::new(n);
        let name = format!("worklog-{}T093000-daily.db", d.format("%Y-%m-%d"));
        std::fs::copy(&today, backups.join(name)).unwrap();
    }
    let run = worklog(data, "2026-11-19T08:00:00", &["-v", "today"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let err = &run.stderr;
    assert!(
        err.contains(&format!(
            "; migrated the schema from version 6 to {}\n",
            worklog::db::migrate::latest()
        )),
        "{err}"
    );
    assert!(err.contains("-pre-migrate.db\n"), "{err}");
    assert!(err.contains("backed up (before migrating) to "), "{err}");
    assert!(
        err.contains("worklog: that backup is today's: no other was needed\n"),
        "{err}"
    );
    let left = std::fs::read_dir(&backups).unwrap().count();
    // 61 dailies and the pre-migrate backup of `migrate`, then the one before migrating.
    let deleted = 61 + 2 - left;
    let rotated = err
        .lines()
        .find(|l| l.starts_with("worklog: rotated: deleted "))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        rotated.starts_with(&format!(
            "worklog: rotated: deleted {deleted} old backups: "
        )),
        "{rotated}"
    );
    assert!(
        rotated.ends_with(&format!(", and {} more", deleted - 5)),
        "{rotated}"
    );
    // Each backup it names is gone.
    let names = rotated.split(": ").nth(3).unwrap();
    for name in names.split(", ").take(5) {
        assert!(name.ends_with("-daily.db"), "{name}");
        assert!(!backups.join(name).exists(), "{name}");
    }
}

#[test]
fn colour_follows_the_flag_then_no_color_then_clicolor_force() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    worklog(data, NOW, &["add", "task", "Kube deploy"]).ok();
    let bold = |args: &[&str], env: &[(&str, &str)]| {
        let run = worklog_with_env(data, NOW, args, "", env);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout.contains("\x1b[1m")
    };
    let list = ["list", "tasks"];
    // A pipe is plain, unless asked.
    assert!(!bold(&list, &[]));
    assert!(bold(&list, &[("CLICOLOR_FORCE", "1")]));
    assert!(!bold(&list, &[("CLICOLOR_FORCE", "0")]));
    assert!(!bold(&list, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(bold(
        &["--color", "always", "list", "tasks"],
        &[("NO_COLOR", "1")]
    ));
    assert!(!bold(
        &["list", "tasks", "--color=never"],
        &[("CLICOLOR_FORCE", "1")]
    ));
    assert!(bold(&["search", "kube", "--color", "always"], &[]));
    assert!(!bold(&["search", "kube"], &[]));
    // Usage errors too: coloured only when asked.
    let run = worklog_with_env(data, NOW, &["--color", "always", "tody"], "", &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("\x1b["), "{}", run.stderr);
    let run = worklog_with_env(data, NOW, &["tody"], "", &[]);
    assert!(!run.stderr.contains('\x1b'), "{}", run.stderr);
}
