//! Hostile input to every server function, upload, download and page: wrong types, huge strings,
//! NUL bytes, invalid UTF-8, deep nesting and unknown ids, from a visitor, a participant and an
//! admin. No answer may be a 5xx, no handler may panic or hang, a post from another site is
//! refused with 403, and a refused request leaves the database as it was.
//!
//! The server functions are listed by `server_fn` at run time and the pages by the app's route
//! table, so new ones are covered without touching this file. Each case is drawn from a
//! generator seeded by the run's seed, the route and the case number: `PLENUM_FUZZ_SEED=<n>`
//! repeats a run, `PLENUM_FUZZ_ONLY=<part of a path>` sends only the cases of matching routes,
//! `PLENUM_FUZZ_CASES=<n>` sends more per route.
#![allow(clippy::unwrap_used)]

use std::{
    collections::{BTreeMap, BTreeSet},
    time::Duration,
};

use app::{
    auth::{api::Login, service, types::Actor},
    clustering::api::ClusteringStep,
    participants::api::JoinWorkshop,
    processes::types::ProcessId,
    proposals::api::SubmitProposal,
    surveys::api::SurveyStep,
};
use axum::{
    Router,
    body::{Body, Bytes},
    http::{HeaderName, Method, Request, StatusCode, header, response::Parts},
};
use http_body_util::BodyExt;
use leptos::server_fn::{ServerFn, error::SERVER_FN_ERROR_HEADER};
use rand::{Rng, SeedableRng, rngs::StdRng, seq::SliceRandom};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, Statement};
use server::{Config, connect_and_migrate, router, state};
use tower::ServiceExt;

const PASSWORD: &str = "richtig-gutes-passwort";
const ADMIN: &str = "admin@krefeld.de";
const DEFAULT_SEED: u64 = 20_260_312;
/// Cases per server function, upload and download: each kind of body from each role.
const CASES: usize = 24;
/// A page renders a whole document: a few hostile addresses each.
const PAGE_CASES: usize = 3;
/// Posts per route that come from another site.
const CROSS_SITE_CASES: usize = 2;
/// Kinds of body (`function_payload`, `upload_request`).
const STYLES: usize = 8;
const HUGE: usize = 300 << 10;
const DEPTH: usize = 10_000;
/// A URI must stay under 64 KB: a query carries at most this, a path segment a part of it.
const QUERY_MAX: usize = 60_000;
const SEGMENT_MAX: usize = 8_000;
const TIMEOUT: Duration = Duration::from_secs(20);
const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json";
const BOUNDARY: &str = "plenumfuzz";

// The argument and form-field names of the server functions, by the kind of value they take
// (space-separated). serde_qs ignores names a function does not take, so every form carries them
// all and each function finds its own.
const IDS: &str = "id workshop workshop_id process process_id survey round cluster proposal into with action_field \
    action_field_id phase measure question section cond_question";
const NUMBERS: &str = "version revision page dots per_option max min minutes max_participants progress a b";
const FLAGS: &str = "active public published consent again done abstain required other live_results \
    one_per_participant ask_organisation results_public confirm";
const DATES: &str = "starts_on ends_on adopted_on opens_on closes_on checked_on on time_from time_to starts_at";
/// Sent as `name[key]=value` (half of the time: some of these names are plain values elsewhere).
const MAPS: &str = "staff paper ballot pick a measure goal theme partner";
/// Sent as `name[]=value`.
const LISTS: &str = "action_fields moderators languages";
const TEXTS: &str = "password current_password password_repeat name title description text reason note summary \
    municipality contact_phone contact_address display_name organisation place meeting_link intro help options \
    scale unit lead indicators resources target_groups target_group partners timeframe time_text q field \
    new_partners cond_values code key token";
const STATES: &str = "draft collecting clustering voting closed open";
const CHOICES: &[(&str, &str)] = &[
    ("from", STATES),
    ("to", STATES),
    ("state", STATES),
    ("status", "planned in_progress done paused dropped"),
    ("direction", "up down"),
    ("mode", "in_person online hybrid"),
    ("org_type", "migrant association administration politics education individual other"),
    ("role", "admin organizer moderator"),
    ("method", "dots approval score ranked"),
    ("kind", "single multiple likert rating number date text note milestone"),
    ("reach", "public workshop evaluation"),
    ("what", "up down delete"),
    ("go", "next back submit page-2"),
    ("cond_op", "equals one_of answered"),
    ("new_partner_kind", "association administration"),
    ("email", "neu@krefeld.de admin@krefeld.de ADMIN@KREFELD.DE"),
    ("contact_email", "barrierefrei@krefeld.de"),
];
/// Separated by `|`: some have spaces.
const WORDS: &str = "Sprachcafé|Beratungsstelle|Straßenfest|x|Dil kafesi|مقهى اللغة|Мовне кафе|Krefeld|a b";
/// Values no form sends: wrong types, edge numbers, control characters, markup, odd dates.
const EDGE_VALUES: &[&str] = &[
    "",
    " ",
    "-1",
    "-0",
    "99999999999999999999999999",
    "-9223372036854775809",
    "2147483648",
    "4294967296",
    "1e309",
    "NaN",
    "inf",
    "true",
    "null",
    "[]",
    "{}",
    "\0",
    "a\0b",
    "\r\n\r\n",
    "\u{1b}[2J",
    "\u{7f}",
    "\u{202e}gnp.exe",
    "\u{200f}\u{200e}\u{feff}",
    "\u{fffd}",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' OR '1'='1'; DROP TABLE users; --",
    "%s%n%x",
    "${jndi:ldap://x}",
    "{{7*7}}",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "2026-02-30",
    "0000-00-00",
    "+275760-09-13",
    "2026-13-01T25:61",
    "page-0",
    "page-99999999999999999999",
    "o",
];
/// Bytes a garbled value gets: NUL, line breaks, escapes, and sequences that are not UTF-8.
const JUNK: &[&[u8]] = &[
    b"\0",
    b"\r\n",
    b"\x1b[2J",
    b"\x7f",
    b"\xff",
    b"\xfe\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\x80",
    b"\xe2\x80\xae",
    b"&",
    b"=",
    b"%",
];
const WRONG_JSON: &[&str] = &[
    "null",
    "true",
    "-1",
    "2147483648",
    "-9223372036854775809",
    "18446744073709551616",
    "1e400",
    "0.5",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\udc00\\ud800\"",
    "[]",
    "{}",
    "[1,[2,[3]]]",
    "{\"Create\":{}}",
    "\"Undo\"",
    "\"\"",
];
const WRONG_TYPES: &[&str] =
    &[JSON, "text/plain", "multipart/form-data", "application/cbor", "text/html; charset=utf-16"];
