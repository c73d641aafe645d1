/*!
The document model that every byline stage reads and writes.

A [`Document`] owns the decoded input (`raw`), the clean story `text` (set once by the cleaning
stage, then frozen) and typed annotation layers over that text: paragraphs, sentences, tokens,
quoted regions, entity mentions, entities, quotes, times, quantities and events. Every annotation
is a [`Span`] of **byte** offsets into `text`; the record layer converts them to Unicode code
points exactly once, through a [`CharIndex`].

Stages implement [`Stage`]: they declare the [`Layer`]s they require and produce, and add
annotations to one document in place. Stages never call each other; they only see layers.

# Brief overview
- [`Document`], [`Span`], [`Layer`]: the data.
- [`annotation`]: the types stored in each layer.
- [`Stage`], [`StageError`]: the contract of a pipeline stage.
- [`Alignment`]: maps clean-text offsets back to the raw input (provenance).
- [`CharIndex`]: byte to code-point offsets.
- [`text`]: small character-class helpers shared by stages (quote marks, word boundaries).

# Example
```
use byline_doc::{Document, Span};
let mut doc = Document::from_text("a.txt", "Sir Keir said “yes”.");
doc.text = doc.raw.clone();
let span = Span::new(0, 8);
assert_eq!(doc.slice(span), "Sir Keir");
```
*/
#![deny(missing_docs)]

pub mod annotation;
mod charindex;
mod document;
mod stage;
pub mod text;

pub use annotation::*;
pub use charindex::CharIndex;
pub use document::{Alignment, Document, Format, Meta, Source};
pub use stage::{Layer, Stage, StageError};

/// A half-open range `[start, end)` of **byte** offsets into [`Document::text`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the byte offset lies inside this span.
    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}
