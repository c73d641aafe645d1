use byline_doc::{Document, Span, Stage};
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap();
    let raw = std::fs::read_to_string(path).unwrap();
    let (date, text) = match raw.strip_prefix("date ") {
        Some(r) => {
            let (d, rest) = r.split_once(char::is_whitespace).unwrap();
            (
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(),
                rest.trim_start().to_string(),
            )
        }
        None => (None, raw.clone()),
    };
    let mut spans = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices("\n\n") {
        if at > start {
            spans.push(Span::new(start, at));
        }
        start = at + 2;
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    let mut sents = Vec::new();
    for p in spans {
        let para = &text[p.start..p.end];
        let mut s = p.start;
        for (at, _) in para.match_indices(". ") {
            let next = para[at + 2..].chars().next();
            if next.is_some_and(|c| c.is_uppercase() || "\"“‘'".contains(c)) {
                sents.push(Span::new(s, p.start + at + 1));
                s = p.start + at + 2;
            }
        }
        sents.push(Span::new(s, p.end));
    }
    let mut doc = Document::default();
    doc.text = text.clone();
    doc.sentences = sents;
    doc.meta.date = date;
    byline_times::Times.process(&mut doc).unwrap();
    for t in &doc.times {
        let a = doc
            .text
            .floor_char_boundary(t.span.start.saturating_sub(50));
        let b = doc
            .text
            .ceil_char_boundary((t.span.end + 30).min(doc.text.len()));
        println!(
            "{}\t{}\t{}\t{}",
            doc.slice(t.span),
            t.ttype.as_str(),
            t.value.as_deref().unwrap_or("null"),
            doc.text[a..b].replace('\n', " ")
        );
    }
}
