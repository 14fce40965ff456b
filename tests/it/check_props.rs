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

/// Characters the text rule reports: errors (controls, C1, separators, bidi) and warnings.
const HOSTILE: &[char] = &[
    '\u{1b}', '\u{7}', '\u{9b}', '\u{85}', '\u{7f}', '\r', '\u{202e}', '\u{200e}', '\u{2066}',
    '\u{2028}', '\u{200b}', '\u{3164}', '\u{200d}', '\u{fe0f}',
];

/// The ways a character can be written inside a string.
fn written(c: char, how: u8) -> String {
    match how % 4 {
        0 => c.to_string(),
        1 => format!("\\u{{{:x}}}", c as u32),
        2 if (c as u32) < 0x80 => format!("\\x{:02x}", c as u32),
        2 => c
            .encode_utf8(&mut [0; 4])
            .bytes()
            .map(|b| format!("\\x{b:02x}"))
            .collect(),
        _ => format!("\\u{:04x}", c as u32),
    }
}

/// The file-level ways the text check was once bypassed: an attribute line, white space ron
/// accepts but a reader of ASCII does not (vertical tab, U+0085, U+200E, U+2028), and raw
/// identifiers.
fn bypassed(text: &str, how: u8) -> String {
    match how % 6 {
        0 => format!("#![enable(implicit_some)]\n{text}"),
        1 => text.replacen("\n", "\n\u{b}", 3),
        2 => text.replace(",\n", ",\u{85}\n"),
        3 => text.replace(": ", ":\u{200e} "),
        4 => text.replacen("(\n", "(\u{2028}\n", 2),
        _ => text
            .replace("    id:", "    r#id:")
            .replace("say:", "r#say:"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    /// Decided on the parsed values: however the file is written, every reported character
    /// of every string is a diagnostic, errors as errors, and each stands at the character or
    /// at the escape that wrote it.
    #[test]
    fn every_unwanted_character_of_every_parsed_string_is_reported(
        seed in 0u64..500,
        inserts in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(HOSTILE), any::<u8>()), 1..6),
        bypass in prop::collection::vec(any::<u8>(), 0..3),
    ) {
        use kohtaa::content::{Level, Scenario, Source, hygiene, text};
        let mut file = kohtaa::content::generate::scenario(4, seed);
        // Insert each character at the start of a string literal chosen at random.
        for (index, c, how) in inserts {
            let starts: Vec<usize> = file.match_indices(": \"").map(|(i, _)| i + 3).collect();
            let at = starts[index.index(starts.len())];
            file.insert_str(at, &written(c, how));
        }
        for how in bypass {
            file = bypassed(&file, how);
        }
        let source = Source::new("en/x.ron", file.as_str());
        let Ok(parsed) = kohtaa::content::parse::parse::<Scenario>(&source) else {
            // An edit the parser refuses (a raw identifier where ron takes none): nothing
            // was parsed, so nothing could be shown.
            return Ok(());
        };
        let expected: Vec<(char, text::Unwanted)> = hygiene::unwanted_strings(&parsed)
            .iter()
            .flat_map(|(_, s)| text::unwanted(s))
            .map(|(_, c, kind)| (c, kind))
            .collect();
        let lib = library::load_texts(&LoadOptions::default(), &[(PathBuf::from("en/x.ron"), file.clone())]);
        let reported: Vec<_> = lib
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str().starts_with("K05"))
            .collect();
        prop_assert_eq!(reported.len(), expected.len(), "{:#?}", reported.iter().map(|d| d.headline()).collect::<Vec<_>>());
        let errors = expected.iter().filter(|(_, k)| k.is_error()).count();
        prop_assert_eq!(reported.iter().filter(|d| d.level == Level::Error).count(), errors);
        prop_assert!(errors == 0 || !lib.broken.is_empty(), "a file with errors is set apart");
        for d in reported {
            let at = &file[d.span.clone()];
            let decoded = if at.starts_with('\\') {
                kohtaa::content::outline::Outline::read(&format!("\"{at}\""))
                    .strings()
                    .first()
                    .map(|l| l.text(&format!("\"{at}\"")))
                    .unwrap_or_default()
            } else {
                at.to_owned()
            };
            let c = decoded.chars().next();
            prop_assert!(c.is_some_and(|c| text::is_unsafe(c) || text::is_invisible(c)), "{} points at {at:?}", d.headline());
        }
    }
}
