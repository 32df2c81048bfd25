//! Feedback given and received: the list newest first (narrowed by direction, by person and by
//! a `/` filter), the form (person with create-new, kind, the meeting it came from), and a
//! piece of feedback's page with its action items — the same list as a meeting's.

use super::actions::{ItemForms, ItemList, split_text_and_items};
use super::common::{new_tag, render_empty, render_filter_counted, tag_options, tags_text};
use super::list::Filter;
use super::pick::{
    Chooser, Chosen, NONE_ID, new_person, parse_day, person_options, resolve_people, short_day,
};
use super::{Ctx, Outcome, Pane, PaneId, Target};
use crate::dates::Lean;
use crate::db::{Error as DbError, Repo};
use crate::model::{
    ActionSource, Deletable, Direction, Feedback, FeedbackDraft, FeedbackFilter, FeedbackKind, Id,
    Meeting, PageCount, PageDir, PageKey,
};
use crate::text::{fit, sanitize, sanitize_lines, truncate};
use crate::tui::form::controller::{Conflict, FormController, FormSpec, FormStep, FormTarget};
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
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::collections::HashMap;

/// How far back the meeting picker of the form looks.
const MEETING_PICKER_DAYS: u64 = 120;

/// The feedback form.
struct FeedbackForm;

impl FormSpec for FeedbackForm {
    type Saved = Feedback;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Feedback, DbError> {
        let (mut draft, person) = read_form(form, ctx.today)?;
        ctx.repo.in_transaction(|r| {
            draft.person_id = resolve_people(r, &person)?
                .first()
                .copied()
                .unwrap_or(NONE_ID);
            match *target {
                FormTarget::New => r.add_feedback(&draft),
                FormTarget::Edit { id, version } => r.update_feedback(id, version, &draft),
            }
        })
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.feedback_item(id)?;
        let (draft, person) = read_form(form, ctx.today)?;
        let who = person.first().map(|o| o.label.clone()).unwrap_or_default();
        Ok(Conflict {
            yours: feedback_lines(&draft, &who),
            theirs: feedback_lines(
                &FeedbackDraft {
                    direction: theirs.direction,
                    person_id: theirs.person.id,
                    day: theirs.day,
                    kind: theirs.kind,
                    content: theirs.content.clone(),
                    meeting_id: theirs.meeting_id,
                    tags: theirs.tags.clone(),
                },
                &theirs.person.name,
            ),
            version: theirs.stamp.version,
        })
    }
}

/// The form's values, with the person as picked (a new name is created on save).
fn read_form(form: &Form, today: NaiveDate) -> Result<(FeedbackDraft, Vec<PickOption>), DbError> {
    let day = parse_day(&form.text("day"), today, "day", Lean::Past)
        .map_err(|e| DbError::invalid("day", e))?
        .unwrap_or(today);
    let person = form.picked("person");
    if person.is_empty() {
        return Err(DbError::invalid(
            "person",
            "pick who the feedback is with (or type a new name and Enter)",
        ));
    }
    let direction = match form.picked("direction").first().map(|o| o.id) {
        Some(1) => Direction::Given,
        _ => Direction::Received,
    };
    let draft = FeedbackDraft {
        direction,
        person_id: NONE_ID,
        day,
        kind: form
            .picked("kind")
            .first()
            .map_or(FeedbackKind::Other, |o| kind_of(o.id)),
        content: form.text("content"),
        meeting_id: form
            .picked("meeting")
            .first()
            .map(|o| o.id)
            .filter(|id| *id != NONE_ID),
        tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
    };
    Ok((draft, person))
}

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
    /// Whose page is open (kept while a reload fetches it).
    open_id: Option<Id>,
    editing: FormController<FeedbackForm>,
    chooser: Option<Chooser>,
    items: ItemForms,
    pending_select: Option<Id>,
}

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

