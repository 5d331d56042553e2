//! `truenorth people ...`: the private roster and connection notes. The rules live in
//! the domain (`person`, `coverage`) and the store; this file turns them into words.
//! Nothing here sends anything anywhere: the roster and notes stay on this machine.

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, bail};

use super::when::{Context, describe_day, parse_day};
use crate::cli::PeopleCommand;
use crate::domain::Day;
use crate::domain::commitment::Lookup;
use crate::domain::coverage::{self, LastConnections};
use crate::domain::person::{self, Connection, Person, PersonDetails, Role};
use crate::store::people::{ImportError, LogError, RowNote, log_connection, remove_connection};
use crate::store::{Journal, Paths, PeopleStore};

/// Runs one `people` subcommand. Returns false when it found a problem (exit code 1);
/// refusals are errors.
pub fn run(
    paths: &Paths,
    command: PeopleCommand,
    context: Context,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let store = PeopleStore::open(&paths.data);
    match command {
        PeopleCommand::Import { file } => import(&store, &file, out),
        PeopleCommand::Add {
            name,
            group,
            role,
            note,
        } => {
            let role: Role = role.parse().map_err(anyhow::Error::msg)?;
            // Checked against the roster as it is now; nothing is written when refused.
            let details = PersonDetails::read(
                &name,
                group.as_deref().unwrap_or_default(),
                role,
                note.as_deref().unwrap_or_default(),
                &store.load()?,
                None,
            )
            .map_err(|error| anyhow!("{error}; nothing changed"))?;
            let added = store.update(|people| {
                let added = details.into_person(people);
                people.push(added.clone());
                added
            })?;
            writeln!(out, "Added {} ({role}) as `{}`.", added.label(), added.id)?;
            Ok(true)
        }
        PeopleCommand::List { group } => list(paths, &store, group.as_deref(), context, out),
        PeopleCommand::Log { person, note, date } => {
            let found = find(&store.load()?, &person)?;
            let date = parse_day(date.as_deref(), context.today)?;
            let journal = Journal::open(&paths.data)?;
            log_connection(&journal, &found, date, context.moment(), &note).map_err(|error| {
                match error {
                    LogError::Future => anyhow!("{error}"),
                    LogError::Store(error) => error.into(),
                }
            })?;
            writeln!(
                out,
                "Logged a connection with {} for {}.",
                found.label(),
                describe_day(date, context.today)
            )?;
            Ok(true)
        }
        PeopleCommand::Unlog {
            person,
            date,
            index,
        } => unlog(paths, &store, &person, date.as_deref(), index, context, out),
        PeopleCommand::Show { person } => {
            let people = store.load()?;
            // Someone archived can still be looked up, by a name no one current has.
            let found = match (
                person::find_named(&people, &person),
                person::find_archived(&people, &person),
            ) {
                (Lookup::NotFound, Lookup::Found(archived)) => archived.clone(),
                _ => find(&people, &person)?,
            };
            let scan = Journal::open(&paths.data)?.scan();
            show(&found, &scan.days, context, out)?;
            Ok(true)
        }
        PeopleCommand::Restore { person } => {
            let people = store.load()?;
            let found = find_archived(&people, &person)?;
            if let Some(refusal) = person::restore_refusal(&people, &found) {
                bail!("{refusal}; nothing changed");
            }
            store.modify(&found.id, |p| p.archived = false)?;
            writeln!(
                out,
                "Brought back {}: on lists and in the picker again.",
                found.label()
            )?;
            Ok(true)
        }
        PeopleCommand::Archive { person } => {
            let found = find(&store.load()?, &person)?;
            store.modify(&found.id, |p| p.archived = true)?;
            writeln!(
                out,
                "Archived {}: left out of lists and the picker. Their connection notes stay \
                 in your journal.",
                found.label()
            )?;
            Ok(true)
        }
    }
}

