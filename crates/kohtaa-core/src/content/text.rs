//! Text hygiene: scenario files travel between organisations, so their text is untrusted.
//!
//! A control character or a bidi override could rewrite a learner's terminal or disguise what
//! a line says. They are refused at load time (see [`super::hygiene`], which judges every
//! string of every parsed file by the rule here), and anything printed is escaped anyway.
//!
//! # The rule
//! - **Errors**: C0 controls other than newline and tab, DEL, C1 controls (U+0080–U+009F),
//!   the line and paragraph separators U+2028 and U+2029, and the bidirectional controls
//!   (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
//! - **Warnings**: characters that show nothing (the Unicode default-ignorable characters:
//!   zero-width space, soft hyphen, word joiner, byte-order mark, variation selectors, tags,
//!   the combining grapheme joiner, the Hangul fillers ...), except where they are part of
//!   legitimate text:
//!   - a zero-width joiner (U+200D) between two emoji, as in 👩‍💻 (an emoji's variation
//!     selector or skin tone may come between the first emoji and the joiner);
//!   - a variation selector U+FE0E or U+FE0F right after an emoji or a keycap base (`#`, `*`,
//!     `0`–`9`), as in ❤️;
//!   - a zero-width non-joiner (U+200C) between two letters of a script that uses it (Arabic,
//!     Persian, Syriac, N'Ko, Mongolian and the Indic scripts), as in a name written in one;
//!   - tag characters (U+E0020–U+E007F) after a black flag, as in the flag of Scotland;
//!   - an ideographic variation selector (U+E0100–U+E01EF) after a CJK ideograph.
//!
//! The screens drop what the rule reports; the command line shows it as a `\u{..}` escape;
//! JSON writes it as a `\uXXXX` escape.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Bidirectional formatting characters that can reorder what a line appears to say.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// The line and paragraph separators: terminals and editors disagree about them (one breaks
/// the line, another shows nothing), so text that holds one reads differently in each.
pub fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Characters that must never reach a terminal: C0 and C1 controls, DEL, bidi controls, the
/// line and paragraph separators. Newline and tab are allowed in text, so callers decide
/// about them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_line_separator(c)
}

/// Characters that show nothing and are not controls (Unicode's default-ignorable code
/// points, and the Hangul fillers that show as blanks): harmless to print, but they hide what
/// a text really holds. Some are legitimate in context; see [`unwanted`].
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200d}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206a}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// What the rule makes of a character it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unwanted {
    /// A C0 or C1 control or DEL (not newline or tab): an error.
    Control,
    /// U+2028 or U+2029: an error.
    LineSeparator,
    /// A bidirectional control: an error.
    Bidi,
    /// A character that shows nothing, out of the context that makes it legitimate: a warning.
    Invisible,
}

impl Unwanted {
    pub fn is_error(self) -> bool {
        self != Unwanted::Invisible
    }
}

/// The rule for one character, before its context is looked at; `None` for every character
/// that is always fine (newline and tab included).
fn kind(c: char) -> Option<Unwanted> {
    if c == '\n' || c == '\t' {
        None
    } else if c.is_control() {
        Some(Unwanted::Control)
    } else if is_line_separator(c) {
        Some(Unwanted::LineSeparator)
    } else if is_bidi_control(c) {
        Some(Unwanted::Bidi)
    } else if is_invisible(c) {
        Some(Unwanted::Invisible)
    } else {
        None
    }
}

/// Emoji and the symbols that take an emoji presentation (Unicode's Extended_Pictographic,
/// in whole blocks where the property covers most of one).
fn is_pictographic(c: char) -> bool {
    matches!(
        c,
        '\u{00a9}'
            | '\u{00ae}'
            | '\u{203c}'
            | '\u{2049}'
            | '\u{2122}'
            | '\u{2139}'
            | '\u{2194}'..='\u{21aa}'
            | '\u{231a}'..='\u{23ff}'
            | '\u{24c2}'
            | '\u{25aa}'..='\u{25fe}'
            | '\u{2600}'..='\u{27bf}'
            | '\u{2934}'..='\u{2935}'
            | '\u{2b05}'..='\u{2b55}'
            | '\u{3030}'
            | '\u{303d}'
            | '\u{3297}'
            | '\u{3299}'
            | '\u{1f000}'..='\u{1faff}'
            | '\u{1fc00}'..='\u{1fffd}'
    )
}

/// Letters of the scripts in which a zero-width non-joiner changes how a word is written.
fn uses_non_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{08ff}'
            | '\u{0900}'..='\u{0dff}'
            | '\u{1800}'..='\u{18af}'
            | '\u{a840}'..='\u{a87f}'
            | '\u{fb50}'..='\u{fdff}'
            | '\u{fe70}'..='\u{fefe}'
    )
}

fn is_cjk_ideograph(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3ffff}'
    )
}

