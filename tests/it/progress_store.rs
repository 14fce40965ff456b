//! The run store: atomic, one file per run, damaged records set aside, concurrent writers.

use std::sync::Arc;

use crate::support::records::{day, one};
use crate::support::tui::fixtures;
use kohtaa::practice::record::{RunRecord, RunStatus, content_hash, last_next_time};
use kohtaa::practice::{Run, StepResult};
use kohtaa::store::history::{LoadProblem, Store};

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A real run of a fixture scenario: the first choice at every node until an ending.
fn played_record(to_the_end: bool) -> RunRecord {
    let library = fixtures();
    let loaded = library.scenario("late-parcel", "en").expect("fixture");
    let model = library.model_for(&loaded.value).expect("model").clone();
    let mut run = Run::new(Arc::new(loaded.value.clone()), Arc::new(model), 42).unwrap();
    run.choose(0).unwrap();
    while to_the_end && !run.is_finished() {
        run.choose(0).unwrap();
    }
    RunRecord::of_run(&run, &loaded.source.text, day(0), day(0))
}

#[test]
fn a_played_run_is_saved_and_loads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path(), true);
    let mut record = played_record(true);
    assert_eq!(record.status, RunStatus::Finished);
    assert_eq!(record.scenario, "late-parcel");
    assert_eq!(record.seed, 42);
    assert!(record.scenario_hash.starts_with("sha256:"));
    assert_eq!(record.focus.as_ref().unwrap().step, "acknowledge");
    let path = store.save(&mut record).unwrap().expect("saved");
    assert!(path.starts_with(dir.path().join("runs")));
    assert_eq!(
        path.file_name().unwrap().to_str().unwrap(),
        record.file_name()
    );

    let history = store.load();
    assert!(history.warnings.is_empty(), "{:?}", history.warnings);
    assert_eq!(history.records, vec![record]);
}

#[test]
fn an_unfinished_run_is_saved_as_abandoned() {
    let record = played_record(false);
    assert_eq!(record.status, RunStatus::Abandoned);
    assert_eq!(record.choices.len(), 1);
    assert_eq!(record.choices[0].choice, 0);
}

#[test]
fn the_hash_is_sha256_of_the_text() {
    assert_eq!(
        content_hash("abc"),
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn a_record_cut_off_half_way_is_set_aside_and_reported_and_the_others_load() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path(), true);
    let mut a = one(0, "listen", StepResult::Missed);
    let mut b = one(1, "listen", StepResult::Shown);
    let mut c = one(2, "greet", StepResult::Shown);
    store.save(&mut a).unwrap();
    let b_path = store.save(&mut b).unwrap().unwrap();
    store.save(&mut c).unwrap();

    let text = std::fs::read(&b_path).unwrap();
    std::fs::write(&b_path, &text[..text.len() / 2]).unwrap();

    let history = store.load();
    let ids: Vec<&str> = history.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec![a.id.as_str(), c.id.as_str()]);
    assert_eq!(history.warnings.len(), 1);
    let warning = &history.warnings[0];
    assert_eq!(warning.path, b_path);
    assert!(matches!(warning.problem, LoadProblem::Damaged(_)));
    let aside = warning.set_aside.clone().expect("moved aside");
    assert_eq!(std::fs::read(&aside).unwrap(), &text[..text.len() / 2]);
    assert!(!b_path.exists());
    assert!(warning.to_string().contains("damaged"));

    // Loading again: the damaged copy is kept but no longer reported.
    let again = store.load();
    assert_eq!(again.records.len(), 2);
    assert!(again.warnings.is_empty());
    assert!(aside.exists());
}

