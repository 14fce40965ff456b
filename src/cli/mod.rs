//! The command line: arguments, and one thin module per command over the core layers.
//!
//! [`run`] resolves the global flags once into a [`Context`] and hands it to the command; a
//! command returns `Result<ExitCode, Error>` (0, or 1 when it found problems) and [`run`]
//! prints an [`Error`] on stderr, in the interface language, with its exit code (2 for usage
//! and input errors, 1 for failures). Rules live in `kohtaa-core`, files in `kohtaa-store`;
//! a command parses, calls and prints.

pub mod analyze;
pub mod app;
pub mod check;
pub mod coverage;
pub mod explain;
pub mod export;
pub mod generate;
pub mod graph;
pub mod history;
pub mod list;
pub mod lsp;
pub mod new;
pub mod play;
pub mod present;
pub mod profile;
pub mod report;
pub mod test;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::content::{Library, Style};
use crate::i18n::{T, t, tf};
use crate::lang::Lang;
use crate::store::history::Store;
use crate::store::library::{self, LoadOptions};

/// Practise difficult customer encounters, and write the scenarios to practise them with.
///
/// Run without a command to open the practice app on the bundled library.
#[derive(Debug, Parser)]
#[command(name = "kohtaa", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Language of the interface: fi or en (default: from LC_ALL / LANG, else en).
    #[arg(long, global = true, value_name = "LANG", value_parser = |s: &str| s.parse::<Lang>())]
    pub lang: Option<Lang>,
    /// A folder of your own scenarios, models and style files (repeatable).
    #[arg(long = "scenarios", global = true, value_name = "DIR")]
    pub scenarios: Vec<PathBuf>,
    /// Seed for the order of choices, to make a run reproducible.
    #[arg(long, global = true, value_name = "N")]
    pub seed: Option<u64>,
    /// Do not save runs, reflections or the profile.
    #[arg(long, global = true)]
    pub no_save: bool,
    /// The app's look: default colours, high-contrast (bold, reverse and underline; nothing
    /// shown by dim, italic or blue alone) or mono. Remembered in your profile; NO_COLOR
    /// always drops the colours.
    #[arg(long, global = true, value_name = "THEME")]
    pub theme: Option<crate::tui::theme::ThemeChoice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StyleArg {
    D,
    I,
    S,
    C,
}

