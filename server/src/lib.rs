//! The Plenum server: configuration, database connection, the HTTP router and the CLI.
// Views of the live board nest deeply; their types need more room than the default.
#![recursion_limit = "256"]

pub mod assets;
pub mod cli;
pub mod config;
pub mod listen;

use std::{sync::Arc, time::Duration};

use app::{
    app::{App, shell},
    auth::LoginLimiter,
    i18n::{LANG_COOKIE, Lang},
    server::{AppState, Assets, LiveHub, Settings},
};
use axum::{
    Router,
    body::Body,
    extract::{Path, Query, Request, State},
    http::{HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use leptos::config::{Env, LeptosOptions};
use leptos_axum::{LeptosRoutes, generate_route_list};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use tower_http::{compression::CompressionLayer, services::ServeDir};

pub use config::Config;

/// Opens the database, creating the directory of a SQLite file if needed.
///
/// # Errors
/// When the database cannot be reached or the SQLite directory cannot be created.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let is_sqlite = url.starts_with("sqlite:");
    let in_memory = url.contains(":memory:");
    if is_sqlite
        && !in_memory
        && let Some(parent) = sqlite_path(url).and_then(|p| p.parent().map(std::path::Path::to_path_buf))
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(&parent)
            .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", parent.display())))?;
    }
    let mut options = ConnectOptions::new(url.to_owned());
    options.connect_timeout(Duration::from_secs(5)).acquire_timeout(Duration::from_secs(5)).sqlx_logging(false);
    if in_memory {
        // Each connection to `sqlite::memory:` would be a database of its own.
        options.max_connections(1).min_connections(1);
    } else if is_sqlite {
        options.max_connections(8);
    }
    if is_sqlite {
        // WAL: readers go on while one writer commits. FULL: a commit is on disk before
        // Plenum acknowledges it (no acknowledged proposal is lost, even on power loss).
        options.map_sqlx_sqlite_opts(|o| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            let o = o.synchronous(SqliteSynchronous::Full).busy_timeout(Duration::from_secs(10));
            if o.get_filename().to_string_lossy().contains(":memory:") {
                o
            } else {
                o.journal_mode(SqliteJournalMode::Wal)
            }
        });
    }
    Database::connect(options).await
}

fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty()).then(|| std::path::PathBuf::from(path))
}

/// Connects and brings the schema up to date.
///
/// # Errors
/// When the database cannot be reached or a migration fails.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(url).await?;
    // Instances starting at once on one PostgreSQL database migrate one after the other: the
    // lock is held by a session of its own and ends with it.
    let lock = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => Some(migration_lock(url).await?),
        _ => None,
    };
    let migrated = Migrator::up(&db, None).await;
    if let Some(lock) = lock {
        let _ = sea_orm::sqlx::Connection::close(lock).await;
    }
    migrated?;
    Ok(db)
}

/// Waits for PostgreSQL's advisory lock of Plenum's migrations.
async fn migration_lock(url: &str) -> Result<sea_orm::sqlx::PgConnection, DbErr> {
    let failed = |e: sea_orm::sqlx::Error| DbErr::Custom(format!("the migration lock on PostgreSQL: {e}"));
    let mut session = <sea_orm::sqlx::PgConnection as sea_orm::sqlx::Connection>::connect(url).await.map_err(failed)?;
    sea_orm::sqlx::query("SELECT pg_advisory_lock(7265711800)").execute(&mut session).await.map_err(failed)?;
    Ok(session)
}

/// The leptos settings of this instance: assets under `site_root/pkg`.
#[must_use]
pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("plenum")
        .site_root(config.site_root.clone())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .env(Env::PROD)
        .build()
}

/// The application state for a connected database.
#[must_use]
pub fn state(config: &Config, db: DatabaseConnection) -> AppState {
    let live = Arc::new(LiveHub::default());
    AppState {
        leptos_options: leptos_options(config),
        writer: app::server::Writer::start(db.clone()),
        db,
        streams: app::server::streams::StreamSlots::default().with_outbox(live.outbox.clone()),
        live,
        settings: Arc::new(Settings { public_url: config.public_url.clone(), trust_proxy: config.trust_proxy }),
        assets: Arc::new(Assets::load(std::path::Path::new(&config.site_root))),
        limits: Arc::new(app::server::AddressLimits::new(config.rate_limits)),
    }
}

