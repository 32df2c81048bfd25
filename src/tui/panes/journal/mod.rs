//! Journal: what was learned. A list of entries (date, star, title, tags) with the selected
//! entry's text beside it (wide) or below it (narrow); the entry form with a body of many lines
//! that can also be written in `$EDITOR`; tags and links to the skills an entry is about.
//! Finding: `/` filters by text as you type, `#` shows one tag, `v` starred entries only.

use super::bulk::{Here, Marking, Rows, Step};
use super::common::{
    end_of_day_key, new_tag, render_empty, render_filter_counted, say_jump, tag_options, tags_text,
};
use super::list::Filter;
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::db::{Error as DbError, Repo};
use crate::model::{
    AttachOwner, Deletable, Id, Learning, LearningDraft, LearningFilter, LearningSummary,
    PageCount, PageDir, PageKey,
};
use crate::text::{fit, sanitize, sanitize_lines, truncate, width};
use crate::tui::attach::Attached;
use crate::tui::form::controller::{FormController, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft, FormEvent, PickOption};
use crate::tui::keymap::{
    self, Action, Context, FilterAction, FormAction, JournalAction, JournalFormAction, ListAction,
    Nav,
};
use crate::tui::paged::{PageSource, PagedList};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// From this width on, the preview goes beside the list.
const SIDE_BY_SIDE: u16 = 110;

mod keys;
mod render;
mod spec;
#[cfg(test)]
mod tests;

use spec::EntryForm;

/// What the text handed to `$EDITOR` is for.
enum EditorJob {
    /// The body field of the open form.
    Form,
    /// An entry's body, saved straight away (from the list), as it was when `E` was pressed.
    Entry(Box<Learning>),
}

/// The journal list as the repository answers it: entries passing every filter, newest first.
struct Entries<'a> {
    repo: &'a Repo,
    filter: LearningFilter,
}

impl PageSource for Entries<'_> {
    type Row = LearningSummary;
    fn key(row: &LearningSummary) -> PageKey {
        (row.at, row.id)
    }
    fn id(row: &LearningSummary) -> Id {
        row.id
    }
    fn count(&self, key: Option<PageKey>, cap: usize) -> crate::db::Result<PageCount> {
        self.repo.learning_count_capped(&self.filter, key, cap)
    }
    fn rank(&self, key: PageKey) -> crate::db::Result<usize> {
        self.repo.learning_rank(&self.filter, key)
    }
    fn page(
        &self,
        from: Option<PageKey>,
        dir: PageDir,
        n: usize,
    ) -> crate::db::Result<Vec<LearningSummary>> {
        self.repo.learning_page(&self.filter, from, dir, n)
    }
    fn key_of(&self, id: Id) -> crate::db::Result<Option<PageKey>> {
        self.repo.learning_key(id)
    }
}

/// The selected entry in full, read when it is selected.
struct Preview {
    entry: Learning,
    /// Its live skills' names.
    skills: Vec<String>,
}

/// Journal entries as marking sees them: tagged or deleted together.
static ENTRIES: Rows = Rows {
    one: "entry",
    many: "journal entries",
    kind: Deletable::Learning,
    done: None,
    tag: Some(Repo::tag_learnings),
    move_to: None,
};

pub struct JournalPane {
    theme: Theme,
    today: NaiveDate,
    /// A window of the entries passing every filter, newest first.
    list: PagedList<LearningSummary>,
    /// Entries passing the tag and starred filters (the text filter's "of n").
    unfiltered: usize,
    preview: Option<Preview>,
    filter: Filter,
    tag: Option<String>,
    starred_only: bool,
    editing: FormController<EntryForm>,
    /// The "show one tag" picker and the tag names behind its options.
    tag_picker: Option<(Form, Vec<(Id, String)>)>,
    editor: Option<EditorJob>,
    pending_select: Option<Id>,
    /// Entries marked to delete together (`v`).
    marking: Marking,
    /// The selected entry's attachments, read with its preview.
    attached: Attached,
    /// The list must be read again: this pane wrote or changed its filters, or the app said
    /// the data changed. A pane switch alone reads nothing.
    stale: bool,
    preview_scroll: u16,
    /// The entry the preview was scrolled for (the scroll resets on another).
    preview_for: Option<Id>,
}

impl JournalPane {
    pub fn new(theme: Theme) -> Self {
        JournalPane {
            theme,
            today: NaiveDate::default(),
            list: PagedList::default(),
            unfiltered: 0,
            preview: None,
            filter: Filter::default(),
            tag: None,
            starred_only: false,
            editing: FormController::new(PaneId::Journal.slug()),
            tag_picker: None,
            editor: None,
            pending_select: None,
            marking: Marking::new(PaneId::Journal.slug()),
            attached: Attached::default(),
            stale: true,
            preview_scroll: 0,
            preview_for: None,
        }
    }

    /// The entries held (after every filter), newest first: a window around the selection.
    pub fn shown(&self) -> impl Iterator<Item = &LearningSummary> {
        self.list.rows().iter()
    }

