//! Styles and symbols. State is always carried by a symbol or a word as well as by style, so
//! the monochrome theme (under NO_COLOR) loses nothing but colour.
//!
//! Three themes, chosen with `--theme` and remembered in the profile: the default colours,
//! high contrast (no state by dim, italic or blue; bold, reverse and underline on top of the
//! symbols) and monochrome. NO_COLOR always wins over colour: high contrast then keeps its
//! bold, reverse and underline and drops only the colours.

use ratatui::style::{Color, Modifier, Style};

use crate::practice::StepResult;

/// The theme a learner chooses (`--theme`, saved in the profile by its [`name`](Self::name)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeChoice {
    /// Terminal colours (what kohtaa always used).
    #[default]
    Default,
    /// Bold, reverse and underline with the symbols; nothing by dim, italic or blue.
    HighContrast,
    /// No colour at all (what NO_COLOR gives).
    Mono,
}

impl ThemeChoice {
    /// The name on the command line and in the profile file.
    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::Default => "default",
            ThemeChoice::HighContrast => "high-contrast",
            ThemeChoice::Mono => "mono",
        }
    }

    /// A saved name; `None` for one this version does not know (a newer kohtaa's theme).
    pub fn parse(name: &str) -> Option<ThemeChoice> {
        [
            ThemeChoice::Default,
            ThemeChoice::HighContrast,
            ThemeChoice::Mono,
        ]
        .into_iter()
        .find(|c| c.name() == name)
    }
}

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

    /// High contrast, for light and dark terminals alike: no state by dim, italic or blue.
    /// Dim text is normal text, headings are bold and underlined, the selection is reverse
    /// and bold, and good, bad and warn are bold or underlined as well as green, red and
    /// magenta (never yellow or cyan, which fade on a light background), always beside their
    /// symbols ✓ ✗ ○ ◌.
    pub fn high_contrast() -> Theme {
        let plain = Style::new().fg(Color::Reset).bg(Color::Reset);
        Theme {
            mono: false,
            base: plain,
            title: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            heading: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: plain,
            narration: plain,
            say: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: plain.add_modifier(Modifier::BOLD),
            good: plain.fg(Color::Green).add_modifier(Modifier::BOLD),
            bad: plain
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            warn: plain.fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
            popup: plain,
        }
    }

    /// High contrast without colour (NO_COLOR): the same bold, reverse and underline.
    pub fn high_contrast_mono() -> Theme {
        let mut theme = Theme::high_contrast().without_colour();
        theme.mono = true;
        theme
    }

    /// Every style with its colours set back to the terminal's own.
    fn without_colour(self) -> Theme {
        let strip = |s: Style| s.fg(Color::Reset).bg(Color::Reset);
        Theme {
            mono: self.mono,
            base: strip(self.base),
            title: strip(self.title),
            heading: strip(self.heading),
            dim: strip(self.dim),
            narration: strip(self.narration),
            say: strip(self.say),
            selected: strip(self.selected),
            key: strip(self.key),
            good: strip(self.good),
            bad: strip(self.bad),
            warn: strip(self.warn),
            popup: strip(self.popup),
        }
    }

    /// The theme for a choice; with `no_color` (NO_COLOR set) no theme uses colour.
    pub fn for_choice(choice: ThemeChoice, no_color: bool) -> Theme {
        match (choice, no_color) {
            (ThemeChoice::Mono, _) | (ThemeChoice::Default, true) => Theme::mono(),
            (ThemeChoice::Default, false) => Theme::default_colors(),
            (ThemeChoice::HighContrast, false) => Theme::high_contrast(),
            (ThemeChoice::HighContrast, true) => Theme::high_contrast_mono(),
        }
    }

    /// Whether NO_COLOR is set to anything non-empty (no-color.org).
    pub fn no_color() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    /// Monochrome when NO_COLOR is set, else the default colours.
    pub fn from_env() -> Theme {
        Theme::for_choice(ThemeChoice::Default, Theme::no_color())
    }

    /// Every style of the theme by its field's name (for tests that check them all: a new
    /// field must be added here, or this does not compile).
    pub fn styles(&self) -> [(&'static str, Style); 12] {
        let Theme {
            mono: _,
            base,
            title,
            heading,
            dim,
            narration,
            say,
            selected,
            key,
            good,
            bad,
            warn,
            popup,
        } = *self;
        [
            ("base", base),
            ("title", title),
            ("heading", heading),
            ("dim", dim),
            ("narration", narration),
            ("say", say),
            ("selected", selected),
            ("key", key),
            ("good", good),
            ("bad", bad),
            ("warn", warn),
            ("popup", popup),
        ]
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