fn kind_of(id: i64) -> FeedbackKind {
    usize::try_from(id - 1)
        .ok()
        .and_then(|i| FeedbackKind::ALL.get(i).copied())
        .unwrap_or(FeedbackKind::Other)
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
            open_id: None,
            editing: FormController::new(PaneId::Feedback.slug()),
            chooser: None,
            items: ItemForms::new(PaneId::Feedback, theme),
            pending_select: None,
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

    fn selected(&self) -> Option<&Feedback> {
        self.list.selected()
    }

    fn source<'a>(&self, repo: &'a Repo) -> Source<'a> {
        Source {
            repo,
            filter: FeedbackFilter {
                direction: self.direction,
                person_id: self.person(),
                text: self.filter.is_active().then(|| self.filter.text.clone()),
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

    fn open_form(&mut self, ctx: &mut Ctx, fb: Option<Feedback>) -> Outcome {
        let loaded = ctx
            .repo
            .tags()
            .and_then(|t| Ok((t, ctx.repo.people(None)?)));
        let (tags, people) = match loaded {
            Ok(x) => x,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let from = ctx
            .today
            .checked_sub_days(Days::new(MEETING_PICKER_DAYS))
            .unwrap_or(ctx.today);
        let to = ctx
            .today
            .checked_add_days(Days::new(7))
            .unwrap_or(ctx.today);
        let mut meetings = match ctx.repo.meetings_between(from, to) {
            Ok(m) => m,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        meetings.reverse();
        if let Some(id) = fb.as_ref().and_then(|f| f.meeting_id)
            && !meetings.iter().any(|m| m.id == id)
            && let Ok(m) = ctx.repo.meeting(id)
        {
            meetings.push(m);
        }
        let (heading, target, draft) = match &fb {
            Some(f) => (
                "Edit feedback",
                FormTarget::Edit {
                    id: f.id,
                    version: f.stamp.version,
                },
                FeedbackDraft {
                    direction: f.direction,
                    person_id: f.person.id,
                    day: f.day,
                    kind: f.kind,
                    content: f.content.clone(),
                    meeting_id: f.meeting_id,
                    tags: f.tags.clone(),
                },
            ),
            None => (
                "New feedback",
                FormTarget::New,
                FeedbackDraft {
                    direction: self.direction.unwrap_or(Direction::Received),
                    person_id: self.person().unwrap_or(NONE_ID),
                    day: ctx.today,
                    kind: FeedbackKind::Praise,
                    content: String::new(),
                    meeting_id: None,
                    tags: Vec::new(),
                },
            ),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &draft.tags);
        let mut meeting_opts = vec![PickOption::new(NONE_ID, "(none)")];
        meeting_opts.extend(
            meetings
                .iter()
                .map(|m| PickOption::new(m.id, meeting_label(m, ctx.today))),
        );
        let person_sel: Vec<i64> = (draft.person_id != NONE_ID)
            .then_some(draft.person_id)
            .into_iter()
            .collect();
        let form = Form::new(heading, self.theme)
            .picker(
                "person",
                "Person",
                person_options(&people, None),
                &person_sel,
                false,
                Some(new_person),
            )
            .picker(
                "direction",
                "Direction",
                direction_options(),
                &[match draft.direction {
                    Direction::Given => 1,
                    Direction::Received => 2,
                }],
                false,
                None,
            )
            .picker(
                "kind",
                "Kind",
                kind_options(),
                &[kind_id(draft.kind)],
                false,
                None,
            )
            .multiline("content", "Feedback", &draft.content, 5)
            .line("day", "Day", &draft.day.format("%Y-%m-%d").to_string())
            .picker(
                "meeting",
                "Meeting",
                meeting_opts,
                &[draft.meeting_id.unwrap_or(NONE_ID)],
                false,
                None,
            )
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag));
        self.editing.open(ctx, form, target, FeedbackForm);
        Outcome::Handled
    }

    fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        if let FormStep::Saved(f) = &step {
            ctx.status.info(format!(
                "saved feedback {} {}",
                match f.direction {
                    Direction::Given => "to",
                    Direction::Received => "from",
                },
                sanitize(&f.person.name)
            ));
            self.pending_select = Some(f.id);
        }
        let outcome = step.outcome();
        if outcome == Outcome::Wrote {
            // Saved, or kept the other session's version: the list is read again.
            self.stale = true;
        }
        outcome
    }

    fn choose_person(&mut self, ctx: &mut Ctx) -> Outcome {
        let people = match ctx.repo.people(None) {
            Ok(p) => p,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        self.chooser = Some(Chooser::new(
            "Feedback with whom? (type to narrow, Enter picks)",
            "Person",
            person_options(&people, Some("(everyone)")),
            Some(self.person().unwrap_or(NONE_ID)),
            self.theme,
        ));
        Outcome::Handled
    }

    fn list_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_key(a, ctx),
            Action::FilterInput(a) => self.filter_key(a, ctx),
            Action::Feedback(a) => self.feedback_key(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    fn list_key(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        match action {
            ListAction::Move(nav) => {
                self.read(ctx, |list, src| list.apply(nav, src));
                Outcome::Handled
            }
            ListAction::Add => self.open_form(ctx, None),
            ListAction::Edit => match self.selected().cloned() {
                Some(f) => self.open_form(ctx, Some(f)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(f) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, what) = (
                    f.id,
                    format!(
                        "feedback {} {} of {}",
                        match f.direction {
                            Direction::Given => "to",
                            Direction::Received => "from",
                        },
                        truncate(&sanitize(&f.person.name), 30),
                        f.day.format("%-d %b")
                    ),
                );
                match ctx.repo.delete(Deletable::Feedback, id) {
                    Ok(()) => ctx.status.offer_undo(Deletable::Feedback, id, what),
                    Err(e) => ctx.status.error(e),
                }
                self.stale = true;
                Outcome::Wrote
            }
            ListAction::Filter => {
                self.filter.typing = true;
                Outcome::Handled
            }
            ListAction::ClearFilter => {
                if !self.filter.is_active() {
                    return Outcome::Ignored;
                }
                self.filter = Filter::default();
                self.refilter(ctx);
                Outcome::Handled
            }
        }
    }

    fn filter_key(&mut self, action: FilterAction, ctx: &mut Ctx) -> Outcome {
        if self.filter.act(action) {
            self.refilter(ctx);
        }
        Outcome::Handled
    }

    fn feedback_key(&mut self, action: FeedbackAction, ctx: &mut Ctx) -> Outcome {
        match action {
            FeedbackAction::Open => match self.selected().map(|f| f.id) {
                Some(id) => {
                    self.open_id = Some(id);
                    Outcome::Moved
                }
                None => Outcome::Handled,
            },
            FeedbackAction::CycleDirection => {
                self.direction = match self.direction {
                    None => Some(Direction::Given),
                    Some(Direction::Given) => Some(Direction::Received),
                    Some(Direction::Received) => None,
                };
                self.stale = true;
                ctx.status.info(match self.direction {
                    None => "showing feedback given and received",
                    Some(Direction::Given) => "showing feedback you gave",
                    Some(Direction::Received) => "showing feedback you received",
                });
                Outcome::Moved
            }
            FeedbackAction::PickPerson => self.choose_person(ctx),
        }
    }

    fn detail_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::FeedbackDetail(a) => self.detail_key(a, ctx),
            Action::ActionItems(a) => {
                let Some(d) = self.detail.as_mut() else {
                    return Outcome::Handled;
                };
                let source = ActionSource::Feedback(d.feedback.id);
                d.list.act(a, ctx, &mut self.items, source)
            }
            // Not a context of the feedback view.
            _ => Outcome::Ignored,
        }
    }

    fn detail_key(&mut self, action: FeedbackDetailAction, ctx: &mut Ctx) -> Outcome {
        match action {
            FeedbackDetailAction::Back => {
                self.open_id = None;
                if let Some(d) = self.detail.take()
                    && self.selected().map(|f| f.id) != Some(d.feedback.id)
                {
                    // Opened from elsewhere: the list shows it selected when read again.
                    self.pending_select = Some(d.feedback.id);
                    return Outcome::Moved;
                }
                Outcome::Handled
            }
            FeedbackDetailAction::EditOuter => {
                match self.detail.as_ref().map(|d| d.feedback.clone()) {
                    Some(f) => self.open_form(ctx, Some(f)),
                    None => Outcome::Handled,
                }
            }
            FeedbackDetailAction::OpenMeeting => {
                match self.detail.as_ref().and_then(|d| d.meeting.as_ref()) {
                    Some(m) => Outcome::Open(Target::Meeting { id: m.id }),
                    None => {
                        ctx.status
                            .info("this feedback names no meeting; E edits it");
                        Outcome::Handled
                    }
                }
            }
        }
    }

    fn load_detail(&mut self, repo: &Repo, id: Id) -> anyhow::Result<bool> {
        let feedback = match repo.feedback_item(id) {
            Ok(f) => f,
            Err(DbError::NotFound { .. }) => return Ok(false),
            Err(e) => return Err(e.into()),
        };
        let meeting = match feedback.meeting_id {
            Some(m) => match repo.meeting(m) {
                Ok(m) => Some(m),
                Err(DbError::NotFound { .. }) => None,
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        let items = repo.action_items_for_feedback(id)?;
        let keep = self.items.saved.take();
        let mut list = match self.detail.take() {
            Some(d) if d.feedback.id == id => d.list,
            _ => ItemList::default(),
        };
        list.set(repo, items, keep)?;
        self.detail = Some(Detail {
            feedback,
            meeting,
            list,
        });
        Ok(true)
    }

    // ---- drawing ------------------------------------------------------------------------

    fn render_list(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        if rect.height < 2 || rect.width < 10 {
            return;
        }
        let given = self.given;
        let mut head = vec![Span::styled(
            format!(
                "Feedback · {} · {given} given · {} received",
                self.all,
                self.all.saturating_sub(given)
            ),
            t.title(),
        )];
        let mut narrowed = Vec::new();
        if let Some(d) = self.direction {
            narrowed.push(format!("only {}", d.label()));
        }
        if let Some((_, name)) = &self.person {
            narrowed.push(format!("with {}", sanitize(name)));
        }
        if !narrowed.is_empty() {
            head.push(Span::styled(
                format!("  ({})", narrowed.join(", ")),
                t.warning(),
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(head)), Rect { height: 1, ..rect });
        let mut body = Rect {
            y: rect.y + 1,
            height: rect.height - 1,
            ..rect
        };
        if self.filter.is_active() || self.filter.typing {
            render_filter_counted(
                frame,
                Rect { height: 1, ..body },
                &self.filter,
                &self.list.total_text(),
                self.all,
                t,
            );
            body.y += 1;
            body.height = body.height.saturating_sub(1);
        }
        if body.height == 0 {
            return;
        }
        if self.list.is_empty() {
            let msg =
                if self.filter.is_active() || self.direction.is_some() || self.person.is_some() {
                    "No feedback matches. Esc clears the text filter, v and @ the others."
                } else {
                    "No feedback yet. Press a to record some."
                };
            render_empty(frame, body, msg, t);
            return;
        }
        let w = usize::from(body.width);
        let who_w = if w >= 100 { 20 } else { 14 };
        let fixed = 11 + 1 + 10 + 1 + who_w + 1 + 12 + 1 + 1 + 3;
        let text_w = w.saturating_sub(fixed).max(8);
        let range = self.list.window(usize::from(body.height));
        let mut lines = Vec::with_capacity(range.len());
        for row in range {
            let Some(f) = self.list.get(row) else {
                continue;
            };
            let selected = row == self.list.selected_index();
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let first = f
                .content
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            let mut text = sanitize(first).into_owned();
            if f.content.trim().lines().count() > 1 {
                text.push_str(" …");
            }
            let open = self.open_counts.get(&f.id).copied().unwrap_or(0);
            let dir_style = match f.direction {
                Direction::Given => t.title(),
                Direction::Received => t.success(),
            };
            lines.push(Line::from(vec![
                Span::styled(fit(&short_day(f.day, self.today), 11), sel(t.dim())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(arrow(f.direction), 10), sel(dir_style)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&sanitize(&f.person.name), who_w), sel(t.bold())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(f.kind.label(), 12), sel(t.tag())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&text, text_w), sel(t.plain())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(
                    fit(
                        &if open > 0 {
                            format!("☐{open}")
                        } else {
                            String::new()
                        },
                        3,
                    ),
                    sel(t.warning()),
                ),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    fn head_lines(&self, f: &Feedback, meeting: Option<&Meeting>) -> Vec<Line<'static>> {
        let t = self.theme;
        let mut lines = vec![Line::from(vec![
            Span::styled(
                format!(
                    "{} {} ",
                    arrow(f.direction),
                    match f.direction {
                        Direction::Given => "to",
                        Direction::Received => "from",
                    }
                ),
                t.dim(),
            ),
            Span::styled(sanitize(&f.person.name).into_owned(), t.bold()),
            Span::styled(format!(" · {}", f.kind.label()), t.tag()),
            Span::styled(format!(" · {}", short_day(f.day, self.today)), t.dim()),
        ])];
        if let Some(m) = meeting {
            lines.push(Line::from(vec![
                Span::styled("from the meeting ", t.dim()),
                Span::raw(sanitize(&meeting_label(m, self.today)).into_owned()),
            ]));
        }
        if !f.tags.is_empty() {
            lines.push(Line::from(Span::styled(tags_text(&f.tags), t.tag())));
        }
        lines.push(Line::from(""));
        lines
    }

    fn render_preview(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(t.dim())
            .title(Span::styled(" Feedback ", t.bold()));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(1),
            ..inner
        };
        let Some(f) = self.selected() else {
            return;
        };
        let mut lines = self.head_lines(f, None);
        for l in sanitize_lines(&f.content) {
            lines.push(Line::from(l.into_owned()));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }

    fn render_detail(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let today = self.today;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let mut lines = self.head_lines(&d.feedback, d.meeting.as_ref());
        for l in sanitize_lines(&d.feedback.content) {
            lines.push(Line::from(l.into_owned()));
        }
        let (top, items) = split_text_and_items(area, &lines, d.list.items.len());
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), top);
        let Some(d) = self.detail.as_mut() else {
            return;
        };
        let title = format!(
            "Action items · {} open of {}",
            d.list.open_count(),
            d.list.items.len()
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&title, usize::from(items.width)).into_owned(),
                t.title(),
            )),
            Rect { height: 1, ..items },
        );
        d.list.render(
            frame,
            Rect {
                y: items.y + 1,
                height: items.height.saturating_sub(1),
                ..items
            },
            today,
            t,
            true,
        );
    }
}

fn feedback_lines(d: &FeedbackDraft, person: &str) -> Vec<(String, String)> {
    vec![
        ("direction".into(), d.direction.label().into()),
        ("person".into(), person.to_string()),
        ("kind".into(), d.kind.label().into()),
        ("feedback".into(), d.content.clone()),
        ("day".into(), d.day.format("%Y-%m-%d").to_string()),
        (
            "meeting".into(),
            d.meeting_id.map(|m| format!("#{m}")).unwrap_or_default(),
        ),
        ("tags".into(), d.tags.join(" ")),
    ]
}

impl Pane for FeedbackPane {
    fn title(&self) -> &str {
        "Feedback"
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
                if !self.load_detail(repo, id)? {
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
    }

    fn hints(&self) -> &[Context] {
        if let Some(contexts) = self.editing.contexts() {
            return contexts;
        }
        if let Some(c) = self.items.contexts() {
            return c;
        }
        if let Some(ch) = &self.chooser {
            return ch.form.contexts();
        }
        if self.detail.is_some() {
            return &[Context::ActionItems, Context::FeedbackDetail];
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        &[Context::Feedback, Context::List]
    }

    fn paste(&mut self, text: &str, ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) {
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
        if self.detail.is_none() && self.filter.typing {
            self.filter.text.push_str(&text.replace(['\n', '\r'], " "));
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
        self.filter = Filter::default();
        self.direction = None;
        self.person = None;
        self.open_id = Some(id);
        self.pending_select = Some(id);
        self.stale = true;
        true
    }

    fn data_changed(&mut self) {
        self.stale = true;
    }
}
