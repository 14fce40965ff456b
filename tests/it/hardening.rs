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

/// What an attacker would put in every string: an OSC title change ending in BEL, a C1 CSI,
/// a bidi override, a line separator, a zero-width space.
const PAYLOAD: &str = "\u{1b}]0;PWNED\u{7}\u{9b}31m\u{202e}\u{2028}\u{200b}";

/// Characters that must never leave the program raw (newline aside).
fn unsafe_chars(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{2028}' | '\u{2029}')
        })
        .collect()
}

/// The valid fixture with the payload in every string it holds and in its `model` and
/// `language`: it parses, with errors, so the authoring tools still draw, analyse and play it.
fn hostile_scenario() -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/check/valid/en/library-fine.ron"),
    )
    .unwrap();
    let mut out = String::new();
    for line in text.lines() {
        let key = line.trim_start().split(':').next().unwrap_or("");
        let text_field = [
            "title",
            "summary",
            "learner_role",
            "name",
            "about",
            "narration",
            "say",
            "facilitator",
            "feedback",
            "i",
        ]
        .contains(&key);
        if text_field {
            out.push_str(&line.replacen(": \"", &format!(": \"{PAYLOAD}"), 1));
        } else if key == "language" {
            out.push_str(&line.replacen("\"en\"", &format!("\"e{PAYLOAD}n\""), 1));
        } else if key == "tags" {
            out.push_str(&line.replacen("[\"", &format!("[\"{PAYLOAD}"), 1));
        } else {
            out.push_str(line);
        }
        out.push('\n');
        if key == "difficulty" {
            out.push_str(&format!("    model: \"{PAYLOAD}default\",\n"));
        }
    }
    out
}

/// Every command and output format, on a file named with the payload, a scenario holding
/// it everywhere, an export and saved runs holding it: nothing unsafe comes out, on stdout
/// or stderr.
#[test]
fn no_output_of_any_command_carries_an_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let folder = dir.path().join("mine");
    std::fs::create_dir_all(folder.join("en")).unwrap();
    let file = folder.join(format!("en/x{PAYLOAD}.ron"));
    std::fs::write(&file, hostile_scenario()).unwrap();
    // A clean scenario too, and saved runs whose every string holds the payload.
    let clean = folder.join("en/clean.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/check/valid/en/library-fine.ron"),
        &clean,
    )
    .unwrap();
    let played = run(
        kohtaa(&data).args(["--scenarios"]).arg(&folder).args([
            "play",
            "--plain",
            "doctor-today",
            "--seed",
            "7",
        ]),
        &"1\n".repeat(40),
    );
    assert!(played.status.success() || played.status.code() == Some(1));
    let runs = data.join("runs");
    for entry in std::fs::read_dir(&runs).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let hostile = text
            .replace(
                "\"doctor-today\"",
                &format!("\"doctor-today{}\"", json_escaped()),
            )
            .replace("\"greet\"", &format!("\"greet{}\"", json_escaped()));
        std::fs::write(&path, hostile).unwrap();
    }
    let export = dir.path().join("export.jsonl");
    let exported = run(kohtaa(&data).arg("export"), "");
    std::fs::write(&export, &exported.stdout).unwrap();
    let mut hostile_line = String::from_utf8_lossy(&exported.stdout)
        .lines()
        .next()
        .unwrap_or("{}")
        .to_owned();
    hostile_line =
        hostile_line.replacen("\"node\":\"", &format!("\"node\":\"={}", json_escaped()), 1);
    std::fs::write(&export, format!("{hostile_line}\n{hostile_line}\n")).unwrap();

    let f = file.to_str().unwrap();
    let s = folder.to_str().unwrap();
    let e = export.to_str().unwrap();
    let commands: Vec<(Vec<&str>, &str)> = vec![
        (vec!["check", f], ""),
        (vec!["check", "--format", "json", f], ""),
        (vec!["check", s], ""),
        (vec!["--scenarios", s, "check"], ""),
        (vec!["graph", f], ""),
        (vec!["graph", "--format", "mermaid", f], ""),
        (vec!["analyze", f], ""),
        (vec!["analyze", "--notes", f], ""),
        (vec!["analyze", "--format", "json", f], ""),
        (vec!["test", f], ""),
        (vec!["test", s], ""),
        (vec!["play", "--plain", f, "--seed", "1"], "1\n1\n1\n1\n1\n"),
        (
            vec!["play", "--plain", f, "--seed", "1", "--json"],
            "1\n1\n1\n1\n1\n",
        ),
        (vec!["--scenarios", s, "play", "--plain"], "1\n1\n1\n"),
        (
            vec!["--scenarios", s, "play", "--plain", "library-fine"],
            "1\n1\n1\n1\n",
        ),
        (vec!["report", e], ""),
        (vec!["report", "--format", "csv", e], ""),
        (vec!["report", "--format", "json", e], ""),
        (vec!["export"], ""),
        (vec!["export", "--with-style"], ""),
        (
            vec![
                "export",
                "--format",
                "xapi",
                "--account-name",
                PAYLOAD,
                "--account-homepage",
                "https://lms.example.org",
            ],
            "",
        ),
        (vec!["history"], ""),
        (vec!["--scenarios", s, "history"], ""),
        (vec!["profile"], ""),
        (vec!["--scenarios", s, "coverage"], ""),
        (vec!["new", PAYLOAD], ""),
        (vec!["explain", PAYLOAD], ""),
        (vec!["play", "--plain", PAYLOAD], ""),
        (vec!["--lang", "fi", "check", f], ""),
        (vec!["--lang", "fi", "analyze", f], ""),
    ];
    for (args, input) in commands {
        let out = run(kohtaa(&data).current_dir(dir.path()).args(&args), input);
        for (name, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(text);
            let found = unsafe_chars(&text);
            assert!(
                found.is_empty(),
                "kohtaa {args:?} wrote {found:?} on {name}:\n{text}"
            );
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "kohtaa {args:?}: {stderr}");
    }
}

