//! Participants: joining a workshop without an account (a random token in a cookie, only
//! its hash stored), the participant behind a token, the organizer's export and deletion of a
//! participant's data.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    sea_query::Expr,
};
use uuid::Uuid;

use crate::workshops::service::{by_code, find, state_of};

use crate::workshops::types::{JoinInput, LiveEvent, ParticipantId, WorkshopId, WorkshopState};
use crate::{
    auth::{
        service::{random_token, token_hash},
        types::Actor,
    },
    error::{AppError, Msg},
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
/// `NotFound` for unknown codes, `Conflict` when the workshop is not open.
pub async fn join(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    code: &str,
    input: &JoinInput,
) -> Result<(String, ParticipantId), AppError> {
    let ws = by_code(db, code).await?;
    let state = state_of(&ws);
    if !state.open_for_participants() {
        let key = if state == WorkshopState::Draft { "ws-not-started" } else { "ws-closed" };
        return Err(AppError::Conflict(Msg::new(key)));
    }
    let token = random_token();
    let id = Uuid::new_v4();
    let _turn = workshop_turn(db, live, ws.id).await;
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
/// stops working; their proposals stay, attributed to "deleted".
///
/// # Errors
/// `Unauthenticated`, `Forbidden` unless organizer or admin, `NotFound`.
pub async fn delete_participant(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    actor: &Actor,
    id: ParticipantId,
) -> Result<(), AppError> {
    let p = organizer_participant(db, actor, id).await?;
    let _turn = workshop_turn(db, live, p.workshop_id).await;
    participants::Entity::update_many()
        .col_expr(participants::Column::DisplayName, Expr::value(Option::<String>::None))
        .col_expr(participants::Column::Organisation, Expr::value(Option::<String>::None))
        .col_expr(participants::Column::OrgType, Expr::value(Option::<String>::None))
        // The hash of a fresh random token nobody holds: the old cookie is worthless.
        .col_expr(participants::Column::TokenHash, Expr::value(token_hash(&random_token())))
        .col_expr(participants::Column::Deleted, Expr::value(true))
        .filter(participants::Column::Id.eq(p.id))
        .exec(db)
        .await?;
    let count = participant_count(db, p.workshop_id).await?;
    publish_count(live, WorkshopId(p.workshop_id), count);
    Ok(())
}

/// Tells every board the number of participants (participant pages: the text, in their language).
fn publish_count(live: &LiveHub, workshop: WorkshopId, count: u64) {
    live.send(workshop.0, &LiveEvent::Participants { count }, |lang| {
        let text = crate::i18n::I18n { lang }.ta("board-participants", &[("count", count.to_string())]);
        serde_json::json!([["text", crate::workshops::types::live_ids::PARTICIPANT_COUNT, text]]).to_string()
    });
}
