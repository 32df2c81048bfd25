//! Drawing: the list, the preview beside it and a piece of feedback's page.

use super::*;

impl FeedbackPane {
    pub(super) fn render_list(&mut self, frame: &mut Frame, rect: Rect) {
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
        if self.marking.on() && body.height > 0 {
            self.marking
                .render_banner(frame, Rect { height: 1, ..body }, &FEEDBACK, t);
            body.y += 1;
            body.height -= 1;
        }
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
        // The text is what matters: it gets every column the others can spare. Direction
        // shrinks to its arrow and the kind goes first when the list is narrow.
        let w = usize::from(body.width);
        let who_w = if w >= 100 {
            18
        } else if w >= 70 {
            14
        } else {
            12
        };
        let dir_w = if w >= 100 { 10 } else { 1 };
        let kind_w = if w >= 70 { 12 } else { 0 };
        let fixed = 10 + 1 + dir_w + 1 + who_w + 1 + kind_w + usize::from(kind_w > 0) + 1 + 3;
        let fixed = fixed + self.marking.marker_width();
        let text_w = w.saturating_sub(fixed).max(8);
        let range = self.list.window(usize::from(body.height));
        crate::tui::mouse::list(body, range.start, self.list.selected_index());
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
            let mut spans = vec![
                Span::styled(self.marking.marker(f.id), sel(t.warning())),
                Span::styled(fit(&short_day(f.day, self.today), 10), sel(t.dim())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(
                    if dir_w >= 10 {
                        fit(arrow(f.direction), dir_w)
                    } else {
                        // The arrow alone (the legend in ? says which is which).
                        arrow(f.direction).chars().take(1).collect()
                    },
                    sel(dir_style),
                ),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&sanitize(&f.person.name), who_w), sel(t.bold())),
                Span::styled(" ", sel(t.plain())),
            ];
            if kind_w > 0 {
                spans.push(Span::styled(fit(f.kind.label(), kind_w), sel(t.tag())));
                spans.push(Span::styled(" ", sel(t.plain())));
            }
            spans.extend([
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
            ]);
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    pub(super) fn head_lines(&self, f: &Feedback, meeting: Option<&Meeting>) -> Vec<Line<'static>> {
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

    pub(super) fn render_preview(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let inner = super::super::common::side_panel(frame, rect, Some("Feedback"), t);
        let Some(f) = self.selected() else {
            return;
        };
        let mut lines = self.head_lines(f, None);
        for l in sanitize_lines(&f.content) {
            lines.push(Line::from(l.into_owned()));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }

    pub(super) fn render_detail(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let today = self.today;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let mut lines = self.head_lines(&d.feedback, d.meeting.as_ref());
        lines.extend(self.attached.lines(area.width, t));
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
