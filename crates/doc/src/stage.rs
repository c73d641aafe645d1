//! The contract between the pipeline and its stages.

use crate::Document;

/// A kind of annotation a stage reads or writes; the pipeline checks at build time that every
/// layer a stage requires is produced by an earlier stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// The clean story text and the boilerplate removed from it.
    Text,
    /// Paragraph spans.
    Paragraphs,
    /// Sentence spans.
    Sentences,
    /// Token spans.
    Tokens,
    /// Regions between quotation marks.
    QuotedRegions,
    /// Entity mentions (names found by NER).
    Mentions,
    /// Entities with their clustered name, nominal and pronoun mentions.
    Entities,
    /// Direct, partial and indirect quotes.
    Quotes,
    /// Normalised time expressions.
    Times,
    /// Numeric claims.
    Quantities,
    /// Events.
    Events,
}

impl Layer {
    /// The layer's name as used in messages and `pipeline --explain`.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Text => "text",
            Layer::Paragraphs => "paragraphs",
            Layer::Sentences => "sentences",
            Layer::Tokens => "tokens",
            Layer::QuotedRegions => "quoted-regions",
            Layer::Mentions => "mentions",
            Layer::Entities => "entities",
            Layer::Quotes => "quotes",
            Layer::Times => "times",
            Layer::Quantities => "quantities",
            Layer::Events => "events",
        }
    }
}

/// One step of the pipeline. Stages are built once (loading lexicons and models) and shared by
/// every worker thread, so `process` takes `&self`.
pub trait Stage: Send + Sync {
    /// Short name, e.g. `"quotes"`.
    fn name(&self) -> &'static str;
    /// Layers that must exist before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage adds.
    fn produces(&self) -> &'static [Layer];
    /// True for stages that rewrite `text` (they must run before any span-producing stage).
    fn rewrites_text(&self) -> bool {
        false
    }
    /// Annotate one document in place.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// A stage failed on one document. The batch goes on; the document is reported as failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StageError {
    /// The document cannot be processed by this stage (e.g. it has no text left).
    #[error("{stage}: {message}")]
    Rejected {
        /// The stage's name.
        stage: &'static str,
        /// What was wrong.
        message: String,
    },
}
