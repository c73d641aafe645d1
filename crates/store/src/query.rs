//! Queries: parameters validated first, then SQL with bound parameters only.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension, Row};

use crate::normalize::identity_key;
use crate::*;

/// Snippet highlight markers (private-use characters), stripped before returning.
const MARK_OPEN: &str = "\u{E000}";
const MARK_CLOSE: &str = "\u{E001}";
const SNIPPET_CHARS: usize = 240;

// ---------------------------------------------------------------------------------------------
// parameter checks

fn limit(field: &'static str, v: Option<u32>, default: u32) -> Result<i64> {
    let v = v.unwrap_or(default);
    if v > MAX_LIMIT {
        return Err(StoreError::param(
            field,
            format!("{v} is over the maximum of {MAX_LIMIT}"),
        ));
    }
    Ok(i64::from(v))
}

fn date(field: &'static str, v: &Option<String>) -> Result<Option<String>> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(d) => {
            if d.len() == 10 && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok() {
                Ok(Some(d.to_string()))
            } else {
                Err(StoreError::param(
                    field,
                    format!("expected a date YYYY-MM-DD, got {d:?}"),
                ))
            }
        }
    }
}

fn date_range(
    from: &Option<String>,
    to: &Option<String>,
) -> Result<(Option<String>, Option<String>)> {
    let f = date("from", from)?;
    let t = date("to", to)?;
    if let (Some(a), Some(b)) = (&f, &t) {
        if a > b {
            return Err(StoreError::param("from", format!("{a} is after `to` {b}")));
        }
    }
    Ok((f, t))
}

fn confidence(field: &'static str, v: Option<f64>) -> Result<Option<f64>> {
    match v {
        Some(c) if !(0.0..=1.0).contains(&c) => {
            Err(StoreError::param(field, format!("{c} is outside 0..1")))
        }
        _ => Ok(v),
    }
}

fn etype(field: &'static str, v: &Option<String>) -> Result<Option<String>> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => {
            let up = t.to_ascii_uppercase();
            if ["PER", "ORG", "LOC", "MISC"].contains(&up.as_str()) {
                Ok(Some(up))
            } else {
                Err(StoreError::param(
                    field,
                    format!("{t:?} is not one of PER, ORG, LOC, MISC"),
                ))
            }
        }
    }
}

fn nonempty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Turns user words into a safe FTS5 query: every word and "phrase" quoted, a trailing `*`
/// kept as a prefix match, all of them required.
pub(crate) fn fts_query(field: &'static str, q: &str) -> Result<String> {
    let mut terms = Vec::new();
    let mut rest = q;
    while !rest.is_empty() {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix('"') {
            let (phrase, tail) = after.split_once('"').unwrap_or((after, ""));
            let words: Vec<String> = phrase.split_whitespace().filter_map(clean_word).collect();
            if !words.is_empty() {
                terms.push(format!("\"{}\"", words.join(" ")));
            }
            rest = tail;
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '"')
                .unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            let prefix = word.ends_with('*');
            if let Some(w) = clean_word(word) {
                terms.push(if prefix {
                    format!("\"{w}\"*")
                } else {
                    format!("\"{w}\"")
                });
            }
        }
    }
    if terms.is_empty() {
        return Err(StoreError::param(field, "no words to search for"));
    }
    if terms.len() > 32 {
        return Err(StoreError::param(field, "more than 32 words"));
    }
    Ok(terms.join(" "))
}

