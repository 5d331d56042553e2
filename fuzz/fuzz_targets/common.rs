//! What the targets share: a scratch journal to parse day files with, and the check
//! that whatever loads (or is imported) saves and loads back unchanged, since the app
//! rewrites every day file it changes.

#![allow(dead_code)] // Each target uses its own part.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use truenorth::domain::Day;
use truenorth::store::Journal;

/// A journal in a temp folder, made once per run (parsing never writes to it).
pub fn journal() -> &'static Journal {
    static JOURNAL: OnceLock<(tempfile::TempDir, Journal)> = OnceLock::new();
    &JOURNAL
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temp folder");
            let journal = Journal::open(dir.path()).expect("a scratch journal");
            (dir, journal)
        })
        .1
}

/// Where the day file of `date` lives, by its plain name.
pub fn day_path(date: NaiveDate) -> PathBuf {
    journal()
        .root()
        .join("journal")
        .join(date.format("%Y").to_string())
        .join(format!("{}.toml", date.format("%Y-%m-%d")))
}

/// `day` as the app writes it, read back as the app reads it: it must load, and
/// write out the same again.
pub fn saves_and_loads_back(day: &Day) {
    let saved = toml::to_string(day).expect("a day can always be written");
    let loaded = journal()
        .parse_day(&day_path(day.date), &saved)
        .unwrap_or_else(|error| panic!("a written day does not load: {error}\n{saved}"));
    let again = toml::to_string(&loaded).expect("a loaded day can be written");
    assert_eq!(saved, again, "a day changed on its way through the file");
}

/// Reads `text` as `format`, plans it against an empty journal, and checks that
/// each day it would write saves and loads back.
pub fn import(format: truenorth::exchange::import::ImportFormat, text: &str) {
    use truenorth::exchange::import;
    // A fixed zone: the machine's own would make runs differ between machines.
    let zone = chrono::FixedOffset::east_opt(-5 * 3600).unwrap();
    // The default rollover hour, so small-hours entries move to the day before too.
    let rollover = truenorth::store::Config::default().day_rollover_hour;
    let parsed = match import::parse(format, text, &zone, rollover) {
        Ok(parsed) => parsed,
        Err(error) => {
            let _ = error.to_string();
            return;
        }
    };
    for bad in &parsed.bad {
        let _ = format!("{bad:?}");
    }
    let planned = import::plan(format, parsed, &[], &[]);
    for (date, day_plan) in &planned.days {
        let mut day = Day::new(*date);
        day.ratings.energy = day_plan.energy;
        day.ratings.outlook = day_plan.outlook;
        for incoming in &day_plan.entries {
            let _ = import::title_of(&incoming.entry);
            let mut entry = incoming.entry.clone();
            entry.id = day.next_entry_id(entry.created);
            day.entries.push(entry);
        }
        saves_and_loads_back(&day);
    }
}
