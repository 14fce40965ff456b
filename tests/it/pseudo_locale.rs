//! The pseudo-locale (`--lang en-XA`) through every command's text and every screen of the
//! app: no line of interface text may be undecorated, so every word the program itself says
//! comes from the catalogue, and a new language is only new catalogue files.
//!
//! # The rule
//!
//! Under the pseudo-locale every letter of the catalogue's own words is accented and each
//! message is bracketed (`[Šçéñåŕîöš]`), so interface text holds no ASCII letter. A line is
//! cut into stretches of ASCII text at every non-ASCII character and at `[`, `]` and `|`; a
//! stretch with an ASCII letter fails unless its words, left to right, are each part of:
//! - **content**: a run of words found, at word boundaries, in the scenario, model and style
//!   files in use (their raw text or their strings), whole or cut short by `…`;
//! - **a name**: a token with a digit or with one of `/ \ . _ - = @ ~ $ * + # % & ^` inside
//!   (codes, numbers, paths, files, ids, flags), a token in backticks (a field, struct or id
//!   of the file formats), a single letter (keys, style letters), a string of the content
//!   files that is one word (ids, tags), or a word of [`NAMES`] (key names, the scenario
//!   format's own words, style codes);
//! - **a diagnostic's level** on its position line (`path:1:2: error: …`), which stays English
//!   in every language by the scenario format's contract (editors and CI read it).
//!
//! Machine formats are not interface text and are not read: JSON (`--format json`, `export`'s
//! lines, `play --json`), and a graph's syntax (only its quoted labels are read).
//!
//! A leaked word that also happens to be in the content passes unseen, so the content is kept
//! small: the fixture libraries, with the bundled library only where a command always loads
//! it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::support::tui::{key, rows, typed};
use assert_cmd::Command;
use crossterm::event::KeyCode;
use kohtaa::content::Library;
use kohtaa::i18n::Lang;
use kohtaa::store::history::Store;
use kohtaa::store::library::{self, LoadOptions};
use kohtaa::tui::screens::draft::DraftScreen;
use kohtaa::tui::screens::present::{Cue, Origin, PresentScreen};
use kohtaa::tui::screens::{ProfileScreen, Screen};
use kohtaa::tui::theme::Theme;
use kohtaa::tui::{Action, App, Env};

/// Words shown as they are in every language: key names, the scenario format's own words
/// (outcomes as authors write them, shown by the authoring commands), DiSC style codes.
const NAMES: &[&str] = &[
    "Enter",
    "Esc",
    "Tab",
    "Home",
    "End",
    "PgUp",
    "PgDn",
    "PageUp",
    "PageDown",
    "Space",
    "Backspace",
    "Del",
    "Delete",
    "Ctrl",
    "Shift",
    "Alt",
    "Resolved",
    "Partial",
    "Unresolved",
    "Escalated",
    "DiSC",
    "Di",
    "iD",
    "iS",
    "Si",
    "SC",
    "CS",
    "CD",
    "DC",
    // The key label of "every letter types" in a list of keys.
    "abc",
    // The configuration file's keys.
    "lang",
    "theme",
    "scenarios",
    "save",
];

/// The text of content files, to tell content from interface text.
struct Content {
    /// Every file's raw text and every string in it, blanks made single spaces.
    text: String,
    /// The strings that are one word: ids, tags.
    names: HashSet<String>,
}