/// `people unlog PERSON [--date DATE] [--index N]`: takes back one connection note.
/// With one note about the person that day it goes; with several, `--index` must say
/// which (they are listed, numbered in the order logged), so the wrong one never goes.
fn unlog(
    paths: &Paths,
    store: &PeopleStore,
    query: &str,
    date: Option<&str>,
    index: Option<usize>,
    context: Context,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let people = store.load()?;
    // A note about someone since archived can still be taken back.
    let found = match (
        person::find_named(&people, query),
        person::find_archived(&people, query),
    ) {
        (Lookup::NotFound, Lookup::Found(archived)) => archived.clone(),
        _ => find(&people, query)?,
    };
    let date = parse_day(date, context.today)?;
    let day_words = describe_day(date, context.today);
    let journal = Journal::open(&paths.data)?;
    let notes: Vec<Connection> = journal
        .load_day(date)?
        .map(|day| {
            day.connections
                .into_iter()
                .filter(|connection| connection.person == found.id)
                .collect()
        })
        .unwrap_or_default();
    let listed = || -> String {
        notes
            .iter()
            .enumerate()
            .map(|(at, note)| {
                format!(
                    "  {}. {}  {}",
                    at + 1,
                    note.at.format("%H:%M"),
                    note.note.replace('\n', " ")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let chosen = match (notes.len(), index) {
        (0, _) => bail!(
            "no connection with {} is logged for {day_words}; nothing changed",
            found.label()
        ),
        (_, Some(n)) if n == 0 || n > notes.len() => bail!(
            "--index {n}: {} has {} connection note(s) for {day_words}, numbered from 1; \
             nothing changed:\n{}",
            found.label(),
            notes.len(),
            listed()
        ),
        (_, Some(n)) => &notes[n - 1],
        (1, None) => &notes[0],
        (count, None) => bail!(
            "{} has {count} connection notes for {day_words}; say which to take back with \
             --index N (e.g. `truenorth people unlog {} --date {date} --index {count}`); \
             nothing changed:\n{}",
            found.label(),
            found.id,
            listed()
        ),
    };
    if !remove_connection(&journal, date, chosen)? {
        bail!("{}", gone_meanwhile(&day_words));
    }
    writeln!(
        out,
        "{}",
        took_back(&found.label(), &day_words, &chosen.note)
    )?;
    Ok(true)
}

/// What taking back a connection note says, from the shell or the People screen.
pub fn took_back(label: &str, day_words: &str, note: &str) -> String {
    format!(
        "Took back the connection with {label} for {day_words}: “{}”.",
        note.replace('\n', " ")
    )
}

/// Why a connection note was not taken back when its day's file no longer holds it
/// (another window or the shell changed the day meanwhile).
pub fn gone_meanwhile(day_words: &str) -> String {
    format!("the note was no longer in {day_words}'s file (changed meanwhile?); nothing changed")
}

/// `people import FILE`.
fn import(store: &PeopleStore, file: &Path, out: &mut impl Write) -> anyhow::Result<bool> {
    let shown = file.display();
    let report = store.import_file(file).map_err(|error| match error {
        ImportError::Store(crate::store::StoreError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            anyhow!("{shown}: no such file")
        }
        ImportError::Header(message) => anyhow!("{shown}: nothing was imported: {message}"),
        other => anyhow!("{shown}: nothing was imported: {other}"),
    })?;
    let added = report.added.len();
    writeln!(
        out,
        "Imported {added} {} from {shown}.",
        if added == 1 { "person" } else { "people" }
    )?;
    let section = |out: &mut dyn Write, title: String, notes: &[RowNote]| -> std::io::Result<()> {
        if notes.is_empty() {
            return Ok(());
        }
        writeln!(out, "{title}")?;
        for note in notes {
            writeln!(out, "  {shown}:{note}", note = LineNote(note))?;
        }
        Ok(())
    };
    let duplicates = report.duplicates.len();
    section(
        out,
        format!(
            "Skipped {duplicates} {} already on the roster or repeated in the file:",
            if duplicates == 1 { "row" } else { "rows" }
        ),
        &report.duplicates,
    )?;
    let bad = report.problems.len();
    section(
        out,
        format!(
            "Skipped {bad} {} with a problem; fix {} and import the file again (the \
             people already imported will be skipped):",
            if bad == 1 { "row" } else { "rows" },
            if bad == 1 { "it" } else { "them" }
        ),
        &report.problems,
    )?;
    if !report.ignored_columns.is_empty() {
        writeln!(
            out,
            "Ignored columns (only name, group, role and note are read): {}",
            report.ignored_columns.join(", ")
        )?;
    }
    Ok(report.problems.is_empty())
}

/// `roster.csv:14: message`, the shape editors jump to.
struct LineNote<'a>(&'a RowNote);

impl std::fmt::Display for LineNote<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.0.line, self.0.message)
    }
}

