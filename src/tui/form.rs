//! Forms every pane uses: labelled fields on ratatui-textarea, pickers, validation beside the
//! field, a confirmation before throwing typed text away, and the stale-save conflict view.
//!
//! A form never talks to the database. [`controller::FormController`] holds the open form
//! and runs the save through the pane's [`controller::FormSpec`], which reads the values out
//! (`text`, `picked`) and calls the repository; a failure comes back through
//! [`Form::show_error`], and everything typed stays in the form until a save succeeds or the
//! user discards it.

pub mod controller;
pub mod fuzzy;

use super::keymap::{self, Action, Answer, ConflictAction, Context, FormAction, PickerAction};
use super::theme::Theme;
use crate::db::Error as DbError;
use crate::text::{self, sanitize, truncate};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::TextArea;
use serde::{Deserialize, Serialize};

/// Why a form opened before the database was replaced cannot save; shown on the form and in
/// the status line.
pub const REPLACED_REFUSAL: &str = "not saved: the database was replaced (restored, imported or \
     migrated) after this form was opened; copy your text, or close the form";

thread_local! {
    /// How many times this thread's app has seen the database replaced. A form remembers the
    /// count it was opened under; if it has moved on, the form can never save. (The app and its
    /// forms live on one thread; each test's app on its own.)
    static REPLACEMENTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Set when a form refuses to save for that reason, for the app's status line.
    static REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A form asked for `$EDITOR` on one of its multi-line fields (Ctrl-O); the app runs it.
    static EDITOR_REQUEST: std::cell::RefCell<Option<EditorJob>> =
        const { std::cell::RefCell::new(None) };
}

/// One multi-line field's text on its way to `$EDITOR` and back. The form that asked keeps a
/// handle and takes the result when it is next used (a key, a paste, a draw), so every form
/// gets `$EDITOR` without its pane doing anything (the journal keeps its own, older path).
#[derive(Clone)]
pub struct EditorJob(std::rc::Rc<std::cell::RefCell<EditorSlot>>);

struct EditorSlot {
    text: String,
    result: Option<Result<String, String>>,
}

impl EditorJob {
    /// The text to hand to the editor.
    pub fn text(&self) -> String {
        self.0.borrow().text.clone()
    }

    /// What the editor left (Ok) or why it could not run (Err: the field stays as it was).
    pub fn finish(&self, result: Result<String, String>) {
        self.0.borrow_mut().result = Some(result);
    }

    fn take_result(&self) -> Option<Result<String, String>> {
        self.0.borrow_mut().result.take()
    }

    fn peek_ok(&self) -> Option<String> {
        match &self.0.borrow().result {
            Some(Ok(t)) => Some(t.clone()),
            _ => None,
        }
    }
}

/// The `$EDITOR` job a form asked for since the last call, if any.
pub fn take_editor_request() -> Option<EditorJob> {
    EDITOR_REQUEST.with(|r| r.borrow_mut().take())
}

/// The app saw the database replaced: every form open now must never write.
pub fn database_replaced() {
    REPLACEMENTS.with(|n| n.set(n.get() + 1));
}

/// True (once) if a form refused to save since the last call, because the database was
/// replaced after it was opened.
pub fn take_refusal() -> bool {
    REFUSED.with(|r| r.replace(false))
}

/// One choice in a picker: a row id (or enumeration value) and what to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickOption {
    pub id: i64,
    pub label: String,
}

impl PickOption {
    pub fn new(id: i64, label: impl Into<String>) -> Self {
        PickOption {
            id,
            label: label.into(),
        }
    }
}

/// Turns a typed name into the label of a new option, or says why it cannot be one. A picker
/// with this can create options; they get negative ids until the pane saves them.
pub type CreateFn = fn(&str) -> Result<String, String>;

/// What a key did to the form, for the pane to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    /// Nothing for the pane to do.
    None,
    /// The key was not the form's.
    Ignored,
    /// Save was asked for: read the values and call the repository.
    Save,
    /// Closed without saving (nothing changed, or the user said discard).
    Closed,
    /// In the conflict view: drop my edit, keep the saved version.
    KeepTheirs,
    /// In the conflict view: save my version over the one shown as theirs, whose version this
    /// is. If the row changed again since, that save is a conflict again, shown anew.
    Overwrite { version: i64 },
}

/// A field's value as kept in a draft file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftValue {
    Text(String),
    Picks(Vec<String>),
}

/// An open form as saved when the session is cut off (SIGHUP, SIGTERM, Ctrl-C).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    /// What the form was for, as the pane names it: "new" or "edit:ID".
    pub target: String,
    /// The version an edit started from, so a restored edit still detects conflicts.
    pub version: Option<i64>,
    pub values: Vec<(String, DraftValue)>,
}

/// The option that stands for "nobody" / "me" / "none" / "the top level": real rows have
/// positive ids, names typed into a create-new picker negative ones. It is never a name a new
/// one could duplicate.
pub const NONE_ID: i64 = 0;

struct Picker {
    options: Vec<PickOption>,
    selected: Vec<i64>,
    multi: bool,
    query: String,
    highlight: usize,
    create: Option<CreateFn>,
    next_new_id: i64,
    /// The dropdown for the current query (or question), ranked once per change rather than
    /// once per key and frame.
    hits: Vec<Match>,
    /// A new name that looks like one already there, waiting for the user to say which.
    asking: Option<String>,
}

/// An entry in the picker's dropdown.
enum Match {
    /// An option, with the positions in its label that matched the query.
    Option {
        index: usize,
        matched: Vec<u32>,
    },
    Create(String),
    /// Asked about a near-duplicate, the user may still want the new name.
    CreateAnyway(String),
}

