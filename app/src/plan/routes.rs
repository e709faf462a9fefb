//! Plain routes of the plan: the CSV and JSON downloads (the same bytes as `plenum plan
//! export`), the workshop documentation as CSV, and the CSV upload of the organizer's plan
//! page (a multipart form post, refused from other sites).

use axum::{
    extract::{Multipart, Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::types::PlanDoc;
use crate::{
    auth::{self, types::Actor},
    error::AppError,
    i18n::{LANG_COOKIE, Lang, t},
    processes::types::ProcessId,
    server::{AppState, cookie_from_headers},
    workshops::types::WorkshopId,
};

/// `?version=`: `draft`, a number, or empty (the newest adopted version, else the draft).
#[derive(Debug, Default, serde::Deserialize)]
pub struct VersionQuery {
    #[serde(default)]
    version: String,
}

pub(crate) async fn actor_of(state: &AppState, headers: &HeaderMap) -> Result<Actor, AppError> {
    match cookie_from_headers(headers, auth::SESSION_COOKIE) {
        Some(token) => Ok(auth::service::session_user(&state.db, &token).await?.map_or(Actor::Anonymous, Actor::Staff)),
        None => Ok(Actor::Anonymous),
    }
}

pub(crate) fn lang_of(headers: &HeaderMap) -> Lang {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    // Imports, exports and their messages are for staff: in a staff language.
    Lang::from_headers(cookie_from_headers(headers, LANG_COOKIE).as_deref(), accept).for_staff()
}

pub(crate) fn failure(e: &AppError, lang: Lang) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let text = crate::i18n::t_args(lang, &e.message().key, &[]);
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// A file name for a download: letters, digits and dashes.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'ä' => "ae".to_owned(),
            'ö' => "oe".to_owned(),
            'ü' => "ue".to_owned(),
            'ß' => "ss".to_owned(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_owned(),
        };
        if !(c == "-" && out.ends_with('-')) {
            out.push_str(&c);
        }
    }
    out.trim_matches('-').chars().take(60).collect()
}

/// The file name of a plan export.
#[must_use]
pub fn file_name(doc: &PlanDoc, ext: &str) -> String {
    let version = doc.version.as_ref().map_or_else(|| "entwurf".to_owned(), |v| format!("fassung-{}", v.number));
    format!("handlungskonzept-{}-{version}.{ext}", slug(&doc.process.name))
}

pub(crate) fn download(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        bytes,
    )
        .into_response()
}

async fn export(state: &AppState, headers: &HeaderMap, id: &str, version: &str, json: bool) -> Response {
    let lang = lang_of(headers);
    let result = async {
        let actor = actor_of(state, headers).await?;
        let process = ProcessId::parse(id)?;
        super::doc::export(&state.db, &actor, process, version, json).await
    };
    match result.await {
        Ok((doc, bytes)) if json => download(bytes, "application/json", &file_name(&doc, "json")),
        Ok((doc, bytes)) => download(bytes, "text/csv; charset=utf-8", &file_name(&doc, "csv")),
        Err(e) => failure(&e, lang),
    }
}

/// `GET /p/{id}/plan.csv`
pub async fn plan_csv(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<VersionQuery>,
    headers: HeaderMap,
) -> Response {
    export(&state, &headers, &id, &q.version, false).await
}

/// `GET /p/{id}/plan.json`
pub async fn plan_json(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<VersionQuery>,
    headers: HeaderMap,
) -> Response {
    export(&state, &headers, &id, &q.version, true).await
}

/// `GET /staff/workshops/{id}/documentation.csv`
pub async fn documentation_csv(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let actor = actor_of(&state, &headers).await?;
        super::documentation::workshop_doc(&state.db, &actor, WorkshopId::parse(&id)?).await
    };
    match result.await {
        Ok(doc) => {
            let name = format!("dokumentation-{}.csv", slug(&doc.title));
            download(super::documentation::csv(&doc), "text/csv; charset=utf-8", &name)
        }
        Err(e) => failure(&e, lang),
    }
}

/// A list for the report in the address: at most ten names, then how many more.
fn capped(list: &[String]) -> String {
    let mut shown: Vec<String> = list.iter().take(10).map(|n| n.chars().take(60).collect()).collect();
    if list.len() > 10 {
        shown.push(format!("+{}", list.len() - 10));
    }
    encode(&shown.join("\n"))
}

/// Percent-encodes a query value.
pub(crate) fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn back(id: &str, query: &str) -> Response {
    let location = format!("/staff/processes/{id}/plan?{query}#import");
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// `POST /staff/processes/{id}/plan/import`: reads the file field `file` and returns to the
/// plan page with the report (`imported=…`) or the refusal (`import_error=…`).
pub async fn import(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let lang = lang_of(&headers);
    if !crate::server::same_site(&headers, &state.settings.public_url) {
        return failure(&AppError::Forbidden, lang);
    }
    let actor = match actor_of(&state, &headers).await {
        Ok(a) => a,
        Err(e) => return failure(&e, lang),
    };
    if let Err(e) = actor.require_organizer() {
        return failure(&e, lang);
    }
    let Ok(process) = ProcessId::parse(&id) else {
        return failure(&AppError::NotFound, lang);
    };
    let mut bytes = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => match field.bytes().await {
                Ok(b) => bytes = Some(b),
                Err(_) => return back(&id, &format!("import_error={}", encode(&t(lang, "plan-import-too-big-plain")))),
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return back(&id, &format!("import_error={}", encode(&t(lang, "plan-import-too-big-plain")))),
        }
    }
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        return back(&id, &format!("import_error={}", encode(&t(lang, "plan-import-no-file"))));
    };
    match super::import::import(&state.db, &actor, process, &bytes, lang).await {
        Ok(r) => {
            let created: Vec<String> =
                [&r.new_action_fields, &r.new_phases, &r.new_goals, &r.new_themes, &r.new_partners]
                    .map(|l| capped(l))
                    .into();
            back(
                &id,
                &format!(
                    "imported={}&updated={}&new_fields={}&new_phases={}&new_goals={}&new_themes={}&new_partners={}",
                    r.created, r.updated, created[0], created[1], created[2], created[3], created[4]
                ),
            )
        }
        Err(AppError::Invalid(errors)) => {
            let text = errors
                .first()
                .map(|e| {
                    let args: Vec<(&str, String)> =
                        e.message.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                    crate::i18n::t_args(lang, &e.message.key, &args)
                })
                .unwrap_or_default();
            // The address stays short: the first problems are enough to fix the file.
            let text: String = text.chars().take(1500).collect();
            back(&id, &format!("import_error={}", encode(&text)))
        }
        Err(e) => failure(&e, lang),
    }
}
