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

    pub(super) fn render_charts(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let inner = super::super::common::side_panel(frame, rect, None, t);
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
