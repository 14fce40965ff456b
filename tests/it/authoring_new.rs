//! `kohtaa new`: a starting file that shows every field and passes `check`.

use kohtaa::authoring::{analyze, template};
use kohtaa::content::Style;
use kohtaa::diagnostics::Render;
use kohtaa::store::draft;
use kohtaa::store::library::{self, LoadOptions};

use insta::assert_snapshot;

use crate::support::cli::{kohtaa, transcript};

#[test]
fn every_template_passes_check_with_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "fi"] {
        for style in Style::ALL {
            let path = dir.path().join(format!("t-{lang}-{style}.ron"));
            std::fs::write(&path, template::new_scenario("my-case", lang, style)).unwrap();
            let lib = library::load(&LoadOptions {
                bundled_scenarios: false,
                folders: Vec::new(),
                paths: vec![path.clone()],
            });
            let errors: Vec<String> = lib
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.render(false))
                .collect();
            assert!(errors.is_empty(), "{lang} {style}: {errors:#?}");
            assert_eq!(lib.scenarios.len(), 1);
            let s = &lib.scenarios[0].value;
            assert_eq!((s.id.as_str(), s.language.as_str()), ("my-case", lang));
            assert_eq!(s.customer.style, style);
        }
    }
}

#[test]
fn the_template_shows_every_field() {
    for lang in ["en", "fi"] {
        let text = template::new_scenario("x", lang, Style::D);
        for field in [
            "id:",
            "language:",
            "title:",
            "summary:",
            "learner_role:",
            "tags:",
            "difficulty:",
            "model:",
            "focus:",
            "customer:",
            "name:",
            "style:",
            "mood:",
            "about:",
            "start:",
            "nodes:",
            "narration:",
            "say:",
            "facilitator:",
            "choices:",
            "ending:",
            "next:",
            "fits:",
            "breaks:",
            "pitfalls:",
            "feedback:",
            "style_tips:",
            "routes:",
            "min_mood",
            "max_mood",
            "outcome:",
        ] {
            assert!(text.contains(field), "{lang}: {field} missing");
        }
        // Every field line is explained by a comment somewhere above it.
        assert!(text.matches("//").count() > 30, "{lang}: too few comments");
    }
    assert!(template::new_scenario("x", "fi", Style::D).contains("Pakollinen"));
}

#[test]
fn the_template_teaches_well_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.ron");
    std::fs::write(&path, template::new_scenario("x", "en", Style::I)).unwrap();
    let d = draft::load(&path, &[]).unwrap();
    let a = analyze::analyze(&d.scenario, &d.model, 10_000);
    let l = &a.lints;
    assert!(l.focus_broken.is_empty());
    assert!(l.mistake_raises_mood.is_empty() && l.good_lowers_mood.is_empty());
    assert!(l.broken_without_feedback.is_empty() && l.focus_not_fitted.is_empty());
    assert_eq!(l.longest_choice.as_ref().unwrap().gameable, Some(false));
    assert!(a.endings_unreachable.is_empty() && a.traps.is_empty());
}

#[test]
fn new_writes_the_file_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = transcript(
        kohtaa(&data).current_dir(dir.path()).args([
            "new",
            "waiting-room",
            "--lang",
            "fi",
            "--style",
            "C",
        ]),
        &[],
    );
    assert_snapshot!("written_fi", out);
    let path = dir.path().join("waiting-room.ron");
    let first = std::fs::read_to_string(&path).unwrap();
    assert!(first.contains("language: \"fi\"") && first.contains("style: C,"));
    std::fs::write(&path, "edited").unwrap();
    let out = transcript(
        kohtaa(&data)
            .current_dir(dir.path())
            .args(["new", "waiting-room"]),
        &[],
    );
    assert_snapshot!("already_exists", out);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited");
}

#[test]
fn new_refuses_a_bad_id() {
    let dir = tempfile::tempdir().unwrap();
    let out = transcript(
        kohtaa(&dir.path().join("data"))
            .current_dir(dir.path())
            .args(["new", "Bad Id"]),
        &[],
    );
    assert_snapshot!("bad_id", out);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A new scenario is written to be shared: its mode is what the umask allows (0644 under
/// 022), not the 0600 of the learner's own records.
#[cfg(unix)]
#[test]
fn new_follows_the_umask_and_refuses_an_id_that_reads_as_an_option() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let id = format!("shared-{umask}");
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" new {id}"))
            .arg(env!("CARGO_BIN_EXE_kohtaa"))
            .current_dir(dir.path())
            .env("KOHTAA_DATA_DIR", dir.path().join("data"))
            .status()
            .unwrap();
        assert!(status.success());
        let meta = std::fs::metadata(dir.path().join(format!("{id}.ron"))).unwrap();
        assert_eq!(meta.permissions().mode() & 0o777, mode, "umask {umask}");
    }
    for id in ["-", "-x", "--"] {
        kohtaa(&dir.path().join("data"))
            .current_dir(dir.path())
            .args(["new", "--", id])
            .assert()
            .code(2);
    }
    assert!(!dir.path().join("-.ron").exists());
}

