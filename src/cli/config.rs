//! `kohtaa config`: the settings in force and where each came from, the configuration file's
//! place, and a commented example to start one from.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use super::settings::{Origin, Settings};
use super::shown_path as shown;
use super::{Context, Error};
use crate::i18n::T;
use crate::store::profile::{self, ProfileState};

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print only the configuration file's path (whether or not it exists).
    #[arg(long, conflicts_with = "example")]
    pub path: bool,
    /// Print a commented example configuration file.
    #[arg(long)]
    pub example: bool,
    #[command(flatten)]
    pub library: super::LibraryFlag,
    #[command(flatten)]
    pub save: super::SaveFlag,
    #[command(flatten)]
    pub theme: super::ThemeFlag,
}

/// `config --path`: the file's place, before any setting is read (so even a broken file's).
pub fn print_path() -> ExitCode {
    match crate::store::config::path() {
        Some(path) => {
            let _ = writeln!(std::io::stdout().lock(), "{}", path.display());
            ExitCode::SUCCESS
        }
        // No words: this runs before the interface language is known, and a script reading
        // the path wants nothing on stdout.
        None => ExitCode::from(1),
    }
}

pub fn run(ctx: &Context, settings: &Settings, args: &ConfigArgs) -> Result<ExitCode, Error> {
    let text = if args.example {
        example(ctx)
    } else {
        effective(ctx, settings)
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn origin(ctx: &Context, origin: &Origin) -> String {
    match origin {
        Origin::Flag(flag) => (*flag).to_owned(),
        Origin::Env(var) => ctx.tf(T::ConfigOriginEnv, &[("var", var)]),
        Origin::File => ctx.t(T::ConfigOriginFile).to_owned(),
        Origin::Profile => ctx.t(T::ConfigOriginProfile).to_owned(),
        Origin::Locale => ctx.t(T::ConfigOriginLocale).to_owned(),
        Origin::Default => ctx.t(T::ConfigOriginDefault).to_owned(),
    }
}

/// A folder, marked when it is not there (so a typo in a path shows).
fn folder(ctx: &Context, path: &Path) -> String {
    if path.is_dir() {
        format!("  {}", shown(path))
    } else {
        format!(
            "  {}",
            ctx.tf(T::ConfigFolderMissing, &[("path", &shown(path))])
        )
    }
}

/// The theme in force: a flag or `KOHTAA_THEME`, else the profile's, else the file's.
fn theme(ctx: &Context, settings: &Settings) -> (String, Origin) {
    if let Some((choice, o)) = &settings.theme
        && !matches!(o, Origin::File)
    {
        return (choice.name().to_owned(), o.clone());
    }
    let saved = ctx
        .data_dir
        .as_deref()
        .and_then(|dir| match profile::load(dir) {
            Ok(ProfileState::Found(p)) => super::app::saved_theme(&p),
            _ => None,
        });
    if let Some(choice) = saved {
        return (choice.name().to_owned(), Origin::Profile);
    }
    match &settings.theme {
        Some((choice, o)) => (choice.name().to_owned(), o.clone()),
        None => (
            crate::tui::theme::ThemeChoice::default().name().to_owned(),
            Origin::Default,
        ),
    }
}

fn effective(ctx: &Context, settings: &Settings) -> String {
    let mut lines = Vec::new();
    lines.push(match &settings.config_path {
        Some(path) if settings.config_found => ctx.tf(T::ConfigFile, &[("path", &shown(path))]),
        Some(path) => ctx.tf(T::ConfigFileMissing, &[("path", &shown(path))]),
        None => ctx.t(T::ConfigFileNone).to_owned(),
    });
    let (lang, lang_origin) = &settings.lang;
    lines.push(ctx.tf(
        T::ConfigLang,
        &[
            ("value", lang.code()),
            ("origin", &origin(ctx, lang_origin)),
        ],
    ));
    let (theme, theme_origin) = theme(ctx, settings);
    lines.push(ctx.tf(
        T::ConfigTheme,
        &[("value", &theme), ("origin", &origin(ctx, &theme_origin))],
    ));
    let (save, save_origin) = &settings.save;
    let key = if *save {
        T::ConfigSaveOn
    } else {
        T::ConfigSaveOff
    };
    lines.push(ctx.tf(key, &[("origin", &origin(ctx, save_origin))]));
    match settings.scenarios.first() {
        Some((_, o)) => {
            lines.push(ctx.tf(T::ConfigFolders, &[("origin", &origin(ctx, o))]));
            lines.extend(settings.scenarios.iter().map(|(p, _)| folder(ctx, p)));
        }
        None => lines.push(ctx.t(T::ConfigFoldersNone).to_owned()),
    }
    match ctx.user_scenarios_dir() {
        Some(dir) => {
            lines.push(ctx.t(T::ConfigUserFolder).to_owned());
            lines.push(folder(ctx, &dir));
        }
        None => lines.push(ctx.t(T::ConfigNoDataDir).to_owned()),
    }
    lines.push(ctx.t(T::ConfigSystemFolders).to_owned());
    lines.extend(settings.system_folders.iter().map(|p| folder(ctx, p)));
    lines.join("\n") + "\n"
}

/// A configuration file to start from: every setting commented out, so as it is it changes
/// nothing; the explanations in the interface language.
fn example(ctx: &Context) -> String {
    let path = crate::store::config::path()
        .map(|p| shown(&p))
        .unwrap_or_default();
    let comment = |key: T| format!("# {}", ctx.t(key));
    [
        format!("# {}", ctx.tf(T::ConfigExampleHead, &[("path", &path)])),
        comment(T::ConfigExampleOrder),
        String::new(),
        comment(T::ConfigExampleLang),
        "# lang = \"fi\"".to_owned(),
        String::new(),
        comment(T::ConfigExampleTheme),
        "# theme = \"high-contrast\"".to_owned(),
        String::new(),
        comment(T::ConfigExampleScenarios),
        "# scenarios = [\"/srv/kohtaa/scenarios\", \"./drafts\"]".to_owned(),
        String::new(),
        comment(T::ConfigExampleSave),
        "# save = false".to_owned(),
    ]
    .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_example_reads_as_a_configuration_that_changes_nothing() {
        // Made by hand: nothing of this machine's own settings.
        let ctx = super::super::Context {
            lang: crate::lang::Lang::Fi,
            scenarios: Vec::new(),
            system_folders: Vec::new(),
            seed: None,
            save: true,
            theme: None,
            theme_env: None,
            theme_file: None,
            color: super::super::ColorWhen::Never,
            data_dir: None,
        };
        let text = super::example(&ctx);
        let config = crate::store::config::parse(&text).unwrap();
        assert_eq!(config, crate::store::config::Config::default());
        let uncommented: String = text
            .lines()
            .map(|l| l.strip_prefix("# ").unwrap_or(l))
            .filter(|l| l.contains(" = "))
            .collect::<Vec<_>>()
            .join("\n");
        let config = crate::store::config::parse(&uncommented).unwrap();
        assert_eq!(config.lang.as_deref(), Some("fi"));
        assert_eq!(config.save, Some(false));
    }
}
