//! The app's state and its one mutator, `App::update`.

use crossterm::event::KeyEvent;

use super::action::Action;
use super::keymap::{self, Binding};
use super::screens::{Screen, Step};
use super::theme::Theme;
use crate::content::Library;
use crate::i18n::{Lang, T};

/// What every screen may read: language, theme, the library, the terminal size, seeds.
pub struct Env {
    pub lang: Lang,
    pub theme: Theme,
    pub library: Library,
    /// The terminal's size, kept current by `Action::Resize`.
    pub size: (u16, u16),
    /// `--seed`: every run uses it. Otherwise each run draws a fresh seed.
    pub fixed_seed: Option<u64>,
}

impl Env {
    pub fn new(lang: Lang, theme: Theme, library: Library, fixed_seed: Option<u64>) -> Env {
        Env {
            lang,
            theme,
            library,
            size: (80, 24),
            fixed_seed,
        }
    }

    /// The seed for a new run (recorded in the run).
    pub fn next_seed(&self) -> u64 {
        self.fixed_seed.unwrap_or_else(rand::random)
    }

    pub fn t(&self, key: T) -> &'static str {
        crate::i18n::t(self.lang, key)
    }

    pub fn tf(&self, key: T, args: &[(&str, &str)]) -> String {
        crate::i18n::tf(self.lang, key, args)
    }
}

/// Something shown over the current screen.
pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// A yes/no question; `then` happens on yes.
    Confirm {
        question: T,
        then: Box<Step>,
    },
}

pub struct App {
    pub env: Env,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub quit: bool,
}

impl App {
    /// The app on its library screen.
    pub fn new(env: Env) -> App {
        let screen = Screen::library(&env);
        App {
            env,
            screen,
            overlay: None,
            quit: false,
        }
    }

    /// The key sections in force now, most specific first.
    pub fn key_sections(&self) -> Vec<&'static [Binding]> {
        match &self.overlay {
            Some(Overlay::Help { .. }) => vec![keymap::HELP],
            Some(Overlay::Confirm { .. }) => vec![keymap::CONFIRM],
            None => vec![self.screen.keys(), keymap::GLOBAL],
        }
    }

    /// The action a key press stands for here, if any.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        keymap::lookup(&self.key_sections(), key)
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.quit = true;
                return;
            }
            Action::Resize(w, h) => {
                self.env.size = (w, h);
                return;
            }
            _ => {}
        }
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => {
                match action {
                    Action::Help | Action::Back => self.overlay = None,
                    Action::Up => *scroll = scroll.saturating_sub(1),
                    Action::Down => *scroll = scroll.saturating_add(1),
                    _ => {}
                }
                return;
            }
            Some(Overlay::Confirm { .. }) => {
                if let Action::Answer(yes) = action {
                    if let Some(Overlay::Confirm { then, .. }) = self.overlay.take() {
                        if yes {
                            self.apply(*then);
                        }
                    }
                }
                return;
            }
            None => {}
        }
        if action == Action::Help {
            self.overlay = Some(Overlay::Help { scroll: 0 });
            return;
        }
        let step = self.screen.update(&self.env, action);
        self.apply(step);
    }

    fn apply(&mut self, step: Step) {
        match step {
            Step::Stay => {}
            Step::Go(screen) => self.screen = *screen,
            Step::Quit => self.quit = true,
            Step::Confirm { question, then } => {
                self.overlay = Some(Overlay::Confirm { question, then })
            }
        }
    }
}
