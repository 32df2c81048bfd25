//! Energy: `c` then `1`–`5` records a check-in at once (nothing to lose, `u` takes it back), then a small form edits it;
//! the check-ins of the last 90 days by day; daily averages over 30 or 90 days; the average by
//! hour of day.

use super::bulk::{Here, Marking, Rows, Step};
use super::chart::{
    HEAT_GUTTER, LEVEL_GUTTER, SHADES, bars, day_ticks, days_per_column, fit_series, heatmap,
    level_axis, level_rows, month_bars, month_starts, squeeze_note, time_axis,
};
use super::common::{new_tag, render_empty, render_filter, say_jump, tag_options, tags_text};
use super::list::{Cursor, Filter};
use super::{Ctx, Outcome, Pane, PaneId};
use crate::db::Repo;
use crate::model::{Checkin, CheckinDraft, Deletable, EnergyAverage, Id};
use crate::text::{fit, sanitize, truncate};
use crate::tui::form::controller::{FormController, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft, PickOption};
use crate::tui::keymap::{
    self, Action, CheckinLevelAction, Context, DayAction, EnergyAction, FilterAction, ListAction,
    YearAction,
};
use crate::tui::theme::Theme;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

mod keys;
mod render;
mod spec;
#[cfg(test)]
mod tests;

use spec::CheckinForm;
pub use spec::parse_at;

/// How far back the list and the charts look.
const HISTORY_DAYS: u64 = 90;

/// How far back the year heatmap looks (53 weeks at most are drawn).
const YEAR_DAYS: u64 = 371;

const LEVELS: [&str; 5] = ["drained", "low", "okay", "good", "energized"];

/// The name of a level 1–5.
pub fn level_name(level: u8) -> &'static str {
    LEVELS
        .get(usize::from(level.saturating_sub(1)))
        .copied()
        .unwrap_or("?")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Range {
    Days30,
    Days90,
}

pub struct EnergyPane {
    theme: Theme,
    day: Option<NaiveDate>,
    today: NaiveDate,
    /// Check-ins of the 90 days up to `day`, newest first.
    checkins: Vec<Checkin>,
    visible: Vec<usize>,
    cursor: Cursor,
    filter: Filter,
    /// Daily averages over the 90 days up to `day`, oldest first.
    daily: Vec<EnergyAverage<NaiveDate>>,
    hourly: Vec<EnergyAverage<u8>>,
    range: Range,
    editing: FormController<CheckinForm>,
    pending_select: Option<Id>,
    /// `c` was pressed: the next key is a level, or cancels.
    asking_level: bool,
    /// The year heatmap is shown instead of the list and charts.
    year: bool,
    /// Daily averages of the year up to `day` (the heatmap), oldest first.
    year_days: Vec<EnergyAverage<NaiveDate>>,
    /// Check-ins marked to change together (`V`).
    marking: Marking,
}

/// Check-ins as marking sees them: tagged or deleted together.
static CHECKINS: Rows = Rows {
    one: "check-in",
    many: "check-ins",
    kind: Deletable::Checkin,
    done: None,
    tag: Some(Repo::tag_checkins),
    move_to: None,
};

impl EnergyPane {
    pub fn new(theme: Theme) -> Self {
        EnergyPane {
            theme,
            day: None,
            today: NaiveDate::default(),
            checkins: Vec::new(),
            visible: Vec::new(),
            cursor: Cursor::default(),
            filter: Filter::default(),
            daily: Vec::new(),
            hourly: Vec::new(),
            range: Range::Days30,
            editing: FormController::new(PaneId::Energy.slug()),
            pending_select: None,
            asking_level: false,
            year: false,
            year_days: Vec::new(),
            marking: Marking::new(PaneId::Energy.slug()),
        }
    }

    pub fn day(&self) -> NaiveDate {
        self.day.unwrap_or(self.today)
    }

    pub fn is_editing(&self) -> bool {
        self.editing.is_open()
    }

    /// The check-ins on screen (after the filter), newest first.
    pub fn shown(&self) -> impl Iterator<Item = &Checkin> {
        self.visible.iter().filter_map(|&i| self.checkins.get(i))
    }

    /// The check-ins marked to change together, if marking (`V`) is on.
    pub fn marked(&self) -> Option<Vec<Id>> {
        self.marking.marked()
    }

    /// The check-in under the cursor.
    pub fn selected(&self) -> Option<&Checkin> {
        self.visible
            .get(self.cursor.selected)
            .and_then(|&i| self.checkins.get(i))
    }

    fn first_day(&self) -> NaiveDate {
        self.day()
            .checked_sub_days(Days::new(HISTORY_DAYS - 1))
            .unwrap_or(self.day())
    }

    fn refilter(&mut self) {
        let keep = self.selected().map(|c| c.id);
        self.visible = self
            .checkins
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                self.filter.matches(
                    std::iter::once(c.note.as_str()).chain(c.tags.iter().map(String::as_str)),
                )
            })
            .map(|(i, _)| i)
            .collect();
        self.select_id(keep);
    }

    fn select_id(&mut self, id: Option<Id>) {
        let rows = &self.checkins;
        self.cursor.select_where(&self.visible, |i| {
            id.is_some_and(|id| rows.get(i).is_some_and(|c| c.id == id))
        });
    }

    /// The year heatmap's days, averaged per day in one query.
    fn read_year(&mut self, repo: &Repo) -> crate::db::Result<()> {
        let to = self.day();
        let from = to.checked_sub_days(Days::new(YEAR_DAYS)).unwrap_or(to);
        self.year_days = repo.daily_energy(from, to)?;
        Ok(())
    }

    /// Whether the year heatmap is shown.
    pub fn showing_year(&self) -> bool {
        self.year
    }

    fn go_to_day(&mut self, day: NaiveDate) -> Outcome {
        self.day = (day != self.today).then_some(day);
        self.cursor = Cursor::default();
        Outcome::Moved
    }
}

