//! Journal: looking back. Entries newest first (or best first while searching) with
//! the selected one in full beside them; filters by tag, frame and privacy; "on this
//! day"; editing, marking private and deleting.
//!
//! The screen keeps only what it shows. The index it reads is the app's, built in the
//! background; changes go to disk through the app.

use chrono::NaiveDate;
use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::Entry;
use crate::domain::index::{EntryRef, Filter, Highlight, JournalIndex, Privacy, SearchQuery};
use crate::store::EntryDraft;
use crate::ui::theme::Theme;
use crate::ui::widgets::expand_tabs;

/// The most rows a list or search shows; more than anyone scrolls through.
const ROW_LIMIT: usize = 20_000;

/// An entry open for editing.
pub struct EntryEditor {
    pub date: NaiveDate,
    pub entry_id: String,
    pub editor: TextArea<'static>,
    pub original: String,
}

impl EntryEditor {
    pub fn new(date: NaiveDate, entry: &Entry) -> EntryEditor {
        EntryEditor::with_text(date, &entry.id, &entry.text)
    }

    /// The editor as a draft left it: on the text the edit began from, with the
    /// draft's text typed over it, so Ctrl-Z still goes back to what was saved.
    pub fn restore(draft: &EntryDraft) -> EntryEditor {
        let mut editing = EntryEditor::with_text(draft.date, &draft.entry_id, &draft.base);
        editing.set_text(&draft.text);
        editing
    }

    fn with_text(date: NaiveDate, entry_id: &str, text: &str) -> EntryEditor {
        let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.set_cursor_line_style(Style::new());
        editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        EntryEditor {
            date,
            entry_id: entry_id.to_string(),
            editor,
            original: text.to_string(),
        }
    }

    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// Replaces what is typed with `text`, as one more edit Ctrl-Z can take back.
    pub fn set_text(&mut self, text: &str) {
        self.editor.clear();
        self.editor.insert_str(text);
    }

    pub fn is_changed(&self) -> bool {
        self.text() != self.original
    }

    /// Whether what is typed holds no words: saved, it would be a blank entry.
    pub fn is_emptied(&self) -> bool {
        self.is_changed() && self.text().trim().is_empty()
    }

    /// The unsaved edit, kept with the other drafts; `None` when nothing changed.
    pub fn draft(&self) -> Option<EntryDraft> {
        self.is_changed().then(|| EntryDraft {
            date: self.date,
            entry_id: self.entry_id.clone(),
            base: self.original.clone(),
            text: self.text(),
        })
    }
}

/// An entry a delete waits on "y" for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteAsk {
    /// The selected entry (`x`).
    Selected,
    /// The entry being edited, all of whose text was taken out: saved, it would be a
    /// blank entry. `leaving` when Esc (done) asked rather than Ctrl-S (save).
    Emptied { leaving: bool },
}

impl DeleteAsk {
    pub fn question(self) -> &'static str {
        match self {
            DeleteAsk::Selected => "Delete this entry? u brings it back until you leave truenorth.",
            DeleteAsk::Emptied { .. } => {
                "This entry is now empty: delete it? u brings it back; no keeps its old text."
            }
        }
    }
}

/// A deleted entry, kept for one-step undo.
pub struct Deleted {
    pub date: NaiveDate,
    pub position: usize,
    pub entry: Entry,
}

#[derive(Default)]
pub struct JournalScreen {
    pub query: String,
    /// Keys go into the search field.
    pub searching: bool,
    pub filter: Filter,
    /// Showing the entries of this date's month and day in earlier years.
    pub on_this_day: Option<NaiveDate>,
    rows: Vec<EntryRef>,
    total: usize,
    pub selected: usize,
    highlight: Option<(EntryRef, Highlight)>,
    pub editing: Option<EntryEditor>,
    pub confirm_delete: Option<DeleteAsk>,
    pub undo: Option<Deleted>,
    /// The date or range being typed after `g`.
    pub date_input: Option<String>,
    /// The calendar's cursor, while it is open.
    pub calendar: Option<NaiveDate>,
    /// Lines the selected entry is scrolled by (the mouse wheel over it); back to the
    /// top when another entry is selected.
    pub detail_scroll: u16,
}

