//! The HTTP surface: status codes, cookies, redirects, and server functions called directly
//! over HTTP by each role.
#![allow(clippy::unwrap_used)]

use app::{
    auth::{
        api::{CreateUser, Login},
        service,
        types::Actor,
    },
    participants::api::JoinWorkshop,
    processes::api::{CreateProcess, GetProcess, ListProcesses},
    proposals::api::SubmitProposal,
    workshops::api::CreateWorkshop,
};
use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use leptos::server_fn::ServerFn;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use server::{Config, connect_and_migrate, router, state};
use tower::ServiceExt;

const PASSWORD: &str = "richtig-gutes-passwort";

async fn app() -> (Router, DatabaseConnection) {
    let config = Config::from_lookup(|_| None).unwrap();
    let db = connect_and_migrate("sqlite::memory:").await.unwrap();
    (router(state(&config, db.clone())), db)
}

async fn session_for(db: &DatabaseConnection, role: &str) -> String {
    let email = format!("{role}@krefeld.de");
    service::create_user(db, &Actor::System, &email, role, Some(PASSWORD.into())).await.unwrap();
    let limiter = app::auth::LoginLimiter::default();
    let (_, token) = service::login(db, &limiter, [127, 0, 0, 1].into(), &email, PASSWORD).await.unwrap();
    format!("{}={token}", app::auth::SESSION_COOKIE)
}

