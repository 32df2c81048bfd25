//! The one table of keys. Dispatch, the footer hints and the `?` help popup all read
//! [`bindings`] ([`BINDINGS`] with the config file's remaps, see `crate::config`), so what the
//! screen says a key does is what it does, with the user's keys too.
//!
//! # Remapping
//!
//! The config file names a context and an action in snake case (`[keys.focus]
//! toggle_done = "x"`, from [`Context::config_name`] and [`Action::config_name`]) and gives it
//! keys in the words of [`Key::config_name`]. [`remapped`] replaces that action's keys and
//! refuses a key bound twice in one context; the binary [`install`]s the result once, before
//! the first key.
//!
//! # How a key is resolved
//!
//! At any moment a list of [`Context`]s is active, most specific first: the app asks the
//! visible pane for its contexts (`Pane::hints`), e.g. `[Energy, Dated, List]` for the energy
//! list or `[FormLine, Form]` while a single-line field of a form has the cursor. If none of
//! them is modal, [`Context::Global`] is appended; [`Context::Always`] (Ctrl-C) comes last. A key is looked up context by context
//! and the first binding that has it wins. So pane-specific keys beat global ones (`/` on
//! Today searches everything). Digits switch panes everywhere: no pane binds them where a
//! pane switch is possible (Energy records a check-in with `c`, then `1`–`5`, in a modal
//! context of its own). The footer and the help popup leave out, or mark, global keys that
//! an earlier context shadows, so they show exactly this.
//!
//! Modal contexts (forms, the filter prompt, popups) take every key: keys they do not bind are
//! text typed into the field, never global commands (`q` in a title is a letter).
//!
//! # One meaning per key
//!
//! Outside forms and prompts a key does one kind of thing ([`Kind`]) in every pane: `s` changes
//! a status, `J`/`K` move the row, `v` changes the view, `Enter` opens. See [`BINDINGS`].
//!
//! # What a key does
//!
//! Each context has its own enum of actions ([`FocusAction`], [`ListAction`], [`FormAction`],
//! ...), wrapped in [`Action`], whose variant is the context: a binding's context is derived
//! from its action, never written beside it. The code behind a context matches that enum
//! without a wildcard (the shared contexts in shared code: [`Nav`] in the list cursors, the
//! filter prompt in `Filter::act`, forms in `Form::handle_key`), so an action added to a
//! context does not compile until every handler of that context handles it.

use super::pane_id::PaneId;
use chrono::{Days, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, even behind forms and popups (only Ctrl-C).
    Always,
    /// Everywhere outside forms and popups.
    Global,
    /// Any pane showing a list.
    List,
    /// Panes that show one day at a time.
    Dated,
    Focus,
    Energy,
    /// After `c` in Energy: a level 1–5 records a check-in, any other key cancels.
    CheckinLevel,
    /// The "carry unfinished tasks over" offer above the focus list.
    CarryOffer,
    /// The checklist for picking tasks to carry.
    Checklist,
    /// Typing a `/` filter.
    FilterInput,
    /// Typing a date to go to (after `:` or `D`).
    DatePrompt,
    /// Any form.
    Form,
    /// A single-line field of a form has the cursor.
    FormLine,
    /// A picker field of a form has the cursor.
    Picker,
    /// "Discard your changes?"
    ConfirmDiscard,
    /// Saving found the row changed elsewhere.
    Conflict,
    /// The `?` popup.
    Help,
    /// The history of one row (`H`).
    RowHistory,
    // Today, Journal, Skills, people and tags (panes-a)
    Today,
    Journal,
    /// The journal entry form: its body can be written in `$EDITOR`.
    JournalForm,
    Skills,
    /// One skill in detail: its levels over time, the evidence, its journal entries.
    SkillDetail,
    /// The people, tags and organizations popup (`P`).
    Manage,
    /// A yes/no question (merging, deleting a person).
    Confirm,
    // Meetings, Goals and Feedback panes
    /// The meetings list.
    Meetings,
    /// The Meetings week view: meetings by day and hour.
    MeetingsWeek,
    /// A year of days as a calendar heatmap (Energy, Meetings).
    Year,
    /// One meeting with its action items.
    MeetingDetail,
    /// One person: meetings with them, open action items, feedback.
    PersonView,
    /// A list of action items (in a meeting, a piece of feedback or a person view).
    ActionItems,
    /// The goal tree.
    Goals,
    /// One goal with its milestones and linked tasks.
    GoalDetail,
    /// The feedback list.
    Feedback,
    /// One piece of feedback with its action items.
    FeedbackDetail,
    /// "Delete this for good?" (for what has no undo).
    ConfirmDelete,
    /// A list that can mark several rows and act on them together (`V`).
    Selectable,
    /// Marking rows: Space marks, the pane's verbs act on every marked row.
    Selecting,
    // Search everything
    /// The search overlay with the query being typed.
    SearchOverlay,
    /// The search overlay with its results list taking the keys.
    SearchResults,
    // Attachments (issue 14)
    /// A detail view that lists its item's attachments.
    Attachments,
    /// Typing the path of a file to attach.
    AttachPrompt,
    /// "Which attachment?" after `F` or `X` on an item with several.
    AttachPick,
}

impl Context {
    /// A modal context takes all keys: global bindings do not apply behind it.
    pub fn is_modal(self) -> bool {
        matches!(
            self,
            Context::Checklist
                | Context::CheckinLevel
                | Context::FilterInput
                | Context::DatePrompt
                | Context::Form
                | Context::FormLine
                | Context::Picker
                | Context::ConfirmDiscard
                | Context::Conflict
                | Context::Help
                | Context::RowHistory
                | Context::JournalForm
                | Context::Manage
                | Context::Confirm
                | Context::ConfirmDelete
                | Context::SearchOverlay
                | Context::SearchResults
                | Context::AttachPrompt
                | Context::AttachPick
        )
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Always",
            Context::Global => "Everywhere",
            Context::List => "Lists",
            Context::Dated => "Days",
            Context::Focus => "Focus",
            Context::Energy => "Energy",
            Context::CheckinLevel => "Check-in level",
            Context::CarryOffer => "Unfinished tasks offer",
            Context::Checklist => "Carry checklist",
            Context::FilterInput => "Filter",
            Context::DatePrompt => "Go to a date",
            Context::Form => "Forms",
            Context::FormLine => "Single-line field",
            Context::Picker => "Picker field",
            Context::ConfirmDiscard => "Discard changes?",
            Context::Conflict => "Changed elsewhere",
            Context::Help => "Help",
            Context::RowHistory => "History of a row",
            Context::Today => "Today",
            Context::Journal => "Journal",
            Context::JournalForm => "Journal entry form",
            Context::Skills => "Skills",
            Context::SkillDetail => "Skill detail",
            Context::Manage => "People, tags, organizations",
            Context::Confirm => "Are you sure?",
            Context::Meetings => "Meetings",
            Context::MeetingsWeek => "Meetings week",
            Context::Year => "Year heatmap",
            Context::MeetingDetail => "Meeting",
            Context::PersonView => "Person",
            Context::ActionItems => "Action items",
            Context::Goals => "Goals",
            Context::GoalDetail => "Goal",
            Context::Feedback => "Feedback",
            Context::FeedbackDetail => "Feedback item",
            Context::ConfirmDelete => "Delete for good?",
            Context::SearchOverlay => "Search",
            Context::SearchResults => "Search results",
            Context::Selectable => "Lists that mark rows",
            Context::Selecting => "Marking rows",
            Context::Attachments => "Attachments",
            Context::AttachPrompt => "Attach a file",
            Context::AttachPick => "Which attachment?",
        }
    }
}

/// What a key does. The variant is the context the binding belongs to (see
/// [`Action::context`]), and each context has its own enum of what its keys do, so a binding
/// cannot put a Focus action in the Journal context, and a handler that matches its context's
/// enum exhaustively does not compile until it handles a new action of that context.
///
/// ```
/// use worklog::tui::keymap::{Action, Context, JournalAction};
/// assert_eq!(Action::Journal(JournalAction::ToggleStar).context(), Context::Journal);
/// ```
///
/// A Focus action cannot be bound in the Journal context:
///
/// ```compile_fail
/// use worklog::tui::keymap::{Action, FocusAction};
/// let _ = Action::Journal(FocusAction::ToggleDone);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Always(AlwaysAction),
    Global(GlobalAction),
    List(ListAction),
    Dated(DayAction),
    Focus(FocusAction),
    Energy(EnergyAction),
    CheckinLevel(CheckinLevelAction),
    CarryOffer(CarryAction),
    Checklist(ChecklistAction),
    FilterInput(FilterAction),
    DatePrompt(FilterAction),
    Form(FormAction),
    FormLine(FormAction),
    Picker(PickerAction),
    ConfirmDiscard(Answer),
    Conflict(ConflictAction),
    Help(HelpAction),
    /// The row history popup scrolls and closes as the help does.
    RowHistory(HelpAction),
    Today(TodayAction),
    Journal(JournalAction),
    JournalForm(JournalFormAction),
    Skills(SkillsAction),
    SkillDetail(SkillDetailAction),
    Manage(ManageAction),
    Confirm(Answer),
    Meetings(MeetingsAction),
    MeetingsWeek(WeekAction),
    Year(YearAction),
    MeetingDetail(MeetingDetailAction),
    PersonView(PersonAction),
    ActionItems(ItemAction),
    Goals(GoalsAction),
    GoalDetail(GoalDetailAction),
    Feedback(FeedbackAction),
    FeedbackDetail(FeedbackDetailAction),
    ConfirmDelete(Answer),
    SearchOverlay(SearchAction),
    SearchResults(SearchAction),
    Selectable(BulkAction),
    Selecting(BulkAction),
    Attachments(AttachAction),
    AttachPrompt(AttachPromptAction),
    AttachPick(AttachPickAction),
}

