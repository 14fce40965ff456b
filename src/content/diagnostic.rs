//! Problems found in content files, and how they are shown: rustc-style text or JSON lines.

use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use serde::Serialize;

use super::codes::Code;
use super::text::display_safe;

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
}

/// A content file's text, shared by every diagnostic that points into it.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name shown to the user: a path, or `bundled:en/doctor-today.ron`.
    pub name: Arc<str>,
    pub text: Arc<str>,
}

impl Source {
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters, as ron counts) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        (line, before[line_start..].chars().count() + 1)
    }

    /// The byte offset of a 1-based line and character column; clamped into the text.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let mut start = 0;
        for _ in 1..line.max(1) {
            match self.text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return self.text.len(),
            }
        }
        let line_text = &self.text[start..];
        let line_end = line_text.find('\n').unwrap_or(line_text.len());
        line_text[..line_end]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(start + line_end, |(i, _)| start + i)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem in one file.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub level: Level,
    pub code: Code,
    pub message: String,
    pub source: Source,
    /// Byte span in `source.text`; empty for a point.
    pub span: Range<usize>,
    /// A replacement to offer, e.g. the field name a typo was probably meant to be.
    pub suggestion: Option<String>,
    /// Further lines shown under the snippet.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn new(
        code: Code,
        source: &Source,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            level: code.level(),
            code,
            message: message.into(),
            source: source.clone(),
            span,
            suggestion: None,
            notes: Vec::new(),
        }
    }

    /// Adds "did you mean `x`?" to the message and records `x` as the suggestion.
    pub fn suggest(mut self, suggestion: Option<&str>) -> Self {
        if let Some(s) = suggestion {
            self.message.push_str(&format!("; did you mean `{s}`?"));
            self.suggestion = Some(s.to_owned());
        }
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
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

    /// `path:line:column: level[code]: message`, the first line of the full rendering.
    pub fn headline(&self) -> String {
        let (line, col) = self.start();
        format!(
            "{}:{line}:{col}: {}[{}]: {}",
            display_safe(&self.source.name),
            self.level.name(),
            self.code.as_str(),
            display_safe(&self.message)
        )
    }

    /// The headline, then the source line with a caret under the spot, rustc style.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        if color {
            let (style, reset) = match self.level {
                Level::Error => ("\x1b[1;31m", "\x1b[0m"),
                Level::Warning => ("\x1b[1;33m", "\x1b[0m"),
                Level::Note => ("\x1b[1;36m", "\x1b[0m"),
            };
            let (line, col) = self.start();
            out.push_str(&format!(
                "\x1b[1m{}:{line}:{col}:\x1b[0m {style}{}[{}]{reset}\x1b[1m: {}\x1b[0m\n",
                display_safe(&self.source.name),
                self.level.name(),
                self.code.as_str(),
                display_safe(&self.message)
            ));
        } else {
            out.push_str(&self.headline());
            out.push('\n');
        }
        out.push_str(&self.snippet());
        out
    }

    /// The source line and caret, drawn by codespan-reporting over text made safe to print.
    fn snippet(&self) -> String {
        let safe = display_safe_same_length(&self.source.text);
        let file = SimpleFile::new("", safe.as_str());
        let severity = match self.level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Note => Severity::Note,
        };
        let mut span = self.span.clone();
        span.end = span.end.max(span.start);
        let report = Report::new(severity)
            .with_labels(vec![Label::primary((), span)])
            .with_notes(
                self.notes
                    .iter()
                    .map(|n| display_safe(n).into_owned())
                    .collect(),
            );
        let config = Config {
            before_label_lines: 0,
            after_label_lines: 0,
            ..Config::default()
        };
        let rendered = term::emit_into_string(&config, &file, &report).unwrap_or_default();
        // codespan prints its own empty header line and the `┌─ :l:c` locator; ours is richer.
        rendered
            .lines()
            .skip_while(|l| !l.contains('│') && !l.contains('|'))
            .filter(|l| !l.contains("┌─") && !l.contains("--> "))
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    }

    /// One JSON object, for editors and CI.
    pub fn to_json(&self) -> serde_json::Value {
        let (line, column) = self.start();
        let (end_line, end_column) = self.end();
        serde_json::json!({
            "path": &*self.source.name,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "level": self.level,
            "code": self.code.as_str(),
            "message": self.message,
            "suggestion": self.suggestion,
            "notes": self.notes,
        })
    }
}

/// Replaces characters unsafe to print with one of the same UTF-8 length, so byte spans stay
/// valid and columns stay put.
fn display_safe_same_length(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' || !super::text::is_unsafe(c) {
                c
            } else {
                match c.len_utf8() {
                    1 => '?',
                    2 => '¿',
                    3 => '\u{fffd}',
                    _ => '\u{fffd}',
                }
            }
        })
        .collect()
}
