//! Proposal pages: the participant's edit and report pages (participant pages: no wasm) and
//! the moderator's proposal page with its history.

mod form;

pub use form::{OwnProposal, ProposalFields, ProposalForm};

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    i18n::use_i18n,
    proposals::{
        api::{
            EditProposal, ReportProposal, UpdateOwnProposal, get_own_proposal, get_proposal_detail,
            get_visible_proposal,
        },
        components::author_text,
    },
    ui::refreshing,
    ui::{ErrorPage, FormError, Loading, TextArea, action_error, field_error, route_id},
    workshops::types::{OwnProposalView, ProposalId, ProposalStatus, REASON_MAX},
};

/// `/w/{code}/p/{id}`: a participant edits their own proposal.
#[component]
pub fn OwnProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = route_id("id", ProposalId::parse);
    let key = move || (params.read().get("code").unwrap_or_default().to_ascii_uppercase(), id());
    let data = Resource::new(key, |(code, id)| async move { get_own_proposal(code, id?).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(OwnProposalView { workshop: info, proposal, fate }) => {
                        let update = ServerAction::<UpdateOwnProposal>::new();
                        let errors = action_error(update);
                        let code = info.join_code.clone();
                        view! {
                            <Title text=i18n.t("proposal-edit-title") />
                            <section class="narrow">
                                <p class="eyebrow" dir="auto">{info.title.clone()}</p>
                                <h1>{i18n.t("proposal-edit-title")}</h1>
                                {fate.as_ref().map(|f| view! { <p class="notice" role="status" data-test="fate">{crate::plan::types::fate_text(i18n.lang, Some(f))}</p> })}
                                <ActionForm action=update attr:class="form" attr:novalidate=true>
                                    <FormError error=errors />
                                    <input type="hidden" name="code" value=code.clone() />
                                    <input type="hidden" name="id" value=proposal.id.to_string() />
                                    <ProposalFields fields=info.fields.clone() current=Some(proposal.clone()) errors=errors />
                                    <button type="submit">{i18n.t("save")}</button>
                                    " "
                                    <a href=format!("/w/{code}")>{i18n.t("cancel")}</a>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/w/{code}/p/{id}/report`: a participant reports a proposal to the moderators.
#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default().to_ascii_uppercase();
    let id = route_id("id", ProposalId::parse);
    let proposal =
        Resource::new(move || (code(), id()), |(code, id)| async move { get_visible_proposal(code, id?).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match proposal.await {
                    Ok(p) => {
                        let report = ServerAction::<ReportProposal>::new();
                        let errors = action_error(report);
                        view! {
                            <Title text=i18n.t("report-title") />
                            <section class="narrow">
                                <h1>{i18n.t("report-title")}</h1>
                                <blockquote class="quoted"><strong dir="auto" lang=crate::proposals::components::written_in(i18n, &p.lang).0>{p.title.clone()}</strong><br /><bdi>{author_text(i18n, &p)}</bdi></blockquote>
                                <p>{i18n.t("report-lead")}</p>
                                <ActionForm action=report attr:class="form" attr:novalidate=true>
                                    <FormError error=errors />
                                    <input type="hidden" name="code" value=code() />
                                    <input type="hidden" name="id" value=p.id.to_string() />
                                    <TextArea name="reason" label=i18n.t("report-reason") maxlength=REASON_MAX rows=3
                                        error=field_error(errors, "reason") />
                                    <button type="submit">{i18n.t("report-submit")}</button>
                                    " "
                                    <a href=format!("/w/{}", code())>{i18n.t("cancel")}</a>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/staff/proposals/{id}`: a moderator edits a proposal; every version stays visible.
#[component]
pub fn ModeratorProposalPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = route_id("id", ProposalId::parse);
    let refresh = RwSignal::new(0u32);
    let data = Resource::new(move || (id(), refresh.get()), |(id, _)| async move { get_proposal_detail(id?).await });
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(detail) => {
                        let revision = detail.revision;
                        let edit = refreshing::<EditProposal>(refresh);
                        let errors = action_error(edit);
                        let p = detail.proposal.clone();
                        view! {
                            <Title text=p.title.clone() />
                            <section class="narrow">
                                <p class="eyebrow"><a href=format!("/staff/workshops/{}", detail.workshop.id)>{detail.workshop.title.clone()}</a></p>
                                {detail.fate.as_ref().map(|f| view! { <p class="notice" role="status" data-test="fate">{crate::plan::types::fate_text(i18n.lang, Some(f))}</p> })}
                                <h1>{p.title.clone()}</h1>
                                <p class="meta">{author_text(i18n, &p)}</p>
                                {(p.status == ProposalStatus::Hidden).then(|| view! {
                                    <p class="notice"><strong>{i18n.t("proposal-hidden")}</strong>": "{p.hidden_reason.clone().unwrap_or_default()}</p>
                                })}
                                <ActionForm action=edit attr:class="form" attr:novalidate=true>
                                    <FormError error=errors />
                                    <input type="hidden" name="id" value=p.id.to_string() />
                                    <input type="hidden" name="revision" value=revision.to_string() />
                                    <ProposalFields fields=detail.workshop.fields.clone() current=Some(p.clone()) errors=errors />
                                    <button type="submit">{i18n.t("save")}</button>
                                </ActionForm>
                                <h2>{i18n.t("history")}</h2>
                                <ol class="history" reversed data-test="history">
                                    {detail.revisions.into_iter().rev().map(|r| {
                                        let who = r.edited_by.clone().unwrap_or_else(|| i18n.t("history-original"));
                                        view! {
                                            <li>
                                                <p class="meta">{format!("{} · {}", i18n.date(r.created_at.date_naive()), r.created_at.format("%H:%M"))}" · "{who}" · "{r.action_field.clone()}</p>
                                                <p><strong>{r.title.clone()}</strong></p>
                                                {(!r.description.is_empty()).then(|| view! { <p class="prewrap">{r.description.clone()}</p> })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                            </section>
                        }.into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}
