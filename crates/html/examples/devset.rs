//! Runs the extractor over a directory of `.html` / `.html.gz` pages and prints one JSON line
//! per page (`id`, `text`), for scoring the extractor alone with `extraction_f1.py`.
use std::io::Read;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: devset DIR");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for p in paths {
        let mut bytes = Vec::new();
        let f = std::fs::File::open(&p).expect("open");
        if p.extension().is_some_and(|e| e == "gz") {
            flate2::read::MultiGzDecoder::new(f)
                .read_to_end(&mut bytes)
                .expect("gunzip");
        } else {
            std::io::BufReader::new(f)
                .read_to_end(&mut bytes)
                .expect("read");
        }
        let decoded = byline_html::decode(&bytes, None);
        let page = byline_html::extract(&decoded.text, None);
        let id = p.file_name().unwrap().to_string_lossy().into_owned();
        let rec = serde_json::json!({"schema": "byline/1", "id": id, "text": page.text});
        println!("{rec}");
    }
}