    /// The entries marked to change together, if marking (`V`) is on.
    pub fn marked(&self) -> Option<Vec<Id>> {
        self.marking.marked()
    }

    pub fn selected(&self) -> Option<&LearningSummary> {
        self.list.selected()
    }

    /// The paged list (tests check what it holds and reads).
    pub fn paged(&self) -> &PagedList<LearningSummary> {
        &self.list
    }

    /// The selected entry in full (as the preview shows it).
    fn selected_entry(&self) -> Option<&Learning> {
        let id = self.selected()?.id;
        self.preview
            .as_ref()
            .map(|p| &p.entry)
            .filter(|e| e.id == id)
    }

    fn source<'a>(&self, repo: &'a Repo) -> Entries<'a> {
        Entries {
            repo,
            filter: LearningFilter {
                text: self
                    .filter
                    .is_active()
                    .then(|| self.filter.text().to_string()),
                tag: self.tag.clone(),
                starred_only: self.starred_only,
                skill_id: None,
            },
        }
    }

    /// Reads the selected entry in full, with its attachments (one indexed query), unless it
    /// is the one already read.
    fn load_preview(&mut self, repo: &Repo, again: bool) -> anyhow::Result<()> {
        let Some(id) = self.selected().map(|l| l.id) else {
            self.preview = None;
            self.attached = Attached::default();
            return Ok(());
        };
        if !again && self.preview.as_ref().is_some_and(|p| p.entry.id == id) {
            return Ok(());
        }
        self.preview = match repo.learning(id) {
            Ok(entry) => Some(Preview {
                entry,
                skills: repo
                    .skill_names_for_learning(id)?
                    .into_iter()
                    .map(|(_, n)| n)
                    .collect(),
            }),
            Err(DbError::NotFound { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        match self.preview {
            Some(_) => self.attached.load(repo, AttachOwner::Learning, id)?,
            None => self.attached = Attached::default(),
        }
        Ok(())
    }

    /// Moves the cursor (and the window, and the preview with it).
    fn move_cursor(&mut self, nav: Nav, ctx: &mut Ctx) -> Outcome {
        let src = self.source(ctx.repo);
        let moved = self
            .list
            .apply(nav, &src)
            .map_err(anyhow::Error::from)
            .and_then(|_| self.load_preview(ctx.repo, false));
        if let Err(e) = moved {
            ctx.status.error(format!("{e:#}"));
        }
        Outcome::Handled
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_open()
    }

    /// The tag filter (`#`) and whether only starred entries show (`v`).
    pub fn filters(&self) -> (Option<&str>, bool) {
        (self.tag.as_deref(), self.starred_only)
    }

    /// The open form's body, as typed (tests).
    pub fn form_body(&self) -> Option<String> {
        self.editing.form().map(|f| f.text("body"))
    }

    /// The text filter changed: the list is read again (in SQL, not over rows held).
    fn refilter(&mut self, ctx: &mut Ctx) {
        let keep = self.selected().map(|l| l.id);
        let src = self.source(ctx.repo);
        let read = self
            .list
            .reload(&src, keep)
            .map_err(anyhow::Error::from)
            .and_then(|_| self.load_preview(ctx.repo, false));
        if let Err(e) = read {
            ctx.status.error(format!("{e:#}"));
        }
    }
}

/// The keymap contexts of a journal form: the form's own, with `$EDITOR` in front while a
/// field is being edited.
fn form_hints(form: &Form) -> &'static [Context] {
    match form.contexts() {
        [Context::FormLine, Context::Form] => {
            &[Context::JournalForm, Context::FormLine, Context::Form]
        }
        [Context::Picker, Context::Form] => &[Context::JournalForm, Context::Picker, Context::Form],
        [Context::Form] => &[Context::JournalForm, Context::Form],
        other => other,
    }
}

impl Pane for JournalPane {
    fn history_target(&self) -> Option<super::Target> {
        self.selected()
            .map(|l| super::Target::Learning { id: l.id })
    }

    fn title(&self) -> &str {
        "Journal"
    }

    fn dated(&self) -> bool {
        true
    }

    fn jump_to_date(&mut self, day: NaiveDate, ctx: &mut Ctx) -> Option<Outcome> {
        let src = self.source(ctx.repo);
        let moved = self.list.seek(&src, end_of_day_key(day));
        match moved {
            Ok(true) => {
                if let Err(e) = self.load_preview(ctx.repo, false) {
                    ctx.status.error(e);
                }
                let landed = self.selected().map(|l| l.at.date());
                say_jump(ctx.status, "journal entries", day, landed);
            }
            Ok(false) => say_jump(ctx.status, "journal entries", day, None),
            Err(e) => ctx.status.error(e),
        }
        Some(Outcome::Handled)
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        if !self.stale && self.pending_select.is_none() {
            return Ok(());
        }
        self.stale = false;
        let keep = self.pending_select.take();
        let src = self.source(repo);
        self.list.reload(&src, keep)?;
        self.unfiltered = if src.filter.text.is_some() {
            repo.learning_count(&LearningFilter {
                text: None,
                ..src.filter
            })?
        } else {
            self.list.total()
        };
        self.load_preview(repo, true)?;
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        let outcome = self.key(key, ctx);
        self.stale |= matches!(outcome, Outcome::Wrote | Outcome::Moved);
        outcome
    }

    fn database_replaced(&mut self) -> bool {
        // Marked rows are ids of the old database.
        self.marking.replaced()
    }

    fn data_changed(&mut self) {
        self.stale = true;
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        if area.width >= SIDE_BY_SIDE {
            let list_w = area.width * 55 / 100;
            self.render_list(
                frame,
                Rect {
                    width: list_w,
                    ..area
                },
            );
            self.render_preview(
                frame,
                Rect {
                    x: area.x + list_w + 1,
                    width: area.width - list_w - 1,
                    ..area
                },
                true,
            );
        } else {
            let list_h = (area.height * 45 / 100).max(5).min(area.height);
            self.render_list(
                frame,
                Rect {
                    height: list_h,
                    ..area
                },
            );
            if area.height > list_h {
                self.render_preview(
                    frame,
                    Rect {
                        y: area.y + list_h,
                        height: area.height - list_h,
                        ..area
                    },
                    false,
                );
            }
        }
        if let Some((form, _)) = self.tag_picker.as_mut() {
            form.render(frame, area);
        }
        self.attached.render_prompt(frame, area, self.theme);
        self.editing.render(frame, area);
        self.marking.render_prompt(frame, area);
    }

    fn hints(&self) -> &[Context] {
        if let Some(form) = self.editing.form() {
            return form_hints(form);
        }
        if let Some(contexts) = self.marking.prompt_contexts() {
            return contexts;
        }
        if let Some((form, _)) = &self.tag_picker {
            return form.contexts();
        }
        if let Some(contexts) = self.attached.contexts() {
            return contexts;
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        if self.marking.on() {
            return &[Context::Selecting, Context::Journal, Context::List];
        }
        // Attachments last: the journal's own keys keep the front of the footer.
        &[
            Context::Journal,
            Context::List,
            Context::Selectable,
            Context::Attachments,
        ]
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) || self.marking.paste(text) || self.attached.paste(text) {
            return Outcome::Handled;
        }
        if let Some((form, _)) = self.tag_picker.as_mut() {
            form.paste(text);
            return Outcome::Handled;
        }
        if self.filter.typing {
            self.filter.paste(text);
            self.refilter(ctx);
            return Outcome::Handled;
        }
        Outcome::Ignored
    }

    fn take_draft(&mut self) -> Option<FormDraft> {
        self.editing.take_draft()
    }

    fn select(&mut self, target: Target) -> bool {
        let Target::Learning { id } = target else {
            return false;
        };
        self.filter = Filter::default();
        self.tag = None;
        self.starred_only = false;
        self.tag_picker = None;
        self.pending_select = Some(id);
        true
    }

    fn editor_text(&self) -> Option<String> {
        match self.editor.as_ref()? {
            EditorJob::Form => self.editing.form().map(|f| f.text("body")),
            EditorJob::Entry(l) => Some(l.body.clone()),
        }
    }

    fn editor_done(&mut self, result: Result<String, String>, ctx: &mut Ctx) -> Outcome {
        self.stale = true;
        let Some(job) = self.editor.take() else {
            return Outcome::Handled;
        };
        let text = match result {
            Ok(t) => t,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        match job {
            EditorJob::Form => {
                if let Some(form) = self.editing.form_mut() {
                    form.set_text("body", &text);
                    ctx.status
                        .info("the body is back from the editor: Ctrl-S saves the entry");
                }
                Outcome::Handled
            }
            EditorJob::Entry(l) => {
                if text == l.body {
                    ctx.status.info("the body is unchanged");
                    return Outcome::Handled;
                }
                let draft = LearningDraft {
                    at: None,
                    title: l.title.clone(),
                    body: text.clone(),
                    starred: l.starred,
                    tags: l.tags.clone(),
                    skill_ids: l.skill_ids.clone(),
                };
                match ctx.repo.update_learning(l.id, l.stamp.version, &draft) {
                    Ok(saved) => {
                        ctx.status.info(format!(
                            "saved the text of “{}”",
                            truncate(&sanitize(&saved.title), 50)
                        ));
                        self.pending_select = Some(saved.id);
                        Outcome::Wrote
                    }
                    Err(e) => {
                        // Nothing typed is lost: the edit opens as a form, showing what
                        // went wrong (for a stale save, both versions side by side).
                        self.open_form(ctx, Some(&l));
                        if let Some(form) = self.editing.form_mut() {
                            form.set_text("body", &text);
                        }
                        if matches!(e, DbError::Conflict { .. }) {
                            let step = self.editing.save(ctx);
                            self.form_step(step, ctx)
                        } else {
                            if let Some(form) = self.editing.form_mut() {
                                form.show_error(&e);
                            }
                            Outcome::Handled
                        }
                    }
                }
            }
        }
    }
}
