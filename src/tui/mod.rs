//! The practice app: ratatui over crossterm.
//!
//! # Shape
//! - A key press becomes an [`Action`](action::Action) through the [`keymap`]; the key map is
//!   also what the hint bar and the `?`/F1 help show, so help never drifts from the keys.
//! - [`App::update`](app::App::update) is the only place state changes. It hands the action to
//!   the current screen, which answers with a [`Step`](screens::Step): stay, go to another
//!   screen, ask a yes/no question first, or quit.
//! - [`render::render`] draws from `&App` alone; the loop in [`run`] blocks on
//!   `crossterm::event::read()` (no tick: zero CPU while idle) and redraws after every event.
//!   SIGTERM, SIGHUP and a terminal that hangs up wake it and end the app as Ctrl-C does
//!   ([`signals`]).
//! - Words of the interface come from [`crate::i18n`]; content text goes through
//!   [`text::clean`] before it is drawn. The tui draws the engine's state and never decides
//!   pedagogy: measurement, turning point and order are the engine's.
//!
//! # Adding a screen
//! 1. Write `src/tui/screens/<name>.rs` with a state struct that has
//!    `keys(&self) -> &'static [Binding]` (its key section: a `pub const KEYS` table of
//!    `keymap::bind(...)` entries; set `bar: true` on the few that belong in the hint bar),
//!    `title(&self, &Env) -> String`, `update(&mut self, &Env, Action) -> Step` and
//!    `render(&self, &Env, Rect, &mut Buffer)`. Build long content as a [`text::Doc`] and draw
//!    it with [`widgets::render_doc`] so it wraps and scrolls like the other screens.
//! 2. Add `pub mod <name>;` and a variant to `Screen` in `screens/mod.rs`, and one arm to each
//!    of its `keys`, `title`, `update` and `render` matches.
//! 3. Reach it with `Step::go(Screen::<Variant>(...))` from another screen's `update`.
//!    If a new key needs a new kind of action, add it to `Action`.
//! 4. Put new interface words in `crates/kohtaa-core/locales/<lang>/kohtaa.ftl` (every
//!    language; use them as `T::Id`) and add a snapshot test in `tests/it/tui_screens.rs` at
//!    80x24 in both languages.

pub mod action;
pub mod app;
pub mod keymap;
pub mod render;
pub mod screens;
pub mod signals;
pub mod text;
pub mod theme;
pub mod widgets;

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::Path;
use std::thread::JoinHandle;
use std::time::Duration;

use crossterm::event::{self, Event};
use signals::Wake;

pub use action::Action;
pub use app::{App, Env};

/// How the app ended, for the command's exit status.
#[derive(Debug, Default)]
pub struct Ended {
    /// The signal (SIGTERM, SIGHUP) that ended it, if one did; a terminal that hung up
    /// counts as SIGHUP.
    pub signal: Option<i32>,
    /// Every save that failed, in the interface language: the app showed them, and they are
    /// said again on leaving, since a failed save must not go unnoticed.
    pub failed_saves: Vec<String>,
}

/// Runs the app in the terminal until the learner quits. The terminal is restored on return,
/// on error, on panic and on SIGTERM or SIGHUP; a run in progress is kept, as abandoned, in
/// each of these ways as when the learner quits (see [`App::update`] with `Action::Quit`).
pub fn run(app: App) -> io::Result<Ended> {
    run_with(app, None, None)
}

/// [`run`] on a draft (`kohtaa play FILE`), reloading it each time `file` is saved as F5
/// would. Where the file cannot be watched, the draft says so and F5 still reloads.
pub fn run_draft(app: App, file: &Path) -> io::Result<Ended> {
    run_with(app, None, Some(file))
}

/// [`run`], with the app's library still loading: its first frames show the library it has
/// (scenarios from their headers; see [`crate::store::library::load_headers`]) and the full
/// one comes from the thread `full`. Until it comes, the loop waits for a key or for it,
/// looking every few milliseconds; a key waits for it before it acts, so no screen ever acts
/// on a partial library. Once it has come, the loop blocks on the terminal again.
pub fn run_loading(app: App, full: JoinHandle<crate::content::Library>) -> io::Result<Ended> {
    run_with(app, Some(full), None)
}

