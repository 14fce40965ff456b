//! `kohtaa coverage`: which steps and customer styles the library's scenarios practise, as
//! Markdown tables (the README's content section keeps a copy).

use std::process::ExitCode;

use clap::Args;

use super::{Global, load_library, ui_language};
use crate::content::Scenario;
use crate::content::coverage::{Coverage, differences};

#[derive(Debug, Args)]
pub struct CoverageArgs {}

pub fn run(global: &Global, _args: &CoverageArgs) -> ExitCode {
    let library = load_library(global);
    let lang = ui_language(global).code();
    let mut scenarios: Vec<&Scenario> = library
        .scenarios
        .iter()
        .map(|s| &s.value)
        .filter(|s| s.language == lang)
        .collect();
    scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    let Some(model) = scenarios
        .first()
        .and_then(|s| library.model_for(s))
        .or_else(|| {
            library
                .models
                .iter()
                .map(|m| &m.value)
                .find(|m| m.language == lang)
        })
    else {
        eprintln!("error: no encounter model in language `{lang}`");
        return ExitCode::from(1);
    };
    let others: Vec<&Scenario> = scenarios
        .iter()
        .filter(|s| s.model != model.id)
        .copied()
        .collect();
    for s in &others {
        eprintln!(
            "note: `{}` uses the model `{}`; the table counts it against `{}`",
            s.id, s.model, model.id
        );
    }
    print!("{}", Coverage::of(&scenarios, model).to_markdown());

    // The versions of a scenario in other languages must measure the same; say where not.
    let mut differ = false;
    for s in &scenarios {
        for other in library
            .scenarios
            .iter()
            .map(|o| &o.value)
            .filter(|o| o.id == s.id && o.language != s.language)
        {
            for d in differences(s, other) {
                differ = true;
                eprintln!(
                    "warning: `{}` ({} / {}) differs: {d}",
                    s.id, s.language, other.language
                );
            }
        }
    }
    if differ {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