impl Action {
    /// The context a binding of this action belongs to.
    pub const fn context(self) -> Context {
        match self {
            Action::Always(_) => Context::Always,
            Action::Global(_) => Context::Global,
            Action::List(_) => Context::List,
            Action::Dated(_) => Context::Dated,
            Action::Focus(_) => Context::Focus,
            Action::Energy(_) => Context::Energy,
            Action::CheckinLevel(_) => Context::CheckinLevel,
            Action::CarryOffer(_) => Context::CarryOffer,
            Action::Checklist(_) => Context::Checklist,
            Action::FilterInput(_) => Context::FilterInput,
            Action::DatePrompt(_) => Context::DatePrompt,
            Action::Form(_) => Context::Form,
            Action::FormLine(_) => Context::FormLine,
            Action::Picker(_) => Context::Picker,
            Action::ConfirmDiscard(_) => Context::ConfirmDiscard,
            Action::Conflict(_) => Context::Conflict,
            Action::Help(_) => Context::Help,
            Action::RowHistory(_) => Context::RowHistory,
            Action::Today(_) => Context::Today,
            Action::Journal(_) => Context::Journal,
            Action::JournalForm(_) => Context::JournalForm,
            Action::Skills(_) => Context::Skills,
            Action::SkillDetail(_) => Context::SkillDetail,
            Action::Manage(_) => Context::Manage,
            Action::Confirm(_) => Context::Confirm,
            Action::Meetings(_) => Context::Meetings,
            Action::MeetingsWeek(_) => Context::MeetingsWeek,
            Action::Year(_) => Context::Year,
            Action::MeetingDetail(_) => Context::MeetingDetail,
            Action::PersonView(_) => Context::PersonView,
            Action::ActionItems(_) => Context::ActionItems,
            Action::Goals(_) => Context::Goals,
            Action::GoalDetail(_) => Context::GoalDetail,
            Action::Feedback(_) => Context::Feedback,
            Action::FeedbackDetail(_) => Context::FeedbackDetail,
            Action::ConfirmDelete(_) => Context::ConfirmDelete,
            Action::SearchOverlay(_) => Context::SearchOverlay,
            Action::SearchResults(_) => Context::SearchResults,
            Action::Selectable(_) => Context::Selectable,
            Action::Selecting(_) => Context::Selecting,
            Action::Attachments(_) => Context::Attachments,
            Action::AttachPrompt(_) => Context::AttachPrompt,
            Action::AttachPick(_) => Context::AttachPick,
        }
    }
}

impl Action {
    /// Picks in a chooser (a form of one picker): Space on the picker, or saving.
    pub fn picks(self) -> bool {
        matches!(
            self,
            Action::Picker(PickerAction::Toggle)
                | Action::Form(FormAction::Save)
                | Action::FormLine(FormAction::Save)
        )
    }
}

/// What kind of thing a key does. The rule: outside forms and questions a key does one kind of
/// thing in every pane (`s` changes a status wherever it is bound, `J`/`K` move the row, `v`
/// changes what the list shows, `Enter`/`e` open or edit, `a` adds, `d` deletes, `@` picks a
/// person, `Esc` backs out), so what a key does in one pane says what it does in the next. A
/// test holds every pane's table to it (`a_key_means_one_kind_of_thing_in_every_pane`).
/// Forms, prompts and popups are modal: their keys answer what they ask, and they are left
/// out, as is the carry offer above the Focus list (`c`/`C`/`x` answer it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Move the cursor, the page, the day or the pane; go back out (Esc, ←).
    Navigate,
    /// Open the row, or edit it where it has no page of its own.
    Open,
    /// Add something: a row, a sub-row, a check-in, an assessment, a report.
    Create,
    Delete,
    /// Change the row's status: done, the status cycle, the star.
    Status,
    /// Move the row itself: up or down the list, to another day, under another parent.
    Reorder,
    /// Change what the list shows: starred only, the range, the direction, the sort.
    View,
    /// Find by text: the list filter, a tag, search.
    Find,
    /// Pick a person (`@`).
    Person,
    /// The app itself: quit, help, undo, the people popup, the organization.
    App,
    /// An answer or an edit inside a modal context (a form, a prompt, a popup).
    Modal,
}

impl Action {
    /// The [`Kind`] of what this action does (see the rule there).
    pub fn kind(self) -> Kind {
        use Kind as N;
        match self {
            Action::Always(AlwaysAction::ForceQuit | AlwaysAction::Suspend) => N::App,
            Action::Global(g) => match g {
                GlobalAction::Quit
                | GlobalAction::Help
                | GlobalAction::Undo
                | GlobalAction::Redo
                | GlobalAction::RowHistory
                | GlobalAction::Manage
                | GlobalAction::CycleOrganization => N::App,
                GlobalAction::GoTo(_)
                | GlobalAction::NextPane
                | GlobalAction::PrevPane
                | GlobalAction::JumpToDate => N::Navigate,
                GlobalAction::Search => N::Find,
            },
            Action::List(l) => match l {
                ListAction::Move(_) | ListAction::ClearFilter => N::Navigate,
                ListAction::Add => N::Create,
                ListAction::Edit => N::Open,
                ListAction::Delete => N::Delete,
                ListAction::Filter => N::Find,
            },
            Action::Dated(DayAction::Prev | DayAction::Next | DayAction::Today) => N::Navigate,
            Action::Focus(f) => match f {
                FocusAction::ToggleDone | FocusAction::CycleStatus => N::Status,
                FocusAction::MoveTaskDown | FocusAction::MoveTaskUp | FocusAction::Postpone => {
                    N::Reorder
                }
            },
            Action::Energy(EnergyAction::Checkin) => N::Create,
            Action::Energy(EnergyAction::ToggleRange | EnergyAction::Year) => N::View,
            Action::Today(t) => match t {
                TodayAction::Move(_) => N::Navigate,
                TodayAction::Open => N::Open,
                TodayAction::ToggleDone => N::Status,
                TodayAction::WriteReport => N::Create,
                TodayAction::Search => N::Find,
            },
            Action::Journal(j) => match j {
                JournalAction::Filter | JournalAction::TagFilter => N::Find,
                JournalAction::StarredOnly => N::View,
                JournalAction::ToggleStar => N::Status,
                JournalAction::ExternalEditor => N::Open,
                JournalAction::PreviewDown | JournalAction::PreviewUp => N::Navigate,
            },
            Action::Skills(k) => match k {
                SkillsAction::Detail => N::Open,
                SkillsAction::Assess => N::Create,
                SkillsAction::CycleSort => N::View,
            },
            Action::SkillDetail(k) => match k {
                SkillDetailAction::Move(_)
                | SkillDetailAction::Back
                | SkillDetailAction::SwitchList => N::Navigate,
                SkillDetailAction::DeleteAssessment => N::Delete,
                SkillDetailAction::Open | SkillDetailAction::Edit => N::Open,
                SkillDetailAction::Assess => N::Create,
            },
            Action::Meetings(MeetingsAction::Open) => N::Open,
            Action::Meetings(MeetingsAction::Week | MeetingsAction::Year) => N::View,
            Action::Meetings(MeetingsAction::PickPerson) => N::Person,
            Action::MeetingDetail(m) => match m {
                MeetingDetailAction::Back => N::Navigate,
                MeetingDetailAction::EditOuter => N::Open,
                MeetingDetailAction::PickPerson => N::Person,
            },
            Action::MeetingsWeek(WeekAction::Open) => N::Open,
            Action::MeetingsWeek(_) | Action::Year(_) => N::Navigate,
            // Marking rows changes what the list is for; the keys while marking are its own.
            Action::Selectable(_) => N::View,
            Action::Selecting(_) => N::Modal,
            Action::PersonView(PersonAction::Back) => N::Navigate,
            Action::PersonView(PersonAction::Open) => N::Open,
            Action::ActionItems(i) => match i {
                ItemAction::Move(_) => N::Navigate,
                ItemAction::ToggleDone => N::Status,
                ItemAction::Promote | ItemAction::Add => N::Create,
                ItemAction::Edit => N::Open,
                ItemAction::Delete => N::Delete,
            },
            Action::Goals(g) => match g {
                GoalsAction::Expand => N::Open,
                GoalsAction::Collapse => N::Navigate,
                GoalsAction::ToggleAll => N::View,
                GoalsAction::AddChild => N::Create,
                GoalsAction::CycleStatus => N::Status,
                GoalsAction::MoveGoal => N::Reorder,
            },
            Action::GoalDetail(g) => match g {
                GoalDetailAction::Back | GoalDetailAction::Move(_) => N::Navigate,
                GoalDetailAction::ToggleDone | GoalDetailAction::CycleStatus => N::Status,
                GoalDetailAction::Add => N::Create,
                GoalDetailAction::Edit | GoalDetailAction::EditOuter => N::Open,
                GoalDetailAction::Delete => N::Delete,
            },
            Action::Feedback(f) => match f {
                FeedbackAction::Open => N::Open,
                FeedbackAction::CycleDirection => N::View,
                FeedbackAction::PickPerson => N::Person,
            },
            Action::FeedbackDetail(f) => match f {
                FeedbackDetailAction::Back => N::Navigate,
                FeedbackDetailAction::EditOuter | FeedbackDetailAction::OpenMeeting => N::Open,
            },
            Action::Attachments(a) => match a {
                AttachAction::Attach => N::Create,
                AttachAction::Open => N::Open,
                AttachAction::Detach => N::Delete,
            },
            Action::CarryOffer(_)
            | Action::AttachPrompt(_)
            | Action::AttachPick(_)
            | Action::CheckinLevel(_)
            | Action::Checklist(_)
            | Action::FilterInput(_)
            | Action::DatePrompt(_)
            | Action::Form(_)
            | Action::FormLine(_)
            | Action::Picker(_)
            | Action::ConfirmDiscard(_)
            | Action::Conflict(_)
            | Action::Help(_)
            | Action::RowHistory(_)
            | Action::JournalForm(_)
            | Action::Manage(_)
            | Action::Confirm(_)
            | Action::ConfirmDelete(_)
            | Action::SearchOverlay(_)
            | Action::SearchResults(_) => N::Modal,
        }
    }
}

