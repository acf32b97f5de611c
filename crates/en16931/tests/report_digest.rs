//! Every document's whole report stays as it was: the rule counts, and every firing's id, flag,
//! location and line, in order (or the input error), for the official corpus
//! (`../shared/conformance` beside the project, when present) and the project's own fixtures.
//!
//! The corpus cannot be committed, so `tests/report_digests.tsv` holds one digest of each
//! report, keyed by the document's path. Speed work must leave every digest unchanged. A change
//! that is meant to alter reports rewrites the file (with the corpus present), and its diff
//! shows which documents it touched:
//!
//! ```sh
//! MOTTAK_UPDATE_REPORT_DIGESTS=1 cargo test -p mottak-en16931 --test report_digest
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const DIGESTS: &str = "tests/report_digests.tsv";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The roots searched, with the prefix their documents are keyed by.
fn roots() -> Vec<(&'static str, PathBuf)> {
    vec![
        (
            "conformance",
            manifest_dir().join("../../../shared/conformance"),
        ),
        ("fixtures", manifest_dir().join("../../fixtures")),
    ]
}

/// Every `.xml` file below `dir`, as (path relative to `dir` with `/`, full path).
fn xml_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "xml")
                && let Ok(relative) = path.strip_prefix(dir)
            {
                let key = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((key, path));
            }
        }
    }
    out.sort();
    out
}

/// The report as text: kind, counts per rule, then every firing in order; or the error.
fn report_text(bytes: &[u8]) -> (String, usize) {
    match mottak_en16931::validate(bytes) {
        Err(err) => (format!("error {err}"), 0),
        Ok(report) => {
            let mut text = format!("{:?}\n", report.document);
            for (id, (flag, count)) in &report.firings {
                let _ = writeln!(text, "{id} {} {count}", flag.as_str());
            }
            for firing in &report.locations {
                let _ = writeln!(
                    text,
                    "{} {} {} {}",
                    firing.id,
                    firing.flag.as_str(),
                    firing.location,
                    firing.line
                );
            }
            (text, report.locations.len())
        }
    }
}

/// FNV-1a, 64 bits: a change detector, stable across platforms and releases.
fn digest(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Path -> (digest, firings) for every document under the roots that exist.
fn current() -> (BTreeMap<String, (String, usize)>, Vec<&'static str>) {
    let mut out = BTreeMap::new();
    let mut present = Vec::new();
    for (prefix, dir) in roots() {
        if !dir.is_dir() {
            continue;
        }
        present.push(prefix);
        for (key, path) in xml_files(&dir) {
            let bytes = std::fs::read(&path).expect("document readable");
            let (text, firings) = report_text(&bytes);
            out.insert(
                format!("{prefix}/{key}"),
                (format!("{:016x}", digest(&text)), firings),
            );
        }
    }
    (out, present)
}

fn recorded() -> BTreeMap<String, (String, usize)> {
    let text = std::fs::read_to_string(manifest_dir().join(DIGESTS)).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let (path, hash, firings) = (fields.next()?, fields.next()?, fields.next()?);
            Some((path.to_owned(), (hash.to_owned(), firings.parse().ok()?)))
        })
        .collect()
}

#[test]
fn every_report_is_as_recorded() {
    let (now, present) = current();
    if std::env::var_os("MOTTAK_UPDATE_REPORT_DIGESTS").is_some() {
        assert!(
            present.contains(&"conformance"),
            "the conformance corpus must be beside the project to rewrite {DIGESTS}"
        );
        let mut text =
            String::from("# path\tFNV-1a of the whole report\tfirings (tests/report_digest.rs)\n");
        for (path, (hash, firings)) in &now {
            let _ = writeln!(text, "{path}\t{hash}\t{firings}");
        }
        std::fs::write(manifest_dir().join(DIGESTS), text).expect("digests written");
        return;
    }
    let before = recorded();
    assert!(!before.is_empty(), "{DIGESTS} is missing or empty");
    let mut problems = Vec::new();
    for (path, (hash, firings)) in &before {
        let root = path.split('/').next().unwrap_or_default();
        if !present.contains(&root) {
            continue;
        }
        match now.get(path) {
            None => problems.push(format!("{path}: no longer found")),
            Some((h, f)) if h != hash => {
                problems.push(format!("{path}: report changed ({firings} -> {f} firings)"));
            }
            Some(_) => {}
        }
    }
    for path in now.keys().filter(|p| !before.contains_key(*p)) {
        problems.push(format!("{path}: not recorded"));
    }
    assert!(
        problems.is_empty(),
        "{} document(s) differ from {DIGESTS} (if intended, rewrite it with \
         MOTTAK_UPDATE_REPORT_DIGESTS=1):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
