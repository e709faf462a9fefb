//! Clustering steps in a workshop that is in state "clustering": create a cluster from cards,
//! add and remove cards, merge, split, dissolve, rename; undo and redo; history; suggestions.
//!
//! Every step is stored with the state of the clusters and cards it touches before and after,
//! so undo puts the "before" back and redo the "after". A step names the clustering version the
//! moderator saw: when another moderator was quicker, it is refused with a message and the
//! moderator sees the new state; no step ever deletes a proposal.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use leptos::prelude::*;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionSession, TransactionTrait, sea_query::Expr,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    components::ClusterList,
    similar::{self, Item},
    types::{ClusterId, ClusterText, ClusterView, Clustering, HistoryEntry, Suggestion},
};
use crate::{
    auth::types::Actor,
    error::{AppError, Msg},
    processes::types::ActionFieldId,
    server::{
        LiveHub,
        entities::{action_fields, cluster_members, cluster_steps, clusters, proposals, users, workshops},
        html::render_html,
        workshop_turn,
    },
    workshops::{
        service::{moderated, state_of},
        types::{LiveEvent, ProposalId, ProposalStatus, WorkshopId, WorkshopState, live_ids},
    },
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct ClusterRow {
    id: Uuid,
    field: Uuid,
    title: String,
    summary: String,
    alive: bool,
}

/// The state of some clusters and cards: what a step changes, before or after.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Snapshot {
    clusters: Vec<ClusterRow>,
    /// Card → its cluster (none: loose).
    members: Vec<(Uuid, Option<Uuid>)>,
}

/// The whole clustering of a workshop as loaded.
struct State {
    clusters: HashMap<Uuid, ClusterRow>,
    member_of: HashMap<Uuid, Uuid>,
    /// The workshop's proposals (not withdrawn) with their action field.
    fields: HashMap<Uuid, Uuid>,
    /// Creation order of the proposals, for stable lists.
    order: Vec<Uuid>,
}

impl State {
    fn cluster(&self, id: ClusterId) -> Result<&ClusterRow, AppError> {
        self.clusters.get(&id.0).filter(|c| c.alive).ok_or(AppError::NotFound)
    }

    fn members(&self, cluster: Uuid) -> Vec<Uuid> {
        self.order.iter().copied().filter(|p| self.member_of.get(p) == Some(&cluster)).collect()
    }

    /// The cards, all of this workshop.
    fn cards(&self, ids: &[ProposalId]) -> Result<Vec<Uuid>, AppError> {
        if ids.is_empty() {
            return Err(AppError::invalid("proposals", Msg::new("cluster-no-cards")));
        }
        let mut seen = HashSet::new();
        ids.iter()
            .filter(|p| seen.insert(p.0))
            .map(|p| if self.fields.contains_key(&p.0) { Ok(p.0) } else { Err(AppError::NotFound) })
            .collect()
    }

    /// Refuses cards of another action field unless the moderator confirmed them.
    fn check_field(&self, cards: &[Uuid], field: Uuid, confirmed: bool) -> Result<(), AppError> {
        if !confirmed && cards.iter().any(|c| self.fields.get(c) != Some(&field)) {
            return Err(AppError::Conflict(Msg::new("cluster-other-field")));
        }
        Ok(())
    }
}

async fn load(db: &impl ConnectionTrait, workshop: Uuid) -> Result<State, AppError> {
    let clusters = clusters::Entity::find()
        .filter(clusters::Column::WorkshopId.eq(workshop))
        .order_by_asc(clusters::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            (
                c.id,
                ClusterRow { id: c.id, field: c.action_field_id, title: c.title, summary: c.summary, alive: c.alive },
            )
        })
        .collect();
    let member_of = cluster_members::Entity::find()
        .filter(cluster_members::Column::WorkshopId.eq(workshop))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.proposal_id, m.cluster_id))
        .collect();
    let rows = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(workshop))
        .filter(proposals::Column::Status.ne(ProposalStatus::Withdrawn.as_str()))
        .order_by_asc(proposals::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(State {
        order: rows.iter().map(|p| p.id).collect(),
        fields: rows.into_iter().map(|p| (p.id, p.action_field_id)).collect(),
        clusters,
        member_of,
    })
}

/// A step's new state of clusters and cards; clusters it empties are dissolved with it.
#[derive(Default)]
struct Change {
    clusters: Vec<ClusterRow>,
    members: Vec<(Uuid, Option<Uuid>)>,
}

