//! A bounded HTTP load generator for `byline bench-http`: `concurrency` keep-alive
//! connections share a fixed number of GET requests over a mix of endpoints, and every
//! request's latency is recorded. Any transport failure or status other than 200 counts as
//! an error. A minimal HTTP/1.1 client (bodies sized by `Content-Length`, which is what this
//! server sends), so it needs nothing beyond tokio.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::html::pct;

/// Why a load test could not run.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Connecting or talking to the server failed.
    #[error("{addr}: {source}")]
    Io {
        /// The server's address.
        addr: String,
        /// The error.
        source: std::io::Error,
    },
    /// The server answered something this client cannot read, or not 200 while the
    /// request mix was being discovered.
    #[error("{0}")]
    Protocol(String),
}

/// What to run.
#[derive(Clone, Debug)]
pub struct LoadConfig {
    /// `HOST:PORT` of a running server.
    pub addr: String,
    /// Requests in all.
    pub requests: usize,
    /// Connections (and so requests in flight) at once.
    pub concurrency: usize,
    /// Leave out request targets containing any of these strings (e.g. `/api/graph`).
    pub skip: Vec<String>,
}

/// What a run measured.
#[derive(Clone, Debug)]
pub struct LoadReport {
    /// Requests sent.
    pub requests: usize,
    /// Requests that failed (transport error or a status other than 200).
    pub errors: usize,
    /// The first few failures, for the message.
    pub first_errors: Vec<String>,
    /// Distinct request targets in the mix.
    pub mix: Vec<String>,
    /// Wall time.
    pub elapsed: Duration,
    /// Latency percentiles.
    pub p50: Duration,
    /// 90th percentile.
    pub p90: Duration,
    /// 99th percentile.
    pub p99: Duration,
    /// Slowest.
    pub max: Duration,
}

impl LoadReport {
    /// Requests per second.
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

impl std::fmt::Display for LoadReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        write!(
            f,
            "{} requests, {} errors, {:.2} s, {:.0} req/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} distinct targets)",
            self.requests,
            self.errors,
            self.elapsed.as_secs_f64(),
            self.per_second(),
            ms(self.p50),
            ms(self.p90),
            ms(self.p99),
            ms(self.max),
            self.mix.len()
        )
    }
}

/// One keep-alive connection.
struct Conn {
    addr: String,
    stream: Option<TcpStream>,
    buf: Vec<u8>,
}

impl Conn {
    fn new(addr: &str) -> Conn {
        Conn {
            addr: addr.to_string(),
            stream: None,
            buf: Vec::with_capacity(64 * 1024),
        }
    }

    /// GETs `target`; returns the status and the body.
    async fn get(&mut self, target: &str) -> Result<(u16, Vec<u8>), LoadError> {
        let io = |addr: &str| {
            let addr = addr.to_string();
            move |source| LoadError::Io { addr, source }
        };
        if self.stream.is_none() {
            let s = TcpStream::connect(&self.addr)
                .await
                .map_err(io(&self.addr))?;
            s.set_nodelay(true).map_err(io(&self.addr))?;
            self.stream = Some(s);
        }
        let result = self.exchange(target).await;
        if result.is_err() {
            self.stream = None;
        }
        result
    }

