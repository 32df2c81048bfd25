//! Drawing: the matrix with its sparklines, and a skill's page with its step chart,
//! evidence and linked journal entries.

use super::*;

impl SkillsPane {
    // ---- drawing ----------------------------------------------------------------------------

    pub(super) fn render_table(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let w = usize::from(area.width);
        let org = self
            .organization
            .and_then(|id| self.orgs.iter().find(|o| o.id == id))
            .map(|o| format!(" · {}", sanitize(&o.name)))
            .unwrap_or_default();
        let head = format!(
            "Skills · {}{org} · sorted by {}",
            self.visible.len(),
            self.sort.label()
        );
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&head, w).into_owned(), t.title())),
            Rect { height: 1, ..area },
        );
        let mut y = area.y + 1;
        if self.filter.is_active() || self.filter.typing {
            render_filter(
                frame,
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                &self.filter,
                self.visible.len(),
                self.skills.len(),
                t,
            );
            y += 1;
        }
        let wide = area.width >= WIDE;
        // Narrow (a phone, a split pane): the category goes and the level keeps its digit, so
        // the name stays readable.
        let compact = area.width < 70;
        let (cat_w, level_w, last_w, spark_w) = if wide {
            (18, 20, 15, 20)
        } else if compact {
            (0, 5, 5, 8)
        } else if area.width >= 95 {
            (16, 20, 5, 12)
        } else {
            (12, 13, 5, 10)
        };
        let fixed = cat_w + usize::from(cat_w > 0) + level_w + 3 + 4 + last_w + spark_w + 5;
        let free = w.saturating_sub(fixed).max(4);
        // Wide: the name gets up to 36 columns and the tags what is left.
        let (name_w, tags_w) = if wide && free > 48 {
            (36, free - 37)
        } else {
            (free, 0)
        };
        let mut cols = vec![("Skill", name_w)];
        if cat_w > 0 {
            cols.push(("Category", cat_w));
        }
        cols.extend([
            ("Level", level_w),
            ("Tgt", 3),
            ("Gap", 4),
            (if wide { "Assessed" } else { "Last" }, last_w),
            (months_label(spark_w, wide), spark_w),
        ]);
        if tags_w > 0 {
            cols.push(("Tags", tags_w));
        }
        if y >= area.bottom() {
            return;
        }
        let header = cols
            .iter()
            .map(|(h, w)| fit(h, *w))
            .collect::<Vec<_>>()
            .join(" ");
        frame.render_widget(
            Paragraph::new(Span::styled(truncate(&header, w).into_owned(), t.dim())),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
        y += 1;
        let body = Rect {
            y,
            height: area.bottom().saturating_sub(y),
            ..area
        };
        if self.visible.is_empty() {
            let msg = if self.filter.is_active() {
                "No skill matches the filter. Esc clears it."
            } else if self.organization.is_some() {
                "No skills in this organization (O shows the next, then all). Press a to add one."
            } else {
                "No skills yet. Press a to add one, then r to record your level."
            };
            render_empty(frame, body, msg, t);
            return;
        }
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        crate::tui::mouse::list(body, range.start, self.cursor.selected);
        let mut lines = Vec::with_capacity(range.len());
        for row in range {
            let Some(s) = self.visible.get(row).and_then(|&i| self.skills.get(i)) else {
                continue;
            };
            let selected = row == self.cursor.selected;
            let sel = |st: Style| if selected { st.patch(t.selected()) } else { st };
            let level = match s.current_level {
                Some(l) if compact => l.to_string(),
                Some(l) => format!("{l} {}", skill_level_name(l)),
                None => "–".to_string(),
            };
            let target = s.target_level.map(|l| l.to_string()).unwrap_or_default();
            let (gap, gap_style) = match s.gap() {
                Some(g) if g > 0 => (format!("+{g}"), t.warning()),
                Some(g) => (g.to_string(), t.done()),
                None => (String::new(), t.dim()),
            };
            let stale = self.staleness(s);
            let (last, last_style) = match (s.last_assessed, stale) {
                (Some(d), Some(n)) => (
                    if wide {
                        format!("{} {n}d", d.format("%Y-%m-%d"))
                    } else {
                        format!("{n}d")
                    },
                    if n > STALE_DAYS {
                        t.warning()
                    } else {
                        t.plain()
                    },
                ),
                _ => ("never".to_string(), t.dim()),
            };
            // One column a month, the level held at its end: a line over time, not one
            // bar per assessment.
            let points: Vec<(NaiveDate, u8)> = s
                .history_on
                .iter()
                .copied()
                .zip(s.history.iter().copied())
                .collect();
            let history = held_by_month(&points, self.today, spark_w);
            let sp = |x: &str| Span::styled(x.to_string(), sel(t.plain()));
            let mut spans = vec![
                Span::styled(fit(&sanitize(&s.name), name_w), sel(t.bold())),
                sp(" "),
            ];
            if cat_w > 0 {
                spans.push(Span::styled(
                    fit(&sanitize(&s.category), cat_w),
                    sel(t.dim()),
                ));
                spans.push(sp(" "));
            }
            spans.extend([
                Span::styled(fit(&level, level_w), sel(t.plain())),
                sp(" "),
                Span::styled(fit(&target, 3), sel(t.plain())),
                sp(" "),
                Span::styled(fit(&gap, 4), sel(gap_style)),
                sp(" "),
                Span::styled(fit(&last, last_w), sel(last_style)),
                sp(" "),
                Span::styled(fit(&sparkline(&history, 5.0), spark_w), sel(t.chart())),
            ]);
            if tags_w > 0 {
                spans.push(sp(" "));
                spans.push(Span::styled(fit(&tags_text(&s.tags), tags_w), sel(t.tag())));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    /// The panel beside the matrix on a wide screen: the selected skill's description,
    /// level against target, every level recorded and its tags, without opening it.
    pub(super) fn render_side(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let inner = side_panel(frame, rect, Some("Skill"), t);
        let Some(s) = self.selected() else {
            return;
        };
        let w = usize::from(inner.width).max(1);
        let mut lines: Vec<Line> = Vec::new();
        for l in wrap(&sanitize(&s.name), w) {
            lines.push(Line::from(Span::styled(l, t.title())));
        }
        if !s.category.is_empty() {
            lines.push(Line::from(Span::styled(
                truncate(&sanitize(&s.category), w).into_owned(),
                t.dim(),
            )));
        }
        lines.push(Line::from(""));
        let level = match s.current_level {
            Some(l) => format!("level {l} {}", skill_level_name(l)),
            None => "not assessed yet".to_string(),
        };
        lines.push(Line::from(Span::styled(level, t.bold())));
        if let Some(tg) = s.target_level {
            let gap = match s.gap() {
                Some(g) if g > 0 => format!(" · {g} to go"),
                Some(_) => " · reached".to_string(),
                None => String::new(),
            };
            lines.push(Line::from(format!(
                "target {tg} {}{gap}",
                skill_level_name(tg)
            )));
        }
        if let (Some(last), Some(n)) = (s.last_assessed, self.staleness(s)) {
            lines.push(Line::from(Span::styled(
                format!(
                    "last assessed {} ({n} day{} ago)",
                    last.format("%-d %b %Y"),
                    if n == 1 { "" } else { "s" }
                ),
                if n > STALE_DAYS { t.warning() } else { t.dim() },
            )));
        }
        if !s.history.is_empty() {
            let levels: Vec<String> = s.history.iter().map(u8::to_string).collect();
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled("Levels recorded", t.bold())));
            for l in wrap(&levels.join(" → "), w) {
                lines.push(Line::from(l));
            }
        }
        if !s.tags.is_empty() {
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                truncate(&tags_text(&s.tags), w).into_owned(),
                t.tag(),
            )));
        }
        if !s.description.trim().is_empty() {
            lines.push(Line::from(""));
            for l in crate::text::wrap_lines(&sanitize_lines(&s.description).join("\n"), w) {
                lines.push(Line::from(l));
            }
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            "Enter: the chart, evidence and journal entries",
            t.dim(),
        )));
        frame.render_widget(Paragraph::new(lines), inner);
    }

    pub(super) fn render_detail(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let Some(s) = self.skill(d.id) else {
            render_empty(
                frame,
                area,
                "This skill is gone (deleted elsewhere). Esc goes back.",
                t,
            );
            return;
        };
        let w = usize::from(area.width);
        // Head: name, level and target, description, tags.
        let mut head: Vec<Line> = Vec::new();
        let mut title = vec![Span::styled(sanitize(&s.name).into_owned(), t.title())];
        if !s.category.is_empty() {
            title.push(Span::styled(
                format!(" · {}", sanitize(&s.category)),
                t.dim(),
            ));
        }
        if let Some(o) = s
            .organization_id
            .and_then(|id| self.orgs.iter().find(|o| o.id == id))
        {
            title.push(Span::styled(format!(" · {}", sanitize(&o.name)), t.dim()));
        }
        head.push(Line::from(title));
        let mut facts = match s.current_level {
            Some(l) => format!("level {l} {}", skill_level_name(l)),
            None => "not assessed yet".to_string(),
        };
        if let Some(tg) = s.target_level {
            facts.push_str(&format!(" → target {tg} {}", skill_level_name(tg)));
            if let Some(g) = s.gap() {
                facts.push_str(&format!(" (gap {g})"));
            }
        }
        if let (Some(last), Some(n)) = (s.last_assessed, self.staleness(s)) {
            facts.push_str(&format!(
                " · last assessed {} ({n} day{} ago)",
                last.format("%-d %b %Y"),
                if n == 1 { "" } else { "s" }
            ));
        }
        head.push(Line::from(Span::raw(truncate(&facts, w).into_owned())));
        let mut about = s
            .description
            .lines()
            .find(|l| !l.trim().is_empty())
            .map(|l| sanitize(l).into_owned())
            .unwrap_or_default();
        if !s.tags.is_empty() {
            if !about.is_empty() {
                about.push_str("  ");
            }
            about.push_str(&tags_text(&s.tags));
        }
        if !about.is_empty() {
            head.push(Line::from(Span::styled(
                truncate(&about, w).into_owned(),
                t.dim(),
            )));
        }
        let head_h = u16::try_from(head.len()).unwrap_or(3).min(area.height);
        frame.render_widget(
            Paragraph::new(head),
            Rect {
                height: head_h,
                ..area
            },
        );
        let rest = Rect {
            y: area.y + head_h,
            height: area.height - head_h,
            ..area
        };
        if rest.height < 4 {
            return;
        }
        let chart_h = if rest.height >= 30 {
            rest.height * 45 / 100
        } else {
            (rest.height / 2).clamp(4, 9)
        };
        let chart = Rect {
            height: chart_h,
            ..rest
        };
        self.render_chart(frame, chart);
        let lists = Rect {
            y: rest.y + chart_h,
            height: rest.height - chart_h,
            ..rest
        };
        if lists.width >= 70 {
            let half = lists.width / 2;
            self.render_evidence(
                frame,
                Rect {
                    width: half,
                    ..lists
                },
            );
            self.render_linked(
                frame,
                Rect {
                    x: lists.x + half,
                    width: lists.width - half,
                    ..lists
                },
            );
        } else {
            let half = lists.height / 2;
            self.render_evidence(
                frame,
                Rect {
                    height: half,
                    ..lists
                },
            );
            self.render_linked(
                frame,
                Rect {
                    y: lists.y + half,
                    height: lists.height - half,
                    ..lists
                },
            );
        }
    }

    pub(super) fn render_chart(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(t.dim())
            .title(Span::styled(" Level over time ", t.bold()));
        if d.history.is_empty() {
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            render_empty(frame, inner, "No level recorded yet: r records one.", t);
            return;
        }
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let last_day = d
            .history
            .last()
            .map_or(self.today, |a| a.assessed_on)
            .max(self.today);
        let points: Vec<(NaiveDate, u8)> =
            d.history.iter().map(|a| (a.assessed_on, a.level)).collect();
        let target = self.skill(d.id).and_then(|s| s.target_level);
        // Level names beside the numbers when there is room for them.
        let named = inner.width >= 90;
        let gutter = if named { 21 } else { 2 };
        let label = |l: u8| {
            if named {
                format!("{l} {}", skill_level_name(l))
            } else {
                l.to_string()
            }
        };
        step_chart(
            frame.buffer_mut(),
            inner,
            &points,
            last_day,
            5,
            target,
            gutter,
            &label,
            (t.chart(), t.dim(), t.dim()),
        );
    }

    pub(super) fn render_evidence(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        // The selected assessment's files, under the list (A, F and X act on them).
        let files = if self.attached.item().is_some() {
            self.attached.lines(rect.width, t)
        } else {
            Vec::new()
        };
        let Some(d) = self.detail.as_mut() else {
            return;
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(if d.on_evidence { t.focus() } else { t.dim() })
            .title(Span::styled(
                format!(
                    " Evidence · {} assessment{}{} ",
                    d.history.len(),
                    if d.history.len() == 1 { "" } else { "s" },
                    if d.on_evidence {
                        " · Enter edits, d deletes"
                    } else {
                        " · Tab to edit"
                    }
                ),
                t.bold(),
            ));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        if inner.height == 0 {
            return;
        }
        let files_h = u16::try_from(files.len())
            .unwrap_or(u16::MAX)
            .min(inner.height.saturating_sub(1));
        if files_h > 0 {
            frame.render_widget(
                Paragraph::new(files),
                Rect {
                    y: inner.y + inner.height - files_h,
                    height: files_h,
                    ..inner
                },
            );
        }
        let inner = Rect {
            height: inner.height - files_h,
            ..inner
        };
        let w = usize::from(inner.width);
        let n = d.history.len();
        let range = d.evidence.window(n, usize::from(inner.height));
        let mut lines: Vec<Line> = Vec::new();
        for i in range {
            let Some(a) = n.checked_sub(1 + i).and_then(|j| d.history.get(j)) else {
                continue;
            };
            let note = sanitize_lines(&a.note)
                .into_iter()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" / ");
            let text = format!(
                "{} {} {}",
                a.assessed_on.format("%Y-%m-%d"),
                a.level,
                if note.is_empty() {
                    skill_level_name(a.level).to_string()
                } else {
                    note
                }
            );
            // The selected one stands out while the journal entries have the keys too: the
            // files shown below are its.
            let style = if i != d.evidence.selected {
                t.plain()
            } else if d.on_evidence {
                t.selected()
            } else {
                t.bold()
            };
            lines.push(Line::from(Span::styled(fit(&text, w), style)));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    pub(super) fn render_linked(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_mut() else {
            return;
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(t.dim())
            .title(Span::styled(
                if d.learnings_total > d.learnings.len() {
                    format!(
                        " Journal entries · {} (latest {}) ",
                        d.learnings_total,
                        d.learnings.len()
                    )
                } else {
                    format!(" Journal entries · {} ", d.learnings.len())
                },
                t.bold(),
            ));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let inner = Rect {
            x: inner.x.saturating_add(1),
            width: inner.width.saturating_sub(1),
            ..inner
        };
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        if d.learnings.is_empty() {
            render_empty(
                frame,
                inner,
                "None linked yet (the Journal form links skills).",
                t,
            );
            return;
        }
        let w = usize::from(inner.width);
        let range = d
            .cursor
            .window(d.learnings.len(), usize::from(inner.height));
        let mut lines = Vec::new();
        for i in range {
            let Some(l) = d.learnings.get(i) else {
                continue;
            };
            let style = if i == d.cursor.selected && !d.on_evidence {
                t.selected()
            } else {
                t.plain()
            };
            let text = format!(
                "{}{} {}",
                if l.starred { "★ " } else { "" },
                l.at.format("%Y-%m-%d"),
                sanitize(&l.title)
            );
            lines.push(Line::from(Span::styled(fit(&text, w), style)));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// The history column's heading: how many months its characters span (one each).
fn months_label(months: usize, wide: bool) -> &'static str {
    match (months, wide) {
        (20, true) => "Level over 20 months",
        (12, _) => "12 months",
        (10, _) => "10 months",
        (8, _) => "8 mo",
        _ => "Months",
    }
}
