//! `mottak watch-maildir`: feed a Maildir to the e-mail intake until interrupted (see
//! `mottak_pipeline::maildir` for the delivery guarantee).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use mottak_pipeline::Settings;
use mottak_pipeline::bus::{self, Publisher};
use mottak_pipeline::maildir;

#[derive(clap::Args)]
pub(crate) struct WatchArgs {
    /// The Maildir (with `new/`, `cur/` and `tmp/`).
    dir: PathBuf,
    /// Publish what is in `new/` now, then exit (for cron or tests).
    #[arg(long)]
    once: bool,
    /// How often to look for new messages.
    #[arg(long, default_value = "1000")]
    interval_ms: u64,
    /// Messages published (and confirmed) per round.
    #[arg(long, default_value = "100")]
    batch: usize,
}

pub(crate) async fn watch(settings: &Settings, args: &WatchArgs) -> anyhow::Result<()> {
    maildir::prepare(&args.dir)?;
    let connection = bus::connect(settings, "mottak-watch-maildir")
        .await
        .context("connecting to RabbitMQ")?;
    let channel = connection.create_channel().await?;
    let topology = bus::declare_topology(&channel, settings).await?;
    let publisher = Publisher::new(&connection, topology.clone()).await?;
    tracing::info!(dir = %args.dir.display(), queue = %topology.email_inbound(), "watching Maildir");
    let mut total = 0usize;
    loop {
        match maildir::publish_new(&args.dir, &publisher, &topology, args.batch).await {
            Ok(n) => total += n,
            // What was not confirmed stays in new/ and is published on the next round.
            Err(err) if !args.once => {
                tracing::warn!(error = %err, "Maildir round failed; will retry")
            }
            Err(err) => return Err(err.into()),
        }
        if args.once {
            break;
        }
        tokio::select! {
            _ = tokio::signal::ctrl_c() => break,
            () = tokio::time::sleep(Duration::from_millis(args.interval_ms)) => {}
        }
    }
    eprintln!(
        "published {total} message(s) from {} to {}",
        args.dir.join("new").display(),
        topology.email_inbound()
    );
    let _ = connection.close(200, "done".into()).await;
    Ok(())
}
