//! `truenorth encrypt`, `truenorth decrypt`, and the passphrase asked at start when
//! the journal is encrypted, for the app and every command alike.
//!
//! The passphrase comes from `TRUENORTH_PASSPHRASE` when it is set (scripts, tests),
//! otherwise from the terminal without echo. It is held only as long as it takes to
//! open the key, wiped from memory after (what is typed too: `typed.rs`), never
//! written anywhere, and never printed.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use age::secrecy::zeroize::Zeroizing;
use age::secrecy::{ExposeSecret, SecretString};

use self::typed::Typed;
use crate::store::Paths;
use crate::store::vault::{
    self, Converted, KEY_FILE, KeySource, PASSPHRASE_ENV, State, Vault, VaultError,
};

mod typed;

/// How many wrong passphrases a person may type before truenorth gives up.
pub const TRIES: usize = 3;

/// How many empty answers (Enter alone) are asked again before truenorth gives up.
const EMPTY_ANSWERS: usize = 10;

/// Where passphrases come from.
pub trait Asker {
    /// Asks for a passphrase with `prompt`, without showing what is typed.
    fn ask(&mut self, prompt: &str) -> io::Result<SecretString>;
    /// Tells the person something (a wrong passphrase, a mismatch).
    fn say(&mut self, message: &str);
    /// Whether asking again can give another answer (not for a variable).
    fn can_retry(&self) -> bool;
}

/// The person at the terminal: prompts and answers go through the terminal device,
/// so standard output stays clean for `truenorth list | ...`.
pub struct Terminal;

impl Asker for Terminal {
    fn ask(&mut self, prompt: &str) -> io::Result<SecretString> {
        read_hidden(prompt).map_err(|error| match error.kind() {
            io::ErrorKind::Interrupted => error,
            kind => io::Error::new(
                kind,
                format!(
                    "cannot ask for the passphrase ({error}); run truenorth in a \
                     terminal or set {PASSPHRASE_ENV}"
                ),
            ),
        })
    }

    fn say(&mut self, message: &str) {
        eprintln!("{message}");
    }

    fn can_retry(&self) -> bool {
        true
    }
}

/// Puts the terminal back as it was, however the reading ends.
struct RawMode;

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// Reads a line from the terminal without showing it. The terminal is in raw mode
/// meanwhile, so Ctrl-C arrives as a key rather than a signal that would end
/// truenorth with echo still off: it puts the terminal back and gives
/// [`io::ErrorKind::Interrupted`].
fn read_hidden(prompt: &str) -> io::Result<SecretString> {
    use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

    let mut tty = std::fs::OpenOptions::new().write(true).open(tty_path())?;
    write!(tty, "{prompt}")?;
    tty.flush()?;
    crossterm::terminal::enable_raw_mode()?;
    let raw = RawMode;
    let mut typed = Typed::new();
    let ended = loop {
        let key = match event::read() {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => key,
            Ok(Event::Paste(text)) => {
                typed.push_str(&Zeroizing::new(text));
                continue;
            }
            Ok(_) => continue,
            Err(error) => break Err(error),
        };
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => break Ok(()),
            KeyCode::Char('c') if control => {
                break Err(io::Error::new(
                    io::ErrorKind::Interrupted,
                    "stopped at the passphrase prompt; nothing was opened or changed",
                ));
            }
            KeyCode::Char('d') if control && typed.is_empty() => {
                break Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal closed the input",
                ));
            }
            KeyCode::Char('u') if control => typed.clear(),
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char(c) if !control => typed.push(c),
            _ => {}
        }
    };
    drop(raw);
    // Enter was not echoed: end the prompt's line.
    let _ = writeln!(tty);
    ended.map(|()| typed.into_secret())
}

#[cfg(unix)]
fn tty_path() -> &'static str {
    "/dev/tty"
}

#[cfg(windows)]
fn tty_path() -> &'static str {
    "CONOUT$"
}

/// The passphrase in [`PASSPHRASE_ENV`].
pub struct FromEnv(SecretString);

