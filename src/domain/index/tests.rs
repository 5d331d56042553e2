//! The index's rules, each on a tiny hand-made journal.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::domain::{Day, Entry, Frame};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(date: NaiveDate, hour: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("{date}T{hour:02}:00:00-05:00")).unwrap()
}

/// An entry written at `hour` on `date`.
fn entry(date: NaiveDate, hour: u32, text: &str) -> Entry {
    Entry::new(at(date, hour), hour as usize, text.to_string())
}

fn day(date: NaiveDate, entries: Vec<Entry>) -> Day {
    let mut day = Day::new(date);
    day.entries = entries;
    day
}

/// A small journal over three years.
fn journal() -> JournalIndex {
    let d1 = date(2024, 11, 24);
    let d2 = date(2025, 11, 24);
    let d3 = date(2026, 11, 20);
    let d4 = date(2026, 11, 24);
    let mut jordan = entry(
        d2,
        7,
        "Hard conversation with Jordan's mother about the bus. #families",
    );
    jordan.frame = Some(Frame::Vulnerability);
    jordan.pack = Some("daily-lcv".into());
    jordan.question = Some("Which conversation are you putting off?".into());
    let mut secret = entry(d3, 8, "Private worry about the budget meeting");
    secret.private = true;
    secret.tags = vec!["Staff".into()];
    let mut staff = entry(d4, 9, "Thanked the staff for the science fair #staff #wins");
    staff.frame = Some(Frame::Care);
    staff.pack = Some("daily-lcv".into());
    JournalIndex::new(vec![
        day(
            d4,
            vec![staff, entry(d4, 6, "Quiet morning, reading with a student")],
        ),
        day(
            d1,
            vec![entry(
                d1,
                7,
                "A student taught me about robots; the robot fair was loud",
            )],
        ),
        day(d3, vec![secret]),
        day(d2, vec![jordan]),
    ])
}

fn texts(index: &JournalIndex, results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|hit| index.entry(hit.entry).unwrap().text.clone())
        .collect()
}

fn highlighted(index: &JournalIndex, hit: &Hit) -> Vec<String> {
    let text = &index.entry(hit.entry).unwrap().text;
    hit.text
        .iter()
        .map(|r| text[r.clone()].to_string())
        .collect()
}

#[test]
fn days_and_entries_are_newest_first() {
    let index = journal();
    let dates: Vec<NaiveDate> = index.days().iter().map(|d| d.date).collect();
    assert_eq!(
        dates,
        vec![
            date(2026, 11, 24),
            date(2026, 11, 20),
            date(2025, 11, 24),
            date(2024, 11, 24)
        ]
    );
    let first: Vec<&str> = index
        .entries()
        .take(2)
        .map(|(_, e)| e.text.as_str())
        .collect();
    assert!(first[0].starts_with("Thanked"), "{first:?}");
    assert!(first[1].starts_with("Quiet"), "{first:?}");
    assert_eq!(index.entry_count(), 5);
}

#[test]
fn an_empty_query_lists_what_the_filter_allows_newest_first() {
    let index = journal();
    let results = index.search("", &Filter::default(), usize::MAX);
    assert_eq!(results.total, 5);
    assert!(texts(&index, &results)[0].starts_with("Thanked"));
    assert!(results.hits.iter().all(|hit| hit.text.is_empty()));
    let limited = index.search("", &Filter::default(), 2);
    assert_eq!((limited.hits.len(), limited.total), (2, 5));
}

#[test]
fn whole_words_rank_above_prefixes_and_ties_go_to_the_newest() {
    let index = journal();
    let results = index.search("robot", &Filter::default(), 10);
    assert_eq!(results.total, 1);
    assert_eq!(
        highlighted(&index, &results.hits[0]),
        vec!["robot", "robot"]
    );

    // "student" is a whole word in two entries: the newer comes first.
    let results = index.search("student", &Filter::default(), 10);
    let found = texts(&index, &results);
    assert_eq!(found.len(), 2);
    assert!(found[0].starts_with("Quiet"), "{found:?}");

    // A whole-word match beats a prefix match even when older.
    let results = index.search("fair", &Filter::default(), 10);
    assert_eq!(results.total, 2);
    let results = index.search("scien", &Filter::default(), 10);
    assert_eq!(highlighted(&index, &results.hits[0]), vec!["scien"]);
}

