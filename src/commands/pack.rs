//! `truenorth pack ...`: coaches write and check packs; leaders add, follow, pause and
//! remove them. The rules live in the domain and the store; this file only turns them
//! into words.

mod check;
mod view;

use std::io::Write;
use std::path::Path;

use anyhow::anyhow;
use chrono::NaiveDate;

use crate::builtin;
use crate::cli::PackCommand;
use crate::domain::Pack;
use crate::domain::enrollment::{Enrollment, PackStatus};
use crate::store::{AddKind, PackStore, PackStoreError, Paths, StoreError};

pub use check::TEMPLATE;

/// Runs one `pack` subcommand; `today` is the leader's date for starts, pauses and
/// progress. Returns false when it found a problem (exit code 1). Refusals are errors.
pub fn run(
    paths: &Paths,
    command: PackCommand,
    today: NaiveDate,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let store = PackStore::open(&paths.data);
    match command {
        PackCommand::New { file } => check::new(file.as_deref(), out),
        PackCommand::Check { files } => check::check(&files, out),
        PackCommand::Add { file, start } => add(&store, &file, start, today, out),
        PackCommand::List => view::list(&store, today, out),
        PackCommand::Show { id } => view::show(&store, &id, today, out),
        PackCommand::Pause { id } => pause(&store, &id, today, out),
        PackCommand::Resume { id } => resume(&store, &id, today, out),
        PackCommand::Remove { id } => remove(&store, &id, out),
    }
}

/// `pack add FILE|ID [--start DATE]`.
fn add(
    store: &PackStore,
    file: &Path,
    start: Option<NaiveDate>,
    today: NaiveDate,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let first_day = start.unwrap_or(today);
    // A path that is there is a file; otherwise a built-in pack's id starts that pack.
    let builtin_id = file
        .to_str()
        .filter(|name| !file.exists() && is_builtin(name));
    let outcome = match builtin_id {
        Some(id) => store.start_builtin(id, first_day),
        None => store.add_file(file, first_day),
    }
    .map_err(|error| add_error(file, error))?;

    let pack = &outcome.pack;
    let name = format!(
        "“{}” ({} {})",
        pack.meta.title, pack.meta.id, pack.meta.version
    );
    let progress = progress(&outcome.enrollment, pack, today);
    match &outcome.kind {
        AddKind::Added => {
            let when = start_phrase(&outcome.enrollment, pack, today);
            let verb = if builtin_id.is_some() {
                "Started"
            } else {
                "Added"
            };
            writeln!(out, "{verb} {name}, {when}.")?;
            writeln!(
                out,
                "Its prompts come up in Today on their days; `truenorth pack show {}` lists them.",
                pack.meta.id
            )?;
        }
        AddKind::Upgraded { from } => {
            writeln!(
                out,
                "Upgraded “{}” ({}) {from} → {}, progress kept: {progress}.",
                pack.meta.title, pack.meta.id, pack.meta.version
            )?;
        }
        AddKind::Reinstalled => {
            writeln!(out, "Reinstalled {name}, progress kept: {progress}.")?;
        }
    }
    if start.is_some() && outcome.kind != AddKind::Added {
        writeln!(out, "(--start was not used: your progress was kept.)")?;
    }
    Ok(true)
}

