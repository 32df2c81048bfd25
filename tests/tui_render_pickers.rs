//! What a picker shows while the user types: options narrowed fuzzily (accents and case
//! ignored), best first, the matched letters highlighted, stored names sanitized, and the
//! question asked before a near-duplicate name is created.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use tui_support::*;

fn people() -> Tui {
    let u = Tui::new();
    for name in [
        "Ada Lovelace",
        "Inès Dubois",
        "Bob Idubov",
        "Ines Martin",
        "Mallory \u{1b}[31mIdub",
    ] {
        u.t.repo.find_or_add_person(name).unwrap();
    }
    let app = u.reopen();
    Tui { app, ..u }
}

fn draw(u: &mut Tui, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| u.app.draw(f)).unwrap();
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control character {:?} reached the buffer",
            cell.symbol()
        );
    }
    terminal
}

/// The text of row `y` and, under it, `^` where a cell is drawn as a match (underlined).
fn row_with_marks(t: &Terminal<TestBackend>, y: u16) -> (String, String) {
    let buf = t.backend().buffer();
    let mut text = String::new();
    let mut marks = String::new();
    for x in 0..buf.area.width {
        let cell = &buf[(x, y)];
        text.push_str(cell.symbol());
        let hit = cell.modifier.contains(Modifier::UNDERLINED);
        marks.push(if hit { '^' } else { ' ' });
    }
    (text, marks.trim_end().to_string())
}

fn find_row(t: &Terminal<TestBackend>, needle: &str) -> Option<u16> {
    (0..t.backend().buffer().area.height).find(|&y| row_with_marks(t, y).0.contains(needle))
}

#[test]
fn the_attendee_picker_narrows_fuzzily_with_highlights() {
    let mut u = people();
    // Meetings, new meeting, to the Attendees picker.
    u.keys(&["4", "a", "Tab", "Tab", "Tab", "Tab"]);
    insta::assert_snapshot!("picker_all_80x24", draw(&mut u, 80, 24).backend());

    u.keys(&["text:idub"]);
    let t = draw(&mut u, 80, 24);
    insta::assert_snapshot!("picker_idub_80x24", t.backend());
    let ines = find_row(&t, "Inès Dubois").expect("Inès Dubois is offered");
    let bob = find_row(&t, "Bob Idubov").expect("Bob Idubov is offered");
    let mallory = find_row(&t, "Mallory ␛[31mIdub").expect("Mallory is offered, sanitized");
    // These score alike for "idub"; ties keep the pane's alphabetical order.
    assert!(bob < ines && ines < mallory, "{bob} {ines} {mallory}");
    assert!(find_row(&t, "Ada Lovelace").is_none());
    assert!(find_row(&t, "Ines Martin").is_none());
    // The highlighted cells are the letters that matched, "I" and "Dub", and only those.
    let (text, marks) = row_with_marks(&t, ines);
    let at = text
        .find("Inès")
        .map(|b| text[..b].chars().count())
        .unwrap();
    let expected = format!("{}^    ^^^", " ".repeat(at));
    assert_eq!(marks, expected, "\n{text}\n{marks}");

    // Accents and case: "INES" finds both Inès and Ines.
    u.keys(&[
        "Backspace",
        "Backspace",
        "Backspace",
        "Backspace",
        "text:INES",
    ]);
    let s = u.screen(80, 24);
    assert!(
        s.contains("Inès Dubois") && s.contains("Ines Martin"),
        "{s}"
    );
    assert!(!s.contains("Bob Idubov"), "{s}");
}

#[test]
fn a_near_duplicate_name_gets_a_question() {
    let mut u = people();
    u.keys(&["4", "a", "Tab", "Tab", "Tab", "Tab", "text:Ines Dubios"]);
    let s = u.screen(80, 24);
    assert!(s.contains("+ new “Ines Dubios”"), "{s}");
    u.keys(&["Down", "Enter"]);
    let t = draw(&mut u, 80, 24);
    insta::assert_snapshot!("picker_near_duplicate_80x24", t.backend());
    let s = u.screen(80, 24);
    assert!(
        s.contains("“Ines Dubios” looks like one already here:"),
        "{s}"
    );
    assert!(s.contains("use Inès Dubois"), "{s}");
    assert!(s.contains("+ new “Ines Dubios” anyway"), "{s}");
    // Nothing was created by asking.
    assert_eq!(u.t.repo.people(None).unwrap().len(), 5);
}
