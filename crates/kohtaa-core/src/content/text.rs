//! Text hygiene: scenario files travel between organisations, so their text is untrusted.
//!
//! A control character or a bidi override could rewrite a learner's terminal or disguise what
//! a line says. They are refused at load time, and anything printed is escaped anyway.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use super::codes::Code;
use super::diagnostic::{Diagnostic, Source};
use super::outline::Outline;
use crate::words;

/// Bidirectional formatting characters that can reorder what a line appears to say.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Characters that must never reach a terminal: C0 and C1 controls, DEL, bidi controls.
/// Newline and tab are allowed in text, so callers decide about them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Invisible characters that are harmless to print but hide what a text really holds.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}' | '\u{180e}' | '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}'
    )
}

/// Text made safe to print outside ratatui: unsafe characters become `\u{..}` escapes.
pub fn display_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if is_unsafe(c) && c != '\n' {
                    format!("\\u{{{:x}}}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Text ready for the screen: NFC, tabs expanded (ratatui drops them), unsafe characters removed.
pub fn for_screen(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            '\t' => out.push_str("    "),
            '\n' => out.push('\n'),
            c if is_unsafe(c) || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Normalises to NFC, so that "ä" typed two ways compares equal.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

/// Errors for control and bidi characters in any string of the file, warnings for invisible
/// ones, each at the character (or the escape that wrote it).
pub fn check_strings(source: &Source, outline: &Outline) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if !may_hold_unwanted(&source.text) {
        return found;
    }
    for lit in outline
        .strings()
        .iter()
        .filter(|l| !l.is_plain(&source.text))
    {
        for (c, span) in lit.chars(&source.text) {
            if c == '\n' || c == '\t' {
                continue;
            }
            // Formatted only for a character that is reported: most are not.
            let what = || format!("U+{:04X}", c as u32);
            if is_bidi_control(c) {
                let what = what();
                found.push(
                    Diagnostic::new(
                        Code::BidiControl,
                        source,
                        span,
                        words!(BidirectionalControlCharacterText, what),
                    )
                    .note(words!(CanMakeLineDisplay)),
                );
            } else if c.is_control() {
                let what = what();
                found.push(
                    Diagnostic::new(
                        Code::ControlCharacter,
                        source,
                        span,
                        words!(ControlCharacterText, what),
                    )
                    .note(words!(EscapeSequencesMustNever)),
                );
            } else if is_invisible(c) {
                let what = what();
                found.push(Diagnostic::new(
                    Code::InvisibleCharacter,
                    source,
                    span,
                    words!(InvisibleCharacterText, what),
                ));
            }
        }
    }
    found
}

/// Whether any character of `text`, or any escape, could be one that [`check_strings`]
/// reports; false for nearly every file, which then needs no reading of its strings. Looks
/// at the whole text, comments included, so it may say yes for nothing, never no for
/// something.
fn may_hold_unwanted(text: &str) -> bool {
    // Plain printable ASCII, newlines and tabs are cleared sixteen bytes at a time.
    let bytes = text.as_bytes();
    let unusual = |b: u8| !(0x20..0x7f).contains(&b) && b != b'\n' && b != b'\t' || b == b'\\';
    let mut i = 0;
    while i < bytes.len() {
        let chunk = &bytes[i..(i + 16).min(bytes.len())];
        if !chunk.iter().fold(false, |any, &b| any | unusual(b)) {
            i += chunk.len();
            continue;
        }
        let end = i + chunk.len();
        while i < end {
            let b = bytes[i];
            if b == b'\\' {
                // Escapes that cannot write an unwanted character; the pair is skipped whole,
                // so `\\u` is a backslash and a `u`.
                if !matches!(bytes.get(i + 1), Some(b'n' | b't' | b'"' | b'\'' | b'\\')) {
                    return true;
                }
                i += 2;
            } else if b < 0x80 {
                if unusual(b) {
                    return true;
                }
                i += 1;
            } else {
                // `i` is at a character's first byte: only ASCII bytes are stepped over singly.
                let Some(c) = text[i..].chars().next() else {
                    return true;
                };
                if is_unsafe(c) || is_invisible(c) {
                    return true;
                }
                i += c.len_utf8();
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::may_hold_unwanted;

    #[test]
    fn only_files_that_may_hold_unwanted_characters_get_a_closer_look() {
        let clean = [
            "Scenario(say: \"Hei, mitä kuuluu? Äiti odottaa.\")\n\t// kommentti",
            r#"say: "a \"quote\", a \\ backslash,\n a tab\t and \\u not an escape""#,
            "",
        ];
        for text in clean {
            assert!(!may_hold_unwanted(text), "{text:?}");
        }
        let unwanted = [
            "say: \"\u{202e}reversed\"",
            "// a comment with \u{200b} in it",
            r#"say: "\u{202e}""#,
            r#"say: "\x1b[31m""#,
            r#"say: "\r\0""#,
            "say: \"carriage\rreturn\"",
            "say: \"\u{85}\"",
            "say: \"\u{7f}\"",
            // Past the first sixteen bytes, and in the last few.
            "0123456789abcdefghijklmnopqrstuvwxyz \u{2066}",
            "0123456789abcdefghi\u{feff}",
        ];
        for text in unwanted {
            assert!(may_hold_unwanted(text), "{text:?}");
        }
    }
}
