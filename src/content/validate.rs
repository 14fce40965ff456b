//! Checks of meaning, after a file has parsed: references, ranges, the graph.

use super::diagnostic::Diagnostic;
use super::library::Loaded;
use super::types::{EncounterModel, Scenario};

/// Problems in one scenario, checked against its model (`None`: no model file for it).
pub fn scenario(_scenario: &Loaded<Scenario>, _model: Option<&EncounterModel>) -> Vec<Diagnostic> {
    Vec::new()
}

/// Problems in an encounter model.
pub fn model(_model: &Loaded<EncounterModel>) -> Vec<Diagnostic> {
    Vec::new()
}

/// Problems that need the whole library, such as a scenario in one language only.
pub fn library(_scenarios: &[Loaded<Scenario>]) -> Vec<Diagnostic> {
    Vec::new()
}
