//! What a run measures against the encounter model (scenario-format.md, "What a run measures").
//! The same for every learner style: style changes words, never this.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::content::{EncounterModel, Outcome, Scenario};

use super::run::{ChoiceEffect, Taken};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepResult {
    /// Some chosen choice fits it, and none breaks it.
    Shown,
    /// Some chosen choice breaks it or names one of its pitfalls.
    Broken,
    /// Neither, although some choice in the scenario fits it.
    Missed,
    /// No choice in the scenario fits it; left out of the score.
    NotInPlay,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepOutcome {
    pub step: String,
    pub thread: bool,
    pub result: StepResult,
}

/// A later step shown before an earlier one that the run shows afterwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderNote {
    /// The later step in the model's order, which came first in the run.
    pub early: String,
    /// The earlier step in the model's order, which the run showed only afterwards.
    pub late: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measurement {
    /// Every step of the model, in the model's order.
    pub steps: Vec<StepOutcome>,
    /// shown / (shown + broken + missed) as a whole percent; `None` when no step is in play.
    pub fit: Option<u32>,
    pub order_notes: Vec<OrderNote>,
    /// Pitfall ids named by chosen choices, first occurrence first.
    pub pitfalls: Vec<String>,
    /// The start mood and the mood after every choice.
    pub moods: Vec<i32>,
    /// The ending reached, if the run has ended.
    pub ending: Option<String>,
    pub outcome: Option<Outcome>,
}

impl Measurement {
    pub fn result_of(&self, step: &str) -> Option<StepResult> {
        self.steps.iter().find(|s| s.step == step).map(|s| s.result)
    }

    pub fn count(&self, result: StepResult) -> usize {
        self.steps.iter().filter(|s| s.result == result).count()
    }

    pub fn final_mood(&self) -> i32 {
        self.moods.last().copied().unwrap_or(0)
    }
}

/// Steps that some choice anywhere in the scenario fits: the steps in play.
pub fn steps_in_play(scenario: &Scenario) -> HashSet<&str> {
    scenario
        .nodes
        .iter()
        .flat_map(|n| n.choice_list())
        .flat_map(|c| c.fits.iter().map(String::as_str))
        .collect()
}

/// Measures the path `taken` through `scenario`.
pub fn measure(scenario: &Scenario, model: &EncounterModel, taken: &[Taken]) -> Measurement {
    let in_play = steps_in_play(scenario);
    let effects: Vec<ChoiceEffect> = taken
        .iter()
        .map(|t| {
            scenario
                .nodes
                .iter()
                .find(|n| n.id == t.node)
                .and_then(|n| n.choice_list().get(t.choice))
                .map(|c| ChoiceEffect::of(c, model))
                .unwrap_or_default()
        })
        .collect();
    let fitted = |step: &str| effects.iter().any(|e| e.shown.iter().any(|s| s == step));
    let broken = |step: &str| effects.iter().any(|e| e.broken.iter().any(|s| s == step));

    let steps: Vec<StepOutcome> = model
        .steps
        .iter()
        .map(|step| {
            let result = if broken(&step.id) {
                StepResult::Broken
            } else if fitted(&step.id) {
                StepResult::Shown
            } else if in_play.contains(step.id.as_str()) {
                StepResult::Missed
            } else {
                StepResult::NotInPlay
            };
            StepOutcome {
                step: step.id.clone(),
                thread: step.thread,
                result,
            }
        })
        .collect();

    let shown = steps
        .iter()
        .filter(|s| s.result == StepResult::Shown)
        .count() as u32;
    let scored = steps
        .iter()
        .filter(|s| s.result != StepResult::NotInPlay)
        .count() as u32;
    let fit = (scored > 0).then(|| (shown * 100 + scored / 2) / scored);

    // Where each shown step was first fitted, to compare with the model's order.
    let first_fit = |step: &str| {
        effects
            .iter()
            .position(|e| e.shown.iter().any(|s| s == step))
    };
    let ordered: Vec<(&str, usize)> = model
        .steps
        .iter()
        .filter(|s| !s.thread)
        .filter(|s| {
            steps
                .iter()
                .any(|o| o.step == s.id && o.result == StepResult::Shown)
        })
        .filter_map(|s| first_fit(&s.id).map(|at| (s.id.as_str(), at)))
        .collect();
    let mut order_notes = Vec::new();
    for (i, (earlier, earlier_at)) in ordered.iter().enumerate() {
        for (later, later_at) in &ordered[i + 1..] {
            if later_at < earlier_at {
                order_notes.push(OrderNote {
                    early: (*later).to_owned(),
                    late: (*earlier).to_owned(),
                });
            }
        }
    }

    let mut pitfalls: Vec<String> = Vec::new();
    for p in effects.iter().flat_map(|e| &e.pitfalls) {
        if !pitfalls.contains(p) {
            pitfalls.push(p.clone());
        }
    }

    let start_mood = scenario.customer.mood.clamp(-5, 5) as i32;
    let moods = std::iter::once(start_mood)
        .chain(taken.iter().map(|t| t.mood_after))
        .collect();
    let end_node = taken
        .last()
        .map_or(scenario.start.as_str(), |t| t.next.as_str());
    let ending = scenario
        .nodes
        .iter()
        .find(|n| n.id == end_node)
        .and_then(|n| n.ending.as_ref().map(|e| (n.id.clone(), e.outcome)));

    Measurement {
        steps,
        fit,
        order_notes,
        pitfalls,
        moods,
        ending: ending.as_ref().map(|(id, _)| id.clone()),
        outcome: ending.map(|(_, o)| o),
    }
}
