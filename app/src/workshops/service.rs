//! Workshops: set-up by organizers, the course run by moderators, joining and proposals by
//! participants (who have no account: a cookie token identifies them), moderation, privacy.
//!
//! Every change that boards show is published to the [`LiveHub`] after its transaction commits.

use std::collections::HashMap;

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, TransactionSession, TransactionTrait,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::types::{
    Author, Board, BoardProposal, Entry, FieldRef, JOIN_CODE_ALPHABET, JOIN_CODE_LEN, JoinInput, LiveEvent, Me,
    OrgType, PROPOSALS_PER_MINUTE, PROPOSALS_PER_PARTICIPANT, ParticipantId, ParticipantSummary, ProposalDetail,
    ProposalForm, ProposalId, ProposalInput, ProposalStatus, ReportId, ReportView, Revision, StaffChoice, Viewer,
    WORKSHOPS_MAX, WorkshopAdmin, WorkshopId, WorkshopInfo, WorkshopInput, WorkshopMode, WorkshopState,
    WorkshopSummary, normalize_join_code,
};
use crate::{
    auth::{
        service::{random_token, token_hash},
        types::{Actor, Role, UserId},
    },
    error::{AppError, Msg},
    processes::types::{ActionFieldId, ProcessId, check_count},
    server::{
        LiveHub,
        entities::{
            action_fields, participants, processes, proposal_reports, proposal_revisions, proposals, users,
            workshop_action_fields, workshop_moderators, workshops,
        },
        write_turn,
    },
};

// ---------------------------------------------------------------------------------------------
// Lookups and permissions

async fn find(db: &impl ConnectionTrait, id: WorkshopId) -> Result<workshops::Model, AppError> {
    workshops::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)
}

/// The workshop of a join code, as typed by a person.
async fn by_code(db: &impl ConnectionTrait, code: &str) -> Result<workshops::Model, AppError> {
    let code = normalize_join_code(code).ok_or(AppError::NotFound)?;
    workshops::Entity::find().filter(workshops::Column::JoinCode.eq(code)).one(db).await?.ok_or(AppError::NotFound)
}

pub(crate) fn state_of(ws: &workshops::Model) -> WorkshopState {
    WorkshopState::parse(&ws.state).unwrap_or(WorkshopState::Draft)
}

/// The workshop, if the actor runs it: organizers and admins run every workshop, moderators
/// the ones they are assigned to.
pub(crate) async fn moderated(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: WorkshopId,
) -> Result<workshops::Model, AppError> {
    actor.require_staff()?;
    let ws = find(db, id).await?;
    check_moderator(db, actor, &ws).await?;
    Ok(ws)
}

async fn check_moderator(db: &impl ConnectionTrait, actor: &Actor, ws: &workshops::Model) -> Result<(), AppError> {
    match actor {
        Actor::System => Ok(()),
        Actor::Staff(u) if matches!(u.role, Role::Admin | Role::Organizer) => Ok(()),
        Actor::Staff(u) => {
            let assigned = workshop_moderators::Entity::find_by_id((ws.id, u.id.0)).one(db).await?.is_some();
            if assigned { Ok(()) } else { Err(AppError::Forbidden) }
        }
        Actor::Anonymous => Err(AppError::Unauthenticated),
    }
}

/// The ids of the action fields a workshop works on.
async fn scope(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Vec<Uuid>, AppError> {
    Ok(workshop_action_fields::Entity::find()
        .filter(workshop_action_fields::Column::WorkshopId.eq(workshop))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.action_field_id)
        .collect())
}

async fn fields_of(db: &impl ConnectionTrait, ws: &workshops::Model) -> Result<Vec<FieldRef>, AppError> {
    let ids = scope(db, ws.id).await?;
    Ok(action_fields::Entity::find()
        .filter(action_fields::Column::Id.is_in(ids))
        .order_by_asc(action_fields::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|f| FieldRef { id: ActionFieldId(f.id), name: f.name })
        .collect())
}

