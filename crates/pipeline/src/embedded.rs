//! The embedded mode: the same stages in-process, with in-memory queues instead of RabbitMQ
//! and a SQLite ledger file instead of PostgreSQL. `mottak process` runs on it.

use std::collections::VecDeque;

use crate::config::Settings;
use crate::messages::{Channel, RawDocument, ToPost, ToValidate};
use crate::stages::{self, Context, Outgoing};
use crate::store::{DocumentRow, Store, StoreError, Tx};

/// The pipeline in one process.
pub struct Embedded {
    store: Store,
    ctx: Context,
}

/// What became of one document, plus what it sent out.
#[derive(Debug, Clone)]
pub struct Processed {
    pub document: DocumentRow,
    /// Invoice Responses produced (XML).
    pub invoice_responses: Vec<String>,
    /// `ledger.posted` events produced (JSON).
    pub events: Vec<String>,
    /// Reply mails produced (RFC 5322) for an e-mailed document.
    pub replies: Vec<Vec<u8>>,
}

#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error("configuration: {0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("internal message could not be read: {0}")]
    Message(#[from] serde_json::Error),
}

impl Embedded {
    /// Open (or create) the ledger at `database_url` (normally `sqlite://FILE?mode=rwc`).
    pub async fn open(settings: &Settings, database_url: &str) -> Result<Embedded, EmbeddedError> {
        let ctx = Context::from_settings(settings)?;
        let store = Store::open(database_url, 1).await?;
        Ok(Embedded { store, ctx })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Run one document through every stage, each in its own transaction as the workers do.
    pub async fn process(&self, raw: RawDocument) -> Result<Processed, EmbeddedError> {
        use futures_util::FutureExt;
        let id = raw.document_id.clone();
        let mut invoice_responses = Vec::new();
        let mut events = Vec::new();
        let mut replies = Vec::new();
        let channel = raw.channel;
        let run = std::panic::AssertUnwindSafe(self.run_stages(
            raw,
            &mut invoice_responses,
            &mut events,
            &mut replies,
        ))
        .catch_unwind();
        let failure = match run.await {
            Ok(Ok(())) => None,
            Ok(Err(EmbeddedError::Store(err))) if err.is_transient() => return Err(err.into()),
            Ok(Err(err)) => Some(err.to_string()),
            Err(_) => Some("stage panicked".to_owned()),
        };
        if let Some(problem) = failure {
            // As the workers do: a document that cannot be processed is set aside, visibly.
            tracing::error!(%problem, document_id = %id, "processing failed; document set aside");
            let finding = stages::internal_failure(&problem);
            let mut transaction = self.store.begin().await?;
            Tx {
                conn: &mut transaction,
            }
            .set_aside_in_flight(
                &id,
                match channel {
                    crate::messages::Channel::Ehf => crate::store::Stage::Receiver,
                    crate::messages::Channel::Email => crate::store::Stage::Intake,
                },
                &finding,
                stages::now_us(),
            )
            .await?;
            transaction.commit().await.map_err(StoreError::from)?;
        }
        let document = self
            .store
            .document(&id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("document {id} vanished")))?;
        Ok(Processed {
            document,
            invoice_responses,
            events,
            replies,
        })
    }

    async fn run_stages(
        &self,
        raw: RawDocument,
        invoice_responses: &mut Vec<String>,
        events: &mut Vec<String>,
        replies: &mut Vec<Vec<u8>>,
    ) -> Result<(), EmbeddedError> {
        let mut queue: VecDeque<Outgoing> = VecDeque::new();
        queue.extend(
            self.step(|tx, ctx| {
                Box::pin(async move {
                    match raw.channel {
                        Channel::Ehf => stages::receive(tx, ctx, &raw).await,
                        Channel::Email => crate::intake::intake(tx, ctx, &raw).await,
                    }
                })
            })
            .await?,
        );
        while let Some(out) = queue.pop_front() {
            match out {
                Outgoing::Validate { body, .. } => {
                    let msg: ToValidate = serde_json::from_slice(&body)?;
                    queue.extend(
                        self.step(|tx, ctx| {
                            Box::pin(async move { stages::validate(tx, ctx, &msg).await })
                        })
                        .await?,
                    );
                }
                Outgoing::Post { body, .. } => {
                    let msg: ToPost = serde_json::from_slice(&body)?;
                    queue.extend(
                        self.step(|tx, ctx| {
                            Box::pin(async move { stages::post(tx, ctx, &msg).await })
                        })
                        .await?,
                    );
                }
                Outgoing::InvoiceResponse { xml, .. } => invoice_responses.push(xml),
                Outgoing::LedgerPosted { body, .. } => events.push(body),
                Outgoing::ReplyMail { bytes, .. } => replies.push(bytes),
            }
        }
        Ok(())
    }

    async fn step<F>(&self, f: F) -> Result<Vec<Outgoing>, StoreError>
    where
        F: for<'a> FnOnce(
            &'a mut Tx<'_>,
            &'a Context,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<Vec<Outgoing>, StoreError>> + Send + 'a>,
        >,
    {
        let mut transaction = self.store.begin().await?;
        let out = {
            let mut tx = Tx {
                conn: &mut transaction,
            };
            f(&mut tx, &self.ctx).await?
        };
        transaction.commit().await?;
        Ok(out)
    }
}
