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
    if !s.chars().any(needs_escape) {
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

/// A character a terminal must not receive as it is: any Unicode control (C0 including line
/// breaks and tab, DEL, C1), a bidirectional override or isolate, or one of the characters
/// that are invisible or break lines without being controls: the line and paragraph
/// separators (U+2028/U+2029, which some terminals treat as a newline and which break a
/// layout measured in columns), the bidi marks LRM, RLM and ALM, the zero-width space and the
/// byte order mark.
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{200b}'
                | '\u{feff}'
        )
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
        // Line breaks by another name.
        '\u{2028}' => Some('⏎'),
        '\u{2029}' => Some('¶'),
        // Invisible: bidi marks, zero-width space, byte order mark.
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{200b}' | '\u{feff}' => Some('�'),
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

/// Wraps one line of text to `max` columns, at spaces where it can, cutting words longer
/// than a line. An empty line stays one empty line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0;
    for word in text.split_inclusive(' ') {
        let ww = width(word);
        if cur_w + ww <= max || (cur_w + width(word.trim_end()) <= max && word.ends_with(' ')) {
            cur.push_str(word);
            cur_w += ww;
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            cur_w = 0;
        }
        // A word longer than the line is cut at the edge.
        for ch in word.chars() {
            let cw = UnicodeWidthChar::width(ch).unwrap_or(0);
            if cur_w + cw > max && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                cur_w = 0;
            }
            cur.push(ch);
            cur_w += cw;
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

/// Every line of `text` wrapped to `max` columns (see [`wrap`]).
pub fn wrap_lines(text: &str, max: usize) -> Vec<String> {
    text.lines().flat_map(|l| wrap(l, max)).collect()
}

/// Pads (or truncates) `s` to exactly `cols` columns.
pub fn fit(s: &str, cols: usize) -> String {
    let t = truncate(s, cols);
    let pad = cols.saturating_sub(width(&t));
    let mut out = t.into_owned();
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Appends `s` as a JSON string literal that is safe to print: besides what JSON requires
/// (`"`, `\\` and C0 controls), DEL, C1 controls, the bidirectional overrides/isolates and the
/// line/paragraph separators are written as `\uXXXX` escapes. Parsing gives back `s` exactly.
pub fn push_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Makes JSON produced by `serde_json` safe to print, as [`push_json_string`] does. `serde_json`
/// already escapes C0 controls inside strings; the others can only occur inside strings too,
/// where an escape means the same thing. Layout whitespace (pretty printing) is left alone.
pub fn json_safe(json: String) -> String {
    let unsafe_char = |c: char| needs_escape(c) && !matches!(c, '\n' | '\r' | '\t');
    if !json.chars().any(unsafe_char) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Removes control characters (and bidirectional overrides) outright, turning line breaks and
/// tabs into spaces: for user text placed inside a document such as a Markdown report.
pub fn strip_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if needs_escape(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// The key under which names of people and tags are matched: accents dropped (by Unicode
/// decomposition), case folded and runs of spaces made one, so "Inès  Dubois", "Ines Dubois"
/// and "INÈS DUBOIS" are one name. Scripts without such marks are kept as they are.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let folded: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn separators_and_invisible_marks_become_visible() {
        let s = "a\u{2028}b\u{2029}c\u{200e}\u{200f}\u{61c}\u{200b}\u{feff}d";
        assert_eq!(sanitize(s), "a⏎b¶c�����d");
        assert_eq!(width(&sanitize(s)), 11);
        assert_eq!(strip_controls(s), "a b cd");
        let mut json = String::new();
        push_json_string(s, &mut json);
        assert!(json.is_ascii(), "{json}");
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), s);
        assert!(json_safe(serde_json::to_string(s).unwrap()).is_ascii());
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

    #[test]
    fn json_strings_escape_every_control_and_round_trip() {
        let raw = "q\"b\\ \x1b[1m \x7f \u{9b} \u{202e} \u{2028} ok ✓ 🦀\n";
        let mut out = String::new();
        push_json_string(raw, &mut out);
        assert!(!out.chars().any(|c| c.is_control()), "{out}");
        assert!(out.contains("\\u001b") && out.contains("\\u007f") && out.contains("\\u009b"));
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), raw);
        let via_serde = json_safe(serde_json::to_string(raw).unwrap());
        assert!(!via_serde.chars().any(needs_escape), "{via_serde}");
        assert_eq!(serde_json::from_str::<String>(&via_serde).unwrap(), raw);
    }

    #[test]
    fn strip_controls_removes_rather_than_shows() {
        assert_eq!(strip_controls("a\x1b[31mb\nc\u{202e}"), "a[31mb c");
        assert!(matches!(strip_controls("plain"), Cow::Borrowed(_)));
    }
}
