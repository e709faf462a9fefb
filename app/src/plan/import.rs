//! Importing a plan table: every row is checked first (`plan::csv::read`), then, in one
//! transaction, names are resolved against the process (action fields, phases, goals, themes
//! and partners it lacks are created, and the report says so), rows with the id of one of the
//! process's measures update it, the others become new measures. Any failure writes nothing.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    csv::{self, ImportError},
    doc::{Names, ids, process_of},
    service::{insert_partner, next_position},
    types::{MEASURES_MAX, Origin, PARTNERS_MAX},
};
use crate::{
    auth::types::Actor,
    error::{AppError, Msg},
    i18n::{Lang, t_args},
    processes::types::{ACTION_FIELDS_MAX, GOALS_MAX, PHASES_MAX, ProcessId, THEMES_MAX},
    server::entities::{action_fields, goals, measures, phases, themes},
};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub new_action_fields: Vec<String>,
    pub new_phases: Vec<String>,
    pub new_goals: Vec<String>,
    pub new_themes: Vec<String>,
    pub new_partners: Vec<String>,
}

/// The refusal of a file: every problem on its own line, in the caller's language.
fn refusal(lang: Lang, errors: &[ImportError]) -> AppError {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| {
            let args: Vec<(&str, String)> = e.message.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            let rule = t_args(lang, &e.message.key, &args);
            if e.line == 0 {
                rule
            } else if e.column.is_empty() {
                t_args(lang, "plan-import-line", &[("line", e.line.to_string()), ("rule", rule)])
            } else {
                t_args(
                    lang,
                    "plan-import-cell",
                    &[("line", e.line.to_string()), ("column", e.column.clone()), ("rule", rule)],
                )
            }
        })
        .collect();
    AppError::invalid("file", Msg::new("plan-import-refused").arg("errors", lines.join("\n")))
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Imports a plan table into a process.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless organizer, `NotFound`, `Invalid` on field `file` naming
/// each bad line and its rule (nothing is written then).
pub async fn import<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    process: ProcessId,
    bytes: &[u8],
    lang: Lang,
) -> Result<ImportReport, AppError> {
    actor.require_organizer()?;
    let p = process_of(db, process.0).await?;
    let rows = csv::read(bytes).map_err(|e| refusal(lang, &e))?;
    let txn = db.begin().await?;
    let mut n = Names::load(&txn, p.id).await?;
    let mut report = ImportReport::default();
    let all: Vec<measures::Model> =
        measures::Entity::find().filter(measures::Column::ProcessId.eq(p.id)).all(&txn).await?;
    let existing: Vec<measures::Model> = all.iter().filter(|m| m.merged_into.is_none()).cloned().collect();
    // An id twice in the file, or of a measure merged into another, is refused: which row
    // would count is not clear.
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for row in &rows {
        let Some(id) = row.id else { continue };
        if seen.contains(&id) {
            problems.push(ImportError {
                line: row.line,
                column: "ID".into(),
                message: Msg::new("plan-import-id-twice"),
            });
        }
        seen.push(id);
        if let Some(target) = all.iter().find(|m| m.id == id.0).and_then(|m| m.merged_into) {
            let title = all.iter().find(|m| m.id == target).map(|m| m.title.clone()).unwrap_or_default();
            problems.push(ImportError {
                line: row.line,
                column: "ID".into(),
                message: Msg::new("plan-import-id-merged").arg("title", title),
            });
        }
    }
    let creating = rows.iter().filter(|r| !r.id.is_some_and(|id| existing.iter().any(|m| m.id == id.0))).count();
    if creating > 0 && existing.len() + creating > MEASURES_MAX {
        problems.push(ImportError {
            line: 0,
            column: String::new(),
            message: Msg::new("plan-import-measures").arg("max", MEASURES_MAX).arg("now", existing.len()),
        });
    }
    if !problems.is_empty() {
        problems.truncate(csv::ERRORS_SHOWN);
        return Err(refusal(lang, &problems));
    }
    let mut position = next_position(&txn, p.id).await?;
    let now = Utc::now();
    let too_many = |line: usize, column: &str, max: usize| {
        refusal(
            lang,
            &[ImportError { line, column: column.to_owned(), message: Msg::new("field-count-limit").arg("max", max) }],
        )
    };
    for row in &rows {
        let field = match n.fields.iter().find(|f| same(&f.name, &row.action_field)) {
            Some(f) => f.id,
            None => {
                if n.fields.len() >= ACTION_FIELDS_MAX {
                    return Err(too_many(row.line, "Handlungsfeld", ACTION_FIELDS_MAX));
                }
                let model = action_fields::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    process_id: Set(p.id),
                    position: Set(i32::try_from(n.fields.len()).unwrap_or(i32::MAX)),
                    name: Set(row.action_field.clone()),
                    description: Set(String::new()),
                }
                .insert(&txn)
                .await?;
                report.new_action_fields.push(model.name.clone());
                let id = model.id;
                n.fields.push(model);
                id
            }
        };
        let phase = if row.phase.is_empty() {
            None
        } else {
            match n.phases.iter().find(|f| same(&f.name, &row.phase)) {
                Some(f) => Some(f.id),
                None => {
                    if n.phases.len() >= PHASES_MAX {
                        return Err(too_many(row.line, "Phase", PHASES_MAX));
                    }
                    let model = phases::ActiveModel {
                        id: Set(Uuid::new_v4()),
                        process_id: Set(p.id),
                        position: Set(i32::try_from(n.phases.len()).unwrap_or(i32::MAX)),
                        name: Set(row.phase.clone()),
                        starts_on: Set(None),
                        ends_on: Set(None),
                        is_current: Set(false),
                    }
                    .insert(&txn)
                    .await?;
                    report.new_phases.push(model.name.clone());
                    let id = model.id;
                    n.phases.push(model);
                    Some(id)
                }
            }
        };
        let mut goal_ids = Vec::new();
        for title in &row.goals {
            // The action field's goal first, then the process's.
            let found = n
                .goals
                .iter()
                .filter(|g| same(&g.title, title))
                .min_by_key(|g| {
                    if g.action_field_id == Some(field) {
                        0
                    } else if g.action_field_id.is_none() {
                        1
                    } else {
                        2
                    }
                })
                .filter(|g| g.action_field_id.is_none_or(|f| f == field));
            let id = match found {
                Some(g) => g.id,
                None => {
                    if n.goals.len() >= GOALS_MAX * (ACTION_FIELDS_MAX + 1) {
                        return Err(too_many(row.line, "Ziel", GOALS_MAX));
                    }
                    let in_field = n.goals.iter().filter(|g| g.action_field_id == Some(field)).count();
                    if in_field >= GOALS_MAX {
                        return Err(too_many(row.line, "Ziel", GOALS_MAX));
                    }
                    let model = goals::ActiveModel {
                        id: Set(Uuid::new_v4()),
                        process_id: Set(p.id),
                        action_field_id: Set(Some(field)),
                        position: Set(i32::try_from(in_field).unwrap_or(i32::MAX)),
                        title: Set(title.clone()),
                    }
                    .insert(&txn)
                    .await?;
                    report.new_goals.push(model.title.clone());
                    let id = model.id;
                    n.goals.push(model);
                    id
                }
            };
            if !goal_ids.contains(&id) {
                goal_ids.push(id);
            }
        }
        let mut theme_ids = Vec::new();
        for name in &row.themes {
            let id = match n.themes.iter().find(|x| same(&x.name, name)) {
                Some(x) => x.id,
                None => {
                    if n.themes.len() >= THEMES_MAX {
                        return Err(too_many(row.line, "Themen", THEMES_MAX));
                    }
                    let model =
                        themes::ActiveModel { id: Set(Uuid::new_v4()), process_id: Set(p.id), name: Set(name.clone()) }
                            .insert(&txn)
                            .await?;
                    report.new_themes.push(model.name.clone());
                    let id = model.id;
                    n.themes.push(model);
                    id
                }
            };
            if !theme_ids.contains(&id) {
                theme_ids.push(id);
            }
        }
        let mut partner_ids = Vec::new();
        for (name, kind) in &row.partners {
            let id = match n.partners.iter().find(|x| same(&x.name, name)) {
                Some(x) => x.id,
                None => {
                    if n.partners.len() >= PARTNERS_MAX {
                        return Err(too_many(row.line, "Kooperationspartner", PARTNERS_MAX));
                    }
                    let kind = kind.unwrap_or_default();
                    let id = insert_partner(&txn, p.id, name, kind).await?;
                    report.new_partners.push(name.clone());
                    n.partners.push(crate::server::entities::partners::Model {
                        id,
                        process_id: p.id,
                        name: name.clone(),
                        kind: kind.as_str().to_owned(),
                        created_at: now,
                    });
                    id
                }
            };
            if !partner_ids.contains(&id) {
                partner_ids.push(id);
            }
        }
        let json = |v: &[Uuid]| serde_json::to_string(v).unwrap_or_else(|_| "[]".to_owned());
        let old = row.id.and_then(|id| existing.iter().find(|m| m.id == id.0));
        let mut m = old.cloned().unwrap_or_else(|| measures::Model {
            id: Uuid::new_v4(),
            process_id: p.id,
            action_field_id: field,
            phase_id: None,
            position: 0,
            title: String::new(),
            description: String::new(),
            target_groups: String::new(),
            time_from: None,
            time_to: None,
            time_text: String::new(),
            lead: String::new(),
            indicators: String::new(),
            resources: String::new(),
            goal_ids: "[]".to_owned(),
            theme_ids: "[]".to_owned(),
            partner_ids: "[]".to_owned(),
            staff_ids: "[]".to_owned(),
            origin: Origin::Import.as_str().to_owned(),
            status: String::new(),
            progress: 0,
            merged_into: None,
            created_at: now,
            updated_at: now,
        });
        m.action_field_id = field;
        m.phase_id = phase;
        m.title.clone_from(&row.title);
        m.description.clone_from(&row.description);
        m.target_groups.clone_from(&row.target_groups);
        m.time_from.clone_from(&row.timeframe.from);
        m.time_to.clone_from(&row.timeframe.to);
        m.time_text.clone_from(&row.timeframe.text);
        m.lead.clone_from(&row.lead);
        m.indicators.clone_from(&row.indicators);
        m.resources.clone_from(&row.resources);
        // The order of the file's goals, themes and partners is kept unless only the order changed.
        let keep = |old: Option<&str>, new: &[Uuid]| match old {
            Some(o)
                if {
                    let mut a = ids(o);
                    let mut b = new.to_vec();
                    a.sort();
                    b.sort();
                    a == b
                } =>
            {
                o.to_owned()
            }
            _ => json(new),
        };
        m.goal_ids = keep(old.map(|o| o.goal_ids.as_str()), &goal_ids);
        m.theme_ids = keep(old.map(|o| o.theme_ids.as_str()), &theme_ids);
        m.partner_ids = keep(old.map(|o| o.partner_ids.as_str()), &partner_ids);
        m.status = row.status.as_str().to_owned();
        m.progress = row.progress;
        match old {
            // Unchanged rows stay as they were, to the timestamp.
            Some(o) if *o == m => {}
            Some(_) => {
                m.updated_at = now;
                measures::ActiveModel::from(m).reset_all().update(&txn).await?;
                report.updated += 1;
            }
            None => {
                position += 1;
                m.position = position;
                measures::ActiveModel::from(m).reset_all().insert(&txn).await?;
                report.created += 1;
            }
        }
    }
    txn.commit().await?;
    Ok(report)
}
