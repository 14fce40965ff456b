//! A saved run: what was chosen, what it measured, and what the learner made of it. The
//! records themselves are a file format (the store writes them); the rules that read them
//! (progress, recommendations, schedule) live beside them in this layer.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::content::{EncounterModel, Library, Scenario, Style};
use crate::practice::measure::{self, MEASUREMENT_VERSION};
use crate::practice::run::destination;
use crate::practice::{Measurement, Run, StepResult, Taken};

/// The version of the record format written by this program. Records with a higher version
/// come from a newer kohtaa: they are left alone and skipped with a warning.
pub const FORMAT_VERSION: u32 = 1;

/// Lowest and highest answer to "how useful was this for your work?".
pub const USEFULNESS_MIN: u8 = 1;
pub const USEFULNESS_MAX: u8 = 5;

/// One saved run. Field names are a file format: add optional fields, never rename one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RunRecord {
    /// The version of the record format.
    pub format: u32,
    /// The record's unique id; also its file name without `.json`.
    pub id: String,
    pub scenario: String,
    pub language: String,
    /// `sha256:<hex>` of the scenario file's text, to tell whether it has changed since.
    pub scenario_hash: String,
    /// The customer's style in this scenario, kept so that history reads without the file.
    #[serde(default)]
    pub customer_style: Option<Style>,
    pub seed: u64,
    #[serde(with = "time::serde::rfc3339")]
    #[schemars(with = "String", extend("format" = "date-time"))]
    pub started: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schemars(with = "String", extend("format" = "date-time"))]
    pub ended: OffsetDateTime,
    pub choices: Vec<ChoiceRecord>,
    pub measurement: Measurement,
    #[serde(default)]
    pub focus: Option<FocusRecord>,
    pub status: RunStatus,
    #[serde(default)]
    pub reflection: Reflection,
    /// 1..=5, when answered.
    #[serde(default)]
    pub usefulness: Option<u8>,
}

/// One choice made, as the run took it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ChoiceRecord {
    pub node: String,
    /// The choice's index in the scenario file (0-based).
    pub choice: usize,
    pub mood_before: i32,
    pub mood_after: i32,
}

/// The step the learner chose to focus on, and how it went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FocusRecord {
    pub step: String,
    /// Null (absent) when the model has no such step.
    pub result: Option<StepResult>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RunStatus {
    /// The run reached an ending.
    Finished,
    /// The learner left before an ending.
    Abandoned,
}

/// The learner's own words after a run; every prompt may be skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Reflection {
    #[serde(default)]
    pub what_happened: Option<String>,
    #[serde(default)]
    pub what_worked: Option<String>,
    #[serde(default)]
    pub next_time: Option<String>,
}

/// Longest reflection answer kept, in characters.
pub const REFLECTION_MAX_CHARS: usize = 600;

impl Reflection {
    /// The answers to the three prompts (what happened, what worked, what next time) as the
    /// app keeps them: trimmed, an empty answer as skipped, cut to [`REFLECTION_MAX_CHARS`].
    pub fn from_answers(happened: &str, worked: &str, next_time: &str) -> Reflection {
        let answer = |a: &str| {
            let a: String = a.trim().chars().take(REFLECTION_MAX_CHARS).collect();
            let a = a.trim_end();
            (!a.is_empty()).then(|| a.to_owned())
        };
        Reflection {
            what_happened: answer(happened),
            what_worked: answer(worked),
            next_time: answer(next_time),
        }
    }

    pub fn is_empty(&self) -> bool {
        [&self.what_happened, &self.what_worked, &self.next_time]
            .iter()
            .all(|t| t.as_deref().is_none_or(|s| s.trim().is_empty()))
    }
}

