//! The command line: arguments, and one thin module per command over the core layers.

pub mod analyze;
pub mod app;
pub mod check;
pub mod coverage;
pub mod explain;
pub mod export;
pub mod generate;
pub mod graph;
pub mod history;
pub mod new;
pub mod play;
pub mod present;
pub mod profile;
pub mod report;
pub mod test;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::content::{Library, LoadOptions, Style};

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
    #[arg(long, global = true, value_name = "LANG")]
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
pub enum Lang {
    Fi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::En => "en",
        }
    }
}

/// The language diagnostics are written in: the content layer keeps its own small type.
impl From<Lang> for crate::content::Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Fi => crate::content::Language::Fi,
            Lang::En => crate::content::Language::En,
        }
    }
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
    /// Print which steps and customer styles the scenarios practise, as Markdown tables.
    Coverage(coverage::CoverageArgs),
    /// Write a large generated scenario to stdout (for benchmarks; seed: --seed).
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
}

/// The user's data directory: `KOHTAA_DATA_DIR` if set (tests and portable use), else the
/// platform's (e.g. ~/.local/share/kohtaa). Set but empty counts as not set: an empty path
/// would make the current folder the data folder.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("KOHTAA_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("fi", "kohtaa", "kohtaa").map(|d| d.data_dir().to_path_buf())
}

/// The default user folder for scenarios, inside the data directory.
pub fn user_scenarios_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("scenarios"))
}

/// The library the app and most commands use: bundled, the user folder and `--scenarios`.
pub fn load_library(global: &Global) -> Library {
    Library::load(&library_options(global))
}

/// What [`load_library`] loads.
pub fn library_options(global: &Global) -> LoadOptions {
    LoadOptions {
        bundled_scenarios: true,
        folders: user_scenarios_dir()
            .into_iter()
            .chain(global.scenarios.iter().cloned())
            .collect(),
        paths: Vec::new(),
    }
}

/// The language of the interface: `--lang`, else the locale, else English.
pub fn ui_language(global: &Global) -> Lang {
    if let Some(lang) = global.lang {
        return lang;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(value) = std::env::var(var) {
            if value.is_empty() {
                continue;
            }
            return if value.to_lowercase().starts_with("fi") {
                Lang::Fi
            } else {
                Lang::En
            };
        }
    }
    Lang::En
}

/// Whether to colour output written to stdout.
pub fn color_stdout() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Graph(args)) => graph::run(&cli.global, &args),
        Some(Command::Analyze(args)) => analyze::run(&cli.global, &args),
        Some(Command::New(args)) => new::run(&cli.global, &args),
        Some(Command::Test(args)) => test::run(&cli.global, &args),
        Some(Command::Generate(args)) => generate::run(&cli.global, &args),
        None => app::run(&cli.global),
        Some(Command::Check(args)) => check::run(&cli.global, &args),
        Some(Command::Export(args)) => export::run(&cli.global, &args),
        Some(Command::Report(args)) => report::run(&cli.global, &args),
        Some(Command::History(args)) => history::run(&cli.global, &args),
        Some(Command::Profile(args)) => profile::run(&cli.global, &args),
        Some(Command::Explain(args)) => explain::run(&cli.global, &args),
        Some(Command::Play(args)) => play::run(&cli.global, &args),
        Some(Command::Present(args)) => present::run(&cli.global, &args),
        Some(Command::Coverage(args)) => coverage::run(&cli.global, &args),
    }
}
