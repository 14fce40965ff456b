//! Text hygiene decided on the parsed values: every string of a parsed file, wherever and
//! however it was written (an escape, a raw string, a raw identifier before it, an attribute
//! at the top of the file, any white space ron accepts between tokens), is judged by the
//! rule in [`super::text`]. What the learner could ever see is what the parser produced, so
//! that is what is checked; no second reading of the file decides it.
//!
//! Positions are a separate concern: each finding is reported at the best place found, the
//! character (or the escape that wrote it) inside its string when the outline can follow the
//! file there, else the string's or the character's first occurrence in the file, else the
//! file's start. A position can be less exact; a finding is never lost.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;
use serde::ser::{self, Impossible};

use super::codes::Code;
use super::diagnostic::{Diagnostic, Source};
use super::outline::{Outline, Seg, StringLiteral, decode_escape};
use super::text::{Unwanted, unwanted};
use crate::words;

/// A step of the way to a string inside a parsed value, as the outline names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Field(&'static str),
    Index(usize),
    /// A map entry by its key as written (`S`, `-5`).
    Key(String),
}

/// Every string of `value` that holds something the text rule reports, with the way to it.
pub fn unwanted_strings<T: Serialize + ?Sized>(value: &T) -> Vec<(Vec<Step>, String)> {
    let mut walker = Walker {
        path: Vec::new(),
        found: Vec::new(),
    };
    // The walker fails on nothing; a value that cannot be serialised has nothing to show.
    let _ = value.serialize(&mut walker);
    walker.found
}

/// Errors for control characters, line separators and bidi controls in any string of
/// `value`, warnings for invisible characters out of their legitimate context, each at the
/// best position found in `source`.
pub fn check_values<T: Serialize + ?Sized>(
    value: &T,
    source: &Source,
    outline: &Outline,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Where each character was first found in the file, when it comes to searching.
    let mut firsts = HashMap::new();
    for (path, text) in unwanted_strings(value) {
        let literal = literal_at(source, outline, &path, &text);
        let mut chars = unwanted(&text);
        // The first few of one text, and how many more: a text of a hundred thousand
        // zero-width spaces is one problem, not a hundred thousand screens of it. An error
        // among them is always listed.
        let more = chars.len().saturating_sub(PER_TEXT);
        if more > 0 {
            let first_error = chars.iter().position(|(_, _, kind)| kind.is_error());
            let error = first_error.filter(|&i| i >= PER_TEXT).map(|i| chars[i]);
            chars.truncate(PER_TEXT);
            if let Some(error) = error {
                chars[PER_TEXT - 1] = error;
            }
        }
        let spans = locate(source, literal.as_ref(), &text, &chars, &mut firsts);
        for ((_, c, kind), span) in chars.into_iter().zip(spans) {
            found.push(diagnostic(source, span, c, kind));
        }
        if more > 0
            && let Some(last) = found.last_mut()
        {
            last.add_note(words!(MoreCharactersLikeThese, more));
        }
    }
    found
}

/// Characters of one text reported one by one, at most.
const PER_TEXT: usize = 10;

fn diagnostic(source: &Source, span: Range<usize>, c: char, kind: Unwanted) -> Diagnostic {
    let what = format!("U+{:04X}", c as u32);
    match kind {
        Unwanted::Bidi => Diagnostic::new(
            Code::BidiControl,
            source,
            span,
            words!(BidirectionalControlCharacterText, what),
        )
        .note(words!(CanMakeLineDisplay)),
        Unwanted::Control => Diagnostic::new(
            Code::ControlCharacter,
            source,
            span,
            words!(ControlCharacterText, what),
        )
        .note(words!(EscapeSequencesMustNever)),
        Unwanted::LineSeparator => Diagnostic::new(
            Code::ControlCharacter,
            source,
            span,
            words!(LineSeparatorText, what),
        )
        .note(words!(TerminalsEditorsShowDifferently)),
        Unwanted::Invisible => Diagnostic::new(
            Code::InvisibleCharacter,
            source,
            span,
            words!(InvisibleCharacterText, what),
        ),
    }
}

/// The string literal at `path`, if the outline finds one there that reads as `text`.
fn literal_at(
    source: &Source,
    outline: &Outline,
    path: &[Step],
    text: &str,
) -> Option<StringLiteral> {
    let segs: Vec<Seg> = path
        .iter()
        .map(|s| match s {
            Step::Field(name) => Seg::Field(name),
            Step::Index(i) => Seg::Index(*i),
            Step::Key(key) => Seg::Key(key),
        })
        .collect();
    let literal = StringLiteral::at(&source.text, outline.span(&segs)?)?;
    // Decoded lazily and compared as it goes: a wrong guess costs little.
    let mut decoded = literal.chars(&source.text).map(|(c, _)| c);
    let same = text.chars().all(|c| decoded.next() == Some(c)) && decoded.next().is_none();
    same.then_some(literal)
}

