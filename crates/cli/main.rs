//! `byline`: turn news articles into verifiable structured data.
//!
//! Exit status: 0 when every input produced a record, 1 when the run finished but some inputs
//! were rejected (each named on stderr), 2 on a usage error or a fatal error (output that
//! cannot be written). A closed pipe on stdout ends the run quietly with status 0.

mod attribution;
mod bench;
mod corpus;
mod extract;
mod ner;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn news articles into verifiable structured data: clean text, entities, who said what,
/// times, numbers and events, every fact with code-point offsets into the text.
#[derive(Parser, Debug)]
#[command(name = "byline", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_CODES: &str = "Exit status: 0 every input produced a record; 1 some inputs were rejected (named on stderr); 2 usage or fatal error.";

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract records from articles (text, JSONL, HTML, gzip), files or directories.
    Extract(extract::ExtractArgs),
    /// Show the pipeline's stages and the layers each requires and produces.
    Pipeline {
        /// Print the table of stages.
        #[arg(long)]
        explain: bool,
    },
    /// Measure throughput (words/s) on one thread and on all cores over >= 10 MB of articles.
    Bench(bench::BenchArgs),
    /// Train a model (`byline train ner|attribution --train PATH --dev PATH -o MODEL`).
    #[command(subcommand)]
    Train(ner::TrainWhat),
    /// Evaluate a model (`byline eval ner --conll PATH`).
    #[command(subcommand)]
    Eval(ner::EvalWhat),
    /// Tag a CoNLL file: each token line with the predicted NER tag appended.
    Tag(ner::TagArgs),
    /// Store articles (run through the pipeline) or byline/1 records in a corpus store.
    Ingest(corpus::IngestArgs),
    /// Full-text search of the store's articles, with date, publisher and entity filters.
    Search(corpus::SearchArgs),
    /// The quote bank: quotes by speaker, words and date.
    Quotes(corpus::QuotesArgs),
    /// An entity page: aliases, mentions over time, co-occurring entities, latest quotes.
    Entity(corpus::EntityArgs),
    /// Events of an entity or at a place, in date order.
    Timeline(corpus::TimelineArgs),
    /// The entity co-occurrence graph as JSON or GraphML.
    Graph(corpus::GraphArgs),
    /// Export the store, one Parquet or JSONL file per table.
    Export(corpus::ExportArgs),
    /// Query latencies (p50/p99) on a store.
    #[command(hide = true)]
    BenchStore(corpus::BenchStoreArgs),
    /// Serve a corpus store over HTTP: JSON API, OpenAPI document, web page.
    Serve(serve::ServeArgs),
    /// Load-test a running `byline serve` (bounded client; latency percentiles).
    #[command(hide = true)]
    BenchHttp(serve::BenchHttpArgs),
}

fn main() -> ExitCode {
    // Panics inside a stage are caught per document and reported as that document's error;
    // keep the default hook from printing a backtrace-style message as well.
    std::panic::set_hook(Box::new(|_| {}));
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Pipeline { explain: _ } => explain(),
        Command::Bench(args) => bench::run(args),
        Command::Train(ner::TrainWhat::Ner(args)) => ner::train(args),
        Command::Train(ner::TrainWhat::Attribution(args)) => attribution::run(args),
        Command::Train(ner::TrainWhat::ReportFilter(args)) => attribution::run_filter(args),
        Command::Eval(what) => ner::eval(what),
        Command::Tag(args) => ner::tag(args),
        Command::Ingest(args) => corpus::ingest(args),
        Command::Search(args) => corpus::search(args),
        Command::Quotes(args) => corpus::quotes(args),
        Command::Entity(args) => corpus::entity(args),
        Command::Timeline(args) => corpus::timeline(args),
        Command::Graph(args) => corpus::graph(args),
        Command::Export(args) => corpus::export(args),
        Command::BenchStore(args) => corpus::bench_store(args),
        Command::Serve(args) => serve::serve(args),
        Command::BenchHttp(args) => serve::bench_http(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("byline: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn explain() -> anyhow::Result<ExitCode> {
    let p = byline_pipeline::Pipeline::default();
    println!("{:<12} {:<50} produces", "stage", "requires");
    for s in p.explain() {
        println!(
            "{:<12} {:<50} {}",
            s.name,
            s.requires.join(", "),
            s.produces.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
