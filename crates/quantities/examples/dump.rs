use byline_doc::{Document, Span, Stage};
use byline_quantities::Quantities;

fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for para in text.split("\n\n") {
        let mut start = para_start;
        let end = para_start + para.len();
        let mut k = para_start;
        while let Some(off) = text[k..end].find(". ") {
            let cut = k + off + 1;
            let next = text[cut + 1..end].chars().next();
            if next.is_some_and(|c| c.is_uppercase() || byline_doc::text::is_quote_mark(c)) {
                out.push(Span::new(start, cut));
                start = cut + 1;
            }
            k = cut + 1;
        }
        if start < end {
            out.push(Span::new(start, end));
        }
        para_start = end + 2;
    }
    out
}

fn main() {
    let all = std::fs::read_to_string(std::env::var("ART").unwrap_or("/tmp/articles.txt".into()))
        .unwrap();
    let bench = std::env::args().nth(1).is_some();
    let mut docs: Vec<Document> = all
        .split("\n\x1e\n")
        .filter(|s| !s.trim().is_empty())
        .map(|t| {
            let mut d = Document::from_text("x", "");
            d.text = t.to_string();
            d.sentences = sentences(t);
            d
        })
        .collect();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let stage = Quantities::new();
    if bench {
        let t = std::time::Instant::now();
        let reps = 30;
        let mut n = 0;
        for _ in 0..reps {
            for d in docs.iter_mut() {
                d.quantities.clear();
                stage.process(d).unwrap();
                n += d.quantities.len();
            }
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{} words x {reps} in {s:.3}s = {:.1} M words/s ({n} quantities)",
            words,
            (words * reps) as f64 / s / 1e6
        );
        return;
    }
    for d in docs.iter_mut() {
        stage.process(d).unwrap();
        for q in &d.quantities {
            let ctx_end = (q.span.end + 30).min(d.text.len());
            let mut ce = ctx_end;
            while !d.text.is_char_boundary(ce) {
                ce -= 1;
            }
            let mut cs = q.span.start.saturating_sub(30);
            while !d.text.is_char_boundary(cs) {
                cs += 1;
            }
            println!(
                "{:<40} | {} | {:?} | {:?}   «{}»",
                d.slice(q.span),
                q.value,
                q.unit,
                q.qualifier.map(|x| x.as_str()),
                d.text[cs..ce].replace('\n', " ")
            );
        }
    }
}