impl Content {
    fn of(dirs: &[&str]) -> Content {
        let mut content = Content {
            text: String::new(),
            names: HashSet::new(),
        };
        for dir in dirs {
            content.add(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir));
        }
        content
    }

    /// With what the learner types in the test, which the program shows back.
    fn typed(mut self, typed: &[&str]) -> Content {
        for text in typed {
            self.text.push_str(text);
            self.text.push('\n');
        }
        self
    }

    fn add(&mut self, path: &Path) {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            entries.sort();
            for entry in entries {
                self.add(&entry);
            }
            return;
        }
        if path.extension().is_none_or(|e| e != "ron") {
            return;
        }
        let raw = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
        self.text.push_str(&single_spaced(&raw));
        self.text.push('\n');
        for string in strings(&raw) {
            if !string.is_empty() && !string.contains(char::is_whitespace) {
                self.names.insert(string.clone());
            }
            self.text.push_str(&single_spaced(&string));
            self.text.push('\n');
        }
    }

    /// Whether `phrase` is in the content with a word boundary at each end (unless that end
    /// was cut short on screen).
    fn has(&self, phrase: &str, cut_left: bool, cut_right: bool) -> bool {
        self.text.match_indices(phrase).any(|(i, _)| {
            let before = self.text[..i].chars().next_back();
            let after = self.text[i + phrase.len()..].chars().next();
            (cut_left || before.is_none_or(|c| !c.is_alphanumeric()))
                && (cut_right || after.is_none_or(|c| !c.is_alphanumeric()))
        })
    }

    fn is_name(&self, token: &str) -> bool {
        // Code in backticks: a field, struct or id of the file formats, as a value.
        let bare = token.trim_matches(|c: char| "()[]{}<>,;:!?\"'.".contains(c));
        if bare.starts_with('`') || bare.ends_with('`') {
            return true;
        }
        let token = token
            .trim_matches(|c: char| "()[]{}<>,;:!?\"'`“”‘’«»".contains(c))
            .trim_end_matches('.');
        !token.chars().any(|c| c.is_ascii_alphabetic())
            || token.chars().count() == 1
            || token.chars().any(|c| c.is_ascii_digit())
            || token.contains(|c: char| "/\\._-=@~$*+#%&^".contains(c))
            || self.names.contains(token)
            || NAMES.contains(&token)
    }

    /// The first stretch of `line` that is neither decorated nor content nor names.
    fn leak(&self, line: &str) -> Option<String> {
        let line = without_diagnostic_level(line);
        // Words, split at blanks, brackets, bars, box lines and `…`; a stretch is a run of
        // words with ASCII letters, which the other words (decorated, numbers, symbols) and
        // the splitting characters end. Box lines and `…` may cut the text they touch.
        let mut words: Vec<&str> = Vec::new();
        let mut cut_left = false;
        let mut start = 0;
        let check = |words: &mut Vec<&str>, cut_left: bool, cut_right: bool| {
            let ok = self.stretch_ok(words, cut_left, cut_right);
            let stretch = words.join(" ");
            words.clear();
            (!ok).then_some(stretch)
        };
        for (i, c) in line.char_indices().chain([(line.len(), '\n')]) {
            let splits = c.is_whitespace() || "[]|…\n".contains(c) || is_box(c);
            if !splits {
                continue;
            }
            let word = &line[start..i];
            start = i + c.len_utf8();
            if word.chars().any(|c| c.is_ascii_alphabetic()) {
                words.push(word);
            } else if !word.is_empty() {
                if let Some(leak) = check(&mut words, cut_left, false) {
                    return Some(leak);
                }
                cut_left = false;
            }
            if !c.is_whitespace() || c == '\n' {
                let cut = c == '…' || is_box(c);
                if let Some(leak) = check(&mut words, cut_left, cut) {
                    return Some(leak);
                }
                cut_left = cut;
            }
        }
        None
    }

    fn stretch_ok(&self, tokens: &[&str], cut_left: bool, cut_right: bool) -> bool {
        let n = tokens.len();
        // ok[i]: the first i tokens are content and names.
        let mut ok = vec![false; n + 1];
        ok[0] = true;
        for i in 1..=n {
            ok[i] = (0..i).any(|j| {
                ok[j] && {
                    let words = &tokens[j..i];
                    (words.len() == 1 && self.is_name(words[0])) || {
                        let phrase = words.join(" ");
                        let phrase = phrase.trim_matches(|c: char| !c.is_ascii_alphanumeric());
                        phrase.is_empty()
                            || self.has(phrase, cut_left && j == 0, cut_right && i == n)
                    }
                }
            });
        }
        ok[n]
    }

    /// Every leaking line of `text`, with what leaked.
    fn leaks(&self, text: &str) -> Vec<String> {
        text.lines()
            .filter_map(|line| self.leak(line).map(|what| format!("{what:?} in {line:?}")))
            .collect()
    }
}

/// `path:1:2: error: message` with the level blanked: the position line keeps `error` and
/// `warning` in every language.
fn without_diagnostic_level(line: &str) -> String {
    for level in [": error", ": warning"] {
        if let Some(at) = line.find(level) {
            let position: Vec<&str> = line[..at].rsplitn(3, ':').collect();
            if position.len() == 3
                && position[..2]
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            {
                let end = at + level.len();
                return format!(
                    "{}: {}{}",
                    &line[..at],
                    " ".repeat(level.len() - 2),
                    &line[end..]
                );
            }
        }
    }
    line.to_owned()
}

