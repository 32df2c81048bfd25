//! "Search everything": a popup over the current pane (Ctrl-F anywhere, `/` on Today) with a
//! one-line query and results that follow each keystroke. Enter opens the selected hit in its
//! own pane with it selected; Esc closes and leaves everything as it was.
//!
//! The query is parsed with [`Query::parse_as_you_type`] and searched through
//! [`Repo::search`]; a malformed query or a failed search is a one-line message in the popup.
//! Render reads only what the last search cached and builds lines for the visible rows.

use super::keymap::{Action, Context, SearchAction};
use super::line_input::{Edit, LineInput};
use super::panes::Target;
use super::panes::list::Cursor;
use super::theme::Theme;
use crate::db::Repo;
use crate::model::{ActionSource, HitKind, PaneKind, SearchHit};
use crate::search::{self, Query};
use crate::text::{fit, sanitize, truncate, width};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Results asked for per search.
pub const LIMIT: usize = 50;

/// What a key in the overlay came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchOutcome {
    Handled,
    Ignored,
    Close,
    Open(Target),
}

/// What the popup shows under the query.
#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    /// Nothing typed: the syntax.
    Help,
    /// Too little typed to search yet.
    Hint(&'static str),
    /// A malformed query or a failed search.
    Message(String),
    /// The results (perhaps none).
    Results,
}

pub struct SearchOverlay {
    theme: Theme,
    query: LineInput,
    hits: Vec<SearchHit>,
    cursor: Cursor,
    state: State,
    /// The results list has the keys (j/k move) rather than the query.
    in_results: bool,
}

/// Lines of the syntax help shown before anything is typed: (example, meaning).
const SYNTAX: &[(&str, &str)] = &[
    ("kube deploy", "both words, anywhere"),
    ("\"code review\"", "the phrase"),
    ("kube*", "words starting with kube"),
    ("kube OR docker", "either word"),
    ("-docker", "leave out rows with the word"),
    ("pane:journal", "only that pane (repeat for more)"),
    ("tag:rust", "rows tagged rust"),
    ("person:ana", "meetings, feedback, action items with Ana"),
    ("from:2026-01-01", "on or after that day (to: before)"),
    ("is:open  is:done", "tasks and action items by status"),
];

impl SearchOverlay {
    pub fn new(theme: Theme) -> Self {
        SearchOverlay {
            theme,
            query: LineInput::default(),
            hits: Vec::new(),
            cursor: Cursor::default(),
            state: State::Help,
            in_results: false,
        }
    }

