//! Arbitrary UTF-8 text straight into the pipeline, with and without a reference date.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let date = chrono_date(data.first().copied().unwrap_or(0));
    let rec = common::pipeline().process_text("fuzz", &text, date).expect("pipeline never fails");
    common::check(rec);
});

fn chrono_date(b: u8) -> Option<byline_pipeline::Date> {
    (b % 2 == 0).then(|| byline_pipeline::Date::from_ymd_opt(2025, 1 + u32::from(b % 12), 1 + u32::from(b % 28))).flatten()
}
