//! `truenorth add`, `list` and `search` as a script would run them: the real binary, a
//! temp journal, plain and JSON output. Private entries must never reach stdout unless
//! `--include-private` is given.

mod common;

use std::process::{Output, Stdio};

use chrono::Days;
use common::cli::Scratch;

const SECRET: &str = "budget worry nobody may read";

fn json(stdout: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<Vec<serde_json::Value>>(stdout).expect("a JSON array")
}

/// A journal with four entries written today: one private, one from stdin, one with
/// explicit tags, and one written a week ago by hand. The settings are the defaults,
/// so today is the journal day of the 4 am rollover.
fn journal() -> Scratch {
    let leader = Scratch::new();
    let saved = leader.ok(&[
        "add",
        "Hallway talk with the 7th graders about the lunch line #students",
    ]);
    let today = leader.today();
    let file = format!("journal/{}/{today}.toml", today.format("%Y"));
    assert_eq!(saved.trim(), format!("Saved to {file}"));
    assert!(leader.journal().join(&file).exists());

    leader.ok(&["add", SECRET, "--private"]);
    leader.ok_with_stdin(
        &["add", "-", "--tag", "Staff", "--tag", "#wins"],
        "Thanked the custodians\nfor the science fair setup\n",
    );

    // An entry from a week ago, written as the app writes day files.
    let past = today - Days::new(7);
    let past_file = leader.day_file_path(past);
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
    leader
}

#[test]
fn add_then_list_plain_and_json_keeps_private_entries_out() {
    let leader = journal();
    let plain = leader.ok(&["list"]);
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

    let entries = json(&leader.ok(&["list", "--json"]));
    assert_eq!(entries.len(), 3);
    let raw = leader.ok(&["list", "--json"]);
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

    let all = json(&leader.ok(&["list", "--json", "--include-private"]));
    assert_eq!(all.len(), 4);
    let secret: Vec<_> = all.iter().filter(|e| e["private"] == true).collect();
    assert_eq!(secret.len(), 1);
    assert_eq!(secret[0]["text"], SECRET);
    let plain = leader.ok(&["list", "--include-private"]);
    assert!(plain.contains(&format!("(private) {SECRET}")), "{plain}");
}

#[test]
fn list_filters_by_relative_dates_and_tags() {
    let leader = journal();
    let recent = leader.ok(&["list", "--since", "yesterday"]);
    assert_eq!(recent.lines().count(), 2, "{recent}");
    let old = leader.ok(&["list", "--until", "-7d"]);
    assert_eq!(old.lines().count(), 1, "{old}");
    assert!(old.contains("Jordan"), "{old}");
    let window = leader.ok(&["list", "--since", "-2w", "--until", "-1d"]);
    assert_eq!(window.lines().count(), 1, "{window}");
    let tagged = leader.ok(&["list", "--tag", "staff"]);
    assert_eq!(tagged.lines().count(), 1, "{tagged}");
    let framed = leader.ok(&["list", "--frame", "care"]);
    assert_eq!(framed.lines().count(), 1, "{framed}");

    let bad = leader.run(&["list", "--since", "someday"]);
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
    let leader = journal();
    let found = leader.ok(&["search", "jordan", "mother"]);
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(
        found.contains("Conversation with Jordan's mother"),
        "{found}"
    );

    let typo = leader.ok(&["search", "custodans"]);
    assert!(typo.contains("Thanked the custodians"), "{typo}");

    let phrase = leader.ok(&["search", "\"the lunch line\""]);
    assert_eq!(phrase.lines().count(), 1, "{phrase}");
    let none = leader.ok(&["search", "\"lunch the line\""]);
    assert!(none.is_empty(), "{none}");

    let tagged = json(&leader.ok(&["search", "#wins", "--json"]));
    assert_eq!(tagged.len(), 1);
    assert!(tagged[0]["score"].as_u64().unwrap() > 0);

    // The private entry matches, but stays out unless asked for.
    let raw = leader.ok(&["search", "budget", "--json"]);
    assert!(!raw.contains("budget") && !raw.contains("nobody"), "{raw}");
    assert!(json(&raw).is_empty());
    let plain = leader.ok(&["search", "budget"]);
    assert!(plain.is_empty(), "{plain}");
    let shown = json(&leader.ok(&["search", "budget", "--json", "--include-private"]));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["private"], true);

    let within = leader.ok(&["search", "the", "--since", "today", "--limit", "1"]);
    assert_eq!(within.lines().count(), 1, "{within}");
}

