/*!
The byline corpus store: `byline/1` records in one SQLite file, with corpus-level entities,
full-text search, a quote bank, timelines, a co-occurrence graph and Parquet/JSONL export.

# Brief overview
- [`Store::open`] opens (or creates) a store file: WAL mode, `synchronous=NORMAL`, foreign
  keys on, schema migrated through `user_version`.
- [`Store::ingest`] stores a batch of records in one transaction. Re-ingesting an article
  (same id, same URL or same text) replaces it. Each article entity is linked to a
  **corpus entity** by normalised name, aliases and type, with a confidence.
- Queries take a parameter struct (serde, unknown fields refused) and return a serde result:
  [`Store::search`], [`Store::quotes`], [`Store::entities`], [`Store::entity`],
  [`Store::timeline`], [`Store::graph`] (and [`Graph::to_graphml`]), [`Store::article`].
  Bad parameters are [`StoreError::InvalidParam`] ([`StoreError::is_client_error`]).
- [`Store::export`] writes one table per record part as Parquet or JSONL.

A [`Store`] is `Send` but not `Sync`: a server opens one per worker (readers do not block one
another or the writer in WAL mode).

# Example
```
use byline_store::{Store, SearchParams};
let dir = tempfile::tempdir()?;
let mut store = Store::open(dir.path().join("corpus.db"))?;
let rec: byline_record::Record = serde_json::from_str(r#"{"schema":"byline/1","id":"a.txt",
  "source":{"path":null,"url":null,"format":"text"},
  "meta":{"title":null,"date":"2025-06-23","publisher":null,"authors":[],"language":"en"},
  "text":"The harbour bridge reopened.","boilerplate":[],"paragraphs":[],"sentences":[],
  "entities":[],"quotes":[],"times":[],"quantities":[],"events":[],"warnings":[]}"#)?;
store.ingest(&[rec])?;
let found = store.search(&SearchParams { q: Some("bridge".into()), ..Default::default() })?;
assert_eq!(found.hits[0].id, "a.txt");
# Ok::<(), Box<dyn std::error::Error>>(())
```
*/
#![deny(missing_docs)]

mod api;
mod error;
mod export;
mod graphml;
mod ingest;
mod normalize;
mod query;
mod schema;

use std::path::{Path, PathBuf};

pub use api::*;
pub use error::{Result, StoreError};
pub use export::{ExportFormat, ExportReport, ExportedTable};
pub use normalize::normalize_name;

use rusqlite::Connection;

