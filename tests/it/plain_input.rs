//! Plain mode with input that ends early or is not an answer: a clear message, never a panic
//! or an endless loop.

use std::path::PathBuf;

use insta::assert_snapshot;

use crate::support::cli::{self, Output};
use crate::support::plain_fixtures as fixtures;

fn swim() -> PathBuf {
    fixtures().join("en/swim-pass.ron")
}

fn kohtaa(args: &[&str], input: impl Into<Vec<u8>>) -> Output {
    let data = tempfile::tempdir().expect("tempdir");
    cli::run(
        cli::kohtaa(data.path())
            .args(args)
            .write_stdin(input.into()),
    )
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
        "error: input ended before the scenario did; stopping at decision 2"
    );
    assert!(!out.stdout.contains("Debrief"));
}

#[test]
fn empty_input_stops_at_the_start_node() {
    let out = kohtaa(&["play", "--plain", swim().to_str().unwrap()], "");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("stopping at decision 1"),
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
    // After two bad answers the same question is asked a third time, then input ends.
    assert_snapshot!("invalid_answers", out.transcript(&[]));
}

#[test]
fn a_valid_answer_after_an_invalid_one_goes_on() {
    let file = swim();
    let out = kohtaa(
        &["play", "--plain", "--seed", "3", file.to_str().unwrap()],
        "x\n1\n",
    );
    assert_snapshot!("valid_after_invalid", out.transcript(&[]));
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
        "error: 3 answers in a row were not choices; stopping at decision 1"
    );
}

#[test]
fn take_back_and_quit_work_from_a_pipe() {
    let file = swim();
    let out = kohtaa(
        &["play", "--plain", "--seed", "3", file.to_str().unwrap()],
        "1\nu\nu\nq\n",
    );
    assert_snapshot!("take_back_and_quit", out.transcript(&[]));
}

#[test]
fn an_unknown_id_lists_the_available_ones() {
    let out = kohtaa(
        &[
            "play",
            "--plain",
            "--scenarios",
            fixtures().to_str().unwrap(),
            "swim-pas",
        ],
        "",
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no scenario with the id `swim-pas`"));
    assert!(out.stderr.contains("did you mean `swim-pass`?"));
    // The list holds the library's ids (the bundled ones too), sorted and each once.
    let available: Vec<&str> = out
        .stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("available: "))
        .unwrap_or_else(|| panic!("no list of ids in:\n{}", out.stderr))
        .split(", ")
        .collect();
    assert!(available.contains(&"swim-pass"), "{available:?}");
    assert!(available.contains(&"venepaikka"), "{available:?}");
    let mut sorted = available.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(available, sorted);
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
    assert_snapshot!(
        "draft_with_errors",
        out.transcript(&[(dir.path(), "[DIR]")])
    );
}

#[test]
fn a_scenario_picked_by_number_when_no_id_is_given() {
    let folder = fixtures();
    let args = [
        "play",
        "--plain",
        "--lang",
        "en",
        "--scenarios",
        folder.to_str().unwrap(),
    ];
    // First only the list: find the fixture's number in it (the bundled scenarios are listed
    // too, and change).
    let out = kohtaa(&args, "");
    let count: usize = out
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("Scenarios (")?.strip_suffix("):"))
        .unwrap_or_else(|| panic!("no heading in:\n{}", out.stdout))
        .parse()
        .unwrap();
    let lines: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("Scenario ") && l.contains(&format!(" of {count}: ")))
        .collect();
    assert_eq!(lines.len(), count, "{}", out.stdout);
    // Titles only: ids are for typing `kohtaa play ID` (`kohtaa list` shows them), not for
    // the learner's list.
    assert!(
        lines.iter().all(|l| !l.contains("(swim-pass)")),
        "no ids in the learner's list: {lines:#?}"
    );
    let n = lines
        .iter()
        .position(|l| l.ends_with(": The swim pass that ran out"))
        .unwrap_or_else(|| panic!("the fixture is not listed: {lines:#?}"))
        + 1;
    assert!(lines[n - 1].starts_with(&format!("Scenario {n} of {count}: ")));

    // No profile yet: the first q answers the first start's style question ("not now").
    let out = kohtaa(&args, format!("{n}\nq\nq\n"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Decision 1"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("Oh come on, my card says no! I still have three swims on it!"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Stopped at decision 1"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_draft_with_warnings_shows_them_and_plays() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.ron");
    let text = std::fs::read_to_string(swim()).unwrap().replace(
        "                    feedback: \"A number before a hello.\",\n",
        "",
    );
    assert!(!text.contains("A number before a hello."));
    std::fs::write(&draft, text).unwrap();
    let out = kohtaa(&["play", "--plain", draft.to_str().unwrap()], "q\n");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("[K0608]"), "{}", out.stderr);
    // A draft in one language is normal while writing it: only `check` says so.
    assert!(!out.stderr.contains("K0605"), "{}", out.stderr);
    assert!(out.stdout.contains("Decision 1"), "{}", out.stdout);
}

/// Ids are for those who type them (`kohtaa play ID`, `kohtaa present ID`): `kohtaa list`
/// shows each with its language and title, the interface language first. The learner's
/// numbered list in plain mode shows titles only, in both languages.
#[test]
fn ids_are_listed_for_those_who_type_them_and_not_in_the_learners_list() {
    let folder = fixtures();
    let folder = folder.to_str().unwrap();
    let out = kohtaa(&["list", "--lang", "fi", "--scenarios", folder], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<Vec<&str>> = out
        .stdout
        .lines()
        .map(|l| {
            let (id, rest) = l.split_once(' ').unwrap_or_else(|| panic!("{l}"));
            let (lang, title) = rest.trim_start().split_once("  ").unwrap();
            vec![id, lang, title]
        })
        .collect();
    assert!(
        rows.iter()
            .any(|r| r[..] == ["venepaikka", "fi", "Venepaikka meni toiselle"]),
        "{}",
        out.stdout
    );
    assert!(
        rows.iter()
            .any(|r| r[..] == ["swim-pass", "en", "The swim pass that ran out"]),
        "{}",
        out.stdout
    );
    let first_other = rows.iter().position(|r| r[1] != "fi").unwrap();
    assert!(
        rows[first_other..].iter().all(|r| r[1] != "fi"),
        "the interface language first:\n{}",
        out.stdout
    );
    let ids: Vec<&str> = rows.iter().map(|r| r[0]).collect();

    for (lang, line) in [("en", "Scenario "), ("fi", "Harjoitus ")] {
        let out = kohtaa(
            &["play", "--plain", "--lang", lang, "--scenarios", folder],
            "",
        );
        let listed: Vec<&str> = out.stdout.lines().filter(|l| l.starts_with(line)).collect();
        assert!(!listed.is_empty(), "{}", out.stdout);
        for id in &ids {
            assert!(
                !out.stdout.contains(&format!("({id})")),
                "{lang}: the id {id} is shown:\n{}",
                out.stdout
            );
        }
    }

    // An id from the list starts that scenario.
    let out = kohtaa(
        &[
            "play",
            "--plain",
            "--lang",
            "en",
            "--scenarios",
            folder,
            "swim-pass",
        ],
        "q\nq\n",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Decision 1"), "{}", out.stdout);
}
