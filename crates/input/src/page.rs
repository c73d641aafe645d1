//! HTML pages to documents: the story text, what was left out, and the page's metadata.

use byline_doc::{Boilerplate, Document};
use byline_html::Page;

/// Fills a document from an extracted page: `raw` is the story text, removed furniture goes to
/// `boilerplate`, metadata to `meta` (the page's language only when it declares one), the
/// canonical URL to `source.url` when the input gave none. Fields already set (a JSONL `title`
/// or `date`) win over the page's.
pub(crate) fn apply_page(doc: &mut Document, page: Page) {
    doc.raw = page.text;
    doc.boilerplate_by_structure = true;
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

#[cfg(test)]
mod tests {
    use crate::{InputError, Inputs, ReadOptions};
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    #[test]
    fn hundred_megabyte_page_is_a_clear_error() {
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(b"<html><body>").unwrap();
        let chunk = "<p>A line of a very long page, repeated.</p>\n".repeat(1000);
        let mut written = 0;
        while written < 100 * 1024 * 1024 {
            gz.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
        }
        let bytes = gz.finish().unwrap();
        let items: Vec<_> =
            Inputs::from_bytes("huge.html.gz", bytes, ReadOptions::default()).collect();
        assert_eq!(items.len(), 1);
        let err = items[0].as_ref().unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }));
        assert_eq!(
            err.to_string(),
            "huge.html.gz: document is over the 10.0 MB limit (raise it with --max-bytes)"
        );
    }

    #[test]
    fn html_pages_fill_meta_boilerplate_and_url() {
        let page = r#"<html lang="en"><head><title>Ferry strike ends | Courier</title>
            <link rel="canonical" href="https://courier.example/2024/03/01/ferry">
            <meta property="og:site_name" content="Courier"></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
            <article><h1>Ferry strike ends</h1>
            <p>Ferry crews went back to work on Friday after the union accepted a pay offer.</p>
            <figure><img src="f.jpg"><figcaption>Crews at the dock. Photo: J. Bell</figcaption></figure>
            <p>"We are glad it is over," said a spokeswoman for the operator.</p>
            <div class="social-share">Share this story on Facebook</div></article></body></html>"#;
        let mut items = Inputs::from_bytes("ferry.html", page.into(), ReadOptions::default());
        let doc = items.next().unwrap().unwrap();
        assert_eq!(
            doc.raw,
            "Ferry crews went back to work on Friday after the union accepted a pay offer.\n\n\
             \"We are glad it is over,\" said a spokeswoman for the operator."
        );
        assert_eq!(doc.meta.title.as_deref(), Some("Ferry strike ends"));
        assert_eq!(doc.meta.publisher.as_deref(), Some("Courier"));
        assert_eq!(
            doc.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            doc.source.url.as_deref(),
            Some("https://courier.example/2024/03/01/ferry")
        );
        let reasons: Vec<&str> = doc.boilerplate.iter().map(|b| b.reason).collect();
        assert!(reasons.contains(&"caption"), "{reasons:?}");
        assert!(reasons.contains(&"share"), "{reasons:?}");
        // furniture outside the story container (the nav bar) is dropped silently
        assert_eq!(reasons, ["title", "caption", "share"]);
    }
}
