//! The screens. Each is one module with its state, its key section, `update` and `render`;
//! `Screen` has one variant per screen and hands each call to it.

pub mod briefing;
pub mod debrief;
pub mod draft;
pub mod library;
pub mod play;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::Env;
use super::keymap::Binding;
use crate::i18n::T;

pub use briefing::BriefingScreen;
pub use debrief::DebriefScreen;
pub use draft::DraftScreen;
pub use library::LibraryScreen;
pub use play::PlayScreen;

/// What an update asks the app to do next.
pub enum Step {
    Stay,
    Go(Box<Screen>),
    Quit,
    /// Ask `question` first; do `then` only on yes.
    Confirm {
        question: T,
        then: Box<Step>,
    },
}

impl Step {
    pub fn go(screen: Screen) -> Step {
        Step::Go(Box::new(screen))
    }
}

pub enum Screen {
    Library(LibraryScreen),
    Briefing(BriefingScreen),
    Play(PlayScreen),
    Debrief(DebriefScreen),
    /// A draft the author is editing (`kohtaa play FILE`).
    Draft(DraftScreen),
}

impl Screen {
    pub fn library(env: &Env) -> Screen {
        Screen::Library(LibraryScreen::new(env))
    }

    /// This screen's key section (it may depend on the screen's state).
    pub fn keys(&self) -> &'static [Binding] {
        match self {
            Screen::Library(s) => s.keys(),
            Screen::Briefing(s) => s.keys(),
            Screen::Play(s) => s.keys(),
            Screen::Debrief(s) => s.keys(),
            Screen::Draft(s) => s.keys(),
        }
    }

    /// The screen's name for the title bar and the help.
    pub fn title(&self, env: &Env) -> String {
        match self {
            Screen::Library(_) => env.t(T::LibraryTitle).to_owned(),
            Screen::Briefing(s) => s.title(env),
            Screen::Play(s) => s.title(env),
            Screen::Debrief(s) => s.title(env),
            Screen::Draft(s) => s.title(env),
        }
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        match self {
            Screen::Library(s) => s.update(env, action),
            Screen::Briefing(s) => s.update(env, action),
            Screen::Play(s) => s.update(env, action),
            Screen::Debrief(s) => s.update(env, action),
            Screen::Draft(s) => s.update(env, action),
        }
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        match self {
            Screen::Library(s) => s.render(env, area, buf),
            Screen::Briefing(s) => s.render(env, area, buf),
            Screen::Play(s) => s.render(env, area, buf),
            Screen::Debrief(s) => s.render(env, area, buf),
            Screen::Draft(s) => s.render(env, area, buf),
        }
    }
}
