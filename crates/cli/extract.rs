//! `byline extract`: read inputs, run the pipeline in parallel, write records in input order.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use byline_input::{Inputs, ReadOptions};
use byline_pipeline::Record;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use rayon::prelude::*;

/// How many documents are read ahead and processed in parallel at once.
const BATCH: usize = 256;

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files or directories to read (`-` for stdin). Directories are walked.
    #[arg(default_value = "-")]
    paths: Vec<PathBuf>,
    /// Output format: one pretty JSON object per input, or one record per line.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Write records to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Reference date for relative times (overrides each document's own date).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Treat warnings (such as invalid UTF-8) as errors: such documents are rejected.
    #[arg(long)]
    strict: bool,
    /// Largest document accepted, in bytes (after decompression).
    #[arg(long, default_value_t = ReadOptions::default().max_bytes)]
    max_bytes: u64,
    /// No progress bar and no closing summary.
    #[arg(short, long)]
    quiet: bool,
    /// Type entities by rules only, without the learned tagger (about three times faster).
    #[arg(long)]
    rules_ner: bool,
    /// Also report the learned attribution tagger's finds (broad attributions such as "the ad
    /// references X"; experimental: more recall, lower precision).
    #[arg(long)]
    learned_attribution: bool,
    /// Give quote confidences as the rules' raw scores, not calibrated probabilities (to refit
    /// the calibration; see crates/quotes/README.md).
    #[arg(long)]
    raw_confidence: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

struct Tally {
    ok: usize,
    failed: usize,
    words: usize,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let pipeline = byline_pipeline::PipelineBuilder::news()
        .learned_ner(!args.rules_ner)
        .quotes(byline_quotes::Quotes {
            learned: args.learned_attribution,
            raw_confidence: args.raw_confidence,
            ..Default::default()
        })
        .build()?;
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(j) = args.jobs {
        builder = builder.num_threads(j.max(1));
    }
    let pool = builder.build().context("cannot start worker threads")?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let mut inputs = Inputs::new(
        args.paths.clone(),
        ReadOptions {
            max_bytes: args.max_bytes,
        },
    );
    let progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let start = Instant::now();
    let mut tally = Tally {
        ok: 0,
        failed: 0,
        words: 0,
    };
    loop {
        let batch: Vec<_> = inputs.by_ref().take(BATCH).collect();
        for note in inputs.take_notices() {
            progress.suspend(|| eprintln!("byline: {note}"));
        }
        if batch.is_empty() {
            break;
        }
        let results = process_batch(&pool, &pipeline, batch, args.date, args.strict);
        for r in results {
            match r {
                Ok(rec) => {
                    tally.ok += 1;
                    tally.words += rec.text.split_whitespace().count();
                    write_record(&mut out, &rec, args.format)?;
                }
                Err(msg) => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("byline: {msg}"));
                }
            }
        }
        progress.update(tally.ok + tally.failed, start.elapsed());
    }
    out.flush().context("cannot write output")?;
    progress.finish();
    if !args.quiet {
        summary(&tally, start.elapsed());
    }
    Ok(if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs the pipeline over one batch of inputs on `pool`, in input order: each item becomes its
/// record or an error message naming the document. `date` overrides the reference date;
/// `strict` turns a record's warnings into an error.
pub(crate) fn process_batch(
    pool: &rayon::ThreadPool,
    pipeline: &byline_pipeline::Pipeline,
    batch: Vec<<Inputs as Iterator>::Item>,
    date: Option<NaiveDate>,
    strict: bool,
) -> Vec<Result<Record, String>> {
    pool.install(|| {
        batch
            .into_par_iter()
            .map(|item| {
                let mut doc = item.map_err(|e| e.to_string())?;
                if let Some(d) = date {
                    doc.reference_date = Some(d);
                }
                let label = doc.source.path.clone().unwrap_or_else(|| doc.id.clone());
                let rec = pipeline.process(doc).map_err(|e| format!("{label}: {e}"))?;
                if strict && !rec.warnings.is_empty() {
                    return Err(format!("{label}: {} (--strict)", rec.warnings.join("; ")));
                }
                Ok(rec)
            })
            .collect()
    })
}

fn write_record(out: &mut dyn Write, rec: &Record, format: Format) -> anyhow::Result<()> {
    match format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, rec)?,
        Format::Jsonl => serde_json::to_writer(&mut *out, rec)?,
    }
    out.write_all(b"\n").context("cannot write output")?;
    Ok(())
}

fn summary(t: &Tally, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let n = t.ok + t.failed;
    eprintln!(
        "byline: {} documents ok, {} failed in {:.2} s ({:.1} documents/s, {:.0} words/s)",
        t.ok,
        t.failed,
        secs,
        n as f64 / secs,
        t.words as f64 / secs
    );
}

/// A progress bar on stderr, shown only on a terminal once more than a few documents are done.
pub(crate) struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    pub(crate) fn new(enabled: bool) -> Progress {
        let bar = enabled.then(|| {
            let b = indicatif::ProgressBar::hidden();
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} documents {per_sec} [{elapsed}]",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            b
        });
        Progress { bar }
    }

    pub(crate) fn update(&self, done: usize, _elapsed: Duration) {
        if let Some(b) = &self.bar {
            if done > 5 && b.is_hidden() {
                b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            b.set_position(done as u64);
        }
    }

    pub(crate) fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
