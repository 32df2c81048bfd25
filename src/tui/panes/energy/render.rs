//! Drawing: the check-ins by day and the charts (daily averages, average by hour).

use super::*;

impl EnergyPane {
    pub(super) fn render_list(&mut self, frame: &mut Frame, rect: Rect) {
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
        if self.marking.on() && body.height > 0 {
            self.marking
                .render_banner(frame, Rect { height: 1, ..body }, &CHECKINS, t);
            body.y += 1;
            body.height -= 1;
        }
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
                "No check-ins in the last 90 days. Press c, then 1–5, to record how you feel."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let w = usize::from(body.width);
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        crate::tui::mouse::list(body, range.start, self.cursor.selected);
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
            let used = 11 + 6 + 8 + self.marking.marker_width();
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
                Span::styled(self.marking.marker(c.id), sel(t.warning())),
                Span::styled(fit(&date, 10), sel(date_style)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(c.at.format("%H:%M").to_string(), sel(t.plain())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(
                    meter,
                    if selected {
                        t.level(c.level).patch(t.selected_bar())
                    } else {
                        t.level(c.level)
                    },
                ),
                Span::styled(format!(" {} ", c.level), sel(t.bold())),
                Span::styled(fit(&text, rest), sel(t.plain())),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    pub(super) fn render_charts(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let inner = super::super::common::side_panel(frame, rect, None, t);
        // Title, rule and labels, two captions; title, rule and labels; and a row of bars each.
        if inner.height < 10 || inner.width < 14 {
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
        // Rows for bars: what the titles, axes and captions leave, a bit more to the daily
        // chart, each a whole number of rows per level.
        let spare = inner.height - 8;
        let daily_h = level_rows((spare * 55 / 100).min(15), 5);
        let hourly_h = level_rows((spare - daily_h).min(15), 5);
        let daily_rect = Rect {
            height: daily_h + 5,
            ..inner
        };
        let hourly_rect = Rect {
            y: inner.y + daily_rect.height,
            height: hourly_h + 3,
            ..inner
        };
        let title = format!("Daily average · last {days} days");
        let (range_key, year_key) = (
            keymap::keys_of(Action::Energy(EnergyAction::ToggleRange)),
            keymap::keys_of(Action::Energy(EnergyAction::Year)),
        );
        let keys = [
            format!("  {range_key} 30/90 · {year_key} year"),
            format!("  {range_key} 30/90"),
        ]
        .into_iter()
        .find(|k| crate::text::width(k) + title.len() <= usize::from(daily_rect.width))
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
        let plot_w = usize::from(daily_rect.width - LEVEL_GUTTER);
        let fitted = fit_series(&series, plot_w);
        let per = days_per_column(series.len(), plot_w);
        let day_w = u16::try_from(plot_w / fitted.len().max(1))
            .unwrap_or(1)
            .clamp(1, 3);
        let plot = Rect {
            x: daily_rect.x + LEVEL_GUTTER,
            y: daily_rect.y + 1,
            width: daily_rect.width - LEVEL_GUTTER,
            height: daily_h,
        };
        let buf = frame.buffer_mut();
        bars(buf, plot, &fitted, 5.0, day_w, t.chart(), t.dim());
        level_axis(buf, plot, 5, t.dim());
        let ticks = day_ticks(start, fitted.len(), per, day_w, 9);
        time_axis(buf, plot, &ticks, t.dim());
        let squeeze = if per > 1 {
            squeeze_note(series.len(), plot_w)
        } else if day_w > 1 {
            "1 bar = 1 day".to_string()
        } else {
            "1 column = 1 day".to_string()
        };
        let stats = match mean {
            Some(m) => format!(
                "mean {m:.1} · {} day{} · {checkins} check-in{}",
                present.len(),
                if present.len() == 1 { "" } else { "s" },
                if checkins == 1 { "" } else { "s" }
            ),
            None => "no check-ins in this period".into(),
        };
        let w = usize::from(daily_rect.width);
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(truncate(&squeeze, w).into_owned(), t.dim())),
                Line::from(Span::styled(truncate(&stats, w).into_owned(), t.dim())),
            ]),
            Rect {
                y: plot.bottom() + 2,
                height: 2,
                ..daily_rect
            },
        );

        // By hour of day.
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(
                    &format!("By hour of day · last {HISTORY_DAYS} days"),
                    usize::from(hourly_rect.width),
                )
                .into_owned(),
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
        let col_w = ((hourly_rect.width - LEVEL_GUTTER) / n).clamp(1, 4);
        let values: Vec<Option<f64>> = hours
            .iter()
            .map(|h| self.hourly.iter().find(|a| a.key == *h).map(|a| a.average))
            .collect();
        let plot = Rect {
            x: hourly_rect.x + LEVEL_GUTTER,
            y: hourly_rect.y + 1,
            height: hourly_h,
            width: (n * col_w).min(hourly_rect.width - LEVEL_GUTTER),
        };
        let buf = frame.buffer_mut();
        bars(buf, plot, &values, 5.0, col_w, t.chart(), t.dim());
        level_axis(buf, plot, 5, t.dim());
        // Hour labels every few columns so they never collide.
        let step = if col_w >= 3 {
            1
        } else {
            3usize.div_ceil(usize::from(col_w))
        };
        let ticks: Vec<(u16, String)> = hours
            .iter()
            .enumerate()
            .filter(|(i, _)| i % step == 0)
            .filter_map(|(i, h)| Some((u16::try_from(i).ok()? * col_w, format!("{h:02}"))))
            .collect();
        time_axis(buf, plot, &ticks, t.dim());
    }

