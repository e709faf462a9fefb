//! Workshops: set-up by organizers, the course run by moderators, who may run a workshop, the
//! shared workshop types (with the live events and the ids of the live fragments) and the live
//! state of hydrated staff boards. Participants, proposals, clustering and the board build on it.

pub mod api;
pub mod components;
pub mod live;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
pub mod types;
