//! Proposals (Maßnahmenvorschläge): submitted by participants per action field, edited with
//! every version kept, withdrawn, reported, and moderated.

#[cfg(feature = "ssr")]
pub mod service;
