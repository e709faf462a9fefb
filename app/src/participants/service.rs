//! Participants: joining a workshop without an account (a random token in a cookie, only
//! its hash stored), the participant behind a token, the organizer's export and deletion of a
//! participant's data.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use crate::workshops::service::{by_code, find, state_of};

use crate::workshops::types::{
    Author, BoardProposal, JoinInput, LiveEvent, ParticipantId, ProposalId, ProposalStatus, WorkshopId, WorkshopState,
};
use crate::{
    auth::{
        service::{random_token, token_hash},
        types::Actor,
    },
    error::{AppError, Msg},
    processes::types::ActionFieldId,
    server::{
        LiveHub,
        entities::{participants, proposal_reports, proposal_revisions, proposals, workshops},
        workshop_turn,
    },
};
// ---------------------------------------------------------------------------------------------
// Participants

/// The participant behind a cookie token.
///
/// # Errors
/// `Unauthenticated` without a token; `Forbidden` for a token that is not (or no longer) one of
/// this workshop's participants.
pub(crate) async fn participant_for(
    db: &impl ConnectionTrait,
    ws: &workshops::Model,
    token: Option<&str>,
) -> Result<participants::Model, AppError> {
    let token = token.filter(|t| !t.is_empty()).ok_or(AppError::Unauthenticated)?;
    participants::Entity::find()
        .filter(participants::Column::TokenHash.eq(token_hash(token)))
        .one(db)
        .await?
        .filter(|p| p.workshop_id == ws.id && !p.deleted)
        .ok_or(AppError::Forbidden)
}

/// Joins a participant: returns the token for their cookie (only its hash is kept).
///
/// # Errors
/// `NotFound` for unknown codes, `Conflict` when the workshop is not open or full.
pub async fn join(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    code: &str,
    input: &JoinInput,
) -> Result<(String, ParticipantId), AppError> {
    join_keeping(db, live, code, input, None).await
}

/// Joins a participant, or keeps the one whose token the browser already holds for this
/// workshop (joining again does not make a second participant, and does not reset the limits
/// of the first). Returns the token for the cookie.
///
/// # Errors
/// `NotFound` for unknown codes; `Conflict` when the workshop is not open, or already has as
/// many participants as it allows (`join-full`, naming the number).
pub async fn join_keeping(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    code: &str,
    input: &JoinInput,
    existing: Option<&str>,
) -> Result<(String, ParticipantId), AppError> {
    let ws = by_code(db, code).await?;
    let state = state_of(&ws);
    if !state.open_for_participants() {
        let key = if state == WorkshopState::Draft { "ws-not-started" } else { "ws-closed" };
        return Err(AppError::Conflict(Msg::new(key)));
    }
    if let Some(token) = existing
        && let Ok(known) = participant_for(db, &ws, Some(token)).await
    {
        return Ok((token.to_owned(), ParticipantId(known.id)));
    }
    let token = random_token();
    let id = Uuid::new_v4();
    let _turn = workshop_turn(db, live, ws.id).await;
    // Counted under the workshop's turn: joins at once cannot pass the cap together.
    if participant_count(db, ws.id).await? >= u64::try_from(ws.max_participants).unwrap_or(0) {
        return Err(AppError::Conflict(Msg::new("join-full").arg("max", ws.max_participants)));
    }
    participants::ActiveModel {
        id: Set(id),
        workshop_id: Set(ws.id),
        token_hash: Set(token_hash(&token)),
        display_name: Set(input.display_name.clone()),
        organisation: Set(input.organisation.clone()),
        org_type: Set(input.org_type.map(|t| t.as_str().to_owned())),
        proposal_count: Set(0),
        deleted: Set(false),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    let count = participant_count(db, ws.id).await?;
    publish_count(live, WorkshopId(ws.id), count);
    Ok((token, ParticipantId(id)))
}

async fn participant_count(db: &impl ConnectionTrait, workshop: Uuid) -> Result<u64, AppError> {
    Ok(participants::Entity::find()
        .filter(participants::Column::WorkshopId.eq(workshop))
        .filter(participants::Column::Deleted.eq(false))
        .count(db)
        .await?)
}

/// A participant of one workshop, known by the token of their cookie: resolved once per request
/// (as the staff [`Actor`] is) and handed to the services.
#[derive(Debug, Clone)]
pub struct Participant {
    pub workshop: workshops::Model,
    pub record: participants::Model,
}

impl Participant {
    #[must_use]
    pub fn workshop_id(&self) -> WorkshopId {
        WorkshopId(self.workshop.id)
    }
}

/// The participant behind a join code (as typed) and a cookie token.
///
/// # Errors
/// `NotFound` for an unknown code, `Unauthenticated` without a token, `Forbidden` for a token
/// that is not (or no longer) one of this workshop's participants.
pub async fn resolve(db: &impl ConnectionTrait, code: &str, token: Option<&str>) -> Result<Participant, AppError> {
    let workshop = by_code(db, code).await?;
    let record = participant_for(db, &workshop, token).await?;
    Ok(Participant { workshop, record })
}

// ---------------------------------------------------------------------------------------------
// Privacy (organizers)

async fn organizer_participant(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ParticipantId,
) -> Result<participants::Model, AppError> {
    actor.require_organizer()?;
    participants::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)
}

