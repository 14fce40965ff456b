//! The practice layer: a run of a scenario and what it measures. Pure and deterministic given
//! a seed; no terminal code lives here.

pub mod debrief;
pub mod export;
pub mod feedback;
pub mod measure;
pub mod run;
pub mod selfcheck;
pub mod turn;

pub use measure::{Measurement, OrderNote, StepOutcome, StepResult};
pub use run::{ChoiceEffect, Run, RunError, Taken};
pub mod progress;
pub mod recommend;
pub mod record;
pub mod report;
pub mod schedule;
pub mod schema;
pub mod xapi;
