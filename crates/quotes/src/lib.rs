/*!
The `quotes` stage: who said what.

1. **Direct and partial quotes** come from the quoted regions found by segmentation. A region
   that opens a sentence or follows a colon is *direct*; a few quoted words inside the writer's
   sentence are *partial*. A one- or two-word region with no speech verb in its sentence is a
   scare quote, and a quoted word between two names a nickname: neither is a quote.
2. **Attribution** ([`attribution`]) looks for a speech verb (cue) and a speaker mention next to
   the quote in its sentence: `“…,” Sir Keir told`, `“…,” said Mr Smith`, `He added: “…”`,
   `Mr Zelensky said the agreement would “…”`. A quote with no attribution in its sentence
   inherits the speaker of the previous quote in the paragraph, and a paragraph that opens
   with a quotation mark inherits from the paragraph before; an inheriting quote `continues`
   the one it inherits from (one attribution, several pieces), as does a mark left open that
   runs on into the next paragraph.
3. **Indirect speech** ([`indirect`]): "X said (that) CLAUSE", "X told Y CLAUSE",
   "CLAUSE, X said", "according to X, CLAUSE". A reported clause holding a partial quote is
   given too, with the same speaker mention and cue, so the two form one attribution.

Speakers resolve to entities through the coreference layer, so "He" in "He added" names the
person coreference found.

# Example
```
use byline_doc::{Document, QuoteKind, Stage};
let mut doc = Document::from_text("x", "");
doc.text = "“We will win,” Mr Smith said. He added: “Count on it.”".into();
byline_segment::Segment.process(&mut doc).unwrap();
byline_ner::Ner::default().process(&mut doc).unwrap();
byline_coref::Coref.process(&mut doc).unwrap();
byline_quotes::Quotes::default().process(&mut doc).unwrap();
assert_eq!(doc.quotes.len(), 2);
assert_eq!(doc.slice(doc.quotes[1].span), "Count on it.");
assert_eq!(doc.quotes[1].kind, QuoteKind::Direct);
assert_eq!(doc.entities[doc.quotes[1].speaker.unwrap()].name, "Smith");
```
*/
#![deny(missing_docs)]

pub mod attribution;
pub mod filter;
pub mod indirect;
pub mod learned;
pub mod train;
pub mod transcript;

use attribution::Attribution;
use byline_doc::text::char_before;
use byline_doc::{
    Document, Layer, Quote, QuoteKind, QuotedRegion, Span, Stage, StageError, TokenKind,
};
use byline_lexicon::speech;

/// The quotes stage.
#[derive(Debug, Clone)]
pub struct Quotes {
    /// Also report indirect speech (default true).
    pub indirect: bool,
    /// Also report the attributions of the learned tagger ([`learned`]) that the rules miss
    /// (default false: it raises recall on PolNeAR's broad attributions but not end-to-end
    /// accuracy; see the crate README).
    pub learned: bool,
    /// Leave each quote's confidence as the rules' raw score instead of the calibrated
    /// probability (default false; for refitting [`CALIBRATION`], see the crate README).
    pub raw_confidence: bool,
}

impl Default for Quotes {
    fn default() -> Self {
        Quotes {
            indirect: true,
            learned: false,
            raw_confidence: false,
        }
    }
}

impl Stage for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Tokens,
            Layer::QuotedRegions,
            Layer::Entities,
        ]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut quotes = direct_quotes(doc);
        transcript::merge(doc, &mut quotes, transcript::turns(doc));
        if self.indirect {
            let extra = indirect::find(doc, &quotes);
            quotes.extend(extra);
            let expected = indirect::expectations(doc, &quotes);
            quotes.extend(expected);
            let asked = indirect::opening_questions(doc, &quotes);
            quotes.extend(asked);
            let clauses = indirect::partial_clauses(doc, &quotes);
            quotes.extend(clauses);
            indirect::group_partials(&mut quotes);
            indirect::end_at_partials(doc, &mut quotes);
            let inner = indirect::inner_partials(doc, &quotes);
            quotes.extend(inner);
            if self.learned {
                let learned = learned_quotes(doc, learned::shipped(), &quotes);
                quotes.extend(learned);
            }
            sort_in_text_order(&mut quotes);
        }
        drop_scare_quotes(&mut quotes);
        if !self.raw_confidence {
            for q in &mut quotes {
                q.confidence = calibrated(q.confidence);
            }
        }
        doc.quotes = quotes;
        Ok(())
    }
}

