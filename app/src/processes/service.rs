//! Reading and changing processes. Every change needs an organizer or admin; drafts are
//! visible to staff only.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionSession,
    TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use super::types::{
    ACTION_FIELDS_MAX, ActionField, ActionFieldId, ActionFieldInput, DEFAULT_PHASE_KEYS, Direction, GOAL_MAX,
    GOALS_MAX, Goal, GoalId, PHASES_MAX, Phase, PhaseId, PhaseInput, ProcessDetail, ProcessId, ProcessInput,
    ProcessSummary, THEME_MAX, THEMES_MAX, Theme, ThemeId, swap_positions,
};
use crate::{
    auth::types::Actor,
    error::{AppError, Msg},
    i18n::{Lang, t},
    server::entities::{action_fields, goals, measures, phases, processes, proposals, themes, workshop_action_fields},
    validate::{Form, check_count},
};

/// Published processes, newest first, for the public start page.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn list_published(db: &impl ConnectionTrait) -> Result<Vec<ProcessSummary>, AppError> {
    let rows = processes::Entity::find()
        .filter(processes::Column::Published.eq(true))
        .order_by_desc(processes::Column::CreatedAt)
        .all(db)
        .await?;
    summaries(db, rows).await
}

/// Every process, drafts included, for staff.
///
/// # Errors
/// `Unauthenticated` for anonymous callers.
pub async fn list_all(db: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<ProcessSummary>, AppError> {
    actor.require_staff()?;
    let rows = processes::Entity::find().order_by_desc(processes::Column::CreatedAt).all(db).await?;
    summaries(db, rows).await
}

async fn summaries(db: &impl ConnectionTrait, rows: Vec<processes::Model>) -> Result<Vec<ProcessSummary>, AppError> {
    let ids: Vec<Uuid> = rows.iter().map(|p| p.id).collect();
    let current = phases::Entity::find()
        .filter(phases::Column::ProcessId.is_in(ids))
        .filter(phases::Column::IsCurrent.eq(true))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|p| ProcessSummary {
            id: ProcessId(p.id),
            current_phase: current.iter().find(|ph| ph.process_id == p.id).map(|ph| ph.name.clone()),
            name: p.name,
            municipality: p.municipality,
            published: p.published,
        })
        .collect())
}

/// A whole process. A draft is found by staff only.
///
/// # Errors
/// `NotFound` for unknown processes and for drafts seen by anonymous callers.
pub async fn detail(db: &impl ConnectionTrait, actor: &Actor, id: ProcessId) -> Result<ProcessDetail, AppError> {
    let process = processes::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)?;
    if !process.published && !actor.is_staff() {
        return Err(AppError::NotFound);
    }
    let phase_rows = phases::Entity::find()
        .filter(phases::Column::ProcessId.eq(id.0))
        .order_by_asc(phases::Column::Position)
        .all(db)
        .await?;
    let field_rows = action_fields::Entity::find()
        .filter(action_fields::Column::ProcessId.eq(id.0))
        .order_by_asc(action_fields::Column::Position)
        .all(db)
        .await?;
    let goal_rows = goals::Entity::find()
        .filter(goals::Column::ProcessId.eq(id.0))
        .order_by_asc(goals::Column::Position)
        .all(db)
        .await?;
    let theme_rows = themes::Entity::find()
        .filter(themes::Column::ProcessId.eq(id.0))
        .order_by_asc(themes::Column::Name)
        .all(db)
        .await?;
    let goals_of = |field: Option<Uuid>| -> Vec<Goal> {
        goal_rows
            .iter()
            .filter(|g| g.action_field_id == field)
            .map(|g| Goal { id: GoalId(g.id), title: g.title.clone() })
            .collect()
    };
    Ok(ProcessDetail {
        id,
        name: process.name,
        municipality: process.municipality,
        description: process.description,
        published: process.published,
        phases: phase_rows
            .into_iter()
            .map(|p| Phase {
                id: PhaseId(p.id),
                name: p.name,
                starts_on: p.starts_on,
                ends_on: p.ends_on,
                is_current: p.is_current,
            })
            .collect(),
        goals: goals_of(None),
        action_fields: field_rows
            .into_iter()
            .map(|f| ActionField {
                id: ActionFieldId(f.id),
                goals: goals_of(Some(f.id)),
                name: f.name,
                description: f.description,
            })
            .collect(),
        themes: theme_rows.into_iter().map(|t| Theme { id: ThemeId(t.id), name: t.name }).collect(),
        can_edit: actor.require_organizer().is_ok(),
    })
}

