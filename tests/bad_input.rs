//! Bad input: each problem is named on stderr, the other documents still come out, and the
//! exit status is 1.

use crate::util::*;

fn good(dir: &std::path::Path) -> std::path::PathBuf {
    write(
        dir,
        "good.txt",
        "“It was chaos,” a witness said on Tuesday.".as_bytes(),
    )
}

fn assert_one_bad(args: &[&str], bad_name: &str, message: &str) {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit status; stderr: {}",
        stderr(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains(bad_name) && err.contains(message),
        "stderr should name {bad_name} and say {message:?}: {err}"
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "the good document is still processed");
    assert_eq!(recs[0]["id"], "good.txt");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn empty_file() {
    let d = tempfile::tempdir().unwrap();
    let bad = write(d.path(), "empty.txt", b"");
    let g = good(d.path());
    assert_one_bad(
        &["extract", bad.to_str().unwrap(), g.to_str().unwrap(), "-q"],
        "empty.txt",
        "empty",
    );
}

#[test]
fn binary_file() {
    let d = tempfile::tempdir().unwrap();
    let bad = write(
        d.path(),
        "image.txt",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xd8, 0],
    );
    let g = good(d.path());
    assert_one_bad(
        &["extract", bad.to_str().unwrap(), g.to_str().unwrap(), "-q"],
        "image.txt",
        "binary",
    );
}

#[test]
fn missing_path() {
    let d = tempfile::tempdir().unwrap();
    let g = good(d.path());
    let missing = d.path().join("nope.txt");
    assert_one_bad(
        &[
            "extract",
            missing.to_str().unwrap(),
            g.to_str().unwrap(),
            "-q",
        ],
        "nope.txt",
        "cannot read",
    );
}

#[test]
fn huge_file_is_rejected_quickly_with_the_limit_named() {
    let d = tempfile::tempdir().unwrap();
    let line = "The council met again on Tuesday and agreed nothing new at all. ";
    let big: String = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    let bad = write(d.path(), "big.txt", big.as_bytes());
    let g = good(d.path());
    assert_one_bad(
        &["extract", bad.to_str().unwrap(), g.to_str().unwrap(), "-q"],
        "big.txt",
        "--max-bytes",
    );
}

#[test]
fn broken_jsonl_line_names_the_line_and_keeps_the_rest() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "news.jsonl", b"{\"id\": \"one\", \"text\": \"Mr Smith said no.\"}\n{\"id\": \"two\", \"text\": \n{\"id\": \"three\", \"text\": \"Ms Jones said yes.\"}\n");
    let out = run(&["extract", p.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("news.jsonl:2"), "{}", stderr(&out));
    let ids: Vec<_> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["one", "three"]);
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "latin1.txt",
        b"The caf\xe9 owner said she would reopen on Monday.",
    );
    let out = run(&["extract", p.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = &records(&out)[0];
    assert!(r["text"].as_str().unwrap().contains('\u{FFFD}'));
    assert!(r["warnings"][0].as_str().unwrap().contains("invalid UTF-8"));
    check_spans(r);
    // --strict turns the warning into an error
    let out = run(&["extract", p.to_str().unwrap(), "-q", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("latin1.txt"));
}

#[test]
fn hostile_text_does_not_fail() {
    let d = tempfile::tempdir().unwrap();
    let nasty = format!("“{}\n\n”””“‘’'\"\"{}", "“".repeat(5000), "Mr ".repeat(3000));
    let p = write(d.path(), "nasty.txt", nasty.as_bytes());
    let out = run(&["extract", p.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    check_spans(&records(&out)[0]);
}

#[test]
fn a_report_filter_threshold_outside_zero_to_one_is_refused_before_training() {
    let d = tempfile::tempdir().unwrap();
    let out_path = d.path().join("f.bin.gz");
    let out = run(&[
        "train",
        "report-filter",
        "--train",
        d.path().join("no-such-split").to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
        "--threshold",
        "1.5",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--threshold must lie between 0 and 1"),
        "{err}"
    );
    assert!(!out_path.exists());
}