/// The candidate reported clauses of `doc` for training the [report filter](filter): each
/// with its features and whether the filter judges it, then the direct quotes (found first,
/// as the stage does; not judged, no features). `doc` needs the layers the stage requires.
pub fn report_candidates(doc: &Document) -> Vec<(Quote, Vec<u64>, bool)> {
    let mut quotes = direct_quotes(doc);
    transcript::merge(doc, &mut quotes, transcript::turns(doc));
    let mut out = indirect::candidates(doc, &quotes);
    out.extend(quotes.into_iter().map(|q| (q, Vec::new(), false)));
    out
}

/// Removes the partial quotes that no rule attributed and no clause holds: scare quotes and
/// titles ("what he calls “hell”" keeps its speaker; a lone “quack” has none), which the
/// record spec says are not quotes. `continues` indices are renumbered.
pub(crate) fn drop_scare_quotes(quotes: &mut Vec<Quote>) {
    let keep: Vec<usize> = (0..quotes.len())
        .filter(|&i| {
            let q = &quotes[i];
            q.kind != QuoteKind::Partial
                || q.speaker.is_some()
                || q.speaker_mention.is_some()
                || q.cue.is_some()
                || q.continues.is_some()
        })
        .collect();
    if keep.len() < quotes.len() {
        rearrange(quotes, &keep);
    }
}

/// Sorts quotes in text order and renumbers their `continues` indices.
pub(crate) fn sort_in_text_order(quotes: &mut Vec<Quote>) {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| (quotes[i].span.start, quotes[i].span.end));
    rearrange(quotes, &order);
}

/// Rebuilds `quotes` from the quotes at the old indices `order`, in that order, renumbering
/// `continues` (a quote whose predecessor is left out continues none).
fn rearrange(quotes: &mut Vec<Quote>, order: &[usize]) {
    let mut new_index = vec![None; quotes.len()];
    for (k, &i) in order.iter().enumerate() {
        new_index[i] = Some(k);
    }
    *quotes = order
        .iter()
        .map(|&i| {
            let mut q = quotes[i].clone();
            q.continues = q.continues.and_then(|c| new_index[c]);
            q
        })
        .collect();
}

/// Maps a rule's raw score to the probability that the attribution is right end to end (a
/// real attribution, its speaker named correctly): isotonic regression (pool adjacent
/// violators) of PolNeAR **train** outcomes (14,231 predicted units of subset `all`, session 9
/// rules) on the raw score, blocks of fewer than 50 units pooled with their neighbour.
/// Rows are (lowest raw score, probability); the reliability table on dev and the refit
/// command are in the crate README.
const CALIBRATION: &[(f32, f32)] = &[
    (0.0, 0.01),
    (0.25, 0.54),
    (0.35, 0.66),
    (0.47, 0.69),
    (0.64, 0.72),
    (0.70, 0.79),
    (0.77, 0.91),
    (0.90, 0.96),
];

/// The calibrated confidence of a raw attribution score (see [`CALIBRATION`]).
pub fn calibrated(raw: f32) -> f32 {
    CALIBRATION
        .iter()
        .rev()
        .find(|(lo, _)| raw >= lo - 1e-4)
        .map_or(CALIBRATION[0].1, |&(_, p)| p)
}

