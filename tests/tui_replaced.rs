//! The TUI across a restore: an edit form opened before the database was replaced never
//! writes into the new one, keeps its text and says why; everything shown is reloaded.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::backup::{self, Reason};
use worklog::db::Repo;
use worklog::model::Task;
use worklog::paths::DataDir;

fn today() -> chrono::NaiveDate {
    day("2026-11-22")
}

/// The case 4, by keys: the Focus pane has task X open in its edit form with text
/// typed; a restore brings back a database without X; a new `add task` (another session)
/// reuses X's id with the same version. Returns the app, the new task, and the data dir.
fn edit_form_open_across_a_restore(tick_before_saving: bool) -> (Tui, Task, DataDir) {
    let mut u = Tui::new();
    let dir = DataDir::new(u.t.dir.path().to_path_buf());
    u.t.repo
        .add_checkin(&checkin("2026-11-22T08:00:00", 3, "", &[]))
        .unwrap();
    let point = backup::take(&dir, &*u.t.clock, Reason::Manual).unwrap();
    let x = u.t.repo.add_task(today(), &task("task X")).unwrap();
    u.keys(&["1"]);
    u.app.tick();
    u.keys(&["e", "text: (typed before the restore)"]);
    assert!(u.app.panes.focus.is_editing());

    backup::restore(&dir, u.t.clock.clone(), &point.path).unwrap();
    let cli = Repo::open(&dir.database(), u.t.clock.clone()).unwrap();
    let reused = cli.add_task(today(), &task("a new task")).unwrap();
    assert_eq!((reused.id, reused.stamp.version), (x.id, x.stamp.version));
    if tick_before_saving {
        assert!(u.app.tick(), "the change is noticed on the next tick");
    }
    u.keys(&["C-s"]);
    (u, reused, dir)
}

fn title_now(dir: &DataDir, u: &Tui, id: i64) -> String {
    Repo::open(&dir.database(), u.t.clock.clone())
        .unwrap()
        .task(id)
        .unwrap()
        .title
}

#[test]
fn a_form_open_across_a_restore_never_saves_even_after_the_reload() {
    let (mut u, reused, dir) = edit_form_open_across_a_restore(true);
    assert_eq!(title_now(&dir, &u, reused.id), "a new task");
    // The form is still open with the text typed, and both it and the status line say why.
    assert!(u.app.panes.focus.is_editing());
    let s = u.screen(120, 30);
    assert!(s.contains("task X (typed before the restore)"), "{s}");
    assert!(s.contains("database was replaced"), "{s}");
    let status = u.app.status.message().unwrap().text.clone();
    assert!(status.contains("not saved"), "{status}");
    // Trying again changes nothing.
    u.keys(&["C-s"]);
    assert_eq!(title_now(&dir, &u, reused.id), "a new task");
    // Closing it and editing anew works on the new database.
    u.keys(&["Esc", "y"]);
    assert!(!u.app.panes.focus.is_editing());
    assert!(u.screen(120, 30).contains("a new task"));
    u.keys(&["e", "text: (edited)", "C-s"]);
    assert_eq!(title_now(&dir, &u, reused.id), "a new task (edited)");
}

#[test]
fn a_save_before_the_session_noticed_the_restore_is_refused_and_the_text_kept() {
    let (mut u, reused, dir) = edit_form_open_across_a_restore(false);
    assert_eq!(title_now(&dir, &u, reused.id), "a new task");
    assert!(u.app.panes.focus.is_editing());
    let s = u.screen(120, 30);
    assert!(s.contains("task X (typed before the restore)"), "{s}");
    assert!(s.contains("replaced"), "{s}");
    // The tick notices, reloads every pane, and the old form still cannot save.
    assert!(u.app.tick());
    let status = u.app.status.message().unwrap().text.clone();
    assert!(status.contains("replaced"), "{status}");
    u.keys(&["C-s"]);
    assert_eq!(title_now(&dir, &u, reused.id), "a new task");
    u.keys(&["Esc", "y"]);
    let s = u.screen(120, 30);
    assert!(s.contains("a new task") && !s.contains("task X"), "{s}");
}
