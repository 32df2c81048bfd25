//! Proof that the class of "the safety net loses data" bugs is closed (issue 9): `backup`,
//! `restore`, `migrate` both ways, `import`, `export --out` and `report --out`, each killed
//! with SIGKILL at many random moments across its measured run time, and crashed
//! (`WORKLOG_FAULT=point=abort`) or failed with a full disk (`=enospc`) at each named step.
//! After every run:
//! - `PRAGMA integrity_check` is ok on the live database;
//! - the database holds exactly the old or the new state (all rows of every user table);
//! - some backup, or the live database, holds every row from before the run;
//! - an `--out` file is absent, the previous file, or the complete output;
//! - once the next command has run (`worklog check`, and the same output command again), no
//!   temporary or stray file is left in the data directory, `backups/` or the output folder.
//!
//! Kill moments are drawn by a seeded RNG (printed in every summary and failure; set
//! WORKLOG_FAULT_SEED to replay one); the assertions do not depend on where kills land.
//! WORKLOG_SOAK=N multiplies the runs (and draws a new seed unless one is given):
//! `WORKLOG_SOAK=10 cargo test --test fault_injection -- --nocapture` prints the figures.
//!
//! Fault points used (one-line `crate::fault::point` hooks): `backup.temp`, `backup.snapshot`,
//! `backup.synced`, `backup.verified`, `backup.persist` (the steps of a backup),
//! `backup.rotate` (before each deletion), `restore.copy` (before the copy into the live
//! database), `restore.copied` (after it), `migrate.backed-up` (between the pre-migrate backup
//! and the first step), `migrate.step` (after each committed step), `repo.commit` (before a
//! repository write's COMMIT), `db.commit` (before an import's COMMIT),
//! `output.before_rename` (an `--out` file written, not yet renamed). A point that a run
//! never reaches fails the suite (a hook went missing).

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
mod fault_support;
use common::pty::Session;

use fault_support::*;
use std::path::PathBuf;

/// Random kills that land mid-way, for each half of a command's run (a command with named
/// points has two halves: see [`halves`]). The suite runs on every CI run, within its time limit;
/// `WORKLOG_SOAK=N` multiplies them (with a new seed) for a longer search.
const KILLS: usize = 15;

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

/// The steps of taking a backup: temporary file made, snapshot written, synced, verified,
/// about to be given its name.
const BACKUP_STEPS: [&str; 5] = [
    "backup.temp",
    "backup.snapshot",
    "backup.synced",
    "backup.verified",
    "backup.persist",
];

