//! The practice engine's rules, through its public interface: a run (mood, routes, undo,
//! restart, cycles, shuffled order) and what it measures (scenario-format.md, "What a run
//! measures").

use std::sync::Arc;

use kohtaa::content::parse::parse;
use kohtaa::content::{EncounterModel, Outcome, Scenario, Source};
use kohtaa::practice::{ChoiceEffect, OrderNote, Run, RunError, StepResult};
use kohtaa::store::library::{self, LoadOptions};

const MODEL: &str = r#"EncounterModel(
    id: "m", language: "en", name: "M",
    steps: [
        Step(id: "greet", name: "Greet", description: "d",
            pitfalls: [Pitfall(id: "ignore-first", name: "Ignore", description: "d")]),
        Step(id: "listen", name: "Listen", description: "d",
            pitfalls: [Pitfall(id: "interrupt", name: "Interrupt", description: "d")]),
        Step(id: "explain", name: "Explain", description: "d",
            pitfalls: [Pitfall(id: "jargon", name: "Jargon", description: "d")]),
        Step(id: "close", name: "Close", description: "d"),
        Step(id: "respect", name: "Respect", description: "d", thread: true,
            pitfalls: [Pitfall(id: "sarcasm", name: "Sarcasm", description: "d")]),
    ],
)"#;

fn model() -> Arc<EncounterModel> {
    Arc::new(parse(&Source::new("model.ron", MODEL)).expect("model parses"))
}

/// A scenario with the given customer mood and nodes (RON text of the `nodes` list).
fn scenario(mood: i64, nodes: &str) -> Arc<Scenario> {
    let text = format!(
        r#"Scenario(id: "s", language: "en", title: "T", summary: "S", learner_role: "R",
            model: "m", focus: ["listen"],
            customer: Customer(name: "C", style: D, mood: {mood}),
            start: "a", nodes: [{nodes}])"#
    );
    Arc::new(parse(&Source::new("s.ron", text)).expect("scenario parses"))
}

fn run(mood: i64, nodes: &str) -> Run {
    Run::new(scenario(mood, nodes), model(), 1).expect("run starts")
}

const END: &str = r#"Node(id: "end", say: "bye", ending: Ending(outcome: Resolved, summary: "ok")),
    Node(id: "bad", say: "no", ending: Ending(outcome: Escalated, summary: "bad")),"#;

#[test]
fn mood_starts_from_the_customer_and_is_clamped_to_the_scale() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "up", next: "a", mood: 5),
            Choice(say: "down", next: "a", mood: -5),
        ]), {END}"#
    );
    let mut r = run(4, &nodes);
    assert_eq!(r.mood(), 4);
    r.choose(0).unwrap();
    assert_eq!(r.mood(), 5, "4 + 5 stops at the top");
    r.choose(1).unwrap();
    assert_eq!(r.mood(), 0);
    r.choose(1).unwrap();
    r.choose(1).unwrap();
    assert_eq!(r.mood(), -5, "0 - 5 - 5 stops at the bottom");
    assert_eq!(r.mood_trajectory(), vec![4, 5, 0, -5, -5]);

    // A start mood outside the scale (which `check` rejects) is still clamped.
    let r = run(-9, &nodes);
    assert_eq!(r.mood(), -5);
    assert_eq!(r.measure().moods, vec![-5]);
}

