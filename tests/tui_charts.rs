//! Charts with scales, the year heatmaps, the Meetings week view, upcoming meetings on Today
//! and a meeting's calendar: keys and screens on a real database file, with snapshots at
//! 80×24 and 120×40 (issue 13 item 8, issue 15's TUI part).
#![allow(clippy::unwrap_used, clippy::expect_used)]
// The calendar's sync time is set in the file directly, so that the snapshot holds still.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;
mod tui_support;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_support::*;
use worklog::model::*;
use worklog::tui::app::App;
use worklog::tui::panes::PaneId;

fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    terminal
}

/// The line of `screen` that contains `needle`, and the column (in characters) it starts at.
fn find(screen: &str, needle: &str) -> Option<(usize, usize)> {
    screen
        .lines()
        .enumerate()
        .find_map(|(y, l)| l.find(needle).map(|byte| (y, l[..byte].chars().count())))
}

fn char_at(screen: &str, y: usize, x: usize) -> Option<char> {
    screen.lines().nth(y)?.chars().nth(x)
}

/// Check-ins on a few days of the last months; the clock reads Sun 2026-11-22 09:30.
fn energy_data(u: &Tui) {
    let r = &u.t.repo;
    for (at_, level) in [
        ("2026-11-22T08:00:00", 3),
        ("2026-11-20T10:00:00", 5),
        ("2026-11-18T10:00:00", 1),
        ("2026-11-02T10:00:00", 4),
        ("2026-10-01T10:00:00", 2),
        ("2026-09-01T10:00:00", 4),
        ("2026-03-10T10:00:00", 2),
        ("2025-12-01T10:00:00", 5),
    ] {
        r.add_checkin(&checkin(at_, level, "", &[])).unwrap();
    }
}

#[test]
fn the_daily_chart_has_a_level_axis_and_dates() {
    let mut u = Tui::new();
    energy_data(&u);
    u.keys(&["7"]);
    let s = u.screen(80, 24);
    for needle in [
        "5┤",
        "4┤",
        "3┤",
        "2┤",
        "1┤",
        "└┬",
        "24 Oct",
        "1 column = 1 day",
    ] {
        assert!(s.contains(needle), "{needle:?} missing:\n{s}");
    }
    // The hourly chart too: levels and hours on a ruled axis.
    let hourly = s.find("By hour of day").unwrap();
    assert!(
        s[hourly..].contains("5┤") && s[hourly..].contains("06"),
        "{s}"
    );
}

#[test]
fn a_bar_of_level_n_ends_on_the_row_labelled_n() {
    let mut u = Tui::new();
    u.t.repo
        .add_checkin(&checkin("2026-11-22T08:00:00", 3, "", &[]))
        .unwrap();
    u.keys(&["7"]);
    for (w, h) in [(80, 24), (120, 40), (160, 48)] {
        let s = u.screen(w, h);
        let (y3, x3) = find(&s, "3┤").unwrap_or_else(|| panic!("no level 3 label:\n{s}"));
        // Today is the last day: its bar is the last one drawn on the row of level 1.
        let (y1, x1) = find(&s, "1┤").unwrap();
        assert_eq!(x1, x3);
        let row1: Vec<char> = s.lines().nth(y1).unwrap().chars().collect();
        let bar_x = (x1 + 2..row1.len())
            .rev()
            .find(|&x| row1[x] == '█')
            .unwrap_or_else(|| panic!("no bar:\n{s}"));
        assert_eq!(char_at(&s, y3, bar_x), Some('█'), "bar reaches 3:\n{s}");
        assert_ne!(char_at(&s, y3 - 1, bar_x), Some('█'), "and no higher:\n{s}");
        let above = char_at(&s, y3 - 1, bar_x).unwrap();
        assert!(above == ' ', "{above:?} above level 3 at {w}x{h}:\n{s}");
    }
}

#[test]
fn ninety_days_say_how_days_are_squeezed_into_columns() {
    let mut u = Tui::new();
    energy_data(&u);
    u.keys(&["7", "v"]);
    let s = u.screen(80, 24);
    assert!(s.contains("last 90 days"), "{s}");
    assert!(s.contains("1 column = 3 days, mean"), "{s}");
    // Wide enough for two days a column.
    let s = u.screen(160, 48);
    assert!(s.contains("1 column = 2 days, mean"), "{s}");
}

