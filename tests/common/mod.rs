//! A small harness for end-to-end tests: runs the real `truenorth` binary in a
//! pseudo-terminal, types keys into it and reads the screen back through a `vt100`
//! terminal emulator, the way a person at a terminal would.
//!
//! Nothing here can hang a test: every wait has a timeout, and a [`Session`] that is
//! dropped (also when its test panics) kills its process.
//!
//! [`cli`] runs the binary as a plain command instead, for the tests of its
//! subcommands; [`screen`] drives the app in-process and draws it into a test
//! backend.

#![allow(dead_code)] // Each test binary uses its own part of the harness.

pub mod cli;
pub mod screen;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

/// How long [`Session::wait_for`] and friends wait before giving up.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(15);
/// How long the app must have written nothing for its screen to count as drawn.
const SETTLE: Duration = Duration::from_millis(40);

/// The path of the binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_truenorth");

/// Keys as the bytes a terminal sends for them.
pub mod keys {
    pub const TAB: &str = "\t";
    pub const SHIFT_TAB: &str = "\x1b[Z";
    pub const ESC: &str = "\x1b";
    pub const ENTER: &str = "\r";
    pub const CTRL_C: &str = "\x03";
    pub const CTRL_E: &str = "\x05";
    pub const CTRL_S: &str = "\x13";
    pub const CTRL_U: &str = "\x15";
    pub const F1: &str = "\x1bOP";
    pub const LEFT: &str = "\x1b[D";
    pub const RIGHT: &str = "\x1b[C";
}

/// The sequence a terminal app writes when it leaves the alternate screen, i.e. when it
/// gives the terminal back to the shell.
pub const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";

/// A private folder per test: `data/` is the journal (`TRUENORTH_DIR`), `home/` stands
/// in for the home folder so no test reads or writes the real one.
pub struct Sandbox {
    root: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let root = tempfile::Builder::new()
            .prefix("truenorth-e2e-")
            .tempdir()
            .expect("create a temp dir");
        std::fs::create_dir_all(root.path().join("data")).expect("create data dir");
        // As truenorth makes it: a journal others can read is reported at start.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let private = std::fs::Permissions::from_mode(0o700);
            std::fs::set_permissions(root.path().join("data"), private).expect("chmod data");
        }
        std::fs::create_dir_all(root.path().join("home")).expect("create home dir");
        Sandbox { root }
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// The journal folder the app is pointed at.
    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// `data/drafts.toml`.
    pub fn drafts_file(&self) -> PathBuf {
        self.data().join("drafts.toml")
    }

    /// `data/journal/YYYY/YYYY-MM-DD.toml`.
    pub fn day_file(&self, date: chrono::NaiveDate) -> PathBuf {
        self.data().join(day_file_relative(date))
    }

    /// Writes `contents` to `relative` inside the journal folder, creating folders.
    pub fn write(&self, relative: &str, contents: &[u8]) -> PathBuf {
        let path = self.data().join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create dirs");
        std::fs::write(&path, contents).expect("write fixture");
        path
    }

    /// Writes an executable shell script into the sandbox root and returns its path.
    pub fn script(&self, name: &str, body: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let path = self.root.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .expect("make script executable");
        path
    }

    /// A launch of the app on this sandbox's journal, at 80x24.
    pub fn launch(&self) -> Launch {
        Launch {
            cols: 80,
            rows: 24,
            args: Vec::new(),
            env: vec![
                ("TRUENORTH_DIR".into(), self.data().display().to_string()),
                ("HOME".into(), self.home().display().to_string()),
                (
                    "XDG_CONFIG_HOME".into(),
                    self.home().join(".config").display().to_string(),
                ),
                (
                    "XDG_DATA_HOME".into(),
                    self.home().join(".local/share").display().to_string(),
                ),
                ("TERM".into(), "xterm-256color".into()),
            ],
            cwd: self.root.path().to_path_buf(),
        }
    }

    /// Starts the app at 80x24 with the default environment.
    pub fn start(&self) -> Session {
        self.launch().spawn()
    }

    /// Runs the binary without a terminal (for `--help`, `doctor` ...), with the
    /// sandbox's environment, and returns its output. Panics after [`TIMEOUT`].
    pub fn run_cli(&self, args: &[&str]) -> Output {
        let launch = self.launch();
        let mut command = Command::new(BIN);
        command
            .args(args)
            .current_dir(&launch.cwd)
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &launch.env {
            command.env(key, value);
        }
        run_with_timeout(command, TIMEOUT)
    }
}

/// `journal/YYYY/YYYY-MM-DD.toml`, as the app names a day's file.
pub fn day_file_relative(date: chrono::NaiveDate) -> String {
    format!(
        "journal/{}/{}.toml",
        date.format("%Y"),
        date.format("%Y-%m-%d")
    )
}

