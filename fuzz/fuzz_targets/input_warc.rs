//! Arbitrary bytes as a `.warc` file: the WARC reader and the HTTP parser never panic, and
//! the documents read from it give valid records.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    for item in byline_warc::Reader::new(data).max_block(1 << 20).take(64) {
        if let Ok(record) = item {
            let _ = record.http_response();
        }
    }
    common::read_and_check("fuzz.warc", data);
});
