//! Which files a command works on.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use mottak_pipeline::messages::Channel;

/// Documents the pipeline takes, by extension: EHF XML and e-mail messages.
fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xml") || e.eq_ignore_ascii_case("eml"))
}

/// The channel a file came by: `.eml` is an e-mail, `.xml` EHF; anything else is EHF when
/// it looks like XML and an e-mail otherwise (a Maildir file has no extension).
pub(crate) fn channel_of(path: &Path, bytes: &[u8]) -> Channel {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("eml") => Channel::Email,
        Some(e) if e.eq_ignore_ascii_case("xml") => Channel::Ehf,
        _ => {
            let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match text.iter().find(|b| !b.is_ascii_whitespace()) {
                Some(b'<') => Channel::Ehf,
                _ => Channel::Email,
            }
        }
    }
}

/// Files named directly, plus every document under the directories named, in path order
/// within each directory (so fixture numbering is processing order).
pub(crate) fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_document(&path) {
            out.push(path);
        }
    }
    Ok(())
}
