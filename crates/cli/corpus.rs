//! The corpus commands: `byline ingest` into a store, the queries (`search`, `quotes`,
//! `entity`, `timeline`, `graph`), `export`, and the hidden `bench-store`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use byline_input::{Inputs, ReadOptions};
use byline_pipeline::Record;
use byline_store::{
    Bucket, EntityListParams, EntityParams, ExportFormat, GraphParams, QuoteParams, SearchParams,
    SortOrder, Store, TimelineParams,
};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::extract::{parse_date, Progress};

/// Records per transaction.
const DEFAULT_BATCH: usize = 500;

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Articles (any input `byline extract` reads) or byline/1 JSONL record files; `-` for
    /// stdin. A JSONL file whose first line is a record (`"schema":"byline/1"`) is read as
    /// records, not run through the pipeline.
    #[arg(default_value = "-")]
    paths: Vec<PathBuf>,
    /// The store (created if missing).
    #[arg(long)]
    db: PathBuf,
    /// Read every input as byline/1 JSONL records (directories: their .jsonl files).
    #[arg(long)]
    records: bool,
    /// Records per transaction.
    #[arg(long, default_value_t = DEFAULT_BATCH)]
    batch: usize,
    /// Worker threads for the pipeline (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Reference date for relative times (overrides each document's own date).
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Largest document accepted, in bytes (after decompression).
    #[arg(long, default_value_t = ReadOptions::default().max_bytes)]
    max_bytes: u64,
    /// Type entities by rules only, without the learned tagger (faster).
    #[arg(long)]
    rules_ner: bool,
    /// No progress bar and no closing summary.
    #[arg(short, long)]
    quiet: bool,
}

struct Tally {
    inserted: usize,
    replaced: usize,
    failed: usize,
}

/// One input of `byline ingest`: records to store as they are, or articles for the pipeline.
enum Source {
    Records(PathBuf),
    Articles(Vec<PathBuf>),
    /// stdin, already read (its format sniffed).
    Stdin(Vec<u8>),
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    if args.batch == 0 {
        bail!("--batch must be at least 1");
    }
    let mut store = Store::open(&args.db)?;
    let progress = Progress::new(!args.quiet && io::stderr().is_terminal());
    let start = Instant::now();
    let mut tally = Tally {
        inserted: 0,
        replaced: 0,
        failed: 0,
    };
    let mut pipeline = None;
    let mut pool = None;
    for source in sources(&args)? {
        match source {
            Source::Records(path) => {
                let file =
                    File::open(&path).with_context(|| format!("cannot open {}", path.display()));
                match file {
                    Ok(f) => {
                        let reader: Box<dyn BufRead> = if is_gz(&path) {
                            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f)))
                        } else {
                            Box::new(BufReader::with_capacity(1 << 16, f))
                        };
                        let label = path.display().to_string();
                        ingest_records(reader, &label, &args, &mut store, &progress, &mut tally)?;
                    }
                    Err(e) => {
                        tally.failed += 1;
                        progress.suspend(|| eprintln!("byline: {e:#}"));
                    }
                }
            }
            Source::Stdin(bytes) if looks_like_records(&bytes) || args.records => {
                let reader = BufReader::new(io::Cursor::new(bytes));
                ingest_records(reader, "<stdin>", &args, &mut store, &progress, &mut tally)?;
            }
            other => {
                if pipeline.is_none() {
                    pipeline = Some(
                        byline_pipeline::PipelineBuilder::news()
                            .learned_ner(!args.rules_ner)
                            .build()?,
                    );
                    let mut b = rayon::ThreadPoolBuilder::new();
                    if let Some(j) = args.jobs {
                        b = b.num_threads(j.max(1));
                    }
                    pool = Some(b.build().context("cannot start worker threads")?);
                }
                let opts = ReadOptions {
                    max_bytes: args.max_bytes,
                };
                let inputs = match other {
                    Source::Articles(paths) => Inputs::new(paths, opts),
                    Source::Stdin(bytes) => Inputs::from_bytes(stdin_name(&bytes), bytes, opts),
                    Source::Records(_) => unreachable!("matched above"),
                };
                let (Some(p), Some(pool)) = (&pipeline, &pool) else {
                    unreachable!("built above")
                };
                ingest_articles(inputs, p, pool, &args, &mut store, &progress, &mut tally)?;
            }
        }
    }
    progress.finish();
    if !args.quiet {
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        let n = tally.inserted + tally.replaced;
        eprintln!(
            "byline: {} documents stored ({} new, {} replaced), {} failed in {:.2} s ({:.1} documents/s) into {}",
            n,
            tally.inserted,
            tally.replaced,
            tally.failed,
            secs,
            n as f64 / secs,
            args.db.display()
        );
    }
    Ok(if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn is_gz(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The name under which stdin's bytes are read (its extension picks the format).
fn stdin_name(bytes: &[u8]) -> &'static str {
    let gz = bytes.starts_with(&[0x1f, 0x8b]);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match (gz, first) {
        (true, _) => "stdin.txt.gz",
        (false, Some(b'{')) => "stdin.jsonl",
        (false, Some(b'<')) => "stdin.html",
        _ => "stdin.txt",
    }
}

/// True when the first non-blank line is a byline/1 record.
fn looks_like_records(bytes: &[u8]) -> bool {
    let line = bytes
        .split(|&b| b == b'\n')
        .find(|l| l.iter().any(|b| !b.is_ascii_whitespace()));
    line.is_some_and(is_record_line)
}

fn is_record_line(line: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        schema: Option<String>,
    }
    serde_json::from_slice::<Probe>(line)
        .ok()
        .and_then(|p| p.schema)
        .is_some_and(|s| s == byline_record::SCHEMA)
}

