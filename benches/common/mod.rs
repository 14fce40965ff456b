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
