//! The weekly review: a look back at a week in figures, then four questions (Continue,
//! Start, Stop and one on true north), answered in place. The questions are the
//! built-in `weekly-review` pack's; saving turns each answer into an entry of that
//! pack (see `domain::review`). Reopened, a review shows the answers already written
//! for its week, and saving changes them where they are kept.

use chrono::NaiveDate;
use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::Prompt;
use crate::domain::review::{ReviewPart, ReviewPrompt, Written, shown_text};
use crate::ui::theme::Theme;

/// Rows a question takes while another has the focus: one line.
const FOLDED_HEIGHT: u16 = 1;
/// The most rows the look back takes, borders included: room for every figure of
/// [`crate::domain::review::summary`] with its longest line wrapped.
const SUMMARY_MAX_HEIGHT: u16 = 12;
/// The fewest rows the focused question keeps: its border, the question and two
/// lines to write in.
const FOCUSED_MIN_HEIGHT: u16 = 5;

/// One question and its answer so far.
pub struct Question {
    pub part: ReviewPart,
    pub prompt: Prompt,
    pub editor: TextArea<'static>,
    /// The answer as written before the review opened (empty when none was).
    pub saved: String,
    /// The day files holding that answer, oldest first: more than one only when an
    /// earlier version saved it twice.
    pub kept_in: Vec<NaiveDate>,
}

impl Question {
    pub fn text(&self) -> String {
        self.editor.lines().join("\n")
    }

    /// Whether the answer differs from what is written (blank lines around it aside,
    /// as saving trims them).
    pub fn is_changed(&self) -> bool {
        self.text().trim() != self.saved
    }
}

pub struct ReviewScreen {
    /// The first day of the week looked back on.
    pub week_start: NaiveDate,
    /// `16–22 Nov`.
    pub label: String,
    /// The week in a few lines; `None` until the journal has been read.
    pub summary: Option<Vec<String>>,
    pub questions: Vec<Question>,
    pub focus: usize,
}

impl ReviewScreen {
    /// The review of the week from `week_start`, showing the answers already
    /// `written` for it.
    pub fn new(
        week_start: NaiveDate,
        label: String,
        prompts: &[ReviewPrompt],
        written: &[Written],
    ) -> ReviewScreen {
        let questions = prompts
            .iter()
            .map(|question| {
                let saved = shown_text(written, question.part);
                let mut kept_in: Vec<NaiveDate> = written
                    .iter()
                    .filter(|answer| answer.part == question.part)
                    .map(|answer| answer.date)
                    .collect();
                kept_in.dedup();
                Question {
                    part: question.part,
                    prompt: question.prompt.clone(),
                    editor: new_editor(&saved),
                    saved,
                    kept_in,
                }
            })
            .collect();
        let mut screen = ReviewScreen {
            week_start,
            label,
            summary: None,
            questions,
            focus: 0,
        };
        screen.show_cursor();
        screen
    }

    pub fn focused(&mut self) -> Option<&mut Question> {
        self.questions.get_mut(self.focus)
    }

    /// Moves to the next (or previous) question, round the end.
    pub fn move_focus(&mut self, step: isize) {
        let count = self.questions.len().max(1) as isize;
        self.focus = (self.focus as isize + step).rem_euclid(count) as usize;
        self.show_cursor();
    }

    /// Whether anything has been written, saved or not.
    pub fn has_answers(&self) -> bool {
        self.questions
            .iter()
            .any(|question| !question.text().trim().is_empty())
    }

    /// Whether the review was written before it opened.
    pub fn was_written(&self) -> bool {
        self.questions
            .iter()
            .any(|question| !question.kept_in.is_empty())
    }

    /// Whether any answer differs from what is written.
    pub fn is_changed(&self) -> bool {
        self.questions.iter().any(Question::is_changed)
    }

