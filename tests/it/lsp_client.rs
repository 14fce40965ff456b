//! `kohtaa lsp` spoken to as an editor speaks to it: the real binary over standard input and
//! output, a held-out broken scenario in a library folder with its own model, in UTF-16 (the
//! protocol's default) and in UTF-8 when offered. Positions are computed here from the text,
//! so a line with Finnish letters and an emoji before the error tells the units apart.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

use crate::support::{self, cli::command};

const WAIT: Duration = Duration::from_secs(60);

/// The held-out file: a `next` to a misspelt node and a misspelt step, after an emoji on the
/// same line; a good `next`, a good step and a pitfall to go to.
pub const BROKEN: &str = r#"Scenario(
    id: "held-out",
    language: "en",
    title: "A loud mother at the library desk",
    summary: "A mother and her daughter want a card today.",
    learner_role: "Librarian",
    customer: Customer(name: "Äänekäs äiti", style: i),
    start: "arrival",
    nodes: [
        Node(
            id: "arrival",
            say: "We need a library card. Today.",
            choices: [
                Choice(say: "Äänekäs äiti 👩‍👧 – hello!", next: "dnoe", fits: ["greeet"], feedback: "Good."),
                Choice(say: "Next, please.", next: "done", breaks: ["greet"], pitfalls: ["number-only"], feedback: "Cold."),
            ],
        ),
        Node(
            id: "done",
            narration: "They leave with a card.",
            ending: Ending(outcome: Resolved, summary: "A card and a smile."),
        ),
    ],
)
"#;

/// A client of one server process.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications that arrived while waiting for something else.
    notes: Vec<Value>,
    utf8: bool,
}

impl Client {
    /// Starts `kohtaa ARGS` (which say `lsp`).
    fn start(data: &Path, args: &[&str], utf8: bool) -> Client {
        let mut child = command(data)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("kohtaa lsp starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                stdout.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            notes: Vec::new(),
            utf8,
        }
    }

    fn write(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.write(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response, keeping notifications for later.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.write(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self
                .incoming
                .recv_timeout(WAIT)
                .expect("a response in time");
            if message["id"] == id {
                return message;
            }
            self.notes.push(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let is_ours = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(i) = self.notes.iter().position(is_ours) {
            let m = self.notes.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let message = self
                .incoming
                .recv_timeout(WAIT)
                .expect("diagnostics in time");
            if is_ours(&message) {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.notes.push(message);
        }
    }

    fn initialize(&mut self) -> Value {
        let general = if self.utf8 {
            json!({"positionEncodings": ["utf-8", "utf-16"]})
        } else {
            json!({})
        };
        let response = self.request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {"general": general}}),
        );
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "ron", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    /// The position of byte `offset` of `text` in this client's unit.
    fn position(&self, text: &str, offset: usize) -> Value {
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..offset].matches('\n').count();
        let before = &text[line_start..offset];
        let character = if self.utf8 {
            before.len()
        } else {
            before.encode_utf16().count()
        };
        json!({"line": line, "character": character})
    }

    fn range(&self, text: &str, start: usize, end: usize) -> Value {
        json!({"start": self.position(text, start), "end": self.position(text, end)})
    }

    /// The byte offset of a position in this client's unit.
    fn offset(&self, text: &str, position: &Value) -> usize {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character || c == '\n' {
                return start + i;
            }
            units += if self.utf8 {
                c.len_utf8()
            } else {
                c.len_utf16()
            };
        }
        text.len()
    }