#[test]
fn y_shows_a_year_of_energy_as_a_calendar_and_esc_goes_back() {
    let mut u = Tui::new();
    energy_data(&u);
    u.keys(&["7", "y"]);
    let s = u.screen(80, 24);
    for needle in [
        "mean level per day",
        "8 days with check-ins",
        "Mon",
        "Wed",
        "Fri",
        "Jan",
        "Nov",
        "4–5",
        "none",
    ] {
        assert!(s.contains(needle), "{needle:?} missing:\n{s}");
    }
    // Sun 22 Nov (level 3) is the last cell of the Sunday row; Fri 20 Nov (5) two rows up.
    let (sun_y, _) = find(&s, "Sun ").unwrap();
    let sun: Vec<char> = s.lines().nth(sun_y).unwrap().chars().collect();
    // 53 weeks of one column each after the weekday names.
    let last = 4 + 52;
    assert_eq!(sun[last], '▓', "level 3 is the 3–4 shade:\n{s}");
    assert_eq!(char_at(&s, sun_y - 2, last), Some('█'), "{s}");
    assert_eq!(
        char_at(&s, sun_y - 4, last),
        Some('░'),
        "Wed 18 Nov, level 1:\n{s}"
    );
    let tall = u.screen(120, 40);
    assert!(tall.contains("By month · mean level"), "{tall}");
    // Digits still switch panes, and the year view is still there on coming back.
    u.keys(&["1", "7"]);
    assert!(u.screen(80, 24).contains("mean level per day"));
    u.keys(&["Esc"]);
    let s = u.screen(80, 24);
    assert!(
        !s.contains("mean level per day") && s.contains("Daily average"),
        "{s}"
    );
    // The key is in the help.
    u.keys(&["?"]);
    let help = u.screen(120, 60);
    assert!(help.contains("mean energy per day"), "{help}");
}

fn person(u: &Tui, name: &str) -> Id {
    u.t.repo
        .add_person(&PersonDraft {
            name: name.into(),
            ..PersonDraft::default()
        })
        .unwrap()
        .id
}

/// Meetings in the week of Mon 16 – Sun 22 Nov 2026 and the next; the clock reads Sun 22 Nov.
fn week_data(u: &Tui) -> Vec<Id> {
    let ana = person(u, "Ana Souza");
    let bob = person(u, "Bob Smith");
    let r = &u.t.repo;
    let mut ids = Vec::new();
    for (at_, title, who, minutes) in [
        ("2026-11-16T09:00:00", "Standup", vec![ana, bob], 15),
        ("2026-11-17T14:00:00", "Design review", vec![ana], 60),
        ("2026-11-17T14:30:00", "Overlap call", vec![bob], 30),
        ("2026-11-19T11:00:00", "1:1 Bob", vec![bob], 30),
        ("2026-11-22T10:00:00", "Sunday sync", vec![], 30),
        ("2026-11-24T16:00:00", "Next week planning", vec![ana], 45),
        ("2026-11-23T10:00:00", "Monday kickoff", vec![bob], 30),
    ] {
        let mut d = meeting(at_, title, &who);
        d.duration_minutes = Some(minutes);
        ids.push(r.add_meeting(&d).unwrap().id);
    }
    ids
}

