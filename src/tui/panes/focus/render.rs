//! Drawing: the header with its progress bar, the carry offer, the table, the selected
//! task's detail and the checklist.

use super::*;

impl FocusPane {
    pub(super) fn render_header(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let counted: Vec<&Task> = self
            .tasks
            .iter()
            .filter(|t| t.status != TaskStatus::Dropped)
            .collect();
        let done = counted
            .iter()
            .filter(|t| t.status == TaskStatus::Done)
            .count();
        let left: u32 = counted
            .iter()
            .filter(|t| t.status.is_open())
            .filter_map(|t| t.estimate_minutes)
            .sum();
        let date = format!("◂ {} ▸", day_label(self.day(), self.today));
        let mut summary = format!(" {done}/{} done", counted.len());
        if left > 0 {
            summary.push_str(&format!(" · {} left", format_minutes(left)));
        }
        let w = usize::from(rect.width);
        let bar_cols = w.saturating_sub(width(&date) + width(&summary) + 2).min(40);
        let mut spans = vec![Span::styled(date, t.title()), Span::raw("  ")];
        if bar_cols >= 4 {
            spans.push(Span::styled(
                progress_bar(done, counted.len(), bar_cols),
                t.gauge(),
            ));
        }
        spans.push(Span::raw(summary));
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    }

