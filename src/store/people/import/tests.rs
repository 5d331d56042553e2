//! Roster CSV as spreadsheets really write it, and as they break it.

use super::*;
use crate::store::people::PeopleStore;

fn import(people: &mut Vec<Person>, csv: &str) -> ImportReport {
    merge(people, parse(csv.as_bytes()).unwrap())
}

fn names(report: &ImportReport) -> Vec<String> {
    report.added.iter().map(Person::label).collect()
}

#[test]
fn headers_are_read_in_any_order_and_case_and_unknown_columns_are_ignored() {
    let mut people = Vec::new();
    let report = import(
        &mut people,
        "Role,E-mail,NAME,Group,Notes\nstaff,x@y.z,Ms Diaz,Science,coach\n,,Sam,5B,\n",
    );
    assert_eq!(names(&report), ["Ms Diaz (Science)", "Sam (5B)"]);
    assert_eq!(report.added[0].role, Role::Staff);
    assert_eq!(report.added[0].note, "coach");
    assert_eq!(
        report.added[1].role,
        Role::Student,
        "a blank role is student"
    );
    assert_eq!(report.ignored_columns, ["E-mail"]);
    assert_eq!(people.len(), 2);
}

#[test]
fn quoted_values_hold_commas_quotes_and_line_breaks() {
    let mut people = Vec::new();
    let csv = "name,group,note\n\
               \"Robinson, Maya\",5B,\"likes robots,\nand chess\"\n\
               \"Sam \"\"Sammy\"\" Ortiz\",6A,\n\
               ,,\n\
               Lee,6A,\"two\nlines\"\n\
               \"\",7C,no name\n";
    let report = import(&mut people, csv);
    assert_eq!(
        names(&report),
        [
            "Robinson, Maya (5B)",
            "Sam \"Sammy\" Ortiz (6A)",
            "Lee (6A)"
        ]
    );
    assert_eq!(report.added[0].note, "likes robots,\nand chess");
    // Lines count the line breaks inside quotes: the row without a name is on line 8.
    assert_eq!(
        report.problems,
        [RowNote {
            line: 8,
            message: "it has no name".into()
        }]
    );
}

#[test]
fn a_byte_order_mark_blank_lines_and_windows_line_endings_are_fine() {
    let mut people = Vec::new();
    let csv = "\u{feff}\r\n\r\nname,group,role\r\nAna,5B,\r\n\r\n , \r\nBen,5B,\r\nCy,5B,x\r\n\r\nAna,5b\r\n";
    let report = import(&mut people, csv);
    assert_eq!(names(&report), ["Ana (5B)", "Ben (5B)"]);
    // Lines are counted as an editor shows them, Windows line endings or not.
    let notes: Vec<String> = report
        .problems
        .iter()
        .chain(&report.duplicates)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "line 8: role `x` is not one of student, staff, family or other",
            "line 10: Ana (5b) repeats line 4; skipped"
        ]
    );
    assert!(report.ignored_columns.is_empty());
}

#[test]
fn semicolons_and_tabs_are_read_when_the_header_has_no_commas() {
    let mut people = Vec::new();
    let report = import(&mut people, "name;group\nAna;5B\nBen, Jr.;6A\n");
    assert_eq!(names(&report), ["Ana (5B)", "Ben, Jr. (6A)"]);
    let report = import(&mut people, "name\tgroup\nCleo\t7C\n");
    assert_eq!(names(&report), ["Cleo (7C)"]);
}

