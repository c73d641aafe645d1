//! Side-by-side benchmark of byline's HTML extractor and rs-trafilatura.
//!
//! ```sh
//! cd bench/extraction
//! cargo run --release -- ../../../shared/data/extraction-dev/html --rounds 3 --out /tmp/cmp
//! python3 ../../../shared/tools/extraction_f1.py GOLD /tmp/cmp/byline.jsonl
//! python3 ../../../shared/tools/extraction_f1.py GOLD /tmp/cmp/rs-trafilatura.jsonl
//! ```
//! Pages are read (and gunzipped) into memory first; each extractor then runs over all of them,
//! from the bytes (charset detection included), on this one thread, `--rounds` times, and the
//! best round counts. With `--out DIR` both outputs are written as JSONL (`id`, `text`) so the
//! same run's texts can be scored.
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut rounds = 3usize;
    let mut out: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|r| r.parse().ok())
                    .expect("--rounds N")
            }
            "--out" => out = args.next().map(PathBuf::from),
            _ => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.expect("usage: byline-extraction-bench DIR [--rounds N] [--out DIR]");
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read dir")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.ends_with(".html") || name.ends_with(".html.gz") || name.ends_with(".htm")) {
            continue;
        }
        let f = std::fs::File::open(&p).expect("open page");
        let mut bytes = Vec::new();
        if name.ends_with(".gz") {
            flate2::read::MultiGzDecoder::new(f)
                .read_to_end(&mut bytes)
                .expect("gunzip");
        } else {
            std::io::BufReader::new(f)
                .read_to_end(&mut bytes)
                .expect("read");
        }
        pages.push((name, bytes));
    }
    let mb: f64 = pages.iter().map(|p| p.1.len() as f64).sum::<f64>() / 1e6;
    println!(
        "{} pages, {mb:.1} MB of HTML, {rounds} rounds, one thread",
        pages.len()
    );

    let byline = |bytes: &[u8]| -> String {
        let d = byline_html::decode(bytes, None);
        byline_html::extract(&d.text, None).text
    };
    let trafilatura = |bytes: &[u8]| -> String {
        rs_trafilatura::extract_bytes(bytes)
            .map(|r| r.content_text)
            .unwrap_or_default()
    };
    let mut rates = Vec::new();
    for (name, f) in [
        ("byline", &byline as &dyn Fn(&[u8]) -> String),
        ("rs-trafilatura", &trafilatura),
    ] {
        let mut best = f64::INFINITY;
        let mut texts = Vec::new();
        for round in 0..rounds.max(1) {
            let start = Instant::now();
            let mut chars = 0usize;
            let mut these = Vec::with_capacity(pages.len());
            for (_, bytes) in &pages {
                let t = f(bytes);
                chars += t.len();
                these.push(t);
            }
            let secs = start.elapsed().as_secs_f64();
            assert!(chars > 0, "{name} extracted nothing");
            best = best.min(secs);
            if round == 0 {
                texts = these;
            }
        }
        let rate = pages.len() as f64 / best;
        println!(
            "{name:>15}: {rate:8.1} pages/s ({:.1} ms/page)",
            best * 1000.0 / pages.len() as f64
        );
        rates.push(rate);
        if let Some(dir) = &out {
            std::fs::create_dir_all(dir).expect("create --out dir");
            let mut w = std::io::BufWriter::new(
                std::fs::File::create(dir.join(format!("{name}.jsonl"))).expect("create output"),
            );
            for ((id, _), text) in pages.iter().zip(&texts) {
                let rec = serde_json::json!({"schema": "byline/1", "id": id, "text": text});
                writeln!(w, "{rec}").expect("write");
            }
        }
    }
    println!("ratio byline / rs-trafilatura: {:.2}x", rates[0] / rates[1]);
}
