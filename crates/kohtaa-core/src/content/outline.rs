//! A light second reading of a RON file that remembers where things are.
//!
//! serde forgets positions once a file is parsed, yet a `next` to nowhere or a duplicate id
//! must still be reported at its line and column. The outline records the byte span of every
//! struct field, list item and map entry, and of every string literal with its decoded text,
//! so later checks can ask "where is `nodes[3].choices[1].next`?".

use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// One value in the file, with where it stands.
#[derive(Clone, Debug)]
pub enum Value {
    /// `Name(field: value, ...)` or `(field: value, ...)`.
    Struct {
        span: Range<usize>,
        fields: Vec<Field>,
    },
    /// `Name(a, b)` or `(a, b)`: a tuple or a newtype.
    Tuple {
        span: Range<usize>,
        items: Vec<Value>,
    },
    List {
        span: Range<usize>,
        items: Vec<Value>,
    },
    Map {
        span: Range<usize>,
        entries: Vec<Entry>,
    },
    /// A string, number, identifier or anything else without parts.
    Scalar { span: Range<usize> },
}

#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub name_span: Range<usize>,
    pub value: Value,
}

#[derive(Clone, Debug)]
pub struct Entry {
    /// The key as written: an identifier, or a string's decoded text.
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Value,
}

/// A string literal: where it stands. Its characters are decoded on demand, so a large file
/// costs no more than its text.
#[derive(Clone, Debug)]
pub struct StringLiteral {
    pub span: Range<usize>,
    /// Between the quotes.
    pub body: Range<usize>,
    /// `r"..."`: no escapes.
    pub raw: bool,
}

impl StringLiteral {
    /// The string literal that `span` of `src` is, if it is one: `"..."` or `r#"..."#`.
    pub fn at(src: &str, span: Range<usize>) -> Option<StringLiteral> {
        let text = src.get(span.clone())?;
        if text.len() >= 2 && text.starts_with('"') && text.ends_with('"') {
            return Some(StringLiteral {
                body: span.start + 1..span.end - 1,
                span,
                raw: false,
            });
        }
        let hashes = text
            .strip_prefix('r')?
            .bytes()
            .take_while(|&b| b == b'#')
            .count();
        let open = 1 + hashes + 1;
        let closing = 1 + hashes;
        (text.len() >= open + closing
            && text.as_bytes()[open - 1] == b'"'
            && text.ends_with(&format!("\"{}", "#".repeat(hashes))))
        .then(|| StringLiteral {
            body: span.start + open..span.end - closing,
            span,
            raw: true,
        })
    }

    /// Each decoded character with the byte span of its source: the character itself, or the
    /// escape that wrote it. `src` is the text the outline was read from.
    pub fn chars<'s>(&self, src: &'s str) -> impl Iterator<Item = (char, Range<usize>)> + 's {
        let raw = self.raw;
        let end = self.body.end.min(src.len());
        let mut pos = self.body.start.min(end);
        std::iter::from_fn(move || {
            if pos >= end {
                return None;
            }
            let here = pos;
            let c = src.get(pos..)?.chars().next()?;
            pos += c.len_utf8();
            if c == '\\' && !raw {
                let (decoded, next) = decode_escape(src, pos)?;
                pos = next.min(end);
                return Some((decoded, here..pos));
            }
            Some((c, here..pos))
        })
    }

    /// The decoded text.
    pub fn text(&self, src: &str) -> String {
        self.chars(src).map(|(c, _)| c).collect()
    }

    /// Whether every byte is printable ASCII and no escape is used: nothing to decode or check.
    pub fn is_plain(&self, src: &str) -> bool {
        src.as_bytes()
            .get(self.body.clone())
            .is_some_and(|b| b.iter().all(|&b| (0x20..0x7f).contains(&b) && b != b'\\'))
    }
}

