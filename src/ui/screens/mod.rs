//! One module per screen: its state, how it takes input and how it draws.

pub mod commitments;
pub mod export;
pub mod journal;
pub mod packs;
pub mod people;
pub mod practice_forms;
pub mod review;
pub mod today;
pub mod trends;
