//! Vote rounds for the moderators: set-up, opening, paper counts, closing with the frozen
//! result, the anonymous ballot file; and the views of a round (staff page, projector).

use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionSession, TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

use super::{
    tally::{self, Ballot, BallotFile, Method, OptionRef, Settings},
    types::{
        FrozenResult, OPTIONS_MAX, PAPER_MAX, ROUNDS_MAX, RoundForm, RoundId, RoundInput, RoundState, RoundView,
        VoteOption, VotesAdmin, takes_paper,
    },
};
use crate::{
    auth::types::Actor,
    error::{AppError, Msg},
    processes::types::ActionFieldId,
    server::{
        LiveHub,
        entities::{participants, proposals, vote_ballots, vote_rounds, workshops},
    },
    workshops::{
        service::{moderated, state_of},
        types::{WorkshopId, WorkshopState},
    },
};

// ---------------------------------------------------------------------------------------------
// Reading rounds

pub(crate) async fn find(db: &impl ConnectionTrait, id: RoundId) -> Result<vote_rounds::Model, AppError> {
    vote_rounds::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)
}

/// The round and its workshop, if the actor moderates the workshop.
async fn moderated_round(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: RoundId,
) -> Result<(vote_rounds::Model, workshops::Model), AppError> {
    actor.require_staff()?;
    let round = find(db, id).await?;
    let ws = moderated(db, actor, WorkshopId(round.workshop_id)).await?;
    Ok((round, ws))
}

pub(crate) fn options_of(round: &vote_rounds::Model) -> Vec<VoteOption> {
    serde_json::from_str(&round.options).unwrap_or_default()
}

pub(crate) fn settings_of(round: &vote_rounds::Model) -> Settings {
    serde_json::from_str(&round.settings).unwrap_or_default()
}

pub(crate) fn method_of(round: &vote_rounds::Model) -> Method {
    Method::parse(&round.method).unwrap_or(Method::Dots)
}

pub(crate) fn paper_of(round: &vote_rounds::Model) -> BTreeMap<String, u32> {
    serde_json::from_str(&round.paper).unwrap_or_default()
}

pub(crate) fn option_ids(round: &vote_rounds::Model) -> Vec<String> {
    options_of(round).into_iter().map(|o| o.id).collect()
}

/// Ballots in a round so far.
pub(crate) async fn cast_count(db: &impl ConnectionTrait, round: Uuid) -> Result<u64, AppError> {
    Ok(vote_ballots::Entity::find().filter(vote_ballots::Column::RoundId.eq(round)).count(db).await?)
}

/// Participants of a workshop who may vote (those not removed).
pub(crate) async fn eligible(db: &impl ConnectionTrait, workshop: Uuid) -> Result<u64, AppError> {
    Ok(participants::Entity::find()
        .filter(participants::Column::WorkshopId.eq(workshop))
        .filter(participants::Column::Deleted.eq(false))
        .count(db)
        .await?)
}

/// A round as the pages show it. `live` adds the provisional result of an open round.
pub(crate) async fn view(
    db: &impl ConnectionTrait,
    round: &vote_rounds::Model,
    live: bool,
) -> Result<RoundView, AppError> {
    let state = RoundState::parse(&round.state);
    let (cast, eligible) = match state {
        RoundState::Closed => (cast_count(db, round.id).await?, u64::try_from(round.eligible).unwrap_or(0)),
        _ => (cast_count(db, round.id).await?, eligible(db, round.workshop_id).await?),
    };
    let mut result: Option<FrozenResult> = round.result.as_deref().and_then(|r| serde_json::from_str(r).ok());
    if live && state == RoundState::Open {
        result = Some(FrozenResult { provisional: true, ..compute(db, round, eligible).await? });
    }
    let remaining_secs = match (state, round.ends_at) {
        (RoundState::Open, Some(end)) => Some((end - Utc::now()).num_seconds().max(0)),
        _ => None,
    };
    Ok(RoundView {
        id: RoundId(round.id),
        seq: round.seq,
        title: round.title.clone(),
        method: method_of(round),
        settings: settings_of(round),
        options: options_of(round),
        state,
        live_results: round.live_results,
        duration_secs: round.duration_secs.and_then(|s| u32::try_from(s).ok()),
        remaining_secs,
        locked: round.locked,
        paper: paper_of(round),
        cast,
        eligible,
        result,
    })
}

