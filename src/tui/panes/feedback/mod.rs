//! Feedback given and received: the list newest first (narrowed by direction, by person and by
//! a `/` filter), the form (person with create-new, kind, the meeting it came from), and a
//! piece of feedback's page with its action items — the same list as a meeting's.

use super::actions::{ItemForms, ItemList, split_text_and_items};
use super::bulk::{Here, Marking, Rows};
use super::common::{
    end_of_day_key, new_tag, render_empty, render_filter_counted, say_jump, tag_options, tags_text,
};
use super::list::Filter;
use super::pick::{Chooser, Chosen, NONE_ID, new_person, person_options, short_day};
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::db::{Error as DbError, Repo};
use crate::model::{
    ActionSource, Deletable, Direction, Feedback, FeedbackDraft, FeedbackFilter, FeedbackKind, Id,
    Meeting, PageCount, PageDir, PageKey,
};
use crate::text::{fit, sanitize, sanitize_lines, truncate};
use crate::tui::form::controller::{FormController, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft, PickOption};
use crate::tui::keymap::{
    self, Action, Context, FeedbackAction, FeedbackDetailAction, FilterAction, ListAction,
};
use crate::tui::paged::{PageSource, PagedList};
use crate::tui::theme::Theme;
use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::collections::HashMap;

/// How far back the meeting picker of the form looks.
const MEETING_PICKER_DAYS: u64 = 120;

mod keys;
mod render;
mod spec;

use spec::FeedbackForm;

struct Detail {
    feedback: Feedback,
    meeting: Option<Meeting>,
    list: ItemList,
}

/// The feedback list as the repository answers it: newest first, narrowed in SQL.
struct Source<'a> {
    repo: &'a Repo,
    filter: FeedbackFilter,
}

impl PageSource for Source<'_> {
    type Row = Feedback;
    fn key(row: &Feedback) -> PageKey {
        (row.day.and_time(chrono::NaiveTime::MIN), row.id)
    }
    fn id(row: &Feedback) -> Id {
        row.id
    }
    fn count(&self, key: Option<PageKey>, cap: usize) -> crate::db::Result<PageCount> {
        self.repo.feedback_count_before(&self.filter, key, cap)
    }
    fn rank(&self, key: PageKey) -> crate::db::Result<usize> {
        self.repo.feedback_rank(&self.filter, key)
    }
    fn page(
        &self,
        from: Option<PageKey>,
        dir: PageDir,
        n: usize,
    ) -> crate::db::Result<Vec<Feedback>> {
        self.repo.feedback_page(&self.filter, from, dir, n)
    }
    fn key_of(&self, id: Id) -> crate::db::Result<Option<PageKey>> {
        self.repo.feedback_key(id)
    }
}

pub struct FeedbackPane {
    theme: Theme,
    today: NaiveDate,
    /// A window of the feedback passing every filter, newest first.
    list: PagedList<Feedback>,
    /// Feedback narrowed by `direction` and `person` (not the text), and how much of it was
    /// given: the header and the filter's "of n".
    all: usize,
    given: usize,
    filter: Filter,
    direction: Option<Direction>,
    person: Option<(Id, String)>,
    /// Open action items of the feedback in the window.
    open_counts: HashMap<Id, usize>,
    /// The list must be read again: this pane wrote or changed its narrowing, or the app said
    /// the data changed. A pane switch alone reads nothing.
    stale: bool,
    detail: Option<Detail>,
    /// The attachments of the feedback whose page is open.
    attached: crate::tui::attach::Attached,
    /// Whose page is open (kept while a reload fetches it).
    open_id: Option<Id>,
    editing: FormController<FeedbackForm>,
    chooser: Option<Chooser>,
    items: ItemForms,
    pending_select: Option<Id>,
    /// Feedback of the list marked to change together (`V`).
    marking: Marking,
}

/// Feedback as marking sees it: tagged or deleted together.
static FEEDBACK: Rows = Rows {
    one: "feedback",
    many: "feedback",
    kind: Deletable::Feedback,
    done: None,
    tag: Some(Repo::tag_feedback),
    move_to: None,
};

fn kind_options() -> Vec<PickOption> {
    FeedbackKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| PickOption::new(i as i64 + 1, k.label()))
        .collect()
}

fn kind_id(k: FeedbackKind) -> i64 {
    FeedbackKind::ALL
        .iter()
        .position(|x| *x == k)
        .map_or(1, |i| i as i64 + 1)
}

fn direction_options() -> Vec<PickOption> {
    vec![PickOption::new(1, "given"), PickOption::new(2, "received")]
}

