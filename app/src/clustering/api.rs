//! Server functions of clustering. The moderator's page calls them with JSON; every mutation
//! names the clustering version it was made on and answers with the new clustering.

use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};
use serde::{Deserialize, Serialize};

use super::types::{ClusterId, Clustering, HistoryEntry, Suggestion};
#[cfg(feature = "ssr")]
use crate::{
    clustering::{service, types::ClusterText},
    server::{self, respond},
};
use crate::{
    error::AppError,
    workshops::types::{BoardProposal, ProposalId, WorkshopId, WorkshopInfo},
};

/// Everything the clustering page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusteringPage {
    pub info: WorkshopInfo,
    pub clustering: Clustering,
    pub proposals: Vec<BoardProposal>,
    pub participants: u64,
}

impl ClusteringPage {
    /// The page's cards and clusters as the live board state holds them.
    #[must_use]
    pub fn into_board(self) -> crate::workshops::types::Board {
        crate::workshops::types::Board {
            info: self.info,
            viewer: crate::workshops::types::Viewer::Moderator,
            participants: self.participants,
            proposals: self.proposals,
            clusters: self.clustering.clusters,
            version: String::new(),
        }
    }
}

/// One clustering step, as the page sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Create { proposals: Vec<ProposalId>, title: String, summary: String, confirmed: bool },
    Add { cluster: ClusterId, proposals: Vec<ProposalId>, confirmed: bool },
    Remove { proposals: Vec<ProposalId> },
    Merge { into: ClusterId, from: ClusterId, confirmed: bool },
    Split { cluster: ClusterId, proposals: Vec<ProposalId>, title: String },
    Dissolve { cluster: ClusterId },
    Rename { cluster: ClusterId, title: String, summary: String },
    Undo,
    Redo,
}

impl Step {
    /// The same step, confirmed for cards of another action field.
    #[must_use]
    pub fn confirmed(self) -> Self {
        match self {
            Self::Create { proposals, title, summary, .. } => {
                Self::Create { proposals, title, summary, confirmed: true }
            }
            Self::Add { cluster, proposals, .. } => Self::Add { cluster, proposals, confirmed: true },
            Self::Merge { into, from, .. } => Self::Merge { into, from, confirmed: true },
            other => other,
        }
    }
}

#[server(input = GetUrl)]
pub async fn get_clustering_page(id: WorkshopId) -> Result<ClusteringPage, AppError> {
    let actor = crate::auth::actor().await?;
    let db = server::db()?;
    let result = async {
        let clustering = service::view(&db, &actor, id).await?;
        let ws = crate::workshops::service::moderated(&db, &actor, id).await?;
        let info = crate::workshops::service::info(&db, &ws).await?;
        let (proposals, participants) =
            crate::proposals::service::visible_to(&db, ws.id, crate::workshops::types::Viewer::Moderator, None).await?;
        Ok(ClusteringPage { info, clustering, proposals, participants })
    }
    .await;
    respond(result)
}

/// Runs one clustering step on the version the moderator saw.
#[server(input = Json)]
pub async fn clustering_step(workshop: WorkshopId, version: i32, step: Step) -> Result<Clustering, AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    let (db, live) = (&state.db, &*state.live);
    let (a, w, v) = (&actor, workshop, version);
    let result = match step {
        Step::Create { proposals, title, summary, confirmed } => match ClusterText::parse(&title, &summary) {
            Ok(text) => service::create(db, live, a, w, v, &proposals, &text, confirmed).await,
            Err(e) => Err(e),
        },
        Step::Add { cluster, proposals, confirmed } => {
            service::add(db, live, a, w, v, cluster, &proposals, confirmed).await
        }
        Step::Remove { proposals } => service::remove(db, live, a, w, v, &proposals).await,
        Step::Merge { into, from, confirmed } => service::merge(db, live, a, w, v, into, from, confirmed).await,
        Step::Split { cluster, proposals, title } => match ClusterText::parse(&title, "") {
            Ok(text) => service::split(db, live, a, w, v, cluster, &proposals, &text).await,
            Err(e) => Err(e),
        },
        Step::Dissolve { cluster } => service::dissolve(db, live, a, w, v, cluster).await,
        Step::Rename { cluster, title, summary } => match ClusterText::parse(&title, &summary) {
            Ok(text) => service::rename(db, live, a, w, v, cluster, &text).await,
            Err(e) => Err(e),
        },
        Step::Undo => service::undo_redo(db, live, a, w, v, false).await,
        Step::Redo => service::undo_redo(db, live, a, w, v, true).await,
    };
    respond(result)
}

#[server(input = GetUrl)]
pub async fn get_cluster_history(workshop: WorkshopId, cluster: ClusterId) -> Result<Vec<HistoryEntry>, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::history(&server::db()?, &actor, workshop, cluster).await)
}

#[server(input = GetUrl)]
pub async fn get_suggestions(workshop: WorkshopId) -> Result<Vec<Suggestion>, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::suggest(&server::db()?, &actor, workshop).await)
}
