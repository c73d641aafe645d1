/*!
The byline `events` stage: who did what to whom, where and when.

The stage reads the sentences, tokens, quoted regions, resolved entity mentions and time
expressions of a [`Document`] and adds one [`Event`] per reported happening: its type, the
trigger word, the participating entities, the place entity and the time expression. Types:
`"meet"`, `"agree"`, `"attack"`, `"summit"`, `"visit"`, `"announce"`, `"kill"`, `"resign"`,
`"elect"`, `"arrest"`, `"sentence"`, `"protest"`, `"injure"`, `"acquire"`, `"plead"`,
`"sign"` (legislation), `"pass"` (legislation) and `"declare"` (an emergency, war); see
[`triggers::KINDS`].

# Brief overview
- **Triggers** ([`triggers`]): lowercase word forms in the writer's own text ("met", "held
  talks", "agreed", "fired ... missiles at", "summit", "trip to"), each with the context it needs
  and veto words ("meet the target", "heart attack", "attacking midfielder", "the jailed
  leader"). Negated or hedged triggers ("did not meet", "a possible attack") and "agreed to"
  before another trigger ("agreed to buy") do not count. Words inside quoted regions count only
  in sentences that are entirely quoted.
- **Participants** are entities of mentions (names, nominals, pronouns). For verbs: the mentions
  of the trigger's clause before it (subject side; a relative clause or appositive ", who ...,"
  is skipped, the walk stops at clause openers such as "as", "after", "that" and at speech verbs)
  and after it up to the clause end (object side: ".", ";", "which", "as", "... and described",
  a purpose "to ...", a trailing ", X said"). A participial clause with no subject of its own
  ("after being welcomed", "After meeting in No 10, the two leaders ...") takes the main
  clause's subject. For nouns: the mentions modifying it ("a Nato summit", "Russia’s attack",
  "his visit", "their meeting"), a light verb's subject ("reached a settlement with") and its
  prepositional phrase ("talks with X", "an attack on Y"); only a summit falls back to its
  clause's subject. Persons count; organisations unless they are a venue ("outside Air France
  headquarters"); countries for meet, agree, attack, summit and declare unless a locative
  preposition governs them ("in", "to", "from", "for", ...); for attacks "at Ukraine" is the
  target. Owners ("Yeltsin’s children") are not parties. "The pair", "the two leaders", "the
  two" and an adjacent "they" stand for at least two persons just named.
- **Place**: a location after "at", "in", "near", "outside", "across" (also "to" right after a
  visit or meeting trigger, and the object of "visited"): the first after the trigger within its
  clause, else a single location modifying a noun trigger ("the Geneva summit"), else the
  nearest before it in the sentence; never a participant.
- **Time**: the sentence's time expression nearest to the trigger.
- **Filtering**: events need a participant (a takeover a company); noun visits need a place; a
  summit swallows a meeting of the same sentence; an event whose parties are a subset of another
  of its type in the same sentence is merged into it; a definite noun ("the agreement") that
  refers back to an earlier event is dropped; repeats (same type and participants in one
  paragraph, at the same place, or a later noun trigger) are merged into the first.
- **Confidence**: 0.5, +0.2 with two or more participants, +0.1 with a place, +0.1 with a time,
  at most 0.95.
- **Speed**: one class lookup per token, rules only around trigger words, bounded windows:
  several million words per second on one core.

# Example
```
use byline_doc::{
    Document, Entity, EntityType, Layer, Mention, MentionKind, Span, Stage, Token, TokenKind,
};
use byline_events::Events;

let text = "Volodymyr Zelensky met Keir Starmer in London .";
let mut doc = Document::from_text("a.txt", text);
doc.text = text.to_string();
doc.sentences = vec![Span::new(0, text.len())];
let mut at = 0;
for word in text.split(' ') {
    let kind = if word == "." { TokenKind::Punct } else { TokenKind::Word };
    doc.tokens.push(Token { span: Span::new(at, at + word.len()), kind });
    at += word.len() + 1;
}
for (name, etype) in
    [("Volodymyr Zelensky", EntityType::Per), ("Keir Starmer", EntityType::Per), ("London", EntityType::Loc)]
{
    let start = text.find(name).unwrap();
    let entity = doc.entities.len();
    doc.mentions.push(Mention {
        span: Span::new(start, start + name.len()),
        kind: MentionKind::Name,
        etype,
        entity: Some(entity),
    });
    doc.entities.push(Entity { name: name.to_string(), etype, mentions: vec![entity] });
}

let stage = Events::default();
assert_eq!(stage.produces(), &[Layer::Events]);
stage.process(&mut doc).unwrap();

assert_eq!(doc.events.len(), 1);
let event = &doc.events[0];
assert_eq!(event.kind, "meet");
assert_eq!(doc.slice(event.trigger), "met");
assert_eq!(event.participants, vec![0, 1]);
assert_eq!(event.place, Some(2));
assert!(event.confidence > 0.7);
```
*/
#![deny(missing_docs)]

mod extract;
pub mod triggers;
mod words;

use byline_doc::{Document, Event, Layer, Stage, StageError};

/// The events stage. Stateless: the trigger lexicons are static data.
#[derive(Clone, Debug, Default)]
pub struct Events {
    _private: (),
}

impl Events {
    /// The stage with the built-in trigger lexicons.
    pub fn new() -> Events {
        Events::default()
    }

    /// The events of `doc` (which must carry sentences, tokens, quoted regions, mentions,
    /// entities and times), in trigger order, without changing the document.
    pub fn find(&self, doc: &Document) -> Vec<Event> {
        extract::extract(doc)
    }
}

impl Stage for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Entities,
            Layer::Times,
            Layer::QuotedRegions,
        ]
    }

    fn produces(&self) -> &'static [Layer] {
        &[Layer::Events]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let found = extract::extract(doc);
        doc.events.extend(found);
        Ok(())
    }
}
