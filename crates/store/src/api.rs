//! Query parameters and results: the typed surface shared by the CLI and the HTTP server.
//!
//! Parameter structs deserialize from JSON bodies and from query strings alike (every field is
//! a scalar and optional, unknown fields are refused); [`Store`](crate::Store) validates them
//! and answers [`StoreError::InvalidParam`](crate::StoreError::InvalidParam) for bad values.
//! Entity ids are the store's corpus-level ids ([`EntityId`]), article ids are the records'
//! own `id` strings. Offsets are Unicode code points into the article's `text`.

use serde::{Deserialize, Serialize};

/// A corpus-level entity id: one real-world referent across all articles.
pub type EntityId = i64;

/// The largest `limit` any query accepts.
pub const MAX_LIMIT: u32 = 1000;

/// The `limit` used when none is given.
pub const DEFAULT_LIMIT: u32 = 20;

// ---------------------------------------------------------------------------------------------
// ingest

/// What one call to [`Store::ingest`](crate::Store::ingest) did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestReport {
    /// Records stored that were new to the store.
    pub inserted: usize,
    /// Records stored that replaced earlier articles (same id, URL or text hash).
    pub replaced: usize,
    /// Records refused, each with its error message (`record "ID": problem`); the others in
    /// the batch were stored.
    pub rejected: Vec<String>,
}

/// Counts over the whole store.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreStats {
    /// Articles.
    pub articles: u64,
    /// Corpus-level entities.
    pub entities: u64,
    /// Entity mentions.
    pub mentions: u64,
    /// Quotes.
    pub quotes: u64,
    /// Time expressions.
    pub times: u64,
    /// Quantities.
    pub quantities: u64,
    /// Events.
    pub events: u64,
    /// Earliest article date, if any article has one.
    pub first_date: Option<String>,
    /// Latest article date.
    pub last_date: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// search

/// Full-text search over article titles and text, with filters.
///
/// `q` is plain words, all of which must occur (any order; case and accents ignored; a word
/// ending in `*` matches as a prefix; `"two words"` in double quotes is a phrase). Without `q`,
/// the articles matching the filters are listed, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    /// Words to find.
    pub q: Option<String>,
    /// Earliest article date, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Latest article date, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// Publisher, exact (case-insensitive).
    pub publisher: Option<String>,
    /// Only articles mentioning this entity.
    pub entity_id: Option<EntityId>,
    /// Only articles mentioning an entity of this name or alias (resolved like
    /// [`EntityListParams::q`] exactly: every entity whose normalised name or alias is this).
    pub entity: Option<String>,
    /// Order: `relevance` (default with `q`) or `date` (newest first; default without `q`).
    pub sort: Option<SortOrder>,
    /// At most this many hits (default 20, max 1000).
    pub limit: Option<u32>,
    /// Skip this many hits first.
    pub offset: Option<u32>,
}

/// Result order of [`SearchParams`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Best match first (BM25).
    Relevance,
    /// Newest article first.
    Date,
}

/// The answer to a search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// How many articles match in all (not only this page).
    pub total: u64,
    /// This page of hits.
    pub hits: Vec<SearchHit>,
}

/// One article found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The article's id (the record's `id`).
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// A short passage around the matched words (the start of the text without `q`).
    pub snippet: String,
    /// The matched words in `snippet`, as code-point `[start, end)` pairs.
    pub highlights: Vec<[usize; 2]>,
    /// BM25 relevance (higher is better); `None` without `q`.
    pub score: Option<f64>,
}

// ---------------------------------------------------------------------------------------------
// quotes

/// The quote bank: quotes by speaker, by words, by date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteParams {
    /// Quotes whose speaker is this entity.
    pub speaker_id: Option<EntityId>,
    /// Quotes whose speaker is an entity of this name or alias, or whose `speaker_name` is
    /// this (normalised: case, accents and punctuation ignored).
    pub speaker: Option<String>,
    /// Words the quote must contain (same syntax as [`SearchParams::q`]).
    pub q: Option<String>,
    /// Earliest article date, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Latest article date, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// `direct`, `partial` or `indirect`.
    pub kind: Option<String>,
    /// Only quotes with at least this confidence (0..1).
    pub min_confidence: Option<f64>,
    /// At most this many (default 20, max 1000).
    pub limit: Option<u32>,
    /// Skip this many first.
    pub offset: Option<u32>,
}

/// The answer to a quote query, newest article first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteResults {
    /// How many quotes match in all.
    pub total: u64,
    /// This page.
    pub quotes: Vec<QuoteHit>,
}

