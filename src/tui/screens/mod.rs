//! The screens. Each is one module with its state, its key section, `update` and `render`;
//! `Screen` has one variant per screen and hands each call to it.

pub mod briefing;
pub mod debrief;
pub mod draft;
pub mod library;
pub mod play;
pub mod present;
pub mod present_map;
pub mod present_theme;
pub mod present_view;
pub mod profile;
pub mod progress;
pub mod reflect;
pub mod selfcheck;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::Env;
use super::keymap::Binding;
use crate::content::styles::LearnerStyle;
use crate::i18n::T;
use crate::store::profile::SelfCheckRecord;

pub use briefing::BriefingScreen;
pub use debrief::DebriefScreen;
pub use draft::DraftScreen;
pub use library::LibraryScreen;
pub use play::PlayScreen;
pub use present::PresentScreen;
pub use profile::ProfileScreen;
pub use progress::ProgressScreen;
pub use reflect::ReflectScreen;
pub use selfcheck::SelfCheckScreen;

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
    /// Save a run to the history, then do `then`.
    Save {
        record: Box<crate::practice::record::RunRecord>,
        then: Box<Step>,
    },
    /// Set the learner's style (and keep self-check answers) in the profile, then `then`.
    SetLearner {
        style: Option<LearnerStyle>,
        self_check: Option<SelfCheckRecord>,
        then: Box<Step>,
    },
    /// Draw with this theme from now on and remember it in the profile (F2).
    SetTheme {
        choice: crate::tui::theme::ThemeChoice,
    },
    /// Delete the profile, then `then`.
    ForgetProfile {
        then: Box<Step>,
    },
    /// Save a finished run, then show its debrief with the run as saved (its id is the
    /// saved file's, so a reflection added later rewrites that file).
    SaveAndDebrief(Box<DebriefScreen>),
    /// Rewrite a run already saved (a reflection added), then do `then`.
    UpdateRun {
        record: Box<crate::practice::record::RunRecord>,
        then: Box<Step>,
    },
    /// The notices on the library have been read: drop them, then do `then`.
    DismissNotices {
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
    Reflect(ReflectScreen),
    Progress(ProgressScreen),
    Profile(ProfileScreen),
    SelfCheck(SelfCheckScreen),
    Present(Box<PresentScreen>),
    /// A draft the author is editing (`kohtaa play FILE`).
    Draft(DraftScreen),
}

impl Screen {
    pub fn library(env: &Env) -> Screen {
        Screen::Library(LibraryScreen::new(env))
    }

    /// Whether the app draws its title and hint bars around this screen; presenter mode
    /// draws the whole frame itself (a projector shows only what the room should see).
    pub fn chrome(&self) -> bool {
        !matches!(self, Screen::Present(_))
    }

    /// This screen's key section (it may depend on the screen's state).
    pub fn keys(&self) -> &'static [Binding] {
        match self {
            Screen::Library(s) => s.keys(),
            Screen::Briefing(s) => s.keys(),
            Screen::Play(s) => s.keys(),
            Screen::Debrief(s) => s.keys(),
            Screen::Reflect(s) => s.keys(),
            Screen::Progress(s) => s.keys(),
            Screen::Profile(s) => s.keys(),
            Screen::SelfCheck(s) => s.keys(),
            Screen::Present(s) => s.keys(),
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
            Screen::Reflect(s) => s.title(env),
            Screen::Progress(s) => s.title(env),
            Screen::Profile(s) => s.title(env),
            Screen::SelfCheck(s) => s.title(env),
            Screen::Present(s) => s.title(env),
            Screen::Draft(s) => s.title(env),
        }
    }

    pub fn update(&mut self, env: &Env, action: Action) -> Step {
        match self {
            Screen::Library(s) => s.update(env, action),
            Screen::Briefing(s) => s.update(env, action),
            Screen::Play(s) => s.update(env, action),
            Screen::Debrief(s) => s.update(env, action),
            Screen::Reflect(s) => s.update(env, action),
            Screen::Progress(s) => s.update(env, action),
            Screen::Profile(s) => s.update(env, action),
            Screen::SelfCheck(s) => s.update(env, action),
            Screen::Present(s) => s.update(env, action),
            Screen::Draft(s) => s.update(env, action),
        }
    }

    pub fn render(&self, env: &Env, area: Rect, buf: &mut Buffer) {
        match self {
            Screen::Library(s) => s.render(env, area, buf),
            Screen::Briefing(s) => s.render(env, area, buf),
            Screen::Play(s) => s.render(env, area, buf),
            Screen::Debrief(s) => s.render(env, area, buf),
            Screen::Reflect(s) => s.render(env, area, buf),
            Screen::Progress(s) => s.render(env, area, buf),
            Screen::Profile(s) => s.render(env, area, buf),
            Screen::SelfCheck(s) => s.render(env, area, buf),
            Screen::Present(s) => s.render(env, area, buf),
            Screen::Draft(s) => s.render(env, area, buf),
        }
    }
}
