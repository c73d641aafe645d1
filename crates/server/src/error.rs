//! Errors: [`ServerError`] for starting the server, [`ApiError`] for answering one request.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use byline_store::StoreError;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store file could not be opened (read-only) by one of the reader connections.
    #[error("cannot open the store: {0}")]
    Store(#[from] StoreError),
    /// The listening address could not be bound, or serving failed.
    #[error("{addr}: {source}")]
    Io {
        /// The address.
        addr: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The async runtime could not be built.
    #[error("cannot start the runtime: {0}")]
    Runtime(std::io::Error),
}

/// The answer to a request that did not succeed. Every variant is rendered as a JSON object
/// `{"error": CODE, "message": TEXT, "field": NAME?}` with the matching status (the web pages
/// render it as an HTML page instead, see [`ApiError::status`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// 400: a malformed or out-of-range parameter, an unknown parameter.
    #[error("{message}")]
    BadRequest {
        /// The parameter at fault, when known.
        field: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// 404: no such article, entity or page.
    #[error("{0}")]
    NotFound(String),
    /// 413 / 414: a request body or URI over the limits.
    #[error("{message}")]
    TooLarge {
        /// 413 or 414.
        status: StatusCode,
        /// What is too large.
        message: String,
    },
    /// 503: the request took longer than the server's timeout.
    #[error("the request took longer than {0} ms")]
    Timeout(u128),
    /// 500: the store failed (the details go to stderr, not to the client).
    #[error("internal error")]
    Internal,
}

impl ApiError {
    /// A 400 for `field`.
    pub fn bad(field: Option<&str>, message: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::TooLarge { status, .. } => *status,
            ApiError::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The machine-readable code of the JSON body.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { .. } => "bad_request",
            ApiError::NotFound(_) => "not_found",
            ApiError::TooLarge { .. } => "too_large",
            ApiError::Timeout(_) => "timeout",
            ApiError::Internal => "internal",
        }
    }

    /// The JSON body.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::json!({ "error": self.code(), "message": self.to_string() });
        if let ApiError::BadRequest { field: Some(f), .. } = self {
            v["field"] = serde_json::Value::String(f.clone());
        }
        v
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        if e.is_not_found() {
            ApiError::NotFound(e.to_string())
        } else if e.is_client_error() {
            let field = match &e {
                StoreError::InvalidParam { field, .. } => Some(*field),
                _ => None,
            };
            ApiError::bad(field, e.to_string())
        } else {
            eprintln!("byline serve: store error: {e}");
            ApiError::Internal
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status(),
            [(header::CONTENT_TYPE, "application/json")],
            self.to_json().to_string(),
        )
            .into_response()
    }
}
