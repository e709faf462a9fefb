//! Workshops: set-up, joining without an account, proposals per action field, the projector
//! view and moderation. The live board itself is the `board` feature.

pub mod api;
pub mod components;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
