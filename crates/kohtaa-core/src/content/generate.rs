//! Large scenarios for benchmarks and tests: seeded, so the same `(nodes, seed)` always gives
//! the same file.
//!
//! Shape: `nodes` nodes, about a tenth of them endings. Every conversation node has three
//! choices of about twelve words, each tagged with one step (fits or breaks), a mood change and
//! a line of feedback; its text is about sixty words. Choice 1 of conversation node `k` always
//! leads to node `k + 1`, so every conversation node is reachable; the others jump ahead, now
//! and then back (loops), or to a random ending, and some carry a mood route. An ending that no
//! draw picks is unreachable, as `check` then warns (three of 5,000 at 50,000 nodes, seed 1).

use std::fmt::Write;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const WORDS: &[&str] = &[
    "the",
    "customer",
    "waits",
    "at",
    "counter",
    "and",
    "says",
    "that",
    "letter",
    "came",
    "late",
    "again",
    "nobody",
    "answered",
    "phone",
    "when",
    "they",
    "called",
    "yesterday",
    "morning",
    "form",
    "asks",
    "for",
    "a",
    "number",
    "which",
    "office",
    "never",
    "sent",
    "bill",
    "looks",
    "higher",
    "than",
    "last",
    "year",
    "decision",
    "appointment",
    "queue",
    "is",
    "long",
    "today",
    "please",
    "explain",
    "why",
    "this",
    "takes",
    "so",
    "much",
    "time",
    "wants",
    "to",
    "know",
    "who",
    "decides",
    "next",
    "week",
    "if",
    "possible",
    "in",
    "writing",
    "with",
    "clear",
    "date",
    "neighbour",
    "permit",
    "daycare",
    "place",
    "water",
    "meter",
    "reading",
    "estimate",
    "doctor",
    "nurse",
    "call",
    "back",
    "slot",
    "manager",
    "email",
    "complaint",
    "record",
    "case",
    "file",
];

const STEPS: &[&str] = &[
    "greet",
    "listen",
    "acknowledge",
    "clarify",
    "explain",
    "agree",
    "close",
    "respect",
    "boundary",
];

const OUTCOMES: &[&str] = &["Resolved", "Partial", "Unresolved", "Escalated"];

fn sentence(rng: &mut ChaCha8Rng, words: usize) -> String {
    let mut text = String::new();
    for i in 0..words {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(WORDS[rng.random_range(0..WORDS.len())]);
    }
    text.push('.');
    text
}

/// A scenario of `nodes` nodes (at least 4) as RON text, the same for the same seed.
pub fn scenario(nodes: usize, seed: u64) -> String {
    let nodes = nodes.max(4);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let endings = (nodes / 10).max(2);
    let talk = nodes - endings;
    let id = |k: usize| format!("node-{k}");
    let mut out = String::new();
    let _ = writeln!(out, "Scenario(");
    let _ = writeln!(out, "    id: \"generated-{nodes}-{seed}\",");
    let _ = writeln!(out, "    language: \"en\",");
    let _ = writeln!(
        out,
        "    title: \"Generated scenario, {nodes} nodes, seed {seed}\","
    );
    let _ = writeln!(
        out,
        "    summary: \"A scenario made by `kohtaa generate` for benchmarks.\","
    );
    let _ = writeln!(out, "    learner_role: \"Customer service\",");
    let _ = writeln!(out, "    focus: [\"acknowledge\", \"explain\"],");
    let style = ["D", "i", "S", "C"][rng.random_range(0..4)];
    let _ = writeln!(
        out,
        "    customer: Customer(name: \"Generated Customer\", style: {style}, mood: -1),"
    );
    let _ = writeln!(out, "    start: \"{}\",", id(0));
    let _ = writeln!(out, "    nodes: [");
    for k in 0..talk {
        let _ = writeln!(out, "        Node(");
        let _ = writeln!(out, "            id: \"{}\",", id(k));
        let _ = writeln!(
            out,
            "            narration: \"{}\",",
            sentence(&mut rng, 20)
        );
        let _ = writeln!(out, "            say: \"{}\",", sentence(&mut rng, 40));
        let _ = writeln!(out, "            choices: [");
        for c in 0..3 {
            let next = if c == 0 {
                if k + 1 < talk { k + 1 } else { talk }
            } else {
                match rng.random_range(0..10) {
                    // An ending.
                    0 | 1 => talk + rng.random_range(0..endings),
                    // Back a little: a loop.
                    2 => k.saturating_sub(rng.random_range(1..4)),
                    // Ahead.
                    _ => (k + rng.random_range(1..20)).min(talk - 1),
                }
            };
            let step = STEPS[rng.random_range(0..STEPS.len())];
            let fits = rng.random_range(0..3) > 0;
            let mood: i32 = rng.random_range(-2..=2);
            // Two lines a choice: the shape stays readable and the file near 1 kB a node.
            let tag = if fits { "fits" } else { "breaks" };
            let _ = write!(
                out,
                "                Choice(say: \"{}\", next: \"{}\", {tag}: [\"{step}\"], mood: {mood},\n                    feedback: \"{}\"",
                sentence(&mut rng, 12),
                id(next),
                sentence(&mut rng, 8)
            );
            if rng.random_range(0..8) == 0 {
                let target = talk + rng.random_range(0..endings);
                let _ = write!(
                    out,
                    ", routes: [Route(max_mood: -4, next: \"{}\")]",
                    id(target)
                );
            }
            let _ = writeln!(out, "),");
        }
        let _ = writeln!(out, "            ],");
        let _ = writeln!(out, "        ),");
    }
    for e in 0..endings {
        let _ = writeln!(out, "        Node(");
        let _ = writeln!(out, "            id: \"{}\",", id(talk + e));
        let _ = writeln!(out, "            say: \"{}\",", sentence(&mut rng, 20));
        let _ = writeln!(
            out,
            "            ending: Ending(outcome: {}, summary: \"{}\"),",
            OUTCOMES[e % OUTCOMES.len()],
            sentence(&mut rng, 15)
        );
        let _ = writeln!(out, "        ),");
    }
    let _ = writeln!(out, "    ],");
    let _ = writeln!(out, ")");
    out
}
