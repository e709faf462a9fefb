//! Server-only plumbing shared by every feature: application state, the database handle,
//! the calling actor, cookies, and the mapping of database errors into [`AppError`].

pub mod assets;
pub mod cluster;
pub mod entities;
pub mod html;
pub mod languages;
pub mod limits;
pub mod live;
mod state;
pub mod streams;
pub mod writer;

use axum::http;
use leptos::prelude::*;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, SqlErr};

pub use assets::Assets;
pub use limits::{AddressLimits, Bucket};
pub use live::LiveHub;
pub use state::{AppState, Settings};
pub use writer::Writer;

use crate::{
    error::{AppError, Msg},
    i18n::{LANG_COOKIE, Lang},
};

/// The database of the running server.
///
/// # Errors
/// `Internal` when called outside a request of the server (a programming error).
pub fn db() -> Result<DatabaseConnection, AppError> {
    state().map(|s| s.db)
}

/// SQLite has one writer at a time; waiting writers would poll with growing sleeps (seconds in
/// the tail under load). Writers of this process queue here instead, in order.
static SQLITE_WRITES: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Holds the write turn on SQLite until dropped (on PostgreSQL: nothing to wait for).
pub async fn write_turn(db: &impl ConnectionTrait) -> Option<tokio::sync::MutexGuard<'static, ()>> {
    if db.get_database_backend() == DbBackend::Sqlite { Some(SQLITE_WRITES.lock().await) } else { None }
}

/// The write turn of one workshop: the workshop's publishing order (on every database) and, on
/// SQLite, the process's single writer. A change that boards show is written and published
/// while it is held (drop it after publishing).
pub struct WorkshopTurn {
    _order: tokio::sync::OwnedMutexGuard<()>,
    _sqlite: Option<tokio::sync::MutexGuard<'static, ()>>,
}

/// Waits for the write turn of a workshop (always the workshop's order first, then SQLite's).
pub async fn workshop_turn(db: &impl ConnectionTrait, live: &LiveHub, workshop: uuid::Uuid) -> WorkshopTurn {
    let order = live.order(workshop).await;
    WorkshopTurn { _order: order, _sqlite: write_turn(db).await }
}

/// The application state of the running server.
///
/// # Errors
/// `Internal` when called outside a request of the server.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the request context");
        AppError::Internal
    })
}

/// The client address of a request: the TCP peer, or, behind a trusted proxy, the last address
/// of `X-Forwarded-For`: the one the proxy added (the ones before it are whatever the client
/// sent, so they are never believed).
#[must_use]
pub fn client_address(
    headers: &http::HeaderMap,
    peer: Option<std::net::SocketAddr>,
    trust_proxy: bool,
) -> std::net::IpAddr {
    if trust_proxy {
        let last = headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|hop| hop.trim().parse::<std::net::IpAddr>().ok());
        if let Some(ip) = last {
            return ip;
        }
    }
    peer.map_or(std::net::IpAddr::from([0, 0, 0, 0]), |p| p.ip())
}

/// The client address of the current request (see [`client_address`]).
#[must_use]
pub fn client_ip() -> std::net::IpAddr {
    let trust = state().is_ok_and(|s| s.settings.trust_proxy);
    use_context::<http::request::Parts>().map_or(std::net::IpAddr::from([0, 0, 0, 0]), |p| {
        let peer = p.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0);
        client_address(&p.headers, peer, trust)
    })
}

/// Counts one request of `bucket` from the current client address.
///
/// # Errors
/// `RateLimited` naming the limit (with the fitting status for a call from a script or page).
pub fn limit(bucket: Bucket) -> Result<(), AppError> {
    let state = state()?;
    respond(state.limits.check(bucket, client_ip()))
}

/// The value of a cookie of the current request.
#[must_use]
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    cookie_from_headers(&parts.headers, name)
}

/// The value of the cookie `name` in these headers.
#[must_use]
pub fn cookie_from_headers(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The path of the current request.
#[must_use]
pub fn request_path() -> String {
    use_context::<http::request::Parts>().map(|p| p.uri.path().to_owned()).unwrap_or_default()
}

/// The language of the current request: cookie, `Accept-Language`, German; on a workshop's
/// or survey's page one of the languages it offers.
#[must_use]
pub fn request_lang() -> Lang {
    let parts = use_context::<http::request::Parts>();
    let accept = parts
        .as_ref()
        .and_then(|p| p.headers.get(http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(str::to_owned));
    let lang = Lang::from_headers(request_cookie(LANG_COOKIE).as_deref(), accept.as_deref());
    match request_offer() {
        Some(offer) => lang.within(&offer.langs()),
        None => lang,
    }
}

/// The language a page of this request is rendered in: staff pages and the calls their
/// hydrated code makes (`/api/…`) in a staff language, participant pages in theirs.
#[must_use]
pub fn page_lang() -> Lang {
    let path = request_path();
    let lang = request_lang();
    if crate::app::hydrates(&path) || path.starts_with("/api/") { lang.for_staff() } else { lang }
}

/// The languages the page of the current request offers, where it chooses (a workshop's, a
/// survey's); set by the server before the page renders (`languages::offer_of_page`).
#[must_use]
pub fn request_offer() -> Option<crate::i18n::Offer> {
    use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<crate::i18n::Offer>().cloned())
}

/// Adds a `Set-Cookie` header to the current response.
pub fn set_cookie(value: &str) {
    if let (Some(res), Ok(v)) = (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(value)) {
        res.append_header(http::header::SET_COOKIE, v);
    }
}

/// Whether the current request came over https (directly or through a proxy that says so).
#[must_use]
pub fn request_is_https() -> bool {
    let from_proxy = use_context::<http::request::Parts>().is_some_and(|p| {
        p.headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
    });
    from_proxy || state().is_ok_and(|s| s.settings.public_url.starts_with("https://"))
}

/// Finishes a server function: for a fetch call, an error gets its fitting HTTP status.
/// A plain form post (no JavaScript) keeps the redirect back to the form, which shows
/// the error from the URL.
///
/// # Errors
/// The error it was given.
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(err) = &result
        && !is_form_post()
        && let (Some(res), Ok(code)) =
            (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(err.status()))
    {
        res.set_status(code);
    }
    result
}

/// Whether the current call is a plain form post from a browser without JavaScript (it asks for
/// HTML; a hydrated page's call asks for data).
#[must_use]
pub fn is_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|p| {
        p.headers.get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
    })
}

/// Sets the status of a rendered page (404 page, error page).
pub fn set_page_status(status: u16) {
    if let (Some(res), Ok(code)) = (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(status)) {
        res.set_status(code);
    }
}

impl From<DbErr> for AppError {
    /// Database errors never reach the browser as text: the cause is logged once here.
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                return Self::Conflict(Msg::new("error-conflict"));
            }
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => return Self::NotFound,
            _ => {}
        }
        if matches!(err, DbErr::RecordNotFound(_)) {
            return Self::NotFound;
        }
        tracing::error!(error = %err, "database error");
        Self::Internal
    }
}

/// Whether a post comes from a page of this site: the browser's `Sec-Fetch-Site`, else the
/// `Origin` against the public address (behind a proxy) or the `Host`.
#[must_use]
pub fn same_site(headers: &http::HeaderMap, public_url: &str) -> bool {
    let get = |h: &str| headers.get(h).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site") {
        return site == "same-origin" || site == "none";
    }
    let Some(origin) = get("origin") else {
        return true;
    };
    let public = public_url.trim_end_matches('/');
    origin == public || get("host").is_some_and(|host| origin.split_once("://").is_some_and(|(_, rest)| rest == host))
}
