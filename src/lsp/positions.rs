//! Byte offsets in a file and LSP positions: a line and a column counted in the unit the
//! client and server agreed on (UTF-16 code units by default, or UTF-8 bytes). kohtaa counts
//! bytes inside and characters in its own output; neither is what an editor means unless
//! said.

use std::ops::Range;

use lsp_types::{Position, PositionEncodingKind, Range as LspRange};

/// The unit of an LSP column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion at all), else the protocol's default.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Where each line of a text starts, to turn offsets into positions and back.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    encoding: Encoding,
}

impl LineIndex {
    pub fn new(text: &str, encoding: Encoding) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts, encoding }
    }

    /// The position of byte `offset` of `text` (clamped into it, and back to a character's
    /// start).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column: usize = text[start..offset]
            .chars()
            .map(|c| self.encoding.width(c))
            .sum();
        Position::new(to_u32(line), to_u32(column))
    }

    pub fn range(&self, text: &str, span: Range<usize>) -> LspRange {
        LspRange::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }

    /// The byte offset of `position`: a column past the line's end is its end, a line past
    /// the text's end is the end, and a column inside a character is that character's start.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self.starts.get(line + 1).map_or(text.len(), |&n| n - 1);
        let wanted = position.character as usize;
        let mut column = 0;
        for (i, c) in text[start..end].char_indices() {
            let next = column + self.encoding.width(c);
            if next > wanted {
                return start + i;
            }
            column = next;
        }
        end
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Scenario(\n  say: \"Äänekäs äiti 👩‍👧\", next: \"x\",\n)";

    #[test]
    fn utf16_counts_code_units_and_utf8_bytes() {
        let x = TEXT.find("\"x\"").unwrap();
        let utf16 = LineIndex::new(TEXT, Encoding::Utf16);
        let utf8 = LineIndex::new(TEXT, Encoding::Utf8);
        // "  say: \"" is 8, the 12 letters of "Äänekäs äiti" and a space, the emoji
        // sequence (👩 and 👧 are two units each in UTF-16, four bytes in UTF-8; the joiner
        // one and three), then "\", next: " (9).
        assert_eq!(utf16.position(TEXT, x), Position::new(1, 8 + 13 + 5 + 9));
        assert_eq!(utf8.position(TEXT, x), Position::new(1, 8 + 17 + 11 + 9));
        for index in [&utf16, &utf8] {
            let p = index.position(TEXT, x);
            assert_eq!(index.offset(TEXT, p), x);
        }
    }

    #[test]
    fn every_character_start_goes_there_and_back() {
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let index = LineIndex::new(TEXT, encoding);
            for (i, _) in TEXT.char_indices().chain([(TEXT.len(), ' ')]) {
                assert_eq!(index.offset(TEXT, index.position(TEXT, i)), i, "{i}");
            }
        }
    }

    #[test]
    fn positions_out_of_the_text_are_clamped() {
        let index = LineIndex::new(TEXT, Encoding::Utf16);
        assert_eq!(index.offset(TEXT, Position::new(0, 500)), "Scenario(".len());
        assert_eq!(index.offset(TEXT, Position::new(9, 0)), TEXT.len());
        // Inside the surrogate pair of 👩: its start.
        let woman = TEXT.find('👩').unwrap();
        let p = index.position(TEXT, woman);
        assert_eq!(index.offset(TEXT, Position::new(1, p.character + 1)), woman);
        // Inside "Ä" (two bytes): the position of its start.
        let a = TEXT.find('Ä').unwrap();
        assert_eq!(index.position(TEXT, a + 1), index.position(TEXT, a));
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let utf32 = [PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&utf32)), Encoding::Utf16);
    }
}
