use byline_doc::{Document, Span, Stage};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap().repeat(5);
    let mut sents = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices("\n\n") { if at > start { sents.push(Span::new(start, at)); } start = at + 2; }
    let mut doc = Document::default();
    doc.text = text;
    doc.sentences = sents;
    doc.meta.date = chrono::NaiveDate::from_ymd_opt(2025, 6, 23);
    let words = doc.text.split_whitespace().count();
    let t = std::time::Instant::now();
    let rounds = 10;
    for _ in 0..rounds { byline_times::Times.process(&mut doc).unwrap(); }
    let s = t.elapsed().as_secs_f64();
    println!("{} times, {:.2} M words/s", doc.times.len(), (words * rounds) as f64 / s / 1e6);
}
