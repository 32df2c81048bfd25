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
}
