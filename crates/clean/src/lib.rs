/*!
The `clean` stage: turns the decoded input (`Document::raw`) into the clean story text
(`Document::text`), the only stage that writes text.

1. **Normalisation** ([`normalize`]): line endings become `\n`; no-break and other Unicode
   spaces and tabs become a space; zero-width characters, soft hyphens and control characters
   are dropped; text is put in Unicode NFC. Quotation marks and apostrophes are kept as they
   are (quotes are evidence). Every kept character remembers its byte offset in the input.
2. **Paragraphs**: blank lines separate paragraphs; inside a paragraph, line breaks and runs of
   spaces collapse to one space. A text with no blank line but several lines is read as one
   paragraph per line.
3. **Boilerplate** ([`boilerplate`]): donation appeals, newsletter sign-ups, "Read more" links,
   share prompts, photo credits, adverts and cookie notices are removed, whole paragraphs or
   the leading/trailing sentences of a paragraph, and recorded in `Document::boilerplate` with
   a reason. Detection scores cue phrases per sentence and the writer addressing the reader
   ("your support", "we need") outside quotation marks, so it works on any publisher's wording.
   Documents read from HTML (`Document::boilerplate_by_structure`) go through this step only
   for short paragraphs: their furniture was removed by page structure when they were read
   (`byline-html`), which also filled `Document::boilerplate`.

The result is written with one blank line between paragraphs, and `Document::alignment` maps
every clean-text offset back to the input.

# Example
```
use byline_doc::{Document, Stage};
let raw = "Sign up to our newsletter for the best stories in your inbox.\n\n\
           The minister resigned on Tuesday.\u{00A0}Officials confirmed it.\n\nRead more";
let mut doc = Document::from_text("x", raw);
byline_clean::Clean::default().process(&mut doc).unwrap();
assert_eq!(doc.text, "The minister resigned on Tuesday. Officials confirmed it.");
assert_eq!(doc.boilerplate[0].reason, "newsletter");
```
*/
#![deny(missing_docs)]

pub mod boilerplate;
mod normalize;

pub use normalize::{normalize, NChar};

use byline_doc::{Boilerplate, Document, Layer, Stage, StageError};

/// Paragraphs of structurally cleaned documents up to this many bytes still go through the
/// cue-phrase rules (on the 90 extraction dev pages: F1 0.984 with none, 0.985 at 60 to 100
/// bytes, 0.984 at 150 and 200; every paragraph cost about one point).
const STRUCTURED_SHORT_PARAGRAPH: usize = 100;

/// The cleaning stage.
#[derive(Debug, Clone)]
pub struct Clean {
    /// Remove boilerplate (default true).
    pub remove_boilerplate: bool,
}

impl Default for Clean {
    fn default() -> Self {
        Clean {
            remove_boilerplate: true,
        }
    }
}

impl Stage for Clean {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Text]
    }

    fn rewrites_text(&self) -> bool {
        true
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let chars = normalize(&doc.raw);
        let paras = split_paragraphs(&chars);
        let mut text = String::with_capacity(doc.raw.len());
        let mut alignment = byline_doc::Alignment::default();
        let mut removed = Vec::new();
        // HTML pages were cleaned by structure when read (byline-html reports what it left
        // out in `boilerplate`); the cue-phrase rules, written for text of unknown origin,
        // would second-guess it and drop story paragraphs that mention comments or sign-ups,
        // so there they only see short paragraphs: the unmarked "Like this:", "SUBSCRIBE",
        // "Sharing is caring!" lines structure cannot tell from text
        let text_rules = self.remove_boilerplate && !doc.boilerplate_by_structure;
        for para in paras {
            let s: String = para.iter().map(|c| c.c).collect();
            let keep = if text_rules
                || (self.remove_boilerplate && s.len() <= STRUCTURED_SHORT_PARAGRAPH)
            {
                boilerplate::classify(&s, &mut removed)
            } else {
                0..s.len()
            };
            if keep.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            // map the kept byte range of `s` back to chars of `para`
            let mut byte = 0;
            for nc in &para {
                let w = nc.c.len_utf8();
                if byte >= keep.start && byte + w <= keep.end {
                    alignment.push(text.len(), nc.raw as usize, w);
                    text.push(nc.c);
                }
                byte += w;
            }
        }
        doc.boilerplate.extend(
            removed
                .into_iter()
                .map(|(text, reason)| Boilerplate { text, reason }),
        );
        doc.text = text;
        doc.alignment = alignment;
        Ok(())
    }
}

