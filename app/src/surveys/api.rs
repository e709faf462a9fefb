//! Server functions of surveys: the organizer's (list, settings, questionnaire, state, waves,
//! evaluations), the participant's (start, page steps; plain form posts that redirect to the next
//! page) and the results (organizers; everyone once public). Each asks who calls, then the
//! service. Downloads and the JSON upload are plain routes (`surveys::routes`).

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

use super::{
    results::{Comparison, MeasureEvaluation, Results},
    types::{AnswerPage, QuestionForm, SurveyAdmin, SurveyId, SurveyIntro, SurveyList},
};
use crate::{error::AppError, processes::types::ProcessId};
#[cfg(feature = "ssr")]
use crate::{
    server::{self, respond},
    surveys::{
        service::{self, Filter, Visitor},
        types::{Respondent, Settings, Step, SurveyState},
    },
};

/// The settings form's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SettingsForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub reach: String,
    #[serde(default)]
    pub workshop: String,
    #[serde(default)]
    pub opens_on: String,
    #[serde(default)]
    pub closes_on: String,
    #[serde(default)]
    pub one_per_participant: Option<String>,
    #[serde(default)]
    pub ask_organisation: Option<String>,
    #[serde(default)]
    pub results_public: Option<String>,
    /// The ticked languages (`languages[]`); German is always offered.
    #[serde(default)]
    pub languages: Vec<String>,
}

#[cfg(feature = "ssr")]
impl SettingsForm {
    fn parse(&self) -> Result<Settings, AppError> {
        Settings::parse(
            &self.title,
            &self.intro,
            &self.reach,
            &self.workshop,
            &self.opens_on,
            &self.closes_on,
            self.one_per_participant.is_some(),
            self.ask_organisation.is_some(),
            self.results_public.is_some(),
        )
        .and_then(|mut settings| {
            settings.languages = crate::i18n::Offer::parse(&self.languages)?;
            Ok(settings)
        })
    }
}

/// The cookie that keeps this device's unfinished response of a survey.
#[must_use]
pub fn resume_cookie(id: SurveyId) -> String {
    format!("plenum_s_{}", id.0.simple())
}

#[cfg(feature = "ssr")]
async fn visitor(db: &sea_orm::DatabaseConnection, id: SurveyId) -> Result<Visitor, AppError> {
    let code = service::participant_code(db, id).await?;
    Ok(Visitor {
        resume_key: server::request_cookie(&resume_cookie(id)),
        participant_token: code.and_then(|c| crate::participants::api::token(&c)),
    })
}

#[cfg(feature = "ssr")]
fn uuid_or_none(value: &str) -> Option<uuid::Uuid> {
    uuid::Uuid::parse_str(value.trim()).ok()
}

#[server(input = GetUrl, endpoint = "surveys/list")]
pub async fn get_surveys(process: ProcessId) -> Result<SurveyList, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::list(&server::db()?, &actor, process).await)
}

#[server(endpoint = "surveys/create")]
pub async fn create_survey(process: ProcessId, #[server(flatten)] form: SettingsForm) -> Result<SurveyId, AppError> {
    let actor = crate::auth::organizer().await?;
    let result = async {
        let settings = form.parse()?;
        service::create(&server::db()?, &actor, process, &settings, server::request_lang().for_staff()).await
    };
    let id = respond(result.await)?;
    leptos_axum::redirect(&format!("/staff/surveys/{id}"));
    Ok(id)
}

/// Creates an evaluation survey from the template for the ticked measures (`measure[<id>]`).
#[server(endpoint = "surveys/evaluation")]
pub async fn create_evaluation(
    process: ProcessId,
    #[server(default)] measure: BTreeMap<String, String>,
) -> Result<SurveyId, AppError> {
    let actor = crate::auth::organizer().await?;
    let ids: Vec<uuid::Uuid> = measure.keys().filter_map(|k| uuid_or_none(k)).collect();
    let id = respond(service::create_evaluation(&server::db()?, &actor, process, &ids).await)?;
    leptos_axum::redirect(&format!("/staff/surveys/{id}"));
    Ok(id)
}

#[server(input = GetUrl, endpoint = "surveys/admin")]
pub async fn get_survey_admin(survey: SurveyId) -> Result<SurveyAdmin, AppError> {
    let actor = crate::auth::actor().await?;
    let state = server::state()?;
    respond(service::admin(&state.db, &actor, survey, &state.settings.public_url).await)
}

#[server(endpoint = "surveys/settings")]
pub async fn update_survey_settings(survey: SurveyId, #[server(flatten)] form: SettingsForm) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let result = async {
        let settings = form.parse()?;
        service::update_settings(&server::db()?, &actor, survey, &settings).await
    };
    respond(result.await)
}

