//! `H` shows the history of the row under the cursor: every change to it, newest first, with
//! the fields each changed, old → new. On both backends, and as screens at 80×24 and 120×40.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::model::*;
use worklog::tui::keymap::Context;

/// A task added, renamed by keys, marked done by keys; then `H` on it.
fn shown(u: &mut Tui) -> String {
    let id =
        u.t.repo
            .add_task(day("2026-11-22"), &task("Write report"))
            .unwrap()
            .id;
    u.keys(&["1", "e", "text: for Ada", "C-s", "Space"]);
    assert_eq!(u.t.repo.task(id).unwrap().status, TaskStatus::Done);
    u.keys(&["H"]);
    assert_eq!(u.app.contexts()[0], Context::RowHistory);
    u.screen(100, 30)
}

on_both_backends! {
    #[test]
    fn h_lists_every_change_to_the_row_with_old_and_new_values() {
        let mut u = Tui::with(db());
        let s = shown(&mut u);
        assert!(s.contains("History · task 1"), "{s}");
        let done = s.find("marked \"Write report for Ada\" done").expect(&s);
        let edited = s.find("edited task \"Write report for Ada\"").expect(&s);
        let added = s.find("added task \"Write report\"").expect(&s);
        assert!(done < edited && edited < added, "newest first: {s}");
        assert!(s.contains("status: \"todo\" → \"done\""), "{s}");
        assert!(s.contains("title: \"Write report\" → \"Write report for Ada\""), "{s}");
        // Esc closes it; keys go to the pane again.
        u.keys(&["Esc"]);
        assert_ne!(u.app.contexts()[0], Context::RowHistory);
        assert!(!u.screen(100, 30).contains("History · task"));
    }

    #[test]
    fn h_where_there_is_no_row_says_so() {
        let mut u = Tui::with(db());
        u.keys(&["1", "H"]);
        assert_ne!(u.app.contexts()[0], Context::RowHistory);
        let s = u.screen(100, 30);
        assert!(s.contains("no row here to show the history of"), "{s}");
    }
}

#[test]
fn h_screens() {
    let mut u = Tui::new();
    shown(&mut u);
    insta::assert_snapshot!("row_history_80x24", u.screen(80, 24));
    insta::assert_snapshot!("row_history_120x40", u.screen(120, 40));
}
