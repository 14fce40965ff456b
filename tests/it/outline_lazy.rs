//! A lazy outline (strings now, the tree only where a position is asked for) answers every
//! position exactly as the eagerly read outline does.

use std::sync::Arc;

use kohtaa::content::outline::{Outline, Seg, Value};

/// Every path in `value`, as owned segments.
#[derive(Clone, Debug)]
enum OwnedSeg {
    Field(String),
    Index(usize),
    Key(String),
}

fn paths(value: &Value, prefix: &mut Vec<OwnedSeg>, out: &mut Vec<Vec<OwnedSeg>>) {
    out.push(prefix.clone());
    let mut down = |seg: OwnedSeg, v: &Value, prefix: &mut Vec<OwnedSeg>| {
        prefix.push(seg);
        paths(v, prefix, out);
        prefix.pop();
    };
    match value {
        Value::Struct { fields, .. } => {
            for f in fields {
                down(OwnedSeg::Field(f.name.clone()), &f.value, prefix);
            }
        }
        Value::List { items, .. } | Value::Tuple { items, .. } => {
            for (i, v) in items.iter().enumerate() {
                down(OwnedSeg::Index(i), v, prefix);
            }
        }
        Value::Map { entries, .. } => {
            for e in entries {
                down(OwnedSeg::Key(e.key.clone()), &e.value, prefix);
            }
        }
        Value::Scalar { .. } => {}
    }
}

fn segs(path: &[OwnedSeg]) -> Vec<Seg<'_>> {
    path.iter()
        .map(|s| match s {
            OwnedSeg::Field(f) => Seg::Field(f),
            OwnedSeg::Index(i) => Seg::Index(*i),
            OwnedSeg::Key(k) => Seg::Key(k),
        })
        .collect()
}

fn same_positions(text: &str) {
    let eager = Outline::read(text);
    let mut all = Vec::new();
    paths(eager.root().expect("a value"), &mut Vec::new(), &mut all);
    assert!(all.len() > 10, "a real file");
    // Paths that are not there, at every depth: the nearest enclosing value answers.
    let mut missing: Vec<Vec<OwnedSeg>> = all
        .iter()
        .map(|p| {
            let mut p = p.clone();
            p.push(OwnedSeg::Field("no-such-field".into()));
            p
        })
        .collect();
    missing.push(vec![OwnedSeg::Index(99_999)]);
    // Where the nodes start, as the parser of a large file tells a lazy outline.
    let node_starts: Vec<usize> = eager
        .item_spans(&[Seg::Field("nodes")])
        .unwrap_or_default()
        .iter()
        .map(|span| span.start)
        .collect();
    for path in all.iter().chain(&missing) {
        let path = segs(path);
        // A fresh lazy outline each time: the first question must be answered without the
        // tree; and one that knows where the nodes start.
        let mut told = Outline::lazy(Arc::new(text.to_owned()));
        told.know_items("nodes", node_starts.clone());
        for lazy in [Outline::lazy(Arc::new(text.to_owned())), told] {
            assert_eq!(lazy.span(&path), eager.span(&path), "span of {path:?}");
            assert_eq!(
                lazy.field_name_span(&path),
                eager.field_name_span(&path),
                "name span of {path:?}"
            );
        }
    }
    // Lazy outlines keep the strings worth checking, and those alone.
    let lazy = Outline::lazy(Arc::new(text.to_owned()));
    let unplain: Vec<_> = eager
        .strings()
        .iter()
        .filter(|s| !s.is_plain(text))
        .map(|s| s.span.clone())
        .collect();
    let kept: Vec<_> = lazy.strings().iter().map(|s| s.span.clone()).collect();
    assert_eq!(kept, unplain);
}

#[test]
fn a_generated_scenario() {
    same_positions(&kohtaa::content::generate::scenario(60, 7));
}

#[test]
fn hand_written_files_with_maps_options_comments_and_escapes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/en");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            same_positions(&std::fs::read_to_string(&path).unwrap());
            seen += 1;
        }
    }
    assert!(seen > 0);
    same_positions(
        r##"// A comment (with "quotes") first.
Scenario(
    id: "x", /* nested /* comment */ */
    customer: Customer(name: "Ä\u{e4}\n", about: Some("Some(\"x\")")),
    nodes: [
        Node(id: "a", say: r#"raw "text""#, choices: [
            Choice(say: "s", next: "b", style_tips: { S: "tip", "C": "other" }),
        ]),
        Node(id: "b", ending: Ending(outcome: Resolved, summary: "\x1b[31m")),
    ],
)"##,
    );
}
