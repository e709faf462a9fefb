//! Server functions of votes: the moderator's (set-up, open, paper, close, the anonymous file),
//! the projector's view, and the participant's ballot (a plain form post, known by the
//! workshop's cookie). Each asks who calls, then the service.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::{
    tally::BallotFile,
    types::{BallotPage, RoundForm, RoundId, RoundView, VotesAdmin},
};
use crate::{error::AppError, workshops::types::WorkshopId};
#[cfg(feature = "ssr")]
use crate::{
    participants::api::participant,
    proposals::drafts::Drafts,
    server::{self, respond},
    votes::types::BallotDraft,
};

#[server(input = GetUrl, endpoint = "votes/admin")]
pub async fn get_votes_admin(workshop: WorkshopId) -> Result<VotesAdmin, AppError> {
    let actor = crate::auth::actor().await?;
    respond(super::service::admin(&server::db()?, &actor, workshop).await)
}

#[server(input = GetUrl, endpoint = "votes/screen")]
pub async fn get_vote_screen(workshop: WorkshopId) -> Result<Option<RoundView>, AppError> {
    let actor = crate::auth::actor().await?;
    respond(super::service::screen(&server::db()?, &actor, workshop).await)
}

#[server(endpoint = "votes/create")]
pub async fn create_round(workshop: WorkshopId, #[server(flatten)] form: RoundForm) -> Result<RoundId, AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(super::service::create(&state.db, &state.live, &actor, workshop, &form).await)
}

#[server(endpoint = "votes/update")]
pub async fn update_round(round: RoundId, #[server(flatten)] form: RoundForm) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(super::service::update(&state.db, &state.live, &actor, round, &form).await)
}

#[server(endpoint = "votes/open")]
pub async fn open_round(round: RoundId) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(super::service::open(&state.db, &state.live, &actor, round).await)
}

#[server(endpoint = "votes/close")]
pub async fn close_round(round: RoundId) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(super::service::close(&state.db, &state.live, &actor, round).await).map(|_| ())
}

/// Dots or approvals counted on the paper pinboard: `paper[<option id>]` → count.
#[server(endpoint = "votes/paper")]
pub async fn set_paper(round: RoundId, #[server(default)] paper: BTreeMap<String, String>) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(super::service::set_paper(&state.db, &state.live, &actor, round, &paper).await)
}

/// The anonymous ballot file of a closed round, as a download.
#[server(input = GetUrl, endpoint = "votes/ballots.json")]
pub async fn get_ballot_file(round: RoundId) -> Result<BallotFile, AppError> {
    let actor = crate::auth::actor().await?;
    let file = respond(super::service::ballot_file(&server::db()?, &actor, round).await)?;
    if let (Some(res), Ok(v)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(&format!("attachment; filename=\"plenum-stimmzettel-{round}.json\"")),
    ) {
        res.insert_header(axum::http::header::CONTENT_DISPOSITION, v);
    }
    Ok(file)
}

#[server(input = GetUrl, endpoint = "w/ballot")]
pub async fn get_ballot_page(code: String) -> Result<BallotPage, AppError> {
    let who = participant(&code).await?;
    let mut page = respond(super::ballots::page(&server::db()?, &who).await)?;
    if let (Some(drafts), Some(round)) = (use_context::<std::sync::Arc<Drafts<BallotDraft>>>(), &page.round) {
        page.draft = drafts.get(who.record.id).filter(|(r, _)| *r == round.id).map(|(_, form)| form);
    }
    Ok(page)
}

/// Casts the participant's ballot (`ballot[<option id>]` → value; `abstain` for an empty one).
/// Without JavaScript the browser returns to the workshop page with `?voted=1`.
#[server(endpoint = "w/vote")]
pub async fn cast_ballot(
    code: String,
    round: RoundId,
    #[server(default)] ballot: BTreeMap<String, String>,
    #[server(default)] abstain: Option<String>,
) -> Result<BTreeMap<String, String>, AppError> {
    let who = participant(&code).await?;
    let state = server::state()?;
    // The write and its turnout finish even if the browser goes away meanwhile.
    let (writer, live, who_owned, form) = (state.writer.clone(), state.live.clone(), who.clone(), ballot.clone());
    let abstain = abstain.is_some();
    let result = match state.limits.check(server::Bucket::Ballot, server::client_ip()) {
        Err(e) => Err(e),
        Ok(()) => {
            tokio::spawn(async move { super::ballots::cast(&writer, &live, &who_owned, round, &form, abstain).await })
                .await
                .unwrap_or(Err(AppError::Internal))
        }
    };
    // A plain form post returns to a page that knows only the errors: keep the entries for it.
    if let Some(drafts) = use_context::<std::sync::Arc<Drafts<BallotDraft>>>() {
        match &result {
            Err(AppError::Invalid(_) | AppError::RateLimited { .. }) if server::is_form_post() => {
                drafts.keep(who.record.id, (round, super::types::draft_of(&ballot)))
            }
            Ok(_) => drafts.clear(who.record.id),
            Err(_) => {}
        }
    }
    let saved = respond(result)?;
    if server::is_form_post() {
        leptos_axum::redirect(&format!("/w/{}?voted=1#ballot", code.trim().to_ascii_uppercase()));
    }
    Ok(saved)
}
