//! Criterion benchmarks of [`mottak_en16931::validate`]: every official example of the
//! conformance corpus (`../shared/conformance`, when present), and generated invoices of 100,
//! 1,000 and 10,000 lines (the shape `mottak bench` sends), to show that the cost grows linearly.
//!
//! `cargo bench -p mottak-en16931 --bench validate`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The official examples listed in the corpus manifest (empty when the corpus is absent).
fn examples() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance");
    let Ok(manifest) = std::fs::read_to_string(dir.join("manifest.tsv")) else {
        return Vec::new();
    };
    manifest
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let file = *cells.first()?;
            (cells.get(3) == Some(&"example"))
                .then(|| {
                    std::fs::read(dir.join(file))
                        .ok()
                        .map(|b| (file.to_owned(), b))
                })
                .flatten()
        })
        .collect()
}

/// A valid Peppol BIS invoice with `lines` lines: the generator `mottak bench` and
/// `mottak validate --bench` use (about 1.1 KB per line).
fn invoice(lines: usize) -> Vec<u8> {
    let spec = mottak_pipeline::synthetic::Spec {
        lines,
        attachment_kb: 0,
    };
    mottak_pipeline::synthetic::invoice("bench", 1, "931235184", "Digitools AS", spec)
}

fn bench(c: &mut Criterion) {
    let examples = examples();
    if !examples.is_empty() {
        let total: usize = examples.iter().map(|(_, b)| b.len()).sum();
        let mut group = c.benchmark_group("official examples");
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function("all 87, one pass each", |b| {
            b.iter(|| {
                for (_, bytes) in &examples {
                    let _ = black_box(mottak_en16931::validate(black_box(bytes)));
                }
            });
        });
        // The example of median size, as the per-document figure.
        let mut by_size: Vec<&(String, Vec<u8>)> = examples.iter().collect();
        by_size.sort_by_key(|(_, b)| b.len());
        let (name, median) = by_size[by_size.len() / 2];
        group.throughput(Throughput::Bytes(median.len() as u64));
        group.bench_function(format!("median size: {name}"), |b| {
            b.iter(|| black_box(mottak_en16931::validate(black_box(median))));
        });
        group.finish();
    }
    let mut group = c.benchmark_group("generated invoice");
    group.sample_size(10);
    for lines in [100usize, 1_000, 10_000] {
        let bytes = invoice(lines);
        assert!(
            mottak_en16931::validate(&bytes).is_ok_and(|r| r.is_valid()),
            "the generated invoice must be valid"
        );
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("lines", lines), &bytes, |b, bytes| {
            b.iter(|| black_box(mottak_en16931::validate(black_box(bytes))));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
