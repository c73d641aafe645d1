/*!
The byline `quantities` stage: finds the numeric claims of an article ("at least 10 civilians",
"$4.2 billion", "20 per cent", "two-thirds") and records each with its value, its unit and its
hedge.

A claim's span covers the hedge, the number and what is counted: "at least 10 civilians" is
value 10, unit "civilians", qualifier "at least". The unit is the counted noun in the plural
("one person" → "people"), an ISO currency code for money, "percent", "percentage points" or,
for word fractions, "fraction". A number with no noun after it takes the unit of the previous
claim of its sentence when it ends a clause or is followed by a preposition ("killing at least
10 civilians including seven in Kyiv": "seven in Kyiv" counts civilians).

Not claims: vague amounts ("dozens", "hundreds of"), numbers inside time expressions (the
[`Layer::Times`] layer: durations, dates) or entity names ([`Layer::Mentions`]: "No 10",
"G7"), years, ordinals, match scores ("2-1"), clock times, phone and list numbers, hyphenated
compounds ("100-year", "two-day"), and references back to something already counted ("the two
leaders", "those two countries", "one of them").

# Brief overview
- [`Quantities`]: the stage; it reads `text`, `sentences`, `times` and `mentions` and fills
  `quantities` in text order, with byte spans that never overlap.
- Inside, a hand-written scanner tokenises each sentence once and reads
  `[hedge] [currency] number [scale] [unit]` at every token that can start a number; word
  tables (hedges, currencies, irregular plurals, function words) are data in a private module,
  number words come from [`byline_lexicon::numbers`].

# Example
```
use byline_doc::{Document, Qualifier, Span, Stage};
use byline_quantities::Quantities;

let mut doc = Document::from_text("a.txt", "");
doc.text = "Russia fired 352 drones, killing at least 10 civilians.".to_string();
doc.sentences = vec![Span::new(0, doc.text.len())];
Quantities::default().process(&mut doc).unwrap();

let q = &doc.quantities[1];
assert_eq!(doc.slice(q.span), "at least 10 civilians");
assert_eq!(q.value, 10.0);
assert_eq!(q.unit.as_deref(), Some("civilians"));
assert_eq!(q.qualifier, Some(Qualifier::AtLeast));
```
*/
#![deny(missing_docs)]

mod lexicon;
mod scan;

use byline_doc::{Document, Layer, Span, Stage, StageError};

/// The quantities stage. It holds no state: all its tables are compiled in, so building it is
/// free and one value serves every thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct Quantities {
    _private: (),
}

impl Quantities {
    /// The stage, ready to use (same as `Quantities::default()`).
    pub fn new() -> Quantities {
        Quantities::default()
    }
}

impl Stage for Quantities {
    fn name(&self) -> &'static str {
        "quantities"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Times, Layer::Mentions]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Quantities]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let found = {
            let text = doc.text.as_str();
            let times = merged(doc.times.iter().map(|t| t.span));
            let names = merged(doc.mentions.iter().map(|m| m.span));
            let mut out = Vec::new();
            let mut toks = Vec::new();
            for seg in segments(text, &doc.sentences) {
                scan::tokenize(text, seg.start, seg.end, &mut toks);
                let sentence = scan::Sentence {
                    text,
                    toks: &toks,
                    times: &times,
                    names: &names,
                };
                sentence.scan(&mut out);
            }
            out
        };
        doc.quantities.extend(found);
        Ok(())
    }
}

