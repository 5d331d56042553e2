//! `truenorth export` and `truenorth import` as a leader runs them: the real binary on
//! a scratch journal, with scratch settings so the person's own never leak in.

mod common;
mod exchange_support;

use std::fs;
use std::path::Path;

use common::cli::{Scratch, stdout_and_stderr};

/// A journal holding the fixture (written on its own dates in November 2026).
fn journal_with_fixture() -> Scratch {
    let leader = empty_journal();
    exchange_support::fixture().write_to(&leader.journal());
    leader
}

/// Times written without a zone (a jrnl file's) are read in the local one, fixed here
/// so the days and times the tests expect do not move with the machine's zone.
fn empty_journal() -> Scratch {
    Scratch::with_midnight_rollover().env("TZ", "America/New_York")
}

const RANGE: [&str; 4] = ["--from", "2026-11-02", "--to", "2026-11-22"];

#[test]
fn export_markdown_to_standard_output() {
    let leader = journal_with_fixture();
    let mut args = vec!["export", "--format", "md", "--title", "For Thursday"];
    args.extend(RANGE);
    let (out, err) = leader.ok_with_stderr(&args);
    assert!(out.starts_with("# For Thursday\n"), "{out}");
    assert!(out.contains("Student A is brilliant"));
    assert!(!out.contains("Maya") && !out.contains("PRIVATE-SENTINEL"));
    assert_eq!(err, "Exported 9 entries (3 private left out)\n");
}

