//! `mottak conformance DIR`: agreement with the official verdicts of the conformance corpus.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use mottak_en16931::conformance::{Summary, floor_one_decimal, run as run_corpus};

#[derive(clap::Args)]
pub(crate) struct ConformanceArgs {
    /// The corpus folder holding manifest.tsv (e.g. ../shared/conformance).
    dir: PathBuf,
    /// Exit 1 when the overall agreement (percent) is below this.
    #[arg(long)]
    min_agreement: Option<f64>,
    /// Write the achieved overall agreement, rounded down to one decimal, to this file.
    #[arg(long)]
    write_ratchet: Option<PathBuf>,
    /// Do not list the disagreements.
    #[arg(long)]
    quiet: bool,
}

pub(crate) fn run(args: &ConformanceArgs) -> anyhow::Result<ExitCode> {
    let summary = run_corpus(&args.dir)
        .with_context(|| format!("running the corpus in {}", args.dir.display()))?;
    print(&summary, args.quiet);
    let overall = summary.overall().percent();
    if let Some(path) = &args.write_ratchet {
        std::fs::write(path, format!("{:.1}\n", floor_one_decimal(overall)))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(min) = args.min_agreement
        && overall < min
    {
        eprintln!("agreement {overall:.1} % is below the required {min:.1} %");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn print(summary: &Summary, quiet: bool) {
    println!("{:<45} {:>11} {:>7}", "set", "passed", "%");
    for (set, tally) in summary.per_set() {
        println!(
            "{set:<45} {:>11} {:>6.1}%",
            format!("{}/{}", tally.passed, tally.total),
            tally.percent()
        );
    }
    let overall = summary.overall();
    println!(
        "agreement: {}/{} ({:.1} %)",
        overall.passed,
        overall.total,
        overall.percent()
    );
    let positive = summary.positive_only();
    println!(
        "agreement on error/warning tests and examples only: {}/{} ({:.1} %)",
        positive.passed,
        positive.total,
        positive.percent()
    );
    if quiet {
        return;
    }
    for o in summary.outcomes.iter().filter(|o| !o.agree) {
        println!(
            "DISAGREE {}\texpected {}\tgot {}",
            o.file, o.expected, o.got
        );
    }
}
