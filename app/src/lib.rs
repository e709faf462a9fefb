//! Plenum: participatory workshops for local action plans. This crate is shared by the
//! server (feature `ssr`) and the browser (feature `hydrate`).
// Nested views of the live board make deep types in the wasm build.
#![recursion_limit = "256"]

pub mod app;
pub mod auth;
pub mod board;
pub mod clustering;
pub mod error;
pub mod i18n;
pub mod ids;
pub mod instance;
pub mod participants;
pub mod plan;
pub mod processes;
pub mod proposals;
#[cfg(feature = "ssr")]
pub mod server;
pub mod surveys;
pub mod ui;
pub mod validate;
pub mod votes;
pub mod workshops;

/// Hydrates the server-rendered page in the browser.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_body(app::App);
}
