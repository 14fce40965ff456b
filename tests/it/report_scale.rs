//! Cohort scale: `kohtaa report` streams its input, so the real binary's peak memory does not
//! grow with the size of the exports it reads. Measured on generated exports of two sizes
//! (the larger eight times the smaller); the 1 GB figure in the README comes from
//! `scripts/report-memory` on a release build.

use std::io::Write;
use std::path::Path;

use crate::support::cli::command;

/// `learners` exports' worth of lines, each a run of `doctor-today` of 40 choices, as
/// `kohtaa export` writes them; ids differ, so every line is a run of its own.
fn write_export(path: &Path, runs: usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let nodes = ["arrival", "explains", "asks", "offer", "calm", "close"];
    let results = ["shown", "broken", "missed", "not-reached"];
    for i in 0..runs {
        let choices: Vec<serde_json::Value> = (0..40)
            .map(|c| {
                serde_json::json!({ "node": nodes[(i + c) % nodes.len()], "choice": (i * 7 + c) % 3,
                    "mood_before": 0, "mood_after": ((i + c) % 11) as i32 - 5 })
            })
            .collect();
        let steps: Vec<serde_json::Value> = ["greet", "listen", "acknowledge", "close"]
            .iter()
            .enumerate()
            .map(|(k, s)| serde_json::json!({ "step": s, "thread": false, "result": results[(i + k) % 4] }))
            .collect();
        let line = serde_json::json!({
            "format": 1, "id": format!("learner-{}-run-{i}", i / 20), "scenario": "doctor-today",
            "language": "en", "scenario_hash": "sha256:0", "customer_style": "D", "seed": i,
            "started": "2025-01-01T10:00:00Z", "ended": "2025-01-01T10:05:00Z",
            "choices": choices,
            "measurement": { "version": 2, "steps": steps, "fit": i % 101, "order_notes": [],
                "pitfalls": [], "moods": [0, 1, -1, 2], "ending": "left", "outcome": "Partial" },
            "status": "finished",
        });
        writeln!(out, "{line}").unwrap();
    }
    out.flush().unwrap();
}

/// The peak resident memory of `kohtaa report --format json FILE`, in KiB, from the kernel's
/// own count for that one child (`wait4`), and the runs it read.
#[cfg(unix)]
// The child is reaped by `wait4`, which std's `wait` would not let us call for its usage.
#[allow(clippy::zombie_processes)]
fn peak_kib(data: &Path, file: &Path) -> (i64, u64) {
    use std::os::unix::process::ExitStatusExt;
    let child = command(data)
        .args(["report", "--format", "json"])
        .arg(file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut stdout = child.stdout.unwrap();
    let mut json = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut json).unwrap();
    let mut status = 0;
    // SAFETY: a plain system call on our own child's pid, with pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4");
    assert!(
        std::process::ExitStatus::from_raw(status).success(),
        "{status}"
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Linux counts ru_maxrss in KiB.
    (usage.ru_maxrss, report["runs"].as_u64().unwrap())
}

#[cfg(unix)]
#[test]
fn report_memory_does_not_grow_with_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let (small, large) = (
        dir.path().join("small.jsonl"),
        dir.path().join("large.jsonl"),
    );
    write_export(&small, 4_000);
    write_export(&large, 32_000);
    let size = std::fs::metadata(&large).unwrap().len();
    assert!(size > 50_000_000, "the larger input is {size} bytes");
    let (small_kib, small_runs) = peak_kib(dir.path(), &small);
    let (large_kib, large_runs) = peak_kib(dir.path(), &large);
    assert_eq!((small_runs, large_runs), (4_000, 32_000));
    // Eight times the input: held whole, the runs alone would add some 100 MB. Streamed, the
    // peak is the program, the library and one line, the same for both.
    assert!(
        large_kib < small_kib + 8 * 1024,
        "peak {small_kib} KiB for {small_runs} runs, {large_kib} KiB for {large_runs} runs"
    );
    assert!(large_kib < 64 * 1024, "peak {large_kib} KiB");
}
