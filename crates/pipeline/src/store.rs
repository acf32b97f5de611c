//! The store: PostgreSQL for the workers, SQLite for the embedded mode, one set of portable
//! SQL statements through sqlx's `Any` driver. Every write is idempotent, so a redelivered
//! message changes nothing.

use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::{MigrateDatabase, Migrator};
use sqlx::{Any, AnyConnection, AnyPool, Row};

use crate::messages::Channel;

static PG_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");
static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");

/// Lifecycle of a document. `posted`, `rejected`, `set_aside` and `awaiting_capture` are
/// where the pipeline leaves it; `awaiting_capture` waits for a clerk to key in a scanned or
/// unreadable e-mailed invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocState {
    Received,
    Validating,
    Posting,
    Posted,
    Rejected,
    SetAside,
    AwaitingCapture,
}

impl DocState {
    pub const ALL: [DocState; 7] = [
        DocState::Received,
        DocState::Validating,
        DocState::Posting,
        DocState::Posted,
        DocState::Rejected,
        DocState::SetAside,
        DocState::AwaitingCapture,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocState::Received => "received",
            DocState::Validating => "validating",
            DocState::Posting => "posting",
            DocState::Posted => "posted",
            DocState::Rejected => "rejected",
            DocState::SetAside => "set_aside",
            DocState::AwaitingCapture => "awaiting_capture",
        }
    }

    pub fn parse(s: &str) -> Option<DocState> {
        DocState::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn is_final(self) -> bool {
        matches!(
            self,
            DocState::Posted | DocState::Rejected | DocState::SetAside | DocState::AwaitingCapture
        )
    }
}

impl std::fmt::Display for DocState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which worker decided a document's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The e-mail intake.
    Intake,
    Receiver,
    Validator,
    Poster,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Intake => "intake",
            Stage::Receiver => "receiver",
            Stage::Validator => "validator",
            Stage::Poster => "poster",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL «{0}»: use postgres://… or sqlite://…")]
    Url(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Whether trying again later may succeed (connection trouble, serialization conflicts),
    /// as opposed to an error the same input will always meet.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Sqlx(e) => match e {
                sqlx::Error::Io(_)
                | sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::WorkerCrashed
                | sqlx::Error::Protocol(_)
                | sqlx::Error::Tls(_) => true,
                sqlx::Error::Database(db) => {
                    // Serialization failure, deadlock, too many connections, shutdown, and
                    // the whole class 08 (connection exception).
                    db.code().is_some_and(|c| {
                        matches!(
                            c.as_ref(),
                            "40001" | "40P01" | "53300" | "57P01" | "57P02" | "57P03"
                        ) || c.starts_with("08")
                            // SQLite: busy / locked (another process holds the file).
                            || matches!(c.as_ref(), "5" | "6" | "261" | "262" | "517")
                    })
                }
                _ => false,
            },
            StoreError::Migrate(_) | StoreError::Url(_) | StoreError::Corrupt(_) => false,
        }
    }
}

/// A connection pool with the schema in place.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
}

