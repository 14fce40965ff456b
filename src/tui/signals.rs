//! SIGTERM and SIGHUP end the app as Ctrl-C does: the run in progress is kept as abandoned,
//! and the terminal is given back as it was.
//!
//! The app's loop blocks on the terminal (no tick, so no idle CPU). A thread waits for the
//! signals; when one comes it notes which, and raises SIGWINCH at the program itself, which
//! crossterm reports as a resize: the loop wakes, sees the note and quits.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

/// The signals being watched while the app runs; dropped, they are no longer waited for.
pub struct Watch {
    received: Arc<AtomicI32>,
    #[cfg(unix)]
    handle: Option<signal_hook::iterator::Handle>,
}

impl Watch {
    /// Starts watching SIGTERM and SIGHUP. Where they cannot be watched (not Unix, or the
    /// system refuses), the app runs as it did without: nothing is noted.
    pub fn start() -> Watch {
        let received = Arc::new(AtomicI32::new(0));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGTERM, SIGWINCH};
            if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
                let handle = signals.handle();
                let noted = received.clone();
                let spawned = std::thread::Builder::new()
                    .name("signals".to_owned())
                    .spawn(move || {
                        for signal in signals.forever() {
                            noted.store(signal, Ordering::SeqCst);
                            let _ = signal_hook::low_level::raise(SIGWINCH);
                        }
                    });
                return Watch {
                    received,
                    handle: spawned.is_ok().then_some(handle),
                };
            }
            Watch {
                received,
                handle: None,
            }
        }
        #[cfg(not(unix))]
        Watch { received }
    }

    /// The signal that asked the app to end, if one has.
    pub fn received(&self) -> Option<i32> {
        Some(self.received.load(Ordering::SeqCst)).filter(|&s| s != 0)
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(handle) = self.handle.take() {
            handle.close();
        }
    }
}
