//! The reader against the official conformance corpus in `../shared/conformance` (outside the
//! repository): every example must parse into the kind its manifest names, no rule-test
//! fragment and no damaged example may make the reader panic.

// Test code: a failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use mottak_ehf::{Limits, parse};
use mottak_invoice::DocumentKind;
use proptest::prelude::*;

/// The corpus, if this checkout has the shared folder beside it.
fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance");
    if dir.join("manifest.tsv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} not found; conformance tests skipped",
            dir.display()
        );
        None
    }
}

/// All files below `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A row of manifest.tsv.
struct Row {
    file: String,
    doc_type: String,
    /// `valid` (no fatal Peppol or CEN rule), `valid-cen`, or `n/a`.
    expected: String,
}

fn manifest(corpus: &Path) -> Vec<Row> {
    let text = fs::read_to_string(corpus.join("manifest.tsv")).unwrap();
    let mut rows = text.lines();
    let header: Vec<&str> = rows.next().unwrap().split('\t').collect();
    let file = header.iter().position(|h| *h == "file").unwrap();
    let doc_type = header.iter().position(|h| *h == "doc_type").unwrap();
    let expected = header.iter().position(|h| *h == "expected").unwrap();
    rows.filter(|row| !row.trim().is_empty())
        .map(|row| {
            let cols: Vec<&str> = row.split('\t').collect();
            Row {
                file: cols[file].to_owned(),
                doc_type: cols[doc_type].to_owned(),
                expected: cols[expected].to_owned(),
            }
        })
        .collect()
}

#[test]
fn every_example_parses_into_its_kind() {
    let Some(corpus) = corpus() else { return };
    let kinds = manifest(&corpus);
    let examples = files(&corpus.join("examples"));
    assert!(examples.len() >= 87, "{} examples", examples.len());
    let mut failures = Vec::new();
    for path in &examples {
        let relative = path
            .strip_prefix(&corpus)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let row = kinds
            .iter()
            .find(|row| row.file == relative)
            .unwrap_or_else(|| panic!("{relative} is not in manifest.tsv"));
        let expected = row.doc_type.as_str();
        let bytes = fs::read(path).unwrap();
        match parse(&bytes, &Limits::default()) {
            Ok(doc) => {
                let invoice = &doc.invoice;
                if invoice.kind.as_str() != expected {
                    failures.push(format!(
                        "{relative}: {} instead of {expected}",
                        invoice.kind
                    ));
                }
                if invoice.number.is_none()
                    || invoice.issue_date.is_none()
                    || invoice.lines.is_empty()
                {
                    failures.push(format!("{relative}: number, issue date or lines missing"));
                }
                // In a document valid under Peppol BIS 3 every value is readable. (Some
                // CEN-only examples write `0` for a charge indicator, which Peppol forbids.)
                if !invoice.field_errors.is_empty() && row.expected == "valid" {
                    failures.push(format!("{relative}: {:?}", invoice.field_errors));
                }
                for att in &invoice.attachments {
                    if matches!(
                        att.problem,
                        Some(mottak_invoice::AttachmentProblem::CorruptBase64 { .. })
                    ) {
                        failures.push(format!("{relative}: {att:?}"));
                    }
                }
            }
            Err(err) => failures.push(format!("{relative}: {}: {}", err.code(), err.message())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn examples_that_carry_the_fields_are_read() {
    let Some(corpus) = corpus() else { return };
    let read = |file: &str| {
        let bytes = fs::read(corpus.join(file)).unwrap();
        parse(&bytes, &Limits::default()).unwrap().invoice
    };
    let base = read("examples/peppol/examples/base-example.xml");
    assert_eq!(base.kind, DocumentKind::Invoice);
    assert_eq!(base.number.as_deref(), Some("Snippet1"));
    assert_eq!(
        base.supplier.registration_name.as_deref(),
        Some("SupplierOfficialName Ltd")
    );
    assert_eq!(base.customer.contact.email.as_deref(), Some("lj@buyer.se"));
    assert_eq!(base.payment_means[0].bic.as_deref(), Some("BIC324098"));
    assert_eq!(
        base.totals.payable.map(|d| d.to_string()).as_deref(),
        Some("1656.25")
    );
    assert_eq!(
        base.tax_total.map(|d| d.to_string()).as_deref(),
        Some("331.25")
    );
    assert_eq!(base.allowance_charges.len(), 1);
    assert!(base.allowance_charges[0].is_charge);

    let credit = read("examples/peppol/examples/base-creditnote-correction.xml");
    assert_eq!(credit.kind, DocumentKind::CreditNote);
    assert!(!credit.billing_references.is_empty());

    let norwegian = read("examples/peppol/national-NO/Norwegian-example-1.xml");
    assert!(
        norwegian
            .supplier
            .tax_registrations
            .iter()
            .any(|t| t.company_id.ends_with("MVA")),
        "{:?}",
        norwegian.supplier.tax_registrations
    );
}

#[test]
fn rule_fragments_never_panic() {
    let Some(corpus) = corpus() else { return };
    let started = Instant::now();
    let (mut ok, mut rejected) = (0, 0);
    for path in files(&corpus.join("rules")) {
        let bytes = fs::read(&path).unwrap();
        match parse(&bytes, &Limits::default()) {
            Ok(_) => ok += 1,
            Err(_) => rejected += 1,
        }
    }
    eprintln!(
        "rules: {ok} parsed, {rejected} rejected in {:?}",
        started.elapsed()
    );
    assert!(ok > 1000, "{ok} parsed, {rejected} rejected");
}

/// A few examples of different shapes (with attachments, a credit note, national rules).
fn samples(corpus: &Path) -> Vec<Vec<u8>> {
    [
        "examples/peppol/examples/base-example.xml",
        "examples/peppol/examples/base-creditnote-correction.xml",
        "examples/peppol/national-NO/Norwegian-example-1.xml",
        "examples/cen/testfiles/Invoice-Max_content.xml",
    ]
    .iter()
    .map(|file| fs::read(corpus.join(file)).unwrap())
    .collect()
}

#[test]
fn damaged_examples_never_panic() {
    let Some(corpus) = corpus() else { return };
    let limits = Limits {
        max_attachment_bytes: 64,
        ..Limits::default()
    };
    for sample in samples(&corpus) {
        for cut in (0..sample.len()).step_by(97) {
            let _ = parse(&sample[..cut], &limits);
        }
        for (i, at) in (0..sample.len()).step_by(89).enumerate() {
            let mut damaged = sample.clone();
            damaged[at] = [b'<', b'>', b'&', b'/', b'"', 0xFF, b'\n', b'x', 0xC3][i % 9];
            let _ = parse(&damaged, &limits);
            damaged[at] ^= 0x20;
            let _ = parse(&damaged, &limits);
        }
    }
}

proptest! {
    // No regression files: the corpus lives outside the repository, so would they.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_damage_never_panics(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        sample_index in 0usize..4,
    ) {
        let Some(corpus) = corpus() else { return Ok(()) };
        let samples = samples(&corpus);
        let mut bytes = samples[sample_index % samples.len()].clone();
        for (at, byte) in edits {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let cut = cut.index(bytes.len() + 1);
        let _ = parse(&bytes[..cut], &Limits { max_depth: 16, ..Limits::default() });
    }
}