impl JournalScreen {
    /// Recomputes the rows from the index after the query, the filter or the journal
    /// changed, keeping the selection on the same entry when it is still listed.
    pub fn refresh(&mut self, index: &JournalIndex) {
        let keep = self.selected_ref();
        let query = SearchQuery::parse(&self.query);
        let search = index.prepare(query);
        if let Some(date) = self.on_this_day {
            let filter = &self.filter;
            self.rows = index
                .on_this_day(date)
                .into_iter()
                .filter(|at| {
                    index
                        .entry(*at)
                        .is_some_and(|entry| filter.allows(at.date, entry))
                })
                .collect();
            self.total = self.rows.len();
        } else {
            let ranking = search.run(&self.filter, ROW_LIMIT);
            self.rows = ranking.matches.iter().map(|scored| scored.entry).collect();
            self.total = ranking.total;
        }
        self.selected = keep
            .and_then(|at| self.rows.iter().position(|row| *row == at))
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
        if self.selected_ref() != keep {
            self.detail_scroll = 0;
        }
        self.highlight = self
            .selected_ref()
            .filter(|_| !self.query.trim().is_empty())
            .map(|at| (at, search.highlight(at)));
    }

    /// Selects the newest entry on or before `date` (the list is newest first).
    pub fn select_date(&mut self, date: NaiveDate, index: &JournalIndex) -> bool {
        match self.rows.iter().position(|at| at.date <= date) {
            Some(row) => {
                self.selected = row;
                self.move_selection(0, index);
                true
            }
            None => false,
        }
    }

    /// Selects the entry open in the editor, when it is listed: an edit brought back
    /// at start is open before the journal has been read.
    pub fn select_editing(&mut self, index: &JournalIndex) {
        let Some(editing) = &self.editing else { return };
        let row = self.rows.iter().position(|at| {
            at.date == editing.date
                && index
                    .entry(*at)
                    .is_some_and(|entry| entry.id == editing.entry_id)
        });
        if let Some(row) = row {
            self.selected = row;
            self.move_selection(0, index);
        }
    }

    pub fn selected_ref(&self) -> Option<EntryRef> {
        self.rows.get(self.selected).copied()
    }