#[test]
fn w_lays_the_week_out_by_day_and_hour_and_moves_week_by_week() {
    let mut u = Tui::new();
    let ids = week_data(&u);
    u.keys(&["4", "t", "w"]);
    let s = u.screen(80, 24);
    assert!(
        s.contains("Week 47 · Mon 16 Nov – Sun 22 Nov 2026 · 5 meetings"),
        "{s}"
    );
    // Each meeting under its day's column, on its hour's row.
    let (_, tue_x) = find(&s, "Tue 17").unwrap();
    let (row14, _) = find(&s, "14:00").unwrap();
    let line: String = s
        .lines()
        .nth(row14)
        .unwrap()
        .chars()
        .skip(tue_x - 1)
        .collect();
    // Two at once share the column: side by side.
    assert!(line.starts_with("┼▌De"), "{line:?}\n{s}");
    let below: String = s
        .lines()
        .nth(row14 + 1)
        .unwrap()
        .chars()
        .skip(tue_x - 1)
        .collect();
    assert!(below.contains("▌Ov"), "{below:?}\n{s}");
    let (_, thu_x) = find(&s, "Thu 19").unwrap();
    let (row11, _) = find(&s, "11:00").unwrap();
    let line: String = s
        .lines()
        .nth(row11)
        .unwrap()
        .chars()
        .skip(thu_x - 1)
        .collect();
    assert!(line.starts_with("┼▌1:1 Bob"), "{line:?}\n{s}");
    // The selection starts on the meeting on now or next (Sunday's sync), shown in full.
    assert!(s.contains("Sun 22 Nov 10:00–10:30 · Sunday sync"), "{s}");
    assert_eq!(u.app.panes.meetings.week_shown().1, Some(ids[4]));
    u.keys(&["]"]);
    let s = u.screen(80, 24);
    assert!(s.contains("Week 48 · Mon 23 Nov"), "{s}");
    assert!(s.contains("Monday kickoff"), "{s}");
    u.keys(&["j", "Enter"]);
    assert_eq!(u.app.panes.meetings.open_meeting(), Some(ids[5]));
    u.keys(&["Esc"]);
    assert!(u.screen(80, 24).contains("Week 48"), "back to the week");
    u.keys(&["[", "h"]);
    // From Sunday's meeting, h goes to the nearest earlier day with one: Thursday's.
    assert_eq!(u.app.panes.meetings.week_shown().1, Some(ids[3]));
    u.keys(&["w"]);
    assert!(!u.app.panes.meetings.showing_week());
    let s = u.screen(80, 24);
    assert!(s.contains("Meetings · 7"), "{s}");
    u.keys(&["?"]);
    let help = u.screen(120, 80);
    assert!(
        help.contains("the week view: meetings by day and hour"),
        "{help}"
    );
}

#[test]
fn the_week_view_uses_a_big_screen_and_scrolls_an_early_meeting_into_sight() {
    let mut u = Tui::new();
    week_data(&u);
    u.t.repo
        .add_meeting(&meeting("2026-11-18T06:00:00", "Early call", &[]))
        .unwrap();
    u.keys(&["4", "t", "w"]);
    // At 160×48: several rows an hour, the time in each meeting, attendees below.
    let s = u.screen(160, 48);
    assert!(s.contains("09:00 Standup"), "{s}");
    assert!(
        s.contains("06:00"),
        "the day widened to the early call:\n{s}"
    );
    assert!(s.contains("▌11:00 1:1 Bob"), "{s}");
    assert!(s.contains("▏Bob Smith"), "attendees under the title:\n{s}");
}

#[test]
fn y_in_meetings_shows_meetings_per_day_over_the_year() {
    let mut u = Tui::new();
    week_data(&u);
    u.keys(&["4", "y"]);
    let s = u.screen(80, 24);
    for needle in [
        "meetings per day",
        "5 meetings on 4 days",
        "busiest Tue 17 Nov 2026 (2)",
        "5 or more",
    ] {
        assert!(s.contains(needle), "{needle:?} missing:\n{s}");
    }
    // This week is the last column: Mon 16 Nov (1 meeting), Tue 17 Nov (2), Thu 19 Nov (1).
    let (mon_y, _) = find(&s, "Mon ").unwrap();
    let last = 4 + 52;
    assert_eq!(char_at(&s, mon_y, last), Some('░'), "{s}");
    assert_eq!(char_at(&s, mon_y + 1, last), Some('▒'), "{s}");
    assert_eq!(char_at(&s, mon_y + 2, last), Some('·'), "{s}");
    assert_eq!(char_at(&s, mon_y + 3, last), Some('░'), "{s}");
    // A taller screen adds the months, on a scale: November's 5 reach the top.
    let s = u.screen(120, 40);
    assert!(s.contains("By month · meetings"), "{s}");
    let (top_y, top_x) = find(&s, "5┤").unwrap();
    let row: Vec<char> = s.lines().nth(top_y).unwrap().chars().collect();
    assert!(row[top_x + 2..].contains(&'█'), "{s}");
    u.keys(&["y"]);
    assert!(!u.app.panes.meetings.showing_year());
}

