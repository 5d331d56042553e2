//! `truenorth stats` on a crafted journal: the real binary, scratch settings, and
//! weeks in the past (given with --week) so the figures do not depend on today.

mod common;

use std::fs;

use common::cli::Scratch;

/// Two weeks of March 2025 (Mondays 3 and 10 March): entries, ratings, a private
/// entry, a small-hours entry on Monday 10 March, a daily commitment checked twice
/// and a roster of two with one connection.
const DAYS: &[(&str, &str)] = &[
    (
        "2025-03-03",
        r#"version = 1
date = "2025-03-03"

[ratings]
energy = 4
outlook = 3

[[entry]]
id = "20250303-070000-00"
created = "2025-03-03T07:00:00-05:00"
frame = "love"
text = "one two three"

[[checkin]]
commitment = "learn-names"
at = "2025-03-03T15:00:00-05:00"
"#,
    ),
    (
        "2025-03-04",
        r#"version = 1
date = "2025-03-04"

[ratings]
energy = 2

[[entry]]
id = "20250304-070000-00"
created = "2025-03-04T07:00:00-05:00"
frame = "care"
text = "four five"
private = true

[[checkin]]
commitment = "learn-names"
at = "2025-03-04T15:00:00-05:00"
"#,
    ),
    (
        "2025-03-05",
        r#"version = 1
date = "2025-03-05"

[[connection]]
person = "ana"
at = "2025-03-05T12:00:00-05:00"
note = "talked about her comic"
"#,
    ),
    (
        "2025-03-10",
        r#"version = 1
date = "2025-03-10"

[[entry]]
id = "20250310-013000-00"
created = "2025-03-10T01:30:00-05:00"
frame = "vulnerability"
text = "could not sleep"
"#,
    ),
];

const COMMITMENTS: &str = r#"version = 1

[[commitment]]
id = "learn-names"
title = "Learn three names"
dimension = "love"
cadence = "daily"
start = "2025-03-03"
"#;

const PEOPLE: &str = r#"version = 1

[[person]]
id = "ana"
name = "Ana"

[[person]]
id = "ben"
name = "Ben"
"#;

