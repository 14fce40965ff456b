//! What plain mode prints, as lines of text: pure functions of a run, so that the session loop
//! only reads answers and writes these. No box drawing, no colour; counts are announced so a
//! screen reader user always knows where they are.

use crate::content::styles::Part;
use crate::content::text::display_safe;
use crate::content::{EncounterModel, MOOD_MAX, MOOD_MIN, Scenario};
use crate::lang::Lang;
use crate::practice::debrief::Debrief;
use crate::practice::feedback::{DebriefText, FeedbackPart, PartKind, Voice};
use crate::practice::run::ScaleEnd;
use crate::practice::{Measurement, Run, StepResult, Taken};

use crate::i18n::{self, T, t, tf};

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

/// A mood in words, the customer's own where the scenario gives them, and as a number:
/// "troubled (−3)".
pub fn mood_value(lang: Lang, scenario: &Scenario, mood: i32) -> String {
    tf(
        lang,
        T::PlainMoodValue,
        &[
            ("word", &i18n::mood_word(lang, scenario, mood)),
            ("value", &i18n::signed(mood)),
        ],
    )
}

/// The scenario's opening: title, situation, the learner's role and the customer.
pub fn intro(run: &Run, lang: Lang) -> Vec<String> {
    let s = run.scenario();
    let mut lines = vec![
        safe(&s.title),
        safe(&s.summary),
        tf(lang, T::PlainRole, &[("role", &safe(&s.learner_role))]),
        tf(
            lang,
            T::PlainCustomer,
            &[
                ("name", &safe(&s.customer.name)),
                ("mood", &mood_value(lang, s, run.start_mood())),
                ("lowest", &i18n::mood_word(lang, s, MOOD_MIN)),
                ("highest", &i18n::mood_word(lang, s, MOOD_MAX)),
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
        lines.push(tf(
            lang,
            T::PlainSays,
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
    let mut lines = vec![tf(
        lang,
        T::PlainDecision,
        &[("n", &(run.taken().len() + 1).to_string())],
    )];
    lines.extend(scene(run, lang));
    let node = run.node();
    let order = run.choice_order();
    let count = order.len().to_string();
    let choices = node.choice_list();
    for (shown_as, &index) in order.iter().enumerate() {
        lines.push(tf(
            lang,
            T::PlainChoiceOf,
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
    tf(
        lang,
        T::PlainPrompt,
        &[("count", &run.choice_order().len().to_string())],
    )
}

/// The same feedback as the app gives after a choice: what was said, then the choice's
/// feedback and the steps it showed and broke, worded by `voice` for the learner's style (or
/// neutrally) as the app words it; without style texts, as plain lines of fact. Then the mood
/// change in words.
pub fn feedback(run: &Run, taken: &Taken, lang: Lang, voice: Option<&Voice>) -> Vec<String> {
    let model = run.model();
    let effect = run.effect_of(taken);
    let mut lines = Vec::new();
    let Some(choice) = run.choice_of(taken) else {
        return vec![mood_change(
            lang,
            run.scenario(),
            taken.mood_before,
            taken.mood_after,
            None,
        )];
    };
    lines.push(tf(lang, T::PlainYouSaid, &[("text", &safe(&choice.say))]));
    match voice {
        Some(voice) => {
            let parts = voice.after_choice(
                choice.feedback.as_deref(),
                &effect,
                model,
                &choice.style_tips,
            );
            // The mood is said once, by the line below, with the customer's own words.
            for part in parts
                .iter()
                .filter(|p| p.kind != PartKind::Framed(Part::Impact))
            {
                lines.extend(part_lines(lang, part));
            }
        }
        None => {
            if let Some(text) = &choice.feedback {
                lines.push(tf(lang, T::PlainFeedback, &[("text", &safe(text))]));
            }
            let names = |ids: &[String], name: &dyn Fn(&str) -> String| {
                ids.iter().map(|id| name(id)).collect::<Vec<_>>().join(", ")
            };
            if !effect.shown.is_empty() {
                let steps = names(&effect.shown, &|id| step_name(model, id));
                lines.push(tf(lang, T::PlainShown, &[("steps", &steps)]));
            }
            if !effect.broken.is_empty() {
                let steps = names(&effect.broken, &|id| step_name(model, id));
                lines.push(tf(lang, T::PlainBroken, &[("steps", &steps)]));
            }
            if !effect.pitfalls.is_empty() {
                let pitfalls = names(&effect.pitfalls, &|id| pitfall_name(model, id));
                lines.push(tf(lang, T::PlainPitfalls, &[("pitfalls", &pitfalls)]));
            }
        }
    }
    if effect.shown.is_empty() && effect.broken.is_empty() {
        lines.push(t(lang, T::PlainNoStep).to_owned());
    }
    lines.push(mood_change(
        lang,
        run.scenario(),
        taken.mood_before,
        taken.mood_after,
        effect.held_by_scale(),
    ));
    lines
}

/// One part of style-worded feedback as lines: "Lead: text", or the lead alone on a line
/// above a list. The choice's own message is labelled as feedback when the framing gives it
/// no lead, so a listener knows what it is.
fn part_lines(lang: Lang, part: &FeedbackPart) -> Vec<String> {
    let text = safe(&part.text);
    match &part.lead {
        Some(lead) if text.contains('\n') => std::iter::once(safe(lead))
            .chain(text.lines().map(str::to_owned))
            .collect(),
        Some(lead) => vec![format!("{} {text}", safe(lead))],
        None if part.kind == PartKind::Framed(Part::Message) => {
            vec![tf(lang, T::PlainFeedback, &[("text", &text)])]
        }
        None => text.lines().map(str::to_owned).collect(),
    }
}

/// "Mood: better by 2, from troubled (−3) to wary (−1)." When the end of the scale
/// (`held`) kept a harmful or helpful answer from moving the mood, it says so: "no change"
/// would call a harmful answer harmless.
pub fn mood_change(
    lang: Lang,
    scenario: &Scenario,
    before: i32,
    after: i32,
    held: Option<ScaleEnd>,
) -> String {
    let delta = after - before;
    if let Some(end) = held.filter(|_| delta == 0) {
        let key = match end {
            ScaleEnd::Lowest => T::PlainMoodAtLowest,
            ScaleEnd::Highest => T::PlainMoodAtHighest,
        };
        return tf(lang, key, &[("to", &mood_value(lang, scenario, after))]);
    }
    if delta == 0 {
        return tf(
            lang,
            T::PlainMoodHeld,
            &[("to", &mood_value(lang, scenario, after))],
        );
    }
    let n = delta.unsigned_abs().to_string();
    let change = if delta > 0 {
        tf(lang, T::PlainMoodBetter, &[("n", &n)])
    } else {
        tf(lang, T::PlainMoodWorse, &[("n", &n)])
    };
    tf(
        lang,
        T::PlainMoodChange,
        &[
            ("change", &change),
            ("from", &mood_value(lang, scenario, before)),
            ("to", &mood_value(lang, scenario, after)),
        ],
    )
}

/// The ending node as the learner meets it: what happens and what the customer says last.
pub fn ending(run: &Run, lang: Lang) -> Vec<String> {
    scene(run, lang)
}

/// The debrief, in the app's order: first what its first screen says (outcome and ending,
/// model fit, the focus step, the summary worded by `voice` with the one step kept and the
/// one to change, the turning point with the better answer), then every section under a
/// "## Title (count)" line a screen reader can skip by: steps, pitfalls, order, mood, path,
/// tips. Without a voice the summary is said as plain lines of fact.
pub fn debrief(run: &Run, lang: Lang, voice: Option<&Voice>) -> Vec<String> {
    let d = Debrief::of(run);
    let m = &d.measurement;
    let mut lines = vec![t(lang, T::PlainDebrief).to_owned()];
    let worded = voice.map(|v| v.debrief(&d, run.model(), None, run.scenario().customer.style));
    first_screen(run, &d, lang, worded.as_ref(), &mut lines);
    steps_section(run, m, lang, &mut lines);
    pitfalls_section(run, m, lang, &mut lines);
    order_section(run, m, lang, &mut lines);
    mood_section(run, m, lang, &mut lines);
    path_section(run, lang, &mut lines);
    let tips: Vec<&FeedbackPart> = worded
        .iter()
        .flat_map(|w| w.watch_out.iter().chain(&w.meet_customer))
        .collect();
    lines.push(heading(lang, T::SectionTips, tips.len()));
    for part in tips {
        lines.extend(part_lines(lang, part));
    }
    lines
}

/// "## Title (count)": a section's heading, which a screen reader can skip by.
fn heading(lang: Lang, key: T, count: usize) -> String {
    tf(
        lang,
        T::PlainSection,
        &[("title", t(lang, key)), ("count", &count.to_string())],
    )
}

/// What the app's first debrief screen holds: the outcome, the fit, the focus step, the
/// summary (worded for the learner's style when there is a voice), the turning point.
fn first_screen(
    run: &Run,
    d: &Debrief,
    lang: Lang,
    worded: Option<&DebriefText>,
    lines: &mut Vec<String>,
) {
    let model = run.model();
    let m = &d.measurement;
    if let (Some(outcome), Some(ending)) = (m.outcome, run.ending()) {
        lines.push(tf(
            lang,
            T::PlainOutcome,
            &[
                ("outcome", i18n::outcome(lang, outcome)),
                ("summary", &safe(&ending.summary)),
            ],
        ));
    }
    let shown = m.count(StepResult::Shown);
    let scored = m.steps.iter().filter(|s| s.result.is_scored()).count();
    lines.push(match m.fit {
        Some(fit) => tf(
            lang,
            T::PlainFit,
            &[
                ("fit", &fit.to_string()),
                ("shown", &shown.to_string()),
                ("scored", &scored.to_string()),
            ],
        ),
        None => t(lang, T::PlainFitNone).to_owned(),
    });
    lines.push(match &run.focus {
        Some(focus) => tf(
            lang,
            T::PlainFocus,
            &[
                ("step", &step_name(model, focus)),
                (
                    "result",
                    i18n::step_result(lang, m.result_of(focus).unwrap_or(StepResult::NotInPlay)),
                ),
            ],
        ),
        None => t(lang, T::NoFocus).to_owned(),
    });

    match worded {
        Some(worded) => {
            for part in worded.headline() {
                lines.extend(part_lines(lang, part));
            }
        }
        None => {
            if let Some(kept) = &d.lesson.kept {
                lines.push(tf(
                    lang,
                    T::DebriefKept,
                    &[("step", &step_name(model, kept))],
                ));
            }
            lines.push(match &d.lesson.change {
                Some(change) => tf(
                    lang,
                    T::DebriefChange,
                    &[("step", &step_name(model, change))],
                ),
                None => t(lang, T::DebriefNothingToChange).to_owned(),
            });
        }
    }
    lines.extend(turn_lines(run, d, lang));
    for part in worded.iter().flat_map(|w| w.afterword()) {
        lines.extend(part_lines(lang, part));
    }
}

/// Every step of the model, with its result.
fn steps_section(run: &Run, m: &Measurement, lang: Lang, lines: &mut Vec<String>) {
    let model = run.model();
    // Every step of the model, those in order and those all the way through: with both
    // kinds, each group says how many it holds, so "Step 1 of 7" under "Steps (9)" adds up.
    lines.push(heading(lang, T::SectionSteps, m.steps.len()));
    let ordered: Vec<_> = m.steps.iter().filter(|s| !s.thread).collect();
    let threads: Vec<_> = m.steps.iter().filter(|s| s.thread).collect();
    let both = !ordered.is_empty() && !threads.is_empty();
    for (group, key, title) in [
        (&ordered, T::PlainStepLine, T::PlainStepsInOrder),
        (&threads, T::PlainThreadLine, T::PlainStepsThroughout),
    ] {
        let count = group.len().to_string();
        if both {
            lines.push(tf(lang, title, &[("count", &count)]));
        }
        for (i, outcome) in group.iter().enumerate() {
            lines.push(tf(
                lang,
                key,
                &[
                    ("n", &(i + 1).to_string()),
                    ("count", &count),
                    ("step", &step_name(model, &outcome.step)),
                    ("result", i18n::step_result(lang, outcome.result)),
                ],
            ));
        }
    }
}

/// The pitfalls the run fell into.
fn pitfalls_section(run: &Run, m: &Measurement, lang: Lang, lines: &mut Vec<String>) {
    let model = run.model();
    lines.push(heading(lang, T::SectionPitfalls, m.pitfalls.len()));
    if m.pitfalls.is_empty() {
        lines.push(t(lang, T::SectionEmpty).to_owned());
    }
    for id in &m.pitfalls {
        let (step, description) = model
            .pitfall(id)
            .map_or((id.clone(), String::new()), |(s, p)| {
                (safe(&s.name), safe(&p.description))
            });
        lines.push(tf(
            lang,
            T::PlainPitfallLine,
            &[
                ("name", &pitfall_name(model, id)),
                ("step", &step),
                ("description", &description),
            ],
        ));
    }
}

/// Steps shown in an order the model does not follow.
fn order_section(run: &Run, m: &Measurement, lang: Lang, lines: &mut Vec<String>) {
    let model = run.model();
    lines.push(heading(lang, T::SectionOrder, m.order_notes.len()));
    if m.order_notes.is_empty() {
        lines.push(t(lang, T::OrderNone).to_owned());
    }
    for note in &m.order_notes {
        lines.push(tf(
            lang,
            T::PlainOrderNote,
            &[
                ("early", &step_name(model, &note.early)),
                ("late", &step_name(model, &note.late)),
            ],
        ));
    }
}

/// The mood, choice by choice, and each answer that moved it.
fn mood_section(run: &Run, m: &Measurement, lang: Lang, lines: &mut Vec<String>) {
    let taken = run.taken();
    let moves: Vec<(usize, &Taken)> = taken
        .iter()
        .enumerate()
        .filter(|(_, t)| t.mood_after != t.mood_before)
        .collect();
    lines.push(heading(lang, T::SectionMood, moves.len()));
    let moods: Vec<String> = m.moods.iter().map(|&v| i18n::signed(v)).collect();
    lines.push(tf(
        lang,
        T::PlainMoodTrajectory,
        &[("moods", &moods.join(", "))],
    ));
    lines.push(tf(
        lang,
        T::PlainMoodSummary,
        &[
            ("from", &mood_value(lang, run.scenario(), m.moods[0])),
            ("to", &mood_value(lang, run.scenario(), m.final_mood())),
        ],
    ));
    for (n, taken) in moves {
        let moved = tf(
            lang,
            T::MoodMoved,
            &[
                ("n", &(n + 1).to_string()),
                ("from", &i18n::signed(taken.mood_before)),
                ("to", &i18n::signed(taken.mood_after)),
            ],
        );
        let said = run
            .choice_of(taken)
            .map(|c| safe(&c.say))
            .unwrap_or_default();
        lines.push(format!("{moved}: {}", quoted(lang, &said)));
    }
}

/// Every answer given, with its feedback.
fn path_section(run: &Run, lang: Lang, lines: &mut Vec<String>) {
    let taken = run.taken();
    let count = taken.len().to_string();
    lines.push(heading(lang, T::SectionPath, taken.len()));
    for (i, taken) in taken.iter().enumerate() {
        let Some(choice) = run.choice_of(taken) else {
            continue;
        };
        lines.push(tf(
            lang,
            T::PlainPathChoice,
            &[
                ("n", &(i + 1).to_string()),
                ("count", &count),
                ("text", &safe(&choice.say)),
            ],
        ));
        if let Some(feedback) = &choice.feedback {
            lines.push(tf(lang, T::PlainFeedback, &[("text", &safe(feedback))]));
        }
    }
}

fn quoted(lang: Lang, text: &str) -> String {
    tf(lang, T::Quoted, &[("text", text.trim())])
}

/// The turning point: what was said there and the better answer with its feedback; the older
/// rule's bare choice number when the search could not name a better answer.
fn turn_lines(run: &Run, d: &Debrief, lang: Lang) -> Vec<String> {
    let Some(turn) = d.turn else {
        return vec![t(lang, T::NoTurningPoint).to_owned()];
    };
    let taken = run.taken().get(turn.at);
    let said = taken.and_then(|t| run.choice_of(t));
    let better = turn.better.and_then(|b| {
        let node = run.node_by_id(&taken?.node)?;
        Some((b, node.choice_list().get(b.choice)?))
    });
    let (Some(said), Some((better, choice))) = (said, better) else {
        return vec![tf(
            lang,
            T::PlainTurningPoint,
            &[("n", &(turn.at + 1).to_string())],
        )];
    };
    let percent = |fit: Option<u32>| fit.unwrap_or(0).to_string();
    let mut lines = vec![
        tf(
            lang,
            T::PlainTurnYouSaid,
            &[
                ("n", &(turn.at + 1).to_string()),
                ("count", &run.taken().len().to_string()),
                ("text", &quoted(lang, &safe(&said.say))),
            ],
        ),
        tf(
            lang,
            T::PlainTurnBetter,
            &[("text", &quoted(lang, &safe(&choice.say)))],
        ),
    ];
    if let Some(feedback) = &choice.feedback {
        lines.push(tf(lang, T::PlainFeedback, &[("text", &safe(feedback))]));
    }
    lines.push(tf(
        lang,
        T::TurnReach,
        &[
            ("best", &percent(better.reach.fit)),
            ("left", &percent(turn.after_taken.and_then(|r| r.fit))),
        ],
    ));
    lines
}