/// Indirect quotes from the learned tagger, where no quote found so far covers them: only
/// contents of five words or more with a cue and a source (the tagger's own, else the mention
/// next to the cue), since its precision alone is low (crate README).
fn learned_quotes(doc: &Document, model: &learned::Model, have: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for f in model.tag(doc) {
        let len = f.content.end - f.content.start;
        let covered = have.iter().any(|q| {
            let o = q
                .span
                .end
                .min(f.content.end)
                .saturating_sub(q.span.start.max(f.content.start));
            2 * o > len
        });
        let words = word_count(doc, f.content);
        if covered || words < 5 || f.cue.is_none() {
            continue;
        }
        // The learned source, else the mention right before the cue ("X said") or right
        // after it ("said X").
        let source = f.source.or_else(|| {
            let cue = f.cue?;
            let sent = doc.sentences[doc.sentence_index(cue.start)?];
            let before = doc
                .mentions
                .iter()
                .filter(|m| m.span.end <= cue.start && m.span.start >= sent.start)
                .filter(|m| doc.tokens_in(Span::new(m.span.end, cue.start)).len() <= 2)
                .max_by_key(|m| m.span.end);
            let after = || {
                doc.mentions
                    .iter()
                    .filter(|m| m.span.start >= cue.end && m.span.end <= sent.end)
                    .filter(|m| doc.tokens_in(Span::new(cue.end, m.span.start)).len() <= 1)
                    .min_by_key(|m| m.span.start)
            };
            before.or_else(after).map(|m| m.span)
        });
        if source.is_none() {
            continue;
        }
        let f = learned::Found { source, ..f };
        let speaker = f.source.and_then(|s| {
            doc.mentions
                .iter()
                .filter(|m| m.span.start < s.end && s.start < m.span.end)
                .max_by_key(|m| m.span.end.min(s.end) - m.span.start.max(s.start))
                .and_then(|m| m.entity)
        });
        out.push(Quote {
            span: f.content,
            kind: QuoteKind::Indirect,
            speaker,
            speaker_mention: f.source,
            cue: f.cue,
            confidence: if f.source.is_some() { 0.6 } else { 0.3 },
            continues: None,
        });
    }
    out
}

/// Direct and partial quotes with their speakers.
fn direct_quotes(doc: &Document) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut prev_region: Option<(usize, QuotedRegion)> = None; // (quote index, region)
    for region in doc.quoted.iter().copied() {
        let kind = kind_of(doc, &region);
        if kind == QuoteKind::Partial && !is_real_partial(doc, &region)
            || is_heading(doc, &region)
            || is_attribute_value(doc, &region)
            || is_title_in_sentence(doc, &region)
        {
            continue;
        }
        let starts_para = doc
            .paragraphs
            .get(region.paragraph)
            .is_some_and(|p| p.start == region.open.start);
        let mut quote = Quote {
            span: region.content,
            kind,
            speaker: None,
            speaker_mention: None,
            cue: None,
            confidence: 0.2,
            continues: None,
        };
        let found = attribution::find(doc, &region, kind)
            .or_else(|| attribution::colon_intro(doc, &region))
            .or_else(|| attribution::colon_subject(doc, &region))
            .or_else(|| {
                (kind == QuoteKind::Partial)
                    .then(|| attribution::learned_cue_before(doc, &region, LEARNED_PARTIAL_RATE))
                    .flatten()
            });
        let prev = out.len().checked_sub(1);
        match found {
            Some(Attribution {
                speaker,
                mention,
                cue,
                confidence,
            }) => {
                quote.speaker = speaker;
                quote.speaker_mention = mention;
                quote.cue = cue;
                quote.confidence = confidence;
            }
            None => {
                // inherit: an earlier quote in the same paragraph, or the paragraph before when
                // this paragraph opens with a quotation mark
                if let Some((pi, _)) = prev_region.filter(|(_, pr)| {
                    pr.paragraph == region.paragraph
                        || (starts_para && pr.paragraph + 1 == region.paragraph)
                }) {
                    let p = &out[pi];
                    if p.speaker.is_some() || p.speaker_mention.is_some() {
                        quote.speaker = p.speaker;
                        quote.confidence = (p.confidence - 0.1).max(0.3);
                        // no cue of its own: the same attribution goes on (an open mark running
                        // on, the same paragraph, or a quote opening the next paragraph; PolNeAR
                        // gives them all as one attribution's content pieces)
                        quote.continues = Some(pi);
                        if quote.speaker.is_none() {
                            quote.speaker_mention = p.speaker_mention;
                        }
                    }
                }
            }
        }
        let _ = prev;
        out.push(quote);
        prev_region = Some((out.len() - 1, region));
    }
    out
}