/// Every route of Plenum: pages, server functions, health check, language switch, assets.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    // One login limiter per process, for the login server function (auth's, not the state's).
    let limiter = Arc::new(LoginLimiter::default());
    // The proposal drafts a plain form post returns to (proposals', not the state's).
    let drafts = Arc::new(app::proposals::drafts::Drafts::<app::workshops::types::ProposalForm>::default());
    let ballots = Arc::new(app::proposals::drafts::Drafts::<app::votes::types::BallotDraft>::default());
    let limiter_context = move || {
        leptos::prelude::provide_context(limiter.clone());
        leptos::prelude::provide_context(drafts.clone());
        leptos::prelude::provide_context(ballots.clone());
    };
    let options = state.leptos_options.clone();
    // Files under /pkg carry a content hash in their name: cached for good, sent precompressed.
    let pkg = ServeDir::new(std::path::Path::new(&*state.leptos_options.site_root).join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let pkg = Router::new().fallback_service(pkg).layer(middleware::map_response(cache_for_good));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/lang/{code}", get(set_language))
        .route("/w/{code}/live", get(app::board::stream::events))
        .route("/p/{id}/plan.csv", get(app::plan::routes::plan_csv))
        .route("/p/{id}/plan.json", get(app::plan::routes::plan_json))
        .route("/staff/workshops/{id}/documentation.csv", get(app::plan::routes::documentation_csv))
        .route(
            "/staff/processes/{id}/plan/import",
            axum::routing::post(app::plan::routes::import)
                .layer(axum::extract::DefaultBodyLimit::max(app::plan::csv::FILE_BYTES_MAX + (64 << 10))),
        )
        .route("/staff/surveys/{id}/responses.csv", get(app::surveys::routes::responses_csv))
        .route("/staff/surveys/{id}/survey.json", get(app::surveys::routes::survey_json))
        .route(
            "/staff/processes/{id}/surveys/import",
            axum::routing::post(app::surveys::routes::import)
                .layer(axum::extract::DefaultBodyLimit::max(app::surveys::types::FILE_BYTES_MAX + (64 << 10))),
        )
        .leptos_routes_with_context(&state, routes, limiter_context, move || shell(options.clone()))
        .nest("/pkg", pkg)
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(state.clone(), page_languages))
        .layer(middleware::from_fn(pages_without_wasm))
        .layer(middleware::from_fn(security_headers))
        .layer(middleware::map_response(arguments_refused))
        .layer(middleware::from_fn_with_state(state.clone(), refuse_cross_site))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// A server function whose arguments could not be read never runs, and leptos answers 500: the
