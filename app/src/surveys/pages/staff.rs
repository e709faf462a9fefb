//! The organizer's survey pages (hydrated): the list of a process's surveys with a new survey,
//! an evaluation of measures and the upload of a shared file; one survey with its settings, state,
//! link and QR code, the questionnaire builder (sections, questions of every kind, conditions,
//! order by buttons that keyboard and mouse both use), waves and downloads; and the preview.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::answer::{QuestionInput, paragraphs};
use crate::{
    i18n::{I18n, use_i18n},
    processes::types::ProcessId,
    surveys::{
        api::{
            AddSurveyQuestion, AddSurveySection, ChangeSurveyQuestion, ChangeSurveySection, CopySurveyWave,
            CreateEvaluation, CreateSurvey, RenameSurveySection, SetSurveyMeasures, SetSurveyState,
            UpdateSurveyQuestion, UpdateSurveySettings, get_survey_admin, get_surveys,
        },
        types::{
            CondOp, INTRO_MAX, Kind, OTHER_MAX, QUESTION_MAX, Question, Reach, Section, Settings, SurveyAdmin,
            SurveyId, SurveyList, SurveyState, TITLE_MAX, default_scale,
        },
    },
    ui::{Empty, ErrorPage, Field, FormError, Loading, SelectField, TextArea, action_error, field_error, refreshing},
};

fn state_badge(i18n: I18n, state: SurveyState) -> impl IntoView {
    view! { <span class=format!("badge survey-state-{}", state.as_str()) data-test="survey-state">{i18n.t(state.label_key())}</span> }
}