fn arrow(d: Direction) -> &'static str {
    match d {
        Direction::Given => "→ given",
        Direction::Received => "← received",
    }
}

fn meeting_label(m: &Meeting, today: NaiveDate) -> String {
    let who = m
        .attendees
        .iter()
        .map(|p| p.name.as_str())
        .take(3)
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} {} · {}{}",
        short_day(m.starts_at.date(), today),
        m.starts_at.format("%H:%M"),
        m.title,
        if who.is_empty() {
            String::new()
        } else {
            format!(" · {who}")
        }
    )
}

impl FeedbackPane {
    pub fn new(theme: Theme) -> Self {
        FeedbackPane {
            theme,
            today: NaiveDate::default(),
            list: PagedList::default(),
            all: 0,
            given: 0,
            filter: Filter::default(),
            direction: None,
            person: None,
            open_counts: HashMap::new(),
            stale: true,
            detail: None,
            attached: Default::default(),
            open_id: None,
            editing: FormController::new(PaneId::Feedback.slug()),
            chooser: None,
            items: ItemForms::new(PaneId::Feedback, theme),
            pending_select: None,
            marking: Marking::new(PaneId::Feedback.slug()),
        }
    }

    /// The feedback held (after every filter), newest first: a window around the selection.
    pub fn shown(&self) -> impl Iterator<Item = &Feedback> {
        self.list.rows().iter()
    }

    /// The paged list (tests check what it holds and reads).
    pub fn paged(&self) -> &PagedList<Feedback> {
        &self.list
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_open() || self.items.is_open()
    }

    /// The direction shown (`None`: both).
    pub fn direction(&self) -> Option<Direction> {
        self.direction
    }

    /// The person the list is narrowed to.
    pub fn person(&self) -> Option<Id> {
        self.person.as_ref().map(|(id, _)| *id)
    }

    /// The piece of feedback whose page is open.
    pub fn open_feedback(&self) -> Option<&Feedback> {
        self.detail.as_ref().map(|d| &d.feedback)
    }

    /// The feedback marked to change together, if marking (`V`) is on.
    pub fn marked(&self) -> Option<Vec<Id>> {
        self.marking.marked()
    }

    fn selected(&self) -> Option<&Feedback> {
        self.list.selected()
    }

    fn source<'a>(&self, repo: &'a Repo) -> Source<'a> {
        Source {
            repo,
            filter: FeedbackFilter {
                direction: self.direction,
                person_id: self.person(),
                text: self
                    .filter
                    .is_active()
                    .then(|| self.filter.text().to_string()),
            },
        }
    }

    /// Runs a read of the list, then reads the open items of the feedback held; an error
    /// goes to the status line.
    fn read(
        &mut self,
        ctx: &mut Ctx,
        f: impl FnOnce(&mut PagedList<Feedback>, &Source) -> crate::db::Result<()>,
    ) {
        let src = self.source(ctx.repo);
        let read = f(&mut self.list, &src).and_then(|()| self.read_open_counts(ctx.repo));
        if let Err(e) = read {
            ctx.status.error(e);
        }
    }

    fn read_open_counts(&mut self, repo: &Repo) -> crate::db::Result<()> {
        let ids: Vec<Id> = self.list.rows().iter().map(|f| f.id).collect();
        self.open_counts = repo.open_action_item_counts_for_feedback(&ids)?;
        Ok(())
    }

    /// The text filter changed: the list is read again (in SQL, not over rows held).
    fn refilter(&mut self, ctx: &mut Ctx) {
        let keep = self.selected().map(|f| f.id);
        self.read(ctx, |list, src| list.reload(src, keep));
    }
}

impl Pane for FeedbackPane {
    fn history_target(&self) -> Option<super::Target> {
        self.selected()
            .map(|f| super::Target::Feedback { id: f.id })
    }

    fn title(&self) -> &str {
        "Feedback"
    }

    fn dated(&self) -> bool {
        true
    }

