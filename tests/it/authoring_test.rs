//! `kohtaa test`: playthroughs that pass, and one failing in each way.

use std::path::PathBuf;
use std::sync::Arc;

use assert_cmd::Command;
use kohtaa::authoring::playtest;
use kohtaa::content::Source;
use kohtaa::content::parse::parse;
use kohtaa::content::tests_file::ScenarioTests;
use kohtaa::store::draft;

use insta::assert_snapshot;

use crate::support;
use crate::support::cli::transcript;

fn fixtures() -> PathBuf {
    support::fixture("authoring/playtests")
}

fn run_file(name: &str) -> Vec<playtest::Outcome> {
    let d = draft::load(&fixtures().join("linear.ron"), &[]).unwrap();
    let text = std::fs::read_to_string(fixtures().join(name)).unwrap();
    let tests: ScenarioTests = parse(&Source::new(name, text)).unwrap();
    tests
        .tests
        .iter()
        .map(|t| playtest::play(&Arc::clone(&d.scenario), &d.model, t))
        .collect()
}

#[test]
fn passing_playthroughs_pass() {
    let outcomes = run_file("linear.tests.ron");
    assert_eq!(outcomes.len(), 3);
    for o in &outcomes {
        assert!(o.passed(), "{}: {:?}", o.name, o.failures);
    }
    assert_eq!(outcomes[0].path_text(), "first 1 → second 1 → good");
}

#[test]
fn each_expectation_fails_when_it_should() {
    let outcomes = run_file("linear-failing.tests.ron");
    let failure = |name: &str| {
        let o = outcomes.iter().find(|o| o.name == name).unwrap();
        assert_eq!(o.failures.len(), 1, "{name}: {:?}", o.failures);
        (o.failures[0].clone(), o.path_text())
    };
    assert_eq!(
        failure("wrong ending"),
        (
            "ending: expected `good`, reached `bad`".into(),
            "first 1 → second 2 → bad".into()
        )
    );
    assert_eq!(
        failure("wrong outcome").0,
        "outcome: expected Resolved, got Unresolved"
    );
    assert_eq!(
        failure("fit too low").0,
        "fit: expected at least 60 %, got 50 %"
    );
    assert_eq!(
        failure("fit too high").0,
        "fit: expected at most 90 %, got 100 %"
    );
    assert_eq!(
        failure("step not shown").0,
        "step `acknowledge`: expected shown, was broken"
    );
    assert_eq!(
        failure("step not broken").0,
        "step `explain`: expected broken, was shown"
    );
    assert_eq!(
        failure("mood too low").0,
        "final mood: expected at least 0, got −1"
    );
    assert_eq!(
        failure("mood too high").0,
        "final mood: expected at most +1, got +2"
    );
    assert_eq!(
        failure("node not reached"),
        (
            "step 2: the path names node `second`, but the run is at `cold`".into(),
            "first 2 → cold".into()
        )
    );
    assert_eq!(
        failure("no such choice").0,
        "step 1: node `first` has no choice 3 (it has 2)"
    );
    assert!(failure("no ending reached").0.contains("before any ending"));
    assert!(
        failure("past the ending")
            .0
            .contains("already ended at `good`")
    );
}

fn kohtaa() -> (Command, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    (support::cli::kohtaa(data.path()), data)
}

#[test]
fn the_command_passes_and_fails_with_the_right_exit_code() {
    let (mut cmd, _data) = kohtaa();
    let out = transcript(
        cmd.arg("test").arg(fixtures().join("linear.tests.ron")),
        &[],
    );
    assert_snapshot!("passing", out);
    let (mut cmd, _data) = kohtaa();
    let out = transcript(
        cmd.arg("test")
            .arg(fixtures().join("linear-failing.tests.ron")),
        &[],
    );
    assert_snapshot!("failing", out);
}

#[test]
fn a_scenario_file_runs_the_tests_beside_it() {
    let (mut cmd, _data) = kohtaa();
    let out = transcript(cmd.arg("test").arg(fixtures().join("linear.ron")), &[]);
    assert_snapshot!("beside_the_scenario", out);
}

#[test]
fn the_bundled_library_tests_pass() {
    let (mut cmd, _data) = kohtaa();
    cmd.arg("test").assert().success();
}

#[test]
fn a_scenario_without_tests_is_told_how_to_add_them() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("lonely.ron");
    std::fs::copy(fixtures().join("linear.ron"), &scenario).unwrap();
    let (mut cmd, _data) = kohtaa();
    let out = transcript(cmd.arg("test").arg(&scenario), &[(dir.path(), "[DIR]")]);
    assert_snapshot!("no_tests", out);
}
