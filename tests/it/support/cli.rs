//! The program as a command: its data (and its configuration file, and the system-wide
//! library folder `system/kohtaa/scenarios`) in a folder the test gives (a temporary one), speaking
//! English whatever the locale of the machine running the tests, times in UTC, with no colour
//! forced either way (stdout is a pipe, so none) and the default limits.
//!
//! Where the whole output is stable, a test snapshots it: `insta::assert_snapshot!(name,
//! transcript(cmd, paths))`. The snapshot holds the exit code and stdout and stderr whole, so
//! a line in the wrong language or a stray one fails it, as a substring check would not.

use std::path::Path;

/// `kohtaa` with its data in `data`, for `assert_cmd` (stdin, `output`, `assert`).
pub fn kohtaa(data: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(command(data))
}

/// The same as a `std::process::Command`: for children spawned by hand and pseudo-terminals.
pub fn command(data: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kohtaa"));
    cmd.env("KOHTAA_DATA_DIR", data)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("TZ", "UTC")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("KOHTAA_MAX_FILE_MIB")
        // Nothing of the machine's own settings: no configuration file (one in `data` only if
        // the test writes it), no settings from the environment, no system-wide library.
        .env("KOHTAA_CONFIG", data.join("config.toml"))
        .env_remove("KOHTAA_LANG")
        .env_remove("KOHTAA_THEME")
        .env_remove("KOHTAA_SCENARIOS")
        .env_remove("KOHTAA_SAVE")
        .env("XDG_DATA_DIRS", data.join("system"));
    cmd
}

/// What a run of the program left: its exit code and its output, as text.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd` to its end.
pub fn run(cmd: &mut assert_cmd::Command) -> Output {
    let out = cmd.output().expect("run");
    Output {
        code: out.status.code().expect("exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("utf-8"),
        stderr: String::from_utf8(out.stderr).expect("utf-8"),
    }
}

/// Runs `cmd` and writes down what it did, for a snapshot: see [`Output::transcript`].
pub fn transcript(cmd: &mut assert_cmd::Command, paths: &[(&Path, &str)]) -> String {
    run(cmd).transcript(paths)
}

impl Output {
    /// What the run did, for a snapshot: success, the exit code, then stdout and stderr whole.
    /// Each of `paths` (a temporary folder differs every run) is written as its name, and so
    /// is the package root, as `[ROOT]`.
    pub fn transcript(&self, paths: &[(&Path, &str)]) -> String {
        let mut text = format!(
            "success: {}\nexit_code: {}\n----- stdout -----\n{}\n----- stderr -----\n{}",
            self.code == 0,
            self.code,
            self.stdout,
            self.stderr
        );
        for &(path, name) in paths.iter().chain(&[(super::root(), "[ROOT]")]) {
            text = text.replace(&path.display().to_string(), name);
            if let Ok(real) = path.canonicalize() {
                text = text.replace(&real.display().to_string(), name);
            }
        }
        text
    }
}