#[test]
fn every_word_must_match_and_highlights_cover_each() {
    let index = journal();
    let results = index.search("convers jordan mother", &Filter::default(), 10);
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert_eq!(
        highlighted(&index, hit),
        vec!["conversation", "Jordan", "mother"]
            .into_iter()
            .map(|s| if s == "conversation" { "convers" } else { s })
            .collect::<Vec<_>>()
    );
    // The question matched too, and is highlighted there.
    let question = index.entry(hit.entry).unwrap().question.clone().unwrap();
    let parts: Vec<&str> = hit.question.iter().map(|r| &question[r.clone()]).collect();
    assert_eq!(parts, vec!["convers"]);

    assert_eq!(
        index.search("jordan robot", &Filter::default(), 10).total,
        0
    );
}

#[test]
fn text_matches_rank_above_question_matches() {
    let mut index = journal();
    let d = date(2026, 11, 23);
    let mut asked = entry(d, 7, "Nothing much today");
    asked.question = Some("Which conversation are you putting off?".into());
    index.replace_day(day(d, vec![asked]));
    let results = index.search("conversation", &Filter::default(), 10);
    let found = texts(&index, &results);
    assert_eq!(found.len(), 2);
    // The older entry has the word in its own text, so it ranks first.
    assert!(found[0].starts_with("Hard conversation"), "{found:?}");
    assert!(results.hits[1].text.is_empty());
    assert!(!results.hits[1].question.is_empty());
}

#[test]
fn misspellings_are_found_by_one_typo() {
    let index = journal();
    for typo in ["mothr", "mohter", "convarsation", "scince", "jordn"] {
        let results = index.search(typo, &Filter::default(), 10);
        assert_eq!(results.total, 1, "{typo}");
        assert_eq!(results.hits[0].text.len(), 1, "{typo}");
    }
    // A typo in the start of a word being typed, highlighted as the whole word.
    let results = index.search("convrs", &Filter::default(), 10);
    assert_eq!(highlighted(&index, &results.hits[0]), vec!["conversation"]);
    // Four letters are one typo from the start of too many words: only whole words.
    assert_eq!(index.search("robt", &Filter::default(), 10).total, 1);
    assert_eq!(index.search("studnt", &Filter::default(), 10).total, 2);
    assert_eq!(index.search("conv", &Filter::default(), 10).total, 1);
}

/// One day of entries, the first written last (so listed first among equals).
fn one_day(texts: &[&str]) -> JournalIndex {
    let d = date(2026, 12, 6);
    let entries = texts
        .iter()
        .enumerate()
        .map(|(n, text)| entry(d, 20 - n as u32, text))
        .collect();
    JournalIndex::new(vec![day(d, entries)])
}

#[test]
fn a_typo_matches_even_where_the_misspelling_is_written_and_ranks_below_it() {
    let index = one_day(&["met the mother today", "mothr typo entry"]);
    let results = index.search("mothr", &Filter::default(), 10);
    assert_eq!(
        texts(&index, &results),
        vec!["mothr typo entry", "met the mother today"]
    );
    assert!(results.hits[0].score > results.hits[1].score);
    assert_eq!(highlighted(&index, &results.hits[1]), vec!["mother"]);
    // And the other way round: the word typed right finds the typo, below.
    let results = index.search("mother", &Filter::default(), 10);
    assert_eq!(
        texts(&index, &results),
        vec!["met the mother today", "mothr typo entry"]
    );
}

#[test]
fn letters_in_order_are_tried_only_when_nothing_matches_literally() {
    let index = journal();
    let results = index.search("cnvrstn", &Filter::default(), 10);
    assert_eq!(results.total, 1);
    assert_eq!(highlighted(&index, &results.hits[0]), vec!["conversation"]);
    // "stu" starts "student": no letters-in-order matches ("s…t…u") beside it.
    assert_eq!(index.search("stu", &Filter::default(), 10).total, 2);
}

#[test]
fn accents_and_case_are_ignored_and_highlights_cover_the_original_characters() {
    let index = one_day(&[
        "Café meeting with Zoë about naïve résumé #élèves",
        "Coffee with zoe and the ELEVES",
    ]);
    let find = |query: &str| {
        let results = index.search(query, &Filter::default(), 10);
        results
            .hits
            .iter()
            .map(|hit| highlighted(&index, hit))
            .collect::<Vec<_>>()
    };
    assert_eq!(find("zoe"), vec![vec!["Zoë"], vec!["zoe"]]);
    assert_eq!(find("ZOË"), vec![vec!["Zoë"], vec!["zoe"]]);
    assert_eq!(find("resume"), vec![vec!["résumé"]]);
    assert_eq!(find("cafe naive"), vec![vec!["Café", "naïve"]]);
    // Prefixes and insides stop at the right characters.
    assert_eq!(find("resu"), vec![vec!["résu"]]);
    assert_eq!(find("sume"), vec![vec!["sumé"]]);
    assert_eq!(find("élève"), vec![vec!["élève"], vec!["ELEVE"]]);
    // Tags, as `#tag` and as a word.
    assert_eq!(find("#eleves"), vec![vec!["#élèves"]]);
    assert_eq!(find("#ÉLÈ"), vec![vec!["#élè"]]);
    // Phrases.
    assert_eq!(
        find("\"with zoe\""),
        vec![vec!["with Zoë"], vec!["with zoe"]]
    );
    assert_eq!(find("\"zoe\""), vec![vec!["Zoë"], vec!["zoe"]]);
    assert_eq!(
        find("\"naïve résumé #eleves\""),
        vec![vec!["naïve résumé #élèves"]]
    );
}

