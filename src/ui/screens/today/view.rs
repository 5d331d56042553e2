//! Drawing Today: the answers share the height, the focused one gets the most room,
//! and when there are more answers than fit, a window around the focus is shown.
//! Under them, the ratings line, then the commitments due today.

use ratatui::Frame as TermFrame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Focus, Origin, Slot, Today};
use crate::domain::{AnswerKind, AnswerValue, Rating};
use crate::ui::theme::Theme;

/// Below this height an answer box is shown folded: its question and first line.
const FOLDED_HEIGHT: u16 = 4;
/// The least room the focused answer gets.
const FOCUSED_MIN_HEIGHT: u16 = 8;

pub fn render(today: &Today, theme: &Theme, frame: &mut TermFrame, area: Rect) {
    let [slots_area, ratings_area, practice_area] = split(today, area);
    for (index, row) in layout_slots(today, slots_area) {
        render_slot(today, index, theme, frame, row);
    }
    render_ratings(today, theme, frame, ratings_area);
    today
        .practice
        .render(today.focus == Focus::Practice, theme, frame, practice_area);
}

/// The answers above, the ratings line, then the commitments due today.
fn split(today: &Today, area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(practice_height(today, area.height)),
    ])
    .areas(area)
}

/// Lines the commitments take in a body `height` high: the whole list when the
/// answers keep room for one or two full boxes, or when the list has the focus
/// (the focus gets the room, as a focused answer does); otherwise a summary line.
fn practice_height(today: &Today, height: u16) -> u16 {
    let full = today.practice.full_height();
    if full == 0 {
        return 0;
    }
    let room = height.saturating_sub(1);
    if today.focus == Focus::Practice {
        return full.min(room.saturating_sub(FOLDED_HEIGHT)).max(1);
    }
    let answers = FOCUSED_MIN_HEIGHT * today.slots.len().clamp(1, 2) as u16;
    if full + answers <= room { full } else { 1 }
}

/// The commitment listed at a screen position of Today drawn in `area`, for a click.
pub fn practice_row_at(today: &Today, area: Rect, column: u16, row: u16) -> Option<usize> {
    let [_, _, practice_area] = split(today, area);
    if !practice_area.contains(ratatui::layout::Position::new(column, row)) {
        return None;
    }
    today.practice.row_at(practice_area, row)
}

/// What is drawn at a screen position of Today drawn in `area`: an answer or a
/// rating, for a click to focus it.
pub fn focus_at(today: &Today, theme: &Theme, area: Rect, column: u16, row: u16) -> Option<Focus> {
    let [slots_area, ratings_area, practice_area] = split(today, area);
    let at = ratatui::layout::Position::new(column, row);
    if practice_area.contains(at) {
        return Some(Focus::Practice);
    }
    if ratings_area.contains(at) {
        let mut start = ratings_area.x;
        for (focus, span) in rating_spans(today, theme) {
            let end = start.saturating_add(span.width() as u16);
            if (start..end).contains(&column) {
                return focus;
            }
            start = end;
        }
        return None;
    }
    layout_slots(today, slots_area)
        .into_iter()
        .find(|(_, rect)| rect.contains(at))
        .map(|(index, _)| Focus::Slot(index))
}

/// Which slots are drawn, and where.
fn layout_slots(today: &Today, area: Rect) -> Vec<(usize, Rect)> {
    let count = today.slots.len();
    if count == 0 {
        return Vec::new();
    }
    let focused = match today.focus {
        Focus::Slot(index) => index,
        // On the ratings, keep the last answers in view.
        _ => count - 1,
    };
    let comfortable = FOCUSED_MIN_HEIGHT * count as u16 <= area.height;
    if comfortable {
        let rows = Layout::vertical(vec![Constraint::Fill(1); count]).split(area);
        return rows.iter().copied().enumerate().collect();
    }
    // As many folded neighbours as fit beside the focused answer, nearest first.
    let room_for_others = area.height.saturating_sub(FOCUSED_MIN_HEIGHT) / FOLDED_HEIGHT;
    let mut shown = vec![focused];
    let mut distance = 1;
    while shown.len() < count && (shown.len() as u16) <= room_for_others {
        if focused + distance < count {
            shown.push(focused + distance);
        }
        if (shown.len() as u16) <= room_for_others && focused >= distance {
            shown.push(focused - distance);
        }
        distance += 1;
    }
    shown.sort_unstable();
    let constraints: Vec<Constraint> = shown
        .iter()
        .map(|index| {
            if *index == focused {
                Constraint::Fill(1)
            } else {
                Constraint::Length(FOLDED_HEIGHT)
            }
        })
        .collect();
    let rows = Layout::vertical(constraints).split(area);
    shown.into_iter().zip(rows.iter().copied()).collect()
}