/// The crafted journal, with `settings` as the settings file.
fn crafted_journal(settings: &str) -> Scratch {
    let leader = Scratch::with_settings(settings);
    for (date, text) in DAYS {
        let path = leader
            .journal()
            .join(format!("journal/{}/{date}.toml", &date[..4]));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    fs::write(leader.journal().join("commitments.toml"), COMMITMENTS).unwrap();
    fs::write(leader.journal().join("people.toml"), PEOPLE).unwrap();
    leader
}

#[test]
fn the_table_has_one_row_a_week_with_every_figure() {
    let leader = crafted_journal("day_rollover_hour = 4\n");
    let out = leader.ok(&["stats", "--week", "2025-03-12", "--weeks", "2"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        [
            "week", "days", "entries", "words", "love", "care", "vuln", "energy", "outlook",
            "kept", "people"
        ],
        "{out}"
    );
    // The 1:30 entry of Monday 10 March counts for Sunday 9 March: week one has three
    // reflection days and the vulnerability entry. The commitment was kept 2 of 7 days;
    // one of two people was reached. Private entries count, their text never shows.
    assert_eq!(
        lines[1].split_whitespace().collect::<Vec<_>>(),
        [
            "2025-03-03",
            "3",
            "3",
            "8",
            "1",
            "1",
            "1",
            "3.0",
            "3.0",
            "29%",
            "50%"
        ],
        "{out}"
    );
    assert_eq!(
        lines[2].split_whitespace().collect::<Vec<_>>(),
        [
            "2025-03-10",
            "0",
            "0",
            "0",
            "0",
            "0",
            "0",
            "-",
            "-",
            "0%",
            "0%"
        ],
        "{out}"
    );
    assert!(!out.contains("four five"), "{out}");
    assert!(
        !out.contains("still running"),
        "past weeks are whole: {out}"
    );
}

#[test]
fn json_gives_the_same_figures_and_the_settings_shape_them() {
    // Rollover at midnight: the 1:30 entry stays on Monday 10 March.
    let leader = crafted_journal("day_rollover_hour = 0\nweek_start = \"sunday\"\n");
    let out = leader.ok(&["stats", "--week", "2025-03-12", "--weeks", "2", "--json"]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(report["week_start"], "sunday");
    assert_eq!(report["day_rollover_hour"], 0);
    let weeks = report["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 2);
    // Sunday weeks: 2 March to 8 March, then 9 March to 15 March.
    assert_eq!(weeks[0]["start"], "2025-03-02");
    assert_eq!(weeks[0]["end"], "2025-03-08");
    assert_eq!(weeks[0]["partial"], false);
    assert_eq!(weeks[0]["entries"], 2);
    assert_eq!(weeks[0]["lcv"]["love"], 1);
    assert_eq!(weeks[0]["energy_avg"], 3.0);
    assert_eq!(weeks[0]["energy_days"], 2);
    assert_eq!(weeks[0]["commitments"][0]["id"], "learn-names");
    assert_eq!(weeks[0]["commitments"][0]["kept"], 2);
    assert_eq!(weeks[0]["commitments"][0]["missed"], 4);
    // The kept rate is the share of due check-ins kept, summed over commitments.
    assert_eq!(weeks[0]["commitments_kept"], 2);
    assert_eq!(weeks[0]["commitments_due"], 6);
    let rate = weeks[0]["commitments_kept_rate"].as_f64().unwrap();
    assert!((rate - 2.0 / 6.0).abs() < 1e-6, "{rate}");
    assert_eq!(weeks[0]["people_connected"], 1);
    assert_eq!(weeks[0]["roster_size"], 2);
    assert_eq!(weeks[0]["people_connected_share"], 0.5);
    assert_eq!(weeks[1]["entries"], 1);
    assert_eq!(weeks[1]["frames"]["vulnerability"], 1);
    assert_eq!(weeks[1]["outlook_avg"], serde_json::Value::Null);
    assert!(report["insights"].is_array());
    assert!(!out.contains("four five"), "{out}");
}

#[test]
fn a_bad_week_or_count_is_refused_with_the_forms_that_work() {
    let leader = crafted_journal("");
    let output = leader.run(&["stats", "--week", "someday"]);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("--week") && error.contains("YYYY-MM-DD"),
        "{error}"
    );
    let output = leader.run(&["stats", "--weeks", "0"]);
    assert!(!output.status.success());
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("--weeks must be from 1"), "{error}");
    let output = leader.run(&["stats", "--week", "2999-01-01"]);
    assert!(!output.status.success());
}

#[test]
fn without_a_week_it_shows_the_twelve_weeks_up_to_today() {
    let leader = crafted_journal("");
    let out = leader.ok(&["stats"]);
    let rows = out
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    assert_eq!(rows, 12, "{out}");
}

/// A day file with one written entry.
fn entry_day(date: chrono::NaiveDate) -> String {
    format!(
        r#"version = 1
date = "{date}"

[[entry]]
id = "{compact}-070000-00"
created = "{date}T07:00:00-05:00"
frame = "care"
text = "a few words"
"#,
        compact = date.format("%Y%m%d")
    )
}

#[test]
fn insights_read_the_same_twelve_weeks_however_many_are_printed() {
    let leader = crafted_journal("");
    // Spring 2024: one reflection day a week for four weeks (from Monday 29 April),
    // then every weekday for four weeks, up to Sunday 23 June.
    let first = chrono::NaiveDate::from_ymd_opt(2024, 4, 29).unwrap();
    for n in 0..56 {
        let date = first + chrono::Days::new(n);
        let (week, weekday) = (n / 7, n % 7);
        if (week < 4 && weekday == 0) || (week >= 4 && weekday < 5) {
            let path = leader.journal().join(format!("journal/2024/{date}.toml"));
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, entry_day(date)).unwrap();
        }
    }
    let json = |weeks: &str| -> serde_json::Value {
        let out = leader.ok(&["stats", "--week", "2024-06-17", "--weeks", weeks, "--json"]);
        serde_json::from_str(&out).expect("JSON")
    };
    let (three, twelve) = (json("3"), json("12"));
    assert_eq!(three["weeks"].as_array().unwrap().len(), 3);
    assert_eq!(twelve["weeks"].as_array().unwrap().len(), 12);
    assert_eq!(three["insights"], twelve["insights"]);
    let kinds: Vec<&str> = three["insights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|insight| insight["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"reflection-frequency"), "{kinds:?}");
    // The window is named: twelve weeks from Monday 1 April to Sunday 23 June.
    for report in [&three, &twelve] {
        assert_eq!(report["insights_from"], "2024-04-01");
        assert_eq!(report["insights_through"], "2024-06-23");
    }
    let table = leader.ok(&["stats", "--week", "2024-06-17", "--weeks", "3"]);
    assert!(
        table.contains("What stands out in the 12 weeks 2024-04-01 to 2024-06-23:"),
        "{table}"
    );
    assert!(table.contains("Reflecting more often"), "{table}");
}