#[test]
fn search_forgives_typos_that_exist_ignores_accents_and_finds_symbols() {
    let leader = Scratch::new();
    for text in [
        "met the mother today",
        "mothr typo entry",
        "Café meeting with Zoë about naïve résumé #élèves",
        "Science fair done 🎉",
        "Budget -- again",
    ] {
        leader.ok(&["add", text]);
    }
    let found = |args: &[&str]| -> Vec<String> {
        json(&leader.ok(&[&["search", "--json"], args].concat()))
            .iter()
            .map(|entry| entry["text"].as_str().unwrap().to_string())
            .collect()
    };
    // The misspelling is written somewhere, and the word it misspells is still found,
    // below it.
    assert_eq!(
        found(&["mothr"]),
        vec!["mothr typo entry", "met the mother today"]
    );
    let cafe = "Café meeting with Zoë about naïve résumé #élèves";
    for query in [
        "zoe",
        "ZOË",
        "resume",
        "eleves",
        "#eleves",
        "\"zoe\"",
        "cafe naive",
    ] {
        assert_eq!(found(&[query]), vec![cafe], "{query}");
    }
    assert_eq!(found(&["🎉"]), vec!["Science fair done 🎉"]);
    assert_eq!(found(&["--", "--"]), vec!["Budget -- again"]);
    assert_eq!(found(&["🎊"]), Vec::<String>::new());
    assert_eq!(found(&["  "]).len(), 5);
    // Plain output is ranked the same way.
    let plain = leader.ok(&["search", "zoe"]);
    assert_eq!(plain.lines().count(), 1, "{plain}");
    assert!(plain.contains("Zoë"), "{plain}");
}

#[test]
fn an_empty_add_is_refused_and_saves_nothing() {
    let leader = Scratch::new();
    let output = leader.run_with_stdin(&["add", "-"], "  \n");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing to save"));
    assert!(leader.ok(&["list", "--include-private"]).is_empty());
}

#[test]
fn edits_made_between_runs_are_seen_through_the_cache() {
    let leader = journal();
    assert_eq!(leader.ok(&["search", "custodians"]).lines().count(), 1);
    // A hand edit of a day file (same folder, new text) is picked up at once.
    let file = leader.day_file_path(leader.today());
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("custodians", "counselors")).unwrap();
    assert!(leader.ok(&["search", "custodians"]).is_empty());
    assert_eq!(leader.ok(&["search", "counselors"]).lines().count(), 1);
}

#[test]
fn tags_are_listed_with_counts_and_renamed_across_the_journal() {
    let leader = journal();
    let listed = leader.ok(&["tags"]);
    assert!(listed.contains("#students"), "{listed}");
    assert!(listed.contains("#staff"), "{listed}");
    let counts = json(&leader.ok(&["tags", "--json"]));
    let students = counts
        .iter()
        .find(|record| record["tag"] == "students")
        .expect("students is listed");
    assert!(students["entries"].as_u64().unwrap() >= 1);

    let renamed = leader.ok(&["tags", "rename", "#Students", "pupils"]);
    assert!(
        renamed.starts_with("Renamed #students to #pupils in"),
        "{renamed}"
    );
    let text = leader.ok(&["list", "--tag", "pupils"]);
    assert!(text.contains("lunch line #pupils"), "{text}");
    assert_eq!(leader.ok(&["list", "--tag", "students"]), "");

    // The new name must be a tag; nothing is changed when it is not.
    let refused = leader.run(&["tags", "rename", "pupils", "two words"]);
    assert!(!refused.status.success());
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(why.contains("cannot be a tag"), "{why}");
    let still = leader.ok(&["list", "--tag", "pupils"]);
    assert!(still.contains("#pupils"), "{still}");

    // A tag no entry has is nothing renamed: said, and a failure for scripts.
    let missing = leader.run(&["tags", "rename", "nothere", "foo"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&missing.stdout),
        "No entry is tagged #nothere.\n"
    );
}

