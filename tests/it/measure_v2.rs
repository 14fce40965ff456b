//! Measurement rules, version 2 (scenario-format.md, "What a run measures"), checked on every
//! path of scenarios written from the format page alone: each run's step results, fit, order
//! notes, mood trajectory and ending must equal a second, independent reading of the rules
//! written here from the page, not from the engine.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use kohtaa::content::parse::parse;
use kohtaa::content::{Choice, EncounterModel, Outcome, Scenario, Source};
use kohtaa::practice::measure::MEASUREMENT_VERSION;
use kohtaa::practice::{Measurement, Run, StepResult};

const MODEL: &str = r#"EncounterModel(
    id: "m", language: "en", name: "M",
    steps: [
        Step(id: "greet", name: "Greet", description: "d",
            pitfalls: [Pitfall(id: "ignore-first", name: "Ignore", description: "d")]),
        Step(id: "listen", name: "Listen", description: "d",
            pitfalls: [Pitfall(id: "interrupt", name: "Interrupt", description: "d")]),
        Step(id: "acknowledge", name: "Acknowledge", description: "d",
            pitfalls: [Pitfall(id: "minimise", name: "Minimise", description: "d")]),
        Step(id: "explain", name: "Explain", description: "d",
            pitfalls: [Pitfall(id: "jargon", name: "Jargon", description: "d")]),
        Step(id: "agree", name: "Agree", description: "d",
            pitfalls: [Pitfall(id: "overpromise", name: "Overpromise", description: "d")]),
        Step(id: "close", name: "Close", description: "d"),
        Step(id: "respect", name: "Respect", description: "d", thread: true,
            pitfalls: [Pitfall(id: "sarcasm", name: "Sarcasm", description: "d")]),
        Step(id: "boundary", name: "Boundary", description: "d", thread: true),
    ],
)"#;

/// A counter conversation: an early bad ending two answers in, a branch that alone offers
/// `close`, a mood route, a step shown and later broken, a loop, and a step (`boundary`)
/// that no choice fits.
const COUNTER: &str = r#"Scenario(id: "counter", language: "en", title: "T", summary: "S",
    learner_role: "R", model: "m",
    customer: Customer(name: "C", style: S, mood: -2),
    start: "a",
    nodes: [
        Node(id: "a", say: "I got this letter.", choices: [
            Choice(say: "Hello, let me see.", next: "b", fits: ["greet"], mood: 1),
            Choice(say: "Number, please.", next: "b2", pitfalls: ["ignore-first"], mood: -1),
            Choice(say: "So what is it you want explained?", next: "b", fits: ["explain", "listen"], mood: 2),
        ]),
        Node(id: "b", say: "It says no.", choices: [
            Choice(say: "Tell me more.", next: "c", fits: ["listen"], mood: 1,
                routes: [Route(min_mood: 1, next: "c-warm")]),
            Choice(say: "That must be a worry.", next: "c", fits: ["acknowledge"]),
            Choice(say: "It is only a letter.", next: "c", pitfalls: ["minimise"], fits: ["listen"], mood: -1),
        ]),
        Node(id: "b2", say: "Fine, here.", choices: [
            Choice(say: "Not our department.", next: "gone", breaks: ["agree"], mood: -3),
            Choice(say: "Sorry, I was rude. Hello.", next: "c", fits: ["greet", "acknowledge"], mood: 2),
        ]),
        Node(id: "c", say: "What now?", choices: [
            Choice(say: "Here is what it means.", next: "d", fits: ["explain"]),
            Choice(say: "Section 12 says...", next: "c", pitfalls: ["jargon"], mood: -1),
            Choice(say: "Let me first check I heard you.", next: "c2", fits: ["listen", "acknowledge"], mood: 1),
        ]),
        Node(id: "c2", say: "Yes, that is it.", choices: [
            Choice(say: "Here is what it means.", next: "d", fits: ["explain"]),
            Choice(say: "Section 12 says...", next: "d", pitfalls: ["jargon"], mood: -1),
        ]),
        Node(id: "c-warm", say: "Thank you for listening.", choices: [
            Choice(say: "I'll sort it all out today, promise.", next: "d", fits: ["agree"], pitfalls: ["overpromise"], mood: 3),
            Choice(say: "Here is what it means, and who decides.", next: "d", fits: ["explain", "agree", "respect"], mood: 1),
        ]),
        Node(id: "d", say: "And then?", choices: [
            Choice(say: "I will call them with you now. Anything else?", next: "done", fits: ["agree", "close"], mood: 1),
            Choice(say: "Whatever.", next: "gone", breaks: ["respect"], pitfalls: ["sarcasm"], mood: -4),
            Choice(say: "They will be in touch.", next: "half"),
            Choice(say: "Well, these things happen.", next: "half", pitfalls: ["minimise"]),
        ]),
        Node(id: "done", say: "Thank you.", ending: Ending(outcome: Resolved, summary: "ok")),
        Node(id: "half", say: "Hm.", ending: Ending(outcome: Partial, summary: "half")),
        Node(id: "gone", say: "Bye.", ending: Ending(outcome: Escalated, summary: "bad")),
    ],
)"#;

