//! The conventions of a Unix tool: completions and a man page, `--color` with NO_COLOR and
//! CLICOLOR_FORCE, `-q`, `-` for standard input, values in either case, options only where
//! they mean something, and a clear word when there is no terminal.

use insta::assert_snapshot;

use crate::support::cli::{kohtaa, run, transcript};

const ESC: &str = "\u{1b}[";

/// A scenario with an unknown field on line 3.
const BROKEN: &str = "Scenario(\n  id: \"x\",\n  langage: \"en\",\n)\n";

#[test]
fn completions_for_each_shell_name_the_commands() {
    let data = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "complete -F _kohtaa"),
        ("zsh", "#compdef kohtaa"),
        ("fish", "complete -c kohtaa"),
        ("Elvish", "kohtaa"),
        ("powershell", "kohtaa"),
    ] {
        let out = run(kohtaa(data.path()).args(["completions", shell]));
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(out.stdout.contains(marker), "{shell}:\n{}", out.stdout);
        for command in ["check", "play", "config", "completions", "report"] {
            assert!(out.stdout.contains(command), "{shell} lacks {command}");
        }
    }
    let out = run(kohtaa(data.path()).args(["completions", "tcsh"]));
    assert_eq!(out.code, 2);
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let data = tempfile::tempdir().unwrap();
    let out = run(kohtaa(data.path()).arg("man"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(".TH kohtaa 1"), "{}", out.stdout);
    assert!(out.stdout.contains(".SH SUBCOMMANDS"), "{}", out.stdout);
    for command in ["kohtaa\\-check", "kohtaa\\-config", "kohtaa\\-play"] {
        assert!(out.stdout.contains(command), "no {command}");
    }
}

/// `check -` on the broken scenario, with the given arguments and environment.
fn check_colour(args: &[&str], env: &[(&str, &str)]) -> String {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = kohtaa(data.path());
    cmd.args(args).args(["check", "-"]).write_stdin(BROKEN);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = run(&mut cmd);
    assert_eq!(out.code, 1, "{}", out.stderr);
    out.stdout
}

#[test]
fn colour_follows_the_flag_then_no_color_then_clicolor_force() {
    // stdout is a pipe: no colour unless asked.
    assert!(!check_colour(&[], &[]).contains(ESC));
    assert!(check_colour(&["--color", "always"], &[]).contains(ESC));
    assert!(check_colour(&["--color=ALWAYS"], &[("NO_COLOR", "1")]).contains(ESC));
    assert!(check_colour(&[], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(!check_colour(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]).contains(ESC));
    assert!(
        !check_colour(
            &["--color", "auto"],
            &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]
        )
        .contains(ESC)
    );
    assert!(!check_colour(&["--color", "never"], &[]).contains(ESC));
    // The same words either way.
    let plain = check_colour(&[], &[]);
    let coloured = check_colour(&["--color", "always"], &[]);
    assert_eq!(strip_escapes(&coloured), plain);
}

fn strip_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn check_reads_standard_input_named_stdin_at_the_right_line() {
    let data = tempfile::tempdir().unwrap();
    let out = transcript(
        kohtaa(data.path()).args(["check", "-"]).write_stdin(BROKEN),
        &[],
    );
    assert_snapshot!("check_stdin_en", out);
    let out = run(kohtaa(data.path())
        .args(["--lang", "fi", "check", "-", "--format", "JSON"])
        .write_stdin(BROKEN));
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("\"path\":\"<stdin>\""),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("\"line\":3"), "{}", out.stdout);
    // Standard input is read once: `-` twice is a usage error.
    let out = run(kohtaa(data.path())
        .args(["check", "-", "-"])
        .write_stdin(BROKEN));
    assert_eq!(out.code, 2);
    // With the limit files have.
    let out = run(kohtaa(data.path())
        .env("KOHTAA_MAX_FILE_MIB", "0")
        .args(["check", "-"])
        .write_stdin(BROKEN));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("<stdin>"), "{}", out.stderr);
}

