//! The one single-line text input: the list filter, the search box, the picker query, the
//! date prompt and the one-line fields of forms are [`LineInput`]s, and multi-line form fields
//! take the same keys through [`edit`]. Every one of them edits as a shell line does, so a key
//! learnt in one works in all:
//!
//! | keys                        | does                                  |
//! |-----------------------------|---------------------------------------|
//! | Left / Right, C-b / C-f     | a character back / forward            |
//! | M-b / M-f, C-Left / C-Right | a word back / forward                 |
//! | C-a / Home, C-e / End       | start / end of the line               |
//! | Bksp / C-h, Del / C-d       | delete the character before / at      |
//! | C-w / M-Bksp, M-d           | delete the word before / after        |
//! | C-u, C-k                    | delete to the start / to the end      |
//! | C-y                         | put back what C-u, C-k or C-w deleted |
//!
//! ratatui-textarea holds the text and does the editing; its own key table is not used as
//! it is, because there Ctrl-U is undo (so "clear the line" seemed to do nothing) and Ctrl-J
//! deletes the line.

use crate::text::{sanitize, width};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui_textarea::{CursorMove, TextArea};

/// What a key did to an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed (a filter filters again, a search searches again).
    Changed,
    /// Only the cursor moved (or the key was an edit with nothing to do, like Bksp at the
    /// start): the key was the input's, nothing else should act on it.
    Moved,
    /// Not an editing key: the caller may use it.
    Ignored,
}

/// Applies one editing key to `area` (see the module table). Enter, Tab and keys with no
/// editing meaning are [`Edit::Ignored`]; a multi-line form field gives those to the text
/// area itself (a new line, Up and Down).
pub fn edit(area: &mut TextArea<'_>, key: &KeyEvent) -> Edit {
    if key.kind == KeyEventKind::Release {
        return Edit::Ignored;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let changed = |c: bool| if c { Edit::Changed } else { Edit::Moved };
    let moved = |area: &mut TextArea<'_>, m: CursorMove| {
        area.move_cursor(m);
        Edit::Moved
    };
    match (key.code, ctrl, alt) {
        (KeyCode::Char('u'), true, false) => changed(area.delete_line_by_head()),
        (KeyCode::Char('k'), true, false) => changed(area.delete_line_by_end()),
        (KeyCode::Char('y'), true, false) => changed(area.paste()),
        (KeyCode::Char('w'), true, false) | (KeyCode::Backspace, false, true) => {
            changed(area.delete_word())
        }
        (KeyCode::Char('d'), false, true) => changed(area.delete_next_word()),
        (KeyCode::Backspace, false, false) | (KeyCode::Char('h'), true, false) => {
            changed(area.delete_char())
        }
        (KeyCode::Delete, false, false) | (KeyCode::Char('d'), true, false) => {
            changed(area.delete_next_char())
        }
        (KeyCode::Char('a'), true, false) | (KeyCode::Home, _, _) => moved(area, CursorMove::Head),
        (KeyCode::Char('e'), true, false) | (KeyCode::End, _, _) => moved(area, CursorMove::End),
        (KeyCode::Left, false, false) | (KeyCode::Char('b'), true, false) => {
            moved(area, CursorMove::Back)
        }
        (KeyCode::Right, false, false) | (KeyCode::Char('f'), true, false) => {
            moved(area, CursorMove::Forward)
        }
        (KeyCode::Char('b'), false, true) | (KeyCode::Left, true, false) => {
            moved(area, CursorMove::WordBack)
        }
        (KeyCode::Char('f'), false, true) | (KeyCode::Right, true, false) => {
            moved(area, CursorMove::WordForward)
        }
        (KeyCode::Char(c), false, false) if !c.is_control() => {
            area.insert_char(c);
            Edit::Changed
        }
        _ => Edit::Ignored,
    }
}

