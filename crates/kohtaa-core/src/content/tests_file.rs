//! Scenario test files (`<id>.tests.ron`): named playthroughs with what they must reach.

use serde::{Deserialize, Serialize};

use super::types::Outcome;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "ScenarioTests", deny_unknown_fields)]
pub struct ScenarioTests {
    /// The id of the scenario these tests play (in the same language folder).
    pub scenario: String,
    pub tests: Vec<Playthrough>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Playthrough", deny_unknown_fields)]
pub struct Playthrough {
    pub name: String,
    /// The choice taken at each node: (node id, choice number counted from 1 in file order).
    pub path: Vec<(String, i64)>,
    #[serde(default)]
    pub expect: Expect,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Expect", deny_unknown_fields)]
pub struct Expect {
    #[serde(default)]
    pub ending: Option<String>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub fit_at_least: Option<i64>,
    #[serde(default)]
    pub fit_at_most: Option<i64>,
    #[serde(default)]
    pub shown: Vec<String>,
    #[serde(default)]
    pub broken: Vec<String>,
    #[serde(default)]
    pub mood_at_least: Option<i64>,
    #[serde(default)]
    pub mood_at_most: Option<i64>,
    /// Steps the run must leave missed: offered on the path, neither shown nor broken.
    #[serde(default)]
    pub missed: Vec<String>,
    /// Steps the path must never offer (fitted only elsewhere in the scenario).
    #[serde(default)]
    pub not_reached: Vec<String>,
    /// How many order notes the run must raise (0: the steps came in the model's order).
    #[serde(default)]
    pub order_notes: Option<i64>,
}