    /// `text` with the edits for `uri` of a workspace edit applied, last first.
    fn apply(&self, text: &str, edit: &Value, uri: &str) -> String {
        let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
            .as_array()
            .expect("edits for the file")
            .iter()
            .map(|e| {
                (
                    self.offset(text, &e["range"]["start"]),
                    self.offset(text, &e["range"]["end"]),
                    e["newText"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.0));
        let mut text = text.to_owned();
        for (start, end, new) in edits {
            text.replace_range(start..end, &new);
        }
        text
    }

    fn at(&self, uri: &str, text: &str, offset: usize) -> Value {
        json!({"textDocument": {"uri": uri}, "position": self.position(text, offset)})
    }

    /// Shuts down and exits as the protocol says; the process ends with status 0.
    fn finish(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        drop(self.stdin);
        let started = std::time::Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(started.elapsed() < WAIT, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// A library folder with the bundled English model and the held-out file in `en/`.
pub fn library(root: &Path) -> PathBuf {
    std::fs::create_dir_all(root.join("models")).unwrap();
    std::fs::create_dir_all(root.join("en")).unwrap();
    let model = support::root().join("scenarios/models/default.en.ron");
    std::fs::copy(model, root.join("models/default.en.ron")).unwrap();
    let file = root.join("en/held-out.ron");
    std::fs::write(&file, BROKEN).unwrap();
    file
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Option<&'a Value> {
    diagnostics.iter().find(|d| d["code"] == code)
}

fn find(text: &str, what: &str) -> usize {
    text.find(what)
        .unwrap_or_else(|| panic!("{what} in the text"))
}

#[test]
fn an_editor_in_utf16_sees_problems_navigates_completes_fixes_and_renames() {
    let data = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let file = library(lib.path());
    let uri = uri_of(&file);
    let mut client = Client::start(data.path(), &["lsp"], false);

    let init = client.initialize();
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "kohtaa");

    // Problems at their ranges, counted in UTF-16 units after the emoji.
    let text = BROKEN.to_owned();
    let diagnostics = client.open(&uri, &text);
    let next = with_code(&diagnostics, "K0302").expect("K0302");
    let at = find(&text, "\"dnoe\"");
    assert_eq!(next["range"], client.range(&text, at, at + 6));
    let line = &text[text[..at].rfind('\n').unwrap() + 1..at];
    assert_ne!(
        line.len(),
        line.encode_utf16().count(),
        "the units differ here"
    );
    assert_eq!(next["severity"], 1);
    assert_eq!(next["source"], "kohtaa");
    assert_eq!(
        next["message"],
        "next `dnoe` names no node; did you mean `done`?"
    );
    let href = next["codeDescription"]["href"].as_str().unwrap();
    let explanation = href.strip_prefix("file://").unwrap();
    assert!(explanation.ends_with("lsp/explain/en/K0302.md"), "{href}");
    let explained = std::fs::read_to_string(explanation).unwrap();
    assert!(explained.contains("next"), "{explained}");
    let step = with_code(&diagnostics, "K0401").expect("K0401");
    let at = find(&text, "\"greeet\"");
    assert_eq!(step["range"], client.range(&text, at, at + 8));

    // Go to definition of a `next`: the node's id.
    let from = find(&text, "next: \"done\"") + 8;
    let found = client.request("textDocument/definition", client.at(&uri, &text, from));
    let def = find(&text, "id: \"done\"") + 4;
    assert_eq!(found["result"]["uri"], uri.as_str());
    assert_eq!(found["result"]["range"], client.range(&text, def, def + 6));

    // And of a step and a pitfall: into the model beside the folder.
    let model = lib.path().join("models/default.en.ron");
    let model_text = std::fs::read_to_string(&model).unwrap();
    let from = find(&text, "[\"greet\"]") + 2;
    let found = client.request("textDocument/definition", client.at(&uri, &text, from));
    assert_eq!(found["result"]["uri"], uri_of(&model));
    let def = find(&model_text, "id: \"greet\"") + 4;
    assert_eq!(
        found["result"]["range"],
        client.range(&model_text, def, def + 7)
    );
    let from = find(&text, "\"number-only\"") + 3;
    let found = client.request("textDocument/definition", client.at(&uri, &text, from));
    let def = find(&model_text, "id: \"number-only\"") + 4;
    assert_eq!(
        found["result"]["range"],
        client.range(&model_text, def, def + 13)
    );

    // Hover: a step's name and description, a node's first line.
    let from = find(&text, "[\"greet\"]") + 3;
    let hover = client.request("textDocument/hover", client.at(&uri, &text, from));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        shown.starts_with("step `greet`: Notice and greet\n\nTurn to the customer"),
        "{shown}"
    );
    let from = find(&text, "start: \"arrival\"") + 9;
    let hover = client.request("textDocument/hover", client.at(&uri, &text, from));
    assert_eq!(
        hover["result"]["contents"]["value"],
        "node `arrival`\n\nWe need a library card. Today."
    );

    // Completion of a step id inside the misspelt one: replaces what is between the quotes.
    let inside = find(&text, "\"greeet\"") + 3;
    let items = client.request("textDocument/completion", client.at(&uri, &text, inside));
    let items = items["result"].as_array().expect("a list of items").clone();
    let greet = items
        .iter()
        .find(|i| i["label"] == "greet")
        .expect("greet offered");
    assert_eq!(greet["detail"], "Notice and greet");
    let body = find(&text, "\"greeet\"") + 1;
    assert_eq!(
        greet["textEdit"]["range"],
        client.range(&text, body, body + 6)
    );
    assert!(items.iter().any(|i| i["label"] == "close"));
    // A node id after `next: "`, and field names where a field goes.
    let inside = find(&text, "\"dnoe\"") + 1;
    let items = client.request("textDocument/completion", client.at(&uri, &text, inside));
    let labels: Vec<&str> = items["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["arrival", "done"]);
    let inside = find(&text, "feedback: \"Good.\"");
    let items = client.request("textDocument/completion", client.at(&uri, &text, inside));
    let labels: Vec<&str> = items["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"style_tips") && labels.contains(&"routes"),
        "{labels:?}"
    );
    let inside = find(&text, "style: i") + 7;
    let items = client.request("textDocument/completion", client.at(&uri, &text, inside));
    let labels: Vec<&str> = items["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["D", "i", "S", "C"]);

    // The outline: the nodes.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let names: Vec<(&str, &str)> = symbols["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["detail"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("arrival", "We need a library card. Today."),
            ("done", "They leave with a card.")
        ]
    );

    // References of a node: its id and each use.
    let from = find(&text, "id: \"done\"") + 5;
    let mut params = client.at(&uri, &text, from);
    params["context"] = json!({"includeDeclaration": true});
    let refs = client.request("textDocument/references", params);
    assert_eq!(refs["result"].as_array().unwrap().len(), 2);

    // A quick fix from the did-you-mean; applied, the problem goes.
    let at = find(&text, "\"dnoe\"");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": client.range(&text, at, at + 6),
            "context": {"diagnostics": []},
        }),
    );
    let actions = actions["result"].as_array().unwrap().clone();
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Replace with `done`")
        .expect("the fix");
    assert_eq!(fix["kind"], "quickfix");
    let text = client.apply(&text, &fix["edit"], &uri);
    assert!(text.contains("next: \"done\", fits: [\"greeet\"]"));
    let edit = &fix["edit"]["changes"][uri.as_str()][0];
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}],
        }),
    );
    let diagnostics = client.diagnostics(&uri);
    assert!(
        with_code(&diagnostics, "K0302").is_none(),
        "{diagnostics:#?}"
    );
    assert!(with_code(&diagnostics, "K0401").is_some());

    // Rename a node across the file: its id and every `next` and `start`.
    let from = find(&text, "id: \"done\"") + 6;
    let prepared = client.request("textDocument/prepareRename", client.at(&uri, &text, from));
    let body = find(&text, "id: \"done\"") + 5;
    assert_eq!(prepared["result"], client.range(&text, body, body + 4));
    let mut params = client.at(&uri, &text, from);
    params["newName"] = json!("farewell");
    let renamed = client.request("textDocument/rename", params);
    let text = client.apply(&text, &renamed["result"], &uri);
    assert_eq!(text.matches("\"farewell\"").count(), 3);
    assert!(!text.contains("\"done\""));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}),
    );
    let diagnostics = client.diagnostics(&uri);
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["K0401"], "{diagnostics:#?}");
    // A name that cannot be an id is refused, in words.
    let from = find(&text, "id: \"farewell\"") + 6;
    let mut params = client.at(&uri, &text, from);
    params["newName"] = json!("Fare Well");
    let refused = client.request("textDocument/rename", params);
    assert_eq!(
        refused["error"]["message"],
        "`Fare Well` cannot be a node id: use a-z, 0-9 and -"
    );

    client.finish();
}

