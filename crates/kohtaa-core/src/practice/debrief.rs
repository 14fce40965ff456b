//! What a debrief teaches first: one step that worked, one thing to change, how the run went,
//! and where it turned. Every screen and plain mode show these; none chooses them.
//!
//! The rule for the two headline steps, in the model's order:
//! - *kept*: the focus step if it was shown, else the first step shown;
//! - *change*: the focus step if it was broken, else the first broken step, else the first
//!   missed step (never in an abandoned run, whose missed steps were not yet due); none when
//!   nothing was broken or missed.
//!
//! How a run went, for the style's closing line: *good* when every scored step was shown and
//! no order note was raised, *poor* when less than half of the scored steps were shown (an
//! abandoned run's missed steps left out), *mixed* otherwise. An answer went *poor* when it
//! broke a step, *good* when it showed one and broke none, *mixed* when it did neither.

use crate::content::styles::Went;

use super::measure::{Measurement, StepResult, fit_of};
use super::run::{ChoiceEffect, Run};
use super::turn::Turn;

/// The two headline steps and how the run went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// A step id: what worked.
    pub kept: Option<String>,
    /// A step id: the one thing to change (its result says whether broken or missed).
    pub change: Option<String>,
    pub went: Went,
}

impl Lesson {
    /// The lesson of `measurement` for a learner who chose `focus`; `abandoned` when the run
    /// was left before its ending.
    pub fn of(measurement: &Measurement, focus: Option<&str>, abandoned: bool) -> Lesson {
        let steps: Vec<_> = measurement
            .steps
            .iter()
            .map(|s| super::StepOutcome {
                result: s.result.held_against(abandoned),
                ..s.clone()
            })
            .collect();
        let first = |result: StepResult| {
            let focused =
                focus.filter(|f| steps.iter().any(|s| s.step == *f && s.result == result));
            focused.map(str::to_owned).or_else(|| {
                steps
                    .iter()
                    .find(|s| s.result == result)
                    .map(|s| s.step.clone())
            })
        };
        let went = match fit_of(&steps) {
            Some(100) if measurement.order_notes.is_empty() => Went::Good,
            Some(fit) if fit < 50 => Went::Poor,
            _ => Went::Mixed,
        };
        Lesson {
            kept: first(StepResult::Shown),
            change: first(StepResult::Broken).or_else(|| {
                steps
                    .iter()
                    .find(|s| s.result == StepResult::Missed)
                    .map(|s| s.step.clone())
            }),
            went,
        }
    }
}

/// How one answer went: poor when it broke a step or named a pitfall, good when it showed a
/// step, else mixed. The analyzer's good and bad choices are these same verdicts.
pub fn answer_went(effect: &ChoiceEffect) -> Went {
    if !effect.broken.is_empty() || !effect.pitfalls.is_empty() {
        Went::Poor
    } else if !effect.shown.is_empty() {
        Went::Good
    } else {
        Went::Mixed
    }
}

/// Everything a debrief shows that practice decides, computed once per run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Debrief {
    pub measurement: Measurement,
    pub lesson: Lesson,
    pub turn: Option<Turn>,
    /// Left before its ending.
    pub abandoned: bool,
}

impl Debrief {
    pub fn of(run: &Run) -> Debrief {
        Debrief {
            turn: run.turn(),
            ..Debrief::without_turn(run)
        }
    }

    /// The measurement and the lesson without the turning-point search, for a view that shows
    /// no turning point and is drawn again at every key (the presenter's four styles).
    pub fn without_turn(run: &Run) -> Debrief {
        let measurement = run.measure();
        let abandoned = !run.is_finished();
        Debrief {
            lesson: Lesson::of(&measurement, run.focus.as_deref(), abandoned),
            turn: None,
            measurement,
            abandoned,
        }
    }
}
