//! The SQLite schema and its migrations (`PRAGMA user_version`).
//!
//! Version 1 is the first schema. A later version adds one entry to [`MIGRATIONS`]; opening an
//! older store runs the missing ones in one transaction.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{Result, Store, StoreError};

/// The schema version this build writes.
pub(crate) const VERSION: i64 = 1;

/// Migration `i` brings a store from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1];

const V1: &str = r#"
CREATE TABLE articles (
    rowid       INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    url         TEXT,
    text_hash   TEXT NOT NULL,
    date        TEXT,
    title       TEXT,
    publisher   TEXT,
    publisher_norm TEXT,
    language    TEXT,
    authors     TEXT NOT NULL,          -- JSON array
    source_path TEXT,
    source_format TEXT NOT NULL,
    text        TEXT NOT NULL,
    record      BLOB NOT NULL,          -- the record as deflated JSON, "text" emptied (it is above)
    ingested_at TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_hash ON articles(text_hash);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_publisher ON articles(publisher_norm, date);

CREATE TABLE entities (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    norm          TEXT NOT NULL,
    type          TEXT NOT NULL,
    last_token    TEXT NOT NULL,        -- last word of norm, for surname links
    articles      INTEGER NOT NULL DEFAULT 0,
    mentions      INTEGER NOT NULL DEFAULT 0,
    quotes        INTEGER NOT NULL DEFAULT 0,
    confidence_sum REAL NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX entities_norm_type ON entities(norm, type);
CREATE INDEX entities_last ON entities(type, last_token);
CREATE INDEX entities_articles ON entities(articles DESC);

-- every surface name an entity was mentioned by, and its normalised key
CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    norm      TEXT NOT NULL,
    name      TEXT NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (entity_id, norm)
) WITHOUT ROWID;
CREATE INDEX aliases_norm ON aliases(norm);

-- an article's entity ("E3") linked to its corpus entity
CREATE TABLE article_entities (
    article    INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    entity_id  INTEGER NOT NULL REFERENCES entities(id),
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    rule       TEXT NOT NULL,           -- how it was linked: exact, alias, surname, type, new
    confidence REAL NOT NULL,
    PRIMARY KEY (article, local_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, article);

CREATE TABLE mentions (
    article   INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    local_id  TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    kind      TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    article     INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    speaker_local TEXT,
    speaker_id  INTEGER REFERENCES entities(id),
    speaker_name TEXT,
    speaker_norm TEXT,
    speaker_mention TEXT,               -- JSON span
    cue         TEXT,                   -- JSON span
    confidence  REAL NOT NULL,
    continues   INTEGER,
    date        TEXT                    -- the article's date (denormalised for ordering)
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker_id, date);
CREATE INDEX quotes_speaker_norm ON quotes(speaker_norm);
CREATE INDEX quotes_date ON quotes(date);

CREATE TABLE times (
    article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,
    value   TEXT,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE quantities (
    article   INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     REAL NOT NULL,
    unit      TEXT,
    qualifier TEXT,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    article      INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    type         TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end  INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    place_local  TEXT,
    place_id     INTEGER REFERENCES entities(id),
    time_idx     INTEGER,
    date         TEXT,                  -- the event's day, else the article's date
    confidence   REAL NOT NULL,
    sentence     TEXT NOT NULL          -- the sentence holding the trigger
);
CREATE INDEX events_article ON events(article);
CREATE INDEX events_place ON events(place_id, date);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_participants (
    event     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    local_id  TEXT NOT NULL,
    PRIMARY KEY (event, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity_id, event);

-- full-text search; external content, kept in step by ingest
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
"#;

pub(crate) fn open(path: &Path, read_only: bool) -> Result<Store> {
    let open_err = |message: String| StoreError::Open {
        path: path.to_path_buf(),
        message,
    };
    if read_only && !path.exists() {
        return Err(open_err("no such store".into()));
    }
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| open_err(format!("cannot open: {e}")))?;
    let not_a_store = |e: rusqlite::Error| open_err(format!("not a byline store: {e}"));
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(not_a_store)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(not_a_store)?;
    if version > VERSION {
        return Err(StoreError::SchemaTooNew {
            path: path.to_path_buf(),
            found: version,
            supported: VERSION,
        });
    }
    if !read_only {
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(not_a_store)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Page cache: ingest touches ~100 random index pages per article (entity counts, alias
    // keys, quote speakers and dates), about 190 MB of index at 100k articles; a writer whose
    // cache holds them keeps its speed as the store grows. Readers need less. Reads beyond
    // the cache go through a memory map rather than read calls.
    let cache_kib: i64 = if read_only { 64 * 1024 } else { 512 * 1024 };
    conn.pragma_update(None, "cache_size", -cache_kib)?;
    conn.pragma_update(None, "mmap_size", 8_i64 << 30)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.set_prepared_statement_cache_capacity(64);
    if version == 0 {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(open_err(
                "not a byline store (a SQLite database with other tables)".into(),
            ));
        }
    }
    if version < VERSION {
        if read_only {
            return Err(open_err(format!(
                "store schema version {version} needs migrating to {VERSION}: open it once for writing (e.g. `byline ingest`)"
            )));
        }
        migrate(&conn, version)?;
    }
    Ok(Store {
        conn,
        path: path.to_path_buf(),
    })
}

fn migrate(conn: &Connection, from: i64) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(sql)?;
        // user_version cannot be a bound parameter; it is our own integer
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
    }
    tx.commit()?;
    Ok(())
}
