//! What a library practises: for each step of the model, the scenarios where a good choice
//! fits it and those where a choice breaks it; which customer styles the scenarios meet; and
//! whether two language versions of a scenario measure the same.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::types::{EncounterModel, Outcome, Scenario, Style};

/// One scenario's column in the tables, with the figures the library bar asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioFacts {
    pub id: String,
    pub style: Style,
    pub difficulty: i64,
    pub focus: Vec<String>,
    pub nodes: usize,
    pub endings: usize,
    /// The different outcomes its endings reach, in the order of `Outcome::ALL`.
    pub outcomes: Vec<Outcome>,
    /// Choices with at least one mood route.
    pub mood_routes: usize,
    /// Nodes with a note for the facilitator.
    pub facilitator_notes: usize,
    /// Choices with at least one style tip.
    pub style_tips: usize,
}

impl ScenarioFacts {
    pub fn of(scenario: &Scenario) -> ScenarioFacts {
        let choices = || scenario.nodes.iter().flat_map(|n| n.choice_list());
        let outcomes: BTreeSet<Outcome> = scenario
            .nodes
            .iter()
            .filter_map(|n| n.ending.as_ref().map(|e| e.outcome))
            .collect();
        ScenarioFacts {
            id: scenario.id.clone(),
            style: scenario.customer.style,
            difficulty: scenario.difficulty,
            focus: scenario.focus.clone(),
            nodes: scenario.nodes.len(),
            endings: scenario.nodes.iter().filter(|n| n.ending.is_some()).count(),
            outcomes: outcomes.into_iter().collect(),
            mood_routes: choices().filter(|c| !c.routes.is_empty()).count(),
            facilitator_notes: scenario
                .nodes
                .iter()
                .filter(|n| n.facilitator.is_some())
                .count(),
            style_tips: choices().filter(|c| !c.style_tips.is_empty()).count(),
        }
    }
}

/// One step's row: per scenario (in the order of `Coverage::scenarios`), whether some choice
/// fits it and whether some choice breaks it, directly or through one of its pitfalls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepRow {
    pub step: String,
    pub name: String,
    pub thread: bool,
    pub fitted: Vec<bool>,
    pub broken: Vec<bool>,
}

impl StepRow {
    pub fn fitted_in(&self) -> usize {
        self.fitted.iter().filter(|&&f| f).count()
    }

    pub fn broken_in(&self) -> usize {
        self.broken.iter().filter(|&&b| b).count()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub scenarios: Vec<ScenarioFacts>,
    /// Every step of the model, in the model's order (threads last, as the model lists them).
    pub steps: Vec<StepRow>,
}

impl Coverage {
    /// The coverage of `scenarios` (one language version each) against `model`.
    pub fn of(scenarios: &[&Scenario], model: &EncounterModel) -> Coverage {
        let steps = model
            .steps
            .iter()
            .map(|step| {
                let fitted = scenarios
                    .iter()
                    .map(|s| {
                        s.nodes
                            .iter()
                            .flat_map(|n| n.choice_list())
                            .any(|c| c.fits.contains(&step.id))
                    })
                    .collect();
                let broken = scenarios
                    .iter()
                    .map(|s| {
                        s.nodes.iter().flat_map(|n| n.choice_list()).any(|c| {
                            c.breaks.contains(&step.id)
                                || c.pitfalls
                                    .iter()
                                    .any(|p| step.pitfalls.iter().any(|sp| &sp.id == p))
                        })
                    })
                    .collect();
                StepRow {
                    step: step.id.clone(),
                    name: step.name.clone(),
                    thread: step.thread,
                    fitted,
                    broken,
                }
            })
            .collect();
        Coverage {
            scenarios: scenarios.iter().map(|s| ScenarioFacts::of(s)).collect(),
            steps,
        }
    }

    pub fn step(&self, id: &str) -> Option<&StepRow> {
        self.steps.iter().find(|r| r.step == id)
    }

    /// How many scenarios have a customer of this style.
    pub fn style_count(&self, style: Style) -> usize {
        self.scenarios.iter().filter(|s| s.style == style).count()
    }

    /// The three tables as Markdown, in English: steps × scenarios, styles × scenarios, and
    /// the figures of each scenario.
    pub fn to_markdown(&self) -> String {
        self.to_markdown_in(&Words::ENGLISH)
    }

    /// [`Coverage::to_markdown`] with its words given (the command line passes those of the
    /// interface language). Ids and outcomes stay as the files write them.
    pub fn to_markdown_in(&self, words: &Words) -> String {
        let mut out = String::new();
        let ids: Vec<&str> = self.scenarios.iter().map(|s| s.id.as_str()).collect();

        let _ = writeln!(out, "{}\n", words.steps_intro);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            words.step,
            ids.join(" | "),
            words.fitted_in,
            words.broken_in
        );
        let _ = writeln!(out, "|---|{}---|---|", "---|".repeat(ids.len()));
        let both = format!("{} {}", words.fits, words.breaks);
        for row in &self.steps {
            let label = if row.thread {
                format!("{} ({}, {})", row.step, row.name, words.thread)
            } else {
                format!("{} ({})", row.step, row.name)
            };
            let cells: Vec<&str> = row
                .fitted
                .iter()
                .zip(&row.broken)
                .map(|(&f, &b)| match (f, b) {
                    (true, true) => both.as_str(),
                    (true, false) => words.fits,
                    (false, true) => words.breaks,
                    (false, false) => "·",
                })
                .collect();
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {} |",
                cells.join(" | "),
                row.fitted_in(),
                row.broken_in()
            );
        }

