//! The subcommands that run without the terminal UI. They share the store with the
//! TUI, so a file written here is the same as one written from a screen.

pub mod commit;
pub mod config;
pub mod dev;
pub mod encryption;
pub mod export;
pub mod import;
pub mod journal;
pub mod lock;
pub mod pack;
pub mod people;
pub mod shell;
pub mod stats;
pub mod tags;
pub mod theme;
pub mod when;

use std::io::Write;

use crate::store::{CommitmentStore, Drafts, Journal, PackStore, Paths, PeopleStore, StoreError};

/// `truenorth doctor`: reports every file that cannot be read, pack files included,
/// and every setting in config.toml that cannot be used.
/// Returns whether the journal is healthy.
pub fn doctor(paths: &Paths, out: &mut impl Write) -> anyhow::Result<bool> {
    let journal = Journal::open(&paths.data)?;
    let scan = journal.scan();
    let mut problems: Vec<String> = scan.problems.iter().map(ToString::to_string).collect();
    if let Err(StoreError::Malformed(problem)) = Drafts::new(&paths.data).load() {
        problems.push(problem.to_string());
    }
    let commitments = CommitmentStore::open(&paths.data).load();
    let people = PeopleStore::open(&paths.data).load();
    for result in [commitments.as_ref().err(), people.as_ref().err()] {
        match result {
            Some(StoreError::Malformed(problem)) => problems.push(problem.to_string()),
            Some(other) => problems.push(other.to_string()),
            None => {}
        }
    }
    let packs = PackStore::open(&paths.data).load();
    problems.extend(packs.problems.iter().map(ToString::to_string));
    // Settings too, read as the app reads them (a bad one is ignored, not fatal).
    let settings =
        crate::ui::settings::load(&paths.config, crate::ui::theme::ColorSupport::TrueColor);
    problems.extend(settings.problems.iter().map(ToString::to_string));
    writeln!(out, "Journal: {}", paths.data.display())?;
    writeln!(out, "{} days read.", scan.days.len())?;
    writeln!(out, "{} packs started.", packs.packs.len())?;
    if let Ok(commitments) = &commitments {
        writeln!(out, "{} commitments.", commitments.len())?;
    }
    if let Ok(people) = &people {
        writeln!(out, "{} people on the roster.", people.len())?;
    }
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
    let private = report_permissions(&paths.data, out)?;
    Ok(problems.is_empty() && private)
}

/// How many loose files `doctor` lists one by one before it sums up the rest.
const LOOSE_LISTED: usize = 20;

/// Lists what others on this machine can read in the journal, each with its fix.
/// Returns whether everything is owner-only.
fn report_permissions(root: &std::path::Path, out: &mut impl Write) -> std::io::Result<bool> {
    use crate::store::permissions;
    let loose = permissions::check(root);
    if loose.is_empty() {
        return Ok(true);
    }
    writeln!(
        out,
        "{} folder(s) or file(s) that others on this machine can read. Make them yours only:",
        loose.len()
    )?;
    for item in loose.iter().take(LOOSE_LISTED) {
        writeln!(out, "  {item}")?;
    }
    if loose.len() > LOOSE_LISTED {
        writeln!(out, "  ... and {} more", loose.len() - LOOSE_LISTED)?;
    }
    if loose.len() > 1 {
        writeln!(out, "All at once: {}", permissions::fix_all(root))?;
    }
    Ok(false)
}
