//! Surveys on the server: organizers build them (settings, sections, questions, order, waves,
//! evaluations of measures, JSON files), participants answer them page by page (each page saved
//! as it is left, resumable by a key of which only the hash is stored), and results are counted
//! from the sent responses. Only organizers build surveys and see results that are not public.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set, TransactionSession, TransactionTrait, sea_query::Expr,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{
    answers::{self, Answer, Raw},
    results::{self, Comparison, EvaluationFigures, Results},
    types::{
        AnswerPage, Definition, MeasureRef, QuestionForm, Reach, Respondent, SECTIONS_MAX, SURVEYS_MAX, Section,
        Settings, Step, SurveyAdmin, SurveyFile, SurveyId, SurveyIntro, SurveyList, SurveyState, SurveySummary,
        TITLE_MAX, berlin_date, change_of,
    },
};
use crate::{
    auth::{
        service::{random_token, token_hash},
        types::Actor,
    },
    error::{AppError, Msg},
    i18n::{Lang, t},
    processes::types::ProcessId,
    server::entities::{measures, processes, survey_measures, survey_responses, surveys, workshops},
    validate::check_count,
    workshops::types::{OrgType, WorkshopId},
};

/// Responses one survey takes at most (sent and unsent).
pub const RESPONSES_MAX: u64 = 50_000;
/// An unsent response untouched this long gives way when a survey is full.
pub const STALE_DAYS: i64 = 7;
/// The template of an evaluation survey (also an example of the JSON format).
pub const EVALUATION_TEMPLATE: &str = include_str!("evaluation.json");

async fn survey_of(db: &impl ConnectionTrait, id: SurveyId) -> Result<surveys::Model, AppError> {
    surveys::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)
}

/// The stored questionnaire. One that cannot be read is a failure, never an empty one (the next
/// change would save it empty).
fn definition_of(s: &surveys::Model) -> Result<Definition, AppError> {
    serde_json::from_str(&s.definition).map_err(|e| {
        tracing::error!(survey = %s.id, error = %e, "stored questionnaire does not parse");
        AppError::Internal
    })
}

fn settings_of(s: &surveys::Model) -> Settings {
    Settings {
        title: s.title.clone(),
        intro: s.intro.clone(),
        reach: Reach::parse(&s.reach).unwrap_or_default(),
        workshop: s.workshop_id.map(WorkshopId),
        opens_on: s.opens_on,
        closes_on: s.closes_on,
        one_per_participant: s.one_per_participant,
        ask_organisation: s.ask_organisation,
        results_public: s.results_public,
        languages: crate::i18n::Offer(s.languages.clone()),
    }
}

fn raw_of(r: &survey_responses::Model) -> Result<Raw, AppError> {
    serde_json::from_str(&r.answers).map_err(|e| {
        tracing::error!(response = %r.id, error = %e, "stored answers do not parse");
        AppError::Internal
    })
}

/// Why a survey takes no answers now, if it does not.
fn closed_reason(s: &surveys::Model) -> Option<Msg> {
    let today = berlin_date(Utc::now());
    match SurveyState::parse(&s.state) {
        SurveyState::Draft => Some(Msg::new("survey-not-open")),
        SurveyState::Closed => Some(Msg::new("survey-closed")),
        SurveyState::Open => match (s.opens_on, s.closes_on) {
            (Some(o), _) if today < o => Some(Msg::new("survey-starts-on").arg("date", o.format("%d.%m.%Y"))),
            (_, Some(c)) if today > c => Some(Msg::new("survey-closed-on").arg("date", c.format("%d.%m.%Y"))),
            _ => None,
        },
    }
}

async fn organizer_survey(db: &impl ConnectionTrait, actor: &Actor, id: SurveyId) -> Result<surveys::Model, AppError> {
    actor.require_organizer()?;
    survey_of(db, id).await
}

async fn check_workshop(
    db: &impl ConnectionTrait,
    process: Uuid,
    settings: &Settings,
) -> Result<Option<Uuid>, AppError> {
    let Some(w) = settings.workshop.filter(|_| settings.reach == Reach::Workshop) else { return Ok(None) };
    let ws = workshops::Entity::find_by_id(w.0).one(db).await?;
    match ws {
        Some(ws) if ws.process_id == process => Ok(Some(ws.id)),
        _ => Err(AppError::invalid("workshop", Msg::new("survey-workshop-required"))),
    }
}

// ---------------------------------------------------------------------------------------------
// Building

/// The surveys of a process, newest first.
///
/// # Errors
/// `Forbidden` for everyone but organizers.
pub async fn list(db: &impl ConnectionTrait, actor: &Actor, process: ProcessId) -> Result<SurveyList, AppError> {
    actor.require_organizer()?;
    let p = processes::Entity::find_by_id(process.0).one(db).await?.ok_or(AppError::NotFound)?;
    let rows = surveys::Entity::find()
        .filter(surveys::Column::ProcessId.eq(process.0))
        .order_by_desc(surveys::Column::CreatedAt)
        .all(db)
        .await?;
    let counts = response_counts(db, rows.iter().map(|s| s.id).collect()).await?;
    let surveys = rows
        .into_iter()
        .map(|s| {
            let (responses, partial) = counts.get(&s.id).copied().unwrap_or_default();
            SurveySummary {
                id: SurveyId(s.id),
                title: s.title.clone(),
                state: SurveyState::parse(&s.state),
                reach: Reach::parse(&s.reach).unwrap_or_default(),
                wave: s.wave,
                responses,
                partial,
            }
        })
        .collect();
    Ok(SurveyList {
        process,
        process_name: p.name,
        surveys,
        workshops: workshops_of(db, process.0).await?,
        measures: process_measures(db, process.0).await?,
    })
}

async fn workshops_of(db: &impl ConnectionTrait, process: Uuid) -> Result<Vec<(WorkshopId, String)>, AppError> {
    Ok(workshops::Entity::find()
        .filter(workshops::Column::ProcessId.eq(process))
        .order_by_asc(workshops::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|w| (WorkshopId(w.id), w.title))
        .collect())
}

async fn process_measures(db: &impl ConnectionTrait, process: Uuid) -> Result<Vec<MeasureRef>, AppError> {
    Ok(measures::Entity::find()
        .filter(measures::Column::ProcessId.eq(process))
        .filter(measures::Column::MergedInto.is_null())
        .order_by_asc(measures::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|m| MeasureRef { id: m.id, title: m.title })
        .collect())
}

