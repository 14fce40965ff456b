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
    let mut env = Env::new(
        ui_language(global),
        Theme::from_env(),
        first_look,
        global.seed,
    )
    .with_store(super::history::run_store(global));
    // The learner's style; on the first start (no profile yet) the app asks for it.
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
    let mut app = App::new(env);
    if first_start {
        app.screen = Screen::Profile(ProfileScreen::new(&app.env, true));
    }
    match tui::run_loading(app, Some(full)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kohtaa: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}
