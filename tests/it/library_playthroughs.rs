//! Plays every playthrough of every bundled tests file with the engine and checks what it
//! measures against the file's expectations, so the tests files are verified before `kohtaa
//! test` exists, and stay verified after.

use std::sync::Arc;

use kohtaa::content::tests_file::{Playthrough, ScenarioTests};
use kohtaa::content::{Library, Outcome};
use kohtaa::practice::measure::StepResult;
use kohtaa::practice::run::Run;

use crate::support::bundled;

/// The language folder a bundled file lies in (`bundled:fi/x.tests.ron` → `fi`).
fn language_of(name: &str) -> &str {
    let path = name.strip_prefix("bundled:").unwrap_or(name);
    path.split('/').next().unwrap_or("")
}

/// Plays one playthrough; every way it falls short of its expectations, as text.
fn play(library: &Library, lang: &str, tests: &ScenarioTests, p: &Playthrough) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(scenario) = library.scenario(&tests.scenario, lang) else {
        return vec![format!("no scenario `{}` in {lang}", tests.scenario)];
    };
    let model = library
        .model_for(&scenario.value)
        .expect("the bundled model loads")
        .clone();
    let mut run = Run::new(Arc::new(scenario.value.clone()), Arc::new(model), 0).expect("start");
    for (at, (node, number)) in p.path.iter().enumerate() {
        if run.node().id != *node {
            problems.push(format!(
                "step {}: the path names `{node}` but the run is at `{}`",
                at + 1,
                run.node().id
            ));
            return problems;
        }
        let index = usize::try_from(*number - 1).unwrap_or(usize::MAX);
        if let Err(e) = run.choose(index) {
            problems.push(format!("step {} at `{node}`: choice {number}: {e}", at + 1));
            return problems;
        }
    }
    let m = run.measure();
    let e = &p.expect;
    if !run.is_finished() {
        problems.push(format!(
            "the path stops at `{}`, not an ending",
            run.node().id
        ));
    }
    if let Some(ending) = &e.ending
        && m.ending.as_ref() != Some(ending)
    {
        problems.push(format!(
            "ending: expected `{ending}`, reached {:?}",
            m.ending
        ));
    }
    if e.outcome.is_some() && m.outcome != e.outcome {
        problems.push(format!(
            "outcome: expected {:?}, got {:?}",
            e.outcome, m.outcome
        ));
    }
    let fit = m.fit.map(i64::from);
    if let Some(min) = e.fit_at_least
        && fit.is_none_or(|f| f < min)
    {
        problems.push(format!("fit: expected at least {min}, got {fit:?}"));
    }
    if let Some(max) = e.fit_at_most
        && fit.is_none_or(|f| f > max)
    {
        problems.push(format!("fit: expected at most {max}, got {fit:?}"));
    }
    for step in &e.shown {
        if m.result_of(step) != Some(StepResult::Shown) {
            problems.push(format!(
                "`{step}` expected shown, is {:?}",
                m.result_of(step)
            ));
        }
    }
    for step in &e.broken {
        if m.result_of(step) != Some(StepResult::Broken) {
            problems.push(format!(
                "`{step}` expected broken, is {:?}",
                m.result_of(step)
            ));
        }
    }
    let mood = i64::from(m.final_mood());
    if e.mood_at_least.is_some_and(|min| mood < min) || e.mood_at_most.is_some_and(|max| mood > max)
    {
        problems.push(format!(
            "final mood {mood} outside {:?}..={:?} (moods {:?})",
            e.mood_at_least, e.mood_at_most, m.moods
        ));
    }
    match p.name.as_str() {
        "best" if m.outcome != Some(Outcome::Resolved) => {
            problems.push(format!(
                "the best playthrough ends {:?}, not Resolved",
                m.outcome
            ));
        }
        "worst" if m.outcome == Some(Outcome::Resolved) => {
            problems.push("the worst playthrough reaches a Resolved ending".to_owned());
        }
        _ => {}
    }
    problems
}

#[test]
fn every_bundled_playthrough_measures_what_its_tests_file_expects() {
    let library = bundled();
    assert!(!library.tests.is_empty(), "no bundled tests files");
    let mut failures = Vec::new();
    let mut played = 0;
    for tests in &library.tests {
        let lang = language_of(&tests.source.name);
        for p in &tests.value.tests {
            played += 1;
            for problem in play(library, lang, &tests.value, p) {
                failures.push(format!("{} `{}`: {problem}", tests.source.name, p.name));
            }
        }
    }
    assert!(played >= 3 * library.tests.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_bundled_scenario_has_a_best_a_worst_and_two_recovery_playthroughs_in_each_language() {
    let library = bundled();
    let mut missing = Vec::new();
    for scenario in &library.scenarios {
        let s = &scenario.value;
        let tests = library
            .tests
            .iter()
            .find(|t| t.value.scenario == s.id && language_of(&t.source.name) == s.language);
        let Some(tests) = tests else {
            missing.push(format!("{} ({}): no tests file", s.id, s.language));
            continue;
        };
        for name in ["best", "worst"] {
            if !tests.value.tests.iter().any(|p| p.name == name) {
                missing.push(format!(
                    "{} ({}): no `{name}` playthrough",
                    s.id, s.language
                ));
            }
        }
        // Repair is what real work asks: two playthroughs recover from a mistake.
        let recoveries = tests
            .value
            .tests
            .iter()
            .filter(|p| p.name.starts_with("recovery"))
            .count();
        if recoveries < 2 {
            missing.push(format!(
                "{} ({}): {recoveries} `recovery…` playthroughs, not two",
                s.id, s.language
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn a_playthrough_that_names_the_wrong_node_is_caught() {
    // The harness above must be able to fail: a path through the wrong node is reported.
    let library = bundled();
    let tests = &library.tests[0];
    let lang = language_of(&tests.source.name);
    let mut p = tests.value.tests[0].clone();
    p.path[0].0 = "no-such-node".to_owned();
    assert!(!play(library, lang, &tests.value, &p).is_empty());
    let mut p = tests.value.tests[0].clone();
    p.expect.fit_at_least = Some(101);
    assert!(!play(library, lang, &tests.value, &p).is_empty());
}
