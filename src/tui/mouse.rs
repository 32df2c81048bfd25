//! The mouse: the wheel scrolls, a click selects a list row, switches to a tab, or moves to a
//! form field. Capture is on unless the config file says `mouse = false` (then the terminal
//! selects text as usual); `tui::restore_terminal` always turns it off again.
//!
//! A click becomes the keys that do the same (Down/Up to the row, Tab/S-Tab to the field,
//! the pane's digit), so it goes through the key table like a key and no pane needs code of
//! its own for it. A second click on the selected row soon after the first (a double click)
//! is Enter: it opens the row, as Enter does in that list. What was where comes from the last
//! frame: the app clears the [`ClickMap`] before drawing, and the list and the form drawn
//! record themselves in it.

use super::pane_id::PaneId;
use ratatui::layout::{Position, Rect};
use std::cell::RefCell;
use std::time::{Duration, Instant};

/// Two clicks on one row at most this far apart are a double click.
pub const DOUBLE_CLICK: Duration = Duration::from_millis(500);

/// Rows drawn one at a time, where they are not one block of lines from a first row:
/// sections (Today), rows of two lines (search results). Each hit is a row's area and its
/// index in the list's order.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    pub rows: Vec<(Rect, usize)>,
    pub selected: usize,
}

impl Hits {
    fn at(&self, at: Position) -> Option<usize> {
        self.rows
            .iter()
            .find(|(r, _)| r.contains(at))
            .map(|&(_, i)| i)
    }
}

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
    /// The pane's rows drawn one at a time (instead of `list`).
    pub rows: Hits,
    /// The rows of a popup over the pane (search, people): on top, they alone take clicks.
    pub popup: Option<Hits>,
}

thread_local! {
    static MAP: RefCell<ClickMap> = RefCell::new(ClickMap::default());
    /// The last click on a row: where and when (for a double click).
    static LAST: RefCell<Option<(Position, Instant)>> = const { RefCell::new(None) };
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

/// One row of the pane drawn this frame at `rect`: the `index`th of its list, with the
/// `selected`th selected.
pub fn row(rect: Rect, index: usize, selected: usize) {
    MAP.with(|m| {
        let mut m = m.borrow_mut();
        m.rows.rows.push((rect, index));
        m.rows.selected = selected;
    });
}

/// The rows of a popup drawn this frame over the pane (each hit a row's area and index).
pub fn popup(rows: Vec<(Rect, usize)>, selected: usize) {
    MAP.with(|m| m.borrow_mut().popup = Some(Hits { rows, selected }));
}

/// A form drawn this frame (over any list).
pub fn form(fields: Vec<Rect>, focus: usize) {
    MAP.with(|m| m.borrow_mut().form = Some((fields, focus)));
}

/// What a click at (`col`, `row`) means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Click {
    Tab(PaneId),
    /// Move the list cursor by this many rows (down if positive); `popup`: in a popup's list.
    Rows {
        delta: isize,
        popup: bool,
    },
    /// A double click on the selected row: open it (Enter).
    Open {
        popup: bool,
    },
    /// Move the form's cursor this many fields on (Tab this many times).
    Fields(usize),
    Nothing,
}

/// Reads a click against the last frame. A form takes clicks first (it is on top); the list
/// and the tabs only without one.
pub fn click(col: u16, row: u16) -> Click {
    click_at(col, row, Instant::now())
}

/// A click on the row `target` of a list with `selected` selected: a move, or on the
/// selected row a second time soon after, an open.
fn on_row(at: Position, now: Instant, target: usize, selected: usize, popup: bool) -> Click {
    let again = LAST.with(|l| {
        l.replace(Some((at, now)))
            .is_some_and(|(p, t)| p.y == at.y && now.saturating_duration_since(t) <= DOUBLE_CLICK)
    });
    if target == selected && again {
        // A third click starts over: it is not another double click.
        LAST.with(|l| l.replace(None));
        return Click::Open { popup };
    }
    let delta = isize::try_from(target).unwrap_or(isize::MAX)
        - isize::try_from(selected).unwrap_or(isize::MAX);
    Click::Rows { delta, popup }
}

/// As [`click`], at the time `now`.
pub fn click_at(col: u16, row: u16, now: Instant) -> Click {
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
        if let Some(hits) = &m.popup {
            return match hits.at(at) {
                Some(i) => on_row(at, now, i, hits.selected, true),
                None => Click::Nothing,
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
            return on_row(at, now, target, selected, false);
        }
        if let Some(i) = m.rows.at(at) {
            return on_row(at, now, i, m.rows.selected, false);
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
        let rows = |delta| Click::Rows {
            delta,
            popup: false,
        };
        assert_eq!(click(2, 3), rows(-2), "row 5, two above the selected 7");
        assert_eq!(click(2, 6), rows(1));
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

    #[test]
    fn a_second_click_on_the_selected_row_soon_after_opens_it() {
        let t0 = Instant::now();
        begin_frame();
        list(Rect::new(0, 3, 40, 10), 0, 0);
        // A first click on the selected row only selects it (it already is).
        assert_eq!(
            click_at(2, 5, t0),
            Click::Rows {
                delta: 2,
                popup: false
            }
        );
        begin_frame();
        list(Rect::new(0, 3, 40, 10), 0, 2);
        assert_eq!(
            click_at(3, 5, t0 + Duration::from_millis(200)),
            Click::Open { popup: false }
        );
        // Too slow: a click, not a double click.
        let late = t0 + Duration::from_secs(5);
        assert_eq!(
            click_at(3, 5, late),
            Click::Rows {
                delta: 0,
                popup: false
            }
        );
        assert_eq!(
            click_at(3, 5, late + DOUBLE_CLICK + Duration::from_millis(1)),
            Click::Rows {
                delta: 0,
                popup: false
            }
        );
    }

    #[test]
    fn rows_drawn_one_at_a_time_and_a_popup_over_them_take_clicks() {
        let t0 = Instant::now();
        begin_frame();
        tabs(vec![(1, 8, PaneId::Today)]);
        // Today: a section header at row 4, its rows 0 and 1 at rows 5 and 6; another
        // section's row 2 at row 9.
        row(Rect::new(1, 5, 30, 1), 0, 1);
        row(Rect::new(1, 6, 30, 1), 1, 1);
        row(Rect::new(1, 9, 30, 1), 2, 1);
        assert_eq!(click_at(4, 4, t0), Click::Nothing, "a header");
        assert_eq!(
            click_at(4, 9, t0),
            Click::Rows {
                delta: 1,
                popup: false
            }
        );
        // A popup (search results, two lines each) hides the pane and the tabs.
        popup(
            vec![(Rect::new(5, 3, 50, 2), 0), (Rect::new(5, 5, 50, 2), 1)],
            0,
        );
        assert_eq!(
            click_at(6, 6, t0),
            Click::Rows {
                delta: 1,
                popup: true
            }
        );
        assert_eq!(click_at(2, 0, t0), Click::Nothing, "the tabs are behind it");
        assert_eq!(click_at(4, 9, t0), Click::Nothing, "so is the pane");
    }
}
