//! Export: golden files for every format on a small fixed journal, and the rules that
//! hold whatever the journal: no private text, no external references in HTML, and
//! Markdown that parses into the outline it claims.
//!
//! Golden files live in `tests/fixtures/export/`. After an intended change, review
//! and bless them with `TRUENORTH_BLESS=1 cargo test --test exchange_export`.

mod exchange_support;

use std::fs;
use std::path::PathBuf;

use exchange_support::{SECRETS, context, fixture, options};
use truenorth::exchange::{self, ExportFormat, ExportOptions, GroupBy};

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name);
    if std::env::var_os("TRUENORTH_BLESS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; write it with TRUENORTH_BLESS=1 cargo test --test exchange_export",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        let new = path.with_extension(format!(
            "{}.new",
            path.extension().unwrap().to_string_lossy()
        ));
        fs::write(&new, actual).unwrap();
        panic!(
            "{name} differs from its golden file from line {}; the new output is in {}. \
             If the change is intended, bless it with TRUENORTH_BLESS=1.",
            line + 1,
            new.display()
        );
    }
}

fn render(options: &ExportOptions, format: ExportFormat) -> String {
    let fixture = fixture();
    exchange::prepare(fixture.sources(), options, &context()).render(format)
}

#[test]
fn golden_markdown_by_date_frame_and_standard() {
    golden("journal.md", &render(&options(), ExportFormat::Markdown));
    let by_frame = ExportOptions {
        group_by: GroupBy::Frame,
        ..options()
    };
    golden(
        "journal-by-frame.md",
        &render(&by_frame, ExportFormat::Markdown),
    );
    let by_psel = ExportOptions {
        group_by: GroupBy::Psel,
        ..options()
    };
    golden(
        "journal-by-psel.md",
        &render(&by_psel, ExportFormat::Markdown),
    );
}

#[test]
fn golden_html() {
    golden("journal.html", &render(&options(), ExportFormat::Html));
    let by_psel = ExportOptions {
        group_by: GroupBy::Psel,
        ..options()
    };
    golden(
        "journal-by-psel.html",
        &render(&by_psel, ExportFormat::Html),
    );
}

#[test]
fn golden_json() {
    golden("journal.json", &render(&options(), ExportFormat::Json));
}

#[test]
fn golden_text() {
    golden("journal.txt", &render(&options(), ExportFormat::Text));
}

#[test]
fn counts_say_what_went_in_and_what_private_stayed_out() {
    let fixture = fixture();
    let export = exchange::prepare(fixture.sources(), &options(), &context());
    let counts = export.counts();
    assert_eq!((counts.entries, counts.private_left_out), (9, 3));
    let narrowed = ExportOptions {
        tags: vec!["staff".into()],
        ..options()
    };
    let counts = exchange::count(&fixture.days, &narrowed, context().today);
    assert_eq!((counts.entries, counts.private_left_out), (0, 1));
}

#[test]
fn private_entries_and_the_count_of_them_are_in_no_format() {
    for group_by in [GroupBy::Date, GroupBy::Frame, GroupBy::Psel] {
        for include_names in [false, true] {
            let options = ExportOptions {
                group_by,
                include_names,
                from: None,
                to: None,
                ..options()
            };
            for format in [
                ExportFormat::Markdown,
                ExportFormat::Html,
                ExportFormat::Json,
                ExportFormat::Text,
            ] {
                let document = render(&options, format);
                for secret in SECRETS {
                    assert!(!document.contains(secret), "{secret} in {format:?}");
                }
                assert!(!document.to_lowercase().contains("private"), "{format:?}");
            }
        }
    }
}

