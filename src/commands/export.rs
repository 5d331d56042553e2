//! `truenorth export`: a chosen slice of the journal as a document for a mentor
//! meeting. The work is in [`crate::exchange`]; this reads the options, the journal
//! and the settings, and writes the document where it was asked for.

use std::io::Write;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;

use super::when::Context;
use crate::cli::ExportArgs;
use crate::domain::Frame;
use crate::domain::dates::parse_date;
use crate::exchange::{
    self, EmptyRange, ExportContext, ExportFormat, ExportOptions, LoadedSources,
};
use crate::store::Paths;
use crate::store::atomic::write_atomic;
use crate::store::config::{self, Config};

/// Runs the export; the document goes to `-o FILE` or to `out`, and the line saying
/// how many entries went in goes to `status` (standard error, so a piped document
/// stays clean).
pub fn run(
    paths: &Paths,
    args: &ExportArgs,
    context: Context,
    out: &mut impl Write,
    status: &mut impl Write,
) -> anyhow::Result<()> {
    if let Some(file) = &args.output
        && let Some(folder) = exchange::missing_folder(file)
    {
        bail!(
            "cannot write {}: the folder {} does not exist. Create it first, or give -o a \
             file in a folder that does",
            file.display(),
            folder.display()
        );
    }
    let (settings, _problem) = Config::load(&paths.config.join(config::FILE_NAME));
    let options = options_from(args, context.today, settings.export.include_names)?;
    let format = format_for(args, settings.export.format)?;
    let loaded = LoadedSources::load(&paths.data)?;
    if loaded.roster_unreadable() && !options.include_names {
        bail!(
            "people.toml cannot be read, so names cannot be replaced by pseudonyms; fix it \
             (`truenorth doctor` names the problem) or export with --include-names"
        );
    }
    if let Some(problem) = exchange::check::unknown_frame(&loaded.sources(), &options.frames) {
        bail!("--frame: {problem}");
    }
    for warning in exchange::check::packs_without_entries(&loaded.sources(), &options.packs)
        .into_iter()
        .chain(exchange::check::tags_without_entries(
            &loaded.sources(),
            &options.tags,
        ))
    {
        writeln!(status, "truenorth: {warning}")?;
    }
    if !loaded.problems.is_empty() {
        writeln!(
            status,
            "truenorth: {} file(s) could not be read and are left out; `truenorth doctor` \
             names them",
            loaded.problems.len()
        )?;
    }
    let export = exchange::prepare(
        loaded.sources(),
        &options,
        &ExportContext {
            now: context.now,
            today: context.today,
            week_start: context.week_start,
        },
    );
    let document = export.render(format);
    let counts = export.counts();
    let summary = format!(
        "Exported {} {} ({} private left out)",
        counts.entries,
        if counts.entries == 1 {
            "entry"
        } else {
            "entries"
        },
        counts.private_left_out
    );
    match &args.output {
        Some(file) => {
            write_atomic(file, document.as_bytes())
                .with_context(|| format!("cannot write {}", file.display()))?;
            writeln!(status, "{summary} to {}", file.display())?;
        }
        None => {
            out.write_all(document.as_bytes())?;
            out.flush()?;
            writeln!(status, "{summary}")?;
        }
    }
    Ok(())
}

/// The command-line options as [`ExportOptions`]; dates are read relative to `today`.
pub fn options_from(
    args: &ExportArgs,
    today: NaiveDate,
    names_by_default: bool,
) -> anyhow::Result<ExportOptions> {
    let date = |flag: &str, value: &Option<String>| -> anyhow::Result<Option<NaiveDate>> {
        value
            .as_deref()
            .map(|value| parse_date(value, today).with_context(|| format!("--{flag}")))
            .transpose()
    };
    let from = date("from", &args.from)?;
    let to = date("to", &args.to)?;
    match exchange::check_range(from, to, today) {
        Ok(()) => {}
        Err(EmptyRange::Backwards { from, to }) => {
            bail!("--from {from} is after --to {to}: the range is empty")
        }
        Err(EmptyRange::StartsAfterToday { from, today }) => bail!(
            "--from {from} is after today ({today}), where a range without --to ends: the \
             range is empty. Give --to as well to export days ahead"
        ),
    }
    Ok(ExportOptions {
        from,
        to,
        tags: args.tags.clone(),
        frames: args
            .frames
            .iter()
            // An id (`true-north`) or a label as the app shows it ("True north").
            .map(|frame| Frame::from(frame.trim().to_lowercase().replace(' ', "-")))
            .collect(),
        packs: args.packs.clone(),
        group_by: args.by,
        include_names: args.include_names || names_by_default,
        title: args.title.clone(),
        author: args.name.clone(),
    })
}

