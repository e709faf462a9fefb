//! Proposals (Maßnahmenvorschläge): submitted by participants per action field, edited with
//! every version kept, withdrawn, reported, and moderated.

pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod drafts;
#[cfg(feature = "ssr")]
pub mod fate;
#[cfg(feature = "ssr")]
pub mod live;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
