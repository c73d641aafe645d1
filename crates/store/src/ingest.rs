//! Ingest: records into the tables, corpus entity linking, replacement of earlier versions.
//!
//! One batch is one transaction. Records are validated first (a bad one is reported and left
//! out); should a valid record still break a constraint, the batch is rolled back and written
//! again with a savepoint per record, so that only that record is refused.

use std::collections::{HashMap, HashSet};

use byline_record::Record;
use rusqlite::{params, Connection, OptionalExtension};

use crate::normalize::{identity_key, last_token, text_hash};
use crate::{IngestReport, Result, Store, StoreError};

/// How an article entity was linked to a corpus entity, and how sure that is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Link {
    /// Same normalised name and type.
    Exact,
    /// Its name is a known alias (a name mention) of exactly one entity of the same type.
    Alias,
    /// A one-word person name equal to the surname of exactly one known person.
    Surname,
    /// Same normalised name, another non-person type (ORG / LOC / MISC disagree often).
    Type,
    /// No match: a new corpus entity.
    New,
}

impl Link {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Link::Exact => "exact",
            Link::Alias => "alias",
            Link::Surname => "surname",
            Link::Type => "type",
            Link::New => "new",
        }
    }

    pub(crate) fn confidence(self) -> f64 {
        match self {
            Link::Exact | Link::New => 1.0,
            Link::Alias => 0.9,
            Link::Surname => 0.7,
            Link::Type => 0.6,
        }
    }
}

pub(crate) fn ingest(store: &mut Store, records: &[Record]) -> Result<IngestReport> {
    let now = now();
    let mut report = IngestReport::default();
    let mut valid = Vec::with_capacity(records.len());
    for rec in records {
        match validate(rec) {
            Ok(()) => valid.push(rec),
            Err(message) => report.rejected.push(
                StoreError::InvalidRecord {
                    id: rec.id.clone(),
                    message,
                }
                .to_string(),
            ),
        }
    }
    // Fast path: the whole batch in one transaction without savepoints (a savepoint makes
    // FTS5 flush its pending terms to a new segment, a quarter of ingest time). Should a
    // record break a constraint, the batch is rolled back and written again with one
    // savepoint per record, so that only that record is refused.
    let done = match write_batch(store, &valid, &now, false)? {
        Some(done) => done,
        None => write_batch(store, &valid, &now, true)?.unwrap_or_default(),
    };
    report.inserted = done.inserted;
    report.replaced = done.replaced;
    report.rejected.extend(done.rejected);
    Ok(report)
}

/// Writes valid records in one transaction. Without savepoints, a constraint failure rolls
/// the whole batch back and returns `None`.
fn write_batch(
    store: &mut Store,
    records: &[&Record],
    now: &str,
    savepoints: bool,
) -> Result<Option<IngestReport>> {
    let mut report = IngestReport::default();
    let mut fts = Vec::new();
    let mut tx = store.conn.transaction()?;
    for rec in records {
        let result = if savepoints {
            let sp = tx.savepoint()?;
            let mut mine = Vec::new();
            let r = insert_record(&sp, rec, now, &mut mine);
            if r.is_ok() {
                sp.commit()?;
                fts.append(&mut mine);
            } // else dropped: rolls back this record only
            r
        } else {
            insert_record(&tx, rec, now, &mut fts)
        };
        match result {
            Ok(true) => report.replaced += 1,
            Ok(false) => report.inserted += 1,
            Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, msg)))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                if !savepoints {
                    return Ok(None); // tx dropped: rolled back
                }
                report.rejected.push(
                    StoreError::InvalidRecord {
                        id: rec.id.clone(),
                        message: msg.unwrap_or_else(|| e.to_string()),
                    }
                    .to_string(),
                );
            }
            Err(e) => return Err(e),
        }
    }
    apply_fts(&tx, fts)?;
    tx.commit()?;
    Ok(Some(report))
}

/// A change to a full-text index, queued while a batch is written and applied at its end.
///
/// FTS5 flushes its pending terms to a new index segment whenever a statement opens a
/// statement savepoint in the transaction (every insert checked by a foreign key does), so
/// interleaving FTS writes with the other tables' writes made one tiny segment per statement
/// and left FTS merging as the largest cost of ingest. Applied together, in order, they
/// make one segment per batch.
pub(crate) enum FtsOp {
    Article {
        delete: bool,
        rowid: i64,
        title: String,
        text: String,
    },
    Quote {
        delete: bool,
        rowid: i64,
        text: String,
    },
}

