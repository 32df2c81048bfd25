//! Meetings: every meeting by day (newest day first), read a window at a time, with the
//! selected meeting beside the list. Its parts have their own files: the meeting form
//! (`meeting_form.rs`), a meeting's page with its action items (`meeting_page.rs`) and a
//! person's page (`person.rs`).

use super::actions::{ItemCols, ItemForms, ItemList, item_line};
use super::bulk::{Here, Marking, Rows};
use super::common::{render_empty, render_filter, say_jump};
use super::list::Filter;
use super::meeting_form::MeetingForm;
use super::meeting_page::{Detail, calendar_line, meeting_head};
use super::person::{PersonPage, Step};
use super::pick::{Chooser, Chosen, person_options};
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::db::{Error as DbError, Repo};
use crate::model::{ActionItem, ActionSource, Deletable, Id, Meeting, PageCount, PageDir, PageKey};
use crate::text::{fit, sanitize, sanitize_lines, truncate, width};
use crate::tui::form::controller::{FormController, FormStep};
use crate::tui::form::{FormDraft, PickOption, format_minutes};
use crate::tui::keymap::{
    self, Action, Context, DayAction, FilterAction, ListAction, MeetingDetailAction,
    MeetingsAction, Nav, PersonAction,
};
use crate::tui::paged::{PageSource, PagedList};
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::collections::HashMap;

mod keys;
mod render;
mod week;

/// What the pane shows under any page opened over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Mode {
    #[default]
    List,
    /// Meetings by day and hour, a week at a time.
    Week,
    /// The last year as a heatmap of meetings per day.
    Year,
}

/// What the pane shows over the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Meeting(Id),
    Person(Id),
}

pub struct MeetingsPane {
    theme: Theme,
    today: NaiveDate,
    /// A window of the meetings passing the filter: days newest first, a day's meetings in
    /// order of time.
    list: PagedList<Meeting>,
    filter: Filter,
    /// Every meeting, today's, and the open action items from meetings (the header).
    all: usize,
    todays: usize,
    open_total: usize,
    /// Open action items of the meetings in the window, by meeting.
    open_counts: HashMap<Id, usize>,
    /// The selected meeting's open action items (the preview), read when it is selected.
    preview_items: Option<(Id, Vec<ActionItem>)>,
    /// The calendar the selected meeting came from (the preview).
    preview_calendar: Option<(Id, crate::db::CalendarSource)>,
    /// The list must be read again (a meeting was written, or someone else wrote).
    list_stale: bool,
    /// Views over the list, the last on top; Esc goes back one.
    views: Vec<View>,
    detail: Option<Detail>,
    page: Option<PersonPage>,
    editing: FormController<MeetingForm>,
    chooser: Option<Chooser>,
    items: ItemForms,
    pending_select: Option<Id>,
    mode: Mode,
    week: week::Week,
    /// Meetings per day of the last year (the heatmap), oldest first.
    year_days: Vec<(NaiveDate, u32)>,
    /// Meetings of the list marked to change together (`V`).
    marking: Marking,
}

/// Meetings as marking sees them: tagged or deleted together.
static MEETINGS: Rows = Rows {
    one: "meeting",
    many: "meetings",
    kind: Deletable::Meeting,
    done: None,
    tag: Some(Repo::tag_meetings),
    move_to: None,
};

/// The meetings list as the repository answers it.
struct Meetings<'a> {
    repo: &'a Repo,
    text: Option<String>,
}

impl PageSource for Meetings<'_> {
    type Row = Meeting;
    fn key(row: &Meeting) -> PageKey {
        (row.starts_at, row.id)
    }
    fn id(row: &Meeting) -> Id {
        row.id
    }
    fn count(&self, key: Option<PageKey>, _cap: usize) -> crate::db::Result<PageCount> {
        let (total, before) = self.repo.meeting_count_before(self.text.as_deref(), key)?;
        Ok(PageCount {
            total,
            before,
            exact: true,
        })
    }
    fn rank(&self, key: PageKey) -> crate::db::Result<usize> {
        self.repo.meeting_rank(self.text.as_deref(), key)
    }
    fn page(
        &self,
        from: Option<PageKey>,
        dir: PageDir,
        n: usize,
    ) -> crate::db::Result<Vec<Meeting>> {
        self.repo.meeting_page(self.text.as_deref(), from, dir, n)
    }
    fn key_of(&self, id: Id) -> crate::db::Result<Option<PageKey>> {
        self.repo.meeting_key(id)
    }
}

