//! Energy: `1`–`5` records a check-in at once (nothing to lose), then a small form edits it;
//! the check-ins of the last 90 days by day; daily averages over 30 or 90 days; the average by
//! hour of day.

use super::chart::{bars, fit_series};
use super::common::{new_tag, render_empty, render_filter, tag_options, tags_text};
use super::list::{Cursor, Filter};
use super::{Ctx, Outcome, Pane, PaneId};
use crate::db::{Error as DbError, Repo};
use crate::model::{Checkin, CheckinDraft, Deletable, EnergyAverage, Id};
use crate::text::{fit, sanitize, truncate};
use crate::tui::form::controller::{Conflict, FormController, FormSpec, FormStep, FormTarget};
use crate::tui::form::{Form, FormDraft, PickOption};
use crate::tui::keymap::{
    self, Action, Context, DayAction, EnergyAction, FilterAction, ListAction,
};
use crate::tui::theme::Theme;
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// How far back the list and the charts look.
const HISTORY_DAYS: u64 = 90;

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

/// The check-in form; a bare `HH:MM` in its time field belongs to `day`.
struct CheckinForm {
    day: NaiveDate,
}

impl FormSpec for CheckinForm {
    type Saved = Checkin;

    fn save(&mut self, ctx: &Ctx, form: &Form, target: &FormTarget) -> Result<Checkin, DbError> {
        let draft = read_form(form, self.day)?;
        match *target {
            FormTarget::New => ctx.repo.add_checkin(&draft),
            FormTarget::Edit { id, version } => ctx.repo.update_checkin(id, version, &draft),
        }
    }

