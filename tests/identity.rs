//! The database's identity: a session that read one database never writes into the one that
//! replaced it (restored, imported into while empty, migrated).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{at, day};

use std::sync::Arc;
use tempfile::TempDir;
use worklog::backup::{self, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::db::{Error, Repo};
use worklog::launch;
use worklog::model::TaskDraft;
use worklog::paths::DataDir;

struct Env {
    _tmp: TempDir,
    dir: DataDir,
    clock: Arc<FixedClock>,
}

impl Env {
    fn new() -> Env {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(tmp.path().join("data"));
        Env {
            _tmp: tmp,
            dir,
            clock: Arc::new(FixedClock::new(at("2026-11-22T09:30:00"))),
        }
    }

    fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    fn open(&self) -> Repo {
        launch::open(&self.dir, self.clock()).unwrap()
    }
}

fn task(title: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        ..TaskDraft::default()
    }
}

/// The case 4: a session has task X open for editing; a restore brings back a
/// database without X; a new `add task` reuses X's id with the same version. Saving the old
/// form must not overwrite the new task.
#[test]
fn a_session_open_across_a_restore_cannot_overwrite_the_row_that_reused_its_id() {
    let env = Env::new();
    let tui = env.open();
    tui.add_task(day("2026-11-22"), &task("kept")).unwrap();
    let point = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    let x = tui
        .add_task(day("2026-11-22"), &task("task X, being edited"))
        .unwrap();

    backup::restore(&env.dir, env.clock(), &point.path).unwrap();
    let cli = env.open();
    let reused = cli
        .add_task(day("2026-11-22"), &task("a new task"))
        .unwrap();
    assert_eq!((reused.id, reused.stamp.version), (x.id, x.stamp.version));

    let err = tui
        .update_task(x.id, x.stamp.version, &task("the old form's text"))
        .unwrap_err();
    assert!(matches!(err, Error::Replaced), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("replaced") && msg.contains("nothing was written"),
        "{msg}"
    );
    assert!(!msg.contains('\n'));
    assert_eq!(cli.task(x.id).unwrap().title, "a new task");

    // Every other write from the old session is refused too, until it reloads.
    assert!(matches!(
        tui.add_task(day("2026-11-22"), &task("blind")),
        Err(Error::Replaced)
    ));
    assert!(tui.identity_changed().unwrap());
    tui.acknowledge_identity().unwrap();
    assert!(!tui.identity_changed().unwrap());
    let fresh = tui.task(x.id).unwrap();
    tui.update_task(
        fresh.id,
        fresh.stamp.version,
        &task("edited after reloading"),
    )
    .unwrap();
    assert_eq!(cli.task(x.id).unwrap().title, "edited after reloading");
}

/// The identity is part of what restore writes, so it changes together with the content: a
/// restore of a backup taken from this very database still gives it a new identity.
#[test]
fn restore_gives_the_database_a_new_identity_and_its_source_keeps_its_own() {
    let env = Env::new();
    let repo = env.open();
    repo.add_task(day("2026-11-22"), &task("a")).unwrap();
    let before = repo.identity();
    let point = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    let source_bytes = std::fs::read(&point.path).unwrap();
    backup::restore(&env.dir, env.clock(), &point.path).unwrap();
    let after = env.open().identity();
    assert_ne!(after, before);
    assert!(after.id.is_some());
    assert_eq!(std::fs::read(&point.path).unwrap(), source_bytes);
    // A second restore of the same file gives yet another identity.
    backup::restore(&env.dir, env.clock(), &point.path).unwrap();
    assert_ne!(env.open().identity(), after);
}

/// Every migration step changes the identity inside its own transaction: a session that
/// read the database before `worklog migrate` cannot write into the migrated one.
#[test]
fn every_migration_step_changes_the_identity() {
    let env = Env::new();
    let repo = env.open();
    repo.add_task(day("2026-11-22"), &task("a")).unwrap();
    let old = env.open();
    let latest = worklog::db::migrate::latest();
    let mut seen = vec![repo.identity()];
    for target in (0..latest).rev().chain(1..=latest) {
        launch::migrate_to(&env.dir, env.clock(), target).unwrap();
        // (Read without migrating: `env.open()` would bring it back to the latest version.)
        let now = Repo::open(&env.dir.database(), env.clock())
            .unwrap()
            .identity();
        assert_eq!(now.schema_version, target);
        assert!(
            !seen.contains(&now) || now.id.is_none(),
            "{target}: {now:?}"
        );
        seen.push(now);
    }
    assert!(matches!(
        old.add_task(day("2026-11-22"), &task("b")),
        Err(Error::Replaced)
    ));
    // The session that migrated knows what it did, and writes on.
    repo.migrate_to(latest - 1).unwrap();
    repo.migrate_to(latest).unwrap();
    repo.add_task(day("2026-11-22"), &task("c")).unwrap();
}

