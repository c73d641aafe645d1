/*!
The `segment` stage: splits the clean text into paragraphs, tokens, sentences, and the regions
between quotation marks.

Paragraphs are separated by a blank line (the cleaning stage guarantees one `\n\n` between
them). Tokens are words (with inner apostrophes and hyphens: "co-production", "We’ve"), numbers
("1,200", "4.2", "100-year"), quotation marks and other symbols; a possessive "’s" after a
capitalised word or a number is its own token so names stay clean ("No 10’s" → "No", "10",
"’s"). Sentences end at `.`, `!`, `?` unless the word before is an abbreviation (Mr, Dr, St,
No, Jan., U.S.) or an initial, and a sentence may end inside quotation marks (`win.” Then`).
Quoted regions pair curly and straight marks per paragraph; a mark never closed runs to the end
of its paragraph, and single marks nested in a double-quoted region belong to it.

# Brief overview
- [`Segment`]: the stage.
- [`tokenize`], [`sentences`], [`quoted_regions`]: the steps, usable on their own.

# Example
```
use byline_doc::{Document, Stage};
let mut doc = Document::from_text("x", "");
doc.text = "Mr Smith said: “We won.” Then he left.\n\nNext paragraph.".to_string();
byline_segment::Segment::default().process(&mut doc).unwrap();
assert_eq!(doc.paragraphs.len(), 2);
assert_eq!(doc.sentences.len(), 3);
assert_eq!(doc.slice(doc.quoted[0].content), "We won.");
```
*/
#![deny(missing_docs)]

mod quoted;
mod sentence;
mod token;

pub use quoted::quoted_regions;
pub use sentence::sentences;
pub use token::tokenize;

use byline_doc::{Document, Layer, Span, Stage, StageError};

/// The segmentation stage.
#[derive(Debug, Default, Clone)]
pub struct Segment;

impl Stage for Segment {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text]
    }

    fn produces(&self) -> &'static [Layer] {
        &[
            Layer::Paragraphs,
            Layer::Tokens,
            Layer::Sentences,
            Layer::QuotedRegions,
        ]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.paragraphs = paragraphs(&doc.text);
        doc.tokens = tokenize(&doc.text);
        doc.sentences = sentences(&doc.text, &doc.paragraphs, &doc.tokens);
        doc.quoted = quoted_regions(&doc.text, &doc.paragraphs, &doc.tokens);
        Ok(())
    }
}

/// Paragraph spans: maximal runs of text between blank lines, trimmed of whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            // a blank line: '\n' followed by optional spaces and another '\n'
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push_trimmed(text, start, i, &mut out);
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn paragraph_split() {
        let t = "One.\n\nTwo two.\n \n\nThree";
        let p: Vec<_> = paragraphs(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(p, ["One.", "Two two.", "Three"]);
        assert!(paragraphs("  \n\n ").is_empty());
    }

    proptest! {
        #[test]
        fn spans_are_valid(s in "\\PC{0,120}") {
            let mut doc = Document::from_text("p", "");
            doc.text = s.clone();
            Segment.process(&mut doc).unwrap();
            let all = doc.paragraphs.iter().chain(doc.sentences.iter())
                .chain(doc.tokens.iter().map(|t| &t.span))
                .chain(doc.quoted.iter().map(|q| &q.content));
            for sp in all {
                prop_assert!(sp.start <= sp.end && sp.end <= s.len());
                prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
            }
            prop_assert!(doc.sentences.windows(2).all(|w| w[0].end <= w[1].start));
        }
    }
}
