//! truenorth: a private terminal coaching companion for school leaders.
//!
//! Everything testable lives in this library; `main.rs` only parses the command line
//! and hands over. The layers are kept apart on purpose:
//! - [`domain`]: the pure model and its rules (no files, no terminal, no clock reads);
//! - [`store`]: the only code that touches the disk;
//! - [`ui`]: the terminal front end, a thin layer over the other two.

pub mod binary;
pub mod builtin;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod domain;
pub mod exchange;
pub mod sample;
pub mod store;
pub mod ui;
