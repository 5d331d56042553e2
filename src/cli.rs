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

    /// Open a generated sample journal (16 weeks of entries, commitments, people and
    /// a running pack) in a temporary folder, to see every screen alive. Your own
    /// journal is not touched; the sample is deleted when you quit.
    #[arg(long)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every journal file and report any that cannot be read, with file, line and
    /// column, and any that others on this machine can read, with the `chmod` that
    /// fixes it. Exits non-zero when a problem is found.
    Doctor,

    /// Encrypt the journal in place with a passphrase (age encryption). From then on
    /// truenorth asks for the passphrase when it starts (or reads TRUENORTH_PASSPHRASE).
    ///
    /// Each file is replaced by FILE.age only after the encrypted copy has been read
    /// back; if this is interrupted, run it again to finish. Files stay readable with
    /// the age tool: `age -d -i key.age FILE.age`.
    Encrypt,

    /// Turn an encrypted journal back into plain files (asks for the passphrase).
    Decrypt,

    /// Prompt packs: write and check one (coaches), add and follow one (leaders).
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },

    /// Commitments: small practices you check off, with their streaks.
    Commit {
        #[command(subcommand)]
        command: CommitCommand,
    },

    /// Your private roster of students, staff and families, and the connections you
    /// log with them. It never leaves this machine.
    People {
        #[command(subcommand)]
        command: PeopleCommand,
    },

    /// Write a quick entry into today's journal, e.g. between meetings.
    ///
    /// `#words` in the text become tags. Prints the file it was saved to.
    Add {
        /// What to write, best in quotes (a shell drops an unquoted #tag as a comment);
        /// unquoted words are joined with spaces. `-` reads it from standard input.
        #[arg(required = true, value_name = "TEXT|-")]
        text: Vec<String>,
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
    /// or misspelled, and case and accents do not matter; "quoted words" must appear
    /// in that order; #tag must be a tag.
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

    /// Your tags, most used first, with how many entries carry each; or rename one
    /// across the whole journal.
    Tags {
        #[command(subcommand)]
        command: Option<TagsCommand>,
        /// Print a JSON array of {"tag", "entries"} instead of one line per tag.
        #[arg(long)]
        json: bool,
        /// Count private entries too (and list tags only they carry).
        #[arg(long)]
        include_private: bool,
    },

    /// Weekly figures for scripts: reflection days, entries, words, love, care and
    /// vulnerability, energy, outlook, commitments kept and people connected with,
    /// one row a week (the Trends screen's numbers), then what stands out. Private
    /// entries are counted, never shown.
    Stats {
        /// Show the week holding DATE (YYYY-MM-DD, last monday, -2w ...) rather than
        /// the current one.
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        week: Option<String>,
        /// How many weeks, ending with that week (default: 12, or 1 with --week).
        #[arg(long, value_name = "N")]
        weeks: Option<usize>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },

    /// Export a slice of your journal for a mentor meeting: entries with the questions
    /// they answered, commitments with their kept rates and streaks, weekly trends.
    ///
    /// Private entries are never exported; names of people on your roster are replaced
    /// by pseudonyms ("Student A") unless --include-names. The document goes to
    /// standard output, or to FILE with -o (readable by you only).
    Export(ExportArgs),

    /// Import entries from another journal: jrnl's text file, Day One's JSON export,
    /// or a truenorth JSON export. Shows what would be imported; --apply writes it.
    ///
    /// Entries already in the journal (same time, same text) are skipped, so importing
    /// twice changes nothing. Records that cannot be read are listed with their line or
    /// position and the others still import; the exit code is then non-zero.
    Import(ImportArgs),

    /// Colour themes: list the built-in ones and your own, check a theme file.
    Theme {
        #[command(subcommand)]
        command: ThemeCommand,
    },

    /// Your settings file (config.toml): write one to start from, show where it is,
    /// check it.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },

    /// Print a shell completion script, e.g. `truenorth completions bash >
    /// ~/.local/share/bash-completion/completions/truenorth`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the manual page in roff, e.g. `truenorth man | man -l -`, or write a page
    /// for every command into a folder with --dir.
    Man {
        /// Write truenorth.1 and a page per command (truenorth-pack-add.1 ...) into DIR.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },

    /// Tools for developing truenorth (hidden from --help).
    #[command(hide = true)]
    Dev {
        #[command(subcommand)]
        command: DevCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum TagsCommand {
    /// Rename a tag in every entry, in the text (#old becomes #new) and in explicit
    /// tags. Renaming into a tag you already use merges the two. Each day file is
    /// rewritten on its own, atomically; if one cannot be, it is named and the rename
    /// can simply be run again.
    Rename {
        /// The tag to rename, with or without #.
        old: String,
        /// Its new name: letters, digits, - and _.
        new: String,
    },
}

/// The filters shared by `list` and `search`. Dates accept YYYY-MM-DD, today,
/// yesterday, a weekday (last monday) and -7d, -2w, -3m.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct JournalFilterArgs {
    /// Only entries on or after DATE.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Only entries on or before DATE.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
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

/// `truenorth export ...`. Dates accept YYYY-MM-DD, today, yesterday, a weekday (last
/// monday) and -7d, -6w, -3m.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ExportArgs {
    /// The first day (default: the first day of your journal).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// The last day (default: today).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// Only entries with this tag (repeat for any of several).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only entries in this frame, e.g. courage or true-north (repeat for any of
    /// several); commitments are narrowed to these frames too.
    #[arg(long = "frame", value_name = "FRAME")]
    pub frames: Vec<String>,
    /// Only answers to prompts of this pack (repeat for any of several).
    #[arg(long = "pack", value_name = "PACK")]
    pub packs: Vec<String>,
    /// Group entries by date, by frame, or by the PSEL standards of their prompts
    /// (for evaluation conversations).
    #[arg(long, value_name = "date|frame|psel", default_value = "date")]
    pub by: crate::exchange::GroupBy,
    /// Keep people's names instead of replacing them with pseudonyms.
    #[arg(long)]
    pub include_names: bool,
    /// The document's title (default: "Leadership reflections").
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Your name, for the title page.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// md, html, json or txt (default: from the -o file's extension, else the
    /// `[export] format` setting, else md).
    #[arg(
        long,
        short = 'f',
        value_name = "md|html|json|txt",
        value_parser = crate::commands::export::parse_format
    )]
    pub format: Option<crate::exchange::ExportFormat>,
    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `truenorth import ...`
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The other journal's format: jrnl (its plain-text file), dayone (Day One's JSON
    /// export) or json (a truenorth JSON export).
    #[arg(long, value_name = "jrnl|json|dayone")]
    pub from: crate::exchange::import::ImportFormat,
    /// The file to import.
    pub file: PathBuf,
    /// Write the entries; without it nothing is written.
    #[arg(long)]
    pub apply: bool,
}

