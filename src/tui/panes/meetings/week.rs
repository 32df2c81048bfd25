//! The week view (`w`): a week's meetings laid out by day (columns) and hour (rows), the
//! agenda a calendar user expects, moving week by week; and the year heatmap (`y`) of meetings
//! per day.

use super::*;
use crate::tui::keymap::{WeekAction, YearAction};
use chrono::{Datelike, Days, NaiveDateTime, Timelike};

/// Columns left of the grid for the hour labels (`09:00 `).
const HOUR_GUTTER: u16 = 6;
/// The hours shown when the week's meetings fit in them.
const DAY_START: u32 = 9;
const DAY_END: u32 = 18;
/// A meeting without a duration fills this much of the grid.
const DEFAULT_MINUTES: i64 = 30;

/// A week of meetings and the one selected.
#[derive(Debug, Default)]
pub(super) struct Week {
    pub(super) monday: NaiveDate,
    /// The week's meetings in order of start.
    pub(super) meetings: Vec<Meeting>,
    pub(super) selected: usize,
}

/// The Monday of `day`'s week.
pub(super) fn monday_of(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
        .unwrap_or(day)
}

fn end_of(m: &Meeting) -> NaiveDateTime {
    let minutes = m.duration_minutes.map_or(DEFAULT_MINUTES, i64::from).max(1);
    m.starts_at + chrono::Duration::minutes(minutes)
}

impl Week {
    pub(super) fn selected(&self) -> Option<&Meeting> {
        self.meetings.get(self.selected)
    }

    /// Reads the week of `monday`, keeping the selection on `keep` when it is still there,
    /// else on the first meeting at or after `now` (or the first of the week).
    pub(super) fn load(
        repo: &Repo,
        monday: NaiveDate,
        keep: Option<Id>,
        now: NaiveDateTime,
    ) -> crate::db::Result<Week> {
        let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
        let meetings = repo.meetings_between(monday, sunday)?;
        let selected = keep
            .and_then(|id| meetings.iter().position(|m| m.id == id))
            .or_else(|| meetings.iter().position(|m| end_of(m) > now))
            .unwrap_or(0);
        Ok(Week {
            monday,
            meetings,
            selected,
        })
    }

    /// The hours the grid shows: the working day, widened to hold every meeting of the week.
    fn hours(&self) -> (u32, u32) {
        let mut from = DAY_START;
        let mut to = DAY_END;
        for m in &self.meetings {
            from = from.min(m.starts_at.hour());
            let end = end_of(m);
            let end_hour = if end.date() > m.starts_at.date() {
                24
            } else if end.minute() > 0 {
                end.hour() + 1
            } else {
                end.hour()
            };
            to = to.max(end_hour.max(m.starts_at.hour() + 1));
        }
        (from, to.min(24))
    }
}

impl MeetingsPane {
    pub(super) fn open_week(&mut self, ctx: &mut Ctx) -> Outcome {
        let day = self
            .selected()
            .map(|m| m.starts_at.date())
            .unwrap_or(ctx.today);
        let keep = self.selected().map(|m| m.id);
        self.load_week(ctx, monday_of(day), keep);
        self.mode = Mode::Week;
        Outcome::Handled
    }

    fn load_week(&mut self, ctx: &mut Ctx, monday: NaiveDate, keep: Option<Id>) {
        match Week::load(ctx.repo, monday, keep, ctx.now) {
            Ok(w) => self.week = w,
            Err(e) => ctx.status.error(e),
        }
    }

    pub(super) fn week_act(&mut self, action: Action, ctx: &mut Ctx) -> Outcome {
        let Action::MeetingsWeek(a) = action else {
            return Outcome::Ignored;
        };
        let n = self.week.meetings.len();
        match a {
            WeekAction::Move(nav) => {
                let s = self.week.selected;
                self.week.selected = match nav {
                    Nav::Down | Nav::PageDown => (s + 1).min(n.saturating_sub(1)),
                    Nav::Up | Nav::PageUp => s.saturating_sub(1),
                    Nav::Top => 0,
                    Nav::Bottom => n.saturating_sub(1),
                };
            }
            WeekAction::PrevDay | WeekAction::NextDay => {
                let Some(day) = self.week.selected().map(|m| m.starts_at.date()) else {
                    return Outcome::Handled;
                };
                let found = if a == WeekAction::NextDay {
                    self.week
                        .meetings
                        .iter()
                        .position(|m| m.starts_at.date() > day)
                } else {
                    // The first meeting of the nearest earlier day that has one.
                    let prev = self
                        .week
                        .meetings
                        .iter()
                        .rev()
                        .find(|m| m.starts_at.date() < day)
                        .map(|m| m.starts_at.date());
                    prev.and_then(|p| {
                        self.week
                            .meetings
                            .iter()
                            .position(|m| m.starts_at.date() == p)
                    })
                };
                if let Some(i) = found {
                    self.week.selected = i;
                }
            }
            WeekAction::PrevWeek | WeekAction::NextWeek => {
                let monday = if a == WeekAction::NextWeek {
                    self.week.monday.checked_add_days(Days::new(7))
                } else {
                    self.week.monday.checked_sub_days(Days::new(7))
                };
                if let Some(monday) = monday {
                    self.load_week(ctx, monday, None);
                }
                return Outcome::Moved;
            }
            WeekAction::ThisWeek => {
                self.load_week(ctx, monday_of(ctx.today), None);
                return Outcome::Moved;
            }
            WeekAction::Open => {
                return match self.week.selected().map(|m| m.id) {
                    Some(id) => self.push(View::Meeting(id)),
                    None => Outcome::Handled,
                };
            }
            WeekAction::Back => {
                // Back in the list on the meeting selected here.
                self.pending_select = self.week.selected().map(|m| m.id);
                self.list_stale = true;
                self.mode = Mode::List;
                return Outcome::Moved;
            }
        }
        Outcome::Handled
    }