async fn rounds_of(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Vec<vote_rounds::Model>, AppError> {
    Ok(vote_rounds::Entity::find()
        .filter(vote_rounds::Column::WorkshopId.eq(workshop))
        .order_by_desc(vote_rounds::Column::Seq)
        .all(db)
        .await?)
}

/// The round participants and the projector see: the open one, else the latest closed one.
pub(crate) async fn current(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Option<vote_rounds::Model>, AppError> {
    let rounds = rounds_of(db, workshop).await?;
    let open = rounds.iter().find(|r| r.state == RoundState::Open.as_str()).cloned();
    Ok(open.or_else(|| rounds.into_iter().find(|r| r.state == RoundState::Closed.as_str())))
}

/// The votes of a workshop for its moderators: every round and what a new one can be over.
///
/// # Errors
/// `Unauthenticated`, `Forbidden` unless the actor moderates the workshop, `NotFound`.
pub async fn admin(db: &impl ConnectionTrait, actor: &Actor, id: WorkshopId) -> Result<VotesAdmin, AppError> {
    let ws = moderated(db, actor, id).await?;
    let mut rounds = Vec::new();
    for round in rounds_of(db, ws.id).await? {
        rounds.push(view(db, &round, round.live_results).await?);
    }
    let candidates = candidates(db, ws.id).await?;
    Ok(VotesAdmin { workshop: crate::workshops::service::info(db, &ws).await?, rounds, candidates })
}

/// What the projector shows of the votes: the current round, with the result once it closed
/// (or live, if the round was set up so).
///
/// # Errors
/// `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn screen(db: &impl ConnectionTrait, actor: &Actor, id: WorkshopId) -> Result<Option<RoundView>, AppError> {
    let ws = moderated(db, actor, id).await?;
    match current(db, ws.id).await? {
        Some(round) => Ok(Some(view(db, &round, round.live_results).await?)),
        None => Ok(None),
    }
}

/// Clusters, then the proposals in no cluster (visible ones), by action field.
async fn candidates(db: &impl ConnectionTrait, workshop: Uuid) -> Result<Vec<VoteOption>, AppError> {
    let clusters = crate::clustering::service::clusters_of(db, workshop).await?;
    let clustered: HashSet<Uuid> = clusters.iter().flat_map(|c| c.members.iter().map(|m| m.0)).collect();
    let loose = proposals::Entity::find()
        .filter(proposals::Column::WorkshopId.eq(workshop))
        .filter(proposals::Column::Status.eq("visible"))
        .order_by_asc(proposals::Column::CreatedAt)
        .all(db)
        .await?;
    let mut out: Vec<VoteOption> = clusters
        .into_iter()
        .map(|c| VoteOption { id: c.id.to_string(), cluster: true, title: c.title, action_field_id: c.action_field_id })
        .collect();
    out.extend(loose.into_iter().filter(|p| !clustered.contains(&p.id)).map(|p| VoteOption {
        id: p.id.to_string(),
        cluster: false,
        title: p.title,
        action_field_id: ActionFieldId(p.action_field_id),
    }));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Set-up

fn voting_or_clustering(ws: &workshops::Model) -> Result<(), AppError> {
    match state_of(ws) {
        WorkshopState::Clustering | WorkshopState::Voting => Ok(()),
        _ => Err(AppError::Conflict(Msg::new("vote-not-voting"))),
    }
}

async fn chosen(db: &impl ConnectionTrait, workshop: Uuid, input: &RoundInput) -> Result<Vec<VoteOption>, AppError> {
    let candidates = candidates(db, workshop).await?;
    let options: Vec<VoteOption> = candidates.into_iter().filter(|c| input.picked.contains(&c.id)).collect();
    if options.len() != input.picked.len() || options.len() < 2 || options.len() > OPTIONS_MAX {
        return Err(AppError::invalid("pick", Msg::new("vote-options-count").arg("min", 2).arg("max", OPTIONS_MAX)));
    }
    Ok(options)
}

/// Sets up a new round (not open yet) over clusters and single proposals of the workshop.
///
/// # Errors
/// `Invalid` for a wrong form, `Conflict` unless the workshop clusters or votes, or when it
/// has [`ROUNDS_MAX`] rounds; `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn create<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    workshop: WorkshopId,
    form: &RoundForm,
) -> Result<RoundId, AppError> {
    let ws = moderated(db, actor, workshop).await?;
    voting_or_clustering(&ws)?;
    let input = form.parse()?;
    let options = chosen(db, ws.id, &input).await?;
    let _turn = crate::server::workshop_turn(db, live, ws.id).await;
    let txn = db.begin().await?;
    let rounds = vote_rounds::Entity::find().filter(vote_rounds::Column::WorkshopId.eq(ws.id)).count(&txn).await?;
    if rounds >= ROUNDS_MAX {
        return Err(AppError::Conflict(Msg::new("vote-rounds-limit").arg("max", ROUNDS_MAX)));
    }
    let seq: Option<i32> = vote_rounds::Entity::find()
        .select_only()
        .column_as(vote_rounds::Column::Seq.max(), "m")
        .filter(vote_rounds::Column::WorkshopId.eq(ws.id))
        .into_tuple()
        .one(&txn)
        .await?
        .flatten();
    let id = Uuid::new_v4();
    vote_rounds::Entity::insert(vote_rounds::ActiveModel {
        id: Set(id),
        workshop_id: Set(ws.id),
        seq: Set(seq.unwrap_or(0) + 1),
        title: Set(input.title.clone()),
        method: Set(input.method.as_str().to_owned()),
        settings: Set(json(&input.settings)),
        options: Set(json(&options)),
        state: Set(RoundState::Draft.as_str().to_owned()),
        live_results: Set(input.live_results),
        duration_secs: Set(input.duration_secs.and_then(|s| i32::try_from(s).ok())),
        ends_at: Set(None),
        locked: Set(false),
        secret: Set(hex::encode(rand::random::<[u8; 32]>())),
        paper: Set("{}".to_owned()),
        eligible: Set(0),
        result: Set(None),
        created_at: Set(Utc::now()),
        opened_at: Set(None),
        closed_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    txn.commit().await?;
    super::live::round_changed(live, ws.id, id);
    Ok(RoundId(id))
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Changes a round's set-up, until the first ballot is in.
///
/// # Errors
/// `Conflict` once a ballot is in or the round closed (a new round is the way to change it),
/// `Invalid`, `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn update(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    actor: &Actor,
    id: RoundId,
    form: &RoundForm,
) -> Result<(), AppError> {
    let (_, ws) = moderated_round(db, actor, id).await?;
    let input = form.parse()?;
    let options = chosen(db, ws.id, &input).await?;
    let _turn = crate::server::workshop_turn(db, live, ws.id).await;
    // An open round's timer starts again with the new length.
    let round = find(db, id).await?;
    let ends = match (RoundState::parse(&round.state), input.duration_secs) {
        (RoundState::Open, Some(secs)) => Some(Utc::now() + Duration::seconds(i64::from(secs))),
        _ => None,
    };
    // The lock is checked in the same statement that changes the round: a ballot that came in
    // a moment ago wins.
    let changed = vote_rounds::Entity::update_many()
        .col_expr(vote_rounds::Column::EndsAt, Expr::value(ends))
        .col_expr(vote_rounds::Column::Title, Expr::value(input.title))
        .col_expr(vote_rounds::Column::Method, Expr::value(input.method.as_str()))
        .col_expr(vote_rounds::Column::Settings, Expr::value(json(&input.settings)))
        .col_expr(vote_rounds::Column::Options, Expr::value(json(&options)))
        .col_expr(vote_rounds::Column::LiveResults, Expr::value(input.live_results))
        .col_expr(
            vote_rounds::Column::DurationSecs,
            Expr::value(input.duration_secs.and_then(|s| i32::try_from(s).ok())),
        )
        .col_expr(vote_rounds::Column::Paper, Expr::value("{}"))
        .filter(vote_rounds::Column::Id.eq(round.id))
        .filter(vote_rounds::Column::Locked.eq(false))
        .filter(vote_rounds::Column::State.eq(round.state.clone()))
        .filter(vote_rounds::Column::State.ne(RoundState::Closed.as_str()))
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("vote-locked")));
    }
    super::live::round_changed(live, ws.id, round.id);
    Ok(())
}

