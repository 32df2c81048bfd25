//! The Journal and Meetings panes hold a window of rows, not the history: on a database with
//! thousands of entries and meetings, what each pane holds and what each reload or move reads
//! stays within its window, while totals, jumps, the filter and the selection stay right. And
//! navigation in one pane (a day change in Focus) makes no other pane read its list again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use chrono::{Duration, NaiveDate};
use tui_support::*;
use worklog::model::*;

const N: usize = 3_000;

/// `N` journal entries and `N` meetings, one of each per day going back from 2026-11-21,
/// written in one transaction each.
fn history() -> Tui {
    let u = Tui::new();
    let day0 = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    u.t.repo
        .in_transaction(|r| {
            for i in 0..N {
                let at = (day0 - Duration::days(i as i64))
                    .and_hms_opt(9, 0, 0)
                    .unwrap();
                r.add_learning(&LearningDraft {
                    at: Some(at),
                    title: format!("entry {i}"),
                    body: format!("body of entry {i}"),
                    starred: i % 10 == 0,
                    tags: vec![format!("t{}", i % 3)],
                    skill_ids: Vec::new(),
                })?;
                r.add_meeting(&MeetingDraft {
                    starts_at: at,
                    duration_minutes: Some(30),
                    title: format!("meeting {i}"),
                    kind: MeetingKind::Team,
                    notes: String::new(),
                    attendee_ids: Vec::new(),
                    tags: Vec::new(),
                })?;
            }
            Ok(())
        })
        .unwrap();
    u
}

/// Fails if the pane holds or read more than its window.
fn bounded(held: usize, loaded: usize, capacity: usize, what: &str) {
    assert!(
        capacity < N / 4,
        "{what}: the window ({capacity}) is far below the history"
    );
    assert!(
        held <= capacity,
        "{what}: holds {held} rows, window {capacity}"
    );
    assert!(
        loaded <= capacity,
        "{what}: read {loaded} rows, window {capacity}"
    );
}

#[test]
fn the_journal_holds_a_window_however_long_the_history() {
    let mut u = history();
    u.keys(&["2"]);
    let s = u.screen(120, 40);
    assert!(s.contains(&format!("Journal · {N} entries")), "{s}");
    let j = |u: &Tui| {
        let p = u.app.panes.journal.paged();
        bounded(p.held(), p.loaded(), p.capacity(), "journal");
        u.app.panes.journal.selected().unwrap().title.clone()
    };
    assert_eq!(j(&u), "entry 0");
    u.keys(&["G"]);
    assert_eq!(j(&u), format!("entry {}", N - 1));
    for _ in 0..40 {
        u.keys(&["PgUp"]);
        u.screen(120, 40);
        j(&u);
    }
    let page = u.app.panes.journal.paged().selected_index();
    assert_eq!(
        j(&u),
        format!("entry {page}"),
        "the cursor and the row agree"
    );
    u.keys(&["k", "k", "j"]);
    assert_eq!(j(&u), format!("entry {}", page - 1));
    u.keys(&["g"]);
    assert_eq!(j(&u), "entry 0");
    // The filter runs in the database: "entry 2999" is one row, deep in the history.
    u.keys(&["/", "text:entry 2999"]);
    assert_eq!(u.app.panes.journal.paged().total(), 1);
    assert_eq!(j(&u), "entry 2999");
    let s = u.screen(120, 40);
    assert!(s.contains(&format!("1 of {N}")), "{s}");
    u.keys(&["Esc", "Esc"]);
    // The starred filter narrows in SQL too.
    u.keys(&["v"]);
    assert_eq!(u.app.panes.journal.paged().total(), N / 10);
    j(&u);
}

#[test]
fn the_meetings_pane_holds_a_window_however_long_the_history() {
    let mut u = history();
    u.keys(&["4"]);
    let s = u.screen(120, 40);
    assert!(s.contains(&format!("Meetings · {N} · 0 today")), "{s}");
    let m = |u: &Tui| {
        let p = u.app.panes.meetings.paged();
        bounded(p.held(), p.loaded(), p.capacity(), "meetings");
        u.app.panes.meetings.shown().count()
    };
    m(&u);
    u.keys(&["G"]);
    m(&u);
    for _ in 0..40 {
        u.keys(&["PgUp"]);
        u.screen(120, 40);
        m(&u);
    }
    // `[` steps to the next older day from the middle of the history, `t` back to today's.
    u.keys(&["[", "Enter"]);
    let open = u.app.panes.meetings.open_meeting().unwrap();
    let title = u.t.repo.meeting(open).unwrap().title;
    let at = u.app.panes.meetings.paged().selected_index();
    assert_eq!(title, format!("meeting {at}"));
    u.keys(&["Esc", "t", "Enter"]);
    let open = u.app.panes.meetings.open_meeting().unwrap();
    assert_eq!(u.t.repo.meeting(open).unwrap().title, "meeting 0");
    u.keys(&["Esc", "/", "text:meeting 1234"]);
    assert_eq!(u.app.panes.meetings.paged().total(), 1);
    m(&u);
}