/// An open corpus store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the store at `path`, creating the file and its schema if missing and migrating an
    /// older schema. Fails with [`StoreError::Open`] for a file that is not a byline store
    /// and [`StoreError::SchemaTooNew`] for one written by a newer byline.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        schema::open(path.as_ref(), false)
    }

    /// Opens an existing store for reading only (queries and export; ingest fails). For a
    /// server: never creates or migrates anything.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        schema::open(path.as_ref(), true)
    }

    /// The file this store was opened from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores `records` in one transaction. A record that is not valid (wrong schema, a span
    /// outside its text, an unknown entity id) is refused and listed in
    /// [`IngestReport::rejected`]; the others are stored. An article already in the store with
    /// the same `id`, the same `source.url` or the same text is replaced (its mentions,
    /// quotes, events, search rows and entity counts with it). Fails only when the database
    /// itself fails, and then nothing of the batch is stored.
    pub fn ingest(&mut self, records: &[byline_record::Record]) -> Result<IngestReport> {
        ingest::ingest(self, records)
    }

    /// Removes an article (and everything of it). Returns whether it was there.
    pub fn delete_article(&mut self, id: &str) -> Result<bool> {
        ingest::delete_article(self, id)
    }

    /// Runs SQLite's `PRAGMA integrity_check`, `PRAGMA foreign_key_check` and the full-text
    /// indexes' own check against their tables (not on a store opened read-only): `"ok"` for
    /// a sound store, else the problems found, one per line.
    pub fn integrity_check(&self) -> Result<String> {
        let mut problems: Vec<String> = Vec::new();
        let mut st = self.conn.prepare("PRAGMA integrity_check")?;
        for r in st.query_map([], |r| r.get::<_, String>(0))? {
            let r = r?;
            if r != "ok" {
                problems.push(r);
            }
        }
        let mut st = self.conn.prepare("PRAGMA foreign_key_check")?;
        for r in st.query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {:?} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?
            ))
        })? {
            problems.push(r?);
        }
        // the full-text indexes against their content tables (SQLite runs this check as a
        // write, so a read-only store skips it)
        let read_only = self.conn.is_readonly(rusqlite::MAIN_DB)?;
        for fts in ["articles_fts", "quotes_fts"]
            .into_iter()
            .filter(|_| !read_only)
        {
            let sql = format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)");
            if let Err(e) = self.conn.execute(&sql, []) {
                problems.push(format!("{fts}: {e}"));
            }
        }
        Ok(if problems.is_empty() {
            "ok".into()
        } else {
            problems.join("\n")
        })
    }

    /// Counts over the whole store.
    pub fn stats(&self) -> Result<StoreStats> {
        query::stats(self)
    }

    /// Full-text search over articles with filters (see [`SearchParams`]).
    pub fn search(&self, params: &SearchParams) -> Result<SearchResults> {
        query::search(self, params)
    }

    /// The quote bank (see [`QuoteParams`]).
    pub fn quotes(&self, params: &QuoteParams) -> Result<QuoteResults> {
        query::quotes(self, params)
    }

    /// Finds entities by name or alias (see [`EntityListParams`]).
    pub fn entities(&self, params: &EntityListParams) -> Result<EntityList> {
        query::entities(self, params)
    }

    /// An entity page: aliases, type, mentions over time, top co-occurring entities, latest
    /// quotes. [`StoreError::NotFound`] for an unknown id.
    pub fn entity(&self, params: &EntityParams) -> Result<EntityPage> {
        query::entity(self, params)
    }

    /// A timeline of events for an entity or a place (see [`TimelineParams`]).
    pub fn timeline(&self, params: &TimelineParams) -> Result<Timeline> {
        query::timeline(self, params)
    }

    /// The entity co-occurrence graph (see [`GraphParams`]).
    pub fn graph(&self, params: &GraphParams) -> Result<Graph> {
        query::graph(self, params)
    }

    /// One article for display: text, entities with mention offsets, quotes with speaker
    /// entity ids. [`StoreError::NotFound`] for an unknown id.
    pub fn article(&self, id: &str) -> Result<ArticleView> {
        query::article(self, id)
    }

    /// The article's full `byline/1` record as it was ingested.
    pub fn record(&self, id: &str) -> Result<byline_record::Record> {
        query::record(self, id)
    }

    /// Writes one file per table (articles, entities, article_entities, aliases, mentions,
    /// quotes, times, quantities, events, event_participants) into `dir`, created if missing.
    pub fn export(&self, dir: &Path, format: ExportFormat) -> Result<ExportReport> {
        export::export(self, dir, format)
    }
}

/// Deflate-compresses a stored record (fast level: JSON shrinks about fivefold).
pub(crate) fn deflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    // writing into a Vec cannot fail
    let _ = z.write_all(bytes);
    z.finish().unwrap_or_default()
}

/// Inflates a stored record.
pub(crate) fn inflate(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::with_capacity(bytes.len() * 5);
    flate2::read::DeflateDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| StoreError::Damaged(format!("stored record: {e}")))?;
    Ok(out)
}

impl Graph {
    /// The graph as a GraphML document (node attributes `name`, `type`, `articles`; edge
    /// attribute `weight`).
    pub fn to_graphml(&self) -> String {
        graphml::to_graphml(self)
    }
}
