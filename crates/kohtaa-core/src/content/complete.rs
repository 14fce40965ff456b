//! What may be written at a place in a content file being edited: the ids a `next` or a
//! `fits` takes, the letters of `style`, the outcomes, the field names of the struct the
//! place is in. Read by a forward skim that tolerates a half-written file (an editor asks
//! while the author types), and the field names and variants asked of the types themselves,
//! through the parser's own "expected one of" list, so they never drift from the format.

use std::ops::Range;

use serde::de::DeserializeOwned;

use super::styles::StyleTexts;
use super::tests_file::ScenarioTests;
use super::types::{
    Choice, Customer, EncounterModel, Ending, Node, Outcome, Pitfall, Route, Scenario, Setting,
    Step,
};

/// What belongs at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Inside a string that is the value of `field` (or an item of its list).
    Text { field: String, typed: Range<usize> },
    /// A bare word as the value of `field` (or an item of its list): `style: D`.
    Word { field: String, typed: Range<usize> },
    /// A field name, in the struct `structure` when it can be told.
    FieldName {
        structure: Option<&'static str>,
        typed: Range<usize>,
    },
}

/// What is open at the place: a bracket, the struct's name before it, the field it is the
/// value of.
#[derive(Clone, Debug)]
struct Frame {
    open: u8,
    name: Option<String>,
    field: Option<String>,
    /// The field whose value is being written in this struct (after `name:`).
    pending: Option<String>,
}

/// The slot at `offset` of `text`; `None` in a comment, a number, or where nothing is known.
pub fn slot_at(text: &str, offset: usize) -> Option<Slot> {
    let bytes = text.as_bytes();
    let end = offset.min(text.len());
    let mut stack = vec![Frame {
        open: b'(',
        name: None,
        field: None,
        pending: None,
    }];
    let mut last_ident: Option<Range<usize>> = None;
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                if end <= line_end {
                    return None;
                }
                i = line_end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let close = text[i + 2..]
                    .find("*/")
                    .map_or(text.len(), |n| i + 2 + n + 2);
                if end < close {
                    return None;
                }
                i = close;
                continue;
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if end <= j {
                    let frame = stack.last()?;
                    let field = value_field(frame)?;
                    // An id is one line: a quote left open takes no more than the rest of it.
                    let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n);
                    let close = j.min(line_end).min(text.len());
                    return Some(Slot::Text {
                        field,
                        typed: start..close,
                    });
                }
                i = j + 1;
                last_ident = None;
                continue;
            }
            b'(' | b'[' | b'{' => {
                let parent = stack.last()?;
                let name = last_ident
                    .take()
                    .map(|r| text[r].to_owned())
                    .filter(|_| b == b'(');
                let field = value_field(parent);
                stack.push(Frame {
                    open: b,
                    name,
                    field,
                    pending: None,
                });
            }
            b')' | b']' | b'}' => {
                if stack.len() > 1 {
                    stack.pop();
                }
                last_ident = None;
            }
            b',' => {
                if let Some(frame) = stack.last_mut() {
                    frame.pending = None;
                }
                last_ident = None;
            }
            b':' => {
                if let (Some(ident), Some(frame)) = (last_ident.take(), stack.last_mut())
                    && frame.open == b'('
                {
                    frame.pending = Some(text[ident].to_owned());
                }
            }
            b if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' => {
                let start = i;
                // The first byte is one of these, so the word is never empty.
                while i < end && (bytes[i].is_ascii_alphanumeric() || b"_-".contains(&bytes[i])) {
                    i += 1;
                }
                if i == end {
                    // The word being typed.
                    return word_slot(&stack, text, start..end);
                }
                last_ident = Some(start..i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    word_slot(&stack, text, end..end)
}

/// The field a value written here belongs to: the pending field of a struct, or the field
/// the enclosing list (or tuple in a list) is the value of.
fn value_field(frame: &Frame) -> Option<String> {
    match frame.open {
        b'(' if frame.pending.is_some() => frame.pending.clone(),
        b'(' if frame.name.is_some() => None,
        // An unnamed struct (`nodes: [(id: ...)]`), not a tuple (`path: [("a", 1)]`).
        b'(' if frame.field.as_deref().and_then(struct_of_field).is_some() => None,
        _ => frame.field.clone(),
    }
}

