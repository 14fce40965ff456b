//! A cohort's exports for measuring `kohtaa report` at scale: runs of every bundled scenario
//! by thousands of learners, as `kohtaa export` writes them (seeded: the same bytes every
//! time), until the file holds the size asked for.
//!
//! `cargo run --release --example generate_exports -- FILE [MEGABYTES] [LEARNERS]`
//! (defaults: 1000 MB, 5000 learners). `scripts/report-memory` uses it.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use rand::{RngExt, SeedableRng};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: generate_exports FILE [MEGABYTES] [LEARNERS]");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: u64| args.get(i).map_or(Ok(default), |a| a.parse::<u64>());
    let (Ok(megabytes), Ok(learners)) = (number(1, 1000), number(2, 5000)) else {
        eprintln!("MEGABYTES and LEARNERS are whole numbers");
        return ExitCode::from(2);
    };
    match write(path, megabytes * 1_000_000, learners.max(1)) {
        Ok(runs) => {
            eprintln!("{path}: {runs} runs by {learners} learners");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes runs until `bytes` are written; returns how many.
fn write(path: &str, bytes: u64, learners: u64) -> std::io::Result<u64> {
    let library = kohtaa::store::library::bundled();
    let scenarios: Vec<_> = library.scenarios.iter().map(|s| &s.value).collect();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let results = ["shown", "broken", "missed", "not-reached"];
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let (mut written, mut runs) = (0u64, 0u64);
    while written < bytes {
        let scenario = scenarios[rng.random_range(0..scenarios.len())];
        let model = library.model_for(scenario);
        let choices: Vec<serde_json::Value> = (0..rng.random_range(4..12))
            .map(|_| {
                let node = &scenario.nodes[rng.random_range(0..scenario.nodes.len())];
                let n = node.choice_list().len().max(1);
                serde_json::json!({ "node": node.id, "choice": rng.random_range(0..n),
                    "mood_before": rng.random_range(-5..=5), "mood_after": rng.random_range(-5..=5) })
            })
            .collect();
        let steps: Vec<serde_json::Value> = model
            .iter()
            .flat_map(|m| &m.steps)
            .map(|s| {
                serde_json::json!({ "step": s.id, "thread": s.thread,
                    "result": results[rng.random_range(0..results.len())] })
            })
            .collect();
        let finished = rng.random_range(0..10) > 0;
        let line = serde_json::json!({
            "format": 1, "id": format!("learner-{}-run-{runs}", runs % learners),
            "scenario": scenario.id, "language": scenario.language,
            "scenario_hash": "sha256:0", "customer_style": scenario.customer.style, "seed": runs,
            "started": "2025-01-01T10:00:00Z", "ended": "2025-01-01T10:05:00Z",
            "choices": choices,
            "measurement": { "version": 2, "steps": steps, "fit": rng.random_range(0..=100),
                "order_notes": [], "pitfalls": [], "moods": [0, 1, -1, 2],
                "ending": if finished { Some("end") } else { None },
                "outcome": if finished { Some("Partial") } else { None } },
            "status": if finished { "finished" } else { "abandoned" },
            "reflection": { "what_happened": "It went as it went.", "what_worked": null, "next_time": null },
        });
        let text = line.to_string();
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
        written += text.len() as u64 + 1;
        runs += 1;
    }
    out.flush()?;
    Ok(runs)
}
