//! `kohtaa check` and `kohtaa explain` as a user runs them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use insta::assert_snapshot;

use crate::support;
use crate::support::cli::{kohtaa, transcript};

fn fixture(rel: &str) -> PathBuf {
    support::fixture("check").join(rel)
}

fn stdout(cmd: &mut Command) -> (String, i32) {
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn a_typo_is_reported_rustc_style_with_a_caret_and_a_summary_last() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.ron");
    std::fs::copy(fixture("k0302_unknown_next.ron"), &path).unwrap();
    let (out, code) = stdout(
        kohtaa(data.path())
            .env("NO_COLOR", "1")
            .current_dir(dir.path())
            .args(["check", "draft.ron"]),
    );
    assert_eq!(code, 1);
    // The misspelt `next` is the one problem: no graph warnings follow from it.
    let expected = "\
draft.ron:17:27: error: next `dnoe` names no node; did you mean `done`? [K0302]
   |
17 |                     next: \"dnoe\",
   |                           ^^^^^^

To learn more about a code, run `kohtaa explain K0302`.
checked 1 file, 1 scenario: 1 error, 0 warnings
";
    assert_eq!(out, expected);
}

#[test]
fn output_is_plain_when_piped_and_never_holds_an_escape_from_a_file() {
    let data = tempfile::tempdir().unwrap();
    // assert_cmd pipes stdout, and NO_COLOR is removed: piping alone must turn colour off.
    let (out, code) = stdout(kohtaa(data.path()).arg("check").arg(fixture("hostile.ron")));
    assert_eq!(code, 1);
    assert!(!out.contains('\x1b'), "{out}");
    assert!(
        !out.chars().any(
            |c| matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        ),
        "{out}"
    );
    // The offending text is shown escaped instead.
    assert_snapshot!(
        "hostile",
        out.replace(&support::root().display().to_string(), "[ROOT]")
    );
}

