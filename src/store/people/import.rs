//! Importing a roster from a spreadsheet saved as CSV.
//!
//! The rules, as the leader meets them:
//! - The first row that is not blank names the columns: `name` (required), `group`,
//!   `role`, `note`, in any order and any case. Other columns are ignored and listed.
//! - Values may be quoted; quoted values may hold commas, quotes (`""`) and line
//!   breaks. A byte-order mark, blank lines, rows of empty cells and Windows line
//!   endings are all fine. A file whose header has semicolons or tabs and no commas
//!   is read with that separator (spreadsheets in many countries save it so).
//! - A row is bad, reported with its line and skipped, when it has no name, an
//!   unknown role, more values than the header has columns, or text that is not
//!   UTF-8. A blank role is `student`.
//! - A row is a duplicate, reported and skipped, when its name and group (case and
//!   spacing ignored) are those of someone already on the roster or of an earlier
//!   row. The same name in another group is another person and is added.
//! - A name or group quoted over two lines (a line break typed in the cell) is one
//!   value, the break read as a space: `"Eve` / `Marie",5C` is Eve Marie.
//! - A double quote that is never closed would swallow the rows after it. A row
//!   whose quote runs to the end of the file, or whose name, group or role holds a
//!   separator and a line break, or more than one line break (rows swallowed by a
//!   stray quote), is reported at the line where it starts and skipped, and reading
//!   goes on from the next line, so the rows after it are not lost.
//! - Good rows are added; the roster is written once, at the end, atomically.

use std::collections::HashMap;
use std::fmt;

use csv::ByteRecord;

use crate::domain::person::{Person, Role, tidy};
use crate::domain::slug::Ids;
use crate::store::StoreError;

/// The largest file imported (a roster of 2,000 is about 100 KB; this is a safety
/// limit against the wrong file, not a target).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// The longest name kept; a longer one is almost surely a shifted column.
const MAX_NAME_CHARS: usize = 120;

/// A row that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNote {
    /// The line the row starts on (1-based, as an editor counts them).
    pub line: u64,
    pub message: String,
}

impl fmt::Display for RowNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    /// The people added, in file order.
    pub added: Vec<Person>,
    /// Rows skipped as the same person as someone on the roster or an earlier row.
    pub duplicates: Vec<RowNote>,
    /// Rows skipped because something in them is wrong.
    pub problems: Vec<RowNote>,
    /// Header columns that are not `name`, `group`, `role` or `note`.
    pub ignored_columns: Vec<String>,
}

/// Why nothing at all was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(
        "the file is {} MB; a roster this large is probably the wrong file \
         (the limit is {} MB)", .bytes / 1_000_000, MAX_IMPORT_BYTES / 1_000_000
    )]
    TooLarge { bytes: usize },
    /// The header row is missing or has no `name` column.
    #[error("{0}")]
    Header(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A good row, not yet compared with the roster.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    line: u64,
    name: String,
    group: Option<String>,
    role: Role,
    note: String,
}

/// The rows of a file, and the rows that could not be read.
#[derive(Debug, Default)]
pub struct Parsed {
    rows: Vec<Row>,
    problems: Vec<RowNote>,
    ignored_columns: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Group,
    Role,
    Note,
}

