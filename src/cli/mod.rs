//! The command line: arguments, and one thin module per command over the core layers.
//!
//! [`run`] resolves the settings (options, else the environment, else the configuration file;
//! see [`settings`]) once into a [`Context`] and hands it to the command; a
//! command returns `Result<ExitCode, Error>` (0, or 1 when it found problems) and [`run`]
//! prints an [`Error`] on stderr, in the interface language, with its exit code (2 for usage
//! and input errors, 1 for failures). Rules live in `kohtaa-core`, files in `kohtaa-store`;
//! a command parses, calls and prints.

pub mod analyze;
pub mod app;
pub mod check;
pub mod completions;
pub mod config;
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
mod report_csv;
mod report_tables;
mod report_xlsx;
pub mod settings;
pub mod stdin;
pub mod test;
pub mod watch;

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
    // The app's options; before a command they are also taken for it, as they always were.
    #[command(flatten)]
    pub app: AppFlags,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The options that mean something to every command: the language it speaks, and colour.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Language of the interface: fi or en (default: KOHTAA_LANG, the configuration file, the
    /// locale, else en).
    #[arg(long, global = true, value_name = "LANG", value_parser = |s: &str| s.parse::<Lang>())]
    pub lang: Option<Lang>,
    /// When to colour the output: auto (a terminal, unless NO_COLOR is set or CLICOLOR_FORCE
    /// asks for colour anyway), always or never. Also the app's colours.
    #[arg(long, global = true, value_name = "WHEN", value_enum, ignore_case = true, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

/// `--color`: when output carries colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    #[default]
    Auto,
    Always,
    Never,
}

/// The options of the commands that open the app (`play`, `present`, and none: the app).
#[derive(Debug, Clone, Default, Args)]
pub struct AppFlags {
    #[command(flatten)]
    pub library: LibraryFlag,
    #[command(flatten)]
    pub seed: SeedFlag,
    #[command(flatten)]
    pub save: SaveFlag,
    #[command(flatten)]
    pub theme: ThemeFlag,
}

/// `--scenarios`, for the commands that read the library.
#[derive(Debug, Clone, Default, Args)]
pub struct LibraryFlag {
    /// A folder of your own scenarios, models and style files (repeatable; replaces
    /// KOHTAA_SCENARIOS and the configuration file's folders).
    #[arg(long = "scenarios", value_name = "DIR")]
    pub scenarios: Vec<PathBuf>,
}

/// `--seed`, for the commands that shuffle choices.
#[derive(Debug, Clone, Default, Args)]
pub struct SeedFlag {
    /// Seed for the order of choices, to make a run reproducible.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

/// `--no-save`, for the commands that write the learner's files.
#[derive(Debug, Clone, Default, Args)]
pub struct SaveFlag {
    /// Do not save runs, reflections or the profile.
    #[arg(long)]
    pub no_save: bool,
}

/// `--theme`, for the commands that open the app.
#[derive(Debug, Clone, Default, Args)]
pub struct ThemeFlag {
    /// The app's look: default colours, high-contrast (bold, reverse and underline; nothing
    /// shown by dim, italic or blue alone) or mono. Remembered in your profile; NO_COLOR
    /// always drops the colours.
    #[arg(long, value_name = "THEME", ignore_case = true)]
    pub theme: Option<crate::tui::theme::ThemeChoice>,
}

/// What the command line gave, before a command and in it, put together: a value in the
/// command wins; folders are given in both places add up.
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub scenarios: Vec<PathBuf>,
    pub seed: Option<u64>,
    pub no_save: bool,
    pub theme: Option<crate::tui::theme::ThemeChoice>,
}

impl Given {
    fn add(
        &mut self,
        library: Option<&LibraryFlag>,
        seed: Option<&SeedFlag>,
        save: Option<&SaveFlag>,
        theme: Option<&ThemeFlag>,
    ) {
        if let Some(l) = library {
            self.scenarios.extend(l.scenarios.iter().cloned());
        }
        if let Some(s) = seed.and_then(|s| s.seed) {
            self.seed = Some(s);
        }
        if save.is_some_and(|s| s.no_save) {
            self.no_save = true;
        }
        if let Some(t) = theme.and_then(|t| t.theme) {
            self.theme = Some(t);
        }
    }
}

/// A path as the user reads it, safe to print.
pub fn shown_path(path: &std::path::Path) -> String {
    crate::content::text::display_safe(&path.display().to_string()).into_owned()
}

