//! What a run measures against the encounter model (scenario-format.md, "What a run measures",
//! version 2 of the rules). The same for every learner style: style changes words, never this.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::content::{Choice, EncounterModel, Outcome, Scenario};

use super::run::{ChoiceEffect, Taken};

/// The version of the measurement rules this program applies. Version 1 counted every step
/// fitted anywhere in the scenario as missed, and ordered only steps still shown at the end.
pub const MEASUREMENT_VERSION: u32 = 2;

/// Measurements saved before the version was recorded were made by the first rules.
fn first_version() -> u32 {
    1
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StepResult {
    /// Some chosen choice fits it, and none breaks it.
    Shown,
    /// Some chosen choice breaks it or names one of its pitfalls.
    Broken,
    /// Neither, although a choice offered on this run (taken or not) fits it.
    Missed,
    /// Neither, and no choice offered on this run fits it, though one elsewhere in the
    /// scenario does: the path never gave the chance. Left out of the fit.
    NotReached,
    /// No choice in the scenario fits it; left out of the fit.
    NotInPlay,
}

impl StepResult {
    /// Whether the step counts in the model fit.
    pub fn is_scored(self) -> bool {
        matches!(
            self,
            StepResult::Shown | StepResult::Broken | StepResult::Missed
        )
    }

    /// The result as it counts against the learner: an abandoned run's missed steps were not
    /// yet due, so they count as not reached (progress, recommendations, reports).
    pub fn held_against(self, abandoned: bool) -> StepResult {
        match self {
            StepResult::Missed if abandoned => StepResult::NotReached,
            other => other,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StepOutcome {
    pub step: String,
    pub thread: bool,
    pub result: StepResult,
}

/// A later step whose first fitting answer came before the first fitting answer of an earlier
/// one, whatever happened to either step afterwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderNote {
    /// The later step in the model's order, which came first in the run.
    pub early: String,
    /// The earlier step in the model's order, which the run fitted only afterwards.
    pub late: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Measurement {
    /// The version of the measurement rules this was measured by.
    #[serde(default = "first_version")]
    pub version: u32,
    /// Every step of the model, in the model's order.
    pub steps: Vec<StepOutcome>,
    /// shown / (shown + broken + missed) as a whole percent; null when no step is scored.
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

    /// The fit as it counts against the learner: without an abandoned run's missed steps.
    pub fn counted_fit(&self, abandoned: bool) -> Option<u32> {
        if !abandoned {
            return self.fit;
        }
        let held: Vec<StepOutcome> = self
            .steps
            .iter()
            .map(|s| StepOutcome {
                result: s.result.held_against(true),
                ..s.clone()
            })
            .collect();
        fit_of(&held)
    }

    pub fn final_mood(&self) -> i32 {
        self.moods.last().copied().unwrap_or(0)
    }
}

/// shown / (shown + broken + missed) as a whole percent; `None` when no step is scored.
pub fn fit_of(steps: &[StepOutcome]) -> Option<u32> {
    let shown = steps
        .iter()
        .filter(|s| s.result == StepResult::Shown)
        .count() as u32;
    let scored = steps.iter().filter(|s| s.result.is_scored()).count() as u32;
    fit_percent(shown, scored)
}

/// `shown` of `scored` steps as a whole percent, rounded half up; `None` when none is scored.
pub fn fit_percent(shown: u32, scored: u32) -> Option<u32> {
    (scored > 0).then(|| (shown * 100 + scored / 2) / scored)
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
    let node_of = |id: &str| scenario.nodes.iter().find(|n| n.id == id);
    let chosen: Vec<Option<&Choice>> = taken
        .iter()
        .map(|t| node_of(&t.node).and_then(|n| n.choice_list().get(t.choice)))
        .collect();
    let effects: Vec<ChoiceEffect> = chosen
        .iter()
        .map(|c| c.map(|c| ChoiceEffect::of(c, model)).unwrap_or_default())
        .collect();
    // Steps some choice fits at a node where the learner answered: the chances this run had.
    let offered: HashSet<&str> = taken
        .iter()
        .filter_map(|t| node_of(&t.node))
        .flat_map(|n| n.choice_list())
        .flat_map(|c| c.fits.iter().map(String::as_str))
        .collect();
    let fitted = |step: &str| effects.iter().any(|e| e.shown.iter().any(|s| s == step));
    let broken = |step: &str| effects.iter().any(|e| e.broken.iter().any(|s| s == step));

    let steps: Vec<StepOutcome> = model
        .steps
        .iter()
        .map(|step| {
            let id = step.id.as_str();
            let result = if broken(id) {
                StepResult::Broken
            } else if fitted(id) {
                StepResult::Shown
            } else if offered.contains(id) {
                StepResult::Missed
            } else if in_play.contains(id) {
                StepResult::NotReached
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

    let fit = fit_of(&steps);

    // The first answer that lists each step in its `fits`: that is the step's moment, even if
    // a later answer breaks it.
    let first_fit = |step: &str| {
        chosen
            .iter()
            .position(|c| c.is_some_and(|c| c.fits.iter().any(|s| s == step)))
    };
    let ordered: Vec<(&str, usize)> = model
        .steps
        .iter()
        .filter(|s| !s.thread)
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
        version: MEASUREMENT_VERSION,
        steps,
        fit,
        order_notes,
        pitfalls,
        moods,
        ending: ending.as_ref().map(|(id, _)| id.clone()),
        outcome: ending.map(|(_, o)| o),
    }
}
