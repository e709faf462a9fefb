//! Server functions of participants: finding a workshop by its code, joining it (the token in
//! the cookie `plenum_w_{CODE}`), and the organizer's export and deletion of a participant's data.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::{error::AppError, workshops::types::ParticipantId};
#[cfg(feature = "ssr")]
use crate::{
    server::{self, respond},
    workshops::types::{JoinInput, normalize_join_code},
};

/// The name of the cookie that carries a participant's token for one workshop.
#[must_use]
pub fn participant_cookie(code: &str) -> String {
    format!("plenum_w_{}", code.to_ascii_uppercase())
}

/// The participant of the current request for a workshop (resolved once from the cookie).
///
/// # Errors
/// `NotFound`, `Unauthenticated`, `Forbidden`, with the fitting status.
#[cfg(feature = "ssr")]
pub(crate) async fn participant(code: &str) -> Result<crate::participants::service::Participant, AppError> {
    let token = token(code);
    respond(crate::participants::service::resolve(&server::db()?, code, token.as_deref()).await)
}

/// The participant token of the current request for a workshop.
#[cfg(feature = "ssr")]
pub(crate) fn token(code: &str) -> Option<String> {
    server::request_cookie(&participant_cookie(code))
}

/// Goes from the "join with code" field to the workshop's page.
#[server(endpoint = "w/find")]
pub async fn find_workshop(code: String) -> Result<(), AppError> {
    server::limit(server::Bucket::Lookup)?;
    let Some(code) = normalize_join_code(&code) else {
        return respond(Err(AppError::invalid("code", crate::error::Msg::new("join-code-invalid"))));
    };
    leptos_axum::redirect(&format!("/w/{code}"));
    Ok(())
}

/// Joins a workshop: the participant gets a token in an HttpOnly cookie for 30 days.
#[server(endpoint = "w/join")]
pub async fn join_workshop(
    code: String,
    #[server(default)] display_name: String,
    #[server(default)] organisation: String,
    #[server(default)] org_type: String,
    #[server(default)] consent: Option<String>,
) -> Result<ParticipantId, AppError> {
    let state = server::state()?;
    server::limit(server::Bucket::Join)?;
    let normalized = normalize_join_code(&code).unwrap_or_default();
    let name = participant_cookie(&normalized);
    let existing = server::request_cookie(&name);
    let result = match JoinInput::parse(&display_name, &organisation, &org_type, consent.is_some()) {
        Ok(input) => {
            crate::participants::service::join_keeping(&state.db, &state.live, &code, &input, existing.as_deref()).await
        }
        Err(e) => Err(e),
    };
    let (token, id) = respond(result)?;
    let secure = if server::request_is_https() { "; Secure" } else { "" };
    server::set_cookie(&format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000{secure}"));
    if server::is_form_post() {
        // The code as the service read it (what a person typed may hold spaces or line breaks).
        leptos_axum::redirect(&format!("/w/{normalized}"));
    }
    Ok(id)
}

/// All data of one participant as a JSON download (organizers).
#[server(input = GetUrl)]
pub async fn export_participant(id: ParticipantId) -> Result<serde_json::Value, AppError> {
    let actor = crate::auth::actor().await?;
    let value = respond(crate::participants::service::export_participant(&server::db()?, &actor, id).await)?;
    if let (Some(res), Ok(v)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(&format!("attachment; filename=\"plenum-participant-{id}.json\"")),
    ) {
        res.insert_header(axum::http::header::CONTENT_DISPOSITION, v);
    }
    Ok(value)
}

#[server]
pub async fn delete_participant(id: ParticipantId) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(crate::participants::service::delete_participant(&state.db, &state.live, &actor, id).await)?;
    // Their open boards close; the reconnect finds the token gone.
    state.streams.end(server::streams::Ending::Participant(id.0));
    Ok(())
}
