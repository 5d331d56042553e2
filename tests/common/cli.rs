//! Runs the real `truenorth` binary as a command, the way a leader or a script runs it
//! at a shell, on folders of the test's own: nothing a test does reads or writes the
//! person's journal, settings or home folder.
//!
//! The scratch folder holds `journal/` (given with `--journal`), `config/`
//! (`XDG_CONFIG_HOME`), `home/` (`HOME`) and `data/` (`XDG_DATA_HOME`), and anything
//! else a test writes, such as a spreadsheet to import, beside them.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{Local, NaiveDate};
use tempfile::TempDir;
use truenorth::store::Config;

use super::{BIN, day_file_relative};

/// One test's scratch folder, and how the binary is run on it.
pub struct Scratch {
    root: TempDir,
    journal_argument: bool,
    working_dir: PathBuf,
    env: Vec<(OsString, OsString)>,
}

impl Scratch {
    /// No settings file: the binary runs on its defaults, so the day rolls over at
    /// 4 am.
    pub fn new() -> Scratch {
        let root = tempfile::tempdir().expect("temp dir");
        let working_dir = root.path().to_path_buf();
        Scratch {
            root,
            journal_argument: true,
            working_dir,
            env: Vec::new(),
        }
    }

    /// `settings` as the settings file.
    pub fn with_settings(settings: &str) -> Scratch {
        let scratch = Scratch::new();
        scratch.write_settings(settings);
        scratch
    }

    /// Settings that start the journal day at midnight, so "today" is the calendar
    /// date whatever the hour the tests run at.
    pub fn with_midnight_rollover() -> Scratch {
        Scratch::with_settings("day_rollover_hour = 0\n")
    }

    /// Sets an environment variable for every run.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Scratch {
        self.env
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// Runs the binary without `--journal`, as a person who never names a journal
    /// does; the platform's journal folder is then inside the scratch `data/`.
    pub fn without_journal_argument(mut self) -> Scratch {
        self.journal_argument = false;
        self
    }

    /// Runs the binary in `folder` (inside the scratch folder unless absolute) rather
    /// than the scratch folder itself, so relative paths in arguments resolve there.
    /// The folder is made if missing: a command cannot start in one that is not there.
    pub fn working_dir(mut self, folder: impl AsRef<Path>) -> Scratch {
        self.working_dir = self.root.path().join(folder);
        fs::create_dir_all(&self.working_dir).expect("create the working folder");
        self
    }

    /// `relative` inside the scratch folder.
    pub fn path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.root.path().join(relative)
    }

    /// The journal given with `--journal`; the binary makes it on first use.
    pub fn journal(&self) -> PathBuf {
        self.path("journal")
    }

    /// Where the binary reads its settings on Linux, with `XDG_CONFIG_HOME` set.
    pub fn settings_dir(&self) -> PathBuf {
        self.path("config/truenorth")
    }

    pub fn settings_file(&self) -> PathBuf {
        self.settings_dir().join("config.toml")
    }

    /// Writes the settings file where Linux and macOS look for it, replacing any.
    pub fn write_settings(&self, settings: &str) {
        for folder in [
            self.settings_dir(),
            self.path("home/Library/Application Support/org.truenorth.truenorth"),
        ] {
            fs::create_dir_all(&folder).expect("create the settings folder");
            fs::write(folder.join("config.toml"), settings).expect("write the settings");
        }
    }

    /// Writes `contents` to `relative` inside the scratch folder, making folders.
    pub fn write(&self, relative: &str, contents: &(impl AsRef<[u8]> + ?Sized)) -> PathBuf {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folders");
        fs::write(&path, contents).expect("write a file");
        path
    }

    /// The journal day the binary calls "today" on these settings, read from the
    /// settings file so a test that rewrites it cannot fall out of step.
    pub fn today(&self) -> NaiveDate {
        let (settings, problems) = Config::load(&self.settings_file());
        assert!(
            problems.is_empty(),
            "today() needs usable settings: {problems:?}"
        );
        settings.journal_day(Local::now().naive_local())
    }

    pub fn day_file_path(&self, date: NaiveDate) -> PathBuf {
        self.journal().join(day_file_relative(date))
    }

    /// The text of `date`'s day file, empty when there is none.
    pub fn day_file_text(&self, date: NaiveDate) -> String {
        fs::read_to_string(self.day_file_path(date)).unwrap_or_default()
    }

    /// The command that [`Scratch::run`] runs, for a test that needs it wired
    /// differently (its standard output into a closed pipe, say).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        if self.journal_argument {
            command.arg("--journal").arg(self.journal());
        }
        command
            .args(args)
            .current_dir(&self.working_dir)
            .env_remove("TRUENORTH_DIR")
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_DATA_HOME", self.path("data"))
            .envs(self.env.iter().map(|(key, value)| (key, value)))
            .stdin(Stdio::null());
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run truenorth")
    }

    /// Runs with `input` on standard input, as `echo ... | truenorth ARGS` does.
    pub fn run_with_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run truenorth");
        let mut stdin = child.stdin.take().expect("piped stdin");
        stdin.write_all(input.as_bytes()).expect("write stdin");
        drop(stdin);
        child.wait_with_output().expect("truenorth finishes")
    }

    /// Runs with `input` on standard input and expects success; returns standard
    /// output.
    pub fn ok_with_stdin(&self, args: &[&str], input: &str) -> String {
        stdout(&exited_with(0, args, self.run_with_stdin(args, input)))
    }

    /// Runs and expects exit code `code`; returns standard output.
    pub fn exits_with(&self, code: i32, args: &[&str]) -> String {
        stdout(&self.run_expecting(code, args))
    }

    /// Runs and expects success; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        self.exits_with(0, args)
    }

    /// Runs and expects success; returns standard output and standard error, for
    /// commands that report what they did on the second.
    pub fn ok_with_stderr(&self, args: &[&str]) -> (String, String) {
        stdout_and_stderr(&self.run_expecting(0, args))
    }

    /// Runs and expects exit code 1; returns standard error.
    pub fn fails(&self, args: &[&str]) -> String {
        stderr(&self.run_expecting(1, args))
    }

    /// Runs and expects exit code 1; returns standard output then standard error, for
    /// commands that report what they did do before what went wrong.
    pub fn fails_with_stdout_and_stderr(&self, args: &[&str]) -> String {
        let output = self.run_expecting(1, args);
        format!("{}{}", stdout(&output), stderr(&output))
    }

    fn run_expecting(&self, code: i32, args: &[&str]) -> Output {
        exited_with(code, args, self.run(args))
    }
}

fn exited_with(code: i32, args: &[&str], output: Output) -> Output {
    assert!(
        output.status.code() == Some(code),
        "truenorth {args:?} exited with {}, not {code}\nstdout:\n{}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

pub fn stdout(output: &Output) -> String {
    utf8(&output.stdout, "standard output")
}

pub fn stderr(output: &Output) -> String {
    utf8(&output.stderr, "standard error")
}

pub fn stdout_and_stderr(output: &Output) -> (String, String) {
    (stdout(output), stderr(output))
}

fn utf8(bytes: &[u8], stream: &str) -> String {
    String::from_utf8(bytes.to_vec())
        .unwrap_or_else(|error| panic!("truenorth wrote {stream} that is not UTF-8: {error}"))
}
