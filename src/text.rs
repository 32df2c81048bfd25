//! Making stored (untrusted) text safe and measurable for a terminal.
//!
//! Everything the user or another program stored goes through [`sanitize`] before it becomes a
//! ratatui `Span`: control characters (ESC above all) would otherwise reach the terminal raw or
//! vanish silently. Widths are in terminal columns (unicode-width), never bytes or chars.

use std::borrow::Cow;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Replaces control characters with visible symbols for a single-line cell: C0 controls become
/// their Unicode "control picture" (ESC → `␛`, NUL → `␀`), a newline becomes `⏎`, a tab a
/// space, DEL `␡`, and C1 controls and bidi overrides `�`. Borrows when nothing needed changing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_replacing) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {} // CRLF shows as one ⏎
            '\n' | '\r' => out.push('⏎'),
            _ => out.push(replacement(c).unwrap_or(c)),
        }
    }
    Cow::Owned(out)
}

/// Like [`sanitize`] but keeps line breaks, for text shown over several lines: returns one
/// sanitized string per line.
pub fn sanitize_lines(s: &str) -> Vec<Cow<'_, str>> {
    s.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .map(sanitize)
        .collect()
}

fn needs_replacing(c: char) -> bool {
    c == '\n' || c == '\r' || replacement(c).is_some()
}

/// The visible stand-in for a character a terminal must not receive, or `None` if it is safe.
fn replacement(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        '\u{80}'..='\u{9f}' => Some('�'),
        // Bidirectional overrides and isolates can reorder what follows them on screen.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('�'),
        _ => None,
    }
}

/// Terminal columns `s` takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending with `…` if anything was cut. Never splits a
/// wide character (a CJK character that would straddle the edge is dropped).
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Pads (or truncates) `s` to exactly `cols` columns.
pub fn fit(s: &str, cols: usize) -> String {
    let t = truncate(s, cols);
    let pad = cols.saturating_sub(width(&t));
    let mut out = t.into_owned();
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("\x1b[31mred"), "␛[31mred");
        assert_eq!(sanitize("a\u{0}b\u{7}c\u{7f}"), "a␀b␇c␡");
        assert_eq!(sanitize("one\ntwo\r\nthree"), "one⏎two⏎three");
        assert_eq!(sanitize("tab\there"), "tab here");
        assert_eq!(sanitize("\u{9b}31m"), "�31m");
        assert_eq!(sanitize("abc\u{202e}def"), "abc�def");
        assert!(!sanitize("\x1b]0;title\x07").chars().any(char::is_control));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("plain ✓ 日本語 🚀"), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_keep_their_breaks() {
        assert_eq!(sanitize_lines("a\x1b\r\nb"), vec!["a␛", "b"]);
    }

    #[test]
    fn truncate_counts_columns_not_bytes() {
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(width(&truncate("日本語テキスト", 6)), 5);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(fit("🚀x", 5), "🚀x  ");
        assert_eq!(width(&fit("日本語テキスト", 4)), 4);
    }
}