/// Moving the cursor of a list (every list-like context; the list's cursor applies it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nav {
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
}

/// Yes or no: "discard your changes?", "are you sure?", "delete for good?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlwaysAction {
    /// Ctrl-C: quit from anywhere; an open form is kept as a draft first.
    ForceQuit,
    /// Ctrl-Z: hand the terminal back to the shell (raw mode off, mouse released) and stop,
    /// as a shell job does; `fg` brings the app back as it was.
    Suspend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GlobalAction {
    Quit,
    Help,
    GoTo(PaneId),
    NextPane,
    PrevPane,
    Undo,
    Redo,
    /// Show the selected row's history: every change to it, when, fields old → new.
    RowHistory,
    /// Open the people, tags and organizations popup.
    Manage,
    CycleOrganization,
    /// Open the search overlay.
    Search,
    /// Ask for a date and move the pane's list to it.
    JumpToDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListAction {
    Move(Nav),
    Add,
    Edit,
    Delete,
    Filter,
    ClearFilter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayAction {
    Prev,
    Next,
    Today,
}

impl DayAction {
    /// The day to show after this key on `day` (`None` past the ends of the calendar).
    pub fn day_from(self, day: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DayAction::Prev => day.checked_sub_days(Days::new(1)),
            DayAction::Next => day.checked_add_days(Days::new(1)),
            DayAction::Today => Some(today),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FocusAction {
    ToggleDone,
    CycleStatus,
    MoveTaskDown,
    MoveTaskUp,
    /// Move the task to the day after the one shown.
    Postpone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnergyAction {
    /// Ask for a level (the next key), then record a check-in.
    Checkin,
    ToggleRange,
    /// The last year as a calendar heatmap of the mean level per day.
    Year,
}

/// The key after `c` in Energy. A digit only records after `c`, so digits switch panes in
/// Energy as everywhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CheckinLevelAction {
    Level(u8),
    Cancel,
}

/// The offer to carry yesterday's unfinished tasks over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CarryAction {
    All,
    Choose,
    Dismiss,
}

/// The checklist for picking tasks to carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChecklistAction {
    Move(Nav),
    Toggle,
    All,
    Confirm,
    Cancel,
}

/// Typing a `/` filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterAction {
    Done,
    Cancel,
}

/// Any form, and a single-line field of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormAction {
    NextField,
    PrevField,
    Save,
    Cancel,
    /// Write the multi-line field in `$EDITOR`.
    Editor,
}

/// A picker field of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PickerAction {
    Next,
    Prev,
    Toggle,
}

/// Saving found the row changed elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConflictAction {
    KeepTheirs,
    Overwrite,
    BackToEdit,
}

/// The `?` popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HelpAction {
    Down,
    Up,
    Close,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TodayAction {
    /// Rows move; a page jumps to the next or previous section.
    Move(Nav),
    /// Show the selected row in its own pane.
    Open,
    ToggleDone,
    /// Write the review report of the last 7 days.
    WriteReport,
    /// Open the search overlay (the app does, before the pane sees the key).
    Search,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JournalAction {
    Filter,
    TagFilter,
    StarredOnly,
    ToggleStar,
    /// Edit the selected entry's body in `$EDITOR`.
    ExternalEditor,
    PreviewDown,
    PreviewUp,
}

/// The journal entry form: its body can be written in `$EDITOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JournalFormAction {
    ExternalEditor,
}

/// Acting on several rows at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BulkAction {
    /// Start (or stop) marking rows.
    ToggleMarking,
    /// Mark or unmark the selected row.
    Mark,
    /// Mark every row shown.
    MarkAll,
    /// Mark every marked row done.
    Done,
    /// Add tags to every marked row.
    Tag,
    /// Move every marked task to another day.
    Move,
    /// Delete every marked row.
    Delete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkillsAction {
    Detail,
    /// Record a skill level.
    Assess,
    CycleSort,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkillDetailAction {
    Move(Nav),
    /// Open the selected journal entry in the Journal, or edit the selected assessment.
    Open,
    Assess,
    Edit,
    Back,
    /// Move between the assessments and the journal entries.
    SwitchList,
    /// Delete the selected assessment.
    DeleteAssessment,
}

/// The people, tags and organizations popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ManageAction {
    Move(Nav),
    NextSection,
    PrevSection,
    Add,
    Edit,
    Merge,
    Delete,
    FilterOrganization,
    Filter,
    Close,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingsAction {
    Open,
    /// Choose a person to see.
    PickPerson,
    /// The week view: meetings by day and hour.
    Week,
    /// The last year as a calendar heatmap of meetings per day.
    Year,
}

/// The Meetings week view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WeekAction {
    /// The next or previous meeting of the week, in order of time.
    Move(Nav),
    PrevDay,
    NextDay,
    PrevWeek,
    NextWeek,
    ThisWeek,
    Open,
    Back,
}

/// A year heatmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearAction {
    Back,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingDetailAction {
    Back,
    /// Edit the meeting shown.
    EditOuter,
    PickPerson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonAction {
    Back,
    Open,
}

/// A list of action items (in a meeting, a piece of feedback or a person view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemAction {
    Move(Nav),
    ToggleDone,
    /// Make a focus task of an action item.
    Promote,
    Add,
    Edit,
    Delete,
}

/// The goal tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalsAction {
    /// Expand a goal (or open it when there is nothing to expand).
    Expand,
    /// Collapse a goal (or go to its parent).
    Collapse,
    ToggleAll,
    /// Add a goal under the selected one.
    AddChild,
    CycleStatus,
    /// Put a goal under another parent.
    MoveGoal,
}

/// One goal with its milestones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalDetailAction {
    Back,
    Move(Nav),
    ToggleDone,
    Add,
    Edit,
    Delete,
    CycleStatus,
    /// Edit the goal shown.
    EditOuter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedbackAction {
    Open,
    /// All / given / received.
    CycleDirection,
    PickPerson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedbackDetailAction {
    Back,
    /// Edit the feedback shown.
    EditOuter,
    /// Open the meeting the feedback came from.
    OpenMeeting,
}

/// A detail view's attachments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttachAction {
    /// Ask for the path of a file and attach it.
    Attach,
    /// Open an attachment (a verified copy; over SSH its path).
    Open,
    /// Detach an attachment (`u` undoes).
    Detach,
}

/// Typing the path of a file to attach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttachPromptAction {
    Attach,
    /// Complete the path (Tab).
    Complete,
    Cancel,
}

/// "Which attachment?": its number in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttachPickAction {
    Pick(u8),
    Cancel,
}

/// The search overlay, with the query or the results taking the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SearchAction {
    Open,
    Move(Nav),
    /// Move the keys from the query to the results list.
    FocusResults,
    /// Back from the results to the query.
    FocusQuery,
    Close,
}

/// A key with its modifiers. Shift is implied by the character (`J`), so it is ignored for
/// characters and Shift-Tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn ch(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    pub const fn code(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub fn matches(&self, ev: &KeyEvent) -> bool {
        if ev.kind == KeyEventKind::Release {
            return false;
        }
        let code = match ev.code {
            // Some terminals send Shift-Tab as Tab + SHIFT.
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        code == self.code
            && ev.modifiers.contains(KeyModifiers::CONTROL) == self.ctrl
            && ev.modifiers.contains(KeyModifiers::ALT) == self.alt
    }

    /// The event a person pressing this key produces (for tests and the help text).
    pub fn event(&self) -> KeyEvent {
        let mut mods = KeyModifiers::NONE;
        if self.ctrl {
            mods |= KeyModifiers::CONTROL;
        }
        if self.alt {
            mods |= KeyModifiers::ALT;
        }
        if let KeyCode::Char(c) = self.code
            && c.is_uppercase()
        {
            mods |= KeyModifiers::SHIFT;
        }
        if self.code == KeyCode::BackTab {
            mods |= KeyModifiers::SHIFT;
        }
        KeyEvent::new(self.code, mods)
    }

    /// The key as the config file writes it: `x`, `G`, `Space`, `Enter`, `Down`, `C-s`.
    pub fn config_name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("C-{base}"),
            (_, true) => format!("M-{base}"),
            _ => base,
        }
    }

    /// Reads a key as [`Key::config_name`] writes it. Names of keys are case-insensitive
    /// (`enter`, `PageDown`, `ctrl-s`); a single character is itself (`G` is Shift-g).
    pub fn parse(text: &str) -> Result<Key, String> {
        let lower = text.to_ascii_lowercase();
        let (ctrl, alt, rest) = if let Some(r) = ["c-", "ctrl-", "ctrl+"]
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| &text[p.len()..]))
        {
            (true, false, r)
        } else if let Some(r) = ["m-", "alt-", "alt+"]
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| &text[p.len()..]))
        {
            (false, true, r)
        } else {
            (false, false, text)
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "up" | "↑" => KeyCode::Up,
                "down" | "↓" => KeyCode::Down,
                "left" | "←" => KeyCode::Left,
                "right" | "→" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "tab" => KeyCode::Tab,
                "s-tab" | "shift-tab" | "backtab" => KeyCode::BackTab,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "bksp" | "backspace" => KeyCode::Backspace,
                "del" | "delete" => KeyCode::Delete,
                "ins" | "insert" => KeyCode::Insert,
                f if f.len() > 1 && f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(format!("unknown key \"{text}\"")),
                },
                _ => {
                    return Err(format!(
                        "unknown key \"{text}\" (a character, or Space, Enter, Esc, Tab, \
                         S-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Bksp, Del, \
                         F1-F12, with C- or M- in front for Ctrl or Alt)"
                    ));
                }
            },
        };
        if (ctrl || alt) && code == KeyCode::BackTab {
            return Err(format!("unknown key \"{text}\""));
        }
        // Terminals send Ctrl-S as Ctrl + `s`, whichever case was written.
        let code = match code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        Ok(Key { code, ctrl, alt })
    }

    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Bksp".into(),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("C-{base}"),
            (_, true) => format!("M-{base}"),
            _ => base,
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies: always `action.context()`.
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// The short label in the footer; `None` keeps it to the help popup.
    pub hint: Option<&'static str>,
    /// The sentence in the help popup.
    pub help: &'static str,
}