/// [`PAYLOAD`] as it stands inside a JSON string.
fn json_escaped() -> String {
    let s = serde_json::to_string(PAYLOAD).unwrap();
    s[1..s.len() - 1].to_owned()
}

/// An export line as `kohtaa export` writes it, with `choices` and `fit` given.
fn export_line(node: &str, choice: u64, fit: f64) -> String {
    serde_json::json!({
        "format": 1, "id": "x", "scenario": "doctor-today", "language": "en",
        "choices": [{ "node": node, "choice": choice, "mood_before": 0, "mood_after": 1 }],
        "measurement": { "version": 2, "steps": [], "fit": fit, "order_notes": [],
            "pitfalls": [], "moods": [0, 1], "ending": null, "outcome": null },
        "status": "finished",
    })
    .to_string()
}

#[test]
fn report_neutralises_formulas_and_skips_values_out_of_range() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("e.jsonl");
    let lines = [
        export_line("=HYPERLINK(\"http://x\",\"y\")", 0, 50.0),
        export_line("+1", 1, 50.0),
        export_line("@cmd", 1, 50.0),
        export_line(" -2", 1, 50.0),
        export_line("arrival", 18_446_744_073_709_551_615, 50.0),
        export_line("arrival", 0, 1e308),
    ];
    std::fs::write(&export, lines.join("\n")).unwrap();
    let out = run(
        kohtaa(dir.path())
            .args(["report", "--format", "csv"])
            .arg(&export),
        "",
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    // Each cell as a spreadsheet reads it: the formulas begin with `'`, so they stay text.
    let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let nodes: Vec<&str> = rows
        .iter()
        .filter(|r| r.get(0) == Some("doctor-today"))
        .map(|r| &r[2])
        .collect();
    for cell in ["'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'@cmd", "' -2"] {
        assert!(nodes.contains(&cell), "{cell} in\n{csv}");
    }
    assert_eq!(nodes.len(), 4, "{csv}");
    for node in nodes {
        assert!(!node.starts_with(['=', '+', '-', '@']), "{node}");
    }
    assert!(
        err.contains("e.jsonl:5: skipped: choice 18446744073709551615 is out of range (0 to 5)"),
        "{err}"
    );
    assert!(
        err.contains("e.jsonl:6: skipped: fit 1e308 is out of range (0 to 100)"),
        "{err}"
    );
    assert!(!csv.contains(",0,"), "no choice shown as 0: {csv}");
}

/// A saved run whose numbers no program of ours wrote is set aside like a damaged one, and
/// never drawn: a fit of 4,294,967,295 % once built a bar of as many cells.
#[test]
fn a_run_record_out_of_range_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let played = run(
        kohtaa(data).args(["play", "--plain", "doctor-today", "--seed", "7"]),
        &"1\n".repeat(40),
    );
    assert!(played.status.code().is_some());
    let runs = data.join("runs");
    let saved = std::fs::read_dir(&runs)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    record["measurement"]["fit"] = serde_json::json!(4_294_967_295u64);
    std::fs::write(&saved, record.to_string()).unwrap();
    let out = run(kohtaa(data).arg("history"), "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("fit 4294967295 is out of range (0 to 100)"),
        "{err}"
    );
    assert!(!saved.exists(), "moved aside");
    let aside: Vec<_> = std::fs::read_dir(&runs)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
}
