//! Plain domain types. The repository takes and returns these; nothing here knows about SQL.
//!
//! Times: calendar days are [`NaiveDate`]; moments the user sees (a check-in, a meeting, a
//! task finished) are local wall-clock [`NaiveDateTime`]s; bookkeeping stamps (`created_at`,
//! `updated_at`, `deleted_at`) are UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A row id.
pub type Id = i64;

/// Bookkeeping every editable row carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Optimistic-concurrency version: an edit must name the version it was made from.
    pub version: i64,
}

/// Declares a string-backed enumeration with its stored name and its label for people.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $db:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name stored in the database and used in exports.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $db),+ }
            }

            /// The name shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses a stored name (or a label, ignoring case).
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim();
                $name::ALL.iter().copied().find(|v| {
                    v.as_str().eq_ignore_ascii_case(s) || v.label().eq_ignore_ascii_case(s)
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

text_enum!(
    /// Where a focus task stands.
    TaskStatus {
        Todo => "todo", "todo";
        Doing => "doing", "doing";
        Done => "done", "done";
        Dropped => "dropped", "dropped";
    }
);

impl TaskStatus {
    /// The next status in the todo → doing → done → dropped → todo cycle.
    pub fn cycle(self) -> Self {
        match self {
            TaskStatus::Todo => TaskStatus::Doing,
            TaskStatus::Doing => TaskStatus::Done,
            TaskStatus::Done => TaskStatus::Dropped,
            TaskStatus::Dropped => TaskStatus::Todo,
        }
    }

    /// Still to be worked on (and so a candidate for carrying forward).
    pub fn is_open(self) -> bool {
        matches!(self, TaskStatus::Todo | TaskStatus::Doing)
    }
}

text_enum!(
    /// A goal's state.
    GoalStatus {
        Active => "active", "active";
        Paused => "paused", "paused";
        Done => "done", "done";
        Dropped => "dropped", "dropped";
    }
);

text_enum!(
    /// The kind of meeting.
    MeetingKind {
        OneOnOne => "one_on_one", "1:1";
        Team => "team", "team";
        Interview => "interview", "interview";
        Review => "review", "review";
        Planning => "planning", "planning";
        External => "external", "external";
        Other => "other", "other";
    }
);

text_enum!(
    /// Whether feedback was given by the user or received by them.
    Direction {
        Given => "given", "given";
        Received => "received", "received";
    }
);

text_enum!(
    /// The kind of feedback.
    FeedbackKind {
        Praise => "praise", "praise";
        Constructive => "constructive", "constructive";
        Suggestion => "suggestion", "suggestion";
        Recognition => "recognition", "recognition";
        Other => "other", "other";
    }
);

text_enum!(
    /// The tool an imported record came from (`imports.source`).
    ImportSource {
        Worklog => "worklog", "worklog";
        Taskwarrior => "taskwarrior", "taskwarrior";
        Jrnl => "jrnl", "jrnl";
        Ics => "ics", "ics";
    }
);

/// Task priority: 1 is the most urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Priority(u8);

impl Priority {
    pub const HIGH: Priority = Priority(1);
    pub const NORMAL: Priority = Priority(2);
    pub const LOW: Priority = Priority(3);
    pub const ALL: [Priority; 3] = [Priority::HIGH, Priority::NORMAL, Priority::LOW];

    /// A priority from 1 (high) to 3 (low).
    pub fn new(p: u8) -> Result<Self, String> {
        if (1..=3).contains(&p) {
            Ok(Priority(p))
        } else {
            Err(format!("priority must be 1–3, got {p}"))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Parses `1`–`3`, `p1`–`p3`, or `high`/`normal`/`low` (also `h`/`m`/`l`, as Taskwarrior writes them).
    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim().to_ascii_lowercase();
        match t.as_str() {
            "1" | "p1" | "h" | "high" => Ok(Priority::HIGH),
            "2" | "p2" | "m" | "medium" | "normal" => Ok(Priority::NORMAL),
            "3" | "p3" | "l" | "low" => Ok(Priority::LOW),
            _ => Err(format!(
                "priority must be 1–3 or high/normal/low, got {s:?}"
            )),
        }
    }

    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "high",
            3 => "low",
            _ => "normal",
        }
    }
}

impl Default for Priority {
    fn default() -> Self {
        Priority::NORMAL
    }
}

impl TryFrom<u8> for Priority {
    type Error = String;
    fn try_from(p: u8) -> Result<Self, String> {
        Priority::new(p)
    }
}

impl From<Priority> for u8 {
    fn from(p: Priority) -> u8 {
        p.0
    }
}

/// The names of the six skill levels, 0 to 5.
pub const SKILL_LEVEL_NAMES: [&str; 6] = [
    "none",
    "novice",
    "advanced beginner",
    "competent",
    "proficient",
    "expert",
];

/// The name of a skill level, or "?" for a value outside 0–5.
pub fn skill_level_name(level: u8) -> &'static str {
    SKILL_LEVEL_NAMES
        .get(usize::from(level))
        .copied()
        .unwrap_or("?")
}

