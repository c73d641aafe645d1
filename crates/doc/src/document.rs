//! The [`Document`] and its provenance.

use crate::annotation::*;
use crate::Span;
use chrono::NaiveDate;

/// Where a document came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// The file it was read from (`None` for stdin).
    pub path: Option<String>,
    /// Its URL, when known.
    pub url: Option<String>,
    /// The input format.
    pub format: Format,
}

/// Input formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    #[default]
    Text,
    /// An HTML page.
    Html,
    /// One line of a JSONL file.
    Jsonl,
    /// A WARC record.
    Warc,
}

impl Format {
    /// "text", "html", "jsonl" or "warc".
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
        }
    }
}

/// Article metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Publisher or site name.
    pub publisher: Option<String>,
    /// Authors, cleaned of "By".
    pub authors: Vec<String>,
    /// Language code.
    pub language: Option<String>,
}

/// Maps byte offsets of the clean text back to byte offsets of the raw input.
///
/// The cleaning stage copies the input in runs; each run is recorded as
/// `(text_start, raw_start, len)`. Offsets inside a run map linearly; text it inserted (a
/// paragraph separator) maps to the start of the following run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alignment {
    runs: Vec<(usize, usize, usize)>,
}

impl Alignment {
    /// Records that `len` bytes at `raw_start` were copied to `text_start`. Runs must be pushed
    /// in increasing text order.
    pub fn push(&mut self, text_start: usize, raw_start: usize, len: usize) {
        if let Some(last) = self.runs.last_mut() {
            if last.0 + last.2 == text_start && last.1 + last.2 == raw_start {
                last.2 += len;
                return;
            }
        }
        self.runs.push((text_start, raw_start, len));
    }

    /// The raw-input byte offset that clean-text byte `offset` came from.
    pub fn to_raw(&self, offset: usize) -> usize {
        let k = self.runs.partition_point(|&(t, _, _)| t <= offset);
        if k == 0 {
            return self.runs.first().map_or(offset, |r| r.1);
        }
        let (t, r, len) = self.runs[k - 1];
        if offset < t + len {
            r + (offset - t)
        } else {
            // inserted text: map to the start of the next run (or the end of this one)
            self.runs.get(k).map_or(r + len, |n| n.1)
        }
    }

    /// True when nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }
}

/// One article and everything the stages found in it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Identifier: file name, JSONL `id`, or WARC-Record-ID.
    pub id: String,
    /// Where it came from.
    pub source: Source,
    /// Metadata.
    pub meta: Meta,
    /// The date relative expressions are resolved against (`--date`, else `meta.date`).
    pub reference_date: Option<NaiveDate>,
    /// The decoded input text, before cleaning.
    pub raw: String,
    /// The clean story body; paragraphs separated by one blank line.
    pub text: String,
    /// Clean text → raw input offsets.
    pub alignment: Alignment,
    /// What cleaning removed.
    pub boilerplate: Vec<Boilerplate>,
    /// Set by input readers that already removed page furniture by the page's structure (HTML
    /// pages, WARC records, JSONL `html`): the clean stage then applies its cue-phrase rules
    /// to short paragraphs only.
    pub boilerplate_by_structure: bool,
    /// Paragraph spans, in order.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, in order.
    pub sentences: Vec<Span>,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Regions between quotation marks, in order.
    pub quoted: Vec<QuotedRegion>,
    /// Entity mentions, sorted by start.
    pub mentions: Vec<Mention>,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Time expressions, in text order.
    pub times: Vec<TimeExpr>,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Events.
    pub events: Vec<Event>,
    /// Problems met (never fatal).
    pub warnings: Vec<String>,
}

impl Document {
    /// A text document with the given id; `raw` holds the text, `text` is empty until cleaning.
    pub fn from_text(id: impl Into<String>, raw: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            raw: raw.into(),
            ..Document::default()
        }
    }

    /// The reference date for relative times: `reference_date`, else `meta.date`.
    pub fn anchor_date(&self) -> Option<NaiveDate> {
        self.reference_date.or(self.meta.date)
    }

    /// The text of a span of the clean text.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// Index of the sentence holding byte `offset` (the last one starting at or before it).
    pub fn sentence_index(&self, offset: usize) -> Option<usize> {
        index_of(&self.sentences, offset)
    }

    /// Index of the paragraph holding byte `offset`.
    pub fn paragraph_index(&self, offset: usize) -> Option<usize> {
        index_of(&self.paragraphs, offset)
    }

    /// The tokens lying inside `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.start < span.end);
        let mut b = b.max(a);
        while b > a && self.tokens[b - 1].span.end > span.end {
            b -= 1;
        }
        &self.tokens[a..b]
    }

    /// Index of the first token starting at or after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// The quoted region whose content or marks cover byte `offset` (regions are in text order
    /// and do not overlap).
    pub fn quoted_region_at(&self, offset: usize) -> Option<&QuotedRegion> {
        let k = self.quoted.partition_point(|q| q.open.start <= offset);
        let q = self.quoted.get(k.checked_sub(1)?)?;
        let end = q.close.map_or(q.content.end, |c| c.end);
        (offset < end).then_some(q)
    }

    /// Number of words in the clean text (for throughput figures).
    pub fn word_count(&self) -> usize {
        if self.tokens.is_empty() {
            self.text.split_whitespace().count()
        } else {
            self.tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count()
        }
    }
}

fn index_of(spans: &[Span], offset: usize) -> Option<usize> {
    let k = spans.partition_point(|s| s.start <= offset);
    (k > 0 && offset <= spans[k - 1].end).then(|| k - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_maps_runs_and_gaps() {
        let mut a = Alignment::default();
        a.push(0, 10, 5); // "Hello" from raw 10..15
        a.push(7, 20, 3); // after inserted "\n\n", raw 20..23
        assert_eq!(a.to_raw(0), 10);
        assert_eq!(a.to_raw(4), 14);
        assert_eq!(a.to_raw(5), 20); // inserted separator maps to the next run
        assert_eq!(a.to_raw(8), 21);
    }

    #[test]
    fn alignment_merges_adjacent_runs() {
        let mut a = Alignment::default();
        a.push(0, 0, 3);
        a.push(3, 3, 3);
        assert_eq!(a.runs.len(), 1);
    }

    #[test]
    fn sentence_lookup() {
        let mut d = Document::from_text("x", "");
        d.sentences = vec![Span::new(0, 5), Span::new(6, 10)];
        assert_eq!(d.sentence_index(0), Some(0));
        assert_eq!(d.sentence_index(7), Some(1));
        assert_eq!(d.sentence_index(11), None);
    }
}
