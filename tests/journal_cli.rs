//! `truenorth add`, `list` and `search` as a script would run them: the real binary, a
//! temp journal, plain and JSON output. Private entries must never reach stdout unless
//! `--include-private` is given.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use chrono::{Days, Local};

const BIN: &str = env!("CARGO_BIN_EXE_truenorth");
const SECRET: &str = "budget worry nobody may read";

fn truenorth(journal: &Path, args: &[&str]) -> Output {
    run(journal, args, None)
}

fn run(journal: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("TRUENORTH_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).expect("write stdin");
    }
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("utf-8 output")
}

fn json(output: &Output) -> Vec<serde_json::Value> {
    serde_json::from_str::<Vec<serde_json::Value>>(&stdout(output)).expect("a JSON array")
}

/// A journal with four entries written today: one private, one from stdin, one with
/// explicit tags, and one written a week ago by hand.
fn journal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let saved = stdout(&truenorth(
        dir.path(),
        &[
            "add",
            "Hallway talk with the 7th graders about the lunch line #students",
        ],
    ));
    let today = truenorth::store::Config::default().journal_day(Local::now().naive_local());
    let file = format!("journal/{}/{today}.toml", today.format("%Y"));
    assert_eq!(saved.trim(), format!("Saved to {file}"));
    assert!(dir.path().join(&file).exists());

    stdout(&truenorth(dir.path(), &["add", SECRET, "--private"]));
    stdout(&run(
        dir.path(),
        &["add", "-", "--tag", "Staff", "--tag", "#wins"],
        Some("Thanked the custodians\nfor the science fair setup\n"),
    ));

    // An entry from a week ago, written as the app writes day files.
    let past = today - Days::new(7);
    let past_file = dir
        .path()
        .join(format!("journal/{}/{past}.toml", past.format("%Y")));
    std::fs::create_dir_all(past_file.parent().unwrap()).unwrap();
    std::fs::write(
        &past_file,
        format!(
            "version = 1\ndate = \"{past}\"\n\n[[entry]]\nid = \"old\"\n\
             created = \"{past}T07:12:00-05:00\"\nframe = \"care\"\n\
             question = \"Who needs a word of thanks?\"\n\
             text = \"Conversation with Jordan's mother about the bus\"\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn add_then_list_plain_and_json_keeps_private_entries_out() {
    let dir = journal();
    let plain = stdout(&truenorth(dir.path(), &["list"]));
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines.len(), 3, "{plain}");
    // Newest first: stdin entry, then the hallway talk, then last week.
    assert!(
        lines[0].contains("[note] Thanked the custodians…  #staff #wins"),
        "{plain}"
    );
    assert!(
        lines[1].ends_with(
            "[note] Hallway talk with the 7th graders about the lunch line #students  #students"
        ),
        "{plain}"
    );
    assert!(
        lines[2].contains(" 07:12  [care] Conversation with Jordan's mother"),
        "{plain}"
    );
    assert!(!plain.contains("budget"), "{plain}");

    let entries = json(&truenorth(dir.path(), &["list", "--json"]));
    assert_eq!(entries.len(), 3);
    let raw = stdout(&truenorth(dir.path(), &["list", "--json"]));
    assert!(!raw.contains("budget"), "{raw}");
    let thanked = &entries[0];
    assert_eq!(
        thanked["text"],
        "Thanked the custodians\nfor the science fair setup"
    );
    assert_eq!(thanked["tags"], serde_json::json!(["staff", "wins"]));
    assert_eq!(thanked["private"], false);
    for key in [
        "date", "created", "id", "frame", "pack", "prompt", "question", "value",
    ] {
        assert!(thanked.get(key).is_some(), "{key} missing: {thanked}");
    }
    assert_eq!(entries[2]["frame"], "care");
    assert_eq!(entries[2]["question"], "Who needs a word of thanks?");

    let all = json(&truenorth(
        dir.path(),
        &["list", "--json", "--include-private"],
    ));
    assert_eq!(all.len(), 4);
    let secret: Vec<_> = all.iter().filter(|e| e["private"] == true).collect();
    assert_eq!(secret.len(), 1);
    assert_eq!(secret[0]["text"], SECRET);
    let plain = stdout(&truenorth(dir.path(), &["list", "--include-private"]));
    assert!(plain.contains(&format!("(private) {SECRET}")), "{plain}");
}

