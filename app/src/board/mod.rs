//! The live board of a workshop: proposals grouped by action field and the clusters formed so
//! far, for participants, moderators and the projector, kept current without reload.
//!
//! Staff views hydrate and apply data events; participant pages carry no wasm: the server
//! renders every change as HTML fragments with the same components the page uses (`view`),
//! once per language in use (`publish`), and `public/live.js` swaps them in by id (`stream` is
//! the server-sent-events endpoint). `docs/ARCHITECTURE.md` describes the path.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod publish;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod stream;
pub mod view;