#[server(endpoint = "surveys/state")]
pub async fn set_survey_state(survey: SurveyId, state: String) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::set_state(&server::db()?, &actor, survey, SurveyState::parse(&state)).await)
}

#[server(endpoint = "surveys/measures")]
pub async fn set_survey_measures(
    survey: SurveyId,
    #[server(default)] measure: BTreeMap<String, String>,
) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let ids: Vec<uuid::Uuid> = measure.keys().filter_map(|k| uuid_or_none(k)).collect();
    respond(service::set_measures(&server::db()?, &actor, survey, &ids).await)
}

#[server(endpoint = "surveys/section-add")]
pub async fn add_survey_section(survey: SurveyId, #[server(default)] title: String) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::add_section(&server::db()?, &actor, survey, &title).await)
}

#[server(endpoint = "surveys/section-rename")]
pub async fn rename_survey_section(
    survey: SurveyId,
    section: String,
    #[server(default)] title: String,
) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::rename_section(&server::db()?, &actor, survey, &section, &title).await)
}

/// Moves (`up`/`down`) or deletes (`delete`) a section.
#[server(endpoint = "surveys/section-do")]
pub async fn change_survey_section(survey: SurveyId, section: String, what: String) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let db = server::db()?;
    respond(match what.as_str() {
        "up" | "down" => service::move_section(&db, &actor, survey, &section, what == "up").await,
        "delete" => service::delete_section(&db, &actor, survey, &section).await,
        _ => Err(AppError::NotFound),
    })
}

#[server(endpoint = "surveys/question-add")]
pub async fn add_survey_question(
    survey: SurveyId,
    section: String,
    #[server(flatten)] form: QuestionForm,
) -> Result<String, AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::add_question(&server::db()?, &actor, survey, &section, &form).await)
}

#[server(endpoint = "surveys/question-update")]
pub async fn update_survey_question(
    survey: SurveyId,
    question: String,
    #[server(flatten)] form: QuestionForm,
) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    respond(service::update_question(&server::db()?, &actor, survey, &question, &form).await)
}

/// Moves (`up`/`down`) or deletes (`delete`) a question.
#[server(endpoint = "surveys/question-do")]
pub async fn change_survey_question(survey: SurveyId, question: String, what: String) -> Result<(), AppError> {
    let actor = crate::auth::organizer().await?;
    let db = server::db()?;
    respond(match what.as_str() {
        "up" | "down" => service::move_question(&db, &actor, survey, &question, what == "up").await,
        "delete" => service::delete_question(&db, &actor, survey, &question).await,
        _ => Err(AppError::NotFound),
    })
}

#[server(endpoint = "surveys/wave")]
pub async fn copy_survey_wave(survey: SurveyId, title: String) -> Result<SurveyId, AppError> {
    let actor = crate::auth::organizer().await?;
    let id = respond(service::copy_wave(&server::db()?, &actor, survey, &title).await)?;
    leptos_axum::redirect(&format!("/staff/surveys/{id}"));
    Ok(id)
}

#[server(input = GetUrl, endpoint = "surveys/results")]
pub async fn get_survey_results(
    survey: SurveyId,
    #[server(default)] org_type: String,
    #[server(default)] measure: String,
) -> Result<Results, AppError> {
    let actor = crate::auth::actor().await?;
    // Visitors of public results see them whole: a filter down to a few organisations would
    // show single respondents' answers.
    let org_type = if actor.require_organizer().is_ok() { org_type } else { String::new() };
    let filter = Filter {
        org_type: crate::workshops::types::OrgType::ALL.into_iter().find(|o| o.as_str() == org_type.trim()),
        measure: uuid_or_none(&measure),
    };
    respond(service::results(&server::db()?, &actor, survey, filter, server::page_lang()).await)
}

/// The evaluation shown on a measure's page (`None` without one).
#[server(input = GetUrl, endpoint = "surveys/measure")]
pub async fn get_measure_evaluation(measure: uuid::Uuid) -> Result<Option<MeasureEvaluation>, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::measure_evaluation(&server::db()?, &actor, measure, server::page_lang()).await)
}

#[server(input = GetUrl, endpoint = "surveys/compare")]
pub async fn get_survey_comparison(survey: SurveyId, with: SurveyId) -> Result<Comparison, AppError> {
    let actor = crate::auth::actor().await?;
    respond(service::compare(&server::db()?, &actor, survey, with, server::page_lang()).await)
}

