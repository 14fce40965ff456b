//! Problems found in content files: where, what (words of the catalogue, in any language),
//! as plain text or JSON.
//! Drawing them for a terminal (colour, caret lines) is the program's business.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use super::codes::Code;
use super::outline::StringLiteral;
use super::text::display_safe;
use crate::l10n::{self, D, T, t};
use crate::lang::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }

    /// The level's word in `language`. The position line keeps `error` and `warning` in
    /// every language: `path:line:column: error|warning: message` is the format editors and
    /// CI read (the scenario format's contract); the message and the notes are translated.
    pub fn name_in(self, language: Lang) -> &'static str {
        match self {
            Level::Note => t(language, T::LevelNote),
            _ => self.name(),
        }
    }
}

/// A line of source under a diagnostic, ready to draw with a caret (see
/// [`Diagnostic::snippet`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// 1-based line number.
    pub line: usize,
    /// The line as shown: made safe, tabs expanded, cut to a window around the caret.
    pub shown: String,
    /// Display columns before the caret.
    pub before: usize,
    /// Display columns the caret spans (at least one).
    pub under: usize,
}

/// A message of the diagnostics catalogue (`locales/<lang>/diagnostics.ftl`) and the values
/// it names, put into words in the language asked for when it is shown. Made with
/// [`words!`](crate::words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: D,
    pub args: Vec<(&'static str, Arg)>,
}

/// A value of a [`Message`]: text put in as it is, or a message of its own (a word that each
/// language inflects its own way), shown in the same language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Message(Message),
}

/// What [`words!`](crate::words) takes as a value: anything shown with `Display`, or
/// [`Message`].
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

impl<T: std::fmt::Display + ?Sized> ToArg for T {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl ToArg for Message {
    fn to_arg(&self) -> Arg {
        Arg::Message(self.clone())
    }
}

impl Message {
    /// The words in `language`.
    pub fn in_lang(&self, language: Lang) -> String {
        let values: Vec<(&str, Cow<'_, str>)> = self
            .args
            .iter()
            .map(|(name, arg)| match arg {
                Arg::Text(text) => (*name, Cow::Borrowed(text.as_str())),
                Arg::Message(message) => (*name, Cow::Owned(message.in_lang(language))),
            })
            .collect();
        let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_ref())).collect();
        l10n::d(language, self.id, &values)
    }
}

/// A [`Message`] of the diagnostics catalogue: its key (its id in UpperCamelCase), and
/// the values it names, taken from the scope by name or given as `name = value`; a value is
/// anything shown with `Display`, or a [`Message`] of its own:
/// `words!(NodeIdUsedTwice, id)`, `words!(OutOfRangeMustBe, what, value, lo, hi)`.
#[macro_export]
macro_rules! words {
    ($id:ident $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::content::diagnostic::Message {
            id: $crate::l10n::D::$id,
            args: vec![$((stringify!($name), $crate::words!(@arg $name $(= $value)?)),)*],
        }
    };
    (@arg $name:ident) => {
        $crate::content::diagnostic::ToArg::to_arg(&$name)
    };
    (@arg $name:ident = $value:expr) => {
        $crate::content::diagnostic::ToArg::to_arg(&$value)
    };
}

/// A content file's text, shared by every diagnostic that points into it.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name shown to the user: a path, or `bundled:en/doctor-today.ron`.
    pub name: Arc<str>,
    /// A `String` rather than a `str` so that a file read from disk is shared as it was
    /// read: turning ten megabytes into an `Arc<str>` would copy them.
    pub text: Arc<String>,
    /// Newlines before each block of the text, counted on first use: a large file with many
    /// problems must not be rescanned for each one.
    lines: Arc<OnceLock<Vec<usize>>>,
    /// The last position asked for by [`Source::line_col`]: the next one, later on the same
    /// line, is counted on from there. Diagnostics are shown in the order of the file, so a
    /// thousand problems on one line of megabytes cost one pass over it, not a thousand.
    last: Arc<Mutex<Option<Place>>>,
}

