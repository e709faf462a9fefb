//! The staff page of a workshop: course, join data, live moderation board, room proposals,
//! reports, settings and (organizers) participants with export and deletion.

use leptos::prelude::*;
use leptos_meta::Title;

use super::ModeratorBoard;
use crate::workshops::components::WorkshopFacts;
use crate::workshops::pages::WorkshopSettings;
use crate::{
    board::api::get_moderator_board,
    i18n::use_i18n,
    participants::api::DeleteParticipant,
    proposals::api::DismissReport,
    ui::refreshing,
    ui::{Empty, ErrorPage, Loading, action_error},
    workshops::{
        api::{SetWorkshopState, UpdateWorkshop, get_workshop_admin},
        types::{WorkshopAdmin, WorkshopState},
    },
};

/// `/staff/workshops/{id}`: run the workshop: state, join data, live board with moderation,
/// proposals from the room, reports; organizers also settings and participants.
#[component]
pub fn StaffWorkshopPage() -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    let id = crate::ui::route_id("id", crate::workshops::types::WorkshopId::parse);
    let admin = Resource::new(move || (id(), refresh.get()), |(id, _)| async move { get_workshop_admin(id?).await });
    // Outside the refreshed part, so "saved" stays visible after the page reloads its data.
    let update = refreshing::<UpdateWorkshop>(refresh);
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match admin.await {
                    Ok(a) => view! { <StaffWorkshop admin=a refresh=refresh update=update /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
pub fn StaffWorkshop(
    admin: WorkshopAdmin,
    refresh: RwSignal<u32>,
    update: ServerAction<UpdateWorkshop>,
) -> impl IntoView {
    let i18n = use_i18n();
    let info = admin.info.clone();
    let id = info.id;
    let board = Resource::new(move || id, get_moderator_board);
    let set_state = refreshing::<SetWorkshopState>(refresh);
    let state_errors = action_error(set_state);
    let step = move |to: Option<WorkshopState>, key: &'static str| {
        to.map(|to| {
            let label = i18n.ta(key, &[("state", i18n.t(to.label_key()))]);
            view! {
                <ActionForm action=set_state attr:class="inline">
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="from" value=info.state.as_str() />
                    <input type="hidden" name="to" value=to.as_str() />
                    <button type="submit" class=if key == "ws-step-back" { "secondary" } else { "" } data-test=key>{label}</button>
                </ActionForm>
            }
        })
    };
    view! {
        <Title text=info.title.clone() />
        <header class="page-head">
            <p class="eyebrow">{info.process_name.clone()}</p>
            <h1>{info.title.clone()}</h1>
            <span class="badge badge-current" data-test="ws-state">{i18n.t(info.state.label_key())}</span>
        </header>
        <WorkshopFacts info=info.clone() />
        <section class="panel state-panel" aria-labelledby="state-heading">
            <h2 id="state-heading">{i18n.t("ws-course")}</h2>
            <ol class="steps">
                {WorkshopState::ALL.iter().map(|s| {
                    let current = *s == info.state;
                    view! { <li class:current=current aria-current=current.then_some("step")>{i18n.t(s.label_key())}</li> }
                }).collect_view()}
            </ol>
            {step(info.state.previous(), "ws-step-back")}
            {step(info.state.next(), "ws-step-forward")}
            <p class="field-error" role="alert">{move || state_errors.get().map(|e| i18n.msg(&e.message()))}</p>
        </section>
        <section class="panel join-panel" aria-labelledby="join-heading">
            <h2 id="join-heading">{i18n.t("ws-join-data")}</h2>
            <div class="qr" role="img" aria-label=i18n.ta("ws-qr-label", &[("link", admin.short_link.clone())]) inner_html=admin.qr_svg.clone()></div>
            <dl class="join-data">
                <dt>{i18n.t("ws-short-link")}</dt>
                <dd><a href=admin.short_link.clone() rel="external" data-test="short-link">{admin.short_link.clone()}</a></dd>
                <dt>{i18n.t("ws-code")}</dt>
                <dd><code class="join-code" data-test="join-code">{info.join_code.clone()}</code></dd>
            </dl>
            <form method="get" action=format!("/staff/workshops/{id}/beamer") target="_blank" class="beamer-open">
                <label for="beamer-lang2">{i18n.t("beamer-second-language")}</label>
                <select id="beamer-lang2" name="lang2" data-test="beamer-lang2">
                    <option value="">{i18n.t("beamer-second-none")}</option>
                    {info.languages.langs().into_iter().filter(|l| *l != crate::i18n::Lang::default()).map(|l| view! {
                        <option value=l.code() lang=l.code()>{l.own_name()}</option>
                    }).collect_view()}
                </select>
                <button type="submit" data-test="beamer-link">{i18n.t("ws-beamer")}</button>
            </form>
        </section>
        {(info.state == WorkshopState::Clustering).then(|| view! {
            <p><a class="button" href=format!("/staff/workshops/{id}/clusters") data-test="clustering-link">{i18n.t("cl-open")}</a></p>
        })}
        {matches!(info.state, WorkshopState::Clustering | WorkshopState::Voting).then(|| view! {
            <p><a class="button" href=format!("/staff/workshops/{id}/votes") data-test="votes-link">{i18n.t("vote-open-page")}</a></p>
        })}
        {(info.state != WorkshopState::Draft).then(|| view! {
            <p>
                <a class="button secondary" href=format!("/staff/workshops/{id}/documentation") data-test="documentation-link">{i18n.t("doc-open")}</a>
                {(info.state == WorkshopState::Closed).then(|| view! {
                    " "<a class="button" href=format!("/staff/processes/{}/plan", info.process_id) data-test="plan-from-workshop">{i18n.t("plan-open")}</a>
                })}
            </p>
        })}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(b) => view! { <ModeratorBoard board=b /> }.into_any(),
                    Err(e) => view! { <p class="field-error">{i18n.msg(&e.message())}</p> }.into_any(),
                }
            })}
        </Suspense>
        {(!admin.reports.is_empty()).then(|| view! { <Reports admin=admin.clone() refresh=refresh /> })}
        {admin.can_configure.then(|| view! {
            <WorkshopSettings admin=admin.clone() update=update />
            <Participants admin=admin.clone() refresh=refresh />
        })}
    }
}