impl Picker {
    /// Ranks the options again after the query, the options or the question changed.
    fn refresh(&mut self) {
        self.hits = match &self.asking {
            Some(name) => {
                let similar = self
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.id != NONE_ID && fuzzy::near_duplicate(name, &o.label));
                let same_key = self.options.iter().any(|o| {
                    o.id != NONE_ID
                        && crate::text::name_key(&o.label) == crate::text::name_key(name)
                });
                let mut out: Vec<Match> = similar
                    .map(|(index, _)| Match::Option {
                        index,
                        matched: Vec::new(),
                    })
                    .collect();
                // The same key is the same person or tag to the database (it would find the
                // one there), so creating it anyway is no real choice.
                if !same_key {
                    out.push(Match::CreateAnyway(name.clone()));
                }
                out
            }
            None => {
                let q = self.query.trim();
                let mut out: Vec<Match> =
                    fuzzy::rank(q, self.options.iter().map(|o| o.label.as_str()))
                        .into_iter()
                        .map(|h| Match::Option {
                            index: h.index,
                            matched: h.matched,
                        })
                        .collect();
                if self.create.is_some()
                    && !q.is_empty()
                    && !self.options.iter().any(|o| o.label.trim() == q)
                {
                    out.push(Match::Create(q.to_string()));
                }
                out
            }
        };
        self.highlight = self.highlight.min(self.hits.len().saturating_sub(1));
    }

    /// Changes the typed text; any question about a near-duplicate is dropped with it.
    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.query);
        self.asking = None;
        self.highlight = 0;
        self.refresh();
    }

    fn move_highlight(&mut self, down: bool) {
        let n = self.hits.len();
        if n == 0 {
            return;
        }
        self.highlight = if down {
            (self.highlight + 1) % n
        } else {
            (self.highlight + n - 1) % n
        };
        // While asking, only Enter answers.
        if !self.multi
            && self.asking.is_none()
            && let Some(Match::Option { index, .. }) = self.hits.get(self.highlight)
            && let Some(o) = self.options.get(*index)
        {
            self.selected = vec![o.id];
        }
    }

    /// Adds a new option for `label` (it is saved with the form), or finds it if the form
    /// made it already.
    fn add_new(&mut self, label: String) -> i64 {
        if let Some(o) = self.options.iter().find(|o| o.label == label) {
            return o.id;
        }
        self.next_new_id -= 1;
        self.options.push(PickOption::new(self.next_new_id, label));
        self.next_new_id
    }

    /// Picks (or unpicks) the highlighted entry; creates the typed name, first asking if it
    /// looks like an existing one. Err says why not.
    fn toggle(&mut self) -> Result<(), String> {
        let Some(m) = self.hits.get(self.highlight) else {
            return Ok(());
        };
        let answering = self.asking.is_some();
        let id = match m {
            Match::Option { index, .. } => match self.options.get(*index) {
                Some(o) => o.id,
                None => return Ok(()),
            },
            Match::Create(name) => {
                let Some(create) = self.create else {
                    return Ok(());
                };
                let label = create(name)?;
                if let Some(o) = self.options.iter().find(|o| o.label == label) {
                    o.id
                } else if self
                    .options
                    .iter()
                    .any(|o| o.id != NONE_ID && fuzzy::near_duplicate(&label, &o.label))
                {
                    self.asking = Some(label);
                    self.highlight = 0;
                    self.refresh();
                    return Ok(());
                } else {
                    self.add_new(label)
                }
            }
            Match::CreateAnyway(label) => {
                let label = label.clone();
                self.add_new(label)
            }
        };
        if self.multi {
            if let Some(pos) = self.selected.iter().position(|&s| s == id) {
                // Answering "use the one there" never unpicks it.
                if !answering {
                    self.selected.remove(pos);
                }
            } else {
                self.selected.push(id);
            }
        } else {
            self.selected = vec![id];
        }
        self.edit_query(String::clear);
        Ok(())
    }

    fn picked(&self) -> Vec<PickOption> {
        self.selected
            .iter()
            .filter_map(|id| self.options.iter().find(|o| o.id == *id).cloned())
            .collect()
    }

    fn labels(&self) -> Vec<String> {
        self.picked().into_iter().map(|o| o.label).collect()
    }

    /// Selects options by label (from a draft), creating missing ones when allowed.
    fn select_labels(&mut self, labels: &[String]) {
        self.selected.clear();
        for l in labels {
            let id = match self.options.iter().find(|o| &o.label == l) {
                Some(o) => Some(o.id),
                None if self.create.is_some() => {
                    self.next_new_id -= 1;
                    self.options
                        .push(PickOption::new(self.next_new_id, l.clone()));
                    Some(self.next_new_id)
                }
                None => None,
            };
            if let Some(id) = id
                && !self.selected.contains(&id)
            {
                self.selected.push(id);
            }
        }
        self.refresh();
    }
}

enum Input {
    Text {
        area: Box<TextArea<'static>>,
        multiline: bool,
        height: u16,
    },
    Picker(Picker),
}

struct Field {
    key: &'static str,
    label: &'static str,
    input: Input,
    error: Option<String>,
    initial: DraftValue,
}

impl Field {
    fn value(&self) -> DraftValue {
        match &self.input {
            Input::Text { area, .. } => DraftValue::Text(area.lines().join("\n")),
            Input::Picker(p) => DraftValue::Picks(p.labels()),
        }
    }
}

enum Mode {
    Editing,
    ConfirmDiscard,
    Conflict {
        yours: Vec<(String, String)>,
        theirs: Vec<(String, String)>,
        /// The version of the row that `theirs` shows.
        version: i64,
    },
}

/// A form of labelled fields.
pub struct Form {
    title: String,
    fields: Vec<Field>,
    focus: usize,
    mode: Mode,
    theme: Theme,
    /// A problem that belongs to no one field ("deleted by another session").
    message: Option<String>,
    /// [`REPLACEMENTS`] when the form was opened.
    opened_under: u64,
    /// The field out in `$EDITOR`, and the job that brings its text back.
    editor: Option<(usize, EditorJob)>,
    /// Rows each multi-line field gets beyond its own height when the terminal has them
    /// (set by [`Form::render`] before it lays out).
    grow: u16,
    /// Columns inside the box at the last draw: error messages wrap to them.
    inner_w: u16,
}

const LABEL_COLS: u16 = 11;
const DROPDOWN_ROWS: usize = 4;

/// A text area holding `value`. Stored text may hold control characters; they are shown (and
/// so saved, if the user saves) as their visible symbols, never passed to the terminal.
fn text_area(value: &str, theme: Theme, multiline: bool) -> Box<TextArea<'static>> {
    let lines: Vec<String> = crate::text::sanitize_lines(value)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(Style::default());
    t.set_cursor_style(Style::default());
    t.set_selection_style(theme.selected());
    t.set_placeholder_style(theme.dim());
    if multiline {
        // Notes and bodies wrap at word boundaries (a word wider than the box is split), so
        // nothing is cut at the edge and nothing scrolls sideways.
        t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        // Said where it applies: the footer is shared by every field of the form.
        t.set_placeholder_text("Ctrl-O writes this in your $EDITOR");
    }
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(t)
}

impl Form {
    pub fn new(title: impl Into<String>, theme: Theme) -> Self {
        Form {
            title: title.into(),
            fields: Vec::new(),
            focus: 0,
            mode: Mode::Editing,
            theme,
            message: None,
            opened_under: REPLACEMENTS.with(std::cell::Cell::get),
            editor: None,
            grow: 0,
            inner_w: 76,
        }
    }

