//! One of each pane, behind [`PaneId`]. Kept out of `panes/mod.rs` (the contract every pane
//! implements) so that the panes import the contract and this file imports the panes, with no
//! cycle between them.

use super::energy::EnergyPane;
use super::feedback::FeedbackPane;
use super::focus::FocusPane;
use super::goals::GoalsPane;
use super::journal::JournalPane;
use super::meetings::MeetingsPane;
use super::skills::SkillsPane;
use super::today::TodayPane;
use super::{Pane, PaneId};
use crate::tui::theme::Theme;

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
