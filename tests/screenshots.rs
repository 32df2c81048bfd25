//! Screenshots of every pane for the README, taken from the real app: `worklog demo` data, the
//! clock pinned, 120×36 in a pseudo-terminal, the screen as vt100 parses it written out as SVG
//! with its colours.
//!
//! `UPDATE_SCREENSHOTS=1 cargo test --test screenshots` rewrites `assets/screenshots/`. Without
//! it the test still takes every screenshot (a second or two) and checks each shows its pane,
//! in colour, and that `assets/screenshots/` holds the same set of files. It does not compare
//! the pictures byte for byte: any change to a pane's looks would fail it, which is what a
//! reviewer should see in the diff of the regenerated SVGs, not a red test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::pty::Session;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const COLS: u16 = 120;
const ROWS: u16 = 36;
/// The clock of the demo data and the app: a Friday morning, at the end of the demo's year.
const NOW: &str = "2026-11-20T09:30:00";

/// File name, the keys that open it from the previous shot, and a text only that screen shows.
const SHOTS: [(&str, &str, &str); 9] = [
    ("today", "0", "Open action items"),
    ("focus", "1", "done · 2h15 left"),
    ("journal", "2", "Journal · "),
    ("skills", "3", "Skills · "),
    ("meetings", "4", "Meetings · "),
    ("goals", "5", "Goals · "),
    ("feedback", "6", "Feedback · "),
    ("energy", "7", "Daily average"),
    ("help", "0?", "Keys · Today"),
];

