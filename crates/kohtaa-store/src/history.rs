//! The learner's run history: one JSON file per run in `<data dir>/runs/`.
//!
//! Each run gets a file of its own under a fresh, unique name (written with
//! [`atomic::write_new`]), so two copies of the app saving at once never rewrite a shared file
//! and lose nothing. Adding a reflection afterwards rewrites only that run's file, atomically.
//! A record that no longer reads is set aside (never overwritten) and reported to the caller.

use std::path::{Path, PathBuf};

use kohtaa_core::practice::record::{FORMAT_VERSION, RunRecord, USEFULNESS_MAX, USEFULNESS_MIN};

use super::atomic;

/// A record that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub problem: LoadProblem,
    /// Where the damaged file was moved, when it was.
    pub set_aside: Option<PathBuf>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadProblem {
    /// The file could not be read.
    Unreadable(String),
    /// The file is not a valid record (cut off, edited by hand, ...).
    Damaged(String),
    /// A newer kohtaa wrote it; left as it is.
    NewerFormat(u32),
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        match &self.problem {
            LoadProblem::Unreadable(why) => write!(f, "cannot read saved run {path}: {why}")?,
            LoadProblem::Damaged(why) => write!(f, "saved run {path} is damaged: {why}")?,
            LoadProblem::NewerFormat(v) => write!(
                f,
                "saved run {path} has format {v}, newer than this kohtaa reads ({FORMAT_VERSION}); skipped"
            )?,
        }
        if let Some(aside) = &self.set_aside {
            write!(f, "; moved to {}", aside.display())?;
        }
        Ok(())
    }
}

/// Every record that loaded (oldest first) and a warning for each that did not.
#[derive(Clone, Debug, Default)]
pub struct History {
    pub records: Vec<RunRecord>,
    pub warnings: Vec<LoadWarning>,
}

/// Where runs are kept. A disabled store (`--no-save`) reads but never writes, moves or
/// deletes anything, so no screen can forget the option.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    enabled: bool,
}

impl Store {
    /// The store in `<data_dir>/runs`.
    pub fn in_data_dir(data_dir: &Path, enabled: bool) -> Store {
        Store {
            dir: data_dir.join("runs"),
            enabled,
        }
    }

    /// A store in `dir` itself.
    pub fn at(dir: PathBuf, enabled: bool) -> Store {
        Store { dir, enabled }
    }

    /// A store with nowhere to read or write (no data directory could be found).
    pub fn nowhere() -> Store {
        Store {
            dir: PathBuf::new(),
            enabled: false,
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Saves a new run under a fresh unique name, which it writes into `record.id`.
    /// Returns the file's path, or `None` when the store is disabled (nothing written).
    pub fn save(&self, record: &mut RunRecord) -> std::io::Result<Option<PathBuf>> {
        if !self.enabled {
            return Ok(None);
        }
        record.format = FORMAT_VERSION;
        loop {
            record.id = fresh_id(record);
            let path = self.dir.join(record.file_name());
            let bytes = to_json(record)?;
            if atomic::write_new(&path, &bytes)? {
                return Ok(Some(path));
            }
        }
    }

    /// Rewrites a saved run (e.g. with a reflection added), atomically. Does nothing when the
    /// store is disabled. A record without an id has never been saved: saved now instead.
    pub fn update(&self, record: &mut RunRecord) -> std::io::Result<()> {
        if !self.enabled {
            return Ok(());
        }
        if record.id.is_empty() || !is_safe_id(&record.id) {
            return self.save(record).map(|_| ());
        }
        atomic::write(&self.dir.join(record.file_name()), &to_json(record)?)
    }

    /// Every saved run, oldest first. Damaged records are set aside (when the store is enabled)
    /// and reported in `warnings`; the others load.
    pub fn load(&self) -> History {
        let mut history = History::default();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return history,
            Err(e) => {
                history.warnings.push(LoadWarning {
                    path: self.dir.clone(),
                    problem: LoadProblem::Unreadable(e.to_string()),
                    set_aside: None,
                });
                return history;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_record_file(p))
            .collect();
        paths.sort();
        for path in paths {
            match read_record(&path) {
                Ok(record) => history.records.push(record),
                Err(problem) => {
                    let set_aside = match problem {
                        LoadProblem::Damaged(_) if self.enabled => atomic::set_aside(&path).ok(),
                        _ => None,
                    };
                    history.warnings.push(LoadWarning {
                        path,
                        problem,
                        set_aside,
                    });
                }
            }
        }
        history
            .records
            .sort_by(|a, b| (a.started, &a.id).cmp(&(b.started, &b.id)));
        history
    }

    /// Deletes every saved run, damaged copies too. Returns how many files were removed.
    /// Refused when the store is disabled.
    pub fn forget(&self) -> std::io::Result<usize> {
        if !self.enabled {
            return Err(std::io::Error::other(
                "saving is turned off (--no-save): nothing deleted",
            ));
        }
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        let mut removed = 0;
        for entry in entries {
            let path = entry?.path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let ours = is_record_file(&path)
                || name.contains(".json.damaged-")
                || (name.starts_with(".kohtaa-") && name.ends_with(".tmp"));
            if ours && path.is_file() {
                std::fs::remove_file(&path)?;
                removed += 1;
            }
        }
        // Leave the folder if something else is still in it.
        let _ = std::fs::remove_dir(&self.dir);
        Ok(removed)
    }
}

fn to_json(record: &RunRecord) -> std::io::Result<Vec<u8>> {
    let mut bytes =
        kohtaa_core::content::json::to_vec_pretty(record).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn is_record_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".json") && !name.starts_with('.') && path.is_file()
}

/// Ids are file names inside the store's folder: never a path elsewhere.
fn is_safe_id(id: &str) -> bool {
    !id.is_empty() && !id.starts_with('.') && !id.contains(['/', '\\'])
}

/// `<UTC start time>-<scenario>-<random>`: sorts by time, tells the scenario, never repeats.
fn fresh_id(record: &RunRecord) -> String {
    let t = record.started.to_offset(time::UtcOffset::UTC);
    let scenario: String = record
        .scenario
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z-{}-{:016x}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        if scenario.is_empty() {
            "run"
        } else {
            &scenario
        },
        rand::random::<u64>()
    )
}

