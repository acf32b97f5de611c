//! What a rule says about a document.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document is returned to the supplier.
    Fatal,
    /// Recorded and shown to the clerk; never rejects.
    Warning,
}

/// One rule that fired, with the message for clerk and supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. `MOTTAK-REF`.
    pub rule: String,
    /// Peppol `OPStatusReason` code, e.g. `REF`.
    pub code: String,
    pub severity: Severity,
    /// Bokmål first, then English, separated by ` / `.
    pub message: String,
    /// Where in the document, when the rule can say (e.g. `line 3`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

impl Finding {
    pub fn is_fatal(&self) -> bool {
        self.severity == Severity::Fatal
    }
}

/// All findings for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub findings: Vec<Finding>,
}

impl Verdict {
    /// Whether any fatal rule fired: the document is returned.
    pub fn is_rejected(&self) -> bool {
        self.findings.iter().any(Finding::is_fatal)
    }

    pub fn fatal(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_fatal())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_fatal())
    }
}