fn is_box(c: char) -> bool {
    ('\u{2500}'..='\u{259f}').contains(&c)
}

fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The strings of a RON file, unescaped.
fn strings(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.as_str().starts_with('/') => {
                // A comment: the rest of the line is text too, but not a string.
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some('n') => s.push('\n'),
                            Some('t') => s.push('\t'),
                            Some('u') => {
                                let code: String =
                                    chars.by_ref().take_while(|&c| c != '}').collect();
                                if let Some(c) =
                                    u32::from_str_radix(code.trim_start_matches('{'), 16)
                                        .ok()
                                        .and_then(char::from_u32)
                                {
                                    s.push(c);
                                }
                            }
                            Some(c) => s.push(c),
                            None => {}
                        },
                        c => s.push(c),
                    }
                }
                out.push(s);
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Commands

struct Kohtaa {
    data: tempfile::TempDir,
    failures: Vec<String>,
}

impl Kohtaa {
    fn new() -> Kohtaa {
        Kohtaa {
            data: tempfile::tempdir().unwrap(),
            failures: Vec::new(),
        }
    }

    /// Runs `kohtaa --lang en-XA ARGS` and checks its stdout and stderr against `content`;
    /// `machine_stdout` leaves stdout unread (JSON).
    fn run(&mut self, args: &[&str], stdin: &str, content: &Content, machine_stdout: bool) {
        let out = Command::cargo_bin("kohtaa")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("KOHTAA_DATA_DIR", self.data.path())
            .env("KOHTAA_CONFIG", self.data.path().join("config.toml"))
            .env("XDG_DATA_DIRS", self.data.path().join("system"))
            .env_remove("KOHTAA_LANG")
            .env_remove("KOHTAA_THEME")
            .env_remove("KOHTAA_SCENARIOS")
            .env_remove("KOHTAA_SAVE")
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .args(["--lang", "en-XA"])
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            !stdout.trim().is_empty() || !stderr.trim().is_empty(),
            "`kohtaa {}` says something",
            args.join(" ")
        );
        let command = format!("kohtaa {}", args.join(" "));
        let mut texts = vec![("stderr", stderr)];
        if !machine_stdout {
            texts.push(("stdout", stdout));
        }
        for (stream, text) in texts {
            for leak in content.leaks(&text) {
                self.failures
                    .push(format!("`{command}` ({stream}): {leak}"));
            }
        }
    }

    /// Like [`Kohtaa::run`] for a graph: only the quoted labels are text.
    fn graph(&mut self, args: &[&str], content: &Content) {
        let out = Command::cargo_bin("kohtaa")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("KOHTAA_DATA_DIR", self.data.path())
            .args(["--lang", "en-XA"])
            .args(args)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        // Dot's labels (`label="…"`), Mermaid's quoted texts.
        let labels: Vec<String> = stdout
            .lines()
            .flat_map(|line| match line.find("label=\"") {
                Some(at) => strings(&line[at..]).into_iter().take(1).collect(),
                None if line.trim_start().starts_with("n") || line.contains("-->") => strings(line),
                None => Vec::new(),
            })
            .collect();
        assert!(!labels.is_empty());
        for leak in content.leaks(&labels.join("\n")) {
            self.failures
                .push(format!("`kohtaa {}`: {leak}", args.join(" ")));
        }
        self.run(args, "", content, true);
    }
}