fn word_slot(stack: &[Frame], text: &str, typed: Range<usize>) -> Option<Slot> {
    let frame = stack.last()?;
    if let Some(field) = value_field(frame) {
        return Some(Slot::Word { field, typed });
    }
    if frame.open != b'(' {
        return None;
    }
    // Only where a name can start: after `(` or `,` and white space.
    let before = text[..typed.start].trim_end();
    if !(before.ends_with('(') || before.ends_with(',')) {
        return None;
    }
    let structure = match (&frame.name, &frame.field) {
        (Some(name), _) => known_struct(name),
        (None, Some(field)) => struct_of_field(field),
        (None, None) if stack.len() == 1 => None,
        (None, None) => root_struct(text),
    };
    Some(Slot::FieldName { structure, typed })
}

/// The file's own kind, from its first struct name.
fn root_struct(text: &str) -> Option<&'static str> {
    let head = text.trim_start();
    ["Scenario", "EncounterModel", "ScenarioTests", "StyleTexts"]
        .into_iter()
        .find(|name| head.starts_with(name))
}

fn known_struct(name: &str) -> Option<&'static str> {
    STRUCTS.iter().map(|(n, _)| *n).find(|n| *n == name)
}

/// The struct an unnamed `( ... )` is, by the field it is the value of.
fn struct_of_field(field: &str) -> Option<&'static str> {
    Some(match field {
        "nodes" => "Node",
        "choices" => "Choice",
        "routes" => "Route",
        "customer" => "Customer",
        "ending" => "Ending",
        "steps" => "Step",
        "pitfalls" => "Pitfall",
        "tests" => "Playthrough",
        "expect" => "Expect",
        _ => return None,
    })
}

/// A value nothing can be: the parser then lists what it expected.
const PROBE: &str = "kohtaa_probe_";

/// The names a struct's fields may have, as the parser knows them.
fn fields<T: DeserializeOwned>() -> Vec<&'static str> {
    match ron::from_str::<T>(&format!("({PROBE}: ())")) {
        Err(e) => match e.code {
            ron::Error::NoSuchStructField { expected, .. } => expected.to_vec(),
            _ => Vec::new(),
        },
        Ok(_) => Vec::new(),
    }
}

/// The names an enum's variants have, as the parser knows them.
fn variants<T: DeserializeOwned>() -> Vec<&'static str> {
    match ron::from_str::<T>(PROBE) {
        Err(e) => match e.code {
            ron::Error::NoSuchEnumVariant { expected, .. } => expected.to_vec(),
            _ => Vec::new(),
        },
        Ok(_) => Vec::new(),
    }
}

type Names = fn() -> Vec<&'static str>;

const STRUCTS: [(&str, Names); 13] = [
    ("Scenario", fields::<Scenario>),
    ("Customer", fields::<Customer>),
    ("Node", fields::<Node>),
    ("Choice", fields::<Choice>),
    ("Route", fields::<Route>),
    ("Ending", fields::<Ending>),
    ("EncounterModel", fields::<EncounterModel>),
    ("Step", fields::<Step>),
    ("Pitfall", fields::<Pitfall>),
    ("ScenarioTests", fields::<ScenarioTests>),
    ("Playthrough", fields::<super::tests_file::Playthrough>),
    ("Expect", fields::<super::tests_file::Expect>),
    ("StyleTexts", fields::<StyleTexts>),
];

/// The field names of `structure`.
pub fn field_names(structure: &str) -> Vec<&'static str> {
    STRUCTS
        .iter()
        .find(|(n, _)| *n == structure)
        .map(|(_, names)| names())
        .unwrap_or_default()
}

/// The bare words `field` takes: style letters, outcomes, settings.
pub fn words_for(field: &str) -> Vec<&'static str> {
    match field {
        "style" => variants::<super::types::Style>(),
        "outcome" => variants::<Outcome>(),
        "settings" => variants::<Setting>(),
        _ => Vec::new(),
    }
}

