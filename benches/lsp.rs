//! `kohtaa lsp` as an editor meets it: the time from an edit of a 10,000-node scenario in a
//! library folder (one character typed into a node's text, sent as an incremental change) to
//! its diagnostics arriving, over the real binary's standard input and output. Budget: 150 ms.
//!
//! `cargo bench --bench lsp`.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};

struct Pipe {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Pipe {
    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "the server ended"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Waits for the diagnostics of `version`.
    fn diagnostics(&mut self, version: i64) -> Value {
        loop {
            let m = self.receive();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
            {
                return m;
            }
        }
    }
}

fn edit_to_diagnostics(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = common::scenario_file(dir.path(), 10_000);
    // A library folder (`en/` and `models/`): each check reads the folder around the file
    // too, this file's saved copy included, as in an author's own library.
    std::fs::create_dir_all(dir.path().join("models")).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kohtaa"))
        .arg("lsp")
        .env("KOHTAA_DATA_DIR", data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = Pipe {
        stdin: child.stdin.take().unwrap(),
        stdout: BufReader::new(child.stdout.take().unwrap()),
    };
    pipe.send(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": null, "capabilities": {}}}));
    pipe.receive();
    pipe.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    let uri = format!("file://{}", path.display());
    pipe.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "ron", "version": 1, "text": text}}}),
    );
    pipe.diagnostics(1);
    // Typing in the middle of the file: a letter put in, then taken out again.
    let middle = text.len() / 2;
    let at = middle + text[middle..].find("say: \"").unwrap() + 6;
    let line = text[..at].matches('\n').count();
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut version = 1;
    let mut g = c.benchmark_group("lsp, 10k nodes");
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("an edit to its diagnostics", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                version += 1;
                let end = if version % 2 == 0 { column } else { column + 1 };
                let typed = if version % 2 == 0 { "x" } else { "" };
                let start = Instant::now();
                pipe.send(
                    json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{
                        "range": {"start": {"line": line, "character": column},
                                  "end": {"line": line, "character": end}},
                        "text": typed}]}}),
                );
                pipe.diagnostics(version);
                total += start.elapsed();
            }
            total
        })
    });
    g.finish();
    pipe.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    pipe.receive();
    pipe.send(json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    child.wait().unwrap();
}

criterion_group!(benches, edit_to_diagnostics);
criterion_main!(benches);