/// Importing into an empty database makes it a different database; importing into one that
/// holds data is an ordinary write and keeps the identity.
#[test]
fn import_into_an_empty_database_changes_the_identity_and_into_a_full_one_does_not() {
    let env = Env::new();
    let source = env.open();
    source
        .add_task(day("2026-11-22"), &task("exported"))
        .unwrap();
    let mut export = Vec::new();
    let all = worklog::db::exchange::Range {
        from: None,
        to: None,
    };
    worklog::export::write_json(&source, all, &mut export).unwrap();
    let export = String::from_utf8(export).unwrap();

    let other = Env::new();
    let watcher = other.open();
    let importer = other.open();
    let empty = importer.identity();
    let to_local = |t: chrono::DateTime<chrono::Utc>| t.naive_utc();
    worklog::import::import(&importer, &export, None, false, &to_local).unwrap();
    assert_ne!(importer.identity(), empty);
    assert!(!importer.identity_changed().unwrap());
    assert!(matches!(
        watcher.add_task(day("2026-11-22"), &task("blind")),
        Err(Error::Replaced)
    ));
    // A dry run writes nothing, identity included.
    let third = Env::new();
    let dry = third.open();
    let id = dry.identity();
    worklog::import::import(&dry, &export, None, true, &to_local).unwrap();
    assert_eq!(third.open().identity(), id);
    // Into a database with data: the same database, written to.
    let importer_id = importer.identity();
    let again = importer.identity();
    let jrnl = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jrnl-export.json"),
    )
    .unwrap();
    worklog::import::import(&importer, &jrnl, None, false, &to_local).unwrap();
    assert_eq!(importer.identity(), importer_id);
    assert_eq!(other.open().identity(), again);
}

/// A backup from before the identity existed comes back at this worklog's schema, with an
/// identity; the backup file itself is left as it was.
#[test]
fn restoring_a_backup_from_an_older_schema_brings_it_up_to_date_with_an_identity() {
    let env = Env::new();
    let repo = env.open();
    repo.add_task(day("2026-11-22"), &task("old")).unwrap();
    drop(repo);
    let older = worklog::db::identity::SINCE - 1;
    launch::migrate_to(&env.dir, env.clock(), older).unwrap();
    let taken = backup::take(&env.dir, &*env.clock, Reason::Manual).unwrap();
    // Kept outside backups/, where rotation could remove it once newer backups arrive.
    let point = env.dir.root().join("old.db");
    std::fs::copy(&taken.path, &point).unwrap();
    let bytes = std::fs::read(&point).unwrap();
    assert_eq!(
        worklog::db::snapshot::check_file(&point)
            .unwrap()
            .schema_version,
        older
    );
    launch::migrate_to(&env.dir, env.clock(), worklog::db::migrate::latest()).unwrap();
    let session = env.open();

    let report = backup::restore(&env.dir, env.clock(), &point).unwrap();
    assert_eq!(report.schema_version, older);
    let restored = Repo::open(&env.dir.database(), env.clock()).unwrap();
    assert_eq!(
        restored.schema_version().unwrap(),
        worklog::db::migrate::latest()
    );
    assert!(restored.identity().id.is_some());
    assert_ne!(restored.identity(), session.identity());
    assert_eq!(
        restored.tasks_on(day("2026-11-22")).unwrap()[0].title,
        "old"
    );
    assert_eq!(std::fs::read(&point).unwrap(), bytes);
}

/// The identity is not the user's data: row counts and exports leave it out, so a JSON export
/// imported elsewhere never makes that database claim to be this one.
#[test]
fn the_identity_is_neither_counted_nor_exported() {
    let env = Env::new();
    let repo = env.open();
    assert!(!repo.has_data().unwrap());
    assert!(
        !repo
            .row_counts()
            .unwrap()
            .0
            .iter()
            .any(|(t, _)| t == worklog::db::identity::TABLE)
    );
    let mut out = Vec::new();
    let all = worklog::db::exchange::Range {
        from: None,
        to: None,
    };
    worklog::export::write_json(&repo, all, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains(worklog::db::identity::TABLE), "{text}");
    let check = worklog::db::snapshot::check_file(&env.dir.database()).unwrap();
    assert_eq!(check.counts.total(), 0);
}