fn apply_fts(conn: &Connection, ops: Vec<FtsOp>) -> Result<()> {
    for op in ops {
        match op {
            FtsOp::Article {
                delete: false,
                rowid,
                title,
                text,
            } => conn
                .prepare_cached(
                    "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![rowid, title, text])?,
            FtsOp::Article {
                delete: true,
                rowid,
                title,
                text,
            } => conn
                .prepare_cached(
                    "INSERT INTO articles_fts (articles_fts, rowid, title, text)
                     VALUES ('delete', ?1, ?2, ?3)",
                )?
                .execute(params![rowid, title, text])?,
            FtsOp::Quote {
                delete: false,
                rowid,
                text,
            } => conn
                .prepare_cached("INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)")?
                .execute(params![rowid, text])?,
            FtsOp::Quote {
                delete: true,
                rowid,
                text,
            } => conn
                .prepare_cached(
                    "INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', ?1, ?2)",
                )?
                .execute(params![rowid, text])?,
        };
    }
    Ok(())
}

pub(crate) fn delete_article(store: &mut Store, id: &str) -> Result<bool> {
    let tx = store.conn.transaction()?;
    let rowid: Option<i64> = tx
        .query_row("SELECT rowid FROM articles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(rowid) = rowid {
        let mut fts = Vec::new();
        delete_rowid(&tx, rowid, &mut fts)?;
        apply_fts(&tx, fts)?;
    }
    tx.commit()?;
    Ok(rowid.is_some())
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Checks a record before anything of it is written.
pub(crate) fn validate(rec: &Record) -> std::result::Result<(), String> {
    if rec.schema != byline_record::SCHEMA {
        return Err(format!(
            "schema is {:?}, expected {:?}",
            rec.schema,
            byline_record::SCHEMA
        ));
    }
    if rec.id.trim().is_empty() {
        return Err("empty id".into());
    }
    if let Some(d) = &rec.meta.date {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() || d.len() != 10 {
            return Err(format!("meta.date {d:?} is not YYYY-MM-DD"));
        }
    }
    rec.check_spans()?;
    let ids: HashSet<&str> = rec.entities.iter().map(|e| e.id.as_str()).collect();
    if ids.len() != rec.entities.len() {
        return Err("two entities share an id".into());
    }
    let known = |what: String, id: &Option<String>| match id {
        Some(id) if !ids.contains(id.as_str()) => Err(format!("{what}: unknown entity {id:?}")),
        _ => Ok(()),
    };
    for (i, q) in rec.quotes.iter().enumerate() {
        known(format!("quotes[{i}].speaker"), &q.speaker)?;
        if q.continues.is_some_and(|c| c >= rec.quotes.len()) {
            return Err(format!("quotes[{i}].continues: no such quote"));
        }
    }
    for (i, e) in rec.events.iter().enumerate() {
        known(format!("events[{i}].place"), &e.place)?;
        for p in &e.participants {
            known(format!("events[{i}].participants"), &Some(p.clone()))?;
        }
        if e.time.is_some_and(|t| t >= rec.times.len()) {
            return Err(format!("events[{i}].time: no such time"));
        }
    }
    for (i, q) in rec.quantities.iter().enumerate() {
        if q.value.as_f64().is_none_or(|v| !v.is_finite()) {
            return Err(format!("quantities[{i}].value is not a finite number"));
        }
    }
    Ok(())
}

/// Writes one record, replacing any article with the same id, URL or text. Returns whether
/// something was replaced.
fn insert_record(conn: &Connection, rec: &Record, now: &str, fts: &mut Vec<FtsOp>) -> Result<bool> {
    let hash = text_hash(&rec.text);
    let url = rec.source.url.as_deref().filter(|u| !u.is_empty());
    let mut old = Vec::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT rowid FROM articles WHERE id = ?1
             UNION SELECT rowid FROM articles WHERE url = ?2
             UNION SELECT rowid FROM articles WHERE text_hash = ?3",
        )?;
        let rows = st.query_map(params![rec.id, url, hash], |r| r.get::<_, i64>(0))?;
        for r in rows {
            old.push(r?);
        }
    }
    for &rowid in &old {
        delete_rowid(conn, rowid, fts)?;
    }

    let stored = Record {
        text: String::new(),
        ..rec.clone()
    };
    let json = crate::deflate(&serde_json::to_vec(&stored)?);
    let date = rec.meta.date.as_deref();
    let publisher_norm = rec.meta.publisher.as_deref().map(|p| p.to_lowercase());
    conn.prepare_cached(
        "INSERT INTO articles (id, url, text_hash, date, title, publisher, publisher_norm,
             language, authors, source_path, source_format, text, record, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        rec.id,
        url,
        hash,
        date,
        rec.meta.title,
        rec.meta.publisher,
        publisher_norm,
        rec.meta.language,
        serde_json::to_string(&rec.meta.authors)?,
        rec.source.path,
        rec.source.format,
        rec.text,
        json,
        now,
    ])?;
    let article = conn.last_insert_rowid();
    fts.push(FtsOp::Article {
        delete: false,
        rowid: article,
        title: rec.meta.title.clone().unwrap_or_default(),
        text: rec.text.clone(),
    });

    // entities: link each to a corpus entity
    let mut local: HashMap<&str, i64> = HashMap::new();
    // corpus entity -> (mentions, best link confidence) in this article
    let mut per_entity: HashMap<i64, (i64, f64)> = HashMap::new();
    let mut alias_counts: HashMap<(i64, String), (String, i64)> = HashMap::new();
    for e in &rec.entities {
        let (entity_id, link) = link_entity(conn, &e.name, &e.etype)?;
        local.insert(e.id.as_str(), entity_id);
        let slot = per_entity.entry(entity_id).or_insert((0, 0.0));
        slot.0 += e.mentions.len() as i64;
        slot.1 = slot.1.max(link.confidence());
        conn.prepare_cached(
            "INSERT INTO article_entities (article, local_id, entity_id, name, type, mentions,
                 rule, confidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            article,
            e.id,
            entity_id,
            e.name,
            e.etype,
            e.mentions.len() as i64,
            link.as_str(),
            link.confidence()
        ])?;
        let mut st = conn.prepare_cached(
            "INSERT INTO mentions (article, local_id, entity_id, start, end, text, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for m in &e.mentions {
            st.execute(params![
                article,
                e.id,
                entity_id,
                m.start as i64,
                m.end as i64,
                m.text,
                m.kind
            ])?;
            if m.kind == "name" {
                let key = identity_key(&m.text);
                if !key.is_empty() {
                    alias_counts
                        .entry((entity_id, key))
                        .or_insert_with(|| (m.text.clone(), 0))
                        .1 += 1;
                }
            }
        }
        // the entity's own name counts once as an alias, even when no mention spells it out
        let key = identity_key(&e.name);
        if !key.is_empty() {
            alias_counts
                .entry((entity_id, key))
                .or_insert_with(|| (e.name.clone(), 0))
                .1 += 1;
        }
    }
    for (&entity_id, &(mentions, confidence)) in &per_entity {
        conn.prepare_cached(
            "UPDATE entities SET articles = articles + 1, mentions = mentions + ?2,
                 confidence_sum = confidence_sum + ?3 WHERE id = ?1",
        )?
        .execute(params![entity_id, mentions, confidence])?;
    }
    for ((entity_id, key), (name, count)) in &alias_counts {
        conn.prepare_cached(
            "INSERT INTO aliases (entity_id, norm, name, count) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (entity_id, norm) DO UPDATE SET count = count + excluded.count",
        )?
        .execute(params![entity_id, key, name, count])?;
    }

    // quotes
    for (i, q) in rec.quotes.iter().enumerate() {
        let speaker_id = q.speaker.as_deref().and_then(|s| local.get(s)).copied();
        let speaker_norm = q
            .speaker_name
            .as_deref()
            .map(identity_key)
            .filter(|k| !k.is_empty());
        conn.prepare_cached(
            "INSERT INTO quotes (article, idx, start, end, text, kind, speaker_local, speaker_id,
                 speaker_name, speaker_norm, speaker_mention, cue, confidence, continues, date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?
        .execute(params![
            article,
            i as i64,
            q.start as i64,
            q.end as i64,
            q.text,
            q.kind,
            q.speaker,
            speaker_id,
            q.speaker_name,
            speaker_norm,
            q.speaker_mention
                .as_ref()
                .map(serde_json::to_string)
                .transpose()?,
            q.cue.as_ref().map(serde_json::to_string).transpose()?,
            q.confidence,
            q.continues.map(|c| c as i64),
            date,
        ])?;
        let qid = conn.last_insert_rowid();
        fts.push(FtsOp::Quote {
            delete: false,
            rowid: qid,
            text: q.text.clone(),
        });
        if let Some(s) = speaker_id {
            conn.prepare_cached("UPDATE entities SET quotes = quotes + 1 WHERE id = ?1")?
                .execute([s])?;
        }
    }

    {
        let mut st = conn.prepare_cached(
            "INSERT INTO times (article, idx, start, end, text, type, value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (i, t) in rec.times.iter().enumerate() {
            st.execute(params![
                article,
                i as i64,
                t.start as i64,
                t.end as i64,
                t.text,
                t.ttype,
                t.value
            ])?;
        }
    }
    {
        let mut st = conn.prepare_cached(
            "INSERT INTO quantities (article, idx, start, end, text, value, unit, qualifier)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, q) in rec.quantities.iter().enumerate() {
            st.execute(params![
                article,
                i as i64,
                q.start as i64,
                q.end as i64,
                q.text,
                q.value.as_f64().unwrap_or(0.0),
                q.unit,
                q.qualifier
            ])?;
        }
    }
    let chars: Vec<(usize, char)> = if rec.events.is_empty() {
        Vec::new()
    } else {
        rec.text.char_indices().collect()
    };
    for (i, e) in rec.events.iter().enumerate() {
        let place_id = e.place.as_deref().and_then(|p| local.get(p)).copied();
        let day = e
            .time
            .and_then(|t| rec.times.get(t))
            .and_then(|t| t.value.as_deref())
            .and_then(day_of)
            .or(date);
        conn.prepare_cached(
            "INSERT INTO events (article, idx, type, trigger_start, trigger_end, trigger_text,
                 place_local, place_id, time_idx, date, confidence, sentence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            article,
            i as i64,
            e.etype,
            e.trigger.start as i64,
            e.trigger.end as i64,
            e.trigger.text,
            e.place,
            place_id,
            e.time.map(|t| t as i64),
            day,
            e.confidence,
            sentence_of(rec, &chars, e.trigger.start),
        ])?;
        let eid = conn.last_insert_rowid();
        let mut st = conn.prepare_cached(
            "INSERT OR IGNORE INTO event_participants (event, entity_id, local_id)
             VALUES (?1, ?2, ?3)",
        )?;
        for p in &e.participants {
            if let Some(&pid) = local.get(p.as_str()) {
                st.execute(params![eid, pid, p])?;
            }
        }
    }
    Ok(!old.is_empty())
}