/// A row; its context is its action's.
const fn b(
    keys: &'static [Key],
    action: Action,
    hint: Option<&'static str>,
    help: &'static str,
) -> Binding {
    Binding {
        context: action.context(),
        keys,
        action,
        hint,
        help,
    }
}

use Action as A;
use KeyCode as K;

/// Every key worklog knows, by context, in the order the footer and help show them.
///
/// One meaning per key ([`Kind`]): outside forms and prompts a key does the same kind of thing
/// in every pane. `Space`/`s`/`*` change a status, `J`/`K`/`>`/`m` move the row itself,
/// `v` changes what the list shows, `Enter`/`e`/`E`/`o` open or edit, `a`/`A`/`c`/`r`/`p` add,
/// `d` deletes, `/`/`#` find, `@` picks a person, `Esc`/`←` back out, `:`/`D` go to a date.
/// A new binding that breaks this fails `a_key_means_one_kind_of_thing_in_every_pane`.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Global
    b(&[Key::ch('q')],                     A::Global(GlobalAction::Quit),                     Some("quit"),    "quit"),
    b(&[Key::ch('?')],                     A::Global(GlobalAction::Help),                     Some("help"),    "show all keys"),
    b(&[Key::ch('0')],                     A::Global(GlobalAction::GoTo(PaneId::Today)),      Some("pane"),    "Today pane"),
    b(&[Key::ch('1')],                     A::Global(GlobalAction::GoTo(PaneId::Focus)),      Some("pane"),    "Focus pane"),
    b(&[Key::ch('2')],                     A::Global(GlobalAction::GoTo(PaneId::Journal)),    Some("pane"),    "Journal pane"),
    b(&[Key::ch('3')],                     A::Global(GlobalAction::GoTo(PaneId::Skills)),     Some("pane"),    "Skills pane"),
    b(&[Key::ch('4')],                     A::Global(GlobalAction::GoTo(PaneId::Meetings)),   Some("pane"),    "Meetings pane"),
    b(&[Key::ch('5')],                     A::Global(GlobalAction::GoTo(PaneId::Goals)),      Some("pane"),    "Goals pane"),
    b(&[Key::ch('6')],                     A::Global(GlobalAction::GoTo(PaneId::Feedback)),   Some("pane"),    "Feedback pane"),
    b(&[Key::ch('7')],                     A::Global(GlobalAction::GoTo(PaneId::Energy)),     Some("pane"),    "Energy pane"),
    b(&[Key::code(K::Tab)],                A::Global(GlobalAction::NextPane),                 None,            "next pane"),
    b(&[Key::code(K::BackTab)],            A::Global(GlobalAction::PrevPane),                 None,            "previous pane"),
    b(&[Key::ch('u')],                     A::Global(GlobalAction::Undo),                     None,            "undo the last change (any kind, any pane)"),
    b(&[Key::ctrl('r')],                   A::Global(GlobalAction::Redo),                     None,            "redo what u undid"),
    b(&[Key::ch('H')],                     A::Global(GlobalAction::RowHistory),               None,            "history of the selected row: each change, when, fields old → new"),
    b(&[Key::ch(':'), Key::ch('D')],       A::Global(GlobalAction::JumpToDate),               None,            "go to a date: yesterday, mon, 2026-11-03, -3d (in a pane with dates)"),
    // Lists
    b(&[Key::ch('j'), Key::code(K::Down)], A::List(ListAction::Move(Nav::Down)),              None,            "next row"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::List(ListAction::Move(Nav::Up)),                None,            "previous row"),
    b(&[Key::ch('g'), Key::code(K::Home)], A::List(ListAction::Move(Nav::Top)),               None,            "first row"),
    b(&[Key::ch('G'), Key::code(K::End)],  A::List(ListAction::Move(Nav::Bottom)),            None,            "last row"),
    b(&[Key::code(K::PageDown)],           A::List(ListAction::Move(Nav::PageDown)),          None,            "page down"),
    b(&[Key::code(K::PageUp)],             A::List(ListAction::Move(Nav::PageUp)),            None,            "page up"),
    b(&[Key::ch('a')],                     A::List(ListAction::Add),                          Some("add"),     "add"),
    b(&[Key::ch('e'), Key::code(K::Enter)], A::List(ListAction::Edit),                         Some("edit"),    "edit the selected row"),
    b(&[Key::ch('d')],                     A::List(ListAction::Delete),                       Some("del"),     "delete the selected row (u undoes)"),
    b(&[Key::ch('/')],                     A::List(ListAction::Filter),                       Some("filter"),  "filter the list as you type"),
    b(&[Key::code(K::Esc)],                A::List(ListAction::ClearFilter),                  None,            "clear the filter"),
    // Days
    b(&[Key::ch('[')],                     A::Dated(DayAction::Prev),                         Some("day"),     "previous day"),
    b(&[Key::ch(']')],                     A::Dated(DayAction::Next),                         Some("day"),     "next day"),
    b(&[Key::ch('t')],                     A::Dated(DayAction::Today),                        None,            "back to today"),
    // Focus
    b(&[Key::ch(' ')],                     A::Focus(FocusAction::ToggleDone),                 Some("done"),    "mark done / not done"),
    b(&[Key::ch('s')],                     A::Focus(FocusAction::CycleStatus),                Some("status"),  "cycle todo → doing → done → dropped"),
    b(&[Key::ch('J')],                     A::Focus(FocusAction::MoveTaskDown),               None,            "move the task down"),
    b(&[Key::ch('K')],                     A::Focus(FocusAction::MoveTaskUp),                 None,            "move the task up"),
    b(&[Key::ch('>')],                     A::Focus(FocusAction::Postpone),                   None,            "move the task to the next day (or set its day with e)"),
    // Carry offer
    b(&[Key::ch('c')],                     A::CarryOffer(CarryAction::All),                   Some("carry all"), "carry every unfinished task to this day"),
    b(&[Key::ch('C')],                     A::CarryOffer(CarryAction::Choose),                Some("choose"),  "choose which tasks to carry"),
    b(&[Key::ch('x')],                     A::CarryOffer(CarryAction::Dismiss),               Some("dismiss"), "dismiss the offer for this session"),
    // Checklist
    b(&[Key::ch('j'), Key::code(K::Down)], A::Checklist(ChecklistAction::Move(Nav::Down)),    None,            "next task"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::Checklist(ChecklistAction::Move(Nav::Up)),      None,            "previous task"),
    b(&[Key::ch(' ')],                     A::Checklist(ChecklistAction::Toggle),             Some("tick"),    "tick / untick the task"),
    b(&[Key::ch('a')],                     A::Checklist(ChecklistAction::All),                Some("all/none"), "tick all or none"),
    b(&[Key::code(K::Enter)],              A::Checklist(ChecklistAction::Confirm),            Some("carry ticked"), "carry the ticked tasks"),
    b(&[Key::code(K::Esc)],                A::Checklist(ChecklistAction::Cancel),             Some("cancel"),  "close without carrying"),
    // Energy
    b(&[Key::ch('c')],                     A::Energy(EnergyAction::Checkin),                  Some("check in"), "check in: then 1 (drained) to 5 (energized) records it now"),
    // After `c` in Energy
    b(&[Key::ch('1')],                     A::CheckinLevel(CheckinLevelAction::Level(1)),     Some("level"),   "record energy 1 (drained) now"),
    b(&[Key::ch('2')],                     A::CheckinLevel(CheckinLevelAction::Level(2)),     Some("level"),   "record energy 2 (low) now"),
    b(&[Key::ch('3')],                     A::CheckinLevel(CheckinLevelAction::Level(3)),     Some("level"),   "record energy 3 (okay) now"),
    b(&[Key::ch('4')],                     A::CheckinLevel(CheckinLevelAction::Level(4)),     Some("level"),   "record energy 4 (good) now"),
    b(&[Key::ch('5')],                     A::CheckinLevel(CheckinLevelAction::Level(5)),     Some("level"),   "record energy 5 (energized) now"),
    b(&[Key::code(K::Esc)],                A::CheckinLevel(CheckinLevelAction::Cancel),       Some("cancel"),  "record nothing"),
    b(&[Key::ch('v')],                     A::Energy(EnergyAction::ToggleRange),              Some("30/90d"),  "daily chart: last 30 or 90 days"),
    b(&[Key::ch('y')],                     A::Energy(EnergyAction::Year),                     None,              "the last year as a calendar: mean energy per day"),
    // Filter prompt
    b(&[Key::code(K::Enter)],              A::FilterInput(FilterAction::Done),                Some("keep"),    "keep the filter, back to the list"),
    b(&[Key::code(K::Esc)],                A::FilterInput(FilterAction::Cancel),              Some("clear"),   "clear the filter"),
    // Date prompt
    b(&[Key::code(K::Enter)],              A::DatePrompt(FilterAction::Done),                 Some("go"),      "go to the date typed"),
    b(&[Key::code(K::Esc)],                A::DatePrompt(FilterAction::Cancel),               Some("cancel"),  "stay where you are"),
    // Forms
    b(&[Key::code(K::Enter)],              A::FormLine(FormAction::Save),                     Some("save"),    "save (in a one-line field)"),
    b(&[Key::code(K::Down)],               A::Picker(PickerAction::Next),                     None,            "next option"),
    b(&[Key::code(K::Up)],                 A::Picker(PickerAction::Prev),                     None,            "previous option"),
    b(&[Key::code(K::Enter)],              A::Picker(PickerAction::Toggle),                   Some("pick"),    "pick the option (or create the typed name)"),
    b(&[Key::ctrl('s')],                   A::Form(FormAction::Save),                         Some("save"),    "save"),
    b(&[Key::code(K::Tab)],                A::Form(FormAction::NextField),                    Some("field"),   "next field"),
    b(&[Key::code(K::BackTab)],            A::Form(FormAction::PrevField),                    None,            "previous field"),
    b(&[Key::code(K::Esc)],                A::Form(FormAction::Cancel),                       Some("cancel"),  "cancel (asks first if anything changed)"),
    b(&[Key::ctrl('o')],                   A::Form(FormAction::Editor),                       None,            "write the notes (any field of several lines) in $EDITOR"),
    // Discard?
    b(&[Key::ch('y')],                     A::ConfirmDiscard(Answer::Yes),                    Some("discard"), "discard your changes"),
    b(&[Key::ch('n'), Key::code(K::Esc)],  A::ConfirmDiscard(Answer::No),                     Some("keep editing"), "keep editing"),
    // Conflict
    b(&[Key::ch('t')],                     A::Conflict(ConflictAction::KeepTheirs),           Some("keep theirs"), "discard your edit, keep the saved version"),
    b(&[Key::ch('o')],                     A::Conflict(ConflictAction::Overwrite),            Some("overwrite with mine"), "save your version over theirs"),
    b(&[Key::code(K::Esc), Key::ch('b')],  A::Conflict(ConflictAction::BackToEdit),           Some("back to editing"), "back to editing"),
    // Help
    b(&[Key::code(K::Esc), Key::ch('?'), Key::ch('q')], A::Help(HelpAction::Close),                        Some("close"),   "close help"),
    b(&[Key::ch('j'), Key::code(K::Down)], A::Help(HelpAction::Down),                         Some("scroll"),  "scroll down"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::Help(HelpAction::Up),                           None,            "scroll up"),
    b(&[Key::code(K::Esc), Key::ch('H'), Key::ch('q')], A::RowHistory(HelpAction::Close),                  Some("close"),   "close the history"),
    b(&[Key::ch('j'), Key::code(K::Down)], A::RowHistory(HelpAction::Down),                   Some("scroll"),  "scroll down"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::RowHistory(HelpAction::Up),                     None,            "scroll up"),
    // Meetings pane (the list); `[`/`]`/`t` come from Days, the rest from Lists
    b(&[Key::code(K::Enter)],              A::Meetings(MeetingsAction::Open),                 Some("open"),    "open the meeting: notes and action items"),
    b(&[Key::ch('@')],                     A::Meetings(MeetingsAction::PickPerson),           Some("person"),  "a person's page: meetings, open items, feedback (before a 1:1)"),
    b(&[Key::ch('w')],                     A::Meetings(MeetingsAction::Week),                 None,              "the week view: meetings by day and hour"),
    b(&[Key::ch('y')],                     A::Meetings(MeetingsAction::Year),                 None,              "the last year as a calendar: meetings per day"),
    // The Meetings week view
    b(&[Key::ch('j'), Key::code(K::Down)], A::MeetingsWeek(WeekAction::Move(Nav::Down)),      None,            "next meeting of the week"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::MeetingsWeek(WeekAction::Move(Nav::Up)),        None,            "previous meeting of the week"),
    b(&[Key::ch('g'), Key::code(K::Home)], A::MeetingsWeek(WeekAction::Move(Nav::Top)),       None,            "first meeting of the week"),
    b(&[Key::ch('G'), Key::code(K::End)],  A::MeetingsWeek(WeekAction::Move(Nav::Bottom)),    None,            "last meeting of the week"),
    b(&[Key::ch('h'), Key::code(K::Left)], A::MeetingsWeek(WeekAction::PrevDay),              Some("day"),     "first meeting of the day before"),
    b(&[Key::ch('l'), Key::code(K::Right)], A::MeetingsWeek(WeekAction::NextDay),             Some("day"),     "first meeting of the day after"),
    b(&[Key::ch('[')],                     A::MeetingsWeek(WeekAction::PrevWeek),             Some("week"),    "previous week"),
    b(&[Key::ch(']')],                     A::MeetingsWeek(WeekAction::NextWeek),             Some("week"),    "next week"),
    b(&[Key::ch('t')],                     A::MeetingsWeek(WeekAction::ThisWeek),             None,            "back to this week"),
    b(&[Key::code(K::Enter)],              A::MeetingsWeek(WeekAction::Open),                 Some("open"),    "open the meeting: notes and action items"),
    b(&[Key::ch('w'), Key::code(K::Esc)],  A::MeetingsWeek(WeekAction::Back),                 Some("list"),    "back to the list"),
    // A year heatmap (Energy, Meetings)
    b(&[Key::ch('y'), Key::code(K::Esc)],  A::Year(YearAction::Back),                         Some("back"),    "back to the pane"),
    // One meeting
    b(&[Key::code(K::Esc), Key::code(K::Left)], A::MeetingDetail(MeetingDetailAction::Back),       Some("back"),    "back to the list"),
    b(&[Key::ch('E')],                     A::MeetingDetail(MeetingDetailAction::EditOuter),  Some("edit meeting"), "edit the meeting"),
    b(&[Key::ch('@')],                     A::MeetingDetail(MeetingDetailAction::PickPerson), Some("attendee"), "an attendee's page: meetings, open action items, feedback"),
    // A person
    b(&[Key::code(K::Esc), Key::code(K::Left)], A::PersonView(PersonAction::Back),                 Some("back"),    "back"),
    b(&[Key::code(K::Enter)],              A::PersonView(PersonAction::Open),                 Some("open"),    "open the row (an action item: the meeting it came from)"),
    // Action items (in a meeting, a piece of feedback, a person's page)
    b(&[Key::ch('j'), Key::code(K::Down)], A::ActionItems(ItemAction::Move(Nav::Down)),       None,            "next row"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::ActionItems(ItemAction::Move(Nav::Up)),         None,            "previous row"),
    b(&[Key::ch('g'), Key::code(K::Home)], A::ActionItems(ItemAction::Move(Nav::Top)),        None,            "first row"),
    b(&[Key::ch('G'), Key::code(K::End)],  A::ActionItems(ItemAction::Move(Nav::Bottom)),     None,            "last row"),
    b(&[Key::ch(' ')],                     A::ActionItems(ItemAction::ToggleDone),            Some("done"),    "mark the action item done / open (its focus task too)"),
    b(&[Key::ch('p')],                     A::ActionItems(ItemAction::Promote),               Some("to Focus"), "make a focus task of the action item (asks for the day)"),
    b(&[Key::ch('a')],                     A::ActionItems(ItemAction::Add),                   Some("add item"), "add an action item"),
    b(&[Key::ch('e'), Key::code(K::Enter)], A::ActionItems(ItemAction::Edit),                  None,            "edit the action item"),
    b(&[Key::ch('d')],                     A::ActionItems(ItemAction::Delete),                None,            "delete the action item (u undoes)"),
    // Goals pane (the tree); the rest from Lists
    b(&[Key::code(K::Right), Key::ch('l'), Key::code(K::Enter)], A::Goals(GoalsAction::Expand),                     Some("open"),    "expand the goal, or open its page if already expanded"),
    b(&[Key::code(K::Left), Key::ch('h')], A::Goals(GoalsAction::Collapse),                   Some("close"),   "collapse the goal (or go to its parent)"),
    b(&[Key::ch('z')],                     A::Goals(GoalsAction::ToggleAll),                  None,            "expand or collapse every goal"),
    b(&[Key::ch('A')],                     A::Goals(GoalsAction::AddChild),                   Some("sub-goal"), "add a sub-goal under the selected goal"),
    b(&[Key::ch('s')],                     A::Goals(GoalsAction::CycleStatus),                Some("status"),  "cycle active → paused → done → dropped"),
    b(&[Key::ch('m')],                     A::Goals(GoalsAction::MoveGoal),                   Some("move"),    "move the goal under another parent (or to the top)"),
    // One goal
    b(&[Key::code(K::Esc), Key::code(K::Left), Key::ch('h')], A::GoalDetail(GoalDetailAction::Back),             Some("back"),    "back to the tree"),
    b(&[Key::ch('j'), Key::code(K::Down)], A::GoalDetail(GoalDetailAction::Move(Nav::Down)),  None,            "next milestone"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::GoalDetail(GoalDetailAction::Move(Nav::Up)),    None,            "previous milestone"),
    b(&[Key::ch(' ')],                     A::GoalDetail(GoalDetailAction::ToggleDone),       Some("done"),    "mark the milestone done / not done"),
    b(&[Key::ch('a')],                     A::GoalDetail(GoalDetailAction::Add),              Some("add milestone"), "add a milestone"),
    b(&[Key::ch('e'), Key::code(K::Enter)], A::GoalDetail(GoalDetailAction::Edit),             Some("edit"),    "edit the milestone"),
    b(&[Key::ch('d')],                     A::GoalDetail(GoalDetailAction::Delete),           Some("del"),     "delete the milestone (u undoes)"),
    b(&[Key::ch('s')],                     A::GoalDetail(GoalDetailAction::CycleStatus),      Some("status"),  "cycle the goal's status"),
    b(&[Key::ch('E')],                     A::GoalDetail(GoalDetailAction::EditOuter),        Some("edit goal"), "edit the goal"),
    // Feedback pane (the list); the rest from Lists
    b(&[Key::code(K::Enter)],              A::Feedback(FeedbackAction::Open),                 Some("open"),    "open the feedback: all of it and its action items"),
    b(&[Key::ch('v')],                     A::Feedback(FeedbackAction::CycleDirection),       Some("given/received"), "show all, given or received feedback"),
    b(&[Key::ch('@')],                     A::Feedback(FeedbackAction::PickPerson),           Some("person"),  "show only feedback with one person (or everyone)"),
    // One piece of feedback
    b(&[Key::code(K::Esc), Key::code(K::Left)], A::FeedbackDetail(FeedbackDetailAction::Back),     Some("back"),    "back to the list"),
    b(&[Key::ch('E')],                     A::FeedbackDetail(FeedbackDetailAction::EditOuter), Some("edit feedback"), "edit the feedback"),
    b(&[Key::ch('o')],                     A::FeedbackDetail(FeedbackDetailAction::OpenMeeting), Some("meeting"), "open the meeting it came from"),
    // Delete for good?
    // Always, even behind forms and popups
    b(&[Key::ctrl('c')],                   A::Always(AlwaysAction::ForceQuit),                None,            "quit from anywhere (an open form is kept as a draft)"),
    b(&[Key::ctrl('z')],                   A::Always(AlwaysAction::Suspend),                  None,            "suspend to the shell (fg brings it back as it was)"),
    // ---- Today, Journal, Skills, people and tags (panes-a) ----
    // Global
    b(&[Key::ch('P')],                     A::Global(GlobalAction::Manage),                   None,            "people, tags and organizations: rename, merge, add"),
    b(&[Key::ch('O')],                     A::Global(GlobalAction::CycleOrganization),        None,            "show one organization after another, then all (people, skills, goals)"),
    // Today
    b(&[Key::ch('j'), Key::code(K::Down)], A::Today(TodayAction::Move(Nav::Down)),            None,            "next item"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::Today(TodayAction::Move(Nav::Up)),              None,            "previous item"),
    b(&[Key::ch('g'), Key::code(K::Home)], A::Today(TodayAction::Move(Nav::Top)),             None,            "first item"),
    b(&[Key::ch('G'), Key::code(K::End)],  A::Today(TodayAction::Move(Nav::Bottom)),          None,            "last item"),
    b(&[Key::code(K::PageDown)],           A::Today(TodayAction::Move(Nav::PageDown)),        None,            "next section"),
    b(&[Key::code(K::PageUp)],             A::Today(TodayAction::Move(Nav::PageUp)),          None,            "previous section"),
    b(&[Key::code(K::Enter)],              A::Today(TodayAction::Open),                       Some("open"),    "open the item in its own pane"),
    b(&[Key::ch(' ')],                     A::Today(TodayAction::ToggleDone),                 Some("done"),    "mark the task or action item done / not done"),
    b(&[Key::ch('R')],                     A::Today(TodayAction::WriteReport),                Some("review"),  "write the review report of the last 7 days (Markdown) and say where"),
    // Journal (`/` again here so the footer shows the three ways of finding first)
    b(&[Key::ch('/')],                     A::Journal(JournalAction::Filter),                 Some("filter"),  "filter the entries by text as you type"),
    b(&[Key::ch('#')],                     A::Journal(JournalAction::TagFilter),              Some("tag"),     "show one tag's entries (pick a tag)"),
    b(&[Key::ch('v')],                     A::Journal(JournalAction::StarredOnly),            Some("starred"), "show starred entries only / all"),
    b(&[Key::ch('*')],                     A::Journal(JournalAction::ToggleStar),             Some("★"),       "star / unstar the entry"),
    b(&[Key::ch('E')],                     A::Journal(JournalAction::ExternalEditor),         Some("editor"),  "edit the entry's text in $EDITOR (saved when you quit it)"),
    b(&[Key::ctrl('d')],                   A::Journal(JournalAction::PreviewDown),            None,            "scroll the preview down"),
    b(&[Key::ctrl('u')],                   A::Journal(JournalAction::PreviewUp),              None,            "scroll the preview up"),
    b(&[Key::ctrl('o')],                   A::JournalForm(JournalFormAction::ExternalEditor), Some("editor"),  "write the body in $EDITOR (back in the form when you quit it)"),
    // Skills
    b(&[Key::code(K::Enter)],              A::Skills(SkillsAction::Detail),                   Some("detail"),  "the skill in detail: levels over time, evidence, journal entries"),
    b(&[Key::ch('r')],                     A::Skills(SkillsAction::Assess),                   Some("assess"),  "record the skill's level today (kept with the earlier ones)"),
    b(&[Key::ch('v')],                     A::Skills(SkillsAction::CycleSort),                Some("sort"),    "sort by category, gap to target, or time since assessed"),
    b(&[Key::ch('j'), Key::code(K::Down)], A::SkillDetail(SkillDetailAction::Move(Nav::Down)), None,            "next assessment or journal entry"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::SkillDetail(SkillDetailAction::Move(Nav::Up)),  None,            "previous assessment or journal entry"),
    b(&[Key::code(K::Enter)],              A::SkillDetail(SkillDetailAction::Open),           Some("open entry"), "edit the selected assessment, or open the selected journal entry"),
    b(&[Key::ch('r')],                     A::SkillDetail(SkillDetailAction::Assess),         Some("assess"),  "record the skill's level (kept with the earlier ones)"),
    b(&[Key::ch('e')],                     A::SkillDetail(SkillDetailAction::Edit),           Some("edit"),    "edit the skill"),
    b(&[Key::code(K::Tab)],                A::SkillDetail(SkillDetailAction::SwitchList),     None, "move between the assessments and the journal entries"),
    b(&[Key::ch('d')],                     A::SkillDetail(SkillDetailAction::DeleteAssessment), None, "delete the selected assessment (u undoes)"),
    b(&[Key::code(K::Esc)],                A::SkillDetail(SkillDetailAction::Back),           Some("back"),    "back to the skills"),
    // People, tags and organizations
    b(&[Key::ch('j'), Key::code(K::Down)], A::Manage(ManageAction::Move(Nav::Down)),          None,            "next row"),
    b(&[Key::ch('k'), Key::code(K::Up)],   A::Manage(ManageAction::Move(Nav::Up)),            None,            "previous row"),
    b(&[Key::ch('g'), Key::code(K::Home)], A::Manage(ManageAction::Move(Nav::Top)),           None,            "first row"),
    b(&[Key::ch('G'), Key::code(K::End)],  A::Manage(ManageAction::Move(Nav::Bottom)),        None,            "last row"),
    b(&[Key::code(K::PageDown)],           A::Manage(ManageAction::Move(Nav::PageDown)),      None,            "page down"),
    b(&[Key::code(K::PageUp)],             A::Manage(ManageAction::Move(Nav::PageUp)),        None,            "page up"),
    b(&[Key::code(K::Tab), Key::code(K::Right)], A::Manage(ManageAction::NextSection),              Some("lists"),   "next list: people → tags → organizations"),
    b(&[Key::code(K::BackTab), Key::code(K::Left)], A::Manage(ManageAction::PrevSection),              None,            "previous list"),
    b(&[Key::ch('a')],                     A::Manage(ManageAction::Add),                      Some("add"),     "add a person or an organization"),
    b(&[Key::ch('e'), Key::code(K::Enter)], A::Manage(ManageAction::Edit),                     Some("edit"),    "rename (a tag, an organization) or edit (a person)"),
    b(&[Key::ch('m')],                     A::Manage(ManageAction::Merge),                    Some("merge"),   "merge into another person or tag: every link moves, this one goes"),
    b(&[Key::ch('d')],                     A::Manage(ManageAction::Delete),                   None,            "delete a person nobody is linked to"),
    b(&[Key::ch('f')],                     A::Manage(ManageAction::FilterOrganization),       Some("only"),    "show only this organization everywhere (again: all)"),
    b(&[Key::ch('/')],                     A::Manage(ManageAction::Filter),                   Some("filter"),  "filter the list as you type"),
    b(&[Key::code(K::Esc), Key::ch('q'), Key::ch('P')], A::Manage(ManageAction::Close),                    Some("close"),   "close"),
    b(&[Key::ch('y')],                     A::Confirm(Answer::Yes),                           Some("yes"),     "yes, do it"),
    b(&[Key::ch('n'), Key::code(K::Esc)],  A::Confirm(Answer::No),                            Some("no"),      "no, leave it"),
    // ---- Several rows at once ----
    b(&[Key::ch('V')],                     A::Selectable(BulkAction::ToggleMarking),          Some("mark rows"), "mark several rows to act on them together"),
    b(&[Key::ch(' ')],                     A::Selecting(BulkAction::Mark),                    Some("mark"),    "mark or unmark the row"),
    b(&[Key::ch('*')],                     A::Selecting(BulkAction::MarkAll),                 Some("all"),     "mark every row shown"),
    b(&[Key::ch('x')],                     A::Selecting(BulkAction::Done),                    Some("done"),    "mark every marked row done"),
    b(&[Key::ch('t')],                     A::Selecting(BulkAction::Tag),                     Some("tag"),     "add tags to every marked row"),
    b(&[Key::ch('m')],                     A::Selecting(BulkAction::Move),                    Some("move"),    "move every marked task to another day"),
    b(&[Key::ch('d')],                     A::Selecting(BulkAction::Delete),                  Some("delete"),  "delete every marked row (u undoes)"),
    b(&[Key::ch('V'), Key::code(K::Esc)],  A::Selecting(BulkAction::ToggleMarking),           Some("stop"),    "stop marking (the marks are dropped)"),
    // ---- Search everything ----
    b(&[Key::ctrl('f')],                   A::Global(GlobalAction::Search),                   None,            "search everything (every pane, with filters)"),
    b(&[Key::ch('/')],                     A::Today(TodayAction::Search),                     Some("search"),  "search everything (every pane, with filters)"),
    b(&[Key::code(K::Enter)],              A::SearchOverlay(SearchAction::Open),              Some("open"),    "open the selected result in its pane"),
    b(&[Key::code(K::Down), Key::ctrl('n'), Key::ctrl('j')], A::SearchOverlay(SearchAction::Move(Nav::Down)),   Some("move"),    "next result"),
    b(&[Key::code(K::Up), Key::ctrl('p'), Key::ctrl('k')], A::SearchOverlay(SearchAction::Move(Nav::Up)),     Some("move"),    "previous result"),
    b(&[Key::code(K::PageDown)],           A::SearchOverlay(SearchAction::Move(Nav::PageDown)), None,            "a page of results down"),
    b(&[Key::code(K::PageUp)],             A::SearchOverlay(SearchAction::Move(Nav::PageUp)), None,            "a page of results up"),
    b(&[Key::code(K::Tab)],                A::SearchOverlay(SearchAction::FocusResults),      Some("results"), "move in the results with j/k (letters then no longer type)"),
    b(&[Key::code(K::Esc)],                A::SearchOverlay(SearchAction::Close),             Some("close"),   "close search, back where you were"),
    b(&[Key::code(K::Enter)],              A::SearchResults(SearchAction::Open),              Some("open"),    "open the selected result in its pane"),
    b(&[Key::ch('j'), Key::code(K::Down), Key::ctrl('n')], A::SearchResults(SearchAction::Move(Nav::Down)),   Some("move"),    "next result"),
    b(&[Key::ch('k'), Key::code(K::Up), Key::ctrl('p')], A::SearchResults(SearchAction::Move(Nav::Up)),     Some("move"),    "previous result"),
    b(&[Key::ch('g'), Key::code(K::Home)], A::SearchResults(SearchAction::Move(Nav::Top)),    None,            "first result"),
    b(&[Key::ch('G'), Key::code(K::End)],  A::SearchResults(SearchAction::Move(Nav::Bottom)), None,            "last result"),
    b(&[Key::code(K::PageDown)],           A::SearchResults(SearchAction::Move(Nav::PageDown)), None,            "a page of results down"),
    b(&[Key::code(K::PageUp)],             A::SearchResults(SearchAction::Move(Nav::PageUp)), None,            "a page of results up"),
    b(&[Key::code(K::Tab), Key::code(K::BackTab), Key::ch('/')], A::SearchResults(SearchAction::FocusQuery),        Some("query"),   "back to the query"),
    b(&[Key::code(K::Esc)],                A::SearchResults(SearchAction::Close),             Some("close"),   "close search, back where you were"),
    // ---- Attachments (in a detail view) ----
    b(&[Key::ch('A')],                     A::Attachments(AttachAction::Attach),              Some("attach"),  "attach a file by its path (Tab completes the path)"),
    b(&[Key::ch('F')],                     A::Attachments(AttachAction::Open),                Some("open file"), "open an attached file (over SSH: show where its copy is)"),
    b(&[Key::ch('X')],                     A::Attachments(AttachAction::Detach),              None,            "detach an attached file (u undoes)"),
    b(&[Key::code(K::Enter)],              A::AttachPrompt(AttachPromptAction::Attach),       Some("attach"),  "attach the file typed"),
    b(&[Key::code(K::Tab)],                A::AttachPrompt(AttachPromptAction::Complete),     Some("complete"), "complete the path (several matches: the common part, and a list)"),
    b(&[Key::code(K::Esc)],                A::AttachPrompt(AttachPromptAction::Cancel),       Some("cancel"),  "attach nothing"),
    b(&[Key::ch('1')],                     A::AttachPick(AttachPickAction::Pick(1)),          Some("which"),   "the first attachment"),
    b(&[Key::ch('2')],                     A::AttachPick(AttachPickAction::Pick(2)),          Some("which"),   "the second attachment"),
    b(&[Key::ch('3')],                     A::AttachPick(AttachPickAction::Pick(3)),          Some("which"),   "the third attachment"),
    b(&[Key::ch('4')],                     A::AttachPick(AttachPickAction::Pick(4)),          Some("which"),   "the fourth attachment"),
    b(&[Key::ch('5')],                     A::AttachPick(AttachPickAction::Pick(5)),          Some("which"),   "the fifth attachment"),
    b(&[Key::ch('6')],                     A::AttachPick(AttachPickAction::Pick(6)),          Some("which"),   "the sixth attachment"),
    b(&[Key::ch('7')],                     A::AttachPick(AttachPickAction::Pick(7)),          Some("which"),   "the seventh attachment"),
    b(&[Key::ch('8')],                     A::AttachPick(AttachPickAction::Pick(8)),          Some("which"),   "the eighth attachment"),
    b(&[Key::ch('9')],                     A::AttachPick(AttachPickAction::Pick(9)),          Some("which"),   "the ninth attachment"),
    b(&[Key::code(K::Esc)],                A::AttachPick(AttachPickAction::Cancel),           Some("cancel"),  "do nothing"),
];