impl From<StyleArg> for Style {
    fn from(s: StyleArg) -> Style {
        match s {
            StyleArg::D => Style::D,
            StyleArg::I => Style::I,
            StyleArg::S => Style::S,
            StyleArg::C => Style::C,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play one scenario, by id or from a file: in the app, or in plain text with --plain.
    Play(play::PlayArgs),
    /// Present a scenario to a room: reveal, vote, explore branches, four-style debrief.
    Present(present::PresentArgs),
    /// List the scenarios by the id that `play ID` and `present ID` take, with language and title.
    List(list::ListArgs),
    /// Show your profile (your style), change it, or delete it.
    ///
    /// The profile is stored only on this computer.
    Profile(profile::ProfileArgs),
    /// List your saved runs, or delete them all with --forget.
    History(history::HistoryArgs),
    /// Write your saved runs as JSON lines (one run a line), e.g. for a facilitator.
    Export(export::ExportArgs),
    /// Summarise many learners' exports: per scenario and choice, and the steps missed most.
    Report(report::ReportArgs),
    /// Check scenario, model, style and test files and report every problem.
    ///
    /// Without PATH: the bundled library and your own folders.
    Check(check::CheckArgs),
    /// Explain a diagnostic code such as K0302, or list every code.
    Explain(explain::ExplainArgs),
    /// Write a commented starting file for a new scenario (ID.ron).
    New(new::NewArgs),
    /// Draw a scenario's graph for Graphviz (dot) or Mermaid.
    Graph(graph::GraphArgs),
    /// Prove things about every path through a scenario: endings, loops, fit, pedagogy lints.
    Analyze(analyze::AnalyzeArgs),
    /// Run the playthroughs in *.tests.ron files and report what differs.
    ///
    /// Without PATH: the bundled library and your own folders.
    Test(test::TestArgs),
    /// A language server for editors: problems as you type, completion, go to definition,
    /// quick fixes (over standard input and output; see docs/editors.md).
    Lsp(lsp::LspArgs),
    /// Print which steps and customer styles the scenarios practise, as Markdown tables.
    Coverage(coverage::CoverageArgs),
    /// Write a large generated scenario to stdout (for benchmarks; seed: --seed).
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

/// What the global flags ask for, resolved once in [`run`] and handed to every command: the
/// interface language, the user's folders, the seed, whether to save, the theme, and where
/// the learner's files live.
#[derive(Clone, Debug)]
pub struct Context {
    /// The interface language: `--lang`, else the locale, else English.
    pub lang: Lang,
    /// `--scenarios`: the user's own folders given on the command line.
    pub scenarios: Vec<PathBuf>,
    /// `--seed`.
    pub seed: Option<u64>,
    /// False with `--no-save`: runs, reflections and the profile are not written.
    pub save: bool,
    /// `--theme`.
    pub theme: Option<crate::tui::theme::ThemeChoice>,
    /// The data directory (`KOHTAA_DATA_DIR`, else the platform's); `None` when there is none.
    pub data_dir: Option<PathBuf>,
}

impl Context {
    /// The context the global flags ask for.
    pub fn new(global: &Global) -> Context {
        Context {
            lang: ui_language(global),
            scenarios: global.scenarios.clone(),
            seed: global.seed,
            save: !global.no_save,
            theme: global.theme,
            data_dir: crate::store::data_dir(),
        }
    }

    /// The message `key` in the interface language.
    pub fn t(&self, key: T) -> &'static str {
        t(self.lang, key)
    }

    /// The message `key` in the interface language, with its values.
    pub fn tf(&self, key: T, args: &[(&str, &str)]) -> String {
        tf(self.lang, key, args)
    }

    /// The user's own scenario folder in the data directory.
    pub fn user_scenarios_dir(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(crate::store::scenarios_dir)
    }

    /// The folders of the user's own files: the one in the data directory, then `--scenarios`.
    pub fn user_folders(&self) -> Vec<PathBuf> {
        self.user_scenarios_dir()
            .into_iter()
            .chain(self.scenarios.iter().cloned())
            .collect()
    }

    /// What [`Context::library`] loads: bundled, the user folder and `--scenarios`.
    pub fn library_options(&self) -> LoadOptions {
        LoadOptions {
            bundled_scenarios: true,
            folders: self.user_folders(),
            paths: Vec::new(),
        }
    }

    /// The library the app and most commands use: bundled, the user folder and `--scenarios`.
    pub fn library(&self) -> Library {
        library::load(&self.library_options())
    }

    /// The run store the app and commands use: `<data dir>/runs`, disabled by `--no-save`.
    pub fn store(&self) -> Store {
        match &self.data_dir {
            Some(dir) => Store::in_data_dir(dir, self.save),
            None => Store::nowhere(),
        }
    }
}

/// Why a command stopped: the message, already worded in the interface language where it
/// was found, and the exit code. [`run`] prints it, on stderr, and exits with the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// `None`: nothing more to say (the problems were shown as they were found, as
    /// diagnostics, or need no words, as a closed pipe).
    message: Option<String>,
    code: u8,
}

impl Error {
    /// A usage or input error: a missing file, an unknown id, a bad value (exit code 2).
    pub fn usage(message: impl Into<String>) -> Error {
        Error {
            message: Some(message.into()),
            code: 2,
        }
    }

    /// The command could not do what was asked (exit code 1).
    pub fn failed(message: impl Into<String>) -> Error {
        Error {
            message: Some(message.into()),
            code: 1,
        }
    }

