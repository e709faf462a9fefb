//! Server functions of staff accounts.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::types::{CreatedUser, CurrentUser, UserId, UserSummary};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::{auth::service, server};

/// The logged-in staff member, if any.
#[server(input = GetUrl)]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    let actor = crate::auth::actor().await?;
    Ok(actor.staff().cloned())
}

#[cfg(feature = "ssr")]
fn session_cookie(token: &str, max_age_secs: i64) -> String {
    let secure = if server::request_is_https() { "; Secure" } else { "" };
    format!("{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}", super::SESSION_COOKIE)
}

/// Logs a staff member in and goes to the staff overview.
#[server]
pub async fn login(email: String, password: String) -> Result<(), AppError> {
    let state = server::state()?;
    let ip = server::client_ip();
    let limiter = crate::auth::limiter()?;
    let result = service::login(&state.db, &limiter, ip, &email, &password).await;
    let (_, token) = server::respond(result)?;
    server::set_cookie(&session_cookie(&token, service::SESSION_DAYS * 86_400));
    leptos_axum::redirect("/staff");
    Ok(())
}

/// Ends the session and goes to the start page.
#[server]
pub async fn logout() -> Result<(), AppError> {
    if let Some(token) = server::request_cookie(super::SESSION_COOKIE) {
        let state = server::state()?;
        service::logout(&state.db, &token).await?;
        state.streams.end(server::streams::Ending::Session(&service::token_hash(&token)));
    }
    server::set_cookie(&session_cookie("", 0));
    leptos_axum::redirect("/");
    Ok(())
}

/// Changes the caller's own password; their other sessions end, this one stays.
#[server]
pub async fn change_password(
    current_password: String,
    password: String,
    password_repeat: String,
) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    let session = server::request_cookie(super::SESSION_COOKIE).unwrap_or_default();
    let change = service::PasswordChange { current: &current_password, new: &password, repeat: &password_repeat };
    let (limiter, ip) = (crate::auth::limiter()?, server::client_ip());
    let changed = service::change_password(&state.db, &limiter, ip, &actor, &session, change).await;
    for ended in server::respond(changed)? {
        state.streams.end(server::streams::Ending::Session(&ended));
    }
    // A form posted without JavaScript comes back to the page, which then says it worked.
    leptos_axum::redirect("/staff/password?changed=1");
    Ok(())
}

/// Every staff account (admins only).
#[server(input = GetUrl)]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    let actor = crate::auth::actor().await?;
    server::respond(service::list_users(&server::db()?, &actor).await)
}

/// Creates a staff account with a generated password (admins only).
#[server]
pub async fn create_user(email: String, role: String) -> Result<CreatedUser, AppError> {
    let actor = crate::auth::actor().await?;
    server::respond(service::create_user(&server::db()?, &actor, &email, &role, None).await)
}

/// Deactivates or reactivates a staff account (admins only).
#[server]
pub async fn set_user_active(id: UserId, active: bool) -> Result<(), AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    server::respond(service::set_active(&state.db, &actor, id, active).await)?;
    if !active {
        state.streams.end(server::streams::Ending::User(id.0));
    }
    Ok(())
}

/// Whether a setup token can still create the first admin.
#[server(input = GetUrl)]
pub async fn setup_token_valid(token: String) -> Result<bool, AppError> {
    service::setup_token_valid(&server::db()?, &token).await
}

/// Creates the first admin with the one-time link and logs them in.
#[server]
pub async fn complete_setup(
    token: String,
    email: String,
    password: String,
    password_repeat: String,
) -> Result<(), AppError> {
    let db = server::db()?;
    let result = service::complete_setup(&db, &token, &email, &password, &password_repeat).await;
    let (_, session) = server::respond(result)?;
    server::set_cookie(&session_cookie(&session, service::SESSION_DAYS * 86_400));
    leptos_axum::redirect("/staff");
    Ok(())
}