// ---------------------------------------------------------------------------------------------
// Organizations, profile, people, tags

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub id: Id,
    pub name: String,
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub role: String,
    pub organization_id: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub organization_id: Option<Id>,
    pub role: String,
    pub email: String,
    pub notes: String,
    pub stamp: Stamp,
}

/// What the user types to create or edit a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PersonDraft {
    pub name: String,
    pub organization_id: Option<Id>,
    pub role: String,
    pub email: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub id: Id,
    pub name: String,
    /// How many live rows carry it.
    pub uses: i64,
}

// ---------------------------------------------------------------------------------------------
// Focus

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: Id,
    pub day: NaiveDate,
    /// The day the task was first planned for; differs from `day` once carried.
    pub first_day: NaiveDate,
    pub title: String,
    pub notes: String,
    pub status: TaskStatus,
    pub priority: Priority,
    pub estimate_minutes: Option<u32>,
    pub goal_id: Option<Id>,
    pub position: i64,
    /// How many times it has been carried to a later day.
    pub carry_count: u32,
    pub done_at: Option<NaiveDateTime>,
    pub tags: Vec<String>,
    /// The action item this task was promoted from, if any.
    pub action_item_id: Option<Id>,
    pub stamp: Stamp,
}

/// What the user types to create or edit a task.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TaskDraft {
    pub title: String,
    pub notes: String,
    pub priority: Priority,
    pub estimate_minutes: Option<u32>,
    pub goal_id: Option<Id>,
    pub tags: Vec<String>,
}

/// One move of a task from a day to a later one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carry {
    pub from_day: NaiveDate,
    pub to_day: NaiveDate,
    pub at: DateTime<Utc>,
}

// ---------------------------------------------------------------------------------------------
// Journal

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learning {
    pub id: Id,
    pub at: NaiveDateTime,
    pub title: String,
    pub body: String,
    pub starred: bool,
    pub tags: Vec<String>,
    pub skill_ids: Vec<Id>,
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LearningDraft {
    pub at: Option<NaiveDateTime>,
    pub title: String,
    pub body: String,
    pub starred: bool,
    pub tags: Vec<String>,
    pub skill_ids: Vec<Id>,
}

/// A journal entry as a list shows it: no text, no skills (the preview loads those).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearningSummary {
    pub id: Id,
    pub at: NaiveDateTime,
    pub title: String,
    pub starred: bool,
    pub tags: Vec<String>,
}

/// A place in a list ordered by time: a row's time and id. No row need have it, so a list
/// can find where a deleted row was.
pub type PageKey = (NaiveDateTime, Id);

/// Which way to read a list from a [`PageKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageDir {
    /// The rows after the key in the list's order (and the key's own row if `inclusive`);
    /// without a key, from the top.
    Down { inclusive: bool },
    /// The rows just before the key, still in the list's order; without a key, the last ones.
    Up,
}

