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
            let gold =
                train::read_brat(&raw, &ann).map_err(|e| anyhow!("{}: {e}", ann_path.display()))?;
            let mut doc = Document::from_text(stem, raw);
            pipeline
                .annotate(&mut doc)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?;
            let labels = train::gold_labels(&doc, &gold);
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
