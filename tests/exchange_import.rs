//! Import: jrnl and Day One samples written from their public format descriptions
//! (`tests/fixtures/import/`), the JSON round trip (export, import into an empty
//! journal, export again: the same file), and the example in `docs/export-json.md`.

mod exchange_support;

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, NaiveDate};
use exchange_support::{context, fixture, options};
use truenorth::exchange::import::{self, ImportFormat, ImportPlan, Position};
use truenorth::exchange::{self, ExportFormat, ExportOptions, GroupBy, LoadedSources};
use truenorth::store::{CommitmentStore, Journal};

fn sample(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn eastern() -> FixedOffset {
    FixedOffset::west_opt(5 * 3600).unwrap()
}

fn plan_into(root: &Path, format: ImportFormat, text: &str) -> ImportPlan {
    let parsed = import::parse(format, text, &eastern(), 4).unwrap();
    let loaded = LoadedSources::load(root).unwrap();
    import::plan(format, parsed, &loaded.days, &loaded.commitments)
}

fn apply_into(root: &Path, plan: &ImportPlan) -> import::ApplyReport {
    let journal = Journal::open(root).unwrap();
    import::apply(plan, &journal, &CommitmentStore::open(root))
}

#[test]
fn jrnl_entries_tags_stars_bad_records_and_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_into(dir.path(), ImportFormat::Jrnl, &sample("journal.jrnl"));
    assert_eq!(plan.entry_count(), 4);
    let bad: Vec<String> = plan.bad.iter().map(ToString::to_string).collect();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].starts_with("line 15: cannot read the time \"2026-02-30 07:00\""));
    // The same entry twice in the file is imported once.
    assert_eq!(plan.duplicates.len(), 1);
    assert_eq!(plan.duplicates[0].position, Position::Line(21));

    let entries: Vec<_> = plan.entries().collect();
    let first = &entries[0].entry;
    assert_eq!(
        first.text,
        "Walked the halls before the first bell.\nThree students asked about the robotics \
         club. @students\nMaybe we can start it in January."
    );
    assert_eq!(first.tags, ["students"]);
    assert_eq!(first.frame, None);
    assert_eq!(first.created.to_rfc3339(), "2026-10-05T07:15:00-05:00");
    let starred = &entries[1].entry;
    assert_eq!(
        starred.text.lines().next(),
        Some("Hard conversation with a parent today.")
    );
    assert_eq!(starred.tags, ["families", "transport", "starred"]);
    let list = &entries[2].entry;
    assert!(
        list.text.ends_with("\n\nI told the art teacher."),
        "{}",
        list.text
    );
    assert_eq!(entries[3].entry.tags, ["staff", "wins"]);

    let report = apply_into(dir.path(), &plan);
    assert_eq!((report.entries, report.entry_days), (4, 3));
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    // Importing again changes nothing.
    let again = plan_into(dir.path(), ImportFormat::Jrnl, &sample("journal.jrnl"));
    assert_eq!(again.entry_count(), 0);
    assert_eq!(again.duplicates.len(), 5);
    assert!(again.is_empty());
}

/// jrnl's own default `timeformat` is `%F %r`: seconds and a 12-hour clock.
#[test]
fn jrnl_default_time_format_with_seconds_and_am_pm() {
    let parsed = import::parse(
        ImportFormat::Jrnl,
        &sample("default-format.jrnl"),
        &eastern(),
        4,
    )
    .unwrap();
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    let times: Vec<String> = parsed
        .entries
        .iter()
        .map(|i| i.entry.created.to_rfc3339())
        .collect();
    assert_eq!(
        times,
        [
            "2026-10-05T07:15:03-05:00",
            "2026-10-05T12:30:41-05:00",
            // 12:05 AM is five past midnight, on the next day.
            "2026-10-06T00:05:00-05:00",
        ]
    );
    // Before the day-rollover hour (4 am), it still belongs to the day before, as
    // `truenorth add` and the trends file it; with the rollover at midnight, it does not.
    assert_eq!(parsed.entries[2].day.to_string(), "2026-10-05");
    let midnight = import::parse(
        ImportFormat::Jrnl,
        &sample("default-format.jrnl"),
        &eastern(),
        0,
    )
    .unwrap();
    assert_eq!(midnight.entries[2].day.to_string(), "2026-10-06");
    let lunch = &parsed.entries[1].entry;
    assert_eq!(
        lunch.text,
        "Lunch with the sixth graders.\n@families came too, and the counselor."
    );
    assert_eq!(lunch.tags, ["families", "starred"]);
    // `#tags` stay in the text, where the journal reads them.
    assert!(parsed.entries[0].entry.text.ends_with("#students"));
}

