//! Builds small documents by hand for the events tests: paragraphs on blank lines, naive
//! sentences, a simple token scanner, curly-quote regions, and mentions/times from tables.
#![allow(dead_code)]

use byline_doc::text::{find_word, is_quote_mark};
use byline_doc::{
    Document, Entity, EntityType, Event, Mention, MentionKind, QuotedRegion, Span, Stage, TimeExpr,
    TimeType, Token, TokenKind,
};
use byline_events::Events;

/// A mention to place: its text (suffix `@N` picks only the N-th occurrence, from 0), the name of
/// its entity and the entity's type.
pub type M<'a> = (&'a str, &'a str, EntityType);

/// A time expression to place: its text and value.
pub type T<'a> = (&'a str, &'a str);

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep", "St", "Gen", "Col",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "his", "her", "him", "they", "them", "their", "it", "its", "we", "i",
];

/// A document over `text` with every annotation layer the events stage reads.
pub fn build(text: &str, mentions: &[M], times: &[T]) -> Document {
    let mut doc = Document::from_text("test.txt", text);
    doc.text = text.to_string();
    paragraphs_and_sentences(&mut doc);
    doc.tokens = tokenize(text);
    doc.quoted = quoted(&doc);
    place_mentions(&mut doc, mentions);
    place_times(&mut doc, times);
    doc
}

/// Shorthand for a document without times.
pub fn doc(text: &str, mentions: &[M]) -> Document {
    build(text, mentions, &[])
}

/// Runs the stage and returns the events.
pub fn run(doc: &mut Document) -> Vec<Event> {
    Events::default().process(doc).expect("events stage");
    doc.events.clone()
}

/// `kind 'trigger' [participant names] @place` for readable assertions.
pub fn show(doc: &Document, e: &Event) -> String {
    let names: Vec<&str> = e
        .participants
        .iter()
        .map(|&p| doc.entities[p].name.as_str())
        .collect();
    let mut s = format!(
        "{} '{}' [{}]",
        e.kind,
        doc.slice(e.trigger),
        names.join(", ")
    );
    if let Some(p) = e.place {
        s.push_str(&format!(" @{}", doc.entities[p].name));
    }
    s
}

/// All events of `doc`, shown.
pub fn shown(doc: &mut Document) -> Vec<String> {
    let events = run(doc);
    events.iter().map(|e| show(doc, e)).collect()
}

fn paragraphs_and_sentences(doc: &mut Document) {
    let text = doc.text.clone();
    let mut at = 0;
    for para in text.split("\n\n") {
        let start = at;
        at += para.len() + 2;
        let trimmed = para.trim_end();
        if trimmed.trim().is_empty() {
            continue;
        }
        let lead = trimmed.len() - trimmed.trim_start().len();
        let (pstart, pend) = (start + lead, start + trimmed.len());
        doc.paragraphs.push(Span::new(pstart, pend));
        // sentences: end at . ! ? (plus closing quotes) followed by a space
        let body = &text[pstart..pend];
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut s = 0;
        let mut k = 0;
        while k < chars.len() {
            let (b, c) = chars[k];
            if matches!(c, '.' | '!' | '?') {
                let mut e = k + 1;
                while e < chars.len() && matches!(chars[e].1, '”' | '’' | '"' | '\'') {
                    e += 1;
                }
                let end_b = chars.get(e).map_or(body.len(), |x| x.0);
                let word_start = body[..b].rfind(' ').map_or(0, |x| x + 1);
                let abbrev = ABBREVIATIONS.contains(&&body[word_start..b]);
                if !abbrev && (e == chars.len() || chars[e].1 == ' ') {
                    doc.sentences.push(Span::new(pstart + s, pstart + end_b));
                    s = end_b + 1;
                    k = e + 1;
                    continue;
                }
                let _ = b;
            }
            k += 1;
        }
        if s < body.len() {
            doc.sentences.push(Span::new(pstart + s, pend));
        }
    }
}

/// Words (letters/digits with inner apostrophes and hyphens; a possessive "’s" split off),
/// numbers, quotation marks and other symbols.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let off = |i: usize| chars.get(i).map_or(text.len(), |x| x.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            while i < chars.len() {
                let d = chars[i].1;
                if d.is_alphanumeric() {
                    i += 1;
                } else if (matches!(d, '\'' | '’' | '-')
                    && chars.get(i + 1).is_some_and(|x| x.1.is_alphanumeric()))
                    || (matches!(d, '.' | ',')
                        && chars[i - 1].1.is_ascii_digit()
                        && chars.get(i + 1).is_some_and(|x| x.1.is_ascii_digit()))
                {
                    i += 2;
                } else {
                    break;
                }
            }
            let word = &text[off(start)..off(i)];
            let kind = if word
                .chars()
                .all(|d| d.is_ascii_digit() || d == '.' || d == ',')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            if kind == TokenKind::Word
                && word.chars().count() > 2
                && (word.ends_with("’s") || word.ends_with("'s"))
            {
                let cut = off(i)
                    - if word.ends_with("’s") {
                        "’s".len()
                    } else {
                        2
                    };
                out.push(Token {
                    span: Span::new(off(start), cut),
                    kind,
                });
                out.push(Token {
                    span: Span::new(cut, off(i)),
                    kind: TokenKind::Word,
                });
            } else {
                out.push(Token {
                    span: Span::new(off(start), off(i)),
                    kind,
                });
            }
            continue;
        }
        i += 1;
        let kind = if is_quote_mark(c) {
            TokenKind::QuoteMark
        } else {
            TokenKind::Punct
        };
        out.push(Token {
            span: Span::new(off(start), off(i)),
            kind,
        });
    }
    out
}

