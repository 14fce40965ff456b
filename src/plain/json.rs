//! A finished run as JSON, for tools: the scenario, the seed, the choices made and what they
//! showed, and the measurement.

use serde::Serialize;

use crate::content::Outcome;
use crate::practice::{Measurement, Run};

#[derive(Debug, Serialize)]
pub struct RunRecord {
    pub scenario: ScenarioRef,
    pub seed: u64,
    /// The node the run started at (the scenario's `start`, or `--start`).
    pub start: String,
    pub choices: Vec<ChoiceRecord>,
    pub measurement: Measurement,
    pub outcome: Option<Outcome>,
}

#[derive(Debug, Serialize)]
pub struct ScenarioRef {
    pub id: String,
    pub language: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct ChoiceRecord {
    pub node: String,
    /// The choice's number in file order, counted from 1 (as scenario test files count).
    pub choice: usize,
    /// The number it was shown with in this run's shuffled order, counted from 1.
    pub shown_as: usize,
    pub say: String,
    pub shown: Vec<String>,
    pub broken: Vec<String>,
    pub pitfalls: Vec<String>,
    pub mood_before: i32,
    pub mood_after: i32,
    pub next: String,
}

impl RunRecord {
    /// The record of `run`, which started at `start`.
    pub fn of(run: &Run, start: &str) -> RunRecord {
        // The shuffled order depends on the node and the depth, so replay the path to know
        // which number each choice was shown with.
        let mut replay = run.clone();
        replay.rewind_to(0);
        let choices = run
            .taken()
            .iter()
            .map(|t| {
                let shown_as = replay
                    .choice_order()
                    .iter()
                    .position(|&i| i == t.choice)
                    .map_or(0, |p| p + 1);
                let _ = replay.choose(t.choice);
                let effect = run.effect_of(t);
                ChoiceRecord {
                    node: t.node.clone(),
                    choice: t.choice + 1,
                    shown_as,
                    say: run.choice_of(t).map(|c| c.say.clone()).unwrap_or_default(),
                    shown: effect.shown,
                    broken: effect.broken,
                    pitfalls: effect.pitfalls,
                    mood_before: t.mood_before,
                    mood_after: t.mood_after,
                    next: t.next.clone(),
                }
            })
            .collect();
        let measurement = run.measure();
        let s = run.scenario();
        RunRecord {
            scenario: ScenarioRef {
                id: s.id.clone(),
                language: s.language.clone(),
                title: s.title.clone(),
            },
            seed: run.seed(),
            start: start.to_owned(),
            choices,
            outcome: measurement.outcome,
            measurement,
        }
    }

    pub fn to_json(&self) -> String {
        crate::content::json::to_string_pretty(self)
    }
}
