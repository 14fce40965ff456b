//! `kohtaa check`: every problem in every file, the way a compiler reports them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Context, Error, Lang};
use crate::content::Library;
use crate::diagnostics::Render;
use crate::i18n::{T, count, tf};
use crate::store::library::{self, LoadOptions};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the bundled library and your own folders).
    ///
    /// Scenarios named here are checked against the encounter models and style files of the
    /// bundled library and of your folders, so a draft can be checked from anywhere.
    ///
    /// `-` reads a scenario from standard input, named `<stdin>` in the report.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format: human-readable text; short, one line a problem with the column in bytes
    /// (for Vim's quickfix and compilers' error formats); or json, one object per line for
    /// editors and CI (docs/check-json.md).
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Text)]
    pub format: Format,
    /// Print only the problems: no summary line, nothing when all is well.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub library: super::LibraryFlag,
    /// Check again each time a file named (or in a folder named, or in your folders) is
    /// saved, until Ctrl-C.
    #[arg(long)]
    pub watch: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Short,
    Json,
}

pub fn run(ctx: &Context, args: &CheckArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    super::stdin::at_most_once(ctx, &args.paths)?;
    let missing: Vec<String> = args
        .paths
        .iter()
        .filter(|p| !p.exists() && !super::stdin::is_stdin(p))
        .map(|path| {
            let path = path.display().to_string();
            let path = crate::content::text::display_safe(&path);
            tf(lang, T::CliNoSuchPath, &[("path", &path)])
        })
        .collect();
    if !missing.is_empty() {
        return Err(Error::usage(missing.join("\n")));
    }
    if args.watch {
        if args.paths.iter().any(|p| super::stdin::is_stdin(p)) {
            return Err(Error::usage(ctx.t(T::WatchStdin).to_owned()));
        }
        return super::watch::check(ctx, args);
    }
    let texts = if args.paths.iter().any(|p| super::stdin::is_stdin(p)) {
        vec![(super::stdin::name(), super::stdin::read_text(ctx)?)]
    } else {
        Vec::new()
    };
    let library = load(ctx, args, &texts);
    // A closed pipe (`kohtaa check | head`) is not an error worth a panic.
    let _ = print(&library, args, lang);
    let code = exit_code(&library);
    // The process ends here: freeing a large library piece by piece would take a fifth of the
    // whole run, and the system reclaims it at once.
    std::mem::forget(library);
    Ok(code)
}

/// The files `check` is asked about, checked, with `texts` (standard input, read already)
/// among them.
pub(super) fn load(ctx: &Context, args: &CheckArgs, texts: &[(PathBuf, String)]) -> Library {
    if args.paths.is_empty() {
        ctx.library()
    } else {
        let options = LoadOptions {
            bundled_scenarios: false,
            folders: ctx.user_folders(),
            paths: args
                .paths
                .iter()
                .filter(|p| !super::stdin::is_stdin(p))
                .cloned()
                .collect(),
        };
        library::load_with_texts(&options, texts)
    }
}

/// Prints the problems found in `library` as `args` asks.
pub(super) fn print(library: &Library, args: &CheckArgs, lang: Lang) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text => write_text(
            &mut out,
            library,
            crate::diagnostics::stdout_color(),
            lang,
            args.quiet,
        )?,
        Format::Short => write_short(&mut out, library, lang)?,
        Format::Json => write_json(&mut out, library)?,
    };
    out.flush()
}

/// 1 when `library` has errors.
pub(super) fn exit_code(library: &Library) -> ExitCode {
    if library.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_text(
    out: &mut impl Write,
    library: &Library,
    color: bool,
    lang: Lang,
    quiet: bool,
) -> std::io::Result<()> {
    for d in &library.diagnostics {
        // Each report ends in a newline; one blank line separates reports.
        writeln!(out, "{}", d.render_in(lang, color))?;
    }
    if quiet {
        return Ok(());
    }
    if let Some(first) = library.diagnostics.first() {
        let code = first.code.to_string();
        writeln!(out, "{}", tf(lang, T::CheckExplain, &[("code", &code)]))?;
    }
    writeln!(out, "{}", summary(library, lang))
}

/// One line a problem and nothing else: no snippet, no summary, so every line is a quickfix
/// entry.
fn write_short(out: &mut impl Write, library: &Library, lang: Lang) -> std::io::Result<()> {
    for d in &library.diagnostics {
        writeln!(out, "{}", d.short_in(lang))?;
    }
    Ok(())
}

fn write_json(out: &mut impl Write, library: &Library) -> std::io::Result<()> {
    for d in &library.diagnostics {
        writeln!(out, "{}", crate::content::json::to_string(&d.to_json()))?;
    }
    Ok(())
}

/// `checked 3 files, 2 scenarios: 1 error, 0 warnings`; in Finnish
/// `tarkistettiin 3 tiedostoa, 2 skenaariota: 1 virhe, 0 varoitusta`.
pub fn summary(library: &Library, lang: Lang) -> String {
    let scenarios = library.scenarios.len() + library.broken.len();
    tf(
        lang,
        T::CheckSummary,
        &[
            (
                "files",
                &count(lang, library.files_checked, T::CliFile, T::CliFiles),
            ),
            (
                "scenarios",
                &count(lang, scenarios, T::CliScenario, T::CliScenarios),
            ),
            (
                "errors",
                &count(lang, library.error_count(), T::CliErrorCount, T::CliErrors),
            ),
            (
                "warnings",
                &count(lang, library.warning_count(), T::CliWarning, T::CliWarnings),
            ),
        ],
    )
}