    async fn exchange(&mut self, target: &str) -> Result<(u16, Vec<u8>), LoadError> {
        let addr = self.addr.clone();
        let io = |source| LoadError::Io {
            addr: addr.clone(),
            source,
        };
        let stream = self
            .stream
            .as_mut()
            .ok_or_else(|| LoadError::Protocol("not connected".into()))?;
        let req = format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\nAccept: */*\r\n\r\n");
        stream.write_all(req.as_bytes()).await.map_err(io)?;
        self.buf.clear();
        let head_end = loop {
            if let Some(i) = find(&self.buf, b"\r\n\r\n") {
                break i + 4;
            }
            if self.buf.len() > 64 * 1024 {
                return Err(LoadError::Protocol("response head over 64 KiB".into()));
            }
            let mut chunk = [0u8; 16 * 1024];
            let n = stream.read(&mut chunk).await.map_err(io)?;
            if n == 0 {
                return Err(LoadError::Protocol("connection closed mid-response".into()));
            }
            self.buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&self.buf[..head_end]).to_string();
        let status: u16 = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| LoadError::Protocol(format!("bad status line in {head:?}")))?;
        let mut length = None;
        let mut close = false;
        for line in head.lines().skip(1) {
            if let Some((k, v)) = line.split_once(':') {
                let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
                if k == "content-length" {
                    length = v.parse::<usize>().ok();
                } else if k == "connection" && v.eq_ignore_ascii_case("close") {
                    close = true;
                }
            }
        }
        let length = length.ok_or_else(|| {
            LoadError::Protocol(format!("no Content-Length in the answer to {target}"))
        })?;
        while self.buf.len() < head_end + length {
            let mut chunk = [0u8; 64 * 1024];
            let n = stream.read(&mut chunk).await.map_err(io)?;
            if n == 0 {
                return Err(LoadError::Protocol("connection closed mid-body".into()));
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
        let body = self.buf[head_end..head_end + length].to_vec();
        if close {
            self.stream = None;
        }
        Ok((status, body))
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

async fn get_json(conn: &mut Conn, target: &str) -> Result<serde_json::Value, LoadError> {
    let (status, body) = conn.get(target).await?;
    if status != 200 {
        return Err(LoadError::Protocol(format!("{target}: status {status}")));
    }
    serde_json::from_slice(&body).map_err(|e| LoadError::Protocol(format!("{target}: {e}")))
}

/// Builds the request mix from what the store holds: searches, quote and entity look-ups,
/// entity pages, articles, timelines, the graph, stats, and the HTML pages.
pub async fn discover(addr: &str) -> Result<Vec<String>, LoadError> {
    let mut conn = Conn::new(addr);
    let ents = get_json(&mut conn, "/api/entities?limit=12").await?;
    let arts = get_json(&mut conn, "/api/search?sort=date&limit=12").await?;
    let mut mix: Vec<String> = vec![
        "/api/stats".into(),
        "/api/graph?limit=50".into(),
        "/api/graph?limit=50&format=graphml".into(),
        "/api/quotes?limit=20".into(),
        "/api/search?q=said".into(),
        "/api/search?q=the&sort=date&limit=50".into(),
        "/".into(),
        "/quotes".into(),
    ];
    for e in ents["entities"].as_array().into_iter().flatten() {
        let (Some(id), Some(name)) = (e["id"].as_i64(), e["name"].as_str()) else {
            continue;
        };
        let first = name.split_whitespace().next().unwrap_or(name);
        let last = name.split_whitespace().last().unwrap_or(name);
        mix.push(format!("/api/entities/{id}"));
        mix.push(format!("/api/timeline?entity_id={id}"));
        mix.push(format!("/api/quotes?speaker={}", pct(name)));
        mix.push(format!("/api/search?q={}", pct(last)));
        mix.push(format!("/api/entities?q={}", pct(first)));
        mix.push(format!("/api/search?entity_id={id}&sort=date"));
        mix.push(format!("/entities/{id}"));
        mix.push(format!("/?speaker={}", pct(name)));
    }
    for a in arts["hits"].as_array().into_iter().flatten() {
        if let Some(id) = a["id"].as_str() {
            mix.push(format!("/api/articles/{}", pct(id)));
            mix.push(format!("/articles/{}", pct(id)));
        }
    }
    Ok(mix)
}

/// Runs the load test against a running server.
pub async fn run(config: &LoadConfig) -> Result<LoadReport, LoadError> {
    let mut mix = discover(&config.addr).await?;
    mix.retain(|t| !config.skip.iter().any(|s| t.contains(s.as_str())));
    if mix.is_empty() {
        return Err(LoadError::Protocol("--skip left no request to send".into()));
    }
    let mix = Arc::new(mix);
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..config.concurrency.max(1) {
        let (mix, next, addr, total) = (
            Arc::clone(&mix),
            Arc::clone(&next),
            config.addr.clone(),
            config.requests,
        );
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(&addr);
            let mut lat = Vec::new();
            let mut errors = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                // A stride co-prime with most mix sizes spreads endpoints over connections.
                let target = &mix[(i * 7919) % mix.len()];
                let t = Instant::now();
                match conn.get(target).await {
                    Ok((200, _)) => {}
                    Ok((status, body)) => errors.push(format!(
                        "{target}: status {status}: {}",
                        String::from_utf8_lossy(&body[..body.len().min(200)])
                    )),
                    Err(e) => errors.push(format!("{target}: {e}")),
                }
                lat.push(t.elapsed());
            }
            (lat, errors)
        }));
    }
    let mut lat = Vec::with_capacity(config.requests);
    let mut errors = Vec::new();
    for t in tasks {
        let (l, e) = t
            .await
            .map_err(|e| LoadError::Protocol(format!("a client task failed: {e}")))?;
        lat.extend(l);
        errors.extend(e);
    }
    let elapsed = start.elapsed();
    lat.sort_unstable();
    let pick = |q: f64| -> Duration {
        if lat.is_empty() {
            return Duration::ZERO;
        }
        let i = ((lat.len() as f64 * q).ceil() as usize).clamp(1, lat.len()) - 1;
        lat[i]
    };
    Ok(LoadReport {
        requests: lat.len(),
        errors: errors.len(),
        first_errors: errors.into_iter().take(5).collect(),
        mix: mix.to_vec(),
        elapsed,
        p50: pick(0.50),
        p90: pick(0.90),
        p99: pick(0.99),
        max: lat.last().copied().unwrap_or_default(),
    })
}

/// [`run`] on a runtime of its own (for the CLI).
pub fn run_blocking(config: &LoadConfig) -> Result<LoadReport, LoadError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|source| LoadError::Io {
            addr: config.addr.clone(),
            source,
        })?;
    rt.block_on(run(config))
}