fn render_slot(today: &Today, index: usize, theme: &Theme, frame: &mut TermFrame, area: Rect) {
    let slot = &today.slots[index];
    let focused = today.focus == Focus::Slot(index);
    let block = theme
        .panel(focused)
        .title(title(slot, focused && today.writing, theme))
        .title(status(slot, theme).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let value_line = value_line(slot, theme);
    let reserved = 1 + u16::from(value_line.is_some());
    let question_room = usize::from(inner.height.saturating_sub(reserved).max(1));
    let mut lines: Vec<Line> = wrap(&slot.prompt.text, width)
        .into_iter()
        .map(|line| Line::styled(line, theme.title))
        .collect();
    truncate_lines(&mut lines, question_room);
    if let Some(follow_up) = &slot.prompt.follow_up {
        let follow: Vec<Line> = wrap(follow_up, width)
            .into_iter()
            .map(|line| Line::styled(line, theme.muted.add_modifier(Modifier::ITALIC)))
            .collect();
        // The follow-up only shows when the answer keeps room for three lines.
        if lines.len() + follow.len() + 3 + usize::from(reserved - 1) <= usize::from(inner.height) {
            lines.extend(follow);
        }
    }
    if let Some(value_line) = value_line {
        lines.push(value_line);
    }
    // A blank line between question and answer, when the answer keeps three lines.
    if lines.len() + 4 <= usize::from(inner.height) {
        lines.push(Line::raw(""));
    }
    let question_height = lines.len() as u16;
    let [question_area, editor_area] =
        Layout::vertical([Constraint::Length(question_height), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), question_area);
    frame.render_widget(&slot.editor, editor_area);
}

fn title<'a>(slot: &'a Slot, writing: bool, theme: &Theme) -> Line<'a> {
    let frame_style = theme.frame_style(&slot.prompt.frame);
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(
            slot.prompt.frame.label(),
            frame_style.add_modifier(Modifier::BOLD),
        ),
    ];
    let source = match &slot.origin {
        Origin::Daily => None,
        Origin::Scheduled {
            missed_from: Some(date),
        } => Some(format!("{} · from {}", slot.pack_title, date.format("%A"))),
        _ if slot.pack_title.is_empty() => None,
        _ => Some(slot.pack_title.clone()),
    };
    if let Some(source) = source {
        spans.push(Span::styled(format!(" · {source}"), theme.muted));
    }
    if writing {
        spans.push(Span::styled(" · writing", theme.muted));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

fn status<'a>(slot: &Slot, theme: &Theme) -> Line<'a> {
    if slot.is_dirty() {
        Line::styled(" unsaved ", theme.warning)
    } else if slot.entry_id.is_some() {
        Line::styled(" saved ✓ ", theme.success)
    } else {
        Line::raw("")
    }
}

/// The measured answer of a scale, number or yes/no prompt, with its choices in
/// words so nothing rests on colour.
fn value_line<'a>(slot: &Slot, theme: &Theme) -> Option<Line<'a>> {
    let label = Span::styled("Answer: ", theme.text.add_modifier(Modifier::BOLD));
    let line = match (&slot.prompt.answer, slot.value) {
        (AnswerKind::Text, _) => return None,
        (AnswerKind::Scale(scale), value) => {
            let chosen = match value {
                Some(AnswerValue::Number(n)) => Some(n),
                _ => None,
            };
            let dots: String = (scale.min..=scale.max)
                .map(|n| {
                    if chosen.is_some_and(|c| n <= c) {
                        '●'
                    } else {
                        '○'
                    }
                })
                .collect();
            let number = chosen.map_or_else(|| " –".to_string(), |n| format!(" {n}"));
            Line::from(vec![
                label,
                Span::styled(dots, theme.accent),
                Span::styled(number, theme.accent.add_modifier(Modifier::BOLD)),
                Span::styled(
                    format!(
                        "   {} {} … {} {}",
                        scale.min, scale.low, scale.max, scale.high
                    ),
                    theme.muted,
                ),
            ])
        }
        (AnswerKind::Number, value) => Line::from(vec![
            label,
            Span::styled(
                value.map_or_else(|| "–".to_string(), |v| v.to_string()),
                theme.accent.add_modifier(Modifier::BOLD),
            ),
            Span::styled("   type a number", theme.muted),
        ]),
        (AnswerKind::YesNo, value) => {
            let mark = |yes: bool| {
                let chosen = value == Some(AnswerValue::YesNo(yes));
                let word = if yes { "yes" } else { "no" };
                if chosen {
                    Span::styled(
                        format!("[{word}]"),
                        theme.accent.add_modifier(Modifier::BOLD),
                    )
                } else {
                    Span::styled(format!(" {word} "), theme.muted)
                }
            };
            Line::from(vec![
                label,
                mark(true),
                Span::raw(" "),
                mark(false),
                Span::styled("   y / n", theme.muted),
            ])
        }
    };
    Some(line)
}

fn render_ratings(today: &Today, theme: &Theme, frame: &mut TermFrame, area: Rect) {
    let spans: Vec<Span> = rating_spans(today, theme)
        .into_iter()
        .map(|(_, span)| span)
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The ratings line, each span with the rating it belongs to (for clicks).
fn rating_spans(today: &Today, theme: &Theme) -> Vec<(Option<Focus>, Span<'static>)> {
    let mut spans = Vec::new();
    for (focus, label, rating) in [
        (Focus::Energy, "Energy", today.energy),
        (Focus::Outlook, "Outlook", today.outlook),
    ] {
        let focused = today.focus == focus;
        let marker = if focused { "▸ " } else { "  " };
        let label_style = if focused {
            theme
                .accent
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            theme.text
        };
        let value = rating.map_or(0, Rating::value);
        let dots: String = (Rating::MIN..=Rating::MAX)
            .map(|n| if n <= value { '●' } else { '○' })
            .collect();
        let number = rating.map_or_else(|| " –/5".to_string(), |r| format!(" {r}/5"));
        spans.extend([
            (Some(focus), Span::styled(marker, theme.accent)),
            (Some(focus), Span::styled(format!("{label} "), label_style)),
            (Some(focus), Span::styled(dots, theme.accent)),
            (Some(focus), Span::styled(number, theme.muted)),
            (None, Span::raw("    ")),
        ]);
    }
    let hidden = today.slots.len();
    if hidden > 2 {
        spans.push((
            None,
            Span::styled(format!("{hidden} prompts today"), theme.muted),
        ));
    }
    spans
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, width.max(1))
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// Keeps at most `max` lines, marking a cut with an ellipsis.
fn truncate_lines(lines: &mut Vec<Line>, max: usize) {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::raw("…"));
        }
    }
}
