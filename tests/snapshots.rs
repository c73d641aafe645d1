//! Whole records of the bundled example, compared with an insta snapshot.

use crate::util::*;

#[test]
fn example_article_record() {
    let p = root().join("examples/harbour-bridge.txt");
    let out = run(&["extract", p.to_str().unwrap(), "--format", "json", "-q"]);
    assert!(out.status.success());
    let mut rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // the path depends on where the repository is checked out
    rec["source"]["path"] = serde_json::Value::String("examples/harbour-bridge.txt".into());
    check_spans(&rec);
    insta::assert_json_snapshot!(rec);
}
