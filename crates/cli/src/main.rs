//! `mottak`: hand documents to the pipeline, look at its state, or run it all in-process.

mod bench;
mod conformance;
mod files;
mod maildir;
mod process;
mod validate;

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use mottak_pipeline::Settings;
use mottak_pipeline::bus::{self, Publisher};
use mottak_pipeline::messages::RawDocument;
use mottak_pipeline::store::{DocState, Store};

#[derive(Parser)]
#[command(
    name = "mottak",
    version,
    about = "Inbound supplier invoices: EHF / Peppol BIS Billing 3.0 into the ledger"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Publish documents (files, or every .xml and .eml under a directory) to the broker for
    /// the workers: EHF to the EHF receiver, e-mail messages to the e-mail intake. A
    /// document's id is derived from its bytes: ingesting a file again is a no-op.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Publish every new message of a Maildir (DIR/new) to the e-mail intake, moving each to
    /// DIR/cur only once the broker has confirmed it. Runs until interrupted.
    WatchMaildir(maildir::WatchArgs),
    /// Count documents per state (and messages waiting or dead-lettered on the broker).
    Status {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// List returned (rejected) invoices with their reasons; `--all` adds set-aside documents
    /// and e-mailed invoices awaiting capture by a clerk.
    Rejections {
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// The embedded main job: run every stage in-process on the given files (no broker, a
    /// SQLite ledger file) and print one line per document and a summary.
    Process {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// The SQLite ledger file (created when missing). Invoices already posted to it are
        /// recognised as duplicates on later runs.
        #[arg(long, default_value = "mottak-ledger.sqlite")]
        ledger: PathBuf,
    },
    /// End-to-end throughput through the real broker and database (see README).
    Bench(bench::BenchArgs),
    /// Check documents against the official EN16931 / Peppol BIS Billing 3.0 rules
    /// (exit 0 all valid, 1 any invalid, 2 unusable input).
    Validate(validate::ValidateArgs),
    /// Agreement with the official verdicts of a conformance corpus (DIR/manifest.tsv).
    Conformance(conformance::ConformanceArgs),
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    mottak_pipeline::telemetry::init_cli();
    let cli = Cli::parse();
    // The rule checks need neither configuration nor services.
    let result = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Conformance(args) => conformance::run(&args),
        command => run(Cli { command }).await,
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mottak: {err:#}");
            std::process::ExitCode::from(2)
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    let settings = Settings::load()?;
    match cli.command {
        Command::Ingest { paths } => ingest(&settings, &paths).await?,
        Command::WatchMaildir(args) => maildir::watch(&settings, &args).await?,
        Command::Status { format } => status(&settings, format).await?,
        Command::Rejections { all, format } => rejections(&settings, all, format).await?,
        Command::Process {
            paths,
            format,
            ledger,
        } => process::run(&settings, &paths, format == Format::Json, &ledger).await?,
        Command::Bench(args) => bench::run(&settings, args).await?,
        Command::Validate(args) => return validate::run(&args),
        Command::Conformance(args) => return conformance::run(&args),
    }
    Ok(std::process::ExitCode::SUCCESS)
}

async fn ingest(settings: &Settings, paths: &[PathBuf]) -> anyhow::Result<()> {
    let files = files::collect(paths)?;
    let connection = bus::connect(settings, "mottak-ingest")
        .await
        .context("connecting to RabbitMQ")?;
    let channel = connection.create_channel().await?;
    let topology = bus::declare_topology(&channel, settings).await?;
    let publisher = Publisher::new(&connection, topology.clone()).await?;
    let mut envelopes = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        // The id comes from the bytes, so running `ingest` again after a failure (or on a
        // folder that has grown) hands over each document only once.
        let raw = RawDocument {
            document_id: mottak_pipeline::content_document_id(&bytes),
            channel: files::channel_of(file, &bytes),
            source_name: Some(file.display().to_string()),
            ingested_us: mottak_pipeline::now_us(),
            bytes,
        };
        println!("{}\t{}", raw.document_id, file.display());
        envelopes.push(bus::raw_document(&topology, &raw));
    }
    publisher.publish_all(&envelopes).await?;
    let to_email = envelopes
        .iter()
        .filter(|e| e.routing_key == topology.email_inbound())
        .count();
    eprintln!(
        "ingested {} document(s): {} to {}, {} to {}",
        envelopes.len(),
        envelopes.len() - to_email,
        topology.ehf_inbound(),
        to_email,
        topology.email_inbound()
    );
    let _ = connection.close(200, "done".into()).await;
    Ok(())
}

async fn status(settings: &Settings, format: Format) -> anyhow::Result<()> {
    let store = Store::open(&settings.database_url, 1)
        .await
        .context("opening the store")?;
    let counts = store.counts().await?;
    let balance = store.trial_balance().await?;
    let queues = queue_depths(settings).await;
    if format == Format::Json {
        let states: serde_json::Map<String, serde_json::Value> = counts
            .iter()
            .map(|(s, n)| (s.as_str().to_owned(), (*n).into()))
            .collect();
        let queues: serde_json::Map<String, serde_json::Value> = queues
            .iter()
            .map(|(q, n)| (q.clone(), (*n).into()))
            .collect();
        println!(
            "{}",
            serde_json::json!({"states": states, "trial_balance_minor": balance, "queues": queues})
        );
        return Ok(());
    }
    for (state, n) in &counts {
        println!("{:<12} {n}", state.as_str());
    }
    println!("trial balance: {} (minor units; 0 = balanced)", balance);
    for (queue, n) in &queues {
        println!("queue {queue}: {n} message(s)");
    }
    Ok(())
}

/// Messages waiting in each queue, best effort (the broker may be down).
async fn queue_depths(settings: &Settings) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let Ok(Ok(connection)) = tokio::time::timeout(
        std::time::Duration::from_secs(3),
        bus::connect(settings, "mottak-status"),
    )
    .await
    else {
        return out;
    };
    let topology = bus::Topology::new(&settings.queue_prefix);
    let queues = topology.all_queues();
    for queue in queues {
        // A passive declare fails (and closes the channel) for a missing queue.
        let Ok(channel) = connection.create_channel().await else {
            break;
        };
        let passive = lapin::options::QueueDeclareOptions {
            passive: true,
            ..Default::default()
        };
        if let Ok(q) = channel
            .queue_declare(queue.clone().into(), passive, Default::default())
            .await
        {
            out.push((queue, q.message_count()));
        }
    }
    let _ = connection.close(200, "done".into()).await;
    out
}

async fn rejections(settings: &Settings, all: bool, format: Format) -> anyhow::Result<()> {
    let store = Store::open(&settings.database_url, 1)
        .await
        .context("opening the store")?;
    let mut rows = store.documents(Some(DocState::Rejected)).await?;
    if all {
        rows.extend(store.documents(Some(DocState::SetAside)).await?);
        rows.extend(store.documents(Some(DocState::AwaitingCapture)).await?);
    }
    for row in rows {
        if format == Format::Json {
            println!("{}", serde_json::to_string(&row)?);
            continue;
        }
        println!(
            "{} {} {} {} [{}] {}",
            row.state,
            row.id,
            row.source_name.as_deref().unwrap_or("-"),
            row.invoice_number.as_deref().unwrap_or("-"),
            row.supplier_name.as_deref().unwrap_or("-"),
            row.stage.as_deref().unwrap_or("-"),
        );
        for reason in row.reasons.iter().filter(|r| r.is_fatal()) {
            println!("    {} ({}): {}", reason.rule, reason.code, reason.message);
        }
    }
    Ok(())
}
