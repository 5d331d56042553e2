//! Terminal input on its own thread.
//!
//! crossterm's `event::poll` never returns once the terminal is gone (a closed window,
//! a killed tmux server): the tty stays readable while every read gives nothing, and
//! its read loop retries forever (crossterm-rs/crossterm#793). Were the event loop
//! waiting inside it, a SIGHUP would never be noticed and unsaved text would be lost.
//! So this thread does the waiting, and the event loop only waits on a channel, with
//! a timeout, and always gets back to its signal check and drafts.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

/// How long the thread waits for input before looking at its pause flag.
const POLL: Duration = Duration::from_millis(25);
/// How long [`Input::pause`] waits for the thread to step away from the terminal.
const PAUSE_LIMIT: Duration = Duration::from_millis(500);

/// What the event loop hears from the input thread.
pub enum Heard {
    Event(Event),
    /// Nothing within the wait.
    Nothing,
    /// The terminal cannot be read any more.
    Gone(io::Error),
}

pub struct Input {
    events: Receiver<io::Result<Event>>,
    /// Set by the event loop while another program (the external editor) owns the
    /// terminal; the thread must not read its keys.
    paused: Arc<AtomicBool>,
    /// Set by the thread when it has seen `paused` and is not reading.
    resting: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

impl Input {
    pub fn start() -> io::Result<Input> {
        let (sender, events) = mpsc::channel();
        let paused = Arc::new(AtomicBool::new(false));
        let resting = Arc::new(AtomicBool::new(false));
        let (pause, rest) = (Arc::clone(&paused), Arc::clone(&resting));
        let thread = thread::Builder::new()
            .name("terminal input".to_string())
            .spawn(move || {
                loop {
                    if pause.load(Ordering::Acquire) {
                        rest.store(true, Ordering::Release);
                        thread::park_timeout(POLL);
                        continue;
                    }
                    rest.store(false, Ordering::Release);
                    let heard = match event::poll(POLL) {
                        Ok(false) => continue,
                        Ok(true) => event::read(),
                        Err(error) => Err(error),
                    };
                    let failed = heard.is_err();
                    // The event loop has ended when nobody listens any more.
                    if sender.send(heard).is_err() || failed {
                        return;
                    }
                }
            })?;
        Ok(Input {
            events,
            paused,
            resting,
            thread,
        })
    }

    /// The next event, waiting at most `wait`.
    pub fn next(&self, wait: Duration) -> Heard {
        Self::heard(self.events.recv_timeout(wait))
    }

    /// An event that is already waiting, if any.
    pub fn next_now(&self) -> Option<Event> {
        match Self::heard(
            self.events
                .try_recv()
                .map_err(|_| RecvTimeoutError::Timeout),
        ) {
            Heard::Event(event) => Some(event),
            _ => None,
        }
    }

    fn heard(received: Result<io::Result<Event>, RecvTimeoutError>) -> Heard {
        match received {
            Ok(Ok(event)) => Heard::Event(event),
            Ok(Err(error)) => Heard::Gone(error),
            Err(RecvTimeoutError::Timeout) => Heard::Nothing,
            Err(RecvTimeoutError::Disconnected) => {
                Heard::Gone(io::Error::other("the terminal input stopped"))
            }
        }
    }

    /// Stops reading the terminal, for another program to have it; returns once the
    /// thread is out of its read (or after a short limit, when the terminal is gone).
    pub fn pause(&self) {
        self.paused.store(true, Ordering::Release);
        let deadline = Instant::now() + PAUSE_LIMIT;
        while !self.resting.load(Ordering::Acquire) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn resume(&self) {
        self.resting.store(false, Ordering::Release);
        self.paused.store(false, Ordering::Release);
        self.thread.thread().unpark();
    }
}
