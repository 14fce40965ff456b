//! Feedback worded for the learner's style: the same measurement and message for every style,
//! different order and words, and never the learner's style given as a reason.

use std::sync::Arc;

use crate::support::{fixture, library_of};

use kohtaa::content::styles::{LearnerStyle, Part, StyleTexts};
use kohtaa::content::{EncounterModel, Library, Scenario, Style};
use kohtaa::practice::debrief::Debrief;
use kohtaa::practice::feedback::{FeedbackPart, PartKind, Voice};
use kohtaa::practice::{Run, StepResult};

/// A path through "doctor-today" (a frozen copy of the bundled one) that shows some steps and
/// breaks others.
const PATH: [usize; 7] = [0, 0, 1, 0, 1, 0, 0];

fn library() -> Library {
    library_of([fixture("frozen/en/doctor-today.ron")])
}

fn scenario(lib: &Library) -> Arc<Scenario> {
    Arc::new(lib.scenario("doctor-today", "en").unwrap().value.clone())
}

fn model(lib: &Library, lang: &str) -> Arc<EncounterModel> {
    Arc::new(
        lib.models
            .iter()
            .find(|m| m.value.id == "default" && m.value.language == lang)
            .unwrap()
            .value
            .clone(),
    )
}

fn played(lib: &Library) -> Run {
    let mut run = Run::new(scenario(lib), model(lib, "en"), 7).unwrap();
    for choice in PATH {
        run.choose(choice).unwrap();
    }
    assert!(run.is_finished(), "the path reaches an ending");
    run
}

fn styles() -> [Option<LearnerStyle>; 5] {
    [
        None,
        Some(LearnerStyle::Pure(Style::D)),
        Some(LearnerStyle::Pure(Style::I)),
        Some(LearnerStyle::Pure(Style::S)),
        Some(LearnerStyle::Pure(Style::C)),
    ]
}

fn texts<'a>(lib: &'a Library, lang: &str) -> &'a StyleTexts {
    lib.styles_for(lang).expect("bundled style file")
}

fn all_text(parts: &[FeedbackPart]) -> String {
    parts
        .iter()
        .map(FeedbackPart::plain)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn same_run_four_styles_same_measurement_different_wording() {
    let lib = library();
    let model = model(&lib, "en");
    let mut seen: Vec<(Debrief, String)> = Vec::new();
    for learner in styles() {
        // A fresh run per learner: the learner's style is nowhere in the engine's input.
        let run = played(&lib);
        let d = Debrief::of(&run);
        let voice = Voice::new(texts(&lib, "en"), learner);
        let debrief = voice.debrief(&d, &model, None, Style::D);
        let words: Vec<FeedbackPart> = debrief.parts().cloned().collect();
        seen.push((d, all_text(&words)));
    }
    let (first, _) = &seen[0];
    let m = &first.measurement;
    assert!(m.count(StepResult::Shown) > 0 && m.count(StepResult::Broken) > 0);
    for (d, _) in &seen {
        assert_eq!(
            d, first,
            "the measurement and its lesson are the same for every style"
        );
    }
    for i in 0..seen.len() {
        for j in i + 1..seen.len() {
            assert_ne!(seen[i].1, seen[j].1, "styles {i} and {j} are worded alike");
        }
    }
    // The same message: every style's debrief names the one step kept and the one to change.
    for (d, text) in &seen {
        let lesson = &d.lesson;
        for step in [&lesson.kept, &lesson.change] {
            let name = &model.step(step.as_deref().unwrap()).unwrap().name;
            assert!(text.contains(name.as_str()), "{name} missing from:\n{text}");
        }
    }
}

#[test]
fn the_order_follows_the_framing() {
    let lib = library();
    let run = played(&lib);
    let model = model(&lib, "en");
    let texts = texts(&lib, "en");
    let m = Debrief::of(&run);
    for learner in styles() {
        let framing = texts.framing(learner);
        let debrief = Voice::new(texts, learner).debrief(&m, &model, Some("The end."), Style::D);
        let kinds: Vec<Part> = debrief
            .summary
            .iter()
            .map(|p| match p.kind {
                PartKind::Framed(part) => part,
                other => panic!("unexpected {other:?} in the summary"),
            })
            .collect();
        let expected: Vec<Part> = framing
            .debrief
            .iter()
            .copied()
            .filter(|p| kinds.contains(p))
            .collect();
        assert_eq!(kinds, expected);
        assert_eq!(
            debrief.watch_out.is_some(),
            learner.is_some(),
            "a watch-out tip exactly when a style is set"
        );
        assert!(debrief.meet_customer.is_some());
    }
}

#[test]
fn after_a_choice_the_message_is_kept_and_the_author_tip_added() {
    let lib = library();
    let scenario = scenario(&lib);
    let model = model(&lib, "en");
    let texts = texts(&lib, "en");
    let choice = &scenario.nodes[0].choice_list()[1];
    let effect = kohtaa::practice::ChoiceEffect::of(choice, &model);
    for learner in styles() {
        let parts = Voice::new(texts, learner).after_choice(
            choice.feedback.as_deref(),
            &effect,
            &model,
            &choice.style_tips,
        );
        let text = all_text(&parts);
        assert!(text.contains(choice.feedback.as_deref().unwrap()));
        for step in &effect.broken {
            assert!(text.contains(&model.step(step).unwrap().name));
        }
        let tip = learner.and_then(|l| choice.style_tips.get(&l.main()));
        let tip_parts: Vec<&FeedbackPart> = parts
            .iter()
            .filter(|p| p.kind == PartKind::StyleTip)
            .collect();
        match tip {
            Some(tip) => assert_eq!(tip_parts[0].text, *tip),
            None => assert!(tip_parts.is_empty()),
        }
    }
    // D is short and leads with the result; C names the standard in full.
    let d = Voice::new(texts, Some(LearnerStyle::Pure(Style::D))).after_choice(
        choice.feedback.as_deref(),
        &effect,
        &model,
        &choice.style_tips,
    );
    let c = Voice::new(texts, Some(LearnerStyle::Pure(Style::C))).after_choice(
        choice.feedback.as_deref(),
        &effect,
        &model,
        &choice.style_tips,
    );
    assert_eq!(d[0].kind, PartKind::Framed(Part::Impact));
    let pitfall = &model.pitfall("rule-shield-first").unwrap().1.description;
    assert!(all_text(&c).contains(pitfall.as_str()));
    assert!(!all_text(&d).contains(pitfall.as_str()));
}

/// Phrases that would give the learner's style as a reason.
/// (A style letter standing alone is caught separately: "as a D", "you are an i".)
const REASONS: &[&str] = &[
    "because you are",
    "because of your",
    "your style",
    "your type",
    "koska olet",
    "tyylisi",
    "tyylillesi",
];

fn names_style_as_reason(text: &str, texts: &StyleTexts, learner: LearnerStyle) -> Option<String> {
    let lower = text.to_lowercase();
    if let Some(r) = REASONS.iter().find(|r| lower.contains(*r)) {
        return Some(format!("the phrase {r:?}"));
    }
    let name = &texts.style(learner.main()).unwrap().name;
    if text.contains(name.as_str()) {
        return Some(format!("the style name {name:?}"));
    }
    let letter = learner.main().letter();
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == letter)
        .then(|| format!("the letter {letter:?}"))
}

