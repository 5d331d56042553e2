//! The subcommands that run without the terminal UI. They share the store with the
//! TUI, so a file written here is the same as one written from a screen.

mod check_files;
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

use crate::store::{
    CommitmentStore, Drafts, Journal, PackStore, Paths, PeopleStore, StoreError, writable,
};

/// An error for the command line: the message and its causes, each said once (a
/// store error already quotes the system's words, so they are not repeated after it).
pub fn describe_error(error: &anyhow::Error) -> String {
    let mut text = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

/// `truenorth doctor`: reports every file that cannot be read (pack files included),
/// every setting in config.toml that cannot be used, a journal folder that cannot be
/// written, and what others on this machine can read. Returns whether the journal is
/// healthy; the last line sums up what was found.
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
    writeln!(out, "{} read.", plural(scan.days.len(), "day", "days"))?;
    writeln!(
        out,
        "{} started.",
        plural(packs.packs.len(), "pack", "packs")
    )?;
    if let Ok(commitments) = &commitments {
        writeln!(
            out,
            "{}.",
            plural(commitments.len(), "commitment", "commitments")
        )?;
    }
    if let Ok(people) = &people {
        writeln!(
            out,
            "{} on the roster.",
            plural(people.len(), "person", "people")
        )?;
    }
    let mut found = Vec::new();
    if let Err(error) = writable::probe(&paths.data) {
        match writable::Unwritable::from_io(&paths.data, &error) {
            Some(unwritable) => writeln!(
                out,
                "{}: truenorth opens it read-only and cannot save. Fix: {}",
                capitalized(&unwritable.reason()),
                unwritable.fix()
            )?,
            None => writeln!(out, "The journal folder cannot be written: {error}")?,
        }
        found.push("the journal folder cannot be written".to_string());
    }
    if !problems.is_empty() {
        writeln!(
            out,
            "{} problem(s) found. The files are left untouched; fix them in an editor:",
            problems.len()
        )?;
        for problem in &problems {
            writeln!(out, "  {problem}")?;
        }
        found.push(plural(
            problems.len(),
            "file or setting that cannot be used",
            "files or settings that cannot be used",
        ));
    }
    let loose = report_permissions(&paths.data, out)?;
    if loose > 0 {
        found.push(plural(
            loose,
            "folder or file others can read",
            "folders or files others can read",
        ));
    }
    if found.is_empty() {
        writeln!(out, "No problems found.")?;
    } else {
        writeln!(out, "Found: {}.", found.join("; "))?;
    }
    Ok(found.is_empty())
}

/// "1 day", "3 days".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// `one` or `many`, as `count` asks: "day" or "days".
pub(crate) fn noun<'w>(count: usize, one: &'w str, many: &'w str) -> &'w str {
    if count == 1 { one } else { many }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// How many loose files `doctor` lists one by one before it sums up the rest.
const LOOSE_LISTED: usize = 20;

/// Lists what others on this machine can read in the journal, each with its fix.
/// Returns how many there are.
fn report_permissions(root: &std::path::Path, out: &mut impl Write) -> std::io::Result<usize> {
    use crate::store::permissions;
    let loose = permissions::check(root);
    if loose.is_empty() {
        return Ok(0);
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
    Ok(loose.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_and_its_cause_are_each_said_once() {
        let denied = std::io::Error::from_raw_os_error(13);
        let store = StoreError::io("/tmp/x/truenorth.lock")(denied);
        let error = anyhow::Error::from(store);
        let said = describe_error(&error);
        assert_eq!(said.matches("Permission denied").count(), 1, "{said}");
        assert!(said.starts_with("/tmp/x/truenorth.lock: "), "{said}");
        // A cause that adds something is kept.
        let error = anyhow::anyhow!("disk trouble").context("could not save");
        assert_eq!(describe_error(&error), "could not save: disk trouble");
    }

    #[test]
    fn doctor_sums_up_what_it_listed() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths {
            data: dir.path().join("data"),
            config: dir.path().join("config"),
        };
        let mut out = Vec::new();
        assert!(doctor(&paths, &mut out).unwrap());
        let report = String::from_utf8(out).unwrap();
        assert!(report.ends_with("No problems found.\n"), "{report}");

        std::fs::create_dir_all(paths.data.join("journal/2026")).unwrap();
        std::fs::write(
            paths.data.join("journal/2026/2026-11-20.toml"),
            "[[entry]\n",
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let loose = std::fs::Permissions::from_mode(0o755);
            std::fs::set_permissions(&paths.data, loose).unwrap();
        }
        let mut out = Vec::new();
        assert!(!doctor(&paths, &mut out).unwrap());
        let report = String::from_utf8(out).unwrap();
        assert!(!report.contains("No problems found"), "{report}");
        let last = report.lines().last().unwrap();
        assert!(
            last.starts_with("Found: 1 file or setting that cannot be used"),
            "{report}"
        );
        #[cfg(unix)]
        assert!(last.contains("others can read"), "{report}");
    }
}
