/*!
`byline serve`: a byline corpus store over HTTP, as a JSON API described by an OpenAPI
document and as a web page, both shipped inside the binary.

# Brief overview
- [`router`] builds the [`axum::Router`] over an [`AppState`] (a [`ReaderPool`] of read-only
  [`byline_store::Store`] connections): the JSON API under `/api/` (search, quotes,
  entities, one entity, timeline, graph as JSON or GraphML, one article, stats), the
  OpenAPI 3 document at `/openapi.json`, and the web pages (`/`, `/quotes`, `/articles/{id}`,
  `/entities/{id}`, `/static/style.css`).
- Query strings are deserialised into the store's parameter structs (unknown parameters are
  refused); the store validates values. Every client mistake is a 4xx with a JSON body
  `{"error", "message", "field"?}` ([`ApiError`]); only a failure of the store is a 500.
- Hardening: read-only connections (SQL only through the store's bound parameters), no
  request path reaches the file system (the stylesheet is `include_str!`'d), URIs over
  [`Limits::max_uri_bytes`] are 414, request bodies over [`Limits::max_body_bytes`] are 413,
  every request is cut off after [`Limits::timeout`] (503), and pages are sent with a
  Content-Security-Policy that allows no script at all.
- [`serve_blocking`] runs the server until Ctrl-C; [`loadtest`] is the bounded HTTP client
  behind `byline bench-http`.

# Example
```no_run
let config = byline_server::Config::new("corpus.db", "127.0.0.1:8080");
byline_server::serve_blocking(&config)?;
# Ok::<(), byline_server::ServerError>(())
```
*/
#![deny(missing_docs)]

mod api;
mod error;
mod highlight;
mod html;
pub mod loadtest;
mod openapi;
mod pool;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

pub use error::{ApiError, ServerError};
pub use openapi::document as openapi_document;
pub use pool::ReaderPool;

/// Request limits.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Longest accepted request target (path and query), in bytes (414 above).
    pub max_uri_bytes: usize,
    /// Largest accepted request body, in bytes (413 above). The API only has GET endpoints.
    pub max_body_bytes: usize,
    /// Longest a request may take, queueing for a connection included (503 after).
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_uri_bytes: 4096,
            max_body_bytes: 16 * 1024,
            timeout: Duration::from_secs(10),
        }
    }
}

/// What every handler shares.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The store connections.
    pub pool: Arc<ReaderPool>,
    /// The request limits.
    pub limits: Limits,
}

impl AppState {
    /// State over an opened pool.
    pub fn new(pool: ReaderPool, limits: Limits) -> AppState {
        AppState {
            pool: Arc::new(pool),
            limits,
        }
    }
}

/// How to run [`serve_blocking`].
#[derive(Clone, Debug)]
pub struct Config {
    /// The store file (opened read-only).
    pub db: PathBuf,
    /// `HOST:PORT` to listen on.
    pub addr: String,
    /// Read-only connections (and so queries running at once).
    pub readers: usize,
    /// Request limits.
    pub limits: Limits,
}

impl Config {
    /// Defaults: one reader per core (2 to 8), [`Limits::default`].
    pub fn new(db: impl Into<PathBuf>, addr: impl Into<String>) -> Config {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Config {
            db: db.into(),
            addr: addr.into(),
            readers: cores.clamp(2, 8),
            limits: Limits::default(),
        }
    }
}

/// The whole application: API, OpenAPI document, web pages, limits and timeout.
pub fn router(state: AppState) -> Router {
    let mut r = Router::new();
    for (path, handler) in api::routes().into_iter().chain(html::routes()) {
        r = r.route(path, handler);
    }
    let limits = state.limits;
    r.fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(limits.max_body_bytes))
        .layer(middleware::from_fn_with_state(limits, guard))
        .with_state(state)
}

/// The paths of the JSON API and the OpenAPI document (what `/openapi.json` must describe).
pub fn api_paths() -> Vec<&'static str> {
    api::routes().into_iter().map(|(p, _)| p).collect()
}

/// Size limits, timeout and security headers around every request.
async fn guard(State(limits): State<Limits>, req: Request, next: Next) -> Response {
    let target = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if target > limits.max_uri_bytes {
        return ApiError::TooLarge {
            status: StatusCode::URI_TOO_LONG,
            message: format!(
                "request target of {target} bytes is over the limit of {}",
                limits.max_uri_bytes
            ),
        }
        .into_response();
    }
    let body_len = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if body_len.is_some_and(|n| n > limits.max_body_bytes as u64) {
        return ApiError::TooLarge {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: format!(
                "request body is over the limit of {} bytes",
                limits.max_body_bytes
            ),
        }
        .into_response();
    }
    let mut resp = match tokio::time::timeout(limits.timeout, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::Timeout(limits.timeout.as_millis()).into_response(),
    };
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    resp
}

async fn not_found(req: Request) -> Response {
    let path = req.uri().path();
    if path.starts_with("/api/") {
        ApiError::NotFound(format!("no endpoint {path}")).into_response()
    } else {
        html::error_page(&ApiError::NotFound("no such page".into()))
    }
}

/// Opens the store, binds `config.addr` and serves until Ctrl-C (or SIGTERM).
pub fn serve_blocking(config: &Config) -> Result<(), ServerError> {
    let pool = ReaderPool::open(&config.db, config.readers)?;
    let state = AppState::new(pool, config.limits);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Runtime)?;
    rt.block_on(async {
        let io = |source| ServerError::Io {
            addr: config.addr.clone(),
            source,
        };
        let listener = tokio::net::TcpListener::bind(&config.addr)
            .await
            .map_err(io)?;
        let local = listener.local_addr().map_err(io)?;
        eprintln!(
            "byline serve: {} on http://{local}/ ({} readers; Ctrl-C stops)",
            config.db.display(),
            config.readers
        );
        axum::serve(listener, router(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(io)
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