#[test]
fn jrnl_1_journals_are_read_too() {
    let parsed = import::parse(ImportFormat::Jrnl, &sample("legacy.jrnl"), &eastern(), 4).unwrap();
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    let tags: Vec<&[String]> = parsed
        .entries
        .iter()
        .map(|i| i.entry.tags.as_slice())
        .collect();
    assert_eq!(
        tags,
        [&["work".to_string()][..], &["starred".to_string()][..]]
    );
    assert_eq!(parsed.entries[1].entry.text, "This entry is starred!");
}

#[test]
fn day_one_entries_in_their_own_time_zones() {
    let parsed =
        import::parse(ImportFormat::DayOne, &sample("dayone.json"), &eastern(), 4).unwrap();
    let bad: Vec<String> = parsed.bad.iter().map(ToString::to_string).collect();
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(
        bad[0].starts_with("entries[2]: the entry has no \"creationDate\""),
        "{bad:?}"
    );
    assert!(
        bad[1].starts_with("entries[3]: the entry has no text"),
        "{bad:?}"
    );

    let [meeting, late, old] = parsed.entries.as_slice() else {
        panic!("{:?}", parsed.entries);
    };
    assert_eq!(
        meeting.entry.text,
        "# Staff meeting\n\nWe talked about the new schedule. It went well!\n\n\
         - Keep the late bus\n- Ask the counselors (again)"
    );
    assert_eq!(meeting.entry.tags, ["staff", "schedule-change", "starred"]);
    assert_eq!(
        meeting.entry.created.to_rfc3339(),
        "2026-10-06T08:05:00-04:00"
    );
    // 02:30 UTC is the evening before in Los Angeles: the entry goes on that day.
    assert_eq!(late.day.to_string(), "2026-10-07");
    assert_eq!(late.entry.created.to_rfc3339(), "2026-10-07T19:30:00-07:00");
    assert!(
        late.entry.text.contains("\n[photo]\n"),
        "{}",
        late.entry.text
    );
    // Without a zone, the zone passed in.
    assert_eq!(old.entry.created.to_rfc3339(), "2026-10-11T08:45:00-05:00");
    assert_eq!(old.position, Position::Path("entries[4]".into()));

    let not_day_one = import::parse(ImportFormat::DayOne, "[1, 2]", &eastern(), 4).unwrap_err();
    assert!(
        not_day_one
            .to_string()
            .contains("not a Day One JSON export")
    );
}

/// Export the fixture journal as JSON, import it into an empty journal, export again.
fn round_trip(options: &ExportOptions) -> (String, String, import::ApplyReport) {
    let context = context();
    let source = tempfile::tempdir().unwrap();
    fixture().write_to(source.path());
    let loaded = LoadedSources::load(source.path()).unwrap();
    let first = exchange::prepare(loaded.sources(), options, &context).render(ExportFormat::Json);

    let target = tempfile::tempdir().unwrap();
    let plan = plan_into(target.path(), ImportFormat::Json, &first);
    assert!(plan.bad.is_empty(), "{:?}", plan.bad);
    let report = apply_into(target.path(), &plan);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let loaded = LoadedSources::load(target.path()).unwrap();
    let second = exchange::prepare(loaded.sources(), options, &context).render(ExportFormat::Json);

    let again = plan_into(target.path(), ImportFormat::Json, &first);
    assert!(
        again.is_empty(),
        "a second import changes nothing: {again:?}"
    );
    (first, second, report)
}

#[test]
fn json_export_import_export_is_the_same_file() {
    let (first, second, report) = round_trip(&options());
    assert_eq!(first, second);
    assert_eq!(report.entries, 9);
    // Days are counted by what they got: entries went into 8, check-ins into 11
    // (3, 9 and 19 November got check-ins and no exported entry).
    assert_eq!((report.entry_days, report.check_in_days), (8, 11));
    assert_eq!(report.commitments, 3);
    assert!(report.check_ins > 0 && report.ratings > 0);
    assert!(
        first.contains("\"kept_percent\": 55"),
        "the fixture has figures"
    );

    for options in [
        ExportOptions {
            from: None,
            to: None,
            include_names: true,
            group_by: GroupBy::Psel,
            ..options()
        },
        ExportOptions {
            frames: vec![truenorth::domain::Frame::Courage],
            ..options()
        },
    ] {
        let (first, second, _) = round_trip(&options);
        assert_eq!(first, second, "{options:?}");
    }
}

