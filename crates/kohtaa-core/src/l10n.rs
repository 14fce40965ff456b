//! The catalogue: every word the program itself says, per language, in Fluent files
//! (`crates/kohtaa-core/locales/<code>/*.ftl`, embedded: the core reads no files). Scenario,
//! model and style texts are content and come from their own files.
//!
//! This is the ground floor of the core: it depends on [`crate::lang`] only, so content,
//! practice and the interface words of `i18n` can all speak through it.
//!
//! Use: `t(lang, T::Quit)`, `tf(lang, T::MoodChange, &[("from", "−2"), ("to", "+1")])` for a
//! message with variables (`{ $from }`), `count(lang, n, T::CliFile, T::CliFiles)`.
//!
//! # Keys
//!
//! [`T`] (the interface, `kohtaa.ftl`) and [`D`] (diagnostics, `diagnostics.ftl`) are written
//! by `build.rs` from the English files: one variant per message, named by its id in
//! UpperCamelCase (`too-small` → `T::TooSmall`), with the English text as its doc. The
//! English files are thus the one list of messages: a message added there is a key at once,
//! a message removed or renamed there fails to compile where it was used, and no hand-kept
//! list of keys can drift from the files. The other languages are checked by a test: exactly
//! the English ids, each with the same variables.
//!
//! To add a message: add `id = English text` to `locales/en/kohtaa.ftl` and its translation
//! under the same id to every other language's file; use it as `T::Id`. A diagnostic's
//! message goes to `diagnostics.ftl` and is used as `words!(Id, value, ...)`.
//!
//! # Speed
//!
//! The bundles are parsed once per language, on first use. [`t`] formats every message of a
//! language once, into a table, and returns `&'static str` from it; [`tf`] resolves a
//! message's pieces (text and variables) from a table too, and joins the values in.
//!
//! # The pseudo-locale
//!
//! [`Lang::Pseudo`] (`--lang en-XA`) reads the English files with Fluent's `transform` hook:
//! every letter of a message's own text is accented (`Scenarios` → `Šçéñåŕîöš`) and every
//! message with words of its own is put in brackets (`[Šçéñåŕîöš]`). The values put into a
//! message, and string literals (`{"  "}`, used for formats and blanks), stay as they are.
//! A test runs every command and screen in it and fails on any undecorated line of
//! interface text.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

pub use crate::lang::Lang;

include!(concat!(env!("OUT_DIR"), "/catalogue_keys.rs"));

