/*!
The byline pipeline: one [`Pipeline`] runs its stages in order over one [`Document`] and turns
it into a [`Record`].

The default pipeline is the full news pipeline:

| stage | requires | produces |
|---|---|---|
| `clean` | | text, boilerplate |
| `segment` | text | paragraphs, tokens, sentences, quoted regions |
| `ner` | tokens, sentences, quoted regions | mentions |
| `coref` | mentions | entities (names, nominals, pronouns) |
| `quotes` | entities, quoted regions | quotes |
| `times` | sentences | times |
| `quantities` | times, mentions | quantities |
| `events` | entities, times | events |

[`PipelineBuilder::build`] checks that every layer a stage requires is produced by an earlier
stage, and that no text-rewriting stage runs after spans exist. A stage that panics on a
document is caught and reported as that document's error; the batch goes on.

# Example
```
use byline_pipeline::Pipeline;
let pipeline = Pipeline::default();
let record = pipeline.process_text("note.txt", "“We will rebuild,” the mayor said on Monday.", None).unwrap();
assert_eq!(record.schema, "byline/1");
assert_eq!(record.quotes[0].text, "We will rebuild,");
```
*/
#![deny(missing_docs)]

use std::panic::{catch_unwind, AssertUnwindSafe};

pub use byline_doc::{Document, Layer, Stage, StageError};
pub use byline_record::Record;
/// The calendar date type used for reference dates.
pub use chrono::NaiveDate as Date;

/// Why a pipeline could not be built or a document not processed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// A stage needs a layer no earlier stage produces.
    #[error("stage `{stage}` needs the `{}` layer, which no earlier stage produces", layer.name())]
    Unmet {
        /// The stage.
        stage: &'static str,
        /// The missing layer.
        layer: Layer,
    },
    /// A stage that rewrites the text comes after stages that made spans over it.
    #[error("stage `{stage}` rewrites the text but runs after stages that annotate it")]
    RewriteAfterSpans {
        /// The stage.
        stage: &'static str,
    },
    /// A stage rejected the document.
    #[error(transparent)]
    Stage(#[from] StageError),
    /// A stage panicked on the document (a bug; the batch goes on).
    #[error("internal error in stage `{stage}`: {message}")]
    Panic {
        /// The stage.
        stage: &'static str,
        /// The panic message.
        message: String,
    },
}

/// Stages in order, checked.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

/// Builds a [`Pipeline`].
#[derive(Default)]
pub struct PipelineBuilder {
    stages: Vec<Box<dyn Stage>>,
}

impl PipelineBuilder {
    /// An empty builder.
    pub fn new() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The full news pipeline with default settings.
    pub fn news() -> PipelineBuilder {
        PipelineBuilder::new()
            .stage(byline_clean::Clean::default())
            .stage(byline_segment::Segment)
            .stage(byline_ner::Ner::default())
            .stage(byline_coref::Coref)
            .stage(byline_quotes::Quotes::default())
            .stage(byline_times::Times)
            .stage(byline_quantities::Quantities::default())
            .stage(byline_events::Events::default())
    }

    /// Appends a stage.
    #[must_use]
    pub fn stage(mut self, stage: impl Stage + 'static) -> PipelineBuilder {
        self.stages.push(Box::new(stage));
        self
    }

    /// Uses the learned tagger in the `ner` stage (the default) or rules only (`false`: about
    /// three times faster on the whole pipeline, fewer entities typed right).
    #[must_use]
    pub fn learned_ner(mut self, on: bool) -> PipelineBuilder {
        for s in &mut self.stages {
            if s.name() == "ner" {
                *s = Box::new(byline_ner::Ner { use_model: on });
            }
        }
        self
    }

    /// Sets the `quotes` stage's options: the learned attribution tagger's finds (off by
    /// default; see the quotes crate README for its measured effect) and raw confidences.
    #[must_use]
    pub fn quotes(mut self, quotes: byline_quotes::Quotes) -> PipelineBuilder {
        if let Some(s) = self.stages.iter_mut().find(|s| s.name() == "quotes") {
            *s = Box::new(quotes);
        }
        self
    }

    /// Removes the stages with these names (and fails at build time if a later stage needed
    /// them).
    #[must_use]
    pub fn disable(mut self, names: &[&str]) -> PipelineBuilder {
        self.stages.retain(|s| !names.contains(&s.name()));
        self
    }

