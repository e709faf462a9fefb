//! Staff accounts: first-start setup of the admin, log in and out, sessions (with a fixed
//! lifetime and an idle timeout), the login limiter, each staff member's own password and the
//! admin's management of accounts. Participants never have accounts.

#[cfg(feature = "ssr")]
mod accounts;
pub mod api;
#[cfg(feature = "ssr")]
mod current;
#[cfg(feature = "ssr")]
mod limiter;
pub mod pages;
#[cfg(feature = "ssr")]
mod password;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod sessions;
pub mod types;

#[cfg(feature = "ssr")]
pub use current::{actor, limiter, organizer};
#[cfg(feature = "ssr")]
pub use limiter::{LoginLimiter, address_key};

/// Name of the session cookie of staff members.
pub const SESSION_COOKIE: &str = "plenum_session";