type Bundle = FluentBundle<FluentResource>;
type Pattern = ast::Pattern<&'static str>;

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: T) -> &'static str {
    static TEXTS: [OnceLock<Box<[&'static str]>>; Lang::COUNT] =
        [const { OnceLock::new() }; Lang::COUNT];
    TEXTS[lang as usize].get_or_init(|| {
        T::ALL
            .iter()
            .map(|&key| match format(lang, pattern(lang, key), None) {
                Cow::Borrowed(text) => text,
                // Formatted once per language and kept for the program's life.
                Cow::Owned(text) => &*Box::leak(text.into_boxed_str()),
            })
            .collect()
    })[key as usize]
}

/// The text of `key` with each `{ $name }` replaced by its value. Values are put in as they
/// are (never read as Fluent); a variable without a value shows as `{$name}`. Values are
/// not made safe for a terminal here, below the rule that says what is safe: outside
/// `content` and `practice`, use `i18n::tf`, which does.
pub fn tf(lang: Lang, key: T, args: &[(&str, &str)]) -> String {
    let compiled = &compiled(lang)[key as usize];
    let Some(pieces) = &compiled.pieces else {
        return format_with(lang, compiled.pattern, args);
    };
    let mut text = String::with_capacity(compiled.len + 16 * args.len());
    if compiled.bracketed {
        text.push('[');
    }
    for piece in pieces {
        match piece {
            Piece::Text(words) => text.push_str(words),
            Piece::Value(name) => match args.iter().find(|(n, _)| n == name) {
                Some((_, value)) => text.push_str(value),
                None => {
                    text.push_str("{$");
                    text.push_str(name);
                    text.push('}');
                }
            },
        }
    }
    if compiled.bracketed {
        text.push(']');
    }
    text
}

/// `n` with the word form that reads right after it: `one` for exactly 1, `many` otherwise
/// ("1 file", "0 files", "3 files"; "1 tiedosto", "0 tiedostoa", "3 tiedostoa"). Both
/// messages hold `{ $n }`.
pub fn count(lang: Lang, n: usize, one: T, many: T) -> String {
    tf(
        lang,
        if n == 1 { one } else { many },
        &[("n", &n.to_string())],
    )
}

/// The message `id` of any catalogue file (for messages named at run time, such as a
/// diagnostic's), with its values; `None` if no file of `lang` or of English has it.
pub fn message(lang: Lang, id: &str, args: &[(&str, &str)]) -> Option<String> {
    let pattern = message_pattern(lang, id)?;
    Some(format_with(lang, pattern, args))
}

/// The diagnostics catalogue's message `key` with its values (see `content::diagnostic`).
pub fn d(lang: Lang, key: D, args: &[(&str, &str)]) -> String {
    let pattern = message_pattern(lang, key.id())
        .unwrap_or_else(|| panic!("no message `{}` in English", key.id()));
    format_with(lang, pattern, args)
}

/// Text decorated as the pseudo-locale decorates a message's own words, for interface text
/// kept outside Fluent files (the code explanations, which are documents).
pub fn pseudo(text: &str) -> String {
    format!("[{}]", accented(text))
}

fn format_with(lang: Lang, pattern: &'static Pattern, args: &[(&str, &str)]) -> String {
    let mut values = FluentArgs::with_capacity(args.len());
    for &(name, value) in args {
        values.set(name, FluentValue::from(value));
    }
    format(lang, pattern, Some(&values)).into_owned()
}

fn format(
    lang: Lang,
    pattern: &'static Pattern,
    args: Option<&FluentArgs<'_>>,
) -> Cow<'static, str> {
    // A variable without a value is shown as `{$name}`, which is all the error says.
    let mut errors = Vec::new();
    let text = bundle(lang).format_pattern(pattern, args, &mut errors);
    if lang.is_pseudo() && has_words(pattern) {
        Cow::Owned(format!("[{text}]"))
    } else {
        text
    }
}

/// The parsed pattern of `key` in `lang`.
fn pattern(lang: Lang, key: T) -> &'static Pattern {
    compiled(lang)[key as usize].pattern
}

/// A message ready to format, made once per language: its pattern, and for a pattern of only
/// text, string literals and variables (every message so far) the pieces to join, which
/// [`tf`] puts together without going through Fluent's resolver (as fast as the hand-made
/// formatting it replaced); a test sees that both give the same text.
struct Compiled {
    pattern: &'static Pattern,
    pieces: Option<Box<[Piece]>>,
    /// The length of the text pieces.
    len: usize,
    /// Put in brackets: the pseudo-locale's message with words of its own.
    bracketed: bool,
}

enum Piece {
    /// Text as shown (accented in the pseudo-locale; a string literal as it stands).
    Text(Box<str>),
    /// A variable, by name.
    Value(&'static str),
}

fn compiled(lang: Lang) -> &'static [Compiled] {
    static COMPILED: [OnceLock<Box<[Compiled]>>; Lang::COUNT] =
        [const { OnceLock::new() }; Lang::COUNT];
    COMPILED[lang as usize].get_or_init(|| {
        T::ALL
            .iter()
            .map(|key| {
                let pattern = message_pattern(lang, key.id())
                    .unwrap_or_else(|| panic!("no message `{}` in English", key.id()));
                compile(lang, pattern)
            })
            .collect()
    })
}

