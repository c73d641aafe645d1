//! Page metadata: title, publication date, authors, publisher, canonical URL and language.
//!
//! JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, …, also inside `@graph`) is read first;
//! then `<meta>` tags (OpenGraph, `article:*`, Dublin Core, Parse.ly, Sailthru, `name=author`,
//! `itemprop`), then the page itself (`<time datetime>`, `rel=author` links, elements whose
//! class or id says "byline"/"author", `<h1>`, `<title>`), then the URL (`/2025/06/23/`).

use crate::dom::{Data, Dom, DOCUMENT};
use chrono::NaiveDate;
use serde_json::Value;

/// What the page says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Authors, cleaned of "By" and job titles.
    pub authors: Vec<String>,
    /// Publisher or site name.
    pub publisher: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD `url`).
    pub canonical_url: Option<String>,
    /// Language code from `<html lang>`, `og:locale`, JSON-LD `inLanguage` or
    /// `Content-Language`, e.g. "en", "de".
    pub language: Option<String>,
}

#[derive(Default)]
struct Found {
    ld_title: Option<String>,
    ld_date: Option<String>,
    ld_authors: Vec<String>,
    ld_publisher: Option<String>,
    ld_url: Option<String>,
    ld_lang: Option<String>,
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    html_lang: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    time: Option<String>,
    rel_author: Vec<String>,
    byline: Vec<String>,
}

/// Reads the metadata of a parsed page; `url` is the page's address when known.
pub(crate) fn read(dom: &Dom, url: Option<&str>) -> PageMeta {
    let f = collect(dom);
    let meta = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| {
            f.metas
                .iter()
                .find(|(k, v)| k == n && !v.trim().is_empty())
                .map(|(_, v)| clean_space(v))
        })
    };
    let title = f
        .ld_title
        .clone()
        .or_else(|| meta(&["og:title", "twitter:title", "headline", "dc.title", "title"]))
        .or_else(|| f.h1.clone())
        .or_else(|| f.title_tag.as_deref().map(strip_site_suffix))
        .filter(|t| !t.is_empty());
    let date = f
        .ld_date
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            meta(&[
                "article:published_time",
                "datepublished",
                "og:published_time",
                "published_time",
                "article.published",
                "publishdate",
                "publish-date",
                "pubdate",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dc.date",
                "dcterms.date",
                "date",
                "displaydate",
                "article:modified_time",
                "datemodified",
            ])
            .as_deref()
            .and_then(parse_date)
        })
        .or_else(|| f.time.as_deref().and_then(parse_date))
        .or_else(|| url.and_then(url_date))
        .or_else(|| f.canonical.as_deref().and_then(url_date))
        .or_else(|| meta(&["og:url"]).as_deref().and_then(url_date))
        .or_else(|| f.ld_url.as_deref().and_then(url_date));
    let mut authors: Vec<String> = Vec::new();
    let sources: Vec<Vec<String>> = vec![
        f.ld_authors.clone(),
        meta(&[
            "author",
            "article:author",
            "byl",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "twitter:creator",
        ])
        .into_iter()
        .collect(),
        f.rel_author.clone(),
        f.byline.clone(),
    ];
    for list in sources {
        for a in list {
            for name in clean_authors(&a) {
                if !authors.iter().any(|x| x.eq_ignore_ascii_case(&name)) {
                    authors.push(name);
                }
            }
        }
        if !authors.is_empty() {
            break;
        }
    }
    let publisher_early = f.ld_publisher.clone().or_else(|| {
        meta(&[
            "og:site_name",
            "application-name",
            "publisher",
            "dc.publisher",
        ])
    });
    if let Some(p) = &publisher_early {
        let p = p.to_lowercase();
        authors.retain(|a| {
            let a = a.to_lowercase();
            !(p.contains(&a) || a.contains(&p))
        });
    }
    let publisher = f
        .ld_publisher
        .clone()
        .or_else(|| {
            meta(&[
                "og:site_name",
                "application-name",
                "publisher",
                "dc.publisher",
            ])
        })
        .filter(|p| !p.is_empty());
    let canonical_url = f
        .canonical
        .clone()
        .or_else(|| meta(&["og:url"]))
        .or(f.ld_url.clone())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let language = f
        .html_lang
        .clone()
        .or(f.ld_lang.clone())
        .or_else(|| meta(&["og:locale", "content-language", "language", "dc.language"]))
        .and_then(|l| language_code(&l));
    PageMeta {
        title,
        date,
        authors,
        publisher,
        canonical_url,
        language,
    }
}

