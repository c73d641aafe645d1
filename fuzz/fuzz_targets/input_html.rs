//! Arbitrary bytes as an `.html` page: charset detection, parsing and extraction never panic;
//! the story text is well-formed paragraphs; the whole pipeline gives valid records.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let decoded = byline_html::decode(data, None);
    let page = byline_html::extract(&decoded.text, Some("https://fuzz.example/2025/06/23/x"));
    for para in page.text.split("\n\n") {
        assert!(
            page.text.is_empty() || (!para.is_empty() && para.trim() == para),
            "malformed paragraph {para:?}"
        );
    }
    assert_eq!(
        page.text.is_empty(),
        !page.warnings.is_empty() && page.warnings.iter().any(|w| w.starts_with("no story text"))
    );
    for r in &page.removed {
        assert!(!r.text.is_empty() && !r.reason.is_empty());
    }
    common::read_and_check("fuzz.html", data);
});
