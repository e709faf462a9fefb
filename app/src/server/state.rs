use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::{AddressLimits, Assets, LiveHub, Writer};

/// Instance settings read from the environment at start.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The address people use to reach this instance, e.g. `https://beteiligung.krefeld.de`.
    pub public_url: String,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy): the
    /// address the proxy added, the last one in the header.
    pub trust_proxy: bool,
}

/// Everything a request handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// The group-commit writer of `db` (ballots).
    pub writer: Writer,
    pub live: Arc<LiveHub>,
    pub settings: Arc<Settings>,
    /// The published names of the static assets.
    pub assets: Arc<Assets>,
    /// Limits per client address on joining, lookups, submissions, ballots and surveys.
    pub limits: Arc<AddressLimits>,
    /// The open live streams, by who holds them.
    pub streams: super::streams::StreamSlots,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