#[test]
fn accents_typed_as_marks_of_their_own_belong_to_their_letter() {
    let index = one_day(&["Cafe\u{301} au lait"]);
    for query in ["cafe", "café", "\"cafe au\""] {
        let results = index.search(query, &Filter::default(), 10);
        assert_eq!(results.total, 1, "{query}");
        let highlight = highlighted(&index, &results.hits[0]);
        assert!(
            highlight[0].starts_with("Cafe\u{301}"),
            "{query}: {highlight:?}"
        );
    }
}

#[test]
fn symbols_alone_are_found_literally() {
    let index = one_day(&["Science fair 🎉 done", "Budget -- again", "Nothing special"]);
    let results = index.search("🎉", &Filter::default(), 10);
    assert_eq!(texts(&index, &results), vec!["Science fair 🎉 done"]);
    assert_eq!(highlighted(&index, &results.hits[0]), vec!["🎉"]);
    let results = index.search("--", &Filter::default(), 10);
    assert_eq!(texts(&index, &results), vec!["Budget -- again"]);
    assert_eq!(index.search("🎊", &Filter::default(), 10).total, 0);
    // Only whitespace still lists everything.
    assert_eq!(index.search("  ", &Filter::default(), 10).total, 3);
}

#[test]
fn quotes_ask_for_the_exact_phrase() {
    let index = journal();
    let results = index.search("\"Jordan's Mother\"", &Filter::default(), 10);
    assert_eq!(results.total, 1);
    assert_eq!(
        highlighted(&index, &results.hits[0]),
        vec!["Jordan's mother"]
    );
    assert_eq!(
        index
            .search("\"mother with\"", &Filter::default(), 10)
            .total,
        0
    );
    // An unclosed quote still searches, and a phrase can sit in the question.
    assert_eq!(
        index.search("\"putting of", &Filter::default(), 10).total,
        1
    );
}

#[test]
fn hash_words_ask_for_tags() {
    let index = journal();
    let results = index.search("#staf", &Filter::default(), 10);
    assert_eq!(results.total, 2, "written and explicit tags");
    let staff = results
        .hits
        .iter()
        .find(|hit| !hit.text.is_empty())
        .unwrap();
    // What was typed is highlighted, as for words.
    assert_eq!(highlighted(&index, staff), vec!["#staf"]);
    let whole = index.search("#staff", &Filter::default(), 10);
    let staff = whole.hits.iter().find(|hit| !hit.text.is_empty()).unwrap();
    assert_eq!(highlighted(&index, staff), vec!["#staff"]);
    assert_eq!(index.search("#robot", &Filter::default(), 10).total, 0);
}

#[test]
fn filters_narrow_by_date_tag_frame_pack_and_privacy() {
    let index = journal();
    let count = |filter: Filter| index.search("", &filter, usize::MAX).total;
    assert_eq!(
        count(Filter {
            from: Some(date(2025, 1, 1)),
            to: Some(date(2026, 11, 20)),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            tags: vec!["#STAFF".into()],
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            tags: vec!["staff".into(), "families".into()],
            ..Filter::default()
        }),
        3
    );
    assert_eq!(
        count(Filter {
            frames: vec![Frame::Care, Frame::Vulnerability],
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            packs: vec!["daily-lcv".into()],
            frames: vec![Frame::Care],
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            frames: vec![Frame::Other("unknown".into())],
            ..Filter::default()
        }),
        0
    );
    let shared = Filter {
        privacy: Privacy::SharedOnly,
        ..Filter::default()
    };
    assert_eq!(count(shared.clone()), 4);
    assert_eq!(index.search("budget", &shared, 10).total, 0);
    assert_eq!(
        count(Filter {
            privacy: Privacy::PrivateOnly,
            ..Filter::default()
        }),
        1
    );
}

