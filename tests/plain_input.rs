//! Plain mode with input that ends early or is not an answer: a clear message, never a panic
//! or an endless loop.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn swim() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plain_fixtures/en/swim-pass.ron")
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn kohtaa(args: &[&str], input: impl Into<Vec<u8>>) -> Output {
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::cargo_bin("kohtaa")
        .expect("binary")
        .env("KOHTAA_DATA_DIR", data.path())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .write_stdin(input.into())
        .output()
        .expect("run");
    Output {
        code: out.status.code().expect("exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("utf-8"),
        stderr: String::from_utf8(out.stderr).expect("utf-8"),
    }
}

#[test]
fn input_that_ends_mid_run_stops_with_a_message_and_exit_1() {
    let file = swim();
    // Any first answer leads to `story`; then input ends.
    let out = kohtaa(
        &["play", "--plain", "--seed", "3", file.to_str().unwrap()],
        "1\n",
    );
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr.trim(),
        "error: input ended before the scenario did; stopping at node story"
    );
    assert!(!out.stdout.contains("Debrief"));
}

#[test]
fn empty_input_stops_at_the_start_node() {
    let out = kohtaa(&["play", "--plain", swim().to_str().unwrap()], "");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("stopping at node desk"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_invalid_answer_is_explained_and_asked_again() {
    let file = swim();
    let out = kohtaa(
        &["play", "--plain", "--seed", "3", file.to_str().unwrap()],
        "seven\n0\n",
    );
    assert_eq!(out.code, 1, "input still ends early");
    assert!(
        out.stdout
            .contains("“seven” is not a choice: type a number from 1 to 3."),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("“0” is not a choice"), "{}", out.stdout);
    // After two bad answers the same question is asked a third time, then input ends.
    assert_eq!(out.stdout.matches("Your answer (1–3").count(), 3);
    assert!(
        out.stderr.contains("stopping at node desk"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_valid_answer_after_an_invalid_one_goes_on() {
    let file = swim();
    let out = kohtaa(
        &["play", "--plain", "--seed", "3", file.to_str().unwrap()],
        "x\n1\n",
    );
    assert!(out.stdout.contains("Decision 2"), "{}", out.stdout);
    assert!(out.stderr.contains("stopping at node story"));
}

#[test]
fn a_pipe_of_garbage_gives_up_instead_of_looping() {
    let garbage: Vec<u8> = b"nope\n\xff\xfe\n\n99\n"
        .iter()
        .copied()
        .cycle()
        .take(40_000)
        .collect();
    let out = kohtaa(&["play", "--plain", swim().to_str().unwrap()], garbage);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr.trim(),
        "error: 3 answers in a row were not choices; stopping at node desk"
    );
}

#[test]
fn take_back_and_quit_work_from_a_pipe() {
    let file = swim();
    let out = kohtaa(
        &["play", "--plain", "--seed", "3", file.to_str().unwrap()],
        "1\nu\nu\nq\n",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Took back your last choice."));
    assert!(out.stdout.contains("There is no choice to take back."));
    assert!(out.stdout.contains("Stopped at node desk"));
}

#[test]
fn an_unknown_id_lists_the_available_ones() {
    let out = kohtaa(&["play", "--plain", "doctor-tody"], "");
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no scenario with the id `doctor-tody`"));
    assert!(out.stderr.contains("did you mean `doctor-today`?"));
    assert!(
        out.stderr
            .contains("available: decision-letter, doctor-today"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_draft_with_errors_is_reported_as_diagnostics_and_not_played() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.ron");
    let text = std::fs::read_to_string(swim()).unwrap().replace(
        "next: \"offer\",\n                    fits: [\"listen\"",
        "nxet: \"offer\",\n                    fits: [\"listen\"",
    );
    assert!(text.contains("nxet"));
    std::fs::write(&draft, text).unwrap();
    let out = kohtaa(&["play", "--plain", draft.to_str().unwrap()], "1\n");
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("draft.ron:"), "{}", out.stderr);
    assert!(
        out.stderr.contains("unknown field `nxet`"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn a_scenario_picked_by_number_when_no_id_is_given() {
    let out = kohtaa(&["play", "--plain", "--lang", "en"], "1\nq\n");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Scenario 1 of 2: "), "{}", out.stdout);
    assert!(out.stdout.contains("Decision 1"));
}
