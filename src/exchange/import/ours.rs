//! truenorth's own JSON export (`docs/export-json.md`) read back: days with their
//! ratings and entries, and commitments with the days they were kept. The trends and
//! figures in the file are ignored: they are computed again from the rest.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use super::fields::{Field, described, field, fits, list_of, optional, record, shown};
use super::{BadRecord, ImportError, Incoming, IncomingCommitment, Parsed, Position};
use crate::domain::commitment::{Cadence, Commitment, CommitmentState, Pause, check_psel};
use crate::domain::{AnswerValue, Entry, Frame, Rating, Ratings, review};
use crate::exchange::json::{
    FORMAT_NAME, FORMAT_VERSION, Figures, JsonCommitment, JsonEntry, JsonPause, KeptDay,
};

pub(super) fn parse(text: &str) -> Result<Parsed, ImportError> {
    let document: Value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|error| ImportError(format!("not JSON: {error}")))?;
    let format = document.get("format").and_then(Value::as_str);
    if format != Some(FORMAT_NAME) {
        return Err(ImportError(format!(
            "not a truenorth export: it has no \"format\": \"{FORMAT_NAME}\" (for Day One's \
             export use --from dayone)"
        )));
    }
    match document.get("version").and_then(Value::as_u64) {
        Some(version) if version <= u64::from(FORMAT_VERSION) => {}
        Some(version) => {
            return Err(ImportError(format!(
                "the file is version {version} of the format, written by a newer truenorth; \
                 this one reads version {FORMAT_VERSION}"
            )));
        }
        None => return Err(ImportError("the file has no \"version\"".to_string())),
    }
    let days = match document.get("days") {
        Some(Value::Array(days)) => days.as_slice(),
        Some(other) => {
            return Err(ImportError(format!(
                "\"days\" should be {DAYS}, not {}",
                shown(other)
            )));
        }
        None => {
            return Err(ImportError(format!(
                "the file has no \"days\"; it should be {DAYS}"
            )));
        }
    };
    let commitments = match document.get("commitments") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(commitments)) => commitments.as_slice(),
        Some(other) => {
            return Err(ImportError(format!(
                "\"commitments\" should be {COMMITMENTS}, not {}",
                shown(other)
            )));
        }
    };
    let mut parsed = Parsed::default();
    for (index, day) in days.iter().enumerate() {
        read_day(day, index, &mut parsed);
    }
    for (index, value) in commitments.iter().enumerate() {
        let position = Position::Path(format!("commitments[{index}]"));
        match described::<JsonCommitment>(value, "the commitment", &COMMITMENT_FIELDS)
            .and_then(commitment)
        {
            Ok((commitment, kept)) => parsed.commitments.push(IncomingCommitment {
                position,
                commitment,
                kept,
            }),
            Err(problem) => parsed.bad.push(BadRecord { position, problem }),
        }
    }
    Ok(parsed)
}

/// What the containers of the file hold, as the messages say it.
const DAYS: &str = "a list of days, like [{\"date\": \"2026-11-02\", \"entries\": [...]}]";
const COMMITMENTS: &str = "a list of commitments, like [{\"id\": \"...\", ...}], or null";
const ENTRIES: &str = "a list of entries, like [{\"id\": \"...\", \"text\": \"...\", ...}]";

const DATE: &str = "a date like \"2026-11-02\"";
const TEXT_OR_NULL: &str = "text or null";

const ENTRY_FIELDS: [Field; 10] = [
    field("id", "text", fits::<String>),
    field(
        "created",
        "a date and time with its offset, like \"2026-11-10T07:00:00-05:00\"",
        fits::<DateTime<FixedOffset>>,
    ),
    optional("pack", TEXT_OR_NULL, fits::<Option<String>>),
    optional("prompt", TEXT_OR_NULL, fits::<Option<String>>),
    optional("question", TEXT_OR_NULL, fits::<Option<String>>),
    optional(
        "frame",
        "a frame id such as \"courage\", or null",
        fits::<Option<Frame>>,
    ),
    field("text", "text", fits::<String>),
    optional(
        "value",
        "a whole number (a measured answer), true or false (a yes/no answer), or null",
        fits::<Option<AnswerValue>>,
    ),
    field(
        "tags",
        "a list of tags as text, like [\"staff\"]",
        fits::<Vec<String>>,
    ),
    optional(
        "review_week",
        "a date like \"2026-11-23\" (the week a review answer looks back on), or null",
        fits::<Option<NaiveDate>>,
    ),
];

