//! The corpus commands end to end: `byline ingest` (articles through the pipeline, byline/1
//! records detected or forced, stdin), re-ingest without duplicates, the query commands'
//! JSON, export, and crash safety (SIGKILL mid-ingest, then integrity and a complete re-run).

use std::path::Path;
use std::time::{Duration, Instant};

use byline_store::{SearchParams, Store};

use crate::util::{byline, root, run, stderr, write};

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status,
        stderr(out)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).expect("JSON on stdout")
}

fn db_arg(db: &Path) -> String {
    db.to_string_lossy().into_owned()
}

/// byline/1 records of our own articles, as JSONL lines (rules-only NER: fast).
fn fixture_records() -> Vec<serde_json::Value> {
    let out = run(&[
        "extract",
        &root().join("examples").to_string_lossy(),
        &root().join("tests/fixtures/articles").to_string_lossy(),
        "--rules-ner",
        "-q",
    ]);
    crate::util::records(&out)
}

/// `n` distinct records made from the fixture records: each gets its own id, date and a
/// numbered closing line (so that no two share a text).
fn varied_records(n: usize) -> String {
    let base = fixture_records();
    assert!(!base.is_empty());
    let mut out = String::new();
    for i in 0..n {
        let mut r = base[i % base.len()].clone();
        r["id"] = format!("synthetic-{i}").into();
        r["meta"]["date"] = format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28).into();
        let text = r["text"].as_str().unwrap().to_string();
        r["text"] = format!("{text}\n\nCorrection number {i}.").into();
        out.push_str(&serde_json::to_string(&r).unwrap());
        out.push('\n');
    }
    out
}

#[test]
fn ingest_articles_and_query() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.db");
    let d = db_arg(&db);
    let examples = root().join("examples").to_string_lossy().into_owned();
    let articles = root()
        .join("tests/fixtures/articles")
        .to_string_lossy()
        .into_owned();
    let out = run(&["ingest", &examples, &articles, "--db", &d, "--rules-ner"]);
    ok(&out);
    let err = stderr(&out);
    assert!(err.contains("documents stored"), "{err}");
    let n = Store::open_read_only(&db)
        .unwrap()
        .stats()
        .unwrap()
        .articles;
    assert!(n >= 9, "{n}");
    // again: replaced, not duplicated
    let out = run(&[
        "ingest",
        &examples,
        &articles,
        "--db",
        &d,
        "--rules-ner",
        "-q",
    ]);
    ok(&out);
    assert!(stderr(&out).is_empty(), "-q is quiet: {}", stderr(&out));
    assert_eq!(
        Store::open_read_only(&db)
            .unwrap()
            .stats()
            .unwrap()
            .articles,
        n
    );

    let r = json(&run(&["search", "bridge", "--db", &d, "--json"]));
    assert!(r["total"].as_u64().unwrap() >= 1);
    assert_eq!(r["hits"][0]["id"], "harbour-bridge.txt");
    let table = ok(&run(&["search", "bridge", "--db", &d]));
    assert!(table.contains("harbour-bridge.txt"), "{table}");

    let q = json(&run(&[
        "quotes",
        "--db",
        &d,
        "--speaker",
        "Helen Achterberg",
        "--json",
    ]));
    assert!(q["total"].as_u64().unwrap() >= 2, "{q}");
    let speaker = q["quotes"][0]["speaker_id"].as_i64().unwrap();

    let page = json(&run(&[
        "entity",
        &speaker.to_string(),
        "--db",
        &d,
        "--json",
    ]));
    assert_eq!(page["entity"]["name"], "Helen Achterberg");
    let by_name = ok(&run(&["entity", "Achterberg", "--db", &d]));
    assert!(by_name.starts_with("Helen Achterberg ["), "{by_name}");

    let t = json(&run(&[
        "timeline",
        "--db",
        &d,
        "--entity",
        "Helen Achterberg",
        "--json",
    ]));
    assert!(t["total"].as_u64().unwrap() >= 1, "{t}");

    let g = json(&run(&["graph", "--db", &d, "--limit", "10"]));
    assert_eq!(g["nodes"].as_array().unwrap().len(), 10);
    let xml = ok(&run(&["graph", "--db", &d, "--format", "graphml"]));
    assert!(xml.contains("<graphml"));

    // bad parameters: a clear message, exit 2
    let out = run(&["search", "x", "--db", &d, "--limit", "5000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid parameter `limit`"),
        "{}",
        stderr(&out)
    );
    let out = run(&["quotes", "--db", &d, "--from", "2025-13-01"]);
    assert!(
        stderr(&out).contains("expected a date YYYY-MM-DD"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "search",
        "x",
        "--db",
        &dir.path().join("none.db").to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("none.db: no such store"),
        "{}",
        stderr(&out)
    );

    let exp = dir.path().join("export");
    let out = run(&[
        "export",
        "--db",
        &d,
        "--format",
        "jsonl",
        &exp.to_string_lossy(),
    ]);
    ok(&out);
    let articles = std::fs::read_to_string(exp.join("articles.jsonl")).unwrap();
    assert_eq!(articles.lines().count() as u64, n);
    let out = run(&[
        "export",
        "--db",
        &d,
        &dir.path().join("pq").to_string_lossy(),
        "-q",
    ]);
    ok(&out);
    assert!(dir.path().join("pq/mentions.parquet").exists());
}