impl Cli {
    /// The app's options as given before the command and in it.
    pub fn given(&self) -> Given {
        let mut given = Given::default();
        let app = &self.app;
        given.add(
            Some(&app.library),
            Some(&app.seed),
            Some(&app.save),
            Some(&app.theme),
        );
        if let Some(command) = &self.command {
            let (l, s, n, t) = command.flags();
            given.add(l, s, n, t);
        }
        given
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StyleArg {
    // Written as the DiSC model writes them; taken in either case.
    #[value(name = "D")]
    D,
    #[value(name = "i")]
    I,
    #[value(name = "S")]
    S,
    #[value(name = "C")]
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
    /// Write your saved runs as JSON lines (one run a line) for a facilitator, or as xAPI
    /// statements for a learning record store.
    Export(export::ExportArgs),
    /// Summarise many learners' exports: per scenario and choice, and the steps missed most.
    Report(report::ReportArgs),
    /// Check scenario, model, style and test files and report every problem.
    ///
    /// Without PATH: the bundled library and your own folders.
    Check(check::CheckArgs),
    /// Explain a diagnostic code such as K0302, or list every code.
    Explain(explain::ExplainArgs),
    /// Start a new scenario: a commented starting file (ID.ron), or a bundled scenario to adapt
    /// (--from).
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
    /// Show the settings in force and where each came from (flag, environment, file).
    Config(config::ConfigArgs),
    /// Write a completion script for a shell to stdout.
    Completions(completions::CompletionsArgs),
    /// Write the manual page (roff) to stdout.
    Man(completions::ManArgs),
    /// Write a large generated scenario to stdout (for benchmarks; seed: --seed).
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

type Flags<'a> = (
    Option<&'a LibraryFlag>,
    Option<&'a SeedFlag>,
    Option<&'a SaveFlag>,
    Option<&'a ThemeFlag>,
);

impl Command {
    /// The app's options this command takes, as given to it.
    fn flags(&self) -> Flags<'_> {
        match self {
            Command::Play(play::PlayArgs { app, .. })
            | Command::Present(present::PresentArgs { app, .. }) => (
                Some(&app.library),
                Some(&app.seed),
                Some(&app.save),
                Some(&app.theme),
            ),
            Command::Profile(a) => (Some(&a.library), None, Some(&a.save), Some(&a.theme)),
            Command::History(a) => (Some(&a.library), None, Some(&a.save), None),
            Command::List(a) => (Some(&a.library), None, None, None),
            Command::Export(a) => (Some(&a.library), None, None, None),
            Command::Report(a) => (Some(&a.library), None, None, None),
            Command::Check(a) => (Some(&a.library), None, None, None),
            Command::Graph(a) => (Some(&a.library), None, None, None),
            Command::Analyze(a) => (Some(&a.library), None, None, None),
            Command::Test(a) => (Some(&a.library), None, None, None),
            Command::Coverage(a) => (Some(&a.library), None, None, None),
            Command::Lsp(a) => (Some(&a.library), None, None, None),
            Command::Config(a) => (Some(&a.library), None, Some(&a.save), Some(&a.theme)),
            Command::Generate(a) => (None, Some(&a.seed), None, None),
            Command::Explain(_) | Command::New(_) | Command::Completions(_) | Command::Man(_) => {
                (None, None, None, None)
            }
        }
    }
}

/// What the settings ask for (flags, else the environment, else the configuration file),
/// resolved once in [`run`] and handed to every command: the interface language, the
/// library's folders, the seed, whether to save, the theme, colour, and where the learner's
/// files live.
#[derive(Clone, Debug)]
pub struct Context {
    /// The interface language: `--lang`, `KOHTAA_LANG`, the file, the locale, else English.
    pub lang: Lang,
    /// The user's own folders: `--scenarios`, else `KOHTAA_SCENARIOS`, else the file's.
    pub scenarios: Vec<PathBuf>,
    /// The system-wide library folders (an organisation's library for every user).
    pub system_folders: Vec<PathBuf>,
    /// `--seed`.
    pub seed: Option<u64>,
    /// False with `--no-save` (or `KOHTAA_SAVE=false`, or `save = false` in the file): runs,
    /// reflections and the profile are not written.
    pub save: bool,
    /// `--theme`: chosen on the command line, so remembered in the profile.
    pub theme: Option<crate::tui::theme::ThemeChoice>,
    /// `KOHTAA_THEME`: over the profile's theme, never saved.
    pub theme_env: Option<crate::tui::theme::ThemeChoice>,
    /// The configuration file's theme: used when the profile has none.
    pub theme_file: Option<crate::tui::theme::ThemeChoice>,
    /// `--color`.
    pub color: ColorWhen,
    /// The data directory (`KOHTAA_DATA_DIR`, else the platform's); `None` when there is none.
    pub data_dir: Option<PathBuf>,
}

impl Context {
    /// The context of these settings, with the command line's seed and colour.
    pub fn from_settings(
        settings: &settings::Settings,
        seed: Option<u64>,
        color: ColorWhen,
    ) -> Context {
        let theme_from = |wanted: fn(&settings::Origin) -> bool| {
            settings
                .theme
                .as_ref()
                .filter(|(_, o)| wanted(o))
                .map(|(t, _)| *t)
        };
        Context {
            lang: settings.lang.0,
            scenarios: settings.scenarios.iter().map(|(p, _)| p.clone()).collect(),
            system_folders: settings.system_folders.clone(),
            seed,
            save: settings.save.0,
            theme: theme_from(|o| matches!(o, settings::Origin::Flag(_))),
            theme_env: theme_from(|o| matches!(o, settings::Origin::Env(_))),
            theme_file: theme_from(|o| matches!(o, settings::Origin::File)),
            color,
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

    /// The folders of the library beyond the bundle: the system-wide ones, the one in the
    /// data directory, then `--scenarios` (or what the environment or the file set).
    pub fn user_folders(&self) -> Vec<PathBuf> {
        self.system_folders
            .iter()
            .cloned()
            .chain(self.user_scenarios_dir())
            .chain(self.scenarios.iter().cloned())
            .collect()
    }

    /// The folders an author's draft is checked with: `--scenarios` (or the environment's or
    /// the file's) and the system-wide ones, for their models and style files.
    pub fn draft_folders(&self) -> Vec<PathBuf> {
        self.system_folders
            .iter()
            .cloned()
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

/// Runs the command the arguments ask for, with the settings resolved once; an error is
/// printed here, and only here.
pub fn run(cli: Cli) -> ExitCode {
    // Colour for every stream anstream decides for (diagnostics): the flag over NO_COLOR and
    // CLICOLOR_FORCE, which anstream reads itself under `auto`.
    match cli.global.color {
        ColorWhen::Auto => {}
        ColorWhen::Always => anstream::ColorChoice::Always.write_global(),
        ColorWhen::Never => anstream::ColorChoice::Never.write_global(),
    }
    let given = cli.given();
    // What needs no settings works even with a broken configuration file: where that file
    // is, and what a shell or `man` is given (clap's own English, like `--help`).
    match &cli.command {
        Some(Command::Config(args)) if args.path => return config::print_path(),
        Some(Command::Completions(args)) => {
            return completions::completions(args).unwrap_or_else(|e| report_error(&e));
        }
        Some(Command::Man(_)) => return completions::man().unwrap_or_else(|e| report_error(&e)),
        _ => {}
    }
    let flags = settings::Flags {
        lang: cli.global.lang,
        scenarios: given.scenarios.clone(),
        no_save: given.no_save,
        theme: given.theme,
    };
    let settings = match settings::Settings::resolve(&flags) {
        Ok(s) => s,
        Err(message) => return report_error(&Error::usage(message)),
    };
    let ctx = Context::from_settings(&settings, given.seed, cli.global.color);
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
        Some(Command::Config(args)) => config::run(ctx, &settings, &args),
        Some(Command::Completions(args)) => completions::completions(&args),
        Some(Command::Man(_)) => completions::man(),
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
    fn the_apps_options_are_taken_before_the_command_and_in_it() {
        let cli = Cli::try_parse_from([
            "kohtaa",
            "--lang",
            "fi",
            "--no-save",
            "--seed",
            "7",
            "--scenarios",
            "mine",
            "play",
            "--scenarios",
            "also",
            "--seed",
            "8",
            "x",
        ])
        .unwrap();
        let given = cli.given();
        assert_eq!(cli.global.lang, Some(Lang::Fi));
        assert!(given.no_save);
        assert_eq!(given.seed, Some(8));
        assert_eq!(
            given.scenarios,
            [PathBuf::from("mine"), PathBuf::from("also")]
        );
    }

    #[test]
    fn options_appear_only_under_the_commands_they_mean_something_to() {
        assert!(Cli::try_parse_from(["kohtaa", "explain", "--seed", "7"]).is_err());
        assert!(Cli::try_parse_from(["kohtaa", "new", "x", "--no-save"]).is_err());
        assert!(Cli::try_parse_from(["kohtaa", "check", "--theme", "mono"]).is_err());
        assert!(
            Cli::try_parse_from(["kohtaa", "explain", "--lang", "FI", "--color", "NEVER"]).is_ok()
        );
    }
}
