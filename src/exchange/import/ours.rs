//! truenorth's own JSON export (`docs/export-json.md`) read back: days with their
//! ratings and entries, and commitments with the days they were kept. The trends and
//! figures in the file are ignored: they are computed again from the rest.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{BadRecord, ImportError, Incoming, IncomingCommitment, Parsed, Position};
use crate::domain::commitment::{Commitment, Pause, check_psel};
use crate::domain::{Entry, Rating, Ratings};
use crate::exchange::json::{FORMAT_NAME, FORMAT_VERSION, JsonCommitment, JsonEntry};

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
        match record::<JsonCommitment>(value).and_then(commitment) {
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

fn read_day(day: &Value, index: usize, parsed: &mut Parsed) {
    let at = |rest: &str| Position::Path(format!("days[{index}]{rest}"));
    let date = match day.get("date").map(record::<chrono::NaiveDate>) {
        Some(Ok(date)) => date,
        Some(Err(problem)) => {
            parsed.bad.push(BadRecord {
                position: at(".date"),
                problem,
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
        match record::<JsonEntry>(value) {
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
