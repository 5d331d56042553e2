//! A small form over the screen: labelled one-line fields, one under the other. Text
//! fields take typing with a cursor; choice fields pick from a short list with ←/→,
//! Space or a first letter. The form only holds and draws what was typed: the caller
//! reads the values, checks them with the domain's rules and hands a problem back
//! with [`Form::set_error`], which puts the cursor in the field it names.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph, Wrap};

use crate::ui::theme::Theme;

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One line of text; `cursor` counts characters, not bytes.
    Text { value: String, cursor: usize },
    /// One of `options` (never empty).
    Choice {
        options: Vec<String>,
        selected: usize,
    },
}

impl Input {
    pub fn text(value: impl Into<String>) -> Input {
        let value = value.into();
        let cursor = value.chars().count();
        Input::Text { value, cursor }
    }

    /// A choice of `options`, starting at `selected` (kept in range).
    pub fn choice(options: Vec<String>, selected: usize) -> Input {
        assert!(!options.is_empty(), "a choice needs at least one option");
        let selected = selected.min(options.len() - 1);
        Input::Choice { options, selected }
    }

    /// The value as shown, and as compared to tell whether anything changed.
    pub fn shown(&self) -> &str {
        match self {
            Input::Text { value, .. } => value,
            Input::Choice { options, selected } => &options[*selected],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub label: &'static str,
    /// A line of help shown while the field has the focus.
    pub hint: String,
    pub input: Input,
}

impl FormField {
    pub fn new(label: &'static str, hint: impl Into<String>, input: Input) -> FormField {
        FormField {
            label,
            hint: hint.into(),
            input,
        }
    }
}

/// The longest the popup grows, in columns.
const MAX_WIDTH: u16 = 78;
/// Lines under the fields for the hint or the problem, before it is cut.
const NOTE_LINES: u16 = 3;

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    fields: Vec<FormField>,
    focus: usize,
    /// The field a problem is in, and the problem.
    error: Option<(usize, String)>,
    /// The values when the form opened, to tell whether leaving would drop anything.
    initial: Vec<String>,
    /// Esc was pressed once with changes: a second Esc leaves without them.
    discard_asked: bool,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<FormField>) -> Form {
        let initial = fields
            .iter()
            .map(|field| field.input.shown().to_string())
            .collect();
        Form {
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            initial,
            discard_asked: false,
        }
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn set_focus(&mut self, index: usize) {
        if index < self.fields.len() {
            self.focus = index;
        }
    }

    /// Moves the focus `step` fields on, round the ends.
    pub fn move_focus(&mut self, step: isize) {
        let count = self.fields.len() as isize;
        if count > 0 {
            self.focus = (self.focus as isize + step).rem_euclid(count) as usize;
        }
    }

    /// The text of field `index` (the option's text for a choice).
    pub fn value(&self, index: usize) -> &str {
        self.fields[index].input.shown()
    }

    /// The option picked in field `index` (0 for a text field).
    pub fn choice(&self, index: usize) -> usize {
        match &self.fields[index].input {
            Input::Choice { selected, .. } => *selected,
            Input::Text { .. } => 0,
        }
    }

    pub fn error(&self) -> Option<(usize, &str)> {
        self.error
            .as_ref()
            .map(|(index, message)| (*index, message.as_str()))
    }

    /// Shows `message` under the form and puts the cursor in field `index`.
    pub fn set_error(&mut self, index: usize, message: impl Into<String>) {
        self.set_focus(index);
        self.error = Some((
            index.min(self.fields.len().saturating_sub(1)),
            message.into(),
        ));
        self.discard_asked = false;
    }

    /// Whether any value differs from when the form opened.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(field, initial)| field.input.shown() != initial)
    }