#[test]
fn export_to_a_private_file_in_the_format_of_its_name() {
    let leader = journal_with_fixture();
    let file = leader.path("meeting.html");
    let mut args = vec!["export", "--by", "psel", "--include-names", "-o"];
    let file_arg = file.display().to_string();
    args.push(&file_arg);
    args.extend(RANGE);
    let (out, err) = leader.ok_with_stderr(&args);
    assert!(out.is_empty(), "{out}");
    assert_eq!(
        err,
        format!(
            "Exported 9 entries (3 private left out) to {}\n",
            file.display()
        )
    );
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Standard 5: Community of care and support for students"));
    assert!(html.contains("Maya Rodriguez"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn export_to_a_folder_that_does_not_exist_is_refused() {
    let leader = journal_with_fixture();
    let file = leader.path("no-such-folder/meeting.md");
    let output = leader.run(&["export", "-o", &file.display().to_string()]);
    assert!(!output.status.success());
    let (out, err) = stdout_and_stderr(&output);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("the folder")
            && err.contains("no-such-folder")
            && err.contains("does not exist"),
        "{err}"
    );
    assert!(!leader.path("no-such-folder").exists(), "no folder is made");
}

#[test]
fn export_filters_and_relative_dates() {
    let leader = journal_with_fixture();
    let (out, err) = leader.ok_with_stderr(&[
        "export",
        "--format",
        "txt",
        "--frame",
        "courage",
        "--from",
        "2026-11-09",
        "--to",
        "2026-11-22",
    ]);
    assert_eq!(err, "Exported 3 entries (1 private left out)\n");
    assert!(out.contains("Frames: Courageous conversations."), "{out}");
    assert!(out.contains("Say one hard thing kindly and directly"));
    assert!(
        !out.contains("Learn one new thing"),
        "love commitment left out"
    );

    // A range with nothing in it still makes a document, and says so.
    let (out, err) = leader.ok_with_stderr(&[
        "export",
        "--format",
        "md",
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-31",
    ]);
    assert_eq!(err, "Exported 0 entries (0 private left out)\n");
    assert!(out.contains("No entries in this range."));

    let output = leader.run(&["export", "--from", "someday"]);
    assert!(!output.status.success());
    let (_, err) = stdout_and_stderr(&output);
    assert!(
        err.contains("--from") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
    let output = leader.run(&["export", "--format", "pdf"]);
    assert!(!output.status.success());
}

#[test]
fn an_unknown_frame_is_refused_and_a_pack_without_entries_is_warned_about() {
    let leader = journal_with_fixture();
    let output = leader.run(&["export", "--frame", "corage"]);
    assert!(!output.status.success());
    let (out, err) = stdout_and_stderr(&output);
    assert!(out.is_empty(), "no document: {out}");
    assert!(
        err.contains("there is no frame `corage`. Did you mean `courage`?"),
        "{err}"
    );
    assert!(err.contains("love, care, vulnerability"), "{err}");

    // A frame as the app shows it is read too.
    let (_, err) = leader.ok_with_stderr(&["export", "--frame", "True north", "--format", "txt"]);
    assert!(err.starts_with("Exported 1 entry"), "{err}");

    let (out, err) = leader.ok_with_stderr(&["export", "--pack", "nosuch", "--format", "txt"]);
    assert!(
        err.starts_with("truenorth: pack `nosuch`: no such pack is installed"),
        "{err}"
    );
    assert!(err.contains("Packs with entries: "), "{err}");
    assert!(
        err.ends_with("Exported 0 entries (0 private left out)\n"),
        "{err}"
    );
    assert!(out.contains("Packs: nosuch."), "{out}");
}

#[test]
fn export_refuses_to_leak_names_when_the_roster_is_broken() {
    let leader = journal_with_fixture();
    fs::write(
        leader.journal().join("people.toml"),
        "version = 1\n[[person]\n",
    )
    .unwrap();
    let output = leader.run(&["export", "--format", "md"]);
    assert!(!output.status.success());
    let (out, err) = stdout_and_stderr(&output);
    assert!(out.is_empty(), "nothing written: {out}");
    assert!(err.contains("--include-names"), "{err}");
}

#[test]
fn import_jrnl_dry_run_apply_and_again() {
    let leader = empty_journal();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/journal.jrnl");
    let sample = sample.display().to_string();

    let output = leader.run(&["import", "--from", "jrnl", &sample]);
    let (out, _) = stdout_and_stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a bad record: non-zero\n{out}"
    );
    assert!(
        out.contains("4 entries to import, 1 duplicate already in the journal, 1 bad record."),
        "{out}"
    );
    assert!(out.contains("  2026       4"), "{out}");
    assert!(
        out.contains("2026-10-05  07:15  Walked the halls before the first bell."),
        "{out}"
    );
    assert!(out.contains("line 15: cannot read the time"), "{out}");
    assert!(out.contains("dry run: nothing was written"), "{out}");
    assert!(!leader.journal().join("journal/2026").exists());

    let output = leader.run(&["import", "--from", "jrnl", &sample, "--apply"]);
    let (out, _) = stdout_and_stderr(&output);
    assert!(out.contains("Imported 4 entries into 3 days."), "{out}");
    assert!(
        leader
            .journal()
            .join("journal/2026/2026-10-05.toml")
            .exists()
    );
    let (listed, _) =
        leader.ok_with_stderr(&["list", "--since", "2026-10-01", "--until", "2026-10-31"]);
    assert_eq!(listed.lines().count(), 4, "{listed}");

    let output = leader.run(&["import", "--from", "jrnl", &sample, "--apply"]);
    let (out, _) = stdout_and_stderr(&output);
    assert!(out.contains("0 entries to import, 5 duplicates"), "{out}");
    assert!(out.contains("Imported 0 entries into 0 days."), "{out}");
}

#[test]
fn import_day_one_and_our_own_json() {
    let leader = empty_journal();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/dayone.json");
    let output = leader.run(&[
        "import",
        "--from",
        "dayone",
        &sample.display().to_string(),
        "--apply",
    ]);
    let (out, _) = stdout_and_stderr(&output);
    assert!(out.contains("3 entries to import"), "{out}");
    assert!(
        out.contains("entries[2]: the entry has no \"creationDate\""),
        "{out}"
    );
    assert!(out.contains("Imported 3 entries into 3 days."), "{out}");

    // A JSON export of one journal imported into another.
    let source = journal_with_fixture();
    let file = source.path("export.json");
    let mut args = vec!["export", "-o"];
    let file_arg = file.display().to_string();
    args.push(&file_arg);
    args.extend(RANGE);
    source.ok_with_stderr(&args);
    let (out, _) = leader.ok_with_stderr(&["import", "--from", "json", &file_arg, "--apply"]);
    assert!(out.contains("9 entries to import"), "{out}");
    assert!(out.contains("3 new commitments"), "{out}");
    // The entries went into 8 days, not the 11 written: check-ins went into days
    // with no exported entry too (3, 9 and 19 November), and are counted apart.
    assert!(out.contains("Imported 9 entries into 8 days."), "{out}");
    assert!(
        out.contains("added 3 commitments and 15 check-ins on 11 days."),
        "{out}"
    );
    let (listed, _) = leader.ok_with_stderr(&["commit", "list", "--all"]);
    assert!(
        listed.contains("Say one hard thing kindly and directly"),
        "{listed}"
    );

    let output = leader.run(&["import", "--from", "json", &sample.display().to_string()]);
    assert!(!output.status.success());
    let (_, err) = stdout_and_stderr(&output);
    assert!(err.contains("not a truenorth export"), "{err}");
}

#[test]
fn titled_roster_names_do_not_leak_first_names_or_surnames() {
    let leader = empty_journal();
    leader.ok_with_stderr(&["people", "add", "Mr. Anand Patel", "--role", "staff"]);
    leader.ok_with_stderr(&["people", "add", "Mrs. Ruth Ann Kim", "--role", "family"]);
    leader.ok_with_stderr(&["people", "add", "Zoë Álvarez", "--role", "student"]);
    leader.ok_with_stderr(&[
        "add",
        "Anand said hi. Mr. Patel too. Ruth called; Patel's class. Zoe Alvarez came.",
    ]);
    let (out, _) = leader.ok_with_stderr(&["export", "--format", "txt"]);
    assert!(
        out.contains(
            "Staff A said hi. Staff A too. Family A called; Staff A's class. Student A came."
        ),
        "{out}"
    );
    for name in ["Anand", "Patel", "Ruth", "Kim", "Zoe", "Alvarez"] {
        assert!(!out.contains(name), "{name} leaked:\n{out}");
    }
}

#[test]
fn import_dry_run_shows_the_day_an_entry_is_filed_under() {
    let leader = empty_journal();
    leader.write_settings("day_rollover_hour = 4\n");
    let file = leader.path("late.txt");
    fs::write(
        &file,
        "[2026-11-30 01:30] Late night thoughts.\n\n[2026-11-30 07:00] Morning.\n",
    )
    .unwrap();
    let (out, _) = leader.ok_with_stderr(&["import", "--from", "jrnl", file.to_str().unwrap()]);
    assert!(
        out.contains("  2026-11-29  01:30 (on 2026-11-30)  Late night thoughts."),
        "{out}"
    );
    assert!(out.contains("  2026-11-30  07:00  Morning."), "{out}");
}

#[test]
fn import_reports_a_day_one_zone_it_had_to_guess() {
    let leader = empty_journal();
    let file = leader.path("dayone.json");
    fs::write(
        &file,
        r#"{"entries": [{"creationDate": "2026-11-24T12:12:00+09:00",
            "timeZone": "Mars/Olympus", "text": "Hello"}]}"#,
    )
    .unwrap();
    let (out, _) = leader.ok_with_stderr(&["import", "--from", "dayone", file.to_str().unwrap()]);
    assert!(
        out.contains(
            "Read with a guess, check these:\n  entries[0]: timeZone \"Mars/Olympus\" is not a \
             time zone name"
        ),
        "{out}"
    );
}

