//! "Practise next": a different scenario that trains the learner's weakest step when the
//! spaced schedule says it is due, interleaving customer styles (pedagogy.md).
//!
//! Pure: the history, the scenarios, "now" and a seed in; a structured recommendation out, for
//! the screen to put into words.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration, OffsetDateTime};

use super::measure::StepResult;
use super::schedule::{StepSchedule, day_of, schedule};
use crate::content::{Scenario, Style};
use crate::practice::record::RunRecord;

/// A scenario played this many days ago or less counts as played recently.
pub const RECENT_DAYS: i64 = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub scenario: String,
    /// The step it is meant to train, when there is one.
    pub step: Option<String>,
    pub reason: Reason,
    /// How the scenario trains the step, when there is a step.
    pub trains: Option<Trains>,
    /// When the learner last played this scenario, if ever.
    pub last_played: Option<OffsetDateTime>,
    /// The customer's style, and whether it differs from the last run's customer.
    pub customer_style: Style,
    pub style_differs_from_last: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The step is due on the spaced schedule.
    Due {
        last_result: StepResult,
        broken: u32,
        missed: u32,
        /// The interval that has now passed.
        interval_days: i64,
        days_overdue: i64,
    },
    /// Nothing saved yet: a first scenario to start with.
    FirstRun,
    /// No step is due (or none due can be trained in this language): something not played for
    /// a while; `next_due` is the step that comes due first, and when.
    NothingDue { next_due: Option<(String, Date)> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trains {
    /// The step is among the scenario's `focus`.
    Focus,
    /// Some choice in the scenario fits the step.
    Choice,
}

/// How `scenario` trains `step`, if it does.
pub fn trains(scenario: &Scenario, step: &str) -> Option<Trains> {
    if scenario.focus.iter().any(|f| f == step) {
        Some(Trains::Focus)
    } else if scenario
        .nodes
        .iter()
        .flat_map(|n| n.choice_list())
        .any(|c| c.fits.iter().any(|f| f == step))
    {
        Some(Trains::Choice)
    } else {
        None
    }
}

/// What to practise next, from the scenarios in `language`; `None` when there are none.
pub fn recommend(
    records: &[RunRecord],
    scenarios: &[&Scenario],
    language: &str,
    now: OffsetDateTime,
    seed: u64,
) -> Option<Recommendation> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let candidates: Vec<&Scenario> = scenarios
        .iter()
        .copied()
        .filter(|s| s.language == language)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let today = day_of(now, now.offset());
    let last = records.iter().max_by_key(|r| r.ended);
    let last_style = last.and_then(|r| {
        r.customer_style.or_else(|| {
            scenarios
                .iter()
                .find(|s| s.id == r.scenario)
                .map(|s| s.customer.style)
        })
    });
    let last_played = |id: &str| {
        records
            .iter()
            .filter(|r| r.scenario == id)
            .map(|r| r.ended)
            .max()
    };
    let recent = |s: &Scenario| {
        last.is_some_and(|r| r.scenario == s.id)
            || last_played(&s.id)
                .is_some_and(|t| day_of(t, now.offset()) + Duration::days(RECENT_DAYS) >= today)
    };
    let same_style = |s: &Scenario| last_style == Some(s.customer.style);
    let make = |s: &Scenario, step: Option<String>, reason: Reason| Recommendation {
        trains: step.as_deref().and_then(|st| trains(s, st)),
        scenario: s.id.clone(),
        step,
        reason,
        last_played: last_played(&s.id),
        customer_style: s.customer.style,
        style_differs_from_last: last_style.map(|l| l != s.customer.style),
    };

    if records.is_empty() {
        let s = pick(&candidates, |s| s.difficulty, &mut rng);
        return Some(make(s, s.focus.first().cloned(), Reason::FirstRun));
    }

    let plan = schedule(records, now);
    // The weakest due step that some scenario here trains: most often wrong, longest overdue.
    let due: Vec<&StepSchedule> = plan
        .iter()
        .filter(|s| s.is_due(today))
        .filter(|s| candidates.iter().any(|c| trains(c, &s.step).is_some()))
        .collect();
    if !due.is_empty() {
        let step = pick(
            &due,
            |s| {
                (
                    std::cmp::Reverse(s.failures()),
                    std::cmp::Reverse(s.days_overdue(today)),
                )
            },
            &mut rng,
        );
        let trainers: Vec<&Scenario> = candidates
            .iter()
            .copied()
            .filter(|c| trains(c, &step.step).is_some())
            .collect();
        let s = pick(
            &trainers,
            |s| {
                (
                    recent(s),
                    same_style(s),
                    trains(s, &step.step) != Some(Trains::Focus),
                    last_played(&s.id),
                )
            },
            &mut rng,
        );
        let reason = Reason::Due {
            last_result: step.last_result,
            broken: step.broken,
            missed: step.missed,
            interval_days: step.interval_days().unwrap_or(0),
            days_overdue: step.days_overdue(today).unwrap_or(0),
        };
        return Some(make(s, Some(step.step.clone()), reason));
    }

    let next_due = plan
        .iter()
        .filter_map(|s| s.due.map(|d| (s.step.clone(), d)))
        .min_by_key(|(_, d)| *d);
    let s = pick(
        &candidates,
        |s| (recent(s), same_style(s), last_played(&s.id)),
        &mut rng,
    );
    Some(make(
        s,
        s.focus.first().cloned(),
        Reason::NothingDue { next_due },
    ))
}

/// The item with the smallest key; equal keys are decided by the seeded `rng`.
fn pick<'a, T, K: Ord>(items: &[&'a T], key: impl Fn(&T) -> K, rng: &mut ChaCha8Rng) -> &'a T {
    let keys: Vec<K> = items.iter().map(|i| key(i)).collect();
    let best = keys.iter().min().expect("pick from a non-empty list");
    let tied: Vec<usize> = (0..items.len()).filter(|&i| keys[i] == *best).collect();
    items[tied[rng.random_range(0..tied.len())]]
}