const COMMITMENT_FIELDS: [Field; 13] = [
    field("id", "text", fits::<String>),
    field("title", "text", fits::<String>),
    optional("why", TEXT_OR_NULL, fits::<Option<String>>),
    field("dimension", "a frame id such as \"love\"", fits::<Frame>),
    field(
        "cadence",
        "\"daily\", \"N per week\" (like \"3 per week\") or \"weekly on DAY\" (like \
         \"weekly on fri\")",
        fits::<Cadence>,
    ),
    field("start", DATE, fits::<NaiveDate>),
    optional(
        "end",
        "a date like \"2026-11-02\", or null",
        fits::<Option<NaiveDate>>,
    ),
    field(
        "psel",
        "a list of PSEL standard numbers, like [3, 5]",
        fits::<Vec<u8>>,
    ),
    field(
        "state",
        "one of \"active\", \"paused\", \"done\" or \"archived\"",
        fits::<CommitmentState>,
    ),
    field(
        "skips",
        "a list of dates, like [\"2026-11-11\"]",
        fits::<Vec<NaiveDate>>,
    ),
    list_of(
        "pauses",
        "a list like [{\"from\": \"2026-11-09\", \"until\": \"2026-11-16\"}] (until may be null)",
        fits::<Vec<JsonPause>>,
        &[
            field("from", DATE, fits::<NaiveDate>),
            optional(
                "until",
                "a date like \"2026-11-16\", or null",
                fits::<Option<NaiveDate>>,
            ),
        ],
    ),
    list_of(
        "kept",
        "a list like [{\"date\": \"2026-11-02\", \"check_ins\": 1}]",
        fits::<Vec<KeptDay>>,
        &[
            field("date", DATE, fits::<NaiveDate>),
            field(
                "check_ins",
                "a whole number of check-ins, 0 or more, like 1",
                fits::<u32>,
            ),
        ],
    ),
    optional(
        "figures",
        "an object like the one export writes (its numbers are worked out again on import)",
        fits::<Figures>,
    ),
];

fn read_day(day: &Value, index: usize, parsed: &mut Parsed) {
    let at = |rest: &str| Position::Path(format!("days[{index}]{rest}"));
    let date = match day
        .get("date")
        .map(|found| (found, record::<NaiveDate>(found)))
    {
        Some((_, Ok(date))) => date,
        Some((found, Err(_))) => {
            parsed.bad.push(BadRecord {
                position: at(".date"),
                problem: format!(
                    "\"date\" should be {DATE}, not {}; the day's entries are left out",
                    shown(found)
                ),
            });
            return;
        }
        None => {
            parsed.bad.push(BadRecord {
                position: at(""),
                problem: "the day has no \"date\"; its entries are left out".to_string(),
            });
            return;
        }
    };
    let mut ratings = Ratings::default();
    for (key, slot) in [
        ("energy", &mut ratings.energy),
        ("outlook", &mut ratings.outlook),
    ] {
        match day.get(key) {
            None | Some(Value::Null) => {}
            Some(value) => match value.as_i64().map(Rating::try_from) {
                Some(Ok(rating)) => *slot = Some(rating),
                Some(Err(problem)) => parsed.bad.push(BadRecord {
                    position: at(&format!(".{key}")),
                    problem,
                }),
                None => parsed.bad.push(BadRecord {
                    position: at(&format!(".{key}")),
                    problem: format!(
                        "a rating must be a whole number from 1 to 5, or null, not {}",
                        shown(value)
                    ),
                }),
            },
        }
    }
    if !ratings.is_empty() {
        parsed.ratings.push((date, ratings));
    }
    let entries = match day.get("entries") {
        None | Some(Value::Null) => &[][..],
        Some(Value::Array(entries)) => entries.as_slice(),
        Some(other) => {
            parsed.bad.push(BadRecord {
                position: at(".entries"),
                problem: format!(
                    "\"entries\" should be {ENTRIES}, not {}; the day's entries are left out",
                    shown(other)
                ),
            });
            return;
        }
    };
    for (number, value) in entries.iter().enumerate() {
        let position = at(&format!(".entries[{number}]"));
        match described::<JsonEntry>(value, "the entry", &ENTRY_FIELDS) {
            Ok(json) => parsed.entries.push(Incoming {
                position,
                day: date,
                entry: entry(json),
            }),
            Err(problem) => parsed.bad.push(BadRecord { position, problem }),
        }
    }
}

fn entry(json: JsonEntry<'_>) -> Entry {
    let mut entry = Entry::new(json.created, 0, json.text.into_owned());
    entry.id = json.id.into_owned();
    entry.pack = json.pack.map(|pack| pack.into_owned());
    entry.prompt = json.prompt.map(|prompt| prompt.into_owned());
    entry.question = json.question.map(|question| question.into_owned());
    entry.frame = json.frame;
    entry.value = json.value;
    entry.tags = json.tags.into_iter().map(|tag| tag.into_owned()).collect();
    if let Some(week) = json.review_week {
        review::set_review_week(&mut entry, week);
    }
    entry
}

