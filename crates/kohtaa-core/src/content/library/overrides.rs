//! Which file wins when two say they are the same scenario, model or style file: a user's
//! replaces the bundled one (and says so); two on the same side are an error.

use std::collections::HashMap;

use super::super::codes::Code;
use super::super::diagnostic::Diagnostic;
use super::super::text::display_safe;
use super::super::types::Scenario;
use super::{Broken, Loaded, Origin};
use crate::words;

/// Of files with the same key, a user's replaces the bundled one.
pub(super) fn prefer_user<T, K: Eq + std::hash::Hash>(
    items: Vec<Loaded<T>>,
    key: impl Fn(&Loaded<T>) -> K,
) -> Vec<Loaded<T>> {
    let user_keys: std::collections::HashSet<K> = items
        .iter()
        .filter(|i| i.origin != Origin::Bundled)
        .map(&key)
        .collect();
    items
        .into_iter()
        .filter(|i| i.origin != Origin::Bundled || !user_keys.contains(&key(i)))
        .collect()
}

/// A user scenario with a bundled scenario's id and language replaces it, and says so. Two
/// files with the same id and language on the same side are an error: the second is set apart.
pub(super) fn resolve_overrides(
    scenarios: Vec<Loaded<Scenario>>,
) -> (Vec<Loaded<Scenario>>, Vec<Diagnostic>, Vec<Broken>) {
    use super::super::outline::Seg;
    let mut diags = Vec::new();
    let mut duplicates = Vec::new();
    // (id, language, bundled?) -> the first file of that key.
    let mut first: HashMap<(String, String, bool), usize> = HashMap::new();
    let mut kept = Vec::with_capacity(scenarios.len());
    for s in scenarios {
        let key = (
            s.value.id.clone(),
            s.value.language.clone(),
            s.origin == Origin::Bundled,
        );
        if let Some(&i) = first.get(&key) {
            // (Looked up only here: even a skim for a position costs a read of the file.)
            let span = s.outline.span(&[Seg::Field("id")]).unwrap_or(0..0);
            let other: &Loaded<Scenario> = &kept[i];
            let d = Diagnostic::new(Code::DuplicateId, &s.source, span, {
                let (id, language) = (&s.value.id, &s.value.language);
                words!(ScenarioDefinedTwice, id, language)
            })
            .note({
                let other = display_safe(&other.source.name);
                words!(AlsoDefined, other)
            });
            duplicates.push(Broken {
                source: s.source.clone(),
                origin: s.origin.clone(),
                id: Some(s.value.id.clone()),
                first_error: d.clone(),
            });
            diags.push(d);
        } else {
            first.insert(key, kept.len());
            kept.push(s);
        }
    }
    for user in kept.iter().filter(|s| s.origin != Origin::Bundled) {
        let bundled = (user.value.id.clone(), user.value.language.clone(), true);
        if first.contains_key(&bundled) {
            let span = user.outline.span(&[Seg::Field("id")]).unwrap_or(0..0);
            diags.push(Diagnostic::new(Code::Override, &user.source, span, {
                let (id, language) = (&user.value.id, &user.value.language);
                words!(ThisReplacesBundledScenario, id, language)
            }));
        }
    }
    let kept = prefer_user(kept, |s| (s.value.id.clone(), s.value.language.clone()));
    (kept, diags, duplicates)
}
