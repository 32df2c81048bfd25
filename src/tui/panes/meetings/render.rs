//! Drawing: the list with the selected meeting beside it, a meeting's page and a person's
//! page.

use super::*;

impl MeetingsPane {
    pub(super) fn render_person(&mut self, frame: &mut Frame, area: Rect) {
        match self.page.as_mut() {
            Some(p) => p.render(frame, area, self.today, self.theme),
            None => render_empty(
                frame,
                area,
                "This person is gone (merged?). Esc goes back.",
                self.theme,
            ),
        }
    }
}

impl MeetingsPane {
    // ---- drawing ------------------------------------------------------------------------

    pub(super) fn render_detail(&mut self, frame: &mut Frame, area: Rect) {
        match self.detail.as_mut() {
            Some(d) => d.render(frame, area, self.today, self.theme),
            None => render_empty(
                frame,
                area,
                "This meeting is gone (deleted?). Esc goes back.",
                self.theme,
            ),
        }
    }

    pub(super) fn render_list(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        if rect.height < 2 || rect.width < 10 {
            return;
        }
        let (open, todays) = (self.open_total, self.todays);
        let head = format!(
            "Meetings · {} · {todays} today · {open} open action item{}",
            self.all,
            if open == 1 { "" } else { "s" }
        );
        // The other views, named where the header leaves room (the footer keeps the verbs).
        let views = format!(
            "  {} week · {} year",
            keymap::keys_of(Action::Meetings(MeetingsAction::Week)),
            keymap::keys_of(Action::Meetings(MeetingsAction::Year))
        );
        let views = if width(&head) + width(&views) <= usize::from(rect.width) {
            views
        } else {
            String::new()
        };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    truncate(&head, usize::from(rect.width)).into_owned(),
                    t.title(),
                ),
                Span::styled(views, t.dim()),
            ])),
            Rect { height: 1, ..rect },
        );
        let mut body = Rect {
            y: rect.y + 1,
            height: rect.height - 1,
            ..rect
        };
        if self.marking.on() && body.height > 0 {
            self.marking
                .render_banner(frame, Rect { height: 1, ..body }, &MEETINGS, t);
            body.y += 1;
            body.height -= 1;
        }
        if self.filter.is_active() || self.filter.typing {
            render_filter(
                frame,
                Rect { height: 1, ..body },
                &self.filter,
                self.list.total(),
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
            let msg = if self.filter.is_active() {
                "No meeting matches the filter. Esc clears it."
            } else {
                "No meetings yet. Press a to record one."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let w = usize::from(body.width);
        // date 10, time 5, duration 5, kind 9, title, attendees, open items 3; spaces between.
        // Narrow: duration and kind go (the preview and the page show them), so the title
        // keeps its room.
        let compact = w < 70;
        let who_w = if w >= 100 {
            26
        } else if compact {
            13
        } else {
            16
        };
        let fixed = if compact {
            10 + 1 + 5 + 1 + 1 + who_w + 1 + 3
        } else {
            10 + 1 + 5 + 1 + 5 + 1 + 9 + 1 + 1 + who_w + 1 + 3
        };
        let fixed = fixed + self.marking.marker_width();
        let title_w = w.saturating_sub(fixed).max(8);
        let range = self.list.window(usize::from(body.height));
        crate::tui::mouse::list(body, range.start, self.list.selected_index());
        let mut prev_day = range
            .start
            .checked_sub(1)
            .and_then(|r| self.list.get(r))
            .map(|m| m.starts_at.date());
        let mut lines = Vec::with_capacity(range.len());
        for row in range {
            let Some(m) = self.list.get(row) else {
                continue;
            };
            let d = m.starts_at.date();
            let date = if prev_day == Some(d) {
                String::new()
            } else {
                d.format("%a %-d %b").to_string()
            };
            prev_day = Some(d);
            let selected = row == self.list.selected_index();
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let open = self.open_counts.get(&m.id).copied().unwrap_or(0);
            let date_style = if d == self.today {
                t.bold()
            } else if d > self.today {
                t.title()
            } else {
                t.dim()
            };
            let mut spans = vec![
                Span::styled(self.marking.marker(m.id), sel(t.warning())),
                Span::styled(fit(&date, 10), sel(date_style)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(m.starts_at.format("%H:%M").to_string(), sel(t.plain())),
                Span::styled(" ", sel(t.plain())),
            ];
            if !compact {
                spans.extend([
                    Span::styled(
                        fit(
                            &m.duration_minutes.map(format_minutes).unwrap_or_default(),
                            5,
                        ),
                        sel(t.dim()),
                    ),
                    Span::styled(" ", sel(t.plain())),
                    Span::styled(fit(m.kind.label(), 9), sel(t.tag())),
                    Span::styled(" ", sel(t.plain())),
                ]);
            }
            spans.extend([
                Span::styled(fit(&sanitize(&m.title), title_w), sel(t.plain())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&names(&m.attendees, who_w), who_w), sel(t.dim())),
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
            ]);
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    /// The selected meeting beside the list (wide terminals).
    pub(super) fn render_preview(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let inner = super::super::common::side_panel(frame, rect, Some("Meeting"), t);
        let Some(m) = self.selected() else {
            return;
        };
        let cols = usize::from(inner.width);
        let mut lines = meeting_head(m, self.today, t);
        // Only a calendar's meetings say where they came from here; the page says it always.
        if let Some((id, c)) = &self.preview_calendar
            && *id == m.id
        {
            lines.push(calendar_line(Some(c), self.today, t));
        }
        let open = match &self.preview_items {
            Some((id, items)) if *id == m.id => items.as_slice(),
            _ => &[],
        };
        if !open.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("Open action items ({})", open.len()),
                t.title(),
            )));
            let c = ItemCols::new(open.iter().map(|i| (i, None)), cols, self.today);
            for i in open {
                lines.push(item_line(i, None, &c, self.today, t, false));
            }
        }
        lines.push(Line::from(""));
        for l in sanitize_lines(&m.notes) {
            lines.push(Line::from(l.into_owned()));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
