//! Arbitrary bytes as a `.txt` file: the reader and the pipeline never panic, and every record
//! is valid.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_and_check("fuzz.txt", data);
});