/// The table in force: [`BINDINGS`] with the user's remaps from the config file, once
/// [`install`]ed at start (before the first key), else [`BINDINGS`] itself.
static INSTALLED: std::sync::OnceLock<&'static [Binding]> = std::sync::OnceLock::new();

/// The table dispatch, the footer and the help read.
pub fn bindings() -> &'static [Binding] {
    INSTALLED.get().copied().unwrap_or(BINDINGS)
}

/// Makes `table` (from [`remapped`]) the one table for the rest of the process. It is built
/// once per run, so it is leaked to stay `'static` like [`BINDINGS`]. A second call keeps the
/// first table and returns false: the keys never change under a running app.
pub fn install(table: Vec<Binding>) -> bool {
    let leaked: &'static [Binding] = Box::leak(table.into_boxed_slice());
    INSTALLED.set(leaked).is_ok()
}

/// A user's remap: in `context`, `action` is reached by `keys` (and no longer by its defaults).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remap {
    pub action: Action,
    pub keys: Vec<Key>,
}

/// Why a set of remaps cannot be used: the index of the remap at fault and a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemapError {
    pub remap: usize,
    pub message: String,
}

/// [`BINDINGS`] with `remaps` applied. A key bound twice in one context (by a remap and a
/// default that was not remapped away, or by two remaps) is an error naming both actions.
pub fn remapped(remaps: &[Remap]) -> Result<Vec<Binding>, RemapError> {
    let mut table: Vec<Binding> = BINDINGS.to_vec();
    for r in remaps {
        if let Some(row) = table.iter_mut().find(|b| b.action == r.action) {
            let mut keys: Vec<Key> = Vec::new();
            for k in &r.keys {
                if !keys.contains(k) {
                    keys.push(*k);
                }
            }
            row.keys = Box::leak(keys.into_boxed_slice());
        }
    }
    for (i, r) in remaps.iter().enumerate() {
        for k in &r.keys {
            let clash = table.iter().find(|b| {
                b.context == r.action.context() && b.action != r.action && b.keys.contains(k)
            });
            if let Some(other) = clash {
                return Err(RemapError {
                    remap: i,
                    message: format!(
                        "the key \"{}\" is bound twice in [keys.{}]: to {} and to {}",
                        k.config_name(),
                        r.action.context().config_name(),
                        r.action.config_name(),
                        other.action.config_name()
                    ),
                });
            }
        }
    }
    Ok(table)
}

