//! What the debrief teaches first (practice::turn, practice::debrief): the turning point and
//! the better answer, the step kept and the one to change, and closings by how it went.

use kohtaa::store::library::{self, LoadOptions};
use std::sync::Arc;

use kohtaa::content::parse::parse;
use kohtaa::content::styles::{LearnerStyle, Part, StyleTexts, Went};
use kohtaa::content::{EncounterModel, Scenario, Source, Style};
use kohtaa::practice::debrief::{Debrief, Lesson, answer_went};
use kohtaa::practice::feedback::{FeedbackPart, PartKind, Voice};
use kohtaa::practice::turn::{Reach, turning_point_within};
use kohtaa::practice::{ChoiceEffect, Run, StepResult};

use crate::support::bundled;

const MODEL: &str = r#"EncounterModel(
    id: "m", language: "en", name: "M",
    steps: [
        Step(id: "greet", name: "Greet", description: "d"),
        Step(id: "listen", name: "Listen", description: "d",
            pitfalls: [Pitfall(id: "interrupt", name: "Interrupt", description: "d")]),
        Step(id: "explain", name: "Explain", description: "d"),
        Step(id: "close", name: "Close", description: "d"),
    ],
)"#;

fn model() -> Arc<EncounterModel> {
    Arc::new(parse(&Source::new("model.ron", MODEL)).expect("model parses"))
}

fn scenario(mood: i64, nodes: &str) -> Arc<Scenario> {
    let text = format!(
        r#"Scenario(id: "s", language: "en", title: "T", summary: "S", learner_role: "R",
            model: "m", focus: ["explain"],
            customer: Customer(name: "C", style: S, mood: {mood}),
            start: "a", nodes: [{nodes}])"#
    );
    Arc::new(parse(&Source::new("s.ron", text)).expect("scenario parses"))
}

fn played(mood: i64, nodes: &str, choices: &[usize]) -> Run {
    let mut run = Run::new(scenario(mood, nodes), model(), 1).expect("run starts");
    for &c in choices {
        run.choose(c).expect("a choice");
    }
    run
}

/// Greet at `a`; at `b` two answers that both look fine at first (neither breaks a step), but
/// only "listen" leads to a node where "explain" and "close" can still be shown. "Rush"
/// raises the mood, so mood alone would call it the better answer.
const FORK: &str = r#"
    Node(id: "a", say: "Hi.", choices: [
        Choice(say: "Hello, I'm Sam.", next: "b", fits: ["greet"], mood: 1),
        Choice(say: "Next.", next: "b", mood: -1),
    ]),
    Node(id: "b", say: "It's about my bill.", choices: [
        Choice(say: "Rush: here is a refund form.", next: "c", mood: 2),
        Choice(say: "Tell me more.", next: "d", fits: ["listen"], feedback: "You let them talk."),
        Choice(say: "Hm.", next: "d", fits: ["listen"], mood: -2),
    ]),
    Node(id: "c", say: "Fine.", choices: [
        Choice(say: "Bye.", next: "end-ok"),
    ]),
    Node(id: "d", say: "The bill doubled.", choices: [
        Choice(say: "It doubled because of the new tariff.", next: "e", fits: ["explain"]),
        Choice(say: "Tariffs, you know.", next: "e", breaks: ["explain"]),
    ]),
    Node(id: "e", say: "I see.", choices: [
        Choice(say: "Anything else I can do?", next: "end-ok", fits: ["close"], mood: 1),
        Choice(say: "Bye.", next: "end-ok"),
    ]),
    Node(id: "end-ok", say: "Bye.", ending: Ending(outcome: Resolved, summary: "Done.")),
"#;

#[test]
fn the_turning_point_is_the_first_choice_that_closed_off_a_better_fit() {
    // Greet, then rush: nothing broken, the mood rose, yet listen, explain and close can no
    // longer be shown.
    let run = played(0, FORK, &[0, 0, 0]);
    let m = run.measure();
    assert_eq!(m.result_of("listen"), Some(StepResult::Missed));
    let turn = run.turn().expect("a turning point");
    assert_eq!(turn.at, 1, "the choice at node b");
    assert_eq!(run.taken()[turn.at].node, "b");
    let better = turn.better.expect("a better answer");
    assert_eq!(
        better.choice, 1,
        "of the two answers that reach 100 %, the one with the better final mood"
    );
    assert_eq!(
        better.reach,
        Reach {
            fit: Some(100),
            mood: 2
        }
    );
    // After rushing, greet shown and listen missed: 1 of 2.
    assert_eq!(
        turn.after_taken,
        Some(Reach {
            fit: Some(50),
            mood: 3
        })
    );
    assert_eq!(run.turning_point(), Some(1), "the one answer everywhere");
}

