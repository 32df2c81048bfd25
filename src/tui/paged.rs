//! A list too long to hold: [`PagedList`] keeps a window of rows around the cursor and the
//! total count, and asks a [`PageSource`] for the next window when the cursor nears an edge,
//! so what a pane holds and what a move costs do not grow with the history behind it.
//!
//! The source answers by keyset (a row's time and id, see [`PageKey`]): "the rows after this
//! key", "the rows before it", "how many come before it". A key need not belong to a live row,
//! which is how the selection survives a reload: the list reads again around the selected
//! row's key, so the row is found again if it is still there, and its successor takes its
//! place if it is not (deleted, or filtered out), as a cursor over a Vec would do.

use crate::db::Result;
use crate::model::{Id, PageCount, PageDir, PageKey};
use crate::tui::keymap::Nav;
use std::ops::Range;

/// Rows read on each side of the cursor, at least (a page is the last drawn height).
const MIN_SIDE: usize = 50;

/// A count that reads the rows themselves (a text filter) stops after this many: past it the
/// list says "1000+" until the user goes far enough down for the exact number to matter, as
/// a search tool does. Counting every match of a one-letter filter on each key would cost
/// a read of the whole history.
pub const COUNT_CAP: usize = 1000;

/// A list a pane shows, in its order, answered from the repository (a source is made for the
/// call, borrowing the repository and the pane's filter).
pub trait PageSource {
    type Row;
    fn key(row: &Self::Row) -> PageKey;
    fn id(row: &Self::Row) -> Id;
    /// Rows in the whole list, and how many of them come before `key` (0 without one): one
    /// pass. A count that reads every row (a text filter) may stop after `cap + 1` rows in
    /// list order and say so (`exact: false`); one answered from an index need not.
    fn count(&self, key: Option<PageKey>, cap: usize) -> Result<PageCount>;
    /// Rows before `key` in the list (whether or not a row has that key).
    fn rank(&self, key: PageKey) -> Result<usize>;
    /// Up to `n` rows from `from` in direction `dir`, in list order.
    fn page(&self, from: Option<PageKey>, dir: PageDir, n: usize) -> Result<Vec<Self::Row>>;
    /// The key of the live row `id`, if there is one.
    fn key_of(&self, id: Id) -> Result<Option<PageKey>>;
}

#[derive(Debug, Clone)]
pub struct PagedList<R> {
    /// The window: rows `start..start + rows.len()` of the list.
    rows: Vec<R>,
    start: usize,
    total: usize,
    /// False while `total` is only a lower bound (a capped count, see [`COUNT_CAP`]).
    exact: bool,
    /// The cursor and the first row drawn, as positions in the whole list.
    selected: usize,
    offset: usize,
    /// Rows drawn at the last render (a page for PgUp/PgDn).
    height: usize,
    /// Rows read from the source by the last reload or move (tests prove the bound).
    loaded: usize,
    /// Reads of the whole list so far (tests prove a pane switch reads nothing).
    reloads: u64,
}

impl<R> Default for PagedList<R> {
    fn default() -> Self {
        PagedList {
            rows: Vec::new(),
            start: 0,
            total: 0,
            exact: true,
            selected: 0,
            offset: 0,
            height: 0,
            loaded: 0,
            reloads: 0,
        }
    }
}