/// The hour of day of a moment (0–23).
fn hour_of(at: NaiveDateTime) -> u8 {
    u8::try_from(chrono::Timelike::hour(&at)).unwrap_or(0)
}

/// The average level per key, in key order (keys without levels left out), as
/// `Repo::daily_energy` and `Repo::hourly_energy` answer for the same rows.
fn averages<K: Ord + Copy>(levels: impl Iterator<Item = (K, u8)>) -> Vec<EnergyAverage<K>> {
    let mut sums: std::collections::BTreeMap<K, (u64, u32)> = std::collections::BTreeMap::new();
    for (key, level) in levels {
        let e = sums.entry(key).or_default();
        e.0 += u64::from(level);
        e.1 += 1;
    }
    sums.into_iter()
        .map(|(key, (sum, count))| EnergyAverage {
            key,
            average: sum as f64 / f64::from(count),
            count,
        })
        .collect()
}

/// Below this width the list is drawn without the charts beside it.
const COMPACT: u16 = 80;

impl Pane for EnergyPane {
    fn history_target(&self) -> Option<super::Target> {
        self.selected()
            .map(|c| super::Target::Checkin { id: c.id, at: c.at })
    }

    fn title(&self) -> &str {
        "Energy"
    }

    fn dated(&self) -> bool {
        true
    }

    /// The list ends on the day gone to; its newest check-in on or before that day is
    /// selected.
    fn jump_to_date(&mut self, day: NaiveDate, ctx: &mut Ctx) -> Option<Outcome> {
        self.go_to_day(day);
        if let Err(e) = self.reload(ctx.repo) {
            ctx.status.error(format!("{e:#}"));
            return Some(Outcome::Handled);
        }
        self.cursor = Cursor::default();
        let landed = self.selected().map(|c| c.at.date()).filter(|d| *d <= day);
        say_jump(ctx.status, "check-ins", day, landed);
        Some(Outcome::Handled)
    }

    fn reload(&mut self, repo: &Repo) -> anyhow::Result<()> {
        self.today = repo.clock().today();
        if self.day == Some(self.today) {
            // Asked to show today (by `select`): follow today again.
            self.day = None;
        }
        let keep = self.pending_select.take().or(self.selected().map(|c| c.id));
        let (from, to) = (self.first_day(), self.day());
        self.checkins = repo.checkins_between(from, to)?;
        // The charts cover the same days as the list: averaged from the rows just read,
        // rather than by two more passes over the window in SQL.
        self.daily = averages(self.checkins.iter().map(|c| (c.at.date(), c.level)));
        self.hourly = averages(self.checkins.iter().map(|c| (hour_of(c.at), c.level)));
        let checkins = &self.checkins;
        self.marking
            .retain(|id| checkins.iter().any(|c| c.id == id));
        self.refilter();
        self.select_id(keep);
        if self.year {
            self.read_year(repo)?;
        }
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        if let Some(outcome) = self.marking.prompt_key(&key, ctx) {
            return outcome;
        }
        let Some(binding) = keymap::resolve(self.hints(), &key) else {
            if self.asking_level {
                // Any other key after `c` records nothing, and does nothing else either.
                self.asking_level = false;
                ctx.status.info("no check-in recorded");
                return Outcome::Handled;
            }
            if self.filter.typing {
                if self.filter.type_key(&key) {
                    self.refilter();
                }
                return Outcome::Handled;
            }
            return Outcome::Ignored;
        };
        self.act(binding.action, ctx)
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        if area.width < COMPACT {
            // Narrow: the check-ins take the whole width; the charts wait for a wider screen.
            self.render_list(frame, area);
            self.editing.render(frame, area);
            self.marking.render_prompt(frame, area);
            return;
        }
        let chart_w = (area.width * 45 / 100).clamp(34, 70).min(area.width / 2);
        let list = Rect {
            width: area.width - chart_w,
            ..area
        };
        let charts = Rect {
            x: area.x + area.width - chart_w,
            width: chart_w,
            ..area
        };
        if self.year {
            self.render_year(frame, area);
        } else {
            self.render_list(frame, list);
            self.render_charts(frame, charts);
        }
        self.editing.render(frame, area);
        self.marking.render_prompt(frame, area);
    }

    fn hints(&self) -> &[Context] {
        if let Some(contexts) = self.editing.contexts() {
            return contexts;
        }
        if let Some(contexts) = self.marking.prompt_contexts() {
            return contexts;
        }
        if self.asking_level {
            return &[Context::CheckinLevel];
        }
        if self.year {
            return &[Context::Year];
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        if self.marking.on() {
            return &[
                Context::Selecting,
                Context::Energy,
                Context::Dated,
                Context::List,
            ];
        }
        &[
            Context::Energy,
            Context::Dated,
            Context::List,
            Context::Selectable,
        ]
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) || self.marking.paste(text) {
            return Outcome::Handled;
        }
        if self.filter.typing {
            self.filter.paste(text);
            self.refilter();
            return Outcome::Handled;
        }
        Outcome::Ignored
    }

    fn database_replaced(&mut self) -> bool {
        // Marked rows are ids of the old database.
        self.marking.replaced()
    }

    fn select(&mut self, target: super::Target) -> bool {
        let super::Target::Checkin { id, at } = target else {
            return false;
        };
        self.day = Some(at.date());
        self.filter = Filter::default();
        self.pending_select = Some(id);
        true
    }

    fn take_draft(&mut self) -> Option<FormDraft> {
        self.editing.take_draft()
    }
}