/// caller sent something wrong, so the answer is 400 (unreadable) or the error's own status
/// (422 for missing or wrong-typed fields).
async fn arguments_refused(response: Response) -> Response {
    use leptos::server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Error bodies are a few hundred bytes of JSON.
    let bytes = axum::body::to_bytes(body, 64 << 10).await.unwrap_or_default();
    let status = match app::error::AppError::de(bytes.clone()) {
        app::error::AppError::Transport(_) => StatusCode::BAD_REQUEST,
        other => StatusCode::from_u16(other.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
    };
    parts.status = status;
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// Every change (anything but GET, HEAD, OPTIONS) must come from a page of this site: a post
/// from another site (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not this site's) is
/// refused with 403 before it reaches a server function, form route or upload.
async fn refuse_cross_site(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method();
    let reads = method == axum::http::Method::GET
        || method == axum::http::Method::HEAD
        || method == axum::http::Method::OPTIONS;
    if !reads && !app::server::same_site(request.headers(), &state.settings.public_url) {
        tracing::info!(path = %request.uri().path(), "cross-site request refused");
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Anfragen von anderen Websites werden abgelehnt.\nRequests from other sites are refused.\n",
        )
            .into_response();
    }
    next.run(request).await
}

/// A workshop's and a survey's pages come in the languages it offers: their choice is read
/// before the page renders and kept in the request (`app::server::request_offer`).
async fn page_languages(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let page = (path.starts_with("/w/") || path.starts_with("/s/")) && !path.ends_with("/live");
    if page
        && request.method() == axum::http::Method::GET
        && let Some(offer) = app::server::languages::offer_of_page(&state.db, path).await
    {
        request.extensions_mut().insert(offer);
    }
    next.run(request).await
}

/// Participant and public pages run only the site's own scripts; staff pages also the inline
/// hydration scripts leptos writes and the wasm bundle. Style sheets only from the site (inline
/// `style` attributes are allowed: the plan's progress bars). No page may be framed.
const PAGE_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; \
    connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const STAFF_CSP: &str = "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self'; style-src-attr 'unsafe-inline'; \
    img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
    frame-ancestors 'none'";

/// The headers every answer carries; staff pages, server functions and every export are not
/// stored by browsers or proxies.
async fn security_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    let staff = app::app::hydrates(&path);
    let csp = if staff { STAFF_CSP } else { PAGE_CSP };
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    let export = path.ends_with(".csv") || path.ends_with(".json");
    // A survey response's pages hold its resume key and what was answered: never kept.
    let response_page = path.starts_with("/s/") && path.contains("/r/");
    if staff || export || response_page || path.starts_with("/api/") {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// A file found under /pkg is cached for a year (its name changes with its content); a miss is
/// not. Caches keep the brotli and the gzip copy apart.
async fn cache_for_good(mut response: Response) -> Response {
    if response.status().is_success() {
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

/// Pages are never cached as they are. Pages that do not hydrate lose the marks and scripts
/// only the wasm bundle would read (`app::server::html`).
async fn pages_without_wasm(request: Request, next: Next) -> Response {
    let hydrating = app::app::hydrates(request.uri().path());
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if hydrating {
        return Response::from_parts(parts, body);
    }
    // A page is a few hundred KB at most; 16 MB bounds what one response may hold.
    let Ok(bytes) = axum::body::to_bytes(body, 16 << 20).await else {
        tracing::error!("page body could not be read");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let html = app::server::html::without_hydration(&String::from_utf8_lossy(&bytes));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(html))
}

/// 200 while the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[derive(serde::Deserialize)]
struct Back {
    back: Option<String>,
}

/// A `back=` target on this site, rebuilt from its parsed path and query: never another host
/// (no scheme, no `//`, no backslash, no control characters a browser would drop).
#[must_use]
pub fn local_target(back: Option<&str>) -> String {
    let home = || "/".to_owned();
    let Some(back) = back else { return home() };
    if !back.starts_with('/') || back.starts_with("//") || back.contains('\\') || back.chars().any(char::is_control) {
        return home();
    }
    match back.parse::<axum::http::Uri>() {
        Ok(uri) if uri.scheme().is_none() && uri.authority().is_none() => uri
            .path_and_query()
            .map(|pq| pq.as_str().to_owned())
            .filter(|t| t.starts_with('/') && !t.starts_with("//"))
            .unwrap_or_else(home),
        _ => home(),
    }
}

/// Keeps the chosen language in a cookie for a year and returns to the page.
async fn set_language(Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let Some(lang) = Lang::parse(&code) else {
        return (StatusCode::NOT_FOUND, "unknown language").into_response();
    };
    let target = local_target(back.back.as_deref());
    let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
    let mut response = Redirect::to(&target).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Starts the server: migrations, setup link if there is no admin yet, then HTTP.
///
/// # Errors
/// When the database, the migrations or the listening address fail.
pub async fn serve(config: Config) -> anyhow_like::Result<()> {
    let db = connect_and_migrate(&config.database_url).await?;
    if app::auth::service::setup_needed(&db).await.map_err(anyhow_like::app)? {
        let token = app::auth::service::issue_setup_token(&db).await.map_err(anyhow_like::app)?;
        let link = format!("{}/setup/{token}", config.public_url.trim_end_matches('/'));
        println!(
            "\nPlenum has no administrator yet. Open this one-time link to create the first account:\n\n    {link}\n"
        );
        tracing::info!("first-start setup link printed on the console");
    }
    let state = state(&config, db);
    // Several instances on one PostgreSQL database share their live updates through it.
    if state.db.get_database_backend() == sea_orm::DbBackend::Postgres {
        app::server::cluster::start(&config.database_url, state.db.clone(), state.live.clone(), state.streams.clone())
            .await
            .map_err(|e| anyhow_like::Error::from(format!("listening for live updates on PostgreSQL: {e}")))?;
    }
    let live = state.live.clone();
    tokio::spawn(close_due_rounds(state.db.clone(), state.live.clone()));
    let app = router(state);
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    tracing::info!("Plenum listens on http://{}", config.addr);
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let limits =
        listen::Limits { connections: listen::fit_connections(config.max_connections), head: listen::HEAD_TIMEOUT };
    let server = listen::run(listener, app, limits, async move {
        shutdown_signal().await;
        tracing::info!("shutting down: live streams end, requests in flight get {GRACE:?}");
        // Open boards would keep graceful shutdown waiting for ever: their streams end
        // now, and the browsers reconnect to the next process.
        live.close();
        let _ = stopping.send(());
    });
    tokio::select! {
        () = server => {}
        () = async {
            if stopped.await.is_ok() {
                tokio::time::sleep(GRACE).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => tracing::warn!("requests still running after {GRACE:?}; exiting anyway"),
    }
    Ok(())
}

/// Closes vote rounds whose timer ran out, once a second (also those that ran out while the
/// server was down). Ballots after the end are refused by the ballot's own check meanwhile.
async fn close_due_rounds(db: sea_orm::DatabaseConnection, live: Arc<LiveHub>) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tick.tick().await;
        if let Err(e) = app::votes::service::close_due(&db, &live).await {
            tracing::warn!(error = ?e, "closing the rounds whose timer ran out failed; trying again");
        }
    }
}

/// How long requests in flight may take to finish after a shutdown signal.
const GRACE: Duration = Duration::from_secs(4);

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// A boxed error for the command line, without another dependency.
pub mod anyhow_like {
    pub type Error = Box<dyn std::error::Error + Send + Sync>;
    pub type Result<T> = std::result::Result<T, Error>;

    /// An application error as a command-line error.
    #[must_use]
    pub fn app(err: app::error::AppError) -> Error {
        format!("{err}").into()
    }
}
