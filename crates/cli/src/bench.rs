//! `mottak bench`: end-to-end throughput through the real broker, database and worker
//! processes, and the raw broker ceiling for the same hop count and message size.
//!
//! It spawns the three worker binaries (from the directory of this executable) on a fresh
//! queue prefix and a fresh database, publishes N generated invoices with publisher
//! confirms, and listens to the `ledger.posted` events on the ERP queue: throughput is
//! N ÷ (last event − first publish), latency is event arrival − ingest time per invoice.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use futures_util::StreamExt;
use lapin::options::{BasicAckOptions, QueueDeclareOptions, QueueDeleteOptions};
use mottak_pipeline::Settings;
use mottak_pipeline::bus::{self, Envelope, Publisher, Topology};
use mottak_pipeline::messages::{Channel, RawDocument};
use mottak_pipeline::synthetic::{self, Spec};

#[derive(clap::Args, Debug)]
pub(crate) struct BenchArgs {
    /// Number of invoices to push through.
    #[arg(long, default_value_t = 5000)]
    invoices: usize,
    /// Lines per invoice (10 lines ≈ 15 KB).
    #[arg(long, default_value_t = 10)]
    lines: usize,
    /// Embed a PDF attachment of this many KiB in every invoice.
    #[arg(long, default_value_t = 0)]
    attachment_kb: usize,
    /// Offer the invoices at this rate (invoices/s) instead of all at once, to measure
    /// latency below saturation.
    #[arg(long)]
    rate: Option<u32>,
    /// Skip the raw broker ceiling measurement.
    #[arg(long)]
    no_ceiling: bool,
    /// Keep the bench database and queues afterwards.
    #[arg(long)]
    keep: bool,
    /// Give up waiting after this many seconds.
    #[arg(long, default_value_t = 600)]
    timeout_s: u64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// Peak resident memory (VmHWM) of a process, in KiB, from /proc.
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn worker_binary(name: &str) -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe().context("locating this executable")?;
    let dir = exe.parent().context("executable has no directory")?;
    let path = dir.join(name);
    if !path.exists() {
        bail!(
            "{} not found next to mottak: build the workers first (cargo build --release --bins)",
            path.display()
        );
    }
    Ok(path)
}

