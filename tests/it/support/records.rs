//! Helpers shared by the progress tests: records built by hand, with exactly the results a
//! test needs.
#![allow(dead_code)]

use time::{Duration, OffsetDateTime, macros::datetime};

use kohtaa::content::Style;
use kohtaa::practice::record::{FORMAT_VERSION, Reflection, RunRecord, RunStatus};
use kohtaa::practice::{Measurement, StepOutcome, StepResult};

/// Day 0 of every test calendar, at noon UTC.
pub const DAY0: OffsetDateTime = datetime!(2025-03-03 12:00 UTC);

pub fn day(n: i64) -> OffsetDateTime {
    DAY0 + Duration::days(n)
}

/// A finished run of `scenario` ending on `day(n)`, with these step results.
pub fn run_on(n: i64, scenario: &str, style: Style, results: &[(&str, StepResult)]) -> RunRecord {
    let steps: Vec<StepOutcome> = results
        .iter()
        .map(|(step, result)| StepOutcome {
            step: (*step).to_owned(),
            thread: false,
            result: *result,
        })
        .collect();
    let shown = results
        .iter()
        .filter(|(_, r)| *r == StepResult::Shown)
        .count() as u32;
    let scored = results
        .iter()
        .filter(|(_, r)| *r != StepResult::NotInPlay)
        .count() as u32;
    RunRecord {
        format: FORMAT_VERSION,
        id: format!("run-{n}-{scenario}"),
        scenario: scenario.to_owned(),
        language: "en".to_owned(),
        scenario_hash: "sha256:00".to_owned(),
        customer_style: Some(style),
        seed: 7,
        started: day(n) - Duration::minutes(10),
        ended: day(n),
        choices: Vec::new(),
        measurement: Measurement {
            version: kohtaa::practice::measure::MEASUREMENT_VERSION,
            steps,
            fit: (scored > 0).then(|| shown * 100 / scored),
            order_notes: Vec::new(),
            pitfalls: Vec::new(),
            moods: vec![0],
            ending: None,
            outcome: None,
        },
        focus: None,
        status: RunStatus::Finished,
        reflection: Reflection::default(),
        usefulness: None,
    }
}

/// A run in which `step` had `result`.
pub fn one(n: i64, step: &str, result: StepResult) -> RunRecord {
    run_on(n, "some-scenario", Style::D, &[(step, result)])
}