#[test]
fn duplicates_are_skipped_by_name_and_group_and_reported() {
    let mut people = vec![Person::new(&[], "Maya R.", Some("5B"), Role::Student)];
    let mut archived = Person::new(&people, "Old Timer", None, Role::Staff);
    archived.archived = true;
    people.push(archived);
    let csv = "name,group\n\
               maya  r.,5b\n\
               Maya R.,6A\n\
               Sam,\n\
               SAM,\n\
               Maya R.,6a\n\
               old  timer,\n";
    let report = import(&mut people, csv);
    assert_eq!(names(&report), ["Maya R. (6A)", "Sam"]);
    assert_eq!(report.added[0].id, "maya-r-2");
    let duplicates: Vec<String> = report.duplicates.iter().map(ToString::to_string).collect();
    assert_eq!(
        duplicates,
        [
            "line 2: maya r. (5b) is already on the roster; skipped",
            "line 5: SAM repeats line 4; skipped",
            "line 6: Maya R. (6a) repeats line 3; skipped",
            "line 7: old timer is archived; skipped (`truenorth people restore old-timer` \
             brings them back)",
        ]
    );
    // Importing the same file again adds no one.
    let again = import(&mut people, csv);
    assert!(again.added.is_empty());
    assert_eq!(again.duplicates.len(), 6);
}

#[test]
fn bad_rows_are_reported_with_their_lines_and_the_rest_imported() {
    let mut people = Vec::new();
    let mut csv = b"name,group,role\nAna,5B,student\nBen,5B,pilot\n".to_vec();
    csv.extend_from_slice(b"Smith, Cleo,6A,student\n");
    csv.extend_from_slice(b"D\xFFve,6A,\n");
    csv.extend_from_slice(b"Eli,6A,teacher\n");
    let report = merge(&mut people, parse(&csv).unwrap());
    assert_eq!(names(&report), ["Ana (5B)", "Eli (6A)"]);
    assert_eq!(report.added[1].role, Role::Staff);
    let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [3, 4, 5]);
    assert!(report.problems[0].message.contains("pilot"));
    assert!(report.problems[1].message.contains("double quotes"));
    assert!(report.problems[2].message.contains("UTF-8"));
}

#[test]
fn a_file_without_a_name_column_imports_nothing() {
    for (csv, expected) in [
        ("", "empty"),
        ("\n\n", "empty"),
        ("Maya,5B\nSam,6A\n", "must be `name`"),
    ] {
        let error = parse(csv.as_bytes()).unwrap_err().to_string();
        assert!(error.contains(expected), "{csv:?}: {error}");
    }
}

#[test]
fn a_ten_megabyte_roster_imports_in_one_write() {
    let mut csv = String::from("name,group,role,note\n");
    let mut n = 0;
    while csv.len() < 10 * 1024 * 1024 {
        csv.push_str(&format!(
            "\"Student {n:06}, of house {}\",Grade {},student,\"likes {}, \"\"mostly\"\"\"\n",
            n % 7,
            n % 12 + 1,
            n % 13
        ));
        n += 1;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = PeopleStore::open(dir.path());
    let report = store.import_csv(csv.as_bytes()).unwrap();
    assert_eq!(report.added.len(), n);
    assert!(report.problems.is_empty() && report.duplicates.is_empty());
    // Written once, whole: no temp files beside it.
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1);
    let loaded = store.load().unwrap();
    assert_eq!(loaded.len(), n);
    assert_eq!(
        loaded[n - 1].note,
        format!("likes {}, \"mostly\"", (n - 1) % 13)
    );
}