/// Opens a round for ballots (the workshop must be voting; one open round at a time). With a
/// timer, the round closes by itself when it ends.
///
/// # Errors
/// `Conflict` when the workshop is not voting, another round is open, or this one is not a
/// draft; `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn open(db: &impl ConnectionTrait, live: &LiveHub, actor: &Actor, id: RoundId) -> Result<(), AppError> {
    let (_, ws) = moderated_round(db, actor, id).await?;
    if state_of(&ws) != WorkshopState::Voting {
        return Err(AppError::Conflict(Msg::new("vote-not-voting")));
    }
    let _turn = crate::server::workshop_turn(db, live, ws.id).await;
    // The timer as it stands now (a change a moment ago counts).
    let round = find(db, id).await?;
    let now = Utc::now();
    let ends = round.duration_secs.map(|s| now + Duration::seconds(i64::from(s)));
    let opened = vote_rounds::Entity::update_many()
        .col_expr(vote_rounds::Column::State, Expr::value(RoundState::Open.as_str()))
        .col_expr(vote_rounds::Column::OpenedAt, Expr::value(now))
        .col_expr(vote_rounds::Column::EndsAt, Expr::value(ends))
        .filter(vote_rounds::Column::Id.eq(round.id))
        .filter(vote_rounds::Column::State.eq(RoundState::Draft.as_str()))
        .exec(db)
        .await
        .map_err(|e| match AppError::from(e) {
            AppError::Conflict(_) => AppError::Conflict(Msg::new("vote-one-open")),
            other => other,
        })?;
    if opened.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("vote-not-draft")));
    }
    super::live::round_changed(live, ws.id, round.id);
    Ok(())
}

