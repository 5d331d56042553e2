//! Prompt packs, as `truenorth pack check` and `pack add` read a coach's TOML: any
//! text is a pack or a list of problems with lines and columns, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use truenorth::domain::Pack;

fuzz_target!(|text: &str| {
    match Pack::parse("fuzz.toml", text) {
        Ok(pack) => {
            let _ = format!("{pack:?}");
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
