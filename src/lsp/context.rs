//! What a request about a file needs beyond the file: the scenario whose nodes it names
//! (itself, or beside a tests file) and the encounter model whose steps it names.

use std::path::{Path, PathBuf};

use super::check::Checked;
use super::document::Document;
use crate::content::library::{FileKind, file_kind, string_field};
use crate::content::symbols::Symbols;
use crate::content::{EncounterModel, Loaded};

/// A file's nodes: where they are written and in which file.
pub struct NodeFile {
    /// `None`: the document itself.
    pub path: Option<PathBuf>,
    pub text: String,
    pub symbols: Symbols,
}

/// The scenario a tests file plays: `x.ron` beside `x.tests.ron`.
pub fn scenario_beside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".tests.ron")?;
    Some(path.with_file_name(format!("{stem}.ron")))
}

/// The file whose nodes `doc` names: a tests file's scenario, read from disk; else `None`
/// (the document's own).
pub fn other_node_file(doc: &Document) -> Option<NodeFile> {
    let path = scenario_beside(&doc.path)?;
    let text = crate::content::library::prepare(std::fs::read_to_string(&path).ok()?);
    let symbols = Symbols::read(&text);
    Some(NodeFile {
        path: Some(path),
        text,
        symbols,
    })
}

/// The model of the scenario `doc` is (or plays), or the model `doc` is, as the library has
/// it.
pub fn model<'a>(doc: &Document, checked: &'a Checked) -> Option<&'a Loaded<EncounterModel>> {
    let beside = other_node_file(doc);
    let header = beside
        .as_ref()
        .map_or(doc.text.as_str(), |f| f.text.as_str());
    let language = string_field(header, "language")?;
    let id = match file_kind(&doc.path, header) {
        // A model's own steps: the library's reading of this model.
        FileKind::Model => string_field(header, "id")?,
        _ => string_field(header, "model").unwrap_or_else(|| "default".to_owned()),
    };
    checked
        .library
        .models
        .iter()
        .find(|m| m.value.id == id && m.value.language == language)
}
