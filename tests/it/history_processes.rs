//! Several kohtaa processes saving runs at the same moment lose nothing: each run is its own
//! file, written under a name no other process can take.

use std::io::Write;
use std::process::Stdio;

use crate::support::cli::command;
use crate::support::plain_fixtures as fixtures;

#[test]
fn runs_saved_by_processes_at_once_are_all_kept() {
    let data = tempfile::tempdir().unwrap();
    let per_batch = 4;
    let batches = 3;
    for batch in 0..batches {
        let children: Vec<_> = (0..per_batch)
            .map(|i| {
                let mut child = command(data.path())
                    .args(["play", "--plain", "swim-pass", "--lang", "en", "--seed"])
                    .arg(format!("{}", batch * per_batch + i))
                    .arg("--scenarios")
                    .arg(fixtures())
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                // More answers than any path needs; the rest is ignored once the run ends.
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all("1\n".repeat(20).as_bytes())
                    .unwrap();
                child
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let saved = std::fs::read_dir(data.path().join("runs"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(saved, per_batch * batches);
    let listed = command(data.path())
        .args(["history", "--lang", "en"])
        .output()
        .unwrap();
    assert!(listed.status.success());
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout)
            .matches("swim-pass")
            .count(),
        per_batch * batches,
        "{}",
        String::from_utf8_lossy(&listed.stdout)
    );
}

#[test]
fn no_save_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut child = command(data.path())
        .args(["play", "--plain", "swim-pass", "--no-save", "--seed", "1"])
        .arg("--scenarios")
        .arg(fixtures())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("1\n".repeat(20).as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    assert!(!data.path().join("runs").exists());
}
