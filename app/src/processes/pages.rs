//! Public pages (start page, process page) and the staff overview of processes.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    api::{CreateProcess, get_process, list_processes, list_published_processes},
    types::{DESCRIPTION_MAX, NAME_MAX, Phase, ProcessDetail, ProcessSummary},
};
use crate::{
    auth::pages::RequireOrganizer,
    i18n::{I18n, use_i18n},
    ui::{Empty, ErrorPage, Field, FormError, Loading, TextArea, action_error, field_error},
};

pub use super::editor::ProcessEditor;

/// The public start page: what Plenum is here, the published processes, and `children`
/// (the app puts the "join with code" box there).
#[component]
pub fn HomePage(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let processes = Resource::new(|| (), |()| list_published_processes());
    view! {
        <Title text=i18n.t("home-title") />
        <section class="hero">
            <h1>{i18n.t("home-heading")}</h1>
            <p class="lead">{i18n.t("home-lead")}</p>
        </section>
        {children()}
        <section aria-labelledby="processes-heading">
            <h2 id="processes-heading">{i18n.t("home-processes")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match processes.await {
                        Ok(list) if list.is_empty() => view! { <Empty text=i18n.t("home-no-processes") /> }.into_any(),
                        Ok(list) => view! { <ProcessCards list=list public=true /> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ProcessCards(list: Vec<ProcessSummary>, public: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" data-test="process-list">
            {list
                .into_iter()
                .map(|p| {
                    let href = if public { format!("/p/{}", p.id) } else { format!("/staff/processes/{}", p.id) };
                    view! {
                        <li class="card">
                            <h3><a href=href>{p.name}</a></h3>
                            <p class="meta">{p.municipality}</p>
                            {p.current_phase.map(|ph| view! {
                                <p class="meta">{i18n.t("process-current-phase")}": "<strong>{ph}</strong></p>
                            })}
                            {(!p.published).then(|| view! { <span class="badge badge-draft">{i18n.t("process-draft")}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The public page of one process: timeline, goals, action fields, themes.
#[component]
pub fn ProcessPage() -> impl IntoView {
    let _params = use_params_map();
    let detail = Resource::new(crate::ui::route_id("id", crate::processes::types::ProcessId::parse), |id| async move {
        get_process(id?).await
    });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <ProcessView detail=d /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProcessView(detail: ProcessDetail) -> impl IntoView {
    let i18n = use_i18n();
    let edit_href = format!("/staff/processes/{}", detail.id);
    view! {
        <Title text=detail.name.clone() />
        <article class="process" data-test="process-page">
            <header class="page-head">
                <p class="eyebrow" dir="auto">{detail.municipality.clone()}</p>
                <h1>{detail.name.clone()}</h1>
                {(!detail.published).then(|| view! { <span class="badge badge-draft">{i18n.t("process-draft")}</span> })}
                {detail.can_edit.then(|| view! { <a class="button secondary" href=edit_href>{i18n.t("process-edit")}</a> })}
            </header>
            {(!detail.description.is_empty()).then(|| view! { <p class="lead prewrap">{detail.description.clone()}</p> })}
            <section aria-labelledby="phases-heading">
                <h2 id="phases-heading">{i18n.t("process-phases")}</h2>
                <Timeline phases=detail.phases i18n=i18n />
            </section>
            {(!detail.goals.is_empty()).then(|| view! {
                <section aria-labelledby="goals-heading">
                    <h2 id="goals-heading">{i18n.t("process-goals")}</h2>
                    <ul class="goals">{detail.goals.into_iter().map(|g| view! { <li>{g.title}</li> }).collect_view()}</ul>
                </section>
            })}
            <section aria-labelledby="fields-heading">
                <h2 id="fields-heading">{i18n.t("process-action-fields")}</h2>
                {if detail.action_fields.is_empty() {
                    view! { <Empty text=i18n.t("process-no-action-fields") /> }.into_any()
                } else {
                    view! {
                        <ul class="cards" data-test="action-fields">
                            {detail.action_fields.into_iter().map(|f| view! {
                                <li class="card">
                                    <h3 dir="auto">{f.name}</h3>
                                    {(!f.description.is_empty()).then(|| view! { <p class="prewrap">{f.description}</p> })}
                                    {(!f.goals.is_empty()).then(|| view! {
                                        <h4>{i18n.t("process-field-goals")}</h4>
                                        <ul class="goals">{f.goals.into_iter().map(|g| view! { <li>{g.title}</li> }).collect_view()}</ul>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            {(!detail.themes.is_empty()).then(|| view! {
                <section aria-labelledby="themes-heading">
                    <h2 id="themes-heading">{i18n.t("process-themes")}</h2>
                    <ul class="tags">{detail.themes.into_iter().map(|t| view! { <li class="tag">{t.name}</li> }).collect_view()}</ul>
                </section>
            })}
        </article>
    }
}

/// The phases in order, the current one marked for eyes and screen readers.
#[component]
fn Timeline(phases: Vec<Phase>, i18n: I18n) -> impl IntoView {
    view! {
        <ol class="timeline" data-test="timeline">
            {phases.into_iter().map(|p| {
                let dates = match (p.starts_on, p.ends_on) {
                    (Some(s), Some(e)) => Some(format!("{} – {}", i18n.date(s), i18n.date(e))),
                    (Some(s), None) => Some(i18n.ta("phase-from", &[("date", i18n.date(s))])),
                    (None, Some(e)) => Some(i18n.ta("phase-until", &[("date", i18n.date(e))])),
                    (None, None) => None,
                };
                view! {
                    <li class="timeline-step" class:current=p.is_current aria-current=p.is_current.then_some("step")>
                        <span class="timeline-name">{p.name}</span>
                        {dates.map(|d| view! { <span class="timeline-dates">{d}</span> })}
                        {p.is_current.then(|| view! { <span class="badge badge-current">{i18n.t("phase-current")}</span> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// The staff start page: `children` (the app puts the staff member's workshops there), then
/// every process, drafts included.
#[component]
pub fn StaffHome(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let processes = Resource::new(|| (), |()| list_processes());
    view! {
        <Title text=i18n.t("staff-title") />
        <header class="page-head">
            <h1>{i18n.t("staff-title")}</h1>
            <a class="button" href="/staff/processes/new">{i18n.t("process-new")}</a>
        </header>
        {children()}
        <h2>{i18n.t("staff-processes")}</h2>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match processes.await {
                    Ok(list) if list.is_empty() => view! { <Empty text=i18n.t("staff-no-processes") /> }.into_any(),
                    Ok(list) => view! { <ProcessCards list=list public=false /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Creating a process: name, municipality, description; then the editor opens.
#[component]
pub fn NewProcessPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateProcess>::new();
    let errors = action_error(create);
    view! {
        <Title text=i18n.t("process-new") />
        <RequireOrganizer>
        <section class="narrow">
            <h1>{i18n.t("process-new")}</h1>
            <ActionForm action=create attr:class="form" attr:novalidate=true>
                <FormError error=errors />
                <Field name="name" label=i18n.t("process-name") required=true maxlength=NAME_MAX
                    hint=i18n.ta("hint-length", &[("min", "1".into()), ("max", NAME_MAX.to_string())])
                    error=field_error(errors, "name") />
                <Field name="municipality" label=i18n.t("process-municipality") required=true maxlength=NAME_MAX
                    error=field_error(errors, "municipality") />
                <TextArea name="description" label=i18n.t("process-description") maxlength=DESCRIPTION_MAX
                    error=field_error(errors, "description") />
                <button type="submit">{i18n.t("process-create")}</button>
            </ActionForm>
        </section>
        </RequireOrganizer>
    }
}