#[test]
fn list_filters_by_relative_dates_and_tags() {
    let dir = journal();
    let recent = stdout(&truenorth(dir.path(), &["list", "--since", "yesterday"]));
    assert_eq!(recent.lines().count(), 2, "{recent}");
    let old = stdout(&truenorth(dir.path(), &["list", "--until", "-7d"]));
    assert_eq!(old.lines().count(), 1, "{old}");
    assert!(old.contains("Jordan"), "{old}");
    let window = stdout(&truenorth(
        dir.path(),
        &["list", "--since", "-2w", "--until", "-1d"],
    ));
    assert_eq!(window.lines().count(), 1, "{window}");
    let tagged = stdout(&truenorth(dir.path(), &["list", "--tag", "staff"]));
    assert_eq!(tagged.lines().count(), 1, "{tagged}");
    let framed = stdout(&truenorth(dir.path(), &["list", "--frame", "care"]));
    assert_eq!(framed.lines().count(), 1, "{framed}");

    let bad = truenorth(dir.path(), &["list", "--since", "someday"]);
    assert!(!bad.status.success());
    let error = String::from_utf8_lossy(&bad.stderr);
    assert!(error.contains("--since"), "{error}");
    assert!(
        error.contains("YYYY-MM-DD") && error.contains("-7d"),
        "{error}"
    );
}

#[test]
fn search_finds_words_typos_phrases_and_tags_but_not_private_entries() {
    let dir = journal();
    let found = stdout(&truenorth(dir.path(), &["search", "jordan", "mother"]));
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(
        found.contains("Conversation with Jordan's mother"),
        "{found}"
    );

    let typo = stdout(&truenorth(dir.path(), &["search", "custodans"]));
    assert!(typo.contains("Thanked the custodians"), "{typo}");

    let phrase = stdout(&truenorth(dir.path(), &["search", "\"the lunch line\""]));
    assert_eq!(phrase.lines().count(), 1, "{phrase}");
    let none = stdout(&truenorth(dir.path(), &["search", "\"lunch the line\""]));
    assert!(none.is_empty(), "{none}");

    let tagged = json(&truenorth(dir.path(), &["search", "#wins", "--json"]));
    assert_eq!(tagged.len(), 1);
    assert!(tagged[0]["score"].as_u64().unwrap() > 0);

    // The private entry matches, but stays out unless asked for.
    let hidden = truenorth(dir.path(), &["search", "budget", "--json"]);
    let raw = stdout(&hidden);
    assert!(!raw.contains("budget") && !raw.contains("nobody"), "{raw}");
    assert!(json(&hidden).is_empty());
    let plain = stdout(&truenorth(dir.path(), &["search", "budget"]));
    assert!(plain.is_empty(), "{plain}");
    let shown = json(&truenorth(
        dir.path(),
        &["search", "budget", "--json", "--include-private"],
    ));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["private"], true);

    let within = stdout(&truenorth(
        dir.path(),
        &["search", "the", "--since", "today", "--limit", "1"],
    ));
    assert_eq!(within.lines().count(), 1, "{within}");
}

#[test]
fn an_empty_add_is_refused_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["add", "-"], Some("  \n"));
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing to save"));
    assert!(stdout(&truenorth(dir.path(), &["list", "--include-private"])).is_empty());
}