/// What an id written as the value of `field` names, if an id.
pub fn id_kind(field: &str) -> Option<super::symbols::SymbolKind> {
    use super::symbols::SymbolKind;
    match field {
        "next" | "start" | "ending" | "path" => Some(SymbolKind::Node),
        "fits" | "breaks" | "focus" | "shown" | "broken" | "missed" | "not_reached" => {
            Some(SymbolKind::Step)
        }
        "pitfalls" => Some(SymbolKind::Pitfall),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slot at the `|` of `marked`, which is taken out.
    fn slot(marked: &str) -> Option<(Slot, String)> {
        let at = marked.find('|').unwrap();
        let text = marked.replacen('|', "", 1);
        let slot = slot_at(&text, at)?;
        let typed = match &slot {
            Slot::Text { typed, .. } | Slot::Word { typed, .. } | Slot::FieldName { typed, .. } => {
                text[typed.clone()].to_owned()
            }
        };
        Some((slot, typed))
    }

    fn field(slot: &Option<(Slot, String)>) -> Option<(&str, &str, &str)> {
        match slot.as_ref()? {
            (Slot::Text { field, .. }, typed) => Some(("text", field, typed)),
            (Slot::Word { field, .. }, typed) => Some(("word", field, typed)),
            (Slot::FieldName { structure, .. }, typed) => {
                Some(("name", structure.unwrap_or("?"), typed))
            }
        }
    }

    #[test]
    fn places_in_a_half_written_scenario() {
        let head = "Scenario(\n  focus: [\"greet\"],\n  nodes: [\n    Node(id: \"a\", choices: [\n      Choice(say: \"x, y: (\", ";
        let cases = [
            ("next: \"do|", ("text", "next", "do")),
            ("fits: [\"greet\", \"li|\"]", ("text", "fits", "li")),
            ("next: \"do|\n feedback: \"x\"", ("text", "next", "do")),
            ("pitfalls: [\"|", ("text", "pitfalls", "")),
            (
                "routes: [Route(min_mood: 1, next: \"|x\")]",
                ("text", "next", "x"),
            ),
            ("fe|", ("name", "Choice", "fe")),
            ("mood: 1,\n |", ("name", "Choice", "")),
        ];
        for (tail, expected) in cases {
            let marked = format!("{head}{tail}");
            assert_eq!(field(&slot(&marked)), Some(expected), "{tail}");
        }
        let more = [
            (
                "Scenario(customer: Customer(name: \"A\", style: |",
                ("word", "style", ""),
            ),
            ("Scenario(settings: [Phone, He|", ("word", "settings", "He")),
            (
                "Scenario(nodes: [(id: \"a\", ending: Ending(outcome: Re|",
                ("word", "outcome", "Re"),
            ),
            ("Scenario(nodes: [(id: \"a\", |", ("name", "Node", "")),
            (
                "ScenarioTests(tests: [(path: [(\"he|",
                ("text", "path", "he"),
            ),
        ];
        for (marked, expected) in more {
            assert_eq!(field(&slot(marked)), Some(expected), "{marked}");
        }
        assert_eq!(slot("Scenario( // a comment |\n"), None);
    }

    #[test]
    fn field_names_and_words_come_from_the_types() {
        assert!(field_names("Choice").contains(&"feedback"));
        assert!(field_names("Scenario").contains(&"learner_role"));
        assert!(field_names("Expect").contains(&"not_reached"));
        assert_eq!(words_for("style"), ["D", "i", "S", "C"]);
        assert_eq!(
            words_for("outcome"),
            ["Resolved", "Partial", "Unresolved", "Escalated"]
        );
        assert!(words_for("settings").contains(&"ServicePoint"));
        for (name, _) in STRUCTS {
            assert!(!field_names(name).is_empty(), "{name}");
        }
    }

    proptest::proptest! {
        /// Whatever is typed, and wherever the editor asks, the answer comes without a panic
        /// and names only text that is there.
        #[test]
        fn any_text_at_any_place_is_answered(
            text in "[ -~äö👩\n\"\\\\(\\[{:,]{0,80}",
            at in 0usize..100,
        ) {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if let Some(slot) = slot_at(&text, at) {
                let typed = match slot {
                    Slot::Text { typed, .. } | Slot::Word { typed, .. } | Slot::FieldName { typed, .. } => typed,
                };
                proptest::prop_assert!(text.get(typed).is_some());
            }
            let symbols = super::super::symbols::Symbols::read(&text);
            for o in &symbols.occurrences {
                proptest::prop_assert!(text.get(o.span.clone()).is_some());
            }
        }
    }
}
