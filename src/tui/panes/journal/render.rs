//! Drawing: the list and the selected entry's text beside or below it.

use super::*;

impl JournalPane {
    pub(super) fn header_text(&self) -> String {
        let n = self.list.total();
        let mut s = format!(
            "Journal · {} entr{}",
            self.list.total_text(),
            if n == 1 { "y" } else { "ies" }
        );
        if self.starred_only {
            s.push_str(" · ★ starred only");
        }
        if let Some(t) = &self.tag {
            s.push_str(&format!(" · #{}", sanitize(t)));
        }
        s
    }

    pub(super) fn render_list(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        if rect.height == 0 {
            return;
        }
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&self.header_text(), usize::from(rect.width)).into_owned(),
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
                .render_banner(frame, Rect { height: 1, ..body }, &ENTRIES, t);
            body.y += 1;
            body.height -= 1;
        }
        if (self.filter.is_active() || self.filter.typing) && body.height > 0 {
            render_filter_counted(
                frame,
                Rect { height: 1, ..body },
                &self.filter,
                &self.list.total_text(),
                self.unfiltered,
                t,
            );
            body.y += 1;
            body.height -= 1;
        }
        if self.list.is_empty() {
            let msg = if self.filter.is_active() || self.tag.is_some() || self.starred_only {
                "No entry matches the filters. Esc clears them."
            } else {
                "Nothing in the journal yet. Press a to write down what you learned."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let w = usize::from(body.width);
        let tag_w = if w >= 70 { 22 } else { 14 };
        let title_w = w.saturating_sub(2 + 11 + tag_w + 1 + self.marking.marker_width());
        let range = self.list.window(usize::from(body.height));
        crate::tui::mouse::list(body, range.start, self.list.selected_index());
        let mut lines = Vec::with_capacity(range.len());
        for row in range {
            let Some(l) = self.list.get(row) else {
                continue;
            };
            let selected = row == self.list.selected_index();
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let date_style = if l.at.date() == self.today {
                t.bold()
            } else {
                t.dim()
            };
            let picked = self.marking.marker(l.id);
            lines.push(Line::from(vec![
                Span::styled(picked, sel(t.warning())),
                Span::styled(if l.starred { "★ " } else { "  " }, sel(t.warning())),
                Span::styled(l.at.format("%Y-%m-%d ").to_string(), sel(date_style)),
                Span::styled(fit(&sanitize(&l.title), title_w), sel(t.plain())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&tags_text(&l.tags), tag_w), sel(t.tag())),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    pub(super) fn render_preview(&mut self, frame: &mut Frame, rect: Rect, beside: bool) {
        let t = self.theme;
        let block = Block::default()
            .borders(if beside { Borders::LEFT } else { Borders::TOP })
            .border_style(t.dim());
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(1),
            ..inner
        };
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let id = self.selected().map(|l| l.id);
        if id != self.preview_for {
            self.preview_for = id;
            self.preview_scroll = 0;
        }
        let Some(Preview { entry: l, skills }) =
            self.preview.as_ref().filter(|p| Some(p.entry.id) == id)
        else {
            return;
        };
        let mut lines = vec![Line::from(vec![
            Span::styled(if l.starred { "★ " } else { "" }, t.warning()),
            Span::styled(sanitize(&l.title).into_owned(), t.bold()),
        ])];
        lines.push(Line::from(Span::styled(
            l.at.format("%A %-d %B %Y, %H:%M").to_string(),
            t.dim(),
        )));
        if !l.tags.is_empty() {
            lines.push(Line::from(Span::styled(tags_text(&l.tags), t.tag())));
        }
        let skills: Vec<String> = skills.iter().map(|n| sanitize(n).into_owned()).collect();
        if !skills.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("skills ", t.dim()),
                Span::raw(skills.join(", ")),
            ]));
        }
        let w = usize::from(inner.width);
        // The files (numbered for F and X) before the text, only if it has any: the footer
        // and `?` name `A` for the others, and a small screen keeps its room for the text.
        if !self.attached.rows.is_empty() {
            lines.push(Line::from(""));
            lines.extend(self.attached.lines(inner.width, t));
        }
        lines.push(Line::from(""));
        let mut head: Vec<Line> = Vec::new();
        for line in lines {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if width(&text) <= w {
                head.push(line);
            } else {
                let style = line.spans.last().map(|s| s.style).unwrap_or_default();
                head.extend(
                    wrap(&text, w)
                        .into_iter()
                        .map(|l| Line::from(Span::styled(l, style))),
                );
            }
        }
        let mut body: Vec<Line> = Vec::new();
        if l.body.trim().is_empty() {
            body.push(Line::from(Span::styled(
                "(no text: e edits, E writes it in $EDITOR)",
                t.dim(),
            )));
        }
        for line in sanitize_lines(&l.body) {
            body.extend(wrap(&line, w).into_iter().map(Line::from));
        }
        head.extend(body);
        let total = head.len();
        let max_scroll = total.saturating_sub(usize::from(inner.height));
        self.preview_scroll = self
            .preview_scroll
            .min(u16::try_from(max_scroll).unwrap_or(u16::MAX));
        let visible: Vec<Line> = head
            .into_iter()
            .skip(usize::from(self.preview_scroll))
            .take(usize::from(inner.height))
            .collect();
        frame.render_widget(Paragraph::new(visible), inner);
    }
}

/// Wraps one line of text to `max` columns (see [`crate::text::wrap`]).
pub(super) fn wrap(text: &str, max: usize) -> Vec<String> {
    crate::text::wrap(text, max)
}
