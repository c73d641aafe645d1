//! The web pages, rendered on the server: no script, every piece of stored text escaped.
//!
//! - `/`: search box (full text and speaker), results, and without a query the latest
//!   articles and the most mentioned entities;
//! - `/quotes`: the quote bank by speaker, words, date and kind;
//! - `/articles/{id}`: the text with mentions highlighted by type and every quote marked and
//!   tagged with its speaker (linking to the speaker's entity page);
//! - `/entities/{id}`: aliases, type, a mentions-over-time chart (inline SVG), top
//!   co-occurring entities, latest quotes and events.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use byline_store::{
    Bucket, EntityListParams, EntityPage, QuoteHit, QuoteParams, SearchParams, SortOrder,
    TimeCount, TimelineParams,
};
use serde::Deserialize;

use crate::api::{entity_id, parse_pairs, query_pairs};
use crate::error::ApiError;
use crate::highlight::{article_href, article_html, speaker_tag, type_class};
use crate::AppState;

const STYLE: &str = include_str!("../assets/style.css");

/// The page routes.
pub(crate) fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/", get(home)),
        ("/quotes", get(quote_bank)),
        ("/articles/{id}", get(article_page)),
        ("/entities/{id}", get(entity_page)),
        ("/static/style.css", get(style)),
    ]
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes everything but unreserved characters (for a path segment or query value).
pub(crate) fn pct(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A query string from pairs, skipping `None`s.
fn qs(pairs: &[(&str, Option<String>)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", pct(v))))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The query string's pairs, empty values (an empty form field) dropped.
fn form_pairs(uri: &Uri) -> Result<Vec<(String, String)>, ApiError> {
    Ok(query_pairs(uri)?
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect())
}

fn page(title: &str, body: &str) -> Response {
    page_with_status(StatusCode::OK, title, body)
}

fn page_with_status(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{} \u{2013} byline</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/static/style.css\"></head>\
<body><header><a class=\"brand\" href=\"/\">byline</a><nav><a href=\"/\">Search</a>\
<a href=\"/quotes\">Quote bank</a><a href=\"/openapi.json\">API</a></nav></header>\
<main>{body}</main></body></html>\n",
        esc(title)
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

/// An error as an HTML page with the error's status.
pub(crate) fn error_page(e: &ApiError) -> Response {
    let title = match e.status() {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "Bad request",
        _ => "Error",
    };
    page_with_status(
        e.status(),
        title,
        &format!(
            "<h1>{}</h1><p class=\"error\">{}</p>",
            esc(title),
            esc(&e.to_string())
        ),
    )
}

fn or_page(r: Result<Response, ApiError>) -> Response {
    r.unwrap_or_else(|e| error_page(&e))
}

async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
        .into_response()
}

fn date_place(date: Option<&str>, publisher: Option<&str>) -> String {
    let parts: Vec<String> = [date, publisher].into_iter().flatten().map(esc).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"meta\">{}</span>", parts.join(" \u{b7} "))
    }
}

/// Text with `[start, end)` code-point ranges wrapped in `<b>`.
fn with_bold(text: &str, ranges: &[[usize; 2]]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    let mut sorted: Vec<[usize; 2]> = ranges.to_vec();
    sorted.sort_unstable();
    for [s, e] in sorted {
        if s < at || s >= e || e > chars.len() {
            continue;
        }
        out.push_str(&esc(&chars[at..s].iter().collect::<String>()));
        out.push_str("<b>");
        out.push_str(&esc(&chars[s..e].iter().collect::<String>()));
        out.push_str("</b>");
        at = e;
    }
    out.push_str(&esc(&chars[at..].iter().collect::<String>()));
    out
}

/// A list of quotes with speaker links and article links.
fn quote_list(quotes: &[QuoteHit]) -> String {
    if quotes.is_empty() {
        return "<p class=\"empty\">No quotes.</p>".into();
    }
    let mut out = String::from("<ol class=\"quotes\">");
    for q in quotes {
        let title = q.article_title.as_deref().unwrap_or(&q.article_id);
        out.push_str(&format!(
            "<li class=\"quote-hit\"><blockquote class=\"quote-{}\">{}</blockquote>{} \
<span class=\"source\">in <a class=\"article-link\" href=\"{}#q{}\">{}</a>{}</span></li>",
            esc(&q.kind),
            esc(&q.text),
            speaker_tag(q.speaker_id, q.speaker_name.as_deref()),
            article_href(&q.article_id),
            q.quote_id,
            esc(title),
            date_place(q.date.as_deref(), q.publisher.as_deref()),
        ));
    }
    out.push_str("</ol>");
    out
}

fn pager(
    base: &str,
    extra: &[(&str, Option<String>)],
    offset: u32,
    shown: usize,
    total: u64,
    limit: u32,
) -> String {
    let mut out = String::from("<p class=\"pager\">");
    let end = offset as u64 + shown as u64;
    out.push_str(&format!(
        "{}\u{2013}{end} of {total}",
        if shown == 0 { 0 } else { offset as u64 + 1 }
    ));
    let link = |off: u32, label: &str| {
        let mut pairs = extra.to_vec();
        pairs.push(("offset", Some(off.to_string())));
        format!(" <a href=\"{base}{}\">{label}</a>", esc(&qs(&pairs)))
    };
    if offset > 0 {
        out.push_str(&link(offset.saturating_sub(limit), "\u{2190} newer"));
    }
    if end < total {
        out.push_str(&link(offset.saturating_add(limit), "older \u{2192}"));
    }
    out.push_str("</p>");
    out
}

// ---------------------------------------------------------------------------------------------
// `/`

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HomeParams {
    q: Option<String>,
    speaker: Option<String>,
    from: Option<String>,
    to: Option<String>,
    offset: Option<u32>,
}

const PAGE: u32 = 20;

async fn home(State(st): State<AppState>, uri: Uri) -> Response {
    or_page(home_inner(st, uri).await)
}

async fn home_inner(st: AppState, uri: Uri) -> Result<Response, ApiError> {
    let p: HomeParams = parse_pairs(&form_pairs(&uri)?, &[])?;
    let offset = p.offset.unwrap_or(0);
    let search = SearchParams {
        q: p.q.clone(),
        from: p.from.clone(),
        to: p.to.clone(),
        sort: if p.q.is_some() {
            None
        } else {
            Some(SortOrder::Date)
        },
        limit: Some(PAGE),
        offset: Some(offset),
        ..Default::default()
    };
    let speaker = p.speaker.clone();
    let quote_params = QuoteParams {
        speaker: p.speaker.clone(),
        q: p.q.clone(),
        from: p.from.clone(),
        to: p.to.clone(),
        limit: Some(PAGE),
        ..Default::default()
    };
    let (results, speakers, quotes, top, stats) = st
        .pool
        .run(move |s| {
            let speakers = match &speaker {
                Some(name) => Some(s.entities(&EntityListParams {
                    q: Some(name.clone()),
                    limit: Some(10),
                    ..Default::default()
                })?),
                None => None,
            };
            let quotes = match &speaker {
                Some(_) => Some(s.quotes(&quote_params)?),
                None => None,
            };
            let results = if speaker.is_none() || search.q.is_some() {
                Some(s.search(&search)?)
            } else {
                None
            };
            let (top, stats) = if search.q.is_none() && speaker.is_none() {
                (
                    Some(s.entities(&EntityListParams {
                        limit: Some(15),
                        ..Default::default()
                    })?),
                    Some(s.stats()?),
                )
            } else {
                (None, None)
            };
            Ok((results, speakers, quotes, top, stats))
        })
        .await?;

    let v = |o: &Option<String>| esc(o.as_deref().unwrap_or(""));
    let mut body = format!(
        "<h1>Search the corpus</h1>\
<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">\
<label>Words <input type=\"search\" id=\"q\" name=\"q\" value=\"{}\" placeholder=\"bridge, &quot;harbour bridge&quot;, rebuil*\"></label>\
<label>Speaker <input type=\"search\" id=\"speaker\" name=\"speaker\" value=\"{}\" placeholder=\"a name\"></label>\
<label>From <input type=\"date\" name=\"from\" value=\"{}\"></label>\
<label>To <input type=\"date\" name=\"to\" value=\"{}\"></label>\
<button type=\"submit\" id=\"go\">Search</button></form>",
        v(&p.q),
        v(&p.speaker),
        v(&p.from),
        v(&p.to)
    );
    if let Some(stats) = stats {
        body.push_str(&format!(
            "<p class=\"stats\">{} articles, {} entities, {} quotes, {} events{}.</p>",
            stats.articles,
            stats.entities,
            stats.quotes,
            stats.events,
            match (&stats.first_date, &stats.last_date) {
                (Some(a), Some(b)) => format!(", {} to {}", esc(a), esc(b)),
                _ => String::new(),
            }
        ));
    }
    if let Some(list) = speakers {
        body.push_str("<section id=\"speakers\"><h2>Entities named like the speaker</h2>");
        if list.entities.is_empty() {
            body.push_str("<p class=\"empty\">None.</p>");
        } else {
            body.push_str("<ul class=\"entities\">");
            for e in &list.entities {
                body.push_str(&entity_item(
                    e.id,
                    &e.name,
                    &e.etype,
                    &format!("{} articles, {} quotes", e.articles, e.quotes),
                ));
            }
            body.push_str("</ul>");
        }
        body.push_str("</section>");
    }
    if let Some(q) = quotes {
        body.push_str(&format!(
            "<section id=\"quote-results\"><h2>Quotes by this speaker ({})</h2>{}",
            q.total,
            quote_list(&q.quotes)
        ));
        if q.total > q.quotes.len() as u64 {
            body.push_str(&format!(
                "<p><a href=\"/quotes{}\">All {} quotes in the quote bank</a></p>",
                esc(&qs(&[("speaker", p.speaker.clone()), ("q", p.q.clone())])),
                q.total
            ));
        }
        body.push_str("</section>");
    }
    if let Some(r) = results {
        let heading = if p.q.is_some() {
            "Articles"
        } else {
            "Latest articles"
        };
        body.push_str(&format!(
            "<section id=\"article-results\"><h2>{heading} ({})</h2>",
            r.total
        ));
        if r.hits.is_empty() {
            body.push_str("<p class=\"empty\">No articles found.</p>");
        } else {
            body.push_str("<ol id=\"results\" class=\"hits\">");
            for h in &r.hits {
                body.push_str(&format!(
                    "<li class=\"hit\"><a class=\"article-link\" href=\"{}\">{}</a>{}<p class=\"snippet\">{}</p></li>",
                    article_href(&h.id),
                    esc(h.title.as_deref().unwrap_or(&h.id)),
                    date_place(h.date.as_deref(), h.publisher.as_deref()),
                    with_bold(&h.snippet, &h.highlights)
                ));
            }
            body.push_str("</ol>");
            body.push_str(&pager(
                "/",
                &[
                    ("q", p.q.clone()),
                    ("from", p.from.clone()),
                    ("to", p.to.clone()),
                ],
                offset,
                r.hits.len(),
                r.total,
                PAGE,
            ));
        }
        body.push_str("</section>");
    }
    if let Some(top) = top {
        body.push_str(
            "<section id=\"top-entities\"><h2>Most mentioned</h2><ul class=\"entities\">",
        );
        for e in &top.entities {
            body.push_str(&entity_item(
                e.id,
                &e.name,
                &e.etype,
                &format!("{} articles", e.articles),
            ));
        }
        body.push_str("</ul></section>");
    }
    Ok(page("Search", &body))
}

fn entity_item(id: i64, name: &str, etype: &str, note: &str) -> String {
    format!(
        "<li><a class=\"ent ent-{}\" href=\"/entities/{id}\">{}</a> <span class=\"type\">{}</span> <span class=\"meta\">{}</span></li>",
        type_class(etype),
        esc(name),
        esc(etype),
        esc(note)
    )
}

// ---------------------------------------------------------------------------------------------
// `/quotes`

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BankParams {
    speaker: Option<String>,
    speaker_id: Option<i64>,
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    kind: Option<String>,
    offset: Option<u32>,
}

async fn quote_bank(State(st): State<AppState>, uri: Uri) -> Response {
    or_page(quote_bank_inner(st, uri).await)
}

async fn quote_bank_inner(st: AppState, uri: Uri) -> Result<Response, ApiError> {
    let p: BankParams = parse_pairs(&form_pairs(&uri)?, &[])?;
    let offset = p.offset.unwrap_or(0);
    let params = QuoteParams {
        speaker_id: p.speaker_id,
        speaker: p.speaker.clone(),
        q: p.q.clone(),
        from: p.from.clone(),
        to: p.to.clone(),
        kind: p.kind.clone(),
        limit: Some(PAGE),
        offset: Some(offset),
        ..Default::default()
    };
    let r = st.pool.run(move |s| s.quotes(&params)).await?;
    let v = |o: &Option<String>| esc(o.as_deref().unwrap_or(""));
    let kinds = ["", "direct", "partial", "indirect"]
        .iter()
        .map(|k| {
            format!(
                "<option value=\"{k}\"{}>{}</option>",
                if p.kind.as_deref().unwrap_or("") == *k {
                    " selected"
                } else {
                    ""
                },
                if k.is_empty() { "any" } else { k }
            )
        })
        .collect::<String>();
    let mut body = format!(
        "<h1>Quote bank</h1><form class=\"search\" method=\"get\" action=\"/quotes\">\
<label>Speaker <input type=\"search\" id=\"speaker\" name=\"speaker\" value=\"{}\"></label>\
<label>Words <input type=\"search\" id=\"q\" name=\"q\" value=\"{}\"></label>\
<label>From <input type=\"date\" name=\"from\" value=\"{}\"></label>\
<label>To <input type=\"date\" name=\"to\" value=\"{}\"></label>\
<label>Kind <select name=\"kind\">{kinds}</select></label>{}\
<button type=\"submit\" id=\"go\">Find quotes</button></form>",
        v(&p.speaker),
        v(&p.q),
        v(&p.from),
        v(&p.to),
        p.speaker_id
            .map(|id| format!("<input type=\"hidden\" name=\"speaker_id\" value=\"{id}\">"))
            .unwrap_or_default()
    );
    body.push_str(&format!(
        "<section id=\"quote-results\"><h2>{} quotes</h2>",
        r.total
    ));
    body.push_str(&quote_list(&r.quotes));
    body.push_str(&pager(
        "/quotes",
        &[
            ("speaker", p.speaker.clone()),
            ("speaker_id", p.speaker_id.map(|i| i.to_string())),
            ("q", p.q.clone()),
            ("from", p.from.clone()),
            ("to", p.to.clone()),
            ("kind", p.kind.clone()),
        ],
        offset,
        r.quotes.len(),
        r.total,
        PAGE,
    ));
    body.push_str("</section>");
    Ok(page("Quote bank", &body))
}

// ---------------------------------------------------------------------------------------------
// `/articles/{id}`

async fn article_page(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Response {
    or_page(article_inner(st, id, uri).await)
}

async fn article_inner(
    st: AppState,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let Path(id) = id.map_err(|e| ApiError::bad(Some("id"), e.body_text()))?;
    let _: crate::api::NoParams = parse_pairs(&form_pairs(&uri)?, &[])?;
    let view = st.pool.run(move |s| s.article(&id)).await?;
    let title = view.title.clone().unwrap_or_else(|| view.id.clone());
    let mut body = format!(
        "<article><h1 id=\"title\">{}</h1><p class=\"byline\">",
        esc(&title)
    );
    let mut meta: Vec<String> = Vec::new();
    if let Some(d) = &view.date {
        meta.push(esc(d));
    }
    if let Some(p) = &view.publisher {
        meta.push(esc(p));
    }
    if !view.authors.is_empty() {
        meta.push(format!("by {}", esc(&view.authors.join(", "))));
    }
    if let Some(u) = &view.url {
        if u.starts_with("https://") || u.starts_with("http://") {
            meta.push(format!(
                "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">source</a>",
                esc(u)
            ));
        } else {
            meta.push(esc(u));
        }
    }
    meta.push(format!("id <code>{}</code>", esc(&view.id)));
    body.push_str(&meta.join(" \u{b7} "));
    body.push_str(
        "</p><p class=\"legend\">Highlighted: <span class=\"ent ent-per\">person</span> \
<span class=\"ent ent-org\">organisation</span> <span class=\"ent ent-loc\">place</span> \
<span class=\"ent ent-misc\">other name</span> <mark class=\"quote\">quote</mark> \
<span class=\"speaker-tag\">\u{2014}\u{a0}speaker</span></p><div id=\"text\" class=\"text\">",
    );
    body.push_str(&article_html(&view));
    body.push_str("</div></article>");

    body.push_str(&format!(
        "<section id=\"article-quotes\"><h2>Quotes ({})</h2>",
        view.quotes.len()
    ));
    if view.quotes.is_empty() {
        body.push_str("<p class=\"empty\">No quotes.</p>");
    } else {
        body.push_str("<ol class=\"quotes\">");
        for q in &view.quotes {
            body.push_str(&format!(
                "<li><a href=\"#q{}\">{}</a> {} <span class=\"meta\">{}, {:.2}</span></li>",
                q.quote_id,
                esc(&q.text),
                speaker_tag(q.speaker_id, q.speaker_name.as_deref()),
                esc(&q.kind),
                q.confidence
            ));
        }
        body.push_str("</ol>");
    }
    body.push_str("</section>");
    body.push_str(&format!(
        "<section id=\"article-entities\"><h2>Entities ({})</h2><ul class=\"entities\">",
        view.entities.len()
    ));
    for e in &view.entities {
        body.push_str(&entity_item(
            e.entity_id,
            &e.name,
            &e.etype,
            &format!("{} mentions here", e.mentions.len()),
        ));
    }
    body.push_str("</ul></section>");
    Ok(page(&title, &body))
}

// ---------------------------------------------------------------------------------------------
// `/entities/{id}`

async fn entity_page(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Response {
    or_page(entity_inner(st, id, uri).await)
}

async fn entity_inner(
    st: AppState,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let Path(raw) = id.map_err(|e| ApiError::bad(Some("id"), e.body_text()))?;
    let id = entity_id(&raw)?;
    let pairs = form_pairs(&uri)?;
    if pairs.iter().any(|(k, _)| k == "id") {
        return Err(ApiError::bad(
            Some("id"),
            "the entity id is given in the path",
        ));
    }
    let params: byline_store::EntityParams =
        parse_pairs(&pairs, &[("id".to_string(), id.to_string())])?;
    let bucket = params.bucket.unwrap_or_default();
    let (ent, events) = st
        .pool
        .run(move |s| {
            let ent = s.entity(&params)?;
            let events = s.timeline(&TimelineParams {
                entity_id: Some(id),
                limit: Some(20),
                ..Default::default()
            })?;
            Ok((ent, events))
        })
        .await?;
    Ok(page(&ent.entity.name, &entity_body(&ent, bucket, &events)))
}

fn entity_body(p: &EntityPage, bucket: Bucket, events: &byline_store::Timeline) -> String {
    let e = &p.entity;
    let mut body = format!(
        "<h1 id=\"entity-name\" class=\"ent-{}\">{}</h1><p class=\"byline\"><span class=\"type\" id=\"entity-type\">{}</span> \
\u{b7} {} articles \u{b7} {} mentions \u{b7} <a href=\"/quotes?speaker_id={}\">{} quotes</a> \u{b7} link confidence {:.2}</p>",
        type_class(&e.etype),
        esc(&e.name),
        esc(&e.etype),
        e.articles,
        e.mentions,
        e.id,
        e.quotes,
        e.confidence
    );
    body.push_str("<section id=\"aliases\"><h2>Also named</h2>");
    if p.aliases.is_empty() {
        body.push_str("<p class=\"empty\">No other names.</p>");
    } else {
        body.push_str("<ul class=\"aliases\">");
        for a in &p.aliases {
            body.push_str(&format!(
                "<li>{} <span class=\"meta\">\u{d7}{}</span></li>",
                esc(&a.name),
                a.count
            ));
        }
        body.push_str("</ul>");
    }
    body.push_str("</section>");
    body.push_str(&format!(
        "<section id=\"chart\"><h2>Mentions over time (by {})</h2>{}</section>",
        match bucket {
            Bucket::Day => "day",
            Bucket::Month => "month",
        },
        chart_svg(&p.mentions_over_time, bucket)
    ));
    body.push_str("<section id=\"cooccurring\"><h2>Mentioned with</h2>");
    if p.cooccurring.is_empty() {
        body.push_str("<p class=\"empty\">No other entities.</p>");
    } else {
        body.push_str("<ul class=\"entities\">");
        for c in &p.cooccurring {
            body.push_str(&entity_item(
                c.id,
                &c.name,
                &c.etype,
                &format!("{} shared articles", c.articles),
            ));
        }
        body.push_str("</ul>");
    }
    body.push_str("</section>");
    body.push_str("<section id=\"latest-quotes\"><h2>Latest quotes</h2>");
    body.push_str(&quote_list(&p.latest_quotes));
    body.push_str("</section>");
    body.push_str(&format!(
        "<section id=\"events\"><h2>Events ({})</h2>",
        events.total
    ));
    if events.events.is_empty() {
        body.push_str("<p class=\"empty\">No events.</p>");
    } else {
        body.push_str("<ol class=\"events\">");
        for ev in &events.events {
            body.push_str(&format!(
                "<li><span class=\"meta\">{}</span> <b>{}</b> ({}) {} <span class=\"source\">in <a href=\"{}\">{}</a></span></li>",
                esc(ev.date.as_deref().unwrap_or("undated")),
                esc(&ev.etype),
                esc(&ev.trigger),
                esc(&ev.sentence),
                article_href(&ev.article_id),
                esc(ev.article_title.as_deref().unwrap_or(&ev.article_id))
            ));
        }
        body.push_str("</ol>");
    }
    body.push_str("</section>");
    body
}

/// Months from `a` to `b` (`YYYY-MM`), at most `cap`; `None` when either is malformed.
fn month_range(a: &str, b: &str, cap: usize) -> Option<Vec<String>> {
    let parse = |s: &str| -> Option<(i32, u32)> {
        let (y, m) = s.split_once('-')?;
        let (y, m) = (y.parse().ok()?, m.parse().ok()?);
        (1..=12).contains(&m).then_some((y, m))
    };
    let (mut y, mut m) = parse(a)?;
    let end = parse(b)?;
    let mut out = Vec::new();
    while (y, m) <= end && out.len() < cap {
        out.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    Some(out)
}

/// Mentions per period as an inline SVG bar chart (months without mentions shown as gaps).
pub(crate) fn chart_svg(series: &[TimeCount], bucket: Bucket) -> String {
    if series.is_empty() {
        return "<p class=\"empty\">No dated mentions.</p>".into();
    }
    let mut points: Vec<(String, u64)> = series
        .iter()
        .map(|t| (t.period.clone(), t.mentions))
        .collect();
    if bucket == Bucket::Month {
        let first = &series[0].period;
        let last = &series[series.len() - 1].period;
        if let Some(months) = month_range(first, last, 600) {
            if months.len() >= series.len() {
                points = months
                    .into_iter()
                    .map(|m| {
                        let n = series
                            .iter()
                            .find(|t| t.period == m)
                            .map_or(0, |t| t.mentions);
                        (m, n)
                    })
                    .collect();
            }
        }
    }
    let (w, h, left, bottom, top) = (640.0_f64, 220.0_f64, 36.0, 40.0, 10.0);
    let max = points.iter().map(|p| p.1).max().unwrap_or(1).max(1) as f64;
    let n = points.len() as f64;
    let slot = (w - left - 8.0) / n;
    let bar = (slot * 0.8).clamp(1.0, 48.0);
    let mut svg = format!(
        "<svg id=\"mentions-chart\" class=\"chart\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"Mentions over time\">\
<line x1=\"{left}\" y1=\"{y0}\" x2=\"{x1}\" y2=\"{y0}\" class=\"axis\"/>\
<text x=\"{tx}\" y=\"{ty}\" class=\"label\" text-anchor=\"end\">{max}</text>\
<text x=\"{tx}\" y=\"{y0}\" class=\"label\" text-anchor=\"end\">0</text>",
        y0 = h - bottom,
        x1 = w - 4.0,
        tx = left - 4.0,
        ty = top + 8.0,
        max = max as u64
    );
    let label_every = ((n / 8.0).ceil() as usize).max(1);
    for (i, (period, count)) in points.iter().enumerate() {
        let bh = (*count as f64 / max) * (h - bottom - top);
        let x = left + 4.0 + i as f64 * slot + (slot - bar) / 2.0;
        svg.push_str(&format!(
            "<rect class=\"bar\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{bh:.1}\"><title>{}: {count}</title></rect>",
            h - bottom - bh,
            esc(period)
        ));
        if i % label_every == 0 || i + 1 == points.len() {
            svg.push_str(&format!(
                "<text class=\"label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + bar / 2.0,
                h - bottom + 16.0,
                esc(period)
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_encodes() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(pct("a b/é?"), "a%20b%2F%C3%A9%3F");
        assert_eq!(
            with_bold("né <x> y", &[[4, 5], [0, 2], [9, 12]]),
            "<b>né</b> &lt;<b>x</b>&gt; y"
        );
    }

    #[test]
    fn month_gaps_are_filled() {
        assert_eq!(
            month_range("2024-11", "2025-02", 100).unwrap(),
            ["2024-11", "2024-12", "2025-01", "2025-02"]
        );
        assert!(month_range("2024-13", "2025-02", 100).is_none());
        let svg = chart_svg(
            &[
                TimeCount {
                    period: "2024-11".into(),
                    mentions: 3,
                    articles: 1,
                },
                TimeCount {
                    period: "2025-01".into(),
                    mentions: 1,
                    articles: 1,
                },
            ],
            Bucket::Month,
        );
        assert_eq!(svg.matches("<rect").count(), 3);
    }
}