#[component]
pub fn Reports(admin: WorkshopAdmin, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="reports-heading" data-test="reports">
            <h2 id="reports-heading">{i18n.ta("reports-heading", &[("count", admin.reports.len().to_string())])}</h2>
            <ul class="plain">
                {admin.reports.into_iter().map(|r| {
                    let dismiss = refreshing::<DismissReport>(refresh);
                    view! {
                        <li>
                            <a href=format!("/staff/proposals/{}", r.proposal_id)>{r.proposal_title.clone()}</a>
                            {(!r.reason.is_empty()).then(|| view! { ": " <q>{r.reason.clone()}</q> })}
                            <ActionForm action=dismiss attr:class="inline">
                                <input type="hidden" name="id" value=r.id.to_string() />
                                <button type="submit" class="secondary">{i18n.t("report-dismiss")}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn Participants(admin: WorkshopAdmin, refresh: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let export_url = <crate::participants::api::ExportParticipant as leptos::server_fn::ServerFn>::url();
    view! {
        <section class="panel" aria-labelledby="participants-heading">
            <h2 id="participants-heading">{i18n.ta("participants-heading", &[("count", admin.participants.len().to_string())])}</h2>
            <p class="hint">{i18n.t("participants-hint")}</p>
            {if admin.participants.is_empty() {
                view! { <Empty text=i18n.t("participants-none") /> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                    <table class="table" data-test="participants">
                        <thead><tr>
                            <th scope="col">{i18n.t("join-display-name")}</th>
                            <th scope="col">{i18n.t("join-organisation")}</th>
                            <th scope="col">{i18n.t("participants-proposals")}</th>
                            <th scope="col">{i18n.t("participants-actions")}</th>
                        </tr></thead>
                        <tbody>
                            {admin.participants.into_iter().map(|p| {
                                let delete = refreshing::<DeleteParticipant>(refresh);
                                let name = if p.deleted { i18n.t("author-deleted") } else { p.display_name.clone().unwrap_or_else(|| i18n.t("author-anonymous")) };
                                let org = match (&p.organisation, p.org_type) {
                                    (Some(o), Some(t)) => format!("{o} ({})", i18n.t(t.label_key())),
                                    (Some(o), None) => o.clone(),
                                    (None, Some(t)) => i18n.t(t.label_key()),
                                    (None, None) => String::new(),
                                };
                                let export = format!("{export_url}?id={}", p.id);
                                view! {
                                    <tr>
                                        <td>{name.clone()}</td>
                                        <td>{org}</td>
                                        <td>{p.proposals}</td>
                                        <td>
                                            <a href=export download="" aria-label=i18n.ta("participant-export-label", &[("name", name.clone())])>{i18n.t("participant-export")}</a>
                                            {(!p.deleted).then(|| view! {
                                                " "
                                                <ActionForm action=delete attr:class="inline">
                                                    <input type="hidden" name="id" value=p.id.to_string() />
                                                    <button type="submit" class="secondary danger"
                                                        aria-label=i18n.ta("participant-delete-label", &[("name", name.clone())])>{i18n.t("participant-delete")}</button>
                                                </ActionForm>
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
