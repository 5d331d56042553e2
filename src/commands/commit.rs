//! `truenorth commit ...`: add, list, check off, skip, pause and put away commitments.
//! The rules live in the domain (`commitment`, `streak`) and the store; this file
//! turns them into words.

mod show;
mod words;

use std::io::Write;

use anyhow::{anyhow, bail};
use chrono::{NaiveDate, Weekday};

use self::words::{capitalized, details, streak_sentence, weekday_name};

use super::when::{Context, describe_day, parse_day};
use crate::cli::{CommitAddArgs, CommitCommand};
use crate::domain::Frame;
use crate::domain::commitment::plan::{self, Plan};
use crate::domain::commitment::{self, CheckInRefusal, Commitment, CommitmentState, Lookup};
use crate::domain::dates;
use crate::domain::field::FieldError;
use crate::domain::streak::Record;
use crate::store::commitments::{self as store_commitments, CheckInError, CheckInOutcome};
use crate::store::{CommitmentStore, Journal, Paths, PeopleStore};

/// Runs one `commit` subcommand. Returns false when it found a problem (exit code 1);
/// refusals are errors.
pub fn run(
    paths: &Paths,
    command: CommitCommand,
    context: Context,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let store = CommitmentStore::open(&paths.data);
    match command {
        CommitCommand::Add(args) => add(paths, &store, args, context, out),
        CommitCommand::List { all } => list(paths, &store, all, context, out),
        CommitCommand::Show { commitment } => {
            let found = find(&store.load()?, &commitment)?;
            let history = History::load(paths)?;
            let record = history.record(&found, context.week_start);
            show::show(&found, &record, context, out)?;
            history.note_unread(out)?;
            Ok(true)
        }
        CommitCommand::Check {
            commitment,
            note,
            date,
        } => check(
            paths,
            &store,
            &commitment,
            note,
            date.as_deref(),
            context,
            out,
        ),
        CommitCommand::Uncheck { commitment, date } => {
            let found = find(&store.load()?, &commitment)?;
            let date = parse_day(date.as_deref(), context.today)?;
            let journal = Journal::open(&paths.data)?;
            let day = describe_day(date, context.today);
            match store_commitments::uncheck(&journal, &found.id, date)? {
                Some(_) => writeln!(out, "Took back a check-in of “{}” for {day}.", found.title)?,
                None => writeln!(
                    out,
                    "“{}” had no check-in for {day}; nothing changed.",
                    found.title
                )?,
            }
            Ok(true)
        }
        CommitCommand::Skip { commitment, date } => {
            let date = parse_skip_day(date.as_deref(), context.today)?;
            let (found, changed) = change(&store, &commitment, |c| c.skip(date))?;
            let day = describe_day(date, context.today);
            if changed {
                writeln!(
                    out,
                    "Planned {day} as a day off from “{}”: it will not break the streak.",
                    found.title
                )?;
            } else {
                writeln!(
                    out,
                    "{} was already a planned day off from “{}”.",
                    capitalized(&day),
                    found.title
                )?;
            }
            Ok(true)
        }
        CommitCommand::Pause { commitment } => {
            let (found, changed) = change(&store, &commitment, |c| {
                c.change_state(CommitmentState::Paused, context.today)
            })?;
            if changed {
                writeln!(
                    out,
                    "Paused “{}”. Paused days do not break its streak; \
                     `truenorth commit resume {}` when you are ready.",
                    found.title, found.id
                )?;
            } else {
                writeln!(
                    out,
                    "“{}” is {}; nothing changed.",
                    found.title, found.state
                )?;
            }
            Ok(true)
        }
        CommitCommand::Resume { commitment } => {
            let (found, changed) = change(&store, &commitment, |c| {
                c.state == CommitmentState::Paused
                    && c.change_state(CommitmentState::Active, context.today)
            })?;
            if changed {
                writeln!(out, "Resumed “{}” from today.", found.title)?;
            } else {
                writeln!(
                    out,
                    "“{}” is {}, not paused; nothing changed.",
                    found.title, found.state
                )?;
            }
            Ok(true)
        }
        CommitCommand::Done { commitment } => {
            set_state(&store, &commitment, CommitmentState::Done, context, out)
        }
        CommitCommand::Archive { commitment } => {
            set_state(&store, &commitment, CommitmentState::Archived, context, out)
        }
        CommitCommand::Restore { commitment } => {
            let (found, changed) = change(&store, &commitment, |c| {
                matches!(c.state, CommitmentState::Done | CommitmentState::Archived)
                    && c.change_state(CommitmentState::Active, context.today)
            })?;
            if !changed {
                let hint = if found.state == CommitmentState::Paused {
                    format!("; `truenorth commit resume {}` resumes it", found.id)
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "“{}” is {}, not done or archived; nothing changed{hint}.",
                    found.title, found.state
                )?;
            } else if let Some(end) = found.ended_before(context.today) {
                writeln!(
                    out,
                    "Brought back “{}”, but its end date ({}) has passed, so it is not due \
                     again; e on the Commitments screen sets a new end.",
                    found.title,
                    describe_day(end, context.today)
                )?;
            } else {
                writeln!(
                    out,
                    "Brought back “{}”: it is active again and on Today when due.",
                    found.title
                )?;
            }
            Ok(true)
        }
    }
}