        let _ = writeln!(out, "\n{}\n", words.styles_intro);
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            words.style,
            ids.join(" | "),
            words.scenario_count
        );
        let _ = writeln!(out, "|---|{}---|", "---|".repeat(ids.len()));
        for style in Style::ALL {
            let cells: Vec<&str> = self
                .scenarios
                .iter()
                .map(|s| if s.style == style { "x" } else { "·" })
                .collect();
            let _ = writeln!(
                out,
                "| {style} | {} | {} |",
                cells.join(" | "),
                self.style_count(style)
            );
        }

        let _ = writeln!(out, "\n{}\n", words.scenarios_intro);
        let _ = writeln!(out, "| {} |", words.columns);
        out.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
        for s in &self.scenarios {
            let outcomes: Vec<&str> = s.outcomes.iter().map(|o| o.name()).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                s.id,
                s.style,
                s.difficulty,
                s.focus.join(", "),
                s.nodes,
                s.endings,
                outcomes.join(", "),
                s.mood_routes,
                s.facilitator_notes,
                s.style_tips
            );
        }
        out
    }
}

/// The words of the coverage tables.
pub struct Words<'a> {
    pub steps_intro: &'a str,
    pub step: &'a str,
    pub fitted_in: &'a str,
    pub broken_in: &'a str,
    /// The marks for a step fitted and broken in a scenario.
    pub fits: &'a str,
    pub breaks: &'a str,
    pub thread: &'a str,
    pub styles_intro: &'a str,
    pub style: &'a str,
    pub scenario_count: &'a str,
    pub scenarios_intro: &'a str,
    /// The ten column names of the scenarios table, separated by ` | `.
    pub columns: &'a str,
}

impl Words<'static> {
    pub const ENGLISH: Words<'static> = Words {
        steps_intro: "Steps × scenarios: F = a good choice fits the step, B = a choice breaks it \
                      (directly or by one of its pitfalls).",
        step: "step",
        fitted_in: "fitted in",
        broken_in: "broken in",
        fits: "F",
        breaks: "B",
        thread: "thread",
        styles_intro: "Customer styles × scenarios:",
        style: "style",
        scenario_count: "scenarios",
        scenarios_intro: "Scenarios:",
        columns: "scenario | customer | difficulty | focus | nodes | endings | outcomes | \
                  mood routes | facilitator notes | choices with style tips",
    };
}