impl Change {
    fn finish(mut self, state: &State) -> Snapshot {
        let moved: HashMap<Uuid, Option<Uuid>> = self.members.iter().copied().collect();
        let touched: HashSet<Uuid> = moved.keys().filter_map(|p| state.member_of.get(p).copied()).collect();
        for cluster in touched {
            if self.clusters.iter().any(|c| c.id == cluster) {
                continue;
            }
            let stays = state.members(cluster).iter().any(|p| !moved.contains_key(p));
            let gains = moved.values().any(|to| *to == Some(cluster));
            if !stays
                && !gains
                && let Some(row) = state.clusters.get(&cluster)
            {
                self.clusters.push(ClusterRow { alive: false, ..row.clone() });
            }
        }
        Snapshot { clusters: self.clusters, members: self.members }
    }
}

fn before(state: &State, after: &Snapshot) -> Snapshot {
    Snapshot {
        clusters: after
            .clusters
            .iter()
            .map(|c| state.clusters.get(&c.id).cloned().unwrap_or_else(|| ClusterRow { alive: false, ..c.clone() }))
            .collect(),
        members: after.members.iter().map(|(p, _)| (*p, state.member_of.get(p).copied())).collect(),
    }
}

async fn apply(db: &impl ConnectionTrait, workshop: Uuid, snapshot: &Snapshot) -> Result<(), AppError> {
    for c in &snapshot.clusters {
        let exists = clusters::Entity::find_by_id(c.id).one(db).await?.is_some();
        if exists {
            clusters::Entity::update_many()
                .col_expr(clusters::Column::ActionFieldId, Expr::value(c.field))
                .col_expr(clusters::Column::Title, Expr::value(c.title.clone()))
                .col_expr(clusters::Column::Summary, Expr::value(c.summary.clone()))
                .col_expr(clusters::Column::Alive, Expr::value(c.alive))
                .filter(clusters::Column::Id.eq(c.id))
                .exec(db)
                .await?;
        } else {
            clusters::ActiveModel {
                id: Set(c.id),
                workshop_id: Set(workshop),
                action_field_id: Set(c.field),
                title: Set(c.title.clone()),
                summary: Set(c.summary.clone()),
                alive: Set(c.alive),
                created_at: Set(Utc::now()),
            }
            .insert(db)
            .await?;
        }
    }
    let cards: Vec<Uuid> = snapshot.members.iter().map(|(p, _)| *p).collect();
    cluster_members::Entity::delete_many().filter(cluster_members::Column::ProposalId.is_in(cards)).exec(db).await?;
    let rows: Vec<cluster_members::ActiveModel> = snapshot
        .members
        .iter()
        .filter_map(|(p, c)| {
            c.map(|c| cluster_members::ActiveModel {
                proposal_id: Set(*p),
                cluster_id: Set(c),
                workshop_id: Set(workshop),
            })
        })
        .collect();
    if !rows.is_empty() {
        cluster_members::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(())
}

/// The workshop, if the actor runs it and it is clustering, at the version the actor saw.
async fn open(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
) -> Result<workshops::Model, AppError> {
    let ws = moderated(db, actor, id).await?;
    if state_of(&ws) != WorkshopState::Clustering {
        return Err(AppError::Conflict(Msg::new("clustering-not-open")));
    }
    if ws.cluster_version != version {
        return Err(AppError::Conflict(Msg::new("clustering-changed")));
    }
    Ok(ws)
}

/// Moves the version on, or tells that another moderator was quicker.
async fn bump(db: &impl ConnectionTrait, ws: &workshops::Model) -> Result<(), AppError> {
    let result = workshops::Entity::update_many()
        .col_expr(workshops::Column::ClusterVersion, Expr::value(ws.cluster_version + 1))
        .filter(workshops::Column::Id.eq(ws.id))
        .filter(workshops::Column::ClusterVersion.eq(ws.cluster_version))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("clustering-changed")));
    }
    Ok(())
}

fn to_json(snapshot: &Snapshot) -> Result<String, AppError> {
    serde_json::to_string(snapshot).map_err(|e| {
        tracing::error!(error = %e, "clustering step not serialisable");
        AppError::Internal
    })
}

fn from_json(text: &str) -> Result<Snapshot, AppError> {
    serde_json::from_str(text).map_err(|e| {
        tracing::error!(error = %e, "stored clustering step unreadable");
        AppError::Internal
    })
}