#[test]
fn the_index_filter_agrees_with_the_plain_filter() {
    let index = journal();
    let filter = Filter {
        tags: vec!["staff".into()],
        privacy: Privacy::SharedOnly,
        ..Filter::default()
    };
    let by_index: Vec<EntryRef> = index
        .search("", &filter, usize::MAX)
        .hits
        .iter()
        .map(|hit| hit.entry)
        .collect();
    let by_entry: Vec<EntryRef> = index
        .entries()
        .filter(|(at, entry)| filter.allows(at.date, entry))
        .map(|(at, _)| at)
        .collect();
    assert_eq!(by_index, by_entry);
}

#[test]
fn replacing_a_day_updates_search_tags_and_counts() {
    let mut index = journal();
    let d = date(2026, 11, 24);
    let mut edited = index.day(d).unwrap().clone();
    edited.entries.retain(|e| e.text.starts_with("Quiet"));
    edited.entries[0].text = "Quiet morning with the counselor #care".into();
    index.replace_day(edited);
    assert_eq!(index.entry_count(), 4);
    assert_eq!(index.search("science", &Filter::default(), 10).total, 0);
    assert_eq!(index.search("counsel", &Filter::default(), 10).total, 1);
    let counts = index.tag_counts(Privacy::All);
    assert!(counts.contains(&("care".to_string(), 1)), "{counts:?}");
    assert!(counts.contains(&("staff".to_string(), 1)), "{counts:?}");
    assert!(!counts.iter().any(|(tag, _)| tag == "wins"), "{counts:?}");

    index.replace_day(day(
        date(2027, 1, 2),
        vec![entry(date(2027, 1, 2), 8, "New year")],
    ));
    assert_eq!(index.days()[0].date, date(2027, 1, 2));
    assert_eq!(index.search("new year", &Filter::default(), 10).total, 1);
    assert!(index.remove_day(date(2027, 1, 2)).is_some());
    assert_eq!(index.search("new year", &Filter::default(), 10).total, 0);
}

#[test]
fn many_edits_keep_results_right() {
    let mut index = journal();
    let d = date(2026, 11, 24);
    for n in 0..200 {
        let text = format!("Edit number{n}");
        index.replace_day(day(d, vec![entry(d, 9, &text)]));
    }
    assert_eq!(index.entry_count(), 4);
    assert_eq!(index.search("number199", &Filter::default(), 10).total, 1);
    // Quoted: "number198" unquoted finds "number199" as a typo.
    assert_eq!(
        index.search("\"number198\"", &Filter::default(), 10).total,
        0
    );
}

#[test]
fn tag_counts_are_most_used_first() {
    let index = journal();
    assert_eq!(
        index.tag_counts(Privacy::All),
        vec![
            ("staff".to_string(), 2),
            ("families".to_string(), 1),
            ("wins".to_string(), 1),
        ]
    );
}

#[test]
fn pack_counts_are_the_packs_with_entries() {
    let mut index = journal();
    assert_eq!(index.pack_counts(), vec![("daily-lcv".to_string(), 2)]);
    // A replaced day's old entries no longer count.
    let d = date(2026, 11, 24);
    index.replace_day(day(d, vec![entry(d, 9, "Nothing from a pack")]));
    let counts = index.pack_counts();
    assert!(counts.iter().all(|(_, count)| *count > 0), "{counts:?}");
    assert!(counts.iter().map(|(_, count)| count).sum::<usize>() <= 2);
}

#[test]
fn on_this_day_looks_at_earlier_years_only() {
    let index = journal();
    let found: Vec<NaiveDate> = index
        .on_this_day(date(2026, 11, 24))
        .iter()
        .map(|at| at.date)
        .collect();
    assert_eq!(found, vec![date(2025, 11, 24), date(2024, 11, 24)]);
    assert!(index.on_this_day(date(2026, 11, 21)).is_empty());
}

#[test]
fn on_this_day_brings_leap_days_back_on_the_28th() {
    let leap = date(2024, 2, 29);
    let index = JournalIndex::new(vec![day(leap, vec![entry(leap, 7, "Leap day")])]);
    assert_eq!(index.on_this_day(date(2025, 2, 28)).len(), 1);
    assert!(index.on_this_day(date(2028, 2, 28)).is_empty());
    assert_eq!(index.on_this_day(date(2028, 2, 29)).len(), 1);
}

#[test]
fn reflection_days_are_the_days_with_entries() {
    let mut index = journal();
    index.replace_day(Day::new(date(2026, 1, 5)));
    let days: Vec<NaiveDate> = index.reflection_days(2026).into_iter().collect();
    assert_eq!(days, vec![date(2026, 11, 20), date(2026, 11, 24)]);
}