impl Asker for FromEnv {
    fn ask(&mut self, _prompt: &str) -> io::Result<SecretString> {
        Ok(self.0.clone())
    }

    fn say(&mut self, message: &str) {
        eprintln!("{message}");
    }

    fn can_retry(&self) -> bool {
        false
    }
}

/// The variable when it is set, the terminal otherwise.
pub fn asker() -> Box<dyn Asker> {
    match std::env::var(PASSPHRASE_ENV) {
        Ok(passphrase) => Box::new(FromEnv(SecretString::from(passphrase))),
        Err(_) => Box::new(Terminal),
    }
}

/// Before the app or a command opens the journal: asks for the passphrase when the
/// journal is encrypted and not yet unlocked in this process. Nothing to do for a
/// plain journal.
pub fn unlock_journal(paths: &Paths, asker: &mut dyn Asker) -> anyhow::Result<()> {
    match vault::state(&paths.data)? {
        State::Plain => Ok(()),
        State::Encrypted if Vault::for_root(&paths.data).is_ok() => Ok(()),
        State::Encrypted => unlock(&paths.data, asker).map(drop),
        State::Converting(direction) => Err(VaultError::Interrupted {
            root: paths.data.clone(),
            direction,
        }
        .into()),
    }
}

/// Opens the key of the journal at `root`, asking up to [`TRIES`] times. Enter alone
/// (an empty answer) is asked again without costing a try.
pub fn unlock(root: &Path, asker: &mut dyn Asker) -> anyhow::Result<Vault> {
    let prompt = format!("Passphrase for the journal in {}: ", root.display());
    let mut tries_left = TRIES;
    let mut empty_answers = 0;
    while tries_left > 0 {
        let passphrase = asker.ask(&prompt)?;
        if passphrase.expose_secret().is_empty() {
            if !asker.can_retry() {
                anyhow::bail!(
                    "{PASSPHRASE_ENV} is empty; set it to the passphrase of the journal in {}",
                    root.display()
                );
            }
            // A terminal that keeps sending empty lines is not a person typing.
            empty_answers += 1;
            if empty_answers > EMPTY_ANSWERS {
                anyhow::bail!(
                    "no passphrase was typed; the journal in {} stays locked and unchanged",
                    root.display()
                );
            }
            asker.say("Type the journal's passphrase, then Enter (Ctrl-C leaves).");
            continue;
        }
        tries_left -= 1;
        match Vault::unlock(root, &passphrase) {
            Ok(vault) => return Ok(vault),
            Err(VaultError::WrongPassphrase) if !asker.can_retry() => {
                anyhow::bail!(
                    "{PASSPHRASE_ENV} does not open the journal in {}; check it and try \
                     again",
                    root.display()
                );
            }
            Err(VaultError::WrongPassphrase) if tries_left > 0 => {
                let tries = if tries_left == 1 { "try" } else { "tries" };
                asker.say(&format!(
                    "That passphrase does not open this journal. Try again \
                     ({tries_left} {tries} left)."
                ));
            }
            Err(VaultError::WrongPassphrase) => {}
            Err(other) => return Err(other.into()),
        }
    }
    anyhow::bail!(
        "{TRIES} wrong passphrases; the journal in {} stays locked and unchanged",
        root.display()
    )
}

/// Asks for a new passphrase, twice, until both agree (up to [`TRIES`] times).
pub fn new_passphrase(asker: &mut dyn Asker) -> anyhow::Result<SecretString> {
    for _ in 0..TRIES {
        let first = asker.ask("New passphrase for the journal: ")?;
        if first.expose_secret().is_empty() {
            if !asker.can_retry() {
                anyhow::bail!("{PASSPHRASE_ENV} is empty; an empty passphrase protects nothing");
            }
            asker.say("An empty passphrase would protect nothing; please type one.");
            continue;
        }
        if !asker.can_retry() {
            return Ok(first);
        }
        let again = asker.ask("The same passphrase again: ")?;
        if again.expose_secret() == first.expose_secret() {
            return Ok(first);
        }
        asker.say("The two passphrases differ; please type them again.");
    }
    anyhow::bail!("no passphrase was agreed on; the journal is unchanged")
}

