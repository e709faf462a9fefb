//! The instance's own settings and the accessibility statement (`/barrierefreiheit`) they feed:
//! the municipality, the feedback contact and the date of the last own check, set by the admin.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