/// A byte offset with its 1-based line and column.
#[derive(Clone, Copy, Debug)]
struct Place {
    offset: usize,
    line: usize,
    column: usize,
}

impl Source {
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: Arc::new(text.into()),
            lines: Arc::default(),
            last: Arc::default(),
        }
    }

    /// How many newlines come before each block of [`LINE_BLOCK`] bytes, counted on first
    /// use. A line is then found by counting within one block: a file of a million lines
    /// needs no index of a million entries to report a problem or two.
    fn newlines_before_blocks(&self) -> &[usize] {
        self.lines.get_or_init(|| {
            let counts =
                self.text
                    .as_bytes()
                    .chunks(LINE_BLOCK)
                    .map(newlines)
                    .scan(0, |total, n| {
                        *total += n;
                        Some(*total)
                    });
            std::iter::once(0).chain(counts).collect()
        })
    }

    /// The 0-based line holding a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        let block = offset / LINE_BLOCK;
        let before = self.newlines_before_blocks()[block];
        before + newlines(&self.text.as_bytes()[block * LINE_BLOCK..offset])
    }

    /// Where a 0-based line starts; the text's length if there is no such line.
    fn line_start(&self, line: usize) -> usize {
        if line == 0 {
            return 0;
        }
        // The block holding the line's newline, and how many newlines into it that is.
        let counts = self.newlines_before_blocks();
        if counts.last().is_none_or(|&all| line > all) {
            return self.text.len();
        }
        let block = counts.partition_point(|&n| n < line) - 1;
        let bytes = self.text.as_bytes();
        let from = block * LINE_BLOCK;
        bytes[from..]
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(line - counts[block] - 1)
            .map_or(self.text.len(), |(i, _)| from + i + 1)
    }

    /// The text of a 0-based line, without its newline.
    fn line_text(&self, line: usize) -> &str {
        let start = self.line_start(line);
        let rest = &self.text[start..];
        &rest[..rest.find('\n').unwrap_or(rest.len())]
    }

    /// 1-based line and column (in characters, as ron counts) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let place = match *last {
            // Later on the line of the last position: counted on from there.
            Some(p) if p.offset <= offset && !self.text[p.offset..offset].contains('\n') => Place {
                offset,
                line: p.line,
                column: p.column + self.text[p.offset..offset].chars().count(),
            },
            _ => {
                let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
                Place {
                    offset,
                    line: self.line_of(offset) + 1,
                    column: self.text[start..offset].chars().count() + 1,
                }
            }
        };
        *last = Some(place);
        (place.line, place.column)
    }

    /// Up to `before` bytes of the line holding `offset` before it and up to `after` bytes
    /// after it (whole characters), never past the line's ends: the part of a line a
    /// diagnostic shows, found without reading the rest of a line of megabytes. With it,
    /// where `offset` falls in it, and whether the line goes on before and after it.
    fn line_around(&self, offset: usize, before: usize, after: usize) -> (&str, usize, bool, bool) {
        let text = self.text.as_str();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let mut from = floor_char_boundary(text, offset.saturating_sub(before));
        if let Some(i) = text[from..offset].rfind('\n') {
            from += i + 1;
        }
        let mut to = floor_char_boundary(text, (offset + after).min(text.len()));
        while to < text.len() && !text.is_char_boundary(to) {
            to += 1;
        }
        if let Some(i) = text[offset..to].find('\n') {
            to = offset + i;
        }
        let more_before = from > 0 && text.as_bytes()[from - 1] != b'\n';
        let more_after = to < text.len() && text.as_bytes()[to] != b'\n';
        (&text[from..to], offset - from, more_before, more_after)
    }

    /// The 1-based column of a byte offset counted in bytes, as Vim's quickfix counts.
    pub fn byte_column(&self, offset: usize) -> usize {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        offset - start + 1
    }

    /// The byte offset of a 1-based line and character column; clamped into the text.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let start = self.line_start(line.max(1) - 1);
        if start == self.text.len() {
            return start;
        }
        let text = self.line_text(line.max(1) - 1);
        text.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(start + text.len(), |(i, _)| start + i)
    }
}

