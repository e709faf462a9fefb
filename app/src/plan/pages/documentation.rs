//! `/staff/workshops/{id}/documentation`: the printable record of one workshop for the funder.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    i18n::use_i18n,
    plan::{
        api::get_workshop_doc,
        types::{Fate, WorkshopDoc, fate_text},
    },
    ui::{Empty, ErrorPage, Loading},
    votes::components::ResultView,
    workshops::{components::when, types::WorkshopId},
};

#[component]
pub fn WorkshopDocPage() -> impl IntoView {
    let id = crate::ui::route_id("id", WorkshopId::parse);
    let doc = Resource::new(id, |id| async move { get_workshop_doc(id?).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match doc.await {
                    Ok(d) => view! { <DocView doc=d /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DocView(doc: WorkshopDoc) -> impl IntoView {
    let i18n = use_i18n();
    let id = doc.id;
    view! {
        <Title text=i18n.ta("doc-title", &[("title", doc.title.clone())]) />
        <article class="workshop-doc" data-test="workshop-doc">
            <p class="no-print notice">{i18n.t("plan-print-hint")}" "
                <a href=format!("/staff/workshops/{id}/documentation.csv") download="" rel="external" data-test="doc-csv">{i18n.t("doc-csv")}</a>" · "
                <a href=format!("/staff/workshops/{id}")>{i18n.t("doc-back")}</a>
            </p>
            <header class="page-head">
                <p class="eyebrow">{format!("{} · {}", doc.municipality, doc.process_name)}</p>
                <h1>{i18n.ta("doc-heading", &[("title", doc.title.clone())])}</h1>
            </header>
            <dl class="facts-list">
                <dt>{i18n.t("doc-date")}</dt><dd>{when(i18n, doc.starts_at).unwrap_or_else(|| i18n.t("doc-no-date"))}</dd>
                <dt>{i18n.t("doc-place")}</dt><dd>{if doc.place.is_empty() { "–".to_owned() } else { doc.place.clone() }}</dd>
                <dt>{i18n.t("doc-format")}</dt><dd>{i18n.t(doc.mode.label_key())}</dd>
                <dt>{i18n.t("doc-moderators")}</dt><dd>{if doc.moderators.is_empty() { "–".to_owned() } else { doc.moderators.join(", ") }}</dd>
            </dl>
            <section aria-labelledby="doc-people">
                <h2 id="doc-people">{i18n.ta("doc-participants-heading", &[("count", doc.participants.to_string())])}</h2>
                <table class="plan-table" data-test="doc-participants">
                    <thead><tr><th scope="col">{i18n.t("doc-org-type")}</th><th scope="col">{i18n.t("doc-count")}</th></tr></thead>
                    <tbody>
                        {doc.by_org_type.iter().map(|(kind, n)| view! {
                            <tr><th scope="row">{kind.map_or_else(|| i18n.t("doc-org-unknown"), |k| i18n.t(k.label_key()))}</th><td>{*n}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section aria-labelledby="doc-proposals">
                <h2 id="doc-proposals">{i18n.t("doc-proposals-heading")}</h2>
                {doc.fields.iter().filter(|f| !f.proposals.is_empty()).map(|f| view! {
                    <h3>{f.name.clone()}</h3>
                    <table class="plan-table" data-test="doc-proposals">
                        <thead><tr>
                            <th scope="col">{i18n.t("doc-proposal")}</th>
                            <th scope="col">{i18n.t("doc-cluster")}</th>
                            <th scope="col">{i18n.t("doc-fate")}</th>
                        </tr></thead>
                        <tbody>
                            {f.proposals.iter().map(|p| view! {
                                <tr>
                                    <th scope="row" class="measure-cell">{p.title.clone()}
                                        {(!p.description.is_empty()).then(|| view! { <p class="prewrap">{p.description.clone()}</p> })}
                                    </th>
                                    <td>{p.cluster.clone().unwrap_or_default()}</td>
                                    <td>{fate_text(i18n.lang, p.fate.as_ref())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }).collect_view()}
            </section>
            <section aria-labelledby="doc-clusters">
                <h2 id="doc-clusters">{i18n.t("doc-clusters-heading")}</h2>
                {if doc.clusters.is_empty() {
                    view! { <Empty text=i18n.t("doc-no-clusters") /> }.into_any()
                } else {
                    view! {
                        <ul class="doc-clusters" data-test="doc-clusters">
                            {doc.clusters.iter().map(|c| {
                                let fate = if c.measures.is_empty() { Fate::NotTaken } else { Fate::Taken(c.measures.iter().map(|m| crate::plan::types::MeasureRef { id: m.id, title: m.name.clone() }).collect()) };
                                view! {
                                    <li>
                                        <strong>{c.title.clone()}</strong>{format!(" ({})", c.action_field)}
                                        {(!c.summary.is_empty()).then(|| view! { <p>{c.summary.clone()}</p> })}
                                        <p class="meta">{c.proposals.join(" · ")}</p>
                                        <p data-test="cluster-fate">{fate_text(i18n.lang, Some(&fate))}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="doc-votes">
                <h2 id="doc-votes">{i18n.t("doc-votes-heading")}</h2>
                {if doc.rounds.is_empty() {
                    view! { <Empty text=i18n.t("doc-no-votes") /> }.into_any()
                } else {
                    doc.rounds.iter().map(|(title, r)| view! {
                        <div class="doc-round"><h3>{title.clone()}</h3><ResultView result=r.clone() /></div>
                    }).collect_view().into_any()
                }}
            </section>
        </article>
    }
}
