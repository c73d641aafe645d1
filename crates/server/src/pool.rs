//! [`ReaderPool`]: a fixed set of read-only store connections shared by all requests.
//!
//! # Why a pool of connections behind a semaphore
//!
//! A [`Store`] owns one SQLite connection: it is `Send` but not `Sync`, and every query
//! blocks its thread for the time SQLite runs. So a request must (1) own a connection for the
//! duration of its query and (2) run that query off the async worker threads. The pool opens
//! `size` read-only connections up front (in WAL mode readers never block one another nor a
//! concurrent `byline ingest`), and [`ReaderPool::run`] first waits for a permit of a tokio
//! [`Semaphore`] with `size` permits (an async wait: a burst of requests queues here, fairly,
//! without tying up threads), then takes a free connection and runs the query with
//! [`tokio::task::spawn_blocking`]. A permit is only given back once the connection is back
//! in the pool, so a permit always finds a free connection. A connection whose query panicked
//! is put back as well (SQLite rolls back nothing for a read), and the panic becomes a 500.
//!
//! Compared with one `Mutex<Store>` per request path, this bounds the blocking threads in use
//! to `size`, and compared with opening a connection per request it keeps SQLite's page cache
//! and prepared statements warm.

use std::path::Path;
use std::sync::{Arc, Mutex};

use byline_store::{Store, StoreError};
use tokio::sync::Semaphore;

use crate::error::{ApiError, ServerError};

/// A fixed number of read-only [`Store`] connections.
#[derive(Debug)]
pub struct ReaderPool {
    stores: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
    size: usize,
}

impl ReaderPool {
    /// Opens `size` (at least 1) read-only connections to the store at `path`.
    pub fn open(path: &Path, size: usize) -> Result<ReaderPool, ServerError> {
        let size = size.max(1);
        let stores = (0..size)
            .map(|_| Store::open_read_only(path))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ReaderPool {
            stores: Mutex::new(stores),
            permits: Arc::new(Semaphore::new(size)),
            size,
        })
    }

    /// How many connections.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Runs `f` on a free connection on the blocking thread pool, waiting for one if all are
    /// busy. Store errors become [`ApiError`]s (4xx for the caller's mistakes).
    pub async fn run<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::Internal)?;
        let pool = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            // Declared first, dropped last: the permit goes back after the connection.
            let _permit = permit;
            let lease = Lease {
                store: pool.take(),
                pool: &pool,
            };
            match &lease.store {
                Some(store) => f(store).map_err(ApiError::from),
                None => Err(ApiError::Internal),
            }
        })
        .await;
        match joined {
            Ok(result) => result,
            Err(e) => {
                eprintln!("byline serve: a query failed: {e}");
                Err(ApiError::Internal)
            }
        }
    }

    fn take(&self) -> Option<Store> {
        self.stores.lock().unwrap_or_else(|e| e.into_inner()).pop()
    }
}

/// A connection taken from the pool; put back on drop (also when the query panics).
struct Lease<'a> {
    store: Option<Store>,
    pool: &'a ReaderPool,
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            self.pool
                .stores
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(store);
        }
    }
}
