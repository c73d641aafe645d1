//! Shared property checks for the fuzz targets.

use byline_input::{Inputs, ReadOptions};
use byline_pipeline::{Pipeline, Record};
use std::sync::OnceLock;

pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::default)
}

/// Reads `bytes` as a file called `name`, runs every document through the pipeline and checks
/// that each record's spans slice its text and that it serialises and parses back unchanged.
#[allow(dead_code)]
pub fn read_and_check(name: &str, bytes: &[u8]) {
    let options = ReadOptions { max_bytes: 1 << 20 };
    for item in Inputs::from_bytes(name, bytes.to_vec(), options).take(64) {
        let Ok(doc) = item else { continue };
        check(pipeline().process(doc).expect("the pipeline never fails on a readable document"));
    }
}

pub fn check(rec: Record) {
    if let Err(problem) = rec.check_spans() {
        panic!("bad span: {problem}");
    }
    let json = serde_json::to_string(&rec).expect("serialise");
    let back: Record = serde_json::from_str(&json).expect("parse back");
    assert_eq!(back, rec, "record does not round-trip");
}