#[test]
fn today_lists_the_rest_of_today_and_tomorrow() {
    let mut u = Tui::new();
    let ana = person(&u, "Ana Souza");
    let bob = person(&u, "Bob Smith");
    let cy = person(&u, "Cy Young");
    let r = &u.t.repo;
    for (at_, title, who) in [
        ("2026-11-22T08:00:00", "Over already", vec![]),
        (
            "2026-11-22T15:00:00",
            "Afternoon review",
            vec![ana, bob, cy],
        ),
        ("2026-11-23T09:00:00", "Tomorrow standup", vec![bob]),
        ("2026-11-24T09:00:00", "Day after", vec![]),
    ] {
        r.add_meeting(&meeting(at_, title, &who)).unwrap();
    }
    u.app.tick();
    let s = u.screen(80, 24);
    assert!(
        s.contains("Upcoming meetings · 1 more today · 1 tomorrow"),
        "{s}"
    );
    assert!(s.contains("15:00"), "{s}");
    assert!(
        s.contains("Afternoon review · Ana Souza, Bob Smith, Cy Young"),
        "{s}"
    );
    assert!(s.contains("Mon 09:00"), "tomorrow's by weekday:\n{s}");
    assert!(s.contains("Tomorrow standup · Bob Smith"), "{s}");
    assert!(
        !s.contains("Over already") && !s.contains("Day after"),
        "{s}"
    );
}

/// Sets every calendar event's sync time (the database writes the wall clock).
fn set_synced(u: &Tui, when: &str) {
    let conn = rusqlite::Connection::open(u.t.dir.path().join("worklog.db")).unwrap();
    conn.execute("UPDATE calendar_events SET synced_at = ?1", [when])
        .unwrap();
}

fn calendar_meeting(u: &Tui) -> Id {
    let bob = u.t.repo.find_or_add_person("Bob Smith").unwrap().id;
    u.t.repo
        .add_calendar_meeting(&worklog::db::CalendarOccurrence {
            uid: "standup@example.com".into(),
            occurrence: "20261122T100000Z".into(),
            recurring: true,
            starts_at: at("2026-11-22T10:00:00"),
            duration_minutes: Some(15),
            title: "Daily standup".into(),
            kind: MeetingKind::Team,
            notes: "From the calendar".into(),
            location: "Room 4".into(),
            cancelled: false,
            attendees: vec![bob],
            fingerprint: "x".into(),
        })
        .unwrap()
}

#[test]
fn a_meetings_page_says_which_calendar_it_came_from_and_when_it_was_synced() {
    let mut u = Tui::new();
    let id = calendar_meeting(&u);
    set_synced(&u, "2026-11-21T07:05:00.000Z");
    let own =
        u.t.repo
            .add_meeting(&meeting("2026-11-22T11:00:00", "Typed in", &[]))
            .unwrap();
    u.app.open(worklog::tui::panes::Target::Meeting { id });
    let s = u.screen(80, 24);
    assert_eq!(u.app.current(), PaneId::Meetings);
    assert!(
        s.contains("from a calendar · recurring · at Room 4 · last synced"),
        "{s}"
    );
    assert!(s.contains("(yesterday)"), "{s}");
    insta::assert_snapshot!("meeting_calendar_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!(
        "meeting_calendar_120x40",
        draw(&mut u.app, 120, 40).backend()
    );
    u.app
        .open(worklog::tui::panes::Target::Meeting { id: own.id });
    let s = u.screen(80, 24);
    assert!(
        s.contains("recorded in worklog (not from a calendar)"),
        "{s}"
    );
    // A cancelled occurrence says so.
    u.t.repo.cancel_calendar_meeting(id).unwrap();
    u.app.open(worklog::tui::panes::Target::Meeting { id });
    let s = u.screen(80, 24);
    assert!(s.contains("cancelled in the calendar"), "{s}");
}

