//! Scenario tests: play each playthrough of a `.tests.ron` file with the practice engine and
//! compare what it measures with what the author expects.

use std::sync::Arc;

use serde::Serialize;

use crate::content::tests_file::{Expect, Playthrough};
use crate::content::{EncounterModel, Scenario};
use crate::i18n::{Lang, T, signed, t, tf};
use crate::practice::{Run, StepResult};

/// What one playthrough did and where it differed from its expectations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub name: String,
    /// The path actually taken: (node, choice number from 1), then the node it stopped at.
    pub taken: Vec<(String, usize)>,
    pub stopped_at: String,
    /// Empty when the playthrough passed.
    pub failures: Vec<String>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }

    /// `opening 1 → story 2 → good-end`.
    pub fn path_text(&self) -> String {
        let mut parts: Vec<String> = self
            .taken
            .iter()
            .map(|(node, choice)| format!("{node} {choice}"))
            .collect();
        parts.push(self.stopped_at.clone());
        parts.join(" → ")
    }
}

/// Plays `test` through `scenario` and checks its expectations; failures in English.
pub fn play(scenario: &Arc<Scenario>, model: &Arc<EncounterModel>, test: &Playthrough) -> Outcome {
    play_in(scenario, model, test, Lang::En)
}

/// Plays `test` through `scenario` and checks its expectations; failures in `lang`.
pub fn play_in(
    scenario: &Arc<Scenario>,
    model: &Arc<EncounterModel>,
    test: &Playthrough,
    lang: Lang,
) -> Outcome {
    let mut outcome = Outcome {
        name: test.name.clone(),
        taken: Vec::new(),
        stopped_at: scenario.start.clone(),
        failures: Vec::new(),
    };
    let mut run = match Run::new(Arc::clone(scenario), Arc::clone(model), 0) {
        Ok(run) => run,
        Err(e) => {
            outcome.failures.push(e.to_string());
            return outcome;
        }
    };
    for (i, (node, number)) in test.path.iter().enumerate() {
        let step = (i + 1).to_string();
        let here = run.node().id.clone();
        let at = [("step", step.as_str()), ("here", &here), ("node", node)];
        if run.is_finished() {
            outcome.failures.push(tf(lang, T::TestEndedAlready, &at));
            return outcome;
        }
        if *node != here {
            outcome.failures.push(tf(lang, T::TestWrongNode, &at));
            return outcome;
        }
        let count = run.node().choice_list().len();
        if *number < 1 || *number as usize > count {
            outcome.failures.push(tf(
                lang,
                T::TestNoSuchChoice,
                &[
                    ("step", &step),
                    ("here", &here),
                    ("number", &number.to_string()),
                    ("count", &count.to_string()),
                ],
            ));
            return outcome;
        }
        let index = *number as usize - 1;
        match run.choose(index) {
            Ok(taken) => {
                outcome.taken.push((here, *number as usize));
                outcome.stopped_at = taken.next.clone();
            }
            Err(e) => {
                outcome.failures.push(tf(
                    lang,
                    T::TestStepError,
                    &[("step", &step), ("error", &e.to_string())],
                ));
                return outcome;
            }
        }
    }
    outcome.stopped_at = run.node().id.clone();
    outcome.failures = differences(&run, &test.expect, lang);
    outcome
}

/// Every way the finished path differs from `expect`.
fn differences(run: &Run, expect: &Expect, lang: Lang) -> Vec<String> {
    let m = run.measure();
    let mut out = Vec::new();
    let fit = m
        .fit
        .map_or(t(lang, T::TestFitNone).to_owned(), |f| format!("{f} %"));
    if let Some(want) = &expect.ending {
        match &m.ending {
            Some(got) if got == want => {}
            Some(got) => out.push(tf(lang, T::TestEnding, &[("want", want), ("got", got)])),
            None => out.push(tf(
                lang,
                T::TestEndingNone,
                &[("want", want), ("node", &run.node().id)],
            )),
        }
    }
    if let Some(want) = expect.outcome {
        match m.outcome {
            Some(got) if got == want => {}
            Some(got) => out.push(tf(
                lang,
                T::TestOutcome,
                &[("want", want.name()), ("got", got.name())],
            )),
            None => out.push(tf(lang, T::TestOutcomeNone, &[("want", want.name())])),
        }
    }
    if let Some(min) = expect.fit_at_least
        && m.fit.is_none_or(|f| i64::from(f) < min)
    {
        out.push(tf(
            lang,
            T::TestFitAtLeast,
            &[("min", &min.to_string()), ("fit", &fit)],
        ));
    }
    if let Some(max) = expect.fit_at_most
        && m.fit.is_none_or(|f| i64::from(f) > max)
    {
        out.push(tf(
            lang,
            T::TestFitAtMost,
            &[("max", &max.to_string()), ("fit", &fit)],
        ));
    }
    let result = |step: &str| {
        t(
            lang,
            match m.result_of(step) {
                Some(StepResult::Shown) => T::TestWasShown,
                Some(StepResult::Broken) => T::TestWasBroken,
                Some(StepResult::Missed) => T::TestWasMissed,
                Some(StepResult::NotReached) => T::TestWasNotReached,
                Some(StepResult::NotInPlay) => T::TestWasNotInPlay,
                None => T::TestWasNoStep,
            },
        )
    };
    for step in &expect.shown {
        if m.result_of(step) != Some(StepResult::Shown) {
            out.push(tf(
                lang,
                T::TestExpectShown,
                &[("step", step), ("result", result(step))],
            ));
        }
    }
    for (steps, want, key) in [
        (&expect.broken, StepResult::Broken, T::TestExpectBroken),
        (&expect.missed, StepResult::Missed, T::TestExpectMissed),
        (
            &expect.not_reached,
            StepResult::NotReached,
            T::TestExpectNotReached,
        ),
    ] {
        for step in steps {
            if m.result_of(step) != Some(want) {
                out.push(tf(lang, key, &[("step", step), ("result", result(step))]));
            }
        }
    }
    if let Some(want) = expect.order_notes {
        let got = m.order_notes.len();
        if i64::try_from(got) != Ok(want) {
            let notes: Vec<String> = m
                .order_notes
                .iter()
                .map(|n| format!("{} → {}", n.early, n.late))
                .collect();
            out.push(tf(
                lang,
                T::TestOrderNotes,
                &[
                    ("want", &want.to_string()),
                    ("got", &got.to_string()),
                    (
                        "notes",
                        &if notes.is_empty() {
                            "–".to_owned()
                        } else {
                            notes.join(", ")
                        },
                    ),
                ],
            ));
        }
    }
    let mood = signed(m.final_mood());
    if let Some(min) = expect.mood_at_least
        && i64::from(m.final_mood()) < min
    {
        out.push(tf(
            lang,
            T::TestMoodAtLeast,
            &[("min", &signed(min)), ("mood", &mood)],
        ));
    }
    if let Some(max) = expect.mood_at_most
        && i64::from(m.final_mood()) > max
    {
        out.push(tf(
            lang,
            T::TestMoodAtMost,
            &[("max", &signed(max)), ("mood", &mood)],
        ));
    }
    out
}
