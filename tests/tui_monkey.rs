//! Thousands of seeded random keystrokes (and pastes, resizes, ticks, another session's writes,
//! a clock crossing midnight) across every pane of a populated database: nothing panics and the
//! database is sound afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod tui_support;
use chrono::Days;
use common::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use tui_support::*;
use worklog::model::{Priority, TaskStatus};

const KEYS: &[&str] = &[
    "0",
    "1",
    "1",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "7",
    "7",
    "a",
    "a",
    "e",
    "e",
    "d",
    "s",
    "j",
    "j",
    "k",
    "g",
    "G",
    "J",
    "K",
    "u",
    "c",
    "C",
    "x",
    "v",
    "t",
    "[",
    "]",
    "/",
    "?",
    "y",
    "n",
    "o",
    "b",
    "Space",
    "Space",
    "Enter",
    "Enter",
    "Esc",
    "Esc",
    "Tab",
    "Tab",
    "BackTab",
    "Up",
    "Down",
    "Down",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Backspace",
    "Backspace",
    "C-s",
    "C-s",
    "Left",
    "Right",
    "C-k",
    "C-w",
    "C-u",
    "C-z",
    "h",
    "é",
    "日",
    "🚀",
    "-",
    ":",
    "9",
];

const SIZES: &[(u16, u16)] = &[
    (80, 24),
    (120, 40),
    (80, 24),
    (160, 48),
    (79, 24),
    (20, 10),
    (0, 0),
    (100, 30),
];

fn populate(t: &TestDb) {
    let r = &t.repo;
    r.in_transaction(|r| {
        let start = day("2026-10-01");
        for i in 0..60u64 {
            let d = start.checked_add_days(Days::new(i)).unwrap();
            for n in 0..3 {
                let title = match n {
                    0 => format!("task {i} 日本語"),
                    1 => format!("review \x1b[1m{i}\x1b[0m 🚀"),
                    _ => format!("plan {i}"),
                };
                let task = r.add_task(
                    d,
                    &task_with(
                        &title,
                        Priority::new((n % 3 + 1) as u8).unwrap(),
                        (n == 0).then_some(30 + i as u32),
                        &["work", if n == 1 { "review" } else { "plan" }],
                    ),
                )?;
                if i % 4 == 0 {
                    r.set_task_status(task.id, 1, TaskStatus::Done)?;
                }
            }
            for h in [8, 13, 17] {
                let at_ = d.and_hms_opt(h, 15, 0).unwrap();
                r.add_checkin(&worklog::model::CheckinDraft {
                    at: at_,
                    level: ((i + u64::from(h)) % 5 + 1) as u8,
                    note: format!("note {i} ☕"),
                    tags: vec!["energy".into()],
                })?;
            }
        }
        Ok(())
    })
    .unwrap();
}

#[test]
fn random_keys_never_panic_and_leave_the_database_sound() {
    let mut u = Tui::at("2026-11-29T23:58:00");
    populate(&u.t);
    u.app.tick();
    let other = second_session(&u.t);
    let mut rng = ChaCha8Rng::seed_from_u64(0x5eed_2026);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let steps = 3000;
    let mut seen = std::collections::HashSet::new();
    let started = std::time::Instant::now();
    for step in 0..steps {
        match rng.random_range(0..100) {
            0 => {
                let text =
                    ["pasted\nlines\x1b[31m", "🚀 日本語", "\t tab", ""][rng.random_range(0..4)];
                u.app.handle_event(&Event::Paste(text.to_string()));
            }
            1 => {
                u.app.tick();
            }
            2 => {
                // Another session writes; the next tick reloads.
                other
                    .add_task(day("2026-11-29"), &task("from the other session"))
                    .unwrap();
            }
            3 if step == steps / 2 => {
                // Midnight passes.
                u.t.clock.set(at("2026-11-30T00:00:30"));
            }
            _ => {
                let k = KEYS[rng.random_range(0..KEYS.len())];
                u.keys(&[k]);
                if let Some(a) = u.app.last_action() {
                    seen.insert(format!("{a:?}"));
                }
            }
        }
        assert!(!u.app.should_quit(), "no quit key is in the alphabet");
        if step % 3 == 0 {
            let (w, h) = SIZES[rng.random_range(0..SIZES.len())];
            terminal.backend_mut().resize(w, h);
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, w, h))
                .unwrap();
            terminal.draw(|f| u.app.draw(f)).unwrap();
        }
    }
    eprintln!(
        "{steps} steps in {:?}, {} distinct actions",
        started.elapsed(),
        seen.len()
    );
    assert!(seen.len() > 40, "the monkey reached few actions: {seen:?}");
    let repo = &u.t.repo;
    assert!(repo.integrity_problems().unwrap().is_empty());
    assert!(repo.foreign_key_problems().unwrap().is_empty());
    // The monkey did things: the data changed.
    let total: usize = (0..70u64)
        .map(|i| {
            repo.tasks_on(day("2026-10-01").checked_add_days(Days::new(i)).unwrap())
                .unwrap()
                .len()
        })
        .sum();
    assert!(total > 0);
}