#[test]
fn the_skill_chart_puts_each_level_on_its_labelled_row() {
    let mut u = Tui::new();
    let r = &u.t.repo;
    let s = r
        .add_skill(&SkillDraft {
            name: "Rust".into(),
            target_level: Some(4),
            ..SkillDraft::default()
        })
        .unwrap();
    for (d, level) in [("2026-01-10", 1), ("2026-05-01", 3), ("2026-10-01", 2)] {
        r.record_skill_level(s.id, level, day(d), "").unwrap();
    }
    u.keys(&["3", "Enter"]);
    for (w, h) in [(80, 24), (120, 40)] {
        let scr = u.screen(w, h);
        // Each assessment's dot sits on the row labelled with its level.
        let dots: Vec<(usize, usize)> = scr
            .lines()
            .enumerate()
            .flat_map(|(y, l)| {
                l.chars()
                    .enumerate()
                    .filter(|(_, c)| *c == '●')
                    .map(move |(x, _)| (y, x))
            })
            .collect();
        assert_eq!(dots.len(), 3, "{scr}");
        let label_of = |y: usize| scr.lines().nth(y).unwrap().chars().next().unwrap();
        let mut levels: Vec<(usize, char)> = dots.iter().map(|&(y, x)| (x, label_of(y))).collect();
        levels.sort();
        let order: String = levels.iter().map(|(_, c)| *c).collect();
        assert_eq!(order, "132", "at {w}x{h}:\n{scr}");
        // The target is a dotted line on the row labelled 4.
        let target_row = scr
            .lines()
            .find(|l| l.starts_with('4') && l.contains('┤'))
            .unwrap();
        assert!(target_row.contains("┄┄┄"), "{scr}");
        // Dates along the bottom.
        assert!(scr.contains("10 Jan 26"), "{scr}");
    }
    insta::assert_snapshot!("skill_chart_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("skill_chart_120x40", draw(&mut u.app, 120, 40).backend());
}

#[test]
fn chart_snapshots() {
    let mut u = Tui::new();
    energy_data(&u);
    week_data(&u);
    u.app.tick();
    u.keys(&["7"]);
    insta::assert_snapshot!("energy_axes_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("energy_axes_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["y"]);
    insta::assert_snapshot!("energy_year_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("energy_year_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["4", "t", "w"]);
    insta::assert_snapshot!("meetings_week_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("meetings_week_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["w", "y"]);
    insta::assert_snapshot!("meetings_year_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("meetings_year_120x40", draw(&mut u.app, 120, 40).backend());
    u.keys(&["Esc", "0"]);
    insta::assert_snapshot!("today_upcoming_80x24", draw(&mut u.app, 80, 24).backend());
    insta::assert_snapshot!("today_upcoming_120x40", draw(&mut u.app, 120, 40).backend());
}

#[test]
fn the_new_views_draw_at_every_size_without_a_panic() {
    let mut u = Tui::new();
    energy_data(&u);
    week_data(&u);
    u.t.repo
        .add_meeting(&meeting("2026-11-18T00:00:00", "Midnight", &[]))
        .unwrap();
    u.t.repo
        .add_meeting(&meeting("2026-11-18T23:45:00", "Late", &[]))
        .unwrap();
    let id = calendar_meeting(&u);
    u.app.tick();
    let views: [&[&str]; 6] = [
        &["7"],
        &["7", "v"],
        &["7", "y"],
        &["Esc", "4", "t", "w"],
        &["w", "y"],
        &["Esc", "0"],
    ];
    for keys in views {
        u.keys(keys);
        for w in (0..=170).step_by(9) {
            for h in (0..=52).step_by(4) {
                draw(&mut u.app, w, h);
            }
        }
    }
    u.app.open(worklog::tui::panes::Target::Meeting { id });
    for w in (0..=170).step_by(9) {
        for h in (0..=52).step_by(4) {
            draw(&mut u.app, w, h);
        }
    }
    assert_eq!(u.app.panes.meetings.open_meeting(), Some(id));
}
