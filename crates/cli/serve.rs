//! `byline serve` (the corpus over HTTP) and the hidden `byline bench-http` (a bounded load
//! test against a running server).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Args;

/// `byline serve --db corpus.db [--addr 127.0.0.1:8080]`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The corpus store (made by `byline ingest`); opened read-only.
    #[arg(long)]
    db: PathBuf,
    /// Address to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Read-only database connections (queries running at once); default: cores, 2 to 8.
    #[arg(long)]
    readers: Option<usize>,
    /// Per-request timeout in seconds.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
}

/// `byline bench-http --addr HOST:PORT [--requests N] [--concurrency N]`.
#[derive(Args, Debug)]
pub struct BenchHttpArgs {
    /// A running `byline serve`.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Requests in all.
    #[arg(long, default_value_t = 10_000)]
    requests: usize,
    /// Connections at once.
    #[arg(long, default_value_t = 50)]
    concurrency: usize,
    /// Leave out request targets containing this string (repeatable), e.g. `/api/graph`.
    #[arg(long)]
    skip: Vec<String>,
}

pub fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    if !args.db.is_file() {
        bail!(
            "{}: no such store (make one with `byline ingest PATH... --db {}`)",
            args.db.display(),
            args.db.display()
        );
    }
    let mut config = byline_server::Config::new(&args.db, &args.addr);
    if let Some(n) = args.readers {
        config.readers = n.max(1);
    }
    config.limits.timeout = std::time::Duration::from_secs(args.timeout.max(1));
    byline_server::serve_blocking(&config).context("byline serve")?;
    Ok(ExitCode::SUCCESS)
}

pub fn bench_http(args: BenchHttpArgs) -> anyhow::Result<ExitCode> {
    let config = byline_server::loadtest::LoadConfig {
        addr: args.addr,
        requests: args.requests,
        concurrency: args.concurrency,
        skip: args.skip,
    };
    let report = byline_server::loadtest::run_blocking(&config)?;
    println!("{report}");
    for e in &report.first_errors {
        eprintln!("byline bench-http: {e}");
    }
    Ok(if report.errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