/// `truenorth dev ...`: helpers for benchmarks, not for users.
#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Write the deterministic ten-year sample journal into DIR (as a journal root,
    /// like --journal), and optionally the same entries as a jrnl plain-text journal.
    Sample {
        /// The folder to write the journal into (created if missing).
        dir: PathBuf,
        /// Also write the entries in jrnl's plain-text format to FILE.
        #[arg(long, value_name = "FILE")]
        jrnl: Option<PathBuf>,
    },
}

/// `truenorth commit ...`. COMMITMENT is an id or the start of a title. Dates accept
/// YYYY-MM-DD, today, yesterday, a weekday (last monday) and -2d.
#[derive(Debug, Subcommand)]
pub enum CommitCommand {
    /// Commit to a practice, e.g. `commit add "Learn one new thing about three
    /// students" --cadence daily --dimension love`.
    Add(CommitAddArgs),

    /// Your commitments: streaks, this week's progress, the last four weeks, and how
    /// long until a streak breaks.
    List {
        /// Include finished and archived commitments.
        #[arg(long)]
        all: bool,
    },

    /// One commitment in full, with a heatmap of the last twelve weeks.
    Show {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
    },

    /// Check a commitment off for today, or for an earlier day of the past week with
    /// --date (marked as back-filled).
    Check {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
        /// A line about how it went.
        #[arg(long)]
        note: Option<String>,
        /// The day it counts for (default: today), e.g. yesterday.
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        date: Option<String>,
    },

