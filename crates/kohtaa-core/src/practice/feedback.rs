//! Feedback composed for a learner's style: the same message, ordered, introduced and sized
//! as the style file's framing says.
//!
//! What is said comes from the choice and the measurement alone; the learner's style picks
//! only the framing (order, lead-in words, how much detail), the author's tip for that style
//! and one watch-out tip. The style is never given as a reason: no text here names it.
//! The result is structured parts, so screens lay them out; nothing here knows a terminal.

use std::collections::BTreeMap;

use crate::content::styles::{Framing, LearnerStyle, Part, StyleTexts, fill};
use crate::content::{EncounterModel, Style};

use super::debrief::{Debrief, answer_went};
use super::measure::StepResult;
use super::run::{ChoiceEffect, ScaleEnd};

/// What a part of composed feedback holds, so a screen can lay it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// A part of the framing (see [`Part`]).
    Framed(Part),
    /// The scenario author's extra words for a learner of this style.
    StyleTip,
    /// The one learner × customer watch-out tip.
    WatchOut,
    /// How to meet a customer of the scenario's style.
    MeetCustomer,
}

/// One part of composed feedback: an optional lead-in ("What worked:") and the text. The text
/// may hold several lines (one per step in `Steps` and `Standard`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedbackPart {
    pub kind: PartKind,
    pub lead: Option<String>,
    pub text: String,
}

