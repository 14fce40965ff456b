//! The architecture, drawn from the code itself: which crate may depend on which, and no
//! circle of imports between the folders of a crate. ARCHITECTURE.md says why.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates that draw on or read the terminal, or find and read files for themselves.
const TERMINAL_OR_FILES: &[&str] = &[
    "anstream",
    "clap",
    "crossterm",
    "directories",
    "include_dir",
    "ratatui",
    "tempfile",
    "tui-big-text",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `cargo metadata` for this machine's platform, read offline from the lock file.
fn metadata() -> serde_json::Value {
    // This machine's platform only: offline, the crates of other platforms may be missing.
    let rustc = Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let host = String::from_utf8(rustc.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
        .expect("rustc names its host");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--filter-platform",
            &host,
        ])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The resolved graph: package name → names of its normal dependencies.
fn dependency_graph() -> BTreeMap<String, BTreeSet<String>> {
    let meta = metadata();
    let name_of: BTreeMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let mut graph = BTreeMap::new();
    for node in meta["resolve"]["nodes"].as_array().unwrap() {
        let deps = node["deps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| {
                // Only what the library itself links: not dev- or build-dependencies.
                d["dep_kinds"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|k| k["kind"].is_null())
            })
            .map(|d| name_of[d["pkg"].as_str().unwrap()].to_owned())
            .collect();
        graph.insert(name_of[node["id"].as_str().unwrap()].to_owned(), deps);
    }
    graph
}

/// `rust-version` as numbers, for comparing: "1.88" is (1, 88, 0).
fn version(text: &str) -> (u32, u32, u32) {
    let mut parts = text.split('.').map(|p| p.parse::<u32>().unwrap());
    let mut next = || parts.next().unwrap_or(0);
    (next(), next(), next())
}

/// The declared `rust-version` is the oldest Rust that builds what is locked: a newer
/// dependency fails here, not with an unhelpful error on a user's older toolchain.
#[test]
fn the_declared_rust_version_is_what_the_locked_dependencies_need() {
    let meta = metadata();
    let in_build: BTreeSet<&str> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let packages = meta["packages"].as_array().unwrap();
    let declared = packages
        .iter()
        .find(|p| p["name"] == "kohtaa")
        .and_then(|p| p["rust_version"].as_str())
        .map(version)
        .expect("kohtaa declares a rust-version");
    let needed = packages
        .iter()
        .filter(|p| in_build.contains(p["id"].as_str().unwrap()))
        .filter_map(|p| Some((version(p["rust_version"].as_str()?), p["name"].as_str()?)))
        .max()
        .expect("some dependency declares a rust-version");
    assert_eq!(
        declared, needed.0,
        "rust-version should be {:?}, which {} needs",
        needed.0, needed.1
    );
    for member in ["kohtaa-core", "kohtaa-store"] {
        let theirs = packages
            .iter()
            .find(|p| p["name"] == member)
            .and_then(|p| p["rust_version"].as_str())
            .map(version);
        assert_eq!(theirs, Some(declared), "{member} inherits the workspace's");
    }
}

fn everything_below(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_owned()];
    while let Some(name) = todo.pop() {
        for dep in graph.get(&name).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                todo.push(dep.clone());
            }
        }
    }
    seen
}

#[test]
fn the_core_links_nothing_that_touches_the_terminal_or_finds_files() {
    let graph = dependency_graph();
    let below = everything_below(&graph, "kohtaa-core");
    for name in TERMINAL_OR_FILES.iter().chain(&["kohtaa-store", "kohtaa"]) {
        assert!(!below.contains(*name), "kohtaa-core depends on {name}");
    }
    let store = everything_below(&graph, "kohtaa-store");
    assert!(store.contains("kohtaa-core"));
    for name in [
        "anstream",
        "clap",
        "crossterm",
        "ratatui",
        "tui-big-text",
        "kohtaa",
    ] {
        assert!(!store.contains(name), "kohtaa-store depends on {name}");
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its `#[cfg(test)] mod tests { … }`, which may reach anywhere.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[test]
fn the_core_reads_no_files_and_prints_nothing() {
    let mut files = Vec::new();
    rust_files(&root().join("crates/kohtaa-core/src"), &mut files);
    assert!(files.len() > 20);
    for file in files {
        let code = code_of(&file);
        for banned in [
            "std::fs",
            "std::env",
            "std::process",
            "std::net",
            "println!",
            "eprintln!",
            "\\x1b",
        ] {
            assert!(!code.contains(banned), "{} uses {banned}", file.display());
        }
    }
}

/// Each folder (top-level module) of a crate and the folders it imports from.
fn module_graph(src: &Path, crate_prefixes: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    for file in files {
        let relative = file.strip_prefix(src).unwrap();
        let module = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if module == "lib" || module == "main" {
            continue;
        }
        let code = code_of(&file);
        let uses = graph.entry(module.clone()).or_default();
        for prefix in crate_prefixes {
            for (at, _) in code.match_indices(prefix) {
                let rest = &code[at + prefix.len()..];
                let target: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !target.is_empty() && target != module {
                    uses.insert(target);
                }
            }
        }
    }
    graph
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if !done.insert(node.to_owned()) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if graph.contains_key(next)
                && let Some(cycle) = visit(next, graph, path, done)
            {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_circle_of_imports_spans_two_folders() {
    for (src, prefixes) in [
        ("crates/kohtaa-core/src", &["crate::"][..]),
        ("crates/kohtaa-store/src", &["crate::"][..]),
        ("src", &["crate::"][..]),
    ] {
        let graph = module_graph(&root().join(src), prefixes);
        assert!(graph.len() >= 3, "{src}: {graph:?}");
        assert_eq!(find_cycle(&graph), None, "a circle of imports in {src}");
    }
}

/// The check above would pass on a graph it could not read; it does find a circle.
#[test]
fn a_circle_is_found_when_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", &["b"][..]),
        ("b", &["c"][..]),
        ("c", &["a"][..]),
        ("d", &["a"][..]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.iter().map(|s| s.to_string()).collect()))
    .collect();
    let cycle = find_cycle(&graph).unwrap();
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4);
}