fn collect(dom: &Dom) -> Found {
    let mut f = Found::default();
    for id in dom.descendants(DOCUMENT) {
        let Data::Element { name, .. } = &dom.nodes[id].data else {
            continue;
        };
        match &**name {
            "html" if f.html_lang.is_none() => {
                f.html_lang = dom.attr(id, "lang").map(str::to_owned);
            }
            "meta" => {
                let key = dom
                    .attr(id, "property")
                    .or_else(|| dom.attr(id, "name"))
                    .or_else(|| dom.attr(id, "itemprop"))
                    .or_else(|| dom.attr(id, "http-equiv"));
                if let (Some(k), Some(v)) = (key, dom.attr(id, "content")) {
                    f.metas.push((k.trim().to_ascii_lowercase(), v.to_owned()));
                }
            }
            "link" => {
                let rel = dom.attr(id, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && f.canonical.is_none() {
                    f.canonical = dom.attr(id, "href").map(|h| h.trim().to_owned());
                }
            }
            "title" if f.title_tag.is_none() => {
                let t = dom.text_of(id);
                if !t.is_empty() {
                    f.title_tag = Some(t);
                }
            }
            "script" => {
                let ty = dom.attr(id, "type").unwrap_or("");
                if ty.trim().eq_ignore_ascii_case("application/ld+json") {
                    let mut json = String::new();
                    for c in dom.children(id) {
                        if let Data::Text(t) = &dom.nodes[c].data {
                            json.push_str(t);
                        }
                    }
                    if let Ok(v) = serde_json::from_str::<Value>(json.trim()) {
                        json_ld(&v, &mut f);
                    }
                }
            }
            "h1" if f.h1.is_none() => {
                let t = dom.text_of(id);
                if !t.is_empty() {
                    f.h1 = Some(t);
                }
            }
            "time" if f.time.is_none() => {
                f.time = dom
                    .attr(id, "datetime")
                    .map(str::to_owned)
                    .filter(|d| parse_date(d).is_some())
                    .or_else(|| Some(dom.text_of(id)).filter(|d| parse_date(d).is_some()));
            }
            "a" => {
                let rel = dom.attr(id, "rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("author"))
                {
                    let t = dom.text_of(id);
                    if !t.is_empty() && f.rel_author.len() < 5 {
                        f.rel_author.push(t);
                    }
                }
            }
            _ => {}
        }
        if let Some(prop) = dom.attr(id, "itemprop") {
            let prop = prop.to_ascii_lowercase();
            if prop == "datepublished" && &**name != "meta" {
                if let Some(d) = dom.attr(id, "datetime").or_else(|| dom.attr(id, "content")) {
                    f.metas.push(("datepublished".into(), d.to_owned()));
                }
            }
            if prop.split_whitespace().any(|p| p == "author")
                && &**name != "meta"
                && f.byline.len() < 5
                && !in_comments(dom, id)
            {
                let t = dom.text_of(id);
                if !t.is_empty() && t.len() < 120 {
                    f.byline.push(t);
                }
            }
        }
        if f.byline.is_empty() {
            let cls = format!(
                "{} {}",
                dom.attr(id, "class").unwrap_or(""),
                dom.attr(id, "id").unwrap_or("")
            )
            .to_ascii_lowercase();
            if (cls.contains("byline") || cls.contains("author-name") || cls.contains("authorname"))
                && !in_comments(dom, id)
            {
                let t = dom.text_of(id);
                if !t.is_empty() && t.len() < 120 {
                    f.byline.push(t);
                }
            }
        }
    }
    f
}

/// Whether an element sits in a comment section or a form (where "author" fields name
/// commenters, not the writer).
fn in_comments(dom: &Dom, id: usize) -> bool {
    let mut a = id;
    for _ in 0..40 {
        if a == crate::dom::NONE {
            return false;
        }
        if dom.tag(a).is_some_and(|t| &**t == "form") {
            return true;
        }
        let names = format!(
            "{} {}",
            dom.attr(a, "class").unwrap_or(""),
            dom.attr(a, "id").unwrap_or("")
        )
        .to_ascii_lowercase();
        if names.contains("comment") {
            return true;
        }
        a = dom.nodes[a].parent;
    }
    false
}

/// Article-like JSON-LD types, best first.
fn article_rank(v: &Value) -> Option<u8> {
    let types: Vec<&str> = match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    types
        .iter()
        .filter_map(|t| {
            Some(match *t {
                "NewsArticle"
                | "ReportageNewsArticle"
                | "AnalysisNewsArticle"
                | "OpinionNewsArticle"
                | "BackgroundNewsArticle" => 0,
                "Article" | "BlogPosting" | "Report" | "ScholarlyArticle" | "TechArticle"
                | "LiveBlogPosting" | "SocialMediaPosting" => 1,
                "WebPage" | "ItemPage" => 2,
                _ => return None,
            })
        })
        .min()
}

fn json_ld(v: &Value, f: &mut Found) {
    // iterative over arrays and @graph
    let mut stack = vec![v];
    let mut best: Option<(u8, &Value)> = None;
    let mut org: Option<&Value> = None;
    let mut guard = 0;
    while let Some(v) = stack.pop() {
        guard += 1;
        if guard > 1000 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if let Some(r) = article_rank(v) {
                    if best.is_none_or(|(b, _)| r < b) {
                        best = Some((r, v));
                    }
                }
                if org.is_none()
                    && matches!(
                        o.get("@type").and_then(Value::as_str),
                        Some("Organization" | "NewsMediaOrganization")
                    )
                {
                    org = Some(v);
                }
            }
            _ => {}
        }
    }
    let Some((rank, a)) = best else {
        return;
    };
    if rank < 2 || f.ld_title.is_none() {
        if let Some(h) = a.get("headline").and_then(Value::as_str) {
            f.ld_title = Some(clean_space(h)).filter(|s| !s.is_empty());
        }
    }
    if let Some(d) = a
        .get("datePublished")
        .or_else(|| a.get("dateCreated"))
        .and_then(Value::as_str)
    {
        f.ld_date.get_or_insert_with(|| d.to_owned());
    }
    if f.ld_authors.is_empty() {
        if let Some(auth) = a.get("author").or_else(|| a.get("creator")) {
            let list: Vec<&Value> = match auth {
                Value::Array(x) => x.iter().collect(),
                other => vec![other],
            };
            for x in list {
                let name = match x {
                    Value::String(s) => Some(s.as_str()),
                    Value::Object(o) => o.get("name").and_then(Value::as_str),
                    _ => None,
                };
                if let Some(n) = name {
                    f.ld_authors.push(n.to_owned());
                }
            }
        }
    }
    let publisher = a
        .get("publisher")
        .and_then(|p| match p {
            Value::Object(o) => o.get("name").and_then(Value::as_str),
            Value::String(s) => Some(s.as_str()),
            Value::Array(x) => x
                .first()
                .and_then(|o| o.get("name"))
                .and_then(Value::as_str),
            _ => None,
        })
        .or_else(|| org.and_then(|o| o.get("name")).and_then(Value::as_str));
    if let Some(p) = publisher {
        f.ld_publisher.get_or_insert_with(|| clean_space(p));
    }
    if let Some(u) = a.get("url").and_then(Value::as_str).or_else(|| {
        a.get("mainEntityOfPage").and_then(|m| match m {
            Value::String(s) => Some(s.as_str()),
            Value::Object(o) => o.get("@id").and_then(Value::as_str),
            _ => None,
        })
    }) {
        f.ld_url.get_or_insert_with(|| u.to_owned());
    }
    if let Some(l) = a.get("inLanguage").and_then(Value::as_str) {
        f.ld_lang.get_or_insert_with(|| l.to_owned());
    }
}

