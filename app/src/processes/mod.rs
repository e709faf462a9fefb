//! Participation processes (Beteiligungsprozesse): their phases as a timeline with one current,
//! overarching goals, action fields (Handlungsfelder) with goals of their own, and theme tags.
//! Organizers and admins edit them; the public sees published ones only.

pub mod api;
pub(crate) mod editor;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
