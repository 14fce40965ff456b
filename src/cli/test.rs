//! `kohtaa test`: play the playthroughs of `*.tests.ron` files and report what differs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;

use super::{Context, Error, Lang};
use crate::authoring::playtest;
use crate::content::parse::parse;
use crate::content::tests_file::ScenarioTests;
use crate::content::text::display_safe;
use crate::content::{Library, Loaded, Origin, Scenario, Source};
use crate::diagnostics::Render;
use crate::i18n::{T, t, tf};
use crate::store::library::{self, LoadOptions};

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Test files, scenario files (their ID.tests.ron beside them) or folders (default: the
    /// bundled library and your own folders).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print only the playthroughs that fail (under their file's heading) and the summary.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub library: super::LibraryFlag,
}

/// The scenario file a test file names (`<its folder>/<scenario>.ron`), or the test file
/// `ID.tests.ron` beside a scenario `ID.ron`.
fn companion(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let other = if name.ends_with(".tests.ron") {
        let limit = crate::store::library::max_file_bytes() as u64;
        let bytes = crate::store::file::read_limited(path, limit).ok()?;
        let text = String::from_utf8(bytes).ok()?;
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
    lang: Lang,
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
        return Err(tf(
            lang,
            T::TestScenarioBroken,
            &[
                ("id", &display_safe(id)),
                ("code", &b.first_error.code.to_string()),
                ("message", &display_safe(&b.first_error.message_in(lang))),
            ],
        ));
    }
    let id = display_safe(id);
    if candidates.is_empty() {
        Err(tf(lang, T::TestNoScenario, &[("id", &id)]))
    } else {
        Err(tf(lang, T::TestManyLanguages, &[("id", &id)]))
    }
}

pub fn run(ctx: &Context, args: &TestArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    if let Some(path) = args.paths.iter().find(|p| !p.exists()) {
        let path = path.display().to_string();
        return Err(Error::usage(tf(lang, T::CliNoSuchPath, &[("path", &path)])));
    }
    let library = if args.paths.is_empty() {
        ctx.library()
    } else {
        let mut paths = args.paths.clone();
        paths.extend(args.paths.iter().filter_map(|p| companion(p)));
        paths.sort();
        paths.dedup();
        library::load(&LoadOptions {
            bundled_scenarios: false,
            folders: ctx.draft_folders(),
            paths,
        })
    };
    let wanted = |t: &Loaded<ScenarioTests>| args.paths.is_empty() || t.origin == Origin::Given;
    let mut out = std::io::stdout().lock();
    let (mut passed, mut failed) = (0usize, 0usize);
    // `  ok    name` / `  FAIL  name`: the marks padded to one width, details indented under
    // the name.
    let (ok, fail) = (t(lang, T::TestOk), t(lang, T::TestFail));
    let width = ok.chars().count().max(fail.chars().count());
    let mark = |m: &str| format!("  {m:<width$}  ");
    let indent = " ".repeat(width + 4);

    // Problems in test files are shown; a file that does not parse fails as a whole (one that
    // parses is played, and its playthroughs fail one by one).
    let color = crate::diagnostics::stderr_color();
    let played: std::collections::HashSet<&str> =
        library.tests.iter().map(|t| &*t.source.name).collect();
    let mut unparsed = std::collections::HashSet::new();
    for d in library
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.source.name.ends_with(".tests.ron"))
    {
        eprintln!("{}", d.render_in(lang, color));
        if !played.contains(&*d.source.name) && unparsed.insert(d.source.name.clone()) {
            failed += 1;
        }
    }

    for tests in library.tests.iter().filter(|t| wanted(t)) {
        let header = tf(
            lang,
            T::TestScenarioHeader,
            &[
                ("file", &tests.source.name),
                ("id", &display_safe(&tests.value.scenario)),
            ],
        );
        // Quiet: the heading only above a failure, so a green run prints the summary alone.
        let mut header = Some(header);
        if !args.quiet {
            let _ = writeln!(out, "{}", header.take().unwrap_or_default());
        }
        let mut heading = |out: &mut std::io::StdoutLock| {
            if let Some(h) = header.take() {
                let _ = writeln!(out, "{h}");
            }
        };
        let every =
            |why: &str| format!("{}{}", mark(fail), tf(lang, T::TestEvery, &[("why", why)]));
        let scenario = match scenario_for(&library, tests, lang) {
            Ok(s) => s,
            Err(why) => {
                heading(&mut out);
                let _ = writeln!(out, "{}", every(&why));
                failed += tests.value.tests.len().max(1);
                continue;
            }
        };
        let Some(model) = library.model_for(&scenario.value) else {
            let why = tf(
                lang,
                T::TestNoModel,
                &[
                    ("model", &display_safe(&scenario.value.model)),
                    ("lang", &display_safe(&scenario.value.language)),
                ],
            );
            heading(&mut out);
            let _ = writeln!(out, "{}", every(&why));
            failed += tests.value.tests.len().max(1);
            continue;
        };
        let scenario = Arc::new(scenario.value.clone());
        let model = Arc::new(model.clone());
        for test in &tests.value.tests {
            let outcome = playtest::play_in(&scenario, &model, test, lang);
            if outcome.passed() {
                passed += 1;
                if !args.quiet {
                    let _ = writeln!(out, "{}{}", mark(ok), display_safe(&outcome.name));
                }
            } else {
                failed += 1;
                heading(&mut out);
                let _ = writeln!(out, "{}{}", mark(fail), display_safe(&outcome.name));
                let path = display_safe(&outcome.path_text()).into_owned();
                let _ = writeln!(
                    out,
                    "{indent}{}",
                    tf(lang, T::TestPathTaken, &[("path", &path)])
                );
                for f in &outcome.failures {
                    let _ = writeln!(out, "{indent}{}", display_safe(f));
                }
            }
        }
    }
    if passed + failed == 0 {
        let _ = writeln!(out, "{}", t(lang, T::TestNoneFound));
        // An author who asked for a scenario's tests is told how to write them.
        for path in args.paths.iter().filter(|p| {
            p.extension().is_some_and(|e| e == "ron")
                && !p.to_string_lossy().ends_with(".tests.ron")
        }) {
            if let Some(stem) = path.file_stem() {
                let tests = path.with_file_name(format!("{}.tests.ron", stem.to_string_lossy()));
                let tests = tests.display().to_string();
                let _ = writeln!(
                    out,
                    "{}",
                    tf(lang, T::TestWriteSome, &[("file", &display_safe(&tests))])
                );
            }
        }
        return Ok(if args.paths.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let _ = writeln!(
        out,
        "{}",
        tf(
            lang,
            T::TestSummary,
            &[
                ("passed", &passed.to_string()),
                ("failed", &failed.to_string())
            ]
        )
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
