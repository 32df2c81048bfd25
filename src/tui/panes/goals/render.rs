//! Drawing: the tree with its gauges, the preview beside it, and a goal's page with its
//! milestones, sub-goals and linked tasks.

use super::*;
use crate::model::{Goal, GoalStatus, Milestone, TaskStatus};
use crate::text::{fit, sanitize, sanitize_lines, truncate};
use crate::tui::keymap::{self, Context};
use crate::tui::panes::actions::compact_day;
use crate::tui::panes::chart::progress_bar;
use crate::tui::panes::common::{render_empty, render_filter, tags_text};
use crate::tui::panes::pick::short_day;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

impl GoalsPane {
    pub(super) fn render_tree(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        if rect.height < 2 || rect.width < 10 {
            return;
        }
        let active = self
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Active)
            .count();
        let done = self
            .goals
            .iter()
            .filter(|g| g.status == GoalStatus::Done)
            .count();
        let mut head = format!(
            "Goals · {active} active · {done} done · {} in all",
            self.goals.len()
        );
        if self.hidden_by_organization > 0 {
            head.push_str(&format!(
                " · {} hidden by the organization filter",
                self.hidden_by_organization
            ));
        }
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
        if self.marking.on() {
            self.marking
                .render_banner(frame, Rect { height: 1, ..body }, &GOALS, t);
            body.y += 1;
            body.height = body.height.saturating_sub(1);
        }
        if self.filter.is_active() || self.filter.typing {
            render_filter(
                frame,
                Rect { height: 1, ..body },
                &self.filter,
                self.visible.len(),
                self.goals.len(),
                t,
            );
            body.y += 1;
            body.height = body.height.saturating_sub(1);
        }
        if body.height == 0 {
            return;
        }
        if self.visible.is_empty() {
            let msg = if self.filter.is_active() {
                "No goal matches the filter. Esc clears it.".to_string()
            } else if self.hidden_by_organization > 0 {
                format!(
                    "No goals in this organization; {} hidden. O until \"all\" shows them.",
                    self.hidden_by_organization
                )
            } else {
                "No goals yet. Press a to add one, A for a sub-goal.".to_string()
            };
            render_empty(frame, body, &msg, t);
            return;
        }
        let w = usize::from(body.width);
        // status 7, target 11, gauge 12, percent 4; spaces between.
        let gauge_w = if w >= 100 { 16 } else { 10 };
        // Narrow: the status column goes (the title keeps the status's style), so the title
        // keeps its room.
        let status_w = if w < 70 { 0 } else { 7 };
        let fixed = 1 + status_w + usize::from(status_w > 0) + 11 + 1 + gauge_w + 1 + 4;
        let title_w = w.saturating_sub(fixed).max(6);
        let range = self
            .cursor
            .window(self.visible.len(), usize::from(body.height));
        crate::tui::mouse::list(body, range.start, self.cursor.selected);
        let mut lines = Vec::with_capacity(range.len());
        for row in range {
            let Some(&i) = self.visible.get(row) else {
                continue;
            };
            let Some(g) = self.goals.get(i) else {
                continue;
            };
            let selected = row == self.cursor.selected;
            let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
            let marker = if self.children.get(i).is_some_and(|n| *n > 0) {
                if self.collapsed.contains(&g.id) && !self.filter.is_active() {
                    "▸ "
                } else {
                    "▾ "
                }
            } else {
                "  "
            };
            let indent = "  ".repeat(self.depth.get(i).copied().unwrap_or(0).min(12));
            let picked = self.marking.marker(g.id);
            let label = format!("{picked}{indent}{marker}{}", sanitize(&g.title));
            let target = match g.target_date {
                Some(d)
                    if d < self.today
                        && matches!(g.status, GoalStatus::Active | GoalStatus::Paused) =>
                {
                    (d.format("%Y-%m-%d").to_string(), t.error())
                }
                Some(d) => (d.format("%Y-%m-%d").to_string(), t.dim()),
                None => (String::new(), t.dim()),
            };
            let mut spans = vec![
                Span::styled(fit(&label, title_w), sel(status_style(g.status, t))),
                Span::styled(" ", sel(t.plain())),
            ];
            if status_w > 0 {
                spans.push(Span::styled(
                    fit(g.status.label(), status_w),
                    sel(status_style(g.status, t)),
                ));
                spans.push(Span::styled(" ", sel(t.plain())));
            }
            spans.extend([
                Span::styled(fit(&target.0, 11), sel(target.1)),
                Span::styled(" ", sel(t.plain())),
                Span::styled(
                    progress_bar(gauge_num(g.progress), 100, gauge_w),
                    if selected {
                        t.gauge().patch(t.selected_bar())
                    } else {
                        t.gauge()
                    },
                ),
                Span::styled(" ", sel(t.plain())),
                Span::styled(percent(g.progress), sel(t.plain())),
            ]);
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), body);
    }

    /// The selected goal beside the tree (wide terminals).
    pub(super) fn render_preview(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let inner = super::super::common::side_panel(frame, rect, Some("Goal"), t);
        let Some(g) = self.selected() else {
            return;
        };
        let cols = usize::from(inner.width);
        let mut lines = self.goal_head(g, cols);
        if !g.milestones.is_empty() {
            lines.push(Line::from(Span::styled(
                format!(
                    "Milestones · {} of {} done",
                    g.milestones.iter().filter(|m| m.done_on.is_some()).count(),
                    g.milestones.len()
                ),
                t.title(),
            )));
            for m in &g.milestones {
                lines.push(self.milestone_line(m, cols, false));
            }
        }
        let subs: Vec<&Goal> = self
            .goals
            .iter()
            .filter(|c| c.parent_id == Some(g.id))
            .collect();
        if !subs.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("Sub-goals ({})", subs.len()),
                t.title(),
            )));
            for c in subs {
                lines.push(self.sub_goal_line(c, cols));
            }
        }
        lines.push(Line::from(Span::styled(
            "Enter opens it with its linked tasks",
            t.dim(),
        )));
        frame.render_widget(Paragraph::new(lines), inner);
    }

    pub(super) fn goal_head(&self, g: &Goal, cols: usize) -> Vec<Line<'static>> {
        let t = self.theme;
        let gauge_w = cols.saturating_sub(6).min(30);
        let mut lines = vec![
            Line::from(Span::styled(sanitize(&g.title).into_owned(), t.bold())),
            Line::from(vec![
                Span::styled(g.status.label().to_string(), status_style(g.status, t)),
                Span::styled(
                    match g.target_date {
                        Some(d) => format!(" · target {}", short_day(d, self.today)),
                        None => " · no target date".into(),
                    },
                    t.dim(),
                ),
                Span::styled(
                    g.done_on
                        .map(|d| format!(" · done {}", short_day(d, self.today)))
                        .unwrap_or_default(),
                    t.done(),
                ),
            ]),
            Line::from(vec![
                Span::styled(progress_bar(gauge_num(g.progress), 100, gauge_w), t.gauge()),
                Span::raw(format!(" {}", percent(g.progress).trim_start())),
            ]),
        ];
        if let Some(p) = g.parent_id.and_then(|p| self.goal(p)) {
            lines.push(Line::from(vec![
                Span::styled("under ", t.dim()),
                Span::raw(sanitize(&p.title).into_owned()),
            ]));
        }
        if !g.tags.is_empty() {
            lines.push(Line::from(Span::styled(tags_text(&g.tags), t.tag())));
        }
        for l in sanitize_lines(&g.description)
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .take(4)
        {
            lines.push(Line::from(truncate(&l, cols).into_owned()));
        }
        lines.push(Line::from(""));
        lines
    }

    pub(super) fn milestone_line(
        &self,
        m: &Milestone,
        cols: usize,
        selected: bool,
    ) -> Line<'static> {
        let t = self.theme;
        let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
        let (mark, style) = if m.done_on.is_some() {
            ("[✓] ", t.done())
        } else {
            ("[ ] ", t.plain())
        };
        let (when, when_style) = match (m.done_on, m.due_date) {
            (Some(d), _) => (format!("done {}", compact_day(d, self.today)), t.done()),
            (None, Some(d)) if d < self.today => {
                (format!("overdue {}", compact_day(d, self.today)), t.error())
            }
            (None, Some(d)) => (format!("due {}", compact_day(d, self.today)), t.dim()),
            (None, None) => (String::new(), t.dim()),
        };
        let when_w = 22.min(cols / 3);
        let title_w = cols.saturating_sub(4 + 2 + when_w);
        Line::from(vec![
            Span::styled(mark, sel(style)),
            Span::styled(fit(&sanitize(&m.title), title_w), sel(style)),
            Span::styled("  ", sel(t.plain())),
            Span::styled(fit(&when, when_w), sel(when_style)),
        ])
    }

    pub(super) fn sub_goal_line(&self, c: &Goal, cols: usize) -> Line<'static> {
        let t = self.theme;
        let gauge = progress_bar(gauge_num(c.progress), 100, 10);
        Line::from(vec![
            Span::styled(
                fit(
                    &format!("  {}", sanitize(&c.title)),
                    cols.saturating_sub(16),
                ),
                status_style(c.status, t),
            ),
            Span::styled(format!(" {gauge} "), t.gauge()),
            Span::raw(percent(c.progress)),
        ])
    }

    pub(super) fn render_detail(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        let Some(d) = self.detail.as_ref() else {
            return;
        };
        let Some(g) = self.goal(d.id).cloned() else {
            render_empty(
                frame,
                area,
                "This goal is gone (deleted?). Esc goes back.",
                t,
            );
            return;
        };
        let cols = usize::from(area.width);
        let mut head = self.goal_head(&g, cols);
        head.extend(self.attached.lines(area.width, t));
        let head_h = u16::try_from(head.len())
            .unwrap_or(u16::MAX)
            .min(area.height);
        frame.render_widget(
            Paragraph::new(head).wrap(Wrap { trim: false }),
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
        if rest.height < 2 {
            return;
        }
        let tasks_n = self.detail.as_ref().map_or(0, |d| d.tasks.len());
        let subs: Vec<&Goal> = self
            .goals
            .iter()
            .filter(|c| c.parent_id == Some(g.id))
            .collect();
        // Milestones get what they need (at least 2 rows); tasks and sub-goals share the rest.
        let ms_h = (g.milestones.len().max(1) as u16 + 1)
            .min(
                rest.height
                    .saturating_sub(if tasks_n + subs.len() > 0 { 3 } else { 0 })
                    .max(2),
            )
            .min(rest.height);
        let ms_rect = Rect {
            height: ms_h,
            ..rest
        };
        let done = g.milestones.iter().filter(|m| m.done_on.is_some()).count();
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("Milestones · {done} of {} done", g.milestones.len()),
                t.title(),
            )),
            Rect {
                height: 1,
                ..ms_rect
            },
        );
        let list = Rect {
            y: ms_rect.y + 1,
            height: ms_rect.height - 1,
            ..ms_rect
        };
        if g.milestones.is_empty() {
            render_empty(
                frame,
                Rect {
                    height: list.height.min(1),
                    ..list
                },
                "No milestones. a adds one.",
                t,
            );
        } else if let Some(d) = self.detail.as_mut() {
            let range = d
                .cursor
                .window(g.milestones.len(), usize::from(list.height));
            let selected = d.cursor.selected;
            let lines: Vec<Line> = range
                .filter_map(|i| g.milestones.get(i).map(|m| (i, m)))
                .map(|(i, m)| self.milestone_line(m, cols, i == selected))
                .collect();
            frame.render_widget(Paragraph::new(lines), list);
        }
        let mut y = rest.y + ms_h;
        let bottom = rest.bottom();
        let mut lines: Vec<Line> = Vec::new();
        if !subs.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("Sub-goals ({})", subs.len()),
                t.title(),
            )));
            for c in &subs {
                lines.push(self.sub_goal_line(c, cols));
            }
        }
        let tasks = self.detail.as_ref().map_or(&[][..], |d| &d.tasks[..]);
        let total = self
            .detail
            .as_ref()
            .map_or(0, |d| d.tasks_total)
            .max(tasks.len());
        lines.push(Line::from(Span::styled(
            format!("Linked focus tasks ({total})"),
            t.title(),
        )));
        if tasks.is_empty() {
            lines.push(Line::from(Span::styled(
                "  none — pick this goal in a task's form in Focus (1)",
                t.dim(),
            )));
        }
        for task in tasks {
            let mark = match task.status {
                TaskStatus::Todo => "[ ]",
                TaskStatus::Doing => "[▸]",
                TaskStatus::Done => "[✓]",
                TaskStatus::Dropped => "[✗]",
            };
            let style = match task.status {
                TaskStatus::Done => t.done(),
                TaskStatus::Dropped => t.dropped(),
                _ => t.plain(),
            };
            let text = format!(
                "  {} {mark} {}",
                fit(&short_day(task.day, self.today), 11),
                sanitize(&task.title)
            );
            lines.push(Line::from(Span::styled(fit(&text, cols), style)));
        }
        if y < bottom {
            y += 1;
        }
        if y < bottom {
            frame.render_widget(
                Paragraph::new(lines),
                Rect {
                    y,
                    height: bottom - y,
                    ..rest
                },
            );
        }
        if let Some((_, title)) = &self.confirm {
            let w = area.width.min(60);
            let popup = Rect {
                x: area.x + (area.width - w) / 2,
                y: area.y + area.height.saturating_sub(5) / 2,
                width: w,
                height: area.height.min(5),
            };
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(t.warning())
                .title(Span::styled(
                    " Every milestone is done: mark the goal done? y/n ",
                    t.warning(),
                ));
            let inner = block.inner(popup);
            let mut keys = Vec::new();
            for (k, h) in keymap::footer(&[Context::Confirm]) {
                keys.push(Span::styled(k, t.key()));
                keys.push(Span::raw(format!(" {h}  ")));
            }
            let lines = vec![
                Line::from(Span::styled(
                    truncate(&sanitize(title), usize::from(inner.width)).into_owned(),
                    t.bold(),
                )),
                Line::from(Span::styled("progress 100%", t.dim())),
                Line::from(keys),
            ];
            frame.render_widget(Clear, popup);
            frame.render_widget(block, popup);
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}

/// Progress as a whole percentage for [`progress_bar`].
pub(super) fn gauge_num(p: f64) -> usize {
    (p.clamp(0.0, 1.0) * 100.0).floor() as usize
}
