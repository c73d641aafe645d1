//! `byline bench`: words per second of the whole pipeline, one thread and all cores.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use byline_input::{Inputs, ReadOptions};
use byline_pipeline::{Document, Pipeline};
use clap::Args;
use rayon::prelude::*;

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Articles to build the corpus from (repeated until it is large enough).
    #[arg(default_values = ["examples", "tests/fixtures/articles"])]
    paths: Vec<PathBuf>,
    /// Corpus size in megabytes.
    #[arg(long, default_value_t = 10.0)]
    mb: f64,
    /// Threads for the parallel run (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Also print the time spent in each stage (one thread).
    #[arg(long)]
    stages: bool,
    /// Type entities by rules only, without the learned tagger.
    #[arg(long)]
    rules_ner: bool,
}

pub fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    let seeds: Vec<Document> = Inputs::new(args.paths.clone(), ReadOptions::default())
        .filter_map(Result::ok)
        .collect();
    if seeds.is_empty() {
        bail!("no readable articles in {:?}", args.paths);
    }
    let target = (args.mb * 1_000_000.0) as usize;
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for d in &seeds {
            let mut d = d.clone();
            d.id = format!("{}#{}", d.id, corpus.len());
            bytes += d.raw.len();
            corpus.push(d);
        }
    }
    let pipeline = byline_pipeline::PipelineBuilder::news()
        .learned_ner(!args.rules_ner)
        .build()?;
    if args.stages {
        stage_times(&pipeline, &corpus);
    }
    eprintln!(
        "byline bench: {} documents, {:.1} MB of text",
        corpus.len(),
        bytes as f64 / 1e6
    );

    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .context("thread pool")?;
    let (words, secs) = timed(&one, &pipeline, corpus.clone())?;
    println!(
        "1 thread:   {:>10.0} words/s  ({} words, {:.2} s, {:.1} MB/s)",
        words as f64 / secs,
        words,
        secs,
        bytes as f64 / 1e6 / secs
    );

    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(j) = args.jobs {
        b = b.num_threads(j);
    }
    let all = b.build().context("thread pool")?;
    let n = all.current_num_threads();
    let (words, secs) = timed(&all, &pipeline, corpus)?;
    println!(
        "{n} threads: {:>10.0} words/s  ({} words, {:.2} s, {:.1} MB/s)",
        words as f64 / secs,
        words,
        secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(ExitCode::SUCCESS)
}

fn stage_times(pipeline: &Pipeline, corpus: &[Document]) {
    let info = pipeline.explain();
    let mut times = vec![std::time::Duration::ZERO; info.len()];
    for d in corpus {
        let mut d = d.clone();
        if pipeline.annotate_timed(&mut d, &mut times).is_err() {
            continue;
        }
    }
    let total: f64 = times.iter().map(|t| t.as_secs_f64()).sum();
    for (s, t) in info.iter().zip(&times) {
        let secs = t.as_secs_f64();
        println!(
            "{:<12} {:>8.3} s  {:>5.1}%",
            s.name,
            secs,
            100.0 * secs / total.max(1e-9)
        );
    }
}

fn timed(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    corpus: Vec<Document>,
) -> anyhow::Result<(usize, f64)> {
    let start = Instant::now();
    let words: usize = pool.install(|| {
        corpus
            .into_par_iter()
            .map(|d| {
                pipeline
                    .process(d)
                    .map(|r| r.text.split_whitespace().count())
                    .unwrap_or(0)
            })
            .sum()
    });
    let secs = start.elapsed().as_secs_f64();
    if words == 0 {
        bail!("the benchmark processed no words");
    }
    Ok((words, secs))
}
