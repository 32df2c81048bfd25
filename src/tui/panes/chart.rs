//! Small drawing helpers shared by panes: vertical bars in eighth blocks with their axes, a
//! text progress bar, fitting a long series into a narrow area, and a year's calendar heatmap.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// Draws one bar per value, each `col_w` columns wide (the last column of a bar is left blank
/// when `col_w` > 1), scaled so `max` fills the height. `None` draws a dim dot on the baseline.
pub fn bars(
    buf: &mut Buffer,
    rect: Rect,
    values: &[Option<f64>],
    max: f64,
    col_w: u16,
    style: Style,
    absent: Style,
) {
    if rect.is_empty() || col_w == 0 || max <= 0.0 {
        return;
    }
    let eighths_total = u32::from(rect.height) * 8;
    for (i, v) in values.iter().enumerate() {
        let Ok(i) = u16::try_from(i) else { break };
        let x0 = rect.x.saturating_add(i.saturating_mul(col_w));
        if x0 >= rect.right() {
            break;
        }
        let draw_w = if col_w > 1 { col_w - 1 } else { 1 };
        for dx in 0..draw_w {
            let x = x0.saturating_add(dx);
            if x >= rect.right() {
                break;
            }
            match v {
                None => {
                    let y = rect.bottom().saturating_sub(1);
                    buf[(x, y)].set_symbol("·").set_style(absent);
                }
                Some(v) => {
                    let frac = (v / max).clamp(0.0, 1.0);
                    let mut left = (frac * f64::from(eighths_total)).round() as u32;
                    if left == 0 && *v > 0.0 {
                        left = 1;
                    }
                    for row in (0..rect.height).rev() {
                        let n = left.min(8) as usize;
                        left = left.saturating_sub(8);
                        buf[(x, rect.y + row)]
                            .set_symbol(EIGHTHS[n])
                            .set_style(style);
                    }
                }
            }
        }
    }
}

/// Averages a series into at most `width` bins, keeping `None` for bins with no values.
pub fn fit_series(values: &[Option<f64>], width: usize) -> Vec<Option<f64>> {
    if width == 0 {
        return Vec::new();
    }
    if values.len() <= width {
        return values.to_vec();
    }
    let per = values.len().div_ceil(width);
    values
        .chunks(per)
        .map(|c| {
            let present: Vec<f64> = c.iter().flatten().copied().collect();
            if present.is_empty() {
                None
            } else {
                Some(present.iter().sum::<f64>() / present.len() as f64)
            }
        })
        .collect()
}

/// `[██████░░░░]` of `cols` columns (the brackets included) for `done` of `total`.
pub fn progress_bar(done: usize, total: usize, cols: usize) -> String {
    let inner = cols.saturating_sub(2);
    let filled = (done.min(total) * inner).checked_div(total).unwrap_or(0);
    let mut s = String::with_capacity(cols * 3);
    s.push('[');
    s.extend(std::iter::repeat_n('█', filled));
    s.extend(std::iter::repeat_n('░', inner - filled));
    s.push(']');
    s
}

/// One character per value, `▁` (low) to `█` (`max`); `None` is `·`. For a day's or a
/// skill's history in a single row.
pub fn sparkline(values: &[Option<f64>], max: f64) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|v| match v {
            None => '·',
            Some(v) if max > 0.0 => {
                let i = ((v / max).clamp(0.0, 1.0) * 7.0).round() as usize;
                TICKS[i.min(7)]
            }
            Some(_) => TICKS[0],
        })
        .collect()
}

/// Columns left of a plot for its level axis (`5┤`).
pub const LEVEL_GUTTER: u16 = 2;

/// The rows a plot of levels `1..=top` gets out of `avail`: a whole number of rows per level
/// when there is room for one each, so a bar of level 3 ends exactly on the row labelled 3.
pub fn level_rows(avail: u16, top: u8) -> u16 {
    let top = u16::from(top.max(1));
    if avail >= top {
        avail / top * top
    } else {
        avail
    }
}

