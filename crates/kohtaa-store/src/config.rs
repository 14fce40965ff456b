//! The configuration file, `config.toml` in the platform's config folder, and the system-wide
//! library folders an organisation installs its scenarios into.
//!
//! The file is only ever read here, never written: a file kohtaa cannot read is reported with
//! its line and column and left exactly as it is. What its values mean (which language, which
//! theme) is the program's to decide; this module hands them over as written.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::file::{self, ReadError};

/// The environment variable that names another configuration file (tests, a portable setup).
pub const CONFIG_VAR: &str = "KOHTAA_CONFIG";

/// The file's own name in the config folder.
pub const FILE_NAME: &str = "config.toml";

/// A configuration file is small: anything larger is a mistake, not a configuration.
const LIMIT: u64 = 1024 * 1024;

/// What a configuration file says, each value as written; `None` (or empty) where it is silent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The interface language, e.g. `"fi"`.
    pub lang: Option<String>,
    /// The app's theme, e.g. `"high-contrast"`.
    pub theme: Option<String>,
    /// Folders of scenarios, models and style files; relative ones are taken from the folder
    /// the configuration file is in, so a file can travel with its library.
    #[serde(default)]
    pub scenarios: Vec<PathBuf>,
    /// False: save no runs, reflections or profile (as `--no-save`).
    pub save: Option<bool>,
}

/// Why a configuration file could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// The file is there but could not be read.
    Unreadable(ReadError),
    /// The file is not valid UTF-8.
    NotUtf8,
    /// The file does not read as a configuration: where (1-based line and column, in
    /// characters), what is wrong there, and that line of the file as it is.
    Invalid {
        line: usize,
        column: usize,
        problem: Problem,
        text: String,
    },
}

/// What is wrong in a configuration file, in words any language can say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A key kohtaa does not know (a typo, or a setting of a newer version).
    UnknownKey(String),
    /// A value of the wrong kind for its key (text where a true/false goes ...).
    WrongType,
    /// Not TOML: an unquoted text, a missing `=` ...
    Syntax,
}

/// The configuration file to read: `KOHTAA_CONFIG` if set (and not empty), else
/// `config.toml` in the platform's config folder (on Linux `~/.config/kohtaa`). `None` when
/// the platform has no such folder.
pub fn path() -> Option<PathBuf> {
    if let Some(file) = std::env::var_os(CONFIG_VAR).filter(|f| !f.is_empty()) {
        return Some(PathBuf::from(file));
    }
    directories::ProjectDirs::from("fi", "kohtaa", "kohtaa").map(|d| d.config_dir().join(FILE_NAME))
}

/// The configuration in `path`: `Ok(None)` when there is no such file, an error (never a
/// silent default) when there is one that cannot be used.
pub fn load(path: &Path) -> Result<Option<Config>, ConfigError> {
    let bytes = match file::read_limited(path, LIMIT) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(ConfigError::Unreadable(e)),
    };
    let text = String::from_utf8(bytes).map_err(|_| ConfigError::NotUtf8)?;
    let mut config = parse(&text)?;
    let base = path.parent().unwrap_or(Path::new(""));
    for folder in &mut config.scenarios {
        if folder.is_relative() {
            *folder = base.join(&*folder);
        }
    }
    Ok(Some(config))
}

/// The configuration `text` says.
pub fn parse(text: &str) -> Result<Config, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        let (line, column) = line_and_column(text, at);
        ConfigError::Invalid {
            line,
            column,
            problem: problem(e.message()),
            text: text.lines().nth(line - 1).unwrap_or_default().to_owned(),
        }
    })
}

/// The kind of problem the parser's (English) message names: toml reports an unknown key
/// and a wrong type in serde's words, and everything else is a matter of syntax.
fn problem(message: &str) -> Problem {
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some(end) = rest.find('`')
    {
        return Problem::UnknownKey(rest[..end].to_owned());
    }
    if message.starts_with("invalid type") {
        return Problem::WrongType;
    }
    Problem::Syntax
}

/// The 1-based line and column (in characters) of the byte `offset` of `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset;
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The folders an organisation installs a library into for every user of the machine, in the
/// platform's order. On Unix `kohtaa/scenarios` under each folder of `XDG_DATA_DIRS` (by the
/// XDG rule, `/usr/local/share:/usr/share` when it is unset or empty); on Windows under
/// `%ProgramData%`; on macOS also `/Library/Application Support`. Listed whether or not they
/// exist: `kohtaa config` shows where a library would be found.
pub fn system_scenarios_dirs() -> Vec<PathBuf> {
    let mut bases: Vec<PathBuf> = Vec::new();
    #[cfg(unix)]
    {
        let from_env: Vec<PathBuf> = std::env::var_os("XDG_DATA_DIRS")
            .map(|v| std::env::split_paths(&v).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            // The XDG rule: only absolute paths count.
            .filter(|p| p.is_absolute())
            .collect();
        if from_env.is_empty() {
            bases.push(PathBuf::from("/usr/local/share"));
            bases.push(PathBuf::from("/usr/share"));
        } else {
            bases = from_env;
        }
    }
    #[cfg(target_os = "macos")]
    bases.push(PathBuf::from("/Library/Application Support"));
    #[cfg(windows)]
    if let Some(data) = std::env::var_os("ProgramData").filter(|d| !d.is_empty()) {
        bases.push(PathBuf::from(data));
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for base in bases {
        let dir = base.join("kohtaa").join("scenarios");
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_reads_and_none_is_required() {
        let c = parse(
            "lang = \"fi\"\ntheme = \"mono\"\nscenarios = [\"/srv/a\", \"b\"]\nsave = false\n",
        )
        .unwrap();
        assert_eq!(c.lang.as_deref(), Some("fi"));
        assert_eq!(c.theme.as_deref(), Some("mono"));
        assert_eq!(c.scenarios, [PathBuf::from("/srv/a"), PathBuf::from("b")]);
        assert_eq!(c.save, Some(false));
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn a_mistake_is_placed_by_line_and_column_in_characters() {
        let Err(ConfigError::Invalid {
            line,
            column,
            problem,
            text,
        }) = parse("lang = \"fi\"\nsave = ää\n")
        else {
            panic!("expected an error");
        };
        assert_eq!((line, column, problem), (2, 8, Problem::Syntax));
        assert_eq!(text, "save = ää");
        let Err(ConfigError::Invalid { line, problem, .. }) = parse("\n\nlanguage = \"fi\"\n")
        else {
            panic!("expected an error");
        };
        assert_eq!((line, problem), (3, Problem::UnknownKey("language".into())));
        let Err(ConfigError::Invalid { line, problem, .. }) = parse("save = \"no\"\n") else {
            panic!("expected an error");
        };
        assert_eq!((line, problem), (1, Problem::WrongType));
    }

    #[test]
    fn relative_folders_are_taken_from_the_files_folder_and_a_missing_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        assert!(load(&file).unwrap().is_none());
        std::fs::write(&file, "scenarios = [\"lib\"]").unwrap();
        let c = load(&file).unwrap().unwrap();
        assert_eq!(c.scenarios, [dir.path().join("lib")]);
    }
}
