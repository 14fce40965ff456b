//! From RON text to typed content, with RON's own errors turned into diagnostics.

use ron::error::{Error, SpannedError};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::codes::Code;
use super::diagnostic::{Bilingual, Diagnostic, Source};
use super::suggest::Suggester;
use super::text::display_safe;
use crate::words;

/// Our files are shallow; a low limit refuses hostile nesting early and cheaply.
pub const RECURSION_LIMIT: usize = 64;

/// Larger files are refused before parsing (the store reads no more; `KOHTAA_MAX_FILE_MIB`
/// changes it there).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses one content value of type `T`. The error is boxed: a diagnostic is large, and the
/// `Ok` path (every file that parses) should not carry its size.
pub fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, Box<Diagnostic>> {
    options()
        .from_str::<T>(&source.text)
        .map_err(|e| Box::new(diagnostic(source, &e)))
}

/// Parses a part of a file taken out on its own, `depth` levels below the top in the file,
/// under the same rules as [`parse`]. No diagnostic: a caller that gets `None` parses the
/// whole file again to report the problem where it stands.
pub fn parse_part<T: DeserializeOwned>(text: &str, depth: usize) -> Option<T> {
    part_options(depth).from_str(text).ok()
}

/// The options under which [`parse`] reads a value `depth` levels below the top of a file.
pub fn part_options(depth: usize) -> ron::Options {
    options().with_recursion_limit(RECURSION_LIMIT.saturating_sub(depth))
}

/// The closest of `candidates` to `found`, if it is close enough to be a likely typo, at a
/// bounded cost (see [`Suggester`]). For many questions about one list, make a
/// [`Suggester`] once and ask it.
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    Suggester::new(candidates).suggest(found)
}

/// "expected one of `a`, `b` or `c`", in both languages.
fn expected_one_of(names: &[&str]) -> Bilingual {
    let list = |none: &str, or: &str| match names {
        [] => none.to_owned(),
        [one] => format!("`{one}`"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|n| format!("`{n}`")).collect();
            format!("{} {or} `{last}`", init.join(", "))
        }
    };
    let (en, fi) = (list("none", "or"), list("ei mitään", "tai"));
    words!(
        "expected one of {en}",
        "odotettiin jotakin seuraavista: {fi}"
    )
}

/// " in `Node`", in both languages; empty when RON names no struct.
fn in_struct(outer: &Option<String>) -> (String, String) {
    match outer {
        Some(o) => (format!(" in `{o}`"), format!(" rakenteessa `{o}`")),
        None => Default::default(),
    }
}

/// Turns RON's error into our diagnostic, pointing where RON points.
fn diagnostic(source: &Source, e: &SpannedError) -> Diagnostic {
    let start = source.offset(e.span.start.line, e.span.start.col);
    let end = source.offset(e.span.end.line, e.span.end.col).max(start);
    // Type errors start before the whitespace that precedes the value; point at the value.
    let skipped = source.text[start..end].len() - source.text[start..end].trim_start().len();
    let mut span = start + skipped..end;
    if matches!(
        e.code,
        Error::ExpectedComma
            | Error::ExpectedArrayEnd
            | Error::ExpectedMapEnd
            | Error::ExpectedStructLikeEnd
    ) {
        // Something is missing between the last token and the next one, which may be lines
        // further on: point where it belongs, as an author reads it.
        let at = after_previous_token(&source.text, span.start);
        span = at..at;
    }
    let at = |code: Code, message: Bilingual| Diagnostic::new(code, source, span.clone(), message);
    match &e.code {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let (raw, found, (within, sisalla)) = (found, display_safe(found), in_struct(outer));
            at(
                Code::UnknownField,
                words!(
                    "unknown field `{found}`{within}",
                    "tuntematon kenttä `{found}`{sisalla}"
                ),
            )
            .suggest(did_you_mean(raw, expected.iter().copied()))
            .note(expected_one_of(expected))
        }
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let (raw, found, (within, sisalla)) = (found, display_safe(found), in_struct(outer));
            at(
                Code::UnknownVariant,
                words!(
                    "unknown value `{found}`{within}",
                    "tuntematon arvo `{found}`{sisalla}"
                ),
            )
            .suggest(did_you_mean(raw, expected.iter().copied()))
            .note(expected_one_of(expected))
        }
        Error::MissingStructField { field, outer } => {
            let (within, sisalla) = in_struct(outer);
            at(
                Code::MissingField,
                words!(
                    "missing field `{field}`{within}",
                    "kenttä `{field}` puuttuu{sisalla}"
                ),
            )
        }
        Error::DuplicateStructField { field, outer } => {
            let (within, sisalla) = in_struct(outer);
            at(
                Code::DuplicateField,
                words!(
                    "field `{field}` given twice{within}",
                    "kenttä `{field}` on annettu kahdesti{sisalla}"
                ),
            )
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            let found = display_safe(found);
            at(
                Code::UnknownVariant,
                words!(
                    "expected `{expected}(...)`, found `{found}(...)`",
                    "odotettiin `{expected}(...)`, löytyi `{found}(...)`"
                ),
            )
            .suggest(Some(expected))
        }
        Error::ExceededRecursionLimit => at(
            Code::TooDeep,
            words!(
                "nesting deeper than {RECURSION_LIMIT} levels",
                "sisäkkäisyyttä on yli {RECURSION_LIMIT} tasoa"
            ),
        ),
        Error::Utf8Error(_) => at(
            Code::NotUtf8,
            words!(
                "text is not valid UTF-8",
                "teksti ei ole kelvollista UTF-8:aa"
            ),
        ),
        Error::InvalidValueForType { expected, found } => {
            let found = display_safe(found);
            at(
                Code::WrongType,
                words!(
                    "expected {expected}, found {found}",
                    "väärän tyyppinen arvo (RON: expected {expected}, found {found})"
                ),
            )
        }
        Error::ExpectedInteger
        | Error::ExpectedFloat
        | Error::ExpectedBoolean
        | Error::ExpectedString
        | Error::ExpectedArray
        | Error::ExpectedMap
        | Error::ExpectedStructLike
        | Error::ExpectedNamedStructLike(_)
        | Error::ExpectedOption
        | Error::ExpectedUnit
        | Error::ExpectedChar
        | Error::IntegerOutOfBounds
        | Error::ExpectedIdentifier => at(
            Code::WrongType,
            Bilingual::new(lowercase_first(&e.code.to_string()), finnish(&e.code)),
        ),
        Error::Message(m) => {
            let m = display_safe(m);
            at(
                Code::WrongType,
                words!("{m}", "virheellinen arvo (RON: {m})"),
            )
        }
        other => at(
            Code::Syntax,
            Bilingual::new(
                lowercase_first(&display_safe(&other.to_string())),
                finnish(other),
            ),
        ),
    }
}

