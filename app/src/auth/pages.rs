//! Log-in page, first-start setup page, each staff member's password page and the admin's
//! account management.
//!
//! Log-in and setup post as plain forms, with or without JavaScript: the whole page reloads
//! with the new session, so every part of it knows who is logged in.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    api::{ChangePassword, CompleteSetup, CreateUser, Login, SetUserActive, list_users, setup_token_valid},
    types::{CurrentUser, Role, UserSummary},
};
use crate::{
    error::AppError,
    i18n::use_i18n,
    ui::{Empty, ErrorPage, Field, FormError, Loading, action_error, field_error},
    validate::PASSWORD_MIN,
};

/// The logged-in staff member of this page, loaded once by the application frame.
#[derive(Clone, Copy)]
pub struct CurrentUserResource(pub Resource<Result<Option<CurrentUser>, AppError>>);

/// Shows its children to organizers and admins; others get the fitting error page (401/403).
/// The server functions behind the children check again: this only spares a useless form.
#[component]
pub fn RequireOrganizer(children: ChildrenFn) -> impl IntoView {
    guard(children, |u| matches!(u.role, Role::Admin | Role::Organizer))
}

/// Shows its children to every logged-in staff member; visitors get the login error page (401).
#[component]
pub fn RequireStaff(children: ChildrenFn) -> impl IntoView {
    guard(children, |_| true)
}

