/*!
HTML pages to story text and metadata.

# Brief overview
- [`decode`] turns the bytes of a page into text: a BOM, the HTTP `Content-Type` charset, a
  `<meta charset>` or `http-equiv` declaration, or, when nothing is declared and the bytes are
  not UTF-8, a statistical guess (`chardetng`).
- [`extract`] parses the page with html5ever into a lean arena (no reference counting, no
  recursion: a page nested 100,000 levels deep costs no stack), finds the story container by
  scoring text blocks (length, commas, link density, tag and class/id hints) and writes the
  story as paragraphs (headings, paragraphs, list items and block quotes each become one),
  reporting the furniture it left out ([`Removed`]: share bars, captions, related links,
  newsletter boxes, bylines...). It also reads the page's [`PageMeta`]: title, publication date,
  authors, publisher, canonical URL and language (JSON-LD first, then meta tags, the page and
  the URL).

# Example
```
let page = byline_html::extract(
    r#"<html lang="en-GB"><head><title>Bridge reopens | Harbour Post</title>
    <meta property="article:published_time" content="2025-06-23T09:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Bridge reopens</h1><p class="byline">By Jane Doe, Transport Correspondent</p>
    <p>The harbour bridge reopened on Monday after two years of repairs, the council said.</p>
    <p>"It has been a long wait," said the mayor, who cut the ribbon.</p>
    <div class="share-bar">Share on Facebook</div></article></body></html>"#,
    None,
);
assert_eq!(page.meta.title.as_deref(), Some("Bridge reopens"));
assert_eq!(page.meta.date.unwrap().to_string(), "2025-06-23");
assert_eq!(page.meta.authors, ["Jane Doe"]);
assert_eq!(page.meta.language.as_deref(), Some("en"));
assert!(page.text.starts_with("The harbour bridge reopened"));
assert!(page.text.ends_with("who cut the ribbon."));
assert!(page.removed.iter().any(|r| r.reason == "share"));
```
*/
#![deny(missing_docs)]

mod charset;
mod depth;
mod dom;
mod extract;
mod meta;

pub use charset::{decode, Decoded};
pub use extract::Removed;
pub use meta::{parse_date, PageMeta};

/// A page's story and metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The story text: paragraphs separated by one blank line (`\n\n`); empty when none found.
    pub text: String,
    /// What was left out inside the story container, with reasons.
    pub removed: Vec<Removed>,
    /// Title, date, authors, publisher, canonical URL, language.
    pub meta: PageMeta,
    /// Problems met ("no story text found in the HTML page").
    pub warnings: Vec<String>,
}

/// Extracts the story text and metadata of a page (already decoded: see [`decode`]). `url` is
/// the page's address, when known (a date in its path is a fallback for the publication date).
pub fn extract(html: &str, url: Option<&str>) -> Page {
    let mut warnings = Vec::new();
    let flat = depth::flatten(html);
    if flat.is_some() {
        warnings.push(format!(
            "HTML nested deeper than {} elements: the deeper tags were ignored",
            depth::MAX_DEPTH
        ));
    }
    let dom = dom::Dom::parse(flat.as_deref().unwrap_or(html));
    let meta = meta::read(&dom, url);
    let content = extract::extract(&dom, meta.title.as_deref());
    if content.paragraphs.is_empty() {
        warnings.push("no story text found in the HTML page".to_owned());
    }
    Page {
        text: content.paragraphs.join("\n\n"),
        removed: content.removed,
        meta,
        warnings,
    }
}