/// `CamelCase(Inner)` as Debug prints it, in snake case: `GoTo(Journal)` → `go_to_journal`.
fn snake(debug: &str) -> String {
    let mut out = String::new();
    for c in debug.chars() {
        match c {
            '(' | ' ' | ',' => {
                if !out.ends_with('_') {
                    out.push('_');
                }
            }
            ')' => {}
            c if c.is_uppercase() => {
                if !out.is_empty() && !out.ends_with('_') {
                    out.push('_');
                }
                out.extend(c.to_lowercase());
            }
            c => out.push(c),
        }
    }
    out
}

impl Context {
    /// The name of the context in the config file: `[keys.focus]`, `[keys.form_line]`.
    pub fn config_name(self) -> String {
        snake(&format!("{self:?}"))
    }

    /// Every context that has a binding, in table order.
    pub fn with_bindings() -> Vec<Context> {
        let mut out: Vec<Context> = Vec::new();
        for b in BINDINGS {
            if !out.contains(&b.context) {
                out.push(b.context);
            }
        }
        out
    }
}

impl Action {
    /// The name of the action in its context's table of the config file: `toggle_done`,
    /// `move_down`, `go_to_journal`, `checkin_4`.
    pub fn config_name(self) -> String {
        let debug = format!("{self:?}");
        // `Focus(ToggleDone)`: the variant is the context; the name is what is inside.
        let inner = debug
            .split_once('(')
            .map(|(_, rest)| rest.strip_suffix(')').unwrap_or(rest))
            .unwrap_or(&debug);
        snake(inner)
    }