/// `--format`, else the output file's extension, else the settings' default. A file
/// whose extension is no export format (`-o notes.docx`) needs `--format`.
fn format_for(args: &ExportArgs, default: ExportFormat) -> anyhow::Result<ExportFormat> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let Some(file) = args.output.as_deref() else {
        return Ok(default);
    };
    match exchange::format_of_file(file) {
        Ok(format) => Ok(format.unwrap_or(default)),
        Err(problem) => bail!(
            "cannot tell which format to write {} in: {problem}. End the file name in .md, \
             .html, .json or .txt, or give --format",
            file.display()
        ),
    }
}

/// Reads `--format` for clap.
pub fn parse_format(value: &str) -> Result<ExportFormat, String> {
    ExportFormat::from_name(value)
        .ok_or_else(|| format!("`{value}` is not one of md, html, json or txt"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_flag_the_file_or_the_settings() {
        let mut args = ExportArgs::default();
        let format = |args: &ExportArgs| format_for(args, ExportFormat::Text).unwrap();
        assert_eq!(format(&args), ExportFormat::Text);
        args.output = Some("meeting.HTM".into());
        assert_eq!(format(&args), ExportFormat::Html);
        args.output = Some("for-thursday".into());
        assert_eq!(format(&args), ExportFormat::Text);
        args.output = Some("meeting.docx".into());
        let error = format_for(&args, ExportFormat::Text)
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "cannot tell which format to write meeting.docx in: `.docx` is not an export \
             format: the formats are md, html, json and txt. End the file name in .md, .html, \
             .json or .txt, or give --format"
        );
        args.format = Some(ExportFormat::Json);
        assert_eq!(format(&args), ExportFormat::Json);
        assert_eq!(parse_format("markdown"), Ok(ExportFormat::Markdown));
        assert!(
            parse_format("pdf")
                .unwrap_err()
                .contains("md, html, json or txt")
        );
    }

    #[test]
    fn dates_are_read_like_everywhere_else() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let args = ExportArgs {
            from: Some("-6w".into()),
            to: Some("yesterday".into()),
            frames: vec!["Courage".into()],
            ..ExportArgs::default()
        };
        let options = options_from(&args, today, false).unwrap();
        assert_eq!(options.from, NaiveDate::from_ymd_opt(2026, 10, 13));
        assert_eq!(options.to, NaiveDate::from_ymd_opt(2026, 11, 23));
        assert_eq!(options.frames, [Frame::Courage]);
        let backwards = ExportArgs {
            from: Some("today".into()),
            to: Some("-1d".into()),
            ..ExportArgs::default()
        };
        let error = options_from(&backwards, today, false).unwrap_err();
        assert!(error.to_string().contains("after --to"), "{error}");
        // An open range ends today, so it cannot begin after it.
        let ahead = ExportArgs {
            from: Some("2026-11-25".into()),
            ..ExportArgs::default()
        };
        let error = options_from(&ahead, today, false).unwrap_err().to_string();
        assert_eq!(
            error,
            "--from 2026-11-25 is after today (2026-11-24), where a range without --to \
             ends: the range is empty. Give --to as well to export days ahead"
        );
        let asked_ahead = ExportArgs {
            to: Some("2026-11-30".into()),
            ..ahead
        };
        assert!(options_from(&asked_ahead, today, false).is_ok());
        let today_only = ExportArgs {
            from: Some("today".into()),
            ..ExportArgs::default()
        };
        assert!(options_from(&today_only, today, false).is_ok());
        let bad = ExportArgs {
            from: Some("someday".into()),
            ..ExportArgs::default()
        };
        let error = format!("{:#}", options_from(&bad, today, false).unwrap_err());
        assert!(
            error.contains("--from") && error.contains("YYYY-MM-DD"),
            "{error}"
        );
    }
}