/// A one-line text input. (The text area is boxed: it is large, and a picker or a pane holds
/// an input beside much smaller things.)
#[derive(Debug, Clone)]
pub struct LineInput {
    area: Box<TextArea<'static>>,
}

impl Default for LineInput {
    fn default() -> Self {
        LineInput::new("")
    }
}

impl LineInput {
    /// An input holding `text` on one line, the cursor at its end.
    pub fn new(text: &str) -> Self {
        let mut area = Box::new(TextArea::new(vec![one_line(text)]));
        area.move_cursor(CursorMove::End);
        LineInput { area }
    }

    /// Replaces the text with `text` exactly, control characters included (a path Tab
    /// completed, whose name may hold any of them): [`LineInput::spans`] shows them
    /// sanitized, and [`LineInput::text`] gives them back as they were.
    pub fn set_text_verbatim(&mut self, text: &str) {
        let mut area = Box::new(TextArea::new(vec![text.to_string()]));
        area.move_cursor(CursorMove::End);
        self.area = area;
    }

    pub fn text(&self) -> &str {
        self.area.lines().first().map_or("", String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.area.cursor().1
    }

    /// Replaces the text; the cursor goes to its end.
    pub fn set_text(&mut self, text: &str) {
        *self = LineInput::new(text);
    }

    /// Empties the input; true if there was text.
    pub fn clear(&mut self) -> bool {
        let was = !self.is_empty();
        self.set_text("");
        was
    }

    /// Applies one key (see the module table).
    pub fn input(&mut self, key: &KeyEvent) -> Edit {
        edit(&mut self.area, key)
    }

    /// Inserts pasted text at the cursor, line breaks and other control characters as spaces.
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(one_line(text));
    }

    /// The text as spans, sanitized, with the cell under the cursor in `cursor_style` when
    /// `show_cursor` (a space past the end). At most `max` columns: a long line shows the
    /// part around the cursor, as a shell line scrolls.
    pub fn spans(
        &self,
        style: Style,
        cursor_style: Style,
        show_cursor: bool,
        max: usize,
    ) -> Vec<Span<'static>> {
        let chars: Vec<char> = self.text().chars().collect();
        let at = self.cursor().min(chars.len());
        let cell = |c: char| sanitize(&c.to_string()).into_owned();
        let before: Vec<String> = chars[..at].iter().map(|&c| cell(c)).collect();
        let under = chars.get(at).map_or_else(|| " ".to_string(), |&c| cell(c));
        let after: Vec<String> = chars
            .get(at + 1..)
            .unwrap_or(&[])
            .iter()
            .map(|&c| cell(c))
            .collect();
        let room = max.max(1);
        // Keep the cursor in view: drop characters from the front while the part up to and
        // including the cursor does not fit.
        let mut skip = 0;
        let cursor_w = if show_cursor { width(&under).max(1) } else { 0 };
        while skip < before.len()
            && before[skip..].iter().map(|s| width(s)).sum::<usize>() + cursor_w > room
        {
            skip += 1;
        }
        let head: String = before[skip..].concat();
        let mut used = width(&head) + cursor_w;
        let mut spans = vec![Span::styled(head, style)];
        if show_cursor {
            spans.push(Span::styled(under, cursor_style));
        }
        let tail_chars = if show_cursor {
            after
        } else {
            chars[at..].iter().map(|&c| cell(c)).collect()
        };
        let mut tail = String::new();
        for s in tail_chars {
            let w = width(&s);
            if used + w > room {
                break;
            }
            used += w;
            tail.push_str(&s);
        }
        spans.push(Span::styled(tail, style));
        spans
    }
}

