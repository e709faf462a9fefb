//! Workshops: set-up by organizers (time, place, action fields in scope, moderators), the
//! course run by moderators (draft → collecting → clustering → voting → closed, compare and
//! set), and who may run a workshop. Participants, proposals and the board are features of
//! their own.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, TransactionSession, TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use crate::workshops::types::{
    FieldRef, JOIN_CODE_ALPHABET, JOIN_CODE_LEN, LiveEvent, OrgType, ParticipantId, ParticipantSummary, ProposalId,
    ReportId, ReportView, StaffChoice, WORKSHOPS_MAX, WorkshopAdmin, WorkshopId, WorkshopInfo, WorkshopInput,
    WorkshopMode, WorkshopState, WorkshopSummary, normalize_join_code,
};
use crate::{
    auth::types::{Actor, Role, UserId},
    error::{AppError, Msg},
    processes::types::{ActionFieldId, ProcessId},
    server::{
        LiveHub,
        entities::{
            action_fields, participants, processes, proposal_reports, proposals, users, workshop_action_fields,
            workshop_moderators, workshops,
        },
        workshop_turn,
    },
    validate::check_count,
};

// ---------------------------------------------------------------------------------------------
// Lookups and permissions

pub(crate) async fn find(db: &impl ConnectionTrait, id: WorkshopId) -> Result<workshops::Model, AppError> {
    workshops::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)
}

/// The workshop of a join code, as typed by a person.
pub(crate) async fn by_code(db: &impl ConnectionTrait, code: &str) -> Result<workshops::Model, AppError> {
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
pub(crate) async fn scope(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Vec<Uuid>, AppError> {
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

pub(crate) async fn info(db: &impl ConnectionTrait, ws: &workshops::Model) -> Result<WorkshopInfo, AppError> {
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
        languages: crate::i18n::Offer(ws.languages.clone()),
        max_participants: ws.max_participants,
    })
}

// ---------------------------------------------------------------------------------------------
// Set-up (organizers)

fn new_join_code() -> String {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    (0..JOIN_CODE_LEN).map(|_| char::from(JOIN_CODE_ALPHABET[rng.gen_range(0..JOIN_CODE_ALPHABET.len())])).collect()
}

/// The accounts assigned to moderate a workshop.
///
/// # Errors
/// Database errors.
pub async fn moderators_of(db: &impl ConnectionTrait, workshop: WorkshopId) -> Result<Vec<Uuid>, AppError> {
    Ok(workshop_moderators::Entity::find()
        .filter(workshop_moderators::Column::WorkshopId.eq(workshop.0))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect())
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
            languages: Set(input.languages.0.clone()),
            max_participants: Set(input.max_participants),
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

/// Changes title, time, mode, place, link, languages, action fields and moderators.
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
    model.languages = Set(input.languages.0.clone());
    model.max_participants = Set(input.max_participants);
    model.updated_at = Set(Utc::now());
    model.update(&txn).await?;
    replace_scope(&txn, id.0, &fields, &moderators).await?;
    txn.commit().await?;
    Ok(())
}

pub(crate) fn summary(ws: workshops::Model, process_name: String) -> WorkshopSummary {
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

/// The workshops of a process: all for organizers and admins, the assigned ones for moderators.
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
    let mut query = workshops::Entity::find()
        .filter(workshops::Column::ProcessId.eq(process.0))
        .order_by_asc(workshops::Column::StartsAt)
        .order_by_asc(workshops::Column::CreatedAt);
    if let Some(ids) = assigned_only(db, actor).await? {
        query = query.filter(workshops::Column::Id.is_in(ids));
    }
    Ok(query.all(db).await?.into_iter().map(|w| summary(w, name.clone())).collect())
}

/// For a moderator, the workshops they are assigned to; `None` for those who run every workshop.
async fn assigned_only(db: &impl ConnectionTrait, actor: &Actor) -> Result<Option<Vec<Uuid>>, AppError> {
    let Actor::Staff(u) = actor else { return Ok(None) };
    if u.role != Role::Moderator {
        return Ok(None);
    }
    let rows =
        workshop_moderators::Entity::find().filter(workshop_moderators::Column::UserId.eq(u.id.0)).all(db).await?;
    Ok(Some(rows.into_iter().map(|m| m.workshop_id).collect()))
}

/// The workshops the actor runs: all for organizers and admins, the assigned ones for moderators.
///
/// # Errors
/// `Unauthenticated` for anonymous callers.
pub async fn list_mine(db: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<WorkshopSummary>, AppError> {
    actor.require_staff()?;
    let mut query = workshops::Entity::find().order_by_desc(workshops::Column::CreatedAt);
    if let Some(ids) = assigned_only(db, actor).await? {
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
    let staff = staff_choices(db, actor, &assigned).await?;
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

/// The accounts an organizer may assign to a workshop. Moderators get none: they would see
/// every staff member's e-mail address.
async fn staff_choices(
    db: &impl ConnectionTrait,
    actor: &Actor,
    assigned: &[Uuid],
) -> Result<Vec<StaffChoice>, AppError> {
    if actor.require_organizer().is_err() {
        return Ok(Vec::new());
    }
    Ok(users::Entity::find()
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .map(|u| StaffChoice { id: UserId(u.id), assigned: assigned.contains(&u.id), email: u.email })
        .collect())
}

pub(crate) async fn reports(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Vec<ReportView>, AppError> {
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
    let _turn = workshop_turn(db, live, ws.id).await;
    let result = workshops::Entity::update_many()
        .col_expr(workshops::Column::State, Expr::value(to.as_str()))
        .col_expr(workshops::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(workshops::Column::Id.eq(ws.id))
        .filter(workshops::Column::State.eq(current.as_str()))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("ws-state-changed")));
    }
    // A new state changes what the participant pages show (the form, the notices): they reload.
    live.send(id.0, &LiveEvent::State { state: to }, |_| r#"[["reload"]]"#.to_owned());
    Ok(())
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
