//! Go to definition, find references, rename, the outline and hover: node ids within a
//! scenario (and from its tests file), steps and pitfalls into the encounter model.

use std::collections::HashMap;

use lsp_types::{
    DocumentSymbol, Hover, HoverContents, Location, MarkupContent, MarkupKind, Position,
    SymbolKind as LspSymbolKind, TextEdit, WorkspaceEdit,
};

use super::check::{Cache, Checked};
use super::context::{self, NodeFile};
use super::document::Document;
use super::positions::{Encoding, LineIndex};
use crate::content::symbols::{NodeEntry, Occurrence, SymbolKind, Symbols};
use crate::content::validate::is_valid_id;
use crate::i18n::{T, tf};
use crate::lang::Lang;

/// A place in the document or in the file of its nodes, in the client's encoding.
fn located(
    doc: &Document,
    file: &NodeFile,
    span: std::ops::Range<usize>,
    enc: Encoding,
) -> Option<Location> {
    match &file.path {
        None => Some(Location::new(doc.uri.clone(), doc.range(span))),
        Some(path) => {
            let lines = LineIndex::new(&file.text, enc);
            Some(Location::new(
                super::uri::from_path(path)?,
                lines.range(&file.text, span),
            ))
        }
    }
}

/// The document's own nodes, or those of the scenario its tests are about.
fn node_file(doc: &Document) -> NodeFile {
    context::other_node_file(doc).unwrap_or_else(|| NodeFile {
        path: None,
        text: String::new(),
        symbols: Symbols::default(),
    })
}

fn nodes<'a>(doc: &'a Document, file: &'a NodeFile) -> &'a Symbols {
    match file.path {
        None => doc.symbols(),
        Some(_) => &file.symbols,
    }
}

/// Where the id at `position` is defined.
pub fn definition(
    doc: &Document,
    checked: Option<&Checked>,
    cache: &Cache,
    position: Position,
    enc: Encoding,
) -> Option<Location> {
    let at = doc.symbols().at(doc.offset(position))?.clone();
    match at.kind {
        SymbolKind::Node => {
            let file = node_file(doc);
            let def = nodes(doc, &file).definition(SymbolKind::Node, &at.id)?;
            located(doc, &file, def.literal.clone(), enc)
        }
        SymbolKind::Step | SymbolKind::Pitfall => {
            let model = context::model(doc, checked?)?;
            let symbols = Symbols::read(&model.source.text);
            let def = symbols.definition(at.kind, &at.id)?;
            let uri = cache.source_uri(&model.source)?;
            let lines = LineIndex::new(&model.source.text, enc);
            Some(Location::new(
                uri,
                lines.range(&model.source.text, def.literal.clone()),
            ))
        }
    }
}

/// Every place in the document the id at `position` is written (a node's uses in its
/// tests file are not searched: that file may not be open).
pub fn references(doc: &Document, position: Position, include_declaration: bool) -> Vec<Location> {
    let symbols = doc.symbols();
    let Some(at) = symbols.at(doc.offset(position)) else {
        return Vec::new();
    };
    symbols
        .all(at.kind, &at.id)
        .filter(|o| include_declaration || !o.defines)
        .map(|o| Location::new(doc.uri.clone(), doc.range(o.literal.clone())))
        .collect()
}

/// The node id at `position`, which a rename would change.
pub fn renamable(doc: &Document, position: Position) -> Option<&Occurrence> {
    let symbols = doc.symbols();
    let at = symbols.at(doc.offset(position))?;
    (at.kind == SymbolKind::Node && symbols.definition(SymbolKind::Node, &at.id).is_some())
        .then_some(at)
}

/// Renames the node id at `position` everywhere in the file; an error in words when the
/// place holds no node id or the new name is not a valid id.
// `WorkspaceEdit` is keyed by `Uri`, whose parsed parts sit in cells clippy cannot see
// through; the key is never changed while in the map.
#[allow(clippy::mutable_key_type)]
pub fn rename(
    doc: &Document,
    position: Position,
    new_name: &str,
    lang: Lang,
) -> Result<WorkspaceEdit, String> {
    let Some(at) = renamable(doc, position) else {
        return Err(tf(lang, T::LspRenameNotNode, &[]));
    };
    if !is_valid_id(new_name) {
        return Err(tf(lang, T::LspRenameBadId, &[("id", new_name)]));
    }
    let edits: Vec<TextEdit> = doc
        .symbols()
        .all(SymbolKind::Node, &at.id)
        .map(|o| TextEdit::new(doc.range(o.span.clone()), new_name.to_owned()))
        .collect();
    let changes = HashMap::from([(doc.uri.clone(), edits)]);
    Ok(WorkspaceEdit::new(changes))
}

/// The outline: the scenario's nodes, each with its first line.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must be given, though no one reads it.
pub fn outline(doc: &Document) -> Vec<DocumentSymbol> {
    doc.symbols()
        .nodes
        .iter()
        .map(|node: &NodeEntry| DocumentSymbol {
            name: node.id.clone(),
            detail: node.first_line.clone(),
            kind: if node.ending {
                LspSymbolKind::EVENT
            } else {
                LspSymbolKind::OBJECT
            },
            tags: None,
            deprecated: None,
            range: doc.range(node.span.clone()),
            selection_range: doc.range(node.id_span.clone()),
            children: None,
        })
        .collect()
}

/// A node's first line, or a step's or pitfall's name and description.
pub fn hover(
    doc: &Document,
    checked: Option<&Checked>,
    position: Position,
    lang: Lang,
) -> Option<Hover> {
    let at = doc.symbols().at(doc.offset(position))?.clone();
    let text = match at.kind {
        SymbolKind::Node => {
            let file = node_file(doc);
            let node = nodes(doc, &file).node(&at.id)?;
            let key = if node.ending {
                T::LspHoverEnding
            } else {
                T::LspHoverNode
            };
            let head = tf(lang, key, &[("id", &at.id)]);
            match &node.first_line {
                Some(line) => format!("{head}\n\n{}", safe(line)),
                None => head,
            }
        }
        SymbolKind::Step => {
            let model = &context::model(doc, checked?)?.value;
            let step = model.step(&at.id)?;
            let head = tf(
                lang,
                T::LspHoverStep,
                &[("id", &at.id), ("name", &step.name)],
            );
            format!("{head}\n\n{}", safe(&step.description))
        }
        SymbolKind::Pitfall => {
            let model = &context::model(doc, checked?)?.value;
            let (step, pitfall) = model.pitfall(&at.id)?;
            let head = tf(
                lang,
                T::LspHoverPitfall,
                &[("id", &at.id), ("step", &step.id), ("name", &pitfall.name)],
            );
            format!("{head}\n\n{}", safe(&pitfall.description))
        }
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::PlainText,
            value: text,
        }),
        range: Some(doc.range(at.literal)),
    })
}

/// Text from a shared file, made safe to show.
fn safe(text: &str) -> String {
    crate::content::text::display_safe(text).into_owned()
}
