//! Prompt packs: themed, scheduled sets of prompts, as coaches write them in TOML.
//!
//! A pack file is read in two steps: serde reads it into `Raw*` structs that keep each
//! value's place in the file ([`toml::Spanned`]), then [`Pack::parse`] checks every rule
//! and reports all problems at once, each with its line and column, before building the
//! clean model the rest of the app uses.

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use chrono::Weekday;
use serde::Deserialize;
use toml::Spanned;

use super::commitment::Cadence;
use super::problem::{closest, line_column};
use super::{Frame, Problem};

/// The `[pack]` table: what the pack is and who wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct PackMeta {
    /// Lower-case letters, digits and `-`: it names the pack's file in the journal.
    pub id: String,
    pub title: String,
    pub author: String,
    pub version: semver::Version,
    pub description: String,
    pub psel: Vec<u8>,
    /// How many days the pack runs; `None` for an ongoing pack.
    pub days: Option<u32>,
}

/// A frame a pack declares beyond the built-in ones.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameDef {
    pub id: String,
    pub label: String,
}

/// What kind of answer a prompt asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerKind {
    Text,
    /// A whole number on a scale, with words for its two ends.
    Scale(Scale),
    Number,
    YesNo,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    pub low: String,
    pub high: String,
}

/// When a prompt comes up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule {
    /// No schedule: part of a rotating pool, or offered only in the prompt picker.
    Anytime,
    /// Day N of the pack (day 1 is the day the leader starts it).
    Day(u32),
    /// Every such weekday while the pack runs.
    Weekday(Weekday),
    EveryDay,
    /// On the pack's first day and every seventh day after.
    EveryWeek,
}

/// One prompt of a pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// Stable within its pack: answers refer to it.
    pub id: String,
    pub frame: Frame,
    pub text: String,
    /// A shorter second question that deepens the first.
    pub follow_up: Option<String>,
    /// The PSEL 2015 standards (1-10) the prompt serves.
    pub psel: Vec<u8>,
    pub answer: AnswerKind,
    pub schedule: Schedule,
}

impl Prompt {
    /// A plain text prompt with no schedule.
    pub fn text(id: impl Into<String>, frame: Frame, text: impl Into<String>) -> Prompt {
        Prompt {
            id: id.into(),
            frame,
            text: text.into(),
            follow_up: None,
            psel: Vec::new(),
            answer: AnswerKind::Text,
            schedule: Schedule::Anytime,
        }
    }
}

/// A practice the pack suggests; the leader may adopt it as a commitment.
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentSuggestion {
    pub title: String,
    pub why: String,
    pub dimension: Frame,
    pub cadence: Cadence,
}

/// A checked pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub meta: PackMeta,
    pub frames: Vec<FrameDef>,
    pub prompts: Vec<Prompt>,
    pub commitments: Vec<CommitmentSuggestion>,
}

/// Why a pack could not be used; each problem names the file and place.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct PackError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, problem) in self.problems.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: Spanned<RawMeta>,
    #[serde(default)]
    frame: Vec<Spanned<RawFrame>>,
    #[serde(default)]
    prompt: Vec<Spanned<RawPrompt>>,
    #[serde(default)]
    commitment: Vec<Spanned<RawCommitment>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    author: String,
    version: Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    psel: Vec<Spanned<i64>>,
    days: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrame {
    id: Spanned<String>,
    label: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrompt {
    id: Spanned<String>,
    frame: Spanned<String>,
    text: Spanned<String>,
    follow_up: Option<String>,
    #[serde(default)]
    psel: Vec<Spanned<i64>>,
    answer: Option<Spanned<String>>,
    scale: Option<Spanned<RawScale>>,
    day: Option<Spanned<i64>>,
    weekday: Option<Spanned<String>>,
    every: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    min: i64,
    max: i64,
    low: String,
    high: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommitment {
    title: Spanned<String>,
    #[serde(default)]
    why: String,
    dimension: Spanned<String>,
    cadence: Spanned<String>,
}

/// Collects problems located in one file.
struct Checker<'a> {
    source: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, span: Range<usize>, message: impl Into<String>) {
        let position = line_column(self.text, span.start);
        self.problems
            .push(Problem::new(self.source, message).at(Some(position)));
    }

    fn psel(&mut self, values: &[Spanned<i64>]) -> Vec<u8> {
        let mut standards = Vec::new();
        for value in values {
            match u8::try_from(*value.get_ref()) {
                Ok(n @ 1..=10) => standards.push(n),
                _ => self.report(
                    value.span(),
                    format!(
                        "PSEL standards are numbered 1 to 10, not {}",
                        value.get_ref()
                    ),
                ),
            }
        }
        standards
    }

    fn non_empty(&mut self, value: &Spanned<String>, what: &str) -> String {
        let trimmed = value.get_ref().trim();
        if trimmed.is_empty() {
            self.report(value.span(), format!("{what} is empty"));
        }
        trimmed.to_string()
    }
}