/// Whether a JSONL file's first non-blank line is a record.
fn file_has_records(path: &Path) -> bool {
    let ext = path
        .to_string_lossy()
        .to_ascii_lowercase()
        .trim_end_matches(".gz")
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_string();
    if !matches!(ext.as_str(), "jsonl" | "ndjson" | "json") {
        return false;
    }
    let Ok(f) = File::open(path) else {
        return false;
    };
    let mut reader: Box<dyn BufRead> = if is_gz(path) {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(f)))
    } else {
        Box::new(BufReader::new(f))
    };
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) if line.iter().all(|b| b.is_ascii_whitespace()) => continue,
            Ok(_) => return is_record_line(&line),
        }
    }
}

/// Sorts the command line into record files, article paths (kept in order, grouped) and stdin.
fn sources(args: &IngestArgs) -> anyhow::Result<Vec<Source>> {
    let mut out: Vec<Source> = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("cannot read stdin")?;
            out.push(Source::Stdin(bytes));
        } else if args.records && p.is_dir() {
            let mut files = Vec::new();
            walk_jsonl(p, &mut files);
            files.sort();
            out.extend(files.into_iter().map(Source::Records));
        } else if args.records || (p.is_file() && file_has_records(p)) {
            out.push(Source::Records(p.clone()));
        } else if let Some(Source::Articles(v)) = out.last_mut() {
            v.push(p.clone());
        } else {
            out.push(Source::Articles(vec![p.clone()]));
        }
    }
    Ok(out)
}

fn walk_jsonl(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().to_ascii_lowercase();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk_jsonl(&p, out);
        } else if name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") {
            out.push(p);
        }
    }
}

fn store_batch(
    store: &mut Store,
    batch: &[Record],
    progress: &Progress,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let report = store.ingest(batch).context("cannot write to the store")?;
    tally.inserted += report.inserted;
    tally.replaced += report.replaced;
    tally.failed += report.rejected.len();
    for msg in &report.rejected {
        progress.suspend(|| eprintln!("byline: {msg}"));
    }
    Ok(())
}

