//! The profile: stored atomically in the data directory, a damaged file set aside and
//! reported, deletable from the command line. Every test uses its own KOHTAA_DATA_DIR.

use assert_cmd::Command;
use predicates::prelude::*;

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
    kohtaa(dir.path())
        .arg("profile")
        .assert()
        .success()
        .stdout(predicate::str::contains("not set"))
        .stdout(predicate::str::contains("John Wiley & Sons"));
    kohtaa(dir.path())
        .args(["profile", "--set", "iS"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Your style: iS"));
    kohtaa(dir.path())
        .args(["--lang", "fi", "profile"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Tyylisi: iS"))
        .stdout(predicate::str::contains("rekisteröity tavaramerkki"));
    // Declining keeps the profile.
    kohtaa(dir.path())
        .args(["profile", "--forget"])
        .write_stdin("n\n")
        .assert()
        .failure()
        .stdout(predicate::str::contains("Nothing was deleted"));
    assert!(profile::path(dir.path()).exists());
    kohtaa(dir.path())
        .args(["profile", "--forget"])
        .write_stdin("y\n")
        .assert()
        .success();
    assert!(!profile::path(dir.path()).exists());
    kohtaa(dir.path())
        .args(["profile", "--set", "C"])
        .assert()
        .success();
    kohtaa(dir.path())
        .args(["profile", "--forget", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("deleted"));
    assert!(!profile::path(dir.path()).exists());
}

#[test]
fn opposites_are_not_a_style() {
    let dir = tempfile::tempdir().unwrap();
    kohtaa(dir.path())
        .args(["profile", "--set", "DS"])
        .assert()
        .code(2);
    assert!(!profile::path(dir.path()).exists());
}
