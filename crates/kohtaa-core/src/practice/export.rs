//! The export format: what `kohtaa export` writes (one saved run a line, as its record
//! serialises) and what `kohtaa report` reads of it. Defined here once, beside the record it
//! is made of, so the writer and the reader cannot drift apart (a test below reads back what
//! [`line`] writes).
//!
//! The reader is lenient, as it reads files other people made: unknown fields are ignored,
//! fields older exports lack have defaults, and a line that does not read, or holds values
//! outside the ranges kohtaa writes, is refused with the reason as a message id and values.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::content::types::{MOOD_MAX, MOOD_MIN};
use crate::content::validate::MAX_CHOICES;
use crate::l10n::T;
use crate::practice::measure::fit_percent;
use crate::practice::record::RunRecord;

/// The field of an exported line that holds the learner's style profile, when they asked for
/// it (`export --with-style`); `report` never reads it.
pub const STYLE_PROFILE: &str = "style_profile";

/// One line of an export, as written: the run's record, and the learner's style profile
/// when they asked for it. Its JSON Schema is derived from this type (`practice::schema`).
#[derive(Serialize, JsonSchema)]
pub struct ExportLine<'a> {
    #[serde(flatten)]
    pub record: &'a RunRecord,
    /// The learner's style profile as saved (`export --with-style` only): personal data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style_profile: Option<&'a serde_json::Value>,
}

/// One line of an export: `record` as it serialises, with the style profile's raw JSON
/// object under [`STYLE_PROFILE`] when given.
pub fn line(
    record: &RunRecord,
    style_profile: Option<&serde_json::Value>,
) -> serde_json::Result<serde_json::Value> {
    serde_json::to_value(ExportLine {
        record,
        style_profile,
    })
}