#[test]
fn a_later_break_is_the_turning_point_when_earlier_answers_kept_the_best_in_reach() {
    // No greeting costs greet for good, at choice 1 (index 0); that is where it turned,
    // though the mood fell most later.
    let run = played(0, FORK, &[1, 1, 1, 1]);
    let turn = run.turn().unwrap();
    assert_eq!(turn.at, 0);
    assert_eq!(turn.better.unwrap().choice, 0);
    // Greeting, then "Tariffs, you know": the break at d is the turning point.
    let run = played(0, FORK, &[0, 1, 1, 0]);
    let turn = run.turn().unwrap();
    assert_eq!((turn.at, turn.better.unwrap().choice), (2, 0));
    assert_eq!(run.taken()[2].node, "d");
}

#[test]
fn a_perfect_run_has_no_turning_point() {
    let run = played(0, FORK, &[0, 1, 0, 0]);
    assert_eq!(run.measure().fit, Some(100));
    assert_eq!(run.turn(), None);
    assert_eq!(Debrief::of(&run).lesson.went, Went::Good);
}

#[test]
fn no_turning_point_when_nothing_better_was_reachable() {
    // Every answer at `a` breaks listen: a poor run, but no answer closed anything off.
    let nodes = r#"
        Node(id: "a", say: "x", choices: [
            Choice(say: "Wait.", next: "end", pitfalls: ["interrupt"], mood: -3),
            Choice(say: "Stop.", next: "end", breaks: ["listen"]),
        ]),
        Node(id: "end", say: "Bye.", ending: Ending(outcome: Escalated, summary: "No.")),
    "#;
    let run = played(0, nodes, &[0]);
    assert_eq!(run.measure().fit, Some(0));
    assert_eq!(run.turn(), None);
}

#[test]
fn the_search_follows_routes_and_cycles() {
    // Asking again loops back to `a` at a lower mood; below −1 the route sends the customer
    // away. The loop never ends the search, and the route counts.
    let nodes = r#"
        Node(id: "a", say: "x", choices: [
            Choice(say: "Pardon?", next: "a", mood: -1, routes: [Route(max_mood: -2, next: "gone")]),
            Choice(say: "Let me explain.", next: "end", fits: ["explain"]),
        ]),
        Node(id: "end", say: "Ok.", ending: Ending(outcome: Resolved, summary: "Ok.")),
        Node(id: "gone", say: "Bye.", ending: Ending(outcome: Unresolved, summary: "Gone.")),
    "#;
    let run = played(0, nodes, &[0, 1]);
    assert_eq!(
        run.turn(),
        None,
        "explain was still shown after asking once"
    );
    let run = played(0, nodes, &[0, 0]);
    assert!(run.is_finished());
    let turn = run.turn().unwrap();
    assert_eq!(turn.at, 1, "the second 'Pardon?' went past the route");
    assert_eq!(turn.better.unwrap().choice, 1);
    assert_eq!(turn.after_taken.map(|r| r.fit), Some(Some(0)));
}

#[test]
fn past_the_state_limit_the_older_rule_answers_with_no_better_answer() {
    let run = played(0, FORK, &[0, 1, 1, 0]);
    let bounded = turning_point_within(run.scenario(), run.model(), run.taken(), 3).unwrap();
    assert_eq!(bounded.at, 2, "the first choice that broke a step");
    assert_eq!(bounded.better, None);
    assert_eq!(bounded.after_taken, None);
    // A run that broke nothing and lost no mood has no turning point by the older rule,
    // though the search finds one.
    let run = played(0, FORK, &[0, 0, 0]);
    assert_eq!(
        turning_point_within(run.scenario(), run.model(), run.taken(), 3),
        None
    );
    assert!(run.turn().is_some());
}

