//! Libraries from disk and from the bundle: finding the files, reading them safely, and
//! handing them to the content layer to parse and check.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use kohtaa_core::content::diagnostic::Message;
use kohtaa_core::content::library::{Gathered, Origin, SourceFile, on_all_cores, prepare};
use kohtaa_core::content::parse::MAX_FILE_BYTES;
use kohtaa_core::content::validate::is_valid_language;
use kohtaa_core::content::{Code, Diagnostic, Library, Source};

use crate::file::{self, ReadError};
use kohtaa_core::words;

/// The scenarios, models and style files that ship with the program.
static BUNDLED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../scenarios");

/// The environment variable that raises (or lowers) the file size limit, in MiB: an explicit
/// choice for a generated stress test (50,000 nodes are about 54 MiB), never a default.
pub const MAX_FILE_MIB_VAR: &str = "KOHTAA_MAX_FILE_MIB";

/// The file size limit in force: [`MAX_FILE_BYTES`], unless `KOHTAA_MAX_FILE_MIB` says otherwise.
pub fn max_file_bytes() -> usize {
    std::env::var(MAX_FILE_MIB_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(MAX_FILE_BYTES, |mib| mib.saturating_mul(1024 * 1024))
}

/// What to load.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// The whole library: bundled scenarios, and every scenario and test file in `folders`.
    /// Without it only `paths` are loaded as scenarios; bundled and folder scenarios then only
    /// count as present (for "in one language only" and for test files), while the models and
    /// style files of the bundle and of `folders` are still used.
    pub bundled_scenarios: bool,
    /// User folders, searched recursively for `.ron` files.
    pub folders: Vec<PathBuf>,
    /// Files or folders named on the command line, always loaded and reported.
    pub paths: Vec<PathBuf>,
}

/// The folder of a library laid out as `check` expects (`en/`, `fi/`, `models/`,
/// `styles/`) that `path` lies in, if it does: `lib/en/x.ron` is in `lib` when `lib` has a
/// `models` or `styles` folder or another language's; a file directly beside a `models`
/// folder is in that folder's parent. The whole folder is read at each check, so a file in
/// `~/en/` does not make the home folder a library.
pub fn library_root(path: &Path) -> Option<PathBuf> {
    let parent = path.parent()?;
    let name = parent.file_name()?.to_str()?;
    if name == "models" || name == "styles" {
        return parent.parent().map(Path::to_path_buf);
    }
    let has_parts = |dir: &Path| dir.join("models").is_dir() || dir.join("styles").is_dir();
    if is_valid_language(name) {
        let root = parent.parent()?;
        let other_language = std::fs::read_dir(root).ok()?.flatten().any(|entry| {
            let other = entry.file_name();
            let other = other.to_str().unwrap_or("");
            other != name && is_valid_language(other) && entry.path().is_dir()
        });
        if has_parts(root) || other_language {
            return Some(root.to_path_buf());
        }
    }
    has_parts(parent).then(|| parent.to_path_buf())
}

/// The bundled library alone.
pub fn bundled() -> Library {
    load(&LoadOptions {
        bundled_scenarios: true,
        ..LoadOptions::default()
    })
}

/// The bundled scenario `id`'s files, to start one's own from (`kohtaa new ID --from`): its
/// file in each language and their tests files, as (path inside the bundle, such as
/// `fi/wrong-fee.ron`, text). Empty when no bundled scenario has that id.
pub fn bundled_files(id: &str) -> Vec<(PathBuf, String)> {
    let library = bundled();
    let scenarios = library
        .scenarios
        .iter()
        .filter(|s| s.value.id == id)
        .map(|s| &s.source);
    let tests = library
        .tests
        .iter()
        .filter(|t| t.value.scenario == id)
        .map(|t| &t.source);
    let mut files: Vec<(PathBuf, String)> = scenarios
        .chain(tests)
        .filter_map(|source| {
            let path = source.name.strip_prefix("bundled:")?;
            Some((PathBuf::from(path), source.text.to_string()))
        })
        .collect();
    files.sort();
    files
}

