//! From RON text to typed content, with RON's own errors turned into diagnostics.

use ron::error::{Error, SpannedError};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::codes::Code;
use super::diagnostic::{Diagnostic, Message, Source};
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

/// "expected one of `a`, `b` or `c`".
fn expected_one_of(names: &[&str]) -> Message {
    let list = match names {
        [] => words!(ListNone),
        [one] => words!(ListOne, one),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|n| format!("`{n}`")).collect();
            let init = init.join(", ");
            words!(ListOr, init, last)
        }
    };
    words!(ExpectedOneOf, list)
}

/// " in `Node`"; nothing when RON names no struct.
fn in_struct(outer: &Option<String>) -> Message {
    match outer {
        Some(o) => words!(InStruct, o),
        None => words!(Nothing),
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
    let at = |code: Code, message: Message| Diagnostic::new(code, source, span.clone(), message);
    match &e.code {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let (raw, found, within) = (found, display_safe(found), in_struct(outer));
            at(Code::UnknownField, words!(UnknownField, found, within))
                .suggest(did_you_mean(raw, expected.iter().copied()))
                .note(expected_one_of(expected))
        }
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let (raw, found, within) = (found, display_safe(found), in_struct(outer));
            at(Code::UnknownVariant, words!(UnknownValue, found, within))
                .suggest(did_you_mean(raw, expected.iter().copied()))
                .note(expected_one_of(expected))
        }
        Error::MissingStructField { field, outer } => {
            let within = in_struct(outer);
            at(Code::MissingField, words!(MissingField, field, within))
        }
        Error::DuplicateStructField { field, outer } => {
            let within = in_struct(outer);
            at(Code::DuplicateField, words!(FieldGivenTwice, field, within))
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            let found = display_safe(found);
            at(
                Code::UnknownVariant,
                words!(ExpectedStructFound, expected, found),
            )
            .suggest(Some(expected))
        }
        Error::ExceededRecursionLimit => at(
            Code::TooDeep,
            words!(NestingDeeperThanLevels, recursion_limit = RECURSION_LIMIT),
        ),
        Error::Utf8Error(_) => at(Code::NotUtf8, words!(TextNotValidUtf)),
        Error::InvalidValueForType { expected, found } => {
            let found = display_safe(found);
            at(Code::WrongType, words!(WrongTypeFound, expected, found))
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
        | Error::ExpectedIdentifier => at(Code::WrongType, ron_words(&e.code)),
        Error::Message(m) => {
            let m = display_safe(m);
            at(Code::WrongType, words!(RonMessage, m))
        }
        other => at(Code::Syntax, ron_words(other)),
    }
}

/// RON's error in words: the common ones as RON says them in English and in plain words in
/// the other languages, the rare ones as RON says them (marked as RON's in other languages).
fn ron_words(e: &Error) -> Message {
    match e {
        Error::Eof => words!(RonEof),
        Error::ExpectedInteger => words!(RonExpectedInteger),
        Error::ExpectedFloat => words!(RonExpectedFloat),
        Error::ExpectedBoolean => words!(RonExpectedBoolean),
        Error::ExpectedString => words!(RonExpectedString),
        Error::ExpectedStringEnd => words!(RonExpectedStringEnd),
        Error::ExpectedChar => words!(RonExpectedChar),
        Error::ExpectedArray => words!(RonExpectedArray),
        Error::ExpectedArrayEnd => words!(RonExpectedArrayEnd),
        Error::ExpectedMap => words!(RonExpectedMap),
        Error::ExpectedMapEnd => words!(RonExpectedMapEnd),
        Error::ExpectedMapColon => words!(RonExpectedMapColon),
        Error::ExpectedStructLike => words!(RonExpectedStructLike),
        Error::ExpectedNamedStructLike("") => words!(RonExpectedUnnamedStructLike),
        Error::ExpectedNamedStructLike(name) => words!(RonExpectedNamedStructLike, name),
        Error::ExpectedStructLikeEnd | Error::ExpectedOptionEnd => {
            words!(RonExpectedStructLikeEnd)
        }
        Error::ExpectedComma => words!(RonExpectedComma),
        Error::ExpectedOption => words!(RonExpectedOption),
        Error::ExpectedUnit => words!(RonExpectedUnit),
        Error::ExpectedIdentifier => words!(RonExpectedIdentifier),
        Error::IntegerOutOfBounds => words!(RonIntegerOutOfBounds),
        Error::UnexpectedChar(c) => {
            let char = display_safe(&format!("{c:?}")).into_owned();
            words!(RonUnexpectedChar, char)
        }
        Error::TrailingCharacters => words!(RonTrailingCharacters),
        Error::UnclosedBlockComment => words!(RonUnclosedBlockComment),
        Error::InvalidEscape(_) => {
            let ron = lowercase_first(&display_safe(&e.to_string()));
            words!(RonInvalidEscape, ron)
        }
        other => {
            let ron = lowercase_first(&display_safe(&other.to_string()));
            words!(RonOther, ron)
        }
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
