//! The panes. Each is a struct implementing [`Pane`]; [`all::Panes`] holds one of each in a named
//! field and every lookup is an exhaustive `match` on [`PaneId`], so a new pane does not
//! compile until every place knows it.
//!
//! The contract: `reload` is the only method that reads the database and caches what the pane
//! shows; `render` draws from that cache alone (rows only for the visible window);
//! `handle_key` may write through `ctx.repo` and returns [`Outcome::Wrote`] when it did (or
//! [`Outcome::Moved`] when it only needs its own reload to show other rows). A
//! pane may keep costly parts of its cache across its own reloads (Focus keeps the carry offer)
//! because the app calls [`Pane::data_changed`] first whenever anyone else may have written.

pub mod bulk;
pub mod chart;
pub mod common;
pub mod energy;
pub mod focus;
pub mod list;
pub mod placeholder;
// Today, Journal, Skills (panes-a)
pub mod journal;
pub mod skills;
pub mod today;
// Meetings, Goals and Feedback panes, and the parts they share
pub mod actions;
pub mod all;
pub mod feedback;
pub mod goals;
mod meeting_form;
mod meeting_page;
pub mod meetings;
mod person;
pub mod pick;

use super::drafts::Drafts;
use super::form::FormDraft;
use super::keymap::Context;
pub use super::pane_id::PaneId;
use super::status::Status;
use crate::db::Repo;
use crate::model::Id;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// What a pane may use while handling a key.
pub struct Ctx<'a> {
    pub repo: &'a Repo,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    pub status: &'a mut Status,
    pub drafts: &'a Drafts,
    /// The global organization filter (`O`): `None` shows every organization. Panes whose
    /// rows have an organization (people, skills, goals) show only that one's.
    pub organization: Option<Id>,
    /// The data directory, for files written beside the database (review reports).
    pub data_dir: Option<&'a crate::paths::DataDir>,
}

/// A row another pane can be asked to show, selected: Enter on the Today pane, links between
/// panes (a skill's journal entries). The app switches to [`Target::pane`] after calling
/// [`Pane::select`] on it, so the pane's next reload finds the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Task {
        id: Id,
        day: NaiveDate,
    },
    Checkin {
        id: Id,
        at: NaiveDateTime,
    },
    Meeting {
        id: Id,
    },
    /// An action item; `meeting_id` is the meeting it came out of, if any.
    ActionItem {
        id: Id,
        meeting_id: Option<Id>,
    },
    Goal {
        id: Id,
    },
    Learning {
        id: Id,
    },
    Skill {
        id: Id,
    },
    Feedback {
        id: Id,
    },
}

impl Target {
    /// The row as the history names it: its kind and id.
    pub fn item(self) -> (crate::model::Deletable, Id) {
        use crate::model::Deletable as D;
        match self {
            Target::Task { id, .. } => (D::Task, id),
            Target::Checkin { id, .. } => (D::Checkin, id),
            Target::Meeting { id } => (D::Meeting, id),
            Target::ActionItem { id, .. } => (D::ActionItem, id),
            Target::Goal { id } => (D::Goal, id),
            Target::Learning { id } => (D::Learning, id),
            Target::Skill { id } => (D::Skill, id),
            Target::Feedback { id } => (D::Feedback, id),
        }
    }

    /// The pane that shows this kind of row.
    pub fn pane(self) -> PaneId {
        match self {
            Target::Task { .. } => PaneId::Focus,
            Target::Checkin { .. } => PaneId::Energy,
            Target::Meeting { .. } | Target::ActionItem { .. } => PaneId::Meetings,
            Target::Goal { .. } => PaneId::Goals,
            Target::Learning { .. } => PaneId::Journal,
            Target::Skill { .. } => PaneId::Skills,
            Target::Feedback { .. } => PaneId::Feedback,
        }
    }
}

/// What the app should do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The pane used the key (redraw).
    Handled,
    /// The key means nothing here.
    Ignored,
    /// The pane wrote to the database: reload it, and every other pane is stale.
    Wrote,
    /// The pane moved to other rows (a day, a filter, a page over the list): reload it
    /// alone. Nothing changed in the data, so no other pane's cache is dropped.
    Moved,
    SwitchTo(PaneId),
    Quit,
    /// Show a row in its own pane, selected (see [`Target`]).
    Open(Target),
    /// Hand [`Pane::editor_text`] to the user's `$EDITOR` (the app suspends the screen for
    /// it) and give the result to [`Pane::editor_done`].
    Editor,
}

/// One pane of the app.
pub trait Pane {
    fn title(&self) -> &str;
    /// Reads what the pane shows from the database into its cache.
    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()>;
    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome;
    /// Draws from the cache; never touches the database.
    fn render(&mut self, frame: &mut Frame, area: Rect);
    /// The keymap contexts in force, most specific first (drives dispatch, footer and help).
    fn hints(&self) -> &[Context];
    /// Bracketed paste: text for an open form.
    fn paste(&mut self, _text: &str, _ctx: &mut Ctx) -> Outcome {
        Outcome::Ignored
    }
    /// Shown again with its cache current (nothing changed since its last `reload`, which
    /// is skipped): a pane that shows the time of day takes `now` here.
    fn shown_again(&mut self, _now: NaiveDateTime) {}
    /// Something the pane did not write itself changed the data (another session, an undo, a
    /// write from another pane, midnight): drop any cache `reload` would otherwise keep.
    fn data_changed(&mut self) {}
    /// Another program replaced the database: drop any question or chooser that names rows
    /// by id (they would now act on whatever rows have those ids). True if one was dropped.
    /// Open forms stay: they keep their text and refuse to save (see `form`).
    fn database_replaced(&mut self) -> bool {
        false
    }
    /// Takes an open form's content as a draft (the session is ending).
    fn take_draft(&mut self) -> Option<FormDraft> {
        None
    }
    /// The row the cursor is on, for its history (`H`); `None` where there is none.
    fn history_target(&self) -> Option<Target> {
        None
    }
    /// Makes the next reload show `target` selected (switching day, clearing a filter that
    /// would hide it). False if this pane does not show such rows.
    fn select(&mut self, _target: Target) -> bool {
        false
    }
    /// The global organization filter changed (`None`: all). Called on every pane; a pane
    /// whose rows have an organization narrows to it on its next reload.
    fn set_organization(&mut self, _organization: Option<Id>) {}
    /// True if the pane's rows have dates to go to (`:` or `D`).
    fn dated(&self) -> bool {
        false
    }
    /// Moves the pane to `day`: the nearest row on or before it (a day pane shows that day),
    /// saying in the status line where it landed or that nothing is there. `None` if the pane
    /// has no dates.
    fn jump_to_date(&mut self, _day: NaiveDate, _ctx: &mut Ctx) -> Option<Outcome> {
        None
    }
    /// The text to edit after the pane returned [`Outcome::Editor`].
    fn editor_text(&self) -> Option<String> {
        None
    }
    /// The editor finished: `Ok` with the text as saved, or `Err` saying why it could not run
    /// (the text is then unchanged).
    fn editor_done(&mut self, _result: Result<String, String>, _ctx: &mut Ctx) -> Outcome {
        Outcome::Handled
    }
}