/// What a paged list counted (see `crate::tui::paged`). A count that reads every row (a text
/// filter) may stop early: `total` is then a lower bound, and `before` is right only while it
/// is below `total` (the key lies within the rows counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageCount {
    pub total: usize,
    pub before: usize,
    pub exact: bool,
}

/// Which journal entries to list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LearningFilter {
    pub text: Option<String>,
    pub tag: Option<String>,
    pub starred_only: bool,
    pub skill_id: Option<Id>,
}

// ---------------------------------------------------------------------------------------------
// Skills

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub id: Id,
    pub name: String,
    pub category: String,
    pub description: String,
    pub target_level: Option<u8>,
    pub organization_id: Option<Id>,
    /// The most recent assessment, if any.
    pub current_level: Option<u8>,
    pub last_assessed: Option<NaiveDate>,
    /// Every level recorded, oldest first (for sparklines).
    pub history: Vec<u8>,
    /// The day of each level of `history` (the Skills list draws them against time).
    #[serde(skip)]
    pub history_on: Vec<NaiveDate>,
    pub tags: Vec<String>,
    pub stamp: Stamp,
}

impl Skill {
    /// Target minus current level; `None` without a target.
    pub fn gap(&self) -> Option<i16> {
        self.target_level
            .map(|t| i16::from(t) - i16::from(self.current_level.unwrap_or(0)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SkillDraft {
    pub name: String,
    pub category: String,
    pub description: String,
    pub target_level: Option<u8>,
    pub organization_id: Option<Id>,
    pub tags: Vec<String>,
}

/// One recorded level of a skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: Id,
    pub skill_id: Id,
    pub level: u8,
    pub assessed_on: NaiveDate,
    pub note: String,
}

// ---------------------------------------------------------------------------------------------
// Meetings, action items

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: Id,
    pub starts_at: NaiveDateTime,
    pub duration_minutes: Option<u32>,
    pub title: String,
    pub kind: MeetingKind,
    pub notes: String,
    pub attendees: Vec<PersonRef>,
    pub tags: Vec<String>,
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDraft {
    pub starts_at: NaiveDateTime,
    pub duration_minutes: Option<u32>,
    pub title: String,
    pub kind: MeetingKind,
    pub notes: String,
    pub attendee_ids: Vec<Id>,
    pub tags: Vec<String>,
}

/// A person named by id, with the name to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    pub id: Id,
    pub name: String,
}

/// Where an action item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionSource {
    Meeting(Id),
    Feedback(Id),
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub id: Id,
    pub title: String,
    pub source: ActionSource,
    /// `None` means the user owns it.
    pub owner: Option<PersonRef>,
    pub due_date: Option<NaiveDate>,
    pub done_at: Option<NaiveDateTime>,
    /// The focus task it was promoted to.
    pub task_id: Option<Id>,
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItemDraft {
    pub title: String,
    pub source: ActionSource,
    pub owner_id: Option<Id>,
    pub due_date: Option<NaiveDate>,
}

// ---------------------------------------------------------------------------------------------
// Goals

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: Id,
    pub parent_id: Option<Id>,
    pub organization_id: Option<Id>,
    pub title: String,
    pub description: String,
    pub status: GoalStatus,
    pub target_date: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub position: i64,
    pub tags: Vec<String>,
    pub milestones: Vec<Milestone>,
    /// 0.0–1.0, from milestones and child goals (see `Repo::goal_tree`).
    pub progress: f64,
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoalDraft {
    pub parent_id: Option<Id>,
    pub organization_id: Option<Id>,
    pub title: String,
    pub description: String,
    pub target_date: Option<NaiveDate>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: Id,
    pub goal_id: Id,
    pub title: String,
    pub due_date: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub position: i64,
    pub version: i64,
}

// ---------------------------------------------------------------------------------------------
// Feedback

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: Id,
    pub direction: Direction,
    pub person: PersonRef,
    pub day: NaiveDate,
    pub kind: FeedbackKind,
    pub content: String,
    pub meeting_id: Option<Id>,
    pub tags: Vec<String>,
    pub stamp: Stamp,
}

/// Which feedback the Feedback pane lists: narrowed by direction, by person, and by a text
/// that the content, the person's name, the kind or a tag contains (ignoring case).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedbackFilter {
    pub direction: Option<Direction>,
    pub person_id: Option<Id>,
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackDraft {
    pub direction: Direction,
    pub person_id: Id,
    pub day: NaiveDate,
    pub kind: FeedbackKind,
    pub content: String,
    pub meeting_id: Option<Id>,
    pub tags: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Energy

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkin {
    pub id: Id,
    pub at: NaiveDateTime,
    pub level: u8,
    pub note: String,
    pub tags: Vec<String>,
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinDraft {
    pub at: NaiveDateTime,
    pub level: u8,
    pub note: String,
    pub tags: Vec<String>,
}

/// The average energy of one day (or one hour of the day), with how many check-ins made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnergyAverage<K> {
    pub key: K,
    pub average: f64,
    pub count: u32,
}

// ---------------------------------------------------------------------------------------------
// Search

text_enum!(
    /// The seven panes, as search reports where a hit lives.
    PaneKind {
        Focus => "focus", "Focus";
        Journal => "journal", "Journal";
        Skills => "skills", "Skills";
        Meetings => "meetings", "Meetings";
        Goals => "goals", "Goals";
        Feedback => "feedback", "Feedback";
        Energy => "energy", "Energy";
    }
);

text_enum!(
    /// What kind of row a search hit is.
    HitKind {
        Task => "task", "task";
        Learning => "learning", "journal entry";
        Skill => "skill", "skill";
        Assessment => "assessment", "assessment";
        Meeting => "meeting", "meeting";
        ActionItem => "action_item", "action item";
        Goal => "goal", "goal";
        Milestone => "milestone", "milestone";
        Feedback => "feedback", "feedback";
        Checkin => "checkin", "check-in";
    }
);

/// One search result.
///
/// `snippet` is plain text with each match wrapped in [`crate::search::MATCH_START`] and
/// [`crate::search::MATCH_END`] (private-use characters that never occur in indexed text);
/// [`crate::search::segments`] splits it for highlighting. Both strings are the user's text as
/// stored: sanitize before printing them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The pane to open.
    pub pane: PaneKind,
    pub kind: HitKind,
    /// The row that matched.
    pub id: Id,
    /// The row to select in `pane`: the row itself, or what holds it (the meeting or feedback
    /// of an action item, the goal of a milestone, the skill of an assessment). An action item
    /// from neither a meeting nor feedback is its own target, in Meetings.
    pub target_id: Id,
    /// The row's day: a task's day, an entry's or check-in's or meeting's date, an
    /// assessment's or feedback's day, a goal's target date, a milestone's due (or done) date,
    /// an action item's meeting or feedback day (else its due date). Skills have none.
    pub date: Option<NaiveDate>,
    /// What the row is called: its title, or for rows without one (assessments, feedback,
    /// check-ins) a short description ("Rust · level 3", "from Ana Souza", "energy 4/5").
    pub title: String,
    /// The matching passage (from the title or the rest of the text, whichever matched
    /// best) with its matches marked; for a search by filters alone, the start of the text
    /// beyond the title, unmarked (empty when there is none).
    pub snippet: String,
}

// ---------------------------------------------------------------------------------------------
// Whole-database facts

/// Which kinds of row a soft delete can be undone for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deletable {
    Task,
    Learning,
    Skill,
    Meeting,
    ActionItem,
    Goal,
    Feedback,
    Checkin,
    /// An attached file (`worklog detach`).
    Attachment,
}