/// Waits until the screen has stopped changing (and differs from `before`, if given).
fn settle(app: &Session, before: Option<&str>) -> vt100::Parser {
    let start = Instant::now();
    let mut last = String::new();
    let mut since = Instant::now();
    loop {
        let screen = app.screen();
        let text = screen.screen().contents();
        if text != last {
            last = text;
            since = Instant::now();
        } else if since.elapsed() > Duration::from_millis(400) && before != Some(last.as_str()) {
            return screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the screen did not settle:\n{last}"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// xterm's 256 colours as #rrggbb.
fn rgb(c: vt100::Color, default: &str) -> String {
    const BASE: [&str; 16] = [
        "#1e1e1e", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
        "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
    ];
    match c {
        vt100::Color::Default => default.to_string(),
        vt100::Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        vt100::Color::Idx(i) if i < 16 => BASE[i as usize].to_string(),
        vt100::Color::Idx(i) if i < 232 => {
            let i = i - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            format!(
                "#{:02x}{:02x}{:02x}",
                level(i / 36),
                level((i / 6) % 6),
                level(i % 6)
            )
        }
        vt100::Color::Idx(i) => {
            let v = 8 + 10 * (i - 232);
            format!("#{v:02x}{v:02x}{v:02x}")
        }
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// (foreground, background, bold, italic, underline, dim).
type Style = (String, String, bool, bool, bool, bool);

/// Cells side by side in one style: the characters with their columns and whether each is wide,
/// and the columns covered.
struct Run {
    style: Style,
    chars: Vec<(u16, String, bool)>,
    width: u16,
}

/// The screen as SVG: a rectangle per run of one background, a text per run of one style,
/// each character placed on its cell so wide characters keep the grid.
fn svg(parser: &vt100::Parser) -> String {
    const CW: f64 = 8.4;
    const CH: f64 = 17.0;
    // Coordinates to a tenth of a pixel, without float noise (8.4 × 3 = 25.2, not 25.199999).
    let n = |v: f64| {
        let s = format!("{v:.1}");
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    const FG: &str = "#d4d4d4";
    const BG: &str = "#1e1e1e";
    let screen = parser.screen();
    let (w, h) = (n(f64::from(COLS) * CW), n(f64::from(ROWS) * CH));
    let mut out = String::new();
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace" font-size="14">"#
    )
    .unwrap();
    writeln!(out, r#"<rect width="100%" height="100%" fill="{BG}"/>"#).unwrap();
    for row in 0..ROWS {
        let y = f64::from(row) * CH;
        let mut runs: Vec<Run> = Vec::new();
        for col in 0..COLS {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                if let Some(last) = runs.last_mut() {
                    last.width += 1;
                }
                continue;
            }
            let (mut fg, mut bg) = (rgb(cell.fgcolor(), FG), rgb(cell.bgcolor(), BG));
            if cell.inverse() {
                std::mem::swap(&mut fg, &mut bg);
            }
            let style = (
                fg,
                bg,
                cell.bold(),
                cell.italic(),
                cell.underline(),
                cell.dim(),
            );
            let text = cell.contents().to_string();
            let wide = cell.is_wide();
            match runs.last_mut() {
                Some(last) if last.style == style => {
                    last.chars.push((col, text, wide));
                    last.width += 1;
                }
                _ => runs.push(Run {
                    style,
                    chars: vec![(col, text, wide)],
                    width: 1,
                }),
            }
        }
        for Run {
            style,
            chars,
            width,
        } in &runs
        {
            let start = chars[0].0;
            if style.1 != BG {
                writeln!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{CH}" fill="{}"/>"#,
                    n(f64::from(start) * CW),
                    n(y),
                    n(f64::from(*width) * CW),
                    style.1
                )
                .unwrap();
            }
            let mut attrs = format!(r#" fill="{}""#, style.0);
            if style.2 {
                attrs.push_str(r#" font-weight="bold""#);
            }
            if style.3 {
                attrs.push_str(r#" font-style="italic""#);
            }
            if style.4 {
                attrs.push_str(r#" text-decoration="underline""#);
            }
            if style.5 {
                attrs.push_str(r#" opacity="0.6""#);
            }
            // One text per word, and per wide character, each placed at its column: within a
            // word a monospace font keeps the grid, and no renderer has to honour spaces or
            // guess how wide a CJK character or an emoji is.
            let mut words: Vec<(u16, String)> = Vec::new();
            let mut next_col = None;
            for (col, text, wide) in chars {
                if text.is_empty() || text == " " {
                    next_col = None;
                    continue;
                }
                match words.last_mut() {
                    Some(word) if next_col == Some(*col) => word.1.push_str(&xml(text)),
                    _ => words.push((*col, xml(text))),
                }
                next_col = (!wide).then_some(col + 1);
            }
            for (col, text) in words {
                writeln!(
                    out,
                    r#"<text x="{}" y="{}"{attrs}>{text}</text>"#,
                    n(f64::from(col) * CW),
                    n(y + CH * 0.78)
                )
                .unwrap();
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/screenshots")
}

/// Takes every screenshot: (file name, svg, screen text).
fn take() -> Vec<(String, String, String)> {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("demo");
    let run = common::bin::worklog(&data, NOW, &["demo", "--data-dir", data.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut app = Session::start(
        &data,
        COLS,
        ROWS,
        &[("WORKLOG_NOW", NOW), ("WORKLOG_DAILY_BACKUP", "wait")],
    );
    let mut shots = Vec::new();
    let mut before = settle(&app, None).screen().contents();
    for (name, keys, _) in SHOTS {
        app.send(keys);
        // Today is where the app opens: its screen may be the one already showing.
        let parser = settle(&app, (name != "today").then_some(before.as_str()));
        before = parser.screen().contents();
        shots.push((format!("{name}.svg"), svg(&parser), before.clone()));
    }
    app.send("\x1bq");
    shots
}

#[test]
fn every_pane_has_a_current_screenshot() {
    let shots = take();
    for ((file, svg, text), (_, _, marker)) in shots.iter().zip(SHOTS) {
        assert!(text.contains(marker), "{file}: no {marker:?} on\n{text}");
        // Colour beyond the default foreground and background.
        let colours: std::collections::BTreeSet<&str> = svg
            .match_indices("fill=\"#")
            .map(|(i, _)| &svg[i + 6..i + 13])
            .collect();
        assert!(colours.len() > 3, "{file}: colours {colours:?}");
    }
    // Every pane looks different from the others.
    let texts: std::collections::BTreeSet<&String> = shots.iter().map(|s| &s.2).collect();
    assert_eq!(
        texts.len(),
        shots.len(),
        "two screenshots show the same screen"
    );
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        let _ = std::fs::remove_dir_all(folder());
        std::fs::create_dir_all(folder()).unwrap();
        for (file, svg, _) in &shots {
            std::fs::write(folder().join(file), svg).unwrap();
        }
    }
    let mut stored: Vec<String> = std::fs::read_dir(folder())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    stored.sort();
    let mut taken: Vec<String> = shots.iter().map(|s| s.0.clone()).collect();
    taken.sort();
    assert_eq!(
        stored, taken,
        "assets/screenshots is out of step: UPDATE_SCREENSHOTS=1 cargo test --test screenshots"
    );
}