/// The open surveys of a workshop for its participants' board: (id, title).
#[server(input = GetUrl, endpoint = "w/surveys")]
pub async fn get_workshop_surveys(code: String) -> Result<Vec<(SurveyId, String)>, AppError> {
    let who = crate::participants::api::participant(&code).await?;
    respond(service::open_for_workshop(&server::db()?, who.workshop_id()).await)
}

/// The open surveys of a workshop for its projector: (id, title, link, QR code).
#[server(input = GetUrl, endpoint = "surveys/beamer")]
pub async fn get_beamer_surveys(
    workshop: crate::workshops::types::WorkshopId,
) -> Result<Vec<(SurveyId, String, String, String)>, AppError> {
    let actor = crate::auth::actor().await?;
    respond(actor.require_staff())?;
    let state = server::state()?;
    let list = respond(service::open_for_workshop(&state.db, workshop).await)?;
    Ok(list
        .into_iter()
        .map(|(id, title)| {
            let link = service::link(&state.settings.public_url, id);
            let qr = crate::workshops::service::qr_svg(&link);
            (id, title, link, qr)
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Answering (participant pages: plain form posts)

#[server(input = GetUrl, endpoint = "s/intro")]
pub async fn get_survey_intro(survey: SurveyId, #[server(default)] measure: String) -> Result<SurveyIntro, AppError> {
    let db = server::db()?;
    let who = respond(visitor(&db, survey).await)?;
    respond(service::intro(&db, survey, &who, uuid_or_none(&measure)).await)
}

/// Starts a response; the browser goes to its first page (the resume key in the address and in
/// a cookie for this survey, 90 days).
#[server(endpoint = "s/start")]
pub async fn start_survey(
    survey: SurveyId,
    #[server(default)] measure: String,
    #[server(default)] organisation: String,
    #[server(default)] org_type: String,
) -> Result<String, AppError> {
    let db = server::db()?;
    server::limit(server::Bucket::Survey)?;
    let result = async {
        let who = visitor(&db, survey).await?;
        let respondent = Respondent::parse(&organisation, &org_type)?;
        service::start(&db, survey, &who, uuid_or_none(&measure), &respondent).await
    };
    let key = respond(result.await)?;
    let secure = if server::request_is_https() { "; Secure" } else { "" };
    server::set_cookie(&format!(
        "{}={key}; Path=/s/{survey}; HttpOnly; SameSite=Lax; Max-Age=7776000{secure}",
        resume_cookie(survey)
    ));
    leptos_axum::redirect(&format!("/s/{survey}/r/{key}"));
    Ok(key)
}

#[server(input = GetUrl, endpoint = "s/page")]
pub async fn get_answer_page(
    survey: SurveyId,
    key: String,
    #[server(default)] page: String,
) -> Result<AnswerPage, AppError> {
    let page = page.trim().parse::<usize>().ok();
    let state = server::state()?;
    let mut answer = respond(service::page(&state.db, survey, &key, page).await)?;
    answer.resume_link = format!("{}{}", state.settings.public_url.trim_end_matches('/'), answer.resume_link);
    Ok(answer)
}

/// Saves a page (`a[<question>]`, `a[<question>.<option>]`) and goes where `go` says (`back`,
/// `next`, `page-N`, `submit`). Without JavaScript the browser follows to that page.
#[server(endpoint = "s/step")]
pub async fn survey_step(
    survey: SurveyId,
    key: String,
    page: usize,
    #[server(default)] section: String,
    #[server(default)] go: String,
    #[server(default)] a: BTreeMap<String, String>,
) -> Result<usize, AppError> {
    let db = server::db()?;
    server::limit(server::Bucket::Survey)?;
    let at = service::At { page, section: Some(section.as_str()).filter(|s| !s.is_empty()) };
    let next = respond(service::step(&db, survey, &key, at, Step::parse(&go), &a).await)?;
    let target =
        if next == 0 { format!("/s/{survey}/r/{key}?sent=1") } else { format!("/s/{survey}/r/{key}?page={next}") };
    leptos_axum::redirect(&target);
    Ok(next)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn the_ticked_languages_arrive_inside_the_flattened_settings_form() {
        // As a browser posts the form: `languages[]` once per ticked box, beside the settings.
        let id = uuid::Uuid::new_v4();
        let body = format!("survey={id}&title=Umfrage&reach=public&languages[]=de&languages[]=tr&languages[]=ar");
        let args: UpdateSurveySettings =
            serde_qs::Config::new(5, false).deserialize_str(&body).expect("the form deserializes");
        assert_eq!(args.form.languages, vec!["de".to_owned(), "tr".to_owned(), "ar".to_owned()]);
        let settings = args.form.parse().expect("valid settings");
        assert_eq!(settings.languages.0, "de,ar,tr");
    }
}