/// Lines are counted by blocks of this many bytes.
const LINE_BLOCK: usize = 64 * 1024;

fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What the author probably meant, and exactly which bytes of the source to replace with
/// what to say it: an editor's quick fix and `check --format json` apply it as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The name as the message says it: `greet` in "did you mean `greet`?".
    pub text: String,
    /// The bytes of the source that [`Suggestion::replacement`] replaces.
    pub span: Range<usize>,
    /// The source text to put there: `text` as the file writes it (escaped inside a string).
    pub replacement: String,
}

impl Suggestion {
    /// `text` in place of what `span` of `src` holds: the body of a string literal (the
    /// quotes stay), or the span itself (a field name or a variant, written bare).
    pub fn at(src: &str, span: Range<usize>, text: &str) -> Suggestion {
        match StringLiteral::at(src, span.clone()) {
            Some(literal) if !literal.raw => Suggestion {
                text: text.to_owned(),
                span: literal.body,
                replacement: text.replace('\\', "\\\\").replace('"', "\\\""),
            },
            Some(literal) if !text.contains('"') => Suggestion {
                text: text.to_owned(),
                span: literal.body,
                replacement: text.to_owned(),
            },
            _ => Suggestion {
                text: text.to_owned(),
                span,
                replacement: text.to_owned(),
            },
        }
    }

    /// The source with the suggestion applied.
    pub fn apply(&self, src: &str) -> String {
        let mut fixed = src.to_owned();
        fixed.replace_range(self.span.clone(), &self.replacement);
        fixed
    }
}

/// One problem in one file. Its message and notes are words of the diagnostics catalogue,
/// shown in any language ([`Diagnostic::message_in`], [`Diagnostic::notes_in`]); JSON, for
/// editors and CI, has them in English.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub level: Level,
    pub code: Code,
    pub message: Message,
    pub source: Source,
    /// Byte span in `source.text`; empty for a point.
    pub span: Range<usize>,
    /// A replacement to offer, e.g. the field name a typo was probably meant to be; the
    /// message then ends "did you mean `x`?".
    pub suggestion: Option<Suggestion>,
    /// Further lines shown under the snippet.
    pub notes: Vec<Message>,
}

impl Diagnostic {
    pub fn new(code: Code, source: &Source, span: Range<usize>, message: Message) -> Self {
        Diagnostic {
            level: code.level(),
            code,
            message,
            source: source.clone(),
            span,
            suggestion: None,
            notes: Vec::new(),
        }
    }

    /// Adds "did you mean `x`?" to the message and records `x` as the suggestion.
    pub fn suggest(mut self, suggestion: Option<&str>) -> Self {
        self.offer(suggestion);
        self
    }

    /// As [`Diagnostic::suggest`], in place. The replacement goes where the diagnostic
    /// points; inside the quotes when it points at a string literal, so that applying it
    /// leaves a well-formed file.
    pub fn offer(&mut self, suggestion: Option<&str>) {
        if let Some(s) = suggestion {
            self.suggestion = Some(Suggestion::at(&self.source.text, self.span.clone(), s));
        }
    }

    pub fn note(mut self, note: Message) -> Self {
        self.add_note(note);
        self
    }

    /// As [`Diagnostic::note`], in place.
    pub fn add_note(&mut self, note: Message) {
        self.notes.push(note);
    }

    /// The message in `language`, with the suggestion when there is one.
    pub fn message_in(&self, language: Lang) -> String {
        let mut message = self.message.in_lang(language);
        if let Some(s) = &self.suggestion {
            message.push_str(&l10n::d(language, D::DidYouMean, &[("name", &s.text)]));
        }
        message
    }

