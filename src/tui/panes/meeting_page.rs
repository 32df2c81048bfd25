//! A meeting's page in the Meetings pane: the meeting, its notes and its action items.

use super::actions::{ItemList, split_text_and_items};
use super::common::tags_text;
use crate::db::CalendarSource;
use crate::model::Meeting;
use crate::text::{sanitize, sanitize_lines, truncate};
use crate::tui::form::format_minutes;
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// A meeting's page: the meeting and its action items.
pub(super) struct Detail {
    pub(super) meeting: Meeting,
    pub(super) list: ItemList,
    /// The calendar it came from, if an import made it.
    pub(super) calendar: Option<CalendarSource>,
    /// Its attached files.
    pub(super) attached: crate::tui::attach::Attached,
}

impl Detail {
    pub(super) fn render(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate, t: Theme) {
        let d = self;
        let mut head = meeting_head(&d.meeting, today, t);
        head.push(calendar_line(d.calendar.as_ref(), today, t));
        head.extend(d.attached.lines(area.width, t));
        let head_h = u16::try_from(head.len())
            .unwrap_or(u16::MAX)
            .min(area.height);
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
        if rest.height < 2 {
            return;
        }
        let mut lines: Vec<Line> = Vec::new();
        if d.meeting.notes.trim().is_empty() {
            lines.push(Line::from(Span::styled(
                "No notes. E edits the meeting.",
                t.dim(),
            )));
        } else {
            lines.extend(
                sanitize_lines(&d.meeting.notes)
                    .iter()
                    .map(|l| Line::from(l.to_string())),
            );
        }
        let (notes, items) = split_text_and_items(
            Rect {
                y: rest.y + 1,
                height: rest.height - 1,
                ..rest
            },
            &lines,
            d.list.items.len(),
        );
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), notes);
        let open = d.list.open_count();
        let title = format!("Action items · {open} open of {}", d.list.items.len());
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
        d.attached.render_prompt(frame, area, t);
    }
}

/// Where the meeting came from: typed in, or a calendar, and when that calendar last said so.
pub(super) fn calendar_line(
    source: Option<&CalendarSource>,
    today: NaiveDate,
    t: Theme,
) -> Line<'static> {
    let Some(c) = source else {
        return Line::from(Span::styled(
            "recorded in worklog (not from a calendar)",
            t.dim(),
        ));
    };
    let synced = c.synced_at.with_timezone(&chrono::Local).naive_local();
    let ago = match (today - synced.date()).num_days() {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n if n > 1 => format!("{n} days ago"),
        _ => String::new(),
    };
    // "ics" is the only source so far: an iCalendar file or feed.
    let mut text = format!(
        "from a calendar{}",
        if c.recurring { " · recurring" } else { "" }
    );
    if !c.location.trim().is_empty() {
        text.push_str(&format!(
            " · at {}",
            truncate(&sanitize(c.location.trim()), 24)
        ));
    }
    text.push_str(&format!(" · last synced {}", synced.format("%-d %b %H:%M")));
    if !ago.is_empty() {
        text.push_str(&format!(" ({ago})"));
    }
    let mut spans = Vec::new();
    if c.cancelled {
        spans.push(Span::styled("cancelled in the calendar · ", t.warning()));
    }
    spans.push(Span::styled(text, t.dim()));
    Line::from(spans)
}

/// Title, when / how long / kind, attendees and tags of a meeting.
pub(super) fn meeting_head(m: &Meeting, today: NaiveDate, t: Theme) -> Vec<Line<'static>> {
    let mut when = m.starts_at.format("%a %-d %b %Y %H:%M").to_string();
    match (m.starts_at.date() - today).num_days() {
        0 => when.push_str(" · today"),
        -1 => when.push_str(" · yesterday"),
        1 => when.push_str(" · tomorrow"),
        _ => {}
    }
    if let Some(d) = m.duration_minutes {
        when.push_str(&format!(" · {}", format_minutes(d)));
    }
    when.push_str(&format!(" · {}", m.kind.label()));
    let mut lines = vec![
        Line::from(Span::styled(sanitize(&m.title).into_owned(), t.bold())),
        Line::from(Span::styled(when, t.dim())),
    ];
    let who = if m.attendees.is_empty() {
        "nobody recorded".to_string()
    } else {
        m.attendees
            .iter()
            .map(|p| sanitize(&p.name).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut spans = vec![Span::styled("with ", t.dim()), Span::raw(who)];
    if !m.tags.is_empty() {
        spans.push(Span::styled(format!("  {}", tags_text(&m.tags)), t.tag()));
    }
    lines.push(Line::from(spans));
    lines
}