#[test]
fn every_command_speaks_only_from_the_catalogue() {
    let typed = [
        "Not An Id",
        "parcl",
        "things",
        "ok",
        "better",
        "langage",
        "maybe",
        "pink",
    ];
    let fixtures =
        Content::of(&["tests/fixtures", "scenarios/models", "scenarios/styles"]).typed(&typed);
    let bundled = Content::of(&["tests/fixtures", "scenarios"]).typed(&typed);
    let play = ["--scenarios", "tests/fixtures/play", "--seed", "1"];
    let mut k = Kohtaa::new();

    // Authoring.
    k.run(&["check", "tests/fixtures/play"], "", &fixtures, false);
    k.run(&["check", "tests/fixtures/check"], "", &fixtures, false);
    k.run(
        &["check", "tests/fixtures/check", "--format", "json"],
        "",
        &fixtures,
        true,
    );
    k.run(
        &["check", "tests/fixtures/check", "--format", "short"],
        "",
        &fixtures,
        false,
    );
    for file in [
        "lints",
        "trap",
        "loop-exit",
        "mood-route",
        "linear",
        "graph",
    ] {
        let path = format!("tests/fixtures/authoring/{file}.ron");
        k.run(&["analyze", &path, "--notes"], "", &fixtures, false);
    }
    k.run(
        &["test", "tests/fixtures/authoring/playtests"],
        "",
        &fixtures,
        false,
    );
    k.run(&["test", "tests/fixtures/play"], "", &fixtures, false);
    k.graph(&["graph", "tests/fixtures/authoring/graph.ron"], &fixtures);
    k.graph(
        &[
            "graph",
            "tests/fixtures/authoring/linear.ron",
            "--format",
            "mermaid",
        ],
        &fixtures,
    );
    let new_dir = k.data.path().join("drafts");
    std::fs::create_dir_all(&new_dir).unwrap();
    let new_dir = new_dir.to_str().unwrap().to_owned();
    k.run(
        &["new", "pseudo-draft", "--dir", &new_dir],
        "",
        &fixtures,
        false,
    );
    k.run(
        &["new", "pseudo-draft", "--dir", &new_dir],
        "",
        &fixtures,
        false,
    );
    k.run(
        &["new", "Not An Id", "--dir", &new_dir],
        "",
        &fixtures,
        false,
    );
    // A bundled scenario to adapt: written, then there already; an unknown id.
    for _ in 0..2 {
        k.run(
            &[
                "new",
                "pseudo-fee",
                "--from",
                "wrong-fee",
                "--dir",
                &new_dir,
            ],
            "",
            &bundled,
            false,
        );
    }
    k.run(
        &["new", "pseudo-fee", "--from", "wrong-fe", "--dir", &new_dir],
        "",
        &bundled,
        false,
    );
    // Nothing to watch (no folder of the learner's own here), so it ends at once.
    k.run(&["check", "--watch"], "", &fixtures, false);
    k.run(&["explain"], "", &fixtures, false);
    k.run(&["explain", "K0302"], "", &fixtures, false);
    k.run(&["explain", "K9999"], "", &fixtures, false);
    k.run(&["coverage"], "", &bundled, false);

    // A learner: style, runs, history, export, report.
    k.run(&["profile"], "", &fixtures, false);
    let mut args = play.to_vec();
    args.extend(["play", "parcl"]);
    k.run(&args, "", &fixtures, false);
    let mut args = play.to_vec();
    args.extend(["play", "late-parcel", "--plain"]);
    // The style question first: the self-check, answered in full.
    k.run(&args, &format!("1\n{}", "4\n".repeat(12)), &fixtures, false);
    k.run(&args, "1\n1\n1\nthings\nok\nbetter\n4\n", &fixtures, false);
    k.run(&args, "2\n2\n2\n\n\n\n\n", &fixtures, false);
    k.run(&args, "1\nu\nu\nx\nq\n", &fixtures, false);
    k.run(&args, "1\n", &fixtures, false);
    let mut args = play.to_vec();
    args.extend(["play", "--plain"]);
    k.run(&args, "1\n1\n1\n1\n\n\n\n\n", &bundled, false);
    let mut args = play.to_vec();
    args.extend(["play", "late-parcel", "--json"]);
    k.run(&args, "1\n1\n1\n\n\n\n\n", &fixtures, true);
    k.run(&["profile", "--set", "D"], "", &fixtures, false);
    k.run(&["profile"], "", &fixtures, false);
    k.run(&["history"], "", &fixtures, false);
    k.run(&["export"], "", &fixtures, true);
    k.run(&["export", "--with-style"], "", &fixtures, true);
    k.run(&["export", "--format", "xapi"], "", &fixtures, true);
    k.run(
        &[
            "export",
            "--format",
            "xapi",
            "--account-name",
            "a",
            "--account-homepage",
            "x",
        ],
        "",
        &fixtures,
        true,
    );
    k.run(
        &[
            "--scenarios",
            "tests/fixtures/progress/scenarios",
            "report",
            "tests/fixtures/progress/learner-a.jsonl",
            "tests/fixtures/progress/learner-b.jsonl",
        ],
        "",
        &fixtures,
        false,
    );
    // CSV's cells are split at commas, which this reading of lines cannot follow: its
    // titles and headers are checked in report_files.rs.
    k.run(
        &[
            "--scenarios",
            "tests/fixtures/progress/scenarios",
            "report",
            "--format",
            "csv",
            "tests/fixtures/progress/learner-a.jsonl",
        ],
        "",
        &fixtures,
        true,
    );
    k.run(
        &["report", "tests/fixtures/progress/nothing.jsonl"],
        "",
        &fixtures,
        false,
    );
    // Configuration and the command line's conventions.
    k.run(&["config"], "", &fixtures, false);
    k.run(&["config", "--example"], "", &fixtures, false);
    k.run(
        &["config", "--scenarios", "tests/fixtures/play", "--no-save"],
        "",
        &fixtures,
        false,
    );
    let config = k.data.path().join("config.toml");
    std::fs::write(&config, "lang = \"en\"\nsave = maybe\n").unwrap();
    k.run(&["list"], "", &fixtures, false);
    std::fs::write(&config, "theme = \"pink\"\n").unwrap();
    k.run(&["list"], "", &fixtures, false);
    std::fs::remove_file(&config).unwrap();
    k.run(&[], "", &fixtures, false);
    k.run(&["present"], "", &fixtures, false);
    let broken = "Scenario(\n  id: \"x\",\n  langage: \"en\",\n)\n";
    k.run(&["check", "-"], broken, &fixtures, false);
    k.run(&["check", "-", "-"], broken, &fixtures, false);
    k.run(
        &["check", "-q", "tests/fixtures/check"],
        "",
        &fixtures,
        false,
    );
    k.run(
        &["test", "-q", "tests/fixtures/authoring/playtests"],
        "",
        &fixtures,
        false,
    );
    k.run(
        &["report", "tests/fixtures/progress/nothing.jsonl"],
        "",
        &fixtures,
        false,
    );
    k.run(&["profile", "--forget", "--yes"], "", &fixtures, false);
    k.run(&["profile", "--forget", "--yes"], "", &fixtures, false);
    k.run(&["history", "--forget", "--yes"], "", &fixtures, false);
    k.run(&["history"], "", &fixtures, false);

    assert!(
        k.failures.is_empty(),
        "{} undecorated lines:\n{}",
        k.failures.len(),
        k.failures.join("\n")
    );
}

