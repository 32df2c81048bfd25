//! The panes. Each is a struct implementing [`Pane`]; [`Panes`] holds one of each in a named
//! field and every lookup is an exhaustive `match` on [`PaneId`], so a new pane does not
//! compile until every place knows it.
//!
//! The contract: `reload` is the only method that reads the database and caches what the pane
//! shows; `render` draws from that cache alone (rows only for the visible window);
//! `handle_key` may write through `ctx.repo` and returns [`Outcome::Reload`] when it did. A
//! pane may keep costly parts of its cache across its own reloads (Focus keeps the carry offer)
//! because the app calls [`Pane::data_changed`] first whenever anyone else may have written.

pub mod chart;
pub mod common;
pub mod energy;
pub mod focus;
pub mod list;
pub mod placeholder;
// Meetings, Goals and Feedback panes, and the parts they share
pub mod actions;
pub mod feedback;
pub mod goals;
pub mod meetings;
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
}

/// What the app should do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The pane used the key (redraw).
    Handled,
    /// The key means nothing here.
    Ignored,
    /// The pane wrote to the database: reload it (and consider other panes stale).
    Reload,
    SwitchTo(PaneId),
    Quit,
    /// Show this row in its own pane (switching to it).
    Open(Target),
}

/// A row one pane can ask another to show ([`Outcome::Open`], [`Pane::select`]).
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
    /// An action item, in the meeting it came from (`None`: from feedback or nowhere).
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
    /// The pane that shows it.
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
    /// Shows `target` (a row of this pane) when the pane is next reloaded.
    fn select(&mut self, _target: Target) {}
}

/// One of each pane.
pub struct Panes {
    pub today: Placeholder,
    pub focus: FocusPane,
    pub journal: Placeholder,
    pub skills: Placeholder,
    pub meetings: MeetingsPane,
    pub goals: GoalsPane,
    pub feedback: FeedbackPane,
    pub energy: EnergyPane,
}

impl Panes {
    pub fn new(theme: Theme) -> Self {
        Panes {
            today: Placeholder::new(
                "Today",
                "Today — coming soon: the day at a glance is not built yet. Press 1 for Focus, 7 for Energy.",
                theme,
            ),
            focus: FocusPane::new(theme),
            journal: Placeholder::new(
                "Journal",
                "Journal — coming soon: learnings are not built yet.",
                theme,
            ),
            skills: Placeholder::new(
                "Skills",
                "Skills — coming soon: skills and assessments are not built yet.",
                theme,
            ),
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
