//! Bits the list panes share: day labels, tag options for forms, the filter line.

use super::list::Filter;
use crate::model::Tag;
use crate::text::sanitize;
use crate::tui::form::PickOption;
use crate::tui::theme::Theme;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// "Sun 22 Nov 2026 · today" (or yesterday / tomorrow / nothing).
pub fn day_label(day: NaiveDate, today: NaiveDate) -> String {
    let rel = match (day - today).num_days() {
        0 => " · today",
        -1 => " · yesterday",
        1 => " · tomorrow",
        _ => "",
    };
    format!("{}{rel}", day.format("%a %-d %b %Y"))
}

/// The same check the repository makes on a tag, for a picker's "create new": trims, drops a
/// leading `#`/`@`, refuses spaces, commas and control characters, at most 64 characters.
pub fn new_tag(raw: &str) -> Result<String, String> {
    let t = raw.trim().trim_start_matches(['#', '@']);
    if t.is_empty() {
        return Err("tag must not be empty".into());
    }
    if t.chars()
        .any(|c| c.is_whitespace() || c == ',' || c.is_control())
    {
        return Err(format!(
            "tag {:?} must not contain spaces, commas or control characters",
            sanitize(t)
        ));
    }
    if t.chars().count() > 64 {
        return Err("tag must be at most 64 characters".into());
    }
    Ok(t.to_string())
}

/// Picker options from every tag, plus selected names not among them; returns the options
/// and the ids of `selected`.
pub fn tag_options(all: &[Tag], selected: &[String]) -> (Vec<PickOption>, Vec<i64>) {
    let mut options: Vec<PickOption> = all
        .iter()
        .map(|t| PickOption::new(t.id, t.name.clone()))
        .collect();
    let mut ids = Vec::new();
    let mut next_new = -1_000_000;
    for name in selected {
        match options.iter().find(|o| o.label.eq_ignore_ascii_case(name)) {
            Some(o) => ids.push(o.id),
            None => {
                next_new -= 1;
                options.push(PickOption::new(next_new, name.clone()));
                ids.push(next_new);
            }
        }
    }
    (options, ids)
}

/// "#rust #sql", sanitized.
pub fn tags_text(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{}", sanitize(t)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The filter prompt or the active filter, one line.
pub fn render_filter(
    frame: &mut Frame,
    rect: Rect,
    filter: &Filter,
    shown: usize,
    total: usize,
    theme: Theme,
) {
    render_filter_counted(frame, rect, filter, &shown.to_string(), total, theme);
}

/// [`render_filter`] for a paged list, whose count of matches may be "1000+".
pub fn render_filter_counted(
    frame: &mut Frame,
    rect: Rect,
    filter: &Filter,
    shown: &str,
    total: usize,
    theme: Theme,
) {
    let count = format!("  {shown} of {total}");
    let room = usize::from(rect.width).saturating_sub(1 + crate::text::width(&count));
    let mut spans = vec![Span::styled("/", theme.key())];
    spans.extend(
        filter
            .input
            .spans(theme.plain(), theme.selected(), filter.typing, room),
    );
    spans.push(Span::styled(count, theme.dim()));
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), rect);
}

/// A dim message in an empty list, wrapped at word boundaries so a hint is never cut.
pub fn render_empty(frame: &mut Frame, rect: Rect, text: &str, theme: Theme) {
    if rect.height == 0 {
        return;
    }
    let top = rect.height.min(2) / 2;
    let lines: Vec<Line> = crate::text::wrap(text, usize::from(rect.width.saturating_sub(2)))
        .into_iter()
        .take(usize::from(rect.height - top))
        .map(|l| Line::from(Span::styled(format!(" {l}"), theme.dim())))
        .collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y: rect.y + top,
            height: rect.height - top,
            ..rect
        },
    );
}