/// `people list [--group G]`.
fn list(
    paths: &Paths,
    store: &PeopleStore,
    group: Option<&str>,
    context: Context,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let people = store.load()?;
    let archived = people.iter().filter(|p| p.archived).count();
    if archived > 0 && archived == people.len() {
        writeln!(
            out,
            "Everyone on the roster is archived ({archived}). `truenorth people restore NAME` \
             brings someone back; `truenorth people add NAME --group 5B` adds someone new."
        )?;
        return Ok(true);
    }
    if people.is_empty() {
        writeln!(
            out,
            "No one on the roster yet. Add someone with `truenorth people add NAME --group 5B`, \
             or import a spreadsheet saved as CSV with `truenorth people import roster.csv`."
        )?;
        return Ok(true);
    }
    let scan = Journal::open(&paths.data)?.scan();
    let last = LastConnections::from_days(&scan.days);
    let coverage = coverage::coverage(&people, &last, context.today, group);
    if coverage.total() == 0 {
        let groups = coverage::groups(&people);
        bail!(
            "no one is in the group `{}`; the groups are: {}",
            group.unwrap_or_default(),
            if groups.is_empty() {
                "(none yet)".to_string()
            } else {
                groups.join(", ")
            }
        );
    }
    let whom = match group {
        Some(group) => format!("{group}: "),
        None => String::new(),
    };
    writeln!(
        out,
        "{whom}{} {} · connected with {}% in 7 days / {}% in 30 days",
        coverage.total(),
        if coverage.total() == 1 {
            "person"
        } else {
            "people"
        },
        coverage.percent_7(),
        coverage.percent_30()
    )?;
    writeln!(out, "Longest since you connected first:")?;
    for line in &coverage.people {
        let since = match line.days_since {
            None => "never".to_string(),
            Some(0) => "today".to_string(),
            Some(1) => "yesterday".to_string(),
            Some(days) => format!("{days} days ago"),
        };
        writeln!(out, "  {since:<13} {}", line.person.label())?;
    }
    if !scan.problems.is_empty() {
        writeln!(
            out,
            "\n({} day file(s) could not be read and were left out; `truenorth doctor` \
             names them.)",
            scan.problems.len()
        )?;
    }
    Ok(true)
}

/// `people show PERSON`: their details and connections, newest first.
fn show(
    found: &Person,
    days: &[Day],
    context: Context,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "{}  [{}]", found.label(), found.id)?;
    if found.archived {
        writeln!(
            out,
            "Archived: off lists and the picker (`truenorth people restore {}` brings them back)",
            found.id
        )?;
    }
    writeln!(out, "{}", capitalized(&found.role.to_string()))?;
    if !found.note.is_empty() {
        writeln!(out, "{}", found.note)?;
    }
    let timeline = coverage::timeline(days, &found.id);
    if timeline.is_empty() {
        writeln!(
            out,
            "No connections logged yet: `truenorth people log {} \"...\"`.",
            found.id
        )?;
        return Ok(());
    }
    writeln!(out, "{} connection(s), newest first:", timeline.len())?;
    for (date, connection) in timeline {
        let note = connection.note.replace('\n', " ");
        writeln!(out, "  {:<16} {note}", describe_day(date, context.today))?;
    }
    Ok(())
}

/// Finds the one current person a query means, or lists who it could be. A query
/// that names someone archived (and no one current) says so, rather than settling
/// for a current person it merely resembles.
fn find(people: &[Person], query: &str) -> anyhow::Result<Person> {
    if let (Lookup::NotFound, Lookup::Found(archived)) = (
        person::find_named(people, query),
        person::find_archived(people, query),
    ) {
        bail!(
            "{} is archived; `truenorth people restore {}` brings them back",
            archived.label(),
            archived.id
        )
    }
    match person::find(people, query) {
        Lookup::Found(found) => Ok(found.clone()),
        Lookup::Ambiguous(fits) => {
            let lines: Vec<String> = fits
                .iter()
                .map(|p| {
                    let pick = person::pick_text(people, p);
                    let pick = if pick.contains(' ') {
                        format!("\"{pick}\"")
                    } else {
                        pick
                    };
                    format!("  {}  [{}]  pick with `{pick}`", p.label(), p.id)
                })
                .collect();
            bail!(
                "`{query}` could be any of these; type more of the name, add the group \
                 (e.g. `maya 5b`), or use the id:\n{}",
                lines.join("\n")
            )
        }
        Lookup::NotFound => bail!(
            "no one on the roster matches `{query}`; `truenorth people list` shows \
             everyone, `truenorth people add NAME` adds someone"
        ),
    }
}

/// Finds the one archived person a query means, to bring them back.
fn find_archived(people: &[Person], query: &str) -> anyhow::Result<Person> {
    match person::find_archived(people, query) {
        Lookup::Found(found) => Ok(found.clone()),
        Lookup::Ambiguous(fits) => {
            let lines: Vec<String> = fits
                .iter()
                .map(|p| format!("  {}  [{}]", p.label(), p.id))
                .collect();
            bail!(
                "`{query}` could be any of these archived people; type more of the name or \
                 use the id:\n{}",
                lines.join("\n")
            )
        }
        Lookup::NotFound => match person::find(people, query) {
            Lookup::Found(current) => bail!("{} is not archived; nothing changed", current.label()),
            _ => bail!(
                "no archived person matches `{query}`; `truenorth people list` shows who is \
                 on the roster"
            ),
        },
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
