//! Loading never panics, whatever the bytes, and every reported span lies inside its file.

use kohtaa::diagnostics::Render;
use kohtaa::store::library::{self, LoadOptions};
use std::path::PathBuf;

use proptest::prelude::*;

use crate::support::fixture;

fn base() -> String {
    let path = fixture("check/valid/en/library-fine.ron");
    std::fs::read_to_string(path).unwrap()
}

/// Checks `text` as a file named `name` and asserts every span is a valid range of it.
fn check(name: &str, text: &str) {
    let lib = library::load_texts(
        &LoadOptions::default(),
        &[(PathBuf::from(name), text.to_owned())],
    );
    for d in &lib.diagnostics {
        if &*d.source.name != name {
            continue;
        }
        let src = &d.source.text;
        assert!(d.span.start <= d.span.end, "{:?}", d.span);
        assert!(d.span.end <= src.len(), "{:?} beyond {}", d.span, src.len());
        assert!(src.is_char_boundary(d.span.start) && src.is_char_boundary(d.span.end));
        let (line, col) = d.start();
        assert!(line >= 1 && col >= 1);
        let rendered = d.render(false);
        assert!(!rendered.contains('\x1b'));
    }
}

/// Pieces that steer random edits into interesting places.
const PIECES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "\\u{1b}",
    "\\u{202e}",
    "\\x",
    "\\xe2\\x80",
    "r#\"",
    "\"#",
    "//",
    "/*",
    "*/",
    "Some(",
    "next: \"",
    "id: \"desk\", ",
    "ä",
    "\u{202e}",
    "\u{1b}",
    "\n",
    "-9999999999999999999999",
    "routes: [(next: \"x\")]",
    "ending: (outcome: Resolved, summary: \"\"),",
];

fn edit() -> impl Strategy<Value = (usize, usize, String)> {
    (
        any::<usize>(),
        0usize..12,
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_owned),
            any::<String>(),
        ],
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        std::fs::write(&path, &bytes).unwrap();
        let lib = library::load(&LoadOptions { paths: vec![path], ..LoadOptions::default() });
        for d in &lib.diagnostics {
            prop_assert!(d.span.end <= d.source.text.len());
            prop_assert!(d.span.start <= d.span.end);
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        check("en/x.ron", &text);
    }

    #[test]
    fn edited_scenarios_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let mut text = base();
        for (at, delete, insert) in edits {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) { at -= 1; }
            let mut end = (at + delete).min(text.len());
            while !text.is_char_boundary(end) { end += 1; }
            text.replace_range(at..end, &insert);
        }
        check("en/library-fine.ron", &text);
        check("models/default.en.ron", &text.replacen("(", "EncounterModel(", 1));
        check("en/x.tests.ron", &text.replacen("(", "ScenarioTests(", 1));
    }
}
