//! Small drawing pieces shared by screens.

pub mod confirm;
pub mod footer;
pub mod form;
pub mod heatmap;
pub mod help;
pub mod picker;
pub mod theme_picker;
