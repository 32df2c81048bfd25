//! One form controller for every pane: it owns the open form and what it saves to, runs the
//! save, shows a stale save side by side (keep theirs / overwrite / back to editing), keeps a
//! failed save's text, restores and takes drafts, and refuses to save a form opened before
//! the database was replaced.
//!
//! A pane supplies only a [`FormSpec`]: how to read and write its fields, and how to show the
//! saved version in the conflict view. It acts on the [`FormStep`] a key returns; everything
//! else (which keys close, ask, or save) is the same in every pane because it lives here.

use super::{Form, FormDraft, FormEvent};
use crate::db::Error as DbError;
use crate::model::Id;
use crate::tui::keymap::Context;
use crate::tui::panes::{Ctx, Outcome};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// What an open form writes: a new row, or the row `id` as it was at `version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormTarget {
    New,
    Edit { id: Id, version: i64 },
}

impl FormTarget {
    /// The draft file's name for this target: "new" or "edit:ID".
    pub fn key(&self) -> String {
        match self {
            FormTarget::New => "new".into(),
            FormTarget::Edit { id, .. } => format!("edit:{id}"),
        }
    }

    pub fn version(&self) -> Option<i64> {
        match self {
            FormTarget::New => None,
            FormTarget::Edit { version, .. } => Some(*version),
        }
    }

    fn set_version(&mut self, v: i64) {
        if let FormTarget::Edit { version, .. } = self {
            *version = v;
        }
    }
}

/// (label, value) lines of one side of the conflict view.
pub type Lines = Vec<(String, String)>;

/// What the conflict view shows: the user's values, the saved ones, and the saved version
/// (overwriting saves over it).
pub struct Conflict {
    pub yours: Lines,
    pub theirs: Lines,
    pub version: i64,
}

/// What a pane tells the controller about one of its forms.
pub trait FormSpec {
    /// What a successful save gives back to the pane (usually the saved row).
    type Saved;

    /// The name this form's draft is kept under, or `None` if it keeps none (a prompt).
    fn draft_key(&self, target: &FormTarget) -> Option<String> {
        Some(target.key())
    }

    /// Reads and checks the form (a bad value is `DbError::Invalid` naming the field) and
    /// writes it in one transaction.
    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget)
    -> Result<Self::Saved, DbError>;

    /// The conflict view after `save` said the row `id` is now at version `current`: reads
    /// the saved version afresh.
    fn conflict(
        &mut self,
        ctx: &Ctx,
        form: &Form,
        id: Id,
        current: i64,
    ) -> Result<Conflict, DbError>;
}

/// What a key did, for the pane to act on. The form is already closed after `Closed`,
/// `KeptTheirs` and `Saved`.
#[derive(Debug, PartialEq, Eq)]
pub enum FormStep<T> {
    /// The form used the key and stays open.
    Handled,
    /// The key is not the form's.
    Ignored,
    /// Closed without saving.
    Closed,
    /// Closed, keeping the version another session saved (the pane's copy is stale).
    KeptTheirs,
    Saved(T),
}

impl<T> FormStep<T> {
    /// The usual outcome for the app: a save or a kept conflict means the data changed.
    pub fn outcome(&self) -> Outcome {
        match self {
            FormStep::Handled | FormStep::Closed => Outcome::Handled,
            FormStep::Ignored => Outcome::Ignored,
            FormStep::KeptTheirs | FormStep::Saved(_) => Outcome::Wrote,
        }
    }
}

struct Open<S> {
    form: Form,
    target: FormTarget,
    spec: S,
}

/// A pane's form slot: empty, or one open form with its target and spec.
pub struct FormController<S> {
    /// Whose drafts file the form uses (a pane's slug, or a popup's own name).
    draft_name: &'static str,
    open: Option<Open<S>>,
}

