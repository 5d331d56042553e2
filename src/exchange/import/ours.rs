//! truenorth's own JSON export (`docs/export-json.md`) read back: days with their
//! ratings and entries, and commitments with the days they were kept. The trends and
//! figures in the file are ignored: they are computed again from the rest.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{BadRecord, ImportError, Incoming, IncomingCommitment, Parsed, Position};
use crate::domain::commitment::{Cadence, Commitment, CommitmentState, Pause, check_psel};
use crate::domain::{AnswerValue, Entry, Frame, Rating, Ratings};
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
    let mut parsed = Parsed::default();
    for (index, day) in array(&document, "days").iter().enumerate() {
        read_day(day, index, &mut parsed);
    }
    for (index, value) in array(&document, "commitments").iter().enumerate() {
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

fn array<'v>(document: &'v Value, key: &str) -> &'v [Value] {
    document
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn record<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    T::deserialize(value).map_err(|error| error.to_string())
}

/// What one key of a record must hold, for a message that names it.
struct Field {
    name: &'static str,
    /// "a date like \"2026-11-02\"", as the message says it.
    expected: &'static str,
    /// Whether the key may be left out.
    optional: bool,
    fits: fn(&Value) -> bool,
}

const fn field(name: &'static str, expected: &'static str, fits: fn(&Value) -> bool) -> Field {
    Field {
        name,
        expected,
        optional: false,
        fits,
    }
}

const fn optional(name: &'static str, expected: &'static str, fits: fn(&Value) -> bool) -> Field {
    Field {
        name,
        expected,
        optional: true,
        fits,
    }
}

fn fits<T: DeserializeOwned>(value: &Value) -> bool {
    T::deserialize(value).is_ok()
}

const DATE: &str = "a date like \"2026-11-02\"";
const TEXT_OR_NULL: &str = "text or null";

const ENTRY_FIELDS: [Field; 9] = [
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
    field(
        "pauses",
        "a list like [{\"from\": \"2026-11-09\", \"until\": \"2026-11-16\"}] (until may be null)",
        fits::<Vec<JsonPause>>,
    ),
    field(
        "kept",
        "a list like [{\"date\": \"2026-11-02\", \"check_ins\": 1}]",
        fits::<Vec<KeptDay>>,
    ),
    optional(
        "figures",
        "an object like the one export writes (its numbers are worked out again on import)",
        fits::<Figures>,
    ),
];

/// `value` read as a `what` (an entry, a commitment), or a message naming the key
/// that is wrong, what it should hold and what it holds.
fn described<T: DeserializeOwned>(
    value: &Value,
    what: &str,
    fields: &[Field],
) -> Result<T, String> {
    let error = match T::deserialize(value) {
        Ok(record) => return Ok(record),
        Err(error) => error,
    };
    let Some(object) = value.as_object() else {
        return Err(format!(
            "{what} should be an object {{\"{}\": ...}}, not {}",
            fields.first().map_or("id", |field| field.name),
            shown(value)
        ));
    };
    for field in fields {
        match object.get(field.name) {
            None if field.optional => {}
            None => {
                return Err(format!(
                    "{what} has no \"{}\"; it should be {}",
                    field.name, field.expected
                ));
            }
            Some(found) if !(field.fits)(found) => {
                return Err(format!(
                    "\"{}\" should be {}, not {}",
                    field.name,
                    field.expected,
                    shown(found)
                ));
            }
            Some(_) => {}
        }
    }
    // Every key looked right on its own: say what serde saw.
    Err(format!("{what} cannot be read: {error}"))
}

/// A value as the message shows it: its JSON, shortened.
fn shown(value: &Value) -> String {
    const MOST: usize = 40;
    let text = value.to_string();
    if text.chars().count() <= MOST {
        return text;
    }
    let cut: String = text.chars().take(MOST - 1).collect();
    format!("{cut}…")
}

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
                    problem: "a rating must be a whole number from 1 to 5".to_string(),
                }),
            },
        }
    }
    if !ratings.is_empty() {
        parsed.ratings.push((date, ratings));
    }
    let entries = day
        .get("entries")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
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
