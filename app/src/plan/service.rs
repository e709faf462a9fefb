//! Changing the plan: promoting a cluster or proposal into a measure, writing measures directly,
//! status and progress, notes and milestones, responsible staff, merging, publishing the draft,
//! adopting a version. Only organizers change the plan; a measure's responsible staff may add
//! its notes.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use super::{
    doc::{self, Names, ids, living, process_of, process_ref, sources_of, versions},
    types::{
        AdoptionInput, Candidate, Choice, MEASURES_MAX, MeasureChoices, MeasureDetail, MeasureForm, MeasureId,
        MeasureInput, NOTES_MAX, NamedRef, NoteInput, NoteKind, NoteView, Origin, PARTNERS_MAX, PartnerKind, PlanAdmin,
        PlanRow, Progress, PromoteDraft, SourceRef, VERSIONS_MAX, WorkshopRef, check_key, lines,
    },
};
use crate::{
    auth::types::{Actor, Role},
    error::{AppError, Msg},
    processes::types::ProcessId,
    server::entities::{
        cluster_members, clusters, measure_notes, measure_sources, measures, partners, plan_versions, plans, proposals,
        survey_measures, survey_responses, users, workshops,
    },
    validate::check_count,
};

fn json_ids(ids: &[Uuid]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned())
}

async fn measure_of(db: &impl ConnectionTrait, id: MeasureId) -> Result<measures::Model, AppError> {
    measures::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)
}

/// The form's ids checked against the process: action field, phase, goals (the process's and the
/// action field's), themes, partners. New partners are created (or found by name).
async fn resolve(
    db: &impl ConnectionTrait,
    process: Uuid,
    input: &MeasureInput,
) -> Result<(Uuid, Option<Uuid>, Vec<Uuid>, Vec<Uuid>, Vec<Uuid>), AppError> {
    let n = Names::load(db, process).await?;
    let field = input
        .action_field
        .map(|f| f.0)
        .filter(|f| n.fields.iter().any(|x| x.id == *f))
        .ok_or_else(|| AppError::invalid("action_field", Msg::new("measure-action-field-required")))?;
    let phase = match input.phase {
        Some(p) if n.phases.iter().any(|x| x.id == p.0) => Some(p.0),
        Some(_) => return Err(AppError::invalid("phase", Msg::new("measure-phase-unknown"))),
        None => None,
    };
    for g in &input.goals {
        match n.goals.iter().find(|x| x.id == *g) {
            Some(goal) if goal.action_field_id.is_none_or(|f| f == field) => {}
            Some(goal) => {
                return Err(AppError::invalid("goal", Msg::new("measure-goal-other-field").arg("goal", &goal.title)));
            }
            None => return Err(AppError::invalid("goal", Msg::new("measure-choice-unknown"))),
        }
    }
    if input.themes.iter().any(|t| !n.themes.iter().any(|x| x.id == *t)) {
        return Err(AppError::invalid("theme", Msg::new("measure-choice-unknown")));
    }
    if input.partners.iter().any(|t| !n.partners.iter().any(|x| x.id == *t)) {
        return Err(AppError::invalid("partner", Msg::new("measure-choice-unknown")));
    }
    let mut partner_ids = input.partners.clone();
    let mut count = n.partners.len();
    for (name, kind) in &input.new_partners {
        let id = match n.partners.iter().find(|p| p.name.to_lowercase() == name.to_lowercase()) {
            Some(p) => p.id,
            None => {
                check_count("new_partners", count, PARTNERS_MAX)?;
                count += 1;
                insert_partner(db, process, name, *kind).await?
            }
        };
        if !partner_ids.contains(&id) {
            partner_ids.push(id);
        }
    }
    Ok((field, phase, input.goals.clone(), input.themes.clone(), partner_ids))
}