#[test]
fn ingest_records_detected_forced_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let d = db_arg(&db);
    let recs = varied_records(30);
    let file = write(dir.path(), "records.jsonl", recs.as_bytes());
    // detected by the first line's schema
    let out = run(&["ingest", &file.to_string_lossy(), "--db", &d]);
    ok(&out);
    assert!(
        stderr(&out).contains("30 documents stored (30 new, 0 replaced)"),
        "{}",
        stderr(&out)
    );
    // from stdin, and forced: replaced
    let out = crate::util::run_stdin(&["ingest", "-", "--db", &d, "--records"], recs.as_bytes());
    ok(&out);
    assert!(
        stderr(&out).contains("(0 new, 30 replaced)"),
        "{}",
        stderr(&out)
    );
    // a broken line and a bad record are named; the others are stored; exit 1
    let mut lines: Vec<&str> = recs.lines().take(3).collect();
    lines.insert(1, "{not json");
    let bad = lines[2].replace("\"schema\":\"byline/1\"", "\"schema\":\"byline/9\"");
    lines[2] = &bad;
    let file = write(dir.path(), "bad.jsonl", lines.join("\n").as_bytes());
    let out = run(&["ingest", &file.to_string_lossy(), "--db", &d, "--records"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("bad.jsonl:2: invalid record"), "{err}");
    assert!(
        err.contains("record \"synthetic-1\": schema is \"byline/9\""),
        "{err}"
    );
    assert!(err.contains("2 documents stored"), "{err}");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().articles, 30);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

/// Kills `byline ingest` with SIGKILL in the middle of a run, then shows that the store opens,
/// passes the integrity checks, holds only whole batches, and that a re-run completes with
/// every record stored once.
#[cfg(unix)]
#[test]
fn ingest_survives_sigkill() {
    const N: usize = 6000;
    const BATCH: usize = 100;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let d = db_arg(&db);
    let recs = varied_records(N);
    let expected_quotes: usize = recs
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["quotes"].as_array().unwrap().len()
        })
        .sum();
    let file = write(dir.path(), "records.jsonl", recs.as_bytes());
    let f = file.to_string_lossy().into_owned();

    // create the store first so that it can be polled
    drop(Store::open(&db).unwrap());
    let mut child = byline()
        .args([
            "ingest",
            &f,
            "--db",
            &d,
            "-q",
            "--batch",
            &BATCH.to_string(),
        ])
        .spawn()
        .unwrap();
    let reader = Store::open_read_only(&db).unwrap();
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(120) {
        seen = reader.stats().map(|s| s.articles).unwrap_or(0);
        if seen >= 5 * BATCH as u64 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(reader);
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        still_running,
        "ingest finished before it could be killed (saw {seen})"
    );

    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let killed_at = store.stats().unwrap().articles as usize;
    assert!(killed_at > 0 && killed_at < N, "{killed_at}");
    assert_eq!(killed_at % BATCH, 0, "only whole batches are committed");
    drop(store);

    let out = run(&["ingest", &f, "--db", &d, "-q"]);
    ok(&out);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let s = store.stats().unwrap();
    assert_eq!(s.articles as usize, N, "nothing lost, nothing doubled");
    assert_eq!(s.quotes as usize, expected_quotes);
    for i in [0, killed_at - 1, killed_at, N - 1] {
        let id = format!("synthetic-{i}");
        assert_eq!(store.record(&id).unwrap().id, id);
    }
    let hits = store
        .search(&SearchParams {
            q: Some("\"correction number 4242\"".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.total, 1);
}
