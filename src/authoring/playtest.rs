//! Scenario tests: play each playthrough of a `.tests.ron` file with the practice engine and
//! compare what it measures with what the author expects.

use std::sync::Arc;

use serde::Serialize;

use crate::content::tests_file::{Expect, Playthrough};
use crate::content::{EncounterModel, Scenario};
use crate::practice::{Run, StepResult};

/// What one playthrough did and where it differed from its expectations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub name: String,
    /// The path actually taken: (node, choice number from 1), then the node it stopped at.
    pub taken: Vec<(String, usize)>,
    pub stopped_at: String,
    /// Empty when the playthrough passed.
    pub failures: Vec<String>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }

    /// `opening 1 → story 2 → good-end`.
    pub fn path_text(&self) -> String {
        let mut parts: Vec<String> = self
            .taken
            .iter()
            .map(|(node, choice)| format!("{node} {choice}"))
            .collect();
        parts.push(self.stopped_at.clone());
        parts.join(" → ")
    }
}

/// Plays `test` through `scenario` and checks its expectations.
pub fn play(
    scenario: &Arc<Scenario>,
    model: &Arc<EncounterModel>,
    test: &Playthrough,
) -> Outcome {
    let mut outcome = Outcome {
        name: test.name.clone(),
        taken: Vec::new(),
        stopped_at: scenario.start.clone(),
        failures: Vec::new(),
    };
    let mut run = match Run::new(Arc::clone(scenario), Arc::clone(model), 0) {
        Ok(run) => run,
        Err(e) => {
            outcome.failures.push(e.to_string());
            return outcome;
        }
    };
    for (i, (node, number)) in test.path.iter().enumerate() {
        let step = i + 1;
        let here = run.node().id.clone();
        if run.is_finished() {
            outcome.failures.push(format!(
                "step {step}: the run already ended at `{here}`, but the path goes on to `{node}`"
            ));
            return outcome;
        }
        if *node != here {
            outcome.failures.push(format!(
                "step {step}: the path names node `{node}`, but the run is at `{here}`"
            ));
            return outcome;
        }
        let count = run.node().choice_list().len();
        if *number < 1 || *number as usize > count {
            outcome.failures.push(format!(
                "step {step}: node `{here}` has no choice {number} (it has {count})"
            ));
            return outcome;
        }
        let index = *number as usize - 1;
        match run.choose(index) {
            Ok(taken) => {
                outcome.taken.push((here, *number as usize));
                outcome.stopped_at = taken.next.clone();
            }
            Err(e) => {
                outcome.failures.push(format!("step {step}: {e}"));
                return outcome;
            }
        }
    }
    outcome.stopped_at = run.node().id.clone();
    outcome.failures = differences(&run, &test.expect);
    outcome
}

/// Every way the finished path differs from `expect`.
fn differences(run: &Run, expect: &Expect) -> Vec<String> {
    let m = run.measure();
    let mut out = Vec::new();
    let fit = m
        .fit
        .map_or("none (no step in play)".to_owned(), |f| format!("{f} %"));
    if let Some(want) = &expect.ending {
        match &m.ending {
            Some(got) if got == want => {}
            Some(got) => out.push(format!("ending: expected `{want}`, reached `{got}`")),
            None => out.push(format!(
                "ending: expected `{want}`, but the run stopped at `{}` before any ending",
                run.node().id
            )),
        }
    }
    if let Some(want) = expect.outcome {
        match m.outcome {
            Some(got) if got == want => {}
            Some(got) => out.push(format!(
                "outcome: expected {}, got {}",
                want.name(),
                got.name()
            )),
            None => out.push(format!(
                "outcome: expected {}, but the run reached no ending",
                want.name()
            )),
        }
    }
    if let Some(min) = expect.fit_at_least {
        if m.fit.is_none_or(|f| i64::from(f) < min) {
            out.push(format!("fit: expected at least {min} %, got {fit}"));
        }
    }
    if let Some(max) = expect.fit_at_most {
        if m.fit.is_none_or(|f| i64::from(f) > max) {
            out.push(format!("fit: expected at most {max} %, got {fit}"));
        }
    }
    let result = |step: &str| match m.result_of(step) {
        Some(StepResult::Shown) => "shown",
        Some(StepResult::Broken) => "broken",
        Some(StepResult::Missed) => "missed",
        Some(StepResult::NotInPlay) => "not in play",
        None => "not a step of the model",
    };
    for step in &expect.shown {
        if m.result_of(step) != Some(StepResult::Shown) {
            out.push(format!(
                "step `{step}`: expected shown, was {}",
                result(step)
            ));
        }
    }
    for step in &expect.broken {
        if m.result_of(step) != Some(StepResult::Broken) {
            out.push(format!(
                "step `{step}`: expected broken, was {}",
                result(step)
            ));
        }
    }
    let mood = m.final_mood();
    if let Some(min) = expect.mood_at_least {
        if i64::from(mood) < min {
            out.push(format!("final mood: expected at least {min}, got {mood}"));
        }
    }
    if let Some(max) = expect.mood_at_most {
        if i64::from(mood) > max {
            out.push(format!("final mood: expected at most {max}, got {mood}"));
        }
    }
    out
}
