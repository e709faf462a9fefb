//! What became of proposals in the plan: read through the plan's tables (entities only), so the
//! participant's and the moderator's proposal pages can say "aufgenommen in Maßnahme …".

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    error::AppError,
    server::entities::{cluster_members, measure_sources, measures, plan_versions, plans, processes, workshops},
    workshops::types::{Fate, MeasureRef},
};

/// Who asks: staff see the draft's measures; participants only what the public plan shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Staff,
    Public,
}

/// The measures a visitor may see (`None`: all of them, the draft is public) and whether the
/// plan has been decided on (an adopted version or a public draft).
async fn public_measures(db: &impl ConnectionTrait, process: Uuid) -> Result<(Option<Vec<Uuid>>, bool), AppError> {
    let published = processes::Entity::find_by_id(process).one(db).await?.is_some_and(|p| p.published);
    if !published {
        return Ok((Some(Vec::new()), false));
    }
    if plans::Entity::find_by_id(process).one(db).await?.is_some_and(|p| p.draft_public) {
        return Ok((None, true));
    }
    let newest = plan_versions::Entity::find()
        .filter(plan_versions::Column::ProcessId.eq(process))
        .order_by_desc(plan_versions::Column::Number)
        .one(db)
        .await?;
    let Some(v) = newest else {
        return Ok((Some(Vec::new()), false));
    };
    let doc: serde_json::Value = serde_json::from_str(&v.snapshot).unwrap_or_default();
    let ids = doc["measures"]
        .as_array()
        .map(|list| list.iter().filter_map(|m| m["id"].as_str().and_then(|id| Uuid::parse_str(id).ok())).collect())
        .unwrap_or_default();
    Ok((Some(ids), true))
}

/// What became of these proposals of one workshop: the measures they went into (directly or by
/// their cluster), or "not taken up" once the workshop is closed. Nothing while it runs. For
/// the public, only measures of the public plan count, and "not taken up" waits until the plan
/// is decided on (adopted, or its draft published).
///
/// # Errors
/// `Internal` when the database fails.
pub async fn fates(
    db: &impl ConnectionTrait,
    workshop: Uuid,
    proposals: &[Uuid],
    reader: Reader,
) -> Result<HashMap<Uuid, Fate>, AppError> {
    let Some(ws) = workshops::Entity::find_by_id(workshop).one(db).await? else {
        return Ok(HashMap::new());
    };
    let (visible, decided) = match reader {
        Reader::Staff => (None, true),
        Reader::Public => public_measures(db, ws.process_id).await?,
    };
    let closed = ws.state == "closed" && decided;
    let sources =
        measure_sources::Entity::find().filter(measure_sources::Column::WorkshopId.eq(workshop)).all(db).await?;
    if sources.is_empty() && !closed {
        return Ok(HashMap::new());
    }
    let members = cluster_members::Entity::find()
        .filter(cluster_members::Column::WorkshopId.eq(workshop))
        .filter(cluster_members::Column::ProposalId.is_in(proposals.to_vec()))
        .all(db)
        .await?;
    let made: HashMap<Uuid, measures::Model> = measures::Entity::find()
        .filter(measures::Column::Id.is_in(sources.iter().map(|s| s.measure_id).collect::<Vec<_>>()))
        .filter(measures::Column::MergedInto.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let mut out = HashMap::new();
    for p in proposals {
        let cluster = members.iter().find(|m| m.proposal_id == *p).map(|m| m.cluster_id);
        let taken: Vec<MeasureRef> = sources
            .iter()
            .filter(|s| s.proposal_id == Some(*p) || (cluster.is_some() && s.cluster_id == cluster))
            .filter_map(|s| made.get(&s.measure_id))
            .filter(|m| visible.as_ref().is_none_or(|ids| ids.contains(&m.id)))
            .fold(Vec::new(), |mut list, m| {
                if !list.iter().any(|x: &MeasureRef| x.id == m.id) {
                    list.push(MeasureRef { id: m.id, title: m.title.clone() });
                }
                list
            });
        if !taken.is_empty() {
            out.insert(*p, Fate::Taken(taken));
        } else if closed {
            out.insert(*p, Fate::NotTaken);
        }
    }
    Ok(out)
}
