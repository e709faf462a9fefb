//! The record of one workshop the coordination office hands its funder: date, place, format,
//! moderators, participants by organisation type (no names), every visible proposal by action
//! field, the clusters, every vote round's frozen result, and what became of each cluster in
//! the plan; as a printable page and as CSV.

use std::collections::BTreeMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::types::{DocCluster, DocField, DocProposal, Fate, WorkshopDoc, fate_text};
use crate::{
    auth::types::Actor,
    error::AppError,
    i18n::{Lang, t},
    server::entities::{participants, proposals, users, workshop_moderators},
    workshops::types::{OrgType, WorkshopId},
};

/// The documentation of a workshop, for its moderators and the organizers.
///
/// # Errors
/// `Unauthenticated`, `Forbidden` for moderators of other workshops, `NotFound`.
pub async fn workshop_doc(db: &impl ConnectionTrait, actor: &Actor, id: WorkshopId) -> Result<WorkshopDoc, AppError> {
    let ws = crate::workshops::service::moderated(db, actor, id).await?;
    let info = crate::workshops::service::info(db, &ws).await?;
    let mods: Vec<Uuid> = workshop_moderators::Entity::find()
        .filter(workshop_moderators::Column::WorkshopId.eq(ws.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let moderators = users::Entity::find()
        .filter(users::Column::Id.is_in(mods))
        .order_by_asc(users::Column::Email)
        .all(db)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect();
    let people = participants::Entity::find()
        .filter(participants::Column::WorkshopId.eq(ws.id))
        .filter(participants::Column::Deleted.eq(false))
        .all(db)
        .await?;
    let mut counts: BTreeMap<usize, (Option<OrgType>, u32)> = BTreeMap::new();
    for p in &people {
        let kind = p.org_type.as_deref().and_then(OrgType::parse);
        let order = kind.map_or(OrgType::ALL.len(), |k| OrgType::ALL.iter().position(|x| *x == k).unwrap_or(0));
        counts.entry(order).or_insert((kind, 0)).1 += 1;
    }
    let props = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(ws.id))
        .filter(proposals::Column::Status.eq("visible"))
        .order_by_asc(proposals::Column::CreatedAt)
        .all(db)
        .await?;
    let clusters = crate::clustering::service::clusters_of(db, ws.id).await?;
    let prop_ids: Vec<Uuid> = props.iter().map(|p| p.id).collect();
    let mut fates = crate::proposals::fate::fates(db, ws.id, &prop_ids, crate::proposals::fate::Reader::Staff).await?;
    let field_name = |id: Uuid| info.fields.iter().find(|f| f.id.0 == id).map(|f| f.name.clone()).unwrap_or_default();
    let mut fields: Vec<DocField> =
        info.fields.iter().map(|f| DocField { name: f.name.clone(), proposals: vec![] }).collect();
    for p in &props {
        let cluster = clusters.iter().find(|c| c.members.iter().any(|m| m.0 == p.id)).map(|c| c.title.clone());
        let entry = DocProposal {
            id: p.id,
            title: p.title.clone(),
            description: p.description.clone(),
            goal: p.goal.clone(),
            target_group: p.target_group.clone(),
            partners: p.partners.clone(),
            timeframe: p.timeframe.clone(),
            from_room: p.from_room,
            cluster,
            fate: fates.remove(&p.id),
        };
        let name = field_name(p.action_field_id);
        match fields.iter_mut().find(|f| f.name == name) {
            Some(f) => f.proposals.push(entry),
            None => fields.push(DocField { name, proposals: vec![entry] }),
        }
    }
    let candidates = super::service::candidates(db, ws.process_id).await?;
    let doc_clusters = clusters
        .iter()
        .map(|c| DocCluster {
            title: c.title.clone(),
            summary: c.summary.clone(),
            action_field: field_name(c.action_field_id.0),
            proposals: c
                .members
                .iter()
                .filter_map(|m| props.iter().find(|p| p.id == m.0))
                .map(|p| p.title.clone())
                .collect(),
            measures: candidates.iter().find(|x| x.id == c.id.0).map(|x| x.measures.clone()).unwrap_or_default(),
        })
        .collect();
    let rounds = super::doc::frozen_rounds(db, &[ws.id]).await?.remove(&ws.id).unwrap_or_default();
    Ok(WorkshopDoc {
        id,
        process_name: info.process_name,
        municipality: info.municipality,
        title: info.title,
        starts_at: info.starts_at,
        place: info.place,
        mode: info.mode,
        state: info.state,
        moderators,
        participants: u32::try_from(people.len()).unwrap_or(u32::MAX),
        by_org_type: counts.into_values().collect(),
        fields,
        clusters: doc_clusters,
        rounds,
    })
}

/// The fate of a cluster from the measures made of it.
#[must_use]
pub fn taken(measures: &[super::types::NamedRef]) -> Fate {
    if measures.is_empty() {
        Fate::NotTaken
    } else {
        Fate::Taken(measures.iter().map(|m| super::types::MeasureRef { id: m.id, title: m.name.clone() }).collect())
    }
}

/// The documentation as CSV (UTF-8 with BOM, `;`, CRLF): one row per fact, first column the
/// section.
#[must_use]
pub fn csv(doc: &WorkshopDoc) -> Vec<u8> {
    use super::csv::cell;
    let lang = Lang::default();
    let mut rows: Vec<[String; 6]> = vec![[
        "Abschnitt".into(),
        "Handlungsfeld".into(),
        "Titel".into(),
        "Details".into(),
        "Cluster".into(),
        "Ergebnis".into(),
    ]];
    let section = |key: &str| t(lang, key);
    rows.push([
        section("doc-workshop"),
        String::new(),
        doc.title.clone(),
        doc.process_name.clone(),
        String::new(),
        String::new(),
    ]);
    rows.push([
        section("doc-date"),
        String::new(),
        doc.starts_at.map(|d| d.format("%d.%m.%Y %H:%M").to_string()).unwrap_or_default(),
        doc.place.clone(),
        String::new(),
        t(lang, doc.mode.label_key()),
    ]);
    rows.push([
        section("doc-moderators"),
        String::new(),
        doc.moderators.join("\n"),
        String::new(),
        String::new(),
        String::new(),
    ]);
    rows.push([
        section("doc-participants"),
        String::new(),
        t(lang, "doc-all"),
        String::new(),
        String::new(),
        doc.participants.to_string(),
    ]);
    for (kind, n) in &doc.by_org_type {
        let label = kind.map_or_else(|| t(lang, "doc-org-unknown"), |k| t(lang, k.label_key()));
        rows.push([section("doc-participants"), String::new(), label, String::new(), String::new(), n.to_string()]);
    }
    for f in &doc.fields {
        for p in &f.proposals {
            let details = [&p.description, &p.goal, &p.target_group, &p.partners, &p.timeframe]
                .iter()
                .filter(|s| !s.is_empty())
                .map(|s| (*s).clone())
                .collect::<Vec<_>>()
                .join("\n");
            rows.push([
                section("doc-proposal"),
                f.name.clone(),
                p.title.clone(),
                details,
                p.cluster.clone().unwrap_or_default(),
                fate_text(lang, p.fate.as_ref()),
            ]);
        }
    }
    for c in &doc.clusters {
        let fate = taken(&c.measures);
        rows.push([
            section("doc-cluster"),
            c.action_field.clone(),
            c.title.clone(),
            c.proposals.join("\n"),
            String::new(),
            fate_text(lang, Some(&fate)),
        ]);
    }
    for (title, r) in &doc.rounds {
        let mut before = 0;
        for tier in &r.tally.ranking {
            let place = before;
            before += tier.len();
            for id in tier {
                let option = r.options.iter().find(|o| o.id == *id).map(|o| o.title.clone()).unwrap_or_default();
                let points = r.tally.totals.as_ref().and_then(|t| t.get(id)).map(|n| n.to_string()).unwrap_or_default();
                rows.push([
                    section("doc-round"),
                    title.clone(),
                    option,
                    format!("{}. {}", place + 1, t(lang, "doc-place-label")),
                    String::new(),
                    points,
                ]);
            }
        }
    }
    let mut out = String::from("\u{feff}");
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}