/// Decodes one RON escape whose backslash ends just before `pos`; returns the character and
/// where the escape ends. Unknown escapes decode to themselves.
pub(crate) fn decode_escape(src: &str, mut pos: usize) -> Option<(char, usize)> {
    let c = src.get(pos..)?.chars().next()?;
    pos += c.len_utf8();
    let hex = |digits: &str| u32::from_str_radix(digits, 16).ok();
    let decoded = match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'x' => {
            // `\xNN`; several in a row spell one UTF-8 character, as in `"\xe2\x80\xae"`.
            let first = u8::try_from(hex(src.get(pos..pos + 2)?)?).ok()?;
            pos += 2;
            let len = match first {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => return Some(('\u{fffd}', pos)),
            };
            let mut bytes = vec![first];
            while bytes.len() < len {
                let digits = src.get(pos..pos + 4).filter(|d| d.starts_with("\\x"));
                let Some(byte) = digits.and_then(|d| hex(&d[2..])) else {
                    break;
                };
                bytes.push(u8::try_from(byte).ok()?);
                pos += 4;
            }
            std::str::from_utf8(&bytes)
                .ok()
                .and_then(|s| s.chars().next())
                .unwrap_or('\u{fffd}')
        }
        'u' if src.as_bytes().get(pos) == Some(&b'{') => {
            let close = src[pos..].find('}')? + pos;
            let digits = &src[pos + 1..close];
            pos = close + 1;
            char::from_u32(hex(digits)?).unwrap_or('\u{fffd}')
        }
        'u' => {
            let digits = src.get(pos..pos + 4)?;
            pos += 4;
            char::from_u32(hex(digits)?).unwrap_or('\u{fffd}')
        }
        other => other,
    };
    Some((decoded, pos))
}

