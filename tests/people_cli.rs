//! `truenorth people ...` as a leader uses it: importing a roster as spreadsheets write
//! it, logging connections by a few typed letters, and a commitment kept by them. The
//! real binary, a scratch journal and scratch settings.

mod common;

use std::fs;

use common::cli::Scratch;

/// Writes a spreadsheet export beside the journal and returns its path.
fn spreadsheet(leader: &Scratch, name: &str, bytes: &[u8]) -> String {
    leader.write(name, bytes).display().to_string()
}

fn roster(leader: &Scratch) -> String {
    fs::read_to_string(leader.journal().join("people.toml")).unwrap_or_default()
}

/// A roster as a spreadsheet exports it: byte-order mark, Windows line endings, a
/// quoted name with a comma, a quoted note with a line break, a blank line, an extra
/// column, a duplicate, and a bad row in the middle.
const ROSTER: &[u8] = b"\xEF\xBB\xBFName,Group,E-mail,Role,Note\r\n\
\"Robinson, Maya\",5B,m@school.example,student,\"robots,\r\nscience fair\"\r\n\
Lee Amaya,6A,,student,\r\n\
Sam Ortiz,5B,,pilot,\r\n\
\r\n\
Diaz,Science,,teacher,coach\r\n\
\"robinson,  maya\",5b,,,\r\n\
Ben Okafor,5B,,,\r\n";

