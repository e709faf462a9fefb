//! Plenum: participatory workshops for local action plans. This crate is shared by the
//! server (feature `ssr`) and the browser (feature `hydrate`).

pub mod app;
pub mod auth;
pub mod error;
pub mod i18n;
pub mod processes;
#[cfg(feature = "ssr")]
pub mod server;
pub mod ui;
pub mod validate;

/// Hydrates the server-rendered page in the browser.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_body(app::App);
}