#[test]
fn a_record_from_a_newer_kohtaa_is_skipped_but_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path(), true);
    let mut a = one(0, "listen", StepResult::Missed);
    let path = store.save(&mut a).unwrap().unwrap();
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    value["format"] = 99.into();
    value["something_new"] = "x".into();
    std::fs::write(&path, value.to_string()).unwrap();
    let history = store.load();
    assert!(history.records.is_empty());
    assert_eq!(history.warnings[0].problem, LoadProblem::NewerFormat(99));
    assert_eq!(history.warnings[0].set_aside, None);
    assert!(path.exists());
}

#[test]
fn adding_a_reflection_rewrites_only_that_run() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path(), true);
    let mut a = one(0, "listen", StepResult::Missed);
    let mut b = one(1, "listen", StepResult::Shown);
    let a_path = store.save(&mut a).unwrap().unwrap();
    store.save(&mut b).unwrap();
    let a_before = std::fs::read(&a_path).unwrap();

    b.reflection.next_time = Some("Let him finish before I explain.".into());
    assert!(b.set_usefulness(4));
    assert!(!b.set_usefulness(6));
    store.update(&mut b).unwrap();

    assert_eq!(std::fs::read(&a_path).unwrap(), a_before);
    assert_eq!(files_in(&dir.path().join("runs")).len(), 2);
    let history = store.load();
    let loaded_b = history.records.iter().find(|r| r.id == b.id).unwrap();
    assert_eq!(loaded_b.usefulness, Some(4));
    assert_eq!(
        last_next_time(&history.records).map(|r| r.id.as_str()),
        Some(b.id.as_str())
    );
}

#[test]
fn a_disabled_store_writes_moves_and_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let enabled = Store::in_data_dir(dir.path(), true);
    let mut a = one(0, "listen", StepResult::Missed);
    let a_path = enabled.save(&mut a).unwrap().unwrap();
    std::fs::write(&a_path, "{ cut").unwrap();

    let off = Store::in_data_dir(dir.path(), false);
    let mut b = one(1, "listen", StepResult::Shown);
    assert_eq!(off.save(&mut b).unwrap(), None);
    off.update(&mut b).unwrap();
    let history = off.load();
    assert_eq!(history.warnings.len(), 1);
    assert_eq!(history.warnings[0].set_aside, None);
    assert!(off.forget().is_err());
    assert_eq!(files_in(&dir.path().join("runs")), vec![a.file_name()]);
}

#[test]
fn forget_deletes_every_run_and_damaged_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path(), true);
    for n in 0..3 {
        store
            .save(&mut one(n, "listen", StepResult::Shown))
            .unwrap();
    }
    let mut d = one(5, "listen", StepResult::Shown);
    let d_path = store.save(&mut d).unwrap().unwrap();
    std::fs::write(&d_path, "nonsense").unwrap();
    assert_eq!(store.load().warnings.len(), 1);
    assert_eq!(store.forget().unwrap(), 4);
    assert!(store.load().records.is_empty());
    assert!(!dir.path().join("runs").exists());
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let per_writer = 100;
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let data = dir.path().to_path_buf();
            std::thread::spawn(move || {
                // Each writer has its own store, as two app instances would.
                let store = Store::in_data_dir(&data, true);
                for n in 0..per_writer {
                    // Same scenario and same start second: the names must still differ.
                    let mut r = one(0, "listen", StepResult::Shown);
                    r.seed = w * 1000 + n;
                    store.save(&mut r).unwrap().unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let history = Store::in_data_dir(dir.path(), true).load();
    assert!(history.warnings.is_empty());
    let mut seeds: Vec<u64> = history.records.iter().map(|r| r.seed).collect();
    seeds.sort();
    let expected: Vec<u64> = (0..per_writer).chain(1000..1000 + per_writer).collect();
    assert_eq!(seeds, expected);
    assert_eq!(
        files_in(&dir.path().join("runs")).len(),
        200,
        "no temporary files left"
    );
}

#[test]
fn loading_nothing_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let history = Store::in_data_dir(dir.path(), true).load();
    assert!(history.records.is_empty() && history.warnings.is_empty());
}