/// What an attachment belongs to: `worklog attach KIND ID FILE…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachOwner {
    Task,
    /// A journal entry.
    Learning,
    Meeting,
    Goal,
    Feedback,
    /// A skill assessment.
    Assessment,
}

impl AttachOwner {
    pub const ALL: [AttachOwner; 6] = [
        AttachOwner::Task,
        AttachOwner::Learning,
        AttachOwner::Meeting,
        AttachOwner::Goal,
        AttachOwner::Feedback,
        AttachOwner::Assessment,
    ];

    /// What one item of the kind is called in messages.
    pub fn noun(self) -> &'static str {
        match self {
            AttachOwner::Task => "task",
            AttachOwner::Learning => "journal entry",
            AttachOwner::Meeting => "meeting",
            AttachOwner::Goal => "goal",
            AttachOwner::Feedback => "feedback",
            AttachOwner::Assessment => "skill assessment",
        }
    }

    /// The word `--json` and the command line use.
    pub fn as_str(self) -> &'static str {
        match self {
            AttachOwner::Task => "task",
            AttachOwner::Learning => "learning",
            AttachOwner::Meeting => "meeting",
            AttachOwner::Goal => "goal",
            AttachOwner::Feedback => "feedback",
            AttachOwner::Assessment => "assessment",
        }
    }
}

