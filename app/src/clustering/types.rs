//! Clusters as the moderator's view and the boards see them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{error::AppError, validate::Form, workshops::types::ProposalId};

pub use crate::workshops::types::{ClusterId, ClusterView};

pub const CLUSTER_TITLE_MAX: usize = 120;
pub const CLUSTER_SUMMARY_MAX: usize = 1_000;
/// Clustering steps that can be undone, counted back from the latest.
pub const UNDO_DEPTH: usize = 50;

/// The clustering of a workshop: its clusters and the proposals in none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clustering {
    /// Changes with every step; a step names the version it was made on.
    pub version: i32,
    pub clusters: Vec<ClusterView>,
    pub loose: Vec<ProposalId>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// One step in the history of a cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub kind: String,
    pub by: Option<String>,
    pub at: DateTime<Utc>,
    pub undone: bool,
}

/// A proposed group: new (no cluster) or cards to add to an existing cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub cluster: Option<ClusterId>,
    pub proposals: Vec<ProposalId>,
}

/// A cluster's title and summary, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterText {
    pub title: String,
    pub summary: String,
}

impl ClusterText {
    /// # Errors
    /// `Invalid` naming each field outside its limits.
    pub fn parse(title: &str, summary: &str) -> Result<Self, AppError> {
        let mut form = Form::new();
        let text = Self {
            title: form.text("title", title, 1, CLUSTER_TITLE_MAX),
            summary: form.text("summary", summary, 0, CLUSTER_SUMMARY_MAX),
        };
        form.finish().map(|()| text)
    }
}
