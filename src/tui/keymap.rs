//! The one table of keys. Dispatch, the footer hints and the `?` help popup all read
//! [`BINDINGS`], so what the screen says a key does is what it does.
//!
//! # How a key is resolved
//!
//! At any moment a list of [`Context`]s is active, most specific first: the app asks the
//! visible pane for its contexts (`Pane::hints`), e.g. `[Energy, Dated, List]` for the energy
//! list or `[FormLine, Form]` while a single-line field of a form has the cursor. If none of
//! them is modal, [`Context::Global`] is appended; [`Context::Always`] (Ctrl-C) comes last. A key is looked up context by context
//! and the first binding that has it wins. So pane-specific keys beat global ones: in the
//! Energy pane `1`–`5` record a check-in instead of switching panes (`0`, `6`, `7`, Tab and
//! Shift-Tab still switch). The footer and the help popup leave out, or mark, global keys that
//! an earlier context shadows, so they show exactly this.
//!
//! Modal contexts (forms, the filter prompt, popups) take every key: keys they do not bind are
//! text typed into the field, never global commands (`q` in a title is a letter).

use super::pane_id::PaneId;
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
    /// The "carry unfinished tasks over" offer above the focus list.
    CarryOffer,
    /// The checklist for picking tasks to carry.
    Checklist,
    /// Typing a `/` filter.
    FilterInput,
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
    // Search everything
    /// The search overlay with the query being typed.
    SearchOverlay,
    /// The search overlay with its results list taking the keys.
    SearchResults,
}

impl Context {
    /// A modal context takes all keys: global bindings do not apply behind it.
    pub fn is_modal(self) -> bool {
        matches!(
            self,
            Context::Checklist
                | Context::FilterInput
                | Context::Form
                | Context::FormLine
                | Context::Picker
                | Context::ConfirmDiscard
                | Context::Conflict
                | Context::Help
                | Context::JournalForm
                | Context::Manage
                | Context::Confirm
                | Context::ConfirmDelete
                | Context::SearchOverlay
                | Context::SearchResults
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
            Context::CarryOffer => "Unfinished tasks offer",
            Context::Checklist => "Carry checklist",
            Context::FilterInput => "Filter",
            Context::Form => "Forms",
            Context::FormLine => "Single-line field",
            Context::Picker => "Picker field",
            Context::ConfirmDiscard => "Discard changes?",
            Context::Conflict => "Changed elsewhere",
            Context::Help => "Help",
            Context::Today => "Today",
            Context::Journal => "Journal",
            Context::JournalForm => "Journal entry form",
            Context::Skills => "Skills",
            Context::SkillDetail => "Skill detail",
            Context::Manage => "People, tags, organizations",
            Context::Confirm => "Are you sure?",
            Context::Meetings => "Meetings",
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
        }
    }
}

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    /// Ctrl-C: quit from anywhere; an open form is kept as a draft first.
    ForceQuit,
    Help,
    GoTo(PaneId),
    NextPane,
    PrevPane,
    Undo,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Add,
    Edit,
    Delete,
    Filter,
    ClearFilter,
    PrevDay,
    NextDay,
    Today,
    ToggleDone,
    /// Write the review report of the last 7 days (Today pane).
    WriteReport,
    CycleStatus,
    MoveTaskDown,
    MoveTaskUp,
    CarryAll,
    CarryChoose,
    CarryDismiss,
    CheckToggle,
    CheckAll,
    CheckConfirm,
    CheckCancel,
    Checkin(u8),
    ToggleRange,
    FilterDone,
    FilterCancel,
    NextField,
    PrevField,
    Save,
    Cancel,
    PickNext,
    PickPrev,
    PickToggle,
    DiscardYes,
    DiscardNo,
    KeepTheirs,
    Overwrite,
    BackToEdit,
    CloseHelp,
    // Today, Journal, Skills, people and tags (panes-a)
    /// Show the selected row in its own pane.
    Open,
    ToggleStar,
    StarredOnly,
    TagFilter,
    /// Edit text in `$EDITOR`.
    ExternalEditor,
    PreviewDown,
    PreviewUp,
    /// Record a skill level.
    Assess,
    CycleSort,
    Detail,
    Back,
    /// Open the people, tags and organizations popup.
    Manage,
    CycleOrganization,
    NextSection,
    PrevSection,
    Merge,
    FilterOrganization,
    CloseManage,
    Yes,
    No,
    // Meetings, Goals and Feedback panes
    /// Choose a person (to see them, or to filter by them).
    PickPerson,
    /// Make a focus task of an action item.
    Promote,
    /// Edit the meeting, goal or feedback a detail view shows.
    EditOuter,
    /// Expand a goal (or open it when there is nothing to expand).
    Expand,
    /// Collapse a goal (or go to its parent).
    Collapse,
    ToggleAll,
    /// Add a goal under the selected one.
    AddChild,
    /// Put a goal under another parent.
    MoveGoal,
    /// All / given / received.
    CycleDirection,
    /// Open the meeting a piece of feedback came from.
    OpenMeeting,
    ConfirmYes,
    ConfirmNo,
    // Search everything
    /// Open the search overlay.
    Search,
    CloseSearch,
    /// Move the keys from the query to the results list.
    SearchFocusResults,
    /// Back from the results to the query.
    SearchFocusQuery,
    /// Empty the search query.
    ClearQuery,
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
#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// The short label in the footer; `None` keeps it to the help popup.
    pub hint: Option<&'static str>,
    /// The sentence in the help popup.
    pub help: &'static str,
}

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    hint: Option<&'static str>,
    help: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        hint,
        help,
    }
}