#[test]
fn json_import_of_a_file_without_days_fails() {
    let leader = empty_journal();
    let file = leader.path("export.json");
    fs::write(
        &file,
        r#"{"format": "truenorth-export", "version": 1, "days": {}}"#,
    )
    .unwrap();
    let output = leader.run(&["import", "--from", "json", file.to_str().unwrap()]);
    let (_, err) = stdout_and_stderr(&output);
    assert!(!output.status.success());
    assert!(err.contains("\"days\" should be a list of days"), "{err}");
}

#[test]
fn export_refuses_a_file_extension_that_is_no_format_unless_format_is_given() {
    let leader = journal_with_fixture();
    let file = leader.path("meeting.docx");
    let file_arg = file.display().to_string();
    let output = leader.run(&["export", "-o", &file_arg]);
    let (_, err) = stdout_and_stderr(&output);
    assert!(!output.status.success());
    assert!(
        err.contains("`.docx` is not an export format")
            && err.contains("md, html, json and txt")
            && err.contains("--format"),
        "{err}"
    );
    assert!(!file.exists());
    leader.ok_with_stderr(&["export", "-o", &file_arg, "--format", "md"]);
    assert!(fs::read_to_string(&file).unwrap().starts_with("# "));
}

#[test]
fn export_warns_about_a_tag_no_entry_has() {
    let leader = journal_with_fixture();
    let (_, err) = leader.ok_with_stderr(&["export", "--tag", "nosuchtag", "--format", "txt"]);
    assert!(
        err.contains("truenorth: tag `#nosuchtag`: no entry has it, so nothing is in the export"),
        "{err}"
    );
    assert!(err.contains("Exported 0 entries"), "{err}");
}