#[test]
fn an_editor_that_offers_utf8_gets_byte_columns_in_its_language() {
    let data = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let file = library(lib.path());
    let uri = uri_of(&file);
    // `--stdio`, which some clients add, is accepted.
    let mut client = Client::start(data.path(), &["--lang", "fi", "lsp", "--stdio"], true);
    let init = client.initialize();
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let diagnostics = client.open(&uri, BROKEN);
    let next = with_code(&diagnostics, "K0302").expect("K0302");
    let at = find(BROKEN, "\"dnoe\"");
    let line_start = BROKEN[..at].rfind('\n').unwrap() + 1;
    assert_eq!(next["range"]["start"]["character"], at - line_start);
    assert_eq!(
        next["message"],
        "`next` viittaa solmuun `dnoe`, jota ei ole; tarkoititko `done`?"
    );
    // The code links to its explanation in Finnish.
    let href = next["codeDescription"]["href"].as_str().unwrap();
    let explanation = href.strip_prefix("file://").unwrap();
    assert!(explanation.ends_with("lsp/explain/fi/K0302.md"), "{href}");
    let finnish = std::fs::read_to_string(support::root().join("docs/codes/fi/K0302.md")).unwrap();
    let title = finnish.lines().next().unwrap().trim_start_matches("# ");
    assert!(
        std::fs::read_to_string(explanation)
            .unwrap()
            .contains(title)
    );
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": client.range(BROKEN, at, at + 6),
            "context": {"diagnostics": []},
        }),
    );
    assert_eq!(actions["result"][0]["title"], "Korjaa muotoon `done`");
    let from = find(BROKEN, "start: \"arrival\"") + 9;
    let hover = client.request("textDocument/hover", client.at(&uri, BROKEN, from));
    assert_eq!(
        hover["result"]["contents"]["value"],
        "solmu `arrival`\n\nWe need a library card. Today."
    );
    client.finish();
}