/// `text` on one line: line breaks and other control characters become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }
    fn ch(c: char) -> KeyEvent {
        key(KeyCode::Char(c), KeyModifiers::NONE)
    }
    fn ctrl(c: char) -> KeyEvent {
        key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }
    fn alt(c: char) -> KeyEvent {
        key(KeyCode::Char(c), KeyModifiers::ALT)
    }
    fn typed(text: &str) -> LineInput {
        let mut i = LineInput::default();
        for c in text.chars() {
            assert_eq!(i.input(&ch(c)), Edit::Changed);
        }
        i
    }

    #[test]
    fn ctrl_u_deletes_to_the_start_and_ctrl_k_to_the_end() {
        let mut i = typed("review notes");
        for _ in 0..5 {
            i.input(&key(KeyCode::Left, KeyModifiers::NONE));
        }
        assert_eq!(i.input(&ctrl('u')), Edit::Changed);
        assert_eq!(i.text(), "notes");
        assert_eq!(i.cursor(), 0);
        i.input(&ctrl('e'));
        i.input(&key(KeyCode::Left, KeyModifiers::NONE));
        assert_eq!(i.input(&ctrl('k')), Edit::Changed);
        assert_eq!(i.text(), "note");
        assert_eq!(i.input(&ctrl('u')), Edit::Changed);
        assert_eq!(i.text(), "");
        assert_eq!(
            i.input(&ctrl('u')),
            Edit::Moved,
            "nothing left: still the input's key"
        );
    }

    #[test]
    fn words_lines_and_characters() {
        let mut i = typed("one two three");
        assert_eq!(i.input(&ctrl('w')), Edit::Changed);
        assert_eq!(i.text(), "one two ");
        i.input(&alt('b'));
        assert_eq!(i.cursor(), 4);
        i.input(&ctrl('a'));
        assert_eq!(i.cursor(), 0);
        i.input(&alt('f'));
        assert_eq!(i.cursor(), 4, "to the start of the next word");
        i.input(&key(KeyCode::Home, KeyModifiers::NONE));
        assert_eq!(
            i.input(&key(KeyCode::Delete, KeyModifiers::NONE)),
            Edit::Changed
        );
        assert_eq!(i.text(), "ne two ");
        i.input(&key(KeyCode::End, KeyModifiers::NONE));
        assert_eq!(i.cursor(), 7);
        i.input(&key(KeyCode::Backspace, KeyModifiers::NONE));
        i.input(&key(KeyCode::Left, KeyModifiers::NONE));
        i.input(&key(KeyCode::Right, KeyModifiers::NONE));
        i.input(&ch('!'));
        assert_eq!(i.text(), "ne two!");
    }

    #[test]
    fn enter_tab_and_unknown_keys_are_not_the_inputs() {
        let mut i = typed("x");
        for k in [
            key(KeyCode::Enter, KeyModifiers::NONE),
            key(KeyCode::Tab, KeyModifiers::NONE),
            key(KeyCode::Esc, KeyModifiers::NONE),
            key(KeyCode::Down, KeyModifiers::NONE),
            ctrl('s'),
            ctrl('j'),
        ] {
            assert_eq!(i.input(&k), Edit::Ignored, "{k:?}");
        }
        assert_eq!(i.text(), "x");
    }

    #[test]
    fn paste_and_set_text_stay_on_one_line_without_control_characters() {
        let mut i = LineInput::new("a\nb");
        assert_eq!(i.text(), "a b");
        i.paste("c\x1b[2Jd\r\n");
        assert_eq!(i.text(), "a bc [2Jd  ");
        assert!(i.clear());
        assert!(!i.clear());
    }

    #[test]
    fn spans_keep_the_cursor_in_view() {
        let i = typed("abcdefghij");
        let text = |spans: &[Span]| {
            spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        let s = i.spans(Style::default(), Style::default(), true, 5);
        assert_eq!(text(&s), "ghij ");
        let mut j = i.clone();
        j.input(&ctrl('a'));
        let s = j.spans(Style::default(), Style::default(), true, 5);
        assert_eq!(text(&s), "abcde");
        assert_eq!(s[1].content, "a", "the cell under the cursor");
    }
}
