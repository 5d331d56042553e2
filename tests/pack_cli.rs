//! `truenorth pack ...` as coaches and leaders use it: the real binary, a scratch
//! journal, and the exact words it prints.
//!
//! Golden files: each `tests/fixtures/packs/NAME.toml` is checked with `pack check
//! NAME.toml` from inside that folder, and the output must equal `NAME.expected`. After
//! changing a message on purpose, rewrite them with
//! `TRUENORTH_BLESS=1 cargo test --test pack_cli` and review the diff.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::Days;
use common::cli::{Scratch, stderr, stdout};
use truenorth::builtin;
use truenorth::commands::pack::TEMPLATE;
use truenorth::domain::Pack;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs")
}

/// Runs the binary in `folder` with no journal: `pack check` reads only the files it
/// is given.
fn run_in(folder: &Path, args: &[&str]) -> Output {
    Scratch::new()
        .without_journal_argument()
        .working_dir(folder)
        .run(args)
}

/// A scratch journal on the default settings, run from `coach/`, the folder where a
/// coach keeps pack files.
fn leader_with_coach_folder() -> Scratch {
    Scratch::new().working_dir("coach")
}

/// Writes a pack file in the coach's folder: the template with `version`.
fn coach_pack(leader: &Scratch, name: &str, version: &str) -> String {
    let text = TEMPLATE.replacen(
        "version = \"1.0.0\"",
        &format!("version = \"{version}\""),
        1,
    );
    fs::write(leader.path("coach").join(name), text).unwrap();
    name.to_string()
}

fn pack_list(leader: &Scratch) -> String {
    leader.exits_with(0, &["pack", "list"])
}

/// The `pack list` line of pack `id`.
fn line_of<'a>(list: &'a str, id: &str) -> &'a str {
    list.lines()
        .find(|line| line.split_whitespace().next() == Some(id))
        .unwrap_or_else(|| panic!("no line for {id} in:\n{list}"))
}

// ------------------------------------------------------------------ pack check

/// One fixture per rule a coach can break, so every message is pinned down.
const RULE_FIXTURES: &[&str] = &[
    "toml-syntax",
    "unknown-key",
    "missing-text",
    "empty-text",
    "duplicate-id",
    "unknown-frame",
    "day-out-of-order",
    "day-past-length",
    "bad-semver",
    "psel-out-of-range",
    "bad-weekday",
    "two-schedules",
    "scale-without-table",
    "bad-cadence",
    "bad-pack-id",
];

