//! A file checked as `kohtaa check` checks it, in the library its folder belongs to, and
//! its problems in the protocol's terms.

use lsp_types::{
    CodeDescription, Diagnostic as LspDiagnostic, DiagnosticSeverity, NumberOrString, Uri,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::document::Document;
use super::uri;
use crate::authoring::analyze::{DEFAULT_STATE_LIMIT, analyze};
use crate::authoring::lint_diagnostics::lint_diagnostics;
use crate::content::library::{FileKind, file_kind};
use crate::content::{Diagnostic, Level, Library, Source};
use crate::lang::Lang;
use crate::store::library::{self, LoadOptions, library_root};

/// A file's last check: its own problems and the library it was checked in (for the
/// models, the other scenarios and their nodes).
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub library: Library,
}

/// Checks `doc` as it stands in the editor, in the library of `folders` (the user's own)
/// and of the folder it lies in. A model or style file is checked on its own: its folder
/// would hold it twice.
pub fn check(doc: &Document, folders: &[PathBuf]) -> Checked {
    let mut folders = folders.to_vec();
    let kind = file_kind(&doc.path, &doc.text);
    let around = match kind {
        FileKind::Scenario => library_root(&doc.path),
        // A tests file plays the scenario beside it, wherever that lies.
        FileKind::Tests => library_root(&doc.path).or_else(|| {
            let beside = super::context::scenario_beside(&doc.path)?;
            beside
                .is_file()
                .then(|| beside.parent().map(Path::to_path_buf))?
        }),
        FileKind::Model | FileKind::Styles => None,
    };
    folders.extend(around);
    let options = LoadOptions {
        bundled_scenarios: false,
        folders,
        paths: Vec::new(),
    };
    let library = library::load_text(&options, doc.path.clone(), doc.text.clone());
    let name = doc.path.display().to_string();
    let mut diagnostics: Vec<Diagnostic> = library
        .diagnostics
        .iter()
        .filter(|d| *d.source.name == *name)
        .cloned()
        .collect();
    diagnostics.extend(lints(&library, &name));
    diagnostics.sort_by_key(|d| d.span.start);
    Checked {
        diagnostics,
        library,
    }
}

/// Scenarios of up to this many nodes get the analyzer's lints too. A larger one's analysis
/// takes longer than typing allows (10,000 nodes: 0.7 s); `kohtaa analyze` has them.
pub const LINT_MAX_NODES: usize = 500;

/// The analyzer's lints for the scenario called `name`, when it has no errors (the analysis
/// needs a sound graph), its model is known and it is small enough.
fn lints(library: &Library, name: &str) -> Vec<Diagnostic> {
    let Some(loaded) = library.scenarios.iter().find(|s| *s.source.name == *name) else {
        return Vec::new();
    };
    let Some(model) = library.model_for(&loaded.value) else {
        return Vec::new();
    };
    if loaded.value.nodes.len() > LINT_MAX_NODES {
        return Vec::new();
    }
    let scenario = Arc::new(loaded.value.clone());
    let analysis = analyze(&scenario, &Arc::new(model.clone()), DEFAULT_STATE_LIMIT);
    lint_diagnostics(&analysis, &scenario, &loaded.source, &loaded.outline)
}

/// A folder of files the server writes for the editor to open: each code's explanation
/// (`explain/en/K0302.md`, the text of `kohtaa explain K0302`, written by the command before
/// the server starts) and the bundled files a definition points into (`bundled/...`).
#[derive(Clone, Debug, Default)]
pub struct Cache {
    pub dir: Option<PathBuf>,
    /// The folder of `explain/` in the interface language (`en`, `fi`).
    pub explanations: String,
}

impl Cache {
    fn explanation(&self, code: &str) -> Option<Uri> {
        let folder = self.dir.as_ref()?.join("explain").join(&self.explanations);
        let path = folder.join(format!("{code}.md"));
        path.is_file().then(|| uri::from_path(&path)).flatten()
    }

    /// The URI of a file the library read: its path, or for a bundled file a copy written
    /// here (rewritten only when it differs, so an editor that has it open is not disturbed).
    pub fn source_uri(&self, source: &Source) -> Option<Uri> {
        let name: &str = &source.name;
        let path = match name.strip_prefix("bundled:") {
            Some(inside) => {
                let path = self.dir.as_ref()?.join("bundled").join(inside);
                let same = std::fs::read(&path).is_ok_and(|t| t == source.text.as_bytes());
                if !same {
                    std::fs::create_dir_all(path.parent()?).ok()?;
                    std::fs::write(&path, source.text.as_bytes()).ok()?;
                }
                path
            }
            None => std::path::absolute(name).ok()?,
        };
        uri::from_path(&path)
    }
}

/// One problem for the editor, in the interface language, with its code linked to its
/// explanation; the notes follow the message on lines of their own.
pub fn to_lsp(d: &Diagnostic, doc: &Document, lang: Lang, cache: &Cache) -> LspDiagnostic {
    let mut message = d.message_in(lang);
    for note in d.notes_in(lang) {
        message.push('\n');
        message.push_str(&note);
    }
    let code = d.code.as_str();
    LspDiagnostic {
        range: doc.range(d.span.clone()),
        severity: Some(match d.level {
            Level::Error => DiagnosticSeverity::ERROR,
            Level::Warning => DiagnosticSeverity::WARNING,
            Level::Note => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(code.to_owned())),
        code_description: cache.explanation(code).map(|href| CodeDescription { href }),
        source: Some("kohtaa".to_owned()),
        message,
        related_information: None,
        tags: None,
        data: None,
    }
}