/// The journal day the app and the commands call "today" on the default settings:
/// the machine's local date, or the day before until the rollover hour (4 am), so
/// tests run after midnight agree with the binary.
pub fn today() -> chrono::NaiveDate {
    truenorth::store::Config::default().journal_day(chrono::Local::now().naive_local())
}

/// How the header names a date: "Wed 25 Nov 2026".
pub fn header_date(date: chrono::NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// Everything needed to start the app in a pseudo-terminal.
pub struct Launch {
    cols: u16,
    rows: u16,
    args: Vec<String>,
    env: Vec<(String, String)>,
    cwd: PathBuf,
}

impl Launch {
    pub fn size(mut self, cols: u16, rows: u16) -> Launch {
        self.cols = cols;
        self.rows = rows;
        self
    }

    pub fn arg(mut self, arg: &str) -> Launch {
        self.args.push(arg.to_string());
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Launch {
        let value = value.as_ref().to_string_lossy().into_owned();
        self.env.retain(|(existing, _)| existing != key);
        self.env.push((key.to_string(), value));
        self
    }

    pub fn spawn(self) -> Session {
        Session::spawn(self)
    }

    /// The command this launch runs, for a test that drives the pseudo-terminal
    /// itself.
    pub fn command(&self) -> CommandBuilder {
        let mut command = CommandBuilder::new(BIN);
        command.args(&self.args);
        command.cwd(&self.cwd);
        command.env_remove("VISUAL");
        command.env_remove("EDITOR");
        for (key, value) in &self.env {
            command.env(key, value);
        }
        command
    }

    pub fn pty_size(&self) -> PtySize {
        PtySize {
            rows: self.rows,
            cols: self.cols,
            pixel_width: 0,
            pixel_height: 0,
        }
    }
}

type SharedWriter = Arc<Mutex<Box<dyn Write + Send>>>;

/// The terminal's side of the conversation: draws the app's output on a `vt100`
/// screen, keeps the raw bytes, and answers cursor-position queries (`ESC[6n`) the way
/// a real terminal does (ratatui asks, e.g. in `Terminal::clear`, and gives up with an
/// error if nobody answers).
struct Emulator {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    answers: SharedWriter,
    /// The last few bytes seen, so a query split across two reads is still noticed.
    tail: Vec<u8>,
}

impl Emulator {
    const CURSOR_POSITION_QUERY: &[u8] = b"\x1b[6n";

    fn feed(&mut self, bytes: &[u8]) {
        lock(&self.raw).extend_from_slice(bytes);
        let mut seen = std::mem::take(&mut self.tail);
        let carried = seen.len();
        seen.extend_from_slice(bytes);
        let query = Self::CURSOR_POSITION_QUERY;
        let mut drawn = 0; // how much of `bytes` the screen has seen
        for end in (query.len()..=seen.len()).filter(|&end| &seen[end - query.len()..end] == query)
        {
            // `tail` is shorter than a query, so every match ends inside `bytes`.
            let end = end - carried;
            let mut parser = lock(&self.parser);
            parser.process(&bytes[drawn..end]);
            drawn = end;
            let (row, col) = parser.screen().cursor_position();
            drop(parser);
            let mut answers = lock(&self.answers);
            let _ = write!(answers, "\x1b[{};{}R", row + 1, col + 1);
            let _ = answers.flush();
        }
        lock(&self.parser).process(&bytes[drawn..]);
        self.tail = seen[seen.len().saturating_sub(query.len() - 1)..].to_vec();
    }
}

/// The app running in a pseudo-terminal, with the screen it draws.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: SharedWriter,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    output_closed: Arc<AtomicBool>,
    exit: Option<ExitStatus>,
}

impl Session {
    fn spawn(launch: Launch) -> Session {
        let pty = native_pty_system()
            .openpty(launch.pty_size())
            .expect("open a pseudo-terminal");
        let command = launch.command();
        let child = pty.slave.spawn_command(command).expect("start truenorth");
        // Only the child holds the terminal's other end now, so reading sees the end
        // of output when the child (and anything it started) has gone.
        drop(pty.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            non_zero(launch.rows),
            non_zero(launch.cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let output_closed = Arc::new(AtomicBool::new(false));
        let writer: SharedWriter =
            Arc::new(Mutex::new(pty.master.take_writer().expect("pty writer")));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let mut emulator = Emulator {
            parser: Arc::clone(&parser),
            raw: Arc::clone(&raw),
            answers: Arc::clone(&writer),
            tail: Vec::new(),
        };
        {
            let output_closed = Arc::clone(&output_closed);
            thread::spawn(move || {
                let mut buffer = [0u8; 8192];
                loop {
                    match reader.read(&mut buffer) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => emulator.feed(&buffer[..n]),
                    }
                }
                output_closed.store(true, Ordering::SeqCst);
            });
        }
        Session {
            child,
            master: pty.master,
            writer,
            parser,
            raw,
            output_closed,
            exit: None,
        }
    }

    /// Types raw bytes, e.g. text or one of [`keys`].
    pub fn send(&mut self, bytes: &str) {
        let mut writer = lock(&self.writer);
        writer
            .write_all(bytes.as_bytes())
            .and_then(|()| writer.flush())
            .expect("write to the pty");
    }

    /// Presses Esc on its own. The pause keeps the next key from being read together
    /// with it as Alt+key.
    pub fn esc(&mut self) {
        self.send(keys::ESC);
        thread::sleep(Duration::from_millis(120));
    }

    /// The screen's text, row by row.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// Everything the app has written to the terminal so far.
    pub fn raw_output(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    /// Waits until the screen contains `text` and returns the screen; panics with the
    /// screen after [`TIMEOUT`].
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// Waits until the screen contains every one of `texts` at once. Use this rather
    /// than `wait_for` plus `assert!`s on the returned screen when the texts are drawn
    /// in the same frame: a frame can arrive in pieces.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("the screen to show all of {texts:?}"), |screen| {
            texts.iter().all(|text| screen.contains(text))
        })
    }

    /// Waits until the screen no longer contains `text`.
    pub fn wait_for_absent(&self, text: &str) -> String {
        self.wait_until(&format!("the screen to stop showing {text:?}"), |screen| {
            !screen.contains(text)
        })
    }

    /// Waits until `ready` holds for the screen and the app has stopped drawing for a
    /// moment (so the screen returned is a whole frame, not half of one), and returns
    /// the screen; panics with `what` and the screen after [`TIMEOUT`].
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let before = self.output_len();
            let screen = self.screen();
            if ready(&screen) {
                thread::sleep(SETTLE);
                let screen = self.screen();
                let quiet = self.output_len() == before;
                // An app that never stops drawing still gets an answer at the deadline.
                if ready(&screen) && (quiet || Instant::now() >= deadline) {
                    return screen;
                }
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; the screen was:\n{}",
                    framed(&screen)
                );
            }
            thread::sleep(POLL);
        }
    }

    fn output_len(&self) -> usize {
        lock(&self.raw).len()
    }

    /// Resizes the terminal, as a person dragging the window would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.parser).set_size(non_zero(rows), non_zero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Whether the terminal echoes what is typed, as `stty -a` would show it (`echo`
    /// or `-echo`); the settings outlive the program, as in a real terminal window.
    #[allow(dead_code)]
    pub fn echoes(&self) -> bool {
        let termios = self.master.get_termios().expect("the terminal's settings");
        // Read from the flags' names, so this needs no terminal crate of its own:
        // `LocalFlags(ECHOKE | ECHOE | ECHOK | ECHO | ...)`.
        let flags = format!("{:?}", termios.local_flags);
        flags
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .any(|flag| flag == "ECHO")
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Sends a signal by name ("TERM", "HUP" ...) with `kill(1)`.
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} failed: {status}");
    }

    /// Waits for the app to exit and for its last output to be read; panics with the
    /// screen if it is still running after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                break status;
            }
            if Instant::now() >= deadline {
                panic!(
                    "truenorth still running after {timeout:?}; the screen was:\n{}",
                    framed(&self.screen())
                );
            }
            thread::sleep(POLL);
        };
        self.exit = Some(status.clone());
        // The output written just before exiting may still be in flight.
        while !self.output_closed.load(Ordering::SeqCst) && Instant::now() < deadline {
            thread::sleep(POLL);
        }
        status
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.exit.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            // SIGHUP, then SIGKILL if it is still there shortly after.
            let _ = self.child.kill();
            let deadline = Instant::now() + Duration::from_secs(2);
            while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
                thread::sleep(POLL);
            }
        }
    }
}

fn non_zero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal needs at least one row and column")
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not hide the screen from the next look at it.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The screen with a ruler around it, so trailing blanks and edges are visible.
fn framed(screen: &str) -> String {
    let rule = "-".repeat(40);
    format!("{rule}\n{screen}\n{rule}")
}

/// Runs `command` to completion, killing it and panicking after `timeout`.
fn run_with_timeout(mut command: Command, timeout: Duration) -> Output {
    let mut child = command.spawn().expect("start truenorth");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll the child") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} still running after {timeout:?}");
        }
        thread::sleep(POLL);
    };
    Output {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}
