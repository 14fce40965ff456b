//! Every command speaks the interface language: Finnish with `--lang fi` or a Finnish locale,
//! English otherwise. Machine formats (JSON, CSV, DOT syntax) stay the same in both.
//!
//! Where the whole output is stable it is a snapshot (tests/it/snapshots/it__cli_finnish__*),
//! in both languages: a line left in the other language fails it. The data folder is written
//! `[DATA]`, other temporary folders `[DIR]`, the package root `[ROOT]`.

use std::path::Path;

use insta::assert_snapshot;

use crate::support::cli::{kohtaa, run, transcript};
use crate::support::records::run_on;
use crate::support::{self, root};
use kohtaa::content::Style;
use kohtaa::practice::StepResult;
use kohtaa::practice::record::{FocusRecord, RunStatus};
use kohtaa::store::history::Store;

/// The transcripts of `args` with `--lang fi`, then with `--lang en`.
fn both(data: &Path, args: &[&str]) -> (String, String) {
    let paths = [(data, "[DATA]")];
    (
        transcript(kohtaa(data).args(["--lang", "fi"]).args(args), &paths),
        transcript(kohtaa(data).args(["--lang", "en"]).args(args), &paths),
    )
}

/// Stdout of `args` with `--lang fi`, then with `--lang en`: for the machine formats.
fn both_stdout(data: &Path, args: &[&str]) -> (String, String) {
    (
        run(kohtaa(data).args(["--lang", "fi"]).args(args)).stdout,
        run(kohtaa(data).args(["--lang", "en"]).args(args)).stdout,
    )
}

fn fixture(rel: &str) -> String {
    support::fixture(rel).display().to_string()
}

#[test]
fn check_summarises_in_finnish_with_the_right_plural_forms() {
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both(
        data.path(),
        &["check", &fixture("check/k0302_unknown_next.ron")],
    );
    assert_snapshot!("check_fi", fi);
    assert_snapshot!("check_en", en);

    // A Finnish locale is enough; many files and errors take the partitive. The whole output
    // grows with every code's fixture in that folder: only its last line is checked.
    let fi = run(kohtaa(data.path())
        .env("LANG", "fi_FI.UTF-8")
        .args(["check", &fixture("check")]));
    let last = fi.stdout.lines().last().unwrap();
    assert!(last.starts_with("tarkistettiin "), "{last}");
    assert!(
        last.contains(" tiedostoa, ")
            && last.contains(" skenaariota: ")
            && last.contains(" virhettä"),
        "{last}"
    );

    let (fi, en) = both(data.path(), &["check", "no-such-thing"]);
    assert_snapshot!("check_missing_fi", fi);
    assert_snapshot!("check_missing_en", en);
}

#[test]
fn analyze_reports_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both(data.path(), &["analyze", &fixture("authoring/lints.ron")]);
    assert_snapshot!("analyze_fi", fi);
    assert_snapshot!("analyze_en", en);

    // A loop: unbounded paths and a trap.
    let (fi, en) = both(data.path(), &["analyze", &fixture("authoring/trap.ron")]);
    assert_snapshot!("analyze_trap_fi", fi);
    assert_snapshot!("analyze_trap_en", en);

    // JSON is an interface: the same in both languages.
    let (fi, en) = both_stdout(
        data.path(),
        &[
            "analyze",
            "--format",
            "json",
            &fixture("authoring/lints.ron"),
        ],
    );
    assert_eq!(fi, en);
}

#[test]
fn graph_labels_are_finnish_and_the_syntax_is_the_same() {
    let data = tempfile::tempdir().unwrap();
    let file = fixture("authoring/mood-route.ron");
    let (fi, en) = both(data.path(), &["graph", &file]);
    assert_snapshot!("graph_fi", fi);
    assert_snapshot!("graph_en", en);
    // Only the words differ: the same statements, line by line.
    let (fi, en) = both_stdout(data.path(), &["graph", &file]);
    assert_eq!(fi.lines().count(), en.lines().count());
    for (a, b) in fi.lines().zip(en.lines()) {
        assert_eq!(a.split(" [").next(), b.split(" [").next());
    }

    let (fi, en) = both(data.path(), &["graph", "nowhere.ron"]);
    assert_snapshot!("graph_missing_fi", fi);
    assert_snapshot!("graph_missing_en", en);
    let model = root()
        .join("scenarios/models/default.fi.ron")
        .display()
        .to_string();
    let (fi, en) = both(data.path(), &["graph", &model]);
    assert_snapshot!("graph_not_a_scenario_fi", fi);
    assert_snapshot!("graph_not_a_scenario_en", en);
}

