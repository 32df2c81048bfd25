//! Styles. The default uses only the 16 ANSI colours (readable on light and dark schemes);
//! with `NO_COLOR` set (https://no-color.org) nothing is coloured and emphasis is carried by
//! bold, reverse, underline and dim alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true }
    }
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub fn monochrome() -> Self {
        Theme { color: false }
    }

    pub fn has_color(self) -> bool {
        self.color
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn plain(self) -> Style {
        Style::new()
    }

    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The highlighted row of a list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The active tab and pane titles.
    pub fn active(self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn success(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn done(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::DIM)
    }

    pub fn dropped(self) -> Style {
        Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
    }

    pub fn doing(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn tag(self) -> Style {
        self.fg(Color::Magenta)
    }

    pub fn high(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// The style of an energy level 1–5.
    pub fn level(self, level: u8) -> Style {
        match level {
            1 => self.fg(Color::Red),
            2 => self.fg(Color::Yellow),
            3 => self.fg(Color::Blue),
            4 => self.fg(Color::Cyan),
            _ => self.fg(Color::Green),
        }
        .add_modifier(Modifier::BOLD)
    }

    pub fn gauge(self) -> Style {
        if self.color {
            Style::new().fg(Color::Green)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn chart(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// The frame of the field being edited.
    pub fn focus(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A search match inside a snippet: bold and underlined, so it still stands out on the
    /// selected (reversed) row and without colour.
    pub fn matched(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}
