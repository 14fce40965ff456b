//! The learner's profile: the style they chose and, if they took it, their self-check answers.
//!
//! A style is personal data. It is stored only on this machine, in `profile.json` in the data
//! directory, written atomically, and deleted completely on request. A file that no longer
//! reads is moved aside and reported, never overwritten silently.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic;
use crate::file::ReadError;
use kohtaa_core::content::styles::LearnerStyle;

pub const FILE_NAME: &str = "profile.json";
/// The profile format this program writes.
pub const VERSION: u32 = 1;

/// Fields added later are optional, so every older file still reads; fields this version does
/// not know (written by a newer kohtaa) are kept as they are and written back unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub version: u32,
    /// The style the learner chose ("D", "i", "Di", "SC" ...); `None`: not set.
    pub style: Option<LearnerStyle>,
    /// The last self-check, if the learner took it.
    #[serde(default)]
    pub self_check: Option<SelfCheckRecord>,
    /// The app's theme chosen with `--theme` ("default", "high-contrast", "mono"); `None`:
    /// never chosen. A name this version does not know is kept and read as the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Fields from a newer kohtaa, kept so saving here does not lose them.
    #[serde(flatten)]
    pub other: std::collections::BTreeMap<String, serde_json::Value>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfCheckRecord {
    /// The language of the statements answered (their order is that file's order).
    pub language: String,
    /// 1..=5 per statement, `None` for a skipped one.
    pub answers: Vec<Option<u8>>,
    /// What the self-check suggested; `None`: no clear preference.
    pub suggested: Option<LearnerStyle>,
}

impl Profile {
    pub fn new(style: Option<LearnerStyle>) -> Profile {
        Profile {
            version: VERSION,
            style,
            self_check: None,
            theme: None,
            other: Default::default(),
        }
    }
}

/// What reading the profile found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileState {
    /// No profile yet: the first start.
    Missing,
    Found(Profile),
    /// The file did not read; it was moved to `aside` so nothing is lost.
    SetAside {
        aside: PathBuf,
        reason: String,
    },
}

/// Where the profile lives inside a data directory.
pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// The largest profile read: a profile is a few hundred bytes.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Reads the profile from `data_dir`, setting a damaged file aside. Only a regular file is
/// read (a FIFO or a device in its place is an error, never waited on), and at most
/// [`MAX_BYTES`] of it: a larger one is damaged and set aside.
pub fn load(data_dir: &Path) -> io::Result<ProfileState> {
    let file = path(data_dir);
    let bytes = match crate::file::read_limited(&file, MAX_BYTES) {
        Ok(bytes) => bytes,
        Err(e) if e.is_not_found() => return Ok(ProfileState::Missing),
        Err(ReadError::Io(e)) => return Err(e),
        Err(e @ ReadError::TooLarge { .. }) => {
            return Ok(ProfileState::SetAside {
                aside: atomic::set_aside(&file)?,
                reason: e.to_string(),
            });
        }
        Err(e) => return Err(io::Error::other(e.to_string())),
    };
    match serde_json::from_slice::<Profile>(&bytes) {
        Ok(profile) if profile.version <= VERSION => Ok(ProfileState::Found(profile)),
        Ok(profile) => Ok(ProfileState::SetAside {
            aside: atomic::set_aside(&file)?,
            reason: format!(
                "written by a newer version (format {}; this program reads up to {VERSION})",
                profile.version
            ),
        }),
        Err(e) => Ok(ProfileState::SetAside {
            aside: atomic::set_aside(&file)?,
            reason: e.to_string(),
        }),
    }
}

/// Saves the profile atomically.
pub fn save(data_dir: &Path, profile: &Profile) -> io::Result<()> {
    let mut json = kohtaa_core::content::json::to_vec_pretty(profile).map_err(io::Error::other)?;
    json.push(b'\n');
    atomic::write(&path(data_dir), &json)
}

/// Sets the learner's style, and their self-check answers when given (`None` keeps the last
/// self-check), keeping the rest of the profile; saved atomically. The app and plain mode
/// both save a choice this way.
pub fn set_learner(
    data_dir: &Path,
    style: Option<LearnerStyle>,
    self_check: Option<SelfCheckRecord>,
) -> io::Result<Profile> {
    let mut saved = match load(data_dir) {
        Ok(ProfileState::Found(p)) => p,
        _ => Profile::new(None),
    };
    saved.style = style;
    if self_check.is_some() {
        saved.self_check = self_check;
    }
    save(data_dir, &saved)?;
    Ok(saved)
}

/// Deletes the profile and any damaged copies set aside earlier (they may hold the style
/// too). Returns how many files were removed.
pub fn forget(data_dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    let aside_prefix = format!("{FILE_NAME}.damaged-");
    let entries = match std::fs::read_dir(data_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name == FILE_NAME || name.starts_with(&aside_prefix) {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Whether there is anything to forget.
pub fn exists(data_dir: &Path) -> bool {
    let aside_prefix = format!("{FILE_NAME}.damaged-");
    std::fs::read_dir(data_dir).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name == FILE_NAME || name.starts_with(&aside_prefix)
        })
    })
}
