#[path = "../tests/common/mod.rs"]
mod common;
use byline_doc::EntityType::*;
fn main() {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/golden/seed-article.txt"
    ))
    .unwrap();
    let body: Vec<&str> = raw.split("\n\n").skip(1).map(str::trim).collect();
    let one = body.join("\n\n");
    let text = vec![one; 300].join("\n\n");
    let ms: &[common::M] = &[
        ("Volodymyr Zelensky", "Z", Per),
        ("Mr Zelensky", "Z", Per),
        ("The Ukrainian president", "Z", Per),
        ("the Ukrainian leader", "Z", Per),
        ("He", "Z", Per),
        ("his", "Z", Per),
        ("His", "Z", Per),
        ("Sir Keir Starmer", "K", Per),
        ("Sir Keir", "K", Per),
        ("the Prime Minister", "K", Per),
        ("Charles", "C", Per),
        ("the King", "C", Per),
        ("Nato", "N", Org),
        ("UK", "UK", Loc),
        ("Britain", "UK", Loc),
        ("Ukraine", "UA", Loc),
        ("Russia", "RU", Loc),
        ("Kyiv", "Kyiv", Loc),
        ("London", "L", Loc),
        ("The Hague", "H", Loc),
        ("Downing Street", "D", Loc),
        ("No 10", "D", Loc),
        ("Windsor Castle", "W", Loc),
        ("Ukrainian", "U", Misc),
    ];
    let mut doc = common::build(
        &text,
        ms,
        &[
            ("this week", "2025-W26"),
            ("overnight", "x"),
            ("Monday", "2025-06-23"),
        ],
    );
    let words = doc.word_count();
    let st = byline_events::Events::default();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..20 {
        n += st.find(&doc).len();
    }
    let el = t.elapsed().as_secs_f64();
    println!(
        "{} words x20 in {:.3}s = {:.1}M words/s, {} events/run",
        words,
        el,
        words as f64 * 20.0 / el / 1e6,
        n / 20
    );
    let _ = &mut doc;
}
