//! Issue #19 through the real binary: a failed save is a failure, an empty data folder
//! variable is no folder, and nothing a file or a saved run holds reaches the terminal
//! from any output.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kohtaa(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kohtaa"));
    cmd.env("KOHTAA_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

fn run(cmd: &mut Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_failed_save_is_said_and_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    // The data folder is a file: nothing can be saved in it.
    let data = dir.path().join("data");
    std::fs::write(&data, "not a folder").unwrap();
    let out = run(
        kohtaa(&data).args(["play", "--plain", "doctor-today", "--seed", "7"]),
        "1\n",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error: the run could not be saved"), "{err}");
    // With saving turned off nothing was to be saved, so nothing failed.
    let out = run(
        kohtaa(&data).args([
            "play",
            "--plain",
            "doctor-today",
            "--seed",
            "7",
            "--no-save",
        ]),
        "1\n",
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("could not be saved"));
    // A profile that cannot be saved.
    let out = run(kohtaa(&data).args(["profile", "--set", "D"]), "");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_empty_data_folder_variable_is_no_folder() {
    let cwd = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let out = run(
        Command::new(env!("CARGO_BIN_EXE_kohtaa"))
            .args(["play", "--plain", "doctor-today", "--seed", "7", "--json"])
            .current_dir(cwd.path())
            .env("KOHTAA_DATA_DIR", "")
            .env("HOME", home.path())
            .env_remove("XDG_DATA_HOME"),
        "1\n",
    );
    assert!(
        !cwd.path().join("runs").exists(),
        "nothing is saved in the current folder: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(home.path().join(".local/share/kohtaa/runs").is_dir());
}
