//! The settings in force and where each came from: a flag, else an environment variable,
//! else the configuration file, else the default. [`Context`](super::Context) is made from
//! them, and `kohtaa config` shows them.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::content::text::display_safe;
use crate::i18n::{T, t, tf};
use crate::lang::Lang;
use crate::store::config::{self, ConfigError, Problem};
use crate::tui::theme::ThemeChoice;

/// `KOHTAA_LANG`: the interface language, as `--lang`.
pub const LANG_VAR: &str = "KOHTAA_LANG";
/// `KOHTAA_THEME`: the app's theme, as `--theme` (but not remembered in the profile).
pub const THEME_VAR: &str = "KOHTAA_THEME";
/// `KOHTAA_SCENARIOS`: folders of scenarios, a path list (`:` between them on Unix, `;` on
/// Windows), as `--scenarios`.
pub const SCENARIOS_VAR: &str = "KOHTAA_SCENARIOS";
/// `KOHTAA_SAVE`: `false` (or `0`, `no`) saves nothing, as `--no-save`.
pub const SAVE_VAR: &str = "KOHTAA_SAVE";

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A command-line option, e.g. `--lang`.
    Flag(&'static str),
    /// An environment variable, e.g. `KOHTAA_LANG`.
    Env(&'static str),
    /// The configuration file.
    File,
    /// The learner's profile (the theme chosen in the app or by `--theme`).
    Profile,
    /// The system's locale (the language).
    Locale,
    /// Nothing set it.
    Default,
}

/// What the command line said about the settings.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub lang: Option<Lang>,
    pub scenarios: Vec<PathBuf>,
    pub no_save: bool,
    pub theme: Option<ThemeChoice>,
}

/// The settings in force.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The configuration file looked for (`None`: the platform has no config folder).
    pub config_path: Option<PathBuf>,
    /// Whether that file was there (and read).
    pub config_found: bool,
    pub lang: (Lang, Origin),
    /// The theme given by a flag, the environment or the file; the profile's is read later,
    /// where the profile is (it stands between the environment and the file).
    pub theme: Option<(ThemeChoice, Origin)>,
    /// The folders of scenarios set by a flag, the environment or the file (whichever comes
    /// first replaces the others), each with where it came from.
    pub scenarios: Vec<(PathBuf, Origin)>,
    pub save: (bool, Origin),
    /// The system-wide library folders, loaded for every user.
    pub system_folders: Vec<PathBuf>,
}

impl Settings {
    /// The settings from `flags`, the process's environment and the configuration file. An
    /// error (a file that does not read, a value that means nothing) is worded in the
    /// language known so far.
    pub fn resolve(flags: &Flags) -> Result<Settings, String> {
        Settings::resolve_with(flags, |name| std::env::var_os(name), config::path())
    }

