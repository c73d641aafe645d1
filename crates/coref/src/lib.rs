/*!
The `coref` stage: gathers mentions into entities, one per real-world referent.

1. **Names** ([`names`]): "Sir Keir Starmer", "Sir Keir" and "Mr Starmer" join by first name and
   surname; "UK" and "Britain" by the country table; "Operation Interflex" and "Interflex" by
   the head word; acronyms join their long forms. A title right before a name ("Prime Minister
   Keir Starmer", "Commons speaker Sir Lindsay Hoyle") gives the entity a role.
2. **Nominals** ([`nominals`]): "the Prime Minister", "the Ukrainian leader", "his Lords
   counterpart", "the company", "the Berkshire royal residence" are resolved by apposition
   ("his Lords counterpart, Lord McFall"), by a role already held ("the Ukrainian president"
   then "the Ukrainian leader"), or by salience: the most prominent person of the last
   sentences who holds no other office. A unique role seen before its holder ("the King" then
   "Charles") waits for the next person introduced.
3. **Pronouns**: he/she/his/her outside quotations resolve to the most salient
   compatible person: subjects of the current and previous sentences first, with a small prior
   for the article's protagonist.

# Example
```
use byline_doc::{Document, Stage};
let mut doc = Document::from_text("x", "");
doc.text = "Sir Keir Starmer met the King. The Prime Minister said he was pleased. Sir Keir left.".into();
byline_segment::Segment.process(&mut doc).unwrap();
byline_ner::Ner::default().process(&mut doc).unwrap();
byline_coref::Coref.process(&mut doc).unwrap();
let keir = &doc.entities[0];
assert_eq!(keir.name, "Keir Starmer");
let texts: Vec<&str> = keir.mentions.iter().map(|&m| doc.slice(doc.mentions[m].span)).collect();
assert_eq!(texts, ["Sir Keir Starmer", "The Prime Minister", "he", "Sir Keir"]);
```
*/
#![deny(missing_docs)]

pub mod names;
pub mod nominals;
mod resolve;

use byline_doc::{Document, Entity, EntityType, Layer, Mention, Stage, StageError};
use byline_lexicon::people::Gender;

/// The coreference stage.
#[derive(Debug, Default, Clone)]
pub struct Coref;

impl Stage for Coref {
    fn name(&self) -> &'static str {
        "coref"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Tokens,
            Layer::Sentences,
            Layer::QuotedRegions,
            Layer::Mentions,
        ]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let mut cl = Clusters::default();
        names::cluster(doc, &mut cl);
        resolve::sweep(doc, &mut cl);
        cl.write(doc);
        Ok(())
    }
}

/// A role held by an entity: a role noun with an optional qualifier ("president", "Ukrainian").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// Lower-case role noun ("prime minister").
    pub noun: String,
    /// A demonym, country or organisation word qualifying it ("Ukrainian", "Lords").
    pub qualifier: Option<String>,
}

/// An entity under construction.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// Entity type.
    pub etype: EntityType,
    /// Canonical key for name matching.
    pub key: String,
    /// Display name.
    pub name: String,
    /// First name (people).
    pub first: Option<String>,
    /// Surname (people).
    pub last: Option<String>,
    /// Gender, as far as known.
    pub gender: Gender,
    /// Roles held.
    pub roles: Vec<Role>,
    /// Mentions (indices into the working mention list).
    pub mentions: Vec<usize>,
}

/// The working state: all mentions found so far and the clusters they belong to.
#[derive(Default, Debug)]
pub struct Clusters {
    /// Mentions: the NER names first, then nominals and pronouns as they are added.
    pub mentions: Vec<Mention>,
    /// Clusters.
    pub clusters: Vec<Cluster>,
}

impl Clusters {
    /// Adds a mention to cluster `c`.
    pub fn attach(&mut self, mut m: Mention, c: usize) -> usize {
        m.entity = Some(c);
        self.mentions.push(m);
        let i = self.mentions.len() - 1;
        self.clusters[c].mentions.push(i);
        i
    }

    /// Writes mentions and entities into the document: mentions sorted by position, entities
    /// ordered by first mention.
    fn write(self, doc: &mut Document) {
        let Clusters {
            mut mentions,
            clusters,
        } = self;
        let mut order: Vec<usize> = (0..clusters.len())
            .filter(|&c| !clusters[c].mentions.is_empty())
            .collect();
        let first = |c: usize| {
            clusters[c]
                .mentions
                .iter()
                .map(|&m| mentions[m].span.start)
                .min()
                .unwrap_or(0)
        };
        order.sort_by_key(|&c| first(c));
        let mut new_id = vec![None; clusters.len()];
        for (k, &c) in order.iter().enumerate() {
            new_id[c] = Some(k);
        }
        for m in &mut mentions {
            m.entity = m.entity.and_then(|c| new_id[c]);
        }
        mentions.retain(|m| m.entity.is_some() || m.kind == byline_doc::MentionKind::Name);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        mentions.dedup_by_key(|m| (m.span.start, m.span.end));
        let mut entities: Vec<Entity> = order
            .iter()
            .map(|&c| Entity {
                name: clusters[c].name.clone(),
                etype: clusters[c].etype,
                mentions: Vec::new(),
            })
            .collect();
        for (i, m) in mentions.iter().enumerate() {
            if let Some(e) = m.entity {
                entities[e].mentions.push(i);
            }
        }
        doc.mentions = mentions;
        doc.entities = entities;
    }
}

/// The text of token `i`.
pub(crate) fn tok(doc: &Document, i: usize) -> &str {
    let s = doc.tokens[i].span;
    &doc.text[s.start..s.end]
}

/// Genders agree when either is unknown or both are the same.
pub(crate) fn compatible(a: Gender, b: Gender) -> bool {
    a == Gender::Unknown || b == Gender::Unknown || a == b
}
