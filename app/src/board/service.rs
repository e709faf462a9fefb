//! The board's snapshot: the proposals a viewer may see, with their authors, the participant
//! count and the clusters. Live changes after the snapshot: `publish`.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    auth::types::Actor,
    error::AppError,
    participants::service::participant_for,
    processes::types::ActionFieldId,
    server::{
        LiveHub,
        entities::{participants, proposal_reports, proposals, workshops},
    },
    workshops::{
        service::{by_code, info, moderated, state_of},
        types::{
            Author, Board, BoardProposal, Entry, Me, ParticipantId, ProposalId, ProposalStatus, Viewer, WorkshopId,
        },
    },
};

fn author_of(p: &proposals::Model, by: Option<&participants::Model>) -> (Author, Option<String>) {
    if p.from_room {
        return (Author::Room, None);
    }
    match by {
        Some(b) if b.deleted => (Author::Deleted, None),
        Some(b) => (b.display_name.clone().map_or(Author::Anonymous, Author::Named), b.organisation.clone()),
        None => (Author::Deleted, None),
    }
}

pub(crate) fn to_board(
    p: proposals::Model,
    by: Option<&participants::Model>,
    mine: bool,
    reports: u32,
) -> BoardProposal {
    let (author, organisation) = author_of(&p, by);
    BoardProposal {
        id: ProposalId(p.id),
        action_field_id: ActionFieldId(p.action_field_id),
        author,
        organisation,
        status: ProposalStatus::parse(&p.status),
        edited: p.revision > 1,
        mine,
        reports,
        title: p.title,
        description: p.description,
        goal: p.goal,
        target_group: p.target_group,
        partners: p.partners,
        timeframe: p.timeframe,
        hidden_reason: p.hidden_reason,
        created_at: p.created_at,
    }
}

/// A stored proposal as a board shows it, with its author looked up.
pub(crate) async fn board_view(
    db: &impl ConnectionTrait,
    p: proposals::Model,
    reports: u32,
) -> Result<BoardProposal, AppError> {
    let by = match p.participant_id {
        Some(id) => participants::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(to_board(p, by.as_ref(), false, reports))
}

pub(crate) async fn board_of(
    db: &impl ConnectionTrait,
    ws: &workshops::Model,
    viewer: Viewer,
    me: Option<Uuid>,
) -> Result<Board, AppError> {
    let people: HashMap<Uuid, participants::Model> = participants::Entity::find()
        .filter(participants::Column::WorkshopId.eq(ws.id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let rows = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(ws.id))
        .filter(proposals::Column::Status.ne(ProposalStatus::Withdrawn.as_str()))
        .order_by_desc(proposals::Column::CreatedAt)
        .all(db)
        .await?;
    let mut report_counts: HashMap<Uuid, u32> = HashMap::new();
    if viewer == Viewer::Moderator {
        let ids: Vec<Uuid> = rows.iter().map(|p| p.id).collect();
        for r in
            proposal_reports::Entity::find().filter(proposal_reports::Column::ProposalId.is_in(ids)).all(db).await?
        {
            *report_counts.entry(r.proposal_id).or_default() += 1;
        }
    }
    let proposals = rows
        .into_iter()
        .filter_map(|p| {
            let mine = me.is_some() && p.participant_id == me;
            let hidden = p.status == ProposalStatus::Hidden.as_str();
            if hidden && viewer == Viewer::Participant && !mine {
                return None;
            }
            let by = p.participant_id.and_then(|id| people.get(&id));
            let reports = report_counts.get(&p.id).copied().unwrap_or(0);
            Some(to_board(p, by, mine, reports))
        })
        .collect();
    Ok(Board {
        info: info(db, ws).await?,
        viewer,
        participants: people.values().filter(|p| !p.deleted).count() as u64,
        proposals,
        clusters: crate::clustering::service::clusters_of(db, ws.id).await?,
        version: String::new(),
    })
}

/// The board of a participant: all visible proposals, their own hidden ones with the reason.
///
/// # Errors
/// `NotFound`, `Unauthenticated`, `Forbidden`.
pub async fn participant_board(db: &impl ConnectionTrait, code: &str, token: Option<&str>) -> Result<Board, AppError> {
    let ws = by_code(db, code).await?;
    let p = participant_for(db, &ws, token).await?;
    board_of(db, &ws, Viewer::Participant, Some(p.id)).await
}

/// The moderator's board (and the projector's): hidden proposals too, with report counts.
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn moderator_board(db: &impl ConnectionTrait, actor: &Actor, id: WorkshopId) -> Result<Board, AppError> {
    let ws = moderated(db, actor, id).await?;
    board_of(db, &ws, Viewer::Moderator, None).await
}

/// What the participant page shows for a join code: a notice, the join form, or the board
/// (with the live version it shows, read before the board).
///
/// # Errors
/// `NotFound` for unknown codes.
pub async fn entry(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    code: &str,
    token: Option<&str>,
) -> Result<Entry, AppError> {
    let ws = by_code(db, code).await?;
    let version = live.version(ws.id);
    let state = state_of(&ws);
    if !state.open_for_participants() {
        return Ok(Entry::NotOpen(info(db, &ws).await?));
    }
    match participant_for(db, &ws, token).await {
        Ok(p) => {
            let board = Board { version, ..board_of(db, &ws, Viewer::Participant, Some(p.id)).await? };
            let me = Me { id: ParticipantId(p.id), display_name: p.display_name, proposals: p.proposal_count };
            Ok(Entry::Joined { board, me })
        }
        Err(AppError::Unauthenticated | AppError::Forbidden) => Ok(Entry::Join(info(db, &ws).await?)),
        Err(e) => Err(e),
    }
}
