//! The organizer's editor of one process. Every form posts to its own server function, so it
//! works without JavaScript; with it, the page reloads its data after each successful change.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    api::{
        AddActionField, AddGoal, AddPhase, AddTheme, DeleteActionField, DeleteGoal, DeletePhase, DeleteTheme,
        MoveActionField, MovePhase, SetCurrentPhase, SetProcessPublished, UpdateActionField, UpdatePhase,
        UpdateProcess, get_process_for_edit,
    },
    types::{
        ACTION_FIELD_DESCRIPTION_MAX, ActionField, ActionFieldId, DESCRIPTION_MAX, GOAL_MAX, Goal, NAME_MAX, Phase,
        ProcessDetail, ProcessId, THEME_MAX, Theme,
    },
};
use crate::{
    i18n::use_i18n,
    ui::{ErrorPage, Field, FormError, Loading, TextArea, action_error, field_error, refreshing},
};

/// A one-button form calling a server function `$fn { id }` (plus fixed hidden fields),
/// named for screen readers after what it acts on.
macro_rules! id_button {
    ($fn:ty, $refresh:expr, $id:expr, $label:expr, $name:expr, $class:expr $(, $field:literal = $value:expr)*) => {{
        let action = refreshing::<$fn>($refresh);
        let errors = action_error(action);
        let i18n = use_i18n();
        let label: String = $label;
        let aria = format!("{label}: {}", $name);
        let id_value: String = $id;
        view! {
            <ActionForm action=action attr:class="inline">
                <input type="hidden" name="id" value=id_value />
                $(<input type="hidden" name=$field value=$value />)*
                <button type="submit" class=$class aria-label=aria>{label}</button>
                <span class="field-error" role="alert">{move || errors.get().map(|e| i18n.msg(&e.message()))}</span>
            </ActionForm>
        }
    }};
}

/// Up and down buttons for an entry of an ordered list.
macro_rules! move_buttons {
    ($fn:ty, $refresh:expr, $id:expr, $name:expr, $first:expr, $last:expr) => {{
        let i18n = use_i18n();
        let (id, name): (String, String) = ($id, $name);
        let up = (!$first).then(|| {
            id_button!($fn, $refresh, id.clone(), i18n.t("move-up"), name.clone(), "secondary", "direction" = "up")
        });
        let down = (!$last).then(|| {
            id_button!($fn, $refresh, id.clone(), i18n.t("move-down"), name.clone(), "secondary", "direction" = "down")
        });
        view! { {up} {down} }
    }};
}

/// What a feature shows inside the editor of a process (the workshops of the process).
pub type ProcessSection = fn(ProcessId) -> AnyView;