/// Runs one step: checks, builds the change from the current state, stores and applies it.
async fn step<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    kind: &str,
    build: impl FnOnce(&State) -> Result<Change, AppError>,
) -> Result<Clustering, AppError> {
    let ws = open(db, actor, id, version).await?;
    let state = load(db, ws.id).await?;
    let after = build(&state)?.finish(&state);
    let before = before(&state, &after);
    let _turn = workshop_turn(db, live, ws.id).await;
    let txn = db.begin().await?;
    bump(&txn, &ws).await?;
    apply(&txn, ws.id, &after).await?;
    // A new step ends what could be redone.
    cluster_steps::Entity::update_many()
        .col_expr(cluster_steps::Column::State, Expr::value("dropped"))
        .filter(cluster_steps::Column::WorkshopId.eq(ws.id))
        .filter(cluster_steps::Column::State.eq("undone"))
        .exec(&txn)
        .await?;
    let last = cluster_steps::Entity::find()
        .filter(cluster_steps::Column::WorkshopId.eq(ws.id))
        .order_by_desc(cluster_steps::Column::Seq)
        .one(&txn)
        .await?
        .map_or(0, |s| s.seq);
    cluster_steps::ActiveModel {
        id: Set(Uuid::new_v4()),
        workshop_id: Set(ws.id),
        seq: Set(last + 1),
        kind: Set(kind.to_owned()),
        user_id: Set(actor.staff().map(|u| u.id.0)),
        before: Set(to_json(&before)?),
        after: Set(to_json(&after)?),
        state: Set("done".into()),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    announce(db, live, id).await
}

fn new_cluster(field: Uuid, text: &ClusterText) -> ClusterRow {
    ClusterRow { id: Uuid::new_v4(), field, title: text.title.clone(), summary: text.summary.clone(), alive: true }
}

/// A new cluster from selected cards (taken out of any cluster they were in). Its action field
/// is the first card's; cards of another field need `confirmed`.
///
/// # Errors
/// `Unauthenticated`/`Forbidden`, `NotFound` (cards of another workshop), `Conflict` (not
/// clustering, changed meanwhile, another field unconfirmed), `Invalid`.
#[expect(
    clippy::too_many_arguments,
    reason = "a clustering step: connection, hub, actor, workshop, version and its own inputs"
)]
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    cards: &[ProposalId],
    text: &ClusterText,
    confirmed: bool,
) -> Result<Clustering, AppError> {
    step(db, live, actor, id, version, "create", |state| {
        let cards = state.cards(cards)?;
        let field = state.fields[&cards[0]];
        state.check_field(&cards, field, confirmed)?;
        let cluster = new_cluster(field, text);
        let members = cards.iter().map(|c| (*c, Some(cluster.id))).collect();
        Ok(Change { clusters: vec![cluster], members })
    })
    .await
}

/// Adds cards to a cluster (moving them out of another).
///
/// # Errors
/// As [`create`].
#[expect(
    clippy::too_many_arguments,
    reason = "a clustering step: connection, hub, actor, workshop, version and its own inputs"
)]
pub async fn add<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    cluster: ClusterId,
    cards: &[ProposalId],
    confirmed: bool,
) -> Result<Clustering, AppError> {
    step(db, live, actor, id, version, "add", |state| {
        let target = state.cluster(cluster)?;
        let cards = state.cards(cards)?;
        state.check_field(&cards, target.field, confirmed)?;
        Ok(Change { clusters: Vec::new(), members: cards.iter().map(|c| (*c, Some(target.id))).collect() })
    })
    .await
}

/// Takes cards out of their clusters (back to the loose cards).
///
/// # Errors
/// As [`create`].
pub async fn remove<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    cards: &[ProposalId],
) -> Result<Clustering, AppError> {
    step(db, live, actor, id, version, "remove", |state| {
        let cards = state.cards(cards)?;
        Ok(Change { clusters: Vec::new(), members: cards.iter().map(|c| (*c, None)).collect() })
    })
    .await
}