/// Runs with stdout a pipe whose reader is already gone, as `| head` leaves it.
fn into_a_closed_pipe(leader: &Scratch, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    leader
        .command(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_reader_that_stops_early_ends_every_command_quietly() {
    let leader = Scratch::new();
    leader.ok(&["add", "robot team practice #robots"]);
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["search", "robot", "--json"],
        &["search", "robot"],
        &["completions", "bash"],
        &["man"],
    ] {
        let output = into_a_closed_pipe(&leader, args);
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
    let leader = Scratch::new();
    for bad in ["Two Words", "a,b", "#", "42"] {
        let output = leader.run(&["add", "--tag", bad, "a thought"]);
        assert_eq!(output.status.code(), Some(1), "{bad}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(
            error.contains(&format!("--tag “{}” cannot be a tag", bad.trim())),
            "{bad}: {error}"
        );
        assert!(error.contains("Nothing was saved"), "{error}");
    }
    let listed = leader.ok(&["list"]);
    assert!(!listed.contains("a thought"), "{listed}");
    // What add takes, rename takes too.
    leader.ok(&["add", "--tag", "#Staff-Room", "a thought"]);
    leader.ok(&["tags", "rename", "staff-room", "staff"]);
    let listed = leader.ok(&["list", "--tag", "staff"]);
    assert!(listed.contains("a thought"), "{listed}");
}

/// Sets every day file's modification time an hour back, as it is on any morning
/// after the evening's writing: files that recent are otherwise read again each time
/// (too new to trust the cache about), which hides the cache's own path.
fn age_day_files(leader: &Scratch) {
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for year in std::fs::read_dir(leader.journal().join("journal")).unwrap() {
        for file in std::fs::read_dir(year.unwrap().path()).unwrap() {
            let file = std::fs::File::options()
                .write(true)
                .open(file.unwrap().path())
                .unwrap();
            file.set_modified(an_hour_ago).unwrap();
        }
    }
}

#[test]
fn lines_printed_from_the_cache_match_lines_printed_from_the_day_files() {
    let leader = journal();
    age_day_files(&leader);
    let commands: [&[&str]; 6] = [
        &["list", "--include-private"],
        &["list", "--tag", "staff"],
        &["search", "lunch"],
        &["search", "custodans", "--include-private"],
        &["search", "\"science fair\""],
        &["tags"],
    ];
    // The first run reads the changed day files and writes the cache; the second
    // finds every file as the cache recorded it and prints from the cache's summaries.
    let from_files: Vec<String> = commands.iter().map(|args| leader.ok(args)).collect();
    let from_cache: Vec<String> = commands.iter().map(|args| leader.ok(args)).collect();
    assert_eq!(from_cache, from_files);
    assert!(from_cache[0].contains(SECRET), "{}", from_cache[0]);
    assert!(
        from_cache[1].contains("Thanked the custodians…  #staff #wins"),
        "{}",
        from_cache[1]
    );
    // The phrase is on the entry's second line; the first is what is printed.
    assert!(
        from_cache[4].contains("Thanked the custodians"),
        "{}",
        from_cache[4]
    );
}

#[test]
fn tags_of_private_entries_are_listed_only_when_asked_for() {
    let leader = journal();
    leader.ok(&["add", "Worried about home #divorce", "--private"]);
    leader.ok(&["add", "Quiet word with a colleague #staff", "--private"]);
    let shared = leader.ok(&["tags"]);
    assert!(!shared.contains("#divorce"), "{shared}");
    assert!(shared.contains("1  #staff"), "{shared}");
    let as_json = leader.ok(&["tags", "--json"]);
    assert!(!as_json.contains("divorce"), "{as_json}");
    let all = leader.ok(&["tags", "--include-private"]);
    assert!(all.contains("1  #divorce"), "{all}");
    assert!(all.contains("2  #staff"), "{all}");
}

#[test]
fn add_joins_unquoted_words_into_one_entry() {
    let leader = Scratch::new();
    leader.ok(&["add", "Lunch", "duty", "went", "fine", "--private"]);
    let listed = leader.ok(&["list", "--include-private"]);
    assert!(
        listed.contains("(private) Lunch duty went fine"),
        "{listed}"
    );
}
