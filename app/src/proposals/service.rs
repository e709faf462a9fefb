//! Proposals: submitting with the per-participant limits, editing with every version kept,
//! withdrawing, reports, and moderation (room proposals, edits, hide with a reason, restore).
//!
//! Every change that boards show is published (`live`) after its transaction commits.

use std::collections::HashMap;

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, TransactionSession, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use crate::{
    participants::service::Participant,
    workshops::service::{info, moderated, scope, state_of},
};

use crate::workshops::types::{
    Author, BoardProposal, OwnProposalView, PROPOSALS_PER_MINUTE, PROPOSALS_PER_PARTICIPANT, PROPOSALS_PER_WORKSHOP,
    ProposalDetail, ProposalForm, ProposalId, ProposalInput, ProposalStatus, ReportId, Revision, Viewer, WorkshopId,
    WorkshopState,
};
use crate::{
    auth::types::Actor,
    error::{AppError, Msg},
    processes::types::ActionFieldId,
    server::{
        LiveHub, Writer,
        entities::{action_fields, participants, proposal_reports, proposal_revisions, proposals, users, workshops},
        workshop_turn, write_turn,
    },
};
// ---------------------------------------------------------------------------------------------
// Proposals

/// The action field of a new proposal: the chosen one (it must be in the workshop's scope),
/// or the only one when the workshop has one.
async fn resolve_field(
    db: &impl ConnectionTrait,
    ws: &workshops::Model,
    chosen: Option<ActionFieldId>,
) -> Result<Uuid, AppError> {
    let scope = scope(db, ws.id).await?;
    match chosen {
        Some(f) if scope.contains(&f.0) => Ok(f.0),
        Some(_) => Err(AppError::invalid("action_field", Msg::new("field-choice"))),
        None if scope.len() == 1 => Ok(scope[0]),
        None => Err(AppError::invalid("action_field", Msg::new("proposal-field-required"))),
    }
}