impl Store {
    /// Connect, creating the database and running migrations on first start.
    pub async fn open(url: &str, max_connections: u32) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let migrator = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            &PG_MIGRATIONS
        } else if url.starts_with("sqlite:") {
            &SQLITE_MIGRATIONS
        } else {
            return Err(StoreError::Url(url.to_owned()));
        };
        if !Any::database_exists(url).await? {
            // Two workers starting at once may both try: losing that race is fine.
            if let Err(err) = Any::create_database(url).await
                && !Any::database_exists(url).await?
            {
                return Err(err.into());
            }
        }
        let options = AnyConnectOptions::from_str(url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(std::time::Duration::from_secs(30))
            .connect_with(options)
            .await?;
        migrator.run(&pool).await?;
        Ok(Store { pool })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn begin(&self) -> Result<sqlx::Transaction<'static, Any>, StoreError> {
        Ok(self.pool.begin().await?)
    }

    /// Number of documents per state.
    pub async fn counts(&self) -> Result<Vec<(DocState, i64)>, StoreError> {
        let rows = sqlx::query("SELECT state, COUNT(*) AS n FROM documents GROUP BY state")
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::new();
        for state in DocState::ALL {
            let n = rows
                .iter()
                .filter(|r| {
                    r.try_get::<String, _>("state")
                        .is_ok_and(|s| s == state.as_str())
                })
                .map(|r| r.try_get::<i64, _>("n"))
                .next()
                .transpose()?
                .unwrap_or(0);
            out.push((state, n));
        }
        Ok(out)
    }

    /// Σ of every journal line, in minor units: zero when the ledger balances.
    pub async fn trial_balance(&self) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM journal_lines",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get::<i64, _>("total")?)
    }

    /// Documents in a final or intermediate state, with the reasons recorded.
    pub async fn documents(&self, state: Option<DocState>) -> Result<Vec<DocumentRow>, StoreError> {
        let sql = "SELECT id, channel, source_name, doc_kind, invoice_number, supplier_name, state, stage, reasons, received_us, updated_us \
                   FROM documents WHERE ($1 = '' OR state = $1) ORDER BY received_us, id";
        let rows = sqlx::query(sql)
            .bind(state.map(|s| s.as_str()).unwrap_or_default())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(DocumentRow::from_row).collect()
    }

    pub async fn document(&self, id: &str) -> Result<Option<DocumentRow>, StoreError> {
        let sql = "SELECT id, channel, source_name, doc_kind, invoice_number, supplier_name, state, stage, reasons, received_us, updated_us \
                   FROM documents WHERE id = $1";
        let row = sqlx::query(sql).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(DocumentRow::from_row).transpose()
    }

    /// Number of journal entries per document id (to prove "exactly once").
    pub async fn entries_per_document(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT document_id, COUNT(*) AS n FROM journal_entries GROUP BY document_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get::<String, _>("document_id")?,
                    r.try_get::<i64, _>("n")?,
                ))
            })
            .collect()
    }

    /// The stored Invoice Response of a document.
    pub async fn invoice_response(
        &self,
        document_id: &str,
    ) -> Result<Option<(String, String)>, StoreError> {
        let row = sqlx::query("SELECT id, xml FROM invoice_responses WHERE document_id = $1")
            .bind(document_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok((
                r.try_get::<String, _>("id")?,
                r.try_get::<String, _>("xml")?,
            ))
        })
        .transpose()
    }

    /// The original bytes of a document.
    pub async fn original(&self, document_id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query(
            "SELECT b.content FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.id = $1",
        )
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| r.try_get::<Vec<u8>, _>("content"))
            .transpose()
            .map_err(Into::into)
    }

    /// What became of an e-mailed document's sender and PDF: whether a reply was produced
    /// (or why not) and how the invoice was read.
    pub async fn mail_outcome(&self, document_id: &str) -> Result<Option<MailOutcome>, StoreError> {
        let row = sqlx::query(
            "SELECT e.suppressed, e.capture_json, e.from_address, r.id AS reply_id \
             FROM emails e LEFT JOIN mail_replies r ON r.document_id = e.document_id WHERE e.document_id = $1",
        )
        .bind(document_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let capture: Option<String> = r.try_get("capture_json")?;
            Ok(MailOutcome {
                from: r.try_get("from_address")?,
                reply_id: r.try_get("reply_id")?,
                suppressed: r.try_get("suppressed")?,
                capture: capture
                    .map(|c| serde_json::from_str(&c))
                    .transpose()
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            })
        })
        .transpose()
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The e-mail side of a document (see [`Store::mail_outcome`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MailOutcome {
    pub from: Option<String>,
    /// Message-ID of the reply mail, when one was produced.
    pub reply_id: Option<String>,
    /// Why the sender was not answered, when not.
    pub suppressed: Option<String>,
    /// How the invoice was read: `source` (`text`, `cii`, `ubl`, `none`), the fields with
    /// where each was found, what was missing.
    pub capture: Option<serde_json::Value>,
}

/// One row of `documents`, as shown by `mottak status` and `mottak rejections`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DocumentRow {
    pub id: String,
    pub channel: String,
    pub source_name: Option<String>,
    pub doc_kind: Option<String>,
    pub invoice_number: Option<String>,
    pub supplier_name: Option<String>,
    pub state: DocState,
    pub stage: Option<String>,
    pub reasons: Vec<mottak_rules::Finding>,
    pub received_us: i64,
    pub updated_us: i64,
}

impl DocumentRow {
    fn from_row(r: &sqlx::any::AnyRow) -> Result<DocumentRow, StoreError> {
        let state: String = r.try_get("state")?;
        let reasons: String = r.try_get("reasons")?;
        Ok(DocumentRow {
            id: r.try_get("id")?,
            channel: r.try_get("channel")?,
            source_name: r.try_get("source_name")?,
            doc_kind: r.try_get("doc_kind")?,
            invoice_number: r.try_get("invoice_number")?,
            supplier_name: r.try_get("supplier_name")?,
            state: DocState::parse(&state)
                .ok_or_else(|| StoreError::Corrupt(format!("state {state}")))?,
            stage: r.try_get("stage")?,
            reasons: serde_json::from_str(&reasons)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?,
            received_us: r.try_get("received_us")?,
            updated_us: r.try_get("updated_us")?,
        })
    }
}

/// `url` (a database server URL) with another database name: for benchmarks and tests that
/// each want a database of their own on the same server.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let base = base.rsplit_once('/').map_or(base, |(server, _)| server);
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Text columns cannot hold NUL in PostgreSQL; nothing a person reads needs one.
pub(crate) fn clean(text: &str) -> String {
    text.replace('\0', "\u{FFFD}")
}

pub(crate) fn clean_opt(text: Option<&str>) -> Option<String> {
    text.map(clean)
}

/// The writes of the stages, inside one transaction.
pub(crate) struct Tx<'c> {
    pub(crate) conn: &'c mut AnyConnection,
}