    /// The year heatmap: one cell per day, shaded by the day's mean level.
    pub(super) fn render_year(&self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let w = usize::from(area.width);
        let days = self.year_days.len();
        let mean =
            (days > 0).then(|| self.year_days.iter().map(|a| a.average).sum::<f64>() / days as f64);
        let head = format!(
            "Energy · the last year to {} · mean level per day",
            self.day().format("%-d %b %Y")
        );
        let stats = match mean {
            Some(m) => format!(
                "{days} day{} with check-ins · mean {m:.1}",
                if days == 1 { "" } else { "s" }
            ),
            None => "No check-ins in the last year. c records one.".into(),
        };
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
        let by_day: std::collections::HashMap<NaiveDate, f64> =
            self.year_days.iter().map(|a| (a.key, a.average)).collect();
        let shade = |d: NaiveDate| {
            by_day.get(&d).map(|avg| {
                let level = avg.floor().clamp(1.0, 4.0) as u8;
                (usize::from(level), t.level(level + 1))
            })
        };
        let Some(first) = heatmap(
            frame.buffer_mut(),
            grid,
            self.day(),
            cell_w,
            &shade,
            t.dim(),
            t.dim(),
        ) else {
            return;
        };
        // The mean of each weekday, right of its row.
        let weeks_w = HEAT_GUTTER + 53 * cell_w + 1;
        if area.width >= weeks_w + 7 {
            for wd in 0..7u32 {
                let of_day: Vec<f64> = self
                    .year_days
                    .iter()
                    .filter(|a| a.key >= first && a.key.weekday().num_days_from_monday() == wd)
                    .map(|a| a.average)
                    .collect();
                let text = if of_day.is_empty() {
                    "  –".to_string()
                } else {
                    format!("{:.1}", of_day.iter().sum::<f64>() / of_day.len() as f64)
                };
                frame.buffer_mut().set_stringn(
                    area.x + weeks_w,
                    grid.y + 1 + u16::try_from(wd).unwrap_or(0),
                    format!("avg {text}"),
                    8,
                    t.dim(),
                );
            }
        }
        let legend = Line::from(vec![
            Span::styled("· ", t.dim()),
            Span::styled("none  ", t.dim()),
            Span::styled(SHADES[1], t.level(2)),
            Span::styled(" 1–2  ", t.dim()),
            Span::styled(SHADES[2], t.level(3)),
            Span::styled(" 2–3  ", t.dim()),
            Span::styled(SHADES[3], t.level(4)),
            Span::styled(" 3–4  ", t.dim()),
            Span::styled(SHADES[4], t.level(5)),
            Span::styled(" 4–5  (mean level of the day)", t.dim()),
        ]);
        let ly = grid.y + grid.height + 1;
        // The mean of each month below, with its scale, where there is room.
        let months = month_starts(self.day(), 13);
        let values: Vec<Option<f64>> = months
            .iter()
            .map(|m| {
                let of: Vec<f64> = self
                    .year_days
                    .iter()
                    .filter(|a| a.key.year() == m.year() && a.key.month() == m.month())
                    .map(|a| a.average)
                    .collect();
                (!of.is_empty()).then(|| of.iter().sum::<f64>() / of.len() as f64)
            })
            .collect();
        let bars_y = ly + 2;
        if bars_y + 8 <= area.bottom() {
            let h = (area.bottom() - bars_y).min(3 + 10);
            let plot_h = level_rows(h - 3, 5);
            month_bars(
                frame.buffer_mut(),
                Rect {
                    y: bars_y,
                    height: plot_h + 3,
                    ..area
                },
                "By month · mean level of the days with check-ins",
                &months,
                &values,
                5.0,
                &[1.0, 2.0, 3.0, 4.0, 5.0],
                LEVEL_GUTTER,
                (t.title(), t.chart(), t.dim()),
            );
        }
        if ly < area.bottom() {
            frame.render_widget(
                Paragraph::new(legend),
                Rect {
                    y: ly,
                    height: area.bottom() - ly,
                    ..area
                },
            );
        }
    }
}
