//! The library: every content file the program knows, loaded, checked and ready to use.
//!
//! A broken file never stops the others: it is reported and set apart, and everything valid
//! still loads.

mod overrides;
mod parts;

use overrides::{prefer_user, resolve_overrides};
use parts::{SPLIT_FROM_BYTES, in_parts};

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::codes::Code;
use super::diagnostic::{Diagnostic, Source};
use super::hygiene;
use super::outline::{Outline, list_field_span};
use super::parse::parse;
use super::styles::{self, StyleTexts};
use super::tests_file::ScenarioTests;
use super::text::display_safe;
use super::types::{EncounterModel, Scenario};
use super::validate;
use crate::words;

/// Where a file came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the program.
    Bundled,
    /// Found in a user folder (the data directory or `--scenarios DIR`).
    Folder(PathBuf),
    /// Named on the command line.
    Given,
}

/// A file that parsed, with what is needed to point into it later.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    pub value: T,
    pub source: Source,
    pub outline: Outline,
    pub origin: Origin,
}

/// A scenario file that could not be loaded, kept so that it is listed rather than vanishing.
#[derive(Clone, Debug)]
pub struct Broken {
    pub source: Source,
    pub origin: Origin,
    /// The id, if it could be read despite the errors.
    pub id: Option<String>,
    pub first_error: Diagnostic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    Scenario,
    Model,
    Styles,
    Tests,
}

#[derive(Clone, Debug, Default)]
pub struct Library {
    /// Scenarios that loaded without errors (warnings allowed).
    pub scenarios: Vec<Loaded<Scenario>>,
    pub models: Vec<Loaded<EncounterModel>>,
    pub tests: Vec<Loaded<ScenarioTests>>,
    /// Style files, one per language (a user's file replaces the bundled one).
    pub styles: Vec<Loaded<StyleTexts>>,
    /// Scenario files with errors.
    pub broken: Vec<Broken>,
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read and reported on (bundled support files not counted unless
    /// their scenarios were asked for).
    pub files_checked: usize,
}

/// One file's text, read but not yet parsed.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub source: Source,
    pub origin: Origin,
    /// The path it was read from (inside the bundle for bundled files).
    pub path: PathBuf,
}

/// Every file a library is made of, as the store found them.
#[derive(Clone, Debug, Default)]
pub struct Gathered {
    /// Named on the command line: always loaded and reported.
    pub given: Vec<SourceFile>,
    /// From the user's folders.
    pub folders: Vec<SourceFile>,
    /// Compiled into the program.
    pub bundled: Vec<SourceFile>,
    /// Problems reading files, reported as they are.
    pub unread: Vec<Diagnostic>,
}

impl Library {
    /// Parses and checks what was gathered. With `whole`, every scenario is loaded and
    /// reported; otherwise only the files named on the command line are, and the rest only
    /// count as present (see `LoadOptions` in the store). With `headers`, scenarios are read
    /// from their headers alone, for a quick first look.
    pub fn assemble(gathered: Gathered, whole: bool, headers: bool) -> Library {
        let Gathered {
            given: mut raw,
            folders: folder_files,
            bundled,
            unread,
        } = gathered;
        let mut lib = Library {
            files_checked: raw.len() + unread.len(),
            diagnostics: unread,
            ..Library::default()
        };
        // Scenarios not asked for still count as present; they are read only when needed.
        let mut present = Vec::new();
        for file in folder_files {
            if whole || !is_content(&file) {
                lib.files_checked += 1;
                raw.push(file);
            } else {
                present.push(file);
            }
        }
        for file in bundled {
            if whole {
                lib.files_checked += 1;
                raw.push(file);
            } else if is_content(&file) {
                present.push(file);
            } else {
                raw.push(file);
            }
        }
        lib.add_files(raw, whole, present, headers);
        // By file, then by position; problems at one spot keep the order they were found in.
        lib.diagnostics
            .sort_by(|a, b| (&a.source.name, a.span.start).cmp(&(&b.source.name, b.span.start)));
        lib
    }