fn run_with(
    mut app: App,
    mut full: Option<JoinHandle<crate::content::Library>>,
    watched: Option<&Path>,
) -> io::Result<Ended> {
    let signals = signals::Watch::start();
    // Kept to the end of the loop: dropped, the file is no longer watched.
    let _watching = watched.map(|file| watch(&mut app, &signals, file));
    // ratatui's panic hook restores the terminal before the panic is reported.
    let mut terminal = ratatui::try_init()?;
    let mut hung_up = false;
    let result = catch_unwind(AssertUnwindSafe(|| -> io::Result<()> {
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        loop {
            if signals.received().is_some() {
                return Ok(());
            }
            terminal.draw(|frame| render::render(&app, frame))?;
            if let Some(loading) = full.take() {
                // Until the full library is there: a key (or a signal) is waited for, and
                // the library is looked for every few milliseconds.
                while !loading.is_finished() {
                    match signals.wait(Some(Duration::from_millis(5)))? {
                        Wake::Timeout => {}
                        Wake::HungUp => {
                            hung_up = true;
                            return Ok(());
                        }
                        Wake::Signal(_) => return Ok(()),
                        Wake::Event => break,
                        Wake::Woken => app.file_changed(),
                    }
                }
                match loading.join() {
                    Ok(library) => app.library_loaded(library),
                    Err(panic) => resume_unwind(panic),
                }
                continue;
            }
            match signals.wait(None)? {
                Wake::Event => {}
                Wake::Timeout => continue,
                Wake::Woken => {
                    app.file_changed();
                    continue;
                }
                Wake::HungUp => {
                    hung_up = true;
                    return Ok(());
                }
                Wake::Signal(_) => return Ok(()),
            }
            match event::read()? {
                Event::Key(key) if key.is_press() => {
                    if let Some(action) = app.action_for(&key) {
                        app.update(action);
                    }
                }
                Event::Resize(w, h) => app.update(Action::Resize(w, h)),
                _ => {}
            }
            if app.quit {
                return Ok(());
            }
        }
    }));
    // However the loop ended (a signal, a terminal that failed, a panic), a run in
    // progress is kept as Ctrl-C keeps it, before anything else can fail.
    if !app.quit {
        let _ = catch_unwind(AssertUnwindSafe(|| app.update(Action::Quit)));
    }
    // A terminal hung up on cannot be written to; that is no reason to fail here. The
    // cursor is shown now, so that dropping the terminal has nothing left to do: its drop
    // would print that it could not, and printing to a stderr that is gone panics.
    let _ = ratatui::try_restore();
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
    // A terminal that hung up ends the app as SIGHUP does.
    let signal = signals.received().or(hung_up.then_some(signals::SIGHUP));
    let ended = Ended {
        signal,
        failed_saves: std::mem::take(&mut app.env.failed_saves),
    };
    match result {
        Ok(Ok(())) => Ok(ended),
        // After a signal the terminal may well be gone: what matters is what was kept.
        Ok(Err(_)) if ended.signal.is_some() => Ok(ended),
        Ok(Err(e)) => Err(e),
        Err(panic) => resume_unwind(panic),
    }
}

/// Watches a draft's file, waking the loop when it is saved; tells the draft when it cannot.
fn watch(
    app: &mut App,
    signals: &signals::Watch,
    file: &Path,
) -> Option<crate::store::watch::Watching> {
    let Some(waker) = signals.waker() else {
        app.cannot_watch(None);
        return None;
    };
    match crate::store::watch::watch(&[file.to_path_buf()], move |_| waker.wake()) {
        Ok(watching) => Some(watching),
        Err(e) => {
            app.cannot_watch(Some(&e));
            None
        }
    }
}
