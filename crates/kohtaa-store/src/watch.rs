//! Noticing that scenario files changed on disk, for `check --watch` and `play FILE`.
//!
//! Editors save in two ways: they write the file in place, or they write a new file and
//! rename it over the old one (Vim, most IDEs). A watch on the file itself is lost with the
//! old file at the first rename, so the folder holding a file is watched and its events are
//! kept only for that file's name. A folder is watched with everything under it, for its
//! `.ron` files. Saves come in bursts of events (truncate, write, close, rename); they are
//! gathered until the burst is over and reported as one change. Reading a file is not a
//! change: `check --watch` reads every file it watches, and must not wake itself.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecursiveMode, Watcher};

/// How long a burst of events is gathered before it is reported: long enough for an editor's
/// save to be over, short enough to feel immediate.
const SETTLE: Duration = Duration::from_millis(150);

/// Files and folders being watched; dropped, they are not (and the thread gathering their
/// changes ends).
pub struct Watching {
    _watcher: notify::RecommendedWatcher,
}

/// What is watched for one path given: a file by its folder and name, or a whole folder.
#[derive(Debug, Clone)]
enum Target {
    File { folder: PathBuf, name: PathBuf },
    Folder(PathBuf),
}

impl Target {
    fn of(path: &Path) -> std::io::Result<Target> {
        let path = std::fs::canonicalize(path)?;
        if path.is_dir() {
            return Ok(Target::Folder(path));
        }
        match (path.parent(), path.file_name()) {
            (Some(folder), Some(name)) => Ok(Target::File {
                folder: folder.to_path_buf(),
                name: PathBuf::from(name),
            }),
            _ => Ok(Target::Folder(path)),
        }
    }

    /// Whether a change at `changed` concerns this target.
    fn concerns(&self, changed: &Path) -> bool {
        match self {
            Target::File { folder, name } => {
                changed.parent() == Some(folder.as_path())
                    && changed.file_name() == Some(name.as_os_str())
            }
            // A folder's scenario files (an editor's temporary files come and go beside them).
            Target::Folder(folder) => {
                changed.starts_with(folder) && changed.extension().is_some_and(|e| e == "ron")
            }
        }
    }
}

/// Watches `paths` (files or folders, which must exist) and calls `changed` with the paths
/// that changed, once a burst of changes is over. The calls come from another thread for as
/// long as the returned [`Watching`] is kept.
pub fn watch(
    paths: &[PathBuf],
    changed: impl FnMut(Vec<PathBuf>) + Send + 'static,
) -> std::io::Result<Watching> {
    let targets = paths
        .iter()
        .map(|p| Target::of(p))
        .collect::<std::io::Result<Vec<_>>>()?;
    let (events, received) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(events).map_err(std::io::Error::other)?;
    for target in &targets {
        let (path, mode) = match target {
            Target::File { folder, .. } => (folder, RecursiveMode::NonRecursive),
            Target::Folder(folder) => (folder, RecursiveMode::Recursive),
        };
        watcher.watch(path, mode).map_err(std::io::Error::other)?;
    }
    std::thread::spawn(move || gather(&received, &targets, changed));
    Ok(Watching { _watcher: watcher })
}

/// Reports each burst of changes to the targets as one call, until the watcher is dropped.
fn gather(
    received: &mpsc::Receiver<notify::Result<Event>>,
    targets: &[Target],
    mut changed: impl FnMut(Vec<PathBuf>),
) {
    while let Ok(event) = received.recv() {
        let mut paths = concerning(event, targets);
        if paths.is_empty() {
            continue;
        }
        loop {
            match received.recv_timeout(SETTLE) {
                Ok(event) => paths.extend(concerning(event, targets)),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        paths.sort();
        paths.dedup();
        changed(paths);
    }
}

/// The paths of an event that change a target. An error from the system's watcher (too
/// many watches, a folder gone) changes nothing here: the next save tries again.
fn concerning(event: notify::Result<Event>, targets: &[Target]) -> Vec<PathBuf> {
    let Ok(event) = event else {
        return Vec::new();
    };
    let written = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    if !written {
        return Vec::new();
    }
    event
        .paths
        .into_iter()
        .filter(|p| targets.iter().any(|t| t.concerns(p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// Every path reported from the next report until things are quiet again (one save may
    /// come as more than one burst); fails when nothing comes within a generous while.
    fn next(rx: &mpsc::Receiver<Vec<PathBuf>>) -> Vec<PathBuf> {
        let mut paths = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a change is reported");
        while let Ok(more) = rx.recv_timeout(SETTLE * 4) {
            paths.extend(more);
        }
        paths.sort();
        paths.dedup();
        paths
    }

    #[test]
    fn a_file_replaced_by_rename_is_still_watched_and_its_neighbours_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("draft.ron");
        std::fs::write(&file, "one").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watching = watch(std::slice::from_ref(&file), move |p| {
            let _ = tx.send(p);
        })
        .unwrap();
        let file = std::fs::canonicalize(&file).unwrap();

        // Saved as Vim does: a new file renamed over the old one.
        let new = dir.path().join("draft.ron.swp");
        std::fs::write(&new, "two").unwrap();
        std::fs::rename(&new, &file).unwrap();
        assert_eq!(next(&rx), vec![file.clone()]);

        // Watched still, after the rename; written in place this time.
        std::fs::write(&file, "three").unwrap();
        assert_eq!(next(&rx), vec![file.clone()]);

        // A neighbour's change is not reported.
        std::fs::write(dir.path().join("other.ron"), "x").unwrap();
        assert!(rx.recv_timeout(SETTLE * 4).is_err());
    }

    #[test]
    fn a_folder_reports_its_scenario_files_at_any_depth() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("fi")).unwrap();
        let (tx, rx) = mpsc::channel();
        let _watching = watch(&[dir.path().to_path_buf()], move |p| {
            let _ = tx.send(p);
        })
        .unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a scenario").unwrap();
        std::fs::write(dir.path().join("fi/new.ron"), "x").unwrap();
        assert_eq!(next(&rx), vec![root.join("fi/new.ron")]);
    }

    #[test]
    fn reading_a_file_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("draft.ron");
        std::fs::write(&file, "one").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watching = watch(std::slice::from_ref(&file), move |p| {
            let _ = tx.send(p);
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "one");
        assert!(rx.recv_timeout(SETTLE * 4).is_err());
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(watch(&[dir.path().join("gone.ron")], |_| {}).is_err());
    }
}
