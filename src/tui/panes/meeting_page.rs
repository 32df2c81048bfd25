//! A meeting's page in the Meetings pane: the meeting, its notes and its action items.

use super::actions::{ItemList, split_text_and_items};
use super::common::tags_text;
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
}

impl Detail {
    pub(super) fn render(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate, t: Theme) {
        let d = self;
        let head = meeting_head(&d.meeting, today, t);
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
    }
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
