//! Staff accounts: first-start setup of the admin, log in and out, sessions, and the
//! admin's management of accounts. Participants never have accounts.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;

/// Name of the session cookie of staff members.
pub const SESSION_COOKIE: &str = "plenum_session";
