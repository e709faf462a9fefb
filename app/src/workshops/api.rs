//! Server functions of workshops. Participants are known by the cookie `plenum_w_{CODE}`;
//! staff by their session. Each function asks who calls, then the service.
// A proposal form has eight fields; each is an argument of its server function.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::types::{
    Board, BoardProposal, Entry, ParticipantId, ProposalDetail, ProposalId, ReportId, WorkshopAdmin, WorkshopId,
    WorkshopInfo, WorkshopState, WorkshopSummary,
};
#[cfg(feature = "ssr")]
use crate::{
    auth::types::UserId,
    processes::types::ActionFieldId,
    server::{self, respond},
    workshops::{
        service,
        types::{JoinInput, ProposalForm, WorkshopInput, normalize_join_code},
    },
};
use crate::{error::AppError, processes::types::ProcessId};

/// The name of the cookie that carries a participant's token for one workshop.
#[must_use]
pub fn participant_cookie(code: &str) -> String {
    format!("plenum_w_{}", code.to_ascii_uppercase())
}

#[cfg(feature = "ssr")]
fn token(code: &str) -> Option<String> {
    server::request_cookie(&participant_cookie(code))
}

#[cfg(feature = "ssr")]
fn proposal_form(
    action_field: String,
    title: String,
    description: String,
    goal: String,
    target_group: String,
    partners: String,
    timeframe: String,
) -> ProposalForm {
    ProposalForm { action_field, title, description, goal, target_group, partners, timeframe }
}

// ---------------------------------------------------------------------------------------------
// Participants

/// What the participant page shows for a join code.
#[server(input = GetUrl, endpoint = "w/entry")]
pub async fn get_entry(code: String) -> Result<Entry, AppError> {
    let token = token(&code);
    let state = server::state()?;
    respond(crate::board::service::entry(&state.db, &state.live, &code, token.as_deref()).await)
}

