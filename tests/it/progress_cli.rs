//! `kohtaa report`, `export` and `history` through the real binary. The report is tested on
//! export files written by hand (tests/fixtures/progress), not by kohtaa.

use crate::support::cli::{kohtaa, transcript};
use crate::support::records::one;
use insta::assert_snapshot;
use kohtaa::practice::StepResult;
use kohtaa::store::history::Store;
use time::{Duration, macros::datetime};

const FIXTURES: &str = "tests/fixtures/progress";

fn report(format: &str) -> (String, String) {
    let data = tempfile::tempdir().unwrap();
    let out = kohtaa(data.path())
        .args(["--scenarios", &format!("{FIXTURES}/scenarios"), "report"])
        .args(["--format", format])
        .arg(format!("{FIXTURES}/learner-a.jsonl"))
        .arg(format!("{FIXTURES}/learner-b.jsonl"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn report_tables_choices_and_the_steps_missed_most() {
    let (stdout, _) = report("text");
    let expected = "\
front-desk (en): 3 runs
  node   choice  chosen  avg fit  avg final mood  text
  start  1       2       75%      +1.5            Good morning, I'm Aino. How can I help?
  start  2       1       0%       −2.0            Next, please. Number?

not-in-library (fi): 1 run
  node  choice  chosen  avg fit  avg final mood  text
  alku  3       1       20%      −3.0

Steps the group misses most
  step               runs  shown  broken  missed
  Listen to the end  4     1      1       2
  Notice and greet   3     2      1       0

4 runs read, 2 lines skipped
";
    assert_eq!(stdout, expected);
}

#[test]
fn report_names_each_bad_line_and_skips_it() {
    let (_, stderr) = report("text");
    assert_snapshot!("report_bad_lines", stderr);
}

#[test]
fn report_never_shows_a_style_profile() {
    for format in ["text", "csv", "json"] {
        let (stdout, _) = report(format);
        assert!(!stdout.contains("do-not-show"), "{format}");
        assert!(!stdout.contains("style"), "{format}");
    }
}

#[test]
fn report_as_json() {
    let (stdout, _) = report("json");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["runs"], 4);
    assert_eq!(v["skipped_lines"], 2);
    let front = &v["scenarios"][0];
    assert_eq!(front["scenario"], "front-desk");
    assert_eq!(front["runs"], 3);
    assert_eq!(front["choices"][0]["node"], "start");
    assert_eq!(front["choices"][0]["choice"], 1);
    assert_eq!(front["choices"][0]["chosen"], 2);
    assert_eq!(front["choices"][0]["avg_fit"], 75.0);
    assert_eq!(front["choices"][0]["avg_final_mood"], 1.5);
    assert_eq!(front["choices"][1]["text"], "Next, please. Number?");
    assert_eq!(
        v["scenarios"][1]["choices"][0]["text"],
        serde_json::Value::Null
    );
    assert_eq!(v["steps"][0]["step"], "listen");
    assert_eq!(v["steps"][0]["missed"], 2);
    assert_eq!(
        v["steps"].as_array().unwrap().len(),
        2,
        "unknown results are not counted"
    );
}

#[test]
fn report_as_csv() {
    let (stdout, _) = report("csv");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        vec![
            "\u{feff}Choices",
            "scenario,language,node,choice,text,chosen,avg fit %,avg final mood",
            "front-desk,en,start,1,\"Good morning, I'm Aino. How can I help?\",2,75.00,1.50",
            "front-desk,en,start,2,\"Next, please. Number?\",1,0.00,-2.00",
            "not-in-library,fi,alku,3,,1,20.00,-3.00",
            "",
            "Steps",
            "step,name,runs,shown,broken,missed",
            "listen,Listen to the end,4,1,1,2",
            "greet,Notice and greet,3,2,1,0",
        ]
    );
}

#[test]
fn report_on_a_missing_file_fails_but_reports_the_rest() {
    let data = tempfile::tempdir().unwrap();
    let out = transcript(
        kohtaa(data.path())
            .args(["report", "no-such-file.jsonl"])
            .arg(format!("{FIXTURES}/learner-a.jsonl")),
        &[],
    );
    assert_snapshot!("report_missing_file", out);
}

fn save_three(data: &std::path::Path) {
    let store = Store::in_data_dir(data, true);
    for n in 0..3 {
        let mut r = one(n, "listen", StepResult::Missed);
        r.started = datetime!(2025-03-01 10:00 UTC) + Duration::days(n);
        r.ended = r.started + Duration::minutes(5);
        store.save(&mut r).unwrap();
    }
}

#[test]
fn export_writes_one_line_per_run_since_a_day_without_the_profile() {
    let data = tempfile::tempdir().unwrap();
    save_three(data.path());
    std::fs::write(data.path().join("profile.json"), r#"{"style":"C"}"#).unwrap();
    let out = kohtaa(data.path())
        .args(["export", "--since", "2025-03-02"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["started"], "2025-03-02T10:00:00Z");
    assert!(lines.iter().all(|l| l.get("style_profile").is_none()));
}

#[test]
fn export_with_style_includes_the_profile_and_report_reads_the_export() {
    let data = tempfile::tempdir().unwrap();
    save_three(data.path());
    std::fs::write(data.path().join("profile.json"), r#"{"style":"C"}"#).unwrap();
    let out = kohtaa(data.path())
        .args(["export", "--with-style"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["style_profile"]["style"], "C");

    let file = data.path().join("me.jsonl");
    std::fs::write(&file, &stdout).unwrap();
    let out = kohtaa(data.path())
        .args(["report", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["runs"], 3);
    assert_eq!(v["steps"][0]["step"], "listen");
    assert_eq!(v["steps"][0]["missed"], 3);
}

#[test]
fn export_rejects_a_bad_date() {
    let data = tempfile::tempdir().unwrap();
    let out = transcript(
        kohtaa(data.path()).args(["export", "--since", "yesterday"]),
        &[],
    );
    assert_snapshot!("export_bad_date", out);
}

#[test]
fn history_lists_runs_and_warns_about_a_damaged_one() {
    let data = tempfile::tempdir().unwrap();
    save_three(data.path());
    std::fs::write(
        data.path().join("runs/broken.json"),
        "{\"format\": 1, \"scen",
    )
    .unwrap();
    let out = transcript(
        kohtaa(data.path()).arg("history"),
        &[(data.path(), "[DATA]")],
    );
    assert_snapshot!("history_damaged", out);
    assert!(data.path().join("runs/broken.json.damaged-1").exists());
}

#[test]
fn forget_needs_a_terminal_or_yes() {
    let data = tempfile::tempdir().unwrap();
    save_three(data.path());
    let out = transcript(
        kohtaa(data.path())
            .args(["history", "--forget"])
            .write_stdin("y\n"),
        &[],
    );
    assert_snapshot!("history_forget_without_a_terminal", out);
    assert_eq!(
        std::fs::read_dir(data.path().join("runs")).unwrap().count(),
        3
    );

    // --no-save means nothing is touched, even with --yes.
    kohtaa(data.path())
        .args(["--no-save", "history", "--forget", "--yes"])
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_dir(data.path().join("runs")).unwrap().count(),
        3
    );

    kohtaa(data.path())
        .args(["history", "--forget", "--yes"])
        .assert()
        .success();
    assert!(!data.path().join("runs").exists());
    let out = transcript(
        kohtaa(data.path()).arg("history"),
        &[(data.path(), "[DATA]")],
    );
    assert_snapshot!("history_forgotten", out);
}