/// The key before every meeting of `day` (the list's first row of a day is the first at or
/// after it).
fn day_start(day: NaiveDate) -> PageKey {
    (day.and_time(chrono::NaiveTime::MIN), Id::MIN)
}

/// "Ada, Bob +2" in at most `cols` columns.
fn names(people: &[crate::model::PersonRef], cols: usize) -> String {
    let all = people
        .iter()
        .map(|p| sanitize(&p.name).into_owned())
        .collect::<Vec<_>>();
    let joined = all.join(", ");
    if width(&joined) <= cols {
        return joined;
    }
    for keep in (1..all.len()).rev() {
        let s = format!("{} +{}", all[..keep].join(", "), all.len() - keep);
        if width(&s) <= cols {
            return s;
        }
    }
    truncate(&joined, cols).into_owned()
}

impl MeetingsPane {
    pub fn new(theme: Theme) -> Self {
        MeetingsPane {
            theme,
            today: NaiveDate::default(),
            list: PagedList::default(),
            filter: Filter::default(),
            all: 0,
            todays: 0,
            open_total: 0,
            open_counts: HashMap::new(),
            preview_items: None,
            preview_calendar: None,
            list_stale: true,
            views: Vec::new(),
            detail: None,
            page: None,
            editing: FormController::new(PaneId::Meetings.slug()),
            chooser: None,
            items: ItemForms::new(PaneId::Meetings, theme),
            pending_select: None,
            mode: Mode::List,
            week: week::Week::default(),
            year_days: Vec::new(),
            marking: Marking::new(PaneId::Meetings.slug()),
        }
    }

    /// The meetings held (after the filter), in order: a window around the selection.
    pub fn shown(&self) -> impl Iterator<Item = &Meeting> {
        self.list.rows().iter()
    }

    /// The meetings marked to change together, if marking (`V`) is on.
    pub fn marked(&self) -> Option<Vec<Id>> {
        self.marking.marked()
    }

    /// The action items marked on the open meeting's page, if marking (`V`) is on there.
    pub fn marked_items(&self) -> Option<Vec<Id>> {
        self.detail.as_ref().and_then(|d| d.list.marking.marked())
    }

    /// The paged list (tests check what it holds and reads).
    pub fn paged(&self) -> &PagedList<Meeting> {
        &self.list
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_open() || self.items.is_open()
    }

    /// The meeting whose page is open, if one is.
    pub fn open_meeting(&self) -> Option<Id> {
        match self.views.last() {
            Some(View::Meeting(id)) => Some(*id),
            _ => None,
        }
    }

    /// Whether the week view is shown (under any page opened from it).
    pub fn showing_week(&self) -> bool {
        self.mode == Mode::Week
    }

    /// Whether the year heatmap is shown.
    pub fn showing_year(&self) -> bool {
        self.mode == Mode::Year
    }

    /// The Monday of the week shown and the meeting selected there.
    pub fn week_shown(&self) -> (NaiveDate, Option<Id>) {
        (self.week.monday, self.week.selected().map(|m| m.id))
    }

    /// The person whose page is open, if one is.
    pub fn open_person(&self) -> Option<Id> {
        match self.views.last() {
            Some(View::Person(id)) => Some(*id),
            _ => None,
        }
    }

    /// The action items on the open meeting's page.
    pub fn detail_items(&self) -> &[ActionItem] {
        self.detail.as_ref().map_or(&[], |d| &d.list.items)
    }

    /// The selected action item on the open meeting's page.
    pub fn selected_item(&self) -> Option<&ActionItem> {
        self.detail.as_ref().and_then(|d| d.list.selected())
    }

    fn selected(&self) -> Option<&Meeting> {
        self.list.selected()
    }