fn compile(lang: Lang, pattern: &'static Pattern) -> Compiled {
    let mut pieces = Vec::new();
    let mut simple = true;
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } if lang.is_pseudo() => {
                pieces.push(Piece::Text(accented(value).into()));
            }
            ast::PatternElement::TextElement { value } => pieces.push(Piece::Text((*value).into())),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(inline),
            } => match inline {
                ast::InlineExpression::StringLiteral { value } => pieces.push(Piece::Text(
                    fluent_syntax::unicode::unescape_unicode_to_string(value).into(),
                )),
                ast::InlineExpression::VariableReference { id } => {
                    pieces.push(Piece::Value(id.name));
                }
                _ => simple = false,
            },
            ast::PatternElement::Placeable { .. } => simple = false,
        }
    }
    let len = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(text) => text.len(),
            Piece::Value(_) => 0,
        })
        .sum();
    Compiled {
        pattern,
        pieces: simple.then(|| pieces.into_boxed_slice()),
        len,
        bracketed: lang.is_pseudo() && has_words(pattern),
    }
}

fn has_words(pattern: &Pattern) -> bool {
    pattern
        .elements
        .iter()
        .any(|e| matches!(e, ast::PatternElement::TextElement { .. }))
}

/// `id`'s pattern in `lang`, else in English (a test keeps every language complete).
fn message_pattern(lang: Lang, id: &str) -> Option<&'static Pattern> {
    let value = |lang| bundle(lang).get_message(id).and_then(|m| m.value());
    value(lang).or_else(|| value(Lang::En))
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; Lang::COUNT] = [const { OnceLock::new() }; Lang::COUNT];
    BUNDLES[lang as usize].get_or_init(|| {
        let tag: unic_langid::LanguageIdentifier =
            lang.tag().parse().expect("every language's tag is valid");
        let mut bundle = Bundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks: the text goes to terminals, not to a bidi renderer.
        bundle.set_use_isolating(false);
        if lang.is_pseudo() {
            bundle.set_transform(Some(|text| Cow::Owned(accented(text))));
        }
        for source in lang.catalogue_files() {
            let resource =
                FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(_, errors)| {
                    panic!("the {} catalogue does not parse: {errors:?}", lang.tag())
                });
            bundle
                .add_resource(resource)
                .unwrap_or_else(|errors| panic!("{} catalogue: {errors:?}", lang.tag()));
        }
        bundle
    })
}

