//! Parse + validate per document: `mottak_ehf::parse` followed by `mottak_rules::check`, the
//! work the validating worker does for every inbound document.
//!
//! Inputs (read once, before anything is timed):
//! - `fixtures/ehf/*.xml` of this repository, including the deliberately broken ones, whose
//!   parse error path is measured too;
//! - every `.xml`/`.XML` below `../shared/conformance/examples/` beside the repository, when
//!   that folder exists (skipped with a note otherwise).
//!
//! Groups: `fixtures` and `conformance_examples` (one iteration = the whole set, reported once
//! as documents/s and once as bytes/s) and `single/<file stem>` for three representative
//! documents. A last step times each set again with `std::time::Instant` and prints a plain
//! `parse+validate <group>: N docs, median X µs/doc` line.
//!
//! Run: `cargo bench -p mottak-rules --bench parse_validate`

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use mottak_ehf::{Limits, parse};
use mottak_invoice::ids::OrgNumber;
use mottak_rules::{ReceiverIdentity, Verdict, check};

/// Iterations of the whole set for the plain `Instant` summary.
const SUMMARY_ITERATIONS: usize = 200;

/// One input document.
struct Doc {
    stem: String,
    bytes: Vec<u8>,
}

/// A named set of documents.
struct DocSet {
    name: &'static str,
    docs: Vec<Doc>,
}

impl DocSet {
    fn total_bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.bytes.len() as u64).sum()
    }
}

struct Inputs {
    receiver: ReceiverIdentity,
    fixtures: DocSet,
    /// `None` when `../shared/conformance/examples` is absent.
    conformance: Option<DocSet>,
}

/// The work measured for one document. A document that fails to parse yields its error
/// (kept alive through `black_box` so the error path is not optimised away).
fn parse_validate(bytes: &[u8], receiver: &ReceiverIdentity) -> Option<Verdict> {
    match parse(bytes, &Limits::default()) {
        Ok(parsed) => Some(check(&parsed.invoice, receiver)),
        Err(err) => {
            black_box(err);
            None
        }
    }
}

fn run_set(set: &DocSet, receiver: &ReceiverIdentity) {
    for doc in &set.docs {
        black_box(parse_validate(black_box(&doc.bytes), receiver));
    }
}

/// All files below `dir` whose extension is `xml` in any case, sorted by path.
fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries =
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let path = entry
                .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("xml"))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn load_set(name: &'static str, dir: &Path) -> DocSet {
    let docs = xml_files(dir)
        .into_iter()
        .map(|path| Doc {
            stem: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes: fs::read(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())),
        })
        .collect();
    DocSet { name, docs }
}

fn describe(set: &DocSet, receiver: &ReceiverIdentity) {
    let (mut parse_errors, mut rejected) = (0, 0);
    for doc in &set.docs {
        match parse_validate(&doc.bytes, receiver) {
            None => parse_errors += 1,
            Some(verdict) if verdict.is_rejected() => rejected += 1,
            Some(_) => {}
        }
    }
    println!(
        "{}: {} docs, {} bytes; {} parse errors, {} rejected by rules, {} accepted",
        set.name,
        set.docs.len(),
        set.total_bytes(),
        parse_errors,
        rejected,
        set.docs.len() - parse_errors - rejected,
    );
}

fn inputs() -> &'static Inputs {
    static INPUTS: OnceLock<Inputs> = OnceLock::new();
    INPUTS.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let receiver = ReceiverIdentity {
            org: OrgNumber::parse("931235184").expect("receiver org number is valid"),
            name: "Digitools AS".into(),
        };

        let fixtures = load_set("fixtures", &manifest.join("../../fixtures/ehf"));
        assert!(!fixtures.docs.is_empty(), "no fixtures found");
        describe(&fixtures, &receiver);

        let examples = manifest.join("../../../shared/conformance/examples");
        let conformance = if examples.is_dir() {
            let set = load_set("conformance_examples", &examples);
            describe(&set, &receiver);
            Some(set)
        } else {
            println!(
                "note: {} not found; conformance_examples skipped",
                examples.display()
            );
            None
        };

        Inputs {
            receiver,
            fixtures,
            conformance,
        }
    })
}

fn configure(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
}

/// One iteration = the whole set; reported as documents/s, then as bytes/s.
fn bench_set(c: &mut Criterion, set: &DocSet, receiver: &ReceiverIdentity) {
    let mut group = c.benchmark_group(set.name);
    configure(&mut group);
    group.throughput(Throughput::Elements(set.docs.len() as u64));
    group.bench_function("all_docs", |b| b.iter(|| run_set(set, receiver)));
    group.throughput(Throughput::Bytes(set.total_bytes()));
    group.bench_function("all_bytes", |b| b.iter(|| run_set(set, receiver)));
    group.finish();
}

fn fixtures(c: &mut Criterion) {
    let inputs = inputs();
    bench_set(c, &inputs.fixtures, &inputs.receiver);
}

fn conformance_examples(c: &mut Criterion) {
    let inputs = inputs();
    if let Some(set) = &inputs.conformance {
        bench_set(c, set, &inputs.receiver);
    }
}

/// Fixture 01 (with PDF attachment), fixture 10 (three VAT rates) and the largest
/// conformance example, one document per iteration.
fn single(c: &mut Criterion) {
    let inputs = inputs();
    let fixture = |prefix: &str| {
        inputs
            .fixtures
            .docs
            .iter()
            .find(|d| d.stem.starts_with(prefix))
            .unwrap_or_else(|| panic!("no fixture {prefix}*"))
    };
    let mut picked = vec![fixture("01-"), fixture("10-")];
    if let Some(largest) = inputs
        .conformance
        .as_ref()
        .and_then(|set| set.docs.iter().max_by_key(|d| d.bytes.len()))
    {
        picked.push(largest);
    }

    let mut group = c.benchmark_group("single");
    configure(&mut group);
    for doc in picked {
        group.throughput(Throughput::Bytes(doc.bytes.len() as u64));
        group.bench_function(&doc.stem, |b| {
            b.iter(|| parse_validate(black_box(&doc.bytes), &inputs.receiver));
        });
    }
    group.finish();
}

/// A plain figure independent of criterion's output: the median over
/// [`SUMMARY_ITERATIONS`] timed passes over each set, divided by the number of documents.
/// Under `cargo test --benches` (no `--bench` argument) a single pass is made.
fn summary(_: &mut Criterion) {
    let inputs = inputs();
    let iterations = if std::env::args().any(|a| a == "--bench") {
        SUMMARY_ITERATIONS
    } else {
        1
    };
    let sets = std::iter::once(&inputs.fixtures).chain(inputs.conformance.as_ref());
    for set in sets {
        run_set(set, &inputs.receiver); // warm caches
        let mut per_doc_us: Vec<f64> = (0..iterations)
            .map(|_| {
                let start = Instant::now();
                run_set(set, &inputs.receiver);
                start.elapsed().as_secs_f64() * 1e6 / set.docs.len() as f64
            })
            .collect();
        per_doc_us.sort_by(f64::total_cmp);
        let median = per_doc_us[per_doc_us.len() / 2];
        println!(
            "parse+validate {}: {} docs, median {:.1} µs/doc ({:.0} docs/s, {} iterations)",
            set.name,
            set.docs.len(),
            median,
            1e6 / median,
            iterations,
        );
    }
}

criterion_group!(benches, fixtures, conformance_examples, single, summary);
criterion_main!(benches);
