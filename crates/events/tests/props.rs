//! Property tests: random token soups with random annotations never make the stage panic, and
//! every event it reports points at things that exist.

use byline_doc::{
    Document, Entity, EntityType, Mention, MentionKind, QuotedRegion, Span, Stage, TimeExpr,
    TimeType, Token, TokenKind,
};
use byline_events::Events;
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "met",
    "meet",
    "meeting",
    "held",
    "talks",
    "with",
    "welcomed",
    "agreed",
    "deal",
    "signed",
    "treaty",
    "attack",
    "attacked",
    "fired",
    "missiles",
    "at",
    "struck",
    "strike",
    "summit",
    "visit",
    "visited",
    "trip",
    "to",
    "arrived",
    "in",
    "announced",
    "launched",
    "plan",
    "killed",
    "resigned",
    "stepped",
    "down",
    "elected",
    "won",
    "election",
    "arrested",
    "jailed",
    "protested",
    "injured",
    "the",
    "a",
    "pair",
    "two",
    "leaders",
    "they",
    "and",
    "as",
    "after",
    "who",
    "which",
    "said",
    "being",
    "not",
    "of",
    "between",
    "from",
    "near",
    "his",
    ",",
    ".",
    ";",
    "“",
    "”",
    "’s",
    "Zelensky",
    "Starmer",
    "Kyiv",
    "London",
    "Nato",
    "UK",
    "Meeting",
    "After",
    "The",
    "10",
    "ÿé",
    "—",
    "-",
];

fn etype(k: u8) -> EntityType {
    match k % 4 {
        0 => EntityType::Per,
        1 => EntityType::Org,
        2 => EntityType::Loc,
        _ => EntityType::Misc,
    }
}

/// A document over words picked from `VOCAB`, with annotations at random token positions.
fn soup(
    words: &[usize],
    cuts: &[usize],
    mentions: &[(usize, usize, Option<usize>, u8)],
    entity_types: &[u8],
    times: &[(usize, usize)],
    quotes: &[(usize, usize)],
) -> Document {
    let mut doc = Document::default();
    let mut text = String::new();
    let mut tokens = Vec::new();
    for &w in words {
        let word = VOCAB[w % VOCAB.len()];
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(word);
        let kind = match word {
            "“" | "”" => TokenKind::QuoteMark,
            "10" => TokenKind::Number,
            _ if word.chars().all(|c| !c.is_alphanumeric()) => TokenKind::Punct,
            _ => TokenKind::Word,
        };
        tokens.push(Token {
            span: Span::new(start, text.len()),
            kind,
        });
    }
    let n = tokens.len();
    let tok_span = |a: usize, len: usize| -> Span {
        if n == 0 {
            return Span::new(0, 0);
        }
        let a = a % n;
        let b = (a + len.max(1) - 1).min(n - 1);
        Span::new(tokens[a].span.start, tokens[b].span.end)
    };
    // sentences from sorted cut points
    let mut cut: Vec<usize> = cuts.iter().map(|c| c % (n + 1)).collect();
    cut.push(0);
    cut.push(n);
    cut.sort_unstable();
    cut.dedup();
    for pair in cut.windows(2) {
        if pair[1] > pair[0] {
            doc.sentences.push(Span::new(
                tokens[pair[0]].span.start,
                tokens[pair[1] - 1].span.end,
            ));
        }
    }
    for &k in entity_types {
        doc.entities.push(Entity {
            name: format!("E{k}"),
            etype: etype(k),
            mentions: Vec::new(),
        });
    }
    let mut ms: Vec<Mention> = mentions
        .iter()
        .map(|&(a, len, entity, k)| Mention {
            span: tok_span(a, len),
            kind: match k % 3 {
                0 => MentionKind::Name,
                1 => MentionKind::Nominal,
                _ => MentionKind::Pronoun,
            },
            etype: etype(k),
            // sometimes out of range on purpose
            entity,
        })
        .collect();
    ms.sort_by_key(|m| m.span.start);
    doc.mentions = ms;
    let mut ts: Vec<TimeExpr> = times
        .iter()
        .map(|&(a, len)| TimeExpr {
            span: tok_span(a, len),
            ttype: TimeType::Date,
            value: Some("2025-06-23".into()),
        })
        .collect();
    ts.sort_by_key(|t| t.span.start);
    doc.times = ts;
    let mut qs: Vec<QuotedRegion> = quotes
        .iter()
        .map(|&(a, len)| {
            let s = tok_span(a, len);
            QuotedRegion {
                content: s,
                open: Span::new(s.start, s.start),
                close: None,
                paragraph: 0,
                single: false,
            }
        })
        .collect();
    qs.sort_by_key(|q| q.open.start);
    doc.quoted = qs;
    doc.tokens = tokens;
    doc.text = text;
    doc
}