    /// Every field's value as shown, with its label: what a draft keeps.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        self.fields
            .iter()
            .map(|field| (field.label, field.input.shown().to_string()))
            .collect()
    }

    /// Puts back values kept by [`Form::values`], matched by label. A choice takes the
    /// option shown by that name; a label or option the form no longer has is left as
    /// it is. Returns how many fields took a value.
    pub fn restore<'a>(&mut self, values: impl IntoIterator<Item = (&'a str, &'a str)>) -> usize {
        let mut restored = 0;
        for (label, value) in values {
            let Some(field) = self.fields.iter_mut().find(|field| field.label == label) else {
                continue;
            };
            match &mut field.input {
                Input::Text { .. } => field.input = Input::text(value),
                Input::Choice { options, selected } => {
                    let Some(at) = options.iter().position(|option| option == value) else {
                        continue;
                    };
                    *selected = at;
                }
            }
            restored += 1;
        }
        restored
    }

    /// Esc: true when the form may close. Changes are never dropped on one key
    /// press: the first Esc only says that a second one would drop them.
    pub fn may_close(&mut self) -> bool {
        if !self.is_dirty() || self.discard_asked {
            return true;
        }
        self.discard_asked = true;
        false
    }

    /// A key not bound to a form action: typing and moving in a text field, or
    /// picking in a choice. Returns whether it did anything.
    pub fn key(&mut self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        if event.modifiers.contains(KeyModifiers::ALT) {
            return false;
        }
        let changed = match &mut self.fields[self.focus].input {
            Input::Text { value, cursor } if ctrl => erase(value, cursor, event.code),
            Input::Text { value, cursor } => edit_text(value, cursor, event.code),
            Input::Choice { .. } if ctrl => false,
            Input::Choice { options, selected } => pick(options, selected, event.code),
        };
        if changed {
            self.edited();
        }
        changed
    }

    /// Pasted text goes into the focused text field as one line.
    pub fn paste(&mut self, text: &str) {
        if let Input::Text { value, cursor } = &mut self.fields[self.focus].input {
            for c in text.chars() {
                let c = if c.is_control() { ' ' } else { c };
                insert(value, cursor, c);
            }
            self.edited();
        }
    }

    /// After a change, the problem shown for this field may no longer hold, and a
    /// pending "Esc again" no longer describes what would be dropped.
    fn edited(&mut self) {
        if self
            .error
            .as_ref()
            .is_some_and(|(index, _)| *index == self.focus)
        {
            self.error = None;
        }
        self.discard_asked = false;
    }

    pub fn render(&self, theme: &Theme, frame: &mut Frame, area: Rect) {
        let fields = self.fields.len() as u16;
        let height = (fields + 1 + NOTE_LINES + 2).min(area.height);
        let width = MAX_WIDTH.min(area.width);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border_focus)
            .padding(Padding::horizontal(1))
            .title(Line::styled(format!(" {} ", self.title), theme.title))
            .title_bottom(Line::styled(" Ctrl-U clears a field ", theme.muted).right_aligned());
        let inner = block.inner(popup);
        frame.render_widget(Clear, popup);
        frame.render_widget(block, popup);
        // On a short terminal the fields scroll to keep the focused one in sight,
        // and the note below keeps at least one line.
        let rows = inner.height.saturating_sub(2).clamp(1, fields.max(1));
        let [list, _, note] = Layout::vertical([
            Constraint::Length(rows),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        let label_width = self
            .fields
            .iter()
            .map(|field| field.label.chars().count())
            .max()
            .unwrap_or(0)
            + 3;
        let value_width = usize::from(list.width).saturating_sub(label_width);
        let first = self.focus.saturating_sub(usize::from(rows) - 1);
        let lines: Vec<Line> = self
            .fields
            .iter()
            .enumerate()
            .skip(first)
            .take(usize::from(rows))
            .map(|(index, field)| self.field_line(index, field, label_width, value_width, theme))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
        frame.render_widget(
            Paragraph::new(self.note(theme)).wrap(Wrap { trim: true }),
            note,
        );
    }

    fn field_line<'a>(
        &self,
        index: usize,
        field: &'a FormField,
        label_width: usize,
        value_width: usize,
        theme: &Theme,
    ) -> Line<'a> {
        let focused = index == self.focus;
        let wrong = self.error.as_ref().is_some_and(|(at, _)| *at == index);
        // The marks say what colour also says: ▸ has the focus, ✗ has a problem.
        let mark = match (wrong, focused) {
            (true, _) => "✗",
            (false, true) => "▸",
            (false, false) => " ",
        };
        let label_style = if wrong {
            theme.error.add_modifier(Modifier::BOLD)
        } else if focused {
            theme.accent.add_modifier(Modifier::BOLD)
        } else {
            theme.muted
        };
        let mut spans = vec![Span::styled(
            format!("{mark} {:<width$}", field.label, width = label_width - 2),
            label_style,
        )];
        match &field.input {
            Input::Text { value, cursor } if focused => {
                spans.extend(text_with_cursor(value, *cursor, value_width, theme));
            }
            Input::Text { value, .. } => {
                let shown: String = value.chars().take(value_width).collect();
                spans.push(Span::styled(shown, theme.text));
            }
            Input::Choice { options, selected } if focused => {
                let option = &options[*selected];
                spans.push(Span::styled("◂ ", theme.accent));
                spans.push(Span::styled(
                    option.clone(),
                    theme.text.add_modifier(Modifier::BOLD),
                ));
                spans.push(Span::styled(" ▸", theme.accent));
                spans.push(Span::styled(
                    format!("  {} of {}", selected + 1, options.len()),
                    theme.muted,
                ));
            }
            Input::Choice { options, selected } => {
                spans.push(Span::styled(options[*selected].clone(), theme.text));
            }
        }
        Line::from(spans)
    }

    /// The line under the fields: a problem, the Esc warning, or the focused
    /// field's hint.
    fn note(&self, theme: &Theme) -> Line<'_> {
        if self.discard_asked {
            return Line::styled(
                "⚠ You have changes here. Esc again leaves without them; Enter or Ctrl-S saves.",
                theme.warning,
            );
        }
        if let Some((index, message)) = &self.error {
            return Line::styled(
                format!("✗ {}: {message}", self.fields[*index].label.trim()),
                theme.error,
            );
        }
        Line::styled(self.fields[self.focus].hint.clone(), theme.muted)
    }
}

