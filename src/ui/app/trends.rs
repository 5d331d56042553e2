//! Trends and the weekly review. The figures are computed when the journal has been
//! read and each time Trends comes on screen (about a millisecond on ten years of
//! journal, see `benches/trends.rs`), never while drawing. The review is offered on
//! the first open of a new week, can be put off, and `w` opens it any time.

use chrono::{Days, NaiveDate};
use crossterm::event::KeyEvent;

use super::{App, Level, Screen};
use crate::domain::Day;
use crate::domain::insights::{InsightAction, InsightInputs, insights};
use crate::domain::review;
use crate::domain::trends::{WeeklyTrends, week_label, week_of};
use crate::ui::action::Action;
use crate::ui::screens::review::ReviewScreen;
use crate::ui::screens::trends::{InsightRow, WEEKS};

/// The status line when the review opens by itself.
pub(super) const REVIEW_OFFERED: &str =
    "A new week: a few minutes to look back. Esc puts it off; w brings it back.";

impl App {
    fn weekly_trends(&self) -> WeeklyTrends<'_> {
        WeeklyTrends::new(self.week_start, self.rollover_hour)
            .commitments(&self.commitments)
            .people(&self.people)
    }

    /// Recomputes the twelve weeks and the insights from the whole journal, and the
    /// open review's look back. Nothing happens before the journal has been read.
    pub(super) fn refresh_trends(&mut self) {
        let Some(index) = &self.index else {
            return;
        };
        let days = index.days();
        let today = self.today.date;
        let weeks = self.weekly_trends().compute(days, WEEKS, today);
        let found = insights(&InsightInputs {
            weeks: &weeks,
            days,
            today,
            rollover_hour: self.rollover_hour,
            packs: &self.packs,
        });
        let rows = found
            .into_iter()
            .map(|insight| InsightRow {
                action: self.action_text(&insight.action),
                insight,
            })
            .collect();
        self.trends_screen.set(weeks, rows);
        self.refresh_review_summary();
    }

    /// The pack and prompt indices of a prompt, if its pack is installed.
    fn find_prompt(&self, pack: &str, prompt: &str) -> Option<(usize, usize)> {
        let pack_index = self.packs.iter().position(|p| p.meta.id == pack)?;
        let prompt_index = self.packs[pack_index]
            .prompts
            .iter()
            .position(|p| p.id == prompt)?;
        Some((pack_index, prompt_index))
    }

    /// What `a` does for an insight, in words; `None` when there is nothing to do or
    /// its prompt or commitment is gone.
    fn action_text(&self, action: &InsightAction) -> Option<String> {
        match action {
            InsightAction::AnswerPrompt { pack, prompt_id } => {
                let (pack, prompt) = self.find_prompt(pack, prompt_id)?;
                let text = &self.packs[pack].prompts[prompt].text;
                Some(format!("answer on Today: “{text}”"))
            }
            InsightAction::ReviewCommitment { id } => {
                let commitment = self.commitments.iter().find(|c| c.id == *id)?;
                Some(format!("open “{}” on Commitments", commitment.title))
            }
            InsightAction::None => None,
        }
    }

    /// Trends' own keys; false when not theirs.
    pub(super) fn update_trends(&mut self, action: Action) -> bool {
        let screen = &mut self.trends_screen;
        match action {
            Action::Left => {
                if !screen.move_cursor(-1) {
                    self.tell(Level::Info, "That is the earliest of the twelve weeks.");
                }
            }
            Action::Right => {
                if !screen.move_cursor(1) {
                    self.tell(Level::Info, "That is the current week.");
                }
            }
            Action::Up => screen.move_insight(-1),
            Action::Down => screen.move_insight(1),
            Action::FocusNext => screen.cycle_chart(true),
            Action::FocusPrev => screen.cycle_chart(false),
            Action::Choose => self.open_week_in_journal(),
            Action::ActOnInsight => self.act_on_insight(),
            _ => return false,
        }
        true
    }

    /// Enter on Trends: the week under the cursor, on Journal.
    fn open_week_in_journal(&mut self) {
        let Some(week) = self.trends_screen.selected_week() else {
            return;
        };
        let (from, to, label) = (week.start, week.end, week.label());
        self.narrow_journal_to(from, to);
        self.screen = Screen::Journal;
        self.tell(
            Level::Info,
            format!("The entries of {label}; c shows every entry again."),
        );
    }

    /// `a` on Trends: answer the insight's prompt on Today, or open its commitment.
    fn act_on_insight(&mut self) {
        let Some(row) = self.trends_screen.selected_insight() else {
            self.tell(
                Level::Info,
                "Nothing stands out yet, so there is nothing to do.",
            );
            return;
        };
        match row.insight.action.clone() {
            InsightAction::AnswerPrompt { pack, prompt_id } => {
                let Some((pack, prompt)) = self.find_prompt(&pack, &prompt_id) else {
                    self.tell(Level::Warning, "That prompt's pack is no longer installed.");
                    return;
                };
                let (pack, prompt) = (&self.packs[pack], &self.packs[pack].prompts[prompt]);
                self.today.add_picked(pack, prompt);
                self.today.set_writing(true);
                self.screen = Screen::Today;
                self.notice = None;
            }
            InsightAction::ReviewCommitment { id } => {
                if !self.commitments_screen.select(&id) {
                    self.tell(Level::Warning, "That commitment is no longer listed.");
                    return;
                }
                self.screen = Screen::Commitments;
                self.notice = None;
            }
            InsightAction::None => {
                self.tell(Level::Info, "Nothing to do about this one but notice it.")
            }
        }
    }

    /// The day files around last week and this one: from the day before last week (a
    /// late entry filed there is not last week's, but its neighbour may be) to the day
    /// after today (a small-hours entry). Reads only those, so the first frame is not
    /// delayed.
    fn recent_days(&self) -> Vec<Day> {
        let today = self.today.date;
        let last_week = week_of(today, self.week_start) - Days::new(7);
        let first = last_week.pred_opt().unwrap_or(last_week);
        let last = today.succ_opt().unwrap_or(today);
        first
            .iter_days()
            .take_while(|date| *date <= last)
            .filter_map(|date| self.journal.load_day(date).ok().flatten())
            .collect()
    }

    /// At start: opens the review when a new week has begun, last week holds
    /// something, no review of it is written and it was not put off. True when it
    /// opened.
    pub(super) fn offer_review(&mut self) -> bool {
        let today = self.today.date;
        let last_week = week_of(today, self.week_start) - Days::new(7);
        if self.review_state.skipped_week == Some(last_week) {
            return false;
        }
        let days = self.recent_days();
        let reviewed = review::last_reviewed_week(&days, self.week_start, self.rollover_hour);
        let weeks = WeeklyTrends::new(self.week_start, self.rollover_hour).compute(&days, 2, today);
        let Some(previous) = weeks.first().filter(|week| week.start == last_week) else {
            return false;
        };
        if !review::should_offer(today, self.week_start, reviewed, previous) {
            return false;
        }
        self.open_review_of(last_week, &days);
        self.review.is_some()
    }

    /// `w`: the review still due (last week's, offered or put off), or else the one
    /// a review written today looks back on. One already written opens with its
    /// answers, to edit.
    pub(super) fn open_review(&mut self) {
        let days = self.recent_days();
        let reviewed = review::last_reviewed_week(&days, self.week_start, self.rollover_hour);
        let week = review::week_to_review(self.today.date, self.week_start, reviewed);
        match &self.review {
            Some(open) if open.week_start == week => {}
            _ => self.open_review_of(week, &days),
        }
        self.notice = None;
        if let Some(open) = &self.review
            && open.was_written()
        {
            let text = format!(
                "Your review of {} is written; Ctrl-S saves changes in place.",
                open.label
            );
            self.tell(Level::Info, text);
        }
    }

    /// The review of the week from `week`, with what `days` (read fresh) already hold
    /// of it.
    fn open_review_of(&mut self, week: NaiveDate, days: &[Day]) {
        let prompts = review::prompts(&self.packs);
        if prompts.is_empty() {
            self.tell(
                Level::Error,
                "The weekly review's questions (the built-in weekly-review pack) could not be read.",
            );
            return;
        }
        let label = week_label(week, week + Days::new(6));
        let written = self.review_week(week).written(days);
        self.review = Some(ReviewScreen::new(week, label, &prompts, &written));
        self.refresh_review_summary();
    }

    /// The open review's look back, from the whole journal once it has been read.
    fn refresh_review_summary(&mut self) {
        let Some(index) = &self.index else {
            return;
        };
        let Some(week) = self.review.as_ref().map(|review| review.week_start) else {
            return;
        };
        let stats = self
            .weekly_trends()
            .compute_to_week(index.days(), 1, week, self.today.date);
        let summary = stats.first().map(review::summary).unwrap_or_default();
        if let Some(review) = &mut self.review {
            review.summary = Some(summary);
        }
    }

    /// The review's keys while it is open; false when not the review's.
    pub(super) fn update_review(&mut self, action: Action) -> bool {
        let Some(review) = &mut self.review else {
            return false;
        };
        match action {
            Action::FocusNext => review.move_focus(1),
            Action::FocusPrev => review.move_focus(-1),
            Action::Undo | Action::Redo => {
                if let Some(question) = review.focused() {
                    if action == Action::Undo {
                        question.editor.undo();
                    } else {
                        question.editor.redo();
                    }
                }
            }
            Action::Save => self.close_review(),
            Action::Close => self.close_review(),
            Action::Quit => {
                // Nothing written is lost on the way out.
                if review.is_changed() {
                    self.save_review();
                }
                self.quit = true;
            }
            _ => return false,
        }
        true
    }

    /// Keys that are text, into the focused answer.
    pub(super) fn review_input(&mut self, event: KeyEvent) {
        if let Some(question) = self.review.as_mut().and_then(|review| review.focused()) {
            question.editor.input(event);
        }
    }

    /// Pasted text, into the focused answer.
    pub(super) fn review_paste(&mut self, text: &str) {
        if let Some(question) = self.review.as_mut().and_then(|review| review.focused()) {
            question
                .editor
                .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
        }
    }

    /// Ctrl-S or Esc: what was changed is saved; a review written before and left as
    /// it was just closes; with nothing written the review is put off, and not
    /// offered again by itself for that week.
    fn close_review(&mut self) {
        let Some(review) = &self.review else {
            return;
        };
        if review.is_changed() {
            if self.save_review() {
                self.review = None;
            }
            return;
        }
        if review.has_answers() {
            let text = format!("Your review of {} is as it was.", review.label);
            self.review = None;
            self.tell(Level::Info, text);
            return;
        }
        let week = review.week_start;
        self.review = None;
        self.review_state.skipped_week = Some(week);
        let kept = self.review_state_store.save(&self.review_state);
        match kept {
            Ok(()) => self.tell(Level::Info, "Review put off: w opens it whenever you like."),
            Err(error) => self.tell(
                Level::Warning,
                format!("Review put off, but it may be offered again: {error}"),
            ),
        }
    }

    /// The review of the week from `week`, as this journal counts weeks.
    fn review_week(&self, week: NaiveDate) -> review::ReviewWeek {
        review::ReviewWeek {
            start: week,
            week_start: self.week_start,
            rollover_hour: self.rollover_hour,
        }
    }

    /// Saves each changed answer as the review's one entry for its question: in
    /// place where it is already kept, or into today's file when new; an emptied
    /// answer is taken out. Saving again adds nothing twice. False (and the answers
    /// stay on screen) when a file could not be written.
    fn save_review(&mut self) -> bool {
        let Some(open) = &self.review else {
            return false;
        };
        let today = self.today.date;
        let mut puts: Vec<(NaiveDate, crate::domain::Prompt, String)> = Vec::new();
        for question in open.questions.iter().filter(|q| q.is_changed()) {
            let text = question.text().trim().to_string();
            for (date, text) in review::placements(&question.kept_in, today, &text) {
                puts.push((date, question.prompt.clone(), text));
            }
        }
        let answered = open
            .questions
            .iter()
            .filter(|question| !question.text().trim().is_empty())
            .count();
        let total = open.questions.len();
        let week = self.review_week(open.week_start);
        let now = self.clock.now();
        let mut dates: Vec<NaiveDate> = puts.iter().map(|(date, _, _)| *date).collect();
        dates.sort_unstable();
        dates.dedup();
        for date in &dates {
            let here: Vec<_> = puts.iter().filter(|(on, _, _)| on == date).collect();
            if !self.change_entry(*date, |day| {
                for (_, prompt, text) in &here {
                    week.put_answer(day, prompt, text, now);
                }
            }) {
                return false;
            }
        }
        self.refresh_trends();
        let into = dates
            .iter()
            .map(|date| date.format("%a %-d %b").to_string())
            .collect::<Vec<_>>()
            .join(" and ");
        let text = if answered == 0 {
            format!("Took your weekly review's answers out of {into}.")
        } else {
            format!("Saved your weekly review ({answered} of {total} answered) to {into}.")
        };
        self.tell(Level::Success, text);
        true
    }
}
