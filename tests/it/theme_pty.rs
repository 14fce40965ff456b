//! `--theme` end to end, in a real pseudo-terminal: the choice is saved in the profile, the
//! next start without the flag draws in it, and the flag overrides it.

#![cfg(unix)]

use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::WaitStatus;

use crate::support::{cli, fixture};

const TIMEOUT: Duration = Duration::from_secs(20);

/// The app's title cell (top left) after a start with `args`, then Ctrl-C.
fn title_cell(data: &Path, args: &[&str], no_color: bool) -> vt100::Cell {
    let mut cmd = cli::command(data);
    cmd.arg("--scenarios")
        .arg(fixture("play"))
        .args(args)
        .env("TERM", "xterm-256color")
        .env("LANG", "en_US.UTF-8");
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let mut session = Session::spawn(cmd).expect("spawn kohtaa in a pty");
    session.get_process_mut().set_window_size(80, 24).unwrap();
    let mut parser = vt100::Parser::new(
        NonZeroU16::new(24).unwrap(),
        NonZeroU16::new(80).unwrap(),
        0,
    );
    let start = Instant::now();
    let mut buf = [0u8; 8192];
    while !parser.screen().contents().contains("help") {
        while let Ok(n @ 1..) = session.try_read(&mut buf) {
            parser.process(&buf[..n]);
        }
        assert!(start.elapsed() < TIMEOUT, "{}", parser.screen().contents());
        std::thread::sleep(Duration::from_millis(20));
    }
    let cell = parser.screen().cell(0, 0).expect("a cell").clone();
    assert_eq!(cell.contents(), "k", "{}", parser.screen().contents());
    std::io::Write::write_all(&mut session, b"\x03").unwrap();
    let start = Instant::now();
    while matches!(
        session.get_process().status().unwrap(),
        WaitStatus::StillAlive
    ) {
        let _ = session.try_read(&mut buf);
        assert!(start.elapsed() < TIMEOUT, "the app did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }
    cell
}

#[test]
fn the_theme_is_remembered_between_starts_and_the_flag_wins() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // Default: the title is cyan and bold, not underlined.
    let cell = title_cell(dir, &[], false);
    assert!(cell.bold() && !cell.underline());
    assert_eq!(cell.fgcolor(), vt100::Color::Idx(6));

    // High contrast, chosen once: bold and underlined in the terminal's own colour ...
    let cell = title_cell(dir, &["--theme", "high-contrast"], false);
    assert!(cell.bold() && cell.underline());
    assert_eq!(cell.fgcolor(), vt100::Color::Default);
    let json = std::fs::read_to_string(dir.join("profile.json")).unwrap();
    assert!(json.contains("\"theme\": \"high-contrast\""), "{json}");
    // ... and used at the next start without the flag.
    let cell = title_cell(dir, &[], false);
    assert!(cell.bold() && cell.underline(), "not remembered: {cell:?}");
    // The flag overrides it for this start and is remembered in its place.
    let cell = title_cell(dir, &["--theme", "default"], false);
    assert!(!cell.underline());
    assert_eq!(cell.fgcolor(), vt100::Color::Idx(6));
    let cell = title_cell(dir, &[], false);
    assert!(!cell.underline());
    // --no-save uses the flag and keeps nothing.
    let cell = title_cell(dir, &["--theme", "high-contrast", "--no-save"], false);
    assert!(cell.underline());
    let cell = title_cell(dir, &[], false);
    assert!(!cell.underline());
    // NO_COLOR wins over colour: high contrast without colour, still bold and underlined.
    let cell = title_cell(dir, &["--theme", "high-contrast"], true);
    assert!(cell.bold() && cell.underline());
    assert_eq!(cell.fgcolor(), vt100::Color::Default);
}

/// The theme chosen on the style screen (F2) is used at once and remembered in the profile,
/// just as `--theme` is: the next start draws in it.
#[test]
fn the_theme_chosen_on_the_style_screen_is_remembered() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    std::fs::write(dir.join("profile.json"), r#"{"version":1,"style":"D"}"#).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kohtaa"));
    cmd.arg("--scenarios")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play"))
        .env("KOHTAA_DATA_DIR", dir)
        .env("TERM", "xterm-256color")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8")
        .env_remove("NO_COLOR");
    let mut session = Session::spawn(cmd).expect("spawn kohtaa in a pty");
    session.get_process_mut().set_window_size(80, 24).unwrap();
    let mut parser = vt100::Parser::new(
        NonZeroU16::new(24).unwrap(),
        NonZeroU16::new(80).unwrap(),
        0,
    );
    let mut buf = [0u8; 8192];
    let mut wait_for = |session: &mut Session<_, _>, text: &str| {
        let start = Instant::now();
        loop {
            while let Ok(n @ 1..) = session.try_read(&mut buf) {
                parser.process(&buf[..n]);
            }
            if parser.screen().contents().contains(text) {
                return parser.screen().cell(0, 0).expect("a cell").clone();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waiting for {text:?}:\n{}",
                parser.screen().contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let send = |session: &mut Session<_, _>, keys: &str| {
        std::io::Write::write_all(session, keys.as_bytes()).unwrap();
    };
    wait_for(&mut session, "Filter:");
    send(&mut session, "\x1bOQ");
    let cell = wait_for(&mut session, "Theme: Default colours");
    assert!(!cell.underline());
    // The last items: the three themes, then "Delete my profile" and "Done".
    for _ in 0..40 {
        send(&mut session, "\x1b[B");
    }
    wait_for(&mut session, "▶     Done");
    for _ in 0..3 {
        send(&mut session, "\x1b[A");
    }
    wait_for(&mut session, "▶ ( ) High contrast");
    send(&mut session, "\r");
    // Drawn in it at once: the title bold and underlined, in the terminal's own colour.
    let cell = wait_for(&mut session, "Saved.");
    assert!(cell.bold() && cell.underline(), "{cell:?}");
    assert_eq!(cell.fgcolor(), vt100::Color::Default);
    send(&mut session, "\x03");
    let start = Instant::now();
    while matches!(
        session.get_process().status().unwrap(),
        WaitStatus::StillAlive
    ) {
        let _ = session.try_read(&mut buf);
        assert!(start.elapsed() < TIMEOUT, "the app did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }

    let json = std::fs::read_to_string(dir.join("profile.json")).unwrap();
    assert!(json.contains("\"theme\": \"high-contrast\""), "{json}");
    assert!(
        json.contains("\"style\": \"D\""),
        "the style is kept: {json}"
    );
    let cell = title_cell(dir, &[], false);
    assert!(cell.bold() && cell.underline(), "not remembered: {cell:?}");
}

/// `--color` drives the app's colours as it drives the diagnostics': `never` draws the
/// monochrome display even without NO_COLOR, `always` keeps the colours even with it.
#[test]
fn the_color_option_wins_over_no_color_in_the_app() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let cell = title_cell(dir, &["--color", "never"], false);
    assert_eq!(cell.fgcolor(), vt100::Color::Default);
    assert!(cell.bold());
    let cell = title_cell(dir, &["--color", "always"], true);
    assert_eq!(cell.fgcolor(), vt100::Color::Idx(6));
    let cell = title_cell(dir, &["--color", "auto"], true);
    assert_eq!(cell.fgcolor(), vt100::Color::Default);
}

/// A theme from the configuration file or KOHTAA_THEME is drawn, and is not saved.
#[test]
fn a_theme_from_the_file_or_the_environment_is_used_and_not_saved() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    std::fs::write(dir.join("config.toml"), "theme = \"high-contrast\"\n").unwrap();
    let cell = title_cell(dir, &[], false);
    assert!(cell.bold() && cell.underline(), "{cell:?}");
    std::fs::remove_file(dir.join("config.toml")).unwrap();
    let cell = title_cell(dir, &[], false);
    assert!(!cell.underline());
    assert!(
        !std::fs::read_to_string(dir.join("profile.json"))
            .unwrap_or_default()
            .contains("theme")
    );
}