/// The visible part of `value` with the cursor cell in reverse video, scrolled so
/// the cursor stays in the `width` columns.
fn text_with_cursor(value: &str, cursor: usize, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let chars: Vec<char> = value.chars().collect();
    let width = width.max(1);
    let first = (cursor + 1).saturating_sub(width);
    let before: String = chars[first..cursor].iter().collect();
    let under = chars.get(cursor).map_or(' ', |c| *c);
    let after_end = chars.len().min(first + width);
    let after: String = chars
        .get(cursor + 1..after_end)
        .map(|rest| rest.iter().collect())
        .unwrap_or_default();
    vec![
        Span::styled(before, theme.text),
        Span::styled(
            under.to_string(),
            Style::default().add_modifier(Modifier::REVERSED),
        ),
        Span::styled(after, theme.text),
    ]
}

fn byte_at(value: &str, cursor: usize) -> usize {
    value
        .char_indices()
        .nth(cursor)
        .map_or(value.len(), |(at, _)| at)
}

fn insert(value: &mut String, cursor: &mut usize, c: char) {
    value.insert(byte_at(value, *cursor), c);
    *cursor += 1;
}

/// One key in a text field. Returns whether the value or the cursor moved.
fn edit_text(value: &mut String, cursor: &mut usize, code: KeyCode) -> bool {
    let len = value.chars().count();
    match code {
        KeyCode::Char(c) => insert(value, cursor, c),
        KeyCode::Backspace if *cursor > 0 => {
            *cursor -= 1;
            value.remove(byte_at(value, *cursor));
        }
        KeyCode::Delete if *cursor < len => {
            value.remove(byte_at(value, *cursor));
        }
        KeyCode::Left if *cursor > 0 => *cursor -= 1,
        KeyCode::Right if *cursor < len => *cursor += 1,
        KeyCode::Home => *cursor = 0,
        KeyCode::End => *cursor = len,
        _ => return false,
    }
    true
}