pub(crate) async fn insert_partner(
    db: &impl ConnectionTrait,
    process: Uuid,
    name: &str,
    kind: PartnerKind,
) -> Result<Uuid, AppError> {
    let id = Uuid::new_v4();
    partners::ActiveModel {
        id: Set(id),
        process_id: Set(process),
        name: Set(name.to_owned()),
        kind: Set(kind.as_str().to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(id)
}

pub(crate) async fn next_position(db: &impl ConnectionTrait, process: Uuid) -> Result<i32, AppError> {
    let count = measures::Entity::find().filter(measures::Column::ProcessId.eq(process)).count(db).await?;
    Ok(i32::try_from(count).unwrap_or(i32::MAX))
}

/// The measures made from a cluster or proposal.
async fn made_from(db: &impl ConnectionTrait, source: &SourceRef) -> Result<Vec<measures::Model>, AppError> {
    let mut q = measure_sources::Entity::find().filter(measure_sources::Column::WorkshopId.eq(source.workshop));
    q = match (source.cluster, source.proposal) {
        (Some(c), _) => q.filter(measure_sources::Column::ClusterId.eq(c)),
        (None, Some(p)) => q.filter(measure_sources::Column::ProposalId.eq(p)),
        (None, None) => return Ok(Vec::new()),
    };
    let ids: Vec<Uuid> = q.all(db).await?.into_iter().map(|s| s.measure_id).collect();
    Ok(measures::Entity::find()
        .filter(measures::Column::Id.is_in(ids))
        .filter(measures::Column::MergedInto.is_null())
        .all(db)
        .await?)
}

/// Checks that the source is a closed workshop's cluster or visible proposal of this process.
async fn check_source(
    db: &impl ConnectionTrait,
    process: Uuid,
    source: &SourceRef,
) -> Result<workshops::Model, AppError> {
    let ws = workshops::Entity::find_by_id(source.workshop).one(db).await?.ok_or(AppError::NotFound)?;
    if ws.process_id != process {
        return Err(AppError::NotFound);
    }
    if ws.state != "closed" {
        return Err(AppError::Conflict(Msg::new("plan-promote-not-closed")));
    }
    match (source.cluster, source.proposal) {
        (Some(c), _) => {
            let cluster = clusters::Entity::find_by_id(c).one(db).await?.ok_or(AppError::NotFound)?;
            if cluster.workshop_id != ws.id || !cluster.alive {
                return Err(AppError::NotFound);
            }
        }
        (None, Some(p)) => {
            let proposal = proposals::Entity::find_by_id(p).one(db).await?.ok_or(AppError::NotFound)?;
            if proposal.workshop_id != ws.id || proposal.status != "visible" {
                return Err(AppError::NotFound);
            }
        }
        (None, None) => return Err(AppError::NotFound),
    }
    Ok(ws)
}

/// Creates a measure, directly or from a source. A source that already became a measure is
/// refused (`Conflict` naming it) unless `again`: the organizer is asked to update that one.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `Invalid`, `NotFound`, `Conflict`.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    process: ProcessId,
    form: &MeasureForm,
    source: Option<SourceRef>,
    again: bool,
) -> Result<MeasureId, AppError> {
    actor.require_organizer()?;
    let input = MeasureInput::parse(form)?;
    let p = process_of(db, process.0).await?;
    let txn = db.begin().await?;
    let count = measures::Entity::find()
        .filter(measures::Column::ProcessId.eq(p.id))
        .filter(measures::Column::MergedInto.is_null())
        .count(&txn)
        .await?;
    check_count("title", usize::try_from(count).unwrap_or(usize::MAX), MEASURES_MAX)?;
    if let Some(s) = &source {
        check_source(&txn, p.id, s).await?;
        if let Some(existing) = made_from(&txn, s).await?.first()
            && !again
        {
            return Err(AppError::Conflict(Msg::new("plan-promote-again").arg("title", &existing.title)));
        }
    }
    let (field, phase, goals, themes, partners) = resolve(&txn, p.id, &input).await?;
    let id = Uuid::new_v4();
    let now = Utc::now();
    measures::ActiveModel {
        id: Set(id),
        process_id: Set(p.id),
        action_field_id: Set(field),
        phase_id: Set(phase),
        position: Set(next_position(&txn, p.id).await?),
        title: Set(input.title.clone()),
        description: Set(input.description.clone()),
        target_groups: Set(input.target_groups.clone()),
        time_from: Set(input.timeframe.from.clone()),
        time_to: Set(input.timeframe.to.clone()),
        time_text: Set(input.timeframe.text.clone()),
        lead: Set(input.lead.clone()),
        indicators: Set(input.indicators.clone()),
        resources: Set(input.resources.clone()),
        goal_ids: Set(json_ids(&goals)),
        theme_ids: Set(json_ids(&themes)),
        partner_ids: Set(json_ids(&partners)),
        staff_ids: Set("[]".to_owned()),
        origin: Set(if source.is_some() { Origin::Workshop } else { Origin::Direct }.as_str().to_owned()),
        status: Set("planned".to_owned()),
        progress: Set(0),
        merged_into: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    if let Some(s) = source {
        add_source(&txn, id, &s).await?;
    }
    txn.commit().await?;
    Ok(MeasureId(id))
}

async fn add_source(db: &impl ConnectionTrait, measure: Uuid, s: &SourceRef) -> Result<(), AppError> {
    measure_sources::ActiveModel {
        id: Set(Uuid::new_v4()),
        measure_id: Set(measure),
        workshop_id: Set(s.workshop),
        cluster_id: Set(s.cluster),
        proposal_id: Set(s.proposal.filter(|_| s.cluster.is_none())),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Changes a measure's content (not its status, notes or sources).
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`, `Invalid`, `Conflict` for a
/// merged measure.
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: MeasureId,
    form: &MeasureForm,
) -> Result<(), AppError> {
    actor.require_organizer()?;
    let input = MeasureInput::parse(form)?;
    let txn = db.begin().await?;
    let m = measure_of(&txn, id).await?;
    if m.merged_into.is_some() {
        return Err(AppError::Conflict(Msg::new("measure-merged")));
    }
    let (field, phase, goals, themes, partners) = resolve(&txn, m.process_id, &input).await?;
    let mut model: measures::ActiveModel = m.into();
    model.action_field_id = Set(field);
    model.phase_id = Set(phase);
    model.title = Set(input.title);
    model.description = Set(input.description);
    model.target_groups = Set(input.target_groups);
    model.time_from = Set(input.timeframe.from);
    model.time_to = Set(input.timeframe.to);
    model.time_text = Set(input.timeframe.text);
    model.lead = Set(input.lead);
    model.indicators = Set(input.indicators);
    model.resources = Set(input.resources);
    model.goal_ids = Set(json_ids(&goals));
    model.theme_ids = Set(json_ids(&themes));
    model.partner_ids = Set(json_ids(&partners));
    model.updated_at = Set(Utc::now());
    model.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Sets status and progress.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`, `Invalid`.
pub async fn set_progress(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: MeasureId,
    p: Progress,
) -> Result<(), AppError> {
    actor.require_organizer()?;
    let m = measure_of(db, id).await?;
    if m.merged_into.is_some() {
        return Err(AppError::Conflict(Msg::new("measure-merged")));
    }
    measures::Entity::update_many()
        .col_expr(measures::Column::Status, Expr::value(p.status.as_str()))
        .col_expr(measures::Column::Progress, Expr::value(p.percent))
        .col_expr(measures::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(measures::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    Ok(())
}

/// Names the staff accounts responsible for a measure (they may post its notes).
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`, `Invalid` for an unknown account.
pub async fn set_staff(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: MeasureId,
    staff: &[Uuid],
) -> Result<(), AppError> {
    actor.require_organizer()?;
    measure_of(db, id).await?;
    check_count("staff", staff.len().saturating_sub(1), 20)?;
    let found = users::Entity::find().filter(users::Column::Id.is_in(staff.to_vec())).count(db).await?;
    if usize::try_from(found).unwrap_or(0) != staff.len() {
        return Err(AppError::invalid("staff", Msg::new("measure-choice-unknown")));
    }
    measures::Entity::update_many()
        .col_expr(measures::Column::StaffIds, Expr::value(json_ids(staff)))
        .filter(measures::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    Ok(())
}

fn may_note(actor: &Actor, m: &measures::Model) -> bool {
    actor.require_organizer().is_ok() || actor.staff().is_some_and(|u| ids(&m.staff_ids).contains(&u.id.0))
}

/// Adds a dated progress note or milestone: organizers and the measure's responsible staff.
///
/// # Errors
/// `Unauthenticated`, `Forbidden` for other staff, `NotFound`, `Invalid` (count named).
pub async fn add_note<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: MeasureId,
    note: &NoteInput,
) -> Result<(), AppError> {
    actor.require_staff()?;
    let txn = db.begin().await?;
    let m = measure_of(&txn, id).await?;
    if !may_note(actor, &m) {
        return Err(AppError::Forbidden);
    }
    if m.merged_into.is_some() {
        return Err(AppError::Conflict(Msg::new("measure-merged")));
    }
    // The measure's row is touched first: two notes at once take turns on it, so the count holds.
    measures::Entity::update_many()
        .col_expr(measures::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(measures::Column::Id.eq(m.id))
        .exec(&txn)
        .await?;
    let count = measure_notes::Entity::find().filter(measure_notes::Column::MeasureId.eq(m.id)).count(&txn).await?;
    check_count("text", usize::try_from(count).unwrap_or(usize::MAX), NOTES_MAX)?;
    measure_notes::ActiveModel {
        id: Set(Uuid::new_v4()),
        measure_id: Set(m.id),
        kind: Set(note.kind.as_str().to_owned()),
        on_date: Set(note.on),
        text: Set(note.text.clone()),
        done: Set(note.done),
        author_id: Set(actor.staff().map(|u| u.id.0)),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Merges `from` into `into`: sources, goals, themes, partners, staff and notes go over, `from`
/// leaves the draft but stays readable (its page points to `into`): both trails are kept.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`, `Conflict` for a measure merged
/// already, into itself, or across processes.
pub async fn merge<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    from: MeasureId,
    into: MeasureId,
) -> Result<(), AppError> {
    actor.require_organizer()?;
    let txn = db.begin().await?;
    let (a, b) = (measure_of(&txn, from).await?, measure_of(&txn, into).await?);
    if a.id == b.id || a.process_id != b.process_id || a.merged_into.is_some() || b.merged_into.is_some() {
        return Err(AppError::Conflict(Msg::new("measure-merge-refused")));
    }
    let union = |x: &str, y: &str| {
        let mut all = ids(y);
        for id in ids(x) {
            if !all.contains(&id) {
                all.push(id);
            }
        }
        json_ids(&all)
    };
    let mut model: measures::ActiveModel = b.clone().into();
    model.goal_ids = Set(union(&a.goal_ids, &b.goal_ids));
    model.theme_ids = Set(union(&a.theme_ids, &b.theme_ids));
    model.partner_ids = Set(union(&a.partner_ids, &b.partner_ids));
    model.staff_ids = Set(union(&a.staff_ids, &b.staff_ids));
    model.updated_at = Set(Utc::now());
    model.update(&txn).await?;
    // Sources go over, except the ones `into` has already (both promoted from one cluster).
    let kept = measure_sources::Entity::find().filter(measure_sources::Column::MeasureId.eq(b.id)).all(&txn).await?;
    let key = |s: &measure_sources::Model| (s.workshop_id, s.cluster_id, s.proposal_id);
    for s in measure_sources::Entity::find().filter(measure_sources::Column::MeasureId.eq(a.id)).all(&txn).await? {
        if kept.iter().any(|k| key(k) == key(&s)) {
            measure_sources::Entity::delete_by_id(s.id).exec(&txn).await?;
        }
    }
    measure_sources::Entity::update_many()
        .col_expr(measure_sources::Column::MeasureId, Expr::value(b.id))
        .filter(measure_sources::Column::MeasureId.eq(a.id))
        .exec(&txn)
        .await?;
    measure_notes::Entity::update_many()
        .col_expr(measure_notes::Column::MeasureId, Expr::value(b.id))
        .filter(measure_notes::Column::MeasureId.eq(a.id))
        .exec(&txn)
        .await?;
    // Its evaluations and their responses follow it.
    for link in survey_measures::Entity::find().filter(survey_measures::Column::MeasureId.eq(a.id)).all(&txn).await? {
        if survey_measures::Entity::find_by_id((link.survey_id, b.id)).one(&txn).await?.is_none() {
            survey_measures::ActiveModel { survey_id: Set(link.survey_id), measure_id: Set(b.id) }.insert(&txn).await?;
        }
    }
    survey_measures::Entity::delete_many().filter(survey_measures::Column::MeasureId.eq(a.id)).exec(&txn).await?;
    survey_responses::Entity::update_many()
        .col_expr(survey_responses::Column::MeasureId, Expr::value(b.id))
        .filter(survey_responses::Column::MeasureId.eq(a.id))
        .exec(&txn)
        .await?;
    // Measures merged into `from` earlier now belong to `into`.
    measures::Entity::update_many()
        .col_expr(measures::Column::MergedInto, Expr::value(b.id))
        .filter(measures::Column::MergedInto.eq(a.id))
        .exec(&txn)
        .await?;
    measures::Entity::update_many()
        .col_expr(measures::Column::MergedInto, Expr::value(b.id))
        .col_expr(measures::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(measures::Column::Id.eq(a.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Shows the draft to visitors beside the adopted version (labelled), or hides it again.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`.
pub async fn set_draft_public(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
    public: bool,
) -> Result<(), AppError> {
    actor.require_organizer()?;
    process_of(db, process.0).await?;
    let now = Utc::now();
    match plans::Entity::find_by_id(process.0).one(db).await? {
        Some(p) => {
            let mut model: plans::ActiveModel = p.into();
            model.draft_public = Set(public);
            model.updated_at = Set(now);
            model.update(db).await?;
        }
        None => {
            plans::ActiveModel { process_id: Set(process.0), draft_public: Set(public), updated_at: Set(now) }
                .insert(db)
                .await?;
        }
    }
    Ok(())
}

/// Records that the steering committee adopted the draft as it stands: a new numbered version
/// whose document is frozen. Editing goes on in the draft.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`, `Invalid` (count named),
/// `Conflict` when another adoption took the number meanwhile.
pub async fn adopt<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    process: ProcessId,
    input: &AdoptionInput,
) -> Result<i32, AppError> {
    actor.require_organizer()?;
    let txn = db.begin().await?;
    process_of(&txn, process.0).await?;
    let all = versions(&txn, process.0).await?;
    check_count("adopted_on", all.len(), VERSIONS_MAX)?;
    let number = all.last().map_or(1, |v| v.number + 1);
    let mut doc = doc::draft(&txn, process).await?;
    doc.version = Some(super::types::VersionInfo { number, adopted_on: input.on, note: input.note.clone() });
    let snapshot = doc::to_json(&doc)?;
    plan_versions::ActiveModel {
        id: Set(Uuid::new_v4()),
        process_id: Set(process.0),
        number: Set(number),
        adopted_on: Set(input.on),
        note: Set(input.note.clone()),
        snapshot: Set(snapshot),
        adopted_by: Set(actor.staff().map(|u| u.id.0)),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(number)
}

/// The form's values of a measure.
fn form_of(m: &measures::Model) -> MeasureForm {
    let on = |json: &str| ids(json).into_iter().map(|id| (check_key(id), "on".to_owned())).collect();
    MeasureForm {
        title: m.title.clone(),
        description: m.description.clone(),
        action_field: m.action_field_id.to_string(),
        phase: m.phase_id.map(|p| p.to_string()).unwrap_or_default(),
        time_from: m.time_from.clone().unwrap_or_default(),
        time_to: m.time_to.clone().unwrap_or_default(),
        time_text: m.time_text.clone(),
        target_groups: m.target_groups.clone(),
        lead: m.lead.clone(),
        indicators: m.indicators.clone(),
        resources: m.resources.clone(),
        goal: on(&m.goal_ids),
        theme: on(&m.theme_ids),
        partner: on(&m.partner_ids),
        new_partners: String::new(),
        new_partner_kind: String::new(),
    }
}

async fn choices(db: &impl ConnectionTrait, n: &Names, staff: bool) -> Result<MeasureChoices, AppError> {
    let field_name = |id: Option<Uuid>| id.and_then(|id| n.fields.iter().find(|f| f.id == id)).map(|f| f.name.clone());
    let mut goals: Vec<&crate::server::entities::goals::Model> = n.goals.iter().collect();
    goals.sort_by_key(|g| (g.action_field_id.map(|f| n.fields.iter().position(|x| x.id == f)), g.position));
    let staff = if staff {
        users::Entity::find()
            .filter(users::Column::Active.eq(true))
            .order_by_asc(users::Column::Email)
            .all(db)
            .await?
            .into_iter()
            .map(|u| Choice { id: u.id, name: u.email, group: Role::parse(&u.role).map(|r| r.label_key().to_owned()) })
            .collect()
    } else {
        Vec::new()
    };
    Ok(MeasureChoices {
        action_fields: n.fields.iter().map(|f| Choice { id: f.id, name: f.name.clone(), group: None }).collect(),
        phases: n.phases.iter().map(|f| Choice { id: f.id, name: f.name.clone(), group: None }).collect(),
        goals: goals
            .into_iter()
            .map(|g| Choice { id: g.id, name: g.title.clone(), group: field_name(g.action_field_id) })
            .collect(),
        themes: n.themes.iter().map(|f| Choice { id: f.id, name: f.name.clone(), group: None }).collect(),
        partners: n
            .partners
            .iter()
            .map(|f| Choice { id: f.id, name: f.name.clone(), group: Some(f.kind.clone()) })
            .collect(),
        staff,
    })
}

/// A measure's page: content and provenance, timeline; for staff the form and choices. Visitors
/// see a measure of a published process whose plan they may see.
///
/// # Errors
/// `NotFound` for unknown or invisible measures.
pub async fn detail(db: &impl ConnectionTrait, actor: &Actor, id: MeasureId) -> Result<MeasureDetail, AppError> {
    let m = measure_of(db, id).await?;
    let p = process_of(db, m.process_id).await?;
    // Visitors of a plan whose draft is not public see the measure as last adopted (with
    // today's status): never the draft's content.
    let mut as_adopted = None;
    let public_draft = doc::draft_public(db, p.id).await?;
    if !actor.is_staff() {
        if !p.published {
            return Err(AppError::NotFound);
        }
        if !public_draft {
            let adopted = doc::newest_with(db, p.id, m.id).await?;
            let found = adopted.and_then(|d| d.measures.into_iter().find(|x| x.id == id));
            as_adopted = Some(found.ok_or(AppError::NotFound)?);
        }
    }
    let measure_doc = match as_adopted.take() {
        Some(mut frozen) => {
            frozen.status = super::types::MeasureStatus::parse(&m.status).unwrap_or_default();
            frozen.progress = m.progress;
            frozen
        }
        None => {
            let n = Names::load(db, p.id).await?;
            let mut sources = sources_of(db, &[m.id]).await?;
            let mut merged = doc::merged_into(db, &[m.id]).await?;
            doc::measure_doc(
                &n,
                &m,
                sources.remove(&m.id).unwrap_or_default(),
                merged.remove(&m.id).unwrap_or_default(),
            )
        }
    };
    let notes = measure_notes::Entity::find()
        .filter(measure_notes::Column::MeasureId.eq(m.id))
        .order_by_desc(measure_notes::Column::OnDate)
        .order_by_desc(measure_notes::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|n| NoteView { id: n.id, kind: NoteKind::parse(&n.kind), on: n.on_date, text: n.text, done: n.done })
        .collect();
    let merged_into = match m.merged_into {
        Some(t) if actor.is_staff() || public_draft => {
            measures::Entity::find_by_id(t).one(db).await?.map(|t| NamedRef { id: t.id, name: t.title })
        }
        _ => None,
    };
    let can_edit = actor.require_organizer().is_ok();
    let others = if can_edit {
        living(db, p.id)
            .await?
            .into_iter()
            .filter(|o| o.id != m.id)
            .map(|o| NamedRef { id: o.id, name: o.title })
            .collect()
    } else {
        Vec::new()
    };
    Ok(MeasureDetail {
        process: process_ref(&p),
        doc: measure_doc,
        notes,
        merged_into,
        form: if actor.is_staff() { form_of(&m) } else { MeasureForm::default() },
        status: super::types::MeasureStatus::parse(&m.status).unwrap_or_default(),
        progress: m.progress,
        staff: if actor.is_staff() { ids(&m.staff_ids) } else { Vec::new() },
        choices: if actor.is_staff() {
            choices(db, &Names::load(db, p.id).await?, can_edit).await?
        } else {
            MeasureChoices::default()
        },
        others,
        can_note: actor.is_staff() && may_note(actor, &m) && m.merged_into.is_none(),
        can_edit: can_edit && m.merged_into.is_none(),
    })
}

/// Every cluster and loose visible proposal of the process's closed workshops, with its votes
/// and the measures already made from it.
pub(crate) async fn candidates(db: &impl ConnectionTrait, process: Uuid) -> Result<Vec<Candidate>, AppError> {
    let ws = workshops::Entity::find()
        .filter(workshops::Column::ProcessId.eq(process))
        .filter(workshops::Column::State.eq("closed"))
        .order_by_asc(workshops::Column::StartsAt)
        .all(db)
        .await?;
    let ws_ids: Vec<Uuid> = ws.iter().map(|w| w.id).collect();
    let n = Names::load(db, process).await?;
    let field = |id: Uuid| n.fields.iter().find(|f| f.id == id).map(|f| f.name.clone()).unwrap_or_default();
    let rounds = doc::frozen_rounds(db, &ws_ids).await?;
    let sources = measure_sources::Entity::find()
        .filter(measure_sources::Column::WorkshopId.is_in(ws_ids.clone()))
        .all(db)
        .await?;
    let measure_ids: Vec<Uuid> = sources.iter().map(|s| s.measure_id).collect();
    let made: HashMap<Uuid, measures::Model> = measures::Entity::find()
        .filter(measures::Column::Id.is_in(measure_ids))
        .filter(measures::Column::MergedInto.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let measures_of = |option: Uuid| -> Vec<NamedRef> {
        sources
            .iter()
            .filter(|s| s.cluster_id == Some(option) || (s.cluster_id.is_none() && s.proposal_id == Some(option)))
            .filter_map(|s| made.get(&s.measure_id))
            .fold(Vec::<NamedRef>::new(), |mut list, m| {
                if !list.iter().any(|x| x.id == m.id) {
                    list.push(NamedRef { id: m.id, name: m.title.clone() });
                }
                list
            })
    };
    let mut out = Vec::new();
    for w in &ws {
        let workshop = WorkshopRef { id: w.id, title: w.title.clone(), date: w.starts_at.map(|d| d.date()) };
        let votes = |id: Uuid| rounds.get(&w.id).map(|r| doc::votes_for(r, id)).unwrap_or_default();
        let cl = crate::clustering::service::clusters_of(db, w.id).await?;
        let visible: Vec<proposals::Model> = proposals::Entity::find()
            .filter(proposals::Column::WorkshopId.eq(w.id))
            .filter(proposals::Column::Status.eq("visible"))
            .order_by_asc(proposals::Column::CreatedAt)
            .all(db)
            .await?;
        let mut here = Vec::new();
        for c in &cl {
            let members = c.members.iter().filter(|m| visible.iter().any(|p| p.id == m.0)).count();
            here.push(Candidate {
                workshop: workshop.clone(),
                cluster: true,
                id: c.id.0,
                title: c.title.clone(),
                action_field: field(c.action_field_id.0),
                proposals: members,
                votes: votes(c.id.0),
                measures: measures_of(c.id.0),
            });
        }
        for p in visible.iter().filter(|p| !cl.iter().any(|c| c.members.iter().any(|m| m.0 == p.id))) {
            here.push(Candidate {
                workshop: workshop.clone(),
                cluster: false,
                id: p.id,
                title: p.title.clone(),
                action_field: field(p.action_field_id),
                proposals: 1,
                votes: votes(p.id),
                measures: measures_of(p.id),
            });
        }
        // Best placed first (in the workshop's first round that counted them), then by title.
        here.sort_by(|a, b| {
            let place = |c: &Candidate| c.votes.first().map_or(u32::MAX, |v| v.place);
            place(a).cmp(&place(b)).then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
        });
        out.extend(here);
    }
    Ok(out)
}

/// The organizer's plan page.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`.
pub async fn admin(db: &impl ConnectionTrait, actor: &Actor, process: ProcessId) -> Result<PlanAdmin, AppError> {
    actor.require_organizer()?;
    let p = process_of(db, process.0).await?;
    let draft = doc::draft(db, process).await?;
    let n = Names::load(db, p.id).await?;
    Ok(PlanAdmin {
        process: process_ref(&p),
        draft: draft.measures.into_iter().map(|doc| PlanRow { doc, live: true, evaluation: None }).collect(),
        candidates: candidates(db, p.id).await?,
        versions: versions(db, p.id).await?,
        draft_public: doc::draft_public(db, p.id).await?,
        published: p.published,
        partners: n
            .partners
            .iter()
            .map(|f| Choice { id: f.id, name: f.name.clone(), group: Some(f.kind.clone()) })
            .collect(),
    })
}

/// The promote form, pre-filled from the source: title, summary, action field, and what its
/// proposals suggested (goals as hints; target groups, partners and timeframes into the fields).
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`, `Conflict` for an open workshop.
pub async fn promote_draft(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
    source: Option<SourceRef>,
) -> Result<PromoteDraft, AppError> {
    actor.require_organizer()?;
    let p = process_of(db, process.0).await?;
    let n = Names::load(db, p.id).await?;
    let mut form = MeasureForm::default();
    let mut suggested_goals = Vec::new();
    let mut candidate = None;
    if let Some(s) = source {
        check_source(db, p.id, &s).await?;
        let option = s.cluster.or(s.proposal).unwrap_or_default();
        candidate = candidates(db, p.id).await?.into_iter().find(|c| c.id == option && c.workshop.id == s.workshop);
        let (title, summary, field, members) = match s.cluster {
            Some(c) => {
                let cluster = clusters::Entity::find_by_id(c).one(db).await?.ok_or(AppError::NotFound)?;
                let members: Vec<Uuid> = cluster_members::Entity::find()
                    .filter(cluster_members::Column::ClusterId.eq(c))
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|m| m.proposal_id)
                    .collect();
                (cluster.title, cluster.summary, cluster.action_field_id, members)
            }
            None => {
                let id = s.proposal.unwrap_or_default();
                let prop = proposals::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)?;
                (prop.title, prop.description, prop.action_field_id, vec![id])
            }
        };
        let props = proposals::Entity::find()
            .filter(proposals::Column::Id.is_in(members))
            .filter(proposals::Column::Status.eq("visible"))
            .order_by_asc(proposals::Column::CreatedAt)
            .all(db)
            .await?;
        let gather = |get: fn(&proposals::Model) -> &str| {
            let mut seen: Vec<String> = Vec::new();
            for p in &props {
                for line in lines(get(p)) {
                    if !seen.iter().any(|s| s.to_lowercase() == line.to_lowercase()) {
                        seen.push(line);
                    }
                }
            }
            seen
        };
        suggested_goals = gather(|p| &p.goal);
        let known: Vec<String> = n.partners.iter().map(|p| p.name.to_lowercase()).collect();
        let (old, new): (Vec<String>, Vec<String>) =
            gather(|p| &p.partners).into_iter().partition(|name| known.contains(&name.to_lowercase()));
        form.partner = n
            .partners
            .iter()
            .filter(|p| old.iter().any(|o| o.to_lowercase() == p.name.to_lowercase()))
            .map(|p| (check_key(p.id), "on".to_owned()))
            .collect();
        form.new_partners = new.join("\n");
        form.title = title.chars().take(super::types::MEASURE_TITLE_MAX).collect();
        form.description = summary;
        if form.description.is_empty() && props.len() == 1 {
            form.description.clone_from(&props[0].description);
        }
        form.action_field = field.to_string();
        form.target_groups = gather(|p| &p.target_group).join("\n");
        form.time_text = gather(|p| &p.timeframe).join(", ").chars().take(super::types::TIME_TEXT_MAX).collect();
        // Goals of the process or field with the same wording are ticked.
        form.goal = n
            .goals
            .iter()
            .filter(|g| g.action_field_id.is_none_or(|f| f == field))
            .filter(|g| suggested_goals.iter().any(|s| s.to_lowercase() == g.title.to_lowercase()))
            .map(|g| (check_key(g.id), "on".to_owned()))
            .collect();
    }
    Ok(PromoteDraft {
        process: process_ref(&p),
        source: candidate,
        form,
        suggested_goals,
        choices: choices(db, &n, false).await?,
    })
}