    pub(super) fn open_year(&mut self, ctx: &mut Ctx) -> Outcome {
        match self.read_year(ctx.repo) {
            Ok(()) => self.mode = Mode::Year,
            Err(e) => ctx.status.error(e),
        }
        Outcome::Handled
    }

    /// The year heatmap's counts, one grouped query.
    pub(super) fn read_year(&mut self, repo: &Repo) -> crate::db::Result<()> {
        let to = self.today;
        let from = to.checked_sub_days(Days::new(371)).unwrap_or(to);
        self.year_days = repo.meetings_per_day(from, to)?;
        Ok(())
    }

    pub(super) fn year_act(&mut self, action: Action) -> Outcome {
        match action {
            Action::Year(YearAction::Back) => {
                self.mode = Mode::List;
                Outcome::Handled
            }
            _ => Outcome::Ignored,
        }
    }

    pub(super) fn render_week(&self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        if area.height < 5 || area.width < HOUR_GUTTER + 14 {
            return;
        }
        let w = &self.week;
        let sunday = w.monday.checked_add_days(Days::new(6)).unwrap_or(w.monday);
        let head = format!(
            "Week {} · {} – {} · {} meeting{}",
            w.monday.iso_week().week(),
            w.monday.format("%a %-d %b"),
            sunday.format("%a %-d %b %Y"),
            w.meetings.len(),
            if w.meetings.len() == 1 { "" } else { "s" }
        );
        let buf = frame.buffer_mut();
        buf.set_stringn(
            area.x,
            area.y,
            truncate(&head, usize::from(area.width)),
            usize::from(area.width),
            t.title(),
        );
        // Day columns, each starting with a rule.
        let col_w = (area.width - HOUR_GUTTER) / 7;
        let day_x = |d: u16| area.x + HOUR_GUTTER + d * col_w;
        for d in 0..7u16 {
            let Some(day) = w.monday.checked_add_days(Days::new(u64::from(d))) else {
                continue;
            };
            let label = if col_w >= 12 {
                day.format("%a %-d %b").to_string()
            } else {
                day.format("%a %-d").to_string()
            };
            let style = if day == self.today {
                t.active()
            } else if day.weekday().num_days_from_monday() >= 5 {
                t.dim()
            } else {
                t.bold()
            };
            buf.set_stringn(
                day_x(d) + 1,
                area.y + 1,
                &label,
                usize::from(col_w.saturating_sub(1)),
                style,
            );
        }
        // The detail of the selected meeting at the bottom.
        let grid_top = area.y + 2;
        let grid_h = area.height - 3;
        let (from, to) = w.hours();
        let hours = to.saturating_sub(from).max(1);
        // Half hours at least where the working day fits in them; a longer day then scrolls.
        let mut rows_per_hour = (u32::from(grid_h) / hours).clamp(1, 4);
        if rows_per_hour == 1 && u32::from(grid_h) >= 2 * (DAY_END - DAY_START) {
            rows_per_hour = 2;
        }
        // Too many hours for the rows: the window scrolls to hold the selected meeting.
        let shown_hours = (u32::from(grid_h) / rows_per_hour).min(hours).max(1);
        let first_hour = match w.selected() {
            Some(m) if end_of(m).hour() >= from + shown_hours => {
                (end_of(m).hour() + 1).saturating_sub(shown_hours).max(from)
            }
            _ => from,
        }
        .min(to.saturating_sub(shown_hours));
        let minutes_per_row = 60 / rows_per_hour;
        let grid_rows = u16::try_from(shown_hours * rows_per_hour).unwrap_or(grid_h);
        for r in 0..grid_rows {
            let y = grid_top + r;
            let minute = u32::from(r) * minutes_per_row;
            if minute % 60 == 0 {
                let h = first_hour + minute / 60;
                buf.set_stringn(area.x, y, format!("{h:02}:00"), 5, t.dim());
            }
            for d in 0..7u16 {
                let rule = if minute % 60 == 0 { "┼" } else { "│" };
                buf[(day_x(d), y)].set_symbol(rule).set_style(t.dim());
            }
        }
        if first_hour > from {
            buf.set_stringn(area.x, grid_top, "  ↑  ", 5, t.dim());
        }
        if first_hour + shown_hours < to {
            buf.set_stringn(area.x, grid_top + grid_rows - 1, "  ↓  ", 5, t.dim());
        }
        // The meetings, in lanes where they overlap on a day.
        let grid_start = |day: NaiveDate| day.and_hms_opt(first_hour, 0, 0);
        for d in 0..7u16 {
            let Some(day) = w.monday.checked_add_days(Days::new(u64::from(d))) else {
                continue;
            };
            let of_day: Vec<(usize, &Meeting)> = w
                .meetings
                .iter()
                .enumerate()
                .filter(|(_, m)| m.starts_at.date() == day)
                .collect();
            let mut lane_ends: Vec<NaiveDateTime> = Vec::new();
            let mut lanes: Vec<usize> = Vec::with_capacity(of_day.len());
            for (_, m) in &of_day {
                let lane = match lane_ends.iter().position(|e| *e <= m.starts_at) {
                    Some(l) => l,
                    None => {
                        lane_ends.push(m.starts_at);
                        lane_ends.len() - 1
                    }
                };
                lane_ends[lane] = end_of(m);
                lanes.push(lane);
            }
            let n_lanes = u16::try_from(lane_ends.len().max(1)).unwrap_or(1);
            let inner_w = col_w.saturating_sub(1);
            let lane_w = (inner_w / n_lanes).max(1);
            let Some(start) = grid_start(day) else {
                continue;
            };
            for ((i, m), lane) in of_day.iter().zip(lanes) {
                let per_row = i64::from(minutes_per_row);
                let rows = i64::from(grid_rows);
                // Rows from the one it starts in to the one it ends in (a part counts).
                let top = (m.starts_at - start).num_minutes().div_euclid(per_row);
                let end_minutes = (end_of(m) - start).num_minutes();
                let bottom =
                    end_minutes.div_euclid(per_row) + i64::from(end_minutes % per_row != 0);
                // Outside the hours shown (scrolled away): left out.
                if bottom <= 0 || top >= rows || rows == 0 {
                    continue;
                }
                let top = top.clamp(0, rows - 1);
                let bottom = bottom.clamp(top + 1, rows);
                let x = day_x(d) + 1 + u16::try_from(lane).unwrap_or(0) * lane_w;
                if x >= day_x(d) + col_w {
                    continue;
                }
                let cols = usize::from(lane_w.min(day_x(d) + col_w - x));
                let selected = *i == w.selected;
                let style = if selected {
                    t.chart().patch(t.selected())
                } else {
                    t.chart()
                };
                let title = sanitize(&m.title);
                let time = m.starts_at.format("%H:%M").to_string();
                let first_line = if cols >= 14 {
                    format!("{time} {title}")
                } else {
                    title.into_owned()
                };
                let lines = [first_line, names(&m.attendees, cols.saturating_sub(1))];
                for (k, y) in (top..bottom).enumerate() {
                    let Ok(y) = u16::try_from(y) else { continue };
                    let text = if k == 0 {
                        lines[0].clone()
                    } else if k == 1 {
                        lines[1].clone()
                    } else {
                        String::new()
                    };
                    let edge = if k == 0 { "▌" } else { "▏" };
                    let cell = format!("{edge}{}", fit(&text, cols.saturating_sub(1)));
                    buf.set_stringn(x, grid_top + y, &cell, cols, style);
                }
            }
        }
        // The selected meeting in full.
        let foot_y = area.bottom() - 1;
        let foot = match w.selected() {
            Some(m) => {
                let mut s = format!(
                    "{} {}–{} · {}",
                    m.starts_at.format("%a %-d %b"),
                    m.starts_at.format("%H:%M"),
                    end_of(m).format("%H:%M"),
                    sanitize(&m.title)
                );
                if !m.attendees.is_empty() {
                    s.push_str(&format!(" · with {}", names(&m.attendees, 60)));
                }
                s
            }
            None => "No meetings this week. [ ] moves a week, w back to the list.".into(),
        };
        buf.set_stringn(
            area.x,
            foot_y,
            truncate(&foot, usize::from(area.width)),
            usize::from(area.width),
            t.plain(),
        );
    }

