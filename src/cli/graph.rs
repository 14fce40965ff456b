//! `kohtaa graph`: the scenario's graph for Graphviz or Mermaid.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{Context, Error};
use crate::authoring::graph::{self, Format};
use crate::diagnostics::Render;
use crate::i18n::{T, tf};
use crate::store::draft::{self, Draft, DraftError};

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The scenario file to draw (`-`: standard input).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// dot for Graphviz (`kohtaa graph FILE | dot -Tpng -o graph.png`), or mermaid.
    #[arg(long, value_enum, ignore_case = true, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    #[command(flatten)]
    pub library: super::LibraryFlag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

/// Loads a draft for an authoring command. A file that does not parse gets its diagnostics
/// on stderr and exit code 1; errors of meaning are shown but do not stop the command.
pub fn load_draft(ctx: &Context, path: &Path) -> Result<Draft, Error> {
    let lang = ctx.lang;
    let from_stdin = super::stdin::is_stdin(path);
    let shown = if from_stdin {
        super::stdin::name().display().to_string()
    } else {
        path.display().to_string()
    };
    if !from_stdin && !path.is_file() {
        return Err(Error::usage(tf(
            lang,
            T::CliNoSuchFile,
            &[("path", &shown)],
        )));
    }
    let color = crate::diagnostics::stderr_color();
    let loaded = if from_stdin {
        let text = super::stdin::read_text(ctx)?;
        draft::load_text(&super::stdin::name(), text, &ctx.draft_folders())
    } else {
        draft::load(path, &ctx.draft_folders())
    };
    match loaded {
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
            Err(Error::exit(1))
        }
        // Not a scenario at all (a model, a test file): the wrong input, as a missing file is.
        Err(DraftError::NotAScenario) => Err(Error::usage(tf(
            lang,
            T::DraftNotScenario,
            &[("path", &shown)],
        ))),
    }
}

pub fn run(ctx: &Context, args: &GraphArgs) -> Result<ExitCode, Error> {
    let draft = load_draft(ctx, &args.file)?;
    let format = match args.format {
        GraphFormat::Dot => Format::Dot,
        GraphFormat::Mermaid => Format::Mermaid,
    };
    let text = graph::render_in(&draft.scenario, &draft.model, format, ctx.lang);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}