#[test]
fn a_day_change_in_focus_makes_no_other_pane_read_its_list_again() {
    let mut u = history();
    u.keys(&["4"]);
    u.keys(&["2"]);
    let meetings = u.app.panes.meetings.paged().reloads();
    let journal = u.app.panes.journal.paged().reloads();
    // Days back and forth in Focus, then back to the panes: nothing was written.
    u.keys(&["1", "[", "[", "]", "4"]);
    assert_eq!(u.app.panes.meetings.paged().reloads(), meetings);
    u.keys(&["2"]);
    assert_eq!(u.app.panes.journal.paged().reloads(), journal);
    // A write in Focus does make them read again.
    u.keys(&["1", "a", "text:a task", "C-s", "4"]);
    assert_eq!(u.app.panes.meetings.paged().reloads(), meetings + 1);
    u.keys(&["2"]);
    assert_eq!(u.app.panes.journal.paged().reloads(), journal + 1);
}

/// `N` pieces of feedback with Ada, one a day going back from 2026-11-21, alternately given
/// and received.
fn feedback_history() -> Tui {
    let u = Tui::new();
    let day0 = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    u.t.repo
        .in_transaction(|r| {
            let ada = r
                .add_person(&PersonDraft {
                    name: "Ada".into(),
                    ..Default::default()
                })?
                .id;
            for i in 0..N {
                r.add_feedback(&FeedbackDraft {
                    direction: if i % 2 == 0 {
                        Direction::Given
                    } else {
                        Direction::Received
                    },
                    person_id: ada,
                    day: day0 - Duration::days(i as i64),
                    kind: FeedbackKind::Praise,
                    content: format!("feedback {i}"),
                    meeting_id: None,
                    tags: Vec::new(),
                })?;
            }
            Ok(())
        })
        .unwrap();
    u
}

#[test]
fn the_feedback_pane_holds_a_window_however_long_the_history() {
    let mut u = feedback_history();
    u.keys(&["6"]);
    let s = u.screen(120, 40);
    assert!(
        s.contains(&format!(
            "Feedback · {N} · {} given · {} received",
            N / 2,
            N / 2
        )),
        "{s}"
    );
    let f = |u: &Tui| {
        let p = u.app.panes.feedback.paged();
        bounded(p.held(), p.loaded(), p.capacity(), "feedback");
        p.selected().unwrap().content.clone()
    };
    assert_eq!(f(&u), "feedback 0");
    u.keys(&["G"]);
    assert_eq!(f(&u), format!("feedback {}", N - 1));
    for _ in 0..40 {
        u.keys(&["PgUp"]);
        u.screen(120, 40);
        f(&u);
    }
    let at = u.app.panes.feedback.paged().selected_index();
    assert_eq!(
        f(&u),
        format!("feedback {at}"),
        "the cursor and the row agree"
    );
    u.keys(&["g"]);
    // The direction narrows in SQL, and the header counts what it leaves.
    u.keys(&["v"]);
    assert_eq!(u.app.panes.feedback.paged().total(), N / 2);
    assert_eq!(f(&u), "feedback 0");
    u.keys(&["v", "v"]);
    // The text filter runs in the database, deep in the history.
    u.keys(&["/", "text:feedback 2999"]);
    assert_eq!(u.app.panes.feedback.paged().total(), 1);
    assert_eq!(f(&u), "feedback 2999");
    let s = u.screen(120, 40);
    assert!(s.contains(&format!("1 of {N}")), "{s}");
}

#[test]
fn a_filter_matching_much_of_the_history_counts_a_thousand_and_then_the_rest_on_demand() {
    let mut u = history();
    u.keys(&["2", "/", "text:entry"]);
    let p = u.app.panes.journal.paged();
    assert!(
        !p.is_exact(),
        "a filter matching every entry stops counting"
    );
    assert_eq!(p.total_text(), "1000+");
    bounded(p.held(), p.loaded(), p.capacity(), "journal filtered");
    let s = u.screen(120, 40);
    assert!(s.contains(&format!("1000+ of {N}")), "{s}");
    // Going to the end counts them all.
    u.keys(&["Enter", "G"]);
    let p = u.app.panes.journal.paged();
    assert!(p.is_exact());
    assert_eq!(p.total(), N);
    assert_eq!(
        p.selected().unwrap().title,
        format!("entry {}", N - 1),
        "the last match"
    );
    let s = u.screen(120, 40);
    assert!(s.contains(&format!("{N} of {N}")), "{s}");
}
