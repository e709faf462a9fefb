//! The live channel of a board: server-sent events at `/w/{code}/live`.
//!
//! A board opens it, then loads its snapshot; every change after that arrives as an event.
//! `EventSource` reconnects by itself after a sleep or a restart of the server, and the board
//! loads its snapshot again on each (re)connect, so nothing is missed.

use std::{convert::Infallible, time::Duration};

use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode, header},
    response::{
        IntoResponse, Response,
        sse::{Event, KeepAlive, Sse},
    },
};
use tokio::sync::broadcast::error::RecvError;

use super::{api::participant_cookie, service, types::WorkshopId};
use crate::{
    auth::{self, types::Actor},
    error::AppError,
    server::{AppState, cookie_from_headers},
};

/// Who may listen: the workshop's participants (by their cookie) and its staff.
async fn authorise(state: &AppState, code: &str, headers: &HeaderMap) -> Result<WorkshopId, AppError> {
    let token = cookie_from_headers(headers, &participant_cookie(code));
    match service::participant_workshop(&state.db, code, token.as_deref()).await {
        Ok(id) => return Ok(id),
        Err(AppError::Unauthenticated | AppError::Forbidden) => {}
        Err(e) => return Err(e),
    }
    let actor = match cookie_from_headers(headers, auth::SESSION_COOKIE) {
        Some(session) => auth::service::session_user(&state.db, &session).await?.map_or(Actor::Anonymous, Actor::Staff),
        None => Actor::Anonymous,
    };
    service::workshop_of_code(&state.db, &actor, code).await
}

/// The event stream of one workshop's boards.
pub async fn events(State(state): State<AppState>, Path(code): Path<String>, headers: HeaderMap) -> Response {
    let workshop = match authorise(&state, &code, &headers).await {
        Ok(id) => id,
        Err(e) => {
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::FORBIDDEN);
            return (status, [(header::CACHE_CONTROL, "no-store")], e.to_string()).into_response();
        }
    };
    let receiver = state.live.subscribe(workshop);
    let hello = futures::stream::once(async { Ok::<_, Infallible>(Event::default().event("hello").data("{}")) });
    let changes = futures::stream::unfold(receiver, |mut receiver| async move {
        let event = match receiver.recv().await {
            Ok(json) => Event::default().data(&*json),
            // This board fell behind: it reloads its snapshot.
            Err(RecvError::Lagged(_)) => Event::default().event("resync").data("{}"),
            Err(RecvError::Closed) => return None,
        };
        Some((Ok::<_, Infallible>(event), receiver))
    });
    let stream = futures::StreamExt::chain(hello, changes);
    let mut response = Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(20))).into_response();
    // Proxies (nginx) must not buffer the stream.
    response.headers_mut().insert("x-accel-buffering", axum::http::HeaderValue::from_static("no"));
    response.headers_mut().insert(header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    response
}
