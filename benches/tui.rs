//! How fast the TUI answers on a big database (~100k rows): time to the first complete frame,
//! and from a key to its frame for switching panes, moving the cursor and typing in a form.
//! Run with `cargo bench --bench tui`; prints medians.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use worklog::clock::FixedClock;
use worklog::db::Repo;
use worklog::model::{CheckinDraft, Priority, TaskDraft, TaskStatus};
use worklog::tui::app::App;
use worklog::tui::theme::Theme;

const DAYS: u64 = 1300;
const TASKS_PER_DAY: u64 = 30;
const CHECKINS_PER_DAY: u64 = 20;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(now()))
}

fn populate(path: &Path) -> usize {
    let repo = Repo::open_migrated(path, clock()).unwrap();
    let first = now().date().checked_sub_days(Days::new(DAYS - 1)).unwrap();
    repo.in_transaction(|r| {
        for i in 0..DAYS {
            let d = first.checked_add_days(Days::new(i)).unwrap();
            for n in 0..TASKS_PER_DAY {
                let t = r.add_task(
                    d,
                    &TaskDraft {
                        title: format!("task {n} of day {i}: write the thing 日本語"),
                        notes: "some notes\nover two lines".into(),
                        priority: Priority::new((n % 3 + 1) as u8).unwrap(),
                        estimate_minutes: Some(15 + n as u32),
                        goal_id: None,
                        tags: if n % 3 == 0 {
                            vec!["work".into(), format!("t{}", n % 7)]
                        } else {
                            Vec::new()
                        },
                    },
                )?;
                if n % 2 == 0 && i + 1 < DAYS {
                    r.set_task_status(t.id, 1, TaskStatus::Done)?;
                }
            }
            for n in 0..CHECKINS_PER_DAY {
                r.add_checkin(&CheckinDraft {
                    at: d
                        .and_hms_opt(7 + (n % 14) as u32, (n * 3 % 60) as u32, 0)
                        .unwrap(),
                    level: (n % 5 + 1) as u8,
                    note: format!("check-in {n}"),
                    tags: if n % 4 == 0 {
                        vec!["energy".into()]
                    } else {
                        Vec::new()
                    },
                })?;
            }
        }
        Ok(())
    })
    .unwrap();
    repo.row_counts().unwrap().total() as usize
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn report(name: &str, samples: Vec<Duration>) {
    let n = samples.len();
    let m = median(samples);
    println!(
        "{name:<40} median {:>9.3} ms  ({n} runs)",
        m.as_secs_f64() * 1e3
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("worklog.db");
    let t = Instant::now();
    let rows = populate(&path);
    println!(
        "populated {rows} rows in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let draw = |app: &mut App, term: &mut Terminal<TestBackend>| {
        term.draw(|f| app.draw(f)).unwrap();
    };

    // First complete frame: open the database, build the app (reloads Today), draw.
    let mut first = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let repo = Repo::open_migrated(&path, clock()).unwrap();
        let mut app = App::new(repo, None, Theme::default());
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        draw(&mut app, &mut term);
        first.push(start.elapsed());
    }
    report("first frame (open + reload + draw)", first);

    let repo = Repo::open_migrated(&path, clock()).unwrap();
    let mut app = App::new(repo, None, Theme::default());
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    draw(&mut app, &mut term);

    let timed = |app: &mut App, term: &mut Terminal<TestBackend>, k: KeyEvent| {
        let start = Instant::now();
        app.key(k);
        draw(app, term);
        start.elapsed()
    };

    let (mut to_energy, mut to_focus) = (Vec::new(), Vec::new());
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    for _ in 0..30 {
        to_energy.push(timed(&mut app, &mut term, key('7'))); // Focus → Energy
        timed(&mut app, &mut term, tab); // Energy → Today (in Energy, 1–5 are check-ins)
        to_focus.push(timed(&mut app, &mut term, key('1'))); // Today → Focus
    }
    report("key → frame: switch to Energy (90 days)", to_energy);
    report("key → frame: switch to Focus", to_focus);

    let mut moves = Vec::new();
    for i in 0..60 {
        moves.push(timed(
            &mut app,
            &mut term,
            key(if i % 30 < 15 { 'j' } else { 'k' }),
        ));
    }
    report("key → frame: move the cursor (j/k)", moves);

    let mut toggles = Vec::new();
    for _ in 0..20 {
        toggles.push(timed(&mut app, &mut term, key(' ')));
    }
    report("key → frame: toggle done (write + reload)", toggles);

    timed(&mut app, &mut term, key('a'));
    let mut typing = Vec::new();
    for c in "typing a task title into the form quickly".chars() {
        typing.push(timed(&mut app, &mut term, key(c)));
    }
    report("key → frame: type a character in a form", typing);
}