/// Direct when the quote opens its sentence, follows a colon, or follows "said," style cues;
/// partial when it sits inside the writer's sentence.
fn kind_of(doc: &Document, region: &QuotedRegion) -> QuoteKind {
    let open = region.open.start;
    let sentence_start = doc.sentence_index(open).map(|s| doc.sentences[s].start);
    if sentence_start == Some(open) {
        return QuoteKind::Direct;
    }
    // the previous non-space char
    let mut at = open;
    while let Some(c) = char_before(&doc.text, at) {
        if c.is_whitespace() {
            at -= c.len_utf8();
            continue;
        }
        if c == ':' {
            return QuoteKind::Direct;
        }
        if c == ',' {
            // `he said, “We will.”`: a cue right before the comma
            let t = doc.token_at_or_after(at - 1);
            if t > 0 && speech::cue_lemma(token(doc, t - 1)).is_some() {
                return QuoteKind::Direct;
            }
        }
        break;
    }
    // `Mr Smith said “We will.”` with a capitalised full sentence inside
    let content = doc.slice(region.content);
    let capital = content.chars().next().is_some_and(char::is_uppercase);
    let ends = content
        .trim_end_matches(['”', '"'])
        .ends_with(['.', '!', '?']);
    let words = content.split_whitespace().count();
    let t = doc.token_at_or_after(open);
    if capital && ends && words >= 4 && t > 0 && speech::cue_lemma(token(doc, t - 1)).is_some() {
        return QuoteKind::Direct;
    }
    QuoteKind::Partial
}

/// True when quoted words read as a sentence of their own: a capital letter, at least three
/// words, and not a title.
pub(crate) fn opens_sentence(content: &str) -> bool {
    content.chars().next().is_some_and(char::is_uppercase)
        && content.split_whitespace().count() >= 3
        && !looks_like_title(content)
}

/// A partial quote must be speech: not a scare-quoted word, a nickname or a title.
fn is_real_partial(doc: &Document, region: &QuotedRegion) -> bool {
    let content = doc.slice(region.content);
    let words = content.split_whitespace().count();
    if looks_like_title(content) {
        return false;
    }
    let t_open = doc.token_at_or_after(region.open.start);
    // nickname: between two capitalised words ("Dwayne “The Rock” Johnson")
    if let Some(close) = region.close {
        let t_after = doc.token_at_or_after(close.end);
        let cap = |i: usize| {
            doc.tokens.get(i).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && token(doc, i).chars().next().is_some_and(char::is_uppercase)
            })
        };
        // a nickname is short and does not end its sentence ("… in Vietnam ''for the
        // nation's rights.'' He said …" is a quote)
        let ends_sentence = content.trim_end().ends_with(['.', '?', '!', ',', ';', ':']);
        if t_open > 0 && cap(t_open - 1) && cap(t_after) && words <= 4 && !ends_sentence {
            return false;
        }
    }
    if t_open > 0
        && matches!(
            token(doc, t_open - 1),
            "so-called"
                | "dubbed"
                | "nicknamed"
                | "termed"
                | "titled"
                | "entitled"
                | "called"
                | "named"
        )
        && words <= 4
    {
        return false;
    }
    let Some(s) = doc.sentence_index(region.open.start) else {
        return false;
    };
    let sent = doc.sentences[s];
    let has_cue = doc.tokens_in(sent).iter().any(|t| {
        !region.content.contains(t.span)
            && speech::cue_lemma(&doc.text[t.span.start..t.span.end]).is_some()
    }) || doc.slice(sent).contains("according to");
    // a scare quote has no speech verb; with one, even a single quoted word is speech, and so
    // with a learned cue that has a speaker before it ("admires Putin as a “strong leader”")
    has_cue || attribution::learned_cue_before(doc, region, LEARNED_PARTIAL_RATE).is_some()
}

/// A section heading set in quotation marks, as some sites print a line of the story above its
/// section: a paragraph of one short single-quoted region (`'A change warrior.'`) or of one
/// quoted headline in capitals.
fn is_heading(doc: &Document, region: &QuotedRegion) -> bool {
    let Some(close) = region.close else {
        return false;
    };
    let Some(para) = doc.paragraphs.get(region.paragraph) else {
        return false;
    };
    let rest = doc.text[close.end..para.end].trim_matches(|c: char| c == '.' || c.is_whitespace());
    let content = doc.slice(region.content);
    let words = content.split_whitespace().count();
    // or a headline in capitals, in any marks: “EVENTUALLY VOTERS MAKE GOOD DECISIONS”
    let capitals = words >= 3 && !content.chars().any(char::is_lowercase);
    para.start == region.open.start && rest.is_empty() && (region.single && words <= 8 || capitals)
}

