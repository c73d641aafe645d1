/*!
Facts that byline's stages look up: calendar words, number words, honorifics and roles, places
and demonyms, organisation words and speech verbs.

Everything here is plain data (lists of names and words that are facts of the language or the
world), kept apart from the stages that use it so the lists can grow without touching logic.

# Brief overview
- [`calendar`]: months and weekdays.
- [`numbers`]: number words ("seven", "two hundred", "dozen").
- [`people`]: honorifics, role nouns, first names with their usual gender, pronouns.
- [`places`]: countries with their aliases and demonyms, cities, regions.
- [`orgs`]: well-known organisations and organisation-forming words.
- [`speech`]: speech (cue) verbs.
- [`words`]: function words and common sentence-initial words that are not names.

# Example
```
assert_eq!(byline_lexicon::numbers::word_value("seven"), Some(7));
assert_eq!(byline_lexicon::calendar::month("Jan."), Some(1));
```
*/
#![deny(missing_docs)]

pub mod calendar;
pub mod numbers;
pub mod orgs;
pub mod people;
pub mod places;
pub mod speech;
pub mod words;