fn check_events(doc: &Document) {
    for e in &doc.events {
        assert!(!e.kind.is_empty());
        assert!(e.trigger.start <= e.trigger.end && e.trigger.end <= doc.text.len());
        assert!(doc.text.get(e.trigger.start..e.trigger.end).is_some());
        assert!(!e.participants.is_empty());
        for &p in &e.participants {
            assert!(p < doc.entities.len(), "participant {p}");
        }
        let mut uniq = e.participants.clone();
        uniq.sort_unstable();
        uniq.dedup();
        assert_eq!(uniq.len(), e.participants.len(), "duplicate participants");
        if let Some(p) = e.place {
            assert!(p < doc.entities.len());
            assert!(!e.participants.contains(&p));
        }
        if let Some(t) = e.time {
            assert!(t < doc.times.len());
        }
        assert!((0.0..=1.0).contains(&e.confidence));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn token_soups_never_panic(
        words in prop::collection::vec(0usize..200, 0..60),
        cuts in prop::collection::vec(0usize..100, 0..6),
        mentions in prop::collection::vec((0usize..100, 1usize..4, prop::option::of(0usize..8), any::<u8>()), 0..20),
        entity_types in prop::collection::vec(any::<u8>(), 0..6),
        times in prop::collection::vec((0usize..100, 1usize..3), 0..4),
        quotes in prop::collection::vec((0usize..100, 1usize..8), 0..3),
    ) {
        let mut doc = soup(&words, &cuts, &mentions, &entity_types, &times, &quotes);
        Events::default().process(&mut doc).unwrap();
        check_events(&doc);
    }

    #[test]
    fn arbitrary_spans_never_panic(
        text in "[a-zA-Zé“”,. ]{0,80}",
        spans in prop::collection::vec((0usize..120, 0usize..120), 0..30),
        entity in prop::option::of(0usize..4),
    ) {
        // annotations that need not line up with the text, nor with each other
        let mut doc = Document { text: text.clone(), ..Document::default() };
        doc.entities.push(Entity { name: "A".into(), etype: EntityType::Per, mentions: vec![] });
        doc.entities.push(Entity { name: "B".into(), etype: EntityType::Loc, mentions: vec![] });
        for (k, &(a, b)) in spans.iter().enumerate() {
            let span = Span { start: a, end: b };
            match k % 5 {
                0 => doc.sentences.push(span),
                1 | 2 => doc.tokens.push(Token { span, kind: TokenKind::Word }),
                3 => doc.mentions.push(Mention { span, kind: MentionKind::Name, etype: EntityType::Per, entity }),
                _ => doc.times.push(TimeExpr { span, ttype: TimeType::Date, value: None }),
            }
        }
        // and the text's own words as tokens, in order
        let mut at = 0;
        for w in text.split(' ') {
            doc.tokens.push(Token { span: Span { start: at, end: at + w.len() }, kind: TokenKind::Word });
            at += w.len() + 1;
        }
        Events::default().process(&mut doc).unwrap();
        check_events(&doc);
    }
}

#[test]
fn long_run_on_sentence_stays_fast() {
    // one 60,000-token "sentence" dense with triggers, mentions and group references
    let pattern = [
        "Zelensky", "met", "Starmer", ",", "the", "pair", "agreed", "treaty", "with", "Nato", "at",
        "Kyiv", "and", "fired", "missiles", "at", "UK", "who", "visited", "London",
    ];
    let index = |w: &str| VOCAB.iter().position(|v| *v == w).expect("in VOCAB");
    let words: Vec<usize> = (0..60_000)
        .map(|k| index(pattern[k % pattern.len()]))
        .collect();
    let mut doc = soup(
        &words,
        &[],
        &[],
        &[0, 1, 2, 3],
        &[(5, 1), (500, 2)],
        &[(100, 50)],
    );
    let names = [
        ("Zelensky", 0),
        ("Starmer", 0),
        ("Nato", 1),
        ("Kyiv", 2),
        ("UK", 2),
        ("London", 2),
    ];
    doc.mentions = (0..doc.tokens.len())
        .filter_map(|k| {
            let w = pattern[k % pattern.len()];
            let &(_, t) = names.iter().find(|n| n.0 == w)?;
            Some(Mention {
                span: doc.tokens[k].span,
                kind: MentionKind::Name,
                etype: etype(t),
                entity: Some(k % 3 + t as usize),
            })
        })
        .collect();
    let t = std::time::Instant::now();
    Events::default().process(&mut doc).unwrap();
    let took = t.elapsed();
    check_events(&doc);
    assert!(!doc.events.is_empty());
    assert!(took.as_secs_f64() < 5.0, "{took:?}");
}