#[test]
fn routes_are_tested_after_the_change_and_the_first_match_wins() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "c", next: "end", mood: 2, routes: [
                Route(min_mood: 1, next: "first"),
                Route(min_mood: 0, next: "second"),
            ]),
            Choice(say: "d", next: "end", mood: -1, routes: [
                Route(min_mood: 1, next: "first"),
                Route(max_mood: -1, next: "bad"),
            ]),
        ]),
        Node(id: "first", say: "1", ending: Ending(outcome: Partial, summary: "1")),
        Node(id: "second", say: "2", ending: Ending(outcome: Partial, summary: "2")),
        {END}"#
    );
    // -1 + 2 = 1: both routes match; the first wins.
    let mut r = run(-1, &nodes);
    assert_eq!(r.choose(0).unwrap().next, "first");
    // -2 + 2 = 0: only the second matches (bounds are inclusive).
    let mut r = run(-2, &nodes);
    assert_eq!(r.choose(0).unwrap().next, "second");
    // -3 + 2 = -1: no route matches: `next`.
    let mut r = run(-3, &nodes);
    assert_eq!(r.choose(0).unwrap().next, "end");
    // 0 - 1 = -1: the max_mood bound is inclusive too.
    let mut r = run(0, &nodes);
    assert_eq!(r.choose(1).unwrap().next, "bad");
    // At -5 the change is clamped first: -5 - 1 stays -5, which still routes on max_mood.
    let mut r = run(-5, &nodes);
    let taken = r.choose(1).unwrap().clone();
    assert_eq!((taken.mood_before, taken.mood_after), (-5, -5));
    assert_eq!(taken.next, "bad");
    assert_eq!(r.ending().unwrap().outcome, Outcome::Escalated);
}

#[test]
fn undo_takes_back_the_last_choice_and_only_that() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [Choice(say: "c", next: "b", mood: 2)]),
        Node(id: "b", say: "y", choices: [Choice(say: "d", next: "end", mood: -3)]),
        {END}"#
    );
    let mut r = run(0, &nodes);
    assert!(!r.undo(), "nothing to undo at the start");
    r.choose(0).unwrap();
    r.choose(0).unwrap();
    assert!(r.is_finished());
    assert_eq!(r.choose(0), Err(RunError::Finished));
    assert!(r.undo());
    assert_eq!(r.node().id, "b");
    assert_eq!(r.mood(), 2);
    assert_eq!(r.taken().len(), 1);
    assert!(r.undo());
    assert_eq!((r.node().id.as_str(), r.mood()), ("a", 0));
    assert!(r.taken().is_empty());
    assert_eq!(r.choose(5), Err(RunError::NoSuchChoice(5)));
    assert_eq!(r.node().id, "a", "a bad index changes nothing");
}

#[test]
fn restart_and_rewind_keep_the_seed_and_the_focus() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [Choice(say: "c", next: "b", mood: 1)]),
        Node(id: "b", say: "y", choices: [Choice(say: "d", next: "c", mood: 1)]),
        Node(id: "c", say: "z", choices: [Choice(say: "e", next: "end", mood: 1)]),
        {END}"#
    );
    let mut r = Run::new(scenario(0, &nodes), model(), 99).unwrap();
    assert_eq!(
        r.focus.as_deref(),
        Some("listen"),
        "the scenario's focus is preselected"
    );
    r.focus = Some("greet".into());
    for _ in 0..3 {
        r.choose(0).unwrap();
    }
    r.rewind_to(1);
    assert_eq!(
        (r.node().id.as_str(), r.mood(), r.taken().len()),
        ("b", 1, 1)
    );
    r.restart();
    assert_eq!((r.node().id.as_str(), r.mood()), ("a", 0));
    assert!(r.taken().is_empty());
    assert_eq!(r.seed(), 99);
    assert_eq!(r.focus.as_deref(), Some("greet"));
}

#[test]
fn cycles_can_be_walked_round_and_undone() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "again", next: "b", fits: ["listen"], mood: -1),
            Choice(say: "done", next: "end", fits: ["close"]),
            Choice(say: "other", next: "b"),
        ]),
        Node(id: "b", say: "y", choices: [Choice(say: "back", next: "a"), Choice(say: "c", next: "a")]),
        {END}"#
    );
    let mut r = run(0, &nodes);
    for _ in 0..4 {
        r.choose(0).unwrap();
        r.choose(0).unwrap();
    }
    assert_eq!(r.taken().len(), 8);
    assert_eq!(r.node().id, "a");
    assert_eq!(r.mood(), -4);
    let order_here = r.choice_order();
    r.choose(1).unwrap();
    assert!(r.is_finished());
    r.undo();
    assert_eq!(
        r.choice_order(),
        order_here,
        "undo shows the same order again"
    );
    r.choose(1).unwrap();
    let m = r.measure();
    assert_eq!(m.result_of("listen"), Some(StepResult::Shown));
    assert_eq!(m.result_of("close"), Some(StepResult::Shown));
    assert_eq!(m.moods.len(), 10);
    assert_eq!(m.outcome, Some(Outcome::Resolved));
}

