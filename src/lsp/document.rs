//! An open file as the editor has it, kept as the checker reads it (no byte-order mark,
//! `\n` line ends), with what is known about it: its lines, its ids, its last check.

use std::cell::OnceCell;
use std::ops::Range;
use std::path::PathBuf;

use lsp_types::{Position, Range as LspRange, TextDocumentContentChangeEvent, Uri};

use super::positions::{Encoding, LineIndex};
use crate::content::library::prepare;
use crate::content::symbols::Symbols;

pub struct Document {
    pub uri: Uri,
    /// Where the file is (or would be): its library is found from it.
    pub path: PathBuf,
    pub version: i32,
    /// The text as the checker reads it.
    pub text: String,
    /// The editor's first line starts with a byte-order mark the text does not have: its
    /// columns there are one character further on.
    bom: bool,
    lines: LineIndex,
    encoding: Encoding,
    symbols: OnceCell<Symbols>,
}

impl Document {
    pub fn new(uri: Uri, path: PathBuf, version: i32, text: String, encoding: Encoding) -> Self {
        let mut doc = Document {
            uri,
            path,
            version,
            text: String::new(),
            bom: false,
            lines: LineIndex::new("", encoding),
            encoding,
            symbols: OnceCell::new(),
        };
        doc.set_text(text);
        doc
    }

    fn set_text(&mut self, text: String) {
        self.bom = text.starts_with('\u{feff}');
        self.text = prepare(text);
        self.lines = LineIndex::new(&self.text, self.encoding);
        self.symbols = OnceCell::new();
    }

    /// Applies the editor's changes in order: a range replaced, or the whole text.
    pub fn change(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.span(range);
                    let mut text = std::mem::take(&mut self.text);
                    text.replace_range(span, &change.text);
                    if self.bom {
                        text.insert(0, '\u{feff}');
                    }
                    self.set_text(text);
                }
                None => self.set_text(change.text),
            }
        }
        self.version = version;
    }

    /// The ids written in the file, read on first use after each change.
    pub fn symbols(&self) -> &Symbols {
        self.symbols.get_or_init(|| Symbols::read(&self.text))
    }

    /// The editor's position of a byte offset of the text.
    pub fn position(&self, offset: usize) -> Position {
        let mut p = self.lines.position(&self.text, offset);
        if self.bom && p.line == 0 {
            p.character += 1;
        }
        p
    }

    pub fn range(&self, span: Range<usize>) -> LspRange {
        LspRange::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of the editor's position.
    pub fn offset(&self, mut p: Position) -> usize {
        if self.bom && p.line == 0 {
            p.character = p.character.saturating_sub(1);
        }
        self.lines.offset(&self.text, p)
    }

    pub fn span(&self, range: LspRange) -> Range<usize> {
        let start = self.offset(range.start);
        start..self.offset(range.end).max(start)
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn doc(text: &str) -> Document {
        let uri = Uri::from_str("file:///a.ron").unwrap();
        Document::new(uri, "/a.ron".into(), 1, text.into(), Encoding::Utf16)
    }

    fn edit(range: Option<(u32, u32, u32, u32)>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|(l0, c0, l1, c1)| {
                LspRange::new(Position::new(l0, c0), Position::new(l1, c1))
            }),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn edits_apply_at_the_editors_positions_with_windows_line_ends_and_a_bom() {
        let mut d = doc("\u{feff}(a: \"👩\",\r\n b: 1)");
        assert_eq!(d.text, "(a: \"👩\",\n b: 1)");
        // After the mark and "(a: \"👩" (1 + 5 + 2 UTF-16 units) comes the closing quote.
        assert_eq!(d.offset(Position::new(0, 8)), "(a: \"👩".len());
        d.change(
            2,
            vec![
                edit(Some((0, 6, 0, 8)), "x"),
                edit(Some((1, 4, 1, 5)), "22"),
            ],
        );
        assert_eq!(d.text, "(a: \"x\",\n b: 22)");
        assert_eq!(d.position(d.text.find('x').unwrap()), Position::new(0, 6));
        d.change(3, vec![edit(None, "(c: 3)")]);
        assert_eq!((d.text.as_str(), d.version), ("(c: 3)", 3));
        assert_eq!(d.position(1), Position::new(0, 1));
    }
}