/// Parses the form and resolves its action field, reporting the errors of both at once.
async fn parse_with_field(
    db: &impl ConnectionTrait,
    ws: &workshops::Model,
    form: &ProposalForm,
    fallback: Option<Uuid>,
) -> Result<(ProposalInput, Uuid), AppError> {
    let parsed = form.parse();
    let chosen = ActionFieldId::parse(&form.action_field).ok().or(fallback.map(ActionFieldId));
    let field = if form.action_field.trim().is_empty() || chosen.is_some() {
        resolve_field(db, ws, chosen).await
    } else {
        Err(AppError::invalid("action_field", Msg::new("field-choice")))
    };
    match (parsed, field) {
        (Ok(input), Ok(field)) => Ok((input, field)),
        (Err(AppError::Invalid(mut a)), Err(AppError::Invalid(b))) => {
            a.extend(b.into_iter().filter(|e| e.field == "action_field"));
            a.dedup_by(|x, y| x.field == y.field);
            Err(AppError::Invalid(a))
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

fn new_revision(
    proposal: Uuid,
    number: i32,
    field: Uuid,
    input: &ProposalInput,
    by: Option<Uuid>,
) -> proposal_revisions::ActiveModel {
    proposal_revisions::ActiveModel {
        id: Set(Uuid::new_v4()),
        proposal_id: Set(proposal),
        number: Set(number),
        action_field_id: Set(field),
        title: Set(input.title.clone()),
        description: Set(input.description.clone()),
        goal: Set(input.goal.clone()),
        target_group: Set(input.target_group.clone()),
        partners: Set(input.partners.clone()),
        timeframe: Set(input.timeframe.clone()),
        edited_by_user: Set(by),
        created_at: Set(Utc::now()),
    }
}

/// Inserts a proposal with its first revision; the caller holds the transaction.
async fn insert_proposal(
    db: &impl ConnectionTrait,
    ws: &workshops::Model,
    field: Uuid,
    participant: Option<Uuid>,
    by_user: Option<Uuid>,
    input: &ProposalInput,
    lang: Option<crate::i18n::Lang>,
) -> Result<proposals::Model, AppError> {
    let id = Uuid::new_v4();
    let now = Utc::now();
    let model = proposals::ActiveModel {
        id: Set(id),
        workshop_id: Set(ws.id),
        action_field_id: Set(field),
        participant_id: Set(participant),
        from_room: Set(participant.is_none()),
        title: Set(input.title.clone()),
        description: Set(input.description.clone()),
        goal: Set(input.goal.clone()),
        target_group: Set(input.target_group.clone()),
        partners: Set(input.partners.clone()),
        timeframe: Set(input.timeframe.clone()),
        status: Set(ProposalStatus::Visible.as_str().to_owned()),
        hidden_reason: Set(None),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        lang: Set(lang.map(|l| l.code().to_owned()).unwrap_or_default()),
    }
    .insert(db)
    .await?;
    new_revision(id, 1, field, input, by_user).insert(db).await?;
    Ok(model)
}

/// A participant submits a proposal. When this returns `Ok`, the proposal is committed.
///
/// # Errors
/// `NotFound` (code), `Unauthenticated`/`Forbidden` (token), `Conflict` when the workshop is not
/// collecting or the participant has 20 proposals, `RateLimited` after 10 in a minute,
/// `Invalid` for the fields.
pub async fn submit(
    writer: &Writer,
    live: &std::sync::Arc<LiveHub>,
    who: &Participant,
    form: &ProposalForm,
) -> Result<BoardProposal, AppError> {
    submit_in(writer, live, who, form, crate::i18n::Lang::default()).await
}

/// [`submit`] from a page in `lang` (kept with the proposal, so that boards in another
/// language can say what it was written in).
///
/// # Errors
/// As [`submit`].
pub async fn submit_in(
    writer: &Writer,
    live: &std::sync::Arc<LiveHub>,
    who: &Participant,
    form: &ProposalForm,
    lang: crate::i18n::Lang,
) -> Result<BoardProposal, AppError> {
    let (ws, participant) = (who.workshop.clone(), who.record.clone());
    // Written on a page of the workshop: in one of the languages it offers.
    let lang = lang.within(&crate::i18n::Offer(ws.languages.clone()).langs());
    if state_of(&ws) != WorkshopState::Collecting {
        return Err(AppError::Conflict(Msg::new("proposal-not-collecting")));
    }
    let (input, field) = parse_with_field(writer.db(), &ws, form, None).await?;
    let watched = live.pages_watched(ws.id);
    let workshop = ws.clone();
    let (ws_id, participant_id) = (ws.id, participant.id);
    // Written in the writer's next group; the card is published in commit order before the
    // workshop's next change.
    let hub = live.clone();
    let proposal = writer
        .run_ordered(
            live.order_of(ws.id),
            move |txn| {
                Box::pin(async move {
                    // The workshop may have moved on while the write waited for its turn. Its
                    // row stays locked until the commit (PostgreSQL; SQLite writes one at a
                    // time anyway): a state change or a submission on another instance waits,
                    // so the state, the rate and the count below hold when the row is written.
                    let current = workshops::Entity::find_by_id(ws_id)
                        .lock(sea_orm::sea_query::LockType::NoKeyUpdate)
                        .one(txn)
                        .await?
                        .ok_or(AppError::NotFound)?;
                    if state_of(&current) != WorkshopState::Collecting {
                        return Err(AppError::Conflict(Msg::new("proposal-not-collecting")));
                    }
                    check_rate(txn, participant_id).await?;
                    let taken = proposals::Entity::find()
                        .filter(proposals::Column::WorkshopId.eq(ws_id))
                        .filter(proposals::Column::ParticipantId.is_not_null())
                        .filter(proposals::Column::Status.ne(ProposalStatus::Withdrawn.as_str()))
                        .count(txn)
                        .await?;
                    if taken >= PROPOSALS_PER_WORKSHOP {
                        return Err(AppError::Conflict(
                            Msg::new("proposal-workshop-full").arg("max", PROPOSALS_PER_WORKSHOP),
                        ));
                    }
                    Ok(())
                })
            },
            move |txn, ()| {
                Box::pin(async move {
                    // Check and count in one statement, so two quick submissions cannot both
                    // take the last place.
                    let counted = participants::Entity::update_many()
                        .col_expr(
                            participants::Column::ProposalCount,
                            Expr::col(participants::Column::ProposalCount).add(1),
                        )
                        .filter(participants::Column::Id.eq(participant.id))
                        .filter(participants::Column::ProposalCount.lt(PROPOSALS_PER_PARTICIPANT))
                        .exec(txn)
                        .await?;
                    if counted.rows_affected == 0 {
                        return Err(AppError::Conflict(
                            Msg::new("proposal-limit").arg("max", PROPOSALS_PER_PARTICIPANT),
                        ));
                    }
                    let model =
                        insert_proposal(txn, &workshop, field, Some(participant.id), None, &input, Some(lang)).await?;
                    let extra = if watched {
                        Some(super::live::extra(txn, &workshop).await?.new_card_in(model.action_field_id))
                    } else {
                        None
                    };
                    Ok((to_board(model, Some(&participant), false, 0), extra))
                })
            },
            move |(proposal, extra): &(BoardProposal, Option<super::live::Extra>)| {
                super::live::send_card(&hub, ws_id, proposal, extra.as_ref());
            },
        )
        .await?
        .0;
    Ok(BoardProposal { mine: true, ..proposal })
}

/// At most [`PROPOSALS_PER_MINUTE`] submissions in any 60 seconds.
async fn check_rate(db: &impl ConnectionTrait, participant: Uuid) -> Result<(), AppError> {
    let now = Utc::now();
    let recent: Vec<chrono::DateTime<Utc>> = proposals::Entity::find()
        .select_only()
        .column(proposals::Column::CreatedAt)
        .filter(proposals::Column::ParticipantId.eq(participant))
        .filter(proposals::Column::CreatedAt.gt(now - Duration::seconds(60)))
        .order_by_desc(proposals::Column::CreatedAt)
        .limit(PROPOSALS_PER_MINUTE as u64)
        .into_tuple()
        .all(db)
        .await?;
    if recent.len() >= PROPOSALS_PER_MINUTE
        && let Some(oldest) = recent.last()
    {
        let wait = std::cmp::Ord::max((*oldest + Duration::seconds(60) - now).num_seconds(), 0) + 1;
        return Err(AppError::RateLimited {
            retry_after_secs: u64::try_from(wait).unwrap_or(60),
            limit: Some(Msg::new("proposal-rate").arg("max", PROPOSALS_PER_MINUTE)),
        });
    }
    Ok(())
}

/// The participant's own proposal of this workshop, while they may still change it.
async fn own_proposal(
    db: &impl ConnectionTrait,
    ws: &workshops::Model,
    participant: &participants::Model,
    id: ProposalId,
) -> Result<proposals::Model, AppError> {
    let p = proposals::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .filter(|p| p.workshop_id == ws.id && p.status != ProposalStatus::Withdrawn.as_str())
        .ok_or(AppError::NotFound)?;
    if p.participant_id != Some(participant.id) {
        return Err(AppError::Forbidden);
    }
    Ok(p)
}

/// One of the participant's own proposals, for its edit page.
///
/// # Errors
/// `NotFound`, `Unauthenticated`, `Forbidden` (someone else's).
pub async fn get_own(
    db: &impl ConnectionTrait,
    who: &Participant,
    id: ProposalId,
) -> Result<OwnProposalView, AppError> {
    let (ws, participant) = (&who.workshop, &who.record);
    let p = own_proposal(db, ws, participant, id).await?;
    let fate = super::fate::fates(db, ws.id, &[p.id], super::fate::Reader::Public).await?.remove(&p.id);
    Ok(OwnProposalView { workshop: info(db, ws).await?, proposal: to_board(p, Some(participant), true, 0), fate })
}

/// Writes a new version of a proposal (keeping the old ones) and tells the boards.
async fn revise<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    ws: &workshops::Model,
    p: proposals::Model,
    field: Uuid,
    input: &ProposalInput,
    by_user: Option<Uuid>,
) -> Result<BoardProposal, AppError> {
    let number = p.revision + 1;
    let _turn = workshop_turn(db, live, ws.id).await;
    let txn = db.begin().await?;
    // Compare and set on the revision: of two editors at once, the second is told.
    let result = proposals::Entity::update_many()
        .col_expr(proposals::Column::ActionFieldId, Expr::value(field))
        .col_expr(proposals::Column::Title, Expr::value(input.title.clone()))
        .col_expr(proposals::Column::Description, Expr::value(input.description.clone()))
        .col_expr(proposals::Column::Goal, Expr::value(input.goal.clone()))
        .col_expr(proposals::Column::TargetGroup, Expr::value(input.target_group.clone()))
        .col_expr(proposals::Column::Partners, Expr::value(input.partners.clone()))
        .col_expr(proposals::Column::Timeframe, Expr::value(input.timeframe.clone()))
        .col_expr(proposals::Column::Revision, Expr::value(number))
        .col_expr(proposals::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(proposals::Column::Id.eq(p.id))
        .filter(proposals::Column::Revision.eq(p.revision))
        .exec(&txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("proposal-changed")));
    }
    new_revision(p.id, number, field, input, by_user).insert(&txn).await?;
    txn.commit().await?;
    let updated = proposals::Entity::find_by_id(p.id).one(db).await?.ok_or(AppError::NotFound)?;
    let board = board_view(db, updated, 0).await?;
    if board.status == ProposalStatus::Visible {
        super::live::publish_card(db, live, ws, &board).await;
    }
    Ok(board)
}

/// A participant changes their own proposal while the workshop is collecting.
///
/// # Errors
/// As [`submit`]; `Forbidden` for someone else's proposal.
pub async fn update_own<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    who: &Participant,
    id: ProposalId,
    form: &ProposalForm,
) -> Result<BoardProposal, AppError> {
    let (ws, participant) = (&who.workshop, &who.record);
    let p = own_proposal(db, ws, participant, id).await?;
    if state_of(ws) != WorkshopState::Collecting {
        return Err(AppError::Conflict(Msg::new("proposal-not-collecting")));
    }
    let (input, field) = parse_with_field(db, ws, form, Some(p.action_field_id)).await?;
    revise(db, live, ws, p, field, &input, None).await
}