#[test]
fn no_composed_text_names_the_learners_style_as_a_reason() {
    let lib = library();
    let mut checked = 0;
    for lang in ["en", "fi"] {
        let texts = texts(&lib, lang);
        let model = model(&lib, lang);
        for learner in LearnerStyle::all() {
            let voice = Voice::new(texts, Some(learner));
            for loaded in &lib.scenarios {
                let s = &loaded.value;
                for choice in s.nodes.iter().flat_map(|n| n.choice_list()) {
                    let effect = kohtaa::practice::ChoiceEffect::of(choice, &model);
                    let parts = voice.after_choice(
                        choice.feedback.as_deref(),
                        &effect,
                        &model,
                        &choice.style_tips,
                    );
                    for p in &parts {
                        if let Some(why) = names_style_as_reason(&p.plain(), texts, learner) {
                            panic!("{lang} {learner} in {}: {why} in {:?}", s.id, p.plain());
                        }
                        checked += 1;
                    }
                }
                for customer in Style::ALL {
                    let run = played(&lib);
                    let d = voice.debrief(&Debrief::of(&run), &model, None, customer);
                    for p in d.parts() {
                        if let Some(why) = names_style_as_reason(&p.plain(), texts, learner) {
                            panic!("{lang} {learner} debrief: {why} in {:?}", p.plain());
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 100, "checked {checked} parts");
}

#[test]
fn the_reason_check_catches_what_it_is_for() {
    let lib = library();
    let texts = texts(&lib, "en");
    let d = LearnerStyle::Pure(Style::D);
    assert!(names_style_as_reason("Because you are a D, slow down.", texts, d).is_some());
    assert!(names_style_as_reason("As a D you rush.", texts, d).is_some());
    assert!(names_style_as_reason("Koska olet suora, hidasta.", texts, d).is_some());
    assert!(names_style_as_reason("Slow down and check understanding.", texts, d).is_none());
}

#[test]
fn the_meeting_hint_is_the_customers_and_the_same_for_every_learner() {
    let lib = library();
    let texts = texts(&lib, "fi");
    for customer in Style::ALL {
        let hints: Vec<_> = styles()
            .into_iter()
            .map(|l| Voice::new(texts, l).meet_customer(customer).unwrap())
            .collect();
        assert!(hints.windows(2).all(|w| w[0] == w[1]));
        assert_eq!(hints[0].text, texts.style(customer).unwrap().meet_customer);
    }
}

#[test]
fn the_watch_out_tip_is_the_learner_customer_pair() {
    let lib = library();
    let texts = texts(&lib, "en");
    let model = model(&lib, "en");
    let m = Debrief::of(&played(&lib));
    let mut tips = std::collections::HashSet::new();
    for learner in Style::ALL {
        for customer in Style::ALL {
            // A blend gets its main style's tip.
            let blend = kohtaa::content::styles::Blend::ALL
                .into_iter()
                .find(|b| b.main() == learner)
                .unwrap();
            let pure = Voice::new(texts, Some(LearnerStyle::Pure(learner)))
                .debrief(&m, &model, None, customer)
                .watch_out
                .unwrap();
            let blended = Voice::new(texts, Some(LearnerStyle::Blend(blend)))
                .debrief(&m, &model, None, customer)
                .watch_out
                .unwrap();
            assert_eq!(pure, blended);
            assert_eq!(pure.text, texts.watch_outs[&learner][&customer]);
            tips.insert(pure.text);
        }
    }
    assert_eq!(tips.len(), 16, "sixteen different tips");
}
