//! A question a leader is asked.

use serde::{Deserialize, Serialize};

use super::Frame;

/// One prompt of a pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Stable within its pack: answers refer to it.
    pub id: String,
    pub frame: Frame,
    pub text: String,
    /// A shorter second question that deepens the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// The PSEL 2015 standards (1-10) the prompt serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub psel: Vec<u8>,
}
