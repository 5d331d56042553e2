//! `truenorth completions SHELL` and `truenorth man`: both generated from the clap
//! definition in `cli.rs`, so they always match the commands that exist.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The binary's name as shells and `man` know it.
const BIN: &str = "truenorth";

/// Writes the completion script for `shell`, to be sourced or saved where the shell
/// looks for completions.
pub fn completions(shell: Shell, out: &mut impl Write) -> anyhow::Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, BIN, out);
    Ok(())
}

/// Writes the man page, in roff: `truenorth man | man -l -` shows it, and
/// `truenorth man > truenorth.1` installs it.
pub fn man(out: &mut impl Write) -> anyhow::Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_name_the_subcommands() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let mut out = Vec::new();
            completions(shell, &mut out).unwrap();
            let script = String::from_utf8(out).unwrap();
            for word in ["truenorth", "theme", "config", "pack"] {
                assert!(script.contains(word), "{shell}: {word}");
            }
        }
    }

    #[test]
    fn the_man_page_is_roff_and_lists_the_commands() {
        let mut out = Vec::new();
        man(&mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH truenorth"),
            "{page}"
        );
        for word in ["completions", "config", "theme", "doctor"] {
            assert!(page.contains(word), "{word}");
        }
        // Hidden developer tools stay out of the manual.
        assert!(!page.contains("exit-after-first-frame"));
    }
}
