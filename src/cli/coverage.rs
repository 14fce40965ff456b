//! `kohtaa coverage`: which steps and customer styles the library's scenarios practise, as
//! Markdown tables (the README's content section keeps a copy).

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Args;

use super::{Global, Lang, load_library, ui_language};
use crate::content::coverage::{Coverage, differences};
use crate::content::{Scenario, Style};
use crate::i18n::{T, t, tf};

#[derive(Debug, Args)]
pub struct CoverageArgs {}

pub fn run(global: &Global, _args: &CoverageArgs) -> ExitCode {
    let library = load_library(global);
    let ui = ui_language(global);
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
        eprintln!("{}", tf(ui, T::CoverageNoModel, &[("lang", lang)]));
        return ExitCode::from(1);
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
    if differ {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The three tables as Markdown in `lang`: steps × scenarios, styles × scenarios, and the
/// figures of each scenario. In English this is exactly `Coverage::to_markdown`, which the
/// README keeps a copy of; ids and outcomes stay as the files write them.
pub fn markdown(coverage: &Coverage, lang: Lang) -> String {
    let mut out = String::new();
    let ids: Vec<&str> = coverage.scenarios.iter().map(|s| s.id.as_str()).collect();

    let _ = writeln!(out, "{}\n", t(lang, T::CoverageStepsIntro));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        t(lang, T::CoverageStep),
        ids.join(" | "),
        t(lang, T::CoverageFittedIn),
        t(lang, T::CoverageBrokenIn)
    );
    let _ = writeln!(out, "|---|{}---|---|", "---|".repeat(ids.len()));
    let (fits, breaks) = (t(lang, T::CoverageFits), t(lang, T::CoverageBreaks));
    let both = format!("{fits} {breaks}");
    for row in &coverage.steps {
        let label = if row.thread {
            format!(
                "{} ({}, {})",
                row.step,
                row.name,
                t(lang, T::CoverageThread)
            )
        } else {
            format!("{} ({})", row.step, row.name)
        };
        let cells: Vec<&str> = row
            .fitted
            .iter()
            .zip(&row.broken)
            .map(|(&f, &b)| match (f, b) {
                (true, true) => both.as_str(),
                (true, false) => fits,
                (false, true) => breaks,
                (false, false) => "·",
            })
            .collect();
        let _ = writeln!(
            out,
            "| {label} | {} | {} | {} |",
            cells.join(" | "),
            row.fitted_in(),
            row.broken_in()
        );
    }

    let _ = writeln!(out, "\n{}\n", t(lang, T::CoverageStylesIntro));
    let _ = writeln!(
        out,
        "| {} | {} | {} |",
        t(lang, T::CoverageStyle),
        ids.join(" | "),
        t(lang, T::CoverageScenarioCount)
    );
    let _ = writeln!(out, "|---|{}---|", "---|".repeat(ids.len()));
    for style in Style::ALL {
        let cells: Vec<&str> = coverage
            .scenarios
            .iter()
            .map(|s| if s.style == style { "x" } else { "·" })
            .collect();
        let _ = writeln!(
            out,
            "| {style} | {} | {} |",
            cells.join(" | "),
            coverage.style_count(style)
        );
    }

    let _ = writeln!(out, "\n{}\n", t(lang, T::CoverageScenariosIntro));
    let _ = writeln!(out, "| {} |", t(lang, T::CoverageColumns));
    out.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    for s in &coverage.scenarios {
        let outcomes: Vec<&str> = s.outcomes.iter().map(|o| o.name()).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            s.id,
            s.style,
            s.difficulty,
            s.focus.join(", "),
            s.nodes,
            s.endings,
            outcomes.join(", "),
            s.mood_routes,
            s.facilitator_notes,
            s.style_tips
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;

    #[test]
    fn english_tables_are_the_content_layers_and_finnish_ones_have_the_same_shape() {
        let library = Library::bundled();
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
