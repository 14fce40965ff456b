//! `kohtaa new`: a commented starting file for a new scenario, or a bundled scenario's files
//! copied to adapt (`--from`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::shown_path as shown;
use super::{Context, Error, StyleArg};
use crate::authoring::template;
use crate::i18n::{T, tf};
use crate::store::{atomic, library};

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new scenario's id: lower-case letters, digits and '-'. Writes ID.ron.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The customer's DiSC style: D, i, S or C.
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        default_value = "S",
        conflicts_with = "from"
    )]
    pub style: StyleArg,
    /// Start from a bundled scenario instead: its files in every language and their tests,
    /// copied to adapt (`kohtaa list` shows the ids). The same ID replaces the bundled one.
    #[arg(long, value_name = "BUNDLED-ID")]
    pub from: Option<String>,
    /// The folder to write into (default: the current folder; with --from, your own
    /// scenario folder, which the app reads).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// An id for a new file: a-z, 0-9 and `-`, starting with a letter or a digit. (A file may
/// hold an id that starts with `-`; a new one does not, since `-x.ron` reads as an option
/// and `-` as standard input on a command line.)
fn valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The language of the file is `--lang` (else the locale, else English).
pub fn run(ctx: &Context, args: &NewArgs) -> Result<ExitCode, Error> {
    let ui = ctx.lang;
    if !valid_id(&args.id) {
        let id = crate::content::text::display_safe(&args.id);
        return Err(Error::usage(tf(ui, T::NewBadId, &[("id", &id)])));
    }
    if let Some(from) = &args.from {
        return copy_bundled(ctx, &args.id, from, args.dir.as_deref());
    }
    let lang = ui.code();
    let name = format!("{}.ron", args.id);
    let path = match &args.dir {
        Some(dir) => dir.join(name),
        None => PathBuf::from(name),
    };
    let text = template::new_scenario(&args.id, lang, args.style.into());
    let shown = shown(&path);
    // A scenario is written to be shared: made as the user's other files are (the umask
    // decides), not private as saved runs are.
    match atomic::write_new_shared(&path, text.as_bytes()) {
        Ok(true) => {
            println!("{}", tf(ui, T::NewWrote, &[("path", &shown)]));
            println!(
                "{}",
                tf(ui, T::NewNext, &[("path", &shown), ("id", &args.id)])
            );
            Ok(ExitCode::SUCCESS)
        }
        Ok(false) => Err(Error::failed(tf(ui, T::NewExists, &[("path", &shown)]))),
        Err(e) => Err(Error::failed(tf(
            ui,
            T::NewCannotWrite,
            &[("path", &shown), ("error", &crate::i18n::io_error(ui, &e))],
        ))),
    }
}

/// `new ID --from BUNDLED-ID`: the bundled scenario's files, renamed to `id`, written into
/// `dir` (else the user's scenario folder) by language, as the bundle keeps them. Nothing is
/// written when any of the files is there already.
fn copy_bundled(
    ctx: &Context,
    id: &str,
    from: &str,
    dir: Option<&Path>,
) -> Result<ExitCode, Error> {
    let ui = ctx.lang;
    let files = library::bundled_files(from);
    if files.is_empty() {
        return Err(Error::usage(unknown_bundled(ui, from)));
    }
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None => ctx
            .user_scenarios_dir()
            .ok_or_else(|| Error::usage(ctx.t(T::NewNoUserFolder).to_owned()))?,
    };
    let mut planned = Vec::new();
    for (path, text) in files {
        let tests = path.to_string_lossy().ends_with(".tests.ron");
        let name = format!("{id}{}", if tests { ".tests.ron" } else { ".ron" });
        let folder = path.parent().unwrap_or(Path::new(""));
        let text = if id == from {
            text
        } else {
            // The bundle's files all name their scenario where `renamed` looks (a test
            // copies every one of them).
            template::renamed(&text, from, id).unwrap_or(text)
        };
        planned.push((dir.join(folder).join(name), text));
    }
    let there: Vec<String> = planned
        .iter()
        .filter(|(path, _)| path.exists())
        .map(|(path, _)| tf(ui, T::NewExists, &[("path", &shown(path))]))
        .collect();
    if !there.is_empty() {
        return Err(Error::failed(there.join("\n")));
    }
    let mut written: Vec<&Path> = Vec::new();
    for (path, text) in &planned {
        let failed = match atomic::write_new_shared(path, text.as_bytes()) {
            Ok(true) => None,
            Ok(false) => Some(tf(ui, T::NewExists, &[("path", &shown(path))])),
            Err(e) => Some(tf(
                ui,
                T::NewCannotWrite,
                &[
                    ("path", &shown(path)),
                    ("error", &crate::i18n::io_error(ui, &e)),
                ],
            )),
        };
        if let Some(message) = failed {
            // All or nothing: a half-copied scenario would be checked and listed as it is.
            for path in written {
                let _ = std::fs::remove_file(path);
            }
            return Err(Error::failed(message));
        }
        written.push(path);
    }
    for path in &written {
        println!("{}", tf(ui, T::NewWrote, &[("path", &shown(path))]));
    }
    let next = if id == from {
        T::NewFromReplaces
    } else {
        T::NewFromNext
    };
    let folder = shown(&dir);
    println!(
        "{}",
        tf(ui, next, &[("from", from), ("id", id), ("dir", &folder)])
    );
    Ok(ExitCode::SUCCESS)
}

/// No bundled scenario has the id `from`: which ones there are, and the closest.
fn unknown_bundled(ui: crate::lang::Lang, from: &str) -> String {
    let ids = library::bundled_ids();
    let shown_id = crate::content::text::display_safe(from);
    let mut lines = vec![tf(ui, T::NewFromUnknown, &[("id", &shown_id)])];
    if let Some(close) = crate::content::parse::did_you_mean(from, ids.iter().map(String::as_str)) {
        lines.push(tf(ui, T::CliDidYouMean, &[("name", close)]));
    }
    lines.push(tf(ui, T::PlayAvailable, &[("ids", &ids.join(", "))]));
    lines.join("\n")
}
