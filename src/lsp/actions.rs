//! Quick fixes: every did-you-mean of the last check, applied exactly as `check --format
//! json`'s `fix` says.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range as LspRange, TextEdit, WorkspaceEdit,
};

use super::check::{Cache, Checked, to_lsp};
use super::document::Document;
use crate::i18n::{T, tf};
use crate::lang::Lang;

/// The fixes for the problems that touch `range`.
// `WorkspaceEdit` is keyed by `Uri`, whose parsed parts sit in cells clippy cannot see
// through; the key is never changed while in the map.
#[allow(clippy::mutable_key_type)]
pub fn quick_fixes(
    doc: &Document,
    checked: &Checked,
    range: LspRange,
    lang: Lang,
    cache: &Cache,
) -> Vec<CodeActionOrCommand> {
    let wanted = doc.span(range);
    checked
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= wanted.end && wanted.start <= d.span.end)
        .filter_map(|d| {
            let s = d.suggestion.as_ref()?;
            let edit = TextEdit::new(doc.range(s.span.clone()), s.replacement.clone());
            let name = crate::content::text::display_safe(&s.text);
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: tf(lang, T::LspFixReplace, &[("name", &name)]),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(d, doc, lang, cache)]),
                edit: Some(WorkspaceEdit::new(HashMap::from([(
                    doc.uri.clone(),
                    vec![edit],
                )]))),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
}
