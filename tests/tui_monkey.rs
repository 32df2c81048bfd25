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
use worklog::model::{ActionItemDraft, ActionSource, Id, Priority, TaskStatus};

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
    "C-f",
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
    // Today, Journal, Skills, the people popup (panes-a)
    "0",
    "2",
    "3",
    "P",
    "O",
    "*",
    "#",
    "E",
    "C-o",
    "r",
    "o",
    "m",
    "f",
    "J",
    "K",
    // Meetings, Goals, Feedback
    "4",
    "5",
    "6",
    "@",
    "p",
    "E",
    "A",
    "z",
    "m",
    "l",
    "o",
    "v",
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
        let acme = r.add_organization("Acme")?;
        let globex = r.add_organization("Globex 東京")?;
        let mut people = Vec::new();
        for (n, org) in [
            ("Ana", Some(acme.id)),
            ("Bob", Some(globex.id)),
            ("Ana S.", None),
        ] {
            people.push(
                r.add_person(&worklog::model::PersonDraft {
                    name: n.into(),
                    organization_id: org,
                    ..Default::default()
                })?
                .id,
            );
        }
        let mut skills = Vec::new();
        for (n, org) in [
            ("Rust", None),
            ("SQL", Some(acme.id)),
            ("Speaking", Some(globex.id)),
        ] {
            skills.push(
                r.add_skill(&worklog::model::SkillDraft {
                    name: n.into(),
                    category: "craft".into(),
                    target_level: Some(4),
                    organization_id: org,
                    ..Default::default()
                })?
                .id,
            );
        }
        for (n, when) in [("Goal soon", "2026-12-05"), ("Goal later", "2027-01-10")] {
            r.add_goal(&worklog::model::GoalDraft {
                title: n.into(),
                organization_id: Some(acme.id),
                target_date: Some(day(when)),
                ..Default::default()
            })?;
        }
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
            if i % 3 == 0 {
                r.add_learning(&worklog::model::LearningDraft {
                    at: Some(d.and_hms_opt(18, 0, 0).unwrap()),
                    title: format!("learned {i} \x1b[1m日本語"),
                    body: format!("line one 🚀\nline two {i}"),
                    starred: i % 2 == 0,
                    tags: vec![if i % 2 == 0 { "rust" } else { "sql" }.into()],
                    skill_ids: skills.iter().take(i as usize % 3).copied().collect(),
                })?;
            }
            if i % 10 == 0 {
                for (k, s) in skills.iter().enumerate() {
                    r.record_skill_level(*s, ((i / 10 + k as u64) % 6) as u8, d, "evidence ☕")?;
                }
                let m = r.add_meeting(&worklog::model::MeetingDraft {
                    starts_at: d.and_hms_opt(11, 0, 0).unwrap(),
                    duration_minutes: Some(30),
                    title: format!("sync {i}"),
                    kind: worklog::model::MeetingKind::Team,
                    notes: String::new(),
                    attendee_ids: people.clone(),
                    tags: vec![],
                })?;
                r.add_action_item(&worklog::model::ActionItemDraft {
                    title: format!("follow up {i}"),
                    source: worklog::model::ActionSource::Meeting(m.id),
                    owner_id: people.first().copied(),
                    due_date: Some(d),
                })?;
            }
            if i % 2 == 0 {
                let people: Vec<Id> = ["Ada", "陈伟", "Mallory \x1b[31m"]
                    .iter()
                    .map(|n| r.find_or_add_person(n).map(|p| p.id))
                    .collect::<Result<_, _>>()?;
                let m = r.add_meeting(&meeting(
                    &format!("{}T10:00:00", d.format("%Y-%m-%d")),
                    &format!("sync {i} 🚀"),
                    &people[..(i as usize % 3) + 1],
                ))?;
                let item = r.add_action_item(&ActionItemDraft {
                    title: format!("follow up {i} \x1b[1m"),
                    source: ActionSource::Meeting(m.id),
                    owner_id: people.get(i as usize % 2).copied().filter(|_| i % 4 == 0),
                    due_date: Some(d),
                })?;
                if i % 6 == 0 {
                    r.promote_action_item(item.id, d)?;
                }
                let mut f = feedback(
                    people[i as usize % 3],
                    &format!("feedback {i}\nline 2 日本"),
                );
                f.day = d;
                f.meeting_id = (i % 4 == 0).then_some(m.id);
                let f = r.add_feedback(&f)?;
                r.add_action_item(&ActionItemDraft {
                    title: format!("from feedback {i}"),
                    source: ActionSource::Feedback(f.id),
                    owner_id: None,
                    due_date: None,
                })?;
            }
            if i % 10 == 0 {
                let g = r.add_goal(&goal(&format!("goal {i} 🎯"), None))?;
                let sub = r.add_goal(&goal(&format!("sub-goal {i}"), Some(g.id)))?;
                r.add_milestone(sub.id, "step one", Some(d))?;
                r.add_milestone(g.id, "step \x1b[2J two", None)?;
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
    // An editor that changes the text, so `E` and Ctrl-O write something.
    u.app.set_editor_command("sed -i s/e/E/");
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
            if w < worklog::tui::app::MIN_WIDTH || h < worklog::tui::app::MIN_HEIGHT {
                // Keys do nothing but quit behind "terminal too small": grow it back so the
                // monkey's keys keep acting.
                terminal.backend_mut().resize(80, 24);
                terminal
                    .resize(ratatui::layout::Rect::new(0, 0, 80, 24))
                    .unwrap();
                terminal.draw(|f| u.app.draw(f)).unwrap();
            }
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

/// Keys for the second monkey: no way to Energy (its digits open a form the first monkey
/// already covers at length), more ways out of forms and popups.
const KEYS_B: &[&str] = &[
    "0",
    "0",
    "2",
    "2",
    "3",
    "3",
    "1",
    "P",
    "P",
    "O",
    "a",
    "e",
    "d",
    "u",
    "j",
    "j",
    "k",
    "g",
    "G",
    "J",
    "K",
    "/",
    "?",
    "y",
    "y",
    "n",
    "o",
    "o",
    "r",
    "r",
    "m",
    "f",
    "s",
    "*",
    "#",
    "E",
    "t",
    "b",
    "Space",
    "Enter",
    "Enter",
    "Enter",
    "Esc",
    "Esc",
    "Esc",
    "Tab",
    "Up",
    "Down",
    "PgUp",
    "PgDn",
    "Left",
    "Right",
    "Backspace",
    "C-s",
    "C-s",
    "C-o",
    "x",
    "é",
    "日",
    "🚀",
    "-",
    "2026-11-01",
];

#[test]
fn random_keys_on_today_journal_skills_and_the_people_popup() {
    let mut u = Tui::at("2026-11-29T23:58:00");
    u.app.set_editor_command("sed -i s/e/E/");
    populate(&u.t);
    u.app.tick();
    // The walk's coverage (the list below) depends on the seed: Ctrl-O now opens $EDITOR in
    // every form, which moved the old seed's walk away from the merge confirmation.
    let mut rng = ChaCha8Rng::seed_from_u64(0x0da7_2028);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut seen = std::collections::HashSet::new();
    let steps = 3000;
    for step in 0..steps {
        if step % 60 == 59 {
            // Out of whatever form or popup, then to one of these panes.
            u.keys(&["Esc", "y", "Esc", "Esc"]);
            u.keys(&[["0", "2", "3", "P"][rng.random_range(0..4)]]);
        }
        let k = KEYS_B[rng.random_range(0..KEYS_B.len())];
        if let Some(text) = k.strip_prefix("2026") {
            u.keys(&[&format!("text:2026{text}")]);
        } else {
            u.keys(&[k]);
        }
        if let Some(a) = u.app.last_action() {
            seen.insert(format!("{a:?}"));
        }
        if rng.random_range(0..40) == 0 {
            u.app
                .handle_event(&Event::Paste("pasted \x1b[2J\nline 日本語".to_string()));
        }
        assert!(!u.app.should_quit());
        if step % 3 == 0 {
            let (w, h) = SIZES[rng.random_range(0..SIZES.len())];
            terminal.backend_mut().resize(w, h);
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, w, h))
                .unwrap();
            terminal.draw(|f| u.app.draw(f)).unwrap();
            if w < worklog::tui::app::MIN_WIDTH || h < worklog::tui::app::MIN_HEIGHT {
                // Keys do nothing but quit behind "terminal too small": grow it back so the
                // monkey's keys keep acting.
                terminal.backend_mut().resize(80, 24);
                terminal
                    .resize(ratatui::layout::Rect::new(0, 0, 80, 24))
                    .unwrap();
                terminal.draw(|f| u.app.draw(f)).unwrap();
            }
        }
    }
    for a in [
        "(Open)",
        "Skills(Detail)",
        "(Assess)",
        "(CycleSort)",
        "Global(Manage)",
        "Manage(Merge)",
        "Confirm(Yes)",
        "(ExternalEditor)",
        "(TagFilter)",
        "(StarredOnly)",
        "(ToggleStar)",
        "(CycleOrganization)",
        "(FilterOrganization)",
        "(Search)",
        "SearchOverlay(Close)|SearchResults(Close)",
        "(FocusResults)",
    ] {
        assert!(reached(&seen, a), "never reached {a}: {seen:?}");
    }
    let repo = &u.t.repo;
    assert!(repo.integrity_problems().unwrap().is_empty());
    assert!(repo.foreign_key_problems().unwrap().is_empty());
    // Every tag and person link still points somewhere, and skills kept their history.
    assert!(!repo.tags().unwrap().is_empty());
    assert!(
        repo.skills()
            .unwrap()
            .iter()
            .all(|s| !s.history.is_empty() || s.name != "Rust")
    );
}

