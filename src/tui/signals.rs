//! Waiting for the terminal, and ending the app as Ctrl-C does when the terminal goes away
//! or SIGTERM or SIGHUP asks: the run in progress is kept as abandoned, and the terminal is
//! given back as it was (as far as it is still there).
//!
//! The app's loop blocks until there is something to do (no tick, so no idle CPU). It does
//! not block in crossterm alone: crossterm's reader turns a terminal that has hung up (its
//! window closed, an ssh connection dropped) into an endless loop of empty reads, deaf to
//! signals. So the loop waits here, in `poll(2)` on the terminal and on a pipe that SIGTERM,
//! SIGHUP and SIGWINCH write to, and asks crossterm for an event only when one is there. A
//! terminal that hangs up is noticed here and ends the app as SIGHUP does. Another thread
//! can wake the wait too (a [`Waker`]: `play FILE` reloads when the file is saved).

use std::time::Duration;

/// SIGHUP's number, which a terminal that hangs up is counted as.
pub const SIGHUP: i32 = 1;

/// What ended a wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wake {
    /// The terminal has input, or was resized: crossterm has an event to read.
    Event,
    /// SIGTERM or SIGHUP, by its number.
    Signal(i32),
    /// The terminal is gone.
    HungUp,
    /// The time given passed.
    Timeout,
    /// A [`Waker`] was woken.
    Woken,
}

/// Wakes the app's wait from another thread.
pub struct Waker {
    #[cfg(unix)]
    inner: unix::Waker,
}

impl Waker {
    pub fn wake(&self) {
        #[cfg(unix)]
        self.inner.wake();
    }
}

/// The signals and the terminal watched while the app runs; dropped, they are not.
pub struct Watch {
    #[cfg(unix)]
    inner: Option<unix::Inner>,
}

impl Watch {
    /// Starts watching. Where that is not possible (not Unix, or the system refuses), waits
    /// are crossterm's own, and no signal is noted.
    pub fn start() -> Watch {
        Watch {
            #[cfg(unix)]
            inner: unix::Inner::start().ok(),
        }
    }

    /// The signal that asked the app to end, if one has.
    pub fn received(&self) -> Option<i32> {
        #[cfg(unix)]
        if let Some(inner) = &self.inner {
            return inner.received();
        }
        None
    }

    /// A [`Waker`] for this watch; `None` where waits are crossterm's own (nothing else can
    /// wake them).
    pub fn waker(&self) -> Option<Waker> {
        #[cfg(unix)]
        if let Some(inner) = &self.inner {
            return inner.waker().ok().map(|inner| Waker { inner });
        }
        None
    }

    /// Waits until crossterm has an event, a [`Waker`] is woken, a signal asks the app to
    /// end, the terminal hangs up, or `timeout` (`None`: no limit) passes.
    pub fn wait(&self, timeout: Option<Duration>) -> std::io::Result<Wake> {
        if let Some(signal) = self.received() {
            return Ok(Wake::Signal(signal));
        }
        #[cfg(unix)]
        if let Some(inner) = &self.inner {
            // An event crossterm holds already (several keys read at once) comes first; it
            // is asked only while the terminal is there, since on a terminal that hung up
            // crossterm would never return.
            match inner.wait(Some(Duration::ZERO))? {
                Wake::Timeout | Wake::Event => {}
                other => return Ok(other),
            }
            if crossterm::event::poll(Duration::ZERO)? {
                return Ok(Wake::Event);
            }
            return match inner.wait(timeout)? {
                // Whatever woke the wait (a key, SIGWINCH) is crossterm's to read, if any.
                Wake::Event if !crossterm::event::poll(Duration::ZERO)? => Ok(Wake::Timeout),
                other => Ok(other),
            };
        }
        let ready = crossterm::event::poll(timeout.unwrap_or(Duration::from_secs(3600)))?;
        Ok(if ready { Wake::Event } else { Wake::Timeout })
    }
}

#[cfg(unix)]
mod unix {
    use std::fs::File;
    use std::io::{self, IsTerminal, Read};
    use std::os::fd::{AsRawFd, RawFd};
    use std::os::unix::net::UnixStream;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::time::Duration;

    use signal_hook::SigId;
    use signal_hook::consts::{SIGHUP, SIGTERM, SIGWINCH};

    use super::Wake;