/// The largest run record read: a record of a long run is a few tens of kilobytes.
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

fn read_record(path: &Path) -> Result<RunRecord, LoadProblem> {
    use crate::file::{ReadError, read_limited};
    let bytes = match read_limited(path, MAX_RECORD_BYTES) {
        Ok(bytes) => bytes,
        Err(e @ ReadError::TooLarge { .. }) => return Err(LoadProblem::Damaged(e.to_string())),
        Err(e) => return Err(LoadProblem::Unreadable(e.to_string())),
    };
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| LoadProblem::Damaged(e.to_string()))?;
    if let Some(v) = value.get("format").and_then(serde_json::Value::as_u64)
        && v > u64::from(FORMAT_VERSION)
    {
        return Err(LoadProblem::NewerFormat(
            u32::try_from(v).unwrap_or(u32::MAX),
        ));
    }
    let mut record: RunRecord =
        serde_json::from_value(value).map_err(|e| LoadProblem::Damaged(e.to_string()))?;
    out_of_range(&record).map_or(Ok(()), |why| Err(LoadProblem::Damaged(why)))?;
    // The file name is the id; a copied or renamed file keeps working.
    if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
        record.id = stem.to_owned();
    }
    if record
        .usefulness
        .is_some_and(|u| !(USEFULNESS_MIN..=USEFULNESS_MAX).contains(&u))
    {
        record.usefulness = None;
    }
    Ok(record)
}

/// What in `record` lies outside the ranges this program writes, if anything: a fit over
/// 100 %, a choice number no node can have, a mood off the scale. Such a record was damaged
/// or not written by kohtaa; it is set aside like any damaged record, never shown (a fit of
/// 4,294,967,295 % would draw a bar of as many cells).
pub fn out_of_range(record: &RunRecord) -> Option<String> {
    use kohtaa_core::content::types::{MOOD_MAX, MOOD_MIN};
    use kohtaa_core::content::validate::MAX_CHOICES;
    let bad_mood = |m: i32| !(MOOD_MIN..=MOOD_MAX).contains(&m);
    if let Some(fit) = record.measurement.fit.filter(|&f| f > 100) {
        return Some(format!("fit {fit} is out of range (0 to 100)"));
    }
    for c in &record.choices {
        if c.choice >= MAX_CHOICES {
            return Some(format!(
                "choice {} at `{}` is out of range (0 to {})",
                c.choice,
                kohtaa_core::content::text::display_safe(&c.node),
                MAX_CHOICES - 1
            ));
        }
        if let Some(m) = [c.mood_before, c.mood_after]
            .into_iter()
            .find(|&m| bad_mood(m))
        {
            return Some(format!(
                "mood {m} is out of range ({MOOD_MIN} to {MOOD_MAX})"
            ));
        }
    }
    if let Some(m) = record
        .measurement
        .moods
        .iter()
        .copied()
        .find(|&m| bad_mood(m))
    {
        return Some(format!(
            "mood {m} is out of range ({MOOD_MIN} to {MOOD_MAX})"
        ));
    }
    None
}
