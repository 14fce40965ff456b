//! `kohtaa play`: the practice app on a draft, with reload-and-replay for authors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Global, load_library, ui_language};
use crate::authoring::draft;
use crate::tui::screens::{DraftScreen, Screen};
use crate::tui::{self, App, Env, theme::Theme};

#[derive(Debug, Args)]
pub struct PlayArgs {
    /// The scenario file to play. After an edit, F5 (or Ctrl-R) reloads it and replays the
    /// choices made so far.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Start at this node instead of the scenario's start.
    #[arg(long, value_name = "NODE")]
    pub start: Option<String>,
}

pub fn run(global: &Global, args: &PlayArgs) -> ExitCode {
    if !args.file.is_file() {
        eprintln!("error: no such file: {}", args.file.display());
        return ExitCode::from(2);
    }
    if let (Some(start), Ok(d)) = (&args.start, draft::load(&args.file, &global.scenarios)) {
        if !d.scenario.nodes.iter().any(|n| n.id == *start) {
            eprintln!(
                "error: {} has no node `{}`",
                args.file.display(),
                crate::content::text::display_safe(start)
            );
            return ExitCode::from(2);
        }
    }
    let env = Env::new(
        ui_language(global),
        Theme::from_env(),
        load_library(global),
        global.seed,
    );
    let draft = DraftScreen::open(
        &env,
        args.file.clone(),
        global.scenarios.clone(),
        args.start.clone(),
    );
    let mut app = App::new(env);
    app.screen = Screen::Draft(draft);
    match tui::run(app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kohtaa: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}