use Action as A;
use Context as C;
use KeyCode as K;

/// Every key worklog knows, by context, in the order the footer and help show them.
pub static BINDINGS: &[Binding] = &[
    // Global
    b(C::Global, &[Key::ch('q')], A::Quit, Some("quit"), "quit"),
    b(
        C::Global,
        &[Key::ch('?')],
        A::Help,
        Some("help"),
        "show all keys",
    ),
    b(
        C::Global,
        &[Key::ch('0')],
        A::GoTo(PaneId::Today),
        Some("pane"),
        "Today pane",
    ),
    b(
        C::Global,
        &[Key::ch('1')],
        A::GoTo(PaneId::Focus),
        Some("pane"),
        "Focus pane",
    ),
    b(
        C::Global,
        &[Key::ch('2')],
        A::GoTo(PaneId::Journal),
        Some("pane"),
        "Journal pane",
    ),
    b(
        C::Global,
        &[Key::ch('3')],
        A::GoTo(PaneId::Skills),
        Some("pane"),
        "Skills pane",
    ),
    b(
        C::Global,
        &[Key::ch('4')],
        A::GoTo(PaneId::Meetings),
        Some("pane"),
        "Meetings pane",
    ),
    b(
        C::Global,
        &[Key::ch('5')],
        A::GoTo(PaneId::Goals),
        Some("pane"),
        "Goals pane",
    ),
    b(
        C::Global,
        &[Key::ch('6')],
        A::GoTo(PaneId::Feedback),
        Some("pane"),
        "Feedback pane",
    ),
    b(
        C::Global,
        &[Key::ch('7')],
        A::GoTo(PaneId::Energy),
        Some("pane"),
        "Energy pane",
    ),
    b(
        C::Global,
        &[Key::code(K::Tab)],
        A::NextPane,
        None,
        "next pane",
    ),
    b(
        C::Global,
        &[Key::code(K::BackTab)],
        A::PrevPane,
        None,
        "previous pane",
    ),
    b(
        C::Global,
        &[Key::ch('u')],
        A::Undo,
        None,
        "undo the last delete",
    ),
    // Lists
    b(
        C::List,
        &[Key::ch('j'), Key::code(K::Down)],
        A::Down,
        None,
        "next row",
    ),
    b(
        C::List,
        &[Key::ch('k'), Key::code(K::Up)],
        A::Up,
        None,
        "previous row",
    ),
    b(
        C::List,
        &[Key::ch('g'), Key::code(K::Home)],
        A::Top,
        None,
        "first row",
    ),
    b(
        C::List,
        &[Key::ch('G'), Key::code(K::End)],
        A::Bottom,
        None,
        "last row",
    ),
    b(
        C::List,
        &[Key::code(K::PageDown)],
        A::PageDown,
        None,
        "page down",
    ),
    b(C::List, &[Key::code(K::PageUp)], A::PageUp, None, "page up"),
    b(C::List, &[Key::ch('a')], A::Add, Some("add"), "add"),
    b(
        C::List,
        &[Key::ch('e'), Key::code(K::Enter)],
        A::Edit,
        Some("edit"),
        "edit the selected row",
    ),
    b(
        C::List,
        &[Key::ch('d')],
        A::Delete,
        Some("del"),
        "delete the selected row (u undoes)",
    ),
    b(
        C::List,
        &[Key::ch('/')],
        A::Filter,
        Some("filter"),
        "filter the list as you type",
    ),
    b(
        C::List,
        &[Key::code(K::Esc)],
        A::ClearFilter,
        None,
        "clear the filter",
    ),
    // Days
    b(
        C::Dated,
        &[Key::ch('[')],
        A::PrevDay,
        Some("day"),
        "previous day",
    ),
    b(
        C::Dated,
        &[Key::ch(']')],
        A::NextDay,
        Some("day"),
        "next day",
    ),
    b(C::Dated, &[Key::ch('t')], A::Today, None, "back to today"),
    // Focus
    b(
        C::Focus,
        &[Key::ch(' ')],
        A::ToggleDone,
        Some("done"),
        "mark done / not done",
    ),
    b(
        C::Focus,
        &[Key::ch('s')],
        A::CycleStatus,
        Some("status"),
        "cycle todo → doing → done → dropped",
    ),
    b(
        C::Focus,
        &[Key::ch('J')],
        A::MoveTaskDown,
        None,
        "move the task down",
    ),
    b(
        C::Focus,
        &[Key::ch('K')],
        A::MoveTaskUp,
        None,
        "move the task up",
    ),
    // Carry offer
    b(
        C::CarryOffer,
        &[Key::ch('c')],
        A::CarryAll,
        Some("carry all"),
        "carry every unfinished task to this day",
    ),
    b(
        C::CarryOffer,
        &[Key::ch('C')],
        A::CarryChoose,
        Some("choose"),
        "choose which tasks to carry",
    ),
    b(
        C::CarryOffer,
        &[Key::ch('x')],
        A::CarryDismiss,
        Some("dismiss"),
        "dismiss the offer for this session",
    ),
    // Checklist
    b(
        C::Checklist,
        &[Key::ch('j'), Key::code(K::Down)],
        A::Down,
        None,
        "next task",
    ),
    b(
        C::Checklist,
        &[Key::ch('k'), Key::code(K::Up)],
        A::Up,
        None,
        "previous task",
    ),
    b(
        C::Checklist,
        &[Key::ch(' ')],
        A::CheckToggle,
        Some("tick"),
        "tick / untick the task",
    ),
    b(
        C::Checklist,
        &[Key::ch('a')],
        A::CheckAll,
        Some("all/none"),
        "tick all or none",
    ),
    b(
        C::Checklist,
        &[Key::code(K::Enter)],
        A::CheckConfirm,
        Some("carry ticked"),
        "carry the ticked tasks",
    ),
    b(
        C::Checklist,
        &[Key::code(K::Esc)],
        A::CheckCancel,
        Some("cancel"),
        "close without carrying",
    ),
    // Energy
    b(
        C::Energy,
        &[Key::ch('1')],
        A::Checkin(1),
        Some("check in"),
        "record energy 1 (drained) now",
    ),
    b(
        C::Energy,
        &[Key::ch('2')],
        A::Checkin(2),
        Some("check in"),
        "record energy 2 now",
    ),
    b(
        C::Energy,
        &[Key::ch('3')],
        A::Checkin(3),
        Some("check in"),
        "record energy 3 now",
    ),
    b(
        C::Energy,
        &[Key::ch('4')],
        A::Checkin(4),
        Some("check in"),
        "record energy 4 now",
    ),
    b(
        C::Energy,
        &[Key::ch('5')],
        A::Checkin(5),
        Some("check in"),
        "record energy 5 (energized) now",
    ),
    b(
        C::Energy,
        &[Key::ch('v')],
        A::ToggleRange,
        Some("30/90d"),
        "daily chart: last 30 or 90 days",
    ),
    // Filter prompt
    b(
        C::FilterInput,
        &[Key::code(K::Enter)],
        A::FilterDone,
        Some("keep"),
        "keep the filter, back to the list",
    ),
    b(
        C::FilterInput,
        &[Key::code(K::Esc)],
        A::FilterCancel,
        Some("clear"),
        "clear the filter",
    ),
    // Forms
    b(
        C::FormLine,
        &[Key::code(K::Enter)],
        A::Save,
        Some("save"),
        "save (in a one-line field)",
    ),
    b(
        C::Picker,
        &[Key::code(K::Down)],
        A::PickNext,
        None,
        "next option",
    ),
    b(
        C::Picker,
        &[Key::code(K::Up)],
        A::PickPrev,
        None,
        "previous option",
    ),
    b(
        C::Picker,
        &[Key::code(K::Enter)],
        A::PickToggle,
        Some("pick"),
        "pick the option (or create the typed name)",
    ),
    b(C::Form, &[Key::ctrl('s')], A::Save, Some("save"), "save"),
    b(
        C::Form,
        &[Key::code(K::Tab)],
        A::NextField,
        Some("field"),
        "next field",
    ),
    b(
        C::Form,
        &[Key::code(K::BackTab)],
        A::PrevField,
        None,
        "previous field",
    ),
    b(
        C::Form,
        &[Key::code(K::Esc)],
        A::Cancel,
        Some("cancel"),
        "cancel (asks first if anything changed)",
    ),
    // Discard?
    b(
        C::ConfirmDiscard,
        &[Key::ch('y')],
        A::DiscardYes,
        Some("discard"),
        "discard your changes",
    ),
    b(
        C::ConfirmDiscard,
        &[Key::ch('n'), Key::code(K::Esc)],
        A::DiscardNo,
        Some("keep editing"),
        "keep editing",
    ),
    // Conflict
    b(
        C::Conflict,
        &[Key::ch('t')],
        A::KeepTheirs,
        Some("keep theirs"),
        "discard your edit, keep the saved version",
    ),
    b(
        C::Conflict,
        &[Key::ch('o')],
        A::Overwrite,
        Some("overwrite with mine"),
        "save your version over theirs",
    ),
    b(
        C::Conflict,
        &[Key::code(K::Esc), Key::ch('b')],
        A::BackToEdit,
        Some("back to editing"),
        "back to editing",
    ),
    // Help
    b(
        C::Help,
        &[Key::code(K::Esc), Key::ch('?'), Key::ch('q')],
        A::CloseHelp,
        Some("close"),
        "close help",
    ),
    b(
        C::Help,
        &[Key::ch('j'), Key::code(K::Down)],
        A::Down,
        Some("scroll"),
        "scroll down",
    ),
    b(
        C::Help,
        &[Key::ch('k'), Key::code(K::Up)],
        A::Up,
        None,
        "scroll up",
    ),
    // Meetings pane (the list); `[`/`]`/`t` come from Days, the rest from Lists
    b(
        C::Meetings,
        &[Key::code(K::Enter)],
        A::Open,
        Some("open"),
        "open the meeting: notes and action items",
    ),
    b(
        C::Meetings,
        &[Key::ch('@')],
        A::PickPerson,
        Some("person"),
        "a person's page: meetings, open items, feedback (before a 1:1)",
    ),
    // One meeting
    b(
        C::MeetingDetail,
        &[Key::code(K::Esc), Key::code(K::Left)],
        A::Back,
        Some("back"),
        "back to the list",
    ),
    b(
        C::MeetingDetail,
        &[Key::ch('E')],
        A::EditOuter,
        Some("edit meeting"),
        "edit the meeting",
    ),
    b(
        C::MeetingDetail,
        &[Key::ch('@')],
        A::PickPerson,
        Some("attendee"),
        "an attendee's page: meetings, open action items, feedback",
    ),
    // A person
    b(
        C::PersonView,
        &[Key::code(K::Esc), Key::code(K::Left)],
        A::Back,
        Some("back"),
        "back",
    ),
    b(
        C::PersonView,
        &[Key::code(K::Enter)],
        A::Open,
        Some("open"),
        "open the row (an action item: the meeting it came from)",
    ),
    // Action items (in a meeting, a piece of feedback, a person's page)
    b(
        C::ActionItems,
        &[Key::ch('j'), Key::code(K::Down)],
        A::Down,
        None,
        "next row",
    ),
    b(
        C::ActionItems,
        &[Key::ch('k'), Key::code(K::Up)],
        A::Up,
        None,
        "previous row",
    ),
    b(
        C::ActionItems,
        &[Key::ch('g'), Key::code(K::Home)],
        A::Top,
        None,
        "first row",
    ),
    b(
        C::ActionItems,
        &[Key::ch('G'), Key::code(K::End)],
        A::Bottom,
        None,
        "last row",
    ),
    b(
        C::ActionItems,
        &[Key::ch(' ')],
        A::ToggleDone,
        Some("done"),
        "mark the action item done / open (its focus task too)",
    ),
    b(
        C::ActionItems,
        &[Key::ch('p')],
        A::Promote,
        Some("to Focus"),
        "make a focus task of the action item (asks for the day)",
    ),
    b(
        C::ActionItems,
        &[Key::ch('a')],
        A::Add,
        Some("add item"),
        "add an action item",
    ),
    b(
        C::ActionItems,
        &[Key::ch('e'), Key::code(K::Enter)],
        A::Edit,
        None,
        "edit the action item",
    ),
    b(
        C::ActionItems,
        &[Key::ch('d')],
        A::Delete,
        None,
        "delete the action item (u undoes)",
    ),
    // Goals pane (the tree); the rest from Lists
    b(
        C::Goals,
        &[Key::code(K::Right), Key::ch('l'), Key::code(K::Enter)],
        A::Expand,
        Some("open"),
        "expand the goal, or open its page if already expanded",
    ),
    b(
        C::Goals,
        &[Key::code(K::Left), Key::ch('h')],
        A::Collapse,
        Some("close"),
        "collapse the goal (or go to its parent)",
    ),
    b(
        C::Goals,
        &[Key::ch('z')],
        A::ToggleAll,
        None,
        "expand or collapse every goal",
    ),
    b(
        C::Goals,
        &[Key::ch('A')],
        A::AddChild,
        Some("sub-goal"),
        "add a sub-goal under the selected goal",
    ),
    b(
        C::Goals,
        &[Key::ch('s')],
        A::CycleStatus,
        Some("status"),
        "cycle active → paused → done → dropped",
    ),
    b(
        C::Goals,
        &[Key::ch('m')],
        A::MoveGoal,
        Some("move"),
        "move the goal under another parent (or to the top)",
    ),
    // One goal
    b(
        C::GoalDetail,
        &[Key::code(K::Esc), Key::code(K::Left), Key::ch('h')],
        A::Back,
        Some("back"),
        "back to the tree",
    ),
    b(
        C::GoalDetail,
        &[Key::ch('j'), Key::code(K::Down)],
        A::Down,
        None,
        "next milestone",
    ),
    b(
        C::GoalDetail,
        &[Key::ch('k'), Key::code(K::Up)],
        A::Up,
        None,
        "previous milestone",
    ),
    b(
        C::GoalDetail,
        &[Key::ch(' ')],
        A::ToggleDone,
        Some("done"),
        "mark the milestone done / not done",
    ),
    b(
        C::GoalDetail,
        &[Key::ch('a')],
        A::Add,
        Some("add milestone"),
        "add a milestone",
    ),
    b(
        C::GoalDetail,
        &[Key::ch('e'), Key::code(K::Enter)],
        A::Edit,
        Some("edit"),
        "edit the milestone",
    ),
    b(
        C::GoalDetail,
        &[Key::ch('d')],
        A::Delete,
        Some("del"),
        "delete the milestone (asks: it cannot be undone)",
    ),
    b(
        C::GoalDetail,
        &[Key::ch('s')],
        A::CycleStatus,
        Some("status"),
        "cycle the goal's status",
    ),
    b(
        C::GoalDetail,
        &[Key::ch('E')],
        A::EditOuter,
        Some("edit goal"),
        "edit the goal",
    ),
    // Feedback pane (the list); the rest from Lists
    b(
        C::Feedback,
        &[Key::code(K::Enter)],
        A::Open,
        Some("open"),
        "open the feedback: all of it and its action items",
    ),
    b(
        C::Feedback,
        &[Key::ch('v')],
        A::CycleDirection,
        Some("given/received"),
        "show all, given or received feedback",
    ),
    b(
        C::Feedback,
        &[Key::ch('@')],
        A::PickPerson,
        Some("person"),
        "show only feedback with one person (or everyone)",
    ),
    // One piece of feedback
    b(
        C::FeedbackDetail,
        &[Key::code(K::Esc), Key::code(K::Left)],
        A::Back,
        Some("back"),
        "back to the list",
    ),
    b(
        C::FeedbackDetail,
        &[Key::ch('E')],
        A::EditOuter,
        Some("edit feedback"),
        "edit the feedback",
    ),
    b(
        C::FeedbackDetail,
        &[Key::ch('o')],
        A::OpenMeeting,
        Some("meeting"),
        "open the meeting it came from",
    ),
    // Delete for good?
    b(
        C::ConfirmDelete,
        &[Key::ch('y')],
        A::ConfirmYes,
        Some("delete"),
        "delete it for good",
    ),
    b(
        C::ConfirmDelete,
        &[Key::ch('n'), Key::code(K::Esc)],
        A::ConfirmNo,
        Some("keep"),
        "keep it",
    ),
    // Always, even behind forms and popups
    b(
        C::Always,
        &[Key::ctrl('c')],
        A::ForceQuit,
        None,
        "quit from anywhere (an open form is kept as a draft)",
    ),
    // ---- Today, Journal, Skills, people and tags (panes-a) ----
    // Global
    b(
        C::Global,
        &[Key::ch('P')],
        A::Manage,
        None,
        "people, tags and organizations: rename, merge, add",
    ),
    b(
        C::Global,
        &[Key::ch('O')],
        A::CycleOrganization,
        None,
        "show one organization after another, then all (people, skills, goals)",
    ),
    // Today
    b(
        C::Today,
        &[Key::ch('j'), Key::code(K::Down)],
        A::Down,
        None,
        "next item",
    ),
    b(
        C::Today,
        &[Key::ch('k'), Key::code(K::Up)],
        A::Up,
        None,
        "previous item",
    ),
    b(
        C::Today,
        &[Key::ch('g'), Key::code(K::Home)],
        A::Top,
        None,
        "first item",
    ),
    b(
        C::Today,
        &[Key::ch('G'), Key::code(K::End)],
        A::Bottom,
        None,
        "last item",
    ),
    b(
        C::Today,
        &[Key::code(K::PageDown)],
        A::PageDown,
        None,
        "next section",
    ),
    b(
        C::Today,
        &[Key::code(K::PageUp)],
        A::PageUp,
        None,
        "previous section",
    ),
    b(
        C::Today,
        &[Key::code(K::Enter)],
        A::Open,
        Some("open"),
        "open the item in its own pane",
    ),
    b(
        C::Today,
        &[Key::ch(' ')],
        A::ToggleDone,
        Some("done"),
        "mark the task or action item done / not done",
    ),
    b(
        C::Today,
        &[Key::ch('R')],
        A::WriteReport,
        Some("review"),
        "write the review report of the last 7 days (Markdown) and say where",
    ),
    // Journal (`/` again here so the footer shows the three ways of finding first)
    b(
        C::Journal,
        &[Key::ch('/')],
        A::Filter,
        Some("filter"),
        "filter the entries by text as you type",
    ),
    b(
        C::Journal,
        &[Key::ch('#')],
        A::TagFilter,
        Some("tag"),
        "show one tag's entries (pick a tag)",
    ),
    b(
        C::Journal,
        &[Key::ch('s')],
        A::StarredOnly,
        Some("starred"),
        "show starred entries only / all",
    ),
    b(
        C::Journal,
        &[Key::ch('*')],
        A::ToggleStar,
        Some("★"),
        "star / unstar the entry",
    ),
    b(
        C::Journal,
        &[Key::ch('E')],
        A::ExternalEditor,
        Some("editor"),
        "edit the entry's text in $EDITOR (saved when you quit it)",
    ),
    b(
        C::Journal,
        &[Key::ch('J')],
        A::PreviewDown,
        None,
        "scroll the preview down",
    ),
    b(
        C::Journal,
        &[Key::ch('K')],
        A::PreviewUp,
        None,
        "scroll the preview up",
    ),
    b(
        C::JournalForm,
        &[Key::ctrl('o')],
        A::ExternalEditor,
        Some("editor"),
        "write the body in $EDITOR (back in the form when you quit it)",
    ),
    // Skills
    b(
        C::Skills,
        &[Key::code(K::Enter)],
        A::Detail,
        Some("detail"),
        "the skill in detail: levels over time, evidence, journal entries",
    ),
    b(
        C::Skills,
        &[Key::ch('r')],
        A::Assess,
        Some("assess"),
        "record the skill's level today (kept with the earlier ones)",
    ),
    b(
        C::Skills,
        &[Key::ch('o')],
        A::CycleSort,
        Some("sort"),
        "sort by category, gap to target, or time since assessed",
    ),
    b(
        C::SkillDetail,
        &[Key::ch('j'), Key::code(K::Down)],
        A::Down,
        None,
        "next journal entry",
    ),
    b(
        C::SkillDetail,
        &[Key::ch('k'), Key::code(K::Up)],
        A::Up,
        None,
        "previous journal entry",
    ),
    b(
        C::SkillDetail,
        &[Key::code(K::Enter)],
        A::Open,
        Some("open entry"),
        "open the journal entry in the Journal pane",
    ),
    b(
        C::SkillDetail,
        &[Key::ch('r')],
        A::Assess,
        Some("assess"),
        "record the skill's level (kept with the earlier ones)",
    ),
    b(
        C::SkillDetail,
        &[Key::ch('e')],
        A::Edit,
        Some("edit"),
        "edit the skill",
    ),
    b(
        C::SkillDetail,
        &[Key::code(K::Esc)],
        A::Back,
        Some("back"),
        "back to the skills",
    ),
    // People, tags and organizations
    b(
        C::Manage,
        &[Key::ch('j'), Key::code(K::Down)],
        A::Down,
        None,
        "next row",
    ),
    b(
        C::Manage,
        &[Key::ch('k'), Key::code(K::Up)],
        A::Up,
        None,
        "previous row",
    ),
    b(
        C::Manage,
        &[Key::ch('g'), Key::code(K::Home)],
        A::Top,
        None,
        "first row",
    ),
    b(
        C::Manage,
        &[Key::ch('G'), Key::code(K::End)],
        A::Bottom,
        None,
        "last row",
    ),
    b(
        C::Manage,
        &[Key::code(K::PageDown)],
        A::PageDown,
        None,
        "page down",
    ),
    b(
        C::Manage,
        &[Key::code(K::PageUp)],
        A::PageUp,
        None,
        "page up",
    ),
    b(
        C::Manage,
        &[Key::code(K::Tab), Key::code(K::Right)],
        A::NextSection,
        Some("lists"),
        "next list: people → tags → organizations",
    ),
    b(
        C::Manage,
        &[Key::code(K::BackTab), Key::code(K::Left)],
        A::PrevSection,
        None,
        "previous list",
    ),
    b(
        C::Manage,
        &[Key::ch('a')],
        A::Add,
        Some("add"),
        "add a person or an organization",
    ),
    b(
        C::Manage,
        &[Key::ch('e'), Key::code(K::Enter)],
        A::Edit,
        Some("edit"),
        "rename (a tag, an organization) or edit (a person)",
    ),
    b(
        C::Manage,
        &[Key::ch('m')],
        A::Merge,
        Some("merge"),
        "merge into another person or tag: every link moves, this one goes",
    ),
    b(
        C::Manage,
        &[Key::ch('d')],
        A::Delete,
        None,
        "delete a person nobody is linked to",
    ),
    b(
        C::Manage,
        &[Key::ch('f')],
        A::FilterOrganization,
        Some("only"),
        "show only this organization everywhere (again: all)",
    ),
    b(
        C::Manage,
        &[Key::ch('/')],
        A::Filter,
        Some("filter"),
        "filter the list as you type",
    ),
    b(
        C::Manage,
        &[Key::code(K::Esc), Key::ch('q'), Key::ch('P')],
        A::CloseManage,
        Some("close"),
        "close",
    ),
    b(
        C::Confirm,
        &[Key::ch('y')],
        A::Yes,
        Some("yes"),
        "yes, do it",
    ),
    b(
        C::Confirm,
        &[Key::ch('n'), Key::code(K::Esc)],
        A::No,
        Some("no"),
        "no, leave it",
    ),
    // ---- Search everything ----
    b(
        C::Global,
        &[Key::ctrl('f')],
        A::Search,
        None,
        "search everything (every pane, with filters)",
    ),
    b(
        C::Today,
        &[Key::ch('/')],
        A::Search,
        Some("search"),
        "search everything (every pane, with filters)",
    ),
    b(
        C::SearchOverlay,
        &[Key::code(K::Enter)],
        A::Open,
        Some("open"),
        "open the selected result in its pane",
    ),
    b(
        C::SearchOverlay,
        &[Key::code(K::Down), Key::ctrl('n'), Key::ctrl('j')],
        A::Down,
        Some("move"),
        "next result",
    ),
    b(
        C::SearchOverlay,
        &[Key::code(K::Up), Key::ctrl('p'), Key::ctrl('k')],
        A::Up,
        Some("move"),
        "previous result",
    ),
    b(
        C::SearchOverlay,
        &[Key::code(K::PageDown)],
        A::PageDown,
        None,
        "a page of results down",
    ),
    b(
        C::SearchOverlay,
        &[Key::code(K::PageUp)],
        A::PageUp,
        None,
        "a page of results up",
    ),
    b(
        C::SearchOverlay,
        &[Key::code(K::Tab)],
        A::SearchFocusResults,
        Some("results"),
        "move in the results with j/k (letters then no longer type)",
    ),
    b(
        C::SearchOverlay,
        &[Key::ctrl('u')],
        A::ClearQuery,
        Some("clear"),
        "clear the query",
    ),
    b(
        C::SearchOverlay,
        &[Key::code(K::Esc)],
        A::CloseSearch,
        Some("close"),
        "close search, back where you were",
    ),
    b(
        C::SearchResults,
        &[Key::code(K::Enter)],
        A::Open,
        Some("open"),
        "open the selected result in its pane",
    ),
    b(
        C::SearchResults,
        &[Key::ch('j'), Key::code(K::Down), Key::ctrl('n')],
        A::Down,
        Some("move"),
        "next result",
    ),
    b(
        C::SearchResults,
        &[Key::ch('k'), Key::code(K::Up), Key::ctrl('p')],
        A::Up,
        Some("move"),
        "previous result",
    ),
    b(
        C::SearchResults,
        &[Key::ch('g'), Key::code(K::Home)],
        A::Top,
        None,
        "first result",
    ),
    b(
        C::SearchResults,
        &[Key::ch('G'), Key::code(K::End)],
        A::Bottom,
        None,
        "last result",
    ),
    b(
        C::SearchResults,
        &[Key::code(K::PageDown)],
        A::PageDown,
        None,
        "a page of results down",
    ),
    b(
        C::SearchResults,
        &[Key::code(K::PageUp)],
        A::PageUp,
        None,
        "a page of results up",
    ),
    b(
        C::SearchResults,
        &[Key::code(K::Tab), Key::code(K::BackTab), Key::ch('/')],
        A::SearchFocusQuery,
        Some("query"),
        "back to the query",
    ),
    b(
        C::SearchResults,
        &[Key::code(K::Esc)],
        A::CloseSearch,
        Some("close"),
        "close search, back where you were",
    ),
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
        BINDINGS
            .iter()
            .find(|b| b.context == ctx && b.keys.iter().any(|k| k.matches(key)))
    })
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
        for bnd in BINDINGS.iter().filter(|b| b.context == ctx) {
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
}

