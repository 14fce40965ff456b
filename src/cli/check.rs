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
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format: human-readable text; short, one line a problem with the column in bytes
    /// (for Vim's quickfix and compilers' error formats); or json, one object per line for
    /// editors and CI (docs/check-json.md).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Short,
    Json,
}

pub fn run(ctx: &Context, args: &CheckArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    let missing: Vec<String> = args
        .paths
        .iter()
        .filter(|p| !p.exists())
        .map(|path| {
            let path = path.display().to_string();
            let path = crate::content::text::display_safe(&path);
            tf(lang, T::CliNoSuchPath, &[("path", &path)])
        })
        .collect();
    if !missing.is_empty() {
        return Err(Error::usage(missing.join("\n")));
    }
    let library = if args.paths.is_empty() {
        ctx.library()
    } else {
        library::load(&LoadOptions {
            bundled_scenarios: false,
            folders: ctx.user_folders(),
            paths: args.paths.clone(),
        })
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe (`kohtaa check | head`) is not an error worth a panic.
    let _ = match args.format {
        Format::Text => write_text(&mut out, &library, crate::diagnostics::stdout_color(), lang),
        Format::Short => write_short(&mut out, &library, lang),
        Format::Json => write_json(&mut out, &library),
    };
    let code = if library.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here: freeing a large library piece by piece would take a fifth of the
    // whole run, and the system reclaims it at once.
    std::mem::forget(library);
    Ok(code)
}

fn write_text(
    out: &mut impl Write,
    library: &Library,
    color: bool,
    lang: Lang,
) -> std::io::Result<()> {
    for d in &library.diagnostics {
        // Each report ends in a newline; one blank line separates reports.
        writeln!(out, "{}", d.render_in(lang, color))?;
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
