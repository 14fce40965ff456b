//! The code explanations are documents, `docs/codes/<lang>/<code>.md` (docs/codes/README.md
//! says how to add one): one for every code in every language, none for a code or a language
//! that does not exist, each in the shape `kohtaa explain` reads, and the binary holds them
//! as they are on disk.

use std::path::{Path, PathBuf};

use kohtaa::cli::explain::{parse_document, text_in, title_in};
use kohtaa::content::Code;
use kohtaa::lang::Lang;

fn codes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes")
}

fn document_path(code: Code, lang: Lang) -> PathBuf {
    codes_dir()
        .join(lang.code())
        .join(format!("{}.md", code.as_str()))
}

fn read(code: Code, lang: Lang) -> String {
    let path = document_path(code, lang);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The entries of a folder, with their file names, in order.
fn entries(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut entries: Vec<(PathBuf, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let entry = entry.unwrap();
            (
                entry.path(),
                entry.file_name().to_string_lossy().into_owned(),
            )
        })
        .collect();
    entries.sort();
    entries
}

#[test]
fn every_code_has_a_document_in_every_language() {
    let missing: Vec<PathBuf> = Lang::ALL
        .iter()
        .flat_map(|&lang| Code::ALL.iter().map(move |&code| document_path(code, lang)))
        .filter(|path| !path.is_file())
        .collect();
    assert!(
        missing.is_empty(),
        "codes without an explanation (see docs/codes/README.md): {missing:#?}"
    );
}

#[test]
fn no_document_for_a_code_or_a_language_that_does_not_exist() {
    let languages: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let mut strays = Vec::new();
    for (path, name) in entries(&codes_dir()) {
        if path.is_dir() && languages.contains(&name.as_str()) {
            for (doc, name) in entries(&path) {
                // Exactly `K0302.md`: `k0302.md` would be found on some file systems only.
                let known = name
                    .strip_suffix(".md")
                    .and_then(Code::parse)
                    .is_some_and(|code| name == format!("{}.md", code.as_str()));
                if !known || !doc.is_file() {
                    strays.push(doc);
                }
            }
        } else if name != "README.md" {
            strays.push(path);
        }
    }
    assert!(
        strays.is_empty(),
        "files for no code or language (see docs/codes/README.md): {strays:#?}"
    );
}

#[test]
fn every_document_is_a_title_a_blank_line_and_an_explanation() {
    for &lang in &Lang::ALL {
        for &code in Code::ALL {
            let source = read(code, lang);
            let path = document_path(code, lang);
            let path = path.display();
            assert!(parse_document(&source).is_some(), "{path}: {source:?}");
            let (heading, rest) = source.split_once('\n').unwrap();
            assert!(
                heading.starts_with("# ") && heading.trim() == heading,
                "{path}"
            );
            assert!(
                rest.starts_with('\n') && !rest.starts_with("\n\n"),
                "{path}: one blank line after the title"
            );
            assert!(
                source.ends_with('\n') && !source.ends_with("\n\n"),
                "{path}: ends with one newline"
            );
            assert!(!source.contains('\r'), "{path}: line ends are \\n");
            for line in source.lines() {
                assert_eq!(line.trim_end(), line, "{path}: white space at a line end");
            }
        }
    }
}

#[test]
fn the_english_titles_are_the_codes_own() {
    // `kohtaa explain` lists the titles from the documents; the table in codes.rs has them too.
    for &code in Code::ALL {
        assert_eq!(title_in(code, Lang::En), code.title(), "{code}");
    }
}

#[test]
fn the_binary_holds_every_document_as_it_is_on_disk() {
    // An explanation added or edited without a rebuild would fail here (build.rs watches
    // docs/codes, as include_dir! cannot).
    for &lang in &Lang::ALL {
        for &code in Code::ALL {
            let source = read(code, lang);
            let (title, text) = parse_document(&source).unwrap();
            assert_eq!(title_in(code, lang), title, "{code} {}", lang.code());
            assert_eq!(text_in(code, lang), text, "{code} {}", lang.code());
        }
    }
}