const ODD_COOKIES: &[&str] = &[
    "plenum_session=0000",
    "plenum_session=",
    "plenum_lang=xx",
    "plenum_lang=ar; plenum_lang=de",
    "plenum_w_ZZZZZZ=forged",
    "=;;=;",
    "plenum_session=%FF%00",
];
const RAW_SEGMENTS: &[&str] = &[
    "..",
    ".",
    "%00",
    "%FF%FE",
    "%zz",
    "%",
    "-1",
    "99999999999999999999",
    "%2F..%2F..%2Fetc%2Fpasswd",
    "%0A",
    "%C0%AF",
    "%E2%80%AE",
    "null",
];
const BACKS: &[&str] = &[
    "/login",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "/\r\nSet-Cookie: x=1",
    "javascript:alert(1)",
    "/w/ABC?x=1#y",
    "\u{7f}",
    "/ü",
    "/%2F%2Fevil.example",
    "/..//evil.example",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Arguments in the body (POST) or the query (GET).
    ServerFn,
    /// A multipart upload that `server::router` adds.
    Upload,
    /// A download or event stream that `server::router` adds, ids in the path.
    Download,
    /// A page of the app's route table.
    Page,
}

struct Route {
    method: Method,
    template: String,
    kind: Kind,
}

/// The routes `server::router` adds beside the server functions and pages (an axum router
/// cannot list its routes).
const DOWNLOADS: [&str; 7] = [
    "/lang/{code}",
    "/w/{code}/live",
    "/p/{id}/plan.csv",
    "/p/{id}/plan.json",
    "/staff/workshops/{id}/documentation.csv",
    "/staff/surveys/{id}/responses.csv",
    "/staff/surveys/{id}/survey.json",
];
const UPLOADS: [&str; 2] = ["/staff/processes/{id}/plan/import", "/staff/processes/{id}/surveys/import"];

fn routes() -> Vec<Route> {
    let functions = leptos::server_fn::axum::server_fn_paths().map(|(path, method)| Route {
        method,
        template: path.to_owned(),
        kind: Kind::ServerFn,
    });
    let downloads =
        DOWNLOADS.iter().map(|t| Route { method: Method::GET, template: (*t).to_owned(), kind: Kind::Download });
    let uploads = UPLOADS.iter().map(|t| Route { method: Method::POST, template: (*t).to_owned(), kind: Kind::Upload });
    let pages = leptos_axum::generate_route_list(app::app::App).into_iter().map(|listing| Route {
        method: Method::GET,
        template: listing.path().to_owned(),
        kind: Kind::Page,
    });
    let mut routes: Vec<Route> = functions.chain(downloads).chain(uploads).chain(pages).collect();
    // The registry is a hash map: sorted, a run sends its cases in the same order every time.
    routes.sort_by(|a, b| a.template.cmp(&b.template).then_with(|| a.method.as_str().cmp(b.method.as_str())));
    routes
}

fn assert_known_routes(routes: &[Route]) {
    let functions: Vec<&str> =
        routes.iter().filter(|r| r.kind == Kind::ServerFn).map(|r| r.template.as_str()).collect();
    assert!(functions.len() > 50, "the server functions are registered: {functions:?}");
    for path in [JoinWorkshop::PATH, Login::PATH, SubmitProposal::PATH, ClusteringStep::PATH, SurveyStep::PATH] {
        assert!(functions.contains(&path), "{path} is among {functions:?}");
    }
    assert!(routes.iter().any(|r| r.kind == Kind::Page && r.template == "/w/{code}"), "pages come with parameters");
}

/// What a refused call may still write, by design: a survey step saves the page before it checks
/// the answers, so a respondent sent back to fix one keeps what they typed.
fn writes_when_refused(template: &str) -> &'static [&'static str] {
    if template == SurveyStep::PATH { &["survey_responses"] } else { &[] }
}

#[derive(Debug, Clone, Copy)]
enum Role {
    Visitor,
    Participant,
    Admin,
}

const ROLES: [Role; 3] = [Role::Visitor, Role::Participant, Role::Admin];

/// The fixture's codes and ids: values that take a case past "not found" to the checks behind.
struct Known {
    code: String,
    key: String,
    process: String,
    workshop: String,
    survey: String,
    measure: String,
    proposal: String,
    participant: String,
    fields: Vec<String>,
}

impl Known {
    fn ids(&self) -> Vec<&str> {
        let mut ids = vec![
            self.process.as_str(),
            self.workshop.as_str(),
            self.survey.as_str(),
            self.measure.as_str(),
            self.proposal.as_str(),
            self.participant.as_str(),
        ];
        ids.extend(self.fields.iter().map(String::as_str));
        ids
    }

    /// The id that fits a path: a proposal under /w/, a survey under /s/, and so on.
    fn fitting(&self, template: &str) -> &str {
        let mut segments = template.split('/').filter(|s| !s.is_empty());
        let mut kind = segments.next().unwrap_or_default();
        if kind == "staff" {
            kind = segments.next().unwrap_or_default();
        }
        match kind {
            "w" | "proposals" => self.proposal.as_str(),
            "workshops" => self.workshop.as_str(),
            "s" | "surveys" => self.survey.as_str(),
            "m" | "measures" => self.measure.as_str(),
            _ => self.process.as_str(),
        }
    }
}

struct World {
    app: Router,
    db: DatabaseConnection,
    known: Known,
    admin: String,
    participant: String,
}

/// A published process with a plan, an open survey with a started response, a collecting
/// workshop with a participant and a proposal, and an admin; the limits per address off.
async fn world() -> World {
    let config = Config::from_lookup(|name| (name == "PLENUM_RATE_LIMITS").then(|| "off".to_owned())).unwrap();
    let db = connect_and_migrate("sqlite::memory:").await.unwrap();
    let app = router(state(&config, db.clone()));
    service::create_user(&db, &Actor::System, ADMIN, "admin", Some(PASSWORD.into())).await.unwrap();
    let admin = admin_session(&db).await;
    let (process, fields, measure) = published_process(&db).await;
    let (workshop, code) = collecting_workshop(&db, process).await;
    let (survey, key) = open_survey(&db, process).await;
    let (cookie, participant) = join(&app, &code).await.unwrap();
    let proposal = submit(&app, &code, &fields[0], &cookie).await;
    let process = process.to_string();
    let known = Known { code, key, process, workshop, survey, measure, proposal, participant, fields };
    World { app, db, known, admin, participant: cookie }
}

