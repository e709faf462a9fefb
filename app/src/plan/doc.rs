//! Reading the plan: the draft built from the living measures with their provenance, the frozen
//! versions, who may see which, the plan page, the exports and the comparison of two versions.

use std::collections::{BTreeMap, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::types::{
    MeasureDoc, MeasureId, MeasureStatus, NamedRef, Origin, PLAN_FORMAT, PartnerDoc, PartnerKind, PlanDiff, PlanDoc,
    PlanFilter, PlanPage, PlanRow, ProcessRef, SourceDoc, Timeframe, VersionInfo, VoteDoc, WorkshopRef, diff,
};
use crate::{
    auth::types::Actor,
    error::AppError,
    processes::types::ProcessId,
    server::entities::{
        action_fields, cluster_members, clusters, goals, measure_sources, measures, partners, phases, plan_versions,
        plans, processes, proposals, themes, vote_rounds, workshops,
    },
    votes::types::FrozenResult,
};

pub(crate) async fn process_of(db: &impl ConnectionTrait, id: Uuid) -> Result<processes::Model, AppError> {
    processes::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)
}

pub(crate) fn process_ref(p: &processes::Model) -> ProcessRef {
    ProcessRef { id: ProcessId(p.id), name: p.name.clone(), municipality: p.municipality.clone() }
}

pub(crate) async fn draft_public(db: &impl ConnectionTrait, process: Uuid) -> Result<bool, AppError> {
    Ok(plans::Entity::find_by_id(process).one(db).await?.is_some_and(|p| p.draft_public))
}

pub(crate) fn ids(json: &str) -> Vec<Uuid> {
    serde_json::from_str(json).unwrap_or_default()
}

/// The adopted versions of a process, oldest first (without their documents).
pub(crate) async fn versions(db: &impl ConnectionTrait, process: Uuid) -> Result<Vec<VersionInfo>, AppError> {
    let rows: Vec<(i32, chrono::NaiveDate, String)> = plan_versions::Entity::find()
        .select_only()
        .columns([plan_versions::Column::Number, plan_versions::Column::AdoptedOn, plan_versions::Column::Note])
        .filter(plan_versions::Column::ProcessId.eq(process))
        .order_by_asc(plan_versions::Column::Number)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|(number, adopted_on, note)| VersionInfo { number, adopted_on, note }).collect())
}

/// One adopted version with its frozen document.
pub(crate) async fn version(
    db: &impl ConnectionTrait,
    process: Uuid,
    number: i32,
) -> Result<Option<plan_versions::Model>, AppError> {
    Ok(plan_versions::Entity::find()
        .filter(plan_versions::Column::ProcessId.eq(process))
        .filter(plan_versions::Column::Number.eq(number))
        .one(db)
        .await?)
}

/// The newest adopted version whose document holds this measure (the database searches).
pub(crate) async fn newest_with(
    db: &impl ConnectionTrait,
    process: Uuid,
    measure: Uuid,
) -> Result<Option<PlanDoc>, AppError> {
    let row = plan_versions::Entity::find()
        .filter(plan_versions::Column::ProcessId.eq(process))
        .filter(plan_versions::Column::Snapshot.contains(measure.to_string()))
        .order_by_desc(plan_versions::Column::Number)
        .one(db)
        .await?;
    row.as_ref().map(frozen).transpose()
}

/// The frozen document of an adopted version.
pub(crate) fn frozen(v: &plan_versions::Model) -> Result<PlanDoc, AppError> {
    serde_json::from_str(&v.snapshot).map_err(|e| {
        tracing::error!(error = %e, version = v.number, "plan version snapshot unreadable");
        AppError::Internal
    })
}

/// The living measures of a process (merged ones left out), in plan order: action field, phase,
/// position.
pub(crate) async fn living(db: &impl ConnectionTrait, process: Uuid) -> Result<Vec<measures::Model>, AppError> {
    Ok(measures::Entity::find()
        .filter(measures::Column::ProcessId.eq(process))
        .filter(measures::Column::MergedInto.is_null())
        .order_by_asc(measures::Column::Position)
        .order_by_asc(measures::Column::CreatedAt)
        .all(db)
        .await?)
}