/// `commit add TITLE --cadence ...`.
fn add(
    paths: &Paths,
    store: &CommitmentStore,
    args: CommitAddArgs,
    context: Context,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let role = args
        .role
        .as_deref()
        .map(|role| {
            role.parse()
                .map_err(|message| FieldError::new(plan::Field::Role, message))
        })
        .transpose();
    let start = match &args.start {
        Some(text) => plan::read_date(text, plan::Field::Start, context.today),
        None => Ok(Some(context.today)),
    };
    let read = || -> Result<Plan, plan::PlanError> {
        let plan = Plan {
            title: plan::read_title(&args.title)?,
            why: args.why.as_deref().unwrap_or_default().trim().to_string(),
            dimension: Frame::from(args.dimension.trim().to_lowercase()),
            cadence: plan::read_cadence(&args.cadence)?,
            start: start?,
            end: args
                .end
                .as_deref()
                .map(|text| plan::read_date(text, plan::Field::End, context.today))
                .transpose()?
                .flatten(),
            psel: args.psel.clone(),
            counts_connections: plan::read_goal(args.connections, args.group.as_deref(), role?)?,
        };
        plan.check()?;
        Ok(plan)
    };
    let plan = read().map_err(|error| anyhow!("{}", flag_error(error)))?;
    let start = plan.start;
    // A roster that cannot be read only means no warning about the goal; the
    // commitment itself does not depend on it.
    let people = PeopleStore::open(&paths.data).load().unwrap_or_default();
    let warnings = plan.warnings(&store.load()?, &people, None);
    let id = store_commitments::id_for_title(&plan.title);
    let new = plan.into_commitment(id);
    let saved = store.add(new)?;
    let from = match start {
        Some(start) if start == context.today => "from today".to_string(),
        Some(start) => format!("from {}", describe_day(start, context.today)),
        None => "from its first check-in".to_string(),
    };
    writeln!(
        out,
        "Committed to “{}”: {}, {from}.",
        saved.title, saved.cadence
    )?;
    if let Some(goal) = &saved.counts_connections {
        writeln!(
            out,
            "It is kept by itself on days you log connections with {} {}.",
            goal.per_day,
            goal.whom()
        )?;
    }
    for warning in &warnings {
        writeln!(out, "Warning: {warning}.")?;
    }
    if !saved.dimension.is_built_in() {
        writeln!(
            out,
            "(“{}” is not one of the built-in frames; it is kept as your own.)",
            saved.dimension
        )?;
    }
    writeln!(
        out,
        "Check it off with `truenorth commit check {}`.",
        saved.id
    )?;
    Ok(true)
}