async fn admin_session(db: &DatabaseConnection) -> String {
    let limiter = app::auth::LoginLimiter::default();
    let (_, token) = service::login(db, &limiter, [127, 0, 0, 1].into(), ADMIN, PASSWORD).await.unwrap();
    format!("{}={token}", app::auth::SESSION_COOKIE)
}

async fn published_process(db: &DatabaseConnection) -> (ProcessId, Vec<String>, String) {
    use app::processes::{
        service as processes,
        types::{ActionFieldInput, ProcessInput},
    };
    let system = Actor::System;
    let input = ProcessInput::parse("Konzept", "Krefeld", "").unwrap();
    let process = processes::create(db, &system, app::i18n::Lang::default(), &input).await.unwrap();
    let mut fields = Vec::new();
    for name in ["Bildung", "Arbeit"] {
        let input = ActionFieldInput::parse(name, "").unwrap();
        fields.push(processes::add_action_field(db, &system, process, &input).await.unwrap().to_string());
    }
    processes::set_published(db, &system, process, true).await.unwrap();
    let form = app::plan::types::MeasureForm {
        title: "Sprachcafé".into(),
        action_field: fields[0].clone(),
        ..Default::default()
    };
    app::plan::service::create(db, &system, process, &form, None, false).await.unwrap();
    let measure = app::server::entities::measures::Entity::find().one(db).await.unwrap().unwrap().id.to_string();
    (process, fields, measure)
}

async fn collecting_workshop(db: &DatabaseConnection, process: ProcessId) -> (String, String) {
    use app::workshops::{
        service as workshops,
        types::{WorkshopInput, WorkshopState},
    };
    let system = Actor::System;
    let input = WorkshopInput::parse("Workshop", "", "in_person", "VHS", "").unwrap();
    let ws = workshops::create(db, &system, process, &input, &[], &[]).await.unwrap();
    let live = app::server::LiveHub::default();
    workshops::set_state(db, &live, &system, ws, WorkshopState::Draft, WorkshopState::Collecting).await.unwrap();
    let code = workshops::admin_view(db, &system, ws, "").await.unwrap().info.join_code;
    (ws.to_string(), code)
}

async fn open_survey(db: &DatabaseConnection, process: ProcessId) -> (String, String) {
    use app::surveys::{
        service as surveys,
        types::{Respondent, SurveyFile, SurveyState},
    };
    let system = Actor::System;
    let file = SurveyFile::read(surveys::EVALUATION_TEMPLATE.as_bytes()).unwrap();
    let survey = surveys::import(db, &system, process, &file).await.unwrap();
    surveys::set_state(db, &system, survey, SurveyState::Open).await.unwrap();
    let visitor = surveys::Visitor { resume_key: None, participant_token: None };
    let key = surveys::start(db, survey, &visitor, None, &Respondent::default()).await.unwrap();
    (survey.to_string(), key)
}

/// Joins over HTTP: the participant's cookie and id, if the workshop still lets people in.
async fn join(app: &Router, code: &str) -> Option<(String, String)> {
    let body = format!("code={code}&display_name=Ay%C5%9Fe&consent=yes");
    let req = Request::post(JoinWorkshop::PATH).header(header::CONTENT_TYPE, FORM).body(Body::from(body)).unwrap();
    let res = match app.clone().oneshot(req).await {
        Ok(res) => res,
        Err(never) => match never {},
    };
    if res.status() != StatusCode::OK {
        return None;
    }
    let cookie = res.headers().get(header::SET_COOKIE)?.to_str().ok()?.split(';').next()?.to_owned();
    let id = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).ok()?;
    Some((cookie, id))
}

async fn submit(app: &Router, code: &str, field: &str, cookie: &str) -> String {
    let body = format!("code={code}&action_field={field}&title=Sprachcaf%C3%A9");
    let req = Request::post(SubmitProposal::PATH)
        .header(header::CONTENT_TYPE, FORM)
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    let res = match app.clone().oneshot(req).await {
        Ok(res) => res,
        Err(never) => match never {},
    };
    assert_eq!(res.status(), StatusCode::OK);
    let proposal: serde_json::Value =
        serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    proposal["id"].as_str().unwrap().to_owned()
}

impl World {
    /// A logout or a deletion among the cases must not leave the later cases without their
    /// admin or participant.
    async fn keep_identities(&mut self) {
        let token = self.admin.split_once('=').map_or("", |(_, t)| t);
        if service::session_user(&self.db, token).await.ok().flatten().is_none() {
            self.admin = admin_session(&self.db).await;
        }
        let token = self.participant.split_once('=').map_or("", |(_, t)| t);
        if app::participants::service::resolve(&self.db, &self.known.code, Some(token)).await.is_err()
            && let Some((cookie, _)) = join(&self.app, &self.known.code).await
        {
            self.participant = cookie;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values

fn pick<'a>(rng: &mut StdRng, options: &[&'a str]) -> &'a str {
    options.choose(rng).copied().unwrap_or_default()
}

/// One of the words of a separated list.
fn pick_of(rng: &mut StdRng, list: &str, separator: char) -> String {
    let options: Vec<&str> = list.split(separator).collect();
    pick(rng, &options).to_owned()
}

fn word(rng: &mut StdRng) -> String {
    pick_of(rng, WORDS, '|')
}

/// Whether `name` is among the space-separated `names`.
fn among(names: &str, name: &str) -> bool {
    names.split_whitespace().any(|n| n == name)
}

fn hex(rng: &mut StdRng, len: usize) -> String {
    (0..len).map(|_| char::from(b"0123456789abcdef"[rng.gen_range(0..16)])).collect()
}