/// `truenorth encrypt`: encrypts the journal in place, or finishes an interrupted
/// conversion. Asks for a new passphrase when the journal has no key yet, for its
/// passphrase when it has one. The caller holds the journal's lock (converting while
/// another truenorth writes would mix the two forms).
pub fn encrypt(paths: &Paths, asker: &mut dyn Asker, out: &mut impl Write) -> anyhow::Result<()> {
    let root = &paths.data;
    let was = vault::state(root)?;
    let key = if root.join(KEY_FILE).exists() {
        KeySource::Unlocked(unlock(root, asker)?)
    } else {
        // "Choose" only when it will be asked: one in the variable is already chosen.
        let which = if asker.can_retry() {
            "Choose a passphrase.".to_string()
        } else {
            format!("Using the passphrase in {PASSPHRASE_ENV}.")
        };
        writeln!(
            out,
            "{which} Without it the journal cannot be read:\n\
             truenorth keeps no copy and cannot recover it."
        )?;
        KeySource::New {
            passphrase: new_passphrase(asker)?,
            work_factor: vault::WORK_FACTOR,
        }
    };
    let converted = vault::encrypt_journal(root, key, &mut progress("Encrypting"))?;
    let files = files(&converted);
    match was {
        State::Encrypted if converted.converted == 0 => writeln!(
            out,
            "The journal in {} is already encrypted.",
            root.display()
        )?,
        State::Converting(_) => writeln!(
            out,
            "Finished encrypting the journal in {}: {files}.",
            root.display()
        )?,
        _ => writeln!(out, "Encrypted the journal in {}: {files}.", root.display())?,
    }
    writeln!(
        out,
        "truenorth asks for the passphrase when it starts (or reads {PASSPHRASE_ENV}).\n\
         Keep {KEY_FILE} with the journal and in every backup: without it nothing can be \
         decrypted.\nTo read a file without truenorth: age -d -i {KEY_FILE} FILE.age"
    )?;
    Ok(())
}

/// `truenorth decrypt`: turns an encrypted journal back into plain files and removes
/// its key. The caller holds the journal's lock.
pub fn decrypt(paths: &Paths, asker: &mut dyn Asker, out: &mut impl Write) -> anyhow::Result<()> {
    let root = &paths.data;
    let state = vault::state(root)?;
    if state == State::Plain {
        writeln!(out, "The journal in {} is not encrypted.", root.display())?;
        return Ok(());
    }
    if !root.join(KEY_FILE).exists() {
        // A conversion stopped before the key was made, or a decrypt stopped after it
        // removed it: only the note is left, once no encrypted file remains.
        vault::finish_without_key(root)?;
        writeln!(out, "The journal in {} is plain.", root.display())?;
        return Ok(());
    }
    let vault = unlock(root, asker)?;
    let converted = vault::decrypt_journal(root, &vault, &mut progress("Decrypting"))?;
    writeln!(
        out,
        "Decrypted the journal in {}: {}. Its files are plain text again.",
        root.display(),
        files(&converted)
    )?;
    Ok(())
}

/// A count on the terminal's error stream while a conversion runs (it takes half a
/// minute on a ten-year journal); nothing when that stream is not a terminal.
fn progress(verb: &'static str) -> impl FnMut(usize, usize) {
    let shown = std::io::stderr().is_terminal();
    move |done, total| {
        if !shown || total < 200 || (!done.is_multiple_of(100) && done != total) {
            return;
        }
        let end = if done == total { "\n" } else { "" };
        eprint!("\r{verb}: {done} of {total} files{end}");
    }
}