/// Whether the invisible `c`, between `before` (the two characters before it, nearest last)
/// and `next`, is part of legitimate text (see the module's rule).
fn legitimate(before: [Option<char>; 2], c: char, next: Option<char>) -> bool {
    let [earlier, prev] = before;
    match c {
        '\u{200d}' => {
            // A presentation selector or skin tone may stand between the emoji and the joiner.
            let base = match prev {
                Some('\u{fe0e}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}') => earlier,
                other => other,
            };
            base.is_some_and(is_pictographic) && next.is_some_and(is_pictographic)
        }
        '\u{fe0e}' | '\u{fe0f}' => {
            prev.is_some_and(|p| is_pictographic(p) || matches!(p, '#' | '*' | '0'..='9'))
        }
        '\u{200c}' => prev.is_some_and(uses_non_joiner) && next.is_some_and(uses_non_joiner),
        '\u{e0020}'..='\u{e007f}' => {
            matches!(prev, Some('\u{1f3f4}' | '\u{e0020}'..='\u{e007e}'))
        }
        '\u{e0100}'..='\u{e01ef}' => prev.is_some_and(is_cjk_ideograph),
        _ => false,
    }
}

/// Whether `text` is printable ASCII, newlines and tabs only: nothing to look at closer.
fn is_plain(text: &str) -> bool {
    text.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t')
}

/// Walks `chars` and calls `each` with every character and what the rule makes of it in
/// its context (`None`: fine).
fn judge(chars: impl Iterator<Item = char>, mut each: impl FnMut(char, Option<Unwanted>)) {
    let mut chars = chars.peekable();
    let mut before = [None, None];
    while let Some(c) = chars.next() {
        let verdict = match kind(c) {
            Some(Unwanted::Invisible) if legitimate(before, c, chars.peek().copied()) => None,
            other => other,
        };
        each(c, verdict);
        before = [before[1], Some(c)];
    }
}

/// Every character of `text` the rule reports, with its byte offset and what the rule makes
/// of it. Newline and tab are allowed, and so are the invisible characters of legitimate
/// text (an emoji's joiner, say): see the module's rule.
pub fn unwanted(text: &str) -> Vec<(usize, char, Unwanted)> {
    // Every file is checked string by string, and nearly every character is printable
    // ASCII or an ordinary letter: those are passed over a byte at a time, and only a
    // character the rule could report is looked at in its context.
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            if !((0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t') {
                found.push((at, char::from(b), Unwanted::Control));
            }
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or_default();
        let verdict = match kind(c) {
            Some(Unwanted::Invisible) => {
                let mut back = text[..at].chars().rev();
                let (prev, earlier) = (back.next(), back.next());
                let next = text[at + c.len_utf8()..].chars().next();
                (!legitimate([earlier, prev], c, next)).then_some(Unwanted::Invisible)
            }
            other => other,
        };
        if let Some(v) = verdict {
            found.push((at, c, v));
        }
        at += c.len_utf8();
    }
    found
}

/// `text` with every character the rule reports written as a `\u{..}` escape (tabs too,
/// unless `keep_tabs`); newlines are kept.
fn escape_unwanted(text: &str, keep_tabs: bool) -> Cow<'_, str> {
    let tab_ok = |c: char| c != '\t' || keep_tabs;
    if is_plain(text) && (keep_tabs || !text.contains('\t')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    judge(text.chars(), |c, verdict| {
        if verdict.is_some() || !tab_ok(c) {
            changed = true;
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    });
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Text made safe to print outside ratatui: what the rule reports, and tabs, become
/// `\u{..}` escapes; newlines are kept.
pub fn display_safe(text: &str) -> Cow<'_, str> {
    escape_unwanted(text, false)
}

/// [`display_safe`] that keeps tabs: for values set into a message (a tab only moves the
/// cursor; the message decides its own layout).
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    escape_unwanted(text, true)
}

/// Text ready for the screen: NFC, tabs expanded (ratatui drops them), what the rule reports
/// removed.
pub fn for_screen(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    judge(text.nfc(), |c, verdict| match (c, verdict) {
        ('\t', _) => out.push_str("    "),
        (_, Some(_)) => {}
        (c, None) => out.push(c),
    });
    out
}

