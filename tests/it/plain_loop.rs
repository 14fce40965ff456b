//! Plain mode's whole practice loop through the real binary with piped answers, in English and
//! Finnish: the style offer and the self-check on the first start, the reflection and
//! usefulness saved into the run's record, the last plan shown before the next run, "Practise
//! next" and the progress summary above the list, `--no-save`, and input that ends in the
//! middle of each question.

use std::path::Path;

use insta::assert_snapshot;
use serde_json::Value;

use crate::support::cli::{self, Output};
use crate::support::plain_fixtures as fixtures;

/// `kohtaa ARGS --scenarios <plain fixtures>` with `input` on stdin and `data` as the data dir.
fn kohtaa(data: &Path, args: &[&str], input: &str) -> Output {
    cli::run(
        cli::kohtaa(data)
            .args(args)
            .arg("--scenarios")
            .arg(fixtures())
            .write_stdin(input.to_owned()),
    )
}

/// The fixture in each language, and answers that finish it with seed 3 (swim-pass: two good
/// choices; venepaikka: one choice that ends it).
struct Case {
    lang: &'static str,
    id: &'static str,
    finish: &'static str,
}

const EN: Case = Case {
    lang: "en",
    id: "swim-pass",
    finish: "1\n1\n",
};
const FI: Case = Case {
    lang: "fi",
    id: "venepaikka",
    finish: "1\n",
};

fn play(data: &Path, case: &Case, extra: &[&str], input: &str) -> Output {
    let mut args = vec![
        "play", "--plain", case.id, "--lang", case.lang, "--seed", "3",
    ];
    args.extend_from_slice(extra);
    kohtaa(data, &args, input)
}

fn profile(data: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(data.join("profile.json")).ok()?;
    Some(serde_json::from_str(&text).expect("profile JSON"))
}

/// A profile with no style: the first start's question has been answered.
fn answered_profile(data: &Path) {
    std::fs::write(
        data.join("profile.json"),
        "{\"version\": 1, \"style\": null}\n",
    )
    .unwrap();
}

fn runs(data: &Path) -> Vec<Value> {
    let Ok(entries) = std::fs::read_dir(data.join("runs")) else {
        return Vec::new();
    };
    let mut runs: Vec<Value> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    runs.sort_by_key(|r| r["started"].as_str().unwrap_or_default().to_owned());
    runs
}

fn has_line(text: &str, line: &str) -> bool {
    text.lines().any(|l| l == line)
}

#[test]
fn a_style_chosen_by_number_is_saved_and_asked_only_once() {
    for case in [EN, FI] {
        let data = tempfile::tempdir().unwrap();
        let paths = [(data.path(), "[DATA]")];
        // 2 of 14 is D; then the run, quit at once: the offer (with the trademark note), then
        // the run.
        let out = play(data.path(), &case, &[], "2\nq\n");
        assert_snapshot!(format!("style_offer_{}", case.lang), out.transcript(&paths));
        let saved = profile(data.path()).expect("profile saved");
        assert_eq!(saved["style"], "D", "{saved}");
        assert!(saved["self_check"].is_null());

        // Asked once: the next run goes straight in.
        let out = play(data.path(), &case, &[], "q\n");
        assert_snapshot!(
            format!("style_offer_once_{}", case.lang),
            out.transcript(&paths)
        );
    }
}

#[test]
fn skipping_saves_not_set_and_q_saves_nothing() {
    let data = tempfile::tempdir().unwrap();
    let out = play(data.path(), &EN, &[], "14\nq\n");
    assert_snapshot!("style_skipped_en", out.transcript(&[]));
    let saved = profile(data.path()).expect("not set is saved, so it is not asked again");
    assert!(saved["style"].is_null());

    let data = tempfile::tempdir().unwrap();
    let out = play(data.path(), &EN, &[], "q\nq\n");
    assert_snapshot!("style_left_en", out.transcript(&[]));
    assert!(profile(data.path()).is_none());
}

/// Twelve answers that suggest D (fast and task-focused), the last one skipped.
const D_ANSWERS: &str = "5\n1\n5\n1\n5\n1\n5\n1\n5\n1\n5\n\n";

#[test]
fn the_self_check_with_piped_answers_saves_its_result_and_answers() {
    for case in [EN, FI] {
        let data = tempfile::tempdir().unwrap();
        // 1: the self-check; twelve answers; 1: use the result; then quit the run.
        let input = format!("1\n{D_ANSWERS}1\nq\n");
        let out = play(data.path(), &case, &[], &input);
        assert_snapshot!(
            format!("self_check_{}", case.lang),
            out.transcript(&[(data.path(), "[DATA]")])
        );
        let text = out.stdout.to_lowercase();
        assert!(!text.contains("disc test") && !text.contains("assessment result"));
        let saved = profile(data.path()).expect("profile saved");
        assert_eq!(saved["style"], "D", "{saved}");
        let check = &saved["self_check"];
        assert_eq!(check["suggested"], "D");
        assert_eq!(check["language"], case.lang);
        let answers = check["answers"].as_array().unwrap();
        assert_eq!(answers.len(), 12);
        assert_eq!(answers[0], 5);
        assert!(answers[11].is_null(), "an empty line skips: {check}");
    }
}

