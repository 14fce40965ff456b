//! What plain mode prints, as lines of text: pure functions of a run, so that the session loop
//! only reads answers and writes these. No box drawing, no colour; counts are announced so a
//! screen reader user always knows where they are.

use crate::cli::Lang;
use crate::content::EncounterModel;
use crate::content::text::display_safe;
use crate::practice::{Run, StepResult, Taken};

use super::words::{self, W, w, wf};

/// Scenario text made safe to print (files are checked, but a terminal is never trusted to it).
fn safe(text: &str) -> String {
    display_safe(text).into_owned()
}

fn step_name(model: &EncounterModel, id: &str) -> String {
    safe(model.step(id).map_or(id, |s| s.name.as_str()))
}

fn pitfall_name(model: &EncounterModel, id: &str) -> String {
    safe(model.pitfall(id).map_or(id, |(_, p)| p.name.as_str()))
}

/// A mood in words and as a number: "angry (−3 on a scale from −5 to +5)".
pub fn mood_value(lang: Lang, mood: i32) -> String {
    wf(
        lang,
        W::PlainMoodValue,
        &[
            ("word", words::mood(lang, mood)),
            ("value", &words::signed(mood)),
        ],
    )
}

/// The scenario's opening: title, situation, the learner's role and the customer.
pub fn intro(run: &Run, lang: Lang) -> Vec<String> {
    let s = run.scenario();
    let mut lines = vec![
        safe(&s.title),
        safe(&s.summary),
        wf(lang, W::PlainRole, &[("role", &safe(&s.learner_role))]),
        wf(
            lang,
            W::PlainCustomer,
            &[
                ("name", &safe(&s.customer.name)),
                ("mood", &mood_value(lang, run.start_mood())),
            ],
        ),
    ];
    if let Some(about) = &s.customer.about {
        lines.push(safe(about));
    }
    lines
}

/// What happens and what the customer says at the current node.
fn scene(run: &Run, lang: Lang) -> Vec<String> {
    let node = run.node();
    let mut lines = Vec::new();
    if let Some(narration) = &node.narration {
        lines.push(safe(narration));
    }
    if let Some(say) = &node.say {
        lines.push(wf(
            lang,
            W::PlainSays,
            &[
                ("name", &safe(&run.scenario().customer.name)),
                ("line", &safe(say)),
            ],
        ));
    }
    lines
}

/// The current decision: the scene, then the choices in the run's shuffled order, numbered as
/// the learner will type them.
pub fn decision(run: &Run, lang: Lang) -> Vec<String> {
    let mut lines = vec![wf(
        lang,
        W::PlainDecision,
        &[("n", &(run.taken().len() + 1).to_string())],
    )];
    lines.extend(scene(run, lang));
    let node = run.node();
    let order = run.choice_order();
    let count = order.len().to_string();
    let choices = node.choice_list();
    for (shown_as, &index) in order.iter().enumerate() {
        lines.push(wf(
            lang,
            W::PlainChoiceOf,
            &[
                ("n", &(shown_as + 1).to_string()),
                ("count", &count),
                ("text", &safe(&choices[index].say)),
            ],
        ));
    }
    lines
}

/// The prompt for the current decision.
pub fn prompt(run: &Run, lang: Lang) -> String {
    wf(
        lang,
        W::PlainPrompt,
        &[("count", &run.choice_order().len().to_string())],
    )
}

/// The same feedback as the app gives after a choice: what was said, the choice's feedback,
/// the steps shown and broken by name, the pitfalls, and the mood change in words.
pub fn feedback(run: &Run, taken: &Taken, lang: Lang) -> Vec<String> {
    let model = run.model();
    let effect = run.effect_of(taken);
    let mut lines = Vec::new();
    if let Some(choice) = run.choice_of(taken) {
        lines.push(wf(lang, W::PlainYouSaid, &[("text", &safe(&choice.say))]));
        if let Some(text) = &choice.feedback {
            lines.push(wf(lang, W::PlainFeedback, &[("text", &safe(text))]));
        }
    }
    let names = |ids: &[String], name: &dyn Fn(&str) -> String| {
        ids.iter().map(|id| name(id)).collect::<Vec<_>>().join(", ")
    };
    if !effect.shown.is_empty() {
        let steps = names(&effect.shown, &|id| step_name(model, id));
        lines.push(wf(lang, W::PlainShown, &[("steps", &steps)]));
    }
    if !effect.broken.is_empty() {
        let steps = names(&effect.broken, &|id| step_name(model, id));
        lines.push(wf(lang, W::PlainBroken, &[("steps", &steps)]));
    }
    if !effect.pitfalls.is_empty() {
        let pitfalls = names(&effect.pitfalls, &|id| pitfall_name(model, id));
        lines.push(wf(lang, W::PlainPitfalls, &[("pitfalls", &pitfalls)]));
    }
    if effect.shown.is_empty() && effect.broken.is_empty() {
        lines.push(w(lang, W::PlainNoStep).to_owned());
    }
    lines.push(mood_change(lang, taken.mood_before, taken.mood_after));
    lines
}

