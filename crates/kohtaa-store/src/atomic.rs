//! Atomic writes and damaged-file handling, shared by everything that saves.
//!
//! A file is written to a temporary file in the same folder and then renamed over the old one,
//! so a crash leaves either the old or the new contents, never half of each. A file that no
//! longer reads is moved aside, never overwritten, so nothing is lost silently.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, creating the folder if needed.
pub fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    staged(path, bytes, false)?
        .persist(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// [`write`] for a file meant to be shared (a facilitator's report): created as any file the
/// user makes is, mode 0666 less the umask.
pub fn write_shared(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    staged(path, bytes, true)?
        .persist(path)
        .map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to `path` only if no file is there yet; false if one was. Two processes
/// racing for the same name cannot both win. The file is the owner's alone (mode 0600): what
/// kohtaa keeps is personal.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    persist_new(staged(path, bytes, false)?, path)
}

/// [`write_new`] for a file meant to be shared (a new scenario): created as any file the
/// user makes is, mode 0666 less the umask.
pub fn write_new_shared(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    persist_new(staged(path, bytes, true)?, path)
}

fn persist_new(staged: tempfile::NamedTempFile, path: &Path) -> std::io::Result<bool> {
    match staged.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

/// `bytes` in a synced temporary file beside `path`, ready to be renamed into place: the
/// owner's alone, or with `shared` as the umask allows.
fn staged(path: &Path, bytes: &[u8], shared: bool) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kohtaa-").suffix(".tmp");
    #[cfg(unix)]
    if shared {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = shared;
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Moves a damaged file aside as `<name>.damaged-<n>` next to it and returns the new path.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_owned());
    for n in 1.. {
        let aside = path.with_file_name(format!("{name}.damaged-{n}"));
        if !aside.exists() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    unreachable!("some suffix is always free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/profile.json");
        write(&path, b"first, longer contents").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("profile.json")]);
    }

    #[test]
    fn write_new_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.json");
        assert!(write_new(&path, b"a").unwrap());
        assert!(!write_new(&path, b"b").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"a");
    }

    #[test]
    fn set_aside_keeps_every_damaged_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profile.json");
        std::fs::write(&path, "broken 1").unwrap();
        let first = set_aside(&path).unwrap();
        std::fs::write(&path, "broken 2").unwrap();
        let second = set_aside(&path).unwrap();
        assert_ne!(first, second);
        assert_eq!(std::fs::read_to_string(first).unwrap(), "broken 1");
        assert_eq!(std::fs::read_to_string(second).unwrap(), "broken 2");
        assert!(!path.exists());
    }
}