#[test]
fn a_roster_imports_its_good_rows_and_names_the_others_by_line() {
    let leader = Scratch::with_midnight_rollover();
    let file = spreadsheet(&leader, "roster.csv", ROSTER);
    let output = leader.fails_with_stdout_and_stderr(&["people", "import", &file]);
    assert!(output.contains("Imported 4 people from"), "{output}");
    assert!(
        output.contains("roster.csv:5: role `pilot` is not one of student, staff, family or other"),
        "{output}"
    );
    assert!(
        output.contains("roster.csv:8: robinson, maya (5b) repeats line 2; skipped"),
        "{output}"
    );
    assert!(output.contains("Ignored columns (only name, group, role and note are read): E-mail"));
    let roster = roster(&leader);
    assert!(roster.contains("name = \"Robinson, Maya\""), "{roster}");
    assert!(roster.contains("role = \"staff\""), "{roster}");
    assert!(!roster.contains("Sam Ortiz"), "{roster}");
    assert!(
        !roster.contains("m@school.example"),
        "ignored columns are not kept"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = leader.journal().join("people.toml");
        assert_eq!(
            fs::metadata(path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    // The same file again: everyone good is already there.
    let again = leader.fails_with_stdout_and_stderr(&["people", "import", &file]);
    assert!(again.contains("Imported 0 people"), "{again}");
    assert!(
        again.contains("Skipped 5 rows already on the roster"),
        "{again}"
    );
}

#[test]
fn a_file_that_cannot_be_a_roster_imports_nothing() {
    let leader = Scratch::with_midnight_rollover();
    let file = spreadsheet(&leader, "grades.csv", b"first,last\nMaya,Robinson\n");
    let error = leader.fails_with_stdout_and_stderr(&["people", "import", &file]);
    assert!(error.contains("nothing was imported"), "{error}");
    assert!(error.contains("one must be `name`"), "{error}");
    assert!(!leader.journal().join("people.toml").exists());
    let error = leader.fails_with_stdout_and_stderr(&["people", "import", "no-such-file.csv"]);
    assert!(error.contains("no such file"), "{error}");
}

#[test]
fn a_quote_left_open_is_reported_by_line_and_merges_no_rows() {
    let leader = Scratch::with_midnight_rollover();
    let unclosed_quote = b"name,group\nAna,5B\n\"Ben,5B\nCara,5C\n";
    let file = spreadsheet(&leader, "unterm.csv", unclosed_quote);
    let output = leader.fails_with_stdout_and_stderr(&["people", "import", &file]);
    assert!(output.contains("Imported 2 people"), "{output}");
    assert!(
        output.contains("unterm.csv:3: a double quote opened on this line is never closed"),
        "{output}"
    );
    let roster = roster(&leader);
    assert!(roster.contains("name = \"Cara\""), "{roster}");
    assert!(!roster.contains("Ben"), "no junk person is made: {roster}");
}

#[test]
fn a_name_quoted_over_two_lines_is_imported_as_one_person() {
    let leader = Scratch::with_midnight_rollover();
    let name_over_two_lines = b"name,group\n\"Eve\nMarie\",5C\nGus,5C\n";
    let file = spreadsheet(&leader, "two-lines.csv", name_over_two_lines);
    let output = leader.ok(&["people", "import", &file]);
    assert!(output.contains("Imported 2 people"), "{output}");
    assert!(!output.contains("not closed"), "{output}");
    let roster = roster(&leader);
    assert!(roster.contains("name = \"Eve Marie\""), "{roster}");
    assert!(roster.contains("name = \"Gus\""), "{roster}");
    assert!(!roster.contains("Marie\\\""), "no junk half name: {roster}");
}

#[test]
fn someone_archived_is_brought_back_not_added_twice() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&[
        "people", "add", "Mr Diaz", "--group", "Maths", "--role", "staff",
    ]);
    leader.ok(&["people", "archive", "Mr Diaz"]);
    // Someone current whom "Mr Diaz" only loosely resembles is not taken for him.
    leader.ok(&["people", "add", "Mario Diaz", "--group", "7C"]);

    let refused = leader.fails_with_stdout_and_stderr(&[
        "people", "add", "Mr Diaz", "--group", "Maths", "--role", "staff",
    ]);
    assert!(
        refused.contains("Mr Diaz (Maths) is archived (as mr-diaz)"),
        "{refused}"
    );
    assert!(
        refused.contains("truenorth people restore mr-diaz"),
        "{refused}"
    );
    assert!(refused.contains("nothing changed"), "{refused}");

    // Looked up while archived, and marked so.
    let shown = leader.ok(&["people", "show", "Mr Diaz"]);
    assert!(
        shown.starts_with("Mr Diaz (Maths)  [mr-diaz]\nArchived"),
        "{shown}"
    );
    let log = leader.fails_with_stdout_and_stderr(&["people", "log", "Mr Diaz", "hello"]);
    assert!(
        log.contains("Mr Diaz (Maths) is archived; `truenorth people restore mr-diaz`"),
        "{log}"
    );

    let back = leader.ok(&["people", "restore", "diaz"]);
    assert_eq!(
        back,
        "Brought back Mr Diaz (Maths): on lists and in the picker again.\n"
    );
    leader.ok(&["people", "archive", "mr-diaz"]);
    leader.ok(&["people", "archive", "mario"]);
    let listed = leader.ok(&["people", "list"]);
    assert!(
        listed
            .starts_with("Everyone on the roster is archived (2). `truenorth people restore NAME`"),
        "{listed}"
    );
    leader.ok(&["people", "restore", "mario"]);
    leader.ok(&["people", "restore", "mr diaz"]);
    let again = leader.fails_with_stdout_and_stderr(&["people", "restore", "mr diaz"]);
    assert!(again.contains("Mr Diaz (Maths) is not archived"), "{again}");
    assert!(leader.ok(&["people", "list"]).contains("Mr Diaz (Maths)"));
}

#[test]
fn bringing_back_is_refused_while_someone_current_has_the_same_name_and_group() {
    let leader = Scratch::with_midnight_rollover();
    // A roster from before the rule: the same person twice, one of them archived.
    fs::create_dir_all(leader.journal()).unwrap();
    fs::write(
        leader.journal().join("people.toml"),
        "version = 1\n\n\
         [[person]]\nid = \"mr-diaz\"\nname = \"Mr Diaz\"\ngroup = \"Maths\"\nrole = \"staff\"\narchived = true\n\n\
         [[person]]\nid = \"mr-diaz-2\"\nname = \"Mr Diaz\"\ngroup = \"Maths\"\nrole = \"staff\"\n",
    )
    .unwrap();
    let before = roster(&leader);
    let refused = leader.fails_with_stdout_and_stderr(&["people", "restore", "mr-diaz"]);
    assert!(
        refused.contains(
            "Mr Diaz (Maths) cannot be brought back while Mr Diaz (Maths) (as mr-diaz-2) is \
             on the roster"
        ),
        "{refused}"
    );
    assert_eq!(roster(&leader), before, "nothing changed");
}

#[test]
fn connections_are_logged_by_a_few_letters_and_coverage_follows() {
    let leader = Scratch::with_midnight_rollover();
    let file = spreadsheet(&leader, "roster.csv", ROSTER);
    leader.run(&["people", "import", &file]);
    let added = leader.ok(&["people", "add", "Maya Chen", "--group", "6A"]);
    assert!(
        added.contains("Added Maya Chen (6A) (student) as `maya-chen`."),
        "{added}"
    );
    let error =
        leader.fails_with_stdout_and_stderr(&["people", "add", "maya chen", "--group", "6a"]);
    assert!(error.contains("already on the roster"), "{error}");

    // Two Mayas: a bare "maya" is refused with both named.
    let error =
        leader.fails_with_stdout_and_stderr(&["people", "log", "maya", "asked about robots"]);
    assert!(error.contains("`maya` could be any of these"), "{error}");
    assert!(
        error.contains("Robinson, Maya (5B)  [robinson-maya]"),
        "{error}"
    );
    assert!(error.contains("Maya Chen (6A)  [maya-chen]"), "{error}");
    assert!(
        !leader
            .day_file_text(leader.today())
            .contains("[[connection]]")
    );

    let logged = leader.ok(&["people", "log", "maya 5b", "building a robot for the fair"]);
    assert!(logged.contains("Logged a connection with Robinson, Maya (5B) for today."));
    let logged = leader.ok(&[
        "people",
        "log",
        "mchen",
        "new to the school",
        "--date",
        "yesterday",
    ]);
    assert!(
        logged.contains("with Maya Chen (6A) for yesterday."),
        "{logged}"
    );
    let day = leader.day_file_text(leader.today());
    assert!(day.contains("person = \"robinson-maya\""), "{day}");
    assert!(
        day.contains("note = \"building a robot for the fair\""),
        "{day}"
    );
    assert!(
        leader
            .day_file_text(leader.today().pred_opt().unwrap())
            .contains("maya-chen")
    );

    let listed = leader.ok(&["people", "list"]);
    assert!(
        listed.contains("5 people · connected with 40% in 7 days / 40% in 30 days"),
        "{listed}"
    );
    let lines: Vec<&str> = listed.lines().skip(2).collect();
    assert!(lines[0].trim_start().starts_with("never"), "{listed}");
    assert!(
        lines[3].contains("yesterday") && lines[3].contains("Maya Chen"),
        "{listed}"
    );
    assert!(
        lines[4].contains("today") && lines[4].contains("Robinson, Maya"),
        "{listed}"
    );

    let fifth = leader.ok(&["people", "list", "--group", "5b"]);
    assert!(
        fifth.starts_with("5b: 2 people · connected with 50% in 7 days"),
        "{fifth}"
    );
    let error = leader.fails_with_stdout_and_stderr(&["people", "list", "--group", "9Z"]);
    assert!(error.contains("the groups are: 5B, 6A, Science"), "{error}");

    let shown = leader.ok(&["people", "show", "robinson"]);
    assert!(shown.contains("robots,\r\nscience fair") || shown.contains("science fair"));
    assert!(
        shown.contains("today            building a robot for the fair"),
        "{shown}"
    );

    leader.ok(&["people", "archive", "ben"]);
    assert!(leader.ok(&["people", "list"]).contains("4 people"));
    let error = leader.fails_with_stdout_and_stderr(&["people", "log", "ben okafor", "x"]);
    assert!(
        error.contains("Ben Okafor (5B) is archived; `truenorth people restore ben-okafor`"),
        "{error}"
    );
}

#[test]
fn a_commitment_is_kept_by_connection_notes_end_to_end() {
    let leader = Scratch::with_midnight_rollover();
    for (name, group) in [("Ana", "5B"), ("Ben", "5B"), ("Cleo", "6A")] {
        leader.ok(&["people", "add", name, "--group", group]);
    }
    leader.ok(&["people", "add", "Ms Diaz", "--role", "staff"]);
    let added = leader.ok(&[
        "commit",
        "add",
        "Connect with two students",
        "--cadence",
        "daily",
        "--dimension",
        "love",
        "--connections",
        "2",
        "--role",
        "student",
    ]);
    assert!(added.contains("kept by itself on days you log connections with 2 different students"));

    leader.ok(&["people", "log", "ana", "reading a new series"]);
    leader.ok(&["people", "log", "diaz", "planning the assembly"]);
    let listed = leader.ok(&["commit", "list"]);
    assert!(
        listed.contains("○ Connect with two students"),
        "one student is not enough:\n{listed}"
    );

    leader.ok(&["people", "log", "cleo", "chess club captain"]);
    let listed = leader.ok(&["commit", "list"]);
    assert!(listed.contains("✓ Connect with two students"), "{listed}");
    assert!(listed.contains("streak 1 day"), "{listed}");

    // And the same day, a practice checked off by hand.
    leader.ok(&["commit", "add", "Walk the halls", "--cadence", "daily"]);
    leader.ok(&["commit", "check", "walk", "--note", "lunch line"]);
    let day = leader.day_file_text(leader.today());
    assert_eq!(day.matches("[[connection]]").count(), 3, "{day}");
    assert_eq!(day.matches("[[checkin]]").count(), 1, "{day}");
}

#[test]
fn a_name_shared_by_two_is_ambiguous_whatever_its_case() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&["people", "add", "Sam", "--group", "5B"]);
    leader.ok(&["people", "add", "Sam", "--group", "5C"]);
    for query in ["Sam", "sam"] {
        let error = leader.fails_with_stdout_and_stderr(&["people", "log", query, "x"]);
        assert!(error.contains("could be any of these"), "{query}: {error}");
        assert!(
            error.contains("Sam (5B)  [sam]  pick with `\"sam 5b\"`"),
            "{error}"
        );
        assert!(
            error.contains("Sam (5C)  [sam-2]  pick with `sam-2`"),
            "{error}"
        );
    }
    assert!(
        !leader.journal().join("journal").exists(),
        "nothing was logged"
    );
    let logged = leader.ok(&["people", "log", "sam 5b", "x"]);
    assert!(logged.contains("Sam (5B)"), "{logged}");
    let logged = leader.ok(&["people", "log", "sam-2", "y"]);
    assert!(logged.contains("Sam (5C)"), "{logged}");
}

