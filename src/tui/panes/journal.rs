//! Journal: what was learned. A list of entries (date, star, title, tags) with the selected
//! entry's text beside it (wide) or below it (narrow); the entry form with a body of many lines
//! that can also be written in `$EDITOR`; tags and links to the skills an entry is about.
//! Finding: `/` filters by text as you type, `#` shows one tag, `s` starred entries only.

use super::common::{new_tag, render_empty, render_filter_counted, tag_options, tags_text};
use super::energy::parse_at;
use super::list::Filter;
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::db::{Error as DbError, Repo};
use crate::model::{
    Deletable, Id, Learning, LearningDraft, LearningFilter, LearningSummary, PageCount, PageDir,
    PageKey,
};
use crate::text::{fit, sanitize, sanitize_lines, truncate, width};
use crate::tui::form::controller::{Conflict, FormController, FormSpec, FormStep, FormTarget};
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

/// The journal entry form. It does not edit the star: a save keeps `starred`, which a
/// conflict updates to theirs.
struct EntryForm {
    starred: bool,
    /// Every live skill (id, name), for the picker and the conflict view: read when the
    /// form opens.
    skills: Vec<(Id, String)>,
}

impl EntryForm {
    fn read(&self, form: &Form, today: NaiveDate) -> Result<LearningDraft, DbError> {
        let at = parse_at(&form.text("at"), today).map_err(|e| DbError::invalid("at", e))?;
        Ok(LearningDraft {
            at: Some(at),
            title: form.text("title"),
            body: form.text("body"),
            starred: self.starred,
            tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
            skill_ids: form.picked("skills").into_iter().map(|o| o.id).collect(),
        })
    }