#[test]
fn json_import_names_bad_records_by_path() {
    let text = r#"{"format": "truenorth-export", "version": 1, "days": [
        {"date": "2026-11-02", "energy": 9, "entries": [
            {"id": "a", "created": "2026-11-02T07:00:00Z", "text": "fine", "tags": []},
            {"id": "b", "created": "yesterday", "text": "bad time", "tags": []}
        ]},
        {"entries": []}
    ], "commitments": [{"id": "x"}]}"#;
    let parsed = import::parse(ImportFormat::Json, text, &eastern(), 4).unwrap();
    let bad: Vec<String> = parsed.bad.iter().map(|b| b.position.to_string()).collect();
    assert_eq!(
        bad,
        [
            "days[0].energy",
            "days[0].entries[1]",
            "days[1]",
            "commitments[0]"
        ]
    );
    assert_eq!(parsed.entries.len(), 1);
    let problems: Vec<String> = parsed.bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems[1],
        "days[0].entries[1]: \"created\" should be a date and time with its offset, like \
         \"2026-11-10T07:00:00-05:00\", not \"yesterday\""
    );
    assert_eq!(
        problems[3],
        "commitments[0]: the commitment has no \"title\"; it should be text"
    );

    let newer = import::parse(
        ImportFormat::Json,
        r#"{"format": "truenorth-export", "version": 99}"#,
        &eastern(),
        4,
    )
    .unwrap_err();
    assert!(newer.to_string().contains("newer truenorth"));
    let other = import::parse(ImportFormat::Json, r#"{"entries": []}"#, &eastern(), 4).unwrap_err();
    assert!(other.to_string().contains("--from dayone"));
}

/// The complete example in the JSON format's documentation is a file this build
/// reads without a bad record, and its keys are exactly the ones this build writes.
#[test]
fn the_documented_json_example_imports_and_matches_the_schema() {
    let doc = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/export-json.md"),
    )
    .unwrap();
    let start = doc.find("```json\n").expect("a ```json block") + "```json\n".len();
    let example = &doc[start..start + doc[start..].find("\n```").unwrap()];
    let parsed = import::parse(ImportFormat::Json, example, &eastern(), 4).unwrap();
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    assert!(!parsed.entries.is_empty() && !parsed.commitments.is_empty());

    // Same keys, at every level, as a real export.
    let real =
        exchange::prepare(fixture().sources(), &options(), &context()).render(ExportFormat::Json);
    let keys = |text: &str| {
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut keys = std::collections::BTreeSet::new();
        collect_keys(&value, "", &mut keys);
        keys
    };
    assert_eq!(keys(example), keys(&real));
}

fn collect_keys(
    value: &serde_json::Value,
    path: &str,
    keys: &mut std::collections::BTreeSet<String>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                let path = format!("{path}.{key}");
                keys.insert(path.clone());
                collect_keys(value, &path, keys);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                collect_keys(item, &format!("{path}[]"), keys);
            }
        }
        _ => {}
    }
}