pub(crate) struct NewDocument<'a> {
    pub id: &'a str,
    pub channel: Channel,
    pub source_name: Option<&'a str>,
    pub sha256: &'a str,
    pub bytes: &'a [u8],
    pub received_us: i64,
    pub now_us: i64,
}

/// What the store knows of a document.
pub(crate) struct DocStatus {
    pub state: DocState,
    pub channel: Channel,
    /// SHA-256 of its original bytes.
    pub sha256: String,
}

impl Tx<'_> {
    pub(crate) async fn put_blob(&mut self, sha256: &str, bytes: &[u8]) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO blobs (sha256, size_bytes, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING")
            .bind(sha256)
            .bind(i64::try_from(bytes.len()).unwrap_or(i64::MAX))
            .bind(bytes)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    pub(crate) async fn blob(&mut self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query("SELECT content FROM blobs WHERE sha256 = $1")
            .bind(sha256)
            .fetch_optional(&mut *self.conn)
            .await?;
        row.map(|r| r.try_get::<Vec<u8>, _>("content"))
            .transpose()
            .map_err(Into::into)
    }

    /// Record a received document (its bytes first). Returns its state: `received` for a
    /// new one, whatever it reached for one seen before.
    pub(crate) async fn receive(&mut self, doc: &NewDocument<'_>) -> Result<DocStatus, StoreError> {
        self.put_blob(doc.sha256, doc.bytes).await?;
        sqlx::query(
            "INSERT INTO documents (id, channel, source_name, sha256, size_bytes, received_us, state, updated_us) \
             VALUES ($1, $2, $3, $4, $5, $6, 'received', $7) ON CONFLICT (id) DO NOTHING",
        )
        .bind(doc.id)
        .bind(doc.channel.as_str())
        .bind(clean_opt(doc.source_name))
        .bind(doc.sha256)
        .bind(i64::try_from(doc.bytes.len()).unwrap_or(i64::MAX))
        .bind(doc.received_us)
        .bind(doc.now_us)
        .execute(&mut *self.conn)
        .await?;
        self.status(doc.id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("document {} vanished", doc.id)))
    }

    pub(crate) async fn status(&mut self, id: &str) -> Result<Option<DocStatus>, StoreError> {
        let row = sqlx::query("SELECT state, channel, sha256 FROM documents WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *self.conn)
            .await?;
        match row {
            None => Ok(None),
            Some(row) => {
                let state: String = row.try_get("state")?;
                let state = DocState::parse(&state)
                    .ok_or_else(|| StoreError::Corrupt(format!("unknown state {state}")))?;
                let channel: String = row.try_get("channel")?;
                let channel = Channel::parse(&channel)
                    .ok_or_else(|| StoreError::Corrupt(format!("unknown channel {channel}")))?;
                Ok(Some(DocStatus {
                    state,
                    channel,
                    sha256: row.try_get("sha256")?,
                }))
            }
        }
    }

    pub(crate) async fn add_attachment(
        &mut self,
        document_id: &str,
        position: usize,
        att: &mottak_invoice::Attachment,
    ) -> Result<(), StoreError> {
        let problem = att
            .problem
            .as_ref()
            .map(|p| serde_json::to_string(p).unwrap_or_default());
        sqlx::query(
            "INSERT INTO attachments (document_id, position, sha256, filename, declared_mime, detected_type, external_uri, problem) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (document_id, position) DO NOTHING",
        )
        .bind(document_id)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(att.sha256.as_deref())
        .bind(clean_opt(att.filename.as_deref()))
        .bind(clean_opt(att.declared_mime.as_deref()))
        .bind(att.detected.map(|d| d.label()))
        .bind(clean_opt(att.external_uri.as_deref()))
        .bind(problem)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    /// Move a document to `to` if it is still in `from` (so a redelivery never moves a
    /// document backwards), recording the findings unless `reasons` is `None` (keep them).
    /// Returns whether it moved.
    pub(crate) async fn transition(
        &mut self,
        id: &str,
        from: DocState,
        to: DocState,
        stage: Stage,
        reasons: Option<&[mottak_rules::Finding]>,
        now_us: i64,
    ) -> Result<bool, StoreError> {
        let reasons = reasons
            .map(|r| serde_json::to_string(r).map_err(|e| StoreError::Corrupt(e.to_string())))
            .transpose()?;
        let done = sqlx::query(
            "UPDATE documents SET state = $1, stage = $2, reasons = COALESCE($3, reasons), updated_us = $4 \
             WHERE id = $5 AND state = $6",
        )
        .bind(to.as_str())
        .bind(stage.as_str())
        .bind(reasons.as_deref().map(clean))
        .bind(now_us)
        .bind(id)
        .bind(from.as_str())
        .execute(&mut *self.conn)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Record what the receiver read from a document.
    pub(crate) async fn describe(
        &mut self,
        id: &str,
        invoice: &mottak_invoice::Invoice,
        supplier_key: Option<&str>,
    ) -> Result<(), StoreError> {
        let json =
            serde_json::to_string(invoice).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "UPDATE documents SET doc_kind = $1, invoice_number = $2, supplier_name = $3, supplier_key = $4, invoice_json = $5 WHERE id = $6",
        )
        .bind(invoice.kind.as_str())
        .bind(clean_opt(invoice.number.as_deref()))
        .bind(clean_opt(invoice.supplier_name()))
        .bind(clean_opt(supplier_key))
        .bind(clean(&json))
        .bind(id)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    /// The document that holds this invoice number for this supplier, if any.
    pub(crate) async fn number_holder(
        &mut self,
        supplier_key: &str,
        kind: &str,
        number: &str,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query(
            "SELECT document_id FROM invoice_numbers WHERE supplier_key = $1 AND doc_kind = $2 AND invoice_number = $3",
        )
        .bind(clean(supplier_key))
        .bind(kind)
        .bind(clean(number))
        .fetch_optional(&mut *self.conn)
        .await?;
        row.map(|r| r.try_get::<String, _>("document_id"))
            .transpose()
            .map_err(Into::into)
    }

    /// Claim an invoice number for a document; returns the holder after the claim (this
    /// document, unless another got there first).
    pub(crate) async fn claim_number(
        &mut self,
        supplier_key: &str,
        kind: &str,
        number: &str,
        document_id: &str,
    ) -> Result<String, StoreError> {
        sqlx::query(
            "INSERT INTO invoice_numbers (supplier_key, doc_kind, invoice_number, document_id) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (supplier_key, doc_kind, invoice_number) DO NOTHING",
        )
        .bind(clean(supplier_key))
        .bind(kind)
        .bind(clean(number))
        .bind(document_id)
        .execute(&mut *self.conn)
        .await?;
        self.number_holder(supplier_key, kind, number)
            .await?
            .ok_or_else(|| StoreError::Corrupt("claimed invoice number vanished".into()))
    }

    /// When a document was received, as a date (for messages that name an earlier document
    /// without exposing internal ids or file names).
    pub(crate) async fn received_date(&mut self, id: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT received_us FROM documents WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *self.conn)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let micros: i64 = row.try_get("received_us")?;
        let date = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1000)
            .map(|t| t.date().to_string())
            .ok();
        Ok(date)
    }

    /// The parsed invoice stored by the receiver.
    pub(crate) async fn invoice(
        &mut self,
        id: &str,
    ) -> Result<Option<mottak_invoice::Invoice>, StoreError> {
        let row = sqlx::query("SELECT invoice_json FROM documents WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *self.conn)
            .await?;
        let Some(json) = row
            .map(|r| r.try_get::<Option<String>, _>("invoice_json"))
            .transpose()?
            .flatten()
        else {
            return Ok(None);
        };
        serde_json::from_str(&json)
            .map(Some)
            .map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    /// Give up a document's claim on its invoice number (it will not be posted).
    pub(crate) async fn release_number(&mut self, document_id: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM invoice_numbers WHERE document_id = $1")
            .bind(document_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    /// Set aside a document that is still in flight, whatever stage it is in, with `finding`.
    /// Used when processing failed for a reason no retry will cure, so that the document
    /// still reaches a visible end.
    pub(crate) async fn set_aside_in_flight(
        &mut self,
        id: &str,
        stage: Stage,
        finding: &mottak_rules::Finding,
        now_us: i64,
    ) -> Result<bool, StoreError> {
        let reasons = serde_json::to_string(std::slice::from_ref(finding))
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let done = sqlx::query(
            "UPDATE documents SET state = 'set_aside', stage = $1, reasons = $2, updated_us = $3 \
             WHERE id = $4 AND state IN ('received', 'validating', 'posting')",
        )
        .bind(stage.as_str())
        .bind(clean(&reasons))
        .bind(now_us)
        .bind(id)
        .execute(&mut *self.conn)
        .await?;
        if done.rows_affected() == 1 {
            self.release_number(id).await?;
        }
        Ok(done.rows_affected() == 1)
    }

    pub(crate) async fn put_invoice_response(
        &mut self,
        id: &str,
        document_id: &str,
        xml: &str,
        now_us: i64,
    ) -> Result<(String, String), StoreError> {
        sqlx::query(
            "INSERT INTO invoice_responses (id, document_id, created_us, xml) VALUES ($1, $2, $3, $4) ON CONFLICT (document_id) DO NOTHING",
        )
        .bind(id)
        .bind(document_id)
        .bind(now_us)
        .bind(clean(xml))
        .execute(&mut *self.conn)
        .await?;
        self.invoice_response(document_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("stored invoice response vanished".into()))
    }

    pub(crate) async fn invoice_response(
        &mut self,
        document_id: &str,
    ) -> Result<Option<(String, String)>, StoreError> {
        let row = sqlx::query("SELECT id, xml FROM invoice_responses WHERE document_id = $1")
            .bind(document_id)
            .fetch_optional(&mut *self.conn)
            .await?;
        row.map(|r| {
            Ok((
                r.try_get::<String, _>("id")?,
                r.try_get::<String, _>("xml")?,
            ))
        })
        .transpose()
    }

    /// Insert a journal entry unless the document has one. Returns the stored event JSON.
    pub(crate) async fn post_entry(
        &mut self,
        entry: &StoredEntry<'_>,
    ) -> Result<String, StoreError> {
        if let Some(event) = self.posted_event(entry.document_id).await? {
            return Ok(event);
        }
        sqlx::query(
            "INSERT INTO journal_entries (id, document_id, entry_date, doc_kind, currency, supplier_key, supplier_name, invoice_number, payable_minor, posted_us, event_json) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(entry.id)
        .bind(entry.document_id)
        .bind(entry.date.to_string())
        .bind(entry.kind)
        .bind(entry.currency)
        .bind(clean(entry.supplier_key))
        .bind(clean_opt(entry.supplier_name))
        .bind(clean(entry.invoice_number))
        .bind(entry.payable_minor)
        .bind(entry.posted_us)
        .bind(clean(entry.event_json))
        .execute(&mut *self.conn)
        .await?;
        // Multi-row INSERTs keep an entry to few round trips; chunks stay far below the
        // bind-parameter limits of PostgreSQL (65535) and SQLite (32766).
        for (chunk_no, chunk) in entry.lines.chunks(500).enumerate() {
            let mut sql = String::from(
                "INSERT INTO journal_lines (entry_id, line_no, account, amount_minor, description, vat_rate) VALUES ",
            );
            for i in 0..chunk.len() {
                let b = i * 6;
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!(
                    "(${}, ${}, ${}, ${}, ${}, ${})",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6
                ));
            }
            // Audited: the SQL is built only from placeholders; every value is bound.
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (i, line) in chunk.iter().enumerate() {
                let line_no = chunk_no * 500 + i + 1;
                query = query
                    .bind(entry.id)
                    .bind(i64::try_from(line_no).unwrap_or(i64::MAX))
                    .bind(clean(&line.account))
                    .bind(line.amount_minor)
                    .bind(clean(&line.description))
                    .bind(line.vat_rate.clone());
            }
            query.execute(&mut *self.conn).await?;
        }
        Ok(entry.event_json.to_owned())
    }

    pub(crate) async fn posted_event(
        &mut self,
        document_id: &str,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT event_json FROM journal_entries WHERE document_id = $1")
            .bind(document_id)
            .fetch_optional(&mut *self.conn)
            .await?;
        row.map(|r| r.try_get::<String, _>("event_json"))
            .transpose()
            .map_err(Into::into)
    }
}

/// What the e-mail intake records of one mail.
pub(crate) struct NewEmail<'a> {
    pub document_id: &'a str,
    pub message_id: Option<&'a str>,
    pub from_address: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub mail_json: &'a str,
    pub parts_json: &'a str,
    pub reply_address: Option<&'a str>,
    pub suppressed: Option<&'a str>,
}

/// The e-mail facts a later stage needs to answer the sender.
pub(crate) struct EmailFacts {
    pub mail_json: String,
    pub reply_address: Option<String>,
    pub ubl_sha256: Option<String>,
}

/// A reply mail as stored and published.
pub(crate) struct StoredReply {
    pub id: String,
    pub content: Vec<u8>,
}

impl Tx<'_> {
    pub(crate) async fn put_email(&mut self, mail: &NewEmail<'_>) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO emails (document_id, message_id, from_address, subject, mail_json, parts_json, reply_address, suppressed) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (document_id) DO NOTHING",
        )
        .bind(mail.document_id)
        .bind(clean_opt(mail.message_id))
        .bind(clean_opt(mail.from_address))
        .bind(clean_opt(mail.subject))
        .bind(clean(mail.mail_json))
        .bind(clean(mail.parts_json))
        .bind(clean_opt(mail.reply_address))
        .bind(mail.suppressed)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    /// Record the accepted PDF/TIFF (its bytes first) and, when read, how it was captured.
    pub(crate) async fn put_email_document(
        &mut self,
        document_id: &str,
        part: &mottak_invoice::Attachment,
        bytes: &[u8],
        format: &str,
        pages: u32,
    ) -> Result<(), StoreError> {
        let sha256 = part.sha256.as_deref().unwrap_or_default();
        self.put_blob(sha256, bytes).await?;
        self.add_attachment(document_id, 0, part).await?;
        sqlx::query(
            "UPDATE emails SET document_sha256 = $1, document_format = $2, pages = $3 WHERE document_id = $4",
        )
        .bind(sha256)
        .bind(format)
        .bind(i64::from(pages))
        .bind(document_id)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    pub(crate) async fn put_capture(
        &mut self,
        document_id: &str,
        capture_json: &str,
        ubl_sha256: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE emails SET capture_json = $1, ubl_sha256 = $2 WHERE document_id = $3")
            .bind(clean(capture_json))
            .bind(ubl_sha256)
            .bind(document_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    pub(crate) async fn email(
        &mut self,
        document_id: &str,
    ) -> Result<Option<EmailFacts>, StoreError> {
        let row = sqlx::query(
            "SELECT mail_json, reply_address, ubl_sha256 FROM emails WHERE document_id = $1",
        )
        .bind(document_id)
        .fetch_optional(&mut *self.conn)
        .await?;
        row.map(|r| {
            Ok(EmailFacts {
                mail_json: r.try_get("mail_json")?,
                reply_address: r.try_get("reply_address")?,
                ubl_sha256: r.try_get("ubl_sha256")?,
            })
        })
        .transpose()
    }

    /// Note why a sender was not answered after all (e.g. the reply window).
    pub(crate) async fn suppress_reply(
        &mut self,
        document_id: &str,
        why: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE emails SET suppressed = $1 WHERE document_id = $2")
            .bind(why)
            .bind(document_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    /// When this address was last answered, µs since the epoch.
    pub(crate) async fn last_reply_to(
        &mut self,
        recipient: &str,
    ) -> Result<Option<i64>, StoreError> {
        let row =
            sqlx::query("SELECT MAX(created_us) AS last FROM mail_replies WHERE recipient = $1")
                .bind(recipient)
                .fetch_one(&mut *self.conn)
                .await?;
        Ok(row.try_get::<Option<i64>, _>("last")?)
    }

    pub(crate) async fn put_mail_reply(
        &mut self,
        id: &str,
        document_id: &str,
        recipient: &str,
        content: &[u8],
        now_us: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO mail_replies (id, document_id, recipient, created_us, content) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (document_id) DO NOTHING",
        )
        .bind(clean(id))
        .bind(document_id)
        .bind(clean(recipient))
        .bind(now_us)
        .bind(content)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    pub(crate) async fn mail_reply(
        &mut self,
        document_id: &str,
    ) -> Result<Option<StoredReply>, StoreError> {
        let row = sqlx::query("SELECT id, content FROM mail_replies WHERE document_id = $1")
            .bind(document_id)
            .fetch_optional(&mut *self.conn)
            .await?;
        row.map(|r| {
            Ok(StoredReply {
                id: r.try_get("id")?,
                content: r.try_get("content")?,
            })
        })
        .transpose()
    }

    /// The findings recorded so far (e.g. capture notes, kept when the validator decides).
    pub(crate) async fn reasons(
        &mut self,
        id: &str,
    ) -> Result<Vec<mottak_rules::Finding>, StoreError> {
        let row = sqlx::query("SELECT reasons FROM documents WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *self.conn)
            .await?;
        let Some(row) = row else {
            return Ok(Vec::new());
        };
        let json: String = row.try_get("reasons")?;
        serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(e.to_string()))
    }
}

pub(crate) struct StoredLine {
    pub account: String,
    pub amount_minor: i64,
    pub description: String,
    pub vat_rate: Option<String>,
}

pub(crate) struct StoredEntry<'a> {
    pub id: &'a str,
    pub document_id: &'a str,
    pub date: time::Date,
    pub kind: &'a str,
    pub currency: &'a str,
    pub supplier_key: &'a str,
    pub supplier_name: Option<&'a str>,
    pub invoice_number: &'a str,
    pub payable_minor: i64,
    pub posted_us: i64,
    pub event_json: &'a str,
    pub lines: Vec<StoredLine>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_database_on_the_same_server() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "mottak_x"),
            "postgres://postgres@127.0.0.1:5432/mottak_x"
        );
        assert_eq!(
            with_database("postgres://u:p@db/mottak?sslmode=require", "b"),
            "postgres://u:p@db/b?sslmode=require"
        );
    }

    #[test]
    fn states_round_trip_and_only_the_resting_states_are_final() {
        for state in DocState::ALL {
            assert_eq!(DocState::parse(state.as_str()), Some(state));
        }
        let finals: Vec<_> = DocState::ALL.into_iter().filter(|s| s.is_final()).collect();
        assert_eq!(
            finals,
            [
                DocState::Posted,
                DocState::Rejected,
                DocState::SetAside,
                DocState::AwaitingCapture
            ]
        );
    }
}