/// Ids name files and are typed by people: keep them to a safe, simple alphabet.
fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn parse_weekday(value: &str) -> Option<Weekday> {
    let value = value.trim().to_ascii_lowercase();
    let weekdays = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    weekdays.into_iter().find(|day| {
        let short = day.to_string().to_ascii_lowercase();
        value == short || (value.len() > 3 && value.starts_with(&short) && is_day_name(&value))
    })
}

fn is_day_name(value: &str) -> bool {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .contains(&value)
}

impl Pack {
    /// Parses and checks a pack. `source` names the file in problems.
    pub fn parse(source: &str, text: &str) -> Result<Pack, PackError> {
        let raw: RawPack = toml::from_str(text).map_err(|error| PackError {
            problems: vec![Problem::from_toml(source, text, &error)],
        })?;
        let mut check = Checker {
            source,
            text,
            problems: Vec::new(),
        };

        let meta = raw.pack.get_ref();
        let id = meta.id.get_ref().trim().to_string();
        if !is_valid_id(&id) {
            check.report(
                meta.id.span(),
                format!(
                    "pack id `{id}` should use only lower-case letters, digits and `-` \
                     (e.g. \"courage-6-weeks\")"
                ),
            );
        }
        let title = check.non_empty(&meta.title, "the pack's title");
        let version = match semver::Version::parse(meta.version.get_ref().trim()) {
            Ok(version) => version,
            Err(error) => {
                check.report(
                    meta.version.span(),
                    format!(
                        "version `{}` is not a semantic version like \"1.0.0\" ({error})",
                        meta.version.get_ref()
                    ),
                );
                semver::Version::new(0, 0, 0)
            }
        };
        let pack_psel = check.psel(&meta.psel);
        let days = match &meta.days {
            Some(days) => match u32::try_from(*days.get_ref()) {
                Ok(n @ 1..=3660) => Some(n),
                _ => {
                    check.report(
                        days.span(),
                        format!(
                            "days is the pack's length, from 1 to 3660, not {}",
                            days.get_ref()
                        ),
                    );
                    None
                }
            },
            None => None,
        };

        let mut frames = Vec::new();
        for frame in &raw.frame {
            let frame = frame.get_ref();
            let frame_id = frame.id.get_ref().trim().to_string();
            if !is_valid_id(&frame_id) {
                check.report(
                    frame.id.span(),
                    format!(
                        "frame id `{frame_id}` should use only lower-case letters, digits and `-`"
                    ),
                );
            } else if Frame::from(frame_id.as_str()).is_built_in() {
                check.report(
                    frame.id.span(),
                    format!("`{frame_id}` is a built-in frame already; declare only new ones"),
                );
            }
            let label = check.non_empty(&frame.label, "the frame's label");
            frames.push(FrameDef {
                id: frame_id,
                label,
            });
        }
        let known_frame =
            |id: &str| Frame::from(id).is_built_in() || frames.iter().any(|frame| frame.id == id);

        let mut prompts = Vec::new();
        let mut seen = HashSet::new();
        let mut last_day: Option<(u32, Range<usize>)> = None;
        for spanned in &raw.prompt {
            let raw_prompt = spanned.get_ref();
            let prompt_id = raw_prompt.id.get_ref().trim().to_string();
            if prompt_id.is_empty() {
                check.report(raw_prompt.id.span(), "a prompt's id is empty");
            } else if !seen.insert(prompt_id.clone()) {
                check.report(
                    raw_prompt.id.span(),
                    format!("prompt id `{prompt_id}` is used twice; ids must be unique in a pack"),
                );
            }
            let frame_id = raw_prompt.frame.get_ref().trim();
            if !known_frame(frame_id) {
                let choices: Vec<String> = Frame::BUILT_IN
                    .iter()
                    .map(|frame| frame.id().to_string())
                    .chain(frames.iter().map(|frame| frame.id.clone()))
                    .collect();
                let hint = closest(frame_id, choices.iter().map(String::as_str))
                    .map(|best| format!("; did you mean `{best}`?"))
                    .unwrap_or_else(|| {
                        "; declare it in a [[frame]] table or use a built-in one".to_string()
                    });
                check.report(
                    raw_prompt.frame.span(),
                    format!("prompt `{prompt_id}`: unknown frame `{frame_id}`{hint}"),
                );
            }
            let text = check.non_empty(&raw_prompt.text, &format!("prompt `{prompt_id}`'s text"));
            let psel = check.psel(&raw_prompt.psel);
            let answer = prompt_answer(&mut check, &prompt_id, raw_prompt, spanned.span());
            let schedule = prompt_schedule(&mut check, &prompt_id, raw_prompt, spanned.span());
            if let Schedule::Day(day) = schedule {
                let span = raw_prompt
                    .day
                    .as_ref()
                    .map(Spanned::span)
                    .unwrap_or_default();
                if let Some(length) = days
                    && day > length
                {
                    check.report(
                        span.clone(),
                        format!("prompt `{prompt_id}`: day {day} is past the pack's length ({length} days)"),
                    );
                }
                if let Some((previous, _)) = &last_day
                    && day < *previous
                {
                    check.report(
                        span.clone(),
                        format!(
                            "prompt `{prompt_id}`: day {day} comes after day {previous} in the file; \
                             keep day-numbered prompts in order"
                        ),
                    );
                }
                last_day = Some((day, span));
            }
            prompts.push(Prompt {
                id: prompt_id,
                frame: Frame::from(frame_id),
                text,
                follow_up: raw_prompt
                    .follow_up
                    .as_ref()
                    .map(|text| text.trim().to_string())
                    .filter(|text| !text.is_empty()),
                psel,
                answer,
                schedule,
            });
        }
        if raw.prompt.is_empty() {
            check.report(
                raw.pack.span(),
                "the pack has no prompts; add [[prompt]] tables",
            );
        }

        let mut commitments = Vec::new();
        for spanned in &raw.commitment {
            let raw_commitment = spanned.get_ref();
            let title = check.non_empty(&raw_commitment.title, "a commitment's title");
            let dimension = raw_commitment.dimension.get_ref().trim();
            if !known_frame(dimension) {
                check.report(
                    raw_commitment.dimension.span(),
                    format!("commitment `{title}`: unknown dimension `{dimension}`"),
                );
            }
            let cadence = match raw_commitment.cadence.get_ref().parse::<Cadence>() {
                Ok(cadence) => cadence,
                Err(message) => {
                    check.report(
                        raw_commitment.cadence.span(),
                        format!("commitment `{title}`: {message}"),
                    );
                    Cadence::Daily
                }
            };
            commitments.push(CommitmentSuggestion {
                title,
                why: raw_commitment.why.trim().to_string(),
                dimension: Frame::from(dimension),
                cadence,
            });
        }

        if !check.problems.is_empty() {
            return Err(PackError {
                problems: check.problems,
            });
        }
        let days = days.or_else(|| {
            prompts
                .iter()
                .filter_map(|prompt| match prompt.schedule {
                    Schedule::Day(day) => Some(day),
                    _ => None,
                })
                .max()
        });
        Ok(Pack {
            meta: PackMeta {
                id,
                title,
                author: meta.author.trim().to_string(),
                version,
                description: meta.description.trim().to_string(),
                psel: pack_psel,
                days,
            },
            frames,
            prompts,
            commitments,
        })
    }