/// A word reduced to letters, digits and inner punctuation the tokenizer splits on anyway;
/// `None` when nothing searchable is left.
fn clean_word(w: &str) -> Option<String> {
    let s: String = w
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Entities whose normalised name or alias is `name`.
fn resolve(s: &Store, name: &str) -> Result<Vec<i64>> {
    let key = identity_key(name);
    let mut st = s.conn.prepare_cached(
        "SELECT id FROM entities WHERE norm = ?1
         UNION SELECT entity_id FROM aliases WHERE norm = ?1",
    )?;
    let ids = st
        .query_map([key], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// `col IN (?, ?, ...)` with the ids pushed as parameters (`0 = 1` for none).
fn in_list(col: &str, ids: &[i64], args: &mut Vec<Value>) -> String {
    if ids.is_empty() {
        return "0 = 1".into();
    }
    let marks = vec!["?"; ids.len()].join(", ");
    args.extend(ids.iter().map(|&i| Value::Integer(i)));
    format!("{col} IN ({marks})")
}

fn count(s: &Store, sql: &str, args: &[Value]) -> Result<u64> {
    let n: i64 = s
        .conn
        .prepare_cached(sql)?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    Ok(n as u64)
}

fn usize_at(r: &Row, i: usize) -> rusqlite::Result<usize> {
    Ok(r.get::<_, i64>(i)?.max(0) as usize)
}

// ---------------------------------------------------------------------------------------------

pub(crate) fn stats(s: &Store) -> Result<StoreStats> {
    let n = |table: &str| -> Result<u64> {
        let sql = format!("SELECT count(*) FROM {table}");
        count(s, &sql, &[])
    };
    let (first_date, last_date) =
        s.conn
            .query_row("SELECT min(date), max(date) FROM articles", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
    Ok(StoreStats {
        articles: n("articles")?,
        entities: n("entities")?,
        mentions: n("mentions")?,
        quotes: n("quotes")?,
        times: n("times")?,
        quantities: n("quantities")?,
        events: n("events")?,
        first_date,
        last_date,
    })
}

pub(crate) fn search(s: &Store, p: &SearchParams) -> Result<SearchResults> {
    let lim = limit("limit", p.limit, DEFAULT_LIMIT)?;
    let off = i64::from(p.offset.unwrap_or(0));
    let (from, to) = date_range(&p.from, &p.to)?;
    let q = nonempty(&p.q).map(|q| fts_query("q", q)).transpose()?;
    let mut wh: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(q) = &q {
        wh.push("articles_fts MATCH ?".into());
        args.push(Value::Text(q.clone()));
    }
    if let Some(f) = from {
        wh.push("a.date >= ?".into());
        args.push(Value::Text(f));
    }
    if let Some(t) = to {
        wh.push("a.date <= ?".into());
        args.push(Value::Text(t));
    }
    if let Some(pb) = nonempty(&p.publisher) {
        wh.push("a.publisher_norm = ?".into());
        args.push(Value::Text(pb.to_lowercase()));
    }
    if let Some(id) = p.entity_id {
        wh.push("a.rowid IN (SELECT article FROM article_entities WHERE entity_id = ?)".into());
        args.push(Value::Integer(id));
    }
    if let Some(name) = nonempty(&p.entity) {
        let ids = resolve(s, name)?;
        let cond = in_list("entity_id", &ids, &mut args);
        wh.push(format!(
            "a.rowid IN (SELECT article FROM article_entities WHERE {cond})"
        ));
    }
    let where_sql = if wh.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wh.join(" AND "))
    };
    let sort = p.sort.unwrap_or(if q.is_some() {
        SortOrder::Relevance
    } else {
        SortOrder::Date
    });
    let (from_sql, snippet_sql, score_sql) = if q.is_some() {
        (
            "articles_fts JOIN articles a ON a.rowid = articles_fts.rowid",
            format!("snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', ' … ', 32)"),
            "-bm25(articles_fts, 4.0, 1.0)",
        )
    } else {
        ("articles a", "substr(a.text, 1, 400)".to_string(), "NULL")
    };
    let order = match (sort, q.is_some()) {
        (SortOrder::Relevance, true) => "bm25(articles_fts, 4.0, 1.0), a.rowid",
        _ => "a.date IS NULL, a.date DESC, a.rowid DESC",
    };
    let total = count(
        s,
        &format!("SELECT count(*) FROM {from_sql} {where_sql}"),
        &args,
    )?;
    let sql = format!(
        "SELECT a.id, a.title, a.date, a.publisher, a.url, {snippet_sql}, {score_sql}
         FROM {from_sql} {where_sql} ORDER BY {order} LIMIT ? OFFSET ?"
    );
    args.push(Value::Integer(lim));
    args.push(Value::Integer(off));
    let mut st = s.conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(args.iter()), |r| {
        let raw: String = r.get(5)?;
        let (snippet, highlights) = if q.is_some() {
            unmark(&raw)
        } else {
            (shorten(&raw, SNIPPET_CHARS), Vec::new())
        };
        Ok(SearchHit {
            id: r.get(0)?,
            title: r.get(1)?,
            date: r.get(2)?,
            publisher: r.get(3)?,
            url: r.get(4)?,
            snippet,
            highlights,
            score: r
                .get::<_, Option<f64>>(6)?
                .map(|x| (x * 1000.0).round() / 1000.0),
        })
    })?;
    let hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(SearchResults { total, hits })
}

/// Strips the highlight markers, returning the text and the marked code-point ranges.
fn unmark(raw: &str) -> (String, Vec<[usize; 2]>) {
    let mut out = String::with_capacity(raw.len());
    let mut spans = Vec::new();
    let mut open = None;
    let mut n = 0;
    for c in raw.chars() {
        match c {
            '\u{E000}' => open = Some(n),
            '\u{E001}' => {
                if let Some(o) = open.take() {
                    spans.push([o, n]);
                }
            }
            _ => {
                out.push(c);
                n += 1;
            }
        }
    }
    (out, spans)
}

/// The start of a text, cut at a word boundary after about `max` code points.
fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{cut} …")
}

