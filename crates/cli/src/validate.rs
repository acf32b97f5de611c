//! `mottak validate`: judge documents against the official EN16931 / Peppol BIS rules.
//!
//! Exit status: 0 when every document is valid (no fatal rule fired), 1 when any is invalid,
//! 2 when any input could not be read as a UBL Invoice or CreditNote at all.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use mottak_en16931::{Flag, Kind, Report, clerk_message, rule};

use crate::Format;

#[derive(clap::Args)]
pub(crate) struct ValidateArgs {
    /// Files, or directories to search for .xml files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Also time the validation: median microseconds per document over the given files.
    #[arg(long)]
    bench: bool,
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Invoice => "Invoice",
        Kind::CreditNote => "CreditNote",
    }
}

/// One line of `--format json`, fields in the documented order.
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    file: &'a str,
    document: &'a str,
    valid: bool,
    fatal: BTreeMap<&'a str, u32>,
    warning: BTreeMap<&'a str, u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

fn counts(report: &Report, flag: Flag) -> BTreeMap<&'static str, u32> {
    report
        .firings
        .iter()
        .filter(|(_, (f, _))| *f == flag)
        .map(|(id, (_, n))| (*id, *n))
        .collect()
}

pub(crate) fn run(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let files = crate::files::collect(&args.paths)?;
    let mut any_invalid = false;
    let mut any_unusable = false;
    for file in &files {
        let name = file.display().to_string();
        let outcome = std::fs::read(file)
            .map_err(|err| err.to_string())
            .and_then(|bytes| mottak_en16931::validate(&bytes).map_err(|err| err.to_string()));
        match outcome {
            Ok(report) => {
                let valid = report.is_valid();
                any_invalid |= !valid;
                if args.format == Format::Json {
                    let line = JsonLine {
                        file: &name,
                        document: kind_name(report.document),
                        valid,
                        fatal: counts(&report, Flag::Fatal),
                        warning: counts(&report, Flag::Warning),
                        error: None,
                    };
                    println!("{}", serde_json::to_string(&line)?);
                } else {
                    let verdict = if valid { "valid" } else { "INVALID" };
                    println!("{name}: {verdict} ({})", kind_name(report.document));
                    for firing in &report.locations {
                        let description = rule(firing.id).map_or("", |r| r.description);
                        println!(
                            "  {} [{}] {} at {} (line {})",
                            firing.id,
                            firing.flag.as_str(),
                            description,
                            firing.location,
                            firing.line
                        );
                        if let Some(message) = clerk_message(firing.id) {
                            println!("      nb: {}", message.nb);
                        }
                    }
                }
            }
            Err(problem) => {
                any_unusable = true;
                if args.format == Format::Json {
                    let line = JsonLine {
                        file: &name,
                        document: "unknown",
                        valid: false,
                        fatal: BTreeMap::new(),
                        warning: BTreeMap::new(),
                        error: Some(&problem),
                    };
                    println!("{}", serde_json::to_string(&line)?);
                } else {
                    println!("{name}: UNUSABLE: {problem}");
                }
            }
        }
    }
    if args.bench {
        bench(&files);
    }
    Ok(if any_unusable {
        ExitCode::from(2)
    } else if any_invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Median over the files of the best of five runs of read-free validation, in microseconds.
fn bench(files: &[PathBuf]) {
    let mut per_doc: Vec<f64> = Vec::new();
    let mut total_bytes = 0usize;
    for file in files {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        total_bytes += bytes.len();
        let best = (0..5)
            .map(|_| {
                let start = Instant::now();
                let _ =
                    std::hint::black_box(mottak_en16931::validate(std::hint::black_box(&bytes)));
                start.elapsed().as_secs_f64() * 1e6
            })
            .fold(f64::INFINITY, f64::min);
        per_doc.push(best);
    }
    if per_doc.is_empty() {
        eprintln!("bench: no readable documents");
        return;
    }
    per_doc.sort_by(f64::total_cmp);
    let median = per_doc[per_doc.len() / 2];
    let max = per_doc[per_doc.len() - 1];
    let sum: f64 = per_doc.iter().sum();
    println!(
        "bench: {} document(s), {} bytes: median {median:.1} µs, max {max:.1} µs, total {sum:.0} µs per pass",
        per_doc.len(),
        total_bytes
    );
    bench_generated();
}

/// Best of five over generated invoices of 100, 1,000 and 10,000 lines (the shape `mottak
/// bench` sends): the cost must grow linearly with the lines.
fn bench_generated() {
    for lines in [100, 1_000, 10_000] {
        let spec = mottak_pipeline::synthetic::Spec {
            lines,
            attachment_kb: 0,
        };
        let bytes =
            mottak_pipeline::synthetic::invoice("bench", 1, "931235184", "Digitools AS", spec);
        let best = (0..5)
            .map(|_| {
                let start = Instant::now();
                let _ =
                    std::hint::black_box(mottak_en16931::validate(std::hint::black_box(&bytes)));
                start.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "bench: generated invoice, {lines} lines, {} bytes: {best:.2} ms",
            bytes.len()
        );
    }
}
