//! Router tests against a real SQLite store built with `Store::ingest` from our own articles
//! (examples/harbour-bridge.txt, tests/fixtures/articles/*.txt, and one invented article with
//! markup in its text and title for the escaping tests).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use byline_server::{router, AppState, Limits, ReaderPool};
use byline_store::Store;
use serde_json::Value;
use tower::ServiceExt;

const HOSTILE_TITLE: &str = "<img src=x onerror=alert(1)> & \"friends\"";

struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Splits a leading `date YYYY-MM-DD` token off a fixture text.
fn dated(text: &str) -> (Option<chrono::NaiveDate>, &str) {
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix("date ") {
        if let Some(d) = rest
            .get(..10)
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            return (Some(d), &rest[10..]);
        }
    }
    (None, text)
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("corpus.db");
        let pipeline = byline_pipeline::Pipeline::default();
        let mut files = vec![root().join("examples/harbour-bridge.txt")];
        let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/articles"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        fixtures.sort();
        files.extend(fixtures);
        let mut records = Vec::new();
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let (date, body) = dated(&text);
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            let rec = pipeline.process_text(&name, body, date).unwrap();
            records.push(rec);
        }
        // Markup in the text and the title must come out escaped on every page.
        let hostile = "The council of Varnholt met on Monday.\n\n\u{201c}<script>alert('owned')</script> is not a policy,\u{201d} said Mara Quist, the council leader.\n\nMs Quist added that <b>nothing</b> & nobody would stop the plan.";
        let mut rec = pipeline
            .process_text("hostile.txt", hostile, Some(pipeline_date(2025, 3, 3)))
            .unwrap();
        rec.meta.title = Some(HOSTILE_TITLE.to_string());
        records.push(rec);
        let mut store = Store::open(&db).unwrap();
        let report = store.ingest(&records).unwrap();
        assert!(report.rejected.is_empty(), "{:?}", report.rejected);
        Fixture { _dir: dir, db }
    })
}

fn pipeline_date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn app() -> Router {
    let pool = ReaderPool::open(&fixture().db, 2).unwrap();
    router(AppState::new(pool, Limits::default()))
}

async fn send(req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, String) {
    let resp = app().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = axum::body::to_bytes(resp.into_body(), 16 << 20)
        .await
        .unwrap();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

async fn get(uri: &str) -> (StatusCode, String) {
    let (s, _, b) = send(Request::get(uri).body(Body::empty()).unwrap()).await;
    (s, b)
}

async fn get_json(uri: &str) -> Value {
    let (s, b) = get(uri).await;
    assert_eq!(s, StatusCode::OK, "{uri}: {b}");
    serde_json::from_str(&b).unwrap_or_else(|e| panic!("{uri}: {e}: {b}"))
}

/// A 400 with a JSON error body; returns the body.
async fn bad(uri: &str) -> Value {
    let (s, b) = get(uri).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}: {b}");
    let v: Value = serde_json::from_str(&b).unwrap_or_else(|e| panic!("{uri}: {e}: {b}"));
    assert_eq!(v["error"], "bad_request", "{uri}: {b}");
    assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
    v
}

/// The corpus id of the speaker of a quote of the harbour-bridge example.
async fn a_speaker() -> (i64, String) {
    let q = get_json("/api/quotes?limit=100").await;
    let hit = q["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["speaker_id"].is_i64())
        .expect("a quote with a speaker entity");
    (
        hit["speaker_id"].as_i64().unwrap(),
        hit["speaker_name"].as_str().unwrap().to_string(),
    )
}

#[tokio::test]
async fn stats_and_search() {
    let s = get_json("/api/stats").await;
    assert_eq!(s["articles"], 10);
    assert!(s["quotes"].as_u64().unwrap() > 20);
    let r = get_json("/api/search?q=bridge").await;
    assert!(r["total"].as_u64().unwrap() >= 1);
    assert!(r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["id"] == "harbour-bridge.txt"));
    let r = get_json("/api/search?sort=date&limit=3&from=2025-01-01").await;
    assert!(r["hits"].as_array().unwrap().len() <= 3);
    for h in r["hits"].as_array().unwrap() {
        assert!(h["date"].as_str().unwrap() >= "2025-01-01");
    }
}

