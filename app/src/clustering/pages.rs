//! `/staff/workshops/{id}/clusters`: the moderator groups proposals. Two equal ways: drag a
//! card (or the selected cards) onto a cluster, or select cards with the keyboard and use
//! "New cluster from selection" / "Move to cluster…". Both call the same server function;
//! every result is announced in a live region.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{
    api::{ClusteringPage, Step, clustering_step, get_cluster_history, get_clustering_page, get_suggestions},
    types::{ClusterId, ClusterView, Clustering, HistoryEntry, Suggestion},
};
use crate::{
    error::AppError,
    i18n::{I18n, use_i18n},
    processes::types::ActionFieldId,
    ui::{ErrorPage, Loading},
    workshops::live::{BoardMode, Live, connect},
    workshops::types::{BoardProposal, ProposalId, ProposalStatus, WorkshopId, WorkshopState},
};

#[component]
pub fn ClusteringPageView() -> impl IntoView {
    let _params = use_params_map();
    let page =
        Resource::new(crate::ui::route_id("id", WorkshopId::parse), |id| async move { get_clustering_page(id?).await });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <ClusterBoard page=p /> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What the page holds between steps.
#[derive(Clone, Copy)]
struct Desk {
    ws: WorkshopId,
    clustering: RwSignal<Clustering>,
    selected: RwSignal<Vec<ProposalId>>,
    dragging: RwSignal<Option<ProposalId>>,
    announce: RwSignal<String>,
    error: RwSignal<Option<String>>,
    live: Live,
    i18n: I18n,
}

impl Desk {
    fn title_of(&self, id: ProposalId) -> String {
        self.live
            .proposals
            .with_untracked(|l| l.iter().find(|p| p.id == id).map(|p| p.title.clone()).unwrap_or_default())
    }

    /// The cards a drag moves: the whole selection if the dragged card is part of it.
    fn dragged(&self) -> Vec<ProposalId> {
        let Some(card) = self.dragging.get_untracked() else { return Vec::new() };
        let selection = self.selected.get_untracked();
        if selection.contains(&card) { selection } else { vec![card] }
    }

    /// Drops cards on a target (`loose`, `new`, or a cluster's id): the same steps for the
    /// mouse, a finger and the buttons.
    fn drop_on(self, target: &str, cards: Vec<ProposalId>) {
        let Some(first) = cards.first().copied() else { return };
        let i18n = self.i18n;
        let count = cards.len().to_string();
        match target {
            "loose" => self.run(Step::Remove { proposals: cards }, i18n.ta("cl-announce-removed", &[("count", count)])),
            "new" => {
                let title = self.title_of(first);
                let done = i18n.ta("cl-announce-created", &[("title", title.clone()), ("count", count)]);
                self.run(Step::Create { proposals: cards, title, summary: String::new(), confirmed: false }, done);
            }
            id => {
                let Ok(cluster) = ClusterId::parse(id) else { return };
                let name = self.clustering.with_untracked(|c| {
                    c.clusters.iter().find(|x| x.id == cluster).map(|x| x.title.clone()).unwrap_or_default()
                });
                let done = i18n.ta("cl-announce-moved", &[("title", name), ("count", count)]);
                self.run(Step::Add { cluster, proposals: cards, confirmed: false }, done);
            }
        }
    }

    fn reload(self) {
        leptos::task::spawn_local(async move {
            if let Ok(page) = get_clustering_page(self.ws).await {
                self.clustering.set(page.clustering);
            }
        });
    }

    /// Runs a step; cards of another action field are confirmed by the moderator first.
    fn run(self, step: Step, done: String) {
        let i18n = self.i18n;
        leptos::task::spawn_local(async move {
            let version = self.clustering.get_untracked().version;
            let mut result = clustering_step(self.ws, version, step.clone()).await;
            if let Err(AppError::Conflict(msg)) = &result
                && msg.key == "cluster-other-field"
                && window().confirm_with_message(&i18n.msg(msg)).unwrap_or(false)
            {
                result = clustering_step(self.ws, version, step.confirmed()).await;
            }
            match result {
                Ok(clustering) => {
                    self.clustering.set(clustering);
                    self.selected.set(Vec::new());
                    self.error.set(None);
                    self.announce.set(done);
                }
                Err(e) => {
                    let message = match &e {
                        AppError::Invalid(fields) => {
                            fields.first().map_or_else(|| i18n.msg(&e.message()), |f| i18n.msg(&f.message))
                        }
                        other => i18n.msg(&other.message()),
                    };
                    if matches!(&e, AppError::Conflict(m) if m.key == "clustering-changed") {
                        self.reload();
                    }
                    self.announce.set(message.clone());
                    self.error.set(Some(message));
                }
            }
        });
    }
}

#[component]
fn ClusterBoard(page: ClusteringPage) -> impl IntoView {
    let i18n = use_i18n();
    let info = page.info.clone();
    let live = Live::new(&page.clone().into_board(), BoardMode::Moderator);
    let id = info.id;
    let reload: crate::workshops::live::Reload = std::rc::Rc::new(move || {
        Box::pin(async move { get_clustering_page(id).await.map(ClusteringPage::into_board) })
    });
    connect(live, info.join_code.clone(), reload);
    let desk = Desk {
        ws: info.id,
        clustering: RwSignal::new(page.clustering),
        selected: RwSignal::new(Vec::new()),
        dragging: RwSignal::new(None),
        announce: RwSignal::new(String::new()),
        error: RwSignal::new(None),
        live,
        i18n,
    };
    // Another moderator's step arrives as new clusters: load the new version too.
    Effect::watch(
        move || live.clusters.get(),
        move |clusters, _, _: Option<()>| {
            if desk.clustering.with_untracked(|c| &c.clusters != clusters) {
                desk.reload();
            }
        },
        false,
    );
    let filter = RwSignal::new(None::<ActionFieldId>);
    let new_title = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let suggestions = RwSignal::new(None::<Vec<Suggestion>>);
    let fields = info.fields.clone();
    let names = StoredValue::new(fields.clone());
    let field_name = move |id: ActionFieldId| {
        names.with_value(|f| f.iter().find(|f| f.id == id).map(|f| f.name.clone()).unwrap_or_default())
    };
    let card = move |id: ProposalId| live.proposals.with(|l| l.iter().find(|p| p.id == id).cloned());
    let shown = move |p: &BoardProposal| filter.get().is_none_or(|f| p.action_field_id == f);
    let count = move || desk.selected.with(Vec::len);
    let create = move |_| {
        let cards = desk.selected.get_untracked();
        let title = new_title.get_untracked();
        let title =
            if title.trim().is_empty() { cards.first().map(|c| desk.title_of(*c)).unwrap_or_default() } else { title };
        let done = i18n.ta("cl-announce-created", &[("title", title.clone()), ("count", cards.len().to_string())]);
        new_title.set(String::new());
        desk.run(Step::Create { proposals: cards, title, summary: String::new(), confirmed: false }, done);
    };
    let move_to = move |_| {
        let Ok(cluster) = ClusterId::parse(&target.get_untracked()) else {
            desk.error.set(Some(i18n.t("cl-choose-cluster")));
            return;
        };
        let cards = desk.selected.get_untracked();
        let name = desk.clustering.with_untracked(|c| {
            c.clusters.iter().find(|x| x.id == cluster).map(|x| x.title.clone()).unwrap_or_default()
        });
        let done = i18n.ta("cl-announce-moved", &[("title", name), ("count", cards.len().to_string())]);
        desk.run(Step::Add { cluster, proposals: cards, confirmed: false }, done);
    };
    let take_out = move |_| {
        let cards = desk.selected.get_untracked();
        let done = i18n.ta("cl-announce-removed", &[("count", cards.len().to_string())]);
        desk.run(Step::Remove { proposals: cards }, done);
    };
    let load_suggestions = move |_| {
        leptos::task::spawn_local(async move {
            match get_suggestions(desk.ws).await {
                Ok(list) => {
                    desk.announce.set(i18n.ta("cl-announce-suggestions", &[("count", list.len().to_string())]));
                    suggestions.set(Some(list));
                }
                Err(e) => desk.error.set(Some(i18n.msg(&e.message()))),
            }
        });
    };
    let drop_loose = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        desk.drop_on("loose", desk.dragged());
    };
    let drop_new = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        desk.drop_on("new", desk.dragged());
    };
    let open = move || live.state.get() == WorkshopState::Clustering;
    let field_options = fields.clone();
    view! {
        <Title text=i18n.ta("cl-title", &[("title", info.title.clone())]) />
        <header class="page-head">
            <p class="eyebrow"><a href=format!("/staff/workshops/{}", info.id)>{info.title.clone()}</a></p>
            <h1>{i18n.t("cl-heading")}</h1>
        </header>
        <p class="notice" role="status" aria-live="polite" data-test="cl-announce">{move || desk.announce.get()}</p>
        <p class="field-error" role="alert" data-test="cl-error">{move || desk.error.get()}</p>
        {move || (!open()).then(|| view! { <p class="notice">{i18n.t("clustering-not-open")}</p> })}
        <div class="cl-toolbar panel" role="group" aria-label=i18n.t("cl-toolbar")>
            <div class="field">
                <label for="cl-filter">{i18n.t("cl-filter")}</label>
                <select id="cl-filter" on:change=move |ev| filter.set(ActionFieldId::parse(&event_target_value(&ev)).ok())>
                    <option value="">{i18n.t("cl-filter-all")}</option>
                    {field_options.into_iter().map(|f| view! { <option value=f.id.to_string()>{f.name}</option> }).collect_view()}
                </select>
            </div>
            <p class="cl-selected" data-test="cl-selected">{move || i18n.ta("cl-selected", &[("count", count().to_string())])}</p>
            <div class="field">
                <label for="cl-new-title">{i18n.t("cl-new-title")}</label>
                <input id="cl-new-title" maxlength="120" prop:value=move || new_title.get()
                    on:input=move |ev| new_title.set(event_target_value(&ev)) />
            </div>
            <button type="button" on:click=create disabled=move || count() == 0 data-test="cl-create">{i18n.t("cl-create")}</button>
            <div class="field">
                <label for="cl-target">{i18n.t("cl-move-to")}</label>
                <select id="cl-target" on:change=move |ev| target.set(event_target_value(&ev))>
                    <option value="">{i18n.t("cl-choose")}</option>
                    {move || desk.clustering.get().clusters.into_iter().map(|c| view! { <option value=c.id.to_string()>{c.title}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" on:click=move_to disabled=move || count() == 0 data-test="cl-move">{i18n.t("cl-move")}</button>
            <button type="button" class="secondary" on:click=take_out disabled=move || count() == 0>{i18n.t("cl-take-out")}</button>
            <button type="button" class="secondary" data-test="cl-undo" disabled=move || !desk.clustering.with(|c| c.can_undo)
                on:click=move |_| desk.run(Step::Undo, i18n.t("cl-announce-undone"))>{i18n.t("cl-undo")}</button>
            <button type="button" class="secondary" data-test="cl-redo" disabled=move || !desk.clustering.with(|c| c.can_redo)
                on:click=move |_| desk.run(Step::Redo, i18n.t("cl-announce-redone"))>{i18n.t("cl-redo")}</button>
            <button type="button" class="secondary" on:click=load_suggestions data-test="cl-suggest">{i18n.t("cl-suggest")}</button>
        </div>
        {move || suggestions.get().map(|list| view! { <Suggestions list=list desk=desk suggestions=suggestions /> })}
        <div class="cl-columns">
            <section class="cl-loose drop-zone" aria-labelledby="cl-loose-heading" data-test="cl-loose" data-drop="loose"
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=drop_loose>
                <h2 id="cl-loose-heading">{move || i18n.ta("cl-loose", &[("count", desk.clustering.with(|c| c.loose.len()).to_string())])}</h2>
                <ul class="cl-cards">
                    {move || desk.clustering.get().loose.into_iter().filter_map(card).filter(|p| shown(p)).map(|p| {
                        let field = field_name(p.action_field_id);
                        view! { <Card proposal=p field=field desk=desk /> }
                    }).collect_view()}
                </ul>
            </section>
            <div class="cl-clusters">
                <div class="drop-zone cl-new-zone" data-test="cl-new-zone" data-drop="new"
                    on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=drop_new>
                    {i18n.t("cl-drop-new")}
                </div>
                {move || {
                    let clustering = desk.clustering.get();
                    let all = clustering.clusters.clone();
                    clustering.clusters.into_iter().filter(|c| filter.get().is_none_or(|f| c.action_field_id == f)).map(|c| {
                        let field = field_name(c.action_field_id);
                        view! { <ClusterBox cluster=c others=all.clone() field=field desk=desk /> }
                    }).collect_view()
                }}
            </div>
        </div>
    }
}

/// A proposal card: select it with the checkbox, or drag it.
#[component]
fn Card(proposal: BoardProposal, field: String, desk: Desk) -> impl IntoView {
    let i18n = desk.i18n;
    let id = proposal.id;
    let check_id = format!("sel-{id}");
    let checked = move || desk.selected.with(|s| s.contains(&id));
    let toggle = move |_| {
        desk.selected.update(|s| {
            if let Some(at) = s.iter().position(|x| *x == id) {
                s.remove(at);
            } else {
                s.push(id);
            }
        });
    };
    let start = move |ev: leptos::ev::DragEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(data) = ev.data_transfer() {
            let _ = data.set_data("text/plain", &id.to_string());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
        desk.dragging.set(Some(id));
    };
    // A finger drags by the handle (the rest of the card scrolls the page as usual): where the
    // finger is lifted decides the drop target.
    let origin = StoredValue::new((0.0f64, 0.0f64));
    let touch_start = move |ev: leptos::ev::PointerEvent| {
        origin.set_value((f64::from(ev.client_x()), f64::from(ev.client_y())));
        desk.dragging.set(Some(id));
    };
    let touch_end = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let (x0, y0) = origin.get_value();
        if (x - x0).hypot(y - y0) > 12.0 {
            #[cfg(feature = "hydrate")]
            if let Some(target) = document()
                .element_from_point(x as f32, y as f32)
                .and_then(|e| e.closest("[data-drop]").ok().flatten())
                .and_then(|e| e.get_attribute("data-drop"))
            {
                desk.drop_on(&target, desk.dragged());
            }
        }
        desk.dragging.set(None);
    };
    view! {
        <li class="cl-card" class:selected=checked class:proposal-hidden=proposal.status == ProposalStatus::Hidden
            draggable="true" on:dragstart=start on:dragend=move |_| desk.dragging.set(None)
            data-test="cl-card" data-id=id.to_string()>
            <span class="cl-handle" aria-hidden="true" on:pointerdown=touch_start on:pointerup=touch_end
                on:pointercancel=move |_| desk.dragging.set(None)>"⠿"</span>
            <input type="checkbox" id=check_id.clone() prop:checked=checked on:change=toggle />
            <label for=check_id>
                <span class="cl-card-title">{proposal.title.clone()}</span>
                <span class="meta">{field}</span>
                <span class="visually-hidden">{i18n.t("cl-select-hint")}</span>
            </label>
        </li>
    }
}

#[component]
fn ClusterBox(cluster: ClusterView, others: Vec<ClusterView>, field: String, desk: Desk) -> impl IntoView {
    let i18n = desk.i18n;
    let id = cluster.id;
    let heading = format!("cluster-{id}");
    let title = RwSignal::new(cluster.title.clone());
    let summary = RwSignal::new(cluster.summary.clone());
    let merge_from = RwSignal::new(String::new());
    let history = RwSignal::new(None::<Vec<HistoryEntry>>);
    let name = cluster.title.clone();
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        desk.drop_on(&id.to_string(), desk.dragged());
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let done = i18n.ta("cl-announce-renamed", &[("title", title.get_untracked())]);
        desk.run(Step::Rename { cluster: id, title: title.get_untracked(), summary: summary.get_untracked() }, done);
    };
    let merge = {
        let name = name.clone();
        move |_| {
            let Ok(from) = ClusterId::parse(&merge_from.get_untracked()) else {
                desk.error.set(Some(i18n.t("cl-choose-cluster")));
                return;
            };
            desk.run(
                Step::Merge { into: id, from, confirmed: false },
                i18n.ta("cl-announce-merged", &[("title", name.clone())]),
            );
        }
    };
    let split = {
        let members = cluster.members.clone();
        move |_| {
            let cards: Vec<ProposalId> =
                desk.selected.get_untracked().into_iter().filter(|c| members.contains(c)).collect();
            if cards.is_empty() {
                desk.error.set(Some(i18n.t("cl-split-select")));
                return;
            }
            let title = desk.title_of(cards[0]);
            let done = i18n.ta("cl-announce-created", &[("title", title.clone()), ("count", cards.len().to_string())]);
            desk.run(Step::Split { cluster: id, proposals: cards, title }, done);
        }
    };
    let dissolve = {
        let name = name.clone();
        move |_| desk.run(Step::Dissolve { cluster: id }, i18n.ta("cl-announce-dissolved", &[("title", name.clone())]))
    };
    let show_history = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(list) = get_cluster_history(desk.ws, id).await {
                history.set(Some(list));
            }
        });
    };
    let members = cluster.members.clone();
    let count = members.len();
    view! {
        <section class="cl-cluster drop-zone" aria-labelledby=heading.clone() data-test="cl-cluster" data-drop=id.to_string()
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=drop>
            <h2 id=heading.clone()>{cluster.title.clone()}" "<span class="count">{format!("({count})")}</span></h2>
            <p class="meta">{field}</p>
            {(!cluster.summary.is_empty()).then(|| view! { <p>{cluster.summary.clone()}</p> })}
            <ul class="cl-cards">
                {members.into_iter().filter_map(|m| desk.live.proposals.with_untracked(|l| l.iter().find(|p| p.id == m).cloned())).map(|p| {
                    view! { <Card proposal=p field=String::new() desk=desk /> }
                }).collect_view()}
            </ul>
            <details class="cl-actions">
                <summary>{i18n.ta("cl-actions", &[("title", name.clone())])}</summary>
                <form class="form" on:submit=rename>
                    <div class="field">
                        <label for=format!("ct-{id}")>{i18n.t("cl-cluster-title")}</label>
                        <input id=format!("ct-{id}") maxlength="120" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for=format!("cs-{id}")>{i18n.t("cl-cluster-summary")}</label>
                        <textarea id=format!("cs-{id}") maxlength="1000" rows="2" prop:value=move || summary.get()
                            on:input=move |ev| summary.set(event_target_value(&ev))></textarea>
                    </div>
                    <button type="submit">{i18n.t("save")}</button>
                </form>
                <div class="inline-form">
                    <div class="field">
                        <label for=format!("cm-{id}")>{i18n.t("cl-merge-from")}</label>
                        <select id=format!("cm-{id}") on:change=move |ev| merge_from.set(event_target_value(&ev))>
                            <option value="">{i18n.t("cl-choose")}</option>
                            {others.into_iter().filter(|o| o.id != id).map(|o| view! { <option value=o.id.to_string()>{o.title}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="button" on:click=merge>{i18n.t("cl-merge")}</button>
                </div>
                <button type="button" class="secondary" on:click=split>{i18n.t("cl-split")}</button>
                <button type="button" class="secondary danger" on:click=dissolve>{i18n.t("cl-dissolve")}</button>
                <button type="button" class="secondary" on:click=show_history>{i18n.t("cl-history")}</button>
                {move || history.get().map(|list| view! {
                    <ol class="history" data-test="cl-history">
                        {list.into_iter().map(|h| view! {
                            <li>
                                {i18n.t(&format!("cl-kind-{}", h.kind))}" · "
                                {h.by.unwrap_or_default()}" · "
                                {format!("{} {}", i18n.date(h.at.date_naive()), h.at.format("%H:%M"))}
                                {h.undone.then(|| view! { " · " {i18n.t("cl-undone")} })}
                            </li>
                        }).collect_view()}
                    </ol>
                })}
            </details>
        </section>
    }
}

/// The suggested groups: each can be accepted, taken into the selection to edit, or rejected.
#[component]
fn Suggestions(list: Vec<Suggestion>, desk: Desk, suggestions: RwSignal<Option<Vec<Suggestion>>>) -> impl IntoView {
    let i18n = desk.i18n;
    let drop_it = move |index: usize| {
        suggestions.update(|s| {
            if let Some(s) = s {
                s.remove(index);
            }
        })
    };
    view! {
        <section class="panel" aria-labelledby="cl-suggestions-heading" data-test="cl-suggestions">
            <h2 id="cl-suggestions-heading">{i18n.ta("cl-suggestions", &[("count", list.len().to_string())])}</h2>
            {list.is_empty().then(|| view! { <p class="empty">{i18n.t("cl-no-suggestions")}</p> })}
            <ol class="plain">
                {list.into_iter().enumerate().map(|(index, s)| {
                    let titles: Vec<String> = s.proposals.iter().map(|p| desk.title_of(*p)).collect();
                    let target = s.cluster.and_then(|c| desk.clustering.with_untracked(|x| x.clusters.iter().find(|k| k.id == c).map(|k| k.title.clone())));
                    let (cards, cluster) = (s.proposals.clone(), s.cluster);
                    let accept = {
                        let (cards, titles) = (cards.clone(), titles.clone());
                        move |_| {
                            let step = match cluster {
                                Some(cluster) => Step::Add { cluster, proposals: cards.clone(), confirmed: false },
                                None => Step::Create { proposals: cards.clone(), title: titles[0].clone(), summary: String::new(), confirmed: false },
                            };
                            drop_it(index);
                            desk.run(step, i18n.ta("cl-announce-accepted", &[("count", cards.len().to_string())]));
                        }
                    };
                    let pick = {
                        let cards = cards.clone();
                        move |_| {
                            desk.selected.set(cards.clone());
                            desk.announce.set(i18n.ta("cl-selected", &[("count", cards.len().to_string())]));
                        }
                    };
                    view! {
                        <li class="cl-suggestion" data-test="cl-suggestion">
                            <p>
                                {target.map(|t| view! { <strong>{i18n.ta("cl-suggest-into", &[("title", t)])}</strong>" " })}
                                {titles.join(" · ")}
                            </p>
                            <button type="button" on:click=accept>{i18n.t("cl-accept")}</button>
                            <button type="button" class="secondary" on:click=pick>{i18n.t("cl-pick")}</button>
                            <button type="button" class="secondary" on:click=move |_| drop_it(index)>{i18n.t("cl-reject")}</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
