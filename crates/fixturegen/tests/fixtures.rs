//! The committed e-mail fixtures are exactly what the generator writes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .expect("fixture file names are UTF-8")
                .to_owned();
            let bytes = std::fs::read(&path).expect("a readable fixture file");
            (name, bytes)
        })
        .collect()
}

#[test]
fn generated_fixtures_match_the_committed_ones() {
    let committed_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/email");
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("email-fixtures");
    let _ = std::fs::remove_dir_all(&out);
    let status = Command::new(env!("CARGO_BIN_EXE_make-email-fixtures"))
        .arg(&out)
        .status()
        .expect("the generator runs");
    assert!(status.success(), "the generator failed: {status}");

    let generated = read_dir(&out);
    let committed = read_dir(&committed_dir);
    let regenerate = "regenerate with `cargo run -p mottak-fixturegen --bin make-email-fixtures -- fixtures/email`";
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&generated),
        "fixtures/email holds other files than the generator writes; {regenerate}"
    );
    for (name, bytes) in &generated {
        let committed = &committed[name];
        if committed != bytes {
            let at = committed
                .iter()
                .zip(bytes)
                .position(|(a, b)| a != b)
                .unwrap_or(committed.len().min(bytes.len()));
            panic!(
                "fixtures/email/{name} differs from the generator's output at byte {at} \
                 (committed {} bytes, generated {}); {regenerate}",
                committed.len(),
                bytes.len()
            );
        }
    }
    // Twice in a row: no clock, no randomness.
    let again = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("email-fixtures-again");
    let _ = std::fs::remove_dir_all(&again);
    let status = Command::new(env!("CARGO_BIN_EXE_make-email-fixtures"))
        .arg(&again)
        .status()
        .expect("the generator runs");
    assert!(status.success());
    assert_eq!(
        read_dir(&again),
        generated,
        "two runs wrote different bytes"
    );
}
