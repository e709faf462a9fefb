//! Publishing a board change after its transaction committed: one data frame for the hydrated
//! staff views, and for the participant pages the HTML fragments of the change, rendered with
//! the board's own components once per language that has pages open.
//!
//! A fragment operation is a JSON array: `["put", id, html, list id, created ms]` inserts or
//! replaces a card, `["del", id]` removes one, `["text", id, text]` sets a count,
//! `["hide", id, bool]` shows or hides an element, `["html", id, html]` replaces an element's
//! content, `["reload"]` makes the page load its snapshot again (a change of state).

use std::collections::HashMap;

use leptos::prelude::*;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde_json::{Value, json};
use uuid::Uuid;

use super::view::{BoardItem, BoardMode, ClusterList, field_count, ids};
use crate::{
    clustering::types::ClusterView,
    error::AppError,
    i18n::{I18n, Lang},
    processes::types::ActionFieldId,
    server::{
        entities::{proposals, workshops},
        live::{Change, LiveHub},
    },
    workshops::types::{BoardProposal, LiveEvent, ProposalStatus, WorkshopId},
};

/// Renders a view to HTML as a page that never hydrates shows it, in one language.
pub fn render_html<V: IntoView + 'static>(lang: Lang, view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(I18n { lang });
        view().into_view().to_html()
    });
    crate::server::strip_hydration_marks(&html)
}

/// What the fragments of a change need besides the event: read once, shared by all languages.
#[derive(Default)]
struct Extra {
    code: String,
    /// Visible proposals per action field.
    counts: HashMap<Uuid, usize>,
    /// Titles of the visible proposals (for the cluster cards).
    titles: HashMap<Uuid, String>,
}

async fn extra(db: &impl ConnectionTrait, workshop: WorkshopId, event: &LiveEvent) -> Result<Extra, AppError> {
    let code = workshops::Entity::find_by_id(workshop.0)
        .select_only()
        .column(workshops::Column::JoinCode)
        .into_tuple::<String>()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut extra = Extra { code, ..Extra::default() };
    match event {
        // Counted in the database: one small row per action field, however many proposals.
        LiveEvent::Upsert { .. } | LiveEvent::Remove { .. } => {
            let counts: Vec<(Uuid, i64)> = proposals::Entity::find()
                .select_only()
                .column(proposals::Column::ActionFieldId)
                .column_as(proposals::Column::Id.count(), "n")
                .filter(proposals::Column::WorkshopId.eq(workshop.0))
                .filter(proposals::Column::Status.eq(ProposalStatus::Visible.as_str()))
                .group_by(proposals::Column::ActionFieldId)
                .into_tuple()
                .all(db)
                .await?;
            extra.counts = counts.into_iter().map(|(f, n)| (f, usize::try_from(n).unwrap_or(0))).collect();
        }
        LiveEvent::Clusters { clusters } => {
            let members: Vec<Uuid> = clusters.iter().flat_map(|c| c.members.iter().map(|m| m.0)).collect();
            let titles: Vec<(Uuid, String)> = proposals::Entity::find()
                .select_only()
                .columns([proposals::Column::Id, proposals::Column::Title])
                .filter(proposals::Column::Id.is_in(members))
                .filter(proposals::Column::Status.eq(ProposalStatus::Visible.as_str()))
                .into_tuple()
                .all(db)
                .await?;
            extra.titles = titles.into_iter().collect();
        }
        LiveEvent::Participants { .. } | LiveEvent::State { .. } => {}
    }
    Ok(extra)
}

fn count_ops(i18n: I18n, extra: &Extra, fields: &[Uuid]) -> Vec<Value> {
    let total: usize = extra.counts.values().sum();
    let mut ops = vec![json!(["text", ids::PROPOSAL_COUNT, i18n.ta("board-count", &[("count", total.to_string())])])];
    for field in fields {
        let n = extra.counts.get(field).copied().unwrap_or(0);
        let field = ActionFieldId(*field);
        ops.push(json!(["text", ids::count(field), field_count(n)]));
        ops.push(json!(["hide", ids::empty(field), n > 0]));
    }
    ops
}

fn card(lang: Lang, proposal: &BoardProposal, code: &str) -> String {
    let (proposal, code) = (BoardProposal { mine: false, reports: 0, ..proposal.clone() }, code.to_owned());
    render_html(lang, move || view! { <BoardItem proposal=proposal mode=BoardMode::Participant code=code /> })
}

/// The fragment operations of one change in one language.
fn page_ops(lang: Lang, extra: &Extra, event: &LiveEvent) -> Value {
    let i18n = I18n { lang };
    let ops: Vec<Value> = match event {
        LiveEvent::Upsert { proposal } => {
            let id = ids::item(proposal.id);
            let mut ops = vec![if proposal.status == ProposalStatus::Visible {
                json!([
                    "put",
                    id,
                    card(lang, proposal, &extra.code),
                    ids::list(proposal.action_field_id),
                    proposal.created_at.timestamp_millis()
                ])
            } else {
                json!(["del", id])
            }];
            ops.extend(count_ops(i18n, extra, &[proposal.action_field_id.0]));
            ops
        }
        LiveEvent::Remove { id, field } => {
            let mut ops = vec![json!(["del", ids::item(*id)])];
            ops.extend(count_ops(i18n, extra, &[field.0]));
            ops
        }
        LiveEvent::Participants { count } => {
            vec![json!([
                "text",
                ids::PARTICIPANT_COUNT,
                i18n.ta("board-participants", &[("count", count.to_string())])
            ])]
        }
        LiveEvent::State { .. } => vec![json!(["reload"])],
        LiveEvent::Clusters { clusters } => {
            let clusters: Vec<(ClusterView, Vec<String>)> = clusters
                .iter()
                .map(|c| (c.clone(), c.members.iter().filter_map(|m| extra.titles.get(&m.0).cloned()).collect()))
                .collect();
            let html = render_html(lang, move || view! { <ClusterList clusters=clusters projector=false /> });
            vec![json!(["html", ids::CLUSTERS, html])]
        }
    };
    Value::Array(ops)
}

/// Sends a committed change to every open board of the workshop.
pub async fn publish(db: &impl ConnectionTrait, hub: &LiveHub, workshop: WorkshopId, event: &LiveEvent) {
    let data = match serde_json::to_string(event) {
        Ok(json) => json,
        Err(e) => {
            tracing::error!(error = %e, "live event not serialisable");
            return;
        }
    };
    let languages = hub.page_languages(workshop.0);
    let mut pages = Vec::new();
    if !languages.is_empty() {
        match extra(db, workshop, event).await {
            Ok(extra) => {
                for lang in languages {
                    pages.push((lang, page_ops(lang, &extra, event).to_string()));
                }
            }
            // The pages reload their snapshot instead.
            Err(e) => tracing::warn!(error = %e, "live fragments not rendered"),
        }
    }
    hub.publish(workshop.0, &Change { data: &data, pages });
}