fn post_form(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

/// Sends one request; a request that does not finish within 20 s fails the test instead of hanging it.
trait CallWithin {
    async fn call_within(self, req: Request<Body>) -> Result<axum::response::Response, String>;
}

impl CallWithin for Router {
    async fn call_within(self, req: Request<Body>) -> Result<axum::response::Response, String> {
        let uri = req.uri().to_string();
        match tokio::time::timeout(std::time::Duration::from_secs(20), self.oneshot(req)).await {
            Ok(Ok(res)) => Ok(res),
            Ok(Err(never)) => match never {},
            Err(_) => Err(format!("{uri} did not answer within 20 s")),
        }
    }
}

async fn body_text(res: axum::response::Response) -> String {
    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_check_answers_200_while_the_database_answers_and_503_after() {
    let (app, db) = app().await;
    let res = app.clone().call_within(Request::get("/healthz").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    db.close_by_ref().await.unwrap();
    let res = app.call_within(Request::get("/healthz").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_get_a_real_404_page() {
    let (app, _db) = app().await;
    let res = app.call_within(Request::get("/gibt/es/nicht").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = body_text(res).await;
    assert!(html.contains("Seite nicht gefunden"), "German 404 page: {html}");
    assert!(html.contains("<html lang=\"de\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_or_draft_process_page_is_404() {
    let (app, _db) = app().await;
    let res = app
        .call_within(Request::get("/p/00000000-0000-0000-0000-000000000000").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_keeps_the_choice_and_returns_to_the_page() {
    let (app, _db) = app().await;
    let res = app.clone().call_within(Request::get("/lang/en?back=/login").body(Body::empty()).unwrap()).await.unwrap();
    assert!(res.status().is_redirection());
    assert_eq!(res.headers()[header::LOCATION], "/login");
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("plenum_lang=en;"));
    let page = app
        .clone()
        .call_within(Request::get("/login").header(header::COOKIE, "plenum_lang=en").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let html = body_text(page).await;
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Staff login"));
    // Never a redirect to another site.
    let res = app.call_within(Request::get("/lang/de?back=//evil.example").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accept_language_chooses_english_without_a_cookie() {
    let (app, _db) = app().await;
    let req = Request::get("/login").header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9").body(Body::empty()).unwrap();
    let html = body_text(app.call_within(req).await.unwrap()).await;
    assert!(html.contains("<html lang=\"en\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_sets_an_httponly_lax_session_cookie() {
    let (app, db) = app().await;
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let body = format!("email=orga%40krefeld.de&password={PASSWORD}");
    let res = app.call_within(post_form(Login::PATH, &body, None)).await.unwrap();
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("plenum_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Secure"), "plain http on localhost");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_is_refused_with_422_and_no_cookie() {
    let (app, db) = app().await;
    service::create_user(&db, &Actor::System, "orga@krefeld.de", "organizer", Some(PASSWORD.into())).await.unwrap();
    let res = app.call_within(post_form(Login::PATH, "email=orga%40krefeld.de&password=falsch", None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.headers().get(header::SET_COOKIE).is_none());
    let text = body_text(res).await;
    assert!(text.contains("login-failed"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_post_without_javascript_is_redirected_back_with_the_error() {
    let (app, _db) = app().await;
    let req = Request::post(Login::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/login")
        .body(Body::from("email=x%40y.de&password=falsch"))
        .unwrap();
    let res = app.call_within(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()[header::LOCATION].to_str().unwrap();
    assert!(location.starts_with("http://127.0.0.1:3000/login?"), "{location}");
    assert!(location.contains("__err="));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creating_a_process_over_http_needs_an_organizer() {
    let (app, db) = app().await;
    let body = "name=Handlungskonzept&municipality=Krefeld&description=";
    let anonymous = app.clone().call_within(post_form(CreateProcess::PATH, body, None)).await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let moderator = session_for(&db, "moderator").await;
    let res = app.clone().call_within(post_form(CreateProcess::PATH, body, Some(&moderator))).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Invalid input from a moderator is still refused for the role, not the input.
    let res = app
        .clone()
        .call_within(post_form(CreateProcess::PATH, "name=&municipality=&description=", Some(&moderator)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let organizer = session_for(&db, "organizer").await;
    let res = app.clone().call_within(post_form(CreateProcess::PATH, body, Some(&organizer))).await.unwrap();
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let res = app
        .call_within(post_form(CreateProcess::PATH, "name=&municipality=Krefeld&description=", Some(&organizer)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_lists_and_drafts_are_closed_to_visitors() {
    let (app, db) = app().await;
    let res = app.clone().call_within(Request::get(ListProcesses::PATH).body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let organizer = session_for(&db, "organizer").await;
    let actor = Actor::Staff(service::session_user(&db, organizer.split('=').nth(1).unwrap()).await.unwrap().unwrap());
    let input = app::processes::types::ProcessInput::parse("Entwurf", "Krefeld", "").unwrap();
    let id = app::processes::service::create(&db, &actor, app::i18n::Lang::default(), &input).await.unwrap();
    let url = format!("{}?id={id}", GetProcess::PATH);
    let res = app.clone().call_within(Request::get(&url).body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .call_within(Request::get(&url).header(header::COOKIE, &organizer).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_create_accounts_over_http() {
    let (app, db) = app().await;
    let body = "email=neu%40krefeld.de&role=moderator";
    for (role, status) in [("organizer", StatusCode::FORBIDDEN), ("moderator", StatusCode::FORBIDDEN)] {
        let cookie = session_for(&db, role).await;
        let res = app.clone().call_within(post_form(CreateUser::PATH, body, Some(&cookie))).await.unwrap();
        assert_eq!(res.status(), status, "{role}");
    }
    let res = app.clone().call_within(post_form(CreateUser::PATH, body, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let admin = session_for(&db, "admin").await;
    let res = app.call_within(post_form(CreateUser::PATH, body, Some(&admin))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body_text(res).await.contains("neu@krefeld.de"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_pages_ask_visitors_to_log_in_and_refuse_moderators() {
    let (app, db) = app().await;
    for path in ["/staff/processes/new", "/staff", "/staff/users"] {
        let res = app.clone().call_within(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path}");
        assert!(body_text(res).await.contains("href=\"/login\""), "{path} links to the login");
    }
    let moderator = session_for(&db, "moderator").await;
    for (path, status) in [
        ("/staff/processes/new", StatusCode::FORBIDDEN),
        ("/staff/users", StatusCode::FORBIDDEN),
        ("/staff", StatusCode::OK),
    ] {
        let req = Request::get(path).header(header::COOKIE, &moderator).body(Body::empty()).unwrap();
        assert_eq!(app.clone().call_within(req).await.unwrap().status(), status, "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_failure_shows_a_friendly_error_page_with_status_500() {
    let (app, db) = app().await;
    db.close_by_ref().await.unwrap();
    let res = app.call_within(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let html = body_text(res).await;
    assert!(html.contains("Etwas ist schiefgegangen"), "{html}");
    assert!(!html.to_lowercase().contains("sqlite"), "no database text reaches the page");
}

/// A published process with two action fields and a collecting workshop; returns its code.
async fn collecting_workshop(db: &DatabaseConnection) -> (String, app::workshops::types::WorkshopId, Vec<String>) {
    use app::{
        i18n::Lang,
        processes::{service as processes, types::*},
        workshops::{service as workshops, types::*},
    };
    let system = Actor::System;
    let process =
        processes::create(db, &system, Lang::default(), &ProcessInput::parse("Konzept", "Krefeld", "").unwrap())
            .await
            .unwrap();
    let mut fields = Vec::new();
    for name in ["Bildung", "Arbeit"] {
        let id = processes::add_action_field(db, &system, process, &ActionFieldInput::parse(name, "").unwrap())
            .await
            .unwrap();
        fields.push(id.to_string());
    }
    let input = WorkshopInput::parse("Workshop", "", "in_person", "VHS", "").unwrap();
    let ws = workshops::create(db, &system, process, &input, &[], &[]).await.unwrap();
    let live = app::server::LiveHub::default();
    workshops::set_state(db, &live, &system, ws, WorkshopState::Draft, WorkshopState::Collecting).await.unwrap();
    let code = workshops::admin_view(db, &system, ws, "").await.unwrap().info.join_code;
    (code, ws, fields)
}

async fn join_over_http(app: &Router, code: &str) -> String {
    let body = format!("code={code}&display_name=Ay%C5%9Fe&consent=yes");
    let res = app.clone().call_within(post_form(JoinWorkshop::PATH, &body, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.starts_with(&format!("plenum_w_{code}=")), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn participants_join_and_submit_over_http_with_the_right_statuses() {
    let (app, db) = app().await;
    let (code, _, fields) = collecting_workshop(&db).await;
    let res = app.clone().call_within(post_form(JoinWorkshop::PATH, &format!("code={code}"), None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "consent is required");
    assert!(body_text(res).await.contains("join-consent-required"));
    let cookie = join_over_http(&app, &code).await;
    let body = format!("code={code}&action_field={}&title=Sprachcaf%C3%A9", fields[0]);
    let res = app.clone().call_within(post_form(SubmitProposal::PATH, &body, Some(&cookie))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(body_text(res).await.contains("Sprachcafé"));
    let forged = format!("plenum_w_{code}=0000");
    let res = app.clone().call_within(post_form(SubmitProposal::PATH, &body, Some(&forged))).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.clone().call_within(post_form(SubmitProposal::PATH, &body, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let long = format!("code={code}&action_field={}&title={}", fields[0], "x".repeat(121));
    let res = app.clone().call_within(post_form(SubmitProposal::PATH, &long, Some(&cookie))).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Without JavaScript: back to the workshop page with a confirmation.
    let req = Request::post(SubmitProposal::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, format!("http://127.0.0.1:3000/w/{code}"))
        .header(header::COOKIE, &cookie)
        .body(Body::from(format!("code={code}&action_field={}&title=Ohne+JS", fields[1])))
        .unwrap();
    let res = app.clone().call_within(req).await.unwrap();
    assert!(res.status().is_redirection());
    assert_eq!(res.headers()[header::LOCATION], format!("/w/{code}?sent=1#mine"));
    // The page shows both proposals to the participant, rendered on the server.
    let page = app
        .call_within(Request::get(format!("/w/{code}")).header(header::COOKIE, &cookie).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let html = body_text(page).await;
    assert!(html.contains("Sprachcafé") && html.contains("Ohne JS"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_live_channel_needs_a_participant_or_staff_and_streams_new_proposals() {
    let (app, db) = app().await;
    let (code, _, fields) = collecting_workshop(&db).await;
    let res =
        app.clone().call_within(Request::get(format!("/w/{code}/live")).body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let moderator = session_for(&db, "moderator").await;
    let req = Request::get(format!("/w/{code}/live")).header(header::COOKIE, &moderator).body(Body::empty()).unwrap();
    assert_eq!(app.clone().call_within(req).await.unwrap().status(), StatusCode::FORBIDDEN, "not assigned");
    let cookie = join_over_http(&app, &code).await;
    let req = Request::get(format!("/w/{code}/live")).header(header::COOKIE, &cookie).body(Body::empty()).unwrap();
    let res = app.clone().call_within(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "text/event-stream");
    let mut body = res.into_body();
    let first = body.frame().await.unwrap().map_err(|e| format!("{e:?}")).unwrap().into_data().unwrap();
    assert!(String::from_utf8_lossy(&first).contains("event: hello"));
    let submit = format!("code={code}&action_field={}&title=Live", fields[0]);
    // The router (and its live hub) stays while the stream is read: the card may wait for the
    // end of the window the join opened.
    let res = app.clone().call_within(post_form(SubmitProposal::PATH, &submit, Some(&cookie))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let next = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame()).await.unwrap().unwrap().unwrap();
    let text = String::from_utf8(next.into_data().unwrap().to_vec()).unwrap();
    // A participant gets the page fragments even when asking for the staff views' data frames.
    assert!(text.starts_with("event: page") && text.contains(">Live</h3>"), "{text}");
    assert!(!text.contains("\"type\":\"upsert\""), "no staff data frames for a participant: {text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workshops_are_created_over_http_with_chosen_action_fields() {
    let (app, db) = app().await;
    let (_, ws, fields) = collecting_workshop(&db).await;
    let organizer = session_for(&db, "organizer").await;
    let system = Actor::System;
    let process = app::workshops::service::admin_view(&db, &system, ws, "").await.unwrap().info.process_id;
    let body = format!(
        "process_id={process}&title=Zweiter&starts_at=2026-03-05T18%3A00&mode=online&place=&meeting_link=&action_fields%5B%5D={}",
        fields[1]
    );
    let moderator = session_for(&db, "moderator").await;
    let res = app.clone().call_within(post_form(CreateWorkshop::PATH, &body, Some(&moderator))).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.clone().call_within(post_form(CreateWorkshop::PATH, &body, Some(&organizer))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{}", body_text(res).await);
    let list = app::workshops::service::list_for_process(&db, &system, process).await.unwrap();
    let second = list.iter().find(|w| w.title == "Zweiter").unwrap();
    let admin = app::workshops::service::admin_view(&db, &system, second.id, "").await.unwrap();
    assert_eq!(admin.info.fields.iter().map(|f| f.id.to_string()).collect::<Vec<_>>(), [fields[1].clone()]);
    // A draft workshop tells its visitors so, instead of letting them in.
    let page = app
        .call_within(Request::get(format!("/w/{}", admin.info.join_code.to_lowercase())).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(body_text(page).await.contains("noch nicht begonnen"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clustering_steps_are_refused_to_participants_and_unassigned_moderators() {
    use app::clustering::api::ClusteringStep;
    let (app, db) = app().await;
    let (code, ws, _) = collecting_workshop(&db).await;
    let participant = join_over_http(&app, &code).await;
    let moderator = session_for(&db, "moderator").await;
    let body = format!(r#"{{"workshop":"{ws}","version":0,"step":"Undo"}}"#);
    for (cookie, status) in [(participant, StatusCode::UNAUTHORIZED), (moderator, StatusCode::FORBIDDEN)] {
        let req = Request::post(ClusteringStep::PATH)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, cookie)
            .body(Body::from(body.clone()))
            .unwrap();
        assert_eq!(app.clone().call_within(req).await.unwrap().status(), status);
    }
    // An organizer runs every workshop, but only while it is clustering.
    let organizer = session_for(&db, "organizer").await;
    let req = Request::post(ClusteringStep::PATH)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::COOKIE, organizer)
        .body(Body::from(body))
        .unwrap();
    let res = app.call_within(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(body_text(res).await.contains("clustering-not-open"));
}

/// The router on a site folder whose `pkg/` went through `plenum assets`.
async fn app_with_site() -> (Router, DatabaseConnection, std::path::PathBuf) {
    let site = std::env::temp_dir().join(format!("plenum-site-{}", uuid_like()));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("plenum.css"), "body { color: black; }\n".repeat(40)).unwrap();
    std::fs::write(pkg.join("live.js"), "// live\n".repeat(40)).unwrap();
    std::fs::write(pkg.join("plenum.js"), "export default function () {}\n".repeat(40)).unwrap();
    std::fs::write(pkg.join("plenum_bg.wasm"), [0u8, 97, 115, 109].repeat(100)).unwrap();
    server::assets::publish(&pkg).unwrap();
    let root = site.to_string_lossy().into_owned();
    let config = Config::from_lookup(|name| (name == "PLENUM_SITE_ROOT").then(|| root.clone())).unwrap();
    let db = connect_and_migrate("sqlite::memory:").await.unwrap();
    (router(state(&config, db.clone())), db, site)
}

fn uuid_like() -> String {
    format!("{}-{:x}", std::process::id(), rand::random::<u64>())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn participant_pages_load_no_wasm_and_staff_pages_hydrate_with_hashed_assets() {
    let (app, db, site) = app_with_site().await;
    let assets = app::server::Assets::load(&site);
    assert_ne!(assets.wasm, "plenum_bg.wasm", "the build's names carry a hash");
    let (code, _, _) = collecting_workshop(&db).await;
    let cookie = join_over_http(&app, &code).await;
    for (path, cookie) in [("/".to_owned(), None), (format!("/w/{code}"), None), (format!("/w/{code}"), Some(&cookie))]
    {
        let mut req = Request::get(&path);
        if let Some(cookie) = cookie {
            req = req.header(header::COOKIE, cookie);
        }
        let res = app.clone().call_within(req.body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-cache");
        let html = body_text(res).await;
        assert!(!html.contains(".wasm") && !html.contains(&assets.js), "{path}: no wasm: {html}");
        assert!(html.contains(&format!("<script src=\"/pkg/{}\" defer></script>", assets.live)), "{path}: {html}");
        assert!(html.contains(&format!("href=\"/pkg/{}\"", assets.css)), "{path}");
        assert!(
            !html.contains("<!>") && !html.contains("<!--") && !html.contains("__RESOLVED_RESOURCES"),
            "{path}: {html}"
        );
    }
    let res = app.clone().call_within(Request::get("/login").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store", "staff pages are never stored");
    let html = body_text(res).await;
    assert!(html.contains(&format!("/pkg/{}", assets.wasm)) && html.contains(&format!("/pkg/{}", assets.js)));
    assert!(!html.contains(&assets.live), "staff pages hydrate instead");

    // Hashed assets: precompressed, cached for a year.
    for (encoding, suffix) in [("br", ".br"), ("gzip", ".gz")] {
        let req = Request::get(format!("/pkg/{}", assets.wasm)).header(header::ACCEPT_ENCODING, encoding);
        let res = app.clone().call_within(req.body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], encoding);
        assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
        assert_eq!(res.headers()[header::VARY], "accept-encoding");
        let sent = res.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(&sent[..], &std::fs::read(site.join("pkg").join(format!("{}{suffix}", assets.wasm))).unwrap()[..]);
    }
    let res = app.call_within(Request::get("/pkg/plenum_bg.wasm").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "only the hashed names exist");
    assert!(res.headers().get(header::CACHE_CONTROL).is_none_or(|v| !v.to_str().unwrap().contains("immutable")));
    std::fs::remove_dir_all(site).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_page_stream_sends_fragments_and_ends_on_shutdown() {
    let config = Config::from_lookup(|_| None).unwrap();
    let db = connect_and_migrate("sqlite::memory:").await.unwrap();
    let state = state(&config, db.clone());
    let live = state.live.clone();
    let app = router(state);
    let (code, _, fields) = collecting_workshop(&db).await;
    let cookie = join_over_http(&app, &code).await;
    let req = Request::get(format!("/w/{code}/live?page=1"))
        .header(header::COOKIE, format!("{cookie}; plenum_lang=en"))
        .body(Body::empty())
        .unwrap();
    let mut body = app.clone().call_within(req).await.unwrap().into_body();
    let hello = String::from_utf8(body.frame().await.unwrap().unwrap().into_data().unwrap().to_vec()).unwrap();
    assert!(hello.starts_with("retry: 1000\nevent: hello\ndata: {\"v\":\""), "{hello}");
    let submit = format!("code={code}&action_field={}&title=Live", fields[0]);
    let res = app.clone().call_within(post_form(SubmitProposal::PATH, &submit, Some(&cookie))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let next = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame()).await.unwrap().unwrap().unwrap();
    let text = String::from_utf8(next.into_data().unwrap().to_vec()).unwrap();
    assert!(text.starts_with("event: page\n") && text.contains(">Live</h3>") && text.contains("1 proposal"), "{text}");
    // SIGTERM: the hub closes, every open stream ends (browsers reconnect to the next process).
    live.close();
    let end = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame()).await.unwrap();
    assert!(end.is_none(), "the stream ended");
    let req =
        Request::get(format!("/w/{code}/live?page=1")).header(header::COOKIE, &cookie).body(Body::empty()).unwrap();
    let mut late = app.call_within(req).await.unwrap().into_body();
    assert!(late.frame().await.unwrap().is_ok(), "hello");
    assert!(tokio::time::timeout(std::time::Duration::from_secs(5), late.frame()).await.unwrap().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn titles_that_staff_typed_are_escaped_in_the_page_head() {
    use app::{i18n::Lang, processes::service as processes, processes::types::ProcessInput};
    let (app, db) = app().await;
    let input = ProcessInput::parse("Konzept</title><script>alert(1)</script>", "Krefeld", "").unwrap();
    let id = processes::create(&db, &Actor::System, Lang::default(), &input).await.unwrap();
    processes::set_published(&db, &Actor::System, id, true).await.unwrap();
    let res = app.call_within(Request::get(format!("/p/{id}")).body(Body::empty()).unwrap()).await.unwrap();
    let html = body_text(res).await;
    assert!(!html.contains("<script>alert(1)</script>"), "{html}");
    assert!(html.contains("<title>Konzept&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_as_data_needs_the_participant_cookie() {
    let (app, db) = app().await;
    let (code, _, fields) = collecting_workshop(&db).await;
    let url = format!("/api/w/board?code={code}");
    let res = app.clone().call_within(Request::get(&url).body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .clone()
        .call_within(Request::get(&url).header(header::COOKIE, "plenum_w_X=falsch").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "a cookie of another code is no token of this one");
    let cookie = join_over_http(&app, &code).await;
    let res =
        app.call_within(Request::get(&url).header(header::COOKIE, &cookie).body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let board: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
    assert_eq!(board["info"]["fields"].as_array().unwrap().len(), fields.len());
    assert_eq!(board["participants"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_form_post_with_errors_returns_to_a_form_that_keeps_the_text() {
    let (app, db) = app().await;
    let (code, _, fields) = collecting_workshop(&db).await;
    let cookie = join_over_http(&app, &code).await;
    let post = |body: String| {
        Request::post(SubmitProposal::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, format!("http://127.0.0.1:3000/w/{code}"))
            .header(header::COOKIE, &cookie)
            .body(Body::from(body))
            .unwrap()
    };
    let body = format!(
        "code={code}&action_field={}&title=&description=Mein+langer+Text+%C3%BCber+Sprachcaf%C3%A9s",
        fields[0]
    );
    let res = app.clone().call_within(post(body)).await.unwrap();
    assert!(res.status().is_redirection());
    let back = res.headers()[header::LOCATION].to_str().unwrap().replace("http://127.0.0.1:3000", "");
    assert!(back.contains("__err="), "{back}");
    let page = |url: String| Request::get(url).header(header::COOKIE, &cookie).body(Body::empty()).unwrap();
    let html = body_text(app.clone().call_within(page(back.clone())).await.unwrap()).await;
    assert!(html.contains("Mein langer Text über Sprachcafés</textarea>"), "{html}");
    assert!(html.contains(&format!("<option value=\"{}\" selected", fields[0])), "the chosen field stays chosen");
    // Once the proposal is in, the draft is gone.
    let body = format!("code={code}&action_field={}&title=Sprachcaf%C3%A9s&description=Mein+langer+Text", fields[0]);
    assert!(app.clone().call_within(post(body)).await.unwrap().status().is_redirection());
    let again = body_text(app.call_within(page(back)).await.unwrap()).await;
    assert!(!again.contains("Mein langer Text</textarea>"), "the draft is gone");
}

/// A workshop in voting with three room proposals and nothing else; returns code, id, options.
async fn voting_workshop(db: &DatabaseConnection) -> (String, app::workshops::types::WorkshopId, Vec<String>) {
    use app::workshops::{service as workshops, types::*};
    let (code, ws, fields) = collecting_workshop(db).await;
    let (system, live) = (Actor::System, app::server::LiveHub::default());
    for title in ["Sprachcafé", "Beratungsstelle", "Straßenfest"] {
        let form = ProposalForm { action_field: fields[0].clone(), title: title.into(), ..ProposalForm::default() };
        app::proposals::service::add_from_room(db, &live, &system, ws, &form).await.unwrap();
    }
    workshops::set_state(db, &live, &system, ws, WorkshopState::Collecting, WorkshopState::Clustering).await.unwrap();
    workshops::set_state(db, &live, &system, ws, WorkshopState::Clustering, WorkshopState::Voting).await.unwrap();
    let options =
        app::votes::service::admin(db, &system, ws).await.unwrap().candidates.into_iter().map(|c| c.id).collect();
    (code, ws, options)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_is_set_up_and_a_ballot_cast_over_http_as_the_plain_forms_post_them() {
    use app::votes::api::{CastBallot, CloseRound, CreateRound, OpenRound};
    let (app, db) = app().await;
    let (code, ws, options) = voting_workshop(&db).await;
    let organizer = session_for(&db, "organizer").await;
    let picks: String = options.iter().map(|o| format!("&pick%5Bo{o}%5D=on")).collect();
    let body = format!("workshop={ws}&title=Runde&method=dots&dots=5&per_option=3&max=&minutes={picks}");
    let participant = join_over_http(&app, &code).await;
    // Participants and visitors cannot set up a round.
    let res = app.clone().call_within(post_form(CreateRound::PATH, &body, Some(&participant))).await.unwrap();
    let status = res.status();
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{}", body_text(res).await);
    let res = app.clone().call_within(post_form(CreateRound::PATH, &body, Some(&organizer))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{}", body_text(res).await);
    let round = app::votes::service::admin(&db, &Actor::System, ws).await.unwrap().rounds[0].id;
    let res =
        app.clone().call_within(post_form(OpenRound::PATH, &format!("round={round}"), Some(&organizer))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // The ballot form's field names, as the browser sends them.
    let ballot = format!("code={code}&round={round}&ballot%5Bo{}%5D=3&ballot%5Bo{}%5D=2", options[0], options[1]);
    let res = app.clone().call_within(post_form(CastBallot::PATH, &ballot, Some(&participant))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{}", body_text(res).await);
    let too_many = format!("code={code}&round={round}&ballot%5Bo{}%5D=4", options[2]);
    let res = app.clone().call_within(post_form(CastBallot::PATH, &too_many, Some(&participant))).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a broken rule is 422");
    // No cookie: no ballot.
    let res = app.clone().call_within(post_form(CastBallot::PATH, &ballot, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // A participant cannot close the round; the organizer can, and then ballots are refused.
    let close = format!("round={round}");
    let res = app.clone().call_within(post_form(CloseRound::PATH, &close, Some(&participant))).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app.clone().call_within(post_form(CloseRound::PATH, &close, Some(&organizer))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.clone().call_within(post_form(CastBallot::PATH, &ballot, Some(&participant))).await.unwrap();
    assert_eq!(res.status(), StatusCode::CONFLICT, "closed");
    let result = app::votes::service::screen(&db, &Actor::System, ws).await.unwrap().unwrap().result.unwrap();
    assert_eq!(result.tally.totals.unwrap()[&options[0]], 3);
    // The anonymous file is a download for staff only.
    let file = format!("/api/votes/ballots.json?round={round}");
    let req = Request::get(&file).header(header::COOKIE, &participant).body(Body::empty()).unwrap();
    assert_eq!(app.clone().call_within(req).await.unwrap().status(), StatusCode::UNAUTHORIZED);
    let req = Request::get(&file).header(header::COOKIE, &organizer).body(Body::empty()).unwrap();
    let res = app.call_within(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment"));
    let file: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
    assert_eq!(file["ballots"].as_array().map(Vec::len), Some(1));
}

/// A published process with one measure, its id and the organizer's cookie.
async fn plan_process(db: &DatabaseConnection) -> (app::processes::types::ProcessId, String) {
    use app::processes::{service as processes, types::*};
    let cookie = session_for(db, "organizer").await;
    let system = Actor::System;
    let p = processes::create(
        db,
        &system,
        app::i18n::Lang::default(),
        &ProcessInput::parse("Plan Krefeld", "Krefeld", "").unwrap(),
    )
    .await
    .unwrap();
    let field =
        processes::add_action_field(db, &system, p, &ActionFieldInput::parse("Bildung", "").unwrap()).await.unwrap();
    let form = app::plan::types::MeasureForm {
        title: "Sprachcafé".into(),
        action_field: field.to_string(),
        ..Default::default()
    };
    app::plan::service::create(db, &system, p, &form, None, false).await.unwrap();
    (p, cookie)
}

fn multipart(path: &str, file: &str, cookie: Option<&str>, site: Option<&str>) -> Request<Body> {
    let boundary = "plenumboundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.csv\"\r\nContent-Type: text/csv\r\n\r\n{file}\r\n--{boundary}--\r\n"
    );
    let mut req = Request::post(path).header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"));
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    if let Some(site) = site {
        req = req.header("sec-fetch-site", site);
    }
    req.body(Body::from(body)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_downloads_are_for_staff_until_the_process_and_a_version_are_public() {
    let (app, db) = app().await;
    let (p, cookie) = plan_process(&db).await;
    let get = |path: String, cookie: Option<&str>| {
        let mut req = Request::get(path);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        req.body(Body::empty()).unwrap()
    };
    let res = app.clone().call_within(get(format!("/p/{p}/plan.csv"), None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "an unpublished plan is not there for visitors");
    let res = app.clone().call_within(get(format!("/p/{p}/plan.csv?version=draft"), Some(&cookie))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(
        res.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("handlungskonzept-plan-krefeld-entwurf.csv")
    );
    let body = body_text(res).await;
    assert!(body.starts_with(
        "\u{feff}Handlungsfeld;Phase;Zeitraum;Maßnahme;Beschreibung;Ziel;Kooperationspartner;Federführung;Status;"
    ));
    app::processes::service::set_published(&db, &Actor::System, p, true).await.unwrap();
    let res = app.clone().call_within(get(format!("/p/{p}/plan.json"), None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "published, but neither adopted nor the draft made public");
    let on = app::plan::types::AdoptionInput::parse("2027-04-01", "").unwrap();
    app::plan::service::adopt(&db, &Actor::System, p, &on).await.unwrap();
    let res = app.clone().call_within(get(format!("/p/{p}/plan.json"), None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let first = body_text(res).await;
    let again =
        body_text(app.clone().call_within(get(format!("/p/{p}/plan.json?version=1"), None)).await.unwrap()).await;
    assert_eq!(first, again, "an adopted version downloads byte for byte the same");
    let page = app.clone().call_within(get(format!("/p/{p}/plan"), None)).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = body_text(page).await;
    assert!(html.contains("Beschlossene Fassung 1") && !html.contains(".wasm"), "the public plan loads no wasm");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_upload_needs_an_organizer_and_refuses_cross_site_posts() {
    let (app, db) = app().await;
    let (p, cookie) = plan_process(&db).await;
    let path = format!("/staff/processes/{p}/plan/import");
    let file = "Handlungsfeld;Phase;Zeitraum;Maßnahme;Beschreibung;Ziel;Kooperationspartner;Federführung;Status\r\nArbeit;;;Mentoring;;;;;geplant\r\n";
    let res = app.clone().call_within(multipart(&path, file, None, Some("same-origin"))).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let moderator = session_for(&db, "moderator").await;
    let res = app.clone().call_within(multipart(&path, file, Some(&moderator), Some("same-origin"))).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.clone().call_within(multipart(&path, file, Some(&cookie), Some("cross-site"))).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "a post from another site is refused");
    let res = app.clone().call_within(multipart(&path, file, Some(&cookie), Some("same-origin"))).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(to.contains("imported=1&updated=0&new_fields=Arbeit"), "{to}");
    let bad = "Maßnahme\r\nx\r\n";
    let res = app.clone().call_within(multipart(&path, bad, Some(&cookie), Some("same-origin"))).await.unwrap();
    assert!(res.headers()[header::LOCATION].to_str().unwrap().contains("import_error="));
    assert_eq!(app::plan::doc::draft(&db, p).await.unwrap().measures.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_never_leads_to_another_site() {
    let (app, _db) = app().await;
    for back in [
        "/%09/evil.example",
        "/%0a/evil.example",
        "//evil.example",
        "/%2F/evil.example",
        "/%5Cevil.example",
        "https://evil.example",
        "evil.example",
        "/%00",
    ] {
        let req = Request::get(format!("/lang/de?back={back}")).body(Body::empty()).unwrap();
        let res = app.clone().call_within(req).await.unwrap();
        assert_eq!(res.headers()[header::LOCATION], "/", "back={back}");
    }
    let req = Request::get("/lang/de?back=/p/123%3Fversion%3D2").body(Body::empty()).unwrap();
    let res = app.call_within(req).await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/p/123?version=2", "a path with its query stays");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_from_other_sites_are_refused_with_403() {
    let (app, db) = app().await;
    let (code, _, _) = collecting_workshop(&db).await;
    let body = format!("code={code}&consent=yes");
    let post = |origin: Option<&str>, site: Option<&str>| {
        let mut req = Request::post("/api/w/join").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(o) = origin {
            req = req.header(header::ORIGIN, o).header(header::HOST, "plenum.example");
        }
        if let Some(s) = site {
            req = req.header("sec-fetch-site", s);
        }
        req.body(Body::from(body.clone())).unwrap()
    };
    for (origin, site) in [
        (Some("https://evil.example"), Some("cross-site")),
        (Some("https://evil.example"), None),
        (None, Some("cross-site")),
        (Some("null"), None),
    ] {
        let res = app.clone().call_within(post(origin, site)).await.unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{origin:?} {site:?}");
    }
    let before = app::server::entities::participants::Entity::find().count(&db).await.unwrap();
    assert_eq!(before, 0, "nothing was done");
    for (origin, site) in [(Some("http://plenum.example"), None), (None, Some("same-origin")), (None, None)] {
        let res = app.clone().call_within(post(origin, site)).await.unwrap();
        assert_ne!(res.status(), StatusCode::FORBIDDEN, "{origin:?} {site:?}");
    }
    // Reading stays open to links from anywhere.
    let req = Request::get("/").header("sec-fetch-site", "cross-site").body(Body::empty()).unwrap();
    assert_eq!(app.call_within(req).await.unwrap().status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_carries_the_security_headers() {
    let (app, _db) = app().await;
    let res = app.clone().call_within(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    let h = res.headers();
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self';") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(h[header::REFERRER_POLICY], "same-origin");
    assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(h[header::CACHE_CONTROL], "no-cache");
    let res = app.clone().call_within(Request::get("/login").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store", "staff pages are not stored");
    assert!(res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("'wasm-unsafe-eval'"));
}

/// German texts of participant messages (four words or more) that `lang` writes differently:
/// none of them may show on a participant page in `lang`.
fn german_only_texts(lang: app::i18n::Lang) -> Vec<String> {
    let german = app::i18n::LOCALES[0].participant;
    german
        .lines()
        .filter(|l| !l.starts_with(['#', ' ', '\t', '.', '}']) && l.contains(" ="))
        .filter_map(|l| l.split(" =").next())
        .map(|id| (app::i18n::t(app::i18n::Lang::default(), id.trim()), app::i18n::t(lang, id.trim())))
        .filter(|(de, other)| de != other && de.split_whitespace().count() >= 4)
        .map(|(de, _)| de)
        .filter(|de| !de.contains(['&', '<', '>', '"', '\'', '{']))
        .collect()
}

async fn page_in(app: &Router, path: &str, lang: &str, cookie: Option<&str>) -> (StatusCode, String) {
    let cookies = match cookie {
        Some(c) => format!("plenum_lang={lang}; {c}"),
        None => format!("plenum_lang={lang}"),
    };
    let req = Request::get(path).header(header::COOKIE, cookies).body(Body::empty()).unwrap();
    let res = app.clone().call_within(req).await.unwrap();
    let status = res.status();
    (status, body_text(res).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn participant_pages_come_in_every_language_without_german_text() {
    let (app, db) = app().await;
    let (code, _, fields) = collecting_workshop(&db).await;
    let cookie = join_over_http(&app, &code).await;
    let body = format!("code={code}&action_field={}&title=Sprachcaf%C3%A9", fields[0]);
    let res = app.clone().call_within(post_form(SubmitProposal::PATH, &body, Some(&cookie))).await.unwrap();
    let sent = body_text(res).await;
    let id = sent.split("\"id\":\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    for lang in app::i18n::Lang::all().filter(|l| !l.code().starts_with("de") && l.code() != "en") {
        let code_of = lang.code();
        let german = german_only_texts(lang);
        assert!(german.len() > 50, "{code_of}: too few texts to compare");
        for (path, with_cookie) in [
            ("/".to_owned(), false),
            (format!("/w/{code}"), false),
            (format!("/w/{code}"), true),
            (format!("/w/{code}/p/{id}"), true),
            ("/barrierefreiheit".to_owned(), false),
            ("/no-such-page".to_owned(), false),
        ] {
            let (status, html) = page_in(&app, &path, code_of, with_cookie.then_some(cookie.as_str())).await;
            assert!(status == StatusCode::OK || path == "/no-such-page", "{code_of} {path}: {status}");
            let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
            assert!(html.contains(&format!("<html lang=\"{code_of}\" dir=\"{dir}\"")), "{code_of} {path}");
            let shown: Vec<&String> = german.iter().filter(|t| html.contains(t.as_str())).collect();
            assert!(shown.is_empty(), "{code_of} {path} shows German: {shown:?}");
            assert!(html.contains(&lang.own_name()), "{code_of} {path}: the switch names the language");
        }
    }
    // Staff pages stay German for a language they do not come in.
    let (_, html) = page_in(&app, "/login", "tr", None).await;
    assert!(html.contains("<html lang=\"de\" dir=\"ltr\""), "login in German");
    assert!(!html.contains("Türkçe"), "the staff switch offers German and English only");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workshop_offers_only_its_languages_and_marks_proposals_from_another() {
    use app::{auth::types::Actor, workshops::service as workshops, workshops::types::WorkshopInput};
    let (app, db) = app().await;
    let (code, ws, fields) = collecting_workshop(&db).await;
    let input =
        WorkshopInput::parse("Workshop", "", "in_person", "VHS", "").unwrap().with_languages(&["tr".into()]).unwrap();
    workshops::update(&db, &Actor::System, ws, &input, &[], &[]).await.unwrap();
    let (_, html) = page_in(&app, &format!("/w/{code}"), "ar", None).await;
    assert!(html.contains("<html lang=\"de\" dir=\"ltr\""), "Arabic is not offered: German");
    assert!(html.contains("Türkçe") && !html.contains("العربية"), "the switch lists the offered languages");
    let (_, html) = page_in(&app, &format!("/w/{code}"), "tr", None).await;
    assert!(html.contains("<html lang=\"tr\""));
    // A proposal written on the Turkish page says so on the German one.
    let cookie = join_over_http(&app, &code).await;
    let body = format!("code={code}&action_field={}&title=Dil+kafesi", fields[0]);
    let req = post_form(SubmitProposal::PATH, &body, Some(&format!("{cookie}; plenum_lang=tr")));
    assert_eq!(app.clone().call_within(req).await.unwrap().status(), StatusCode::OK);
    let (_, html) = page_in(&app, &format!("/w/{code}"), "de", Some(&cookie)).await;
    assert!(html.contains("<h3 lang=\"tr\" dir=\"auto\">Dil kafesi</h3>"), "{html}");
    assert!(html.contains("Geschrieben auf Türkçe"));
    let (_, html) = page_in(&app, &format!("/w/{code}"), "tr", Some(&cookie)).await;
    assert!(!html.contains("data-test=\"written-in\""), "no note on a page in its own language");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_accessibility_statement_names_the_contact_the_admin_set() {
    let (app, db) = app().await;
    let (status, html) = page_in(&app, "/barrierefreiheit", "de", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Erklärung zur Barrierefreiheit") && html.contains("§ 16 BGG"));
    assert!(html.contains("data-test=\"a11y-no-contact\""), "no contact set yet");
    // Only an admin saves the settings.
    let organizer = session_for(&db, "organizer").await;
    let body = "municipality=Stadt+Krefeld&contact_email=barrierefrei%40krefeld.de";
    let res = app
        .clone()
        .call_within(post_form(app::instance::api::SaveInstanceSettings::PATH, body, Some(&organizer)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let admin = session_for(&db, "admin").await;
    let res = app
        .clone()
        .call_within(post_form(app::instance::api::SaveInstanceSettings::PATH, "contact_email=kein", Some(&admin)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .clone()
        .call_within(post_form(app::instance::api::SaveInstanceSettings::PATH, body, Some(&admin)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, html) = page_in(&app, "/barrierefreiheit", "de", None).await;
    assert!(html.contains("Stadt Krefeld möchte") && html.contains("mailto:barrierefrei@krefeld.de"), "{html}");
    let (_, html) = page_in(&app, "/", "de", None).await;
    assert!(html.contains("href=\"/barrierefreiheit\""), "linked from every page's footer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn survey_plan_and_process_pages_come_in_every_language_without_german_text() {
    use app::surveys::{
        service as surveys,
        types::{Respondent, SurveyFile, SurveyState},
    };
    let (app, db) = app().await;
    let (p, _) = plan_process(&db).await;
    let system = Actor::System;
    app::processes::service::set_published(&db, &system, p, true).await.unwrap();
    let on = app::plan::types::AdoptionInput::parse("2027-04-01", "").unwrap();
    app::plan::service::adopt(&db, &system, p, &on).await.unwrap();
    let measure = app::server::entities::measures::Entity::find().one(&db).await.unwrap().unwrap().id;
    let file = SurveyFile::read(surveys::EVALUATION_TEMPLATE.as_bytes()).unwrap();
    let survey = surveys::import(&db, &system, p, &file).await.unwrap();
    surveys::set_state(&db, &system, survey, SurveyState::Open).await.unwrap();
    let visitor = surveys::Visitor { resume_key: None, participant_token: None };
    let key = surveys::start(&db, survey, &visitor, None, &Respondent::default()).await.unwrap();
    let paths = [
        format!("/p/{p}"),
        format!("/p/{p}/plan"),
        format!("/p/{p}/plan/print"),
        format!("/m/{measure}"),
        format!("/s/{survey}"),
        format!("/s/{survey}/r/{key}"),
    ];
    for lang in app::i18n::Lang::all().filter(|l| !l.code().starts_with("de") && l.code() != "en") {
        let german = german_only_texts(lang);
        for path in &paths {
            let (status, html) = page_in(&app, path, lang.code(), None).await;
            assert_eq!(status, StatusCode::OK, "{} {path}", lang.code());
            assert!(html.contains(&format!("<html lang=\"{}\"", lang.code())), "{} {path}", lang.code());
            let shown: Vec<&String> = german.iter().filter(|t| html.contains(t.as_str())).collect();
            assert!(shown.is_empty(), "{} {path} shows German: {shown:?}", lang.code());
        }
    }
}

/// The app behind a trusted proxy: the client address comes from `X-Forwarded-For`.
async fn app_behind_proxy() -> (Router, DatabaseConnection) {
    let config = Config::from_lookup(|n| (n == "PLENUM_TRUST_PROXY").then(|| "1".into())).unwrap();
    let db = connect_and_migrate("sqlite::memory:").await.unwrap();
    (router(state(&config, db.clone())), db)
}

fn join_from(code: &str, forwarded: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::post(JoinWorkshop::PATH)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-forwarded-for", forwarded);
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    req.body(Body::from(format!("code={code}&consent=yes"))).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_joins_from_one_address_is_refused_naming_the_limit() {
    let (app, db) = app_behind_proxy().await;
    let (code, _, _) = collecting_workshop(&db).await;
    let started = std::time::Instant::now();
    // A whole room behind one venue Wi-Fi address joins.
    for n in 0..200 {
        let res = app.clone().call_within(join_from(&code, "198.51.100.7", None)).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "join {n}");
    }
    // The script goes on: refused with 429, the limit named; nothing more is written.
    let res = app.clone().call_within(join_from(&code, "198.51.100.7", None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let body = body_text(res).await;
    assert!(body.contains("rate-join") && body.contains("200"), "{body}");
    // A forged address in front of the proxy's does not help: the proxy's hop counts.
    let res = app.clone().call_within(join_from(&code, "203.0.113.99, 198.51.100.7", None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app::server::entities::participants::Entity::find().count(&db).await.unwrap(), 200);
    // Another address still joins.
    let res = app.clone().call_within(join_from(&code, "198.51.100.8", None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    eprintln!("201 joins from one address refused after {:?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guessing_join_codes_is_limited_per_address() {
    let (app, _) = app_behind_proxy().await;
    let mut refused = None;
    for n in 0..400 {
        let alphabet = app::workshops::types::JOIN_CODE_ALPHABET;
        let code = format!("ZZZZ{}{}", char::from(alphabet[n % 31]), char::from(alphabet[n / 31 % 31]));
        let req = Request::get(format!("/w/{code}")).header("x-forwarded-for", "2001:db8:5:6::1");
        let res = app.clone().call_within(req.body(Body::empty()).unwrap()).await.unwrap();
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(n);
            break;
        }
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(refused, Some(300), "the 301st unknown code from one /64 is refused");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joining_again_with_the_cookie_keeps_the_participant() {
    let (app, db) = app().await;
    let (code, _, _) = collecting_workshop(&db).await;
    let cookie = join_over_http(&app, &code).await;
    let res = app
        .clone()
        .call_within(post_form(JoinWorkshop::PATH, &format!("code={code}&consent=yes"), Some(&cookie)))
        .await;
    let res = res.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let again = res.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    assert_eq!(again, cookie, "the same token");
    assert_eq!(app::server::entities::participants::Entity::find().count(&db).await.unwrap(), 1);
}

#[test]
fn the_client_address_is_the_peer_or_the_hop_the_trusted_proxy_added() {
    use app::server::client_address;
    let peer: std::net::SocketAddr = "10.0.0.2:5555".parse().unwrap();
    let mut headers = axum::http::HeaderMap::new();
    assert_eq!(client_address(&headers, Some(peer), true).to_string(), "10.0.0.2");
    headers.insert("x-forwarded-for", "203.0.113.9, 198.51.100.7".parse().unwrap());
    assert_eq!(client_address(&headers, Some(peer), true).to_string(), "198.51.100.7");
    assert_eq!(client_address(&headers, Some(peer), false).to_string(), "10.0.0.2", "not trusted: the peer");
    headers.insert("x-forwarded-for", "kein-ip".parse().unwrap());
    assert_eq!(client_address(&headers, Some(peer), true).to_string(), "10.0.0.2", "unreadable: the peer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_streams_are_capped_per_participant_and_end_when_the_participant_is_deleted() {
    let (app, db) = app().await;
    let (code, _, _) = collecting_workshop(&db).await;
    let res = app.clone().call_within(post_form(JoinWorkshop::PATH, &format!("code={code}&consent=yes"), None)).await;
    let res = res.unwrap();
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let id: String = serde_json::from_str(&body_text(res).await).unwrap();
    let stream = || Request::get(format!("/w/{code}/live?page=1")).header(header::COOKIE, &cookie).body(Body::empty());
    let mut open = Vec::new();
    for _ in 0..app::server::streams::PER_HOLDER {
        let res = app.clone().call_within(stream().unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let mut body = res.into_body();
        body.frame().await.unwrap().unwrap();
        open.push(body);
    }
    let res = app.clone().call_within(stream().unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "a fifth stream of one phone");
    assert!(body_text(res).await.contains(&app::server::streams::PER_HOLDER.to_string()));
    // One closed: a slot is free again.
    drop(open.pop());
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let res = app.clone().call_within(stream().unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let mut body = res.into_body();
    body.frame().await.unwrap().unwrap();
    open.push(body);

    // The organizer deletes the participant: every open stream of theirs ends.
    let organizer = session_for(&db, "organizer").await;
    let delete = app::participants::api::DeleteParticipant::PATH;
    let res = app.clone().call_within(post_form(delete, &format!("id={id}"), Some(&organizer))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    for mut body in open {
        let end = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame()).await;
        assert!(matches!(end, Ok(None)), "the stream ended");
    }
    let res = app.call_within(stream().unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "the reconnect finds the token gone");
}