    /// The notes in `language`.
    pub fn notes_in(&self, language: Lang) -> Vec<String> {
        self.notes.iter().map(|n| n.in_lang(language)).collect()
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// 1-based line and column where the problem starts.
    pub fn start(&self) -> (usize, usize) {
        self.source.line_col(self.span.start)
    }

    pub fn end(&self) -> (usize, usize) {
        self.source.line_col(self.span.end)
    }

    /// `path:line:column: level: message [code]` with the column in bytes, for quickfix
    /// lists (Vim's `%c` counts bytes): `check --format short`.
    pub fn short_in(&self, language: Lang) -> String {
        let (line, _) = self.start();
        self.line_at(language, line, self.source.byte_column(self.span.start))
    }

    /// `path:line:column: level: message [code]`, the first line of the full rendering.
    pub fn headline(&self) -> String {
        self.headline_in(Lang::En)
    }

    /// As [`Diagnostic::headline`], in `language`: `path:1:2: virhe: viesti [K0101]`.
    pub fn headline_in(&self, language: Lang) -> String {
        let (line, column) = self.start();
        self.line_at(language, line, column)
    }

    /// `path:line:column: level: message [code]` at the line and column given.
    fn line_at(&self, language: Lang, line: usize, column: usize) -> String {
        format!(
            "{}:{line}:{column}: {}: {} [{}]",
            display_safe(&self.source.name),
            self.level.name_in(language),
            display_safe(&self.message_in(language)),
            self.code.as_str(),
        )
    }

    /// The source line around the diagnostic's start, laid out for a caret underneath: what
    /// to show of the line, how many columns come before the caret and how many it spans.
    /// None for a diagnostic about a whole file (no text to point into).
    pub fn snippet(&self) -> Option<Snippet> {
        if self.source.text.is_empty() {
            return None;
        }
        let (line, _) = self.start();
        // Enough of the line on either side for any window (a character is at most four
        // bytes, and an escape such as `\u{1b}` shows as up to eight columns).
        let reach = 4 * MAX_SHOWN;
        let (part, caret, more_before, more_after) =
            self.source.line_around(self.span.start, reach, reach);
        let col_in_part = part[..caret].chars().count();
        let (shown, before, under) = caret_columns(
            part,
            col_in_part,
            self.span_chars_on_line(),
            (more_before, more_after),
        );
        Some(Snippet {
            line,
            shown,
            before,
            under: under.max(1),
        })
    }

    /// How many characters of the span lie on its first line (at least one; no more than
    /// a window shows are counted).
    fn span_chars_on_line(&self) -> usize {
        let text = &self.source.text;
        let start = floor_char_boundary(text, self.span.start.min(text.len()));
        let end = floor_char_boundary(text, self.span.end.clamp(start, text.len()));
        let first_line = text[start..end].split('\n').next().unwrap_or("");
        first_line.chars().take(MAX_SHOWN + 1).count().max(1)
    }

    /// One JSON object, for editors and CI, in the shape of [`JSON_SCHEMA`] (documented in
    /// docs/check-json.md): positions as 1-based line, column in characters, column in
    /// bytes and 0-based byte offset.
    pub fn to_json(&self) -> serde_json::Value {
        let (line, column) = self.start();
        let fix = self.suggestion.as_ref().map(|s| {
            serde_json::json!({
                "start": self.position(s.span.start),
                "end": self.position(s.span.end),
                "replacement": s.replacement,
            })
        });
        serde_json::json!({
            "schema": JSON_SCHEMA,
            "path": &*self.source.name,
            "line": line,
            "column": column,
            "byte_column": self.source.byte_column(self.span.start),
            "offset": self.span.start,
            "end": self.position(self.span.end),
            "level": self.level,
            "code": self.code.as_str(),
            "message": self.message_in(Lang::En),
            "suggestion": self.suggestion.as_ref().map(|s| &s.text),
            "fix": fix,
            "notes": self.notes_in(Lang::En),
        })
    }

    fn position(&self, offset: usize) -> serde_json::Value {
        let (line, column) = self.source.line_col(offset);
        serde_json::json!({
            "line": line,
            "column": column,
            "byte_column": self.source.byte_column(offset),
            "offset": offset,
        })
    }
}

/// The version of `check --format json`'s objects, in their `schema` field. It goes up when
/// a field is removed or changes its meaning; adding a field keeps it. Version 1 (before the
/// field existed) had no offsets and no `fix`.
pub const JSON_SCHEMA: u32 = 2;

/// Display columns of the source line a diagnostic shows, at most: a longer line (a generated
/// file on one line, say) is shown as a window around the caret, cut with `…`.
const MAX_SHOWN: usize = 160;
/// Columns of the line kept before the caret in a window, when the line has them.
const BEFORE_CARET: usize = 40;

/// A character as shown: tabs expanded, unsafe characters escaped; and its width.
fn shown_char(c: char) -> (std::borrow::Cow<'static, str>, usize) {
    match c {
        '\t' => ("    ".into(), 4),
        c if super::text::is_unsafe(c) => {
            let escaped = format!("\\u{{{:x}}}", c as u32);
            let width = escaped.len();
            (escaped.into(), width)
        }
        c => (c.to_string().into(), c.width().unwrap_or(0)),
    }
}

/// The width of [`shown_char`], without building its text.
fn shown_width(c: char) -> usize {
    match c {
        '\t' => 4,
        c if super::text::is_unsafe(c) => format!("\\u{{{:x}}}", c as u32).len(),
        c => c.width().unwrap_or(0),
    }
}

/// The line made safe to print, with tabs expanded, and the display columns of the caret:
/// how far in it starts and how wide it is, for `chars` characters from character `col`.
/// A line wider than [`MAX_SHOWN`] is cut to a window around the caret, `…` at a cut end.
/// `line` may be a part of the line (`more`: whether the line goes on before and after it);
/// the window then always shows `…` where the line goes on.
fn caret_columns(
    line: &str,
    col: usize,
    chars: usize,
    (more_before, more_after): (bool, bool),
) -> (String, usize, usize) {
    // First the columns alone: where the caret starts and ends, and how wide the line is.
    let (mut total, mut before, mut under) = (0, 0, 0);
    for (i, c) in line.chars().enumerate() {
        let width = shown_width(c);
        if i < col {
            before += width;
        } else if i < col + chars {
            under += width;
        }
        total += width;
    }
    let mut shown = String::new();
    if total <= MAX_SHOWN && !more_before && !more_after {
        for c in line.chars() {
            shown.push_str(&shown_char(c).0);
        }
        return (shown.trim_end().to_owned(), before, under);
    }
    // Room for the two ellipses; the caret's start always shows.
    let room = MAX_SHOWN - 2;
    let from = before
        .saturating_sub(BEFORE_CARET)
        .min(total.saturating_sub(room));
    let to = from + room;
    let mut at = 0;
    // Columns where the window really starts and ends: a wide character is never split.
    let (mut first, mut last) = (None, 0);
    for c in line.chars() {
        let (text, width) = shown_char(c);
        if at >= from && at + width <= to {
            first.get_or_insert(at);
            last = at + width;
            shown.push_str(&text);
        }
        at += width;
        if at >= to {
            break;
        }
    }
    let first = first.unwrap_or(from).min(before);
    let cut_start = usize::from(first > 0 || more_before);
    let cut_end = usize::from(last < total || more_after);
    if cut_start == 1 {
        shown.insert(0, '…');
    }
    if cut_end == 1 {
        shown.push('…');
    }
    // A caret running past the cut ends under its `…`.
    let under = under.min((last + cut_end).saturating_sub(before));
    let before = before - first + cut_start;
    (shown.trim_end().to_owned(), before, under)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines and columns as counted by blocks agree with counting from the start, across
    /// block edges, on lines of every length and with characters of several bytes.
    #[test]
    fn positions_in_a_text_of_many_blocks() {
        let mut text = String::new();
        for n in 0..9000usize {
            text.push_str(&"äb ".repeat(n % 50));
            text.push(if n % 7 == 0 { '\n' } else { 'x' });
            text.push('\n');
        }
        assert!(text.len() > 4 * LINE_BLOCK);
        let source = Source::new("t", text.as_str());
        let (mut line, mut line_start, mut previous) = (1, 0, 0);
        let offsets = text.char_indices().map(|(i, _)| i).step_by(997);
        for offset in offsets.chain([text.len()]) {
            let passed = &text[previous..offset];
            line += newlines(passed.as_bytes());
            if let Some(i) = passed.rfind('\n') {
                line_start = previous + i + 1;
            }
            previous = offset;
            let column = text[line_start..offset].chars().count() + 1;
            assert_eq!(source.line_col(offset), (line, column), "at {offset}");
            assert_eq!(
                source.offset(line, column),
                offset,
                "line {line} column {column}"
            );
        }
        let lines = text.lines().count();
        assert_eq!(source.line_text(lines - 1), text.lines().last().unwrap());
        assert_eq!(source.offset(lines + 5, 1), text.len());
    }

    /// The source line as shown and the caret line under it.
    fn snippet(d: &Diagnostic) -> (String, String) {
        let s = d.snippet().unwrap();
        let caret = format!("{}{}", " ".repeat(s.before), "^".repeat(s.under));
        (s.shown, caret)
    }

    fn point_at(line: &str, marker: &str) -> Diagnostic {
        let source = Source::new("long.ron", format!("Scenario(\n{line}\n)\n"));
        let start = source.text.find(marker).unwrap();
        Diagnostic::new(
            Code::Syntax,
            &source,
            start..start + marker.len(),
            words!(EmptyText),
        )
    }

    /// The characters above the caret, counted in columns (every character here is one wide).
    fn under_caret(shown: &str, caret: &str) -> String {
        let start = caret.chars().position(|c| c == '^').unwrap();
        let len = caret.chars().filter(|&c| c == '^').count();
        shown.chars().skip(start).take(len).collect()
    }

    #[test]
    fn a_very_long_line_is_shown_as_a_window_around_the_caret() {
        let line = format!("{}ÄÖX{}", "a".repeat(20_000), "b".repeat(20_000));
        let (shown, caret) = snippet(&point_at(&line, "ÄÖX"));
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(
            shown.chars().count() <= MAX_SHOWN,
            "{}",
            shown.chars().count()
        );
        assert_eq!(under_caret(&shown, &caret), "ÄÖX");
    }

    #[test]
    fn a_window_near_either_end_of_the_line_is_cut_only_at_the_other() {
        let line = format!("ab{}", "c".repeat(10_000));
        let (shown, caret) = snippet(&point_at(&line, "ab"));
        assert!(shown.starts_with("ab") && shown.ends_with('…'), "{shown}");
        assert_eq!(under_caret(&shown, &caret), "ab");

        let line = format!("{}yz", "c".repeat(10_000));
        let (shown, caret) = snippet(&point_at(&line, "yz"));
        assert!(shown.starts_with('…') && shown.ends_with("yz"), "{shown}");
        assert_eq!(under_caret(&shown, &caret), "yz");
    }

    #[test]
    fn a_span_longer_than_the_window_is_underlined_to_the_cut() {
        let line = format!("{}{}", "a".repeat(1_000), "z".repeat(1_000));
        let d = point_at(&line, &"z".repeat(1_000));
        let (shown, caret) = snippet(&d);
        let underlined = under_caret(&shown, &caret);
        assert!(
            underlined.starts_with('z') && underlined.ends_with('…'),
            "{underlined}"
        );
        assert!(!underlined.contains('a'));
    }

    #[test]
    fn a_line_that_fits_is_shown_whole() {
        let line = format!("    text: \"{}\",", "word ".repeat(25));
        let (shown, caret) = snippet(&point_at(&line, "text"));
        assert_eq!(shown, line);
        assert_eq!(under_caret(&shown, &caret), "text");
    }
}