impl RunRecord {
    /// A record of `run` as it stands: finished if it reached an ending, else abandoned.
    /// `source_text` is the scenario file's text (for the content hash).
    pub fn of_run(
        run: &Run,
        source_text: &str,
        started: OffsetDateTime,
        ended: OffsetDateTime,
    ) -> RunRecord {
        let measurement = run.measure();
        let focus = run.focus.as_ref().map(|step| FocusRecord {
            step: step.clone(),
            result: measurement.result_of(step),
        });
        let scenario = run.scenario();
        RunRecord {
            format: FORMAT_VERSION,
            id: String::new(),
            scenario: scenario.id.clone(),
            language: scenario.language.clone(),
            scenario_hash: content_hash(source_text),
            customer_style: Some(scenario.customer.style),
            seed: run.seed(),
            started,
            ended,
            choices: run
                .taken()
                .iter()
                .map(|t| ChoiceRecord {
                    node: t.node.clone(),
                    choice: t.choice,
                    mood_before: t.mood_before,
                    mood_after: t.mood_after,
                })
                .collect(),
            measurement,
            focus,
            status: if run.is_finished() {
                RunStatus::Finished
            } else {
                RunStatus::Abandoned
            },
            reflection: Reflection::default(),
            usefulness: None,
        }
    }

    pub fn is_finished(&self) -> bool {
        self.status == RunStatus::Finished
    }

    /// Sets the usefulness answer; values outside 1..=5 are refused.
    pub fn set_usefulness(&mut self, value: u8) -> bool {
        let ok = (USEFULNESS_MIN..=USEFULNESS_MAX).contains(&value);
        if ok {
            self.usefulness = Some(value);
        }
        ok
    }

    /// Whether the measurement follows the rules this program applies.
    pub fn is_measured_now(&self) -> bool {
        self.measurement.version == MEASUREMENT_VERSION
    }

    /// Measures the saved choices again by the current rules, when `scenario` is still the
    /// file the run was played on (`source_text` hashes the same). The saved file itself is
    /// left as it was. False when the measurement stays as saved by older rules.
    pub fn remeasure(
        &mut self,
        scenario: &Scenario,
        model: &EncounterModel,
        source_text: &str,
    ) -> bool {
        if self.is_measured_now() {
            return true;
        }
        // A first look at the library holds headers without nodes: nothing to replay on.
        if scenario.nodes.is_empty() || self.scenario_hash != content_hash(source_text) {
            return false;
        }
        let mut taken = Vec::with_capacity(self.choices.len());
        for c in &self.choices {
            let Some(choice) = scenario
                .nodes
                .iter()
                .find(|n| n.id == c.node)
                .and_then(|n| n.choice_list().get(c.choice))
            else {
                return false;
            };
            taken.push(Taken {
                node: c.node.clone(),
                choice: c.choice,
                mood_before: c.mood_before,
                mood_after: c.mood_after,
                next: destination(choice, c.mood_after).to_owned(),
            });
        }
        self.measurement = measure::measure(scenario, model, &taken);
        if let Some(focus) = &mut self.focus {
            focus.result = self.measurement.result_of(&focus.step);
        }
        true
    }

    /// The file name this record is saved under.
    pub fn file_name(&self) -> String {
        format!("{}.json", self.id)
    }
}

/// `sha256:<hex>` of a scenario file's text.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// Measures every record by the current rules where its scenario in `library` is unchanged
/// (see [`RunRecord::remeasure`]). Returns how many stay measured by older rules.
pub fn remeasure(records: &mut [RunRecord], library: &Library) -> usize {
    let mut older = 0;
    for record in records.iter_mut().filter(|r| !r.is_measured_now()) {
        let scenario = library.scenario(&record.scenario, &record.language);
        let model = scenario.and_then(|s| library.model_for(&s.value));
        let now = match (scenario, model) {
            (Some(s), Some(m)) => record.remeasure(&s.value, m, &s.source.text),
            _ => false,
        };
        if !now {
            older += 1;
        }
    }
    older
}

/// The learner's last "next time" plan, newest run first: shown before the next run.
pub fn last_next_time(records: &[RunRecord]) -> Option<&RunRecord> {
    records
        .iter()
        .filter(|r| {
            r.reflection
                .next_time
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty())
        })
        .max_by_key(|r| r.ended)
}
