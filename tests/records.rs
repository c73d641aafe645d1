//! Invariants over whole records.

use crate::util::*;

#[test]
fn every_span_of_every_fixture_slices_the_text() {
    let dirs = [
        root().join("examples"),
        root().join("tests/fixtures/articles"),
    ];
    let out = run(&[
        "extract",
        dirs[0].to_str().unwrap(),
        dirs[1].to_str().unwrap(),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert!(recs.len() >= 9, "all fixtures processed");
    for r in &recs {
        check_spans(r);
        assert!(!r["text"].as_str().unwrap().is_empty());
    }
}

#[test]
fn one_thread_and_many_threads_give_identical_output() {
    let dir = root().join("tests/fixtures/articles");
    let a = run(&["extract", dir.to_str().unwrap(), "-q", "--jobs", "1"]);
    let b = run(&["extract", dir.to_str().unwrap(), "-q", "--jobs", "4"]);
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn seed_article_offsets_are_code_points() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared not present");
        return;
    };
    let out = run(&[
        "extract",
        shared.join("golden/seed-article.txt").to_str().unwrap(),
        "-q",
    ]);
    let r = &records(&out)[0];
    check_spans(r);
    // the seed has curly quotes: byte and code point offsets differ there
    let q = r["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["kind"] == "direct")
        .expect("the seed has direct quotes");
    let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
    let s = q["start"].as_u64().unwrap() as usize;
    assert_eq!(text[s - 1], '“');
}