    /// The cursor shows in the focused answer only.
    fn show_cursor(&mut self) {
        let focus = self.focus;
        for (n, question) in self.questions.iter_mut().enumerate() {
            let style = if n == focus {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            question.editor.set_cursor_style(style);
        }
    }

    pub fn render(&self, theme: &Theme, frame: &mut TermFrame, area: Rect) {
        let mut summary_lines: Vec<Line> = match &self.summary {
            Some(lines) if lines.is_empty() => {
                vec![Line::styled("Nothing was written that week.", theme.muted)]
            }
            Some(lines) => lines
                .iter()
                .map(|line| Line::styled(line.clone(), theme.text))
                .collect(),
            None => vec![Line::styled("Reading the week…", theme.muted)],
        };
        // Lines wrap at words: count the rows each takes at this width.
        let width = usize::from(area.width.saturating_sub(4).max(1));
        let rows_of = |line: &Line| textwrap::wrap(&line.to_string(), width).len().max(1);
        let rows: usize = summary_lines.iter().map(rows_of).sum();
        // The question being answered keeps room for itself and two lines to write;
        // the look back takes what is left, up to its own length.
        let folded = FOLDED_HEIGHT * self.questions.len().saturating_sub(1) as u16;
        let question_rows = self.questions.get(self.focus).map_or(1, |question| {
            textwrap::wrap(&question.prompt.text, width).len()
        }) as u16;
        let focused_min = (question_rows + 4).max(FOCUSED_MIN_HEIGHT);
        let room = area.height.saturating_sub(folded + focused_min).max(3);
        let summary_height = (rows as u16 + 2).min(SUMMARY_MAX_HEIGHT).min(room);
        // Too little room for it all: the lines that fit, then a word on the rest,
        // rather than a figure silently cut off.
        let visible = usize::from(summary_height.saturating_sub(2));
        if rows > visible {
            let mut used = 0;
            let keep = summary_lines
                .iter()
                .take_while(|line| {
                    used += rows_of(line);
                    used < visible
                })
                .count();
            let hidden = summary_lines.len() - keep;
            summary_lines.truncate(keep);
            summary_lines.push(Line::styled(
                format!(
                    "… {hidden} more {} in a taller window, or on Trends",
                    if hidden == 1 { "line" } else { "lines" }
                ),
                theme.muted,
            ));
        }
        let constraints: Vec<Constraint> = std::iter::once(Constraint::Length(summary_height))
            .chain(self.questions.iter().enumerate().map(|(n, _)| {
                if n == self.focus {
                    Constraint::Fill(1)
                } else {
                    Constraint::Length(FOLDED_HEIGHT)
                }
            }))
            .collect();
        let areas = Layout::vertical(constraints).split(area);
        let summary = Paragraph::new(summary_lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .border_type(BorderType::Rounded)
                    .border_style(theme.border)
                    .padding(Padding::horizontal(1))
                    .title(Line::styled(
                        format!(" Weekly review · looking back on {} ", self.label),
                        theme.title,
                    )),
            );
        frame.render_widget(summary, areas[0]);
        for (n, question) in self.questions.iter().enumerate() {
            self.render_question(n, question, theme, frame, areas[n + 1]);
        }
    }

    fn render_question(
        &self,
        n: usize,
        question: &Question,
        theme: &Theme,
        frame: &mut TermFrame,
        area: Rect,
    ) {
        let focused = n == self.focus;
        let answered = !question.text().trim().is_empty();
        let label = Span::styled(
            format!("{} ", question.part.label()),
            theme
                .frame_style(&question.prompt.frame)
                .add_modifier(Modifier::BOLD),
        );
        if !focused {
            // Folded to a line: the answer's first line, or the question when none yet.
            let (mark, rest) = match question
                .editor
                .lines()
                .iter()
                .find(|l| !l.trim().is_empty())
            {
                Some(first) => (
                    Span::styled("✓ ", theme.success),
                    Span::styled(first.clone(), theme.text),
                ),
                None => (
                    Span::raw("  "),
                    Span::styled(question.prompt.text.clone(), theme.muted),
                ),
            };
            let line = Line::from(vec![
                Span::styled(format!("  {} ", n + 1), theme.accent),
                label,
                mark,
                rest,
            ]);
            frame.render_widget(Paragraph::new(line), area);
            return;
        }
        let status = if answered { " ✓ written " } else { "" };
        let block = theme
            .panel(true)
            .title(Line::from(vec![
                Span::styled(format!("▸ {} ", n + 1), theme.accent),
                label,
            ]))
            .title(Line::styled(status, theme.success).right_aligned());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let width = usize::from(inner.width);
        let mut lines: Vec<Line> = textwrap::wrap(&question.prompt.text, width)
            .into_iter()
            .map(|line| Line::styled(line.into_owned(), theme.title))
            .collect();
        // Keep at least two rows for the answer.
        lines.truncate(usize::from(inner.height.saturating_sub(2)).max(1));
        if lines.len() + 4 <= usize::from(inner.height) {
            lines.push(Line::raw(""));
        }
        let [question_area, editor_area] =
            Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Fill(1)])
                .areas(inner);
        frame.render_widget(Paragraph::new(lines), question_area);
        frame.render_widget(&question.editor, editor_area);
    }
}

/// An answer's text area holding `text`, the cursor at its end to go on writing.
fn new_editor(text: &str) -> TextArea<'static> {
    let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_cursor_line_style(Style::new());
    editor.set_placeholder_text("Write a few honest lines…");
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    editor
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;

    fn drawn(screen: &ReviewScreen, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let theme = Theme::default();
        terminal
            .draw(|frame| screen.render(&theme, frame, frame.area()))
            .unwrap();
        terminal.backend().to_string()
    }

    fn screen_with(lines: usize) -> ReviewScreen {
        let packs = crate::builtin::packs_lenient();
        let prompts = crate::domain::review::prompts(&packs);
        let week = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut screen = ReviewScreen::new(week, "23–29 Nov".into(), &prompts, &[]);
        screen.summary = Some((1..=lines).map(|n| format!("Figure {n}")).collect());
        screen
    }

    #[test]
    fn the_look_back_shows_every_line_when_there_is_room_and_says_what_it_leaves_out() {
        let screen = screen_with(8);
        let roomy = drawn(&screen, 80, 21);
        assert!(roomy.contains("Figure 8"), "{roomy}");
        assert!(!roomy.contains("more lines"), "{roomy}");
        // Short of room: the question keeps its lines to write, and the look back
        // says how much it left out instead of dropping it silently.
        let cramped = drawn(&screen, 80, 16);
        assert!(cramped.contains("Figure 1"), "{cramped}");
        assert!(!cramped.contains("Figure 8"), "{cramped}");
        assert!(
            cramped.contains("more lines in a taller window, or on Trends"),
            "{cramped}"
        );
        assert!(cramped.contains("Write a few honest lines"), "{cramped}");
    }
}
