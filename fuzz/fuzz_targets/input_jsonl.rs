//! Arbitrary bytes as a `.jsonl` file: broken lines are errors, never panics; every document
//! read becomes a valid record.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_and_check("fuzz.jsonl", data);
});
