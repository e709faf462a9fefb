//! Accounts, passwords (argon2id), sessions and the first-start setup.

use std::{net::IpAddr, sync::OnceLock};

use argon2::{
    Argon2, PasswordHash, PasswordHasher, PasswordVerifier,
    password_hash::{SaltString, rand_core::OsRng},
};
use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::types::{Actor, CreatedUser, CurrentUser, Role, UserId, UserSummary};
use crate::{
    auth::LoginLimiter,
    error::{AppError, Msg},
    server::entities::{sessions, setup_tokens, users},
    validate::Form,
};

/// How long a staff session lasts.
pub const SESSION_DAYS: i64 = 14;
/// Consecutive failures after which an account waits before the next try.
pub const LOCK_AFTER_FAILURES: i32 = 5;

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

/// Hashes a password with argon2id off the async runtime.
///
/// # Errors
/// `Internal` when hashing fails.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|e| internal("hash task", &e))?
    .map_err(|e| internal("hash", &e))
}

async fn verify_password(password: String, hash: Option<String>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    tokio::task::spawn_blocking(move || {
        // Unknown e-mail addresses cost the same time as known ones.
        let hash = hash.unwrap_or_else(|| {
            DUMMY
                .get_or_init(|| {
                    let salt = SaltString::generate(&mut OsRng);
                    Argon2::default().hash_password(b"plenum-dummy", &salt).map(|h| h.to_string()).unwrap_or_default()
                })
                .clone()
        });
        PasswordHash::new(&hash)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .unwrap_or(false)
}

fn internal(what: &str, err: &dyn std::fmt::Display) -> AppError {
    tracing::error!(error = %err, "{what} failed");
    AppError::Internal
}

fn current_user(model: &users::Model) -> Result<CurrentUser, AppError> {
    let role = Role::parse(&model.role).ok_or_else(|| internal("role", &model.role))?;
    Ok(CurrentUser { id: UserId(model.id), email: model.email.clone(), role })
}

/// Creates a staff account. Without a password, a random one is generated and returned.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless the actor is an admin, `Invalid` for a bad e-mail,
/// password or role, or an e-mail already in use.
pub async fn create_user(
    db: &impl ConnectionTrait,
    actor: &Actor,
    email: &str,
    role: &str,
    password: Option<String>,
) -> Result<CreatedUser, AppError> {
    actor.require_admin()?;
    let mut form = Form::new();
    let email = form.email("email", email);
    let parsed_role = Role::parse(role);
    if parsed_role.is_none() {
        form.error("role", Msg::new("field-role"));
    }
    let password = password.unwrap_or_else(generate_password);
    form.new_password("password", &password);
    form.finish()?;
    let role = parsed_role.ok_or(AppError::Internal)?;
    insert_user(db, &email, role, password).await
}

async fn insert_user(
    db: &impl ConnectionTrait,
    email: &str,
    role: Role,
    password: String,
) -> Result<CreatedUser, AppError> {
    let taken = users::Entity::find().filter(users::Column::Email.eq(email)).count(db).await? > 0;
    if taken {
        return Err(AppError::invalid("email", Msg::new("field-email-taken")));
    }
    let hash = hash_password(password.clone()).await?;
    users::ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(email.to_owned()),
        password_hash: Set(hash),
        role: Set(role.as_str().to_owned()),
        active: Set(true),
        failed_logins: Set(0),
        locked_until: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(CreatedUser { email: email.to_owned(), password })
}

/// A password to hand over: 20 characters without look-alikes.
#[must_use]
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect()
}

/// Checks e-mail and password and opens a session. Every failure says the same thing;
/// repeated failures make the account and the address wait.
///
/// # Errors
/// `Invalid` (one generic message) for a wrong e-mail or password or an inactive account,
/// `RateLimited` while the account or the address has to wait.
pub async fn login(
    db: &impl ConnectionTrait,
    limiter: &LoginLimiter,
    ip: IpAddr,
    email: &str,
    password: &str,
) -> Result<(CurrentUser, String), AppError> {
    limiter.check(ip).map_err(|secs| AppError::RateLimited { retry_after_secs: secs, limit: None })?;
    let email = email.trim().to_lowercase();
    let user = users::Entity::find().filter(users::Column::Email.eq(&email)).one(db).await?;
    let now = Utc::now();
    if let Some(until) = user.as_ref().and_then(|u| u.locked_until).filter(|until| *until > now) {
        let secs = u64::try_from((until - now).num_seconds()).unwrap_or(1).max(1);
        return Err(AppError::RateLimited { retry_after_secs: secs, limit: None });
    }
    let ok = verify_password(password.to_owned(), user.as_ref().map(|u| u.password_hash.clone())).await;
    match user {
        Some(user) if ok && user.active => {
            limiter.record_success(ip);
            let mut active: users::ActiveModel = user.clone().into();
            active.failed_logins = Set(0);
            active.locked_until = Set(None);
            active.update(db).await?;
            let token = open_session(db, user.id).await?;
            Ok((current_user(&user)?, token))
        }
        user => {
            limiter.record_failure(ip);
            if let Some(user) = user {
                record_failed_login(db, user).await?;
            }
            Err(AppError::invalid("password", Msg::new("login-failed")))
        }
    }
}

/// After [`LOCK_AFTER_FAILURES`] failures in a row the account waits 30 s, doubling up to 15 min.
async fn record_failed_login(db: &impl ConnectionTrait, user: users::Model) -> Result<(), AppError> {
    let failures = user.failed_logins.saturating_add(1);
    let mut active: users::ActiveModel = user.into();
    active.failed_logins = Set(failures);
    if failures >= LOCK_AFTER_FAILURES {
        let exponent = u32::try_from(failures - LOCK_AFTER_FAILURES).unwrap_or(0).min(5);
        active.locked_until = Set(Some(Utc::now() + Duration::seconds(30 * (1 << exponent))));
    }
    active.update(db).await?;
    Ok(())
}

async fn open_session(db: &impl ConnectionTrait, user_id: Uuid) -> Result<String, AppError> {
    let token = random_token();
    let now = Utc::now();
    sessions::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(SESSION_DAYS)),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Ends the session of this token (if it exists).
///
/// # Errors
/// `Internal` when the database fails.
pub async fn logout(db: &impl ConnectionTrait, token: &str) -> Result<(), AppError> {
    sessions::Entity::delete_by_id(token_hash(token)).exec(db).await?;
    Ok(())
}

/// The active staff member of a live session.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn session_user(db: &impl ConnectionTrait, token: &str) -> Result<Option<CurrentUser>, AppError> {
    let Some(session) = sessions::Entity::find_by_id(token_hash(token)).one(db).await? else {
        return Ok(None);
    };
    if session.expires_at <= Utc::now() {
        sessions::Entity::delete_by_id(session.token_hash).exec(db).await?;
        return Ok(None);
    }
    let user = users::Entity::find_by_id(session.user_id).one(db).await?;
    user.filter(|u| u.active).map(|u| current_user(&u)).transpose()
}