/// `commit check COMMITMENT [--note ..] [--date ..]`.
fn check(
    paths: &Paths,
    store: &CommitmentStore,
    query: &str,
    note: Option<String>,
    date: Option<&str>,
    context: Context,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let found = find(&store.load()?, query)?;
    let date = parse_day(date, context.today)?;
    let journal = Journal::open(&paths.data)?;
    let day = describe_day(date, context.today);
    let outcome = store_commitments::check_in(&journal, &found, date, context.moment(), note)
        .map_err(|error| match error {
            CheckInError::Refused(CheckInRefusal::NotActive(state)) => anyhow!(
                "“{}” was not checked off: it is {state}{}",
                found.title,
                match state {
                    CommitmentState::Paused => format!(
                        "; resume it first with `truenorth commit resume {}`",
                        found.id
                    ),
                    _ => String::new(),
                }
            ),
            CheckInError::Refused(refusal) => {
                anyhow!("“{}” was not checked off for {day}: {refusal}", found.title)
            }
            CheckInError::Store(error) => error.into(),
        })?;
    match outcome {
        CheckInOutcome::Added(check_in) => {
            let late = if check_in.backfilled {
                ", marked as back-filled"
            } else {
                ""
            };
            writeln!(out, "Checked off “{}” for {day}{late}.", found.title)?;
        }
        CheckInOutcome::NoteAdded(_) => writeln!(
            out,
            "“{}” was already checked off for {day}; your note was added to it.",
            found.title
        )?,
        CheckInOutcome::AlreadyChecked(_) => {
            writeln!(
                out,
                "“{}” was already checked off for {day}; nothing changed.",
                found.title
            )?;
            return Ok(true);
        }
    }
    let history = History::load(paths)?;
    let summary = history
        .record(&found, context.week_start)
        .summary(context.today);
    writeln!(out, "{}", streak_sentence(&summary, context.today))?;
    Ok(true)
}

/// `commit list [--all]`.
fn list(
    paths: &Paths,
    store: &CommitmentStore,
    all: bool,
    context: Context,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let commitments = store.load()?;
    let shown: Vec<Commitment> = commitments
        .iter()
        .filter(|c| all || matches!(c.state, CommitmentState::Active | CommitmentState::Paused))
        .cloned()
        .collect();
    if shown.is_empty() {
        let hidden = commitments.len();
        if hidden > 0 {
            writeln!(
                out,
                "No current commitments ({hidden} done or archived: `truenorth commit list --all`)."
            )?;
        } else {
            writeln!(
                out,
                "No commitments yet. Add one, e.g.\n  truenorth commit add \
                 \"Learn one new thing about three students\" --cadence daily --dimension love"
            )?;
        }
        return Ok(true);
    }
    let history = History::load(paths)?;
    writeln!(
        out,
        "✓ checked today   ○ due today   · not due today   (weeks start on {})",
        weekday_name(context.week_start)
    )?;
    let records = Record::all_from_days(&shown, &history.days, &history.people, context.week_start);
    for (c, record) in shown.iter().zip(&records) {
        let summary = record.summary(context.today);
        let mark = if summary.checked_today > 0 {
            "✓"
        } else if summary.due_today {
            "○"
        } else {
            "·"
        };
        writeln!(out)?;
        writeln!(out, "{mark} {}  [{}]", c.title, c.id)?;
        writeln!(out, "    {}", details(c, &summary, context))?;
    }
    history.note_unread(out)?;
    Ok(true)
}

