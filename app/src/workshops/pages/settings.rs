//! The settings of a workshop: the fields, the new-workshop page and the settings panel.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    auth::pages::RequireOrganizer,
    error::AppError,
    i18n::use_i18n,
    processes::api::get_process_for_edit,
    ui::{ErrorPage, Field, FormError, Loading, SelectField, action_error, field_error},
    workshops::{
        api::{CreateWorkshop, UpdateWorkshop},
        types::{
            FieldRef, LINK_MAX, PARTICIPANTS_DEFAULT, PLACE_MAX, TITLE_MAX, WorkshopAdmin, WorkshopInfo, WorkshopMode,
        },
    },
};

/// Title, time, mode, place, link and action fields: the settings form of a workshop.
#[component]
pub fn WorkshopSettingsFields(
    info: Option<WorkshopInfo>,
    process_fields: Vec<FieldRef>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let modes = WorkshopMode::ALL.iter().map(|m| (m.as_str().to_owned(), i18n.t(m.label_key()))).collect::<Vec<_>>();
    let chosen: Vec<_> = info.as_ref().map(|i| i.fields.iter().map(|f| f.id).collect()).unwrap_or_default();
    let fields_error = field_error(errors, "action_fields");
    view! {
        <Field name="title" label=i18n.t("ws-title") value=info.as_ref().map(|i| i.title.clone()).unwrap_or_default()
            required=true maxlength=TITLE_MAX error=field_error(errors, "title") />
        <Field name="starts_at" kind="datetime-local" label=i18n.t("ws-starts")
            value=info.as_ref().and_then(|i| i.starts_at).map(|d| d.format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
            error=field_error(errors, "starts_at") />
        <SelectField name="mode" label=i18n.t("ws-mode") options=modes
            selected=info.as_ref().map_or("in_person", |i| i.mode.as_str()).to_owned() error=field_error(errors, "mode") />
        <Field name="place" label=i18n.t("ws-place") value=info.as_ref().map(|i| i.place.clone()).unwrap_or_default()
            maxlength=PLACE_MAX error=field_error(errors, "place") />
        <Field name="meeting_link" kind="url" label=i18n.t("ws-link")
            value=info.as_ref().map(|i| i.meeting_link.clone()).unwrap_or_default()
            maxlength=LINK_MAX error=field_error(errors, "meeting_link") />
        <fieldset class="field checkboxes" aria-describedby="action-fields-hint action-fields-error">
            <legend>{i18n.t("ws-fields")}</legend>
            <p class="hint" id="action-fields-hint">{i18n.t("ws-fields-hint")}</p>
            {process_fields.into_iter().map(|f| {
                let id = format!("af-{}", f.id);
                let checked = chosen.contains(&f.id);
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() name="action_fields[]" value=f.id.to_string() checked=checked />
                        <label for=id>{f.name}</label>
                    </div>
                }
            }).collect_view()}
            <p class="field-error" id="action-fields-error" aria-live="polite">{move || fields_error.get().map(|m| i18n.msg(&m))}</p>
        </fieldset>
        <Field name="max_participants" kind="number" label=i18n.t("ws-max-participants")
            value=info.as_ref().map_or(PARTICIPANTS_DEFAULT, |i| i.max_participants).to_string()
            hint=i18n.t("ws-max-participants-hint") error=field_error(errors, "max_participants") />
        <LanguageChoice offer=info.map(|i| i.languages).unwrap_or_default() errors=errors />
    }
}

/// Checkboxes for the languages participant pages offer; German is always offered.
#[component]
pub fn LanguageChoice(offer: crate::i18n::Offer, errors: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let error = field_error(errors, "languages");
    view! {
        <fieldset class="field checkboxes" aria-describedby="languages-hint languages-error" data-test="languages">
            <legend>{i18n.t("ws-languages")}</legend>
            <p class="hint" id="languages-hint">{i18n.t("ws-languages-hint")}</p>
            // German is always offered; sent so that "nothing ticked" reads as German only.
            <input type="hidden" name="languages[]" value="de" />
            {crate::i18n::Lang::all().filter(|l| *l != crate::i18n::Lang::default()).map(|lang| {
                let id = format!("lang-{}", lang.code());
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() name="languages[]" value=lang.code() checked=offer.offers(lang) />
                        <label for=id lang=lang.code() dir=lang.dir()>{lang.own_name()}</label>
                    </div>
                }
            }).collect_view()}
            <p class="field-error" id="languages-error" aria-live="polite">{move || error.get().map(|m| i18n.msg(&m))}</p>
        </fieldset>
    }
}

/// `/staff/processes/{id}/workshops/new`.
#[component]
pub fn NewWorkshopPage() -> impl IntoView {
    let i18n = use_i18n();
    let _params = use_params_map();
    let process =
        Resource::new(crate::ui::route_id("id", crate::processes::types::ProcessId::parse), |id| async move {
            get_process_for_edit(id?).await
        });
    view! {
        <Title text=i18n.t("ws-new") />
        <RequireOrganizer>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match process.await {
                        Ok(p) => {
                            let create = ServerAction::<CreateWorkshop>::new();
                            let errors = action_error(create);
                            let fields = p.action_fields.iter().map(|f| FieldRef { id: f.id, name: f.name.clone() }).collect();
                            view! {
                                <section class="narrow">
                                    <p class="eyebrow">{p.name.clone()}</p>
                                    <h1>{i18n.t("ws-new")}</h1>
                                    <ActionForm action=create attr:class="form" attr:novalidate=true>
                                        <FormError error=errors />
                                        <input type="hidden" name="process_id" value=p.id.to_string() />
                                        <WorkshopSettingsFields info=None process_fields=fields errors=errors />
                                        <button type="submit">{i18n.t("ws-create")}</button>
                                    </ActionForm>
                                </section>
                            }.into_any()
                        }
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireOrganizer>
    }
}

#[component]
pub fn WorkshopSettings(admin: WorkshopAdmin, update: ServerAction<UpdateWorkshop>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = action_error(update);
    let saved = Signal::derive(move || matches!(update.value().get(), Some(Ok(()))));
    view! {
        <section class="panel" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{i18n.t("ws-settings")}</h2>
            <ActionForm action=update attr:class="form" attr:novalidate=true>
                <FormError error=errors />
                <input type="hidden" name="id" value=admin.info.id.to_string() />
                <WorkshopSettingsFields info=Some(admin.info.clone()) process_fields=admin.process_fields.clone() errors=errors />
                <fieldset class="field checkboxes">
                    <legend>{i18n.t("ws-moderators")}</legend>
                    {admin.staff.into_iter().map(|s| {
                        let id = format!("mod-{}", s.id.0);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=id.clone() name="moderators[]" value=s.id.0.to_string() checked=s.assigned />
                                <label for=id>{s.email}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <button type="submit">{i18n.t("save")}</button>
                <p class="status" role="status">{move || saved.get().then(|| i18n.t("saved"))}</p>
            </ActionForm>
        </section>
    }
}