/// One step of a path into the outline.
#[derive(Clone, Copy, Debug)]
pub enum Seg<'a> {
    Field(&'a str),
    Index(usize),
    /// A map entry by its key's source text, e.g. `S` in `style_tips: { S: "..." }`.
    Key(&'a str),
}

#[derive(Clone, Debug, Default)]
pub struct Outline {
    /// The value tree, read on first use when the outline was made with [`Outline::lazy`]:
    /// most files need a position only to report a problem, and the tree of a large file
    /// costs several times its text in memory.
    root: OnceLock<Option<Value>>,
    /// The text to read the tree from (lazy outlines only).
    text: Option<Arc<String>>,
    /// A first, light reading, made on first use (at once by [`Outline::read`]).
    light: OnceLock<Light>,
    /// Where each item of one top-level list starts, when the parser has told.
    items: Option<(&'static str, Vec<usize>)>,
}

/// What one quick pass over a file keeps.
#[derive(Clone, Debug, Default)]
struct Light {
    /// Lazy outlines: the top two levels of the value (the top-level fields, their items
    /// and fields, without their insides), from which deeper positions are found.
    shallow: Option<Value>,
    /// Every string literal; in a lazy outline, those that are not plain printable ASCII.
    strings: Vec<StringLiteral>,
}

impl Value {
    pub fn span(&self) -> Range<usize> {
        match self {
            Value::Struct { span, .. }
            | Value::Tuple { span, .. }
            | Value::List { span, .. }
            | Value::Map { span, .. }
            | Value::Scalar { span } => span.clone(),
        }
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        match self {
            Value::Struct { fields, .. } => fields.iter().find(|f| f.name == name),
            _ => None,
        }
    }

    pub fn items(&self) -> &[Value] {
        match self {
            Value::List { items, .. } | Value::Tuple { items, .. } => items,
            _ => &[],
        }
    }
}

impl Outline {
    /// Reads `src`. Never fails: on text it cannot follow it keeps what it has read so far.
    pub fn read(src: &str) -> Outline {
        let mut reader = Reader::new(src, true);
        let root = reader.value();
        Outline {
            root: OnceLock::from(root),
            text: None,
            light: OnceLock::from(Light {
                shallow: None,
                strings: reader.strings,
            }),
            items: None,
        }
    }

    /// An outline of `text` that reads nothing until it is asked something. Then a first
    /// question about strings or a position reads the file lightly, in one pass that
    /// allocates little (its strings worth checking, its top two levels); the whole tree is
    /// read only when that is not enough. Most files are asked nothing.
    pub fn lazy(text: Arc<String>) -> Outline {
        Outline {
            root: OnceLock::new(),
            text: Some(text),
            light: OnceLock::new(),
            items: None,
        }
    }

    /// Tells a lazy outline where each item of the top-level list `field` starts (as the
    /// parser found them): a position inside one is then found by reading that item alone.
    /// The starts must be right; an empty list tells nothing.
    pub fn know_items(&mut self, field: &'static str, starts: Vec<usize>) {
        self.items = (!starts.is_empty()).then_some((field, starts));
    }

    fn light(&self) -> &Light {
        self.light.get_or_init(|| match self.text.as_deref() {
            Some(text) => {
                let mut reader = Reader::new(text, false);
                let shallow = reader.value();
                Light {
                    shallow,
                    strings: reader.strings,
                }
            }
            None => Light::default(),
        })
    }

    /// The string literals worth checking: every one in an outline that was read, in a lazy
    /// one those that are not plain printable ASCII.
    pub fn strings(&self) -> &[StringLiteral] {
        &self.light().strings
    }

    /// The top-level value.
    pub fn root(&self) -> Option<&Value> {
        self.root
            .get_or_init(|| {
                let text = self.text.as_deref()?;
                Reader::new(text, true).value()
            })
            .as_ref()
    }

    /// The value at `path`.
    pub fn value(&self, path: &[Seg]) -> Option<&Value> {
        let mut here = self.root()?;
        for seg in path {
            here = step(here, seg)?.0;
        }
        Some(here)
    }

    /// The span of the value at `path`; failing that, of the nearest enclosing value found.
    pub fn span(&self, path: &[Seg]) -> Option<Range<usize>> {
        if let Some(found) = self.follow(path) {
            return Some(found.span);
        }
        (0..=path.len())
            .rev()
            .find_map(|n| self.value(&path[..n]).map(Value::span))
    }

    /// The spans of the items of the list at `path`.
    pub fn item_spans(&self, path: &[Seg]) -> Option<Vec<Range<usize>>> {
        match self.value(path)? {
            Value::List { items, .. } => Some(items.iter().map(Value::span).collect()),
            _ => None,
        }
    }

    /// The span of the field name at the end of `path` (which must end in a field).
    pub fn field_name_span(&self, path: &[Seg]) -> Option<Range<usize>> {
        if let Some(found) = self.follow(path) {
            return found.name_span.filter(|_| found.depth == path.len());
        }
        let (Seg::Field(name), parent) = path.split_last()? else {
            return None;
        };
        Some(self.value(parent)?.field(name)?.name_span.clone())
    }

    /// Lazy outlines whose tree is unread: follows `path` through the shallow reading, and
    /// where that stops (below the top two levels), reads just the value it stopped at in
    /// full, so a warning deep in a large file costs the size of its node, not of the file.
    /// A top-level field asked for before anything else is found by a skim that stops there.
    /// `None`: the tree is read (or there is no text); ask it.
    fn follow(&self, path: &[Seg]) -> Option<Found> {
        if self.root.get().is_some() {
            return None;
        }
        let text = self.text.as_deref()?;
        if let ([Seg::Field(field), Seg::Index(i), rest @ ..], Some((known, starts))) =
            (path, &self.items)
            && let (true, Some(&start)) = (field == known, starts.get(*i))
        {
            let mut reader = Reader::new(text, true);
            reader.pos = start;
            if let Some(item) = reader.value() {
                let mut found = Found {
                    span: item.span(),
                    name_span: None,
                    depth: 2,
                };
                follow(text, &item, rest, false, &mut found);
                return Some(found);
            }
        }
        if let ([Seg::Field(name)], None) = (path, self.light.get()) {
            let mut reader = Reader::new(text, false);
            if let Some((name_span, start)) = top_field(text, name) {
                reader.pos = start;
                if let Some(value) = reader.value() {
                    return Some(Found {
                        span: value.span(),
                        name_span: Some(name_span),
                        depth: 1,
                    });
                }
            }
        }
        let shallow = self.light().shallow.as_ref()?;
        let mut found = Found {
            span: shallow.span(),
            name_span: None,
            depth: 0,
        };
        follow(text, shallow, path, true, &mut found);
        Some(found)
    }
}

/// How far a lazy outline followed a path: the deepest value reached, after how many
/// segments, and the name's span if the last segment taken was a field.
struct Found {
    span: Range<usize>,
    name_span: Option<Range<usize>>,
    depth: usize,
}

/// One segment down from `here`: the value, and the field name's span for a field.
fn step<'v>(here: &'v Value, seg: &Seg) -> Option<(&'v Value, Option<Range<usize>>)> {
    match (seg, here) {
        (Seg::Field(name), _) => here
            .field(name)
            .map(|f| (&f.value, Some(f.name_span.clone()))),
        (Seg::Index(i), _) => here.items().get(*i).map(|v| (v, None)),
        (Seg::Key(key), Value::Map { entries, .. }) => entries
            .iter()
            .find(|e| e.key == *key)
            .map(|e| (&e.value, None)),
        (Seg::Key(_), _) => None,
    }
}

/// Follows `path` from `here`, recording progress in `found`. Where a step is missing below
/// the top level and `reread` allows, the value is read again in full (the shallow reading
/// kept none of its parts) and followed once more.
fn follow(text: &str, mut here: &Value, path: &[Seg], reread: bool, found: &mut Found) {
    for (i, seg) in path.iter().enumerate() {
        match step(here, seg) {
            Some((next, name_span)) => {
                here = next;
                found.span = next.span();
                found.name_span = name_span;
                found.depth += 1;
            }
            // The top-level value's own fields are all kept: a missing one is missing.
            None if reread && found.depth > 0 => {
                let mut reader = Reader::new(text, true);
                reader.pos = here.span().start;
                if let Some(full) = reader.value() {
                    follow(text, &full, &path[i..], false, found);
                }
                return;
            }
            None => return,
        }
    }
}

/// The first place at or after `pos` that is not white space or a comment. It skips only
/// what ron skips too (ASCII white space, `//` and nested `/* */` comments).
pub fn skip_trivia(text: &str, pos: usize) -> usize {
    let mut reader = Reader::new(text, false);
    reader.pos = pos;
    reader.skip_trivia();
    reader.pos
}

/// Where the top-level field `name` stands: the span of its name, and where its value
/// starts. Found by a skim that follows nesting, strings and comments, reads nothing else and
/// stops there: several times quicker than reading, and for a field near the top of a large
/// file next to free.
pub fn top_field(text: &str, name: &str) -> Option<(Range<usize>, usize)> {
    let mut depth = 0usize;
    let scan = Scan {
        b: text.as_bytes(),
        i: 0,
    };
    for token in scan {
        match token? {
            Token::Open => depth += 1,
            Token::Close => depth = depth.checked_sub(1)?,
            Token::Word(word) if depth == 1 && text[word.clone()] == *name => {
                let colon = skip_trivia(text, word.end);
                if text.as_bytes().get(colon) == Some(&b':') {
                    return Some((word, skip_trivia(text, colon + 1)));
                }
            }
            Token::Word(_) => {}
        }
    }
    None
}

/// Where the list that is the value of the top-level field `name` starts (at its `[`).
pub fn list_field_start(text: &str, name: &str) -> Option<usize> {
    let (_, start) = top_field(text, name)?;
    text[start..].starts_with('[').then_some(start)
}

/// Where the list that is the value of the top-level field `name` lies, brackets included.
pub fn list_field_span(text: &str, name: &str) -> Option<Range<usize>> {
    let start = list_field_start(text, name)?;
    let mut depth = 0usize;
    let mut scan = Scan {
        b: text.as_bytes(),
        i: start,
    };
    while let Some(token) = scan.next() {
        match token? {
            Token::Open => depth += 1,
            Token::Close => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(start..scan.i);
                }
            }
            Token::Word(_) => {}
        }
    }
    None
}