#[test]
fn the_search_agrees_with_the_measurement_on_every_path_of_the_fixture() {
    // Every path of the late-parcel fixture to depth 6: the reach the search gives after the
    // better answer is the best fit any continuation measures, and it beats every
    // continuation of the choice taken.
    let lib = library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: vec![concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play").into()],
    });
    let s = Arc::new(lib.scenario("late-parcel", "en").unwrap().value.clone());
    let m = Arc::new(lib.model_for(&s).unwrap().clone());
    let run = Run::new(s, m, 1).unwrap();

    fn best(run: &mut Run, depth: usize) -> Option<(u32, i32)> {
        if run.is_finished() {
            let m = run.measure();
            return Some((m.fit.unwrap_or(100), m.final_mood()));
        }
        if depth == 0 {
            return None;
        }
        let mut top = None;
        for c in 0..run.node().choice_list().len() {
            run.choose(c).unwrap();
            top = top.max(best(run, depth - 1));
            run.undo();
        }
        top
    }
    fn walk(run: &mut Run, depth: usize, checked: &mut usize) {
        if run.is_finished() || depth == 0 {
            if let Some(turn) = run.turn() {
                let mut at = run.clone();
                at.rewind_to(turn.at);
                let better = turn.better.unwrap();
                at.choose(better.choice).unwrap();
                let reach = better.reach;
                assert_eq!(
                    best(&mut at, 8),
                    Some((reach.fit.unwrap_or(100), reach.mood))
                );
                at.undo();
                at.choose(run.taken()[turn.at].choice).unwrap();
                let left = best(&mut at, 8).map_or(0, |b| b.0);
                assert!(left < reach.fit.unwrap_or(100), "{:?}", run.taken());
                *checked += 1;
            } else if run.is_finished() {
                let mut start = run.clone();
                start.restart();
                assert_eq!(
                    best(&mut start, 8).map(|b| b.0),
                    run.measure().fit,
                    "no turning point: this run reached the best fit"
                );
            }
            return;
        }
        for c in 0..run.node().choice_list().len() {
            run.choose(c).unwrap();
            walk(run, depth - 1, checked);
            run.undo();
        }
    }
    let mut checked = 0;
    walk(&mut run.clone(), 6, &mut checked);
    assert!(checked > 10, "checked {checked} turning points");
}

fn lesson_of(run: &Run) -> Lesson {
    Debrief::of(run).lesson
}

#[test]
fn kept_is_the_focus_step_if_shown_and_change_the_focus_step_if_broken() {
    // Focus "explain" shown: kept is explain, not the first shown (greet).
    let run = played(0, FORK, &[0, 1, 0, 1]);
    let lesson = lesson_of(&run);
    assert_eq!(lesson.kept.as_deref(), Some("explain"));
    assert_eq!(
        lesson.change.as_deref(),
        Some("close"),
        "the first missed step"
    );
    assert_eq!(lesson.went, Went::Mixed);

    // Focus "explain" broken: it is the change, and kept is the first shown.
    let run = played(0, FORK, &[0, 1, 1, 0]);
    let lesson = lesson_of(&run);
    assert_eq!(lesson.kept.as_deref(), Some("greet"));
    assert_eq!(lesson.change.as_deref(), Some("explain"));
}

#[test]
fn change_is_the_first_broken_step_before_any_missed_one() {
    let nodes = r#"
        Node(id: "a", say: "x", choices: [
            Choice(say: "Wait.", next: "b", fits: ["greet"]),
            Choice(say: "Hi.", next: "b", fits: ["greet"]),
        ]),
        Node(id: "b", say: "x", choices: [
            Choice(say: "Stop.", next: "end", pitfalls: ["interrupt"]),
            Choice(say: "Go on.", next: "end", fits: ["listen", "close"]),
        ]),
        Node(id: "end", say: "Bye.", ending: Ending(outcome: Escalated, summary: "No.")),
    "#;
    let run = played(0, nodes, &[0, 0]);
    let lesson = lesson_of(&run);
    assert_eq!(run.measure().result_of("close"), Some(StepResult::Missed));
    assert_eq!(
        lesson.change.as_deref(),
        Some("listen"),
        "broken before missed"
    );
    assert_eq!(lesson.kept.as_deref(), Some("greet"));
    assert_eq!(lesson.went, Went::Poor, "1 of 3 shown");
}