fn set_state(
    store: &CommitmentStore,
    query: &str,
    state: CommitmentState,
    context: Context,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    let (found, changed) = change(store, query, |c| c.change_state(state, context.today))?;
    if !changed {
        writeln!(out, "“{}” was already {state}.", found.title)?;
    } else if state == CommitmentState::Done {
        writeln!(
            out,
            "Marked “{}” done. Well kept: its check-ins stay in your journal.",
            found.title
        )?;
    } else {
        writeln!(
            out,
            "Archived “{}”. It is left out of lists; its check-ins stay in your journal.",
            found.title
        )?;
    }
    Ok(true)
}

/// Finds the commitment a person typed, or says what would work.
fn find(commitments: &[Commitment], query: &str) -> anyhow::Result<Commitment> {
    match commitment::find(commitments, query) {
        Lookup::Found(found) => Ok(found.clone()),
        Lookup::Ambiguous(fits) => {
            let lines: Vec<String> = fits
                .iter()
                .map(|c| format!("  {}  [{}]", c.title, c.id))
                .collect();
            bail!(
                "`{query}` fits {} commitments; give more of the title, or the id:\n{}",
                fits.len(),
                lines.join("\n")
            )
        }
        Lookup::NotFound if commitments.is_empty() => bail!(
            "there are no commitments yet; add one with `truenorth commit add TITLE --cadence daily`"
        ),
        Lookup::NotFound => bail!(
            "no commitment has the id or a title starting with `{query}`; \
             `truenorth commit list --all` shows them"
        ),
    }
}

/// Finds a commitment and changes it in the file (read fresh, written atomically).
fn change<R>(
    store: &CommitmentStore,
    query: &str,
    edit: impl FnOnce(&mut Commitment) -> R,
) -> anyhow::Result<(Commitment, R)> {
    let found = find(&store.load()?, query)?;
    let mut changed = None;
    store
        .modify(&found.id, |c| {
            let result = edit(c);
            changed = Some(c.clone());
            result
        })?
        .and_then(|result| changed.map(|c| (c, result)))
        .ok_or_else(|| anyhow!("“{}” was removed meanwhile; nothing changed", found.title))
}

/// A problem with what was typed, said with the flag it came from.
fn flag_error(error: plan::PlanError) -> String {
    let flag = match error.field {
        plan::Field::Title => "TITLE",
        plan::Field::Why => "--why",
        plan::Field::Dimension => "--dimension",
        plan::Field::Cadence => "--cadence",
        plan::Field::Start => "--start",
        plan::Field::End => "--end",
        plan::Field::Psel => "--psel",
        plan::Field::Connections => "--connections",
        plan::Field::Group => "--group",
        plan::Field::Role => "--role",
    };
    format!("{flag}: {}", error.message)
}

/// `tomorrow` or any date [`parse_day`] reads (default: today).
fn parse_skip_day(text: Option<&str>, today: NaiveDate) -> anyhow::Result<NaiveDate> {
    match text {
        None => Ok(today),
        Some(text) => Ok(dates::parse_plan_date(text, today)?),
    }
}

/// The journal's days and roster, loaded once for the records of every commitment.
struct History {
    days: Vec<crate::domain::Day>,
    people: Vec<crate::domain::person::Person>,
    unread: usize,
}

impl History {
    fn load(paths: &Paths) -> anyhow::Result<History> {
        let scan = Journal::open(&paths.data)?.scan();
        // A broken roster only matters to connection goals; those then count no one.
        let people = PeopleStore::open(&paths.data).load().unwrap_or_default();
        Ok(History {
            days: scan.days,
            people,
            unread: scan.problems.len(),
        })
    }

    fn record(&self, commitment: &Commitment, week_start: Weekday) -> Record {
        Record::from_days(commitment, &self.days, &self.people, week_start)
    }

    /// Says when some day files could not be read, since their check-ins are missing.
    fn note_unread(&self, out: &mut impl Write) -> std::io::Result<()> {
        if self.unread > 0 {
            writeln!(
                out,
                "\n({} day file(s) could not be read and were left out; \
                 `truenorth doctor` names them.)",
                self.unread
            )?;
        }
        Ok(())
    }
}
