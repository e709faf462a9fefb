//! Server functions of processes: thin, each asks who is calling, then the service.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::types::{ActionFieldId, Direction, GoalId, PhaseId, ProcessDetail, ProcessId, ProcessSummary, ThemeId};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::{
    processes::{
        service,
        types::{ActionFieldInput, PhaseInput, ProcessInput},
    },
    server::{self, respond},
};

/// Published processes for the start page.
#[server(input = GetUrl)]
pub async fn list_published_processes() -> Result<Vec<ProcessSummary>, AppError> {
    respond(service::list_published(&server::db()?).await)
}

/// All processes, drafts included (staff).
#[server(input = GetUrl)]
pub async fn list_processes() -> Result<Vec<ProcessSummary>, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::list_all(&server::db()?, &actor).await)
}

/// One process; drafts only for staff.
#[server(input = GetUrl)]
pub async fn get_process(id: ProcessId) -> Result<ProcessDetail, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::detail(&server::db()?, &actor, id).await)
}

/// Creates a draft process and opens its editor.
#[server]
pub async fn create_process(name: String, municipality: String, description: String) -> Result<ProcessId, AppError> {
    let actor = crate::auth::organizer().await?;
    let result = match ProcessInput::parse(&name, &municipality, &description) {
        Ok(input) => service::create(&server::db()?, &actor, server::request_lang().for_staff(), &input).await,
        Err(e) => Err(e),
    };
    let id = respond(result)?;
    leptos_axum::redirect(&format!("/staff/processes/{id}"));
    Ok(id)
}

#[server]
pub async fn update_process(
    id: ProcessId,
    name: String,
    municipality: String,
    description: String,
) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let result = match ProcessInput::parse(&name, &municipality, &description) {
        Ok(input) => service::update(&server::db()?, &actor, id, &input).await,
        Err(e) => Err(e),
    };
    respond(result)
}

#[server]
pub async fn set_process_published(id: ProcessId, published: bool) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::set_published(&server::db()?, &actor, id, published).await)
}

#[server]
pub async fn add_phase(
    process_id: ProcessId,
    name: String,
    starts_on: String,
    ends_on: String,
) -> Result<PhaseId, AppError> {
    let actor = crate::auth::organizer().await?;
    let result = match PhaseInput::parse(&name, &starts_on, &ends_on) {
        Ok(input) => service::add_phase(&server::db()?, &actor, process_id, &input).await,
        Err(e) => Err(e),
    };
    respond(result)
}

#[server]
pub async fn update_phase(id: PhaseId, name: String, starts_on: String, ends_on: String) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let result = match PhaseInput::parse(&name, &starts_on, &ends_on) {
        Ok(input) => service::update_phase(&server::db()?, &actor, id, &input).await,
        Err(e) => Err(e),
    };
    respond(result)
}

#[server]
pub async fn delete_phase(id: PhaseId) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::delete_phase(&server::db()?, &actor, id).await)
}

#[server]
pub async fn move_phase(id: PhaseId, direction: Direction) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::move_phase(&server::db()?, &actor, id, direction).await)
}

#[server]
pub async fn set_current_phase(id: PhaseId) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::set_current_phase(&server::db()?, &actor, id).await)
}

#[server]
pub async fn add_goal(
    process_id: ProcessId,
    action_field_id: Option<ActionFieldId>,
    title: String,
) -> Result<GoalId, AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::add_goal(&server::db()?, &actor, process_id, action_field_id, &title).await)
}

#[server]
pub async fn delete_goal(id: GoalId) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::delete_goal(&server::db()?, &actor, id).await)
}

#[server]
pub async fn add_action_field(
    process_id: ProcessId,
    name: String,
    description: String,
) -> Result<ActionFieldId, AppError> {
    let actor = crate::auth::organizer().await?;
    let result = match ActionFieldInput::parse(&name, &description) {
        Ok(input) => service::add_action_field(&server::db()?, &actor, process_id, &input).await,
        Err(e) => Err(e),
    };
    respond(result)
}

#[server]
pub async fn update_action_field(id: ActionFieldId, name: String, description: String) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let result = match ActionFieldInput::parse(&name, &description) {
        Ok(input) => service::update_action_field(&server::db()?, &actor, id, &input).await,
        Err(e) => Err(e),
    };
    respond(result)
}

#[server]
pub async fn delete_action_field(id: ActionFieldId) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::delete_action_field(&server::db()?, &actor, id).await)
}

#[server]
pub async fn move_action_field(id: ActionFieldId, direction: Direction) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::move_action_field(&server::db()?, &actor, id, direction).await)
}

#[server]
pub async fn add_theme(process_id: ProcessId, name: String) -> Result<ThemeId, AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::add_theme(&server::db()?, &actor, process_id, &name).await)
}

#[server]
pub async fn delete_theme(id: ThemeId) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::delete_theme(&server::db()?, &actor, id).await)
}

/// One process for its editor (organizers and admins).
#[server(input = GetUrl)]
pub async fn get_process_for_edit(id: ProcessId) -> Result<ProcessDetail, AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::detail(&server::db()?, &actor, id).await)
}