/// A participant withdraws their own visible proposal while collecting; it leaves every board.
///
/// # Errors
/// `NotFound`, `Unauthenticated`, `Forbidden`, `Conflict` when not collecting, or when a
/// moderator hid or restored it between reading and writing (nothing is written then).
pub async fn withdraw_own<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    who: &Participant,
    id: ProposalId,
) -> Result<(), AppError> {
    let (ws, participant) = (&who.workshop, &who.record);
    let p = own_proposal(db, ws, participant, id).await?;
    if state_of(ws) != WorkshopState::Collecting {
        return Err(AppError::Conflict(Msg::new("proposal-not-collecting")));
    }
    let _turn = workshop_turn(db, live, ws.id).await;
    let txn = db.begin().await?;
    // Compare and set on the status as read: a moderator's hide or restore in between wins, and
    // the count of places is lowered only by a withdrawal that happened.
    let from =
        if p.status == ProposalStatus::Hidden.as_str() { ProposalStatus::Hidden } else { ProposalStatus::Visible };
    if !set_status(&txn, p.id, from, ProposalStatus::Withdrawn, None).await? {
        return Err(changed_meanwhile(&txn, p.id, "proposal-changed").await);
    }
    participants::Entity::update_many()
        .col_expr(participants::Column::ProposalCount, Expr::col(participants::Column::ProposalCount).sub(1))
        .filter(participants::Column::Id.eq(participant.id))
        .filter(participants::Column::ProposalCount.gt(0))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    super::live::publish_removal(db, live, ws, id, ActionFieldId(p.action_field_id)).await;
    Ok(())
}

