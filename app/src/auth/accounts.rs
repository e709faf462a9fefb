//! Staff accounts: created, listed and (de)activated by admins; each staff member changes their
//! own password.

use std::net::IpAddr;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, NotSet, PaginatorTrait, QueryFilter, QueryOrder, Set,
    sea_query::Expr,
};
use uuid::Uuid;

use super::{
    limiter::LoginLimiter,
    password::{generate_password, hash_password, verify_password},
    sessions::{self, token_hash},
    types::{Actor, CreatedUser, CurrentUser, Role, UserId, UserSummary},
};
use crate::{
    error::{AppError, Msg},
    server::entities::{sessions as session_rows, users},
    validate::Form,
};

pub(super) fn current_user(model: &users::Model) -> Result<CurrentUser, AppError> {
    let role = Role::parse(&model.role).ok_or_else(|| {
        tracing::error!(role = %model.role, "unknown role in the database");
        AppError::Internal
    })?;
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

pub(super) async fn insert_user(
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
        // No longer used (the login limiter counts failures in memory); the columns stay.
        failed_logins: NotSet,
        locked_until: NotSet,
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(CreatedUser { email: email.to_owned(), password })
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
        session_rows::Entity::delete_many().filter(session_rows::Column::UserId.eq(id.0)).exec(db).await?;
    }
    Ok(())
}

/// A staff member's new password, with the current one as proof (no `Debug`: nothing prints it).
#[derive(Clone, Copy)]
pub struct PasswordChange<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub repeat: &'a str,
}

/// Changes the caller's own password once the current one is proven, and ends their other
/// sessions (whoever knew the old password may hold one); `session` is the caller's own token,
/// which stays. Returns the hashes of the sessions ended. A wrong current password counts as a
/// failed login of the account from `ip` (a session left open cannot be used to guess it).
///
/// # Errors
/// `Unauthenticated` unless a staff member with an active account, `RateLimited` while the
/// account waits at this address, `Invalid` naming each field: `current_password` (wrong),
/// `password` (length, as on account creation), `password_repeat`.
pub async fn change_password(
    db: &impl ConnectionTrait,
    limiter: &LoginLimiter,
    ip: IpAddr,
    actor: &Actor,
    session: &str,
    change: PasswordChange<'_>,
) -> Result<Vec<String>, AppError> {
    let me = actor.staff().ok_or(AppError::Unauthenticated)?;
    let user =
        users::Entity::find_by_id(me.id.0).one(db).await?.filter(|u| u.active).ok_or(AppError::Unauthenticated)?;
    let mut form = Form::new();
    let attempt =
        limiter.begin(&user.email, ip).map_err(|secs| AppError::RateLimited { retry_after_secs: secs, limit: None })?;
    // The hash is checked even when the new password is refused, so one answer names every field.
    let proven = match verify_password(change.current.to_owned(), Some(user.password_hash.clone())).await {
        Ok(proven) => proven,
        Err(e) => {
            // Too busy to hash: no guess was checked.
            limiter.cancel(attempt);
            return Err(e);
        }
    };
    limiter.finish(attempt, proven);
    if !proven {
        form.error("current_password", Msg::new("field-password-current"));
    }
    form.new_password("password", change.new);
    if change.new != change.repeat {
        form.error("password_repeat", Msg::new("field-password-mismatch"));
    }
    form.finish()?;
    let hash = hash_password(change.new.to_owned()).await?;
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Expr::value(hash))
        .filter(users::Column::Id.eq(user.id))
        .exec(db)
        .await?;
    sessions::end_others(db, user.id, &token_hash(session)).await
}
