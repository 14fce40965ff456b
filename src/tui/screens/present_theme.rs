//! The presenter's theme: made for a projector. It paints its own background, black on white
//! or white on black (a key flips them), so it reads the same whatever the facilitator's
//! terminal colours are; under NO_COLOR it keeps the terminal's colours and uses bold,
//! reverse and underline. State is always carried by a symbol or a word too.

use ratatui::style::{Color, Modifier, Style};

use crate::practice::StepResult;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stage {
    pub base: Style,
    pub title: Style,
    pub text: Style,
    pub narration: Style,
    pub say: Style,
    pub label: Style,
    pub selected: Style,
    pub bar: Style,
    pub dim: Style,
    pub good: Style,
    pub bad: Style,
    pub note: Style,
}

impl Stage {
    /// Black on white, or white on black when `dark`. Only the 16 named colours.
    pub fn projector(dark: bool) -> Stage {
        let (fg, bg, accent) = if dark {
            (Color::White, Color::Black, Color::LightCyan)
        } else {
            (Color::Black, Color::White, Color::Blue)
        };
        let base = Style::new().fg(fg).bg(bg);
        let bold = base.add_modifier(Modifier::BOLD);
        Stage {
            base,
            title: bold.fg(accent),
            text: base,
            narration: base.add_modifier(Modifier::ITALIC),
            say: bold,
            label: bold.fg(accent),
            selected: base.fg(bg).bg(fg).add_modifier(Modifier::BOLD),
            bar: bold.fg(accent),
            dim: base,
            good: bold.fg(if dark {
                Color::LightGreen
            } else {
                Color::Green
            }),
            bad: bold
                .fg(if dark { Color::LightRed } else { Color::Red })
                .add_modifier(Modifier::UNDERLINED),
            note: bold.fg(if dark {
                Color::LightYellow
            } else {
                Color::Magenta
            }),
        }
    }

    /// No colour at all: the terminal's own, with modifiers.
    pub fn mono() -> Stage {
        let base = Style::new().fg(Color::Reset).bg(Color::Reset);
        let bold = base.add_modifier(Modifier::BOLD);
        Stage {
            base,
            title: bold,
            text: base,
            narration: base.add_modifier(Modifier::ITALIC),
            say: bold,
            label: bold,
            selected: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            bar: bold,
            dim: base,
            good: bold,
            bad: bold.add_modifier(Modifier::UNDERLINED),
            note: bold.add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn result(&self, result: StepResult) -> Style {
        match result {
            StepResult::Shown => self.good,
            StepResult::Broken => self.bad,
            StepResult::Missed => self.text,
            StepResult::NotReached | StepResult::NotInPlay => self.dim,
        }
    }
}