    /// Checks the order of stages and builds the pipeline.
    pub fn build(self) -> Result<Pipeline, PipelineError> {
        let mut have: Vec<Layer> = Vec::new();
        for s in &self.stages {
            if s.rewrites_text() && have.iter().any(|l| *l != Layer::Text) {
                return Err(PipelineError::RewriteAfterSpans { stage: s.name() });
            }
            for l in s.requires() {
                if !have.contains(l) {
                    return Err(PipelineError::Unmet {
                        stage: s.name(),
                        layer: *l,
                    });
                }
            }
            have.extend_from_slice(s.produces());
        }
        Ok(Pipeline {
            stages: self.stages,
        })
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        // The news pipeline is valid by construction; its order is tested.
        match PipelineBuilder::news().build() {
            Ok(p) => p,
            Err(e) => unreachable!("the default pipeline is invalid: {e}"),
        }
    }
}

/// One stage's place in the pipeline, for `byline pipeline --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageInfo {
    /// Stage name.
    pub name: &'static str,
    /// Layers needed.
    pub requires: Vec<&'static str>,
    /// Layers added.
    pub produces: Vec<&'static str>,
}

impl Pipeline {
    /// Runs every stage over `doc` in place.
    pub fn annotate(&self, doc: &mut Document) -> Result<(), PipelineError> {
        for s in &self.stages {
            match catch_unwind(AssertUnwindSafe(|| s.process(doc))) {
                Ok(r) => r?,
                Err(payload) => {
                    let message = payload
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "panic".to_string());
                    return Err(PipelineError::Panic {
                        stage: s.name(),
                        message,
                    });
                }
            }
            if s.rewrites_text() && doc.text.trim().is_empty() && !doc.raw.trim().is_empty() {
                doc.warnings.push(
                    "no story text left after cleaning: everything was boilerplate".to_string(),
                );
            }
        }
        Ok(())
    }

    /// Runs every stage over `doc`, adding the time each took to `times` (one entry per stage,
    /// in pipeline order), for profiling.
    pub fn annotate_timed(
        &self,
        doc: &mut Document,
        times: &mut [std::time::Duration],
    ) -> Result<(), PipelineError> {
        for (s, t) in self.stages.iter().zip(times.iter_mut()) {
            let start = std::time::Instant::now();
            s.process(doc)?;
            *t += start.elapsed();
        }
        Ok(())
    }

    /// Processes one document into its record.
    pub fn process(&self, mut doc: Document) -> Result<Record, PipelineError> {
        self.annotate(&mut doc)?;
        Ok(Record::from_document(&doc))
    }

    /// Processes a text given as a string; `date` is the publication date that relative times
    /// are resolved against.
    pub fn process_text(
        &self,
        id: &str,
        text: &str,
        date: Option<chrono::NaiveDate>,
    ) -> Result<Record, PipelineError> {
        let mut doc = Document::from_text(id, text);
        doc.meta.date = date;
        doc.meta.language = Some("en".to_string());
        self.process(doc)
    }

    /// Processes documents in parallel; results come back in input order.
    pub fn process_batch(&self, docs: Vec<Document>) -> Vec<Result<Record, PipelineError>> {
        use rayon::prelude::*;
        docs.into_par_iter().map(|d| self.process(d)).collect()
    }

    /// The stages with what each requires and produces.
    pub fn explain(&self) -> Vec<StageInfo> {
        self.stages
            .iter()
            .map(|s| StageInfo {
                name: s.name(),
                requires: s.requires().iter().map(|l| l.name()).collect(),
                produces: s.produces().iter().map(|l| l.name()).collect(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_pipeline_is_valid_and_ordered() {
        let p = PipelineBuilder::news().build().unwrap();
        let names: Vec<_> = p.explain().iter().map(|s| s.name).collect();
        assert_eq!(
            names,
            [
                "clean",
                "segment",
                "ner",
                "coref",
                "quotes",
                "times",
                "quantities",
                "events"
            ]
        );
    }

    #[test]
    fn missing_layer_is_reported() {
        let err = PipelineBuilder::news()
            .disable(&["ner"])
            .build()
            .err()
            .unwrap();
        assert!(
            matches!(
                err,
                PipelineError::Unmet {
                    stage: "coref",
                    layer: Layer::Mentions
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn rewrite_after_spans_is_rejected() {
        let err = PipelineBuilder::new()
            .stage(byline_clean::Clean::default())
            .stage(byline_segment::Segment)
            .stage(byline_clean::Clean::default())
            .build()
            .err()
            .unwrap();
        assert!(matches!(
            err,
            PipelineError::RewriteAfterSpans { stage: "clean" }
        ));
    }
}
