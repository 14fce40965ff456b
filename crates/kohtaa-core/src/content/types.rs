//! The content files as authors write them: scenarios and encounter models.
//!
//! Field names and meanings are a public contract (see the authoring guide): add optional
//! fields, never rename or remove one.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Lowest and highest mood a customer can be in.
pub const MOOD_MIN: i32 = -5;
pub const MOOD_MAX: i32 = 5;

/// The four DiSC styles, as used for customers and for learners.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub enum Style {
    D,
    #[serde(rename = "i")]
    I,
    S,
    C,
}

impl Style {
    pub const ALL: [Style; 4] = [Style::D, Style::I, Style::S, Style::C];

    /// The letter as DiSC writes it (lower-case i).
    pub fn letter(self) -> &'static str {
        match self {
            Style::D => "D",
            Style::I => "i",
            Style::S => "S",
            Style::C => "C",
        }
    }

    /// Parses a letter, accepting either case.
    pub fn from_letter(s: &str) -> Option<Style> {
        match s {
            "D" | "d" => Some(Style::D),
            "i" | "I" => Some(Style::I),
            "S" | "s" => Some(Style::S),
            "C" | "c" => Some(Style::C),
            _ => None,
        }
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.letter())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub language: String,
    pub title: String,
    pub summary: String,
    pub learner_role: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Where the encounter happens, from a fixed vocabulary, so a learner can pick by work
    /// context whatever language the scenario is in.
    #[serde(default)]
    pub settings: Vec<Setting>,
    #[serde(default = "default_difficulty")]
    pub difficulty: i64,
    #[serde(default = "default_model")]
    pub model: String,
    #[serde(default)]
    pub focus: Vec<String>,
    pub customer: Customer,
    pub start: String,
    pub nodes: Vec<Node>,
}

fn default_difficulty() -> i64 {
    1
}

fn default_model() -> String {
    "default".to_owned()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Customer", deny_unknown_fields)]
pub struct Customer {
    pub name: String,
    pub style: Style,
    #[serde(default)]
    pub mood: i64,
    #[serde(default)]
    pub about: Option<String>,
    /// The customer's own words for moods on the scale, by mood (-5..=5): a tearful parent is
    /// "distressed", not "angry". A mood without a word here uses the default scale's.
    #[serde(default)]
    pub mood_words: BTreeMap<i64, String>,
}

impl Customer {
    /// The scenario's own word for `mood`, if it gives one.
    pub fn mood_word(&self, mood: i32) -> Option<&str> {
        self.mood_words.get(&i64::from(mood)).map(String::as_str)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Node", deny_unknown_fields)]
pub struct Node {
    pub id: String,
    #[serde(default)]
    pub narration: Option<String>,
    #[serde(default)]
    pub say: Option<String>,
    #[serde(default)]
    pub facilitator: Option<String>,
    /// `None` when the field is absent, so "no choices" and "an empty list" differ.
    #[serde(default)]
    pub choices: Option<Vec<Choice>>,
    #[serde(default)]
    pub ending: Option<Ending>,
}

impl Node {
    /// The node's choices; empty for an ending.
    pub fn choice_list(&self) -> &[Choice] {
        self.choices.as_deref().unwrap_or(&[])
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Choice", deny_unknown_fields)]
pub struct Choice {
    pub say: String,
    pub next: String,
    #[serde(default)]
    pub fits: Vec<String>,
    #[serde(default)]
    pub breaks: Vec<String>,
    #[serde(default)]
    pub pitfalls: Vec<String>,
    #[serde(default)]
    pub mood: i64,
    #[serde(default)]
    pub feedback: Option<String>,
    #[serde(default)]
    pub style_tips: BTreeMap<Style, String>,
    #[serde(default)]
    pub routes: Vec<Route>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Route", deny_unknown_fields)]
pub struct Route {
    #[serde(default)]
    pub min_mood: Option<i64>,
    #[serde(default)]
    pub max_mood: Option<i64>,
    pub next: String,
}

impl Route {
    /// Whether this route applies at `mood` (bounds are inclusive).
    pub fn matches(&self, mood: i32) -> bool {
        let mood = i64::from(mood);
        self.min_mood.is_none_or(|min| mood >= min) && self.max_mood.is_none_or(|max| mood <= max)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Ending", deny_unknown_fields)]
pub struct Ending {
    pub outcome: Outcome,
    pub summary: String,
}

/// The work context of a scenario (a fixed vocabulary; the words shown come from the
/// interface's catalogue).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Setting {
    /// Face to face at a service point or an office counter.
    ServicePoint,
    Phone,
    HealthCare,
    /// A supervisor with a member of their team.
    Supervisor,
    /// A facilitator with a group.
    Workshop,
    /// A colleague or another unit as the customer.
    Internal,
    /// Business services, an entrepreneur as the customer.
    Business,
    /// Email, letters and messages.
    Written,
}

impl Setting {
    pub const ALL: [Setting; 8] = [
        Setting::ServicePoint,
        Setting::Phone,
        Setting::HealthCare,
        Setting::Supervisor,
        Setting::Workshop,
        Setting::Internal,
        Setting::Business,
        Setting::Written,
    ];
}

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub enum Outcome {
    Resolved,
    Partial,
    Unresolved,
    Escalated,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Resolved,
        Outcome::Partial,
        Outcome::Unresolved,
        Outcome::Escalated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Outcome::Resolved => "Resolved",
            Outcome::Partial => "Partial",
            Outcome::Unresolved => "Unresolved",
            Outcome::Escalated => "Escalated",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "EncounterModel", deny_unknown_fields)]
pub struct EncounterModel {
    pub id: String,
    pub language: String,
    pub name: String,
    pub steps: Vec<Step>,
}

impl EncounterModel {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The step a pitfall belongs to, with the pitfall.
    pub fn pitfall(&self, id: &str) -> Option<(&Step, &Pitfall)> {
        self.steps
            .iter()
            .find_map(|s| s.pitfalls.iter().find(|p| p.id == id).map(|p| (s, p)))
    }

    /// Position of a step in the taught order; `None` for threads and unknown ids.
    pub fn order_of(&self, id: &str) -> Option<usize> {
        self.steps
            .iter()
            .filter(|s| !s.thread)
            .position(|s| s.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Step", deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub looks_like: Vec<String>,
    #[serde(default)]
    pub pitfalls: Vec<Pitfall>,
    #[serde(default)]
    pub thread: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Pitfall", deny_unknown_fields)]
pub struct Pitfall {
    pub id: String,
    pub name: String,
    pub description: String,
}