impl FeedbackPart {
    /// The lead and the text as plain lines: a one-line text follows its lead, a longer one
    /// starts below it.
    pub fn plain(&self) -> String {
        match &self.lead {
            Some(lead) if self.text.contains('\n') => format!("{lead}\n{}", self.text),
            Some(lead) => format!("{lead} {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// The debrief's style-worded parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DebriefText {
    /// The summary of the run, in the framing's order.
    pub summary: Vec<FeedbackPart>,
    /// The watch-out tip for this learner and customer; `None` when no style is set.
    pub watch_out: Option<FeedbackPart>,
    /// The "meeting this customer" hint for the scenario's customer.
    pub meet_customer: Option<FeedbackPart>,
}

impl DebriefText {
    /// The summary's headline, in the framing's order: the step kept and the one to change
    /// (`Worked`, `Change`, `Steps`). A debrief shows it first, before the turning point.
    pub fn headline(&self) -> impl Iterator<Item = &FeedbackPart> {
        self.summary.iter().filter(|p| is_headline(p.kind))
    }

    /// The rest of the summary, in the framing's order (`Standard`, `Impact`, `Order`,
    /// `Closing`), shown after the turning point. The outcome with the fit and the ending's
    /// text are left out: a debrief says those in its own words above everything.
    pub fn afterword(&self) -> impl Iterator<Item = &FeedbackPart> {
        self.summary.iter().filter(|p| {
            !is_headline(p.kind)
                && !matches!(
                    p.kind,
                    PartKind::Framed(Part::Outcome) | PartKind::Framed(Part::Message)
                )
        })
    }

    /// Every part, in reading order.
    pub fn parts(&self) -> impl Iterator<Item = &FeedbackPart> {
        self.summary
            .iter()
            .chain(self.watch_out.as_ref())
            .chain(self.meet_customer.as_ref())
    }
}

fn is_headline(kind: PartKind) -> bool {
    matches!(
        kind,
        PartKind::Framed(Part::Worked | Part::Change | Part::Steps)
    )
}

/// How the app speaks to one learner: the style texts of the interface language and the
/// learner's style (`None`: neutral wording).
#[derive(Clone, Copy, Debug)]
pub struct Voice<'a> {
    pub texts: &'a StyleTexts,
    pub learner: Option<LearnerStyle>,
}

impl<'a> Voice<'a> {
    pub fn new(texts: &'a StyleTexts, learner: Option<LearnerStyle>) -> Voice<'a> {
        Voice { texts, learner }
    }

    fn framing(&self) -> &'a Framing {
        self.texts.framing(self.learner)
    }

    fn part(&self, part: Part, text: String) -> FeedbackPart {
        FeedbackPart {
            kind: PartKind::Framed(part),
            lead: self.framing().leads.get(&part).cloned(),
            text,
        }
    }

    /// The feedback shown after a choice: its author's `feedback`, what it showed and broke
    /// (`effect`), framed for the learner, then the author's tip for the learner's style.
    pub fn after_choice(
        &self,
        feedback: Option<&str>,
        effect: &ChoiceEffect,
        model: &EncounterModel,
        style_tips: &BTreeMap<Style, String>,
    ) -> Vec<FeedbackPart> {
        let framing = self.framing();
        let mut parts = Vec::new();
        for &part in &framing.after_choice {
            let text = match part {
                Part::Message => feedback.map(str::trim).unwrap_or("").to_owned(),
                Part::Worked => join(effect.shown.iter().map(|s| step_name(model, s))),
                Part::Change => join(
                    effect
                        .broken
                        .iter()
                        .map(|s| with_pitfalls(model, s, &effect.pitfalls)),
                ),
                // The standard for what went wrong only: a definition repeated after every
                // good answer reads as a template, not as feedback.
                Part::Standard => standard(model, &effect.broken, &effect.pitfalls),
                Part::Steps => {
                    let results: Vec<(&str, StepResult)> = model
                        .steps
                        .iter()
                        .filter_map(|s| {
                            if effect.broken.contains(&s.id) {
                                Some((s.id.as_str(), StepResult::Broken))
                            } else if effect.shown.contains(&s.id) {
                                Some((s.id.as_str(), StepResult::Shown))
                            } else {
                                None
                            }
                        })
                        .collect();
                    self.steps(model, &results)
                }
                Part::Impact => {
                    let n = effect.mood_delta.unsigned_abs().to_string();
                    // A harmful (helpful) answer at the end of the scale moved the meter by
                    // 0, yet it was not neutral: "held steady" would teach the wrong thing.
                    let template = match (effect.mood_delta, effect.held_by_scale()) {
                        (d, _) if d > 0 => &framing.mood_up,
                        (d, _) if d < 0 => &framing.mood_down,
                        (_, Some(ScaleEnd::Lowest)) => framing.mood_floor(),
                        (_, Some(ScaleEnd::Highest)) => framing.mood_ceiling(),
                        (_, None) => &framing.mood_same,
                    };
                    fill(template, &[("n", &n)])
                }
                Part::Closing => framing
                    .choice_closing(answer_went(effect))
                    .unwrap_or_default()
                    .to_owned(),
                Part::Outcome | Part::Order => String::new(),
            };
            if !text.trim().is_empty() {
                parts.push(self.part(part, text));
            }
        }
        if let Some(tip) = self
            .learner
            .and_then(|l| style_tips.get(&l.main()))
            .filter(|t| !t.trim().is_empty())
        {
            parts.push(FeedbackPart {
                kind: PartKind::StyleTip,
                lead: Some(self.texts.words.style_tip.clone()),
                text: tip.trim().to_owned(),
            });
        }
        parts
    }

    /// The debrief's words: the headline of the run (`debrief`) framed for the learner, the
    /// watch-out tip for this learner and a `customer` of that style, and how to meet such a
    /// customer. `ending_summary` is the ending's own text, shown as the `Message` part.
    ///
    /// The summary says one thing per part: the kept step (`Worked`), the one change
    /// (`Change`, `Standard`), both (`Steps`), the first order note (`Order`); the full lists
    /// are the debrief's sections. The closing line is chosen by how the run went.
    pub fn debrief(
        &self,
        debrief: &Debrief,
        model: &EncounterModel,
        ending_summary: Option<&str>,
        customer: Style,
    ) -> DebriefText {
        let framing = self.framing();
        let words = &self.texts.words;
        let measurement = &debrief.measurement;
        let lesson = &debrief.lesson;
        let result = |id: &String| measurement.result_of(id).unwrap_or(StepResult::NotInPlay);
        let mut summary = Vec::new();
        for &part in &framing.debrief {
            let text = match part {
                Part::Message => ending_summary.map(str::trim).unwrap_or("").to_owned(),
                Part::Outcome => {
                    let outcome = measurement
                        .outcome
                        .and_then(|o| words.outcomes.get(&o))
                        .map(|w| format!("{w}."));
                    let fit = measurement
                        .fit
                        .map(|f| fill(&words.fit, &[("fit", &f.to_string())]));
                    [outcome, fit]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ")
                }
                Part::Worked => lesson
                    .kept
                    .as_deref()
                    .map(|s| step_name(model, s))
                    .unwrap_or_default(),
                Part::Change => match &lesson.change {
                    Some(s) if result(s) == StepResult::Missed => {
                        format!("{} ({})", step_name(model, s), words.missed)
                    }
                    Some(s) => with_pitfalls(model, s, &measurement.pitfalls),
                    None => String::new(),
                },
                Part::Standard => {
                    let steps: Vec<String> = lesson.change.iter().cloned().collect();
                    standard(model, &steps, &measurement.pitfalls)
                }
                Part::Steps => {
                    let results: Vec<(&str, StepResult)> = model
                        .steps
                        .iter()
                        .filter(|s| {
                            lesson.kept.as_ref() == Some(&s.id)
                                || lesson.change.as_ref() == Some(&s.id)
                        })
                        .map(|s| (s.id.as_str(), result(&s.id)))
                        .collect();
                    self.steps(model, &results)
                }
                Part::Impact => match (measurement.moods.first(), measurement.moods.last()) {
                    (Some(start), Some(end)) => {
                        let template = match &framing.mood_run_held {
                            Some(held) if start == end => held,
                            _ => &framing.mood_run,
                        };
                        fill(
                            template,
                            &[("start", &signed(*start)), ("end", &signed(*end))],
                        )
                    }
                    _ => String::new(),
                },
                Part::Order => measurement
                    .order_notes
                    .first()
                    .map(|n| {
                        fill(
                            &words.order,
                            &[
                                ("early", &step_name(model, &n.early)),
                                ("late", &step_name(model, &n.late)),
                            ],
                        )
                    })
                    .unwrap_or_default(),
                Part::Closing => framing
                    .debrief_closing(lesson.went)
                    .unwrap_or_default()
                    .to_owned(),
            };
            if !text.trim().is_empty() {
                summary.push(self.part(part, text));
            }
        }
        let watch_out = self
            .learner
            .and_then(|l| self.texts.watch_out(l, customer))
            .map(|tip| FeedbackPart {
                kind: PartKind::WatchOut,
                lead: Some(words.watch_out.clone()),
                text: tip.to_owned(),
            });
        DebriefText {
            summary,
            watch_out,
            meet_customer: self.meet_customer(customer),
        }
    }

    /// The "meeting this customer" hint for a customer of `customer`'s style, shown before
    /// and during a run and in the debrief. The same for every learner.
    pub fn meet_customer(&self, customer: Style) -> Option<FeedbackPart> {
        self.texts.style(customer).map(|s| FeedbackPart {
            kind: PartKind::MeetCustomer,
            lead: Some(self.texts.words.meet_customer.clone()),
            text: s.meet_customer.clone(),
        })
    }

    /// One line per step: "Listen to the end: shown".
    fn steps(&self, model: &EncounterModel, results: &[(&str, StepResult)]) -> String {
        let words = &self.texts.words;
        results
            .iter()
            .map(|(id, result)| {
                let word = match result {
                    StepResult::Shown => &words.shown,
                    StepResult::Broken => &words.broken,
                    StepResult::Missed => &words.missed,
                    StepResult::NotReached | StepResult::NotInPlay => return String::new(),
                };
                format!("{}: {word}", step_name(model, id))
            })
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn step_name(model: &EncounterModel, id: &str) -> String {
    model
        .step(id)
        .map_or_else(|| id.to_owned(), |s| s.name.clone())
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

/// "Acknowledge the feeling (Rule before feeling)": a step with the pitfalls that broke it.
fn with_pitfalls(model: &EncounterModel, step: &str, pitfalls: &[String]) -> String {
    let names: Vec<&str> = pitfalls
        .iter()
        .filter_map(|p| model.pitfall(p))
        .filter(|(s, _)| s.id == step)
        .map(|(_, p)| p.name.as_str())
        .collect();
    if names.is_empty() {
        step_name(model, step)
    } else {
        format!("{} ({})", step_name(model, step), names.join(", "))
    }
}

/// Each step with its description, then each of its pitfalls named with its description.
fn standard(model: &EncounterModel, steps: &[String], pitfalls: &[String]) -> String {
    let mut lines = Vec::new();
    for id in steps {
        let Some(step) = model.step(id) else {
            continue;
        };
        lines.push(format!("{}: {}", step.name, step.description));
        for p in pitfalls {
            if let Some((_, pitfall)) = model.pitfall(p).filter(|(s, _)| s.id == step.id) {
                lines.push(format!("{}: {}", pitfall.name, pitfall.description));
            }
        }
    }
    lines.join("\n")
}

/// A mood or a change of mood as a signed number, "+2", "0", "−3" (a true minus sign reads
/// better than "-"). Every text view writes moods with it; JSON and CSV keep plain numbers.
pub fn signed(n: impl Into<i64>) -> String {
    match n.into() {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("−{}", n.unsigned_abs()),
        _ => "0".to_owned(),
    }
}