    /// Take back the last check-in of a day (default: today).
    Uncheck {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
        /// The day to take it back from (default: today), e.g. yesterday.
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        date: Option<String>,
    },

    /// Plan a day off (a holiday, a sick day): it neither counts nor breaks a streak.
    Skip {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
        /// The day off (default: today); YYYY-MM-DD or tomorrow for a day ahead.
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        date: Option<String>,
    },

    /// Pause a commitment: paused days do not break its streak.
    Pause {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
    },

    /// Resume a paused commitment from today.
    Resume {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
    },

    /// Mark a commitment done: it has become a habit or served its purpose.
    Done {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
    },

    /// Put a commitment away. Its check-ins stay in your journal.
    Archive {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
    },

    /// Bring back a commitment that is done or archived: active again from today.
    Restore {
        /// Which commitment: its id or the start of its title, e.g. walk.
        #[arg(value_name = "COMMITMENT")]
        commitment: String,
    },
}

/// `truenorth commit add ...`
#[derive(Debug, Clone, clap::Args)]
pub struct CommitAddArgs {
    /// The practice, in your words.
    pub title: String,
    /// How often: "daily", "N per week" (e.g. "3 per week") or "weekly on DAY" (e.g.
    /// "weekly on mon").
    #[arg(long)]
    pub cadence: String,
    /// A line linking it to your true north.
    #[arg(long)]
    pub why: Option<String>,
    /// The frame it serves: love, care, vulnerability, true-north, students, staff,
    /// community, equity, courage, improvement or review.
    #[arg(long, default_value = "true-north", value_name = "FRAME")]
    pub dimension: String,
    /// The first day it counts (default: today).
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub start: Option<String>,
    /// The last day it counts.
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub end: Option<String>,
    /// A PSEL 2015 standard it serves, 1 to 10 (repeat, or separate with commas).
    #[arg(long, value_name = "N", value_delimiter = ',')]
    pub psel: Vec<u8>,
    /// Keep it automatically on days with connection notes about N different people.
    #[arg(long, value_name = "N")]
    pub connections: Option<u8>,
    /// With --connections: count only people in this group.
    #[arg(long, value_name = "GROUP", requires = "connections")]
    pub group: Option<String>,
    /// With --connections: count only people with this role (student, staff, family).
    #[arg(long, value_name = "ROLE", requires = "connections")]
    pub role: Option<String>,
}

