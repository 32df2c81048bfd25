//! Drawing: the sections in one or two columns, each with its header and rows, and how
//! the rows are shared among them.

use super::*;
use crate::text::wrap;

impl TodayPane {
    // ---- drawing ----------------------------------------------------------------------------

    /// How many rows a section would like: its header, the sparkline for energy when it does
    /// not fit on the header line, and one per item (one for "nothing" when empty).
    pub(super) fn wanted(&self, s: Section, w: u16) -> usize {
        let extra = usize::from(s == Section::Energy && !self.spark_on_header(w))
            + usize::from(s == Section::Actions && self.marking.on());
        let rows = match self.len_of(s) {
            // The hint of an empty section wraps rather than being cut.
            0 => wrap(Self::empty_text(s), usize::from(w).saturating_sub(2)).len(),
            n => n,
        };
        1 + extra + rows
    }

    pub(super) fn spark_on_header(&self, w: u16) -> bool {
        width(&self.energy_header()) + 2 + width(&self.energy_spark()) <= usize::from(w)
    }

    pub(super) fn energy_header(&self) -> String {
        let n = self.checkins.len();
        let mut s = format!("Energy · {n} check-in{}", if n == 1 { "" } else { "s" });
        if n > 0 {
            let sum: u32 = self.checkins.iter().map(|c| u32::from(c.level)).sum();
            let avg = f64::from(sum) / n as f64;
            s.push_str(&format!(
                " · average {avg:.1} ({})",
                level_name(avg.round() as u8)
            ));
        }
        s
    }

    pub(super) fn energy_spark(&self) -> String {
        format!("last {ENERGY_DAYS} days {}", sparkline(&self.energy, 5.0))
    }

