//! Day files, as `truenorth` reads them from `journal/YYYY/YYYY-MM-DD.toml`: any text
//! either loads (and then saves and loads back unchanged) or is a problem with a
//! file, line and column, never a panic.

#![no_main]

#[path = "common.rs"]
mod common;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let journal = common::journal();
    // Named for a fixed day: most inputs name another, which must be a problem too.
    let fixed = common::day_path(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    if let Err(problem) = journal.parse_day(&fixed, text) {
        let _ = problem.to_string();
    }
    // Named for no day, so any date inside loads.
    let dateless = journal.root().join("journal/2026/notes.toml");
    match journal.parse_day(&dateless, text) {
        Ok(day) => common::saves_and_loads_back(&day),
        Err(problem) => {
            let _ = problem.to_string();
        }
    }
});