/// A participant reports a proposal to the moderators (once per proposal).
///
/// # Errors
/// `NotFound` (also for hidden proposals of others), `Unauthenticated`, `Forbidden`,
/// `Conflict` when reported before, `Invalid` for a too long reason.
pub async fn report(
    db: &impl ConnectionTrait,
    who: &Participant,
    id: ProposalId,
    reason: &str,
) -> Result<(), AppError> {
    let (ws, participant) = (&who.workshop, &who.record);
    let reason = crate::workshops::types::parse_reason(reason, 0)?;
    proposals::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .filter(|p| p.workshop_id == ws.id && p.status == ProposalStatus::Visible.as_str())
        .ok_or(AppError::NotFound)?;
    let exists = proposal_reports::Entity::find()
        .filter(proposal_reports::Column::ProposalId.eq(id.0))
        .filter(proposal_reports::Column::ParticipantId.eq(participant.id))
        .one(db)
        .await?;
    if exists.is_some() {
        return Err(AppError::Conflict(Msg::new("report-twice")));
    }
    let _turn = write_turn(db).await;
    proposal_reports::ActiveModel {
        id: Set(Uuid::new_v4()),
        proposal_id: Set(id.0),
        participant_id: Set(participant.id),
        reason: Set(reason),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Moderation

async fn moderated_proposal(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ProposalId,
) -> Result<(workshops::Model, proposals::Model), AppError> {
    actor.require_staff()?;
    let p = proposals::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)?;
    let ws = moderated(db, actor, WorkshopId(p.workshop_id)).await?;
    Ok((ws, p))
}

pub(crate) fn user_id(actor: &Actor) -> Option<Uuid> {
    actor.staff().map(|u| u.id.0)
}

/// A moderator adds a proposal on behalf of the room (from a paper card), while collecting or
/// clustering.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Conflict` in other states, `Invalid`.
pub async fn add_from_room<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    form: &ProposalForm,
) -> Result<BoardProposal, AppError> {
    let ws = moderated(db, actor, id).await?;
    if !matches!(state_of(&ws), WorkshopState::Collecting | WorkshopState::Clustering) {
        return Err(AppError::Conflict(Msg::new("proposal-not-collecting")));
    }
    let (input, field) = parse_with_field(db, &ws, form, None).await?;
    let _turn = workshop_turn(db, live, ws.id).await;
    let txn = db.begin().await?;
    // Typed in by the moderation for the room, from paper cards: staff write German.
    let model =
        insert_proposal(&txn, &ws, field, None, user_id(actor), &input, Some(crate::i18n::Lang::default())).await?;
    txn.commit().await?;
    let proposal = to_board(model, None, false, 0);
    super::live::publish_card(db, live, &ws, &proposal).await;
    Ok(proposal)
}