fn ingest_records(
    mut reader: impl BufRead,
    label: &str,
    args: &IngestArgs,
    store: &mut Store,
    progress: &Progress,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let start = Instant::now();
    let mut batch = Vec::with_capacity(args.batch);
    let mut line = String::new();
    let mut n = 0usize;
    loop {
        line.clear();
        let read = reader.read_line(&mut line);
        n += 1;
        match read {
            Ok(0) => break,
            Ok(_) if line.trim().is_empty() => continue,
            Ok(_) => match serde_json::from_str::<Record>(&line) {
                Ok(rec) => batch.push(rec),
                Err(e) => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("byline: {label}:{n}: invalid record: {e}"));
                }
            },
            Err(e) => {
                tally.failed += 1;
                progress.suspend(|| eprintln!("byline: {label}:{n}: cannot read: {e}"));
                if e.kind() != io::ErrorKind::InvalidData {
                    break;
                }
            }
        }
        if batch.len() >= args.batch {
            store_batch(store, &batch, progress, tally)?;
            batch.clear();
            progress.update(
                tally.inserted + tally.replaced + tally.failed,
                start.elapsed(),
            );
        }
    }
    store_batch(store, &batch, progress, tally)?;
    progress.update(
        tally.inserted + tally.replaced + tally.failed,
        start.elapsed(),
    );
    Ok(())
}

