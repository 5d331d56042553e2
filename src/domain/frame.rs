//! The frames prompts are grouped by (love, care, vulnerability, true north, ...).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A frame is the lens a prompt looks through. The built-in ones come from the domain;
/// a pack may declare its own, kept as [`Frame::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Frame {
    Love,
    Care,
    Vulnerability,
    TrueNorth,
    Students,
    Staff,
    Community,
    Equity,
    Courage,
    Improvement,
    Review,
    Other(String),
}

impl Frame {
    /// The three dimensions of love, care and vulnerability, in the order the daily
    /// rotation walks through them.
    pub const LCV: [Frame; 3] = [Frame::Love, Frame::Care, Frame::Vulnerability];

    /// Every frame the app knows without a pack declaring it.
    pub const BUILT_IN: [Frame; 11] = [
        Frame::Love,
        Frame::Care,
        Frame::Vulnerability,
        Frame::TrueNorth,
        Frame::Students,
        Frame::Staff,
        Frame::Community,
        Frame::Equity,
        Frame::Courage,
        Frame::Improvement,
        Frame::Review,
    ];

    /// The identifier used in files, e.g. `true-north`.
    pub fn id(&self) -> &str {
        match self {
            Frame::Love => "love",
            Frame::Care => "care",
            Frame::Vulnerability => "vulnerability",
            Frame::TrueNorth => "true-north",
            Frame::Students => "students",
            Frame::Staff => "staff",
            Frame::Community => "community",
            Frame::Equity => "equity",
            Frame::Courage => "courage",
            Frame::Improvement => "improvement",
            Frame::Review => "review",
            Frame::Other(id) => id,
        }
    }

    /// The label shown to people, e.g. `True north`.
    pub fn label(&self) -> String {
        match self {
            Frame::TrueNorth => "True north".to_string(),
            Frame::Courage => "Courageous conversations".to_string(),
            Frame::Improvement => "Continuous improvement".to_string(),
            other => {
                let id = other.id().replace('-', " ");
                let mut chars = id.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                }
            }
        }
    }

    pub fn is_built_in(&self) -> bool {
        !matches!(self, Frame::Other(_))
    }
}

impl From<String> for Frame {
    fn from(id: String) -> Self {
        Frame::BUILT_IN
            .iter()
            .find(|frame| frame.id() == id)
            .cloned()
            .unwrap_or(Frame::Other(id))
    }
}

impl From<&str> for Frame {
    fn from(id: &str) -> Self {
        Frame::from(id.to_string())
    }
}

impl From<Frame> for String {
    fn from(frame: Frame) -> Self {
        frame.id().to_string()
    }
}

impl fmt::Display for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_strings() {
        for frame in Frame::BUILT_IN {
            assert_eq!(Frame::from(frame.id()), frame);
        }
        assert_eq!(
            Frame::from("wellbeing"),
            Frame::Other("wellbeing".to_string())
        );
    }

    #[test]
    fn labels_read_as_words() {
        assert_eq!(Frame::TrueNorth.label(), "True north");
        assert_eq!(Frame::Vulnerability.label(), "Vulnerability");
        assert_eq!(Frame::from("staff-wellbeing").label(), "Staff wellbeing");
    }
}