    /// A field's error message wrapped beside its input (under the label column).
    fn error_lines(&self, err: &str) -> Vec<String> {
        let w = usize::from(self.inner_w.saturating_sub(LABEL_COLS)).max(10);
        crate::text::wrap(&format!("✗ {}", sanitize(err)), w)
    }

    /// The form's own message (and the discard question) wrapped to the box.
    fn footer_lines(&self) -> Vec<(String, bool)> {
        let w = usize::from(self.inner_w).max(10);
        let mut out: Vec<(String, bool)> = Vec::new();
        if let Some(m) = &self.message {
            out.extend(
                crate::text::wrap(&sanitize(m), w)
                    .into_iter()
                    .map(|l| (l, true)),
            );
        }
        if matches!(self.mode, Mode::ConfirmDiscard) {
            out.push((String::new(), false));
        }
        out
    }

    /// Ctrl-O: the focused multi-line field (or else the form's first one) goes to `$EDITOR`.
    fn ask_editor(&mut self) {
        let multi = |f: &Field| {
            matches!(
                f.input,
                Input::Text {
                    multiline: true,
                    ..
                }
            )
        };
        let i = match self.fields.get(self.focus) {
            Some(f) if multi(f) => self.focus,
            _ => match self.fields.iter().position(multi) {
                Some(i) => i,
                None => {
                    self.message = Some("no field here takes several lines".into());
                    return;
                }
            },
        };
        let Some(f) = self.fields.get(i) else { return };
        let text = match f.value() {
            DraftValue::Text(t) => t,
            DraftValue::Picks(_) => return,
        };
        let job = EditorJob(std::rc::Rc::new(std::cell::RefCell::new(EditorSlot {
            text,
            result: None,
        })));
        EDITOR_REQUEST.with(|r| *r.borrow_mut() = Some(job.clone()));
        self.editor = Some((i, job));
    }

    /// Takes the text back from `$EDITOR` once it has exited (see [`EditorJob`]).
    fn collect_editor(&mut self) {
        let Some((i, job)) = &self.editor else { return };
        let Some(result) = job.take_result() else {
            return;
        };
        let i = *i;
        self.editor = None;
        if let Ok(text) = result {
            let theme = self.theme;
            if let Some(f) = self.fields.get_mut(i)
                && let Input::Text {
                    area, multiline, ..
                } = &mut f.input
            {
                *area = text_area(&text, theme, *multiline);
                f.error = None;
                self.focus = i;
            }
        }
    }

    /// True if the database was replaced after this form was opened: what it shows, and the
    /// ids and versions behind it, came from a database that is gone, so it must never save.
    pub fn opened_before_replacement(&self) -> bool {
        REPLACEMENTS.with(std::cell::Cell::get) != self.opened_under
    }

    /// Refuses a save from a form opened before the database was replaced: says why on the
    /// form (and, through [`take_refusal`], in the status line) and keeps every field.
    pub fn refuse_replaced(&mut self) {
        self.mode = Mode::Editing;
        self.message = Some(REPLACED_REFUSAL.to_string());
        REFUSED.with(|r| r.set(true));
    }

    fn push(mut self, key: &'static str, label: &'static str, input: Input) -> Self {
        let mut f = Field {
            key,
            label,
            input,
            error: None,
            initial: DraftValue::Text(String::new()),
        };
        f.initial = f.value();
        self.fields.push(f);
        self
    }

    /// A one-line text field (Enter saves the form).
    pub fn line(self, key: &'static str, label: &'static str, value: &str) -> Self {
        let area = text_area(&value.replace(['\n', '\r'], " "), self.theme, false);
        self.push(
            key,
            label,
            Input::Text {
                area,
                multiline: false,
                height: 1,
            },
        )
    }

    /// A text field of several lines (Enter starts a new line).
    pub fn multiline(
        self,
        key: &'static str,
        label: &'static str,
        value: &str,
        height: u16,
    ) -> Self {
        let area = text_area(value, self.theme, true);
        self.push(
            key,
            label,
            Input::Text {
                area,
                multiline: true,
                height: height.max(1),
            },
        )
    }

