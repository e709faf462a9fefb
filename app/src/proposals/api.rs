//! Server functions of proposals: the participant's own (known by the workshop's cookie) and
//! the moderator's. Each proposal form posts as one [`ProposalForm`], field by field, so the
//! plain HTML form needs no JavaScript. Each function asks who calls, then the service.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::{
    error::AppError,
    workshops::types::{
        BoardProposal, OwnProposalView, ProposalDetail, ProposalForm, ProposalId, ReportId, WorkshopId,
    },
};
#[cfg(feature = "ssr")]
use crate::{
    participants::api::participant,
    server::{self, respond},
};

/// Submits a proposal. Without JavaScript the browser returns to the workshop page with
/// `?sent=1` (or with the field errors).
#[server(endpoint = "w/submit")]
pub async fn submit_proposal(code: String, #[server(flatten)] form: ProposalForm) -> Result<BoardProposal, AppError> {
    let who = participant(&code).await?;
    let state = server::state()?;
    // The write and its publication finish even if the browser goes away meanwhile.
    let (writer, live, who_owned, form_owned) = (state.writer.clone(), state.live.clone(), who.clone(), form.clone());
    let lang = server::request_lang();
    let result = match state.limits.check(server::Bucket::Submit, server::client_ip()) {
        Err(e) => Err(e),
        Ok(()) => tokio::spawn(async move {
            crate::proposals::service::submit_in(&writer, &live, &who_owned, &form_owned, lang).await
        })
        .await
        .unwrap_or(Err(AppError::Internal)),
    };
    // A plain form post returns to a page that knows only the errors: keep the text for it.
    if let Some(drafts) = use_context::<std::sync::Arc<crate::proposals::drafts::Drafts>>() {
        match &result {
            Err(AppError::Invalid(_) | AppError::RateLimited { .. }) if server::is_form_post() => {
                drafts.keep(who.record.id, form);
            }
            Ok(_) => drafts.clear(who.record.id),
            Err(_) => {}
        }
    }
    let proposal = respond(result)?;
    if server::is_form_post() {
        leptos_axum::redirect(&format!("/w/{}?sent=1#mine", code.trim().to_ascii_uppercase()));
    }
    Ok(proposal)
}

/// One of the caller's own proposals, for its edit page.
#[server(input = GetUrl, endpoint = "w/own")]
pub async fn get_own_proposal(code: String, id: ProposalId) -> Result<OwnProposalView, AppError> {
    let who = participant(&code).await?;
    respond(crate::proposals::service::get_own(&server::db()?, &who, id).await)
}

/// A visible proposal of the participant's workshop, for its report page.
#[server(input = GetUrl, endpoint = "w/proposal")]
pub async fn get_visible_proposal(code: String, id: ProposalId) -> Result<BoardProposal, AppError> {
    let who = participant(&code).await?;
    respond(crate::proposals::service::visible_one(&server::db()?, &who, id).await)
}

#[server(endpoint = "w/update")]
pub async fn update_own_proposal(
    code: String,
    id: ProposalId,
    #[server(flatten)] form: ProposalForm,
) -> Result<BoardProposal, AppError> {
    let who = participant(&code).await?;
    let state = server::state()?;
    server::limit(server::Bucket::Submit)?;
    let result = crate::proposals::service::update_own(&state.db, &state.live, &who, id, &form).await;
    let proposal = respond(result)?;
    leptos_axum::redirect(&format!("/w/{}#mine", code.trim().to_ascii_uppercase()));
    Ok(proposal)
}

#[server(endpoint = "w/withdraw")]
pub async fn withdraw_own_proposal(code: String, id: ProposalId) -> Result<(), AppError> {
    let who = participant(&code).await?;
    let state = server::state()?;
    server::limit(server::Bucket::Submit)?;
    respond(crate::proposals::service::withdraw_own(&state.db, &state.live, &who, id).await)?;
    if server::is_form_post() {
        leptos_axum::redirect(&format!("/w/{}#mine", code.trim().to_ascii_uppercase()));
    }
    Ok(())
}

#[server(endpoint = "w/report")]
pub async fn report_proposal(code: String, id: ProposalId, #[server(default)] reason: String) -> Result<(), AppError> {
    let who = participant(&code).await?;
    server::limit(server::Bucket::Submit)?;
    respond(crate::proposals::service::report(&server::db()?, &who, id, &reason).await)?;
    leptos_axum::redirect(&format!("/w/{}?reported=1", code.trim().to_ascii_uppercase()));
    Ok(())
}

#[server]
pub async fn add_room_proposal(
    workshop_id: WorkshopId,
    #[server(flatten)] form: ProposalForm,
) -> Result<BoardProposal, AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(crate::proposals::service::add_from_room(&state.db, &state.live, &actor, workshop_id, &form).await)
}

#[server(input = GetUrl)]
pub async fn get_proposal_detail(id: ProposalId) -> Result<ProposalDetail, AppError> {
    let actor = crate::auth::actor().await?;
    respond(crate::proposals::service::proposal_detail(&server::db()?, &actor, id).await)
}

#[server]
pub async fn edit_proposal(
    id: ProposalId,
    revision: i32,
    #[server(flatten)] form: ProposalForm,
) -> Result<BoardProposal, AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(crate::proposals::service::moderator_edit(&state.db, &state.live, &actor, id, revision, &form).await)
}

#[server]
pub async fn hide_proposal(id: ProposalId, #[server(default)] reason: String) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(crate::proposals::service::hide(&state.db, &state.live, &actor, id, &reason).await)
}

#[server]
pub async fn restore_proposal(id: ProposalId) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(crate::proposals::service::restore(&state.db, &state.live, &actor, id).await)
}

#[server]
pub async fn dismiss_report(id: ReportId) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    respond(crate::proposals::service::dismiss_report(&server::db()?, &actor, id).await)
}
