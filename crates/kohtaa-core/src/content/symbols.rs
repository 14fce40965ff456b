//! Where a content file defines and uses its ids: nodes in a scenario (`id`, `start`,
//! `next`, routes), steps and pitfalls (defined in a model, used by choices, `focus` and a
//! tests file's `expect`), so that an editor can go to a definition, list the uses, rename
//! a node or outline a file. Read from the [`Outline`], so a file must parse as RON (its
//! meaning may still be wrong: a `next` to nowhere is exactly what an author jumps from).

use std::ops::Range;

use super::outline::{Outline, StringLiteral, Value};

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolKind {
    Node,
    Step,
    Pitfall,
}

/// One id written in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub kind: SymbolKind,
    /// The id as the file means it (escapes decoded).
    pub id: String,
    /// The text between the quotes: what a rename replaces.
    pub span: Range<usize>,
    /// The literal with its quotes.
    pub literal: Range<usize>,
    /// True where the id is defined (a node's `id`, a model's step or pitfall `id`).
    pub defines: bool,
}

/// A node of a scenario, for an outline of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeEntry {
    pub id: String,
    /// The id's literal with its quotes.
    pub id_span: Range<usize>,
    /// The whole `Node(...)`.
    pub span: Range<usize>,
    /// The first line of what happens there: `say`, else `narration`.
    pub first_line: Option<String>,
    /// True for an ending.
    pub ending: bool,
}

/// The ids of one file.
#[derive(Clone, Debug, Default)]
pub struct Symbols {
    pub occurrences: Vec<Occurrence>,
    pub nodes: Vec<NodeEntry>,
}

impl Symbols {
    /// Reads a scenario, model or tests file; nothing when it does not parse as RON.
    pub fn read(text: &str) -> Symbols {
        let outline = Outline::read(text);
        let mut symbols = Symbols::default();
        if let Some(root) = outline.root() {
            let mut reader = Collect {
                text,
                out: &mut symbols,
            };
            reader.file(root);
        }
        symbols
    }

    /// The id written at `offset` (anywhere in its literal, quotes included, or just after it).
    pub fn at(&self, offset: usize) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.literal.start <= offset && offset <= o.literal.end)
    }

    /// Where `id` of `kind` is defined in this file.
    pub fn definition(&self, kind: SymbolKind, id: &str) -> Option<&Occurrence> {
        self.occurrences
            .iter()
            .find(|o| o.defines && o.kind == kind && o.id == id)
    }

    /// Every place `id` of `kind` is written, its definition included.
    pub fn all(&self, kind: SymbolKind, id: &str) -> impl Iterator<Item = &Occurrence> {
        let id = id.to_owned();
        self.occurrences
            .iter()
            .filter(move |o| o.kind == kind && o.id == id)
    }

    /// The ids of `kind` defined in this file, in order.
    pub fn defined(&self, kind: SymbolKind) -> impl Iterator<Item = &str> {
        self.occurrences
            .iter()
            .filter(move |o| o.defines && o.kind == kind)
            .map(|o| o.id.as_str())
    }

    /// The node called `id`.
    pub fn node(&self, id: &str) -> Option<&NodeEntry> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

struct Collect<'a> {
    text: &'a str,
    out: &'a mut Symbols,
}