/// An entry's id in the journal counts every entry of its day, private ones too, so a
/// gap in the numbers would hint at what was left out: the export numbers its own.
#[test]
fn json_ids_do_not_hint_at_private_entries() {
    let fixture = fixture();
    let json = render(&options(), ExportFormat::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let days = value["days"].as_array().unwrap();
    let mut checked = 0;
    for day in days {
        for (place, entry) in day["entries"].as_array().unwrap().iter().enumerate() {
            let id = entry["id"].as_str().unwrap();
            assert!(id.ends_with(&format!("-{place:02}")), "{id}");
            checked += 1;
        }
    }
    assert_eq!(checked, 9);
    // The fixture's 10 November answer is the day's second entry in the journal.
    let journal_id = &fixture
        .days
        .iter()
        .find(|day| day.date == exchange_support::date(11, 10))
        .unwrap()
        .entries[1]
        .id;
    assert!(journal_id.ends_with("-01"), "{journal_id}");
    assert!(!json.contains(journal_id.as_str()));
}

#[test]
fn names_are_replaced_unless_asked_to_stay() {
    let replaced = render(&options(), ExportFormat::Markdown);
    for name in [
        "Maya",
        "Rodriguez",
        "Jordan",
        "Okafor",
        "Alvarez",
        "ÉLODIE",
        "Élodie",
    ] {
        assert!(!replaced.contains(name), "{name} in:\n{replaced}");
    }
    for pseudonym in [
        "Student A",
        "Student B",
        "Staff A",
        "Family A",
        "Student C",
        "#student-b",
    ] {
        assert!(replaced.contains(pseudonym), "{pseudonym} missing");
    }
    let kept = render(
        &ExportOptions {
            include_names: true,
            ..options()
        },
        ExportFormat::Markdown,
    );
    assert!(kept.contains("Maya Rodriguez") && !kept.contains("Student A"));
}

#[test]
fn html_is_one_self_contained_file() {
    use scraper::{Html, Selector};

    for group_by in [GroupBy::Date, GroupBy::Psel] {
        let text = render(
            &ExportOptions {
                group_by,
                ..options()
            },
            ExportFormat::Html,
        );
        let document = Html::parse_document(&text);
        assert!(document.errors.is_empty(), "{:?}", document.errors);
        let select = |css: &str| Selector::parse(css).unwrap();
        for forbidden in ["script", "link", "iframe", "img", "object", "embed", "base"] {
            assert_eq!(
                document.select(&select(forbidden)).count(),
                0,
                "<{forbidden}> in the export"
            );
        }
        for element in document.select(&select("*")) {
            for (name, value) in element.value().attrs() {
                assert!(!name.starts_with("on"), "event handler {name}");
                if matches!(name, "src" | "href" | "xlink:href" | "action" | "srcset") {
                    panic!("{name}=\"{value}\" refers outside the file");
                }
            }
        }
        let style: String = document
            .select(&select("style"))
            .map(|style| style.inner_html())
            .collect();
        assert!(style.contains("@media print"), "no print styles");
        assert!(!style.contains("url(") && !style.contains("@import"));
        assert!(!text.contains("http://") && !text.contains("https://"));
        assert_eq!(document.select(&select("h1")).count(), 1);
        assert_eq!(document.select(&select("svg")).count(), 3, "three charts");
        // Text is escaped, never markup: the <b> in an entry is text.
        assert_eq!(document.select(&select("article b")).count(), 0);
        let articles: String = document
            .select(&select("article"))
            .map(|article| article.text().collect::<String>())
            .collect();
        assert!(articles.contains("<b>reading block</b> & lunch"));
        assert!(articles.contains("Student A is brilliant"));
    }
}

#[test]
fn markdown_parses_into_the_outline_it_claims() {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

    let text = render(&options(), ExportFormat::Markdown);
    let mut headings: Vec<(HeadingLevel, String)> = Vec::new();
    let mut current: Option<(HeadingLevel, String)> = None;
    let mut tables = 0;
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => panic!("raw HTML: {html}"),
            Event::Start(Tag::Heading { level, .. }) => current = Some((level, String::new())),
            Event::Text(words) | Event::Code(words) => {
                if let Some((_, heading)) = current.as_mut() {
                    heading.push_str(&words);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            Event::Start(Tag::Table(_)) => tables += 1,
            _ => {}
        }
    }
    let level = |wanted: HeadingLevel| {
        headings
            .iter()
            .filter(|(level, _)| *level == wanted)
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        level(HeadingLevel::H1),
        ["Reflections for my mentor meeting"]
    );
    assert_eq!(
        level(HeadingLevel::H2),
        ["Weekly trends", "Commitments", "Entries by date"]
    );
    // One heading per day with entries, one per entry; nothing in entry text became a
    // heading ("# Labels" and the "---" under a line are escaped).
    assert_eq!(level(HeadingLevel::H3).len(), 8);
    assert_eq!(level(HeadingLevel::H4).len(), 9);
    assert_eq!(tables, 2, "trends and commitments");
}

#[test]
fn an_empty_journal_still_makes_a_document() {
    let context = context();
    for format in [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Json,
        ExportFormat::Text,
    ] {
        let export = exchange::prepare(Default::default(), &ExportOptions::default(), &context);
        let document = export.render(format);
        assert!(
            document.to_lowercase().contains("leadership reflections"),
            "{format:?}"
        );
        assert_eq!(export.counts().entries, 0);
    }
}

mod privacy_property {
    use proptest::prelude::*;
    use truenorth::domain::{Day, Entry, Frame};
    use truenorth::exchange::{self, ExportFormat, ExportOptions, GroupBy, Sources};

    use super::exchange_support::{at, context, date};

    /// Any text, with a marker only private entries carry.
    fn private_text() -> impl Strategy<Value = String> {
        ("\\PC{0,40}", 0..1000u32).prop_map(|(words, n)| format!("{words} zqsecret{n}zq {words}"))
    }

    fn shared_text() -> impl Strategy<Value = String> {
        "[a-zA-Z<>&\"'#*| \n-]{0,60}"
    }

    fn entry() -> impl Strategy<Value = (bool, String, u8, u8, Option<usize>)> {
        prop_oneof![(Just(true), private_text()), (Just(false), shared_text()),].prop_flat_map(
            |(private, text)| {
                (
                    Just(private),
                    Just(text),
                    1..25u8,
                    0..24u8,
                    proptest::option::of(0..4usize),
                )
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn no_private_text_in_any_export(
            entries in proptest::collection::vec(entry(), 0..24),
            group in 0..3usize,
            tag_filter in any::<bool>(),
        ) {
            let frames = [Frame::Love, Frame::Care, Frame::Courage, Frame::TrueNorth];
            let mut days: Vec<Day> = Vec::new();
            for (private, text, day, hour, frame) in &entries {
                let date = date(11, u32::from(*day));
                let created = at(11, u32::from(*day), u32::from(*hour), 0);
                let position = match days.iter().position(|d| d.date == date) {
                    Some(position) => position,
                    None => {
                        days.push(Day::new(date));
                        days.len() - 1
                    }
                };
                let day = &mut days[position];
                let mut entry = Entry::new(created, 0, format!("{text} #shared"));
                entry.id = day.next_entry_id(created);
                entry.private = *private;
                entry.frame = frame.map(|n| frames[n].clone());
                entry.question = frame.map(|n| format!("Question {n}?"));
                day.entries.push(entry);
            }
            let options = ExportOptions {
                group_by: [GroupBy::Date, GroupBy::Frame, GroupBy::Psel][group],
                tags: if tag_filter { vec!["shared".into()] } else { Vec::new() },
                ..ExportOptions::default()
            };
            let sources = Sources { days: &days, ..Sources::default() };
            let export = exchange::prepare(sources, &options, &context());
            let private = entries.iter().filter(|e| e.0).count();
            prop_assert_eq!(export.counts().private_left_out, private);
            prop_assert_eq!(export.counts().entries, entries.len() - private);
            for format in [ExportFormat::Markdown, ExportFormat::Html, ExportFormat::Json, ExportFormat::Text] {
                let document = export.render(format);
                prop_assert!(!document.contains("zqsecret"), "{:?}", format);
            }
        }
    }
}

/// People as leaders write them: first names alone, possessives, shouting, titled
/// surnames, tags, and a commitment whose id was made from a title with names in it.
mod names_as_written {
    use proptest::prelude::*;
    use truenorth::domain::commitment::{Cadence, Commitment};
    use truenorth::domain::person::{Person, Role};
    use truenorth::domain::{Day, Entry, Frame};
    use truenorth::exchange::{self, ExportFormat, ExportOptions, Sources};

    use super::exchange_support::{at, context, date};

    const FORMATS: [ExportFormat; 4] = [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Json,
        ExportFormat::Text,
    ];

    fn roster() -> Vec<Person> {
        let mut people: Vec<Person> = Vec::new();
        for (name, role) in [
            ("Malik J.", Role::Student),
            ("Jonah K.", Role::Student),
            ("Leo M.", Role::Student),
            ("Maria Ortiz", Role::Staff),
            ("Priya Natarajan", Role::Family),
        ] {
            let person = Person::new(&people, name, None, role);
            people.push(person);
        }
        people
    }

    /// The words that would tell who someone is.
    const NAME_WORDS: [&str; 7] = [
        "Malik",
        "Jonah",
        "Leo",
        "Ortiz",
        "Maria",
        "Priya",
        "Natarajan",
    ];

    /// Whether `word` is in `text` as a whole word, in any case.
    fn has_word(text: &str, word: &str) -> bool {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|part| part.eq_ignore_ascii_case(word))
    }

    fn journal(texts: &[String]) -> Vec<Day> {
        let mut day = Day::new(date(11, 10));
        for (n, text) in texts.iter().enumerate() {
            let created = at(11, 10, 7, u32::try_from(n % 60).unwrap());
            let mut entry = Entry::new(created, 0, text.clone());
            entry.id = day.next_entry_id(created);
            entry.tags = vec!["malik".into(), "jonah-k".into()];
            entry.question = Some("What did Leo teach you?".into());
            day.entries.push(entry);
        }
        vec![day]
    }

    fn lunch() -> Commitment {
        let mut lunch = Commitment::new(
            "lunch-with-jonah-k-and-ms-ortiz".into(),
            "Lunch with Jonah K. and Ms. Ortiz".into(),
            Frame::Students,
            Cadence::PerWeek(1),
        );
        lunch.start = Some(date(11, 2));
        lunch.why = "Malik asked me to; Priya's idea".into();
        lunch
    }

    fn export_all(texts: &[String], include_names: bool) -> Vec<(ExportFormat, String)> {
        let days = journal(texts);
        let people = roster();
        let commitments = [lunch()];
        let sources = Sources {
            days: &days,
            people: &people,
            commitments: &commitments,
            ..Sources::default()
        };
        let options = ExportOptions {
            from: Some(date(11, 2)),
            to: Some(date(11, 22)),
            tags: vec!["malik".into()],
            title: Some("Lunches with Malik and Leo".into()),
            include_names,
            ..ExportOptions::default()
        };
        let export = exchange::prepare(sources, &options, &context());
        FORMATS
            .iter()
            .map(|&format| (format, export.render(format)))
            .collect()
    }

    #[test]
    fn no_roster_name_in_any_format_however_it_is_written() {
        let texts: Vec<String> = [
            "Listened to Malik for twenty minutes.",
            "Leo's grandmother came. LEO smiled.",
            "Jonah K. and Malik J sat with Ms Ortiz; Mrs. Ortiz joined.",
            "Dr. Natarajan (Priya) called about #leo and #maria-ortiz.",
            "maria ortiz, MALIK J. and Jonah’s sister.",
        ]
        .map(String::from)
        .to_vec();
        for (format, document) in export_all(&texts, false) {
            for word in NAME_WORDS {
                assert!(
                    !has_word(&document, word),
                    "{word} in {format:?}:\n{document}"
                );
            }
            assert!(document.contains("Student A"), "{format:?}");
        }
        let json = &export_all(&texts, false)[2].1;
        assert!(
            json.contains("\"id\": \"lunch-with-student-b-and-staff-a\""),
            "{json}"
        );
        // With names asked for, they are all there.
        for (format, document) in export_all(&texts, true) {
            for word in NAME_WORDS {
                assert!(has_word(&document, word), "{word} missing in {format:?}");
            }
        }
    }

    #[test]
    fn lowercase_first_names_that_are_not_words_are_names() {
        // Only first names that are also words ("will", "grace") need a capital.
        let texts = vec!["I will see malik tomorrow; Malik agreed.".into()];
        let markdown = &export_all(&texts, false)[0].1;
        assert!(
            markdown.contains("I will see Student A tomorrow; Student A agreed."),
            "{markdown}"
        );
    }

    /// A roster name written one of the ways people write it.
    fn written_name() -> impl Strategy<Value = String> {
        let forms = [
            "Malik",
            "Malik J.",
            "Malik J",
            "MALIK",
            "Malik's",
            "#malik",
            "Jonah",
            "Jonah K.",
            "jonah k.",
            "Jonah’s",
            "#jonah-k",
            "Leo",
            "LEO M.",
            "Leo's",
            "Maria",
            "Maria Ortiz",
            "Ms. Ortiz",
            "Ms Ortiz",
            "Mr Ortiz",
            "Dr. Ortiz",
            "MARIA ORTIZ",
            "#maria-ortiz",
            "Priya",
            "Priya Natarajan",
            "Mrs. Natarajan",
        ];
        proptest::sample::select(forms.to_vec()).prop_map(String::from)
    }

    fn sentence() -> impl Strategy<Value = String> {
        (
            "[a-z ,.]{0,12}",
            written_name(),
            "[ ,.;:!?()\"'\n-]{1,3}",
            written_name(),
            "[a-z ,.]{0,12}",
        )
            .prop_map(|(a, name, gap, other, b)| format!("{a} {name}{gap}{other} {b}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn no_name_survives_any_format(texts in proptest::collection::vec(sentence(), 1..8)) {
            for (format, document) in export_all(&texts, false) {
                for word in NAME_WORDS {
                    prop_assert!(!has_word(&document, word), "{} in {:?}:\n{}", word, format, document);
                }
            }
        }
    }
}

/// The demo journal, as the tester exported it: none of its roster's names, however
/// its entries write them, is in any format.
#[test]
fn the_demo_journal_exports_with_no_roster_name() {
    use truenorth::exchange::LoadedSources;

    let folder = tempfile::tempdir().unwrap();
    let today = exchange_support::date(11, 24);
    truenorth::sample::write_demo(folder.path(), today).unwrap();
    let loaded = LoadedSources::load(folder.path()).unwrap();
    // The words of the roster's names that tell who someone is.
    let titles = ["Ms", "Mr", "Coach", "The", "family"];
    let mut name_words: Vec<String> = Vec::new();
    for person in &loaded.people {
        for word in person.name.split_whitespace() {
            let word = word.trim_end_matches('.');
            if word.chars().count() > 1 && !titles.contains(&word) {
                name_words.push(word.to_string());
            }
        }
    }
    assert!(name_words.len() > 10, "{name_words:?}");
    let export = exchange::prepare(loaded.sources(), &ExportOptions::default(), &context());
    assert!(export.counts().entries > 50);
    for format in [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Json,
        ExportFormat::Text,
    ] {
        let document = export.render(format);
        for word in &name_words {
            let found = document
                .split(|c: char| !c.is_alphanumeric())
                .any(|part| part == word || part == word.to_uppercase());
            assert!(!found, "{word} in {format:?}");
        }
    }
}
