//! `kohtaa history`: the saved runs, and `--forget` to delete them all.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::Args;

use super::{Context, Error, Lang};
use crate::content::text::display_safe;
use crate::content::{Library, Outcome};
use crate::i18n::{self, T, count, t, tf};
use crate::practice::measure::MEASUREMENT_VERSION;
use crate::practice::record::{FORMAT_VERSION, RunStatus, remeasure};
use crate::store::history::{History, LoadProblem, LoadWarning, Store};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Delete every saved run (asks first).
    #[arg(long)]
    pub forget: bool,
    /// Do not ask before deleting.
    #[arg(long, requires = "forget")]
    pub yes: bool,
    #[command(flatten)]
    pub library: super::LibraryFlag,
    #[command(flatten)]
    pub save: super::SaveFlag,
}

/// Loads the history, measured by the current rules where `library` still has each run's
/// scenario unchanged, and prints its warnings to stderr, in `lang`.
pub fn load_reporting(store: &Store, lang: Lang, library: &Library) -> History {
    let mut history = store.load();
    for w in &history.warnings {
        eprintln!("{}", display_safe(&load_warning(w, lang)));
    }
    remeasure(&mut history.records, library);
    history
}

/// A saved run that did not load, with its full path and what was wrong.
fn load_warning(w: &LoadWarning, lang: Lang) -> String {
    let path = w.path.display().to_string();
    let mut text = match &w.problem {
        LoadProblem::Unreadable(why) => {
            tf(lang, T::HistoryUnreadable, &[("path", &path), ("why", why)])
        }
        LoadProblem::Damaged(why) => tf(lang, T::HistoryDamaged, &[("path", &path), ("why", why)]),
        LoadProblem::NewerFormat(v) => tf(
            lang,
            T::HistoryNewer,
            &[
                ("path", &path),
                ("version", &v.to_string()),
                ("supported", &FORMAT_VERSION.to_string()),
            ],
        ),
    };
    if let Some(aside) = &w.set_aside {
        let aside = aside.display().to_string();
        text.push_str(&tf(lang, T::HistoryMovedTo, &[("path", &aside)]));
    }
    text
}

/// The result column: a short word for the outcome (`partial`, `ratkesi osittain`).
fn outcome_word(lang: Lang, outcome: Outcome) -> &'static str {
    t(
        lang,
        match outcome {
            Outcome::Resolved => T::HistoryResolved,
            Outcome::Partial => T::HistoryPartial,
            Outcome::Unresolved => T::HistoryUnresolved,
            Outcome::Escalated => T::HistoryEscalated,
        },
    )
}

pub fn run(ctx: &Context, args: &HistoryArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    let store = ctx.store();
    let dir = store.dir().display().to_string();
    if args.forget {
        return forget(&store, args.yes, lang);
    }
    // The whole library: runs are measured again on their scenarios' nodes.
    let library = ctx.library();
    let history = load_reporting(&store, lang, &library);
    let mut out = std::io::stdout().lock();
    if history.records.is_empty() {
        let _ = writeln!(out, "{}", tf(lang, T::HistoryNone, &[("dir", &dir)]));
        return Ok(ExitCode::SUCCESS);
    }
    let step_name = |scenario: &str, language: &str, step: &str| {
        library
            .scenario(scenario, language)
            .and_then(|s| library.model_for(&s.value))
            .and_then(|m| m.steps.iter().find(|s| s.id == step))
            .map_or_else(|| step.to_owned(), |s| s.name.clone())
    };
    let rows: Vec<[String; 7]> = history
        .records
        .iter()
        .map(|r| {
            let when = r.ended;
            [
                crate::i18n::date_time(when),
                display_safe(&r.scenario).into_owned(),
                display_safe(&r.language).into_owned(),
                match r.status {
                    RunStatus::Finished => r.measurement.outcome.map_or_else(
                        || t(lang, T::HistoryFinished).to_owned(),
                        |o| outcome_word(lang, o).to_owned(),
                    ),
                    RunStatus::Abandoned => t(lang, T::HistoryAbandoned).to_owned(),
                },
                {
                    let abandoned = r.status == RunStatus::Abandoned;
                    let fit = r.measurement.counted_fit(abandoned).map(f64::from);
                    let fit = super::report::percent(fit, lang);
                    // Marked: measured by older rules, explained below the table.
                    if r.is_measured_now() {
                        fit
                    } else {
                        format!("{fit}*")
                    }
                },
                r.focus.as_ref().map_or_else(
                    || "-".to_owned(),
                    |f| {
                        let result = f.result.map_or("?", |r| i18n::step_result(lang, r));
                        let name = step_name(&r.scenario, &r.language, &f.step);
                        format!("{}: {result}", display_safe(&name))
                    },
                ),
                r.usefulness
                    .map_or_else(|| "-".to_owned(), |u| u.to_string()),
            ]
        })
        .collect();
    let header: Vec<String> = super::report::columns(lang, T::HistoryColumns);
    let _ = write!(out, "{}", super::report::table(&header, &rows));
    let older = history
        .records
        .iter()
        .filter(|r| !r.is_measured_now())
        .count();
    if older > 0 {
        let runs = count(lang, older, T::CliRun, T::CliRuns);
        let _ = writeln!(
            out,
            "{}",
            tf(
                lang,
                T::HistoryOlderRules,
                &[
                    ("runs", &runs),
                    ("version", &MEASUREMENT_VERSION.to_string())
                ]
            )
        );
    }
    let runs = count(lang, history.records.len(), T::CliRun, T::CliRuns);
    let _ = writeln!(
        out,
        "{}",
        tf(lang, T::HistoryCount, &[("runs", &runs), ("dir", &dir)])
    );
    Ok(ExitCode::SUCCESS)
}

fn forget(store: &Store, yes: bool, lang: Lang) -> Result<ExitCode, Error> {
    let dir = store.dir().display().to_string();
    if !store.is_enabled() {
        return Err(Error::usage(t(lang, T::HistoryNoSave)));
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::usage(t(lang, T::HistoryNoTerminal)));
        }
        eprint!("{}", tf(lang, T::HistoryConfirm, &[("dir", &dir)]));
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        if std::io::stdin().lock().read_line(&mut answer).is_err()
            || !matches!(
                answer.trim().to_lowercase().as_str(),
                "y" | "yes" | "k" | "kyllä"
            )
        {
            return Err(Error::failed(t(lang, T::HistoryNothingDeleted)));
        }
    }
    match store.forget() {
        Ok(n) => {
            let files = count(lang, n, T::CliFile, T::CliFiles);
            println!(
                "{}",
                tf(lang, T::HistoryDeleted, &[("files", &files), ("dir", &dir)])
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let message = i18n::io_error(lang, &e);
            Err(Error::failed(tf(
                lang,
                T::CliError,
                &[("message", &message)],
            )))
        }
    }
}
