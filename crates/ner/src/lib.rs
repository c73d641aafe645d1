/*!
The `ner` stage: finds proper-name mentions and types them PER, ORG, LOC or MISC.

Rules find the mentions; a learned tagger ([`model`], shipped in [`tagger`], trained on
CoNLL-2003: see the crate README) types the chunks the rules can only guess. In order:

1. **Chunks** ([`chunk`]): maximal runs of capitalised words, joined by name particles ("of",
   "de", "van", "bin") and "No 10"-style numbers; a capitalised common word that opens a
   sentence or a quotation is dropped ("During", "After", "The").
2. **Typing** ([`classify`]): honorifics (Mr, Sir, Sen.) mark people and stay in the mention;
   gazetteers of countries, demonyms, cities, well-known organisations; name shapes ("… Street",
   "Palace of …", "… Ministry", "Operation …"); first names; and document context: a surname
   seen with an honorific ("Mr Zelensky") makes every chunk ending in it a person, and a word
   typed once keeps its type for the rest of the article.

# Example
```
use byline_doc::{Document, EntityType, Stage};
let mut doc = Document::from_text("x", "");
doc.text = "Mr Zelensky met Sir Keir Starmer at Downing Street in London.".into();
byline_segment::Segment.process(&mut doc).unwrap();
byline_ner::Ner::default().process(&mut doc).unwrap();
let found: Vec<(&str, EntityType)> =
    doc.mentions.iter().map(|m| (doc.slice(m.span), m.etype)).collect();
assert_eq!(found, [("Mr Zelensky", EntityType::Per), ("Sir Keir Starmer", EntityType::Per),
                   ("Downing Street", EntityType::Loc), ("London", EntityType::Loc)]);
```
*/
#![deny(missing_docs)]

pub mod chunk;
pub mod classify;
pub mod clusters;
pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod tagger;

use byline_doc::{Document, Layer, Mention, MentionKind, Stage, StageError};

/// The named-entity stage.
#[derive(Debug, Clone)]
pub struct Ner {
    /// Type the chunks the rules cannot type with the learned tagger (default true). Without
    /// it the stage is rules only: about three times faster, with fewer entities typed right.
    pub use_model: bool,
}

impl Default for Ner {
    fn default() -> Ner {
        Ner { use_model: true }
    }
}

impl Stage for Ner {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Tokens, Layer::Sentences, Layer::QuotedRegions]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Mentions]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let chunks = chunk::chunks(doc);
        // the tagger runs only if some chunk needs it
        let tag = || tagger::label_tokens(tagger::shipped(), doc);
        let model: Option<&dyn Fn() -> Vec<conll::Label>> = self.use_model.then_some(&tag);
        let typed = classify::classify(doc, &chunks, model);
        doc.mentions = typed
            .into_iter()
            .map(|(span, etype)| Mention {
                span,
                kind: MentionKind::Name,
                etype,
                entity: None,
            })
            .collect();
        doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
        Ok(())
    }
}
