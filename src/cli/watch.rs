//! `check --watch`: the files checked again each time one is saved, until Ctrl-C.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use super::check::{self, CheckArgs};
use super::{Context, Error};
use crate::i18n::{T, count};

pub fn check(ctx: &Context, args: &CheckArgs) -> Result<ExitCode, Error> {
    let lang = ctx.lang;
    // What is named, and the user's folders, whose models and styles a named file may use.
    // The bundled library is inside the program and never changes.
    let mut watched: Vec<PathBuf> = args.paths.clone();
    watched.extend(ctx.user_folders().into_iter().filter(|f| f.is_dir()));
    if watched.is_empty() {
        return Err(Error::usage(ctx.t(T::WatchNothing).to_owned()));
    }
    let (tx, rx) = mpsc::channel();
    let _watching = crate::store::watch::watch(&watched, move |changed| {
        let _ = tx.send(changed);
    })
    .map_err(|e| {
        Error::failed(ctx.tf(
            T::WatchCannot,
            &[("error", &crate::i18n::io_error(lang, &e))],
        ))
    })?;
    let terminal = std::io::stdout().is_terminal();
    let mut changed: Vec<PathBuf> = Vec::new();
    loop {
        if terminal {
            // The latest result alone on the screen, as a compiler's watch mode shows it.
            let _ = crossterm::execute!(
                std::io::stdout(),
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
                crossterm::cursor::MoveTo(0, 0)
            );
        }
        if !changed.is_empty() && !args.quiet {
            let files: Vec<String> = changed.iter().map(|p| super::shown_path(p)).collect();
            eprintln!(
                "{}",
                ctx.tf(T::WatchChanged, &[("files", &files.join(", "))])
            );
        }
        let library = check::load(ctx, args, &[]);
        if check::print(&library, args, lang).is_err() {
            // Nobody reads the output any more (`check --watch | head`).
            return Ok(ExitCode::SUCCESS);
        }
        drop(library);
        if !args.quiet {
            let places = count(lang, watched.len(), T::WatchPlace, T::WatchPlaces);
            eprintln!("{}", ctx.tf(T::WatchWaiting, &[("places", &places)]));
        }
        // Blocks until a save: nothing runs meanwhile.
        changed = match rx.recv() {
            Ok(paths) => paths,
            Err(_) => return Err(Error::failed(ctx.t(T::WatchStopped).to_owned())),
        };
        // Saves that came while checking are part of the next check.
        while let Ok(more) = rx.try_recv() {
            changed.extend(more);
        }
        changed.sort();
        changed.dedup();
    }
}
