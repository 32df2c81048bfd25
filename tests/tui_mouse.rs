//! Clicks where lists are not one block of rows: Today's sections, the search results (two
//! lines a hit) and the people popup. A click selects the row; a second click on it soon
//! after (a double click) opens it, as Enter does there. Driven through `App::mouse` on the
//! screen last drawn, on a real database file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use tui_support::*;
use worklog::tui::keymap::Context;
use worklog::tui::panes::{PaneId, Target};

fn click(u: &mut Tui, col: usize, row: usize) {
    u.app.mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: u16::try_from(col).unwrap(),
        row: u16::try_from(row).unwrap(),
        modifiers: KeyModifiers::NONE,
    });
}

/// Where `needle` is on `screen`: (column, row).
fn find(screen: &str, needle: &str) -> (usize, usize) {
    screen
        .lines()
        .enumerate()
        .find_map(|(y, l)| l.find(needle).map(|b| (l[..b].chars().count(), y)))
        .unwrap_or_else(|| panic!("{needle:?} not on the screen:\n{screen}"))
}

/// Draws at `w`×`h` (the click map is the last frame's), then clicks on `needle`.
fn click_on(u: &mut Tui, w: u16, h: u16, needle: &str) {
    let s = u.screen(w, h);
    let (x, y) = find(&s, needle);
    click(u, x + 1, y);
}

fn three_tasks() -> (Tui, Vec<worklog::model::Id>) {
    let u = Tui::new();
    let ids = ["Alpha task", "Beta task", "Gamma task"]
        .iter()
        .map(|t| u.t.repo.add_task(day("2026-11-22"), &task(t)).unwrap().id)
        .collect();
    let mut u = u;
    u.app.tick();
    (u, ids)
}

#[test]
fn a_click_selects_a_row_of_today_and_a_double_click_opens_it() {
    for (w, h) in [(80, 24), (120, 40), (60, 16)] {
        let (mut u, ids) = three_tasks();
        u.keys(&["0"]);
        click_on(&mut u, w, h, "Gamma task");
        assert_eq!(
            u.app.panes.today.selected_target(),
            Some(Target::Task {
                id: ids[2],
                day: day("2026-11-22")
            }),
            "at {w}x{h}"
        );
        assert_eq!(u.app.current(), PaneId::Today, "one click only selects");
        // A header is not a row.
        click_on(&mut u, w, h, "Focus ·");
        assert_eq!(u.app.current(), PaneId::Today);
        // The second click of a double click, on the row now selected: opens it in Focus.
        click_on(&mut u, w, h, "Gamma task");
        click_on(&mut u, w, h, "Gamma task");
        assert_eq!(u.app.current(), PaneId::Focus, "at {w}x{h}");
        assert_eq!(u.app.panes.focus.shown().nth(2).map(|t| t.id), Some(ids[2]));
    }
}

#[test]
fn a_click_selects_a_search_result_and_a_double_click_opens_it() {
    let (mut u, ids) = three_tasks();
    u.keys(&["0", "/", "text:task"]);
    let s = u.screen(80, 24);
    assert_eq!(u.app.search().unwrap().hits().len(), 3, "{s}");
    // The second line of a hit (its snippet) selects it as well as the first.
    let (x, y) = find(&s, "Beta task");
    click(&mut u, x, y + 1);
    assert_eq!(u.app.search().unwrap().selected(), 1);
    // The tabs and the pane are behind the overlay: a click there does nothing.
    click_on(&mut u, 80, 24, "3 Skills");
    assert!(u.app.search().is_some());
    assert_eq!(u.app.current(), PaneId::Today);
    click_on(&mut u, 80, 24, "Beta task");
    click_on(&mut u, 80, 24, "Beta task");
    assert!(u.app.search().is_none(), "a double click opens the result");
    assert_eq!(u.app.current(), PaneId::Focus);
    assert!(ids.contains(&u.app.panes.focus.shown().nth(1).unwrap().id));
}

#[test]
fn a_click_selects_a_person_in_the_people_popup_and_a_double_click_edits_them() {
    let u = Tui::new();
    for name in ["Ada Lovelace", "Bob Smith", "Cy Young"] {
        u.t.repo.find_or_add_person(name).unwrap();
    }
    let mut u = u;
    u.keys(&["P"]);
    click_on(&mut u, 80, 24, "Cy Young");
    let m = u.app.manager().unwrap();
    assert_eq!(m.selected().as_deref(), Some("Cy Young"));
    assert!(!m.hints().contains(&Context::Form));
    click_on(&mut u, 60, 16, "Bob Smith");
    assert_eq!(
        u.app.manager().unwrap().selected().as_deref(),
        Some("Bob Smith")
    );
    click_on(&mut u, 60, 16, "Bob Smith");
    assert!(
        u.app.manager().unwrap().hints().contains(&Context::Form),
        "a double click edits the person, as Enter does"
    );
}
