//! Plain routes of surveys: the responses as CSV, the survey as a JSON file (the same bytes as
//! `plenum survey export`), and the upload of such a file (a multipart post, refused from other
//! sites).

use axum::{
    extract::{Multipart, Path, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::types::{SurveyFile, SurveyId};
use crate::{
    error::AppError,
    i18n::t,
    plan::routes::{actor_of, download, encode, failure, lang_of, slug},
    processes::types::ProcessId,
    server::AppState,
};

/// The survey file as pretty JSON.
///
/// # Errors
/// `Internal` if it cannot be written.
pub fn file_bytes(file: &SurveyFile) -> Result<Vec<u8>, AppError> {
    serde_json::to_vec_pretty(file).map_err(|_| AppError::Internal)
}

/// `GET /staff/surveys/{id}/responses.csv`
pub async fn responses_csv(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let actor = actor_of(&state, &headers).await?;
        super::service::responses_csv(&state.db, &actor, SurveyId::parse(&id)?).await
    };
    match result.await {
        Ok((title, bytes)) => download(bytes, "text/csv; charset=utf-8", &format!("antworten-{}.csv", slug(&title))),
        Err(e) => failure(&e, lang),
    }
}

/// `GET /staff/surveys/{id}/survey.json`
pub async fn survey_json(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let actor = actor_of(&state, &headers).await?;
        let file = super::service::export(&state.db, &actor, SurveyId::parse(&id)?).await?;
        Ok::<_, AppError>((file_bytes(&file)?, file.title))
    };
    match result.await {
        Ok((bytes, title)) => download(bytes, "application/json", &format!("umfrage-{}.json", slug(&title))),
        Err(e) => failure(&e, lang),
    }
}

fn back(id: &str, error: &str) -> Response {
    let location = format!("/staff/processes/{id}/surveys?import_error={}#import", encode(error));
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// `POST /staff/processes/{id}/surveys/import`: reads the file field `file`; goes to the new
/// survey, or back to the list with the reason (`import_error=…`).
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
    let too_big = || t(lang, "survey-file-too-big").replace("{ $max }", "1 MB");
    let mut bytes = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => match field.bytes().await {
                Ok(b) => bytes = Some(b),
                Err(_) => return back(&id, &too_big()),
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => return back(&id, &too_big()),
        }
    }
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        return back(&id, &t(lang, "plan-import-no-file"));
    };
    let result = match SurveyFile::read(&bytes) {
        Ok(file) => super::service::import(&state.db, &actor, process, &file).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(survey) => (StatusCode::SEE_OTHER, [(header::LOCATION, format!("/staff/surveys/{survey}"))]).into_response(),
        Err(AppError::Invalid(errors)) => {
            let text = errors
                .first()
                .map(|e| {
                    let args: Vec<(&str, String)> =
                        e.message.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                    crate::i18n::t_args(lang, &e.message.key, &args)
                })
                .unwrap_or_default();
            back(&id, &text.chars().take(500).collect::<String>())
        }
        Err(e) => failure(&e, lang),
    }
}
