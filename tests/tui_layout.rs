//! Layout and reading (issue 13): the selected row keeps each cell's colour, compact layouts
//! down to 60×16, large screens used, multi-line fields wrapped, help in user words, and the
//! footer keeping each pane's main verbs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tui_support::*;
use worklog::model::Priority;
use worklog::tui::app::App;
use worklog::tui::theme::Theme;

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    terminal
}

/// The (x, y) of the first cell where `needle` starts on the screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    for y in 0..area.height {
        let cells: Vec<&str> = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        let row: String = cells.concat();
        if let Some(byte) = row.find(needle) {
            // Count the cells before the byte offset (each symbol is one cell here).
            let mut seen = 0;
            for (x, c) in cells.iter().enumerate() {
                if seen >= byte {
                    return Some((x as u16, y));
                }
                seen += c.len();
            }
        }
    }
    None
}

fn app_with(t: &TestDb, theme: Theme) -> App {
    let mut app = App::new(second_session(t), None, theme);
    app.set_editor_command("true");
    app
}

/// Item 5: the selected row is marked by a background, so a tag keeps its colour instead of
/// becoming a solid reversed block.
#[test]
fn the_selected_row_keeps_each_cells_colour() {
    let t = db_at("2026-11-22T09:30:00");
    t.repo
        .add_task(
            day("2026-11-22"),
            &task_with("tagged task", Priority::HIGH, None, &["release"]),
        )
        .unwrap();
    let mut app = app_with(&t, Theme::default());
    press(&mut app, &["1"]);
    let term = draw(&mut app, 80, 24);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "#release").expect("the tag is on screen");
    let cell = &buf[(x, y)];
    assert_eq!(cell.fg, Color::Magenta, "the tag keeps its colour");
    assert!(
        !cell.modifier.contains(Modifier::REVERSED),
        "the selected row is not reversed"
    );
    assert_ne!(cell.bg, Color::Reset, "the selected row has a background");
    let (hx, hy) = find(buf, "H tagged").unwrap();
    assert_eq!(
        buf[(hx, hy)].fg,
        Color::Red,
        "the priority keeps its colour"
    );
}

/// Item 5: without colour the selected progress bar is not reversed, so 66% does not read as
/// 33%; the rest of the row is still reversed to show the selection.
#[test]
fn a_selected_progress_bar_reads_the_right_way_without_colour() {
    let t = db_at("2026-11-22T09:30:00");
    let g = t.repo.add_goal(&goal("Two of three", None)).unwrap();
    for (i, m) in ["one", "two", "three"].into_iter().enumerate() {
        let m = t.repo.add_milestone(g.id, m, None).unwrap();
        if i < 2 {
            t.repo.set_milestone_done(m.id, m.version, true).unwrap();
        }
    }
    let mut app = app_with(&t, Theme::monochrome());
    press(&mut app, &["5"]);
    let term = draw(&mut app, 80, 24);
    let buf = term.backend().buffer();
    let (x, y) = find(buf, "Two of three").expect("the goal is listed");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let (bx, by) = find(buf, "[█").expect("a bar");
    let mut filled = 0;
    let mut empty = 0;
    let mut bx = bx + 1;
    loop {
        let c = &buf[(bx, by)];
        match c.symbol() {
            "█" => filled += 1,
            "░" => empty += 1,
            _ => break,
        }
        assert!(
            !c.modifier.contains(Modifier::REVERSED),
            "the bar is not reversed"
        );
        bx += 1;
    }
    assert!(filled > empty, "66% shows more filled than empty");
}
