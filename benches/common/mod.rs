//! Inputs shared by the benchmarks: generated scenarios and libraries (seeded, so every run
//! measures the same text).

#![allow(dead_code)] // Each bench uses a part.

use std::path::Path;

use kohtaa::content::generate;

/// A generated scenario of `nodes` nodes, written to `dir/en/<name>.ron`; returns its path.
pub fn scenario_file(dir: &Path, nodes: usize) -> std::path::PathBuf {
    let en = dir.join("en");
    std::fs::create_dir_all(&en).unwrap();
    let path = en.join(format!("generated-{nodes}.ron"));
    std::fs::write(&path, generate::scenario(nodes, 1)).unwrap();
    path
}

/// A library of `files` generated scenarios of 20 nodes (about 22 kB each, like the bundled
/// ones), in English and Finnish pairs, as `examples/generate_library.rs` writes it.
pub fn library(dir: &Path, files: usize) {
    for lang in ["en", "fi"] {
        std::fs::create_dir_all(dir.join(lang)).unwrap();
    }
    for pair in 0..files.div_ceil(2) {
        let text = generate::scenario(20, pair as u64).replacen(
            &format!("generated-20-{pair}"),
            &format!("library-{pair:04}"),
            1,
        );
        std::fs::write(dir.join("en").join(format!("library-{pair:04}.ron")), &text).unwrap();
        if pair * 2 + 1 < files {
            let fi = text.replacen("language: \"en\"", "language: \"fi\"", 1);
            std::fs::write(dir.join("fi").join(format!("library-{pair:04}.ron")), fi).unwrap();
        }
    }
}

/// A generated scenario of `nodes` nodes in which every `next` (and every route) names a
/// node that does not exist: each is an error with a "did you mean" to look for.
pub fn unknown_targets(nodes: usize) -> (String, usize) {
    let text = generate::scenario(nodes, 1).replace("next: \"node-", "next: \"nowhere-");
    let count = text.matches("next: \"nowhere-").count();
    (text, count)
}

/// `runs` lines of an export as `kohtaa export` writes them, each a run of `choices` choices
/// through the bundled scenario `doctor-today` (seeded: the same lines every time).
pub fn export(runs: usize, choices: usize) -> String {
    use rand::{RngExt, SeedableRng};
    let library = kohtaa::store::library::bundled();
    let scenario = &library.scenario("doctor-today", "en").unwrap().value;
    let model = library.model_for(scenario).unwrap();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let results = ["shown", "broken", "missed", "not-reached"];
    let mut out = String::new();
    for i in 0..runs {
        let choices: Vec<serde_json::Value> = (0..choices)
            .map(|_| {
                let node = &scenario.nodes[rng.random_range(0..scenario.nodes.len())];
                let n = node.choice_list().len().max(1);
                serde_json::json!({
                    "node": node.id, "choice": rng.random_range(0..n),
                    "mood_before": rng.random_range(-5..=5), "mood_after": rng.random_range(-5..=5),
                })
            })
            .collect();
        let steps: Vec<serde_json::Value> = model
            .steps
            .iter()
            .map(|s| {
                serde_json::json!({ "step": s.id, "thread": s.thread,
                    "result": results[rng.random_range(0..results.len())] })
            })
            .collect();
        let line = serde_json::json!({
            "format": 1, "id": format!("run-{i}"), "scenario": "doctor-today", "language": "en",
            "scenario_hash": "sha256:0", "customer_style": "D", "seed": i,
            "started": "2025-01-01T10:00:00Z", "ended": "2025-01-01T10:05:00Z",
            "choices": choices,
            "measurement": { "version": 2, "steps": steps, "fit": rng.random_range(0..=100),
                "order_notes": [], "pitfalls": [], "moods": [0, 1, -1, 2], "ending": "left",
                "outcome": "Partial" },
            "status": "finished",
            "reflection": { "what_happened": "It went as it went.", "what_worked": null, "next_time": null },
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// One export line whose run passes `distinct` different choices (node ids of its own): the
/// input that once made `report` quadratic.
pub fn export_line_with_distinct_choices(distinct: usize) -> String {
    let choices: Vec<serde_json::Value> = (0..distinct)
        .map(|i| {
            serde_json::json!({ "node": format!("n{i}"), "choice": i % 6,
            "mood_before": 0, "mood_after": 0 })
        })
        .collect();
    serde_json::json!({ "scenario": "x", "language": "en", "choices": choices,
        "status": "finished" })
    .to_string()
}
