//! What a progress view shows: per step, how each run went, oldest first; the pitfalls hit most
//! often; the model fit per run; the runs themselves. Pure aggregation over the history.

use time::OffsetDateTime;

use super::measure::StepResult;
use crate::content::Outcome;
use crate::practice::record::{RunRecord, RunStatus};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// One entry per step seen, in the order first seen (the model's order).
    pub steps: Vec<StepProgress>,
    /// Pitfall ids with the number of runs that hit them, most often first.
    pub pitfalls: Vec<(String, usize)>,
    /// One entry per run, oldest first; the same order as `runs`.
    pub fit: Vec<Option<u32>>,
    pub runs: Vec<RunSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepProgress {
    pub step: String,
    pub thread: bool,
    /// The step's result in every run as it counts against the learner, oldest first
    /// (`runs[i]` is run i): `NotInPlay` where the scenario did not train it, `NotReached`
    /// where the run gave no chance (an abandoned run's missed steps among them).
    pub results: Vec<StepResult>,
    pub shown: usize,
    pub broken: usize,
    pub missed: usize,
}

impl StepProgress {
    /// Runs in which the step was in play.
    pub fn in_play(&self) -> usize {
        self.shown + self.broken + self.missed
    }

    /// Runs in which the step was missed or broken (as held against the learner).
    pub fn failed(&self) -> usize {
        self.broken + self.missed
    }
}

impl Progress {
    /// The step missed or broken in the most runs (an abandoned run's missed steps do not
    /// count); equal counts keep the model's order. `None` when no step was ever missed or
    /// broken.
    pub fn most_failed(&self) -> Option<&StepProgress> {
        let most = self.steps.iter().map(StepProgress::failed).max()?;
        (most > 0)
            .then(|| self.steps.iter().find(|s| s.failed() == most))
            .flatten()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunSummary {
    /// The record's id, to open it again.
    pub id: String,
    pub scenario: String,
    pub language: String,
    pub ended: OffsetDateTime,
    pub status: RunStatus,
    pub outcome: Option<Outcome>,
    pub fit: Option<u32>,
    pub focus: Option<(String, Option<StepResult>)>,
    pub usefulness: Option<u8>,
    /// Measured by the current rules (a run saved by older rules whose scenario has changed
    /// since keeps its first measurement).
    pub measured_now: bool,
}

/// A run's fit as it counts against the learner (an abandoned run's missed steps left out).
fn counted_fit(run: &RunRecord) -> Option<u32> {
    run.measurement
        .counted_fit(run.status == RunStatus::Abandoned)
}

/// Aggregates `records` (in any order) for the progress view.
pub fn progress(records: &[RunRecord]) -> Progress {
    let mut runs: Vec<&RunRecord> = records.iter().collect();
    runs.sort_by(|a, b| (a.started, &a.id).cmp(&(b.started, &b.id)));

    let mut steps: Vec<StepProgress> = Vec::new();
    for outcome in runs.iter().flat_map(|r| &r.measurement.steps) {
        if !steps.iter().any(|s| s.step == outcome.step) {
            steps.push(StepProgress {
                step: outcome.step.clone(),
                thread: outcome.thread,
                results: Vec::new(),
                shown: 0,
                broken: 0,
                missed: 0,
            });
        }
    }
    for step in &mut steps {
        for run in &runs {
            let result = run
                .measurement
                .result_of(&step.step)
                .unwrap_or(StepResult::NotInPlay)
                .held_against(run.status == RunStatus::Abandoned);
            match result {
                StepResult::Shown => step.shown += 1,
                StepResult::Broken => step.broken += 1,
                StepResult::Missed => step.missed += 1,
                StepResult::NotReached | StepResult::NotInPlay => {}
            }
            step.results.push(result);
        }
    }

    let mut pitfalls: Vec<(String, usize)> = Vec::new();
    for id in runs.iter().flat_map(|r| &r.measurement.pitfalls) {
        match pitfalls.iter_mut().find(|(p, _)| p == id) {
            Some((_, n)) => *n += 1,
            None => pitfalls.push((id.clone(), 1)),
        }
    }
    // Most often first; equal counts keep the order first hit.
    pitfalls.sort_by_key(|p| std::cmp::Reverse(p.1));

    Progress {
        steps,
        pitfalls,
        fit: runs.iter().map(|r| counted_fit(r)).collect(),
        runs: runs
            .iter()
            .map(|r| RunSummary {
                id: r.id.clone(),
                scenario: r.scenario.clone(),
                language: r.language.clone(),
                ended: r.ended,
                status: r.status,
                outcome: r.measurement.outcome,
                fit: counted_fit(r),
                focus: r.focus.as_ref().map(|f| (f.step.clone(), f.result)),
                usefulness: r.usefulness,
                measured_now: r.is_measured_now(),
            })
            .collect(),
    }
}
