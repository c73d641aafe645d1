//! The shipped model: `models/conll-en.bin.gz`, trained by `byline train ner` on CoNLL-2003
//! English (see the crate README), built into the binary and decoded once on first use.

use std::sync::OnceLock;

use crate::model::Tagger;

/// The model file built into byline.
pub static MODEL_BYTES: &[u8] = include_bytes!("../models/conll-en.bin.gz");

/// The shipped tagger, decoded on first use (shared by all threads).
pub fn shipped() -> &'static Tagger {
    static T: OnceLock<Tagger> = OnceLock::new();
    T.get_or_init(|| Tagger::from_bytes(MODEL_BYTES).expect("the built-in NER model is valid"))
}

/// Labels of the shipped model for every token of a segmented [`Document`] (`O` for tokens
/// outside sentences). Curly quotation marks are read as CoNLL's `"`.
pub fn label_tokens(tagger: &Tagger, doc: &byline_doc::Document) -> Vec<crate::conll::Label> {
    use byline_doc::TokenKind;
    let mut labels = vec![0; doc.tokens.len()];
    let mut sents: Vec<Vec<&str>> = Vec::new();
    let mut index: Vec<Vec<usize>> = Vec::new();
    let mut t = 0;
    for s in &doc.sentences {
        while t < doc.tokens.len() && doc.tokens[t].span.start < s.start {
            t += 1;
        }
        let mut words = Vec::new();
        let mut idx = Vec::new();
        while t < doc.tokens.len() && doc.tokens[t].span.end <= s.end {
            let tok = doc.tokens[t];
            words.push(match tok.kind {
                TokenKind::QuoteMark => "\"",
                _ => &doc.text[tok.span.start..tok.span.end],
            });
            idx.push(t);
            t += 1;
        }
        if !words.is_empty() {
            sents.push(words);
            index.push(idx);
        }
    }
    for (ls, idx) in tagger.tag_document(&sents).iter().zip(&index) {
        for (&l, &i) in ls.iter().zip(idx) {
            labels[i] = l;
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_model_loads() {
        let t = super::shipped();
        let out = t.tag_document(&[vec!["Angela", "Merkel", "visited", "Paris", "."]]);
        assert_eq!(out[0].len(), 5);
    }
}
