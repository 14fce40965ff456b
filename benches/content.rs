//! The content layer at scale: parsing, the outline, string hygiene, validation, loading
//! whole files and libraries (what `kohtaa check` does, without printing), and the analysis
//! of every path (`kohtaa analyze`).
//!
//! `cargo bench --bench content`; inputs come from the seeded generator.

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kohtaa::authoring::analyze;
use kohtaa::content::generate;
use kohtaa::content::hygiene::check_values;
use kohtaa::content::outline::Outline;
use kohtaa::content::parse::parse;
use kohtaa::content::{Loaded, Origin, Scenario, Source, validate};
use kohtaa::store::library::{self, LoadOptions};

fn options(paths: Vec<std::path::PathBuf>) -> LoadOptions {
    LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths,
    }
}

fn scenario_10k(c: &mut Criterion) {
    let text = generate::scenario(10_000, 1);
    let source = Source::new("generated.ron", text.as_str());
    let mut g = c.benchmark_group("scenario 10k nodes");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse", |b| {
        b.iter(|| parse::<Scenario>(black_box(&source)).unwrap())
    });
    g.bench_function("outline", |b| b.iter(|| Outline::read(black_box(&text))));
    let shared = std::sync::Arc::new(text.clone());
    g.bench_function(
        "outline, light reading (strings and the top two levels)",
        |b| b.iter(|| Outline::lazy(black_box(shared.clone())).strings().len()),
    );
    let outline = Outline::read(&text);
    let parsed = parse::<Scenario>(&source).unwrap();
    g.bench_function("check the parsed strings", |b| {
        b.iter(|| check_values(black_box(&parsed), &source, &outline))
    });
    let bundled = library::bundled();
    let models: Vec<_> = bundled.models.iter().map(|m| &m.value).collect();
    let loaded = Loaded {
        value: parsed,
        source: source.clone(),
        outline,
        origin: Origin::Given,
    };
    g.bench_function("validate", |b| {
        b.iter(|| validate::scenario_among(black_box(&loaded), &models))
    });
    let scenario = std::sync::Arc::new(loaded.value.clone());
    let model = std::sync::Arc::new(bundled.model_for(&scenario).unwrap().clone());
    g.bench_function("analyze every path (up to 100,000 states)", |b| {
        b.iter(|| analyze::analyze(black_box(&scenario), &model, 100_000))
    });
    let dir = tempfile::tempdir().unwrap();
    let path = common::scenario_file(dir.path(), 10_000);
    g.bench_function("load and check the file", |b| {
        b.iter(|| library::load(&options(vec![path.clone()])))
    });
    g.finish();
}

fn libraries(c: &mut Criterion) {
    let mut g = c.benchmark_group("library");
    g.sample_size(10);
    g.bench_function("bundled", |b| b.iter(library::bundled));
    let dir = tempfile::tempdir().unwrap();
    common::library(dir.path(), 1000);
    g.bench_function("1000 files, checked", |b| {
        b.iter(|| library::load(&options(vec![dir.path().to_path_buf()])))
    });
    g.bench_function(
        "1000 files in a user folder, with the bundled library",
        |b| {
            b.iter(|| {
                library::load(&LoadOptions {
                    bundled_scenarios: true,
                    folders: vec![dir.path().to_path_buf()],
                    paths: Vec::new(),
                })
            })
        },
    );
    g.finish();
}

criterion_group!(benches, scenario_10k, libraries);
criterion_main!(benches);
