//! Writes the catalogue's keys, the enum `T`, from the English catalogue
//! (`locales/en/kohtaa.ftl`): one variant per message, its name the message id in
//! UpperCamelCase (`too-small` → `T::TooSmall`), its doc the English text. See `src/l10n.rs`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let source = Path::new(&manifest).join("locales/en/kohtaa.ftl");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).expect("locales/en/kohtaa.ftl is readable");

    // A message starts at the beginning of a line with its id and ` = `; comments start
    // with `#`, continuation lines with a blank, terms with `-`.
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
            "locales/en/kohtaa.ftl:{}: message id `{id}` is not kebab-case",
            n + 1
        );
        messages.push((id.to_owned(), value.trim().to_owned()));
    }

    let mut out = String::new();
    out.push_str(
        "/// A message of the interface catalogue (`locales/<lang>/kohtaa.ftl`), named by\n\
         /// its id in UpperCamelCase. Written by `build.rs` from the English file.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum T {\n",
    );
    for (id, value) in &messages {
        writeln!(
            out,
            "    #[doc = {:?}]\n    {},",
            format!("`{id}`: {}", value.replace('[', "\\[").replace(']', "\\]")),
            camel(id)
        )
        .unwrap();
    }
    out.push_str("}\n\nimpl T {\n    /// Every key, in the English file's order.\n");
    writeln!(out, "    pub const ALL: &'static [T] = &[").unwrap();
    for (id, _) in &messages {
        writeln!(out, "        T::{},", camel(id)).unwrap();
    }
    out.push_str("    ];\n\n    /// The message id in the catalogue files.\n");
    out.push_str("    pub const fn id(self) -> &'static str {\n        match self {\n");
    for (id, _) in &messages {
        writeln!(out, "            T::{} => {id:?},", camel(id)).unwrap();
    }
    out.push_str("        }\n    }\n}\n");

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalogue_keys.rs");
    std::fs::write(dest, out).unwrap();
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