    pub(super) fn render_offer(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let n = self.offer.len();
        let mut spans = vec![Span::styled(
            format!(
                "↻ {n} unfinished task{} from earlier days: ",
                if n == 1 { "" } else { "s" }
            ),
            t.warning(),
        )];
        for (k, h) in keymap::footer(&[Context::CarryOffer]) {
            spans.push(Span::styled(k, t.key()));
            spans.push(Span::raw(format!(" {h}  ")));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), rect);
    }

    /// The day's tasks. `narrow`: no Details panel beside, so the selected row says how many
    /// files it has (its attachments are the only ones read).
    pub(super) fn render_table(&mut self, frame: &mut Frame, rect: Rect, narrow: bool) {
        let t = self.theme;
        if rect.height < 2 {
            return;
        }
        let w = usize::from(rect.width);
        // Columns: status 3, priority 1, title, tags, carries 3, estimate 5, one space between.
        let tag_w = if w >= 100 {
            24
        } else if w >= 70 {
            14
        } else {
            10
        };
        let fixed = 3 + 1 + tag_w + 3 + 5 + 5;
        // Marking rows (`V`): a column of marks before the rest.
        let marking = self.marking.on();
        let fixed = fixed + if marking { 2 } else { 0 };
        let title_w = w.saturating_sub(fixed).max(1);
        let header = format!(
            "{}{} {} {} {} {} {}",
            if marking { "  " } else { "" },
            fit("", 3),
            fit("", 1),
            fit("Task", title_w),
            fit("Tags", tag_w),
            fit("", 3),
            fit("Est", 5)
        );
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&header, w).into_owned(), t.dim())),
            Rect { height: 1, ..rect },
        );
        let body = Rect {
            y: rect.y + 1,
            height: rect.height - 1,
            ..rect
        };
        if self.visible.is_empty() {
            let msg = if self.filter.is_active() {
                "No task matches the filter. Esc clears it."
            } else {
                "No tasks for this day. Press a to add one."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        crate::tui::mouse::list(body, range.start, self.cursor.selected);
        let mut lines: Vec<Line> = Vec::with_capacity(range.len());
        for row in range {
            let Some(task) = self.visible.get(row).and_then(|&i| self.tasks.get(i)) else {
                continue;
            };
            let (mark, mark_style, title_style) = match task.status {
                TaskStatus::Todo => ("[ ]", t.plain(), t.plain()),
                TaskStatus::Doing => ("[▸]", t.doing(), t.bold()),
                TaskStatus::Done => ("[✓]", t.done(), t.done()),
                TaskStatus::Dropped => ("[✗]", t.dim(), t.dropped()),
            };
            let (pri, pri_style) = match task.priority.get() {
                1 => ("H", t.high()),
                3 => ("L", t.dim()),
                _ => ("M", t.plain()),
            };
            let carry = if task.carry_count > 0 {
                format!("↻{}", task.carry_count)
            } else {
                String::new()
            };
            let est = task
                .estimate_minutes
                .map(format_minutes)
                .unwrap_or_default();
            let selected = row == self.cursor.selected;
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let files = match self.attached.rows.len() {
                0 => String::new(),
                _ if !(narrow && selected && self.attached.item() == Some(task.id)) => {
                    String::new()
                }
                1 => " +1 file".to_string(),
                n => format!(" +{n} files"),
            };
            let title_text = if task.notes.trim().is_empty() {
                sanitize(&task.title).into_owned()
            } else {
                format!("{} ✎", sanitize(&task.title))
            };
            // The marker right after the title, which gives way to it; then the column's pad.
            let (title, files) = if files.is_empty() || width(&files) * 2 > title_w {
                (fit(&title_text, title_w), files)
            } else {
                let title = truncate(&title_text, title_w.saturating_sub(width(&files)));
                let pad = title_w.saturating_sub(width(&title) + width(&files));
                (title.into_owned(), format!("{files}{}", " ".repeat(pad)))
            };
            let mut spans = Vec::new();
            if marking {
                spans.push(if self.marking.contains(task.id) {
                    Span::styled("● ", sel(t.warning()))
                } else {
                    Span::styled("  ", sel(t.plain()))
                });
            }
            spans.extend([
                Span::styled(mark, sel(mark_style)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(pri, sel(pri_style)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(title, sel(title_style)),
                Span::styled(files, sel(t.dim())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&tags_text(&task.tags), tag_w), sel(t.tag())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&carry, 3), sel(t.warning())),
                Span::styled(" ", sel(t.plain())),
                Span::styled(fit(&est, 5), sel(t.dim())),
            ]);
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    pub(super) fn render_detail(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let block = Block::default()
            .borders(Borders::LEFT)
            .border_style(t.dim())
            .title(Span::styled(" Details ", t.bold()));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let Some(task) = self.selected() else {
            return;
        };
        let mut lines = vec![
            Line::from(Span::styled(sanitize(&task.title).into_owned(), t.bold())),
            Line::from(vec![
                Span::styled("status ", t.dim()),
                Span::raw(task.status.label()),
                Span::styled("  priority ", t.dim()),
                Span::raw(task.priority.label()),
            ]),
        ];
        if task.carry_count > 0 {
            lines.push(Line::from(Span::styled(
                format!(
                    "carried {}× since {}",
                    task.carry_count,
                    task.first_day.format("%a %-d %b")
                ),
                t.warning(),
            )));
        }
        if let Some(at) = task.done_at {
            lines.push(Line::from(Span::styled(
                format!("done {}", at.format("%a %-d %b %H:%M")),
                t.done(),
            )));
        }
        if !task.tags.is_empty() {
            lines.push(Line::from(Span::styled(tags_text(&task.tags), t.tag())));
        }
        // Only a task with files says so: the footer and `?` name `A` for the others.
        if self.attached.item() == Some(task.id) && !self.attached.rows.is_empty() {
            lines.push(Line::from(""));
            lines.extend(self.attached.lines(inner.width.saturating_sub(1), t));
        }
        lines.push(Line::from(""));
        for l in sanitize_lines(&task.notes) {
            lines.push(Line::from(l.into_owned()));
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }),
            Rect {
                x: inner.x.saturating_add(1),
                width: inner.width.saturating_sub(1),
                ..inner
            },
        );
    }

    /// The selected task's files over the bottom of the table, while `F` or `X` asks which one
    /// on a screen without the Details panel.
    pub(super) fn render_files(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let lines = self.attached.lines(rect.width.saturating_sub(4), t);
        // The question takes the last row; the box sits above it.
        let h = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_add(2)
            .min(rect.height.saturating_sub(1));
        if h < 3 || rect.width < 10 {
            return;
        }
        let popup = Rect {
            y: rect.y + rect.height - 1 - h,
            height: h,
            ..rect
        };
        frame.render_widget(Clear, popup);
        let title = self
            .selected()
            .map(|task| truncate(&sanitize(&task.title), 40).into_owned())
            .unwrap_or_default();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.focus())
            .title(Span::styled(format!(" Files of “{title}” "), t.title()));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        frame.render_widget(
            Paragraph::new(lines),
            Rect {
                x: inner.x.saturating_add(1),
                width: inner.width.saturating_sub(1),
                ..inner
            },
        );
    }

    pub(super) fn render_checklist(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let Some(cl) = self.checklist.as_mut() else {
            return;
        };
        let w = area.width.min(76);
        let h = area.height.min(
            u16::try_from(cl.tasks.len())
                .unwrap_or(u16::MAX)
                .saturating_add(4),
        );
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + (area.height - h) / 2,
            width: w,
            height: h,
        };
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.focus())
            .title(Span::styled(" Carry which tasks? ", t.title()));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        if inner.height < 2 {
            return;
        }
        let list = Rect {
            height: inner.height - 1,
            ..inner
        };
        let range = cl.cursor.window(cl.tasks.len(), usize::from(list.height));
        let mut lines = Vec::new();
        for i in range {
            let (Some(task), Some(on)) = (cl.tasks.get(i), cl.ticked.get(i)) else {
                continue;
            };
            let text = format!(
                "{} {}  {}{}",
                if *on { "[x]" } else { "[ ]" },
                task.day.format("%a %-d %b"),
                sanitize(&task.title),
                if task.carry_count > 0 {
                    format!("  ↻{}", task.carry_count)
                } else {
                    String::new()
                }
            );
            let style = if i == cl.cursor.selected {
                t.selected()
            } else {
                t.plain()
            };
            lines.push(Line::from(Span::styled(
                fit(&text, usize::from(list.width)),
                style,
            )));
        }
        frame.render_widget(Paragraph::new(lines), list);
        let mut spans = Vec::new();
        for (k, h) in keymap::footer(&[Context::Checklist]) {
            spans.push(Span::styled(k, t.key()));
            spans.push(Span::raw(format!(" {h}  ")));
        }
        frame.render_widget(
            Paragraph::new(Line::from(spans)),
            Rect {
                y: inner.y + inner.height - 1,
                height: 1,
                ..inner
            },
        );
    }
}