/// A moderator edits a proposal; every earlier version stays.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Conflict` when the workshop is closed or the
/// proposal was changed meanwhile, `Invalid`.
pub async fn moderator_edit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: ProposalId,
    expected_revision: i32,
    form: &ProposalForm,
) -> Result<BoardProposal, AppError> {
    let (ws, p) = moderated_proposal(db, actor, id).await?;
    if state_of(&ws) == WorkshopState::Closed {
        return Err(AppError::Conflict(Msg::new("ws-closed")));
    }
    if p.status == ProposalStatus::Withdrawn.as_str() {
        return Err(AppError::NotFound);
    }
    if p.revision != expected_revision {
        return Err(AppError::Conflict(Msg::new("proposal-changed")));
    }
    let (input, field) = parse_with_field(db, &ws, form, Some(p.action_field_id)).await?;
    revise(db, live, &ws, p, field, &input, user_id(actor)).await
}

/// Changes a proposal's status (and its hidden reason) only if it still has the status `from`:
/// `false` when it had another one and nothing was written.
async fn set_status(
    db: &impl ConnectionTrait,
    id: Uuid,
    from: ProposalStatus,
    to: ProposalStatus,
    reason: Option<String>,
) -> Result<bool, AppError> {
    let result = proposals::Entity::update_many()
        .col_expr(proposals::Column::Status, Expr::value(to.as_str()))
        .col_expr(proposals::Column::HiddenReason, Expr::value(reason))
        .col_expr(proposals::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(proposals::Column::Id.eq(id))
        .filter(proposals::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// The answer when [`set_status`] found the proposal changed: `NotFound` once it is withdrawn
/// (or gone), else a conflict with `key`.
async fn changed_meanwhile(db: &impl ConnectionTrait, id: Uuid, key: &str) -> AppError {
    match proposals::Entity::find_by_id(id).one(db).await {
        Ok(Some(p)) if p.status != ProposalStatus::Withdrawn.as_str() => AppError::Conflict(Msg::new(key)),
        Ok(_) => AppError::NotFound,
        Err(e) => e.into(),
    }
}

/// Hides a visible proposal with a reason its author sees; the other boards drop it.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Invalid` without a reason, `Conflict` when the
/// proposal is hidden already (another moderator was quicker: their reason stays).
pub async fn hide(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    actor: &Actor,
    id: ProposalId,
    reason: &str,
) -> Result<(), AppError> {
    let (ws, p) = moderated_proposal(db, actor, id).await?;
    let reason = crate::workshops::types::parse_reason(reason, 1)?;
    if p.status == ProposalStatus::Withdrawn.as_str() {
        return Err(AppError::NotFound);
    }
    let _turn = workshop_turn(db, live, ws.id).await;
    if !set_status(db, p.id, ProposalStatus::Visible, ProposalStatus::Hidden, Some(reason)).await? {
        return Err(changed_meanwhile(db, p.id, "proposal-changed").await);
    }
    super::live::publish_removal(db, live, &ws, id, ActionFieldId(p.action_field_id)).await;
    Ok(())
}

/// Shows a hidden proposal again.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound` (also once withdrawn), `Conflict` when it is not
/// hidden (any more: another moderator restored it meanwhile).
pub async fn restore(db: &impl ConnectionTrait, live: &LiveHub, actor: &Actor, id: ProposalId) -> Result<(), AppError> {
    let (ws, p) = moderated_proposal(db, actor, id).await?;
    if p.status == ProposalStatus::Withdrawn.as_str() {
        return Err(AppError::NotFound);
    }
    let _turn = workshop_turn(db, live, ws.id).await;
    if !set_status(db, p.id, ProposalStatus::Hidden, ProposalStatus::Visible, None).await? {
        return Err(changed_meanwhile(db, p.id, "proposal-not-hidden").await);
    }
    let updated = proposals::Entity::find_by_id(p.id).one(db).await?.ok_or(AppError::NotFound)?;
    super::live::publish_card(db, live, &ws, &board_view(db, updated, 0).await?).await;
    Ok(())
}

/// Removes a report once the moderator has looked at it.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn dismiss_report(db: &impl ConnectionTrait, actor: &Actor, id: ReportId) -> Result<(), AppError> {
    actor.require_staff()?;
    let report = proposal_reports::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)?;
    moderated_proposal(db, actor, ProposalId(report.proposal_id)).await?;
    proposal_reports::Entity::delete_by_id(id.0).exec(db).await?;
    Ok(())
}

/// A proposal with every version, for the moderator.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn proposal_detail(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ProposalId,
) -> Result<ProposalDetail, AppError> {
    let (ws, p) = moderated_proposal(db, actor, id).await?;
    let fields: HashMap<Uuid, String> = action_fields::Entity::find()
        .filter(action_fields::Column::ProcessId.eq(ws.process_id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f.name))
        .collect();
    let revisions = proposal_revisions::Entity::find()
        .filter(proposal_revisions::Column::ProposalId.eq(p.id))
        .order_by_asc(proposal_revisions::Column::Number)
        .all(db)
        .await?;
    // The staff who edited this proposal, and nobody else.
    let editors: Vec<Uuid> = revisions.iter().filter_map(|r| r.edited_by_user).collect();
    let emails: HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(editors))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let revisions = revisions
        .into_iter()
        .map(|r| Revision {
            number: r.number,
            action_field: fields.get(&r.action_field_id).cloned().unwrap_or_default(),
            edited_by: r.edited_by_user.and_then(|u| emails.get(&u).cloned()).filter(|_| r.number > 1),
            title: r.title,
            description: r.description,
            goal: r.goal,
            target_group: r.target_group,
            partners: r.partners,
            timeframe: r.timeframe,
            created_at: r.created_at,
        })
        .collect();
    let reports =
        proposal_reports::Entity::find().filter(proposal_reports::Column::ProposalId.eq(p.id)).count(db).await?;
    let revision = p.revision;
    let fate = super::fate::fates(db, ws.id, &[p.id], super::fate::Reader::Staff).await?.remove(&p.id);
    Ok(ProposalDetail {
        fate,
        workshop: info(db, &ws).await?,
        proposal: board_view(db, p, u32::try_from(reports).unwrap_or(u32::MAX)).await?,
        revisions,
        revision,
    })
}

