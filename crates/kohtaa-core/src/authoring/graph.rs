//! The scenario as a graph, written for Graphviz (`dot`) or Mermaid.
//!
//! Node identifiers in the output are generated (`n0`, `n1` ...), never the author's ids, so
//! an id with `-` or a Mermaid keyword such as `end` is always valid; the author's id is in
//! the label. Labels are escaped for each format, and control characters never pass.

use std::collections::HashMap;
use std::fmt::Write;

use crate::content::text::display_safe;
use crate::content::{Choice, EncounterModel, Route, Scenario};
use crate::i18n::{Lang, T, count, t, tf};
use crate::practice::ChoiceEffect;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Dot,
    Mermaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Conversation,
    Ending,
    /// A `next` or route names a node that does not exist.
    Missing,
}

struct GNode {
    key: String,
    lines: Vec<String>,
    shape: Shape,
    start: bool,
}

struct GEdge {
    from: String,
    to: String,
    label: String,
    /// A route: taken only at some moods.
    route: bool,
}

/// Draws `scenario` in `format`, with English labels. The model turns pitfalls into the steps
/// they break.
pub fn render(scenario: &Scenario, model: &EncounterModel, format: Format) -> String {
    render_in(scenario, model, format, Lang::En)
}

/// Draws `scenario` in `format`, with the labels' words in `lang`.
pub fn render_in(
    scenario: &Scenario,
    model: &EncounterModel,
    format: Format,
    lang: Lang,
) -> String {
    let (nodes, edges) = layout(scenario, model, lang);
    match format {
        Format::Dot => dot(scenario, &nodes, &edges),
        Format::Mermaid => mermaid(scenario, &nodes, &edges),
    }
}

fn layout(scenario: &Scenario, model: &EncounterModel, lang: Lang) -> (Vec<GNode>, Vec<GEdge>) {
    let mut keys: HashMap<String, String> = HashMap::new();
    let mut nodes = Vec::new();
    for (i, node) in scenario.nodes.iter().enumerate() {
        let key = format!("n{i}");
        // With duplicate ids, edges go to the first, as the engine does.
        keys.entry(node.id.clone()).or_insert_with(|| key.clone());
        let start = node.id == scenario.start;
        let (kind, shape) = match &node.ending {
            Some(ending) => (
                tf(lang, T::GraphEnding, &[("outcome", ending.outcome.name())]),
                Shape::Ending,
            ),
            None => (
                count(lang, node.choice_list().len(), T::CliChoice, T::CliChoices),
                Shape::Conversation,
            ),
        };
        let kind = if start {
            tf(lang, T::GraphStart, &[("kind", &kind)])
        } else {
            kind
        };
        nodes.push(GNode {
            key,
            lines: vec![node.id.clone(), kind],
            shape,
            start,
        });
    }
    let mut missing = |id: &str, nodes: &mut Vec<GNode>| -> String {
        if let Some(k) = keys.get(id) {
            return k.clone();
        }
        let key = format!("m{}", nodes.len());
        keys.insert(id.to_owned(), key.clone());
        nodes.push(GNode {
            key: key.clone(),
            lines: vec![id.to_owned(), t(lang, T::GraphMissing).to_owned()],
            shape: Shape::Missing,
            start: false,
        });
        key
    };
    let mut edges = Vec::new();
    if !scenario.nodes.iter().any(|n| n.id == scenario.start) {
        missing(&scenario.start, &mut nodes);
    }
    for (i, node) in scenario.nodes.iter().enumerate() {
        let from = format!("n{i}");
        for (ci, choice) in node.choice_list().iter().enumerate() {
            let number = ci + 1;
            let effect = effect_label(choice, model, lang);
            let otherwise = if choice.routes.is_empty() {
                String::new()
            } else {
                format!(" {}", t(lang, T::GraphOtherwise))
            };
            let sep = if effect.is_empty() { "" } else { ": " };
            edges.push(GEdge {
                from: from.clone(),
                to: missing(&choice.next, &mut nodes),
                label: format!("{number}{otherwise}{sep}{effect}"),
                route: false,
            });
            for route in &choice.routes {
                edges.push(GEdge {
                    from: from.clone(),
                    to: missing(&route.next, &mut nodes),
                    label: tf(
                        lang,
                        T::GraphIf,
                        &[
                            ("choice", &number.to_string()),
                            ("condition", &condition(route, lang)),
                        ],
                    ),
                    route: true,
                });
            }
        }
    }
    (nodes, edges)
}

/// `+greet +listen -acknowledge, mood +1`: steps shown, steps broken, the mood change.
fn effect_label(choice: &Choice, model: &EncounterModel, lang: Lang) -> String {
    let effect = ChoiceEffect::of(choice, model);
    let mut parts: Vec<String> = effect.shown.iter().map(|s| format!("+{s}")).collect();
    parts.extend(effect.broken.iter().map(|s| format!("-{s}")));
    let steps = parts.join(" ");
    let mood = t(lang, T::GraphMood);
    match (steps.is_empty(), effect.mood_delta) {
        (_, 0) => steps,
        (true, d) => format!("{mood} {d:+}"),
        (false, d) => format!("{steps}, {mood} {d:+}"),
    }
}