/// The panel beside a list on wide terminals (the selected row, charts): a dim rule on its
/// left, an optional bold title, and one column of space. Returns where its content goes.
pub fn side_panel(frame: &mut Frame, rect: Rect, title: Option<&str>, theme: Theme) -> Rect {
    let mut block = Block::default()
        .borders(Borders::LEFT)
        .border_style(theme.dim());
    if let Some(title) = title {
        block = block.title(Span::styled(format!(" {title} "), theme.bold()));
    }
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(1),
        ..inner
    }
}

/// The banner of a list marking rows (`V`): how many are marked and the keys that act on them.
/// `verbs` are the marking keys this pane offers (by the keymap's footer labels).
pub fn render_marking(frame: &mut Frame, rect: Rect, marked: usize, verbs: &[&str], t: Theme) {
    let line = marking_line(marked, verbs, usize::from(rect.width), t);
    frame.render_widget(Paragraph::new(line), rect);
}

/// [`render_marking`]'s line in `cols` columns: when it does not fit, "all", then "mark",
/// then "stop" go (the status line says how to mark), so the verbs that change rows stay.
pub fn marking_line(marked: usize, verbs: &[&str], cols: usize, t: Theme) -> Line<'static> {
    let head = format!(
        "● {marked} marked{} ",
        if marked == 0 { " (Space marks)" } else { ":" }
    );
    let mut keys: Vec<(String, &str)> =
        crate::tui::keymap::footer(&[crate::tui::keymap::Context::Selecting])
            .into_iter()
            .filter(|(_, h)| verbs.contains(h))
            .collect();
    let wide = |keys: &[(String, &str)]| {
        crate::text::width(&head)
            + keys
                .iter()
                .map(|(k, h)| crate::text::width(k) + crate::text::width(h) + 3)
                .sum::<usize>()
    };
    for drop in ["all", "mark", "stop"] {
        if wide(&keys) <= cols {
            break;
        }
        keys.retain(|(_, h)| *h != drop);
    }
    let mut spans = vec![Span::styled(head, t.warning())];
    for (k, h) in keys {
        spans.push(Span::styled(k, t.key()));
        spans.push(Span::raw(format!(" {h}  ")));
    }
    Line::from(spans)
}

/// The key that puts a list on the newest row on or before `day` (lists newest first): the
/// start of the next day, so every row of `day` comes after it.
pub fn end_of_day_key(day: NaiveDate) -> crate::model::PageKey {
    let next = day.succ_opt().unwrap_or(day);
    (next.and_time(chrono::NaiveTime::MIN), crate::model::Id::MIN)
}

/// Says where a jump to `day` landed: on it, on the nearest day before it, or (`None`)
/// nowhere, since no row of `what` is on or before it. Short enough for the status line at
/// 80 columns.
pub fn say_jump(
    status: &mut crate::tui::status::Status,
    what: &str,
    day: NaiveDate,
    landed: Option<NaiveDate>,
) {
    use chrono::Datelike;
    let full = day.format("%a %-d %b %Y");
    match landed {
        Some(d) if d == day => status.info(full.to_string()),
        Some(d) => {
            let near = if d.year() == day.year() {
                d.format("%a %-d %b").to_string()
            } else {
                d.format("%a %-d %b %Y").to_string()
            };
            status.info(format!("no {what} on {full}; showing {near}"));
        }
        None => status.warn(format!("no {what} on or before {full}; list unchanged")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_tags() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        assert_eq!(day_label(d, d), "Sun 22 Nov 2026 · today");
        assert_eq!(new_tag(" #deep-work "), Ok("deep-work".into()));
        assert!(new_tag("two words").is_err());
        assert!(new_tag("esc\x1b").is_err());
        let (opts, ids) = tag_options(
            &[Tag {
                id: 3,
                name: "rust".into(),
                uses: 1,
            }],
            &["Rust".into(), "new".into()],
        );
        assert_eq!(ids[0], 3);
        assert_eq!(opts.len(), 2);
        assert_eq!(tags_text(&["a\x1b".into()]), "#a␛");
    }
}
