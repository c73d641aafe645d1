//! Integration tests of the `byline` binary, built into one test binary.
//!
//! - `util`: a temporary directory and a runner for the built binary.
//! - `cli`: extract on files, directories, stdin and JSONL; formats; exit codes.
//! - `bad_input`: empty, binary, invalid UTF-8, oversized and missing inputs, broken JSONL.
//! - `records`: every span of every record slices the text (code points); determinism.
//! - `fixtures`: our own hand-keyed articles scored with `score_seed.py --gold` (also one as a
//!   web page), and the extraction F1 on the benchmark's dev pages.
//! - `snapshots`: whole records of a bundled article, compared with insta.
//! - `corpus`: `byline ingest` and the query commands on a real store; export; SIGKILL during
//!   ingest.

mod bad_input;
mod cli;
mod corpus;
mod fixtures;
mod records;
mod snapshots;
mod util;
