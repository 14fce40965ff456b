//! `-` for standard input, wherever a command reads a file: read once, with the limit files
//! have, and named `<stdin>` in diagnostics.

use std::path::{Path, PathBuf};

use super::{Context, Error};
use crate::i18n::T;
use crate::store::file::{self, STDIN_NAME};

/// Whether `path` is `-`.
pub fn is_stdin(path: &Path) -> bool {
    file::is_stdin(path)
}

/// The path standard input goes by in diagnostics: `<stdin>`.
pub fn name() -> PathBuf {
    PathBuf::from(STDIN_NAME)
}

/// Refuses `-` named twice: standard input can be read only once.
pub fn at_most_once(ctx: &Context, paths: &[PathBuf]) -> Result<(), Error> {
    if paths.iter().filter(|p| is_stdin(p)).count() > 1 {
        return Err(Error::usage(ctx.t(T::StdinOnce)));
    }
    Ok(())
}

/// Standard input as text, if it holds at most as many bytes as a scenario file may.
pub fn read_text(ctx: &Context) -> Result<String, Error> {
    let limit = crate::store::library::max_file_bytes() as u64;
    let cannot = |why: String| {
        Error::usage(ctx.tf(T::CliCannotRead, &[("path", STDIN_NAME), ("error", &why)]))
    };
    let bytes = file::read_stdin_limited(limit).map_err(|e| cannot(e.in_lang(ctx.lang)))?;
    String::from_utf8(bytes)
        .map_err(|_| cannot(kohtaa_core::words!(FileNotValidUtf).in_lang(ctx.lang)))
}