    pub struct Inner {
        /// The number of the last SIGTERM or SIGHUP; 0: none yet.
        received: Arc<AtomicUsize>,
        /// Written to by every watched signal and every waker: it wakes the wait.
        pipe: UnixStream,
        /// The pipe's other end, for wakers.
        write: UnixStream,
        /// Set by a waker before it writes to the pipe.
        woken: Arc<AtomicBool>,
        /// The terminal crossterm reads: standard input, or `/dev/tty` opened for it.
        tty: RawFd,
        _tty_file: Option<File>,
        ids: Vec<SigId>,
    }

    impl Inner {
        pub fn start() -> io::Result<Inner> {
            let (read, write) = UnixStream::pair()?;
            read.set_nonblocking(true)?;
            write.set_nonblocking(true)?;
            let received = Arc::new(AtomicUsize::new(0));
            let mut ids = Vec::new();
            // A second SIGTERM or SIGHUP, while the first is still being acted on, ends the
            // program at once, as the first did before it was caught.
            let again = Arc::new(std::sync::atomic::AtomicBool::new(false));
            for signal in [SIGTERM, SIGHUP] {
                ids.push(signal_hook::flag::register_conditional_shutdown(
                    signal,
                    128 + signal,
                    again.clone(),
                )?);
                ids.push(signal_hook::flag::register(signal, again.clone())?);
            }
            for signal in [SIGTERM, SIGHUP] {
                ids.push(signal_hook::flag::register_usize(
                    signal,
                    received.clone(),
                    signal as usize,
                )?);
            }
            for signal in [SIGTERM, SIGHUP, SIGWINCH] {
                ids.push(signal_hook::low_level::pipe::register(
                    signal,
                    write.try_clone()?,
                )?);
            }
            let (tty, tty_file) = if io::stdin().is_terminal() {
                (io::stdin().as_raw_fd(), None)
            } else {
                let file = File::open("/dev/tty")?;
                (file.as_raw_fd(), Some(file))
            };
            Ok(Inner {
                received,
                pipe: read,
                write,
                woken: Arc::default(),
                tty,
                _tty_file: tty_file,
                ids,
            })
        }

        pub fn waker(&self) -> io::Result<Waker> {
            Ok(Waker {
                pipe: self.write.try_clone()?,
                woken: self.woken.clone(),
            })
        }

        pub fn received(&self) -> Option<i32> {
            match self.received.load(Ordering::SeqCst) {
                0 => None,
                signal => Some(signal as i32),
            }
        }

        /// `poll(2)` on the terminal and the signals' pipe.
        pub fn wait(&self, timeout: Option<Duration>) -> io::Result<Wake> {
            let millis = timeout.map_or(-1, |t| t.as_millis().min(i32::MAX as u128) as i32);
            let mut fds = [
                libc::pollfd {
                    fd: self.tty,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: self.pipe.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            loop {
                // SAFETY: `fds` is a valid array of two pollfd for the length given.
                let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, millis) };
                if n >= 0 {
                    break;
                }
                let e = io::Error::last_os_error();
                if e.kind() != io::ErrorKind::Interrupted {
                    return Err(e);
                }
                if let Some(signal) = self.received() {
                    return Ok(Wake::Signal(signal));
                }
            }
            if fds[1].revents != 0 {
                let mut drained = [0u8; 64];
                while matches!((&self.pipe).read(&mut drained), Ok(n) if n > 0) {}
            }
            if let Some(signal) = self.received() {
                return Ok(Wake::Signal(signal));
            }
            let gone = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
            Ok(if fds[0].revents & gone != 0 {
                Wake::HungUp
            } else if self.woken.swap(false, Ordering::SeqCst) {
                Wake::Woken
            } else if fds[0].revents != 0 || fds[1].revents != 0 {
                Wake::Event
            } else {
                Wake::Timeout
            })
        }
    }

    pub struct Waker {
        pipe: UnixStream,
        woken: Arc<AtomicBool>,
    }

    impl Waker {
        pub fn wake(&self) {
            self.woken.store(true, Ordering::SeqCst);
            // A full pipe already wakes the wait; a byte more or less changes nothing.
            let _ = io::Write::write(&mut &self.pipe, &[1]);
        }
    }

    impl Drop for Inner {
        fn drop(&mut self) {
            for id in self.ids.drain(..) {
                signal_hook::low_level::unregister(id);
            }
        }
    }
}
