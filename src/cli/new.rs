//! `kohtaa new`: a commented starting file for a new scenario.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Context, Error, StyleArg};
use crate::authoring::template;
use crate::i18n::{T, tf};
use crate::store::atomic;

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The new scenario's id: lower-case letters, digits and '-'. Writes ID.ron.
    #[arg(value_name = "ID")]
    pub id: String,
    /// The customer's DiSC style: D, i, S or C.
    #[arg(long, value_enum, ignore_case = true, default_value = "S")]
    pub style: StyleArg,
    /// The folder to write into (default: the current folder).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
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
    let lang = ui.code();
    let name = format!("{}.ron", args.id);
    let path = if args.dir == std::path::Path::new(".") {
        PathBuf::from(name)
    } else {
        args.dir.join(name)
    };
    let text = template::new_scenario(&args.id, lang, args.style.into());
    let shown = path.display().to_string();
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