    fn jump_to_date(&mut self, day: NaiveDate, ctx: &mut Ctx) -> Option<Outcome> {
        self.detail = None;
        let mut found = false;
        self.read(ctx, |list, src| {
            found = list.seek(src, end_of_day_key(day))?;
            Ok(())
        });
        let landed = found.then(|| self.selected().map(|f| f.day)).flatten();
        say_jump(ctx.status, "feedback", day, landed);
        Some(Outcome::Handled)
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        if self.stale || self.pending_select.is_some() {
            self.stale = false;
            let src = self.source(repo);
            self.list.reload(&src, self.pending_select.take())?;
            (self.all, self.given) = repo.feedback_counts(&src.filter)?;
        }
        // Action items change from the feedback's page without the list changing.
        self.read_open_counts(repo)?;
        match self.open_id {
            Some(id) => {
                if self.load_detail(repo, id)? {
                    self.attached
                        .load(repo, crate::model::AttachOwner::Feedback, id)?;
                } else {
                    self.open_id = None;
                    self.detail = None;
                }
            }
            None => self.detail = None,
        }
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        if self.items.is_open() {
            return self.items.handle_key(&key, ctx);
        }
        if let Some(outcome) = self.marking.prompt_key(&key, ctx) {
            self.stale |= outcome == Outcome::Wrote;
            return outcome;
        }
        if let Some(ch) = self.chooser.as_mut() {
            return match ch.handle_key(&key) {
                Chosen::No => Outcome::Handled,
                Chosen::Cancelled => {
                    self.chooser = None;
                    Outcome::Handled
                }
                Chosen::Picked(o) => {
                    self.chooser = None;
                    self.person = (o.id != NONE_ID).then_some((o.id, o.label));
                    self.list = PagedList::default();
                    self.stale = true;
                    Outcome::Moved
                }
            };
        }
        if self.detail.is_some() && self.attached.is_open() {
            return self.attached.handle_key(&key, ctx);
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
        if self.detail.is_some() {
            self.detail_act(binding.action, ctx)
        } else {
            self.list_act(binding.action, ctx)
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        if self.detail.is_some() {
            self.render_detail(frame, area);
            self.attached.render_prompt(frame, area, self.theme);
        } else if area.width >= 110 {
            let preview_w = area.width * 35 / 100;
            let list = Rect {
                width: area.width - preview_w - 1,
                ..area
            };
            let preview = Rect {
                x: area.x + area.width - preview_w,
                width: preview_w,
                ..area
            };
            self.render_list(frame, list);
            self.render_preview(frame, preview);
        } else {
            self.render_list(frame, area);
        }
        if let Some(ch) = self.chooser.as_mut() {
            ch.form.render(frame, area);
        }
        self.items.render(frame, area);
        self.editing.render(frame, area);
        self.marking.render_prompt(frame, area);
    }

    fn hints(&self) -> &[Context] {
        if let Some(contexts) = self.editing.contexts() {
            return contexts;
        }
        if let Some(c) = self.items.contexts() {
            return c;
        }
        if let Some(c) = self.marking.prompt_contexts() {
            return c;
        }
        if let Some(ch) = &self.chooser {
            return ch.form.contexts();
        }
        if let Some(d) = &self.detail {
            if let Some(modal) = self.attached.contexts() {
                return modal;
            }
            if d.list.marking.on() {
                return &[
                    Context::Selecting,
                    Context::ActionItems,
                    Context::FeedbackDetail,
                ];
            }
            // Attachments last: the page's own keys keep the front of the footer.
            return &[
                Context::ActionItems,
                Context::FeedbackDetail,
                Context::Selectable,
                Context::Attachments,
            ];
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        if self.marking.on() {
            return &[Context::Selecting, Context::Feedback, Context::List];
        }
        &[Context::Feedback, Context::List, Context::Selectable]
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) || self.marking.paste(text) {
            return Outcome::Handled;
        }
        if self.items.is_open() {
            self.items.paste(text);
            return Outcome::Handled;
        }
        if let Some(ch) = self.chooser.as_mut() {
            ch.form.paste(text);
            return Outcome::Handled;
        }
        if self.detail.is_some() && self.attached.paste(text) {
            return Outcome::Handled;
        }
        if self.detail.is_none() && self.filter.typing {
            self.filter.paste(text);
            self.refilter(ctx);
            return Outcome::Handled;
        }
        Outcome::Ignored
    }

    fn take_draft(&mut self) -> Option<FormDraft> {
        if let Some(d) = self.items.take_draft() {
            return Some(d);
        }
        self.editing.take_draft()
    }

    fn select(&mut self, target: Target) -> bool {
        let Target::Feedback { id } = target else {
            return false;
        };
        self.editing.close();
        self.chooser = None;
        self.marking.finish();
        self.filter = Filter::default();
        self.direction = None;
        self.person = None;
        self.open_id = Some(id);
        self.pending_select = Some(id);
        self.stale = true;
        true
    }

    fn database_replaced(&mut self) -> bool {
        // Marked rows are ids of the old database.
        let items = self
            .detail
            .as_mut()
            .is_some_and(|d| d.list.marking.replaced());
        self.marking.replaced() | items
    }

    fn data_changed(&mut self) {
        self.stale = true;
    }
}