/// Records the dots or approvals counted on the paper pinboard (replacing earlier counts).
///
/// # Errors
/// `Invalid` for a count outside `0..=PAPER_MAX` or an unknown option, `Conflict` for score
/// and ranking rounds and closed rounds; `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn set_paper(
    db: &impl ConnectionTrait,
    live: &LiveHub,
    actor: &Actor,
    id: RoundId,
    form: &BTreeMap<String, String>,
) -> Result<(), AppError> {
    let (round, ws) = moderated_round(db, actor, id).await?;
    if !takes_paper(method_of(&round)) {
        return Err(AppError::Conflict(Msg::new("vote-paper-method")));
    }
    let ids = option_ids(&round);
    let mut paper = BTreeMap::new();
    let mut errors = crate::validate::Form::new();
    for (option, value) in &super::types::by_option(form) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match value.parse::<u32>() {
            Ok(n) if n <= PAPER_MAX && ids.contains(option) => {
                if n > 0 {
                    paper.insert(option.clone(), n);
                }
            }
            _ => {
                errors.error(&format!("paper[{option}]"), Msg::new("field-number").arg("min", 0).arg("max", PAPER_MAX))
            }
        }
    }
    errors.finish()?;
    let _turn = crate::server::workshop_turn(db, live, ws.id).await;
    let changed = vote_rounds::Entity::update_many()
        .col_expr(vote_rounds::Column::Paper, Expr::value(json(&paper)))
        .filter(vote_rounds::Column::Id.eq(round.id))
        .filter(vote_rounds::Column::State.ne(RoundState::Closed.as_str()))
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("vote-closed")));
    }
    super::live::round_changed(live, ws.id, round.id);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Closing and the frozen result

/// Every counted ballot of a round.
pub(crate) async fn ballots_of(db: &impl ConnectionTrait, round: &vote_rounds::Model) -> Result<Vec<Ballot>, AppError> {
    let method = method_of(round);
    let rows: Vec<String> = vote_ballots::Entity::find()
        .select_only()
        .column(vote_ballots::Column::Ballot)
        .filter(vote_ballots::Column::RoundId.eq(round.id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .iter()
        .filter_map(|raw| serde_json::from_str::<serde_json::Value>(raw).ok())
        .filter_map(|value| Ballot::from_json(method, &value).ok())
        .collect())
}

async fn compute(
    db: &impl ConnectionTrait,
    round: &vote_rounds::Model,
    eligible: u64,
) -> Result<FrozenResult, AppError> {
    let (method, settings) = (method_of(round), settings_of(round));
    let ballots = ballots_of(db, round).await?;
    let paper = if takes_paper(method) { paper_of(round) } else { BTreeMap::new() };
    let tally = tally::tally(method, &settings, &option_ids(round), &ballots, &paper);
    Ok(FrozenResult {
        method,
        settings,
        options: options_of(round),
        tally,
        eligible,
        closed_at: Utc::now(),
        provisional: false,
    })
}

/// Closes an open round: no more ballots, the result is computed once and kept with the round,
/// the key of the voters' hashes is erased. A closed round cannot be reopened.
///
/// # Errors
/// `Conflict` unless the round is open; `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn close<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    actor: &Actor,
    id: RoundId,
) -> Result<FrozenResult, AppError> {
    let (round, ws) = moderated_round(db, actor, id).await?;
    close_round(db, live, &round, ws.id).await
}

