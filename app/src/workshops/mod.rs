//! Workshops: joining without an account, proposals per action field, the live board, the
//! projector view and moderation.

pub mod api;
pub mod board;
#[cfg(feature = "ssr")]
pub mod live;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
