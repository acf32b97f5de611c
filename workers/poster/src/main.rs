//! The `mottak-poster` worker: consumes its queue and runs the poster stage
//! (see `mottak_pipeline::worker` and ARCHITECTURE.md).

use mottak_pipeline::Settings;
use mottak_pipeline::worker::{self, StageKind};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    mottak_pipeline::telemetry::init();
    let settings = Settings::load()?;
    worker::run(
        settings,
        StageKind::Poster,
        mottak_pipeline::telemetry::shutdown_signal(),
    )
    .await?;
    Ok(())
}