/// Reads the CSV in `bytes` into rows, without touching the roster.
pub fn parse(bytes: &[u8]) -> Result<Parsed, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(bytes))
        .from_reader(bytes);
    let mut record = ByteRecord::new();
    let header = loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => {
                return Err(ImportError::Header(
                    "the file is empty; its first row should name the columns, e.g. \
                     name,group,role,note"
                        .into(),
                ));
            }
            Ok(true) if is_blank(&record) => {}
            Ok(true) => break record.clone(),
            Err(error) => return Err(ImportError::Header(error.to_string())),
        }
    };
    let mut parsed = Parsed::default();
    let columns = columns(&header, &mut parsed.ignored_columns)?;
    let separator = separator(bytes);
    let mut lines = Lines::new(bytes);
    // Where the reader starts: after the header, or after a row whose quote ran away.
    let mut base = usize::try_from(reader.position().byte()).unwrap_or(bytes.len());

    'segments: while base < bytes.len() {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator)
            .from_reader(&bytes[base..]);
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break 'segments,
                Ok(true) if is_blank(&record) => {}
                Ok(true) => {
                    let start = base + offset(record.position());
                    let end = base + offset(Some(reader.position()));
                    let line = lines.line_at(start);
                    if let Some(message) = runaway_quote(
                        &bytes[start..end],
                        end == bytes.len(),
                        &record,
                        &columns,
                        separator,
                    ) {
                        // Skip this row alone and read on from the line after it starts.
                        parsed.problems.push(RowNote { line, message });
                        base = lines.next_line_start();
                        continue 'segments;
                    }
                    match row(&record, &columns, line) {
                        Ok(row) => parsed.rows.push(row),
                        Err(message) => parsed.problems.push(RowNote { line, message }),
                    }
                }
                Err(error) => {
                    let line = lines.line_at(base + offset(error.position()));
                    parsed.problems.push(RowNote {
                        line,
                        message: error.to_string(),
                    });
                }
            }
        }
    }
    Ok(parsed)
}

fn offset(position: Option<&csv::Position>) -> usize {
    position.map_or(0, |position| {
        usize::try_from(position.byte()).unwrap_or(usize::MAX)
    })
}

/// Why a record is a quote left open rather than a row, if it is: a quote opened on
/// its first line and never closed swallows every line after it (`at_end`: the record
/// runs to the end of the file), and a quote closed much later (by the next stray
/// quote) leaves a name, group or role holding the rows it swallowed: separators or
/// several line breaks. A note may span any number of lines; a name or group may
/// span two, as a spreadsheet cell with a line break typed in it does, and is read
/// with a space for the break.
fn runaway_quote(
    raw: &[u8],
    at_end: bool,
    record: &ByteRecord,
    columns: &[Option<Column>],
    separator: u8,
) -> Option<String> {
    const FIX: &str = "add the closing double quote (\") where the value ends, or remove \
                       the opening one. The lines after it \
                       were read as rows of their own.";
    if at_end && ends_inside_quotes(raw, separator) {
        return Some(format!(
            "a double quote opened on this line is never closed, so this row ran on to \
             the end of the file; {FIX}"
        ));
    }
    if !raw.contains(&b'\n') {
        return None;
    }
    let spanning = record.iter().zip(columns).find_map(|(field, column)| {
        let name = match column {
            Some(Column::Name) => "name",
            Some(Column::Group) => "group",
            Some(Column::Role) => "role",
            Some(Column::Note) | None => return None,
        };
        let breaks = field.iter().filter(|byte| **byte == b'\n').count();
        // A name or group typed over two lines of one cell ("Eve" Alt-Enter "Marie")
        // is read as one, its line break a space. A quote that swallowed rows leaves
        // their separators (or more line breaks) inside the value.
        let one_cell = breaks == 1 && !field.contains(&separator) && name != "role";
        (breaks > 0 && !one_cell).then_some(name)
    })?;
    Some(format!(
        "the {spanning} runs over several lines, so a double quote opened on this line is \
         probably not closed; {FIX}"
    ))
}

/// Whether `raw`, read from the start of a record, ends inside a quoted value.
fn ends_inside_quotes(raw: &[u8], separator: u8) -> bool {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    for &byte in raw {
        let ends_field = byte == separator || byte == b'\n' || byte == b'\r';
        state = match state {
            State::FieldStart if byte == b'"' => State::Quoted,
            State::FieldStart | State::Unquoted | State::QuoteInQuoted if ends_field => {
                State::FieldStart
            }
            State::FieldStart | State::Unquoted => State::Unquoted,
            State::Quoted if byte == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if byte == b'"' => State::Quoted,
            State::QuoteInQuoted => State::Unquoted,
        };
    }
    matches!(state, State::Quoted)
}