    fn source<'a>(&self, repo: &'a Repo) -> Meetings<'a> {
        Meetings {
            repo,
            text: self
                .filter
                .is_active()
                .then(|| self.filter.text().to_string()),
        }
    }

    /// After the window or the selection moved: the open items of the meetings held, and
    /// the selected meeting's for the preview.
    fn read_extras(&mut self, repo: &Repo) -> crate::db::Result<()> {
        let ids: Vec<Id> = self.list.rows().iter().map(|m| m.id).collect();
        self.open_counts = repo.open_action_item_counts_for_meetings(&ids)?;
        self.preview_items = match self.selected().map(|m| m.id) {
            Some(id) if self.open_counts.contains_key(&id) => Some((
                id,
                repo.action_items_for_meeting(id)?
                    .into_iter()
                    .filter(|i| i.done_at.is_none())
                    .collect(),
            )),
            _ => None,
        };
        self.preview_calendar = match self.selected().map(|m| m.id) {
            Some(id) => repo.meeting_calendar(id)?.map(|c| (id, c)),
            None => None,
        };
        Ok(())
    }

    /// Runs a read of the list and then [`Self::read_extras`]; an error goes to the status.
    fn read(
        &mut self,
        ctx: &mut Ctx,
        f: impl FnOnce(&mut PagedList<Meeting>, &Meetings) -> crate::db::Result<()>,
    ) {
        let src = self.source(ctx.repo);
        let read = f(&mut self.list, &src).and_then(|()| self.read_extras(ctx.repo));
        if let Err(e) = read {
            ctx.status.error(e);
        }
    }

    /// The text filter changed: the list is read again (in SQL, not over rows held).
    fn refilter(&mut self, ctx: &mut Ctx) {
        let keep = self.selected().map(|m| m.id);
        self.read(ctx, |list, src| list.reload(src, keep));
    }

    /// To the first meeting of the next older (`older`) or newer day in the list.
    fn step_day(&mut self, ctx: &mut Ctx, older: bool) {
        let Some(cur) = self.selected().map(|m| m.starts_at.date()) else {
            return;
        };
        self.read(ctx, |list, src| {
            let day = if older {
                cur.pred_opt()
            } else {
                // The meeting just above this day's first is on the next newer day.
                src.page(Some(day_start(cur)), PageDir::Up, 1)?
                    .first()
                    .map(|m| m.starts_at.date())
            };
            if let Some(day) = day {
                list.seek(src, day_start(day))?;
            }
            Ok(())
        });
    }

    /// To today's first meeting, or the most recent one before today.
    fn jump_today(&mut self, ctx: &mut Ctx) {
        let today = ctx.today;
        self.read(ctx, |list, src| {
            if !list.seek(src, day_start(today))? {
                list.apply(Nav::Bottom, src)?;
            }
            Ok(())
        });
    }
}

impl Pane for MeetingsPane {
    fn history_target(&self) -> Option<super::Target> {
        // In a meeting's page, its action item under the cursor; else the meeting.
        if let Some(a) = self.selected_item() {
            return Some(super::Target::ActionItem {
                id: a.id,
                meeting_id: None,
            });
        }
        self.selected().map(|m| super::Target::Meeting { id: m.id })
    }

    fn title(&self) -> &str {
        "Meetings"
    }

    fn dated(&self) -> bool {
        true
    }