#[test]
fn test_reports_failures_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    let failing = fixture("authoring/playtests/linear-failing.tests.ron");
    let (fi, en) = both(data.path(), &["test", &failing]);
    assert_snapshot!("test_failing_fi", fi);
    assert_snapshot!("test_failing_en", en);

    let passing = fixture("authoring/playtests/linear.tests.ron");
    let fi = transcript(
        kohtaa(data.path())
            .env("LANG", "fi_FI.UTF-8")
            .args(["test", &passing]),
        &[],
    );
    assert_snapshot!("test_passing_fi_locale", fi);

    let lonely = tempfile::tempdir().unwrap();
    let scenario = lonely.path().join("lonely.ron");
    std::fs::copy(fixture("authoring/playtests/linear.ron"), &scenario).unwrap();
    let paths = [(lonely.path(), "[DIR]")];
    for lang in ["fi", "en"] {
        let out = transcript(
            kohtaa(data.path())
                .args(["--lang", lang, "test"])
                .arg(&scenario),
            &paths,
        );
        assert_snapshot!(format!("test_no_tests_{lang}"), out);
    }
}

#[test]
fn new_says_what_it_wrote_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    for lang in ["fi", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let paths = [(dir.path(), "[DIR]")];
        let new = || {
            let mut cmd = kohtaa(data.path());
            cmd.args(["--lang", lang, "new", "oma", "--dir"])
                .arg(dir.path());
            cmd
        };
        assert_snapshot!(format!("new_{lang}"), transcript(&mut new(), &paths));
        assert_snapshot!(format!("new_again_{lang}"), transcript(&mut new(), &paths));
    }
    let (fi, en) = both(data.path(), &["new", "Bad"]);
    assert_snapshot!("new_bad_id_fi", fi);
    assert_snapshot!("new_bad_id_en", en);
}

#[test]
fn coverage_tables_are_finnish_for_the_finnish_library() {
    // The tables are the bundled library's, which changes with every scenario: the English
    // ones are checked whole against the README (readme_coverage) and against
    // `Coverage::to_markdown` (library_bar); here, the Finnish words.
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both_stdout(data.path(), &["coverage"]);
    assert!(fi.starts_with("Askeleet × skenaariot: N = hyvä valinta noudattaa askelta"));
    assert!(fi.contains("| askel | "));
    assert!(fi.contains("| noudattavia | rikkovia |"));
    assert!(fi.contains("(Kunnioita, läpi kohtaamisen)"), "{fi}");
    assert!(fi.contains("\nAsiakkaiden tyylit × skenaariot:\n"));
    assert!(fi.contains("\nSkenaariot:\n\n| skenaario | asiakas | vaikeus |"));
    assert!(en.starts_with("Steps × scenarios: F = a good choice fits the step"));
    assert!(en.contains("| step | "));
}

fn save_runs(data: &Path) {
    let store = Store::in_data_dir(data, true);
    let mut done = run_on(
        0,
        "water-bill",
        Style::I,
        &[("listen", StepResult::Shown), ("close", StepResult::Missed)],
    );
    done.language = "fi".into();
    done.focus = Some(FocusRecord {
        step: "listen".into(),
        result: Some(StepResult::Shown),
    });
    store.save(&mut done).unwrap();
    let mut left = run_on(1, "water-bill", Style::I, &[("listen", StepResult::Broken)]);
    left.language = "fi".into();
    left.status = RunStatus::Abandoned;
    store.save(&mut left).unwrap();
}

