//! A library of generated scenario files for benchmarks: half in English, half their Finnish
//! "translations" (the same text; only the language differs), so the library has no
//! one-language warnings, like a real translated library.
//!
//! `cargo run --release --example generate_library -- DIR [FILES] [NODES] [SEED]`
//! (defaults: 1000 files of 20 nodes, about 22 kB each, like the bundled scenarios; seed 0).

use std::path::Path;
use std::process::ExitCode;

use kohtaa::content::generate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: generate_library DIR [FILES] [NODES] [SEED]");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: u64| args.get(i).map_or(Ok(default), |a| a.parse::<u64>());
    let (Ok(files), Ok(nodes), Ok(seed)) = (number(1, 1000), number(2, 20), number(3, 0)) else {
        eprintln!("FILES, NODES and SEED are whole numbers");
        return ExitCode::from(2);
    };
    match write_library(Path::new(dir), files as usize, nodes as usize, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_library(dir: &Path, files: usize, nodes: usize, seed: u64) -> std::io::Result<()> {
    for lang in ["en", "fi"] {
        std::fs::create_dir_all(dir.join(lang))?;
    }
    for pair in 0..files.div_ceil(2) {
        let text = generate::scenario(nodes, seed + pair as u64);
        let generated_id = format!("generated-{}-{}", nodes.max(4), seed + pair as u64);
        let id = format!("library-{pair:04}");
        let text = text.replacen(&generated_id, &id, 1);
        std::fs::write(dir.join("en").join(format!("{id}.ron")), &text)?;
        if pair * 2 + 1 < files {
            let fi = text.replacen("language: \"en\"", "language: \"fi\"", 1);
            std::fs::write(dir.join("fi").join(format!("{id}.ron")), fi)?;
        }
    }
    Ok(())
}
