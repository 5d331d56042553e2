//! Colour themes, as `truenorth theme check` and the app read a person's own theme
//! file: any text is a theme or problems with lines and columns, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use truenorth::ui::theme::Theme;

fuzz_target!(|text: &str| {
    match Theme::check("mine.toml", text) {
        Ok(_) => {}
        Err(problems) => {
            for problem in problems {
                let _ = problem.to_string();
            }
        }
    }
});