/// The analyzer's lints come with the checks, each at its place: a choice's lint at the
/// choice, an ending's at its id, the scenario's at its `id`.
#[test]
fn the_analyzers_lints_come_with_the_checks() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(support::fixture("authoring/lints.ron")).unwrap();
    let file = dir.path().join("lints.ron");
    std::fs::write(&file, &text).unwrap();
    let uri = uri_of(&file);
    let mut client = Client::start(data.path(), &["lsp"], false);
    client.initialize();
    let diagnostics = client.open(&uri, &text);
    let place = |code: &str| {
        let d = with_code(&diagnostics, code).unwrap_or_else(|| panic!("{code}: {diagnostics:#?}"));
        (
            d["range"]["start"]["line"].as_u64().unwrap() + 1,
            d["range"]["start"]["character"].as_u64().unwrap() + 1,
            d["message"].as_str().unwrap().to_owned(),
        )
    };
    assert_eq!(
        place("K0907"),
        (
            19,
            17,
            "this answer breaks acknowledge yet raises the mood (+2)".into()
        )
    );
    assert_eq!(
        place("K0908"),
        (
            27,
            17,
            "this answer follows the model (explain) yet lowers the mood (-2)".into()
        )
    );
    let happy = find(&text, "id: \"happy\"") + 4;
    let (line, column, message) = place("K0901");
    let line_start = text[..happy].rfind('\n').unwrap() + 1;
    assert_eq!(
        (line, column),
        (
            text[..happy].matches('\n').count() as u64 + 1,
            (happy - line_start) as u64 + 1
        )
    );
    assert_eq!(
        message,
        "the Resolved ending `happy` can be reached with the focus step `acknowledge` broken"
    );
    let id = find(&text, "id: \"lints\"") + 4;
    let (line, _, message) = place("K0903");
    assert_eq!(line, text[..id].matches('\n').count() as u64 + 1);
    assert_eq!(
        message,
        "always taking the longest answer reaches the best fit (100 %)"
    );
    assert_eq!(with_code(&diagnostics, "K0907").unwrap()["severity"], 3);
    // No model beside this file: a step's definition is in the bundled model, written out
    // for the editor to open.
    let from = find(&text, "focus: [\"acknowledge\"") + 10;
    let found = client.request("textDocument/definition", client.at(&uri, &text, from));
    let target = found["result"]["uri"].as_str().unwrap();
    let bundled = data.path().join("lsp/bundled/models/default.en.ron");
    assert_eq!(target, uri_of(&bundled));
    let model = std::fs::read_to_string(&bundled).unwrap();
    let def = find(&model, "id: \"acknowledge\"") + 4;
    assert_eq!(
        found["result"]["range"],
        client.range(&model, def, def + 13)
    );
    client.finish();
}

