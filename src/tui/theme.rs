//! Styles and symbols. State is always carried by a symbol or a word as well as by style, so
//! the monochrome theme (under NO_COLOR) loses nothing but colour.

use ratatui::style::{Color, Modifier, Style};

use crate::practice::StepResult;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub mono: bool,
    pub base: Style,
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    pub narration: Style,
    pub say: Style,
    pub selected: Style,
    pub key: Style,
    pub good: Style,
    pub bad: Style,
    pub warn: Style,
    pub popup: Style,
}

impl Theme {
    /// Terminal colours only (`Reset` and the 16 named colours), for light and dark terminals.
    pub fn default_colors() -> Theme {
        Theme {
            mono: false,
            base: Style::new().fg(Color::Reset).bg(Color::Reset),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            narration: Style::new().add_modifier(Modifier::ITALIC),
            say: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            bad: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Yellow),
            popup: Style::new().fg(Color::Reset).bg(Color::Reset),
        }
    }

    /// No colour at all: bold, reverse and underline, with the symbols, carry every state.
    pub fn mono() -> Theme {
        let plain = Style::new().fg(Color::Reset).bg(Color::Reset);
        Theme {
            mono: true,
            base: plain,
            title: plain.add_modifier(Modifier::BOLD),
            heading: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: plain,
            narration: plain.add_modifier(Modifier::ITALIC),
            say: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: plain.add_modifier(Modifier::BOLD),
            good: plain.add_modifier(Modifier::BOLD),
            bad: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            warn: plain.add_modifier(Modifier::UNDERLINED),
            popup: plain,
        }
    }

    /// Monochrome when NO_COLOR is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Theme::mono()
        } else {
            Theme::default_colors()
        }
    }

    pub fn result(&self, result: StepResult) -> Style {
        match result {
            StepResult::Shown => self.good,
            StepResult::Broken => self.bad,
            StepResult::Missed => self.warn,
            StepResult::NotReached | StepResult::NotInPlay => self.dim,
        }
    }
}

/// The symbol of a step's result, the same in every theme.
pub fn result_symbol(result: StepResult) -> &'static str {
    match result {
        StepResult::Shown => "✓",
        StepResult::Broken => "✗",
        StepResult::Missed => "○",
        StepResult::NotReached => "◌",
        StepResult::NotInPlay => "·",
    }
}

/// Marks the selected row in lists, in every theme.
pub const POINTER: &str = "▶ ";
pub const NO_POINTER: &str = "  ";
