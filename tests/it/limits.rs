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
    assert!(
        out.contains("the limit is 1,048,576 bytes (1 MiB) [K0107]"),
        "{out}"
    );
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

/// Runs `kohtaa ARGS` and gives up (killing it) after `secs`: a hang fails the test rather
/// than the test run.
fn run_for(cmd: &mut Command, secs: u64) -> (String, String, Option<i32>) {
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(secs) {
            child.kill().unwrap();
            panic!("kohtaa did not finish within {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn a_file_a_few_bytes_over_the_limit_says_so_in_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(16_800_035).unwrap();
    let (out, code, _) = check(&mut kohtaa(dir.path()), &path);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("file is 16,800,035 bytes; the limit is 16,777,216 bytes (16 MiB)"),
        "{out}"
    );
}

#[test]
fn a_byte_order_mark_is_no_part_of_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check/valid/en/library-fine.ron");
    let text = std::fs::read_to_string(fixture).unwrap();
    std::fs::create_dir(dir.path().join("en")).unwrap();
    let path = dir.path().join("en/library-fine.ron");
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let (out, code, _) = check(&mut kohtaa(dir.path()), &path);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(": 0 errors"), "{out}");
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_link_to_a_device_is_refused_at_once_never_waited_on() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("scenarios/en");
    std::fs::create_dir_all(&folder).unwrap();
    let fifo = folder.join("pipe.ron");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success()
    {
        return;
    }
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.ron")).unwrap();
    // `profile.json` as a FIFO too: the app and `profile` read it.
    Command::new("mkfifo")
        .arg(data.path().join("profile.json"))
        .status()
        .unwrap();
    let (out, _, code) = run_for(kohtaa(data.path()).arg("check"), 10);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("pipe.ron:1:1: error: cannot read: it is a FIFO (named pipe), not a regular file [K0110]"),
        "{out}"
    );
    assert!(
        out.contains(
            "zero.ron:1:1: error: cannot read: it is a device, not a regular file [K0110]"
        ),
        "{out}"
    );
    // Named on the command line, the same.
    let (out, _, code) = run_for(kohtaa(data.path()).arg("check").arg(&fifo), 10);
    assert_eq!(code, Some(1), "{out}");
    let (out, err, code) = run_for(kohtaa(data.path()).arg("profile"), 10);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("not a regular file"), "{err}");
    let (_, err, _) = run_for(
        kohtaa(data.path()).args(["play", "--plain", "doctor-today", "--no-save"]),
        10,
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[cfg(unix)]
#[test]
fn links_in_a_folder_never_loop_and_never_read_a_file_twice() {
    let data = tempfile::tempdir().unwrap();
    let folder = data.path().join("mine");
    std::fs::create_dir_all(folder.join("en")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check/valid/en/library-fine.ron");
    std::fs::copy(fixture, folder.join("en/library-fine.ron")).unwrap();
    for (name, target) in [("a", "."), ("b", "."), ("up", ".."), ("en/again", "..")] {
        std::os::unix::fs::symlink(target, folder.join(name)).unwrap();
    }
    std::os::unix::fs::symlink("library-fine.ron", folder.join("en/copy.ron")).unwrap();
    let (out, _, code) = run_for(kohtaa(data.path()).arg("check").arg(&folder), 10);
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("defined twice"), "{out}");
    assert!(out.contains("checked 1 file"), "{out}");
}

/// Work that once grew with the square of the input, now in time with it: thousands of
/// problems on one line of megabytes (each shown as a window of the line), a text of a
/// hundred thousand invisible characters (the first few listed, the rest counted), and a
/// "did you mean" between two ids of a quarter of a megabyte each (none is looked for). Each
/// took minutes before; the limits leave room for a debug build on a busy machine.
#[test]
fn many_problems_on_one_long_line_and_long_names_cost_no_more_than_their_size() {
    let dir = tempfile::tempdir().unwrap();
    let one_line = kohtaa::content::generate::scenario(500, 1)
        .replace("next: \"node-", "next: \"nowhere-")
        .replace('\n', " ");
    let path = dir.path().join("one-line.ron");
    std::fs::write(&path, &one_line).unwrap();
    let (_, code, took) = check(&mut kohtaa(dir.path()), &path);
    assert_eq!(code, Some(1));
    assert!(took < Duration::from_secs(60), "took {took:?}");

    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check/valid/en/library-fine.ron");
    let text = std::fs::read_to_string(fixture).unwrap();
    let invisible = text.replacen(
        "title: \"",
        &format!("title: \"{}", "\u{200b}".repeat(190_000)),
        1,
    );
    let path = dir.path().join("invisible.ron");
    std::fs::write(&path, invisible).unwrap();
    let start = Instant::now();
    let out = kohtaa(dir.path()).arg("check").arg(&path).output().unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(start.elapsed() < Duration::from_secs(60));
    assert_eq!(out.matches("[K0503]").count(), 10, "{out}");
    assert!(
        out.contains("189990 more characters like these in this text are not listed"),
        "{out}"
    );

    let long = "x".repeat(280_000);
    let ids = text
        .replacen("id: \"history\"", &format!("id: \"{long}a\""), 1)
        .replacen("next: \"history\"", &format!("next: \"{long}b\""), 1);
    let path = dir.path().join("long-ids.ron");
    std::fs::write(&path, ids).unwrap();
    let (_, code, took) = check(&mut kohtaa(dir.path()), &path);
    assert_eq!(code, Some(1));
    assert!(took < Duration::from_secs(60), "took {took:?}");
}
