//! Decisions per second: `mottak_email::intake::decide` over whole mails — MIME parse (with
//! the boundary repair check), the walk, type detection, and the PDF/TIFF inspection of an
//! accepted document — the work the e-mail intake stage does for every inbound mail.
//!
//! Inputs (built or read once, before anything is timed):
//! - every `fixtures/email/*.eml` of this repository (skipped with a note if there are none);
//! - the seed mails of `tests/common` (one PDF, HTML with a logo, two PDFs, a TIFF, a
//!   forward, a mid-line boundary, a bounce, a question, a DOCX).
//!
//! Groups: `fixtures` and `seeds` (one iteration = the whole set, reported as decisions/s)
//! and `single/<name>` for a few representative mails. A last step times each set again
//! with `std::time::Instant` and prints a plain `decide <set>: N mails, X µs/mail, Y mails/s`
//! line.
//!
//! Run: `cargo bench -p mottak-email --bench intake`
#![allow(clippy::unwrap_used, unreachable_pub)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mottak_email::intake::{IntakeConfig, decide};

/// Iterations of a whole set for the plain `Instant` summary.
const SUMMARY_ITERATIONS: usize = 50;

struct Mail {
    name: String,
    bytes: Vec<u8>,
}

fn fixtures() -> Vec<Mail> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/email");
    let mut mails: Vec<Mail> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "eml"))
                .map(|p| Mail {
                    name: p.file_stem().unwrap().to_string_lossy().into_owned(),
                    bytes: std::fs::read(&p).unwrap(),
                })
                .collect()
        })
        .unwrap_or_default();
    mails.sort_by(|a, b| a.name.cmp(&b.name));
    mails
}

fn seeds() -> Vec<Mail> {
    common::seed_messages()
        .into_iter()
        .map(|(name, bytes)| Mail {
            name: name.to_string(),
            bytes,
        })
        .collect()
}

fn config() -> IntakeConfig {
    IntakeConfig {
        peppol_id: mottak_email::intake::DEFAULT_PEPPOL_ID.to_owned(),
        own_addresses: vec!["faktura@digitools.no".into()],
        ..IntakeConfig::default()
    }
}

fn decide_all(mails: &[Mail], config: &IntakeConfig) {
    for mail in mails {
        black_box(decide(black_box(&mail.bytes), config));
    }
}

fn bench(c: &mut Criterion) {
    let config = config();
    let sets = [("fixtures", fixtures()), ("seeds", seeds())];

    for (name, mails) in &sets {
        if mails.is_empty() {
            eprintln!("decide {name}: no mails (fixtures/email is empty), skipped");
            continue;
        }
        let mut group = c.benchmark_group(*name);
        group.throughput(Throughput::Elements(mails.len() as u64));
        group.bench_function("decide_all", |b| b.iter(|| decide_all(mails, &config)));
        group.finish();
    }

    let mut single = c.benchmark_group("single");
    single.throughput(Throughput::Elements(1));
    for (_, mails) in &sets {
        for mail in mails.iter().filter(|m| {
            [
                "01-text-pdf-invoice",
                "02-tiff-two-pages",
                "07-html-inline-logo",
                "08-forwarded-rfc822",
                "18-boundary-in-body",
                "19-bounce-dsn",
                "22-newsletter",
            ]
            .contains(&m.name.as_str())
        }) {
            single.bench_function(&mail.name, |b| {
                b.iter(|| black_box(decide(black_box(&mail.bytes), &config)))
            });
        }
    }
    single.finish();

    for (name, mails) in &sets {
        if mails.is_empty() {
            continue;
        }
        let bytes: usize = mails.iter().map(|m| m.bytes.len()).sum();
        let started = Instant::now();
        for _ in 0..SUMMARY_ITERATIONS {
            decide_all(mails, &config);
        }
        let elapsed = started.elapsed();
        let decisions = (mails.len() * SUMMARY_ITERATIONS) as f64;
        println!(
            "decide {name}: {} mails ({} KiB), {:.1} µs/mail, {:.0} mails/s, {:.1} MiB/s",
            mails.len(),
            bytes / 1024,
            elapsed.as_secs_f64() * 1e6 / decisions,
            decisions / elapsed.as_secs_f64(),
            (bytes * SUMMARY_ITERATIONS) as f64 / elapsed.as_secs_f64() / (1024.0 * 1024.0),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
