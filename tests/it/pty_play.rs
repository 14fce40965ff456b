//! End to end in a real pseudo-terminal: the real binary, real keys, a terminal emulator
//! (vt100) reading what it draws. Also: the idle app uses no CPU.

#![cfg(unix)]

use std::io::Write;
use std::num::NonZeroU16;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::{PtyStream, UnixProcess, WaitStatus};

use crate::support::cli::command;

const TIMEOUT: Duration = Duration::from_secs(20);

struct Pty {
    session: Session<UnixProcess, PtyStream>,
    parser: vt100::Parser,
    _data: tempfile::TempDir,
}

impl Pty {
    fn start(args: &[&str]) -> Pty {
        Pty::start_in(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play")),
            args,
        )
    }

    /// The app on the bundled library and the scenarios in `folder`.
    fn start_in(folder: &Path, args: &[&str]) -> Pty {
        Pty::start_with(folder, args, |_| {})
    }

    /// The same, after `prepare` has written what it wants into the data directory.
    fn start_with(folder: &Path, args: &[&str], prepare: impl FnOnce(&Path)) -> Pty {
        let data = tempfile::tempdir().unwrap();
        prepare(data.path());
        let mut cmd = command(data.path());
        cmd.arg("--scenarios")
            .arg(folder)
            .args(args)
            .env("TERM", "xterm-256color")
            .env("LANG", "en_US.UTF-8");
        let mut session = Session::spawn(cmd).expect("spawn kohtaa in a pty");
        session.get_process_mut().set_window_size(80, 24).unwrap();
        Pty {
            session,
            parser: vt100::Parser::new(
                NonZeroU16::new(24).unwrap(),
                NonZeroU16::new(80).unwrap(),
                0,
            ),
            _data: data,
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.parser.process(&buf[..n]),
                Err(_) => break,
            }
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`; fails the test with the screen if it never does.
    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        loop {
            self.pump();
            if self.screen().contains(text) {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {text:?}; the screen was:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// The number shown before the choice that starts with `prefix`.
    fn number_of(&self, prefix: &str) -> char {
        let screen = self.screen();
        let line = screen
            .lines()
            .find(|l| l.contains(prefix))
            .unwrap_or_else(|| panic!("no choice {prefix:?} on screen:\n{screen}"));
        line.trim_start_matches([' ', '▶'])
            .chars()
            .next()
            .filter(char::is_ascii_digit)
            .unwrap_or_else(|| panic!("no number before {prefix:?}: {line}"))
    }

    fn choose(&mut self, prefix: &str) {
        self.wait_for(prefix);
        let n = self.number_of(prefix);
        self.send(&n.to_string());
        self.wait_for("You said");
        self.send("\r");
    }

    /// Waits for the program to end; returns whether it exited successfully.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            self.pump();
            match self.session.get_process().status().unwrap() {
                WaitStatus::StillAlive => {}
                status => {
                    self.pump();
                    return matches!(status, WaitStatus::Exited(_, 0));
                }
            }
            assert!(start.elapsed() < TIMEOUT, "the program did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn plays_a_scenario_to_its_debrief_and_quits_cleanly() {
    let mut pty = Pty::start(&["--seed", "3"]);
    // First start: the app offers a style; skip it for now.
    pty.wait_for("Welcome");
    pty.send("\x1b");
    pty.wait_for("Filter:");
    assert!(
        pty.parser.screen().alternate_screen(),
        "the app draws on the alternate screen"
    );
    pty.send("parcel");
    pty.wait_for("Filter: parcel");
    pty.wait_for("The late parcel");
    pty.send("\r");
    pty.wait_for("Pick one step to focus on");
    pty.send("\r");
    pty.wait_for("What do you say?");
    pty.choose("Hello, I'm Sam");
    pty.choose("Oh no, with the birthday");
    pty.choose("It's at the depot");
    pty.wait_for("Press Enter to see the debrief.");
    pty.send("\r");
    pty.wait_for("Model fit: 100 %");
    assert!(pty.screen().contains("Outcome: Resolved"));
    pty.send("?");
    pty.wait_for("play again");
    // Nothing went wrong on this path: no replay from a turning point is offered.
    assert!(!pty.screen().contains("replay from where it turned"));
    pty.send("?");
    pty.send("q");
    // Leaving the debrief offers the reflection; Esc skips it, back to the library with its
    // filter as it was.
    pty.wait_for("What happened?");
    pty.send("\x1b");
    pty.wait_for("Filter: parcel");
    // Esc clears the filter (a separate write: Esc and a key in one read as Alt+key) ...
    pty.send("\x1b");
    pty.wait_for("Practise next");
    // ... and q, with no filter, quits.
    pty.send("q");
    assert!(pty.wait_exit(), "exit status 0");
    assert!(
        !pty.parser.screen().alternate_screen(),
        "the terminal left the alternate screen"
    );
}

/// The app starts from the scenarios' headers and checks them in full just after its first
/// frame: a file whose header reads but whose graph is broken must end up among the files
/// with errors, not among the scenarios one can start.
#[test]
fn a_file_that_fails_only_the_full_check_is_set_apart() {
    let folder = tempfile::tempdir().unwrap();
    let fixtures = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play"));
    std::fs::create_dir_all(folder.path().join("models")).unwrap();
    std::fs::create_dir_all(folder.path().join("en")).unwrap();
    for file in ["models/mini.en.ron", "en/late-parcel.ron"] {
        std::fs::copy(fixtures.join(file), folder.path().join(file)).unwrap();
    }
    let parcel = std::fs::read_to_string(fixtures.join("en/late-parcel.ron")).unwrap();
    let broken = parcel
        .replace("id: \"late-parcel\"", "id: \"lost-parcel\"")
        .replace("title: \"The late parcel\"", "title: \"The lost parcel\"")
        .replacen("next: \"story\"", "next: \"stroy\"", 1);
    assert_ne!(broken, parcel);
    std::fs::write(folder.path().join("en/lost-parcel.ron"), broken).unwrap();

    let mut pty = Pty::start_in(folder.path(), &["--seed", "3"]);
    pty.wait_for("Welcome");
    pty.send("\x1b");
    // The list opens at its top, where the file with errors is, and the notice says so.
    pty.wait_for("1 file has errors: it is listed first, above the scenarios.");
    pty.wait_for("lost-parcel.ron");
    let screen = pty.screen();
    assert!(screen.contains("Files with errors"), "{screen}");
    assert!(screen.contains("names no node"), "{screen}");
    // Filtering finds the good scenario, and the broken one is not offered to start.
    pty.send("parcel");
    pty.wait_for("Filter: parcel");
    pty.wait_for("The late parcel");
    assert!(
        !pty.screen().contains("The lost parcel"),
        "{}",
        pty.screen()
    );
    pty.send("\x1b\x1b");
    pty.wait_for("Filter: ");
    pty.send("q");
    assert!(pty.wait_exit(), "exit status 0");
}

#[test]
fn leaving_a_run_asks_first_and_ctrl_c_always_quits() {
    let mut pty = Pty::start(&["--seed", "3", "--lang", "fi"]);
    pty.wait_for("Tervetuloa");
    pty.send("\x1b");
    pty.wait_for("Suodata:");
    pty.send("paketti");
    pty.wait_for("Myöhässä oleva paketti");
    pty.send("\r");
    pty.wait_for("Valitse yksi askel");
    pty.send("\r");
    pty.wait_for("Mitä sanot?");
    pty.send("q");
    pty.wait_for("Keskeytetäänkö harjoitus?");
    pty.send("n");
    pty.wait_for("Mitä sanot?");
    pty.send("\x03");
    assert!(pty.wait_exit());
    assert!(!pty.parser.screen().alternate_screen());
}

/// `kohtaa play ID` is the app with the learner's own profile and history: feedback worded for
/// their style, the run saved and listed by `history`. Enter alone answers nothing, and Enter
/// at the leave question keeps the run.
#[test]
fn play_by_id_uses_the_profile_and_keeps_the_run() {
    let fixtures = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play"));
    let mut pty = Pty::start_with(fixtures, &["--seed", "3", "play", "late-parcel"], |data| {
        std::fs::write(data.join("profile.json"), r#"{"version":1,"style":"D"}"#).unwrap();
    });
    pty.wait_for("Pick one step to focus on");
    pty.send("\r");
    pty.wait_for("What do you say?");
    pty.send("\r");
    std::thread::sleep(Duration::from_millis(200));
    pty.pump();
    assert!(
        pty.screen().contains("What do you say?"),
        "Enter answered nothing"
    );
    pty.send("q");
    pty.wait_for("Leave this run?");
    pty.send("\r");
    pty.wait_for("What do you say?");
    pty.choose("Hello, I'm Sam");
    pty.choose("Oh no, with the birthday");
    pty.choose("It's at the depot");
    pty.wait_for("Press Enter to see the debrief.");
    pty.send("\r");
    // The D framing names what was kept, in its own words.
    pty.wait_for("Kept: Acknowledge");
    pty.send("\x03");
    assert!(pty.wait_exit());
    let out = command(pty._data.path())
        .args(["--lang", "en", "history"])
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(listed.contains("late-parcel"), "{listed}");
    assert!(listed.contains("1 run"), "{listed}");
}

/// CPU time (utime + stime, in clock ticks) the process has used so far.
fn cpu_ticks(pid: i32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name in parentheses; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
#[cfg(target_os = "linux")]
fn the_idle_app_uses_no_cpu() {
    let mut pty = Pty::start(&["--seed", "3"]);
    // First start: the app offers a style; skip it for now.
    pty.wait_for("Welcome");
    pty.send("\x1b");
    pty.wait_for("Filter:");
    pty.send("parcel");
    pty.wait_for("The late parcel");
    pty.send("\r");
    pty.wait_for("Pick one step to focus on");
    pty.send("\r");
    pty.wait_for("What do you say?");
    // Let start-up work settle, then measure a quiet stretch.
    std::thread::sleep(Duration::from_millis(300));
    pty.pump();
    let pid = pty.session.get_process().pid().as_raw();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_millis(1500));
    let after = cpu_ticks(pid);
    assert_eq!(after, before, "the app used CPU while nothing happened");
    pty.send("\x03");
    assert!(pty.wait_exit());
}

/// Presenter mode in a real terminal: the room's votes, not the last digit typed, decide.
#[test]
fn the_presenter_follows_the_rooms_vote() {
    let mut pty = Pty::start(&["--seed", "3", "present", "doctor-today"]);
    pty.wait_for("Enter begin");
    pty.send("\r");
    pty.wait_for("next choice");
    pty.send("a");
    pty.wait_for("a vote for choice n");
    for vote in ["3", "3", "3", "1"] {
        pty.send(vote);
    }
    pty.wait_for("Votes: 4");
    pty.send("\r");
    pty.wait_for("The room chose 3 (3 of 4 votes)");
    pty.send("\x03");
    assert!(pty.wait_exit());
}

/// The library's filter in a real terminal: letters without their dots match, and a filter
/// may start with "q" after `/` without quitting.
#[test]
fn the_library_filter_takes_any_letter() {
    let mut pty = Pty::start(&["--seed", "3", "--lang", "fi"]);
    pty.wait_for("Tervetuloa");
    pty.send("\x1b");
    pty.wait_for("Suodata:");
    pty.send("laak");
    pty.wait_for("Lääkäri tänään");
    pty.send("\x1b");
    pty.wait_for("Harjoittele seuraavaksi");
    pty.send("/q");
    pty.wait_for("Suodata: q");
    assert!(!pty.screen().contains("Harjoittele seuraavaksi"));
    // Esc clears the filter; the "practise next" row comes back. (Esc and a key sent in one
    // write would read as Alt and that key.)
    pty.send("\x1b");
    pty.wait_for("Harjoittele seuraavaksi");
    pty.send("q");
    assert!(pty.wait_exit(), "q with no filter quits");
}

/// Feedback longer than the screen scrolls in a real terminal: at 80x24, after a long answer
/// for an S learner, the mood line is below the fold until ↓, j, PgDn or End brings it up.
#[test]
fn long_feedback_scrolls_to_the_hidden_mood_line() {
    let mood = "For them: their mood dropped by 1.";
    let hint = "Press Enter to continue";
    let mut pty = Pty::start_with(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play")),
        &["--seed", "3", "--lang", "en", "play", "doctor-today"],
        |data| {
            std::fs::write(data.join("profile.json"), r#"{"version":1,"style":"S"}"#).unwrap();
        },
    );
    pty.wait_for("Enter start the run");
    pty.send("\r");
    pty.wait_for("What do you say?");
    // The answer that quotes the rule first: the S framing explains both steps it broke.
    pty.wait_for("I can see the nurse's note");
    let n = pty.number_of("I can see the nurse's note");
    pty.send(&n.to_string());
    pty.wait_for("You said");
    pty.wait_for("more below");
    let screen = pty.screen();
    assert!(
        !screen.contains(mood) && !screen.contains(hint),
        "the feedback fits at 80x24; the test needs a longer one:\n{screen}"
    );
    // Each way down, from the top each time (Home, sent on its own).
    for (keys, times) in [("\x1b[B", 30), ("j", 30), ("\x1b[6~", 3), ("\x1b[F", 1)] {
        for _ in 0..times {
            pty.send(keys);
        }
        // The end of the feedback, the mood line in sight above it.
        pty.wait_for(hint);
        assert!(pty.screen().contains(mood), "{keys:?}:\n{}", pty.screen());
        pty.send("\x1b[H");
        pty.wait_for("You said");
        std::thread::sleep(Duration::from_millis(100));
        pty.pump();
        assert!(!pty.screen().contains(mood), "Home goes back to the top");
    }
    // The key bar says how.
    assert!(pty.screen().contains("↓/j scroll"), "{}", pty.screen());
    pty.send("\x03");
    assert!(pty.wait_exit());
}

/// SIGTERM or SIGHUP during a run end the app as Ctrl-C does: the terminal leaves the
/// alternate screen and raw mode, and the run is kept as abandoned. The exit status says
/// which signal (128 + its number).
#[test]
fn sigterm_and_sighup_restore_the_terminal_and_keep_the_run() {
    for (signal, status) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let fixtures = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play"));
        let mut pty = Pty::start_with(fixtures, &["--seed", "3", "play", "late-parcel"], |data| {
            std::fs::write(data.join("profile.json"), r#"{"version":1,"style":"D"}"#).unwrap();
        });
        pty.wait_for("Pick one step to focus on");
        pty.send("\r");
        pty.choose("Hello, I'm Sam");
        pty.wait_for("What do you say?");
        assert!(pty.parser.screen().alternate_screen());
        let pid = pty.session.get_process().pid().as_raw();
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let start = Instant::now();
        let ended = loop {
            pty.pump();
            match pty.session.get_process().status().unwrap() {
                WaitStatus::StillAlive => {}
                other => break other,
            }
            assert!(start.elapsed() < TIMEOUT, "signal {signal}: still running");
            std::thread::sleep(Duration::from_millis(20));
        };
        pty.pump();
        assert!(
            matches!(ended, WaitStatus::Exited(_, s) if s == status),
            "signal {signal}: {ended:?}"
        );
        assert!(
            !pty.parser.screen().alternate_screen(),
            "signal {signal}: the terminal left the alternate screen"
        );
        let out = Command::new(env!("CARGO_BIN_EXE_kohtaa"))
            .args(["--lang", "en", "history"])
            .env("KOHTAA_DATA_DIR", pty._data.path())
            .output()
            .unwrap();
        let listed = String::from_utf8(out.stdout).unwrap();
        assert!(listed.contains("late-parcel"), "signal {signal}: {listed}");
        assert!(listed.contains("abandoned"), "signal {signal}: {listed}");
    }
}

/// A run the app cannot save (here `runs` is a file, not a folder) is said in the app, said
/// again on leaving it, and the exit status is a failure.
#[test]
fn a_run_that_cannot_be_saved_makes_the_app_fail() {
    let fixtures = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play"));
    let mut pty = Pty::start_with(fixtures, &["--seed", "3", "play", "late-parcel"], |data| {
        std::fs::write(data.join("profile.json"), r#"{"version":1,"style":"D"}"#).unwrap();
        std::fs::write(data.join("runs"), "a file where the folder should be").unwrap();
    });
    pty.wait_for("Pick one step to focus on");
    pty.send("\r");
    pty.choose("Hello, I'm Sam");
    pty.wait_for("What do you say?");
    pty.send("\x03");
    assert!(!pty.wait_exit(), "the exit status is a failure");
    assert!(!pty.parser.screen().alternate_screen());
    let screen = pty.screen();
    assert!(screen.contains("kohtaa: "), "{screen}");
}

/// A terminal that goes away (its window closed, an ssh connection dropped) during a run ends
/// the app as SIGHUP does, the run kept: with kohtaa as the session leader (the kernel sends
/// it SIGHUP), and under a shell that takes the SIGHUP itself, when all kohtaa sees is a
/// terminal that has hung up. Never a process left reading a dead terminal.
#[test]
fn a_terminal_that_hangs_up_ends_the_app_and_keeps_the_run() {
    for under_shell in [false, true] {
        hang_up_during_a_run(under_shell);
    }
}

fn hang_up_during_a_run(under_shell: bool) {
    use std::ffi::CStr;
    use std::os::unix::process::CommandExt;

    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("profile.json"),
        r#"{"version":1,"style":"D"}"#,
    )
    .unwrap();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/play");
    // SAFETY: plain calls on a descriptor this test owns.
    let (master, slave) = unsafe {
        let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(master >= 0);
        assert_eq!(libc::grantpt(master), 0);
        assert_eq!(libc::unlockpt(master), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(master, name.as_mut_ptr(), name.len()), 0);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        libc::ioctl(master, libc::TIOCSWINSZ, &size);
        libc::fcntl(master, libc::F_SETFL, libc::O_NONBLOCK);
        // Not inherited: the terminal must go away when this test closes it.
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
        (master, CStr::from_ptr(name.as_ptr()).to_owned())
    };
    let bin = env!("CARGO_BIN_EXE_kohtaa");
    let args = [
        "--scenarios",
        fixtures,
        "--seed",
        "3",
        "play",
        "late-parcel",
    ];
    let mut cmd = if under_shell {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg("trap '' HUP; \"$0\" \"$@\"; :")
            .arg(bin)
            .args(args);
        cmd
    } else {
        let mut cmd = Command::new(bin);
        cmd.args(args);
        cmd
    };
    cmd.env("KOHTAA_DATA_DIR", data.path())
        .env("TERM", "xterm-256color")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            libc::setsid();
            let fd = libc::open(slave.as_ptr(), libc::O_RDWR);
            if fd < 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::ioctl(fd, libc::TIOCSCTTY, 0);
            for target in 0..3 {
                libc::dup2(fd, target);
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    let mut parser = vt100::Parser::new(
        NonZeroU16::new(24).unwrap(),
        NonZeroU16::new(80).unwrap(),
        0,
    );
    let pump = |parser: &mut vt100::Parser| {
        let mut buf = [0u8; 8192];
        loop {
            // SAFETY: reading into a buffer of the length given.
            let n = unsafe { libc::read(master, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                break;
            }
            parser.process(&buf[..n as usize]);
        }
    };
    let send = |keys: &str| {
        // SAFETY: writing a buffer of the length given.
        unsafe { libc::write(master, keys.as_ptr().cast(), keys.len()) };
    };
    let wait_for = |parser: &mut vt100::Parser, text: &str| {
        let start = Instant::now();
        while !parser.screen().contents().contains(text) {
            assert!(
                start.elapsed() < TIMEOUT,
                "no {text:?}:\n{}",
                parser.screen().contents()
            );
            std::thread::sleep(Duration::from_millis(20));
            pump(parser);
        }
    };
    wait_for(&mut parser, "Pick one step to focus on");
    send("\r");
    wait_for(&mut parser, "Hello, I'm Sam");
    let screen = parser.screen().contents();
    let line = screen
        .lines()
        .find(|l| l.contains("Hello, I'm Sam"))
        .unwrap();
    let n = line.trim_start_matches([' ', '▶']).chars().next().unwrap();
    send(&n.to_string());
    wait_for(&mut parser, "You said");
    // The terminal goes away.
    // SAFETY: the master is this test's own, closed once.
    unsafe { libc::close(master) };
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            child.kill().unwrap();
            panic!("under a shell: {under_shell}: kohtaa went on after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if !under_shell {
        assert_eq!(status.code(), Some(129), "{status:?}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_kohtaa"))
        .args(["--lang", "en", "--scenarios", fixtures, "history"])
        .env("KOHTAA_DATA_DIR", data.path())
        .output()
        .unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    assert!(
        listed.contains("late-parcel") && listed.contains("abandoned"),
        "under a shell: {under_shell}: {listed}"
    );
}

/// `kohtaa play FILE` reloads the draft when the file is saved, with no key pressed, and
/// replays the choices made so far: saved as editors do, in place and by renaming a new file
/// over the old one.
#[test]
fn a_draft_reloads_when_its_file_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.ron");
    let text = kohtaa::authoring::template::new_scenario("draft", "en", kohtaa::content::Style::S);
    std::fs::write(&path, &text).unwrap();
    let mut pty = Pty::start(&["play", path.to_str().unwrap()]);
    pty.choose("That letter has clearly");
    pty.wait_for("So what does it actually mean for me?");

    // Written in place.
    let edited = text.replace("So what does it actually mean", "What does this mean");
    std::fs::write(&path, &edited).unwrap();
    pty.wait_for("What does this mean for me?");
    pty.wait_for("The file was saved: 1 of 1 choices replayed.");

    // Broken, then fixed by a new file renamed over the old one: the errors are shown, then
    // the run again, at the same place.
    std::fs::write(&path, edited.replacen("    title:", "    titel:", 1)).unwrap();
    pty.wait_for("unknown field `titel`");
    let new = dir.path().join(".draft.ron.swp");
    std::fs::write(
        &new,
        text.replace("So what does it actually mean", "And that means"),
    )
    .unwrap();
    std::fs::rename(&new, &path).unwrap();
    pty.wait_for("And that means for me?");
    pty.wait_for("The file was saved: 1 of 1 choices replayed.");

    // Watching the file costs nothing while nothing happens.
    #[cfg(target_os = "linux")]
    {
        std::thread::sleep(Duration::from_millis(300));
        pty.pump();
        let pid = pty.session.get_process().pid().as_raw();
        let before = cpu_ticks(pid);
        std::thread::sleep(Duration::from_millis(1500));
        assert_eq!(
            cpu_ticks(pid),
            before,
            "the app used CPU while nothing happened"
        );
    }
    pty.send("\x03");
    pty.wait_exit();
}
