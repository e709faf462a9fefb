//! Grouping proposals that mean the same measure. `similar` holds the suggestion method that
//! the moderator's button and `plenum suggest-clusters` share.

pub mod api;
pub mod components;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod similar;
pub mod types;
