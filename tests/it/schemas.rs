//! The JSON Schemas that `kohtaa export --schema` prints, checked against real output with
//! an independent validator (the `jsonschema` crate): runs played through the real binary,
//! exported with and without the style profile, and the JSON report over that export.

use std::path::Path;

use serde_json::Value;

use crate::support::cli::{kohtaa, run};

fn stdout(data: &Path, args: &[&str], input: &str) -> String {
    let out = run(kohtaa(data).args(args).write_stdin(input));
    assert_eq!(out.code, 0, "kohtaa {args:?}: {}", out.stderr);
    out.stdout
}

fn validator(data: &Path, of: &[&str]) -> jsonschema::Validator {
    let mut args = vec!["export", "--schema"];
    args.extend(of);
    let schema: Value = serde_json::from_str(&stdout(data, &args, "")).unwrap();
    jsonschema::meta::validate(&schema).expect("a valid JSON Schema");
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "{schema:#}"
    );
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\nin {value:#}");
}

/// A finished run and one left half-way, played through the real binary, with a style set.
fn played(data: &Path) {
    stdout(data, &["profile", "--set", "C"], "");
    let play = ["play", "--plain", "doctor-today", "--seed", "7"];
    stdout(data, &play, &"1\n".repeat(40));
    // Input that ends after one answer leaves the run unfinished (and says so, exit 1).
    let out = run(kohtaa(data).args(play).write_stdin("2\n"));
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn real_exports_and_reports_validate_against_the_printed_schemas() {
    let dir = tempfile::tempdir().unwrap();
    played(dir.path());
    let export = validator(dir.path(), &[]);
    assert_eq!(
        stdout(dir.path(), &["export", "--schema", "export"], ""),
        stdout(dir.path(), &["export", "--schema"], "")
    );
    let mut statuses = Vec::new();
    for with_style in [false, true] {
        let args: &[&str] = if with_style {
            &["export", "--with-style"]
        } else {
            &["export"]
        };
        let lines = stdout(dir.path(), args, "");
        for line in lines.lines() {
            let value: Value = serde_json::from_str(line).unwrap();
            assert_eq!(value.get("style_profile").is_some(), with_style);
            statuses.push(value["status"].as_str().unwrap().to_owned());
            assert_valid(&export, &value);
        }
        let file = dir.path().join("export.jsonl");
        std::fs::write(&file, &lines).unwrap();
        let report: Value = serde_json::from_str(&stdout(
            dir.path(),
            &["report", "--format", "json", file.to_str().unwrap()],
            "",
        ))
        .unwrap();
        assert_eq!(report["runs"], 2);
        assert_valid(&validator(dir.path(), &["report"]), &report);
    }
    statuses.sort();
    assert_eq!(statuses, ["abandoned", "abandoned", "finished", "finished"]);
}

#[test]
fn the_schemas_refuse_what_kohtaa_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    played(dir.path());
    let export = validator(dir.path(), &[]);
    let line = stdout(dir.path(), &["export"], "");
    let good: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    let broken = [
        ("/status", serde_json::json!("done")),
        ("/started", serde_json::json!(17)),
        ("/choices/0/choice", serde_json::json!(-1)),
        ("/measurement/steps/0/result", serde_json::json!("great")),
    ];
    for (at, value) in broken {
        let mut bad = good.clone();
        *bad.pointer_mut(at)
            .unwrap_or_else(|| panic!("{at} in {good}")) = value;
        assert!(!export.is_valid(&bad), "{at}");
    }
    let mut without = good.clone();
    without.as_object_mut().unwrap().remove("scenario");
    assert!(!export.is_valid(&without));
    let report = validator(dir.path(), &["report"]);
    assert!(!report.is_valid(&serde_json::json!({ "runs": "many" })));
}
