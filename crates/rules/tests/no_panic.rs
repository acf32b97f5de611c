//! No input makes parse → rules → posting panic: damaged versions of every fixture.

use mottak_invoice::ids::OrgNumber;
use mottak_invoice::posting::{AccountMap, journal_entry};
use mottak_rules::{ReceiverIdentity, check};
use proptest::prelude::*;

fn fixtures() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/ehf");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/ehf")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read(p).expect("fixture"))
        .collect()
}

fn run(bytes: &[u8]) {
    let receiver = ReceiverIdentity {
        org: OrgNumber::parse("931235184").expect("valid"),
        name: "Digitools AS".into(),
    };
    if let Ok(parsed) = mottak_ehf::parse(bytes, &mottak_ehf::Limits::default()) {
        let _ = check(&parsed.invoice, &receiver);
        let _ = mottak_rules::supplier_key(&parsed.invoice);
        let _ = journal_entry(&parsed.invoice, &AccountMap::default());
    }
}

proptest! {
    // PROPTEST_CASES overrides, for long runs: PROPTEST_CASES=200000 cargo test --release ...
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn damaged_fixtures_never_panic(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..16),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let all = fixtures();
        let mut bytes = all[which.index(all.len())].clone();
        for (at, value) in edits {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        run(&bytes);
    }

    #[test]
    fn amounts_of_any_size_never_panic(amount in "-?[0-9]{1,29}(\\.[0-9]{1,28})?") {
        for bytes in fixtures() {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // Replace every amount-like element value with the generated one.
            let replaced = text.replace(">1", &format!(">{amount}"));
            run(replaced.as_bytes());
        }
    }
}
