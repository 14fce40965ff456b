//! A large scenario's nodes parsed in parts, side by side on the machine's cores, without
//! copying the text: where each part starts is guessed and then proven.

use super::super::outline::{list_field_start, skip_trivia};
use super::super::types::{Node, Scenario};
use super::skip_comments;

/// Scenario files from this size on have their nodes parsed in parts, side by side.
pub(super) const SPLIT_FROM_BYTES: usize = 1024 * 1024;

/// The scenario in `text`, its nodes parsed in up to `parts` runs on as many threads, with
/// no copy of the text: each node is read on its own from where it stands, so a run needs
/// only its first node's place. Places are guessed near equal fractions of the file (a
/// `Node(` after a comma) and proven by the run before, which must end exactly where the
/// next begins; the last ends at the list's `]`. The rest of the file is parsed with the
/// list left empty. With the scenario, where each node starts. `None` if the file does not
/// lend itself (an `#![enable(..)]` attribute, which the parts would not see) or anything
/// fails to parse or to line up.
pub(super) fn in_parts(text: &str, parts: usize) -> Option<(Scenario, Vec<usize>)> {
    if skip_comments(text).starts_with("#!") {
        return None;
    }
    let open = list_field_start(text, "nodes")?;
    let first = skip_trivia(text, open + 1);
    let mut starts = vec![first];
    for k in 1..parts {
        let guess = first + (text.len() - first) * k / parts;
        match node_start_after(text, guess.max(*starts.last()? + 1)) {
            Some(start) => starts.push(start),
            None => break,
        }
    }
    let ends = starts.iter().skip(1).map(|&end| Some(end)).chain([None]);
    let runs: Vec<Run> = std::thread::scope(|scope| {
        let mut runs: Vec<_> = starts.iter().zip(ends).collect();
        let (start, end) = runs.remove(0);
        let threads: Vec<_> = runs
            .into_iter()
            .map(|(&start, end)| scope.spawn(move || nodes_from(text, start, end)))
            .collect();
        let mut runs = vec![nodes_from(text, *start, end)];
        runs.extend(threads.into_iter().map(|t| t.join().ok().flatten()));
        runs.into_iter().collect::<Option<_>>()
    })?;
    let close = runs.last()?.end;
    let header = [&text[..open], "[]", &text[close + 1..]].concat();
    let mut scenario = crate::content::parse::parse_part::<Scenario>(&header, 0)?;
    let mut starts = Vec::with_capacity(runs.iter().map(|run| run.starts.len()).sum());
    for run in runs {
        scenario.nodes.extend(run.nodes);
        starts.extend(run.starts);
    }
    Some((scenario, starts))
}

/// Nodes read one after another: each with where it starts, and where the run ends.
struct Run {
    nodes: Vec<Node>,
    starts: Vec<usize>,
    end: usize,
}

/// The first place at or after `from` that looks like the start of a node in a list: `Node(`
/// after a comma and white space.
fn node_start_after(text: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    loop {
        let found = at + text.get(at..)?.find("Node(")?;
        let before = text[..found].trim_end_matches([' ', '\t', '\n']);
        if before.ends_with(',') {
            return Some(found);
        }
        at = found + 1;
    }
}