type KeptDays = Vec<(chrono::NaiveDate, u32)>;

fn commitment(json: JsonCommitment<'_>) -> Result<(Commitment, KeptDays), String> {
    check_psel(&json.psel)?;
    let mut commitment = Commitment::new(
        json.id.into_owned(),
        json.title.into_owned(),
        json.dimension,
        json.cadence,
    );
    if commitment.id.trim().is_empty() {
        return Err("the commitment has an empty \"id\"".to_string());
    }
    commitment.why = json.why.map(|why| why.into_owned()).unwrap_or_default();
    commitment.start = Some(json.start);
    commitment.end = json.end;
    commitment.psel = json.psel;
    commitment.state = json.state;
    commitment.skips = json.skips;
    commitment.pauses = json
        .pauses
        .into_iter()
        .map(|pause| Pause {
            from: pause.from,
            until: pause.until,
        })
        .collect();
    let kept = json
        .kept
        .into_iter()
        .filter(|day| day.check_ins > 0)
        .map(|day| (day.date, day.check_ins))
        .collect();
    Ok((commitment, kept))
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;
    use crate::domain::Day;
    use crate::exchange::{self, ExportContext, ExportFormat, ExportOptions, Sources};

    /// Every field an entry keeps in its day file comes back from a JSON export, but
    /// those the export leaves out on purpose: `private` (private entries never go
    /// out), the journal's own `id` (see `json::entry`) and keys this version does
    /// not know (they could hold anything).
    #[test]
    fn every_field_of_an_entry_survives_the_json_round_trip() {
        let created = DateTime::parse_from_rfc3339("2026-11-27T16:00:00-05:00").unwrap();
        let date = created.date_naive();
        let mut written = Entry::new(created, 0, "Keep the Friday walk.".to_string());
        written.pack = Some("weekly-review".into());
        written.prompt = Some("review-01".into());
        written.question = Some("What will you continue?".into());
        written.frame = Some(Frame::Review);
        written.value = Some(AnswerValue::Number(4));
        written.tags = vec!["walks".into()];
        review::set_review_week(&mut written, NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
        let mut day = Day::new(date);
        day.entries.push(written.clone());
        let days = [day];
        let sources = Sources {
            days: &days,
            ..Sources::default()
        };
        let context = ExportContext {
            now: created,
            today: date,
            week_start: Weekday::Mon,
        };
        let json = exchange::prepare(sources, &ExportOptions::default(), &context)
            .render(ExportFormat::Json);
        assert!(json.contains("\"review_week\": \"2026-11-16\""), "{json}");

        let parsed = parse(&json).unwrap();
        assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(parsed.entries[0].day, date);
        // Naming every field: one added to `Entry` stops this test from compiling
        // until the export has been taught it (or told to leave it out).
        let Entry {
            id,
            created: read_created,
            pack,
            prompt,
            question,
            frame,
            text,
            value,
            tags,
            private,
            extra,
        } = &parsed.entries[0].entry;
        assert_eq!(id, &written.id, "the first of its day: the same id");
        assert_eq!(read_created, &written.created);
        assert_eq!(pack, &written.pack);
        assert_eq!(prompt, &written.prompt);
        assert_eq!(question, &written.question);
        assert_eq!(frame, &written.frame);
        assert_eq!(text, &written.text);
        assert_eq!(value, &written.value);
        assert_eq!(tags, &written.tags);
        assert!(!private);
        assert_eq!(extra, &written.extra);
        assert_eq!(
            review::review_week(&parsed.entries[0].entry),
            NaiveDate::from_ymd_opt(2026, 11, 16)
        );
    }

    #[test]
    fn an_entry_without_review_week_reads_as_none_and_a_bad_one_is_named() {
        let file = |review_week: &str| {
            format!(
                r#"{{"format": "truenorth-export", "version": 1, "days": [
                    {{"date": "2026-11-27", "entries": [{{"id": "a",
                      "created": "2026-11-27T16:00:00-05:00", "text": "t", "tags": []
                      {review_week}}}]}}]}}"#
            )
        };
        let parsed = parse(&file("")).unwrap();
        assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
        assert!(parsed.entries[0].entry.extra.is_empty());
        let parsed = parse(&file(r#", "review_week": null"#)).unwrap();
        assert!(parsed.entries[0].entry.extra.is_empty());
        let parsed = parse(&file(r#", "review_week": "last week""#)).unwrap();
        assert_eq!(parsed.bad.len(), 1);
        assert!(
            parsed.bad[0]
                .problem
                .contains("\"review_week\" should be a date"),
            "{}",
            parsed.bad[0].problem
        );
    }
}