/// Normalises to NFC, so that "ä" typed two ways compares equal.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(char, Unwanted)> {
        unwanted(text).into_iter().map(|(_, c, k)| (c, k)).collect()
    }

    #[test]
    fn controls_separators_and_bidi_are_errors() {
        use Unwanted::*;
        let text = "a\u{1b}]0;x\u{7}b\u{85}\u{9b}\u{7f}\r\u{2028}\u{2029}\u{202e}\u{200e}\u{2066}";
        assert_eq!(
            kinds(text),
            vec![
                ('\u{1b}', Control),
                ('\u{7}', Control),
                ('\u{85}', Control),
                ('\u{9b}', Control),
                ('\u{7f}', Control),
                ('\r', Control),
                ('\u{2028}', LineSeparator),
                ('\u{2029}', LineSeparator),
                ('\u{202e}', Bidi),
                ('\u{200e}', Bidi),
                ('\u{2066}', Bidi),
            ]
        );
        assert!(kinds("newline\nand\ttab, ääkköset, ½ € “quotes” — 日本").is_empty());
    }

    #[test]
    fn invisible_characters_are_warnings_out_of_their_context() {
        let invisible = [
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{ad}',
            '\u{34f}',
            '\u{3164}',
            '\u{115f}',
            '\u{ffa0}',
            '\u{fe0f}',
            '\u{fe00}',
            '\u{e0041}',
            '\u{180e}',
        ];
        for c in invisible {
            let text = format!("ab{c}cd");
            assert_eq!(kinds(&text), vec![(c, Unwanted::Invisible)], "{c:?}");
            // At either end of a text too.
            assert_eq!(kinds(&format!("{c}ab")).len(), 1, "{c:?}");
            assert_eq!(kinds(&format!("ab{c}")).len(), 1, "{c:?}");
        }
    }

    #[test]
    fn legitimate_text_keeps_its_invisible_characters() {
        let fine = [
            "👩\u{200d}💻 coder",            // ZWJ between emoji
            "👩\u{200d}❤\u{fe0f}\u{200d}👨", // with a presentation selector between
            "👋\u{1f3fd}\u{200d}👍",         // a skin tone before the joiner
            "🏳\u{fe0f}\u{200d}🌈",
            "❤\u{fe0f} thanks",  // VS16 after an emoji
            "#\u{fe0f}\u{20e3}", // keycap
            "می\u{200c}خواهم",   // ZWNJ in Persian
            "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}", // flag of Scotland
            "葛\u{e0100}",
        ];
        for text in fine {
            assert!(kinds(text).is_empty(), "{text:?}: {:?}", kinds(text));
        }
        let not = [
            ("a\u{200d}b", '\u{200d}'),
            ("👩\u{200d}", '\u{200d}'),
            ("\u{200d}👩", '\u{200d}'),
            ("a\u{fe0f}", '\u{fe0f}'),
            ("Anna\u{200c}Liisa", '\u{200c}'),
            ("x\u{e0041}", '\u{e0041}'),
            ("a\u{e0100}", '\u{e0100}'),
        ];
        for (text, c) in not {
            assert_eq!(kinds(text), vec![(c, Unwanted::Invisible)], "{text:?}");
        }
    }

    #[test]
    fn each_output_shows_what_the_rule_reports_its_own_way() {
        let text = "a\u{1b}[2J\tb\u{200b}c\n👩\u{200d}💻\u{2028}";
        assert_eq!(
            display_safe(text),
            "a\\u{1b}[2J\\u{9}b\\u{200b}c\n👩\u{200d}💻\\u{2028}"
        );
        assert_eq!(
            terminal_safe(text),
            "a\\u{1b}[2J\tb\\u{200b}c\n👩\u{200d}💻\\u{2028}"
        );
        assert_eq!(for_screen(text), "a[2J    bc\n👩\u{200d}💻");
        assert!(matches!(display_safe("plain ääkköset"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        /// The byte-at-a-time [`unwanted`] says what the rule, walked a character at a time
        /// with its context, says.
        #[test]
        fn unwanted_is_the_rule_walked_character_by_character(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "ä", " ", "\n", "\t", "\u{1b}", "\u{7f}", "\u{85}", "\u{200b}", "\u{200c}",
                "\u{200d}", "\u{200e}", "\u{2028}", "\u{202e}", "\u{fe0f}", "👩", "💻", "\u{e0041}",
                "\u{1f3fb}", "ب", "\u{feff}",
            ]), 0..12)
        ) {
            let text: String = parts.concat();
            let mut by_char = Vec::new();
            let mut at = 0;
            judge(text.chars(), |c, verdict| {
                if let Some(v) = verdict {
                    by_char.push((at, c, v));
                }
                at += c.len_utf8();
            });
            proptest::prop_assert_eq!(unwanted(&text), by_char, "{:?}", text);
        }

        /// Nothing any output keeps is a character the rule reports, and only they change.
        #[test]
        fn outputs_never_keep_what_the_rule_reports(text in r"(.|[\x{0}-\x{9f}\x{2028}\x{202e}\x{200b}-\x{200f}\x{fe0f}👩])*") {
            for shown in [for_screen(&text), display_safe(&text).into_owned(), terminal_safe(&text).into_owned()] {
                proptest::prop_assert!(unwanted(&shown).is_empty(), "{shown:?}");
                proptest::prop_assert!(!shown.chars().any(|c| is_unsafe(c) && c != '\n' && c != '\t'));
            }
        }
    }
}