    /// A picker over `options`; `multi` lets several be chosen; `create` lets the user add a
    /// new option by typing its name.
    pub fn picker(
        self,
        key: &'static str,
        label: &'static str,
        options: Vec<PickOption>,
        selected: &[i64],
        multi: bool,
        create: Option<CreateFn>,
    ) -> Self {
        let highlight = if multi {
            0
        } else {
            options
                .iter()
                .position(|o| selected.first() == Some(&o.id))
                .unwrap_or(0)
        };
        let mut picker = Picker {
            options,
            selected: selected.to_vec(),
            multi,
            query: String::new(),
            highlight,
            create,
            next_new_id: 0,
            hits: Vec::new(),
            asking: None,
        };
        picker.refresh();
        self.push(key, label, Input::Picker(picker))
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The text of a text field ("" for an unknown key).
    pub fn text(&self, key: &str) -> String {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Text { area, .. }) => area.lines().join("\n"),
            _ => String::new(),
        }
    }

    /// The chosen options of a picker, in the order chosen.
    pub fn picked(&self, key: &str) -> Vec<PickOption> {
        match self.field(key).map(|f| &f.input) {
            Some(Input::Picker(p)) => p.picked(),
            _ => Vec::new(),
        }
    }

    /// Replaces a text field's content (e.g. a time the pane normalised).
    pub fn set_text(&mut self, key: &str, value: &str) {
        let theme = self.theme;
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key)
            && let Input::Text {
                area, multiline, ..
            } = &mut f.input
        {
            *area = text_area(value, theme, *multiline);
        }
    }

    /// True if any field differs from what the form opened with.
    pub fn is_changed(&self) -> bool {
        self.fields.iter().any(|f| f.value() != f.initial)
    }

    /// Makes the current values the baseline (after a save that keeps the form open).
    pub fn mark_saved(&mut self) {
        for f in &mut self.fields {
            f.initial = f.value();
        }
    }

    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
        self.message = None;
    }

    /// Shows `message` beside the field named `key` and moves the cursor there. A key with no
    /// field (or a trailing-s variant: the repository says "tag" for the tags field) becomes
    /// the form's message.
    pub fn set_error(&mut self, key: &str, message: impl Into<String>) {
        let message = message.into();
        let plural = format!("{key}s");
        match self
            .fields
            .iter()
            .position(|f| f.key == key || f.key == plural)
        {
            Some(i) => {
                if let Some(f) = self.fields.get_mut(i) {
                    f.error = Some(message);
                }
                if !self.fields.iter().take(i).any(|f| f.error.is_some()) {
                    self.focus = i;
                }
            }
            None => self.message = Some(message),
        }
    }

    /// Shows a failed save: a validation error beside its field, anything else on the form.
    pub fn show_error(&mut self, e: &DbError) {
        self.mode = Mode::Editing;
        match e {
            DbError::Invalid { field, message } => self.set_error(field, message.clone()),
            other => self.message = Some(other.to_string()),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.message.is_some() || self.fields.iter().any(|f| f.error.is_some())
    }

    /// Enters the conflict view: `yours` and `theirs` are (label, value) lines to compare.
    /// `version` is the version of the row `theirs` shows: overwriting saves on it.
    pub fn show_conflict(
        &mut self,
        yours: Vec<(String, String)>,
        theirs: Vec<(String, String)>,
        version: i64,
    ) {
        self.mode = Mode::Conflict {
            yours,
            theirs,
            version,
        };
    }

    /// The values as typed, for a draft file.
    pub fn values(&self) -> Vec<(String, DraftValue)> {
        let back = self
            .editor
            .as_ref()
            .and_then(|(i, job)| Some((*i, job.peek_ok()?)));
        self.fields
            .iter()
            .enumerate()
            .map(|(i, f)| match &back {
                Some((j, text)) if *j == i => (f.key.to_string(), DraftValue::Text(text.clone())),
                _ => (f.key.to_string(), f.value()),
            })
            .collect()
    }

    /// Puts a draft's values back (unknown keys are ignored). The form counts as changed.
    pub fn restore(&mut self, values: &[(String, DraftValue)]) {
        let theme = self.theme;
        for (key, value) in values {
            let Some(f) = self.fields.iter_mut().find(|f| f.key == key) else {
                continue;
            };
            match (&mut f.input, value) {
                (
                    Input::Text {
                        area, multiline, ..
                    },
                    DraftValue::Text(t),
                ) => {
                    let t = if *multiline {
                        t.clone()
                    } else {
                        t.replace(['\n', '\r'], " ")
                    };
                    *area = text_area(&t, theme, *multiline);
                }
                (Input::Picker(p), DraftValue::Picks(labels)) => p.select_labels(labels),
                _ => {}
            }
        }
    }

    /// The keymap contexts for the form's state, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        match &self.mode {
            Mode::ConfirmDiscard => &[Context::ConfirmDiscard],
            Mode::Conflict { .. } => &[Context::Conflict],
            Mode::Editing => match self.fields.get(self.focus).map(|f| &f.input) {
                Some(Input::Text {
                    multiline: false, ..
                }) => &[Context::FormLine, Context::Form],
                Some(Input::Picker(_)) => &[Context::Picker, Context::Form],
                _ => &[Context::Form],
            },
        }
    }

    /// Handles one key; the pane acts on the returned event.
    pub fn handle_key(&mut self, key: &KeyEvent) -> FormEvent {
        if key.kind == KeyEventKind::Release {
            return FormEvent::Ignored;
        }
        self.collect_editor();
        // The contexts follow from the mode, so the action's context says which mode is on.
        let action = keymap::resolve(self.contexts(), key).map(|b| b.action);
        if matches!(
            action,
            Some(
                Action::Form(FormAction::Save)
                    | Action::FormLine(FormAction::Save)
                    | Action::Conflict(ConflictAction::Overwrite)
            )
        ) && self.opened_before_replacement()
        {
            self.refuse_replaced();
            return FormEvent::None;
        }
        match action {
            Some(Action::ConfirmDiscard(answer)) => match answer {
                Answer::Yes => FormEvent::Closed,
                Answer::No => {
                    self.mode = Mode::Editing;
                    FormEvent::None
                }
            },
            Some(Action::Conflict(a)) => match (a, &self.mode) {
                (ConflictAction::KeepTheirs, _) => FormEvent::KeepTheirs,
                (ConflictAction::Overwrite, Mode::Conflict { version, .. }) => {
                    FormEvent::Overwrite { version: *version }
                }
                (ConflictAction::Overwrite, _) => FormEvent::None,
                (ConflictAction::BackToEdit, _) => {
                    self.mode = Mode::Editing;
                    FormEvent::None
                }
            },
            Some(Action::Form(a) | Action::FormLine(a)) => match a {
                FormAction::Save => FormEvent::Save,
                FormAction::Cancel => {
                    if self.is_changed() {
                        self.mode = Mode::ConfirmDiscard;
                        FormEvent::None
                    } else {
                        FormEvent::Closed
                    }
                }
                FormAction::NextField => {
                    self.focus = (self.focus + 1) % self.fields.len().max(1);
                    FormEvent::None
                }
                FormAction::PrevField => {
                    let n = self.fields.len().max(1);
                    self.focus = (self.focus + n - 1) % n;
                    FormEvent::None
                }
                FormAction::Editor => {
                    self.ask_editor();
                    FormEvent::None
                }
            },
            Some(Action::Picker(a)) => {
                if let Some(f) = self.fields.get_mut(self.focus)
                    && let Input::Picker(p) = &mut f.input
                {
                    match a {
                        PickerAction::Next => p.move_highlight(true),
                        PickerAction::Prev => p.move_highlight(false),
                        PickerAction::Toggle => match p.toggle() {
                            Ok(()) => f.error = None,
                            Err(e) => f.error = Some(e),
                        },
                    }
                }
                FormEvent::None
            }
            // No other context is in force in a form (see `contexts`).
            Some(_) => FormEvent::Ignored,
            // Unbound keys are text while editing; the prompts ignore them.
            None => match self.mode {
                Mode::Editing => self.type_key(key),
                Mode::ConfirmDiscard | Mode::Conflict { .. } => FormEvent::None,
            },
        }
    }

    /// A key that is not a command: text for the focused field.
    fn type_key(&mut self, key: &KeyEvent) -> FormEvent {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return FormEvent::Ignored;
        };
        match &mut f.input {
            Input::Text {
                area, multiline, ..
            } => {
                let newline = matches!(key.code, KeyCode::Enter)
                    || (key.modifiers.contains(KeyModifiers::CONTROL)
                        && matches!(key.code, KeyCode::Char('m' | 'j')));
                if newline && !*multiline {
                    return FormEvent::None;
                }
                if let KeyCode::Char(c) = key.code
                    && c.is_control()
                {
                    return FormEvent::None;
                }
                if area.input(*key) {
                    f.error = None;
                }
                FormEvent::None
            }
            Input::Picker(p) => {
                match key.code {
                    KeyCode::Char(c)
                        if !key
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                            && !c.is_control() =>
                    {
                        p.edit_query(|q| q.push(c));
                    }
                    KeyCode::Backspace => {
                        if p.query.is_empty() && p.multi {
                            p.selected.pop();
                        }
                        p.edit_query(|q| {
                            q.pop();
                        });
                    }
                    _ => return FormEvent::Ignored,
                }
                f.error = None;
                FormEvent::None
            }
        }
    }

    /// Pasted text goes into the focused field (line breaks become spaces in one-line fields).
    pub fn paste(&mut self, text: &str) {
        self.collect_editor();
        if !matches!(self.mode, Mode::Editing) {
            return;
        }
        let Some(f) = self.fields.get_mut(self.focus) else {
            return;
        };
        let clean: String = text
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| *c == '\n' || !c.is_control() || *c == '\t')
            .collect();
        match &mut f.input {
            Input::Text {
                area, multiline, ..
            } => {
                let t = if *multiline {
                    clean
                } else {
                    clean.replace('\n', " ")
                };
                area.insert_str(t);
            }
            Input::Picker(p) => p.edit_query(|q| q.push_str(&clean.replace('\n', " "))),
        }
    }

    fn field_height(&self, i: usize) -> u16 {
        let Some(f) = self.fields.get(i) else {
            return 0;
        };
        let body = match &f.input {
            Input::Text {
                height,
                multiline: true,
                ..
            } => height.saturating_add(self.grow),
            Input::Text { height, .. } => *height,
            Input::Picker(p) => {
                if i == self.focus {
                    1 + u16::from(p.asking.is_some()) + p.hits.len().min(DROPDOWN_ROWS) as u16
                } else {
                    1
                }
            }
        };
        let err = f
            .error
            .as_deref()
            .map_or(0, |e| u16::try_from(self.error_lines(e).len()).unwrap_or(1));
        body.saturating_add(err)
    }

    /// Draws the form as a box centred in `area`.
    pub fn render(&mut self, frame: &mut Frame, area: Rect) {
        self.collect_editor();
        let theme = self.theme;
        let needed = |form: &Form| -> u16 {
            (0..form.fields.len())
                .map(|i| form.field_height(i))
                .fold(0u16, u16::saturating_add)
                .saturating_add(2)
                .saturating_add(u16::try_from(form.footer_lines().len()).unwrap_or(0))
        };
        // Multi-line fields take what a tall terminal has to spare (up to twice their own
        // height), so notes are read whole rather than scrolled in a small box.
        self.grow = 0;
        let multi: Vec<u16> = self
            .fields
            .iter()
            .filter_map(|f| match f.input {
                Input::Text {
                    multiline: true,
                    height,
                    ..
                } => Some(height),
                _ => None,
            })
            .collect();
        if let (Some(&smallest), Ok(n)) = (multi.iter().min(), u16::try_from(multi.len()))
            && n > 0
        {
            let spare = area.height.saturating_sub(needed(self).saturating_add(2));
            self.grow = (spare / n).min(smallest.saturating_mul(2));
        }
        // Wider with the terminal, up to a width that still reads as lines of text.
        let w = area
            .width
            .min((area.width.saturating_mul(3) / 4).clamp(78, 110));
        self.inner_w = w.saturating_sub(2);
        let needed = needed(self);
        let h = area.height.min(needed.max(5));
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        };
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.focus())
            .title(Span::styled(
                format!(" {} ", sanitize(&self.title)),
                theme.title(),
            ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let mut avail = inner.height;
        // The form's message, then the discard question, on their own rows at the bottom of
        // the box: the border and the fields above stay whole.
        let foot = self.footer_lines();
        let foot_h = u16::try_from(foot.len())
            .unwrap_or(u16::MAX)
            .min(inner.height);
        let foot_y = inner.y + inner.height - foot_h;
        for (k, (text, is_message)) in foot.iter().take(usize::from(foot_h)).enumerate() {
            let row = Rect {
                y: foot_y + u16::try_from(k).unwrap_or(0),
                height: 1,
                ..inner
            };
            if *is_message {
                frame.render_widget(
                    Paragraph::new(Span::styled(text.clone(), theme.error())),
                    row,
                );
            } else {
                self.render_confirm(frame, row);
            }
        }
        avail = avail.saturating_sub(foot_h);
        // Scroll so the focused field fits: start from the first field that lets it.
        let mut start = 0;
        while start < self.focus {
            let used: u16 = (start..=self.focus)
                .map(|i| self.field_height(i))
                .fold(0u16, u16::saturating_add);
            if used <= avail {
                break;
            }
            start += 1;
        }
        let mut y = inner.y;
        let bottom = inner.y.saturating_add(avail);
        for i in start..self.fields.len() {
            if y >= bottom {
                break;
            }
            let fh = self.field_height(i).min(bottom - y);
            let rect = Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: fh,
            };
            self.render_field(frame, i, rect);
            y = y.saturating_add(fh);
        }
        match &self.mode {
            Mode::Editing => {}
            Mode::ConfirmDiscard => {}
            Mode::Conflict { yours, theirs, .. } => {
                render_conflict(frame, area, popup, theme, yours, theirs);
            }
        }
    }

    fn render_field(&mut self, frame: &mut Frame, i: usize, rect: Rect) {
        let theme = self.theme;
        let err_lines = self
            .fields
            .get(i)
            .and_then(|f| f.error.as_deref())
            .map(|e| self.error_lines(e))
            .unwrap_or_default();
        let focused = i == self.focus && matches!(self.mode, Mode::Editing);
        let Some(f) = self.fields.get_mut(i) else {
            return;
        };
        let label_w = LABEL_COLS.min(rect.width);
        let label_style = if focused { theme.focus() } else { theme.bold() };
        let marker = if focused { "›" } else { " " };
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&format!("{marker}{}", f.label), usize::from(label_w)).into_owned(),
                label_style,
            )),
            Rect {
                height: 1.min(rect.height),
                width: label_w,
                ..rect
            },
        );
        let err_h = u16::try_from(err_lines.len())
            .unwrap_or(u16::MAX)
            .min(rect.height.saturating_sub(1));
        let input = Rect {
            x: rect.x.saturating_add(label_w),
            width: rect.width.saturating_sub(label_w),
            height: rect.height.saturating_sub(err_h),
            ..rect
        };
        if err_h > 0 {
            let lines: Vec<Line> = err_lines
                .into_iter()
                .take(usize::from(err_h))
                .map(|l| Line::from(Span::styled(l, theme.error())))
                .collect();
            frame.render_widget(
                Paragraph::new(lines),
                Rect {
                    y: rect.y + rect.height - err_h,
                    height: err_h,
                    ..input
                },
            );
        }
        match &mut f.input {
            Input::Text { area, .. } => {
                area.set_cursor_style(if focused {
                    theme.selected()
                } else {
                    Style::default()
                });
                frame.render_widget(&**area, input);
            }
            Input::Picker(p) => render_picker(frame, p, input, focused, theme),
        }
    }

    fn render_confirm(&self, frame: &mut Frame, rect: Rect) {
        let theme = self.theme;
        let hints = keymap::footer(&[Context::ConfirmDiscard]);
        let mut spans = vec![Span::styled(" Discard your changes? ", theme.warning())];
        for (k, h) in hints {
            spans.push(Span::styled(k, theme.key()));
            spans.push(Span::raw(format!(" {h}  ")));
        }
        frame.render_widget(Clear, rect);
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    }
}