/// A file attached to an item. The bytes are found by `sha256` (see `crate::attachments`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: Id,
    pub owner: AttachOwner,
    pub owner_id: Id,
    /// The file's name when attached (user text: sanitize before printing).
    pub name: String,
    pub size: u64,
    pub media_type: String,
    /// Lower-case hex.
    pub sha256: String,
    /// When it was attached (UTC, RFC 3339).
    pub attached_at: String,
    /// Set when detached (soft delete).
    pub deleted_at: Option<String>,
}

/// A file to record as attached: already stored (SQLite: in `attachments/`), or, on
/// PostgreSQL, with its bytes in `content`, which go into the server in the same transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub name: String,
    pub size: u64,
    pub media_type: String,
    pub sha256: String,
    pub content: Option<Vec<u8>>,
}

/// Row counts per table, for `backup --list` and `check`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RowCounts(pub Vec<(String, i64)>);

impl RowCounts {
    pub fn total(&self) -> i64 {
        self.0.iter().map(|(_, n)| n).sum()
    }
}

/// The pragmas a connection runs with, as read back from SQLite (for `check` and tests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionSettings {
    pub sqlite_version: String,
    pub journal_mode: String,
    pub foreign_keys: bool,
    /// 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
    pub synchronous: i64,
    pub busy_timeout_ms: i64,
    pub cache_size: i64,
    pub trusted_schema: bool,
}

/// What the Today pane shows of the open action items: the first few, soonest due first, and
/// the counts over all of them, without loading the rest.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OpenActionItems {
    /// The first open items in the order of `Repo::open_action_items`.
    pub first: Vec<ActionItem>,
    /// How many items are open in all.
    pub total: usize,
    /// How many open items were due before the day asked about.
    pub overdue: usize,
}

/// One change in the history of the data (`worklog history`, the app's history popup).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The change's number, for `worklog revert`.
    pub id: Id,
    /// When it was made: a UTC instant, `YYYY-MM-DDTHH:MM:SS.sssZ`.
    pub at: String,
    /// Which session made it (one per process, or per app session).
    pub session: String,
    /// create, update, delete, restore, merge, move or revert.
    pub op: String,
    /// What the change was mainly about ("task", "journal entry"), and its id.
    pub kind: String,
    pub item_id: Option<Id>,
    /// What happened, in the user's words ("marked \"Write report\" done").
    pub summary: String,
    /// Every row it wrote.
    pub rows: Vec<HistoryRow>,
}

/// One row a change wrote: its table and key, and each field that differs, old and new.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub table: String,
    /// The primary key, as a JSON array (`[5]`, `[3,1]`).
    pub key: String,
    /// added, deleted or changed.
    pub action: String,
    pub fields: Vec<FieldChange>,
}

/// A field's value before and after a change (`None`: the row did not exist, or NULL).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Which changes `worklog history` lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HistoryFilter {
    /// Only the changes that wrote this item.
    pub item: Option<(Deletable, Id)>,
    /// UTC instants, `from` inclusive and `to` exclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    /// At most this many, newest first (`None`: all).
    pub limit: Option<usize>,
}