/// Spans sorted by start with overlapping ones merged, so that a binary search can tell
/// whether a range touches any of them.
fn merged(spans: impl Iterator<Item = Span>) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = spans
        .filter(|s| s.start < s.end)
        .map(|s| (s.start, s.end))
        .collect();
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The stretches of text to scan: the sentences, sorted, clipped so that they do not overlap
/// and checked to lie on char boundaries; without sentences, the paragraphs.
fn segments(text: &str, sentences: &[Span]) -> Vec<Span> {
    let mut segs: Vec<Span> = sentences
        .iter()
        .copied()
        .filter(|s| s.start < s.end && text.get(s.start..s.end).is_some())
        .collect();
    if segs.is_empty() {
        let mut from = 0;
        for part in text.split("\n\n") {
            segs.push(Span::new(from, from + part.len()));
            from += part.len() + 2;
        }
        return segs;
    }
    segs.sort_unstable();
    let mut floor = 0;
    for s in &mut segs {
        s.start = s.start.max(floor);
        s.end = s.end.max(s.start);
        floor = s.end;
    }
    segs.retain(|s| !s.is_empty());
    segs
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_doc::{EntityType, Mention, MentionKind, Qualifier, TimeExpr, TimeType};
    use proptest::prelude::*;

    /// Naive sentence spans: paragraphs split at "\n\n", then after ". " when an upper-case
    /// letter or a quotation mark follows.
    fn naive_sentences(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut para_start = 0;
        for para in text.split("\n\n") {
            let mut start = para_start;
            let end = para_start + para.len();
            let mut k = para_start;
            while let Some(off) = text[k..end].find(". ") {
                let cut = k + off + 1;
                let next = text[cut + 1..end].chars().next();
                if next.is_some_and(|c| c.is_uppercase() || byline_doc::text::is_quote_mark(c)) {
                    out.push(Span::new(start, cut));
                    start = cut + 1;
                }
                k = cut + 1;
            }
            if start < end {
                out.push(Span::new(start, end));
            }
            para_start = end + 2;
        }
        out
    }

    fn doc_for(text: &str) -> Document {
        let mut doc = Document::from_text("t", "");
        doc.text = text.to_string();
        doc.sentences = naive_sentences(text);
        doc
    }

    type Row = (String, f64, Option<String>, Option<&'static str>);

    fn rows(doc: &Document) -> Vec<Row> {
        doc.quantities
            .iter()
            .map(|q| {
                (
                    doc.slice(q.span).to_string(),
                    q.value,
                    q.unit.clone(),
                    q.qualifier.map(Qualifier::as_str),
                )
            })
            .collect()
    }

    fn run(text: &str) -> Vec<Row> {
        let mut doc = doc_for(text);
        Quantities::new().process(&mut doc).unwrap();
        rows(&doc)
    }

    type Want = (
        &'static str,
        f64,
        Option<&'static str>,
        Option<&'static str>,
    );

    /// Runs the stage on `text`; a description of the difference when it is not `want`.
    fn check(text: &str, want: &[Want]) -> Option<String> {
        let got = run(text);
        let want: Vec<Row> = want
            .iter()
            .map(|&(t, v, u, q)| (t.to_string(), v, u.map(str::to_string), q))
            .collect();
        let same = got.len() == want.len()
            && got.iter().zip(&want).all(|(g, w)| {
                g.0 == w.0
                    && (g.1 - w.1).abs() <= 1e-9 * w.1.abs().max(1.0)
                    && g.2 == w.2
                    && g.3 == w.3
            });
        (!same).then(|| format!("{text:?}\n   got {got:?}\n  want {want:?}"))
    }

    const CASES: &[(&str, &[Want])] = &[
        // digits and counted nouns
        (
            "Russia fired 352 drones and 16 missiles at Ukraine overnight.",
            &[
                ("352 drones", 352.0, Some("drones"), None),
                ("16 missiles", 16.0, Some("missiles"), None),
            ],
        ),
        (
            "Three senior officials resigned.",
            &[("Three senior officials", 3.0, Some("officials"), None)],
        ),
        (
            "The city has 3 million residents.",
            &[("3 million residents", 3e6, Some("residents"), None)],
        ),
        (
            "The scheme reached 1.5m households.",
            &[("1.5m households", 1.5e6, Some("households"), None)],
        ),
        (
            "The ship carried 40 crew.",
            &[("40 crew", 40.0, Some("crew"), None)],
        ),
        (
            "Farmers there own 5,000 sheep.",
            &[("5,000 sheep", 5000.0, Some("sheep"), None)],
        ),
        (
            "The army lost 16 Storm Shadow missiles.",
            &[("16 Storm Shadow missiles", 16.0, Some("missiles"), None)],
        ),
        (
            "Some 2000 students took part.",
            &[(
                "Some 2000 students",
                2000.0,
                Some("students"),
                Some("about"),
            )],
        ),
        (
            "The wall is 10km long.",
            &[("10km", 10.0, Some("km"), None)],
        ),
        (
            "Prices rose for 4.2 tonnes of grain.",
            &[("4.2 tonnes", 4.2, Some("tonnes"), None)],
        ),
        ("Seven died.", &[("Seven", 7.0, None, None)]),
        // number words
        (
            "Twenty-five protesters were arrested.",
            &[("Twenty-five protesters", 25.0, Some("protesters"), None)],
        ),
        (
            "A dozen ambulances arrived.",
            &[("A dozen ambulances", 12.0, Some("ambulances"), None)],
        ),
        (
            "Police said a hundred people came.",
            &[("a hundred people", 100.0, Some("people"), None)],
        ),
        (
            "Half a million people fled.",
            &[("Half a million people", 5e5, Some("people"), None)],
        ),
        (
            "Officials counted two thousand three hundred and fifty votes.",
            &[(
                "two thousand three hundred and fifty votes",
                2350.0,
                Some("votes"),
                None,
            )],
        ),
        // the singular becomes plural
        (
            "One person was killed.",
            &[("One person", 1.0, Some("people"), None)],
        ),
        (
            "Police said one soldier died.",
            &[("one soldier", 1.0, Some("soldiers"), None)],
        ),
        (
            "Police arrested one man and two women.",
            &[
                ("one man", 1.0, Some("men"), None),
                ("two women", 2.0, Some("women"), None),
            ],
        ),
        (
            "She has one child.",
            &[("one child", 1.0, Some("children"), None)],
        ),
        (
            "There was one senior official present.",
            &[("one senior official", 1.0, Some("officials"), None)],
        ),
        // hedges
        (
            "The strikes killed at least 10 civilians including seven in Kyiv.",
            &[
                (
                    "at least 10 civilians",
                    10.0,
                    Some("civilians"),
                    Some("at least"),
                ),
                ("seven in Kyiv", 7.0, Some("civilians"), None),
            ],
        ),
        (
            "About two hundred people gathered.",
            &[(
                "About two hundred people",
                200.0,
                Some("people"),
                Some("about"),
            )],
        ),
        (
            "Some 1.5 million refugees fled.",
            &[(
                "Some 1.5 million refugees",
                1.5e6,
                Some("refugees"),
                Some("about"),
            )],
        ),
        (
            "More than 1,200 homes lost power.",
            &[(
                "More than 1,200 homes",
                1200.0,
                Some("homes"),
                Some("more than"),
            )],
        ),
        (
            "Fewer than 40 deputies voted.",
            &[(
                "Fewer than 40 deputies",
                40.0,
                Some("deputies"),
                Some("less than"),
            )],
        ),
        (
            "Up to 5,000 troops could go.",
            &[("Up to 5,000 troops", 5000.0, Some("troops"), Some("up to"))],
        ),
        (
            "At most 12 boats crossed.",
            &[("At most 12 boats", 12.0, Some("boats"), Some("at most"))],
        ),
        (
            "Nearly 300 families left.",
            &[(
                "Nearly 300 families",
                300.0,
                Some("families"),
                Some("about"),
            )],
        ),
        (
            "Over 90 ships sank.",
            &[("Over 90 ships", 90.0, Some("ships"), Some("more than"))],
        ),
        (
            "An estimated 20,000 people marched.",
            &[(
                "An estimated 20,000 people",
                20000.0,
                Some("people"),
                Some("about"),
            )],
        ),
        (
            "It hit no more than 30 targets.",
            &[(
                "no more than 30 targets",
                30.0,
                Some("targets"),
                Some("at most"),
            )],
        ),
        // money
        (
            "The deal is worth $4.2 billion.",
            &[("$4.2 billion", 4.2e9, Some("USD"), None)],
        ),
        (
            "The club paid £45m for him.",
            &[("£45m", 45e6, Some("GBP"), None)],
        ),
        (
            "The EU pledged €1.3bn in aid.",
            &[("€1.3bn", 1.3e9, Some("EUR"), None)],
        ),
        (
            "It raised US$2.5 trillion.",
            &[("US$2.5 trillion", 2.5e12, Some("USD"), None)],
        ),
        (
            "He was fined 5 million dollars.",
            &[("5 million dollars", 5e6, Some("USD"), None)],
        ),
        (
            "The house sold for £300,000.",
            &[("£300,000", 300000.0, Some("GBP"), None)],
        ),
        (
            "Sales reached ¥500bn.",
            &[("¥500bn", 5e11, Some("JPY"), None)],
        ),
        (
            "They lost at least £5m last year.",
            &[("at least £5m", 5e6, Some("GBP"), Some("at least"))],
        ),
        (
            "It cost three million euros.",
            &[("three million euros", 3e6, Some("EUR"), None)],
        ),
        (
            "The 2024 budget rose to $2000.",
            &[("$2000", 2000.0, Some("USD"), None)],
        ),
        // percent
        (
            "Inflation rose to 20 per cent.",
            &[("20 per cent", 20.0, Some("percent"), None)],
        ),
        ("Turnout was 20%.", &[("20%", 20.0, Some("percent"), None)]),
        (
            "Support fell almost 20 percent.",
            &[("almost 20 percent", 20.0, Some("percent"), Some("about"))],
        ),
        (
            "Only five per cent agreed.",
            &[("five per cent", 5.0, Some("percent"), None)],
        ),
        (
            "Labour's lead grew by 4.5 percentage points.",
            &[(
                "4.5 percentage points",
                4.5,
                Some("percentage points"),
                None,
            )],
        ),
        // fractions
        (
            "Two-thirds of voters backed it.",
            &[("Two-thirds", 0.6667, Some("fraction"), None)],
        ),
        (
            "Almost half of the budget went.",
            &[("Almost half", 0.5, Some("fraction"), Some("about"))],
        ),
        (
            "A quarter of the staff left.",
            &[("A quarter", 0.25, Some("fraction"), None)],
        ),
        (
            "Three quarters of homes flooded.",
            &[("Three quarters", 0.75, Some("fraction"), None)],
        ),
        (
            "One in five adults smoke.",
            &[("One in five", 0.2, Some("fraction"), None)],
        ),
        (
            "More than half of them left.",
            &[("More than half", 0.5, Some("fraction"), Some("more than"))],
        ),
        // ellipsis and ranges
        (
            "Ukraine got 31 Abrams tanks from the US, and 14 from Britain.",
            &[
                ("31 Abrams tanks", 31.0, Some("tanks"), None),
                ("14", 14.0, Some("tanks"), None),
            ],
        ),
        (
            "Between 10 and 20 people were hurt.",
            &[
                ("10", 10.0, Some("people"), None),
                ("20 people", 20.0, Some("people"), None),
            ],
        ),
        (
            "Some 200 U.S. military personnel arrived.",
            &[(
                "Some 200 U.S. military personnel",
                200.0,
                Some("personnel"),
                Some("about"),
            )],
        ),
        (
            "NASA said nine US companies bid.",
            &[("nine US companies", 9.0, Some("companies"), None)],
        ),
        (
            "It will hold about ten canning jars.",
            &[("about ten canning jars", 10.0, Some("jars"), Some("about"))],
        ),
        (
            "After two more people died, 90 other papers closed.",
            &[
                ("two more people", 2.0, Some("people"), None),
                ("90 other papers", 90.0, Some("papers"), None),
            ],
        ),
        (
            "It stores 512GB of data.",
            &[("512GB", 512.0, Some("GB"), None)],
        ),
        (
            "The Browns had 11 hits.",
            &[("11 hits", 11.0, Some("hits"), None)],
        ),
        (
            "One Apple engineer left.",
            &[("One Apple engineer", 1.0, Some("engineers"), None)],
        ),
        (
            "Rebels freed one Ukrainian.",
            &[("one Ukrainian", 1.0, Some("Ukrainians"), None)],
        ),
        (
            "Israel holds more than 600,000 Israelis there.",
            &[(
                "more than 600,000 Israelis",
                600000.0,
                Some("Israelis"),
                Some("more than"),
            )],
        ),
        (
            "It shot down 25 of 30 drones.",
            &[
                ("25", 25.0, Some("drones"), None),
                ("30 drones", 30.0, Some("drones"), None),
            ],
        ),
        ("The fee is £10K.", &[("£10K", 1e4, Some("GBP"), None)]),
        (
            "Only 1 person came.",
            &[("1 person", 1.0, Some("people"), None)],
        ),
        (
            "Covid-19 killed 3 patients.",
            &[("3 patients", 3.0, Some("patients"), None)],
        ),
        (
            "The bill passed by 312 votes to 241, a majority of 71.",
            &[
                ("312 votes", 312.0, Some("votes"), None),
                ("241", 241.0, Some("votes"), None),
                ("71", 71.0, Some("votes"), None),
            ],
        ),
        (
            "Seven of the dead were children.",
            &[("Seven of the dead", 7.0, Some("people"), None)],
        ),
        (
            "Two of the hostages were freed.",
            &[("Two of the hostages", 2.0, Some("hostages"), None)],
        ),
        (
            "He served under three prime ministers.",
            &[("three prime ministers", 3.0, Some("prime ministers"), None)],
        ),
        (
            "It employs under 300 staff.",
            &[("under 300 staff", 300.0, Some("staff"), Some("less than"))],
        ),
        ("He is the one.", &[]),
        // not quantities
        ("They met in 2022.", &[]),
        ("In 2011 aims changed.", &[]),
        ("A cup and a half of honey.", &[]),
        (
            "The 2B Mindset plan and the 5500M chip, on 4K screens.",
            &[],
        ),
        ("Studies agree (10, 11).", &[]),
        ("One small, 2-month study found it.", &[]),
        ("Webb, 51, of Dallas was convicted.", &[]),
        ("It happened on May 18 and 29 November.", &[]),
        ("He called 911.", &[]),
        ("He bought the iPhone 11 and rated it a 129.", &[]),
        ("Especially one Apple has adopted.", &[]),
        ("Ford needed a sibling or two.", &[]),
        ("There should be zero shame.", &[]),
        ("He fell ill at the age of 9.", &[]),
        (
            "Dozens of people, hundreds of soldiers and several tanks came.",
            &[],
        ),
        ("Tens of thousands of people marched.", &[]),
        ("The agreement lasts 100 years.", &[]),
        ("It was his third visit, in the 89th minute.", &[]),
        ("Arsenal won 2-1 and Chelsea drew 3–0.", &[]),
        ("It starts at 3.30pm, or 10:30 tomorrow, or 10 am.", &[]),
        ("The two leaders met.", &[]),
        ("He described those two countries as allies.", &[]),
        ("Both sides lost their three best players.", &[]),
        ("No one was hurt, and one of them said the one thing.", &[]),
        ("He lives at No 10 and likes Covid-19 data and the G7.", &[]),
        ("Call 020 7946 0000 for details.", &[]),
        ("It was a two-day summit and a 100-year agreement.", &[]),
        ("1. Introduction", &[]),
        ("Article 5 applies, said Boeing 737 pilots.", &[]),
        ("He went to 10 Downing Street.", &[]),
        ("The man, aged 45, was held.", &[]),
        ("She scored in 1998 and in the 1990s.", &[]),
        ("It happened one day in May.", &[]),
    ];

    #[test]
    fn table() {
        assert!(CASES.len() >= 40);
        let failures: Vec<String> = CASES.iter().filter_map(|(t, w)| check(t, w)).collect();
        assert!(
            failures.is_empty(),
            "{} of {} cases differ:\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn times_and_mentions_block_numbers() {
        let text = "Talks lasted two days at No 10 and 300 people waited.";
        let mut doc = doc_for(text);
        let at = |s: &str| text.find(s).unwrap();
        doc.times.push(TimeExpr {
            span: Span::new(at("two days"), at("two days") + 8),
            ttype: TimeType::Duration,
            value: Some("P2D".into()),
        });
        doc.mentions.push(Mention {
            span: Span::new(at("No 10"), at("No 10") + 5),
            kind: MentionKind::Name,
            etype: EntityType::Loc,
            entity: None,
        });
        Quantities::new().process(&mut doc).unwrap();
        assert_eq!(
            rows(&doc),
            vec![("300 people".to_string(), 300.0, Some("people".into()), None)]
        );
    }

    #[test]
    fn no_sentences_falls_back_to_paragraphs() {
        let mut doc = Document::from_text("t", "");
        doc.text = "Three ships sank.\n\nFour crew died.".to_string();
        Quantities::new().process(&mut doc).unwrap();
        assert_eq!(doc.quantities.len(), 2);
        assert_eq!(doc.slice(doc.quantities[1].span), "Four crew");
    }

    #[test]
    fn stage_contract() {
        let s = Quantities::new();
        assert_eq!(s.name(), "quantities");
        assert_eq!(
            s.requires(),
            &[Layer::Sentences, Layer::Times, Layer::Mentions]
        );
        assert_eq!(s.produces(), &[Layer::Quantities]);
        assert!(!s.rewrites_text());
    }

    /// The seed article body, with the spans earlier stages would have found.
    fn seed_doc() -> Option<Document> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/golden/seed-article.txt"
        );
        let raw = std::fs::read_to_string(path).ok()?;
        // Drop the first paragraph (date line and donation appeal).
        let body = raw.split_once("\n\n")?.1.trim_end().to_string();
        let mut doc = doc_for(&body);
        for needle in ["two-day", "100-year"] {
            for (at, _) in body.match_indices(needle) {
                let span = Span::new(at, at + needle.len());
                doc.times.push(TimeExpr {
                    span,
                    ttype: TimeType::Duration,
                    value: None,
                });
            }
        }
        for (at, _) in body.match_indices("No 10") {
            doc.mentions.push(Mention {
                span: Span::new(at, at + 5),
                kind: MentionKind::Name,
                etype: EntityType::Loc,
                entity: None,
            });
        }
        doc.times.sort_by_key(|t| t.span);
        Some(doc)
    }

    #[test]
    fn seed_article() {
        let Some(mut doc) = seed_doc() else {
            eprintln!("seed article not found; skipping");
            return;
        };
        Quantities::new().process(&mut doc).unwrap();
        let want: Vec<Row> = vec![
            ("352 drones".into(), 352.0, Some("drones".into()), None),
            ("16 missiles".into(), 16.0, Some("missiles".into()), None),
            (
                "at least 10 civilians".into(),
                10.0,
                Some("civilians".into()),
                Some("at least"),
            ),
            ("seven in Kyiv".into(), 7.0, Some("civilians".into()), None),
            ("13 countries".into(), 13.0, Some("countries".into()), None),
        ];
        let mut got = rows(&doc);
        got.sort_by_key(|r| doc.text.find(r.0.as_str()));
        assert_eq!(got.len(), 5, "{got:?}");
        for w in &want {
            assert!(got.contains(w), "missing {w:?} in {got:?}");
        }
        for neg in [
            "100-year",
            "two-day",
            "No 10",
            "two leaders",
            "two countries",
        ] {
            assert!(
                got.iter().all(|r| !r.0.contains(neg)),
                "{neg} counted: {got:?}"
            );
        }
    }

    /// Spans on char boundaries, inside the text, sorted and disjoint; values finite.
    fn assert_well_formed(doc: &Document) {
        let mut last = 0;
        for q in &doc.quantities {
            assert!(q.span.start < q.span.end && q.span.end <= doc.text.len());
            assert!(
                doc.text.is_char_boundary(q.span.start) && doc.text.is_char_boundary(q.span.end)
            );
            assert!(q.span.start >= last, "overlap or disorder at {:?}", q.span);
            assert!(q.value.is_finite());
            last = q.span.end;
        }
    }

    const VOCAB: &[&str] = &[
        "one",
        "two",
        "seven",
        "twenty-five",
        "hundred",
        "thousand",
        "million",
        "billion",
        "a",
        "an",
        "and",
        "dozen",
        "half",
        "two-thirds",
        "third",
        "quarters",
        "of",
        "in",
        "the",
        "those",
        "at",
        "least",
        "more",
        "than",
        "up",
        "to",
        "about",
        "over",
        "per",
        "cent",
        "percent",
        "percentage",
        "points",
        "%",
        "$",
        "£",
        "€",
        "¥",
        "US$",
        "USD",
        "dollars",
        "pounds",
        "people",
        "person",
        "child",
        "drones",
        "soldiers",
        "senior",
        "officials",
        "Kyiv",
        "No",
        "10",
        "0",
        "1",
        "352",
        "1,200",
        "4.2",
        "1.5m",
        "45m",
        "1.3bn",
        "2-1",
        "3.30pm",
        "89th",
        "2022",
        "100-year",
        "two-day",
        "99999999999999999999",
        "1,2,3",
        ".",
        ",",
        ";",
        "(",
        ")",
        "“",
        "”",
        "’s",
        "é",
        "—",
        "-",
        "–",
        "\n\n",
        "Ünïcödé",
        "9.9.9",
        "12,345,678.90",
        "m",
        "bn",
        "k",
        "km",
        "pc",
        "am",
        "Street",
        "Downing",
        "one-third",
    ];

    fn vocab_text() -> impl Strategy<Value = String> {
        let piece = (
            prop::sample::select(VOCAB),
            prop::sample::select(&[" ", "", "  ", "\n"][..]),
        );
        prop::collection::vec(piece, 0..40)
            .prop_map(|v| v.into_iter().map(|(w, sep)| format!("{w}{sep}")).collect())
    }

    fn run_any(text: &str, extra: Option<(usize, usize)>) -> Document {
        let mut doc = doc_for(text);
        if let Some((a, b)) = extra {
            // Arbitrary (even broken) spans from earlier stages must not cause a panic.
            let (a, b) = (a % (text.len() + 2), b % (text.len() + 2));
            doc.times.push(TimeExpr {
                span: Span {
                    start: a.min(b),
                    end: a.max(b),
                },
                ttype: TimeType::Date,
                value: None,
            });
            doc.sentences.push(Span { start: a, end: b });
        }
        Quantities::new().process(&mut doc).unwrap();
        doc
    }

    proptest! {
        #[test]
        fn any_string_is_safe(text in "\\PC{0,200}") {
            assert_well_formed(&run_any(&text, None));
        }

        #[test]
        fn vocabulary_strings_are_safe(text in vocab_text(), a in 0usize..300, b in 0usize..300) {
            assert_well_formed(&run_any(&text, None));
            assert_well_formed(&run_any(&text, Some((a, b))));
        }
    }
}
