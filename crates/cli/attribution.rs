//! `byline train attribution`: the learned attribution tagger on brat-annotated texts
//! (PolNeAR's layout: `DIR/text/NAME.txt` and `DIR/attributions/NAME_ANNOTATOR.ann`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{anyhow, Context};
use byline_doc::Document;
use byline_pipeline::PipelineBuilder;
use byline_quotes::train::{self, Config};
use clap::Args;
use rayon::prelude::*;

#[derive(Args, Debug)]
pub struct TrainArgs {
    /// Training split directory (with `text/` and `attributions/`).
    #[arg(long)]
    train: PathBuf,
    /// Development split: the epoch with the best token F1 on it is kept.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 8)]
    epochs: usize,
    /// Seed of the shuffling (training is deterministic for a seed).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// log2 of the weight table's rows.
    #[arg(long, default_value_t = 20)]
    bits: u32,
}

/// Annotated documents of a split, each run through the pipeline up to coreference, with
/// gold token labels.
fn read_split(dir: &Path) -> anyhow::Result<Vec<(Document, Vec<u8>)>> {
    read_split_with(dir, |doc, raw, ann| {
        let gold = train::read_brat(raw, ann)?;
        Ok(train::gold_labels(doc, &gold))
    })
}

/// Annotated documents of a split, each run through the pipeline up to coreference, with
/// what `gold` makes of the raw text and its annotation file (errors name the file).
fn read_split_with<T: Send>(
    dir: &Path,
    gold: impl Fn(&Document, &str, &str) -> Result<T, String> + Sync,
) -> anyhow::Result<Vec<(Document, T)>> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("reading {}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let pipeline = PipelineBuilder::news()
        .disable(&["quotes", "times", "quantities", "events"])
        .build()
        .map_err(|e| anyhow!("{e}"))?;
    texts
        .par_iter()
        .map(|path| {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let prefix = format!("{stem}_");
            let ann_path = anns
                .iter()
                .find(|a| {
                    a.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(&prefix))
                })
                .ok_or_else(|| anyhow!("{}: no annotation file", path.display()))?;
            let raw = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            let ann = std::fs::read_to_string(ann_path)
                .with_context(|| format!("reading {}", ann_path.display()))?;
            let mut doc = Document::from_text(stem, raw.clone());
            pipeline
                .annotate(&mut doc)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?;
            let labels =
                gold(&doc, &raw, &ann).map_err(|e| anyhow!("{}: {e}", ann_path.display()))?;
            Ok((doc, labels))
        })
        .collect()
}

fn view(d: &[(Document, Vec<u8>)]) -> Vec<(&Document, &[u8])> {
    d.iter().map(|(d, l)| (d, l.as_slice())).collect()
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let log = |s: &str| eprintln!("[{:6.1}s] {s}", start.elapsed().as_secs_f64());
    let train_docs = read_split(&args.train)?;
    let dev_docs = args
        .dev
        .as_deref()
        .map(read_split)
        .transpose()?
        .unwrap_or_default();
    log(&format!(
        "{} training and {} dev documents prepared",
        train_docs.len(),
        dev_docs.len()
    ));
    let cfg = Config {
        epochs: args.epochs.max(1),
        seed: args.seed,
        bits: args.bits.clamp(12, 24),
    };
    let model = train::train(&view(&train_docs), &view(&dev_docs), &cfg, &log);
    let bytes = model.to_bytes();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("writing {}", args.output.display()))?;
    log(&format!(
        "wrote {} ({:.1} MB)",
        args.output.display(),
        bytes.len() as f64 / 1e6
    ));
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct FilterArgs {
    /// Training split directory (with `text/` and `attributions/`).
    #[arg(long)]
    train: PathBuf,
    /// A split to report the kept candidates on (not used to choose anything).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the filter.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Seed of the shuffling (training is deterministic for a seed).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// log2 of the weight table's rows.
    #[arg(long, default_value_t = 18)]
    bits: u32,
    /// Keep candidates from this probability instead of the cross-validated choice (the
    /// shipped filter's is chosen by end-to-end F1 on train, see the quotes crate README).
    #[arg(long)]
    threshold: Option<f32>,
}

/// `byline train report-filter`: the filter over candidate reported clauses.
pub fn run_filter(args: FilterArgs) -> anyhow::Result<ExitCode> {
    if let Some(t) = args.threshold {
        anyhow::ensure!(
            t.is_finite() && (0.0..=1.0).contains(&t),
            "--threshold must lie between 0 and 1, got {t}"
        );
    }
    let start = Instant::now();
    let log = |s: &str| eprintln!("[{:6.1}s] {s}", start.elapsed().as_secs_f64());
    let docs = filter_examples(&args.train)?;
    let (examples, counts): (Vec<_>, Vec<_>) = docs.into_iter().unzip();

    let judged: Vec<_> = examples.iter().flatten().filter(|e| e.2).collect();
    log(&format!(
        "{} documents, {} candidates judged by the filter ({} right), {} gold attributions",
        examples.len(),
        judged.len(),
        judged.iter().filter(|e| e.1).count(),
        counts.iter().sum::<usize>()
    ));
    let mut filter = train::train_filter(
        &examples,
        &counts,
        args.bits.clamp(10, 24),
        args.epochs.max(1),
        args.seed,
        &log,
    );
    if let Some(t) = args.threshold {
        log(&format!("threshold set to {t:.2} by --threshold"));
        filter.threshold = t;
    }
    if let Some(dev) = &args.dev {
        let (mut kept, mut right, mut all_right) = (0, 0, 0);
        for (ex, _) in filter_examples(dev)? {
            let fixed: Vec<_> = ex.iter().filter(|e| !e.2).map(|e| e.3).collect();
            let scored: Vec<_> = ex
                .iter()
                .filter(|e| e.2)
                .map(|e| (filter.probability(&e.0), e.1, e.3))
                .collect();
            all_right += scored.iter().filter(|s| s.1).count();
            let (k, r) = train::count_kept(&fixed, &scored, filter.threshold);
            kept += k;
            right += r;
        }
        log(&format!(
            "dev: {kept} judged candidates kept, {right} of them right ({all_right} right in all)"
        ));
    }
    let bytes = filter.to_bytes();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("writing {}", args.output.display()))?;
    log(&format!(
        "wrote {} ({:.2} MB, threshold {:.2})",
        args.output.display(),
        bytes.len() as f64 / 1e6,
        filter.threshold
    ));
    Ok(ExitCode::SUCCESS)
}

/// The report filter's training examples of a split, with each document's gold count.
fn filter_examples(dir: &Path) -> anyhow::Result<Vec<(train::FilterExamples, usize)>> {
    let docs = read_split_with(dir, |doc, raw, ann| {
        let gold = train::read_attributions(raw, ann)?;
        let examples = train::filter_examples(doc, &gold);
        Ok((examples, gold.len()))
    })?;
    Ok(docs.into_iter().map(|(_, e)| e).collect())
}
