//! The command line: every subcommand and flag, in one place.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

/// truenorth: a private coaching companion for school leaders, in your terminal.
///
/// Run without a command to open today's prompts on love, care, vulnerability and your
/// true north. Everything stays in plain files on this machine.
#[derive(Debug, Parser)]
#[command(name = "truenorth", version, about, long_about)]
pub struct Cli {
    /// Use the journal in DIR instead of the default one in your data folder.
    #[arg(long, global = true, value_name = "DIR", env = "TRUENORTH_DIR")]
    pub journal: Option<PathBuf>,

    /// Draw the first frame and exit: for measuring start-up time to first frame.
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every journal file and report any that cannot be read, with file, line and
    /// column. Exits non-zero when a problem is found.
    Doctor,

    /// Prompt packs: write and check one (coaches), add and follow one (leaders).
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },

    /// Write a quick entry into today's journal, e.g. between meetings.
    ///
    /// `#words` in the text become tags. Prints the file it was saved to.
    Add {
        /// What to write; `-` reads it from standard input.
        #[arg(value_name = "TEXT|-")]
        text: String,
        /// A tag for the entry (repeat for more), in addition to `#tags` in the text.
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Mark the entry private: it is left out of every export, and of `list` and
        /// `search` unless they are given --include-private.
        #[arg(long)]
        private: bool,
    },

    /// List journal entries, newest first: one per line, or JSON with --json.
    List {
        #[command(flatten)]
        filter: JournalFilterArgs,
    },

    /// Search entry text, questions and tags, best match first. Words may be shortened
    /// or misspelled; "quoted words" must appear exactly; #tag must be a tag.
    Search {
        /// What to look for; several words must all match.
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Show at most N entries.
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        filter: JournalFilterArgs,
    },

    /// Tools for developing truenorth (hidden from --help).
    #[command(hide = true)]
    Dev {
        #[command(subcommand)]
        command: DevCommand,
    },
}

/// The filters shared by `list` and `search`. Dates accept YYYY-MM-DD, today,
/// yesterday, a weekday (last monday) and -7d, -2w, -3m.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct JournalFilterArgs {
    /// Only entries on or after DATE.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only entries on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only entries with this tag (repeat for any of several).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only entries in this frame, e.g. care or true-north (repeat for any of several).
    #[arg(long = "frame", value_name = "FRAME")]
    pub frames: Vec<String>,
    /// Only answers to prompts of this pack (repeat for any of several).
    #[arg(long = "pack", value_name = "PACK")]
    pub packs: Vec<String>,
    /// Include private entries (left out unless asked for).
    #[arg(long)]
    pub include_private: bool,
    /// Print a JSON array instead of one line per entry.
    #[arg(long)]
    pub json: bool,
}

/// `truenorth dev ...`: helpers for benchmarks, not for users.
#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Write the deterministic ten-year sample journal into DIR (as a journal root,
    /// like --journal), and optionally the same entries as a jrnl plain-text journal.
    Sample {
        dir: PathBuf,
        /// Also write the entries in jrnl's plain-text format to FILE.
        #[arg(long, value_name = "FILE")]
        jrnl: Option<PathBuf>,
    },
}

/// `truenorth pack ...`
#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Write a commented pack to start from (to the screen when FILE is not given).
    New {
        /// The file to create; an existing file is never overwritten.
        file: Option<PathBuf>,
    },

    /// Check pack files and name every problem by file, line and column. Exits
    /// non-zero when a problem is found.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },

    /// Check a pack file and add it to your journal, starting today (or on --start).
    /// A newer version of an added pack replaces it and keeps your progress. The id
    /// of a built-in pack starts that pack.
    Add {
        #[arg(value_name = "FILE|ID")]
        file: PathBuf,
        /// The pack's first day, as YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        start: Option<NaiveDate>,
    },

    /// List the built-in and added packs, with how far you are in each.
    List,

    /// Show a pack: who wrote it, what it is for, and each prompt with its schedule.
    Show { id: String },

    /// Pause a pack: paused days do not count, and its prompts wait for you.
    Pause { id: String },

    /// Resume a paused pack on the day where you left it.
    Resume { id: String },

    /// Remove a pack and your progress in it. Answers you wrote stay in your journal.
    Remove { id: String },
}

fn parse_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|error| format!("{error}; write the date as YYYY-MM-DD, e.g. 2026-11-25"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