    fn conflict(&mut self, ctx: &Ctx, form: &Form, id: Id, _: i64) -> Result<Conflict, DbError> {
        let theirs = ctx.repo.checkin(id)?;
        Ok(Conflict {
            yours: draft_lines(&read_form(form, self.day)?),
            theirs: checkin_lines(&theirs),
            version: theirs.stamp.version,
        })
    }
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
}

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
        if let Some(id) = id
            && let Some(pos) = self
                .visible
                .iter()
                .position(|&i| self.checkins.get(i).is_some_and(|c| c.id == id))
        {
            self.cursor.selected = pos;
        }
        self.cursor.clamp(self.visible.len());
    }

    fn go_to_day(&mut self, day: NaiveDate) -> Outcome {
        self.day = (day != self.today).then_some(day);
        self.cursor = Cursor::default();
        Outcome::Moved
    }

    fn record(&mut self, ctx: &mut Ctx, level: u8) -> Outcome {
        let draft = CheckinDraft {
            at: ctx.now,
            level,
            note: String::new(),
            tags: Vec::new(),
        };
        match ctx.repo.add_checkin(&draft) {
            Ok(c) => {
                ctx.status.info(format!(
                    "recorded energy {level} ({}) at {} — add a note, or Esc",
                    level_name(level),
                    c.at.format("%H:%M")
                ));
                self.day = None;
                self.filter = Filter::default();
                self.pending_select = Some(c.id);
                self.open_form(ctx, Some(c));
                Outcome::Wrote
            }
            Err(e) => {
                ctx.status.error(e);
                Outcome::Handled
            }
        }
    }

    fn open_form(&mut self, ctx: &mut Ctx, checkin: Option<Checkin>) -> Outcome {
        let tags = match ctx.repo.tags() {
            Ok(t) => t,
            Err(e) => {
                ctx.status.error(e);
                return Outcome::Handled;
            }
        };
        let (title, target, at, level, note, selected_tags) = match &checkin {
            Some(c) => (
                "Check-in",
                FormTarget::Edit {
                    id: c.id,
                    version: c.stamp.version,
                },
                c.at,
                c.level,
                c.note.clone(),
                c.tags.clone(),
            ),
            None => (
                "New check-in",
                FormTarget::New,
                ctx.now,
                3,
                String::new(),
                Vec::new(),
            ),
        };
        let (tag_opts, tag_ids) = tag_options(&tags, &selected_tags);
        let levels: Vec<PickOption> = (1..=5u8)
            .map(|l| PickOption::new(i64::from(l), format!("{l} · {}", level_name(l))))
            .collect();
        let form = Form::new(title, self.theme)
            .line("at", "Time", &at.format("%Y-%m-%d %H:%M").to_string())
            .picker("level", "Level", levels, &[i64::from(level)], false, None)
            .multiline("note", "Note", &note, 3)
            .picker("tags", "Tags", tag_opts, &tag_ids, true, Some(new_tag));
        self.editing
            .open(ctx, form, target, CheckinForm { day: at.date() });
        Outcome::Handled
    }

    fn form_key(&mut self, key: &KeyEvent, ctx: &mut Ctx) -> Outcome {
        let step = self.editing.handle_key(key, ctx);
        if let FormStep::Saved(c) = &step {
            ctx.status.info(format!(
                "saved check-in {} at {}",
                c.level,
                c.at.format("%a %-d %b %H:%M")
            ));
            self.pending_select = Some(c.id);
        }
        step.outcome()
    }

    fn act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        match action {
            Action::List(a) => self.list_act(a, ctx),
            Action::FilterInput(a) => self.filter_act(a),
            Action::Dated(a) => self.day_act(a, ctx),
            Action::Energy(a) => self.energy_act(a, ctx),
            // Not a context this pane puts in force.
            _ => Outcome::Ignored,
        }
    }

    fn list_act(&mut self, action: ListAction, ctx: &mut Ctx) -> Outcome {
        match action {
            ListAction::Move(nav) => {
                self.cursor.apply(nav, self.visible.len());
                Outcome::Handled
            }
            ListAction::Add => self.open_form(ctx, None),
            ListAction::Edit => match self.selected().cloned() {
                Some(c) => self.open_form(ctx, Some(c)),
                None => Outcome::Handled,
            },
            ListAction::Delete => {
                let Some(c) = self.selected() else {
                    return Outcome::Handled;
                };
                let (id, what) = (
                    c.id,
                    format!("check-in {} at {}", c.level, c.at.format("%a %-d %b %H:%M")),
                );
                match ctx.repo.delete(Deletable::Checkin, id) {
                    Ok(()) => ctx.status.offer_undo(Deletable::Checkin, id, what),
                    Err(e) => ctx.status.error(e),
                }
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
                self.refilter();
                Outcome::Handled
            }
        }
    }

    fn filter_act(&mut self, action: FilterAction) -> Outcome {
        if self.filter.act(action) {
            self.refilter();
        }
        Outcome::Handled
    }

    fn day_act(&mut self, action: DayAction, ctx: &mut Ctx) -> Outcome {
        match action.day_from(self.day(), ctx.today) {
            Some(d) => self.go_to_day(d),
            None => Outcome::Handled,
        }
    }

    fn energy_act(&mut self, action: EnergyAction, ctx: &mut Ctx) -> Outcome {
        match action {
            EnergyAction::Checkin(level) => self.record(ctx, level),
            EnergyAction::ToggleRange => {
                self.range = match self.range {
                    Range::Days30 => Range::Days90,
                    Range::Days90 => Range::Days30,
                };
                Outcome::Handled
            }
        }
    }

    fn render_list(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        if rect.height < 2 {
            return;
        }
        let day = self.day();
        let todays: Vec<&Checkin> = self
            .checkins
            .iter()
            .filter(|c| c.at.date() == day)
            .collect();
        let avg = if todays.is_empty() {
            String::new()
        } else {
            let sum: u32 = todays.iter().map(|c| u32::from(c.level)).sum();
            format!(", average {:.1}", f64::from(sum) / todays.len() as f64)
        };
        let head = format!(
            "{} · {} check-in{}{avg}",
            if day == self.today {
                "Today".to_string()
            } else {
                day.format("%a %-d %b %Y").to_string()
            },
            todays.len(),
            if todays.len() == 1 { "" } else { "s" }
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&head, usize::from(rect.width)).into_owned(),
                t.title(),
            )),
            Rect { height: 1, ..rect },
        );
        let mut body = Rect {
            y: rect.y + 1,
            height: rect.height - 1,
            ..rect
        };
        if self.filter.is_active() || self.filter.typing {
            render_filter(
                frame,
                Rect { height: 1, ..body },
                &self.filter,
                self.visible.len(),
                self.checkins.len(),
                t,
            );
            body.y += 1;
            body.height = body.height.saturating_sub(1);
        }
        if self.visible.is_empty() {
            let msg = if self.filter.is_active() {
                "No check-in matches the filter. Esc clears it."
            } else {
                "No check-ins in the last 90 days. Press 1–5 to record how you feel."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let w = usize::from(body.width);
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        let mut lines = Vec::with_capacity(range.len());
        let mut prev_day: Option<NaiveDate> = range
            .start
            .checked_sub(1)
            .and_then(|p| self.visible.get(p))
            .and_then(|&i| self.checkins.get(i))
            .map(|c| c.at.date());
        for row in range {
            let Some(c) = self.visible.get(row).and_then(|&i| self.checkins.get(i)) else {
                continue;
            };
            let d = c.at.date();
            let date = if prev_day == Some(d) {
                String::new()
            } else {
                d.format("%a %-d %b").to_string()
            };
            prev_day = Some(d);
            let selected = row == self.cursor.selected;
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let level = usize::from(c.level.clamp(1, 5));
            let meter = format!("{}{}", "█".repeat(level), "░".repeat(5 - level));
            let used = 11 + 6 + 8;
            let rest = w.saturating_sub(used);
            let tags = tags_text(&c.tags);
            let text = match (c.note.is_empty(), tags.is_empty()) {
                (true, true) => String::new(),
                (false, true) => sanitize(&c.note).into_owned(),
                (true, false) => tags,
                (false, false) => format!("{} {tags}", sanitize(&c.note)),
            };
            let date_style = if d == self.today { t.bold() } else { t.dim() };
            lines.push(Line::from(vec![
                Span::styled(fit(&date, 10), sel(date_style)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(c.at.format("%H:%M").to_string(), sel(t.plain())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(meter, sel(t.level(c.level))),
                Span::styled(format!(" {} ", c.level), sel(t.bold())),
                Span::styled(fit(&text, rest), sel(t.plain())),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    fn render_charts(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(t.dim());
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(1),
            ..inner
        };
        if inner.height < 6 || inner.width < 10 {
            return;
        }
        let days: u64 = match self.range {
            Range::Days30 => 30,
            Range::Days90 => 90,
        };
        let start = self
            .day()
            .checked_sub_days(Days::new(days - 1))
            .unwrap_or(self.day());
        let series: Vec<Option<f64>> = start
            .iter_days()
            .take(days as usize)
            .map(|d| self.daily.iter().find(|a| a.key == d).map(|a| a.average))
            .collect();
        let present: Vec<&EnergyAverage<NaiveDate>> =
            self.daily.iter().filter(|a| a.key >= start).collect();
        let checkins: u32 = present.iter().map(|a| a.count).sum();
        let mean = if present.is_empty() {
            None
        } else {
            Some(present.iter().map(|a| a.average).sum::<f64>() / present.len() as f64)
        };
        // Split: daily chart on top, hourly below; bars at most 8 rows high.
        let half = (inner.height / 2).min(11);
        let daily_rect = Rect {
            height: half,
            ..inner
        };
        let hourly_rect = Rect {
            y: inner.y + half,
            height: (inner.height - half).min(11),
            ..inner
        };
        let title = format!("Daily average · last {days} days");
        let keys = keymap::footer(&[Context::Energy])
            .into_iter()
            .find(|(_, h)| *h == "30/90d")
            .map(|(k, _)| format!("  ({k} toggles)"))
            .filter(|k| crate::text::width(k) + title.len() <= usize::from(daily_rect.width))
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(title, t.title()),
                Span::styled(keys, t.dim()),
            ])),
            Rect {
                height: 1,
                ..daily_rect
            },
        );
        let stats = match mean {
            Some(m) => format!(
                "mean {m:.1} · {} day{} · {checkins} check-in{}",
                present.len(),
                if present.len() == 1 { "" } else { "s" },
                if checkins == 1 { "" } else { "s" }
            ),
            None => "no check-ins in this period".into(),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(stats, t.dim())),
            Rect {
                y: daily_rect.y + daily_rect.height.saturating_sub(1),
                height: 1,
                ..daily_rect
            },
        );
        let chart = Rect {
            y: daily_rect.y + 1,
            height: daily_rect.height.saturating_sub(2),
            ..daily_rect
        };
        let fitted = fit_series(&series, usize::from(chart.width));
        let day_w = u16::try_from(usize::from(chart.width) / fitted.len().max(1))
            .unwrap_or(1)
            .clamp(1, 3);
        bars(
            frame.buffer_mut(),
            chart,
            &fitted,
            5.0,
            day_w,
            t.chart(),
            t.dim(),
        );

        // By hour of day.
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("By hour of day · last {HISTORY_DAYS} days"),
                t.title(),
            )),
            Rect {
                height: 1,
                ..hourly_rect
            },
        );
        let (first, last) = match (self.hourly.first(), self.hourly.last()) {
            (Some(f), Some(l)) => (f.key.min(6), l.key.max(20)),
            _ => (6, 20),
        };
        let hours: Vec<u8> = (first..=last.min(23)).collect();
        let n = u16::try_from(hours.len()).unwrap_or(24).max(1);
        let col_w = (hourly_rect.width / n).clamp(1, 4);
        let values: Vec<Option<f64>> = hours
            .iter()
            .map(|h| self.hourly.iter().find(|a| a.key == *h).map(|a| a.average))
            .collect();
        let bars_rect = Rect {
            y: hourly_rect.y + 1,
            height: hourly_rect.height.saturating_sub(2),
            width: (n * col_w).min(hourly_rect.width),
            ..hourly_rect
        };
        bars(
            frame.buffer_mut(),
            bars_rect,
            &values,
            5.0,
            col_w,
            t.chart(),
            t.dim(),
        );
        // Hour labels every few columns so they never collide.
        let mut axis = String::new();
        let step = if col_w >= 3 {
            1
        } else {
            6usize.div_ceil(usize::from(col_w))
        };
        for (i, h) in hours.iter().enumerate() {
            let col = i * usize::from(col_w);
            if i % step == 0 && axis.chars().count() <= col {
                while axis.chars().count() < col {
                    axis.push(' ');
                }
                axis.push_str(&format!("{h:02}"));
            }
        }
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&axis, usize::from(hourly_rect.width)).into_owned(),
                t.dim(),
            )),
            Rect {
                y: hourly_rect.y + hourly_rect.height.saturating_sub(1),
                height: 1,
                ..hourly_rect
            },
        );
    }
}