fn render_picker(frame: &mut Frame, p: &Picker, rect: Rect, focused: bool, theme: Theme) {
    if rect.height == 0 || rect.width == 0 {
        return;
    }
    let mut spans: Vec<Span> = Vec::new();
    let picked = p.picked();
    if picked.is_empty() && !focused {
        spans.push(Span::styled("(none)", theme.dim()));
    }
    for o in &picked {
        let text = if p.multi {
            format!("[{}] ", sanitize(&o.label))
        } else {
            format!("{} ", sanitize(&o.label))
        };
        spans.push(Span::styled(
            text,
            if p.multi { theme.tag() } else { theme.plain() },
        ));
    }
    if focused {
        spans.push(Span::styled("› ", theme.dim()));
        spans.push(Span::raw(sanitize(&p.query).into_owned()));
        spans.push(Span::styled(" ", theme.selected()));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)),
        Rect { height: 1, ..rect },
    );
    if !focused {
        return;
    }
    let mut top = rect.y + 1;
    // The question takes a row of its own, as `field_height` counts it.
    let mut room = usize::from(rect.height.saturating_sub(1))
        .min(DROPDOWN_ROWS + usize::from(p.asking.is_some()));
    if let Some(name) = &p.asking
        && room > 0
    {
        let question = format!("“{}” looks like one already here:", sanitize(name));
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&question, usize::from(rect.width)).into_owned(),
                theme.warning(),
            )),
            Rect {
                y: top,
                height: 1,
                ..rect
            },
        );
        top += 1;
        room -= 1;
    }
    let rows = room;
    let start = p.highlight.saturating_sub(rows.saturating_sub(1));
    let width = usize::from(rect.width);
    for (n, (idx, m)) in p.hits.iter().enumerate().skip(start).take(rows).enumerate() {
        let style = if idx == p.highlight {
            theme.selected()
        } else {
            theme.plain()
        };
        let spans = match m {
            Match::Option { index, matched } => {
                let Some(o) = p.options.get(*index) else {
                    continue;
                };
                let on = p.selected.contains(&o.id);
                let mark = match (p.asking.is_some(), p.multi, on) {
                    (true, ..) => "use ",
                    (false, true, true) => "[x] ",
                    (false, true, false) => "[ ] ",
                    (false, false, true) => "(•) ",
                    (false, false, false) => "( ) ",
                };
                let mut spans = vec![Span::styled(mark, style)];
                spans.extend(highlighted(
                    &o.label,
                    matched,
                    style,
                    style.patch(theme.matched()),
                    width.saturating_sub(text::width(mark)),
                ));
                spans
            }
            Match::Create(name) => vec![Span::styled(
                truncate(&format!("+ new “{}”", sanitize(name)), width).into_owned(),
                style,
            )],
            Match::CreateAnyway(name) => vec![Span::styled(
                truncate(&format!("+ new “{}” anyway", sanitize(name)), width).into_owned(),
                style,
            )],
        };
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect {
                y: top + n as u16,
                height: 1,
                ..rect
            },
        );
    }
}