/// Where each of `chars` (byte offset, character) of the parsed string `text` was written:
/// inside `literal` when known; else where `text` stands written out in the file; else the
/// first of that character in the file, or the first escape that writes it; else the
/// file's start. One pass over the literal and one search for the text, however many
/// characters a string holds.
fn locate(
    source: &Source,
    literal: Option<&StringLiteral>,
    text: &str,
    chars: &[(usize, char, Unwanted)],
    firsts: &mut HashMap<char, Range<usize>>,
) -> Vec<Range<usize>> {
    let src = &*source.text;
    if let Some(literal) = literal {
        let mut spans = Vec::with_capacity(chars.len());
        let mut wanted = chars.iter().map(|&(at, ..)| at).peekable();
        let mut offset = 0;
        for (decoded, span) in literal.chars(src) {
            if wanted.peek() == Some(&offset) {
                wanted.next();
                spans.push(span);
            }
            offset += decoded.len_utf8();
        }
        if spans.len() == chars.len() {
            return spans;
        }
    }
    let written = (!text.is_empty()).then(|| src.find(text)).flatten();
    chars
        .iter()
        .map(|&(at, c, _)| match written {
            Some(start) => start + at..start + at + c.len_utf8(),
            None => firsts.entry(c).or_insert_with(|| first_of(src, c)).clone(),
        })
        .collect()
}

/// The first place `c` is written in `src`: the character itself, or an escape that
/// writes it; else the file's start.
fn first_of(src: &str, c: char) -> Range<usize> {
    if let Some(start) = src.find(c) {
        return start..start + c.len_utf8();
    }
    let mut from = 0;
    while let Some(found) = src[from..].find('\\') {
        let backslash = from + found;
        match decode_escape(src, backslash + 1) {
            Some((decoded, end)) if decoded == c => return backslash..end,
            // `\\` is one escape: step over both.
            Some((_, end)) => from = end.max(backslash + 1),
            None => from = backslash + 1,
        }
    }
    0..0
}

/// A serializer that writes nothing: it walks a value and keeps every string that holds
/// something the text rule reports, with its path.
struct Walker {
    path: Vec<Step>,
    found: Vec<(Vec<Step>, String)>,
}

#[derive(Debug)]
struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unreachable")
    }
}

impl std::error::Error for NoError {}

impl ser::Error for NoError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NoError
    }
}

impl Walker {
    fn text(&mut self, text: &str) {
        if !unwanted(text).is_empty() {
            self.found.push((self.path.clone(), text.to_owned()));
        }
    }

    fn at<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Result<(), NoError> {
        self.path.push(step);
        let result = value.serialize(&mut *self);
        self.path.pop();
        result
    }
}

/// A list, tuple or struct being walked: its items are counted.
struct Items<'w> {
    walker: &'w mut Walker,
    next: usize,
}

impl Items<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NoError> {
        let i = self.next;
        self.next += 1;
        self.walker.at(Step::Index(i), value)
    }
}

/// A map being walked: the key of the entry whose value comes next.
struct Entries<'w> {
    walker: &'w mut Walker,
    key: String,
}

macro_rules! nothing {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, _: $ty) -> Result<(), NoError> { Ok(()) })*
    };
}

impl<'w> ser::Serializer for &'w mut Walker {
    type Ok = ();
    type Error = NoError;
    type SerializeSeq = Items<'w>;
    type SerializeTuple = Items<'w>;
    type SerializeTupleStruct = Items<'w>;
    type SerializeTupleVariant = Items<'w>;
    type SerializeMap = Entries<'w>;
    type SerializeStruct = Items<'w>;
    type SerializeStructVariant = Items<'w>;

    nothing!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_char(self, c: char) -> Result<(), NoError> {
        self.text(c.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, text: &str) -> Result<(), NoError> {
        self.text(text);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), NoError> {
        Ok(())
    }

    /// `Some(x)` stands where `x` is written (the loader's `implicit_some`).
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NoError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), NoError> {
        Ok(())
    }

