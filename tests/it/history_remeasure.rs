//! Saved history under measurement rules v2: runs saved by the first rules are measured again
//! from their saved choices where the scenario file is unchanged, and say so where it is not;
//! an abandoned run's missed steps never count against the learner.

use std::sync::Arc;

use crate::support::bundled;
use crate::support::cli::{kohtaa, transcript};
use crate::support::records::one;
use insta::assert_snapshot;
use kohtaa::content::Library;
use kohtaa::practice::measure::MEASUREMENT_VERSION;
use kohtaa::practice::progress::progress;
use kohtaa::practice::record::{RunRecord, RunStatus, remeasure};
use kohtaa::practice::{Run, StepResult};
use kohtaa::store::history::Store;
use time::macros::datetime;

/// The bundled doctor-today played along its tests file's `best` path, saved as version 1
/// would have saved it: no version field, and the first rules' 89 % with `respect` missed.
fn saved_by_first_rules(library: &Library) -> (RunRecord, serde_json::Value) {
    let loaded = library.scenario("doctor-today", "en").expect("bundled");
    let model = library.model_for(&loaded.value).expect("model");
    let mut run = Run::new(Arc::new(loaded.value.clone()), Arc::new(model.clone()), 3).unwrap();
    for c in [0, 0, 0, 0, 0, 0, 0] {
        run.choose(c).unwrap();
    }
    assert!(run.is_finished());
    let record = RunRecord::of_run(
        &run,
        &loaded.source.text,
        datetime!(2026-01-05 10:00 UTC),
        datetime!(2026-01-05 10:07 UTC),
    );
    let mut json = serde_json::to_value(&record).unwrap();
    let m = json["measurement"].as_object_mut().unwrap();
    m.remove("version");
    m.insert("fit".into(), 89.into());
    for step in m["steps"].as_array_mut().unwrap() {
        if step["step"] == "boundary" {
            step["result"] = "missed".into();
        }
    }
    (record, json)
}

fn write(dir: &std::path::Path, name: &str, json: &serde_json::Value) -> std::path::PathBuf {
    let runs = dir.join("runs");
    std::fs::create_dir_all(&runs).unwrap();
    let path = runs.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(json).unwrap()).unwrap();
    path
}

#[test]
fn a_run_saved_by_the_first_rules_is_measured_again_on_an_unchanged_scenario() {
    let library = bundled();
    let (fresh, json) = saved_by_first_rules(library);
    let data = tempfile::tempdir().unwrap();
    let path = write(data.path(), "old.json", &json);
    let before = std::fs::read(&path).unwrap();

    let mut history = Store::in_data_dir(data.path(), true).load();
    let record = &history.records[0];
    assert_eq!(
        record.measurement.version, 1,
        "a missing version is the first rules"
    );
    assert_eq!(record.measurement.fit, Some(89));
    assert!(!record.is_measured_now());

    assert_eq!(remeasure(&mut history.records, library), 0);
    let record = &history.records[0];
    assert!(record.is_measured_now());
    assert_eq!(record.measurement.version, MEASUREMENT_VERSION);
    assert_eq!(record.measurement, fresh.measurement);
    assert_eq!(record.measurement.fit, Some(100));
    assert_eq!(
        record.measurement.result_of("boundary"),
        Some(StepResult::NotReached)
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the saved file is left as it was"
    );
}

#[test]
fn a_run_whose_scenario_changed_keeps_its_first_measurement_and_says_so() {
    let library = bundled();
    let (_, mut json) = saved_by_first_rules(library);
    json["scenario_hash"] = "sha256:0000".into();
    let data = tempfile::tempdir().unwrap();
    write(data.path(), "old.json", &json);
    let mut history = Store::in_data_dir(data.path(), true).load();
    assert_eq!(remeasure(&mut history.records, library), 1);
    assert_eq!(history.records[0].measurement.fit, Some(89));
    assert!(!history.records[0].is_measured_now());

    for (lang, words) in [
        ("en", "1 run measured by earlier rules"),
        ("fi", "1 harjoitus on mitattu aiemmilla säännöillä"),
    ] {
        let out = transcript(
            kohtaa(data.path()).args(["--lang", lang, "history"]),
            &[(data.path(), "[DATA]")],
        );
        // The percent sign's spacing is the language's own; the mark follows it: "89 %*", and
        // the note under the table says what it means.
        assert!(out.contains(words), "{out}");
        assert_snapshot!(format!("earlier_rules_{lang}"), out);
    }
}

#[test]
fn history_shows_an_unchanged_old_run_by_the_current_rules() {
    let library = bundled();
    let (_, json) = saved_by_first_rules(library);
    let data = tempfile::tempdir().unwrap();
    write(data.path(), "old.json", &json);
    let out = transcript(
        kohtaa(data.path()).args(["--lang", "en", "history"]),
        &[(data.path(), "[DATA]")],
    );
    // 100 %, and no mark.
    assert_snapshot!("remeasured", out);

    let out = kohtaa(data.path()).arg("export").output().unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["measurement"]["version"], MEASUREMENT_VERSION);
    assert_eq!(line["measurement"]["fit"], 100);
}

#[test]
fn an_abandoned_runs_missed_steps_do_not_count_in_progress() {
    let mut left = one(1, "listen", StepResult::Missed);
    left.status = RunStatus::Abandoned;
    let finished = one(2, "listen", StepResult::Missed);
    let p = progress(&[left, finished]);
    let listen = p.steps.iter().find(|s| s.step == "listen").unwrap();
    assert_eq!(listen.missed, 1, "only the finished run's miss counts");
    assert_eq!(
        listen.results,
        vec![StepResult::NotReached, StepResult::Missed]
    );
}

#[test]
fn the_report_does_not_count_an_abandoned_runs_missed_steps() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("group.jsonl");
    let line = |status: &str| {
        format!(
            r#"{{"scenario":"front-desk","language":"en","status":"{status}","choices":[{{"node":"start","choice":0,"mood_after":1}}],"measurement":{{"version":2,"fit":33,"moods":[0,1],"steps":[{{"step":"greet","result":"shown"}},{{"step":"listen","result":"missed"}},{{"step":"close","result":"missed"}},{{"step":"explain","result":"not-reached"}}]}}}}"#
        )
    };
    std::fs::write(
        &export,
        format!("{}\n{}\n", line("abandoned"), line("finished")),
    )
    .unwrap();
    let out = kohtaa(dir.path())
        .args(["report", "--format", "json"])
        .arg(&export)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let step = |id: &str| {
        report["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["step"] == id)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(step("greet")["in_play"], 2);
    assert_eq!(step("listen")["missed"], 1, "{report}");
    assert_eq!(step("listen")["in_play"], 1);
    assert_eq!(
        step("explain")["in_play"].as_u64().unwrap_or(0),
        0,
        "not reached is never in play"
    );
    // The abandoned run counts 100 % (greet shown of greet), the finished one 33 %.
    let choice = &report["scenarios"][0]["choices"][0];
    assert_eq!(choice["avg_fit"], 66.5, "{report}");
}