/// The nodes of a list from `start`, where one begins, up to `until`, where the next begins,
/// or else to the list's end (`until` `None`, and the run ends at the `]`). `None` unless
/// they parse and end exactly there.
fn nodes_from(text: &str, start: usize, until: Option<usize>) -> Option<Run> {
    use serde::Deserialize;

    // Nodes stand two levels down in a file: in the scenario, in its list.
    let options = crate::content::parse::part_options(2);
    let mut run = Run {
        nodes: Vec::new(),
        starts: Vec::new(),
        end: start,
    };
    let mut at = start;
    loop {
        run.end = at;
        match until {
            Some(end) if at >= end => return (at == end).then_some(run),
            _ if text.as_bytes().get(at) == Some(&b']') => return until.is_none().then_some(run),
            _ => {}
        }
        let mut de = ron::Deserializer::from_str_with_options(&text[at..], &options).ok()?;
        run.nodes.push(Node::deserialize(&mut de).ok()?);
        run.starts.push(at);
        at = skip_trivia(text, text.len() - de.remainder().len());
        match text.as_bytes().get(at) {
            Some(b',') => at = skip_trivia(text, at + 1),
            Some(b']') => {}
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Source;
    use crate::content::parse::parse;

    /// The split itself (tests/it/large_files.rs checks the whole, which falls back to one parse
    /// on any trouble, so it would pass with a split that never worked).
    #[test]
    fn a_scenario_parsed_in_parts_is_the_scenario() {
        let text = crate::content::generate::scenario(101, 3);
        let whole: Scenario = parse(&Source::new("x", text.as_str())).unwrap();
        for parts in 1..=7 {
            let (scenario, starts) = in_parts(&text, parts).unwrap();
            assert_eq!(scenario, whole, "{parts} parts");
            let ids: Vec<&str> = starts.iter().map(|&at| &text[at..at + 5]).collect();
            assert_eq!(ids, vec!["Node("; whole.nodes.len()]);
        }
        // Comments and a trailing comma between nodes; an empty list.
        let commented = text
            .replace(
                "\n        Node(",
                "\n        // a node\n        /* next */ Node(",
            )
            .replace("),\n    ]", "), // the last\n    ]");
        assert_ne!(commented, text);
        assert_eq!(in_parts(&commented, 3).map(|(s, _)| s), Some(whole.clone()));
        let empty = [
            "Scenario(",
            &text[text.find("id:").unwrap()..text.find("nodes:").unwrap()],
            "nodes: [ ],\n)",
        ]
        .concat();
        let none: Scenario = parse(&Source::new("x", empty.as_str())).unwrap();
        assert_eq!(in_parts(&empty, 2).map(|(s, _)| s), Some(none));
    }

    /// Wherever a guessed place falls, the parts give the whole or nothing.
    #[test]
    fn a_wrong_guess_is_never_taken_for_a_node() {
        let text = crate::content::generate::scenario(40, 5);
        let whole: Scenario = parse(&Source::new("x", text.as_str())).unwrap();
        // Text that looks like a node's start in every string and comment.
        let decoy = text
            .replace("say: \"", "say: \", Node(id: \\\"decoy\\\"), ")
            .replace("\n        Node(", "\n        // , Node(\n        Node(");
        let whole_decoy: Scenario = parse(&Source::new("x", decoy.as_str())).unwrap();
        assert_ne!(whole_decoy, whole);
        for parts in 2..=9 {
            let got = in_parts(&decoy, parts).map(|(s, _)| s);
            assert!(
                got.is_none() || got == Some(whole_decoy.clone()),
                "{parts} parts"
            );
        }
        // A node that does not parse, in the last part; an attribute the parts would not see.
        let broken = text
            .replacen("mood: ", "mood: +", 1)
            .replace("id: \"node-39\"", "id: node-39");
        assert!(in_parts(&broken, 2).is_none());
        assert!(in_parts(&format!("#![enable(implicit_some)]\n{text}"), 2).is_none());
    }

    #[test]
    fn a_node_start_is_found_from_inside_a_character() {
        let text = "[Node(say: \"ääää\"), Node(say: \"ö\")]";
        let inside = text.find('ä').unwrap() + 1;
        assert!(!text.is_char_boundary(inside));
        assert_eq!(node_start_after(text, inside), text.rfind("Node("));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Whatever one byte of a file is changed to, the parts agree with the whole: the
        /// same scenario, or nothing (and the whole parse then reports the problem).
        #[test]
        fn the_parts_never_disagree_with_the_whole(
            seed in 0u64..1000,
            nodes in 2usize..12,
            parts in 2usize..6,
            at in 0.0f64..1.0,
            byte in proptest::sample::select(b" ,()[]{}:\"'/*\\#Nrx0-\n".to_vec()),
        ) {
            let text = crate::content::generate::scenario(nodes, seed);
            let mut bytes = text.into_bytes();
            let i = ((bytes.len() as f64 * at) as usize).min(bytes.len() - 1);
            bytes[i] = byte;
            let Ok(text) = String::from_utf8(bytes) else { return Ok(()) };
            let whole = parse::<Scenario>(&Source::new("x", text.as_str())).ok();
            let split = in_parts(&text, parts).map(|(s, _)| s);
            proptest::prop_assert!(split.is_none() || split == whole, "{:?} at {}", byte as char, i);
        }
    }
}