/// The help popup: every binding of the active contexts, grouped by context.
pub fn help(contexts: &[Context]) -> Vec<(Context, Vec<HelpRow>)> {
    contexts
        .iter()
        .map(|&ctx| {
            let rows = BINDINGS
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
    fn energy_digits_beat_pane_switching() {
        let ctx = active(&[Context::Energy, Context::Dated, Context::List]);
        let four = Key::ch('4').event();
        assert_eq!(
            resolve(&ctx, &four).map(|b| b.action),
            Some(Action::Checkin(4))
        );
        let seven = Key::ch('7').event();
        assert_eq!(
            resolve(&ctx, &seven).map(|b| b.action),
            Some(Action::GoTo(PaneId::Energy))
        );
        let foot = footer(&ctx);
        assert!(foot.contains(&("1-5".to_string(), "check in")), "{foot:?}");
        assert!(foot.contains(&("0,6-7".to_string(), "pane")), "{foot:?}");
        let help = help(&ctx);
        let global = &help.iter().find(|(c, _)| *c == Context::Global).unwrap().1;
        let focus_row = global.iter().find(|r| r.help == "Focus pane").unwrap();
        assert_eq!(focus_row.shadowed, "1");
    }

    #[test]
    fn modal_contexts_hide_global_keys() {
        let ctx = active(&[Context::FormLine, Context::Form]);
        assert!(!ctx.contains(&Context::Global));
        assert!(resolve(&ctx, &Key::ch('q').event()).is_none());
        assert_eq!(
            resolve(&ctx, &Key::code(KeyCode::Enter).event()).map(|b| b.action),
            Some(Action::Save)
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
    fn release_events_do_not_match() {
        let mut ev = Key::ch('q').event();
        ev.kind = KeyEventKind::Release;
        assert!(resolve(&[Context::Global], &ev).is_none());
    }
}
