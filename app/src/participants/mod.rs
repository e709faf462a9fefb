//! Participants: joining a workshop without an account, the token in the cookie, and the
//! organizer's export and deletion of a participant's data.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
