//! Which pane is which. A leaf module: the key table names panes (`0`–`7` switch to them)
//! without depending on the panes themselves, so `keymap` and `panes` import no cycle.

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