fn guard(children: ChildrenFn, allowed: fn(&CurrentUser) -> bool) -> impl IntoView {
    let user = use_context::<CurrentUserResource>();
    view! {
        <Suspense fallback=Loading>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let result = match user {
                        Some(CurrentUserResource(resource)) => resource.await,
                        None => Ok(None),
                    };
                    match result {
                        Ok(Some(u)) if allowed(&u) => children().into_any(),
                        Ok(Some(_)) => view! { <ErrorPage error=AppError::Forbidden /> }.into_any(),
                        Ok(None) => view! { <ErrorPage error=AppError::Unauthenticated /> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let errors = action_error(ServerAction::<Login>::new());
    view! {
        <Title text=i18n.t("login-title") />
        <section class="narrow">
            <h1>{i18n.t("login-title")}</h1>
            <p>{i18n.t("login-intro")}</p>
            <form method="post" action=Login::url() class="form" novalidate>
                <FormError error=errors />
                <Field name="email" kind="email" label=i18n.t("field-email-label") required=true
                    autocomplete="username" error=field_error(errors, "email") />
                <Field name="password" kind="password" label=i18n.t("field-password-label") required=true
                    autocomplete="current-password" error=field_error(errors, "password") />
                <button type="submit">{i18n.t("login-submit")}</button>
            </form>
        </section>
    }
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let valid = Resource::new(token, setup_token_valid);
    let errors = action_error(ServerAction::<CompleteSetup>::new());
    view! {
        <Title text=i18n.t("setup-title") />
        <section class="narrow">
            <h1>{i18n.t("setup-title")}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match valid.await {
                        Ok(true) => view! {
                            <p>{i18n.t("setup-intro")}</p>
                            <form method="post" action=CompleteSetup::url() class="form" novalidate>
                                <input type="hidden" name="token" value=token() />
                                <FormError error=errors />
                                <Field name="email" kind="email" label=i18n.t("field-email-label") required=true
                                    autocomplete="username" error=field_error(errors, "email") />
                                <Field name="password" kind="password" label=i18n.t("field-password-label")
                                    required=true autocomplete="new-password"
                                    hint=i18n.ta("hint-password", &[("min", PASSWORD_MIN.to_string())])
                                    error=field_error(errors, "password") />
                                <Field name="password_repeat" kind="password" label=i18n.t("field-password-repeat-label")
                                    required=true autocomplete="new-password" error=field_error(errors, "password_repeat") />
                                <button type="submit">{i18n.t("setup-submit")}</button>
                            </form>
                        }.into_any(),
                        Ok(false) => view! { <p role="alert">{i18n.t("setup-invalid")}</p> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// `/staff/password`: a staff member changes their own password; their other sessions end.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangePassword>::new();
    let errors = action_error(change);
    let query = leptos_router::hooks::use_query_map();
    // Said after a change: the action's answer, or (a form posted without JavaScript) the page
    // the change redirected to. An error after it says only the error.
    let changed = Signal::derive(move || match change.value().get() {
        Some(result) => result.is_ok(),
        None => query.with(|q| q.get("changed").is_some()),
    });
    view! {
        <Title text=i18n.t("password-title") />
        <RequireStaff>
            <section class="narrow">
                <h1>{i18n.t("password-title")}</h1>
                <p>{i18n.t("password-intro")}</p>
                <ActionForm action=change attr:class="form" attr:novalidate=true>
                    <FormError error=errors />
                    <Field name="current_password" kind="password" label=i18n.t("password-current-label")
                        required=true autocomplete="current-password" error=field_error(errors, "current_password") />
                    <Field name="password" kind="password" label=i18n.t("password-new-label") required=true
                        autocomplete="new-password" hint=i18n.ta("hint-password", &[("min", PASSWORD_MIN.to_string())])
                        error=field_error(errors, "password") />
                    <Field name="password_repeat" kind="password" label=i18n.t("field-password-repeat-label")
                        required=true autocomplete="new-password" error=field_error(errors, "password_repeat") />
                    <button type="submit">{i18n.t("password-submit")}</button>
                    <p class="status" role="status">{move || changed.get().then(|| i18n.t("password-changed"))}</p>
                </ActionForm>
            </section>
        </RequireStaff>
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateUser>::new();
    let toggle = ServerAction::<SetUserActive>::new();
    let users = Resource::new(move || (create.version().get(), toggle.version().get()), |_| list_users());
    let errors = action_error(create);
    let toggle_errors = action_error(toggle);
    view! {
        <Title text=i18n.t("users-title") />
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match users.await {
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    Ok(list) => view! {
                        <h1>{i18n.t("users-title")}</h1>
                        <FormError error=toggle_errors />
                        <UserTable list=list toggle=toggle />
                        <section class="panel narrow-panel" aria-labelledby="new-user-heading">
                            <h2 id="new-user-heading">{i18n.t("users-new")}</h2>
                            <p>{i18n.t("users-new-intro")}</p>
                            <ActionForm action=create attr:class="form" attr:novalidate=true>
                                <FormError error=errors />
                                <Field name="email" kind="email" label=i18n.t("field-email-label") required=true
                                    error=field_error(errors, "email") />
                                <div class="field">
                                    <label for="role">{i18n.t("users-role")}</label>
                                    <select id="role" name="role">
                                        {Role::ALL.into_iter().rev().map(|r| view! {
                                            <option value=r.as_str()>{i18n.t(r.label_key())}</option>
                                        }).collect_view()}
                                    </select>
                                    <p class="field-error">{move || field_error(errors, "role").get().map(|m| i18n.msg(&m))}</p>
                                </div>
                                <button type="submit">{i18n.t("users-create")}</button>
                            </ActionForm>
                            {move || create.value().get().and_then(Result::ok).map(|created| view! {
                                <div class="notice" role="status" data-test="created-user">
                                    <p>{i18n.ta("users-created", &[("email", created.email.clone())])}</p>
                                    <p><code data-test="created-password">{created.password.clone()}</code></p>
                                    <p class="hint">{i18n.t("users-created-hint")}</p>
                                </div>
                            })}
                        </section>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn UserTable(list: Vec<UserSummary>, toggle: ServerAction<SetUserActive>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <Empty text=i18n.t("users-none") /> }.into_any();
    }
    view! {
        <table class="table" data-test="user-table">
            <thead>
                <tr>
                    <th scope="col">{i18n.t("field-email-label")}</th>
                    <th scope="col">{i18n.t("users-role")}</th>
                    <th scope="col">{i18n.t("users-status")}</th>
                    <th scope="col"><span class="visually-hidden">{i18n.t("users-actions")}</span></th>
                </tr>
            </thead>
            <tbody>
                {list.into_iter().map(|u| {
                    let label = if u.active { i18n.t("users-deactivate") } else { i18n.t("users-activate") };
                    view! {
                        <tr>
                            <td>{u.email.clone()}</td>
                            <td>{i18n.t(u.role.label_key())}</td>
                            <td>{if u.active { i18n.t("users-active") } else { i18n.t("users-inactive") }}</td>
                            <td>
                                <ActionForm action=toggle attr:class="inline">
                                    <input type="hidden" name="id" value=u.id.0.to_string() />
                                    <input type="hidden" name="active" value=(!u.active).to_string() />
                                    <button type="submit" class="secondary" aria-label=format!("{label}: {}", u.email)>{label.clone()}</button>
                                </ActionForm>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