/// Where two language versions of a scenario would measure differently: everything but the
/// words must match (node ids and order, choices and their order, next, routes, fits, breaks,
/// pitfalls, mood, outcomes, focus, customer style and mood, difficulty, model, start).
/// Empty when they match.
pub fn differences(a: &Scenario, b: &Scenario) -> Vec<String> {
    let mut diffs = Vec::new();
    let mut same = |what: String, x: String, y: String| {
        if x != y {
            diffs.push(format!("{what}: {x} / {y}"));
        }
    };
    same("id".into(), a.id.clone(), b.id.clone());
    same("model".into(), a.model.clone(), b.model.clone());
    same("start".into(), a.start.clone(), b.start.clone());
    same(
        "difficulty".into(),
        a.difficulty.to_string(),
        b.difficulty.to_string(),
    );
    same(
        "focus".into(),
        format!("{:?}", a.focus),
        format!("{:?}", b.focus),
    );
    same(
        "customer style".into(),
        a.customer.style.to_string(),
        b.customer.style.to_string(),
    );
    same(
        "customer mood".into(),
        a.customer.mood.to_string(),
        b.customer.mood.to_string(),
    );
    let ids = |s: &Scenario| s.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    same(
        "node ids".into(),
        format!("{:?}", ids(a)),
        format!("{:?}", ids(b)),
    );
    for (na, nb) in a.nodes.iter().zip(&b.nodes) {
        let at = |what: &str| format!("node `{}`: {what}", na.id);
        same(
            at("outcome"),
            format!("{:?}", na.ending.as_ref().map(|e| e.outcome)),
            format!("{:?}", nb.ending.as_ref().map(|e| e.outcome)),
        );
        same(
            at("number of choices"),
            na.choice_list().len().to_string(),
            nb.choice_list().len().to_string(),
        );
        for (i, (ca, cb)) in na.choice_list().iter().zip(nb.choice_list()).enumerate() {
            let at = |what: &str| format!("node `{}` choice {}: {what}", na.id, i + 1);
            same(at("next"), ca.next.clone(), cb.next.clone());
            same(
                at("fits"),
                format!("{:?}", ca.fits),
                format!("{:?}", cb.fits),
            );
            same(
                at("breaks"),
                format!("{:?}", ca.breaks),
                format!("{:?}", cb.breaks),
            );
            same(
                at("pitfalls"),
                format!("{:?}", ca.pitfalls),
                format!("{:?}", cb.pitfalls),
            );
            same(at("mood"), ca.mood.to_string(), cb.mood.to_string());
            same(
                at("routes"),
                format!("{:?}", ca.routes),
                format!("{:?}", cb.routes),
            );
            same(
                at("style tips for"),
                format!("{:?}", ca.style_tips.keys().collect::<Vec<_>>()),
                format!("{:?}", cb.style_tips.keys().collect::<Vec<_>>()),
            );
        }
    }
    diffs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Choice, Customer, Ending, Node, Pitfall, Step};

    fn step(id: &str, pitfalls: &[&str], thread: bool) -> Step {
        Step {
            id: id.into(),
            name: id.to_uppercase(),
            description: String::new(),
            looks_like: vec![],
            pitfalls: pitfalls
                .iter()
                .map(|p| Pitfall {
                    id: (*p).into(),
                    name: String::new(),
                    description: String::new(),
                })
                .collect(),
            thread,
        }
    }

    fn choice(fits: &[&str], breaks: &[&str], pitfalls: &[&str]) -> Choice {
        Choice {
            say: "x".into(),
            next: "end".into(),
            fits: fits.iter().map(|s| (*s).into()).collect(),
            breaks: breaks.iter().map(|s| (*s).into()).collect(),
            pitfalls: pitfalls.iter().map(|s| (*s).into()).collect(),
            mood: 0,
            feedback: None,
            style_tips: Default::default(),
            routes: vec![],
        }
    }

    fn scenario(id: &str, style: Style, choices: Vec<Choice>) -> Scenario {
        Scenario {
            id: id.into(),
            language: "en".into(),
            title: String::new(),
            summary: String::new(),
            learner_role: String::new(),
            tags: vec![],
            settings: vec![],
            difficulty: 1,
            model: "default".into(),
            focus: vec![],
            customer: Customer {
                name: String::new(),
                style,
                mood: 0,
                about: None,
                mood_words: Default::default(),
            },
            start: "start".into(),
            nodes: vec![
                Node {
                    id: "start".into(),
                    narration: None,
                    say: Some("hi".into()),
                    facilitator: None,
                    choices: Some(choices),
                    ending: None,
                },
                Node {
                    id: "end".into(),
                    narration: None,
                    say: Some("bye".into()),
                    facilitator: None,
                    choices: None,
                    ending: Some(Ending {
                        outcome: Outcome::Resolved,
                        summary: String::new(),
                    }),
                },
            ],
        }
    }

    fn model() -> EncounterModel {
        EncounterModel {
            id: "default".into(),
            language: "en".into(),
            name: String::new(),
            steps: vec![
                step("greet", &["no-intro"], false),
                step("listen", &["interrupt"], false),
                step("respect", &["sarcasm"], true),
            ],
        }
    }

    #[test]
    fn a_pitfall_counts_as_breaking_its_step() {
        let a = scenario(
            "a",
            Style::D,
            vec![
                choice(&["greet"], &[], &[]),
                choice(&[], &[], &["interrupt"]),
            ],
        );
        let b = scenario("b", Style::S, vec![choice(&["listen"], &["respect"], &[])]);
        let cov = Coverage::of(&[&a, &b], &model());
        let greet = cov.step("greet").unwrap();
        assert_eq!(
            (greet.fitted.clone(), greet.broken.clone()),
            (vec![true, false], vec![false, false])
        );
        let listen = cov.step("listen").unwrap();
        assert_eq!((listen.fitted_in(), listen.broken_in()), (1, 1));
        assert_eq!(listen.broken, vec![true, false]);
        assert_eq!(cov.step("respect").unwrap().broken, vec![false, true]);
        assert_eq!(cov.style_count(Style::D), 1);
        assert_eq!(cov.style_count(Style::C), 0);
        let md = cov.to_markdown();
        assert!(md.contains("| listen (LISTEN) | B | F | 1 | 1 |"), "{md}");
        assert!(
            md.contains("| respect (RESPECT, thread) | · | B | 0 | 1 |"),
            "{md}"
        );
    }

    #[test]
    fn differences_name_what_would_measure_differently() {
        let a = scenario("a", Style::D, vec![choice(&["greet"], &[], &[])]);
        let mut b = a.clone();
        b.language = "fi".into();
        b.nodes[0].say = Some("hei".into());
        assert!(differences(&a, &b).is_empty());
        b.nodes[0].choices.as_mut().unwrap()[0].pitfalls = vec!["no-intro".into()];
        b.customer.mood = -2;
        let diffs = differences(&a, &b);
        assert_eq!(diffs.len(), 2, "{diffs:?}");
        assert!(
            diffs[1].starts_with("node `start` choice 1: pitfalls"),
            "{diffs:?}"
        );
    }
}
