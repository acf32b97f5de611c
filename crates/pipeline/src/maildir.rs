//! Feed a Maildir to the e-mail intake (used by `mottak watch-maildir`).
//!
//! The mail server (or fetchmail/getmail) delivers into `DIR/new`. Each new message is
//! published, persistent and confirmed, to the e-mail intake queue, and only then moved to
//! `DIR/cur` (Maildir's "seen" place), so a crash in between means the message is published
//! again on the next scan — harmless, because its id is derived from its bytes and the
//! intake recognises a redelivery. Nothing is deleted: `cur` keeps every message.

use std::path::{Path, PathBuf};

use crate::bus::{self, PublishError, Publisher, Topology};
use crate::messages::{Channel, RawDocument};

#[derive(Debug, thiserror::Error)]
pub enum MaildirError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("publishing: {0}")]
    Publish(#[from] PublishError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> MaildirError + '_ {
    move |source| MaildirError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Create `new/`, `cur/` and `tmp/` where missing.
pub fn prepare(dir: &Path) -> Result<(), MaildirError> {
    for sub in ["new", "cur", "tmp"] {
        let path = dir.join(sub);
        std::fs::create_dir_all(&path).map_err(io(&path))?;
    }
    Ok(())
}

/// Publish every message now in `DIR/new` (in rounds of `batch`), moving each to `DIR/cur`
/// once the broker confirmed it. Returns how many were published. On a publishing error the
/// messages of that round stay in `new/` for the next call.
pub async fn publish_new(
    dir: &Path,
    publisher: &Publisher,
    topology: &Topology,
    batch: usize,
) -> Result<usize, MaildirError> {
    let (new, cur) = (dir.join("new"), dir.join("cur"));
    let waiting = pending(&new)?;
    let mut total = 0;
    for chunk in waiting.chunks(batch.max(1)) {
        let published = publish(publisher, topology, chunk).await?;
        for path in &published {
            move_to_cur(path, &cur)?;
        }
        total += published.len();
    }
    Ok(total)
}

/// Messages in `new/`, oldest name first (Maildir names start with the delivery time).
fn pending(new: &Path) -> Result<Vec<PathBuf>, MaildirError> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(new).map_err(io(new))? {
        let entry = entry.map_err(io(new))?;
        let name = entry.file_name();
        // Dot files are not messages (Maildir++ keeps its own files there).
        if entry.file_type().map_err(io(new))?.is_file() && !name.to_string_lossy().starts_with('.')
        {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Publish the messages; returns those the broker confirmed.
async fn publish(
    publisher: &Publisher,
    topology: &Topology,
    paths: &[PathBuf],
) -> Result<Vec<PathBuf>, MaildirError> {
    let mut envelopes = Vec::with_capacity(paths.len());
    let mut read = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            // Taken by another reader meanwhile: not ours any more.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
            Err(err) => return Err(io(path)(err)),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let raw = RawDocument {
            document_id: crate::content_document_id(&bytes),
            channel: Channel::Email,
            source_name: Some(format!("maildir:{name}")),
            ingested_us: crate::now_us(),
            bytes,
        };
        envelopes.push(bus::raw_document(topology, &raw));
        read.push(path.clone());
    }
    publisher.publish_all(&envelopes).await?;
    Ok(read)
}

/// Move a published message to `cur/`, with Maildir's info suffix (`:2,`) when it has none.
fn move_to_cur(path: &Path, cur: &Path) -> Result<(), MaildirError> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(());
    };
    let target = if name.contains(":2,") {
        cur.join(name)
    } else {
        cur.join(format!("{name}:2,"))
    };
    match std::fs::rename(path, &target) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(io(path)(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_message_moves_to_cur_with_the_info_suffix()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = std::env::temp_dir().join(format!("mottak-maildir-{}", std::process::id()));
        let (new, cur) = (dir.join("new"), dir.join("cur"));
        std::fs::create_dir_all(&new)?;
        std::fs::create_dir_all(&cur)?;
        std::fs::write(new.join("1700000000.M1P2.host"), b"Subject: x\r\n\r\nbody")?;
        std::fs::write(new.join(".hidden"), b"")?;
        let waiting = pending(&new)?;
        assert_eq!(waiting.len(), 1);
        move_to_cur(&waiting[0], &cur)?;
        assert!(cur.join("1700000000.M1P2.host:2,").exists());
        assert!(pending(&new)?.is_empty());
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