fn unknown_id(rng: &mut StdRng) -> String {
    let h = format!("{:032x}", rng.gen_range(0..u128::MAX));
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

fn known_id(rng: &mut StdRng, known: &Known) -> String {
    pick(rng, &known.ids()).to_owned()
}

fn id(rng: &mut StdRng, known: &Known) -> String {
    match rng.gen_range(0..10) {
        0 => "00000000-0000-0000-0000-000000000000".to_owned(),
        1 | 2 => unknown_id(rng),
        _ => known_id(rng, known),
    }
}

/// The join code as people type it: a line break, dashes and spaces inside, lower case.
fn typed_code(code: &str, variant: usize) -> String {
    let (head, tail) = code.split_at(code.len() / 2);
    match variant % 4 {
        0 => format!("{head}\n{tail}"),
        1 => format!(" {}-{} ", head.to_lowercase(), tail.to_lowercase()),
        2 => format!("{head}\r\n{tail}"),
        _ => format!("{head}\u{a0}{tail}\t"),
    }
}

fn code(rng: &mut StdRng, known: &Known) -> String {
    match rng.gen_range(0..6) {
        0 => known.code.to_lowercase(),
        1 => typed_code(&known.code, rng.gen_range(0..4)),
        _ => known.code.clone(),
    }
}

fn mangled_id(rng: &mut StdRng, known: &Known) -> String {
    let id = known_id(rng, known);
    match rng.gen_range(0..7) {
        0 => format!("{{{id}}}"),
        1 => format!("urn:uuid:{id}"),
        2 => id.to_uppercase(),
        3 => format!("{id}\n"),
        4 => format!(" {id} "),
        5 => id.replace('-', ""),
        _ => format!("{id}x"),
    }
}

fn long_text(rng: &mut StdRng) -> String {
    pick(rng, &["x", "ä", "😀", "a\0", "\u{202e}", "<b>", " "]).repeat(rng.gen_range(100..5_000))
}

fn hostile(rng: &mut StdRng, known: &Known) -> String {
    match rng.gen_range(0..7) {
        0..=2 => pick(rng, EDGE_VALUES).to_owned(),
        3 => unknown_id(rng),
        4 => mangled_id(rng, known),
        5 => typed_code(&known.code, rng.gen_range(0..4)),
        _ => long_text(rng),
    }
}

fn field_names() -> BTreeSet<&'static str> {
    let names = [IDS, NUMBERS, FLAGS, DATES, MAPS, LISTS, TEXTS].into_iter().flat_map(str::split_whitespace);
    names.chain(CHOICES.iter().map(|(name, _)| *name)).collect()
}

/// What a form of the app would send for a field of this name: one pair, or several for a map
/// (`name[key]`) or a list (`name[]`).
fn plausible(rng: &mut StdRng, name: &str, known: &Known) -> Vec<(String, String)> {
    if among(MAPS, name) && rng.gen_bool(0.5) {
        return (0..rng.gen_range(1..4))
            .map(|_| {
                let key = match rng.gen_range(0..4) {
                    0 => format!("o{}", known_id(rng, known)),
                    1 => known_id(rng, known),
                    2 => unknown_id(rng),
                    _ => word(rng),
                };
                (format!("{name}[{key}]"), pick(rng, &["on", "1", "3", "0", "-1", "x", ""]).to_owned())
            })
            .collect();
    }
    if among(LISTS, name) {
        return (0..rng.gen_range(0..4))
            .map(|_| {
                let value = if name == "languages" {
                    pick(rng, &["de", "en", "tr", "ar", "xx"]).to_owned()
                } else {
                    id(rng, known)
                };
                (format!("{name}[]"), value)
            })
            .collect();
    }
    let value = match name {
        "code" => code(rng, known),
        "key" => known.key.clone(),
        "token" => hex(rng, 64),
        _ if among(IDS, name) => id(rng, known),
        _ if among(NUMBERS, name) => pick(rng, &["0", "1", "2", "3", "5", "20", "100"]).to_owned(),
        _ if among(FLAGS, name) => pick(rng, &["true", "false", "on", "yes"]).to_owned(),
        _ if among(DATES, name) => pick(rng, &["2026-03-05", "2026-03-05T18:00", "2027-12-31"]).to_owned(),
        _ => match CHOICES.iter().find(|(n, _)| *n == name) {
            Some((_, options)) => pick_of(rng, options, ' '),
            None => word(rng),
        },
    };
    vec![(name.to_owned(), value)]
}

/// A form with every field name: plausible values, a share of them hostile, some fields missing.
fn form(rng: &mut StdRng, known: &Known, hostile_share: f64, omit: f64) -> Vec<(String, Vec<u8>)> {
    let mut pairs = Vec::new();
    for name in field_names() {
        if rng.gen_bool(omit) {
            continue;
        }
        for (key, value) in plausible(rng, name, known) {
            let value = if rng.gen_bool(hostile_share) { hostile(rng, known) } else { value };
            pairs.push((key, value.into_bytes()));
        }
    }
    pairs
}

/// Adds `b` to `out` as it is when it is in `keep` or alphanumeric, else as `%XX` (without
/// `format!`: the huge bodies are escaped byte by byte).
fn push_escaped(out: &mut String, b: u8, keep: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    if b.is_ascii_alphanumeric() || keep.contains(&b) {
        out.push(char::from(b));
    } else {
        out.push('%');
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
}

/// Percent-encodes everything but the unreserved characters.
fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        push_escaped(&mut out, b, b"-._~");
    }
    out
}

fn encode_form(pairs: &[(String, Vec<u8>)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k.as_bytes()), encode(v))).collect::<Vec<_>>().join("&")
}

/// A payload as a query string: its `=`, `&` and escapes kept, other bytes escaped, cut to size.
fn query(payload: &[u8]) -> String {
    let mut out = String::new();
    for &b in payload {
        push_escaped(&mut out, b, b"-._~%=&+");
        if out.len() >= QUERY_MAX {
            break;
        }
    }
    out
}

/// At most `max` bytes of an ASCII text (all that is left after `encode`).
fn clip_ascii(mut text: String, max: usize) -> String {
    text.truncate(max);
    text
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

/// Control characters and bytes that are not UTF-8, put into the values at random places.
fn garble(rng: &mut StdRng, mut pairs: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    for (_, value) in &mut pairs {
        for _ in 0..rng.gen_range(0..4) {
            let tail = value.split_off(rng.gen_range(0..=value.len()));
            value.extend_from_slice(JUNK.choose(rng).copied().unwrap_or_default());
            value.extend_from_slice(&tail);
        }
    }
    pairs
}

/// A form whose values go on the wire unescaped: invalid UTF-8, NUL, stray `&`, `=` and `%`.
fn raw_form(rng: &mut StdRng, known: &Known) -> Vec<u8> {
    let pairs = form(rng, known, 0.1, 0.1);
    let mut body = Vec::new();
    for (key, value) in garble(rng, pairs) {
        if !body.is_empty() {
            body.push(b'&');
        }
        body.extend_from_slice(encode(key.as_bytes()).as_bytes());
        body.push(b'=');
        body.extend_from_slice(&value);
    }
    body
}

fn deep(rng: &mut StdRng) -> (&'static str, Vec<u8>) {
    match rng.gen_range(0..3) {
        0 => (JSON, format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH)).into_bytes()),
        1 => (JSON, format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH)).into_bytes()),
        _ => (FORM, format!("a{}=1", "%5Ba%5D".repeat(DEPTH / 10)).into_bytes()),
    }
}