/// How a source fared in every frozen round of its workshop.
pub(crate) fn votes_for(rounds: &[(String, FrozenResult)], option: Uuid) -> Vec<VoteDoc> {
    let id = option.to_string();
    rounds
        .iter()
        .filter_map(|(title, r)| {
            let tally = &r.tally;
            let mut before = 0u32;
            for tier in &tally.ranking {
                if tier.contains(&id) {
                    let get = |m: &Option<BTreeMap<String, u32>>| m.as_ref().map(|m| m.get(&id).copied().unwrap_or(0));
                    return Some(VoteDoc {
                        round: title.clone(),
                        method: r.method,
                        place: before + 1,
                        tied: tier.len() > 1,
                        options: u32::try_from(r.options.len()).unwrap_or(u32::MAX),
                        points: get(&tally.totals),
                        paper: get(&tally.paper),
                        mean: tally.means.as_ref().and_then(|m| m.get(&id).copied().flatten()),
                        ballots: tally.ballots,
                    });
                }
                before += u32::try_from(tier.len()).unwrap_or(u32::MAX);
            }
            None
        })
        .collect()
}

/// The frozen vote results of these workshops, by workshop, in round order.
pub(crate) async fn frozen_rounds(
    db: &impl ConnectionTrait,
    workshops: &[Uuid],
) -> Result<HashMap<Uuid, Vec<(String, FrozenResult)>>, AppError> {
    let rows = vote_rounds::Entity::find()
        .filter(vote_rounds::Column::WorkshopId.is_in(workshops.to_vec()))
        .filter(vote_rounds::Column::Result.is_not_null())
        .order_by_asc(vote_rounds::Column::Seq)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<(String, FrozenResult)>> = HashMap::new();
    for r in rows {
        if let Some(result) = r.result.as_deref().and_then(|j| serde_json::from_str::<FrozenResult>(j).ok()) {
            out.entry(r.workshop_id).or_default().push((r.title, result));
        }
    }
    Ok(out)
}

