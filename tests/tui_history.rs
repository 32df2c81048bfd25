//! What every pane reads does not grow with the history behind it: the same tour of the app
//! (every pane, a scroll, a filter keystroke, a skill's page, a person's page) on a demo
//! database and on one with four times the history at the same daily density reads about the
//! same number of rows. Rows are counted as the database hands them to the app (a count is
//! one row), so a view that loads a whole table, every assessment, or every meeting with a
//! person fails here however fast the machine.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tui_support::*;
use worklog::clock::Clock;
use worklog::tui::app::App;
use worklog::tui::theme::Theme;

/// The tour: a name, and the keys of the step.
const TOUR: &[(&str, &[&str])] = &[
    ("Focus", &["1"]),
    ("Journal", &["2"]),
    ("Journal, a page down", &["PgDn"]),
    ("Journal, the end", &["G"]),
    ("Journal, a filter keystroke", &["/", "e"]),
    ("Journal, the filter's second keystroke", &["n"]),
    ("Journal, the filter cleared", &["Esc", "Esc", "g"]),
    ("Skills", &["3"]),
    ("a skill's page", &["Enter"]),
    ("Meetings", &["Esc", "4"]),
    ("Meetings, a page down", &["PgDn"]),
    ("a person's page", &["@", "Enter"]),
    ("Goals", &["Esc", "5"]),
    ("Feedback", &["6"]),
    ("Feedback, a page down", &["PgDn"]),
    ("Feedback, a filter keystroke", &["/", "e"]),
    ("Energy", &["Esc", "Esc", "7"]),
    ("Today", &["0"]),
];

/// Rows read by each step of the tour on a demo database of about `rows` rows.
fn tour(rows: usize) -> Vec<u64> {
    let t = db();
    worklog::demo::generate(&t.repo, rows, 1, t.clock.today()).unwrap();
    let mut repo = second_session(&t);
    let read: Arc<AtomicU64> = repo.count_rows_read().unwrap();
    let mut app = App::new(
        repo,
        Some(worklog::paths::DataDir::new(t.dir.path())),
        Theme::default(),
    );
    app.set_editor_command("true");
    let mut u = Tui { t, app };
    u.screen(120, 40);
    TOUR.iter()
        .map(|(what, keys)| {
            let before = read.load(Ordering::Relaxed);
            u.keys(keys);
            let s = u.screen(120, 40);
            assert!(!s.contains("could not"), "{what}: {s}");
            read.load(Ordering::Relaxed) - before
        })
        .collect()
}

#[test]
fn no_pane_reads_more_as_the_history_grows() {
    let small = tour(10_000);
    let large = tour(40_000);
    let mut report = String::new();
    let mut grew = Vec::new();
    for (((what, _), s), l) in TOUR.iter().zip(&small).zip(&large) {
        report.push_str(&format!("{what:<40} {s:>6} {l:>6}\n"));
        // The same view of four times the history: a window may fill up a little more, a
        // count stays one row, but nothing may read in proportion to the history.
        if *l > s * 3 / 2 + 150 {
            grew.push(*what);
        }
    }
    eprintln!("rows read: step, 10K-row history, 40K-row history\n{report}");
    assert!(
        grew.is_empty(),
        "these read more with more history: {grew:?}\n{report}"
    );
}

/// Going back to a pane whose data did not change reads nothing; a write anywhere, or a
/// change by another session, makes the next visit of every other pane read again, and show it.
#[test]
fn a_pane_shown_again_reads_only_what_changed_since() {
    let t = db();
    worklog::demo::generate(&t.repo, 2_000, 1, t.clock.today()).unwrap();
    let mut repo = second_session(&t);
    let read: Arc<AtomicU64> = repo.count_rows_read().unwrap();
    let mut app = App::new(
        repo,
        Some(worklog::paths::DataDir::new(t.dir.path())),
        Theme::default(),
    );
    app.set_editor_command("true");
    let mut u = Tui { t, app };
    let panes = ["1", "2", "3", "4", "5", "6", "7", "0"];
    for p in panes {
        u.keys(&[p]);
        u.screen(120, 40);
    }
    let before = read.load(Ordering::Relaxed);
    for p in panes {
        u.keys(&[p]);
        u.screen(120, 40);
    }
    assert_eq!(
        read.load(Ordering::Relaxed) - before,
        0,
        "a second tour of unchanged panes read rows"
    );

    // A task added in Focus shows on Today.
    u.keys(&["1", "a", "text:Phone the plumber", "Enter"]);
    let before = read.load(Ordering::Relaxed);
    u.keys(&["0"]);
    assert!(
        read.load(Ordering::Relaxed) > before,
        "Today did not read the write"
    );
    assert!(u.screen(120, 40).contains("Phone the plumber"));

    // Another session's write is seen on the tick, by the pane shown and by the others.
    u.t.repo
        .add_task(
            u.t.clock.today(),
            &worklog::model::TaskDraft {
                title: "Water the plants".into(),
                ..Default::default()
            },
        )
        .unwrap();
    u.app.tick();
    assert!(u.screen(120, 40).contains("Water the plants"));
    u.keys(&["1"]);
    assert!(u.screen(120, 40).contains("Water the plants"));
}

/// Idle time reads the panes not shown, once each, so the first visit of every pane reads
/// nothing; after a write it reads the others again, once each.
#[test]
fn idle_time_reads_each_stale_pane_once_so_first_visits_read_nothing() {
    let t = db();
    worklog::demo::generate(&t.repo, 2_000, 1, t.clock.today()).unwrap();
    let mut repo = second_session(&t);
    let read: Arc<AtomicU64> = repo.count_rows_read().unwrap();
    let mut app = App::new(
        repo,
        Some(worklog::paths::DataDir::new(t.dir.path())),
        Theme::default(),
    );
    app.set_editor_command("true");
    let mut u = Tui { t, app };
    let mut prefetched = 0;
    while u.app.prefetch_one() {
        prefetched += 1;
        assert!(prefetched <= 7, "idle time read a pane twice");
    }
    assert_eq!(prefetched, 7, "every pane but the one shown");
    let before = read.load(Ordering::Relaxed);
    for p in ["1", "2", "3", "4", "5", "6", "7", "0"] {
        u.keys(&[p]);
        u.screen(120, 40);
    }
    assert_eq!(
        read.load(Ordering::Relaxed) - before,
        0,
        "a first visit read rows"
    );

    u.keys(&["1", "a", "text:Phone the plumber", "Enter"]);
    let mut again = 0;
    while u.app.prefetch_one() {
        again += 1;
        assert!(again <= 7, "idle time read a pane twice");
    }
    assert_eq!(again, 7);
    u.keys(&["0"]);
    assert!(u.screen(120, 40).contains("Phone the plumber"));
}
