//! Publishing a committed change of a proposal: the data event for the staff views, and for the
//! participant pages the card as an HTML fragment, rendered with the card component itself,
//! once per language in use, with the new counts.
//!
//! A fragment operation is a JSON array: `["put", id, html, list id, created ms]` inserts or
//! replaces a card, `["del", id]` removes one, `["text", id, text]` sets a count,
//! `["hide", id, bool]` shows or hides an element (`live.js` applies them).

use std::collections::HashMap;

use leptos::prelude::*;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde_json::{Value, json};
use uuid::Uuid;

use super::components::{BoardItem, field_count};
use crate::{
    error::AppError,
    i18n::{I18n, Lang},
    processes::types::ActionFieldId,
    server::{
        LiveHub,
        entities::{proposals, workshops},
        html::render_html,
    },
    workshops::service::scope,
    workshops::{
        live::BoardMode,
        types::{BoardProposal, LiveEvent, ProposalId, ProposalStatus, live_ids},
    },
};

/// What the fragments need besides the proposal: read once, shared by all languages.
pub(crate) struct Extra {
    code: String,
    /// The workshop's action fields (a card may have moved from one to another).
    fields: Vec<Uuid>,
    /// Visible proposals per action field.
    counts: HashMap<Uuid, usize>,
    /// The one action field whose count changed (a new card), if only one did.
    only: Option<Uuid>,
}

impl Extra {
    /// For a new card in `field`: the other fields' counts stay as they are, so the fragments
    /// leave them out (at 5,000 boards every byte of a change is sent 5,000 times).
    pub(crate) fn new_card_in(self, field: Uuid) -> Self {
        Self { only: Some(field), ..self }
    }
}

pub(crate) async fn extra(db: &impl ConnectionTrait, workshop: &workshops::Model) -> Result<Extra, AppError> {
    let code = workshop.join_code.clone();
    // Counted in the database: one small row per action field, however many proposals.
    let counts: Vec<(Uuid, i64)> = proposals::Entity::find()
        .select_only()
        .column(proposals::Column::ActionFieldId)
        .column_as(proposals::Column::Id.count(), "n")
        .filter(proposals::Column::WorkshopId.eq(workshop.id))
        .filter(proposals::Column::Status.eq(ProposalStatus::Visible.as_str()))
        .group_by(proposals::Column::ActionFieldId)
        .into_tuple()
        .all(db)
        .await?;
    let counts = counts.into_iter().map(|(f, n)| (f, usize::try_from(n).unwrap_or(0))).collect();
    Ok(Extra { code, fields: scope(db, workshop.id).await?, counts, only: None })
}

/// The total and every action field's count (a card may have left another field), or only the
/// one field that changed.
fn count_ops(lang: Lang, extra: &Extra) -> Vec<Value> {
    let i18n = I18n { lang };
    let total: usize = extra.counts.values().sum();
    let mut ops =
        vec![json!(["text", live_ids::PROPOSAL_COUNT, i18n.ta("board-count", &[("count", total.to_string())])])];
    for field in extra.fields.iter().filter(|f| extra.only.is_none_or(|only| only == **f)) {
        let n = extra.counts.get(field).copied().unwrap_or(0);
        let field = ActionFieldId(*field);
        ops.push(json!(["text", live_ids::count(field), field_count(n)]));
        ops.push(json!(["hide", live_ids::empty(field), n > 0]));
    }
    ops
}

/// The card as everybody but its author sees it (the author's page reloads its snapshot).
fn card(lang: Lang, proposal: &BoardProposal, code: &str) -> String {
    let (proposal, code) = (BoardProposal { mine: false, reports: 0, ..proposal.clone() }, code.to_owned());
    render_html(lang, move || view! { <BoardItem proposal=proposal mode=BoardMode::Participant code=code /> })
}

fn page_ops(lang: Lang, extra: &Extra, proposal: &BoardProposal) -> String {
    let id = live_ids::item(proposal.id);
    let mut ops = vec![if proposal.status == ProposalStatus::Visible {
        json!([
            "put",
            id,
            card(lang, proposal, &extra.code),
            live_ids::list(proposal.action_field_id),
            proposal.created_at.timestamp_millis()
        ])
    } else {
        json!(["del", id])
    }];
    ops.extend(count_ops(lang, extra));
    Value::Array(ops).to_string()
}

/// Loads what the fragments need, if any participant page is open (else `None`: nothing to
/// render). A failure is logged; the pages then reload their snapshot.
async fn extra_if_watched(db: &impl ConnectionTrait, hub: &LiveHub, workshop: &workshops::Model) -> Option<Extra> {
    if !hub.pages_watched(workshop.id) {
        return None;
    }
    extra(db, workshop).await.inspect_err(|e| tracing::warn!(error = %e, "live fragments not rendered")).ok()
}

/// A proposal is new or changed: every board shows it as it is now.
pub async fn publish_card(
    db: &impl ConnectionTrait,
    hub: &LiveHub,
    workshop: &workshops::Model,
    proposal: &BoardProposal,
) {
    let extra = extra_if_watched(db, hub, workshop).await;
    send_card(hub, workshop.id, proposal, extra.as_ref());
}

/// Sends a new or changed card with what the fragments need, read before (in the transaction
/// that wrote it, for a grouped write); `None`: the pages reload their snapshot.
pub(crate) fn send_card(hub: &LiveHub, workshop: Uuid, proposal: &BoardProposal, extra: Option<&Extra>) {
    let event = LiveEvent::Upsert { proposal: Box::new(proposal.clone()) };
    hub.send(workshop, &event, |lang| {
        extra.map_or_else(|| r#"[["reload"]]"#.to_owned(), |x| page_ops(lang, x, proposal))
    });
}

/// A proposal was hidden or withdrawn: it leaves every board (its author's page reloads).
pub async fn publish_removal(
    db: &impl ConnectionTrait,
    hub: &LiveHub,
    workshop: &workshops::Model,
    id: ProposalId,
    field: ActionFieldId,
) {
    let extra = extra_if_watched(db, hub, workshop).await;
    hub.send(workshop.id, &LiveEvent::Remove { id, field }, |lang| match &extra {
        Some(x) => {
            let mut ops = vec![json!(["del", live_ids::item(id)])];
            ops.extend(count_ops(lang, x));
            Value::Array(ops).to_string()
        }
        None => r#"[["reload"]]"#.to_owned(),
    });
}
