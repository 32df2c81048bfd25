//! The mouse: the wheel scrolls, a click selects a list row, switches to a tab, or moves to a
//! form field. Capture is on unless the config file says `mouse = false` (then the terminal
//! selects text as usual); `tui::restore_terminal` always turns it off again.
//!
//! A click becomes the keys that do the same (Down/Up to the row, Tab/S-Tab to the field,
//! the pane's digit), so it goes through the key table like a key and no pane needs code of
//! its own for it. What was where comes from the last frame: the app clears the [`ClickMap`]
//! before drawing, and the list and the form drawn record themselves in it.

use super::pane_id::PaneId;
use ratatui::layout::{Position, Rect};
use std::cell::RefCell;

/// Where the last frame drew what a click can hit.
#[derive(Debug, Clone, Default)]
pub struct ClickMap {
    /// The tab labels: columns `from..to` of the top row switch to the pane.
    pub tabs: Vec<(u16, u16, PaneId)>,
    /// The main list of the pane: its rows' area, the index of its first drawn row, the
    /// selected row's index (rows are one line each).
    pub list: Option<(Rect, usize, usize)>,
    /// The open form: each field's area, in field order, and the field with the cursor.
    pub form: Option<(Vec<Rect>, usize)>,
}

thread_local! {
    static MAP: RefCell<ClickMap> = RefCell::new(ClickMap::default());
}

/// Starts a frame: nothing is where it was.
pub fn begin_frame() {
    MAP.with(|m| *m.borrow_mut() = ClickMap::default());
}

/// The tab bar drawn this frame.
pub fn tabs(tabs: Vec<(u16, u16, PaneId)>) {
    MAP.with(|m| m.borrow_mut().tabs = tabs);
}

/// A list drawn this frame: rows from `first` on, one per line from the top of `rect`, with
/// `selected` selected.
pub fn list(rect: Rect, first: usize, selected: usize) {
    MAP.with(|m| m.borrow_mut().list = Some((rect, first, selected)));
}

/// A form drawn this frame (over any list).
pub fn form(fields: Vec<Rect>, focus: usize) {
    MAP.with(|m| m.borrow_mut().form = Some((fields, focus)));
}

/// What a click at (`col`, `row`) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Click {
    Tab(PaneId),
    /// Move the list cursor by this many rows (down if positive).
    Rows(isize),
    /// Move the form's cursor this many fields on (Tab this many times).
    Fields(usize),
    Nothing,
}

/// Reads a click against the last frame. A form takes clicks first (it is on top); the list
/// and the tabs only without one.
pub fn click(col: u16, row: u16) -> Click {
    let at = Position::new(col, row);
    MAP.with(|m| {
        let m = m.borrow();
        if let Some((fields, focus)) = &m.form {
            let n = fields.len();
            return match fields.iter().position(|r| r.contains(at)) {
                Some(i) if n > 0 => Click::Fields((i + n - focus % n) % n),
                _ => Click::Nothing,
            };
        }
        if let Some(&(_, _, pane)) = m
            .tabs
            .iter()
            .find(|(from, to, _)| row == 0 && (*from..*to).contains(&col))
        {
            return Click::Tab(pane);
        }
        if let Some((rect, first, selected)) = m.list
            && rect.contains(at)
        {
            let target = first + usize::from(row - rect.y);
            let delta = isize::try_from(target).unwrap_or(isize::MAX)
                - isize::try_from(selected).unwrap_or(isize::MAX);
            return Click::Rows(delta);
        }
        Click::Nothing
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_is_read_against_the_last_frame() {
        begin_frame();
        tabs(vec![(1, 8, PaneId::Today), (9, 16, PaneId::Focus)]);
        list(Rect::new(0, 3, 40, 10), 5, 7);
        assert_eq!(click(10, 0), Click::Tab(PaneId::Focus));
        assert_eq!(click(0, 0), Click::Nothing);
        assert_eq!(
            click(2, 3),
            Click::Rows(-2),
            "row 5, two above the selected 7"
        );
        assert_eq!(click(2, 6), Click::Rows(1));
        assert_eq!(click(2, 13), Click::Nothing, "below the list");
        form(vec![Rect::new(10, 5, 30, 1), Rect::new(10, 6, 30, 3)], 1);
        assert_eq!(
            click(12, 5),
            Click::Fields(1),
            "from the second field on to the first"
        );
        assert_eq!(click(12, 7), Click::Fields(0));
        assert_eq!(click(10, 0), Click::Nothing, "a form hides the tabs");
        begin_frame();
        assert_eq!(click(2, 3), Click::Nothing);
    }
}
