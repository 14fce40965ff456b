//! JSON that is safe to print. serde_json escapes only the C0 controls, so a C1 control
//! (U+009B is the terminal's CSI), a bidi override or a line separator from a scenario or a
//! saved run would reach whoever reads the output in a terminal. Every JSON that kohtaa
//! writes (`check --format json`, `analyze --format json`, `play --json`, `report --format
//! json`, `export`, and the files it saves) goes through here: those characters, and every
//! invisible one, are written as `\uXXXX` escapes. The JSON means the same; only its bytes
//! are safe.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

use super::text::{is_invisible, is_unsafe};

/// Whether JSON writes `c` as an escape (beyond the C0 controls serde_json escapes itself).
fn escaped(c: char) -> bool {
    is_unsafe(c) || is_invisible(c)
}

/// A formatter that escapes what [`escaped`] says, laid out by `F`.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut plain = 0;
        for (i, c) in fragment.char_indices() {
            if !escaped(c) {
                continue;
            }
            writer.write_all(&fragment.as_bytes()[plain..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            plain = i + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[plain..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

fn write<T: Serialize + ?Sized, F: Formatter>(
    value: &T,
    formatter: F,
) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(128);
    value.serialize(&mut Serializer::with_formatter(&mut out, Safe(formatter)))?;
    Ok(out)
}

/// `value` as JSON on one line, safe to print.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    write(value, CompactFormatter)
}

/// `value` as indented JSON, safe to print.
pub fn to_vec_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    write(value, PrettyFormatter::new())
}

/// [`to_vec`] as text. Panics only if `value` cannot be serialised as JSON at all (a map
/// with keys that are not strings), which no caller's types allow.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let bytes = to_vec(value).expect("serialisable as JSON");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// [`to_vec_pretty`] as text; panics as [`to_string`] does.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let bytes = to_vec_pretty(value).expect("serialisable as JSON");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_separators_and_invisible_characters_are_escaped() {
        let text =
            "a\u{1b}]0;x\u{7}\u{9b}\u{85}\u{7f}\u{202e}\u{2028}\u{200b}\u{e0041}ä👩\u{200d}💻\"\\";
        let json = to_string(&serde_json::json!({ "t": text }));
        assert_eq!(
            json,
            r#"{"t":"a\u001b]0;x\u0007\u009b\u0085\u007f\u202e\u2028\u200b\udb40\udc41ä👩\u200d💻\"\\"}"#
        );
        // The same value, read back.
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["t"], text);
        let pretty = to_string_pretty(&serde_json::json!({ "t": [text] }));
        assert!(pretty.contains("\n  \"t\": [\n"), "{pretty}");
        assert!(!pretty.chars().any(|c| escaped(c) && c != '\n'));
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back_the_same_and_prints_nothing_unsafe(text in proptest::prelude::any::<String>()) {
            let json = to_string(&text);
            proptest::prop_assert!(!json.chars().any(|c| escaped(c) || c.is_control()));
            let back: String = serde_json::from_str(&json).unwrap();
            proptest::prop_assert_eq!(back, text);
        }
    }
}
