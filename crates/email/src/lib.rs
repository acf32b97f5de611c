//! E-mail intake: the functional core that decides what an inbound invoice mail is, and
//! reads an accepted invoice document.
//!
//! - [`intake`]: walk the MIME tree, count the documents the sender meant, check their type
//!   from the bytes, and decide: accept one PDF/TIFF, turn the mail away with a reason, or set
//!   it aside as not an invoice. Also says whether the sender may be answered.
//! - [`inspect`]: does a PDF open (pages, no user password), does a TIFF decode.
//! - [`reply`]: the bilingual reply mail to a sender (built with mail-builder).
//! - [`capture`]: turn an accepted PDF into the domain [`mottak_invoice::Invoice`]: embedded
//!   structured data (Factur-X/ZUGFeRD CII, UBL/EHF) first, else the text layer.
//!
//! Everything here is a plain function over bytes; the pipeline's e-mail intake stage stores,
//! publishes and answers.

pub mod capture;
pub mod inspect;
pub mod intake;
pub mod reply;
