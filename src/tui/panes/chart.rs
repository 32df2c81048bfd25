//! Small drawing helpers shared by panes: vertical bars in eighth blocks, a text progress bar,
//! and fitting a long series into a narrow area.

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
}
