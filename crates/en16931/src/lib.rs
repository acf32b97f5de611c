//! EN16931 and Peppol BIS Billing 3.0 validation of UBL Invoice and CreditNote documents.
//!
//! The document is read once into a compact tree ([`doc::Doc`]); every registered rule then
//! walks that tree, so the cost grows linearly with the document. Each rule keeps its official
//! id and flag; [`validate`] reports how many times each one fired.

pub mod conformance;
pub mod doc;
pub mod identifiers;
pub mod rules;
pub mod tag;

pub use doc::{InputError, Kind};
pub use rules::{
    ClerkMessage, Firing, Flag, Report, RuleInfo, clerk_message, rule, rules, validate,
};
