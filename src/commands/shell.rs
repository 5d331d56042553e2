//! `truenorth completions SHELL` and `truenorth man`: both generated from the clap
//! definition in `cli.rs`, so they always match the commands that exist.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::Context;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The binary's name as shells and `man` know it.
const BIN: &str = "truenorth";

/// Writes the completion script for `shell`, to be sourced or saved where the shell
/// looks for completions.
pub fn completions(shell: Shell, out: &mut impl Write) -> anyhow::Result<()> {
    let mut command = Cli::command();
    // Into a buffer first: clap_complete panics when its writer fails, and a closed
    // pipe (`| head -1`) must end quietly, not with a panic.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, BIN, &mut script);
    out.write_all(&script)?;
    out.flush()?;
    Ok(())
}

/// What the generated page cannot know from the clap definition: where the files
/// are, which environment variables matter, and what the exit codes mean.
const MORE_SECTIONS: &str = r".SH FILES
.TP
\fI~/.local/share/truenorth/\fR
The journal on Linux (macOS: \fI~/Library/Application Support/org.truenorth.truenorth/\fR): one TOML file per day under \fIjournal/\fR, unsaved answers in \fIdrafts.toml\fR, packs in \fIpacks/\fR. Plain files, readable by you only.
.TP
\fI~/.config/truenorth/config.toml\fR
Settings (macOS: beside the journal). \fBtruenorth config init\fR writes one with every key explained; \fBtruenorth config path\fR prints where it is.
.TP
\fI~/.config/truenorth/themes/*.toml\fR
Your own colour themes; \fBtruenorth theme list\fR lists them with the built\-in ones.
.SH ENVIRONMENT
.TP
\fBTRUENORTH_DIR\fR
The journal folder, as \fB\-\-journal\fR.
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor Ctrl\-E opens, unless \fIeditor\fR is set in config.toml.
.TP
\fBNO_COLOR\fR
When set and not empty, no colour at all; bold, reverse video and underline keep the focus and the selection visible.
.TP
\fBCOLORTERM\fR, \fBTERM\fR
How many colours to use: all of them with \fBCOLORTERM=truecolor\fR or \fB24bit\fR, 256 when \fBTERM\fR contains \fB256color\fR, else 16.
.SH EXIT STATUS
0 on success; 1 when a check (\fBdoctor\fR, \fBpack check\fR, \fBtheme check\fR, \fBconfig check\fR) finds a problem or a command fails; 2 for a mistake on the command line; 128 + N when signal N ended the app.
";

/// Writes the man page, in roff: `truenorth man | man -l -` shows it, and
/// `truenorth man > truenorth.1` installs it.
pub fn man(out: &mut impl Write) -> anyhow::Result<()> {
    let command = Cli::command();
    let page = page_for(&command)?;
    // The extra sections go before VERSION, where man pages keep them.
    let (body, version) = match page.find("\n.SH VERSION") {
        Some(at) => page.split_at(at + 1),
        None => (page.as_str(), ""),
    };
    out.write_all(body.as_bytes())?;
    out.write_all(MORE_SECTIONS.as_bytes())?;
    out.write_all(version.as_bytes())?;
    Ok(())
}

/// A command's page in roff, its SYNOPSIS naming the value each option takes.
fn page_for(command: &clap::Command) -> anyhow::Result<String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    Ok(with_value_names(String::from_utf8(page)?, command))
}

/// clap_mangen's SYNOPSIS leaves out what an option takes (`[--journal]`); this puts
/// it back (`[--journal DIR]`), as the OPTIONS section and `--help` show it.
fn with_value_names(page: String, command: &clap::Command) -> String {
    let mut page = page;
    for arg in command.get_arguments() {
        let (Some(long), true) = (arg.get_long(), arg.get_action().takes_values()) else {
            continue;
        };
        let value = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
        let written = format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-"));
        for end in ["]", ">"] {
            page = page.replacen(
                &format!("{written}{end}"),
                &format!("{written} \\fI{value}\\fR{end}"),
                1,
            );
        }
    }
    page
}

/// A page for `command` and each of its commands, under the names `man` looks for.
fn write_pages(command: &clap::Command, dir: &Path) -> anyhow::Result<()> {
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    let name = clap_mangen::Man::new(command.clone()).get_filename();
    fs::write(dir.join(name), page_for(command)?)?;
    Ok(())
}

/// Writes `truenorth.1` and a page for every command (`truenorth-pack-add.1` ...)
/// into `dir`, the pages the main page's command list refers to.
pub fn man_pages(dir: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    write_pages(&command, dir)
        .with_context(|| format!("could not write the manual pages into {}", dir.display()))?;
    let main_page = dir.join(format!("{BIN}.1"));
    let mut file = fs::File::create(&main_page)
        .with_context(|| format!("could not write {}", main_page.display()))?;
    man(&mut file)?;
    writeln!(
        out,
        "Wrote {} and a page for each command into {}.",
        main_page.display(),
        dir.display()
    )?;
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
        // Files and environment come before the version, once each.
        let files = page.find(".SH FILES").unwrap();
        let environment = page.find(".SH ENVIRONMENT").unwrap();
        assert!(files < environment);
        if let Some(version) = page.find(".SH VERSION") {
            assert!(page[..version].contains(".SH EXIT STATUS"));
        }
        assert_eq!(page.matches(".TH ").count(), 1);
        // The synopsis says what an option takes, as --help does.
        assert!(page.contains(r"[\fB\-\-journal\fR \fIDIR\fR]"), "{page}");
    }

    #[test]
    fn every_command_gets_a_page() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Vec::new();
        man_pages(dir.path(), &mut out).unwrap();
        for page in [
            "truenorth.1",
            "truenorth-theme-check.1",
            "truenorth-config-init.1",
        ] {
            assert!(dir.path().join(page).is_file(), "{page}");
        }
        assert!(!dir.path().join("truenorth-dev.1").exists());
        let main = fs::read_to_string(dir.path().join("truenorth.1")).unwrap();
        assert!(main.contains(".SH ENVIRONMENT"));
        let list = fs::read_to_string(dir.path().join("truenorth-list.1")).unwrap();
        assert!(list.contains(r"[\fB\-\-since\fR \fIDATE\fR]"), "{list}");
        assert!(list.contains(r"[\fB\-\-include\-private\fR]"), "{list}");
    }
}
