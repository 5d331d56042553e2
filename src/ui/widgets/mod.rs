//! Small drawing pieces shared by screens.

pub mod confirm;
pub mod footer;
pub mod form;
pub mod heatmap;
pub mod help;
pub mod picker;
pub mod theme_picker;

/// `text` in at most `width` characters, an ellipsis marking a cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}