/// What [`Scan`] stops at: all else (strings, comments, punctuation) is passed over.
enum Token {
    Open,
    Close,
    Word(Range<usize>),
}

/// The brackets and words of RON text, in order; `Some(None)` where the text cannot be
/// followed (an unclosed string or comment).
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Iterator for Scan<'_> {
    type Item = Option<Token>;

    fn next(&mut self) -> Option<Option<Token>> {
        let b = self.b;
        let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
        while self.i < b.len() {
            let i = self.i;
            match b[i] {
                b'"' => match string_end(b, i + 1, None) {
                    Some(end) => self.i = end,
                    None => return Some(None),
                },
                b'\'' => {
                    // A character literal: 'a', '"', '\''.
                    let from = i + if b.get(i + 1) == Some(&b'\\') { 3 } else { 2 };
                    match b
                        .get(from..)
                        .and_then(|r| r.iter().position(|&c| c == b'\''))
                    {
                        Some(n) => self.i = from + n + 1,
                        None => return Some(None),
                    }
                }
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    self.i = b[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(b.len(), |n| i + n);
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    // Block comments nest in RON.
                    let mut nest = 0usize;
                    loop {
                        if b.get(self.i..self.i + 2) == Some(b"/*") {
                            nest += 1;
                            self.i += 2;
                        } else if b.get(self.i..self.i + 2) == Some(b"*/") {
                            nest -= 1;
                            self.i += 2;
                            if nest == 0 {
                                break;
                            }
                        } else if self.i >= b.len() {
                            return Some(None);
                        } else {
                            self.i += 1;
                        }
                    }
                }
                b'(' | b'[' | b'{' => {
                    self.i += 1;
                    return Some(Some(Token::Open));
                }
                b')' | b']' | b'}' => {
                    self.i += 1;
                    return Some(Some(Token::Close));
                }
                c if ident(c) && (i == 0 || !ident(b[i - 1])) => {
                    let end = b[i..]
                        .iter()
                        .position(|&c| !ident(c))
                        .map_or(b.len(), |n| i + n);
                    let hashes = b[end..].iter().take_while(|&&c| c == b'#').count();
                    if &b[i..end] == b"r" && b.get(end + hashes) == Some(&b'"') {
                        // A raw string: r"..." or r#"..."#.
                        match string_end(b, end + hashes + 1, Some(hashes)) {
                            Some(after) => self.i = after,
                            None => return Some(None),
                        }
                        continue;
                    }
                    self.i = end;
                    return Some(Some(Token::Word(i..end)));
                }
                _ => self.i += 1,
            }
        }
        None
    }
}

