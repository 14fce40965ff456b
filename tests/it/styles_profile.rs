//! The profile: stored atomically in the data directory, a damaged file set aside and
//! reported, deletable from the command line. Every test uses its own KOHTAA_DATA_DIR.

use assert_cmd::Command;
use insta::assert_snapshot;

use crate::support::cli::transcript;

use kohtaa::content::styles::LearnerStyle;
use kohtaa::store::profile::{self, Profile, ProfileState, SelfCheckRecord};

fn kohtaa(dir: &std::path::Path) -> Command {
    let mut cmd = crate::support::cli::kohtaa(dir);
    cmd.env("LANG", "en_GB.UTF-8");
    cmd
}

#[test]
fn a_profile_round_trips_and_forget_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(profile::load(dir.path()).unwrap(), ProfileState::Missing);
    let mut p = Profile::new(LearnerStyle::parse("SC"));
    p.self_check = Some(SelfCheckRecord {
        language: "fi".into(),
        answers: vec![Some(1), None, Some(5)],
        suggested: None,
    });
    profile::save(dir.path(), &p).unwrap();
    let text = std::fs::read_to_string(profile::path(dir.path())).unwrap();
    assert!(text.contains("\"style\": \"SC\""), "{text}");
    assert_eq!(profile::load(dir.path()).unwrap(), ProfileState::Found(p));
    assert_eq!(profile::forget(dir.path()).unwrap(), 1);
    assert_eq!(profile::load(dir.path()).unwrap(), ProfileState::Missing);
    assert_eq!(profile::forget(dir.path()).unwrap(), 0);
}

#[test]
fn a_damaged_profile_is_set_aside_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = profile::path(dir.path());
    for damaged in [
        "{\"version\": 1, \"style\": \"DS\"}",
        "not json",
        "{\"version\": 99, \"style\": null}",
    ] {
        std::fs::write(&path, damaged).unwrap();
        match profile::load(dir.path()).unwrap() {
            ProfileState::SetAside { aside, reason } => {
                assert_eq!(std::fs::read_to_string(&aside).unwrap(), damaged);
                assert!(!reason.is_empty());
            }
            other => panic!("{damaged:?} gave {other:?}"),
        }
        assert!(!path.exists());
    }
    // --forget removes the set-aside copies too: they may hold the style.
    assert!(profile::exists(dir.path()));
    assert_eq!(profile::forget(dir.path()).unwrap(), 3);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn the_command_sets_shows_and_forgets_the_style() {
    let dir = tempfile::tempdir().unwrap();
    let paths = [(dir.path(), "[DATA]")];
    // Not set, with the trademark note.
    let out = transcript(kohtaa(dir.path()).arg("profile"), &paths);
    assert_snapshot!("profile_not_set", out);
    let out = transcript(kohtaa(dir.path()).args(["profile", "--set", "iS"]), &paths);
    assert_snapshot!("profile_set_is", out);
    let out = transcript(kohtaa(dir.path()).args(["--lang", "fi", "profile"]), &paths);
    assert_snapshot!("profile_is_fi", out);
    // Declining keeps the profile.
    let out = transcript(
        kohtaa(dir.path())
            .args(["profile", "--forget"])
            .write_stdin("n\n"),
        &paths,
    );
    assert_snapshot!("profile_forget_declined", out);
    assert!(profile::path(dir.path()).exists());
    let out = transcript(
        kohtaa(dir.path())
            .args(["profile", "--forget"])
            .write_stdin("y\n"),
        &paths,
    );
    assert_snapshot!("profile_forget_confirmed", out);
    assert!(!profile::path(dir.path()).exists());
    kohtaa(dir.path())
        .args(["profile", "--set", "C"])
        .assert()
        .success();
    let out = transcript(
        kohtaa(dir.path()).args(["profile", "--forget", "--yes"]),
        &paths,
    );
    assert_snapshot!("profile_forget_yes", out);
    assert!(!profile::path(dir.path()).exists());
}

#[test]
fn opposites_are_not_a_style() {
    let dir = tempfile::tempdir().unwrap();
    let out = transcript(kohtaa(dir.path()).args(["profile", "--set", "DS"]), &[]);
    assert_snapshot!("profile_opposites", out);
    assert!(!profile::path(dir.path()).exists());
}