pub(crate) async fn run(settings: &Settings, args: BenchArgs) -> anyhow::Result<()> {
    if args.invoices == 0 {
        bail!("--invoices must be at least 1");
    }
    let tag = format!("{}", mottak_pipeline::now_us());
    let mut bench = settings.clone();
    bench.queue_prefix = format!("bench-{tag}");
    bench.database_url = mottak_pipeline::store::with_database(
        &settings.database_url,
        &format!("mottak_bench_{tag}"),
    );
    bench.erp_queue = true;
    let spec = Spec {
        lines: args.lines,
        attachment_kb: args.attachment_kb,
    };
    eprintln!(
        "generating {} invoices ({} lines, attachment {} KiB)...",
        args.invoices, args.lines, args.attachment_kb
    );
    let documents: Vec<Vec<u8>> = (0..args.invoices)
        .map(|seq| synthetic::invoice(&tag, seq, &bench.receiver_org, &bench.receiver_name, spec))
        .collect();
    let avg_size = documents.iter().map(Vec::len).sum::<usize>() / documents.len();
    eprintln!("average document size {:.1} KB", avg_size as f64 / 1000.0);

    // The store and topology first, so the workers find them and the events have a queue.
    let store = mottak_pipeline::store::Store::open(&bench.database_url, 2)
        .await
        .context("bench database")?;
    let connection = bus::connect(&bench, "mottak-bench")
        .await
        .context("connecting to RabbitMQ")?;
    let setup = connection.create_channel().await?;
    let topology = bus::declare_topology(&setup, &bench).await?;
    let publisher = Publisher::new(&connection, topology.clone()).await?;

    let mut children = Vec::new();
    for name in ["mottak-ehf-receiver", "mottak-validator", "mottak-poster"] {
        let child = tokio::process::Command::new(worker_binary(name)?)
            .env("MOTTAK_DATABASE_URL", &bench.database_url)
            .env("MOTTAK_AMQP_URL", &bench.amqp_url)
            .env("MOTTAK_QUEUE_PREFIX", &bench.queue_prefix)
            .env(
                "RUST_LOG",
                std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()),
            )
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        children.push((name, child));
    }
    wait_for_consumers(&connection, &topology).await?;

    // Count ledger.posted events as they arrive.
    let (events_channel, mut events) = bus::consume(
        &connection,
        &topology.erp_queue(),
        1000,
        "mottak-bench-events",
    )
    .await?;
    let n = args.invoices;
    let timeout = Duration::from_secs(args.timeout_s);
    let listener = tokio::spawn(async move {
        let mut seen = HashSet::with_capacity(n);
        let mut latencies_ms = Vec::with_capacity(n);
        let deadline = tokio::time::Instant::now() + timeout;
        while seen.len() < n {
            let Ok(Some(Ok(delivery))) = tokio::time::timeout_at(deadline, events.next()).await
            else {
                break;
            };
            let now = mottak_pipeline::now_us();
            if let Ok(event) = serde_json::from_slice::<serde_json::Value>(&delivery.data) {
                let doc = event["document_id"].as_str().unwrap_or_default().to_owned();
                let ingested = event["ingested_us"].as_i64().unwrap_or(now);
                if seen.insert(doc) {
                    latencies_ms.push((now - ingested) as f64 / 1000.0);
                }
            }
            let _ = delivery.acker.ack(BasicAckOptions::default()).await;
        }
        (seen.len(), latencies_ms, Instant::now())
    });

    let started = Instant::now();
    // Unpaced: chunks of 250 as fast as the broker confirms. Paced: chunks of about 50 ms
    // worth, each published when the schedule says its first invoice is due.
    let chunk_size = args.rate.map_or(250, |r| (r as usize / 20).max(1));
    for (chunk_no, chunk) in documents.chunks(chunk_size).enumerate() {
        if let Some(rate) = args.rate.filter(|r| *r > 0) {
            let first = (chunk_no * chunk_size) as f64;
            let due = started + Duration::from_secs_f64(first / f64::from(rate));
            tokio::time::sleep_until(due.into()).await;
        }
        let envelopes: Vec<Envelope> = chunk
            .iter()
            .enumerate()
            .map(|(i, bytes)| {
                bus::raw_document(
                    &topology,
                    &RawDocument {
                        document_id: mottak_pipeline::new_document_id(),
                        channel: Channel::Ehf,
                        source_name: Some(format!("bench-{}", chunk_no * chunk_size + i)),
                        ingested_us: mottak_pipeline::now_us(),
                        bytes: bytes.clone(),
                    },
                )
            })
            .collect();
        publisher.publish_all(&envelopes).await?;
    }
    let published = started.elapsed();
    let (posted, mut latencies, finished) = listener.await.context("event listener")?;
    let elapsed = finished.duration_since(started);
    let _ = events_channel.close(200, "done".into()).await;

    let mut peaks = Vec::new();
    for (name, child) in &mut children {
        let peak = child.id().and_then(peak_rss_kb).unwrap_or(0);
        peaks.push((*name, peak));
        let _ = child.start_kill();
    }
    for (_, child) in &mut children {
        let _ = child.wait().await;
    }
    let counts = store.counts().await?;
    let entries = store.entries_per_document().await?;
    let balance = store.trial_balance().await?;

    latencies.sort_by(f64::total_cmp);
    let per_s = posted as f64 / elapsed.as_secs_f64();
    let p50 = percentile(&latencies, 50.0);
    let p99 = percentile(&latencies, 99.0);
    let lost = n.saturating_sub(posted);
    println!(
        "published {n} invoices in {:.2} s ({:.0}/s, confirmed)",
        published.as_secs_f64(),
        n as f64 / published.as_secs_f64()
    );
    println!(
        "posted {posted} in {:.2} s: {per_s:.0} invoices/s; latency p50 {p50:.1} ms, p99 {p99:.1} ms",
        elapsed.as_secs_f64()
    );
    println!(
        "store: {} journal entries ({} documents with more than one), trial balance {balance}; states {:?}",
        entries.len(),
        entries.iter().filter(|(_, k)| *k != 1).count(),
        counts
            .iter()
            .filter(|(_, k)| *k > 0)
            .map(|(s, k)| format!("{s}={k}"))
            .collect::<Vec<_>>()
    );
    for (name, peak) in &peaks {
        println!("peak memory {name}: {:.1} MiB", *peak as f64 / 1024.0);
    }

    let ceiling = if args.no_ceiling {
        None
    } else {
        let payload = documents.first().cloned().unwrap_or_default();
        Some(ceiling(&bench, &connection, &payload, n.min(20_000)).await?)
    };
    if let Some(c) = ceiling {
        println!(
            "raw broker ceiling, same 4 confirmed hops and size: {c:.0} messages/s end to end (pipeline at {:.0} %)",
            per_s / c * 100.0
        );
    }

    if !args.keep {
        let channel = connection.create_channel().await?;
        for q in topology.all_queues() {
            let _ = channel
                .queue_delete(q.into(), QueueDeleteOptions::default())
                .await;
        }
        for exchange in [topology.events(), topology.dlx()] {
            let _ = channel
                .exchange_delete(exchange.into(), Default::default())
                .await;
        }
        store.close().await;
        use sqlx_drop::drop_database;
        drop_database(&bench.database_url).await;
    }
    let _ = connection.close(200, "done".into()).await;
    let peak_json: serde_json::Map<String, serde_json::Value> = peaks
        .iter()
        .map(|(name, kb)| ((*name).to_owned(), serde_json::Value::from(*kb)))
        .collect();
    println!(
        "{}",
        serde_json::json!({
            "invoices": n,
            "invoices_per_s": (per_s * 10.0).round() / 10.0,
            "p50_ms": (p50 * 10.0).round() / 10.0,
            "p99_ms": (p99 * 10.0).round() / 10.0,
            "lost": lost,
            "ceiling_per_s": ceiling.map(|c| (c * 10.0).round() / 10.0),
            "attachment_kb": args.attachment_kb,
            "avg_document_bytes": avg_size,
            "peak_rss_kb": peak_json,
        })
    );
    if lost > 0 {
        bail!(
            "{lost} invoice(s) did not reach the ledger within {} s",
            args.timeout_s
        );
    }
    Ok(())
}