    pub(super) fn header(&self, s: Section, w: u16) -> Line<'static> {
        let t = self.theme;
        let title = |x: &str| Span::styled(x.to_string(), t.title());
        let dim = |x: String| Span::styled(x, t.dim());
        match s {
            Section::Focus => {
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
                let head = format!("Focus · {}", self.today.format("%a %-d %b"));
                let mut summary = format!(" {done}/{} done", counted.len());
                if left > 0 {
                    summary.push_str(&format!(" · {} left", format_minutes(left)));
                }
                let bar_cols = usize::from(w)
                    .saturating_sub(width(&head) + width(&summary) + 2)
                    .min(30);
                let mut spans = vec![title(&head), Span::raw("  ")];
                if bar_cols >= 6 && !counted.is_empty() {
                    spans.push(Span::styled(
                        progress_bar(done, counted.len(), bar_cols),
                        t.gauge(),
                    ));
                }
                spans.push(Span::raw(summary));
                Line::from(spans)
            }
            Section::Energy => {
                let mut spans = vec![title(&self.energy_header())];
                if self.spark_on_header(w) {
                    spans.push(Span::raw("  "));
                    spans.push(Span::styled(self.energy_spark(), t.chart()));
                }
                Line::from(spans)
            }
            Section::Meetings => {
                let today = self
                    .meetings
                    .iter()
                    .filter(|m| m.starts_at.date() == self.today)
                    .count();
                let tomorrow = self.meetings.len() - today;
                Line::from(vec![
                    title("Upcoming meetings"),
                    dim(format!(" · {today} more today · {tomorrow} tomorrow")),
                ])
            }
            Section::Actions => {
                let overdue = self.actions.overdue;
                let mut spans = vec![title(&format!(
                    "Open action items · {}",
                    self.actions.total
                ))];
                if overdue > 0 {
                    spans.push(Span::styled(format!(" · {overdue} overdue"), t.error()));
                }
                Line::from(spans)
            }
            Section::Goals => Line::from(vec![
                title(&format!(
                    "Goals due in {GOAL_DAYS} days · {}",
                    self.goals.len()
                )),
                if self.organization.is_some() {
                    dim(" (this organization)".into())
                } else {
                    Span::raw("")
                },
            ]),
        }
    }

    pub(super) fn empty_text(s: Section) -> &'static str {
        match s {
            Section::Focus => "No tasks for today: 1 opens Focus, where a adds one.",
            Section::Energy => "No check-ins yet today: in Energy (7), c then 1–5 records one.",
            Section::Meetings => "No more meetings today or tomorrow.",
            Section::Actions => "No open action items.",
            Section::Goals => "No goal is due in the next two weeks.",
        }
    }

    pub(super) fn row(&self, item: Item, w: usize, selected: bool) -> Line<'static> {
        let t = self.theme;
        let sel = |s: Style| if selected { s.patch(t.selected()) } else { s };
        let i = item.index;
        let mut spans: Vec<Span<'static>> = Vec::new();
        // Pads the last span so a selected row is highlighted across the whole width.
        let finish = |mut spans: Vec<Span<'static>>| {
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            if used < w {
                spans.push(Span::styled(" ".repeat(w - used), sel(t.plain())));
            }
            Line::from(spans)
        };
        match item.section {
            Section::Focus => {
                let Some(task) = self.tasks.get(i) else {
                    return Line::from("");
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
                let est = task
                    .estimate_minutes
                    .map(format_minutes)
                    .unwrap_or_default();
                let carry = if task.carry_count > 0 {
                    format!("↻{} ", task.carry_count)
                } else {
                    String::new()
                };
                let tail = format!("{carry}{est}");
                let title_w = w.saturating_sub(6 + width(&tail) + 1);
                let mut title = sanitize(&task.title).into_owned();
                if !task.tags.is_empty() {
                    title.push_str("  ");
                    title.push_str(&tags_text(&task.tags));
                }
                spans.extend([
                    Span::styled(mark, sel(mark_style)),
                    Span::styled(" ", sel(t.plain())),
                    Span::styled(pri, sel(pri_style)),
                    Span::styled(" ", sel(t.plain())),
                    Span::styled(fit(&title, title_w), sel(title_style)),
                    Span::styled(" ", sel(t.plain())),
                    Span::styled(tail, sel(t.dim())),
                ]);
            }
            Section::Energy => {
                let Some(c) = self.checkins.get(i) else {
                    return Line::from("");
                };
                let level = usize::from(c.level.clamp(1, 5));
                let meter = format!("{}{}", "█".repeat(level), "░".repeat(5 - level));
                let tags = tags_text(&c.tags);
                let note = match (c.note.is_empty(), tags.is_empty()) {
                    (true, _) => tags,
                    (false, true) => sanitize(&c.note).into_owned(),
                    (false, false) => format!("{} {tags}", sanitize(&c.note)),
                };
                spans.extend([
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
                    Span::styled(
                        truncate(&note, w.saturating_sub(14)).into_owned(),
                        sel(t.plain()),
                    ),
                ]);
            }
            Section::Meetings => {
                let Some(m) = self.meetings.get(i) else {
                    return Line::from("");
                };
                let end = m
                    .duration_minutes
                    .map(|d| m.starts_at + chrono::Duration::minutes(i64::from(d)));
                let (style, note) = match end {
                    Some(e) if e <= self.now => (t.dim(), ""),
                    Some(_) if m.starts_at <= self.now => (t.doing(), " now"),
                    None if m.starts_at < self.now => (t.dim(), ""),
                    _ => (t.plain(), ""),
                };
                let dur = m.duration_minutes.map(format_minutes).unwrap_or_default();
                // Tomorrow's are marked by their weekday; the time lines up either way.
                let when = if m.starts_at.date() == self.today {
                    m.starts_at.format("    %H:%M").to_string()
                } else {
                    m.starts_at.format("%a %H:%M").to_string()
                };
                // The title first; the kind when wide; the attendees in what is left,
                // as many names as fit and "+N" for the rest.
                let kind = if w >= 100 {
                    format!(" ({})", m.kind.label())
                } else {
                    String::new()
                };
                let head = format!("{}{kind}{note}", sanitize(&m.title));
                let text_w = w.saturating_sub(16);
                let head_w = width(&head).min(text_w);
                let who_w = text_w.saturating_sub(head_w + 3);
                let who = if m.attendees.is_empty() || who_w < 6 {
                    String::new()
                } else {
                    let names: Vec<String> = m
                        .attendees
                        .iter()
                        .map(|p| sanitize(&p.name).into_owned())
                        .collect();
                    names_fitting(&names, who_w)
                };
                spans.extend([
                    Span::styled(when, sel(style)),
                    Span::styled(" ", sel(t.plain())),
                    Span::styled(fit(&dur, 5), sel(t.dim())),
                    Span::styled(" ", sel(t.plain())),
                    Span::styled(truncate(&head, text_w).into_owned(), sel(style)),
                ]);
                if !who.is_empty() {
                    spans.push(Span::styled(" · ", sel(t.dim())));
                    spans.push(Span::styled(who, sel(t.dim())));
                }
            }
            Section::Actions => {
                let Some(a) = self.actions.first.get(i) else {
                    return Line::from("");
                };
                let (due, due_style) = match a.due_date {
                    Some(d) if d < self.today => (
                        format!("overdue {}d", (self.today - d).num_days()),
                        t.error(),
                    ),
                    Some(d) if d == self.today => ("due today".to_string(), t.warning()),
                    Some(d) => (format!("due {}", d.format("%a %-d %b")), t.dim()),
                    None => (String::new(), t.dim()),
                };
                let owner = a
                    .owner
                    .as_ref()
                    .map(|p| format!("{} · ", sanitize(&p.name)))
                    .unwrap_or_default();
                let tail = format!("{owner}{due}");
                let title_w = w.saturating_sub(2 + width(&tail) + 1);
                let title_style = if a.due_date.is_some_and(|d| d < self.today) {
                    t.bold()
                } else {
                    t.plain()
                };
                spans.extend([
                    Span::styled("☐ ", sel(t.plain())),
                    Span::styled(fit(&sanitize(&a.title), title_w), sel(title_style)),
                    Span::styled(" ", sel(t.plain())),
                    Span::styled(owner, sel(t.dim())),
                    Span::styled(due, sel(due_style)),
                ]);
            }
            Section::Goals => {
                let Some(g) = self.goals.get(i) else {
                    return Line::from("");
                };
                let pct = (g.progress.clamp(0.0, 1.0) * 100.0).round() as usize;
                let when = match g.target_date {
                    Some(d) if d == self.today => "today".to_string(),
                    Some(d) => format!(
                        "{} · in {}d",
                        d.format("%a %-d %b"),
                        (d - self.today).num_days()
                    ),
                    None => String::new(),
                };
                let bar_w = if w >= 70 { 16 } else { 10 };
                let tail_w = bar_w + 6 + width(&when);
                let title_w = w.saturating_sub(tail_w + 1);
                spans.extend([
                    Span::styled(fit(&sanitize(&g.title), title_w), sel(t.plain())),
                    Span::styled(" ", sel(t.plain())),
                    Span::styled(
                        progress_bar(pct, 100, bar_w),
                        if selected {
                            t.gauge().patch(t.selected_bar())
                        } else {
                            t.gauge()
                        },
                    ),
                    Span::styled(format!(" {pct:>3}% "), sel(t.bold())),
                    Span::styled(when, sel(t.dim())),
                ]);
            }
        }
        finish(spans)
    }

    /// The week's journal entries in the rows below `end` that the sections left free (a
    /// large screen): nothing when fewer than four rows are free.
    pub(super) fn render_journal(&self, frame: &mut Frame, rect: Rect, end: u16) {
        let t = self.theme;
        let y = end.saturating_add(1);
        if rect.bottom() < y.saturating_add(4) || rect.width < 20 {
            return;
        }
        let w = usize::from(rect.width);
        let rows = usize::from(rect.bottom() - y) - 1;
        let n = self.journal.len();
        let mut head = vec![Span::styled(
            format!("Journal · last {JOURNAL_DAYS} days · {n}"),
            t.title(),
        )];
        if n > rows {
            head.push(Span::styled(format!("  1–{rows} of {n}"), t.dim()));
        }
        head.push(Span::styled("  (2 opens Journal)", t.dim()));
        let mut lines = vec![Line::from(head)];
        if n == 0 {
            lines.push(Line::from(Span::styled(
                "  Nothing written this week: 2 opens Journal, where a adds an entry.",
                t.dim(),
            )));
        }
        for l in self.journal.iter().take(rows) {
            let date = l.at.format("%a %-d %b").to_string();
            let star = if l.starred { "★ " } else { "  " };
            let tags = tags_text(&l.tags);
            let title_w = w.saturating_sub(12 + 2 + width(&tags) + 1);
            lines.push(Line::from(vec![
                Span::styled(fit(&date, 11), t.dim()),
                Span::raw(" "),
                Span::styled(star, t.warning()),
                Span::raw(fit(&sanitize(&l.title), title_w)),
                Span::raw(" "),
                Span::styled(tags, t.tag()),
            ]));
        }
        let h = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        frame.render_widget(
            Paragraph::new(lines),
            Rect {
                y,
                height: h.min(rect.bottom() - y),
                ..rect
            },
        );
    }

    /// Draws a column of sections in `rect`; returns the row below the last one drawn.
    pub(super) fn render_column(
        &mut self,
        frame: &mut Frame,
        rect: Rect,
        sections: &[Section],
    ) -> u16 {
        if rect.height == 0 || rect.width < 4 {
            return rect.bottom();
        }
        let wanted: Vec<usize> = sections
            .iter()
            .map(|s| self.wanted(*s, rect.width))
            .collect();
        let avail = usize::from(rect.height);
        let gaps = sections.len().saturating_sub(1);
        let roomy = wanted.iter().sum::<usize>() + gaps <= avail;
        let heights = allocate(&wanted, avail.saturating_sub(if roomy { gaps } else { 0 }));
        let selected_item = self.items.get(self.selected).copied();
        let mut y = rect.y;
        for (k, (&s, &h)) in sections.iter().zip(&heights).enumerate() {
            if h == 0 || y >= rect.bottom() {
                continue;
            }
            let h16 = u16::try_from(h).unwrap_or(u16::MAX).min(rect.bottom() - y);
            let area = Rect {
                y,
                height: h16,
                ..rect
            };
            self.render_section(frame, area, s, selected_item);
            y = y.saturating_add(h16);
            if roomy && k + 1 < sections.len() {
                y = y.saturating_add(1);
            }
        }
        y
    }

    pub(super) fn render_section(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        s: Section,
        sel: Option<Item>,
    ) {
        let t = self.theme;
        let w = usize::from(area.width);
        let mut header = self.header(s, area.width);
        let mut lines: Vec<Line> = Vec::new();
        let mut rows = usize::from(area.height).saturating_sub(1);
        let mut spark_line = None;
        if s == Section::Energy && !self.spark_on_header(area.width) && rows > 1 {
            spark_line = Some(Line::from(Span::styled(
                truncate(&self.energy_spark(), w).into_owned(),
                t.chart(),
            )));
            rows -= 1;
        }
        // Marking action items: how many are marked and the verbs, under the header.
        // With no row to spare, it takes the header's place.
        let marking = self.marking.on() && s == Section::Actions;
        let banner = marking && rows > 1;
        if banner {
            rows -= 1;
        }
        let n = self.len_of(s);
        let off = &mut self.offsets[s.index()];
        if let Some(item) = sel.filter(|i| i.section == s) {
            if item.index < *off {
                *off = item.index;
            } else if rows > 0 && item.index >= *off + rows {
                *off = item.index + 1 - rows;
            }
        }
        *off = (*off).min(n.saturating_sub(rows));
        let off = *off;
        // Only the soonest action items are listed; the header counts them all.
        let all = match s {
            Section::Actions => self.actions.total.max(n),
            _ => n,
        };
        if all > rows && rows > 0 {
            header.spans.push(Span::styled(
                format!("  {}–{} of {all}", off + 1, (off + rows).min(n)),
                t.dim(),
            ));
        }
        let text_of = |l: &Line| -> String { l.spans.iter().map(|s| s.content.as_ref()).collect() };
        if width(&text_of(&header)) > w {
            // Too wide: the progress bar goes before any words are cut.
            header
                .spans
                .retain(|s| !(s.content.starts_with('[') && s.content.ends_with(']')));
        }
        let header_text = text_of(&header);
        if width(&header_text) > w {
            header = Line::from(Span::styled(
                truncate(&header_text, w).into_owned(),
                t.title(),
            ));
        }
        if marking && !banner {
            header = self.marking.banner_line(&ITEMS, w, t);
        }
        lines.push(header);
        if let Some(l) = spark_line {
            lines.push(l);
        }
        if banner {
            lines.push(self.marking.banner_line(&ITEMS, w, t));
        }
        let first_row_y = area.y + u16::try_from(lines.len()).unwrap_or(u16::MAX);
        if n == 0 {
            for l in wrap(Self::empty_text(s), w.saturating_sub(2))
                .into_iter()
                .take(rows)
            {
                lines.push(Line::from(Span::styled(format!("  {l}"), t.dim())));
            }
        } else {
            for (index, y) in (off..(off + rows).min(n)).zip(first_row_y..area.bottom()) {
                let item = Item { section: s, index };
                // A click selects the row; a double click opens it, as Enter does.
                if let Some(at) = self.items.iter().position(|i| *i == item) {
                    crate::tui::mouse::row(
                        Rect {
                            y,
                            height: 1,
                            ..area
                        },
                        at,
                        self.selected,
                    );
                }
                let marks = self.marking.on() && s == Section::Actions;
                let mw = if marks {
                    self.marking.marker_width()
                } else {
                    0
                };
                let mut line = self.row(item, w.saturating_sub(mw), sel == Some(item));
                if marks {
                    let id = self.actions.first.get(index).map_or(0, |a| a.id);
                    line.spans.insert(
                        0,
                        Span::styled(self.marking.marker(id), self.theme.warning()),
                    );
                }
                lines.push(line);
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// Shares `avail` rows among sections wanting `wanted` rows: first a header each, then one row
/// each, then the rest one row at a time round the sections still wanting more.
pub(super) fn allocate(wanted: &[usize], avail: usize) -> Vec<usize> {
    let mut got = vec![0usize; wanted.len()];
    let mut left = avail;
    for _round in 0..2 {
        for (g, w) in got.iter_mut().zip(wanted) {
            if left > 0 && *g < *w {
                *g += 1;
                left -= 1;
            }
        }
    }
    while left > 0 {
        let mut gave = false;
        for (g, w) in got.iter_mut().zip(wanted) {
            if left > 0 && *g < *w {
                *g += 1;
                left -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    got
}

/// `names` joined with commas, as many whole ones as fit in `room` columns, then "+N" for
/// the rest (the first name is cut only if even it alone does not fit).
pub(super) fn names_fitting(names: &[String], room: usize) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        let rest = names.len() - i - 1;
        let more = if rest > 0 {
            format!(" +{rest}")
        } else {
            String::new()
        };
        let sep = if out.is_empty() { "" } else { ", " };
        if width(&out) + width(sep) + width(name) + width(&more) <= room {
            out.push_str(sep);
            out.push_str(name);
            continue;
        }
        let left = names.len() - i;
        if out.is_empty() {
            let tail = if left > 1 {
                format!(" +{}", left - 1)
            } else {
                String::new()
            };
            out = format!(
                "{}{tail}",
                truncate(name, room.saturating_sub(width(&tail)))
            );
        } else {
            out.push_str(&format!(" +{left}"));
        }
        break;
    }
    out
}
