//! Hands an answer to the person's own editor: the `editor` setting, then `$VISUAL`,
//! then `$EDITOR`, then the first common editor that is installed.

use std::io::{self, Write};
use std::path::Path;
use std::process::Command;

/// Editors tried, in order, when nothing names one: nano first, since it shows its
/// own keys and most people can leave it.
#[cfg(not(windows))]
const FALLBACKS: &[&str] = &["nano", "vim", "vi"];
#[cfg(windows)]
const FALLBACKS: &[&str] = &["notepad"];

/// The command line to run and where it came from, to name in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    pub command: String,
    pub source: &'static str,
}

/// Which editor to run. The first of the setting, `$VISUAL` and `$EDITOR` that is set
/// is used, and must exist: an editor the person named that is missing is reported,
/// not quietly replaced. With none set, the first installed fallback. `env` reads an
/// environment variable and `installed` tells whether a program can be run, so the
/// rule is testable.
pub fn choose(
    configured: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    installed: impl Fn(&str) -> bool,
) -> Result<EditorCommand, String> {
    let named = [
        (configured.map(str::to_string), "`editor` in config.toml"),
        (env("VISUAL"), "$VISUAL"),
        (env("EDITOR"), "$EDITOR"),
    ]
    .into_iter()
    .find_map(|(command, source)| {
        command
            .map(|command| command.trim().to_string())
            .filter(|command| !command.is_empty())
            .map(|command| EditorCommand { command, source })
    });
    if let Some(editor) = named {
        let program = program_of(&editor.command);
        return if installed(&program) {
            Ok(editor)
        } else {
            Err(format!(
                "the editor `{program}` (from {}) was not found; install it, or name \
                 another with `editor` in config.toml",
                editor.source
            ))
        };
    }
    FALLBACKS
        .iter()
        .find(|program| installed(program))
        .map(|program| EditorCommand {
            command: program.to_string(),
            source: "the default",
        })
        .ok_or_else(|| {
            format!(
                "no editor found: none is set and none of {} is installed; name one with \
                 `editor` in config.toml (e.g. editor = \"nano\") or $EDITOR",
                FALLBACKS.join(", ")
            )
        })
}

/// [`choose`] for this process: its environment and its `PATH`.
pub fn choose_here(configured: Option<&str>) -> Result<EditorCommand, String> {
    choose(configured, |name| std::env::var(name).ok(), is_installed)
}

/// The program a command line runs: its first word, unquoted, after any `NAME=value`
/// assignments.
fn program_of(command: &str) -> String {
    let mut rest = command.trim_start();
    loop {
        let (word, after) = first_word(rest);
        let is_assignment = word.contains('=') && !word.contains('/') && !word.starts_with('=');
        if !is_assignment || after.trim().is_empty() {
            return word;
        }
        rest = after.trim_start();
    }
}

/// The first shell word of `text` without its quotes, and what follows it.
fn first_word(text: &str) -> (String, &str) {
    let mut word = String::new();
    let mut quote: Option<char> = None;
    for (at, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, c) if c.is_whitespace() => return (word, &text[at..]),
            _ => word.push(c),
        }
    }
    (word, "")
}

/// Whether `program` can be run: a path to an executable file, or a name found in a
/// `PATH` folder.
fn is_installed(program: &str) -> bool {
    if program.contains(std::path::MAIN_SEPARATOR) || program.contains('/') {
        return is_executable(Path::new(program));
    }
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        let candidate = dir.join(program);
        is_executable(&candidate)
            || (cfg!(windows) && is_executable(&candidate.with_extension("exe")))
    })
}

fn is_executable(path: &Path) -> bool {
    let Ok(metadata) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        metadata.is_file() && metadata.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        metadata.is_file()
    }
}

/// Writes `text` to a private temp file in `dir`, runs `editor` on it and returns the
/// edited text. The temp file lives in the journal folder (owner-only), not in a shared
/// temp folder (in memory when the journal is encrypted: [`scratch_dir`]), and is
/// removed afterwards. When the editor fails, its error says so
/// and the caller keeps the text as it was.
pub fn edit(text: &str, dir: &Path, editor: &EditorCommand) -> io::Result<String> {
    let mut file = tempfile::Builder::new()
        .prefix(".edit-")
        .suffix(".md")
        .tempfile_in(scratch_dir(dir)?)?;
    file.write_all(text.as_bytes())?;
    file.flush()?;
    let command = &editor.command;
    // Through the shell, so editors given with arguments ("code --wait") work.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} \"$1\""))
        .arg("truenorth-editor")
        .arg(file.path())
        .env_remove(crate::store::vault::PASSPHRASE_ENV)
        .status()
        .map_err(|error| io::Error::other(format!("could not start `{command}`: {error}")))?;
    if !status.success() {
        return Err(io::Error::other(format!(
            "`{command}` (from {}) stopped with {status}",
            editor.source
        )));
    }
    std::fs::read_to_string(file.path())
}