/// `kohtaa lsp`'s words (diagnostics, hover, fix titles, completion details, a refused
/// rename) come from the catalogue too: a session sent whole on its input, the texts of its
/// answers checked.
#[test]
fn the_language_server_speaks_only_from_the_catalogue() {
    let fixtures = Content::of(&["tests/fixtures", "scenarios/models", "scenarios/styles"]);
    let file = std::path::absolute("tests/fixtures/check/k0302_unknown_next.ron").unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let uri = format!("file://{}", file.display());
    // The file is ASCII: a column is a byte offset into its line.
    let at = |what: &str, into: usize| {
        let offset = text.find(what).unwrap() + into;
        let line = text[..offset].matches('\n').count();
        let character = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
        serde_json::json!({"line": line, "character": character})
    };
    let document = serde_json::json!({"uri": uri});
    let messages = [
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": null, "rootUri": null, "capabilities": {}}}),
        serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "ron", "version": 1, "text": text}}}),
        serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
            "params": {"textDocument": document, "position": at("start: \"hello\"", 9)}}),
        serde_json::json!({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
            "params": {"textDocument": document, "position": at("[\"greet\"]", 3)}}),
        serde_json::json!({"jsonrpc": "2.0", "id": 4, "method": "textDocument/codeAction",
            "params": {"textDocument": document,
                "range": {"start": at("\"dnoe\"", 0), "end": at("\"dnoe\"", 6)},
                "context": {"diagnostics": []}}}),
        serde_json::json!({"jsonrpc": "2.0", "id": 5, "method": "textDocument/completion",
            "params": {"textDocument": document, "position": at("feedback:", 0)}}),
        serde_json::json!({"jsonrpc": "2.0", "id": 6, "method": "textDocument/rename",
            "params": {"textDocument": document, "position": at("id: \"done\"", 6),
                "newName": "Not An Id"}}),
        serde_json::json!({"jsonrpc": "2.0", "id": 7, "method": "textDocument/rename",
            "params": {"textDocument": document, "position": at("say:", 0), "newName": "x"}}),
        serde_json::json!({"jsonrpc": "2.0", "id": 8, "method": "shutdown", "params": null}),
        serde_json::json!({"jsonrpc": "2.0", "method": "exit", "params": null}),
    ];
    let input: String = messages
        .iter()
        .map(|m| {
            let body = m.to_string();
            format!("Content-Length: {}\r\n\r\n{body}", body.len())
        })
        .collect();
    let data = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("kohtaa")
        .unwrap()
        .env("KOHTAA_DATA_DIR", data.path())
        .args(["--lang", "en-XA", "lsp"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    fn words(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        (
                            "message" | "title" | "value" | "detail",
                            serde_json::Value::String(s),
                        ) => out.push(s.clone()),
                        _ => words(value, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| words(v, out)),
            _ => {}
        }
    }
    let mut said = Vec::new();
    for body in stdout.split("Content-Length: ").skip(1) {
        let json = &body[body.find("\r\n\r\n").unwrap() + 4..];
        words(&serde_json::from_str(json).unwrap(), &mut said);
    }
    // A diagnostic, two hovers, a fix title, a completion detail and two refusals at least.
    assert!(said.len() >= 7, "{said:#?}");
    let leaks: Vec<String> = said.iter().flat_map(|s| fixtures.leaks(s)).collect();
    assert!(leaks.is_empty(), "{leaks:#?}\nin {said:#?}");
}