#[test]
fn an_abandoned_run_has_no_missed_step_to_change() {
    // Greeted, then rushed, and left at c: listen was missed, but it was not yet due.
    let run = played(0, FORK, &[0, 0]);
    assert!(!run.is_finished());
    let lesson = lesson_of(&run);
    assert_eq!(lesson.kept.as_deref(), Some("greet"));
    assert_eq!(lesson.change, None);
    assert_eq!(lesson.went, Went::Good, "nothing held against the learner");
}

#[test]
fn an_answer_went_by_what_it_showed_and_broke() {
    let m = model();
    let s = scenario(0, FORK);
    let effect =
        |node: usize, choice: usize| ChoiceEffect::of(&s.nodes[node].choice_list()[choice], &m);
    assert_eq!(answer_went(&effect(0, 0)), Went::Good);
    assert_eq!(
        answer_went(&effect(1, 0)),
        Went::Mixed,
        "rushing raised the mood"
    );
    assert_eq!(answer_went(&effect(3, 1)), Went::Poor);
}

fn bundled_voice(lang: &str, style: Style) -> (&'static StyleTexts, Option<LearnerStyle>) {
    let lib = bundled();
    (
        lib.styles_for(lang).unwrap(),
        Some(LearnerStyle::Pure(style)),
    )
}

#[test]
fn closings_are_chosen_by_how_it_went_and_never_console_a_good_one() {
    let m = model();
    let s = scenario(0, FORK);
    for lang in ["en", "fi"] {
        for style in Style::ALL {
            let (texts, learner) = bundled_voice(lang, style);
            let framing = texts.framing(learner);
            let voice = Voice::new(texts, learner);
            let closing = |parts: &[FeedbackPart]| {
                parts
                    .iter()
                    .find(|p| p.kind == PartKind::Framed(Part::Closing))
                    .map(|p| p.text.clone())
            };
            // Runs: perfect, mixed, poor.
            for (path, went) in [
                (&[0, 1, 0, 0][..], Went::Good),
                (&[0, 1, 0, 1][..], Went::Mixed),
                (&[1, 0, 0][..], Went::Poor),
            ] {
                let run = played(0, FORK, path);
                let d = Debrief::of(&run);
                assert_eq!(d.lesson.went, went, "{path:?}");
                let words = voice.debrief(&d, &m, None, Style::D);
                assert_eq!(
                    closing(&words.summary),
                    framing.debrief_closing(went).map(str::to_owned),
                    "{lang} {style:?} {went:?}"
                );
                assert!(
                    closing(&words.summary).is_some(),
                    "{lang} {style:?}: every style closes its debrief"
                );
            }
            let good = framing.debrief_closing(Went::Good);
            assert_ne!(
                good,
                framing.debrief_closing(Went::Poor),
                "{lang} {style:?}"
            );
            // Answers.
            for (node, choice, went) in
                [(0, 0, Went::Good), (1, 0, Went::Mixed), (3, 1, Went::Poor)]
            {
                let c = &s.nodes[node].choice_list()[choice];
                let parts = voice.after_choice(
                    c.feedback.as_deref(),
                    &ChoiceEffect::of(c, &m),
                    &m,
                    &c.style_tips,
                );
                let expected = framing
                    .after_choice
                    .contains(&Part::Closing)
                    .then(|| framing.choice_closing(went).unwrap().to_owned());
                assert_eq!(closing(&parts), expected, "{lang} {style:?} {went:?}");
            }
            if let Some(old) = &framing.closing {
                assert_ne!(
                    framing.choice_closing(Went::Good),
                    Some(old.as_str()),
                    "{lang} {style:?}: the consoling line is not said after a good answer"
                );
            }
        }
    }
}

#[test]
fn a_framing_without_closings_by_result_falls_back_to_its_closing() {
    let (texts, learner) = bundled_voice("en", Style::S);
    let mut framing = texts.framing(learner).clone();
    framing.choice_closings.clear();
    framing.debrief_closings.remove(&Went::Poor);
    let old = framing.closing.clone();
    assert_eq!(framing.choice_closing(Went::Good).map(str::to_owned), old);
    assert_eq!(framing.debrief_closing(Went::Poor).map(str::to_owned), old);
    assert_ne!(framing.debrief_closing(Went::Good).map(str::to_owned), old);
    framing.closing = None;
    assert_eq!(framing.debrief_closing(Went::Poor), None);
}