/// Creates a draft process with the five default phases (named in `lang`), the first current.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer or admin, `Invalid` for bad input.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    lang: Lang,
    input: &ProcessInput,
) -> Result<ProcessId, AppError> {
    actor.require_organizer()?;
    let id = Uuid::new_v4();
    let now = Utc::now();
    let txn = db.begin().await?;
    processes::ActiveModel {
        id: Set(id),
        name: Set(input.name.clone()),
        municipality: Set(input.municipality.clone()),
        description: Set(input.description.clone()),
        published: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    let defaults = DEFAULT_PHASE_KEYS.iter().zip(0..).map(|(key, position)| phases::ActiveModel {
        id: Set(Uuid::new_v4()),
        process_id: Set(id),
        position: Set(position),
        name: Set(t(lang, key)),
        starts_on: Set(None),
        ends_on: Set(None),
        is_current: Set(position == 0),
    });
    phases::Entity::insert_many(defaults).exec(&txn).await?;
    txn.commit().await?;
    Ok(ProcessId(id))
}

async fn editable_process(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> Result<processes::Model, AppError> {
    actor.require_organizer()?;
    processes::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)
}

async fn touch(db: &impl ConnectionTrait, id: Uuid) -> Result<(), AppError> {
    processes::Entity::update_many()
        .col_expr(processes::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(processes::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Changes name, municipality and description.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`, `Invalid`.
pub async fn update(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ProcessId,
    input: &ProcessInput,
) -> Result<(), AppError> {
    let process = editable_process(db, actor, id.0).await?;
    let mut model: processes::ActiveModel = process.into();
    model.name = Set(input.name.clone());
    model.municipality = Set(input.municipality.clone());
    model.description = Set(input.description.clone());
    model.updated_at = Set(Utc::now());
    model.update(db).await?;
    Ok(())
}

/// Publishes a process (visible to everyone) or takes it back to draft.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`.
pub async fn set_published(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ProcessId,
    published: bool,
) -> Result<(), AppError> {
    let process = editable_process(db, actor, id.0).await?;
    let mut model: processes::ActiveModel = process.into();
    model.published = Set(published);
    model.updated_at = Set(Utc::now());
    model.update(db).await?;
    Ok(())
}

/// Adds a phase at the end of the timeline.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`, `Invalid` (also when the process has 12 phases).
pub async fn add_phase(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ProcessId,
    input: &PhaseInput,
) -> Result<PhaseId, AppError> {
    editable_process(db, actor, id.0).await?;
    let existing = phases::Entity::find().filter(phases::Column::ProcessId.eq(id.0)).all(db).await?;
    check_count("name", existing.len(), PHASES_MAX)?;
    let phase_id = Uuid::new_v4();
    phases::ActiveModel {
        id: Set(phase_id),
        process_id: Set(id.0),
        position: Set(next_position(existing.iter().map(|p| p.position))),
        name: Set(input.name.clone()),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        is_current: Set(existing.is_empty()),
    }
    .insert(db)
    .await?;
    touch(db, id.0).await?;
    Ok(PhaseId(phase_id))
}

fn next_position(positions: impl Iterator<Item = i32>) -> i32 {
    positions.max().map_or(0, |p| p.saturating_add(1))
}

async fn editable_phase(db: &impl ConnectionTrait, actor: &Actor, id: PhaseId) -> Result<phases::Model, AppError> {
    actor.require_organizer()?;
    phases::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)
}

/// Renames a phase or changes its dates.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`, `Invalid`.
pub async fn update_phase(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: PhaseId,
    input: &PhaseInput,
) -> Result<(), AppError> {
    let phase = editable_phase(db, actor, id).await?;
    let process_id = phase.process_id;
    let mut model: phases::ActiveModel = phase.into();
    model.name = Set(input.name.clone());
    model.starts_on = Set(input.starts_on);
    model.ends_on = Set(input.ends_on);
    model.update(db).await?;
    touch(db, process_id).await
}

/// Removes a phase. If it was current, the first remaining phase becomes current.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`.
pub async fn delete_phase<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: PhaseId,
) -> Result<(), AppError> {
    let phase = editable_phase(db, actor, id).await?;
    let txn = db.begin().await?;
    // The plan's measures of this phase keep their place in the plan, without a phase.
    measures::Entity::update_many()
        .col_expr(measures::Column::PhaseId, Expr::value(Option::<uuid::Uuid>::None))
        .filter(measures::Column::PhaseId.eq(id.0))
        .exec(&txn)
        .await?;
    phases::Entity::delete_by_id(id.0).exec(&txn).await?;
    if phase.is_current {
        let first = phases::Entity::find()
            .filter(phases::Column::ProcessId.eq(phase.process_id))
            .order_by_asc(phases::Column::Position)
            .one(&txn)
            .await?;
        if let Some(first) = first {
            let mut model: phases::ActiveModel = first.into();
            model.is_current = Set(true);
            model.update(&txn).await?;
        }
    }
    touch(&txn, phase.process_id).await?;
    txn.commit().await?;
    Ok(())
}

/// Marks this phase as the current one (and no other).
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`.
pub async fn set_current_phase<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: PhaseId,
) -> Result<(), AppError> {
    let phase = editable_phase(db, actor, id).await?;
    let txn = db.begin().await?;
    phases::Entity::update_many()
        .col_expr(phases::Column::IsCurrent, Expr::value(false))
        .filter(phases::Column::ProcessId.eq(phase.process_id))
        .exec(&txn)
        .await?;
    phases::Entity::update_many()
        .col_expr(phases::Column::IsCurrent, Expr::value(true))
        .filter(phases::Column::Id.eq(id.0))
        .exec(&txn)
        .await?;
    touch(&txn, phase.process_id).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a phase one step earlier or later in the timeline.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`.
pub async fn move_phase<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: PhaseId,
    direction: Direction,
) -> Result<(), AppError> {
    let phase = editable_phase(db, actor, id).await?;
    let columns = (phases::Column::Id, phases::Column::ProcessId, phases::Column::Position);
    move_in_list::<phases::Entity, _>(db, columns, phase.process_id, id.0, direction, |p| (p.id, p.position)).await
}

/// Adds a goal to the process (`action_field` `None`) or to one of its action fields.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound` (also for an action field of another process),
/// `Invalid` for a title outside 1–300 characters or more than 30 goals.
pub async fn add_goal(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ProcessId,
    action_field: Option<ActionFieldId>,
    title: &str,
) -> Result<GoalId, AppError> {
    editable_process(db, actor, id.0).await?;
    if let Some(field) = action_field {
        let field = action_fields::Entity::find_by_id(field.0).one(db).await?.ok_or(AppError::NotFound)?;
        if field.process_id != id.0 {
            return Err(AppError::NotFound);
        }
    }
    let mut form = Form::new();
    let title = form.text("title", title, 1, GOAL_MAX);
    form.finish()?;
    let field_id = action_field.map(|f| f.0);
    let existing = goals::Entity::find()
        .filter(goals::Column::ProcessId.eq(id.0))
        .filter(match field_id {
            Some(f) => goals::Column::ActionFieldId.eq(f),
            None => goals::Column::ActionFieldId.is_null(),
        })
        .all(db)
        .await?;
    check_count("title", existing.len(), GOALS_MAX)?;
    let goal_id = Uuid::new_v4();
    goals::ActiveModel {
        id: Set(goal_id),
        process_id: Set(id.0),
        action_field_id: Set(field_id),
        position: Set(next_position(existing.iter().map(|g| g.position))),
        title: Set(title),
    }
    .insert(db)
    .await?;
    touch(db, id.0).await?;
    Ok(GoalId(goal_id))
}

/// Removes a goal.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`.
pub async fn delete_goal(db: &impl ConnectionTrait, actor: &Actor, id: GoalId) -> Result<(), AppError> {
    actor.require_organizer()?;
    let goal = goals::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)?;
    goals::Entity::delete_by_id(id.0).exec(db).await?;
    touch(db, goal.process_id).await
}