/// The ids of the bundled scenarios, sorted, each once.
pub fn bundled_ids() -> Vec<String> {
    let mut ids: Vec<String> = bundled()
        .scenarios
        .iter()
        .map(|s| s.value.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Everything `options` asks for, parsed and checked.
pub fn load(options: &LoadOptions) -> Library {
    load_given(options, false)
}

/// The library for a first look, much quicker to load than [`load`]: each scenario is read
/// from its header alone (every field but `nodes`, which is left empty) and not checked;
/// models and style files are read in full; playthrough test files are left to the full
/// load. A scenario whose header does not read is read in
/// full instead, so it is set apart with its first error as [`load`] would. The practice app
/// shows this until the full load, begun right after, is done.
pub fn load_headers(options: &LoadOptions) -> Library {
    load_given(options, true)
}

/// Checks texts that are not files (an editor's buffer, a draft on standard input), each
/// with the path it would have, as if they had been named in `options.paths`.
pub fn load_texts(options: &LoadOptions, texts: &[(PathBuf, String)]) -> Library {
    let given = texts
        .iter()
        .map(|(path, text)| SourceFile {
            source: Source::new(path.display().to_string(), prepare(text.clone())),
            origin: Origin::Given,
            path: path.clone(),
        })
        .collect();
    assemble(options, given, Vec::new(), false)
}

/// As [`load`], with `texts` (standard input, say) checked beside the files of
/// `options.paths`, each named by the path given with it.
pub fn load_with_texts(options: &LoadOptions, texts: &[(PathBuf, String)]) -> Library {
    let (mut given, unread) = gather_given(options);
    given.extend(texts.iter().map(|(path, text)| SourceFile {
        source: Source::new(path.display().to_string(), prepare(text.clone())),
        origin: Origin::Given,
        path: path.clone(),
    }));
    assemble(options, given, unread, false)
}

/// As [`load_texts`] for one text, taken as it is: an editor's buffer of megabytes is
/// checked without another copy.
pub fn load_text(options: &LoadOptions, path: PathBuf, text: String) -> Library {
    let given = vec![SourceFile {
        source: Source::new(path.display().to_string(), prepare(text)),
        origin: Origin::Given,
        path,
    }];
    assemble(options, given, Vec::new(), false)
}

/// The files named on the command line, then everything else `options` asks for.
fn load_given(options: &LoadOptions, headers: bool) -> Library {
    let (given, unread) = gather_given(options);
    assemble(options, given, unread, headers)
}

fn gather_given(options: &LoadOptions) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut given = Vec::new();
    let mut unread = Vec::new();
    let mut seen = HashSet::new();
    for path in &options.paths {
        collect_path(path, Origin::Given, &mut seen, &mut given, &mut unread);
    }
    (given, unread)
}

fn assemble(
    options: &LoadOptions,
    given: Vec<SourceFile>,
    mut unread: Vec<Diagnostic>,
    headers: bool,
) -> Library {
    let mut folders = Vec::new();
    // A folder given twice (the user folder also named with `--scenarios`), or reached
    // again through a link, is read once.
    let mut seen = HashSet::new();
    for folder in &options.folders {
        if folder.is_dir() {
            let origin = Origin::Folder(folder.clone());
            collect_path(folder, origin, &mut seen, &mut folders, &mut unread);
        }
    }
    let mut bundled = Vec::new();
    collect_bundled(&BUNDLED, &mut bundled);
    let gathered = Gathered {
        given,
        folders,
        bundled,
        unread,
    };
    Library::assemble(gathered, options.bundled_scenarios, headers)
}

fn collect_bundled(dir: &'static Dir<'static>, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "ron") {
            let text = file.contents_utf8().unwrap_or_default();
            out.push(SourceFile {
                source: Source::new(format!("bundled:{}", file.path().display()), text),
                origin: Origin::Bundled,
                path: file.path().to_path_buf(),
            });
        }
    }
    for sub in dir.dirs() {
        collect_bundled(sub, out);
    }
}

fn collect_path(
    path: &Path,
    origin: Origin,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<SourceFile>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut files = Vec::new();
    list_files(path, seen, &mut files, diags);
    for read in on_all_cores(&files, |file| read_file(file, &origin)) {
        match read {
            Ok(file) => out.push(file),
            Err(d) => diags.push(*d),
        }
    }
}

/// `path` if it is a file, else every `.ron` file below it, sorted. Links are followed, but
/// every folder and file is listed once, by its canonical path, and a link to the folder it
/// is in or to one above (`a -> .`, `up -> ..`) is not followed: a loop of links ends, and
/// no file is read twice.
fn list_files(
    path: &Path,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !seen.insert(canonical.clone()) {
        return;
    }
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            diags.push(unreadable(path, &ReadError::Io(e).words()));
            return;
        }
    };
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            let target = std::fs::canonicalize(&entry).unwrap_or_else(|_| entry.clone());
            if !canonical.starts_with(&target) {
                list_files(&entry, seen, out, diags);
            }
        } else if entry.extension().is_some_and(|e| e == "ron") {
            list_files(&entry, seen, out, diags);
        }
    }
}

/// One file's text, or why it cannot be had. Only a regular file is read, and never more of
/// it than the limit (see [`crate::file`]).
fn read_file(path: &Path, origin: &Origin) -> Result<SourceFile, Box<Diagnostic>> {
    let limit = max_file_bytes() as u64;
    let bytes = match file::read_limited(path, limit) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge { size, exact, limit }) => {
            return Err(Box::new(too_large(path, size, exact, limit)));
        }
        Err(e) => return Err(Box::new(unreadable(path, &e.words()))),
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            source: Source::new(path.display().to_string(), prepare(text)),
            origin: origin.clone(),
            path: path.to_path_buf(),
        }),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let lossy_offset = String::from_utf8_lossy(&e.as_bytes()[..valid]).len();
            let source = Source::new(path.display().to_string(), text);
            Err(Box::new(Diagnostic::new(
                Code::NotUtf8,
                &source,
                lossy_offset..lossy_offset,
                words!(FileNotValidUtf),
            )))
        }
    }
}

