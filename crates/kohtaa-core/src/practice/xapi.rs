//! A saved run as an xAPI 1.0.3 statement, so an organisation's learning record store (LRS)
//! can take kohtaa practice. Field by field, and why, in `docs/xapi.md`.
//!
//! The learner is named only by the pseudonymous account they chose (never an e-mail or
//! the computer's user name); the statement's id is derived from the run's id, so exporting
//! the same run again makes the same statement, which an LRS takes once.

use serde_json::{Map, Value, json};
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::practice::StepResult;
use crate::practice::record::{RunRecord, RunStatus};

pub const VERSION: &str = "1.0.3";
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
pub const VERB_ATTEMPTED: &str = "http://adlnet.gov/expapi/verbs/attempted";
/// ADL's activity type for a simulation: a scenario played as a branching conversation.
pub const ACTIVITY_TYPE: &str = "http://adlnet.gov/expapi/activities/simulation";

/// The namespace of statement ids (UUID version 5 of the run's id within it). Fixed for
/// ever: changing it would make every re-export a new statement.
const STATEMENT_NAMESPACE: Uuid = Uuid::from_u128(0x102266dc_444c_4f20_b3e3_ee85b965eb59);

/// Who the statements are about and where their activities live, as the learner and their
/// organisation chose.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The learner's pseudonym at `homepage` (`account.name`).
    pub name: String,
    /// The system the pseudonym belongs to (`account.homePage`), an IRL.
    pub homepage: String,
    /// The IRI every activity id and extension key starts with, without a trailing `/`.
    pub base: String,
}

impl Actor {
    /// `base` as given, or `<homepage>/kohtaa` when none is.
    pub fn new(name: &str, homepage: &str, base: Option<&str>) -> Actor {
        let homepage = homepage.trim().to_owned();
        let base = base.map_or_else(
            || format!("{}/kohtaa", homepage.trim_end_matches('/')),
            |b| b.trim().trim_end_matches('/').to_owned(),
        );
        Actor {
            name: name.trim().to_owned(),
            homepage,
            base,
        }
    }

    /// The activity id of a scenario: the same in every language, as the scenario's id is.
    pub fn activity(&self, scenario: &str) -> String {
        format!("{}/scenarios/{scenario}", self.base)
    }

    /// The key of one of kohtaa's extensions.
    pub fn extension(&self, name: &str) -> String {
        format!("{}/extensions/{name}", self.base)
    }
}

/// The statement id of a run: a UUID (version 5) of its id, the same at every export.
pub fn statement_id(run_id: &str) -> Uuid {
    Uuid::new_v5(&STATEMENT_NAMESPACE, run_id.as_bytes())
}

/// `d` as an ISO 8601 duration, to the hundredth of a second as xAPI keeps it: `PT4M5.25S`.
pub fn iso_duration(d: time::Duration) -> String {
    let hundredths = (d.whole_milliseconds().max(0) / 10) as u64;
    let (h, m) = (hundredths / 360_000, hundredths / 6_000 % 60);
    let (s, cs) = (hundredths / 100 % 60, hundredths % 100);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if cs > 0 {
        out.push_str(&format!("{s}.{cs:02}S"));
    } else if s > 0 || out == "PT" {
        out.push_str(&format!("{s}S"));
    }
    out
}

/// The statement of one run. `title` is the scenario's title in the run's language, when the
/// scenario is in the library.
pub fn statement(record: &RunRecord, title: Option<&str>, actor: &Actor) -> Value {
    let finished = record.status == RunStatus::Finished;
    let (verb, word) = if finished {
        (VERB_COMPLETED, "completed")
    } else {
        (VERB_ATTEMPTED, "attempted")
    };
    let m = &record.measurement;
    let steps = |result: StepResult| -> Vec<&str> {
        m.steps
            .iter()
            .filter(|s| s.result == result)
            .map(|s| s.step.as_str())
            .collect()
    };
    let mut extensions = Map::new();
    let mut extend = |name: &str, value: Value| {
        extensions.insert(actor.extension(name), value);
    };
    extend("steps-shown", json!(steps(StepResult::Shown)));
    extend("steps-broken", json!(steps(StepResult::Broken)));
    // A run left before its ending missed nothing yet (the fit leaves them out too).
    if finished {
        extend("steps-missed", json!(steps(StepResult::Missed)));
    }
    extend("pitfalls", json!(m.pitfalls));
    if let Some(outcome) = m.outcome {
        extend("outcome", json!(outcome));
    }
    if let (Some(first), Some(last)) = (m.moods.first(), m.moods.last()) {
        extend("mood", json!({ "start": first, "end": last }));
    }
    extend("measurement-version", json!(m.version));

    let mut result = Map::new();
    // The model fit, 0..100 %, is the share of scored steps shown: scaled 0..1.
    if let Some(fit) = m.counted_fit(!finished) {
        result.insert(
            "score".into(),
            json!({ "scaled": f64::from(fit) / 100.0, "raw": fit, "min": 0, "max": 100 }),
        );
    }
    result.insert("completion".into(), json!(finished));
    result.insert(
        "duration".into(),
        json!(iso_duration(record.ended - record.started)),
    );
    result.insert("extensions".into(), Value::Object(extensions));

    let mut definition = Map::new();
    if let Some(title) = title {
        definition.insert("name".into(), json!({ &record.language: title }));
    }
    definition.insert("type".into(), json!(ACTIVITY_TYPE));

    let timestamp = record
        .ended
        .format(&Rfc3339)
        .expect("a saved run's time formats as RFC 3339");
    let mut context = Map::new();
    context.insert("platform".into(), json!("kohtaa"));
    if !record.language.is_empty() {
        context.insert("language".into(), json!(record.language));
    }
    json!({
        "id": statement_id(&record.id).to_string(),
        "actor": {
            "objectType": "Agent",
            "account": { "homePage": actor.homepage, "name": actor.name },
        },
        "verb": { "id": verb, "display": { "en-US": word } },
        "object": {
            "objectType": "Activity",
            "id": actor.activity(&record.scenario),
            "definition": definition,
        },
        "result": result,
        "context": context,
        "timestamp": timestamp,
        "version": VERSION,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601_to_the_hundredth() {
        let d = time::Duration::milliseconds;
        assert_eq!(iso_duration(d(0)), "PT0S");
        assert_eq!(iso_duration(d(5_000)), "PT5S");
        assert_eq!(iso_duration(d(245_250)), "PT4M5.25S");
        assert_eq!(iso_duration(d(3_600_000)), "PT1H");
        assert_eq!(iso_duration(d(3_660_070)), "PT1H1M0.07S");
        assert_eq!(iso_duration(d(-5)), "PT0S");
    }

    #[test]
    fn a_statement_id_is_the_same_for_the_same_run_and_differs_between_runs() {
        assert_eq!(statement_id("run-1"), statement_id("run-1"));
        assert_ne!(statement_id("run-1"), statement_id("run-2"));
        assert_eq!(statement_id("run-1").get_version_num(), 5);
    }

    #[test]
    fn the_base_defaults_to_the_homepage() {
        let a = Actor::new(" aino ", "https://lms.example.org/", None);
        assert_eq!(
            a.activity("water-bill"),
            "https://lms.example.org/kohtaa/scenarios/water-bill"
        );
        let b = Actor::new(
            "aino",
            "https://lms.example.org",
            Some("https://x.example/k/"),
        );
        assert_eq!(
            b.extension("pitfalls"),
            "https://x.example/k/extensions/pitfalls"
        );
        assert_eq!(b.name, "aino");
    }
}