#[test]
fn edits_made_between_runs_are_seen_through_the_cache() {
    let dir = journal();
    assert_eq!(
        stdout(&truenorth(dir.path(), &["search", "custodians"]))
            .lines()
            .count(),
        1
    );
    // A hand edit of a day file (same folder, new text) is picked up at once.
    let today = truenorth::store::Config::default().journal_day(Local::now().naive_local());
    let file = dir
        .path()
        .join(format!("journal/{}/{today}.toml", today.format("%Y")));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("custodians", "counselors")).unwrap();
    assert!(stdout(&truenorth(dir.path(), &["search", "custodians"])).is_empty());
    assert_eq!(
        stdout(&truenorth(dir.path(), &["search", "counselors"]))
            .lines()
            .count(),
        1
    );
}

#[test]
fn tags_are_listed_with_counts_and_renamed_across_the_journal() {
    let dir = journal();
    let listed = stdout(&truenorth(dir.path(), &["tags"]));
    assert!(listed.contains("#students"), "{listed}");
    assert!(listed.contains("#staff"), "{listed}");
    let counts = json(&truenorth(dir.path(), &["tags", "--json"]));
    let students = counts
        .iter()
        .find(|record| record["tag"] == "students")
        .expect("students is listed");
    assert!(students["entries"].as_u64().unwrap() >= 1);

    let renamed = stdout(&truenorth(
        dir.path(),
        &["tags", "rename", "#Students", "pupils"],
    ));
    assert!(
        renamed.starts_with("Renamed #students to #pupils in"),
        "{renamed}"
    );
    let text = stdout(&truenorth(dir.path(), &["list", "--tag", "pupils"]));
    assert!(text.contains("lunch line #pupils"), "{text}");
    assert_eq!(
        stdout(&truenorth(dir.path(), &["list", "--tag", "students"])),
        ""
    );

    // The new name must be a tag; nothing is changed when it is not.
    let refused = truenorth(dir.path(), &["tags", "rename", "pupils", "two words"]);
    assert!(!refused.status.success());
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(why.contains("cannot be a tag"), "{why}");
    let still = stdout(&truenorth(dir.path(), &["list", "--tag", "pupils"]));
    assert!(still.contains("#pupils"), "{still}");

    // A tag no entry has is nothing renamed: said, and a failure for scripts.
    let missing = truenorth(dir.path(), &["tags", "rename", "nothere", "foo"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&missing.stdout),
        "No entry is tagged #nothere.\n"
    );
}

/// Runs with stdout a pipe whose reader is already gone, as `| head` leaves it.
fn into_a_closed_pipe(journal: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    Command::new(BIN)
        .arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("TRUENORTH_DIR")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_reader_that_stops_early_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    stdout(&truenorth(
        &journal,
        &["add", "robot team practice #robots"],
    ));
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["search", "robot", "--json"],
        &["search", "robot"],
        &["completions", "bash"],
        &["man"],
    ] {
        let output = into_a_closed_pipe(&journal, args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}

#[test]
fn add_refuses_a_tag_that_tags_rename_could_not_rename() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["Two Words", "a,b", "#", "42"] {
        let output = truenorth(dir.path(), &["add", "--tag", bad, "a thought"]);
        assert_eq!(output.status.code(), Some(1), "{bad}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(
            error.contains(&format!("--tag “{}” cannot be a tag", bad.trim())),
            "{bad}: {error}"
        );
        assert!(error.contains("Nothing was saved"), "{error}");
    }
    let listed = stdout(&truenorth(dir.path(), &["list"]));
    assert!(!listed.contains("a thought"), "{listed}");
    // What add takes, rename takes too.
    stdout(&truenorth(
        dir.path(),
        &["add", "--tag", "#Staff-Room", "a thought"],
    ));
    stdout(&truenorth(
        dir.path(),
        &["tags", "rename", "staff-room", "staff"],
    ));
    let listed = stdout(&truenorth(dir.path(), &["list", "--tag", "staff"]));
    assert!(listed.contains("a thought"), "{listed}");
}
