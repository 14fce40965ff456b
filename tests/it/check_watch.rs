//! `kohtaa check --watch`: checked again at each save, until stopped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::support::cli::{command, kohtaa, run};

/// A `check --watch` running in the background, its standard output read line by line.
struct Watching {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Watching {
    fn start(data: &std::path::Path, args: &[&std::ffi::OsStr]) -> Watching {
        let mut child = command(data)
            .args(["check", "--watch"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watching { child, lines }
    }

    /// The output up to and including the next summary line; fails after a generous while.
    fn next_check(&self) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("no summary came; the output was {seen:#?}"));
            let done = line.starts_with("checked ");
            seen.push(line);
            if done {
                return seen;
            }
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn each_save_is_checked_again() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("draft.ron");
    let good = kohtaa::authoring::template::new_scenario("draft", "en", kohtaa::content::Style::S);
    std::fs::write(&file, &good).unwrap();
    let watching = Watching::start(data.path(), &[folder.path().as_os_str()]);
    let first = watching.next_check();
    assert!(
        first
            .last()
            .unwrap()
            .starts_with("checked 1 file, 1 scenario: 0 errors")
    );

    std::fs::write(&file, good.replacen("    title:", "    titel:", 1)).unwrap();
    let second = watching.next_check();
    assert!(
        second
            .iter()
            .any(|l| l.contains("draft.ron:") && l.contains("unknown field `titel`")),
        "{second:#?}"
    );
    assert!(
        second
            .last()
            .unwrap()
            .starts_with("checked 1 file, 1 scenario: 1 error,")
    );

    // A new file in the folder is found too.
    std::fs::write(&file, &good).unwrap();
    let fixed = watching.next_check();
    assert!(
        fixed
            .last()
            .unwrap()
            .starts_with("checked 1 file, 1 scenario: 0 errors")
    );
    std::fs::write(
        folder.path().join("second.ron"),
        good.replace("\"draft\"", "\"second\""),
    )
    .unwrap();
    let both = watching.next_check();
    assert!(
        both.last()
            .unwrap()
            .starts_with("checked 2 files, 2 scenarios: 0 errors")
    );
}

#[test]
fn nothing_to_watch_is_a_usage_error() {
    let data = tempfile::tempdir().unwrap();
    let out = run(kohtaa(data.path()).args(["check", "--watch"]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("nothing to watch"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
}
