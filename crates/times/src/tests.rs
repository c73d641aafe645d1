//! Table-driven tests of the whole stage, the seed article, and properties on any input.

use super::*;
use byline_doc::{Meta, TimeType};
use chrono::NaiveDate;
use proptest::prelude::*;

/// Monday 23 June 2025, the seed article's date.
fn monday() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 6, 23)
}

/// Runs the stage over `text` as one sentence.
fn run_doc(text: &str, anchor: Option<NaiveDate>) -> Document {
    let mut doc = document(text, vec![Span::new(0, text.len())], anchor);
    Times
        .process(&mut doc)
        .expect("the stage never rejects a document");
    doc
}

/// A document with clean text, sentences and a publication date.
fn document(text: &str, sentences: Vec<Span>, date: Option<NaiveDate>) -> Document {
    Document {
        text: text.to_string(),
        sentences,
        meta: Meta {
            date,
            ..Meta::default()
        },
        ..Document::default()
    }
}

fn run(text: &str, anchor: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
    let doc = run_doc(text, anchor);
    doc.times
        .iter()
        .map(|t| (doc.slice(t.span).to_string(), t.value.clone()))
        .collect()
}

/// A sentence and the (span text, value) pairs expected from it, in order.
type Case = (
    &'static str,
    &'static [(&'static str, Option<&'static str>)],
);

