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

/// Columns from one tab stop to the next, as the text editors place them.
pub const TAB_WIDTH: usize = 4;

/// `text`, drawn from `column`, with each tab turned into the spaces up to the next
/// tab stop; and the column it ends at. A terminal cell cannot hold a tab: drawn as it
/// is, a tab shows as nothing and the words either side of it run together.
pub fn expand_tabs(text: &str, column: usize) -> (String, usize) {
    let mut expanded = String::with_capacity(text.len());
    let mut column = column;
    for (n, piece) in text.split('\t').enumerate() {
        if n > 0 {
            let spaces = TAB_WIDTH - column % TAB_WIDTH;
            expanded.extend(std::iter::repeat_n(' ', spaces));
            column += spaces;
        }
        expanded.push_str(piece);
        column += textwrap::core::display_width(piece);
    }
    (expanded, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_becomes_the_spaces_to_the_next_stop() {
        assert_eq!(
            expand_tabs("entry with\ttab", 0),
            ("entry with  tab".into(), 15)
        );
        assert_eq!(expand_tabs("\tindented", 0), ("    indented".into(), 12));
        // Begun mid-line, the stops stay where the line's are.
        assert_eq!(expand_tabs("b\tc", 2), ("b c".into(), 5));
        // Wide characters take their columns.
        assert_eq!(expand_tabs("先\tx", 0), ("先  x".into(), 5));
        assert_eq!(expand_tabs("no tabs", 3), ("no tabs".into(), 10));
    }
}