    /// The action of [`BINDINGS`] named `name` in `context`.
    pub fn named(context: Context, name: &str) -> Option<Action> {
        BINDINGS
            .iter()
            .find(|b| b.context == context && b.action.config_name() == name)
            .map(|b| b.action)
    }
}

/// Contexts left out of the one-meaning-per-key rule, besides modal ones: the carry offer and
/// marking answer their own question, the week grid and the year heatmap move in two
/// directions, and Always is every key's.
pub const OWN_KEYS: [Context; 5] = [
    Context::CarryOffer,
    Context::Selecting,
    Context::MeetingsWeek,
    Context::Year,
    Context::Always,
];

/// The contexts in force: the pane's, then Global unless one of them is modal, then Always.
pub fn active(pane: &[Context]) -> Vec<Context> {
    let mut v = pane.to_vec();
    if !v.iter().any(|c| c.is_modal()) {
        v.push(Context::Global);
    }
    v.push(Context::Always);
    v
}

/// The first binding for `key` in `contexts` (most specific first).
pub fn resolve(contexts: &[Context], key: &KeyEvent) -> Option<&'static Binding> {
    contexts.iter().find_map(|&ctx| {
        bindings()
            .iter()
            .find(|b| b.context == ctx && b.keys.iter().any(|k| k.matches(key)))
    })
}

