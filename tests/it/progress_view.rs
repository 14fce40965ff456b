//! Aggregates for the progress view.

use crate::support::records::run_on;
use kohtaa::content::Style;
use kohtaa::practice::StepResult::{Broken, Missed, NotInPlay, Shown};
use kohtaa::practice::progress::progress;

#[test]
fn per_step_results_pitfalls_and_fit_come_in_run_order() {
    let mut second = run_on(
        2,
        "b",
        Style::S,
        &[("greet", Shown), ("listen", Broken), ("close", Missed)],
    );
    second.measurement.pitfalls = vec!["interrupt".into(), "abrupt-end".into()];
    let mut first = run_on(1, "a", Style::D, &[("greet", Missed), ("listen", Shown)]);
    first.measurement.pitfalls = vec!["abrupt-end".into()];
    let mut third = run_on(3, "a", Style::D, &[("greet", Shown), ("listen", Shown)]);
    third.measurement.pitfalls = vec!["no-intro".into(), "abrupt-end".into()];

    // Given out of order: the view is oldest first.
    let p = progress(&[second, third, first]);

    let runs: Vec<&str> = p.runs.iter().map(|r| r.scenario.as_str()).collect();
    assert_eq!(runs, vec!["a", "b", "a"]);
    assert_eq!(p.fit, vec![Some(50), Some(33), Some(100)]);

    let steps: Vec<&str> = p.steps.iter().map(|s| s.step.as_str()).collect();
    assert_eq!(steps, vec!["greet", "listen", "close"]);
    let greet = &p.steps[0];
    assert_eq!(greet.results, vec![Missed, Shown, Shown]);
    assert_eq!((greet.shown, greet.broken, greet.missed), (2, 0, 1));
    let close = &p.steps[2];
    assert_eq!(close.results, vec![NotInPlay, Missed, NotInPlay]);
    assert_eq!(close.in_play(), 1);

    assert_eq!(
        p.pitfalls,
        vec![
            ("abrupt-end".to_owned(), 3),
            ("interrupt".to_owned(), 1),
            ("no-intro".to_owned(), 1)
        ]
    );
}

#[test]
fn no_runs_no_progress() {
    let p = progress(&[]);
    assert!(p.steps.is_empty() && p.runs.is_empty() && p.fit.is_empty() && p.pitfalls.is_empty());
}