#[test]
fn every_validation_message_matches_its_golden_file() {
    let dir = fixtures();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for rule in RULE_FIXTURES {
        assert!(
            names.iter().any(|name| name == rule),
            "missing fixture {rule}.toml"
        );
    }

    let bless = std::env::var_os("TRUENORTH_BLESS").is_some();
    let mut failures = Vec::new();
    for name in &names {
        let file = format!("{name}.toml");
        let output = run_in(&dir, &["pack", "check", &file]);
        let actual = stdout(&output);
        let expected_path = dir.join(format!("{name}.expected"));
        if bless {
            fs::write(&expected_path, &actual).unwrap();
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{file}:\n--- expected\n{expected}--- actual\n{actual}--- stderr\n{}",
                stderr(&output)
            ));
        }
        let good = name == "good";
        let code = output.status.code();
        if code != Some(if good { 0 } else { 1 }) {
            failures.push(format!("{file}: exit code {code:?}"));
        }
        if !good && !actual.starts_with(&format!("{file}:")) {
            failures.push(format!("{file}: problems must start with the file name"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn several_files_are_checked_in_one_go_and_one_bad_file_fails_the_run() {
    let output = run_in(
        &fixtures(),
        &[
            "pack",
            "check",
            "good.toml",
            "bad-weekday.toml",
            "nope.toml",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("good.toml: ok (2 prompts, 14 days)"),
        "{text}"
    );
    assert!(lines[2].starts_with("bad-weekday.toml:12:11: "), "{text}");
    assert!(
        lines[3].starts_with("nope.toml: cannot read it: "),
        "{text}"
    );
}

#[test]
fn every_built_in_pack_passes_pack_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for (source, text) in builtin::PACK_FILES {
        let name = Path::new(source).file_name().unwrap().to_str().unwrap();
        fs::write(dir.path().join(name), text).unwrap();
        names.push(name);
    }
    let mut args = vec!["pack", "check"];
    args.extend(&names);
    let output = run_in(dir.path(), &args);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}{}", stderr(&output));
    for name in names {
        assert!(text.contains(&format!("{name}: ok (")), "{name}:\n{text}");
    }
}

#[test]
fn usage_mistakes_exit_2() {
    let leader = leader_with_coach_folder();
    leader.exits_with(2, &["pack"]);
    leader.exits_with(2, &["pack", "check"]);
    leader.exits_with(2, &["pack", "add"]);
    let bad_date = leader.run(&["pack", "add", "x.toml", "--start", "2026-13-01"]);
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(
        stderr(&bad_date).contains("YYYY-MM-DD"),
        "{}",
        stderr(&bad_date)
    );
}

// ------------------------------------------------------------------ pack new

#[test]
fn the_template_is_printed_written_once_and_passes_check() {
    let leader = leader_with_coach_folder();
    assert_eq!(leader.exits_with(0, &["pack", "new"]), TEMPLATE);

    let written = leader.exits_with(0, &["pack", "new", "starter.toml"]);
    assert!(
        written.contains("truenorth pack check starter.toml"),
        "{written}"
    );
    let path = leader.path("coach/starter.toml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("id = \"starter\""),
        "the id follows the file name"
    );

    let checked = leader.exits_with(0, &["pack", "check", "starter.toml"]);
    assert!(
        checked.starts_with("starter.toml: ok (5 prompts, 28 days)\n"),
        "{checked}"
    );

    fs::write(&path, "mine now").unwrap();
    let again = leader.run(&["pack", "new", "starter.toml"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("starter.toml already exists"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine now");
}

// ------------------------------------------------------------------ the docs

#[test]
fn the_example_in_docs_packs_md_is_a_valid_pack() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/packs.md");
    let markdown = fs::read_to_string(&docs).expect("docs/packs.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```toml") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    assert_eq!(
        blocks.len(),
        1,
        "docs/packs.md should hold exactly one ```toml block, the complete example"
    );
    let pack = Pack::parse("docs/packs.md", &blocks[0]).unwrap_or_else(|error| panic!("{error}"));
    assert!(
        pack.prompts.len() >= 4,
        "the example should show every schedule"
    );
    assert!(
        !pack.commitments.is_empty(),
        "the example should show a commitment"
    );
    assert!(
        !pack.frames.is_empty(),
        "the example should declare a frame"
    );
}

// ------------------------------------------------------------------ leaders

#[test]
fn an_added_pack_starts_today_at_day_1() {
    let leader = leader_with_coach_folder();
    let file = coach_pack(&leader, "noticing.toml", "1.0.0");
    let added = leader.exits_with(0, &["pack", "add", &file]);
    assert!(
        added.starts_with(
            "Added “My pack: four weeks of noticing” (my-pack 1.0.0), starts today, 28 days."
        ),
        "{added}"
    );
    let list = pack_list(&leader);
    assert!(
        line_of(&list, "my-pack").contains("active, day 1 of 28"),
        "{list}"
    );
    // A verbatim copy, private to the leader.
    let copy = leader.journal().join("packs/my-pack.toml");
    assert_eq!(
        fs::read_to_string(&copy).unwrap(),
        fs::read_to_string(leader.path("coach").join(&file)).unwrap()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&copy), 0o600);
        assert_eq!(mode(&leader.journal().join("packs")), 0o700);
    }
}

#[test]
fn a_start_date_in_the_past_counts_from_that_day() {
    let leader = leader_with_coach_folder();
    let file = coach_pack(&leader, "noticing.toml", "1.0.0");
    let start = (leader.today() - Days::new(8)).to_string();
    let added = leader.exits_with(0, &["pack", "add", &file, "--start", &start]);
    assert!(
        added.contains(&format!("started {start}: today is day 9 of 28")),
        "{added}"
    );
    let list = pack_list(&leader);
    assert!(
        line_of(&list, "my-pack").contains("active, day 9 of 28"),
        "{list}"
    );
}

#[test]
fn a_newer_version_upgrades_and_keeps_progress_and_older_or_equal_is_refused() {
    let leader = leader_with_coach_folder();
    let start = (leader.today() - Days::new(8)).to_string();
    let v1 = coach_pack(&leader, "v1.toml", "1.0.0");
    leader.exits_with(0, &["pack", "add", &v1, "--start", &start]);

    let v11 = coach_pack(&leader, "v11.toml", "1.1.0");
    let upgraded = leader.exits_with(0, &["pack", "add", &v11]);
    assert_eq!(
        upgraded,
        "Upgraded “My pack: four weeks of noticing” (my-pack) 1.0.0 → 1.1.0, progress kept: day 9 of 28.\n"
    );
    let list = pack_list(&leader);
    let line = line_of(&list, "my-pack");
    assert!(
        line.contains("active, day 9 of 28") && line.contains("1.1.0"),
        "{list}"
    );

    let older = leader.run(&["pack", "add", &v1]);
    assert_eq!(older.status.code(), Some(1));
    let message = stderr(&older);
    assert!(
        message
            .contains("pack `my-pack` 1.1.0 is installed, which is newer than this file's 1.0.0"),
        "{message}"
    );

    let same = leader.run(&["pack", "add", &v11]);
    assert_eq!(same.status.code(), Some(1));
    let message = stderr(&same);
    assert!(
        message.contains(
            "pack `my-pack` 1.1.0 is already installed, and this file is version 1.1.0 too"
        ),
        "{message}"
    );
    // Nothing changed by the refusals.
    let copy = fs::read_to_string(leader.journal().join("packs/my-pack.toml")).unwrap();
    assert!(copy.contains("version = \"1.1.0\""));
    assert!(line_of(&pack_list(&leader), "my-pack").contains("day 9 of 28"));
}

#[test]
fn pause_and_resume_change_the_status() {
    let leader = leader_with_coach_folder();
    let file = coach_pack(&leader, "noticing.toml", "1.0.0");
    leader.exits_with(0, &["pack", "add", &file]);

    let paused = leader.exits_with(0, &["pack", "pause", "my-pack"]);
    assert!(
        paused.starts_with("Paused “My pack: four weeks of noticing” (my-pack) on day 1 of 28."),
        "{paused}"
    );
    assert!(line_of(&pack_list(&leader), "my-pack").contains("paused, day 1 of 28"));
    let again = leader.exits_with(0, &["pack", "pause", "my-pack"]);
    assert!(again.contains("is already paused"), "{again}");

    let resumed = leader.exits_with(0, &["pack", "resume", "my-pack"]);
    assert!(
        resumed.contains("Resumed") && resumed.contains("today is day 1 of 28"),
        "{resumed}"
    );
    assert!(line_of(&pack_list(&leader), "my-pack").contains("active, day 1 of 28"));
}

#[test]
fn remove_deletes_the_pack_and_keeps_the_journal() {
    let leader = leader_with_coach_folder();
    let file = coach_pack(&leader, "noticing.toml", "1.0.0");
    leader.exits_with(0, &["pack", "add", &file]);
    let day = leader.journal().join("journal/2026/2026-11-20.toml");
    let entry = "version = 1\ndate = \"2026-11-20\"\n\n[[entry]]\nid = \"a1\"\n\
                 created = \"2026-11-20T07:00:00Z\"\npack = \"my-pack\"\nprompt = \"first-names\"\n\
                 text = \"Greeted Ana, Li and Sam.\"\n";
    // Owner-only, as truenorth writes it: doctor reports files others can read.
    truenorth::store::atomic::write_atomic(&day, entry.as_bytes()).unwrap();

    let removed = leader.exits_with(0, &["pack", "remove", "my-pack"]);
    assert_eq!(
        removed,
        "Removed “My pack: four weeks of noticing” (my-pack). Your answers to its prompts stay in your journal.\n"
    );
    assert!(!leader.journal().join("packs/my-pack.toml").exists());
    assert!(pack_list(&leader).contains("Added packs: none yet."));
    assert_eq!(fs::read_to_string(&day).unwrap(), entry);
    let doctor = leader.exits_with(0, &["doctor"]);
    assert!(doctor.contains("1 day read."), "{doctor}");
    assert!(doctor.contains("0 packs started."), "{doctor}");
}

#[test]
fn an_unknown_id_is_refused_with_the_installed_ids() {
    let leader = leader_with_coach_folder();
    for command in ["pause", "resume", "remove"] {
        let output = leader.run(&["pack", command, "nope"]);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("no packs are installed yet"),
            "{}",
            stderr(&output)
        );
    }
    let file = coach_pack(&leader, "noticing.toml", "1.0.0");
    leader.exits_with(0, &["pack", "add", &file]);
    let output = leader.run(&["pack", "remove", "nope"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "truenorth: no pack `nope` is installed; installed packs: my-pack\n"
    );
}

#[test]
fn refused_adds_name_the_problem_and_change_nothing() {
    let leader = leader_with_coach_folder();
    let coach = leader.path("coach");

    fs::copy(
        fixtures().join("day-past-length.toml"),
        coach.join("broken.toml"),
    )
    .unwrap();
    let invalid = leader.run(&["pack", "add", "broken.toml"]);
    assert_eq!(invalid.status.code(), Some(1));
    assert_eq!(
        stderr(&invalid),
        "truenorth: broken.toml was not added: it has 1 problem:\n\
         broken.toml:12:7: prompt `one`: day 15 is past the pack's length (14 days)\n\
         Fix it, then check it with `truenorth pack check broken.toml`.\n"
    );

    let built_in = TEMPLATE.replacen("id = \"my-pack\"", "id = \"courage-6-weeks\"", 1);
    fs::write(coach.join("courage.toml"), built_in).unwrap();
    let refused = leader.run(&["pack", "add", "courage.toml"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("is the id of a built-in pack"));

    let missing = leader.run(&["pack", "add", "nowhere.toml"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("nowhere.toml: no such file"));

    assert!(!leader.journal().join("packs").exists());
}

#[test]
fn a_built_in_pack_is_started_by_its_id_and_shown_with_its_schedule() {
    let leader = leader_with_coach_folder();
    let started = leader.exits_with(0, &["pack", "add", "courage-6-weeks"]);
    assert!(
        started.starts_with("Started “Courageous conversations: six weeks” (courage-6-weeks 1.0.0), starts today, 42 days."),
        "{started}"
    );
    let list = pack_list(&leader);
    assert!(
        line_of(&list, "courage-6-weeks").contains("active, day 1 of 42"),
        "{list}"
    );
    assert!(
        line_of(&list, "weekly-review").contains("not started"),
        "{list}"
    );
    assert!(line_of(&list, "daily-lcv").contains("always on"), "{list}");

    let show = leader.exits_with(0, &["pack", "show", "courage-6-weeks"]);
    assert!(
        show.starts_with("Courageous conversations: six weeks\n"),
        "{show}"
    );
    assert!(
        show.contains("courage-6-weeks 1.0.0 · built-in · by truenorth · 42 days"),
        "{show}"
    );
    assert!(show.contains("Status: active, day 1 of 42"), "{show}");
    assert!(
        show.contains("  day 1 · Courageous conversations\n"),
        "{show}"
    );

    let review = leader.exits_with(0, &["pack", "show", "weekly-review"]);
    assert!(review.contains("  every Friday · Review\n"), "{review}");
    assert!(
        review.contains("Answer: a scale from 1 (Running on empty) to 5 (Ready to go)"),
        "{review}"
    );

    let daily = leader.run(&["pack", "add", "daily-lcv"]);
    assert_eq!(daily.status.code(), Some(1));
    assert!(stderr(&daily).contains("needs no starting"));
}

#[test]
fn show_describes_an_added_pack_with_every_kind_of_schedule() {
    let leader = leader_with_coach_folder();
    let file = coach_pack(&leader, "noticing.toml", "1.0.0");
    leader.exits_with(0, &["pack", "add", &file]);
    let show = leader.exits_with(0, &["pack", "show", "my-pack"]);
    for expected in [
        "My pack: four weeks of noticing\n",
        "my-pack 1.0.0 · added · by Your name · 28 days · PSEL 5, 7\n",
        "  day 1 · Love\n",
        "  day 8 · Staff wellbeing\n",
        "  every Friday · Staff wellbeing\n",
        "  every week · Care\n",
        "  no schedule: in the prompt picker · True north\n",
        "Greet ten students by name before first period (3 per week)",
    ] {
        assert!(
            show.contains(expected),
            "{expected:?} missing from:\n{show}"
        );
    }
    let unknown = leader.run(&["pack", "show", "nope"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("no pack `nope`; the packs are: daily-lcv"));
}

#[test]
fn a_malformed_pack_file_shows_as_invalid_and_doctor_still_runs() {
    let leader = leader_with_coach_folder();
    let file = coach_pack(&leader, "noticing.toml", "1.0.0");
    leader.exits_with(0, &["pack", "add", &file]);
    let planted = leader.journal().join("packs/planted.toml");
    fs::write(&planted, "[pack\nid = \"planted\"\n").unwrap();

    let list = pack_list(&leader);
    assert!(
        line_of(&list, "my-pack").contains("active, day 1 of 28"),
        "{list}"
    );
    assert!(line_of(&list, "planted").contains("invalid"), "{list}");
    assert!(list.contains("      packs/planted.toml:1:6: "), "{list}");

    let doctor = leader.run(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1));
    let report = stdout(&doctor);
    assert!(report.contains("1 pack started."), "{report}");
    assert!(report.contains("  packs/planted.toml:1:6: "), "{report}");
    assert_eq!(
        fs::read_to_string(&planted).unwrap(),
        "[pack\nid = \"planted\"\n"
    );

    // The broken file can still be removed by its name.
    leader.exits_with(0, &["pack", "remove", "planted"]);
    assert!(!planted.exists());
    leader.exits_with(0, &["doctor"]);
}
