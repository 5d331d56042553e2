//! The pure model: days, entries, prompts and the rules that choose today's prompts.
//! Nothing here reads files, the terminal or the clock; time is always passed in.

pub mod average;
pub mod commitment;
pub mod coverage;
pub mod dates;
pub mod day;
pub mod enrollment;
pub mod entry;
pub mod field;
pub mod frame;
pub mod index;
pub mod insights;
pub mod keys;
pub mod merge;
pub mod pack;
pub mod person;
pub mod person_index;
pub mod problem;
pub mod review;
pub mod schedule;
pub mod search;
pub mod slug;
pub mod streak;
pub mod tags;
pub mod trends;

pub use day::{Day, Rating, Ratings};
pub use entry::{AnswerValue, Entry, EntrySummary};
pub use frame::Frame;
pub use pack::{AnswerKind, Pack, PackError, PackMeta, Prompt, Schedule};
pub use problem::Problem;
