//! Every did-you-mean is a fix that applies as it is: its span is exactly what it replaces,
//! so the file it makes no longer has the problem (what `check --format json`'s `fix` and the
//! language server's quick fixes rest on).

use std::path::{Path, PathBuf};

use kohtaa::content::{Diagnostic, Library};
use kohtaa::store::library::{self, LoadOptions};

use crate::support;

/// Each fixture file under `tests/fixtures/check`, with the files loaded beside it: a file
/// in a language or model folder comes with the rest of its folder (a tests file needs its
/// scenario), a file at the top stands alone.
fn fixture_groups() -> Vec<(PathBuf, Vec<PathBuf>)> {
    let top = support::fixture("check");
    let ron = |dir: &Path| -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        files
    };
    let mut groups: Vec<(PathBuf, Vec<PathBuf>)> = ron(&top)
        .into_iter()
        .map(|f| (f.clone(), vec![f]))
        .collect();
    for sub in ["en", "fi", "models"] {
        let files = ron(&top.join(sub));
        for f in &files {
            groups.push((f.clone(), files.clone()));
        }
    }
    groups
}

fn load(texts: &[(PathBuf, String)]) -> Library {
    library::load_texts(&LoadOptions::default(), texts)
}

fn read(files: &[PathBuf]) -> Vec<(PathBuf, String)> {
    files
        .iter()
        .filter_map(|f| Some((f.clone(), String::from_utf8(std::fs::read(f).ok()?).ok()?)))
        .collect()
}

fn in_file<'a>(library: &'a Library, file: &Path) -> impl Iterator<Item = &'a Diagnostic> {
    let name = file.display().to_string();
    library
        .diagnostics
        .iter()
        .filter(move |d| *d.source.name == *name)
}

/// Applies each suggestion of `file` and checks again: the problem it was offered for is gone.
/// Returns how many were applied.
fn apply_each(file: &Path, texts: &[(PathBuf, String)]) -> usize {
    let library = load(texts);
    let mut applied = 0;
    for d in in_file(&library, file) {
        let Some(s) = &d.suggestion else { continue };
        let fixed: Vec<(PathBuf, String)> = texts
            .iter()
            .map(|(p, t)| (p.clone(), if p == file { s.apply(t) } else { t.clone() }))
            .collect();
        let again = load(&fixed);
        let still: Vec<String> = in_file(&again, file)
            .filter(|e| e.code == d.code && e.span.start == d.span.start)
            .map(Diagnostic::headline)
            .collect();
        assert!(
            still.is_empty(),
            "{} fixed by {s:?} still reports {still:?}",
            d.headline()
        );
        applied += 1;
    }
    applied
}

#[test]
fn every_suggestion_in_the_fixtures_applies_and_the_problem_goes() {
    let mut applied = 0;
    for (file, group) in fixture_groups() {
        applied += apply_each(&file, &read(&group));
    }
    // K0102, K0202, K0204, K0301, K0302, K0401, K0402 and the tests files' K0701, K0702.
    assert!(applied >= 9, "only {applied} suggestions applied");
}

/// Each suggestion offered for `text`: its code, the text it replaces and what it puts there.
fn suggestions(file: &Path, text: &str) -> Vec<(String, String, String)> {
    let library = load(&[(file.to_path_buf(), text.to_owned())]);
    in_file(&library, file)
        .filter_map(|d| {
            let s = d.suggestion.as_ref()?;
            let replaced = text[s.span.clone()].to_owned();
            Some((d.code.to_string(), replaced, s.replacement.clone()))
        })
        .collect()
}

fn triple(code: &str, replaced: &str, replacement: &str) -> (String, String, String) {
    (code.into(), replaced.into(), replacement.into())
}

#[test]
fn a_suggestion_replaces_the_inside_of_quotes_and_a_bare_name_whole() {
    let file = PathBuf::from("held-out.ron");
    let text = std::fs::read_to_string(support::fixture("check/k0302_unknown_next.ron"))
        .unwrap()
        .replace("style: S", "style: S, about: \"Äänekäs äiti 👩‍👧\"")
        .replace("outcome: Resolved", "outcome: Resolvd")
        .replace("title:", "titel:");
    // RON stops at the first problem it reads: the misspelt field.
    assert_eq!(
        suggestions(&file, &text),
        [triple("K0102", "titel", "title")]
    );
    let text = text.replace("titel:", "title:");
    assert_eq!(
        suggestions(&file, &text),
        [triple("K0105", "Resolvd", "Resolved")]
    );
    assert_eq!(apply_each(&file, &[(file.clone(), text.clone())]), 1);
    let text = text.replace("Resolvd", "Resolved");
    assert_eq!(suggestions(&file, &text), [triple("K0302", "dnoe", "done")]);
    assert_eq!(apply_each(&file, &[(file.clone(), text)]), 1);
}
