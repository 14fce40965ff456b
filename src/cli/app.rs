//! Starting the practice app: the library, the language, the theme, then the terminal.

use std::process::ExitCode;

use super::{Global, data_dir, load_library, ui_language};
use crate::content::Library;
use crate::store::profile::{self, ProfileState};
use crate::tui::screens::{ProfileScreen, Screen};
use crate::tui::{self, App, Env, theme::Theme};

pub fn run(global: &Global) -> ExitCode {
    // The first frame shows the library from the scenarios' headers; the full load (every
    // scenario parsed and checked) runs meanwhile and takes over when done: a large user
    // library shows several times sooner.
    let first_look = Library::load_headers(&super::library_options(global));
    let full = {
        let global = global.clone();
        std::thread::spawn(move || load_library(&global))
    };
    let (env, first_start) = env(global, first_look);
    let mut app = App::new(env);
    if first_start {
        app.screen = Screen::Profile(ProfileScreen::new(&app.env, true));
    }
    finish(tui::run_loading(app, Some(full)))
}

/// The app's environment, the same for every way in (the library, `play ID`, `play FILE`,
/// `present`): the interface language and theme, the learner's style from their profile, and
/// the run history, saved unless `--no-save`. True as the second value when no profile exists
/// yet (the library then offers to set one).
pub fn env(global: &Global, library: Library) -> (Env, bool) {
    let mut env = Env::new(ui_language(global), Theme::from_env(), library, global.seed)
        .with_store(super::history::run_store(global));
    let dir = data_dir();
    let state = dir.as_deref().map(profile::load);
    if !global.no_save {
        env.profile_dir = dir.clone();
    }
    let first_start = match state {
        Some(Ok(ProfileState::Found(p))) => {
            env.learner = p.style;
            false
        }
        Some(Ok(ProfileState::SetAside { aside, .. })) => {
            env.profile_notice = Some(env.tf(
                crate::i18n::T::ProfileSetAside,
                &[("path", &aside.display().to_string())],
            ));
            true
        }
        Some(Err(e)) => {
            env.profile_notice = Some(env.tf(
                crate::i18n::T::ProfileSaveFailed,
                &[("error", &e.to_string())],
            ));
            false
        }
        Some(Ok(ProfileState::Missing)) | None => true,
    };
    (env, first_start)
}

/// The exit code for the app's end; a terminal that failed is said so, with the way round it.
pub fn finish(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kohtaa: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}
