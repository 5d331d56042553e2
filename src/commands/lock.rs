//! The commands that write the journal hold its lock while they run, so they never
//! write at the same time as the app or each other (see `store::lock`).

use std::time::Duration;

use anyhow::anyhow;

use crate::cli::{Command, CommitCommand, PackCommand, PeopleCommand, TagsCommand};
use crate::store::Paths;
use crate::store::lock::{JournalLock, LockError};
use crate::store::writable::{self, Unwritable};

/// How long a command waits for another writer before giving up: long enough for a
/// command halfway through a save, short enough not to seem stuck behind an open app.
pub const PATIENCE: Duration = Duration::from_secs(2);

/// The name a writing command goes by in the lock (and so in messages about who
/// holds it); `None` for commands that only read, or write outside the journal.
pub fn writer_name(command: &Command) -> Option<&'static str> {
    match command {
        Command::Add { .. } => Some("truenorth add"),
        Command::Encrypt => Some("truenorth encrypt"),
        Command::Decrypt => Some("truenorth decrypt"),
        Command::Import(args) if args.apply => Some("truenorth import --apply"),
        Command::Tags {
            command: Some(TagsCommand::Rename { .. }),
            ..
        } => Some("truenorth tags rename"),
        Command::Commit { command } => match command {
            CommitCommand::List { .. } | CommitCommand::Show { .. } => None,
            CommitCommand::Add(_)
            | CommitCommand::Check { .. }
            | CommitCommand::Uncheck { .. }
            | CommitCommand::Skip { .. }
            | CommitCommand::Pause { .. }
            | CommitCommand::Resume { .. }
            | CommitCommand::Done { .. }
            | CommitCommand::Archive { .. }
            | CommitCommand::Restore { .. } => Some("truenorth commit"),
        },
        Command::People { command } => match command {
            PeopleCommand::List { .. } | PeopleCommand::Show { .. } => None,
            PeopleCommand::Import { .. }
            | PeopleCommand::Add { .. }
            | PeopleCommand::Log { .. }
            | PeopleCommand::Unlog { .. }
            | PeopleCommand::Archive { .. }
            | PeopleCommand::Restore { .. } => Some("truenorth people"),
        },
        Command::Pack { command } => match command {
            // `new` writes the file it is given, not the journal.
            PackCommand::New { .. }
            | PackCommand::Check { .. }
            | PackCommand::List
            | PackCommand::Show { .. } => None,
            PackCommand::Add { .. }
            | PackCommand::Pause { .. }
            | PackCommand::Resume { .. }
            | PackCommand::Remove { .. } => Some("truenorth pack"),
        },
        // Read the journal, or write elsewhere (settings, a chosen file, a sample).
        Command::Doctor
        | Command::Import(_)
        | Command::Tags { .. }
        | Command::List { .. }
        | Command::Search { .. }
        | Command::Stats { .. }
        | Command::Export(_)
        | Command::Theme { .. }
        | Command::Config { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Dev { .. } => None,
    }
}

/// Takes the journal's lock for `command` when it writes, waiting up to
/// [`PATIENCE`]; the lock is let go when the returned value is dropped. A journal
/// held by someone else is an error naming them, and nothing is written.
pub fn hold_for(paths: &Paths, command: &Command) -> anyhow::Result<Option<JournalLock>> {
    let Some(name) = writer_name(command) else {
        return Ok(None);
    };
    match JournalLock::acquire_within(&paths.data, name, PATIENCE) {
        // A lock file left from before the folder lost its write permission still
        // locks: ask the folder itself, so the command stops before writing anything.
        Ok(lock) => match writable::probe(&paths.data) {
            Err(error) => match Unwritable::from_io(&paths.data, &error) {
                Some(unwritable) => Err(anyhow!(unwritable.for_command())),
                None => Ok(Some(lock)),
            },
            Ok(()) => Ok(Some(lock)),
        },
        Err(held @ LockError::Held { .. }) => Err(anyhow!(
            "{held}; nothing was written. Quit it (or do this there), then run the \
             command again"
        )),
        Err(LockError::Store(error)) => match Unwritable::from_error(&paths.data, &error) {
            Some(unwritable) => Err(anyhow!(unwritable.for_command())),
            None => Err(error.into()),
        },
    }
}