/// Goes from the "join with code" field to the workshop's page.
#[server(endpoint = "w/find")]
pub async fn find_workshop(code: String) -> Result<(), AppError> {
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
    let result = match JoinInput::parse(&display_name, &organisation, &org_type, consent.is_some()) {
        Ok(input) => crate::participants::service::join(&state.db, &state.live, &code, &input).await,
        Err(e) => Err(e),
    };
    let (token, id) = respond(result)?;
    let secure = if server::request_is_https() { "; Secure" } else { "" };
    let name = participant_cookie(&normalize_join_code(&code).unwrap_or_default());
    server::set_cookie(&format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000{secure}"));
    if server::is_form_post() {
        leptos_axum::redirect(&format!("/w/{}", code.trim().to_ascii_uppercase()));
    }
    Ok(id)
}

/// The participant's board, for a re-sync after the live channel reconnects.
#[server(input = GetUrl, endpoint = "w/board")]
pub async fn get_board(code: String) -> Result<Board, AppError> {
    let token = token(&code);
    respond(crate::board::service::participant_board(&server::db()?, &code, token.as_deref()).await)
}

/// Submits a proposal. Without JavaScript the browser returns to the workshop page with
/// `?sent=1` (or with the field errors).
#[server(endpoint = "w/submit")]
pub async fn submit_proposal(
    code: String,
    #[server(default)] action_field: String,
    #[server(default)] title: String,
    #[server(default)] description: String,
    #[server(default)] goal: String,
    #[server(default)] target_group: String,
    #[server(default)] partners: String,
    #[server(default)] timeframe: String,
) -> Result<BoardProposal, AppError> {
    let state = server::state()?;
    let token = token(&code);
    let form = proposal_form(action_field, title, description, goal, target_group, partners, timeframe);
    let proposal =
        respond(crate::proposals::service::submit(&state.db, &state.live, &code, token.as_deref(), &form).await)?;
    if server::is_form_post() {
        leptos_axum::redirect(&format!("/w/{}?sent=1#mine", code.trim().to_ascii_uppercase()));
    }
    Ok(proposal)
}

/// One of the caller's own proposals, for its edit page.
#[server(input = GetUrl, endpoint = "w/own")]
pub async fn get_own_proposal(code: String, id: String) -> Result<(WorkshopInfo, BoardProposal), AppError> {
    let token = token(&code);
    let result = match ProposalId::parse(&id) {
        Ok(id) => crate::proposals::service::get_own(&server::db()?, &code, token.as_deref(), id).await,
        Err(e) => Err(e),
    };
    respond(result)
}

#[server(endpoint = "w/update")]
pub async fn update_own_proposal(
    code: String,
    id: ProposalId,
    #[server(default)] action_field: String,
    #[server(default)] title: String,
    #[server(default)] description: String,
    #[server(default)] goal: String,
    #[server(default)] target_group: String,
    #[server(default)] partners: String,
    #[server(default)] timeframe: String,
) -> Result<BoardProposal, AppError> {
    let state = server::state()?;
    let token = token(&code);
    let form = proposal_form(action_field, title, description, goal, target_group, partners, timeframe);
    let result =
        crate::proposals::service::update_own(&state.db, &state.live, &code, token.as_deref(), id, &form).await;
    let proposal = respond(result)?;
    leptos_axum::redirect(&format!("/w/{}#mine", code.trim().to_ascii_uppercase()));
    Ok(proposal)
}

#[server(endpoint = "w/withdraw")]
pub async fn withdraw_own_proposal(code: String, id: ProposalId) -> Result<(), AppError> {
    let state = server::state()?;
    let token = token(&code);
    respond(crate::proposals::service::withdraw_own(&state.db, &state.live, &code, token.as_deref(), id).await)?;
    if server::is_form_post() {
        leptos_axum::redirect(&format!("/w/{}#mine", code.trim().to_ascii_uppercase()));
    }
    Ok(())
}

#[server(endpoint = "w/report")]
pub async fn report_proposal(code: String, id: ProposalId, #[server(default)] reason: String) -> Result<(), AppError> {
    let token = token(&code);
    respond(crate::proposals::service::report(&server::db()?, &code, token.as_deref(), id, &reason).await)?;
    leptos_axum::redirect(&format!("/w/{}?reported=1", code.trim().to_ascii_uppercase()));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Staff

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
) -> Result<WorkshopId, AppError> {
    let actor = server::organizer().await?;
    let result = async {
        let input = WorkshopInput::parse(&title, &starts_at, &mode, &place, &meeting_link)?;
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
) -> Result<(), AppError> {
    let actor = server::organizer().await?;
    let result = async {
        let input = WorkshopInput::parse(&title, &starts_at, &mode, &place, &meeting_link)?;
        let fields = parse_ids(&action_fields, ActionFieldId::parse, "action_fields")?;
        let moderators = parse_ids(&moderators, parse_user, "moderators")?;
        service::update(&server::db()?, &actor, id, &input, &fields, &moderators).await
    }
    .await;
    respond(result)
}

#[server(input = GetUrl)]
pub async fn list_process_workshops(process_id: ProcessId) -> Result<Vec<WorkshopSummary>, AppError> {
    let actor = server::actor().await?;
    respond(service::list_for_process(&server::db()?, &actor, process_id).await)
}

#[server(input = GetUrl)]
pub async fn list_my_workshops() -> Result<Vec<WorkshopSummary>, AppError> {
    let actor = server::actor().await?;
    respond(service::list_mine(&server::db()?, &actor).await)
}

#[server(input = GetUrl)]
pub async fn get_workshop_admin(id: String) -> Result<WorkshopAdmin, AppError> {
    let actor = server::actor().await?;
    let state = server::state()?;
    let result = match WorkshopId::parse(&id) {
        Ok(id) => service::admin_view(&state.db, &actor, id, &state.settings.public_url).await,
        Err(e) => Err(e),
    };
    respond(result)
}

#[server(input = GetUrl, endpoint = "staff/board")]
pub async fn get_moderator_board(id: WorkshopId) -> Result<Board, AppError> {
    let actor = server::actor().await?;
    respond(crate::board::service::moderator_board(&server::db()?, &actor, id).await)
}

/// Moves the workshop one step; `from` is the state the moderator saw.
#[server]
pub async fn set_workshop_state(id: WorkshopId, from: WorkshopState, to: WorkshopState) -> Result<(), AppError> {
    let actor = server::actor().await?;
    let state = server::state()?;
    respond(service::set_state(&state.db, &state.live, &actor, id, from, to).await)
}

#[server]
pub async fn add_room_proposal(
    workshop_id: WorkshopId,
    #[server(default)] action_field: String,
    #[server(default)] title: String,
    #[server(default)] description: String,
    #[server(default)] goal: String,
    #[server(default)] target_group: String,
    #[server(default)] partners: String,
    #[server(default)] timeframe: String,
) -> Result<BoardProposal, AppError> {
    let actor = server::actor().await?;
    let state = server::state()?;
    let form = proposal_form(action_field, title, description, goal, target_group, partners, timeframe);
    respond(crate::proposals::service::add_from_room(&state.db, &state.live, &actor, workshop_id, &form).await)
}

#[server(input = GetUrl)]
pub async fn get_proposal_detail(id: String) -> Result<(ProposalDetail, i32), AppError> {
    let actor = server::actor().await?;
    let db = server::db()?;
    let result = async {
        let id = ProposalId::parse(&id)?;
        let detail = crate::proposals::service::proposal_detail(&db, &actor, id).await?;
        Ok((detail, crate::proposals::service::revision_of(&db, id).await?))
    }
    .await;
    respond(result)
}

#[server]
pub async fn edit_proposal(
    id: ProposalId,
    revision: i32,
    #[server(default)] action_field: String,
    #[server(default)] title: String,
    #[server(default)] description: String,
    #[server(default)] goal: String,
    #[server(default)] target_group: String,
    #[server(default)] partners: String,
    #[server(default)] timeframe: String,
) -> Result<BoardProposal, AppError> {
    let actor = server::actor().await?;
    let state = server::state()?;
    let form = proposal_form(action_field, title, description, goal, target_group, partners, timeframe);
    respond(crate::proposals::service::moderator_edit(&state.db, &state.live, &actor, id, revision, &form).await)
}

#[server]
pub async fn hide_proposal(id: ProposalId, #[server(default)] reason: String) -> Result<(), AppError> {
    let actor = server::actor().await?;
    let state = server::state()?;
    respond(crate::proposals::service::hide(&state.db, &state.live, &actor, id, &reason).await)
}

#[server]
pub async fn restore_proposal(id: ProposalId) -> Result<(), AppError> {
    let actor = server::actor().await?;
    let state = server::state()?;
    respond(crate::proposals::service::restore(&state.db, &state.live, &actor, id).await)
}

#[server]
pub async fn dismiss_report(id: ReportId) -> Result<(), AppError> {
    let actor = server::actor().await?;
    respond(crate::proposals::service::dismiss_report(&server::db()?, &actor, id).await)
}

/// All data of one participant as a JSON download (organizers).
#[server(input = GetUrl)]
pub async fn export_participant(id: ParticipantId) -> Result<serde_json::Value, AppError> {
    let actor = server::actor().await?;
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
    let actor = server::actor().await?;
    let state = server::state()?;
    respond(crate::participants::service::delete_participant(&state.db, &state.live, &actor, id).await)
}
