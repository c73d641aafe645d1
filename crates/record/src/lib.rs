/*!
The `byline/1` record: what `byline extract` prints, field for field as `spec/record.md`
describes it, and the only shape that the store, the server and the scorers see.

[`Record::from_document`] converts a processed [`Document`] into a record. It is the one place
where byte offsets become **Unicode code point** offsets, so that `text[start:end]` in Python
returns each span.

# Brief overview
- [`Record`] and its parts ([`Span`], [`EntityRecord`], [`QuoteRecord`], ...): serde types.
- [`Record::from_document`]: Document → Record.
- [`SCHEMA`]: the schema name.

# Example
```
use byline_doc::Document;
use byline_record::Record;
let mut doc = Document::from_text("a.txt", "");
doc.text = "“Oui,” she said.".into();
doc.quotes.push(byline_doc::Quote {
    span: byline_doc::Span::new(3, 6), kind: byline_doc::QuoteKind::Direct, speaker: None,
    speaker_mention: None, cue: None, confidence: 0.5, continues: None,
});
let rec = Record::from_document(&doc);
assert_eq!((rec.quotes[0].start, rec.quotes[0].end), (1, 4)); // code points, not bytes
assert_eq!(rec.quotes[0].text, "Oui");
```
*/
#![deny(missing_docs)]

use byline_doc::{CharIndex, Document};
use serde::{Deserialize, Serialize};

/// The schema name every record carries.
pub const SCHEMA: &str = "byline/1";

/// One article's record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// File name, JSONL `id`, or WARC-Record-ID.
    pub id: String,
    /// Where the article came from.
    pub source: SourceRecord,
    /// Metadata.
    pub meta: MetaRecord,
    /// The clean story body; paragraphs separated by one blank line.
    pub text: String,
    /// What was removed from the input's text.
    pub boilerplate: Vec<BoilerplateRecord>,
    /// Paragraph spans.
    pub paragraphs: Vec<Range>,
    /// Sentence spans.
    pub sentences: Vec<Range>,
    /// One per real-world referent.
    pub entities: Vec<EntityRecord>,
    /// Direct, partial and indirect speech.
    pub quotes: Vec<QuoteRecord>,
    /// Normalised time expressions.
    pub times: Vec<TimeRecord>,
    /// Numeric claims.
    pub quantities: Vec<QuantityRecord>,
    /// Events.
    pub events: Vec<EventRecord>,
    /// Problems met while processing this input.
    pub warnings: Vec<String>,
}

/// `source`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    /// Input path.
    pub path: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// "text", "html", "jsonl" or "warc".
    pub format: String,
}

/// `meta`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetaRecord {
    /// Headline.
    pub title: Option<String>,
    /// YYYY-MM-DD.
    pub date: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Language code.
    pub language: Option<String>,
}

/// A removed piece of input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoilerplateRecord {
    /// The text removed.
    pub text: String,
    /// Why.
    pub reason: String,
}

/// A code-point range without text (paragraphs, sentences).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A code-point span with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// `text[start:end]`.
    pub text: String,
}

/// An entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// "E1", "E2", ...
    pub id: String,
    /// Fullest proper name, without honorifics.
    pub name: String,
    /// "PER", "ORG", "LOC" or "MISC".
    #[serde(rename = "type")]
    pub etype: String,
    /// Its mentions.
    pub mentions: Vec<MentionRecord>,
}

/// An entity mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The mention.
    pub text: String,
    /// "name", "nominal" or "pronoun".
    pub kind: String,
}

/// A quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// First code point of the content.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The content, without quotation marks.
    pub text: String,
    /// "direct", "partial" or "indirect".
    pub kind: String,
    /// Speaker entity id.
    pub speaker: Option<String>,
    /// Speaker's name.
    pub speaker_name: Option<String>,
    /// The attributing mention.
    pub speaker_mention: Option<Span>,
    /// The speech verb.
    pub cue: Option<Span>,
    /// 0..1.
    pub confidence: f64,
    /// Index of the quote this one continues.
    pub continues: Option<usize>,
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The expression.
    pub text: String,
    /// "DATE", "TIME", "DURATION" or "SET".
    #[serde(rename = "type")]
    pub ttype: String,
    /// TIMEX3 value.
    pub value: Option<String>,
}

/// A quantity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The claim.
    pub text: String,
    /// The number (an integer where it is whole).
    pub value: serde_json::Number,
    /// Unit.
    pub unit: Option<String>,
    /// Qualifier.
    pub qualifier: Option<String>,
}

/// An event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Event type.
    #[serde(rename = "type")]
    pub etype: String,
    /// The trigger word.
    pub trigger: Span,
    /// Participant entity ids.
    pub participants: Vec<String>,
    /// Place entity id.
    pub place: Option<String>,
    /// Index into `times`.
    pub time: Option<usize>,
    /// 0..1.
    pub confidence: f64,
}

fn entity_id(i: usize) -> String {
    format!("E{}", i + 1)
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

fn number(v: f64) -> serde_json::Number {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        serde_json::Number::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).unwrap_or_else(|| serde_json::Number::from(0))
    }
}