#[test]
fn a_connection_logged_by_mistake_is_taken_back_and_only_that_one() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&["people", "add", "Maya R.", "--group", "5B"]);
    leader.ok(&["people", "add", "Ben", "--group", "5B"]);
    let error = leader.fails_with_stdout_and_stderr(&["people", "unlog", "maya"]);
    assert!(
        error.contains("no connection with Maya R. (5B) is logged for today"),
        "{error}"
    );

    leader.ok(&["people", "log", "maya", "robot club"]);
    leader.ok(&["people", "log", "ben", "football"]);
    let taken = leader.ok(&["people", "unlog", "maya"]);
    assert!(
        taken.contains("Took back the connection with Maya R. (5B) for today: “robot club”."),
        "{taken}"
    );
    let day = leader.day_file_text(leader.today());
    assert!(
        !day.contains("robot club") && day.contains("football"),
        "{day}"
    );

    // Two notes about Ben yesterday: which one must be said.
    let yesterday = (leader.today() - chrono::Days::new(1)).to_string();
    leader.ok(&["people", "log", "ben", "first", "--date", &yesterday]);
    leader.ok(&["people", "log", "ben", "second", "--date", &yesterday]);
    let error =
        leader.fails_with_stdout_and_stderr(&["people", "unlog", "ben", "--date", &yesterday]);
    assert!(
        error.contains("has 2 connection notes for yesterday"),
        "{error}"
    );
    assert!(
        error.contains("1. ") && error.contains("first") && error.contains("2. "),
        "{error}"
    );
    let error = leader.fails_with_stdout_and_stderr(&[
        "people", "unlog", "ben", "--date", &yesterday, "--index", "3",
    ]);
    assert!(error.contains("--index 3"), "{error}");
    assert!(
        leader
            .day_file_text(leader.today() - chrono::Days::new(1))
            .contains("first")
    );
    let taken = leader.ok(&[
        "people", "unlog", "ben", "--date", &yesterday, "--index", "1",
    ]);
    assert!(taken.contains("“first”"), "{taken}");
    let day = leader.day_file_text(leader.today() - chrono::Days::new(1));
    assert!(
        !day.contains("\"first\"") && day.contains("second"),
        "{day}"
    );
}

#[test]
fn doctor_counts_one_person_in_the_singular() {
    let leader = Scratch::with_midnight_rollover();
    leader.ok(&["people", "add", "Maya R."]);
    let doctor = leader.ok(&["doctor"]);
    assert!(doctor.contains("1 person on the roster."), "{doctor}");
    assert!(doctor.contains("0 commitments."), "{doctor}");
}