    /// The label of a frame, using the pack's own declarations for its frames.
    pub fn frame_label(&self, frame: &Frame) -> String {
        self.frames
            .iter()
            .find(|def| def.id == frame.id())
            .map(|def| def.label.clone())
            .unwrap_or_else(|| frame.label())
    }

    /// Prompts with no schedule, which only the picker (or a daily rotation) offers.
    pub fn unscheduled(&self) -> impl Iterator<Item = &Prompt> {
        self.prompts
            .iter()
            .filter(|prompt| prompt.schedule == Schedule::Anytime)
    }
}

fn prompt_answer(
    check: &mut Checker,
    id: &str,
    raw: &RawPrompt,
    whole: Range<usize>,
) -> AnswerKind {
    let kind = raw
        .answer
        .as_ref()
        .map(|answer| answer.get_ref().trim().to_ascii_lowercase());
    let answer = match kind.as_deref() {
        None | Some("text") => AnswerKind::Text,
        Some("number") => AnswerKind::Number,
        Some("yesno") => AnswerKind::YesNo,
        Some("scale") => match &raw.scale {
            Some(scale) => {
                let s = scale.get_ref();
                if s.min >= s.max || s.max - s.min > 10 {
                    check.report(
                        scale.span(),
                        format!(
                            "prompt `{id}`: a scale runs from a smaller min to a larger max, \
                             at most 10 steps apart (got {} to {})",
                            s.min, s.max
                        ),
                    );
                }
                AnswerKind::Scale(Scale {
                    min: s.min,
                    max: s.max,
                    low: s.low.trim().to_string(),
                    high: s.high.trim().to_string(),
                })
            }
            None => {
                let span = raw.answer.as_ref().map_or(whole, Spanned::span);
                check.report(
                    span,
                    format!(
                        "prompt `{id}`: answer = \"scale\" needs \
                         scale = {{ min = 1, max = 5, low = \"...\", high = \"...\" }}"
                    ),
                );
                AnswerKind::Text
            }
        },
        Some(other) => {
            let span = raw.answer.as_ref().map_or(whole, Spanned::span);
            let hint = closest(other, ["text", "scale", "number", "yesno"].into_iter())
                .map(|best| format!("; did you mean `{best}`?"))
                .unwrap_or_default();
            check.report(
                span,
                format!(
                    "prompt `{id}`: answer must be \"text\", \"scale\", \"number\" or \"yesno\", \
                     not `{other}`{hint}"
                ),
            );
            AnswerKind::Text
        }
    };
    if let Some(scale) = &raw.scale
        && !matches!(answer, AnswerKind::Scale(_))
    {
        check.report(
            scale.span(),
            format!("prompt `{id}`: scale is only for answer = \"scale\""),
        );
    }
    answer
}