/// Cases against Monday 23 June 2025.
#[rustfmt::skip]
const CASES: &[Case] = &[
    // weekdays and tense
    ("The president met the Prime Minister on Monday afternoon.", &[("Monday afternoon", Some("2025-06-23TAF"))]),
    ("Talks were held on Friday.", &[("Friday", Some("2025-06-20"))]),
    ("Leaders will meet on Tuesday.", &[("Tuesday", Some("2025-06-24"))]),
    ("The vote will take place at 10am on Tuesday.", &[("10am on Tuesday", Some("2025-06-24T10:00"))]),
    ("He will return on Monday.", &[("Monday", Some("2025-06-30"))]),
    ("He will speak later on Monday.", &[("Monday", Some("2025-06-23"))]),
    ("Protests erupted on Saturday night.", &[("Saturday night", Some("2025-06-21TNI"))]),
    ("The summit is set to open next Wednesday.", &[("next Wednesday", Some("2025-06-25"))]),
    ("She arrived last Monday.", &[("last Monday", Some("2025-06-16"))]),
    ("On Thursday, ministers will vote.", &[("Thursday", Some("2025-06-26"))]),
    ("The deal was signed on Monday 23 June 2025.", &[("Monday 23 June 2025", Some("2025-06-23"))]),
    ("The talks are due to resume on Wednesday morning.", &[("Wednesday morning", Some("2025-06-25TMO"))]),
    ("Black Friday sales rose.", &[]),
    ("Every weekday the Sunday Times prints.", &[]),
    ("The market opens on Mondays.", &[("Mondays", Some("XXXX-WXX-1"))]),
    ("He said on Friday he will resign.", &[("Friday", Some("2025-06-20"))]),
    ("Schools will stay closed until Friday.", &[("Friday", Some("2025-06-27"))]),
    ("More rain was expected on Thursday.", &[("Thursday", Some("2025-06-26"))]),
    ("Leeds host Derby on Tuesday.", &[("Tuesday", Some("2025-06-24"))]),
    ("The Sunday Times reported it on Sunday.", &[("Sunday", Some("2025-06-22"))]),
    ("He has been told to finish before the winter.", &[("the winter", Some("2025-WI"))]),
    ("The group said it would report in October.", &[("October", Some("2025-10"))]),
    ("Prices have risen since March.", &[("March", Some("2025-03"))]),
    ("Subsidies ended at the end of May last year.", &[("the end of May last year", Some("2024-05"))]),
    ("In September this year, flights resume.", &[("September this year", Some("2025-09"))]),
    // relative days
    ("Officials said today that the talks had failed.", &[("today", Some("2025-06-23"))]),
    ("The strike happened yesterday afternoon.", &[("yesterday afternoon", Some("2025-06-22TAF"))]),
    ("The results will be announced tomorrow.", &[("tomorrow", Some("2025-06-24"))]),
    ("He will speak tonight.", &[("tonight", Some("2025-06-23TNI"))]),
    ("Sirens sounded last night.", &[("last night", Some("2025-06-22TNI"))]),
    ("Russia fired drones at Kyiv overnight, killing two.", &[("overnight", Some("2025-06-22TNI"))]),
    ("The minister spoke earlier today.", &[("earlier today", Some("2025-06-23"))]),
    ("Ministers met this morning.", &[("this morning", Some("2025-06-23TMO"))]),
    ("The day before yesterday was calm.", &[("The day before yesterday", Some("2025-06-21"))]),
    // weeks, months, years, seasons, quarters
    ("A crunch summit this week.", &[("this week", Some("2025-W26"))]),
    ("Prices fell last week.", &[("last week", Some("2025-W25"))]),
    ("Talks resume next week.", &[("next week", Some("2025-W27"))]),
    ("Fans gathered this weekend.", &[("this weekend", Some("2025-W26-WE"))]),
    ("Fans gathered at the weekend.", &[("the weekend", Some("2025-W25-WE"))]),
    ("Sales fell last month.", &[("last month", Some("2025-05"))]),
    ("The law takes effect next month.", &[("next month", Some("2025-07"))]),
    ("Growth slowed earlier this month.", &[("earlier this month", Some("2025-06"))]),
    ("Elections will be held later this year.", &[("later this year", Some("2025"))]),
    ("Inflation rose last year.", &[("last year", Some("2024"))]),
    ("Prices rose sharply late last year.", &[("late last year", Some("2024"))]),
    ("This summer will be hot.", &[("This summer", Some("2025-SU"))]),
    ("It rained all last summer.", &[("last summer", Some("2024-SU"))]),
    ("Profits rose last quarter.", &[("last quarter", Some("2025-Q1"))]),
    ("The company grew in the first quarter.", &[("the first quarter", Some("2025-Q1"))]),
    ("Revenue will rise in the fourth quarter of 2024.", &[("the fourth quarter of 2024", Some("2024-Q4"))]),
    ("Sales rose in the first half of the year.", &[("the first half of the year", Some("2025-H1"))]),
    ("Costs fell in the second half of 2024.", &[("the second half of 2024", Some("2024-H2"))]),
    ("He scored early in the second half.", &[]),
    ("Growth stalled in the past decade.", &[("the past decade", Some("P10Y"))]),
    ("Debt will fall by the end of the year.", &[("the end of the year", Some("2025"))]),
    // the day before / after, ago
    ("His visit takes place the day before Nato leaders are set to meet.", &[("the day before", Some("2025-06-23"))]),
    ("He had arrived the day before.", &[("the day before", Some("2025-06-22"))]),
    ("She left the day after.", &[("the day after", Some("2025-06-24"))]),
    ("The ceasefire began two days ago.", &[("two days ago", Some("2025-06-21"))]),
    ("The law passed a week ago.", &[("a week ago", Some("2025-06-16"))]),
    ("The war began two years ago.", &[("two years ago", Some("2023"))]),
    ("The plant shut six months ago.", &[("six months ago", Some("2024-12"))]),
    // explicit dates, months, years, decades
    ("The treaty was signed on 23 June 2025.", &[("23 June 2025", Some("2025-06-23"))]),
    ("It was signed on June 23, 2025, in Paris.", &[("June 23, 2025", Some("2025-06-23"))]),
    ("The vote is on June 30.", &[("June 30", Some("2025-06-30"))]),
    ("He died on 14 March.", &[("14 March", Some("2025-03-14"))]),
    ("The hearing was on Jan. 5 in Boston.", &[("Jan. 5", Some("2025-01-05"))]),
    ("The party is on 2 July.", &[("2 July", Some("2025-07-02"))]),
    ("The report is dated 2025-06-23.", &[("2025-06-23", Some("2025-06-23"))]),
    ("Sales peaked in June 2025.", &[("June 2025", Some("2025-06"))]),
    ("The plant closed in March.", &[("March", Some("2025-03"))]),
    ("The plant closed in September.", &[("September", Some("2024-09"))]),
    ("The plant will reopen in September.", &[("September", Some("2025-09"))]),
    ("Troops left in mid-March.", &[("mid-March", Some("2025-03"))]),
    ("In 2019, the company was sold.", &[("2019", Some("2019"))]),
    ("He has lived there since 2014.", &[("2014", Some("2014"))]),
    ("Prices doubled between 2019 and 2021.", &[("2019", Some("2019")), ("2021", Some("2021"))]),
    ("It was a hit in the 1990s.", &[("the 1990s", Some("199"))]),
    ("Cities grew in the 21st century.", &[("the 21st century", Some("20"))]),
    ("She may come in May.", &[("May", Some("2025-05"))]),
    // times of day
    ("The meeting starts at 3pm.", &[("3pm", Some("2025-06-23T15:00"))]),
    ("The train left at 3.30pm.", &[("3.30pm", Some("2025-06-23T15:30"))]),
    ("The train left at 7 p.m. sharp.", &[("7 p.m.", Some("2025-06-23T19:00"))]),
    ("Polls close at 10:30.", &[("10:30", Some("2025-06-23T10:30"))]),
    ("They met at noon on Friday.", &[("noon on Friday", Some("2025-06-20T12:00"))]),
    ("Shots were heard at midnight.", &[("midnight", Some("2025-06-23T00:00"))]),
    ("He landed at 9am yesterday.", &[("9am yesterday", Some("2025-06-22T09:00"))]),
    // durations
    ("Leaders gather for a two-day summit.", &[("two-day", Some("P2D"))]),
    ("It is the 100-year agreement.", &[("100-year", Some("P100Y"))]),
    ("He was given a six-year sentence.", &[("six-year", Some("P6Y"))]),
    ("A three-month review began.", &[("three-month", Some("P3M"))]),
    ("Unions called a 24-hour strike.", &[("24-hour", Some("PT24H"))]),
    ("The talks lasted three weeks.", &[("three weeks", Some("P3W"))]),
    ("He served 10 years in jail.", &[("10 years", Some("P10Y"))]),
    ("The project took six months.", &[("six months", Some("P6M"))]),
    ("Troops have 48 hours to leave.", &[("48 hours", Some("PT48H"))]),
    ("The war has lasted two decades.", &[("two decades", Some("P20Y"))]),
    ("He lived there for a year.", &[("a year", Some("P1Y"))]),
    ("The talks are expected to last two days.", &[("two days", Some("P2D"))]),
    ("Sales rose over the last three years.", &[("the last three years", Some("P3Y"))]),
    ("The queue lasted half an hour.", &[("half an hour", Some("PT30M"))]),
    ("Prices rose over the past two years.", &[("the past two years", Some("P2Y"))]),
    ("A year-long inquiry began.", &[("year-long", Some("P1Y"))]),
    // sets
    ("The market opens every Monday.", &[("every Monday", Some("XXXX-WXX-1"))]),
    ("The magazine is published weekly.", &[("weekly", Some("P1W"))]),
    ("The festival is held every year.", &[("every year", Some("P1Y"))]),
    ("Prices are reviewed annually.", &[("annually", Some("P1Y"))]),
    ("Patients are checked daily.", &[("daily", Some("P1D"))]),
    ("They meet twice a week.", &[("twice a week", Some("P1W"))]),
    ("Buses run every two hours.", &[("every two hours", Some("PT2H"))]),
    // no calendar value
    ("He scored in the 89th minute.", &[("the 89th minute", None)]),
    ("Fighting has intensified in recent weeks.", &[("recent weeks", None)]),
    // not times
    ("Richardson, via USA Today, said it.", &[]),
    ("It formed 13.8 billion years after the Big Bang.", &[("13.8 billion years", Some("P13800000000Y"))]),
    ("One day he will return.", &[]),
    ("It began in the Six-Day War.", &[]),
    ("The decades-long conflict goes on.", &[("decades-long", None)]),
    ("It scored a total of 2000 points.", &[]),
    ("The 2012 through 2015 models sold well.", &[("2012", Some("2012")), ("2015", Some("2015"))]),
    ("A 55-year old man died.", &[]),
    ("It took one-third of the votes and two-three weeks.", &[]),
    ("At least 10 civilians died in 13 countries.", &[]),
    ("A 20-year-old man was arrested.", &[]),
    ("May I ask a question?", &[]),
    ("Protesters will march on the embassy.", &[]),
    ("He spoke at No 10 about the G7.", &[]),
    ("The match ended 2-1.", &[]),
    ("The bill cost £2025 and rose 2025%.", &[]),
    ("It raised 2,024 dollars for 2019 people.", &[]),
    ("The Daily Mail reported it.", &[]),
    ("March on, the general said.", &[]),
    ("April Jones and Mr August met Sun reporters.", &[]),
    ("The fall of Kabul was a shock.", &[]),
    ("He was there at the end of the day.", &[]),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let got = run(text, monday());
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(t, v)| (t.to_string(), v.map(str::to_string)))
            .collect();
        if got != want {
            failures.push(format!("{text:?}\n   got:  {got:?}\n   want: {want:?}"));
        }
    }
    eprintln!("table: {} cases", CASES.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn types() {
    let doc = run_doc(
        "On Monday afternoon, this week, for two-day talks held every Monday at 3pm.",
        monday(),
    );
    let types: Vec<_> = doc.times.iter().map(|t| t.ttype).collect();
    assert_eq!(
        types,
        [
            TimeType::Time,
            TimeType::Date,
            TimeType::Duration,
            TimeType::Set,
            TimeType::Time
        ]
    );
    let unresolved = run_doc("He scored in the 89th minute.", monday());
    assert_eq!(unresolved.times[0].ttype, TimeType::Time);
}

#[test]
fn without_anchor_only_explicit_dates_resolve() {
    let got = run(
        "He met them on Monday and signed on 23 June 2025 a two-day deal.",
        None,
    );
    assert_eq!(
        got,
        [
            ("Monday".to_string(), None),
            ("23 June 2025".to_string(), Some("2025-06-23".to_string())),
            ("two-day".to_string(), Some("P2D".to_string())),
        ]
    );
}

#[test]
fn reference_date_wins_over_meta_date() {
    let text = "It happened yesterday.";
    let mut doc = document(text, vec![Span::new(0, text.len())], monday());
    doc.reference_date = NaiveDate::from_ymd_opt(2020, 1, 1);
    Times.process(&mut doc).unwrap();
    assert_eq!(doc.times[0].value.as_deref(), Some("2019-12-31"));
}

#[test]
fn paragraphs_stand_in_for_missing_sentences() {
    let mut doc = document(
        "Talks ended on Friday.\n\nThey resume next week.",
        vec![],
        monday(),
    );
    Times.process(&mut doc).unwrap();
    let values: Vec<_> = doc.times.iter().map(|t| t.value.as_deref()).collect();
    assert_eq!(values, [Some("2025-06-20"), Some("2025-W27")]);
}

#[test]
fn stage_contract() {
    assert_eq!(Times::new().name(), "times");
    assert_eq!(Times.requires(), &[Layer::Sentences]);
    assert_eq!(Times.produces(), &[Layer::Times]);
}

// ----- the seed article ----------------------------------------------------------------------

/// Sentences the naive way: each paragraph split at ". " before an uppercase letter or a quote.
fn naive_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    for p in paragraph_spans(text) {
        let mut start = p.start;
        let para = &text[p.start..p.end];
        for (at, _) in para.match_indices(". ") {
            let next = para[at + 2..].chars().next();
            if next.is_some_and(|c| c.is_uppercase() || byline_doc::text::is_quote_mark(c)) {
                spans.push(Span::new(start, p.start + at + 1));
                start = p.start + at + 2;
            }
        }
        spans.push(Span::new(start, p.end));
    }
    spans
}

