//! What the marks in each pane's lists mean, for the `?` help: every symbol a row can show
//! is explained in the words a user would use, next to the keys.

use super::pane_id::PaneId;

/// `(mark, meaning)` pairs for the marks `pane` can show.
pub fn legend(pane: PaneId) -> &'static [(&'static str, &'static str)] {
    const TASKS: &[(&str, &str)] = &[
        ("[ ] [▸]", "a task to do, a task in progress"),
        ("[✓] [✗]", "a task done, a task dropped"),
        ("H M L", "priority: high, normal, low"),
        ("✎", "the task has notes (they show in the details)"),
        ("↻2", "carried over from earlier days twice"),
        ("#tag", "the task's tags"),
        ("Est, 45m", "how long you expect it to take"),
    ];
    match pane {
        PaneId::Today => &[
            ("[ ] [▸]", "a task to do, a task in progress"),
            ("[✓] [✗]", "a task done, a task dropped"),
            ("H M L", "priority: high, normal, low"),
            ("↻2", "carried over from earlier days twice"),
            ("█████", "energy level, 1 (drained) to 5 (energized)"),
            ("☐", "an open action item (from a meeting or feedback)"),
            ("overdue 3d", "it was due 3 days ago"),
            ("[████░░]", "how far a goal has come, from its milestones"),
        ],
        PaneId::Focus => TASKS,
        PaneId::Journal => &[
            ("★", "a starred entry (s shows only those)"),
            ("#tag", "the entry's tags"),
            ("skills", "the skills the entry is evidence for"),
        ],
        PaneId::Skills => &[
            ("Level", "your level now: 0 none, 1 novice … 5 expert"),
            ("Tgt", "the level you aim for"),
            (
                "Gap +2",
                "two levels short of the target (0: target reached)",
            ),
            ("Last 53d", "53 days since you last assessed it"),
            ("History ▂▄▆", "one bar per assessment, oldest first"),
        ],
        PaneId::Meetings => &[
            ("☐2", "two action items from the meeting are still open"),
            ("+2", "two more attendees than the names shown"),
            ("1:1, team…", "the kind of meeting"),
        ],
        PaneId::Goals => &[
            (
                "▾ ▸",
                "a goal with sub-goals, open or closed (→ and ← toggle)",
            ),
            (
                "[████░░]",
                "how far it has come: milestones and sub-goals done",
            ),
            ("100%", "every milestone and sub-goal is done"),
        ],
        PaneId::Feedback => &[
            ("→ given", "feedback you gave someone"),
            ("← received", "feedback someone gave you"),
            ("☐2", "two action items from it are still open"),
        ],
        PaneId::Energy => &[
            ("█████", "energy level, 1 (drained) to 5 (energized)"),
            (
                "▁▃▅▇",
                "chart bars: the average level (taller is more energy)",
            ),
            ("·", "no check-in that day or hour"),
        ],
    }
}