/// A tests file names the nodes of the scenario beside it: they are completed, and a
/// definition goes there; its steps are the scenario's model's. A misspelt node is found by
/// `check`'s rule, with its fix.
#[test]
fn a_tests_file_goes_to_and_completes_its_scenarios_nodes() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir_all(&en).unwrap();
    let fixtures = support::fixture("authoring/playtests");
    let scenario = std::fs::read_to_string(fixtures.join("linear.ron")).unwrap();
    std::fs::write(en.join("linear.ron"), &scenario).unwrap();
    let text = std::fs::read_to_string(fixtures.join("linear.tests.ron"))
        .unwrap()
        .replace("(\"second\", 1)", "(\"secnod\", 1)");
    let file = en.join("linear.tests.ron");
    std::fs::write(&file, &text).unwrap();
    let uri = uri_of(&file);
    let mut client = Client::start(data.path(), &["lsp"], false);
    client.initialize();
    let diagnostics = client.open(&uri, &text);
    let unknown = with_code(&diagnostics, "K0702").expect("K0702");
    assert!(
        unknown["message"]
            .as_str()
            .unwrap()
            .ends_with("did you mean `second`?"),
        "{unknown}"
    );
    let from = find(&text, "(\"first\", 1)") + 3;
    let found = client.request("textDocument/definition", client.at(&uri, &text, from));
    assert_eq!(found["result"]["uri"], uri_of(&en.join("linear.ron")));
    let def = find(&scenario, "id: \"first\"") + 4;
    assert_eq!(
        found["result"]["range"],
        client.range(&scenario, def, def + 7)
    );
    let inside = find(&text, "\"secnod\"") + 1;
    let items = client.request("textDocument/completion", client.at(&uri, &text, inside));
    let labels: Vec<&str> = items["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["first", "second", "cold", "good", "bad"]);
    let from = find(&text, "shown: [\"acknowledge\"") + 10;
    let hover = client.request("textDocument/hover", client.at(&uri, &text, from));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.starts_with("step `acknowledge`: "), "{shown}");
    client.finish();
}

/// The library around the file counts: a scenario in one language is warned about (K0605)
/// until its other language's version is saved beside it, and a save re-checks open files.
#[test]
fn the_other_languages_version_in_the_library_folder_counts() {
    let data = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    for lang in ["en", "fi"] {
        std::fs::create_dir_all(lib.path().join(lang)).unwrap();
    }
    let text = std::fs::read_to_string(support::fixture("authoring/playtests/linear.ron")).unwrap();
    let file = lib.path().join("en/linear.ron");
    std::fs::write(&file, &text).unwrap();
    let uri = uri_of(&file);
    let mut client = Client::start(data.path(), &["lsp"], false);
    client.initialize();
    let diagnostics = client.open(&uri, &text);
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"K0605"), "{diagnostics:#?}");
    let finnish = text.replace("language: \"en\"", "language: \"fi\"");
    std::fs::write(lib.path().join("fi/linear.ron"), finnish).unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    );
    let diagnostics = client.diagnostics(&uri);
    assert!(
        with_code(&diagnostics, "K0605").is_none(),
        "{diagnostics:#?}"
    );
    client.finish();
}

/// A model file of its own id: hover on a step shows that model's words, and a misspelt
/// field in it is fixed like any other.
#[test]
fn a_model_file_is_checked_and_its_steps_hovered() {
    let data = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(lib.path().join("models")).unwrap();
    let text = std::fs::read_to_string(support::root().join("scenarios/models/default.en.ron"))
        .unwrap()
        .replacen("id: \"default\"", "id: \"ours\"", 1)
        .replacen("name: \"Notice and greet\"", "name: \"Greet as we do\"", 1)
        .replacen("looks_like:", "looks_lik:", 1);
    let file = lib.path().join("models/ours.en.ron");
    std::fs::write(&file, &text).unwrap();
    let uri = uri_of(&file);
    let mut client = Client::start(data.path(), &["lsp"], false);
    client.initialize();
    let diagnostics = client.open(&uri, &text);
    let field = with_code(&diagnostics, "K0102").expect("K0102");
    let message = field["message"].as_str().unwrap();
    // The notes follow the message, a line each.
    let first = message.lines().next().unwrap();
    assert!(first.ends_with("did you mean `looks_like`?"), "{message}");
    assert!(
        message.lines().nth(1).unwrap().contains("expected one of"),
        "{message}"
    );
    let from = find(&text, "id: \"greet\"") + 6;
    let hover = client.request("textDocument/hover", client.at(&uri, &text, from));
    assert!(
        hover["result"].is_null(),
        "a model that does not parse has no steps yet"
    );
    let text = text.replacen("looks_lik:", "looks_like:", 1);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    let hover = client.request("textDocument/hover", client.at(&uri, &text, from));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(shown.starts_with("step `greet`: Greet as we do"), "{shown}");
    client.finish();
}
