//! "Practise next": the weakest due step, a different scenario, a different customer style.

use crate::support::records::{day, run_on};
use kohtaa::content::{Choice, Customer, Ending, Node, Outcome, Scenario, Style};
use kohtaa::practice::StepResult::{Broken, Missed, Shown};
use kohtaa::practice::recommend::{Reason, Trains, recommend};
use kohtaa::practice::record::RunRecord;

/// A scenario whose `focus` is `focus` and whose one choice fits `fits`.
fn scenario(id: &str, language: &str, style: Style, focus: &[&str], fits: &[&str]) -> Scenario {
    Scenario {
        id: id.into(),
        language: language.into(),
        title: id.into(),
        summary: "s".into(),
        learner_role: "r".into(),
        tags: vec![],
        settings: vec![],
        difficulty: 1,
        model: "default".into(),
        focus: focus.iter().map(|s| (*s).into()).collect(),
        customer: Customer {
            name: "C".into(),
            style,
            mood: 0,
            about: None,
            mood_words: Default::default(),
        },
        start: "a".into(),
        nodes: vec![
            Node {
                id: "a".into(),
                narration: Some("n".into()),
                say: None,
                facilitator: None,
                choices: Some(vec![Choice {
                    say: "x".into(),
                    next: "end".into(),
                    fits: fits.iter().map(|s| (*s).into()).collect(),
                    breaks: vec![],
                    pitfalls: vec![],
                    mood: 0,
                    feedback: None,
                    style_tips: Default::default(),
                    routes: vec![],
                }]),
                ending: None,
            },
            Node {
                id: "end".into(),
                narration: Some("n".into()),
                say: None,
                facilitator: None,
                choices: None,
                ending: Some(Ending {
                    outcome: Outcome::Resolved,
                    summary: "e".into(),
                }),
            },
        ],
    }
}

fn ids(scenarios: &[Scenario]) -> Vec<&Scenario> {
    scenarios.iter().collect()
}

#[test]
fn the_weakest_due_step_is_trained_by_a_different_scenario_with_another_style() {
    let library = vec![
        scenario("played", "en", Style::D, &["listen"], &["listen"]),
        scenario("same-style", "en", Style::D, &["listen"], &["listen"]),
        scenario("other-style", "en", Style::S, &["listen"], &["listen"]),
        scenario("greet-only", "en", Style::C, &["greet"], &["greet"]),
    ];
    // listen went wrong twice, greet once: listen is weaker.
    let history = vec![
        run_on(
            0,
            "played",
            Style::D,
            &[("greet", Missed), ("listen", Broken)],
        ),
        run_on(
            1,
            "played",
            Style::D,
            &[("greet", Shown), ("listen", Missed)],
        ),
    ];
    let r = recommend(&history, &ids(&library), "en", day(2), 1).unwrap();
    assert_eq!(r.step.as_deref(), Some("listen"));
    assert_eq!(r.scenario, "other-style");
    assert_eq!(r.trains, Some(Trains::Focus));
    assert_eq!(r.style_differs_from_last, Some(true));
    assert_eq!(
        r.reason,
        Reason::Due {
            last_result: Missed,
            broken: 1,
            missed: 1,
            interval_days: 1,
            days_overdue: 0,
        }
    );
}

#[test]
fn a_step_not_yet_due_is_not_recommended() {
    let library = vec![
        scenario("played", "en", Style::D, &["listen"], &["listen"]),
        scenario("other", "en", Style::S, &["listen"], &["listen"]),
    ];
    let history = vec![run_on(0, "played", Style::D, &[("listen", Missed)])];
    // Same day: listen comes back tomorrow.
    let r = recommend(&history, &ids(&library), "en", day(0), 1).unwrap();
    assert_eq!(
        r.reason,
        Reason::NothingDue {
            next_due: Some(("listen".into(), day(1).date()))
        }
    );
    // The one not played is still the better pick.
    assert_eq!(r.scenario, "other");
    // Tomorrow it is due.
    let r = recommend(&history, &ids(&library), "en", day(1), 1).unwrap();
    assert!(matches!(r.reason, Reason::Due { .. }));
}

#[test]
fn a_scenario_where_a_choice_fits_the_step_counts_when_none_has_it_as_focus() {
    let library = vec![
        scenario("played", "en", Style::D, &["greet"], &["greet"]),
        scenario("by-choice", "en", Style::S, &["close"], &["listen"]),
        scenario("unrelated", "en", Style::S, &["close"], &["close"]),
    ];
    let history = vec![run_on(0, "played", Style::D, &[("listen", Missed)])];
    let r = recommend(&history, &ids(&library), "en", day(1), 3).unwrap();
    assert_eq!(r.scenario, "by-choice");
    assert_eq!(r.trains, Some(Trains::Choice));
}

#[test]
fn only_scenarios_in_the_current_language_are_recommended() {
    let library = vec![
        scenario("suomeksi", "fi", Style::S, &["listen"], &["listen"]),
        scenario("in-english", "en", Style::D, &["listen"], &["listen"]),
    ];
    let history = vec![run_on(0, "x", Style::D, &[("listen", Missed)])];
    let r = recommend(&history, &ids(&library), "fi", day(1), 0).unwrap();
    assert_eq!(r.scenario, "suomeksi");
    assert!(recommend(&history, &ids(&library), "sv", day(1), 0).is_none());
}

#[test]
fn a_recently_played_scenario_gives_way_even_to_the_same_style() {
    let library = vec![
        scenario("yesterday", "en", Style::S, &["listen"], &["listen"]),
        scenario("long-ago", "en", Style::D, &["listen"], &["listen"]),
    ];
    let history: Vec<RunRecord> = vec![
        run_on(0, "long-ago", Style::D, &[("listen", Shown)]),
        run_on(30, "yesterday", Style::S, &[("listen", Missed)]),
        run_on(30, "other", Style::D, &[("greet", Shown)]),
    ];
    let r = recommend(&history, &ids(&library), "en", day(31), 0).unwrap();
    assert_eq!(r.scenario, "long-ago");
    assert_eq!(r.last_played, Some(day(0)));
}

#[test]
fn ties_are_broken_by_the_seed_and_the_same_seed_gives_the_same_answer() {
    let library: Vec<Scenario> = (0..6)
        .map(|i| scenario(&format!("s{i}"), "en", Style::S, &["listen"], &["listen"]))
        .collect();
    let history = vec![run_on(0, "played", Style::D, &[("listen", Missed)])];
    let pick = |seed| {
        recommend(&history, &ids(&library), "en", day(1), seed)
            .unwrap()
            .scenario
    };
    assert_eq!(pick(5), pick(5));
    let picks: std::collections::BTreeSet<String> = (0..40).map(pick).collect();
    assert!(
        picks.len() > 1,
        "different seeds pick different tied scenarios"
    );
}

#[test]
fn a_first_run_starts_with_the_easiest_scenario() {
    let mut hard = scenario("hard", "en", Style::D, &["listen"], &["listen"]);
    hard.difficulty = 3;
    let easy = scenario("easy", "en", Style::C, &["greet"], &["greet"]);
    let library = vec![hard, easy];
    let r = recommend(&[], &ids(&library), "en", day(0), 9).unwrap();
    assert_eq!(r.scenario, "easy");
    assert_eq!(r.step.as_deref(), Some("greet"));
    assert_eq!(r.reason, Reason::FirstRun);
    assert_eq!(r.style_differs_from_last, None);
}
