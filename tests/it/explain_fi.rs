//! `kohtaa explain` speaks the interface language: every code has a Finnish title and
//! explanation, and the English output stays as it was.

use assert_cmd::Command;
use kohtaa::cli::explain::{explain, explain_in, text_in, title_in};
use kohtaa::content::Code;
use kohtaa::lang::Lang;

use insta::assert_snapshot;

use crate::support::cli::{kohtaa, transcript};

fn output(cmd: &mut Command) -> (String, String, Option<i32>) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

/// Finnish letters or small Finnish words, which no English explanation holds.
fn looks_finnish(text: &str) -> bool {
    text.contains(['ä', 'ö'])
        || [" ei ", " ja ", " tai ", " että "]
            .iter()
            .any(|w| text.contains(w))
}

#[test]
fn every_code_has_its_own_finnish_title_and_explanation() {
    for &code in Code::ALL {
        let (title, text) = (title_in(code, Lang::Fi), text_in(code, Lang::Fi));
        assert!(!title.trim().is_empty(), "{code}: no Finnish title");
        assert_ne!(title, code.title(), "{code}: title falls back to English");
        assert_ne!(title, title_in(code, Lang::En), "{code}");
        assert!(text.len() > 40, "{code}: Finnish explanation too short");
        assert_ne!(
            text,
            text_in(code, Lang::En),
            "{code}: explanation falls back to English"
        );
        assert!(looks_finnish(text), "{code}: not Finnish: {text}");
        assert!(!looks_finnish(text_in(code, Lang::En)), "{code}");
    }
}

#[test]
fn every_backticked_snippet_of_the_english_explanation_survives_in_finnish() {
    // Field names, ids and RON snippets are syntax: a translation keeps them as they are.
    for &code in Code::ALL {
        let fi = text_in(code, Lang::Fi);
        for snippet in text_in(code, Lang::En).split('`').skip(1).step_by(2) {
            assert!(fi.contains(&format!("`{snippet}`")), "{code}: `{snippet}`");
        }
    }
}

#[test]
fn the_finnish_text_of_a_code_is_its_finnish_headline_and_explanation() {
    let text = explain_in(Code::UnknownNext, Lang::Fi);
    assert!(
        text.starts_with("K0302 (virhe): next viittaa solmuun, jota ei ole\n\n"),
        "{text}"
    );
    assert!(text.ends_with(".\n"), "{text}");
    assert_eq!(
        explain(Code::UnknownNext),
        explain_in(Code::UnknownNext, Lang::En)
    );
}

#[test]
fn explain_k0302_in_finnish_and_in_english() {
    let data = tempfile::tempdir().unwrap();
    let (fi, _, code) = output(kohtaa(data.path()).args(["--lang", "fi", "explain", "K0302"]));
    assert_eq!(code, Some(0));
    assert_eq!(
        fi,
        "K0302 (virhe): next viittaa solmuun, jota ei ole\n\n\
         Valinnan `next` viittaa solmuun, jota skenaariossa ei ole. Korjaa id (katso\n\
         ehdotus) tai lisää solmu.\n"
    );
    let (en, _, code) = output(kohtaa(data.path()).args(["explain", "K0302"]));
    assert_eq!(code, Some(0));
    assert_eq!(
        en,
        "K0302 (error): next names no node\n\n\
         A choice's `next` names no node of the scenario. Fix the id (see the suggestion)\n\
         or add the node.\n"
    );
}

#[test]
fn a_finnish_locale_is_enough() {
    let data = tempfile::tempdir().unwrap();
    let out = transcript(
        kohtaa(data.path())
            .env("LANG", "fi_FI.UTF-8")
            .args(["explain", "k0606"]),
        &[],
    );
    assert_snapshot!("explain_k0606_fi_locale", out);
}

#[test]
fn the_finnish_list_has_every_code_with_its_finnish_level_and_title_in_columns() {
    let data = tempfile::tempdir().unwrap();
    let (out, _, code) = output(kohtaa(data.path()).args(["--lang", "fi", "explain"]));
    assert_eq!(code, Some(0));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), Code::ALL.len(), "{out}");
    // The titles start in one column, after the longest level word.
    let column = "K0000  huomautus  ".chars().count();
    for (line, &code) in lines.iter().zip(Code::ALL) {
        let level = match code.level() {
            kohtaa::content::Level::Error => "virhe",
            kohtaa::content::Level::Warning => "varoitus",
            kohtaa::content::Level::Note => "huomautus",
        };
        let expected = format!(
            "{}  {level:<9}  {}",
            code.as_str(),
            title_in(code, Lang::Fi)
        );
        assert_eq!(*line, expected);
        let title: String = line.chars().skip(column).collect();
        assert_eq!(title, title_in(code, Lang::Fi));
    }
}

#[test]
fn the_english_list_is_unchanged() {
    let data = tempfile::tempdir().unwrap();
    let (out, _, _) = output(kohtaa(data.path()).args(["--lang", "en", "explain"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "K0101  error    RON syntax error");
    assert!(lines.contains(&"K0206  warning  file in a folder that does not match its contents"));
    assert!(lines.contains(&"K0606  note     user scenario overrides a bundled one"));
    assert_eq!(lines.len(), Code::ALL.len());
}

#[test]
fn no_such_code_in_both_languages() {
    let data = tempfile::tempdir().unwrap();
    let (out, err, code) = output(kohtaa(data.path()).args(["--lang", "fi", "explain", "K9999"]));
    assert_eq!((out.as_str(), code), ("", Some(2)));
    assert_eq!(
        err,
        "virhe: koodia `K9999` ei ole; kaikki koodit näet komennolla `kohtaa explain`\n"
    );
    let (_, err, code) = output(kohtaa(data.path()).args(["explain", "K9999"]));
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "error: no such code `K9999`; run `kohtaa explain` to list them all\n"
    );
}