#[test]
fn picking_a_style_by_hand_after_the_self_check_keeps_the_answers() {
    let data = tempfile::tempdir().unwrap();
    // Self-check, then 2: pick myself, then 4 of 13 (S) from the list.
    let input = format!("1\n{D_ANSWERS}2\n4\nq\n");
    let out = play(data.path(), &EN, &[], &input);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let saved = profile(data.path()).unwrap();
    assert_eq!(saved["style"], "S", "{saved}");
    assert_eq!(saved["self_check"]["suggested"], "D");
}

#[test]
fn the_reflection_and_usefulness_are_saved_into_the_run_record() {
    for case in [EN, FI] {
        let data = tempfile::tempdir().unwrap();
        answered_profile(data.path());
        let input = format!("{}It went fast\n\nLet her finish first\n4\n", case.finish);
        let out = play(data.path(), &case, &[], &input);
        assert_snapshot!(
            format!("whole_run_{}", case.lang),
            out.transcript(&[(data.path(), "[DATA]")])
        );
        let runs = runs(data.path());
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert_eq!(run["status"], "finished");
        assert_eq!(run["reflection"]["what_happened"], "It went fast");
        assert!(run["reflection"]["what_worked"].is_null(), "{run}");
        assert_eq!(run["reflection"]["next_time"], "Let her finish first");
        assert_eq!(run["usefulness"], 4);

        // The plan is read before the next run, above its first decision.
        let out = play(data.path(), &case, &[], "q\n");
        assert_snapshot!(
            format!("last_plan_{}", case.lang),
            out.transcript(&[(data.path(), "[DATA]")])
        );
    }
}

#[test]
fn the_list_starts_with_practise_next_and_a_progress_summary() {
    for case in [EN, FI] {
        let data = tempfile::tempdir().unwrap();
        answered_profile(data.path());
        // A fresh learner: a first scenario, and no runs yet.
        let out = kohtaa(
            data.path(),
            &["play", "--plain", "--lang", case.lang, "--seed", "5"],
            "",
        );
        let lines: Vec<&str> = out.stdout.lines().collect();
        let (lead, first, none) = if case.lang == "en" {
            (
                "Practise next: ",
                "a good first scenario",
                "Your progress: no runs yet; it shows here after your first run.",
            )
        } else {
            (
                "Harjoittele seuraavaksi: ",
                "hyvä ensimmäinen harjoitus",
                "Edistymisesi: ei vielä harjoituksia; se näkyy tässä ensimmäisen harjoituksen jälkeen.",
            )
        };
        assert!(lines[0].starts_with(lead), "{}", out.stdout);
        assert!(lines[0].contains(first), "{}", out.stdout);
        assert_eq!(lines[1], none);
        // The line names the scenario by its number in the list.
        let n: usize = lines[0]
            .rsplit(if case.lang == "en" {
                "(number "
            } else {
                "(numero "
            })
            .next()
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no number: {}", lines[0]));
        let title = lines[0][lead.len()..].split(" – ").next().unwrap();
        let listed = lines
            .iter()
            .find(|l| {
                l.starts_with(&format!("Scenario {n} of "))
                    || l.starts_with(&format!("Harjoitus {n}/"))
            })
            .unwrap_or_else(|| panic!("{}", out.stdout));
        assert!(listed.contains(title), "{listed} / {title}");

        // One finished run, then one left after a choice.
        play(data.path(), &case, &[], &format!("{}\n\n\n\n", case.finish));
        play(data.path(), &case, &[], "2\nq\n");
        let out = kohtaa(
            data.path(),
            &["play", "--plain", "--lang", case.lang, "--seed", "5"],
            "",
        );
        let lines: Vec<&str> = out.stdout.lines().collect();
        assert!(lines[0].starts_with(lead), "{}", out.stdout);
        let runs_line = if case.lang == "en" {
            "Your progress: 2 runs so far (1 finished, 1 left unfinished)."
        } else {
            "Edistymisesi: tähän mennessä 2 harjoitusta (1 loppuun asti, 1 kesken)."
        };
        assert_eq!(lines[1], runs_line, "{}", out.stdout);
        let last = if case.lang == "en" {
            "Last run: "
        } else {
            "Viimeisin harjoitus: "
        };
        assert!(lines[3].starts_with(last), "{}", out.stdout);
        assert_eq!(lines[4], "");
    }
}