    pub fn move_selection(&mut self, step: isize, index: &JournalIndex) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() as isize - 1;
        self.selected = (self.selected as isize + step).clamp(0, last) as usize;
        self.detail_scroll = 0;
        self.highlight = self
            .selected_ref()
            .filter(|_| !self.query.trim().is_empty())
            .map(|at| {
                (
                    at,
                    index.prepare(SearchQuery::parse(&self.query)).highlight(at),
                )
            });
    }

    /// A short description of what the list is narrowed to, or `None`.
    pub fn filter_summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(date) = self.on_this_day {
            parts.push(format!("on this day ({})", date.format("%-d %B")));
        }
        match (self.filter.from, self.filter.to) {
            (Some(from), Some(to)) => parts.push(format!("{from} to {to}")),
            (Some(from), None) => parts.push(format!("from {from}")),
            (None, Some(to)) => parts.push(format!("until {to}")),
            (None, None) => {}
        }
        if !self.filter.tags.is_empty() {
            parts.push(
                self.filter
                    .tags
                    .iter()
                    .map(|tag| format!("#{tag}"))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        if !self.filter.frames.is_empty() {
            parts.push(
                self.filter
                    .frames
                    .iter()
                    .map(|frame| frame.label())
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        if !self.filter.packs.is_empty() {
            parts.push(format!("pack {}", self.filter.packs.join(", ")));
        }
        match self.filter.privacy {
            Privacy::All => {}
            Privacy::SharedOnly => parts.push("shared only".to_string()),
            Privacy::PrivateOnly => parts.push("private only".to_string()),
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    pub fn render(
        &self,
        index: Option<&JournalIndex>,
        theme: &Theme,
        frame: &mut TermFrame,
        area: Rect,
    ) {
        let Some(index) = index else {
            let text = Line::styled("Reading your journal…", theme.muted);
            frame.render_widget(Paragraph::new(text), area);
            return;
        };
        let Panels {
            bar,
            body,
            list,
            detail,
        } = panels(area);
        self.render_bar(theme, frame, bar);
        self.render_list(index, theme, frame, list);
        match &self.editing {
            Some(editing) => render_editor(editing, index, theme, frame, detail),
            None => self.render_entry(index, theme, frame, detail),
        }
        if let Some(cursor) = self.calendar {
            render_calendar(cursor, index, theme, frame, body);
        }
    }

    fn render_bar(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        if let Some(input) = &self.date_input {
            let line = Line::from(vec![
                Span::styled(" Go to: ", theme.accent.add_modifier(Modifier::BOLD)),
                Span::styled(input.clone(), theme.text),
                Span::styled("▏", theme.accent),
                Span::styled(
                    "  a date (2026-03-04, yesterday, -2w) or a range (-6w.. or 2026-09-01..2026-10-31)",
                    theme.muted,
                ),
            ]);
            frame.render_widget(Paragraph::new(line), area);
            return;
        }
        let mut spans = vec![Span::styled(
            " / ",
            theme.accent.add_modifier(Modifier::BOLD),
        )];
        if self.query.is_empty() && !self.searching {
            spans.push(Span::styled("search", theme.muted));
        } else {
            spans.push(Span::styled(self.query.clone(), theme.text));
        }
        if self.searching {
            spans.push(Span::styled("▏", theme.accent));
        }
        let noun = if self.total == 1 { "entry" } else { "entries" };
        let count = if self.total > self.rows.len() {
            format!("  {} of {} {noun}", self.rows.len(), self.total)
        } else {
            format!("  {} {noun}", self.total)
        };
        spans.push(Span::styled(count, theme.muted));
        if let Some(summary) = self.filter_summary() {
            spans.push(Span::styled(format!("  · {summary}"), theme.accent));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn render_list(&self, index: &JournalIndex, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(if self.editing.is_none() {
                theme.border_focus
            } else {
                theme.border
            })
            .title(Line::styled(" Journal ", theme.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.rows.is_empty() {
            let text =
                if self.query.is_empty() && self.filter.is_empty() && self.on_this_day.is_none() {
                    "Nothing written yet. What you save on Today appears here."
                } else {
                    // Only what is in force is named: Esc clears a search while it is
                    // typed (there `c` is a letter of it); after the box is left, `c`
                    // clears the search with the filters.
                    let filtered = !self.filter.is_empty() || self.on_this_day.is_some();
                    match (self.query.is_empty(), self.searching, filtered) {
                        (true, _, _) => "Nothing matches. c clears filters.",
                        (false, true, false) => "Nothing matches. Esc clears the search.",
                        (false, true, true) => {
                            "Nothing matches. Esc clears the search; c clears filters."
                        }
                        (false, false, false) => "Nothing matches. c clears the search.",
                        (false, false, true) => "Nothing matches. c clears the search and filters.",
                    }
                };
            frame.render_widget(
                Paragraph::new(Line::styled(text, theme.muted)).wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        let (first, visible) = self.list_window(inner.height);
        let width = usize::from(inner.width);
        let mut lines: Vec<Line> = Vec::new();
        for (row, at) in self.rows.iter().enumerate().skip(first).take(visible) {
            let Some(entry) = index.entry(*at) else {
                continue;
            };
            let selected = row == self.selected;
            let base = if selected {
                theme.selection
            } else {
                theme.text
            };
            let marker = if selected { "▸ " } else { "  " };
            let frame_label = entry
                .frame
                .as_ref()
                .map(|frame| frame.label())
                .unwrap_or_else(|| "Note".to_string());
            let frame_style = entry
                .frame
                .as_ref()
                .map_or(theme.frame, |f| theme.frame_style(f));
            let mut head = vec![Span::styled(
                format!("{marker}{} ", at.date.format("%a %-d %b %Y")),
                base.patch(theme.muted),
            )];
            // The private mark comes before the frame and the frame's name gives way,
            // so a narrow list never cuts the mark.
            if entry.private {
                head.push(Span::styled("private ", base.patch(theme.warning)));
            }
            let used: usize = head.iter().map(|span| span.width()).sum();
            head.push(Span::styled(
                fit(&frame_label, width.saturating_sub(used)),
                base.patch(frame_style),
            ));
            let used: usize = head.iter().map(|span| span.width()).sum();
            head.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
            lines.push(Line::from(head));
            let preview: String = entry.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let preview: String = preview.chars().take(width.saturating_sub(4)).collect();
            let body = format!("  {preview}");
            let pad = width.saturating_sub(body.chars().count());
            lines.push(Line::styled(format!("{body}{}", " ".repeat(pad)), base));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }

    /// The first row the list shows and how many fit in `height` lines: two lines an
    /// entry (when and what frame, then the start of the text), the selection kept
    /// near the middle.
    fn list_window(&self, height: u16) -> (usize, usize) {
        let visible = (usize::from(height) / ROW_LINES).max(1);
        let first = self
            .selected
            .saturating_sub(visible.saturating_sub(1) / 2)
            .min(self.rows.len().saturating_sub(visible));
        (first, visible)
    }

    /// The row drawn at a screen position in `area` (where the screen is drawn).
    pub fn row_at(&self, area: Rect, column: u16, row: u16) -> Option<usize> {
        let inner = Block::bordered().inner(panels(area).list);
        if !inner.contains(ratatui::layout::Position::new(column, row)) {
            return None;
        }
        let (first, _) = self.list_window(inner.height);
        let index = first + usize::from(row - inner.y) / ROW_LINES;
        (index < self.rows.len()).then_some(index)
    }

    /// Whether a screen position is on the entry panel of the screen drawn in `area`.
    pub fn on_entry(&self, area: Rect, column: u16, row: u16) -> bool {
        panels(area)
            .detail
            .contains(ratatui::layout::Position::new(column, row))
    }

    /// Scrolls the selected entry by `lines` (negative: up), no further than its end
    /// as drawn in the screen's `area`.
    pub fn scroll_entry(&mut self, lines: i32, index: &JournalIndex, area: Rect) {
        let Some(entry) = self.selected_ref().and_then(|at| index.entry(at)) else {
            return;
        };
        let last = entry_last_scroll(entry, panels(area).detail);
        self.detail_scroll =
            (i32::from(self.detail_scroll) + lines).clamp(0, i32::from(last)) as u16;
    }

    fn render_entry(&self, index: &JournalIndex, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let Some(at) = self.selected_ref() else {
            frame.render_widget(
                Block::bordered()
                    .border_type(BorderType::Rounded)
                    .border_style(theme.border),
                area,
            );
            return;
        };
        let Some(entry) = index.entry(at) else { return };
        let highlight = self
            .highlight
            .as_ref()
            .filter(|(of, _)| *of == at)
            .map(|(_, h)| h);
        // The longest title that fits between the corners, so the private mark is
        // never cut: the long date, then the short one, then the mark alone shortened.
        let room = usize::from(area.width.saturating_sub(2));
        let long = format!(" {} ", at.date.format("%A %-d %B %Y"));
        let short = format!(" {} ", at.date.format("%a %-d %b %Y"));
        let (date, mark) = match entry.private {
            false => (long, ""),
            true => [
                (long.clone(), "· private, never exported "),
                (short.clone(), "· private, never exported "),
                (long, "· private "),
                (short.clone(), "· private "),
            ]
            .into_iter()
            .find(|(date, mark)| date.chars().count() + mark.chars().count() <= room)
            .unwrap_or((short, "· private ")),
        };
        let mut title = vec![Span::styled(date, theme.title)];
        if !mark.is_empty() {
            title.push(Span::styled(mark, theme.warning));
        }
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border)
            .padding(Padding::horizontal(1))
            .title(Line::from(title));
        let mut lines: Vec<Line> = Vec::new();
        let mut facts = vec![entry.created.format("%H:%M").to_string()];
        if let Some(frame_) = &entry.frame {
            facts.push(frame_.label());
        }
        if let Some(value) = entry.value {
            facts.push(format!("answer: {value}"));
        }
        lines.push(Line::styled(facts.join(" · "), theme.muted));
        if let Some(question) = &entry.question {
            let ranges = highlight.map_or(&[][..], |h| h.question.as_slice());
            lines.extend(highlighted_lines(question, ranges, theme.title, theme));
        }
        lines.push(Line::raw(""));
        let ranges = highlight.map_or(&[][..], |h| h.text.as_slice());
        lines.extend(highlighted_lines(&entry.text, ranges, theme.text, theme));
        let tags = entry.all_tags();
        if !tags.is_empty() {
            lines.push(Line::raw(""));
            let tags: Vec<String> = tags.iter().map(|tag| format!("#{tag}")).collect();
            lines.push(Line::styled(tags.join(" "), theme.accent));
        }
        let scroll = self.detail_scroll.min(entry_last_scroll(entry, area));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block)
                .scroll((scroll, 0)),
            area,
        );
    }
}

/// Lines each entry takes in the list.
const ROW_LINES: usize = 2;

/// The parts of the screen.
struct Panels {
    bar: Rect,
    body: Rect,
    list: Rect,
    detail: Rect,
}

/// Where the parts of the screen go in `area`; drawing and the mouse share it.
fn panels(area: Rect) -> Panels {
    let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let list_width = (area.width * 2 / 5).clamp(30, 60);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(body);
    Panels {
        bar,
        body,
        list,
        detail,
    }
}

/// How far `entry` can be scrolled in its panel `area` before its last line reaches
/// the panel's bottom: its lines as [`JournalScreen::render_entry`] lays them out
/// (facts, question, a gap, the text, tags), wrapped to the panel's width.
fn entry_last_scroll(entry: &Entry, area: Rect) -> u16 {
    let block = Block::bordered().padding(Padding::horizontal(1));
    let inner = block.inner(area);
    let width = usize::from(inner.width).max(1);
    let wrapped = |text: &str| {
        text.split('\n')
            .map(|line| textwrap::wrap(&expand_tabs(line, 0).0, width).len().max(1))
            .sum::<usize>()
    };
    let mut count = 2; // the facts line and the gap before the text
    if let Some(question) = &entry.question {
        count += wrapped(question);
    }
    count += wrapped(&entry.text);
    if !entry.all_tags().is_empty() {
        count += 2;
    }
    u16::try_from(count.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

/// The first and last day of the whole months of the cursor's year that the
/// calendar shows in `width` columns: the whole year when it fits, else the months
/// around the cursor's (later ones first), so the cursor is always on screen and
/// moving it past the edge brings the next month in.
pub fn calendar_months(cursor: NaiveDate, width: u16) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    let year = cursor.year();
    let start_of = |month: u32| NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(cursor);
    let end_of = |month: u32| {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
            .map_or(NaiveDate::from_ymd_opt(year, 12, 31), |next| {
                next.pred_opt()
            })
            .unwrap_or(cursor)
    };
    let fits = |from: u32, to: u32| {
        crate::ui::widgets::heatmap::width(start_of(from), end_of(to)) <= width
    };
    let (mut from, mut to) = (cursor.month(), cursor.month());
    loop {
        let later = to < 12 && fits(from, to + 1);
        if later {
            to += 1;
        }
        let earlier = from > 1 && fits(from - 1, to);
        if earlier {
            from -= 1;
        }
        if !later && !earlier {
            break;
        }
    }
    (start_of(from), end_of(to))
}

/// The year of reflection days around the calendar's cursor, over the screen.
fn render_calendar(
    cursor: NaiveDate,
    index: &JournalIndex,
    theme: &Theme,
    frame: &mut TermFrame,
    area: Rect,
) {
    use chrono::Datelike;
    use ratatui::widgets::Clear;

    let year = cursor.year();
    // The border and padding take four columns around the heatmap.
    let (first, last) = calendar_months(cursor, area.width.saturating_sub(4));
    let marked = index.reflection_days(year);
    let width = (crate::ui::widgets::heatmap::width(first, last) + 4).min(area.width);
    let months = if first.month() == 1 && last.month() == 12 {
        String::new()
    } else {
        format!(" ({}–{})", first.format("%b"), last.format("%b"))
    };
    let popup = area.centered(Constraint::Length(width), Constraint::Length(12));
    let entries = index.day(cursor).map_or(0, |day| day.entries.len());
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focus)
        .padding(Padding::horizontal(1))
        .title(Line::styled(
            format!(
                " {year}{months}: {} with reflections ",
                if marked.len() == 1 {
                    "1 day".to_string()
                } else {
                    format!("{} days", marked.len())
                }
            ),
            theme.title,
        ))
        .title_bottom(Line::styled(
            format!(
                " {} · {} {} · ■ wrote · · did not ",
                cursor.format("%a %-d %b"),
                entries,
                if entries == 1 { "entry" } else { "entries" }
            ),
            theme.muted,
        ));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    crate::ui::widgets::heatmap::render(first, last, &marked, Some(cursor), theme, frame, inner);
}

/// `text` as lines, with the byte `ranges` marked.
fn highlighted_lines(
    text: &str,
    ranges: &[std::ops::Range<usize>],
    style: Style,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mark = style
        .patch(theme.accent)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        let end = start + line.len();
        let mut spans = Vec::new();
        let mut at = start;
        for range in ranges.iter().filter(|r| r.start < end && r.end > start) {
            let from = range.start.max(start);
            let to = range.end.min(end);
            if from > at && text.is_char_boundary(from) {
                spans.push(Span::styled(text[at..from].to_string(), style));
            }
            if text.is_char_boundary(from) && text.is_char_boundary(to) && to > from {
                spans.push(Span::styled(text[from..to].to_string(), mark));
                at = to;
            }
        }
        if at < end {
            spans.push(Span::styled(text[at..end].to_string(), style));
        }
        // Tabs become spaces only now: the ranges count bytes of the text as written.
        let mut column = 0;
        let spans: Vec<Span<'static>> = spans
            .into_iter()
            .map(|span| {
                let (content, end) = expand_tabs(&span.content, column);
                column = end;
                Span::styled(content, span.style)
            })
            .collect();
        lines.push(Line::from(spans));
        offset = end + 1;
    }
    lines
}

fn render_editor(
    editing: &EntryEditor,
    index: &JournalIndex,
    theme: &Theme,
    frame: &mut TermFrame,
    area: Rect,
) {
    let question = index
        .day(editing.date)
        .and_then(|day| {
            day.entries
                .iter()
                .find(|entry| entry.id == editing.entry_id)
        })
        .and_then(|entry| entry.question.clone());
    let changed = if editing.is_changed() {
        " · unsaved"
    } else {
        ""
    };
    let block = theme.panel(true).title(Line::styled(
        format!(" Editing {}{changed} ", editing.date.format("%a %-d %b %Y")),
        theme.title,
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let question_lines: Vec<Line> = question
        .map(|question| {
            textwrap::wrap(&question, usize::from(inner.width).max(1))
                .into_iter()
                .map(|line| Line::styled(line.into_owned(), theme.title))
                .collect()
        })
        .unwrap_or_default();
    let height = question_lines.len() as u16 + u16::from(!question_lines.is_empty());
    let [question_area, editor_area] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(question_lines), question_area);
    frame.render_widget(&editing.editor, editor_area);
}

#[cfg(test)]
mod calendar_tests {
    use super::*;
    use chrono::Datelike;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_calendar_shows_the_whole_year_when_it_fits() {
        assert_eq!(
            calendar_months(date(6, 15), 110),
            (date(1, 1), date(12, 31))
        );
    }

    #[test]
    fn a_narrow_calendar_shows_the_months_around_the_cursor() {
        for width in [20, 40, 76, 96] {
            for cursor in [
                date(1, 1),
                date(3, 31),
                date(6, 15),
                date(11, 30),
                date(12, 31),
            ] {
                let (first, last) = calendar_months(cursor, width);
                assert!(first <= cursor && cursor <= last, "{cursor} at {width}");
                assert_eq!(first.day(), 1);
                assert_eq!(last.succ_opt().unwrap().day(), 1);
                assert!(crate::ui::widgets::heatmap::width(first, last) <= width);
            }
        }
        // December at 96 columns: the year's end and as many months before as fit.
        let (first, last) = calendar_months(date(12, 31), 96);
        assert_eq!(last, date(12, 31));
        assert!(first.month() <= 4, "{first}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_scrolls_until_its_last_line_reaches_the_bottom() {
        let created = chrono::DateTime::parse_from_rfc3339("2026-11-25T07:30:00+01:00").unwrap();
        let text = (1..=30)
            .map(|n| format!("line {n}"))
            .collect::<Vec<_>>()
            .join("\n");
        let entry = Entry::new(created, 1, text);
        // 12 rows: 10 inside the border; 32 lines (facts, gap, 30 of text).
        let area = Rect::new(0, 0, 40, 12);
        assert_eq!(entry_last_scroll(&entry, area), 22);
        // A line longer than the width takes the rows it wraps to.
        let long = Entry::new(created, 2, "word ".repeat(40));
        assert_eq!(entry_last_scroll(&long, area), 0);
        // Ten columns inside border and padding: two words a row, 20 rows of text,
        // and two rows shown.
        let narrow = Rect::new(0, 0, 14, 4);
        assert_eq!(entry_last_scroll(&long, narrow), 20);
    }

    #[test]
    fn highlights_split_lines_at_byte_ranges() {
        let theme = Theme::default();
        let lines = highlighted_lines(
            "Café talk\nwith Jordan",
            &[(0..5), (16..22)],
            Style::new(),
            &theme,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].spans[0].content, "Café");
        assert_eq!(lines[1].spans[1].content, "Jordan");
    }

    #[test]
    fn a_tab_in_an_entry_shows_as_spaces_and_highlights_stay_on_their_words() {
        let theme = Theme::default();
        // "with" and "tab" are bytes 6..10 and 11..14 of the text as written.
        let lines = highlighted_lines("entry with\ttab", &[6..10, 11..14], Style::new(), &theme);
        let shown: Vec<&str> = lines[0].spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, ["entry ", "with", "  ", "tab"]);
    }
}

/// `text` cut to `width` characters, with `…` when something was left out (frame
/// names are one column a character).
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    match width {
        0 => String::new(),
        width => text.chars().take(width - 1).chain(['…']).collect(),
    }
}
