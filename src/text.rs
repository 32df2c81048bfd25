//! Making untrusted text (from the database, file names, error messages) safe to print.

use std::borrow::Cow;

/// Neutralises characters that could drive or mislead a terminal, for one line of output.
///
/// * newline, carriage return and tab become a space (the output stays one line);
/// * ESC becomes `␛`, other C0 controls and DEL their Control Pictures (`␀`, `␇`, `␡`, ...);
/// * C1 controls (U+0080–U+009F, which some terminals treat like ESC sequences) and the
///   bidirectional overrides/isolates (which can reorder what is shown) become `\u{..}` text.
///
/// Borrows when nothing needs changing, which is nearly always.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\u{7f}' => out.push('\u{2421}'),
            // Control Pictures start at U+2400 for NUL, in the same order as C0 (ESC gives ␛).
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'))
            }
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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
            c if needs_escape(c) || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Makes JSON produced by `serde_json` safe to print, as [`push_json_string`] does. `serde_json`
/// already escapes C0 controls inside strings; the others can only occur inside strings too,
/// where an escape means the same thing. Layout whitespace (pretty printing) is left alone.
pub fn json_safe(json: String) -> String {
    let unsafe_char = |c: char| {
        (needs_escape(c) && !matches!(c, '\n' | '\r' | '\t'))
            || matches!(c, '\u{2028}' | '\u{2029}')
    };
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
                '\n' | '\r' | '\t' => Some(' '),
                c if needs_escape(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Résumé — ok ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_and_controls_become_visible() {
        assert_eq!(sanitize("a\x1b[2Jb"), "a␛[2Jb");
        assert_eq!(sanitize("bell\x07"), "bell␇");
        assert_eq!(sanitize("nul\0"), "nul␀");
        assert_eq!(sanitize("del\x7f"), "del␡");
        assert_eq!(sanitize("two\nlines\tand\rtab"), "two lines and tab");
        assert_eq!(sanitize("c1\u{9b}31m"), "c1\\u{9b}31m");
        assert_eq!(sanitize("rtl\u{202e}txt"), "rtl\\u{202e}txt");
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