fn prompt_schedule(
    check: &mut Checker,
    id: &str,
    raw: &RawPrompt,
    whole: Range<usize>,
) -> Schedule {
    let given = [
        raw.day.as_ref().map(Spanned::span),
        raw.weekday.as_ref().map(Spanned::span),
        raw.every.as_ref().map(Spanned::span),
    ];
    if given.iter().flatten().count() > 1 {
        let span = given.into_iter().flatten().nth(1).unwrap_or(whole);
        check.report(
            span,
            format!("prompt `{id}`: give only one of day, weekday and every"),
        );
        return Schedule::Anytime;
    }
    if let Some(day) = &raw.day {
        return match u32::try_from(*day.get_ref()) {
            Ok(n) if n >= 1 => Schedule::Day(n),
            _ => {
                check.report(
                    day.span(),
                    format!(
                        "prompt `{id}`: day counts from 1 (the start day), not {}",
                        day.get_ref()
                    ),
                );
                Schedule::Anytime
            }
        };
    }
    if let Some(weekday) = &raw.weekday {
        return match parse_weekday(weekday.get_ref()) {
            Some(day) => Schedule::Weekday(day),
            None => {
                check.report(
                    weekday.span(),
                    format!(
                        "prompt `{id}`: weekday must be one of mon, tue, wed, thu, fri, sat, sun, not `{}`",
                        weekday.get_ref()
                    ),
                );
                Schedule::Anytime
            }
        };
    }
    if let Some(every) = &raw.every {
        return match every.get_ref().trim().to_ascii_lowercase().as_str() {
            "day" => Schedule::EveryDay,
            "week" => Schedule::EveryWeek,
            other => {
                check.report(
                    every.span(),
                    format!("prompt `{id}`: every must be \"day\" or \"week\", not `{other}`"),
                );
                Schedule::Anytime
            }
        };
    }
    Schedule::Anytime
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[pack]
id = "test"
title = "Test"
version = "1.0.0"
days = 10

[[prompt]]
id = "a"
frame = "love"
text = "Who?"
psel = [5]
day = 1
"#;

    #[test]
    fn a_good_pack_parses() {
        let pack = Pack::parse("good.toml", GOOD).unwrap();
        assert_eq!(pack.prompts.len(), 1);
        assert_eq!(pack.prompts[0].frame, Frame::Love);
        assert_eq!(pack.prompts[0].schedule, Schedule::Day(1));
        assert_eq!(pack.meta.days, Some(10));
    }

    #[test]
    fn duplicate_ids_are_located() {
        let text = format!("{GOOD}\n[[prompt]]\nid = \"a\"\nframe = \"care\"\ntext = \"Again?\"\n");
        let error = Pack::parse("dup.toml", &text).unwrap_err();
        assert_eq!(error.problems.len(), 1);
        assert_eq!(
            error.to_string(),
            "dup.toml:16:6: prompt id `a` is used twice; ids must be unique in a pack"
        );
    }

    #[test]
    fn unknown_keys_suggest_the_nearest() {
        let text = GOOD.replace("psel = [5]", "pesl = [5]");
        let error = Pack::parse("bad.toml", &text).unwrap_err();
        assert_eq!(
            error.to_string(),
            "bad.toml:12:1: unknown key `pesl`; did you mean `psel`?"
        );
    }

    #[test]
    fn weekday_names_short_and_long() {
        assert_eq!(parse_weekday("fri"), Some(Weekday::Fri));
        assert_eq!(parse_weekday("Friday"), Some(Weekday::Fri));
        assert_eq!(parse_weekday("fr"), None);
        assert_eq!(parse_weekday("frisbee"), None);
    }

    #[test]
    fn ids_are_kept_safe_for_file_names() {
        assert!(is_valid_id("courage-6-weeks"));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id("Courage"));
        assert!(!is_valid_id(""));
    }
}
