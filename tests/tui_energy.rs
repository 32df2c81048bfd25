//! The Energy pane driven by keys against a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use tui_support::*;
use worklog::tui::keymap::Context;
use worklog::tui::panes::PaneId;

fn today() -> chrono::NaiveDate {
    day("2026-11-22")
}

fn energy() -> Tui {
    let mut u = Tui::new();
    u.keys(&["7"]);
    assert_eq!(u.app.current(), PaneId::Energy);
    u
}

fn todays(u: &Tui) -> Vec<worklog::model::Checkin> {
    u.t.repo.checkins_between(today(), today()).unwrap()
}

#[test]
fn c_then_a_digit_records_at_once_then_the_form_edits_that_check_in() {
    let mut u = energy();
    u.keys(&["c", "4"]);
    let saved = todays(&u);
    assert_eq!(saved.len(), 1, "saved before the form is even touched");
    assert_eq!(
        (saved[0].level, saved[0].at),
        (4, at("2026-11-22T09:30:00"))
    );
    assert!(u.app.panes.energy.is_editing());
    assert_eq!(u.app.current(), PaneId::Energy, "4 did not switch panes");
    u.keys(&[
        "Tab", // level
        "Tab", // note
        "text:after lunch",
        "Tab",
        "text:meetings",
        "Enter",
        "C-s",
    ]);
    let saved = todays(&u);
    assert_eq!(saved.len(), 1, "the form edited the same check-in");
    assert_eq!(saved[0].note, "after lunch");
    assert_eq!(saved[0].tags, vec!["meetings"]);
    assert_eq!(saved[0].stamp.version, 2);
}

#[test]
fn escape_after_a_digit_keeps_the_check_in() {
    let mut u = energy();
    u.keys(&["c", "2", "Esc"]);
    assert!(!u.app.panes.energy.is_editing());
    assert_eq!(todays(&u)[0].level, 2);
    assert!(u.screen(80, 24).contains("09:30"));
}