/// An entry written at 01:30 belongs to the evening before, in every format that has
/// no days of its own; our JSON keeps the day each entry was exported under.
#[test]
fn small_hours_entries_are_filed_under_the_journal_day() {
    let jrnl = "[2026-11-11 01:30] Could not sleep.\n\n[2026-11-11 04:00] Up early.\n";
    let parsed = import::parse(ImportFormat::Jrnl, jrnl, &eastern(), 4).unwrap();
    let days: Vec<String> = parsed.entries.iter().map(|i| i.day.to_string()).collect();
    assert_eq!(days, ["2026-11-10", "2026-11-11"]);

    // 06:30 UTC is 01:30 in New York.
    let day_one = r#"{"metadata": {"version": "1.0"}, "entries": [
        {"uuid": "A1", "creationDate": "2026-11-11T06:30:00Z",
         "timeZone": "America/New_York", "text": "Late thoughts"},
        {"uuid": "A2", "creationDate": "2026-11-11T09:30:00Z",
         "timeZone": "America/New_York", "text": "Morning"}]}"#;
    let parsed = import::parse(ImportFormat::DayOne, day_one, &eastern(), 4).unwrap();
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    let days: Vec<String> = parsed.entries.iter().map(|i| i.day.to_string()).collect();
    assert_eq!(days, ["2026-11-10", "2026-11-11"]);

    // Imported, the small-hours entry is in the evening before's file.
    let folder = tempfile::tempdir().unwrap();
    let parsed = import::parse(ImportFormat::Jrnl, jrnl, &eastern(), 4).unwrap();
    let plan = import::plan(ImportFormat::Jrnl, parsed, &[], &[]);
    apply_into(folder.path(), &plan);
    let journal = Journal::open(folder.path()).unwrap();
    let evening = journal.load_day(NaiveDate::from_ymd_opt(2026, 11, 10).unwrap());
    assert_eq!(
        evening.unwrap().unwrap().entries[0].text,
        "Could not sleep."
    );
}

/// Each bad record says which key is wrong, what it should hold and what it holds,
/// at its position: never serde's words for Rust types.
#[test]
fn json_import_problems_name_the_key_and_what_it_should_hold() {
    let text = r#"{"format": "truenorth-export", "version": 1, "days": [
        {"date": "2026-11-02", "entries": [
            {"id": "a", "created": "2026-11-02T07:00:00Z", "text": "ok", "tags": [], "value": "four"},
            {"id": "b", "created": "2026-11-02T07:00:00Z", "text": "ok", "tags": "staff"},
            {"id": "c", "created": "2026-11-02T07:00:00Z", "tags": []},
            "just text"
        ]},
        {"date": "2 November", "entries": []}
    ], "commitments": [
        {"id": "x", "title": "T", "why": null, "dimension": "love", "cadence": "sometimes",
         "start": "2026-11-02", "end": null, "psel": [], "state": "active", "skips": [],
         "pauses": [], "kept": [], "figures": {}},
        {"id": "y", "title": "Figures left out", "why": null, "dimension": "love",
         "cadence": "daily", "start": "2026-11-02", "end": null, "psel": [],
         "state": "active", "skips": [], "pauses": [], "kept": []}
    ]}"#;
    let parsed = import::parse(ImportFormat::Json, text, &eastern(), 4).unwrap();
    let problems: Vec<String> = parsed.bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "days[0].entries[0]: \"value\" should be a whole number (a measured answer), true \
             or false (a yes/no answer), or null, not \"four\"",
            "days[0].entries[1]: \"tags\" should be a list of tags as text, like [\"staff\"], \
             not \"staff\"",
            "days[0].entries[2]: the entry has no \"text\"; it should be text",
            "days[0].entries[3]: the entry should be an object {\"id\": ...}, not \"just text\"",
            "days[1].date: \"date\" should be a date like \"2026-11-02\", not \"2 November\"; the \
             day's entries are left out",
            "commitments[0]: \"cadence\" should be \"daily\", \"N per week\" (like \"3 per week\") \
             or \"weekly on DAY\" (like \"weekly on fri\"), not \"sometimes\"",
        ]
    );
    // Figures are worked out again, so a commitment without them still comes in.
    let titles: Vec<&str> = parsed
        .commitments
        .iter()
        .map(|c| c.commitment.title.as_str())
        .collect();
    assert_eq!(titles, ["Figures left out"]);
    for problem in &problems {
        assert!(
            !problem.contains("untagged") && !problem.contains("invalid type"),
            "{problem}"
        );
    }
}

