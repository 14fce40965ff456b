//! `kohtaa coverage`: which steps and customer styles the library's scenarios practise, as
//! Markdown tables (the README's content section keeps a copy).

use std::process::ExitCode;

use clap::Args;

use super::{Context, Error, Lang};
use crate::content::Scenario;
use crate::content::coverage::{Coverage, Words, differences};
use crate::i18n::{T, t, tf};

#[derive(Debug, Args)]
pub struct CoverageArgs {
    #[command(flatten)]
    pub library: super::LibraryFlag,
}

pub fn run(ctx: &Context, _args: &CoverageArgs) -> Result<ExitCode, Error> {
    let library = ctx.library();
    let ui = ctx.lang;
    let lang = ui.code();
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
        return Err(Error::failed(tf(ui, T::CoverageNoModel, &[("lang", lang)])));
    };
    let others: Vec<&Scenario> = scenarios
        .iter()
        .filter(|s| s.model != model.id)
        .copied()
        .collect();
    for s in &others {
        eprintln!(
            "{}",
            tf(
                ui,
                T::CoverageOtherModel,
                &[("id", &s.id), ("model", &s.model), ("counted", &model.id)]
            )
        );
    }
    print!("{}", markdown(&Coverage::of(&scenarios, model), ui));

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
                    "{}",
                    tf(
                        ui,
                        T::CoverageDiffers,
                        &[
                            ("id", &s.id),
                            ("a", &s.language),
                            ("b", &other.language),
                            ("difference", &d)
                        ]
                    )
                );
            }
        }
    }
    Ok(if differ {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The three tables as Markdown in `lang`: steps × scenarios, styles × scenarios, and the
/// figures of each scenario.
pub fn markdown(coverage: &Coverage, lang: Lang) -> String {
    coverage.to_markdown_in(&Words {
        steps_intro: t(lang, T::CoverageStepsIntro),
        step: t(lang, T::CoverageStep),
        fitted_in: t(lang, T::CoverageFittedIn),
        broken_in: t(lang, T::CoverageBrokenIn),
        fits: t(lang, T::CoverageFits),
        breaks: t(lang, T::CoverageBreaks),
        thread: t(lang, T::CoverageThread),
        styles_intro: t(lang, T::CoverageStylesIntro),
        style: t(lang, T::CoverageStyle),
        scenario_count: t(lang, T::CoverageScenarioCount),
        scenarios_intro: t(lang, T::CoverageScenariosIntro),
        columns: t(lang, T::CoverageColumns),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::library;

    #[test]
    fn english_tables_are_the_content_layers_and_finnish_ones_have_the_same_shape() {
        let library = library::bundled();
        for lang in [Lang::En, Lang::Fi] {
            let scenarios: Vec<&Scenario> = library
                .scenarios
                .iter()
                .map(|s| &s.value)
                .filter(|s| s.language == lang.code())
                .collect();
            let model = library.model_for(scenarios[0]).unwrap();
            let coverage = Coverage::of(&scenarios, model);
            let english = coverage.to_markdown();
            let ours = markdown(&coverage, lang);
            if lang == Lang::En {
                assert_eq!(ours, english);
            } else {
                assert_ne!(ours, english);
                // Same rows and columns: only words differ.
                assert_eq!(ours.lines().count(), english.lines().count());
                for (a, b) in ours.lines().zip(english.lines()) {
                    assert_eq!(a.matches('|').count(), b.matches('|').count(), "{a}");
                }
                assert!(ours.contains("| askel |"), "{ours}");
            }
        }
    }
}