/// The index after the end of a string whose text starts at `i`: a plain one (`raw` `None`,
/// with escapes) or a raw one, closed by `"` and that many hashes.
fn string_end(b: &[u8], mut i: usize, raw: Option<usize>) -> Option<usize> {
    // Most of a scenario is inside strings: jump from quote to quote.
    loop {
        i += b.get(i..)?.iter().position(|&c| c == b'"')?;
        let closes = match raw {
            None => b[..i].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 0,
            Some(hashes) => {
                b[i + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&c| c == b'#')
                    .count()
                    == hashes
            }
        };
        i += 1;
        if closes {
            return Some(i + raw.unwrap_or(0));
        }
    }
}

struct Reader<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    strings: Vec<StringLiteral>,
    depth: usize,
    /// Build the value tree; without it only `strings` and the top two levels are kept.
    tree: bool,
}

/// Deeper than this the file is refused by the parser anyway; stop following it.
const MAX_DEPTH: usize = 256;

impl<'a> Reader<'a> {
    fn new(src: &'a str, tree: bool) -> Reader<'a> {
        Reader {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            strings: Vec::new(),
            depth: 0,
            tree,
        }
    }

    /// Whether to keep the parts of the value being read. Depth counts the enclosing
    /// brackets: the top-level value's own fields are at depth 1, and the parts of their
    /// values (`Some(x)`'s `x`, a list's items without their insides) at depth 2.
    fn keep(&self) -> bool {
        self.tree || self.depth <= 2
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The length of the white space character at the reader's place, if one is there:
    /// everything ron skips as white space (vertical tab, U+0085, U+200E, U+2028 ...).
    fn white_space_len(&self) -> Option<usize> {
        match self.peek()? {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Some(1),
            b if b < 0x80 => None,
            _ => {
                let c = self.src.get(self.pos..)?.chars().next()?;
                matches!(
                    c,
                    '\u{85}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
                )
                .then_some(c.len_utf8())
            }
        }
    }

    /// Skips white space, comments (`//` to the line's end, nested `/* */`) and the inner
    /// attributes a file may start with (`#![enable(implicit_some)]`).
    fn skip_trivia(&mut self) {
        loop {
            if let Some(len) = self.white_space_len() {
                self.pos += len;
                continue;
            }
            match self.peek() {
                Some(b'#') if self.bytes.get(self.pos + 1) == Some(&b'!') => {
                    // `#![...]`, brackets balanced (strings inside are not expected).
                    self.pos += 2;
                    let mut depth = 0usize;
                    while let Some(b) = self.peek() {
                        self.pos += 1;
                        match b {
                            b'[' => depth += 1,
                            b']' => {
                                depth = depth.saturating_sub(1);
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    self.pos += 2;
                    let mut depth = 1;
                    while depth > 0 && self.pos < self.bytes.len() {
                        if self.bytes[self.pos..].starts_with(b"/*") {
                            depth += 1;
                            self.pos += 2;
                        } else if self.bytes[self.pos..].starts_with(b"*/") {
                            depth -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// An identifier; a raw one (`r#id`) is the name after its `r#`.
    fn ident(&mut self) -> Option<Range<usize>> {
        if self.bytes.get(self.pos..self.pos + 2) == Some(b"r#")
            && self
                .bytes
                .get(self.pos + 2)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            self.pos += 2;
        }
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
        {
            // Identifiers are ASCII in practice; stop at any other character boundary.
            if self.peek().is_some_and(|b| b >= 0x80) {
                break;
            }
            self.pos += 1;
        }
        (self.pos > start).then_some(start..self.pos)
    }

    fn value(&mut self) -> Option<Value> {
        self.skip_trivia();
        if self.depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        match self.peek()? {
            b'"' => self.string(start).map(|span| Value::Scalar { span }),
            b'r' if self.is_raw_string() => {
                self.raw_string(start).map(|span| Value::Scalar { span })
            }
            b'[' => {
                self.pos += 1;
                let items = self.sequence(b']', false)?;
                Some(Value::List {
                    span: start..self.pos,
                    items,
                })
            }
            b'{' => {
                self.pos += 1;
                self.map(start)
            }
            b'(' => self.parens(start, false),
            b'\'' => {
                self.pos += 1;
                while let Some(b) = self.peek() {
                    self.pos += 1;
                    match b {
                        b'\\' => self.pos += 1,
                        b'\'' => break,
                        _ => {}
                    }
                }
                Some(Value::Scalar {
                    span: start..self.pos,
                })
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let name = self.ident()?;
                let after_name = self.pos;
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.parens(start, &self.src[name] == "Some")
                } else {
                    self.pos = after_name;
                    Some(Value::Scalar {
                        span: start..self.pos,
                    })
                }
            }
            _ => {
                // Numbers and anything else: up to the next delimiter.
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b')' | b']' | b'}' | b':')
                        && self.white_space_len().is_none()
                }) {
                    self.pos += 1;
                }
                (self.pos > start).then_some(Value::Scalar {
                    span: start..self.pos,
                })
            }
        }
    }

    /// Whether a raw string (`r"..."`, `r#"..."#`) starts here, not a raw identifier.
    fn is_raw_string(&self) -> bool {
        let after_hashes = self.bytes[self.pos + 1..]
            .iter()
            .position(|&b| b != b'#')
            .map(|n| self.pos + 1 + n);
        after_hashes.is_some_and(|at| self.bytes[at] == b'"')
    }

    /// After an optional struct name: `( ... )` as a struct (if it starts `name:`) or a tuple.
    /// `Some(x)` stands for `x` itself, as `implicit_some` makes them mean the same.
    fn parens(&mut self, start: usize, is_some: bool) -> Option<Value> {
        self.pos += 1; // '('
        self.depth += 1;
        self.skip_trivia();
        let save = self.pos;
        let is_struct = self.ident().is_some() && {
            self.skip_trivia();
            self.peek() == Some(b':')
        };
        self.pos = save;
        let value = if is_struct {
            let mut fields = Vec::new();
            loop {
                self.skip_trivia();
                if self.peek() == Some(b')') {
                    self.pos += 1;
                    break;
                }
                let name_span = self.ident()?;
                self.skip_trivia();
                if self.peek() != Some(b':') {
                    return None;
                }
                self.pos += 1;
                let value = self.value()?;
                if self.keep() {
                    fields.push(Field {
                        name: self.src[name_span.clone()].to_owned(),
                        name_span,
                        value,
                    });
                }
                if !self.separator(b')') {
                    return None;
                }
            }
            Value::Struct {
                span: start..self.pos,
                fields,
            }
        } else {
            // `Some(x)` stands for `x`: keep it whatever the depth, for its span.
            let mut items = self.sequence(b')', is_some)?;
            if is_some && items.len() == 1 {
                items.pop()?
            } else {
                Value::Tuple {
                    span: start..self.pos,
                    items,
                }
            }
        };
        self.depth -= 1;
        Some(value)
    }

    /// Items up to `close`, which is consumed.
    fn sequence(&mut self, close: u8, keep_items: bool) -> Option<Vec<Value>> {
        self.depth += 1;
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            if self.peek() == Some(close) {
                self.pos += 1;
                break;
            }
            let item = self.value()?;
            if keep_items || self.keep() {
                items.push(item);
            }
            if !self.separator(close) {
                return None;
            }
        }
        self.depth -= 1;
        Some(items)
    }

    fn map(&mut self, start: usize) -> Option<Value> {
        self.depth += 1;
        let mut entries = Vec::new();
        loop {
            self.skip_trivia();
            if self.peek() == Some(b'}') {
                self.pos += 1;
                break;
            }
            let key = self.value()?;
            let key_span = key.span();
            let key = match self.strings.last() {
                _ if !self.tree => String::new(),
                Some(lit) if lit.span == key_span => lit.text(self.src),
                _ => self.src[key_span.clone()].to_owned(),
            };
            self.skip_trivia();
            if self.peek() != Some(b':') {
                return None;
            }
            self.pos += 1;
            let value = self.value()?;
            if self.tree {
                entries.push(Entry {
                    key,
                    key_span,
                    value,
                });
            }
            if !self.separator(b'}') {
                return None;
            }
        }
        self.depth -= 1;
        Some(Value::Map {
            span: start..self.pos,
            entries,
        })
    }

    /// Consumes a `,` or sees the closing delimiter (left for the caller). False on anything else.
    fn separator(&mut self, close: u8) -> bool {
        self.skip_trivia();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                true
            }
            Some(b) => b == close,
            None => false,
        }
    }

    /// Keeps a string literal; a lazy reading keeps only those with anything to check (not
    /// plain printable ASCII): most text is, and a large file has hundreds of thousands.
    fn push_string(&mut self, literal: StringLiteral) {
        if self.tree || !literal.is_plain(self.src) {
            self.strings.push(literal);
        }
    }

    /// A `"..."` string: records where it stands, and checks its escapes can be decoded.
    fn string(&mut self, start: usize) -> Option<Range<usize>> {
        self.pos += 1;
        let body_start = self.pos;
        loop {
            // Jump to the next quote or backslash: long texts are scanned, not walked.
            let rest = self.bytes.get(self.pos..)?;
            let skip = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            self.pos += skip;
            if self.bytes[self.pos] == b'"' {
                break;
            }
            self.pos = decode_escape(self.src, self.pos + 1)?.1;
        }
        let body = body_start..self.pos;
        self.pos += 1;
        self.push_string(StringLiteral {
            span: start..self.pos,
            body,
            raw: false,
        });
        Some(start..self.pos)
    }

    /// `r"..."` or `r#"..."#`: no escapes, every character stands for itself.
    fn raw_string(&mut self, start: usize) -> Option<Range<usize>> {
        self.pos += 1; // 'r'
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let closing: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        let body_start = self.pos;
        let end = self.src[self.pos..].find(&closing)? + self.pos;
        self.pos = end + closing.len();
        self.push_string(StringLiteral {
            span: start..self.pos,
            body: body_start..end,
            raw: true,
        });
        Some(start..self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_top_level_list_is_found_past_strings_comments_and_nesting() {
        let text = r##"Scenario( // nodes: [ in a comment
    title: "nodes: [ \" ] in a string", /* nested /* nodes: [ */ ) */
    raw: r#"a "nodes: [" ]"#, c: '"', d: '\'', e: Thing(nodes: [1]),
    nodes /* the list */ : [Node(say: "]", x: [1, (2)])], start: "a")"##;
        let span = list_field_span(text, "nodes").unwrap();
        assert_eq!(&text[span], r#"[Node(say: "]", x: [1, (2)])]"#);
        let (name, start) = top_field(text, "start").unwrap();
        assert_eq!((&text[name], &text[start..]), ("start", "\"a\")"));
        assert_eq!(list_field_span("Scenario(nodes: None)", "nodes"), None);
        assert_eq!(list_field_span("Scenario(start: \"a\")", "nodes"), None);
        assert_eq!(
            top_field("Scenario(a: b, b: 1)", "b").map(|(n, _)| n),
            Some(15..16)
        );
    }
}
