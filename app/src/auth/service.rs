//! Accounts, passwords (argon2id), sessions and the first-start setup: what the server
//! functions and the command line call.

use std::net::IpAddr;

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};

pub use super::{
    accounts::{PasswordChange, change_password, create_user, list_users, set_active},
    limiter::LOCK_AFTER_FAILURES,
    password::{HASHING_WAIT, generate_password, hash_password},
    sessions::{SESSION_DAYS, SESSION_IDLE_HOURS, logout, purge_sessions, random_token, token_hash},
};
use super::{
    accounts::{current_user, insert_user},
    password::verify_password,
    sessions,
    types::{CurrentUser, Role},
};
use crate::{
    auth::LoginLimiter,
    error::{AppError, Msg},
    server::entities::{setup_tokens, users},
    validate::Form,
};

/// How long the one-time setup link works.
pub const SETUP_TOKEN_HOURS: i64 = 24;

/// Checks e-mail and password and opens a session. Every failure says the same thing, and
/// every e-mail address, known or not, waits the same after repeated failures from one
/// address; another address is not held up by them.
///
/// # Errors
/// `Invalid` (one generic message) for a wrong e-mail or password or an inactive account,
/// `RateLimited` while the address or the pair of e-mail and address has to wait.
pub async fn login(
    db: &impl ConnectionTrait,
    limiter: &LoginLimiter,
    ip: IpAddr,
    email: &str,
    password: &str,
) -> Result<(CurrentUser, String), AppError> {
    let email = email.trim().to_lowercase();
    // Counted as failed before anything is looked up or checked, under the limiter's lock:
    // guesses sent at once cannot all pass, and the answer does not depend on the account.
    let attempt =
        limiter.begin(&email, ip).map_err(|secs| AppError::RateLimited { retry_after_secs: secs, limit: None })?;
    let user = match users::Entity::find().filter(users::Column::Email.eq(&email)).one(db).await {
        Ok(user) => user,
        Err(e) => {
            limiter.cancel(attempt);
            return Err(e.into());
        }
    };
    // Refused for want of a free hasher (or the database failed): no guess was checked.
    let ok = match verify_password(password.to_owned(), user.as_ref().map(|u| u.password_hash.clone())).await {
        Ok(ok) => ok,
        Err(e) => {
            limiter.cancel(attempt);
            return Err(e);
        }
    };
    match user {
        Some(user) if ok && user.active => {
            limiter.finish(attempt, true);
            let token = sessions::open(db, user.id).await?;
            Ok((current_user(&user)?, token))
        }
        _ => {
            limiter.finish(attempt, false);
            Err(AppError::invalid("password", Msg::new("login-failed")))
        }
    }
}

/// The active staff member of a live session (neither past its lifetime nor idle for
/// [`SESSION_IDLE_HOURS`]); its use is noted at most once a minute.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn session_user(db: &impl ConnectionTrait, token: &str) -> Result<Option<CurrentUser>, AppError> {
    let Some(session) = sessions::live(db, token).await? else {
        return Ok(None);
    };
    let user = users::Entity::find_by_id(session.user_id).one(db).await?;
    user.filter(|u| u.active).map(|u| current_user(&u)).transpose()
}

/// Whether the instance still needs its first admin.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn setup_needed(db: &impl ConnectionTrait) -> Result<bool, AppError> {
    let admins = users::Entity::find().filter(users::Column::Role.eq(Role::Admin.as_str())).count(db).await?;
    Ok(admins == 0)
}

/// A fresh one-time setup token (earlier ones stop working).
///
/// # Errors
/// `Internal` when the database fails.
pub async fn issue_setup_token(db: &impl ConnectionTrait) -> Result<String, AppError> {
    setup_tokens::Entity::delete_many().exec(db).await?;
    let token = random_token();
    setup_tokens::ActiveModel { token_hash: Set(token_hash(&token)), created_at: Set(Utc::now()) }.insert(db).await?;
    Ok(token)
}

/// Setup tokens made before this have expired.
fn setup_issued_after() -> chrono::DateTime<Utc> {
    Utc::now() - Duration::hours(SETUP_TOKEN_HOURS)
}

/// Whether this setup token can still create the first admin (known, not older than
/// [`SETUP_TOKEN_HOURS`], and no admin yet).
///
/// # Errors
/// `Internal` when the database fails.
pub async fn setup_token_valid(db: &impl ConnectionTrait, token: &str) -> Result<bool, AppError> {
    let row = setup_tokens::Entity::find_by_id(token_hash(token)).one(db).await?;
    let fresh = row.is_some_and(|t| t.created_at > setup_issued_after());
    Ok(fresh && setup_needed(db).await?)
}

/// Creates the first admin with the one-time setup token and logs them in.
///
/// # Errors
/// `NotFound` for an unknown, used or expired token, `Invalid` for bad input or passwords
/// that differ.
pub async fn complete_setup<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    token: &str,
    email: &str,
    password: &str,
    password_repeat: &str,
) -> Result<(CurrentUser, String), AppError> {
    let mut form = Form::new();
    let email = form.email("email", email);
    form.new_password("password", password);
    if password != password_repeat {
        form.error("password_repeat", Msg::new("field-password-mismatch"));
    }
    form.finish()?;
    let txn = db.begin().await?;
    // Deleting the token first makes a second, concurrent use find nothing; an expired one
    // is not deleted and so opens nothing.
    let deleted = setup_tokens::Entity::delete_many()
        .filter(setup_tokens::Column::TokenHash.eq(token_hash(token)))
        .filter(setup_tokens::Column::CreatedAt.gt(setup_issued_after()))
        .exec(&txn)
        .await?;
    if deleted.rows_affected == 0 || !setup_needed(&txn).await? {
        return Err(AppError::NotFound);
    }
    insert_user(&txn, &email, Role::Admin, password.to_owned()).await?;
    txn.commit().await?;
    login_without_password(db, &email).await
}

async fn login_without_password(db: &impl ConnectionTrait, email: &str) -> Result<(CurrentUser, String), AppError> {
    let user = users::Entity::find().filter(users::Column::Email.eq(email)).one(db).await?.ok_or(AppError::NotFound)?;
    let token = sessions::open(db, user.id).await?;
    Ok((current_user(&user)?, token))
}