/// Line numbers of records, counted from their byte offsets. (The csv crate's own
/// count is one short in files with Windows line endings: a record "starts" at the
/// `\n` that ends the line before it.)
struct Lines<'a> {
    bytes: &'a [u8],
    /// A byte offset already counted up to, and the line it is on.
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Lines<'a> {
        Lines {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character of a record at byte `start` (records come in
    /// order, so each call counts only the bytes since the last).
    fn line_at(&mut self, start: usize) -> u64 {
        let mut start = start;
        // Step over the line ends (and blank lines) before the record itself.
        while self
            .bytes
            .get(start)
            .is_some_and(|byte| matches!(byte, b'\r' | b'\n'))
        {
            start += 1;
        }
        let start = start.min(self.bytes.len()).max(self.offset);
        let newlines = self.bytes[self.offset..start]
            .iter()
            .filter(|byte| **byte == b'\n')
            .count();
        self.line += newlines as u64;
        self.offset = start;
        self.line
    }

    /// The byte offset of the line after the one last counted to (the end of the
    /// file when it is the last line).
    fn next_line_start(&self) -> usize {
        self.bytes[self.offset..]
            .iter()
            .position(|byte| *byte == b'\n')
            .map_or(self.bytes.len(), |at| self.offset + at + 1)
    }
}

/// Adds the rows that are not already on `people`, giving each a fresh id.
pub fn merge(people: &mut Vec<Person>, parsed: Parsed) -> ImportReport {
    let mut report = ImportReport {
        problems: parsed.problems,
        ignored_columns: parsed.ignored_columns,
        ..ImportReport::default()
    };
    let mut ids = Ids::new(people.iter().map(|person| person.id.as_str()));
    // Who is already known, by name and group: the roster, else the line.
    let mut known: HashMap<(String, String), Known> = people
        .iter()
        .map(|person| {
            let known = if person.archived {
                Known::Archived(person.id.clone())
            } else {
                Known::Current
            };
            (key(&person.name, person.group.as_deref()), known)
        })
        .collect();
    for row in parsed.rows {
        let label = match &row.group {
            Some(group) => format!("{} ({group})", row.name),
            None => row.name.clone(),
        };
        match known.get(&key(&row.name, row.group.as_deref())) {
            Some(Known::Current) => report.duplicates.push(RowNote {
                line: row.line,
                message: format!("{label} is already on the roster; skipped"),
            }),
            Some(Known::Archived(id)) => report.duplicates.push(RowNote {
                line: row.line,
                message: format!(
                    "{label} is archived; skipped (`truenorth people restore {id}` brings \
                     them back)"
                ),
            }),
            Some(Known::Line(first)) => report.duplicates.push(RowNote {
                line: row.line,
                message: format!("{label} repeats line {first}; skipped"),
            }),
            None => {
                known.insert(key(&row.name, row.group.as_deref()), Known::Line(row.line));
                let mut person =
                    Person::with_ids(&mut ids, &row.name, row.group.as_deref(), row.role);
                person.note = row.note;
                report.added.push(person);
            }
        }
    }
    people.extend(report.added.iter().cloned());
    report.problems.sort_by_key(|note| note.line);
    report
}

/// Where a name and group were met before a row.
enum Known {
    Current,
    /// Archived, with their id.
    Archived(String),
    /// An earlier row, on this line.
    Line(u64),
}

/// Name and group, lower-case with single spaces: the identity duplicates are found by.
fn key(name: &str, group: Option<&str>) -> (String, String) {
    (
        tidy(name).to_lowercase(),
        tidy(group.unwrap_or("")).to_lowercase(),
    )
}

/// Comma, unless the header line has none but has semicolons or tabs.
fn separator(bytes: &[u8]) -> u8 {
    let first_line = bytes
        .split(|b| *b == b'\n')
        .find(|line| !line.iter().all(u8::is_ascii_whitespace))
        .unwrap_or(&[]);
    let count = |wanted: u8| first_line.iter().filter(|b| **b == wanted).count();
    if count(b',') > 0 {
        b','
    } else if count(b';') > 0 {
        b';'
    } else if count(b'\t') > 0 {
        b'\t'
    } else {
        b','
    }
}

fn is_blank(record: &ByteRecord) -> bool {
    record
        .iter()
        .all(|field| field.iter().all(u8::is_ascii_whitespace))
}

/// The known column of each header field (`None` for ignored ones).
fn columns(
    header: &ByteRecord,
    ignored: &mut Vec<String>,
) -> Result<Vec<Option<Column>>, ImportError> {
    let mut columns = Vec::new();
    let mut names = Vec::new();
    for field in header {
        let name = String::from_utf8_lossy(field).trim().to_string();
        let column = match name.to_lowercase().as_str() {
            "name" => Some(Column::Name),
            "group" => Some(Column::Group),
            "role" => Some(Column::Role),
            "note" | "notes" => Some(Column::Note),
            _ => None,
        };
        // A second column of a kind is ignored: the first one is used.
        let column = column.filter(|column| !columns.contains(&Some(*column)));
        if column.is_none() && !name.is_empty() {
            ignored.push(name.clone());
        }
        columns.push(column);
        names.push(name);
    }
    if !columns.contains(&Some(Column::Name)) {
        return Err(ImportError::Header(format!(
            "line 1 should name the columns and one must be `name`, but it reads: {}. \
             Add a header row such as name,group,role,note (other columns are ignored)",
            names.join(", ")
        )));
    }
    Ok(columns)
}

/// One row as a person's fields, or what is wrong with it.
fn row(record: &ByteRecord, columns: &[Option<Column>], line: u64) -> Result<Row, String> {
    let extra = record
        .iter()
        .skip(columns.len())
        .filter(|field| !field.iter().all(u8::is_ascii_whitespace))
        .count();
    if extra > 0 {
        return Err(format!(
            "{} values, but the header names {} columns; a value holding a comma \
             needs double quotes around it",
            columns.len() + extra,
            columns.len()
        ));
    }
    let mut row = Row {
        line,
        name: String::new(),
        group: None,
        role: Role::Student,
        note: String::new(),
    };
    for (field, column) in record.iter().zip(columns) {
        let Some(column) = column else { continue };
        let text = std::str::from_utf8(field).map_err(|_| {
            "it holds text that is not UTF-8; save the spreadsheet as \"CSV UTF-8\"".to_string()
        })?;
        match column {
            Column::Name => row.name = tidy(text),
            Column::Group => row.group = Some(tidy(text)).filter(|group| !group.is_empty()),
            Column::Role if text.trim().is_empty() => {}
            Column::Role => row.role = text.parse()?,
            // Line breaks inside a quoted note are kept, as plain `\n`.
            Column::Note => row.note = text.trim().replace("\r\n", "\n"),
        }
    }
    if row.name.is_empty() {
        return Err("it has no name".into());
    }
    // A lone quote is the far end of a quote opened on an earlier line (`Marie",5C`):
    // half a value, never a name of its own. Quoted nicknames come in pairs.
    for (what, text) in [("name", Some(&row.name)), ("group", row.group.as_ref())] {
        if text.is_some_and(|text| text.matches('"').count() % 2 == 1) {
            return Err(format!(
                "the {what} `{}` holds a lone double quote, the end of a quote opened on                  an earlier line; put the whole value on one line, in double quotes",
                text.map_or("", String::as_str)
            ));
        }
    }
    if row.name.chars().count() > MAX_NAME_CHARS {
        return Err(format!(
            "the name is longer than {MAX_NAME_CHARS} characters; is a column shifted?"
        ));
    }
    Ok(row)
}

#[cfg(test)]
mod tests;
