//! Accounts, passwords (argon2id), sessions and the first-start setup.

use std::{net::IpAddr, sync::OnceLock};

use argon2::{
    Argon2, PasswordHash, PasswordHasher,
    password_hash::{SaltString, rand_core::OsRng},
};
use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionSession, TransactionTrait, sea_query::Expr,
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
    let _turn = hashing_turn().await?;
    on_hashing_thread(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .ok_or_else(|| internal("hash task", &"the hashing thread is gone"))?
    .map_err(|e| internal("hash", &e))
}

fn hashing_threads() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZero::get).clamp(1, 8)
}

type HashJob = Box<dyn FnOnce() + Send>;

/// Runs a hash on one of [`hashing_threads`] long-lived threads. Short-lived blocking threads
/// would each keep their own allocator arena with a 19 MB block in it: with a few fixed threads
/// the memory argon2 uses stays a few blocks, however many logins came.
async fn on_hashing_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    static QUEUE: OnceLock<std::sync::mpsc::Sender<HashJob>> = OnceLock::new();
    let queue = QUEUE.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<HashJob>();
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for i in 0..hashing_threads() {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new().name(format!("argon2-{i}")).spawn(move || {
                loop {
                    // The lock is held only while waiting for the next job.
                    let job = match rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a hashing thread");
            }
        }
        tx
    });
    let (done, result) = tokio::sync::oneshot::channel();
    queue
        .send(Box::new(move || {
            let _ = done.send(work());
        }))
        .ok()?;
    result.await.ok()
}

/// At most one argon2 hash per core at a time (each holds about 19 MB): a burst of logins waits
/// its turn for up to [`HASHING_WAIT`], then is told to try again.
async fn hashing_turn() -> Result<tokio::sync::SemaphorePermit<'static>, AppError> {
    static TURNS: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    let turns = TURNS.get_or_init(|| tokio::sync::Semaphore::new(hashing_threads()));
    match tokio::time::timeout(HASHING_WAIT, turns.acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => Err(AppError::RateLimited { retry_after_secs: 5, limit: Some(Msg::new("login-busy")) }),
    }
}

/// How long a login waits for a free hashing turn.
pub const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

async fn verify_password(password: String, hash: Option<String>) -> Result<bool, AppError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let _turn = hashing_turn().await?;
    Ok(on_hashing_thread(move || {
        // Unknown e-mail addresses cost the same time as known ones.
        let hash = hash.unwrap_or_else(|| {
            DUMMY
                .get_or_init(|| {
                    let salt = SaltString::generate(&mut OsRng);
                    Argon2::default().hash_password(b"plenum-dummy", &salt).map(|h| h.to_string()).unwrap_or_default()
                })
                .clone()
        });
        verify_in_place(password.as_bytes(), &hash)
    })
    .await
    .unwrap_or(false))
}

thread_local! {
    /// The hashing thread's argon2 memory (19 MB), kept between hashes: a freed block of that
    /// size stays in the allocator anyway, one per thread.
    static MEMORY: std::cell::RefCell<Vec<argon2::Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Checks a password against its PHC string, in this thread's argon2 memory.
fn verify_in_place(password: &[u8], hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    let (Ok(params), Ok(algorithm)) =
        (argon2::Params::try_from(&parsed), argon2::Algorithm::try_from(parsed.algorithm))
    else {
        return false;
    };
    let Ok(version) = parsed.version.map_or(Ok(argon2::Version::default()), argon2::Version::try_from) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return false };
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else { return false };
    let mut out = vec![0u8; expected.len()];
    let blocks = params.block_count();
    let hashed = MEMORY.with_borrow_mut(|memory| {
        if memory.len() < blocks {
            memory.resize(blocks, argon2::Block::default());
        }
        Argon2::new(algorithm, version, params).hash_password_into_with_memory(
            password,
            salt,
            &mut out,
            &mut memory[..blocks],
        )
    });
    // `Output` compares in constant time.
    hashed.is_ok() && argon2::password_hash::Output::new(&out).is_ok_and(|o| o == expected)
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
    // The attempt counts as failed before the hash is checked, in one UPDATE: guesses sent at
    // once cannot all pass the lockout; a correct password resets the count.
    if let Some(user) = &user
        && let Some(until) = count_attempt(db, user.id).await?
    {
        let secs = u64::try_from((until - now).num_seconds()).unwrap_or(1).max(1);
        return Err(AppError::RateLimited { retry_after_secs: secs, limit: None });
    }
    let ok = verify_password(password.to_owned(), user.as_ref().map(|u| u.password_hash.clone())).await?;
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
        _ => {
            limiter.record_failure(ip);
            Err(AppError::invalid("password", Msg::new("login-failed")))
        }
    }
}

/// Counts one attempt on the account. From the [`LOCK_AFTER_FAILURES`]th in a row the account
/// waits 30 s, doubling up to 16 min; an attempt that arrives while it waits is refused
/// unchecked (`Some(until)`).
async fn count_attempt(db: &impl ConnectionTrait, user: Uuid) -> Result<Option<chrono::DateTime<Utc>>, AppError> {
    let one_more = {
        use sea_orm::sea_query::ExprTrait;
        Expr::col(users::Column::FailedLogins).add(1)
    };
    users::Entity::update_many()
        .col_expr(users::Column::FailedLogins, one_more)
        .filter(users::Column::Id.eq(user))
        .exec(db)
        .await?;
    let Some(row) = users::Entity::find_by_id(user).one(db).await? else {
        return Ok(None);
    };
    let failures = row.failed_logins;
    if failures < LOCK_AFTER_FAILURES {
        return Ok(None);
    }
    // Of the attempts that reach the limit at once, the one that sets the wait is checked; the
    // others find it set (the condition is part of the UPDATE) and are refused unchecked.
    let now = Utc::now();
    let exponent = Ord::min(u32::try_from(failures - LOCK_AFTER_FAILURES).unwrap_or(0), 5);
    let until = now + Duration::seconds(30 * (1 << exponent));
    let set = users::Entity::update_many()
        .col_expr(users::Column::LockedUntil, Expr::value(Some(until)))
        .filter(users::Column::Id.eq(user))
        .filter(
            sea_orm::Condition::any()
                .add(users::Column::LockedUntil.is_null())
                .add(users::Column::LockedUntil.lte(now)),
        )
        .exec(db)
        .await?;
    if set.rows_affected == 1 { Ok(None) } else { Ok(Some(row.locked_until.filter(|u| *u > now).unwrap_or(until))) }
}

async fn open_session(db: &impl ConnectionTrait, user_id: Uuid) -> Result<String, AppError> {
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