/// The shell's erasing keys: Ctrl-U erases before the cursor (the whole value when
/// the cursor is at the end, the usual way to replace one), Ctrl-K after it, Ctrl-W
/// the word before it.
fn erase(value: &mut String, cursor: &mut usize, code: KeyCode) -> bool {
    let at = byte_at(value, *cursor);
    match code {
        KeyCode::Char('u') if *cursor > 0 => {
            value.replace_range(..at, "");
            *cursor = 0;
        }
        KeyCode::Char('k') if at < value.len() => value.truncate(at),
        KeyCode::Char('w') if *cursor > 0 => {
            let before: Vec<char> = value[..at].chars().collect();
            let mut start = before.len();
            while start > 0 && before[start - 1].is_whitespace() {
                start -= 1;
            }
            while start > 0 && !before[start - 1].is_whitespace() {
                start -= 1;
            }
            value.replace_range(byte_at(value, start)..at, "");
            *cursor = start;
        }
        _ => return false,
    }
    true
}

/// One key in a choice: ←/→ and Space step through the options (round the ends); a
/// letter jumps to the next option that starts with it.
fn pick(options: &[String], selected: &mut usize, code: KeyCode) -> bool {
    let count = options.len();
    let before = *selected;
    match code {
        KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % count,
        KeyCode::Left => *selected = (*selected + count - 1) % count,
        KeyCode::Home => *selected = 0,
        KeyCode::End => *selected = count - 1,
        KeyCode::Char(c) => {
            let wanted: String = c.to_lowercase().collect();
            if let Some(found) = (1..=count)
                .map(|step| (*selected + step) % count)
                .find(|&index| options[index].to_lowercase().starts_with(&wanted))
            {
                *selected = found;
            }
        }
        _ => {}
    }
    *selected != before
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn type_text(form: &mut Form, text: &str) {
        for c in text.chars() {
            form.key(&press(KeyCode::Char(c)));
        }
    }

    fn form() -> Form {
        Form::new(
            "Test",
            vec![
                FormField::new("Title", "what", Input::text("")),
                FormField::new(
                    "Frame",
                    "which",
                    Input::choice(
                        vec!["Love".into(), "Care".into(), "Vulnerability".into()],
                        0,
                    ),
                ),
                FormField::new("Date", "when", Input::text("2026-11-25")),
            ],
        )
    }

    #[test]
    fn values_kept_by_label_come_back_into_a_fresh_form() {
        let mut first = form();
        type_text(&mut first, "Greet three students");
        first.move_focus(1);
        first.key(&press(KeyCode::Char('v')));
        let kept = first.values();
        assert_eq!(kept[1], ("Frame", "Vulnerability".to_string()));

        let mut again = form();
        let restored = again.restore(
            kept.iter()
                .map(|(label, value)| (*label, value.as_str()))
                .chain([("Gone", "a field no longer there"), ("Frame", "Nope")]),
        );
        assert_eq!(restored, 3);
        assert_eq!(again.value(0), "Greet three students");
        assert_eq!(
            again.value(1),
            "Vulnerability",
            "an unknown option is left out"
        );
        assert!(again.is_dirty());
    }

    #[test]
    fn focus_goes_round_both_ways() {
        let mut form = form();
        assert_eq!(form.focus(), 0);
        form.move_focus(1);
        form.move_focus(1);
        assert_eq!(form.focus(), 2);
        form.move_focus(1);
        assert_eq!(form.focus(), 0);
        form.move_focus(-1);
        assert_eq!(form.focus(), 2);
        form.set_focus(9);
        assert_eq!(form.focus(), 2, "out of range is ignored");
    }

    #[test]
    fn text_fields_edit_at_the_cursor_in_characters() {
        let mut form = form();
        type_text(&mut form, "Greet é students");
        for _ in 0..9 {
            form.key(&press(KeyCode::Left));
        }
        form.key(&press(KeyCode::Backspace));
        type_text(&mut form, "ë");
        assert_eq!(form.value(0), "Greet ë students");
        form.key(&press(KeyCode::Home));
        form.key(&press(KeyCode::Delete));
        type_text(&mut form, "g");
        form.key(&press(KeyCode::End));
        type_text(&mut form, "!");
        assert_eq!(form.value(0), "greet ë students!");
        form.paste("\tby\nname");
        assert_eq!(form.value(0), "greet ë students! by name");
        // Keys with Ctrl or Alt are commands, never text.
        assert!(!form.key(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
        assert!(!form.key(&KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT)));
        assert!(!form.key(&press(KeyCode::Right)), "already at the end");
    }

    #[test]
    fn ctrl_u_k_and_w_erase_as_in_a_shell() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let mut form = form();
        form.move_focus(-1);
        assert_eq!(form.value(2), "2026-11-25");
        form.key(&ctrl('u'));
        assert_eq!(form.value(2), "", "at the end, Ctrl-U clears the field");
        type_text(&mut form, "3 per week  ");
        form.key(&ctrl('w'));
        assert_eq!(form.value(2), "3 per ");
        form.key(&press(KeyCode::Home));
        form.key(&press(KeyCode::Right));
        form.key(&ctrl('k'));
        assert_eq!(form.value(2), "3");
        assert!(!form.key(&ctrl('k')), "nothing after the cursor");
    }

    #[test]
    fn choices_step_round_and_jump_by_letter() {
        let mut form = form();
        form.move_focus(1);
        form.key(&press(KeyCode::Left));
        assert_eq!(form.value(1), "Vulnerability");
        form.key(&press(KeyCode::Char(' ')));
        assert_eq!(form.choice(1), 0);
        form.key(&press(KeyCode::Char('c')));
        assert_eq!(form.value(1), "Care");
        assert!(
            !form.key(&press(KeyCode::Char('z'))),
            "no option starts with z"
        );
        assert_eq!(form.value(1), "Care");
    }

    #[test]
    fn esc_never_drops_changes_on_one_press() {
        let mut form = form();
        assert!(form.may_close(), "nothing changed: closes at once");
        type_text(&mut form, "x");
        assert!(!form.may_close(), "first Esc warns");
        type_text(&mut form, "y");
        assert!(!form.may_close(), "typing again asks again");
        assert!(form.may_close());
        let mut form = self::form();
        type_text(&mut form, "x");
        form.key(&press(KeyCode::Backspace));
        assert!(!form.is_dirty(), "back as it was");
        assert!(form.may_close());
    }

    #[test]
    fn a_problem_takes_the_cursor_to_its_field_until_that_field_changes() {
        let mut form = form();
        form.set_error(2, "the start date: cannot read the date");
        assert_eq!(form.focus(), 2);
        assert_eq!(form.error().map(|(at, _)| at), Some(2));
        form.move_focus(-1);
        form.key(&press(KeyCode::Right));
        assert!(form.error().is_some(), "another field's change keeps it");
        form.move_focus(1);
        type_text(&mut form, "x");
        assert!(form.error().is_none());
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_in_sight() {
        let theme = Theme::default();
        let text: String = ('a'..='z').collect();
        let shown = |cursor| {
            text_with_cursor(&text, cursor, 10, &theme)
                .iter()
                .map(|span| span.content.to_string())
                .collect::<String>()
        };
        assert_eq!(shown(0), "abcdefghij");
        assert_eq!(shown(26), "rstuvwxyz ", "the cursor sits after the end");
        assert_eq!(shown(12), "defghijklm");
    }
}
