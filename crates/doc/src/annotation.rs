//! The annotation types stored in a [`Document`](crate::Document)'s layers.

use crate::Span;

/// A token of the clean text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Coarse token classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or digits ("co-production", "No").
    Word,
    /// Digits with optional separators ("1,200", "4.2", "100-year" is a Word).
    Number,
    /// A quotation mark (curly or straight, single or double).
    QuoteMark,
    /// Any other symbol.
    Punct,
}

/// A stretch of text between an opening quotation mark and its closing mark (or the end of the
/// paragraph when the mark is never closed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotedRegion {
    /// The text inside the marks.
    pub content: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, `None` when the paragraph ends first.
    pub close: Option<Span>,
    /// Index of the paragraph it lies in.
    pub paragraph: usize,
    /// True for single marks (‘...’), used for nested quotes and by some publishers.
    pub single: bool,
}

/// Entity types, CoNLL style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// Anything else named: nationalities, events, operations, works.
    Misc,
}

impl EntityType {
    /// "PER", "ORG", "LOC" or "MISC".
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, with its titles ("Sir Keir Starmer").
    Name,
    /// A description ("the Prime Minister").
    Nominal,
    /// A pronoun ("he").
    Pronoun,
}

impl MentionKind {
    /// "name", "nominal" or "pronoun".
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Nominal => "nominal",
            MentionKind::Pronoun => "pronoun",
        }
    }
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The mention's text span.
    pub span: Span,
    /// Name, nominal or pronoun.
    pub kind: MentionKind,
    /// The entity type the mention was found as.
    pub etype: EntityType,
    /// Index into [`Document::entities`](crate::Document::entities), set by coreference.
    pub entity: Option<usize>,
}

/// A real-world referent of the article with all its mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// The fullest proper name seen, without honorifics.
    pub name: String,
    /// Its type.
    pub etype: EntityType,
    /// Indices into [`Document::mentions`](crate::Document::mentions), in text order.
    pub mentions: Vec<usize>,
}

/// Direct, partial or indirect speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// A whole sentence or more in quotation marks.
    Direct,
    /// A few quoted words inside the writer's own sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// "direct", "partial" or "indirect".
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who said what.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The content, without quotation marks (for indirect speech: the reported clause).
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The speaking entity (index into `entities`).
    pub speaker: Option<usize>,
    /// The mention that attributes the quote in the text; `None` when inherited.
    pub speaker_mention: Option<Span>,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// Confidence in the speaker, 0..1.
    pub confidence: f32,
    /// Index of the quote this one continues (multi-paragraph quotes).
    pub continues: Option<usize>,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeType {
    /// A calendar date or period.
    Date,
    /// A time of day, or a part of a day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimeType {
    /// "DATE", "TIME", "DURATION" or "SET".
    pub fn as_str(self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// A normalised time expression.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeExpr {
    /// The expression (signal words such as "on" left out).
    pub span: Span,
    /// Its TIMEX3 type.
    pub ttype: TimeType,
    /// TIMEX3 value ("2025-06-23", "2025-W26", "P2D"), `None` when unresolvable.
    pub value: Option<String>,
}

/// Hedges on a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// "at least"
    AtLeast,
    /// "at most"
    AtMost,
    /// "about", "nearly", "around", "some"
    About,
    /// "more than", "over", "above"
    MoreThan,
    /// "less than", "fewer than", "under"
    LessThan,
    /// "up to"
    UpTo,
}

impl Qualifier {
    /// The record's spelling ("at least", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more than",
            Qualifier::LessThan => "less than",
            Qualifier::UpTo => "up to",
        }
    }
}

/// A numeric claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The claim's text ("at least 10 civilians").
    pub span: Span,
    /// The number, in full units ("$4.2 billion" is 4.2e9).
    pub value: f64,
    /// The counted noun in the plural, an ISO currency code or "percent".
    pub unit: Option<String>,
    /// A hedge, if any.
    pub qualifier: Option<Qualifier>,
}

/// Who did what to whom, where, when.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// "meet", "agree", "attack", "summit", "visit", "announce", ...
    pub kind: &'static str,
    /// The word that signals the event.
    pub trigger: Span,
    /// Entities taking part (indices into `entities`).
    pub participants: Vec<usize>,
    /// Where (index into `entities`).
    pub place: Option<usize>,
    /// When (index into `times`).
    pub time: Option<usize>,
    /// Confidence, 0..1.
    pub confidence: f32,
}

/// A piece of input removed from the story text, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Boilerplate {
    /// The removed text.
    pub text: String,
    /// "donation-appeal", "newsletter", "related-links", "share", "caption", ...
    pub reason: &'static str,
}