    /// Parses and checks `raw`; models first, since scenarios are checked against them.
    /// `present` are scenario and test files that are not checked, only looked up. With
    /// `headers`, scenarios are read as the store's `load_headers` says.
    fn add_files(
        &mut self,
        raw: Vec<SourceFile>,
        report_bundled: bool,
        present: Vec<SourceFile>,
        headers: bool,
    ) {
        let mut by_kind: HashMap<FileKind, Vec<SourceFile>> = HashMap::new();
        for file in raw {
            by_kind
                .entry(file_kind(&file.path, &file.source.text))
                .or_default()
                .push(file);
        }
        let mut take = |k| by_kind.remove(&k).unwrap_or_default();
        let report = |origin: &Origin| report_bundled || *origin != Origin::Bundled;

        let loaded_models = self.read_models(take(FileKind::Model), &report);
        let models: Vec<&EncounterModel> = loaded_models.iter().map(|m| &m.value).collect();
        let mut languages: Vec<&str> = models.iter().map(|m| m.language.as_str()).collect();
        languages.sort_unstable();
        languages.dedup();
        let elsewhere = self.add_scenarios(take(FileKind::Scenario), &models, &languages, headers);
        let present: Vec<(SourceFile, Option<(String, String)>)> = present
            .into_iter()
            .filter(|f| file_kind(&f.path, &f.source.text) == FileKind::Scenario)
            .map(|f| {
                let text = &f.source.text;
                let key = string_field(text, "id").zip(string_field(text, "language"));
                (f, key)
            })
            .collect();
        let others: Vec<validate::Presence> = elsewhere
            .iter()
            .chain(present.iter().filter_map(|(_, key)| key.as_ref()))
            .map(|(id, language)| validate::Presence { id, language })
            .collect();
        // The library's languages are those of its models, too: a scenario missing in one
        // of them is worth a warning even before any other scenario is translated.
        self.diagnostics.extend(validate::library_among(
            &self.scenarios,
            &others,
            &languages,
        ));
        // A first look is for showing the library; its playthrough tests wait for the full
        // load, which checks them (checking them needs every scenario read in full).
        let files = take(FileKind::Tests);
        if !headers {
            self.add_tests(files, &present, &elsewhere, &models, &languages);
        }
        self.add_styles(take(FileKind::Styles), &report);
        self.models = loaded_models;
    }

    /// The models, a user's replacing a bundled one of the same id and language, each checked.
    fn read_models(
        &mut self,
        files: Vec<SourceFile>,
        report: &dyn Fn(&Origin) -> bool,
    ) -> Vec<Loaded<EncounterModel>> {
        let mut models = Vec::new();
        for file in files {
            let (parsed, diags) = read::<EncounterModel>(&file);
            if report(&file.origin) {
                self.diagnostics.extend(diags);
            }
            models.extend(parsed);
        }
        let models = prefer_user(models, |m| (m.value.id.clone(), m.value.language.clone()));
        for model in &models {
            if report(&model.origin) {
                self.diagnostics.extend(validate::model(model));
            }
        }
        models
    }

    /// The scenarios, read and checked on every core; those with errors set apart as
    /// broken. Returns the (id, language) of scenario files with errors, which still count
    /// as present.
    fn add_scenarios(
        &mut self,
        files: Vec<SourceFile>,
        models: &[&EncounterModel],
        languages: &[&str],
        headers: bool,
    ) -> Vec<(String, String)> {
        let mut scenarios = Vec::new();
        let mut elsewhere: Vec<(String, String)> = Vec::new();
        // Until here the files are independent: read and check them on every core.
        let checked = on_all_cores(&files, |file| {
            if let Some(d) = unknown_kind(file) {
                return Err(Box::new(d));
            }
            if let Some(header) = headers.then(|| read_header(file)).flatten() {
                return Ok((Some(header), Vec::new()));
            }
            let (parsed, mut diags) = read_scenario(file);
            if let Some(scenario) = &parsed {
                diags.extend(validate::scenario_among(scenario, models));
                diags.extend(validate::folder(scenario, languages));
            }
            Ok((parsed, diags))
        });
        for (file, checked) in files.iter().zip(checked) {
            let (parsed, diags) = match checked {
                Ok(checked) => checked,
                Err(unknown) => {
                    self.diagnostics.push(*unknown);
                    continue;
                }
            };
            match parsed {
                Some(s) if !diags.iter().any(Diagnostic::is_error) => scenarios.push(s),
                _ => {
                    let text = &file.source.text;
                    let id = string_field(text, "id");
                    if let (Some(id), Some(language)) = (&id, string_field(text, "language")) {
                        elsewhere.push((id.clone(), language));
                    }
                    if let Some(first) = diags.iter().find(|d| d.is_error()).cloned() {
                        self.broken.push(Broken {
                            id,
                            source: file.source.clone(),
                            origin: file.origin.clone(),
                            first_error: first,
                        });
                    }
                }
            }
            self.diagnostics.extend(diags);
        }
        let (kept, overrides, duplicates) = resolve_overrides(scenarios);
        self.diagnostics.extend(overrides);
        self.broken.extend(duplicates);
        self.scenarios = kept;
        elsewhere
    }