/// A container of the wrong type is not read as empty: the file, or the day, is
/// refused with the key and what it should hold.
#[test]
fn json_import_refuses_containers_of_the_wrong_type() {
    let file = |rest: &str| format!(r#"{{"format": "truenorth-export", "version": 1{rest}}}"#);
    let refused = |rest: &str| {
        import::parse(ImportFormat::Json, &file(rest), &eastern(), 4)
            .unwrap_err()
            .to_string()
    };
    let cases = [
        (
            r#", "days": {}"#,
            "\"days\" should be a list of days, like [{\"date\": \"2026-11-02\", \"entries\": \
             [...]}], not {}",
        ),
        (
            "",
            "the file has no \"days\"; it should be a list of days, like [{\"date\": \
             \"2026-11-02\", \"entries\": [...]}]",
        ),
        (
            r#", "days": [], "commitments": "y""#,
            "\"commitments\" should be a list of commitments, like [{\"id\": \"...\", ...}], \
             or null, not \"y\"",
        ),
    ];
    for (rest, expected) in cases {
        assert_eq!(refused(rest), expected, "{rest}");
    }

    let text = file(
        r#", "days": [
            {"date": "2026-11-02", "entries": "x"},
            {"date": "2026-11-03", "outlook": "great", "energy": 7, "entries": []}
        ], "commitments": [
            {"id": "y", "title": "T", "why": null, "dimension": "love", "cadence": "daily",
             "start": "2026-11-02", "end": null, "psel": [], "state": "active", "skips": [],
             "pauses": [], "kept": [{"date": "2026-11-02", "check_ins": 1},
                                    {"date": "2026-11-03", "check_ins": "two"}]}
        ]"#,
    );
    let parsed = import::parse(ImportFormat::Json, &text, &eastern(), 4).unwrap();
    let problems: Vec<String> = parsed.bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "days[0].entries: \"entries\" should be a list of entries, like [{\"id\": \"...\", \
             \"text\": \"...\", ...}], not \"x\"; the day's entries are left out",
            "days[1].energy: a rating must be a whole number from 1 to 5, not 7",
            "days[1].outlook: a rating must be a whole number from 1 to 5, or null, not \"great\"",
            "commitments[0]: \"kept[1].check_ins\" should be a whole number of check-ins, 0 or \
             more, like 1, not \"two\"",
        ]
    );
}

/// Day One records are reported by the key that is wrong; a time zone that is not one
/// is reported and the entry read with the best offset there is.
#[test]
fn day_one_problems_name_the_key_and_unknown_zones_are_reported() {
    let text = r#"{"metadata": {"version": "1.0"}, "entries": [
        {"creationDate": "2026-11-24T12:12:00Z", "text": "Tags wrong", "tags": "notalist"},
        {"creationDate": "2026-11-24T12:12:00Z", "text": "On Mars", "timeZone": "Mars/Olympus"},
        {"creationDate": "2026-11-24T12:12:00+09:00", "text": "Own offset", "timeZone": "Mars/Olympus"},
        {"creationDate": "2026-11-24T12:12:00Z", "text": "Starred?", "starred": "yes"}
    ]}"#;
    let parsed = import::parse(ImportFormat::DayOne, text, &eastern(), 0).unwrap();
    let bad: Vec<String> = parsed.bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        bad,
        [
            "entries[0]: \"tags\" should be a list of tags as text, like [\"staff\"], not \
             \"notalist\"",
            "entries[3]: \"starred\" should be true or false, not \"yes\"",
        ]
    );
    let notes: Vec<String> = parsed.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "entries[1]: timeZone \"Mars/Olympus\" is not a time zone name; the time was read \
             in the time zone entries without one are read in (UTC-05:00), so it is \
             2026-11-24 07:12",
            "entries[2]: timeZone \"Mars/Olympus\" is not a time zone name; the time was read \
             in its creationDate's own offset (UTC+09:00), so it is 2026-11-24 12:12",
        ]
    );
    let times: Vec<String> = parsed
        .entries
        .iter()
        .map(|incoming| incoming.entry.created.to_rfc3339())
        .collect();
    assert_eq!(
        times,
        ["2026-11-24T07:12:00-05:00", "2026-11-24T12:12:00+09:00"]
    );
}

#[test]
fn a_truenorth_export_read_as_day_one_says_what_to_do() {
    let refused = |text: &str| {
        import::parse(ImportFormat::DayOne, text, &eastern(), 4)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refused(r#"{"format": "truenorth-export", "version": 1, "days": []}"#),
        "this is a truenorth export, not a Day One one: import it with --from json"
    );
    assert_eq!(
        refused(r#"{"metadata": {}}"#),
        "not a Day One JSON export: it has no \"entries\"; a Day One export holds \
         {\"metadata\": ..., \"entries\": [...]}"
    );
    assert_eq!(
        refused(r#"{"entries": {}}"#),
        "not a Day One JSON export: \"entries\" should be a list, not {}; a Day One export \
         holds {\"metadata\": ..., \"entries\": [...]}"
    );
}