#[test]
fn the_time_is_editable_and_checked() {
    let mut u = energy();
    u.keys(&["c", "3"]);
    for _ in 0.."2026-11-22 09:30".len() {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:lunchtime", "C-s"]);
    let s = u.screen(80, 24);
    assert!(s.contains("time must be"), "{s}");
    assert!(u.app.panes.energy.is_editing());
    for _ in 0.."lunchtime".len() {
        u.keys(&["Backspace"]);
    }
    u.keys(&["text:08:15", "Down", "C-s"]);
    let c = &todays(&u)[0];
    assert_eq!(c.at, at("2026-11-22T08:15:00"));
}

#[test]
fn changing_the_level_in_the_form() {
    let mut u = energy();
    u.keys(&["c", "1", "Tab", "Down", "Down", "Enter", "C-s"]);
    assert_eq!(todays(&u)[0].level, 3);
}

#[test]
fn add_opens_a_blank_check_in_saved_only_on_save() {
    let mut u = energy();
    u.keys(&["a"]);
    assert!(todays(&u).is_empty());
    u.keys(&["Tab", "Up", "C-s"]);
    assert_eq!(todays(&u)[0].level, 2);
}

#[test]
fn history_lists_days_and_edit_and_delete_work_on_the_selection() {
    let mut u = energy();
    u.t.repo
        .add_checkin(&checkin("2026-11-20T10:00:00", 2, "tired", &[]))
        .unwrap();
    u.t.repo
        .add_checkin(&checkin("2026-11-22T08:00:00", 5, "fresh", &["morning"]))
        .unwrap();
    u.app.tick();
    let s = u.screen(80, 24);
    assert!(s.contains("Sun 22 Nov") && s.contains("Fri 20 Nov"), "{s}");
    assert!(s.contains("fresh #morning"), "{s}");
    // Second row is Friday's: edit its note.
    u.keys(&["j", "e", "Tab", "Tab", "text: out", "C-s"]);
    let fri =
        u.t.repo
            .checkins_between(day("2026-11-20"), day("2026-11-20"))
            .unwrap();
    assert_eq!(fri[0].note, "tired out");
    u.keys(&["d"]);
    assert!(
        u.t.repo
            .checkins_between(day("2026-11-20"), day("2026-11-20"))
            .unwrap()
            .is_empty()
    );
    u.keys(&["u"]);
    assert_eq!(
        u.t.repo
            .checkins_between(day("2026-11-20"), day("2026-11-20"))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn digits_switch_panes_here_too_and_c_then_a_digit_checks_in() {
    let mut u = energy();
    u.keys(&["4"]);
    assert_eq!(
        u.app.current(),
        PaneId::Meetings,
        "4 switches panes in Energy too"
    );
    assert!(todays(&u).is_empty(), "a pane key wrote nothing");
    u.keys(&["7", "c"]);
    assert!(todays(&u).is_empty(), "c alone records nothing");
    let s = u.screen(80, 24);
    assert!(s.contains("1-5"), "the footer asks for a level: {s}");
    u.keys(&["1", "Esc", "c", "5", "Esc"]);
    assert_eq!(u.app.current(), PaneId::Energy);
    let mut levels: Vec<u8> = todays(&u).iter().map(|c| c.level).collect();
    levels.sort_unstable();
    assert_eq!(levels, vec![1, 5]);
    // `c` then anything else records nothing and the next keys are ordinary again.
    u.keys(&["c", "Esc", "0"]);
    assert_eq!(u.app.current(), PaneId::Today);
    assert_eq!(todays(&u).len(), 2);
    u.keys(&["7"]);
    let s = u.screen(100, 30);
    assert!(
        s.contains("c check in"),
        "footer shows the check-in key: {s}"
    );
    assert!(s.contains("0-7 pane"), "every digit switches: {s}");
}

#[test]
fn a_check_in_recorded_by_mistake_is_undone_with_u() {
    let mut u = energy();
    u.keys(&["c", "3", "Esc"]);
    assert_eq!(todays(&u).len(), 1);
    u.keys(&["u"]);
    assert!(todays(&u).is_empty(), "u took the check-in back");
    let s = u.screen(80, 24);
    assert!(
        s.contains("Undid: recorded energy 3"),
        "the status line says what: {s}"
    );
}

#[test]
fn v_toggles_the_daily_chart_between_30_and_90_days() {
    let mut u = energy();
    u.t.repo
        .add_checkin(&checkin("2026-09-10T10:00:00", 4, "", &[]))
        .unwrap();
    u.app.tick();
    assert!(u.screen(80, 24).contains("last 30 days"));
    u.keys(&["v"]);
    assert!(u.screen(80, 24).contains("last 90 days"));
    assert!(u.screen(80, 24).contains("mean 4.0 · 1 day · 1 check-in"));
}

#[test]
fn browsing_back_re_anchors_the_history() {
    let mut u = energy();
    u.t.repo
        .add_checkin(&checkin("2026-11-22T08:00:00", 5, "today", &[]))
        .unwrap();
    u.app.tick();
    u.keys(&["["]);
    assert_eq!(u.app.panes.energy.day(), day("2026-11-21"));
    assert_eq!(u.app.panes.energy.shown().count(), 0);
    u.keys(&["t"]);
    assert_eq!(u.app.panes.energy.shown().count(), 1);
}

#[test]
fn filter_matches_notes_and_tags() {
    let mut u = energy();
    for (t, n, tags) in [
        ("2026-11-22T08:00:00", "coffee", vec!["morning"]),
        ("2026-11-22T14:00:00", "slump", vec![]),
    ] {
        u.t.repo.add_checkin(&checkin(t, 3, n, &tags)).unwrap();
    }
    u.app.tick();
    u.keys(&["/", "text:morn"]);
    assert_eq!(u.app.contexts()[0], Context::FilterInput);
    assert_eq!(u.app.panes.energy.shown().count(), 1);
    u.keys(&["Esc"]);
    assert_eq!(u.app.panes.energy.shown().count(), 2);
}