pub(crate) fn quotes(s: &Store, p: &QuoteParams) -> Result<QuoteResults> {
    let lim = limit("limit", p.limit, DEFAULT_LIMIT)?;
    let off = i64::from(p.offset.unwrap_or(0));
    let (from, to) = date_range(&p.from, &p.to)?;
    let min_conf = confidence("min_confidence", p.min_confidence)?;
    let mut wh: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(q) = nonempty(&p.q) {
        wh.push("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)".into());
        args.push(Value::Text(fts_query("q", q)?));
    }
    if let Some(id) = p.speaker_id {
        wh.push("q.speaker_id = ?".into());
        args.push(Value::Integer(id));
    }
    if let Some(name) = nonempty(&p.speaker) {
        let ids = resolve(s, name)?;
        let cond = in_list("q.speaker_id", &ids, &mut args);
        wh.push(format!("({cond} OR q.speaker_norm = ?)"));
        args.push(Value::Text(identity_key(name)));
    }
    if let Some(k) = nonempty(&p.kind) {
        if !["direct", "partial", "indirect"].contains(&k) {
            return Err(StoreError::param(
                "kind",
                format!("{k:?} is not one of direct, partial, indirect"),
            ));
        }
        wh.push("q.kind = ?".into());
        args.push(Value::Text(k.to_string()));
    }
    if let Some(f) = from {
        wh.push("q.date >= ?".into());
        args.push(Value::Text(f));
    }
    if let Some(t) = to {
        wh.push("q.date <= ?".into());
        args.push(Value::Text(t));
    }
    if let Some(c) = min_conf {
        wh.push("q.confidence >= ?".into());
        args.push(Value::Real(c));
    }
    let where_sql = if wh.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wh.join(" AND "))
    };
    let total = count(
        s,
        &format!("SELECT count(*) FROM quotes q {where_sql}"),
        &args,
    )?;
    args.push(Value::Integer(lim));
    args.push(Value::Integer(off));
    let quotes = quote_rows(s, &where_sql, &args)?;
    Ok(QuoteResults { total, quotes })
}

