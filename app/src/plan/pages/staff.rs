//! The organizer's plan pages (hydrated): the draft with the workshops' candidates, publishing,
//! adopting, versions, import; promoting or writing a measure; editing one with its status,
//! responsible staff, notes and merging; comparing two versions.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{
    form::MeasureFields,
    parts::{PlanTable, by_field, version_label, vote_text},
    public::MeasureBody,
};
use crate::{
    i18n::use_i18n,
    plan::{
        api::{
            AddMeasureNote, AdoptPlan, CreateMeasure, MergeMeasure, SetMeasureProgress, SetMeasureStaff,
            SetPlanDraftPublic, UpdateMeasure, compare_plan, get_measure, get_plan_admin, get_promote_draft,
        },
        types::{
            ADOPTION_NOTE_MAX, Candidate, MeasureDetail, MeasureDoc, MeasureStatus, NOTE_MAX, PlanAdmin, PromoteDraft,
            check_key,
        },
    },
    processes::types::ProcessId,
    ui::{Empty, ErrorPage, Field, FormError, Loading, SelectField, TextArea, action_error, field_error, refreshing},
};

fn staff_href(m: &MeasureDoc) -> String {
    format!("/staff/measures/{}", m.id)
}

/// `/staff/processes/{id}/plan`
#[component]
pub fn PlanAdminPage() -> impl IntoView {
    let id = crate::ui::route_id("id", ProcessId::parse);
    let refresh = RwSignal::new(0u32);
    let admin = Resource::new(move || (id(), refresh.get()), |(id, _)| async move { get_plan_admin(id?).await });
    // Made here, not in the body the refresh renders again: "adopted" stays on the screen.
    let adopt = refreshing::<AdoptPlan>(refresh);
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match admin.await {
                    Ok(a) => view! { <AdminBody admin=a refresh=refresh adopt=adopt /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn AdminBody(admin: PlanAdmin, refresh: RwSignal<u32>, adopt: ServerAction<AdoptPlan>) -> impl IntoView {
    let i18n = use_i18n();
    let pid = admin.process.id;
    let publish = refreshing::<SetPlanDraftPublic>(refresh);
    let adopt_errors = action_error(adopt);
    let adopted = Signal::derive(move || adopt.value().get().and_then(Result::ok));
    let fields: Vec<crate::plan::types::NamedRef> = {
        let mut names: Vec<String> = Vec::new();
        for r in &admin.draft {
            if !names.contains(&r.doc.action_field) {
                names.push(r.doc.action_field.clone());
            }
        }
        names.into_iter().map(|name| crate::plan::types::NamedRef { id: uuid::Uuid::nil(), name }).collect()
    };
    let count = admin.draft.len();
    let groups = by_field(&fields, admin.draft);
    let versions = admin.versions.clone();
    let choices: Vec<(String, String)> = versions
        .iter()
        .rev()
        .map(|v| (v.number.to_string(), version_label(i18n, Some(v))))
        .chain(std::iter::once(("draft".to_owned(), i18n.t("plan-version-draft"))))
        .collect();
    let newest = versions.last().map_or_else(|| "draft".to_owned(), |v| v.number.to_string());
    view! {
        <Title text=i18n.ta("plan-admin-title", &[("name", admin.process.name.clone())]) />
        <header class="page-head">
            <p class="eyebrow"><a href=format!("/staff/processes/{pid}")>{admin.process.name.clone()}</a></p>
            <h1>{i18n.t("plan-admin-heading")}</h1>
            <a class="button" href=format!("/staff/processes/{pid}/plan/new") data-test="new-measure">{i18n.t("plan-new-measure")}</a>
            <a class="button secondary" href=format!("/p/{pid}/plan?version=draft") rel="external">{i18n.t("plan-view-public")}</a>
        </header>
        <nav class="downloads" aria-label=i18n.t("plan-downloads")>
            <a href=format!("/p/{pid}/plan.csv?version=draft") download="" rel="external" data-test="download-csv">{i18n.t("plan-download-csv")}</a>
            <a href=format!("/p/{pid}/plan.json?version=draft") download="" rel="external">{i18n.t("plan-download-json")}</a>
            <a href=format!("/p/{pid}/plan/print?version=draft") rel="external" data-test="print-link">{i18n.t("plan-print")}</a>
        </nav>
        <section class="panel" aria-labelledby="draft-heading" data-test="draft">
            <h2 id="draft-heading">{i18n.ta("plan-draft-heading", &[("count", count.to_string())])}</h2>
            {if groups.is_empty() {
                view! { <Empty text=i18n.t("plan-draft-empty") /> }.into_any()
            } else {
                groups.into_iter().map(|(field, rows)| view! {
                    <h3>{field.clone()}</h3>
                    <PlanTable field=field rows=rows i18n=i18n link=staff_href />
                }).collect_view().into_any()
            }}
        </section>
        <Candidates process=pid list=admin.candidates />
        <section class="panel" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{i18n.t("plan-publish-heading")}</h2>
            {(!admin.published).then(|| view! { <p class="notice">{i18n.t("plan-process-unpublished")}</p> })}
            <p>{if admin.draft_public { i18n.t("plan-draft-is-public") } else { i18n.t("plan-draft-is-private") }}</p>
            <ActionForm action=publish attr:class="inline">
                <input type="hidden" name="process" value=pid.to_string() />
                <input type="hidden" name="public" value=(!admin.draft_public).to_string() />
                <button type="submit" data-test="draft-public-toggle">
                    {if admin.draft_public { i18n.t("plan-draft-hide") } else { i18n.t("plan-draft-show") }}
                </button>
            </ActionForm>
        </section>
        <section class="panel" aria-labelledby="adopt-heading">
            <h2 id="adopt-heading">{i18n.t("plan-adopt-heading")}</h2>
            <p class="hint">{i18n.t("plan-adopt-hint")}</p>
            <ActionForm action=adopt attr:class="form" attr:novalidate=true attr:data-test="adopt-form">
                <FormError error=adopt_errors />
                <input type="hidden" name="process" value=pid.to_string() />
                <Field name="adopted_on" kind="date" label=i18n.t("plan-adopted-on") required=true error=field_error(adopt_errors, "adopted_on") />
                <Field name="note" label=i18n.t("plan-adoption-note") maxlength=ADOPTION_NOTE_MAX hint=i18n.t("plan-adoption-note-hint") error=field_error(adopt_errors, "note") />
                <button type="submit" data-test="adopt">{i18n.t("plan-adopt")}</button>
                <p class="status" role="status">{move || adopted.get().map(|n| i18n.ta("plan-adopted", &[("number", n.to_string())]))}</p>
            </ActionForm>
            {if versions.is_empty() {
                view! { <Empty text=i18n.t("plan-no-versions") /> }.into_any()
            } else {
                view! {
                    <ul class="versions" data-test="versions">
                        {versions.iter().rev().map(|v| view! {
                            <li>
                                <a href=format!("/p/{pid}/plan?version={}", v.number) rel="external">{version_label(i18n, Some(v))}</a>
                                {(!v.note.is_empty()).then(|| view! { " · "{v.note.clone()} })}
                            </li>
                        }).collect_view()}
                    </ul>
                    <form method="get" action=format!("/staff/processes/{pid}/plan/compare") class="form inline-form" data-test="compare-form">
                        <SelectField name="a" label=i18n.t("plan-compare-a") options=choices.clone() selected=newest.clone() error=Signal::derive(|| None) />
                        <SelectField name="b" label=i18n.t("plan-compare-b") options=choices.clone() selected="draft".to_owned() error=Signal::derive(|| None) />
                        <button type="submit">{i18n.t("plan-compare")}</button>
                    </form>
                }.into_any()
            }}
        </section>
        <ImportSection process=pid />
    }
}

#[component]
fn Candidates(process: ProcessId, list: Vec<Candidate>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="candidates-heading" data-test="candidates">
            <h2 id="candidates-heading">{i18n.t("plan-candidates")}</h2>
            <p class="hint">{i18n.t("plan-candidates-hint")}</p>
            {if list.is_empty() {
                view! { <Empty text=i18n.t("plan-candidates-empty") /> }.into_any()
            } else {
                view! {
                    <ul class="candidates">
                        {list.into_iter().map(|c| {
                            let param = if c.cluster { "cluster" } else { "proposal" };
                            let href = format!("/staff/processes/{process}/plan/new?workshop={}&{param}={}", c.workshop.id, c.id);
                            let kind = i18n.t(if c.cluster { "vote-kind-cluster" } else { "vote-kind-proposal" });
                            let label = i18n.ta("plan-promote-label", &[("title", c.title.clone())]);
                            view! {
                                <li class="card" data-test="candidate">
                                    <h3>{c.title.clone()}</h3>
                                    <p class="meta">{format!("{kind} · {} · {} · ", c.action_field, c.workshop.title)}
                                        {i18n.ta("plan-candidate-proposals", &[("count", c.proposals.to_string())])}</p>
                                    {c.votes.iter().map(|v| view! { <p class="vote-line" data-test="candidate-vote">{format!("{}: {}", v.round, vote_text(i18n, v))}</p> }).collect_view()}
                                    {(!c.measures.is_empty()).then(|| view! {
                                        <p class="meta">{i18n.t("plan-candidate-promoted")}" "
                                            {c.measures.iter().map(|m| view! { <a href=format!("/staff/measures/{}", m.id)>{m.name.clone()}</a>" " }).collect_view()}
                                        </p>
                                    })}
                                    <a class="button secondary" href=href aria-label=label data-test="promote">{i18n.t("plan-promote")}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ImportSection(process: ProcessId) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = query.read_untracked();
    let error = q.get("import_error").filter(|e| !e.is_empty());
    let imported = q.get("imported").map(|created| {
        let mut lines =
            vec![i18n.ta("plan-imported", &[("created", created), ("updated", q.get("updated").unwrap_or_default())])];
        for (key, label) in [
            ("new_fields", "plan-import-new-fields"),
            ("new_phases", "plan-import-new-phases"),
            ("new_goals", "plan-import-new-goals"),
            ("new_themes", "plan-import-new-themes"),
            ("new_partners", "plan-import-new-partners"),
        ] {
            if let Some(v) = q.get(key).filter(|v| !v.is_empty()) {
                lines.push(i18n.ta(label, &[("names", v.replace('\n', ", "))]));
            }
        }
        lines
    });
    drop(q);
    let has_error = error.is_some();
    view! {
        <section class="panel" aria-labelledby="import-heading" id="import">
            <h2 id="import-heading">{i18n.t("plan-import-heading")}</h2>
            <p class="hint">{i18n.t("plan-import-hint")}</p>
            {imported.map(|lines| view! {
                <div class="notice" role="status" data-test="import-report">
                    {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                </div>
            })}
            <form method="post" enctype="multipart/form-data" action=format!("/staff/processes/{process}/plan/import") class="form" data-test="import-form">
                <div class="field" class:field-invalid=has_error>
                    <label for="import-file">{i18n.t("plan-import-file")}</label>
                    <input id="import-file" type="file" name="file" accept=".csv,text/csv" required=true
                        aria-invalid=has_error.then_some("true") aria-describedby=has_error.then_some("import-file-error") />
                    <p class="field-error prewrap" id="import-file-error" role="alert" data-test="import-error">{error}</p>
                </div>
                <button type="submit">{i18n.t("plan-import")}</button>
            </form>
        </section>
    }
}

/// `/staff/processes/{id}/plan/new?workshop=&cluster=|proposal=[&again=1]`
#[component]
pub fn PromotePage() -> impl IntoView {
    let id = crate::ui::route_id("id", ProcessId::parse);
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            id(),
            q.get("workshop").unwrap_or_default(),
            q.get("cluster").unwrap_or_default(),
            q.get("proposal").unwrap_or_default(),
        )
    };
    let draft = Resource::new(key, |(id, w, c, p)| async move { get_promote_draft(id?, w, c, p).await });
    let again = move || query.read().get("again").is_some();
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match draft.await {
                    Ok(d) => view! { <PromoteBody draft=d again=again() /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PromoteBody(draft: PromoteDraft, again: bool) -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateMeasure>::new();
    let errors = action_error(create);
    let pid = draft.process.id;
    let source = draft.source.clone();
    let existing = source.as_ref().map(|s| s.measures.clone()).unwrap_or_default();
    let heading = if source.is_some() { i18n.t("plan-promote-heading") } else { i18n.t("plan-new-heading") };
    let ask = !existing.is_empty() && !again;
    let again_href = move || {
        let q = use_query_map();
        let q = q.read_untracked();
        let (w, c, p) = (
            q.get("workshop").unwrap_or_default(),
            q.get("cluster").unwrap_or_default(),
            q.get("proposal").unwrap_or_default(),
        );
        format!("/staff/processes/{pid}/plan/new?workshop={w}&cluster={c}&proposal={p}&again=1")
    };
    view! {
        <Title text=heading.clone() />
        <header class="page-head">
            <p class="eyebrow"><a href=format!("/staff/processes/{pid}/plan")>{i18n.t("plan-admin-heading")}</a></p>
            <h1>{heading}</h1>
        </header>
        {source.clone().map(|s| view! {
            <section class="panel" data-test="promote-source">
                <h2>{s.title.clone()}</h2>
                <p class="meta">{format!("{} · {} · ", s.workshop.title, s.action_field)}{i18n.ta("plan-candidate-proposals", &[("count", s.proposals.to_string())])}</p>
                {s.votes.iter().map(|v| view! { <p>{format!("{}: {}", v.round, vote_text(i18n, v))}</p> }).collect_view()}
            </section>
        })}
        {if ask {
            view! {
                <section class="panel notice" role="alert" data-test="promote-again">
                    <p>{i18n.ta("plan-promote-exists", &[("titles", existing.iter().map(|m| m.name.clone()).collect::<Vec<_>>().join(", "))])}</p>
                    <p>
                        {existing.iter().map(|m| view! {
                            <a class="button" href=format!("/staff/measures/{}", m.id) data-test="update-existing">{i18n.ta("plan-promote-update", &[("title", m.name.clone())])}</a>" "
                        }).collect_view()}
                        <a class="button secondary" href=again_href() data-test="promote-anyway">{i18n.t("plan-promote-anyway")}</a>
                    </p>
                </section>
            }.into_any()
        } else {
            let (w, c, p) = source.as_ref().map(|s| {
                let id = s.id.to_string();
                if s.cluster { (s.workshop.id.to_string(), id, String::new()) } else { (s.workshop.id.to_string(), String::new(), id) }
            }).unwrap_or_default();
            view! {
                <ActionForm action=create attr:class="form panel" attr:novalidate=true attr:data-test="measure-form">
                    <FormError error=errors />
                    <input type="hidden" name="process" value=pid.to_string() />
                    <input type="hidden" name="workshop" value=w />
                    <input type="hidden" name="cluster" value=c />
                    <input type="hidden" name="proposal" value=p />
                    {again.then(|| view! { <input type="hidden" name="again" value="1" /> })}
                    <MeasureFields form=draft.form choices=draft.choices errors=errors suggested_goals=draft.suggested_goals />
                    <button type="submit" data-test="save-measure">{i18n.t("plan-create-measure")}</button>
                </ActionForm>
            }.into_any()
        }}
    }
}

/// `/staff/measures/{id}`
#[component]
pub fn MeasureEditPage() -> impl IntoView {
    let id = crate::ui::route_id("id", crate::plan::types::MeasureId::parse);
    let refresh = RwSignal::new(0u32);
    let detail = Resource::new(move || (id(), refresh.get()), |(id, _)| async move { get_measure(id?).await });
    // Made here, not in the body the refresh renders again: "saved" stays on the screen.
    let update = refreshing::<UpdateMeasure>(refresh);
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <MeasureEditBody detail=d refresh=refresh update=update /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MeasureEditBody(
    detail: MeasureDetail,
    refresh: RwSignal<u32>,
    update: ServerAction<UpdateMeasure>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = detail.doc.id;
    let pid = detail.process.id;
    let update_errors = action_error(update);
    let saved = Signal::derive(move || matches!(update.value().get(), Some(Ok(()))));
    let progress = refreshing::<SetMeasureProgress>(refresh);
    let progress_errors = action_error(progress);
    let staff = refreshing::<SetMeasureStaff>(refresh);
    let staff_errors = action_error(staff);
    let note = refreshing::<AddMeasureNote>(refresh);
    let note_errors = action_error(note);
    let merge = ServerAction::<MergeMeasure>::new();
    let merge_errors = action_error(merge);
    let statuses: Vec<(String, String)> =
        MeasureStatus::ALL.iter().map(|s| (s.as_str().to_owned(), i18n.t(s.label_key()))).collect();
    let staff_checked: std::collections::BTreeMap<String, String> =
        detail.staff.iter().map(|u| (check_key(u), "on".to_owned())).collect();
    let others: Vec<(String, String)> = detail.others.iter().map(|o| (o.id.to_string(), o.name.clone())).collect();
    let kinds = vec![("note".to_owned(), i18n.t("plan-note")), ("milestone".to_owned(), i18n.t("plan-milestone"))];
    let title = detail.doc.title.clone();
    let (form, choices, staff_items) = (detail.form.clone(), detail.choices.clone(), detail.choices.staff.clone());
    view! {
        <Title text=title.clone() />
        <header class="page-head">
            <p class="eyebrow"><a href=format!("/staff/processes/{pid}/plan")>{i18n.t("plan-admin-heading")}</a></p>
            <h1 data-test="measure-title">{title}</h1>
            <a class="button secondary" href=format!("/m/{id}") rel="external">{i18n.t("plan-view-measure")}</a>
        </header>
        {detail.merged_into.clone().map(|t| view! {
            <p class="notice" role="note">{i18n.t("plan-merged-into")}" "<a href=format!("/staff/measures/{}", t.id)>{t.name}</a></p>
        })}
        {detail.can_edit.then(|| view! {
            <section class="panel" aria-labelledby="edit-heading">
                <h2 id="edit-heading">{i18n.t("plan-edit-heading")}</h2>
                <ActionForm action=update attr:class="form" attr:novalidate=true attr:data-test="measure-form">
                    <FormError error=update_errors />
                    <input type="hidden" name="id" value=id.to_string() />
                    <MeasureFields form=form.clone() choices=choices.clone() errors=update_errors />
                    <button type="submit" data-test="save-measure">{i18n.t("save")}</button>
                    <p class="status" role="status">{move || saved.get().then(|| i18n.t("saved"))}</p>
                </ActionForm>
            </section>
            <section class="panel" aria-labelledby="progress-heading">
                <h2 id="progress-heading">{i18n.t("plan-progress-heading")}</h2>
                <ActionForm action=progress attr:class="form inline-form" attr:novalidate=true attr:data-test="progress-form">
                    <FormError error=progress_errors />
                    <input type="hidden" name="id" value=id.to_string() />
                    <SelectField name="status" label=i18n.t("measure-status") options=statuses.clone()
                        selected=detail.status.as_str().to_owned() error=field_error(progress_errors, "status") />
                    <Field name="progress" kind="number" label=i18n.t("measure-progress") value=detail.progress.to_string()
                        hint=i18n.t("measure-progress-hint") error=field_error(progress_errors, "progress") />
                    <button type="submit" data-test="save-progress">{i18n.t("save")}</button>
                </ActionForm>
            </section>
            <section class="panel" aria-labelledby="staff-heading">
                <h2 id="staff-heading">{i18n.t("plan-staff-heading")}</h2>
                <ActionForm action=staff attr:class="form">
                    <FormError error=staff_errors />
                    <input type="hidden" name="id" value=id.to_string() />
                    <super::form::Checks name="staff" legend=i18n.t("plan-staff-legend") items=staff_items.clone()
                        checked=staff_checked error=field_error(staff_errors, "staff") />
                    <button type="submit">{i18n.t("save")}</button>
                </ActionForm>
            </section>
        })}
        {detail.can_note.then(|| view! {
            <section class="panel" aria-labelledby="note-heading">
                <h2 id="note-heading">{i18n.t("plan-note-heading")}</h2>
                <ActionForm action=note attr:class="form" attr:novalidate=true attr:data-test="note-form">
                    <FormError error=note_errors />
                    <input type="hidden" name="id" value=id.to_string() />
                    <div class="field-row">
                        <SelectField name="kind" label=i18n.t("plan-note-kind") options=kinds selected="note".to_owned() error=field_error(note_errors, "kind") />
                        <Field name="on" kind="date" label=i18n.t("plan-note-date") required=true error=field_error(note_errors, "on") />
                    </div>
                    <TextArea name="text" label=i18n.t("plan-note-text") maxlength=NOTE_MAX rows=3 error=field_error(note_errors, "text") />
                    <div class="field check">
                        <input type="checkbox" id="note-done" name="done" value="on" />
                        <label for="note-done">{i18n.t("plan-milestone-reached")}</label>
                    </div>
                    <button type="submit" data-test="add-note">{i18n.t("plan-add-note")}</button>
                </ActionForm>
            </section>
        })}
        {(detail.can_edit && !others.is_empty()).then(|| view! {
            <section class="panel" aria-labelledby="merge-heading">
                <h2 id="merge-heading">{i18n.t("plan-merge-heading")}</h2>
                <p class="hint">{i18n.t("plan-merge-hint")}</p>
                <ActionForm action=merge attr:class="form inline-form" attr:data-test="merge-form">
                    <FormError error=merge_errors />
                    <input type="hidden" name="id" value=id.to_string() />
                    <SelectField name="into" label=i18n.t("plan-merge-into") options=others.clone() empty=String::new()
                        required=true error=field_error(merge_errors, "into") />
                    <button type="submit" class="secondary">{i18n.t("plan-merge")}</button>
                </ActionForm>
            </section>
        })}
        <MeasureBody detail=detail />
    }
}

/// `/staff/processes/{id}/plan/compare?a=&b=`
#[component]
pub fn ComparePage() -> impl IntoView {
    let id = crate::ui::route_id("id", ProcessId::parse);
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (id(), q.get("a").unwrap_or_default(), q.get("b").unwrap_or_else(|| "draft".to_owned()))
    };
    let cmp = Resource::new(key, |(id, a, b)| async move { compare_plan(id?, a, b).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match cmp.await {
                    Ok(c) => {
                        let i18n = use_i18n();
                        let (old, new) = (version_label(i18n, c.old.as_ref()), version_label(i18n, c.new.as_ref()));
                        let pid = c.process.id;
                        let nothing = c.diff.added.is_empty() && c.diff.removed.is_empty() && c.diff.changed.is_empty();
                        view! {
                            <Title text=i18n.t("plan-compare-title") />
                            <header class="page-head">
                                <p class="eyebrow"><a href=format!("/staff/processes/{pid}/plan")>{i18n.t("plan-admin-heading")}</a></p>
                                <h1>{i18n.t("plan-compare-title")}</h1>
                                <p class="lead" data-test="compare-what">{i18n.ta("plan-compare-what", &[("a", old), ("b", new)])}</p>
                            </header>
                            <section class="panel" data-test="diff">
                                {nothing.then(|| view! { <Empty text=i18n.t("plan-compare-same") /> })}
                                {(!c.diff.added.is_empty()).then(|| view! {
                                    <h2>{i18n.t("plan-diff-added")}</h2>
                                    <ul data-test="diff-added">{c.diff.added.iter().map(|m| view! { <li>{m.name.clone()}</li> }).collect_view()}</ul>
                                })}
                                {(!c.diff.removed.is_empty()).then(|| view! {
                                    <h2>{i18n.t("plan-diff-removed")}</h2>
                                    <ul data-test="diff-removed">{c.diff.removed.iter().map(|m| view! { <li>{m.name.clone()}</li> }).collect_view()}</ul>
                                })}
                                {(!c.diff.changed.is_empty()).then(|| view! {
                                    <h2>{i18n.t("plan-diff-changed")}</h2>
                                    {c.diff.changed.iter().map(|m| view! {
                                        <h3>{m.title.clone()}</h3>
                                        <div class="table-wrap">
                                            <table class="diff-table" data-test="diff-changed">
                                                <thead><tr>
                                                    <th scope="col">{i18n.t("plan-diff-field")}</th>
                                                    <th scope="col">{i18n.t("plan-diff-before")}</th>
                                                    <th scope="col">{i18n.t("plan-diff-after")}</th>
                                                </tr></thead>
                                                <tbody>
                                                    {m.changes.iter().map(|ch| {
                                                        let shown = |v: &str| if ch.field == "measure-status" { i18n.t(&format!("measure-status-{v}")) } else { v.to_owned() };
                                                        view! {
                                                            <tr>
                                                                <th scope="row">{i18n.t(&ch.field)}</th>
                                                                <td class="prewrap"><del>{shown(&ch.before)}</del></td>
                                                                <td class="prewrap"><ins>{shown(&ch.after)}</ins></td>
                                                            </tr>
                                                        }
                                                    }).collect_view()}
                                                </tbody>
                                            </table>
                                        </div>
                                    }).collect_view()}
                                })}
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
