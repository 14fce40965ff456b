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

/// The peak resident memory of `kohtaa report --format json FILE`, in KiB, and the runs it
/// read. The kernel's high-water mark of the child's own memory (`VmHWM` in
/// `/proc/<pid>/status`) is read every few milliseconds while it runs: it only rises, and a
/// report that held its runs would keep raising it to the end. (`getrusage` of the child is
/// no use here: its peak includes the test process's own memory, copied at the fork.)
#[cfg(target_os = "linux")]
fn peak_kib(data: &Path, file: &Path) -> (u64, u64) {
    let mut child = command(data)
        .args(["report", "--format", "json"])
        .arg(file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut json = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut json).unwrap();
        json
    });
    let mut peak = 0;
    let status = loop {
        let hwm = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        });
        peak = peak.max(hwm.unwrap_or(0));
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    assert!(status.success(), "{status}");
    let report: serde_json::Value = serde_json::from_str(&reader.join().unwrap()).unwrap();
    assert!(peak > 0, "no reading of {status_file}");
    (peak, report["runs"].as_u64().unwrap())
}

#[cfg(target_os = "linux")]
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