/// Collapses whitespace and decodes character references left in attribute or JSON values
/// by double encoding (`&#8216;`, `&amp;`).
fn clean_space(s: &str) -> String {
    let mut out = String::new();
    if s.contains('&') {
        crate::dom::push_collapsed(&mut out, &decode_entities(s));
    } else {
        crate::dom::push_collapsed(&mut out, s);
    }
    out.trim().to_owned()
}

/// Decodes numeric references and the few named ones common in double-encoded metadata.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[..rest.len().min(12)].find(';');
        let decoded = end.and_then(|e| {
            let body = &rest[1..e];
            let c = if let Some(num) = body.strip_prefix('#') {
                let (digits, radix) = match num.strip_prefix(['x', 'X']) {
                    Some(h) => (h, 16),
                    None => (num, 10),
                };
                u32::from_str_radix(digits, radix)
                    .ok()
                    .and_then(char::from_u32)
            } else {
                match body {
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "nbsp" => Some(' '),
                    "rsquo" => Some('’'),
                    "lsquo" => Some('‘'),
                    "ldquo" => Some('“'),
                    "rdquo" => Some('”'),
                    "mdash" => Some('—'),
                    "ndash" => Some('–'),
                    _ => None,
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// "Headline | Site" → "Headline" (the longest part, when separated by ` | `, ` - `, ` – `,
/// ` — ` or ` :: `).
fn strip_site_suffix(t: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if t.contains(sep) {
            return t
                .split(sep)
                .max_by_key(|p| p.chars().count())
                .unwrap_or(t)
                .trim()
                .to_owned();
        }
    }
    t.trim().to_owned()
}

/// "en-GB", "en_US", "EN" → "en".
fn language_code(l: &str) -> Option<String> {
    let code: String = l
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    (2..=3).contains(&code.len()).then_some(code)
}

/// Words that end a name in a byline (job titles, affiliations).
const TITLE_WORDS: &[&str] = &[
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "columnist",
    "contributor",
    "staff",
    "producer",
    "journalist",
    "analyst",
    "critic",
    "chief",
    "senior",
    "bureau",
    "updated",
    "published",
    "posted",
    "photographer",
    "reuters",
    "afp",
    "team",
    "desk",
];

/// Splits and cleans a byline into names: drops "By", dates, e-mail addresses, URLs, job
/// titles ("Jane Doe, Political Correspondent"; "Jane Doe | Staff Writer").
pub(crate) fn clean_authors(raw: &str) -> Vec<String> {
    let raw = clean_space(raw);
    if raw.starts_with("http://") || raw.starts_with("https://") {
        // article:author is often a profile URL: take its last path segment as a name
        let seg = raw
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("")
            .replace(['-', '_'], " ");
        let words: Vec<&str> = seg.split_whitespace().collect();
        if (2..=4).contains(&words.len())
            && words.iter().all(|w| w.chars().all(char::is_alphabetic))
        {
            return vec![words
                .iter()
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")];
        }
        return Vec::new();
    }
    let mut s = raw.as_str();
    // "Text: Jane Doe", "Autor: Jane Doe"
    if let Some((label, rest)) = s.split_once(':') {
        if label.chars().count() <= 20 && label.split_whitespace().count() <= 2 {
            s = rest.trim_start();
        }
    }
    for prefix in [
        "by ",
        "By ",
        "BY ",
        "Written by ",
        "Words by ",
        "Story by ",
        "Von ",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest;
        }
    }
    // cut at a separator after which come titles or dates
    for cut in [
        " | ",
        " - ",
        " — ",
        " – ",
        "\n",
        " on ",
        " Updated",
        " Published",
        " Posted",
    ] {
        if let Some(k) = s.find(cut) {
            s = &s[..k];
        }
    }
    let mut names = Vec::new();
    for part in s
        .split(" and ")
        .flat_map(|p| p.split(" & "))
        .flat_map(|p| p.split(';'))
        .flat_map(|p| p.split(','))
    {
        let p = part
            .trim()
            .trim_start_matches("By ")
            .trim_start_matches("by ")
            .trim();
        if p.is_empty() || p.contains('@') || p.contains("://") {
            continue;
        }
        let lower = p.to_lowercase();
        if lower.contains("associated press")
            || lower.split_whitespace().any(|w| TITLE_WORDS.contains(&w))
        {
            continue;
        }
        let words: Vec<&str> = p.split_whitespace().collect();
        if words.is_empty() || words.len() > 5 {
            continue;
        }
        // a name: capitalised words (particles allowed), no digits
        let ok = words.iter().all(|w| {
            !w.chars().any(|c| c.is_ascii_digit())
                && (w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(
                        *w,
                        "de" | "van" | "von" | "der" | "da" | "di" | "la" | "le" | "bin" | "al"
                    ))
        });
        if ok {
            names.push(title_case_if_shouting(p));
        }
    }
    names
}

/// "TOM KRISHER" → "Tom Krisher"; names already in mixed case are kept.
fn title_case_if_shouting(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    name.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A date in the common machine and human forms: ISO 8601 (with time and zone), `2025/06/23`,
/// `20250623`, `June 23, 2025`, `23 June 2025`, `Jun. 23, 2025`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> { s.get(r)?.parse().ok() };
    if b.len() >= 10 && b[4] == b'-'
        || b.len() >= 10 && b[4] == b'/'
        || b.len() >= 10 && b[4] == b'.'
    {
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            return valid(y as i32, m, d);
        }
    }
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && (b.len() == 8 || !b[8].is_ascii_digit())
    {
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(4..6), num(6..8)) {
            return valid(y as i32, m, d);
        }
    }
    // human forms: find a month name, a day and a 4-digit year
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for w in words.iter().take(12) {
        if let Some(m) = month_number(w) {
            month.get_or_insert(m);
        } else if let Ok(n) = w
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
        {
            if w.len() == 4 && (1990..=2100).contains(&n) {
                year.get_or_insert(n as i32);
            } else if (1..=31).contains(&n) && day.is_none() && w.len() <= 4 {
                day = Some(n);
            }
        }
    }
    valid(year?, month?, day?)
}

fn valid(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1990..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_number(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(w) && (w.len() >= 3) || (w == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

/// A date in a URL path: `/2025/06/23/`, `/2025-06-23/`, `/20250623/`.
pub(crate) fn url_date(url: &str) -> Option<NaiveDate> {
    let path = url.split(['?', '#']).next()?;
    let segs: Vec<&str> = path.split('/').collect();
    for w in segs.windows(3) {
        if w[0].len() == 4 && w[1].len() <= 2 && !w[1].is_empty() {
            if let (Ok(y), Ok(m)) = (w[0].parse::<i32>(), w[1].parse::<u32>()) {
                let d: String = w[2].chars().take_while(char::is_ascii_digit).collect();
                if let Ok(d) = d.parse::<u32>() {
                    if d.to_string().len() <= 2 {
                        if let Some(date) = valid(y, m, d) {
                            return Some(date);
                        }
                    }
                }
            }
        }
    }
    for seg in &segs {
        // YYYY-MM-DD anywhere in the segment (not inside a longer number)
        let b = seg.as_bytes();
        for k in 0..b.len().saturating_sub(9) {
            let c = &b[k..k + 10];
            if (k == 0 || !b[k - 1].is_ascii_digit())
                && b.get(k + 10).is_none_or(|x| !x.is_ascii_digit())
                && c[4] == b'-'
                && c[7] == b'-'
                && c.iter().filter(|x| x.is_ascii_digit()).count() == 8
            {
                if let Some(d) = std::str::from_utf8(c).ok().and_then(parse_date) {
                    return Some(d);
                }
            }
        }
        // YYYYMMDD as a whole piece ("responses-20191115")
        for piece in seg.split(['_', '.', '-']) {
            if piece.len() == 8
                && piece.bytes().all(|b| b.is_ascii_digit())
                && (piece.starts_with("20") || piece.starts_with("19"))
            {
                if let Some(d) = parse_date(piece) {
                    return Some(d);
                }
            }
        }
    }
    None
}