/// "Mood: better by 2, from angry (−3 …) to annoyed (−1 …)."
pub fn mood_change(lang: Lang, before: i32, after: i32) -> String {
    let delta = after - before;
    let n = delta.unsigned_abs().to_string();
    let change = match delta {
        d if d > 0 => wf(lang, W::PlainMoodBetter, &[("n", &n)]),
        d if d < 0 => wf(lang, W::PlainMoodWorse, &[("n", &n)]),
        _ => w(lang, W::PlainMoodSame).to_owned(),
    };
    wf(
        lang,
        W::PlainMoodChange,
        &[
            ("change", &change),
            ("from", &mood_value(lang, before)),
            ("to", &mood_value(lang, after)),
        ],
    )
}

/// The ending node as the learner meets it: what happens and what the customer says last.
pub fn ending(run: &Run, lang: Lang) -> Vec<String> {
    scene(run, lang)
}

/// The debrief: outcome and ending text, model fit, each step's result, order notes,
/// pitfalls, the mood trajectory and the path, in that order.
pub fn debrief(run: &Run, lang: Lang) -> Vec<String> {
    let model = run.model();
    let m = run.measure();
    let mut lines = vec![w(lang, W::PlainDebrief).to_owned()];

    if let (Some(outcome), Some(ending)) = (m.outcome, run.ending()) {
        lines.push(wf(
            lang,
            W::PlainOutcome,
            &[
                ("outcome", words::outcome(lang, outcome)),
                ("summary", &safe(&ending.summary)),
            ],
        ));
    }

    let shown = m.count(StepResult::Shown);
    let scored = m.steps.len() - m.count(StepResult::NotInPlay);
    lines.push(match m.fit {
        Some(fit) => wf(
            lang,
            W::PlainFit,
            &[
                ("fit", &fit.to_string()),
                ("shown", &shown.to_string()),
                ("scored", &scored.to_string()),
            ],
        ),
        None => w(lang, W::PlainFitNone).to_owned(),
    });

    let ordered: Vec<_> = m.steps.iter().filter(|s| !s.thread).collect();
    let threads: Vec<_> = m.steps.iter().filter(|s| s.thread).collect();
    lines.push(wf(
        lang,
        W::PlainStepsTitle,
        &[("count", &m.steps.len().to_string())],
    ));
    for (group, key) in [(&ordered, W::PlainStepLine), (&threads, W::PlainThreadLine)] {
        let count = group.len().to_string();
        for (i, outcome) in group.iter().enumerate() {
            lines.push(wf(
                lang,
                key,
                &[
                    ("n", &(i + 1).to_string()),
                    ("count", &count),
                    ("step", &step_name(model, &outcome.step)),
                    ("result", words::step_result(lang, outcome.result)),
                ],
            ));
        }
    }

    if m.order_notes.is_empty() {
        lines.push(w(lang, W::PlainOrderNone).to_owned());
    } else {
        lines.push(w(lang, W::PlainOrderTitle).to_owned());
        for note in &m.order_notes {
            lines.push(wf(
                lang,
                W::PlainOrderNote,
                &[
                    ("early", &step_name(model, &note.early)),
                    ("late", &step_name(model, &note.late)),
                ],
            ));
        }
    }

    if m.pitfalls.is_empty() {
        lines.push(w(lang, W::PlainPitfallsNone).to_owned());
    } else {
        lines.push(wf(
            lang,
            W::PlainPitfallsTitle,
            &[("count", &m.pitfalls.len().to_string())],
        ));
        for id in &m.pitfalls {
            let (step, description) = model
                .pitfall(id)
                .map_or((id.clone(), String::new()), |(s, p)| {
                    (safe(&s.name), safe(&p.description))
                });
            lines.push(wf(
                lang,
                W::PlainPitfallLine,
                &[
                    ("name", &pitfall_name(model, id)),
                    ("step", &step),
                    ("description", &description),
                ],
            ));
        }
    }

    let moods: Vec<String> = m.moods.iter().map(|&v| words::signed(v)).collect();
    lines.push(wf(
        lang,
        W::PlainMoodTrajectory,
        &[("moods", &moods.join(", "))],
    ));
    lines.push(wf(
        lang,
        W::PlainMoodSummary,
        &[
            ("from", &mood_value(lang, m.moods[0])),
            ("to", &mood_value(lang, m.final_mood())),
        ],
    ));

    let taken = run.taken();
    let count = taken.len().to_string();
    lines.push(wf(lang, W::PlainPathTitle, &[("count", &count)]));
    for (i, t) in taken.iter().enumerate() {
        let text = run.choice_of(t).map(|c| safe(&c.say)).unwrap_or_default();
        lines.push(wf(
            lang,
            W::PlainPathLine,
            &[
                ("n", &(i + 1).to_string()),
                ("count", &count),
                ("node", &safe(&t.node)),
                ("text", &text),
            ],
        ));
    }
    if let Some(turn) = run.turning_point() {
        lines.push(wf(
            lang,
            W::PlainTurningPoint,
            &[("n", &(turn + 1).to_string())],
        ));
    }
    lines
}
