//! Today: the landing pane. The day at a glance in five sections — the focus tasks with a
//! done gauge, the energy check-ins with the last 14 days as a sparkline, the meetings, the
//! open action items (overdue ones marked), and the goals due in the next 14 days with their
//! progress. `j`/`k` move across every item of every section; Enter opens the item in its own
//! pane, selected; Space marks a task or an action item done.
//!
//! One column below 110 columns, two above (the day itself on the left; what is owed and the
//! goals coming up on the right). Sections share the height: each gets its header and at least
//! one row, the rest goes round so that every section shows as much as it can, and a section
//! too long for its rows scrolls to keep the selection in sight.

use super::actions::ITEMS;
use super::bulk::{Here, Marking, Step};
use super::chart::{progress_bar, sparkline};
use super::common::tags_text;
use super::energy::level_name;
use super::{Ctx, Outcome, Pane, Target};
use crate::db::{Error as DbError, Repo};
use crate::model::{
    ActionSource, Checkin, Goal, Id, Learning, Meeting, OpenActionItems, Task, TaskStatus,
};
use crate::text::{fit, sanitize, truncate, width};
use crate::tui::form::format_minutes;
use crate::tui::keymap::{self, Action, BulkAction, Context, Nav, TodayAction};
use crate::tui::theme::Theme;
use chrono::{Days, NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

mod keys;
mod render;
#[cfg(test)]
mod tests;

/// How far ahead the goals section looks, and how far back the energy sparkline.
const GOAL_DAYS: u64 = 14;
const ENERGY_DAYS: u64 = 14;
/// How many days of journal entries fill the rows a large screen has to spare.
const JOURNAL_DAYS: u64 = 7;
/// How many open action items the section lists (soonest due first); the header counts them
/// all. Loading every open item to show a handful grew with the backlog.
const ACTIONS_LISTED: usize = 50;
/// From this width on, two columns.
const TWO_COLUMNS: u16 = 110;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Focus,
    Energy,
    Meetings,
    Actions,
    Goals,
}

impl Section {
    const ALL: [Section; 5] = [
        Section::Focus,
        Section::Energy,
        Section::Meetings,
        Section::Actions,
        Section::Goals,
    ];

    fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// One selectable row: its section and its index in that section's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    section: Section,
    index: usize,
}

pub struct TodayPane {
    theme: Theme,
    today: NaiveDate,
    now: NaiveDateTime,
    organization: Option<Id>,
    tasks: Vec<Task>,
    /// Today's check-ins, earliest first.
    checkins: Vec<Checkin>,
    /// The daily average of each of the last 14 days, oldest first.
    energy: Vec<Option<f64>>,
    meetings: Vec<Meeting>,
    /// The soonest-due open action items (at most [`ACTIONS_LISTED`]) and the counts over all.
    actions: OpenActionItems,
    goals: Vec<Goal>,
    /// The journal entries of the last [`JOURNAL_DAYS`] days, newest first: shown in rows
    /// a large screen has to spare (read only; the Journal pane opens them).
    journal: Vec<Learning>,
    /// Every selectable row in j/k order.
    items: Vec<Item>,
    selected: usize,
    /// Each section's scroll offset (rows), kept between draws.
    offsets: [usize; 5],
    /// Open action items marked to change together (`V`).
    marking: Marking,
}

impl TodayPane {
    pub fn new(theme: Theme) -> Self {
        TodayPane {
            theme,
            today: NaiveDate::default(),
            now: NaiveDateTime::default(),
            organization: None,
            tasks: Vec::new(),
            checkins: Vec::new(),
            energy: Vec::new(),
            meetings: Vec::new(),
            actions: OpenActionItems::default(),
            goals: Vec::new(),
            journal: Vec::new(),
            items: Vec::new(),
            selected: 0,
            offsets: [0; 5],
            marking: Marking::default(),
        }
    }

    /// How many items j/k move across.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// What Enter would open.
    pub fn selected_target(&self) -> Option<Target> {
        self.items.get(self.selected).and_then(|i| self.target(*i))
    }

    /// Selects the first item whose target satisfies `f` (tests, and keeping the selection).
    pub fn select_where(&mut self, f: impl Fn(Target) -> bool) -> bool {
        match (0..self.items.len()).find(|&i| {
            self.items
                .get(i)
                .and_then(|it| self.target(*it))
                .is_some_and(&f)
        }) {
            Some(i) => {
                self.selected = i;
                true
            }
            None => false,
        }
    }