impl<R> PagedList<R> {
    /// Rows in the whole list.
    pub fn total(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// False while [`Self::total`] is only a lower bound.
    pub fn is_exact(&self) -> bool {
        self.exact
    }

    /// The number of rows as the user reads it: "1000+" while only that many were counted.
    pub fn total_text(&self) -> String {
        if self.exact {
            self.total.to_string()
        } else {
            format!("{COUNT_CAP}+")
        }
    }

    /// The cursor's position in the whole list.
    pub fn selected_index(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<&R> {
        self.get(self.selected)
    }

    /// Row `index` of the whole list, if it is in the window.
    pub fn get(&self, index: usize) -> Option<&R> {
        self.rows.get(index.checked_sub(self.start)?)
    }

    /// The rows held (the window), in order.
    pub fn rows(&self) -> &[R] {
        &self.rows
    }

    /// How many rows are held now.
    pub fn held(&self) -> usize {
        self.rows.len()
    }

    /// How many rows the last reload or move read.
    pub fn loaded(&self) -> usize {
        self.loaded
    }

    /// How many times the whole list was read again (counted, and a window found).
    pub fn reloads(&self) -> u64 {
        self.reloads
    }

    /// The most rows the list holds or reads at once, for the last drawn height.
    pub fn capacity(&self) -> usize {
        2 * self.side() + 1
    }

    fn side(&self) -> usize {
        (2 * self.height).max(MIN_SIDE)
    }

    /// The positions to draw in `height` lines, scrolling just enough to show the cursor and
    /// never past the window (rows outside it are not held).
    pub fn window(&mut self, height: usize) -> Range<usize> {
        self.height = height;
        if height == 0 || self.rows.is_empty() {
            self.offset = self.selected;
            return self.selected..self.selected;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        let end = self.start + self.rows.len();
        self.offset = self
            .offset
            .min(self.total.saturating_sub(height))
            .min(end.saturating_sub(height))
            .max(self.start);
        self.offset..(self.offset + height).min(end)
    }

    /// Reads the list again: the count, and a window around the row `select` (if it is
    /// there), else around where the selected row was.
    pub fn reload<S: PageSource<Row = R>>(&mut self, source: &S, select: Option<Id>) -> Result<()> {
        self.reloads += 1;
        let mut anchor = None;
        if let Some(id) = select {
            anchor = source.key_of(id)?;
        }
        let anchor = anchor.or_else(|| self.selected().map(S::key));
        let counted = source.count(anchor, COUNT_CAP)?;
        let (total, rank) = (counted.total, counted.before);
        self.total = total;
        self.exact = counted.exact;
        if total == 0 {
            // Nothing to read: another pass would only look through every row again.
            self.rows.clear();
            (self.start, self.selected, self.offset, self.loaded) = (0, 0, 0, 0);
            return Ok(());
        }
        // A capped count knows the key's rank only if the key lies within the rows counted.
        let rank_known = counted.exact || rank < total;
        match anchor {
            // A short list (a narrow filter) is read whole, in one pass rather than two
            // that each look for rows on their side of the key.
            Some(_) if counted.exact && total <= self.capacity() => {
                self.read_top(source)?;
                self.selected = rank.min(self.total.saturating_sub(1));
                Ok(())
            }
            Some(key) if rank_known => self.read_around(source, key, Some(rank)),
            // The selected row lies further than a capped count reaches: finding its place
            // would read every match before it, so the list starts again from the top.
            _ => self.read_top(source),
        }
    }

    /// Moves the cursor to the first row at or after `key`; false (and no move) if no row is.
    pub fn seek<S: PageSource<Row = R>>(&mut self, source: &S, key: PageKey) -> Result<bool> {
        let rank = source.rank(key)?;
        if rank >= self.total {
            return Ok(false);
        }
        self.read_around(source, key, Some(rank))?;
        Ok(true)
    }

    /// Moves the selection, reading a new window if the cursor nears an edge of the one held.
    pub fn apply<S: PageSource<Row = R>>(&mut self, nav: Nav, source: &S) -> Result<()> {
        let page = self.height.max(1);
        // Near the end of what a capped count saw, the real end matters: count it all now.
        if !self.exact && (nav == Nav::Bottom || self.selected + 3 * page + 1 >= self.total) {
            let counted = source.count(None, usize::MAX)?;
            self.total = counted.total.max(self.start + self.rows.len());
            self.exact = true;
        }
        let last = self.total.saturating_sub(1);
        let target = match nav {
            Nav::Down => (self.selected + 1).min(last),
            Nav::Up => self.selected.saturating_sub(1),
            Nav::Top => 0,
            Nav::Bottom => last,
            Nav::PageDown => self.selected.saturating_add(page).min(last),
            Nav::PageUp => self.selected.saturating_sub(page),
        };
        self.loaded = 0;
        if self.total == 0 {
            return Ok(());
        }
        let end = self.start + self.rows.len();
        if target == 0 && self.start > 0 {
            self.read_top(source)?;
        } else if target == last && end < self.total {
            self.read_bottom(source)?;
        } else {
            // Moves are at most a page and the window reaches further, so the target is held.
            let lo = target.saturating_sub(page);
            let hi = (target + page + 1).min(self.total);
            if (lo < self.start || hi > end)
                && let Some(key) = self.get(target).map(S::key)
            {
                self.read_around(source, key, Some(target))?;
            }
        }
        self.selected = target.min(last);
        Ok(())
    }

    fn read_top<S: PageSource<Row = R>>(&mut self, source: &S) -> Result<()> {
        let asked = self.capacity();
        self.rows = source.page(None, PageDir::Down { inclusive: true }, asked)?;
        self.loaded = self.rows.len();
        self.start = 0;
        self.selected = 0;
        self.offset = 0;
        if self.rows.len() < asked {
            // The whole list is held: its length is the count.
            self.total = self.rows.len();
            self.exact = true;
        }
        self.fix_total();
        Ok(())
    }

    fn read_bottom<S: PageSource<Row = R>>(&mut self, source: &S) -> Result<()> {
        self.rows = source.page(None, PageDir::Up, self.capacity())?;
        self.loaded = self.rows.len();
        self.start = self.total.saturating_sub(self.rows.len());
        self.selected = self.total.saturating_sub(1);
        self.fix_total();
        Ok(())
    }

    /// Reads `side` rows before `key` and `side + 1` from it on, and puts the cursor on the
    /// first row at or after it (the last row if none is). `rank` is the key's rank if known.
    fn read_around<S: PageSource<Row = R>>(
        &mut self,
        source: &S,
        key: PageKey,
        rank: Option<usize>,
    ) -> Result<()> {
        let side = self.side();
        let mut before = source.page(Some(key), PageDir::Up, side)?;
        let after = source.page(Some(key), PageDir::Down { inclusive: true }, side + 1)?;
        // Fewer rows before than asked means the window starts at the top: no count needed.
        let rank = match rank {
            _ if before.len() < side => before.len(),
            Some(r) => r,
            None => source.rank(key)?,
        };
        self.loaded = before.len() + after.len();
        self.start = rank.saturating_sub(before.len());
        let at_end = after.is_empty();
        let reaches_end = after.len() < side + 1;
        before.extend(after);
        self.rows = before;
        if reaches_end && !self.exact {
            // The window holds the last row: the count is where it ends.
            self.total = self.start + self.rows.len();
            self.exact = true;
        }
        self.fix_total();
        let end = self.start + self.rows.len();
        self.selected = if at_end {
            end.saturating_sub(1)
        } else {
            rank.min(end.saturating_sub(1))
        };
        Ok(())
    }

    /// Another session may have written between the count and the pages: the window is the
    /// truth for what it shows.
    fn fix_total(&mut self) {
        if self.rows.is_empty() {
            self.total = 0;
            self.start = 0;
        }
        self.total = self.total.max(self.start + self.rows.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// A list of `n` rows with keys one minute apart, newest first, counting what it reads.
    struct Rows(Vec<PageKey>);

    fn rows(n: usize) -> Rows {
        let t0 = NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default();
        Rows(
            (0..n)
                .rev()
                .map(|i| (t0 + chrono::Duration::minutes(i as i64), i as Id))
                .collect(),
        )
    }

    impl PageSource for Rows {
        type Row = PageKey;
        fn key(row: &PageKey) -> PageKey {
            *row
        }
        fn id(row: &PageKey) -> Id {
            row.1
        }
        fn count(&self, key: Option<PageKey>, _cap: usize) -> Result<PageCount> {
            Ok(PageCount {
                total: self.0.len(),
                before: key.map_or(Ok(0), |k| self.rank(k))?,
                exact: true,
            })
        }
        fn rank(&self, key: PageKey) -> Result<usize> {
            Ok(self.0.iter().filter(|k| **k > key).count())
        }
        fn page(&self, from: Option<PageKey>, dir: PageDir, n: usize) -> Result<Vec<PageKey>> {
            Ok(match (dir, from) {
                (PageDir::Down { .. }, None) => self.0.iter().take(n).copied().collect(),
                (PageDir::Down { inclusive }, Some(k)) => self
                    .0
                    .iter()
                    .filter(|r| **r < k || (inclusive && **r == k))
                    .take(n)
                    .copied()
                    .collect(),
                (PageDir::Up, from) => {
                    let mut v: Vec<PageKey> = self
                        .0
                        .iter()
                        .rev()
                        .filter(|r| from.is_none_or(|k| **r > k))
                        .take(n)
                        .copied()
                        .collect();
                    v.reverse();
                    v
                }
            })
        }
        fn key_of(&self, id: Id) -> Result<Option<PageKey>> {
            Ok(self.0.iter().find(|k| k.1 == id).copied())
        }
    }

    #[test]
    fn moves_page_and_jump_without_holding_more_than_a_window() {
        let src = rows(10_000);
        let mut l = PagedList::default();
        l.reload(&src, None).unwrap();
        assert_eq!(l.total(), 10_000);
        assert_eq!(l.window(20), 0..20);
        assert_eq!(l.selected().map(|r| r.1), Some(9_999));
        for _ in 0..500 {
            l.apply(Nav::PageDown, &src).unwrap();
            assert!(l.held() <= l.capacity() && l.loaded() <= l.capacity());
            let w = l.window(20);
            assert!(w.contains(&l.selected_index()));
            assert!(w.clone().all(|i| l.get(i).is_some()), "{w:?} is held");
        }
        assert_eq!(l.selected_index(), 9_999);
        assert_eq!(l.selected().map(|r| r.1), Some(0));
        l.apply(Nav::Top, &src).unwrap();
        assert_eq!(
            (l.selected_index(), l.selected().map(|r| r.1)),
            (0, Some(9_999))
        );
        l.apply(Nav::Bottom, &src).unwrap();
        assert_eq!(l.selected().map(|r| r.1), Some(0));
        for _ in 0..300 {
            l.apply(Nav::Up, &src).unwrap();
            assert_eq!(
                l.selected().map(|r| r.1),
                Some((9_999 - l.selected_index()) as Id)
            );
        }
        assert_eq!(l.selected_index(), 9_699);
    }

    #[test]
    fn a_reload_keeps_the_row_or_its_place() {
        let mut src = rows(1_000);
        let mut l = PagedList::default();
        l.reload(&src, Some(400)).unwrap();
        assert_eq!(
            (l.selected_index(), l.selected().map(|r| r.1)),
            (599, Some(400))
        );
        // A newer row arrives: the selection stays on row 400, one place further down.
        let newest = src.0[0];
        src.0
            .insert(0, (newest.0 + chrono::Duration::minutes(1), 1_000));
        l.reload(&src, None).unwrap();
        assert_eq!(
            (l.selected_index(), l.selected().map(|r| r.1)),
            (600, Some(400))
        );
        // Row 400 goes: its successor takes its place.
        src.0.retain(|k| k.1 != 400);
        l.reload(&src, None).unwrap();
        assert_eq!(
            (l.selected_index(), l.selected().map(|r| r.1)),
            (600, Some(399))
        );
        // The last row goes while selected: the new last is selected.
        l.apply(Nav::Bottom, &src).unwrap();
        src.0.retain(|k| k.1 != 0);
        l.reload(&src, None).unwrap();
        assert_eq!(l.selected().map(|r| r.1), Some(1));
        assert_eq!(l.selected_index(), l.total() - 1);
        // Seeking finds the first row at or after a key.
        let key = src.0[10];
        assert!(l.seek(&src, key).unwrap());
        assert_eq!(l.selected_index(), 10);
        // A list shorter than a window is read whole, the selection found in it the same way.
        src.0.truncate(10);
        l.reload(&src, Some(995)).unwrap();
        assert_eq!(
            (l.selected_index(), l.selected().map(|r| r.1)),
            (5, Some(995))
        );
        src.0.retain(|k| k.1 != 995);
        l.reload(&src, None).unwrap();
        assert_eq!(
            (l.selected_index(), l.selected().map(|r| r.1)),
            (5, Some(994))
        );
        assert_eq!(l.held(), 9);
        src.0.clear();
        l.reload(&src, None).unwrap();
        assert!(l.is_empty() && l.selected().is_none());
        assert_eq!(l.window(10), 0..0);
    }
}
