//! The panes. Each is a struct implementing [`Pane`]; [`Panes`] holds one of each in a named
//! field and every lookup is an exhaustive `match` on [`PaneId`], so a new pane does not
//! compile until every place knows it.
//!
//! The contract: `reload` is the only method that reads the database and caches what the pane
//! shows; `render` draws from that cache alone (rows only for the visible window);
//! `handle_key` may write through `ctx.repo` and returns [`Outcome::Wrote`] when it did (or
//! [`Outcome::Moved`] when it only needs its own reload to show other rows). A
//! pane may keep costly parts of its cache across its own reloads (Focus keeps the carry offer)
//! because the app calls [`Pane::data_changed`] first whenever anyone else may have written.

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
use super::status::Status;
use super::theme::Theme;
use crate::db::Repo;
use crate::model::Id;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

pub use energy::EnergyPane;
pub use feedback::FeedbackPane;
pub use focus::FocusPane;
pub use goals::GoalsPane;
pub use meetings::MeetingsPane;
pub use placeholder::Placeholder;
// Today, Journal, Skills (panes-a)
pub use journal::JournalPane;
pub use skills::SkillsPane;
pub use today::TodayPane;

/// The panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    Today,
    Focus,
    Journal,
    Skills,
    Meetings,
    Goals,
    Feedback,
    Energy,
}

impl PaneId {
    pub const ALL: [PaneId; 8] = [
        PaneId::Today,
        PaneId::Focus,
        PaneId::Journal,
        PaneId::Skills,
        PaneId::Meetings,
        PaneId::Goals,
        PaneId::Feedback,
        PaneId::Energy,
    ];

    /// The digit that switches to it.
    pub fn digit(self) -> char {
        match self {
            PaneId::Today => '0',
            PaneId::Focus => '1',
            PaneId::Journal => '2',
            PaneId::Skills => '3',
            PaneId::Meetings => '4',
            PaneId::Goals => '5',
            PaneId::Feedback => '6',
            PaneId::Energy => '7',
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PaneId::Today => "Today",
            PaneId::Focus => "Focus",
            PaneId::Journal => "Journal",
            PaneId::Skills => "Skills",
            PaneId::Meetings => "Meetings",
            PaneId::Goals => "Goals",
            PaneId::Feedback => "Feedback",
            PaneId::Energy => "Energy",
        }
    }

    /// The file-name form (drafts).
    pub fn slug(self) -> &'static str {
        match self {
            PaneId::Today => "today",
            PaneId::Focus => "focus",
            PaneId::Journal => "journal",
            PaneId::Skills => "skills",
            PaneId::Meetings => "meetings",
            PaneId::Goals => "goals",
            PaneId::Feedback => "feedback",
            PaneId::Energy => "energy",
        }
    }

    /// Position in [`PaneId::ALL`].
    pub fn index(self) -> usize {
        PaneId::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn next(self) -> PaneId {
        PaneId::ALL[(self.index() + 1) % PaneId::ALL.len()]
    }

    pub fn prev(self) -> PaneId {
        PaneId::ALL[(self.index() + PaneId::ALL.len() - 1) % PaneId::ALL.len()]
    }
}

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
    /// Something the pane did not write itself changed the data (another session, an undo, a
    /// write from another pane, midnight): drop any cache `reload` would otherwise keep.
    fn data_changed(&mut self) {}
    /// Takes an open form's content as a draft (the session is ending).
    fn take_draft(&mut self) -> Option<FormDraft> {
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

/// One of each pane.
pub struct Panes {
    pub today: TodayPane,
    pub focus: FocusPane,
    pub journal: JournalPane,
    pub skills: SkillsPane,
    pub meetings: MeetingsPane,
    pub goals: GoalsPane,
    pub feedback: FeedbackPane,
    pub energy: EnergyPane,
}

impl Panes {
    pub fn new(theme: Theme) -> Self {
        Panes {
            today: TodayPane::new(theme),
            focus: FocusPane::new(theme),
            journal: JournalPane::new(theme),
            skills: SkillsPane::new(theme),
            meetings: MeetingsPane::new(theme),
            goals: GoalsPane::new(theme),
            feedback: FeedbackPane::new(theme),
            energy: EnergyPane::new(theme),
        }
    }

    pub fn get(&self, id: PaneId) -> &dyn Pane {
        match id {
            PaneId::Today => &self.today,
            PaneId::Focus => &self.focus,
            PaneId::Journal => &self.journal,
            PaneId::Skills => &self.skills,
            PaneId::Meetings => &self.meetings,
            PaneId::Goals => &self.goals,
            PaneId::Feedback => &self.feedback,
            PaneId::Energy => &self.energy,
        }
    }

    pub fn get_mut(&mut self, id: PaneId) -> &mut dyn Pane {
        match id {
            PaneId::Today => &mut self.today,
            PaneId::Focus => &mut self.focus,
            PaneId::Journal => &mut self.journal,
            PaneId::Skills => &mut self.skills,
            PaneId::Meetings => &mut self.meetings,
            PaneId::Goals => &mut self.goals,
            PaneId::Feedback => &mut self.feedback,
            PaneId::Energy => &mut self.energy,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_order_agree() {
        for (i, p) in PaneId::ALL.iter().enumerate() {
            assert_eq!(p.digit().to_digit(10), Some(i as u32));
            assert_eq!(p.next().prev(), *p);
        }
        assert_eq!(PaneId::Energy.next(), PaneId::Today);
    }
}