fn files(converted: &Converted) -> String {
    let plural = |n: usize| if n == 1 { "file" } else { "files" };
    let mut text = format!(
        "{} {} converted",
        converted.converted,
        plural(converted.converted)
    );
    if converted.unchanged > 0 {
        text.push_str(&format!(
            ", {} already done by an earlier run",
            converted.unchanged
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A person who types these answers in turn.
    struct Typist {
        answers: Vec<&'static str>,
        prompts: Vec<String>,
        said: Vec<String>,
    }

    impl Typist {
        fn new(answers: &[&'static str]) -> Typist {
            Typist {
                answers: answers.iter().rev().copied().collect(),
                prompts: Vec::new(),
                said: Vec::new(),
            }
        }
    }

    impl Asker for Typist {
        fn ask(&mut self, prompt: &str) -> io::Result<SecretString> {
            self.prompts.push(prompt.to_string());
            let answer = self.answers.pop().expect("asked more often than expected");
            Ok(SecretString::from(answer.to_string()))
        }
        fn say(&mut self, message: &str) {
            self.said.push(message.to_string());
        }
        fn can_retry(&self) -> bool {
            true
        }
    }

    fn encrypted_journal() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let key = KeySource::New {
            passphrase: SecretString::from("right".to_string()),
            work_factor: 10,
        };
        vault::encrypt_journal(dir.path(), key, &mut |_, _| {}).unwrap();
        dir
    }

    #[test]
    fn a_wrong_passphrase_is_asked_again_with_the_tries_left() {
        let dir = encrypted_journal();
        let mut typist = Typist::new(&["wrong", "also wrong", "right"]);
        unlock(dir.path(), &mut typist).unwrap();
        assert_eq!(typist.prompts.len(), 3);
        assert!(typist.prompts[0].starts_with("Passphrase for the journal in "));
        assert_eq!(
            typist.said,
            [
                "That passphrase does not open this journal. Try again (2 tries left).",
                "That passphrase does not open this journal. Try again (1 try left).",
            ]
        );
    }

    #[test]
    fn enter_alone_is_asked_again_without_costing_a_try() {
        let dir = encrypted_journal();
        let mut typist = Typist::new(&["", "wrong", "", "", "also wrong", "right"]);
        unlock(dir.path(), &mut typist).unwrap();
        assert_eq!(typist.prompts.len(), 6);
        assert_eq!(
            typist.said,
            [
                "Type the journal's passphrase, then Enter (Ctrl-C leaves).",
                "That passphrase does not open this journal. Try again (2 tries left).",
                "Type the journal's passphrase, then Enter (Ctrl-C leaves).",
                "Type the journal's passphrase, then Enter (Ctrl-C leaves).",
                "That passphrase does not open this journal. Try again (1 try left).",
            ]
        );
        // Endless empty lines (not a person) end it, and an empty variable is named.
        let mut typist = Typist::new(&[""; 11]);
        let error = unlock(dir.path(), &mut typist).unwrap_err().to_string();
        assert!(error.starts_with("no passphrase was typed"), "{error}");
        let mut env = FromEnv(SecretString::from(String::new()));
        let error = unlock(dir.path(), &mut env).unwrap_err().to_string();
        assert!(
            error.starts_with("TRUENORTH_PASSPHRASE is empty"),
            "{error}"
        );
    }

    #[test]
    fn three_wrong_passphrases_give_up_and_a_variable_is_tried_once() {
        let dir = encrypted_journal();
        let mut typist = Typist::new(&["a", "b", "c"]);
        let error = unlock(dir.path(), &mut typist).unwrap_err().to_string();
        assert!(error.starts_with("3 wrong passphrases"), "{error}");
        let mut env = FromEnv(SecretString::from("nope".to_string()));
        let error = unlock(dir.path(), &mut env).unwrap_err().to_string();
        assert!(
            error.starts_with("TRUENORTH_PASSPHRASE does not open"),
            "{error}"
        );
    }

    #[test]
    fn a_new_passphrase_must_be_typed_twice_the_same_and_not_empty() {
        let mut typist = Typist::new(&["", "first", "frist", "first", "first"]);
        let chosen = new_passphrase(&mut typist).unwrap();
        assert_eq!(chosen.expose_secret(), "first");
        assert_eq!(typist.said.len(), 2, "{:?}", typist.said);
        let mut typist = Typist::new(&["a", "b", "c", "d", "e", "f"]);
        assert!(new_passphrase(&mut typist).is_err());
    }
}
