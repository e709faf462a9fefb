//! Staff accounts: first-start setup of the admin, log in and out, sessions, and the
//! admin's management of accounts. Participants never have accounts.

pub mod api;
#[cfg(feature = "ssr")]
mod current;
#[cfg(feature = "ssr")]
mod limiter;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;

#[cfg(feature = "ssr")]
pub use current::{actor, limiter, organizer};
#[cfg(feature = "ssr")]
pub use limiter::LoginLimiter;

/// Name of the session cookie of staff members.
pub const SESSION_COOKIE: &str = "plenum_session";