    /// The keymap contexts of the overlay (both modal).
    pub fn hints(&self) -> &'static [Context] {
        if self.in_results {
            &[Context::SearchResults]
        } else {
            &[Context::SearchOverlay]
        }
    }

    pub fn query(&self) -> &str {
        self.query.text()
    }

    pub fn hits(&self) -> &[SearchHit] {
        &self.hits
    }

    /// The index of the selected result.
    pub fn selected(&self) -> usize {
        self.cursor.selected
    }

    /// The message shown instead of results (a malformed query, a failed search), if any.
    pub fn message(&self) -> Option<&str> {
        match &self.state {
            State::Message(m) => Some(m),
            State::Hint(h) => Some(h),
            _ => None,
        }
    }

    /// Sets the query and searches (tests, and what a paste does).
    pub fn set_query(&mut self, query: &str, repo: &Repo) {
        self.query.set_text(query);
        self.refresh(repo);
    }

    /// Handles one key; `action` is what the keymap made of it in the overlay's context.
    pub fn handle_key(
        &mut self,
        key: KeyEvent,
        action: Option<Action>,
        repo: &Repo,
    ) -> SearchOutcome {
        if let Some(Action::SearchOverlay(a) | Action::SearchResults(a)) = action {
            return match a {
                SearchAction::Close => SearchOutcome::Close,
                SearchAction::Open => self.open(repo),
                SearchAction::Move(nav) => {
                    self.cursor.apply(nav, self.hits.len());
                    SearchOutcome::Handled
                }
                SearchAction::FocusResults => {
                    self.in_results = !self.hits.is_empty();
                    SearchOutcome::Handled
                }
                SearchAction::FocusQuery => {
                    self.in_results = false;
                    SearchOutcome::Handled
                }
            };
        }
        if self.in_results {
            return SearchOutcome::Ignored;
        }
        // The query takes the editing keys of every input (Ctrl-U, Ctrl-W, Alt-B, ...).
        let changed = match self.query.input(&key) {
            Edit::Changed => true,
            Edit::Moved => false,
            Edit::Ignored => return SearchOutcome::Ignored,
        };
        if changed {
            self.refresh(repo);
        }
        SearchOutcome::Handled
    }

    /// Pasted text joins the query on one line (line breaks and controls become spaces).
    pub fn paste(&mut self, text: &str, repo: &Repo) {
        if self.in_results {
            return;
        }
        self.query.paste(text);
        self.refresh(repo);
    }

    /// Searches for the query as it now stands.
    pub fn refresh(&mut self, repo: &Repo) {
        self.cursor = Cursor::default();
        self.hits.clear();
        if self.query.text().trim().is_empty() {
            self.state = State::Help;
            return;
        }
        let mut q = match Query::parse_as_you_type(self.query.text()) {
            Ok(q) => q,
            Err(msg) => {
                self.state = State::Message(msg);
                return;
            }
        };
        // A one-letter prefix matches nearly everything: leave it out until a second letter
        // comes, keeping the results of the words before it steady.
        for group in &mut q.all {
            group.retain(|t| !(t.prefix && t.text.chars().count() < 2));
        }
        q.all.retain(|g| !g.is_empty());
        q.none.retain(|t| !(t.prefix && t.text.chars().count() < 2));
        if q.is_empty() {
            self.state = State::Hint("keep typing: search starts at two letters");
            return;
        }
        match repo.search(&q, LIMIT) {
            Ok(hits) => {
                self.hits = hits;
                self.state = State::Results;
            }
            Err(e) => self.state = State::Message(format!("search failed: {e}")),
        }
        if self.hits.is_empty() {
            self.in_results = false;
        }
    }

    fn open(&mut self, repo: &Repo) -> SearchOutcome {
        let Some(hit) = self.hits.get(self.cursor.selected) else {
            return SearchOutcome::Handled;
        };
        match target_of(hit, repo) {
            Ok(t) => SearchOutcome::Open(t),
            Err(e) => {
                self.state = State::Message(format!("could not open it: {e}"));
                SearchOutcome::Handled
            }
        }
    }

    /// Draws the popup over `area` (the body between the tabs and the status line).
    pub fn render(&mut self, frame: &mut Frame, area: Rect) {
        let t = self.theme;
        // Narrow terminals get every column; wider ones a margin showing the pane behind.
        let w = if area.width < 100 {
            area.width
        } else {
            area.width.saturating_sub(8).min(140)
        };
        let h = area.height;
        if w < 20 || h < 6 {
            return;
        }
        let popup = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y,
            width: w,
            height: h,
        };
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.focus())
            .title(Span::styled(" Search everything ", t.title()));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let cols = usize::from(inner.width);

        // The query line, with the count at the right.
        let count = match self.state {
            State::Results if self.hits.len() >= LIMIT => format!(" first {LIMIT} "),
            State::Results => match self.hits.len() {
                1 => " 1 result ".to_string(),
                n => format!(" {n} results "),
            },
            _ => String::new(),
        };
        let room = cols.saturating_sub(width(&count) + 4);
        // A long query shows the part around the cursor (where the typing is).
        let typing = !self.in_results;
        let mut spans = vec![Span::styled("› ", t.key())];
        spans.extend(
            self.query
                .spans(t.plain(), t.selected(), typing, room + usize::from(typing)),
        );
        let used = spans.iter().map(|s| width(&s.content)).sum::<usize>();
        spans.push(Span::raw(
            " ".repeat(cols.saturating_sub(used + width(&count))),
        ));
        spans.push(Span::styled(count, t.dim()));
        frame.render_widget(Paragraph::new(Line::from(spans)), row(inner, 0));

        let body = Rect {
            y: inner.y + 2,
            height: inner.height.saturating_sub(2),
            ..inner
        };
        match &self.state {
            State::Help => self.render_help(frame, body),
            State::Hint(h) => one_line(frame, body, h, t.dim()),
            State::Message(m) => one_line(frame, body, &sanitize(m), t.warning()),
            State::Results if self.hits.is_empty() => {
                one_line(frame, body, "nothing found", t.dim());
            }
            State::Results => self.render_hits(frame, body),
        }
    }

    fn render_help(&self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let cols = usize::from(rect.width);
        let mut lines = vec![Line::from(Span::styled(
            truncate(" Type to search every pane. The query language:", cols).into_owned(),
            t.dim(),
        ))];
        for (example, meaning) in SYNTAX {
            let e = fit(&format!("  {example}"), 20);
            let m = truncate(meaning, cols.saturating_sub(20)).into_owned();
            lines.push(Line::from(vec![Span::styled(e, t.key()), Span::raw(m)]));
        }
        lines.truncate(usize::from(rect.height));
        frame.render_widget(Paragraph::new(lines), rect);
    }

    /// Two lines per hit: where and what, then the snippet with its matches marked.
    fn render_hits(&mut self, frame: &mut Frame, rect: Rect) {
        let t = self.theme;
        let cols = usize::from(rect.width);
        let per_page = usize::from(rect.height) / 2;
        let range = self.cursor.window(self.hits.len(), per_page);
        // Each hit takes two lines; a click on either selects it (a double click opens it).
        let hits = range
            .clone()
            .zip((rect.y..rect.bottom()).step_by(2))
            .map(|(i, y)| {
                let h = 2.min(rect.bottom() - y);
                (
                    Rect {
                        y,
                        height: h,
                        ..rect
                    },
                    i,
                )
            })
            .collect();
        crate::tui::mouse::popup(hits, self.cursor.selected);
        let mut lines = Vec::with_capacity(range.len() * 2);
        for i in range {
            let Some(hit) = self.hits.get(i) else { break };
            let selected = i == self.cursor.selected;
            let base = if selected { t.selected() } else { t.plain() };
            let pane = fit(hit.pane.label(), 9);
            let date = match hit.date {
                Some(d) => d.format("%Y-%m-%d").to_string(),
                None => String::new(),
            };
            let date = fit(&date, 11);
            let kind = fit(hit.kind.label(), 14);
            let head = 1 + width(&pane) + width(&date) + width(&kind);
            let title = sanitize(&search::plain(&hit.title)).into_owned();
            let title = fit(&title, cols.saturating_sub(head));
            lines.push(
                Line::from(vec![
                    Span::raw(" "),
                    Span::styled(pane, t.title()),
                    Span::styled(date, t.dim()),
                    Span::styled(kind, t.tag()),
                    Span::styled(title, t.bold()),
                ])
                .style(base),
            );
            let mut spans = vec![Span::raw("   ")];
            let mut left = cols.saturating_sub(4);
            for (text, matched) in search::segments(&hit.snippet) {
                if left == 0 {
                    break;
                }
                let clean = sanitize(text);
                let piece = truncate(&clean, left).into_owned();
                left = left.saturating_sub(width(&piece));
                let style = if matched { t.matched() } else { t.plain() };
                spans.push(Span::styled(piece, style));
            }
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            spans.push(Span::raw(" ".repeat(cols.saturating_sub(used))));
            lines.push(Line::from(spans).style(base));
        }
        frame.render_widget(Paragraph::new(lines), rect);
    }
}