/// (sent, unsent) responses per survey.
async fn response_counts(db: &impl ConnectionTrait, ids: Vec<Uuid>) -> Result<HashMap<Uuid, (u64, u64)>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Uuid, Option<chrono::DateTime<Utc>>)> = survey_responses::Entity::find()
        .select_only()
        .column(survey_responses::Column::SurveyId)
        .column(survey_responses::Column::SubmittedAt)
        .filter(survey_responses::Column::SurveyId.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, (u64, u64)> = HashMap::new();
    for (id, sent) in rows {
        let e = out.entry(id).or_default();
        if sent.is_some() {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    Ok(out)
}

async fn insert_survey(
    db: &impl ConnectionTrait,
    process: Uuid,
    settings: &Settings,
    workshop: Option<Uuid>,
    def: &Definition,
    series: Option<(Uuid, i32)>,
) -> Result<SurveyId, AppError> {
    let count = surveys::Entity::find().filter(surveys::Column::ProcessId.eq(process)).count(db).await?;
    check_count("title", usize::try_from(count).unwrap_or(usize::MAX), SURVEYS_MAX)?;
    let id = Uuid::new_v4();
    let now = Utc::now();
    let (series_id, wave) = series.unwrap_or((id, 1));
    surveys::ActiveModel {
        id: Set(id),
        process_id: Set(process),
        title: Set(settings.title.clone()),
        intro: Set(settings.intro.clone()),
        reach: Set(settings.reach.as_str().to_owned()),
        workshop_id: Set(workshop),
        state: Set(SurveyState::Draft.as_str().to_owned()),
        opens_on: Set(settings.opens_on),
        closes_on: Set(settings.closes_on),
        one_per_participant: Set(settings.one_per_participant),
        ask_organisation: Set(settings.ask_organisation),
        results_public: Set(settings.results_public),
        languages: Set(settings.languages.0.clone()),
        definition: Set(serde_json::to_string(def).map_err(|_| AppError::Internal)?),
        revision: Set(0),
        series_id: Set(series_id),
        wave: Set(wave),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(SurveyId(id))
}

/// A new survey with one empty section.
///
/// # Errors
/// `Forbidden` for non-organizers, `Invalid` for a workshop of another process.
pub async fn create(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
    settings: &Settings,
    lang: Lang,
) -> Result<SurveyId, AppError> {
    actor.require_organizer()?;
    processes::Entity::find_by_id(process.0).one(db).await?.ok_or(AppError::NotFound)?;
    let workshop = check_workshop(db, process.0, settings).await?;
    let def = Definition {
        sections: vec![Section { id: "s1".to_owned(), title: t(lang, "survey-section-first"), questions: Vec::new() }],
    };
    insert_survey(db, process.0, settings, workshop, &def, None).await
}

/// Changes the settings.
///
/// # Errors
/// `Forbidden`, `NotFound`, `Invalid`.
pub async fn update_settings(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    settings: &Settings,
) -> Result<(), AppError> {
    let s = organizer_survey(db, actor, id).await?;
    let workshop = check_workshop(db, s.process_id, settings).await?;
    if Reach::parse(&s.reach) == Some(Reach::Evaluation) && settings.reach != Reach::Evaluation {
        let linked =
            survey_measures::Entity::find().filter(survey_measures::Column::SurveyId.eq(s.id)).count(db).await?;
        if linked > 0 {
            return Err(AppError::invalid("reach", Msg::new("survey-reach-evaluation-linked")));
        }
    }
    let mut m: surveys::ActiveModel = s.into();
    m.title = Set(settings.title.clone());
    m.intro = Set(settings.intro.clone());
    m.reach = Set(settings.reach.as_str().to_owned());
    m.workshop_id = Set(workshop);
    m.opens_on = Set(settings.opens_on);
    m.closes_on = Set(settings.closes_on);
    m.one_per_participant = Set(settings.one_per_participant);
    m.ask_organisation = Set(settings.ask_organisation);
    m.results_public = Set(settings.results_public);
    m.languages = Set(settings.languages.0.clone());
    m.updated_at = Set(Utc::now());
    m.update(db).await?;
    Ok(())
}

/// Opens, closes or reopens a survey. A survey without questions cannot open.
///
/// # Errors
/// `Forbidden`, `NotFound`, `Conflict` for an empty questionnaire.
pub async fn set_state(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    state: SurveyState,
) -> Result<(), AppError> {
    let s = organizer_survey(db, actor, id).await?;
    if state == SurveyState::Open && definition_of(&s)?.questions().next().is_none() {
        return Err(AppError::Conflict(Msg::new("survey-empty")));
    }
    if state == SurveyState::Draft {
        return Err(AppError::Conflict(Msg::new("survey-no-back-to-draft")));
    }
    let mut m: surveys::ActiveModel = s.into();
    m.state = Set(state.as_str().to_owned());
    m.updated_at = Set(Utc::now());
    m.update(db).await?;
    Ok(())
}

/// The question ids with at least one sent answer (what is only started does not hold the
/// questionnaire: its entries are checked again on the next step).
async fn answered_questions(db: &impl ConnectionTrait, survey: Uuid) -> Result<BTreeSet<String>, AppError> {
    let rows: Vec<String> = survey_responses::Entity::find()
        .select_only()
        .column(survey_responses::Column::Answers)
        .filter(survey_responses::Column::SurveyId.eq(survey))
        .filter(survey_responses::Column::SubmittedAt.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    let mut out = BTreeSet::new();
    for row in rows {
        let raw: Raw = serde_json::from_str(&row).unwrap_or_default();
        for (k, v) in raw {
            if !v.trim().is_empty() {
                out.insert(k.split('.').next().unwrap_or_default().to_owned());
            }
        }
    }
    Ok(out)
}

/// Changes the questionnaire: loads it, lets `change` edit it, checks the whole and writes it
/// with the next revision (a change made meanwhile by someone else is a `Conflict`).
async fn edit<F>(db: &impl ConnectionTrait, actor: &Actor, id: SurveyId, change: F) -> Result<(), AppError>
where
    F: FnOnce(&mut Definition, &BTreeSet<String>) -> Result<(), AppError>,
{
    let s = organizer_survey(db, actor, id).await?;
    let mut def = definition_of(&s)?;
    let answered = answered_questions(db, s.id).await?;
    change(&mut def, &answered)?;
    def.check().map_err(|e| match e {
        AppError::Invalid(_) => AppError::Conflict(Msg::new("survey-change-breaks")),
        other => other,
    })?;
    let json = serde_json::to_string(&def).map_err(|_| AppError::Internal)?;
    let done = surveys::Entity::update_many()
        .col_expr(surveys::Column::Definition, Expr::value(json))
        .col_expr(surveys::Column::Revision, Expr::value(s.revision + 1))
        .col_expr(surveys::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(surveys::Column::Id.eq(s.id))
        .filter(surveys::Column::Revision.eq(s.revision))
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("survey-changed-meanwhile")));
    }
    Ok(())
}

/// Adds a section at the end.
///
/// # Errors
/// `Invalid` for a title over its limit or too many sections.
pub async fn add_section(db: &impl ConnectionTrait, actor: &Actor, id: SurveyId, title: &str) -> Result<(), AppError> {
    let mut form = crate::validate::Form::new();
    let title = form.text("title", title, 0, TITLE_MAX);
    form.finish()?;
    edit(db, actor, id, |def, _| {
        check_count("title", def.sections.len(), SECTIONS_MAX)?;
        let sid = def.fresh_id("s");
        def.sections.push(Section { id: sid, title, questions: Vec::new() });
        Ok(())
    })
    .await
}

/// Renames a section.
///
/// # Errors
/// `NotFound` for an unknown section.
pub async fn rename_section(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    section: &str,
    title: &str,
) -> Result<(), AppError> {
    let mut form = crate::validate::Form::new();
    let title = form.text("title", title, 0, TITLE_MAX);
    form.finish()?;
    edit(db, actor, id, |def, _| {
        let s = def.sections.iter_mut().find(|s| s.id == section).ok_or(AppError::NotFound)?;
        s.title = title;
        Ok(())
    })
    .await
}

/// Deletes an empty section (never the last one).
///
/// # Errors
/// `Conflict` while it holds questions or is the only one.
pub async fn delete_section(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    section: &str,
) -> Result<(), AppError> {
    edit(db, actor, id, |def, _| {
        let i = def.sections.iter().position(|s| s.id == section).ok_or(AppError::NotFound)?;
        if !def.sections[i].questions.is_empty() {
            return Err(AppError::Conflict(Msg::new("survey-section-not-empty")));
        }
        if def.sections.len() == 1 {
            return Err(AppError::Conflict(Msg::new("survey-section-last")));
        }
        def.sections.remove(i);
        Ok(())
    })
    .await
}

/// Adds a question at the end of a section.
///
/// # Errors
/// `Invalid` with the form's messages; `NotFound` for an unknown section.
pub async fn add_question(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    section: &str,
    form: &QuestionForm,
) -> Result<String, AppError> {
    let mut new_id = String::new();
    edit(db, actor, id, |def, _| {
        check_count("text", def.questions().count(), super::types::QUESTIONS_MAX)?;
        let q = form.parse(def, None)?;
        new_id.clone_from(&q.id);
        def.sections.iter_mut().find(|s| s.id == section).ok_or(AppError::NotFound)?.questions.push(q);
        Ok(())
    })
    .await?;
    Ok(new_id)
}

/// Changes a question. One that has answers keeps its options (a removed one is refused), and
/// a changed wording needs the organizer's confirmation (`Conflict` `survey-confirm-change`).
///
/// # Errors
/// `Invalid`, `Conflict`, `NotFound`.
pub async fn update_question(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    question: &str,
    form: &QuestionForm,
) -> Result<(), AppError> {
    edit(db, actor, id, |def, answered| {
        let (s, i) = def.position(question).ok_or(AppError::NotFound)?;
        let old = def.sections[s].questions[i].clone();
        let new = form.parse(def, Some(&old))?;
        if answered.contains(&old.id) {
            let (removed, reworded) = change_of(&old, &new);
            if let Some(first) = removed.first() {
                return Err(AppError::invalid("options", Msg::new("survey-option-answered").arg("option", first)));
            }
            if reworded && form.confirm.is_none() {
                return Err(AppError::Conflict(Msg::new("survey-confirm-change")));
            }
        }
        // Questions that look at this one must still find their values.
        def.sections[s].questions[i] = new;
        Ok(())
    })
    .await
}

/// Deletes a question without answers that no other question's condition looks at.
///
/// # Errors
/// `Conflict` naming why not.
pub async fn delete_question(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    question: &str,
) -> Result<(), AppError> {
    edit(db, actor, id, |def, answered| {
        let (s, i) = def.position(question).ok_or(AppError::NotFound)?;
        if answered.contains(question) {
            return Err(AppError::Conflict(Msg::new("survey-delete-answered")));
        }
        if let Some(dep) = def.questions().find(|q| q.condition.as_ref().is_some_and(|c| c.question == question)) {
            return Err(AppError::Conflict(Msg::new("survey-delete-condition").arg("question", &dep.text)));
        }
        def.sections[s].questions.remove(i);
        Ok(())
    })
    .await
}

/// Moves a question one place up or down (across the border into the next section).
///
/// # Errors
/// `Conflict` when a condition would then look at a later question.
pub async fn move_question(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    question: &str,
    up: bool,
) -> Result<(), AppError> {
    edit(db, actor, id, |def, _| {
        let (s, i) = def.position(question).ok_or(AppError::NotFound)?;
        if up {
            if i > 0 {
                def.sections[s].questions.swap(i, i - 1);
            } else if s > 0 {
                let q = def.sections[s].questions.remove(i);
                def.sections[s - 1].questions.push(q);
            }
        } else if i + 1 < def.sections[s].questions.len() {
            def.sections[s].questions.swap(i, i + 1);
        } else if s + 1 < def.sections.len() {
            let q = def.sections[s].questions.remove(i);
            def.sections[s + 1].questions.insert(0, q);
        }
        if def.check().is_err() {
            return Err(AppError::Conflict(Msg::new("survey-move-condition")));
        }
        Ok(())
    })
    .await
}

/// Moves a section one place up or down.
///
/// # Errors
/// `Conflict` when a condition would then look at a later question.
pub async fn move_section(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    section: &str,
    up: bool,
) -> Result<(), AppError> {
    edit(db, actor, id, |def, _| {
        let i = def.sections.iter().position(|s| s.id == section).ok_or(AppError::NotFound)?;
        let j = if up { i.checked_sub(1) } else { (i + 1 < def.sections.len()).then_some(i + 1) };
        if let Some(j) = j {
            def.sections.swap(i, j);
        }
        if def.check().is_err() {
            return Err(AppError::Conflict(Msg::new("survey-move-condition")));
        }
        Ok(())
    })
    .await
}

/// A copy as the next wave of the same series (settings and questionnaire, no responses), a
/// draft to be opened again. Its questions keep their ids, so the waves compare.
///
/// # Errors
/// `Forbidden`, `NotFound`, `Invalid` for a title over its limit.
pub async fn copy_wave(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    title: &str,
) -> Result<SurveyId, AppError> {
    let s = organizer_survey(db, actor, id).await?;
    let mut form = crate::validate::Form::new();
    let title = form.text("title", title, 1, TITLE_MAX);
    form.finish()?;
    let wave = surveys::Entity::find()
        .filter(surveys::Column::SeriesId.eq(s.series_id))
        .all(db)
        .await?
        .iter()
        .map(|x| x.wave)
        .max()
        .unwrap_or(1)
        + 1;
    let mut settings = settings_of(&s);
    settings.title = title;
    settings.opens_on = None;
    settings.closes_on = None;
    let new = insert_survey(db, s.process_id, &settings, s.workshop_id, &definition_of(&s)?, Some((s.series_id, wave)))
        .await?;
    let linked = survey_measures::Entity::find().filter(survey_measures::Column::SurveyId.eq(s.id)).all(db).await?;
    for l in linked {
        survey_measures::ActiveModel { survey_id: Set(new.0), measure_id: Set(l.measure_id) }.insert(db).await?;
    }
    Ok(new)
}

/// The survey as a file to share.
///
/// # Errors
/// `Forbidden`, `NotFound`.
pub async fn export(db: &impl ConnectionTrait, actor: &Actor, id: SurveyId) -> Result<SurveyFile, AppError> {
    let s = organizer_survey(db, actor, id).await?;
    Ok(SurveyFile {
        format: super::types::FORMAT.to_owned(),
        title: s.title.clone(),
        intro: s.intro.clone(),
        one_per_participant: s.one_per_participant,
        ask_organisation: s.ask_organisation,
        sections: definition_of(&s)?.sections,
    })
}

/// A new draft survey from a shared file (public reach; a workshop survey's setting to answer
/// once per participant is kept for when a workshop is chosen).
///
/// # Errors
/// `Forbidden`, `NotFound` for the process, `Invalid` for a broken file.
pub async fn import(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
    file: &SurveyFile,
) -> Result<SurveyId, AppError> {
    actor.require_organizer()?;
    processes::Entity::find_by_id(process.0).one(db).await?.ok_or(AppError::NotFound)?;
    let def = Definition { sections: file.sections.clone() };
    def.check()?;
    let settings = Settings {
        title: file.title.trim().to_owned(),
        intro: file.intro.clone(),
        ask_organisation: file.ask_organisation,
        ..Settings::default()
    };
    insert_survey(db, process.0, &settings, None, &def, None).await
}

/// An evaluation survey from the shipped template, attached to these measures of the process.
///
/// # Errors
/// `Invalid` without measures or with one of another process.
pub async fn create_evaluation<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    process: ProcessId,
    measure_ids: &[Uuid],
) -> Result<SurveyId, AppError> {
    actor.require_organizer()?;
    let file = SurveyFile::read(EVALUATION_TEMPLATE.as_bytes())?;
    let found = checked_measures(db, process.0, measure_ids).await?;
    let txn = db.begin().await?;
    let settings = Settings {
        title: file.title.clone(),
        intro: file.intro.clone(),
        reach: Reach::Evaluation,
        ..Settings::default()
    };
    let id = insert_survey(&txn, process.0, &settings, None, &Definition { sections: file.sections }, None).await?;
    for m in found {
        survey_measures::ActiveModel { survey_id: Set(id.0), measure_id: Set(m) }.insert(&txn).await?;
    }
    txn.commit().await?;
    Ok(id)
}

async fn checked_measures(db: &impl ConnectionTrait, process: Uuid, ids: &[Uuid]) -> Result<Vec<Uuid>, AppError> {
    let ids: BTreeSet<Uuid> = ids.iter().copied().collect();
    if ids.is_empty() {
        return Err(AppError::invalid("measure", Msg::new("survey-measures-required")));
    }
    let found = measures::Entity::find()
        .filter(measures::Column::Id.is_in(ids.iter().copied()))
        .filter(measures::Column::ProcessId.eq(process))
        .filter(measures::Column::MergedInto.is_null())
        .all(db)
        .await?;
    if found.len() != ids.len() {
        return Err(AppError::invalid("measure", Msg::new("survey-measure-unknown")));
    }
    Ok(found.into_iter().map(|m| m.id).collect())
}

/// Sets the measures an evaluation survey is about (a measure with responses stays).
///
/// # Errors
/// `Invalid` for a survey that is no evaluation or unknown measures; `Conflict` for removing
/// a measure that has responses.
pub async fn set_measures<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    id: SurveyId,
    measure_ids: &[Uuid],
) -> Result<(), AppError> {
    let s = organizer_survey(db, actor, id).await?;
    if Reach::parse(&s.reach) != Some(Reach::Evaluation) {
        return Err(AppError::invalid("measure", Msg::new("survey-not-evaluation")));
    }
    let found = checked_measures(db, s.process_id, measure_ids).await?;
    let answered: Vec<Option<Uuid>> = survey_responses::Entity::find()
        .select_only()
        .column(survey_responses::Column::MeasureId)
        .filter(survey_responses::Column::SurveyId.eq(s.id))
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    if answered.iter().flatten().any(|m| !found.contains(m)) {
        return Err(AppError::Conflict(Msg::new("survey-measure-answered")));
    }
    let txn = db.begin().await?;
    survey_measures::Entity::delete_many().filter(survey_measures::Column::SurveyId.eq(s.id)).exec(&txn).await?;
    for m in found {
        survey_measures::ActiveModel { survey_id: Set(s.id), measure_id: Set(m) }.insert(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

async fn measures_of(db: &impl ConnectionTrait, survey: Uuid) -> Result<Vec<MeasureRef>, AppError> {
    let ids: Vec<Uuid> = survey_measures::Entity::find()
        .filter(survey_measures::Column::SurveyId.eq(survey))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.measure_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(measures::Entity::find()
        .filter(measures::Column::Id.is_in(ids))
        .filter(measures::Column::MergedInto.is_null())
        .order_by_asc(measures::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|m| MeasureRef { id: m.id, title: m.title })
        .collect())
}

/// The link participants open.
#[must_use]
pub fn link(public_url: &str, id: SurveyId) -> String {
    format!("{}/s/{id}", public_url.trim_end_matches('/'))
}

/// The organizer's page of a survey.
///
/// # Errors
/// `Forbidden`, `NotFound`.
pub async fn admin(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    public_url: &str,
) -> Result<SurveyAdmin, AppError> {
    let s = organizer_survey(db, actor, id).await?;
    let process = processes::Entity::find_by_id(s.process_id).one(db).await?.ok_or(AppError::NotFound)?;
    let counts = response_counts(db, vec![s.id]).await?;
    let (responses, partial) = counts.get(&s.id).copied().unwrap_or_default();
    let waves = surveys::Entity::find()
        .filter(surveys::Column::SeriesId.eq(s.series_id))
        .filter(surveys::Column::Id.ne(s.id))
        .order_by_asc(surveys::Column::Wave)
        .all(db)
        .await?
        .into_iter()
        .map(|w| (SurveyId(w.id), w.title, w.wave))
        .collect();
    let workshops = workshops_of(db, s.process_id).await?;
    let link = link(public_url, id);
    Ok(SurveyAdmin {
        id,
        process: ProcessId(s.process_id),
        process_name: process.name,
        settings: settings_of(&s),
        state: SurveyState::parse(&s.state),
        answerable: closed_reason(&s).is_none(),
        revision: s.revision,
        definition: definition_of(&s)?,
        responses,
        partial,
        answered: answered_questions(db, s.id).await?.into_iter().collect(),
        qr_svg: crate::workshops::service::qr_svg(&link),
        link,
        wave: s.wave,
        waves,
        workshops,
        measures: measures_of(db, s.id).await?,
        all_measures: process_measures(db, s.process_id).await?,
    })
}

/// The open surveys of a workshop, for its board and projector: (id, title).
///
/// # Errors
/// Database failures.
pub async fn open_for_workshop(
    db: &impl ConnectionTrait,
    workshop: WorkshopId,
) -> Result<Vec<(SurveyId, String)>, AppError> {
    Ok(surveys::Entity::find()
        .filter(surveys::Column::WorkshopId.eq(workshop.0))
        .filter(surveys::Column::Reach.eq(Reach::Workshop.as_str()))
        .order_by_asc(surveys::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .filter(|s| closed_reason(s).is_none())
        .map(|s| (SurveyId(s.id), s.title))
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Answering

/// Who answers: the resume key of this device's cookie, the workshop participant's token.
#[derive(Debug, Clone, Default)]
pub struct Visitor {
    pub resume_key: Option<String>,
    pub participant_token: Option<String>,
}

/// The join code of a workshop survey's workshop (its participant cookie is named after it).
///
/// # Errors
/// `NotFound` for an unknown survey.
pub async fn participant_code(db: &impl ConnectionTrait, id: SurveyId) -> Result<Option<String>, AppError> {
    let s = survey_of(db, id).await?;
    let Some(w) = s.workshop_id.filter(|_| Reach::parse(&s.reach) == Some(Reach::Workshop)) else { return Ok(None) };
    Ok(workshops::Entity::find_by_id(w).one(db).await?.map(|w| w.join_code))
}

/// The hash that stands for a participant in one survey (so one response per participant).
async fn respondent_of(
    db: &impl ConnectionTrait,
    s: &surveys::Model,
    visitor: &Visitor,
) -> Result<Option<String>, AppError> {
    if Reach::parse(&s.reach) != Some(Reach::Workshop) {
        return Ok(None);
    }
    let Some(w) = s.workshop_id else { return Err(AppError::NotFound) };
    let ws = workshops::Entity::find_by_id(w).one(db).await?.ok_or(AppError::NotFound)?;
    let participant = crate::participants::service::resolve(db, &ws.join_code, visitor.participant_token.as_deref())
        .await
        .map_err(|e| match e {
            AppError::Unauthenticated | AppError::Forbidden => {
                AppError::Conflict(Msg::new("survey-join-first").arg("code", &ws.join_code))
            }
            other => other,
        })?;
    if !s.one_per_participant {
        return Ok(Some(String::new()));
    }
    Ok(Some(hex::encode(Sha256::digest(format!("{}:{}", s.id, participant.record.id).as_bytes()))))
}

async fn response_of_key(
    db: &impl ConnectionTrait,
    survey: Uuid,
    key: &str,
) -> Result<Option<survey_responses::Model>, AppError> {
    if key.is_empty() || key.len() > 128 {
        return Ok(None);
    }
    Ok(survey_responses::Entity::find()
        .filter(survey_responses::Column::ResumeHash.eq(token_hash(key)))
        .one(db)
        .await?
        .filter(|r| r.survey_id == survey))
}

/// The start page of a survey.
///
/// # Errors
/// `NotFound` for an unknown survey or one still in draft.
pub async fn intro(
    db: &impl ConnectionTrait,
    id: SurveyId,
    visitor: &Visitor,
    measure: Option<Uuid>,
) -> Result<SurveyIntro, AppError> {
    let s = survey_of(db, id).await?;
    if SurveyState::parse(&s.state) == SurveyState::Draft {
        return Err(AppError::NotFound);
    }
    let def = definition_of(&s)?;
    let own = match &visitor.resume_key {
        Some(k) => response_of_key(db, s.id, k).await?,
        None => None,
    };
    let measures = measures_of(db, s.id).await?;
    Ok(SurveyIntro {
        id,
        title: s.title.clone(),
        intro: s.intro.clone(),
        answerable: closed_reason(&s).is_none(),
        closed_reason: closed_reason(&s),
        sections: def.sections.len(),
        questions: def.questions().count(),
        resume: own.as_ref().filter(|r| r.submitted_at.is_none()).and(visitor.resume_key.clone()),
        submitted: own.as_ref().is_some_and(|r| r.submitted_at.is_some()),
        ask_organisation: s.ask_organisation,
        measure: measure.filter(|m| measures.iter().any(|x| x.id == *m)),
        measures,
        results_public: s.results_public,
    })
}

/// Starts a response: returns its resume key (for the cookie and the link; only its hash is kept).
/// A participant of a survey answered once per participant who started before gets a fresh key
/// for the same response.
///
/// # Errors
/// `Conflict` for a closed survey, a sent response of this participant, a workshop survey without
/// joining; `Invalid` for an evaluation without its measure or bad organisation fields.
pub async fn start(
    db: &impl ConnectionTrait,
    id: SurveyId,
    visitor: &Visitor,
    measure: Option<Uuid>,
    respondent: &Respondent,
) -> Result<String, AppError> {
    let s = survey_of(db, id).await?;
    if let Some(reason) = closed_reason(&s) {
        return Err(AppError::Conflict(reason));
    }
    let measure = if Reach::parse(&s.reach) == Some(Reach::Evaluation) {
        let measures = measures_of(db, s.id).await?;
        match (measure, measures.as_slice()) {
            (Some(m), list) if list.iter().any(|x| x.id == m) => Some(m),
            (None, [only]) => Some(only.id),
            _ => return Err(AppError::invalid("measure", Msg::new("survey-measure-choose"))),
        }
    } else {
        None
    };
    let who = respondent_of(db, &s, visitor).await?.filter(|h| !h.is_empty());
    let key = random_token();
    let now = Utc::now();
    if let Some(hash) = &who {
        let earlier = survey_responses::Entity::find()
            .filter(survey_responses::Column::SurveyId.eq(s.id))
            .filter(survey_responses::Column::Respondent.eq(hash.clone()))
            .one(db)
            .await?;
        if let Some(r) = earlier {
            if r.submitted_at.is_some() {
                return Err(AppError::Conflict(Msg::new("survey-already-answered")));
            }
            let mut m: survey_responses::ActiveModel = r.into();
            m.resume_hash = Set(token_hash(&key));
            m.updated_at = Set(now);
            m.update(db).await?;
            return Ok(key);
        }
    }
    let mut count =
        survey_responses::Entity::find().filter(survey_responses::Column::SurveyId.eq(s.id)).count(db).await?;
    if count >= RESPONSES_MAX {
        // Unsent responses untouched for a week make room first.
        survey_responses::Entity::delete_many()
            .filter(survey_responses::Column::SurveyId.eq(s.id))
            .filter(survey_responses::Column::SubmittedAt.is_null())
            .filter(survey_responses::Column::UpdatedAt.lt(now - chrono::Duration::days(STALE_DAYS)))
            .exec(db)
            .await?;
        count = survey_responses::Entity::find().filter(survey_responses::Column::SurveyId.eq(s.id)).count(db).await?;
    }
    if count >= RESPONSES_MAX {
        return Err(AppError::Conflict(Msg::new("survey-full").arg("max", RESPONSES_MAX)));
    }
    let (organisation, org_type) = if s.ask_organisation {
        (respondent.organisation.clone(), respondent.org_type.map(|t| t.as_str().to_owned()))
    } else {
        (None, None)
    };
    survey_responses::ActiveModel {
        id: Set(Uuid::new_v4()),
        survey_id: Set(s.id),
        resume_hash: Set(token_hash(&key)),
        respondent: Set(who),
        measure_id: Set(measure),
        organisation: Set(organisation),
        org_type: Set(org_type),
        answers: Set("{}".to_owned()),
        page: Set(1),
        revision: Set(0),
        submitted_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(key)
}

fn review_of(def: &Definition, raw: &Raw) -> Vec<super::types::ReviewSection> {
    let i18n = crate::i18n::I18n { lang: Lang::default() };
    let given = answers::answers(def, raw, false);
    let mut earlier = BTreeMap::new();
    def.sections
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let rows = s
                .questions
                .iter()
                .filter_map(|q| {
                    if !answers::visible(q, &earlier, def) {
                        return None;
                    }
                    let text = given.get(&q.id).map(|a| answers::answer_text(i18n, q, a)).unwrap_or_default();
                    if let Some(a) = given.get(&q.id) {
                        earlier.insert(q.id.clone(), a.clone());
                    }
                    Some((q.id.clone(), q.text.clone(), text))
                })
                .collect();
            (s.title.clone(), n + 1, rows)
        })
        .collect()
}

/// One page of a response (`page` 1-based; one past the last section is the review).
///
/// # Errors
/// `NotFound` for an unknown survey or key.
pub async fn page(
    db: &impl ConnectionTrait,
    id: SurveyId,
    key: &str,
    page: Option<usize>,
) -> Result<AnswerPage, AppError> {
    let s = survey_of(db, id).await?;
    let r = response_of_key(db, s.id, key).await?.ok_or(AppError::NotFound)?;
    let def = definition_of(&s)?;
    let raw = raw_of(&r)?;
    let sections = def.sections.len();
    let page = page.unwrap_or_else(|| usize::try_from(r.page).unwrap_or(1)).clamp(1, sections + 1);
    let section = def.sections.get(page - 1).cloned();
    let given = answers::answers(&def, &raw, false);
    let (mut hidden, mut same_page) = (Vec::new(), Vec::new());
    if let Some(sec) = &section {
        for q in &sec.questions {
            let Some(c) = &q.condition else { continue };
            let on_this_page = sec.questions.iter().any(|x| x.id == c.question);
            if on_this_page {
                same_page.push((q.id.clone(), c.clone()));
            } else if !answers::meets(c, given.get(&c.question)) {
                hidden.push(q.id.clone());
            }
        }
    }
    let measure = match r.measure_id {
        Some(m) => measures::Entity::find_by_id(m).one(db).await?.map(|m| MeasureRef { id: m.id, title: m.title }),
        None => None,
    };
    // A sent response is not shown again: the key in a browser's history opens only the thanks.
    let sent = r.submitted_at.is_some();
    let (section, raw) = if sent { (None, Raw::new()) } else { (section, raw) };
    Ok(AnswerPage {
        survey: id,
        title: s.title.clone(),
        key: key.to_owned(),
        page,
        sections,
        review: if page > sections && !sent { review_of(&def, &raw) } else { Vec::new() },
        section,
        hidden,
        raw,
        submitted: r.submitted_at.is_some(),
        answerable: closed_reason(&s).is_none(),
        closed_reason: closed_reason(&s),
        same_page_conditions: same_page,
        ask_organisation: s.ask_organisation,
        respondent: Respondent {
            organisation: r.organisation.clone(),
            org_type: r.org_type.as_deref().and_then(|t| OrgType::ALL.into_iter().find(|o| o.as_str() == t)),
        },
        measure,
        results_public: s.results_public,
        resume_link: format!("/s/{id}/r/{key}"),
    })
}

/// Which page a step was taken on: its section's id (as the form posts it) or its number.
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    pub page: usize,
    pub section: Option<&'a str>,
}

impl At<'_> {
    /// The page by its number (the review page is one past the last section).
    #[must_use]
    pub fn page(page: usize) -> Self {
        Self { page, section: None }
    }
}

/// Saves what a page holds and goes on: back without checks; forward with the page's rules and
/// required questions; the last step with every shown question's. What was entered is saved also
/// when a rule breaks (the error names it), so nothing typed is lost. Returns the next page (0
/// when sent).
///
/// # Errors
/// `Invalid` with a message per question; `Conflict` for a closed survey or a sent response;
/// `NotFound` for an unknown key.
pub async fn step(
    db: &impl ConnectionTrait,
    id: SurveyId,
    key: &str,
    at: At<'_>,
    step: Step,
    posted: &Raw,
) -> Result<usize, AppError> {
    let s = survey_of(db, id).await?;
    let r = response_of_key(db, s.id, key).await?.ok_or(AppError::NotFound)?;
    if r.submitted_at.is_some() {
        return Err(AppError::Conflict(Msg::new("survey-already-sent")));
    }
    if let Some(reason) = closed_reason(&s) {
        return Err(AppError::Conflict(reason));
    }
    let def = definition_of(&s)?;
    let sections = def.sections.len();
    let mut raw = raw_of(&r)?;
    // The page is found by its section's id: a questionnaire reordered meanwhile does not put
    // these answers on another page.
    let page = match at.section {
        Some(sid) => def
            .sections
            .iter()
            .position(|x| x.id == sid)
            .map(|i| i + 1)
            .ok_or_else(|| AppError::Conflict(Msg::new("survey-questionnaire-changed")))?,
        None => at.page.clamp(1, sections + 1),
    };
    if let Some(section) = def.sections.get(page - 1) {
        let questions: Vec<&super::types::Question> = section.questions.iter().collect();
        let fields = answers::page_fields(&questions, posted)?;
        raw.retain(|k, _| !questions.iter().any(|q| answers::belongs(k, &q.id)));
        raw.extend(fields.into_iter().filter(|(_, v)| !v.trim().is_empty()));
    }
    let (next, errors) = match step {
        Step::Back => (page.saturating_sub(1).max(1), Vec::new()),
        Step::Goto(n) if n <= page => (n.clamp(1, sections + 1), Vec::new()),
        Step::Next | Step::Goto(_) => {
            let target = match step {
                Step::Goto(n) => n.clamp(1, sections + 1),
                _ => page + 1,
            };
            (target, answers::check(&def, &raw, Some(&[page - 1]), true))
        }
        Step::Submit => (0, answers::check(&def, &raw, None, true)),
    };
    let sent = step == Step::Submit && errors.is_empty();
    let stay = if errors.is_empty() { next } else { answers::section_of(&def, &errors).map_or(page, |s| s + 1) };
    let json = serde_json::to_string(&raw).map_err(|_| AppError::Internal)?;
    let now = Utc::now();
    let mut update = survey_responses::Entity::update_many()
        .col_expr(survey_responses::Column::Answers, Expr::value(json))
        .col_expr(survey_responses::Column::Revision, Expr::value(r.revision + 1))
        .col_expr(survey_responses::Column::Page, Expr::value(i32::try_from(stay.max(1)).unwrap_or(1)))
        .col_expr(survey_responses::Column::UpdatedAt, Expr::value(now));
    if sent {
        update = update.col_expr(survey_responses::Column::SubmittedAt, Expr::value(Some(now)));
    }
    // Written only over what was read: a second window's step in between is not overwritten.
    let done = update
        .filter(survey_responses::Column::Id.eq(r.id))
        .filter(survey_responses::Column::Revision.eq(r.revision))
        .filter(survey_responses::Column::SubmittedAt.is_null())
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        let now_sent =
            survey_responses::Entity::find_by_id(r.id).one(db).await?.is_some_and(|x| x.submitted_at.is_some());
        let key = if now_sent { "survey-already-sent" } else { "survey-saved-elsewhere" };
        return Err(AppError::Conflict(Msg::new(key)));
    }
    if errors.is_empty() { Ok(next) } else { Err(AppError::Invalid(errors)) }
}

// ---------------------------------------------------------------------------------------------
// Results

/// Which responses a results page counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    pub org_type: Option<OrgType>,
    pub measure: Option<Uuid>,
}

struct Loaded {
    survey: surveys::Model,
    def: Definition,
    sent: Vec<(survey_responses::Model, BTreeMap<String, Answer>)>,
    partial: u64,
}

async fn load(db: &impl ConnectionTrait, s: surveys::Model, filter: Filter) -> Result<Loaded, AppError> {
    let def = definition_of(&s)?;
    let mut q = survey_responses::Entity::find().filter(survey_responses::Column::SurveyId.eq(s.id));
    if let Some(t) = filter.org_type {
        q = q.filter(survey_responses::Column::OrgType.eq(t.as_str()));
    }
    if let Some(m) = filter.measure {
        q = q.filter(survey_responses::Column::MeasureId.eq(m));
    }
    let partial = q.clone().filter(survey_responses::Column::SubmittedAt.is_null()).count(db).await?;
    let rows = q
        .filter(survey_responses::Column::SubmittedAt.is_not_null())
        .order_by_asc(survey_responses::Column::SubmittedAt)
        .all(db)
        .await?;
    // Sent answers count as sent: a rule changed later (a lower limit, a required matrix) does
    // not drop them from the results.
    let sent = rows
        .into_iter()
        .map(|r| {
            let a = answers::answers(&def, &raw_of(&r)?, true);
            Ok((r, a))
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Loaded { survey: s, def, sent, partial })
}

async fn readable(db: &impl ConnectionTrait, actor: &Actor, id: SurveyId) -> Result<surveys::Model, AppError> {
    let s = survey_of(db, id).await?;
    if s.results_public && SurveyState::parse(&s.state) != SurveyState::Draft {
        return Ok(s);
    }
    actor.require_organizer()?;
    Ok(s)
}

/// The results of a survey: organizers always, everyone once they are public.
///
/// # Errors
/// `Unauthenticated`/`Forbidden` for results that are not public; `NotFound`.
pub async fn results(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
    filter: Filter,
    lang: Lang,
) -> Result<Results, AppError> {
    let s = readable(db, actor, id).await?;
    let process = processes::Entity::find_by_id(s.process_id).one(db).await?.ok_or(AppError::NotFound)?;
    let measures = measures_of(db, s.id).await?;
    let loaded = load(db, s, filter).await?;
    let questions = results::compute(&loaded.def, loaded.sent.iter().map(|(_, a)| a), &t(lang, "survey-other"));
    let s = &loaded.survey;
    let waves = if actor.require_organizer().is_ok() {
        surveys::Entity::find()
            .filter(surveys::Column::SeriesId.eq(s.series_id))
            .filter(surveys::Column::Id.ne(s.id))
            .order_by_asc(surveys::Column::Wave)
            .all(db)
            .await?
            .into_iter()
            .map(|w| (SurveyId(w.id), w.title))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Results {
        survey: id,
        title: s.title.clone(),
        process_name: process.name,
        responses: loaded.sent.len() as u64,
        partial: loaded.partial,
        org_type: filter.org_type,
        measure: filter.measure.and_then(|m| measures.iter().find(|x| x.id == m).cloned()),
        measures,
        ask_organisation: s.ask_organisation,
        questions,
        waves,
        public: s.results_public,
    })
}

/// Two waves of a series side by side.
///
/// # Errors
/// `Forbidden` for non-organizers; `Invalid` for surveys of different series.
pub async fn compare(
    db: &impl ConnectionTrait,
    actor: &Actor,
    a: SurveyId,
    b: SurveyId,
    lang: Lang,
) -> Result<Comparison, AppError> {
    actor.require_organizer()?;
    let (sa, sb) = (survey_of(db, a).await?, survey_of(db, b).await?);
    if sa.series_id != sb.series_id {
        return Err(AppError::invalid("with", Msg::new("survey-compare-series")));
    }
    let ra = results(db, actor, a, Filter::default(), lang).await?;
    let rb = results(db, actor, b, Filter::default(), lang).await?;
    Ok(results::compare(&ra, &rb))
}

/// The evaluation figures of measures: per measure the responses to its evaluation surveys and
/// their mean satisfaction (only surveys whose results are public unless an organizer asks).
///
/// # Errors
/// Database failures.
pub async fn evaluation_figures(
    db: &impl ConnectionTrait,
    actor: &Actor,
    measure_ids: &[Uuid],
) -> Result<HashMap<Uuid, EvaluationFigures>, AppError> {
    if measure_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let links = survey_measures::Entity::find()
        .filter(survey_measures::Column::MeasureId.is_in(measure_ids.iter().copied()))
        .all(db)
        .await?;
    let survey_ids: BTreeSet<Uuid> = links.iter().map(|l| l.survey_id).collect();
    if survey_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let organizer = actor.require_organizer().is_ok();
    // Oldest first: the newest survey with responses speaks for a measure.
    let list = surveys::Entity::find()
        .filter(surveys::Column::Id.is_in(survey_ids))
        .order_by_asc(surveys::Column::CreatedAt)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, EvaluationFigures> = HashMap::new();
    for s in list
        .into_iter()
        .filter(|s| organizer || (s.results_public && SurveyState::parse(&s.state) != SurveyState::Draft))
    {
        let loaded = load(db, s, Filter::default()).await?;
        let mut by_measure: HashMap<Uuid, Vec<&BTreeMap<String, Answer>>> = HashMap::new();
        for (r, a) in &loaded.sent {
            if let Some(m) = r.measure_id {
                by_measure.entry(m).or_default().push(a);
            }
        }
        for (m, list) in by_measure {
            if !measure_ids.contains(&m) {
                continue;
            }
            let e = out.entry(m).or_default();
            // The newest survey with responses speaks for the measure.
            e.survey = Some(SurveyId(loaded.survey.id));
            e.responses = list.len() as u64;
            e.satisfaction = results::satisfaction(&loaded.def, list.iter().copied());
        }
        for l in links.iter().filter(|l| l.survey_id == loaded.survey.id) {
            out.entry(l.measure_id).or_insert_with(|| EvaluationFigures {
                survey: Some(SurveyId(loaded.survey.id)),
                ..EvaluationFigures::default()
            });
        }
    }
    Ok(out)
}

/// The sent responses as CSV for German Excel.
///
/// # Errors
/// `Forbidden` for non-organizers.
pub async fn responses_csv(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: SurveyId,
) -> Result<(String, Vec<u8>), AppError> {
    let s = organizer_survey(db, actor, id).await?;
    let measures = measures_of(db, s.id).await?;
    let loaded = load(db, s, Filter::default()).await?;
    let rows: Vec<super::csv::Row> = loaded
        .sent
        .iter()
        .map(|(r, a)| super::csv::Row {
            submitted: r.submitted_at,
            measure: r.measure_id.and_then(|m| measures.iter().find(|x| x.id == m)).map(|m| m.title.clone()),
            organisation: r.organisation.clone(),
            org_type: r.org_type.as_deref().and_then(|t| OrgType::ALL.into_iter().find(|o| o.as_str() == t)),
            answers: a,
        })
        .collect();
    let reach = Reach::parse(&loaded.survey.reach).unwrap_or_default();
    let bytes = super::csv::write(&loaded.def, &rows, reach == Reach::Evaluation, loaded.survey.ask_organisation);
    Ok((loaded.survey.title.clone(), bytes))
}

/// The newest opened evaluation survey of a measure, with its results for this measure where the
/// caller may read them.
///
/// # Errors
/// Database failures.
pub async fn measure_evaluation(
    db: &impl ConnectionTrait,
    actor: &Actor,
    measure: Uuid,
    lang: Lang,
) -> Result<Option<results::MeasureEvaluation>, AppError> {
    let ids: Vec<Uuid> = survey_measures::Entity::find()
        .filter(survey_measures::Column::MeasureId.eq(measure))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.survey_id)
        .collect();
    if ids.is_empty() {
        return Ok(None);
    }
    let newest = surveys::Entity::find()
        .filter(surveys::Column::Id.is_in(ids))
        .filter(surveys::Column::State.ne(SurveyState::Draft.as_str()))
        .order_by_desc(surveys::Column::CreatedAt)
        .one(db)
        .await?;
    let Some(s) = newest else { return Ok(None) };
    let readable = s.results_public || actor.require_organizer().is_ok();
    let results = if readable {
        Some(results(db, actor, SurveyId(s.id), Filter { org_type: None, measure: Some(measure) }, lang).await?)
    } else {
        None
    };
    Ok(Some(results::MeasureEvaluation {
        survey: SurveyId(s.id),
        measure,
        answerable: closed_reason(&s).is_none(),
        results,
    }))
}
