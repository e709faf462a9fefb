//! The board's snapshot: the proposals a viewer may see, with their authors, the participant
//! count and the clusters. Live changes after the snapshot: `publish`.

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::{
    auth::types::Actor,
    error::AppError,
    participants::service::{Participant, participant_for},
    proposals::service::visible_to,
    server::{LiveHub, entities::workshops},
    workshops::{
        service::{by_code, info, moderated, state_of},
        types::{Board, Entry, Me, ParticipantId, Viewer, WorkshopId},
    },
};

pub(crate) async fn board_of(
    db: &impl ConnectionTrait,
    ws: &workshops::Model,
    viewer: Viewer,
    me: Option<Uuid>,
) -> Result<Board, AppError> {
    let (proposals, participants) = visible_to(db, ws.id, viewer, me).await?;
    Ok(Board {
        info: info(db, ws).await?,
        viewer,
        participants,
        proposals,
        clusters: crate::clustering::service::clusters_of(db, ws.id).await?,
        version: String::new(),
    })
}

/// The board of a participant: all visible proposals, their own hidden ones with the reason.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn participant_board(db: &impl ConnectionTrait, who: &Participant) -> Result<Board, AppError> {
    board_of(db, &who.workshop, Viewer::Participant, Some(who.record.id)).await
}

/// What every participant of a workshop sees, as [`shared_participant_board`] keeps it (its own
/// type: nothing else is ever kept under its key).
struct SharedBoard(Board);

/// [`participant_board`] as the pages and reloading boards read it: what every participant
/// sees is read once per live version (see [`LiveHub::snapshot`]), and only the viewer's own
/// proposals are read for them. A workshop holds at most
/// [`PROPOSALS_PER_WORKSHOP`](crate::proposals::service::PROPOSALS_PER_WORKSHOP) participants'
/// proposals (and the room cards staff add), so the snapshot is bounded too.
///
/// # Errors
/// `Internal` when the database fails, `NotFound` when the workshop is gone.
pub async fn shared_participant_board(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    workshop: Uuid,
    me: &crate::server::entities::participants::Model,
    version: &str,
) -> Result<Board, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    use crate::{server::entities::proposals, workshops::types::ProposalStatus};
    // The workshop is read inside, after the version: a row the caller read before it may show
    // a state the version is already past, and all who share the snapshot would see it.
    let shared = live
        .snapshot(workshop, version, || async move {
            let ws = workshops::Entity::find_by_id(workshop).one(db).await?.ok_or(AppError::NotFound)?;
            board_of(db, &ws, Viewer::Participant, None).await.map(SharedBoard)
        })
        .await?;
    let shared = &shared.0;
    // Withdrawn ones too: a snapshot read before the withdrawal still holds the card.
    let own = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(workshop))
        .filter(proposals::Column::ParticipantId.eq(me.id))
        .all(db)
        .await?;
    let mut proposals: Vec<_> =
        shared.proposals.iter().filter(|p| !own.iter().any(|o| o.id == p.id.0)).cloned().collect();
    proposals.extend(
        own.into_iter()
            .filter(|p| p.status != ProposalStatus::Withdrawn.as_str())
            .map(|p| crate::proposals::service::to_board(p, Some(me), true, 0)),
    );
    // Newest first, as the database gave them (a stable sort keeps its order among equals).
    proposals.sort_by_key(|p| std::cmp::Reverse(p.created_at));
    Ok(Board {
        info: shared.info.clone(),
        viewer: Viewer::Participant,
        participants: shared.participants,
        proposals,
        clusters: shared.clusters.clone(),
        version: version.to_owned(),
    })
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
        return Ok(Entry::NotOpen(info(db, &ws).await?, own_fates(db, &ws, token).await?));
    }
    match participant_for(db, &ws, token).await {
        Ok(p) => {
            let board = shared_participant_board(db, live, ws.id, &p, &version).await?;
            let me = Me { id: ParticipantId(p.id), display_name: p.display_name, proposals: p.proposal_count };
            Ok(Entry::Joined { board, me })
        }
        Err(AppError::Unauthenticated | AppError::Forbidden) => Ok(Entry::Join(info(db, &ws).await?)),
        Err(e) => Err(e),
    }
}

/// A closed workshop's participant: their visible proposals and what became of them.
async fn own_fates(
    db: &impl ConnectionTrait,
    ws: &crate::server::entities::workshops::Model,
    token: Option<&str>,
) -> Result<Vec<crate::workshops::types::OwnFate>, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    use crate::server::entities::proposals;
    let Ok(p) = participant_for(db, ws, token).await else {
        return Ok(Vec::new());
    };
    let mine = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(ws.id))
        .filter(proposals::Column::ParticipantId.eq(p.id))
        .filter(proposals::Column::Status.eq("visible"))
        .order_by_asc(proposals::Column::CreatedAt)
        .all(db)
        .await?;
    let ids: Vec<uuid::Uuid> = mine.iter().map(|m| m.id).collect();
    let mut fates = crate::proposals::fate::fates(db, ws.id, &ids, crate::proposals::fate::Reader::Public).await?;
    Ok(mine
        .into_iter()
        .map(|m| crate::workshops::types::OwnFate {
            id: crate::workshops::types::ProposalId(m.id),
            fate: fates.remove(&m.id),
            title: m.title,
        })
        .collect())
}