    /// An exit code with nothing more to say.
    pub fn exit(code: u8) -> Error {
        Error {
            message: None,
            code,
        }
    }

    /// The message, if there is one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The exit code: 2 for usage and input errors, 1 for failures.
    pub fn code(&self) -> u8 {
        self.code
    }
}

/// Prints `error` on stderr (its message is already in the interface language); its exit code.
pub fn report_error(error: &Error) -> ExitCode {
    if let Some(message) = &error.message {
        let _ = writeln!(std::io::stderr().lock(), "{message}");
    }
    ExitCode::from(error.code)
}

/// The language of the interface: `--lang`, else the locale, else English.
pub fn ui_language(global: &Global) -> Lang {
    if let Some(lang) = global.lang {
        return lang;
    }
    // The POSIX variables first, in their order of precedence; a locale kohtaa does not
    // speak means English. Windows and macOS often set none: ask the system.
    let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty());
    let locale = from_env.or_else(sys_locale::get_locale);
    locale
        .and_then(|l| Lang::from_locale(&l))
        .unwrap_or(Lang::En)
}

/// Runs the command the arguments ask for, with the global flags resolved once; an error is
/// printed here, and only here.
pub fn run(cli: Cli) -> ExitCode {
    let ctx = Context::new(&cli.global);
    let ctx = &ctx;
    let outcome = match cli.command {
        Some(Command::Graph(args)) => graph::run(ctx, &args),
        Some(Command::Analyze(args)) => analyze::run(ctx, &args),
        Some(Command::New(args)) => new::run(ctx, &args),
        Some(Command::Test(args)) => test::run(ctx, &args),
        Some(Command::Generate(args)) => generate::run(ctx, &args),
        None => app::run(ctx),
        Some(Command::Check(args)) => check::run(ctx, &args),
        Some(Command::Export(args)) => export::run(ctx, &args),
        Some(Command::Report(args)) => report::run(ctx, &args),
        Some(Command::History(args)) => history::run(ctx, &args),
        Some(Command::Profile(args)) => profile::run(ctx, &args),
        Some(Command::Explain(args)) => explain::run(ctx, &args),
        Some(Command::Play(args)) => play::run(ctx, &args),
        Some(Command::List(args)) => list::run(ctx, &args),
        Some(Command::Present(args)) => present::run(ctx, &args),
        Some(Command::Coverage(args)) => coverage::run(ctx, &args),
        Some(Command::Lsp(args)) => lsp::run(ctx, &args),
    };
    outcome.unwrap_or_else(|e| report_error(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_errors_exit_with_2_failures_with_1_and_a_bare_exit_says_nothing() {
        let usage = Error::usage("no such file");
        assert_eq!((usage.message(), usage.code()), (Some("no such file"), 2));
        let failed = Error::failed("cannot write");
        assert_eq!((failed.message(), failed.code()), (Some("cannot write"), 1));
        let quiet = Error::exit(1);
        assert_eq!((quiet.message(), quiet.code()), (None, 1));
    }

    #[test]
    fn the_context_is_the_global_flags_resolved() {
        let cli = Cli::try_parse_from([
            "kohtaa",
            "--lang",
            "fi",
            "--no-save",
            "--seed",
            "7",
            "--scenarios",
            "mine",
            "list",
        ])
        .unwrap();
        let ctx = Context::new(&cli.global);
        assert_eq!(ctx.lang, Lang::Fi);
        assert!(!ctx.save);
        assert_eq!(ctx.seed, Some(7));
        assert_eq!(ctx.scenarios, [PathBuf::from("mine")]);
        assert_eq!(ctx.user_folders().last(), Some(&PathBuf::from("mine")));
        let options = ctx.library_options();
        assert!(options.bundled_scenarios);
        assert_eq!(options.folders, ctx.user_folders());
    }
}
