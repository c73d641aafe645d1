//! The `extract` command on good input.

use crate::util::*;

#[test]
fn seed_like_article_from_stdin_is_one_record() {
    let input = "date 2025-06-23 \n\n“We will win,” Sir Keir Starmer said on Monday.";
    let out = run_stdin(&["extract", "-", "--quiet"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(r["schema"], "byline/1");
    assert_eq!(r["meta"]["date"], "2025-06-23");
    assert_eq!(r["quotes"][0]["text"], "We will win,");
    assert_eq!(r["quotes"][0]["speaker_name"], "Keir Starmer");
    assert_eq!(r["times"][0]["value"], "2025-06-23");
    check_spans(r);
}

#[test]
fn directories_jsonl_and_gzip_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("b");
    std::fs::create_dir(&sub).unwrap();
    write(dir.path(), "a.txt", b"Mr Smith visited Leeds on Friday.");
    write(&sub, "c.jsonl", b"{\"id\": \"j1\", \"text\": \"Ms Jones met Mr Brown.\", \"date\": \"2024-03-01\"}\n{\"id\": \"j2\", \"html\": \"<p>The <b>mayor</b> said yes.</p>\"}\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, b"Police said three people were hurt.").unwrap();
    write(&sub, "d.txt.gz", &gz.finish().unwrap());
    let out = run(&[
        "extract",
        dir.path().to_str().unwrap(),
        "--quiet",
        "--jobs",
        "2",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a.txt", "j1", "j2", "d.txt.gz"]);
    let recs = records(&out);
    assert_eq!(recs[1]["meta"]["date"], "2024-03-01");
    assert_eq!(recs[2]["source"]["format"], "jsonl");
    assert_eq!(recs[2]["text"], "The mayor said yes.");
}

#[test]
fn json_format_is_pretty_and_date_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "x.txt",
        b"date 2025-01-01 \n\nThe council met on Monday.",
    );
    let out = run(&[
        "extract",
        p.to_str().unwrap(),
        "--format",
        "json",
        "--date",
        "2025-06-25",
        "--quiet",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.starts_with("{\n"), "pretty JSON expected");
    let rec: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        rec["times"][0]["value"], "2025-06-23",
        "Monday before 2025-06-25"
    );
}

#[test]
fn summary_goes_to_stderr_and_output_file_works() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "x.txt", b"The minister resigned on Tuesday.");
    let o = dir.path().join("out.jsonl");
    let out = run(&["extract", p.to_str().unwrap(), "-o", o.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("1 documents ok, 0 failed") && err.contains("words/s"),
        "{err}"
    );
    let written = std::fs::read_to_string(o).unwrap();
    assert_eq!(written.lines().count(), 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["extract", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(
        run(&["extract", "--date", "23/06/2025", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["nonsense"]).status.code(), Some(2));
}

#[test]
fn pipeline_explain_lists_stages() {
    let out = run(&["pipeline", "--explain"]);
    let s = String::from_utf8_lossy(&out.stdout);
    for stage in [
        "clean",
        "segment",
        "ner",
        "coref",
        "quotes",
        "times",
        "quantities",
        "events",
    ] {
        assert!(s.contains(stage), "{stage} missing from {s}");
    }
}
