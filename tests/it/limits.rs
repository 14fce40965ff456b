//! Limits that protect the user, through the real binary: a file too large and nesting too
//! deep are refused with a clear error and exit status 1, quickly, never a hang or a crash.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use insta::assert_snapshot;

use crate::support::cli::command;

fn kohtaa(data: &Path) -> Command {
    let mut cmd = command(data);
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs `kohtaa check FILE`; returns stdout (its first 2,000 characters: a diagnostic shows its
/// line, and these lines are long), the exit code and how long it took.
fn check(cmd: &mut Command, file: &Path) -> (String, Option<i32>, Duration) {
    let start = Instant::now();
    let out = cmd.arg("check").arg(file).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout)
            .chars()
            .take(2000)
            .collect(),
        out.status.code(),
        start.elapsed(),
    )
}

#[test]
fn a_file_over_16_mib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(16 * 1024 * 1024 + 512 * 1024).unwrap(); // sparse: no bytes written
    let (out, code, took) = check(&mut kohtaa(dir.path()), &path);
    assert_eq!(code, Some(1), "{out}");
    // The note names the way out: KOHTAA_MAX_FILE_MIB.
    assert_snapshot!(
        "huge_file",
        out.replace(&dir.path().display().to_string(), "[DIR]")
    );
    assert!(
        took < Duration::from_secs(5),
        "refused at once, took {took:?}"
    );
}

#[test]
fn the_limit_can_be_moved_on_purpose() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("generated.ron");
    let text = kohtaa::content::generate::scenario(2_000, 1); // about 2.2 MB
    std::fs::write(&path, &text).unwrap();
    let (out, code, _) = check(kohtaa(dir.path()).env("KOHTAA_MAX_FILE_MIB", "1"), &path);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("the limit is 1 MiB [K0107]"), "{out}");
    let (out, code, _) = check(&mut kohtaa(dir.path()), &path);
    assert_eq!(code, Some(0), "under the default limit it loads: {out}");
}

#[test]
fn nesting_far_beyond_the_limit_is_refused_without_a_crash() {
    // (The parser's own limit, K0108, is tested in check_codes.rs.)
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        // A million open brackets: no stack is deep enough to follow them one by one.
        (
            "brackets.ron",
            format!("Scenario(id: \"deep\", tags: {}", "[".repeat(1_000_000)),
        ),
        (
            "nodes.ron",
            format!(
                "Scenario(id: \"deep\", nodes: [{}",
                "Node(choices: [Choice(say: ".repeat(200_000)
            ),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let (out, code, took) = check(&mut kohtaa(dir.path()), &path);
        // Refused as the wrong type where a string belongs (typed parsing sees that first),
        // or as too deep: either way an error at a position, and no stack overflow.
        assert_eq!(code, Some(1), "{name}: {out}");
        assert!(
            out.contains("error: expected string [K0104]") || out.contains("[K0108]"),
            "{name}: {out}"
        );
        assert!(took < Duration::from_secs(5), "{name}: took {took:?}");
    }
}
