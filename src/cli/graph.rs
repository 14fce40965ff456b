//! `kohtaa graph`: the scenario's graph for Graphviz or Mermaid.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::Global;
use crate::authoring::draft::{self, Draft, DraftError};
use crate::authoring::graph::{self, Format};

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
    if !path.is_file() {
        eprintln!("error: no such file: {}", path.display());
        return Err(ExitCode::from(2));
    }
    let color = color_stderr();
    match draft::load(path, &global.scenarios) {
        Ok(draft) => {
            for d in draft.diagnostics.iter().filter(|d| d.is_error()) {
                eprintln!("{}", d.render(color));
            }
            if draft.has_errors() {
                eprintln!(
                    "note: {} has errors (see above); working on it as it is",
                    path.display()
                );
            }
            if !draft.model_found {
                eprintln!(
                    "note: no model `{}` in language `{}`: steps cannot be measured",
                    draft.scenario.model, draft.scenario.language
                );
            }
            Ok(draft)
        }
        Err(DraftError::Invalid(diagnostics)) => {
            for d in &diagnostics {
                eprintln!("{}", d.render(color));
            }
            Err(ExitCode::from(1))
        }
        Err(DraftError::NotAScenario) => {
            eprintln!("error: {} is not a scenario file", path.display());
            Err(ExitCode::from(1))
        }
    }
}

/// Whether to colour diagnostics written to stderr.
pub fn color_stderr() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
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
    let text = graph::render(&draft.scenario, &draft.model, format);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}
