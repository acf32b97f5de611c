//! The domain core of mottak: the canonical invoice and credit note, identifiers that can
//! only hold valid values, money, file-type detection and the posting logic. No I/O.

pub mod filetype;
pub mod ids;
pub mod model;
pub mod money;
pub mod posting;

pub use model::*;