/// The level axis left of `plot` (which [`level_rows`] sized, bars scaled so `top` fills it):
/// each level's number on the row where a bar of that level ends, and a rule with ticks.
pub fn level_axis(buf: &mut Buffer, plot: Rect, top: u8, style: Style) {
    if plot.is_empty() || plot.x < LEVEL_GUTTER {
        return;
    }
    let (num_x, rule_x) = (plot.x - 2, plot.x - 1);
    for y in plot.y..plot.bottom() {
        buf[(rule_x, y)].set_symbol("│").set_style(style);
    }
    let h = u32::from(plot.height);
    let mut last_row = None;
    for level in 1..=top {
        // The bar of `level` fills level/top of the height: it ends on this row.
        let filled = (u32::from(level) * h).div_ceil(u32::from(top.max(1)));
        let Some(from_bottom) = filled.checked_sub(1) else {
            continue;
        };
        let Ok(from_bottom) = u16::try_from(from_bottom) else {
            continue;
        };
        let y = plot.bottom().saturating_sub(1).saturating_sub(from_bottom);
        if last_row == Some(y) || y < plot.y {
            continue;
        }
        last_row = Some(y);
        buf[(num_x, y)]
            .set_symbol(&level.to_string())
            .set_style(style);
        buf[(rule_x, y)].set_symbol("┤").set_style(style);
    }
}

/// The time axis under `plot`: a rule on row `plot.bottom()` with a tick under each labelled
/// column and the labels on the row below, each starting at its tick (or ending there, when it
/// would run off the right edge); a label that would touch the previous one is left out.
pub fn time_axis(buf: &mut Buffer, plot: Rect, ticks: &[(u16, String)], style: Style) {
    let rule_y = plot.bottom();
    let label_y = rule_y.saturating_add(1);
    if plot.width == 0 || rule_y >= buf.area.bottom() {
        return;
    }
    if plot.x >= 1 {
        buf[(plot.x - 1, rule_y)].set_symbol("└").set_style(style);
    }
    for x in plot.x..plot.right() {
        buf[(x, rule_y)].set_symbol("─").set_style(style);
    }
    let mut free_from = plot.x;
    for (col, label) in ticks {
        let x = plot.x.saturating_add(*col);
        if x >= plot.right() {
            continue;
        }
        let w = u16::try_from(crate::text::width(label)).unwrap_or(u16::MAX);
        let start = if x.saturating_add(w) > plot.right() {
            plot.right().saturating_sub(w)
        } else {
            x
        };
        if start < free_from || label_y >= buf.area.bottom() {
            continue;
        }
        buf[(x, rule_y)].set_symbol("┬").set_style(style);
        buf.set_stringn(start, label_y, label, usize::from(w), style);
        free_from = start.saturating_add(w).saturating_add(1);
    }
}

/// Ticks for a day axis of `bins` columns `col_w` wide, each bin `per` days from `first`:
/// the first bin, then about every `spacing` columns, as "24 Oct".
pub fn day_ticks(
    first: NaiveDate,
    bins: usize,
    per: usize,
    col_w: u16,
    spacing: u16,
) -> Vec<(u16, String)> {
    let every = usize::from(spacing.div_ceil(col_w.max(1))).max(1);
    (0..bins)
        .step_by(every)
        .filter_map(|i| {
            let day = first.checked_add_days(Days::new(u64::try_from(i * per).ok()?))?;
            let col = u16::try_from(i).ok()?.checked_mul(col_w)?;
            Some((col, day.format("%-d %b").to_string()))
        })
        .collect()
}

/// How [`fit_series`] put `days` days into `width` columns, for the chart's caption.
pub fn squeeze_note(days: usize, width: usize) -> String {
    let per = days_per_column(days, width);
    if per <= 1 {
        "1 column = 1 day".into()
    } else {
        format!("1 column = {per} days, mean")
    }
}

/// The days one column of [`fit_series`] averages.
pub fn days_per_column(days: usize, width: usize) -> usize {
    if width == 0 || days <= width {
        1
    } else {
        days.div_ceil(width)
    }
}

/// The shade characters of a heatmap, from nothing to most.
pub const SHADES: [&str; 5] = ["·", "░", "▒", "▓", "█"];