/// `truenorth people ...`. PERSON is a name, part of one (with the group to tell two
/// apart: "maya 5b"), or an id.
#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// Import a roster saved as CSV with a header row: name (required), group, role,
    /// note, in any order. Bad rows are reported by line and the good ones imported;
    /// people already on the roster are skipped. Exits non-zero if a row was bad.
    Import {
        /// The spreadsheet saved as CSV (UTF-8; commas, semicolons or tabs).
        file: PathBuf,
    },

    /// Add someone to the roster: a name, a pseudonym or initials.
    Add {
        /// Their name, a pseudonym or initials, e.g. "Maya R.".
        name: String,
        /// A grade, advisory or team.
        #[arg(long)]
        group: Option<String>,
        /// student, staff, family or other.
        #[arg(long, default_value = "student")]
        role: String,
        /// A line to remember them by, e.g. "leads the robotics club".
        #[arg(long)]
        note: Option<String>,
    },

    /// The roster, who you have not connected with longest first, and the share you
    /// connected with in the last 7 and 30 days.
    List {
        /// Only people in this group.
        #[arg(long)]
        group: Option<String>,
    },

    /// Log a connection with someone: a line about what you learned or shared.
    Log {
        /// Who: a name or part of one, with the group after it to tell two apart
        /// ("sam 5c"), or an id; the Ctrl-L picker in the app takes the same.
        #[arg(value_name = "PERSON")]
        person: String,
        /// What you learned or shared, in a line.
        note: String,
        /// The day it happened (default: today), e.g. yesterday.
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        date: Option<String>,
    },

    /// Take back a connection note logged by mistake, from a day (default: today).
    /// With several notes about them that day, they are listed and `--index N` says
    /// which one; nothing is removed until it is clear.
    Unlog {
        /// Who: a name or part of one, with the group after it to tell two apart
        /// ("sam 5c"), or an id.
        #[arg(value_name = "PERSON")]
        person: String,
        /// The day the note is in (default: today), e.g. yesterday.
        #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
        date: Option<String>,
        /// Which of that day's notes about them, as numbered when they are listed
        /// (1 is the first logged).
        #[arg(long, value_name = "N")]
        index: Option<usize>,
    },

    /// Someone's connections, newest first.
    Show {
        /// Who: a name or part of one, with the group after it to tell two apart
        /// ("sam 5c"), or an id; the Ctrl-L picker in the app takes the same.
        #[arg(value_name = "PERSON")]
        person: String,
    },

    /// Take someone off lists and the picker; their connection notes stay.
    Archive {
        /// Who: a name or part of one, with the group after it to tell two apart
        /// ("sam 5c"), or an id; the Ctrl-L picker in the app takes the same.
        #[arg(value_name = "PERSON")]
        person: String,
    },

    /// Bring back someone archived: on lists and in the picker again.
    Restore {
        /// Who: an archived person's id, their name or a few letters of it.
        #[arg(value_name = "PERSON")]
        person: String,
    },
}

/// `truenorth theme ...`
#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// List every theme, built-in and your own, marking the one in use and any that
    /// cannot be used.
    List,

    /// Check theme files and name every problem by file, line and column. Exits
    /// non-zero when a problem is found.
    Check {
        /// One or more theme files (.toml).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// `truenorth config ...`
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Write config.toml with every setting at its default, each explained. An
    /// existing file is never overwritten.
    Init,

    /// Print where config.toml is (it need not exist).
    Path,

    /// Check config.toml (or FILE) and name every problem by line and column,
    /// including a theme that does not exist. Exits non-zero when a problem is found.
    Check {
        /// A settings file to check instead of your config.toml.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
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
        /// One or more pack files (.toml).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },

    /// Check a pack file and add it to your journal, starting today (or on --start).
    /// A newer version of an added pack replaces it and keeps your progress. The id
    /// of a built-in pack starts that pack.
    Add {
        /// A pack file a coach gave you, or the id of a built-in pack (`truenorth pack
        /// list` shows them).
        #[arg(value_name = "FILE|ID")]
        file: PathBuf,
        /// The pack's first day, as YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        start: Option<NaiveDate>,
    },

    /// List the built-in and added packs, with how far you are in each.
    List,

    /// Show a pack: who wrote it, what it is for, and each prompt with its schedule.
    Show {
        /// The pack's id, as `truenorth pack list` shows it.
        id: String,
    },

    /// Pause a pack: paused days do not count, and its prompts wait for you.
    Pause {
        /// The pack's id, as `truenorth pack list` shows it.
        id: String,
    },

    /// Resume a paused pack on the day where you left it.
    Resume {
        /// The pack's id, as `truenorth pack list` shows it.
        id: String,
    },

    /// Remove a pack and your progress in it. Answers you wrote stay in your journal.
    Remove {
        /// The pack's id, as `truenorth pack list` shows it.
        id: String,
    },
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

    #[test]
    fn every_argument_of_every_command_is_described_in_help() {
        fn walk(command: &clap::Command, path: &str, undescribed: &mut Vec<String>) {
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if arg.get_help().is_none() && !matches!(id, "help" | "version") {
                    undescribed.push(format!("{path} {id}"));
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), undescribed);
            }
        }
        let mut undescribed = Vec::new();
        walk(&Cli::command(), "truenorth", &mut undescribed);
        assert!(undescribed.is_empty(), "no help text: {undescribed:#?}");
    }
}
