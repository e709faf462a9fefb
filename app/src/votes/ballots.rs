//! Ballots: a participant casts, changes or withdraws into an abstention their one ballot of the
//! open round; the ballot is kept under a keyed hash of the participant (the round's key), so
//! no query, page or export links it to a person, while the same participant replaces their own.
//! Ballots go through the group-commit [`Writer`]: each is acknowledged once it is durable.

use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, OnConflict},
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{
    service::{cast_count, current, eligible, method_of, option_ids, settings_of, view},
    tally::Ballot,
    types::{BallotPage, OPTIONS_MAX, RoundId, RoundState, ballot_form, is_abstention, read_ballot},
};
use crate::{
    error::{AppError, Msg},
    participants::service::Participant,
    server::{
        LiveHub, Writer,
        entities::{vote_ballots, vote_rounds, workshops},
    },
    workshops::types::WorkshopState,
};

/// The participant's key in a round: a keyed hash that only the round's key (erased at close)
/// ties to the participant.
fn voter(secret: &str, participant: Uuid) -> String {
    let mut hash = Sha256::new();
    hash.update(secret.as_bytes());
    hash.update(b":");
    hash.update(participant.as_bytes());
    hex::encode(hash.finalize())
}

/// What the participant's page shows of the votes: the open round (or the last closed one with
/// its result) and the ballot they saved in it.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn page(db: &impl ConnectionTrait, who: &Participant) -> Result<BallotPage, AppError> {
    let code = who.workshop.join_code.clone();
    let Some(round) = current(db, who.workshop.id).await? else {
        return Ok(BallotPage { code, round: None, saved: None, abstained: false, draft: None });
    };
    let mut saved = None;
    if round.state == RoundState::Open.as_str() {
        saved = own_ballot(db, &round, who.record.id).await?;
    }
    let abstained = saved.as_ref().is_some_and(is_abstention);
    Ok(BallotPage {
        code,
        round: Some(view(db, &round, false).await?),
        saved: saved.as_ref().map(ballot_form),
        abstained,
        draft: None,
    })
}

async fn own_ballot(
    db: &impl ConnectionTrait,
    round: &vote_rounds::Model,
    participant: Uuid,
) -> Result<Option<Ballot>, AppError> {
    let raw: Option<String> = vote_ballots::Entity::find()
        .select_only()
        .column(vote_ballots::Column::Ballot)
        .filter(vote_ballots::Column::RoundId.eq(round.id))
        .filter(vote_ballots::Column::Voter.eq(voter(&round.secret, participant)))
        .into_tuple()
        .one(db)
        .await?;
    Ok(raw
        .and_then(|r| serde_json::from_str::<serde_json::Value>(&r).ok())
        .and_then(|v| Ballot::from_json(method_of(round), &v).ok()))
}

/// Casts (or replaces) the participant's ballot in an open round of their workshop;
/// `abstain` casts an empty one. Returns once the ballot is durable, with what was saved.
///
/// # Errors
/// `Invalid` with the broken rule next to its option; `Conflict` when the round is not open
/// (not yet, or closed, or its timer ran out); `NotFound` for a round of another workshop.
pub async fn cast(
    writer: &Writer,
    live: &LiveHub,
    who: &Participant,
    round: RoundId,
    form: &BTreeMap<String, String>,
    abstain: bool,
) -> Result<BTreeMap<String, String>, AppError> {
    let (workshop, participant) = (who.workshop.id, who.record.id);
    // A form cannot have more entries than a round has options (nothing bigger is queued).
    if form.len() > OPTIONS_MAX {
        return Err(AppError::invalid("ballot", Msg::new("vote-options-count").arg("min", 0).arg("max", OPTIONS_MAX)));
    }
    let form = if abstain { BTreeMap::new() } else { form.clone() };
    let saved =
        writer.run(move |txn| Box::pin(async move { write(txn, workshop, participant, round, &form).await })).await?;
    // Counted after the commit, outside the writer (reads go on beside it); a count that fails
    // only delays the turnout until the next ballot.
    match (cast_count(writer.db(), round.0).await, eligible(writer.db(), workshop).await) {
        (Ok(cast), Ok(all)) => super::live::turnout(live, workshop, round.0, (cast, all)),
        (Err(e), _) | (_, Err(e)) => tracing::warn!(error = ?e, "turnout not counted"),
    }
    Ok(saved)
}

/// The write of one ballot, inside the writer's group: the round is checked open (and held
/// against closing on PostgreSQL) in the same transaction that stores the ballot.
async fn write(
    txn: &DatabaseTransaction,
    workshop: Uuid,
    participant: Uuid,
    id: RoundId,
    form: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, AppError> {
    let round = lock_open(txn, workshop, id).await?;
    let ballot = read_ballot(method_of(&round), &settings_of(&round), &option_ids(&round), form)?;
    vote_ballots::Entity::insert(vote_ballots::ActiveModel {
        round_id: Set(round.id),
        voter: Set(voter(&round.secret, participant)),
        ballot: Set(ballot.to_json().to_string()),
    })
    .on_conflict(
        OnConflict::columns([vote_ballots::Column::RoundId, vote_ballots::Column::Voter])
            .update_column(vote_ballots::Column::Ballot)
            .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    Ok(ballot_form(&ballot))
}

/// The round, if it is open for ballots in this workshop; the first ballot locks its set-up.
async fn lock_open(txn: &DatabaseTransaction, workshop: Uuid, id: RoundId) -> Result<vote_rounds::Model, AppError> {
    // The first ballot flips `locked` (taking the row); later ones only share it, so a close
    // waits for the ballots in flight and ballots after it see the round closed.
    vote_rounds::Entity::update_many()
        .col_expr(vote_rounds::Column::Locked, Expr::value(true))
        .filter(vote_rounds::Column::Id.eq(id.0))
        .filter(vote_rounds::Column::WorkshopId.eq(workshop))
        .filter(vote_rounds::Column::State.eq(RoundState::Open.as_str()))
        .filter(vote_rounds::Column::Locked.eq(false))
        .exec(txn)
        .await?;
    let round = vote_rounds::Entity::find_by_id(id.0)
        .filter(vote_rounds::Column::WorkshopId.eq(workshop))
        .lock_shared()
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    // A round whose workshop moved on from voting takes no more ballots (the sweep closes it).
    let voting = workshops::Entity::find_by_id(workshop)
        .select_only()
        .column(workshops::Column::State)
        .into_tuple::<String>()
        .one(txn)
        .await?
        .is_some_and(|s| s == WorkshopState::Voting.as_str());
    let ended = !voting || round.ends_at.is_some_and(|end| end <= Utc::now());
    match RoundState::parse(&round.state) {
        RoundState::Open if !ended => Ok(round),
        RoundState::Draft => Err(AppError::Conflict(Msg::new("vote-not-open-yet"))),
        _ => Err(AppError::Conflict(Msg::new("vote-closed"))),
    }
}
