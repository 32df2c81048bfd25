//! Styles. The default uses only the 16 ANSI colours (readable on light and dark schemes);
//! with `NO_COLOR` set (https://no-color.org) nothing is coloured and emphasis is carried by
//! bold, reverse, underline and dim alone. The config file's `theme` chooses `dark` (the
//! default), `light`, `none`, or recolours roles (see `crate::config::Palette`).

use crate::config::{Palette, ThemeBase};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    palette: Palette,
    /// The background of the selected row: a grey that dark text stays readable on in the
    /// light theme, and light text in the dark one.
    selection: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            palette: Palette::DARK,
            selection: Color::DarkGray,
        }
    }
}

impl Theme {
    /// The config file's theme, with no colour at all if `NO_COLOR` is set to anything
    /// non-empty (the variable beats the file).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let spec = crate::config::current().theme;
        Theme {
            color: !no_color && spec.base != ThemeBase::None,
            palette: spec.palette,
            selection: if spec.base == ThemeBase::Light {
                Color::Gray
            } else {
                Color::DarkGray
            },
        }
    }

    pub fn monochrome() -> Self {
        Theme {
            color: false,
            palette: Palette::DARK,
            selection: Color::DarkGray,
        }
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

    /// The highlighted row of a list, patched over each cell's own style. With colour it is a
    /// background, so that tags, red dates and the carry column keep their colour (as in
    /// lazygit); without colour no cell has one to lose, and the row is reversed.
    pub fn selected(self) -> Style {
        if self.color {
            Style::new().bg(self.selection).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The selection over a progress bar: never reversed, which would swap the filled and
    /// empty parts (66% would read as 33%); without colour the rest of the row carries the
    /// selection and the bar is only made bold.
    pub fn selected_bar(self) -> Style {
        if self.color {
            self.selected()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The active tab and pane titles.
    pub fn active(self) -> Style {
        self.fg(self.palette.title)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn title(self) -> Style {
        self.fg(self.palette.title).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(self.palette.key).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(self.palette.error).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(self.palette.warning).add_modifier(Modifier::BOLD)
    }

    pub fn success(self) -> Style {
        self.fg(self.palette.success)
    }

    pub fn done(self) -> Style {
        self.fg(self.palette.success).add_modifier(Modifier::DIM)
    }

    pub fn dropped(self) -> Style {
        Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT)
    }

    pub fn doing(self) -> Style {
        self.fg(self.palette.warning).add_modifier(Modifier::BOLD)
    }

    pub fn tag(self) -> Style {
        self.fg(self.palette.tag)
    }

    pub fn high(self) -> Style {
        self.fg(self.palette.error).add_modifier(Modifier::BOLD)
    }

    /// The style of an energy level 1–5.
    pub fn level(self, level: u8) -> Style {
        match level {
            1 => self.fg(self.palette.error),
            2 => self.fg(self.palette.warning),
            3 => self.fg(Color::Blue),
            4 => self.fg(self.palette.chart),
            _ => self.fg(self.palette.success),
        }
        .add_modifier(Modifier::BOLD)
    }

    pub fn gauge(self) -> Style {
        if self.color {
            Style::new().fg(self.palette.success)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn chart(self) -> Style {
        self.fg(self.palette.chart)
    }

    /// The frame of the field being edited.
    pub fn focus(self) -> Style {
        self.fg(self.palette.title).add_modifier(Modifier::BOLD)
    }

    /// A search match inside a snippet: bold and underlined, so it still stands out on the
    /// selected (reversed) row and without colour.
    pub fn matched(self) -> Style {
        self.fg(self.palette.matched)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}
