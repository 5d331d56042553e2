//! The command line: every subcommand and flag, in one place.

use std::path::PathBuf;

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