fn quote_rows(s: &Store, where_sql: &str, args: &[Value]) -> Result<Vec<QuoteHit>> {
    let sql = format!(
        "SELECT q.id, a.id, a.title, q.date, a.publisher, q.text, q.kind, q.speaker_id,
                coalesce(e.name, q.speaker_name), q.confidence, q.start, q.end
         FROM quotes q JOIN articles a ON a.rowid = q.article
         LEFT JOIN entities e ON e.id = q.speaker_id
         {where_sql} ORDER BY q.date IS NULL, q.date DESC, q.id DESC LIMIT ? OFFSET ?"
    );
    let mut st = s.conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(args.iter()), |r| {
        Ok(QuoteHit {
            quote_id: r.get(0)?,
            article_id: r.get(1)?,
            article_title: r.get(2)?,
            date: r.get(3)?,
            publisher: r.get(4)?,
            text: r.get(5)?,
            kind: r.get(6)?,
            speaker_id: r.get(7)?,
            speaker_name: r.get(8)?,
            confidence: r.get(9)?,
            start: usize_at(r, 10)?,
            end: usize_at(r, 11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

const SUMMARY_COLS: &str =
    "e.id, e.name, e.type, e.articles, e.mentions, e.quotes, e.confidence_sum";

fn summary(r: &Row) -> rusqlite::Result<EntitySummary> {
    let articles: i64 = r.get(3)?;
    let csum: f64 = r.get(6)?;
    Ok(EntitySummary {
        id: r.get(0)?,
        name: r.get(1)?,
        etype: r.get(2)?,
        articles: articles.max(0) as u64,
        mentions: r.get::<_, i64>(4)?.max(0) as u64,
        quotes: r.get::<_, i64>(5)?.max(0) as u64,
        confidence: if articles > 0 {
            ((csum / articles as f64) * 1000.0).round() / 1000.0
        } else {
            1.0
        },
    })
}

pub(crate) fn entities(s: &Store, p: &EntityListParams) -> Result<EntityList> {
    let lim = limit("limit", p.limit, DEFAULT_LIMIT)?;
    let off = i64::from(p.offset.unwrap_or(0));
    let t = etype("type", &p.etype)?;
    let mut wh: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(q) = nonempty(&p.q) {
        let key = identity_key(q);
        if key.is_empty() {
            return Err(StoreError::param("q", "no letters or digits in the name"));
        }
        // prefix range over the normalised keys: [key, key + U+10FFFF)
        let hi = format!("{key}\u{10FFFF}");
        wh.push(
            "(e.norm >= ? AND e.norm < ?
              OR e.id IN (SELECT entity_id FROM aliases WHERE norm >= ? AND norm < ?))"
                .into(),
        );
        args.extend([
            Value::Text(key.clone()),
            Value::Text(hi.clone()),
            Value::Text(key),
            Value::Text(hi),
        ]);
    }
    if let Some(t) = t {
        wh.push("e.type = ?".into());
        args.push(Value::Text(t));
    }
    let where_sql = if wh.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wh.join(" AND "))
    };
    let total = count(
        s,
        &format!("SELECT count(*) FROM entities e {where_sql}"),
        &args,
    )?;
    args.push(Value::Integer(lim));
    args.push(Value::Integer(off));
    let sql = format!(
        "SELECT {SUMMARY_COLS} FROM entities e {where_sql}
         ORDER BY e.articles DESC, e.id LIMIT ? OFFSET ?"
    );
    let mut st = s.conn.prepare_cached(&sql)?;
    let list = st
        .query_map(params_from_iter(args.iter()), summary)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(EntityList {
        total,
        entities: list,
    })
}

fn entity_summary(s: &Store, id: i64) -> Result<EntitySummary> {
    s.conn
        .prepare_cached(&format!(
            "SELECT {SUMMARY_COLS} FROM entities e WHERE e.id = ?1"
        ))?
        .query_row([id], summary)
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "entity",
            id: id.to_string(),
        })
}

/// `AND a.date >= ? AND a.date <= ?` for the set bounds.
fn date_sql(
    col: &str,
    from: &Option<String>,
    to: &Option<String>,
    args: &mut Vec<Value>,
) -> String {
    let mut sql = String::new();
    if let Some(f) = from {
        sql.push_str(&format!(" AND {col} >= ?"));
        args.push(Value::Text(f.clone()));
    }
    if let Some(t) = to {
        sql.push_str(&format!(" AND {col} <= ?"));
        args.push(Value::Text(t.clone()));
    }
    sql
}

