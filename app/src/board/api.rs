//! Server functions of the board: the participant page's data and the snapshots a board
//! loads again when its live channel reconnects.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::{
    error::AppError,
    workshops::types::{Board, Entry, WorkshopId},
};
#[cfg(feature = "ssr")]
use crate::{
    participants::api::token,
    server::{self, respond},
};

/// What the participant page shows for a join code.
#[server(input = GetUrl, endpoint = "w/entry")]
pub async fn get_entry(code: String) -> Result<Entry, AppError> {
    let token = token(&code);
    let state = server::state()?;
    let entry = crate::board::service::entry(&state.db, &state.live, &code, token.as_deref()).await;
    // Guessing codes costs: every unknown code counts against the address.
    if matches!(entry, Err(AppError::NotFound)) {
        server::limit(server::Bucket::Lookup)?;
    }
    respond(entry)
}

/// The participant's board as data (for clients without a browser, such as the load tool).
#[server(input = GetUrl, endpoint = "w/board")]
pub async fn get_board(code: String) -> Result<Board, AppError> {
    let who = crate::participants::api::participant(&code).await?;
    let state = server::state()?;
    let version = state.live.version(who.workshop.id);
    respond(
        crate::board::service::shared_participant_board(&state.db, &state.live, who.workshop.id, &who.record, &version)
            .await,
    )
}

#[server(input = GetUrl, endpoint = "staff/board")]
pub async fn get_moderator_board(id: WorkshopId) -> Result<Board, AppError> {
    let actor = crate::auth::actor().await?;
    respond(crate::board::service::moderator_board(&server::db()?, &actor, id).await)
}