/// Every ASCII letter with an accent or a hook: `Scenarios` → `Šçéñåŕîöš`. Each stays one
/// character of one column, so layouts measure the same.
fn accented(text: &str) -> String {
    const LOWER: [char; 26] = [
        'å', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'î', 'ĵ', 'ķ', 'ļ', 'ɱ', 'ñ', 'ö', 'þ', 'ǫ', 'ŕ',
        'š', 'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Å', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ', 'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ',
        'Š', 'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    text.chars()
        .map(|c| match c {
            'a'..='z' => LOWER[c as usize - 'a' as usize],
            'A'..='Z' => UPPER[c as usize - 'A' as usize],
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// Each message id of a language's files, with its sorted variables.
    fn messages(lang: Lang) -> BTreeMap<String, Vec<String>> {
        let mut found = BTreeMap::new();
        for source in lang.catalogue_files() {
            let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(_, errors)| {
                panic!("the {} catalogue does not parse: {errors:?}", lang.tag())
            });
            for entry in resource.body {
                let ast::Entry::Message(message) = entry else {
                    continue;
                };
                let mut variables = Vec::new();
                if let Some(value) = &message.value {
                    variables_of(value, &mut variables);
                }
                for attribute in &message.attributes {
                    variables_of(&attribute.value, &mut variables);
                }
                variables.sort();
                variables.dedup();
                let id = message.id.name.to_owned();
                assert!(
                    found.insert(id.clone(), variables).is_none(),
                    "{}: `{id}` twice",
                    lang.tag()
                );
            }
        }
        found
    }

    fn variables_of(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
        match expression {
            ast::Expression::Inline(inline) => inline_variables(inline, out),
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for variant in variants {
                    variables_of(&variant.value, out);
                }
            }
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, out)
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline_variables(argument, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_language_has_the_english_ids_with_the_same_variables() {
        let english = messages(Lang::En);
        assert!(english.len() > 500, "the English catalogue is read");
        for lang in Lang::ALL {
            let theirs = messages(lang);
            let missing: Vec<_> = english
                .keys()
                .filter(|id| !theirs.contains_key(*id))
                .collect();
            let extra: Vec<_> = theirs
                .keys()
                .filter(|id| !english.contains_key(*id))
                .collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", lang.tag());
            assert!(extra.is_empty(), "{}: not in English {extra:?}", lang.tag());
            for (id, variables) in &english {
                assert_eq!(&theirs[id], variables, "{}: `{id}`'s variables", lang.tag());
            }
        }
    }

    #[test]
    fn every_key_resolves_in_every_language() {
        assert_eq!(
            T::ALL.len() + D::ALL.len(),
            messages(Lang::En).len(),
            "one key per message"
        );
        for lang in Lang::ALL.into_iter().chain([Lang::Pseudo]) {
            for (i, &key) in D::ALL.iter().enumerate() {
                assert_eq!(key as usize, i);
                assert!(bundle(lang).get_message(key.id()).is_some(), "{}", key.id());
            }
            for (i, &key) in T::ALL.iter().enumerate() {
                assert_eq!(key as usize, i);
                assert!(
                    bundle(lang).get_message(key.id()).is_some(),
                    "{}: `{}`",
                    lang.tag(),
                    key.id()
                );
                assert!(!t(lang, key).is_empty(), "{}: `{}`", lang.tag(), key.id());
            }
        }
    }

    #[test]
    fn joining_the_pieces_gives_what_fluent_gives() {
        for lang in Lang::ALL.into_iter().chain([Lang::Pseudo]) {
            let english = messages(Lang::En);
            for &key in T::ALL {
                let names = &english[key.id()];
                let values: Vec<String> = names.iter().map(|n| format!("<{n}>")).collect();
                let args: Vec<(&str, &str)> = names
                    .iter()
                    .map(String::as_str)
                    .zip(values.iter().map(String::as_str))
                    .collect();
                assert!(
                    compiled(lang)[key as usize].pieces.is_some(),
                    "{}",
                    key.id()
                );
                assert_eq!(
                    tf(lang, key, &args),
                    format_with(lang, pattern(lang, key), &args),
                    "{} {}",
                    lang.tag(),
                    key.id()
                );
                // A value left out shows the same way.
                assert_eq!(
                    tf(lang, key, &[]),
                    format_with(lang, pattern(lang, key), &[]),
                    "{} {}",
                    lang.tag(),
                    key.id()
                );
            }
        }
    }

    #[test]
    fn values_are_put_in_as_they_are() {
        assert_eq!(
            tf(Lang::En, T::MoodChange, &[("from", "−2"), ("to", "+1")]),
            "Mood −2 → +1"
        );
        // A value that looks like a variable or holds Fluent syntax stays as it is; a
        // variable without a value shows its name.
        assert_eq!(
            tf(
                Lang::Fi,
                T::MoodChange,
                &[("from", "{ $to }"), ("to", "{x}")]
            ),
            "Mieliala { $to } → {x}"
        );
        assert_eq!(
            tf(Lang::En, T::MoodChange, &[("to", "0")]),
            "Mood {$from} → 0"
        );
        // No isolation marks around values.
        assert!(!tf(Lang::En, T::CliError, &[("message", "x")]).contains('\u{2068}'));
    }

    #[test]
    fn blanks_at_either_end_are_kept() {
        assert_eq!(t(Lang::En, T::AnalyzeClean), "  no pedagogy warnings");
        assert!(t(Lang::En, T::HistoryConfirm).ends_with("[y/N] "));
    }

    #[test]
    fn the_pseudo_locale_decorates_the_words_and_not_the_values() {
        assert_eq!(t(Lang::Pseudo, T::LibraryTitle), "[Šçéñåŕîöš]");
        assert_eq!(
            tf(Lang::Pseudo, T::CliError, &[("message", "parcl")]),
            "[éŕŕöŕ: parcl]"
        );
        assert_eq!(count(Lang::Pseudo, 2, T::CliFile, T::CliFiles), "[2 ƒîļéš]");
        assert_eq!(pseudo("Usage"), "[Ûšåĝé]");
    }
}