fn model() -> Arc<EncounterModel> {
    Arc::new(parse(&Source::new("model.ron", MODEL)).expect("model parses"))
}

fn scenario(text: &str) -> Arc<Scenario> {
    Arc::new(parse(&Source::new("s.ron", text)).expect("scenario parses"))
}

/// The rules as the format page states them, read a second time.
struct Reading {
    steps: Vec<(String, StepResult)>,
    fit: Option<u32>,
    notes: BTreeSet<(String, String)>,
    moods: Vec<i32>,
    ending: Option<(String, Outcome)>,
}

fn read_rules(s: &Scenario, m: &EncounterModel, path: &[(String, usize)]) -> Reading {
    let node = |id: &str| s.nodes.iter().find(|n| n.id == id).unwrap();
    let chosen: Vec<&Choice> = path
        .iter()
        .map(|(n, c)| &node(n).choice_list()[*c])
        .collect();
    let step_of_pitfall = |p: &str| {
        m.steps
            .iter()
            .find(|st| st.pitfalls.iter().any(|pf| pf.id == p))
            .map(|st| st.id.clone())
    };
    let lists = |c: &Choice, step: &str| c.fits.iter().any(|f| f == step);
    let breaks = |c: &Choice, step: &str| {
        c.breaks.iter().any(|b| b == step)
            || c.pitfalls
                .iter()
                .any(|p| step_of_pitfall(p).as_deref() == Some(step))
    };
    let offered = |step: &str| {
        path.iter()
            .any(|(n, _)| node(n).choice_list().iter().any(|c| lists(c, step)))
    };
    let anywhere = |step: &str| {
        s.nodes
            .iter()
            .any(|n| n.choice_list().iter().any(|c| lists(c, step)))
    };
    let mut steps = Vec::new();
    for st in &m.steps {
        let id = st.id.as_str();
        let result = if chosen.iter().any(|c| breaks(c, id)) {
            StepResult::Broken
        } else if chosen.iter().any(|c| lists(c, id)) {
            StepResult::Shown
        } else if offered(id) {
            StepResult::Missed
        } else if anywhere(id) {
            StepResult::NotReached
        } else {
            StepResult::NotInPlay
        };
        steps.push((st.id.clone(), result));
    }
    let count = |r: StepResult| steps.iter().filter(|(_, x)| *x == r).count() as f64;
    let scored = count(StepResult::Shown) + count(StepResult::Broken) + count(StepResult::Missed);
    let fit = (scored > 0.0).then(|| (100.0 * count(StepResult::Shown) / scored).round() as u32);

    let first = |step: &str| chosen.iter().position(|c| lists(c, step));
    let ordered: Vec<&str> = m
        .steps
        .iter()
        .filter(|st| !st.thread)
        .map(|st| st.id.as_str())
        .collect();
    let mut notes = BTreeSet::new();
    for (bi, b) in ordered.iter().enumerate() {
        for a in &ordered[bi + 1..] {
            if let (Some(fa), Some(fb)) = (first(a), first(b))
                && fa < fb
            {
                notes.insert((a.to_string(), b.to_string()));
            }
        }
    }

    let mut mood = s.customer.mood as i32;
    let mut moods = vec![mood];
    let mut at = s.start.clone();
    for c in &chosen {
        mood = (mood + c.mood as i32).clamp(-5, 5);
        moods.push(mood);
        at = c
            .routes
            .iter()
            .find(|r| {
                r.min_mood.is_none_or(|lo| i64::from(mood) >= lo)
                    && r.max_mood.is_none_or(|hi| i64::from(mood) <= hi)
            })
            .map_or(c.next.clone(), |r| r.next.clone());
    }
    let ending = node(&at).ending.as_ref().map(|e| (at.clone(), e.outcome));
    Reading {
        steps,
        fit,
        notes,
        moods,
        ending,
    }
}

