//! `kohtaa list`: every scenario of the library by the id that `kohtaa play ID` and
//! `kohtaa present ID` take, with its language and title. The learner's lists (the app's
//! library, plain mode's numbered list) show titles only; ids are for those who type them.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{Context, Error};
use crate::content::Scenario;
use crate::content::text::display_safe;
use crate::tui::text::width;

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub library: super::LibraryFlag,
}

/// One line a scenario, `ID  LANG  TITLE`, the interface language first, each language by
/// title: the id first, so `kohtaa list | cut -d' ' -f1` gives the ids alone.
pub fn run(ctx: &Context, _args: &ListArgs) -> Result<ExitCode, Error> {
    let library = ctx.library();
    let lang = ctx.lang.code();
    let mut scenarios: Vec<&Scenario> = library.scenarios.iter().map(|s| &s.value).collect();
    scenarios.sort_by(|a, b| {
        (a.language != lang, &a.language, &a.title, &a.id).cmp(&(
            b.language != lang,
            &b.language,
            &b.title,
            &b.id,
        ))
    });
    let ids: Vec<String> = scenarios
        .iter()
        .map(|s| display_safe(&s.id).into_owned())
        .collect();
    let id_w = ids.iter().map(|id| width(id)).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for (s, id) in scenarios.iter().zip(&ids) {
        let pad = " ".repeat(id_w - width(id));
        let line = format!(
            "{id}{pad}  {}  {}",
            display_safe(&s.language),
            display_safe(&s.title)
        );
        if writeln!(out, "{line}").is_err() {
            // A closed pipe (`| head`): stop quietly.
            return Ok(ExitCode::SUCCESS);
        }
    }
    Ok(ExitCode::SUCCESS)
}
