//! Work over user input that was once quadratic (issue #19), now linear or n log n:
//! `report` over a large export and over one run of very many distinct choices, and `check`
//! of a scenario whose 20,000 targets name no node (each with a bounded "did you mean").
//!
//! `cargo bench --bench hardening`.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kohtaa::practice::export::read_line;
use kohtaa::practice::report::{Aggregator, build};
use kohtaa::store::library::{self, LoadOptions};

fn report(c: &mut Criterion) {
    let library = library::bundled();
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    // 10,000 runs of 40 choices: about 32 MB.
    let export = common::export(10_000, 40);
    g.throughput(Throughput::Bytes(export.len() as u64));
    let name = format!(
        "read and tally an export of 10,000 runs ({} MB)",
        export.len() / 1_000_000
    );
    g.bench_function(name, |b| {
        b.iter(|| {
            // As `kohtaa report` does: each line read, counted in and dropped.
            let mut report = Aggregator::new(&library);
            for run in black_box(&export).lines().filter_map(|l| read_line(l).ok()) {
                report.add(&run);
            }
            report.finish()
        })
    });
    let line = common::export_line_with_distinct_choices(160_000);
    g.throughput(Throughput::Bytes(line.len() as u64));
    g.bench_function("one run of 160,000 distinct choices", |b| {
        b.iter(|| {
            let runs = vec![read_line(black_box(&line)).unwrap()];
            build(&runs, &library)
        })
    });
    g.finish();
}

fn unknown_targets(c: &mut Criterion) {
    let (text, count) = common::unknown_targets(7_500);
    assert!(count >= 20_000, "{count} unknown targets");
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(format!("{count} targets that name no node"), |b| {
        b.iter(|| {
            library::load_texts(
                &LoadOptions::default(),
                &[("en/unknown.ron".into(), black_box(text.clone()))],
            )
        })
    });
    g.finish();
}

criterion_group!(benches, report, unknown_targets);
criterion_main!(benches);
