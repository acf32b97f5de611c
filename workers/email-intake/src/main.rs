//! The `mottak-email-intake` worker: consumes raw e-mail messages and runs the intake stage
//! (see `mottak_pipeline::worker`, `mottak_email` and ARCHITECTURE.md).

use mottak_pipeline::Settings;
use mottak_pipeline::worker::{self, StageKind};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    mottak_pipeline::telemetry::init();
    let settings = Settings::load()?;
    worker::run(
        settings,
        StageKind::EmailIntake,
        mottak_pipeline::telemetry::shutdown_signal(),
    )
    .await?;
    Ok(())
}