#[test]
fn seed_article() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/golden/seed-article.txt"
    );
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("skipping seed_article: {path} is missing");
        return;
    };
    // The first paragraph is the date line and a donation appeal that cleaning removes.
    let body = raw
        .split_once("\n\n")
        .map_or(raw.as_str(), |(_, b)| b)
        .trim_end();
    let mut doc = document(body, naive_sentences(body), monday());
    Times.process(&mut doc).unwrap();
    let got: Vec<_> = doc
        .times
        .iter()
        .map(|t| (doc.slice(t.span), t.value.as_deref().unwrap_or("null")))
        .collect();
    let want = [
        ("this week", "2025-W26"),
        ("Monday afternoon", "2025-06-23TAF"),
        ("Monday", "2025-06-23"),
        ("this afternoon", "2025-06-23TAF"),
        ("100-year", "P100Y"),
        ("overnight", "2025-06-22TNI"),
        ("the day before", "2025-06-23"),
        ("two-day", "P2D"),
    ];
    assert_eq!(got, want);
    let monday_visits = doc.times[2].span;
    assert!(doc.text[monday_visits.start..].starts_with("Monday visits"));
}

// ----- properties ------------------------------------------------------------------------------

/// Every span is non-empty, within the text, on char boundaries, in order and disjoint, and
/// every value has the shape of its type.
fn check_spans(doc: &Document) -> Result<(), TestCaseError> {
    let mut last = 0;
    for t in &doc.times {
        let Span { start, end } = t.span;
        prop_assert!(
            start < end && end <= doc.text.len(),
            "span {start}..{end} out of range"
        );
        prop_assert!(doc.text.is_char_boundary(start) && doc.text.is_char_boundary(end));
        prop_assert!(
            start >= last,
            "span {start}..{end} overlaps or is out of order"
        );
        last = end;
        if let Some(v) = &t.value {
            let shaped = match t.ttype {
                TimeType::Duration => v.starts_with('P'),
                TimeType::Set => v.starts_with('P') || v.starts_with("XXXX"),
                TimeType::Date | TimeType::Time => v
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':'),
            };
            prop_assert!(shaped && !v.is_empty(), "{:?} value {v:?}", t.ttype);
        }
    }
    Ok(())
}