    /// The year heatmap: one cell per day, shaded by how many meetings it had.
    pub(super) fn render_year(&self, frame: &mut Frame, area: Rect) {
        use super::super::chart::{HEAT_GUTTER, SHADES, heatmap, month_bars, month_starts};
        let t = self.theme;
        let w = usize::from(area.width);
        let total: u32 = self.year_days.iter().map(|(_, n)| n).sum();
        let busiest = self.year_days.iter().max_by_key(|(d, n)| (*n, *d));
        let head = format!(
            "Meetings · the last year to {} · meetings per day",
            self.today.format("%-d %b %Y")
        );
        let mut stats = format!(
            "{total} meeting{} on {} day{}",
            if total == 1 { "" } else { "s" },
            self.year_days.len(),
            if self.year_days.len() == 1 { "" } else { "s" }
        );
        if let Some((d, n)) = busiest {
            stats.push_str(&format!(" · busiest {} ({n})", d.format("%a %-d %b %Y")));
        }
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(truncate(&head, w).into_owned(), t.title())),
                Line::from(Span::styled(truncate(&stats, w).into_owned(), t.dim())),
            ]),
            Rect {
                height: 2.min(area.height),
                ..area
            },
        );
        let cell_w = if area.width >= HEAT_GUTTER + 53 * 2 + 2 {
            2
        } else {
            1
        };
        let grid = Rect {
            y: area.y + 3,
            height: area.height.saturating_sub(3).min(8),
            ..area
        };
        let by_day: HashMap<NaiveDate, u32> = self.year_days.iter().copied().collect();
        let shade = |d: NaiveDate| {
            by_day.get(&d).map(|n| {
                let i = match n {
                    0 => 0,
                    1 => 1,
                    2 => 2,
                    3 | 4 => 3,
                    _ => 4,
                };
                (i, t.chart())
            })
        };
        let Some(first) = heatmap(
            frame.buffer_mut(),
            grid,
            self.today,
            cell_w,
            &shade,
            t.dim(),
            t.dim(),
        ) else {
            return;
        };
        let weeks_w = HEAT_GUTTER + 53 * cell_w + 1;
        if area.width >= weeks_w + 9 {
            for wd in 0..7u32 {
                let n: u32 = self
                    .year_days
                    .iter()
                    .filter(|(d, _)| *d >= first && d.weekday().num_days_from_monday() == wd)
                    .map(|(_, n)| n)
                    .sum();
                frame.buffer_mut().set_stringn(
                    area.x + weeks_w,
                    grid.y + 1 + u16::try_from(wd).unwrap_or(0),
                    format!("{n} in all"),
                    10,
                    t.dim(),
                );
            }
        }
        let legend = Line::from(vec![
            Span::styled("· none  ", t.dim()),
            Span::styled(SHADES[1], t.chart()),
            Span::styled(" 1  ", t.dim()),
            Span::styled(SHADES[2], t.chart()),
            Span::styled(" 2  ", t.dim()),
            Span::styled(SHADES[3], t.chart()),
            Span::styled(" 3–4  ", t.dim()),
            Span::styled(SHADES[4], t.chart()),
            Span::styled(" 5 or more (meetings that day)", t.dim()),
        ]);
        let ly = grid.y + grid.height + 1;
        // Meetings per month below, with its scale, where there is room.
        let months = month_starts(self.today, 13);
        let counts: Vec<u32> = months
            .iter()
            .map(|m| {
                self.year_days
                    .iter()
                    .filter(|(d, _)| d.year() == m.year() && d.month() == m.month())
                    .map(|(_, n)| n)
                    .sum()
            })
            .collect();
        let most = counts.iter().copied().max().unwrap_or(0);
        let bars_y = ly + 2;
        if bars_y + 8 <= area.bottom() && most > 0 {
            // A round top: the most, up to the next 5.
            let top = f64::from(most.div_ceil(5).max(1) * 5);
            let values: Vec<Option<f64>> = counts.iter().map(|&n| Some(f64::from(n))).collect();
            let h = (area.bottom() - bars_y).min(3 + 10);
            let gutter = u16::try_from(format!("{top:.0}").len()).unwrap_or(3) + 1;
            // Whole numbers only: half of 5 would read as 2.
            let ticks: Vec<f64> = if most.div_ceil(5) % 2 == 0 {
                vec![top / 2.0, top]
            } else {
                vec![top]
            };
            month_bars(
                frame.buffer_mut(),
                Rect {
                    y: bars_y,
                    height: h,
                    ..area
                },
                "By month · meetings",
                &months,
                &values,
                top,
                &ticks,
                gutter,
                (t.title(), t.chart(), t.dim()),
            );
        }
        if ly < area.bottom() {
            frame.render_widget(
                Paragraph::new(legend),
                Rect {
                    y: ly,
                    height: 1,
                    ..area
                },
            );
        }
    }
}
