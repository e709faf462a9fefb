//! Participants: joining a workshop without an account, the token in the cookie, and the
//! organizer's export and deletion of a participant's data.

#[cfg(feature = "ssr")]
pub mod service;