/// greet: fitted by a choice not taken (missed); listen: fitted and taken (shown);
/// explain: fitted, then broken through its pitfall (broken); close: fitted by nothing
/// (not in play); respect: broken directly though no choice fits it (broken).
fn measured_nodes() -> String {
    format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "listen", next: "b", fits: ["listen"], mood: 1),
            Choice(say: "greet", next: "b", fits: ["greet"]),
        ]),
        Node(id: "b", say: "y", choices: [
            Choice(say: "explain", next: "c", fits: ["explain"], mood: 1),
        ]),
        Node(id: "c", say: "z", choices: [
            Choice(say: "jargon", next: "bad", pitfalls: ["jargon"], breaks: ["respect"], mood: -3),
            Choice(say: "fine", next: "end"),
        ]),
        {END}"#
    )
}

#[test]
fn each_step_is_shown_broken_missed_or_not_in_play() {
    let mut r = run(0, &measured_nodes());
    r.choose(0).unwrap();
    r.choose(0).unwrap();
    r.choose(0).unwrap();
    let m = r.measure();
    let results: Vec<(&str, StepResult)> = m
        .steps
        .iter()
        .map(|s| (s.step.as_str(), s.result))
        .collect();
    assert_eq!(
        results,
        vec![
            ("greet", StepResult::Missed),
            ("listen", StepResult::Shown),
            ("explain", StepResult::Broken),
            ("close", StepResult::NotInPlay),
            ("respect", StepResult::Broken),
        ]
    );
    assert!(m.steps.iter().find(|s| s.step == "respect").unwrap().thread);
    // shown 1 / (shown 1 + broken 2 + missed 1) = 25 %
    assert_eq!(m.fit, Some(25));
    assert_eq!(m.pitfalls, vec!["jargon".to_string()]);
    assert_eq!(m.moods, vec![0, 1, 2, -1]);
    assert_eq!(m.ending.as_deref(), Some("bad"));
    assert_eq!(m.outcome, Some(Outcome::Escalated));
}

#[test]
fn a_choice_that_fits_and_breaks_the_same_step_breaks_it() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "both", next: "end", fits: ["listen", "greet"], pitfalls: ["interrupt"]),
        ]), {END}"#
    );
    let mut r = run(0, &nodes);
    r.choose(0).unwrap();
    let effect = r.effect_of(&r.taken()[0]);
    assert_eq!(effect.shown, vec!["greet".to_string()]);
    assert_eq!(effect.broken, vec!["listen".to_string()]);
    let m = r.measure();
    assert_eq!(m.result_of("listen"), Some(StepResult::Broken));
    assert_eq!(m.result_of("greet"), Some(StepResult::Shown));
    assert_eq!(m.fit, Some(50));
}

#[test]
fn fit_is_a_rounded_whole_percent_and_absent_when_nothing_is_in_play() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "two", next: "end", fits: ["greet", "listen"]),
            Choice(say: "other", next: "end", fits: ["explain"]),
        ]), {END}"#
    );
    let mut r = run(0, &nodes);
    r.choose(0).unwrap();
    assert_eq!(r.measure().fit, Some(67), "2 of 3 rounds to 67");

    let nodes =
        format!(r#"Node(id: "a", say: "x", choices: [Choice(say: "c", next: "end")]), {END}"#);
    let mut r = run(0, &nodes);
    r.choose(0).unwrap();
    let m = r.measure();
    assert_eq!(m.fit, None);
    assert_eq!(m.count(StepResult::NotInPlay), 5);
}