/// Everything Plenum keeps about one participant, as JSON (Art. 15 GDPR).
///
/// # Errors
/// `Unauthenticated`, `Forbidden` unless organizer or admin, `NotFound`.
pub async fn export_participant(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ParticipantId,
) -> Result<serde_json::Value, AppError> {
    let p = organizer_participant(db, actor, id).await?;
    let ws = find(db, WorkshopId(p.workshop_id)).await?;
    let rows = proposals::Entity::find()
        .filter(proposals::Column::ParticipantId.eq(p.id))
        .order_by_asc(proposals::Column::CreatedAt)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let revisions = proposal_revisions::Entity::find()
        .filter(proposal_revisions::Column::ProposalId.is_in(ids))
        .order_by_asc(proposal_revisions::Column::Number)
        .all(db)
        .await?;
    let reports =
        proposal_reports::Entity::find().filter(proposal_reports::Column::ParticipantId.eq(p.id)).all(db).await?;
    let proposals: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let versions: Vec<serde_json::Value> = revisions
                .iter()
                .filter(|v| v.proposal_id == r.id)
                .map(|v| {
                    serde_json::json!({
                        "number": v.number, "title": v.title, "description": v.description, "goal": v.goal,
                        "target_group": v.target_group, "partners": v.partners, "timeframe": v.timeframe,
                        "edited_by_moderator": v.edited_by_user.is_some(), "created_at": v.created_at,
                    })
                })
                .collect();
            serde_json::json!({
                "id": r.id, "title": r.title, "description": r.description, "goal": r.goal,
                "target_group": r.target_group, "partners": r.partners, "timeframe": r.timeframe,
                "status": r.status, "hidden_reason": r.hidden_reason, "created_at": r.created_at,
                "revisions": versions,
            })
        })
        .collect();
    Ok(serde_json::json!({
        "participant": {
            "id": p.id, "display_name": p.display_name, "organisation": p.organisation,
            "organisation_type": p.org_type, "joined_at": p.created_at, "deleted": p.deleted,
        },
        "workshop": { "id": ws.id, "title": ws.title, "join_code": ws.join_code },
        "proposals": proposals,
        "reports": reports.iter().map(|r| serde_json::json!({
            "proposal_id": r.proposal_id, "reason": r.reason, "created_at": r.created_at,
        })).collect::<Vec<_>>(),
        "exported_at": Utc::now(),
    }))
}

/// Deletes a participant's personal data: name, organisation and token are gone, their cookie
/// stops working, the reasons of their reports and the earlier versions of their proposals are
/// emptied; their proposals stay (as they read now), attributed to "deleted", and open boards
/// show them so.
///
/// # Errors
/// `Unauthenticated`, `Forbidden` unless organizer or admin, `NotFound`.
pub async fn delete_participant<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: ParticipantId,
) -> Result<(), AppError> {
    let p = organizer_participant(db, actor, id).await?;
    let _turn = workshop_turn(db, live, p.workshop_id).await;
    let txn = db.begin().await?;
    let theirs = forget(&txn, p.id).await?;
    txn.commit().await?;
    publish_deleted_author(live, p.workshop_id, &theirs);
    let count = participant_count(db, p.workshop_id).await?;
    publish_count(live, WorkshopId(p.workshop_id), count);
    Ok(())
}