/// A route's condition on the mood after the choice, e.g. `mood ≥ 2` or `-1 ≤ mood ≤ 1`.
fn condition(route: &Route, lang: Lang) -> String {
    let mood = t(lang, T::GraphMood);
    match (route.min_mood, route.max_mood) {
        (Some(min), Some(max)) => format!("{min} ≤ {mood} ≤ {max}"),
        (Some(min), None) => format!("{mood} ≥ {min}"),
        (None, Some(max)) => format!("{mood} ≤ {max}"),
        (None, None) => t(lang, T::GraphAlways).to_owned(),
    }
}

/// A DOT double-quoted string: backslash and quote escaped, lines joined with `\n`.
fn dot_string(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        for c in display_safe(line).chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                c => out.push(c),
            }
        }
    }
    out.push('"');
    out
}

fn dot(scenario: &Scenario, nodes: &[GNode], edges: &[GEdge]) -> String {
    let mut out = String::new();
    let title = format!("{} ({})", scenario.title, scenario.id);
    let _ = writeln!(out, "digraph scenario {{");
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, rankdir=TB, fontname=\"sans-serif\"];",
        dot_string(&[title])
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=rounded, fontname=\"sans-serif\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"sans-serif\", fontsize=10];");
    for node in nodes {
        let attrs = match (node.shape, node.start) {
            (Shape::Ending, _) => ", shape=box, style=\"rounded,bold\", peripheries=2",
            (Shape::Missing, _) => ", shape=box, style=dashed, color=red, fontcolor=red",
            (Shape::Conversation, true) => ", penwidth=2",
            (Shape::Conversation, false) => "",
        };
        let _ = writeln!(
            out,
            "  {} [label={}{attrs}];",
            node.key,
            dot_string(&node.lines)
        );
    }
    for edge in edges {
        let style = if edge.route { ", style=dashed" } else { "" };
        let _ = writeln!(
            out,
            "  {} -> {} [label={}{style}];",
            edge.from,
            edge.to,
            dot_string(std::slice::from_ref(&edge.label))
        );
    }
    out.push_str("}\n");
    out
}

/// A Mermaid quoted label: characters that Mermaid reads as syntax become entity codes
/// (`#quot;`, `#35;` ...), lines joined with `<br/>`. `%`, `{` and `}` too: Mermaid reads
/// `%%{init: ...}%%` anywhere in a diagram as a directive that reconfigures it.
fn mermaid_string(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br/>");
        }
        for c in display_safe(line).chars() {
            match c {
                '"' => out.push_str("#quot;"),
                '#' => out.push_str("#35;"),
                '<' => out.push_str("#lt;"),
                '>' => out.push_str("#gt;"),
                '&' => out.push_str("#amp;"),
                '|' => out.push_str("#124;"),
                ';' => out.push_str("#59;"),
                '`' => out.push_str("#96;"),
                '%' => out.push_str("#37;"),
                '{' => out.push_str("#123;"),
                '}' => out.push_str("#125;"),
                '\n' => out.push_str("<br/>"),
                c => out.push(c),
            }
        }
    }
    out.push('"');
    out
}

fn mermaid(scenario: &Scenario, nodes: &[GNode], edges: &[GEdge]) -> String {
    let mut out = String::new();
    // A comment cannot break the diagram as long as it keeps to one line and holds no
    // directive (`%%{init: ...}%%` is read as one even in a comment): braces become
    // parentheses.
    let title: String = display_safe(&format!("{} ({})", scenario.title, scenario.id))
        .chars()
        .map(|c| match c {
            '\n' => ' ',
            '{' => '(',
            '}' => ')',
            c => c,
        })
        .collect();
    let _ = writeln!(out, "%% {title}");
    let _ = writeln!(out, "flowchart TD");
    for node in nodes {
        let label = mermaid_string(&node.lines);
        let _ = match node.shape {
            Shape::Ending => writeln!(out, "    {}([{label}])", node.key),
            Shape::Missing => writeln!(out, "    {}{{{{{label}}}}}", node.key),
            Shape::Conversation => writeln!(out, "    {}[{label}]", node.key),
        };
    }
    for edge in edges {
        let arrow = if edge.route { "-.->" } else { "-->" };
        let _ = writeln!(
            out,
            "    {} {arrow}|{}| {}",
            edge.from,
            mermaid_string(std::slice::from_ref(&edge.label)),
            edge.to
        );
    }
    let starts: Vec<&str> = nodes
        .iter()
        .filter(|n| n.start)
        .map(|n| n.key.as_str())
        .collect();
    let missing: Vec<&str> = nodes
        .iter()
        .filter(|n| n.shape == Shape::Missing)
        .map(|n| n.key.as_str())
        .collect();
    if !starts.is_empty() {
        let _ = writeln!(out, "    classDef start stroke-width:3px");
        let _ = writeln!(out, "    class {} start", starts.join(","));
    }
    if !missing.is_empty() {
        let _ = writeln!(out, "    classDef missing stroke:#c00,stroke-dasharray:4 2");
        let _ = writeln!(out, "    class {} missing", missing.join(","));
    }
    out
}
