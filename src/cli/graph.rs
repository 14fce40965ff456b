//! `kohtaa graph`: the scenario's graph for Graphviz or Mermaid.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Global, ui_language};
use crate::authoring::graph::{self, Format};
use crate::diagnostics::Render;
use crate::i18n::{T, tf};
use crate::store::draft::{self, Draft, DraftError};

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The scenario file to draw.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// dot for Graphviz (`kohtaa graph FILE | dot -Tpng -o graph.png`), or mermaid.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

/// Loads a draft for an authoring command. A file that does not parse gets its diagnostics
/// on stderr and exit code 1; errors of meaning are shown but do not stop the command.
pub fn load_draft(global: &Global, path: &Path) -> Result<Draft, ExitCode> {
    let lang = ui_language(global);
    let shown = path.display().to_string();
    if !path.is_file() {
        eprintln!("{}", tf(lang, T::CliNoSuchFile, &[("path", &shown)]));
        return Err(ExitCode::from(2));
    }
    let color = crate::diagnostics::stderr_color();
    match draft::load(path, &global.scenarios) {
        Ok(draft) => {
            for d in draft.diagnostics.iter().filter(|d| d.is_error()) {
                eprintln!("{}", d.render_in(lang, color));
            }
            if draft.has_errors() {
                eprintln!("{}", tf(lang, T::DraftHasErrors, &[("path", &shown)]));
            }
            if !draft.model_found {
                eprintln!(
                    "{}",
                    tf(
                        lang,
                        T::DraftNoModel,
                        &[
                            ("model", &draft.scenario.model),
                            ("lang", &draft.scenario.language)
                        ]
                    )
                );
            }
            Ok(draft)
        }
        Err(DraftError::Invalid(diagnostics)) => {
            for d in &diagnostics {
                eprintln!("{}", d.render_in(lang, color));
            }
            Err(ExitCode::from(1))
        }
        Err(DraftError::NotAScenario) => {
            eprintln!("{}", tf(lang, T::DraftNotScenario, &[("path", &shown)]));
            Err(ExitCode::from(1))
        }
    }
}

pub fn run(global: &Global, args: &GraphArgs) -> ExitCode {
    let draft = match load_draft(global, &args.file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let format = match args.format {
        GraphFormat::Dot => Format::Dot,
        GraphFormat::Mermaid => Format::Mermaid,
    };
    let text = graph::render_in(&draft.scenario, &draft.model, format, ui_language(global));
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}