#[test]
fn exit_codes_are_0_without_errors_1_with_errors_and_2_on_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    let (out, code) = stdout(kohtaa(data.path()).arg("check").arg(fixture("valid")));
    assert_eq!(
        (out.as_str(), code),
        ("checked 4 files, 4 scenarios: 0 errors, 0 warnings\n", 0)
    );
    let (_, code) = stdout(
        kohtaa(data.path())
            .arg("check")
            .arg(fixture("k0608_no_feedback.ron")),
    );
    assert_eq!(code, 0, "warnings alone do not fail");
    let (_, code) = stdout(
        kohtaa(data.path())
            .arg("check")
            .arg(fixture("k0301_unknown_start.ron")),
    );
    assert_eq!(code, 1);
    let out = kohtaa(data.path())
        .args(["check", "no/such/file.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: no such file or folder: no/such/file.ron\n"
    );
    let out = kohtaa(data.path())
        .args(["check", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_output_is_one_object_per_line() {
    let data = tempfile::tempdir().unwrap();
    let (out, code) = stdout(
        kohtaa(data.path())
            .args(["check", "--format", "json"])
            .arg(fixture("k0401_unknown_step.ron")),
    );
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let step = lines.iter().find(|v| v["code"] == "K0401").unwrap();
    assert!(
        step["path"]
            .as_str()
            .unwrap()
            .ends_with("k0401_unknown_step.ron")
    );
    assert_eq!(step["schema"], 2);
    assert_eq!(step["line"], 18);
    assert_eq!(step["column"], 28);
    let text = std::fs::read_to_string(fixture("k0401_unknown_step.ron")).unwrap();
    let at = text.find("\"greeet\"").unwrap();
    assert_eq!(step["offset"], at);
    assert_eq!(step["byte_column"], 28);
    assert_eq!(
        step["end"],
        serde_json::json!({"line": 18, "column": 36, "byte_column": 36, "offset": at + 8})
    );
    assert_eq!(
        step["fix"],
        serde_json::json!({
            "start": {"line": 18, "column": 29, "byte_column": 29, "offset": at + 1},
            "end": {"line": 18, "column": 35, "byte_column": 35, "offset": at + 7},
            "replacement": "greet",
        })
    );
    assert_eq!(step["level"], "error");
    assert_eq!(
        step["message"],
        "unknown step `greeet`; did you mean `greet`?"
    );
    assert_eq!(step["suggestion"], "greet");
}

/// `--format short` is one quickfix line a problem, its column in bytes: after "Ä" (two
/// bytes) the column is one more than the characters count.
#[test]
fn short_output_is_one_line_a_problem_with_byte_columns() {
    let data = tempfile::tempdir().unwrap();
    let draft = data.path().join("draft.ron");
    let text = std::fs::read_to_string(fixture("k0302_unknown_next.ron"))
        .unwrap()
        .replace("next: \"dnoe\"", "say: \"Äiti 👩‍👧\", next: \"dnoe\"")
        .replace("say: \"Good morning. Let me look that up for you.\",", "");
    std::fs::write(&draft, &text).unwrap();
    let (out, code) = stdout(
        kohtaa(data.path())
            .args(["check", "--format", "short"])
            .arg(&draft),
    );
    assert_eq!(code, 1);
    let line = text.lines().position(|l| l.contains("dnoe")).unwrap() + 1;
    let byte_col = text.lines().nth(line - 1).unwrap().find("\"dnoe").unwrap() + 1;
    assert_eq!(
        out,
        format!(
            "{}:{line}:{byte_col}: error: next `dnoe` names no node; did you mean `done`? [K0302]\n",
            draft.display()
        )
    );
}

#[test]
fn a_user_folder_overrides_a_bundled_scenario_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let mine = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/en/doctor-today.ron");
    std::fs::create_dir(mine.path().join("en")).unwrap();
    std::fs::copy(&bundled, mine.path().join("en/doctor-today.ron")).unwrap();
    let (out, _) = stdout(
        kohtaa(data.path())
            .arg("--scenarios")
            .arg(mine.path())
            .arg("check"),
    );
    let name = mine.path().join("en/doctor-today.ron");
    let expected = format!(
        "{}:2:9: note: this replaces the bundled scenario `doctor-today` (en) [K0606]",
        name.display()
    );
    assert!(out.lines().any(|l| l == expected), "{out}");
}

#[test]
fn a_user_model_replaces_or_adds_a_model_for_the_scenarios_that_name_it() {
    let data = tempfile::tempdir().unwrap();
    let mine = tempfile::tempdir().unwrap();
    std::fs::create_dir(mine.path().join("models")).unwrap();
    std::fs::write(
        mine.path().join("models/acme.en.ron"),
        r#"EncounterModel(id: "acme", language: "en", name: "Acme", steps: [
            Step(id: "smile", name: "Smile", description: "Smile first."),
        ])"#,
    )
    .unwrap();
    let draft = mine.path().join("draft.ron");
    let text = std::fs::read_to_string(fixture("k0403_unknown_model.ron"))
        .unwrap()
        .replace(r#"fits: ["greet"]"#, r#"fits: ["smile"]"#);
    std::fs::write(&draft, text).unwrap();
    // Without the user folder, `acme` is unknown; with it, the draft checks against it.
    let out = transcript(
        kohtaa(data.path()).arg("check").arg(&draft),
        &[(mine.path(), "[DIR]")],
    );
    assert_snapshot!("unknown_model", out);
    let (out, code) = stdout(
        kohtaa(data.path())
            .arg("--scenarios")
            .arg(mine.path())
            .arg("check")
            .arg(&draft),
    );
    assert_eq!(code, 0, "{out}");
    // The data directory's own folder counts as a user folder too.
    std::fs::create_dir(data.path().join("scenarios")).unwrap();
    std::fs::rename(
        mine.path().join("models"),
        data.path().join("scenarios/models"),
    )
    .unwrap();
    let (out, code) = stdout(kohtaa(data.path()).arg("check").arg(&draft));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn the_bundled_library_checks_without_errors() {
    let data = tempfile::tempdir().unwrap();
    let (out, code) = stdout(kohtaa(data.path()).arg("check"));
    assert_eq!(code, 0, "{out}");
    assert!(out.lines().last().unwrap().starts_with("checked "), "{out}");
}

#[test]
fn explain_gives_the_meaning_of_a_code_and_lists_them_all() {
    let data = tempfile::tempdir().unwrap();
    let out = transcript(kohtaa(data.path()).args(["explain", "k0302"]), &[]);
    assert_snapshot!("explain_k0302", out);
    // The list grows with every code: each is in it.
    let (out, _) = stdout(kohtaa(data.path()).arg("explain"));
    for code in kohtaa::content::Code::ALL {
        assert!(out.contains(code.as_str()), "{code} missing from the list");
    }
    let out = kohtaa(data.path())
        .args(["explain", "K9999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_code_has_an_explanation() {
    for code in kohtaa::content::Code::ALL {
        let text = kohtaa::cli::explain::text_in(*code, kohtaa::lang::Lang::En);
        assert!(text.len() > 40, "{code}");
    }
}