/// Keys for Meetings, Goals and Feedback, weighted to their own commands, so the monkey spends
/// its time in their views, pickers and forms.
const WORK_KEYS: &[&str] = &[
    "4",
    "4",
    "5",
    "5",
    "5",
    "m",
    "s",
    "6",
    "6",
    "1",
    "Enter",
    "Enter",
    "Enter",
    "Esc",
    "Esc",
    "Left",
    "Right",
    "h",
    "l",
    "j",
    "j",
    "k",
    "g",
    "G",
    "a",
    "A",
    "e",
    "E",
    "d",
    "u",
    "s",
    "p",
    "p",
    "@",
    "@",
    "z",
    "m",
    "o",
    "v",
    "v",
    "[",
    "]",
    "t",
    "/",
    "C-f",
    "y",
    "n",
    "Space",
    "Space",
    "Tab",
    "BackTab",
    "Up",
    "Down",
    "Backspace",
    "C-s",
    "C-s",
    "x",
    "日",
    "🚀",
    "-",
    "+",
];

#[test]
fn random_keys_in_meetings_goals_and_feedback() {
    let mut u = Tui::at("2026-11-29T23:58:00");
    populate(&u.t);
    u.keys(&["4"]);
    let other = second_session(&u.t);
    let mut rng = ChaCha8Rng::seed_from_u64(0x6007_2026);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut seen = std::collections::HashSet::new();
    for step in 0..4500 {
        if step % 150 == 0 {
            // Out of whatever popup it is in, into the next of the three panes.
            u.keys(&["Esc", "y", "Esc", "y", "Esc", "y", "Esc"]);
            u.keys(&[["4", "5", "6"][(step / 150) % 3]]);
        }
        match rng.random_range(0..100) {
            0 => {
                let text =
                    ["pasted\nlines\x1b[31m", "🚀 日本語", "tomorrow", ""][rng.random_range(0..4)];
                u.app.handle_event(&Event::Paste(text.to_string()));
            }
            1 => {
                u.app.tick();
            }
            2 => {
                // Another session adds a meeting; the next tick reloads.
                other
                    .add_meeting(&meeting("2026-11-29T16:00:00", "from elsewhere", &[]))
                    .unwrap();
            }
            _ => {
                let k = WORK_KEYS[rng.random_range(0..WORK_KEYS.len())];
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
            if w < worklog::tui::app::MIN_WIDTH || h < worklog::tui::app::MIN_HEIGHT {
                // Keys do nothing but quit behind "terminal too small": grow it back so the
                // monkey's keys keep acting.
                terminal.backend_mut().resize(80, 24);
                terminal
                    .resize(ratatui::layout::Rect::new(0, 0, 80, 24))
                    .unwrap();
                terminal.draw(|f| u.app.draw(f)).unwrap();
            }
        }
    }
    for a in [
        "(Open)",
        "(Back)",
        "(Promote)",
        "(Expand)",
        "(Collapse)",
        "(ToggleAll)",
        "(AddChild)",
        "(MoveGoal)",
        "(CycleDirection)",
        "(PickPerson)",
        "(EditOuter)",
        "(ToggleDone)",
        "(CycleStatus)",
        "Dated(Prev)",
        "Picker(Toggle)",
        "(Save)",
    ] {
        assert!(reached(&seen, a), "the monkey never reached {a}: {seen:?}");
    }
    let repo = &u.t.repo;
    assert!(repo.integrity_problems().unwrap().is_empty());
    assert!(repo.foreign_key_problems().unwrap().is_empty());
}

/// Whether an action the monkey reached (as `Context(Action)`, e.g. `Meetings(Open)`) matches
/// `pattern`: a part of it, or parts separated by `|`, any of which will do.
fn reached(seen: &std::collections::HashSet<String>, pattern: &str) -> bool {
    pattern
        .split('|')
        .any(|p| seen.iter().any(|s| s.contains(p)))
}