async fn info(db: &impl ConnectionTrait, ws: &workshops::Model) -> Result<WorkshopInfo, AppError> {
    let process = processes::Entity::find_by_id(ws.process_id).one(db).await?.ok_or(AppError::NotFound)?;
    Ok(WorkshopInfo {
        id: WorkshopId(ws.id),
        process_id: ProcessId(ws.process_id),
        process_name: process.name,
        municipality: process.municipality,
        title: ws.title.clone(),
        starts_at: ws.starts_at,
        mode: WorkshopMode::parse(&ws.mode).unwrap_or(WorkshopMode::InPerson),
        place: ws.place.clone(),
        meeting_link: ws.meeting_link.clone(),
        state: state_of(ws),
        join_code: ws.join_code.clone(),
        fields: fields_of(db, ws).await?,
    })
}

// ---------------------------------------------------------------------------------------------
// Set-up (organizers)

fn new_join_code() -> String {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    (0..JOIN_CODE_LEN).map(|_| char::from(JOIN_CODE_ALPHABET[rng.gen_range(0..JOIN_CODE_ALPHABET.len())])).collect()
}

/// Checks the chosen action fields (of this process; none chosen means all) and moderators
/// (active staff accounts).
async fn check_scope(
    db: &impl ConnectionTrait,
    process_id: Uuid,
    fields: &[ActionFieldId],
    moderators: &[UserId],
) -> Result<(Vec<Uuid>, Vec<Uuid>), AppError> {
    let process_fields: Vec<Uuid> = action_fields::Entity::find()
        .filter(action_fields::Column::ProcessId.eq(process_id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.id)
        .collect();
    let chosen: Vec<Uuid> =
        if fields.is_empty() { process_fields.clone() } else { fields.iter().map(|f| f.0).collect() };
    if chosen.is_empty() {
        return Err(AppError::invalid("action_fields", Msg::new("ws-needs-action-field")));
    }
    if chosen.iter().any(|f| !process_fields.contains(f)) {
        return Err(AppError::invalid("action_fields", Msg::new("field-choice")));
    }
    let ids: Vec<Uuid> = moderators.iter().map(|m| m.0).collect();
    let known = users::Entity::find()
        .filter(users::Column::Id.is_in(ids.clone()))
        .filter(users::Column::Active.eq(true))
        .count(db)
        .await?;
    if usize::try_from(known).unwrap_or(0) != ids.len() {
        return Err(AppError::invalid("moderators", Msg::new("field-choice")));
    }
    Ok((chosen, ids))
}

async fn replace_scope(
    db: &impl ConnectionTrait,
    workshop: Uuid,
    fields: &[Uuid],
    moderators: &[Uuid],
) -> Result<(), AppError> {
    workshop_action_fields::Entity::delete_many()
        .filter(workshop_action_fields::Column::WorkshopId.eq(workshop))
        .exec(db)
        .await?;
    workshop_action_fields::Entity::insert_many(
        fields
            .iter()
            .map(|f| workshop_action_fields::ActiveModel { workshop_id: Set(workshop), action_field_id: Set(*f) }),
    )
    .exec(db)
    .await?;
    workshop_moderators::Entity::delete_many()
        .filter(workshop_moderators::Column::WorkshopId.eq(workshop))
        .exec(db)
        .await?;
    if !moderators.is_empty() {
        workshop_moderators::Entity::insert_many(
            moderators
                .iter()
                .map(|m| workshop_moderators::ActiveModel { workshop_id: Set(workshop), user_id: Set(*m) }),
        )
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Creates a draft workshop with its own join code.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer or admin, `NotFound` for an unknown process,
/// `Invalid` for fields or moderators that do not fit.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    process: ProcessId,
    input: &WorkshopInput,
    fields: &[ActionFieldId],
    moderators: &[UserId],
) -> Result<WorkshopId, AppError> {
    actor.require_organizer()?;
    processes::Entity::find_by_id(process.0).one(db).await?.ok_or(AppError::NotFound)?;
    let existing = workshops::Entity::find().filter(workshops::Column::ProcessId.eq(process.0)).count(db).await?;
    check_count("title", usize::try_from(existing).unwrap_or(usize::MAX), WORKSHOPS_MAX)?;
    let (fields, moderators) = check_scope(db, process.0, fields, moderators).await?;
    let id = Uuid::new_v4();
    let now = Utc::now();
    // A clash of two random codes is rare (31^6 codes); try a few before giving up.
    for _ in 0..8 {
        let code = new_join_code();
        if workshops::Entity::find().filter(workshops::Column::JoinCode.eq(&code)).one(db).await?.is_some() {
            continue;
        }
        let txn = db.begin().await?;
        workshops::ActiveModel {
            id: Set(id),
            process_id: Set(process.0),
            title: Set(input.title.clone()),
            starts_at: Set(input.starts_at),
            mode: Set(input.mode.as_str().to_owned()),
            place: Set(input.place.clone()),
            meeting_link: Set(input.meeting_link.clone()),
            state: Set(WorkshopState::Draft.as_str().to_owned()),
            join_code: Set(code),
            created_at: Set(now),
            updated_at: Set(now),
            cluster_version: Set(0),
        }
        .insert(&txn)
        .await?;
        replace_scope(&txn, id, &fields, &moderators).await?;
        txn.commit().await?;
        return Ok(WorkshopId(id));
    }
    tracing::error!("no free join code after 8 tries");
    Err(AppError::Internal)
}

/// Changes title, time, mode, place, link, action fields and moderators.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`, `Invalid`.
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: WorkshopId,
    input: &WorkshopInput,
    fields: &[ActionFieldId],
    moderators: &[UserId],
) -> Result<(), AppError> {
    actor.require_organizer()?;
    let ws = find(db, id).await?;
    let (fields, moderators) = check_scope(db, ws.process_id, fields, moderators).await?;
    let txn = db.begin().await?;
    let mut model: workshops::ActiveModel = ws.into();
    model.title = Set(input.title.clone());
    model.starts_at = Set(input.starts_at);
    model.mode = Set(input.mode.as_str().to_owned());
    model.place = Set(input.place.clone());
    model.meeting_link = Set(input.meeting_link.clone());
    model.updated_at = Set(Utc::now());
    model.update(&txn).await?;
    replace_scope(&txn, id.0, &fields, &moderators).await?;
    txn.commit().await?;
    Ok(())
}

fn summary(ws: workshops::Model, process_name: String) -> WorkshopSummary {
    WorkshopSummary {
        id: WorkshopId(ws.id),
        process_id: ProcessId(ws.process_id),
        process_name,
        state: state_of(&ws),
        title: ws.title,
        starts_at: ws.starts_at,
        join_code: ws.join_code,
    }
}

/// The workshops of a process (staff).
///
/// # Errors
/// `Unauthenticated` for anonymous callers.
pub async fn list_for_process(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
) -> Result<Vec<WorkshopSummary>, AppError> {
    actor.require_staff()?;
    let name = processes::Entity::find_by_id(process.0).one(db).await?.ok_or(AppError::NotFound)?.name;
    let rows = workshops::Entity::find()
        .filter(workshops::Column::ProcessId.eq(process.0))
        .order_by_asc(workshops::Column::StartsAt)
        .order_by_asc(workshops::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|w| summary(w, name.clone())).collect())
}