#[tokio::test]
async fn quotes_entities_timeline_graph() {
    let (id, name) = a_speaker().await;
    let by_id = get_json(&format!("/api/quotes?speaker_id={id}")).await;
    assert!(by_id["total"].as_u64().unwrap() >= 1);
    let last = name.split_whitespace().last().unwrap();
    let by_name = get_json(&format!("/api/quotes?speaker={}", last)).await;
    assert!(by_name["total"].as_u64().unwrap() >= 1, "{name}");
    let ents = get_json(&format!("/api/entities?q={}", last.to_lowercase())).await;
    assert!(ents["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["id"] == id));
    let page = get_json(&format!("/api/entities/{id}?bucket=day")).await;
    assert_eq!(page["entity"]["id"], id);
    assert!(!page["latest_quotes"].as_array().unwrap().is_empty());
    assert!(!page["mentions_over_time"].as_array().unwrap().is_empty());
    let tl = get_json("/api/timeline?limit=5").await;
    assert!(tl["events"].as_array().is_some());
    let tl = get_json(&format!("/api/timeline?entity_id={id}")).await;
    assert!(tl["total"].is_u64());
    let g = get_json("/api/graph?limit=30").await;
    assert!(!g["nodes"].as_array().unwrap().is_empty());
    let (s, h, body) = send(
        Request::get("/api/graph?limit=30&format=graphml")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/graphml+xml"));
    assert!(body.contains("<graphml"), "{body}");
}

#[tokio::test]
async fn article_and_record() {
    let a = get_json("/api/articles/harbour-bridge.txt").await;
    let text: Vec<char> = a["text"].as_str().unwrap().chars().collect();
    for q in a["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(text[s..e].iter().collect::<String>(), q["text"]);
    }
    let r = get_json("/api/articles/harbour-bridge.txt/record").await;
    assert_eq!(r["schema"], "byline/1");
    // Percent-encoded ids are decoded.
    let a2 = get_json("/api/articles/harbour%2Dbridge.txt").await;
    assert_eq!(a2["id"], "harbour-bridge.txt");
}

#[tokio::test]
async fn client_mistakes_are_400_with_the_field() {
    assert_eq!(
        bad("/api/search?q=x&from=2025-13-01").await["field"],
        "from"
    );
    assert_eq!(bad("/api/search?q=x&to=yesterday").await["field"], "to");
    assert_eq!(bad("/api/search?q=x&limit=5000").await["field"], "limit");
    assert_eq!(
        bad("/api/search?q=x&limit=99999999999").await["field"],
        "limit"
    );
    assert_eq!(bad("/api/search?q=x&limit=ten").await["field"], "limit");
    assert_eq!(bad("/api/search?q=x&offset=-1").await["field"], "offset");
    assert_eq!(bad("/api/search?q=x&sort=random").await["field"], "sort");
    assert_eq!(bad("/api/search?q=x&colour=red").await["field"], "colour");
    assert_eq!(bad("/api/search?q=x&q=y").await["field"], "q");
    assert_eq!(bad("/api/quotes?from=2025-02-30").await["field"], "from");
    assert_eq!(
        bad("/api/quotes?speaker_id=abc").await["field"],
        "speaker_id"
    );
    assert_eq!(bad("/api/quotes?limit=1001").await["field"], "limit");
    assert_eq!(bad("/api/quotes?drop=table").await["field"], "drop");
    assert_eq!(bad("/api/entities?type=PERSON").await["field"], "type");
    assert_eq!(bad("/api/entities?limit=100000").await["field"], "limit");
    assert_eq!(bad("/api/entities/1?bucket=year").await["field"], "bucket");
    assert_eq!(bad("/api/entities/1?id=2").await["field"], "id");
    assert_eq!(bad("/api/entities/abc").await["field"], "id");
    assert_eq!(bad("/api/timeline?from=2025/01/01").await["field"], "from");
    assert_eq!(bad("/api/graph?format=xml").await["field"], "format");
    assert_eq!(bad("/api/graph?limit=5000").await["field"], "limit");
    assert_eq!(bad("/api/graph?colour=red").await["field"], "colour");
    assert_eq!(bad("/api/stats?verbose=1").await["field"], "verbose");
    assert_eq!(
        bad("/api/articles/harbour-bridge.txt?x=1").await["field"],
        "x"
    );
    // SQL-looking input is only ever a bound parameter.
    let r = get_json("/api/search?q=%27%3B%20DROP%20TABLE%20articles%3B%20--").await;
    assert!(r["total"].is_u64());
    let r = get_json("/api/quotes?speaker=%27%20OR%201%3D1%20--").await;
    assert_eq!(r["total"], 0);
    assert_eq!(get_json("/api/stats").await["articles"], 10);
}

#[tokio::test]
async fn unknown_ids_are_404() {
    for uri in [
        "/api/articles/no-such-article.txt",
        "/api/articles/no-such-article.txt/record",
        "/api/entities/987654321",
        "/api/nothing-here",
    ] {
        let (s, b) = get(uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}: {b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(v["error"], "not_found");
    }
    for uri in [
        "/articles/no-such.txt",
        "/entities/987654321",
        "/no/such/page",
    ] {
        let (s, b) = get(uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        assert!(b.contains("<h1>Not found</h1>"), "{b}");
    }
}

#[tokio::test]
async fn limits_and_methods() {
    let long = format!("/api/search?q={}", "a".repeat(5000));
    let (s, b) = get(&long).await;
    assert_eq!(s, StatusCode::URI_TOO_LONG, "{b}");
    let (s, _, _) = send(
        Request::post("/api/search")
            .header(header::CONTENT_LENGTH, "10000000")
            .body(Body::from(vec![b'x'; 1000]))
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let (s, _, _) = send(Request::post("/api/search").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    // Nothing reaches the file system: traversal attempts are plain unknown pages.
    for uri in [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/Cargo.toml",
        "/static/style.css/../../Cargo.toml",
    ] {
        let (s, b) = get(uri).await;
        assert!(
            s == StatusCode::NOT_FOUND || s == StatusCode::BAD_REQUEST,
            "{uri}: {s}"
        );
        assert!(!b.contains("root:") && !b.contains("[package]"));
    }
    let (s, h, css) = send(
        Request::get("/static/style.css")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert!(css.contains("mark.quote"));
}

#[tokio::test]
async fn openapi_describes_every_route_and_parameter() {
    let doc = get_json("/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    let routes = byline_server::api_paths();
    for r in &routes {
        assert!(paths.contains_key(*r), "{r} is not in /openapi.json");
    }
    for p in paths.keys() {
        assert!(
            routes.contains(&p.as_str()),
            "{p} is documented but not routed"
        );
    }
    let names = |path: &str| -> Vec<String> {
        let mut v: Vec<String> = paths[path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect();
        v.sort();
        v
    };
    let fields = |v: Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    use byline_store::*;
    assert_eq!(
        names("/api/search"),
        fields(serde_json::to_value(SearchParams::default()).unwrap())
    );
    assert_eq!(
        names("/api/quotes"),
        fields(serde_json::to_value(QuoteParams::default()).unwrap())
    );
    assert_eq!(
        names("/api/entities"),
        fields(serde_json::to_value(EntityListParams::default()).unwrap())
    );
    assert_eq!(
        names("/api/entities/{id}"),
        fields(serde_json::to_value(EntityParams::default()).unwrap())
    );
    assert_eq!(
        names("/api/timeline"),
        fields(serde_json::to_value(TimelineParams::default()).unwrap())
    );
    let mut graph = fields(serde_json::to_value(GraphParams::default()).unwrap());
    graph.push("format".into());
    graph.sort();
    assert_eq!(names("/api/graph"), graph);
    // Every $ref points at a defined component.
    let text = doc.to_string();
    for piece in text.split("\"$ref\":\"#/components/").skip(1) {
        let target = piece.split('"').next().unwrap();
        let (kind, name) = target.split_once('/').unwrap();
        assert!(
            doc["components"][kind][name].is_object(),
            "dangling $ref {target}"
        );
    }
}

#[tokio::test]
async fn pages_search_article_entity() {
    let (id, name) = a_speaker().await;
    let last = name.split_whitespace().last().unwrap();
    let (s, h, home) = send(Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("default-src 'none'"));
    assert!(home.contains("id=\"speaker\""));
    let (s, found) = get(&format!("/?speaker={last}&q=")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(found.contains("class=\"quote-hit\""), "{found}");
    assert!(found.contains(&format!("href=\"/entities/{id}\"")));
    let (s, found) = get("/?q=bridge").await;
    assert_eq!(s, StatusCode::OK);
    assert!(found.contains("href=\"/articles/harbour-bridge.txt\""));
    let (s, art) = get("/articles/harbour-bridge.txt").await;
    assert_eq!(s, StatusCode::OK);
    assert!(art.contains("<mark class=\"quote quote-direct\""), "{art}");
    assert!(art.contains("class=\"speaker\" href=\"/entities/"));
    assert!(art.contains("class=\"ent ent-per\""));
    assert!(art.contains("class=\"ent ent-loc\"") || art.contains("class=\"ent ent-org\""));
    let (s, ent) = get(&format!("/entities/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(ent.contains("<svg id=\"mentions-chart\""));
    assert!(ent.contains("id=\"cooccurring\""));
    assert!(ent.contains("id=\"latest-quotes\""));
    let (s, bank) = get(&format!("/quotes?speaker_id={id}&kind=direct")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(bank.contains("class=\"quote-hit\""));
    let (s, b) = get("/quotes?from=2025-99-01").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(b.contains("<h1>Bad request</h1>"));
}

#[tokio::test]
async fn pages_escape_stored_text() {
    let (s, art) = get("/articles/hostile.txt").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!art.contains("<script>"), "{art}");
    assert!(!art.contains("<img src=x"));
    assert!(!art.contains("<b>nothing"));
    assert!(
        art.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"),
        "{art}"
    );
    assert!(art.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;friends&quot;"));
    let (_, found) = get("/?q=policy").await;
    assert!(found.contains("hostile.txt"), "{found}");
    assert!(!found.contains("<script>") && !found.contains("<img src=x"));
    let (_, bank) = get("/quotes?q=policy").await;
    assert!(!bank.contains("<script>") && !bank.contains("<img src=x"));
    // A search box value is echoed escaped.
    let (_, echo) = get("/?q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E").await;
    assert!(!echo.contains("<script>x"));
    assert!(echo.contains("&quot;&gt;&lt;script&gt;x&lt;/script&gt;"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn load_test_has_no_errors() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    tokio::spawn(async move { axum::serve(listener, app()).await.unwrap() });
    let report = byline_server::loadtest::run(&byline_server::loadtest::LoadConfig {
        addr,
        requests: 400,
        concurrency: 16,
        skip: vec![],
    })
    .await
    .unwrap();
    assert_eq!(report.errors, 0, "{:?}", report.first_errors);
    assert_eq!(report.requests, 400);
    assert!(report.mix.len() > 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_requests_time_out_with_503() {
    // One connection, held for 800 ms by another query: the request waits past its 50 ms.
    let pool = ReaderPool::open(&fixture().db, 1).unwrap();
    let limits = Limits {
        timeout: std::time::Duration::from_millis(50),
        ..Limits::default()
    };
    let state = AppState::new(pool, limits);
    let hog = std::sync::Arc::clone(&state.pool);
    let (held_tx, held_rx) = tokio::sync::oneshot::channel();
    let holder = tokio::spawn(async move {
        hog.run(move |_| {
            let _ = held_tx.send(());
            std::thread::sleep(std::time::Duration::from_millis(800));
            Ok(())
        })
        .await
    });
    held_rx.await.unwrap();
    let resp = router(state)
        .oneshot(
            Request::get("/api/search?q=bridge")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body = axum::body::to_bytes(resp.into_body(), 1 << 20)
        .await
        .unwrap();
    let v: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["error"], "timeout");
    holder.await.unwrap().unwrap();
}