/// Regions between “ and ” (or the paragraph end), per paragraph.
fn quoted(doc: &Document) -> Vec<QuotedRegion> {
    let mut out = Vec::new();
    for (p, &para) in doc.paragraphs.iter().enumerate() {
        let body = &doc.text[para.start..para.end];
        let mut open: Option<usize> = None;
        for (b, c) in body.char_indices() {
            let at = para.start + b;
            match c {
                '“' if open.is_none() => open = Some(at),
                '”' => {
                    if let Some(o) = open.take() {
                        out.push(QuotedRegion {
                            content: Span::new(o + '“'.len_utf8(), at),
                            open: Span::new(o, o + '“'.len_utf8()),
                            close: Some(Span::new(at, at + '”'.len_utf8())),
                            paragraph: p,
                            single: false,
                        });
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            out.push(QuotedRegion {
                content: Span::new(o + '“'.len_utf8(), para.end),
                open: Span::new(o, o + '“'.len_utf8()),
                close: None,
                paragraph: p,
                single: false,
            });
        }
    }
    out
}

fn overlaps_any(taken: &[Span], s: Span) -> bool {
    taken.iter().any(|t| t.overlaps(s))
}

fn place_mentions(doc: &mut Document, table: &[M]) {
    // longest strings first so "Sir Keir Starmer" claims its words before "Sir Keir"
    let mut order: Vec<&M> = table.iter().collect();
    order.sort_by_key(|m| std::cmp::Reverse(m.0.split('@').next().unwrap_or("").len()));
    let mut found: Vec<(Span, String, EntityType, MentionKind)> = Vec::new();
    let mut taken: Vec<Span> = Vec::new();
    for &&(spec, name, etype) in &order {
        let (needle, nth) = match spec.split_once('@') {
            Some((n, k)) => (n, Some(k.parse::<usize>().expect("occurrence"))),
            None => (spec, None),
        };
        for (k, at) in find_word(&doc.text, needle).into_iter().enumerate() {
            if nth.is_some_and(|n| n != k) {
                continue;
            }
            let span = Span::new(at, at + needle.len());
            if overlaps_any(&taken, span) {
                continue;
            }
            let lower = needle.to_lowercase();
            let kind = if PRONOUNS.contains(&lower.as_str()) {
                MentionKind::Pronoun
            } else if lower.starts_with("the ")
                || lower.starts_with("his ")
                || lower.starts_with("her ")
                || needle.starts_with(|c: char| c.is_lowercase())
            {
                MentionKind::Nominal
            } else {
                MentionKind::Name
            };
            taken.push(span);
            found.push((span, name.to_string(), etype, kind));
        }
    }
    found.sort_by_key(|f| f.0.start);
    for (span, name, etype, kind) in found {
        let e = match doc.entities.iter().position(|x| x.name == name) {
            Some(e) => e,
            None => {
                doc.entities.push(Entity {
                    name,
                    etype,
                    mentions: Vec::new(),
                });
                doc.entities.len() - 1
            }
        };
        doc.entities[e].mentions.push(doc.mentions.len());
        doc.mentions.push(Mention {
            span,
            kind,
            etype,
            entity: Some(e),
        });
    }
}

fn place_times(doc: &mut Document, table: &[T]) {
    let mut order: Vec<&T> = table.iter().collect();
    order.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
    let mut taken: Vec<Span> = Vec::new();
    let mut times = Vec::new();
    for &&(needle, value) in &order {
        for at in find_word(&doc.text, needle) {
            let span = Span::new(at, at + needle.len());
            if overlaps_any(&taken, span) {
                continue;
            }
            taken.push(span);
            let ttype = if value.starts_with('P') {
                TimeType::Duration
            } else if value.contains('T') {
                TimeType::Time
            } else {
                TimeType::Date
            };
            times.push(TimeExpr {
                span,
                ttype,
                value: Some(value.to_string()),
            });
        }
    }
    times.sort_by_key(|t| t.span.start);
    doc.times = times;
}
