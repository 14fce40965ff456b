//! `kohtaa check`: every problem in every file, the way a compiler reports them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Global, color_stdout, load_library};
use crate::content::{Library, LoadOptions};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the bundled library and your own folders).
    ///
    /// Scenarios named here are checked against the encounter models and style files of the
    /// bundled library and of your folders, so a draft can be checked from anywhere.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format: human-readable text, or one JSON object per line for editors and CI.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(global: &Global, args: &CheckArgs) -> ExitCode {
    let missing: Vec<&PathBuf> = args.paths.iter().filter(|p| !p.exists()).collect();
    if !missing.is_empty() {
        for path in missing {
            eprintln!(
                "error: no such file or folder: {}",
                crate::content::text::display_safe(&path.display().to_string())
            );
        }
        return ExitCode::from(2);
    }
    let library = if args.paths.is_empty() {
        load_library(global)
    } else {
        Library::load(&LoadOptions {
            bundled_scenarios: false,
            folders: super::user_scenarios_dir()
                .into_iter()
                .chain(global.scenarios.iter().cloned())
                .collect(),
            paths: args.paths.clone(),
        })
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe (`kohtaa check | head`) is not an error worth a panic.
    let _ = match args.format {
        Format::Text => write_text(&mut out, &library, color_stdout()),
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
    code
}

fn write_text(out: &mut impl Write, library: &Library, color: bool) -> std::io::Result<()> {
    for d in &library.diagnostics {
        // Each report ends in a newline; one blank line separates reports.
        writeln!(out, "{}", d.render(color))?;
    }
    if let Some(first) = library.diagnostics.first() {
        writeln!(
            out,
            "To learn more about a code, run `kohtaa explain {}`.",
            first.code
        )?;
    }
    writeln!(out, "{}", summary(library))
}

fn write_json(out: &mut impl Write, library: &Library) -> std::io::Result<()> {
    for d in &library.diagnostics {
        writeln!(out, "{}", d.to_json())?;
    }
    Ok(())
}

/// `checked 3 files, 2 scenarios: 1 error, 0 warnings`.
pub fn summary(library: &Library) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "checked {}, {}: {}, {}",
        count(library.files_checked, "file", "files"),
        count(
            library.scenarios.len() + library.broken.len(),
            "scenario",
            "scenarios"
        ),
        count(library.error_count(), "error", "errors"),
        count(library.warning_count(), "warning", "warnings"),
    )
}
