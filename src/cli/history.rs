//! `kohtaa history`: the saved runs, and `--forget` to delete them all.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::Args;

use super::{Global, data_dir};
use crate::content::text::display_safe;
use crate::store::history::{History, RunStatus, Store};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Delete every saved run (asks first).
    #[arg(long)]
    pub forget: bool,
    /// Do not ask before deleting.
    #[arg(long, requires = "forget")]
    pub yes: bool,
}

/// The run store the app and commands use: `<data dir>/runs`, disabled by `--no-save`.
pub fn run_store(global: &Global) -> Store {
    match data_dir() {
        Some(dir) => Store::in_data_dir(&dir, !global.no_save),
        None => Store::nowhere(),
    }
}

/// Loads the history and prints its warnings to stderr.
pub fn load_reporting(store: &Store) -> History {
    let history = store.load();
    for w in &history.warnings {
        eprintln!("warning: {}", display_safe(&w.to_string()));
    }
    history
}

pub fn run(global: &Global, args: &HistoryArgs) -> ExitCode {
    let store = run_store(global);
    if args.forget {
        return forget(&store, args.yes);
    }
    let history = load_reporting(&store);
    let mut out = std::io::stdout().lock();
    if history.records.is_empty() {
        let _ = writeln!(out, "no saved runs in {}", store.dir().display());
        return ExitCode::SUCCESS;
    }
    let rows: Vec<[String; 7]> = history
        .records
        .iter()
        .map(|r| {
            let when = r.ended;
            [
                format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}",
                    when.year(),
                    u8::from(when.month()),
                    when.day(),
                    when.hour(),
                    when.minute()
                ),
                display_safe(&r.scenario).into_owned(),
                display_safe(&r.language).into_owned(),
                match r.status {
                    RunStatus::Finished => r
                        .measurement
                        .outcome
                        .map_or("finished", |o| o.name())
                        .to_lowercase(),
                    RunStatus::Abandoned => "abandoned".to_owned(),
                },
                r.measurement
                    .fit
                    .map_or_else(|| "-".to_owned(), |f| format!("{f}%")),
                r.focus.as_ref().map_or_else(
                    || "-".to_owned(),
                    |f| {
                        let result = f.result.map_or("?", |r| match r {
                            crate::practice::StepResult::Shown => "shown",
                            crate::practice::StepResult::Broken => "broken",
                            crate::practice::StepResult::Missed => "missed",
                            crate::practice::StepResult::NotInPlay => "not in play",
                        });
                        format!("{}: {result}", display_safe(&f.step))
                    },
                ),
                r.usefulness
                    .map_or_else(|| "-".to_owned(), |u| u.to_string()),
            ]
        })
        .collect();
    let header = [
        "when", "scenario", "lang", "result", "fit", "focus", "useful",
    ]
    .map(str::to_owned);
    let _ = write!(out, "{}", super::report::table(&header, &rows));
    let _ = writeln!(
        out,
        "{} runs in {}",
        history.records.len(),
        store.dir().display()
    );
    ExitCode::SUCCESS
}

fn forget(store: &Store, yes: bool) -> ExitCode {
    if !store.is_enabled() {
        eprintln!("error: --no-save is set (or there is no data folder): nothing deleted");
        return ExitCode::from(2);
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            eprintln!("error: not asking without a terminal; add --yes to delete every saved run");
            return ExitCode::from(2);
        }
        eprint!(
            "Delete every saved run in {}? This cannot be undone. [y/N] ",
            store.dir().display()
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        if std::io::stdin().lock().read_line(&mut answer).is_err()
            || !matches!(
                answer.trim().to_lowercase().as_str(),
                "y" | "yes" | "k" | "kyllä"
            )
        {
            eprintln!("nothing deleted");
            return ExitCode::from(1);
        }
    }
    match store.forget() {
        Ok(n) => {
            println!("deleted {n} files from {}", store.dir().display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
