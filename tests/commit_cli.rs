//! `truenorth commit ...` as a leader uses it: the real binary, a scratch journal and
//! scratch settings (day rollover at midnight, so "today" is the calendar date).

mod common;

use std::fs;
use std::path::Path;

use common::cli::{Scratch, stdout};

fn mode(path: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        0o600
    }
}

#[test]
fn add_check_and_list_a_daily_commitment() {
    let leader = Scratch::with_midnight_rollover();
    let added = leader.ok(&[
        "commit",
        "add",
        "Learn one new thing about three students",
        "--cadence",
        "daily",
        "--dimension",
        "love",
        "--why",
        "Every student known well",
        "--start=-3d",
        "--psel",
        "5,3",
    ]);
    assert!(added.contains("Committed to “Learn one new thing about three students”: daily"));
    assert!(added.contains("truenorth commit check learn-one-new-thing-about-three-students"));
    let file = leader.journal().join("commitments.toml");
    assert_eq!(mode(&file), 0o600);
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("psel = [5, 3]"), "{text}");

    let listed = leader.ok(&["commit", "list"]);
    assert!(
        listed.contains("○ Learn one new thing"),
        "due, unchecked:\n{listed}"
    );
    assert!(listed.contains("daily · love · streak 0 days"), "{listed}");

    let checked = leader.ok(&["commit", "check", "learn", "--note", "Maya: robots"]);
    assert!(checked.contains("Checked off “Learn one new thing about three students” for today."));
    assert!(checked.contains("Streak: 1 day (best 1)."), "{checked}");
    assert!(checked.contains("Keep it going by tomorrow."), "{checked}");
    let day = leader.day_file_text(leader.today());
    assert!(
        day.contains("[[checkin]]") && day.contains("note = \"Maya: robots\""),
        "{day}"
    );
    assert!(!day.contains("backfilled"));

    let again = leader.ok(&["commit", "check", "learn"]);
    assert!(
        again.contains("was already checked off for today; nothing changed"),
        "{again}"
    );

    // Yesterday, forgotten: back-filled and marked.
    let late = leader.ok(&["commit", "check", "learn", "--date", "yesterday"]);
    assert!(
        late.contains("for yesterday, marked as back-filled."),
        "{late}"
    );
    assert!(late.contains("Streak: 2 days (best 2)."), "{late}");
    let yesterday = leader.today().pred_opt().unwrap();
    assert!(
        leader
            .day_file_text(yesterday)
            .contains("backfilled = true")
    );

    let listed = leader.ok(&["commit", "list"]);
    assert!(listed.contains("✓ Learn one new thing"), "{listed}");
    assert!(listed.contains("streak 2 days, best 2"), "{listed}");
    assert!(listed.contains("keep it by tomorrow"), "{listed}");

    let shown = leader.ok(&["commit", "show", "learn"]);
    assert!(shown.contains("Why: Every student known well"), "{shown}");
    assert!(shown.contains("PSEL 5, 3"), "{shown}");
    assert!(shown.contains('●') && shown.contains('◐'), "{shown}");
    assert!(shown.contains("● kept  ◐ back-filled"), "{shown}");
}

#[test]
fn check_ins_are_refused_for_the_future_and_the_distant_past() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&[
        "commit",
        "add",
        "Walk the halls",
        "--cadence",
        "daily",
        "--start",
        "-30d",
    ]);
    let error = leader.fails(&["commit", "check", "walk", "--date", "-8d"]);
    assert!(error.contains("up to 7 days back"), "{error}");
    let error = leader.fails(&["commit", "check", "walk", "--date", "someday"]);
    assert!(
        error.contains("cannot read the date \"someday\""),
        "{error}"
    );
    let error = leader.fails(&["commit", "check", "nothing-like-it"]);
    assert!(error.contains("no commitment has the id or a title starting with `nothing-like-it`"));
}

#[test]
fn n_per_week_counts_check_ins_and_shows_the_week() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&[
        "commit",
        "add",
        "Classroom visits",
        "--cadence",
        "3 per week",
        "--start",
        "-2w",
    ]);
    let first = leader.ok(&["commit", "check", "class"]);
    assert!(first.contains("This week 1 of 3."), "{first}");
    leader.ok(&["commit", "check", "class", "--note", "grade 5 science"]);
    let third = leader.ok(&["commit", "check", "class"]);
    assert!(
        third.contains("Streak: 1 week (best 1). This week 3 of 3."),
        "{third}"
    );
    assert_eq!(
        leader
            .day_file_text(leader.today())
            .matches("[[checkin]]")
            .count(),
        3
    );
    let listed = leader.ok(&["commit", "list"]);
    assert!(
        listed.contains("3 per week · true-north · streak 1 week"),
        "{listed}"
    );
    assert!(listed.contains("this week 3 of 3"), "{listed}");
    // Its own rate counts weeks, and says so: the two weeks before this one went
    // without a check-in.
    assert!(
        listed.contains("last 4 weeks 1 of 3 weeks (33%)"),
        "{listed}"
    );
    // A fourth is welcome and counted, without "4 of 3".
    let fourth = leader.ok(&["commit", "check", "class"]);
    assert!(fourth.contains("This week 4 (goal 3)."), "{fourth}");
}

