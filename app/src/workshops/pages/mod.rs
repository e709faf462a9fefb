//! Staff pages of workshops: the list in a process's editor and on the staff start page, the
//! new-workshop form and the settings panel (the staff workshop page composing the features
//! is the board's).

pub mod settings;

pub use settings::{NewWorkshopPage, WorkshopSettings};

use leptos::prelude::*;

use crate::workshops::components::when;
use crate::{
    i18n::use_i18n,
    processes::types::ProcessId,
    ui::{Empty, ErrorPage, Loading},
    workshops::{
        api::{list_my_workshops, list_process_workshops},
        types::WorkshopSummary,
    },
};

/// Workshops of a process, in its editor.
#[component]
pub fn ProcessWorkshops(process: ProcessId) -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(move || process, list_process_workshops);
    view! {
        <section class="panel" aria-labelledby="workshops-heading">
            <h2 id="workshops-heading">{i18n.t("ws-list")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(l) if l.is_empty() => view! { <Empty text=i18n.t("ws-none") /> }.into_any(),
                        Ok(l) => view! { <WorkshopList list=l /> }.into_any(),
                        Err(e) => view! { <p class="field-error">{i18n.msg(&e.message())}</p> }.into_any(),
                    }
                })}
            </Suspense>
            <a class="button" href=format!("/staff/processes/{process}/workshops/new")>{i18n.t("ws-new")}</a>
        </section>
    }
}

#[component]
pub fn WorkshopList(list: Vec<WorkshopSummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" data-test="workshop-list">
            {list.into_iter().map(|w| view! {
                <li class="card">
                    <h3><a href=format!("/staff/workshops/{}", w.id)>{w.title.clone()}</a></h3>
                    <p class="meta">{w.process_name.clone()}</p>
                    {when(i18n, w.starts_at).map(|t| view! { <p class="meta">{t}</p> })}
                    <p class="meta">
                        <span class="badge badge-current">{i18n.t(w.state.label_key())}</span>
                        " " {i18n.t("ws-code")}": " <code>{w.join_code.clone()}</code>
                    </p>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The workshops a staff member runs, on the staff start page.
#[component]
pub fn MyWorkshops() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |()| list_my_workshops());
    view! {
        <section aria-labelledby="my-workshops-heading">
            <h2 id="my-workshops-heading">{i18n.t("ws-mine-staff")}</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(l) if l.is_empty() => view! { <Empty text=i18n.t("ws-none-staff") /> }.into_any(),
                        Ok(l) => view! { <WorkshopList list=l /> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
