//! The subcommands that run without the terminal UI. They share the store with the
//! TUI, so a file written here is the same as one written from a screen.

pub mod pack;

use std::io::Write;

use crate::store::{Drafts, Journal, PackStore, Paths, StoreError};

/// `truenorth doctor`: reports every file that cannot be read, pack files included.
/// Returns whether the journal is healthy.
pub fn doctor(paths: &Paths, out: &mut impl Write) -> anyhow::Result<bool> {
    let journal = Journal::open(&paths.data)?;
    let scan = journal.scan();
    let mut problems: Vec<String> = scan.problems.iter().map(ToString::to_string).collect();
    if let Err(StoreError::Malformed(problem)) = Drafts::new(&paths.data).load() {
        problems.push(problem.to_string());
    }
    let packs = PackStore::open(&paths.data).load();
    problems.extend(packs.problems.iter().map(ToString::to_string));
    writeln!(out, "Journal: {}", paths.data.display())?;
    writeln!(out, "{} days read.", scan.days.len())?;
    writeln!(out, "{} packs started.", packs.packs.len())?;
    if problems.is_empty() {
        writeln!(out, "No problems found.")?;
    } else {
        writeln!(
            out,
            "{} problem(s) found. The files are left untouched; fix them in an editor:",
            problems.len()
        )?;
        for problem in &problems {
            writeln!(out, "  {problem}")?;
        }
    }
    Ok(problems.is_empty())
}
