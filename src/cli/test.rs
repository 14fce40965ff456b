//! `kohtaa test`: play the playthroughs of `*.tests.ron` files and report what differs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;

use super::{Global, load_library};
use crate::authoring::playtest;
use crate::content::parse::parse;
use crate::content::tests_file::ScenarioTests;
use crate::content::text::display_safe;
use crate::content::{Library, LoadOptions, Loaded, Origin, Scenario, Source};

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Test files, scenario files (their ID.tests.ron beside them) or folders (default: the
    /// bundled library and your own folders).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The scenario file a test file names (`<its folder>/<scenario>.ron`), or the test file
/// `ID.tests.ron` beside a scenario `ID.ron`.
fn companion(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let other = if name.ends_with(".tests.ron") {
        let text = std::fs::read_to_string(path).ok()?;
        let tests: ScenarioTests = parse(&Source::new(name, text)).ok()?;
        format!("{}.ron", tests.scenario)
    } else {
        format!("{}.tests.ron", name.strip_suffix(".ron")?)
    };
    let other = path.with_file_name(other);
    other.is_file().then_some(other)
}

fn same_dir(a: &str, b: &str) -> bool {
    Path::new(a).parent() == Path::new(b).parent()
}

/// The scenario a test file plays: its id, preferring one in the same folder, then one whose
/// language is the folder's name.
fn scenario_for<'a>(
    library: &'a Library,
    tests: &Loaded<ScenarioTests>,
) -> Result<&'a Loaded<Scenario>, String> {
    let id = &tests.value.scenario;
    let name = &*tests.source.name;
    let candidates: Vec<&Loaded<Scenario>> = library
        .scenarios
        .iter()
        .filter(|s| s.value.id == *id)
        .collect();
    let folder = Path::new(name)
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .map(|n| n.rsplit(':').next().unwrap_or(n).to_owned());
    if let Some(s) = candidates.iter().find(|s| same_dir(&s.source.name, name)) {
        return Ok(s);
    }
    if let Some(s) = candidates
        .iter()
        .find(|s| Some(&s.value.language) == folder.as_ref())
    {
        return Ok(s);
    }
    if let [only] = candidates.as_slice() {
        return Ok(only);
    }
    if let Some(b) = library.broken.iter().find(|b| b.id.as_deref() == Some(id)) {
        return Err(format!(
            "scenario `{}` has errors ({}: {}); run `kohtaa check`",
            display_safe(id),
            b.first_error.code,
            display_safe(&b.first_error.message)
        ));
    }
    if candidates.is_empty() {
        Err(format!("no scenario `{}` found", display_safe(id)))
    } else {
        Err(format!(
            "scenario `{}` exists in several languages; put the test file beside the one it tests",
            display_safe(id)
        ))
    }
}

pub fn run(global: &Global, args: &TestArgs) -> ExitCode {
    for path in &args.paths {
        if !path.exists() {
            eprintln!("error: no such file or folder: {}", path.display());
            return ExitCode::from(2);
        }
    }
    let library = if args.paths.is_empty() {
        load_library(global)
    } else {
        let mut paths = args.paths.clone();
        paths.extend(args.paths.iter().filter_map(|p| companion(p)));
        paths.sort();
        paths.dedup();
        Library::load(&LoadOptions {
            bundled_scenarios: false,
            folders: global.scenarios.clone(),
            paths,
        })
    };
    let wanted = |t: &Loaded<ScenarioTests>| args.paths.is_empty() || t.origin == Origin::Given;
    let mut out = std::io::stdout().lock();
    let (mut passed, mut failed) = (0usize, 0usize);

    // Problems in test files are shown; a file that does not parse fails as a whole (one that
    // parses is played, and its playthroughs fail one by one).
    let color = super::graph::color_stderr();
    let played: std::collections::HashSet<&str> =
        library.tests.iter().map(|t| &*t.source.name).collect();
    let mut unparsed = std::collections::HashSet::new();
    for d in library
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.source.name.ends_with(".tests.ron"))
    {
        eprintln!("{}", d.render(color));
        if !played.contains(&*d.source.name) && unparsed.insert(d.source.name.clone()) {
            failed += 1;
        }
    }

    for tests in library.tests.iter().filter(|t| wanted(t)) {
        let _ = writeln!(
            out,
            "{} (scenario `{}`)",
            tests.source.name,
            display_safe(&tests.value.scenario)
        );
        let scenario = match scenario_for(&library, tests) {
            Ok(s) => s,
            Err(why) => {
                let _ = writeln!(out, "  FAIL  every playthrough: {why}");
                failed += tests.value.tests.len().max(1);
                continue;
            }
        };
        let Some(model) = library.model_for(&scenario.value) else {
            let _ = writeln!(
                out,
                "  FAIL  every playthrough: no model `{}` in language `{}`",
                display_safe(&scenario.value.model),
                display_safe(&scenario.value.language)
            );
            failed += tests.value.tests.len().max(1);
            continue;
        };
        let scenario = Arc::new(scenario.value.clone());
        let model = Arc::new(model.clone());
        for test in &tests.value.tests {
            let outcome = playtest::play(&scenario, &model, test);
            if outcome.passed() {
                passed += 1;
                let _ = writeln!(out, "  ok    {}", display_safe(&outcome.name));
            } else {
                failed += 1;
                let _ = writeln!(out, "  FAIL  {}", display_safe(&outcome.name));
                let _ = writeln!(
                    out,
                    "        path taken: {}",
                    display_safe(&outcome.path_text())
                );
                for f in &outcome.failures {
                    let _ = writeln!(out, "        {}", display_safe(f));
                }
            }
        }
    }
    if passed + failed == 0 {
        let _ = writeln!(out, "no scenario tests found");
        // An author who asked for a scenario's tests is told how to write them.
        for path in args.paths.iter().filter(|p| {
            p.extension().is_some_and(|e| e == "ron")
                && !p.to_string_lossy().ends_with(".tests.ron")
        }) {
            if let Some(stem) = path.file_stem() {
                let tests = path.with_file_name(format!("{}.tests.ron", stem.to_string_lossy()));
                let _ = writeln!(
                    out,
                    "  write {} beside it to add some (docs/authoring.md, \"Tests\")",
                    display_safe(&tests.display().to_string())
                );
            }
        }
        return if args.paths.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