/// A year (or what fits) of days as a calendar heatmap, GitHub style: one column of `cell_w`
/// per week (Monday on top), the last column the week of `last`; month names above the week a
/// month starts in, weekday names on the left (`HEAT_GUTTER` columns). `shade` gives each
/// day its shade index (0–4, `None` for no data: a dot) and style. Days after `last` stay blank.
/// Returns the first day shown.
pub fn heatmap(
    buf: &mut Buffer,
    rect: Rect,
    last: NaiveDate,
    cell_w: u16,
    shade: &dyn Fn(NaiveDate) -> Option<(usize, Style)>,
    empty: Style,
    label: Style,
) -> Option<NaiveDate> {
    if rect.height < 8 || rect.width <= HEAT_GUTTER || cell_w == 0 {
        return None;
    }
    let weeks = ((rect.width - HEAT_GUTTER) / cell_w).min(53);
    if weeks == 0 {
        return None;
    }
    let monday =
        last.checked_sub_days(Days::new(u64::from(last.weekday().num_days_from_monday())))?;
    let first = monday.checked_sub_days(Days::new(7 * u64::from(weeks - 1)))?;
    for (row, name) in [(0u16, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")] {
        buf.set_stringn(
            rect.x,
            rect.y + 1 + row,
            name,
            usize::from(HEAT_GUTTER - 1),
            label,
        );
    }
    let mut month_free = rect.x + HEAT_GUTTER;
    for week in 0..weeks {
        let x = rect.x + HEAT_GUTTER + week * cell_w;
        let start = first.checked_add_days(Days::new(7 * u64::from(week)))?;
        for wd in 0..7u16 {
            let Some(day) = start.checked_add_days(Days::new(u64::from(wd))) else {
                continue;
            };
            if day > last {
                break;
            }
            let (sym, style) = match shade(day) {
                Some((i, st)) => (SHADES[i.min(4)], st),
                None => (SHADES[0], empty),
            };
            for dx in 0..cell_w {
                buf[(x + dx, rect.y + 1 + wd)]
                    .set_symbol(sym)
                    .set_style(style);
            }
        }
        // The month a week starts is named above the week holding its 1st.
        let end = start.checked_add_days(Days::new(6)).unwrap_or(start);
        // The first week is named only when its month goes on long enough to leave room
        // for the name before the next.
        let named = if week == 0 {
            start
                .checked_add_days(Days::new(21))
                .filter(|d| d.month() == start.month())
                .map(|_| start)
        } else if end.day() <= 7 {
            end.with_day(1)
        } else {
            None
        };
        if let Some(m) = named {
            let name = m.format("%b").to_string();
            let w = u16::try_from(name.len()).unwrap_or(0);
            if x >= month_free && x + w <= rect.right() {
                buf.set_stringn(x, rect.y, &name, usize::from(w), label);
                month_free = x + w + 1;
            }
        }
    }
    Some(first)
}

/// A level held over time, as a step line on whole rows: each level `0..=top` has its own row
/// (labelled on the left by `label(level)`, `gutter` columns), a level holds until the next
/// assessment (●) and the last until `last`; `target`, if any, is a dotted line on its row.
/// Dates run along the bottom axis.
#[allow(clippy::too_many_arguments)]
pub fn step_chart(
    buf: &mut Buffer,
    rect: Rect,
    points: &[(NaiveDate, u8)],
    last: NaiveDate,
    top: u8,
    target: Option<u8>,
    gutter: u16,
    label: &dyn Fn(u8) -> String,
    styles: (Style, Style, Style),
) {
    let (line, target_style, axis) = styles;
    let Some(&(first, _)) = points.first() else {
        return;
    };
    // Two rows for the time axis; one row per level, more when they divide evenly.
    if rect.height < u16::from(top) + 3 || rect.width <= gutter + 4 {
        return;
    }
    let per_level = (rect.height - 3) / u16::from(top.max(1));
    let plot = Rect {
        x: rect.x + gutter,
        y: rect.y + rect.height - 2 - (per_level * u16::from(top) + 1),
        width: rect.width - gutter,
        height: per_level * u16::from(top) + 1,
    };
    let row = |level: u8| plot.bottom() - 1 - u16::from(level.min(top)) * per_level;
    for y in plot.y..plot.bottom() {
        buf[(plot.x - 1, y)].set_symbol("│").set_style(axis);
    }
    for level in 0..=top {
        let y = row(level);
        let text = label(level);
        buf.set_stringn(rect.x, y, &text, usize::from(gutter - 1), axis);
        buf[(plot.x - 1, y)].set_symbol("┤").set_style(axis);
    }
    let span = (last - first).num_days().max(1) as f64;
    let w = f64::from(plot.width.saturating_sub(1));
    let col = |day: NaiveDate| {
        let frac = ((day - first).num_days() as f64 / span).clamp(0.0, 1.0);
        plot.x + (frac * w).round() as u16
    };
    if let Some(tg) = target {
        for x in plot.x..plot.right() {
            buf[(x, row(tg))].set_symbol("┄").set_style(target_style);
        }
    }
    for (i, &(day, level)) in points.iter().enumerate() {
        let x0 = col(day);
        let until = points.get(i + 1).map_or(last, |p| p.0);
        let x1 = col(until);
        let y = row(level);
        for x in x0..=x1.min(plot.right() - 1) {
            buf[(x, y)].set_symbol("─").set_style(line);
        }
        if let Some(&(_, prev)) = i.checked_sub(1).and_then(|p| points.get(p)) {
            let (a, b) = (row(prev).min(y), row(prev).max(y));
            for yy in a..=b {
                buf[(x0, yy)].set_symbol("│").set_style(line);
            }
        }
        buf[(x0, y)].set_symbol("●").set_style(line);
    }
    let n = usize::from(plot.width / 16).max(2);
    let ticks: Vec<(u16, String)> = (0..n)
        .filter_map(|k| {
            let day = first.checked_add_days(Days::new(
                u64::try_from((last - first).num_days() * k as i64 / (n as i64 - 1)).ok()?,
            ))?;
            Some((col(day) - plot.x, day.format("%-d %b %y").to_string()))
        })
        .collect();
    time_axis(
        buf,
        Rect {
            height: plot.height,
            ..plot
        },
        &ticks,
        axis,
    );
}

/// The level held at the end of each of the `months` months up to `today`'s (the last is held
/// today), from dated levels in order; `None` before the first.
pub fn held_by_month(
    points: &[(NaiveDate, u8)],
    today: NaiveDate,
    months: usize,
) -> Vec<Option<f64>> {
    let this_month = today.with_day(1).unwrap_or(today);
    (0..months)
        .rev()
        .map(|back| {
            // The first day of the month after the one this column stands for.
            let back = u32::try_from(back).unwrap_or(u32::MAX);
            let end = this_month
                .checked_sub_months(chrono::Months::new(back))
                .and_then(|m| m.checked_add_months(chrono::Months::new(1)))?;
            points
                .iter()
                .take_while(|(d, _)| *d < end && *d <= today)
                .last()
                .map(|(_, l)| f64::from(*l))
        })
        .collect()
}

/// The first days of the `n` months up to `last`'s, oldest first.
pub fn month_starts(last: NaiveDate, n: u32) -> Vec<NaiveDate> {
    let this = last.with_day(1).unwrap_or(last);
    (0..n)
        .rev()
        .filter_map(|back| this.checked_sub_months(chrono::Months::new(back)))
        .collect()
}

/// A bar a month under a year heatmap: `values` one per month of `months`, scaled so `top`
/// fills the plot; the value axis is labelled by `label` at the rows `ticks` (values) end on;
/// month names along the bottom. `rect` holds a title row, the bars and two axis rows.
#[allow(clippy::too_many_arguments)]
pub fn month_bars(
    buf: &mut Buffer,
    rect: Rect,
    title: &str,
    months: &[NaiveDate],
    values: &[Option<f64>],
    top: f64,
    ticks: &[f64],
    gutter: u16,
    styles: (Style, Style, Style),
) {
    let (title_style, bar, axis) = styles;
    if rect.height < 5 || rect.width <= gutter + 13 || months.is_empty() || top <= 0.0 {
        return;
    }
    buf.set_stringn(rect.x, rect.y, title, usize::from(rect.width), title_style);
    let n = u16::try_from(months.len()).unwrap_or(13);
    let col_w = ((rect.width - gutter) / n).clamp(1, 6);
    let plot = Rect {
        x: rect.x + gutter,
        y: rect.y + 1,
        width: (col_w * n).min(rect.width - gutter),
        height: rect.height - 3,
    };
    bars(buf, plot, values, top, col_w, bar, axis);
    for y in plot.y..plot.bottom() {
        buf[(plot.x - 1, y)].set_symbol("│").set_style(axis);
    }
    let h = f64::from(plot.height);
    for &v in ticks {
        let filled = ((v / top).clamp(0.0, 1.0) * h).ceil();
        if filled < 1.0 {
            continue;
        }
        let y = plot.bottom() - filled as u16;
        let text = if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.1}")
        };
        let w = u16::try_from(text.len()).unwrap_or(gutter).min(gutter - 1);
        buf.set_stringn(plot.x - 1 - w, y, &text, usize::from(w), axis);
        buf[(plot.x - 1, y)].set_symbol("┤").set_style(axis);
    }
    let labels: Vec<(u16, String)> = months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let col = u16::try_from(i).ok()? * col_w;
            Some((col, m.format("%b").to_string()))
        })
        .collect();
    time_axis(buf, plot, &labels, axis);
}

