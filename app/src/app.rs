//! The HTML shell, the application frame (header, language switch, footer) and the routes.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    hooks::use_location,
    path,
};

use crate::{
    auth::{
        api::{Logout, get_current_user},
        pages::{CurrentUserResource, LoginPage, PasswordPage, SetupPage, UsersPage},
        types::{CurrentUser, Role},
    },
    board::pages::{BeamerPage, StaffWorkshopPage, WorkshopPage},
    clustering::pages::ClusteringPageView,
    i18n::{I18n, Lang, use_i18n},
    instance::pages::{InstanceSettingsPage, StatementPage},
    participants::pages::JoinWithCode,
    plan::pages::{
        ComparePage, MeasureEditPage, MeasurePageView, PlanAdminPage, PlanPageView, PlanPrintView, PromotePage,
        WorkshopDocPage,
    },
    processes::pages::{HomePage, NewProcessPage, ProcessEditor, ProcessPage, StaffHome},
    proposals::pages::{ModeratorProposalPage, OwnProposalPage, ReportPage},
    surveys::pages::{
        answer::{AnswerPageView, SurveyStartPage},
        results::{ComparePage as SurveyComparePage, ResultsBeamerPage, ResultsPage},
        staff::{PreviewPage, SurveyEditPage, SurveysPage},
    },
    ui::NotFound,
    votes::pages::VotesPageView,
    workshops::pages::{MyWorkshops, NewWorkshopPage, ProcessWorkshops},
};

/// The language of this render: the request's on the server, `<html lang>` in the browser.
#[cfg(feature = "ssr")]
fn page_lang() -> Lang {
    // Staff pages come in German and English only; Turkish, Arabic … fall back to German.
    crate::server::page_lang()
}

#[cfg(not(feature = "ssr"))]
fn page_lang() -> Lang {
    document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_default()
}

/// Whether the page at this path hydrates: staff pages (and login, setup) load the wasm
/// bundle; participant and public pages never do (`docs/ARCHITECTURE.md`).
#[must_use]
pub fn hydrates(path: &str) -> bool {
    path == "/login" || path == "/staff" || path.starts_with("/staff/") || path.starts_with("/setup/")
}

/// The scripts of a page: the wasm bundle on staff pages, the small live script elsewhere.
#[cfg(feature = "ssr")]
#[component]
fn PageScripts() -> impl IntoView {
    let assets = crate::server::state().map(|s| s.assets).unwrap_or_default();
    if hydrates(&crate::server::request_path()) {
        let (js, wasm) = (format!("/pkg/{}", assets.js), format!("/pkg/{}", assets.wasm));
        let start =
            format!("import init, {{ hydrate }} from '{js}'; init({{ module_or_path: '{wasm}' }}).then(hydrate);");
        view! {
            <link rel="modulepreload" href=js.clone() />
            <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="" />
            <script type="module">{start}</script>
        }
        .into_any()
    } else {
        view! { <script src=format!("/pkg/{}", assets.live) defer></script> }.into_any()
    }
}

/// The HTML document around the application (server only).
#[cfg(feature = "ssr")]
pub fn shell(_options: leptos::config::LeptosOptions) -> impl IntoView {
    let lang = page_lang();
    let css = crate::server::state().map(|s| s.assets.css.clone()).unwrap_or_else(|_| "plenum.css".into());
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="stylesheet" href=format!("/pkg/{css}") />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <PageScripts />
                <leptos_meta::MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The document title. leptos_meta writes it into the server's HTML as it is, and titles come
/// from what staff typed (a workshop's, a process's name): on the server it is escaped here.
/// The browser sets `document.title` as text, so it gets the text as it is.
fn page_title(text: String) -> String {
    if cfg!(feature = "ssr") { text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;") } else { text }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = I18n { lang: page_lang() };
    provide_context(i18n);
    let user = Resource::new(|| (), |()| get_current_user());
    provide_context(CurrentUserResource(user));
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    let app_name = i18n.t("app-name");
    view! {
        <Title formatter=move |text: String| {
            page_title(if text.is_empty() { app_name.clone() } else { format!("{text} · {app_name}") })
        } />
        <Router>
            <a class="skip-link" href="#main">{i18n.t("skip-to-content")}</a>
            <Header user=user />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=|| view! { <HomePage><JoinWithCode /></HomePage> } ssr=SsrMode::Async />
                    <Route path=path!("/p/:id") view=ProcessPage ssr=SsrMode::Async />
                    <Route path=path!("/p/:id/plan") view=PlanPageView ssr=SsrMode::Async />
                    <Route path=path!("/p/:id/plan/print") view=PlanPrintView ssr=SsrMode::Async />
                    <Route path=path!("/m/:id") view=MeasurePageView ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/setup/:token") view=SetupPage ssr=SsrMode::Async />
                    <Route path=path!("/staff") view=|| view! { <StaffHome><MyWorkshops /></StaffHome> } ssr=SsrMode::Async />
                    <Route path=path!("/staff/processes/new") view=NewProcessPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/processes/:id") view=|| view! { <ProcessEditor section=workshops_of /> }
                        ssr=SsrMode::Async />
                    <Route path=path!("/staff/users") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/processes/:id/workshops/new") view=NewWorkshopPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/workshops/:id") view=StaffWorkshopPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/workshops/:id/beamer") view=BeamerPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/workshops/:id/clusters") view=ClusteringPageView ssr=SsrMode::Async />
                    <Route path=path!("/staff/workshops/:id/votes") view=VotesPageView ssr=SsrMode::Async />
                    <Route path=path!("/staff/proposals/:id") view=ModeratorProposalPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/processes/:id/plan") view=PlanAdminPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/processes/:id/plan/new") view=PromotePage ssr=SsrMode::Async />
                    <Route path=path!("/staff/processes/:id/plan/compare") view=ComparePage ssr=SsrMode::Async />
                    <Route path=path!("/staff/measures/:id") view=MeasureEditPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/workshops/:id/documentation") view=WorkshopDocPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/processes/:id/surveys") view=SurveysPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/surveys/:id") view=SurveyEditPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/surveys/:id/preview") view=PreviewPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/surveys/:id/results") view=|| view! { <ResultsPage /> } ssr=SsrMode::Async />
                    <Route path=path!("/staff/surveys/:id/print") view=|| view! { <ResultsPage print=true /> } ssr=SsrMode::Async />
                    <Route path=path!("/staff/surveys/:id/compare") view=SurveyComparePage ssr=SsrMode::Async />
                    <Route path=path!("/staff/surveys/:id/beamer") view=ResultsBeamerPage ssr=SsrMode::Async />
                    <Route path=path!("/s/:id") view=SurveyStartPage ssr=SsrMode::Async />
                    <Route path=path!("/s/:id/r/:key") view=AnswerPageView ssr=SsrMode::Async />
                    <Route path=path!("/s/:id/results") view=|| view! { <ResultsPage public=true /> } ssr=SsrMode::Async />
                    <Route path=path!("/w/:code") view=WorkshopPage ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/p/:id") view=OwnProposalPage ssr=SsrMode::Async />
                    <Route path=path!("/w/:code/p/:id/report") view=ReportPage ssr=SsrMode::Async />
                    <Route path=path!("/barrierefreiheit") view=StatementPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/settings") view=InstanceSettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/password") view=PasswordPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{i18n.t("footer-text")}</p>
                <p><a href="/barrierefreiheit" rel="external" data-test="a11y-link">{i18n.t("footer-accessibility")}</a></p>
            </footer>
        </Router>
    }
}