impl Record {
    /// Builds the record of a processed document, converting byte offsets to code points.
    pub fn from_document(doc: &Document) -> Record {
        let ix = CharIndex::new(&doc.text);
        let cp = |b: usize| ix.char_offset(b);
        let span = |s: byline_doc::Span| Span {
            start: cp(s.start),
            end: cp(s.end),
            text: doc.slice(s).to_string(),
        };
        let range = |s: &byline_doc::Span| Range {
            start: cp(s.start),
            end: cp(s.end),
        };
        let entities = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityRecord {
                id: entity_id(i),
                name: e.name.clone(),
                etype: e.etype.as_str().to_string(),
                mentions: e
                    .mentions
                    .iter()
                    .filter_map(|&m| doc.mentions.get(m))
                    .map(|m| {
                        let s = span(m.span);
                        MentionRecord {
                            start: s.start,
                            end: s.end,
                            text: s.text,
                            kind: m.kind.as_str().to_string(),
                        }
                    })
                    .collect(),
            })
            .collect();
        let quotes = doc
            .quotes
            .iter()
            .map(|q| {
                let s = span(q.span);
                QuoteRecord {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    kind: q.kind.as_str().to_string(),
                    speaker: q.speaker.map(entity_id),
                    speaker_name: q
                        .speaker
                        .and_then(|e| doc.entities.get(e))
                        .map(|e| e.name.clone())
                        .or_else(|| q.speaker_mention.map(|m| doc.slice(m).to_string())),
                    speaker_mention: q.speaker_mention.map(span),
                    cue: q.cue.map(span),
                    confidence: round(q.confidence),
                    continues: q.continues,
                }
            })
            .collect();
        let times = doc
            .times
            .iter()
            .map(|t| {
                let s = span(t.span);
                TimeRecord {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    ttype: t.ttype.as_str().to_string(),
                    value: t.value.clone(),
                }
            })
            .collect();
        let quantities = doc
            .quantities
            .iter()
            .map(|q| {
                let s = span(q.span);
                QuantityRecord {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    value: number(q.value),
                    unit: q.unit.clone(),
                    qualifier: q.qualifier.map(|x| x.as_str().to_string()),
                }
            })
            .collect();
        let events = doc
            .events
            .iter()
            .map(|e| EventRecord {
                etype: e.kind.to_string(),
                trigger: span(e.trigger),
                participants: e.participants.iter().map(|&p| entity_id(p)).collect(),
                place: e.place.map(entity_id),
                time: e.time,
                confidence: round(e.confidence),
            })
            .collect();
        Record {
            schema: SCHEMA.to_string(),
            id: doc.id.clone(),
            source: SourceRecord {
                path: doc.source.path.clone(),
                url: doc.source.url.clone(),
                format: doc.source.format.as_str().to_string(),
            },
            meta: MetaRecord {
                title: doc.meta.title.clone(),
                date: doc.meta.date.map(|d| d.format("%Y-%m-%d").to_string()),
                publisher: doc.meta.publisher.clone(),
                authors: doc.meta.authors.clone(),
                language: doc.meta.language.clone(),
            },
            text: doc.text.clone(),
            boilerplate: doc
                .boilerplate
                .iter()
                .map(|b| BoilerplateRecord {
                    text: b.text.clone(),
                    reason: b.reason.to_string(),
                })
                .collect(),
            paragraphs: doc.paragraphs.iter().map(range).collect(),
            sentences: doc.sentences.iter().map(range).collect(),
            entities,
            quotes,
            times,
            quantities,
            events,
            warnings: doc.warnings.clone(),
        }
    }

    /// Every span of the record with where it is, for checking `text[start:end] == span.text`.
    pub fn spans(&self) -> Vec<(String, usize, usize, Option<&str>)> {
        let mut out = Vec::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            out.push((format!("paragraphs[{i}]"), p.start, p.end, None));
        }
        for (i, p) in self.sentences.iter().enumerate() {
            out.push((format!("sentences[{i}]"), p.start, p.end, None));
        }
        for e in &self.entities {
            for m in &e.mentions {
                out.push((
                    format!("{} mention", e.id),
                    m.start,
                    m.end,
                    Some(m.text.as_str()),
                ));
            }
        }
        for (i, q) in self.quotes.iter().enumerate() {
            out.push((
                format!("quotes[{i}]"),
                q.start,
                q.end,
                Some(q.text.as_str()),
            ));
            for s in q.speaker_mention.iter().chain(q.cue.iter()) {
                out.push((
                    format!("quotes[{i}] part"),
                    s.start,
                    s.end,
                    Some(s.text.as_str()),
                ));
            }
        }
        for (i, t) in self.times.iter().enumerate() {
            out.push((format!("times[{i}]"), t.start, t.end, Some(t.text.as_str())));
        }
        for (i, q) in self.quantities.iter().enumerate() {
            out.push((
                format!("quantities[{i}]"),
                q.start,
                q.end,
                Some(q.text.as_str()),
            ));
        }
        for (i, e) in self.events.iter().enumerate() {
            out.push((
                format!("events[{i}]"),
                e.trigger.start,
                e.trigger.end,
                Some(e.trigger.text.as_str()),
            ));
        }
        out
    }

    /// Checks that every span lies in the text and that `text[start:end]` (in code points) is
    /// the span's own text. Returns the first problem found.
    pub fn check_spans(&self) -> Result<(), String> {
        let chars: Vec<char> = self.text.chars().collect();
        for (what, start, end, text) in self.spans() {
            if start > end || end > chars.len() {
                return Err(format!(
                    "{what}: [{start}, {end}) outside the text ({} code points)",
                    chars.len()
                ));
            }
            if let Some(t) = text {
                let got: String = chars[start..end].iter().collect();
                if got != t {
                    return Err(format!(
                        "{what}: text[{start}:{end}] is {got:?}, span says {t:?}"
                    ));
                }
            }
        }
        Ok(())
    }
}
