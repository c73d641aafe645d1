//! Prints what the extractor finds in a page read from stdin: metadata, text, removed parts.
use std::io::Read;

fn main() {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .expect("read stdin");
    let url = std::env::args().nth(1);
    let decoded = byline_html::decode(&bytes, None);
    let page = byline_html::extract(&decoded.text, url.as_deref());
    println!("{:#?}", page.meta);
    println!("---- text ----\n{}", page.text);
    println!("---- removed ----");
    for r in &page.removed {
        let t: String = r.text.chars().take(100).collect();
        println!("[{}] {t}", r.reason);
    }
}