/// The keys bound to `action` (after remaps), as the footer writes them; empty if none.
pub fn keys_of(action: Action) -> String {
    bindings()
        .iter()
        .find(|b| b.action == action)
        .map(|b| keys_label(b.keys))
        .unwrap_or_default()
}

/// The keys of `binding` that reach it in `contexts` (not taken by an earlier context).
pub fn live_keys(contexts: &[Context], binding: &'static Binding) -> Vec<Key> {
    binding
        .keys
        .iter()
        .copied()
        .filter(|k| resolve(contexts, &k.event()).is_some_and(|won| std::ptr::eq(won, binding)))
        .collect()
}

/// Labels a list of keys, joining runs of digits: `0-7`, `0,6-7`.
pub fn keys_label(keys: &[Key]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let digit = |k: &Key| match k.code {
            KeyCode::Char(c) if c.is_ascii_digit() && !k.ctrl && !k.alt => c.to_digit(10),
            _ => None,
        };
        if let Some(start) = digit(&keys[i]) {
            let mut end = start;
            let mut j = i + 1;
            while j < keys.len() && digit(&keys[j]) == Some(end + 1) {
                end += 1;
                j += 1;
            }
            parts.push(if end > start {
                format!("{start}-{end}")
            } else {
                start.to_string()
            });
            i = j;
        } else {
            parts.push(keys[i].label());
            i += 1;
        }
    }
    let digits = parts
        .iter()
        .all(|p| p.chars().all(|c| c.is_ascii_digit() || c == '-'));
    parts.join(if digits { "," } else { "/" })
}

/// The footer: `(keys, hint)` pairs from the table for the active contexts, in table order,
/// shadowed keys left out, bindings with the same hint merged (`0-7 pane`).
pub fn footer(contexts: &[Context]) -> Vec<(String, &'static str)> {
    footer_by_context(contexts)
        .into_iter()
        .map(|(k, h, _)| (k, h))
        .collect()
}

/// [`footer`] with the context each hint comes from (the app keeps global hints visible).
pub fn footer_by_context(contexts: &[Context]) -> Vec<(String, &'static str, Context)> {
    let mut merged: Vec<(Vec<Key>, &'static str, Context)> = Vec::new();
    for &ctx in contexts {
        for bnd in bindings().iter().filter(|b| b.context == ctx) {
            let Some(hint) = bnd.hint else { continue };
            let keys = live_keys(contexts, bnd);
            if keys.is_empty() {
                continue;
            }
            match merged.iter_mut().find(|(_, h, _)| *h == hint) {
                Some((ks, _, _)) => ks.extend(keys),
                None => merged.push((keys, hint, ctx)),
            }
        }
    }
    merged
        .into_iter()
        .map(|(keys, hint, ctx)| (keys_label(&keys), hint, ctx))
        .collect()
}

/// One line of the help popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: String,
    pub help: &'static str,
    /// Keys of this binding that an earlier context takes here, e.g. `1-5`.
    pub shadowed: String,
    /// The keys that do reach this binding here (what the help shows a user).
    pub live: String,
}

/// The help popup: every binding of the active contexts, grouped by context.
pub fn help(contexts: &[Context]) -> Vec<(Context, Vec<HelpRow>)> {
    contexts
        .iter()
        .map(|&ctx| {
            let rows = bindings()
                .iter()
                .filter(|b| b.context == ctx)
                .map(|bnd| {
                    let live = live_keys(contexts, bnd);
                    let shadowed: Vec<Key> = bnd
                        .keys
                        .iter()
                        .copied()
                        .filter(|k| !live.contains(k))
                        .collect();
                    HelpRow {
                        keys: keys_label(bnd.keys),
                        help: bnd.help,
                        shadowed: keys_label(&shadowed),
                        live: keys_label(&live),
                    }
                })
                .collect();
            (ctx, rows)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for bnd in &BINDINGS[i + 1..] {
                if a.context != bnd.context {
                    continue;
                }
                for k in a.keys {
                    assert!(
                        !bnd.keys.contains(k),
                        "{:?} bound twice in {:?}",
                        k,
                        a.context
                    );
                }
            }
        }
    }

    #[test]
    fn every_key_event_resolves_to_its_own_binding_in_its_context() {
        for bnd in BINDINGS {
            for k in bnd.keys {
                let got = resolve(&[bnd.context], &k.event()).map(|b| b.action);
                assert_eq!(got, Some(bnd.action), "{k:?} in {:?}", bnd.context);
            }
        }
    }

    #[test]
    fn digits_switch_panes_in_energy_and_record_only_after_c() {
        let ctx = active(&[Context::Energy, Context::Dated, Context::List]);
        let four = Key::ch('4').event();
        assert_eq!(
            resolve(&ctx, &four).map(|b| b.action),
            Some(Action::Global(GlobalAction::GoTo(PaneId::Meetings)))
        );
        let foot = footer(&ctx);
        assert!(foot.contains(&("c".to_string(), "check in")), "{foot:?}");
        assert!(foot.contains(&("0-7".to_string(), "pane")), "{foot:?}");
        let level = active(&[Context::CheckinLevel]);
        assert_eq!(
            resolve(&level, &four).map(|b| b.action),
            Some(Action::CheckinLevel(CheckinLevelAction::Level(4)))
        );
        assert!(resolve(&level, &Key::ch('q').event()).is_none());
    }

    #[test]
    fn modal_contexts_hide_global_keys() {
        let ctx = active(&[Context::FormLine, Context::Form]);
        assert!(!ctx.contains(&Context::Global));
        assert!(resolve(&ctx, &Key::ch('q').event()).is_none());
        assert_eq!(
            resolve(&ctx, &Key::code(KeyCode::Enter).event()).map(|b| b.action),
            Some(Action::FormLine(FormAction::Save))
        );
    }

    #[test]
    fn footer_hints_all_come_from_the_table() {
        let contexts = [
            vec![
                Context::Focus,
                Context::CarryOffer,
                Context::Dated,
                Context::List,
            ],
            vec![Context::Energy, Context::Dated, Context::List],
            vec![Context::CheckinLevel],
            vec![Context::Picker, Context::Form],
            vec![Context::Conflict],
            vec![Context::Help],
        ];
        for c in contexts {
            let active = active(&c);
            for (_, hint) in footer(&active) {
                assert!(
                    BINDINGS
                        .iter()
                        .any(|b| b.hint == Some(hint) && active.contains(&b.context)),
                    "{hint}"
                );
            }
        }
    }

    #[test]
    fn a_key_means_one_kind_of_thing_in_every_pane() {
        // Every context a pane (not a form, prompt or popup) can put in force, with Global.
        let pane_contexts: Vec<Context> = Context::with_bindings()
            .into_iter()
            .filter(|c| !c.is_modal() && !OWN_KEYS.contains(c))
            .collect();
        let mut clashes = Vec::new();
        for (i, a) in BINDINGS.iter().enumerate() {
            if !pane_contexts.contains(&a.context) {
                continue;
            }
            assert_ne!(a.action.kind(), Kind::Modal, "{:?} in a pane", a.action);
            for other in &BINDINGS[i + 1..] {
                if !pane_contexts.contains(&other.context) || other.context == a.context {
                    continue;
                }
                for k in a.keys.iter().filter(|k| other.keys.contains(k)) {
                    if a.action.kind() != other.action.kind() {
                        clashes.push(format!(
                            "{}: {:?} is {:?} but {:?} is {:?}",
                            k.label(),
                            a.action,
                            a.action.kind(),
                            other.action,
                            other.action.kind()
                        ));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
    }

    #[test]
    fn the_issue_13_clashes_are_gone() {
        let key_in = |c: Context, k: Key| resolve(&[c], &k.event()).map(|b| b.action.kind());
        // `s` changes a status in Focus and Goals; in the Journal it is no longer a view.
        assert_eq!(key_in(Context::Focus, Key::ch('s')), Some(Kind::Status));
        assert_eq!(key_in(Context::Goals, Key::ch('s')), Some(Kind::Status));
        assert_eq!(key_in(Context::Journal, Key::ch('s')), None);
        // `J`/`K` move a task in Focus and scroll nothing in the Journal.
        assert_eq!(key_in(Context::Focus, Key::ch('J')), Some(Kind::Reorder));
        assert_eq!(key_in(Context::Journal, Key::ch('J')), None);
        assert_eq!(key_in(Context::Journal, Key::ch('K')), None);
        // `v` changes the view wherever it is bound.
        for c in [
            Context::Journal,
            Context::Energy,
            Context::Feedback,
            Context::Skills,
        ] {
            assert_eq!(key_in(c, Key::ch('v')), Some(Kind::View), "{c:?}");
        }
    }

    #[test]
    fn release_events_do_not_match() {
        let mut ev = Key::ch('q').event();
        ev.kind = KeyEventKind::Release;
        assert!(resolve(&[Context::Global], &ev).is_none());
    }
}
