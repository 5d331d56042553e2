//! The settings file, config.toml: any text is settings or problems with lines and
//! columns, never a panic; settings that load give a journal day for any moment.

#![no_main]

use chrono::{NaiveDate, NaiveTime};
use libfuzzer_sys::fuzz_target;
use truenorth::store::Config;

fuzz_target!(|text: &str| {
    match Config::parse("config.toml", text) {
        Ok(config) => {
            let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
            for hour in [0, 3, 12, 23] {
                let moment = date.and_time(NaiveTime::from_hms_opt(hour, 59, 0).unwrap());
                let _ = config.journal_day(moment);
            }
        }
        Err(problems) => {
            for problem in problems {
                let _ = problem.to_string();
            }
        }
    }
});