/// What `report` reads of an exported run; everything else on the line is ignored.
#[derive(Debug, Deserialize)]
pub struct ExportedRun {
    pub scenario: String,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub choices: Vec<ExportedChoice>,
    #[serde(default)]
    pub measurement: Option<ExportedMeasurement>,
    /// `finished` or `abandoned`; older exports may lack it (taken as finished).
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ExportedChoice {
    pub node: String,
    /// 0-based index in the scenario file.
    pub choice: usize,
    #[serde(default)]
    pub mood_after: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ExportedMeasurement {
    #[serde(default)]
    pub fit: Option<f64>,
    #[serde(default)]
    pub moods: Vec<f64>,
    #[serde(default)]
    pub steps: Vec<ExportedStep>,
}

#[derive(Debug, Deserialize)]
pub struct ExportedStep {
    pub step: String,
    pub result: String,
}

/// One line of an export, read and range-checked.
pub fn read_line(line: &str) -> Result<ExportedRun, LineError> {
    let run = serde_json::from_str::<ExportedRun>(line).map_err(LineError::Json)?;
    run.out_of_range().map_or(Ok(run), Err)
}

/// Why a line of an export was skipped.
#[derive(Debug)]
pub enum LineError {
    /// Not a run as `export` writes it.
    Json(serde_json::Error),
    /// A choice, fit or mood outside the ranges kohtaa writes: `what` is the message saying
    /// so, with the values `value`, `lo` and `hi`.
    OutOfRange {
        what: T,
        value: String,
        lo: i64,
        hi: i64,
    },
}

/// A number from a file, said briefly however large: `1e308`, not 309 digits.
fn short(v: f64) -> String {
    if v.abs() < 1e6 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

impl ExportedRun {
    /// What lies outside the ranges kohtaa writes, if anything: such a line was damaged or
    /// made by hand, and is skipped rather than averaged (a fit of 1e308 would print 309
    /// digits, a choice of 2^64-1 would be counted as choice 0).
    fn out_of_range(&self) -> Option<LineError> {
        let mood = |m: f64| (f64::from(MOOD_MIN)..=f64::from(MOOD_MAX)).contains(&m);
        let out = |what, value: String, lo, hi| {
            Some(LineError::OutOfRange {
                what,
                value,
                lo,
                hi,
            })
        };
        if let Some(c) = self.choices.iter().find(|c| c.choice >= MAX_CHOICES) {
            let last = MAX_CHOICES - 1;
            return out(
                T::ReportChoiceOutOfRange,
                c.choice.to_string(),
                0,
                last as i64,
            );
        }
        let moods = self.choices.iter().filter_map(|c| c.mood_after);
        let m = self.measurement.as_ref();
        if let Some(fit) = m.and_then(|m| m.fit).filter(|f| !(0.0..=100.0).contains(f)) {
            return out(T::ReportFitOutOfRange, short(fit), 0, 100);
        }
        let measured = m.into_iter().flat_map(|m| m.moods.iter().copied());
        if let Some(bad) = moods.chain(measured).find(|&v| !mood(v)) {
            let (lo, hi) = (i64::from(MOOD_MIN), i64::from(MOOD_MAX));
            return out(T::ReportMoodOutOfRange, short(bad), lo, hi);
        }
        None
    }

    /// A run left before its ending: its missed steps were not yet due, so they do not count
    /// against the learner (scenario-format.md, "What a run measures").
    pub fn is_abandoned(&self) -> bool {
        self.status.as_deref() == Some("abandoned")
    }

    /// Whether a step's result counts in the group's figures, and as what.
    pub fn counted<'a>(&self, result: &'a str) -> Option<&'a str> {
        match result {
            "missed" if self.is_abandoned() => None,
            "shown" | "broken" | "missed" => Some(result),
            _ => None,
        }
    }

    /// The model fit as it counts: an abandoned run's without its missed steps.
    pub fn fit(&self) -> Option<f64> {
        let m = self.measurement.as_ref()?;
        if !self.is_abandoned() || m.steps.is_empty() {
            return m.fit;
        }
        let counted: Vec<&str> = m
            .steps
            .iter()
            .filter_map(|s| self.counted(&s.result))
            .collect();
        let shown = counted.iter().filter(|r| **r == "shown").count();
        fit_percent(shown as u32, counted.len() as u32).map(f64::from)
    }

    /// The mood the run ended on: the measurement's last, else the last choice's.
    pub fn final_mood(&self) -> Option<f64> {
        self.measurement
            .as_ref()
            .and_then(|m| m.moods.last().copied())
            .or_else(|| self.choices.last().and_then(|c| c.mood_after))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practice::measure::{MEASUREMENT_VERSION, StepOutcome};
    use crate::practice::record::{ChoiceRecord, FORMAT_VERSION, Reflection, RunStatus};
    use crate::practice::{Measurement, StepResult};

    fn record(status: RunStatus) -> RunRecord {
        let at = time::OffsetDateTime::UNIX_EPOCH;
        let step = |step: &str, result| StepOutcome {
            step: step.to_owned(),
            thread: false,
            result,
        };
        RunRecord {
            format: FORMAT_VERSION,
            id: "r1".to_owned(),
            scenario: "parcel".to_owned(),
            language: "en".to_owned(),
            scenario_hash: "sha256:00".to_owned(),
            customer_style: None,
            seed: 7,
            started: at,
            ended: at,
            choices: vec![
                ChoiceRecord {
                    node: "start".to_owned(),
                    choice: 1,
                    mood_before: 0,
                    mood_after: -1,
                },
                ChoiceRecord {
                    node: "calm".to_owned(),
                    choice: 0,
                    mood_before: -1,
                    mood_after: 2,
                },
            ],
            measurement: Measurement {
                version: MEASUREMENT_VERSION,
                steps: vec![
                    step("greet", StepResult::Shown),
                    step("listen", StepResult::Broken),
                    step("close", StepResult::Missed),
                ],
                fit: Some(33),
                order_notes: Vec::new(),
                pitfalls: Vec::new(),
                moods: vec![0, -1, 2],
                ending: None,
                outcome: None,
            },
            focus: None,
            status,
            reflection: Reflection::default(),
            usefulness: None,
        }
    }

    #[test]
    fn report_reads_what_export_writes() {
        let profile = serde_json::json!({"style": "D"});
        for status in [RunStatus::Finished, RunStatus::Abandoned] {
            let written = line(&record(status), Some(&profile)).unwrap();
            assert_eq!(written[STYLE_PROFILE], profile);
            let run = read_line(&written.to_string()).unwrap();
            assert_eq!(run.scenario, "parcel");
            assert_eq!(run.language.as_deref(), Some("en"));
            let choices: Vec<_> = run.choices.iter().map(|c| (&*c.node, c.choice)).collect();
            assert_eq!(choices, [("start", 1), ("calm", 0)]);
            assert_eq!(run.final_mood(), Some(2.0));
            let steps: Vec<_> = run
                .measurement
                .iter()
                .flat_map(|m| &m.steps)
                .map(|s| (&*s.step, run.counted(&s.result)))
                .collect();
            let abandoned = status == RunStatus::Abandoned;
            assert_eq!(run.is_abandoned(), abandoned);
            let missed = (!abandoned).then_some("missed");
            assert_eq!(
                steps,
                [
                    ("greet", Some("shown")),
                    ("listen", Some("broken")),
                    ("close", missed)
                ]
            );
            // An abandoned run's fit leaves out its missed steps: 1 of 2.
            assert_eq!(run.fit(), Some(if abandoned { 50.0 } else { 33.0 }));
        }
        let without = line(&record(RunStatus::Finished), None).unwrap();
        assert!(without.get(STYLE_PROFILE).is_none());
    }

    #[test]
    fn values_out_of_range_are_refused_with_their_message() {
        let mut value = line(&record(RunStatus::Finished), None).unwrap();
        value["measurement"]["fit"] = serde_json::json!(1e308);
        match read_line(&value.to_string()) {
            Err(LineError::OutOfRange { what, value, .. }) => {
                assert_eq!(what, T::ReportFitOutOfRange);
                assert_eq!(value, "1e308");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            read_line("{\"language\": \"en\"}"),
            Err(LineError::Json(_))
        ));
    }
}
