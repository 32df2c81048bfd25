//! What the screen shows: snapshots of Focus and Energy at 80×24 and 120×40 on data with
//! emoji, CJK and control characters (no raw ESC may reach the buffer), every tiny size from
//! 0×0 to 20×10 without a panic, and the "too small" message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::*;
use worklog::model::{Priority, TaskStatus};
use worklog::tui::app::App;
use worklog::tui::theme::Theme;

fn populated() -> Tui {
    let t = db_at("2026-11-22T09:30:00");
    let r = &t.repo;
    let today = day("2026-11-22");
    let y = day("2026-11-21");
    let a = r
        .add_task(
            today,
            &task_with(
                "Ship the 🚀 release notes",
                Priority::HIGH,
                Some(90),
                &["release", "writing"],
            ),
        )
        .unwrap();
    r.set_task_status(a.id, 1, TaskStatus::Done).unwrap();
    let b = r
        .add_task(
            today,
            &task_with(
                "日本語のドキュメントを翻訳する",
                Priority::NORMAL,
                Some(45),
                &["翻訳"],
            ),
        )
        .unwrap();
    r.set_task_status(b.id, 1, TaskStatus::Doing).unwrap();
    r.add_task(
        today,
        &task_with(
            "Evil \x1b[31mred\x1b[0m title\twith\ttabs\nand a newline",
            Priority::LOW,
            None,
            &[],
        ),
    )
    .unwrap();
    let carried = r.add_task(y, &task("Carried from yesterday")).unwrap();
    r.carry_tasks(&[carried.id], today).unwrap();
    let dropped = r.add_task(today, &task("Dropped idea")).unwrap();
    r.set_task_status(dropped.id, 1, TaskStatus::Dropped)
        .unwrap();
    r.add_task(y, &task("Still open from Saturday")).unwrap();
    let mut notes = task("Task with notes");
    notes.notes = "line one\n\x1b]0;pwned\x07 line two 🎉\n中文注释".into();
    r.add_task(today, &notes).unwrap();

    for (at_, level, note, tags) in [
        (
            "2026-11-22T08:05:00",
            4,
            "coffee ☕ and a walk",
            vec!["morning"],
        ),
        ("2026-11-22T09:10:00", 3, "standup \x1b[2J clear?", vec![]),
        ("2026-11-21T15:00:00", 2, "午後の眠気", vec!["slump"]),
        ("2026-11-21T10:00:00", 4, "", vec![]),
        (
            "2026-11-18T11:30:00",
            5,
            "great pairing session 🎸",
            vec!["pairing"],
        ),
        ("2026-11-02T16:45:00", 1, "migraine", vec![]),
        ("2026-10-10T09:00:00", 3, "", vec![]),
    ] {
        r.add_checkin(&checkin(at_, level, note, &tags)).unwrap();
    }
    let app = App::new(
        second_session(&t),
        Some(t.dir.path().to_path_buf()),
        Theme::default(),
    );
    Tui { t, app }
}

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control character {:?} reached the buffer",
            cell.symbol()
        );
    }
    terminal
}

#[test]
fn focus_snapshots() {
    let mut u = populated();
    u.keys(&["1", "j"]);
    insta::assert_snapshot!("focus_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("focus_120x40", draw(&mut u.app, 120, 40).backend());
    let s = u.screen(80, 24);
    assert!(s.contains("␛[31mred␛[0m"), "escape shown as a symbol: {s}");
    assert!(s.contains("↻1"));
    u.keys(&["G", "e"]);
    insta::assert_snapshot!("focus_form_80x24", draw(&mut u.app, 80, 24).backend());
}

#[test]
fn energy_snapshots() {
    let mut u = populated();
    u.keys(&["7"]);
    insta::assert_snapshot!("energy_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("energy_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["v"]);
    insta::assert_snapshot!("energy_90d_120x40", draw(&mut u.app, 120, 40).backend());
    let s = u.screen(80, 24);
    assert!(s.contains("standup ␛[2J clear?"), "{s}");
}

#[test]
fn help_and_conflict_snapshots() {
    let mut u = populated();
    u.keys(&["7", "?"]);
    insta::assert_snapshot!("energy_help_80x24", draw(&mut u.app, 80, 24).backend());
    u.keys(&["Esc", "0", "1", "e", "text: (mine)"]);
    let t = u.t.repo.tasks_on(day("2026-11-22")).unwrap().remove(0);
    let mut theirs = task_with("Theirs: 日本語 🚀", Priority::LOW, Some(30), &["other"]);
    theirs.notes = "their \x1b notes".into();
    u.t.repo
        .update_task(t.id, t.stamp.version, &theirs)
        .unwrap();
    u.keys(&["C-s"]);
    insta::assert_snapshot!("focus_conflict_80x24", draw(&mut u.app, 80, 24).backend());
}

#[test]
fn no_colour_mode_still_marks_the_selection() {
    let t = db_at("2026-11-22T09:30:00");
    t.repo
        .add_task(day("2026-11-22"), &task("only task"))
        .unwrap();
    let mut app = App::new(second_session(&t), None, Theme::monochrome());
    press(&mut app, &["1"]);
    let terminal = draw(&mut app, 80, 24);
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "no colour with NO_COLOR"
        );
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    let row = (0..24)
        .find(|y| {
            (0..80)
                .map(|x| buf[(x, *y)].symbol())
                .collect::<String>()
                .contains("only task")
        })
        .unwrap();
    assert!(
        buf[(6, row)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "the selected row is reversed"
    );
}

#[test]
fn every_tiny_size_renders_without_panic() {
    let mut u = populated();
    let states: [&[&str]; 6] = [&[], &["1"], &["e"], &["Esc", "C"], &["Esc", "7"], &["4"]];
    for keys in states {
        u.keys(keys);
        for w in 0..=20 {
            for h in 0..=10 {
                draw(&mut u.app, w, h);
            }
        }
        // And the odd sizes around the minimum and very large ones.
        for (w, h) in [
            (79, 24),
            (80, 23),
            (80, 24),
            (81, 25),
            (300, 100),
            (1000, 30),
        ] {
            draw(&mut u.app, w, h);
        }
    }
}

#[test]
fn too_small_says_so() {
    let mut u = populated();
    let s = u.screen(79, 24);
    assert!(
        s.contains("terminal too small: 79×24, worklog needs 80×24"),
        "{s}"
    );
    let s = u.screen(80, 23);
    assert!(s.contains("terminal too small"), "{s}");
    let s = u.screen(20, 10);
    assert!(s.contains("too small"), "{s}");
    let s = u.screen(80, 24);
    assert!(!s.contains("too small"));
}

#[test]
fn panes_draw_in_any_area_even_smaller_than_the_app_gives_them() {
    use worklog::tui::panes::PaneId;
    let mut u = populated();
    for keys in [&[][..], &["/", "text:a"][..], &["Esc", "e"][..]] {
        u.keys(keys);
        for id in [PaneId::Focus, PaneId::Energy, PaneId::Today] {
            for w in 0..=30 {
                for h in 0..=12 {
                    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                    terminal
                        .draw(|f| u.app.panes.get_mut(id).render(f, f.area()))
                        .unwrap();
                }
            }
        }
    }
}
