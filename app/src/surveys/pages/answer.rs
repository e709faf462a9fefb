//! Answering a survey (participant pages: rendered on the server, no wasm, plain form posts):
//! the start page, one section per page with its progress, the review before sending, and the
//! thanks. Every step saves the page, so a closed tab or a lost connection loses nothing; the
//! address of a page is also its resume link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    error::{AppError, Msg},
    i18n::{I18n, use_i18n},
    surveys::{
        answers::{Raw, field},
        api::{StartSurvey, SurveyStep, get_answer_page, get_beamer_surveys, get_survey_intro, get_workshop_surveys},
        types::{AnswerPage, CondOp, Condition, Kind, OTHER_ID, Question, SurveyId, SurveyIntro},
    },
    ui::{ErrorPage, Field, FormError, Loading, SelectField, action_error, field_error},
    workshops::types::{ORGANISATION_MAX, OrgType},
};

/// `/s/{id}` (`?m=<measure>` for an evaluation)
#[component]
pub fn SurveyStartPage() -> impl IntoView {
    let id = crate::ui::route_id("id", SurveyId::parse);
    let query = use_query_map();
    let measure = move || query.read().get("m").unwrap_or_default();
    let intro = Resource::new(move || (id(), measure()), |(id, m)| async move { get_survey_intro(id?, m).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match intro.await {
                    Ok(i) => view! { <StartView intro=i /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Paragraphs of a text written with blank lines.
pub fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p dir="auto">{p.to_owned()}</p> })
        .collect_view()
}

#[component]
fn StartView(intro: SurveyIntro) -> impl IntoView {
    let i18n = use_i18n();
    let start = ServerAction::<StartSurvey>::new();
    let errors = action_error(start);
    let org_types = OrgType::ALL.iter().map(|t| (t.as_str().to_owned(), i18n.t(t.label_key()))).collect::<Vec<_>>();
    let measures: Vec<(String, String)> = intro.measures.iter().map(|m| (m.id.to_string(), m.title.clone())).collect();
    let chosen = intro.measure.map(|m| m.to_string()).unwrap_or_default();
    let choose_measure = intro.measures.len() > 1;
    let single_measure = (intro.measures.len() == 1).then(|| intro.measures[0].clone());
    let size =
        i18n.ta("survey-size", &[("questions", intro.questions.to_string()), ("pages", intro.sections.to_string())]);
    let body = if intro.submitted {
        view! { <p class="status-ok" role="status" data-test="survey-submitted">{i18n.t("survey-thanks-already")}</p> }
            .into_any()
    } else if let Some(reason) = intro.closed_reason.clone() {
        view! { <p class="notice" role="status" data-test="survey-closed">{i18n.msg(&reason)}</p> }.into_any()
    } else {
        let resume = intro.resume.clone().map(|key| {
            view! {
                <p class="notice" data-test="survey-resume">
                    {i18n.t("survey-resume-notice")}" "
                    <a class="button" href=format!("/s/{}/r/{key}", intro.id)>{i18n.t("survey-resume")}</a>
                </p>
            }
        });
        view! {
            {resume}
            <ActionForm action=start attr:class="form" attr:novalidate=true attr:data-test="survey-start">
                <FormError error=errors />
                <input type="hidden" name="survey" value=intro.id.to_string() />
                {choose_measure.then(|| view! {
                    <SelectField name="measure" label=i18n.t("survey-measure-label") options=measures.clone() selected=chosen.clone()
                        empty=i18n.t("survey-measure-choose-option") required=true error=field_error(errors, "measure") />
                })}
                {(!choose_measure).then(|| view! { <input type="hidden" name="measure" value=chosen.clone() /> })}
                {intro.ask_organisation.then(|| view! {
                    <Field name="organisation" label=i18n.t("survey-organisation") maxlength=ORGANISATION_MAX
                        autocomplete="organization" error=field_error(errors, "organisation") />
                    <SelectField name="org_type" label=i18n.t("join-org-type") options=org_types.clone()
                        empty=i18n.t("join-org-type-none") error=field_error(errors, "org_type") />
                })}
                <p class="hint">{i18n.t("survey-anonymous")}</p>
                <button type="submit" data-test="survey-begin">
                    {i18n.t(if intro.resume.is_some() { "survey-start-new" } else { "survey-start" })}
                </button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <Title text=intro.title.clone() />
        <article class="survey" data-test="survey-intro">
            <h1 dir="auto">{intro.title.clone()}</h1>
            {single_measure.map(|m| view! { <p class="hint">{i18n.t("survey-about-measure")}" "<bdi>{m.title}</bdi></p> })}
            {paragraphs(&intro.intro)}
            <p class="hint">{size}</p>
            {body}
            {intro.results_public.then(|| view! {
                <p><a href=format!("/s/{}/results", intro.id)>{i18n.t("survey-results-link")}</a></p>
            })}
        </article>
    }
}

/// `/s/{id}/r/{key}` (`?page=N`, `?sent=1`)
#[component]
pub fn AnswerPageView() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = crate::ui::route_id("id", SurveyId::parse);
    let key = move || params.read().get("key").unwrap_or_default();
    let page = move || query.read().get("page").unwrap_or_default();
    let data = Resource::new(
        move || (id(), key(), page()),
        |(id, key, page)| async move { get_answer_page(id?, key, page).await },
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <AnswerView page=p /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AnswerView(page: AnswerPage) -> impl IntoView {
    let i18n = use_i18n();
    let step = ServerAction::<SurveyStep>::new();
    let errors = action_error(step);
    let title = page.title.clone();
    let link = page.resume_link.clone();
    let measure = page
        .measure
        .clone()
        .map(|m| view! { <p class="hint">{i18n.t("survey-about-measure")}" "<bdi>{m.title}</bdi></p> });
    let body = if page.submitted {
        view! {
            <p class="status-ok" role="status" data-test="survey-thanks">{i18n.t("survey-thanks")}</p>
            {page.results_public.then(|| view! {
                <p><a href=format!("/s/{}/results", page.survey)>{i18n.t("survey-results-link")}</a></p>
            })}
        }
        .into_any()
    } else if let Some(reason) = page.closed_reason.clone() {
        view! { <p class="notice" role="status" data-test="survey-closed">{i18n.msg(&reason)}</p> }.into_any()
    } else if page.page > page.sections {
        view! { <Review page=page.clone() step=step errors=errors /> }.into_any()
    } else {
        view! { <SectionForm page=page.clone() step=step errors=errors /> }.into_any()
    };
    let progress = (!page.submitted && page.answerable).then(|| {
        let label = if page.page > page.sections {
            i18n.t("survey-progress-review")
        } else {
            i18n.ta("survey-progress", &[("page", page.page.to_string()), ("pages", page.sections.to_string())])
        };
        view! {
            <p class="survey-progress" data-test="survey-progress">
                <label for="survey-progress">{label}</label>
                <progress id="survey-progress" max=(page.sections + 1).to_string() value=page.page.min(page.sections + 1).to_string()>
                    {format!("{}/{}", page.page, page.sections + 1)}
                </progress>
            </p>
        }
    });
    let resume = (!page.submitted && page.answerable).then(|| {
        view! {
            <details class="survey-resume">
                <summary>{i18n.t("survey-resume-later")}</summary>
                <p class="hint" id="resume-hint">{i18n.t("survey-resume-hint")}</p>
                <label for="resume-link">{i18n.t("survey-resume-link")}</label>
                <input id="resume-link" type="text" readonly=true value=link.clone() aria-describedby="resume-hint" data-test="resume-link" />
            </details>
        }
    });
    view! {
        <Title text=title.clone() />
        <article class="survey">
            <h1 dir="auto">{title}</h1>
            {measure}
            {progress}
            {body}
            {resume}
        </article>
    }
}

fn error_of(errors: Signal<Option<AppError>>, q: &str) -> Signal<Option<Msg>> {
    let name = field(q);
    Signal::derive(move || errors.get().and_then(|e| e.field(&name)))
}

#[component]
fn SectionForm(page: AnswerPage, step: ServerAction<SurveyStep>, errors: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(section) = page.section.clone() else { return ().into_any() };
    let last = page.page == page.sections;
    let questions = section
        .questions
        .iter()
        .filter(|q| !page.hidden.contains(&q.id))
        .map(|q| {
            let cond = page.same_page_conditions.iter().find(|(id, _)| *id == q.id).map(|(_, c)| c.clone());
            let earlier = cond.as_ref().and_then(|c| section.questions.iter().find(|x| x.id == c.question).cloned());
            view! { <QuestionInput q=q.clone() raw=page.raw.clone() error=error_of(errors, &q.id) cond=cond earlier=earlier /> }
        })
        .collect_view();
    let count = errors.get_untracked().map(|e| match e {
        AppError::Invalid(list) => list.len(),
        _ => 0,
    });
    view! {
        {(!section.title.is_empty()).then(|| view! { <h2 dir="auto">{section.title.clone()}</h2> })}
        <ActionForm action=step attr:class="form survey-form" attr:novalidate=true attr:data-test="survey-page">
            {count.filter(|n| *n > 0).map(|n| view! {
                <div class="form-error" role="alert" tabindex="-1" data-test="survey-errors">
                    <p>{i18n.ta("survey-errors", &[("count", n.to_string())])}</p>
                </div>
            })}
            <FormError error=errors />
            <input type="hidden" name="survey" value=page.survey.to_string() />
            <input type="hidden" name="key" value=page.key.clone() />
            <input type="hidden" name="page" value=page.page.to_string() />
            <input type="hidden" name="section" value=section.id.clone() />
            {questions}
            <div class="actions">
                <button type="submit" name="go" value="next" data-test="survey-next">
                    {i18n.t(if last { "survey-to-review" } else { "survey-next" })}
                </button>
                {(page.page > 1).then(|| view! {
                    <button type="submit" class="secondary" name="go" value="back" data-test="survey-back">{i18n.t("survey-back")}</button>
                })}
            </div>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn Review(page: AnswerPage, step: ServerAction<SurveyStep>, errors: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/s/{}/r/{}", page.survey, page.key);
    let sections = page
        .review
        .iter()
        .map(|(title, n, rows)| {
            let heading =
                if title.is_empty() { i18n.ta("survey-page-n", &[("page", n.to_string())]) } else { title.clone() };
            let items = rows
                .iter()
                .map(|(qid, text, answer)| {
                    let error = error_of(errors, qid);
                    let shown = if answer.is_empty() { i18n.t("survey-no-answer") } else { answer.clone() };
                    view! {
                        <div class="review-row" data-test="review-row">
                            <dt dir="auto">{text.clone()}</dt>
                            <dd dir="auto">{shown}
                                <p class="field-error" id=format!("{}-error", field(qid)) aria-live="polite">
                                    {move || error.get().map(|m| i18n.msg(&m))}
                                </p>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="review-section">
                    <h3 dir="auto">{heading.clone()}</h3>
                    <dl>{items}</dl>
                    <p><a href=format!("{base}?page={n}") data-test="review-change">
                        {i18n.ta("survey-change-page", &[("page", heading)])}
                    </a></p>
                </section>
            }
        })
        .collect_view();
    view! {
        <h2>{i18n.t("survey-review")}</h2>
        <p>{i18n.t("survey-review-hint")}</p>
        {sections}
        <ActionForm action=step attr:class="form" attr:data-test="survey-submit-form">
            <FormError error=errors />
            <input type="hidden" name="survey" value=page.survey.to_string() />
            <input type="hidden" name="key" value=page.key.clone() />
            <input type="hidden" name="page" value=(page.sections + 1).to_string() />
            <div class="actions">
                <button type="submit" name="go" value="submit" data-test="survey-send">{i18n.t("survey-send")}</button>
                <button type="submit" class="secondary" name="go" value="back" data-test="survey-back">{i18n.t("survey-back")}</button>
            </div>
        </ActionForm>
    }
}

fn cond_hint(i18n: I18n, c: &Condition, earlier: Option<&Question>) -> String {
    let name = earlier.map(|q| q.text.clone()).unwrap_or_default();
    let values = c
        .values
        .iter()
        .map(|v| earlier.and_then(|q| q.option_label(v)).map_or_else(|| v.clone(), str::to_owned))
        .collect::<Vec<_>>()
        .join(" / ");
    match c.op {
        CondOp::Answered => i18n.ta("survey-cond-hint-answered", &[("question", name)]),
        _ => i18n.ta("survey-cond-hint", &[("question", name), ("values", values)]),
    }
}

/// One question as a form field (also the builder's preview).
#[component]
pub fn QuestionInput(
    q: Question,
    raw: Raw,
    error: Signal<Option<Msg>>,
    #[prop(default = None)] cond: Option<Condition>,
    #[prop(default = None)] earlier: Option<Question>,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = field(&q.id);
    let help_id = format!("{base}-help");
    let error_id = format!("{base}-error");
    let described = {
        let (help_id, error_id, has_help) = (help_id.clone(), error_id.clone(), !q.help.is_empty());
        move || {
            let mut ids = Vec::new();
            if has_help {
                ids.push(help_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let get = |k: &str| raw.get(k).cloned().unwrap_or_default();
    let sub = |part: &str| format!("{}.{part}", q.id);
    let name = |k: &str| format!("a[{k}]");
    let required = q.required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> });
    let req_text = q
        .required
        .then(|| view! { <span class="visually-hidden">{format!(" ({})", i18n.t("survey-required-mark"))}</span> });
    let hint = rule_hint(i18n, &q).map(|h| view! { <p class="hint">{h}</p> });
    let help =
        (!q.help.is_empty()).then(|| view! { <p class="hint" id=help_id.clone() dir="auto">{q.help.clone()}</p> });
    let input_id = format!("{base}-input");
    let control = match q.kind {
        Kind::Single => {
            let chosen = get(&q.id);
            let mut items: Vec<AnyView> = q
                .options
                .iter()
                .map(|o| {
                    let id = format!("{base}-{}", o.id);
                    view! {
                        <div class="choice">
                            <input type="radio" id=id.clone() name=name(&q.id) value=o.id.clone() checked=chosen == o.id />
                            <label for=id dir="auto">{o.label.clone()}</label>
                        </div>
                    }
                    .into_any()
                })
                .collect();
            if q.other {
                let id = format!("{base}-other");
                items.push(
                    view! {
                        <div class="choice choice-other">
                            <input type="radio" id=id.clone() name=name(&q.id) value=OTHER_ID checked=chosen == OTHER_ID />
                            <label for=id.clone()>{i18n.t("survey-other")}</label>
                            <input type="text" id=format!("{id}-text") name=name(&sub("other")) value=get(&sub("other"))
                                maxlength=super::super::types::OTHER_MAX.to_string() aria-label=i18n.t("survey-other-text") />
                        </div>
                    }
                    .into_any(),
                );
            }
            view! { <div class="choices">{items}</div> }.into_any()
        }
        Kind::Multiple => {
            let items = q
                .options
                .iter()
                .map(|o| {
                    let id = format!("{base}-{}", o.id);
                    let key = sub(&o.id);
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=id.clone() name=name(&key) value="on" checked=!get(&key).is_empty() />
                            <label for=id dir="auto">{o.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! { <div class="choices">{items}</div> }.into_any()
        }
        Kind::Likert => {
            let steps = usize::from(q.steps());
            let rows = q
                .options
                .iter()
                .map(|s| {
                    let key = sub(&s.id);
                    let chosen = get(&key);
                    let radios = (1..=steps)
                        .map(|n| {
                            let id = format!("{base}-{}-{n}", s.id);
                            let label = q.scale.get(n - 1).cloned().unwrap_or_else(|| n.to_string());
                            view! {
                                <div class="step">
                                    <input type="radio" id=id.clone() name=name(&key) value=n.to_string() checked=chosen == n.to_string() />
                                    <label for=id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view();
                    let single = q.options.len() == 1;
                    view! {
                        <fieldset class="likert-row" class:likert-single=single>
                            <legend class:visually-hidden=single dir="auto">{s.label.clone()}</legend>
                            <div class="steps">{radios}</div>
                        </fieldset>
                    }
                })
                .collect_view();
            view! { <div class="likert">{rows}</div> }.into_any()
        }
        Kind::Rating => {
            let chosen = get(&q.id);
            let radios = (0..=10)
                .map(|n| {
                    let id = format!("{base}-{n}");
                    view! {
                        <div class="step rating-step">
                            <input type="radio" id=id.clone() name=name(&q.id) value=n.to_string() checked=chosen == n.to_string() />
                            <label for=id>{n.to_string()}</label>
                        </div>
                    }
                })
                .collect_view();
            let ends = (q.scale.len() == 2).then(|| {
                view! { <p class="hint rating-ends"><span>{format!("0 = {}", q.scale[0])}</span>" · "<span>{format!("10 = {}", q.scale[1])}</span></p> }
            });
            view! { <div class="steps rating">{radios}</div>{ends} }.into_any()
        }
        Kind::Number => view! {
            <span class="number-input">
                <input type="text" inputmode="decimal" id=input_id.clone() name=name(&q.id) value=get(&q.id)
                    aria-invalid=invalid aria-describedby=described.clone() />
                {(!q.unit.is_empty()).then(|| view! { <span class="unit">{q.unit.clone()}</span> })}
            </span>
        }
        .into_any(),
        Kind::Date => {
            // What the date field cannot show (a typo kept after its error) stays visible as text.
            let value = get(&q.id);
            let iso = value.is_empty() || chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d").is_ok();
            view! {
                <input type=if iso { "date" } else { "text" } id=input_id.clone() name=name(&q.id) value=value
                    aria-invalid=invalid aria-describedby=described.clone() />
            }
            .into_any()
        }
        Kind::Text => view! {
            <input type="text" id=input_id.clone() name=name(&q.id) value=get(&q.id) maxlength=q.text_limit().to_string()
                dir="auto" aria-invalid=invalid aria-describedby=described.clone() />
        }
        .into_any(),
        Kind::LongText => view! {
            <textarea id=input_id.clone() name=name(&q.id) rows="5" maxlength=q.text_limit().to_string() dir="auto"
                aria-invalid=invalid aria-describedby=described.clone()>{get(&q.id)}</textarea>
        }
        .into_any(),
        Kind::Ranking => {
            let n = q.options.len();
            let rows = q
                .options
                .iter()
                .map(|o| {
                    let key = sub(&o.id);
                    let id = format!("{base}-{}", o.id);
                    let chosen = get(&key);
                    let places = (1..=n)
                        .map(|p| {
                            let v = p.to_string();
                            let selected = chosen == v;
                            view! { <option value=v.clone() selected=selected>{i18n.ta("survey-place", &[("place", v.clone())])}</option> }
                        })
                        .collect_view();
                    view! {
                        <div class="rank-row">
                            <select id=id.clone() name=name(&key)>
                                <option value="" selected=chosen.is_empty()>{i18n.t("survey-place-none")}</option>
                                {places}
                            </select>
                            <label for=id dir="auto">{o.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! { <div class="ranking">{rows}</div> }.into_any()
        }
    };
    let grouped = matches!(q.kind, Kind::Single | Kind::Multiple | Kind::Likert | Kind::Rating | Kind::Ranking);
    let cond_attrs = cond.as_ref().map(|c| (c.question.clone(), c.op.as_str(), c.values.join("|")));
    let cond_hint = cond.as_ref().map(|c| {
        view! { <p class="hint cond-hint" data-cond-hint="">{cond_hint(i18n, c, earlier.as_ref())}</p> }
    });
    let error_view = view! {
        <p class="field-error" id=error_id.clone() aria-live="polite">{move || error.get().map(|m| i18n.msg(&m))}</p>
    };
    let inner = if grouped {
        view! {
            <fieldset class="question-group" aria-describedby=described>
                <legend dir="auto">{q.text.clone()}{required}{req_text}</legend>
                {cond_hint}{help}{hint}
                {control}
                {error_view}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <label for=input_id dir="auto">{q.text.clone()}{required}{req_text}</label>
            {cond_hint}{help}{hint}
            {control}
            {error_view}
        }
        .into_any()
    };
    view! {
        <div class="question field" class:field-invalid=move || error.get().is_some() id=format!("question-{}", q.id)
            data-test="question" data-kind=q.kind.as_str()
            data-cond-q=cond_attrs.as_ref().map(|c| c.0.clone()) data-cond-op=cond_attrs.as_ref().map(|c| c.1)
            data-cond-v=cond_attrs.as_ref().map(|c| c.2.clone())>
            {inner}
        </div>
    }
}

/// The rule of a question in words ("Höchstens 3 Antworten", "Zwischen 0 und 120 Personen").
fn rule_hint(i18n: I18n, q: &Question) -> Option<String> {
    use crate::surveys::answers::number_text;
    match q.kind {
        Kind::Multiple => match (q.min, q.max) {
            (Some(a), Some(b)) => {
                Some(i18n.ta("survey-rule-choices-between", &[("min", number_text(a)), ("max", number_text(b))]))
            }
            (Some(a), None) => Some(i18n.ta("survey-rule-choices-min", &[("min", number_text(a))])),
            (None, Some(b)) => Some(i18n.ta("survey-rule-choices-max", &[("max", number_text(b))])),
            (None, None) => Some(i18n.t("survey-rule-choices-any")),
        },
        Kind::Number => match (q.min, q.max) {
            (Some(a), Some(b)) => {
                Some(i18n.ta("survey-rule-number-between", &[("min", number_text(a)), ("max", number_text(b))]))
            }
            (Some(a), None) => Some(i18n.ta("survey-rule-number-min", &[("min", number_text(a))])),
            (None, Some(b)) => Some(i18n.ta("survey-rule-number-max", &[("max", number_text(b))])),
            (None, None) => None,
        },
        Kind::Text | Kind::LongText => Some(i18n.ta("survey-rule-text", &[("max", q.text_limit().to_string())])),
        Kind::Ranking => Some(i18n.t("survey-rule-ranking")),
        Kind::Date => Some(i18n.t("survey-rule-date")),
        _ => None,
    }
}

/// The open surveys of a workshop on its participants' board.
#[component]
pub fn WorkshopSurveys(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(move || code.clone(), get_workshop_surveys);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if !list.is_empty() => view! {
                        <section class="panel workshop-surveys" aria-labelledby="surveys-heading" data-test="workshop-surveys">
                            <h2 id="surveys-heading">{i18n.t("survey-workshop-surveys")}</h2>
                            <ul>{list.into_iter().map(|(id, title)| view! {
                                <li><a href=format!("/s/{id}") dir="auto">{title}</a></li>
                            }).collect_view()}</ul>
                        </section>
                    }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

/// The open surveys of a workshop on the projector: title, link and QR code.
#[component]
pub fn BeamerSurveys(workshop: crate::workshops::types::WorkshopId) -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(move || workshop, get_beamer_surveys);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if !list.is_empty() => view! {
                        <aside class="projector-surveys" aria-label=i18n.t("survey-workshop-surveys") data-test="beamer-surveys">
                            {list.into_iter().map(|(_, title, link, qr)| view! {
                                <div class="projector-survey">
                                    <div class="qr" role="img" aria-label=i18n.t("survey-qr") inner_html=qr></div>
                                    <p class="projector-survey-title" dir="auto">{title}</p>
                                    <p class="projector-link">{link}</p>
                                </div>
                            }).collect_view()}
                        </aside>
                    }.into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}