    fn lines(&self, d: &LearningDraft) -> Vec<(String, String)> {
        let skills: Vec<&str> = d
            .skill_ids
            .iter()
            .filter_map(|id| self.skills.iter().find(|(s, _)| s == id))
            .map(|(_, n)| n.as_str())
            .collect();
        vec![
            ("title".into(), d.title.clone()),
            (
                "when".into(),
                d.at.map(|a| a.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
            ),
            ("body".into(), d.body.clone()),
            ("tags".into(), d.tags.join(" ")),
            ("skills".into(), skills.join(", ")),
        ]
    }
}

impl FormSpec for EntryForm {
    type Saved = Learning;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Learning, DbError> {
        let draft = self.read(form, ctx.today)?;
        match *target {
            FormTarget::New => ctx.repo.add_learning(&draft),
            FormTarget::Edit { id, version } => ctx.repo.update_learning(id, version, &draft),
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.learning(id)?;
        let yours = self.lines(&self.read(form, ctx.today)?);
        // The form does not edit the star: overwriting keeps theirs.
        self.starred = theirs.starred;
        Ok(Conflict {
            yours,
            theirs: self.lines(&LearningDraft {
                at: Some(theirs.at),
                title: theirs.title.clone(),
                body: theirs.body.clone(),
                starred: theirs.starred,
                tags: theirs.tags.clone(),
                skill_ids: theirs.skill_ids.clone(),
            }),
            version: theirs.stamp.version,
        })
    }
}

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
            stale: true,
            preview_scroll: 0,
            preview_for: None,
        }
    }

    /// The entries held (after every filter), newest first: a window around the selection.
    pub fn shown(&self) -> impl Iterator<Item = &LearningSummary> {
        self.list.rows().iter()
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
                text: self.filter.is_active().then(|| self.filter.text.clone()),
                tag: self.tag.clone(),
                starred_only: self.starred_only,
                skill_id: None,
            },
        }
    }

    /// Reads the selected entry in full, unless it is the one already read.
    fn load_preview(&mut self, repo: &Repo, again: bool) -> crate::db::Result<()> {
        let Some(id) = self.selected().map(|l| l.id) else {
            self.preview = None;
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
            Err(e) => return Err(e),
        };
        Ok(())
    }

    /// Moves the cursor (and the window, and the preview with it).
    fn move_cursor(&mut self, nav: Nav, ctx: &mut Ctx) -> Outcome {
        let src = self.source(ctx.repo);
        let moved = self
            .list
            .apply(nav, &src)
            .and_then(|_| self.load_preview(ctx.repo, false));
        if let Err(e) = moved {
            ctx.status.error(e);
        }
        Outcome::Handled
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_open()
    }

    /// The tag filter (`#`) and whether only starred entries show (`s`).
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
            .and_then(|_| self.load_preview(ctx.repo, false));
        if let Err(e) = read {
            ctx.status.error(e);
        }
    }

    fn open_form(&mut self, ctx: &mut Ctx, entry: Option<&Learning>) -> Outcome {
        let (tags, skills) = match (ctx.repo.tags(), ctx.repo.skill_names()) {
            (Ok(t), Ok(s)) => (t, s),
            (Err(e), _) | (_, Err(e)) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let (title, target, draft, at) = match entry {
            Some(l) => (
                "Edit journal entry",
                FormTarget::Edit {
                    id: l.id,
                    version: l.stamp.version,
                },
                LearningDraft {
                    at: Some(l.at),
                    title: l.title.clone(),
                    body: l.body.clone(),
                    starred: l.starred,
                    tags: l.tags.clone(),
                    skill_ids: l.skill_ids.clone(),
                },
                l.at,
            ),
            None => (
                "New journal entry",
                FormTarget::New,
                LearningDraft::default(),
                ctx.now,
            ),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &draft.tags);
        let skill_opts: Vec<PickOption> = skills
            .iter()
            .map(|(id, name)| PickOption::new(*id, name.clone()))
            .collect();
        let form = Form::new(title, self.theme)
            .line("title", "Title", &draft.title)
            .line("at", "When", &at.format("%Y-%m-%d %H:%M").to_string())
            .multiline("body", "Body", &draft.body, 8)
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag))
            .picker("skills", "Skills", skill_opts, &draft.skill_ids, true, None);
        let spec = EntryForm {
            starred: draft.starred,
            skills,
        };
        self.editing.open(ctx, form, target, spec);
        Outcome::Handled
    }

    fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self
            .editing
            .form()
            .map(form_hints)
            .and_then(<[Context]>::first)
            == Some(&Context::JournalForm)
            && let Some(Action::JournalForm(action)) =
                keymap::resolve(&[Context::JournalForm], key).map(|b| b.action)
        {
            match action {
                JournalFormAction::ExternalEditor => {
                    self.editor = Some(EditorJob::Form);
                    return Outcome::Editor;
                }
            }
        }
        let step = self.editing.handle_key(key, ctx);
        self.form_step(step, ctx)
    }

    fn form_step(&mut self, step: FormStep<Learning>, ctx: &mut Ctx) -> Outcome {
        if let FormStep::Saved(l) = &step {
            ctx.status
                .info(format!("saved “{}”", truncate(&sanitize(&l.title), 50)));
            self.pending_select = Some(l.id);
        }
        step.outcome()
    }

    fn open_tag_picker(&mut self, ctx: &mut Ctx) -> Outcome {
        let tags = match ctx.repo.learning_tags() {
            Ok(t) => t,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        if tags.is_empty() {
            ctx.status
                .info("no journal entry has a tag yet: the entry form adds them");
            return Outcome::Handled;
        }
        let mut options = vec![PickOption::new(0, "(every tag)")];
        options.extend(tags.iter().map(|t| {
            PickOption::new(
                t.id,
                format!(
                    "{} · {} entr{}",
                    t.name,
                    t.uses,
                    if t.uses == 1 { "y" } else { "ies" }
                ),
            )
        }));
        let names: Vec<(Id, String)> = tags.into_iter().map(|t| (t.id, t.name)).collect();
        let current = self
            .tag
            .as_ref()
            .and_then(|n| names.iter().find(|(_, m)| m.eq_ignore_ascii_case(n)))
            .map_or(0, |(id, _)| *id);
        let form = Form::new("Show the entries tagged…", self.theme).picker(
            "tag",
            "Tag",
            options,
            &[current],
            false,
            None,
        );
        self.tag_picker = Some((form, names));
        Outcome::Handled
    }

    fn tag_picker_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let Some((form, names)) = self.tag_picker.as_mut() else {
            return Outcome::Ignored;
        };
        let action = keymap::resolve(form.contexts(), key).map(|b| b.action);
        if action == Some(Action::Form(FormAction::Cancel)) {
            // Choosing a filter changes nothing worth asking about.
            self.tag_picker = None;
            return Outcome::Handled;
        }
        let picking = action.is_some_and(Action::picks);
        match form.handle_key(key) {
            FormEvent::Closed => {
                self.tag_picker = None;
                return Outcome::Handled;
            }
            FormEvent::Save => {}
            _ if !picking => return Outcome::Handled,
            _ => {}
        }
        let Some(picked) = form.picked("tag").first().map(|o| o.id) else {
            return Outcome::Handled;
        };
        self.tag = names
            .iter()
            .find(|(id, _)| *id == picked)
            .map(|(_, n)| n.clone());
        self.tag_picker = None;
        match &self.tag {
            Some(t) => ctx
                .status
                .info(format!("showing entries tagged #{}", sanitize(t))),
            None => ctx.status.info("showing entries with any tag"),
        }
        self.list = PagedList::default();
        Outcome::Moved
    }

    fn toggle_star(&mut self, ctx: &mut Ctx) -> Outcome {
        let Some(l) = self.selected_entry() else {
            return Outcome::Handled;
        };
        match ctx
            .repo
            .set_learning_starred(l.id, l.stamp.version, !l.starred)
        {
            Ok(l) => {
                ctx.status.info(format!(
                    "{} “{}”",
                    if l.starred { "starred" } else { "unstarred" },
                    truncate(&sanitize(&l.title), 50)
                ));
                self.pending_select = Some(l.id);
            }
            Err(e @ DbError::Conflict { .. }) => {
                ctx.status.error(format!("{e} — reloaded, try again"));
            }
            Err(e) => ctx.status.error(e),
        }
        Outcome::Wrote
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_act(a, ctx),
            Action::FilterInput(a) => self.filter_act(a, ctx),
            Action::Journal(a) => self.journal_act(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    fn list_act(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        match action {
            ListAction::Move(nav) => self.move_cursor(nav, ctx),
            ListAction::Add => self.open_form(ctx, None),
            ListAction::Edit => match self.selected_entry().cloned() {
                Some(l) => self.open_form(ctx, Some(&l)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(l) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, what) = (
                    l.id,
                    format!("journal entry “{}”", truncate(&sanitize(&l.title), 40)),
                );
                match ctx.repo.delete(Deletable::Learning, id) {
                    Ok(()) => ctx.status.offer_undo(Deletable::Learning, id, what),
                    Err(e) => ctx.status.error(e),
                }
                Outcome::Moved
            }
            ListAction::Filter => {
                self.filter.typing = true;
                Outcome::Handled
            }
            ListAction::ClearFilter => {
                if !self.filter.is_active() && self.tag.is_none() && !self.starred_only {
                    return Outcome::Ignored;
                }
                self.filter = Filter::default();
                self.tag = None;
                self.starred_only = false;
                ctx.status.info("showing every entry");
                Outcome::Moved
            }
        }
    }

    fn filter_act(&mut self, action: FilterAction, ctx: &mut Ctx) -> Outcome {
        if self.filter.act(action) {
            self.refilter(ctx);
        }
        Outcome::Handled
    }

    fn journal_act(&mut self, action: JournalAction, ctx: &mut Ctx) -> Outcome {
        match action {
            // `/` here too, so the footer shows the three ways of finding first.
            JournalAction::Filter => self.list_act(ListAction::Filter, ctx),
            JournalAction::ToggleStar => self.toggle_star(ctx),
            JournalAction::StarredOnly => {
                self.starred_only = !self.starred_only;
                ctx.status.info(if self.starred_only {
                    "showing starred entries only (s: all)"
                } else {
                    "showing every entry"
                });
                Outcome::Wrote
            }
            JournalAction::TagFilter => self.open_tag_picker(ctx),
            JournalAction::ExternalEditor => match self.selected_entry().cloned() {
                Some(l) => {
                    self.editor = Some(EditorJob::Entry(Box::new(l)));
                    Outcome::Editor
                }
                None => {
                    ctx.status.info("no entry selected: a adds one");
                    Outcome::Handled
                }
            },
            JournalAction::PreviewDown => {
                self.preview_scroll = self.preview_scroll.saturating_add(3);
                Outcome::Handled
            }
            JournalAction::PreviewUp => {
                self.preview_scroll = self.preview_scroll.saturating_sub(3);
                Outcome::Handled
            }
        }
    }

    /// A key, before [`Pane::handle_key`] notes whether the list must be read again.
    fn key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        if self.tag_picker.is_some() {
            return self.tag_picker_key(&key, ctx);
        }
        let Some(binding) = keymap::resolve(self.hints(), &key) else {
            if self.filter.typing {
                if self.filter.type_key(&key) {
                    self.refilter(ctx);
                }
                return Outcome::Handled;
            }
            return Outcome::Ignored;
        };
        self.act(binding.action, ctx)
    }

    // ---- drawing ----------------------------------------------------------------------------

    fn header_text(&self) -> String {
        let n = self.list.total();
        let mut s = format!(
            "Journal · {} entr{}",
            self.list.total_text(),
            if n == 1 { "y" } else { "ies" }
        );
        if self.starred_only {
            s.push_str(" · ★ starred only");
        }
        if let Some(t) = &self.tag {
            s.push_str(&format!(" · #{}", sanitize(t)));
        }
        s
    }

    fn render_list(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        if rect.height == 0 {
            return;
        }
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&self.header_text(), usize::from(rect.width)).into_owned(),
                t.title(),
            )),
            Rect { height: 1, ..rect },
        );
        let mut body = Rect {
            y: rect.y + 1,
            height: rect.height - 1,
            ..rect
        };
        if (self.filter.is_active() || self.filter.typing) && body.height > 0 {
            render_filter_counted(
                frame,
                Rect { height: 1, ..body },
                &self.filter,
                &self.list.total_text(),
                self.unfiltered,
                t,
            );
            body.y += 1;
            body.height -= 1;
        }
        if self.list.is_empty() {
            let msg = if self.filter.is_active() || self.tag.is_some() || self.starred_only {
                "No entry matches the filters. Esc clears them."
            } else {
                "Nothing in the journal yet. Press a to write down what you learned."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let w = usize::from(body.width);
        let tag_w = if w >= 70 { 22 } else { 14 };
        let title_w = w.saturating_sub(2 + 11 + tag_w + 1);
        let range = self.list.window(usize::from(body.height));
        let mut lines = Vec::with_capacity(range.len());
        for row in range {
            let Some(l) = self.list.get(row) else {
                continue;
            };
            let selected = row == self.list.selected_index();
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let date_style = if l.at.date() == self.today {
                t.bold()
            } else {
                t.dim()
            };
            lines.push(Line::from(vec![
                Span::styled(if l.starred { "★ " } else { "  " }, sel(t.warning())),
                Span::styled(l.at.format("%Y-%m-%d ").to_string(), sel(date_style)),
                Span::styled(fit(&sanitize(&l.title), title_w), sel(t.plain())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&tags_text(&l.tags), tag_w), sel(t.tag())),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    fn render_preview(&mut self, frame: &mut Frame, rect: Rect, beside: bool) {
        let t = self.theme;
        let block = Block::default()
            .borders(if beside { Borders::LEFT } else { Borders::TOP })
            .border_style(t.dim());
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(1),
            ..inner
        };
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let id = self.selected().map(|l| l.id);
        if id != self.preview_for {
            self.preview_for = id;
            self.preview_scroll = 0;
        }
        let Some(Preview { entry: l, skills }) =
            self.preview.as_ref().filter(|p| Some(p.entry.id) == id)
        else {
            return;
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(if l.starred { "★ " } else { "" }, t.warning()),
            Span::styled(sanitize(&l.title).into_owned(), t.bold()),
        ])];
        lines.push(Line::from(Span::styled(
            l.at.format("%A %-d %B %Y, %H:%M").to_string(),
            t.dim(),
        )));
        if !l.tags.is_empty() {
            lines.push(Line::from(Span::styled(tags_text(&l.tags), t.tag())));
        }
        let skills: Vec<String> = skills.iter().map(|n| sanitize(n).into_owned()).collect();
        if !skills.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("skills ", t.dim()),
                Span::raw(skills.join(", ")),
            ]));
        }
        lines.push(Line::from(""));
        let w = usize::from(inner.width);
        let mut head: Vec<Line> = Vec::new();
        for line in lines {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if width(&text) <= w {
                head.push(line);
            } else {
                let style = line.spans.last().map(|s| s.style).unwrap_or_default();
                head.extend(
                    wrap(&text, w)
                        .into_iter()
                        .map(|l| Line::from(Span::styled(l, style))),
                );
            }
        }
        let mut body: Vec<Line> = Vec::new();
        if l.body.trim().is_empty() {
            body.push(Line::from(Span::styled(
                "(no text: e edits, E writes it in $EDITOR)",
                t.dim(),
            )));
        }
        for line in sanitize_lines(&l.body) {
            body.extend(wrap(&line, w).into_iter().map(Line::from));
        }
        head.extend(body);
        let total = head.len();
        let max_scroll = total.saturating_sub(usize::from(inner.height));
        self.preview_scroll = self
            .preview_scroll
            .min(u16::try_from(max_scroll).unwrap_or(u16::MAX));
        let visible: Vec<Line> = head
            .into_iter()
            .skip(usize::from(self.preview_scroll))
            .take(usize::from(inner.height))
            .collect();
        frame.render_widget(Paragraph::new(visible), inner);
    }
}

