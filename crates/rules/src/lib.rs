//! The receiver's formal requirements as named rules: each has a stable id, a severity, a
//! Peppol `OPStatusReason` code and a bilingual (bokmål, then English) message that an AP
//! clerk and the supplier understand.
//!
//! Everything here is a plain function over [`mottak_invoice::Invoice`]: no I/O. The one
//! rule that needs history (duplicates) is decided by the caller, which owns the register
//! of received invoice numbers, and reported with [`duplicate`].

mod catalogue;
mod finding;
mod official;
mod receiver;

pub use catalogue::{CATALOGUE, RuleDef, rule};
pub use finding::{Finding, Severity, Verdict};
pub use official::{official_findings, status_reason};
pub use receiver::{
    Origin, ReceiverIdentity, check, check_from, duplicate, is_norwegian_supplier,
    payment_means_to_use, supplier_key,
};