fn with_rotate(mut v: Vec<&'static str>) -> Vec<&'static str> {
    v.push("backup.rotate");
    v
}

fn check(spec: Spec) {
    let (tally, summary) = exercise(&spec);
    assert!(
        tally.violations.is_empty(),
        "{summary}\n(replay: WORKLOG_FAULT_SEED=<the seed above> cargo test --test \
         fault_injection <this test>)"
    );
}

fn base_spec(name: &'static str, base: PathBuf, a: Vec<String>) -> Spec {
    Spec {
        name,
        base,
        args: a,
        out_file: None,
        force: false,
        kills: 2 * KILLS,
        abort_points: Vec::new(),
        enospc_points: Vec::new(),
    }
}

/// The spec's random kills over two tests, run side by side where there are cores: this half
/// (with the named points) keeps the spec's name, the other half gets `name-more` and so
/// kill moments drawn from a seed of its own.
fn halves(spec: Spec, first: bool, more_name: &'static str) -> Spec {
    let kills = spec.kills / 2;
    if first {
        Spec { kills, ..spec }
    } else {
        Spec {
            name: more_name,
            kills,
            abort_points: Vec::new(),
            enospc_points: Vec::new(),
            ..spec
        }
    }
}

fn backup_spec(first: bool) -> Spec {
    let fx = fixture();
    let spec = Spec {
        abort_points: with_rotate(BACKUP_STEPS.to_vec()),
        enospc_points: BACKUP_STEPS.to_vec(),
        ..base_spec("backup", fx.base.clone(), args(&["backup"]))
    };
    halves(spec, first, "backup-more")
}

#[test]
fn backup_killed_anywhere_loses_nothing() {
    check(backup_spec(true));
}

#[test]
fn backup_killed_anywhere_loses_nothing_more_moments() {
    check(backup_spec(false));
}

#[test]
fn restore_of_a_date_killed_anywhere_loses_nothing() {
    let fx = fixture();
    let mut points = with_rotate(BACKUP_STEPS.to_vec());
    points.extend(["restore.copy", "restore.copied"]);
    check(Spec {
        kills: KILLS,
        abort_points: points,
        enospc_points: BACKUP_STEPS.to_vec(),
        ..base_spec(
            "restore-date",
            fx.base.clone(),
            args(&["restore", DEMO_DAY]),
        )
    });
}

#[test]
fn restore_of_a_file_killed_anywhere_loses_nothing() {
    let fx = fixture();
    check(Spec {
        kills: KILLS,
        abort_points: vec!["restore.copy", "restore.copied"],
        ..base_spec(
            "restore-file",
            fx.base.clone(),
            args(&["restore", fx.restore_source.to_str().unwrap()]),
        )
    });
}

fn migrate_args(fx: &Fixture, to: &str, down: bool) -> Vec<String> {
    let mut a = args(&["migrate", "--to", to]);
    if down && fx.has_yes {
        a.push("--yes".into());
    }
    a
}

#[test]
fn migrate_down_to_0_killed_anywhere_loses_nothing() {
    let fx = fixture();
    let mut points = with_rotate(BACKUP_STEPS.to_vec());
    points.extend(["migrate.backed-up", "migrate.step"]);
    check(Spec {
        kills: KILLS,
        abort_points: points,
        enospc_points: BACKUP_STEPS.to_vec(),
        ..base_spec(
            "migrate-to-0",
            fx.base.clone(),
            migrate_args(&fx, "0", true),
        )
    });
}

#[test]
fn migrate_down_to_1_killed_anywhere_loses_nothing() {
    let fx = fixture();
    check(Spec {
        kills: KILLS,
        abort_points: vec!["migrate.backed-up", "migrate.step"],
        ..base_spec(
            "migrate-to-1",
            fx.base.clone(),
            migrate_args(&fx, "1", true),
        )
    });
}

fn migrate_up_spec(first: bool) -> Spec {
    let fx = fixture();
    let mut points = BACKUP_STEPS.to_vec();
    points.extend(["migrate.backed-up", "migrate.step"]);
    let latest = fx.latest.to_string();
    let spec = Spec {
        abort_points: points,
        enospc_points: BACKUP_STEPS.to_vec(),
        ..base_spec(
            "migrate-up",
            fx.v1.clone(),
            migrate_args(&fx, &latest, false),
        )
    };
    halves(spec, first, "migrate-up-more")
}

#[test]
fn migrate_up_from_1_killed_anywhere_loses_nothing() {
    check(migrate_up_spec(true));
}

#[test]
fn migrate_up_from_1_killed_anywhere_loses_nothing_more_moments() {
    check(migrate_up_spec(false));
}

fn import_spec(first: bool) -> Spec {
    let fx = fixture();
    let spec = Spec {
        abort_points: vec!["db.commit"],
        enospc_points: vec!["db.commit"],
        ..base_spec(
            "import",
            fx.import_base.clone(),
            args(&["import", fx.import_json.to_str().unwrap()]),
        )
    };
    halves(spec, first, "import-more")
}

#[test]
fn import_killed_anywhere_loses_nothing() {
    check(import_spec(true));
}

#[test]
fn import_killed_anywhere_loses_nothing_more_moments() {
    check(import_spec(false));
}

fn export_spec(first: bool) -> Spec {
    let fx = fixture();
    let spec = Spec {
        out_file: Some("export.json"),
        force: fx.export_force,
        abort_points: vec!["output.before_rename"],
        enospc_points: vec!["output.before_rename"],
        ..base_spec(
            "export",
            fx.base.clone(),
            args(&["export", "--format", "json", "--out", "{OUT}"]),
        )
    };
    halves(spec, first, "export-more")
}

#[test]
fn export_out_killed_anywhere_leaves_no_half_file() {
    check(export_spec(true));
}

#[test]
fn export_out_killed_anywhere_leaves_no_half_file_more_moments() {
    check(export_spec(false));
}

fn report_spec(first: bool) -> Spec {
    let fx = fixture();
    let spec = Spec {
        out_file: Some("report.md"),
        force: fx.report_force,
        abort_points: vec!["output.before_rename"],
        enospc_points: vec!["output.before_rename"],
        ..base_spec(
            "report",
            fx.base.clone(),
            args(&["report", "--week", "--out", "{OUT}"]),
        )
    };
    halves(spec, first, "report-more")
}

#[test]
fn report_out_killed_anywhere_leaves_no_half_file() {
    check(report_spec(true));
}

#[test]
fn report_out_killed_anywhere_leaves_no_half_file_more_moments() {
    check(report_spec(false));
}

// ---------------------------------------------------------------------------------------------
// Disk full

/// A backup that fails for want of space, at any of its write steps, deletes no backup (not
/// even the ones rotation was due to delete), leaves no temporary file, and says so in one line.
#[test]
fn disk_full_during_a_backup_deletes_nothing_and_leaves_no_temporary_file() {
    let fx = fixture();
    let root = tempfile::tempdir_in(&fx.root).unwrap();
    let listing = |data: &std::path::Path| -> Vec<(String, u64)> {
        backup_files(data)
            .into_iter()
            .map(|p| {
                let len = std::fs::metadata(&p).unwrap().len();
                (p.file_name().unwrap().to_string_lossy().into_owned(), len)
            })
            .collect()
    };
    // Rotation is due: a backup that succeeds deletes old ones.
    let ok = root.path().join("ok");
    copy_dir(&fx.base, &ok);
    let before = listing(&ok);
    run_ok(&ok, NOW, &["backup"]);
    let after = listing(&ok);
    assert!(
        before.iter().any(|b| !after.contains(b)),
        "a successful backup rotates old ones away (else this test proves nothing): {after:?}"
    );

    for point in BACKUP_STEPS {
        let data = root.path().join(point);
        copy_dir(&fx.base, &data);
        let before = listing(&data);
        let rows = rows_of(&data.join("worklog.db")).unwrap();
        let out = run(
            &data,
            NOW,
            &args(&["backup"]),
            Some(&format!("{point}=enospc")),
        );
        assert!(!out.ok(), "{point}: {}", out.describe());
        assert_eq!(out.stderr.lines().count(), 1, "{point}: {}", out.stderr);
        assert!(
            out.stderr.starts_with("worklog: ") && out.stderr.contains("No space left"),
            "{point}: {}",
            out.stderr
        );
        assert_eq!(listing(&data), before, "{point}: backups changed");
        assert_eq!(strays(&data, None), Vec::<String>::new(), "{point}");
        assert_eq!(rows_of(&data.join("worklog.db")).unwrap(), rows, "{point}");
    }
}

/// The TUI in a real terminal, with every commit failing as on a full disk: the save shows the
/// error, the form keeps the text, the text survives the session (as a draft), and a later
/// session with space again saves it.
#[test]
fn disk_full_at_save_in_the_tui_keeps_the_users_text() {
    let dir = tempfile::tempdir().unwrap();
    let words = "Words kept through a full disk";
    let mut s = Session::start(
        dir.path(),
        100,
        24,
        &[("WORKLOG_FAULT", "repo.commit=enospc")],
    );
    s.wait_for("? help");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for("New task");
    s.send(words);
    s.wait_for(words);
    s.send("\x13"); // Ctrl-S
    s.wait_for("No space left");
    let screen = s.text();
    assert!(
        screen.contains("New task") && screen.contains(words),
        "the form is still open with the text:\n{screen}"
    );
    assert!(!screen.contains(&format!("saved “{words}”")), "{screen}");
    // The session ends (as a closed laptop would end it): the text goes to a draft.
    s.signal(nix::sys::signal::Signal::SIGTERM);
    s.wait_exit();
    let draft =
        std::fs::read_to_string(common::pty::drafts_dir(dir.path()).join("focus.json")).unwrap();
    assert!(draft.contains(words), "{draft}");
    assert_eq!(count_tasks(dir.path(), words), 0, "nothing was written");

    let mut s = Session::start(dir.path(), 100, 24, &[]);
    s.wait_for("unsaved draft");
    s.send("1");
    s.wait_for("No tasks for this day");
    s.send("a");
    s.wait_for(words);
    s.send("\x13");
    s.wait_for(&format!("saved “{words}”"));
    s.send("q");
    assert!(s.wait_exit().success());
    assert_eq!(count_tasks(dir.path(), words), 1);
}

fn count_tasks(data: &std::path::Path, title: &str) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(
        data.join("worklog.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.query_row(
        "SELECT count(*) FROM tasks WHERE title = ?1",
        [title],
        |r| r.get(0),
    )
    .unwrap()
}