#[test]
fn an_order_note_names_a_later_step_shown_before_an_earlier_one() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [Choice(say: "c", next: "b", fits: ["explain", "respect"])]),
        Node(id: "b", say: "y", choices: [Choice(say: "d", next: "c", fits: ["listen"])]),
        Node(id: "c", say: "z", choices: [Choice(say: "e", next: "end", fits: ["greet", "close"])]),
        {END}"#
    );
    let mut r = run(0, &nodes);
    for _ in 0..3 {
        r.choose(0).unwrap();
    }
    let notes = r.measure().order_notes;
    let note = |early: &str, late: &str| OrderNote {
        early: early.into(),
        late: late.into(),
    };
    // explain came before listen and greet; listen before greet. close came last, in order;
    // the thread `respect` has no place in the order. Steps shown by one choice are together.
    assert_eq!(
        notes,
        vec![
            note("listen", "greet"),
            note("explain", "greet"),
            note("explain", "listen")
        ]
    );

    let mut r = run(0, &nodes);
    r.choose(0).unwrap();
    assert!(
        r.measure().order_notes.is_empty(),
        "a step not yet shown raises no note"
    );
}

#[test]
fn pitfalls_are_listed_once_in_the_order_first_hit() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "c", next: "a", pitfalls: ["sarcasm", "interrupt"]),
            Choice(say: "d", next: "end", pitfalls: ["interrupt", "ignore-first"]),
        ]), {END}"#
    );
    let mut r = run(0, &nodes);
    r.choose(0).unwrap();
    r.choose(0).unwrap();
    r.choose(1).unwrap();
    let m = r.measure();
    assert_eq!(m.pitfalls, vec!["sarcasm", "interrupt", "ignore-first"]);
    for step in ["respect", "listen", "greet"] {
        assert_eq!(m.result_of(step), Some(StepResult::Broken), "{step}");
    }
}

#[test]
fn past_the_search_limit_the_turning_point_is_the_first_break_else_the_biggest_mood_loss() {
    use kohtaa::practice::turn::turning_point_within;
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "small loss", next: "a", mood: -1),
            Choice(say: "big loss", next: "a", mood: -3),
            Choice(say: "break", next: "a", breaks: ["close"]),
            Choice(say: "fine", next: "end", mood: 1),
        ]), {END}"#
    );
    // No choice fits a step, so no answer can close off a better fit: the search finds no
    // turning point however the run went.
    let fallback = |r: &Run| turning_point_within(r.scenario(), r.model(), r.taken(), 0);
    let mut r = run(3, &nodes);
    r.choose(3).unwrap();
    assert_eq!(fallback(&r), None, "nothing went wrong");
    assert_eq!(r.turning_point(), None);

    let mut r = run(3, &nodes);
    for i in [0, 1, 1, 0] {
        r.choose(i).unwrap();
    }
    let turn = fallback(&r).expect("a mood loss");
    assert_eq!(turn.at, 1, "the first of the biggest losses");
    assert_eq!(
        turn.better, None,
        "no better answer claimed without the search"
    );
    assert_eq!(
        r.turning_point(),
        None,
        "the search: no better fit was reachable"
    );

    let mut r = run(3, &nodes);
    for i in [1, 0, 2, 1] {
        r.choose(i).unwrap();
    }
    assert_eq!(
        fallback(&r).map(|t| t.at),
        Some(2),
        "a break outweighs any mood loss"
    );

    // At the bottom of the scale a -3 choice loses nothing; it is not a turning point.
    let mut r = run(-5, &nodes);
    r.choose(1).unwrap();
    assert_eq!(fallback(&r), None);
}