/// One quote with where it is and who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteHit {
    /// The quote's id in the store.
    pub quote_id: i64,
    /// The article's id.
    pub article_id: String,
    /// The article's headline.
    pub article_title: Option<String>,
    /// The article's date.
    pub date: Option<String>,
    /// The article's publisher.
    pub publisher: Option<String>,
    /// The quoted words.
    pub text: String,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    /// The speaker's corpus entity, when attributed to an entity.
    pub speaker_id: Option<EntityId>,
    /// The speaker's name (the corpus entity's name, else the record's `speaker_name`).
    pub speaker_name: Option<String>,
    /// 0..1.
    pub confidence: f64,
    /// Code-point offset of the quote in the article's text.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

// ---------------------------------------------------------------------------------------------
// entities

/// Find entities by name (for a search box or to resolve a name to ids).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityListParams {
    /// Name or alias, normalised; matches whole names and names starting with it
    /// ("starm" finds "Keir Starmer" through its alias "Starmer"). Without it, the entities
    /// in most articles are listed.
    pub q: Option<String>,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    #[serde(rename = "type")]
    pub etype: Option<String>,
    /// At most this many (default 20, max 1000).
    pub limit: Option<u32>,
    /// Skip this many first.
    pub offset: Option<u32>,
}

/// Entities found, most articles first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityList {
    /// How many match in all.
    pub total: u64,
    /// This page.
    pub entities: Vec<EntitySummary>,
}

/// An entity with its counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntitySummary {
    /// Corpus-level id.
    pub id: EntityId,
    /// Canonical name (the fullest name seen).
    pub name: String,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    #[serde(rename = "type")]
    pub etype: String,
    /// Articles that mention it.
    pub articles: u64,
    /// Mentions in all (names, nominals, pronouns).
    pub mentions: u64,
    /// Quotes attributed to it.
    pub quotes: u64,
    /// How sure the store is that its articles' entities are one referent: the mean of the
    /// per-article link confidences (1.0 for exact name matches).
    pub confidence: f64,
}

/// What to show on an entity page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityParams {
    /// The entity (required).
    pub id: EntityId,
    /// Bucket for mentions over time: `day` or `month` (default).
    pub bucket: Option<Bucket>,
    /// Only articles from this date on (`YYYY-MM-DD`) for counts, co-occurrences and quotes.
    pub from: Option<String>,
    /// Only articles up to this date.
    pub to: Option<String>,
    /// How many co-occurring entities (default 20, max 1000).
    pub cooccurring_limit: Option<u32>,
    /// How many latest quotes (default 20, max 1000).
    pub quotes_limit: Option<u32>,
}

/// Time bucket for counts over time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`.
    #[default]
    Month,
}

/// An entity page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityPage {
    /// The entity and its counts.
    pub entity: EntitySummary,
    /// Every surface name it was mentioned by (name mentions), most frequent first.
    pub aliases: Vec<Alias>,
    /// Mentions and articles per bucket, oldest first; articles without a date are left out.
    pub mentions_over_time: Vec<TimeCount>,
    /// Entities that occur in the same articles, most shared articles first.
    pub cooccurring: Vec<Cooccurrence>,
    /// Its latest quotes, newest article first.
    pub latest_quotes: Vec<QuoteHit>,
}

/// A name an entity was mentioned by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The surface form ("Sir Keir", "Starmer").
    pub name: String,
    /// How many name mentions used it.
    pub count: u64,
}

/// Counts in one time bucket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeCount {
    /// `YYYY-MM` or `YYYY-MM-DD`.
    pub period: String,
    /// Mentions in the bucket's articles.
    pub mentions: u64,
    /// Articles in the bucket that mention the entity.
    pub articles: u64,
}

/// An entity sharing articles with another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cooccurrence {
    /// Corpus-level id.
    pub id: EntityId,
    /// Name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub etype: String,
    /// Articles mentioning both.
    pub articles: u64,
}

// ---------------------------------------------------------------------------------------------
// timeline

/// Events in which an entity takes part or that happen at a place, in date order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineParams {
    /// Events with this entity as a participant or as the place.
    pub entity_id: Option<EntityId>,
    /// Events with an entity of this name or alias as participant or place.
    pub entity: Option<String>,
    /// Events at this place (an entity id).
    pub place_id: Option<EntityId>,
    /// Events at a place of this name or alias.
    pub place: Option<String>,
    /// Event type (`meet`, `agree`, `attack`, ...).
    #[serde(rename = "type")]
    pub etype: Option<String>,
    /// Earliest event date, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Latest event date, inclusive.
    pub to: Option<String>,
    /// Only events with at least this confidence.
    pub min_confidence: Option<f64>,
    /// At most this many (default 20, max 1000).
    pub limit: Option<u32>,
    /// Skip this many first.
    pub offset: Option<u32>,
}

/// A timeline, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// How many events match in all.
    pub total: u64,
    /// This page.
    pub events: Vec<TimelineEvent>,
}