/// The workshops the actor runs: all for organizers and admins, the assigned ones for moderators.
///
/// # Errors
/// `Unauthenticated` for anonymous callers.
pub async fn list_mine(db: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<WorkshopSummary>, AppError> {
    actor.require_staff()?;
    let mut query = workshops::Entity::find().order_by_desc(workshops::Column::CreatedAt);
    if let Actor::Staff(u) = actor
        && u.role == Role::Moderator
    {
        let ids: Vec<Uuid> = workshop_moderators::Entity::find()
            .filter(workshop_moderators::Column::UserId.eq(u.id.0))
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.workshop_id)
            .collect();
        query = query.filter(workshops::Column::Id.is_in(ids));
    }
    let rows = query.limit(200).all(db).await?;
    let names: HashMap<Uuid, String> =
        processes::Entity::find().all(db).await?.into_iter().map(|p| (p.id, p.name)).collect();
    Ok(rows
        .into_iter()
        .map(|w| {
            let name = names.get(&w.process_id).cloned().unwrap_or_default();
            summary(w, name)
        })
        .collect())
}

/// The QR code of a link as an SVG document.
#[must_use]
pub fn qr_svg(link: &str) -> String {
    use qrcode::{EcLevel, QrCode, render::svg};
    match QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
        Err(e) => {
            tracing::error!(error = %e, "link does not fit a QR code");
            String::new()
        }
    }
}

/// The short link participants open: `{public_url}/w/{code}`.
#[must_use]
pub fn short_link(public_url: &str, code: &str) -> String {
    format!("{}/w/{code}", public_url.trim_end_matches('/'))
}