/// The file is over the limit: its size and the limit, in bytes exactly (so a file a few
/// bytes over never reads as "16 MiB; the limit is 16 MiB").
fn too_large(path: &Path, size: u64, exact: bool, limit: u64) -> Diagnostic {
    let source = Source::new(path.display().to_string(), "");
    let (shown, bytes, mib) = (
        file::bytes(size),
        file::bytes(limit),
        limit.div_ceil(1024 * 1024),
    );
    let message = if exact {
        words!(FileBytesLimitBytes2, shown, bytes, mib)
    } else {
        words!(FileHoldsMoreThan2, bytes, mib)
    };
    Diagnostic::new(Code::FileTooLarge, &source, 0..0, message).note(words!(
        SplitIntoSeveralScenarios,
        max_file_mib_var = MAX_FILE_MIB_VAR
    ))
}

fn unreadable(path: &Path, why: &Message) -> Diagnostic {
    let source = Source::new(path.display().to_string(), "");
    Diagnostic::new(
        Code::Unreadable,
        &source,
        0..0,
        words!(CannotRead, why = why.clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use kohtaa_core::content::Scenario;

    /// The first look has every scenario of the full load, the same but for its nodes.
    #[test]
    fn headers_are_the_scenarios_without_their_nodes() {
        let options = LoadOptions {
            bundled_scenarios: true,
            ..LoadOptions::default()
        };
        let full = load(&options);
        let headers = load_headers(&options);
        assert!(!full.scenarios.is_empty());
        let without_nodes: Vec<Scenario> = full
            .scenarios
            .iter()
            .map(|s| Scenario {
                nodes: Vec::new(),
                ..s.value.clone()
            })
            .collect();
        let firsts: Vec<Scenario> = headers.scenarios.iter().map(|s| s.value.clone()).collect();
        assert_eq!(firsts, without_nodes);
    }

    /// A file whose header does not read is set apart at once, with the full load's first
    /// error; one that fails only its check is set apart by the full load.
    #[test]
    fn broken_files_in_the_first_look_and_the_full_load() {
        let dir = tempfile::tempdir().unwrap();
        let good = kohtaa_core::content::generate::scenario(5, 1);
        let unchecked = good.replacen("id: \"", "id: \"unchecked-", 1).replacen(
            "start: \"",
            "start: \"nowhere-",
            1,
        );
        let unread = good
            .replacen("id: \"", "id: \"unread-", 1)
            .replacen("title:", "titel:", 1);
        std::fs::write(dir.path().join("a.ron"), &unchecked).unwrap();
        std::fs::write(dir.path().join("b.ron"), &unread).unwrap();
        let options = LoadOptions {
            folders: vec![dir.path().to_path_buf()],
            bundled_scenarios: true,
            ..LoadOptions::default()
        };
        let full = load(&options);
        let headers = load_headers(&options);
        let broken = |l: &Library| -> Vec<(Option<String>, String)> {
            l.broken
                .iter()
                .map(|b| {
                    (
                        b.id.clone(),
                        b.first_error.message_in(kohtaa_core::Lang::En),
                    )
                })
                .collect()
        };
        assert_eq!(full.broken.len(), 2, "{:?}", broken(&full));
        assert_eq!(broken(&headers), broken(&full)[1..]);
        assert!(
            headers
                .scenarios
                .iter()
                .any(|s| s.value.id.starts_with("unchecked-"))
        );
        assert!(
            !full
                .scenarios
                .iter()
                .any(|s| s.value.id.starts_with("unchecked-"))
        );
    }

    #[test]
    fn a_library_is_found_by_its_layout_and_a_lone_language_folder_is_not_one() {
        let dir = tempfile::tempdir().unwrap();
        let at = |rel: &str| dir.path().join(rel);
        for folder in [
            "lib/en",
            "lib/fi",
            "home/fi",
            "loose/models",
            "other/en",
            "other/models",
        ] {
            std::fs::create_dir_all(at(folder)).unwrap();
        }
        assert_eq!(library_root(&at("lib/en/x.ron")), Some(at("lib")));
        assert_eq!(library_root(&at("other/en/x.ron")), Some(at("other")));
        assert_eq!(
            library_root(&at("other/models/m.en.ron")),
            Some(at("other"))
        );
        assert_eq!(library_root(&at("loose/x.ron")), Some(at("loose")));
        assert_eq!(library_root(&at("home/fi/x.ron")), None);
        assert_eq!(library_root(&at("home/x.ron")), None);
    }
}