/// `/staff/processes/{id}/surveys`
#[component]
pub fn SurveysPage() -> impl IntoView {
    let id = crate::ui::route_id("id", ProcessId::parse);
    let data = Resource::new(id, |id| async move { get_surveys(id?).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! { <ListBody list=list /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ListBody(list: SurveyList) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let import_error = query.read_untracked().get("import_error");
    let pid = list.process;
    let create = ServerAction::<CreateSurvey>::new();
    let create_errors = action_error(create);
    let evaluation = ServerAction::<CreateEvaluation>::new();
    let evaluation_errors = action_error(evaluation);
    let title = i18n.ta("survey-list-title", &[("name", list.process_name.clone())]);
    let rows = list
        .surveys
        .iter()
        .map(|s| {
            view! {
                <tr data-test="survey-row">
                    <th scope="row"><a href=format!("/staff/surveys/{}", s.id)>{s.title.clone()}</a></th>
                    <td>{state_badge(i18n, s.state)}</td>
                    <td>{i18n.t(s.reach.label_key())}</td>
                    <td>{s.wave}</td>
                    <td>{i18n.ta("survey-counts", &[("responses", s.responses.to_string()), ("partial", s.partial.to_string())])}</td>
                </tr>
            }
        })
        .collect_view();
    let reach_options: Vec<(String, String)> =
        [Reach::Public, Reach::Workshop].into_iter().map(|r| (r.as_str().to_owned(), i18n.t(r.label_key()))).collect();
    let workshops: Vec<(String, String)> = list.workshops.iter().map(|(w, t)| (w.to_string(), t.clone())).collect();
    let measures = list
        .measures
        .iter()
        .map(|m| {
            let id = format!("eval-m-{}", m.id);
            view! {
                <div class="field check">
                    <input type="checkbox" id=id.clone() name=format!("measure[{}]", m.id) value="on" />
                    <label for=id>{m.title.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let has_measures = !list.measures.is_empty();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p><a href=format!("/staff/processes/{pid}")>{i18n.t("survey-back-to-process")}</a></p>
        {if list.surveys.is_empty() {
            view! { <Empty text=i18n.t("survey-none") /> }.into_any()
        } else {
            view! {
                <table class="table" data-test="survey-list">
                    <thead><tr><th scope="col">{i18n.t("survey-title")}</th><th scope="col">{i18n.t("survey-state")}</th>
                        <th scope="col">{i18n.t("survey-reach")}</th><th scope="col">{i18n.t("survey-wave")}</th>
                        <th scope="col">{i18n.t("survey-responses")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }.into_any()
        }}
        <section class="panel" aria-labelledby="new-survey">
            <h2 id="new-survey">{i18n.t("survey-new")}</h2>
            <ActionForm action=create attr:class="form" attr:data-test="survey-create">
                <FormError error=create_errors />
                <input type="hidden" name="process" value=pid.to_string() />
                <Field name="title" label=i18n.t("survey-title") required=true maxlength=TITLE_MAX id_prefix="new-"
                    error=field_error(create_errors, "title") />
                <TextArea name="intro" label=i18n.t("survey-intro") maxlength=INTRO_MAX id_prefix="new-"
                    error=field_error(create_errors, "intro") />
                <SelectField name="reach" label=i18n.t("survey-reach") options=reach_options id_prefix="new-"
                    error=field_error(create_errors, "reach") />
                <SelectField name="workshop" label=i18n.t("survey-workshop") options=workshops id_prefix="new-"
                    empty=i18n.t("survey-workshop-none") error=field_error(create_errors, "workshop") />
                <button type="submit">{i18n.t("survey-create")}</button>
            </ActionForm>
        </section>
        <section class="panel" aria-labelledby="new-evaluation">
            <h2 id="new-evaluation">{i18n.t("survey-evaluation-new")}</h2>
            <p class="hint">{i18n.t("survey-evaluation-hint")}</p>
            {if has_measures {
                view! {
                    <ActionForm action=evaluation attr:class="form" attr:data-test="evaluation-create">
                        <FormError error=evaluation_errors />
                        <input type="hidden" name="process" value=pid.to_string() />
                        <fieldset>
                            <legend>{i18n.t("survey-evaluation-measures")}</legend>
                            {measures}
                        </fieldset>
                        <p class="field-error" aria-live="polite">{move || field_error(evaluation_errors, "measure").get().map(|m| i18n.msg(&m))}</p>
                        <button type="submit">{i18n.t("survey-evaluation-create")}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! { <Empty text=i18n.t("survey-evaluation-no-measures") /> }.into_any()
            }}
        </section>
        <section class="panel" id="import" aria-labelledby="import-heading">
            <h2 id="import-heading">{i18n.t("survey-import")}</h2>
            <p class="hint">{i18n.t("survey-import-hint")}</p>
            {import_error.map(|e| view! { <p class="form-error" role="alert" data-test="import-error">{e}</p> })}
            <form method="post" enctype="multipart/form-data" action=format!("/staff/processes/{pid}/surveys/import") class="form">
                <div class="field">
                    <label for="survey-file">{i18n.t("survey-import-file")}</label>
                    <input type="file" id="survey-file" name="file" accept=".json,application/json" required=true />
                </div>
                <button type="submit" class="secondary">{i18n.t("survey-import-button")}</button>
            </form>
        </section>
    }
}

/// `/staff/surveys/{id}`
#[component]
pub fn SurveyEditPage() -> impl IntoView {
    let id = crate::ui::route_id("id", SurveyId::parse);
    let refresh = RwSignal::new(0u32);
    let data = Resource::new(move || (id(), refresh.get()), |(id, _)| async move { get_survey_admin(id?).await });
    // Made here, not in the body the refresh renders again: "saved" stays on the screen.
    let save = refreshing::<UpdateSurveySettings>(refresh);
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(a) => view! { <EditBody admin=a refresh=refresh save=save /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn EditBody(admin: SurveyAdmin, refresh: RwSignal<u32>, save: ServerAction<UpdateSurveySettings>) -> impl IntoView {
    let i18n = use_i18n();
    let id = admin.id;
    let state = refreshing::<SetSurveyState>(refresh);
    let state_errors = action_error(state);
    let add_section = refreshing::<AddSurveySection>(refresh);
    let add_section_errors = action_error(add_section);
    let wave = ServerAction::<CopySurveyWave>::new();
    let wave_errors = action_error(wave);
    let title = admin.settings.title.clone();
    let next_wave_title =
        format!("{} ({})", title, i18n.ta("survey-wave-n", &[("wave", (admin.wave + 1).to_string())]));
    let counts =
        i18n.ta("survey-counts", &[("responses", admin.responses.to_string()), ("partial", admin.partial.to_string())]);
    let n_sections = admin.definition.sections.len();
    let sections = admin
        .definition
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let before: Vec<Question> =
                admin.definition.sections[..i].iter().flat_map(|x| x.questions.clone()).collect();
            view! {
                <SectionEditor survey=id section=s.clone() index=i count=n_sections before=before
                    answered=admin.answered.clone() refresh=refresh />
            }
        })
        .collect_view();
    let state_buttons = match admin.state {
        SurveyState::Draft | SurveyState::Closed => {
            let label = if admin.state == SurveyState::Draft { "survey-open" } else { "survey-reopen" };
            view! {
                <ActionForm action=state attr:class="inline">
                    <input type="hidden" name="survey" value=id.to_string() />
                    <input type="hidden" name="state" value="open" />
                    <button type="submit" data-test="survey-open">{i18n.t(label)}</button>
                </ActionForm>
            }
            .into_any()
        }
        SurveyState::Open => view! {
            <ActionForm action=state attr:class="inline">
                <input type="hidden" name="survey" value=id.to_string() />
                <input type="hidden" name="state" value="closed" />
                <button type="submit" class="secondary" data-test="survey-close">{i18n.t("survey-close")}</button>
            </ActionForm>
        }
        .into_any(),
    };
    let waves = admin
        .waves
        .iter()
        .map(|(w, t, n)| {
            view! { <li><a href=format!("/staff/surveys/{w}")>{t.clone()}</a>" · "{i18n.ta("survey-wave-n", &[("wave", n.to_string())])}</li> }
        })
        .collect_view();
    let evaluation = (admin.settings.reach == Reach::Evaluation)
        .then(|| view! { <MeasuresEditor admin=admin.clone() refresh=refresh /> });
    view! {
        <Title text=title.clone() />
        <p class="hint"><a href=format!("/staff/processes/{}/surveys", admin.process)>{admin.process_name.clone()}</a></p>
        <h1 data-test="survey-heading">{title.clone()}</h1>
        <section class="panel" aria-labelledby="survey-status">
            <h2 id="survey-status">{i18n.t("survey-status")}</h2>
            <p>{state_badge(i18n, admin.state)}" "
                {if admin.answerable { i18n.t("survey-answerable") } else { i18n.t("survey-not-answerable") }}</p>
            <p data-test="survey-counts">{counts}</p>
            <FormError error=state_errors />
            <div class="actions">
                {state_buttons}
                <a class="button secondary" href=format!("/staff/surveys/{id}/preview") data-test="survey-preview">{i18n.t("survey-preview")}</a>
                <a class="button secondary" href=format!("/staff/surveys/{id}/results") data-test="survey-results-link">{i18n.t("survey-results")}</a>
                <a class="button secondary" href=format!("/staff/surveys/{id}/survey.json") download="" rel="external">{i18n.t("survey-download-json")}</a>
            </div>
            <div class="survey-link">
                <p>{i18n.t("survey-link")}" "<a href=admin.link.clone() data-test="survey-public-link" rel="external">{admin.link.clone()}</a></p>
                <div class="qr" role="img" aria-label=i18n.t("survey-qr") inner_html=admin.qr_svg.clone()></div>
            </div>
        </section>
        <SettingsEditor admin=admin.clone() save=save />
        {evaluation}
        <section class="panel builder" aria-labelledby="builder-heading">
            <h2 id="builder-heading">{i18n.t("survey-questionnaire")}</h2>
            <p class="hint">{i18n.t("survey-builder-hint")}</p>
            {sections}
            <ActionForm action=add_section attr:class="form inline-form" attr:data-test="section-add">
                <FormError error=add_section_errors />
                <input type="hidden" name="survey" value=id.to_string() />
                <Field name="title" label=i18n.t("survey-section-new") maxlength=TITLE_MAX id_prefix="section-new-"
                    error=field_error(add_section_errors, "title") />
                <button type="submit" class="secondary">{i18n.t("survey-section-add")}</button>
            </ActionForm>
        </section>
        <section class="panel" aria-labelledby="waves-heading">
            <h2 id="waves-heading">{i18n.t("survey-waves")}</h2>
            <p class="hint">{i18n.t("survey-waves-hint")}</p>
            {(!admin.waves.is_empty()).then(|| view! { <ul data-test="waves">{waves}</ul> })}
            <ActionForm action=wave attr:class="form inline-form" attr:data-test="wave-copy">
                <FormError error=wave_errors />
                <input type="hidden" name="survey" value=id.to_string() />
                <Field name="title" label=i18n.t("survey-wave-title") value=next_wave_title maxlength=TITLE_MAX id_prefix="wave-"
                    error=field_error(wave_errors, "title") />
                <button type="submit" class="secondary">{i18n.t("survey-wave-copy")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn SettingsEditor(admin: SurveyAdmin, save: ServerAction<UpdateSurveySettings>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = action_error(save);
    let saved = Signal::derive(move || matches!(save.value().get(), Some(Ok(()))));
    let s: Settings = admin.settings.clone();
    let evaluation = s.reach == Reach::Evaluation;
    let reach_options: Vec<(String, String)> = if evaluation {
        vec![(Reach::Evaluation.as_str().to_owned(), i18n.t(Reach::Evaluation.label_key()))]
    } else {
        [Reach::Public, Reach::Workshop].into_iter().map(|r| (r.as_str().to_owned(), i18n.t(r.label_key()))).collect()
    };
    let workshops: Vec<(String, String)> = admin.workshops.iter().map(|(w, t)| (w.to_string(), t.clone())).collect();
    let check = move |name: &'static str, label: String, on: bool| {
        let id = format!("set-{name}");
        view! {
            <div class="field check">
                <input type="checkbox" id=id.clone() name=name value="on" checked=on />
                <label for=id>{label}</label>
            </div>
            <p class="field-error" aria-live="polite">{move || field_error(errors, name).get().map(|m| i18n.msg(&m))}</p>
        }
    };
    view! {
        <section class="panel" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{i18n.t("survey-settings")}</h2>
            <ActionForm action=save attr:class="form" attr:data-test="survey-settings">
                <FormError error=errors />
                <input type="hidden" name="survey" value=admin.id.to_string() />
                <Field name="title" label=i18n.t("survey-title") value=s.title.clone() required=true maxlength=TITLE_MAX
                    id_prefix="set-" error=field_error(errors, "title") />
                <TextArea name="intro" label=i18n.t("survey-intro") value=s.intro.clone() maxlength=INTRO_MAX id_prefix="set-"
                    error=field_error(errors, "intro") />
                <div class="field-row">
                    <SelectField name="reach" label=i18n.t("survey-reach") options=reach_options selected=s.reach.as_str()
                        id_prefix="set-" error=field_error(errors, "reach") />
                    <SelectField name="workshop" label=i18n.t("survey-workshop") options=workshops
                        selected=s.workshop.map(|w| w.to_string()).unwrap_or_default() empty=i18n.t("survey-workshop-none")
                        id_prefix="set-" error=field_error(errors, "workshop") />
                </div>
                <div class="field-row">
                    <Field name="opens_on" kind="date" label=i18n.t("survey-opens-on")
                        value=s.opens_on.map(|d| d.to_string()).unwrap_or_default() id_prefix="set-" error=field_error(errors, "opens_on") />
                    <Field name="closes_on" kind="date" label=i18n.t("survey-closes-on")
                        value=s.closes_on.map(|d| d.to_string()).unwrap_or_default() id_prefix="set-" error=field_error(errors, "closes_on") />
                </div>
                {check("one_per_participant", i18n.t("survey-one-per-participant"), s.one_per_participant)}
                {check("ask_organisation", i18n.t("survey-ask-organisation"), s.ask_organisation)}
                {check("results_public", i18n.t("survey-results-public"), s.results_public)}
                <crate::workshops::pages::settings::LanguageChoice offer=s.languages.clone() errors=errors />
                <p class="hint">{i18n.t("survey-anonymous-staff")}</p>
                <button type="submit" data-test="settings-save">{i18n.t("save")}</button>
                <p class="status-ok" role="status">{move || saved.get().then(|| i18n.t("saved"))}</p>
            </ActionForm>
        </section>
    }
}

#[component]
fn MeasuresEditor(admin: SurveyAdmin, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let save = refreshing::<SetSurveyMeasures>(refresh);
    let errors = action_error(save);
    let boxes = admin
        .all_measures
        .iter()
        .map(|m| {
            let id = format!("m-{}", m.id);
            let on = admin.measures.iter().any(|x| x.id == m.id);
            view! {
                <div class="field check">
                    <input type="checkbox" id=id.clone() name=format!("measure[{}]", m.id) value="on" checked=on />
                    <label for=id>{m.title.clone()}</label>
                    {on.then(|| view! { " "<a href=format!("{}?m={}", admin.link, m.id) rel="external">{i18n.t("survey-measure-link")}</a> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="measures-heading">
            <h2 id="measures-heading">{i18n.t("survey-evaluation-measures")}</h2>
            <ActionForm action=save attr:class="form" attr:data-test="survey-measures">
                <FormError error=errors />
                <input type="hidden" name="survey" value=admin.id.to_string() />
                <fieldset><legend class="visually-hidden">{i18n.t("survey-evaluation-measures")}</legend>{boxes}</fieldset>
                <p class="field-error" aria-live="polite">{move || field_error(errors, "measure").get().map(|m| i18n.msg(&m))}</p>
                <button type="submit" class="secondary">{i18n.t("save")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn SectionEditor(
    survey: SurveyId,
    section: Section,
    index: usize,
    count: usize,
    /// The questions of the sections before this one.
    before: Vec<Question>,
    answered: Vec<String>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rename = refreshing::<RenameSurveySection>(refresh);
    let rename_errors = action_error(rename);
    let change = refreshing::<ChangeSurveySection>(refresh);
    let change_errors = action_error(change);
    let heading = i18n.ta("survey-page-n", &[("page", (index + 1).to_string())]);
    let sid = section.id.clone();
    let section_id = section.id.clone();
    let questions = section
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mut earlier = before.clone();
            earlier.extend(section.questions[..i].iter().cloned());
            let has_answers = answered.contains(&q.id);
            view! { <QuestionCard survey=survey q=q.clone() earlier=earlier answered=has_answers refresh=refresh /> }
        })
        .collect_view();
    let mut all_before = before.clone();
    all_before.extend(section.questions.iter().cloned());
    let button = |what: &'static str, label: String, disabled: bool| {
        let sid = sid.clone();
        view! {
            <ActionForm action=change attr:class="inline">
                <input type="hidden" name="survey" value=survey.to_string() />
                <input type="hidden" name="section" value=sid />
                <input type="hidden" name="what" value=what />
                <button type="submit" class="secondary small" disabled=disabled>{label}</button>
            </ActionForm>
        }
    };
    let (dom_id, labelled) = (format!("sec-{}", section.id), format!("sec-{}", section.id));
    let field_prefix = format!("sec-{}-", section.id);
    let hidden_id = section.id.clone();
    view! {
        <section class="builder-section" data-test="builder-section" aria-labelledby=labelled>
            <h3 id=dom_id>{heading.clone()}{(!section.title.is_empty()).then(|| format!(": {}", section.title))}</h3>
            <div class="actions">
                {button("up", i18n.ta("survey-section-up", &[("page", heading.clone())]), index == 0)}
                {button("down", i18n.ta("survey-section-down", &[("page", heading.clone())]), index + 1 == count)}
                {button("delete", i18n.ta("survey-section-delete", &[("page", heading.clone())]), count == 1)}
            </div>
            <FormError error=change_errors />
            <ActionForm action=rename attr:class="form inline-form">
                <FormError error=rename_errors />
                <input type="hidden" name="survey" value=survey.to_string() />
                <input type="hidden" name="section" value=hidden_id />
                <Field name="title" label=i18n.t("survey-section-title") value=section.title.clone() maxlength=TITLE_MAX
                    id_prefix=field_prefix error=field_error(rename_errors, "title") />
                <button type="submit" class="secondary small">{i18n.t("survey-section-rename")}</button>
            </ActionForm>
            <ol class="builder-questions">{questions}</ol>
            <details class="add-question" data-test="question-add">
                <summary>{i18n.t("survey-question-add")}</summary>
                <QuestionEditor survey=survey section=section_id question=None earlier=all_before answered=false refresh=refresh />
            </details>
        </section>
    }
}

fn condition_text(i18n: I18n, q: &Question, earlier: &[Question]) -> Option<String> {
    let c = q.condition.as_ref()?;
    let target = earlier.iter().find(|e| e.id == c.question);
    let name = target.map(|t| t.text.clone()).unwrap_or_else(|| c.question.clone());
    let values = c
        .values
        .iter()
        .map(|v| target.and_then(|t| t.option_label(v)).map_or_else(|| v.clone(), str::to_owned))
        .collect::<Vec<_>>()
        .join(" / ");
    Some(match c.op {
        CondOp::Answered => i18n.ta("survey-cond-answered", &[("question", name)]),
        CondOp::Equals => i18n.ta("survey-cond-equals", &[("question", name), ("values", values)]),
        CondOp::OneOf => i18n.ta("survey-cond-one-of", &[("question", name), ("values", values)]),
    })
}

#[component]
fn QuestionCard(
    survey: SurveyId,
    q: Question,
    earlier: Vec<Question>,
    answered: bool,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let change = refreshing::<ChangeSurveyQuestion>(refresh);
    let errors = action_error(change);
    let cond = condition_text(i18n, &q, &earlier);
    let button = |what: &'static str, label: String, test: &'static str| {
        let qid = q.id.clone();
        view! {
            <ActionForm action=change attr:class="inline">
                <input type="hidden" name="survey" value=survey.to_string() />
                <input type="hidden" name="question" value=qid />
                <input type="hidden" name="what" value=what />
                <button type="submit" class="secondary small" data-test=test>{label}</button>
            </ActionForm>
        }
    };
    let name = q.text.clone();
    view! {
        <li class="builder-question" data-test="builder-question" data-question=q.id.clone()>
            <p class="builder-question-text">
                <strong dir="auto">{q.text.clone()}</strong>" "
                <span class="hint">{i18n.t(q.kind.label_key())}{q.required.then(|| format!(" · {}", i18n.t("survey-required-mark")))}
                    {answered.then(|| format!(" · {}", i18n.t("survey-has-answers")))}</span>
            </p>
            {cond.map(|c| view! { <p class="hint" data-test="question-condition">{c}</p> })}
            <div class="actions">
                {button("up", i18n.ta("survey-question-up", &[("question", name.clone())]), "question-up")}
                {button("down", i18n.ta("survey-question-down", &[("question", name.clone())]), "question-down")}
                {button("delete", i18n.ta("survey-question-delete", &[("question", name.clone())]), "question-delete")}
            </div>
            <FormError error=errors />
            <details class="edit-question">
                <summary>{i18n.ta("survey-question-edit", &[("question", name)])}</summary>
                <QuestionEditor survey=survey section=String::new() question=Some(q.clone()) earlier=earlier answered=answered refresh=refresh />
            </details>
        </li>
    }
}

/// The form of a new or a changed question; only the fields of the chosen kind are shown.
#[component]
fn QuestionEditor(
    survey: SurveyId,
    section: String,
    question: Option<Question>,
    earlier: Vec<Question>,
    answered: bool,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add = refreshing::<AddSurveyQuestion>(refresh);
    let update = refreshing::<UpdateSurveyQuestion>(refresh);
    let errors = Signal::derive(move || action_error(add).get().or_else(|| action_error(update).get()));
    let existing = question.is_some();
    let q = question.clone().unwrap_or(Question {
        id: String::new(),
        kind: Kind::Single,
        text: String::new(),
        help: String::new(),
        required: false,
        options: Vec::new(),
        scale: Vec::new(),
        other: false,
        min: None,
        max: None,
        unit: String::new(),
        condition: None,
    });
    let kind = RwSignal::new(q.kind);
    let prefix = if existing { format!("q-{}-", q.id) } else { format!("new-{section}-") };
    let options_text = q.options.iter().map(|o| o.label.clone()).collect::<Vec<_>>().join("\n");
    let scale_text = if q.kind == Kind::Likert { q.scale.join("\n") } else { default_scale(5, i18n.lang).join("\n") };
    let rating_text = if q.kind == Kind::Rating { q.scale.join("\n") } else { String::new() };
    let fmt = |v: Option<f64>| v.map(crate::surveys::answers::number_text).unwrap_or_default();
    let kinds: Vec<(String, String)> =
        Kind::ALL.into_iter().map(|k| (k.as_str().to_owned(), i18n.t(k.label_key()))).collect();
    let cond_questions: Vec<(String, String)> = earlier.iter().map(|e| (e.id.clone(), e.text.clone())).collect();
    let cond = q.condition.clone();
    let cond_values = cond
        .as_ref()
        .map(|c| {
            let target = earlier.iter().find(|e| e.id == c.question);
            c.values
                .iter()
                .map(|v| target.and_then(|t| t.option_label(v)).map_or_else(|| v.clone(), str::to_owned))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let ops: Vec<(String, String)> = [CondOp::Answered, CondOp::Equals, CondOp::OneOf]
        .into_iter()
        .map(|o| (o.as_str().to_owned(), i18n.t(&format!("survey-op-{}", o.as_str().replace('_', "-")))))
        .collect();
    let id_of = {
        let prefix = prefix.clone();
        move |n: &str| format!("{prefix}{n}")
    };
    let p = |_: u8| prefix.clone();
    let (p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12) =
        (p(1), p(2), p(3), p(4), p(5), p(6), p(7), p(8), p(9), p(10), p(11), p(12));
    let (req_id, other_id, confirm_id) = (id_of("required"), id_of("other"), id_of("confirm"));
    let kind_select = (!existing).then(|| {
        let sel_id = id_of("kind");
        view! {
            <div class="field">
                <label for=sel_id.clone()>{i18n.t("survey-kind")}</label>
                <select id=sel_id name="kind" data-test="question-kind"
                    on:change=move |ev| { if let Some(k) = Kind::parse(&event_target_value(&ev)) { kind.set(k); } }>
                    {kinds.iter().map(|(v, l)| {
                        let selected = *v == q.kind.as_str();
                        view! { <option value=v.clone() selected=selected>{l.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    });
    let body = view! {
        <input type="hidden" name="survey" value=survey.to_string() />
        {if existing {
            view! { <input type="hidden" name="question" value=q.id.clone() /> }.into_any()
        } else {
            view! { <input type="hidden" name="section" value=section.clone() /> }.into_any()
        }}
        {kind_select}
        <TextArea name="text" label=i18n.t("survey-question-text") value=q.text.clone() maxlength=QUESTION_MAX rows=2
            id_prefix=p1.clone() error=field_error(errors, "text") />
        <Field name="help" label=i18n.t("survey-question-help") value=q.help.clone() id_prefix=p2.clone()
            error=field_error(errors, "help") />
        <div class="field check">
            <input type="checkbox" id=req_id.clone() name="required" value="on" checked=q.required />
            <label for=req_id>{i18n.t("survey-question-required")}</label>
        </div>
        <Show when=move || kind.get().has_options()>
            <TextArea name="options" rows=4 id_prefix=p3.clone() value=options_text.clone()
                label=i18n.t(if kind.get() == Kind::Likert { "survey-question-statements" } else { "survey-question-options" })
                error=field_error(errors, "options") />
        </Show>
        <Show when=move || kind.get() == Kind::Single>
            <div class="field check">
                <input type="checkbox" id=other_id.clone() name="other" value="on" checked=q.other />
                <label for=other_id.clone()>{i18n.ta("survey-question-other", &[("max", OTHER_MAX.to_string())])}</label>
            </div>
        </Show>
        <Show when=move || kind.get() == Kind::Likert>
            <TextArea name="scale" rows=5 id_prefix=p4.clone() value=scale_text.clone() label=i18n.t("survey-question-scale")
                error=field_error(errors, "scale") />
        </Show>
        <Show when=move || kind.get() == Kind::Rating>
            <TextArea name="scale" rows=2 id_prefix=p12.clone() value=rating_text.clone() label=i18n.t("survey-question-rating-labels")
                error=field_error(errors, "scale") />
        </Show>
        <Show when=move || matches!(kind.get(), Kind::Multiple | Kind::Number)>
            <div class="field-row">
                <Field name="min" id_prefix=p5.clone() value=fmt(q.min) error=field_error(errors, "min")
                    label=i18n.t(if kind.get_untracked() == Kind::Multiple { "survey-question-min-choices" } else { "survey-question-min" }) />
                <Field name="max" id_prefix=p6.clone() value=fmt(q.max) error=field_error(errors, "max")
                    label=i18n.t(if kind.get_untracked() == Kind::Multiple { "survey-question-max-choices" } else { "survey-question-max" }) />
            </div>
        </Show>
        <Show when=move || matches!(kind.get(), Kind::Text | Kind::LongText)>
            <Field name="max" id_prefix=p7.clone() value=fmt(q.max) error=field_error(errors, "max")
                label=i18n.t("survey-question-max-length") hint=i18n.t("survey-question-max-length-hint") />
        </Show>
        <Show when=move || kind.get() == Kind::Number>
            <Field name="unit" id_prefix=p8.clone() value=q.unit.clone() label=i18n.t("survey-question-unit") error=field_error(errors, "unit") />
        </Show>
        {(!earlier.is_empty()).then(|| view! {
            <fieldset class="condition">
                <legend>{i18n.t("survey-condition")}</legend>
                <div class="field-row">
                    <SelectField name="cond_question" label=i18n.t("survey-condition-question") options=cond_questions.clone()
                        selected=cond.as_ref().map(|c| c.question.clone()).unwrap_or_default() empty=i18n.t("survey-condition-none")
                        id_prefix=p9.clone() error=field_error(errors, "cond_question") />
                    <SelectField name="cond_op" label=i18n.t("survey-condition-op") options=ops.clone()
                        selected=cond.as_ref().map(|c| c.op.as_str().to_owned()).unwrap_or_default()
                        id_prefix=p10.clone() error=field_error(errors, "cond_op") />
                </div>
                <TextArea name="cond_values" label=i18n.t("survey-condition-values") value=cond_values.clone() rows=2
                    id_prefix=p11.clone() error=field_error(errors, "cond_values") />
            </fieldset>
        })}
        {answered.then(|| view! {
            <div class="field check">
                <input type="checkbox" id=confirm_id.clone() name="confirm" value="on" />
                <label for=confirm_id>{i18n.t("survey-confirm-label")}</label>
            </div>
        })}
        <button type="submit" data-test="question-save">{i18n.t(if existing { "save" } else { "survey-question-add-button" })}</button>
    };
    // The page keeps its elements when it renders again: after an added question the form is
    // emptied and closed here, ready for the next one.
    let form_ref = NodeRef::<leptos::html::Form>::new();
    #[cfg(feature = "hydrate")]
    Effect::watch(
        move || add.version().get(),
        move |_, _, _| {
            if matches!(add.value().get_untracked(), Some(Ok(_))) {
                if let Some(form) = form_ref.get_untracked() {
                    form.reset();
                    if let Ok(Some(details)) = form.closest("details") {
                        let _ = details.remove_attribute("open");
                    }
                }
                kind.set(Kind::Single);
            }
        },
        false,
    );
    if existing {
        view! { <ActionForm action=update attr:class="form question-form"><FormError error=errors />{body}</ActionForm> }.into_any()
    } else {
        view! { <ActionForm action=add node_ref=form_ref attr:class="form question-form"><FormError error=errors />{body}</ActionForm> }
            .into_any()
    }
}

/// `/staff/surveys/{id}/preview?page=N`: the pages as participants see them (nothing is saved).
#[component]
pub fn PreviewPage() -> impl IntoView {
    let id = crate::ui::route_id("id", SurveyId::parse);
    let data = Resource::new(id, |id| async move { get_survey_admin(id?).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(a) => view! { <PreviewBody admin=a /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PreviewBody(admin: SurveyAdmin) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let sections = admin.definition.sections.clone();
    let total = sections.len();
    let id = admin.id;
    let page =
        move || query.read().get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1).clamp(1, total.max(1));
    let no_error = Signal::derive(|| None);
    let title = admin.settings.title.clone();
    view! {
        <Title text=i18n.ta("survey-preview-title", &[("title", title.clone())]) />
        <p class="notice">{i18n.t("survey-preview-notice")}" "<a href=format!("/staff/surveys/{id}")>{i18n.t("survey-back-to-survey")}</a></p>
        <article class="survey preview" data-test="survey-preview-page">
            <h1 dir="auto">{title}</h1>
            {paragraphs(&admin.settings.intro)}
            {move || {
                let n = page();
                let Some(section) = sections.get(n - 1).cloned() else { return ().into_any() };
                let questions = section.questions.iter().map(|q| {
                    let cond = q.condition.clone();
                    let earlier = cond.as_ref().and_then(|c| admin.definition.question(&c.question).cloned());
                    view! { <QuestionInput q=q.clone() raw=Default::default() error=no_error cond=cond earlier=earlier /> }
                }).collect_view();
                view! {
                    <p class="survey-progress">{i18n.ta("survey-progress", &[("page", n.to_string()), ("pages", total.to_string())])}</p>
                    {(!section.title.is_empty()).then(|| view! { <h2 dir="auto">{section.title.clone()}</h2> })}
                    <div class="form survey-form">{questions}</div>
                    <p class="actions">
                        {(n > 1).then(|| view! { <a class="button secondary" href=format!("?page={}", n - 1)>{i18n.t("survey-back")}</a> })}
                        {(n < total).then(|| view! { <a class="button" href=format!("?page={}", n + 1) data-test="preview-next">{i18n.t("survey-next")}</a> })}
                    </p>
                }.into_any()
            }}
        </article>
    }
}