#[test]
fn history_lists_runs_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    save_runs(data.path());
    std::fs::write(data.path().join("runs/broken.json"), "{\"format\": 1, \"sc").unwrap();
    let paths = [(data.path(), "[DATA]")];
    let fi = transcript(
        kohtaa(data.path())
            .env("LANG", "fi_FI.UTF-8")
            .arg("history"),
        &paths,
    );
    assert_snapshot!("history_fi_locale", fi);
    let en = transcript(kohtaa(data.path()).arg("history"), &paths);
    assert_snapshot!("history_en", en);

    let (fi, en) = both(data.path(), &["history", "--forget"]);
    assert_snapshot!("history_forget_without_yes_fi", fi);
    assert_snapshot!("history_forget_without_yes_en", en);
    // Two runs and the damaged file set aside.
    let fi = transcript(
        kohtaa(data.path()).args(["--lang", "fi", "history", "--forget", "--yes"]),
        &paths,
    );
    assert_snapshot!("history_forget_fi", fi);
    let (fi, en) = both(data.path(), &["history"]);
    assert_snapshot!("history_empty_fi", fi);
    assert_snapshot!("history_empty_en", en);
}

#[test]
fn export_notes_are_finnish_and_the_lines_are_the_same() {
    let data = tempfile::tempdir().unwrap();
    save_runs(data.path());
    let (fi, en) = both_stdout(data.path(), &["export", "--with-style"]);
    assert_eq!(fi, en);
    assert_eq!(fi.lines().count(), 2);
    // The lines carry run ids drawn at random: only the note is a snapshot.
    for lang in ["fi", "en"] {
        let out = run(kohtaa(data.path()).args(["--lang", lang, "export", "--with-style"]));
        assert_snapshot!(format!("export_note_{lang}"), out.stderr);
    }
}

#[test]
fn report_is_finnish_and_names_steps_from_the_model_in_the_scenarios_language() {
    let data = tempfile::tempdir().unwrap();
    let runs = data.path().join("runs.jsonl");
    std::fs::write(
        &runs,
        r#"{"scenario":"water-bill","language":"fi","choices":[{"node":"counter","choice":0,"mood_after":1}],"measurement":{"fit":50,"moods":[-3,1],"steps":[{"step":"listen","result":"shown"},{"step":"close","result":"missed"},{"step":"no-such-step","result":"missed"}]}}
{"scenario":"water-bill","language":"fi","choices":[{"node":"counter","choice":0,"mood_after":-1}],"measurement":{"fit":0,"moods":[-3,-1],"steps":[{"step":"close","result":"broken"}]}}
not json
"#,
    )
    .unwrap();
    let file = runs.display().to_string();
    // Step names from the Finnish model, whatever the interface language (the scenario is
    // Finnish); an unknown step keeps its id.
    let (fi, en) = both(data.path(), &["report", &file]);
    assert_snapshot!("report_fi", fi);
    assert_snapshot!("report_en", en);

    // JSON is the same in both; CSV follows the language's spreadsheet convention
    // (report_files.rs).
    let (fi, en) = both_stdout(data.path(), &["report", "--format", "json", &file]);
    assert_eq!(fi, en);
}

#[test]
fn profile_speaks_finnish() {
    let data = tempfile::tempdir().unwrap();
    let paths = [(data.path(), "[DATA]")];
    let (fi, en) = both(data.path(), &["profile"]);
    assert_snapshot!("profile_none_fi", fi);
    assert_snapshot!("profile_none_en", en);
    for (lang, style) in [("fi", "C"), ("en", "S")] {
        let set = transcript(
            kohtaa(data.path()).args(["--lang", lang, "profile", "--set", style]),
            &paths,
        );
        assert_snapshot!(format!("profile_set_{lang}"), set);
    }
    let (fi, en) = both(data.path(), &["--no-save", "profile", "--set", "D"]);
    assert_snapshot!("profile_no_save_fi", fi);
    assert_snapshot!("profile_no_save_en", en);
    for (lang, no) in [("fi", "e\n"), ("en", "n\n")] {
        let kept = transcript(
            kohtaa(data.path())
                .args(["--lang", lang, "profile", "--forget"])
                .write_stdin(no),
            &paths,
        );
        assert_snapshot!(format!("profile_forget_no_{lang}"), kept);
    }
    let fi = transcript(
        kohtaa(data.path()).args(["--lang", "fi", "profile", "--forget", "--yes"]),
        &paths,
    );
    assert_snapshot!("profile_forget_fi", fi);
}

#[test]
fn clap_help_and_errors_are_left_as_they_are() {
    let data = tempfile::tempdir().unwrap();
    let (fi, en) = both_stdout(data.path(), &["--help"]);
    assert_eq!(fi, en);
}