/// Splits normalised characters into paragraphs, collapsing inner whitespace.
fn split_paragraphs(chars: &[NChar]) -> Vec<Vec<NChar>> {
    let has_blank_line =
        chars.windows(2).any(|w| w[0].c == '\n' && w[1].c == '\n') || blank_line_with_spaces(chars);
    let line_count = chars.iter().filter(|c| c.c == '\n').count();
    let per_line = !has_blank_line && line_count >= 2;
    let mut out = Vec::new();
    let mut cur: Vec<NChar> = Vec::new();
    let mut newlines = 0;
    // Length of the line being read and of the line the last newline ended: a single newline
    // after a long line (not hard-wrapped text) or between a sentence end and an opening
    // quotation mark ("…shame.” ― Sonya Herridge⏎“During …") also ends a paragraph.
    let mut line_len = 0usize;
    let mut ended_len = 0usize;
    let mut last_char = ' ';
    for &nc in chars {
        if nc.c == '\n' {
            if newlines == 0 {
                ended_len = line_len;
            }
            line_len = 0;
            newlines += 1;
            continue;
        }
        line_len += 1;
        if newlines > 0 {
            let soft_break = newlines == 1
                && (ended_len > 120
                    || (matches!(nc.c, '“' | '"')
                        && matches!(last_char, '.' | '!' | '?' | '”' | '"')));
            if newlines >= 2 || per_line || soft_break {
                flush(&mut cur, &mut out);
            } else if !cur.is_empty() {
                cur.push(NChar {
                    c: ' ',
                    raw: nc.raw,
                });
            }
            newlines = 0;
        }
        if nc.c == ' ' && cur.last().is_none_or(|l| l.c == ' ') {
            continue;
        }
        if nc.c != ' ' {
            last_char = nc.c;
        }
        cur.push(nc);
    }
    flush(&mut cur, &mut out);
    out
}

fn blank_line_with_spaces(chars: &[NChar]) -> bool {
    let mut saw_newline = false;
    for c in chars {
        match c.c {
            '\n' if saw_newline => return true,
            '\n' => saw_newline = true,
            ' ' => {}
            _ => saw_newline = false,
        }
    }
    false
}

fn flush(cur: &mut Vec<NChar>, out: &mut Vec<Vec<NChar>>) {
    while cur.last().is_some_and(|c| c.c == ' ') {
        cur.pop();
    }
    if !cur.is_empty() {
        out.push(std::mem::take(cur));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn clean(raw: &str) -> Document {
        let mut doc = Document::from_text("t", raw);
        Clean::default().process(&mut doc).unwrap();
        doc
    }

    #[test]
    fn structurally_cleaned_text_keeps_its_paragraphs() {
        let raw = "Sign up to our newsletter for the best stories in your inbox, every single \
            morning, and join the conversation with thousands of readers.\n\nThe end.";
        let mut doc = Document::from_text("t", raw);
        doc.boilerplate_by_structure = true;
        Clean::default().process(&mut doc).unwrap();
        assert_eq!(doc.text, raw);
        assert!(doc.boilerplate.is_empty());
        assert_eq!(clean(raw).text, "The end.");
        // short ones still go
        let mut doc = Document::from_text("t", "Sign up to our newsletter.\n\nThe end.");
        doc.boilerplate_by_structure = true;
        Clean::default().process(&mut doc).unwrap();
        assert_eq!(doc.text, "The end.");
    }

    #[test]
    fn whitespace_and_paragraphs() {
        let d = clean("  One\r\nline  two.\r\n\r\n\tThird\u{200B} para.  \n \n");
        assert_eq!(d.text, "One line two.\n\nThird para.");
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let d = clean("First para here.\nSecond para here.\nThird para here.");
        assert_eq!(d.text.matches("\n\n").count(), 2);
    }

    #[test]
    fn alignment_points_back_to_raw() {
        let raw = "Hello\u{00A0}world.\n\n  Second   one.";
        let d = clean(raw);
        assert_eq!(d.text, "Hello world.\n\nSecond one.");
        let i = d.text.find("Second").unwrap();
        assert_eq!(
            &raw[d.alignment.to_raw(i)..d.alignment.to_raw(i) + 6],
            "Second"
        );
        let j = d.text.find("world").unwrap();
        assert_eq!(
            &raw[d.alignment.to_raw(j)..d.alignment.to_raw(j) + 5],
            "world"
        );
    }

    #[test]
    fn nfc_composes() {
        let d = clean("Cafe\u{0301} culture");
        assert_eq!(d.text, "Caf\u{00E9} culture");
    }

    proptest! {
        #[test]
        fn never_panics_and_maps_in_bounds(s in "\\PC{0,200}") {
            let d = clean(&s);
            for (i, _) in d.text.char_indices() {
                prop_assert!(d.alignment.to_raw(i) <= s.len());
            }
            prop_assert!(!d.text.contains("\n\n\n"));
        }
    }
}