/// Where the text waits while the editor has it: the journal folder (owner-only), or
/// for an encrypted journal a folder kept in memory, so that decrypted text never
/// reaches the disk. Without such a folder the editor is not run.
fn scratch_dir(journal: &Path) -> io::Result<std::path::PathBuf> {
    use crate::store::vault::{self, State};
    if matches!(vault::state(journal), Ok(State::Plain)) {
        return Ok(journal.to_path_buf());
    }
    // The user's own runtime folder is memory-backed on systemd systems, /dev/shm on
    // every Linux.
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(std::path::PathBuf::from)
        .filter(|dir| dir.is_absolute() && dir.is_dir())
        .or_else(|| {
            let shm = Path::new("/dev/shm");
            (cfg!(target_os = "linux") && shm.is_dir()).then(|| shm.to_path_buf())
        })
        .ok_or_else(|| {
            io::Error::other(
                "the journal is encrypted and this system has no folder kept in memory \
                 for the editor's copy, so your text would reach the disk unencrypted; \
                 write the answer here instead",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encrypted_journal_never_gets_the_editor_copy_on_its_disk() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(scratch_dir(dir.path()).unwrap(), dir.path());
        std::fs::write(dir.path().join(crate::store::vault::KEY_FILE), b"key").unwrap();
        // In memory, or refused with a reason; never the journal folder.
        match scratch_dir(dir.path()) {
            Ok(scratch) => assert_ne!(scratch, dir.path()),
            Err(error) => assert!(error.to_string().contains("encrypted"), "{error}"),
        }
    }

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        }
    }

    fn only<'a>(programs: &'a [&'a str]) -> impl Fn(&str) -> bool + 'a {
        move |program| programs.contains(&program)
    }

    #[test]
    fn the_setting_comes_before_visual_and_editor() {
        let vars = [("VISUAL", "vim"), ("EDITOR", "nano")];
        let chosen = choose(Some("code --wait"), env(&vars), only(&["code", "vim"])).unwrap();
        assert_eq!(chosen.command, "code --wait");
        assert_eq!(chosen.source, "`editor` in config.toml");
        let chosen = choose(None, env(&vars), only(&["vim"])).unwrap();
        assert_eq!((chosen.command.as_str(), chosen.source), ("vim", "$VISUAL"));
        let vars = [("VISUAL", "  "), ("EDITOR", "nano -w")];
        let chosen = choose(None, env(&vars), only(&["nano"])).unwrap();
        assert_eq!(
            (chosen.command.as_str(), chosen.source),
            ("nano -w", "$EDITOR")
        );
    }

    #[test]
    fn without_a_named_editor_the_first_installed_fallback_is_used() {
        let chosen = choose(None, env(&[]), only(&["vi", "vim", "notepad"])).unwrap();
        // In the fallbacks' order, not the order they were found in.
        #[cfg(not(windows))]
        assert_eq!(chosen.command, "vim");
        assert_eq!(chosen.source, "the default");
        let none = choose(None, env(&[]), only(&[])).unwrap_err();
        assert!(none.starts_with("no editor found"), "{none}");
        assert!(none.contains("`editor` in config.toml"), "{none}");
    }

    #[test]
    fn a_named_editor_that_is_missing_is_reported_not_replaced() {
        let vars = [("EDITOR", "nano")];
        let error = choose(Some("subl -w"), env(&vars), only(&["nano"])).unwrap_err();
        assert_eq!(
            error,
            "the editor `subl` (from `editor` in config.toml) was not found; install it, \
             or name another with `editor` in config.toml"
        );
    }

    #[test]
    fn the_program_is_the_first_word_unquoted() {
        assert_eq!(program_of("code --wait"), "code");
        assert_eq!(
            program_of("\"/Applications/My Editor.app/bin/ed\" -w"),
            "/Applications/My Editor.app/bin/ed"
        );
        assert_eq!(program_of("TERM=xterm vim"), "vim");
        assert_eq!(program_of("  nano"), "nano");
    }

    #[cfg(unix)]
    #[test]
    fn the_editor_runs_on_the_text_and_a_failure_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let appender = EditorCommand {
            command: "sh -c 'printf \" and more\" >> \"$0\"'".to_string(),
            source: "$EDITOR",
        };
        assert_eq!(
            edit("some text", dir.path(), &appender).unwrap(),
            "some text and more"
        );
        let failing = EditorCommand {
            command: "false".to_string(),
            source: "$EDITOR",
        };
        let error = edit("some text", dir.path(), &failing).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("`false` (from $EDITOR) stopped with"),
            "{error}"
        );
        // The temp files are gone either way.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(is_installed("sh"));
        assert!(!is_installed("surely-no-such-editor-here"));
    }
}
