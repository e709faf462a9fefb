//! Who is calling: the staff member behind the session cookie of the current request.

use crate::{
    auth::{self, types::Actor},
    error::AppError,
    server::{self, respond},
};

/// Who is calling: a logged-in staff member or an anonymous visitor.
///
/// # Errors
/// `Internal` when the database cannot be asked.
pub async fn actor() -> Result<Actor, AppError> {
    let Some(token) = server::request_cookie(auth::SESSION_COOKIE) else {
        return Ok(Actor::Anonymous);
    };
    let db = server::db()?;
    Ok(auth::service::session_user(&db, &token).await?.map_or(Actor::Anonymous, Actor::Staff))
}

/// The caller, if an organizer or admin: checked before a change reads its input.
///
/// # Errors
/// `Unauthenticated` or `Forbidden`, with the fitting status.
pub async fn organizer() -> Result<Actor, AppError> {
    let actor = actor().await?;
    respond(actor.require_organizer().map(|()| actor))
}

/// The login limiter of this process (the server provides it to every request).
///
/// # Errors
/// `Internal` when called outside a request of the server.
pub fn limiter() -> Result<std::sync::Arc<auth::LoginLimiter>, AppError> {
    leptos::prelude::use_context::<std::sync::Arc<auth::LoginLimiter>>().ok_or_else(|| {
        tracing::error!("LoginLimiter missing from the request context");
        AppError::Internal
    })
}
