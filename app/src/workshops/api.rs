//! Server functions of workshop set-up and course (organizers and moderators, by their
//! session). Each function asks who calls, then the service.
// The settings form has eight fields; each is an argument of its server function.
#![expect(clippy::too_many_arguments, reason = "each field of the plain HTML settings form is an argument")]

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use crate::{
    auth::types::UserId,
    processes::types::ActionFieldId,
    server::{self, respond},
    workshops::{service, types::WorkshopInput},
};
use crate::{
    error::AppError,
    processes::types::ProcessId,
    workshops::types::{WorkshopAdmin, WorkshopId, WorkshopState, WorkshopSummary},
};

#[cfg(feature = "ssr")]
fn parse_ids<T>(
    values: &[String],
    parse: impl Fn(&str) -> Result<T, AppError>,
    field: &str,
) -> Result<Vec<T>, AppError> {
    values
        .iter()
        .map(|v| parse(v).map_err(|_| AppError::invalid(field, crate::error::Msg::new("field-choice"))))
        .collect()
}

#[cfg(feature = "ssr")]
fn parse_user(value: &str) -> Result<UserId, AppError> {
    uuid::Uuid::parse_str(value.trim()).map(UserId).map_err(|_| AppError::NotFound)
}

/// Creates a draft workshop and opens its page.
#[server]
pub async fn create_workshop(
    process_id: ProcessId,
    title: String,
    #[server(default)] starts_at: String,
    #[server(default)] mode: String,
    #[server(default)] place: String,
    #[server(default)] meeting_link: String,
    #[server(default)] action_fields: Vec<String>,
    #[server(default)] moderators: Vec<String>,
    #[server(default)] languages: Vec<String>,
    #[server(default)] max_participants: String,
) -> Result<WorkshopId, AppError> {
    let actor = crate::auth::organizer().await?;
    let result = async {
        let input = WorkshopInput::parse(&title, &starts_at, &mode, &place, &meeting_link)?
            .with_languages(&languages)?
            .with_max_participants(&max_participants)?;
        let fields = parse_ids(&action_fields, ActionFieldId::parse, "action_fields")?;
        let moderators = parse_ids(&moderators, parse_user, "moderators")?;
        service::create(&server::db()?, &actor, process_id, &input, &fields, &moderators).await
    }
    .await;
    let id = respond(result)?;
    leptos_axum::redirect(&format!("/staff/workshops/{id}"));
    Ok(id)
}

#[server]
pub async fn update_workshop(
    id: WorkshopId,
    title: String,
    #[server(default)] starts_at: String,
    #[server(default)] mode: String,
    #[server(default)] place: String,
    #[server(default)] meeting_link: String,
    #[server(default)] action_fields: Vec<String>,
    #[server(default)] moderators: Vec<String>,
    #[server(default)] languages: Vec<String>,
    #[server(default)] max_participants: String,
) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let result = async {
        let input = WorkshopInput::parse(&title, &starts_at, &mode, &place, &meeting_link)?
            .with_languages(&languages)?
            .with_max_participants(&max_participants)?;
        let fields = parse_ids(&action_fields, ActionFieldId::parse, "action_fields")?;
        let moderators = parse_ids(&moderators, parse_user, "moderators")?;
        let db = server::db()?;
        let before = service::moderators_of(&db, id).await?;
        service::update(&db, &actor, id, &input, &fields, &moderators).await?;
        Ok::<_, AppError>((before, moderators))
    }
    .await;
    let (before, after) = respond(result)?;
    // Moderators taken off the workshop lose its live board at once.
    let streams = server::state()?.streams;
    for user in before.into_iter().filter(|u| !after.iter().any(|a| a.0 == *u)) {
        streams.end(server::streams::Ending::User(user));
    }
    Ok(())
}

#[server(input = GetUrl)]
pub async fn list_process_workshops(process_id: ProcessId) -> Result<Vec<WorkshopSummary>, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::list_for_process(&server::db()?, &actor, process_id).await)
}

#[server(input = GetUrl)]
pub async fn list_my_workshops() -> Result<Vec<WorkshopSummary>, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::list_mine(&server::db()?, &actor).await)
}

#[server(input = GetUrl)]
pub async fn get_workshop_admin(id: WorkshopId) -> Result<WorkshopAdmin, AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(service::admin_view(&state.db, &actor, id, &state.settings.public_url).await)
}

/// Moves the workshop one step; `from` is the state the moderator saw.
#[server]
pub async fn set_workshop_state(id: WorkshopId, from: WorkshopState, to: WorkshopState) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(service::set_state(&state.db, &state.live, &actor, id, from, to).await)
}
