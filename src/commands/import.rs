//! `truenorth import --from jrnl|json|dayone FILE [--apply]`: bring entries from
//! another journal. A dry run unless `--apply`: it shows what would be imported, the
//! duplicates it would skip and the records it cannot read, with their positions.

use std::io::Write;

use anyhow::Context as _;

use super::noun;
use crate::cli::ImportArgs;
use crate::exchange::import::{self, ApplyReport, ImportPlan, Incoming, SystemZone, title_of};
use crate::store::config::{self, Config};
use crate::store::{CommitmentStore, Journal, Paths, journal_cache};

/// How many entries, duplicates and bad records are listed before "... and N more".
const LISTED: usize = 5;
const LISTED_BAD: usize = 20;

/// Runs the import. Returns false when a record could not be read or a day could not
/// be written (the rest is still imported), for a non-zero exit.
pub fn run(paths: &Paths, args: &ImportArgs, out: &mut impl Write) -> anyhow::Result<bool> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (byte {} cannot be read); save it as UTF-8 and try again",
            args.file.display(),
            error.utf8_error().valid_up_to()
        )
    })?;
    // Entries are filed under the journal day, by the leader's day-rollover hour.
    let (config, _problem) = Config::load(&paths.config.join(config::FILE_NAME));
    let parsed = import::parse(args.from, &text, &SystemZone, config.day_rollover_hour)
        .with_context(|| format!("cannot import {}", args.file.display()))?;
    let journal = Journal::open(&paths.data)?;
    let scan = journal_cache::load(&journal);
    if !scan.problems.is_empty() {
        writeln!(
            out,
            "Note: {} journal file(s) could not be read (`truenorth doctor` names them); \
             duplicates in them cannot be detected, and they will not be written.",
            scan.problems.len()
        )?;
    }
    let commitments = CommitmentStore::open(&paths.data);
    let known = commitments.load().unwrap_or_default();
    let plan = import::plan(args.from, parsed, &scan.days, &known);
    describe(&plan, args, out)?;
    if !args.apply {
        if !plan.is_empty() {
            writeln!(
                out,
                "\nThis was a dry run: nothing was written. Run it again with --apply to import."
            )?;
        }
        return Ok(plan.bad.is_empty());
    }
    let report = import::apply(&plan, &journal, &commitments);
    describe_applied(&report, out)?;
    Ok(plan.bad.is_empty() && report.failures.is_empty())
}

fn describe(plan: &ImportPlan, args: &ImportArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let entries = plan.entry_count();
    writeln!(
        out,
        "Import from {} ({}):",
        args.file.display(),
        plan.format
    )?;
    writeln!(
        out,
        "{entries} {} to import, {} {} already in the journal, {} bad {}.",
        noun(entries, "entry", "entries"),
        plan.duplicates.len(),
        noun(plan.duplicates.len(), "duplicate", "duplicates"),
        plan.bad.len(),
        noun(plan.bad.len(), "record", "records"),
    )?;
    let rated = plan.rated_days();
    let check_ins = plan.check_in_count();
    if rated > 0 || check_ins > 0 || !plan.commitments.is_empty() {
        writeln!(
            out,
            "Also: ratings for {rated} {}, {} new {}, {check_ins} {}.",
            noun(rated, "day", "days"),
            plan.commitments.len(),
            noun(plan.commitments.len(), "commitment", "commitments"),
            noun(check_ins as usize, "check-in", "check-ins"),
        )?;
    }
    if entries > 0 {
        writeln!(out, "\nEntries per year:")?;
        for (year, count) in plan.per_year() {
            writeln!(out, "  {year}  {count:>6}")?;
        }
        writeln!(out, "\nFirst entries:")?;
        for incoming in plan.entries().take(LISTED) {
            writeln!(
                out,
                "  {}  {}",
                filed_at(incoming),
                title_of(&incoming.entry)
            )?;
        }
        more(entries, LISTED, out)?;
    }
    if !plan.duplicates.is_empty() {
        writeln!(out, "\nSkipped, already in the journal:")?;
        for duplicate in plan.duplicates.iter().take(LISTED) {
            writeln!(
                out,
                "  {}: {}  {}",
                duplicate.position, duplicate.day, duplicate.title
            )?;
        }
        more(plan.duplicates.len(), LISTED, out)?;
    }
    if !plan.notes.is_empty() {
        writeln!(out, "\nRead with a guess, check these:")?;
        for note in plan.notes.iter().take(LISTED_BAD) {
            writeln!(out, "  {note}")?;
        }
        more(plan.notes.len(), LISTED_BAD, out)?;
    }
    if !plan.bad.is_empty() {
        writeln!(out, "\nCould not be read, left out:")?;
        for bad in plan.bad.iter().take(LISTED_BAD) {
            writeln!(out, "  {bad}")?;
        }
        more(plan.bad.len(), LISTED_BAD, out)?;
    }
    Ok(())
}

/// The journal day an entry will be filed under and the time it was written: an
/// entry written after midnight but before the day-rollover hour goes on the day
/// before, so "2026-11-29  01:30 (on 2026-11-30)".
fn filed_at(incoming: &Incoming) -> String {
    let created = incoming.entry.created;
    let time = created.format("%H:%M");
    if created.date_naive() == incoming.day {
        format!("{}  {time}", incoming.day)
    } else {
        format!("{}  {time} (on {})", incoming.day, created.date_naive())
    }
}

fn describe_applied(report: &ApplyReport, out: &mut impl Write) -> anyhow::Result<()> {
    // Each count with the days it went into: a day that got only check-ins or
    // ratings is not one the entries went into.
    writeln!(
        out,
        "\nImported {} {} into {} {}.",
        report.entries,
        noun(report.entries, "entry", "entries"),
        report.entry_days,
        noun(report.entry_days, "day", "days"),
    )?;
    if report.ratings > 0 || report.check_ins > 0 || report.commitments > 0 {
        let mut check_ins = format!(
            "{} {}",
            report.check_ins,
            noun(report.check_ins, "check-in", "check-ins")
        );
        if report.check_ins > 0 {
            check_ins += &format!(
                " on {} {}",
                report.check_in_days,
                noun(report.check_in_days, "day", "days")
            );
        }
        writeln!(
            out,
            "Set ratings on {} {}, added {} {} and {check_ins}.",
            report.ratings,
            noun(report.ratings, "day", "days"),
            report.commitments,
            noun(report.commitments, "commitment", "commitments"),
        )?;
    }
    if report.late_duplicates > 0 {
        writeln!(
            out,
            "{} more {} turned out to be in the journal already and {} skipped.",
            report.late_duplicates,
            noun(report.late_duplicates, "entry", "entries"),
            noun(report.late_duplicates, "was", "were"),
        )?;
    }
    if !report.failures.is_empty() {
        writeln!(out, "Could not write (left as they were):")?;
        for failure in &report.failures {
            writeln!(out, "  {failure}")?;
        }
    }
    Ok(())
}

fn more(total: usize, listed: usize, out: &mut impl Write) -> anyhow::Result<()> {
    if total > listed {
        writeln!(out, "  ... and {} more", total - listed)?;
    }
    Ok(())
}
