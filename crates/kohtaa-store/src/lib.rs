//! What kohtaa keeps on the learner's machine and reads from it: the data folder, saved runs
//! and the profile (written atomically, never silently lost), and libraries of scenario files
//! from disk and from the bundle. The rules for what the files mean live in `kohtaa-core`.

pub mod atomic;
pub mod config;
pub mod draft;
pub mod file;
pub mod history;
pub mod library;
pub mod profile;
pub mod watch;

use std::path::{Path, PathBuf};

/// The environment variable that moves the data folder (tests and portable use).
pub const DATA_DIR_VAR: &str = "KOHTAA_DATA_DIR";

/// The user's data directory: `KOHTAA_DATA_DIR` if set, else the platform's
/// (e.g. ~/.local/share/kohtaa). None when the platform has none.
pub fn data_dir() -> Option<PathBuf> {
    // Set but empty counts as not set: an empty path would make the current folder the
    // data folder.
    if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("fi", "kohtaa", "kohtaa").map(|d| d.data_dir().to_path_buf())
}

/// The user folder for scenarios inside the data directory `data_dir`.
pub fn scenarios_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("scenarios")
}
