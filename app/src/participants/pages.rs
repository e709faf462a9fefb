//! Participant pages of joining: the "join with code" box of the start page, the notice of a
//! workshop that is not open, and the join form with its privacy notice.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::workshops::components::WorkshopFacts;
use crate::{
    error::AppError,
    i18n::use_i18n,
    participants::api::{FindWorkshop, JoinWorkshop},
    ui::{Field, FormError, SelectField, action_error, field_error},
    workshops::types::{Entry, OrgType, WorkshopInfo, WorkshopState},
};

/// The "join with code" box of the start page.
#[component]
pub fn JoinWithCode() -> impl IntoView {
    let i18n = use_i18n();
    let find = ServerAction::<FindWorkshop>::new();
    let errors = action_error(find);
    view! {
        <section class="panel join-code" aria-labelledby="join-code-heading">
            <h2 id="join-code-heading">{i18n.t("join-with-code")}</h2>
            <ActionForm action=find attr:class="inline-form" attr:novalidate=true>
                <Field name="code" label=i18n.t("join-code-label") maxlength=9 autocomplete="off"
                    hint=i18n.t("join-code-hint") error=field_error(errors, "code") />
                <button type="submit">{i18n.t("join-code-go")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn NotOpen(info: WorkshopInfo, #[prop(optional)] mine: Vec<crate::workshops::types::OwnFate>) -> impl IntoView {
    let i18n = use_i18n();
    let message = if info.state == WorkshopState::Draft { i18n.t("ws-not-started") } else { i18n.t("ws-closed") };
    view! {
        <Title text=info.title.clone() />
        <section class="narrow" data-test="ws-not-open">
            <p class="eyebrow" dir="auto">{info.process_name.clone()}</p>
            <h1 dir="auto">{info.title.clone()}</h1>
            <WorkshopFacts info=info.clone() />
            <p class="notice" role="status">{message}</p>
            {(!mine.is_empty()).then(|| view! {
                <section aria-labelledby="mine-heading" data-test="mine-fates">
                    <h2 id="mine-heading">{i18n.t("ws-mine")}</h2>
                    <ul class="fates">
                        {mine.into_iter().map(|m| view! {
                            <li data-test="mine-fate"><strong>{m.title}</strong><br />
                                {crate::plan::types::fate_text(i18n.lang, m.fate.as_ref())}
                                {match m.fate {
                                    Some(crate::workshops::types::Fate::Taken(list)) => list.into_iter().map(|x| view! {
                                        " "<a href=format!("/m/{}", x.id)>{i18n.t("fate-open")}</a>
                                    }).collect_view().into_any(),
                                    _ => ().into_any(),
                                }}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <p><a href=format!("/p/{}", info.process_id)>{i18n.t("ws-to-process")}</a></p>
        </section>
    }
}

#[component]
pub fn JoinView(info: WorkshopInfo, entry: Resource<Result<Entry, AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let join = ServerAction::<JoinWorkshop>::new();
    let errors = action_error(join);
    Effect::watch(
        move || join.version().get(),
        move |_, _, _: Option<()>| {
            if matches!(join.value().get_untracked(), Some(Ok(_))) {
                entry.refetch();
            }
        },
        false,
    );
    let org_types = OrgType::ALL.iter().map(|t| (t.as_str().to_owned(), i18n.t(t.label_key()))).collect::<Vec<_>>();
    let consent_error = field_error(errors, "consent");
    view! {
        <Title text=i18n.ta("join-title", &[("title", info.title.clone())]) />
        <section class="narrow" data-test="join">
            <p class="eyebrow" dir="auto">{info.process_name.clone()}</p>
            <h1 dir="auto">{info.title.clone()}</h1>
            <WorkshopFacts info=info.clone() />
            <p class="lead">{i18n.t("join-lead")}</p>
            <ActionForm action=join attr:class="form" attr:novalidate=true>
                <FormError error=errors />
                <input type="hidden" name="code" value=info.join_code.clone() />
                <Field name="display_name" label=i18n.t("join-display-name") maxlength=crate::workshops::types::DISPLAY_NAME_MAX
                    autocomplete="nickname" hint=i18n.t("join-display-name-hint") error=field_error(errors, "display_name") />
                <Field name="organisation" label=i18n.t("join-organisation") maxlength=crate::workshops::types::ORGANISATION_MAX
                    autocomplete="organization" error=field_error(errors, "organisation") />
                <SelectField name="org_type" label=i18n.t("join-org-type") options=org_types
                    empty=i18n.t("join-org-type-none") error=field_error(errors, "org_type") />
                <div class="privacy" id="privacy-notice">
                    <h2>{i18n.t("privacy-heading")}</h2>
                    <p>{i18n.t("privacy-text")}</p>
                </div>
                <div class="field checkbox" class:field-invalid=move || consent_error.get().is_some()>
                    <input type="checkbox" id="consent" name="consent" value="yes" required
                        aria-describedby="privacy-notice consent-error"
                        aria-invalid=move || consent_error.get().is_some().then_some("true") />
                    <label for="consent">{i18n.t("join-consent")}</label>
                    <p class="field-error" id="consent-error" aria-live="polite">
                        {move || consent_error.get().map(|m| i18n.msg(&m))}
                    </p>
                </div>
                <button type="submit" data-test="join-submit">{i18n.t("join-submit")}</button>
            </ActionForm>
        </section>
    }
}