/// A day file with the given check-ins and, optionally, an energy rating.
fn check_in_day(date: &str, commitments: &[&str], energy: Option<u8>) -> String {
    let mut text = format!("version = 1\ndate = \"{date}\"\n");
    if let Some(energy) = energy {
        text += &format!("\n[ratings]\nenergy = {energy}\n");
    }
    for commitment in commitments {
        text += &format!(
            "\n[[checkin]]\ncommitment = \"{commitment}\"\nat = \"{date}T15:00:00-05:00\"\n"
        );
    }
    text
}

#[test]
fn a_past_week_reads_the_same_whichever_week_ends_the_window() {
    let leader = Scratch::with_settings("day_rollover_hour = 0\n");
    // The week of Monday 3 March 2025: a 3-per-week practice checked on Monday and
    // Wednesday (2 of 3), a daily one every day but Sunday 9th (6 of 7). Energy 4, 4,
    // 5, 4 averages 4.25.
    let dates = [3, 4, 5, 6, 7, 8].map(|day| format!("2025-03-{day:02}"));
    for (n, date) in dates.iter().enumerate() {
        let walk = if n == 0 || n == 2 {
            vec!["names", "walk"]
        } else {
            vec!["names"]
        };
        let energy = [Some(4), Some(4), Some(5), Some(4), None, None][n];
        leader.write(
            &format!("journal/journal/2025/{date}.toml"),
            &check_in_day(date, &walk, energy),
        );
    }
    leader.write(
        "journal/commitments.toml",
        r#"version = 1

[[commitment]]
id = "walk"
title = "Walk the halls"
dimension = "care"
cadence = "3 per week"
start = "2025-03-03"

[[commitment]]
id = "names"
title = "Learn three names"
dimension = "love"
cadence = "daily"
start = "2025-03-03"
"#,
    );
    let week = |args: &[&str], index: usize| -> serde_json::Value {
        let out = leader.ok(&[&["stats", "--json"], args].concat());
        let report: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        let week = report["weeks"][index].clone();
        assert_eq!(week["start"], "2025-03-03", "{out}");
        week
    };
    let ending_there = week(&["--week", "2025-03-09", "--weeks", "2"], 1);
    let alone = week(&["--week", "2025-03-05"], 0);
    let week_after = week(&["--week", "2025-03-12", "--weeks", "2"], 0);
    for shown in [&ending_there, &alone] {
        assert_eq!(shown, &week_after);
    }
    assert_eq!(week_after["through"], "2025-03-09");
    assert_eq!(week_after["partial"], false);
    let figures: Vec<(&str, u64, u64)> = week_after["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["kept"].as_u64().unwrap(),
                c["missed"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(figures, [("walk", 2, 1), ("names", 6, 1)]);
    assert_eq!(
        (
            week_after["commitments_kept"].clone(),
            week_after["commitments_due"].clone()
        ),
        (8.into(), 10.into())
    );
    // The table says so too, and rounds 4.25 up as every screen and export does.
    let table = leader.ok(&["stats", "--week", "2025-03-09"]);
    let row: Vec<&str> = table.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(row[0], "2025-03-03", "{table}");
    assert_eq!((row[7], row[9]), ("4.3", "80%"), "{table}");
}
