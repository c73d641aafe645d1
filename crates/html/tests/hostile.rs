//! Hostile and degenerate pages: each gives a page (maybe empty, with a warning), never a
//! panic or a stack overflow, in reasonable time.

use byline_html::{decode, extract};
use std::time::{Duration, Instant};

fn quick<T>(limit_s: u64, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(
        start.elapsed() < Duration::from_secs(limit_s),
        "took {:?}",
        start.elapsed()
    );
    out
}

#[test]
fn hundred_thousand_levels_of_nesting() {
    let depth = 100_000;
    for (open, close) in [
        ("<div>", "</div>"),
        ("<span><b>", "</b></span>"),
        ("<table><tr><td>", ""),
    ] {
        let page = format!(
            "<html><body>{}A paragraph at the very bottom of a very deep page, with commas, \
             and enough words to count.{}</body></html>",
            open.repeat(depth),
            close.repeat(depth)
        );
        let out = quick(20, || extract(&page, None));
        assert!(out.text.contains("very bottom"), "{open}: {:?}", out.text);
    }
}

#[test]
fn deep_unclosed_and_misnested_markup() {
    let page = format!(
        "<body>{}text",
        "<a><p><i><li><select><option>".repeat(20_000)
    );
    quick(20, || extract(&page, None));
    let page = format!(
        "<body>{}",
        "<table><caption><form><fieldset>".repeat(20_000)
    );
    quick(20, || extract(&page, None));
}

#[test]
fn script_only_empty_body_and_nothing() {
    for page in [
        "<html><head><script>document.write('<p>hi</p>')</script></head><body></body></html>",
        "<html><body></body></html>",
        "",
        "<!-- only a comment -->",
        "<svg><text>vector text only</text></svg>",
    ] {
        let out = extract(page, None);
        assert_eq!(out.text, "", "{page:?}");
        assert_eq!(
            out.warnings,
            ["no story text found in the HTML page"],
            "{page:?}"
        );
    }
}

#[test]
fn broken_encodings() {
    // declared UTF-8 with invalid bytes; declared Shift_JIS with garbage; undeclared bytes
    let bad_utf8 = b"<meta charset=utf-8><p>Caf\xe9 au lait \xff\xfe and more text.</p>";
    let d = decode(bad_utf8, None);
    assert!(d.warning.is_some());
    assert!(extract(&d.text, None).text.contains("au lait"));
    let sjis = b"<meta charset=shift_jis><p>\x82\xa0\x82\xa2\xff\xff\x80 text</p>";
    let d = decode(sjis, None);
    assert_eq!(d.encoding, "Shift_JIS");
    extract(&d.text, None);
    let noise: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let d = decode(&noise, None);
    extract(&d.text, None);
    let utf16 = b"\xff\xfe<\0p\0>\0h\0i\0<\0/\0p\0>\0";
    assert_eq!(decode(utf16, None).text, "<p>hi</p>");
}

#[test]
fn many_tags_and_entities_stay_linear() {
    let page = format!("<body><p>{}</p>", "<a href=x>w</a> &amp; ".repeat(100_000));
    quick(20, || extract(&page, None));
    let page = "<".repeat(500_000);
    quick(20, || extract(&page, None));
    let page = format!("<body>{}", "<p>Short line, with a comma.".repeat(50_000));
    let out = quick(20, || extract(&page, None));
    assert!(out.text.len() > 100_000);
}

#[test]
fn text_moved_by_the_parser_is_kept() {
    // misnested formatting and a table with stray text make html5ever create elements after
    // their children (adoption agency, foster parenting): measured in document order anyway
    let page = "<html><body><div class=\"story\"><p><b>First paragraph, bold and misnested, \
        long enough to count as story text.<p>Second paragraph, still inside the bold, with \
        more words and commas, so it counts.</b> Tail.</p><table>Fostered text, a sentence \
        with commas, and words.<tr><td>cell</td></tr></table></div></body></html>";
    let out = extract(page, None);
    assert!(out.text.contains("First paragraph"), "{}", out.text);
    assert!(out.text.contains("Second paragraph"), "{}", out.text);
    assert!(out.text.contains("Fostered text"), "{}", out.text);
}