    fn resolve_with(
        flags: &Flags,
        env: impl Fn(&str) -> Option<OsString>,
        config_path: Option<PathBuf>,
    ) -> Result<Settings, String> {
        // Set but empty counts as not set, as for every variable kohtaa reads.
        let var = |name: &str| env(name).filter(|v| !v.is_empty());
        let env_lang = match var(LANG_VAR) {
            Some(v) => Some(
                v.to_string_lossy()
                    .parse::<Lang>()
                    .map_err(|_| bad_env(early_lang(flags, None), LANG_VAR, &v))?,
            ),
            None => None,
        };
        let file = match &config_path {
            Some(path) => {
                config::load(path).map_err(|e| file_error(early_lang(flags, env_lang), path, &e))?
            }
            None => None,
        };
        let config_found = file.is_some();
        let file = file.unwrap_or_default();
        let file_lang = match &file.lang {
            Some(v) => Some(
                v.parse::<Lang>()
                    .map_err(|_| bad_value(early_lang(flags, env_lang), &config_path, "lang", v))?,
            ),
            None => None,
        };
        let lang = if let Some(l) = flags.lang {
            (l, Origin::Flag("--lang"))
        } else if let Some(l) = env_lang {
            (l, Origin::Env(LANG_VAR))
        } else if let Some(l) = file_lang {
            (l, Origin::File)
        } else {
            match locale_lang() {
                Some(l) => (l, Origin::Locale),
                None => (Lang::En, Origin::Default),
            }
        };
        let ui = lang.0;

        let env_theme = match var(THEME_VAR) {
            Some(v) => {
                Some(parse_theme(&v.to_string_lossy()).ok_or_else(|| bad_env(ui, THEME_VAR, &v))?)
            }
            None => None,
        };
        let file_theme = match &file.theme {
            Some(v) => Some(parse_theme(v).ok_or_else(|| bad_value(ui, &config_path, "theme", v))?),
            None => None,
        };
        let theme = flags
            .theme
            .map(|t| (t, Origin::Flag("--theme")))
            .or(env_theme.map(|t| (t, Origin::Env(THEME_VAR))))
            .or(file_theme.map(|t| (t, Origin::File)));

        let env_folders: Vec<PathBuf> = var(SCENARIOS_VAR)
            .map(|v| {
                std::env::split_paths(&v)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let scenarios = if !flags.scenarios.is_empty() {
            with(&flags.scenarios, Origin::Flag("--scenarios"))
        } else if !env_folders.is_empty() {
            with(&env_folders, Origin::Env(SCENARIOS_VAR))
        } else {
            with(&file.scenarios, Origin::File)
        };

        let env_save = match var(SAVE_VAR) {
            Some(v) => {
                Some(parse_bool(&v.to_string_lossy()).ok_or_else(|| bad_env(ui, SAVE_VAR, &v))?)
            }
            None => None,
        };
        let save = if flags.no_save {
            (false, Origin::Flag("--no-save"))
        } else if let Some(s) = env_save {
            (s, Origin::Env(SAVE_VAR))
        } else if let Some(s) = file.save {
            (s, Origin::File)
        } else {
            (true, Origin::Default)
        };

        Ok(Settings {
            config_path,
            config_found,
            lang,
            theme,
            scenarios,
            save,
            system_folders: config::system_scenarios_dirs(),
        })
    }
}

fn with(folders: &[PathBuf], origin: Origin) -> Vec<(PathBuf, Origin)> {
    folders
        .iter()
        .map(|f| (f.clone(), origin.clone()))
        .collect()
}

/// A theme's name, in either case.
fn parse_theme(value: &str) -> Option<ThemeChoice> {
    ThemeChoice::parse(&value.trim().to_ascii_lowercase())
}

/// `true`/`false` as people write them in an environment variable.
fn parse_bool(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// The language to word an error in before the settings are all known.
fn early_lang(flags: &Flags, env: Option<Lang>) -> Lang {
    flags.lang.or(env).or_else(locale_lang).unwrap_or(Lang::En)
}

/// The language of the system's locale, if kohtaa speaks it: the POSIX variables first, in
/// their order of precedence; Windows and macOS often set none, so then the system is asked.
pub fn locale_lang() -> Option<Lang> {
    let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty());
    from_env
        .or_else(sys_locale::get_locale)
        .and_then(|l| Lang::from_locale(&l))
}

fn bad_env(lang: Lang, var: &str, value: &OsString) -> String {
    let value = value.to_string_lossy();
    tf(
        lang,
        T::ConfigBadEnv,
        &[("var", var), ("value", &display_safe(&value))],
    )
}

fn bad_value(lang: Lang, path: &Option<PathBuf>, key: &str, value: &str) -> String {
    let path = path
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    tf(
        lang,
        T::ConfigBadValue,
        &[
            ("path", &display_safe(&path)),
            ("key", key),
            ("value", &display_safe(value)),
        ],
    )
}

fn file_error(lang: Lang, path: &std::path::Path, e: &ConfigError) -> String {
    let shown = path.display().to_string();
    let shown = display_safe(&shown);
    match e {
        ConfigError::Unreadable(e) => tf(
            lang,
            T::CliCannotRead,
            &[("path", &shown), ("error", &e.in_lang(lang))],
        ),
        ConfigError::NotUtf8 => tf(lang, T::ConfigNotUtf8, &[("path", &shown)]),
        ConfigError::Invalid {
            line,
            column,
            problem,
            text,
        } => {
            let reason = match problem {
                Problem::UnknownKey(key) => {
                    tf(lang, T::ConfigUnknownKey, &[("key", &display_safe(key))])
                }
                Problem::WrongType => t(lang, T::ConfigWrongType).to_owned(),
                Problem::Syntax => t(lang, T::ConfigSyntax).to_owned(),
            };
            let headline = tf(
                lang,
                T::ConfigInvalid,
                &[
                    ("path", &shown),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("reason", &reason),
                ],
            );
            // The line as it is in the file, and a caret under the spot.
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            let shown_line = display_safe(&text.replace('\t', " ")).into_owned();
            let before = text.chars().take(column.saturating_sub(1)).count();
            format!(
                "{headline}\n{pad} |\n{number} | {shown_line}\n{pad} | {}^\n{}",
                " ".repeat(before),
                t(lang, T::ConfigLeftAsItIs)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn a_flag_beats_the_environment_which_beats_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "lang = \"en\"\ntheme = \"mono\"\nsave = false\n").unwrap();
        let env = [(LANG_VAR, "fi"), (THEME_VAR, "HIGH-CONTRAST")];
        let s =
            Settings::resolve_with(&Flags::default(), env_of(&env), Some(file.clone())).unwrap();
        assert_eq!(s.lang, (Lang::Fi, Origin::Env(LANG_VAR)));
        assert_eq!(
            s.theme,
            Some((ThemeChoice::HighContrast, Origin::Env(THEME_VAR)))
        );
        assert_eq!(s.save, (false, Origin::File));
        let flags = Flags {
            lang: Some(Lang::En),
            ..Flags::default()
        };
        let s = Settings::resolve_with(&flags, env_of(&env), Some(file)).unwrap();
        assert_eq!(s.lang, (Lang::En, Origin::Flag("--lang")));
        assert!(s.config_found);
    }

    #[test]
    fn a_value_that_means_nothing_is_an_error_not_a_default() {
        let env = [(SAVE_VAR, "perhaps")];
        let e = Settings::resolve_with(&Flags::default(), env_of(&env), None).unwrap_err();
        assert!(e.contains(SAVE_VAR) && e.contains("perhaps"), "{e}");
    }
}
