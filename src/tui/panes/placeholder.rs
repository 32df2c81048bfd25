//! A pane that is not built yet: its tab exists and says so in one honest line.

use super::{Ctx, Outcome, Pane};
use crate::db::Repo;
use crate::text::truncate;
use crate::tui::keymap::Context;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

pub struct Placeholder {
    title: &'static str,
    line: &'static str,
    theme: Theme,
}

impl Placeholder {
    pub fn new(title: &'static str, line: &'static str, theme: Theme) -> Self {
        Placeholder { title, line, theme }
    }
}

impl Pane for Placeholder {
    fn title(&self) -> &str {
        self.title
    }

    fn reload(&mut self, _repo: &Repo) -> anyhow::Result<()> {
        Ok(())
    }

    fn handle_key(&mut self, _key: KeyEvent, _ctx: &mut Ctx) -> Outcome {
        Outcome::Ignored
    }

    fn render(&mut self, frame: &mut Frame, area: Rect) {
        if area.height == 0 {
            return;
        }
        let line = truncate(self.line, usize::from(area.width.saturating_sub(2)));
        let rect = Rect {
            x: area.x.saturating_add(1),
            y: area.y.saturating_add(1.min(area.height - 1)),
            width: area.width.saturating_sub(2),
            height: 1,
        };
        frame.render_widget(
            Paragraph::new(Span::styled(line.into_owned(), self.theme.dim())),
            rect,
        );
    }

    fn hints(&self) -> &[Context] {
        &[]
    }
}