/// Closes the open rounds whose timer has run out (the server's sweep calls it every second).
///
/// # Errors
/// `Internal` when the database fails.
pub async fn close_due<C: ConnectionTrait + TransactionTrait>(db: &C, live: &LiveHub) -> Result<usize, AppError> {
    let open =
        vote_rounds::Entity::find().filter(vote_rounds::Column::State.eq(RoundState::Open.as_str())).all(db).await?;
    if open.is_empty() {
        return Ok(0);
    }
    // Rounds of workshops that moved on from voting close too (they take no ballots any more).
    let voting: HashSet<Uuid> = workshops::Entity::find()
        .select_only()
        .column(workshops::Column::Id)
        .filter(workshops::Column::Id.is_in(open.iter().map(|r| r.workshop_id)))
        .filter(workshops::Column::State.eq(WorkshopState::Voting.as_str()))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let now = Utc::now();
    let mut closed = 0;
    for round in open.iter().filter(|r| !voting.contains(&r.workshop_id) || r.ends_at.is_some_and(|e| e <= now)) {
        match close_round(db, live, round, round.workshop_id).await {
            Ok(_) => closed += 1,
            Err(AppError::Conflict(_)) => {} // closed by hand a moment ago
            Err(e) => tracing::warn!(error = ?e, round = %round.id, "a due round could not be closed"),
        }
    }
    Ok(closed)
}

async fn close_round<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    live: &LiveHub,
    round: &vote_rounds::Model,
    workshop: Uuid,
) -> Result<FrozenResult, AppError> {
    let _turn = crate::server::workshop_turn(db, live, workshop).await;
    let txn = db.begin().await?;
    // First the state, so no ballot can join after the count (a ballot in flight holds the row
    // on PostgreSQL until it commits; on SQLite writers take turns).
    let closing = vote_rounds::Entity::update_many()
        .col_expr(vote_rounds::Column::State, Expr::value(RoundState::Closed.as_str()))
        .col_expr(vote_rounds::Column::Secret, Expr::value(""))
        .filter(vote_rounds::Column::Id.eq(round.id))
        .filter(vote_rounds::Column::State.eq(RoundState::Open.as_str()))
        .exec(&txn)
        .await?;
    if closing.rows_affected == 0 {
        return Err(AppError::Conflict(Msg::new("vote-not-open")));
    }
    let eligible = eligible(&txn, workshop).await?;
    let current = find(&txn, RoundId(round.id)).await?;
    let result = compute(&txn, &current, eligible).await?;
    vote_rounds::Entity::update_many()
        .col_expr(vote_rounds::Column::Result, Expr::value(json(&result)))
        .col_expr(vote_rounds::Column::Eligible, Expr::value(i32::try_from(eligible).unwrap_or(i32::MAX)))
        .col_expr(vote_rounds::Column::ClosedAt, Expr::value(result.closed_at))
        .filter(vote_rounds::Column::Id.eq(round.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    super::live::round_changed(live, workshop, round.id);
    Ok(result)
}

/// The anonymous ballot file of a closed round: method, settings, options and every counted
/// ballot in random order, with nothing that identifies a person; `plenum tally` recounts it.
///
/// # Errors
/// `Conflict` unless the round is closed; `Unauthenticated`, `Forbidden`, `NotFound`.
pub async fn ballot_file(db: &impl ConnectionTrait, actor: &Actor, id: RoundId) -> Result<BallotFile, AppError> {
    let (round, _) = moderated_round(db, actor, id).await?;
    if RoundState::parse(&round.state) != RoundState::Closed {
        return Err(AppError::Conflict(Msg::new("vote-not-closed")));
    }
    let method = method_of(&round);
    let mut ballots: Vec<serde_json::Value> = ballots_of(db, &round).await?.iter().map(Ballot::to_json).collect();
    shuffle(&mut ballots);
    Ok(BallotFile {
        method,
        settings: settings_of(&round),
        options: options_of(&round).into_iter().map(|o| OptionRef { id: o.id, title: o.title }).collect(),
        ballots,
        paper: if takes_paper(method) { paper_of(&round) } else { BTreeMap::new() },
    })
}

/// Fisher–Yates with the operating system's randomness: the file's order says nothing about
/// the order the ballots came in.
fn shuffle<T>(items: &mut [T]) {
    rand::seq::SliceRandom::shuffle(items, &mut rand::thread_rng());
}
