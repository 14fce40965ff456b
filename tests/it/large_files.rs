//! Large scenario files (from 1 MiB) have their nodes parsed in parts side by side: the value must be
//! the one a single parse gives, and a problem anywhere must be reported exactly as a single
//! parse reports it.

use kohtaa::content::generate;
use kohtaa::content::parse::parse;
use kohtaa::content::{Library, Scenario, Source};
use kohtaa::store::library::{self, LoadOptions};

/// About 1.2 MB: over the size from which files are split.
fn large() -> String {
    let text = generate::scenario(1_100, 5);
    assert!(text.len() > 1024 * 1024);
    text
}

fn load(text: &str) -> Library {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    std::fs::write(&path, text).unwrap();
    library::load(&LoadOptions {
        paths: vec![path],
        ..LoadOptions::default()
    })
}

#[test]
fn the_value_is_the_one_a_single_parse_gives() {
    let text = large();
    let whole: Scenario = parse(&Source::new("large.ron", text.as_str())).unwrap();
    let lib = load(&text);
    assert_eq!(lib.scenarios.len(), 1, "{:?}", lib.diagnostics);
    assert_eq!(lib.scenarios[0].value, whole);
}

/// `text` with the `n`th-from-last (or from-first) occurrence of `from` replaced.
fn replace_at(text: &str, from: &str, to: &str, from_end: bool) -> String {
    let at = if from_end {
        text.rfind(from)
    } else {
        text.find(from)
    }
    .unwrap();
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

#[test]
fn a_problem_in_either_half_is_reported_as_a_single_parse_reports_it() {
    let text = large();
    for (from, to) in [("mood: 1,", "mood: \"one\","), ("feedback:", "feedbak:")] {
        for from_end in [false, true] {
            let broken = replace_at(&text, from, to, from_end);
            let expected = parse::<Scenario>(&Source::new("x", broken.as_str())).unwrap_err();
            let lib = load(&broken);
            assert!(lib.scenarios.is_empty());
            let d = &lib.diagnostics[0];
            assert_eq!(
                (d.code, d.start(), &d.message),
                (expected.code, expected.start(), &expected.message),
                "{to} near the {}",
                if from_end { "end" } else { "start" }
            );
        }
    }
}
