//! `byline train ner`, `byline eval ner` and `byline tag --conll`: the learned entity tagger on
//! CoNLL-2003-style files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{anyhow, Context};
use byline_ner::conll::{self, label_name, ConllDoc};
use byline_ner::model::{self, Tagger, TrainConfig};
use clap::{Args, Subcommand};

/// What to train.
#[derive(Subcommand, Debug)]
pub enum TrainWhat {
    /// Train the named-entity tagger on CoNLL-2003-style files.
    Ner(TrainArgs),
    /// Train the attribution tagger on brat-annotated texts (PolNeAR layout).
    Attribution(crate::attribution::TrainArgs),
    /// Train the filter over candidate reported clauses on brat-annotated texts (PolNeAR).
    ReportFilter(crate::attribution::FilterArgs),
}

/// What to evaluate.
#[derive(Subcommand, Debug)]
pub enum EvalWhat {
    /// Score the named-entity tagger on a tagged CoNLL file (P/R/F1 per type, tokens/s).
    Ner(EvalArgs),
}

#[derive(Args, Debug)]
pub struct TrainArgs {
    /// Training file (CoNLL, tag in the last column, IOB1 or IOB2).
    #[arg(long)]
    train: PathBuf,
    /// Development file: the epoch with the best F1 on it is kept.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long)]
    output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Seed of the shuffling (training is deterministic for a seed).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// log2 of the weight table's rows.
    #[arg(long, default_value_t = 21)]
    bits: u32,
    /// Train the first pass only (no document-level second pass).
    #[arg(long)]
    one_pass: bool,
    /// Folds for the jackknifed first-pass labels the second pass learns from.
    #[arg(long, default_value_t = 5)]
    folds: usize,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Tagged CoNLL file.
    #[arg(long)]
    conll: PathBuf,
    /// Model file (default: the model built into byline).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Tag the file this many times for the speed figure.
    #[arg(long, default_value_t = 1)]
    repeat: usize,
}

#[derive(Args, Debug)]
pub struct TagArgs {
    /// CoNLL file (token in the first column); `-` for stdin.
    #[arg(long)]
    conll: PathBuf,
    /// Model file (default: the model built into byline).
    #[arg(long)]
    model: Option<PathBuf>,
}

fn read_conll(path: &Path, tagged: bool) -> anyhow::Result<(String, Vec<ConllDoc>)> {
    let text = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin()).context("reading stdin")?
    } else {
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
    };
    let docs = conll::parse(&text, tagged).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    Ok((text, docs))
}

fn load(model: Option<&Path>) -> anyhow::Result<std::borrow::Cow<'static, Tagger>> {
    match model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            let t = Tagger::from_bytes(&bytes).map_err(|e| anyhow!("{}: {e}", p.display()))?;
            Ok(std::borrow::Cow::Owned(t))
        }
        None => Ok(std::borrow::Cow::Borrowed(byline_ner::tagger::shipped())),
    }
}

pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let (_, train_docs) = read_conll(&args.train, true)?;
    let dev = args
        .dev
        .as_deref()
        .map(|p| read_conll(p, true))
        .transpose()?;
    let cfg = TrainConfig {
        epochs: args.epochs.max(1),
        seed: args.seed,
        bits: args.bits.clamp(10, 24),
        two_pass: !args.one_pass,
        folds: args.folds,
    };
    let start = Instant::now();
    let log = |s: &str| eprintln!("[{:6.1}s] {s}", start.elapsed().as_secs_f64());
    let tagger = model::train(
        &train_docs,
        dev.as_ref().map(|d| d.1.as_slice()),
        &cfg,
        &log,
    )
    .map_err(|e| anyhow!("{e}"))?;
    let bytes = tagger.to_bytes();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("writing {}", args.output.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB) in {:.1}s",
        args.output.display(),
        bytes.len() as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    if let Some((_, dev)) = dev {
        let sc = model::evaluate(&tagger, &dev);
        eprint!("dev (quantised model):\n{}", sc.report());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval(what: EvalWhat) -> anyhow::Result<ExitCode> {
    let EvalWhat::Ner(args) = what;
    let (_, docs) = read_conll(&args.conll, true)?;
    let t0 = Instant::now();
    let tagger = load(args.model.as_deref())?;
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let sc = model::evaluate(&tagger, &docs);
    print!("{}", sc.report());
    // Speed: tag the already-read documents on this thread (feature extraction included).
    let words: Vec<Vec<Vec<&str>>> = docs.iter().map(model::doc_words).collect();
    let tokens: usize = docs.iter().map(ConllDoc::n_tokens).sum();
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..args.repeat.max(1) {
        for d in &words {
            n += tagger.tag_document(d).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let total = tokens * args.repeat.max(1);
    println!(
        "speed: {total} tokens ({n} sentences) in {secs:.3}s = {:.0} tokens/s on one thread; model load {load_ms:.0} ms",
        total as f64 / secs
    );
    println!("F1 {:.2}", sc.f1());
    Ok(ExitCode::SUCCESS)
}

pub fn tag(args: TagArgs) -> anyhow::Result<ExitCode> {
    let (text, docs) = read_conll(&args.conll, false)?;
    let tagger = load(args.model.as_deref())?;
    // Predicted label of each token line, by line number.
    let lines: Vec<&str> = text.lines().collect();
    let mut pred: Vec<Option<&'static str>> = vec![None; lines.len() + 1];
    for d in &docs {
        let labels = tagger.tag_document(&model::doc_words(d));
        for (s, ls) in d.sentences.iter().zip(&labels) {
            for (&line, &l) in s.lines.iter().zip(ls) {
                pred[line] = Some(label_name(l));
            }
        }
    }
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim_end_matches('\r');
        match pred[i + 1] {
            Some(p) => writeln!(out, "{line} {p}")?,
            None if line.starts_with("-DOCSTART-") => writeln!(out, "{line} O")?,
            None => writeln!(out, "{line}")?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