/// The sources of these measures, with their workshops, clusters, visible proposals and votes.
pub(crate) async fn sources_of(
    db: &impl ConnectionTrait,
    measure_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<SourceDoc>>, AppError> {
    let rows = measure_sources::Entity::find()
        .filter(measure_sources::Column::MeasureId.is_in(measure_ids.to_vec()))
        .order_by_asc(measure_sources::Column::CreatedAt)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(HashMap::new());
    }
    let ws_ids: Vec<Uuid> = rows.iter().map(|r| r.workshop_id).collect();
    let ws: HashMap<Uuid, workshops::Model> = workshops::Entity::find()
        .filter(workshops::Column::Id.is_in(ws_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|w| (w.id, w))
        .collect();
    let cluster_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.cluster_id).collect();
    let cl: HashMap<Uuid, clusters::Model> = clusters::Entity::find()
        .filter(clusters::Column::Id.is_in(cluster_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let members =
        cluster_members::Entity::find().filter(cluster_members::Column::ClusterId.is_in(cluster_ids)).all(db).await?;
    let mut proposal_ids: Vec<Uuid> = members.iter().map(|m| m.proposal_id).collect();
    proposal_ids.extend(rows.iter().filter_map(|r| r.proposal_id));
    let props: HashMap<Uuid, proposals::Model> = proposals::Entity::find()
        .filter(proposals::Column::Id.is_in(proposal_ids))
        .filter(proposals::Column::Status.eq("visible"))
        .order_by_asc(proposals::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let rounds = frozen_rounds(db, &ws_ids).await?;
    let mut out: HashMap<Uuid, Vec<SourceDoc>> = HashMap::new();
    for r in rows {
        let Some(w) = ws.get(&r.workshop_id) else { continue };
        let workshop = WorkshopRef { id: w.id, title: w.title.clone(), date: w.starts_at.map(|d| d.date()) };
        let (cluster, mut listed): (Option<NamedRef>, Vec<&proposals::Model>) = match r.cluster_id {
            Some(c) => (
                cl.get(&c).map(|c| NamedRef { id: c.id, name: c.title.clone() }),
                members.iter().filter(|m| m.cluster_id == c).filter_map(|m| props.get(&m.proposal_id)).collect(),
            ),
            None => (None, r.proposal_id.and_then(|p| props.get(&p)).into_iter().collect()),
        };
        listed.sort_by_key(|p| p.created_at);
        let option = r.cluster_id.or(r.proposal_id).unwrap_or_default();
        out.entry(r.measure_id).or_default().push(SourceDoc {
            workshop,
            cluster,
            proposals: listed.iter().map(|p| NamedRef { id: p.id, name: p.title.clone() }).collect(),
            votes: rounds.get(&w.id).map(|rs| votes_for(rs, option)).unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The names a process gives its ids: action fields, phases, goals, themes, partners.
pub(crate) struct Names {
    pub fields: Vec<action_fields::Model>,
    pub phases: Vec<phases::Model>,
    pub goals: Vec<goals::Model>,
    pub themes: Vec<themes::Model>,
    pub partners: Vec<partners::Model>,
}

impl Names {
    pub(crate) async fn load(db: &impl ConnectionTrait, process: Uuid) -> Result<Self, AppError> {
        Ok(Self {
            fields: action_fields::Entity::find()
                .filter(action_fields::Column::ProcessId.eq(process))
                .order_by_asc(action_fields::Column::Position)
                .all(db)
                .await?,
            phases: phases::Entity::find()
                .filter(phases::Column::ProcessId.eq(process))
                .order_by_asc(phases::Column::Position)
                .all(db)
                .await?,
            goals: goals::Entity::find()
                .filter(goals::Column::ProcessId.eq(process))
                .order_by_asc(goals::Column::Position)
                .all(db)
                .await?,
            themes: themes::Entity::find()
                .filter(themes::Column::ProcessId.eq(process))
                .order_by_asc(themes::Column::Name)
                .all(db)
                .await?,
            partners: partners::Entity::find()
                .filter(partners::Column::ProcessId.eq(process))
                .order_by_asc(partners::Column::Name)
                .all(db)
                .await?,
        })
    }

    fn field_pos(&self, id: Uuid) -> usize {
        self.fields.iter().position(|f| f.id == id).unwrap_or(usize::MAX)
    }

    fn phase_pos(&self, id: Option<Uuid>) -> usize {
        id.and_then(|id| self.phases.iter().position(|p| p.id == id)).unwrap_or(usize::MAX)
    }
}

/// The document of one measure (goals in the process's order, process goals first; themes and
/// partners by name).
pub(crate) fn measure_doc(
    n: &Names,
    m: &measures::Model,
    sources: Vec<SourceDoc>,
    merged: Vec<NamedRef>,
) -> MeasureDoc {
    let goal_ids = ids(&m.goal_ids);
    let mut goal_rows: Vec<&goals::Model> = n.goals.iter().filter(|g| goal_ids.contains(&g.id)).collect();
    goal_rows.sort_by_key(|g| (g.action_field_id.is_some(), g.position));
    let theme_ids = ids(&m.theme_ids);
    let partner_ids = ids(&m.partner_ids);
    let mut partner_rows: Vec<&partners::Model> = n.partners.iter().filter(|p| partner_ids.contains(&p.id)).collect();
    partner_rows.sort_by_key(|p| p.name.to_lowercase());
    MeasureDoc {
        id: MeasureId(m.id),
        action_field: n.fields.iter().find(|f| f.id == m.action_field_id).map(|f| f.name.clone()).unwrap_or_default(),
        phase: m.phase_id.and_then(|id| n.phases.iter().find(|p| p.id == id)).map(|p| p.name.clone()),
        timeframe: Timeframe { from: m.time_from.clone(), to: m.time_to.clone(), text: m.time_text.clone() },
        title: m.title.clone(),
        description: m.description.clone(),
        goals: goal_rows.into_iter().map(|g| g.title.clone()).collect(),
        partners: partner_rows
            .into_iter()
            .map(|p| PartnerDoc { name: p.name.clone(), kind: PartnerKind::parse(&p.kind).unwrap_or_default() })
            .collect(),
        lead: m.lead.clone(),
        status: MeasureStatus::parse(&m.status).unwrap_or_default(),
        progress: m.progress,
        target_groups: m.target_groups.clone(),
        indicators: m.indicators.clone(),
        resources: m.resources.clone(),
        themes: n.themes.iter().filter(|t| theme_ids.contains(&t.id)).map(|t| t.name.clone()).collect(),
        origin: Origin::parse(&m.origin),
        sources,
        merged,
    }
}

/// The measures merged into these, by the measure they went into.
pub(crate) async fn merged_into(
    db: &impl ConnectionTrait,
    targets: &[Uuid],
) -> Result<HashMap<Uuid, Vec<NamedRef>>, AppError> {
    let rows = measures::Entity::find()
        .filter(measures::Column::MergedInto.is_in(targets.to_vec()))
        .order_by_asc(measures::Column::UpdatedAt)
        .all(db)
        .await?;
    let mut out: HashMap<Uuid, Vec<NamedRef>> = HashMap::new();
    for m in rows {
        if let Some(t) = m.merged_into {
            out.entry(t).or_default().push(NamedRef { id: m.id, name: m.title });
        }
    }
    Ok(out)
}

/// The draft: every living measure, in plan order, with its provenance.
///
/// # Errors
/// `NotFound` for an unknown process, `Internal` when the database fails.
pub async fn draft(db: &impl ConnectionTrait, process: ProcessId) -> Result<PlanDoc, AppError> {
    let p = process_of(db, process.0).await?;
    let n = Names::load(db, p.id).await?;
    let mut rows = living(db, p.id).await?;
    rows.sort_by_key(|m| (n.field_pos(m.action_field_id), n.phase_pos(m.phase_id), m.position, m.created_at));
    let ids: Vec<Uuid> = rows.iter().map(|m| m.id).collect();
    let mut sources = sources_of(db, &ids).await?;
    let mut merged = merged_into(db, &ids).await?;
    let measures = rows
        .iter()
        .map(|m| {
            measure_doc(&n, m, sources.remove(&m.id).unwrap_or_default(), merged.remove(&m.id).unwrap_or_default())
        })
        .collect();
    Ok(PlanDoc {
        format: PLAN_FORMAT.to_owned(),
        process: process_ref(&p),
        version: None,
        action_fields: n.fields.iter().map(|f| NamedRef { id: f.id, name: f.name.clone() }).collect(),
        phases: n.phases.iter().map(|f| NamedRef { id: f.id, name: f.name.clone() }).collect(),
        measures,
    })
}

/// Which document a caller asked for and may see.
pub(crate) enum Which {
    Draft,
    Version(i32),
    /// The newest adopted version, else the draft.
    Default,
}

impl Which {
    pub(crate) fn parse(value: &str) -> Self {
        match value.trim() {
            "" => Self::Default,
            "draft" | "entwurf" => Self::Draft,
            v => v.parse().map_or(Self::Default, Self::Version),
        }
    }
}

/// The document the caller asked for, with the frozen snapshot's exact text for a version.
/// Staff see everything; visitors a published process's adopted versions, and its draft when
/// the organizer made it public.
///
/// # Errors
/// `NotFound` when the plan or version is not there or not visible to the caller.
pub(crate) async fn visible_doc(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
    which: Which,
) -> Result<(PlanDoc, Option<String>), AppError> {
    let p = process_of(db, process.0).await?;
    let staff = actor.is_staff();
    if !p.published && !staff {
        return Err(AppError::NotFound);
    }
    let all = versions(db, p.id).await?;
    let draft_ok = staff || draft_public(db, p.id).await?;
    let pick = match which {
        Which::Version(n) => Some(all.iter().find(|v| v.number == n).ok_or(AppError::NotFound)?.number),
        Which::Draft => None,
        Which::Default => all.last().map(|v| v.number),
    };
    match pick {
        Some(n) => {
            let v = version(db, p.id, n).await?.ok_or(AppError::NotFound)?;
            Ok((frozen(&v)?, Some(v.snapshot)))
        }
        None if draft_ok => Ok((draft(db, process).await?, None)),
        None => Err(AppError::NotFound),
    }
}

/// The export as downloaded: JSON (a version's frozen text exactly) or CSV.
///
/// # Errors
/// As [`visible_doc`].
pub async fn export(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
    version: &str,
    json: bool,
) -> Result<(PlanDoc, Vec<u8>), AppError> {
    let (doc, frozen) = visible_doc(db, actor, process, Which::parse(version)).await?;
    let bytes = if json {
        match frozen {
            Some(text) => text.into_bytes(),
            None => to_json(&doc)?.into_bytes(),
        }
    } else {
        super::csv::write(&doc)
    };
    Ok((doc, bytes))
}

pub(crate) fn to_json(doc: &PlanDoc) -> Result<String, AppError> {
    serde_json::to_string_pretty(doc).map_err(|e| {
        tracing::error!(error = %e, "plan document not serialisable");
        AppError::Internal
    })
}

/// The plan page: the chosen version filtered, each measure with its live status.
///
/// # Errors
/// As [`visible_doc`].
pub async fn page(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
    filter: &PlanFilter,
) -> Result<PlanPage, AppError> {
    // Every filter is a short text; a longer one is cut (the search to `SEARCH_MAX`).
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let filter = &PlanFilter {
        version: cut(&filter.version, 12),
        field: cut(&filter.field, 200),
        theme: cut(&filter.theme, 200),
        status: cut(&filter.status, 20),
        partner: cut(&filter.partner, 200),
        q: cut(&filter.q, super::types::SEARCH_MAX),
    };
    let (doc, _) = visible_doc(db, actor, process, Which::parse(&filter.version)).await?;
    let living_rows = living(db, process.0).await?;
    let draft_public = draft_public(db, process.0).await?;
    let total = doc.measures.len();
    let mut partner_names: Vec<String> =
        doc.measures.iter().flat_map(|m| m.partners.iter().map(|p| p.name.clone())).collect();
    partner_names.sort_by_key(|p| p.to_lowercase());
    partner_names.dedup();
    let mut theme_names: Vec<String> = doc.measures.iter().flat_map(|m| m.themes.clone()).collect();
    theme_names.sort();
    theme_names.dedup();
    let named = |name: String| NamedRef { id: Uuid::nil(), name };
    let rows = doc
        .measures
        .iter()
        .filter(|m| filter.keeps(m))
        .map(|m| {
            let live = living_rows.iter().find(|l| l.id == m.id.0);
            let mut doc = m.clone();
            // A frozen version keeps its content; how far a measure is, is today's.
            if let Some(l) = live {
                doc.status = MeasureStatus::parse(&l.status).unwrap_or_default();
                doc.progress = l.progress;
            }
            PlanRow { doc, live: live.is_some(), evaluation: None }
        })
        .collect::<Vec<_>>();
    let ids: Vec<Uuid> = rows.iter().filter(|r| r.live).map(|r| r.doc.id.0).collect();
    let mut figures = crate::surveys::service::evaluation_figures(db, actor, &ids).await?;
    let rows = rows
        .into_iter()
        .map(|mut r| {
            r.evaluation = figures.remove(&r.doc.id.0);
            r
        })
        .collect();
    Ok(PlanPage {
        process: doc.process.clone(),
        version: doc.version.clone(),
        versions: versions(db, process.0).await?,
        draft_visible: actor.is_staff() || draft_public,
        draft_public,
        rows,
        total,
        action_fields: doc.action_fields.clone(),
        phases: doc.phases.clone(),
        themes: theme_names.into_iter().map(named).collect(),
        partners: partner_names.into_iter().map(named).collect(),
        can_edit: actor.require_organizer().is_ok(),
    })
}

/// Two versions compared (`draft` or a number each).
///
/// # Errors
/// `NotFound` for a version that does not exist; staff only.
pub async fn compare(
    db: &impl ConnectionTrait,
    actor: &Actor,
    process: ProcessId,
    a: &str,
    b: &str,
) -> Result<(PlanDoc, PlanDoc, PlanDiff), AppError> {
    actor.require_staff()?;
    let (old, _) = visible_doc(db, actor, process, Which::parse(a)).await?;
    let (new, _) = visible_doc(db, actor, process, Which::parse(b)).await?;
    let d = diff(&old, &new);
    Ok((old, new, d))
}