/// Wraps one line of text to `max` columns, at spaces where it can, cutting words longer
/// than a line. An empty line stays one empty line.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0;
    for word in text.split_inclusive(' ') {
        let ww = width(word);
        if cur_w + ww <= max || (cur_w + width(word.trim_end()) <= max && word.ends_with(' ')) {
            cur.push_str(word);
            cur_w += ww;
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            cur_w = 0;
        }
        // A word longer than the line is cut at the edge.
        for ch in word.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if cur_w + cw > max && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                cur_w = 0;
            }
            cur.push(ch);
            cur_w += cw;
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
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
    fn title(&self) -> &str {
        "Journal"
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
        self.editing.render(frame, area);
    }

    fn hints(&self) -> &[Context] {
        if let Some(form) = self.editing.form() {
            return form_hints(form);
        }
        if let Some((form, _)) = &self.tag_picker {
            return form.contexts();
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        &[Context::Journal, Context::List]
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) {
            return Outcome::Handled;
        }
        if let Some((form, _)) = self.tag_picker.as_mut() {
            form.paste(text);
            return Outcome::Handled;
        }
        if self.filter.typing {
            self.filter.text.push_str(&text.replace(['\n', '\r'], " "));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_at_spaces_and_cut_long_words() {
        assert_eq!(wrap("one two three", 8), vec!["one two ", "three"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert!(
            wrap("日本語のテキストです", 5)
                .iter()
                .all(|l| width(l) <= 5)
        );
        assert_eq!(wrap("a b", 1), vec!["a ", "b"]);
    }
}
