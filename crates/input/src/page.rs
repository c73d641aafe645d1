//! HTML pages to documents: the story text, what was left out, and the page's metadata.

use byline_doc::{Boilerplate, Document};
use byline_html::Page;

/// Fills a document from an extracted page: `raw` is the story text, removed furniture goes to
/// `boilerplate`, metadata to `meta` (the page's language only when it declares one), the
/// canonical URL to `source.url` when the input gave none. Fields already set (a JSONL `title`
/// or `date`) win over the page's.
pub(crate) fn apply_page(doc: &mut Document, page: Page) {
    doc.raw = page.text;
    doc.boilerplate
        .extend(page.removed.into_iter().map(|r| Boilerplate {
            text: r.text,
            reason: r.reason,
        }));
    let m = page.meta;
    if doc.meta.title.is_none() {
        doc.meta.title = m.title;
    }
    if doc.meta.date.is_none() {
        doc.meta.date = m.date;
    }
    if doc.meta.authors.is_empty() {
        doc.meta.authors = m.authors;
    }
    if doc.meta.publisher.is_none() {
        doc.meta.publisher = m.publisher;
    }
    if let Some(lang) = m.language {
        doc.meta.language = Some(lang);
    }
    if doc.source.url.is_none() {
        doc.source.url = m.canonical_url;
    }
    doc.warnings.extend(page.warnings);
}
