//! Staff sessions: a random token in the cookie, its SHA-256 in the database. A session ends
//! after its fixed lifetime or after [`SESSION_IDLE_HOURS`] without use, whichever comes first.

use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::Expr,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{error::AppError, server::entities::sessions};

/// How long a staff session lasts at most.
pub const SESSION_DAYS: i64 = 14;
/// A session unused for this long is over (a computer left logged in at the town hall).
pub const SESSION_IDLE_HOURS: i64 = 8;
/// `last_seen_at` is written at most this often per session, not on every request.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// A random token, hex-encoded: what the browser or the console gets.
#[must_use]
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the database keeps of a token: its SHA-256, so a leaked database opens no session.
#[must_use]
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Sessions last used before this are over.
fn idle_before(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::hours(SESSION_IDLE_HOURS)
}

fn last_seen(session: &sessions::Model) -> DateTime<Utc> {
    session.last_seen_at.unwrap_or(session.created_at)
}

/// Opens a session for this account (sweeping out the sessions that are over first).
pub(super) async fn open(db: &impl ConnectionTrait, user_id: Uuid) -> Result<String, AppError> {
    purge_sessions(db).await?;
    let token = random_token();
    let now = Utc::now();
    sessions::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(SESSION_DAYS)),
        last_seen_at: Set(Some(now)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Deletes every session past its lifetime or unused for [`SESSION_IDLE_HOURS`]; how many.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn purge_sessions(db: &impl ConnectionTrait) -> Result<u64, AppError> {
    let now = Utc::now();
    let idle = idle_before(now);
    let over = Condition::any()
        .add(sessions::Column::ExpiresAt.lte(now))
        .add(sessions::Column::LastSeenAt.lte(idle))
        .add(Condition::all().add(sessions::Column::LastSeenAt.is_null()).add(sessions::Column::CreatedAt.lte(idle)));
    Ok(sessions::Entity::delete_many().filter(over).exec(db).await?.rows_affected)
}

/// The live session of this token, its use noted; a session that is over is deleted.
pub(super) async fn live(db: &impl ConnectionTrait, token: &str) -> Result<Option<sessions::Model>, AppError> {
    let Some(session) = sessions::Entity::find_by_id(token_hash(token)).one(db).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    if session.expires_at <= now || last_seen(&session) <= idle_before(now) {
        sessions::Entity::delete_by_id(session.token_hash).exec(db).await?;
        return Ok(None);
    }
    if now - last_seen(&session) >= TOUCH_EVERY {
        // One UPDATE, and only if no parallel request of the same session wrote it meanwhile.
        let stale = Condition::any()
            .add(sessions::Column::LastSeenAt.is_null())
            .add(sessions::Column::LastSeenAt.lt(now - TOUCH_EVERY));
        sessions::Entity::update_many()
            .col_expr(sessions::Column::LastSeenAt, Expr::value(Some(now)))
            .filter(sessions::Column::TokenHash.eq(&session.token_hash))
            .filter(stale)
            .exec(db)
            .await?;
    }
    Ok(Some(session))
}

/// Ends the session of this token (if it exists).
///
/// # Errors
/// `Internal` when the database fails.
pub async fn logout(db: &impl ConnectionTrait, token: &str) -> Result<(), AppError> {
    sessions::Entity::delete_by_id(token_hash(token)).exec(db).await?;
    Ok(())
}

/// Ends every session of an account but the one whose token hashes to `keep`: the hashes of
/// the ended ones (their live streams end too).
pub(super) async fn end_others(db: &impl ConnectionTrait, user: Uuid, keep: &str) -> Result<Vec<String>, AppError> {
    let others =
        || Condition::all().add(sessions::Column::UserId.eq(user)).add(sessions::Column::TokenHash.ne(keep.to_owned()));
    let ended = sessions::Entity::find().filter(others()).all(db).await?.into_iter().map(|s| s.token_hash).collect();
    sessions::Entity::delete_many().filter(others()).exec(db).await?;
    Ok(ended)
}
