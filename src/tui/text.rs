//! Text made ready for the screen: sanitised, wrapped to a width ahead of drawing, so that
//! every screen knows exactly how many rows its content takes (for scrolling) and nothing
//! depends on the renderer's own wrapping.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::content::text::for_screen;

/// The most characters of one text any screen shows: more than ten full screens at 200
/// columns. A longer text is cut there, with `…`, before anything else is done with it, so
/// that no text makes a key cost more than this much work (a title of 15 MB once took half a
/// second a key to wrap on the briefing).
pub const MAX_SHOWN_CHARS: usize = 20_000;

/// Content text as it may be shown: at most [`MAX_SHOWN_CHARS`] characters, NFC, tabs
/// expanded, control, bidi and stray invisible characters removed.
pub fn clean(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((cut, _)) => {
            let mut shown = for_screen(&text[..cut]);
            shown.push('…');
            shown
        }
        None => for_screen(text),
    }
}

/// Display width in terminal cells.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Wraps `text` into lines of at most `max` cells where Unicode allows a break (spaces,
/// after hyphens and dashes), filling each line before the next. Newlines in the text start
/// new lines; a word longer than a line is broken. Runs of spaces read as one, and a line
/// never starts with one.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let text: Vec<String> = text
        .split('\n')
        .map(|p| {
            p.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let text = text.join("\n");
    let options = textwrap::Options::new(max.max(1))
        .word_separator(textwrap::WordSeparator::UnicodeBreakProperties)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .break_words(true);
    textwrap::wrap(&text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// Cuts `text` to `max` cells, ending with "…" when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// A screen's content as pre-wrapped lines, built top to bottom.
#[derive(Default)]
pub struct Doc {
    pub lines: Vec<Line<'static>>,
    width: usize,
}

impl Doc {
    pub fn new(width: u16) -> Doc {
        Doc {
            lines: Vec::new(),
            width: usize::from(width).max(1),
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    pub fn line(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// A paragraph of content text, wrapped, every line with `style`.
    pub fn para(&mut self, text: &str, style: Style) {
        self.hanging("", "", text, style);
    }

    /// A paragraph whose first line starts with `first` and the rest with `rest` (same
    /// width), as for a numbered item or a label.
    pub fn hanging(&mut self, first: &str, rest: &str, text: &str, style: Style) {
        self.hanging_styled(first, style, rest, text, style);
    }

    pub fn hanging_styled(
        &mut self,
        first: &str,
        first_style: Style,
        rest: &str,
        text: &str,
        style: Style,
    ) {
        let indent = width(first).max(width(rest));
        let body = self.width.saturating_sub(indent).max(8);
        for (i, l) in wrap(&clean(text), body).into_iter().enumerate() {
            let (lead, lead_style) = if i == 0 {
                (first, first_style)
            } else {
                (rest, style)
            };
            let pad = indent.saturating_sub(width(lead));
            self.lines.push(Line::from(vec![
                Span::styled(format!("{lead}{}", " ".repeat(pad)), lead_style),
                Span::styled(l, style),
            ]));
        }
    }
}

/// The first row to show so that rows `start..end` are visible in a view of `view` rows,
/// moving as little as possible from `current`.
pub fn scroll_to_show(current: usize, view: usize, start: usize, end: usize) -> usize {
    if end.saturating_sub(start) >= view || start < current {
        return start;
    }
    if end > current + view {
        return end.saturating_sub(view);
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_breaks_long_words() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefg", 3), vec!["abc", "def", "g"]);
        assert_eq!(wrap("a\n\nb", 5), vec!["a", "", "b"]);
        assert_eq!(wrap("Hyvää päivää", 6), vec!["Hyvää", "päivää"]);
    }

    #[test]
    fn a_text_is_shown_up_to_its_cap() {
        let long = "ab ".repeat(MAX_SHOWN_CHARS);
        let shown = clean(&long);
        assert_eq!(shown.chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(shown.ends_with('…'));
        assert_eq!(clean("short\ttext"), "short    text");
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
        assert_eq!(truncate("abc", 0), "");
    }
}