/// Reads a check-in time: `YYYY-MM-DD HH:MM[:SS]` (or with `T`), or `HH:MM[:SS]` on `day`.
pub fn parse_at(s: &str, day: NaiveDate) -> Result<NaiveDateTime, String> {
    let s = s.trim();
    for fmt in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(t);
        }
    }
    for fmt in ["%H:%M", "%H:%M:%S"] {
        if let Ok(t) = NaiveTime::parse_from_str(s, fmt) {
            return Ok(day.and_time(t));
        }
    }
    Err(format!(
        "time must be YYYY-MM-DD HH:MM or HH:MM, got {:?}",
        sanitize(s)
    ))
}

/// The form's values as a draft for the repository; a value that cannot be read is an
/// error on its field.
fn read_form(form: &Form, day: NaiveDate) -> Result<CheckinDraft, DbError> {
    let at = parse_at(&form.text("at"), day).map_err(|e| DbError::invalid("at", e))?;
    let level = form
        .picked("level")
        .first()
        .and_then(|o| u8::try_from(o.id).ok())
        .ok_or_else(|| DbError::invalid("level", "pick an energy level 1–5"))?;
    Ok(CheckinDraft {
        at,
        level,
        note: form.text("note"),
        tags: form.picked("tags").into_iter().map(|o| o.label).collect(),
    })
}

