//! Writes the catalogue's keys from the English files: the enum `T` from
//! `locales/en/kohtaa.ftl` (the interface) and `D` from `locales/en/diagnostics.ftl`; one
//! variant per message, its name the message id in UpperCamelCase (`too-small` →
//! `T::TooSmall`), its doc the English text. See `src/l10n.rs`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let mut out = String::new();
    for (file, name, what) in [
        ("kohtaa.ftl", "T", "the interface catalogue"),
        ("diagnostics.ftl", "D", "the diagnostics catalogue"),
    ] {
        let source = Path::new(&manifest).join("locales/en").join(file);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("locales/en/{file} is readable: {e}"));
        keys(
            &mut out,
            name,
            &format!("{what} (`locales/<lang>/{file}`)"),
            &messages(file, &text),
        );
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue_keys.rs");
    std::fs::write(dest, out).unwrap();
}

/// The messages of a Fluent file, as (id, English text). A message starts at the beginning of
/// a line with its id and ` = `; comments start with `#`, continuation lines with a blank,
/// terms with `-`.
fn messages(file: &str, text: &str) -> Vec<(String, String)> {
    let mut messages = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let Some((id, value)) = line.split_once('=') else {
            continue;
        };
        let id = id.trim_end();
        if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "locales/en/{file}:{}: message id `{id}` is not kebab-case",
            n + 1
        );
        messages.push((id.to_owned(), value.trim().to_owned()));
    }
    messages
}

fn keys(out: &mut String, name: &str, what: &str, messages: &[(String, String)]) {
    writeln!(
        out,
        "/// A message of {what}, named by its id in UpperCamelCase. Written by `build.rs` \
         from the English file.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum {name} {{"
    )
    .unwrap();
    for (id, value) in messages {
        let doc = format!("`{id}`: {}", value.replace('[', "\\[").replace(']', "\\]"));
        writeln!(out, "    #[doc = {doc:?}]\n    {},", camel(id)).unwrap();
    }
    writeln!(
        out,
        "}}\n\nimpl {name} {{\n    /// Every key, in the English file's order."
    )
    .unwrap();
    writeln!(out, "    pub const ALL: &'static [{name}] = &[").unwrap();
    for (id, _) in messages {
        writeln!(out, "        {name}::{},", camel(id)).unwrap();
    }
    writeln!(
        out,
        "    ];\n\n    /// The message id in the catalogue files."
    )
    .unwrap();
    writeln!(
        out,
        "    pub const fn id(self) -> &'static str {{\n        match self {{"
    )
    .unwrap();
    for (id, _) in messages {
        writeln!(out, "            {name}::{} => {id:?},", camel(id)).unwrap();
    }
    writeln!(out, "        }}\n    }}\n}}\n").unwrap();
}

/// `too-small` → `TooSmall`.
fn camel(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}