    /// The goals shown (due within 14 days, in the organization filter).
    pub fn goals(&self) -> &[Goal] {
        &self.goals
    }

    fn target(&self, item: Item) -> Option<Target> {
        let i = item.index;
        Some(match item.section {
            Section::Focus => {
                let t = self.tasks.get(i)?;
                Target::Task {
                    id: t.id,
                    day: t.day,
                }
            }
            Section::Energy => {
                let c = self.checkins.get(i)?;
                Target::Checkin { id: c.id, at: c.at }
            }
            Section::Meetings => Target::Meeting {
                id: self.meetings.get(i)?.id,
            },
            Section::Actions => {
                let a = self.actions.first.get(i)?;
                Target::ActionItem {
                    id: a.id,
                    meeting_id: match a.source {
                        ActionSource::Meeting(m) => Some(m),
                        _ => None,
                    },
                }
            }
            Section::Goals => Target::Goal {
                id: self.goals.get(i)?.id,
            },
        })
    }

    fn len_of(&self, s: Section) -> usize {
        match s {
            Section::Focus => self.tasks.len(),
            Section::Energy => self.checkins.len(),
            Section::Meetings => self.meetings.len(),
            Section::Actions => self.actions.first.len(),
            Section::Goals => self.goals.len(),
        }
    }

    fn rebuild_items(&mut self) {
        self.items = Section::ALL
            .iter()
            .flat_map(|&section| {
                (0..self.len_of(section)).map(move |index| Item { section, index })
            })
            .collect();
    }

    /// The first item of the next (or previous) section that has any.
    fn jump_section(&mut self, forward: bool) {
        let Some(cur) = self.items.get(self.selected).map(|i| i.section.index()) else {
            return;
        };
        let found = if forward {
            self.items.iter().position(|i| i.section.index() > cur)
        } else {
            // The first item of the section before the current one.
            let prev = self
                .items
                .iter()
                .rev()
                .find(|i| i.section.index() < cur)
                .map(|i| i.section);
            prev.and_then(|s| self.items.iter().position(|i| i.section == s))
        };
        if let Some(i) = found {
            self.selected = i;
        }
    }
}

impl Pane for TodayPane {
    fn history_target(&self) -> Option<super::Target> {
        self.selected_target()
    }

    fn shown_again(&mut self, now: NaiveDateTime) {
        // Which meeting is on now and which is next is read against the clock, not the data.
        if now.date() == self.today {
            self.now = now;
        }
    }

    fn title(&self) -> &str {
        "Today"
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        let keep = self.selected_target();
        self.now = repo.clock().now();
        self.today = self.now.date();
        let today = self.today;
        self.tasks = repo.tasks_on(today)?;
        let mut checkins = repo.checkins_between(today, today)?;
        checkins.sort_by_key(|c| (c.at, c.id));
        self.checkins = checkins;
        let first = today
            .checked_sub_days(Days::new(ENERGY_DAYS - 1))
            .unwrap_or(today);
        let daily = repo.daily_energy(first, today)?;
        self.energy = first
            .iter_days()
            .take(ENERGY_DAYS as usize)
            .map(|d| daily.iter().find(|a| a.key == d).map(|a| a.average))
            .collect();
        // The rest of today and tomorrow, the one on now included.
        let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
        self.meetings = repo.upcoming_meetings(self.now, tomorrow)?;
        self.actions = repo.today_open_action_items(today, ACTIONS_LISTED)?;
        let until = today
            .checked_add_days(Days::new(GOAL_DAYS))
            .unwrap_or(today);
        self.goals = repo
            .goals_due_between(today, until)?
            .into_iter()
            .filter(|g| self.organization.is_none() || g.organization_id == self.organization)
            .collect();
        let since = today
            .checked_sub_days(Days::new(JOURNAL_DAYS - 1))
            .unwrap_or(today);
        let mut journal = repo.learnings_between(since, today)?;
        journal.reverse();
        self.journal = journal;
        let listed = &self.actions.first;
        self.marking.retain(|id| listed.iter().any(|a| a.id == id));
        self.rebuild_items();
        let kept = keep.is_some_and(|k| self.select_where(|t| t == k));
        if !kept {
            self.selected = self.selected.min(self.items.len().saturating_sub(1));
        }
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        let action = match keymap::resolve(self.hints(), &key).map(|b| b.action) {
            Some(Action::Today(action)) => action,
            Some(Action::Selectable(a) | Action::Selecting(a)) => return self.bulk(a, ctx),
            _ => return Outcome::Ignored,
        };
        let last = self.items.len().saturating_sub(1);
        match action {
            TodayAction::Move(Nav::Down) => self.selected = (self.selected + 1).min(last),
            TodayAction::Move(Nav::Up) => self.selected = self.selected.saturating_sub(1),
            TodayAction::Move(Nav::Top) => self.selected = 0,
            TodayAction::Move(Nav::Bottom) => self.selected = last,
            TodayAction::Move(Nav::PageDown) => self.jump_section(true),
            TodayAction::Move(Nav::PageUp) => self.jump_section(false),
            TodayAction::Open => {
                return match self.selected_target() {
                    Some(t) => Outcome::Open(t),
                    None => {
                        ctx.status.info("nothing to open: the day is empty so far");
                        Outcome::Handled
                    }
                };
            }
            TodayAction::ToggleDone => return self.toggle_done(ctx),
            TodayAction::WriteReport => write_report(ctx),
            // The app opens the search overlay before the pane sees the key.
            TodayAction::Search => return Outcome::Ignored,
        }
        Outcome::Handled
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 2 || area.width < 10 {
            return;
        }
        // A blank line under the tabs when there is room for it.
        let top = u16::from(area.height >= 30);
        let inner = Rect {
            x: area.x + 1,
            width: area.width - 2,
            y: area.y + top,
            height: area.height - top,
        };
        if inner.width >= TWO_COLUMNS {
            let left_w = inner.width / 2;
            let left = Rect {
                width: left_w - 1,
                ..inner
            };
            let right = Rect {
                x: inner.x + left_w + 1,
                width: inner.width - left_w - 1,
                ..inner
            };
            self.render_column(
                frame,
                left,
                &[Section::Focus, Section::Energy, Section::Meetings],
            );
            let end = self.render_column(frame, right, &[Section::Actions, Section::Goals]);
            self.render_journal(frame, right, end);
        } else {
            let end = self.render_column(frame, inner, &Section::ALL);
            self.render_journal(frame, inner, end);
        }
    }

