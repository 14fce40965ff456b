//! `kohtaa check`: every problem in every file, the way a compiler reports them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Global, color_stdout, user_scenarios_dir};
use crate::content::{Library, LoadOptions};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the bundled library and your own folders).
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
    for path in &args.paths {
        if !path.exists() {
            eprintln!("error: no such file or folder: {}", path.display());
            return ExitCode::from(2);
        }
    }
    let library = if args.paths.is_empty() {
        Library::load(&LoadOptions {
            bundled_scenarios: true,
            folders: user_scenarios_dir()
                .into_iter()
                .chain(global.scenarios.iter().cloned())
                .collect(),
            paths: Vec::new(),
        })
    } else {
        Library::load(&LoadOptions {
            bundled_scenarios: false,
            folders: global.scenarios.clone(),
            paths: args.paths.clone(),
        })
    };
    let mut out = std::io::stdout().lock();
    let color = color_stdout();
    for d in &library.diagnostics {
        let _ = match args.format {
            Format::Text => writeln!(out, "{}", d.render(color)),
            Format::Json => writeln!(out, "{}", d.to_json()),
        };
    }
    if args.format == Format::Text {
        let _ = writeln!(
            out,
            "checked {} files, {} scenarios: {} errors, {} warnings",
            library.files_checked,
            library.scenarios.len() + library.broken.len(),
            library.error_count(),
            library.warning_count()
        );
    }
    if library.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