/// A label as spans, its `matched` grapheme clusters (as [`fuzzy::rank`] counts them) in
/// `hit` style, sanitized and cut to `max` columns with `…`.
fn highlighted(
    label: &str,
    matched: &[u32],
    base: Style,
    hit: Style,
    max: usize,
) -> Vec<Span<'static>> {
    use unicode_segmentation::UnicodeSegmentation;
    let cut = text::width(&sanitize(label)) > max;
    let room = if cut { max.saturating_sub(1) } else { max };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    let mut used = 0;
    for (i, g) in label.graphemes(true).enumerate() {
        let shown = sanitize(g);
        let w = text::width(&shown);
        if used + w > room {
            break;
        }
        used += w;
        let is_hit = u32::try_from(i).is_ok_and(|i| matched.binary_search(&i).is_ok());
        if is_hit != run_hit && !run.is_empty() {
            let style = if run_hit { hit } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = is_hit;
        run.push_str(&shown);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hit { hit } else { base }));
    }
    if cut && max > 0 {
        spans.push(Span::styled("…", base));
    }
    spans
}

/// The conflict over the form (`form`, its rect): at least as tall, so no edge of the form
/// shows above or below it.
fn render_conflict(
    frame: &mut Frame,
    area: Rect,
    form: Rect,
    theme: Theme,
    yours: &[(String, String)],
    theirs: &[(String, String)],
) {
    let w = area.width.min(100).max(form.width.min(area.width));
    let rows = yours.len().max(theirs.len()) as u16;
    let h = area.height.min(rows.saturating_add(5));
    let (y, h) = if form.height >= h && form.y >= area.y && form.bottom() <= area.bottom() {
        (form.y, form.height)
    } else {
        (area.y + (area.height - h) / 2, h)
    };
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.warning())
        .title(Span::styled(
            " Changed by another session since you opened it ",
            theme.warning(),
        ));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let col = usize::from(inner.width.saturating_sub(3) / 2);
    let sep = Span::styled(" │ ", theme.dim());
    let mut lines: Vec<Line> = Vec::new();
    let head = |s: &str| Span::styled(crate::text::fit(s, col), theme.bold());
    lines.push(Line::from(vec![
        head("Yours"),
        sep.clone(),
        head("Theirs (saved)"),
    ]));
    for i in 0..usize::from(rows) {
        let cell = |side: &[(String, String)], other: &[(String, String)]| {
            let Some((label, value)) = side.get(i) else {
                return Span::raw(" ".repeat(col));
            };
            let differs = other.get(i).map(|(_, v)| v) != Some(value);
            let text = format!("{label}: {}", sanitize(value));
            Span::styled(
                crate::text::fit(&text, col),
                if differs {
                    theme.warning()
                } else {
                    theme.plain()
                },
            )
        };
        lines.push(Line::from(vec![
            cell(yours, theirs),
            sep.clone(),
            cell(theirs, yours),
        ]));
    }
    lines.push(Line::from(""));
    let mut spans = Vec::new();
    for (k, h) in keymap::footer(&[Context::Conflict]) {
        spans.push(Span::styled(k, theme.key()));
        spans.push(Span::raw(format!(" {h}   ")));
    }
    lines.push(Line::from(spans));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Parses a duration as typed: `90`, `90m`, `1h`, `1h30`, `1:30`. Empty is `None`.