#[test]
fn titles_that_fit_several_commitments_are_refused_with_the_candidates() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&[
        "commit",
        "add",
        "Learn about a student",
        "--cadence",
        "daily",
    ]);
    leader.ok(&[
        "commit",
        "add",
        "Learn about a colleague",
        "--cadence",
        "weekly on fri",
    ]);
    let error = leader.fails(&["commit", "check", "learn about"]);
    assert!(
        error.contains("`learn about` fits 2 commitments"),
        "{error}"
    );
    assert!(
        error.contains("Learn about a student  [learn-about-a-student]"),
        "{error}"
    );
    assert!(
        error.contains("Learn about a colleague  [learn-about-a-colleague]"),
        "{error}"
    );
    assert!(
        leader.day_file_text(leader.today()).is_empty(),
        "nothing was checked off"
    );
    leader.ok(&["commit", "check", "learn about a s"]);
}

#[test]
fn pause_resume_skip_done_and_archive() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&[
        "commit",
        "add",
        "Share at staff meeting",
        "--cadence",
        "weekly on mon",
    ]);
    let id = "share-at-staff-meeting";
    let paused = leader.ok(&["commit", "pause", id]);
    assert!(
        paused.contains("Paused “Share at staff meeting”."),
        "{paused}"
    );
    let error = leader.fails(&["commit", "check", id]);
    assert!(error.contains("it is paused; resume it first"), "{error}");
    assert!(
        leader
            .ok(&["commit", "list"])
            .contains("paused since today")
    );
    assert!(leader.ok(&["commit", "resume", id]).contains("Resumed"));

    let skipped = leader.ok(&["commit", "skip", id, "--date", "tomorrow"]);
    assert!(
        skipped.contains("Planned tomorrow as a day off"),
        "{skipped}"
    );
    let again = leader.ok(&["commit", "skip", id, "--date", "tomorrow"]);
    assert!(
        again.contains("Tomorrow was already a planned day off"),
        "{again}"
    );
    let tomorrow = leader.today().succ_opt().unwrap().to_string();
    let text = fs::read_to_string(leader.journal().join("commitments.toml")).unwrap();
    assert!(
        text.contains(&format!("skips = [\"{tomorrow}\"]")),
        "{text}"
    );

    leader.ok(&[
        "commit",
        "add",
        "Lunch with students",
        "--cadence",
        "2 per week",
    ]);
    assert!(
        leader
            .ok(&["commit", "done", "lunch"])
            .contains("Marked “Lunch with students” done.")
    );
    assert!(leader.ok(&["commit", "archive", id]).contains("Archived"));
    let listed = leader.ok(&["commit", "list"]);
    assert!(
        listed.contains("No current commitments (2 done or archived"),
        "{listed}"
    );
    let all = leader.ok(&["commit", "list", "--all"]);
    assert!(all.contains("archived") && all.contains("done"), "{all}");
}

#[test]
fn a_broken_commitments_file_is_named_and_left_alone() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&["commit", "add", "Walk the halls", "--cadence", "daily"]);
    let file = leader.journal().join("commitments.toml");
    let broken = fs::read_to_string(&file)
        .unwrap()
        .replace("cadence = \"daily\"", "cadence = \"most days\"");
    fs::write(&file, &broken).unwrap();
    let error = leader.fails(&["commit", "list"]);
    assert!(error.contains("commitments.toml:"), "{error}");
    assert!(error.contains("most days"), "{error}");
    let error = leader.fails(&["commit", "add", "Another", "--cadence", "daily"]);
    assert!(error.contains("commitments.toml:"), "{error}");
    assert_eq!(fs::read_to_string(&file).unwrap(), broken);
    let doctor = leader.run(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1));
    assert!(
        stdout(&doctor).contains("commitments.toml:"),
        "{}",
        stdout(&doctor)
    );
}

#[test]
fn the_week_start_comes_from_the_settings() {
    let leader = Scratch::with_settings("day_rollover_hour = 0\nweek_start = \"sunday\"\n");
    leader.ok(&["commit", "add", "Walk the halls", "--cadence", "daily"]);
    let listed = leader.ok(&["commit", "list"]);
    assert!(listed.contains("(weeks start on Sunday)"), "{listed}");
    let shown = leader.ok(&["commit", "show", "walk"]);
    let days: Vec<&str> = shown
        .lines()
        .filter_map(|line| line.get(..3))
        .filter(|start| ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].contains(start))
        .collect();
    assert_eq!(
        days,
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        "{shown}"
    );
}