#[test]
fn choice_order_is_a_shuffle_reproducible_from_the_seed() {
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "1", next: "end"), Choice(say: "2", next: "end"),
            Choice(say: "3", next: "end"), Choice(say: "4", next: "end"),
        ]), {END}"#
    );
    let s = scenario(0, &nodes);
    let order = |seed| Run::new(s.clone(), model(), seed).unwrap().choice_order();
    for seed in 0..50 {
        let mut o = order(seed);
        assert_eq!(o, order(seed), "seed {seed} gives the same order again");
        o.sort();
        assert_eq!(o, vec![0, 1, 2, 3], "a permutation");
    }
    let firsts: std::collections::HashSet<usize> = (0..50).map(|seed| order(seed)[0]).collect();
    assert!(
        firsts.len() > 1,
        "the first choice in the file is not always shown first"
    );
    let distinct: std::collections::HashSet<Vec<usize>> = (0..50).map(order).collect();
    assert!(distinct.len() > 5, "seeds give different orders");

    // The engine records the seed; choosing by file index is independent of the order.
    let mut r = Run::new(s.clone(), model(), 1234).unwrap();
    assert_eq!(r.seed(), 1234);
    let shown_first = r.choice_order()[0];
    r.choose(shown_first).unwrap();
    assert_eq!(r.taken()[0].choice, shown_first);
}

#[test]
fn a_missing_node_is_an_error_not_a_panic() {
    let nodes = r#"Node(id: "a", say: "x", choices: [Choice(say: "c", next: "nowhere")])"#;
    let mut r = run(0, nodes);
    assert_eq!(r.choose(0), Err(RunError::NoSuchNode("nowhere".into())));
    assert!(r.taken().is_empty());

    let text = r#"Scenario(id: "s", language: "en", title: "T", summary: "S", learner_role: "R",
        customer: Customer(name: "C", style: D), start: "zz",
        nodes: [Node(id: "a", say: "x", ending: Ending(outcome: Resolved, summary: "s"))])"#;
    let s: Scenario = parse(&Source::new("s.ron", text)).unwrap();
    assert!(matches!(
        Run::new(Arc::new(s), model(), 0),
        Err(RunError::NoSuchNode(id)) if id == "zz"
    ));
}

/// A scenario file written only from the format page loads with the library and plays from
/// start to an ending, measured as the page defines.
#[test]
fn a_fixture_scenario_plays_from_start_to_debrief() {
    let lib = library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: vec![concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play").into()],
    });
    let loaded = lib.scenario("late-parcel", "en").expect("fixture loads");
    let model = lib
        .model_for(&loaded.value)
        .expect("its model loads")
        .clone();
    let mut r = Run::new(Arc::new(loaded.value.clone()), Arc::new(model), 5).unwrap();
    // greet + listen (+1 → -1), acknowledge (+2 → 1), explain (+1 → 2): resolved.
    for choice in [0, 0, 0] {
        r.choose(choice).unwrap();
    }
    let m = r.measure();
    assert_eq!(m.outcome, Some(Outcome::Resolved));
    assert_eq!(m.moods, vec![-2, -1, 1, 2]);
    assert_eq!(
        m.fit,
        Some(100),
        "greet, listen, acknowledge, explain shown"
    );
    assert_eq!(m.result_of("respect"), Some(StepResult::NotInPlay));
    assert!(m.order_notes.is_empty());
    assert_eq!(r.turning_point(), None);

    // The bad way: interrupt (−3 → −5) walks out at once through its route.
    r.restart();
    assert_eq!(r.choose(1).unwrap().next, "walkout");
    let m = r.measure();
    assert_eq!(m.outcome, Some(Outcome::Unresolved));
    assert_eq!(m.result_of("listen"), Some(StepResult::Broken));
    assert_eq!(r.turning_point(), Some(0));
}

#[test]
fn a_taken_choice_reports_the_mood_change_as_it_happened() {
    // Starting at −4, a choice of −3 can only take the mood to −5: its effect in the run says
    // −1, as the meter shows, while the choice itself still says −3.
    let nodes = format!(
        r#"Node(id: "a", say: "x", choices: [
            Choice(say: "harsh", next: "end", breaks: ["listen"], mood: -3),
        ]), {END}"#
    );
    let mut r = run(-4, &nodes);
    r.choose(0).unwrap();
    let taken = &r.taken()[0];
    assert_eq!((taken.mood_before, taken.mood_after), (-4, -5));
    assert_eq!(r.effect_of(taken).mood_delta, -1);
    let choice = r.choice_of(taken).unwrap();
    assert_eq!(ChoiceEffect::of(choice, r.model()).mood_delta, -3);
}
