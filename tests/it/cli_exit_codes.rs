//! The exit codes of every command, as the README's table gives them: 0 when all went well,
//! 1 when problems were found (or there was nothing to work on), 2 for a usage or input
//! error (a bad option or value, a file that is not there or cannot be read, an unknown id,
//! a configuration that does not read). Each row runs the real binary.

use crate::support::cli::{kohtaa, run};

const BROKEN: &str = "Scenario(\n  id: \"x\",\n  langage: \"en\",\n)\n";
const SCENARIO: &str = "scenarios/en/doctor-today.ron";
const MODEL: &str = "scenarios/models/default.en.ron";
const EXPORT: &str = "tests/fixtures/progress/learner-a.jsonl";

/// (arguments, standard input, the exit code the table gives).
fn cases(tmp: &std::path::Path) -> Vec<(Vec<String>, &'static str, i32)> {
    let empty = tmp.join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let empty = empty.display().to_string();
    let dir = tmp.display().to_string();
    let case = |args: &[&str], stdin: &'static str, code: i32| {
        (args.iter().map(|a| a.to_string()).collect(), stdin, code)
    };
    vec![
        // Usage: an unknown command, option or value, anywhere.
        case(&["no-such-command"], "", 2),
        case(&["check", "--format", "xml"], "", 2),
        case(&["--lang", "sv", "list"], "", 2),
        case(&["--color", "sometimes", "list"], "", 2),
        case(&["explain", "--seed", "1"], "", 2),
        // check
        case(&["check"], "", 0),
        case(&["check", "-"], BROKEN, 1),
        case(&["check", "no-such.ron"], "", 2),
        // test
        case(&["test", "-q"], "", 0),
        case(&["test", SCENARIO], "", 0),
        case(&["test", MODEL], "", 1),
        case(&["test", "no-such.ron"], "", 2),
        // graph and analyze
        case(&["graph", SCENARIO], "", 0),
        case(&["graph", "-"], BROKEN, 1),
        case(&["graph", MODEL], "", 2),
        case(&["graph", "no-such.ron"], "", 2),
        case(&["analyze", SCENARIO], "", 0),
        case(&["analyze", "-"], BROKEN, 1),
        case(&["analyze", "no-such.ron"], "", 2),
        // report
        case(&["report", EXPORT], "", 0),
        case(&["report", &empty], "", 1),
        case(&["report", "no-such.jsonl"], "", 2),
        case(&["report", "no-such.jsonl", EXPORT], "", 2),
        // explain
        case(&["explain", "K0102"], "", 0),
        case(&["explain", "K9999"], "", 2),
        // play
        case(&["play", "--plain", "no-such-scenario"], "", 2),
        case(&["play", "--plain", "no-such.ron"], "", 2),
        // new
        case(&["new", "Bad_Id", "--dir", &dir], "", 2),
        case(&["new", "fresh", "--dir", &dir], "", 0),
        case(&["new", "fresh", "--dir", &dir], "", 1),
        // the app and the presenter without a terminal
        case(&[], "", 2),
        case(&["present"], "", 2),
        // the rest
        case(&["list"], "", 0),
        case(&["coverage"], "", 0),
        case(&["history"], "", 0),
        case(&["history", "--forget"], "", 2),
        case(&["profile"], "", 0),
        case(&["profile", "--set", "D", "--no-save"], "", 2),
        case(&["export"], "", 0),
        case(&["export", "--since", "yesterday"], "", 2),
        case(&["config"], "", 0),
        case(&["config", "--path"], "", 0),
        case(&["completions", "bash"], "", 0),
        case(&["man"], "", 0),
    ]
}

#[test]
fn every_command_exits_as_the_table_says() {
    let data = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let mut wrong = Vec::new();
    for (args, stdin, code) in cases(tmp.path()) {
        let out = run(kohtaa(data.path()).args(&args).write_stdin(stdin));
        if out.code != code {
            wrong.push(format!(
                "kohtaa {}: exit {} (table: {code})\n{}",
                args.join(" "),
                out.code,
                out.stderr
            ));
        }
        // An error (2) always says why, on stderr.
        if code == 2 && out.code == 2 {
            assert!(
                !out.stderr.trim().is_empty(),
                "kohtaa {}: no message",
                args.join(" ")
            );
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_broken_configuration_file_is_an_input_error_for_every_command() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("config.toml"), "lang = \n").unwrap();
    for args in [&["list"][..], &["check"], &["explain", "K0102"], &[]] {
        let out = run(kohtaa(data.path()).args(args));
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("config.toml"), "{}", out.stderr);
    }
    // What needs no settings still works: the file's place, completions, the man page.
    for args in [&["config", "--path"][..], &["completions", "zsh"], &["man"]] {
        let out = run(kohtaa(data.path()).args(args));
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
}

#[test]
fn the_readme_has_one_table_of_exit_codes() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert_eq!(readme.matches("| exit code |").count(), 1);
    for row in ["| 0 |", "| 1 |", "| 2 |"] {
        assert!(readme.contains(row), "the table lacks {row}");
    }
}