    fn jump_to_date(&mut self, day: NaiveDate, ctx: &mut Ctx) -> Option<Outcome> {
        // The list under any open meeting or person is what moves: show it.
        self.views.clear();
        self.detail = None;
        self.page = None;
        let mut found = false;
        self.read(ctx, |list, src| {
            found = list.seek(src, day_start(day))?;
            Ok(())
        });
        let landed = found
            .then(|| self.selected().map(|m| m.starts_at.date()))
            .flatten()
            .filter(|d| *d <= day);
        say_jump(ctx.status, "meetings", day, landed);
        Some(Outcome::Handled)
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        if self.list_stale || self.pending_select.is_some() {
            let src = self.source(repo);
            self.list.reload(&src, self.pending_select.take())?;
            if self.list_stale {
                self.all = match src.text {
                    Some(_) => repo.meeting_count(None)?,
                    None => self.list.total(),
                };
                self.todays = repo.meeting_count_on(self.today)?;
            }
            self.list_stale = false;
        }
        match self.mode {
            Mode::Week => {
                let keep = self.week.selected().map(|m| m.id);
                let now = repo.clock().now();
                self.week = week::Week::load(repo, self.week.monday, keep, now)?;
            }
            Mode::Year => self.read_year(repo)?,
            Mode::List => {}
        }
        // Action items change from the pages over the list without the list changing.
        self.open_total = repo.open_meeting_action_item_count()?;
        self.read_extras(repo)?;
        // The view on top, dropping views whose row is gone.
        while let Some(view) = self.views.last().copied() {
            let found = match view {
                View::Meeting(id) => self.load_detail(repo, id)?,
                View::Person(id) => self.load_person(repo, id)?,
            };
            if found {
                break;
            }
            self.views.pop();
        }
        if self.views.is_empty() {
            self.detail = None;
            self.page = None;
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
            self.list_stale |= outcome == Outcome::Wrote;
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
                    self.push(View::Person(o.id))
                }
            };
        }
        if let Some(d) = self.detail.as_mut().filter(|d| d.attached.is_open())
            && matches!(self.views.last(), Some(View::Meeting(_)))
        {
            return d.attached.handle_key(&key, ctx);
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
        match self.views.last() {
            Some(View::Meeting(_)) => self.detail_act(binding.action, ctx),
            Some(View::Person(_)) => self.person_act(binding.action, ctx),
            None if self.mode == Mode::Week => self.week_act(binding.action, ctx),
            None if self.mode == Mode::Year => self.year_act(binding.action),
            None => self.list_act(binding.action, ctx),
        }
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        match self.views.last() {
            Some(View::Meeting(_)) => self.render_detail(frame, area),
            Some(View::Person(_)) => self.render_person(frame, area),
            None if self.mode == Mode::Week => self.render_week(frame, area),
            None if self.mode == Mode::Year => self.render_year(frame, area),
            None if area.width >= 110 => {
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
            }
            None => self.render_list(frame, area),
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
        let items_marking = self.detail.as_ref().is_some_and(|d| d.list.marking.on());
        match self.views.last() {
            Some(View::Meeting(_)) => {
                match self.detail.as_ref().and_then(|d| d.attached.contexts()) {
                    Some(modal) => modal,
                    None if items_marking => &[
                        Context::Selecting,
                        Context::ActionItems,
                        Context::MeetingDetail,
                    ],
                    // Attachments last: the page's own keys keep the front of the footer.
                    None => &[
                        Context::ActionItems,
                        Context::MeetingDetail,
                        Context::Selectable,
                        Context::Attachments,
                    ],
                }
            }
            Some(View::Person(_)) => &[Context::PersonView, Context::ActionItems],
            None if self.mode == Mode::Week => &[Context::MeetingsWeek],
            None if self.mode == Mode::Year => &[Context::Year],
            None if self.filter.typing => &[Context::FilterInput],
            None if self.marking.on() => &[
                Context::Selecting,
                Context::Meetings,
                Context::Dated,
                Context::List,
            ],
            None => &[
                Context::Meetings,
                Context::Dated,
                Context::List,
                Context::Selectable,
            ],
        }
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
        if let Some(d) = self.detail.as_mut()
            && matches!(self.views.last(), Some(View::Meeting(_)))
            && d.attached.paste(text)
        {
            return Outcome::Handled;
        }
        if self.views.is_empty() && self.filter.typing {
            self.filter.paste(text);
            self.refilter(ctx);
            return Outcome::Handled;
        }
        Outcome::Ignored
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
        self.list_stale = true;
    }

    fn take_draft(&mut self) -> Option<FormDraft> {
        if let Some(d) = self.items.take_draft() {
            return Some(d);
        }
        self.editing.take_draft()
    }

    fn select(&mut self, target: Target) -> bool {
        let (meeting, item) = match target {
            Target::Meeting { id } => (id, None),
            Target::ActionItem {
                id,
                meeting_id: Some(m),
            } => (m, Some(id)),
            _ => return false,
        };
        self.editing.close();
        self.chooser = None;
        self.marking.finish();
        self.filter = Filter::default();
        self.views = vec![View::Meeting(meeting)];
        self.pending_select = Some(meeting);
        self.list_stale = true;
        if item.is_some() {
            self.items.saved = item;
        }
        true
    }
}