pub(crate) fn entity(s: &Store, p: &EntityParams) -> Result<EntityPage> {
    let co_lim = limit("cooccurring_limit", p.cooccurring_limit, DEFAULT_LIMIT)?;
    let q_lim = limit("quotes_limit", p.quotes_limit, DEFAULT_LIMIT)?;
    let (from, to) = date_range(&p.from, &p.to)?;
    let entity = entity_summary(s, p.id)?;
    let aliases = s
        .conn
        .prepare_cached(
            "SELECT name, count FROM aliases WHERE entity_id = ?1 AND count > 0
             ORDER BY count DESC, name LIMIT 100",
        )?
        .query_map([p.id], |r| {
            Ok(Alias {
                name: r.get(0)?,
                count: r.get::<_, i64>(1)?.max(0) as u64,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let width = match p.bucket.unwrap_or_default() {
        Bucket::Day => 10,
        Bucket::Month => 7,
    };
    let mut args = vec![Value::Integer(width), Value::Integer(p.id)];
    let dsql = date_sql("a.date", &from, &to, &mut args);
    let sql = format!(
        "SELECT substr(a.date, 1, ?) AS period, sum(ae.mentions), count(DISTINCT ae.article)
         FROM article_entities ae JOIN articles a ON a.rowid = ae.article
         WHERE ae.entity_id = ? AND a.date IS NOT NULL {dsql}
         GROUP BY period ORDER BY period"
    );
    let mentions_over_time = s
        .conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(args.iter()), |r| {
            Ok(TimeCount {
                period: r.get(0)?,
                mentions: r.get::<_, i64>(1)?.max(0) as u64,
                articles: r.get::<_, i64>(2)?.max(0) as u64,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let cooccurring = cooccurring(s, p.id, None, &from, &to, co_lim)?;

    let mut args = vec![Value::Integer(p.id)];
    let dsql = date_sql("q.date", &from, &to, &mut args);
    args.push(Value::Integer(q_lim));
    args.push(Value::Integer(0));
    let latest_quotes = quote_rows(s, &format!("WHERE q.speaker_id = ? {dsql}"), &args)?;
    Ok(EntityPage {
        entity,
        aliases,
        mentions_over_time,
        cooccurring,
        latest_quotes,
    })
}

/// The entities that share an article with `id`, each counted once per article, most shared
/// first (ties by id), of type `etype` when set, at most `lim`.
///
/// One pass over `id`'s articles: the `(entity_id, article)` index yields them in article
/// order, so each article's entities arrive together and are counted here, without the
/// per-group `count(DISTINCT)` sorter SQLite would need (that was most of the time for
/// entities in thousands of articles). Names and types are looked up only for the rows kept.
fn cooccurring(
    s: &Store,
    id: i64,
    etype: Option<&str>,
    from: &Option<String>,
    to: &Option<String>,
    lim: i64,
) -> Result<Vec<Cooccurrence>> {
    if lim <= 0 {
        return Ok(Vec::new());
    }
    let mut args = vec![Value::Integer(id)];
    let (join, dsql) = if from.is_some() || to.is_some() {
        (
            "JOIN articles a ON a.rowid = x.article",
            date_sql("a.date", from, to, &mut args),
        )
    } else {
        ("", String::new())
    };
    // ORDER BY costs nothing when the index gives that order; should the planner choose
    // another (the date index first), it sorts, and the grouping below stays right
    let sql = format!(
        "SELECT x.article, y.entity_id FROM article_entities x {join}
         JOIN article_entities y ON y.article = x.article
         WHERE x.entity_id = ? {dsql} ORDER BY x.article"
    );
    let mut counts: HashMap<i64, u64> = HashMap::new();
    let mut group: Vec<i64> = Vec::new();
    let flush = |group: &mut Vec<i64>, counts: &mut HashMap<i64, u64>| {
        group.sort_unstable();
        group.dedup();
        for &e in group.iter() {
            if e != id {
                *counts.entry(e).or_insert(0) += 1;
            }
        }
        group.clear();
    };
    let mut stmt = s.conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut current: Option<i64> = None;
    while let Some(r) = rows.next()? {
        let article: i64 = r.get(0)?;
        if current != Some(article) {
            flush(&mut group, &mut counts);
            current = Some(article);
        }
        group.push(r.get(1)?);
    }
    flush(&mut group, &mut counts);
    drop(rows);
    drop(stmt);

    let mut ranked: Vec<(i64, u64)> = counts.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut look = s
        .conn
        .prepare_cached("SELECT name, type FROM entities WHERE id = ?1")?;
    let mut out = Vec::new();
    for (e, n) in ranked {
        if out.len() as i64 >= lim {
            break;
        }
        let Some((name, t)) = look
            .query_row([e], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?
        else {
            continue;
        };
        if etype.is_some_and(|want| want != t) {
            continue;
        }
        out.push(Cooccurrence {
            id: e,
            name,
            etype: t,
            articles: n,
        });
    }
    Ok(out)
}

pub(crate) fn timeline(s: &Store, p: &TimelineParams) -> Result<Timeline> {
    let lim = limit("limit", p.limit, DEFAULT_LIMIT)?;
    let off = i64::from(p.offset.unwrap_or(0));
    let (from, to) = date_range(&p.from, &p.to)?;
    let min_conf = confidence("min_confidence", p.min_confidence)?;
    let mut wh: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let mut who = |ids: Vec<i64>, args: &mut Vec<Value>| {
        let c1 = in_list("entity_id", &ids, args);
        let c2 = in_list("ev.place_id", &ids, args);
        wh.push(format!(
            "(ev.id IN (SELECT event FROM event_participants WHERE {c1}) OR {c2})"
        ));
    };
    if let Some(id) = p.entity_id {
        who(vec![id], &mut args);
    }
    if let Some(name) = nonempty(&p.entity) {
        let ids = resolve(s, name)?;
        who(ids, &mut args);
    }
    if let Some(id) = p.place_id {
        wh.push("ev.place_id = ?".into());
        args.push(Value::Integer(id));
    }
    if let Some(name) = nonempty(&p.place) {
        let ids = resolve(s, name)?;
        let c = in_list("ev.place_id", &ids, &mut args);
        wh.push(c);
    }
    if let Some(t) = nonempty(&p.etype) {
        wh.push("ev.type = ?".into());
        args.push(Value::Text(t.to_lowercase()));
    }
    if let Some(f) = from {
        wh.push("ev.date >= ?".into());
        args.push(Value::Text(f));
    }
    if let Some(t) = to {
        wh.push("ev.date <= ?".into());
        args.push(Value::Text(t));
    }
    if let Some(c) = min_conf {
        wh.push("ev.confidence >= ?".into());
        args.push(Value::Real(c));
    }
    let where_sql = if wh.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wh.join(" AND "))
    };
    let total = count(
        s,
        &format!("SELECT count(*) FROM events ev {where_sql}"),
        &args,
    )?;
    args.push(Value::Integer(lim));
    args.push(Value::Integer(off));
    let sql = format!(
        "SELECT ev.id, ev.date, ev.type, ev.trigger_text, ev.sentence, ev.place_id,
                t.text, t.value, ev.confidence, a.id, a.title, a.date,
                ev.trigger_start, ev.trigger_end
         FROM events ev JOIN articles a ON a.rowid = ev.article
         LEFT JOIN times t ON t.article = ev.article AND t.idx = ev.time_idx
         {where_sql} ORDER BY ev.date IS NULL, ev.date, ev.id LIMIT ? OFFSET ?"
    );
    let mut events = Vec::new();
    let mut places = Vec::new();
    {
        let mut st = s.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), |r| {
            Ok((
                TimelineEvent {
                    event_id: r.get(0)?,
                    date: r.get(1)?,
                    etype: r.get(2)?,
                    trigger: r.get(3)?,
                    sentence: r.get(4)?,
                    participants: Vec::new(),
                    place: None,
                    time_text: r.get(6)?,
                    time_value: r.get(7)?,
                    confidence: r.get(8)?,
                    article_id: r.get(9)?,
                    article_title: r.get(10)?,
                    article_date: r.get(11)?,
                    start: usize_at(r, 12)?,
                    end: usize_at(r, 13)?,
                },
                r.get::<_, Option<i64>>(5)?,
            ))
        })?;
        for row in rows {
            let (ev, place) = row?;
            events.push(ev);
            places.push(place);
        }
    }
    for (ev, place) in events.iter_mut().zip(places) {
        ev.participants = s
            .conn
            .prepare_cached(
                "SELECT e.id, e.name, e.type FROM event_participants p
                 JOIN entities e ON e.id = p.entity_id WHERE p.event = ?1 ORDER BY p.local_id",
            )?
            .query_map([ev.event_id], entity_ref)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some(pid) = place {
            ev.place = s
                .conn
                .prepare_cached("SELECT id, name, type FROM entities WHERE id = ?1")?
                .query_row([pid], entity_ref)
                .optional()?;
        }
    }
    Ok(Timeline { total, events })
}

fn entity_ref(r: &Row) -> rusqlite::Result<EntityRef> {
    Ok(EntityRef {
        id: r.get(0)?,
        name: r.get(1)?,
        etype: r.get(2)?,
    })
}

pub(crate) fn graph(s: &Store, p: &GraphParams) -> Result<Graph> {
    let lim = limit("limit", p.limit, 100)?;
    let (from, to) = date_range(&p.from, &p.to)?;
    let t = etype("type", &p.etype)?;
    let min_weight = i64::from(p.min_weight.unwrap_or(1).max(1));
    let dated = from.is_some() || to.is_some();

    // nodes
    let mut nodes: Vec<GraphNode> = Vec::new();
    if let Some(id) = p.entity_id {
        let centre = entity_summary(s, id)?;
        nodes.push(GraphNode {
            id,
            name: centre.name,
            etype: centre.etype,
            articles: centre.articles,
        });
        let n = (lim - 1).max(0);
        for c in cooccurring(s, id, t.as_deref(), &from, &to, n)? {
            nodes.push(GraphNode {
                id: c.id,
                name: c.name,
                etype: c.etype,
                articles: c.articles,
            });
        }
    } else {
        let mut args: Vec<Value> = Vec::new();
        let sql = if dated {
            let dsql = date_sql("a.date", &from, &to, &mut args);
            let tsql = match &t {
                Some(t) => {
                    args.push(Value::Text(t.clone()));
                    " AND e.type = ?"
                }
                None => "",
            };
            format!(
                "SELECT e.id, e.name, e.type, count(DISTINCT ae.article) AS n
                 FROM article_entities ae JOIN articles a ON a.rowid = ae.article
                 JOIN entities e ON e.id = ae.entity_id
                 WHERE 1 = 1 {dsql}{tsql} GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?"
            )
        } else {
            let tsql = match &t {
                Some(t) => {
                    args.push(Value::Text(t.clone()));
                    "WHERE e.type = ?"
                }
                None => "",
            };
            format!(
                "SELECT e.id, e.name, e.type, e.articles FROM entities e {tsql}
                 ORDER BY e.articles DESC, e.id LIMIT ?"
            )
        };
        args.push(Value::Integer(lim));
        nodes = s
            .conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(args.iter()), |r| {
                Ok(GraphNode {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    etype: r.get(2)?,
                    articles: r.get::<_, i64>(3)?.max(0) as u64,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    if nodes.len() < 2 {
        return Ok(Graph {
            nodes,
            edges: Vec::new(),
        });
    }

    // edges among the nodes: each article's nodes (one row per node and article, from the
    // `(entity_id, article)` index), grouped and paired here rather than by a self-join
    // with a per-pair `count(DISTINCT)` in SQLite
    let ids: Vec<i64> = nodes.iter().map(|n| n.id).collect();
    let mut args: Vec<Value> = Vec::new();
    let c1 = in_list("x.entity_id", &ids, &mut args);
    let (join, dsql) = if dated {
        (
            "JOIN articles a ON a.rowid = x.article",
            date_sql("a.date", &from, &to, &mut args),
        )
    } else {
        ("", String::new())
    };
    let sql =
        format!("SELECT x.article, x.entity_id FROM article_entities x {join} WHERE {c1} {dsql}");
    let mut pairs: Vec<(i64, i64)> = s
        .conn
        .prepare(&sql)?
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    pairs.sort_unstable();
    pairs.dedup();
    let mut weights: HashMap<(i64, i64), u64> = HashMap::new();
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        // entities ascending within an article, so source < target
        for (i, &(_, x)) in group.iter().enumerate() {
            for &(_, y) in &group[i + 1..] {
                *weights.entry((x, y)).or_insert(0) += 1;
            }
        }
    }
    let mut edges: Vec<GraphEdge> = weights
        .into_iter()
        .filter(|&(_, w)| w >= min_weight as u64)
        .map(|((source, target), weight)| GraphEdge {
            source,
            target,
            weight,
        })
        .collect();
    edges.sort_unstable_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then(a.source.cmp(&b.source))
            .then(a.target.cmp(&b.target))
    });
    Ok(Graph { nodes, edges })
}

fn article_row(s: &Store, id: &str) -> Result<(i64, String, Vec<u8>)> {
    s.conn
        .prepare_cached("SELECT rowid, text, record FROM articles WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound {
            what: "article",
            id: id.to_string(),
        })
}

pub(crate) fn record(s: &Store, id: &str) -> Result<byline_record::Record> {
    let (_, text, json) = article_row(s, id)?;
    let mut rec: byline_record::Record = serde_json::from_slice(&crate::inflate(&json)?)?;
    rec.text = text;
    Ok(rec)
}

pub(crate) fn article(s: &Store, id: &str) -> Result<ArticleView> {
    let (rowid, text, json) = article_row(s, id)?;
    let mut rec: byline_record::Record = serde_json::from_slice(&crate::inflate(&json)?)?;
    rec.text = text;
    let links: HashMap<String, (i64, f64)> = s
        .conn
        .prepare_cached(
            "SELECT local_id, entity_id, confidence FROM article_entities WHERE article = ?1",
        )?
        .query_map([rowid], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let quote_ids: HashMap<i64, i64> = s
        .conn
        .prepare_cached("SELECT idx, id FROM quotes WHERE article = ?1")?
        .query_map([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let event_ids: HashMap<i64, i64> = s
        .conn
        .prepare_cached("SELECT idx, id FROM events WHERE article = ?1")?
        .query_map([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let corpus = |local: &str| links.get(local).map(|l| l.0);
    let entities = rec
        .entities
        .iter()
        .filter_map(|e| {
            let &(entity_id, link_confidence) = links.get(&e.id)?;
            Some(ArticleEntity {
                local_id: e.id.clone(),
                entity_id,
                name: e.name.clone(),
                etype: e.etype.clone(),
                link_confidence,
                mentions: e.mentions.clone(),
            })
        })
        .collect();
    let quotes = rec
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| ArticleQuote {
            quote_id: quote_ids.get(&(i as i64)).copied().unwrap_or(0),
            start: q.start,
            end: q.end,
            text: q.text.clone(),
            kind: q.kind.clone(),
            speaker_id: q.speaker.as_deref().and_then(corpus),
            speaker_local_id: q.speaker.clone(),
            speaker_name: q.speaker_name.clone(),
            speaker_mention: q.speaker_mention.clone(),
            cue: q.cue.clone(),
            confidence: q.confidence,
            continues: q.continues,
        })
        .collect();
    let events = rec
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| ArticleEvent {
            event_id: event_ids.get(&(i as i64)).copied().unwrap_or(0),
            etype: e.etype.clone(),
            trigger: e.trigger.clone(),
            participants: e.participants.iter().filter_map(|p| corpus(p)).collect(),
            place: e.place.as_deref().and_then(corpus),
            time: e.time,
            confidence: e.confidence,
        })
        .collect();
    Ok(ArticleView {
        id: rec.id,
        url: rec.source.url,
        title: rec.meta.title,
        date: rec.meta.date,
        publisher: rec.meta.publisher,
        authors: rec.meta.authors,
        paragraphs: rec.paragraphs.iter().map(|p| [p.start, p.end]).collect(),
        text: rec.text,
        entities,
        quotes,
        times: rec.times,
        quantities: rec.quantities,
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_quoted() {
        assert_eq!(
            fts_query("q", "missiles Kyiv").unwrap(),
            "\"missiles\" \"Kyiv\""
        );
        assert_eq!(
            fts_query("q", "\"harbour bridge\" reopen*").unwrap(),
            "\"harbour bridge\" \"reopen\"*"
        );
        assert_eq!(
            fts_query("q", "NEAR(a b) OR x\" AND").unwrap(),
            "\"NEAR a\" \"b\" \"OR\" \"x\" \"AND\""
        );
        assert!(fts_query("q", "  *** ").is_err());
    }

    #[test]
    fn marks_become_offsets() {
        let (t, h) = unmark("a \u{E000}bé\u{E001} c");
        assert_eq!(t, "a bé c");
        assert_eq!(h, vec![[2, 4]]);
    }

    #[test]
    fn params_checked() {
        assert!(limit("limit", Some(1001), 20).is_err());
        assert_eq!(limit("limit", None, 20).unwrap(), 20);
        assert!(date("from", &Some("2025-13-01".into())).is_err());
        assert!(date("from", &Some("2025-1-01".into())).is_err());
        assert!(date_range(&Some("2025-02-01".into()), &Some("2025-01-01".into())).is_err());
        assert!(etype("type", &Some("per".into())).unwrap().as_deref() == Some("PER"));
        assert!(etype("type", &Some("X".into())).is_err());
    }
}
