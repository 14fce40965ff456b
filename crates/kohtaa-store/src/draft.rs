//! A scenario file an author is working on, loaded even when it still has errors.
//!
//! `check` refuses a file with errors; the authoring tools draw, analyse and play whatever
//! parses, so an author sees the shape of a draft before every `next` is right.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kohtaa_core::content::parse::parse;
use kohtaa_core::content::{Diagnostic, EncounterModel, Scenario, Source};

use crate::library::{self, LoadOptions};

/// A parsed scenario with the model it is measured against and the file's diagnostics.
#[derive(Clone, Debug)]
pub struct Draft {
    pub scenario: Arc<Scenario>,
    pub model: Arc<EncounterModel>,
    /// False when no model file matches the scenario's `model` and `language`: an empty
    /// model stands in, so nothing is in play and no fit can be measured.
    pub model_found: bool,
    pub source: Source,
    /// Every diagnostic for this file (errors included).
    pub diagnostics: Vec<Diagnostic>,
}

impl Draft {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Why a draft could not be loaded at all.
#[derive(Debug)]
pub enum DraftError {
    /// The file does not parse as a scenario; the diagnostics say why.
    Invalid(Vec<Diagnostic>),
    /// The file holds something else, e.g. a model or a test file.
    NotAScenario,
}

/// Loads one scenario file. Models come from `folders` (e.g. `--scenarios DIR`) and the
/// bundled library.
pub fn load(path: &Path, folders: &[PathBuf]) -> Result<Draft, DraftError> {
    let library = library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: folders.to_vec(),
        paths: vec![path.to_path_buf()],
    });
    from_library(&library, path)
}

/// A scenario's text that is not a file (standard input), named `name` in its diagnostics,
/// loaded as [`load`] loads a file.
pub fn load_text(name: &Path, text: String, folders: &[PathBuf]) -> Result<Draft, DraftError> {
    let options = LoadOptions {
        bundled_scenarios: false,
        folders: folders.to_vec(),
        paths: Vec::new(),
    };
    let library = library::load_texts(&options, &[(name.to_path_buf(), text)]);
    from_library(&library, name)
}

fn from_library(library: &kohtaa_core::content::Library, path: &Path) -> Result<Draft, DraftError> {
    let name = path.display().to_string();
    let ours = |s: &Source| *s.name == *name;
    let diagnostics: Vec<Diagnostic> = library
        .diagnostics
        .iter()
        .filter(|d| ours(&d.source))
        .cloned()
        .collect();
    let (scenario, source) = if let Some(s) = library.scenarios.iter().find(|s| ours(&s.source)) {
        (s.value.clone(), s.source.clone())
    } else if let Some(b) = library.broken.iter().find(|b| ours(&b.source)) {
        // Semantic errors (a `next` to nowhere, say) leave a value worth drawing.
        match parse::<Scenario>(&b.source) {
            Ok(s) => (s, b.source.clone()),
            Err(_) => return Err(DraftError::Invalid(diagnostics)),
        }
    } else if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(DraftError::Invalid(diagnostics));
    } else {
        return Err(DraftError::NotAScenario);
    };
    let (model, model_found) = match library.model_for(&scenario) {
        Some(m) => (m.clone(), true),
        None => (
            EncounterModel {
                id: scenario.model.clone(),
                language: scenario.language.clone(),
                name: String::new(),
                steps: Vec::new(),
            },
            false,
        ),
    };
    Ok(Draft {
        scenario: Arc::new(scenario),
        model: Arc::new(model),
        model_found,
        source,
        diagnostics,
    })
}