#[test]
fn under_lang_fi_an_unknown_scenario_is_an_error_in_finnish() {
    let data = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("kohtaa")
        .unwrap()
        .env("KOHTAA_DATA_DIR", data.path())
        .args(["--lang", "fi", "play", "parcl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("virhe: "), "{stderr}");
    assert!(stderr.contains("parcl"), "{stderr}");
    assert!(!stderr.contains("no scenario"), "{stderr}");
}

#[test]
fn the_pseudo_locale_is_not_offered() {
    let out = Command::cargo_bin("kohtaa")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--lang"), "{help}");
    assert!(!help.contains("en-XA"), "{help}");
}

// ---------------------------------------------------------------------------------------
// Screens

/// The play fixtures and the bundled style texts.
fn screen_library() -> Library {
    library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: vec![
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play").into(),
            concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/styles").into(),
        ],
    })
}

struct Screens {
    content: Content,
    failures: Vec<String>,
    seen: usize,
}

impl Screens {
    fn check(&mut self, app: &App, what: &str) {
        self.seen += 1;
        let shown = rows(app).join("\n");
        for leak in self.content.leaks(&shown) {
            self.failures.push(format!("{what}: {leak}"));
        }
    }

    fn app(&self, data: &Path, w: u16, h: u16) -> App {
        let env = Env::new(Lang::Pseudo, Theme::mono(), screen_library(), Some(3))
            .with_store(Store::in_data_dir(data, true));
        let mut app = App::new(env);
        app.update(Action::Resize(w, h));
        app
    }
}