fn draft_lines(d: &CheckinDraft) -> Vec<(String, String)> {
    vec![
        ("time".into(), d.at.format("%Y-%m-%d %H:%M").to_string()),
        ("level".into(), d.level.to_string()),
        ("note".into(), d.note.clone()),
        ("tags".into(), d.tags.join(" ")),
    ]
}

fn checkin_lines(c: &Checkin) -> Vec<(String, String)> {
    draft_lines(&CheckinDraft {
        at: c.at,
        level: c.level,
        note: c.note.clone(),
        tags: c.tags.clone(),
    })
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

impl Pane for EnergyPane {
    fn title(&self) -> &str {
        "Energy"
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
        self.refilter();
        self.select_id(keep);
        Ok(())
    }

    fn handle_key(&mut self, key: KeyEvent, ctx: &mut Ctx) -> Outcome {
        if self.editing.is_open() {
            return self.form_key(&key, ctx);
        }
        let Some(binding) = keymap::resolve(self.hints(), &key) else {
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
        self.render_list(frame, list);
        self.render_charts(frame, charts);
        self.editing.render(frame, area);
    }

    fn hints(&self) -> &[Context] {
        if let Some(contexts) = self.editing.contexts() {
            return contexts;
        }
        if self.filter.typing {
            return &[Context::FilterInput];
        }
        &[Context::Energy, Context::Dated, Context::List]
    }

    fn paste(&mut self, text: &str, _ctx: &mut Ctx) -> Outcome {
        if self.editing.paste(text) {
            return Outcome::Handled;
        }
        if self.filter.typing {
            self.filter.text.push_str(&text.replace(['\n', '\r'], " "));
            self.refilter();
            return Outcome::Handled;
        }
        Outcome::Ignored
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_parse() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let t = |s| parse_at(s, d).map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string());
        assert_eq!(t("2026-11-21 08:15"), Ok("2026-11-21T08:15:00".into()));
        assert_eq!(t("14:05"), Ok("2026-11-22T14:05:00".into()));
        assert_eq!(t("2026-11-21T08:15:30"), Ok("2026-11-21T08:15:30".into()));
        assert!(t("noon").is_err());
        assert_eq!(level_name(1), "drained");
        assert_eq!(level_name(9), "?");
    }
}