#[test]
fn graph_analyze_and_report_read_standard_input() {
    let data = tempfile::tempdir().unwrap();
    let scenario = std::fs::read_to_string("scenarios/en/doctor-today.ron").unwrap();
    let from_file = run(kohtaa(data.path()).args(["graph", "scenarios/en/doctor-today.ron"]));
    let from_stdin = run(kohtaa(data.path())
        .args(["graph", "-", "--format", "DOT"])
        .write_stdin(scenario.clone()));
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    assert_eq!(from_stdin.stdout, from_file.stdout);

    let from_stdin = run(kohtaa(data.path())
        .args(["analyze", "-", "--format", "json"])
        .write_stdin(scenario));
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    assert!(from_stdin.stdout.contains("\"file\":\"<stdin>\""));

    let export = std::fs::read_to_string("tests/fixtures/progress/learner-a.jsonl").unwrap();
    let from_file = run(kohtaa(data.path()).args([
        "report",
        "--scenarios",
        "tests/fixtures/progress/scenarios",
        "tests/fixtures/progress/learner-a.jsonl",
    ]));
    let from_stdin = run(kohtaa(data.path())
        .args([
            "report",
            "--scenarios",
            "tests/fixtures/progress/scenarios",
            "-",
        ])
        .write_stdin(export));
    assert_eq!(from_stdin.code, 0, "{}", from_stdin.stderr);
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn quiet_test_prints_failures_and_the_summary_and_quiet_check_only_problems() {
    let data = tempfile::tempdir().unwrap();
    let loud = run(kohtaa(data.path()).arg("test"));
    assert_eq!(loud.code, 0, "{}", loud.stderr);
    assert!(loud.stdout.lines().count() > 100);
    let quiet = run(kohtaa(data.path()).args(["test", "-q"]));
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stdout.lines().count(), 1, "{}", quiet.stdout);
    assert_eq!(quiet.stdout.lines().last(), loud.stdout.lines().last());

    // A failing playthrough keeps its heading and its details.
    let drafts = tempfile::tempdir().unwrap();
    let dir = drafts.path();
    std::fs::copy(
        "scenarios/en/doctor-today.ron",
        dir.join("doctor-today.ron"),
    )
    .unwrap();
    let tests = std::fs::read_to_string("scenarios/en/doctor-today.tests.ron").unwrap();
    let failing = flip_first_outcome(&tests);
    std::fs::write(dir.join("doctor-today.tests.ron"), failing).unwrap();
    let loud = run(kohtaa(data.path()).arg("test").arg(dir));
    let quiet = run(kohtaa(data.path()).args(["test", "-q"]).arg(dir));
    assert_eq!((loud.code, quiet.code), (1, 1), "{}", loud.stdout);
    let fails: Vec<&str> = loud
        .stdout
        .lines()
        .filter(|l| !l.trim_start().starts_with("ok "))
        .collect();
    assert_eq!(quiet.stdout.lines().collect::<Vec<_>>(), fails);
    assert!(quiet.stdout.contains("FAIL"), "{}", quiet.stdout);

    // check -q: the problems, no summary; nothing at all when all is well.
    let out = run(kohtaa(data.path()).args(["check", "-q"]));
    assert_eq!((out.code, out.stdout.as_str()), (0, ""));
    let out = run(kohtaa(data.path())
        .args(["check", "-q", "-"])
        .write_stdin(BROKEN));
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with("<stdin>:3:3: error:"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("checked"), "{}", out.stdout);
}

/// The test file with its first expected outcome changed to one the path does not reach.
fn flip_first_outcome(tests: &str) -> String {
    for (from, to) in [
        ("outcome: Resolved", "outcome: Escalated"),
        ("outcome: Escalated", "outcome: Resolved"),
        ("outcome: Partial", "outcome: Resolved"),
        ("outcome: Unresolved", "outcome: Resolved"),
    ] {
        if tests.contains(from) {
            return tests.replacen(from, to, 1);
        }
    }
    panic!("no outcome to change in:\n{tests}");
}

#[test]
fn values_are_taken_in_either_case_and_style_letters_shown_as_disc_writes_them() {
    let data = tempfile::tempdir().unwrap();
    let out = run(kohtaa(data.path()).args(["--lang", "FI", "list"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.lines().next().unwrap().contains("  fi  "));
    let out = run(kohtaa(data.path()).args(["new", "--help"]));
    let help = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("[possible values: D, i, S, C]"), "{help}");
    assert!(help.contains("[default: S]"), "{help}");
    let dir = tempfile::tempdir().unwrap();
    for style in ["s", "D", "I"] {
        let id = format!("x-{}", style.to_ascii_lowercase());
        let out = run(kohtaa(data.path())
            .args(["new", &id, "--style", style, "--dir"])
            .arg(dir.path()));
        assert_eq!(out.code, 0, "{style}: {}", out.stderr);
    }
    let out = run(kohtaa(data.path()).args(["profile", "--theme", "MONO", "--no-save"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn the_apps_options_are_shown_only_under_the_commands_that_use_them() {
    let data = tempfile::tempdir().unwrap();
    let help = |args: &[&str]| run(kohtaa(data.path()).args(args).arg("--help")).stdout;
    for command in [
        "explain",
        "new",
        "completions",
        "man",
        "check",
        "graph",
        "list",
    ] {
        let text = help(&[command]);
        for flag in ["--seed", "--no-save", "--theme"] {
            assert!(!text.contains(flag), "{command} shows {flag}:\n{text}");
        }
        assert!(
            text.contains("--lang") && text.contains("--color"),
            "{command}"
        );
    }
    let play = help(&["play"]);
    for flag in ["--seed", "--no-save", "--theme", "--scenarios"] {
        assert!(play.contains(flag), "play lacks {flag}");
    }
    assert!(!help(&["explain"]).contains("--scenarios"));
    // Given before the command, as always, they still work.
    let out = run(kohtaa(data.path())
        .args([
            "--seed",
            "7",
            "--no-save",
            "play",
            "--plain",
            "doctor-today",
        ])
        .write_stdin(""));
    assert!(
        out.stdout.contains("choice 1 of") || out.stdout.contains("1."),
        "{}",
        out.stdout
    );
    let out = run(kohtaa(data.path()).args(["explain", "--seed", "7", "K0102"]));
    assert_eq!(out.code, 2);
}

#[test]
fn without_a_terminal_the_app_says_how_to_practise_in_plain_text() {
    let data = tempfile::tempdir().unwrap();
    for args in [&[][..], &["play", "doctor-today"], &["present"]] {
        let out = transcript(kohtaa(data.path()).args(args).write_stdin(""), &[]);
        assert_snapshot!("no_terminal_en", out);
    }
    let out = transcript(
        kohtaa(data.path()).args(["--lang", "fi"]).write_stdin(""),
        &[],
    );
    assert_snapshot!("no_terminal_fi", out);
}