fn assert_agrees(s: &Scenario, m: &EncounterModel, path: &[(String, usize)], got: &Measurement) {
    let want = read_rules(s, m, path);
    let got_steps: Vec<(String, StepResult)> = got
        .steps
        .iter()
        .map(|o| (o.step.clone(), o.result))
        .collect();
    assert_eq!(got_steps, want.steps, "steps on {path:?}");
    assert_eq!(got.fit, want.fit, "fit on {path:?}");
    let got_notes: BTreeSet<(String, String)> = got
        .order_notes
        .iter()
        .map(|n| (n.early.clone(), n.late.clone()))
        .collect();
    assert_eq!(got_notes, want.notes, "order notes on {path:?}");
    assert_eq!(got.order_notes.len(), want.notes.len(), "no note twice");
    assert_eq!(got.moods, want.moods, "moods on {path:?}");
    assert_eq!(
        got.ending.clone().zip(got.outcome),
        want.ending,
        "ending on {path:?}"
    );
    assert_eq!(got.version, MEASUREMENT_VERSION);
}

/// Walks every path of up to `depth` answers, checking each prefix (an abandoned run) and
/// each ending. Returns how many runs were checked.
fn walk(run: &mut Run, depth: usize, seen_endings: &mut HashSet<String>) -> usize {
    let path: Vec<(String, usize)> = run
        .taken()
        .iter()
        .map(|t| (t.node.clone(), t.choice))
        .collect();
    assert_agrees(run.scenario(), run.model(), &path, &run.measure());
    if run.is_finished() {
        seen_endings.insert(run.node().id.clone());
        return 1;
    }
    if depth == 0 {
        return 1;
    }
    let mut checked = 1;
    for i in 0..run.node().choice_list().len() {
        run.choose(i).expect("choice exists");
        checked += walk(run, depth - 1, seen_endings);
        run.undo();
    }
    checked
}

#[test]
fn every_path_of_a_held_out_scenario_measures_as_the_rules_read() {
    let mut run = Run::new(scenario(COUNTER), model(), 1).unwrap();
    let mut endings = HashSet::new();
    let checked = walk(&mut run, 7, &mut endings);
    assert!(checked > 100, "the walk covers many runs ({checked})");
    assert_eq!(endings.len(), 3, "every ending reached: {endings:?}");
}

fn play(text: &str, choices: &[usize]) -> Measurement {
    let mut run = Run::new(scenario(text), model(), 1).unwrap();
    for &c in choices {
        run.choose(c).unwrap();
    }
    run.measure()
}

#[test]
fn a_run_that_ends_after_two_bad_answers_misses_only_what_it_was_offered() {
    // Number, please → Not our department: the path offered greet, acknowledge (at b2) and
    // the steps of a's choices; listen there too. Everything else was never offered.
    let m = play(COUNTER, &[1, 0]);
    assert_eq!(m.outcome, Some(Outcome::Escalated));
    assert_eq!(m.result_of("greet"), Some(StepResult::Broken));
    assert_eq!(m.result_of("agree"), Some(StepResult::Broken));
    assert_eq!(m.result_of("listen"), Some(StepResult::Missed));
    assert_eq!(m.result_of("explain"), Some(StepResult::Missed));
    assert_eq!(m.result_of("acknowledge"), Some(StepResult::Missed));
    assert_eq!(m.result_of("close"), Some(StepResult::NotReached));
    assert_eq!(m.result_of("respect"), Some(StepResult::NotReached));
    assert_eq!(m.result_of("boundary"), Some(StepResult::NotInPlay));
    // 0 shown of 2 broken + 3 missed.
    assert_eq!(m.fit, Some(0));
}

#[test]
fn the_ideal_path_scores_full_fit_with_no_order_notes() {
    // Hello → Tell me more (−2 + 1 + 1 = 0: no route) → check back → explain → call them now.
    let m = play(COUNTER, &[0, 0, 2, 0, 0]);
    assert_eq!(m.ending.as_deref(), Some("done"));
    assert_eq!(m.fit, Some(100), "{m:?}");
    assert!(m.order_notes.is_empty(), "{:?}", m.order_notes);
    assert_eq!(m.result_of("respect"), Some(StepResult::NotReached));
}

#[test]
fn a_step_shown_and_later_broken_still_has_its_moment_in_the_order() {
    // explain and listen at the first answer, acknowledge at the second, then "these things
    // happen" breaks acknowledge at the end: explain still came before acknowledge's moment.
    let m = play(COUNTER, &[2, 1, 0, 3]);
    assert_eq!(m.result_of("acknowledge"), Some(StepResult::Broken));
    let notes: Vec<(&str, &str)> = m
        .order_notes
        .iter()
        .map(|n| (n.early.as_str(), n.late.as_str()))
        .collect();
    assert_eq!(notes, vec![("explain", "acknowledge")]);
}
