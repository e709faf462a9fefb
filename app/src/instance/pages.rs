//! `/barrierefreiheit`, the accessibility statement (every language, no wasm), and
//! `/staff/settings`, where the admin sets what it names.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    api::{SaveInstanceSettings, get_instance_settings, get_statement},
    types::{ADDRESS_MAX, EMAIL_MAX, MUNICIPALITY_MAX, PHONE_MAX, Statement},
};
use crate::{
    i18n::{Lang, use_i18n},
    ui::{ErrorPage, Field, FormError, Loading, TextArea, action_error, field_error},
};

/// `/barrierefreiheit`: the *Erklärung zur Barrierefreiheit* BITV 2.0 asks for.
#[component]
pub fn StatementPage() -> impl IntoView {
    let i18n = use_i18n();
    let statement = Resource::new(|| (), |()| get_statement());
    view! {
        <Title text=i18n.t("a11y-title") />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match statement.await {
                    Ok(s) => view! { <StatementView s=s /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StatementView(s: Statement) -> impl IntoView {
    let i18n = use_i18n();
    let settings = s.settings.clone();
    let municipality = if settings.municipality.is_empty() {
        i18n.t("a11y-municipality-default")
    } else {
        settings.municipality.clone()
    };
    let contact = settings.has_contact().then(|| {
        let email = settings.contact_email.clone();
        view! {
            <dl class="statement-contact" data-test="a11y-contact">
                {(!email.is_empty()).then(|| view! {
                    <dt>{i18n.t("a11y-email")}</dt>
                    <dd><a href=format!("mailto:{email}")>{email.clone()}</a></dd>
                })}
                {(!settings.contact_phone.is_empty()).then(|| view! {
                    <dt>{i18n.t("a11y-phone")}</dt>
                    <dd dir="ltr"><bdi>{settings.contact_phone.clone()}</bdi></dd>
                })}
                {(!settings.contact_address.is_empty()).then(|| view! {
                    <dt>{i18n.t("a11y-address")}</dt>
                    <dd class="prewrap" lang="de" dir="auto">{settings.contact_address.clone()}</dd>
                })}
            </dl>
        }
    });
    let languages = Lang::all()
        .enumerate()
        .map(|(i, l)| view! { {(i > 0).then_some(" · ")}<bdi lang=l.code()>{l.own_name()}</bdi> })
        .collect_view();
    view! {
        <article class="narrow statement" data-test="a11y-statement">
            <h1>{i18n.t("a11y-title")}</h1>
            <p>{i18n.ta("a11y-intro", &[("municipality", municipality)])}</p>
            <p>{i18n.ta("a11y-scope", &[("site", s.site.clone())])}</p>
            <h2>{i18n.t("a11y-status-heading")}</h2>
            <p data-test="a11y-status">{i18n.t("a11y-status")}</p>
            <h2>{i18n.t("a11y-known-heading")}</h2>
            <ul>
                <li>{i18n.t("a11y-known-dgs")}</li>
                <li>{i18n.t("a11y-known-user-text")}</li>
                <li>{i18n.t("a11y-known-staff")}</li>
                <li>{i18n.t("a11y-known-manual")}</li>
            </ul>
            <h2>{i18n.t("a11y-method-heading")}</h2>
            <p data-test="a11y-method">
                {i18n.ta("a11y-method", &[("version", s.version.clone()), ("date", i18n.date(s.checked_on))])}
            </p>
            <ul>
                <li>{i18n.t("a11y-method-axe")}</li>
                <li>{i18n.t("a11y-method-html")}</li>
                <li>{i18n.t("a11y-method-keyboard")}</li>
                <li>{i18n.t("a11y-method-zoom")}</li>
                <li>{i18n.t("a11y-method-rtl")}</li>
            </ul>
            <p>{i18n.t("a11y-languages")}" "<span class="lang-list">{languages}</span></p>
            <h2>{i18n.t("a11y-feedback-heading")}</h2>
            {if contact.is_some() {
                view! { <p>{i18n.t("a11y-feedback")}</p>{contact} }.into_any()
            } else {
                view! { <p class="notice" data-test="a11y-no-contact">{i18n.t("a11y-feedback-missing")}</p> }.into_any()
            }}
            <h2>{i18n.t("a11y-enforcement-heading")}</h2>
            <p>{i18n.t("a11y-enforcement")}</p>
            <address>
                <span lang="de">{i18n.t("a11y-enforcement-body")}</span><br />
                <span dir="auto">{i18n.t("a11y-enforcement-address")}</span>
            </address>
        </article>
    }
}

/// `/staff/settings`: the admin sets the municipality and the feedback contact.
#[component]
pub fn InstanceSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveInstanceSettings>::new();
    let settings = Resource::new(move || save.version().get(), |_| get_instance_settings());
    let errors = action_error(save);
    let saved = Signal::derive(move || matches!(save.value().get(), Some(Ok(()))));
    view! {
        <Title text=i18n.t("settings-title") />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match settings.await {
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    Ok(s) => view! {
                        <section class="narrow">
                            <h1>{i18n.t("settings-title")}</h1>
                            <p>{i18n.t("settings-hint")}" "<a href="/barrierefreiheit" rel="external">{i18n.t("settings-open-statement")}</a></p>
                            <ActionForm action=save attr:class="form" attr:novalidate=true attr:data-test="instance-settings">
                                <FormError error=errors />
                                <Field name="municipality" label=i18n.t("settings-municipality") value=s.municipality.clone()
                                    maxlength=MUNICIPALITY_MAX error=field_error(errors, "municipality") />
                                <Field name="contact_email" kind="email" label=i18n.t("settings-contact-email")
                                    value=s.contact_email.clone() maxlength=EMAIL_MAX autocomplete="email"
                                    error=field_error(errors, "contact_email") />
                                <Field name="contact_phone" kind="tel" label=i18n.t("settings-contact-phone")
                                    value=s.contact_phone.clone() maxlength=PHONE_MAX error=field_error(errors, "contact_phone") />
                                <TextArea name="contact_address" label=i18n.t("settings-contact-address")
                                    value=s.contact_address.clone() maxlength=ADDRESS_MAX rows=3
                                    error=field_error(errors, "contact_address") />
                                <Field name="checked_on" kind="date" label=i18n.t("settings-checked-on")
                                    value=s.checked_on.map(|d| d.to_string()).unwrap_or_default()
                                    hint=i18n.t("settings-checked-on-hint") error=field_error(errors, "checked_on") />
                                <button type="submit" data-test="settings-save">{i18n.t("save")}</button>
                                <p class="status-ok" role="status">{move || saved.get().then(|| i18n.t("saved"))}</p>
                            </ActionForm>
                        </section>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