/// Columns left of a heatmap for the weekday names.
pub const HEAT_GUTTER: u16 = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_fit_into_bins() {
        let v: Vec<Option<f64>> = (0..90).map(|i| (i % 3 != 0).then_some(3.0)).collect();
        let fitted = fit_series(&v, 30);
        assert_eq!(fitted.len(), 30);
        assert!(fitted.iter().all(|b| *b == Some(3.0)));
        assert_eq!(fit_series(&[None, None], 1), vec![None]);
        assert!(fit_series(&v, 0).is_empty());
    }

    #[test]
    fn progress() {
        assert_eq!(progress_bar(1, 2, 6), "[██░░]");
        assert_eq!(progress_bar(0, 0, 4), "[░░]");
        assert_eq!(progress_bar(5, 2, 4), "[██]");
        assert_eq!(progress_bar(1, 1, 1), "[]");
    }

    #[test]
    fn sparklines() {
        assert_eq!(
            sparkline(&[Some(0.0), Some(5.0), None, Some(2.5)], 5.0),
            "▁█·▅"
        );
        assert_eq!(sparkline(&[Some(1.0)], 0.0), "▁");
        assert_eq!(sparkline(&[], 5.0), "");
    }

    #[test]
    fn bars_do_not_panic_anywhere() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 3));
        let vals = [Some(5.0), None, Some(1.0), Some(9.0)];
        for w in 0..12 {
            for h in 0..4 {
                bars(
                    &mut buf,
                    Rect::new(0, 0, w.min(10), h.min(3)),
                    &vals,
                    5.0,
                    3,
                    Style::new(),
                    Style::new(),
                );
            }
        }
        assert_eq!(buf[(0, 0)].symbol(), "█");
        assert_eq!(buf[(3, 2)].symbol(), "·");
    }

    fn row_text(buf: &Buffer, y: u16) -> String {
        (buf.area.x..buf.area.right())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn level_rows_are_whole_rows_per_level() {
        assert_eq!(level_rows(7, 5), 5);
        assert_eq!(level_rows(14, 5), 10);
        assert_eq!(level_rows(15, 5), 15);
        assert_eq!(level_rows(3, 5), 3);
    }

    #[test]
    fn each_level_is_labelled_where_its_bar_ends() {
        for h in [5u16, 10, 15] {
            let mut buf = Buffer::empty(Rect::new(0, 0, 6, h));
            let plot = Rect::new(2, 0, 4, h);
            bars(
                &mut buf,
                plot,
                &[Some(1.0), Some(2.0), Some(3.0), Some(5.0)],
                5.0,
                1,
                Style::new(),
                Style::new(),
            );
            level_axis(&mut buf, plot, 5, Style::new());
            for (col, level) in [(2u16, "1"), (3, "2"), (4, "3"), (5, "5")] {
                let top = (0..h).find(|&y| buf[(col, y)].symbol() != " ").unwrap();
                assert_eq!(buf[(0, top)].symbol(), level, "height {h}, column {col}");
                assert_eq!(buf[(1, top)].symbol(), "┤");
            }
        }
    }

    #[test]
    fn the_time_axis_drops_labels_that_would_touch() {
        let ticks = vec![
            (0, "1 Nov".to_string()),
            (3, "4 Nov".to_string()),
            (8, "9 Nov".to_string()),
            (17, "18 Nov".to_string()),
        ];
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 3));
        time_axis(&mut buf, Rect::new(1, 0, 23, 1), &ticks, Style::new());
        assert_eq!(row_text(&buf, 1), "└┬───────┬────────┬─────");
        assert_eq!(row_text(&buf, 2), " 1 Nov   9 Nov    18 Nov");
        // Narrower: "18 Nov" would end past the edge, so it would start at 14 and touch.
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 3));
        time_axis(&mut buf, Rect::new(1, 0, 19, 1), &ticks, Style::new());
        assert_eq!(row_text(&buf, 1), "└┬───────┬──────────");
        assert_eq!(row_text(&buf, 2), " 1 Nov   9 Nov      ");
    }

    #[test]
    fn squeezing_is_said() {
        assert_eq!(squeeze_note(90, 30), "1 column = 3 days, mean");
        assert_eq!(squeeze_note(90, 45), "1 column = 2 days, mean");
        assert_eq!(squeeze_note(30, 32), "1 column = 1 day");
        assert_eq!(days_per_column(90, 0), 1);
    }

    #[test]
    fn the_heatmap_puts_weeks_in_columns_and_weekdays_in_rows() {
        let area = Rect::new(0, 0, 4 + 10, 8);
        let mut buf = Buffer::empty(area);
        // Sun 22 Nov 2026 is the last day: the last column is its week, Monday on top.
        let shade = |day: NaiveDate| match day.day() {
            22 => Some((4, Style::new())),
            16 => Some((1, Style::new())),
            _ => None,
        };
        let first = heatmap(
            &mut buf,
            area,
            d("2026-11-22"),
            1,
            &shade,
            Style::new(),
            Style::new(),
        );
        assert_eq!(first, Some(d("2026-09-14")), "ten Mondays back");
        assert_eq!(buf[(13, 7)].symbol(), "█", "Sunday, bottom right");
        assert_eq!(buf[(13, 1)].symbol(), "░", "Monday 16 Nov, top right");
        assert_eq!(buf[(12, 1)].symbol(), "·");
        assert!(row_text(&buf, 1).starts_with("Mon"));
        assert!(row_text(&buf, 0).contains("Oct") && row_text(&buf, 0).contains("Nov"));
        // Days after the last are blank.
        let area = Rect::new(0, 0, 4 + 2, 8);
        let mut buf = Buffer::empty(area);
        heatmap(
            &mut buf,
            area,
            d("2026-11-18"),
            1,
            &shade,
            Style::new(),
            Style::new(),
        );
        assert_eq!(buf[(5, 3)].symbol(), "·", "Wed 18 Nov");
        assert_eq!(buf[(5, 4)].symbol(), " ", "Thu 19 Nov is to come");
    }

    #[test]
    fn the_level_held_by_month() {
        let points = [
            (d("2026-08-10"), 2u8),
            (d("2026-08-20"), 3),
            (d("2026-10-05"), 1),
        ];
        let months = held_by_month(&points, d("2026-11-22"), 5);
        assert_eq!(
            months,
            vec![None, Some(3.0), Some(3.0), Some(1.0), Some(1.0)]
        );
    }

    #[test]
    fn the_step_chart_puts_points_on_their_rows() {
        let area = Rect::new(0, 0, 30, 8);
        let mut buf = Buffer::empty(area);
        let points = [(d("2026-01-01"), 1u8), (d("2026-06-01"), 4)];
        let label = |l: u8| l.to_string();
        step_chart(
            &mut buf,
            area,
            &points,
            d("2026-12-31"),
            5,
            Some(3),
            2,
            &label,
            (Style::new(), Style::new(), Style::new()),
        );
        // 8 rows: one a level (0–5), the axis and its labels.
        let row_of = |level: &str| (0..8).find(|&y| buf[(0, y)].symbol() == level).unwrap();
        let first_dot = (0..30).find(|&x| buf[(x, row_of("1"))].symbol() == "●");
        assert_eq!(first_dot, Some(2));
        assert!(row_text(&buf, row_of("4")).contains('●'));
        assert!(row_text(&buf, row_of("3")).contains("┄"));
        assert!(row_text(&buf, 7).contains("1 Jan 26"));
    }
}
