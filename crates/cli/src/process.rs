//! `mottak process`: the embedded main job.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use mottak_pipeline::Settings;
use mottak_pipeline::embedded::{Embedded, Processed};
use mottak_pipeline::messages::{Channel, RawDocument};
use mottak_pipeline::store::DocState;
use serde::Serialize;

use crate::files;

/// One document's outcome, as printed by `--format json`.
#[derive(Debug, Serialize)]
pub(crate) struct Outcome {
    pub file: String,
    pub state: String,
    pub stage: Option<String>,
    pub reasons: Vec<Reason>,
    pub warnings: Vec<Reason>,
    pub invoice_number: Option<String>,
    pub supplier: Option<String>,
    /// For an e-mail: whether a reply mail to the sender was produced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<bool>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Reason {
    pub code: String,
    pub rule: String,
    pub message: String,
}

impl Outcome {
    pub(crate) fn new(file: &Path, processed: &Processed) -> Outcome {
        let doc = &processed.document;
        let reason = |f: &mottak_rules::Finding| Reason {
            code: f.code.clone(),
            rule: f.rule.clone(),
            message: f.message.clone(),
        };
        Outcome {
            file: file.display().to_string(),
            state: doc.state.as_str().to_owned(),
            stage: doc.stage.clone(),
            reasons: doc
                .reasons
                .iter()
                .filter(|f| f.is_fatal())
                .map(reason)
                .collect(),
            warnings: doc
                .reasons
                .iter()
                .filter(|f| !f.is_fatal())
                .map(reason)
                .collect(),
            invoice_number: doc.invoice_number.clone(),
            supplier: doc.supplier_name.clone(),
            reply: None,
        }
    }
}

pub(crate) async fn run(
    settings: &Settings,
    paths: &[PathBuf],
    json: bool,
    ledger: &Path,
) -> anyhow::Result<()> {
    let files = files::collect(paths)?;
    let url = format!("sqlite://{}?mode=rwc", ledger.display());
    let pipeline = Embedded::open(settings, &url)
        .await
        .with_context(|| format!("opening the ledger {}", ledger.display()))?;
    let mut counts = std::collections::BTreeMap::<&'static str, usize>::new();
    let mut responses = 0;
    let mut replies = 0;
    for file in &files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let processed = pipeline
            .process(RawDocument {
                // Derived from the bytes: a file processed before shows its recorded outcome.
                document_id: mottak_pipeline::content_document_id(&bytes),
                channel: files::channel_of(file, &bytes),
                source_name: Some(file.display().to_string()),
                ingested_us: mottak_pipeline::now_us(),
                bytes,
            })
            .await
            .with_context(|| format!("processing {}", file.display()))?;
        responses += processed.invoice_responses.len();
        replies += processed.replies.len();
        *counts.entry(processed.document.state.as_str()).or_default() += 1;
        let mut outcome = Outcome::new(file, &processed);
        if processed.document.channel == Channel::Email.as_str() {
            // From the store, so a mail processed on an earlier run shows its reply too.
            let mail = pipeline
                .store()
                .mail_outcome(&processed.document.id)
                .await?;
            outcome.reply = Some(mail.is_some_and(|m| m.reply_id.is_some()));
        }
        if json {
            println!("{}", serde_json::to_string(&outcome)?);
        } else {
            print_text(&outcome);
        }
    }
    let balance = pipeline.store().trial_balance().await?;
    let summary = format!(
        "{} document(s): {} posted, {} rejected, {} set aside, {} awaiting capture; {} Invoice Response(s), {} reply mail(s); ledger {} (trial balance {})",
        files.len(),
        counts.get(DocState::Posted.as_str()).unwrap_or(&0),
        counts.get(DocState::Rejected.as_str()).unwrap_or(&0),
        counts.get(DocState::SetAside.as_str()).unwrap_or(&0),
        counts.get(DocState::AwaitingCapture.as_str()).unwrap_or(&0),
        responses,
        replies,
        ledger.display(),
        balance,
    );
    if json {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    pipeline.store().close().await;
    Ok(())
}

fn print_text(outcome: &Outcome) {
    let what = match (&outcome.invoice_number, &outcome.supplier) {
        (Some(n), Some(s)) => format!("{n} from {s}"),
        (Some(n), None) => n.clone(),
        (None, Some(s)) => format!("from {s}"),
        (None, None) => String::new(),
    };
    println!(
        "{:<16} {:<9} {}  {}{}",
        outcome.state,
        outcome.stage.as_deref().unwrap_or("-"),
        outcome.file,
        what,
        match outcome.reply {
            Some(true) => "  (reply sent)",
            _ => "",
        }
    );
    for r in &outcome.reasons {
        println!("          {} ({}): {}", r.rule, r.code, r.message);
    }
    for r in &outcome.warnings {
        println!("          warning {}: {}", r.rule, r.message);
    }
}