/// The sentence holding code point `at` (the text of the record's sentence span), or "".
fn sentence_of(rec: &Record, chars: &[(usize, char)], at: usize) -> String {
    let Some(s) = rec.sentences.iter().find(|s| s.start <= at && at < s.end) else {
        return String::new();
    };
    let byte = |cp: usize| chars.get(cp).map_or(rec.text.len(), |&(b, _)| b);
    rec.text
        .get(byte(s.start)..byte(s.end))
        .unwrap_or("")
        .trim()
        .to_string()
}

/// The `YYYY-MM-DD` at the start of a TIMEX3 value, when it names a day.
fn day_of(value: &str) -> Option<&str> {
    let d = value.get(..10)?;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
    Some(d)
}

/// Finds (or creates) the corpus entity for an article entity named `name` of type `etype`.
fn link_entity(conn: &Connection, name: &str, etype: &str) -> Result<(i64, Link)> {
    let mut key = identity_key(name);
    if key.is_empty() {
        key = name.trim().to_lowercase();
    }
    if let Some(id) = conn
        .prepare_cached("SELECT id FROM entities WHERE norm = ?1 AND type = ?2")?
        .query_row(params![key, etype], |r| r.get::<_, i64>(0))
        .optional()?
    {
        return Ok((id, Link::Exact));
    }
    let unique = |ids: Vec<i64>| (ids.len() == 1).then(|| ids[0]);
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT DISTINCT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id
             WHERE a.norm = ?1 AND e.type = ?2 LIMIT 2",
        )?
        .query_map(params![key, etype], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(id) = unique(ids) {
        return Ok((id, Link::Alias));
    }
    if etype == "PER" && !key.contains(' ') {
        let ids: Vec<i64> = conn
            .prepare_cached(
                "SELECT id FROM entities WHERE type = 'PER' AND last_token = ?1 AND norm != ?1
                 LIMIT 2",
            )?
            .query_map(params![key], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(id) = unique(ids) {
            return Ok((id, Link::Surname));
        }
    }
    if etype != "PER" {
        let ids: Vec<i64> = conn
            .prepare_cached(
                "SELECT id FROM entities WHERE norm = ?1 AND type != ?2 AND type != 'PER' LIMIT 2",
            )?
            .query_map(params![key, etype], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(id) = unique(ids) {
            return Ok((id, Link::Type));
        }
    }
    conn.prepare_cached(
        "INSERT INTO entities (name, norm, type, last_token) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![name, key, etype, last_token(&key)])?;
    Ok((conn.last_insert_rowid(), Link::New))
}

/// Removes one article and everything of it, keeping entity counts, aliases and the search
/// indexes in step; entities left without articles are removed.
fn delete_rowid(conn: &Connection, rowid: i64, fts: &mut Vec<FtsOp>) -> Result<()> {
    let (title, text): (Option<String>, String) = conn
        .prepare_cached("SELECT title, text FROM articles WHERE rowid = ?1")?
        .query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?;
    fts.push(FtsOp::Article {
        delete: true,
        rowid,
        title: title.unwrap_or_default(),
        text,
    });

    let quotes: Vec<(i64, String, Option<i64>)> = conn
        .prepare_cached("SELECT id, text, speaker_id FROM quotes WHERE article = ?1")?
        .query_map([rowid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (qid, qtext, speaker) in quotes {
        fts.push(FtsOp::Quote {
            delete: true,
            rowid: qid,
            text: qtext,
        });
        if let Some(s) = speaker {
            conn.prepare_cached("UPDATE entities SET quotes = quotes - 1 WHERE id = ?1")?
                .execute([s])?;
        }
    }

    // aliases: the name mentions of this article, plus each entity's own name
    let mut alias_counts: HashMap<(i64, String), i64> = HashMap::new();
    {
        let mut st = conn.prepare_cached(
            "SELECT entity_id, text FROM mentions WHERE article = ?1 AND kind = 'name'
             UNION ALL SELECT entity_id, name FROM article_entities WHERE article = ?1",
        )?;
        let rows = st.query_map([rowid], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for r in rows {
            let (eid, text) = r?;
            let key = identity_key(&text);
            if !key.is_empty() {
                *alias_counts.entry((eid, key)).or_default() += 1;
            }
        }
    }
    for ((eid, key), n) in &alias_counts {
        conn.prepare_cached(
            "UPDATE aliases SET count = count - ?3 WHERE entity_id = ?1 AND norm = ?2",
        )?
        .execute(params![eid, key, n])?;
        conn.prepare_cached(
            "DELETE FROM aliases WHERE entity_id = ?1 AND norm = ?2 AND count <= 0",
        )?
        .execute(params![eid, key])?;
    }

    let groups: Vec<(i64, i64, f64)> = conn
        .prepare_cached(
            "SELECT entity_id, sum(mentions), max(confidence) FROM article_entities
             WHERE article = ?1 GROUP BY entity_id",
        )?
        .query_map([rowid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    conn.prepare_cached("DELETE FROM articles WHERE rowid = ?1")?
        .execute([rowid])?;
    for (eid, mentions, confidence) in groups {
        conn.prepare_cached(
            "UPDATE entities SET articles = articles - 1, mentions = mentions - ?2,
                 confidence_sum = confidence_sum - ?3 WHERE id = ?1",
        )?
        .execute(params![eid, mentions, confidence])?;
        conn.prepare_cached("DELETE FROM entities WHERE id = ?1 AND articles <= 0")?
            .execute([eid])?;
    }
    Ok(())
}