#[test]
fn every_screen_speaks_only_from_the_catalogue() {
    let mut s = Screens {
        content: Content::of(&[
            "tests/fixtures/play",
            "scenarios/styles",
            "scenarios/models",
        ])
        .typed(&["things", "ok", "better", "zzz", "parcel"]),
        failures: Vec::new(),
        seen: 0,
    };
    let data = tempfile::tempdir().unwrap();

    // First start: the welcome, as `kohtaa` opens it without a profile.
    let mut app = s.app(data.path(), 100, 30);
    app.screen = Screen::Profile(ProfileScreen::new(&app.env, true));
    assert!(matches!(app.screen, Screen::Profile(_)), "on the welcome");
    s.check(&app, "first start");
    let mut app2 = s.app(data.path(), 59, 15);
    s.check(&app2, "too small");
    app2.update(Action::Resize(80, 24));
    s.check(&app2, "first start, 80x24");

    // The profile: choose, self-check, delete.
    app.update(Action::Profile);
    s.check(&app, "profile");
    for _ in 0..20 {
        app.update(Action::Down);
        s.check(&app, "profile, moving");
    }
    app.update(Action::Home);
    app.update(Action::Select);
    s.check(&app, "self-check");
    for answer in [1, 5, 3, 4, 2, 1, 5, 3, 4, 2, 1, 5] {
        app.update(Action::Pick(answer));
        s.check(&app, "self-check, answering");
    }
    for _ in 0..6 {
        app.update(Action::Down);
        s.check(&app, "self-check result");
    }
    app.update(Action::Home);
    app.update(Action::Select);
    s.check(&app, "self-check used");
    app.update(Action::Back);
    s.check(&app, "back");

    // The library.
    let mut app = s.app(data.path(), 100, 30);
    if matches!(app.screen, Screen::Profile(_)) {
        app.update(Action::Back);
    }
    assert!(matches!(app.screen, Screen::Library(_)), "on the library");
    s.check(&app, "library");
    key(&mut app, KeyCode::Char('?'));
    s.check(&app, "library help");
    for _ in 0..5 {
        app.update(Action::PageDown);
        s.check(&app, "library help, scrolled");
    }
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    s.check(&app, "library, Esc at the top");
    app.update(Action::OtherLanguages);
    s.check(&app, "library, other languages");
    app.update(Action::End);
    s.check(&app, "library, last");
    app.update(Action::OtherLanguages);
    app.update(Action::Home);
    s.check(&app, "library, first");
    typed(&mut app, "zzz");
    s.check(&app, "library, nothing matches");
    for _ in 0..3 {
        key(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "parcel");
    s.check(&app, "library, filtered");

    // A run: briefing, play, feedback, leave question, debrief, reflection.
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Briefing(_)), "on the briefing");
    s.check(&app, "briefing");
    app.update(Action::Down);
    s.check(&app, "briefing, a focus");
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Play(_)), "playing");
    s.check(&app, "play");
    key(&mut app, KeyCode::Char('q'));
    s.check(&app, "leave question");
    key(&mut app, KeyCode::Char('n'));
    app.update(Action::Down);
    s.check(&app, "play, a choice selected");
    let mut picks = 0;
    while matches!(app.screen, Screen::Play(_)) && picks < 10 {
        app.update(Action::Pick(2));
        s.check(&app, "play, chosen");
        app.update(Action::Select);
        s.check(&app, "play, feedback");
        app.update(Action::Select);
        s.check(&app, "play, next");
        picks += 1;
    }
    assert!(matches!(app.screen, Screen::Debrief(_)), "on the debrief");
    s.check(&app, "debrief");
    for section in '1'..='7' {
        key(&mut app, KeyCode::Char(section));
        s.check(&app, "debrief, a section");
        for _ in 0..4 {
            app.update(Action::PageDown);
            s.check(&app, "debrief, scrolled");
        }
    }
    app.update(Action::End);
    s.check(&app, "debrief, end");
    app.update(Action::Back);
    assert!(matches!(app.screen, Screen::Reflect(_)), "reflecting");
    s.check(&app, "reflection");
    for answer in ["things", "ok", "better"] {
        typed(&mut app, answer);
        s.check(&app, "reflection, typing");
        app.update(Action::Select);
        s.check(&app, "reflection, next");
    }
    app.update(Action::Pick(4));
    s.check(&app, "reflection, rated");
    app.update(Action::Select);
    s.check(&app, "after the reflection");

    // Progress, after a run.
    let mut app = s.app(data.path(), 100, 30);
    app.update(Action::Progress);
    assert!(matches!(app.screen, Screen::Progress(_)), "on progress");
    s.check(&app, "progress");
    for _ in 0..6 {
        app.update(Action::Down);
        s.check(&app, "progress, moving");
    }
    app.update(Action::Select);
    s.check(&app, "progress, a debrief again");

    // The library again, with a last run and a recommendation, at two sizes.
    let mut app = s.app(data.path(), 120, 40);
    s.check(&app, "library after a run");
    app.update(Action::Resize(80, 24));
    s.check(&app, "library after a run, 80x24");

    // Presenter mode.
    let mut app = s.app(data.path(), 120, 35);
    app.update(Action::Present(Cue::Map));
    s.check(&app, "presenter, picking");
    let env = Env::new(Lang::Pseudo, Theme::mono(), screen_library(), Some(3));
    let loaded = env
        .library
        .scenario("late-parcel", "en")
        .expect("the fixture");
    let model = env.library.model_for(&loaded.value).unwrap().clone();
    let present = PresentScreen::new(
        &env,
        Origin::Command,
        Arc::new(loaded.value.clone()),
        Arc::new(model),
    )
    .expect("a run");
    let mut app = App::new(env);
    app.screen = Screen::Present(Box::new(present));
    app.update(Action::Resize(120, 35));
    s.check(&app, "presenter");
    for step in 0..4 {
        key(&mut app, KeyCode::Enter);
        s.check(&app, "presenter, begun");
        for cue in [
            Cue::RevealNext,
            Cue::RevealAll,
            Cue::VoteAdd,
            Cue::VoteAdd,
            Cue::Notes,
            Cue::Notes,
        ] {
            app.update(Action::Present(cue));
            s.check(&app, "presenter, a cue");
        }
        if step == 1 {
            app.update(Action::Pick(2));
            app.update(Action::Present(Cue::VoteAdd));
            s.check(&app, "presenter, a tie");
        }
        key(&mut app, KeyCode::Char('?'));
        s.check(&app, "presenter, help");
        key(&mut app, KeyCode::Esc);
        app.update(Action::Present(Cue::Map));
        s.check(&app, "presenter, the map");
        app.update(Action::Present(Cue::Map));
        app.update(Action::Select);
        s.check(&app, "presenter, followed");
        app.update(Action::Select);
        s.check(&app, "presenter, next");
    }
    for _ in 0..3 {
        app.update(Action::Present(Cue::Page));
        s.check(&app, "presenter, debrief page");
        app.update(Action::Present(Cue::Flip));
        s.check(&app, "presenter, flipped");
    }
    app.update(Action::Present(Cue::Blank));
    s.check(&app, "presenter, blank");
    app.update(Action::Present(Cue::Blank));
    key(&mut app, KeyCode::Char('q'));
    s.check(&app, "presenter, leave question");

    // A draft: broken, then playable.
    for file in ["broken.ron", "late-parcel.ron"] {
        let env = Env::new(Lang::Pseudo, Theme::mono(), screen_library(), Some(3));
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/play/en")
            .join(file);
        let draft = DraftScreen::open(
            &env,
            path,
            vec![concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play").into()],
            None,
        );
        let mut app = App::new(env);
        app.screen = Screen::Draft(draft);
        app.update(Action::Resize(100, 30));
        s.check(&app, "draft");
        app.update(Action::Reload);
        s.check(&app, "draft, reloaded");
        app.update(Action::Pick(1));
        app.update(Action::Select);
        s.check(&app, "draft, a choice");
        key(&mut app, KeyCode::Char('?'));
        s.check(&app, "draft, help");
    }

    assert!(s.seen > 100, "the screens were drawn");
    assert!(
        s.failures.is_empty(),
        "{} undecorated lines:\n{}",
        s.failures.len(),
        s.failures.join("\n")
    );
}

#[test]
fn the_rule_sees_what_it_should() {
    let content = Content::of(&["tests/fixtures/play"]);
    // Decorated words, content, names and numbers pass.
    for ok in [
        "[Šçéñåŕîöš]",
        "[Çĥöîçé 1 öƒ 3: Hello, I'm Sam. Tell me what happened.]",
        "[Ýöûŕ ŕöļé: You work at the parcel counter.]",
        "A customer's parcel is a week late and she has come to the…",
        "Esc [ƀåçķ]  q [ǫûîţ]  late-parcel  K0302  tests/fixtures/play/en/broken.ron:7:5",
        "tests/fixtures/play/en/broken.ron:7:5: error: [ûñķñöŵñ ƒîéļð]",
        "│ 75 % │ −2 → +1 │",
    ] {
        assert_eq!(content.leak(ok), None, "{ok}");
    }
    // Interface words that are not decorated fail, alone or next to decorated ones.
    for leak in [
        "error: no scenario with the id `parcl`",
        "[Ŝçéñåŕîöš] available: late-parcel",
        "Press Enter to continue",
        "note: something",
    ] {
        assert!(content.leak(leak).is_some(), "{leak}");
    }
}