fn json_text(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

/// A clustering step as the page sends it, with fixture or unknown ids.
fn step_json(rng: &mut StdRng, known: &Known) -> String {
    let cluster = json_text(&id(rng, known));
    let proposals: Vec<String> = (0..rng.gen_range(0..3)).map(|_| json_text(&id(rng, known))).collect();
    let proposals = format!("[{}]", proposals.join(","));
    let title = json_text(&if rng.gen_bool(0.5) { word(rng) } else { hostile(rng, known) });
    match rng.gen_range(0..6) {
        0 => "\"Undo\"".to_owned(),
        1 => "\"Redo\"".to_owned(),
        2 => format!(r#"{{"Create":{{"proposals":{proposals},"title":{title},"summary":"","confirmed":false}}}}"#),
        3 => format!(r#"{{"Merge":{{"into":{cluster},"from":{cluster},"confirmed":true}}}}"#),
        4 => format!(r#"{{"Rename":{{"cluster":{cluster},"title":{title},"summary":{title}}}}}"#),
        _ => format!(r#"{{"Split":{{"cluster":{cluster},"proposals":{proposals},"title":""}}}}"#),
    }
}

/// A JSON object with the field names, each value of the right type or of a wrong one.
fn json_object(rng: &mut StdRng, known: &Known) -> Vec<u8> {
    let mut members = Vec::new();
    for name in field_names().into_iter().chain(["step"]) {
        if rng.gen_bool(0.3) {
            continue;
        }
        let value = if rng.gen_bool(0.5) {
            pick(rng, WRONG_JSON).to_owned()
        } else if name == "step" {
            step_json(rng, known)
        } else if among(NUMBERS, name) {
            pick(rng, &["0", "1", "-1", "2147483647", "2147483648", "1e400"]).to_owned()
        } else if among(FLAGS, name) {
            pick(rng, &["true", "false"]).to_owned()
        } else {
            let pairs = plausible(rng, name, known);
            json_text(pairs.first().map_or("", |(_, v)| v.as_str()))
        };
        members.push(format!("{}:{value}", json_text(name)));
    }
    format!("{{{}}}", members.join(",")).into_bytes()
}

/// Bodies of odd shape: empty, all separators, bad escapes, thousands of fields, repeated and
/// nested keys, one huge key, JSON where a form belongs.
fn odd(rng: &mut StdRng, known: &Known) -> (&'static str, Vec<u8>) {
    let body = match rng.gen_range(0..8) {
        0 => String::new(),
        1 => "&&&==&=&%".to_owned(),
        2 => "%zz=%&%%=1&a=%E0%A4%A".to_owned(),
        3 => (0..4_000).map(|i| format!("f{i}={i}&")).collect(),
        4 => {
            let pairs = form(rng, known, 0.0, 0.0);
            format!("{}&code={}&code=other&id=1&id[]=2&id[a]=3", encode_form(&pairs), known.code)
        }
        5 => "x[99999999999999999999]=1&x[]=2&x[0][a][b][c][d][e][f]=1&ballot=1&ballot[]=2&a[=1&]=2".to_owned(),
        6 => format!("{}=1", "k".repeat(HUGE / 4)),
        _ => "{\"id\":1}".to_owned(),
    };
    (pick(rng, &[FORM, JSON, "text/plain", "multipart/form-data", ""]), body.into_bytes())
}

/// The body of a server function call in one of the `STYLES`; `typed` picks how a person typed
/// the join code in the plain form post.
fn function_payload(rng: &mut StdRng, known: &Known, style: usize, typed: usize) -> (&'static str, Vec<u8>) {
    match style {
        0 => (FORM, encode_form(&form(rng, known, 0.25, 0.1)).into_bytes()),
        1 => {
            let mut pairs = form(rng, known, 0.0, 0.0);
            for (key, value) in &mut pairs {
                if key == "code" {
                    *value = typed_code(&known.code, typed).into_bytes();
                }
            }
            (FORM, encode_form(&pairs).into_bytes())
        }
        2 => {
            let mut pairs = form(rng, known, 0.0, 0.1);
            let at = rng.gen_range(0..pairs.len().max(1));
            let unit = JUNK.choose(rng).copied().filter(|_| rng.gen_bool(0.3)).unwrap_or(&b"x"[..]);
            if let Some((_, value)) = pairs.get_mut(at) {
                *value = unit.repeat(HUGE / unit.len());
            }
            (FORM, encode_form(&pairs).into_bytes())
        }
        3 => {
            let pairs = form(rng, known, 0.1, 0.1);
            (FORM, encode_form(&garble(rng, pairs)).into_bytes())
        }
        4 => (pick(rng, &[FORM, JSON]), raw_form(rng, known)),
        5 => deep(rng),
        6 => (JSON, json_object(rng, known)),
        _ => odd(rng, known),
    }
}

fn sec_fetch_site() -> HeaderName {
    HeaderName::from_static("sec-fetch-site")
}

fn referer(rng: &mut StdRng, known: &Known) -> String {
    match rng.gen_range(0..5) {
        0 => format!("http://127.0.0.1:3000/w/{}", known.code),
        1 => "http://127.0.0.1:3000/staff?__err=AAAA&__path=%2Fapi".to_owned(),
        2 => "/relative/only".to_owned(),
        3 => "javascript:alert(1)".to_owned(),
        _ => "http://evil.example/".to_owned(),
    }
}

/// What a case sends: the URI, the headers (cookies come later) and the body.
type Shape = (String, Vec<(HeaderName, String)>, Vec<u8>);

/// Style 1 is a plain form post of a browser without JavaScript; the others are fetch calls
/// (or scripts) with whatever content type.
fn function_request(rng: &mut StdRng, route: &Route, known: &Known, n: usize) -> Shape {
    let style = n % STYLES;
    let (content_type, payload) = function_payload(rng, known, style, n / STYLES);
    let mut headers = Vec::new();
    let content_type = if rng.gen_bool(0.15) { pick(rng, WRONG_TYPES) } else { content_type };
    if !content_type.is_empty() {
        headers.push((header::CONTENT_TYPE, content_type.to_owned()));
    }
    if style == 1 {
        headers.push((header::ACCEPT, "text/html,application/xhtml+xml".to_owned()));
        if rng.gen_bool(0.8) {
            headers.push((header::REFERER, referer(rng, known)));
        }
    } else if rng.gen_bool(0.5) {
        headers.push((header::ACCEPT, pick(rng, &["application/json", "*/*", "text/html"]).to_owned()));
    }
    if rng.gen_bool(0.3) {
        headers.push((sec_fetch_site(), pick(rng, &["same-origin", "none"]).to_owned()));
    }
    if route.method == Method::GET {
        (format!("{}?{}", route.template, query(&payload)), headers, Vec::new())
    } else {
        (route.template.clone(), headers, payload)
    }
}

/// A path segment: the fixture's fitting id or code half of the time, else something hostile.
fn segment(rng: &mut StdRng, template: &str, name: &str, known: &Known) -> String {
    let text = if rng.gen_bool(0.5) {
        match name {
            "code" => code(rng, known),
            "key" => known.key.clone(),
            "token" => hex(rng, 64),
            _ => known.fitting(template).to_owned(),
        }
    } else {
        match rng.gen_range(0..4) {
            0 => return pick(rng, RAW_SEGMENTS).to_owned(),
            1 => unknown_id(rng),
            2 => "x".repeat(rng.gen_range(1..4_000)),
            _ => hostile(rng, known),
        }
    };
    clip_ascii(encode(text.as_bytes()), SEGMENT_MAX)
}

fn fill(template: &str, mut value: impl FnMut(&str) -> String) -> String {
    let parts: Vec<String> = template
        .split('/')
        .map(|part| match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            Some(name) => value(name.trim_start_matches('*')),
            None => part.to_owned(),
        })
        .collect();
    parts.join("/")
}

fn maybe_hostile(rng: &mut StdRng, known: &Known, options: &[&str]) -> String {
    let text = if rng.gen_bool(0.5) { pick(rng, options).to_owned() } else { hostile(rng, known) };
    clip_ascii(encode(text.as_bytes()), SEGMENT_MAX)
}

fn download_uri(rng: &mut StdRng, route: &Route, known: &Known) -> String {
    if route.template.starts_with("/lang/") {
        let code = pick(rng, &["de", "en", "tr", "ar", "uk", "xx", "%FF", "..", "en%0A", "de%00"]);
        let back = if rng.gen_bool(0.7) { pick(rng, BACKS).to_owned() } else { hostile(rng, known) };
        return format!("/lang/{code}?back={}", clip_ascii(encode(back.as_bytes()), SEGMENT_MAX));
    }
    let path = fill(&route.template, |name| segment(rng, &route.template, name, known));
    let version = maybe_hostile(rng, known, &["", "draft", "1", "0"]);
    format!("{path}?version={version}&page={}", maybe_hostile(rng, known, &["1", ""]))
}

fn page_uri(rng: &mut StdRng, route: &Route, known: &Known) -> String {
    let path = fill(&route.template, |name| segment(rng, &route.template, name, known));
    let name = pick(rng, &["sent", "__err", "page", "version", "import_error", "imported", "q", "field", "back"]);
    format!("{path}?{name}={}&__path=%2Fapi%2Fw%2Fjoin", maybe_hostile(rng, known, &["1", "AAAA", ""]))
}

// ---------------------------------------------------------------------------------------------
// Uploads

fn multipart(parts: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let mut body = Vec::new();
    for (name, data) in parts {
        let head = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"f\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        );
        body.extend_from_slice(head.as_bytes());
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

fn broken_multipart(rng: &mut StdRng, file: &[u8]) -> (String, Vec<u8>) {
    let (content_type, mut body) = multipart(&[("file", file)]);
    match rng.gen_range(0..4) {
        0 => {
            body.truncate(body.len() / 2);
            (content_type, body)
        }
        1 => (format!("multipart/form-data; boundary={}", "z".repeat(70)), body),
        2 => ("multipart/form-data".to_owned(), body),
        _ => {
            let mut broken = format!("--{BOUNDARY}\r\nContent-Disposition: \0\r\n\r\n").into_bytes();
            broken.extend_from_slice(&body);
            (content_type, broken)
        }
    }
}

fn csv_cell(rng: &mut StdRng, known: &Known) -> String {
    match rng.gen_range(0..6) {
        0 => pick(rng, &["Bildung", "Arbeit", "geplant", "in Umsetzung", ""]).to_owned(),
        1 => word(rng),
        2 => format!("\"{}\"", word(rng)),
        3 => pick(rng, &["=1+1", "\"a;b\"\"c\"", "\"unclosed", "@SUM(A1)", "'x", "\r"]).to_owned(),
        4 => known_id(rng, known),
        _ => hostile(rng, known),
    }
}

/// A plan CSV in the export's columns with a few rows of plausible and hostile cells.
fn plan_csv(rng: &mut StdRng, known: &Known) -> Vec<u8> {
    let mut csv = app::plan::csv::HEADER.join(";");
    if rng.gen_bool(0.5) {
        csv.push(';');
        csv.push_str(&app::plan::csv::EXTRA.join(";"));
    }
    for _ in 0..rng.gen_range(1..6) {
        let cells: Vec<String> = (0..18).map(|_| csv_cell(rng, known)).collect();
        csv.push('\n');
        csv.push_str(&cells.join(";"));
    }
    csv.into_bytes()
}

/// A few random edits: a byte changed, hostile text put in, the end cut off.
fn mutate(rng: &mut StdRng, known: &Known, mut bytes: Vec<u8>) -> Vec<u8> {
    for _ in 0..rng.gen_range(1..5) {
        let at = rng.gen_range(0..=bytes.len());
        match rng.gen_range(0..3) {
            0 if at < bytes.len() => bytes[at] = rng.gen_range(0..=255),
            1 => bytes.truncate(at),
            _ => {
                let tail = bytes.split_off(at);
                bytes.extend_from_slice(hostile(rng, known).as_bytes());
                bytes.extend_from_slice(&tail);
            }
        }
    }
    bytes
}

fn upload_request(rng: &mut StdRng, route: &Route, known: &Known, style: usize) -> Shape {
    let id = if rng.gen_bool(0.75) { known.process.clone() } else { segment(rng, &route.template, "id", known) };
    let path = route.template.replace("{id}", &id);
    let file = if route.template.contains("/plan/") {
        plan_csv(rng, known)
    } else {
        app::surveys::service::EVALUATION_TEMPLATE.as_bytes().to_vec()
    };
    let (content_type, body) = match style {
        0 => multipart(&[("file", file.as_slice())]),
        1 => {
            let mut bytes = vec![0u8; rng.gen_range(1..4096)];
            rng.fill(bytes.as_mut_slice());
            multipart(&[("file", bytes.as_slice())])
        }
        2 => {
            // Past the form limits, or past the upload's own limit (the body limit cuts it off).
            let extra = if rng.gen_bool(0.5) { HUGE } else { app::plan::csv::FILE_BYTES_MAX + 1 };
            let mut huge = file;
            huge.resize(huge.len() + extra, if rng.gen_bool(0.5) { b' ' } else { b'\n' });
            multipart(&[("file", huge.as_slice())])
        }
        3 => multipart(&[("file", format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH)).as_bytes())]),
        4 => {
            let mutated = mutate(rng, known, file);
            multipart(&[("file", mutated.as_slice())])
        }
        5 => broken_multipart(rng, &file),
        6 => multipart(&[("other", &b"x"[..]), ("file", &b""[..]), ("file", file.as_slice()), ("file", &b"\0"[..])]),
        _ => (pick(rng, &[FORM, JSON, "multipart/form-data", "text/csv"]).to_owned(), file),
    };
    let mut headers = vec![(header::CONTENT_TYPE, content_type)];
    if rng.gen_bool(0.3) {
        headers.push((sec_fetch_site(), "same-origin".to_owned()));
    }
    (path, headers, body)
}

// ---------------------------------------------------------------------------------------------
// Cases, answers, judgement

/// One hostile request, kept so that a failure can show what was sent.
struct Case {
    n: usize,
    role: Role,
    method: Method,
    uri: String,
    headers: Vec<(HeaderName, String)>,
    body: Vec<u8>,
    cross_site: bool,
}

impl Case {
    fn request(&self) -> Request<Body> {
        let mut builder = Request::builder().method(self.method.clone()).uri(self.uri.as_str());
        for (name, value) in &self.headers {
            builder = builder.header(name.clone(), value.as_str());
        }
        builder.body(Body::from(self.body.clone())).unwrap()
    }

    fn describe(&self) -> String {
        let headers: Vec<String> =
            self.headers.iter().map(|(name, value)| format!("{name}: {}", clip(value, 100))).collect();
        format!(
            "  case {} as {:?}: {} {}\n  headers: {}\n  body ({} bytes): {:?}",
            self.n,
            self.role,
            self.method,
            clip(&self.uri, 300),
            headers.join(" | "),
            self.body.len(),
            clip(&String::from_utf8_lossy(&self.body), 300)
        )
    }
}

fn cookie(rng: &mut StdRng, role: Role, world: &World) -> Option<String> {
    let own = match role {
        Role::Visitor => None,
        Role::Participant => Some(world.participant.clone()),
        Role::Admin => Some(world.admin.clone()),
    };
    // Now and then a forged or odd cookie beside (or instead of) the real one.
    let odd = rng.gen_bool(0.15).then(|| pick(rng, ODD_COOKIES).to_owned());
    match (own, odd) {
        (Some(own), Some(odd)) => Some(format!("{own}; {odd}")),
        (own, odd) => own.or(odd),
    }
}

fn build_case(rng: &mut StdRng, route: &Route, world: &World, n: usize, cross_site: bool) -> Case {
    let role = ROLES[n % ROLES.len()];
    let known = &world.known;
    let (uri, mut headers, body) = match route.kind {
        Kind::ServerFn => function_request(rng, route, known, if cross_site { 0 } else { n }),
        Kind::Upload => upload_request(rng, route, known, n % STYLES),
        Kind::Download => (download_uri(rng, route, known), Vec::new(), Vec::new()),
        Kind::Page => (page_uri(rng, route, known), Vec::new(), Vec::new()),
    };
    if cross_site {
        headers.retain(|(name, _)| *name != sec_fetch_site());
        headers.push(if rng.gen_bool(0.5) {
            (sec_fetch_site(), "cross-site".to_owned())
        } else {
            (header::ORIGIN, "https://evil.example".to_owned())
        });
    }
    if let Some(cookie) = cookie(rng, role, world) {
        headers.push((header::COOKIE, cookie));
    }
    Case { n, role, method: route.method.clone(), uri, headers, body, cross_site }
}

/// Each case's generator depends on the run's seed, the route and the case number only, so a
/// case repeats alone (`PLENUM_FUZZ_ONLY`) as it was drawn in the whole run.
fn case_seed(seed: u64, route: &Route, n: usize) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
    for byte in route.method.as_str().bytes().chain(route.template.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash ^ (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

struct Answer {
    status: StatusCode,
    location: String,
    /// A server function's error, also when a plain form post turns it into a redirect.
    error: bool,
    body: Bytes,
}

impl Answer {
    fn new(parts: &Parts, body: Bytes) -> Self {
        let location = parts
            .headers
            .get(header::LOCATION)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .unwrap_or_default();
        Self { status: parts.status, location, error: parts.headers.contains_key(SERVER_FN_ERROR_HEADER), body }
    }

    /// The uploads return to their page with `import_error=` when they refuse a file.
    fn refused(&self) -> bool {
        let answered = self.status.is_success() || self.status.is_redirection();
        !answered || self.error || self.location.contains("import_error=")
    }
}

enum Outcome {
    Answer(Answer),
    /// No answer to judge: the handler panicked, hung or broke off its body (what, detail).
    Broken(&'static str, String),
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => {
            payload.downcast_ref::<&str>().map_or_else(|| "a panic without a message".to_owned(), |t| (*t).to_owned())
        }
    }
}

/// Sends one request on a task of its own, so that a panic in a handler is reported with its
/// case instead of ending the test, and a request that hangs is given up after `TIMEOUT`.
async fn send(app: &Router, req: Request<Body>) -> Outcome {
    let app = app.clone();
    let task = tokio::spawn(async move {
        let res = match app.oneshot(req).await {
            Ok(res) => res,
            Err(never) => match never {},
        };
        let (parts, body) = res.into_parts();
        let stream =
            parts.headers.get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/event-stream"));
        // A live stream does not end: its status is the answer.
        let body = if stream { Ok(Bytes::new()) } else { body.collect().await.map(|c| c.to_bytes()) };
        (parts, body)
    });
    let abort = task.abort_handle();
    match tokio::time::timeout(TIMEOUT, task).await {
        Ok(Ok((parts, Ok(body)))) => Outcome::Answer(Answer::new(&parts, body)),
        Ok(Ok((parts, Err(e)))) => Outcome::Broken("breaks off its body", format!("{}, then: {e}", parts.status)),
        Ok(Err(e)) if e.is_panic() => Outcome::Broken("panics", panic_message(e.into_panic())),
        Ok(Err(e)) => Outcome::Broken("fails", e.to_string()),
        Err(_) => {
            abort.abort();
            Outcome::Broken("hangs", format!("no answer within {TIMEOUT:?}"))
        }
    }
}

fn example(case: &Case, answer: &Answer) -> String {
    let body = String::from_utf8_lossy(&answer.body);
    format!("{}\n  answer: {} {}", case.describe(), answer.status, clip(&body, 300))
}

/// The database as text, one string per table, and what went wrong so far (by kind, with the
/// first case of each).
struct Judge {
    query: String,
    tables: Vec<String>,
    before: Vec<String>,
    findings: BTreeMap<String, (usize, String)>,
}

impl Judge {
    async fn new(db: &DatabaseConnection) -> Self {
        let backend = db.get_database_backend();
        let names = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        let (mut tables, mut selects) = (Vec::new(), Vec::new());
        for row in db.query_all_raw(Statement::from_string(backend, names)).await.unwrap() {
            let table: String = row.try_get("", "name").unwrap();
            let columns = format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid");
            let mut cells = Vec::new();
            for column in db.query_all_raw(Statement::from_string(backend, columns)).await.unwrap() {
                let column: String = column.try_get("", "name").unwrap();
                // Written by use (at most once a minute), not by what a request asked for.
                if (table.as_str(), column.as_str()) != ("sessions", "last_seen_at") {
                    cells.push(format!("quote(\"{column}\")"));
                }
            }
            let rows = format!("SELECT {} AS r FROM \"{table}\" ORDER BY 1", cells.join(" || ',' || "));
            selects.push(format!("(SELECT COALESCE(group_concat(r, '|'), '') FROM ({rows}))"));
            tables.push(table);
        }
        assert!(tables.len() > 20, "the migrated tables: {tables:?}");
        let query = format!("SELECT {}", selects.join(", "));
        let mut judge = Self { query, tables, before: Vec::new(), findings: BTreeMap::new() };
        judge.before = judge.rows(db).await;
        judge
    }

    async fn rows(&self, db: &DatabaseConnection) -> Vec<String> {
        let statement = Statement::from_string(db.get_database_backend(), self.query.clone());
        let row = db.query_one_raw(statement).await.unwrap().unwrap();
        (0..self.tables.len()).map(|i| row.try_get_by_index(i).unwrap()).collect()
    }

    fn note(&mut self, what: String, example: impl FnOnce() -> String) {
        self.findings.entry(what).or_insert_with(|| (0, example())).0 += 1;
    }

    /// Judges one answer, then takes the database as it now is for the next case.
    async fn judge(&mut self, world: &mut World, route: &Route, case: &Case, outcome: Outcome) {
        let name = format!("{} {}", route.method, route.template);
        let (refused, status) = match &outcome {
            Outcome::Answer(answer) => {
                if answer.status.is_server_error() {
                    self.note(format!("{name} answers {}", answer.status), || example(case, answer));
                }
                if case.cross_site && answer.status != StatusCode::FORBIDDEN {
                    self.note(format!("{name} takes a post from another site"), || example(case, answer));
                }
                (answer.refused(), answer.status.to_string())
            }
            Outcome::Broken(what, detail) => {
                self.note(format!("{name} {what}"), || format!("{}\n  {detail}", case.describe()));
                (true, (*what).to_owned())
            }
        };
        let now = self.rows(&world.db).await;
        if now == self.before {
            return;
        }
        let allowed = writes_when_refused(&route.template);
        let changed: Vec<&str> = self
            .tables
            .iter()
            .zip(self.before.iter().zip(&now))
            .filter(|(table, (before, after))| before != after && !allowed.contains(&table.as_str()))
            .map(|(table, _)| table.as_str())
            .collect();
        if refused && !changed.is_empty() {
            let what = format!("{name} refused ({status}) but changed {}", changed.join(", "));
            self.note(what, || case.describe());
        }
        world.keep_identities().await;
        self.before = self.rows(&world.db).await;
    }

    fn report(&self, seed: u64) -> String {
        const SHOWN: usize = 60;
        let mut text = format!(
            "{} kinds of failure; PLENUM_FUZZ_SEED={seed} repeats the run. Each with its first case:\n",
            self.findings.len()
        );
        for (what, (count, example)) in self.findings.iter().take(SHOWN) {
            text.push_str(&format!("\n* {what} ({count}x)\n{example}\n"));
        }
        if self.findings.len() > SHOWN {
            text.push_str(&format!("\n... and {} more\n", self.findings.len() - SHOWN));
        }
        text
    }
}

fn setting(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| v.parse().unwrap_or_else(|_| panic!("{name}={v} is not a number")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_gets_no_5xx_no_panic_and_leaves_refused_changes_unwritten() {
    let seed = setting("PLENUM_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let cases = setting("PLENUM_FUZZ_CASES").map_or(CASES, |n| usize::try_from(n).unwrap());
    let only = std::env::var("PLENUM_FUZZ_ONLY").unwrap_or_default();
    let routes = routes();
    assert_known_routes(&routes);
    let mut world = world().await;
    let mut judge = Judge::new(&world.db).await;
    let started = std::time::Instant::now();
    let mut sent = 0;
    for route in routes.iter().filter(|r| r.template.contains(only.as_str())) {
        let count = if route.kind == Kind::Page { PAGE_CASES.min(cases) } else { cases };
        let cross_site = if route.method == Method::GET { 0 } else { CROSS_SITE_CASES };
        sent += count + cross_site;
        for n in 0..count + cross_site {
            let mut rng = StdRng::seed_from_u64(case_seed(seed, route, n));
            let case = build_case(&mut rng, route, &world, n, n >= count);
            let outcome = send(&world.app, case.request()).await;
            judge.judge(&mut world, route, &case, outcome).await;
        }
    }
    eprintln!("{sent} hostile requests to {} routes in {:.1?} (seed {seed})", routes.len(), started.elapsed());
    assert!(sent > 0, "PLENUM_FUZZ_ONLY={only:?} matches no route");
    assert!(judge.findings.is_empty(), "{}", judge.report(seed));
}