/// Merges `from` into `into`: its cards move, `from` ends.
///
/// # Errors
/// As [`create`]; `Invalid` for a cluster merged with itself.
#[expect(
    clippy::too_many_arguments,
    reason = "a clustering step: connection, hub, actor, workshop, version and its own inputs"
)]
pub async fn merge<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    into: ClusterId,
    from: ClusterId,
    confirmed: bool,
) -> Result<Clustering, AppError> {
    step(db, live, actor, id, version, "merge", |state| {
        if into == from {
            return Err(AppError::invalid("from", Msg::new("cluster-merge-self")));
        }
        let target = state.cluster(into)?;
        let source = state.cluster(from)?;
        if source.field != target.field && !confirmed {
            return Err(AppError::Conflict(Msg::new("cluster-other-field")));
        }
        let members = state.members(source.id).into_iter().map(|c| (c, Some(target.id))).collect();
        Ok(Change { clusters: vec![ClusterRow { alive: false, ..source.clone() }], members })
    })
    .await
}

/// Splits cards of a cluster off into a new cluster of the same action field.
///
/// # Errors
/// As [`create`]; `Invalid` for cards not in the cluster.
#[expect(
    clippy::too_many_arguments,
    reason = "a clustering step: connection, hub, actor, workshop, version and its own inputs"
)]
pub async fn split<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    cluster: ClusterId,
    cards: &[ProposalId],
    text: &ClusterText,
) -> Result<Clustering, AppError> {
    step(db, live, actor, id, version, "split", |state| {
        let source = state.cluster(cluster)?;
        let cards = state.cards(cards)?;
        if cards.iter().any(|c| state.member_of.get(c) != Some(&source.id)) {
            return Err(AppError::invalid("proposals", Msg::new("cluster-split-members")));
        }
        let new = new_cluster(source.field, text);
        let members = cards.iter().map(|c| (*c, Some(new.id))).collect();
        Ok(Change { clusters: vec![new], members })
    })
    .await
}

/// Ends a cluster; its cards become loose again.
///
/// # Errors
/// As [`create`].
pub async fn dissolve<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    cluster: ClusterId,
) -> Result<Clustering, AppError> {
    step(db, live, actor, id, version, "dissolve", |state| {
        let source = state.cluster(cluster)?;
        let members = state.members(source.id).into_iter().map(|c| (c, None)).collect();
        Ok(Change { clusters: vec![ClusterRow { alive: false, ..source.clone() }], members })
    })
    .await
}

/// Gives a cluster its title and summary.
///
/// # Errors
/// As [`create`].
pub async fn rename<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    cluster: ClusterId,
    text: &ClusterText,
) -> Result<Clustering, AppError> {
    step(db, live, actor, id, version, "rename", |state| {
        let c = state.cluster(cluster)?;
        let row = ClusterRow { title: text.title.clone(), summary: text.summary.clone(), ..c.clone() };
        Ok(Change { clusters: vec![row], members: Vec::new() })
    })
    .await
}

