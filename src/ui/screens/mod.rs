//! One module per screen: its state, how it takes input and how it draws.

pub mod commitments;
pub mod journal;
pub mod packs;
pub mod people;
pub mod today;