/// RON's own wording of an error in Finnish: the common ones in plain words, the rare ones
/// as RON says them, marked as such.
fn finnish(e: &Error) -> String {
    match e {
        Error::Eof => "tiedosto loppui kesken: jotain jäi sulkematta".to_owned(),
        Error::ExpectedInteger => "odotettiin kokonaislukua".to_owned(),
        Error::ExpectedFloat => "odotettiin desimaalilukua".to_owned(),
        Error::ExpectedBoolean => "odotettiin totuusarvoa `true` tai `false`".to_owned(),
        Error::ExpectedString => "odotettiin lainausmerkeissä olevaa tekstiä".to_owned(),
        Error::ExpectedStringEnd => {
            "teksti jäi kesken: odotettiin loppulainausmerkkiä `\"`".to_owned()
        }
        Error::ExpectedChar => "odotettiin merkkiä".to_owned(),
        Error::ExpectedArray => "odotettiin avaavaa hakasulkua `[`".to_owned(),
        Error::ExpectedArrayEnd => "odotettiin sulkevaa hakasulkua `]`".to_owned(),
        Error::ExpectedMap => "odotettiin avaavaa aaltosulkua `{`".to_owned(),
        Error::ExpectedMapEnd => "odotettiin sulkevaa aaltosulkua `}`".to_owned(),
        Error::ExpectedMapColon => "odotettiin kaksoispistettä `:`".to_owned(),
        Error::ExpectedStructLike => "odotettiin avaavaa sulkua `(`".to_owned(),
        Error::ExpectedNamedStructLike("") => "odotettiin avaavaa sulkua `(`".to_owned(),
        Error::ExpectedNamedStructLike(name) => {
            format!("odotettiin avaavaa sulkua `(` rakenteelle `{name}`")
        }
        Error::ExpectedStructLikeEnd | Error::ExpectedOptionEnd => {
            "odotettiin sulkevaa sulkua `)`".to_owned()
        }
        Error::ExpectedComma => "odotettiin pilkkua".to_owned(),
        Error::ExpectedOption => "odotettiin arvoa tai `None`".to_owned(),
        Error::ExpectedUnit => "odotettiin tyhjää arvoa `()`".to_owned(),
        Error::ExpectedIdentifier => "odotettiin nimeä".to_owned(),
        Error::IntegerOutOfBounds => "kokonaisluku on liian suuri tai liian pieni".to_owned(),
        Error::UnexpectedChar(c) => {
            format!("odottamaton merkki {}", display_safe(&format!("{c:?}")))
        }
        Error::TrailingCharacters => "ylimääräistä tekstiä tiedoston arvon jälkeen".to_owned(),
        Error::UnclosedBlockComment => "kommentti `/* … */` jäi sulkematta".to_owned(),
        Error::InvalidEscape(_) => format!(
            "virheellinen kenoviivamerkintä (RON: {})",
            display_safe(&e.to_string())
        ),
        other => format!("RON-virhe: {}", display_safe(&other.to_string())),
    }
}

/// The end of the token before `offset`, skipping white space and `//` comments backwards.
fn after_previous_token(text: &str, offset: usize) -> usize {
    let mut pos = offset.min(text.len());
    loop {
        let trimmed = text[..pos].trim_end();
        pos = trimmed.len();
        let line_start = trimmed.rfind('\n').map_or(0, |i| i + 1);
        match comment_start(&text[line_start..pos]) {
            Some(c) => pos = line_start + c,
            None => return pos,
        }
    }
}

/// Where a `//` comment starts in `line`, outside string literals.
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