    /// The playthrough test files, each checked against the scenario it plays (one that is
    /// only present is read for it now).
    fn add_tests(
        &mut self,
        files: Vec<SourceFile>,
        present: &[(SourceFile, Option<(String, String)>)],
        elsewhere: &[(String, String)],
        models: &[&EncounterModel],
        languages: &[&str],
    ) {
        let mut tests = Vec::new();
        for file in files {
            let (parsed, diags) = read::<ScenarioTests>(&file);
            self.diagnostics.extend(diags);
            tests.extend(parsed);
        }
        if !tests.is_empty() {
            // Test files may play scenarios that are only present: read those now.
            let wanted: HashSet<&str> = tests.iter().map(|t| t.value.scenario.as_str()).collect();
            let extra: Vec<Scenario> = present
                .iter()
                .filter(|(_, key)| {
                    key.as_ref()
                        .is_some_and(|(id, _)| wanted.contains(id.as_str()))
                })
                .filter_map(|(f, _)| parse::<Scenario>(&f.source).ok())
                .collect();
            let candidates: Vec<&Scenario> = self
                .scenarios
                .iter()
                .map(|s| &s.value)
                .chain(extra.iter())
                .collect();
            let broken: Vec<&str> = elsewhere.iter().map(|(id, _)| id.as_str()).collect();
            let model_of = |s: &Scenario| {
                models
                    .iter()
                    .copied()
                    .find(|m| m.id == s.model && m.language == s.language)
            };
            for t in &tests {
                self.diagnostics.extend(validate::tests(
                    t,
                    &candidates,
                    &broken,
                    languages,
                    model_of,
                ));
            }
        }
        self.tests = tests;
    }

    /// The style files, one per language, a user's replacing the bundled one.
    fn add_styles(&mut self, files: Vec<SourceFile>, report: &dyn Fn(&Origin) -> bool) {
        for file in files {
            let (parsed, mut diags) = read::<StyleTexts>(&file);
            if let Some(texts) = &parsed {
                diags.extend(styles::validate(texts));
            }
            let usable = !diags.iter().any(Diagnostic::is_error);
            if report(&file.origin) {
                self.diagnostics.extend(diags);
            }
            if let Some(texts) = parsed.filter(|_| usable) {
                self.styles.push(texts);
            }
        }
        self.styles = prefer_user(std::mem::take(&mut self.styles), |s| {
            s.value.language.clone()
        });
    }

    /// The encounter model a scenario names, in the scenario's language.
    pub fn model_for(&self, scenario: &Scenario) -> Option<&EncounterModel> {
        self.models
            .iter()
            .find(|m| m.value.id == scenario.model && m.value.language == scenario.language)
            .map(|m| &m.value)
    }

    /// The style texts for a language.
    pub fn styles_for(&self, language: &str) -> Option<&StyleTexts> {
        self.styles
            .iter()
            .find(|s| s.value.language == language)
            .map(|s| &s.value)
    }

    pub fn scenario(&self, id: &str, language: &str) -> Option<&Loaded<Scenario>> {
        self.scenarios
            .iter()
            .find(|s| s.value.id == id && s.value.language == language)
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.level == super::diagnostic::Level::Warning)
            .count()
    }
}

