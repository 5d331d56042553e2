//! Small drawing pieces shared by screens.

pub mod footer;
pub mod help;
pub mod picker;
