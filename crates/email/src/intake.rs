//! The intake decision over one raw RFC 5322 message.
//!
//! CONTRACT (used by mottak-pipeline; keep these names and shapes):
//!
//! ```ignore
//! pub struct IntakeConfig { pub own_addresses: Vec<String>, pub max_message_bytes: usize }
//! pub fn decide(raw: &[u8], config: &IntakeConfig) -> Intake;
//! pub struct Intake { pub mail: MailInfo, pub parts: Vec<Part>, pub verdict: Verdict, pub reply: ReplyPolicy }
//! pub struct MailInfo { pub message_id: Option<String>, pub from: Option<Mailbox>,
//!     pub reply_to: Option<Mailbox>, pub return_path: Option<String>, pub subject: Option<String>,
//!     pub date: Option<String>, pub references: Vec<String> }
//! pub struct Mailbox { pub name: Option<String>, pub address: String }
//! pub struct Part { pub path: String, pub filename: Option<String>, pub declared_type: Option<String>,
//!     pub detected: DetectedType, pub size: usize, pub counted: bool, pub note: Option<String>, pub bytes: Vec<u8> }
//! pub enum Verdict { Accept { part: usize, format: DocFormat, pages: u32 },
//!                    TurnAway(Reason), NotInvoice(Reason) }
//! pub struct Reason { pub code: &'static str, pub nb: String, pub en: String }
//! pub enum ReplyPolicy { Reply { to: String }, Suppress(Suppressed) }
//! ```