/// Adds an action field (Handlungsfeld) at the end.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`, `Invalid` (also beyond 20 action fields).
pub async fn add_action_field(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ProcessId,
    input: &ActionFieldInput,
) -> Result<ActionFieldId, AppError> {
    editable_process(db, actor, id.0).await?;
    let existing = action_fields::Entity::find().filter(action_fields::Column::ProcessId.eq(id.0)).all(db).await?;
    check_count("name", existing.len(), ACTION_FIELDS_MAX)?;
    if existing.iter().any(|f| f.name.to_lowercase() == input.name.to_lowercase()) {
        return Err(AppError::invalid("name", Msg::new("action-field-name-taken")));
    }
    let field_id = Uuid::new_v4();
    action_fields::ActiveModel {
        id: Set(field_id),
        process_id: Set(id.0),
        position: Set(next_position(existing.iter().map(|f| f.position))),
        name: Set(input.name.clone()),
        description: Set(input.description.clone()),
    }
    .insert(db)
    .await?;
    touch(db, id.0).await?;
    Ok(ActionFieldId(field_id))
}

async fn editable_field(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ActionFieldId,
) -> Result<action_fields::Model, AppError> {
    actor.require_organizer()?;
    action_fields::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)
}

/// Renames an action field or changes its description.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`, `Invalid`.
pub async fn update_action_field(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ActionFieldId,
    input: &ActionFieldInput,
) -> Result<(), AppError> {
    let field = editable_field(db, actor, id).await?;
    let process_id = field.process_id;
    let mut model: action_fields::ActiveModel = field.into();
    model.name = Set(input.name.clone());
    model.description = Set(input.description.clone());
    model.update(db).await?;
    touch(db, process_id).await
}

