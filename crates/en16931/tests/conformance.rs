//! The official conformance corpus (`../shared/conformance` beside the project): agreement must
//! not fall below the ratchet in `.ci/conformance-min`, and no input may panic the validator.

use std::path::PathBuf;

use mottak_en16931::conformance::run;

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance");
    dir.join("manifest.tsv").is_file().then_some(dir)
}

fn ratchet() -> f64 {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.ci/conformance-min");
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0.0)
}

#[test]
fn agreement_does_not_fall_below_the_ratchet() {
    let Some(dir) = corpus() else {
        eprintln!("conformance corpus absent; skipped");
        return;
    };
    let summary = run(&dir).expect("corpus readable");
    let overall = summary.overall().percent();
    let min = ratchet();
    assert!(
        overall >= min,
        "conformance agreement {overall:.2} % fell below the ratchet {min:.1} %"
    );
}

#[test]
fn valid_examples_have_no_fatal_firing_of_ours() {
    // A false fatal on a document the official rules accept would reject a good invoice.
    let Some(dir) = corpus() else {
        return;
    };
    let summary = run(&dir).expect("corpus readable");
    for o in summary.outcomes.iter().filter(|o| o.set == "examples") {
        let expected: Vec<&str> = o
            .expected
            .trim_start_matches("fatal {")
            .trim_end_matches('}')
            .split(',')
            .collect();
        let got = o.got.trim_start_matches("fatal {").trim_end_matches('}');
        for id in got.split(',').filter(|s| !s.is_empty()) {
            assert!(
                expected.contains(&id),
                "{} fires {id}, which the reference does not",
                o.file
            );
        }
    }
}

mod no_panic {
    use super::corpus;
    use proptest::prelude::*;

    fn examples() -> Vec<Vec<u8>> {
        let Some(dir) = corpus() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for sub in ["examples/peppol/examples", "examples/cen/ubl-examples"] {
            if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
                for entry in entries.flatten().take(6) {
                    if let Ok(bytes) = std::fs::read(entry.path()) {
                        out.push(bytes);
                    }
                }
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn mutated_examples_never_panic(
            pick in any::<prop::sample::Index>(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
        ) {
            let docs = examples();
            if docs.is_empty() {
                return Ok(());
            }
            let mut bytes = docs[pick.index(docs.len())].clone();
            for (at, byte, op) in edits {
                if bytes.is_empty() {
                    break;
                }
                let i = at.index(bytes.len());
                match op {
                    0 => bytes[i] = byte,
                    1 => { bytes.remove(i); }
                    _ => bytes.insert(i, byte),
                }
            }
            let _ = mottak_en16931::validate(&bytes);
        }

        #[test]
        fn number_text_never_panics(text in "([-+0-9. eE]{0,40}|[0-9]{10,29}(\\.[0-9]{1,28})?)") {
            let xml = format!(
                "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" \
                 xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\" \
                 xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\">\
                 <cac:LegalMonetaryTotal><cbc:LineExtensionAmount>{text}</cbc:LineExtensionAmount>\
                 <cbc:PayableAmount>{text}</cbc:PayableAmount></cac:LegalMonetaryTotal>\
                 <cac:TaxTotal><cac:TaxSubtotal><cbc:TaxableAmount>{text}</cbc:TaxableAmount>\
                 <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>{text}</cbc:Percent>\
                 <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>\
                 <cac:InvoiceLine><cbc:LineExtensionAmount>{text}</cbc:LineExtensionAmount></cac:InvoiceLine></Invoice>"
            );
            prop_assert!(mottak_en16931::validate(xml.as_bytes()).is_ok());
        }
    }
}
