//! A status message longer than its line takes a second line (a third from 24 rows on)
//! rather than being cut: an error naming a path, a conflict, a word on what keys do.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use tui_support::*;

/// The status lines of `screen`: every line between the pane and the footer that the
/// message wrote, joined (the message starts one column in).
fn said(screen: &str, first_words: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(&format!(" {first_words}")))
        .unwrap_or_else(|| panic!("no status line starting {first_words:?}:\n{screen}"));
    // The footer is the last line.
    lines[start..lines.len() - 1]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_message_naming_a_path_is_read_whole_at_80_and_60_columns() {
    let mut u = Tui::new();
    u.keys(&["0", "R"]);
    let path =
        u.t.dir
            .path()
            .join("reports")
            .join("review-2026-11-16-2026-11-22.md");
    let path = path.to_string_lossy();
    for (w, h) in [(80, 24), (60, 16)] {
        let s = u.screen(w, h);
        let text = said(&s, "review of the last 7 days");
        // Wrapped at the path's slashes or cut inside it: read without the line breaks.
        assert!(
            text.replace(' ', "").contains(&path.replace(' ', "")),
            "the whole path {path} at {w}x{h}:\n{s}"
        );
        // The pane gave up a row for it, and the footer is still there.
        assert!(s.lines().last().unwrap().contains("help"), "{s}");
    }
}

#[test]
fn a_long_word_on_marking_takes_two_lines_and_a_short_one_keeps_to_one() {
    let mut u = Tui::new();
    u.t.repo
        .add_checkin(&checkin("2026-11-22T09:00:00", 4, "", &[]))
        .unwrap();
    u.keys(&["7", "V", "Space", "x"]);
    for (w, h) in [(60, 16), (80, 24), (120, 40)] {
        let s = u.screen(w, h);
        let text = said(&s, "check-ins marked");
        assert!(
            text.starts_with("check-ins marked together can be tagged (t), or deleted (d)"),
            "whole at {w}x{h}:\n{s}"
        );
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| u.app.draw(f)).unwrap();
        insta::assert_snapshot!(format!("status_two_lines_{w}x{h}"), terminal.backend());
    }
    // A short message: one line, the backup note beside it.
    u.keys(&["Esc"]);
    let s = u.screen(80, 24);
    let line = s.lines().find(|l| l.contains("stopped marking")).unwrap();
    assert!(line.contains("no backup yet today"), "{s}");
}