/// Empties what a participant wrote besides their proposals' current text (the caller holds the
/// transaction); returns their proposals that boards show.
async fn forget(txn: &impl ConnectionTrait, participant: Uuid) -> Result<Vec<proposals::Model>, AppError> {
    participants::Entity::update_many()
        .col_expr(participants::Column::DisplayName, Expr::value(Option::<String>::None))
        .col_expr(participants::Column::Organisation, Expr::value(Option::<String>::None))
        .col_expr(participants::Column::OrgType, Expr::value(Option::<String>::None))
        // The hash of a fresh random token nobody holds: the old cookie is worthless.
        .col_expr(participants::Column::TokenHash, Expr::value(token_hash(&random_token())))
        .col_expr(participants::Column::Deleted, Expr::value(true))
        .filter(participants::Column::Id.eq(participant))
        .exec(txn)
        .await?;
    // The rows stay (moderators still count the reports, versions keep their numbers).
    proposal_reports::Entity::update_many()
        .col_expr(proposal_reports::Column::Reason, Expr::value(String::new()))
        .filter(proposal_reports::Column::ParticipantId.eq(participant))
        .exec(txn)
        .await?;
    let theirs = proposals::Entity::find().filter(proposals::Column::ParticipantId.eq(participant)).all(txn).await?;
    proposal_revisions::Entity::update_many()
        .col_expr(proposal_revisions::Column::Title, Expr::value(String::new()))
        .col_expr(proposal_revisions::Column::Description, Expr::value(String::new()))
        .col_expr(proposal_revisions::Column::Goal, Expr::value(String::new()))
        .col_expr(proposal_revisions::Column::TargetGroup, Expr::value(String::new()))
        .col_expr(proposal_revisions::Column::Partners, Expr::value(String::new()))
        .col_expr(proposal_revisions::Column::Timeframe, Expr::value(String::new()))
        .filter(proposal_revisions::Column::ProposalId.is_in(theirs.iter().map(|p| p.id)))
        .exec(txn)
        .await?;
    Ok(theirs.into_iter().filter(|p| p.status != ProposalStatus::Withdrawn.as_str()).collect())
}

/// Tells every board that these proposals' author is deleted. Staff views get each visible card
/// again (a hidden one as a removal, on which moderator boards reload); participant pages reload
/// their snapshot once, with the last frame (the frames before it change nothing on a page).
fn publish_deleted_author(live: &LiveHub, workshop: Uuid, theirs: &[proposals::Model]) {
    let last = theirs.len().saturating_sub(1);
    for (i, p) in theirs.iter().enumerate() {
        let page = if i == last { r#"[["reload"]]"# } else { "[]" };
        let ops = move |_: crate::i18n::Lang| page.to_owned();
        if p.status == ProposalStatus::Visible.as_str() {
            live.send(workshop, &LiveEvent::Upsert { proposal: Box::new(deleted_card(p)) }, ops);
        } else {
            let (id, field) = (ProposalId(p.id), ActionFieldId(p.action_field_id));
            live.send(workshop, &LiveEvent::Remove { id, field }, ops);
        }
    }
}

/// A proposal of a deleted participant as boards show it: what `proposals::service::to_board`
/// makes of it (not called: the proposals feature imports this one, which does not import back).
fn deleted_card(p: &proposals::Model) -> BoardProposal {
    BoardProposal {
        id: ProposalId(p.id),
        action_field_id: ActionFieldId(p.action_field_id),
        author: Author::Deleted,
        organisation: None,
        status: ProposalStatus::parse(&p.status),
        edited: p.revision > 1,
        mine: false,
        reports: 0,
        title: p.title.clone(),
        description: p.description.clone(),
        goal: p.goal.clone(),
        target_group: p.target_group.clone(),
        partners: p.partners.clone(),
        timeframe: p.timeframe.clone(),
        hidden_reason: p.hidden_reason.clone(),
        created_at: p.created_at,
        lang: p.lang.clone(),
    }
}

/// Tells every board the number of participants (participant pages: the text, in their language).
fn publish_count(live: &LiveHub, workshop: WorkshopId, count: u64) {
    live.send(workshop.0, &LiveEvent::Participants { count }, |lang| {
        let text = crate::i18n::I18n { lang }.ta("board-participants", &[("count", count.to_string())]);
        serde_json::json!([["text", crate::workshops::types::live_ids::PARTICIPANT_COUNT, text]]).to_string()
    });
}