fn ingest_articles(
    mut inputs: Inputs,
    pipeline: &byline_pipeline::Pipeline,
    pool: &rayon::ThreadPool,
    args: &IngestArgs,
    store: &mut Store,
    progress: &Progress,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let start = Instant::now();
    loop {
        let batch: Vec<_> = inputs.by_ref().take(args.batch).collect();
        for note in inputs.take_notices() {
            progress.suspend(|| eprintln!("byline: {note}"));
        }
        if batch.is_empty() {
            break;
        }
        let results = crate::extract::process_batch(pool, pipeline, batch, args.date, false);
        let mut records = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(rec) => records.push(rec),
                Err(msg) => {
                    tally.failed += 1;
                    progress.suspend(|| eprintln!("byline: {msg}"));
                }
            }
        }
        store_batch(store, &records, progress, tally)?;
        progress.update(
            tally.inserted + tally.replaced + tally.failed,
            start.elapsed(),
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// queries

fn open_read(db: &Path) -> anyhow::Result<Store> {
    Ok(Store::open_read_only(db)?)
}

fn print_json<T: Serialize>(v: &T) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Shortens text to `n` code points on one line.
fn cut(s: &str, n: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        flat
    } else {
        let mut t: String = flat.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("-")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Relevance,
    Date,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words to find (all must occur; "a phrase" in quotes; word* for a prefix).
    q: Vec<String>,
    /// The store.
    #[arg(long)]
    db: PathBuf,
    /// Earliest article date, YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,
    /// Latest article date, YYYY-MM-DD.
    #[arg(long)]
    to: Option<String>,
    /// Publisher (exact, case-insensitive).
    #[arg(long)]
    publisher: Option<String>,
    /// Only articles mentioning this entity (corpus id).
    #[arg(long)]
    entity_id: Option<i64>,
    /// Only articles mentioning an entity of this name or alias.
    #[arg(long)]
    entity: Option<String>,
    /// Order of hits.
    #[arg(long, value_enum)]
    sort: Option<SortArg>,
    /// At most this many hits (max 1000).
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// Skip this many hits.
    #[arg(long, default_value_t = 0)]
    offset: u32,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn search(a: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&a.db)?;
    let q = a.q.join(" ");
    let r = store.search(&SearchParams {
        q: (!q.trim().is_empty()).then_some(q),
        from: a.from,
        to: a.to,
        publisher: a.publisher,
        entity_id: a.entity_id,
        entity: a.entity,
        sort: a.sort.map(|s| match s {
            SortArg::Relevance => SortOrder::Relevance,
            SortArg::Date => SortOrder::Date,
        }),
        limit: Some(a.limit),
        offset: Some(a.offset),
    })?;
    if a.json {
        print_json(&r)?;
    } else {
        println!("{} articles", r.total);
        for h in &r.hits {
            println!(
                "{}  {:<10}  {:<18}  {}",
                h.id,
                opt(&h.date),
                cut(opt(&h.publisher), 18),
                cut(opt(&h.title), 60)
            );
            println!("    {}", cut(&h.snippet, 110));
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct QuotesArgs {
    /// The store.
    #[arg(long)]
    db: PathBuf,
    /// Speaker: a name or alias (normalised match).
    #[arg(long)]
    speaker: Option<String>,
    /// Speaker: a corpus entity id.
    #[arg(long)]
    speaker_id: Option<i64>,
    /// Words the quote must contain.
    #[arg(long)]
    q: Option<String>,
    /// Earliest article date, YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,
    /// Latest article date, YYYY-MM-DD.
    #[arg(long)]
    to: Option<String>,
    /// direct, partial or indirect.
    #[arg(long)]
    kind: Option<String>,
    /// Minimum confidence (0..1).
    #[arg(long)]
    min_confidence: Option<f64>,
    /// At most this many (max 1000).
    #[arg(long, default_value_t = 20)]
    limit: u32,
    /// Skip this many.
    #[arg(long, default_value_t = 0)]
    offset: u32,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn quotes(a: QuotesArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&a.db)?;
    let r = store.quotes(&QuoteParams {
        speaker_id: a.speaker_id,
        speaker: a.speaker,
        q: a.q,
        from: a.from,
        to: a.to,
        kind: a.kind,
        min_confidence: a.min_confidence,
        limit: Some(a.limit),
        offset: Some(a.offset),
    })?;
    if a.json {
        print_json(&r)?;
    } else {
        println!("{} quotes", r.total);
        for q in &r.quotes {
            let who = match (q.speaker_id, &q.speaker_name) {
                (Some(id), Some(n)) => format!("{n} [{id}]"),
                (None, Some(n)) => n.clone(),
                _ => "(no speaker)".into(),
            };
            println!(
                "{:<10}  {:<28}  “{}”",
                opt(&q.date),
                cut(&who, 28),
                cut(&q.text, 90)
            );
            println!(
                "            {} {}",
                q.article_id,
                cut(opt(&q.article_title), 70)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BucketArg {
    Day,
    Month,
}

#[derive(Args, Debug)]
pub struct EntityArgs {
    /// A corpus entity id, or a name to look up (the entity in most articles is shown; the
    /// other matches are listed).
    entity: String,
    /// The store.
    #[arg(long)]
    db: PathBuf,
    /// Bucket for mentions over time.
    #[arg(long, value_enum, default_value_t = BucketArg::Month)]
    bucket: BucketArg,
    /// Only articles from this date, YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,
    /// Only articles up to this date.
    #[arg(long)]
    to: Option<String>,
    /// Co-occurring entities to list (max 1000).
    #[arg(long, default_value_t = 20)]
    cooccurring: u32,
    /// Latest quotes to list (max 1000).
    #[arg(long, default_value_t = 10)]
    quotes: u32,
    /// Print JSON instead of a summary.
    #[arg(long)]
    json: bool,
}

pub fn entity(a: EntityArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&a.db)?;
    let id = match a.entity.trim().parse::<i64>() {
        Ok(id) => id,
        Err(_) => {
            let found = store.entities(&EntityListParams {
                q: Some(a.entity.clone()),
                limit: Some(10),
                ..Default::default()
            })?;
            let Some(first) = found.entities.first() else {
                eprintln!("byline: no entity named {:?}", a.entity);
                return Ok(ExitCode::from(1));
            };
            if found.entities.len() > 1 && !a.json {
                let others: Vec<String> = found.entities[1..]
                    .iter()
                    .map(|e| format!("{} [{}] {}", e.name, e.id, e.etype))
                    .collect();
                eprintln!("byline: also matching: {}", others.join("; "));
            }
            first.id
        }
    };
    let page = store.entity(&EntityParams {
        id,
        bucket: Some(match a.bucket {
            BucketArg::Day => Bucket::Day,
            BucketArg::Month => Bucket::Month,
        }),
        from: a.from,
        to: a.to,
        cooccurring_limit: Some(a.cooccurring),
        quotes_limit: Some(a.quotes),
    })?;
    if a.json {
        print_json(&page)?;
        return Ok(ExitCode::SUCCESS);
    }
    let e = &page.entity;
    println!(
        "{} [{}] {}: {} articles, {} mentions, {} quotes (link confidence {:.2})",
        e.name, e.id, e.etype, e.articles, e.mentions, e.quotes, e.confidence
    );
    let aliases: Vec<String> = page
        .aliases
        .iter()
        .map(|al| format!("{} ({})", al.name, al.count))
        .collect();
    println!("aliases: {}", aliases.join(", "));
    println!("mentions over time:");
    let max = page
        .mentions_over_time
        .iter()
        .map(|t| t.mentions)
        .max()
        .unwrap_or(1)
        .max(1);
    for t in &page.mentions_over_time {
        let bar = "#".repeat(((t.mentions * 40).div_ceil(max)) as usize);
        println!("  {:<10} {:>6} {bar}", t.period, t.mentions);
    }
    println!("co-occurring:");
    for c in &page.cooccurring {
        println!("  {:>5}  {} [{}] {}", c.articles, c.name, c.id, c.etype);
    }
    println!("latest quotes:");
    for q in &page.latest_quotes {
        println!("  {:<10}  “{}”", opt(&q.date), cut(&q.text, 100));
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// The store.
    #[arg(long)]
    db: PathBuf,
    /// Events with an entity of this name (participant or place).
    #[arg(long)]
    entity: Option<String>,
    /// Events with this corpus entity (participant or place).
    #[arg(long)]
    entity_id: Option<i64>,
    /// Events at a place of this name.
    #[arg(long)]
    place: Option<String>,
    /// Events at this corpus entity.
    #[arg(long)]
    place_id: Option<i64>,
    /// Event type (meet, agree, attack, ...).
    #[arg(long = "type")]
    etype: Option<String>,
    /// Earliest event date, YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,
    /// Latest event date.
    #[arg(long)]
    to: Option<String>,
    /// Minimum confidence (0..1).
    #[arg(long)]
    min_confidence: Option<f64>,
    /// At most this many (max 1000).
    #[arg(long, default_value_t = 50)]
    limit: u32,
    /// Skip this many.
    #[arg(long, default_value_t = 0)]
    offset: u32,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn timeline(a: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&a.db)?;
    let r = store.timeline(&TimelineParams {
        entity_id: a.entity_id,
        entity: a.entity,
        place_id: a.place_id,
        place: a.place,
        etype: a.etype,
        from: a.from,
        to: a.to,
        min_confidence: a.min_confidence,
        limit: Some(a.limit),
        offset: Some(a.offset),
    })?;
    if a.json {
        print_json(&r)?;
    } else {
        println!("{} events", r.total);
        for e in &r.events {
            let who: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
            let place = e
                .place
                .as_ref()
                .map_or(String::new(), |p| format!(" @ {}", p.name));
            println!(
                "{:<10}  {:<9} {}{}  ({})",
                opt(&e.date),
                e.etype,
                who.join(", "),
                place,
                e.article_id
            );
            println!("            {}", cut(&e.sentence, 100));
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Json,
    Graphml,
}

#[derive(Args, Debug)]
pub struct GraphArgs {
    /// The store.
    #[arg(long)]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Json)]
    format: GraphFormat,
    /// Centre on this corpus entity.
    #[arg(long)]
    entity_id: Option<i64>,
    /// Only nodes of this type (PER, ORG, LOC, MISC).
    #[arg(long = "type")]
    etype: Option<String>,
    /// Only articles from this date, YYYY-MM-DD.
    #[arg(long)]
    from: Option<String>,
    /// Only articles up to this date.
    #[arg(long)]
    to: Option<String>,
    /// Only edges seen in at least this many articles.
    #[arg(long, default_value_t = 1)]
    min_weight: u32,
    /// At most this many nodes (max 1000).
    #[arg(long, default_value_t = 100)]
    limit: u32,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn graph(a: GraphArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&a.db)?;
    let g = store.graph(&GraphParams {
        entity_id: a.entity_id,
        etype: a.etype,
        from: a.from,
        to: a.to,
        min_weight: Some(a.min_weight),
        limit: Some(a.limit),
    })?;
    let text = match a.format {
        GraphFormat::Json => serde_json::to_string_pretty(&g)? + "\n",
        GraphFormat::Graphml => g.to_graphml(),
    };
    match &a.output {
        Some(p) => {
            std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display()))?
        }
        None => io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportArg {
    Parquet,
    Jsonl,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Folder to write one file per table into (created if missing).
    out: PathBuf,
    /// The store.
    #[arg(long)]
    db: PathBuf,
    /// File format.
    #[arg(long, value_enum, default_value_t = ExportArg::Parquet)]
    format: ExportArg,
    /// No summary.
    #[arg(short, long)]
    quiet: bool,
}

pub fn export(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&a.db)?;
    let start = Instant::now();
    let r = store.export(
        &a.out,
        match a.format {
            ExportArg::Parquet => ExportFormat::Parquet,
            ExportArg::Jsonl => ExportFormat::Jsonl,
        },
    )?;
    if !a.quiet {
        for t in &r.tables {
            eprintln!("byline: {:>10} rows  {}", t.rows, t.path.display());
        }
        eprintln!("byline: exported in {:.2} s", start.elapsed().as_secs_f64());
    }
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------------
// bench-store

#[derive(Args, Debug)]
pub struct BenchStoreArgs {
    /// The store.
    #[arg(long)]
    db: PathBuf,
    /// Queries of each kind.
    #[arg(long, default_value_t = 200)]
    queries: usize,
}

fn percentiles(mut v: Vec<Duration>) -> (f64, f64, f64) {
    v.sort();
    let at = |p: f64| {
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    (at(0.5), at(0.99), at(1.0))
}

/// Query latencies (p50/p99) on a store: searches for entity names and common words, quote
/// lookups by speaker, entity pages.
pub fn bench_store(a: BenchStoreArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&a.db)?;
    let stats = store.stats()?;
    let size = std::fs::metadata(&a.db).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "byline bench-store: {} articles, {} entities, {} mentions, {} quotes, {:.1} MB ({:.2} MB per 1k articles)",
        stats.articles,
        stats.entities,
        stats.mentions,
        stats.quotes,
        size as f64 / 1e6,
        size as f64 / 1e6 / (stats.articles.max(1) as f64 / 1000.0)
    );
    let top = store.entities(&EntityListParams {
        limit: Some(a.queries.min(1000) as u32),
        ..Default::default()
    })?;
    if top.entities.is_empty() {
        bail!("{}: the store has no entities", a.db.display());
    }
    let words = [
        "said",
        "minister",
        "council",
        "bridge",
        "police",
        "court",
        "government",
        "election",
        "storm",
        "match",
        "shares",
        "hospital",
        "talks",
        "agreed",
        "budget",
        "harbour",
    ];
    let mut lat = Vec::new();
    for i in 0..a.queries {
        let e = &top.entities[i % top.entities.len()];
        let q = if i % 2 == 0 {
            e.name.clone()
        } else {
            format!(
                "{} {}",
                words[i % words.len()],
                words[(i / 2) % words.len()]
            )
        };
        let t = Instant::now();
        store.search(&SearchParams {
            q: Some(q),
            ..Default::default()
        })?;
        lat.push(t.elapsed());
    }
    let (p50, p99, max) = percentiles(lat);
    println!("search (limit 20, with total)   p50 {p50:.2} ms  p99 {p99:.2} ms  max {max:.2} ms");
    let mut lat = Vec::new();
    for i in 0..a.queries {
        let e = &top.entities[i % top.entities.len()];
        let t = Instant::now();
        store.search(&SearchParams {
            entity_id: Some(e.id),
            from: Some("2021-01-01".into()),
            to: Some("2024-12-31".into()),
            ..Default::default()
        })?;
        lat.push(t.elapsed());
    }
    let (p50, p99, max) = percentiles(lat);
    println!("search by entity + date range    p50 {p50:.2} ms  p99 {p99:.2} ms  max {max:.2} ms");
    let mut lat = Vec::new();
    for i in 0..a.queries {
        let e = &top.entities[i % top.entities.len()];
        let t = Instant::now();
        store.quotes(&QuoteParams {
            speaker: Some(e.name.clone()),
            ..Default::default()
        })?;
        lat.push(t.elapsed());
    }
    let (p50, p99, max) = percentiles(lat);
    println!("quotes by speaker name           p50 {p50:.2} ms  p99 {p99:.2} ms  max {max:.2} ms");
    let mut lat = Vec::new();
    for i in 0..a.queries.min(100) {
        let e = &top.entities[i % top.entities.len()];
        let t = Instant::now();
        store.entity(&EntityParams {
            id: e.id,
            ..Default::default()
        })?;
        lat.push(t.elapsed());
    }
    let (p50, p99, max) = percentiles(lat);
    println!("entity page                      p50 {p50:.2} ms  p99 {p99:.2} ms  max {max:.2} ms");
    Ok(ExitCode::SUCCESS)
}