/// `f` of each item, in order, the items shared out among the machine's cores (a library of
/// a thousand files loads in about half the time on two).
pub fn on_all_cores<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Below a few files a thread costs more than it saves.
    if cores < 2 || items.len() < 4 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(cores);
    std::thread::scope(|scope| {
        let f = &f;
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Parses one file and checks its text; the value is `None` when it does not parse.
fn read<T: DeserializeOwned + Serialize>(
    file: &SourceFile,
) -> (Option<Loaded<T>>, Vec<Diagnostic>) {
    read_with(file, parse::<T>)
}

/// [`read`], parsing with `parse`. Every string of the parsed value is checked for text
/// that must not reach a terminal ([`hygiene::check_values`]): what was parsed is what a
/// learner could see, however the file wrote it.
fn read_with<T: Serialize>(
    file: &SourceFile,
    parse: impl FnOnce(&Source) -> Result<T, Box<Diagnostic>>,
) -> (Option<Loaded<T>>, Vec<Diagnostic>) {
    // The outline reads the file only if a problem needs a position.
    let outline = Outline::lazy(file.source.text.clone());
    match parse(&file.source) {
        Ok(value) => {
            let diags = hygiene::check_values(&value, &file.source, &outline);
            (
                Some(Loaded {
                    value,
                    source: file.source.clone(),
                    outline,
                    origin: file.origin.clone(),
                }),
                diags,
            )
        }
        Err(d) => (None, vec![*d]),
    }
}

/// [`read`] for a scenario. Parsing is most of what checking a large file costs, and ron
/// parses on one thread at about 150 MB/s; so on two cores or more, a large scenario's nodes
/// are parsed in parts at once (see [`in_parts`]). Any problem, and the file is parsed again
/// the ordinary way, for diagnostics at their places.
fn read_scenario(file: &SourceFile) -> (Option<Loaded<Scenario>>, Vec<Diagnostic>) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if file.source.text.len() < SPLIT_FROM_BYTES || cores < 2 {
        return read::<Scenario>(file);
    }
    let mut node_starts = Vec::new();
    let (mut loaded, diags) = read_with(file, |source| match in_parts(&source.text, cores) {
        Some((scenario, starts)) => {
            node_starts = starts;
            Ok(scenario)
        }
        None => parse::<Scenario>(source),
    });
    if let Some(loaded) = &mut loaded {
        // Where each node starts is known now: a position inside a node is then found by
        // reading that node alone.
        loaded.outline.know_items("nodes", node_starts);
    }
    (loaded, diags)
}

/// A scenario read from its header: the file with its node list taken out and left empty,
/// parsed; `None` if there is no such list or the rest does not parse.
fn read_header(file: &SourceFile) -> Option<Loaded<Scenario>> {
    let text = &*file.source.text;
    let nodes = list_field_span(text, "nodes")?;
    let header = [&text[..nodes.start], "[]", &text[nodes.end..]].concat();
    Some(Loaded {
        value: super::parse::parse_part::<Scenario>(&header, 0)?,
        source: file.source.clone(),
        outline: Outline::lazy(file.source.text.clone()),
        origin: file.origin.clone(),
    })
}

/// The kind of a content file: by its leading struct name, else by where it lies.
pub fn file_kind(path: &Path, text: &str) -> FileKind {
    let head = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#!"))
        .unwrap_or("");
    let name_is = |n: &str| head.starts_with(n) && head[n.len()..].trim_start().starts_with('(');
    if name_is("Scenario") {
        return FileKind::Scenario;
    }
    if name_is("EncounterModel") {
        return FileKind::Model;
    }
    if name_is("ScenarioTests") {
        return FileKind::Tests;
    }
    if name_is("StyleTexts") {
        return FileKind::Styles;
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let parent = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("");
    if name.ends_with(".tests.ron") {
        FileKind::Tests
    } else if parent == "models" {
        FileKind::Model
    } else if parent == "styles" {
        FileKind::Styles
    } else {
        FileKind::Scenario
    }
}

/// A file that names a struct of no known kind, and lies where its kind cannot be told from
/// its place: better said plainly than as a scenario with the wrong name.
fn unknown_kind(file: &SourceFile) -> Option<Diagnostic> {
    const KNOWN: [&str; 4] = ["Scenario", "EncounterModel", "ScenarioTests", "StyleTexts"];
    let text = &*file.source.text;
    let start = text.len() - skip_comments(text).len();
    let head = &text[start..];
    let name_len = head
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(head.len());
    let name = &head[..name_len];
    if name.is_empty() || KNOWN.contains(&name) || !head[name_len..].trim_start().starts_with('(') {
        return None;
    }
    Some(
        Diagnostic::new(
            Code::UnknownFileKind,
            &file.source,
            start..start + name_len,
            {
                let name = display_safe(name);
                words!(StartsNoKindContent, name)
            },
        )
        .note(words!(StartWithPutModel)),
    )
}

/// `text` after leading white space and comments.
fn skip_comments(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("//") {
            text = rest.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(rest) = text.strip_prefix("/*") {
            text = rest.split_once("*/").map_or("", |(_, after)| after);
        } else {
            return text;
        }
    }
}

/// A file's text as it is checked: without a UTF-8 byte-order mark at its start (which some
/// editors write, and which is no part of the text), and with Windows line endings read as
/// Unix ones (columns do not change).
pub fn prepare(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

/// A string field of a file's top-level struct, found by a skim and read on its own, so
/// that even a file that does not parse can be named.
pub fn string_field(text: &str, field: &str) -> Option<String> {
    use serde::Deserialize;
    let (_, start) = super::outline::top_field(text, field)?;
    String::deserialize(&mut ron::Deserializer::from_str(&text[start..]).ok()?).ok()
}

/// Scenario and test files, as opposed to the models and style files they rely on.
fn is_content(file: &SourceFile) -> bool {
    matches!(
        file_kind(&file.path, &file.source.text),
        FileKind::Scenario | FileKind::Tests
    )
}