/// Every bundled scenario can be the start of one's own: copied under a new id in every
/// language with its tests, the copies pass `check` and their playthroughs pass `test`.
#[test]
fn new_from_copies_every_bundled_scenario_under_a_new_id() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ids = library::bundled_ids();
    assert!(ids.len() >= 14, "{ids:?}");
    for id in &ids {
        let out = crate::support::cli::run(kohtaa(data.path()).args([
            "new",
            &format!("own-{id}"),
            "--from",
            id,
            "--dir",
            dir.path().to_str().unwrap(),
        ]));
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
    }
    let copies = library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: vec![dir.path().to_path_buf()],
    });
    let errors: Vec<String> = copies.diagnostics.iter().map(|d| d.render(false)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let bundled = library::bundled();
    assert_eq!(copies.scenarios.len(), bundled.scenarios.len());
    assert_eq!(copies.tests.len(), bundled.tests.len());
    assert!(
        copies
            .scenarios
            .iter()
            .all(|s| s.value.id.starts_with("own-"))
    );
    assert!(
        copies
            .tests
            .iter()
            .all(|t| t.value.scenario.starts_with("own-"))
    );
    let tested =
        crate::support::cli::run(kohtaa(data.path()).args(["test", dir.path().to_str().unwrap()]));
    assert_eq!(tested.code, 0, "{}", tested.stdout);
    assert!(tested.stdout.contains(" 0 failed"), "{}", tested.stdout);
}

/// Without `--dir` the copy goes to the user's own folder, where the app and `list` find it;
/// the same id replaces the bundled scenario.
#[test]
fn new_from_writes_to_the_users_folder_and_the_same_id_replaces_the_bundled_one() {
    let data = tempfile::tempdir().unwrap();
    let out = crate::support::cli::run(kohtaa(data.path()).args([
        "new",
        "wrong-fee",
        "--from",
        "wrong-fee",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let own = data.path().join("scenarios");
    for file in ["en/wrong-fee.ron", "fi/wrong-fee.tests.ron"] {
        assert!(own.join(file).is_file(), "{file}");
    }
    assert!(
        out.stdout.contains("replaces the bundled `wrong-fee`"),
        "{}",
        out.stdout
    );
    let checked = crate::support::cli::run(kohtaa(data.path()).arg("check"));
    assert!(
        checked
            .stdout
            .contains("this replaces the bundled scenario `wrong-fee`"),
        "{}",
        checked.stdout
    );
}

/// (Checked line by line: the list of ids grows with the bundled library.)
#[test]
fn new_from_an_unknown_id_suggests_one_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = crate::support::cli::run(
        kohtaa(data.path())
            .args(["new", "mine", "--from", "wrong-fe", "--dir"])
            .arg(dir.path()),
    );
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines[0], "error: no bundled scenario has the id `wrong-fe`");
    assert_eq!(lines[1], "  help: did you mean `wrong-fee`?");
    assert_eq!(
        lines[2],
        format!("  available: {}", library::bundled_ids().join(", "))
    );
    assert_eq!(lines.len(), 3);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// One file of the copy there already: nothing is written, each such file is named.
#[test]
fn new_from_never_overwrites_and_copies_all_or_nothing() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("fi")).unwrap();
    std::fs::write(dir.path().join("fi/mine.tests.ron"), "mine").unwrap();
    let mut cmd = kohtaa(data.path());
    cmd.args(["new", "mine", "--from", "wrong-fee", "--dir"])
        .arg(dir.path());
    assert_snapshot!(
        "new_from_exists",
        transcript(&mut cmd, &[(dir.path(), "[DIR]")])
    );
    assert!(!dir.path().join("en").exists());
    assert!(!dir.path().join("fi/mine.ron").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("fi/mine.tests.ron")).unwrap(),
        "mine"
    );
}