/// Where a hit is shown: the target its pane selects.
pub fn target_of(hit: &SearchHit, repo: &Repo) -> crate::db::Result<Target> {
    Ok(match hit.kind {
        HitKind::Task => Target::Task {
            id: hit.id,
            day: match hit.date {
                Some(d) => d,
                None => repo.task(hit.id)?.day,
            },
        },
        HitKind::Learning => Target::Learning { id: hit.target_id },
        HitKind::Skill | HitKind::Assessment => Target::Skill { id: hit.target_id },
        HitKind::Meeting => Target::Meeting { id: hit.target_id },
        HitKind::Goal | HitKind::Milestone => Target::Goal { id: hit.target_id },
        HitKind::Feedback => Target::Feedback { id: hit.target_id },
        HitKind::ActionItem if hit.pane == PaneKind::Feedback => {
            Target::Feedback { id: hit.target_id }
        }
        HitKind::ActionItem => Target::ActionItem {
            id: hit.id,
            meeting_id: match repo.action_item(hit.id)?.source {
                ActionSource::Meeting(m) => Some(m),
                ActionSource::Feedback(_) | ActionSource::None => None,
            },
        },
        HitKind::Checkin => Target::Checkin {
            id: hit.id,
            at: repo.checkin(hit.id)?.at,
        },
    })
}

/// Line `i` of `rect` (empty past its end).
fn row(rect: Rect, i: u16) -> Rect {
    Rect {
        y: rect.y + i.min(rect.height),
        height: u16::from(i < rect.height),
        ..rect
    }
}

fn one_line(frame: &mut Frame, rect: Rect, text: &str, style: ratatui::style::Style) {
    let t = truncate(text, usize::from(rect.width).saturating_sub(1)).into_owned();
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {t}"), style)),
        row(rect, 0),
    );
}
