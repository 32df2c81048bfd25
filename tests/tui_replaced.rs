//! The TUI across a restore: an edit form opened before the database was replaced never
//! writes into the new one, keeps its text and says why; everything shown is reloaded.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::backup::{self, Reason};
use worklog::db::Repo;
use worklog::model::{GoalStatus, Task};
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

/// The people popup's merge question names rows by id. Asked before a restore, answered after
/// the app took in the new database, it would merge whoever has those ids now: the question
/// must be dropped, and nobody merged.
#[test]
fn a_merge_asked_before_a_restore_is_dropped_not_done_on_other_people() {
    let mut u = Tui::new();
    let dir = DataDir::new(u.t.dir.path().to_path_buf());
    u.t.repo
        .add_checkin(&checkin("2026-11-22T08:00:00", 3, "", &[]))
        .unwrap();
    let point = backup::take(&dir, &*u.t.clock, Reason::Manual).unwrap();
    let ana = u.t.repo.find_or_add_person("Ana").unwrap();
    let bo = u.t.repo.find_or_add_person("Bo").unwrap();
    u.app.tick();
    u.keys(&["P", "m", "text:Bo", "Enter"]);
    let s = u.screen(120, 30);
    assert!(s.contains("Merge “Ana” into “Bo”?"), "{s}");

    backup::restore(&dir, u.t.clock.clone(), &point.path).unwrap();
    let cli = Repo::open(&dir.database(), u.t.clock.clone()).unwrap();
    let cy = cli.find_or_add_person("Cy").unwrap();
    let di = cli.find_or_add_person("Di").unwrap();
    assert_eq!((cy.id, di.id), (ana.id, bo.id), "the ids are reused");
    assert!(u.app.tick(), "the replacement is noticed");
    let s = u.screen(120, 30);
    assert!(!s.contains("Merge “Ana”"), "the question is still up: {s}");
    assert!(s.contains("the question asked before was dropped"), "{s}");
    u.keys(&["y"]);
    let names: Vec<String> = cli
        .people(None)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Cy", "Di"], "someone was merged");
}

/// The same for the Goals pane's "mark the goal done?" (asked when its last milestone is
/// done): after a restore the id may name another goal, which must not be marked done.
#[test]
fn a_goal_done_question_asked_before_a_restore_is_dropped() {
    let mut u = Tui::new();
    let dir = DataDir::new(u.t.dir.path().to_path_buf());
    let point = backup::take(&dir, &*u.t.clock, Reason::Manual).unwrap();
    let rust = u.t.repo.add_goal(&goal("Rust", None)).unwrap().id;
    u.t.repo.add_milestone(rust, "Read the book", None).unwrap();
    u.app.tick();
    u.keys(&["5", "Enter", "Space"]);
    assert!(u.screen(80, 24).contains("mark the goal done?"));

    backup::restore(&dir, u.t.clock.clone(), &point.path).unwrap();
    let cli = Repo::open(&dir.database(), u.t.clock.clone()).unwrap();
    let other = cli.add_goal(&goal("Ship the crate", None)).unwrap();
    assert_eq!(other.id, rust, "the id is reused");
    assert!(u.app.tick(), "the replacement is noticed");
    assert!(!u.screen(80, 24).contains("mark the goal done?"));
    u.keys(&["y"]);
    assert_eq!(cli.goal(other.id).unwrap().status, GoalStatus::Active);
}