fn run_all_ways(text: &str, cuts: &[usize]) -> Result<(), TestCaseError> {
    for anchor in [
        monday(),
        None,
        NaiveDate::from_ymd_opt(9999, 12, 31),
        NaiveDate::MIN.into(),
    ] {
        let mut doc = run_doc(text, anchor);
        check_spans(&doc)?;
        doc.sentences = naive_sentences(text);
        Times.process(&mut doc).unwrap();
        check_spans(&doc)?;
        // arbitrary (possibly broken) sentence spans must not panic either
        doc.sentences = cuts
            .windows(2)
            .map(|w| Span::new(w[0].min(w[1]), w[0].max(w[1])))
            .collect();
        Times.process(&mut doc).unwrap();
        check_spans(&doc)?;
    }
    Ok(())
}

/// What joins two vocabulary items.
const SEPS: &[&str] = &[" ", "", ", "];

/// Words, numbers and marks that time expressions are made of.
#[rustfmt::skip]
const VOCAB: &[&str] = &[
    "Monday", "Mondays", "afternoon", "night", "this", "last", "next", "the", "day", "before",
    "after", "two", "-", "100", "year", "years", "weeks", "ago", "a", "an", "in", "on", "at", "3",
    "pm", "p", ".", "m", "10:30", "3.30pm", "2025", "1990s", "June", "Jan", "23", "23rd", ",", "’s",
    "'", "May", "March", "every", "other", "weekly", "Daily", "overnight", "tonight", "yesterday",
    "will", "is", "set", "to", "be", "held", "mid-", "£", "%", "89th", "minute", "half", "hour",
    "Q2", "quarter", "first", "of", "end", "early", "late", "summer", "weekend", "twice", "times",
    "few", "recent", "noon", "o'clock", "é", "—", "“", "”", "\n\n", "2025-06-23", "2-1", "9999",
    "0", "31", "99999999999999999999", "century", "21st", "decades", "trillion", "hundred",
    "billion", "13.8", "1,000", "once", "per", "since", "would", "due", "Q4", "second", "Sunday",
    "Times", "USA", "Today",
];

proptest! {
    #[test]
    fn any_text_is_safe(text in "\\PC{0,200}", cuts in prop::collection::vec(0usize..260, 0..6)) {
        run_all_ways(&text, &cuts)?;
    }

    #[test]
    fn time_words_are_safe(
        words in prop::collection::vec((prop::sample::select(VOCAB), prop::sample::select(SEPS)), 0..40),
        cuts in prop::collection::vec(0usize..300, 0..6),
    ) {
        let text: String = words.iter().flat_map(|(w, sep)| [*w, *sep]).collect();
        run_all_ways(&text, &cuts)?;
    }
}

/// Throughput on the seed article; run with
/// `cargo test -p byline-times --release -- --ignored --nocapture throughput`.
#[test]
#[ignore]
fn throughput() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/golden/seed-article.txt"
    );
    let Ok(raw) = std::fs::read_to_string(path) else {
        return;
    };
    let text = raw.repeat(200);
    let mut doc = document(&text, naive_sentences(&text), monday());
    let words = doc.text.split_whitespace().count();
    let started = std::time::Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        Times.process(&mut doc).unwrap();
        assert!(doc.times.len() >= 8 * 200);
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "times: {:.2} M words/s",
        (words * rounds) as f64 / secs / 1e6
    );
}
