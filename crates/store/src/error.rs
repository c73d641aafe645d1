//! [`StoreError`]: what can go wrong, split into the caller's mistakes and the store's.

use std::path::PathBuf;

/// Everything the store can fail with.
///
/// [`StoreError::is_client_error`] tells a caller's mistake (a bad parameter, an unknown id;
/// an HTTP server answers 400 or 404) from a failure of the store itself (500).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A query parameter is out of range or malformed: a date that is not `YYYY-MM-DD`, a
    /// limit over [`MAX_LIMIT`](crate::MAX_LIMIT), an empty search, an unknown type.
    #[error("invalid parameter `{field}`: {message}")]
    InvalidParam {
        /// The parameter's name as it is spelled in the parameter struct (and the query string).
        field: &'static str,
        /// What is wrong, e.g. "expected a date YYYY-MM-DD, got \"2025-13-01\"".
        message: String,
    },
    /// An article or entity asked for by id does not exist.
    #[error("no {what} {id:?}")]
    NotFound {
        /// "article" or "entity".
        what: &'static str,
        /// The id asked for.
        id: String,
    },
    /// A record given to ingest is not a valid `byline/1` record (wrong schema, a span outside
    /// its text, an entity id that does not exist). Only that record is refused.
    #[error("record {id:?}: {message}")]
    InvalidRecord {
        /// The record's `id`.
        id: String,
        /// What is wrong.
        message: String,
    },
    /// The database file could not be opened or is not a byline store.
    #[error("{}: {message}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The database was written by a newer byline (its `user_version` is above ours).
    #[error("{}: store schema version {found} is newer than this byline supports ({supported})", path.display())]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// The version in the file.
        found: i64,
        /// The newest version this build reads.
        supported: i64,
    },
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Reading or writing a file (export) failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// Writing a Parquet file failed.
    #[error("{}: parquet: {message}", path.display())]
    Parquet {
        /// The file.
        path: PathBuf,
        /// The writer's message.
        message: String,
    },
    /// A stored record could not be decoded (a damaged or hand-edited store).
    #[error("stored JSON is damaged: {0}")]
    Json(#[from] serde_json::Error),
    /// Stored data could not be decompressed (a damaged or hand-edited store).
    #[error("store is damaged: {0}")]
    Damaged(String),
}

impl StoreError {
    /// True for the caller's mistakes ([`StoreError::InvalidParam`], [`StoreError::NotFound`],
    /// [`StoreError::InvalidRecord`]): answer 4xx, not 500.
    pub fn is_client_error(&self) -> bool {
        matches!(
            self,
            StoreError::InvalidParam { .. }
                | StoreError::NotFound { .. }
                | StoreError::InvalidRecord { .. }
        )
    }

    /// True for [`StoreError::NotFound`] (HTTP 404).
    pub fn is_not_found(&self) -> bool {
        matches!(self, StoreError::NotFound { .. })
    }

    pub(crate) fn param(field: &'static str, message: impl Into<String>) -> StoreError {
        StoreError::InvalidParam {
            field,
            message: message.into(),
        }
    }
}

/// The store's result type.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