/// All staff accounts, by e-mail.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless the actor is an admin.
pub async fn list_users(db: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<UserSummary>, AppError> {
    actor.require_admin()?;
    let rows = users::Entity::find().order_by_asc(users::Column::Email).all(db).await?;
    rows.iter()
        .map(|u| {
            let user = current_user(u)?;
            Ok(UserSummary { id: user.id, email: user.email, role: user.role, active: u.active })
        })
        .collect()
}

/// Deactivates (ending all sessions) or reactivates an account. Admins cannot lock themselves out.
///
/// # Errors
/// `Forbidden`/`Unauthenticated` unless an admin, `NotFound`, `Conflict` for one's own account.
pub async fn set_active(db: &impl ConnectionTrait, actor: &Actor, id: UserId, active: bool) -> Result<(), AppError> {
    actor.require_admin()?;
    if actor.staff().is_some_and(|me| me.id == id) {
        return Err(AppError::Conflict(Msg::new("users-cannot-deactivate-self")));
    }
    let user = users::Entity::find_by_id(id.0).one(db).await?.ok_or(AppError::NotFound)?;
    let mut model: users::ActiveModel = user.into();
    model.active = Set(active);
    model.update(db).await?;
    if !active {
        sessions::Entity::delete_many().filter(sessions::Column::UserId.eq(id.0)).exec(db).await?;
    }
    Ok(())
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

/// Whether this setup token can still create the first admin.
///
/// # Errors
/// `Internal` when the database fails.
pub async fn setup_token_valid(db: &impl ConnectionTrait, token: &str) -> Result<bool, AppError> {
    let known = setup_tokens::Entity::find_by_id(token_hash(token)).one(db).await?.is_some();
    Ok(known && setup_needed(db).await?)
}

/// Creates the first admin with the one-time setup token and logs them in.
///
/// # Errors
/// `NotFound` for an unknown or used token, `Invalid` for bad input or passwords that differ.
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
    // Deleting the token first makes a second, concurrent use find nothing.
    let deleted = setup_tokens::Entity::delete_by_id(token_hash(token)).exec(&txn).await?;
    if deleted.rows_affected == 0 || !setup_needed(&txn).await? {
        return Err(AppError::NotFound);
    }
    insert_user(&txn, &email, Role::Admin, password.to_owned()).await?;
    txn.commit().await?;
    login_without_password(db, &email).await
}

async fn login_without_password(db: &impl ConnectionTrait, email: &str) -> Result<(CurrentUser, String), AppError> {
    let user = users::Entity::find().filter(users::Column::Email.eq(email)).one(db).await?.ok_or(AppError::NotFound)?;
    let token = open_session(db, user.id).await?;
    Ok((current_user(&user)?, token))
}
