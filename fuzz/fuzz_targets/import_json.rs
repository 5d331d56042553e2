//! `truenorth import --format json`: any file either is not that format (a clear
//! error) or gives entries and bad records with their positions, never a panic; and
//! every day the import would write saves and loads back unchanged.

#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use truenorth::exchange::import::ImportFormat;

fuzz_target!(|text: &str| {
    common::import(ImportFormat::Json, text);
});
