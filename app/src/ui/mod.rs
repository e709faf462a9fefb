//! Presentational kit: labelled fields with their messages, error views, empty states.

use leptos::{prelude::*, server::ServerAction, server_fn::ServerFn};
use leptos_meta::Title;

use crate::{
    error::{AppError, Msg},
    i18n::use_i18n,
};

/// A typed id from the current route's parameter `name` (a malformed one is `NotFound`), for a
/// resource's key.
pub fn route_id<T: 'static>(
    name: &'static str,
    parse: fn(&str) -> Result<T, AppError>,
) -> impl Fn() -> Result<T, AppError> + Clone + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || parse(&params.read().get(name).unwrap_or_default())
}

/// The error of a server action's last call, if it failed (also after a post without JavaScript).
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The message for one field of a form's error.
#[must_use]
pub fn field_error(errors: Signal<Option<AppError>>, field: &'static str) -> Signal<Option<Msg>> {
    Signal::derive(move || errors.get().and_then(|e| e.field(field)))
}

/// A labelled input with its hint and error, announced to screen readers.
#[component]
pub fn Field(
    /// The form field name (and, with `id_prefix`, its id).
    name: &'static str,
    label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional)] required: bool,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] id_prefix: Option<String>,
    #[prop(into)] error: Signal<Option<Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{}{name}", id_prefix.unwrap_or_default());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                required=required
                maxlength=maxlength.map(|m| m.to_string())
                autocomplete=autocomplete
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            <FieldMessage id=error_id error=error i18n=i18n />
        </div>
    }
}

/// A labelled multi-line input.
#[component]
pub fn TextArea(
    name: &'static str,
    label: String,
    #[prop(optional, into)] value: String,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional, into)] id_prefix: Option<String>,
    #[prop(default = 4)] rows: u32,
    #[prop(into)] error: Signal<Option<Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{}{name}", id_prefix.unwrap_or_default());
    let error_id = format!("{id}-error");
    let described = {
        let error_id = error_id.clone();
        move || error.get().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id.clone()
                name=name
                rows=rows
                maxlength=maxlength.map(|m| m.to_string())
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            >
                {value}
            </textarea>
            <FieldMessage id=error_id error=error i18n=i18n />
        </div>
    }
}

#[component]
fn FieldMessage(id: String, error: Signal<Option<Msg>>, i18n: crate::i18n::I18n) -> impl IntoView {
    view! {
        <p class="field-error" id=id aria-live="polite">
            {move || error.get().map(|m| i18n.msg(&m))}
        </p>
    }
}

/// The message of a failed form that is not about one field (rights, limits, conflicts).
#[component]
pub fn FormError(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-error" role="alert">
            {move || {
                error
                    .get()
                    .filter(|e| !matches!(e, AppError::Invalid(f) if !f.is_empty()))
                    .map(|e| view! { <p>{i18n.msg(&e.message())}</p> })
            }}
        </div>
    }
}

/// A whole page that could not be shown: 404, 403, login needed, or a server failure.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    crate::server::set_page_status(error.status());
    let title = match &error {
        AppError::NotFound => i18n.t("error-not-found-title"),
        AppError::Forbidden => i18n.t("error-forbidden-title"),
        AppError::Unauthenticated => i18n.t("error-unauthenticated-title"),
        _ => i18n.t("error-internal-title"),
    };
    let login = matches!(error, AppError::Unauthenticated);
    view! {
        <Title text=title.clone() />
        <section class="error-page" data-test="error-page">
            <h1>{title}</h1>
            <p>{i18n.msg(&error.message())}</p>
            <p>
                {login.then(|| view! { <a class="button" href="/login">{i18n.t("nav-login")}</a>" " })}
                <a href="/">{i18n.t("error-back-home")}</a>
            </p>
        </section>
    }
}

/// The page for addresses that lead nowhere (status 404).
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorPage error=AppError::NotFound /> }
}

/// A hint where a list has nothing yet.
#[component]
pub fn Empty(text: String) -> impl IntoView {
    view! { <p class="empty">{text}</p> }
}

/// The loading indicator inside `<Suspense>`.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" aria-busy="true">{i18n.t("loading")}</p> }
}

/// A labelled `<select>` with its error.
#[component]
pub fn SelectField(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    #[prop(optional, into)] empty: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] id_prefix: Option<String>,
    #[prop(into)] error: Signal<Option<Msg>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{}{name}", id_prefix.unwrap_or_default());
    let error_id = format!("{id}-error");
    let described = {
        let error_id = error_id.clone();
        move || error.get().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>
                {label}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </label>
            <select id=id.clone() name=name required=required
                aria-invalid=move || error.get().is_some().then_some("true") aria-describedby=described>
                {empty.map(|e| view! { <option value="">{e}</option> })}
                {options.into_iter().map(|(value, text)| {
                    let is = value == selected;
                    view! { <option value=value selected=is>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id aria-live="polite">{move || error.get().map(|m| i18n.msg(&m))}</p>
        </div>
    }
}

/// Bumps the page's refresh counter after each successful call of the action.
pub fn refreshing<S>(refresh: RwSignal<u32>) -> ServerAction<S>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let action = ServerAction::<S>::new();
    Effect::watch(
        move || action.version().get(),
        move |_, _, _: Option<()>| {
            if matches!(action.value().get_untracked(), Some(Ok(_))) {
                refresh.update(|v| *v += 1);
            }
        },
        false,
    );
    action
}
