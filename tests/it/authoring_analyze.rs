//! `analyze` on scenarios built to have each property, and its absence.

use std::sync::Arc;

use kohtaa::authoring::analyze::{Analysis, PathCount, Witness, analyze};
use kohtaa::content::Code;
use kohtaa::content::generate;
use kohtaa::practice::Run;
use kohtaa::store::draft::{self, Draft};

use crate::support;

fn fixture(name: &str) -> Draft {
    let path = support::fixture("authoring").join(name);
    draft::load(&path, &[]).expect("fixture loads")
}

fn analysed(name: &str) -> (Draft, Analysis) {
    let d = fixture(name);
    let a = analyze(&d.scenario, &d.model, 1_000_000);
    (d, a)
}

/// Plays a witness path with the engine: it must be a real path, ending where it says.
fn replay(d: &Draft, w: &Witness) -> Run {
    let mut run = Run::new(Arc::clone(&d.scenario), Arc::clone(&d.model), 0).unwrap();
    for step in &w.path {
        assert_eq!(run.node().id, step.node, "witness names the node reached");
        run.choose(step.choice - 1).unwrap();
    }
    assert_eq!(run.node().id, w.end);
    run
}

fn ids(items: &[kohtaa::authoring::analyze::EndingInfo]) -> Vec<&str> {
    items.iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn a_simple_scenario_has_no_findings_but_its_surface_clues() {
    let (d, a) = analysed("linear.ron");
    assert_eq!(ids(&a.endings_reachable), ["good", "bad"]);
    assert!(a.endings_unreachable.is_empty());
    assert!(a.unreached_nodes.is_empty());
    assert!(a.stuck_nodes.is_empty());
    assert!(a.traps.is_empty());
    assert_eq!(
        a.paths,
        PathCount::Finite {
            count: 3,
            saturated: false
        }
    );
    let fit = a.fit.as_ref().unwrap();
    assert!(fit.proven);
    assert_eq!((fit.best.value, fit.worst.value), (100, 50));
    assert_eq!(replay(&d, &fit.best.path).measure().fit, Some(100));
    assert_eq!(replay(&d, &fit.worst.path).measure().fit, Some(50));
    let mood = a.mood.as_ref().unwrap();
    assert_eq!((mood.best.value, mood.worst.value), (2, -1));
    assert_eq!(replay(&d, &mood.worst.path).mood(), -1);
    let l = &a.lints;
    assert!(l.focus_broken.is_empty() && l.focus_break_proven);
    assert!(l.mistake_raises_mood.is_empty());
    assert!(l.good_lowers_mood.is_empty());
    // Small as it is, the mood gives the answer away and a bad start cannot be repaired.
    assert_eq!(l.warnings, [Code::MoodAnswerKey, Code::NoRecovery]);
    assert!(l.notes.is_empty());
    assert!(l.focus_not_fitted.is_empty());
    assert!(l.broken_without_feedback.is_empty());
    let longest = l.longest_choice.as_ref().unwrap();
    assert_eq!(longest.gameable, Some(false));
    assert_eq!(longest.fit, Some(50));
    assert_eq!(longest.path.end, "bad");
}

#[test]
fn counts_and_reading_time() {
    let (_, a) = analysed("linear.ron");
    let s = &a.stats;
    assert_eq!((s.nodes, s.choices, s.endings, s.routes), (5, 5, 2, 0));
    assert_eq!(s.words_per_minute, 200);
    assert_eq!(s.reading_minutes, s.words.div_ceil(200));
    assert!(s.run_words_min.unwrap() <= s.run_words_max.unwrap());
    assert!(s.run_words_max.unwrap() < s.words);
}

#[test]
fn a_loop_with_an_exit_is_unbounded_but_no_trap() {
    let (d, a) = analysed("loop-exit.ron");
    match &a.paths {
        PathCount::Unbounded { cycle } => assert_eq!(cycle, &["ask", "again"]),
        other => panic!("expected unbounded, got {other:?}"),
    }
    assert!(a.traps.is_empty());
    assert!(a.stuck_nodes.is_empty());
    assert_eq!(a.stats.run_words_max, None);
    // The best fit needs a lap of the loop: clarify, then explain.
    let fit = a.fit.as_ref().unwrap();
    assert_eq!(fit.best.value, 100);
    assert_eq!(fit.best.path.path.len(), 3);
    assert_eq!(replay(&d, &fit.best.path).measure().fit, Some(100));
    assert_eq!(fit.worst.value, 50);
    // Always the longest text goes round for ever.
    assert!(!a.lints.longest_choice.as_ref().unwrap().ends);
}

#[test]
fn a_loop_with_no_way_out_is_a_trap() {
    let (d, a) = analysed("trap.ron");
    assert_eq!(a.traps.len(), 1);
    assert_eq!(a.traps[0].nodes, ["spin-a", "spin-b"]);
    let entered = replay(&d, &a.traps[0].entry);
    assert!(["spin-a", "spin-b"].contains(&entered.node().id.as_str()));
    assert_eq!(a.stuck_nodes, ["left", "spin-a", "spin-b"]);
    assert_eq!(ids(&a.endings_unreachable), ["lost"]);
    assert_eq!(a.unreached_nodes, ["lost"]);
    assert!(matches!(a.paths, PathCount::Unbounded { .. }));
}

#[test]
fn mood_routes_are_followed_exactly() {
    // The node graph loops, but the mood rises each lap and a route leaves at 2.
    let (d, a) = analysed("mood-route.ron");
    assert_eq!(ids(&a.endings_reachable), ["won-over", "left"]);
    assert_eq!(
        a.paths,
        PathCount::Finite {
            count: 4,
            saturated: false
        }
    );
    assert!(a.traps.is_empty());
    let mood = a.mood.as_ref().unwrap();
    assert_eq!(mood.best.value, 2);
    assert_eq!(mood.best.path.end, "won-over");
    assert_eq!(mood.best.path.path.len(), 3);
    assert_eq!(replay(&d, &mood.best.path).mood(), 2);
    assert_eq!(mood.worst.value, -2);
}

#[test]
fn every_pedagogy_lint_fires_where_built_in() {
    let (d, a) = analysed("lints.ron");
    let l = &a.lints;
    assert_eq!(l.focus_broken.len(), 1);
    let f = &l.focus_broken[0];
    assert_eq!(
        (f.code, f.ending.as_str(), f.step.as_str()),
        (Code::FocusBrokenResolved, "happy", "acknowledge")
    );
    let run = replay(&d, &f.path);
    assert_eq!(
        run.measure().result_of("acknowledge"),
        Some(kohtaa::practice::StepResult::Broken)
    );

    let at = |refs: &[kohtaa::authoring::analyze::ChoiceRef]| {
        refs.iter()
            .map(|c| (c.node.clone(), c.choice, c.steps.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        at(&l.mistake_raises_mood),
        [("open".to_owned(), 2, vec!["acknowledge".to_owned()])]
    );
    assert_eq!(
        at(&l.good_lowers_mood),
        [("middle".to_owned(), 1, vec!["explain".to_owned()])]
    );
    assert_eq!(
        at(&l.broken_without_feedback),
        [("open".to_owned(), 2, vec!["acknowledge".to_owned()])]
    );
    assert_eq!(l.focus_not_fitted, ["close"]);
    let longest = l.longest_choice.as_ref().unwrap();
    assert_eq!(longest.gameable, Some(true));
    assert_eq!(longest.fit, Some(100));
    assert_eq!(
        l.warnings,
        [
            Code::FocusNotFitted,
            Code::NoFeedback,
            Code::FocusBrokenResolved,
            Code::LongestWins
        ]
    );
    // A mistake that raises the mood is a legitimate trap: a note, never a warning.
    assert_eq!(l.notes, [Code::MistakeRaisesMood, Code::GoodLowersMood]);
}

#[test]
fn a_missing_model_leaves_no_fit_but_the_rest_stands() {
    let mut d = fixture("linear.ron");
    let mut scenario = (*d.scenario).clone();
    scenario.model = "nonexistent".into();
    d.scenario = Arc::new(scenario);
    d.model = Arc::new(kohtaa::content::EncounterModel {
        id: "nonexistent".into(),
        language: "en".into(),
        name: String::new(),
        steps: Vec::new(),
    });
    let a = analyze(&d.scenario, &d.model, 1000);
    assert!(a.fit.is_none());
    assert_eq!(a.endings_reachable.len(), 2);
}

#[test]
fn the_state_limit_is_kept_and_said() {
    let d = fixture("loop-exit.ron");
    let a = analyze(&d.scenario, &d.model, 2);
    assert!(!a.states.complete);
    assert!(a.states.full <= 2);
    assert!(a.fit.as_ref().is_none_or(|f| !f.proven));
    // What does not need the fit is still exact.
    assert!(matches!(a.paths, PathCount::Unbounded { .. }));
}

fn draft_of(text: String) -> Draft {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("generated.ron");
    std::fs::write(&path, text).unwrap();
    draft::load(&path, &[]).unwrap()
}

#[test]
fn a_large_generated_scenario_is_analysed_within_bounds() {
    let d = draft_of(generate::scenario(2000, 7));
    assert!(!d.has_errors(), "{:?}", d.diagnostics.first());
    assert_eq!(d.scenario.nodes.len(), 2000);
    let limit = 200_000;
    let a = analyze(&d.scenario, &d.model, limit);
    assert!(a.states.full <= limit);
    assert!(a.states.node_mood <= 2000 * 11);
    assert!(!a.endings_reachable.is_empty());
    let fit = a.fit.as_ref().expect("some run ends");
    // Whether proven or not, each reported fit is reached by its path.
    assert_eq!(
        replay(&d, &fit.best.path).measure().fit,
        Some(fit.best.value as u32)
    );
    assert_eq!(
        replay(&d, &fit.worst.path).measure().fit,
        Some(fit.worst.value as u32)
    );
    // About 60 words a node and 3 choices of 12 words, as the generator promises.
    let words = |t: &Option<String>| t.as_deref().map_or(0, |t| t.split_whitespace().count());
    for node in d.scenario.nodes.iter().filter(|n| n.ending.is_none()) {
        assert_eq!(words(&node.narration) + words(&node.say), 60);
        assert_eq!(node.choice_list().len(), 3);
        for c in node.choice_list() {
            assert_eq!(c.say.split_whitespace().count(), 12);
            assert_eq!(c.fits.len() + c.breaks.len(), 1);
            assert!(c.feedback.is_some());
        }
    }
}

#[test]
fn the_generator_is_deterministic() {
    assert_eq!(generate::scenario(50, 3), generate::scenario(50, 3));
    assert_ne!(generate::scenario(50, 3), generate::scenario(50, 4));
}

/// Every complete path of up to `depth` choices, measured by the engine.
fn brute_force(d: &Draft, depth: usize) -> Vec<u32> {
    fn walk(run: &mut Run, depth: usize, out: &mut Vec<u32>) {
        if run.is_finished() {
            out.extend(run.measure().fit);
            return;
        }
        if depth == 0 {
            return;
        }
        for i in 0..run.node().choice_list().len() {
            if run.choose(i).is_ok() {
                walk(run, depth - 1, out);
                run.undo();
            }
        }
    }
    let mut run = Run::new(Arc::clone(&d.scenario), Arc::clone(&d.model), 0).unwrap();
    let mut out = Vec::new();
    walk(&mut run, depth, &mut out);
    out
}

#[test]
fn best_and_worst_fit_agree_with_brute_force_on_small_scenarios() {
    for seed in 0..6 {
        let d = draft_of(generate::scenario(14, seed));
        let a = analyze(&d.scenario, &d.model, 1_000_000);
        let fit = a.fit.as_ref().unwrap();
        assert!(fit.proven);
        let fits = brute_force(&d, 9);
        let (max, min) = (fits.iter().max().unwrap(), fits.iter().min().unwrap());
        // No path found by brute force beats the proven best or undercuts the proven worst.
        assert!(fit.best.value >= i64::from(*max), "seed {seed}");
        assert!(fit.worst.value <= i64::from(*min), "seed {seed}");
        assert_eq!(
            replay(&d, &fit.best.path).measure().fit,
            Some(fit.best.value as u32)
        );
        assert_eq!(
            replay(&d, &fit.worst.path).measure().fit,
            Some(fit.worst.value as u32)
        );
    }
}