#[test]
fn bad_input_to_add_is_explained() {
    let leader = Scratch::with_midnight_rollover();
    let error = leader.fails(&["commit", "add", "Walk", "--cadence", "fortnightly"]);
    assert!(error.contains("weekly on DAY"), "{error}");
    let error = leader.fails(&[
        "commit",
        "add",
        "Walk",
        "--cadence",
        "daily",
        "--psel",
        "11",
    ]);
    assert!(error.contains("1 to 10"), "{error}");
    let error = leader.fails(&[
        "commit",
        "add",
        "Walk",
        "--cadence",
        "daily",
        "--start",
        "2026-12-01",
        "--end",
        "2026-11-01",
    ]);
    assert!(error.contains("before the start"), "{error}");
    assert!(!leader.journal().join("commitments.toml").exists());
}

#[test]
fn tomorrow_is_understood_and_refused_as_in_the_future() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&["commit", "add", "Walk the halls", "--cadence", "daily"]);
    leader.ok(&["people", "add", "Maya R.", "--group", "5B"]);
    for args in [
        &["commit", "check", "walk", "--date", "tomorrow"][..],
        &["people", "log", "maya", "hi", "--date", "Tomorrow"][..],
    ] {
        let error = leader.fails(args);
        assert!(
            error.contains("the date cannot be in the future: tomorrow has not come yet"),
            "{args:?}: {error}"
        );
        assert!(!error.contains("cannot read"), "{error}");
    }
    // Planning a day off tomorrow is still fine.
    leader.ok(&["commit", "skip", "walk", "--date", "tomorrow"]);
}

#[test]
fn a_commitment_marked_done_and_brought_back_is_due_again() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&["commit", "add", "Walk the halls", "--cadence", "daily"]);
    leader.ok(&["commit", "done", "walk"]);
    leader.ok(&["commit", "archive", "walk"]);
    let back = leader.ok(&["commit", "restore", "walk"]);
    assert_eq!(
        back,
        "Brought back “Walk the halls”: it is active again and on Today when due.\n"
    );
    let file = fs::read_to_string(leader.journal().join("commitments.toml")).unwrap();
    assert!(
        !file.contains("end ="),
        "the end marking it done set is gone: {file}"
    );
    assert!(
        leader
            .ok(&["commit", "check", "walk"])
            .contains("Checked off")
    );
    let again = leader.ok(&["commit", "restore", "walk"]);
    assert!(
        again.contains("“Walk the halls” is active, not done or archived; nothing changed."),
        "{again}"
    );
}

#[test]
fn connections_logged_before_a_commitment_began_do_not_keep_it() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&["people", "add", "Stu", "--group", "5A"]);
    for back in 1..=20 {
        let day = (leader.today() - chrono::Days::new(back)).to_string();
        leader.ok(&["people", "log", "stu", "earlier", "--date", &day]);
    }
    let added = leader.ok(&[
        "commit",
        "add",
        "Greet 5a",
        "--cadence",
        "daily",
        "--connections",
        "1",
        "--group",
        "5a",
    ]);
    assert!(added.contains("from today"), "{added}");
    leader.ok(&["people", "log", "stu", "hi"]);
    let list = leader.ok(&["commit", "list"]);
    assert!(list.contains("streak 1 day"), "{list}");
    assert!(list.contains("this week 1 of 1"), "{list}");
    // The heatmap marks today alone (the legend holds the other mark).
    let show = leader.ok(&["commit", "show", "greet"]);
    assert_eq!(show.matches('●').count(), 2, "{show}");
}

#[test]
fn a_goal_no_one_can_meet_and_a_title_twice_are_warned_about_and_a_bad_role_refused() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&["people", "add", "Stu", "--group", "5A"]);
    leader.ok(&["people", "add", "Ben", "--group", "5B"]);
    let added = leader.ok(&[
        "commit",
        "add",
        "Greet",
        "--cadence",
        "daily",
        "--connections",
        "1",
        "--group",
        "5 A",
    ]);
    assert!(
        added.contains("Committed to “Greet”"),
        "saved all the same: {added}"
    );
    assert!(
        added.contains(
            "Warning: no one on the roster is in the group `5 A`; did you mean `5A`? \
             (the groups are: 5A, 5B)."
        ),
        "{added}"
    );
    let added = leader.ok(&[
        "commit",
        "add",
        "Call home",
        "--cadence",
        "daily",
        "--connections",
        "1",
        "--role",
        "parent",
    ]);
    assert!(
        added.contains("Warning: no one on the roster has the role family yet"),
        "{added}"
    );
    let error = leader.fails(&[
        "commit",
        "add",
        "X",
        "--cadence",
        "daily",
        "--connections",
        "1",
        "--role",
        "pilot",
    ]);
    assert!(
        error.contains("role `pilot` is not one of student, staff, family or other"),
        "{error}"
    );
    let added = leader.ok(&["commit", "add", "T Daily", "--cadence", "daily"]);
    assert!(!added.contains("Warning"), "{added}");
    let added = leader.ok(&["commit", "add", "t DAILY", "--cadence", "daily"]);
    assert!(
        added.contains("Warning: another commitment is already called “T Daily” (`t-daily`)"),
        "{added}"
    );
}