#[test]
fn export_refuses_a_range_that_starts_after_today_unless_it_has_an_end() {
    let leader = journal_with_fixture();
    let tomorrow = (leader.today() + chrono::Days::new(1)).to_string();
    let output = leader.run(&["export", "--from", &tomorrow, "--format", "md"]);
    let (out, err) = stdout_and_stderr(&output);
    assert!(!output.status.success());
    assert!(out.is_empty(), "no document: {out}");
    assert!(
        err.contains(&format!(
            "--from {tomorrow} is after today ({}), where a range without --to ends: the \
             range is empty",
            leader.today()
        )),
        "{err}"
    );
    // The same refusal as a range that ends before it begins.
    let output = leader.run(&["export", "--from", "2026-12-05", "--to", "2026-11-01"]);
    let (_, err) = stdout_and_stderr(&output);
    assert!(!output.status.success());
    assert!(err.contains("the range is empty"), "{err}");
    // Days ahead, asked for with an end, and today alone, are fine.
    let ahead = (leader.today() + chrono::Days::new(7)).to_string();
    let (out, _) = leader.ok_with_stderr(&["export", "--from", &tomorrow, "--to", &ahead]);
    assert!(out.starts_with("# "), "{out}");
    leader.ok_with_stderr(&["export", "--from", "today"]);
}

/// A week of March 2025 rated 4, 4, 5 and 4 (4.25 on average), with a weekly-review
/// answer saved from the review screen, which names the week it looks back on.
fn journal_with_a_reviewed_week() -> Scratch {
    let leader = empty_journal();
    for (day, energy) in [(3, 4), (4, 4), (5, 5), (6, 4)] {
        let date = format!("2025-03-{day:02}");
        let mut text = format!("version = 1\ndate = \"{date}\"\n\n[ratings]\nenergy = {energy}\n");
        if day == 6 {
            text += r#"
[[entry]]
id = "20250306-170000-00"
created = "2025-03-06T17:00:00-05:00"
pack = "weekly-review"
prompt = "review-01"
question = "What will you continue?"
frame = "review"
text = "The morning walk."
review_week = "2025-02-24"
"#;
        }
        leader.write(&format!("journal/journal/2025/{date}.toml"), &text);
    }
    leader
}

#[test]
fn a_week_average_reads_the_same_in_stats_and_every_export() {
    let leader = journal_with_a_reviewed_week();
    let table = leader.ok(&["stats", "--week", "2025-03-03"]);
    let row: Vec<&str> = table.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!((row[0], row[7]), ("2025-03-03", "4.3"), "{table}");
    let export = |format: &str| {
        let args = [
            "export",
            "--from",
            "2025-03-03",
            "--to",
            "2025-03-09",
            "--format",
            format,
        ];
        leader.ok_with_stderr(&args).0
    };
    let markdown = export("md");
    assert!(
        markdown.contains("| 3 Mar 2025 | 1 | 0 | 0 | 0 | 4.3 | – |"),
        "{markdown}"
    );
    assert!(!markdown.contains("4.2"), "{markdown}");
    let text = export("txt");
    assert!(text.contains("4.3") && !text.contains("4.2"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    assert_eq!(json["trends"][0]["energy"], 4.3);
}

#[test]
fn a_review_answer_keeps_the_week_it_looks_back_on_through_json() {
    /// The first week of March 2025 of `journal`, as JSON.
    fn export_json(journal: &Scratch) -> String {
        let file = journal.path("export.json");
        let file_arg = file.display().to_string();
        let range = ["--from", "2025-03-01", "--to", "2025-03-09"];
        journal.ok_with_stderr(&[&["export", "-o", &file_arg][..], &range].concat());
        fs::read_to_string(&file).unwrap()
    }
    let source = journal_with_a_reviewed_week();
    let json = export_json(&source);
    assert!(json.contains("\"review_week\": \"2025-02-24\""), "{json}");

    let leader = empty_journal();
    let file = source.path("export.json").display().to_string();
    let (out, _) = leader.ok_with_stderr(&["import", "--from", "json", &file, "--apply"]);
    assert!(out.contains("Imported 1 entry into 1 day."), "{out}");
    let day = fs::read_to_string(leader.journal().join("journal/2025/2025-03-06.toml")).unwrap();
    assert!(day.contains("review_week = \"2025-02-24\""), "{day}");
    // And it exports again the same.
    let days =
        |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap()["days"].clone();
    assert_eq!(days(&export_json(&leader)), days(&json));
}
