//! Reading files that kohtaa did not write, safely: only regular files, never more than a
//! limit, never a hang.
//!
//! A FIFO named `x.ron` would block a plain `open` until something writes to it; a link to
//! `/dev/zero` has the size 0 and never ends. So a path is read only if it is a regular file
//! (looked at before opening, and the opened file looked at again, since the path can change
//! in between), it is opened without waiting (`O_NONBLOCK`, which a regular file ignores),
//! and the limit holds on the bytes actually read, not on the size the file claims.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use kohtaa_core::content::diagnostic::Message;
use kohtaa_core::lang::Lang;
use kohtaa_core::words;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The system's own reason (no such file, no permission ...).
    Io(io::Error),
    /// Not a regular file: what it is instead ("a FIFO", "a device" ...).
    NotRegular { kind: Message },
    /// More than the limit: the file's size in bytes (`exact` false: at least that many were
    /// there to read), and the limit.
    TooLarge { size: u64, exact: bool, limit: u64 },
}

impl ReadError {
    /// Whether the file is simply not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// The reason in `lang`: the system's reason in the catalogue's words where it has them.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            ReadError::Io(e) => kohtaa_core::i18n::io_error(lang, e),
            _ => self.words().in_lang(lang),
        }
    }

    /// The reason, in words for any language (the system's own reason stays as it says it).
    pub fn words(&self) -> Message {
        match self {
            ReadError::Io(e) => words!(SystemError, error = e),
            ReadError::NotRegular { kind } => words!(NotRegularFile, kind = kind.clone()),
            ReadError::TooLarge { size, exact, limit } => {
                let (size, limit) = (bytes(*size), bytes(*limit));
                if *exact {
                    words!(FileBytesLimitBytes, size, limit)
                } else {
                    words!(FileHoldsMoreThan, limit)
                }
            }
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words().in_lang(Lang::En))
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// `16,800,035`: digits grouped by three with a comma, the same in both languages (a
/// number a reader compares with another, never a sum of money).
pub fn bytes(n: u64) -> String {
    kohtaa_core::i18n::thousands(Lang::En, u128::from(n))
}

/// What a file that is not regular is.
fn kind(meta: &Metadata) -> Option<Message> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(words!(KindFolder));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(words!(KindFifo));
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(words!(KindDevice));
        }
        if t.is_socket() {
            return Some(words!(KindSocket));
        }
    }
    Some(words!(KindOther))
}

fn regular(meta: &Metadata) -> Result<(), ReadError> {
    match kind(meta) {
        None => Ok(()),
        Some(kind) => Err(ReadError::NotRegular { kind }),
    }
}

/// Opens `path` for reading if it is a regular file (a link is followed), without ever
/// waiting on it; with its metadata as opened.
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadError> {
    regular(&std::fs::metadata(path)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    // The path may have been swapped for something else since it was looked at.
    let meta = file.metadata()?;
    regular(&meta)?;
    Ok((file, meta))
}

/// The bytes of the regular file `path`, if there are at most `limit` of them. The limit
/// holds on what is read, whatever size the file claims.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            exact: true,
            limit,
        });
    }
    let room = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    read_into(file, limit, room)
}

/// What a command line names standard input by, and how diagnostics name it.
pub const STDIN_ARG: &str = "-";
/// The name standard input goes by in diagnostics.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether a path given on the command line means standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_ARG
}

/// Standard input, read to its end if it holds at most `limit` bytes (the limit files have):
/// a pipe has no size to ask beforehand, so the limit holds on what is read.
pub fn read_stdin_limited(limit: u64) -> Result<Vec<u8>, ReadError> {
    read_to_limit(io::stdin().lock(), limit)
}

/// Everything `input` holds, if that is at most `limit` bytes.
pub fn read_to_limit(input: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_into(input, limit, Vec::new())
}

/// [`read_to_limit`] into `bytes`, which may have room made for what is expected already.
fn read_into(input: impl Read, limit: u64, mut bytes: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            exact: false,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_is_read_only_up_to_the_limit() {
        assert_eq!(read_to_limit(&b"1234"[..], 4).unwrap(), b"1234");
        assert!(matches!(
            read_to_limit(&b"12345"[..], 4),
            Err(ReadError::TooLarge {
                exact: false,
                limit: 4,
                ..
            })
        ));
        assert!(is_stdin(Path::new("-")) && !is_stdin(Path::new("./-")));
    }

    #[test]
    fn sizes_are_said_in_exact_bytes() {
        assert_eq!(bytes(0), "0");
        assert_eq!(bytes(999), "999");
        assert_eq!(bytes(16_800_035), "16,800,035");
        assert_eq!(bytes(16 * 1024 * 1024), "16,777,216");
        let e = ReadError::TooLarge {
            size: 16_800_035,
            exact: true,
            limit: 16 * 1024 * 1024,
        };
        assert_eq!(
            e.to_string(),
            "the file is 16,800,035 bytes; the limit is 16,777,216 bytes"
        );
    }

    #[test]
    fn only_regular_files_are_read_and_never_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        std::fs::write(&file, "12345").unwrap();
        assert_eq!(read_limited(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_limited(&file, 4),
            Err(ReadError::TooLarge {
                size: 5,
                exact: true,
                limit: 4
            })
        ));
        assert!(matches!(
            read_limited(dir.path(), 4),
            Err(ReadError::NotRegular { kind }) if kind == words!(KindFolder)
        ));
        assert!(
            read_limited(&dir.path().join("none"), 4)
                .unwrap_err()
                .is_not_found()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_limited(&fifo, 100),
                Err(ReadError::NotRegular { kind }) if kind == words!(KindFifo)
            ));
        }
        let zero = dir.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read_limited(&zero, 100),
            Err(ReadError::NotRegular { kind }) if kind == words!(KindDevice)
        ));
    }
}