impl<S: FormSpec> FormController<S> {
    pub fn new(draft_name: &'static str) -> Self {
        FormController {
            draft_name,
            open: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn form(&self) -> Option<&Form> {
        self.open.as_ref().map(|o| &o.form)
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.open.as_mut().map(|o| &mut o.form)
    }

    pub fn spec(&self) -> Option<&S> {
        self.open.as_ref().map(|o| &o.spec)
    }

    pub fn target(&self) -> Option<&FormTarget> {
        self.open.as_ref().map(|o| &o.target)
    }

    /// Opens `form` for `target`, putting back a draft left by an interrupted session (with
    /// the version its edit started from, so a restored edit still detects conflicts).
    pub fn open(&mut self, ctx: &mut Ctx, mut form: Form, mut target: FormTarget, spec: S) {
        if let Some(key) = spec.draft_key(&target) {
            match ctx.drafts.take_named(self.draft_name, &key) {
                Ok(Some(d)) => {
                    form.restore(&d.values);
                    if let Some(v) = d.version {
                        target.set_version(v);
                    }
                    ctx.status
                        .info("restored the unsaved draft from an interrupted session");
                }
                Ok(None) => {}
                Err(e) => ctx.status.error(format!("could not read the draft: {e}")),
            }
        }
        self.open = Some(Open { form, target, spec });
    }

    /// Opens a form that keeps no draft (a prompt), so there is none to look for.
    pub fn open_prompt(&mut self, form: Form, target: FormTarget, spec: S) {
        self.open = Some(Open { form, target, spec });
    }

    pub fn close(&mut self) {
        self.open = None;
    }

    /// The keymap contexts of the open form.
    pub fn contexts(&self) -> Option<&'static [Context]> {
        self.form().map(Form::contexts)
    }

    pub fn handle_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> FormStep<S::Saved> {
        let Some(open) = self.open.as_mut() else {
            return FormStep::Ignored;
        };
        match open.form.handle_key(key) {
            FormEvent::None => FormStep::Handled,
            FormEvent::Ignored => FormStep::Ignored,
            FormEvent::Save => self.save(ctx),
            FormEvent::Closed => {
                self.open = None;
                FormStep::Closed
            }
            FormEvent::KeepTheirs => {
                self.open = None;
                ctx.status
                    .info("kept the version saved by the other session");
                FormStep::KeptTheirs
            }
            FormEvent::Overwrite { version } => {
                open.target.set_version(version);
                self.save(ctx)
            }
        }
    }

    /// Saves the open form: closes it on success; on a stale save shows both versions; on any
    /// other failure shows why and keeps every value typed.
    pub fn save(&mut self, ctx: &mut Ctx) -> FormStep<S::Saved> {
        let Some(open) = self.open.as_mut() else {
            return FormStep::Handled;
        };
        if open.form.opened_before_replacement() {
            open.form.refuse_replaced();
            return FormStep::Handled;
        }
        open.form.clear_errors();
        match open.spec.save(ctx, &open.form, &open.target) {
            Ok(saved) => {
                self.open = None;
                FormStep::Saved(saved)
            }
            Err(DbError::Conflict { id, current, .. }) => {
                match open.spec.conflict(ctx, &open.form, id, current) {
                    Ok(c) => {
                        // Only what the form edits can differ: a saved field the form has
                        // no place for (a task's status) would show as a change on Theirs
                        // alone, which the user can neither keep nor overwrite.
                        let theirs = c
                            .theirs
                            .into_iter()
                            .filter(|(label, _)| c.yours.iter().any(|(l, _)| l == label))
                            .collect();
                        open.form.show_conflict(c.yours, theirs, c.version)
                    }
                    Err(e) => open.form.show_error(&e),
                }
                FormStep::Handled
            }
            Err(e) => {
                open.form.show_error(&e);
                FormStep::Handled
            }
        }
    }

    /// Pasted text for the open form; false if none is open.
    pub fn paste(&mut self, text: &str) -> bool {
        match self.form_mut() {
            Some(f) => {
                f.paste(text);
                true
            }
            None => false,
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect) {
        if let Some(f) = self.form_mut() {
            f.render(frame, area);
        }
    }

    /// Closes the form, giving its values as a draft if they were changed (the session is
    /// ending).
    pub fn take_draft(&mut self) -> Option<FormDraft> {
        let open = self.open.take()?;
        let key = open.spec.draft_key(&open.target)?;
        if !open.form.is_changed() {
            return None;
        }
        Some(FormDraft {
            target: key,
            version: open.target.version(),
            values: open.form.values(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::db::Repo;
    use crate::model::{Task, TaskDraft};
    use crate::tui::drafts::Drafts;
    use crate::tui::form::{parse_minutes, take_refusal};
    use crate::tui::keymap::Key;
    use crate::tui::status::Status;
    use crate::tui::theme::Theme;
    use chrono::{NaiveDate, NaiveDateTime};
    use ratatui::crossterm::event::KeyCode;
    use std::sync::Arc;

    /// A task form: a title and an estimate the spec checks before writing.
    struct TaskSpec {
        day: NaiveDate,
    }

    fn read(form: &Form) -> Result<TaskDraft, DbError> {
        let estimate =
            parse_minutes(&form.text("estimate")).map_err(|e| DbError::invalid("estimate", e))?;
        Ok(TaskDraft {
            title: form.text("title"),
            estimate_minutes: estimate,
            ..TaskDraft::default()
        })
    }

    fn lines(title: &str) -> Lines {
        vec![("title".into(), title.into())]
    }

    impl FormSpec for TaskSpec {
        type Saved = Task;

        fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Task, DbError> {
            let draft = read(form)?;
            match *target {
                FormTarget::New => ctx.repo.add_task(self.day, &draft),
                FormTarget::Edit { id, version } => ctx.repo.update_task(id, version, &draft),
            }
        }

        fn conflict(
            &mut self,
            ctx: &Ctx,
            form: &Form,
            id: Id,
            _current: i64,
        ) -> Result<Conflict, DbError> {
            let theirs = ctx.repo.task(id)?;
            Ok(Conflict {
                yours: lines(&form.text("title")),
                theirs: lines(&theirs.title),
                version: theirs.stamp.version,
            })
        }
    }

    struct World {
        /// Holds the database file and the drafts until the test ends.
        _dir: tempfile::TempDir,
        repo: Repo,
        status: Status,
        drafts: Drafts,
        now: NaiveDateTime,
    }

    impl World {
        fn new() -> Self {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            let now = NaiveDate::from_ymd_opt(2026, 11, 22)
                .and_then(|d| d.and_hms_opt(9, 30, 0))
                .unwrap_or_default();
            let repo = Repo::open_migrated(
                &dir.path().join("worklog.db"),
                Arc::new(FixedClock::new(now)),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            let drafts = Drafts::in_data_dir(Some(dir.path().to_path_buf()));
            World {
                _dir: dir,
                repo,
                status: Status::default(),
                drafts,
                now,
            }
        }

        fn ctx(&mut self) -> Ctx<'_> {
            Ctx {
                repo: &self.repo,
                today: self.now.date(),
                now: self.now,
                status: &mut self.status,
                drafts: &self.drafts,
                organization: None,
                data_dir: None,
            }
        }

        fn status(&self) -> String {
            self.status
                .message()
                .map(|m| m.text.clone())
                .unwrap_or_default()
        }

        fn task(&self, title: &str) -> Task {
            self.repo
                .add_task(
                    self.now.date(),
                    &TaskDraft {
                        title: title.into(),
                        ..TaskDraft::default()
                    },
                )
                .unwrap_or_else(|e| panic!("{e}"))
        }

        fn titles(&self) -> Vec<String> {
            self.repo
                .tasks_on(self.now.date())
                .unwrap_or_else(|e| panic!("{e}"))
                .into_iter()
                .map(|t| t.title)
                .collect()
        }

        fn open(&mut self, c: &mut FormController<TaskSpec>, task: Option<&Task>) {
            let form = Form::new("Task", Theme::default())
                .line("title", "Title", task.map_or("", |t| t.title.as_str()))
                .line("estimate", "Estimate", "");
            let target = task.map_or(FormTarget::New, |t| FormTarget::Edit {
                id: t.id,
                version: t.stamp.version,
            });
            let day = self.now.date();
            c.open(&mut self.ctx(), form, target, TaskSpec { day });
        }

        fn key(&mut self, c: &mut FormController<TaskSpec>, key: Key) -> FormStep<Task> {
            c.handle_key(&key.event(), &mut self.ctx())
        }
    }

    fn save() -> Key {
        Key::ctrl('s')
    }

    fn title(c: &FormController<TaskSpec>) -> String {
        c.form().map(|f| f.text("title")).unwrap_or_default()
    }

    fn in_conflict(c: &FormController<TaskSpec>) -> bool {
        c.contexts() == Some(&[Context::Conflict][..])
    }

    /// Types `text` into the focused field, key by key.
    fn type_text(w: &mut World, c: &mut FormController<TaskSpec>, text: &str) {
        for ch in text.chars() {
            assert_eq!(w.key(c, Key::ch(ch)), FormStep::Handled);
        }
    }

    #[test]
    fn a_save_that_works_closes_the_form_and_reports_a_write() {
        let mut w = World::new();
        let mut c = FormController::new("focus");
        w.open(&mut c, None);
        type_text(&mut w, &mut c, "Write the report");
        let step = w.key(&mut c, save());
        assert_eq!(step.outcome(), Outcome::Wrote);
        let FormStep::Saved(task) = step else {
            panic!("not saved: {step:?}");
        };
        assert_eq!(task.title, "Write the report");
        assert!(!c.is_open());
        assert_eq!(w.titles(), vec!["Write the report"]);
    }

    #[test]
    fn a_stale_save_shows_both_versions_then_keeps_theirs_overwrites_or_goes_back() {
        let mut w = World::new();
        let task = w.task("Mine");
        let mut c = FormController::new("focus");
        w.open(&mut c, Some(&task));
        type_text(&mut w, &mut c, " edited");
        // Another session saves the task meanwhile.
        let other = TaskDraft {
            title: "Theirs".into(),
            ..TaskDraft::default()
        };
        w.repo
            .update_task(task.id, task.stamp.version, &other)
            .unwrap_or_else(|e| panic!("{e}"));

        assert_eq!(w.key(&mut c, save()), FormStep::Handled);
        assert!(in_conflict(&c), "{:?}", c.contexts());
        assert_eq!(w.titles(), vec!["Theirs"]);

        // Back to editing keeps my text; saving again shows the conflict again.
        assert_eq!(w.key(&mut c, Key::ch('b')), FormStep::Handled);
        assert!(c.is_open() && !in_conflict(&c));
        assert_eq!(title(&c), "Mine edited");
        w.key(&mut c, save());
        assert!(in_conflict(&c));

        // Overwrite saves mine over the version shown.
        let step = w.key(&mut c, Key::ch('o'));
        assert!(
            matches!(&step, FormStep::Saved(t) if t.title == "Mine edited"),
            "{step:?}"
        );
        assert!(!c.is_open());
        assert_eq!(w.titles(), vec!["Mine edited"]);

        // Keep theirs closes the form and writes nothing.
        let task = w.repo.task(task.id).unwrap_or_else(|e| panic!("{e}"));
        w.open(&mut c, Some(&task));
        type_text(&mut w, &mut c, " again");
        w.repo
            .update_task(task.id, task.stamp.version, &other)
            .unwrap_or_else(|e| panic!("{e}"));
        w.key(&mut c, save());
        assert!(in_conflict(&c));
        let step = w.key(&mut c, Key::ch('t'));
        assert_eq!(step, FormStep::KeptTheirs);
        assert_eq!(step.outcome(), Outcome::Wrote);
        assert!(!c.is_open());
        assert_eq!(w.titles(), vec!["Theirs"]);
        assert_eq!(w.status(), "kept the version saved by the other session");
    }

    #[test]
    fn a_failed_save_keeps_every_value_and_says_why() {
        let mut w = World::new();
        let mut c = FormController::new("focus");
        w.open(&mut c, None);
        type_text(&mut w, &mut c, "Plan");
        w.key(&mut c, Key::code(KeyCode::Tab));
        type_text(&mut w, &mut c, "soon");
        // The spec's own check fails: nothing is written, the text stays.
        assert_eq!(w.key(&mut c, save()), FormStep::Handled);
        assert!(c.is_open());
        assert_eq!(title(&c), "Plan");
        assert_eq!(
            c.form().map(|f| f.text("estimate")).as_deref(),
            Some("soon")
        );
        assert!(c.form().is_some_and(Form::has_errors));
        assert!(w.titles().is_empty());

        // The repository refuses (an empty title): the same.
        let mut c = FormController::new("focus");
        w.open(&mut c, None);
        w.key(&mut c, Key::code(KeyCode::Tab));
        type_text(&mut w, &mut c, "1h");
        assert_eq!(w.key(&mut c, save()), FormStep::Handled);
        assert!(c.form().is_some_and(Form::has_errors));
        assert_eq!(c.form().map(|f| f.text("estimate")).as_deref(), Some("1h"));
        assert!(w.titles().is_empty());
    }

    #[test]
    fn a_draft_comes_back_with_its_version_and_still_detects_a_conflict() {
        let mut w = World::new();
        let task = w.task("Draft me");
        let mut c = FormController::new("focus");
        // An unchanged form leaves no draft.
        w.open(&mut c, Some(&task));
        assert_eq!(c.take_draft(), None);
        assert!(!c.is_open());

        w.open(&mut c, Some(&task));
        type_text(&mut w, &mut c, " later");
        let draft = c.take_draft().unwrap_or_else(|| panic!("no draft"));
        assert!(!c.is_open());
        assert_eq!(draft.target, format!("edit:{}", task.id));
        assert_eq!(draft.version, Some(task.stamp.version));
        w.drafts
            .save_named("focus", &draft)
            .unwrap_or_else(|e| panic!("{e}"));

        // Meanwhile another session changes the task; the next session opens the form anew
        // from the fresh row, and gets the draft with the version it started from.
        let other = TaskDraft {
            title: "Theirs".into(),
            ..TaskDraft::default()
        };
        let fresh = w
            .repo
            .update_task(task.id, task.stamp.version, &other)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut c = FormController::new("focus");
        w.open(&mut c, Some(&fresh));
        assert_eq!(title(&c), "Draft me later");
        assert_eq!(
            c.target(),
            Some(&FormTarget::Edit {
                id: task.id,
                version: task.stamp.version
            })
        );
        assert_eq!(
            w.status(),
            "restored the unsaved draft from an interrupted session"
        );
        assert!(w.drafts.peek_named("focus").is_none());
        w.key(&mut c, save());
        assert!(in_conflict(&c));
        assert_eq!(w.titles(), vec!["Theirs"]);
    }

    #[test]
    fn escape_asks_before_discarding_typed_text_and_then_closes_without_a_write() {
        let mut w = World::new();
        let mut c = FormController::new("focus");
        w.open(&mut c, None);
        // Nothing typed: Esc closes at once.
        assert_eq!(w.key(&mut c, Key::code(KeyCode::Esc)), FormStep::Closed);
        assert!(!c.is_open());

        w.open(&mut c, None);
        type_text(&mut w, &mut c, "Half a thought");
        assert_eq!(w.key(&mut c, Key::code(KeyCode::Esc)), FormStep::Handled);
        assert_eq!(c.contexts(), Some(&[Context::ConfirmDiscard][..]));
        assert_eq!(w.key(&mut c, Key::ch('n')), FormStep::Handled);
        assert_eq!(title(&c), "Half a thought");
        w.key(&mut c, Key::code(KeyCode::Esc));
        let step = w.key(&mut c, Key::ch('y'));
        assert_eq!(step, FormStep::Closed);
        assert_eq!(step.outcome(), Outcome::Handled);
        assert!(!c.is_open());
        assert_eq!(c.take_draft(), None);
        assert!(w.titles().is_empty());
    }

    #[test]
    fn a_form_opened_before_the_database_was_replaced_never_saves() {
        let mut w = World::new();
        let mut c = FormController::new("focus");
        w.open(&mut c, None);
        type_text(&mut w, &mut c, "Keep me");
        crate::tui::form::database_replaced();
        assert!(!take_refusal());
        assert_eq!(w.key(&mut c, save()), FormStep::Handled);
        assert!(take_refusal());
        // Asked directly (as the journal's editor hand-off does), it refuses too.
        assert_eq!(c.save(&mut w.ctx()), FormStep::Handled);
        assert!(take_refusal());
        assert!(c.is_open());
        assert_eq!(title(&c), "Keep me");
        assert!(w.titles().is_empty());
        // A form opened afterwards saves as usual.
        let mut fresh = FormController::new("focus");
        w.open(&mut fresh, None);
        type_text(&mut w, &mut fresh, "New");
        assert!(matches!(w.key(&mut fresh, save()), FormStep::Saved(_)));
        assert_eq!(w.titles(), vec!["New"]);
    }
}