/// One event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// The event's id in the store.
    pub event_id: i64,
    /// The event's day: its time expression's value when that names a day, else the
    /// article's date.
    pub date: Option<String>,
    /// Event type.
    #[serde(rename = "type")]
    pub etype: String,
    /// The trigger word.
    pub trigger: String,
    /// The sentence holding the trigger (the context to show).
    pub sentence: String,
    /// Participants.
    pub participants: Vec<EntityRef>,
    /// Place.
    pub place: Option<EntityRef>,
    /// The time expression's text and value, when the event has one.
    pub time_text: Option<String>,
    /// Its TIMEX3 value.
    pub time_value: Option<String>,
    /// 0..1.
    pub confidence: f64,
    /// The article's id.
    pub article_id: String,
    /// The article's headline.
    pub article_title: Option<String>,
    /// The article's date.
    pub article_date: Option<String>,
    /// Code-point offset of the trigger in the article's text.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

/// A reference to a corpus entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRef {
    /// Corpus-level id.
    pub id: EntityId,
    /// Name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub etype: String,
}

// ---------------------------------------------------------------------------------------------
// graph

/// The co-occurrence graph: entities as nodes, an edge weighted by the number of articles
/// mentioning both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphParams {
    /// Centre the graph on this entity: its neighbours and the edges among them.
    pub entity_id: Option<EntityId>,
    /// Only nodes of this type (`PER`, `ORG`, `LOC`, `MISC`).
    #[serde(rename = "type")]
    pub etype: Option<String>,
    /// Only articles from this date on.
    pub from: Option<String>,
    /// Only articles up to this date.
    pub to: Option<String>,
    /// Only edges seen in at least this many articles (default 1).
    pub min_weight: Option<u32>,
    /// At most this many nodes, the most mentioned (default 100, max 1000).
    pub limit: Option<u32>,
}

/// A co-occurrence graph. [`Graph::to_graphml`] writes it as GraphML.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    /// Nodes, most articles first.
    pub nodes: Vec<GraphNode>,
    /// Edges, heaviest first; `source < target`.
    pub edges: Vec<GraphEdge>,
}

/// A node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphNode {
    /// Corpus-level entity id.
    pub id: EntityId,
    /// Name.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub etype: String,
    /// Articles mentioning it (within the date range).
    pub articles: u64,
}

/// An edge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphEdge {
    /// Entity id.
    pub source: EntityId,
    /// Entity id.
    pub target: EntityId,
    /// Articles mentioning both.
    pub weight: u64,
}

// ---------------------------------------------------------------------------------------------
// article

/// One article with everything needed to render it with highlights: its text, its entities
/// (linked to corpus entities) with mention offsets, and its quotes with speaker entity ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    /// The record's id.
    pub id: String,
    /// URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// The story text; every offset below is a code point into it.
    pub text: String,
    /// Paragraph spans.
    pub paragraphs: Vec<[usize; 2]>,
    /// Its entities.
    pub entities: Vec<ArticleEntity>,
    /// Its quotes, in text order.
    pub quotes: Vec<ArticleQuote>,
    /// Its time expressions.
    pub times: Vec<byline_record::TimeRecord>,
    /// Its quantities.
    pub quantities: Vec<byline_record::QuantityRecord>,
    /// Its events (participants and place as corpus entity ids).
    pub events: Vec<ArticleEvent>,
}

/// An entity of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntity {
    /// The record's entity id ("E3").
    pub local_id: String,
    /// The corpus entity it is linked to.
    pub entity_id: EntityId,
    /// The name in this article.
    pub name: String,
    /// Type.
    #[serde(rename = "type")]
    pub etype: String,
    /// How sure the link to the corpus entity is (1.0: exact name and type).
    pub link_confidence: f64,
    /// Its mentions.
    pub mentions: Vec<byline_record::MentionRecord>,
}

/// A quote of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleQuote {
    /// The quote's id in the store.
    pub quote_id: i64,
    /// Code-point start of the content.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The content.
    pub text: String,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    /// The speaker's corpus entity.
    pub speaker_id: Option<EntityId>,
    /// The speaker's entity id in the record ("E3").
    pub speaker_local_id: Option<String>,
    /// The speaker's name.
    pub speaker_name: Option<String>,
    /// The attributing mention.
    pub speaker_mention: Option<byline_record::Span>,
    /// The speech verb.
    pub cue: Option<byline_record::Span>,
    /// 0..1.
    pub confidence: f64,
    /// Index (in this list) of the quote this one continues.
    pub continues: Option<usize>,
}

/// An event of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleEvent {
    /// The event's id in the store.
    pub event_id: i64,
    /// Type.
    #[serde(rename = "type")]
    pub etype: String,
    /// The trigger word.
    pub trigger: byline_record::Span,
    /// Participants' corpus entity ids.
    pub participants: Vec<EntityId>,
    /// The place's corpus entity id.
    pub place: Option<EntityId>,
    /// Index into `times`.
    pub time: Option<usize>,
    /// 0..1.
    pub confidence: f64,
}
