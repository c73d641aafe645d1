/*!
The `times` stage: finds time expressions in the clean text and normalises them to TIMEX3 values
against the article's date.

"on Monday afternoon" in an article dated Monday 23 June 2025 becomes the span "Monday
afternoon" with type `TIME` and value `2025-06-23TAF`; "this week" becomes `2025-W26`, "two-day"
`P2D`, "every Monday" `XXXX-WXX-1`. Signal words ("on", "since", "in") stay out of the spans;
modifiers ("last", "next", "early") stay in. An expression with no calendar value ("the 89th
minute", "recent weeks") keeps `value: None`, and so does every relative expression when the
document has no anchor date; explicit dates ("23 June 2025") always resolve.

# Brief overview
- [`Times`]: the [`Stage`]. It reads `doc.text`, `doc.sentences` and [`Document::anchor_date`],
  and fills `doc.times` with [`TimeExpr`]s in text order, never overlapping.
- Recognition is hand-written scanning over word tokens, one sentence at a time: each token's
  word class (weekday, month, unit, modifier, number, ...) picks the patterns that can start
  there. No regular expressions, no allocation per word.
- A bare weekday, month or season is placed by the tense of its clause: in a past-tense clause
  the most recent one (the anchor's own weekday counts), in a future-tense clause ("will",
  "is set to", "is due to", "next") the next one, in the present tense the coming one.
  The default is the past.
- Types: `DATE` for days, weeks, months, seasons, quarters and years; `TIME` when a part of
  the day or a clock time is present; `DURATION` for lengths of time; `SET` for recurrences.

# Example
```
use byline_doc::{Document, Span, Stage, TimeType};
use byline_times::Times;

let mut doc = Document::default();
doc.text = "Leaders met on Monday afternoon and will meet again for a two-day summit next week."
    .to_string();
doc.sentences = vec![Span::new(0, doc.text.len())];
doc.meta.date = chrono::NaiveDate::from_ymd_opt(2025, 6, 23);
Times.process(&mut doc).unwrap();

let found: Vec<_> = doc
    .times
    .iter()
    .map(|t| (doc.slice(t.span), t.ttype, t.value.as_deref()))
    .collect();
assert_eq!(
    found,
    [
        ("Monday afternoon", TimeType::Time, Some("2025-06-23TAF")),
        ("two-day", TimeType::Duration, Some("P2D")),
        ("next week", TimeType::Date, Some("2025-W27")),
    ]
);
```
*/
#![deny(missing_docs)]

mod lexicon;
mod resolve;
mod scan;
mod token;

use byline_doc::{Document, Layer, Span, Stage, StageError, TimeExpr};
use scan::{Found, Scanner};

/// The `times` stage: time expressions, normalised against the document's anchor date.
///
/// It holds no state, so one value serves every worker thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct Times;

impl Times {
    /// The stage.
    pub fn new() -> Times {
        Times
    }
}

impl Stage for Times {
    fn name(&self) -> &'static str {
        "times"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Times]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let anchor = doc.anchor_date();
        let found = find(&doc.text, &doc.sentences);
        doc.times = found
            .into_iter()
            .map(|f| {
                let (ttype, value) = resolve::resolve(&f.expr, anchor);
                TimeExpr {
                    span: Span::new(f.start, f.end),
                    ttype,
                    value,
                }
            })
            .collect();
        Ok(())
    }
}

/// Every expression in `text`, scanning one sentence at a time (paragraphs when there are no
/// sentences). Sentences that are out of range, split a character or run backwards are
/// tolerated: what they would yield out of order is dropped.
fn find(text: &str, sentences: &[Span]) -> Vec<Found> {
    let paragraphs;
    let spans = if sentences.is_empty() {
        paragraphs = paragraph_spans(text);
        &paragraphs
    } else {
        sentences
    };
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut buf = Vec::new();
    let mut last_end = 0;
    for span in spans {
        let Some(sentence) = text.get(span.start..span.end) else {
            continue;
        };
        token::tokenize(sentence, span.start, &mut toks);
        Scanner::new(&toks).scan(&mut buf);
        for f in buf.drain(..) {
            if f.start >= last_end {
                last_end = f.end;
                out.push(f);
            }
        }
    }
    out
}

/// The spans of the paragraphs of `text` (separated by blank lines).
fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (at, sep) in text.match_indices("\n\n") {
        if at > start {
            spans.push(Span::new(start, at));
        }
        start = at + sep.len();
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests;