#[test]
fn the_summary_names_the_step_most_often_missed_and_never_counts_an_abandoned_runs_misses() {
    let data = tempfile::tempdir().unwrap();
    answered_profile(data.path());
    // Left after one good answer: the steps it never reached are not held against the learner.
    play(data.path(), &EN, &[], "1\nq\n");
    let list = || {
        kohtaa(
            data.path(),
            &["play", "--plain", "--lang", "en", "--seed", "5"],
            "",
        )
        .stdout
    };
    let out = list();
    assert!(
        has_line(
            &out,
            "Your progress: 1 run so far (0 finished, 1 left unfinished)."
        ),
        "{out}"
    );
    assert!(
        has_line(&out, "No step has been missed or broken so far."),
        "{out}"
    );

    // A finished run that missed "Explain clearly".
    play(data.path(), &EN, &[], "1\n1\n\n\n\n\n");
    let out = list();
    assert!(
        has_line(
            &out,
            "Most often missed or broken: Explain clearly, in 1 of the 1 runs that gave it a chance."
        ),
        "{out}"
    );
    assert!(
        out.contains("Last run: 75 % model fit (The swim pass that ran out, "),
        "{out}"
    );
}

#[test]
fn no_save_asks_no_style_question_and_writes_nothing() {
    for case in [EN, FI] {
        let data = tempfile::tempdir().unwrap();
        let input = format!("{}It went fast\nListening\nSlow down\n5\n", case.finish);
        let out = play(data.path(), &case, &["--no-save"], &input);
        // No style question, and the note that nothing was saved.
        assert_snapshot!(
            format!("no_save_{}", case.lang),
            out.transcript(&[(data.path(), "[DATA]")])
        );
        let left: Vec<_> = std::fs::read_dir(data.path()).unwrap().collect();
        assert!(left.is_empty(), "--no-save wrote {left:?}");
    }
}

#[test]
fn input_that_ends_during_the_style_question_or_self_check_saves_nothing() {
    for input in [
        // At the list.
        String::new(),
        // In the middle of the statements.
        "1\n5\n1\n".to_owned(),
        // At the self-check's result.
        format!("1\n{D_ANSWERS}"),
        // At the list of styles after "pick myself".
        format!("1\n{D_ANSWERS}2\n"),
    ] {
        for case in [EN, FI] {
            let data = tempfile::tempdir().unwrap();
            let out = play(data.path(), &case, &[], &input);
            assert_eq!(out.code, 1, "{input:?}: {}", out.stderr);
            let said = if case.lang == "en" {
                "error: input ended before the scenario did; stopping at decision 1"
            } else {
                "virhe: syöte loppui ennen kuin harjoitus päättyi; lopetetaan päätöksessä 1"
            };
            assert_eq!(out.stderr.trim(), said, "{input:?}");
            assert!(profile(data.path()).is_none(), "{input:?}");
            assert!(runs(data.path()).is_empty());
        }
    }
}

#[test]
fn input_that_ends_during_the_reflection_keeps_the_run_and_what_was_given() {
    for case in [EN, FI] {
        // Right after the debrief: the run is kept, with no reflection.
        let data = tempfile::tempdir().unwrap();
        answered_profile(data.path());
        let out = play(data.path(), &case, &[], case.finish);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let runs_ = runs(data.path());
        assert_eq!(runs_.len(), 1);
        assert!(runs_[0]["reflection"]["what_happened"].is_null());
        assert!(runs_[0]["usefulness"].is_null());

        // After the first answer.
        let data = tempfile::tempdir().unwrap();
        answered_profile(data.path());
        let input = format!("{}She was upset\n", case.finish);
        let out = play(data.path(), &case, &[], &input);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let run = &runs(data.path())[0];
        assert_eq!(run["reflection"]["what_happened"], "She was upset");
        assert!(run["reflection"]["next_time"].is_null());
        assert!(run["usefulness"].is_null());

        // At the usefulness question.
        let data = tempfile::tempdir().unwrap();
        answered_profile(data.path());
        let input = format!("{}a\nb\nc\n", case.finish);
        let out = play(data.path(), &case, &[], &input);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let run = &runs(data.path())[0];
        assert_eq!(run["reflection"]["next_time"], "c");
        assert!(run["usefulness"].is_null());

        // An answer out of range is asked again; an empty line skips.
        let data = tempfile::tempdir().unwrap();
        answered_profile(data.path());
        let input = format!("{}\n\n\n9\n\n", case.finish);
        let out = play(data.path(), &case, &[], &input);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            out.stdout.contains("“9”") || out.stdout.contains("”9”"),
            "{}",
            out.stdout
        );
        let run = &runs(data.path())[0];
        assert!(run["usefulness"].is_null());
    }
}
