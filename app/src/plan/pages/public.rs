//! The public plan pages (participant pages: rendered on the server, no wasm, forms are plain
//! GET forms): the plan table with its filters, one measure with its provenance and timeline,
//! and the print view (A4 landscape, one action field per page).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::parts::{PlanTable, SourceView, StatusBadge, by_field, version_label};
use crate::surveys::pages::results::MeasureEvaluationView;
use crate::{
    i18n::use_i18n,
    plan::{
        api::{get_measure, get_plan_page},
        types::{MeasureDetail, MeasureDoc, MeasureStatus, NoteKind, PlanFilter, PlanPage, SEARCH_MAX},
    },
    processes::types::ProcessId,
    ui::{Empty, ErrorPage, Loading},
};

fn measure_href(m: &MeasureDoc) -> String {
    format!("/m/{}", m.id)
}

/// The filter of the current query (`?version=&field=&theme=&status=&partner=&q=`).
fn filter_of_query() -> impl Fn() -> PlanFilter + Clone + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        PlanFilter {
            version: get("version"),
            field: get("field"),
            theme: get("theme"),
            status: get("status"),
            partner: get("partner"),
            q: get("q").chars().take(SEARCH_MAX).collect(),
        }
    }
}

/// `/p/{id}/plan`
#[component]
pub fn PlanPageView() -> impl IntoView {
    let id = crate::ui::route_id("id", ProcessId::parse);
    let filter = filter_of_query();
    let page = Resource::new(move || (id(), filter()), |(id, f)| async move { get_plan_page(id?, f).await });
    let filter = filter_of_query();
    view! {
        <Suspense fallback=Loading>
            {move || {
                let filter = filter();
                Suspend::new(async move {
                    match page.await {
                        Ok(p) => view! { <PlanView page=p filter=filter /> }.into_any(),
                        Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn PlanView(page: PlanPage, filter: PlanFilter) -> impl IntoView {
    let i18n = use_i18n();
    let pid = page.process.id;
    let version_q = page.version.as_ref().map_or_else(|| "draft".to_owned(), |v| v.number.to_string());
    let label = version_label(i18n, page.version.as_ref());
    let is_draft = page.version.is_none();
    let select = |name: &'static str, label: String, all: String, options: Vec<(String, String)>, current: String| {
        let id = format!("filter-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id name=name>
                    <option value="">{all}</option>
                    {options.into_iter().map(|(v, t)| {
                        let sel = v == current;
                        view! { <option value=v selected=sel>{t}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let names = |list: &[crate::plan::types::NamedRef]| {
        list.iter().map(|f| (f.name.clone(), f.name.clone())).collect::<Vec<_>>()
    };
    let statuses = MeasureStatus::ALL.iter().map(|s| (s.as_str().to_owned(), i18n.t(s.label_key()))).collect();
    let shown = page.rows.len();
    let groups = by_field(&page.action_fields, page.rows);
    let versions = page
        .versions
        .iter()
        .rev()
        .map(|v| (v.number.to_string(), version_label(i18n, Some(v))))
        .chain(page.draft_visible.then(|| ("draft".to_owned(), i18n.t("plan-version-draft"))))
        .collect::<Vec<_>>();
    let q = filter.q.clone();
    view! {
        <Title text=i18n.ta("plan-title", &[("name", page.process.name.clone())]) />
        <article class="plan" data-test="plan-page">
            <header class="page-head">
                <p class="eyebrow" dir="auto">{page.process.municipality.clone()}</p>
                <h1>{i18n.ta("plan-heading", &[("name", page.process.name.clone())])}</h1>
                <p class=if is_draft { "badge badge-draft" } else { "badge badge-current" } data-test="plan-version">{label}</p>
                {page.can_edit.then(|| view! { <a class="button secondary" href=format!("/staff/processes/{pid}/plan")>{i18n.t("plan-edit")}</a> })}
            </header>
            {is_draft.then(|| view! { <p class="notice" role="note">{i18n.t("plan-draft-notice")}</p> })}
            {page.version.as_ref().filter(|v| !v.note.is_empty()).map(|v| view! { <p class="meta">{i18n.t("plan-adoption-note")}": "{v.note.clone()}</p> })}
            <nav class="downloads" aria-label=i18n.t("plan-downloads")>
                <a href=format!("/p/{pid}/plan.csv?version={version_q}") download="">{i18n.t("plan-download-csv")}</a>
                <a href=format!("/p/{pid}/plan.json?version={version_q}") download="">{i18n.t("plan-download-json")}</a>
                <a href=format!("/p/{pid}/plan/print?version={version_q}")>{i18n.t("plan-print")}</a>
            </nav>
            <form method="get" class="filters" role="search" data-test="plan-filters">
                {(versions.len() > 1).then(|| select("version", i18n.t("plan-filter-version"), i18n.t("plan-filter-version-newest"), versions.clone(), filter.version.clone()))}
                {select("field", i18n.t("measure-action-field"), i18n.t("plan-filter-all"), names(&page.action_fields), filter.field.clone())}
                {(!page.themes.is_empty()).then(|| select("theme", i18n.t("measure-themes"), i18n.t("plan-filter-all"), names(&page.themes), filter.theme.clone()))}
                {select("status", i18n.t("measure-status"), i18n.t("plan-filter-all"), statuses, filter.status.clone())}
                {(!page.partners.is_empty()).then(|| select("partner", i18n.t("measure-partners"), i18n.t("plan-filter-all"), names(&page.partners), filter.partner.clone()))}
                <div class="field">
                    <label for="filter-q">{i18n.t("plan-search")}</label>
                    <input id="filter-q" type="search" name="q" value=q maxlength=SEARCH_MAX.to_string() />
                </div>
                {(versions.len() <= 1 && !filter.version.is_empty()).then(|| view! { <input type="hidden" name="version" value=filter.version.clone() /> })}
                <button type="submit">{i18n.t("plan-filter-apply")}</button>
            </form>
            <p class="meta" role="status" data-test="plan-count">{i18n.ta("plan-count", &[("shown", shown.to_string()), ("total", page.total.to_string())])}</p>
            {if groups.is_empty() {
                view! { <Empty text=i18n.t("plan-empty") /> }.into_any()
            } else {
                groups.into_iter().enumerate().map(|(i, (field, rows))| {
                    let id = format!("field-{i}-{}", crate::plan::pages::anchor(&field));
                    view! {
                        <section class="plan-field" aria-labelledby=id.clone() data-test="plan-field">
                            <h2 id=id.clone()>{field.clone()}</h2>
                            <PlanTable field=field rows=rows i18n=i18n link=measure_href />
                        </section>
                    }
                }).collect_view().into_any()
            }}
        </article>
    }
}

/// `/m/{id}`: one measure, where it came from and how far it is.
#[component]
pub fn MeasurePageView() -> impl IntoView {
    let id = crate::ui::route_id("id", crate::plan::types::MeasureId::parse);
    let detail = Resource::new(id, |id| async move { get_measure(id?).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <MeasureView detail=d /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The content, provenance and timeline of a measure (also on the staff page).
#[component]
pub fn MeasureBody(detail: MeasureDetail) -> impl IntoView {
    let i18n = use_i18n();
    let m = detail.doc;
    let fact = |label: &str, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{i18n.t(label)}</dt><dd class="prewrap">{value}</dd> })
    };
    let list = |label: &str, items: Vec<String>| {
        (!items.is_empty()).then(|| {
            view! {
                <dt>{i18n.t(label)}</dt>
                <dd><ul>{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul></dd>
            }
        })
    };
    let partners = m.partners.iter().map(|p| format!("{} ({})", p.name, i18n.t(p.kind.label_key()))).collect();
    let sources = m.sources.clone();
    let merged = m.merged.clone();
    view! {
        <dl class="facts-list" data-test="measure-facts">
            {fact("measure-action-field", m.action_field.clone())}
            {fact("measure-phase", m.phase.clone().unwrap_or_default())}
            {fact("measure-timeframe", m.timeframe.display())}
            <dt>{i18n.t("measure-status")}</dt>
            <dd><StatusBadge status=detail.status progress=detail.progress i18n=i18n /></dd>
            {fact("measure-description", m.description.clone())}
            {list("measure-goals", m.goals.clone())}
            {list("measure-partners", partners)}
            {fact("measure-lead", m.lead.clone())}
            {fact("measure-target-groups", m.target_groups.clone())}
            {fact("measure-indicators", m.indicators.clone())}
            {fact("measure-resources", m.resources.clone())}
            {list("measure-themes", m.themes.clone())}
        </dl>
        <section aria-labelledby="provenance-heading" data-test="provenance">
            <h2 id="provenance-heading">{i18n.t("plan-provenance")}</h2>
            <p>{i18n.t(m.origin.label_key())}</p>
            {(!sources.is_empty()).then(|| view! {
                <ul class="sources">{sources.into_iter().map(|s| view! { <SourceView source=s i18n=i18n /> }).collect_view()}</ul>
            })}
            {(!merged.is_empty()).then(|| view! {
                <p data-test="merged-from">{i18n.ta("plan-merged-from", &[("titles", merged.iter().map(|x| x.name.clone()).collect::<Vec<_>>().join(", "))])}</p>
            })}
        </section>
        <section aria-labelledby="timeline-heading" data-test="timeline">
            <h2 id="timeline-heading">{i18n.t("plan-timeline")}</h2>
            {if detail.notes.is_empty() {
                view! { <Empty text=i18n.t("plan-timeline-empty") /> }.into_any()
            } else {
                view! {
                    <ol class="timeline">
                        {detail.notes.into_iter().map(|n| {
                            let kind = match (n.kind, n.done) {
                                (NoteKind::Milestone, true) => i18n.t("plan-milestone-done"),
                                (NoteKind::Milestone, false) => i18n.t("plan-milestone"),
                                (NoteKind::Note, _) => i18n.t("plan-note"),
                            };
                            view! {
                                <li class=format!("timeline-{}", n.kind.as_str())>
                                    <time datetime=n.on.to_string()>{i18n.date(n.on)}</time>" · "<strong>{kind}</strong>
                                    <p class="prewrap">{n.text}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn MeasureView(detail: MeasureDetail) -> impl IntoView {
    let i18n = use_i18n();
    let title = detail.doc.title.clone();
    let pid = detail.process.id;
    let staff_href = format!("/staff/measures/{}", detail.doc.id);
    let can_edit = detail.can_edit;
    view! {
        <Title text=title.clone() />
        <article class="measure" data-test="measure-page">
            <header class="page-head">
                <p class="eyebrow"><a href=format!("/p/{pid}/plan")>{i18n.ta("plan-heading", &[("name", detail.process.name.clone())])}</a></p>
                <h1>{title}</h1>
                {can_edit.then(|| view! { <a class="button secondary" href=staff_href>{i18n.t("plan-edit-measure")}</a> })}
            </header>
            {detail.merged_into.clone().map(|t| view! {
                <p class="notice" role="note">{i18n.t("plan-merged-into")}" "<a href=format!("/m/{}", t.id)>{t.name}</a></p>
            })}
            {let measure = detail.doc.id.0; view! { <MeasureBody detail=detail /><MeasureEvaluationView measure=measure /> }}
        </article>
    }
}

/// `/p/{id}/plan/print`: the plan for "Drucken → als PDF speichern".
#[component]
pub fn PlanPrintView() -> impl IntoView {
    let id = crate::ui::route_id("id", ProcessId::parse);
    let filter = filter_of_query();
    let page = Resource::new(move || (id(), filter()), |(id, f)| async move { get_plan_page(id?, f).await });
    let i18n = use_i18n();
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => {
                        let label = version_label(i18n, p.version.as_ref());
                        let groups = by_field(&p.action_fields, p.rows);
                        view! {
                            <Title text=i18n.ta("plan-print-title", &[("name", p.process.name.clone())]) />
                            <article class="print-plan" data-test="plan-print">
                                <p class="no-print notice">{i18n.t("plan-print-hint")}" "<a href=format!("/p/{}/plan", p.process.id)>{i18n.t("plan-back")}</a></p>
                                {groups.into_iter().map(|(field, rows)| view! {
                                    <section class="print-field">
                                        <header class="print-head">
                                            <p>{format!("{} · {}", p.process.municipality, p.process.name)}</p>
                                            <p>{label.clone()}</p>
                                        </header>
                                        <h1>{field.clone()}</h1>
                                        <PlanTable field=field rows=rows i18n=i18n descriptions=true />
                                    </section>
                                }).collect_view()}
                            </article>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