/// A title opening the sentence that goes on after it: "“Orange Is the New Black” star
/// Dascha Polanco …", "''Billions,'' on Showtime, is …". The word after the closing mark is a
/// lower-case word that is no speech verb, pronoun or determiner (“Absolutely,” she said).
fn is_title_in_sentence(doc: &Document, region: &QuotedRegion) -> bool {
    let Some(close) = region.close else {
        return false;
    };
    let content = doc.slice(region.content).trim_end();
    if !looks_like_title(content) || content.ends_with(['.', '?', '!']) {
        return false;
    }
    let next = doc.token_at_or_after(close.end);
    let Some(t) = doc.tokens.get(next) else {
        return false;
    };
    let w = doc.slice(t.span);
    t.kind == TokenKind::Word
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && speech::cue_lemma(w).is_none()
        && !matches!(
            w,
            "he" | "she"
                | "they"
                | "we"
                | "i"
                | "it"
                | "the"
                | "a"
                | "an"
                | "one"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "another"
                | "some"
                | "many"
                | "two"
                | "three"
                | "also"
                | "then"
                | "later"
                | "again"
        )
}

/// Quotation marks around a markup attribute's value left in the text (`<tweet
/// author="@edhenry">`): not a quote.
fn is_attribute_value(doc: &Document, region: &QuotedRegion) -> bool {
    doc.text[..region.open.start].trim_end().ends_with('=')
}

/// Quoted words shaped like a title: at most six words, each capitalised but for short
/// function words ("Face the Nation", "Fox News Sunday").
pub(crate) fn looks_like_title(content: &str) -> bool {
    content.split_whitespace().count() <= 6
        && content
            .split_whitespace()
            .filter(|w| {
                !matches!(
                    *w,
                    "the" | "of" | "and" | "a" | "an" | "in" | "on" | "for" | "to" | "with"
                )
            })
            .all(|w| {
                w.chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
}

/// Learned cue rate (tenths) from which a word before a partial quote with no speech verb
/// attributes it ("condemned what he called a “brazen breach”").
const LEARNED_PARTIAL_RATE: u8 = 3;

pub(crate) fn token(doc: &Document, i: usize) -> &str {
    let s = doc.tokens[i].span;
    &doc.text[s.start..s.end]
}

/// The number of word tokens in `span`.
pub(crate) fn word_count(doc: &Document, span: Span) -> usize {
    doc.tokens_in(span)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}

/// True when byte `offset` lies inside a quoted region, marks included.
pub(crate) fn in_quote(doc: &Document, offset: usize) -> bool {
    doc.quoted_region_at(offset).is_some()
}

/// The entity of the mention with exactly this span, if any.
pub(crate) fn entity_of(doc: &Document, span: Span) -> Option<usize> {
    let k = doc.mentions.partition_point(|m| m.span.start < span.start);
    doc.mentions[k..]
        .iter()
        .take_while(|m| m.span.start == span.start)
        .find(|m| m.span == span)
        .and_then(|m| m.entity)
}

#[cfg(test)]
mod tests {
    #[test]
    fn calibration_is_monotone_and_bounded() {
        let mut last = 0.0;
        for i in 0..=100 {
            let p = super::calibrated(i as f32 / 100.0);
            assert!((0.0..=1.0).contains(&p));
            assert!(p >= last, "not monotone at {i}");
            last = p;
        }
        assert_eq!(super::calibrated(0.2), 0.01);
        assert_eq!(super::calibrated(0.9), 0.96);
        assert_eq!(super::calibrated(0.75), 0.79);
    }

    #[test]
    fn raw_confidence_leaves_the_rules_scores() {
        use byline_doc::{Document, Stage};
        let run = |raw: bool| {
            let mut doc = Document::from_text("t", "");
            doc.text = "The vote.\n\n“We will win,” said Mayor Ruth Okafor.".into();
            byline_segment::Segment.process(&mut doc).unwrap();
            byline_ner::Ner::default().process(&mut doc).unwrap();
            byline_coref::Coref.process(&mut doc).unwrap();
            let stage = super::Quotes {
                raw_confidence: raw,
                ..Default::default()
            };
            stage.process(&mut doc).unwrap();
            doc.quotes[0].confidence
        };
        let (raw, calibrated) = (run(true), run(false));
        assert_eq!(super::calibrated(raw), calibrated);
        assert_ne!(raw, calibrated);
    }
}