/// Words for a refused add that name the file and what to do.
fn add_error(file: &Path, error: PackStoreError) -> anyhow::Error {
    let shown = file.display();
    match error {
        PackStoreError::Invalid(error) => {
            let count = error.problems.len();
            let problems: Vec<String> = error.problems.iter().map(ToString::to_string).collect();
            anyhow!(
                "{shown} was not added: it has {count} problem{}:\n{}\n\
                 Fix {}, then check it with `truenorth pack check {shown}`.",
                plural(count),
                problems.join("\n"),
                if count == 1 { "it" } else { "them" }
            )
        }
        PackStoreError::Store(StoreError::Io { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            anyhow!(
                "{shown}: no such file. Give the path of a pack file, or the id of a \
                 built-in pack (`truenorth pack list` shows them)"
            )
        }
        other => anyhow!(other),
    }
}

/// `pack pause ID`.
fn pause(
    store: &PackStore,
    id: &str,
    today: NaiveDate,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let updated = store.pause(id, today)?;
    let name = display_name(store, id);
    let since = updated.enrollment.paused_since.unwrap_or(today);
    let day = updated
        .enrollment
        .day_on(today)
        .map(|day| match store.load().get(id) {
            Some((pack, _)) => format!(" on {}", day_of(day, pack)),
            None => format!(" on day {day}"),
        })
        .unwrap_or_default();
    if updated.changed {
        writeln!(
            out,
            "Paused {name}{day}. Paused days do not count; `truenorth pack resume {id}` \
             carries on from there."
        )?;
    } else {
        writeln!(out, "{name} is already paused (since {since}){day}.")?;
    }
    Ok(true)
}

/// `pack resume ID`.
fn resume(
    store: &PackStore,
    id: &str,
    today: NaiveDate,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let updated = store.resume(id, today)?;
    let name = display_name(store, id);
    let now = match store.load().get(id) {
        Some((pack, enrollment)) => today_phrase(enrollment, pack, today),
        None => String::new(),
    };
    if updated.changed {
        writeln!(out, "Resumed {name}{now}.")?;
    } else {
        writeln!(out, "{name} is not paused{now}.")?;
    }
    Ok(true)
}

/// `pack remove ID`. Asks nothing: the answers stay in the journal, and the pack can be
/// added again from the coach's file.
fn remove(store: &PackStore, id: &str, out: &mut impl Write) -> anyhow::Result<bool> {
    let name = display_name(store, id);
    store.remove(id)?;
    writeln!(
        out,
        "Removed {name}. Your answers to its prompts stay in your journal."
    )?;
    Ok(true)
}

/// "“Title” (id)" when the pack loads, else just the id.
fn display_name(store: &PackStore, id: &str) -> String {
    match store.load().get(id) {
        Some((pack, _)) => format!("“{}” ({id})", pack.meta.title),
        None => id.to_string(),
    }
}

fn is_builtin(id: &str) -> bool {
    builtin::packs_lenient()
        .iter()
        .any(|pack| pack.meta.id == id)
}

/// How far along a started pack is on `today`: "day 9 of 42", "paused on day 9 of 42",
/// "finished (42 days)", "starts 2026-12-01".
fn progress(enrollment: &Enrollment, pack: &Pack, today: NaiveDate) -> String {
    match enrollment.status_on(today, pack.meta.days) {
        PackStatus::Active { day } => day_of(day, pack),
        PackStatus::Paused { day } => format!("paused on {}", day_of(day, pack)),
        PackStatus::Finished => format!("finished ({})", length(pack)),
        PackStatus::NotStarted => format!("starts {}", enrollment.started),
    }
}

/// "day 9 of 42", or "day 9" for a pack with no end.
fn day_of(day: u32, pack: &Pack) -> String {
    match pack.meta.days {
        Some(length) => format!("day {day} of {length}"),
        None => format!("day {day}"),
    }
}

/// Where a started pack stands today, as the end of a sentence: ": today is day 9 of
/// 42", ": it is finished (42 days)".
fn today_phrase(enrollment: &Enrollment, pack: &Pack, today: NaiveDate) -> String {
    match enrollment.status_on(today, pack.meta.days) {
        PackStatus::Active { day } | PackStatus::Paused { day } => {
            format!(": today is {}", day_of(day, pack))
        }
        PackStatus::Finished => format!(": it is finished ({})", length(pack)),
        PackStatus::NotStarted => format!(": it starts {}", enrollment.started),
    }
}

/// When a newly added pack starts, in words: "starts today, 42 days".
fn start_phrase(enrollment: &Enrollment, pack: &Pack, today: NaiveDate) -> String {
    let started = enrollment.started;
    match enrollment.status_on(today, pack.meta.days) {
        _ if started == today => format!("starts today, {}", length(pack)),
        PackStatus::NotStarted => format!("starts {started}, {}", length(pack)),
        _ => format!("started {started}{}", today_phrase(enrollment, pack, today)),
    }
}

/// "42 days", or "ongoing" for a pack with no end.
fn length(pack: &Pack) -> String {
    match pack.meta.days {
        Some(1) => "1 day".to_string(),
        Some(days) => format!("{days} days"),
        None => "ongoing".to_string(),
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}
