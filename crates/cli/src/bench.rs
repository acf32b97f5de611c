pub(crate) async fn run(_s: &mottak_pipeline::Settings, _a: BenchArgs) -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
#[derive(clap::Args)]
pub(crate) struct BenchArgs {}
