//! Driving the TUI in tests: an app on a real database file, keys by name, screens as text.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use worklog::model::{
    CheckinDraft, Direction, FeedbackDraft, FeedbackKind, GoalDraft, Id, MeetingDraft, MeetingKind,
    Priority, TaskDraft,
};
use worklog::tui::app::App;
use worklog::tui::theme::Theme;

/// A test database and an app on a second connection to it (drafts in the same temp dir).
pub struct Tui {
    pub t: TestDb,
    pub app: App,
}

impl Tui {
    pub fn at(now: &str) -> Tui {
        Tui::with(db_at(now))
    }

    /// An app on a second connection to `t` (a SQLite file, or a PostgreSQL schema).
    pub fn with(t: TestDb) -> Tui {
        let mut app = App::new(
            second_session(&t),
            Some(worklog::paths::DataDir::new(t.dir.path())),
            Theme::default(),
        );
        // Never the developer's own $EDITOR in tests: `true` leaves the text as it is.
        app.set_editor_command("true");
        Tui { t, app }
    }

    pub fn new() -> Tui {
        Tui::at("2026-11-22T09:30:00")
    }

    /// A second app on the same data directory (the next session).
    pub fn reopen(&self) -> App {
        let mut app = App::new(
            second_session(&self.t),
            Some(worklog::paths::DataDir::new(self.t.dir.path())),
            Theme::default(),
        );
        app.set_editor_command("true");
        app
    }

    /// Presses keys: each item is a key name (`a`, `Enter`, `Esc`, `Tab`, `BackTab`, `Up`,
    /// `Down`, `Space`, `Backspace`, `C-s`, `M-b`, `PgDn`, ...) or `text:...` typed one char at a
    /// time.
    pub fn keys(&mut self, keys: &[&str]) {
        press(&mut self.app, keys);
    }

    pub fn screen(&mut self, w: u16, h: u16) -> String {
        screen(&mut self.app, w, h)
    }
}

pub fn key_event(name: &str) -> KeyEvent {
    let (code, mods) = match name {
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
        "BackTab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Up" => (KeyCode::Up, KeyModifiers::NONE),
        "Down" => (KeyCode::Down, KeyModifiers::NONE),
        "Left" => (KeyCode::Left, KeyModifiers::NONE),
        "Right" => (KeyCode::Right, KeyModifiers::NONE),
        "Home" => (KeyCode::Home, KeyModifiers::NONE),
        "End" => (KeyCode::End, KeyModifiers::NONE),
        "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
        "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
        "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
        s if s.starts_with("M-") && s.chars().count() == 3 => {
            (KeyCode::Char(s.chars().nth(2).unwrap()), KeyModifiers::ALT)
        }
        s if s.starts_with("C-") && s.chars().count() == 3 => (
            KeyCode::Char(s.chars().nth(2).unwrap()),
            KeyModifiers::CONTROL,
        ),
        s if s.chars().count() == 1 => {
            let c = s.chars().next().unwrap();
            let m = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyCode::Char(c), m)
        }
        other => panic!("unknown key name {other:?}"),
    };
    KeyEvent::new(code, mods)
}

pub fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        if let Some(text) = k.strip_prefix("text:") {
            for c in text.chars() {
                let m = if c.is_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                app.key(KeyEvent::new(KeyCode::Char(c), m));
            }
        } else {
            app.key(key_event(k));
        }
        // What the event loop does when a pane asks for $EDITOR (without a screen to hand over).
        if app.editor_wanted() {
            app.run_editor();
        }
    }
}

/// Draws the app at `w`×`h` and returns the screen as text lines.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.draw(f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

pub fn task(title: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        ..TaskDraft::default()
    }
}

pub fn task_with(
    title: &str,
    priority: Priority,
    estimate: Option<u32>,
    tags: &[&str],
) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        priority,
        estimate_minutes: estimate,
        tags: tags.iter().map(|s| s.to_string()).collect(),
        ..TaskDraft::default()
    }
}

pub fn checkin(at_: &str, level: u8, note: &str, tags: &[&str]) -> CheckinDraft {
    CheckinDraft {
        at: at(at_),
        level,
        note: note.into(),
        tags: tags.iter().map(|s| s.to_string()).collect(),
    }
}

// Meetings, goals and feedback

pub fn meeting(at_: &str, title: &str, attendees: &[Id]) -> MeetingDraft {
    MeetingDraft {
        starts_at: at(at_),
        duration_minutes: Some(30),
        title: title.into(),
        kind: MeetingKind::Team,
        notes: String::new(),
        attendee_ids: attendees.to_vec(),
        tags: Vec::new(),
    }
}

pub fn goal(title: &str, parent: Option<Id>) -> GoalDraft {
    GoalDraft {
        parent_id: parent,
        title: title.into(),
        ..GoalDraft::default()
    }
}

pub fn feedback(person: Id, content: &str) -> FeedbackDraft {
    FeedbackDraft {
        direction: Direction::Received,
        person_id: person,
        day: day("2026-11-20"),
        kind: FeedbackKind::Praise,
        content: content.into(),
        meeting_id: None,
        tags: Vec::new(),
    }
}
