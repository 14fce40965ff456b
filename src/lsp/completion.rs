//! Completion: the ids a field takes (nodes, steps, pitfalls, models), the words a bare
//! field takes (style letters, outcomes, settings) and the field names of the struct.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Position, TextEdit};

use super::check::Checked;
use super::context;
use super::document::Document;
use crate::content::complete::{Slot, field_names, id_kind, slot_at, words_for};
use crate::content::symbols::{SymbolKind, Symbols};
use crate::i18n::{T, tf};
use crate::lang::Lang;

/// What may be written at `position`, each replacing what is typed there already.
pub fn complete(
    doc: &Document,
    checked: Option<&Checked>,
    position: Position,
    lang: Lang,
) -> Vec<CompletionItem> {
    let offset = doc.offset(position);
    let Some(slot) = slot_at(&doc.text, offset) else {
        return Vec::new();
    };
    match slot {
        Slot::Text { field, typed } => {
            let range = doc.range(typed);
            let choices: Vec<(String, Option<String>, CompletionItemKind)> = match id_kind(&field) {
                Some(SymbolKind::Node) => nodes(doc),
                Some(kind) => model_ids(doc, checked, kind),
                None if field == "model" => checked
                    .map(|c| {
                        let mut ids: Vec<String> = c
                            .library
                            .models
                            .iter()
                            .map(|m| m.value.id.clone())
                            .collect();
                        ids.sort();
                        ids.dedup();
                        ids.into_iter()
                            .map(|id| (id, None, CompletionItemKind::MODULE))
                            .collect()
                    })
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            choices
                .into_iter()
                .map(|(label, detail, kind)| item(label.clone(), detail, kind, range, label))
                .collect()
        }
        Slot::Word { field, typed } => {
            let range = doc.range(typed);
            words_for(&field)
                .into_iter()
                .map(|w| {
                    item(
                        w.into(),
                        None,
                        CompletionItemKind::ENUM_MEMBER,
                        range,
                        w.into(),
                    )
                })
                .collect()
        }
        Slot::FieldName { structure, typed } => {
            let range = doc.range(typed);
            let Some(structure) = structure else {
                return Vec::new();
            };
            let detail = tf(lang, T::LspField, &[("structure", structure)]);
            field_names(structure)
                .into_iter()
                .map(|name| {
                    let insert = format!("{name}: ");
                    item(
                        name.into(),
                        Some(detail.clone()),
                        CompletionItemKind::FIELD,
                        range,
                        insert,
                    )
                })
                .collect()
        }
    }
}

fn item(
    label: String,
    detail: Option<String>,
    kind: CompletionItemKind,
    range: lsp_types::Range,
    new_text: String,
) -> CompletionItem {
    CompletionItem {
        label,
        kind: Some(kind),
        detail,
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text })),
        ..CompletionItem::default()
    }
}

type Choices = Vec<(String, Option<String>, CompletionItemKind)>;

/// The scenario's node ids, each with its first line.
fn nodes(doc: &Document) -> Choices {
    let beside = context::other_node_file(doc);
    let symbols: &Symbols = beside.as_ref().map_or(doc.symbols(), |f| &f.symbols);
    symbols
        .nodes
        .iter()
        .map(|n| {
            let line = n.first_line.as_deref().map(safe);
            (n.id.clone(), line, CompletionItemKind::REFERENCE)
        })
        .collect()
}

/// The model's step or pitfall ids, each with its name.
fn model_ids(doc: &Document, checked: Option<&Checked>, kind: SymbolKind) -> Choices {
    let Some(model) = checked.and_then(|c| context::model(doc, c)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for step in &model.value.steps {
        match kind {
            SymbolKind::Step => out.push((
                step.id.clone(),
                Some(safe(&step.name)),
                CompletionItemKind::VALUE,
            )),
            _ => out.extend(step.pitfalls.iter().map(|p| {
                (
                    p.id.clone(),
                    Some(format!("{} – {}", safe(&p.name), safe(&step.name))),
                    CompletionItemKind::VALUE,
                )
            })),
        }
    }
    out
}

fn safe(text: &str) -> String {
    crate::content::text::display_safe(text).into_owned()
}