/// `/staff/processes/{id}`; `section` is drawn below the basics (the app passes the
/// workshops list, so processes need not know workshops).
#[component]
pub fn ProcessEditor(section: ProcessSection) -> impl IntoView {
    let id = crate::ui::route_id("id", ProcessId::parse);
    let refresh = RwSignal::new(0u32);
    let detail = Resource::new(move || (id(), refresh.get()), |(id, _)| async move { get_process_for_edit(id?).await });
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <EditorBody detail=d refresh=refresh section=section /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn EditorBody(detail: ProcessDetail, refresh: RwSignal<u32>, section: ProcessSection) -> impl IntoView {
    let i18n = use_i18n();
    let id = detail.id;
    let publish = refreshing::<SetProcessPublished>(refresh);
    let update = refreshing::<UpdateProcess>(refresh);
    let update_errors = action_error(update);
    let saved = Signal::derive(move || matches!(update.value().get(), Some(Ok(()))));
    view! {
        <Title text=i18n.ta("editor-title", &[("name", detail.name.clone())]) />
        <header class="page-head">
            <p class="eyebrow">{i18n.t("editor-eyebrow")}</p>
            <h1>{detail.name.clone()}</h1>
            <span class=if detail.published { "badge badge-current" } else { "badge badge-draft" }>
                {if detail.published { i18n.t("process-published") } else { i18n.t("process-draft") }}
            </span>
            <a class="button secondary" href=format!("/p/{id}") rel="external">{i18n.t("editor-view-public")}</a>
            <ActionForm action=publish attr:class="inline">
                <input type="hidden" name="id" value=id.to_string() />
                <input type="hidden" name="published" value=(!detail.published).to_string() />
                <button type="submit" data-test="publish-toggle">
                    {if detail.published { i18n.t("editor-unpublish") } else { i18n.t("editor-publish") }}
                </button>
            </ActionForm>
        </header>
        <section class="panel" aria-labelledby="basics-heading">
            <h2 id="basics-heading">{i18n.t("editor-basics")}</h2>
            <ActionForm action=update attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id.to_string() />
                <FormError error=update_errors />
                <Field name="name" label=i18n.t("process-name") value=detail.name.clone() required=true
                    maxlength=NAME_MAX error=field_error(update_errors, "name") />
                <Field name="municipality" label=i18n.t("process-municipality") value=detail.municipality.clone()
                    required=true maxlength=NAME_MAX error=field_error(update_errors, "municipality") />
                <TextArea name="description" label=i18n.t("process-description") value=detail.description.clone()
                    maxlength=DESCRIPTION_MAX rows=6 error=field_error(update_errors, "description") />
                <button type="submit">{i18n.t("save")}</button>
                <p class="status" role="status">{move || saved.get().then(|| i18n.t("saved"))}</p>
            </ActionForm>
        </section>
        {section(id)}
        <PhasesSection process=id phases=detail.phases refresh=refresh />
        <GoalsSection process=id field=None goals=detail.goals refresh=refresh />
        <ActionFieldsSection process=id fields=detail.action_fields refresh=refresh />
        <ThemesSection process=id themes=detail.themes refresh=refresh />
    }
}

#[component]
fn PhasesSection(process: ProcessId, phases: Vec<Phase>, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let add = refreshing::<AddPhase>(refresh);
    let errors = action_error(add);
    let count = phases.len();
    view! {
        <section class="panel" aria-labelledby="phases-edit-heading">
            <h2 id="phases-edit-heading">{i18n.t("process-phases")}</h2>
            <ol class="edit-list" data-test="phase-list">
                {phases.into_iter().enumerate().map(|(i, p)| view! {
                    <PhaseRow phase=p first=i == 0 last=i + 1 == count refresh=refresh />
                }).collect_view()}
            </ol>
            <h3>{i18n.t("phase-add")}</h3>
            <ActionForm action=add attr:class="form row-form" attr:novalidate=true>
                <input type="hidden" name="process_id" value=process.to_string() />
                <FormError error=errors />
                <Field name="name" id_prefix="new-phase-" label=i18n.t("phase-name") required=true maxlength=NAME_MAX
                    error=field_error(errors, "name") />
                <Field name="starts_on" id_prefix="new-phase-" kind="date" label=i18n.t("phase-starts-on")
                    error=field_error(errors, "starts_on") />
                <Field name="ends_on" id_prefix="new-phase-" kind="date" label=i18n.t("phase-ends-on")
                    error=field_error(errors, "ends_on") />
                <button type="submit">{i18n.t("phase-add")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn PhaseRow(phase: Phase, first: bool, last: bool, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let update = refreshing::<UpdatePhase>(refresh);
    let errors = action_error(update);
    let id = phase.id.to_string();
    let prefix = format!("phase-{id}-");
    let name = phase.name.clone();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let save_label = i18n.ta("save-named", &[("name", name.clone())]);
    let current = if phase.is_current {
        view! { <span class="badge badge-current">{i18n.t("phase-current")}</span> }.into_any()
    } else {
        id_button!(SetCurrentPhase, refresh, id.clone(), i18n.t("phase-make-current"), name.clone(), "secondary")
            .into_any()
    };
    let moves = move_buttons!(MovePhase, refresh, id.clone(), name.clone(), first, last);
    let delete = id_button!(DeletePhase, refresh, id.clone(), i18n.t("delete"), name, "danger");
    view! {
        <li class="edit-row" class:current=phase.is_current>
            <ActionForm action=update attr:class="form row-form" attr:novalidate=true>
                <input type="hidden" name="id" value=id.clone() />
                <FormError error=errors />
                <Field name="name" id_prefix=prefix.clone() label=i18n.t("phase-name") value=phase.name.clone()
                    required=true maxlength=NAME_MAX error=field_error(errors, "name") />
                <Field name="starts_on" id_prefix=prefix.clone() kind="date" label=i18n.t("phase-starts-on")
                    value=date(phase.starts_on) error=field_error(errors, "starts_on") />
                <Field name="ends_on" id_prefix=prefix.clone() kind="date" label=i18n.t("phase-ends-on")
                    value=date(phase.ends_on) error=field_error(errors, "ends_on") />
                <button type="submit" aria-label=save_label>{i18n.t("save")}</button>
            </ActionForm>
            <div class="row-actions">{current} {moves} {delete}</div>
        </li>
    }
}

#[component]
fn GoalsSection(
    process: ProcessId,
    field: Option<ActionFieldId>,
    goals: Vec<Goal>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let add = refreshing::<AddGoal>(refresh);
    let errors = action_error(add);
    let prefix = field.map_or_else(|| "goal-".to_owned(), |f| format!("field-{f}-goal-"));
    let list = view! {
        <ul class="edit-list compact">
            {goals.into_iter().map(|g| {
                let title = g.title.clone();
                view! {
                    <li class="edit-row">
                        <span>{g.title}</span>
                        {id_button!(DeleteGoal, refresh, g.id.to_string(), i18n.t("delete"), title, "danger")}
                    </li>
                }
            }).collect_view()}
        </ul>
        <ActionForm action=add attr:class="form row-form" attr:novalidate=true>
            <input type="hidden" name="process_id" value=process.to_string() />
            {field.map(|f| view! { <input type="hidden" name="action_field_id" value=f.to_string() /> })}
            <FormError error=errors />
            <Field name="title" id_prefix=prefix label=i18n.t("goal-title") required=true maxlength=GOAL_MAX
                error=field_error(errors, "title") />
            <button type="submit">{i18n.t("goal-add")}</button>
        </ActionForm>
    };
    if field.is_some() {
        view! { <div class="subpanel"><h4>{i18n.t("process-field-goals")}</h4>{list}</div> }.into_any()
    } else {
        view! {
            <section class="panel" aria-labelledby="goals-edit-heading">
                <h2 id="goals-edit-heading">{i18n.t("process-goals")}</h2>
                {list}
            </section>
        }
        .into_any()
    }
}

#[component]
fn ActionFieldsSection(process: ProcessId, fields: Vec<ActionField>, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let add = refreshing::<AddActionField>(refresh);
    let errors = action_error(add);
    let count = fields.len();
    view! {
        <section class="panel" aria-labelledby="fields-edit-heading">
            <h2 id="fields-edit-heading">{i18n.t("process-action-fields")}</h2>
            <ol class="edit-list" data-test="action-field-list">
                {fields.into_iter().enumerate().map(|(i, f)| view! {
                    <ActionFieldRow process=process field=f first=i == 0 last=i + 1 == count refresh=refresh />
                }).collect_view()}
            </ol>
            <h3>{i18n.t("action-field-add")}</h3>
            <ActionForm action=add attr:class="form" attr:novalidate=true>
                <input type="hidden" name="process_id" value=process.to_string() />
                <FormError error=errors />
                <Field name="name" id_prefix="new-field-" label=i18n.t("action-field-name") required=true
                    maxlength=NAME_MAX error=field_error(errors, "name") />
                <TextArea name="description" id_prefix="new-field-" label=i18n.t("action-field-description")
                    maxlength=ACTION_FIELD_DESCRIPTION_MAX rows=3 error=field_error(errors, "description") />
                <button type="submit">{i18n.t("action-field-add")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ActionFieldRow(
    process: ProcessId,
    field: ActionField,
    first: bool,
    last: bool,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let update = refreshing::<UpdateActionField>(refresh);
    let errors = action_error(update);
    let id = field.id.to_string();
    let prefix = format!("field-{id}-");
    let name = field.name.clone();
    let save_label = i18n.ta("save-named", &[("name", name.clone())]);
    let moves = move_buttons!(MoveActionField, refresh, id.clone(), name.clone(), first, last);
    let delete = id_button!(DeleteActionField, refresh, id.clone(), i18n.t("delete"), name, "danger");
    view! {
        <li class="edit-row block">
            <ActionForm action=update attr:class="form" attr:novalidate=true>
                <input type="hidden" name="id" value=id.clone() />
                <FormError error=errors />
                <Field name="name" id_prefix=prefix.clone() label=i18n.t("action-field-name") value=field.name.clone()
                    required=true maxlength=NAME_MAX error=field_error(errors, "name") />
                <TextArea name="description" id_prefix=prefix label=i18n.t("action-field-description")
                    value=field.description.clone() maxlength=ACTION_FIELD_DESCRIPTION_MAX rows=3
                    error=field_error(errors, "description") />
                <button type="submit" aria-label=save_label>{i18n.t("save")}</button>
            </ActionForm>
            <div class="row-actions">{moves} {delete}</div>
            <GoalsSection process=process field=Some(field.id) goals=field.goals refresh=refresh />
        </li>
    }
}

#[component]
fn ThemesSection(process: ProcessId, themes: Vec<Theme>, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let add = refreshing::<AddTheme>(refresh);
    let errors = action_error(add);
    view! {
        <section class="panel" aria-labelledby="themes-edit-heading">
            <h2 id="themes-edit-heading">{i18n.t("process-themes")}</h2>
            <ul class="tags">
                {themes.into_iter().map(|t| {
                    let name = t.name.clone();
                    view! {
                        <li class="tag">
                            {t.name}
                            {id_button!(DeleteTheme, refresh, t.id.to_string(), i18n.t("remove"), name, "tag-remove")}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=add attr:class="form row-form" attr:novalidate=true>
                <input type="hidden" name="process_id" value=process.to_string() />
                <FormError error=errors />
                <Field name="name" id_prefix="theme-" label=i18n.t("theme-name") required=true maxlength=THEME_MAX
                    error=field_error(errors, "name") />
                <button type="submit">{i18n.t("theme-add")}</button>
            </ActionForm>
        </section>
    }
}