/// Wait until each work queue has its worker consuming.
async fn wait_for_consumers(
    connection: &lapin::Connection,
    topology: &Topology,
) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mut ready = 0;
        for queue in topology.work_queues() {
            let channel = connection.create_channel().await?;
            let passive = QueueDeclareOptions {
                passive: true,
                ..QueueDeclareOptions::default()
            };
            if let Ok(q) = channel
                .queue_declare(queue.into(), passive, Default::default())
                .await
                && q.consumer_count() > 0
            {
                ready += 1;
            }
            let _ = channel.close(200, "probe".into()).await;
        }
        if ready == 3 {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("the workers did not start consuming within 60 s (see their logs above)");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Messages/s through the same number of confirmed hops (ingest publish + three
/// pass-through stages that consume, publish confirmed and ack in batches), with the same
/// queue type and payload size, and no work in between: the broker's own limit here.
async fn ceiling(
    settings: &Settings,
    connection: &lapin::Connection,
    payload: &[u8],
    n: usize,
) -> anyhow::Result<f64> {
    let prefix = format!("{}.ceiling", settings.queue_prefix);
    let queues: Vec<String> = (0..4).map(|i| format!("{prefix}.q{i}")).collect();
    let setup = connection.create_channel().await?;
    let mut args = lapin::types::FieldTable::default();
    if settings.queue_type == mottak_pipeline::config::QueueType::Quorum {
        args.insert(
            "x-queue-type".into(),
            lapin::types::AMQPValue::LongString("quorum".into()),
        );
    }
    for q in &queues {
        setup
            .queue_declare(
                q.clone().into(),
                QueueDeclareOptions {
                    durable: true,
                    ..Default::default()
                },
                args.clone(),
            )
            .await?;
    }
    let mut tasks = Vec::new();
    for hop in 0..3 {
        let (from, to) = (queues[hop].clone(), queues[hop + 1].clone());
        let settings = settings.clone();
        tasks.push(tokio::spawn(async move {
            pass_through(&settings, &from, &to, n).await
        }));
    }
    let (count_channel, mut sink) =
        bus::consume(connection, &queues[3], 1000, "ceiling-sink").await?;
    let publisher = Publisher::new(connection, Topology::new(&prefix)).await?;
    let started = Instant::now();
    for chunk in (0..n).collect::<Vec<_>>().chunks(250) {
        let envelopes: Vec<Envelope> = chunk
            .iter()
            .map(|i| Envelope {
                exchange: String::new(),
                routing_key: queues[0].clone(),
                body: payload.to_vec(),
                properties: bus::persistent(
                    &format!("c{i}"),
                    "application/octet-stream",
                    Default::default(),
                ),
            })
            .collect();
        publisher.publish_all(&envelopes).await?;
    }
    let mut received = 0;
    while received < n {
        match tokio::time::timeout(Duration::from_secs(60), sink.next()).await {
            Ok(Some(Ok(delivery))) => {
                received += 1;
                let _ = delivery.acker.ack(BasicAckOptions::default()).await;
            }
            _ => bail!("ceiling run stalled after {received} messages"),
        }
    }
    let rate = n as f64 / started.elapsed().as_secs_f64();
    let _ = count_channel.close(200, "done".into()).await;
    for task in tasks {
        task.abort();
    }
    for q in &queues {
        let _ = setup
            .queue_delete(q.clone().into(), QueueDeleteOptions::default())
            .await;
    }
    Ok(rate)
}

async fn pass_through(settings: &Settings, from: &str, to: &str, n: usize) -> anyhow::Result<()> {
    let connection = bus::connect(settings, "mottak-bench-ceiling").await?;
    let publisher = Publisher::new(&connection, Topology::new(&settings.queue_prefix)).await?;
    let (_channel, mut consumer) =
        bus::consume(&connection, from, settings.prefetch, "ceiling").await?;
    let mut done = 0;
    while done < n {
        let Some(Ok(first)) = consumer.next().await else {
            break;
        };
        let mut batch = vec![first];
        let deadline = tokio::time::Instant::now() + Duration::from_millis(settings.batch_wait_ms);
        while batch.len() < settings.batch_size {
            match tokio::time::timeout_at(deadline, consumer.next()).await {
                Ok(Some(Ok(d))) => batch.push(d),
                _ => break,
            }
        }
        let envelopes: Vec<Envelope> = batch
            .iter()
            .map(|d| Envelope {
                exchange: String::new(),
                routing_key: to.to_owned(),
                body: d.data.clone(),
                properties: d.properties.clone(),
            })
            .collect();
        publisher.publish_all(&envelopes).await?;
        for d in &batch {
            let _ = d.acker.ack(BasicAckOptions::default()).await;
        }
        done += batch.len();
    }
    Ok(())
}

mod sqlx_drop {
    /// Remove the bench database (best effort).
    pub(super) async fn drop_database(url: &str) {
        use sqlx::migrate::MigrateDatabase;
        if let Err(err) = sqlx::Any::force_drop_database(url).await {
            eprintln!("could not drop the bench database: {err}");
        }
    }
}