/// The moderator's view of a workshop: settings, join data, participants, reports.
///
/// # Errors
/// `Unauthenticated`, `Forbidden` for moderators not assigned, `NotFound`.
pub async fn admin_view(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: WorkshopId,
    public_url: &str,
) -> Result<WorkshopAdmin, AppError> {
    let ws = moderated(db, actor, id).await?;
    let info = info(db, &ws).await?;
    let process_fields = action_fields::Entity::find()
        .filter(action_fields::Column::ProcessId.eq(ws.process_id))
        .order_by_asc(action_fields::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|f| FieldRef { id: ActionFieldId(f.id), name: f.name })
        .collect();
    let assigned: Vec<Uuid> = workshop_moderators::Entity::find()
        .filter(workshop_moderators::Column::WorkshopId.eq(ws.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let staff = users::Entity::find()
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .map(|u| StaffChoice { id: UserId(u.id), assigned: assigned.contains(&u.id), email: u.email })
        .collect();
    let participants = participants::Entity::find()
        .filter(participants::Column::WorkshopId.eq(ws.id))
        .order_by_asc(participants::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|p| ParticipantSummary {
            id: ParticipantId(p.id),
            org_type: p.org_type.as_deref().and_then(OrgType::parse),
            display_name: p.display_name,
            organisation: p.organisation,
            proposals: p.proposal_count,
            deleted: p.deleted,
            joined_at: p.created_at,
        })
        .collect();
    let link = short_link(public_url, &ws.join_code);
    Ok(WorkshopAdmin {
        qr_svg: qr_svg(&link),
        short_link: link,
        info,
        process_fields,
        staff,
        can_configure: actor.require_organizer().is_ok(),
        participants,
        reports: reports(db, ws.id).await?,
    })
}

async fn reports(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Vec<ReportView>, AppError> {
    let titles: HashMap<Uuid, String> = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(workshop))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let ids: Vec<Uuid> = titles.keys().copied().collect();
    Ok(proposal_reports::Entity::find()
        .filter(proposal_reports::Column::ProposalId.is_in(ids))
        .order_by_desc(proposal_reports::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|r| ReportView {
            id: ReportId(r.id),
            proposal_id: ProposalId(r.proposal_id),
            proposal_title: titles.get(&r.proposal_id).cloned().unwrap_or_default(),
            reason: r.reason,
            created_at: r.created_at,
        })
        .collect())
}

/// Moves the workshop one step forward or back in its course.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`; `Conflict` when `to` is not the next or previous
/// state (also when another moderator moved it a moment ago).
pub async fn set_state(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    from: WorkshopState,
    to: WorkshopState,
) -> Result<(), AppError> {
    let ws = moderated(db, actor, id).await?;
    let current = state_of(&ws);
    if current != from {
        return Err(AppError::Conflict(Msg::new("ws-state-changed")));
    }
    if current.next() != Some(to) && current.previous() != Some(to) {
        return Err(AppError::Conflict(Msg::new("ws-state-step")));
    }
    // Compare and set: of two moderators pressing at once, one wins, the other is told.
    let turn = write_turn(db).await;
    let result = workshops::Entity::update_many()
        .col_expr(workshops::Column::State, Expr::value(to.as_str()))
        .col_expr(workshops::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(workshops::Column::Id.eq(ws.id))
        .filter(workshops::Column::State.eq(current.as_str()))
        .exec(db)
        .await?;
    drop(turn);
    if result.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("ws-state-changed")));
    }
    crate::board::publish::publish(db, live, id, &LiveEvent::State { state: to }).await;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Participants

/// The participant behind a cookie token.
///
/// # Errors
/// `Unauthenticated` without a token; `Forbidden` for a token that is not (or no longer) one of
/// this workshop's participants.
async fn participant_for(
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

/// What the participant page shows for a join code: a notice, the join form, or the board
/// (with the live version it shows, read before the board).
///
/// # Errors
/// `NotFound` for unknown codes.
pub async fn entry(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    code: &str,
    token: Option<&str>,
) -> Result<Entry, AppError> {
    let ws = by_code(db, code).await?;
    let version = live.version(ws.id);
    let state = state_of(&ws);
    if !state.open_for_participants() {
        return Ok(Entry::NotOpen(info(db, &ws).await?));
    }
    match participant_for(db, &ws, token).await {
        Ok(p) => {
            let board = Board { version, ..board_of(db, &ws, Viewer::Participant, Some(p.id)).await? };
            let me = Me { id: ParticipantId(p.id), display_name: p.display_name, proposals: p.proposal_count };
            Ok(Entry::Joined { board, me })
        }
        Err(AppError::Unauthenticated | AppError::Forbidden) => Ok(Entry::Join(info(db, &ws).await?)),
        Err(e) => Err(e),
    }
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
    let turn = write_turn(db).await;
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
    drop(turn);
    let count = participant_count(db, ws.id).await?;
    crate::board::publish::publish(db, live, WorkshopId(ws.id), &LiveEvent::Participants { count }).await;
    Ok((token, ParticipantId(id)))
}

async fn participant_count(db: &impl ConnectionTrait, workshop: Uuid) -> Result<u64, AppError> {
    Ok(participants::Entity::find()
        .filter(participants::Column::WorkshopId.eq(workshop))
        .filter(participants::Column::Deleted.eq(false))
        .count(db)
        .await?)
}

/// Whether the token belongs to a participant of the workshop (for the live channel).
///
/// # Errors
/// `NotFound`, `Unauthenticated`, `Forbidden`.
pub async fn participant_workshop(
    db: &impl ConnectionTrait,
    code: &str,
    token: Option<&str>,
) -> Result<WorkshopId, AppError> {
    let ws = by_code(db, code).await?;
    participant_for(db, &ws, token).await?;
    Ok(WorkshopId(ws.id))
}

/// The workshop of a join code, if the staff member runs it (for the live channel).
///
/// # Errors
/// `NotFound`, `Unauthenticated`, `Forbidden`.
pub async fn workshop_of_code(db: &impl ConnectionTrait, actor: &Actor, code: &str) -> Result<WorkshopId, AppError> {
    actor.require_staff()?;
    let ws = by_code(db, code).await?;
    check_moderator(db, actor, &ws).await?;
    Ok(WorkshopId(ws.id))
}

// ---------------------------------------------------------------------------------------------
// Boards

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

fn to_board(p: proposals::Model, by: Option<&participants::Model>, mine: bool, reports: u32) -> BoardProposal {
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
    }
}

/// A stored proposal as a board shows it, with its author looked up.
async fn board_view(db: &impl ConnectionTrait, p: proposals::Model, reports: u32) -> Result<BoardProposal, AppError> {
    let by = match p.participant_id {
        Some(id) => participants::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(to_board(p, by.as_ref(), false, reports))
}

async fn board_of(
    db: &impl ConnectionTrait,
    ws: &workshops::Model,
    viewer: Viewer,
    me: Option<Uuid>,
) -> Result<Board, AppError> {
    let people: HashMap<Uuid, participants::Model> = participants::Entity::find()
        .filter(participants::Column::WorkshopId.eq(ws.id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let rows = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(ws.id))
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
    let proposals = rows
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
    Ok(Board {
        info: info(db, ws).await?,
        viewer,
        participants: people.values().filter(|p| !p.deleted).count() as u64,
        proposals,
        clusters: crate::clustering::service::clusters_of(db, ws.id).await?,
        version: String::new(),
    })
}

/// The board of a participant: all visible proposals, their own hidden ones with the reason.
///
/// # Errors
/// `NotFound`, `Unauthenticated`, `Forbidden`.
pub async fn participant_board(db: &impl ConnectionTrait, code: &str, token: Option<&str>) -> Result<Board, AppError> {
    let ws = by_code(db, code).await?;
    let p = participant_for(db, &ws, token).await?;
    board_of(db, &ws, Viewer::Participant, Some(p.id)).await
}

/// The moderator's board (and the projector's): hidden proposals too, with report counts.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn moderator_board(db: &impl ConnectionTrait, actor: &Actor, id: WorkshopId) -> Result<Board, AppError> {
    let ws = moderated(db, actor, id).await?;
    board_of(db, &ws, Viewer::Moderator, None).await
}

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
pub async fn submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    code: &str,
    token: Option<&str>,
    form: &ProposalForm,
) -> Result<BoardProposal, AppError> {
    let ws = by_code(db, code).await?;
    let participant = participant_for(db, &ws, token).await?;
    if state_of(&ws) != WorkshopState::Collecting {
        return Err(AppError::Conflict(Msg::new("proposal-not-collecting")));
    }
    let (input, field) = parse_with_field(db, &ws, form, None).await?;
    check_rate(db, participant.id).await?;
    let turn = write_turn(db).await;
    let txn = db.begin().await?;
    // Check and count in one statement, so two quick submissions cannot both take the last place.
    let counted = participants::Entity::update_many()
        .col_expr(participants::Column::ProposalCount, Expr::col(participants::Column::ProposalCount).add(1))
        .filter(participants::Column::Id.eq(participant.id))
        .filter(participants::Column::ProposalCount.lt(PROPOSALS_PER_PARTICIPANT))
        .exec(&txn)
        .await?;
    if counted.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("proposal-limit").arg("max", PROPOSALS_PER_PARTICIPANT)));
    }
    let model = insert_proposal(&txn, &ws, field, Some(participant.id), None, &input).await?;
    txn.commit().await?;
    drop(turn);
    let proposal = to_board(model, Some(&participant), false, 0);
    crate::board::publish::publish(
        db,
        live,
        WorkshopId(ws.id),
        &LiveEvent::Upsert { proposal: Box::new(proposal.clone()) },
    )
    .await;
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
    code: &str,
    token: Option<&str>,
    id: ProposalId,
) -> Result<(WorkshopInfo, BoardProposal), AppError> {
    let ws = by_code(db, code).await?;
    let participant = participant_for(db, &ws, token).await?;
    let p = own_proposal(db, &ws, &participant, id).await?;
    Ok((info(db, &ws).await?, to_board(p, Some(&participant), true, 0)))
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
    let turn = write_turn(db).await;
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
    drop(turn);
    let updated = proposals::Entity::find_by_id(p.id).one(db).await?.ok_or(AppError::NotFound)?;
    let board = board_view(db, updated, 0).await?;
    if board.status == ProposalStatus::Visible {
        crate::board::publish::publish(
            db,
            live,
            WorkshopId(ws.id),
            &LiveEvent::Upsert { proposal: Box::new(board.clone()) },
        )
        .await;
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
    code: &str,
    token: Option<&str>,
    id: ProposalId,
    form: &ProposalForm,
) -> Result<BoardProposal, AppError> {
    let ws = by_code(db, code).await?;
    let participant = participant_for(db, &ws, token).await?;
    let p = own_proposal(db, &ws, &participant, id).await?;
    if state_of(&ws) != WorkshopState::Collecting {
        return Err(AppError::Conflict(Msg::new("proposal-not-collecting")));
    }
    let (input, field) = parse_with_field(db, &ws, form, Some(p.action_field_id)).await?;
    revise(db, live, &ws, p, field, &input, None).await
}

/// A participant withdraws their own proposal while collecting; it leaves every board.
///
/// # Errors
/// `NotFound`, `Unauthenticated`, `Forbidden`, `Conflict` when not collecting.
pub async fn withdraw_own<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    code: &str,
    token: Option<&str>,
    id: ProposalId,
) -> Result<(), AppError> {
    let ws = by_code(db, code).await?;
    let participant = participant_for(db, &ws, token).await?;
    let p = own_proposal(db, &ws, &participant, id).await?;
    if state_of(&ws) != WorkshopState::Collecting {
        return Err(AppError::Conflict(Msg::new("proposal-not-collecting")));
    }
    let turn = write_turn(db).await;
    let txn = db.begin().await?;
    proposals::Entity::update_many()
        .col_expr(proposals::Column::Status, Expr::value(ProposalStatus::Withdrawn.as_str()))
        .col_expr(proposals::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(proposals::Column::Id.eq(p.id))
        .exec(&txn)
        .await?;
    participants::Entity::update_many()
        .col_expr(participants::Column::ProposalCount, Expr::col(participants::Column::ProposalCount).sub(1))
        .filter(participants::Column::Id.eq(participant.id))
        .filter(participants::Column::ProposalCount.gt(0))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    drop(turn);
    crate::board::publish::publish(
        db,
        live,
        WorkshopId(ws.id),
        &LiveEvent::Remove { id, field: ActionFieldId(p.action_field_id) },
    )
    .await;
    Ok(())
}

/// A participant reports a proposal to the moderators (once per proposal).
///
/// # Errors
/// `NotFound` (also for hidden proposals of others), `Unauthenticated`, `Forbidden`,
/// `Conflict` when reported before, `Invalid` for a too long reason.
pub async fn report(
    db: &impl ConnectionTrait,
    code: &str,
    token: Option<&str>,
    id: ProposalId,
    reason: &str,
) -> Result<(), AppError> {
    let ws = by_code(db, code).await?;
    let participant = participant_for(db, &ws, token).await?;
    let reason = super::types::parse_reason(reason, 0)?;
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

fn user_id(actor: &Actor) -> Option<Uuid> {
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
    let turn = write_turn(db).await;
    let txn = db.begin().await?;
    let model = insert_proposal(&txn, &ws, field, None, user_id(actor), &input).await?;
    txn.commit().await?;
    drop(turn);
    let proposal = to_board(model, None, false, 0);
    crate::board::publish::publish(db, live, id, &LiveEvent::Upsert { proposal: Box::new(proposal.clone()) }).await;
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

/// Hides a proposal with a reason its author sees; the other boards drop it.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Invalid` without a reason.
pub async fn hide(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    actor: &Actor,
    id: ProposalId,
    reason: &str,
) -> Result<(), AppError> {
    let (ws, p) = moderated_proposal(db, actor, id).await?;
    let reason = super::types::parse_reason(reason, 1)?;
    if p.status == ProposalStatus::Withdrawn.as_str() {
        return Err(AppError::NotFound);
    }
    let turn = write_turn(db).await;
    proposals::Entity::update_many()
        .col_expr(proposals::Column::Status, Expr::value(ProposalStatus::Hidden.as_str()))
        .col_expr(proposals::Column::HiddenReason, Expr::value(reason))
        .col_expr(proposals::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(proposals::Column::Id.eq(p.id))
        .exec(db)
        .await?;
    drop(turn);
    crate::board::publish::publish(
        db,
        live,
        WorkshopId(ws.id),
        &LiveEvent::Remove { id, field: ActionFieldId(p.action_field_id) },
    )
    .await;
    Ok(())
}

/// Shows a hidden proposal again.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn restore(db: &impl ConnectionTrait, live: &LiveHub, actor: &Actor, id: ProposalId) -> Result<(), AppError> {
    let (ws, p) = moderated_proposal(db, actor, id).await?;
    if p.status != ProposalStatus::Hidden.as_str() {
        return Err(AppError::Conflict(Msg::new("proposal-not-hidden")));
    }
    let turn = write_turn(db).await;
    proposals::Entity::update_many()
        .col_expr(proposals::Column::Status, Expr::value(ProposalStatus::Visible.as_str()))
        .col_expr(proposals::Column::HiddenReason, Expr::value(Option::<String>::None))
        .col_expr(proposals::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(proposals::Column::Id.eq(p.id))
        .exec(db)
        .await?;
    drop(turn);
    let updated = proposals::Entity::find_by_id(p.id).one(db).await?.ok_or(AppError::NotFound)?;
    crate::board::publish::publish(
        db,
        live,
        WorkshopId(ws.id),
        &LiveEvent::Upsert { proposal: Box::new(board_view(db, updated, 0).await?) },
    )
    .await;
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
    let emails: HashMap<Uuid, String> =
        users::Entity::find().all(db).await?.into_iter().map(|u| (u.id, u.email)).collect();
    let revisions = proposal_revisions::Entity::find()
        .filter(proposal_revisions::Column::ProposalId.eq(p.id))
        .order_by_asc(proposal_revisions::Column::Number)
        .all(db)
        .await?
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
    Ok(ProposalDetail {
        workshop: info(db, &ws).await?,
        proposal: board_view(db, p, u32::try_from(reports).unwrap_or(u32::MAX)).await?,
        revisions,
    })
}

/// The current revision number of a proposal (the edit form sends it back).
///
/// # Errors
/// `NotFound`.
pub async fn revision_of(db: &impl ConnectionTrait, id: ProposalId) -> Result<i32, AppError> {
    Ok(proposals::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)?.revision)
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
    let turn = write_turn(db).await;
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
    drop(turn);
    let count = participant_count(db, p.workshop_id).await?;
    crate::board::publish::publish(db, live, WorkshopId(p.workshop_id), &LiveEvent::Participants { count }).await;
    Ok(())
}