/// The workshops of a process, inside its editor.
fn workshops_of(process: crate::processes::types::ProcessId) -> AnyView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="plan-link-heading">
            <h2 id="plan-link-heading">{i18n.t("plan-admin-heading")}</h2>
            <p>{i18n.t("plan-link-hint")}</p>
            <a class="button" href=format!("/staff/processes/{process}/plan") data-test="plan-link">{i18n.t("plan-open")}</a>
        </section>
        <section class="panel" aria-labelledby="surveys-link-heading">
            <h2 id="surveys-link-heading">{i18n.t("survey-surveys")}</h2>
            <p>{i18n.t("survey-link-hint")}</p>
            <a class="button" href=format!("/staff/processes/{process}/surveys") data-test="surveys-link">{i18n.t("survey-open-list")}</a>
        </section>
        <ProcessWorkshops process=process />
    }
    .into_any()
}

#[component]
fn Header(user: Resource<Result<Option<CurrentUser>, crate::error::AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            // rel=external: from a hydrated staff page, public pages load as themselves (no wasm).
            <a class="brand" href="/" rel="external">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                {i18n.t("app-name")}
            </a>
            <nav aria-label=i18n.t("nav-label")>
                <ul class="nav">
                    <li><a href="/" rel="external">{i18n.t("nav-processes")}</a></li>
                    <Suspense>
                        {move || Suspend::new(async move {
                            match user.await {
                                Ok(Some(u)) => view! { <StaffNav user=u /> }.into_any(),
                                _ => view! { <li><a href="/login">{i18n.t("nav-login")}</a></li> }.into_any(),
                            }
                        })}
                    </Suspense>
                </ul>
            </nav>
            <LanguageSwitch />
        </header>
    }
}

#[component]
fn StaffNav(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let logout_url = <Logout as leptos::server_fn::ServerFn>::url();
    view! {
        <li><a href="/staff">{i18n.t("nav-staff")}</a></li>
        {(user.role == Role::Admin).then(|| view! {
            <li><a href="/staff/users">{i18n.t("nav-users")}</a></li>
            <li><a href="/staff/settings">{i18n.t("nav-settings")}</a></li>
        })}
        <li><a href="/staff/password">{i18n.t("nav-password")}</a></li>
        <li>
            <form method="post" action=logout_url class="inline">
                <button type="submit" class="link" title=user.email.clone()>{i18n.t("nav-logout")}</button>
            </form>
        </li>
    }
}

/// Links to every language; the choice is kept in a cookie by the server (works without JavaScript).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let langs: Vec<Lang> =
        if hydrates(&location.pathname.get_untracked()) { Lang::staff_languages().collect() } else { offered_langs() };
    view! {
        <ul class="lang-switch" aria-label=i18n.t("language-switch")>
            {langs.into_iter().map(|lang| {
                let code = lang.code();
                let href = move || {
                    let search = location.search.get();
                    let back = if search.is_empty() { location.pathname.get() } else { format!("{}?{search}", location.pathname.get()) };
                    format!("/lang/{code}?back={}", urlencode(&back))
                };
                let current = lang == i18n.lang;
                view! {
                    <li>
                        <a href=href hreflang=code lang=code dir=lang.dir() aria-current=current.then_some("true")
                            class:active=current>{crate::i18n::t(lang, "language-name")}</a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The languages this participant page offers (a workshop's or survey's choice, else all).
#[cfg(feature = "ssr")]
fn offered_langs() -> Vec<Lang> {
    crate::server::request_offer().map_or_else(|| Lang::all().collect(), |o| o.langs())
}

#[cfg(not(feature = "ssr"))]
fn offered_langs() -> Vec<Lang> {
    Lang::all().collect()
}

fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}