// ---------------------------------------------------------------------------------------------
// As boards show them

fn author_of(p: &proposals::Model, by: Option<&participants::Model>) -> (Author, Option<String>) {
    if p.from_room {
        return (Author::Room, None);
    }
    match by {
        Some(b) if b.deleted => (Author::Deleted, None),
        Some(b) => (b.display_name.clone().map_or(Author::Anonymous, Author::Named), b.organisation.clone()),
        None => (Author::Deleted, None),
    }
}

pub(crate) fn to_board(
    p: proposals::Model,
    by: Option<&participants::Model>,
    mine: bool,
    reports: u32,
) -> BoardProposal {
    let (author, organisation) = author_of(&p, by);
    BoardProposal {
        id: ProposalId(p.id),
        action_field_id: ActionFieldId(p.action_field_id),
        author,
        organisation,
        status: ProposalStatus::parse(&p.status),
        edited: p.revision > 1,
        mine,
        reports,
        title: p.title,
        description: p.description,
        goal: p.goal,
        target_group: p.target_group,
        partners: p.partners,
        timeframe: p.timeframe,
        hidden_reason: p.hidden_reason,
        created_at: p.created_at,
        lang: p.lang,
    }
}

/// A stored proposal as a board shows it, with its author looked up.
pub(crate) async fn board_view(
    db: &impl ConnectionTrait,
    p: proposals::Model,
    reports: u32,
) -> Result<BoardProposal, AppError> {
    let by = match p.participant_id {
        Some(id) => participants::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(to_board(p, by.as_ref(), false, reports))
}

/// A visible proposal of the participant's workshop (the one they are about to report).
///
/// # Errors
/// `NotFound` (also for hidden or withdrawn ones), `Unauthenticated`, `Forbidden`.
pub async fn visible_one(
    db: &impl ConnectionTrait,
    who: &Participant,
    id: ProposalId,
) -> Result<BoardProposal, AppError> {
    let ws = &who.workshop;
    let p = proposals::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .filter(|p| p.workshop_id == ws.id && p.status == ProposalStatus::Visible.as_str())
        .ok_or(AppError::NotFound)?;
    board_view(db, p, 0).await
}

/// The proposals a viewer may see, newest first, with their authors (moderators: hidden ones
/// too, with report counts; a participant: their own hidden ones with the reason), and the
/// number of participants.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn visible_to(
    db: &impl ConnectionTrait,
    workshop: Uuid,
    viewer: Viewer,
    me: Option<Uuid>,
) -> Result<(Vec<BoardProposal>, u64), AppError> {
    let people: HashMap<Uuid, participants::Model> = participants::Entity::find()
        .filter(participants::Column::WorkshopId.eq(workshop))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let rows = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(workshop))
        .filter(proposals::Column::Status.ne(ProposalStatus::Withdrawn.as_str()))
        .order_by_desc(proposals::Column::CreatedAt)
        .all(db)
        .await?;
    let mut report_counts: HashMap<Uuid, u32> = HashMap::new();
    if viewer == Viewer::Moderator {
        let ids: Vec<Uuid> = rows.iter().map(|p| p.id).collect();
        for r in
            proposal_reports::Entity::find().filter(proposal_reports::Column::ProposalId.is_in(ids)).all(db).await?
        {
            *report_counts.entry(r.proposal_id).or_default() += 1;
        }
    }
    let proposals: Vec<BoardProposal> = rows
        .into_iter()
        .filter_map(|p| {
            let mine = me.is_some() && p.participant_id == me;
            let hidden = p.status == ProposalStatus::Hidden.as_str();
            if hidden && viewer == Viewer::Participant && !mine {
                return None;
            }
            let by = p.participant_id.and_then(|id| people.get(&id));
            let reports = report_counts.get(&p.id).copied().unwrap_or(0);
            Some(to_board(p, by, mine, reports))
        })
        .collect();
    Ok((proposals, people.values().filter(|p| !p.deleted).count() as u64))
}
