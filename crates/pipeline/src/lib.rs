//! The imperative shell of mottak: configuration, the store (PostgreSQL / SQLite through
//! sqlx), the bus (RabbitMQ through lapin), the stages that tie them to the functional core,
//! the worker loop and the embedded mode.

pub mod bus;
pub mod config;
pub mod embedded;
pub mod fixtures;
mod intake;
pub mod maildir;
pub mod messages;
mod stages;
pub mod store;
pub mod synthetic;
pub mod telemetry;
pub mod worker;

pub use config::Settings;
pub use intake::MailContext;
pub use stages::{Context, Outgoing};

/// A fresh document id for an ingested document: time-ordered (UUIDv7).
pub fn new_document_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The id of a document derived from its bytes (`sha256-<hex>`): handing the same file over
/// twice is then recognised as one document, not two.
pub fn content_document_id(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("sha256-{}", hex::encode(Sha256::digest(bytes)))
}

/// Now, in µs since the Unix epoch.
pub fn now_us() -> i64 {
    stages::now_us()
}