/// Removes an action field with its own goals.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`.
pub async fn delete_action_field<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: ActionFieldId,
) -> Result<(), AppError> {
    let field = editable_field(db, actor, id).await?;
    let used = proposals::Entity::find().filter(proposals::Column::ActionFieldId.eq(id.0)).one(db).await?;
    if used.is_some() {
        return Err(AppError::Conflict(Msg::new("action-field-has-proposals")));
    }
    // The plan's measures name their action field (read through its table only).
    let in_plan = measures::Entity::find().filter(measures::Column::ActionFieldId.eq(id.0)).one(db).await?;
    if in_plan.is_some() {
        return Err(AppError::Conflict(Msg::new("action-field-has-measures")));
    }
    let txn = db.begin().await?;
    workshop_action_fields::Entity::delete_many()
        .filter(workshop_action_fields::Column::ActionFieldId.eq(id.0))
        .exec(&txn)
        .await?;
    // SQLite enforces foreign keys only when asked to; delete the goals explicitly.
    goals::Entity::delete_many().filter(goals::Column::ActionFieldId.eq(id.0)).exec(&txn).await?;
    action_fields::Entity::delete_by_id(id.0).exec(&txn).await?;
    touch(&txn, field.process_id).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves an action field one step up or down.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`.
pub async fn move_action_field<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: ActionFieldId,
    direction: Direction,
) -> Result<(), AppError> {
    let field = editable_field(db, actor, id).await?;
    let columns = (action_fields::Column::Id, action_fields::Column::ProcessId, action_fields::Column::Position);
    move_in_list::<action_fields::Entity, _>(db, columns, field.process_id, id.0, direction, |f| (f.id, f.position))
        .await
}

/// Swaps `id` with its neighbour among the rows of one process, ordered by position, in one
/// transaction. `columns` are the id, process and position columns of the entity.
async fn move_in_list<E, C>(
    db: &C,
    (id_col, process_col, position_col): (E::Column, E::Column, E::Column),
    process_id: Uuid,
    id: Uuid,
    direction: Direction,
    key: impl Fn(&E::Model) -> (Uuid, i32),
) -> Result<(), AppError>
where
    E: EntityTrait,
    C: ConnectionTrait + TransactionTrait,
{
    let txn = db.begin().await?;
    let siblings = E::find().filter(process_col.eq(process_id)).order_by_asc(position_col).all(&txn).await?;
    let ordered: Vec<(Uuid, i32)> = siblings.iter().map(key).collect();
    for (row, position) in swap_positions(&ordered, id, direction).into_iter().flatten() {
        E::update_many().col_expr(position_col, Expr::value(position)).filter(id_col.eq(row)).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Adds a theme tag (Themenfeld); names are unique within a process.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`, `Invalid` for a name outside 1–60 characters,
/// a name already used, or more than 40 tags.
pub async fn add_theme(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: ProcessId,
    name: &str,
) -> Result<ThemeId, AppError> {
    editable_process(db, actor, id.0).await?;
    let mut form = Form::new();
    let name = form.text("name", name, 1, THEME_MAX);
    form.finish()?;
    let existing = themes::Entity::find().filter(themes::Column::ProcessId.eq(id.0)).all(db).await?;
    check_count("name", existing.len(), THEMES_MAX)?;
    if existing.iter().any(|t| t.name.to_lowercase() == name.to_lowercase()) {
        return Err(AppError::invalid("name", Msg::new("theme-name-taken")));
    }
    let theme_id = Uuid::new_v4();
    themes::ActiveModel { id: Set(theme_id), process_id: Set(id.0), name: Set(name) }.insert(db).await?;
    touch(db, id.0).await?;
    Ok(ThemeId(theme_id))
}

/// Removes a theme tag.
///
/// # Errors
/// `Forbidden`/`Unauthenticated`, `NotFound`.
pub async fn delete_theme(db: &impl ConnectionTrait, actor: &Actor, id: ThemeId) -> Result<(), AppError> {
    actor.require_organizer()?;
    let theme = themes::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)?;
    themes::Entity::delete_by_id(id.0).exec(db).await?;
    touch(db, theme.process_id).await
}