    fn hints(&self) -> &[Context] {
        if self.marking.on() {
            return &[Context::Selecting, Context::Today];
        }
        &[Context::Today, Context::Selectable]
    }

    fn database_replaced(&mut self) -> bool {
        // Marked rows are ids of the old database.
        self.marking.replaced()
    }

    fn set_organization(&mut self, organization: Option<Id>) {
        self.organization = organization;
    }
}

impl TodayPane {
    /// The open action items marked to change together, if marking (`V`) is on.
    pub fn marked(&self) -> Option<Vec<Id>> {
        self.marking.marked()
    }

    /// `V` and what follows: marking open action items (the other rows are not marked here),
    /// then marking them done or deleting them together (see `bulk`).
    fn bulk(&mut self, action: BulkAction, ctx: &mut Ctx) -> Outcome {
        let item = self.items.get(self.selected).copied();
        let selected = item
            .filter(|i| i.section == Section::Actions)
            .and_then(|i| self.actions.first.get(i.index))
            .map(|a| a.id);
        if action == BulkAction::Mark && selected.is_none() {
            ctx.status
                .info("only action items are marked here: Space on one of them");
            return Outcome::Handled;
        }
        let here = Here {
            selected,
            shown: self.actions.first.iter().map(|a| a.id).collect(),
            day: self.today,
        };
        match self.marking.key(action, &ITEMS, here, ctx, self.theme) {
            Step::Done(outcome) => {
                // Marking begins on the action items, the rows it marks.
                let first = self
                    .items
                    .iter()
                    .position(|i| i.section == Section::Actions);
                if action == BulkAction::ToggleMarking
                    && self.marking.on()
                    && selected.is_none()
                    && let Some(first) = first
                {
                    self.selected = first;
                }
                outcome
            }
            Step::MoveDown => {
                self.selected = (self.selected + 1).min(self.items.len().saturating_sub(1));
                Outcome::Handled
            }
        }
    }
}

/// Writes last week's review beside the database and says where it went.
fn write_report(ctx: &mut Ctx) {
    let Some(dir) = ctx.data_dir else {
        ctx.status
            .error("no data directory to write the report into");
        return;
    };
    match crate::report::write_last_week(ctx.repo, ctx.today, dir) {
        Ok(path) => ctx.status.info(format!(
            "review of the last 7 days written to {}",
            path.display()
        )),
        Err(e) => ctx
            .status
            .error(format!("could not write the review: {e:#}")),
    }
}
