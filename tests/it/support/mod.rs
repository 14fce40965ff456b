//! What several test modules share: where the fixtures are and libraries loaded from them,
//! the program as a command (`cli`), the app driven by keys and drawn as text (`tui`), and
//! run records built by hand (`records`).
//!
//! Every test runs on a thread of one process. A test that needs the process to itself (one
//! that sets an environment variable, say) runs in a child process of its own with
//! `rusty_fork::rusty_fork_test!`, as `present_screens::nothing_is_saved` does.

pub mod cli;
pub mod records;
pub mod tui;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kohtaa::content::Library;
use kohtaa::store::library::{self, LoadOptions};

/// The package's own folder, where `Cargo.toml`, `scenarios/` and `tests/` are.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// `tests/plain_fixtures`: the scenarios the plain-mode tests play.
pub fn plain_fixtures() -> PathBuf {
    root().join("tests/plain_fixtures")
}

/// A library of just these files and folders: no bundled scenarios and no user folders (the
/// bundled models and style files are there, as for `kohtaa check FILE`).
pub fn library_of(paths: impl IntoIterator<Item = PathBuf>) -> Library {
    library::load(&LoadOptions {
        bundled_scenarios: false,
        folders: Vec::new(),
        paths: paths.into_iter().collect(),
    })
}

/// The bundled library, loaded and checked once for every test that reads it.
pub fn bundled() -> &'static Library {
    static BUNDLED: OnceLock<Library> = OnceLock::new();
    BUNDLED.get_or_init(library::bundled)
}
