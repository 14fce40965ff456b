//! Starting the practice app: the library, the language, the theme, then the terminal.

use std::process::ExitCode;

use super::{Global, load_library, ui_language};
use crate::tui::{self, App, Env, theme::Theme};

pub fn run(global: &Global) -> ExitCode {
    let env = Env::new(
        ui_language(global),
        Theme::from_env(),
        load_library(global),
        global.seed,
    );
    match tui::run(App::new(env)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kohtaa: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}
