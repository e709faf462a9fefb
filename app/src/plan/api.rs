//! Server functions of the plan: the public plan and measure pages, the organizer's plan page,
//! promoting, editing, progress, notes, merging, publishing, adopting, comparing, and the
//! workshop documentation. Each asks who calls, then the service. The CSV and JSON downloads
//! and the CSV upload are plain routes (`plan::routes`).

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use super::types::{
    MeasureDetail, MeasureForm, MeasureId, PlanAdmin, PlanDiff, PlanFilter, PlanPage, PromoteDraft, VersionInfo,
    WorkshopDoc,
};
use crate::{error::AppError, processes::types::ProcessId, workshops::types::WorkshopId};
#[cfg(feature = "ssr")]
use crate::{
    plan::{
        doc, documentation, service,
        types::{AdoptionInput, NoteInput, Progress, SourceRef, ticked},
    },
    server::{self, respond},
};

/// Two versions compared, with what each is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub process: super::types::ProcessRef,
    pub old: Option<VersionInfo>,
    pub new: Option<VersionInfo>,
    pub diff: PlanDiff,
    pub versions: Vec<VersionInfo>,
}

#[server(input = GetUrl, endpoint = "plan/page")]
pub async fn get_plan_page(process: ProcessId, #[server(flatten)] filter: PlanFilter) -> Result<PlanPage, AppError> {
    let actor = crate::auth::actor().await?;
    respond(doc::page(&server::db()?, &actor, process, &filter).await)
}

#[server(input = GetUrl, endpoint = "plan/measure")]
pub async fn get_measure(id: MeasureId) -> Result<MeasureDetail, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::detail(&server::db()?, &actor, id).await)
}

#[server(input = GetUrl, endpoint = "plan/admin")]
pub async fn get_plan_admin(process: ProcessId) -> Result<PlanAdmin, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::admin(&server::db()?, &actor, process).await)
}

#[cfg(feature = "ssr")]
fn source_of(workshop: &str, cluster: &str, proposal: &str) -> Result<Option<SourceRef>, AppError> {
    let id = |v: &str| -> Result<Option<uuid::Uuid>, AppError> {
        if v.trim().is_empty() {
            Ok(None)
        } else {
            uuid::Uuid::parse_str(v.trim()).map(Some).map_err(|_| AppError::NotFound)
        }
    };
    Ok(id(workshop)?.map(|workshop| SourceRef {
        workshop,
        cluster: id(cluster).ok().flatten(),
        proposal: id(proposal).ok().flatten(),
    }))
}

#[server(input = GetUrl, endpoint = "plan/promote")]
pub async fn get_promote_draft(
    process: ProcessId,
    #[server(default)] workshop: String,
    #[server(default)] cluster: String,
    #[server(default)] proposal: String,
) -> Result<PromoteDraft, AppError> {
    let actor = crate::auth::actor().await?;
    let result = async {
        let source = source_of(&workshop, &cluster, &proposal)?;
        service::promote_draft(&server::db()?, &actor, process, source).await
    };
    respond(result.await)
}

/// Creates a measure (from a source when one is named) and opens its page.
#[server(endpoint = "plan/create")]
pub async fn create_measure(
    process: ProcessId,
    #[server(flatten)] form: MeasureForm,
    #[server(default)] workshop: String,
    #[server(default)] cluster: String,
    #[server(default)] proposal: String,
    #[server(default)] again: Option<String>,
) -> Result<MeasureId, AppError> {
    let actor = crate::auth::organizer().await?;
    let result = async {
        let source = source_of(&workshop, &cluster, &proposal)?;
        service::create(&server::db()?, &actor, process, &form, source, again.is_some()).await
    };
    let id = respond(result.await)?;
    leptos_axum::redirect(&format!("/staff/measures/{id}"));
    Ok(id)
}

#[server(endpoint = "plan/update")]
pub async fn update_measure(id: MeasureId, #[server(flatten)] form: MeasureForm) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::update(&server::db()?, &actor, id, &form).await)
}

#[server(endpoint = "plan/progress")]
pub async fn set_measure_progress(
    id: MeasureId,
    status: String,
    #[server(default)] progress: String,
) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let result =
        async { service::set_progress(&server::db()?, &actor, id, Progress::parse(&status, &progress)?).await };
    respond(result.await)
}

/// The responsible staff: `staff[g<id>]=on`.
#[server(endpoint = "plan/staff")]
pub async fn set_measure_staff(
    id: MeasureId,
    #[server(default)] staff: BTreeMap<String, String>,
) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::set_staff(&server::db()?, &actor, id, &ticked(&staff)).await)
}

#[server(endpoint = "plan/note")]
pub async fn add_measure_note(
    id: MeasureId,
    #[server(default)] kind: String,
    #[server(default)] on: String,
    #[server(default)] text: String,
    #[server(default)] done: Option<String>,
) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let result = async {
        let note = NoteInput::parse(&kind, &on, &text, done.is_some())?;
        service::add_note(&server::db()?, &actor, id, &note).await
    };
    respond(result.await)
}

/// Merges this measure into another and opens that one.
#[server(endpoint = "plan/merge")]
pub async fn merge_measure(id: MeasureId, into: String) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let into =
        MeasureId::parse(&into).map_err(|_| AppError::invalid("into", crate::error::Msg::new("measure-merge-choose")));
    let into = respond(into)?;
    respond(service::merge(&server::db()?, &actor, id, into).await)?;
    leptos_axum::redirect(&format!("/staff/measures/{into}"));
    Ok(())
}

#[server(endpoint = "plan/draft-public")]
pub async fn set_plan_draft_public(process: ProcessId, public: bool) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::set_draft_public(&server::db()?, &actor, process, public).await)
}

#[server(endpoint = "plan/adopt")]
pub async fn adopt_plan(
    process: ProcessId,
    adopted_on: String,
    #[server(default)] note: String,
) -> Result<i32, AppError> {
    let actor = crate::auth::organizer().await?;
    let result = async {
        let input = AdoptionInput::parse(&adopted_on, &note)?;
        service::adopt(&server::db()?, &actor, process, &input).await
    };
    respond(result.await)
}

#[server(input = GetUrl, endpoint = "plan/compare")]
pub async fn compare_plan(process: ProcessId, a: String, b: String) -> Result<Comparison, AppError> {
    let actor = crate::auth::actor().await?;
    let db = server::db()?;
    let (old, new, diff) = respond(doc::compare(&db, &actor, process, &a, &b).await)?;
    let versions = respond(doc::versions(&db, process.0).await)?;
    Ok(Comparison { process: new.process, old: old.version, new: new.version, diff, versions })
}

#[server(input = GetUrl, endpoint = "plan/workshop-doc")]
pub async fn get_workshop_doc(workshop: WorkshopId) -> Result<WorkshopDoc, AppError> {
    let actor = crate::auth::actor().await?;
    respond(documentation::workshop_doc(&server::db()?, &actor, workshop).await)
}