#[test]
fn nothing_is_written_when_no_row_was_good() {
    let dir = tempfile::tempdir().unwrap();
    let store = PeopleStore::open(dir.path());
    let report = store.import_csv(b"name,role\nAna,pilot\n").unwrap();
    assert_eq!(report.problems.len(), 1);
    assert!(!store.path().exists());
    assert!(store.import_csv(b"first,last\nAna,Diaz\n").is_err());
    assert!(!store.path().exists());
    let too_big = vec![b'a'; MAX_IMPORT_BYTES + 1];
    assert!(matches!(
        store.import_csv(&too_big),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn a_quote_never_closed_skips_only_its_row_and_the_rows_after_it_are_read() {
    let mut people = Vec::new();
    let report = import(&mut people, "name,group\nAna,5B\n\"Ben,5B\nCara,5C\n");
    assert_eq!(names(&report), ["Ana (5B)", "Cara (5C)"]);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(report.problems[0].line, 3);
    assert!(
        report.problems[0].message.contains("never closed"),
        "{}",
        report.problems[0].message
    );
}

#[test]
fn a_note_left_open_does_not_swallow_the_rows_after_it() {
    let mut people = Vec::new();
    let csv = "name,group,note\nAna,5B,\"likes chess\nBen,5B,\nCara,5C,plays \"\"go\"\"\n";
    let report = import(&mut people, csv);
    // Ben's and Cara's rows are read on their own.
    assert_eq!(names(&report), ["Ben (5B)", "Cara (5C)"]);
    assert_eq!(report.added[1].note, "plays \"\"go\"\"");
    let problems: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(problems, [2]);
}

#[test]
fn a_stray_quote_closed_rows_later_is_caught_by_a_name_spanning_lines() {
    let mut people = Vec::new();
    // The quote opened before Ben is closed by the one before Dan: Ben, Cara and
    // half of Dan would run together into one name.
    let csv = "name,group\r\nAna,5B\r\n\"Ben,5B\r\nCara,5C\r\n\"Dan\",5D\r\nEli,5E\r\n";
    let report = import(&mut people, csv);
    assert_eq!(
        names(&report),
        ["Ana (5B)", "Cara (5C)", "Dan (5D)", "Eli (5E)"]
    );
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(report.problems[0].line, 3);
    assert!(
        report.problems[0]
            .message
            .contains("name runs over several lines")
    );
}

#[test]
fn a_runaway_quote_in_the_last_row_is_reported_and_nothing_is_invented() {
    let mut people = Vec::new();
    let report = import(&mut people, "name,group\nAna,5B\n\"Ben,5B");
    assert_eq!(names(&report), ["Ana (5B)"]);
    // No line break is swallowed, but the quote is still never closed: reported.
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
}

#[test]
fn a_name_quoted_over_two_lines_is_one_person_and_the_rows_after_it_are_read() {
    for csv in [
        "name,group\n\"Eve\nMarie\",5C\nGus,5C\n",
        "name,group\r\n\"Eve\r\nMarie\",5C\r\nGus,5C\r\n",
        "name;group\n\"Eve\nMarie\";\"5\nC\"\nGus;5C\n",
    ] {
        let mut people = Vec::new();
        let report = import(&mut people, csv);
        assert!(report.problems.is_empty(), "{csv:?}: {:?}", report.problems);
        let group = if csv.contains(';') { "5 C" } else { "5C" };
        assert_eq!(
            names(&report),
            [format!("Eve Marie ({group})"), "Gus (5C)".to_string()],
            "{csv:?}"
        );
        assert!(
            report.added.iter().all(|p| !p.name.contains('"')),
            "no half name with a quote in it"
        );
    }
}

#[test]
fn a_quoted_nickname_is_fine_and_a_lone_quote_is_not() {
    let mut people = Vec::new();
    let csv = "name,group\n\"Robert \"\"Bob\"\" Smith\",5B\nMarie\",5C\n";
    let report = import(&mut people, csv);
    assert_eq!(names(&report), ["Robert \"Bob\" Smith (5B)"]);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert_eq!(report.problems[0].line, 3);
}

#[test]
fn a_name_over_three_lines_is_still_a_quote_left_open() {
    let mut people = Vec::new();
    // One column, so no separator betrays the swallowed rows: the line count does.
    let report = import(&mut people, "name\n\"Ana\nBen\nCal\"\nDan\n");
    let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 4], "{:?}", report.problems);
    assert!(report.problems[1].message.contains("lone double quote"));
    // The rows in between are read; the half value `Cal"` is not a person.
    assert_eq!(names(&report), ["Ben", "Dan"]);
}
