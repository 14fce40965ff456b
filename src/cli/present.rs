//! `kohtaa present`: presenter mode for a room, on a scenario or on a picker of them.

use std::process::ExitCode;

use clap::Args;

use super::play::by_id;
use super::{Context, Error};
use crate::i18n::{T, tf};
use crate::tui::screens::Screen;
use crate::tui::screens::present::{Origin, PresentScreen};
use crate::tui::{self, App};

#[derive(Debug, Args)]
pub struct PresentArgs {
    /// The scenario to present (default: choose one on screen).
    #[arg(value_name = "SCENARIO-ID")]
    pub scenario: Option<String>,
    #[command(flatten)]
    pub app: super::AppFlags,
}

pub fn run(ctx: &Context, args: &PresentArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    // Presenter mode shows and saves nothing personal; the environment is the app's all the
    // same, so leaving for the library finds the learner's own history as it is.
    let (env, _) = super::app::env(ctx, ctx.library());
    let screen = match &args.scenario {
        None => PresentScreen::pick(Origin::Command),
        Some(id) => {
            let playable = by_id(ctx, id)?;
            PresentScreen::new(&env, Origin::Command, playable.scenario, playable.model)
                .map_err(|e| Error::failed(tf(lang, T::CliError, &[("message", &e)])))?
        }
    };
    super::app::need_terminal(ctx)?;
    let mut app = App::new(env);
    app.screen = Screen::Present(Box::new(screen));
    super::app::finish(lang, tui::run(app))
}