impl Collect<'_> {
    fn file(&mut self, root: &Value) {
        if let Some(nodes) = root.field("nodes") {
            self.scenario(root, &nodes.value);
        } else if let Some(steps) = root.field("steps") {
            self.model(&steps.value);
        } else if let Some(tests) = root.field("tests") {
            self.tests(&tests.value);
        }
    }

    fn scenario(&mut self, root: &Value, nodes: &Value) {
        self.each(root.field("focus").map(|f| &f.value), SymbolKind::Step);
        self.one(
            root.field("start").map(|f| &f.value),
            SymbolKind::Node,
            false,
        );
        for node in nodes.items() {
            let id = node.field("id").map(|f| &f.value);
            if let Some(found) = self.one(id, SymbolKind::Node, true) {
                let said = ["say", "narration"].iter().find_map(|name| {
                    let value = node.field(name)?;
                    let literal = StringLiteral::at(self.text, value.value.span())?;
                    let text = literal.text(self.text);
                    Some(text.lines().next().unwrap_or("").to_owned())
                });
                self.out.nodes.push(NodeEntry {
                    id: found.id,
                    id_span: found.literal,
                    span: node.span(),
                    first_line: said,
                    ending: node.field("ending").is_some(),
                });
            }
            let Some(choices) = node.field("choices") else {
                continue;
            };
            for choice in choices.value.items() {
                self.one(
                    choice.field("next").map(|f| &f.value),
                    SymbolKind::Node,
                    false,
                );
                if let Some(routes) = choice.field("routes") {
                    for route in routes.value.items() {
                        self.one(
                            route.field("next").map(|f| &f.value),
                            SymbolKind::Node,
                            false,
                        );
                    }
                }
                self.each(choice.field("fits").map(|f| &f.value), SymbolKind::Step);
                self.each(choice.field("breaks").map(|f| &f.value), SymbolKind::Step);
                self.each(
                    choice.field("pitfalls").map(|f| &f.value),
                    SymbolKind::Pitfall,
                );
            }
        }
    }

    fn model(&mut self, steps: &Value) {
        for step in steps.items() {
            self.one(step.field("id").map(|f| &f.value), SymbolKind::Step, true);
            if let Some(pitfalls) = step.field("pitfalls") {
                for pitfall in pitfalls.value.items() {
                    let id = pitfall.field("id").map(|f| &f.value);
                    self.one(id, SymbolKind::Pitfall, true);
                }
            }
        }
    }

    fn tests(&mut self, tests: &Value) {
        for test in tests.items() {
            if let Some(path) = test.field("path") {
                for step in path.value.items() {
                    self.one(step.items().first(), SymbolKind::Node, false);
                }
            }
            let Some(expect) = test.field("expect") else {
                continue;
            };
            let expect = &expect.value;
            self.one(
                expect.field("ending").map(|f| &f.value),
                SymbolKind::Node,
                false,
            );
            for list in ["shown", "broken", "missed", "not_reached"] {
                self.each(expect.field(list).map(|f| &f.value), SymbolKind::Step);
            }
        }
    }

    fn each(&mut self, list: Option<&Value>, kind: SymbolKind) {
        for item in list.map(Value::items).unwrap_or_default() {
            self.one(Some(item), kind, false);
        }
    }

    /// Records the string literal `value` is, if it is one.
    fn one(
        &mut self,
        value: Option<&Value>,
        kind: SymbolKind,
        defines: bool,
    ) -> Option<Occurrence> {
        let literal = StringLiteral::at(self.text, value?.span())?;
        let found = Occurrence {
            kind,
            id: literal.text(self.text),
            span: literal.body.clone(),
            literal: literal.span.clone(),
            defines,
        };
        self.out.occurrences.push(found.clone());
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCENARIO: &str = r#"Scenario(
    focus: ["greet"],
    start: "hello",
    nodes: [
        Node(id: "hello", say: "Äänekäs äiti 👩‍👧\nsecond line", choices: [
            Choice(say: "Hi", next: "done", fits: ["greet"], pitfalls: ["rush"],
                routes: [Route(min_mood: 2, next: "hello")]),
        ]),
        (id: "done", narration: "Bye.", ending: Ending(outcome: Resolved, summary: "x")),
    ],
)"#;

    fn ids(symbols: &Symbols, kind: SymbolKind) -> Vec<(&str, bool, &str)> {
        symbols
            .occurrences
            .iter()
            .filter(|o| o.kind == kind)
            .map(|o| (o.id.as_str(), o.defines, &SCENARIO[o.span.clone()]))
            .collect()
    }

    #[test]
    fn a_scenario_defines_its_nodes_and_uses_steps_and_pitfalls() {
        let symbols = Symbols::read(SCENARIO);
        assert_eq!(
            ids(&symbols, SymbolKind::Node),
            [
                ("hello", false, "hello"),
                ("hello", true, "hello"),
                ("done", false, "done"),
                ("hello", false, "hello"),
                ("done", true, "done"),
            ]
        );
        assert_eq!(
            ids(&symbols, SymbolKind::Step),
            [("greet", false, "greet"), ("greet", false, "greet")]
        );
        assert_eq!(
            ids(&symbols, SymbolKind::Pitfall),
            [("rush", false, "rush")]
        );
        let hello = symbols.node("hello").unwrap();
        assert_eq!(hello.first_line.as_deref(), Some("Äänekäs äiti 👩‍👧"));
        assert!(!hello.ending && symbols.node("done").unwrap().ending);
        assert_eq!(symbols.all(SymbolKind::Node, "hello").count(), 3);
        let next = SCENARIO.find("\"done\"").unwrap();
        assert_eq!(symbols.at(next + 2).unwrap().id, "done");
        let def = symbols.definition(SymbolKind::Node, "done").unwrap();
        assert!(SCENARIO[..def.span.start].ends_with("(id: \""));
    }

    #[test]
    fn a_model_defines_steps_and_pitfalls_and_a_tests_file_uses_them() {
        let model = r#"EncounterModel(id: "m", steps: [Step(id: "greet", pitfalls: [Pitfall(id: "rush")])])"#;
        let symbols = Symbols::read(model);
        assert_eq!(
            symbols.defined(SymbolKind::Step).collect::<Vec<_>>(),
            ["greet"]
        );
        assert_eq!(
            symbols.defined(SymbolKind::Pitfall).collect::<Vec<_>>(),
            ["rush"]
        );
        let tests = r#"ScenarioTests(scenario: "s", tests: [Playthrough(name: "n", path: [("hello", 1)], expect: Expect(ending: "done", shown: ["greet"]))])"#;
        let symbols = Symbols::read(tests);
        let found: Vec<(&str, SymbolKind)> = symbols
            .occurrences
            .iter()
            .map(|o| (o.id.as_str(), o.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("hello", SymbolKind::Node),
                ("done", SymbolKind::Node),
                ("greet", SymbolKind::Step)
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_ron_has_no_symbols() {
        assert!(Symbols::read("Scenario(nodes: [").occurrences.is_empty());
    }
}