/// Undoes the latest step that is not undone (`redo: false`) or redoes the earliest undone one.
///
/// # Errors
/// `Unauthenticated`/`Forbidden`, `NotFound`, `Conflict` (not clustering, changed meanwhile,
/// nothing to undo or redo).
pub async fn undo_redo<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: WorkshopId,
    version: i32,
    redo: bool,
) -> Result<Clustering, AppError> {
    let ws = open(db, actor, id, version).await?;
    let query = cluster_steps::Entity::find().filter(cluster_steps::Column::WorkshopId.eq(ws.id));
    let target = if redo {
        query.filter(cluster_steps::Column::State.eq("undone")).order_by_asc(cluster_steps::Column::Seq).one(db).await?
    } else {
        query.filter(cluster_steps::Column::State.eq("done")).order_by_desc(cluster_steps::Column::Seq).one(db).await?
    };
    let Some(target) = target else {
        let key = if redo { "clustering-nothing-to-redo" } else { "clustering-nothing-to-undo" };
        return Err(AppError::Conflict(Msg::new(key)));
    };
    let snapshot = from_json(if redo { &target.after } else { &target.before })?;
    let _turn = workshop_turn(db, live, ws.id).await;
    let txn = db.begin().await?;
    bump(&txn, &ws).await?;
    apply(&txn, ws.id, &snapshot).await?;
    cluster_steps::Entity::update_many()
        .col_expr(cluster_steps::Column::State, Expr::value(if redo { "done" } else { "undone" }))
        .filter(cluster_steps::Column::Id.eq(target.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    announce(db, live, id).await
}

/// Tells every board the clusters after a committed step, and returns the new clustering.
async fn announce(db: &impl ConnectionTrait, live: &LiveHub, id: WorkshopId) -> Result<Clustering, AppError> {
    let view = view_of(db, id.0).await?;
    // Participant pages get the cluster cards as a fragment, with the titles of their visible
    // proposals (read once, only when pages are open).
    let titles: HashMap<Uuid, String> = if !live.pages_watched(id.0) {
        HashMap::new()
    } else {
        let members: Vec<Uuid> = view.clusters.iter().flat_map(|c| c.members.iter().map(|m| m.0)).collect();
        proposals::Entity::find()
            .select_only()
            .columns([proposals::Column::Id, proposals::Column::Title])
            .filter(proposals::Column::Id.is_in(members))
            .filter(proposals::Column::Status.eq(ProposalStatus::Visible.as_str()))
            .into_tuple::<(Uuid, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    let cards: Vec<(ClusterView, Vec<String>)> = view
        .clusters
        .iter()
        .map(|c| (c.clone(), c.members.iter().filter_map(|m| titles.get(&m.0).cloned()).collect()))
        .collect();
    live.send(id.0, &LiveEvent::Clusters { clusters: view.clusters.clone() }, |lang| {
        let cards = cards.clone();
        let html = render_html(lang, move || view! { <ClusterList clusters=cards projector=false /> });
        serde_json::json!([["html", live_ids::CLUSTERS, html]]).to_string()
    });
    Ok(view)
}

async fn view_of(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Clustering, AppError> {
    let ws = workshops::Entity::find_by_id(workshop).one(db).await?.ok_or(AppError::NotFound)?;
    let state = load(db, workshop).await?;
    let clusters = views(&state);
    let in_cluster: HashSet<ProposalId> = clusters.iter().flat_map(|c| c.members.iter().copied()).collect();
    let steps = cluster_steps::Entity::find().filter(cluster_steps::Column::WorkshopId.eq(workshop)).all(db).await?;
    Ok(Clustering {
        version: ws.cluster_version,
        loose: state.order.iter().map(|p| ProposalId(*p)).filter(|p| !in_cluster.contains(p)).collect(),
        clusters,
        can_undo: steps.iter().any(|s| s.state == "done"),
        can_redo: steps.iter().any(|s| s.state == "undone"),
    })
}

/// The clusters of a workshop as every board shows them.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn clusters_of(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Vec<ClusterView>, AppError> {
    Ok(views(&load(db, workshop).await?))
}

/// The living clusters with their cards, by title.
fn views(state: &State) -> Vec<ClusterView> {
    let mut clusters: Vec<ClusterView> = state
        .clusters
        .values()
        .filter(|c| c.alive)
        .map(|c| ClusterView {
            id: ClusterId(c.id),
            action_field_id: ActionFieldId(c.field),
            title: c.title.clone(),
            summary: c.summary.clone(),
            members: state.members(c.id).into_iter().map(ProposalId).collect(),
        })
        .collect();
    clusters.sort_by_key(|c| c.title.to_lowercase());
    clusters
}

/// The clustering of a workshop, for its moderators.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn view(db: &impl ConnectionTrait, actor: &Actor, id: WorkshopId) -> Result<Clustering, AppError> {
    let ws = moderated(db, actor, id).await?;
    view_of(db, ws.id).await
}

/// Every step that touched a cluster, oldest first: what, who, when, undone or not.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn history(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: WorkshopId,
    cluster: ClusterId,
) -> Result<Vec<HistoryEntry>, AppError> {
    let ws = moderated(db, actor, id).await?;
    let steps = cluster_steps::Entity::find()
        .filter(cluster_steps::Column::WorkshopId.eq(ws.id))
        .order_by_asc(cluster_steps::Column::Seq)
        .all(db)
        .await?;
    // The staff who worked on this workshop's clusters, and nobody else.
    let staff: std::collections::HashSet<Uuid> = steps.iter().filter_map(|s| s.user_id).collect();
    let emails: HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(staff))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let mut entries = Vec::new();
    for s in steps {
        let (before, after) = (from_json(&s.before)?, from_json(&s.after)?);
        let touches = |snap: &Snapshot| {
            snap.clusters.iter().any(|c| c.id == cluster.0) || snap.members.iter().any(|(_, c)| *c == Some(cluster.0))
        };
        if touches(&before) || touches(&after) {
            entries.push(HistoryEntry {
                kind: s.kind,
                by: s.user_id.and_then(|u| emails.get(&u).cloned()),
                at: s.created_at,
                undone: s.state != "done",
            });
        }
    }
    Ok(entries)
}

/// The most cards (loose cards and clusters) suggestions compare: the comparison grows with the
/// square of the number.
pub const SUGGEST_CARDS_MAX: usize = 2_000;

/// The workshops whose suggestions are being computed now (one job per workshop at a time).
static SUGGESTING: std::sync::LazyLock<std::sync::Mutex<std::collections::HashSet<Uuid>>> =
    std::sync::LazyLock::new(Default::default);

/// Suggestion jobs of the whole process at once (each keeps a core busy).
static SUGGEST_JOBS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// A running suggestion job of one workshop; dropping it lets the next one start.
struct Suggesting(Uuid);

impl Suggesting {
    fn start(workshop: Uuid) -> Result<Self, AppError> {
        let mut running = SUGGESTING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if !running.insert(workshop) {
            return Err(AppError::Conflict(Msg::new("suggest-running")));
        }
        Ok(Self(workshop))
    }
}

impl Drop for Suggesting {
    fn drop(&mut self) {
        SUGGESTING.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(&self.0);
    }
}

/// Suggested groups of near-duplicate loose cards, and existing clusters for loose cards. Nothing
/// changes until the moderator accepts one (with [`create`] or [`add`]).
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`; `Conflict` while the workshop's
/// suggestions are being computed (`suggest-running`) or for more than [`SUGGEST_CARDS_MAX`]
/// cards (`suggest-too-many`).
pub async fn suggest(db: &impl ConnectionTrait, actor: &Actor, id: WorkshopId) -> Result<Vec<Suggestion>, AppError> {
    let ws = moderated(db, actor, id).await?;
    let _running = Suggesting::start(ws.id)?;
    let state = load(db, ws.id).await?;
    let rows: HashMap<Uuid, proposals::Model> = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(ws.id))
        .filter(proposals::Column::Status.eq(ProposalStatus::Visible.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let field_names: HashMap<Uuid, String> =
        action_fields::Entity::find().all(db).await?.into_iter().map(|f| (f.id, f.name)).collect();
    let field_name = |f: &Uuid| field_names.get(f).cloned().unwrap_or_default();
    // Loose cards, then one pseudo-card per cluster made of its title and its cards' titles.
    let loose: Vec<Uuid> =
        state.order.iter().copied().filter(|p| rows.contains_key(p) && !state.member_of.contains_key(p)).collect();
    let alive: Vec<&ClusterRow> = state.clusters.values().filter(|c| c.alive).collect();
    let mut items: Vec<Item> = loose
        .iter()
        .map(|p| Item {
            title: rows[p].title.clone(),
            text: rows[p].description.clone(),
            action_field: field_name(&rows[p].action_field_id),
        })
        .collect();
    for c in &alive {
        let titles: Vec<String> =
            state.members(c.id).iter().filter_map(|p| rows.get(p).map(|r| r.title.clone())).collect();
        items.push(Item { title: c.title.clone(), text: titles.join(". "), action_field: field_name(&c.field) });
    }
    if items.len() > SUGGEST_CARDS_MAX {
        return Err(AppError::Conflict(Msg::new("suggest-too-many").arg("max", SUGGEST_CARDS_MAX)));
    }
    let _job = SUGGEST_JOBS.acquire().await.map_err(|_| AppError::Internal)?;
    let labels = tokio::task::spawn_blocking(move || similar::cluster(&items, &similar::Params::default()))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "suggestions failed");
            AppError::Internal
        })?;
    let mut groups: HashMap<usize, (Vec<ProposalId>, Option<ClusterId>)> = HashMap::new();
    for (index, label) in labels.iter().enumerate() {
        let group = groups.entry(*label).or_default();
        match loose.get(index) {
            Some(p) => group.0.push(ProposalId(*p)),
            None => {
                if group.1.is_none() {
                    group.1 = alive.get(index - loose.len()).map(|c| ClusterId(c.id));
                }
            }
        }
    }
    let mut suggestions: Vec<Suggestion> = groups
        .into_values()
        .filter(|(cards, cluster)| cards.len() >= 2 || (cluster.is_some() && !cards.is_empty()))
        .map(|(proposals, cluster)| Suggestion { cluster, proposals })
        .collect();
    suggestions.sort_by_key(|s| std::cmp::Reverse(s.proposals.len()));
    Ok(suggestions)
}
