//! A list cursor that keeps the selection visible, and a one-line filter prompt. Panes build
//! rows only for [`Cursor::window`], so a long list costs nothing to draw.

use crate::tui::keymap::{FilterAction, Nav};
use std::ops::Range;

/// Rows marked to be changed together (`v` starts marking, Space marks a row). Kept by id,
/// so a reload or a filter does not move the marks to other rows.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Whether the pane is marking rows.
    pub on: bool,
    ids: std::collections::BTreeSet<crate::model::Id>,
}

impl Marks {
    /// Starts or stops marking; stopping drops the marks. Returns whether marking is on.
    pub fn toggle_marking(&mut self) -> bool {
        self.on = !self.on;
        self.ids.clear();
        self.on
    }

    /// Marks the row, or unmarks it if it was marked.
    pub fn toggle(&mut self, id: crate::model::Id) {
        if !self.ids.remove(&id) {
            self.ids.insert(id);
        }
    }

    /// Marks every row given (or, if all are marked, none).
    pub fn toggle_all(&mut self, ids: impl IntoIterator<Item = crate::model::Id>) {
        let ids: Vec<_> = ids.into_iter().collect();
        if ids.iter().all(|id| self.ids.contains(id)) {
            self.ids.clear();
        } else {
            self.ids.extend(ids);
        }
    }

    pub fn contains(&self, id: crate::model::Id) -> bool {
        self.on && self.ids.contains(&id)
    }

    /// The marked rows, in id order.
    pub fn ids(&self) -> Vec<crate::model::Id> {
        self.ids.iter().copied().collect()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Drops marks of rows that are gone.
    pub fn retain(&mut self, exists: impl Fn(crate::model::Id) -> bool) {
        self.ids.retain(|&id| exists(id));
    }

    /// Done with these rows: stop marking.
    pub fn finish(&mut self) {
        self.on = false;
        self.ids.clear();
    }
}

#[derive(Debug, Clone, Default)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
    /// Rows visible at the last draw (for PgUp/PgDn).
    pub height: usize,
}

impl Cursor {
    /// Moves the selection.
    pub fn apply(&mut self, nav: Nav, len: usize) {
        let page = self.height.max(1);
        let last = len.saturating_sub(1);
        self.selected = match nav {
            Nav::Down => (self.selected + 1).min(last),
            Nav::Up => self.selected.saturating_sub(1),
            Nav::Top => 0,
            Nav::Bottom => last,
            Nav::PageDown => self.selected.saturating_add(page).min(last),
            Nav::PageUp => self.selected.saturating_sub(page),
        };
    }

    /// Puts the selection on the row for which `is` holds, if one of the `visible` rows (indexes
    /// into the pane's rows) is it; then keeps the selection inside the list. For the panes whose
    /// rows are held whole (a day's tasks, the skills, the goal tree, people and tags): a list
    /// that grows with history is a [`crate::tui::paged::PagedList`], which keeps its own.
    pub fn select_where(&mut self, visible: &[usize], is: impl Fn(usize) -> bool) {
        if let Some(pos) = visible.iter().position(|&i| is(i)) {
            self.selected = pos;
        }
        self.clamp(visible.len());
    }

    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// The rows to draw in `height` lines, scrolling just enough to show the selection.
    pub fn window(&mut self, len: usize, height: usize) -> Range<usize> {
        self.height = height;
        self.clamp(len);
        if height == 0 || len == 0 {
            self.offset = 0;
            return 0..0;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
        self.offset..(self.offset + height).min(len)
    }
}

/// The `/` filter: the text and whether the prompt has the keyboard.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub text: String,
    pub typing: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.text.is_empty()
    }

    /// Case-insensitive match of any of `haystacks` against the filter.
    pub fn matches<'a>(&self, haystacks: impl IntoIterator<Item = &'a str>) -> bool {
        if self.text.is_empty() {
            return true;
        }
        let needle = self.text.to_lowercase();
        haystacks
            .into_iter()
            .any(|h| h.to_lowercase().contains(&needle))
    }

    /// A key of the FilterInput context (every pane's filter prompt); true if the text
    /// changed, so the pane filters again.
    /// Esc on a list: drops the filter. False if there was none (the key is then not the
    /// list's: the app may use it).
    pub fn clear(&mut self) -> bool {
        let was = self.is_active();
        *self = Filter::default();
        was
    }

    pub fn act(&mut self, action: FilterAction) -> bool {
        match action {
            FilterAction::Done => {
                self.typing = false;
                false
            }
            FilterAction::Cancel => {
                *self = Filter::default();
                true
            }
        }
    }

    /// Applies a typed key to the prompt; true if it changed the text.
    pub fn type_key(&mut self, key: &ratatui::crossterm::event::KeyEvent) -> bool {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        match key.code {
            KeyCode::Backspace => self.text.pop().is_some(),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                    && !c.is_control() =>
            {
                self.text.push(c);
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_follows_the_selection() {
        let mut c = Cursor::default();
        assert_eq!(c.window(100, 10), 0..10);
        c.apply(Nav::PageDown, 100);
        assert_eq!(c.selected, 10);
        assert_eq!(c.window(100, 10), 1..11);
        c.apply(Nav::Bottom, 100);
        assert_eq!(c.window(100, 10), 90..100);
        c.apply(Nav::Top, 100);
        assert_eq!(c.window(100, 10), 0..10);
        assert_eq!(c.window(0, 10), 0..0);
        assert_eq!(c.window(5, 0), 0..0);
        c.selected = 50;
        assert_eq!(c.window(3, 10), 0..3);
        assert_eq!(c.selected, 2);
    }

    #[test]
    fn filter_is_case_insensitive() {
        let f = Filter {
            text: "RuS".into(),
            typing: false,
        };
        assert!(f.matches(["learn rust"]));
        assert!(!f.matches(["go", "sql"]));
    }

    #[test]
    fn select_where_finds_the_row_among_the_visible_or_keeps_a_place_in_the_list() {
        // Rows 0..6, of which 1, 3 and 5 pass a filter.
        let visible = [1, 3, 5];
        let mut c = Cursor::default();
        c.select_where(&visible, |i| i == 5);
        assert_eq!(c.selected, 2);
        // Filtered out: the selection stays where it was, inside the list.
        c.select_where(&visible, |i| i == 4);
        assert_eq!(c.selected, 2);
        c.select_where(&visible[..1], |_| false);
        assert_eq!(c.selected, 0);
    }

    #[test]
    fn clear_says_whether_there_was_a_filter() {
        let mut f = Filter {
            text: "rust".into(),
            typing: false,
        };
        assert!(f.clear());
        assert!(!f.is_active());
        assert!(!f.clear(), "nothing left to clear: Esc is not the list's");
    }
}