    /// A variant's name is one of ours, never the author's text.
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), NoError> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), NoError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), NoError> {
        self.at(Step::Index(0), value)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'w>, NoError> {
        Ok(Items {
            walker: self,
            next: 0,
        })
    }

    fn serialize_tuple(self, _: usize) -> Result<Items<'w>, NoError> {
        self.serialize_seq(None)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Items<'w>, NoError> {
        self.serialize_seq(None)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Items<'w>, NoError> {
        self.serialize_seq(None)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Entries<'w>, NoError> {
        Ok(Entries {
            walker: self,
            key: String::new(),
        })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Items<'w>, NoError> {
        self.serialize_seq(None)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Items<'w>, NoError> {
        self.serialize_seq(None)
    }
}

impl ser::SerializeSeq for Items<'_> {
    type Ok = ();
    type Error = NoError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NoError> {
        self.item(value)
    }
    fn end(self) -> Result<(), NoError> {
        Ok(())
    }
}

impl ser::SerializeTuple for Items<'_> {
    type Ok = ();
    type Error = NoError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NoError> {
        self.item(value)
    }
    fn end(self) -> Result<(), NoError> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Items<'_> {
    type Ok = ();
    type Error = NoError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NoError> {
        self.item(value)
    }
    fn end(self) -> Result<(), NoError> {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Items<'_> {
    type Ok = ();
    type Error = NoError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NoError> {
        self.item(value)
    }
    fn end(self) -> Result<(), NoError> {
        Ok(())
    }
}

impl ser::SerializeStruct for Items<'_> {
    type Ok = ();
    type Error = NoError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), NoError> {
        self.walker.at(Step::Field(name), value)
    }
    fn end(self) -> Result<(), NoError> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Items<'_> {
    type Ok = ();
    type Error = NoError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), NoError> {
        self.walker.at(Step::Field(name), value)
    }
    fn end(self) -> Result<(), NoError> {
        Ok(())
    }
}

impl ser::SerializeMap for Entries<'_> {
    type Ok = ();
    type Error = NoError;
    /// A key is checked like any string (when it is one), and named as written for the path.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NoError> {
        self.key = key.serialize(KeyText).unwrap_or_default();
        let path = Step::Key(self.key.clone());
        self.walker.path.push(path);
        let result = key.serialize(&mut *self.walker);
        self.walker.path.pop();
        result
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NoError> {
        let key = std::mem::take(&mut self.key);
        self.walker.at(Step::Key(key), value)
    }
    fn end(self) -> Result<(), NoError> {
        Ok(())
    }
}

/// A map key as an author writes it: `S` for a variant, `-5` for a number, the text of a
/// string. Anything else is not a key our files use.
struct KeyText;

macro_rules! key_number {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, v: $ty) -> Result<String, NoError> { Ok(v.to_string()) })*
    };
}

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = NoError;
    type SerializeSeq = Impossible<String, NoError>;
    type SerializeTuple = Impossible<String, NoError>;
    type SerializeTupleStruct = Impossible<String, NoError>;
    type SerializeTupleVariant = Impossible<String, NoError>;
    type SerializeMap = Impossible<String, NoError>;
    type SerializeStruct = Impossible<String, NoError>;
    type SerializeStructVariant = Impossible<String, NoError>;

    key_number!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_char: char, serialize_str: &str);

    fn serialize_bytes(self, _: &[u8]) -> Result<String, NoError> {
        Err(NoError)
    }
    fn serialize_none(self) -> Result<String, NoError> {
        Err(NoError)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, NoError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, NoError> {
        Err(NoError)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, NoError> {
        Err(NoError)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, NoError> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, NoError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, NoError> {
        Err(NoError)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NoError> {
        Err(NoError)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NoError> {
        Err(NoError)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NoError> {
        Err(NoError)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NoError> {
        Err(NoError)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NoError> {
        Err(NoError)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NoError> {
        Err(NoError)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NoError> {
        Err(NoError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Scenario;

    #[test]
    fn every_string_is_found_with_its_path() {
        let text = crate::content::generate::scenario(3, 1)
            .replacen("title: \"", "title: \"\u{1b}]0;x\u{7}", 1)
            .replacen("say: \"", "say: \"a\u{200b}", 1);
        let scenario: Scenario = crate::content::parse::parse(&Source::new("x", text)).unwrap();
        let found = unwanted_strings(&scenario);
        let paths: Vec<&[Step]> = found.iter().map(|(p, _)| p.as_slice()).collect();
        assert_eq!(paths[0], [Step::Field("title")]);
        assert_eq!(paths[1][0], Step::Field("nodes"));
        assert_eq!(found.len(), 2);
    }
}