pub fn parse_minutes(s: &str) -> Result<Option<u32>, String> {
    let t = s.trim().to_lowercase().replace(' ', "");
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || format!("estimate must be minutes or like 1h30, got {:?}", s.trim());
    let num = |x: &str| x.parse::<u32>().map_err(|_| bad());
    let minutes = if let Some((h, m)) = t.split_once(':') {
        num(h)? * 60 + num(m)?
    } else if let Some((h, m)) = t.split_once('h') {
        let m = m.trim_end_matches('m');
        num(h)?.saturating_mul(60) + if m.is_empty() { 0 } else { num(m)? }
    } else {
        num(t.trim_end_matches("min").trim_end_matches('m'))?
    };
    Ok(Some(minutes))
}

/// Shows minutes the way [`parse_minutes`] reads them: `45m`, `2h`, `1h30`.
pub fn format_minutes(m: u32) -> String {
    match (m / 60, m % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width;
    use crate::tui::keymap::Key;

    fn key(c: char) -> KeyEvent {
        Key::ch(c).event()
    }

    fn code(c: KeyCode) -> KeyEvent {
        Key::code(c).event()
    }

    fn tags_form() -> Form {
        Form::new("t", Theme::default())
            .line("title", "Title", "")
            .picker(
                "tags",
                "Tags",
                vec![PickOption::new(1, "rust"), PickOption::new(2, "sql")],
                &[],
                true,
                Some(|s: &str| {
                    if s.contains(' ') {
                        Err("no spaces".into())
                    } else {
                        Ok(s.to_string())
                    }
                }),
            )
    }

    #[test]
    fn typing_tab_and_picking() {
        let mut f = tags_form();
        for c in "hi q".chars() {
            assert_eq!(f.handle_key(&key(c)), FormEvent::None);
        }
        assert_eq!(f.text("title"), "hi q");
        f.handle_key(&code(KeyCode::Tab));
        assert_eq!(f.contexts(), &[Context::Picker, Context::Form]);
        f.handle_key(&code(KeyCode::Down));
        f.handle_key(&code(KeyCode::Enter)); // picks "sql"
        for c in "new".chars() {
            f.handle_key(&key(c));
        }
        f.handle_key(&code(KeyCode::Enter)); // creates "new"
        let labels: Vec<String> = f.picked("tags").into_iter().map(|o| o.label).collect();
        assert_eq!(labels, vec!["sql", "new"]);
        f.handle_key(&code(KeyCode::Backspace)); // empty query: removes the last pick
        assert_eq!(f.picked("tags").len(), 1);
        assert_eq!(f.handle_key(&Key::ctrl('s').event()), FormEvent::Save);
    }

    fn people_form(picked: &[i64]) -> Form {
        Form::new("t", Theme::default()).picker(
            "people",
            "People",
            vec![
                PickOption::new(NONE_ID, "me"),
                PickOption::new(1, "Inès Dubois"),
                PickOption::new(2, "Ada Lovelace"),
            ],
            picked,
            true,
            Some(|s: &str| Ok(s.trim().to_string())),
        )
    }

    fn type_text(f: &mut Form, s: &str) {
        for c in s.chars() {
            f.handle_key(&key(c));
        }
    }

    fn picked_labels(f: &Form) -> Vec<String> {
        f.picked("people").into_iter().map(|o| o.label).collect()
    }

    fn asking(f: &Form) -> Option<String> {
        match f.fields.first().map(|f| &f.input) {
            Some(Input::Picker(p)) => p.asking.clone(),
            _ => None,
        }
    }

    #[test]
    fn a_near_duplicate_is_asked_about_and_the_existing_one_can_be_used() {
        let mut f = people_form(&[]);
        type_text(&mut f, "Ines Dubios");
        // Not a fuzzy match of "Inès Dubois": the only entry is to create it, which asks.
        f.handle_key(&code(KeyCode::Enter));
        assert_eq!(asking(&f).as_deref(), Some("Ines Dubios"));
        assert!(
            picked_labels(&f).is_empty(),
            "nothing picked or created yet"
        );
        f.handle_key(&code(KeyCode::Enter)); // the first answer: the one already there
        assert_eq!(picked_labels(&f), ["Inès Dubois"]);
        assert_eq!(f.picked("people")[0].id, 1);
        assert_eq!(asking(&f), None);
    }

    #[test]
    fn a_near_duplicate_can_still_be_created_on_purpose() {
        let mut f = people_form(&[]);
        type_text(&mut f, "Ines Dubaiz");
        f.handle_key(&code(KeyCode::Enter));
        assert!(asking(&f).is_some());
        f.handle_key(&code(KeyCode::Down));
        assert!(f.picked("people").is_empty(), "moving never answers");
        f.handle_key(&code(KeyCode::Enter));
        assert_eq!(picked_labels(&f), ["Ines Dubaiz"]);
        assert!(f.picked("people")[0].id < 0, "new, saved with the form");
    }

    #[test]
    fn the_same_name_key_offers_only_the_existing_one_and_typing_drops_the_question() {
        let mut f = people_form(&[1]);
        type_text(&mut f, "INES  dubois");
        // The existing one ranks first; the create entry is last.
        f.handle_key(&code(KeyCode::Up));
        f.handle_key(&code(KeyCode::Enter));
        assert!(asking(&f).is_some());
        let hits = match f.fields.first().map(|f| &f.input) {
            Some(Input::Picker(p)) => p.hits.len(),
            _ => 0,
        };
        assert_eq!(
            hits, 1,
            "no create-anyway: the database would find the same person"
        );
        // Using it never unpicks the one already picked.
        f.handle_key(&code(KeyCode::Enter));
        assert_eq!(picked_labels(&f), ["Inès Dubois"]);
        // Typing more drops the question and goes on filtering.
        type_text(&mut f, "Ada Lovelase");
        f.handle_key(&code(KeyCode::Down));
        f.handle_key(&code(KeyCode::Enter));
        assert_eq!(asking(&f).as_deref(), Some("Ada Lovelase"));
        f.handle_key(&key('x'));
        assert_eq!(asking(&f), None);
        assert_eq!(picked_labels(&f), ["Inès Dubois"]);
    }

    #[test]
    fn a_name_far_from_every_other_is_created_without_a_question() {
        let mut f = people_form(&[]);
        type_text(&mut f, "Grace Hopper");
        f.handle_key(&code(KeyCode::Enter));
        assert_eq!(asking(&f), None);
        assert_eq!(picked_labels(&f), ["Grace Hopper"]);
        // "me" is no name to duplicate.
        type_text(&mut f, "Me");
        f.handle_key(&code(KeyCode::Down));
        f.handle_key(&code(KeyCode::Enter));
        assert_eq!(asking(&f), None);
    }

    #[test]
    fn highlighted_labels_are_sanitized_and_cut_to_their_columns() {
        let base = Style::default();
        let hit = Style::default().add_modifier(ratatui::style::Modifier::UNDERLINED);
        let text = |spans: &[Span]| {
            spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        let spans = highlighted("Inès \x1b[31mDubois", &[0, 10], base, hit, 40);
        assert_eq!(text(&spans), "Inès ␛[31mDubois");
        let hits: Vec<String> = spans
            .iter()
            .filter(|s| s.style == hit)
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(hits, ["I", "D"]);
        // Cut on a column budget, never splitting a wide character.
        let spans = highlighted("日本語テキスト", &[1], base, hit, 6);
        assert_eq!(text(&spans), "日本…");
        assert!(width(&text(&spans)) <= 6);
    }

    #[test]
    fn a_form_opened_before_the_database_was_replaced_never_saves() {
        let mut old = tags_form();
        for c in "keep me".chars() {
            old.handle_key(&key(c));
        }
        database_replaced();
        let mut new = tags_form();
        assert!(!take_refusal());
        assert_eq!(old.handle_key(&Key::ctrl('s').event()), FormEvent::None);
        assert!(take_refusal() && !take_refusal());
        assert_eq!(old.text("title"), "keep me");
        assert!(old.has_errors());
        // In the conflict view, overwriting is refused the same way.
        old.show_conflict(Vec::new(), Vec::new(), 2);
        assert_eq!(old.handle_key(&key('o')), FormEvent::None);
        assert!(take_refusal());
        // A form opened afterwards saves as usual; closing the old one still works.
        assert_eq!(new.handle_key(&Key::ctrl('s').event()), FormEvent::Save);
        old.handle_key(&code(KeyCode::Esc));
        assert_eq!(old.handle_key(&key('y')), FormEvent::Closed);
    }

    #[test]
    fn enter_saves_a_line_but_not_a_multiline_field() {
        let mut f = Form::new("t", Theme::default())
            .line("title", "Title", "a")
            .multiline("notes", "Notes", "", 3);
        assert_eq!(f.handle_key(&code(KeyCode::Enter)), FormEvent::Save);
        f.handle_key(&code(KeyCode::Tab));
        assert_eq!(f.handle_key(&code(KeyCode::Enter)), FormEvent::None);
        f.handle_key(&key('x'));
        assert_eq!(f.text("notes"), "\nx");
    }

    #[test]
    fn escape_asks_only_when_changed() {
        let mut f = tags_form();
        assert_eq!(f.handle_key(&code(KeyCode::Esc)), FormEvent::Closed);
        let mut f = tags_form();
        f.handle_key(&key('x'));
        assert_eq!(f.handle_key(&code(KeyCode::Esc)), FormEvent::None);
        assert_eq!(f.contexts(), &[Context::ConfirmDiscard]);
        assert_eq!(f.handle_key(&key('n')), FormEvent::None);
        assert_eq!(f.text("title"), "x");
        f.handle_key(&code(KeyCode::Esc));
        assert_eq!(f.handle_key(&key('y')), FormEvent::Closed);
    }

    #[test]
    fn errors_go_beside_their_field_and_keep_the_text() {
        let mut f = tags_form();
        f.handle_key(&code(KeyCode::Tab));
        f.show_error(&DbError::invalid("title", "task title must not be empty"));
        assert_eq!(f.contexts(), &[Context::FormLine, Context::Form]);
        assert_eq!(
            f.fields[0].error.as_deref(),
            Some("task title must not be empty")
        );
        f.show_error(&DbError::invalid("tag", "bad tag"));
        assert_eq!(f.fields[1].error.as_deref(), Some("bad tag"));
        f.show_error(&DbError::Busy);
        assert!(f.message.is_some());
    }

    #[test]
    fn creating_an_invalid_option_says_why() {
        let mut f = tags_form();
        f.handle_key(&code(KeyCode::Tab));
        f.paste("a b");
        f.handle_key(&code(KeyCode::Enter));
        assert_eq!(f.fields[1].error.as_deref(), Some("no spaces"));
        assert!(f.picked("tags").is_empty());
    }

    #[test]
    fn drafts_round_trip() {
        let mut f = tags_form();
        f.paste("draft title");
        f.handle_key(&code(KeyCode::Tab));
        f.handle_key(&code(KeyCode::Enter));
        let values = f.values();
        let mut g = tags_form();
        g.restore(&values);
        assert_eq!(g.text("title"), "draft title");
        assert_eq!(g.picked("tags")[0].label, "rust");
        assert!(g.is_changed());
    }

    #[test]
    fn minutes() {
        assert_eq!(parse_minutes(""), Ok(None));
        assert_eq!(parse_minutes("90"), Ok(Some(90)));
        assert_eq!(parse_minutes("1h30"), Ok(Some(90)));
        assert_eq!(parse_minutes("2h"), Ok(Some(120)));
        assert_eq!(parse_minutes("1:15"), Ok(Some(75)));
        assert_eq!(parse_minutes("45m"), Ok(Some(45)));
        assert!(parse_minutes("soon").is_err());
        assert_eq!(format_minutes(90), "1h30");
        assert_eq!(format_minutes(45), "45m");
        assert_eq!(format_minutes(120), "2h");
        assert_eq!(width(&format_minutes(5)), 2);
    }
}
