//! The live board of a workshop: proposals grouped by action field and the clusters formed so
//! far, for participants, moderators and the projector, kept current without reload.
//!
//! The board composes the other features: proposals' cards, clusters, the participant count
//! and the workshop's state. Each feature publishes its own changes to the hub (its data event,
//! and for participant pages the fragment rendered with its own component, once per language
//! in use); `stream` is the server-sent-events endpoint and `frontend/live.js` swaps the
//! fragments in by id. Staff views hydrate and apply the data events. `docs/ARCHITECTURE.md`
//! describes the path.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod stream;
pub mod view;
