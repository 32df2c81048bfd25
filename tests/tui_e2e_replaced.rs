//! The real binary in a pseudo-terminal across a `worklog restore` run from another terminal:
//! the app notices on its own (its once-a-second tick), and an edit form opened before never
//! overwrites the row that took its id.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::bin::worklog;
use common::pty::Session;
use common::*;
use std::sync::Arc;
use worklog::backup::{self, Reason};
use worklog::clock::{Clock, FixedClock};
use worklog::db::Repo;
use worklog::launch;
use worklog::paths::DataDir;

const NOW: &str = "2026-11-22T09:30:00";
const ROWS: u16 = 30;
const COLS: u16 = 120;

#[test]
fn an_edit_form_open_in_the_app_across_a_restore_never_overwrites_the_new_row() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(tmp.path().join("data"));
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::new(at(NOW)));
    let repo = launch::open(&dir, clock.clone()).unwrap();
    repo.add_checkin(&worklog::model::CheckinDraft {
        at: at("2026-11-22T08:00:00"),
        level: 3,
        note: String::new(),
        tags: Vec::new(),
    })
    .unwrap();
    let point = backup::take(&dir, &*clock, Reason::Manual).unwrap();
    let x = repo
        .add_task(
            day("2026-11-22"),
            &worklog::model::TaskDraft {
                title: "task X".into(),
                ..Default::default()
            },
        )
        .unwrap();
    drop(repo);

    let mut s = Session::start(dir.root(), COLS, ROWS, &[]);
    s.wait_for("Open action items");
    s.send("1");
    s.wait_for("task X");
    s.send("e");
    s.wait_for("Title");
    s.send(" typed in the app");
    s.wait_for("task X typed in the app");

    let restored = worklog(dir.root(), NOW, &["restore", point.path.to_str().unwrap()]);
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    let added = worklog(dir.root(), NOW, &["add", "task", "a new task"]).ok();
    assert!(
        added.stdout.starts_with(&format!("added task {} ", x.id)),
        "{}",
        added.stdout
    );

    // The app notices by itself (no key pressed), and says so.
    s.wait_for("database was replaced");
    s.send("\x13"); // Ctrl-S
    s.wait_for("not saved");
    let text = s.text();
    assert!(text.contains("task X typed in the app"), "{text}");
    let now = Repo::open(&dir.database(), clock.clone()).unwrap();
    assert_eq!(now.task(x.id).unwrap().title, "a new task");
    assert_eq!(now.task(x.id).unwrap().stamp.version, x.stamp.version);
}
